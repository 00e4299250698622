import { describe, expect, it } from 'vitest';
import { markedParagraphs } from '../marked-text';
import type { SharedMark } from '../../../lib/compare/report-types';

const mark = (start: number, end: number, kind: SharedMark['kind'], pair: number): SharedMark =>
  ({ start, end, kind, pair, relation: kind === 'quote' ? 'exact' : 'verbatim' });

describe('marked paragraphs', () => {
  const text = 'Un premier paragraphe.\n\nIl a dit « nous partons » hier soir.';
  const paragraphs = [{ start: 0, end: 22 }, { start: 24, end: text.length }];

  it('without marks, one run per paragraph', () => {
    expect(markedParagraphs(text, paragraphs, []).map((p) => p.map((r) => r.text))).toEqual([['Un premier paragraphe.'], ['Il a dit « nous partons » hier soir.']]);
  });

  it('a quotation inside a passage is covered by both; a passage across paragraphs is cut at the break', () => {
    const quote = mark(text.indexOf('«'), text.indexOf('»') + 1, 'quote', 0);
    const passage = mark(11, text.indexOf(' hier'), 'passage', 1);
    const runs = markedParagraphs(text, paragraphs, [quote, passage]);
    expect(runs.map((p) => p.map((r) => [r.text, r.marks.map((m) => m.pair)]))).toEqual([
      [['Un premier ', []], ['paragraphe.', [1]]],
      [['Il a dit ', [1]], ['« nous partons »', [0, 1]], [' hier soir.', []]],
    ]);
    // The runs put together are the paragraphs' text, offsets included.
    for (const [i, p] of runs.entries()) {
      expect(p.map((r) => r.text).join('')).toBe(text.slice(paragraphs[i]!.start, paragraphs[i]!.end));
      for (const r of p) expect(text.slice(r.start, r.start + r.text.length)).toBe(r.text);
    }
  });

  it('a text without paragraphs is one paragraph', () => {
    expect(markedParagraphs('abc', [], [mark(1, 2, 'quote', 0)])[0]!.map((r) => r.text)).toEqual(['a', 'b', 'c']);
  });
});
