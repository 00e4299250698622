import Dexie, { type Table, type DBCore, type DBCoreKeyRange, type DBCoreMutateRequest, type DBCoreMutateResponse, type DBCoreTransaction, type EntityTable } from 'dexie';
import { readableArticle, toSummary, type ArticleSummary, type LegacyArticle, type StoredArticle } from './article-record';
import type { Span } from '../../lib/extract/types';
import type { ArticleFeatures } from '../../lib/match';
import { declaredIdentity } from './identity';
import type { FollowedFeed } from './feeds';
import type { StoryGroup } from '../protocol';
import { StoryLinks } from '../../lib/corpus-index/stories';
import { bucketsFor, CorpusIndex, IndexCorruptError, type StoredIndexHead, type StoredIndexRow } from '../../lib/corpus-index/corpus-index';
import { computedFeatures, featuresOf, legacyFeatures } from './analysis';
import { SEARCH_CHANGES_KEY, withChanges } from './search-columns';
import { articleTerms, runOfBlocks, writeWordIndex, type BatchRun, type BlockPostings, type WordPart, type WordRun, type WordStore } from './word-index';

/**
 * The same-event links of one article whose candidates have been graded (schema 7): the other
 * article's id and the link's score (`StoryLinks.of`), flat. An article of the index without a row
 * is still to be linked.
 */
export interface StoredStoryLinks {
  id: number;
  links: number[];
}

/**
 * A same-event story of the stored links and what the Stories view shows of it (schema 7), written
 * with the links. `key`: its first member (its members are sorted); `order`: minus its size, so that
 * the index `[order+key]` reads the largest first, a page at a time.
 */
export interface StoredStory {
  key: string;
  order: number;
  ids: string[];
  /** Absent: not made yet; null: nothing to show (its articles are gone). */
  view?: StoryGroup | null;
  /**
   * Its best-connected members, most first (`bestConnected` over the links it was written with, as
   * many as a view lists): a new worker makes its view without reading every member's links.
   * Absent in rows written before.
   */
  best?: string[];
}

/** Small key-value facts about the corpus (e.g. whether the samples were offered once). */
export interface MetaEntry {
  key: string;
  value: unknown;
}

/** An earlier text of a stored article, kept when a later reading of the same address changed it. */
export interface ArticleVersion {
  id: number;
  articleId: number;
  url: string;
  title: string | null;
  byline: string | null;
  text: string;
  paragraphs: Span[];
  wordCount: number;
  /** ISO 8601: when this text was stored (the article's `updatedAt` then). */
  storedAt: string;
  /** ISO 8601: when a newer text replaced it. */
  replacedAt: string;
}

/** A stored article without its text: what lists, filters and sorting read (schema 4). */
export interface StoredSummary extends ArticleSummary {
  /** Characters of the text. */
  chars: number;
}

/** A stored article's same-story features, apart from its text (schema 4). */
export interface StoredFeatures {
  id: number;
  match: ArticleFeatures;
}

/** The summaries a search filters and sorts, held in memory once read, and the corpus version they were read at. */
export interface SummaryCache {
  rows: Map<number, StoredSummary>;
  /** Undefined after a change this instance made (applied to `rows`): the next search takes the version as it finds it. */
  version: number | undefined;
}

/**
 * A stored article whose features are still to be computed (schema 6): an import stores its
 * articles first and the background's preparation queue computes their features afterwards.
 * `stamp` is new with every write of the article, so that features computed from an earlier text
 * are not kept for a later one.
 */
export interface PendingArticle {
  id: number;
  stamp: number;
}

/**
 * The ids whose features were written or removed by one change (schema 10), in the change's
 * transaction: a story index saved before it is brought up to date from these rows alone, without
 * reading every article's features again (a write-ahead log in the sense of ARIES, Mohan et al.,
 * TODS 1992: replay what came after the last checkpoint). The index's writer removes the rows its
 * saved copy already shows.
 */
export interface FeatureChange {
  seq?: number;
  ids: number[];
}

/**
 * Tables written with every change of `articles`, in its transaction (and the corpus version's
 * table, where the search columns' change list is appended to: search-columns.ts). Summaries are
 * written by this middleware only: a write of them elsewhere would have to append its ids to that
 * list too, or a search's stored snapshot would not know of it.
 */
