/**
 * Upgrade to schema 12: a corpus stored by schema 11, its story index one whole record in `meta`
 * (typed arrays, or the JSON text of earlier versions), opens with the index in rows (its head in
 * the record's place, a row per bucket of keys in `indexRows`), used as saved, nothing else changed;
 * a damaged record is dropped (rebuilt from the features at the next start, as before); an upgrade
 * stopped half way leaves schema 11 whole, and the next open upgrades it whole. The corpus: the
 * four French seeds and a BASIL article, stored by today's code, then copied into a database of
 * schema 11 as that release declared it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { ANALYSIS_DROP_KEY, CorpusDb, STORY_GRADING_KEY, type MetaEntry } from '../../extension/storage/corpus-db';
import { GRADING_VERSION } from '../../lib/match';
import { getCorpusVersion, saveArticle } from '../../extension/storage/corpus';
import { CorpusIndex, indexKeys, type StoredIndexHead } from '../../lib/corpus-index';
import { afterInterruptedUpgrade } from '../support/failing-db';
import { basilText, record, SEEDS, seedText, startedIndex, storedUnder, V11_STORES } from '../support/upgrade-articles';

const TABLES = Object.keys(V11_STORES);


let name: string;
/** Every table of the schema-11 database as stored, and its whole index. */
let stored: Record<string, unknown[]>;
let whole: CorpusIndex;

/** The corpus stored by today's code, copied into a schema-11 database with its index whole in `meta` (`saved`: the record as stored). */
async function restoreV11(saved: (index: CorpusIndex) => unknown): Promise<void> {
  const source = new CorpusDb(`${name}-source`);
  for (const [i, n] of SEEDS.entries()) await saveArticle(source, record(seedText(n), `https://a.example.org/${i}`));
  await saveArticle(source, record(basilText, 'https://b.example.org/basil'));
  whole = CorpusIndex.build((await source.features.toArray()).map((f) => ({ id: String(f.id), features: f.match })));
  const version = await getCorpusVersion(source);
  const tables = Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await source.table(t).toArray()] as const)));
  source.close();
  await Dexie.delete(`${name}-source`);
  // The corpus version where schema 11 kept it (today's code keeps it in a table of its own).
  tables.meta = [...(tables.meta as MetaEntry[]), { key: 'corpusVersion', value: version }, { key: 'storyIndex', value: saved(whole) }, { key: 'storyIndexVersion', value: version }, { key: 'storyIndexChange', value: 0 },
    // Built by today's code, so graded by today's rules (an index of other rules is dropped before it is read: features-refresh.test.ts).
    { key: STORY_GRADING_KEY, value: GRADING_VERSION }];
  tables.featureChanges = []; // The saved index shows every change.
  stored = await storedUnder(name, 11, V11_STORES, tables, (old) => tablesBut(old, ''));
}

/** The tables of schema 11 as `db` holds them, the saved index left out (it is in rows); the corpus version counted with `meta` (its own table from schema 13); the mark of schema 14's job (upgrade-analysis.test.ts) left out. */
async function tablesBut(db: Dexie, drop = 'storyIndex'): Promise<Record<string, unknown[]>> {
  const tables = Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await db.table(t).toArray()] as const)));
  const moved = db.tables.some((t) => t.name === 'corpusVersion') ? await db.table<MetaEntry>('corpusVersion').toArray() : [];
  return { ...tables, meta: [...(tables.meta as MetaEntry[]), ...moved].filter((m) => m.key !== drop && m.key !== ANALYSIS_DROP_KEY).sort((a, b) => (a.key < b.key ? -1 : 1)) };
}

beforeEach(() => {
  name = `upgrade-index-rows-${Math.random().toString(36).slice(2)}`;
});
afterEach(async () => {
  vi.restoreAllMocks();
  await Dexie.delete(name);
});


describe('a corpus saved by schema 11, its story index one record', () => {
  it.each([
    ['as typed arrays (schema 11)', (index: CorpusIndex) => index.store()],
    ['as the JSON text of earlier versions', (index: CorpusIndex) => index.serialize()],
  ])('%s: opens at schema 12 with every table as stored and the index in rows, used as saved', async (_name, saved) => {
    await restoreV11(saved);
    const db = new CorpusDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(12);
    expect(await tablesBut(db)).toEqual({ ...stored, meta: (stored.meta as MetaEntry[]).filter((m) => m.key !== 'storyIndex') });
    const head = (await db.meta.get('storyIndex'))!.value as StoredIndexHead;
    expect(head.format).toBe('recoupe-index-rows/1');
    expect(await db.indexRows.count()).toBe(head.buckets);
    const { index, info } = await startedIndex(db);
    expect(info).toEqual([]); // Used as saved: neither rebuilt nor brought up to date.
    expect(index.serialize()).toBe(whole.serialize());
    for (const a of stored.features as { id: number; match: Parameters<typeof indexKeys>[0] }[]) {
      expect(index.candidates(a.match, 10, String(a.id))).toEqual(whole.candidates(a.match, 10, String(a.id)));
    }
    db.close();
  });

  it('damaged: dropped by the upgrade, every other table as stored, and rebuilt from the features at the next start', async () => {
    await restoreV11(() => 'garbage{{{');
    const db = new CorpusDb(name);
    await db.open();
    expect(await db.meta.get('storyIndex')).toBeUndefined();
    expect(await tablesBut(db)).toEqual({ ...stored, meta: (stored.meta as MetaEntry[]).filter((m) => m.key !== 'storyIndex') });
    // Built from the features, as for a corpus that never had one (nothing to say about it).
    const { index } = await startedIndex(db);
    expect(index.serialize()).toBe(whole.serialize());
    db.close();
  });

  it('interrupted half way (a write of the rows fails), leaves schema 11 whole; the next open upgrades it whole', async () => {
    await restoreV11((index) => index.store());
    const raw = await afterInterruptedUpgrade(name, 'indexRows');
    expect(raw.verno).toBe(11);
    expect([...raw.backendDB().objectStoreNames]).not.toContain('indexRows');
    expect(await tablesBut(raw, '')).toEqual(stored);
    raw.close();

    const db = new CorpusDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(12);
    const { index, info } = await startedIndex(db);
    expect(info).toEqual([]);
    expect(index.serialize()).toBe(whole.serialize());
    db.close();
  });
});
