/**
 * The corpus index: finds the few hundred stored articles worth grading against a page, without
 * scoring every stored article.
 *
 * - Postings: for each article, its `POSTED_KEYS` most distinctive keys (entities `e:…` and
 *   stems, by tf · idf at the time it is added) point to it: an inverted index (Manning et al.,
 *   Introduction to Information Retrieval, ch. 1–2) of integer article numbers in growable
 *   `Uint32Array`s with the key's count quantised to a byte in a parallel `Uint8Array`.
 * - Document frequencies of every stem and entity of every article (not only the posted ones):
 *   the IDF weights of the pair scorer. The index is the `CorpusStats` of the corpus.
 * - Candidates for a page: accumulate idf-weighted hits over the page's keys, skipping keys too
 *   common to discriminate (more than `MAX_DF_SHARE` of the corpus); keep the best `limit`.
 * - Removal marks the article deleted (postings are skipped, then compacted when a quarter is
 *   dead) and decrements the document frequencies of the features given.
 *
 * Full features stay in storage (the extension keeps them with each article); the resident index
 * holds only integers, bytes and the key dictionary.
 *
 * Stored by the extension in rows (`StoredIndexHead`, `StoredIndexRow`): keys hashed into buckets,
 * each bucket's keys with their frequencies and postings one row, the live articles in a small
 * head. An index loaded from its head (`fromHead`) takes a key from its row on first use, so a
 * request reads the rows of the keys it needs (`missingBuckets`, `absorb`), and a change marks the
 * keys whose rows are to be written again (`takeChanges`, `bucketRow`).
 */
import type { ArticleFeatures, CorpusStats } from '../match/types';
import { statKeys } from '../match/stats';

/** Keys posted per article: enough for recall (an article on the same event shares several), few enough for the memory budget. */
export const POSTED_KEYS = 24;
/** Keys on more than this share of the corpus do not generate candidates (they are in every other article). */
export const MAX_DF_SHARE = 0.05;
/** ... unless the corpus is small: a key in fewer than this many articles always counts. */
export const MIN_MAX_DF = 50;
/** Articles re-ranked with the full pair scorer, at most, by default. */
export const DEFAULT_CANDIDATES = 200;
/**
 * Candidates whose overlap with the page is below this share of the best candidate's are not
 * graded: on a large corpus the tail of the 300 shares only a word or two with the page, and
 * loading and grading it is most of the cost of a match.
 */
export const MIN_CANDIDATE_SHARE = 0.2;

/** An entity key weighs this much more than a stem in choosing posted keys and candidates: a shared name says more than a shared word. */
export const ENTITY_BOOST = 1.5;

/**
 * The keys an article is counted, posted and looked up under, with their counts: its entities
 * (`e:` + key) first, then its stems. The candidate join of the CLI (cli/research/candidates.sql) reads
 * them from `recoupe features`.
 */
export function indexKeys(f: ArticleFeatures): [string, number][] {
  return [...f.entities.map(([k, , c]): [string, number] => [`e:${k}`, c]), ...f.terms];
}

const keyBoost = (key: string) => (key.startsWith('e:') ? ENTITY_BOOST : 1);

class Postings {
  docs = new Uint32Array(4);
  weights = new Uint8Array(4);
  length = 0;
  push(doc: number, weight: number): void {
    if (this.length === this.docs.length) {
      const docs = new Uint32Array(this.docs.length * 2);
      docs.set(this.docs);
      this.docs = docs;
      const weights = new Uint8Array(this.weights.length * 2);
      weights.set(this.weights);
      this.weights = weights;
    }
    this.docs[this.length] = doc;
    this.weights[this.length] = weight;
    this.length++;
  }
  /** Drop deleted articles' entries; shrink to fit. */
  compact(dead: (doc: number) => boolean): void {
    let n = 0;
    for (let i = 0; i < this.length; i++) {
      const d = this.docs[i]!;
      if (dead(d)) continue;
      this.docs[n] = d;
      this.weights[n] = this.weights[i]!;
      n++;
    }
    this.length = n;
    this.docs = this.docs.slice(0, Math.max(1, n));
    this.weights = this.weights.slice(0, Math.max(1, n));
  }
}

/** The serialised index failed validation: rebuild it from the stored articles. */
export class IndexCorruptError extends Error {}

const FORMAT = 'recoupe-index/1';
const STORED_FORMAT = 'recoupe-index/2';

/**
 * The index as kept in IndexedDB (`store`, `CorpusIndex.deserialize`): typed arrays and two strings,
 * which the structured clone copies as they are, so that loading it parses nothing (the JSON of
 * `serialize` took 0.4 s to load at 100,000 articles in Chromium, before the first panel of a new
 * service worker could be filled).
 */
export interface StoredCorpusIndex {
  format: typeof STORED_FORMAT;
  /** Article ids end to end, the one of article number i ending at `idEnds[i]`. */
  idText: string;
  idEnds: Uint32Array;
  /** Keys end to end, key number k ending at `keyEnds[k]`. */
  keyText: string;
  keyEnds: Uint32Array;
  /** Key numbers in the order of their keys (as `<` orders strings): a key is found by binary search, with no map made on loading. */
  keyOrder: Uint32Array;
  df: Int32Array;
  /** Key k's postings are `docs` and `weights` from `postingEnds[k - 1]` (0 for the first) to `postingEnds[k]`. */
  postingEnds: Uint32Array;
  docs: Uint32Array;
  weights: Uint8Array;
  /** Of all the above (`storedChecksum`): a damaged copy is refused. */
  checksum: number;
}

const ROWS_FORMAT = 'recoupe-index-rows/1';

/**
 * The index as the extension keeps it (schema 12): a small head and one row per bucket of keys
 * (`StoredIndexRow`), so that a new worker answers a page's candidates, and places a saved article,
 * from the head and the rows of the keys it needs (`fromHead`, `missingBuckets`, `absorb`), and a
 * change writes the rows of the keys it changed (`takeChanges`, `bucketRow`), not the whole index.
 */
export interface StoredIndexHead {
  format: typeof ROWS_FORMAT;
  /** Buckets of keys (a power of two: `bucketOf`). */
  buckets: number;
  /** The whole write the rows belong to (a row of another is refused). */
  gen: number;
  /** Live article ids end to end, the one of article i ending at `idEnds[i]`, in the order of their serials. */
  idText: string;
  idEnds: Uint32Array;
  /** Article i's serial, rising: the number its postings carry in the rows (a posting whose serial is not here is of an article gone). */
  serials: Uint32Array;
  nextSerial: number;
  checksum: number;
}

