/**
 * A span of a text as a W3C Web Annotation TextQuoteSelector (its words and their context), apart
 * from the anchoring (index.ts) so that a view can rebuild selectors from a text and offsets
 * without bundling the approximate search.
 */
import type { Span } from '../extract/types';

/** The words of a span with some context either side (mirrored by extension/protocol.ts). */
export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
  /**
   * A long text sent by its ends (`boundedQuote`): `exact` is its first words, `tail` its last,
   * `length` and `hash` the whole's characters but spacing (`unspaced`).
   */
  tail?: string;
  length?: number;
  hash?: number;
}

/**
 * Longest text a selector carries whole to the page; a longer one goes as its ends. A message's
 * selector is bounded (extension/protocol.ts), and the approximate search costs O(text length / 32
 * × page length): a passage of 100,000 characters would be 3,000 passes over the page.
 */
export const LONG_QUOTE_CHARS = 10_000;

/** Characters kept at each end of a long selector, before cutting back to whole words. */
export const END_CHARS = 1_000;

/** Context kept either side, in characters, before cutting back to a word boundary (Hypothesis keeps 32). */
export const CONTEXT_CHARS = 32;

/**
 * The selector of `span` in `text`: its exact text plus up to `CONTEXT_CHARS` characters either
 * side, cut back to whole words (a word cut in half agrees with nothing).
 */
export function quoteSelector(text: string, span: Span, contextChars = CONTEXT_CHARS): TextQuote {
  const start = Math.max(0, Math.min(span.start, text.length));
  const end = Math.max(start, Math.min(span.end, text.length));
  const from = Math.max(0, start - contextChars);
  let prefix = text.slice(from, start);
  if (from > 0 && /\S/.test(text[from - 1]!)) prefix = prefix.replace(/^\S*/, '');
  const to = Math.min(text.length, end + contextChars);
  let suffix = text.slice(end, to);
  if (to < text.length && /\S/.test(text[to]!)) suffix = suffix.replace(/\S*$/, '');
  // Spacing next to the exact text tells nothing (anchoring collapses and trims it anyway).
  return { exact: text.slice(start, end), prefix: prefix.trim(), suffix: suffix.trim() };
}

/**
 * What two renderings of one text agree on, the page's markup spacing it otherwise: how many of
 * its characters are not spacing, and their 32-bit FNV-1a hash (Fowler, Noll, Vo).
 */
export function unspaced(s: string): { length: number; hash: number } {
  let length = 0;
  let hash = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // What \s matches below U+00A1 told by code, the rest (rare) by the regular expression.
    if (c > 0xa0 ? /\s/.test(s[i]!) : c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0) continue;
    length++;
    hash = Math.imul(hash ^ c, 0x01000193);
  }
  return { length, hash: hash >>> 0 };
}

/**
 * The selector as sent to the page: whole up to `LONG_QUOTE_CHARS`, longer as its first and last
 * `END_CHARS` (cut back to whole words) with the whole's length and hash but spacing, which the
 * page checks the text between them against (lib/anchor `anchorParagraphs`).
 */
export function boundedQuote(quote: TextQuote): TextQuote {
  if (quote.exact.length <= LONG_QUOTE_CHARS || quote.tail !== undefined) return quote;
  const { exact } = quote;
  // A word cut in half agrees with nothing; a text without spacing is cut where it is.
  const head = /\S/.test(exact[END_CHARS] ?? ' ') ? exact.slice(0, END_CHARS).replace(/\s+\S*$/, '') : exact.slice(0, END_CHARS);
  const tail = /\S/.test(exact[exact.length - END_CHARS - 1] ?? ' ') ? exact.slice(-END_CHARS).replace(/^\S*\s+/, '') : exact.slice(-END_CHARS);
  return {
    exact: (head.trim() || exact.slice(0, END_CHARS)).trim(),
    prefix: quote.prefix,
    suffix: quote.suffix,
    tail: (tail.trim() || exact.slice(-END_CHARS)).trim(),
    ...unspaced(exact),
  };
}
