/**
 * Text anchoring: describe a span of a text by its words and their context, and find it again in
 * another rendering of that text (the live page, edited since, with other markup and typography).
 *
 * This is the W3C Web Annotation TextQuoteSelector as the Hypothesis client anchors annotations
 * (src/annotator/anchoring/match-quote.ts): exact occurrences first, chosen by how well the
 * text around them agrees with the selector's prefix and suffix; failing that, an approximate
 * search with Myers' bit-parallel algorithm (`approx-string-match`, the library Hypothesis uses)
 * scored by edit distance plus context agreement. Unlike Hypothesis, which takes the best
 * candidate whatever its quality, an approximate match is accepted only when it verifies (a
 * bounded share of errors, and context for short texts); otherwise the text is an orphan, so a
 * highlight never lands on the wrong words.
 *
 * Matching runs on the comparison form of both texts (lib/text/normalize: case, whitespace,
 * typographic quotes and dashes folded) and maps back to the original offsets.
 */
import approxSearch from 'approx-string-match';
import { normalizeForComparison, normalizeWithMap, type NormalizedText } from '../text/normalize';
import type { Span } from '../extract/types';

export { boundedQuote, quoteSelector, unspaced, CONTEXT_CHARS, END_CHARS, LONG_QUOTE_CHARS, type TextQuote } from './selector';
import { quoteSelector, unspaced, type TextQuote } from './selector';

/** How a text was found: exactly, approximately (then verified), or not at all. */
export type AnchorStatus = 'exact' | 'fuzzy' | 'orphan';

/** Where a selector was found, in the original text's offsets; an orphan has no place. */
export type Anchor = { status: 'exact' | 'fuzzy'; start: number; end: number } | { status: 'orphan'; start: null; end: null };

/**
 * An approximate match may differ from the selector's text by at most this share of its length:
 * a few words edited in a sentence. Measured on PolNeAR: the best approximate match of an
 * unrelated sentence of 64 or more characters in 176,000 characters of other news differs by over
 * half of it; shorter sentences came within a third (hence SHORT_QUOTE_CHARS).
 */
export const MAX_ERROR_RATE = 0.25;

/** Errors searched for at most (Hypothesis' bound): the search costs O(errors / 32 × text length). */
const MAX_ERRORS = 256;

/**
 * Texts shorter than this (normalised) come close to too many places: the best approximate match
 * of an unrelated 32–64-character sentence in a news article can differ by under a third of it.
 * An approximate match of a short text is accepted only where its context agrees too.
 */
const SHORT_QUOTE_CHARS = 64;

/**
 * Agreement (0 to 1) one side of a short text's context must reach. Unrelated 32-character
 * contexts reach at most 0.6 against each other in English news (see the tests).
 */
const MIN_CONTEXT_SCORE = 0.75;

/** Weights of the candidate score, after Hypothesis' matchQuote: the text first, then its context. */
const QUOTE_WEIGHT = 50;
const CONTEXT_WEIGHT = 20;

const orphan: Anchor = { status: 'orphan', start: null, end: null };

/** A text prepared once for anchoring many selectors in it: its comparison form, with its map back to the original. */
export function prepareText(text: string): NormalizedText {
  return normalizeWithMap(text);
}

/** Similarity (0 to 1) of `context` to the best-matching part of `window`; 1 when there is no context. */
function contextScore(window: string, context: string): number {
  if (context.length === 0) return 1;
  if (window.length === 0) return 0;
  const [best] = approxSearch(window, context, context.length);
  return best ? 1 - best.errors / context.length : 0;
}

interface Candidate {
  start: number;
  end: number;
  errors: number;
}

/**
 * Finds `quote` in `text` (or in a text prepared with `prepareText`): `{ start, end, status }` in
 * the original text's offsets, or an orphan when no place verifies.
 */
export function anchorQuote(text: string | NormalizedText, quote: TextQuote): Anchor {
  const normalized = typeof text === 'string' ? prepareText(text) : text;
  const page = normalized.text;
  const exact = normalizeForComparison(quote.exact);
  if (exact.length === 0 || page.length === 0) return orphan;
  const prefix = normalizeForComparison(quote.prefix);
  const suffix = normalizeForComparison(quote.suffix);

  let candidates: Candidate[] = [];
  for (let at = page.indexOf(exact); at !== -1; at = page.indexOf(exact, at + 1)) {
    candidates.push({ start: at, end: at + exact.length, errors: 0 });
  }
  const fuzzy = candidates.length === 0;
  if (fuzzy) {
    const maxErrors = Math.min(MAX_ERRORS, Math.floor(exact.length * MAX_ERROR_RATE));
    if (maxErrors === 0) return orphan;
    candidates = approxSearch(page, exact, maxErrors);
  }

  // How well the text around a candidate agrees with the selector's context, side by side. The
  // windows are trimmed like the selector's context: a space at the match would count as an error.
  let best: { c: Candidate; score: number; agreement: number } | null = null;
  for (const c of candidates) {
    const before = contextScore(page.slice(Math.max(0, c.start - prefix.length - 1), c.start).trimEnd(), prefix);
    const after = contextScore(page.slice(c.end, c.end + suffix.length + 1).trimStart(), suffix);
    const score = QUOTE_WEIGHT * (1 - c.errors / exact.length) + CONTEXT_WEIGHT * (before + after);
    // One side is enough: the other may have been edited, or be page furniture the selector's text lacked.
    const agreement = Math.max(prefix ? before : 0, suffix ? after : 0);
    if (!best || score > best.score) best = { c, score, agreement };
  }
  if (!best) return orphan;

  if (fuzzy && exact.length < SHORT_QUOTE_CHARS && best.agreement < MIN_CONTEXT_SCORE) return orphan;
  // An approximate match may start or end on the space around the words; the words are the match.
  let { start, end } = best.c;
  while (start < end && page[start] === ' ') start++;
  while (end > start && page[end - 1] === ' ') end--;
  if (start === end) return orphan;
  const span = normalized.toOriginalSpan(start, end);
  return { status: fuzzy ? 'fuzzy' : 'exact', start: span.start, end: span.end };
}

