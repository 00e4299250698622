/**
 * A folder of captures as an import: `.txt` and `.html` articles, each optionally with its sidecar
 * (`sidecar.ts`), read strictly: the files may come from anywhere. HTML is parsed by the caller's
 * `parseHtml` (jsdom in Node, DOMParser in an extension page), so that this module needs no DOM of
 * its own; the page's scripts never run (a parsed document runs none) and its markup is never
 * kept, only the extracted text.
 */
import { extractFromDocument, extractFromText } from '../extract';
import type { ExtractedArticle } from '../extract/types';
import { LIMITS, type PortableArticle } from './format';
import { collectArticles, type ParsedCorpus, type SkippedItem } from './parse';
import { CAPTURE_FILE, captureStem, isHtmlName, readSidecar, SIDECAR_FILE, sidecarPageUrl, withSidecar, type Sidecar } from './sidecar';

export interface FolderFile {
  name: string;
  text: string;
}

const baseName = (name: string) => name.replace(/^.*[\\/]/, '');

/** A `file:` address for a capture without a URL of its own. */
const fileUrl = (name: string) => `file:///${encodeURIComponent(baseName(name))}`;

/**
 * The articles of a folder's files, validated as an export's articles are. Files that are
 * neither articles nor sidecars, sidecars without their article, unreadable sidecars and
 * captures without text are skipped with their reason. Never throws.
 */
export function articlesFromFolder(files: FolderFile[], parseHtml: (html: string) => Document): ParsedCorpus {
  const skipped: SkippedItem[] = [];
  const sidecars = new Map<string, { name: string; text: string }>();
  const articles: FolderFile[] = [];
  for (const file of files) {
    const name = baseName(String(file.name));
    if (typeof file.text !== 'string') skipped.push({ item: name, reason: 'not a text file' });
    else if (file.text.length > LIMITS.fileChars) skipped.push({ item: name, reason: `larger than ${LIMITS.fileChars / 1_000_000} million characters` });
    else if (SIDECAR_FILE.test(name)) sidecars.set(captureStem(name), { name, text: file.text });
    else if (CAPTURE_FILE.test(name)) articles.push({ name, text: file.text });
    else skipped.push({ item: name, reason: 'not a .txt, .html or .meta.json file' });
  }
  const stems = new Set(articles.map((a) => captureStem(a.name)));
  for (const [key, sidecar] of sidecars) {
    if (!stems.has(key)) skipped.push({ item: sidecar.name, reason: `no ${key}.txt or ${key}.html beside it` });
  }

  const items: { item: string; value: unknown }[] = [];
  for (const file of [...articles].sort((a, b) => a.name.localeCompare(b.name))) {
    const sidecar = sidecars.get(captureStem(file.name));
    const read = sidecar ? readSidecar(sidecar.text, { strict: true }) : { ok: true as const, sidecar: {} as Sidecar };
    if (!read.ok) {
      skipped.push({ item: file.name, reason: `${sidecar!.name}: ${read.problem}` });
      continue;
    }
    const meta = read.sidecar;
    if (file.text.includes('\u0000')) {
      skipped.push({ item: file.name, reason: 'a binary file, not text or HTML' });
      continue;
    }
    const url = meta.url !== undefined ? meta.url : fileUrl(file.name);
    let article: ExtractedArticle;
    try {
      const pageUrl = sidecarPageUrl(meta);
      article = withSidecar(isHtmlName(file.name) ? extractFromDocument(parseHtml(file.text), { url: pageUrl }) : extractFromText(file.text, { url: pageUrl }), meta);
    } catch (error) {
      skipped.push({ item: file.name, reason: `could not be extracted (${error instanceof Error ? error.message.slice(0, 200) : 'unknown error'})` });
      continue;
    }
    if (!article.text.trim()) {
      skipped.push({ item: file.name, reason: 'no article text found' });
      continue;
    }
    const value: PortableArticle = {
      url,
      canonicalUrl: article.canonicalUrl && /^https?:\/\//i.test(article.canonicalUrl) ? article.canonicalUrl : null,
      title: article.title,
      byline: article.byline,
      site: article.siteName,
      language: article.language,
      publishedTime: article.publishedTime,
      savedAt: null,
      updatedAt: null,
      origin: 'import',
      text: article.text,
      paragraphs: article.paragraphs,
    };
    items.push({ item: file.name, value });
  }
  const collected = collectArticles(items, skipped);
  return { ok: true, kind: 'folder', ...collected, keptApart: [] };
}
