/**
 * Scoring helpers for tests and `scripts/eval-extract.ts` (no DOM, no I/O).
 *
 * - {@link wordF1}: bag-of-words (multiset) F1 over normalised word tokens, the measure used
 *   against Readability's `expected.html`.
 * - {@link alignPrecisionRecall}: character precision/recall of an extracted body against a
 *   hand-labelled one, via a word-level longest common subsequence. Each aligned word counts
 *   its length in characters; precision = aligned chars / extracted chars, recall = aligned
 *   chars / expected chars. Order matters (unlike F1), so a paragraph moved or duplicated is
 *   caught. Texts are whitespace-normalised and compared on word tokens, so typography and
 *   paragraph breaks do not count.
 *
 * @module
 */
import { wordTokens } from './lines';

export function wordF1(extracted: string, expected: string): number {
  const a = wordTokens(extracted);
  const b = wordTokens(expected);
  if (a.length === 0 && b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const t of a) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of b) {
    const c = counts.get(t) ?? 0;
    if (c > 0) {
      common++;
      counts.set(t, c - 1);
    }
  }
  const p = common / a.length;
  const r = common / b.length;
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/** Word-LCS alignment; O(n·m) memory-light DP (one row), fine for article-sized texts. */
export function alignPrecisionRecall(extracted: string, expected: string): { precision: number; recall: number } {
  const a = wordTokens(extracted);
  const b = wordTokens(expected);
  const charsA = a.reduce((s, t) => s + t.length, 0);
  const charsB = b.reduce((s, t) => s + t.length, 0);
  if (charsA === 0 || charsB === 0) {
    return { precision: charsA === 0 ? 1 : 0, recall: charsB === 0 ? 1 : 0 };
  }
  // dp[j] = weight (chars) of the best alignment of a[0..i) with b[0..j).
  let prev = new Float64Array(b.length + 1);
  let cur = new Float64Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const ai = a[i - 1]!;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = ai === b[j - 1] ? prev[j - 1]! + ai.length : Math.max(prev[j]!, cur[j - 1]!);
    }
    [prev, cur] = [cur, prev];
  }
  const aligned = prev[b.length]!;
  return { precision: aligned / charsA, recall: aligned / charsB };
}