/** One bucket's keys (sorted), their document frequencies and their postings (serials and quantised counts), as `StoredCorpusIndex` keeps the whole. */
export interface StoredIndexRow {
  b: number;
  gen: number;
  keyText: string;
  keyEnds: Uint32Array;
  df: Int32Array;
  postingEnds: Uint32Array;
  docs: Uint32Array;
  weights: Uint8Array;
  checksum: number;
}

/** The rows of an index loaded from its head (`fromHead`). */
interface LoadedRows {
  buckets: number;
  gen: number;
  read: (StoredIndexRow | undefined)[];
  /** Buckets whose rows are still to read. */
  missing: number;
  /**
   * The head's serials (rising) and, at the same place, each one's article number (compaction
   * renumbers them; -1: dropped): a posting's serial is found by binary search (`docOfSerial`), no
   * map of every article made when a new worker reads the head.
   */
  headSerials: Uint32Array;
  headDocs: Int32Array;
  nextSerial: number;
}

/**
 * Keys per bucket, about. A saved article's placement reads the rows of its own keys and of its
 * candidates' (about 700 distinct rows at 20,000 articles: its keys and its candidates' are spread
 * over the buckets, whatever their size), a page's candidates the rows of its keys (~120).
 * Measured at 20,000 generated articles (1.2 million keys; Node, fake-indexeddb, load 11–14;
 * scripts/bench/stories.bench.ts' corpus): 16 keys a bucket (131,072 rows) read a save's rows in
 * 78 ms and wrote them all in 16 s; 64 (32,768 rows) in 18 ms and 6.7 s; 256 (8,192) in 40 ms and
 * 0.5 s. Every bucket has a row (a missing one is damage), written whole after a rebuild.
 */
export const KEYS_PER_BUCKET = 64;

/** The bucket count for an index of `keys` keys: a power of two near `keys / KEYS_PER_BUCKET` (at least 64). */
export function bucketsFor(keys: number): number {
  let b = 64;
  while (b * KEYS_PER_BUCKET < keys) b *= 2;
  return b;
}

/** The bucket of `key` among `buckets` (a power of two): FNV-1a of its characters. */
export function bucketOf(key: string, buckets: number): number {
  return (checksum(key) & (buckets - 1)) >>> 0;
}

/** A row as read for bucket `b`, checked against the head's layout; throws `IndexCorruptError`. */
function checkedRow(data: unknown, b: number, rows: LoadedRows): StoredIndexRow {
  const r = data as Partial<StoredIndexRow> | null | undefined;
  if (!r || typeof r !== 'object') throw new IndexCorruptError(`the stored row of bucket ${b} is missing`);
  const { keyText, keyEnds, df, postingEnds, docs, weights } = r;
  if (r.b !== b || r.gen !== rows.gen || typeof keyText !== 'string' || !isTyped(keyEnds, 'Uint32Array') || !isTyped(df, 'Int32Array') || !isTyped(postingEnds, 'Uint32Array')
    || !isTyped(docs, 'Uint32Array') || !isTyped(weights, 'Uint8Array')) throw new IndexCorruptError(`the stored row of bucket ${b} is malformed`);
  const k = keyEnds.length;
  if (df.length !== k || postingEnds.length !== k || docs.length !== weights.length || (k > 0 ? keyEnds[k - 1] : 0) !== keyText.length || (k > 0 ? postingEnds[k - 1] : 0) !== docs.length
    || !rising(keyEnds) || !rising(postingEnds)) throw new IndexCorruptError(`the stored row of bucket ${b} does not agree with itself`);
  if (rowChecksum(r as StoredIndexRow) !== r.checksum) throw new IndexCorruptError(`the stored row of bucket ${b} does not match its checksum`);
  for (let i = 0; i < docs.length; i++) if (docs[i]! >= rows.nextSerial) throw new IndexCorruptError(`a posting of bucket ${b} names an article never added`);
  return r as StoredIndexRow;
}

/**
 * The keys of a stored row (a write of its bucket rewrites them with the keys changed since), or
 * null when the row is missing or damaged (the index is then written whole).
 */
export function storedRowKeys(data: unknown, b: number, head: { buckets: number; gen: number; nextSerial: number }): string[] | null {
  try {
    const row = checkedRow(data, b, { ...head, read: [], missing: 0, headSerials: new Uint32Array(0), headDocs: new Int32Array(0) });
    return cut(row.keyText, row.keyEnds);
  } catch (error) {
    if (error instanceof IndexCorruptError) return null;
    throw error;
  }
}

/** The checksum a head is written with (exported for the tests, which make heads of their own). */
export function headChecksum(h: Omit<StoredIndexHead, 'checksum'>): number {
  const h0 = checksum(h.idText, checksum(`${h.format}/${h.buckets}/${h.gen}/${h.nextSerial}`));
  return mixUint32(mixUint32(h0, h.idEnds), h.serials) >>> 0;
}

function rowChecksum(r: Omit<StoredIndexRow, 'checksum'>): number {
  const h = mixUint32(mixUint32(checksum(r.keyText, checksum(`${r.b}/${r.gen}`)), r.keyEnds), r.postingEnds);
  return mixUint8(mixUint32(mixInt32(h, r.df), r.docs), r.weights) >>> 0;
}

/** Postings of a stored copy, shared by every key until one changes (see `StoredCorpusIndex`). */
interface BasePostings {
  ends: Uint32Array;
  docs: Uint32Array;
  weights: Uint8Array;
}

