/**
 * Upgrade to schema 13: a corpus stored by schema 12, its corpus version in `meta`, opens with the
 * version in its own table (`corpusVersion`) and out of `meta`, every other table as stored, and
 * the story index saved for that version used as saved (not rebuilt); an upgrade stopped half way
 * leaves schema 12 whole, and the next open upgrades it whole. The corpus: the four French seeds
 * and a BASIL article stored by today's code (one updated, so the version is not the article
 * count), then copied into a database of schema 12 as that release declared it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { ANALYSIS_DROP_KEY, CorpusDb, type MetaEntry } from '../../extension/storage/corpus-db';
import { getCorpusVersion, getMeta, saveArticle } from '../../extension/storage/corpus';
import { StoryIndex } from '../../entrypoints/background/story-index';
import { afterInterruptedUpgrade } from '../support/failing-db';
import { basilText, record, SEEDS, seedText, startedIndex, storedUnder, V12_STORES } from '../support/upgrade-articles';

const TABLES = Object.keys(V12_STORES);


let name: string;
/** Every table of the schema-12 database as stored, and its corpus version. */
let stored: Record<string, unknown[]>;
let version: number;

/** The corpus stored by today's code with its story index saved, copied into a schema-12 database (the version moved back into `meta`). */
async function restoreV12(): Promise<void> {
  const source = new CorpusDb(`${name}-source`);
  for (const [i, n] of SEEDS.entries()) await saveArticle(source, record(seedText(n), `https://a.example.org/${i}`));
  await saveArticle(source, record(basilText, 'https://b.example.org/basil'));
  // An update: a text of the same address, another version of the corpus.
  await saveArticle(source, record(`${seedText(SEEDS[0]!)}\n\nUn paragraphe ajouté.`, 'https://a.example.org/0', '2026-03-02'));
  // The story index started and written back as a worker does (its write waits for a timer).
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const stories = new StoryIndex(source);
  await stories.get();
  await vi.runAllTimersAsync();
  vi.useRealTimers();
  version = await getCorpusVersion(source);
  await vi.waitFor(async () => expect(await getMeta(source, 'storyIndexVersion')).toBe(version));
  stories.stop();
  const tables = Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await source.table(t).toArray()] as const)));
  source.close();
  await Dexie.delete(`${name}-source`);
  tables.meta = [...(tables.meta as MetaEntry[]), { key: 'corpusVersion', value: version }];
  stored = await storedUnder(name, 12, V12_STORES, tables);
}

/** The tables of schema 12 as `db` holds them, `meta` without `drop` nor the mark of schema 14's job (upgrade-analysis.test.ts). */
async function tablesOf(db: Dexie, drop = 'corpusVersion'): Promise<Record<string, unknown[]>> {
  const tables = Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await db.table(t).toArray()] as const)));
  return { ...tables, meta: (tables.meta as MetaEntry[]).filter((m) => m.key !== drop && m.key !== ANALYSIS_DROP_KEY) };
}


beforeEach(() => {
  name = `upgrade-corpus-version-${Math.random().toString(36).slice(2)}`;
});
afterEach(async () => {
  vi.restoreAllMocks();
  await Dexie.delete(name);
});

describe('a corpus saved by schema 12, its corpus version in meta', () => {
  it('opens at schema 13 with the version in its own table, every other table as stored, and the story index used as saved', async () => {
    await restoreV12();
    expect(version).toBe(6);
    const db = new CorpusDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(13);
    expect(await getCorpusVersion(db)).toBe(6);
    expect(await db.corpusVersion.toArray()).toEqual([{ key: 'corpusVersion', value: 6 }]);
    expect(await getMeta(db, 'corpusVersion')).toBeUndefined();
    expect(await tablesOf(db)).toEqual({ ...stored, meta: (stored.meta as MetaEntry[]).filter((m) => m.key !== 'corpusVersion') });
    const { index: { size }, info } = await startedIndex(db);
    expect(info).toEqual([]); // Saved for version 6, the corpus at 6: used as saved.
    expect(size).toBe(5);
    // The next change moves it on from there.
    await saveArticle(db, record(seedText(SEEDS[1]!), 'https://c.example.org/1'));
    expect(await getCorpusVersion(db)).toBe(7);
    db.close();
  });

  it('interrupted half way (the write of the new table fails), leaves schema 12 whole; the next open upgrades it whole', async () => {
    await restoreV12();
    const raw = await afterInterruptedUpgrade(name, 'corpusVersion');
    expect(raw.verno).toBe(12);
    expect([...raw.backendDB().objectStoreNames]).not.toContain('corpusVersion');
    expect(await tablesOf(raw, '')).toEqual(stored);
    raw.close();

    const db = new CorpusDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(13);
    expect(await getCorpusVersion(db)).toBe(6);
    expect(await getMeta(db, 'corpusVersion')).toBeUndefined();
    expect((await startedIndex(db)).info).toEqual([]);
    db.close();
  });
});
