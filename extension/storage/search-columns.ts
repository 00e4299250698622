/**
 * What a search reads of every stored article, as columns indexed by id (presence, words, the
 * facets' values, the dates), kept as one stored snapshot so that the first search of a new
 * service worker does not read the 100,000 summaries (1.6–2.4 s in Chromium, most of it waiting
 * for IndexedDB to hand over 100,000 objects; the snapshot is a few typed arrays).
 *
 * Exact by construction, never stale: every write of articles appends the ids whose summary it
 * wrote or removed to a change list (`SearchChanges`), in its own transaction (corpus-db.ts
 * `keepDerivedTables`), relative to the snapshot's generation. A search reads the snapshot, the
 * change list and the summaries of the ids changed since in one read transaction: snapshot +
 * changes = the stored summaries then, whatever crashed between a save and a snapshot's write
 * (a redo log replayed over a checkpoint: Mohan et al., ARIES, TODS 1992). A snapshot of another
 * generation, an overflowed list, or none: the columns are made from every summary, as before, and
 * a snapshot written after the answer. Both rows live in the corpus version's table, which every
 * change of the articles writes anyway (no schema change).
 */
import type { CorpusDb, MetaEntry, StoredSummary } from './corpus-db';

/** The facets' dimensions: site, language, origin. */
export const FACETS = [(a: StoredSummary) => a.site ?? '', (a: StoredSummary) => a.language ?? '', (a: StoredSummary): string => a.origin] as const;

/** The rows' keys in `corpusVersion`. */
export const SEARCH_COLUMNS_KEY = 'searchColumns';
export const SEARCH_CHANGES_KEY = 'searchChanges';

/**
 * The ids whose summary was written or removed since the snapshot of generation `gen` (0: of no
 * snapshot), in the order written; `n` counts them all, `ids` is null once more than
 * `CHANGES_KEPT` were (then only a new build tells the columns).
 */
export interface SearchChanges {
  gen: number;
  n: number;
  ids: number[] | null;
  /** Every id logged, whatever the generation: the same count, the same summaries (a snapshot's write keeps it). */
  all: number;
}

/** Ids the change list keeps before it overflows: a write reads and writes it whole (≤ 40 KB). */
export const CHANGES_KEPT = 5000;

/**
 * The change list after a write of `ids`' summaries (corpus-db.ts, in the write's transaction). A
 * missing list is generation 0 (no snapshot yet): counted too, so that a snapshot made from every
 * summary knows whether a write came between its read and its write.
 */
export function withChanges(row: MetaEntry | undefined, ids: readonly number[]): MetaEntry {
  const old = changesOf(row);
  const kept = old.ids !== null && old.ids.length + ids.length <= CHANGES_KEPT ? [...old.ids, ...ids] : null;
  return { key: SEARCH_CHANGES_KEY, value: { gen: old.gen, n: old.n + ids.length, ids: kept, all: old.all + ids.length } satisfies SearchChanges };
}

function changesOf(row: MetaEntry | undefined): SearchChanges {
  const v = row?.value as Partial<SearchChanges> | undefined;
  if (!v || typeof v.gen !== 'number' || typeof v.n !== 'number') return { gen: 0, n: 0, ids: [], all: 0 };
  return { gen: v.gen, n: v.n, ids: Array.isArray(v.ids) ? v.ids : null, all: typeof v.all === 'number' ? v.all : 0 };
}

/**
 * The summaries as columns indexed by id, for what a search does per match (relevance, facets,
 * filters, sorting): typed arrays rather than a look-up and an object per article, tens of
 * thousands of times per search at 100,000 articles. Never changed once made (a change makes new
 * columns): a search holds the ones it began with.
 */
