/**
 * The preparation queue (entrypoints/background/preparation.ts): an import stores its articles
 * marked pending, and the queue computes their features afterwards, tells the story index, and
 * goes on after a stop. An article deleted or written again while pending (or while the queue is
 * computing its features) ends with the features of what is stored, or none.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { CorpusDb } from '../../extension/storage/corpus-db';
import { deleteArticles, getCorpusVersion, searchCorpus } from '../../extension/storage/corpus';
import { toNewArticle } from '../../extension/storage/article-record';
import { featuresOf } from '../../extension/storage/analysis';
import { importArticles } from '../../extension/storage/import-export';
import { portable } from '../../lib/corpus-io/format';
import type { Preparation } from '../../extension/protocol';
import { extractFromText } from '../../lib/extract';
import { StoryIndex } from '../background/story-index';
import { PREPARE_AFTER_IMPORT_MS, PREPARE_BATCH, PreparationQueue } from '../background/preparation';

const NAME = 'recoupe-preparation-test';
const seedText = (n: string) => readFileSync(new URL(`../../corpus/${n}.txt`, import.meta.url), 'utf8');
const SEEDS = ['000_492f0f67598950be', '001_efc4fda914ae2fdd', '002_b5629d95adcdafa8', '003_0bb6bc6989cf1c52'];

/** An import file's article: seed `n`'s text (a sentence added to tell copies apart) at `url`. */
const article = (n: number, url: string, extra = '') => portable(toNewArticle(extractFromText(`${seedText(SEEDS[n % SEEDS.length]!)}\n\n${extra}`), url, 'import', new Date('2026-03-01')));
const importing = (articles: ReturnType<typeof article>[]) => importArticles(db, articles.map((a, i) => ({ item: `article ${i + 1}`, article: a })));

let db: CorpusDb;
let progress: Preparation[];
let finished: number;
const queueOf = (stories: StoryIndex) => new PreparationQueue(db, stories, { progress: (p) => void progress.push(p), finished: () => void finished++ });

beforeEach(async () => {
  // The story index writes itself back on a timer: not in these tests.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  await Dexie.delete(NAME);
  db = new CorpusDb(NAME);
  progress = [];
  finished = 0;
});
afterEach(async () => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  db.close();
  await Dexie.delete(NAME);
});

/** The features stored for each article, as they should be: those of its stored text, and nothing pending. */
async function expectAllPrepared(): Promise<void> {
  expect(await db.pending.count()).toBe(0);
  const articles = await db.articles.toArray();
  const features = await db.features.bulkGet(articles.map((a) => a.id));
  expect(features.map((f) => f?.match)).toEqual(articles.map((a) => featuresOf(a)));
}

