/**
 * The corpus page's own search (page-search.ts): on its own connection to the database the
 * background writes, it answers exactly what the background's search answers (the same rows in
 * the same order, snippets, counts and facets), before and after the background's writes made
 * while the page's caches were warm, and while an import's words are still to index; and it leaves the answer to the background (null) whenever
 * the page could not answer as the background would, without ever creating or upgrading the
 * database. Articles: real text (scripts/bench/panel-corpus.ts, made from the shared fixtures).
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { CorpusDb } from '../corpus-db';
import { bumpCorpusVersion, deleteArticles, saveArticle, searchCorpus, type CorpusSearch } from '../corpus';
import { importArticles, toRecord } from '../import-export';
import { mergeStoreOf, runMerges } from '../word-merge';
import { RUN_POLICY } from '../word-index';
import { PageSearch } from '../page-search';
import { indexWordsLater } from '../words-later';
import { generatePanelCorpus } from '../../../scripts/bench/panel-corpus';
import type { ImportCandidate, PortableArticle } from '../../../lib/corpus-io';

const { articles } = generatePanelCorpus({ size: 120, sameEvent: 6 });
const NOW = new Date('2026-03-01T00:00:00Z');
const NAME = 'recoupe-page-search';
const candidates = (list: PortableArticle[]): ImportCandidate[] => list.map((article, i) => ({ item: `article ${i + 1}`, article }));
/** An article as a later reading gives it: a word nowhere else added to its text. */
const rewritten = (a: PortableArticle, word: string): PortableArticle => {
  const text = `${a.text}\n\nMise à jour ${word} du texte.`;
  return { ...a, text, paragraphs: [...a.paragraphs, { start: a.text.length + 2, end: text.length }] };
};

/** Searches of each kind the page sends: words, phrases, words joined as written, a filter, an order, the first list (no words). */
const SEARCHES: [string, CorpusSearch][] = [
  ['a common word', { query: 'gouvernement', limit: 50 }],
  ['a rare word', { query: 'Kremlin', limit: 50 }],
  ['a word beginning others', { query: 'etat', limit: 50 }],
  ['three words', { query: 'Poutine Obama Syrie', limit: 50 }],
  ['a phrase of two words', { query: '"Barack Obama"', limit: 50 }],
  ['a phrase with common words inside', { query: '"président de la République"', limit: 50 }],
  ['words joined as written', { query: 'États-Unis', limit: 50 }],
  ['a word, two sites', { query: 'Obama', sites: ['Archive 1', 'Archive 2'], limit: 50 }],
  ['a word by title', { query: 'Obama', sort: 'title', direction: 'asc', limit: 20 }],
  ['the later readings\' word', { query: 'zorglubien', limit: 50 }],
  ['the first list', { query: '', sort: 'saved', direction: 'desc', limit: 200 }],
];

/** Runs of every size merged two at a time (the default policy merges four of one size class). */
const EVERY_RUN_MERGED = { ...RUN_POLICY, fanout: 2, unit: 1 << 30 };

let background: CorpusDb;
let page: PageSearch;
beforeEach(async () => {
  await Dexie.delete(NAME);
  background = new CorpusDb(NAME);
  await importArticles(background, candidates(articles.slice(0, 100)), NOW, [], { chunkArticles: 25 });
  page = new PageSearch(NAME);
});
afterEach(async () => {
  page.close();
  background.close();
  await Dexie.delete(NAME);
});

async function expectAsBackground(when: string): Promise<void> {
  for (const [name, search] of SEARCHES) {
    const mine = await page.search(search);
    expect(mine, `${when}: ${name}`).not.toBeNull();
    expect(mine, `${when}: ${name}`).toEqual(await searchCorpus(background, search));
  }
}

describe('the page answers what the background answers', () => {
  it('on the stored corpus, its caches cold then warm', async () => {
    await expectAsBackground('cold');
    await expectAsBackground('warm');
    // Not vacuous: the searches find articles, and the rows in relevance order.
    expect((await page.search(SEARCHES[0]![1]))!.ids.length).toBeGreaterThan(20);
    expect((await page.search(SEARCHES[4]![1]))!.articles.length).toBeGreaterThan(0);
  });

  // Each: a write of the background while the page's caches are warm, and how many articles then hold `zorglubien`.
  const CHANGES: [string, (ids: number[]) => Promise<unknown>, number][] = [
    ['an article saved', () => saveArticle(background, toRecord(candidates([rewritten(articles[110]!, 'zorglubien')])[0]!, NOW)), 1],
    ['articles imported', () => importArticles(background, candidates(articles.slice(100, 120).map((a) => rewritten(a, 'zorglubien'))), NOW, [], { chunkArticles: 10 }), 20],
    ['stored articles read again with new text', () => importArticles(background, candidates(articles.slice(0, 3).map((a) => rewritten(a, 'zorglubien'))), NOW), 3],
    ['articles deleted', (ids) => deleteArticles(background, ids.slice(0, 30)), 0],
    ['the word index\'s runs merged', async () => {
      const runs = await background.wordRuns.count();
      await runMerges(mergeStoreOf(background), { policy: EVERY_RUN_MERGED });
      expect(await background.wordRuns.count()).toBeLessThan(runs);
    }, 0],
  ];
  it.each(CHANGES)('after %s', async (_, change, zorglubien) => {
    await expectAsBackground('before');
    await change((await background.articles.toArray()).map((a) => a.id));
    await expectAsBackground('after');
    expect((await page.search({ query: 'zorglubien' }))!.ids).toHaveLength(zorglubien);
  });
});

