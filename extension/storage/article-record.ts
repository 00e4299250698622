import type { ExtractedArticle, Span } from '../../lib/extract/types';

/** Where a stored article came from. */
export type ArticleOrigin = 'page' | 'sample' | 'import';

/** One saved article as the corpus keeps it: the page's metadata and extracted text, never its markup or scripts. */
export interface StoredArticle {
  id: number;
  /** The page URL without its fragment; unique in the corpus (`sample:<name>` for the shipped samples). */
  url: string;
  canonicalUrl: string | null;
  title: string | null;
  byline: string | null;
  /** The site's name, or its host name when the page does not declare one. */
  site: string | null;
  language: string | null;
  /** ISO 8601, from the page's metadata. */
  publishedTime: string | null;
  /** ISO 8601: first saved, and last saved again. */
  savedAt: string;
  updatedAt: string;
  text: string;
  paragraphs: Span[];
  wordCount: number;
  origin: ArticleOrigin;
  /**
   * Per-article analysis kept with the article (index terms, entities, dates…). Later schema
   * versions fill it; an article without it is analysed again on demand.
   */
  analysis?: Record<string, unknown>;
}

/** What lists show: everything but the text and the analysis. */
export type ArticleSummary = Omit<StoredArticle, 'text' | 'paragraphs' | 'analysis'>;

/** A new record, before the database gives it an id. */
export type NewArticle = Omit<StoredArticle, 'id'>;

/** Drops the fragment: `#comments` and `#top` are the same article. */
export function pageUrl(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

function hostName(url: string | null): string | null {
  if (!url) return null;
  try {
    const host = new URL(url).hostname;
    return host ? host.replace(/^www\./, '') : null;
  } catch {
    return null;
  }
}

/** Counts words as Unicode letter-or-digit runs (elisions such as `l'opposition` count twice, as they read). */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

/** Builds the record to store for an extracted article. */
export function toNewArticle(article: ExtractedArticle, url: string, origin: ArticleOrigin, now: Date): NewArticle {
  const iso = now.toISOString();
  return {
    url: pageUrl(url),
    canonicalUrl: article.canonicalUrl ? pageUrl(article.canonicalUrl) : null,
    title: article.title,
    byline: article.byline,
    site: article.siteName ?? hostName(article.canonicalUrl ?? url),
    language: article.language,
    publishedTime: article.publishedTime,
    savedAt: iso,
    updatedAt: iso,
    text: article.text,
    paragraphs: article.paragraphs,
    wordCount: countWords(article.text),
    origin,
  };
}

export function toSummary(article: StoredArticle): ArticleSummary {
  const { text: _text, paragraphs: _paragraphs, analysis: _analysis, ...summary } = article;
  return summary;
}
