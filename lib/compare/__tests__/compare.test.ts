/** The page against stored versions: quotes and passages from one preparation of each article. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFromText } from '../../extract';
import { comparePrepared, coverageOfPage, firstChars, markRuns, prepareArticle } from '..';
import { SEEDS_DIR } from '../../../tests/support/shared-fixtures';

const seed = (id: string) => prepareArticle(extractFromText(readFileSync(join(SEEDS_DIR, `${id}.txt`), 'utf8')));
const [s000, s001, s002, s003] = ['000_492f0f67598950be', '001_efc4fda914ae2fdd', '002_b5629d95adcdafa8', '003_0bb6bc6989cf1c52'].map(seed) as [
  ReturnType<typeof seed>, ReturnType<typeof seed>, ReturnType<typeof seed>, ReturnType<typeof seed>,
];

describe('comparing seed articles', () => {
  it('000 and 001 share the two Kremlin quotations, exact, with spans on the same words', () => {
    const { sharedQuotes } = comparePrepared(s000, s001);
    expect(sharedQuotes.map((q) => q.relation)).toEqual(['exact', 'exact']);
    for (const q of sharedQuotes) {
      const a = s000.text.slice(q.a.start, q.a.end).replace(/[’']/g, "'");
      const b = s001.text.slice(q.b.start, q.b.end).replace(/[’']/g, "'");
      expect(a).toBe(b);
    }
  });

  it('000 and 003 share the two wire passages of gold.json, and no quotation', () => {
    const { sharedQuotes, passages, coverage } = comparePrepared(s000, s003);
    expect(sharedQuotes).toEqual([]);
    expect(passages.map((p) => s000.text.slice(p.a.start, p.a.end))).toEqual([
      expect.stringMatching(/^Fin mai, Moscou avait suspendu/),
      expect.stringMatching(/^Le cessez-le-feu est entré en vigueur en Syrie le 27 février 2016/),
    ]);
    expect(coverage.a).toBeGreaterThan(0.1);
    expect(coverage.a).toBeLessThan(0.5);
    expect(coverage.b).toBeGreaterThan(0);
  });

  it('covers more of the page with two sources than with either alone, and never more than all of it', () => {
    const with001 = comparePrepared(s000, s001);
    const with003 = comparePrepared(s000, s003);
    const both = coverageOfPage(s000, [with001, with003]);
    expect(both).toBeGreaterThan(Math.max(with001.coverage.a, with003.coverage.a));
    expect(both).toBeLessThanOrEqual(with001.coverage.a + with003.coverage.a + 1e-9);
    expect(coverageOfPage(s000, [])).toBe(0);
  });

  it('finds nothing shared between 002 and 003 beyond common phrases', () => {
    const { sharedQuotes, passages } = comparePrepared(s002, s003);
    expect(sharedQuotes).toEqual([]);
    expect(passages).toEqual([]);
  });
});

describe('markRuns', () => {
  const text = 'Fin mai, Moscou avait suspendu ses frappes.';
  it.each([
    ['no edit', { start: 0, end: 15 }, [], [['Fin mai, Moscou', false]]],
    ['one edit inside', { start: 0, end: 30 }, [{ start: 16, end: 21 }], [['Fin mai, Moscou ', false], ['avait', true], [' suspendu', false]]],
    ['an edit at the start, one on the other side (null)', { start: 0, end: 7 }, [{ start: 0, end: 3 }, null], [['Fin', true], [' mai', false]]],
    ['an edit overlapping the span end is clipped', { start: 0, end: 18 }, [{ start: 16, end: 21 }], [['Fin mai, Moscou ', false], ['av', true]]],
    ['an edit outside the span is ignored', { start: 0, end: 7 }, [{ start: 31, end: 34 }], [['Fin mai', false]]],
  ])('%s', (_name, span, edits, expected) => {
    expect(markRuns(text, span, edits).map((r) => [r.text, r.changed])).toEqual(expected);
  });
});

describe('firstChars', () => {
  const runs = [{ text: 'Fin mai, ', changed: false }, { text: 'Moscou', changed: true }, { text: ' avait suspendu', changed: false }];
  it.each([
    ['all, when shorter than the limit', 100, [['Fin mai, ', false], ['Moscou', true], [' avait suspendu', false]]],
    ['cut inside a run, marked with …', 12, [['Fin mai, ', false], ['Mos…', true]]],
    ['a run ending exactly at the limit is not marked cut, and the next is left out', 15, [['Fin mai, ', false], ['Moscou', true]]],
    ['nothing at 0', 0, []],
  ])('%s', (_name, max, expected) => {
    expect(firstChars(runs, max).map((r) => [r.text, r.changed])).toEqual(expected);
  });
});