/** Anchors every selector in one text, preparing the text once. */
export function anchorQuotes(text: string, quotes: readonly TextQuote[]): Anchor[] {
  const prepared = prepareText(text);
  return quotes.map((q) => anchorQuote(prepared, q));
}

/**
 * A selector cut at its paragraph breaks (the blank lines between the extracted text's
 * paragraphs): one selector per paragraph, each with the neighbouring paragraph as context. The
 * page may hold, between two paragraphs of a passage, what the extraction set aside (an aside, a
 * "Read more" box, an advert); anchored paragraph by paragraph, none of it is covered.
 */
export function paragraphQuotes(quote: TextQuote): TextQuote[] {
  const spans: Span[] = [];
  const breaks = /\n\s*\n/g;
  let at = 0;
  for (const m of quote.exact.matchAll(breaks)) {
    spans.push({ start: at, end: m.index });
    at = m.index + m[0].length;
  }
  spans.push({ start: at, end: quote.exact.length });
  const parts = spans.filter((s) => quote.exact.slice(s.start, s.end).trim() !== '');
  if (parts.length <= 1) return [quote];
  return parts.map((span, i) => {
    const own = quoteSelector(quote.exact, span);
    return {
      exact: own.exact.trim(),
      prefix: i === 0 ? quote.prefix : own.prefix,
      suffix: i === parts.length - 1 ? quote.suffix : own.suffix,
    };
  });
}

/**
 * Anchors a selector that may span paragraphs in `text` (`prepared`: the same text prepared once
 * for many selectors). Found whole where the text reads on in one piece. Otherwise each paragraph
 * is anchored (`paragraphQuotes`), and the selector is found only when all of them are: as one
 * span when only spacing separates them (a word edited), paragraph by paragraph when the page
 * holds something else between them (an aside, an advert), which is then never covered. The
 * status is the weakest of the paragraphs'.
 */
export function anchorParagraphs(text: string, quote: TextQuote, prepared: NormalizedText = prepareText(text)): { status: AnchorStatus; spans: Span[] } {
  if (quote.tail !== undefined) return anchorEnds(text, quote, prepared);
  const whole = anchorQuote(prepared, quote);
  const parts = paragraphQuotes(quote);
  if (whole.status === 'exact' || parts.length === 1) {
    return whole.status === 'orphan' ? { status: 'orphan', spans: [] } : { status: whole.status, spans: [{ start: whole.start, end: whole.end }] };
  }
  const found: Span[] = [];
  let status: AnchorStatus = 'exact';
  for (const part of parts) {
    const a = anchorQuote(prepared, part);
    if (a.status === 'orphan' || (found.length > 0 && a.start < found[found.length - 1]!.end)) return { status: 'orphan', spans: [] };
    if (a.status === 'fuzzy') status = 'fuzzy';
    found.push({ start: a.start, end: a.end });
  }
  const spacedOnly = found.every((s, i) => i === 0 || text.slice(found[i - 1]!.end, s.start).trim() === '');
  return { status, spans: spacedOnly ? [{ start: found[0]!.start, end: found[found.length - 1]!.end }] : found };
}

/**
 * Anchors a long text sent by its ends (selector.ts `boundedQuote`): its first words where the
 * prefix agrees, its last words where the suffix agrees, after them, and the page's text from one
 * to the other. Found only when that text, spacing not counted, is as long as the whole was, give
 * or take the errors an approximate match of the whole may have (`MAX_ERROR_RATE`, at most
 * `MAX_ERRORS`: a length differing by more takes more edits); exactly when both ends are exact and
 * it is the same text (the same hash). The middle is checked by its size and hash only: a short
 * aside between two paragraphs makes it approximate and is covered with them.
 */
function anchorEnds(text: string, quote: TextQuote, prepared: NormalizedText): { status: AnchorStatus; spans: Span[] } {
  const none = { status: 'orphan' as const, spans: [] };
  if (quote.length === undefined || quote.tail === undefined) return none;
  const head = anchorParagraphs(text, { exact: quote.exact, prefix: quote.prefix, suffix: '' }, prepared);
  const tail = anchorParagraphs(text, { exact: quote.tail, prefix: '', suffix: quote.suffix }, prepared);
  const last = head.spans[head.spans.length - 1];
  const first = tail.spans[0];
  if (!last || !first || first.start < last.end) return none;
  const start = head.spans[0]!.start;
  const end = tail.spans[tail.spans.length - 1]!.end;
  const between = unspaced(text.slice(start, end));
  if (Math.abs(between.length - quote.length) > Math.min(MAX_ERRORS, Math.floor(quote.length * MAX_ERROR_RATE))) return none;
  const exact = head.status === 'exact' && tail.status === 'exact' && between.length === quote.length && between.hash === quote.hash;
  return { status: exact ? 'exact' : 'fuzzy', spans: [...head.spans.slice(0, -1), { start: last.start, end: first.end }, ...tail.spans.slice(1)] };
}
