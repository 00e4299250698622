import { describe, expect, it } from 'vitest';
import { wordsUpTo } from '../extract';
import { allStrings } from '../../../tests/support/all-strings';

/** What the kinds counted before: the matches of the expression (lib/quotes/extract.ts NAME_WORD), up to `max`. */
function byExpression(s: string, max: number): number {
  const word = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu;
  let k = 0;
  while (k < max && word.test(s)) k++;
  return k;
}

describe('wordsUpTo', () => {
  it.each<[string, number, number, string]>([
    // [text, max, expected, why]
    ['gilets jaunes', 4, 2, 'two words'],
    ['  «Macron, démission !»  ', 4, 2, 'marks, spaces and punctuation are no word'],
    ["aujourd'hui l’État", 4, 2, 'an apostrophe goes on a word'],
    ['cessez-le-feu', 4, 1, 'so does a hyphen'],
    ["-l' 'a", 4, 2, 'neither opens one'],
    ['e\u0301te\u0301 2019', 4, 2, 'a combining mark goes on a word; a number is one'],
    ['\u0301a', 4, 1, 'a mark opens none'],
    ['un deux trois quatre cinq six', 4, 4, 'counted up to `max` only'],
    ['la 𝐀𝐁 et', 4, 3, 'a letter beyond the Basic Multilingual Plane is one (read by the expression)'],
    ['😀 ok', 4, 1, 'an emoji is none'],
    ['', 4, 0, 'nothing'],
  ])('%j up to %i → %i (%s)', (text, max, expected) => {
    expect(wordsUpTo(text, max)).toBe(expected);
  });

  it('counts what the expression matches, in a string or in a slice of one', () => {
    const strings = allStrings(['a', 'É', '1', '\u0301', "'", '’', '-', ' ', '.', '𝐀', '\uDC00'], 4);
    const differ: string[] = [];
    for (const s of strings) {
      for (const max of [1, 2, 4]) {
        if (wordsUpTo(s, max) !== byExpression(s, max)) differ.push(`${JSON.stringify(s)} up to ${max}`);
        const text = `x ${s} y`;
        if (wordsUpTo(text, max, 2, 2 + s.length) !== byExpression(s, max)) differ.push(`${JSON.stringify(s)} in ${JSON.stringify(text)} up to ${max}`);
      }
    }
    expect(differ).toEqual([]);
  });
});
