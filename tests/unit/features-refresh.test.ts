/**
 * Stored features of an earlier `FEATURES_VERSION` (extension/storage/features-refresh.ts): a
 * corpus stored with version-2 features, linked and saved from them, is opened by today's code.
 * Until the job passes them, the story index reads them as they are (no text read); the job
 * computes each article's features once from its text, writes them back at today's version and
 * changes nothing else (texts, titles, summaries, word index, versions, settings); features that
 * changed are logged and their links graded again, so a pair the old features linked is regrouped;
 * stopped half way (a worker stopped), it goes on from its mark. A saved index and links graded
 * by other rules (`GRADING_VERSION`) are dropped and linked again from the stored features.
 *
 * The corpus: the four French seeds and a BASIL article stored by today's code, their features then
 * set back to version 2 as made-up old rows: the seeds' as computed today (only the version differs),
 * the BASIL article's a copy of the first seed's, as an old rule that read both alike would have left
 * them (the two then linked as one event, which today's features do not say).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { CorpusDb, STORY_GRADING_KEY, type StoredFeatures } from '../../extension/storage/corpus-db';
import { getCorpusVersion, getMeta, saveArticle, setMeta } from '../../extension/storage/corpus';
import { FEATURES_REFRESH_KEY, refreshStoredFeatures } from '../../extension/storage/features-refresh';
import { readableArticle } from '../../extension/storage/article-record';
import { computeFeatures, FEATURES_VERSION } from '../../lib/match';
import { StoryIndex } from '../../entrypoints/background/story-index';
import { basilText, record, SEEDS, seedText } from '../support/upgrade-articles';
import { countArticleReads } from '../support/article-reads';

/** Tables the job must leave as they are. */
const KEPT = ['articles', 'summaries', 'versions', 'feeds', 'wordRuns', 'wordParts', 'pending'];

let name: string;
let basilId: number;
let seedId: number;
/** The stories today's code makes of the same articles, saved with today's features. */
let fresh: string[][];

const noPause = async () => {};
const sorted = (stories: readonly (readonly string[])[]) => stories.map((s) => [...s].sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));

async function saveCorpus(db: CorpusDb): Promise<number[]> {
  for (const [i, n] of SEEDS.entries()) await saveArticle(db, record(seedText(n), `https://a.example.org/${i}`));
  await saveArticle(db, record(basilText, 'https://b.example.org/basil'));
  await saveArticle(db, record(`${seedText(SEEDS[0]!)}\n\nUn paragraphe ajouté.`, 'https://a.example.org/0', '2026-03-02'));
  await setMeta(db, 'settings', { autoSaveSites: ['a.example.org'] });
  return (await db.articles.toCollection().primaryKeys()).sort((a, b) => a - b);
}

/** Every story of the stored corpus once every article is linked (a new worker), as ids. */
async function storiesOf(db: CorpusDb, stories = new StoryIndex(db)): Promise<string[][]> {
  await stories.linked();
  const page = await stories.page(new Set(), 0, 100);
  stories.stop();
  return sorted(page.stories.map((s) => s.ids.map(String)));
}

/** Links and saves the story index as a worker does (its write waits for a timer), then stops it. */
async function savedIndex(db: CorpusDb): Promise<void> {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const stories = new StoryIndex(db);
  await stories.linked();
  await stories.page(new Set(), 0, 100);
  await vi.runAllTimersAsync();
  vi.useRealTimers();
  const version = await getCorpusVersion(db);
  await vi.waitFor(async () => expect(await getMeta(db, 'storyIndexVersion')).toBe(version));
  stories.stop();
}


const tablesOf = async (db: Dexie) => Object.fromEntries(await Promise.all(KEPT.map(async (t) => [t, await db.table(t).toArray()] as const)));

beforeEach(async () => {
  name = `features-refresh-${Math.random().toString(36).slice(2)}`;
  // Today's corpus, for the stories today's code makes.
  const today = new CorpusDb(`${name}-today`);
  await saveCorpus(today);
  fresh = await storiesOf(today);
  today.close();
  await Dexie.delete(`${name}-today`);
  // The same corpus as the release before left it: features of version 2, linked and saved from them.
  const db = new CorpusDb(name);
  const ids = await saveCorpus(db);
  [seedId, basilId] = [ids[0]!, ids[4]!];
  const rows = await db.features.toArray();
  const seed = rows.find((r) => r.id === seedId)!.match;
  await db.features.bulkPut(rows.map((r) => ({ id: r.id, match: { ...(r.id === basilId ? seed : r.match), v: 2 } })));
  await savedIndex(db);
  db.close();
});
afterEach(async () => {
  await Dexie.delete(name);
});

