/**
 * A folder of captures as an import: `.txt` and `.html` articles, each optionally with a sidecar
 * `<name>.meta.json` `{"url", "site", "title", "published"}` (the CLI's corpus folder, as
 * `corpus/` holds). HTML is parsed by the caller's `parseHtml` (jsdom in Node, DOMParser in an
 * extension page), so that this module needs no DOM of its own; the page's scripts never run
 * (a parsed document runs none) and its markup is never kept, only the extracted text.
 */
import { extractFromDocument, extractFromText } from '../extract';
import type { ExtractedArticle } from '../extract/types';
import { LIMITS, type PortableArticle } from './format';
import { collectArticles, isIsoDate, type ParsedCorpus, type SkippedItem } from './parse';

export interface FolderFile {
  name: string;
  text: string;
}

const ARTICLE_FILE = /\.(txt|html?|xhtml)$/i;
const SIDECAR = /\.meta\.json$/i;
const isHtmlName = (name: string) => /\.(html?|xhtml)$/i.test(name);
const baseName = (name: string) => name.replace(/^.*[\\/]/, '');
const stem = (name: string) => baseName(name).replace(SIDECAR, '').replace(ARTICLE_FILE, '');

interface Sidecar {
  url?: string;
  site?: string;
  title?: string;
  published?: string;
}

/** Reads a sidecar strictly: a field of the wrong type or shape is a reason to skip the article. */
function readSidecar(text: string): Sidecar | string {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return 'not valid JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const o = value as Record<string, unknown>;
  const out: Sidecar = {};
  for (const key of ['url', 'site', 'title', 'published'] as const) {
    if (!Object.hasOwn(o, key) || o[key] === null || o[key] === undefined) continue;
    const v = o[key];
    if (typeof v !== 'string') return `${key} is not a string`;
    out[key] = v;
  }
  if (out.published !== undefined && !isIsoDate(out.published)) return 'published is not an ISO 8601 date';
  return out;
}

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
    else if (SIDECAR.test(name)) sidecars.set(stem(name), { name, text: file.text });
    else if (ARTICLE_FILE.test(name)) articles.push({ name, text: file.text });
    else skipped.push({ item: name, reason: 'not a .txt, .html or .meta.json file' });
  }
  const stems = new Set(articles.map((a) => stem(a.name)));
  for (const [key, sidecar] of sidecars) {
    if (!stems.has(key)) skipped.push({ item: sidecar.name, reason: `no ${key}.txt or ${key}.html beside it` });
  }

  const items: { item: string; value: unknown }[] = [];
  for (const file of [...articles].sort((a, b) => a.name.localeCompare(b.name))) {
    const sidecar = sidecars.get(stem(file.name));
    const meta = sidecar ? readSidecar(sidecar.text) : {};
    if (typeof meta === 'string') {
      skipped.push({ item: file.name, reason: `${sidecar!.name}: ${meta}` });
      continue;
    }
    if (file.text.includes('\u0000')) {
      skipped.push({ item: file.name, reason: 'a binary file, not text or HTML' });
      continue;
    }
    const url = meta.url !== undefined ? meta.url : fileUrl(file.name);
    let article: ExtractedArticle;
    try {
      const pageUrl = /^https?:/i.test(url) && URL.canParse(url) ? url : undefined;
      article = isHtmlName(file.name)
        ? extractFromDocument(parseHtml(file.text), { url: pageUrl })
        : extractFromText(file.text, { url: pageUrl });
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
      title: meta.title ?? article.title,
      byline: article.byline,
      site: meta.site ?? article.siteName,
      language: article.language,
      publishedTime: meta.published ?? article.publishedTime,
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
