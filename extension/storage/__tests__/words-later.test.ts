/**
 * Words indexed after an import (words-later.ts): an import with `wordsLater` stores its articles
 * without their postings, a search meanwhile says how many articles it did not look in and finds
 * nothing wrong, and once the job has indexed them every search answers exactly as after an import
 * that indexed them itself (the same operations on a second database, the reference). Deletes and
 * writes of the same articles before, during and after the job, and a job stopped half way.
 * Articles: real text (scripts/bench/panel-corpus.ts, made from the shared fixtures).
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { CorpusDb } from '../corpus-db';
import { deleteArticles, saveArticle, searchCorpus, type CorpusListing } from '../corpus';
import { importArticles, toRecord } from '../import-export';
import { mergeStoreOf, runMerges } from '../word-merge';
import { RUN_POLICY } from '../word-index';
import { indexWordsLater, wordsLaterCount, wordsLaterRows } from '../words-later';
import { generatePanelCorpus } from '../../../scripts/bench/panel-corpus';
import type { PortableArticle } from '../../../lib/corpus-io';
import type { ImportCandidate } from '../../../lib/corpus-io';

const { articles } = generatePanelCorpus({ size: 90, sameEvent: 6 });
const NOW = new Date('2026-03-01T00:00:00Z');
const candidates = (list: PortableArticle[]): ImportCandidate[] => list.map((article, i) => ({ item: `article ${i + 1}`, article }));
/** An article of the file as a later file gives it: its text rewritten (a word nowhere else added). */
const rewritten = (a: PortableArticle, word: string): PortableArticle => {
  const text = `${a.text}\n\nMise à jour ${word} du texte.`;
  return { ...a, text, paragraphs: [...a.paragraphs, { start: a.text.length + 2, end: text.length }] };
};

/** Queries of each kind (words, a begun word, a short one, phrases of two and more words, words joined as written, a filter). */
const QUERIES: [string, string, { sites?: string[] }?][] = [
  ['a common word', 'gouvernement'],
  ['a rare word', 'Kremlin'],
  ['a word beginning others', 'etat'],
  ['a short word', 'de'],
  ['two words', 'Poutine Obama'],
  ['a phrase of two words', '"Barack Obama"'],
  ['a phrase of three words', '"président de la République"'],
  ['a phrase and a word', '"Maison Blanche" Obama'],
  ['words joined as written', 'États-Unis'],
  ['a word of the address', 'example'],
  ['a word, one site', 'Obama', { sites: ['Archive 1', 'Archive 2'] }],
  ['the rewritten texts\' word', 'zorglubien'],
  ['a phrase of the rewritten texts', '"à jour zorglubien du texte"'],
];

/** Runs of every size merged two at a time (the default policy merges four of one size class). */
const EVERY_RUN_MERGED = { ...RUN_POLICY, fanout: 2, unit: 1 << 30 };

const search = (db: CorpusDb, query: string, extra = {}) => searchCorpus(db, { query, limit: 20, ...extra });
/** What a listing shows and counts (snippets included). */
const shown = (l: CorpusListing) => ({ ids: l.ids, articles: l.articles, sites: l.sites, languages: l.languages, origins: l.origins, total: l.total, unindexed: l.unindexed });

let later: CorpusDb;
let reference: CorpusDb;
beforeEach(async () => {
  await Promise.all([Dexie.delete('recoupe-words-later'), Dexie.delete('recoupe-words-reference')]);
  later = new CorpusDb('recoupe-words-later');
  reference = new CorpusDb('recoupe-words-reference');
});
afterEach(async () => {
  later.close();
  reference.close();
  await Promise.all([Dexie.delete('recoupe-words-later'), Dexie.delete('recoupe-words-reference')]);
});

/** Imports `list` into both databases: words later in one, at once in the reference. */
async function importBoth(list: PortableArticle[], chunkArticles = 25): Promise<void> {
  await importArticles(later, candidates(list), NOW, [], { wordsLater: true, chunkArticles });
  await importArticles(reference, candidates(list), NOW, [], { chunkArticles });
}

async function indexAll(db: CorpusDb): Promise<number> {
  let rows = 0;
  while ((await indexWordsLater(db)) !== null) rows++;
  return rows;
}

async function expectSameAnswers(): Promise<void> {
  for (const [, query, extra] of QUERIES) expect(shown(await search(later, query, extra)), query).toEqual(shown(await search(reference, query, extra)));
}

