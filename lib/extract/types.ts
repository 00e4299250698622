import type { Span } from '../text/span';

export type { Span };

/** One thing the extractor set aside, and why (after defuddle's debug removals trace). */
export interface Removal {
  /** The removal step that took it out, e.g. `comments`, `caption`, `cookie-banner`. */
  step: string;
  /** Human-readable reason. */
  reason: string;
  /** The text that was removed, whitespace-collapsed. */
  text: string;
}

/**
 * Why a page is not an article, as data: the extension words each code in the reader's language
 * (`locales/*.yml`, `panel.notArticle.<code>`), the CLI prints the English `articleReasons`.
 *
 * - `empty`: no text found; `not-text`: binary content.
 * - `short`: the body has `words` words, under the `min` an article needs.
 * - `no-prose`: no running sentences (a list of links, labels, a form).
 * - `listing`: the page declares itself a list of pages (home, section, search results).
 * - `reference`: a reference entry (encyclopedia, knowledge base), not news.
 * - `front-page-url`: the address is that of a home, section, search or wiki page.
 * - `no-article-signs`: nothing says article (no article metadata, no date, little prose).
 */
export type NotArticleReason =
  | { code: 'empty' }
  | { code: 'not-text' }
  | { code: 'short'; words: number; min: number }
  | { code: 'no-prose' }
  | { code: 'listing' }
  | { code: 'reference' }
  | { code: 'front-page-url' }
  | { code: 'no-article-signs' };

/** Cheap signals of "this page is a news article", computed without extraction. */
export interface ArticleSignals {
  isArticle: boolean;
  /** Why: e.g. `json-ld:NewsArticle`, `og:type=article`, `<article>`, `text-density`. */
  reasons: string[];
  /** The page's metadata declares an article (JSON-LD article type or og:type=article). */
  declared?: boolean;
  /** What counted against, as codes (empty when nothing did). */
  against?: NotArticleReason[];
}

/**
 * What extraction returns for one page or text file. Everything later (matching, quotes,
 * passages, framing) works on `text`, and every offset indexes into it.
 */
export interface ExtractedArticle {
  /** Headline, kept apart from `text`; null when none could be told apart. */
  title: string | null;
  byline: string | null;
  siteName: string | null;
  /** ISO 8601 when known. */
  publishedTime: string | null;
  /** ISO 639-1 code (`fr`, `en`…) from the page's declaration or detection; null when unknown. */
  language: string | null;
  url: string | null;
  canonicalUrl: string | null;
  /** Body paragraphs joined by "\n\n"; the title is not part of it. */
  text: string;
  /** Paragraph ranges into `text`, in order. */
  paragraphs: Span[];
  /** Lines and blocks set aside as page debris (banners, captions, comments, related links…). */
  boilerplate: string[];
  /** Each removal with the step and reason, for debugging and tests. */
  removals: Removal[];
  isArticle: boolean;
  /** Why the page is or is not considered an article (English, technical: the CLI's trace). */
  articleReasons: string[];
  /** When not an article: why, as codes for the reader's language (absent on older records). */
  notArticle?: NotArticleReason[];
}
