/**
 * The scanner reads the same runs as the regular expressions it replaced (word-scan.ts): every
 * run of `/[\p{L}\p{N}\p{M}…]+/gu` with whether it is plain ASCII, and the count of
 * `/[\p{L}\p{N}]+/gu`, on invented edge cases and on every seed and Readability page.
 */
import { describe, expect, it } from 'vitest';
import { countLetterRuns, eachWordRun, lowerCaseWordFinder, lowerCaseWords } from '../word-scan';
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

describe('lowerCaseWords', () => {
  /** The expression it reads without. */
  const byExpression = (text: string) => new Set(text.match(/(?<![\p{L}])\p{Ll}[\p{L}'’-]*/gu) ?? []);

  it.each([
    // [text, expected words, why]
    ['Le chat dort.', ['chat', 'dort'], 'words in lower case, not the capitalised one'],
    ["l'État aujourd’hui porte-parole", ["l'État", 'aujourd’hui', 'porte-parole'], 'apostrophes and hyphens inside a word, capitals after them'],
    ['McDonald eBay iPhone', ['eBay', 'iPhone'], 'a lower-case letter after a letter opens no word (McDonald); one after a space does'],
    ["-abc 'def x-", ['abc', 'def', 'x-'], 'after a hyphen or an apostrophe a word opens; a hyphen ending one is kept'],
    ["ab'-'cd", ["ab'-'cd"], 'apostrophes and hyphens in a row'],
    ["ab'Cd'ef", ["ab'Cd'ef"], 'the word goes on over capitals'],
    ['A1b 2c _d', ['b', 'c', 'd'], 'after a digit or a connector a word opens'],
    ['été, œuvre, ß, я', ['été', 'œuvre', 'ß', 'я'], 'any script'],
    ['x\u{1D41A}y \u{1D41A}bc', ['x\u{1D41A}y', '\u{1D41A}bc'], 'letters beyond the BMP read whole (mathematical bold a is lower case)'],
    ['\uD800abc \uDC00d', ['abc', 'd'], 'a lone surrogate is no letter'],
    ['', [], 'empty'],
  ])('%j → %j (%s)', (text, expected) => {
    expect(lowerCaseWords(text).values()).toEqual(expected);
    expect([...byExpression(text)]).toEqual(expected);
    // Looked up by its characters: each word found, a capitalised one or a piece of one not.
    const words = lowerCaseWords(text);
    expect(expected.every((w) => words.has(w) && !words.has(w.toUpperCase()) && !words.has(w.slice(1)) && !words.has(`${w}x`))).toBe(true);
  });

  it('reads every seed and Readability page as the expression does', () => {
    for (const text of [...readSeeds().map((s) => s.text), ...readReadabilityPages().map((p) => p.text)]) expect(lowerCaseWords(text).values()).toEqual([...byExpression(text)]);
  });
});

describe('lowerCaseWordFinder', () => {
  /** Every string of up to `length` pieces of `alphabet`. */
  const allStrings = (alphabet: readonly string[], length: number): string[] => {
    let level = [''];
    const out = [''];
    for (let k = 0; k < length; k++) {
      level = level.flatMap((s) => alphabet.map((c) => s + c));
      for (const s of level) out.push(s);
    }
    return out;
  };
  /** The words a finder is asked about: every piece of the text, and each with a letter more or less. */
  const asked = (text: string): string[] => {
    const out = new Set<string>();
    for (let i = 0; i < text.length; i++) for (let j = i + 1; j <= text.length; j++) out.add(text.slice(i, j));
    return [...out].flatMap((w) => [w, `${w}a`, w.slice(1)]);
  };

  it.each<[string, string, boolean, string]>([
    // [text, word, found, why]
    ['Le chat dort.', 'chat', true, 'a word in lower case'],
    ['Le chat dort.', 'le', false, 'only capitalised'],
    ["jusqu'au bout", 'au', false, 'inside a word with an apostrophe'],
    ["jusqu'au bout", "jusqu'au", true, 'the whole word'],
    ["L'au-delà", 'au-delà', true, 'after a capital and an apostrophe: the capital opens no word'],
    ['eBay ebay', 'bay', false, 'inside a word'],
    ['x-', 'x', false, 'a hyphen ending the word is part of it'],
    ['𝐀bc bc', 'bc', true, 'after a letter beyond the Basic Multilingual Plane: the later one'],
    ['𝐀bc', 'bc', false, 'after a letter beyond the Basic Multilingual Plane: none'],
  ])('%j has %j: %s (%s)', (text, word, found) => {
    expect(lowerCaseWordFinder(text).has(word)).toBe(found);
    expect(lowerCaseWords(text).has(word)).toBe(found);
  });

  it('answers as lowerCaseWords does, for every piece of every text, looked for or read from all the words', () => {
    const differ: [string, string][] = [];
    for (const text of allStrings(['a', 'B', 'é', "'", '’', '-', ' ', '1', '𝐀', '\u0301'], 4)) {
      const set = lowerCaseWords(text);
      // One finder asked every word (past the words it looks for, it reads them all), and one per word.
      const finder = lowerCaseWordFinder(text);
      for (const w of asked(text)) if (finder.has(w) !== set.has(w) || lowerCaseWordFinder(text).has(w) !== set.has(w)) differ.push([text, w]);
    }
    expect(differ).toEqual([]);
  });
});
