import type { ExtractedArticle } from '../../lib/extract/types';
import { fitToLimits, paragraphsOf, type ArticleOrigin, type PortableArticle } from '../../lib/corpus-io';
import { declaredIdentity } from './identity';
import { countLetterRuns } from '../../lib/text/word-scan';

export type { ArticleOrigin };

/** One saved article as the corpus keeps it: the portable article with its id, its dates set, and what is derived from it. */
export interface StoredArticle extends PortableArticle {
  id: number;
  savedAt: string;
  updatedAt: string;
  wordCount: number;
  /**
   * Origin `followed`: the feed it came by, and whether its text is the page's article or, where the
   * page yielded none (a paywall, a consent wall), the feed's own text (absent on other origins).
   */
  followed?: { feedId: number; text: 'page' | 'feed' };
}

/**
 * A record as schemas 1 to 13 stored it: with its features (`analysis.match`), which live in the
 * `features` table alone from schema 14 (two thirds of a record's weight, paid by every read of
 * whole records). The background drops the field from stored records (analysis-drop.ts).
 */
export type LegacyArticle = StoredArticle & { analysis?: Record<string, unknown> };

/** What lists show: everything but the text. */
export type ArticleSummary = Omit<StoredArticle, 'text' | 'paragraphs'>;

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
  return countLetterRuns(text);
}

/**
 * Builds the record to store for an extracted article: identified by the address it was read at,
 * its declared address kept as canonical or as the article it copies (`declaredIdentity`), and
 * fitted to the limits an import enforces.
 */
export function toNewArticle(article: ExtractedArticle, url: string, origin: ArticleOrigin, now: Date): NewArticle {
  const iso = now.toISOString();
  const address = pageUrl(url);
  return fitToLimits({
    url: address,
    ...declaredIdentity(address, article.canonicalUrl ? pageUrl(article.canonicalUrl) : null),
    title: article.title,
    byline: article.byline,
    // The page's own host: a declared address may name any site.
    site: article.siteName ?? hostName(url),
    language: article.language,
    publishedTime: article.publishedTime,
    savedAt: iso,
    updatedAt: iso,
    text: article.text,
    paragraphs: article.paragraphs,
    wordCount: countWords(article.text),
    origin,
  });
}

const isText = (v: unknown) => v === undefined || v === null || typeof v === 'string';
const warned = new Set<unknown>();

/**
 * A record as read from the database, or null when it is damaged past use (no text, a title or
 * address that is not text): the caller leaves it out, and one bad record never breaks the
 * comparison, the stories or the list of the others. A missing saved date, word count or
 * paragraph list is filled in rather than lose the article.
 */
export function readableArticle(value: unknown): StoredArticle | null {
  const a = value as Partial<StoredArticle> | null | undefined;
  const usable = typeof a === 'object' && a !== null && Number.isSafeInteger(a.id) && typeof a.url === 'string' && typeof a.text === 'string'
    && isText(a.title) && isText(a.byline) && isText(a.site) && isText(a.language) && isText(a.publishedTime) && isText(a.canonicalUrl) && isText(a.declaredCopyOf);
  if (!usable) {
    if (!warned.has(a?.id)) {
      warned.add(a?.id);
      console.warn(`Recoupe: stored article ${String(a?.id).slice(0, 20)} is damaged (its text, title or address is not text); it is left out`);
    }
    return null;
  }
  const paragraphsOk = Array.isArray(a.paragraphs) && a.paragraphs.every((p) => typeof p?.start === 'number' && typeof p?.end === 'number' && p.end <= a.text!.length);
  const dated = typeof a.savedAt === 'string';
  if (paragraphsOk && dated && typeof a.updatedAt === 'string' && typeof a.wordCount === 'number') return a as StoredArticle;
  const savedAt = dated ? a.savedAt! : typeof a.updatedAt === 'string' ? a.updatedAt : '';
  return {
    ...(a as StoredArticle),
    title: a.title ?? null, byline: a.byline ?? null, site: a.site ?? null, language: a.language ?? null,
    publishedTime: a.publishedTime ?? null, canonicalUrl: a.canonicalUrl ?? null,
    savedAt, updatedAt: typeof a.updatedAt === 'string' ? a.updatedAt : savedAt,
    paragraphs: paragraphsOk ? a.paragraphs! : paragraphsOf(a.text!),
    wordCount: typeof a.wordCount === 'number' ? a.wordCount : countWords(a.text!),
  };
}

export function toSummary(article: StoredArticle): ArticleSummary {
  // A record of before schema 14 may still carry its features (`LegacyArticle`): not a summary's.
  const { text: _text, paragraphs: _paragraphs, analysis: _analysis, ...summary } = article as LegacyArticle;
  return summary;
}