const DERIVED = ['summaries', 'features', 'wordRuns', 'wordParts', 'pending', 'featureChanges'] as const;

/**
 * What an article record gives the derived tables (features null: to prepare later; terms null:
 * written by its batch's run, `termsInBatch`); null for a record damaged past use.
 */
function derivedRows(value: unknown): { summary: StoredSummary; features: StoredFeatures | null; terms: Map<string, number> | null } | null {
  const a = readableArticle(value);
  if (!a) return null;
  // Computed before the write (`withFeatures`), by the record as given (`a` may be a repaired copy).
  const features = featuresLater.has(value as object) ? null : { id: a.id, match: computedFeatures.get(value as object) ?? featuresOf(a) };
  const terms = termsInBatch.has(value as object) ? null : precomputedTerms.get(value as object) ?? articleTerms(a);
  return { summary: { ...toSummary(a), chars: a.text.length }, features, terms };
}

/** Words of records computed before their write (an import does it in slices that yield), by record. */
export const precomputedTerms = new WeakMap<object, Map<string, number>>();
/** Records whose features are computed after their write (an import's): marked `pending` instead. */
export const featuresLater = new WeakSet<object>();
/** Records whose words were added to a batch's run before their write (an import's), and where: `writeBatchRun` writes them. */
export const batchOf = new WeakMap<object, { batch: BatchRun; index: number }>();
/**
 * Records whose words their writer appends itself, in the same transaction, from their batch
 * (`batchOf`, `writeBatchRun`): the run of their write only removes what they replace.
 */
export const termsInBatch = new WeakSet<object>();

/** What was computed or decided for `from` before its write holds for `to`, the same article as written (a copy with its id). */
export function carryPrecomputed<T extends object>(from: object, to: T): T {
  const terms = precomputedTerms.get(from);
  if (terms) precomputedTerms.set(to, terms);
  if (featuresLater.has(from)) featuresLater.add(to);
  const batch = batchOf.get(from);
  if (batch) batchOf.set(to, batch);
  if (termsInBatch.has(from)) termsInBatch.add(to);
  const features = computedFeatures.get(from);
  if (features) computedFeatures.set(to, features);
  return to;
}

/**
 * Records rewritten only to drop the features they carried before schema 14 (analysis-drop.ts):
 * nothing derived from them changes, so their write writes nothing else (`keepDerivedTables`).
 */
export const analysisDropped = new WeakSet<object>();

/**
 * `value` without the features a record carried before schema 14 (`LegacyArticle`): they live in
 * `features` alone. Those features are kept for the write (`computedFeatures`), not computed again.
 */
function withoutAnalysis(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || !('analysis' in value)) return value;
  const { analysis: _analysis, ...rest } = value as LegacyArticle;
  carryPrecomputed(value, rest);
  const legacy = legacyFeatures(value);
  if (legacy && !computedFeatures.has(rest)) computedFeatures.set(rest, legacy);
  return rest;
}

/**
 * The corpus database (IndexedDB through Dexie). Every schema version stays declared here,
 * oldest first, so that a corpus saved by any earlier version upgrades in place
 * (https://dexie.org/docs/Tutorial/Design#database-versioning).
 */
