/**
 * The folder-with-sidecars format: `.txt` and `.html` captures, each optionally with a sidecar
 * `<name>.meta.json` `{"url", "site", "title", "published"}` (ISO 8601 date) standing for what the
 * extension takes from the page. One reader for every place that reads it: the CLI's corpus folder
 * (lenient), the corpus page's import of captures (strict, `articlesFromFolder`) and the samples
 * shipped in `corpus/` (lenient). Where the files come from (a disk, a file picker, a bundle) is
 * the caller's.
 */
import type { ExtractedArticle } from '../extract/types';
import { isIsoDate } from './parse';

/** What a sidecar says of its capture; each field wins over what the page says. */
export interface Sidecar {
  url?: string;
  site?: string;
  title?: string;
  /** ISO 8601 date or date-time (checked when read strictly). */
  published?: string;
}

export const CAPTURE_FILE = /\.(txt|html?|xhtml)$/i;
export const SIDECAR_FILE = /\.meta\.json$/i;

export const isHtmlName = (name: string) => /\.(html?|xhtml)$/i.test(name);
const baseName = (name: string) => name.replace(/^.*[\\/]/, '');
/** A capture's or sidecar's name without folder and extension: what pairs them (and the CLI's article id). */
export function captureStem(name: string): string {
  const base = baseName(name);
  return SIDECAR_FILE.test(base) ? base.replace(SIDECAR_FILE, '') : base.replace(/(?<=.)\.[^.]*$/, '');
}
/** The name of a capture's sidecar. */
export const sidecarNameOf = (captureName: string) => `${captureStem(captureName)}.meta.json`;

const FIELDS = ['url', 'site', 'title', 'published'] as const;

/**
 * Reads a sidecar's text. A text that is not a JSON object is never a sidecar. Strict (files from
 * anywhere): a field of the wrong type, or a date that is not ISO 8601, is the problem returned, and
 * the caller refuses the capture. Lenient (a person's own folder, the shipped samples): a field
 * that is not a string is left out, the others are taken as given. Either way, `unknown` lists the
 * keys that are not a sidecar's fields.
 */
export function readSidecar(text: string, options: { strict: boolean }): { ok: true; sidecar: Sidecar; unknown: string[] } | { ok: false; problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return { ok: false, problem: 'not valid JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, problem: 'not a JSON object' };
  const o = value as Record<string, unknown>;
  const sidecar: Sidecar = {};
  for (const key of FIELDS) {
    const v = Object.hasOwn(o, key) ? o[key] : undefined;
    if (v === null || v === undefined) continue;
    const problem = typeof v !== 'string' ? `${key} is not a string` : key === 'published' && !isIsoDate(v) ? 'published is not an ISO 8601 date' : null;
    if (problem && options.strict) return { ok: false, problem };
    if (typeof v === 'string') sidecar[key] = v;
  }
  // (Fields a sidecar does not have are no problem, other tools add theirs; the caller may say so:
  // `publishedTime` for `published` silently drops the date.)
  return { ok: true, sidecar, unknown: Object.keys(o).filter((k) => !(FIELDS as readonly string[]).includes(k)) };
}

/** The address to extract a capture as: the sidecar's URL when it is a web address (a capture's `file:` name is none). */
export const sidecarPageUrl = (sidecar: Sidecar): string | undefined => (sidecar.url && /^https?:/i.test(sidecar.url) && URL.canParse(sidecar.url) ? sidecar.url : undefined);

/** The extracted capture with what its sidecar says: a non-empty title, site or date wins over the page's. */
export function withSidecar(article: ExtractedArticle, sidecar: Sidecar): ExtractedArticle {
  return {
    ...article,
    ...(sidecar.title ? { title: sidecar.title } : {}),
    ...(sidecar.site ? { siteName: sidecar.site } : {}),
    ...(sidecar.published ? { publishedTime: sidecar.published } : {}),
  };
}