export interface Columns {
  /** Ids are below this. */
  top: number;
  /** 1 where an article of that id is stored. */
  present: Uint8Array;
  /** Articles stored, and the words of their texts. */
  total: number;
  wordSum: number;
  /** Words of its text (`wordCount`), and their mean over the corpus (BM25's length normalisation). */
  words: Float64Array;
  avgWords: number;
  /** Per facet (`FACETS`): each article's value as a number, and the values. */
  codes: Int32Array[];
  values: string[][];
  /**
   * When saved (ISO 8601, compared as strings), and published as the publisher wrote it, by id:
   * read from a snapshot when first asked for (a search by relevance asks only on ties of score).
   */
  dates: Dates;
  /** Titles' last words, folded when first asked for (corpus.ts `titleEnd`). */
  titleEnds: Map<number, string | null>;
  /** A buffer of scores by id, lent to one search at a time (corpus.ts `indexCandidates`), null while lent. */
  scores: Float64Array | null;
}

const empty = (): Columns => ({
  top: 0, present: new Uint8Array(0), total: 0, wordSum: 0, words: new Float64Array(0), avgWords: 1,
  codes: FACETS.map(() => new Int32Array(0)), values: FACETS.map(() => []), dates: eager([], [], 0), titleEnds: new Map(), scores: null,
});

/** Columns made from every summary. */
export function columnsFrom(rows: Iterable<StoredSummary>): Columns {
  return changed(empty(), [...rows].map((row) => [row.id, row]));
}

/**
 * `cols` with the summaries of some ids changed (undefined: removed), as new columns (the arrays
 * copied once, grown to the largest id).
 */
export function changed(cols: Columns, changes: readonly (readonly [number, StoredSummary | undefined])[]): Columns {
  let top = cols.top;
  for (const [id] of changes) if (id >= top) top = id + 1;
  const grow = <T extends Uint8Array | Float64Array | Int32Array>(a: T, make: (n: number) => T): T => {
    const b = make(top);
    b.set(a);
    return b;
  };
  // The dates as changed, made when first asked for (`cols`' are never changed).
  const savedSets: [number, string][] = [];
  const publishedSets: [number, string | null][] = [];
  const next: Columns = {
    top, present: grow(cols.present, (n) => new Uint8Array(n)), total: cols.total, wordSum: cols.wordSum,
    words: grow(cols.words, (n) => new Float64Array(n)), avgWords: 1,
    codes: cols.codes.map((c) => grow(c, (n) => new Int32Array(n))), values: cols.values.map((v) => [...v]),
    dates: cols.dates, // Below, once the changes are known.
    titleEnds: new Map(cols.titleEnds), scores: null,
  };
  const numbers = next.values.map((v) => new Map(v.map((value, code) => [value, code])));
  for (const [id, row] of changes) {
    next.titleEnds.delete(id);
    if (next.present[id]) {
      next.total--;
      next.wordSum -= next.words[id]!;
    }
    if (!row) {
      next.present[id] = 0;
      next.words[id] = 0;
      continue;
    }
    next.present[id] = 1;
    next.words[id] = row.wordCount;
    next.total++;
    next.wordSum += row.wordCount;
    savedSets.push([id, row.savedAt]);
    publishedSets.push([id, row.publishedTime ?? null]);
    for (let d = 0; d < FACETS.length; d++) {
      const value = FACETS[d]!(row);
      let code = numbers[d]!.get(value);
      if (code === undefined) {
        code = next.values[d]!.length;
        numbers[d]!.set(value, code);
        next.values[d]!.push(value);
      }
      next.codes[d]![id] = code;
    }
  }
  const from = cols.dates;
  next.dates = from.depth >= MAX_DEPTH
    ? eager(withSets(from.saved(), savedSets), withSets(from.published(), publishedSets), 0)
    : lazyDates(() => withSets(from.saved(), savedSets), () => withSets(from.published(), publishedSets), from.depth + 1);
  next.avgWords = Math.max(1, next.wordSum / Math.max(1, next.total));
  next.scores = new Float64Array(top);
  return next;
}

function withSets<T>(base: readonly T[], sets: readonly [number, T][]): T[] {
  const out = base.slice();
  for (const [id, value] of sets) out[id] = value;
  return out;
}

/**
 * When each article was saved (ISO 8601, compared as strings) and published (as the publisher wrote
 * it), by id: made when first asked for (from a snapshot's JSON, or the columns changed from), as a
 * search by relevance asks only on ties of score. `depth`: columns changed from, still to apply.
 */
