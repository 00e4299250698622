/**
 * A passage as the CLI and the side panel see it: character spans in both texts, a similarity,
 * a kind, and the word-level edits between the two sides (for marking them side by side).
 */
import type { Span } from '../extract/types';
import type { AlignedPair } from './align';
import type { PassageTokens } from './tokens';

/**
 * - `verbatim`: the same words in the same order (typography, case and accents aside).
 * - `edited`: near-verbatim, with some words changed, added or dropped (a tense, an article).
 * - `paraphrase`: the same content reworded: same content words, too few in the same order.
 */
export type PassageKind = 'verbatim' | 'edited' | 'paraphrase';

/** Kinds from the closest reuse to the loosest. */
export const PASSAGE_KINDS: readonly PassageKind[] = ['verbatim', 'edited', 'paraphrase'];

/**
 * One place where the two sides differ: words of A replaced or dropped (`a`), words of B put in
 * their place or added (`b`). A side without words is null: `{a: null, b}` is an insertion in B.
 */
export interface PassageEdit {
  a: Span | null;
  b: Span | null;
}

export interface Passage {
  /** Character spans into each text, from the first word's start to the last word's end. */
  a: Span;
  b: Span;
  /**
   * Word-level similarity in [0, 1]: 2 × words matched in order / (words in `a` + words in `b`)
   * (the Dice coefficient of the alignment, as in Ratcliff–Obershelp and difflib's `ratio`).
   */
  similarity: number;
  kind: PassageKind;
  /** Where the two sides differ, in text order. Empty for `verbatim`. */
  edits: PassageEdit[];
  /** Word counts: in `a`, in `b`, matched in order. */
  words: { a: number; b: number; matched: number };
}

/**
 * Kinds that count as copying: the words a passage of these kinds covers "also appear" in the
 * other article. A paraphrase is similar wording, shown apart and never counted as copied: two
 * reporters writing the same facts independently share content words, not text.
 */
export const COPIED_KINDS: readonly PassageKind[] = ['verbatim', 'edited'];

export function isCopied(p: Passage): boolean {
  return COPIED_KINDS.includes(p.kind);
}

/** Below this similarity an aligned passage is a paraphrase rather than an edited copy. */
export const EDITED_MIN_SIMILARITY = 0.6;

/**
 * The columns of an alignment inside words `[a0, a1)` × `[b0, b1)`, with every word not in
 * `pairs` added as a gap column, so that nothing in the spans is left out of the edits.
 */
function columns(a0: number, a1: number, b0: number, b1: number, pairs: readonly AlignedPair[]): AlignedPair[] {
  const out: AlignedPair[] = [];
  let i = a0;
  let j = b0;
  const flush = (ia: number, jb: number) => {
    while (i < ia) out.push({ a: i++, b: -1 });
    while (j < jb) out.push({ a: -1, b: j++ });
  };
  for (const p of pairs) {
    if ((p.a >= 0 && (p.a < i || p.a >= a1)) || (p.b >= 0 && (p.b < j || p.b >= b1))) continue;
    flush(p.a >= 0 ? p.a : i, p.b >= 0 ? p.b : j);
    out.push(p);
    if (p.a >= 0) i = p.a + 1;
    if (p.b >= 0) j = p.b + 1;
  }
  flush(a1, b1);
  return out;
}

function spanOf(t: PassageTokens, first: number, last: number): Span | null {
  return first < 0 ? null : { start: t.starts[first] ?? 0, end: t.ends[last] ?? 0 };
}

/** The passage over words `[a0, a1)` of A and `[b0, b1)` of B, aligned by `pairs`. */
export function buildPassage(
  A: PassageTokens, B: PassageTokens,
  a0: number, a1: number, b0: number, b1: number,
  pairs: readonly AlignedPair[],
  kind?: PassageKind,
): Passage {
  const cols = columns(a0, a1, b0, b1, pairs);
  const edits: PassageEdit[] = [];
  let matched = 0;
  let ea = [-1, -1];
  let eb = [-1, -1];
  const close = () => {
    if (ea[0]! >= 0 || eb[0]! >= 0) edits.push({ a: spanOf(A, ea[0]!, ea[1]!), b: spanOf(B, eb[0]!, eb[1]!) });
    ea = [-1, -1];
    eb = [-1, -1];
  };
  for (const c of cols) {
    if (c.a >= 0 && c.b >= 0 && A.ids[c.a] === B.ids[c.b]) {
      matched++;
      close();
      continue;
    }
    if (c.a >= 0) ea = [ea[0]! < 0 ? c.a : ea[0]!, c.a];
    if (c.b >= 0) eb = [eb[0]! < 0 ? c.b : eb[0]!, c.b];
  }
  close();
  const wa = a1 - a0;
  const wb = b1 - b0;
  const similarity = wa + wb > 0 ? (2 * matched) / (wa + wb) : 0;
  const k: PassageKind = kind ?? (edits.length === 0 ? 'verbatim' : similarity >= EDITED_MIN_SIMILARITY ? 'edited' : 'paraphrase');
  return {
    a: { start: A.starts[a0] ?? 0, end: A.ends[a1 - 1] ?? 0 },
    b: { start: B.starts[b0] ?? 0, end: B.ends[b1 - 1] ?? 0 },
    similarity,
    kind: k,
    edits,
    words: { a: wa, b: wb, matched },
  };
}
