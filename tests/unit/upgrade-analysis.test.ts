/**
 * Upgrade to schema 14: a corpus stored by schema 13, each article record carrying its features
 * (`analysis.match`, as the features table holds them), opens at 14 with every table as stored and
 * the mark of the job that rewrites the records without them (analysis-drop.ts); the job, run
 * whole or stopped and started again (between slices, or in the middle of one), leaves every
 * article as it was but for the field, and every other table (features, versions, settings, story
 * index, word index) as stored; the export is the same before and after. An upgrade stopped before
 * it commits leaves schema 13 whole. From schema 14 on, no write stores the field. The corpus: the
 * four French seeds and a BASIL article stored by today's code (one updated: a version), copied
 * into a database of schema 13 as that release declared it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { ANALYSIS_DROP_KEY, CorpusDb, type MetaEntry, type StoredFeatures } from '../../extension/storage/corpus-db';
import { getCorpusVersion, getMeta, saveArticle, setMeta } from '../../extension/storage/corpus';
import { dropStoredAnalysis } from '../../extension/storage/analysis-drop';
import { exportPart } from '../../extension/storage/import-export';
import { getSettings } from '../../extension/storage/settings';
import { setKeptApart } from '../../extension/storage/kept-apart';
import type { LegacyArticle } from '../../extension/storage/article-record';
import { StoryIndex } from '../../entrypoints/background/story-index';
import { afterInterruptedUpgrade, InterruptedDb } from '../support/failing-db';
import { basilText, record, SEEDS, seedText, startedIndex, storedUnder, V13_STORES } from '../support/upgrade-articles';

const TABLES = Object.keys(V13_STORES);

let name: string;
/** Every table of the schema-13 database as stored. */
let stored: Record<string, unknown[]>;

/** The corpus stored by today's code, its story index saved, copied into a schema-13 database with each record's features in it. */
async function restoreV13(): Promise<void> {
  const source = new CorpusDb(`${name}-source`);
  for (const [i, n] of SEEDS.entries()) await saveArticle(source, record(seedText(n), `https://a.example.org/${i}`));
  await saveArticle(source, record(basilText, 'https://b.example.org/basil'));
  // An update: an earlier version kept.
  await saveArticle(source, record(`${seedText(SEEDS[0]!)}\n\nUn paragraphe ajouté.`, 'https://a.example.org/0', '2026-03-02'));
  await setMeta(source, 'settings', { autoSaveSites: ['a.example.org'] });
  await setKeptApart(source, 'https://a.example.org/1', 'https://a.example.org/2', true);
  // The story index started and written back as a worker does (its write waits for a timer).
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const stories = new StoryIndex(source);
  await stories.get();
  await vi.runAllTimersAsync();
  vi.useRealTimers();
  const version = await getCorpusVersion(source);
  await vi.waitFor(async () => expect(await getMeta(source, 'storyIndexVersion')).toBe(version));
  stories.stop();
  const tables = Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await source.table(t).toArray()] as const)));
  source.close();
  await Dexie.delete(`${name}-source`);
  // As schema 13 stored them: every record with its features, the same as its row in `features`.
  const features = new Map((tables.features as StoredFeatures[]).map((f) => [f.id, f.match]));
  tables.articles = (tables.articles as LegacyArticle[]).map((a) => ({ ...a, analysis: { match: features.get(a.id) } }));
  stored = await storedUnder(name, 13, V13_STORES, tables);
}

/** Every table of schema 13 as `db` holds them, `meta` without the job's mark. */
async function tablesOf(db: Dexie): Promise<Record<string, unknown[]>> {
  const tables = Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await db.table(t).toArray()] as const)));
  return { ...tables, meta: (tables.meta as MetaEntry[]).filter((m) => m.key !== ANALYSIS_DROP_KEY) };
}

/** The stored tables as the job leaves them: the records without their features, nothing else changed. */
const withoutAnalysis = () => ({ ...stored, articles: (stored.articles as LegacyArticle[]).map(({ analysis: _analysis, ...rest }) => rest) });

/** The whole corpus as exported (JSONL). */
async function exported(db: CorpusDb): Promise<string> {
  const part = await exportPart(db, { format: 'jsonl', now: new Date('2026-04-01') });
  return JSON.stringify(part);
}


beforeEach(async () => {
  name = `upgrade-analysis-${Math.random().toString(36).slice(2)}`;
  await restoreV13();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await Dexie.delete(name);
});

