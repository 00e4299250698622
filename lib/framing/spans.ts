/** Fast "which span holds this offset" over many spans (quotes, mentions), by binary search. */
import type { Span } from '../quotes';

export interface SpanIndex<T extends Span> {
  /** The spans that hold `[start, end)` entirely. */
  holding(start: number, end: number): T[];
  /** The first span starting at or after `pos`. */
  firstFrom(pos: number): T | undefined;
  /** The spans ending at or before `pos`, nearest last (at most `n`). */
  endingBefore(pos: number, n: number): T[];
}

function lowerBound(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function spanIndex<T extends Span>(spans: readonly T[]): SpanIndex<T> {
  const byStart = [...spans].sort((a, b) => a.start - b.start);
  const starts = byStart.map((s) => s.start);
  const byEnd = [...spans].sort((a, b) => a.end - b.end);
  const ends = byEnd.map((s) => s.end);
  // The longest span, to bound how far back a holder can start.
  const longest = spans.reduce((m, s) => Math.max(m, s.end - s.start), 0);
  return {
    holding(start, end) {
      const out: T[] = [];
      for (let k = lowerBound(starts, start + 1) - 1; k >= 0 && byStart[k]!.start >= start - longest; k--) {
        const s = byStart[k]!;
        if (s.start <= start && end <= s.end) out.push(s);
      }
      return out;
    },
    firstFrom(pos) {
      return byStart[lowerBound(starts, pos)];
    },
    endingBefore(pos, n) {
      const k = lowerBound(ends, pos + 1);
      return byEnd.slice(Math.max(0, k - n), k);
    },
  };
}