describe('a corpus stored with features of version 2', () => {
  it('is what it claims to be: every row of version 2, the BASIL article linked with the first seed by them, unlike today', async () => {
    const db = new CorpusDb(name);
    expect((await db.features.toArray()).every((f) => f.match.v === 2)).toBe(true);
    expect(await getMeta(db, FEATURES_REFRESH_KEY)).toBeUndefined();
    const old = await storiesOf(db);
    expect(old.some((s) => s.includes(String(basilId)) && s.includes(String(seedId)))).toBe(true);
    expect(fresh.some((s) => s.includes(String(basilId)) && s.includes(String(seedId)))).toBe(false);
    db.close();
  });

  it('is read as stored until the job passes: the story index reads no text', async () => {
    const db = new CorpusDb(name);
    const counter = countArticleReads(db);
    const stories = new StoryIndex(db);
    expect((await stories.features([String(basilId)]))[0]?.v).toBe(2);
    expect((await stories.get()).size).toBe(5);
    await storiesOf(db, stories);
    expect(counter.records).toBe(0);
    db.close();
  });

  it('is computed again once and written back; nothing else changes; the pair the old features linked is regrouped', async () => {
    const db = new CorpusDb(name);
    const counter = countArticleReads(db);
    const before = await tablesOf(db);
    const settings = await getMeta(db, 'settings');
    counter.records = 0;
    const stories = new StoryIndex(db);
    await stories.page(new Set(), 0, 100); // A worker in use: the job tells its index.
    const result = await refreshStoredFeatures(db, { articles: 2, pause: noPause, stories });
    // Only the BASIL article's features say something else; the seeds' gain the version alone.
    expect(result).toEqual({ read: 5, refreshed: 5, changed: 1, done: true });
    expect(counter.records).toBe(5); // Each text read once.
    const features = await db.features.toArray();
    for (const a of await db.articles.toArray()) {
      expect(features.find((f) => f.id === a.id), `article ${a.id}`).toEqual({ id: a.id, match: computeFeatures(readableArticle(a)!) } satisfies StoredFeatures);
    }
    expect(features.every((f) => f.match.v === FEATURES_VERSION)).toBe(true);
    expect(await tablesOf(db)).toEqual(before);
    expect(await getMeta(db, 'settings')).toEqual(settings);
    expect(await getMeta(db, FEATURES_REFRESH_KEY)).toEqual({ v: FEATURES_VERSION, done: true });
    // Regrouped by the worker told, and by the next one from what was written.
    expect(await storiesOf(db, stories)).toEqual(fresh);
    expect(await storiesOf(db)).toEqual(fresh);
    // A next start: nothing to do, no text read.
    counter.records = 0;
    expect(await refreshStoredFeatures(db, { pause: noPause })).toEqual({ read: 0, refreshed: 0, changed: 0, done: true });
    expect(counter.records).toBe(0);
    db.close();
  });

  it('goes on from its mark after a stopped worker, each text read once in all; the next worker relinks what changed', async () => {
    const before = await tablesOf(new CorpusDb(name));
    let db = new CorpusDb(name);
    let counter = countArticleReads(db);
    // Stopped after two slices: the BASIL article (the fifth) not reached.
    expect(await refreshStoredFeatures(db, { articles: 2, slices: 2, pause: noPause })).toEqual({ read: 4, refreshed: 4, changed: 0, done: false });
    expect(counter.records).toBe(4);
    db.close();
    db = new CorpusDb(name);
    counter = countArticleReads(db);
    // Told to no index (the worker stops before writing it): the next one brings it up to date from the log.
    expect(await refreshStoredFeatures(db, { articles: 2, pause: noPause })).toEqual({ read: 1, refreshed: 1, changed: 1, done: true });
    expect(counter.records).toBe(1);
    expect((await db.features.toArray()).every((f) => f.match.v === FEATURES_VERSION)).toBe(true);
    expect(await tablesOf(db)).toEqual(before);
    expect(await storiesOf(db)).toEqual(fresh);
    db.close();
  });

  it('linked by other grading rules: the saved index and links are dropped and linked again from the stored features, no text read', async () => {
    let db = new CorpusDb(name);
    await refreshStoredFeatures(db, { pause: noPause }); // Told to no index: the saved one still links the pair.
    await db.meta.delete(STORY_GRADING_KEY); // Saved by a release before the grading version was recorded.
    await db.featureChanges.clear(); // Nothing in the log says the pair changed: only the grading version does.
    db.close();
    db = new CorpusDb(name);
    const counter = countArticleReads(db);
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    expect(await storiesOf(db)).toEqual(fresh);
    expect(info.mock.calls.map((c) => String(c[0]))).toContainEqual(expect.stringMatching(/dropped \(graded by rules version 1/));
    info.mockRestore();
    expect(counter.records).toBe(0);
    db.close();
  });
});
