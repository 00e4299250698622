/**
 * Shared passages: text copied near-verbatim from a common source (wire copy), found by local
 * alignment of two articles, with the share of each body they cover.
 *
 * - `preparePassages(text, language)`: the words of one article, ready to compare (prepare the
 *   page once, and each stored article once, when comparing one against many).
 * - `comparePassages(a, b)`: passages shared by two prepared articles, with the coverage of each.
 *
 * The pipeline (seed → chain → banded Smith–Waterman → filter → paraphrase) is described, with
 * its sources, in `find.ts`. Everything runs on strings; offsets index into the texts given.
 *
 * @module
 */
import type { Span } from '../extract/types';
import { extractQuotes } from '../quotes';
import { wordCoverage } from './coverage';
import { findPassagesInTokens, type FindOptions } from './find';
import { isCopied, type Passage } from './passage';
import { passageTokens, type PassageTokens } from './tokens';

export type { Passage, PassageEdit, PassageKind } from './passage';
export { COPIED_KINDS, EDITED_MIN_SIMILARITY, PASSAGE_KINDS, isCopied } from './passage';
export type { FindOptions } from './find';
export { MIN_EVIDENCE } from './find';
export { unionSpans, wordCoverage } from './coverage';
export { alignFull, alignBanded, type Alignment } from './align';
export { passageTokens, type PassageTokens } from './tokens';

/**
 * Quotations are looked for only in texts up to this length: `extractQuotes` grew faster than
 * linearly on long texts in our measurement (20 000 words: 16 s, 80 000: 160 s, on random corpus
 * words with stray marks), and the long-pair benchmark must finish in bounded time. Articles are
 * far shorter; above it, pass `quotes` explicitly.
 */
export const QUOTES_MAX_CHARS = 200_000;

/** One article, ready for passage comparison. */
export type PreparedText = PassageTokens;

/**
 * Prepares `text` (an article body) in `language` (ISO 639-1, for stop words and stems).
 * `quotes`: the spans of its quotations (reported speech); a quotation both articles carry
 * belongs to the quotes analysis and cannot make a passage on its own. By default they are found
 * with `lib/quotes` (reported speech only: a scare quote, «modérés», is a label inside the prose
 * and stays part of it).
 */
export function preparePassages(text: string, language: string | null, quotes?: readonly Span[]): PreparedText {
  const spans = quotes ?? (text.length <= QUOTES_MAX_CHARS ? extractQuotes(text, language ?? undefined).filter((q) => q.kind === 'reported') : []);
  return passageTokens(text, language, spans);
}

export interface SharedPassages {
  /** In the order of `a`; `a` spans index into a's text, `b` spans into b's. */
  passages: Passage[];
  /** Share of each body's words copied (verbatim and edited passages), in [0, 1]. */
  coverage: { a: number; b: number };
  /** Share of each body's words in paraphrases only (similar wording, not counted as copied). */
  similar: { a: number; b: number };
}

/** Passages shared by `a` and `b`, and the share of each body they copy and only paraphrase. */
export function comparePassages(a: PreparedText, b: PreparedText, options: FindOptions = {}): SharedPassages {
  const passages = findPassagesInTokens(a, b, options);
  const copied = passages.filter(isCopied);
  const similar = passages.filter((p) => !isCopied(p));
  const share = (t: PreparedText, side: 'a' | 'b', list: Passage[]) => wordCoverage(t, list.map((p) => p[side]));
  return {
    passages,
    coverage: { a: share(a, 'a', copied), b: share(b, 'b', copied) },
    similar: { a: share(a, 'a', similar), b: share(b, 'b', similar) },
  };
}