describe('the preparation queue', () => {
  it('logs the articles it prepares, so an index saved before them is brought up to date from the log, not rebuilt (issue 16)', async () => {
    await importing([0, 1, 2, 3].map((n) => article(n, `https://a.org/${n}`)));
    const stories = new StoryIndex(db);
    await stories.get();
    await vi.runAllTimersAsync(); // The index written, empty: nothing is prepared yet.
    await queueOf(stories).start();
    const ids = (await db.articles.toArray()).map((a) => a.id);
    expect((await db.featureChanges.toArray()).flatMap((c) => c.ids).sort()).toEqual([...ids].sort());
    // The worker stops before writing the index again; the next one replays the four.
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    const index = await new StoryIndex(db).get();
    expect(info).toHaveBeenCalledWith(expect.stringMatching(/brought up to date \(articles changed since it was saved: 4\)/));
    expect(index.articleIds().sort()).toEqual(ids.map(String).sort());
    expect(index.serialize()).toBe((await stories.get()).serialize());
  });

  it('prepares the imported articles, tells the story index and says how far it has gone', async () => {
    await importing([0, 1, 2, 3].map((n) => article(n, `https://a.org/${n}`)));
    const ids = (await db.articles.toArray()).map((a) => a.id);
    expect(await db.pending.count()).toBe(4);
    const stories = new StoryIndex(db);
    expect((await stories.get()).size).toBe(0);
    const version = await getCorpusVersion(db);
    const queue = queueOf(stories);
    expect(await queue.state()).toEqual({ done: 0, total: 4 });

    const running = queue.start();
    // Asked while the queue counts what is left (a new worker's first moments): still 4, not 0.
    expect(await queue.state()).toEqual({ done: 0, total: 4 });
    await running;
    await expectAllPrepared();
    const index = await stories.get();
    expect(ids.every((id) => index.has(String(id)))).toBe(true);
    // Seeds 000 and 001 report the same call: found through the index.
    expect(index.candidates(featuresOf((await db.articles.get(ids[0]!))!))).toContain(String(ids[1]));
    expect(progress.at(-1)).toEqual({ done: 4, total: 4 });
    expect(finished).toBe(1);
    // The features changed what the story index is built from: the version moved with them.
    expect(await getCorpusVersion(db)).toBeGreaterThan(version);
    expect(await queue.state()).toEqual({ done: 0, total: 0 });
  });

  it('indexes the words of an import that left them for later before the features, says how many are left, and tells when they are searchable', async () => {
    const searchable: number[] = [];
    const queue = new PreparationQueue(db, new StoryIndex(db), {
      progress: (p) => void progress.push(p),
      finished: () => void finished++,
      searchable: () => void searchable.push(progress.length),
    });
    await importArticles(db, [0, 1, 2, 3].map((n, i) => ({ item: `article ${i + 1}`, article: article(n, `https://w.org/${n}`) })), new Date(), [], { wordsLater: true, chunkArticles: 2 });
    const ids = (await db.articles.toArray()).map((a) => a.id);
    // Searched meanwhile: not found, said.
    expect(await searchCorpus(db, { query: 'Poutine' })).toMatchObject({ ids: [], unindexed: 4 });
    expect(await queue.state()).toEqual({ done: 0, total: 4, words: 4 });
    // A search wants them: the queue starts at once, not after its delay (the search does not wait for it); then finds them, nothing left unsaid.
    const start = vi.spyOn(queue, 'start');
    queue.wordsWanted();
    expect(start).toHaveBeenCalledTimes(1);
    await start.mock.results[0]!.value;
    expect(await queue.state()).not.toHaveProperty('words');
    const found = await searchCorpus(db, { query: 'Poutine' });
    expect(found.unindexed).toBeUndefined();
    expect(found.ids.length).toBeGreaterThan(0);
    expect(ids).toEqual(expect.arrayContaining(found.ids));
    await vi.runAllTimersAsync();
    await queue.start();
    // Two rows of words (one per chunk), told as they went, then the features; searchable told once, before the features.
    expect(progress.slice(0, 2)).toEqual([{ done: 0, total: 4, words: 2 }, { done: 0, total: 4 }]);
    expect(searchable).toEqual([2]);
    await expectAllPrepared();
    expect(finished).toBe(1);
  });

  it('stopped half way (a write fails, as when the worker is stopped), keeps what it stored; the next worker prepares the rest', async () => {
    const count = PREPARE_BATCH + 10;
    await importing(Array.from({ length: count }, (_, i) => article(i, `https://b.org/${i}`, `Copie ${i}.`)));
    const bulkPut = db.features.bulkPut.bind(db.features);
    vi.spyOn(db.features, 'bulkPut')
      .mockImplementationOnce(bulkPut)
      .mockImplementationOnce(() => Promise.reject(new Error('worker stopped')) as never);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await queueOf(new StoryIndex(db)).start();
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/could not prepare/), expect.any(Error));
    // The first batch is stored whole; the second's transaction left nothing.
    expect([await db.features.count(), await db.pending.count()]).toEqual([PREPARE_BATCH, count - PREPARE_BATCH]);

    vi.restoreAllMocks();
    const stories = new StoryIndex(db);
    const next = queueOf(stories);
    expect(await next.state()).toEqual({ done: 0, total: count - PREPARE_BATCH });
    await next.start();
    await expectAllPrepared();
    expect((await stories.get()).size).toBe(count);
  });

  it('a pending article deleted, before or while its features are computed, leaves no features and is not indexed', async () => {
    await importing([0, 1, 2].map((n) => article(n, `https://c.org/${n}`)));
    const [first, second, third] = (await db.articles.toArray()).map((a) => a.id);
    await deleteArticles(db, [first!]);
    expect((await db.pending.toArray()).map((p) => p.id)).toEqual([second, third]);
    // The next is deleted once the queue has read it.
    const bulkGet = db.articles.bulkGet.bind(db.articles);
    vi.spyOn(db.articles, 'bulkGet').mockImplementationOnce((async (keys: number[]) => {
      const read = await bulkGet(keys);
      await deleteArticles(db, [second!]);
      return read;
    }) as never);
    const stories = new StoryIndex(db);
    await queueOf(stories).start();
    await expectAllPrepared();
    expect((await db.features.toArray()).map((f) => f.id)).toEqual([third]);
    expect((await stories.get()).articleIds()).toEqual([String(third)]);
  });

  it('a pending article written again, before or while its features are computed, gets the features of its new text', async () => {
    await importing([article(0, 'https://d.org/0'), article(1, 'https://d.org/1')]);
    // Written again while pending: one pending mark, the new text's.
    await importing([article(2, 'https://d.org/0')]);
    expect(await db.pending.count()).toBe(2);
    // Written again once the queue has read its old text.
    const bulkGet = db.articles.bulkGet.bind(db.articles);
    vi.spyOn(db.articles, 'bulkGet').mockImplementationOnce((async (keys: number[]) => {
      const read = await bulkGet(keys);
      await importing([article(3, 'https://d.org/1')]);
      return read;
    }) as never);
    const stories = new StoryIndex(db);
    await queueOf(stories).start();
    await expectAllPrepared();
    expect((await db.articles.toArray()).map((a) => a.text)).toEqual([2, 3].map((n) => article(n, '').text));
    expect((await stories.get()).size).toBe(2);
  });

  it('a prepared article updated by an import loses its old features until prepared again', async () => {
    await importing([article(0, 'https://e.org/0')]);
    await queueOf(new StoryIndex(db)).start();
    const id = (await db.articles.toArray())[0]!.id;
    expect(await db.features.get(id)).toBeDefined();
    const result = await importing([article(1, 'https://e.org/0')]);
    expect(result.updatedIds).toEqual([id]);
    expect([await db.features.get(id), (await db.pending.get(id))?.id]).toEqual([undefined, id]);
    await queueOf(new StoryIndex(db)).start();
    await expectAllPrepared();
  });

  it('does not compete with an import: it waits while parts are being stored, and starts once the last is done', async () => {
    await importing([0, 1].map((n) => article(n, `https://f.org/${n}`)));
    const queue = queueOf(new StoryIndex(db));
    // Woken (a worker's start) while a part is being stored: the queue reads nothing until it is done.
    const reads = vi.spyOn(db.pending, 'count');
    queue.importStarted();
    const run = queue.start();
    await vi.advanceTimersByTimeAsync(5 * PREPARE_AFTER_IMPORT_MS);
    expect(reads).not.toHaveBeenCalled();
    queue.afterImport();
    await vi.advanceTimersByTimeAsync(PREPARE_AFTER_IMPORT_MS);
    await run;
    await expectAllPrepared();

    // Two parts under way (the page sends the next before the previous is stored): the first ending starts nothing.
    await importing([article(2, 'https://f.org/2')]);
    queue.importStarted();
    queue.importStarted();
    queue.afterImport();
    reads.mockClear();
    await vi.advanceTimersByTimeAsync(5 * PREPARE_AFTER_IMPORT_MS);
    expect(reads).not.toHaveBeenCalled();
    queue.afterImport();
    await vi.advanceTimersByTimeAsync(PREPARE_AFTER_IMPORT_MS);
    await queue.start();
    await expectAllPrepared();
  });
});