export class CorpusIndex implements CorpusStats {
  /** Article number → external id ('' once deleted). */
  private ids: string[] = [];
  /** Id → article number, made on first use (`byId`): a stored copy's first request needs none. */
  private numbers: Map<string, number> | null = new Map();
  /**
   * An index loaded from a head whose ids are all integers (`fromHead`): its ids with their article
   * numbers, packed (`id · 2^20 + number`) and sorted, found by binary search (`docOf`), and the
   * changes since (`moved`: an id's number, -1 once removed), instead of a map of every id made on
   * loading (100 ms of a new worker's first save at 100,000 articles in Chromium, most of reading the
   * head). The map is made on first use of `byId` (every id listed, compaction), which drops these.
   */
  private packedIds: Float64Array | null = null;
  private moved = new Map<string, number>();
  private deletedCount = 0;
  /**
   * Key → key number; `df` and `postings` by key number. Of a stored copy's keys (`baseKeys`), only
   * those looked up since it was loaded: the rest are found in it by binary search (`keyId`).
   */
  private keys = new Map<string, number>();
  /** The keys of a stored copy (`StoredCorpusIndex`), numbered 0 to `ends.length - 1`, with their order. */
  private baseKeys: { text: string; ends: Uint32Array; order: Uint32Array } | null = null;
  /** Keys numbered from `baseKeys`' last on: added since the stored copy was loaded (or all, without one). */
  private newKeys: string[] = [];
  private dfs = new Int32Array(1024);
  private postings: (Postings | undefined)[] = [];
  /**
   * The postings loaded with a stored copy, read in place: a key's own `Postings` is made only
   * when an article is added under it (`ownPostings`), not one per key on loading.
   */
  private base: BasePostings | null = null;
  private live = 0;
  private scratch = new Float32Array(0);
  /**
   * Each article number's serial: given once per `add` (never renumbered, unlike article numbers,
   * which compaction changes), the number its postings carry in the stored rows (`StoredIndexHead`):
   * an article removed or saved again leaves postings under a serial the head no longer lists.
   */
  private serials: number[] = [];
  private nextSerial = 0;
  /** Keys whose frequency or postings changed since `takeChanges` (the rows to write again). */
  private changedKeys = new Set<string>();
  /** Every row is owed (built or replaced whole since the last write, rather than changed key by key). */
  private wholeOwed = true;
  /** Loaded from stored rows (`fromHead`): the rows read so far, by bucket, and each head serial's article number. */
  private rows: LoadedRows | null = null;
  /**
   * Keys taken from their row (`fromRow`) whose postings are still to decode there, by key number:
   * decoded on first use (`postingsOf`, `ownPostings`). A save in a new worker takes every key of
   * its article from the rows for their frequencies (about a thousand), and decoding each key's
   * postings (a binary search of the head's serials per posting) was most of its 45–285 ms `add`
   * at 100,000 articles in Chromium; it posts under 24 of them.
   */
  private lazyPostings = new Map<number, { rows: LoadedRows; row: StoredIndexRow; start: number; end: number }>();

  /** Number of articles in the index. */
  get docs(): number {
    return this.live;
  }

  get size(): number {
    return this.live;
  }

  has(id: string): boolean {
    return this.docOf(id) !== undefined;
  }