export class CorpusDb extends Dexie {
  articles!: EntityTable<StoredArticle, 'id'>;
  meta!: EntityTable<MetaEntry, 'key'>;
  versions!: EntityTable<ArticleVersion, 'id'>;
  feeds!: EntityTable<FollowedFeed, 'id'>;
  summaries!: EntityTable<StoredSummary, 'id'>;
  features!: EntityTable<StoredFeatures, 'id'>;
  wordRuns!: EntityTable<WordRun, 'run'>;
  wordParts!: Table<WordPart, [number, number]>;
  pending!: EntityTable<PendingArticle, 'id'>;
  storyLinks!: EntityTable<StoredStoryLinks, 'id'>;
  stories!: EntityTable<StoredStory, 'key'>;
  featureChanges!: EntityTable<FeatureChange, 'seq'>;
  indexRows!: EntityTable<StoredIndexRow, 'b'>;
  /**
   * The corpus version (schema 13; in `meta` before): its row, `CORPUS_VERSION`; and the search
   * columns' snapshot and change list (search-columns.ts), written with the articles as it is.
   */
  corpusVersion!: EntityTable<MetaEntry, 'key'>;
  /** Loaded by the first search (`searchCorpus`), kept current by this instance's writes. */
  summaryCache: SummaryCache | null = null;
  /**
   * Called after every committed write of articles, which appended a run to the word index: the
   * background merges runs then (word-merge.ts `WordMerges`); nothing merges them otherwise.
   */
  afterWordWrite: (() => void) | null = null;
  /** Import parts being stored now (the background's handlers count them): the word index's merges wait meanwhile (word-merge.ts `MergeOptions.held`). */
  importing = 0;
  /**
   * Committed writes of this instance to the word index's runs (`wordRuns`: a write of articles,
   * a merge, the pairs' rewrite, whatever writes them), counted when their transaction completes:
   * searches keep the runs they read while this stays (corpus.ts `searchRuns`).
   */
  wordRunsWritten = 0;

