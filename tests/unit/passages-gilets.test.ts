/**
 * Real wire-copy reuse: the hand-labelled gilets-jaunes pairs (tests/expected/passages/). Every
 * pair labelled reused or partly has copied passages; a reused pair is covered almost whole on
 * both sides, a partly reused one only in part; a paraphrase pair (the same facts written apart)
 * has similar wording and nothing counted as copied. Figures are asserted on the tuning half and
 * the reporting half separately (`pairHalves`); precision over the "none" pairs is reported by
 * scripts/eval-passages.ts (two known false positives: a tweet quoted bare, common phrases).
 */
import { describe, expect, it } from 'vitest';
import { comparePassages, isCopied, preparePassages } from '../../lib/passages';
import { readLabelledPairs } from '../evals/passages';
import { giletsJaunesByUrl } from '../support/corpora';
import { pairHalves, type Half } from '../support/fixture-split';

const docs = giletsJaunesByUrl();
const labelled = readLabelledPairs();
const halves = pairHalves(labelled);
const run = (a: string, b: string) => comparePassages(preparePassages(docs.get(a)!.text, 'fr'), preparePassages(docs.get(b)!.text, 'fr'));
const HALVES: Half[] = ['tuning', 'reporting'];
const inHalf = (h: Half, label: string) => labelled.filter((l) => halves.get(l) === h && l.label === label);

describe('gilets-jaunes labelled pairs', () => {
  it('the sample holds every label, and every labelled article is in the corpus', () => {
    expect(new Set(labelled.map((l) => l.label))).toEqual(new Set(['reused', 'partly', 'none', 'paraphrase']));
    for (const l of labelled) expect([docs.has(l.a), docs.has(l.b)]).toEqual([true, true]);
  });

  it('each half holds reused and paraphrase pairs', () => {
    for (const h of HALVES) {
      expect(inHalf(h, 'reused').length).toBeGreaterThanOrEqual(3);
      expect(inHalf(h, 'paraphrase').length).toBeGreaterThanOrEqual(4);
    }
  });

  it.each(labelled.filter((l) => l.label === 'reused').map((l) => [halves.get(l), l.note, l] as const))('reused, %s half (%s): copied at 90%% or more on both sides', (_h, _n, l) => {
    const { coverage } = run(l.a, l.b);
    expect(coverage.a).toBeGreaterThanOrEqual(0.9);
    expect(coverage.b).toBeGreaterThanOrEqual(0.9);
  });

  it.each(labelled.filter((l) => l.label === 'paraphrase').map((l) => [halves.get(l), l.note, l] as const))('paraphrase, %s half (%s): similar wording found, 0%% copied', (_h, _n, l) => {
    const { passages, coverage, similar } = run(l.a, l.b);
    expect(passages.filter(isCopied)).toEqual([]);
    expect(coverage).toEqual({ a: 0, b: 0 });
    expect(similar.a).toBeGreaterThan(0);
    expect(similar.b).toBeGreaterThan(0);
  });

  it.each(labelled.filter((l) => l.label === 'partly').map((l) => [l.note, l] as const))('partly (%s): copied passages found, the shorter side not covered whole', (_n, l) => {
    const { passages, coverage } = run(l.a, l.b);
    expect(passages.filter(isCopied).length).toBeGreaterThan(0);
    expect(Math.min(coverage.a, coverage.b)).toBeLessThan(0.9);
  });

  it('recall of copying is 1 and precision at least 3/4 over the sample', () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const l of labelled) {
      const found = run(l.a, l.b).passages.some(isCopied);
      const copied = l.label === 'reused' || l.label === 'partly';
      if (found && copied) tp++;
      else if (found) fp++;
      else if (copied) fn++;
    }
    expect(fn).toBe(0);
    expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.75);
  });
});