  /** The article number of `id` (undefined: not in the index). */
  private docOf(id: string): number | undefined {
    const packed = this.packedIds;
    if (!packed) return this.byId().get(id);
    const moved = this.moved.get(id);
    if (moved !== undefined) return moved < 0 ? undefined : moved;
    if (!INTEGER_ID.test(id)) return undefined;
    const n = Number(id);
    if (n >= 2 ** 32) return undefined;
    // The first packed value at or above n · 2^20: n's, when its id is n.
    let lo = 0;
    let hi = packed.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (packed[mid]! < n * PACK) lo = mid + 1;
      else hi = mid;
    }
    if (lo === packed.length || Math.floor(packed[lo]! / PACK) !== n) return undefined;
    return packed[lo]! - n * PACK;
  }

  /** Records `id`'s article number (-1: removed). */
  private setDoc(id: string, doc: number): void {
    if (this.packedIds) this.moved.set(id, doc);
    else if (doc < 0) this.byId().delete(id);
    else this.byId().set(id, doc);
  }

  /** Ids of the articles in the index. */
  articleIds(): string[] {
    return [...this.byId().keys()];
  }

  private byId(): Map<string, number> {
    if (this.packedIds) {
      this.packedIds = null;
      this.moved = new Map();
      this.numbers = null;
    }
    if (!this.numbers) {
      this.numbers = new Map();
      for (const [doc, id] of this.ids.entries()) if (id) this.numbers.set(id, doc);
    }
    return this.numbers;
  }

  df(key: string): number {
    const k = this.keyId(key);
    return k === undefined ? 0 : this.dfs[k]!;
  }

  dfOfKeyId(id: number): number {
    return this.dfs[id] ?? 0;
  }

  /** The key's number in the index's dictionary (`CorpusStats.keyId`): the pair scorer compares numbers, not strings. */
  keyId(key: string): number | undefined {
    let k = this.keys.get(key);
    if (k === undefined && this.baseKeys) {
      k = findKey(this.baseKeys, key);
      if (k !== undefined) this.keys.set(key, k);
    }
    if (k === undefined && this.rows) k = this.fromRow(key);
    return k;
  }

  /**
   * `key` taken from its stored row (`fromHead`) on its first use: numbered, with its frequency and
   * its postings (their serials turned into article numbers, those of articles gone skipped).
   * Throws when its row has not been read (`missingBuckets` says which to read first): an answer
   * from a key whose row is unread would be wrong, not slow.
   */
  private fromRow(key: string): number | undefined {
    const rows = this.rows!;
    const row = rows.read[bucketOf(key, rows.buckets)];
    if (!row) throw new Error(`the stored row of "${key}" has not been read`);
    const i = findSorted(row.keyText, row.keyEnds, key);
    if (i < 0) return undefined;
    const k = this.newKey(key);
    this.dfs[k] = row.df[i]!;
    const start = i === 0 ? 0 : row.postingEnds[i - 1]!;
    if (start < row.postingEnds[i]!) this.lazyPostings.set(k, { rows, row, start, end: row.postingEnds[i]! });
    return k;
  }

  /**
   * Decodes key k's postings taken from its row (`fromRow`), if still to: their serials turned into
   * article numbers, those of articles gone skipped (as when taken at once: an article removed
   * since has no id, its postings skipped either way; no renumbering comes between, `compact`
   * decodes them all first).
   */
  private decoded(k: number): void {
    const lazy = this.lazyPostings.get(k);
    if (!lazy) return;
    this.lazyPostings.delete(k);
    const { rows, row, start, end } = lazy;
    for (let j = start; j < end; j++) {
      const doc = docOfSerial(rows, row.docs[j]!);
      if (doc >= 0 && this.ids[doc]) (this.postings[k] ??= new Postings()).push(doc, row.weights[j]!);
    }
  }

  /** Number of keys in the dictionary. */
  private get keyCount(): number {
    return (this.baseKeys?.ends.length ?? 0) + this.newKeys.length;
  }

  /** Every key, by number. */
  private keyList(): string[] {
    this.allFromRows();
    return this.baseKeys ? [...cut(this.baseKeys.text, this.baseKeys.ends), ...this.newKeys] : [...this.newKeys];
  }

  private keyNumber(key: string): number {
    return this.keyId(key) ?? this.newKey(key);
  }

  /**
   * One more article holds `key`. (Numbered first, then counted: `this.dfs[this.keyNumber(key)]++`
   * read `this.dfs` before `newKey` grew it, and the count of a key that grew it was lost in the old
   * array: its df one short, and an article built alone in the index found by it was not.)
   */
  private countKey(key: string): void {
    const k = this.keyNumber(key);
    this.dfs[k]!++;
  }

  /** Numbers `key`, which the index does not hold. */
  private newKey(key: string): number {
    const k = this.keyCount;
    this.keys.set(key, k);
    this.newKeys.push(key);
    if (k >= this.dfs.length) {
      const grown = new Int32Array(this.dfs.length * 2);
      grown.set(this.dfs);
      this.dfs = grown;
    }
    return k;
  }

  private idf(df: number): number {
    return Math.log(1 + Math.max(1, this.live) / Math.max(1, df));
  }

  /** The keys of `f` that point to it, with their counts: the most distinctive by tf · idf. */
  private postedKeys(f: ArticleFeatures): [string, number][] {
    const all = indexKeys(f).map(([k, c]): [string, number, number] => [k, c, (1 + Math.log(c)) * this.idf(this.df(k)) * keyBoost(k)]);
    all.sort((a, b) => b[2] - a[2]);
    return all.slice(0, POSTED_KEYS).map(([k, c]) => [k, c]);
  }

  /** Add or replace an article. */
  add(id: string, f: ArticleFeatures): void {
    if (!id) throw new Error('an article id is required');
    if (this.has(id)) this.remove(id);
    for (const key of new Set(statKeys(f))) {
      this.countKey(key);
      this.changedKeys.add(key);
    }
    const doc = this.ids.length;
    this.ids.push(id);
    this.serials.push(this.nextSerial++);
    this.setDoc(id, doc);
    this.live++;
    for (const [key, count] of this.postedKeys(f)) {
      this.ownPostings(this.keyNumber(key)).push(doc, Math.min(255, Math.round(count)));
      this.changedKeys.add(key);
    }
  }

  /**
   * Remove an article. Pass its features so document frequencies stay exact; without them they
   * drift slightly (the article's stems still count) until the next rebuild.
   */
  remove(id: string, f?: ArticleFeatures): boolean {
    const doc = this.docOf(id);
    if (doc === undefined) return false;
    this.setDoc(id, -1);
    this.ids[doc] = '';
    this.live--;
    this.deletedCount++;
    if (f) for (const key of new Set(statKeys(f))) {
      const k = this.keyId(key);
      if (k !== undefined && this.dfs[k]! > 0) this.dfs[k]!--;
      this.changedKeys.add(key);
    }
    if (this.deletedCount > 64 && this.deletedCount * 4 > this.ids.length) this.compact();
    return true;
  }

  /** Key k's postings: where they are and the range holding them (null: none). */
  private postingsOf(k: number): { docs: Uint32Array; weights: Uint8Array; start: number; end: number } | null {
    this.decoded(k);
    const p = this.postings[k];
    if (p) return { docs: p.docs, weights: p.weights, start: 0, end: p.length };
    const b = this.base;
    if (!b || k >= b.ends.length) return null;
    const start = k === 0 ? 0 : b.ends[k - 1]!;
    return start === b.ends[k] ? null : { docs: b.docs, weights: b.weights, start, end: b.ends[k]! };
  }

  /** Key k's own postings, to add to: those of the stored copy copied into them first. */
  private ownPostings(k: number): Postings {
    this.decoded(k);
    let p = this.postings[k];
    if (!p) {
      p = new Postings();
      const shared = this.base ? this.postingsOf(k) : null;
      for (let i = shared?.start ?? 0; i < (shared?.end ?? 0); i++) p.push(shared!.docs[i]!, shared!.weights[i]!);
      this.postings[k] = p;
    }
    return p;
  }

  /** Drop deleted articles from the postings and renumber. */
  compact(): void {
    if (this.deletedCount === 0) return; // Nothing to drop.
    // Decoded with the article numbers they were taken for, before these are renumbered.
    for (const k of [...this.lazyPostings.keys()]) this.decoded(k);
    if (this.base) {
      for (let k = 0; k < this.base.ends.length; k++) if (this.postingsOf(k)) this.ownPostings(k);
      this.base = null;
    }
    const renumber = new Int32Array(this.ids.length).fill(-1);
    const ids: string[] = [];
    const serials: number[] = [];
    this.ids.forEach((id, doc) => {
      if (id) {
        renumber[doc] = ids.length;
        ids.push(id);
        serials.push(this.serials[doc]!);
      }
    });
    if (this.rows) {
      const docs = this.rows.headDocs;
      for (let i = 0; i < docs.length; i++) if (docs[i]! >= 0) docs[i] = renumber[docs[i]!]!;
    }
    this.serials = serials;
    for (const p of this.postings) {
      if (!p) continue;
      p.compact((d) => renumber[d] === -1);
      for (let i = 0; i < p.length; i++) p.docs[i] = renumber[p.docs[i]!]!;
    }
    this.ids = ids;
    // Made again from the renumbered ids on first use (the packed ids carry the old numbers).
    this.numbers = null;
    this.packedIds = null;
    this.moved = new Map();
    this.deletedCount = 0;
  }

  /**
   * Ids of the stored articles most likely to match `query`, best first, at most `limit`.
   * `exclude` (the page itself when it is stored) is left out.
   */
  candidates(query: ArticleFeatures, limit = DEFAULT_CANDIDATES, exclude?: string): string[] {
    const n = this.ids.length;
    if (this.scratch.length < n) this.scratch = new Float32Array(Math.max(n, this.scratch.length * 2));
    const acc = this.scratch;
    const touched: number[] = [];
    const maxDf = Math.max(MIN_MAX_DF, this.live * MAX_DF_SHARE);
    const visit = (key: string, qCount: number, boost: number) => {
      const k = this.keyId(key);
      if (k === undefined) return;
      const df = this.dfs[k]!;
      // Frequency first: the postings of a key too frequent to count are not decoded (`decoded`).
      if (df > maxDf || df === 0) return;
      const p = this.postingsOf(k);
      if (!p) return;
      const w = this.idf(df) * (1 + Math.log(qCount)) * boost;
      const { docs, weights } = p;
      for (let i = p.start; i < p.end; i++) {
        const d = docs[i]!;
        if (acc[d] === 0) touched.push(d);
        acc[d]! += w * (1 + Math.log(weights[i]!));
      }
    };
    for (const [k, c] of indexKeys(query)) visit(k, c, keyBoost(k));
    // The page itself, by its id rather than `byId` (a stored copy's first request makes no map of 100,000 ids).
    const skip = (d: number) => exclude !== undefined && this.ids[d] === exclude;
    // The best `limit` by a bounded min-heap: touched articles can be tens of thousands at 100k,
    // and sorting them all cost more than the rest of a match.
    const heapDocs = new Int32Array(limit);
    const heapScores = new Float32Array(limit);
    let size = 0;
    const down = (i: number) => {
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < size && heapScores[l]! < heapScores[m]!) m = l;
        if (r < size && heapScores[r]! < heapScores[m]!) m = r;
        if (m === i) return;
        [heapScores[i], heapScores[m]] = [heapScores[m]!, heapScores[i]!];
        [heapDocs[i], heapDocs[m]] = [heapDocs[m]!, heapDocs[i]!];
        i = m;
      }
    };
    for (const d of touched) {
      const score = acc[d]!;
      acc[d] = 0;
      if (!this.ids[d] || skip(d) || limit === 0) continue;
      if (size < limit) {
        // Sift up.
        let i = size++;
        heapDocs[i] = d;
        heapScores[i] = score;
        while (i > 0) {
          const parent = (i - 1) >> 1;
          if (heapScores[parent]! <= heapScores[i]!) break;
          [heapScores[i], heapScores[parent]] = [heapScores[parent]!, heapScores[i]!];
          [heapDocs[i], heapDocs[parent]] = [heapDocs[parent]!, heapDocs[i]!];
          i = parent;
        }
      } else if (score > heapScores[0]!) {
        heapDocs[0] = d;
        heapScores[0] = score;
        down(0);
      }
    }
    const best = Array.from({ length: size }, (_, i): [number, number] => [heapDocs[i]!, heapScores[i]!]);
    best.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const floor = (best[0]?.[1] ?? 0) * MIN_CANDIDATE_SHARE;
    return best.filter(([, s]) => s >= floor).map(([d]) => this.ids[d]!);
  }

  /**
   * Resident size in bytes, counted from its parts: typed arrays at their capacity, strings at two
   * bytes a character plus V8's object and map-entry overheads (≈ 40 bytes per string, 24 per map
   * entry; an estimate, the benchmark also reports the heap growth).
   */
  bytes(): number {
    let b = this.dfs.byteLength + this.scratch.byteLength + this.postings.length * 8;
    for (const p of this.postings) if (p) b += p.docs.byteLength + p.weights.byteLength + 48;
    if (this.base) b += this.base.ends.byteLength + this.base.docs.byteLength + this.base.weights.byteLength;
    for (const k of this.keyList()) b += k.length * 2 + 40 + 24;
    for (const id of this.ids) b += id.length * 2 + 40 + 8;
    b += (this.numbers?.size ?? 0) * 24;
    if (this.baseKeys) b += this.baseKeys.ends.byteLength + this.baseKeys.order.byteLength;
    return b;
  }

  /**
   * A compact JSON string: the id and key dictionaries, document frequencies, and each posting
   * list delta-encoded as varints in base64, with a checksum so `deserialize` can refuse a
   * damaged copy.
   */
  serialize(): string {
    this.compact();
    const all = this.keyList();
    // In the order of the keys, not of their numbers: the numbering is the order keys were met in
    // (an index loaded from rows numbers them as they are used), the text the same for the same index.
    // Keys no article holds any more left out, as the rows leave them out (`bucketRow`).
    const order = all.map((_, k) => k).filter((k) => this.dfs[k] !== 0 || (this.postingsOf(k)?.end ?? 0) > (this.postingsOf(k)?.start ?? 0))
      .sort((a, b) => (all[a]! < all[b]! ? -1 : all[a]! > all[b]! ? 1 : 0));
    const keys = order.map((k) => all[k]!);
    const bytes: number[] = [];
    order.forEach((k) => {
      const p = this.postingsOf(k);
      varint(bytes, p ? p.end - p.start : 0);
      let prev = 0;
      for (let i = p?.start ?? 0; i < (p?.end ?? 0); i++) {
        varint(bytes, p!.docs[i]! - prev);
        prev = p!.docs[i]!;
        bytes.push(p!.weights[i]!);
      }
    });
    const postings = toBase64(Uint8Array.from(bytes));
    const body = { format: FORMAT, ids: this.ids, keys, df: order.map((k) => this.dfs[k]!), postings };
    const text = JSON.stringify(body);
    return JSON.stringify({ ...body, checksum: checksum(text) });
  }

  /**
   * The index as IndexedDB keeps it (`StoredCorpusIndex`): deleted articles dropped, the postings
   * of all keys end to end in three typed arrays.
   */
  store(): StoredCorpusIndex {
    this.compact();
    const keys = this.keyList();
    const postingEnds = new Uint32Array(keys.length);
    let total = 0;
    keys.forEach((_, k) => {
      const p = this.postingsOf(k);
      total += p ? p.end - p.start : 0;
      postingEnds[k] = total;
    });
    const docs = new Uint32Array(total);
    const weights = new Uint8Array(total);
    keys.forEach((_, k) => {
      const p = this.postingsOf(k);
      if (!p) return;
      const at = k === 0 ? 0 : postingEnds[k - 1]!;
      docs.set(p.docs.subarray(p.start, p.end), at);
      weights.set(p.weights.subarray(p.start, p.end), at);
    });
    const ends = (xs: string[]) => {
      const out = new Uint32Array(xs.length);
      let end = 0;
      xs.forEach((x, i) => (out[i] = end += x.length));
      return out;
    };
    // From the loaded copy's order, its keys already sorted: TimSort (V8's) merges the keys added since in linear time.
    const base = this.baseKeys ? Array.from(this.baseKeys.order) : [];
    const keyOrder = Uint32Array.from([...base, ...Array.from({ length: keys.length - base.length }, (_, i) => base.length + i)].sort((a, b) => (keys[a]! < keys[b]! ? -1 : 1)));
    const body = {
      format: STORED_FORMAT, idText: this.ids.join(''), idEnds: ends(this.ids), keyText: keys.join(''), keyEnds: ends(keys), keyOrder,
      df: this.dfs.slice(0, keys.length), postingEnds, docs, weights,
    } as const;
    return { ...body, checksum: storedChecksum(body) };
  }

  /**
   * Load a saved index: `store`'s form, or `serialize`'s text (what earlier versions kept); throws
   * `IndexCorruptError` on anything inconsistent.
   */
  static deserialize(data: unknown): CorpusIndex {
    return typeof data === 'string' ? CorpusIndex.parse(data) : CorpusIndex.fromStored(data);
  }

  private static fromStored(data: unknown): CorpusIndex {
    const d = data as Partial<StoredCorpusIndex> | null;
    if (!d || typeof d !== 'object' || d.format !== STORED_FORMAT) throw new IndexCorruptError('unknown index format');
    const { idText, idEnds, keyText, keyEnds, keyOrder, df, postingEnds, docs, weights } = d;
    if (typeof idText !== 'string' || typeof keyText !== 'string' || !isTyped(idEnds, 'Uint32Array') || !isTyped(keyEnds, 'Uint32Array') || !isTyped(keyOrder, 'Uint32Array') || !isTyped(df, 'Int32Array')
      || !isTyped(postingEnds, 'Uint32Array') || !isTyped(docs, 'Uint32Array') || !isTyped(weights, 'Uint8Array')) throw new IndexCorruptError('index fields are missing or malformed');
    const n = idEnds.length;
    const k = keyEnds.length;
    if (df.length !== k || keyOrder.length !== k || postingEnds.length !== k || docs.length !== weights.length || (n > 0 ? idEnds[n - 1] : 0) !== idText.length
      || (k > 0 ? keyEnds[k - 1] : 0) !== keyText.length || (k > 0 ? postingEnds[k - 1] : 0) !== docs.length) throw new IndexCorruptError('index fields do not agree');
    if (!rising(idEnds) || !rising(keyEnds) || !rising(postingEnds)) throw new IndexCorruptError('index fields do not agree');
    if (storedChecksum(d as StoredCorpusIndex) !== d.checksum) throw new IndexCorruptError('index checksum does not match');
    for (let i = 0; i < docs.length; i++) if (docs[i]! >= n) throw new IndexCorruptError('a posting points past the last article');
    const index = new CorpusIndex();
    index.ids = cut(idText, idEnds);
    if (index.ids.includes('')) throw new IndexCorruptError('an article id is empty');
    index.serials = index.ids.map((_, i) => i);
    index.nextSerial = n;
    index.numbers = null;
    index.live = n;
    index.baseKeys = { text: keyText, ends: keyEnds, order: keyOrder };
    if (!inOrder(index.baseKeys)) throw new IndexCorruptError('key numbers are missing or repeated in the key order');
    index.dfs = new Int32Array(Math.max(1024, k));
    index.dfs.set(df);
    index.base = { ends: postingEnds, docs, weights };
    return index;
  }

  /** Load `serialize`'s text. */
  private static parse(data: string): CorpusIndex {
    let raw: { format?: unknown; ids?: unknown; keys?: unknown; df?: unknown; postings?: unknown; checksum?: unknown };
    try {
      raw = JSON.parse(data);
    } catch {
      throw new IndexCorruptError('index is not JSON');
    }
    if (!raw || raw.format !== FORMAT) throw new IndexCorruptError('unknown index format');
    const { ids, keys, df, postings } = raw;
    if (!Array.isArray(ids) || !Array.isArray(keys) || !Array.isArray(df) || typeof postings !== 'string' || df.length !== keys.length
      || !ids.every((x) => typeof x === 'string' && x) || !keys.every((x) => typeof x === 'string')) throw new IndexCorruptError('index fields are missing or malformed');
    // The checksum is of the text before it (`serialize` writes it last): the body as written,
    // without writing the parsed body out again (tens of megabytes at 100,000 articles).
    const end = data.lastIndexOf(',"checksum":');
    if (end < 0 || checksum(`${data.slice(0, end)}}`) !== raw.checksum) throw new IndexCorruptError('index checksum does not match');
    const index = new CorpusIndex();
    index.ids = ids as string[];
    index.serials = index.ids.map((_, i) => i);
    index.nextSerial = index.ids.length;
    for (const [i, id] of index.ids.entries()) index.numbers!.set(id, i);
    if (index.numbers!.size !== index.ids.length) throw new IndexCorruptError('duplicate article ids');
    index.live = index.ids.length;
    index.dfs = new Int32Array(Math.max(1024, keys.length));
    (keys as string[]).forEach((k, i) => {
      index.keys.set(k, i);
      index.newKeys.push(k);
      index.dfs[i] = Number(df[i]);
    });
    let bytes: Uint8Array;
    try {
      bytes = fromBase64(postings);
    } catch {
      throw new IndexCorruptError('postings are not base64');
    }
    let pos = 0;
    const read = () => {
      let v = 0;
      let shift = 0;
      for (;;) {
        if (pos >= bytes.length) throw new IndexCorruptError('postings are truncated');
        const b = bytes[pos++]!;
        v += (b & 0x7f) * 2 ** shift;
        if (b < 0x80) return v;
        shift += 7;
      }
    };
    for (let k = 0; k < keys.length; k++) {
      const len = read();
      if (len === 0) continue;
      const p = new Postings();
      p.docs = new Uint32Array(len);
      p.weights = new Uint8Array(len);
      let doc = 0;
      for (let i = 0; i < len; i++) {
        doc += read();
        if (doc >= index.ids.length) throw new IndexCorruptError('a posting points past the last article');
        if (pos >= bytes.length) throw new IndexCorruptError('postings are truncated');
        p.docs[i] = doc;
        p.weights[i] = bytes[pos++]!;
      }
      p.length = len;
      index.postings[k] = p;
    }
    if (pos !== bytes.length) throw new IndexCorruptError('postings have trailing bytes');
    return index;
  }

  /** Every key of the stored rows taken in (`fromRow`): all rows must have been read. */
  private allFromRows(): void {
    const rows = this.rows;
    if (!rows) return;
    if (!this.complete) throw new Error('not every stored row of the index has been read');
    for (const row of rows.read) {
      for (const key of cut(row!.keyText, row!.keyEnds)) this.keyId(key);
    }
    this.rows = null;
  }

  /** Whether every stored row has been read (always, for an index not loaded from rows). */
  get complete(): boolean {
    return !this.rows || this.rows.missing === 0;
  }

  /**
   * The buckets whose rows must be read (`absorb`) before `keys` can be used: the candidates of a
   * page need its keys', grading them their keys' too. Empty once every row is read.
   */
  missingBuckets(keys: Iterable<string>): number[] {
    const rows = this.rows;
    if (!rows || rows.missing === 0) return [];
    const out = new Set<number>();
    for (const key of keys) {
      if (this.keys.has(key)) continue;
      const b = bucketOf(key, rows.buckets);
      if (!rows.read[b]) out.add(b);
    }
    return [...out];
  }

  /** Buckets not read yet, all of them (a background load reads them a page at a time). */
  unreadBuckets(): number[] {
    const rows = this.rows;
    if (!rows) return [];
    const out: number[] = [];
    for (let b = 0; b < rows.buckets; b++) if (!rows.read[b]) out.push(b);
    return out;
  }

  /**
   * Takes in stored rows of buckets `buckets` (as read: undefined when missing), each checked against
   * the head; a missing or damaged row throws `IndexCorruptError` (the index is rebuilt, never
   * answered from a row it cannot trust).
   */
  absorb(buckets: readonly number[], found: readonly unknown[]): void {
    const rows = this.rows;
    if (!rows) return;
    buckets.forEach((b, i) => {
      if (rows.read[b]) return;
      rows.read[b] = checkedRow(found[i], b, rows);
      rows.missing--;
    });
  }

  /**
   * The index as stored in rows (schema 12): its head (`StoredIndexHead`), the rows of the buckets
   * read whole or in part later. Throws `IndexCorruptError` on a damaged head.
   */
  static fromHead(data: unknown): CorpusIndex {
    const h = data as Partial<StoredIndexHead> | null;
    if (!h || typeof h !== 'object' || h.format !== ROWS_FORMAT) throw new IndexCorruptError('unknown index format');
    const { buckets, gen, idText, idEnds, serials, nextSerial } = h;
    if (typeof buckets !== 'number' || !Number.isInteger(buckets) || buckets < 1 || (buckets & (buckets - 1)) !== 0 || typeof gen !== 'number' || typeof nextSerial !== 'number'
      || typeof idText !== 'string' || !isTyped(idEnds, 'Uint32Array') || !isTyped(serials, 'Uint32Array')) throw new IndexCorruptError('index fields are missing or malformed');
    const n = idEnds.length;
    if (serials.length !== n || (n > 0 ? idEnds[n - 1] : 0) !== idText.length || !rising(idEnds)) throw new IndexCorruptError('index fields do not agree');
    for (let i = 0; i < n; i++) if (serials[i]! >= nextSerial || (i > 0 && serials[i]! <= serials[i - 1]!)) throw new IndexCorruptError('serials are out of order');
    if (headChecksum(h as StoredIndexHead) !== h.checksum) throw new IndexCorruptError('index checksum does not match');
    const index = new CorpusIndex();
    index.ids = cut(idText, idEnds);
    if (index.ids.includes('')) throw new IndexCorruptError('an article id is empty');
    index.numbers = null;
    const packed = packedIds(index.ids);
    if (packed) {
      for (let i = 1; i < packed.length; i++) if (Math.floor(packed[i]! / PACK) === Math.floor(packed[i - 1]! / PACK)) throw new IndexCorruptError('duplicate article ids');
      index.packedIds = packed;
    } else if (index.byId().size !== n) throw new IndexCorruptError('duplicate article ids');
    index.live = n;
    index.serials = Array.from(serials);
    index.nextSerial = nextSerial;
    // Article i of the head is article number i (`headDocs`: identity until a compaction).
    const headDocs = new Int32Array(n);
    for (let i = 0; i < n; i++) headDocs[i] = i;
    index.rows = { buckets, gen, read: new Array<StoredIndexRow | undefined>(buckets).fill(undefined), missing: buckets, headSerials: serials, headDocs, nextSerial };
    index.wholeOwed = false;
    return index;
  }

  /**
   * What to write since the last call: the keys changed, or every row (`whole`: the index was built
   * or replaced whole). Given back by `keepChanges` when the write failed.
   */
  takeChanges(): { keys: string[]; whole: boolean } {
    const taken = { keys: [...this.changedKeys], whole: this.wholeOwed };
    this.changedKeys = new Set();
    this.wholeOwed = false;
    return taken;
  }

  /** Whether the next write must be whole (`takeChanges`). */
  get owesWhole(): boolean {
    return this.wholeOwed;
  }

  keepChanges(changes: { keys: string[]; whole: boolean }): void {
    for (const key of changes.keys) this.changedKeys.add(key);
    if (changes.whole) this.wholeOwed = true;
  }

  /** The head of the index in rows (`StoredIndexHead`): its live articles and their serials, and the layout. */
  head(buckets: number, gen: number): StoredIndexHead {
    const ids: string[] = [];
    const serials: number[] = [];
    this.ids.forEach((id, doc) => {
      if (!id) return;
      ids.push(id);
      serials.push(this.serials[doc]!);
    });
    const ends = new Uint32Array(ids.length);
    let end = 0;
    ids.forEach((id, i) => (ends[i] = end += id.length));
    const body = { format: ROWS_FORMAT, buckets, gen, idText: ids.join(''), idEnds: ends, serials: Uint32Array.from(serials), nextSerial: this.nextSerial } as const;
    return { ...body, checksum: headChecksum(body) };
  }

  /**
   * The row of bucket `b` holding `keys` (those of the bucket: the keys of its stored row and those
   * changed since), as the index has them now; a key no article holds any more is left out.
   */
  bucketRow(b: number, keys: Iterable<string>, buckets: number, gen: number): StoredIndexRow {
    const sorted = [...new Set(keys)].filter((k) => bucketOf(k, buckets) === b).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    const kept: string[] = [];
    const df: number[] = [];
    const postingEnds: number[] = [];
    const docs: number[] = [];
    const weights: number[] = [];
    for (const key of sorted) {
      const k = this.keyId(key);
      if (k === undefined) continue;
      const p = this.postingsOf(k);
      const before = docs.length;
      for (let i = p?.start ?? 0; i < (p?.end ?? 0); i++) {
        const d = p!.docs[i]!;
        if (!this.ids[d]) continue;
        docs.push(this.serials[d]!);
        weights.push(p!.weights[i]!);
      }
      if (this.dfs[k] === 0 && docs.length === before) continue;
      kept.push(key);
      df.push(this.dfs[k]!);
      postingEnds.push(docs.length);
    }
    const keyEnds = new Uint32Array(kept.length);
    let end = 0;
    kept.forEach((k, i) => (keyEnds[i] = end += k.length));
    const body = { b, gen, keyText: kept.join(''), keyEnds, df: Int32Array.from(df), postingEnds: Uint32Array.from(postingEnds), docs: Uint32Array.from(docs), weights: Uint8Array.from(weights) };
    return { ...body, checksum: rowChecksum(body) };
  }

  /** Every key of the index by bucket (a whole write: `bucketRow` of each). */
  keysByBucket(buckets: number): string[][] {
    const out = Array.from({ length: buckets }, (): string[] => []);
    for (const key of this.keyList()) out[bucketOf(key, buckets)]!.push(key);
    return out;
  }

  /** Number of keys the index holds (the layout's bucket count is chosen from it: `bucketsFor`). */
  keyTotal(): number {
    this.allFromRows();
    return this.keyCount;
  }

  /** An index of `articles` (e.g. every stored article with its features). */
  static build(articles: Iterable<{ id: string; features: ArticleFeatures }>): CorpusIndex {
    const steps = CorpusIndex.building(articles);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /**
   * `build` in steps: yields after every `BUILD_STEP` articles of each of its two passes and
   * returns the index, so that a caller with other work to serve (the extension's background)
   * can give way between steps; the index is the same as `build`'s.
   */
  static *building(articles: Iterable<{ id: string; features: ArticleFeatures }>): Generator<void, CorpusIndex> {
    const list = [...articles];
    const index = new CorpusIndex();
    // Two passes: document frequencies first, so the keys each article posts are chosen with the
    // corpus's real rarity rather than by the order of insertion.
    for (const [i, a] of list.entries()) {
      for (const key of new Set(statKeys(a.features))) index.countKey(key);
      if (i % BUILD_STEP === BUILD_STEP - 1) yield;
    }
    index.live = list.length;
    const posted: [string, number][][] = [];
    for (const [i, a] of list.entries()) {
      posted.push(index.postedKeys(a.features));
      if (i % BUILD_STEP === BUILD_STEP - 1) yield;
    }
    index.dfs.fill(0);
    index.live = 0;
    for (const [i, a] of list.entries()) {
      if (index.byId().has(a.id)) index.remove(a.id);
      for (const key of new Set(statKeys(a.features))) index.countKey(key);
      const doc = index.ids.length;
      index.ids.push(a.id);
      index.serials.push(index.nextSerial++);
      index.byId().set(a.id, doc);
      index.live++;
      for (const [key, count] of posted[i]!) (index.postings[index.keyNumber(key)] ??= new Postings()).push(doc, Math.min(255, Math.round(count)));
      if (i % BUILD_STEP === BUILD_STEP - 1) yield;
    }
    return index;
  }
}