describe('while an import\'s words are still to index (words-later.ts)', () => {
  // The page used to leave these searches to the background, which waited up to 5 s for the words.
  it('answers at once what the background answers: the articles indexed, and how many it did not look in', async () => {
    await importArticles(background, candidates(articles.slice(100, 120).map((a) => rewritten(a, 'zorglubien'))), NOW, [], { wordsLater: true, chunkArticles: 10 });
    await expectAsBackground('words to index');
    for (const [name, search] of SEARCHES) {
      // A list without words reads no word index: nothing to say.
      expect((await page.search(search))!.unindexed, name).toBe(search.query ? 20 : undefined);
    }
    expect((await page.search({ query: 'zorglubien' }))!.ids).toHaveLength(0);
    while ((await indexWordsLater(background)) !== null);
    await expectAsBackground('words indexed');
    const after = (await page.search({ query: 'zorglubien' }))!;
    expect(after.ids).toHaveLength(20);
    expect(after).not.toHaveProperty('unindexed');
  });
});

describe('what a search keeps of the word index', () => {
  // The background's preparation moves the corpus version with every batch of features it stores
  // (preparation.ts), for hours after a large import: the words did not change, the parts read stay.
  it('keeps the parts it read when only the features changed, reads them again after a write of articles', async () => {
    const read = vi.spyOn(background.wordParts, 'bulkGet');
    const search = { query: 'Poutine Obama Syrie', limit: 50 };
    const before = await searchCorpus(background, search);
    expect(read).toHaveBeenCalled();
    read.mockClear();
    await background.transaction('rw', [background.corpusVersion], () => bumpCorpusVersion(background));
    expect(await searchCorpus(background, search)).toEqual(before);
    expect(read).not.toHaveBeenCalled();
    await saveArticle(background, toRecord(candidates([rewritten(articles[110]!, 'Poutine Obama Syrie')])[0]!, NOW));
    expect((await searchCorpus(background, search)).ids).toHaveLength(before.ids.length + 1);
    expect(read).toHaveBeenCalled();
  });
});

describe('what the page reads ahead', () => {
  it('the word index\'s runs, once a list is shown: its first search of words reads them no more, until a write', async () => {
    // Dexie's tables share their methods: the one that holds `toArray`, and the page's reads of the runs through it.
    let table: object = background.wordRuns;
    while (!Object.hasOwn(table, 'toArray')) table = Object.getPrototypeOf(table);
    const toArray = vi.spyOn(table as { toArray(): Promise<unknown[]> }, 'toArray');
    const runsReadByPage = () => toArray.mock.contexts.filter((t) => (t as { name: string }).name === 'wordRuns' && (t as { db: unknown }).db !== background).length;
    expect((await page.search({ query: '' }))!.total).toBe(100);
    await vi.waitFor(() => expect(runsReadByPage()).toBe(1));
    const search = { query: 'Poutine Obama Syrie', limit: 50 };
    expect(await page.search(search)).toEqual(await searchCorpus(background, search));
    expect(runsReadByPage()).toBe(1);
    // A run written since (a save): read again, and its article found.
    await saveArticle(background, toRecord(candidates([rewritten(articles[110]!, 'zorglubien')])[0]!, NOW));
    expect((await page.search({ query: 'zorglubien' }))!.ids).toHaveLength(1);
    expect(runsReadByPage()).toBe(2);
  });
});

describe('the background answers instead (null), the database left as it was', () => {
  it('when no database is stored (never created by the page)', async () => {
    const none = new PageSearch('recoupe-page-search-none');
    expect(await none.search({ query: 'Obama' })).toBeNull();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('recoupe-page-search-none');
  });

  it('when the database is stored by another schema (never upgraded by the page)', async () => {
    background.close();
    await Dexie.delete(NAME);
    const older = 130;
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open(NAME, older);
      req.onupgradeneeded = () => req.result.createObjectStore('articles', { keyPath: 'id', autoIncrement: true });
      req.onsuccess = () => {
        req.result.close();
        resolve();
      };
      req.onerror = () => reject(req.error);
    });
    expect(await page.search({ query: 'Obama' })).toBeNull();
    expect((await indexedDB.databases()).find((d) => d.name === NAME)?.version).toBe(older);
  });

  it('when the browser cannot list its databases', async () => {
    expect(await new PageSearch(NAME, async () => null).search({ query: 'Obama' })).toBeNull();
  });

  it('when the database was deleted under the page (not made again)', async () => {
    expect(await page.search({ query: 'Obama' })).not.toBeNull();
    background.close();
    await Dexie.delete(NAME);
    expect(await page.search({ query: 'Obama' })).toBeNull();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(NAME);
  });
});
