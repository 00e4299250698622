/**
 * The search columns' snapshot (search-columns.ts): a new worker's first search answers from the
 * stored snapshot and the changes written since, exactly as from every summary (the reference: a
 * second instance of the same database that makes its columns from every summary each time), after
 * saves, updates, deletes and imports made after the snapshot, a write rolled back, a snapshot's
 * write that failed, a write between a snapshot's read and its write; an overflowed change list or
 * no snapshot reads every summary. A seeded random corpus, and a seeded random sequence of changes.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { CorpusDb } from '../corpus-db';
import { corpusTables, deleteArticles, saveArticle, searchCorpus, type CorpusSearch } from '../corpus';
import { toNewArticle, type NewArticle } from '../article-record';
import { importArticles } from '../import-export';
import { portable } from '../../../lib/corpus-io/format';
import type { ArticleOrigin } from '../../../lib/corpus-io';
import type { ExtractedArticle } from '../../../lib/extract/types';
import { seededRandom } from '../../../tests/support/seeded-random';
import { CHANGES_KEPT, fromEverySummary, lastSource, SEARCH_CHANGES_KEY, withChanges, writeSnapshot, type SearchChanges } from '../search-columns';

const WORDS = ['Kremlin', 'Poutine', 'Obama', 'Syrie', 'accord', 'sommet', 'Moscou', 'Washington', 'guerre', 'paix', 'élection', 'Lavrov', 'Kerry', 'Genève', 'de', 'la'];
const SITES = ['RT France', 'Reuters', 'Le Monde', 'Libération', null];
const LANGUAGES = ['fr', 'en', null];
const ORIGINS: ArticleOrigin[] = ['page', 'followed', 'sample'];

/** Searches as the corpus page asks them: words, phrases, filters, every order, a few rows (the order of the rest counts too). */
const SEARCHES: CorpusSearch[] = [
  {},
  { limit: 5 },
  { query: 'kremlin', limit: 5 },
  { query: '"Barack Obama"', limit: 5 },
  { query: 'Poutine Obama Syrie', limit: 5 },
  { query: '"guerre de la paix"', limit: 3 },
  { query: 'mosco', limit: 3 },
  { sites: ['Reuters'], languages: ['fr'], limit: 5 },
  { query: 'accord', origins: ['import'], limit: 5 },
  { from: '2016-03-01', to: '2016-06-30', limit: 5 },
  ...(['saved', 'published', 'title', 'site', 'words', 'relevance'] as const).map((sort) => ({ sort, direction: 'asc' as const, limit: 4 })),
  { query: 'obama', sort: 'words', limit: 4 },
  { query: 'guerre paix', direction: 'asc', limit: 4 },
];

const pick = <T,>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** A random article: words of `WORDS` (a third with "Barack Obama"), a site, language, date published (or none) and date saved (shared by several: ties). */
function randomArticle(r: () => number, i: number, origin: ArticleOrigin): NewArticle {
  const words = Array.from({ length: 5 + Math.floor(r() * 40) }, () => pick(r, WORDS));
  if (r() < 0.3) words.splice(Math.floor(r() * words.length), 0, 'Barack', 'Obama');
  const text = `${words.join(' ')}.`;
  const extracted: ExtractedArticle = {
    title: Array.from({ length: 1 + Math.floor(r() * 5) }, () => pick(r, WORDS)).join(' '), byline: null, siteName: pick(r, SITES),
    publishedTime: r() < 0.2 ? null : `2016-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}T08:00:00Z`, language: pick(r, LANGUAGES),
    url: null, canonicalUrl: null, text, paragraphs: [{ start: 0, end: text.length }], boilerplate: [], removals: [], isArticle: true, articleReasons: [],
  };
  return toNewArticle(extracted, `https://s${i % 7}.example.org/${i}`, origin, new Date(Date.UTC(2026, 0, 1 + Math.floor(r() * 20))));
}

let name: string;
let opened: CorpusDb[];
/** A new instance of the database: a new worker's, holding nothing. */
function open(reference = false): CorpusDb {
  const db = new CorpusDb(name);
  if (reference) fromEverySummary.add(db);
  opened.push(db);
  return db;
}

beforeEach(() => {
  name = `search-columns-${Math.random().toString(36).slice(2)}`;
  opened = [];
});
afterEach(async () => {
  vi.restoreAllMocks();
  for (const db of opened) db.close();
  await Dexie.delete(name);
});

