/**
 * Build plugin: eld's language model (~1 MB of n-gram scores, `eld/extrasmall`) is evaluated when
 * a language is first detected, not when the background or the analysis worker starts (issue 16:
 * a search reaching a cold background waited 150–340 ms for a script whose model it never uses).
 *
 * Why not `import()`: Chrome's background is a service worker, where dynamic import is forbidden,
 * and WXT builds the background and the worker as single classic scripts; detection is also
 * synchronous throughout lib/. So the model stays in the script, but inert: its object literal
 * becomes a JSON string parsed on first call (a JS engine only scans a string literal, and
 * JSON.parse builds the same object, keys in the same order), and eld's entry builds its default
 * instance on first use. lib/text/language.ts builds its own instance lazily.
 *
 * Both rewrites check the text they replace, so an eld update that changes it fails the build
 * instead of silently loading the model eagerly again (or not at all).
 */
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'vite';

const NGRAMS_FILE = /[\\/]eld[\\/]src[\\/]ngrams[\\/]extrasmall\.js$/;
const ENTRY_FILE = /[\\/]eld[\\/]src[\\/]entries[\\/]static\.extrasmall\.js$/;

function replaceOnce(code: string, from: string, to: string, file: string): string {
  const at = code.indexOf(from);
  if (at < 0 || code.indexOf(from, at + 1) >= 0) throw new Error(`lazy-language-model: expected "${from}" once in ${file}`);
  return code.slice(0, at) + to + code.slice(at + from.length);
}

/** The model module with `ngramsData` as a function returning the (cached) model parsed from JSON. */
export function lazyNgramsSource(data: unknown): string {
  // Single quotes: JSON's many double quotes need no escape inside them.
  const literal = `'${JSON.stringify(data).replace(/[\\']/g, (c) => `\\${c}`).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')}'`;
  return `let model;\nexport const ngramsData = () => (model ??= JSON.parse(${literal}));\n`;
}

/** eld's extrasmall entry, calling `ngramsData()` and building its default instance on first use. */
export function lazyEntrySource(code: string, file = 'static.extrasmall.js'): string {
  let out = replaceOnce(code, 'loadData(ngramsData)', 'loadData(ngramsData())', file);
  // `newInstance` needs no default instance; anything else on `eld` builds it, once.
  out = replaceOnce(
    out,
    'const eld = build()',
    'let built\nconst eld = new Proxy({}, { get: (_, key) => (key === "newInstance" ? build : (built ??= build())[key]) })',
    file,
  );
  return out;
}

/** The model's data, evaluated from eld's own file. */
export async function ngramsDataOf(file: string): Promise<unknown> {
  const module = (await import(pathToFileURL(file).href)) as { ngramsData?: unknown };
  if (!module.ngramsData || typeof module.ngramsData !== 'object') throw new Error(`lazy-language-model: no ngramsData object in ${file}`);
  return module.ngramsData;
}

export function lazyLanguageModel(): Plugin {
  return {
    name: 'recoupe:lazy-language-model',
    enforce: 'pre',
    async transform(code, id) {
      const file = id.split('?')[0] ?? id;
      if (NGRAMS_FILE.test(file)) return { code: lazyNgramsSource(await ngramsDataOf(file)), map: null };
      if (ENTRY_FILE.test(file)) return { code: lazyEntrySource(code, file), map: null };
      return null;
    },
  };
}
