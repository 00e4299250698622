/**
 * Operations on the stored corpus. The background owns the database; extension pages reach
 * these through the message protocol.
 */
import Dexie from 'dexie';
import { carryPrecomputed, CORPUS_VERSION_KEY, type ArticleVersion, type CorpusDb, type MetaEntry, type StoredSummary } from './corpus-db';
import { readableArticle, type ArticleSummary, type NewArticle, type StoredArticle } from './article-record';
import { sameSite } from './identity';
import { compileQuery, foldedWords, matchArticle, pairTerm, phraseProven, PREFIX_FROM, type SearchQuery, type Snippet } from '../../lib/search';
import { forgetKeptApart } from './kept-apart';
import { unindexedAmong } from './words-later';
import { PartCache, readPostings, type Postings, type WordRange, type WordRun } from './word-index';
import { positionsIn, type PositionTable } from './word-positions';
import { changesStamp, searchColumns, type Columns } from './search-columns';

export interface SaveResult {
  id: number;
  /** False when an article with the same URL (or canonical URL) was updated instead. */
  created: boolean;
  /** Set when the stored article was kept as it was: this reading lost most of its text. */
  keptStored?: true;
}

/** The key of the corpus version's row (in its own table, `corpusVersion`, from schema 13). */
export const CORPUS_VERSION = CORPUS_VERSION_KEY;

/**
 * The tables a change of the corpus writes: a transaction that calls `saveArticle` must hold them
 * all. Not `meta`: a change that writes it too (a delete forgets the pairs kept apart) adds it,
 * so that the readers of `meta` (settings, pairs kept apart, the story index's head) do not wait
 * for every save and import chunk (issue 20, item 5).
 */
export const corpusTables = (db: CorpusDb) => [db.articles, db.versions, db.corpusVersion];

/** The corpus version as stored (0 when none is). */
export function corpusVersionOf(row: { value?: unknown } | undefined): number {
  const v = row?.value;
  return typeof v === 'number' && Number.isSafeInteger(v) ? v : 0;
}

export async function getCorpusVersion(db: CorpusDb): Promise<number> {
  return corpusVersionOf(await db.corpusVersion.get(CORPUS_VERSION));
}

/** The version each database transaction moved the corpus to (a transaction nested in another shares its `idbtrans`). */
const bumped = new WeakMap<IDBTransaction, number>();

/**
 * Counts one change of the stored articles. Called inside the transaction that makes the change,
 * so the version and the articles are never out of step, whenever the browser stops the worker:
 * what was built for one version (the story index) is known stale for any other. Once per
 * transaction: an import of many articles is one change.
 */
export async function bumpCorpusVersion(db: CorpusDb): Promise<number> {
  return bumpCorpusVersionFrom(db, null);
}

/**
 * `bumpCorpusVersion` from the version `read` earlier in the same transaction (null: read it now),
 * with the rows `also` gives for the version moved to put beside it: one round trip to the
 * database where reading, then writing each in turn took three (an import's chunk).
 */
export async function bumpCorpusVersionFrom(db: CorpusDb, read: number | null, also: (version: number) => MetaEntry[] = () => []): Promise<number> {
  const transaction = Dexie.currentTransaction?.idbtrans;
  const done = transaction && bumped.get(transaction);
  if (done !== undefined) {
    const rows = also(done);
    if (rows.length > 0) await db.corpusVersion.bulkPut(rows);
    return done;
  }
  const next = (read ?? (await getCorpusVersion(db))) + 1;
  const rows = also(next);
  if (rows.length > 0) await db.corpusVersion.bulkPut([{ key: CORPUS_VERSION, value: next }, ...rows]);
  else await db.corpusVersion.put({ key: CORPUS_VERSION, value: next });
  if (transaction) bumped.set(transaction, next);
  return next;
}

/** The addresses a record is found by: its URL, and its canonical URL when on its own site. */
const identityUrls = (record: Pick<NewArticle, 'url' | 'canonicalUrl'>) =>
  record.canonicalUrl && sameSite(record.url, record.canonicalUrl) ? [record.url, record.canonicalUrl] : [record.url];

/**
 * The stored article a record is, among `stored` (the articles stored at or declaring one of its
 * addresses): the one stored at its URL, or, through a declared address on the page's own site,
 * the one stored at or declaring that address (see `identity.ts`); the first in index order, as
 * IndexedDB lists them, when several are.
 */
export function existingAmong(record: Pick<NewArticle, 'url' | 'canonicalUrl'>, stored: readonly StoredArticle[]): StoredArticle | undefined {
  const urls = identityUrls(record);
  // IndexedDB's order of an index: by its key (strings by code unit, as `<` compares), then by id.
  const inIndexOrder = (key: (a: StoredArticle) => string) => (a: StoredArticle, b: StoredArticle) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id - b.id);
  return stored.filter((a) => urls.includes(a.url)).sort(inIndexOrder((a) => a.url))[0]
    ?? stored.filter((a) => typeof a.canonicalUrl === 'string' && urls.includes(a.canonicalUrl) && typeof a.url === 'string' && sameSite(a.url, record.url))
      .sort(inIndexOrder((a) => a.canonicalUrl!))[0];
}