  constructor(name = 'recoupe-corpus') {
    super(name);
    // Version 1: articles keyed by URL (unique), indexed for the corpus page's sort and filters.
    this.version(1).stores({
      articles: '++id, &url, canonicalUrl, site, language, publishedTime, savedAt',
      meta: '&key',
    });
    // Version 2: earlier texts of updated articles; a declared address on another site is no
    // longer the article's canonical address but the article it declares itself a copy of.
    this.version(2)
      .stores({ versions: '++id, articleId' })
      .upgrade((tx) => tx.table('articles').toCollection().modify((a: StoredArticle) => {
        if (typeof a.url !== 'string' || typeof a.canonicalUrl !== 'string') return;
        const identity = declaredIdentity(a.url, a.canonicalUrl);
        a.canonicalUrl = identity.canonicalUrl;
        if (identity.declaredCopyOf) a.declaredCopyOf = identity.declaredCopyOf;
      }));
    // Version 3: the feeds of the outlets the reader follows, one per address; articles indexed by
    // origin (retention reads the followed ones only).
    this.version(3).stores({
      articles: '++id, &url, canonicalUrl, site, language, publishedTime, savedAt, origin',
      feeds: '++id, &url',
    });
    // Version 4: what questions that need no text read, apart from the texts: a summary of each
    // article, its features (the story index) and the word index (search). Written with every
    // change of `articles`, in its transaction (`keepDerivedTables`); filled here from the stored
    // articles, in the upgrade's one transaction, so an upgrade stopped half way leaves version 3
    // whole and runs again at the next open.
    this.version(4)
      .stores({ summaries: 'id, savedAt', features: 'id', words: '[term+block]' })
      .upgrade(async (tx) => {
        // The word index of this version is filled by version 5's upgrade (from the texts when this one ran just before).
        await eachStored(tx.table('articles'), (batch) => writeDerived(batch, (name) => tx.table(name)));
      });
    // Version 5: the word index log-structured (word-index.ts): a write appends its own rows
    // without reading any. The rows of version 4 become its first run, in their order, no text
    // read (from the texts when version 4's upgrade has just run without them); in the upgrade's
    // one transaction, so an upgrade stopped half way leaves version 4 whole and runs again at the next open.
    this.version(5)
      .stores({ words: null, wordRuns: 'run', wordParts: '[run+part]' })
      .upgrade(async (tx) => {
        const old = tx.table<BlockPostings>('words');
        const store = wordStoreOf((name) => tx.table(name));
        const run = runOfBlocks(1);
        let after: [string, number] | null = null;
        for (;;) {
          const batch: BlockPostings[] = await (after ? old.where(':id').above(after) : old.toCollection()).limit(2000).toArray();
          for (const row of batch) run.add(row);
          await store.write([], run.take(), []);
          if (batch.length < 2000) break;
          after = [batch[batch.length - 1]!.term, batch[batch.length - 1]!.block];
        }
        const { run: row, parts } = run.done();
        if (row.postings > 0) await store.write([row], parts, []);
        else {
          await eachStored(tx.table('articles'), (batch) => writeWordIndex(store, batch.flatMap((value) => {
            const a = readableArticle(value);
            return a ? [[a.id, articleTerms(a)] as [number, Map<string, number>]] : [];
          }), []));
        }
      });
    // Version 6: the articles whose features are still to be computed (`PendingArticle`). Every
    // article stored before has its features (version 4 computed them): nothing to fill.
    this.version(6).stores({ pending: 'id' });
    // Version 7: the same-event links and their stories a row each (`StoredStoryLinks`,
    // `StoredStory`) rather than two JSON values of the whole corpus in `meta` (the background
    // wrote them whole after every change, and read them whole before answering): a change writes
    // the rows it changed, and the Stories view reads the page it shows. Moved from `meta` in the
    // upgrade's one transaction, so an upgrade stopped half way leaves version 6 whole and runs
    // again at the next open.
    this.version(7)
      .stores({ storyLinks: 'id', stories: 'key, [order+key]' })
      .upgrade(async (tx) => {
        const meta = tx.table<MetaEntry, string>('meta');
        const [savedLinks, savedGroups] = await meta.bulkGet([OLD_LINKS_KEY, OLD_GROUPS_KEY]);
        const links = StoryLinks.fromJSON(savedLinks?.value);
        if (links) {
          await tx.table('storyLinks').bulkPut(links.ids().map((id) => ({ id: Number(id), links: [...links.of(id)].flatMap(([other, score]) => [Number(other), score]) })));
          const groups = savedGroups?.value as { apart?: unknown; stories?: unknown; views?: unknown } | undefined;
          if (groups && Array.isArray(groups.apart) && Array.isArray(groups.stories) && Array.isArray(groups.views) && groups.views.length === groups.stories.length) {
            const views = groups.views as (StoryGroup | null | undefined)[];
            await tx.table('stories').bulkPut((groups.stories as string[][]).map((ids, i) => ({ key: ids[0], order: -ids.length, ids, ...(views[i] === undefined ? {} : { view: views[i] }) })));
            await meta.bulkPut([{ key: STORY_APART_KEY, value: groups.apart }, { key: STORY_COUNT_KEY, value: { stories: groups.stories.length, articles: (groups.stories as string[][]).reduce((n, ids) => n + ids.length, 0) } }]);
          }
        }
        await meta.bulkDelete([OLD_LINKS_KEY, OLD_GROUPS_KEY]);
      });
    // Version 10: the log of feature changes (`FeatureChange`), empty: the story index saved before
    // it has no place in the log and is rebuilt once, as any index of an unknown version is.
    this.version(10).stores({ featureChanges: '++seq' });
    // Version 11: the stories found by their articles (`*ids`, multi-entry): a new worker places a
    // saved article in its story from the rows of the few stories its links touch, without reading
    // every row of links (IndexedDB builds the index from the rows already stored).
    this.version(11).stores({ stories: 'key, [order+key], *ids' });
    // Version 12: the story index in rows (lib/corpus-index `StoredIndexHead`, `StoredIndexRow`):
    // its head in `meta` where the whole index was, a row per bucket of keys in `indexRows`, so a
    // new worker reads the rows a request needs and a change writes the rows it changed. The whole
    // index saved by version 11 is converted as it is (its version and log position still hold for
    // it), in the upgrade's one transaction (an upgrade stopped half way leaves version 11 whole and
    // runs again at the next open); a damaged one is dropped, and rebuilt from the features at the
    // next start, as it would have been.
    this.version(12)
      .stores({ indexRows: 'b' })
      .upgrade(async (tx) => {
        const meta = tx.table<MetaEntry, string>('meta');
        const saved = await meta.get(STORY_INDEX_KEY);
        if (!saved) return;
        let index: CorpusIndex;
        try {
          index = CorpusIndex.deserialize(saved.value);
        } catch (error) {
          if (!(error instanceof IndexCorruptError)) throw error;
          await meta.delete(STORY_INDEX_KEY);
          return;
        }
        const { head, rows } = indexInRows(index);
        await tx.table('indexRows').bulkPut(rows);
        await meta.put({ key: STORY_INDEX_KEY, value: head });
      });
    // Version 13: the corpus version in a store of its own, out of `meta`: every change of the
    // articles writes it in its transaction (an import's chunk, a feature batch of the preparation
    // queue), and a transaction that writes `meta` held every reader of the settings, the pairs kept
    // apart and the story index's head until it ended (issue 20, item 5). Moved in the upgrade's one
    // transaction, so an upgrade stopped half way leaves version 12 whole and runs again at the next open.
    this.version(13)
      .stores({ corpusVersion: 'key' })
      .upgrade(async (tx) => {
        const meta = tx.table<MetaEntry, string>('meta');
        const saved = await meta.get(CORPUS_VERSION_KEY);
        if (!saved) return;
        await tx.table('corpusVersion').put(saved);
        await meta.delete(CORPUS_VERSION_KEY);
      });
    // Version 14: article records without their features (`analysis`: two thirds of a record's
    // weight, read and cloned by every read of whole records, the 50 rows a search shows among
    // them); they live in `features` alone, where every write has put them since version 4. Every
    // write drops the field from now on (`keepDerivedTables`). The records stored before are
    // rewritten by a background job in slices of their own (analysis-drop.ts), not in this one
    // transaction, which a worker stopped half way through a large corpus would lose whole, and
    // start again from the first record at every open: the upgrade only plants the job's mark in
    // `meta` (stopped before it commits, it leaves version 13 whole and runs again at the next open).
    this.version(14)
      .stores({})
      .upgrade(async (tx) => {
        if ((await tx.table('articles').count()) === 0) return;
        await tx.table('meta').put({ key: ANALYSIS_DROP_KEY, value: { after: 0 } });
      });
    this.use({ stack: 'dbcore', name: 'derived-tables', create: (down) => keepDerivedTables(down, this) });
  }
}

