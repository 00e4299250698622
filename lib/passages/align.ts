/**
 * Local alignment of two word sequences: Smith & Waterman (1981, "Identification of common
 * molecular subsequences", J. Mol. Biol. 147), on words instead of residues, restricted to a band
 * of diagonals around the seeds (banded alignment, as in BLAST's gapped extension and FASTA:
 * Pearson & Lipman 1988). The band makes the cost O(length × band) instead of O(n·m), and the
 * plain quadratic form is kept (`alignFull`) as the benchmark's baseline.
 *
 * Scores: a content word matched +2, a stop word matched +1 (a run of `de la` `le` is weak
 * evidence), a substituted word −1 (`avait`/`a`, `une`/`l'`), an added or dropped word −1 (003
 * adds `il`). Local alignment stops where the texts stop agreeing: the running score falls to 0.
 */
import type { PassageTokens } from './tokens';

export const MATCH_CONTENT = 2;
export const MATCH_STOP = 1;
export const MISMATCH = -1;
export const GAP = -1;

/** One column of an alignment: word `a` of A against word `b` of B; −1 on the side with a gap. */
export interface AlignedPair {
  a: number;
  b: number;
}

export interface Alignment {
  /** Words `[a0, a1)` of A and `[b0, b1)` of B. */
  a0: number;
  a1: number;
  b0: number;
  b1: number;
  score: number;
  /** Columns in text order. */
  pairs: AlignedPair[];
}

const STOP = 0;
const DIAG = 1;
const UP = 2; // consumes a word of A only
const LEFT = 3; // consumes a word of B only

/**
 * Best local alignment of words `[a0, a1)` of `A` with `[b0, b1)` of `B`, over cells whose
 * diagonal `j − i` lies in `[dlo, dhi]`. Null when nothing scores above 0.
 */
export function alignBanded(
  A: PassageTokens, a0: number, a1: number,
  B: PassageTokens, b0: number, b1: number,
  dlo: number, dhi: number,
): Alignment | null {
  const rows = a1 - a0;
  const width = dhi - dlo + 1;
  if (rows <= 0 || width <= 0 || b1 <= b0) return null;
  let prev = new Int32Array(width + 1);
  let cur = new Int32Array(width + 1);
  const trace = new Uint8Array(rows * width);
  const aIds = A.ids;
  const bIds = B.ids;
  let best = 0;
  let bestI = -1;
  let bestK = -1;
  for (let r = 0; r < rows; r++) {
    const i = a0 + r;
    const ida = aIds[i];
    const matchScore = A.content[i] ? MATCH_CONTENT : MATCH_STOP;
    // Band cells whose column j = i + dlo + k lies in [b0, b1); the others score 0 (STOP).
    const kLo = Math.max(0, b0 - i - dlo);
    const kHi = Math.min(width, b1 - i - dlo);
    cur.fill(0, 0, Math.min(kLo, width));
    if (kHi < width) cur.fill(0, Math.max(kHi, 0), width);
    // In band coordinates: (i-1, j-1) is k of the previous row; (i-1, j) is k+1; (i, j-1) is k-1.
    // Cells outside the rows and columns read as 0: the first row's `prev` is all 0, and so are
    // the cells of either row outside [b0, b1) and `prev[width]`.
    let left = 0;
    for (let k = kLo, j = i + dlo + kLo, at = r * width + kLo; k < kHi; k++, j++, at++) {
      const diag = prev[k]! + (bIds[j] === ida ? matchScore : MISMATCH);
      const up = prev[k + 1]! + GAP;
      const fromLeft = left + GAP;
      let h = 0;
      let t = STOP;
      if (diag > h) { h = diag; t = DIAG; }
      if (up > h) { h = up; t = UP; }
      if (fromLeft > h) { h = fromLeft; t = LEFT; }
      cur[k] = h;
      trace[at] = t;
      left = h;
      if (h > best) {
        best = h;
        bestI = r;
        bestK = k;
      }
    }
    const swap = prev;
    prev = cur;
    cur = swap;
  }
  if (bestI < 0) return null;
  const pairs: AlignedPair[] = [];
  let r = bestI;
  let k = bestK;
  for (;;) {
    const t = trace[r * width + k];
    const i = a0 + r;
    const j = i + dlo + k;
    if (t === DIAG) {
      pairs.push({ a: i, b: j });
      r--;
    } else if (t === UP) {
      pairs.push({ a: i, b: -1 });
      r--;
      k++;
    } else if (t === LEFT) {
      pairs.push({ a: -1, b: j });
      k--;
    } else break;
    if (r < 0 || k < 0 || k >= width) break;
  }
  pairs.reverse();
  // Local alignments start and end on a match; drop any gap column left at either end.
  while (pairs.length && !isMatch(A, B, pairs[0]!)) pairs.shift();
  while (pairs.length && !isMatch(A, B, pairs[pairs.length - 1]!)) pairs.pop();
  if (!pairs.length) return null;
  const first = pairs[0]!;
  const last = pairs[pairs.length - 1]!;
  return { a0: first.a, a1: last.a + 1, b0: first.b, b1: last.b + 1, score: best, pairs };
}

/** The plain quadratic Smith–Waterman over two whole word sequences (the benchmark baseline). */
export function alignFull(A: PassageTokens, B: PassageTokens): Alignment | null {
  return alignBanded(A, 0, A.length, B, 0, B.length, -(A.length - 1), B.length - 1);
}

export function isMatch(A: PassageTokens, B: PassageTokens, p: AlignedPair): boolean {
  return p.a >= 0 && p.b >= 0 && A.ids[p.a] === B.ids[p.b];
}