/** Every search of `SEARCHES` on a new instance, and how its first found its columns. */
async function coldAnswers(searches = SEARCHES): Promise<{ source: string | undefined; answers: unknown[] }> {
  const db = open();
  const answers: unknown[] = [];
  let source: string | undefined;
  for (const s of searches) {
    answers.push(await searchCorpus(db, s));
    source ??= lastSource.get(db);
  }
  return { source, answers };
}

const referenceAnswers = async (searches = SEARCHES) => {
  const db = open(true);
  const answers: unknown[] = [];
  for (const s of searches) answers.push(await searchCorpus(db, s));
  return answers;
};

/** A corpus of `n` random articles saved one by one, and its snapshot written by a first worker's search. */
async function corpusWithSnapshot(r: () => number, n: number): Promise<CorpusDb> {
  const db = open();
  for (let i = 0; i < n; i++) await saveArticle(db, randomArticle(r, i, pick(r, ORIGINS)));
  await searchCorpus(db, { query: 'kremlin' });
  expect(lastSource.get(db)).toBe('summaries');
  expect(await writeSnapshot(db)).toBe(true);
  return db;
}

const changes = async (db: CorpusDb) => (await db.corpusVersion.get(SEARCH_CHANGES_KEY))?.value as SearchChanges;

describe('the search columns of a new worker', () => {
  it('are the snapshot when no write came after it, and answer as every summary does', async () => {
    const r = seededRandom(1);
    await corpusWithSnapshot(r, 60);
    const cold = await coldAnswers();
    expect(cold.source).toBe('snapshot');
    expect(cold.answers).toEqual(await referenceAnswers());
  });

  it('read every summary when no snapshot was written yet', async () => {
    const db = open();
    const r = seededRandom(2);
    for (let i = 0; i < 20; i++) await saveArticle(db, randomArticle(r, i, 'page'));
    const cold = await coldAnswers();
    expect(cold.source).toBe('summaries');
    expect(cold.answers).toEqual(await referenceAnswers());
  });

  const r = seededRandom(3);
  it.each<[string, (db: CorpusDb) => Promise<unknown>]>([
    ['an article saved', (db) => saveArticle(db, randomArticle(r, 1000, 'page'))],
    ['an article updated (another site, language, text)', async (db) => {
      const [first] = await db.summaries.limit(1).toArray();
      await saveArticle(db, { ...randomArticle(r, 1001, 'page'), url: first!.url, siteName: 'Mediapart', site: 'Mediapart', language: 'de' } as NewArticle);
    }],
    ['articles deleted', async (db) => deleteArticles(db, (await db.summaries.limit(7).primaryKeys()) as number[])],
    ['articles imported', (db) => importArticles(db, Array.from({ length: 6 }, (_, i) => ({ item: `article ${i}`, article: portable(randomArticle(r, 2000 + i, 'import')) })))],
  ])('take in the changes written after the snapshot: %s', async (_what, change) => {
    const db = await corpusWithSnapshot(r, 60);
    const before = await referenceAnswers();
    await change(db);
    const after = await referenceAnswers();
    // The change shows in the answers: a snapshot used without it would answer `before`.
    expect(after).not.toEqual(before);
    const cold = await coldAnswers();
    expect(cold.source).toBe('snapshot');
    expect(cold.answers).toEqual(after);
    // The worker that wrote the snapshot, warm, too.
    for (const [i, s] of SEARCHES.entries()) expect(await searchCorpus(db, s)).toEqual(after[i]);
  });

  it('are unchanged by a write rolled back (the change list with it)', async () => {
    const r = seededRandom(4);
    const db = await corpusWithSnapshot(r, 30);
    const list = await changes(db);
    await expect(db.transaction('rw', corpusTables(db), async () => {
      await saveArticle(db, randomArticle(r, 500, 'page'));
      throw new Error('stopped');
    })).rejects.toThrow('stopped');
    expect(await changes(db)).toEqual(list);
    const cold = await coldAnswers();
    expect(cold.source).toBe('snapshot');
    expect(cold.answers).toEqual(await referenceAnswers());
  });

  it('are the earlier snapshot and every change since when a snapshot\'s write fails', async () => {
    const r = seededRandom(5);
    const db = await corpusWithSnapshot(r, 30);
    for (let i = 0; i < 3; i++) await saveArticle(db, randomArticle(r, 600 + i, 'page'));
    await searchCorpus(db, {});
    vi.spyOn(db.corpusVersion, 'bulkPut').mockRejectedValueOnce(new Error('The disk is full'));
    await expect(writeSnapshot(db)).rejects.toThrow('The disk is full');
    expect((await changes(db)).n).toBe(3);
    const cold = await coldAnswers();
    expect(cold.source).toBe('snapshot');
    expect(cold.answers).toEqual(await referenceAnswers());
  });

  it('keep the changes written between a snapshot\'s columns and its write', async () => {
    const r = seededRandom(6);
    const db = await corpusWithSnapshot(r, 30);
    await saveArticle(db, randomArticle(r, 700, 'page'));
    await searchCorpus(db, {});
    // Written after the columns the snapshot is made of: left on the new generation's list.
    await saveArticle(db, randomArticle(r, 701, 'followed'));
    await deleteArticles(db, (await db.summaries.limit(2).primaryKeys()) as number[]);
    expect(await writeSnapshot(db)).toBe(true);
    expect((await changes(db)).n).toBe(3);
    const cold = await coldAnswers();
    expect(cold.source).toBe('snapshot');
    expect(cold.answers).toEqual(await referenceAnswers());
  });

  it('read every summary when the change list overflowed', async () => {
    const r = seededRandom(7);
    const db = await corpusWithSnapshot(r, 20);
    await saveArticle(db, randomArticle(r, 800, 'page'));
    const list = await changes(db);
    await db.corpusVersion.put({ key: SEARCH_CHANGES_KEY, value: { ...list, ids: null } });
    const cold = await coldAnswers();
    expect(cold.source).toBe('summaries');
    expect(cold.answers).toEqual(await referenceAnswers());
  });

  it('answer as every summary does through a random sequence of saves, updates, deletes, imports, snapshots and searches', async () => {
    const r = seededRandom(8);
    const warm = await corpusWithSnapshot(r, 25);
    const few = SEARCHES.filter((_, i) => i % 3 === 0);
    let next = 3000;
    for (let step = 0; step < 40; step++) {
      const op = pick(r, ['save', 'update', 'delete', 'import', 'snapshot', 'search'] as const);
      if (op === 'save') await saveArticle(warm, randomArticle(r, next++, pick(r, ORIGINS)));
      else if (op === 'update') {
        const ids = (await warm.summaries.toCollection().primaryKeys()) as number[];
        const old = await warm.summaries.get(pick(r, ids));
        if (old) await saveArticle(warm, { ...randomArticle(r, next++, 'page'), url: old.url });
      } else if (op === 'delete') await deleteArticles(warm, [pick(r, (await warm.summaries.toCollection().primaryKeys()) as number[])]);
      else if (op === 'import') await importArticles(warm, Array.from({ length: 3 }, (_, i) => ({ item: `article ${i}`, article: portable(randomArticle(r, next++, 'import')) })));
      else if (op === 'snapshot') await writeSnapshot(warm);
      else await searchCorpus(warm, pick(r, SEARCHES));
      const expected = await referenceAnswers(few);
      expect((await coldAnswers(few)).answers, `step ${step}: ${op}`).toEqual(expected);
      for (const [i, s] of few.entries()) expect(await searchCorpus(warm, s), `step ${step}: ${op}, warm ${JSON.stringify(s)}`).toEqual(expected[i]);
    }
  });
});

describe('the change list', () => {
  it.each<[string, SearchChanges | undefined, number[], SearchChanges]>([
    ['none yet: generation 0', undefined, [4, 5], { gen: 0, n: 2, ids: [4, 5], all: 2 }],
    ['appended in order, repeats kept', { gen: 7, n: 2, ids: [4, 5], all: 9 }, [5, 1], { gen: 7, n: 4, ids: [4, 5, 5, 1], all: 11 }],
    ['full: overflows, still counted', { gen: 7, n: CHANGES_KEPT, ids: Array.from({ length: CHANGES_KEPT }, (_, i) => i), all: CHANGES_KEPT }, [1], { gen: 7, n: CHANGES_KEPT + 1, ids: null, all: CHANGES_KEPT + 1 }],
    ['overflowed: stays so', { gen: 7, n: 9000, ids: null, all: 9000 }, [3], { gen: 7, n: 9001, ids: null, all: 9001 }],
  ])('%s', (_what, before, ids, after) => {
    expect(withChanges(before && { key: SEARCH_CHANGES_KEY, value: before }, ids)).toEqual({ key: SEARCH_CHANGES_KEY, value: after });
  });
});