/** Finds the stored article a record is (`existingAmong`). */
export async function findExisting(db: CorpusDb, record: Pick<NewArticle, 'url' | 'canonicalUrl'>): Promise<StoredArticle | undefined> {
  const urls = identityUrls(record);
  return existingAmong(record, await db.articles.where('url').anyOf(urls).toArray())
    ?? existingAmong(record, await db.articles.where('canonicalUrl').anyOf(urls).toArray());
}

/** Less than this share of the stored words: a reading that lost the text (a paywall, a page not fully loaded), not a new version. */
export const LOST_TEXT_SHARE = 0.5;

/**
 * Saves an article; saving the same article again updates the stored copy (keeping its id and
 * first-saved date) rather than adding a duplicate, and keeps the text it replaces as a version.
 * A reading with less than half the stored words changes nothing (`keptStored`). Runs in one
 * transaction, with the corpus version, so two tabs saving the same page at once cannot both insert.
 */
export function saveArticle(db: CorpusDb, record: NewArticle): Promise<SaveResult> {
  return db.transaction('rw', corpusTables(db), async () => {
    const found = await findExisting(db, record);
    if (found) {
      const update = updateOf(found, record);
      if (!update) return { id: found.id, created: false, keptStored: true as const };
      if (update.version) await db.versions.add(update.version as ArticleVersion);
      await db.articles.put(update.article);
      await bumpCorpusVersion(db);
      return { id: found.id, created: false };
    }
    const id = await db.articles.add(record as StoredArticle);
    await bumpCorpusVersion(db);
    return { id, created: true };
  });
}

/**
 * What saving `record` over the stored article `found` writes: the article (its id and first-saved
 * date kept, with what was computed for the record: `carryPrecomputed`) and, when the text changed, the text it replaces as a version; null when the record
 * lost most of the stored words (the stored article is kept as it is).
 */
export function updateOf<T extends NewArticle>(found: StoredArticle, record: T): { article: T & { id: number }; version: Omit<ArticleVersion, 'id'> | null } | null {
  const existing = readableArticle(found);
  let version: Omit<ArticleVersion, 'id'> | null = null;
  if (existing && existing.text !== record.text) {
    if (record.wordCount < existing.wordCount * LOST_TEXT_SHARE) return null;
    version = {
      articleId: existing.id, url: existing.url, title: existing.title, byline: existing.byline, text: existing.text,
      paragraphs: existing.paragraphs, wordCount: existing.wordCount, storedAt: existing.updatedAt, replacedAt: record.updatedAt,
    };
  }
  return { article: carryPrecomputed(record, { ...record, id: found.id, savedAt: existing?.savedAt || record.savedAt }), version };
}

/** The earlier texts of a stored article, oldest first. */
export function articleVersions(db: CorpusDb, id: number): Promise<ArticleVersion[]> {
  return db.versions.where('articleId').equals(id).sortBy('id');
}

/** A summary as lists send it (without the figures kept for search). */
const listed = ({ chars: _chars, ...summary }: StoredSummary): ArticleSummary => summary;

/**
 * The summaries of every stored article, by id: read once from their table, then kept current by
 * this database instance's own writes (see `keepDerivedTables`); read again when the corpus
 * version shows a change made elsewhere.
 */
export async function summaries(db: CorpusDb, known?: number): Promise<Map<number, StoredSummary>> {
  // `known`: the corpus version as the caller's transaction read it (one read fewer).
  const version = known ?? await getCorpusVersion(db);
  const cache = db.summaryCache;
  if (cache && (cache.version === undefined || cache.version === version)) {
    cache.version = version;
    return cache.rows;
  }
  const rows = new Map((await db.summaries.toArray()).map((a) => [a.id, a]));
  db.summaryCache = { rows, version };
  return rows;
}

export async function getArticle(db: CorpusDb, id: number): Promise<StoredArticle | null> {
  const stored = await db.articles.get(id);
  return stored ? readableArticle(stored) : null;
}

/** Deletes articles by id, with their earlier versions and the reader's judgements about them; returns how many existed and were deleted. */
export function deleteArticles(db: CorpusDb, ids: number[]): Promise<number> {
  return db.transaction('rw', [...corpusTables(db), db.meta], async () => {
    const existing = (await db.articles.bulkGet(ids)).filter((a) => a !== undefined);
    await db.articles.bulkDelete(ids);
    await db.versions.where('articleId').anyOf(ids).delete();
    await forgetKeptApart(db, existing.map((a) => a.url));
    if (existing.length > 0) await bumpCorpusVersion(db);
    return existing.length;
  });
}

export async function getMeta<T>(db: CorpusDb, key: string): Promise<T | undefined> {
  return (await db.meta.get(key))?.value as T | undefined;
}

export async function setMeta(db: CorpusDb, key: string, value: unknown): Promise<void> {
  await db.meta.put({ key, value });
}

/** How the corpus page sorts its list. */
export type CorpusSort = 'relevance' | 'saved' | 'published' | 'title' | 'site' | 'words';