describe('a corpus saved by schema 13, its records carrying their features', () => {
  it('is what it claims to be: every record with its features, as the features table holds them', () => {
    const articles = stored.articles as LegacyArticle[];
    expect(articles).toHaveLength(5);
    expect(stored.versions).toHaveLength(1);
    expect(stored.indexRows!.length).toBeGreaterThan(0);
    for (const a of articles) expect(a.analysis, `article ${a.id}`).toEqual({ match: (stored.features as StoredFeatures[]).find((f) => f.id === a.id)!.match });
  });

  it('opens at schema 14 with every table as stored; the job rewrites every record without its features and changes nothing else', async () => {
    const db = new CorpusDb(name);
    await db.open();
    expect(db.verno).toBe(14);
    expect(await tablesOf(db)).toEqual(stored);
    expect(await getMeta(db, ANALYSIS_DROP_KEY)).toEqual({ after: 0 });
    const before = await exported(db);

    expect(await dropStoredAnalysis(db, { articles: 2 })).toEqual({ read: 5, dropped: 5, done: true });
    // The word index, summaries, features and the log of feature changes as stored: nothing derived was written again.
    expect(await tablesOf(db)).toEqual(withoutAnalysis());
    expect(await getMeta(db, ANALYSIS_DROP_KEY)).toBeUndefined();
    expect((await db.articles.toArray()).some((a) => 'analysis' in a)).toBe(false);
    expect(await exported(db)).toBe(before);
    expect(await getSettings(db)).toMatchObject({ autoSaveSites: ['a.example.org'] });
    // The story index saved for this corpus version is used as saved.
    expect(await startedIndex(db)).toMatchObject({ index: { size: 5 }, info: [] });
    // Run again (a next start): nothing to do.
    expect(await dropStoredAnalysis(db)).toEqual({ read: 0, dropped: 0, done: true });
    db.close();
  });

  it('goes on from where the job stopped: between two slices, then in the middle of one', async () => {
    const ids = (stored.articles as LegacyArticle[]).map((a) => a.id).sort((a, b) => a - b);
    let db = new CorpusDb(name);
    expect(await dropStoredAnalysis(db, { articles: 2, slices: 1 })).toEqual({ read: 2, dropped: 2, done: false });
    db.close();
    const raw = new Dexie(name);
    await raw.open();
    expect((await raw.table('articles').toArray()).map((a: LegacyArticle) => 'analysis' in a)).toEqual([false, false, true, true, true]);
    expect((await raw.table('meta').get(ANALYSIS_DROP_KEY))?.value).toEqual({ after: ids[1] });
    raw.close();

    // A worker stopped in the middle of the next slice: its transaction is lost whole.
    const interrupted = new InterruptedDb(name, 'articles');
    await expect(dropStoredAnalysis(interrupted, { articles: 2 })).rejects.toThrow(/worker stopped half way/);
    interrupted.close();

    db = new CorpusDb(name);
    expect(await getMeta(db, ANALYSIS_DROP_KEY)).toEqual({ after: ids[1] });
    // The records already rewritten are not read again.
    expect(await dropStoredAnalysis(db, { articles: 2 })).toEqual({ read: 3, dropped: 3, done: true });
    expect(await tablesOf(db)).toEqual(withoutAnalysis());
    expect(await getMeta(db, ANALYSIS_DROP_KEY)).toBeUndefined();
    db.close();
  });

  it('a record whose features the table lacks (a damaged database) has them written there from the record before they leave it', async () => {
    const old = new Dexie(name);
    old.version(13).stores(V13_STORES);
    await old.open();
    const lost = (stored.articles as LegacyArticle[])[2]!;
    await old.table('features').delete(lost.id);
    old.close();
    const db = new CorpusDb(name);
    const version = await getCorpusVersion(db);
    expect(await dropStoredAnalysis(db)).toMatchObject({ dropped: 5, done: true });
    expect(await db.features.get(lost.id)).toEqual({ id: lost.id, match: lost.analysis!.match });
    // Logged and counted as a change: the saved story index takes them in at the next start.
    expect((await db.featureChanges.toArray()).at(-1)?.ids).toEqual([lost.id]);
    expect(await getCorpusVersion(db)).toBe(version + 1);
    expect((await startedIndex(db)).index.size).toBe(5);
    db.close();
  });

  it('stopped before it commits (its write of meta fails), leaves schema 13 whole; the next open upgrades it', async () => {
    const raw = await afterInterruptedUpgrade(name, 'meta');
    expect(raw.verno).toBe(13);
    expect(await tablesOf(raw)).toEqual(stored);
    expect((await raw.table('meta').get(ANALYSIS_DROP_KEY))).toBeUndefined();
    raw.close();
    const db = new CorpusDb(name);
    await db.open();
    expect(db.verno).toBe(14);
    expect(await getMeta(db, ANALYSIS_DROP_KEY)).toEqual({ after: 0 });
    db.close();
  });

  it('stores no features in any record written from schema 14, whoever writes it; their features go to the features table', async () => {
    const db = new CorpusDb(name);
    const legacy = (stored.articles as LegacyArticle[])[1]!;
    // A new article, an update of a record still carrying its features, and a record written back as read.
    const fresh = await saveArticle(db, record('Un tout autre article.\n\nAvec deux paragraphes de texte.', 'https://c.example.org/new'));
    const updated = await saveArticle(db, record(`${legacy.text}\n\nUne phrase de plus.`, legacy.url, '2026-03-03'));
    const third = (stored.articles as LegacyArticle[])[3]!;
    await db.articles.put(third);
    expect(updated).toEqual({ id: legacy.id, created: false });
    const raw = await db.articles.bulkGet([fresh.id, legacy.id, third.id]);
    expect(raw.map((a) => a && 'analysis' in a)).toEqual([false, false, false]);
    // The record's own features kept for its write (not computed again), the others computed from their text.
    expect((await db.features.get(third.id))?.match).toEqual(third.analysis!.match);
    expect((await db.features.bulkGet([fresh.id, legacy.id])).every((f) => f !== undefined)).toBe(true);
    db.close();
  });
});

describe('a corpus created at schema 14', () => {
  it('has no job to do', async () => {
    const db = new CorpusDb(`${name}-new`);
    await db.open();
    expect(await getMeta(db, ANALYSIS_DROP_KEY)).toBeUndefined();
    expect(await dropStoredAnalysis(db)).toEqual({ read: 0, dropped: 0, done: true });
    db.close();
    await Dexie.delete(`${name}-new`);
  });
});
