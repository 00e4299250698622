import { describe, expect, it } from 'vitest';
import { detectLanguage, detectLanguageWithConfidence, isSupportedLanguage } from '../language';
import { baseLanguage, CORE_LANGUAGES } from '../languages';
import { readBasil, readGiletsJaunes } from '../../../tests/support/corpora';
import { readGold, readReadabilityPages, readSeeds } from './fixtures';

describe('detectLanguage on real articles', () => {
  const gold = readGold();
  const seeds = readSeeds();
  it.each(seeds.map((s) => [s.id, s.text] as const))('seed %s is the gold language', (id, text) => {
    expect(detectLanguage(text)).toBe(gold?.articles[id]?.language ?? 'fr');
  });

  const pages = readReadabilityPages();
  it.each(pages.map((p) => [p.name, p.lang, p.text] as const))('Readability page %s is %s', (_name, lang, text) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  // Whole corpora: every article right (measured 90/90 and 206/206 when chosen).
  it.each([
    ['BASIL (English)', readBasil().map((a) => ({ name: a.id, lang: 'en', text: a.text }))],
    ['gilets_jaunes_fr (French)', readGiletsJaunes().map((d) => ({ name: d.url, lang: 'fr', text: d.text }))],
  ] as const)('%s: every article', (_name, docs) => {
    if (docs.length === 0) return;
    const wrong = docs.filter((d) => detectLanguage(d.text) !== d.lang).map((d) => d.name);
    expect(wrong).toEqual([]);
  });
});

describe('detectLanguage on snippets', () => {
  it.each([
    // One news sentence, a headline and a short headline per core language (written for these tests).
    ['fr', 'Le président a annoncé mardi une réforme des retraites.'],
    ['fr', 'Poutine et Obama veulent renforcer le cessez-le-feu en Syrie'],
    ['fr', 'Grève à la SNCF'],
    ['en', 'The president announced a pension reform on Tuesday.'],
    ['en', 'Putin and Obama agree to step up military coordination in Syria'],
    ['en', 'Stocks fall again'],
    ['es', 'El presidente anunció el martes una reforma de las pensiones.'],
    ['es', 'Putin y Obama acuerdan reforzar el alto el fuego en Siria'],
    ['es', 'Caen los mercados'],
    ['de', 'Der Präsident kündigte am Dienstag eine Rentenreform an.'],
    ['de', 'Putin und Obama wollen die Waffenruhe in Syrien stärken'],
    ['de', 'Börsen geben nach'],
    ['it', 'Il presidente ha annunciato martedì una riforma delle pensioni.'],
    ['it', 'Putin e Obama vogliono rafforzare il cessate il fuoco in Siria'],
    ['it', 'I mercati scendono'],
    ['pt', 'O presidente anunciou na terça-feira uma reforma da previdência.'],
    ['pt', 'Putin e Obama querem reforçar o cessar-fogo na Síria'],
    ['pt', 'Greve no metrô'],
    ['nl', 'De president kondigde dinsdag een hervorming van de pensioenen aan.'],
  ])('%s: %j', (lang, text) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it.each([
    // [text, why there is no answer]
    ['', 'empty'],
    ['   \n ', 'whitespace'],
    ['2016 — 280.000 ; 72 %', 'no letters'],
    ['Bonjour', 'one word'],
    ['Barack Obama', 'two names'],
    ['Source AFP', 'two words'],
    ['Vladimir Poutine et Barack Obama', 'mostly names: weak scores'],
    ['AFP Reuters AP', 'agency names'],
  ])('null for %j (%s)', (text) => {
    const guess = detectLanguageWithConfidence(text);
    expect(guess.language).toBeNull();
    expect(guess.confidence).toBeLessThan(0.3);
  });
});

describe('detectLanguageWithConfidence', () => {
  it('is more confident on an article than on a short headline, and within [0, 1]', () => {
    const seed = readSeeds()[0]?.text ?? 'Le président a annoncé mardi une réforme des retraites. '.repeat(20);
    const article = detectLanguageWithConfidence(seed);
    const headline = detectLanguageWithConfidence('Greve no metrô');
    expect(article.language).toBe('fr');
    expect(headline.language).toBe('pt');
    expect(article.confidence).toBeGreaterThan(headline.confidence);
    expect(article.confidence).toBeLessThanOrEqual(1);
    expect(headline.confidence).toBeGreaterThan(0);
  });

  it('reads 5 MB in bounded time (samples a prefix and the middle)', () => {
    const big = 'Le président a dit que les négociations reprendraient à Genève. '.repeat(80_000);
    expect(big.length).toBeGreaterThan(5_000_000);
    const t0 = performance.now();
    expect(detectLanguage(big)).toBe('fr');
    expect(performance.now() - t0).toBeLessThan(1_000);
  });

  it('a short French banner does not outweigh a long English body', () => {
    const text = `Lire aussi : notre dossier. ${'The talks in Geneva will resume next week, officials said on Tuesday. '.repeat(400)}`;
    expect(detectLanguage(text)).toBe('en');
  });

  it.each([
    ['fr', 'Le chef de la diplomatie russe, Сергей Лавров, a rencontré John Kerry à Moscou pour discuter de la Syrie.', 'French with a Cyrillic name'],
    ['fr', 'Le président a déclaré que la coopération avec 中国 restait importante pour la région.', 'French with a Chinese name'],
    ['en', 'Foreign minister Sergei Lavrov (Сергей Лавров) met the secretary of state in Moscow on Thursday.', 'English with a Cyrillic name'],
  ])('%s for mixed scripts: %s', (lang, text) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it.each([
    ['ru', 'Президент России Владимир Путин провёл телефонный разговор с президентом США.'],
    ['el', 'Ο πρωθυπουργός ανακοίνωσε νέα μέτρα για την οικονομία της χώρας.'],
  ])('returns %s for non-Latin text, which downstream does not support', (lang, text) => {
    expect(detectLanguage(text)).toBe(lang);
    expect(isSupportedLanguage(lang)).toBe(false);
  });
});

describe('isSupportedLanguage', () => {
  it.each([
    ...CORE_LANGUAGES.map((c) => [c, true] as const),
    ['fr-CH', true],
    ['pt_BR', true],
    ['EN-us', true],
    ['nb', true],
    ['nl', true],
    ['ru', false],
    ['zh', false],
    ['', false],
    [null, false],
  ] as const)('%j → %s', (code, expected) => {
    expect(isSupportedLanguage(code)).toBe(expected);
  });

  it.each([
    ['fr-CH', 'fr'],
    ['pt_BR', 'pt'],
    ['nn', 'no'],
    [' EN ', 'en'],
    ['', ''],
  ])('baseLanguage(%j) = %j', (tag, expected) => {
    expect(baseLanguage(tag)).toBe(expected);
  });
});