/** A search of the corpus page: words, filters (all optional, combined) and the order. */
export interface CorpusSearch {
  /** Words to find in the title, site, URL or text (case, accents and typography ignored). */
  query?: string;
  /** Keep these sites (`''` stands for articles without a site). */
  sites?: string[];
  /** Keep these languages (`''` for an unknown language). */
  languages?: string[];
  /** Keep the articles that came in these ways (`ArticleOrigin`: saved, sample, imported, followed). */
  origins?: string[];
  /** Published on or after this day, `YYYY-MM-DD` (the date as the publisher wrote it). */
  from?: string;
  /** Published on or before this day, `YYYY-MM-DD`. */
  to?: string;
  /** The order; by default, relevance for a query, else the date saved. */
  sort?: CorpusSort;
  direction?: 'asc' | 'desc';
  /** Rows sent with their summary (the ids of all matching articles are sent anyway). */
  limit?: number;
}

/** A listed article: its summary, and where the search found it in the text. */
export interface ListedArticle extends ArticleSummary {
  snippet: Snippet | null;
}

/** A value of a filter with how many articles have it (among those the other filters keep). */
export interface Facet {
  value: string;
  count: number;
}

export interface CorpusListing {
  /** Articles stored. */
  total: number;
  /** Every matching article (for "select all" and counts): those of `articles` first, in order, then the others in id order. */
  ids: number[];
  /** The first `limit` of them. */
  articles: ListedArticle[];
  sites: Facet[];
  languages: Facet[];
  origins: Facet[];
  /**
   * Stored articles the query was not looked for in: imported, their words not indexed yet
   * (words-later.ts); absent when none (or no query).
   */
  unindexed?: number;
}

/** Rows sent when the page does not say. */
export const DEFAULT_LIST_LIMIT = 200;
/** Articles read from the database at a time: the texts of one batch only are in memory. */
const BATCH = 200;

/**
 * Calls `visit` on every stored article in id order, reading `BATCH` at a time (one `getAll` per
 * batch, faster than a cursor), so a large corpus is never held whole in memory. A damaged record
 * is left out (`readableArticle`).
 */
