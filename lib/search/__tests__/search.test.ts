/**
 * Full-text search: words found whatever their case, accents and typography, in the title, site,
 * URL or text; every word required; the snippet taken from the original text around the match.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileQuery, findIn, foldedWords, matchArticle, pairTerm, phraseProven, snippetAround } from '..';

const seed = (name: string) => readFileSync(`corpus/${name}.txt`, 'utf8');

describe('a query word finds its forms in the original text', () => {
  it.each([
    ['case and accents', 'etats-unis', 'Les États-Unis ont dit', 'États-Unis'],
    ['accents in the query', 'ÉTÉ', 'un ete chaud', 'ete'],
    ['a curly apostrophe for a straight one', "l'armee", 'selon l’armée syrienne', 'l’armée'],
    ['a ligature spelled out', 'oeuvre', "une œuvre d'art", 'œuvre'],
    ['a decomposed accent (NFD text)', 'cafe', 'au cafe\u0301 du coin', 'cafe\u0301'],
    ['a dash for a hyphen', 'pro-russe', 'un média pro–russe', 'pro–russe'],
    ['a soft hyphen inside the word (a page hyphenated with &shy;)', 'gouvernement', 'le gouver\u00ADnement syrien', 'gouver\u00ADnement'],
    ['a fullwidth apostrophe', "l'armee", 'selon l＇armée', 'l＇armée'],
    ['a phrase, whatever is between its words', '"syrie les"', 'la Syrie.\n\nLes deux', 'Syrie.\n\nLes'],
    ['a phrase whose last word of four letters or more begins a word', '"gilets jaune"', 'des Gilets jaunes', 'Gilets jaune'],
  ])('%s', (_name, query, text, expected) => {
    const { patterns } = compileQuery(query);
    expect(patterns).toHaveLength(1);
    const m = findIn(patterns[0]!, text);
    expect(m && text.slice(m.start, m.end)).toBe(expected);
  });

  it.each([
    ['another letter', 'etat', 'un été'],
    ['a word cut by a space', 'etatsunis', 'États Unis'],
    ['the end of a word (a phrase starts with a whole word)', '"de la"', 'le monde la veille'],
    ['the start of a word for a short last word', '"de la"', 'verre de lait'],
    ['a short word inside another', 'la', 'le lait'],
  ])('does not match %s', (_name, query, text) => {
    expect(findIn(compileQuery(query).patterns[0]!, text)).toBeNull();
  });

  it('an empty or blank query has no word and matches everything without a snippet', () => {
    expect(compileQuery('  \n ').words).toEqual([]);
    expect(matchArticle(compileQuery(''), { title: null, site: null, url: 'x', text: 'y' })).toEqual({ snippet: null });
  });

  it('a repeated word is searched once', () => {
    expect(compileQuery('Poutine poutine POUTINE').words).toEqual(['poutine']);
  });
});

describe('an article matches when every word is in its title, site, URL or text', () => {
  const article = { title: 'Poutine et Obama', site: 'RT France', url: 'https://francais.rt.com/a', text: 'Le Kremlin a annoncé un accord sur la Syrie.\n\nLes deux présidents se sont parlé.' };
  it.each([
    ['title only', 'obama', null],
    ['site and URL', 'rt francais', null],
    ['text, with its snippet', 'kremlin', { before: 'Le ', match: 'Kremlin', after: ' a annoncé un accord sur la Syrie. Les deux présidents se sont parlé.' }],
    ['title and text: the snippet is from the text', 'poutine syrie', { before: 'Le Kremlin a annoncé un accord sur la ', match: 'Syrie', after: '. Les deux présidents se sont parlé.' }],
  ])('%s', (_name, query, snippet) => {
    expect(matchArticle(compileQuery(query), article)).toEqual({ snippet });
  });
  it('fails when one word is nowhere', () => {
    expect(matchArticle(compileQuery('kremlin washington'), article)).toBeNull();
  });
});

describe('snippets', () => {
  it('cut at words, with an ellipsis where the text goes on, on a seed article', () => {
    const text = seed('002_b5629d95adcdafa8');
    const m = findIn(compileQuery('alep').patterns[0]!, text)!;
    const s = snippetAround(text, m, 60);
    expect(s.match.toLowerCase()).toBe('alep');
    expect(s.before.startsWith('…') || m.start < 60).toBe(true);
    expect(s.after.endsWith('…')).toBe(true);
    // Whole words: the first word of `before` and the last of `after` are words of the text.
    const firstWord = s.before.replace(/^…/, '').split(' ')[0]!;
    expect(text).toMatch(new RegExp(`(^|\\s)${firstWord.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(s.before.length + s.match.length + s.after.length).toBeLessThanOrEqual(60 * 2 + 4 + 2);
  });
});

/** The counts the word index keeps of a text (one field, every word weighing one): of each word and each two words side by side. */
function counted(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const words = foldedWords(text);
  words.forEach((w, i) => {
    counts.set(w, (counts.get(w) ?? 0) + 1);
    if (i > 0) counts.set(pairTerm(words[i - 1]!, w), (counts.get(pairTerm(words[i - 1]!, w)) ?? 0) + 1);
  });
  return counts;
}

describe('a phrase of three words or more proven from counts of words and pairs (pigeonhole)', () => {
  it.each([
    // [text, phrase, proven, holds]: never proven when the phrase is not there; proven when the counts leave no other way.
    ['la Maison Blanche a dit', 'la maison blanche', true, true],
    ['la Maison Blanche et la Maison Blanche', 'la maison blanche', true, true],
    ['la Maison de la Maison Blanche', 'la maison blanche', true, true],
    ['la maison, puis maison blanche', 'la maison blanche', false, false],
    ['la maison et une maison blanche', 'la maison blanche', false, false],
    ['une maison blanche, la maison', 'la maison blanche', false, false],
    ['la maison blanche, une maison, la maison', 'la maison blanche', false, true],
    ['le président de la République a dit', 'president de la republique', true, true],
    ['le président de la République et de la France', 'president de la republique', false, true],
    ['le président de la France et de la République', 'president de la republique', false, false],
    ['a b c d', 'a b c d', true, true],
    ['a b c x b c d', 'a b c d', false, false],
    ['a b x a b c d', 'a b c d', true, true],
    ['a a a', 'a a a', true, true],
    ['a a b a a', 'a a a', false, false],
  ])('%s: "%s" proven %s (there: %s)', (text, phrase, proven, holds) => {
    const counts = counted(text);
    const words = phrase.split(' ');
    const pairs = words.slice(1).map((w, i) => counts.get(pairTerm(words[i]!, w)) ?? 0);
    const middle = words.slice(1, -1).map((w) => counts.get(w) ?? 0);
    expect(phraseProven(pairs, middle)).toBe(proven);
    expect(findIn(compileQuery(`"${phrase}"`).patterns[0]!, text) !== null).toBe(holds);
  });

  it('a middle word counted 255 times (the index caps counts there) proves nothing', () => {
    expect(phraseProven([300, 300], [254])).toBe(true);
    expect(phraseProven([255, 255], [255])).toBe(false);
  });
});
