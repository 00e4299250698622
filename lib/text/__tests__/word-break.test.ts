import { describe, expect, it } from 'vitest';
import { eachWordSegment } from '../segment';
import { DIGIT, eachWord, isSpace, LETTER, MID_LETTER, MID_NUM, MID_NUM_LET, OTHER, UNKNOWN, wordClassReader } from '../word-break';
import { readSeeds } from './fixtures';

/** The segmenter's own word-like segments over the whole string (what `tokenize` read before). */
function segmenterWords(text: string, lang: string): string[] {
  return [...new Intl.Segmenter(lang, { granularity: 'word' }).segment(text)].filter((p) => p.isWordLike).map((p) => `${p.index}:${p.index + p.segment.length}`);
}

function words(text: string, lang: string): string[] {
  const out: string[] = [];
  eachWordSegment(text, lang, (start, end) => out.push(`${start}:${end}`));
  return out;
}

describe('eachWord', () => {
  const L = LETTER;
  const D = DIGIT;
  const ML = MID_LETTER;
  const MNL = MID_NUM_LET;
  const MN = MID_NUM;
  const O = OTHER;
  it.each([
    // [classes, expected words, why]
    [[L, L, L], ['0:3'], 'letters together (WB5)'],
    [[L, D, L, D], ['0:4'], 'letters and digits together (WB8-WB10)'],
    [[L, O, L], ['0:1', '2:3'], 'anything else is a boundary'],
    [[L, MNL, L, MNL, L], ['0:5'], 'a full stop between letters (U.S, WB6/WB7)'],
    [[L, ML, L], ['0:3'], 'a colon or a middle dot between letters'],
    [[D, ML, D], ['0:1', '2:3'], 'a MidLetter does not join digits'],
    [[D, MN, D, MNL, D], ['0:5'], 'a comma or a full stop between digits (280.000, 6,5: WB11/WB12)'],
    [[L, MN, L], ['0:1', '2:3'], 'a MidNum does not join letters'],
    [[L, MNL, D], ['0:1', '2:3'], 'a letter and a digit are not joined across a full stop'],
    [[L, MNL, MNL, L], ['0:1', '3:4'], 'two joiners in a row do not join'],
    [[L, MNL], ['0:1'], 'a joiner at the end is no part of the word'],
    [[MNL, L, MN], ['1:2'], 'nor one at the start'],
    [[D, L, MNL, L], ['0:4'], 'the joiner reads the characters either side of it only (1a.b)'],
    [[O, O], [], 'no word'],
  ])('%j → %j (%s)', (classes, expected) => {
    const out: string[] = [];
    eachWord(classes, classes.length, (s, e) => out.push(`${s}:${e}`));
    expect(out).toEqual(expected);
  });
});

describe('wordClassReader', () => {
  const classOf = wordClassReader(new Intl.Segmenter('fr', { granularity: 'word' }));
  it.each([
    // [character, class, why]
    ['a', LETTER, 'a letter'],
    ['É', LETTER, 'an accented capital'],
    ['ß', LETTER, 'a letter of Latin-1'],
    ['я', LETTER, 'a Cyrillic letter: ALetter too'],
    ['7', DIGIT, 'a digit'],
    ['.', MID_NUM_LET, 'the full stop'],
    ['’', MID_NUM_LET, 'the typographic apostrophe'],
    ["'", MID_NUM_LET, 'the apostrophe (Single_Quote joins as MidNumLet does)'],
    [',', MID_NUM, 'the comma'],
    [';', MID_NUM, 'the semicolon'],
    [':', MID_LETTER, 'the colon'],
    ['·', MID_LETTER, 'the middle dot (Catalan l·l)'],
    ['«', OTHER, 'a guillemet'],
    ['-', OTHER, 'the hyphen: hyphenated words split'],
    ['%', OTHER, 'a symbol'],
    ['\u0301', UNKNOWN, 'a combining mark (Extend: joins what precedes it)'],
    ['\u00ad', UNKNOWN, 'the soft hyphen (Format)'],
    ['\u200d', UNKNOWN, 'the zero-width joiner'],
    ['_', UNKNOWN, 'the connector (ExtendNumLet)'],
    ['\u202f', UNKNOWN, 'the narrow no-break space of French typography (ExtendNumLet)'],
    ['א', UNKNOWN, 'a Hebrew letter (joins a following apostrophe, WB7a)'],
    ['中', UNKNOWN, 'an ideograph (dictionary segmentation)'],
    ['©', UNKNOWN, 'a pictograph (stays with a joiner before it, WB3c)'],
    ['\ud83d', UNKNOWN, 'half of a surrogate pair'],
  ])('%j → %i (%s)', (c, expected) => {
    expect(classOf(c.charCodeAt(0))).toBe(expected);
  });

  it('tells spaces and line breaks, and no format character or ExtendNumLet among them', () => {
    expect([' ', '\n', '\t', '\r', '\u00a0', '\u2009', '\u3000'].map((c) => isSpace(c.charCodeAt(0)))).toEqual([true, true, true, true, true, true, true]);
    expect(['a', '\u202f', '\u200b', '\u180e', '\ufeff', '_'].map((c) => isSpace(c.charCodeAt(0)))).toEqual([false, false, false, false, false, false]);
  });
});

describe('eachWordSegment: the segmenter’s words', () => {
  // Every class read here and every kind of character left to the segmenter.
  const ALPHABET = [
    'a', 'b', 'É', 'ç', 'ß', 'я', '1', '2', '.', "'", '’', ',', ';', ':', '·', '«', '»', '"', '-', '(', '%', '°',
    ' ', ' ', ' ', '\n', '\u00a0', '\u202f', '\u0301', '\u00ad', '\u200d', '\u200b', '_', 'א', '中', 'カ', '©', '😀', '🇫🇷',
  ];
  // A fixed pseudo-random sequence (Park & Miller's minimal standard generator).
  let seed = 42;
  const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const strings = Array.from({ length: 3000 }, () => Array.from({ length: 1 + Math.floor(next() * 24) }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]!).join(''));

  it.each(['fr', 'en', 'sv', 'he', 'ja'])('random strings of every kind of character, segmenter for %s', (lang) => {
    expect(strings.filter((s) => words(s, lang).join(' ') !== segmenterWords(s, lang).join(' '))).toEqual([]);
  });

  it.each(readSeeds().map((s) => [s.id, s.text] as const))('seed %s', (_id, text) => {
    expect(words(text, 'fr')).toEqual(segmenterWords(text, 'fr'));
  });
});
