/**
 * Cuts an article's paragraphs into runs for display, each run with the shared marks covering it
 * (a quotation inside a shared passage is covered by both), so that the view renders plain text
 * nodes and never builds HTML from article text.
 */
import type { SharedMark } from '../../lib/compare/report-types';
import type { Span } from '../../lib/extract/types';

export interface Run {
  text: string;
  start: number;
  marks: SharedMark[];
}

/** The runs of each paragraph: boundaries wherever a mark starts or ends inside it. */
export function markedParagraphs(text: string, paragraphs: Span[], marks: SharedMark[]): Run[][] {
  const spans = paragraphs.length > 0 ? paragraphs : [{ start: 0, end: text.length }];
  return spans.map((p) => {
    const inside = marks.filter((m) => m.end > p.start && m.start < p.end);
    const cuts = new Set([p.start, p.end]);
    for (const m of inside) {
      cuts.add(Math.max(p.start, m.start));
      cuts.add(Math.min(p.end, m.end));
    }
    const points = [...cuts].sort((x, y) => x - y);
    const runs: Run[] = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const [from, to] = [points[i]!, points[i + 1]!];
      runs.push({ text: text.slice(from, to), start: from, marks: inside.filter((m) => m.start <= from && m.end >= to) });
    }
    return runs;
  });
}
