/**
 * Coverage: the share of an article's body that passages cover, counted in words (the words of
 * `passageTokens`), so punctuation and spacing do not weigh. "62% of this article also appears
 * in …" is the union of the passages shared with each of the other articles.
 */
import type { Span } from '../extract/types';
import { wordAt, type PassageTokens } from './tokens';

/** Merges overlapping or touching spans, sorted by start. */
export function unionSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].filter((s) => s.end > s.start).sort((x, y) => x.start - y.start || x.end - y.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** Share, in [0, 1], of the words of `t` inside the union of `spans` (0 for a text without words). */
export function wordCoverage(t: PassageTokens, spans: readonly Span[]): number {
  if (t.length === 0) return 0;
  let covered = 0;
  for (const s of unionSpans(spans)) covered += wordAt(t, s.end) - wordAt(t, s.start);
  return covered / t.length;
}