/** An id written as an integer (no sign, no leading zero): the ids `packedIds` packs. */
const INTEGER_ID = /^(0|[1-9]\d{0,9})$/;
/** Article numbers packed below this (`CorpusIndex.packedIds`). */
const PACK = 2 ** 20;

/** `ids` (article number i's at i) packed as `CorpusIndex.packedIds` and sorted, or null when one is not an integer below 2^32 or they are too many. */
function packedIds(ids: readonly string[]): Float64Array | null {
  if (ids.length >= PACK) return null;
  const packed = new Float64Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (!INTEGER_ID.test(id)) return null;
    const n = Number(id);
    if (n >= 2 ** 32) return null;
    packed[i] = n * PACK + i;
  }
  return packed.sort();
}

/** Articles per step of `CorpusIndex.building`: about a millisecond or two of work each. */
const BUILD_STEP = 64;

/** Base64 with the web platform's `btoa`/`atob` (also in Node): lib/ runs in the extension too, where there is no `Buffer`. */
function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

function varint(out: number[], v: number): void {
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
}

function checksum(s: string, seed = 0x811c9dc5): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** FNV-1a (as `checksum`) over a stored index's strings and the numbers of its arrays. */
function storedChecksum(d: Omit<StoredCorpusIndex, 'checksum'>): number {
  let h = checksum(d.keyText, checksum(d.idText));
  // A loop per kind of array (the same value as one loop over all): one loop over the three kinds
  // reads every element through a polymorphic access, most of a stored index's first load.
  h = mixUint32(mixUint32(mixUint32(h, d.idEnds), d.keyEnds), d.keyOrder);
  h = mixInt32(h, d.df);
  h = mixUint32(mixUint32(h, d.postingEnds), d.docs);
  return mixUint8(h, d.weights) >>> 0;
}

