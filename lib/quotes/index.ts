/**
 * Quotations: every quotation of an article with its kind and speaker (`extract`), and the same
 * quotation across two articles with its relation and word diff (`align`).
 *
 * @example
 * const quotes = extractQuotes(article.text, article.language ?? 'en');
 * const shared = alignQuotes(a.text, quotesA, b.text, quotesB, 'fr');
 */
export { extractQuotes, quotedWords } from './extract';
export type { Quote, QuoteKind, Span } from './types';
export { alignQuotes, alignQuotesUntil, compareQuotations, creditedSpeaker, speakersDiffer } from './align';
export type { Clock, DiffPart, QuoteRelation, SharedQuote } from './align';
