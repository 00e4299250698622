/**
 * Upgrade to schema 7: a corpus stored by schema 6, its same-event links and their stories two JSON
 * values in `meta` (as version 6's background wrote them, views included), opens with them a row
 * each (`storyLinks`, `stories`), nothing lost and nothing graded again; an upgrade stopped half way
 * leaves schema 6 whole, and the next open upgrades it whole. The corpus is the schema-3 dump
 * (tests/fixtures/corpus-v3.json, real articles: one story of three), brought to schema 6 as those
 * versions stored it.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { CorpusDb, STORY_APART_KEY, STORY_COUNT_KEY, type MetaEntry } from '../../extension/storage/corpus-db';
import { afterInterruptedUpgrade } from '../support/failing-db';
import { featuresOf } from '../../extension/storage/analysis';
import { readableArticle, toSummary, type StoredArticle } from '../../extension/storage/article-record';
import { CorpusIndex, StoryGroups, StoryLinks } from '../../lib/corpus-index';
import type { StoryGroup } from '../../extension/protocol';
import { StoryIndex } from '../../entrypoints/background/story-index';
import { corpusStories, keptApartKeys } from '../../entrypoints/background/corpus-views';

interface DumpV3 {
  schemas: Record<string, Record<string, string>>;
  tables: { articles: StoredArticle[]; meta: MetaEntry[]; versions: unknown[]; feeds: unknown[] };
}
const v3: DumpV3 = JSON.parse(readFileSync(new URL('../fixtures/corpus-v3.json', import.meta.url), 'utf8'));
const articles = v3.tables.articles.map((a) => readableArticle(a)).filter((a) => a !== null);
const features = articles.map((a) => ({ id: String(a.id), features: featuresOf(a) }));
/** The links version 6's background kept: every article graded against its candidates. */
const links = StoryLinks.build(features, CorpusIndex.build(features));
const stories = new StoryGroups(links).stories().sort((x, y) => (x[0]! < y[0]! ? -1 : 1));
/** What the Stories view showed of the first story (version 6 kept it with the stories); the others not made yet. */
const shownView: StoryGroup = { ids: stories[0]!.map(Number), title: 'as shown before the upgrade', articles: [] };

/** The schema declarations of versions 1 to 6, as those releases declared them. */
function declareV6(db: Dexie): void {
  for (const [version, schema] of Object.entries(v3.schemas)) db.version(Number(version)).stores(schema);
  db.version(4).stores({ summaries: 'id, savedAt', features: 'id', words: '[term+block]' });
  db.version(5).stores({ words: null, wordRuns: 'run', wordParts: '[run+part]' });
  db.version(6).stores({ pending: 'id' });
}

let name: string;

/** The schema-3 dump as schema 6 stored it: summaries and features filled, the links and stories in `meta`. */
async function restoreV6(): Promise<void> {
  await Dexie.delete(name);
  const old = new Dexie(name);
  declareV6(old);
  await old.open();
  await old.transaction('rw', ['articles', 'meta', 'versions', 'feeds', 'summaries', 'features'], async () => {
    for (const t of ['articles', 'meta', 'versions', 'feeds'] as const) await old.table(t).bulkAdd(v3.tables[t]);
    await old.table('summaries').bulkAdd(articles.map((a) => ({ ...toSummary(a), chars: a.text.length })));
    await old.table('features').bulkAdd(features.map((f) => ({ id: Number(f.id), match: f.features })));
    await old.table('meta').bulkPut([
      { key: 'storyLinks', value: links.toJSON() },
      { key: 'storyGroups', value: { apart: [], stories, views: stories.map((_, i) => (i === 0 ? shownView : undefined)) } },
    ]);
  });
  expect(old.verno).toBe(6);
  old.close();
}

/** Every link, each pair once, in one order. */
const linkList = (l: StoryLinks) => l.toJSON().links.sort((x, y) => (x[0] + x[1] < y[0] + y[1] ? -1 : 1));

/** The links stored a row each, read back. */
async function storedLinks(db: CorpusDb): Promise<StoryLinks> {
  const back = new StoryLinks();
  for (const row of await db.storyLinks.toArray()) {
    const pairs: [string, number][] = [];
    for (let i = 0; i < row.links.length; i += 2) pairs.push([String(row.links[i]), row.links[i + 1]!]);
    back.restore(String(row.id), pairs);
  }
  return back;
}

beforeEach(async () => {
  name = `upgrade-stories-${Math.random().toString(36).slice(2)}`;
  await restoreV6();
  // The story index writes itself back a moment after a change: by then the test's database is closed.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(async () => {
  vi.useRealTimers();
  await Dexie.delete(name);
});

describe('a corpus saved by schema version 6 (the links and their stories two values in meta)', () => {
  it('is the corpus it claims to be: a story of three, and links dated apart', () => {
    expect(stories.map((s) => s.length)).toEqual([3]);
    expect(links.toJSON().links.some(([, , s]) => s === -1)).toBe(true);
    expect(links.ids()).toHaveLength(articles.length);
  });

  it('opens at schema 7 with every link and story a row each, the view kept, the meta values gone, every article and feature there', async () => {
    const db = new CorpusDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(7);
    expect(((await db.storyLinks.toCollection().primaryKeys()) as number[]).sort((a, b) => a - b)).toEqual(links.ids().map(Number).sort((a, b) => a - b));
    expect(linkList(await storedLinks(db))).toEqual(linkList(links));
    expect(await db.stories.toArray()).toEqual([{ key: stories[0]![0], order: -3, ids: stories[0], view: shownView }]);
    expect(await db.meta.bulkGet(['storyLinks', 'storyGroups'])).toEqual([undefined, undefined]);
    expect((await db.meta.bulkGet([STORY_APART_KEY, STORY_COUNT_KEY])).map((m) => m?.value)).toEqual([[], { stories: 1, articles: 3 }]);
    expect([await db.articles.count(), await db.features.count(), await db.summaries.count()]).toEqual([v3.tables.articles.length, articles.length, articles.length]);
    db.close();
  });

  it('answers the Stories view from the rows, grading no article again, with the stories grouped anew', async () => {
    const db = new CorpusDb(name);
    const grade = vi.spyOn(StoryLinks.prototype, 'grade');
    try {
      const index = new StoryIndex(db);
      await index.linked();
      const page = await corpusStories(db, index, { limit: 100 });
      expect(grade).not.toHaveBeenCalled();
      // The reader's "not the same event" judgements of the dump apply, as they would to links graded anew.
      const expected = new StoryGroups(links, { apart: await keptApartKeys(db) }).stories();
      expect(page.stories.map((s) => s.ids.map(String).sort())).toEqual(expected.map((s) => [...s].sort()));
      expect(page.linking).toBe(0);
    } finally {
      grade.mockRestore();
      db.close();
    }
  });

  it('interrupted half way (a write of the stories fails), leaves schema 6 whole; the next open upgrades it whole', async () => {
    const raw = await afterInterruptedUpgrade(name, 'stories');
    expect(raw.verno).toBe(6);
    expect([...raw.backendDB().objectStoreNames]).not.toContain('storyLinks');
    expect((await raw.table('meta').get('storyLinks'))?.value).toEqual(links.toJSON());
    raw.close();

    const db = new CorpusDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(7);
    expect(linkList(await storedLinks(db))).toEqual(linkList(links));
    expect(await db.stories.count()).toBe(1);
    db.close();
  });
});
