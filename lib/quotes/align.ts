/**
 * The same quotation in two articles, classified, with a word diff whose spans point into both.
 *
 * Words are compared on `tokenize`'s comparison form (typography, case, accents and spacing
 * never matter; elided articles are their own words, so `d'intensifier` = `d’intensifier`).
 * Editorial insertions in brackets are left out of the comparison. The diff is the longest
 * common subsequence of the two word sequences (Hunt & McIlroy 1976; the same edit script as
 * Myers' O(ND) algorithm used by jsdiff and git, computed here by dynamic programming, which is
 * O(n·m) and at most MAX_DIFF_WORDS² cells for a pair of quotations).
 *
 * Relations, checked in this order:
 * - `exact`: the same words;
 * - `truncated`: one version is a contiguous part of the other;
 * - `spliced`: every word of one version is in the other, in order, but from non-adjacent pieces;
 * - `altered`: most words in common (LCS ≥ ALTERED_MIN_SHARE of the longer version), some
 *   changed, added or dropped;
 * - `unquoted`: the words of a quotation of one article appear outside quotation marks in the
 *   other (the outlet's own text).
 * Chance matches are kept out by MIN_WORDS and MIN_CONTENT_WORDS: the shorter version must have
 * at least that many words, and the versions must share that many content (non stop) words.
 */
import { isStopword, sentences, tokenize } from '../text';
import type { Token } from '../text';
import type { Quote, Span } from './types';

export type QuoteRelation = 'exact' | 'truncated' | 'altered' | 'spliced' | 'unquoted';

/** One run of the word diff: words in both versions, only in `a`, or only in `b`. */
export interface DiffPart {
  op: 'same' | 'removed' | 'added';
  /** Where the run lies in article a (null for `added`). */
  a: Span | null;
  /** Where the run lies in article b (null for `removed`). */
  b: Span | null;
  /** The run's words as written in the article it comes from (a for same/removed, b for added). */
  text: string;
}

/** A quotation found in both articles. */
export interface SharedQuote {
  /** The quotation's span in a and in b (for `unquoted`, the reused words in the other text). */
  a: Span;
  b: Span;
  /** Index in the quotes of a / b, or null on the side where the words are not quoted. */
  aQuote: number | null;
  bQuote: number | null;
  relation: QuoteRelation;
  /** The speaker named in a, else in b. */
  speaker: string | null;
  diff: DiffPart[];
  /** Words in common over words of the longer version, 0..1. */
  similarity: number;
}

/** A quotation shorter than this (in words) is never matched: one or two common words match by chance. */
const MIN_WORDS = 4;
/** Content words the two versions must share. */
const MIN_CONTENT_WORDS = 3;
/** `altered`: words in common over words of the longer version. */
const ALTERED_MIN_SHARE = 0.6;
/** `unquoted`: words of the quotation found in one sentence of the other text. */
const UNQUOTED_MIN_SHARE = 0.8;
/** Quotations longer than this are compared on their first MAX_DIFF_WORDS words only (bounded cost). */
const MAX_DIFF_WORDS = 400;

const HAS_WORD = /[\p{L}\p{N}]/u;

function words(text: string, span: Span, lang: string, skip: readonly Span[] = []): Token[] {
  return tokenize(text.slice(span.start, span.end), lang)
    .filter((t) => HAS_WORD.test(t.norm))
    .map((t) => ({ ...t, start: t.start + span.start, end: t.end + span.start }))
    .filter((t) => !skip.some((s) => t.start >= s.start && t.end <= s.end))
    .slice(0, MAX_DIFF_WORDS);
}

/** Pairs of indices (i in a, j in b) of one longest common subsequence, in order. */
function lcs(a: readonly Token[], b: readonly Token[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  const table = new Uint16Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * (m + 1) + j] = a[i]!.norm === b[j]!.norm
        ? table[(i + 1) * (m + 1) + j + 1]! + 1
        : Math.max(table[(i + 1) * (m + 1) + j]!, table[i * (m + 1) + j + 1]!);
    }
  }
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i]!.norm === b[j]!.norm) { out.push([i, j]); i++; j++; }
    else if (table[(i + 1) * (m + 1) + j]! >= table[i * (m + 1) + j + 1]!) i++;
    else j++;
  }
  return out;
}

