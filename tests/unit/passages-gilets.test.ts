/**
 * Real wire-copy reuse: the hand-labelled gilets-jaunes pairs (tests/expected/passages/). Every
 * pair labelled reused or partly has passages; a reused pair is covered almost whole on both
 * sides, a partly reused one only in part; precision over the "none" pairs is reported by
 * scripts/eval-passages.ts (two known false positives: a tweet quoted bare, common phrases).
 */
import { describe, expect, it } from 'vitest';
import { comparePassages, preparePassages } from '../../lib/passages';
import { giletsJaunesByUrl, readLabelledPairs } from '../passages-fixtures';

const docs = giletsJaunesByUrl();
const labelled = readLabelledPairs();
const run = (a: string, b: string) => comparePassages(preparePassages(docs.get(a)!.text, 'fr'), preparePassages(docs.get(b)!.text, 'fr'));

describe('gilets-jaunes labelled pairs', () => {
  it('the sample holds every label, and every labelled article is in the corpus', () => {
    expect(new Set(labelled.map((l) => l.label))).toEqual(new Set(['reused', 'partly', 'none']));
    for (const l of labelled) expect([docs.has(l.a), docs.has(l.b)]).toEqual([true, true]);
  });

  it.each(labelled.filter((l) => l.label === 'reused').map((l) => [l.note, l] as const))('reused (%s): covered at 90%% or more on both sides', (_n, l) => {
    const { coverage } = run(l.a, l.b);
    expect(coverage.a).toBeGreaterThanOrEqual(0.9);
    expect(coverage.b).toBeGreaterThanOrEqual(0.9);
  });

  it.each(labelled.filter((l) => l.label === 'partly').map((l) => [l.note, l] as const))('partly (%s): passages found, the shorter side not covered whole', (_n, l) => {
    const { passages, coverage } = run(l.a, l.b);
    expect(passages.length).toBeGreaterThan(0);
    expect(Math.min(coverage.a, coverage.b)).toBeLessThan(0.9);
  });

  it('recall is 1 and precision at least 3/4 over the sample', () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const l of labelled) {
      const found = run(l.a, l.b).passages.length > 0;
      if (found && l.label !== 'none') tp++;
      else if (found) fp++;
      else if (l.label !== 'none') fn++;
    }
    expect(fn).toBe(0);
    expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.75);
  });
});
