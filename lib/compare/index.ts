/**
 * Comparing articles: the page against stored versions, quotes and passages together. Each
 * article is prepared once (its quotations found once, serving both analyses), then compared
 * pair by pair; the results are plain data with spans into both texts, ready for the panel or
 * the CLI.
 *
 * @module
 */
import { alignQuotesUntil, extractQuotes, type Clock, type Quote, type SharedQuote } from '../quotes';
import { comparePassages, isCopied, preparePassages, wordCoverage, type Passage, type PreparedText } from '../passages';
import type { Span } from '../extract/types';

export interface ArticleText {
  text: string;
  language: string | null;
}

/** An article with its quotations and its words ready for passage alignment. */
export interface PreparedArticle extends ArticleText {
  quotes: Quote[];
  words: PreparedText;
}

export interface PairComparison {
  /** Spans: `a` into the first article, `b` into the second. */
  sharedQuotes: SharedQuote[];
  passages: Passage[];
  /** Share of each body's words copied (verbatim and edited passages; paraphrases not counted), in [0, 1]. */
  coverage: { a: number; b: number };
  /** Set when the quotation alignment stopped at its deadline: `sharedQuotes` holds what was found by then. */
  quotesPartial?: true;
}

/** Quote extraction falls back to English cues for an unknown language. */
const quoteLanguage = (a: ArticleText) => a.language ?? 'en';

export function prepareArticle(article: ArticleText): PreparedArticle {
  const quotes = extractQuotes(article.text, quoteLanguage(article));
  // Reported speech belongs to the quotes analysis; a scare quote is a label inside the prose.
  const reported = quotes.filter((q) => q.kind === 'reported');
  return { ...article, quotes, words: preparePassages(article.text, article.language, reported) };
}

/** `a` compared with `b`; the quotation alignment stops at `deadline` on `now` (none by default). */
export function comparePrepared(a: PreparedArticle, b: PreparedArticle, deadline = Infinity, now?: Clock): PairComparison {
  const { passages, coverage } = comparePassages(a.words, b.words);
  const quotes = alignQuotesUntil(a.text, a.quotes, b.text, b.quotes, quoteLanguage(a), deadline, now);
  return { sharedQuotes: quotes.shared, passages, coverage, ...(quotes.complete ? {} : { quotesPartial: true as const }) };
}

/**
 * The share of `page` copied in any of the articles it was compared with (each word counted
 * once): verbatim and edited passages; a paraphrase is similar wording, not a copy.
 */
export function coverageOfPage(page: PreparedArticle, comparisons: readonly PairComparison[]): number {
  return wordCoverage(page.words, comparisons.flatMap((c) => c.passages.filter(isCopied).map((p) => p.a)));
}

/** A run of text for display, marked where it differs from the other version. */
export interface MarkedRun {
  text: string;
  changed: boolean;
}

/**
 * Cuts `span` of `text` into runs, marking the given spans (the edits on this side), so that a
 * view can show a passage with its edits without any offset arithmetic of its own.
 */
export function markRuns(text: string, span: Span, marked: readonly (Span | null)[]): MarkedRun[] {
  const edits = marked
    .filter((m): m is Span => m !== null && m.end > span.start && m.start < span.end)
    .map((m) => ({ start: Math.max(m.start, span.start), end: Math.min(m.end, span.end) }))
    .sort((x, y) => x.start - y.start);
  const runs: MarkedRun[] = [];
  let at = span.start;
  for (const e of edits) {
    if (e.start < at) continue;
    if (e.start > at) runs.push({ text: text.slice(at, e.start), changed: false });
    runs.push({ text: text.slice(e.start, e.end), changed: true });
    at = e.end;
  }
  if (at < span.end) runs.push({ text: text.slice(at, span.end), changed: false });
  return runs;
}

/**
 * The first `maxChars` characters of `runs`, the run cut there ending in "…" (a run that ends
 * exactly at the limit is not marked cut): what a list shows of a long passage.
 */
export function firstChars(runs: readonly MarkedRun[], maxChars: number): MarkedRun[] {
  let left = maxChars;
  const shown: MarkedRun[] = [];
  for (const r of runs) {
    if (left <= 0) break;
    shown.push(r.text.length <= left ? r : { ...r, text: `${r.text.slice(0, left)}…` });
    left -= r.text.length;
  }
  return shown;
}