/** The mark of the job that drops the features stored records carried (analysis-drop.ts), in `meta`: planted by the upgrade to schema 14. */
export const ANALYSIS_DROP_KEY = 'analysisDrop';

/** The key of the corpus version's row (`corpusVersion` from schema 13, `meta` before). */
export const CORPUS_VERSION_KEY = 'corpusVersion';

/** The story index's head (`StoredIndexHead`, schema 12; the whole index before), in `meta`. */
export const STORY_INDEX_KEY = 'storyIndex';
/**
 * The grading rules' version (`GRADING_VERSION`) the saved story index, its links and stories were
 * made with, in `meta`: absent, they were made before it was recorded (version 1).
 */
export const STORY_GRADING_KEY = 'storyGradingVersion';

/** Every row of `index` (complete) in a new layout sized for its keys: a whole write. */
export function indexInRows(index: CorpusIndex): { head: StoredIndexHead; rows: StoredIndexRow[] } {
  const buckets = bucketsFor(index.keyTotal());
  const gen = Math.floor(Math.random() * 2 ** 31);
  const rows = index.keysByBucket(buckets).map((keys, b) => index.bucketRow(b, keys, buckets, gen));
  index.takeChanges();
  return { head: index.head(buckets, gen), rows };
}

/** Where version 6 kept the links and stories (`meta`), whole. */
const OLD_LINKS_KEY = 'storyLinks';
const OLD_GROUPS_KEY = 'storyGroups';
/** The pairs kept apart the stored stories were grouped with (`meta`, schema 7), as `pairKey`s. */
export const STORY_APART_KEY = 'storyApart';
/** How many rows `stories` holds and how many articles they group, written with them (`meta`, schema 7): rows missing are told from a corpus of no story. */
export const STORY_COUNT_KEY = 'storyCount';

/** Calls `visit` on the stored articles in id order, 500 at a time (the upgrades). */
async function eachStored(articles: Table, visit: (batch: unknown[]) => Promise<unknown>): Promise<void> {
  let after = -Infinity;
  for (;;) {
    const batch = await articles.where(':id').above(after).limit(500).toArray();
    await visit(batch);
    if (batch.length < 500) return;
    after = (batch[batch.length - 1] as StoredArticle).id;
  }
}

