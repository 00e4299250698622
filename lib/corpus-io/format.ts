/**
 * The corpus export format, version 1. Two containers of the same article records:
 *
 * - JSON: `{"format": "recoupe-corpus", "version": 1, "exportedAt", "count", "articles": [...]}`,
 *   one article per line inside the array so that a diff or a pager can read it.
 * - JSONL, for large corpora (written and read line by line): a header line
 *   `{"format": "recoupe-corpus", "version": 1, "exportedAt", "stream": "jsonl"}`, one article per
 *   line, and an end line `{"end": "recoupe-corpus", "count": N}`. A stream without its end line
 *   was cut short, and is refused whole.
 *
 * An article record holds what the page gave and the extracted text, never markup, an id or
 * derived data (word count, same-story features): those are computed again on import.
 */
import type { Span } from '../extract/types';

export const FORMAT = 'recoupe-corpus';
export const VERSION = 1;

/** Where an article came from: a page read in the browser, a shipped sample, an import, a followed feed. */
export type ArticleOrigin = 'page' | 'sample' | 'import' | 'followed';

export const ARTICLE_ORIGINS: readonly ArticleOrigin[] = ['page', 'sample', 'import', 'followed'];

/**
 * One article: the page's metadata and extracted text, never its markup or scripts. The export
 * format carries exactly this; the corpus stores it with an id and derived data (`StoredArticle`
 * in extension/storage extends it).
 */
export interface PortableArticle {
  /** The page URL without its fragment, http(s); `sample:<name>` for the shipped samples, `file:` for a capture imported from a folder. Unique in a corpus. */
  url: string;
  /** The address the page declared for itself, on its own site (see extension/storage/identity.ts). */
  canonicalUrl: string | null;
  /** Another site's article the page declared as its own address (a syndicated copy, or a forgery); absent when not set. */
  declaredCopyOf?: string | null;
  title: string | null;
  byline: string | null;
  /** The site's name, or its host name when the page does not declare one. */
  site: string | null;
  /** BCP 47 language tag (`fr`, `en-GB`). */
  language: string | null;
  /** ISO 8601 date or date-time, from the page's metadata. */
  publishedTime: string | null;
  /** ISO 8601 date-time: first saved, and last saved again; null in a file that did not say (the import time is used). */
  savedAt: string | null;
  updatedAt: string | null;
  origin: ArticleOrigin;
  text: string;
  /** Paragraph ranges into `text`, ordered, not overlapping. */
  paragraphs: Span[];
}

/** Anything with the fields of a portable article (a stored record, say); other fields are left out. */
export type ExportableArticle = { [K in keyof PortableArticle]: PortableArticle[K] | undefined };

/** Limits of what an import takes on; saving fits a record to them too (`fitToLimits`), so that whatever is stored imports back. */
export const LIMITS = {
  /** Characters of one file (JSON, JSONL, text or HTML): 50 million. */
  fileChars: 50_000_000,
  articles: 200_000,
  textChars: 5_000_000,
  paragraphs: 50_000,
  urlChars: 4_096,
  titleChars: 2_000,
  bylineChars: 1_000,
  siteChars: 500,
  languageChars: 35,
  dateChars: 40,
} as const;

/** The record written for an article: only the fields of the format, in a fixed order. */
export function portable(a: ExportableArticle): PortableArticle {
  return {
    url: a.url ?? '',
    canonicalUrl: a.canonicalUrl ?? null,
    ...(a.declaredCopyOf ? { declaredCopyOf: a.declaredCopyOf } : {}),
    title: a.title ?? null,
    byline: a.byline ?? null,
    site: a.site ?? null,
    language: a.language ?? null,
    publishedTime: a.publishedTime ?? null,
    savedAt: a.savedAt ?? null,
    updatedAt: a.updatedAt ?? null,
    origin: a.origin ?? 'import',
    text: a.text ?? '',
    paragraphs: (a.paragraphs ?? []).map((p) => ({ start: p.start, end: p.end })),
  };
}

/**
 * Pairs of exported articles (by URL) a reader judged not the same event. An optional header
 * field, written only when there are some: a reader of format version 1 that does not know it
 * ignores it.
 */
export type KeptApartPairs = readonly (readonly [string, string])[];

export interface SerializeOptions {
  now?: Date;
  keptApart?: KeptApartPairs;
}

/** The header fields every export starts with. */
export function exportHeader(options: SerializeOptions): { format: string; version: number; exportedAt: string; keptApart?: KeptApartPairs } {
  const head = { format: FORMAT, version: VERSION, exportedAt: (options.now ?? new Date()).toISOString() };
  return options.keptApart?.length ? { ...head, keptApart: options.keptApart } : head;
}

/** The whole corpus as one JSON document. */
export function serializeCorpus(articles: Iterable<ExportableArticle>, options: SerializeOptions = {}): string {
  const lines = [...articles].map((a) => JSON.stringify(portable(a)));
  const head = JSON.stringify({ ...exportHeader(options), count: lines.length });
  return `${head.slice(0, -1)},"articles":[\n${lines.join(',\n')}\n]}\n`;
}

/** The corpus as JSONL lines (each without its newline): header, one line per article, end line. */
export function* serializeCorpusLines(articles: Iterable<ExportableArticle>, options: SerializeOptions = {}): Generator<string> {
  yield JSON.stringify({ ...exportHeader(options), stream: 'jsonl' });
  let count = 0;
  for (const a of articles) {
    count++;
    yield JSON.stringify(portable(a));
  }
  yield JSON.stringify({ end: FORMAT, count });
}
