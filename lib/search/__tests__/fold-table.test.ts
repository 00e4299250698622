/**
 * The search's table of folds (fold-table.ts) is what `fold` gives today: kept as data so that a new
 * worker's first search does not fold 12,000 characters, it must follow any change of `fold`.
 */
import { describe, expect, it } from 'vitest';
import { computedFolds, FOLDS } from '../fold-table';

describe('the table of folds', () => {
  it('is every character of the scanned blocks whose fold is not itself, with its fold (else: put computedFolds() in FOLDS_JSON)', () => {
    expect(FOLDS).toEqual(computedFolds());
  });

  it.each([['É', 'e'], ['’', "'"], ['œ', 'oe'], ['…', '...'], ['Ж', 'ж']])('holds %s → %s', (ch, folded) => {
    expect(FOLDS.find(([c]) => c === ch)?.[1]).toBe(folded);
  });
});
