import { describe, expect, it } from 'vitest';
import { contentTerms } from '../index';
import { hasStemmer, stem } from '../stem';
import { isStopword, stopwords } from '../stopwords';
import { SUPPORTED_LANGUAGES } from '../languages';
import { readSeeds } from './fixtures';

describe('stem (Snowball)', () => {
  it.each([
    // [lang, word, expected stem] — outputs of the Snowball algorithms (snowballstem.org).
    ['fr', 'continuait', 'continu'],
    ['fr', 'majestueusement', 'majestu'],
    ['fr', 'négociations', 'négoci'],
    ['fr', 'présidents', 'président'],
    ['fr', 'Opposition', 'opposit'], // lower-cased first: Snowball is case-sensitive
    ['fr', 'terroristes', 'terror'],
    ['en', 'generously', 'generous'], // Porter2, not Porter (which gives "gener")
    ['en', 'knightly', 'knight'],
    ['en', 'news', 'news'], // Porter2 exception list: not "new"
    ['en', 'negotiations', 'negoti'],
    ['en', 'running', 'run'],
    ['es', 'negociaciones', 'negoci'],
    ['es', 'chiquillos', 'chiquill'],
    ['de', 'Verhandlungen', 'verhandl'],
    ['de', 'Häuser', 'haus'],
    ['de', 'Straße', 'strass'],
    ['it', 'negoziati', 'negoz'],
    ['it', 'presidenti', 'president'],
    ['pt', 'negociações', 'negoc'],
    ['pt', 'presidentes', 'president'],
    ['nl', 'onderhandelingen', 'onderhandel'],
    ['fr-CH', 'élections', 'élect'], // BCP 47 tags accepted
    ['ru', 'Москва', 'москва'], // unsupported: identity, lower-cased
    ['xx', 'Words', 'words'],
  ])('%s %j → %j', (lang, word, expected) => {
    expect(stem(word, lang)).toBe(expected);
  });

  it('stems accented and unaccented spellings alike once folded (contentTerms)', () => {
    const a = contentTerms('Les États-Unis et les élections présidentielles', 'fr').map((t) => t.stem);
    const b = contentTerms('Les Etats-Unis et les elections presidentielles', 'fr').map((t) => t.stem);
    expect(a).toEqual(b);
    expect(a).toEqual(['etat', 'unis', 'elect', 'presidentiel']);
  });

  it.each(SUPPORTED_LANGUAGES.map((l) => [l]))('has a stemmer and a stop list for %s', (lang) => {
    expect(hasStemmer(lang)).toBe(true);
    expect(stopwords(lang).size).toBeGreaterThan(50);
  });
});

describe('stop words (Snowball lists)', () => {
  it.each([
    // [lang, word, expected]
    ['fr', 'le', true],
    ['fr', 'Les', true],
    ["fr", "l'", true],
    ['fr', 'L’', true],
    ["fr", "qu'", true],
    ["fr", "jusqu'", true],
    ['fr', 'à', true],
    ['fr', 'A', true], // accent-insensitive: "a" (has) is a stop word too
    ['fr', 'été', true],
    ['fr', 'opposition', false],
    ['fr', 'président', false],
    ['fr', 'premier', false], // stopwords-iso would drop it
    ['en', 'the', true],
    ['en', 'don’t', true],
    ["en", "it's", true],
    ['en', 'said', false],
    ['en', 'uk', false],
    ['es', 'el', true],
    ['es', 'él', true],
    ['es', 'gobierno', false],
    // (@orama's Spanish list holds content words: stopwords.ts REMOVED.)
    ['es', 'Estados', false],
    ['es', 'trabajo', false],
    ['es', 'acuerdo', false],
    ['es', 'horas', false],
    ['es', 'según', true],
    ['es', 'dijo', true],
    ['de', 'und', true],
    ['de', 'für', true],
    ['de', 'Regierung', false],
    ['it', 'della', true],
    ["it", "dell'", true],
    ['it', 'paese', false],
    ['pt', 'não', true],
    ['pt', 'povo', false],
    ['ru', 'и', false], // unsupported language: empty list
    ['fr', '', false],
  ])('%s %j → %s', (lang, word, expected) => {
    expect(isStopword(word, lang)).toBe(expected);
  });
});

describe('contentTerms', () => {
  it('keeps content words with offsets and stems, drops stop words and elided articles', () => {
    const text = "« L’opposition modérée » s'applique aujourd'hui au Front Al-Nosra, selon 280.000 réfugiés.";
    const terms = contentTerms(text, 'fr');
    for (const t of terms) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(terms.map((t) => [t.text, t.stem])).toEqual([
      ['opposition', 'opposit'],
      ['modérée', 'moder'],
      ['applique', 'appliqu'],
      ["aujourd'hui", "aujourd'hui"],
      ['Front', 'front'],
      ['Al', 'al'],
      ['Nosra', 'nosr'],
      ['selon', 'selon'], // not in Snowball's French list
      ['280.000', '280.000'],
      ['réfugiés', 'refugi'],
    ]);
  });

  it('returns lower-cased words and keeps every token for an unsupported language', () => {
    expect(contentTerms('Путин и Обама', 'ru').map((t) => t.stem)).toEqual(['путин', 'и', 'обама']);
  });

  const seeds = readSeeds();
  it('the two versions of the shared Kremlin quote (seeds 000, 001) give the same stems', () => {
    const quote = /Les deux parties ont confirmé[^»"]*/u;
    const [a, b] = ['000', '001'].map((id) => {
      const text = seeds.find((s) => s.id.startsWith(id))!.text;
      const m = quote.exec(text);
      expect(m).not.toBeNull();
      return contentTerms(m![0], 'fr').map((t) => t.stem);
    });
    expect(a).toEqual(b);
    expect(a!.length).toBeGreaterThan(8);
  });
});