export interface Dates {
  saved(): string[];
  published(): (string | null)[];
  depth: number;
}

/** Lazy dates deeper than this are made at once (each holds the columns' dates it was changed from). */
const MAX_DEPTH = 8;

function lazyDates(saved: () => string[], published: () => (string | null)[], depth: number): Dates {
  let s: string[] | null = null;
  let p: (string | null)[] | null = null;
  return { saved: () => (s ??= saved()), published: () => (p ??= published()), depth };
}

const eager = (saved: string[], published: (string | null)[], depth: number): Dates => ({ saved: () => saved, published: () => published, depth });

/** The snapshot as stored: the columns (but the caches) and the generation its change list refers to. */
interface Snapshot {
  format: 1;
  gen: number;
  top: number;
  total: number;
  wordSum: number;
  present: Uint8Array;
  words: Float64Array;
  codes: Int32Array[];
  values: string[][];
  /** JSON of the dates saved by id, absent ids '' (one string clones faster than 100,000). */
  savedAt: string;
  /** JSON of the publication times by id (they come from pages: any character). */
  published: string;
}

function snapshotOf(cols: Columns, gen: number): Snapshot {
  const savedAt = new Array<string>(cols.top);
  const saved = cols.dates.saved();
  const published = cols.dates.published();
  for (let id = 0; id < cols.top; id++) savedAt[id] = cols.present[id] ? saved[id]! : '';
  return {
    format: 1, gen, top: cols.top, total: cols.total, wordSum: cols.wordSum, present: cols.present.slice(), words: cols.words.slice(), codes: cols.codes.map((c) => c.slice()), values: cols.values.map((v) => [...v]),
    savedAt: JSON.stringify(savedAt), published: JSON.stringify(Array.from({ length: cols.top }, (_, id) => (cols.present[id] ? (published[id] ?? null) : null))),
  };
}

function fromSnapshot(s: Snapshot): Columns {
  const { total, wordSum } = s;
  return {
    top: s.top, present: s.present, total, wordSum, words: s.words, avgWords: Math.max(1, wordSum / Math.max(1, total)), codes: s.codes, values: s.values,
    dates: lazyDates(() => JSON.parse(s.savedAt) as string[], () => JSON.parse(s.published) as (string | null)[], 0),
    titleEnds: new Map(), scores: new Float64Array(s.top),
  };
}

const isSnapshot = (v: unknown): v is Snapshot => typeof v === 'object' && v !== null && (v as Snapshot).format === 1 && typeof (v as Snapshot).gen === 'number' && typeof (v as Snapshot).total === 'number';

/** Columns that hold the stored summaries as they were when the change list was at (`gen`, `n`). */
interface Held {
  cols: Columns;
  gen: number;
  n: number;
}

/** The columns a database's searches hold. */
const held = new WeakMap<CorpusDb, Held>();

/** How the last `searchColumns` of a database got its columns (for tests and benchmarks). */
export type ColumnsSource = 'held' | 'snapshot' | 'summaries';
export const lastSource = new WeakMap<CorpusDb, ColumnsSource>();

/** Changed ids applied from a snapshot beyond which reading every summary is as quick (a look-up per id against one read of all). */
const APPLY_SHARE = 0.25;
/** Changes applied since the stored snapshot after which a search writes a new one. */
const REWRITE_AFTER = 200;

/** After a search that wants a snapshot written, this long before it is. */
const SNAPSHOT_DELAY_MS = 1000;

/** Snapshots being written, per database (one at a time). */
const writing = new WeakSet<CorpusDb>();

/**
 * The columns of the stored summaries, in a read transaction that holds `corpusVersion` and
 * `summaries`: those held by this database's searches brought up to date by the changes since,
 * else the stored snapshot (if of the change list's generation) and the changes since, else every
 * summary. A snapshot is written afterwards (`writeSnapshot`, not awaited) when none is current.
 */
