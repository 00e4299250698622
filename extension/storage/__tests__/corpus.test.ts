import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { CorpusDb } from '../corpus-db';
import { deleteArticles, getArticle, listArticles, saveArticle } from '../corpus';
import { countWords, pageUrl, toNewArticle } from '../article-record';
import type { ExtractedArticle } from '../../../lib/extract/types';

function extracted(overrides: Partial<ExtractedArticle> = {}): ExtractedArticle {
  const text = 'Le Kremlin a annoncé un accord.\n\nLes deux présidents se sont parlé.';
  return {
    title: 'Poutine et Obama se sont accordés', byline: null, siteName: 'RT France', publishedTime: '2016-07-07T08:00:00Z',
    language: 'fr', url: null, canonicalUrl: null, text, paragraphs: [{ start: 0, end: 31 }, { start: 33, end: text.length }],
    boilerplate: [], removals: [], isArticle: true, articleReasons: [], ...overrides,
  };
}

let db: CorpusDb;
beforeEach(async () => {
  await Dexie.delete('recoupe-test');
  db = new CorpusDb('recoupe-test');
});
afterEach(() => db.close());

describe('the stored record', () => {
  it('keeps metadata and text, drops the URL fragment, falls back to the host name for the site', () => {
    const record = toNewArticle(extracted({ siteName: null }), 'https://www.example.org/a.html#comments', 'page', new Date('2026-01-02T03:04:05Z'));
    expect(record).toMatchObject({
      url: 'https://www.example.org/a.html', site: 'example.org', language: 'fr', origin: 'page',
      savedAt: '2026-01-02T03:04:05.000Z', wordCount: 12, title: 'Poutine et Obama se sont accordés',
    });
  });

  it.each([
    ['plain words', 'Le Kremlin a annoncé', 4],
    ['elisions count as they read', "l'opposition qu’il", 4],
    ['numbers are words', '280.000 morts en 2016', 5],
    ['punctuation only', '« — » …', 0],
  ])('counts words: %s', (_name, text, expected) => {
    expect(countWords(text)).toBe(expected);
  });

  it.each([
    ['https://a.org/x#top', 'https://a.org/x'],
    ['https://a.org/x?id=1', 'https://a.org/x?id=1'],
  ])('page URL of %s is %s', (url, expected) => expect(pageUrl(url)).toBe(expected));
});

describe('saving', () => {
  it('adds a new URL, and updates (same id, first-saved date kept) when the URL comes again', async () => {
    const first = await saveArticle(db, toNewArticle(extracted(), 'https://a.org/x', 'page', new Date('2026-01-01')));
    const again = await saveArticle(db, toNewArticle(extracted({ title: 'Corrected title' }), 'https://a.org/x#c', 'page', new Date('2026-02-01')));
    expect(again).toEqual({ id: first.id, created: false });
    const stored = await getArticle(db, first.id);
    expect(stored).toMatchObject({ title: 'Corrected title', savedAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-02-01T00:00:00.000Z' });
    expect(await db.articles.count()).toBe(1);
  });

  it('recognises the same article under another URL by its canonical URL', async () => {
    const canonical = 'https://a.org/article';
    const first = await saveArticle(db, toNewArticle(extracted({ canonicalUrl: canonical }), 'https://a.org/article?utm_source=x', 'page', new Date()));
    const amp = await saveArticle(db, toNewArticle(extracted({ canonicalUrl: canonical }), 'https://a.org/amp/article', 'page', new Date()));
    expect(amp).toEqual({ id: first.id, created: false });
  });

  it('lets two simultaneous saves of one page make one article', async () => {
    const record = toNewArticle(extracted(), 'https://a.org/x', 'page', new Date());
    await Promise.all([saveArticle(db, record), saveArticle(db, record)]);
    expect(await db.articles.count()).toBe(1);
  });
});

describe('listing, searching and deleting', () => {
  beforeEach(async () => {
    await saveArticle(db, toNewArticle(extracted({ title: 'Kerry à Moscou' }), 'https://a.org/1', 'page', new Date('2026-01-01')));
    await saveArticle(db, toNewArticle(extracted({ title: 'Poutine et Obama', siteName: 'Le Temps' }), 'https://b.org/2', 'page', new Date('2026-01-02')));
  });

  it('lists the most recently saved first, without the texts', async () => {
    const list = await listArticles(db);
    expect(list.map((a) => a.title)).toEqual(['Poutine et Obama', 'Kerry à Moscou']);
    expect(list[0]).not.toHaveProperty('text');
  });

  it.each([
    ['a title word', 'kerry', ['Kerry à Moscou']],
    ['accents ignored', 'a moscou', ['Kerry à Moscou']],
    ['a site', 'le temps', ['Poutine et Obama']],
    ['every word must match', 'kerry obama', []],
    ['blank query lists all', '  ', ['Poutine et Obama', 'Kerry à Moscou']],
  ])('searches by %s', async (_name, query, titles) => {
    expect((await listArticles(db, query)).map((a) => a.title)).toEqual(titles);
  });

  it('deletes by id and says how many were there', async () => {
    const [a] = await listArticles(db);
    expect(await deleteArticles(db, [a!.id, 999])).toBe(1);
    expect((await listArticles(db)).map((x) => x.title)).toEqual(['Kerry à Moscou']);
  });
});