function runSpan(tokens: readonly Token[], from: number, to: number): Span {
  return { start: tokens[from]!.start, end: tokens[to - 1]!.end };
}

/** The word diff of a and b from their common subsequence, runs merged. */
function diffParts(textA: string, a: readonly Token[], textB: string, b: readonly Token[], common: readonly [number, number][]): DiffPart[] {
  const parts: DiffPart[] = [];
  const push = (op: DiffPart['op'], ai: [number, number] | null, bi: [number, number] | null): void => {
    const sa = ai && ai[1] > ai[0] ? runSpan(a, ai[0], ai[1]) : null;
    const sb = bi && bi[1] > bi[0] ? runSpan(b, bi[0], bi[1]) : null;
    const text = op === 'added' ? textB.slice(sb!.start, sb!.end) : textA.slice(sa!.start, sa!.end);
    parts.push({ op, a: op === 'added' ? null : sa, b: op === 'removed' ? null : sb, text });
  };
  let i = 0;
  let j = 0;
  let k = 0;
  while (k <= common.length) {
    const [ci, cj] = common[k] ?? [a.length, b.length];
    if (ci > i) push('removed', [i, ci], null);
    if (cj > j) push('added', null, [j, cj]);
    if (k === common.length) break;
    // A run of consecutive common words.
    let e = k;
    while (e + 1 < common.length && common[e + 1]![0] === common[e]![0] + 1 && common[e + 1]![1] === common[e]![1] + 1) e++;
    push('same', [ci, common[e]![0] + 1], [cj, common[e]![1] + 1]);
    i = common[e]![0] + 1;
    j = common[e]![1] + 1;
    k = e + 1;
  }
  return parts;
}

function contentShared(a: readonly Token[], common: readonly [number, number][], lang: string): number {
  return common.filter(([i]) => !isStopword(a[i]!.text, lang)).length;
}

/** True when the indices in `idx` are consecutive. */
function contiguous(idx: readonly number[]): boolean {
  return idx.every((v, k) => k === 0 || v === idx[k - 1]! + 1);
}

/**
 * The relation between two versions of a quotation, or null when they are not the same
 * quotation. Exposed for tests and for callers holding two spans.
 */
export function compareQuotations(textA: string, spanA: Span, textB: string, spanB: Span, lang = 'en', skipA: readonly Span[] = [], skipB: readonly Span[] = []): { relation: Exclude<QuoteRelation, 'unquoted'>; diff: DiffPart[]; similarity: number } | null {
  const a = words(textA, spanA, lang, skipA);
  const b = words(textB, spanB, lang, skipB);
  if (Math.min(a.length, b.length) < MIN_WORDS) return null;
  const common = lcs(a, b);
  if (contentShared(a, common, lang) < MIN_CONTENT_WORDS) return null;
  const longer = Math.max(a.length, b.length);
  const shorter = Math.min(a.length, b.length);
  const similarity = common.length / longer;
  const diff = diffParts(textA, a, textB, b, common);
  if (common.length === a.length && a.length === b.length) return { relation: 'exact', diff, similarity };
  if (common.length === shorter) {
    // Every word of the shorter version is in the longer: one piece (cut) or several (spliced).
    const inLonger = common.map(([i, j]) => (a.length >= b.length ? i : j));
    return { relation: contiguous(inLonger) ? 'truncated' : 'spliced', diff, similarity };
  }
  if (similarity >= ALTERED_MIN_SHARE) return { relation: 'altered', diff, similarity };
  return null;
}

