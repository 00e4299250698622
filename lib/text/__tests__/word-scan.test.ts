/**
 * The scanner reads the same runs as the regular expressions it replaced (word-scan.ts): every
 * run of `/[\p{L}\p{N}\p{M}…]+/gu` with whether it is plain ASCII, and the count of
 * `/[\p{L}\p{N}]+/gu`, on invented edge cases and on every seed and Readability page.
 */
import { describe, expect, it } from 'vitest';
import { countLetterRuns, eachWordRun } from '../word-scan';
import { IGNORABLE_CHARACTERS } from '../normalize';
import { readReadabilityPages, readSeeds } from './fixtures';

/** The regular expressions word-scan.ts stands for. */
const WORD = new RegExp(`[\\p{L}\\p{N}\\p{M}${IGNORABLE_CHARACTERS}]+`, 'gu');
const byRegex = (text: string) => [...text.matchAll(WORD)].map(([raw]) => [raw, /^[a-z0-9]+$/.test(raw)] as const);
const countByRegex = (text: string) => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

const runs = (text: string) => {
  const out: (readonly [string, boolean])[] = [];
  eachWordRun(text, (raw, plain) => out.push([raw, plain]));
  return out;
};

describe('eachWordRun and countLetterRuns', () => {
  it.each([
    ['', [], 0],
    ['   ', [], 0],
    ['abc', [['abc', true]], 1],
    ["L'État a 42 ans.", [['L', false], ['État', false], ['a', true], ['42', true], ['ans', true]], 5],
    // A combining accent joins the search word; the counted word ends before it.
    ['Ete\u0301 chaud', [['Ete\u0301', false], ['chaud', true]], 2],
    // A soft hyphen inside a word: one search word, two counted.
    ['gou\u00ADvernement', [['gou\u00ADvernement', false]], 2],
    // Astral letters (mathematical bold A) are letters; an emoji is not; lone surrogates are not.
    ['x\u{1D400}y \u{1F600} z\uD800w\uDC00', [['x\u{1D400}y', false], ['z', true], ['w', true]], 3],
    ['Ελλάδα, Россия, 中国', [['Ελλάδα', false], ['Россия', false], ['中国', false]], 3],
    ['end\uD83D', [['end', true]], 1],
  ] as const)('%j', (text, expected, count) => {
    expect(runs(text)).toEqual(expected);
    expect(byRegex(text)).toEqual(expected);
    expect(countLetterRuns(text)).toBe(count);
    expect(countByRegex(text)).toBe(count);
  });

  it('reads every seed and Readability page as the regular expressions do', () => {
    const texts = [...readSeeds().map((s) => s.text), ...readReadabilityPages().map((p) => p.text)];
    expect(texts.length).toBeGreaterThan(20);
    for (const text of texts) {
      expect(runs(text)).toEqual(byRegex(text));
      expect(countLetterRuns(text)).toBe(countByRegex(text));
    }
  });
});