/** The derived tables of one row per article (the word index's are written through `words`). */
type RowTable = Exclude<(typeof DERIVED)[number], 'wordRuns' | 'wordParts' | 'featureChanges'>;

/**
 * The tables `writeDerived` writes, as a Dexie `Table` (promises waited for) or, in the middleware,
 * as requests sent on the write's own transaction (nothing to wait for: `sendRows`).
 */
interface DerivedWriter {
  bulkPut(name: RowTable, rows: object[]): Promise<unknown> | void;
  bulkDelete(name: RowTable, keys: unknown[]): Promise<unknown> | void;
  /** The word index; null while an upgrade has not made its tables. */
  words: WordStore | null;
  /** Records the ids whose features changed (`FeatureChange`); null while an upgrade has not made its table. */
  logFeatures: ((ids: number[]) => Promise<unknown> | void) | null;
}

/** The word index's tables (word-index.ts) through Dexie tables (in a transaction that holds them). */
export function wordStoreOf(table: (name: string) => Table): WordStore {
  return {
    runs: () => table('wordRuns').toArray(),
    runNumbers: async () => (await table('wordRuns').toCollection().primaryKeys()) as number[],
    async write(runs, parts, drop) {
      for (const run of drop) await table('wordParts').where(':id').between([run, -Infinity], [run, Infinity]).delete();
      if (drop.length > 0) await table('wordRuns').bulkDelete(drop);
      await Promise.all([table('wordRuns').bulkPut(runs), table('wordParts').bulkPut(parts)]);
    },
  };
}

/**
 * Writes what `written` records give the derived tables and removes what `replaced` records gave
 * (updated or deleted ones): summaries and features put or deleted, one run of the word index
 * appended for the whole batch (`writeWordIndex`). A record whose features come later
 * (`featuresLater`) is marked pending instead, and its replaced features removed. Returns the
 * summaries written and the ids removed.
 */
async function writeDerivedWith(writer: DerivedWriter, written: unknown[], replaced: unknown[]): Promise<{ put: StoredSummary[]; removed: number[] }> {
  const removed: number[] = [];
  for (const old of replaced) {
    const a = readableArticle(old);
    if (a) removed.push(a.id);
  }
  const summaries: StoredSummary[] = [];
  const features: StoredFeatures[] = [];
  const terms: [number, Map<string, number>][] = [];
  const pending: PendingArticle[] = [];
  for (const value of written) {
    const rows = derivedRows(value);
    if (!rows) continue;
    summaries.push(rows.summary);
    // A number new with each write (no two writes of an article are given the same).
    if (rows.features) features.push(rows.features);
    else pending.push({ id: rows.summary.id, stamp: Math.random() });
    if (rows.terms) terms.push([rows.summary.id, rows.terms]);
  }
  const rewritten = new Set(summaries.map((s) => s.id));
  const gone = removed.filter((id) => !rewritten.has(id));
  // What a replaced article had and its new record does not: features of the old text, or a pending mark.
  const wasStored = new Set(removed);
  const stale = (rows: { id: number }[]) => [...gone, ...rows.filter((r) => wasStored.has(r.id)).map((r) => r.id)];
  const [staleFeatures, stalePending] = [stale(pending), stale(features)];
  // In each table the keys deleted and the keys put are apart (`gone` is not rewritten; the features
  // and pending marks removed are of articles written with the other kind): sent together.
  await Promise.all([
    gone.length > 0 ? writer.bulkDelete('summaries', gone) : null,
    staleFeatures.length > 0 ? writer.bulkDelete('features', staleFeatures) : null,
    stalePending.length > 0 ? writer.bulkDelete('pending', stalePending) : null,
    summaries.length > 0 ? writer.bulkPut('summaries', summaries) : null,
    features.length > 0 ? writer.bulkPut('features', features) : null,
    pending.length > 0 ? writer.bulkPut('pending', pending) : null,
    writer.words ? writeWordIndex(writer.words, terms, removed) : null,
    writer.logFeatures && (features.length > 0 || staleFeatures.length > 0) ? writer.logFeatures([...new Set([...staleFeatures, ...features.map((f) => f.id)])]) : null,
  ]);
  return { put: summaries, removed: gone };
}

