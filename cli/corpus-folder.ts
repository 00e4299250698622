/**
 * A corpus folder for the CLI: the folder-with-sidecars format of `lib/corpus-io/sidecar.ts`, read
 * from disk, sidecars leniently (a person's own folder). The id of an article is its file name
 * without extension.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { ExtractedArticle } from '../lib/extract/types';
import { CAPTURE_FILE, captureStem, readSidecar, sidecarNameOf, sidecarPageUrl, withSidecar, type Sidecar } from '../lib/corpus-io';
import { extractPage, InputError, readPage } from './read-page';

export interface CorpusFile {
  id: string;
  path: string;
  article: ExtractedArticle;
}

/** A sidecar's keys that are no field of it, said in one line (`warn`), so that a misspelt date is not silently dropped. */
async function readMeta(path: string, warn?: (message: string) => void): Promise<Sidecar> {
  const metaPath = join(dirname(resolve(path)), sidecarNameOf(path));
  let text: string;
  try {
    text = await readFile(metaPath, 'utf8');
  } catch {
    return {};
  }
  const read = readSidecar(text, { strict: false });
  if (!read.ok) throw new InputError(`cannot parse ${metaPath}: ${read.problem}`);
  if (read.unknown.length) warn?.(`${metaPath}: ignored ${read.unknown.map((k) => JSON.stringify(k)).join(', ')} (a sidecar's fields are url, site, title, published)`);
  return read.sidecar;
}

/** Extract one article file, with its sidecar metadata applied (the sidecar wins over the page). */
export async function readArticleFile(path: string, warn?: (message: string) => void): Promise<CorpusFile> {
  const meta = await readMeta(path, warn);
  const { content, isHtml } = await readPage(path);
  return { id: captureStem(path), path: resolve(path), article: extractWithMeta(content, isHtml, meta) };
}

/** Extract a page or text with the metadata given beside it (a sidecar, a JSON Lines record): the metadata wins over the page. */
export function extractWithMeta(content: string, isHtml: boolean, meta: Sidecar): ExtractedArticle {
  return withSidecar(extractPage(content, isHtml, sidecarPageUrl(meta)), meta);
}

/**
 * Every article of `dir` (sorted by file name), except `skip` (a resolved path). A file that
 * cannot be read is reported through `onSkip` and left out; a missing folder is an `InputError`.
 */
export async function readCorpusFolder(dir: string, options: { skip?: string; onSkip?: (message: string) => void; warn?: (message: string) => void } = {}): Promise<CorpusFile[]> {
  let names: string[];
  try {
    if (!(await stat(dir)).isDirectory()) throw new InputError(`cannot read corpus ${dir}: not a folder`);
    names = await readdir(dir);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`cannot read corpus ${dir}: ${code === 'ENOENT' ? 'no such folder' : (error as Error).message}`);
  }
  const out: CorpusFile[] = [];
  for (const name of names.filter((n) => CAPTURE_FILE.test(n)).sort()) {
    const path = resolve(dir, name);
    if (path === options.skip) continue;
    try {
      out.push(await readArticleFile(path, options.warn));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      options.onSkip?.(error.message);
    }
  }
  return out;
}