function mixUint32(h: number, xs: Uint32Array): number {
  for (let i = 0; i < xs.length; i++) h = Math.imul(h ^ xs[i]!, 0x01000193);
  return h;
}

function mixInt32(h: number, xs: Int32Array): number {
  for (let i = 0; i < xs.length; i++) h = Math.imul(h ^ xs[i]!, 0x01000193);
  return h;
}

function mixUint8(h: number, xs: Uint8Array): number {
  for (let i = 0; i < xs.length; i++) h = Math.imul(h ^ xs[i]!, 0x01000193);
  return h;
}

/** Whether `x` is a typed array of that kind (by its tag: a structured clone may come from another realm). */
function isTyped<T extends 'Uint32Array' | 'Int32Array' | 'Uint8Array'>(x: unknown, kind: T): x is T extends 'Uint8Array' ? Uint8Array : T extends 'Int32Array' ? Int32Array : Uint32Array {
  return Object.prototype.toString.call(x) === `[object ${kind}]`;
}

/** Key number k of a stored copy's keys against `key`, as `<` orders strings: negative when before it. */
function compareKey(keys: { text: string; ends: Uint32Array }, k: number, key: string): number {
  const start = k === 0 ? 0 : keys.ends[k - 1]!;
  const length = keys.ends[k]! - start;
  for (let i = 0; i < length && i < key.length; i++) {
    const d = keys.text.charCodeAt(start + i) - key.charCodeAt(i);
    if (d !== 0) return d;
  }
  return length - key.length;
}