/** `writeDerivedWith` through Dexie tables, the word index left to version 5's upgrade (version 4's upgrade). */
function writeDerived(written: unknown[], table: (name: string) => Table) {
  return writeDerivedWith({
    bulkPut: (name, rows) => table(name).bulkPut(rows),
    bulkDelete: (name, keys) => table(name).bulkDelete(keys as never[]),
    words: null,
    logFeatures: null,
  }, written, []);
}

/** Every key (DBCoreRangeType.Any: a const enum, which isolated modules cannot read). */
const ANY = { type: 3 } as DBCoreKeyRange;
/** The keys `[run, part]` of one run's parts (DBCoreRangeType.Range). */
const runRange = (run: number) => ({ type: 2, lower: [run, -Infinity], upper: [run, Infinity], lowerOpen: false, upperOpen: false }) as DBCoreKeyRange;

/**
 * Rows put or deleted by requests sent on `trans` itself, not through Dexie, and not waited for:
 * each write of a page of an import (import-export.ts `WRITE_PAGE_ARTICLES`) waited for its
 * summaries and pending marks, then for the change list's read and write, three round trips to
 * the database's thread before the next page could go, while neither the worker nor that thread
 * had anything else to do (at 10,000 articles in Chromium the worker sat idle half of the
 * import). IndexedDB runs a transaction's requests in the order they were sent, so whatever the
 * transaction sends or reads next comes after them; a failed one aborts the transaction (its
 * error event is not prevented here, and Dexie aborts a transaction on an error that reaches it):
 * the write stays all or none. The same requests Dexie's bulk writes send, without their promises
 * (Dexie's bulk writes prevent a failed request's error and only count it, which this middleware
 * did not look at).
 */
function sendRows(trans: IDBTransaction): Pick<DerivedWriter, 'bulkPut' | 'bulkDelete'> {
  return {
    bulkPut(name, rows) {
      const store = trans.objectStore(name);
      for (const row of rows) store.put(row);
    },
    bulkDelete(name, keys) {
      const store = trans.objectStore(name);
      for (const key of keys) store.delete(key as IDBValidKey);
    },
  };
}

/** Per transaction, the search columns' change list as its last write put it (`read` once its stored row is read), and ids logged before. */
const changeLogs = new WeakMap<object, { read: boolean; row: MetaEntry | undefined; ids: number[] }>();

/**
 * Appends `ids` to the search columns' change list (search-columns.ts) in `trans`: its row read
 * once per transaction, then kept, each write putting the list as it is after it (`withChanges` of
 * two writes in turn is that of their ids together). Sent as `sendRows` sends (nothing waited for;
 * no reader of the list writes articles in its transaction).
 */
function logChanges(trans: IDBTransaction, ids: number[]): void {
  const store = trans.objectStore('corpusVersion');
  let log = changeLogs.get(trans);
  if (!log) {
    const first = { read: false, row: undefined as MetaEntry | undefined, ids: [] as number[] };
    changeLogs.set(trans, (log = first));
    const request = store.get(SEARCH_CHANGES_KEY);
    request.onsuccess = () => {
      first.read = true;
      first.row = withChanges(request.result as MetaEntry | undefined, first.ids);
      first.ids = [];
      store.put(first.row);
    };
  }
  if (!log.read) {
    log.ids.push(...ids);
    return;
  }
  log.row = withChanges(log.row, ids);
  store.put(log.row);
}

/**
 * A DBCore middleware (https://dexie.org/docs/DBCore/DBCore) that writes the derived tables with
 * every write of `articles`, in the same transaction, whoever writes (a save, an import, a
 * delete, a followed feed, a test): every read-write transaction on `articles` also holds them.
 */