export async function eachArticle(db: CorpusDb, visit: (article: StoredArticle) => void): Promise<void> {
  let after = -Infinity;
  for (;;) {
    const batch = await db.articles.where(':id').above(after).limit(BATCH).toArray();
    for (const a of batch) {
      const readable = readableArticle(a);
      if (readable) visit(readable);
    }
    if (batch.length < BATCH) return;
    after = batch[batch.length - 1]!.id;
  }
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** The day an article was published, as its publisher wrote it (`YYYY-MM-DD`), or null. */
const publishedDay = (publishedTime: string | null | undefined) => (publishedTime && /^\d{4}-\d{2}-\d{2}/.test(publishedTime) ? publishedTime.slice(0, 10) : null);

/**
 * An article's sort key by id, from the columns (the title from `rows`, read for that order only);
 * null for a missing value. Relevance without a query: every article alike.
 */
function sortKey(sort: CorpusSort, cols: Columns, rows: Map<number, StoredSummary> | null): (id: number) => string | number | null {
  switch (sort) {
    case 'relevance': return () => 0;
    case 'saved': {
      const saved = cols.dates.saved();
      return (id) => saved[id]!;
    }
    case 'published': {
      const published = cols.dates.published();
      return (id) => {
        const p = published[id];
        return p ? Date.parse(p) || null : null;
      };
    }
    case 'title': return (id) => rows!.get(id)!.title?.trim() || null;
    case 'site': return (id) => cols.values[0]![cols.codes[0]![id]!]!.trim() || null;
    case 'words': return (id) => cols.words[id]!;
  }
}

/**
 * The first `k` articles of `ids` in order of a key, and the others in id order: a missing value
 * sorts last whatever the direction; ties, the most recently saved first. Each key is computed
 * once, not per comparison, and dates of saving (ISO 8601) compare as strings. Only the rows shown
 * need an order (the others are counted and selected, and an export puts its own order): a search
 * at 100,000 articles finds tens of thousands, which are not sorted but passed once through a heap
 * of the `k` first so far (partial sorting, Knuth, *The Art of Computer Programming* vol. 3,
 * §5.2.3 and §5.3.3: n log k comparisons instead of n log n).
 */
function sorted(ids: Int32Array, sort: CorpusSort, direction: 'asc' | 'desc', cols: Columns, rows: Map<number, StoredSummary> | null, k: number): { first: number[]; rest: ArrayLike<number> } {
  const sign = direction === 'asc' ? 1 : -1;
  const key = sortKey(sort, cols, rows);
  const texts = sort === 'title' || sort === 'site';
  const saved = cols.dates.saved();
  const later = (x: number, y: number) => (saved[x]! > saved[y]! ? -1 : saved[x]! < saved[y]! ? 1 : y - x);
  type Keyed = { id: number; k: string | number | null };
  const before = ({ id: x, k: kx }: Keyed, { id: y, k: ky }: Keyed) => {
    if (kx === null || ky === null) return kx === ky ? y - x : kx === null ? 1 : -1;
    const c = texts ? collator.compare(kx as string, ky as string) : kx < ky ? -1 : kx > ky ? 1 : 0;
    return c !== 0 ? sign * c : later(x, y);
  };
  const first = ids.length <= 2 * k
    ? Array.from(ids, (id) => ({ id, k: key(id) })).sort(before).slice(0, k)
    : firstOf(ids.length, (i) => ({ id: ids[i]!, k: key(ids[i]!) }), k, before);
  const firstIds = first.map((e) => e.id);
  return { first: firstIds, rest: othersInOrder(ids, firstIds) };
}

const facets = (counts: Map<string, number>): Facet[] =>
  [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || collator.compare(a.value, b.value));

/** Okapi BM25's usual constants (Robertson & Zaragoza, *The Probabilistic Relevance Framework: BM25 and Beyond*, 2009). */
const BM25_K1 = 1.2;
const BM25_B = 0.75;

/** The articles in every one of `lists`, each with its smallest count. */
function intersect(lists: Postings[]): Postings {
  if (lists.length === 1) return lists[0]!;
  const [first, ...others] = [...lists].sort((a, b) => a.ids.length - b.ids.length);
  const counts = new Uint8Array(first!.counts.length);
  const ids: number[] = [];
  for (const id of first!.ids) {
    let tf = first!.counts[id]!;
    for (const other of others) tf = Math.min(tf, other.counts[id] ?? 0);
    if (tf > 0) {
      counts[id] = tf;
      ids.push(id);
    }
  }
  return { counts, ids };
}

/** Two lists of different articles as one. */
function union(a: Postings, b: Postings): Postings {
  if (b.ids.length === 0) return a;
  const counts = new Uint8Array(Math.max(a.counts.length, b.counts.length));
  counts.set(a.counts);
  for (const id of b.ids) counts[id] = b.counts[id]!;
  return { counts, ids: [...a.ids, ...b.ids] };
}

const withoutPairs = (run: WordRun) => run.pairs !== true;
const withoutPositions = (run: WordRun) => run.positions !== true;

/** The word index's parts searches read, and the postings they decoded, kept for the next searches (`PartCache`: 16 MB of parts, 8 MB of postings and 8 MB of postings per run at most), per database. */
const partCaches = new WeakMap<CorpusDb, PartCache>();

/** The runs of the word index the last search of a database read, with what tells whether they are still those stored (`searchRuns`). */
const knownRuns = new WeakMap<CorpusDb, { written: number; version: string; keys: number[]; runs: WordRun[] }>();

/**
 * The word index's runs, in a search's transaction: those the last search read when they are
 * still those stored, else read. Reading them all (35 at 100,000 articles, with the first word
 * of each of their parts) was a fifth of a search's garbage. Still those stored: no write of runs
 * by this instance completed since (`CorpusDb.wordRunsWritten`, read at the transaction's start),
 * the same state of the change list (`version`: no write of articles since), and the same run numbers stored (a run added or dropped by another
 * instance: a run is never rewritten in place but by the pairs' rewrite, which then leaves it
 * without postings of its own, pair-rewrite.ts `pairedRun`, and whose postings newer runs all removed).
 */
async function searchRuns(db: CorpusDb, written: number, version: string): Promise<WordRun[]> {
  const keys = (await db.wordRuns.toCollection().primaryKeys()) as number[];
  const known = knownRuns.get(db);
  if (known && known.written === written && known.version === version && known.keys.length === keys.length && known.keys.every((k, i) => k === keys[i])) return known.runs;
  const runs = await db.wordRuns.toArray();
  knownRuns.set(db, { written, version, keys: runs.map((r) => r.run), runs });
  return runs;
}

/**
 * Reads ahead what every search of `db` reads before its words' postings: the word index's runs
 * (`searchRuns`) and the search columns, kept for the next search if nothing changes meanwhile
 * (the corpus page, once its first list is shown: with an import's runs not yet merged, 422 at
 * 100,000 articles with the first word of each of their 27,000 parts, reading them was 8–94 ms of
 * its first search in Chromium). Changes nothing any search finds: a search still checks them.
 */
export async function prepareSearch(db: CorpusDb): Promise<void> {
  await db.transaction('r', [db.wordRuns, db.corpusVersion, db.summaries], async () => {
    const written = db.wordRunsWritten;
    const { stamp } = await searchColumns(db);
    await searchRuns(db, written, stamp);
  });
}

/** What searches of `db` keep of the word index (`PartCache`). */
export function searchCache(db: CorpusDb): PartCache {
  let cache = partCaches.get(db);
  if (!cache) partCaches.set(db, (cache = new PartCache()));
  return cache;
}

/**
 * An article's title's last word (folded), or null: its pair with the site's first word weighs as
 * the title (`phraseProven`). Folded from the title's end only (its last few words), and kept in
 * the columns: a phrase proven in thousands of articles asks for thousands of titles.
 */
function titleEnd(cols: Columns, id: number, row: StoredSummary | undefined): string | null {
  const known = cols.titleEnds.get(id);
  if (known !== undefined) return known;
  if (!row) return null;
  const title = row.title ?? '';
  // A word cut at the start of the tail is not the last one, unless the tail is all one word.
  let words = foldedWords(title.slice(-TITLE_TAIL));
  if (words.length < 2 && title.length > TITLE_TAIL) words = foldedWords(title);
  const end = words.length > 0 ? words[words.length - 1]! : null;
  cols.titleEnds.set(row.id, end);
  return end;
}
const TITLE_TAIL = 48;

/**
 * The articles the word index finds for every unit of the query, each with its BM25 relevance
 * (title words weigh more: see `word-index.ts`), and those of them that only their text can
 * confirm (`unchecked`). A word is looked up with the words it begins (from `PREFIX_FROM`
 * letters); a phrase by its pairs of words side by side (`pairTerm`), the last pair with the
 * pairs it begins: two words are found exactly; three or more are the articles holding all their
 * pairs where the pairs start one word apart (their positions, `positionsIn`: only the pairs at
 * offsets 0, 2, … and the last are read, `phraseAt`), exactly, with no text read. In a run
 * stored before positions were kept (until the rewrite, pair-rewrite.ts, has been there), a
 * phrase of three words or more is proven from the counts of the pairs and of the middle words
 * when they can be (`phraseProven`), to check in the text otherwise ("a b … b c" holds both pairs
 * of "a b c"); words joined as written (`SearchQuery.textCheck`) are always to
 * check. In a run without pairs (written before they were indexed), a phrase is the articles
 * holding all its words and none of its pairs there, to check: the ones with its pairs were
 * written with them (the pairs are read in every run) and are found by them.
 */
async function indexCandidates(db: CorpusDb, query: SearchQuery, withRows: boolean): Promise<Listed & { ids: Int32Array; scores: Float64Array; unchecked: Set<number>; unindexed: number }> {
  const ranges: WordRange[] = [];
  const range = (term: string, begun: boolean, only?: (run: WordRun) => boolean) => ranges.push([term, begun ? `${term}\uffff` : term, only]) - 1;
  const units = query.terms.map((words) => {
    const begun = words[words.length - 1]!.length >= PREFIX_FROM;
    if (words.length === 1) return { words, found: [range(words[0]!, begun)], middle: [], unpaired: [] };
    return {
      words,
      found: words.slice(1).map((w, i) => range(pairTerm(words[i]!, w), begun && i === words.length - 2)),
      // The middle words' counts prove a phrase in runs without positions only (`phraseProven`): not read in the others (`des`, `de`: most articles' postings).
      middle: words.slice(1, -1).map((w) => range(w, false, withoutPositions)),
      unpaired: words.map((w, i) => range(w, begun && i === words.length - 1, withoutPairs)),
    };
  });
  // In one transaction: a merge between reading the runs and their parts would remove parts. The
  // columns too, read (or found held) in the same state.
  const cache = searchCache(db);
  const { listed, read, unindexed } = await db.transaction('r', [db.wordRuns, db.wordParts, db.corpusVersion, db.summaries], async () => {
    // Read first in the transaction: a write that completes after this is counted after it.
    const written = db.wordRunsWritten;
    const version = await getCorpusVersion(db);
    const listed = await listedState(db, withRows, version);
    return {
      listed,
      // The word index's caches keyed by the change list's state (`listed.stamp`: moved by every
      // write of articles, which alone writes words), not the corpus version, which the background's
      // preparation also moves with every batch of features it stores: during an import's backlog
      // that emptied them every few seconds (a search at 100,000 articles read its parts again:
      // 300–900 ms in Chromium). A merge or the pairs' rewrite changes the runs (`searchRuns`, `PartCache.keep`).
      read: await readPostings({
        runs: () => searchRuns(db, written, listed.stamp),
        parts: (keys) => db.wordParts.bulkGet(keys),
      }, ranges, { parts: cache, version: listed.stamp }),
      // Articles whose words are still to index (an import's, words-later.ts), in the state the runs are read in.
      unindexed: await unindexedAmong(db, listed.cols.present),
    };
  });
  const { cols } = listed;
  const unchecked = new Set<number>();
  /** Articles whose phrase the counts prove unless the title's last word is one of the phrase's first words: that word, to read. */
  const titleChecks: [number, Set<string>][] = [];
  const lists = units.map(({ words, found, middle, unpaired }, u) => {
    const paired = intersect(found.map((i) => read[i]!));
    if (query.textCheck[u]) for (const id of paired.ids) unchecked.add(id);
    else if (words.length > 2) {
      const pairLists = found.map((i) => read[i]!.counts);
      const middleLists = middle.map((i) => read[i]!.counts);
      const inner = new Set(words.slice(0, -1));
      // Where the pairs w₁w₂, w₃w₄, … and the last start (`ArticleTerms`: that is the phrase), in the articles of runs with positions.
      const wanted = new Uint8Array(paired.counts.length);
      for (const id of paired.ids) wanted[id] = 1;
      const offsets: number[] = [];
      for (let k = 0; k < found.length; k += 2) offsets.push(k);
      if (offsets[offsets.length - 1] !== found.length - 1) offsets.push(found.length - 1);
      const at = offsets.map((k) => positionsIn(read[found[k]!]!, wanted));
      const [next, ends] = [new Int32Array(at.length), new Int32Array(at.length)];
      let absent = false;
      for (const id of paired.ids) {
        if (at[0]!.has(id)) {
          if (phraseAt(offsets, at, id, next, ends)) continue;
          paired.counts[id] = 0;
          absent = true;
        } else if (!phraseProven(pairLists.map((c) => c[id] ?? 0), middleLists.map((c) => c[id] ?? 0))) unchecked.add(id);
        else {
          // Read and folded only when the counts prove the phrase: most candidates' titles are never read.
          titleChecks.push([id, inner]);
        }
      }
      if (absent) paired.ids = paired.ids.filter((id) => paired.counts[id]! > 0);
    }
    if (unpaired.length === 0) return paired;
    const byWords = intersect(unpaired.map((i) => read[i]!));
    const extra: Postings = { counts: byWords.counts, ids: byWords.ids.filter((id) => !(paired.counts[id]! > 0)) };
    for (const id of extra.ids) unchecked.add(id);
    return union(paired, extra);
  }).sort((a, b) => a.ids.length - b.ids.length);
  if (titleChecks.length > 0) {
    const unknown = titleChecks.filter(([id]) => !cols.titleEnds.has(id)).map(([id]) => id);
    const titled = listed.rows ?? new Map((await db.summaries.bulkGet(unknown)).flatMap((r) => (r ? [[r.id, r] as const] : [])));
    for (const [id, inner] of titleChecks) {
      const end = titleEnd(cols, id, titled.get(id));
      if (end !== null && inner.has(end)) unchecked.add(id);
    }
  }
  const idfs = lists.map((l) => Math.log(1 + (cols.total - l.ids.length + 0.5) / (l.ids.length + 0.5)));
  // Every match is scored (the page counts and selects them all, so each is visited anyway): a
  // few operations on typed arrays each, no object or map entry per match.
  const candidates = lists[0]?.ids ?? [];
  const ids = new Int32Array(candidates.length);
  // The columns' buffer when no other search holds it (only the entries of this search's matches are read: no clearing).
  const scores = cols.scores ?? new Float64Array(cols.top);
  cols.scores = null;
  const n = scoreAll(candidates, lists.map((l) => l.counts), Float64Array.from(idfs), cols, scores, ids);
  return { ...listed, ids: ids.subarray(0, n), scores, unchecked, unindexed };
}

/**
 * Scores into `scores` (by id) the `candidates` held by every one of `counts` (per id, a unit's
 * count) and present, by BM25; their ids into `ids`; returns how many. A function of its own,
 * on typed arrays only: compiled once it is hot, it allocates nothing per match (inside a
 * longer function run once per search, each sum was a number boxed on the heap).
 */
function scoreAll(candidates: ArrayLike<number>, counts: Uint8Array[], idfs: Float64Array, cols: Columns, scores: Float64Array, ids: Int32Array): number {
  const { top, present, words, avgWords } = cols;
  let n = 0;
  for (let k = 0; k < candidates.length; k++) {
    const id = candidates[k]!;
    if (id >= top || present[id] === 0) continue;
    const norm = 1 - BM25_B + (BM25_B * words[id]!) / avgWords;
    let score = 0;
    let all = true;
    for (let j = 0; j < counts.length; j++) {
      const tf = counts[j]![id] ?? 0;
      if (tf === 0) {
        all = false;
        break;
      }
      score += (idfs[j]! * tf * (BM25_K1 + 1)) / (tf + BM25_K1 * norm);
    }
    if (!all) continue;
    scores[id] = score;
    ids[n++] = id;
  }
  return n;
}

/**
 * Whether a phrase is in article `id`, from where its pairs start (`positionsIn`): `at[j]` holds
 * the positions of the pair `offsets[j]` of the phrase; the phrase is at p when each of them
 * starts at p + its offset (one pass through each list: they are ascending).
 */
function phraseAt(offsets: readonly number[], at: readonly PositionTable[], id: number, next: Int32Array, ends: Int32Array): boolean {
  // `next` and `ends`, one entry per table, are the caller's: no array made per article (tens of thousands a search).
  for (let j = 0; j < at.length; j++) {
    const t = at[j]!;
    if (!t.has(id)) return false;
    next[j] = t.start(id);
    ends[j] = next[j]! + t.count(id);
  }
  const first = at[0]!;
  outer: for (let i = next[0]!; i < ends[0]!; i++) {
    const p = first.values[i]!;
    for (let j = 1; j < at.length; j++) {
      const values = at[j]!.values;
      const want = p + offsets[j]!;
      while (next[j]! < ends[j]! && values[next[j]!]! < want) next[j]!++;
      if (next[j]! >= ends[j]!) return false;
      if (values[next[j]!] !== want) continue outer;
    }
    return true;
  }
  return false;
}

/** Articles whose texts are read at a time to check a phrase. */
const VERIFY_BATCH = 200;

/**
 * The corpus page's list: the articles holding every word of the query (in the title, site, URL
 * or text), kept by the filters, in the chosen order. The word index finds the articles, the
 * summaries filter, count and sort them: texts are read only for the rows sent (their snippets)
 * and, for a phrase, to check the words are side by side. The site, language and origin counts
 * follow faceted search: each counts the articles the *other* filters keep, so that choosing a site
 * shows how many articles each other site would add.
 */
export async function searchCorpus(db: CorpusDb, search: CorpusSearch = {}): Promise<CorpusListing> {
  // The rows shown are read after the list is made: when a write came between, listed again (its
  // count and ids are those of one state), a few times at most.
  for (let attempt = 1; ; attempt++) {
    const listing = await listOnce(db, search, attempt >= SEARCH_ATTEMPTS);
    if (listing) return listing;
  }
}

/** Lists made again at most this many times when writes keep coming between the list and its rows. */
const SEARCH_ATTEMPTS = 3;

/**
 * What a listing reads of every article: the search columns (search-columns.ts), the summaries
 * whole only for an order by title, and the change list's state they hold.
 */
interface Listed {
  cols: Columns;
  rows: Map<number, StoredSummary> | null;
  stamp: string;
}

/** `Listed` in a read transaction holding `corpusVersion` and `summaries` (`version`: the corpus version as it read it). */
async function listedState(db: CorpusDb, withRows: boolean, version?: number): Promise<Listed> {
  const { cols, stamp } = await searchColumns(db);
  return { cols, stamp, rows: withRows ? await summaries(db, version) : null };
}

/** `searchCorpus` once: null when a write came between the list and the read of its rows (unless `last`). */
async function listOnce(db: CorpusDb, search: CorpusSearch, last: boolean): Promise<CorpusListing | null> {
  const query = compileQuery(search.query ?? '');
  const queried = query.patterns.length > 0;
  const sort = search.sort ?? (queried ? 'relevance' : 'saved');
  const byTitle = sort === 'title';
  const index = queried ? await indexCandidates(db, query, byTitle) : null;
  const state = index ?? await db.transaction('r', [db.corpusVersion, db.summaries], () => listedState(db, byTitle));
  const { cols, rows } = state;
  let found: Int32Array;
  if (index) found = index.ids;
  else {
    found = new Int32Array(cols.total);
    let n = 0;
    for (let id = 0; id < cols.top; id++) if (cols.present[id]) found[n++] = id;
  }
  if (search.from || search.to) {
    const published = cols.dates.published();
    found = found.filter((id) => {
      const day = publishedDay(published[id]);
      return day !== null && !(search.from && day < search.from) && !(search.to && day > search.to);
    });
  }
  // A phrase the index cannot confirm (`indexCandidates`): its words side by side in this order,
  // which the text tells. Texts are read here only for those: words joined as written (the index
  // keeps no separators), and, until the rewrite (pair-rewrite.ts) has been there, articles of a
  // run without pairs, or without their positions whose counts do not prove a phrase of three words
  // or more (a common middle word, `de`, `des`, leaves the counts without proof).
  // Every candidate is checked, not the rows shown only: the list's count and "select all" are exact.
  const texts = new Map<number, StoredArticle>();
  if (index && index.unchecked.size > 0) {
    const toCheck = Array.from(found).filter((id) => index.unchecked.has(id));
    const confirmed = new Set<number>();
    for (let i = 0; i < toCheck.length; i += VERIFY_BATCH) {
      for (const a of await readArticles(db, toCheck.slice(i, i + VERIFY_BATCH))) {
        if (matchArticle(query, a)) {
          confirmed.add(a.id);
          texts.set(a.id, a);
        }
      }
      // Only the rows sent keep their text in memory.
      if (texts.size > (search.limit ?? DEFAULT_LIST_LIMIT)) texts.clear();
    }
    found = found.filter((id) => !index.unchecked.has(id) || confirmed.has(id));
  }
  // Facets counted by the columns' numbers of their values: per match, three array reads.
  const chosen = [search.sites, search.languages, search.origins].map((values, d) => {
    if (!values?.length) return null;
    const set = new Set(values);
    return Uint8Array.from(cols.values[d]!, (v) => (set.has(v) ? 1 : 0));
  });
  const counts = cols.values.map((v) => new Int32Array(v.length));
  const kept = new Int32Array(found.length);
  let nKept = 0;
  const codes = [0, 0, 0];
  const misses = [false, false, false];
  for (let k = 0; k < found.length; k++) {
    const id = found[k]!;
    let missed = 0;
    for (let d = 0; d < 3; d++) {
      codes[d] = cols.codes[d]![id]!;
      const choice = chosen[d];
      misses[d] = choice !== null && choice![codes[d]!] === 0;
      if (misses[d]) missed++;
    }
    // A facet counts the article when every *other* filter keeps it.
    for (let d = 0; d < 3; d++) if (missed === 0 || (missed === 1 && misses[d])) counts[d]![codes[d]!]!++;
    if (missed === 0) kept[nKept++] = id;
  }
  const facetsOf = (d: number): Facet[] => facets(new Map(cols.values[d]!.flatMap((value, code) => (counts[d]![code]! > 0 ? [[value, counts[d]![code]!]] : []))));
  const limit = search.limit ?? DEFAULT_LIST_LIMIT;
  const dir = search.direction ?? 'desc';
  const matching = kept.subarray(0, nKept);
  let shownIds: number[];
  let rest: ArrayLike<number> | null = null;
  if (index && sort === 'relevance') shownIds = firstByScore(matching, index.scores, cols, dir, limit);
  else {
    const byKey = sorted(matching, sort, dir, cols, rows, limit);
    shownIds = byKey.first;
    rest = byKey.rest;
  }
  const missing = shownIds.filter((id) => index && !texts.has(id));
  // Asked for before the rest of the list is put in order, so that the browser reads the rows
  // shown meanwhile (its IndexedDB reads off this thread).
  const reading = missing.length > 0 ? readArticles(db, missing) : null;
  // The summaries of the rows shown, with the change list's state: the same as the list's, or the list is made again.
  const shownRows = rows
    ? { stamp: state.stamp, rows: shownIds.map((id) => rows.get(id)) }
    : db.transaction('r', [db.corpusVersion, db.summaries], async () => ({ stamp: await changesStamp(db), rows: await db.summaries.bulkGet(shownIds) }));
  rest ??= othersInOrder(matching, shownIds);
  const ids = new Array<number>(shownIds.length + rest.length);
  for (let k = 0; k < shownIds.length; k++) ids[k] = shownIds[k]!;
  for (let k = 0; k < rest.length; k++) ids[shownIds.length + k] = rest[k]!;
  const [sites, languages, origins] = [facetsOf(0), facetsOf(1), facetsOf(2)];
  for (const a of reading ? await reading : []) texts.set(a.id, a);
  if (index) cols.scores = index.scores;
  const shown = await shownRows;
  if (shown.stamp !== state.stamp && !last) return null;
  return {
    total: cols.total,
    ids,
    articles: shown.rows.filter((a): a is StoredSummary => a !== undefined).map((a) => {
      const text = texts.get(a.id);
      return { ...listed(a), snippet: text ? (matchArticle(query, text)?.snippet ?? null) : null };
    }),
    sites,
    languages,
    origins,
    ...(index && index.unindexed > 0 ? { unindexed: index.unindexed } : {}),
  };
}

/**
 * `sorted`'s first `k` by relevance, on ids and their scores (by id): by score (ties: the most
 * recently saved first) through a heap of the first `k` so far, whose root, the last of them,
 * turns most matches away on their score alone (the others: `othersInOrder`).
 */
function firstByScore(ids: Int32Array, scores: Float64Array, cols: Columns, direction: 'asc' | 'desc', k: number): number[] {
  const sign = direction === 'asc' ? 1 : -1;
  // No destructuring: called for every match, an array made per call was most of a search's garbage.
  const before = (x: number, y: number) => {
    const sx = scores[x]!;
    const sy = scores[y]!;
    if (sx !== sy) return sign * (sx < sy ? -1 : 1);
    // The dates only on a tie (read from a snapshot when first asked for).
    const saved = cols.dates.saved();
    return saved[x]! > saved[y]! ? -1 : saved[x]! < saved[y]! ? 1 : y - x;
  };
  return ids.length <= 2 * k ? Array.from(ids).sort(before).slice(0, k) : firstOf(ids.length, (i) => ids[i]!, k, before);
}

/**
 * `ids` but `taken` (some of them), ascending. The ids come ascending but for a few (a run's
 * postings are in id order, and runs mostly hold ids later than older runs'): only then is the
 * rest sorted, not once per search (n log n on tens of thousands of matches). The ids taken are
 * left out by a walk through them in order, not a set looked up per match.
 */
export function othersInOrder(ids: Int32Array, taken: readonly number[]): Int32Array {
  let ascending = true;
  for (let i = 1; i < ids.length && ascending; i++) ascending = ids[i - 1]! < ids[i]!;
  const sorted = ascending ? ids : ids.slice().sort();
  const skip = Int32Array.from(taken).sort();
  const rest = new Int32Array(Math.max(0, ids.length - skip.length));
  let n = 0;
  let s = 0;
  for (let i = 0; i < sorted.length; i++) {
    const id = sorted[i]!;
    while (s < skip.length && skip[s]! < id) s++;
    if (s < skip.length && skip[s] === id) continue;
    rest[n++] = id;
  }
  return rest.subarray(0, n);
}

/**
 * The first `k` of `n` items in the order of `before`, sorted: one pass through a binary heap of
 * the first `k` so far whose root, the last of them, turns most items away on one comparison
 * (partial sorting, Knuth, *The Art of Computer Programming* vol. 3, §5.2.3 and §5.3.3).
 */
function firstOf<T>(n: number, item: (i: number) => T, k: number, before: (x: T, y: T) => number): T[] {
  const heap: T[] = [];
  const swap = (i: number, j: number) => {
    const e = heap[i]!;
    heap[i] = heap[j]!;
    heap[j] = e;
  };
  for (let j = 0; j < n && k > 0; j++) {
    const e = item(j);
    if (heap.length < k) {
      heap.push(e);
      for (let i = heap.length - 1; i > 0;) {
        const parent = (i - 1) >> 1;
        if (before(heap[i]!, heap[parent]!) <= 0) break;
        swap(i, parent);
        i = parent;
      }
    } else if (before(e, heap[0]!) < 0) {
      heap[0] = e;
      for (let i = 0; ;) {
        const [l, r] = [2 * i + 1, 2 * i + 2];
        let top = i;
        if (l < heap.length && before(heap[l]!, heap[top]!) > 0) top = l;
        if (r < heap.length && before(heap[r]!, heap[top]!) > 0) top = r;
        if (top === i) break;
        swap(i, top);
        i = top;
      }
    }
  }
  return heap.sort(before);
}

/** Stored articles by id, damaged ones left out. */
async function readArticles(db: CorpusDb, ids: number[]): Promise<StoredArticle[]> {
  return (await db.articles.bulkGet(ids)).map((a) => (a ? readableArticle(a) : null)).filter((a): a is StoredArticle => a !== null);
}