/** Words of a quotation found outside quotation marks in `textB`, sentence by sentence. */
function findUnquoted(textA: string, q: Quote, textB: string, quotesB: readonly Quote[], lang: string): { b: Span; diff: DiffPart[]; similarity: number } | null {
  const a = words(textA, q, lang, q.insertions);
  if (a.length < MIN_WORDS + 2) return null;
  const quoted = quotesB.map((x) => ({ start: x.marks.open.start, end: x.marks.close.end }));
  const aNorms = new Set(a.map((t) => t.norm));
  let best: { b: Span; diff: DiffPart[]; similarity: number } | null = null;
  for (const s of sentences(textB, lang)) {
    const b = words(textB, s, lang, quoted);
    // Cheap filter before the O(n·m) table: enough of the quotation's words in the sentence.
    if (b.filter((t) => aNorms.has(t.norm)).length < a.length * UNQUOTED_MIN_SHARE) continue;
    const common = lcs(a, b);
    const similarity = common.length / a.length;
    if (similarity < UNQUOTED_MIN_SHARE || contentShared(a, common, lang) < MIN_CONTENT_WORDS) continue;
    const first = common[0]![1];
    const last = common[common.length - 1]![1];
    const window = b.slice(first, last + 1);
    const shifted = common.map(([i, j]): [number, number] => [i, j - first]);
    if (!best || similarity > best.similarity) {
      best = { b: { start: window[0]!.start, end: window[window.length - 1]!.end }, diff: diffParts(textA, a, textB, window, shifted), similarity };
    }
  }
  return best;
}

/**
 * Quotations shared by two articles: reported quotations of a and b paired one to one (best
 * similarity first), then quotations of either article whose words the other uses unquoted.
 * Scare quotes are framing, not statements, and are not aligned.
 */
export function alignQuotes(textA: string, quotesA: readonly Quote[], textB: string, quotesB: readonly Quote[], lang = 'en'): SharedQuote[] {
  const candidates: SharedQuote[] = [];
  quotesA.forEach((qa, ia) => {
    if (qa.kind !== 'reported') return;
    quotesB.forEach((qb, ib) => {
      if (qb.kind !== 'reported') return;
      const r = compareQuotations(textA, qa, textB, qb, lang, qa.insertions, qb.insertions);
      if (!r) return;
      candidates.push({ a: { start: qa.start, end: qa.end }, b: { start: qb.start, end: qb.end }, aQuote: ia, bQuote: ib, relation: r.relation, speaker: qa.speaker ?? qb.speaker, diff: r.diff, similarity: r.similarity });
    });
  });
  candidates.sort((x, y) => y.similarity - x.similarity || x.a.start - y.a.start);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const out: SharedQuote[] = [];
  for (const c of candidates) {
    if (usedA.has(c.aQuote!) || usedB.has(c.bQuote!)) continue;
    usedA.add(c.aQuote!);
    usedB.add(c.bQuote!);
    out.push(c);
  }
  quotesA.forEach((qa, ia) => {
    if (qa.kind !== 'reported' || usedA.has(ia)) return;
    const u = findUnquoted(textA, qa, textB, quotesB, lang);
    if (u) out.push({ a: { start: qa.start, end: qa.end }, b: u.b, aQuote: ia, bQuote: null, relation: 'unquoted', speaker: qa.speaker, diff: u.diff, similarity: u.similarity });
  });
  quotesB.forEach((qb, ib) => {
    if (qb.kind !== 'reported' || usedB.has(ib)) return;
    const u = findUnquoted(textB, qb, textA, quotesA, lang);
    if (!u) return;
    // Diff computed from b's side: swap to keep `a` meaning article a.
    const diff = u.diff.map((p): DiffPart => ({ op: p.op === 'removed' ? 'added' : p.op === 'added' ? 'removed' : 'same', a: p.b, b: p.a, text: p.op === 'same' ? textA.slice(p.b!.start, p.b!.end) : p.text }));
    out.push({ a: u.b, b: { start: qb.start, end: qb.end }, aQuote: null, bQuote: ib, relation: 'unquoted', speaker: qb.speaker, diff, similarity: u.similarity });
  });
  return out.sort((x, y) => x.a.start - y.a.start);
}