/** The position of `key` among keys stored sorted (a row's), by binary search; -1 when absent. */
function findSorted(text: string, ends: Uint32Array, key: string): number {
  let lo = 0;
  let hi = ends.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = compareKey({ text, ends }, mid, key);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The number of `key` in a stored copy's keys, by binary search in their order (no string made). */
function findKey(keys: { text: string; ends: Uint32Array; order: Uint32Array }, key: string): number | undefined {
  let lo = 0;
  let hi = keys.order.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = compareKey(keys, keys.order[mid]!, key);
    if (c === 0) return keys.order[mid];
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/**
 * Whether a stored copy's key order lists every key number once. That each key comes after the one
 * before is not checked again on loading: `store` writes them sorted and the checksum says the
 * copy is the one it wrote (comparing 1.2 million keys of a 20,000-article index in place was
 * 0.3–0.9 s of every first load under load in Node, most of it).
 */
function inOrder(keys: { text: string; ends: Uint32Array; order: Uint32Array }): boolean {
  const { order } = keys;
  const seen = new Uint8Array(order.length);
  for (let i = 0; i < order.length; i++) {
    const k = order[i]!;
    if (k >= seen.length || seen[k]) return false;
    seen[k] = 1;
  }
  return true;
}

/** The article number of the head's article of serial `serial` (`LoadedRows`); -1 when the head lists none (an article gone) or it was dropped. */
function docOfSerial(rows: LoadedRows, serial: number): number {
  const serials = rows.headSerials;
  let lo = 0;
  let hi = serials.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = serials[mid]!;
    if (s === serial) return rows.headDocs[mid]!;
    if (s < serial) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Whether each of `ends` is at least the one before. */
function rising(ends: Uint32Array): boolean {
  for (let i = 1; i < ends.length; i++) if (ends[i]! < ends[i - 1]!) return false;
  return true;
}

/** `text` cut at `ends` (each piece ending where its end says; ends rising). */
function cut(text: string, ends: Uint32Array): string[] {
  const out = new Array<string>(ends.length);
  let start = 0;
  for (let i = 0; i < ends.length; i++) {
    const end = ends[i]!;
    out[i] = text.slice(start, end);
    start = end;
  }
  return out;
}