describe('words indexed after an import', () => {
  it('a search before says how many articles it did not look in and finds none of them; after the job, every answer is the reference\'s', async () => {
    // Some stored first (indexed at their save), then the import: new articles, and updates of stored ones.
    for (const db of [later, reference]) for (const c of candidates(articles.slice(0, 10))) await saveArticle(db, toRecord(c, NOW));
    await importBoth([...articles.slice(10), ...articles.slice(0, 5).map((a) => rewritten(a, 'zorglubien'))]);
    const listed = articles.length - 10 + 5;
    expect(await wordsLaterCount(later)).toBe(listed);
    expect(await wordsLaterCount(reference)).toBe(0);
    for (const [name, query, extra] of QUERIES) {
      const before = await search(later, query, extra);
      // Every article of the import, none of the five stored ones left alone.
      expect(before.unindexed, name).toBe(listed);
      // Only articles indexed at their save, and only those the reference finds (an updated one's old words no longer find it).
      const found = new Set((await search(reference, query, extra)).ids);
      const stored = new Set((await later.articles.toArray()).slice(5, 10).map((a) => a.id));
      for (const id of before.ids) expect(stored.has(id) && found.has(id), `${name}: ${id}`).toBe(true);
    }
    expect(await indexAll(later)).toBe(4);
    expect(await wordsLaterCount(later)).toBe(0);
    await expectSameAnswers();
    expect((await search(later, 'zorglubien')).ids).toHaveLength(5);
  });

  // Each case: what happens to the imported articles, and when (before the job, or between its analysis and its write).
  const CASES: [string, 'before' | 'during', (db: CorpusDb, ids: number[]) => Promise<unknown>][] = [
    ['three deleted before the job', 'before', (db, ids) => deleteArticles(db, ids.slice(0, 3))],
    ['three deleted while the job analyses them', 'during', (db, ids) => deleteArticles(db, ids.slice(0, 3))],
    // Saved again (a page read again): indexed at that save, then listed still: indexed once, not counted twice.
    ['two saved again with new text before the job', 'before', (db, ids) => saveAgain(db, ids.slice(0, 2))],
    ['two saved again while the job analyses them', 'during', (db, ids) => saveAgain(db, ids.slice(0, 2))],
    // Imported again (words later again): a newer row lists them.
    ['two imported again before the job', 'before', (db) => importArticles(db, candidates(articles.slice(0, 2).map((a) => rewritten(a, 'zorglubien'))), NOW, [], { wordsLater: db === later })],
    ['two imported again while the job analyses them', 'during', (db) => importArticles(db, candidates(articles.slice(0, 2).map((a) => rewritten(a, 'zorglubien'))), NOW, [], { wordsLater: db === later })],
  ];

  async function saveAgain(db: CorpusDb, ids: number[]): Promise<void> {
    for (const a of await db.articles.bulkGet(ids)) {
      const { id: _id, ...record } = a!;
      const text = `${record.text}\n\nMise à jour zorglubien du texte.`;
      await saveArticle(db, { ...record, text, paragraphs: [...record.paragraphs, { start: record.text.length + 2, end: text.length }], wordCount: record.wordCount + 5 });
    }
  }

  for (const [name, when, change] of CASES) {
    it(`answers as the reference when ${name}`, async () => {
      await importBoth(articles.slice(0, 40), 20);
      const ids = (await later.articles.toArray()).map((a) => a.id);
      expect((await reference.articles.toArray()).map((a) => a.id)).toEqual(ids);
      await change(reference, ids);
      if (when === 'before') await change(later, ids);
      let changed = when === 'before';
      // The change made after the job read the first row's articles, before its write.
      await indexWordsLater(later, () => {
        if (changed) return undefined;
        changed = true;
        return change(later, ids).then(() => undefined);
      });
      expect(changed).toBe(true);
      await indexAll(later);
      expect(await wordsLaterRows(later)).toEqual([]);
      await expectSameAnswers();
      // And once the runs are merged into one (a run of the job beside the run of a save of the same article).
      for (const db of [later, reference]) await runMerges(mergeStoreOf(db), { policy: EVERY_RUN_MERGED });
      expect(await later.wordRuns.count()).toBe(1);
      await expectSameAnswers();
    });
  }

  it('goes on after a stop: a new worker indexes the rows left, none twice', async () => {
    await importBoth(articles.slice(0, 60), 20);
    expect(await indexWordsLater(later)).toBe(20);
    later.close();
    later = new CorpusDb('recoupe-words-later');
    expect((await wordsLaterRows(later)).map((r) => r.ids.length)).toEqual([20, 20]);
    expect(await indexAll(later)).toBe(2);
    await expectSameAnswers();
  });
});