function keepDerivedTables(down: DBCore, db: CorpusDb): Partial<DBCore> {
  return {
    ...down,
    transaction(stores, mode, options) {
      // The corpus version's table too: it holds the search columns' change list (search-columns.ts).
      const widened = mode === 'readwrite' && stores.includes('articles') ? [...new Set([...stores, ...DERIVED, 'corpusVersion'])] : stores;
      return down.transaction(widened, mode, options);
    },
    table(name) {
      const table = down.table(name);
      if (name === 'wordRuns') {
        return {
          ...table,
          mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
            // Counted once committed: a search's transaction begun before it sees the runs before it, and keeps them under the count before it.
            (req.trans as DBCoreTransaction & IDBTransaction).addEventListener?.('complete', () => db.wordRunsWritten++);
            return table.mutate(req);
          },
        };
      }
      if (name !== 'articles') return table;
      return {
        ...table,
        async mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
          const trans = req.trans as DBCoreTransaction & IDBTransaction;
          // During an upgrade to versions 2 to 4 the derived tables do not exist yet; versions 4's and 5's upgrades fill them.
          if (!trans.objectStoreNames?.contains('wordRuns')) return table.mutate(req);
          if (req.type === 'add' || req.type === 'put') {
            // Only their features dropped (schema 14): what is derived from them stays as it is.
            if (req.values.every((v) => analysisDropped.has(v as object))) return table.mutate(req);
            // Whoever writes (a caller still attaching features, a record read then written back), no record carries features from schema 14.
            const given = req.values;
            const values = given.map(withoutAnalysis);
            if (values.some((v, i) => v !== given[i])) req = { ...req, values };
          }
          let replaced: unknown[] = [];
          if (req.type === 'put') {
            const ids = req.values.map((v: { id?: unknown }) => v?.id).filter((id) => id !== undefined);
            replaced = (await table.getMany({ trans, keys: ids })).filter(Boolean);
          } else if (req.type === 'delete') {
            replaced = (await table.getMany({ trans, keys: req.keys })).filter(Boolean);
          } else if (req.type === 'deleteRange') {
            replaced = (await table.query({ trans, values: true, query: { index: table.schema.primaryKey, range: req.range } })).result;
          }
          const res = await table.mutate(req);
          const written = req.type === 'add' || req.type === 'put'
            ? req.values.flatMap((v: { id?: number } | null, i: number) => {
                if (res.failures[i] || !v) return [];
                if (v.id !== undefined) return [v];
                // An added record gets its id from the database.
                return [carryPrecomputed(v, { ...v, id: res.results?.[i] as number })];
              })
            : [];
          const derived = await writeDerivedWith({
            ...sendRows(trans),
            words: {
              runs: async () => (await down.table('wordRuns').query({ trans, values: true, query: { index: down.table('wordRuns').schema.primaryKey, range: ANY } })).result,
              runNumbers: async () => (await down.table('wordRuns').query({ trans, values: false, query: { index: down.table('wordRuns').schema.primaryKey, range: ANY } })).result as number[],
              async write(runs, parts, drop) {
                for (const run of drop) await down.table('wordParts').mutate({ trans, type: 'deleteRange', range: runRange(run) });
                if (drop.length > 0) await down.table('wordRuns').mutate({ trans, type: 'delete', keys: drop });
                await Promise.all([
                  runs.length > 0 ? down.table('wordRuns').mutate({ trans, type: 'put', values: runs }) : null,
                  parts.length > 0 ? down.table('wordParts').mutate({ trans, type: 'put', values: parts }) : null,
                ]);
              },
            },
            logFeatures: trans.objectStoreNames?.contains('featureChanges')
              ? (ids) => void trans.objectStore('featureChanges').add({ ids })
              : null,
          }, written, replaced);
          // The ids whose summary changed, on the search columns' change list (search-columns.ts), in this transaction.
          const changedIds = [...derived.put.map((s) => s.id), ...derived.removed];
          if (changedIds.length > 0 && trans.objectStoreNames?.contains('corpusVersion')) logChanges(trans, changedIds);
          trans.addEventListener?.('complete', () => {
            // Its run written below this middleware (`down`), unseen by the count of `wordRuns`' writes.
            db.wordRunsWritten++;
            db.afterWordWrite?.();
            const cache = db.summaryCache;
            if (!cache) return;
            for (const id of derived.removed) cache.rows.delete(id);
            for (const s of derived.put) cache.rows.set(s.id, s);
            cache.version = undefined;
          });
          return res;
        },
      };
    },
  };
}
