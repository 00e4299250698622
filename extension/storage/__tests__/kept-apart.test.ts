import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { CorpusDb } from '../corpus-db';
import { deleteArticles, saveArticle } from '../corpus';
import { toNewArticle } from '../article-record';
import { addKeptApart, keptApartFrom, keptApartPairs, setKeptApart } from '../kept-apart';
import type { ExtractedArticle } from '../../../lib/extract/types';

const A = 'https://a.example/1';
const B = 'https://b.example/2';
const C = 'https://c.example/3';

function article(url: string) {
  const text = 'Le Kremlin a annoncé un accord.';
  const extracted: ExtractedArticle = {
    title: url, byline: null, siteName: null, publishedTime: null, language: 'fr', url, canonicalUrl: null, text,
    paragraphs: [{ start: 0, end: text.length }], boilerplate: [], removals: [], isArticle: true, articleReasons: [],
  };
  return toNewArticle(extracted, url, 'page', new Date('2026-01-02T03:04:05Z'));
}

let db: CorpusDb;
beforeEach(async () => {
  await Dexie.delete('recoupe-kept-apart-test');
  db = new CorpusDb('recoupe-kept-apart-test');
});
afterEach(() => db.close());

describe('"not the same event" judgements', () => {
  it('keeps a pair once, whichever way it is given, and takes it back', async () => {
    await setKeptApart(db, B, A, true);
    await setKeptApart(db, A, B, true);
    await setKeptApart(db, A, C, true);
    expect(await keptApartPairs(db)).toEqual([[A, B], [A, C]]);
    expect([...await keptApartFrom(db, A)]).toEqual([B, C]);
    expect([...await keptApartFrom(db, B)]).toEqual([A]);
    await setKeptApart(db, B, A, false);
    expect(await keptApartPairs(db)).toEqual([[A, C]]);
    expect([...await keptApartFrom(db, B)]).toEqual([]);
  });

  it('adds an import\'s pairs to those stored, each once, none of an article with itself', async () => {
    await setKeptApart(db, A, B, true);
    await addKeptApart(db, [[B, A], [C, A], [A, C], [C, C]]);
    expect(await keptApartPairs(db)).toEqual([[A, B], [A, C]]);
  });

  it('does not judge an article against itself', async () => {
    await setKeptApart(db, A, A, true);
    expect(await keptApartPairs(db)).toEqual([]);
  });

  it('survives the database being closed and opened again (kept in the meta table)', async () => {
    await setKeptApart(db, A, B, true);
    db.close();
    db = new CorpusDb('recoupe-kept-apart-test');
    expect(await keptApartPairs(db)).toEqual([[A, B]]);
  });

  it('drops unreadable stored entries', async () => {
    await db.meta.put({ key: 'keptApart', value: [[A, B], [B, A], ['x'], [1, 2], 'y', [A, C, B]] });
    expect(await keptApartPairs(db)).toEqual([[A, B]]);
    await db.meta.put({ key: 'keptApart', value: { not: 'a list' } });
    expect(await keptApartPairs(db)).toEqual([]);
  });

  it('forgets the judgements about a deleted article, and only those', async () => {
    const { id: idA } = await saveArticle(db, article(A));
    await saveArticle(db, article(B));
    await setKeptApart(db, A, B, true);
    await setKeptApart(db, B, C, true);
    expect(await deleteArticles(db, [idA])).toBe(1);
    expect(await keptApartPairs(db)).toEqual([[B, C]]);
  });
});