export async function searchColumns(db: CorpusDb): Promise<{ cols: Columns; stamp: string }> {
  const changes = changesOf(await db.corpusVersion.get(SEARCH_CHANGES_KEY));
  const stamp = stampOf(changes);
  if (fromEverySummary.has(db)) return { cols: columnsFrom(await db.summaries.toArray()), stamp };
  const known = held.get(db);
  let next: Held;
  let source: ColumnsSource;
  if (known && known.gen === changes.gen && known.n === changes.n) {
    lastSource.set(db, 'held');
    return { cols: known.cols, stamp };
  }
  if (known && known.gen === changes.gen && known.n < changes.n && changes.ids !== null) {
    next = { cols: await apply(db, known.cols, changes.ids.slice(known.n)), gen: changes.gen, n: changes.n };
    source = 'held';
  } else {
    const stored = changes.gen !== 0 && changes.ids !== null ? (await db.corpusVersion.get(SEARCH_COLUMNS_KEY))?.value : undefined;
    if (isSnapshot(stored) && stored.gen === changes.gen && changes.ids!.length <= APPLY_SHARE * Math.max(1, stored.top)) {
      next = { cols: await apply(db, fromSnapshot(stored), changes.ids!), gen: changes.gen, n: changes.n };
      source = 'snapshot';
    } else {
      next = { cols: columnsFrom(await db.summaries.toArray()), gen: changes.gen, n: changes.n };
      source = 'summaries';
    }
  }
  held.set(db, next);
  lastSource.set(db, source);
  // Written once the search has answered: its write of the corpus version's table would hold the search's next reads.
  if (source === 'summaries' || next.n >= REWRITE_AFTER) setTimeout(() => void writeSnapshot(db).catch(() => undefined), SNAPSHOT_DELAY_MS);
  return { cols: next.cols, stamp };
}

const stampOf = (c: SearchChanges) => String(c.all);

/** The change list's state (in a transaction holding `corpusVersion`): the same as `searchColumns` gave, no write of summaries came between. */
export async function changesStamp(db: CorpusDb): Promise<string> {
  return stampOf(changesOf(await db.corpusVersion.get(SEARCH_CHANGES_KEY)));
}

/** `cols` with the summaries of `ids` as stored now. */
async function apply(db: CorpusDb, cols: Columns, ids: number[]): Promise<Columns> {
  if (ids.length === 0) return cols;
  const unique = [...new Set(ids)];
  const rows = await db.summaries.bulkGet(unique);
  return changed(cols, unique.map((id, i) => [id, rows[i]] as const));
}

/**
 * Writes the held columns as the stored snapshot, under a new generation, with the change list
 * cut to the changes that came after them; nothing when a write came between and its ids were
 * not kept (the columns would miss it).
 */
export async function writeSnapshot(db: CorpusDb): Promise<boolean> {
  const h = held.get(db);
  if (!h || writing.has(db) || !db.isOpen()) return false;
  writing.add(db);
  try {
    const gen = 1 + Math.floor(Math.random() * 2 ** 31);
    const snapshot = snapshotOf(h.cols, gen);
    const done = await db.transaction('rw', [db.corpusVersion], async () => {
      const now = changesOf(await db.corpusVersion.get(SEARCH_CHANGES_KEY));
      if (now.gen !== h.gen || now.n < h.n || (now.n > h.n && now.ids === null)) return false;
      const after = now.ids === null ? [] : now.ids.slice(h.n);
      await db.corpusVersion.bulkPut([
        { key: SEARCH_COLUMNS_KEY, value: snapshot },
        { key: SEARCH_CHANGES_KEY, value: { gen, n: after.length, ids: after, all: now.all } satisfies SearchChanges },
      ]);
      return true;
    });
    // The held columns are those of the new generation's start (a search may have brought them further meanwhile).
    const still = held.get(db);
    if (done && still && still.gen === h.gen && still.n >= h.n) held.set(db, { cols: still.cols, gen, n: still.n - h.n });
    return done;
  } finally {
    writing.delete(db);
  }
}

/** Databases whose searches make their columns from every summary, each time (the reference the tests compare with). */
export const fromEverySummary = new WeakSet<CorpusDb>();

/** Forgets the columns held for `db` (a new worker's state, for tests and benchmarks). */
export function forgetHeldColumns(db: CorpusDb): void {
  held.delete(db);
}
