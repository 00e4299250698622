/**
 * A corpus folder for the CLI: `.txt` and `.html` articles, each optionally with a sidecar
 * `<name>.meta.json` `{"url", "site", "title", "published"}` (ISO date) standing for what the
 * extension takes from the page. The id of an article is its file name without extension.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import type { ExtractedArticle } from '../lib/extract/types';
import { extractPage, InputError, readPage } from './read-page';

export interface SidecarMeta {
  url?: string;
  site?: string;
  title?: string;
  published?: string;
}

export interface CorpusFile {
  id: string;
  path: string;
  article: ExtractedArticle;
}

const ARTICLE_FILE = /\.(txt|html?|xhtml)$/i;

/** The id of an article file: its name without extension. */
export function articleId(path: string): string {
  return basename(path, extname(path));
}

async function readMeta(path: string): Promise<SidecarMeta | null> {
  const metaPath = join(resolve(path, '..'), `${articleId(path)}.meta.json`);
  let text: string;
  try {
    text = await readFile(metaPath, 'utf8');
  } catch {
    return null;
  }
  try {
    const meta = JSON.parse(text) as SidecarMeta;
    return meta && typeof meta === 'object' ? meta : null;
  } catch {
    throw new InputError(`cannot parse ${metaPath}: not JSON`);
  }
}

/** Extract one article file, with its sidecar metadata applied (the sidecar wins over the page). */
export async function readArticleFile(path: string): Promise<CorpusFile> {
  const meta = await readMeta(path);
  const { content, isHtml } = await readPage(path);
  return { id: articleId(path), path: resolve(path), article: extractWithMeta(content, isHtml, meta) };
}

/** Extract a page or text with the metadata given beside it (a sidecar, a JSON Lines record): the metadata wins over the page. */
export function extractWithMeta(content: string, isHtml: boolean, meta: SidecarMeta | null): ExtractedArticle {
  const url = meta?.url && URL.canParse(meta.url) ? meta.url : undefined;
  const article = extractPage(content, isHtml, url);
  if (meta?.title) article.title = meta.title;
  if (meta?.site) article.siteName = meta.site;
  if (meta?.published) article.publishedTime = meta.published;
  return article;
}

/**
 * Every article of `dir` (sorted by file name), except `skip` (a resolved path). A file that
 * cannot be read is reported through `onSkip` and left out; a missing folder is an `InputError`.
 */
export async function readCorpusFolder(dir: string, options: { skip?: string; onSkip?: (message: string) => void } = {}): Promise<CorpusFile[]> {
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
  for (const name of names.filter((n) => ARTICLE_FILE.test(n)).sort()) {
    const path = resolve(dir, name);
    if (path === options.skip) continue;
    try {
      out.push(await readArticleFile(path));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      options.onSkip?.(error.message);
    }
  }
  return out;
}
