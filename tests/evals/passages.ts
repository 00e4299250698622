/**
 * The shared-passage evaluation on the hand-labelled gilets-jaunes pairs
 * (`tests/expected/passages/gilets-jaunes-pairs.json`), shared by the passage tests (assert) and
 * `scripts/eval-passages.ts` (prints).
 */
import { readFileSync } from 'node:fs';

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
