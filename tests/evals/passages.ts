/**
 * The shared-passage evaluation, shared by the passage tests (assert) and
 * `scripts/eval-passages.ts` (prints):
 *
 * 1. Every seed pair: the passages found, with their kind, similarity and spans, and the coverage of both bodies.
 * 2. The hand-labelled gilets-jaunes pairs (`tests/expected/passages/gilets-jaunes-pairs.json`):
 *    a pair is predicted "reuse" when at least one verbatim or edited passage is found; precision
 *    and recall against the labels reused + partly, per half (`pairHalves`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractFromText } from '../../lib/extract';
import { comparePassages, isCopied, preparePassages, type SharedPassages } from '../../lib/passages';
import { giletsJaunesByUrl } from '../support/corpora';
import { pairHalves, type Half } from '../support/fixture-split';
import { SEEDS_DIR } from '../support/shared-fixtures';

/** Hand-labelled pairs (`tests/expected/passages/gilets-jaunes-pairs.json`). */
export type ReuseLabel = 'reused' | 'partly' | 'none' | 'paraphrase';
export interface LabelledPair {
  a: string;
  b: string;
  label: ReuseLabel;
  /** What the reader saw, in a few words. */
  note: string;
}

export function readLabelledPairs(): LabelledPair[] {
  const file = new URL('../expected/passages/gilets-jaunes-pairs.json', import.meta.url);
  return (JSON.parse(readFileSync(file, 'utf8')) as { pairs: LabelledPair[] }).pairs;
}

/** One seed pair: its passages and the coverage of both bodies. */
export interface SeedPassagePair {
  a: { id: string; text: string };
  b: { id: string; text: string };
  result: SharedPassages;
}

/** Every pair of seeds (../shared/seeds), extracted as plain text, compared. */
export function evaluateSeedPassages(): SeedPassagePair[] {
  const ids = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort().map((f) => f.replace(/\.txt$/, ''));
  const seeds = ids.map((id) => {
    const article = extractFromText(readFileSync(join(SEEDS_DIR, `${id}.txt`), 'utf8'));
    return { id, text: article.text, prepared: preparePassages(article.text, article.language) };
  });
  const out: SeedPassagePair[] = [];
  for (let i = 0; i < seeds.length; i++) {
    for (let j = i + 1; j < seeds.length; j++) {
      const [A, B] = [seeds[i]!, seeds[j]!];
      out.push({ a: { id: A.id, text: A.text }, b: { id: B.id, text: B.text }, result: comparePassages(A.prepared, B.prepared) });
    }
  }
  return out;
}

/** One labelled gilets-jaunes pair compared: predicted reuse when at least one verbatim or edited passage is found. */
export interface LabelledPairResult {
  pair: LabelledPair;
  half: Half;
  result: SharedPassages;
  predicted: boolean;
}

/** Positive = labelled reused or partly; predicted = at least one verbatim or edited passage. */
export interface ReuseCounts { tp: number; fp: number; fn: number; tn: number }

export interface GiletsPassageResult {
  rows: LabelledPairResult[];
  /** Over all pairs, and per half. */
  counts: Record<Half | 'all', ReuseCounts>;
}

export function evaluateGiletsPairs(): GiletsPassageResult {
  const docs = giletsJaunesByUrl();
  const labelled = readLabelledPairs();
  const halves = pairHalves(labelled);
  const zero = (): ReuseCounts => ({ tp: 0, fp: 0, fn: 0, tn: 0 });
  const r: GiletsPassageResult = { rows: [], counts: { all: zero(), tuning: zero(), reporting: zero() } };
  for (const pair of labelled) {
    const a = docs.get(pair.a);
    const b = docs.get(pair.b);
    if (!a || !b) throw new Error(`labelled pair not in the corpus: ${pair.a} ${pair.b}`);
    const result = comparePassages(preparePassages(a.text, 'fr'), preparePassages(b.text, 'fr'));
    const predicted = result.passages.some(isCopied);
    const positive = pair.label === 'reused' || pair.label === 'partly';
    const half = halves.get(pair)!;
    const cell = predicted ? (positive ? 'tp' : 'fp') : positive ? 'fn' : 'tn';
    r.counts.all[cell]++;
    r.counts[half][cell]++;
    r.rows.push({ pair, half, result, predicted });
  }
  return r;
}
