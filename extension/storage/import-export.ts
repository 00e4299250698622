/**
 * Export and import of the corpus over the format of `lib/corpus-io`. An import stores its
 * articles in chunks of at most `MAX_IMPORT_PART_ARTICLES` (and `IMPORT_CHUNK_CHARS` of text),
 * each chunk all or none in its own transaction (with one look-up of the stored articles, one
 * bulk write and the corpus version bumped), giving way to other requests between chunks, so that
 * no request waits long behind an import (issue 20, item 5). A failure stops the import there:
 * the chunks stored before it stay, and `ImportInterrupted` says how many articles they hold.
 * Each imported article's words are computed before its chunk's transaction (for a part of a
 * file, while the previous part is written: `ImportOptions.after`); its same-story features are
 * not: it is stored marked pending (`featuresLater`), and the background's preparation queue
 * computes them afterwards (entrypoints/background/preparation.ts).
 */
import Dexie from 'dexie';
import { fitToLimits, type ImportCandidate, type SkippedItem } from '../../lib/corpus-io';
import { MAX_IMPORT_MESSAGE_BYTES, MAX_IMPORT_PART_ARTICLES, type ImportTimings } from '../protocol';
import { exportHeader, FORMAT, portable, type KeptApartPairs } from '../../lib/corpus-io/format';
import { batchOf, featuresLater, termsInBatch, wordStoreOf, type CorpusDb } from './corpus-db';
import { BatchRun, writeBatchRun } from './word-index';
import { bumpCorpusVersionFrom, CORPUS_VERSION, corpusTables, corpusVersionOf, existingAmong, saveArticle, updateOf } from './corpus';
import { countWords, readableArticle, type NewArticle, type StoredArticle } from './article-record';
import type { ArticleVersion } from './corpus-db';
import { addKeptApart, keptApartPairs } from './kept-apart';
import { declaredIdentity } from './identity';
import { giveWay, sliceTurns } from '../give-way';
import { wordsLaterOf, wordsLaterRow } from './words-later';

/** Stored articles to export, oldest saved first: all of them, or those of `ids` that exist. */
export async function articlesToExport(db: CorpusDb, ids?: number[]): Promise<StoredArticle[]> {
  const stored = await db.articles.bulkGet(await exportOrder(db, ids));
  return stored.map((a) => (a ? readableArticle(a) : null)).filter((a): a is StoredArticle => a !== null);
}

export interface ImportResult {
  added: number;
  updated: number;
  /** The ids of the stored articles updated (their features, now stale, are to be prepared again). */
  updatedIds: number[];
  /** Articles left as stored: the file's text had lost most of the stored one's words. */
  kept: SkippedItem[];
  /** Where the time went (summed over the chunks), for the import benchmark. */
  timings: Omit<ImportTimings, 'checkMs' | 'storiesMs' | 'totalMs'>;
}

/** The record to store for an imported article; dates the file does not give are the import's. */
export function toRecord(candidate: ImportCandidate, now: Date): NewArticle {
  const a = candidate.article;
  const iso = now.toISOString();
  // A file may come from anywhere: its declared addresses follow the rule of a page's.
  const identity = declaredIdentity(a.url, a.canonicalUrl);
  return {
    url: a.url,
    canonicalUrl: identity.canonicalUrl,
    declaredCopyOf: identity.declaredCopyOf ?? a.declaredCopyOf ?? null,
    title: a.title,
    byline: a.byline,
    site: a.site,
    language: a.language,
    publishedTime: a.publishedTime,
    savedAt: a.savedAt ?? iso,
    updatedAt: a.updatedAt ?? a.savedAt ?? iso,
    text: a.text,
    paragraphs: a.paragraphs,
    wordCount: countWords(a.text),
    origin: a.origin,
  };
}

/**
 * Characters of text stored in one transaction, at most (an article longer than this goes alone):
 * no more than one message of the corpus page carries (`MAX_IMPORT_MESSAGE_BYTES`, each character
 * at least a byte), so that a part the page sends is stored in one transaction, all or none.
 */
export const IMPORT_CHUNK_CHARS = MAX_IMPORT_MESSAGE_BYTES;

/**
 * Where the pages of `items` start and end: at most `maxItems` items and `maxChars` characters
 * (`chars` of each) a page, an item longer than that alone.
 */
export function* pagesOf<T>(items: readonly T[], maxItems: number, maxChars: number, chars: (item: T) => number): Generator<[start: number, end: number]> {
  let start = 0;
  let total = 0;
  for (let i = 0; i < items.length; i++) {
    const length = chars(items[i]!);
    if (i > start && (i - start >= maxItems || total + length > maxChars)) {
      yield [start, i];
      start = i;
      total = 0;
    }
    total += length;
  }
  if (start < items.length) yield [start, items.length];
}

const textLength = (text: unknown) => (typeof text === 'string' ? text.length : 0);

/** Where the chunks of an import start and end: at most `maxArticles` articles and `IMPORT_CHUNK_CHARS` characters of text each. */
export function importChunks(candidates: readonly ImportCandidate[], maxArticles = MAX_IMPORT_PART_ARTICLES): Generator<[start: number, end: number]> {
  return pagesOf(candidates, maxArticles, IMPORT_CHUNK_CHARS, (c) => textLength(c.article.text));
}

/**
 * The most articles, and characters of their texts, of one write of a chunk's transaction: a write
 * copies its records (structured clone) and the middleware makes and puts their derived rows
 * (corpus-db.ts) in one task of the event loop, which held every request behind it (a chunk of 200
 * articles in one write was a task of ~100 ms in Chromium; issue 20, item 5). The pages are
 * written one after another in the same transaction: the chunk stays all or none.
 */
export const WRITE_PAGE_ARTICLES = 50;
export const WRITE_PAGE_CHARS = 1 << 20;

/**
 * An import stopped by a failure after some of its chunks were stored: those stay (`stored` says
 * what they did, `done` how many of the `total` articles they held, from the first), the rest
 * was not stored. `cause` is the failure.
 */
export class ImportInterrupted extends Error {
  constructor(readonly stored: ImportResult, readonly done: number, readonly total: number, override readonly cause: unknown) {
    super(`Import stopped after ${done} of ${total} articles: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'ImportInterrupted';
  }
}

export interface ImportOptions {
  /** Called after each chunk is stored (awaited before the next): what it stored, and how many articles are done from the first. */
  onStored?: (chunk: ImportResult, done: number) => Promise<void> | void;
  /** The most articles of one chunk (tests make it small). */
  chunkArticles?: number;
  /** The most articles of one write in a chunk's transaction (`WRITE_PAGE_ARTICLES` unless said; tests make it small). */
  pageArticles?: number;
  /**
   * Stored only after this settles (an earlier part of the same file, still being stored): the
   * first chunk is analysed meanwhile, so that its words are computed while the database writes
   * the earlier part. If it rejects, nothing is stored and the import rejects with `EarlierPartFailed`.
   */
  after?: Promise<unknown>;
  /**
   * The articles' words indexed after the import (words-later.ts) instead of in its chunks: each
   * chunk lists the ids it wrote for the job that indexes them, in its own transaction, and a
   * search says how many articles it could not look in until then. The background's imports.
   */
  wordsLater?: boolean;
}

/** An import part not stored because an earlier part of its file failed (`ImportOptions.after`): the file stops at the first failure. */
export class EarlierPartFailed extends Error {
  constructor(override readonly cause: unknown) {
    super('An earlier part of the file could not be stored');
    this.name = 'EarlierPartFailed';
  }
}

/**
 * Stores the given articles (a file, or one part of it) in chunks, each all or none (see the
 * module), with the file's "not the same event" judgements between them (with the first chunk):
 * an article stored already (same URL, or canonical URL on its site) is updated (keeping its id,
 * first-saved date and earlier text as a version) unless the file's text lost most of its words;
 * the others are added. A failure of the first chunk rejects with the failure, nothing stored; of
 * a later one, with `ImportInterrupted`. Each chunk is analysed just before it is stored: a
 * large import holds one chunk's records at a time.
 */
export async function importArticles(db: CorpusDb, candidates: ImportCandidate[], now = new Date(), keptApart: KeptApartPairs = [], options: ImportOptions = {}): Promise<ImportResult> {
  return storeInChunks(db, candidates, keptApart, options, (part) => analyseForImport(part, now, undefined, options.wordsLater));
}

/**
 * The slices of an import's analysis, shorter than other work's: it runs while the previous part's
 * transaction is under way (see `ImportOptions.after`), whose every step waits for a turn of the
 * event loop, and the tables it holds are locked until its last step.
 */
export const ANALYSIS_SLICE_MS = 10;

/** An imported article's record, its words computed. */
export type ImportRecord = ReturnType<typeof toRecord>;

/**
 * The records of an import, their words computed before their transaction, which must not wait on
 * anything but the database, in slices that give way to other requests: no request waits more
 * than a slice. Their features are left to the preparation queue (`featuresLater`). `onProgress`
 * is told how many are done after each slice.
 */
export async function analyseForImport(candidates: ImportCandidate[], now: Date, onProgress?: (analysed: number) => void, wordsLater = false): Promise<ImportRecord[]> {
  const records: ImportRecord[] = [];
  const turn = sliceTurns(ANALYSIS_SLICE_MS);
  if (wordsLater) {
    // Words indexed after the import (`ImportOptions.wordsLater`): the records alone.
    for (const candidate of candidates) {
      const record = toRecord(candidate, now);
      featuresLater.add(record);
      wordsLaterOf.add(record);
      records.push(record);
    }
    onProgress?.(records.length);
    return records;
  }
  // Their words go into one run for the chunk, built here rather than in its transaction (`storeChunk` gives them their ids).
  let chars = 0;
  for (const { article: a } of candidates) chars += (a.text?.length ?? 0) + (a.title?.length ?? 0) + (a.site?.length ?? 0) + (a.url?.length ?? 0);
  const batch = new BatchRun(chars);
  for (const candidate of candidates) {
    const record = toRecord(candidate, now);
    batchOf.set(record, { batch, index: batch.add(record) });
    featuresLater.add(record);
    records.push(record);
    const wait = turn();
    if (wait) {
      onProgress?.(records.length);
      await wait;
    }
  }
  // Their run made ahead too, in slices: the transaction only gives it the ids.
  await batch.prepare(turn);
  onProgress?.(records.length);
  return records;
}

/** Stores analysed records (`analyseForImport`) of `candidates` (same order), in chunks: see `importArticles`. */
export function storeImported(db: CorpusDb, records: ImportRecord[], candidates: ImportCandidate[], keptApart: KeptApartPairs = [], options: ImportOptions = {}): Promise<ImportResult> {
  return storeInChunks(db, candidates, keptApart, options, async (_, start, end) => records.slice(start, end));
}

const noResult = (): ImportResult => ({ added: 0, updated: 0, updatedIds: [], kept: [], timings: { analysisMs: 0, waitMs: 0, lookupMs: 0, writeMs: 0 } });

async function storeInChunks(
  db: CorpusDb, candidates: ImportCandidate[], keptApart: KeptApartPairs, options: ImportOptions,
  analyse: (part: ImportCandidate[], start: number, end: number) => Promise<ImportRecord[]>,
): Promise<ImportResult> {
  const result = noResult();
  const chunks = [...importChunks(candidates, options.chunkArticles)];
  // Judgements alone (a file of them only) are stored too.
  if (chunks.length === 0 && keptApart.length > 0) chunks.push([0, 0]);
  for (const [k, [start, end]] of chunks.entries()) {
    const part = candidates.slice(start, end);
    const analysisStart = performance.now();
    const records = await analyse(part, start, end);
    const analysisMs = performance.now() - analysisStart;
    if (k === 0 && options.after) {
      try {
        await options.after;
      } catch (error) {
        throw new EarlierPartFailed(error);
      }
    }
    let chunk: ImportResult;
    const storeStart = performance.now();
    try {
      chunk = await storeChunk(db, records, part, k === 0 ? keptApart : [], options);
    } catch (error) {
      if (start === 0) throw error;
      throw new ImportInterrupted(result, start, candidates.length, error);
    }
    // To the commit.
    chunk.timings.writeMs = performance.now() - storeStart - chunk.timings.lookupMs - (chunk.timings.waitMs ?? 0);
    chunk.timings.analysisMs = analysisMs;
    result.added += chunk.added;
    result.updated += chunk.updated;
    result.updatedIds.push(...chunk.updatedIds);
    result.kept.push(...chunk.kept);
    for (const key of Object.keys(result.timings) as (keyof ImportResult['timings'])[]) result.timings[key] = (result.timings[key] ?? 0) + (chunk.timings[key] ?? 0);
    await options.onStored?.(chunk, end);
    // Other requests (a save, the panel, the corpus page) are answered between two chunks.
    if (k < chunks.length - 1) await giveWay();
  }
  return result;
}

const keysOf = (r: NewArticle) => (r.canonicalUrl ? [r.url, r.canonicalUrl] : [r.url]);

/**
 * The ids stored under each of `keys` in each of `indexes` of `articles` (`found[x * keys.length + i]`
 * for index x and key i), every request sent at once on the chunk's own IndexedDB transaction, in
 * one task and one round trip. Through Dexie (`where().equals().primaryKeys()`) a request cost
 * ~0.27 ms of the worker to send, so they went a page of 50 addresses at a time: four round trips
 * a chunk, each answer waiting behind the next part's analysis. Measured in Chromium at 10,000
 * articles (load 7–10, alternated): the look-ups' summed time 4.2–4.8 s before, 2.4–2.9 s after;
 * without any look-up at all the import took a fifth less time. Settles as a Dexie promise, so the
 * code after it stays in the transaction's zone.
 */
function idsAtOnce(transaction: IDBTransaction, indexes: string[], keys: string[]): Promise<number[][]> {
  return new Dexie.Promise<number[][]>((resolve, reject) => {
    const found: number[][] = new Array(indexes.length * keys.length);
    let left = found.length;
    const articles = transaction.objectStore('articles');
    indexes.forEach((name, x) => {
      const index = articles.index(name);
      keys.forEach((key, i) => {
        const request = index.getAllKeys(key);
        request.onsuccess = () => {
          found[x * keys.length + i] = request.result as number[];
          if (--left === 0) resolve(found);
        };
        // The transaction aborts with it (the chunk is all or none).
        request.onerror = () => reject(request.error);
      });
    });
  });
}

/**
 * The stored articles whose address or canonical address is one of `keys`, each once: every key
 * looked up in both indexes by requests sent at once on the transaction under way (`idsAtOnce`),
 * the records then read together, only those found (an import of new articles reads none), in the
 * order of the indexes then of the keys.
 */
async function storedAt(db: CorpusDb, keys: string[]): Promise<StoredArticle[]> {
  if (keys.length === 0) return [];
  const transaction = Dexie.currentTransaction?.idbtrans;
  if (!transaction) throw new Error('storedAt: called outside a transaction');
  const found = await idsAtOnce(transaction, ['url', 'canonicalUrl'], keys);
  const ids = [...new Set(found.flat())];
  return ids.length === 0 ? [] : (await db.articles.bulkGet(ids)).filter((a): a is StoredArticle => a !== undefined);
}

/**
 * Stores one chunk in one transaction, the corpus version bumped with it: one look-up of the
 * stored articles any record may be, then the new articles added, the stored ones updated and
 * their replaced texts kept as versions, in bulk writes of a page each (`WRITE_PAGE_ARTICLES`). Records that share an address
 * with another of the chunk, or are the same stored article as another, go one by one through
 * `saveArticle` after those, in the file's order (the later updates the earlier).
 */
function storeChunk(db: CorpusDb, records: ImportRecord[], candidates: ImportCandidate[], keptApart: KeptApartPairs, { pageArticles = WRITE_PAGE_ARTICLES }: ImportOptions): Promise<ImportResult> {
  // `meta` only for the file's judgements (the first chunk's): its readers do not wait for the others.
  return db.transaction('rw', [...corpusTables(db), db.wordRuns, db.wordParts, ...(keptApart.length > 0 ? [db.meta] : [])], async () => {
    const result = noResult();
    // Its first request waits for the transaction to start (told apart from the look-up) and reads
    // the corpus version the chunk moves on from.
    const waitStart = performance.now();
    const version = corpusVersionOf(await db.corpusVersion.get(CORPUS_VERSION));
    result.timings.waitMs = performance.now() - waitStart;
    if (keptApart.length > 0) await addKeptApart(db, keptApart);
    const lookupStart = performance.now();
    const seen = new Map<string, number>();
    for (const k of records.flatMap(keysOf)) seen.set(k, (seen.get(k) ?? 0) + 1);
    const keys = [...seen.keys()];
    const stored = await storedAt(db, keys);
    const found = records.map((r) => (keysOf(r).some((k) => seen.get(k)! > 1) ? null : existingAmong(r, stored) ?? false));
    const claims = new Map<number, number>();
    for (const f of found) if (f) claims.set(f.id, (claims.get(f.id) ?? 0) + 1);
    result.timings.lookupMs = performance.now() - lookupStart;

    const added: ImportRecord[] = [];
    const updated: (ImportRecord & { id: number })[] = [];
    const versions: Omit<ArticleVersion, 'id'>[] = [];
    /** Per record: added (index in `added`), updated (its id), kept as stored, or left for `saveArticle`. */
    const outcome: ({ added: number } | { id: number } | 'kept' | 'one by one')[] = records.map((record, i) => {
      const f = found[i] as StoredArticle | false | null;
      if (f === null || (f && claims.get(f.id)! > 1)) return 'one by one';
      if (f === false) return { added: added.push(record) - 1 };
      const update = updateOf(f, record);
      if (!update) return 'kept';
      if (batchOf.has(record) || wordsLaterOf.has(record)) termsInBatch.add(update.article);
      updated.push(update.article);
      if (update.version) versions.push(update.version);
      return { id: f.id };
    });
    for (const record of added) if (batchOf.has(record) || wordsLaterOf.has(record)) termsInBatch.add(record);
    if (versions.length > 0) await db.versions.bulkAdd(versions as ArticleVersion[]);
    // A page at a time (`WRITE_PAGE_ARTICLES`), each write a task of its own.
    const pages = (records: NewArticle[]) => pagesOf(records, pageArticles, WRITE_PAGE_CHARS, (r) => textLength(r.text));
    for (const [start, end] of pages(updated)) await db.articles.bulkPut(updated.slice(start, end));
    const ids: number[] = [];
    for (const [start, end] of pages(added)) ids.push(...((await db.articles.bulkAdd(added.slice(start, end), { allKeys: true })) as number[]));
    // The words of the articles written above, one run per batch they were analysed in (one, but for records analysed apart).
    const idsIn = new Map<BatchRun, Map<number, number>>();
    outcome.forEach((o, i) => {
      const at = batchOf.get(records[i]!);
      if (!at || typeof o === 'string') return;
      if (!idsIn.has(at.batch)) idsIn.set(at.batch, new Map());
      idsIn.get(at.batch)!.set(at.index, 'added' in o ? ids[o.added]! : o.id);
    });
    for (const [batch, byIndex] of idsIn) await writeBatchRun(wordStoreOf((name) => db.table(name)), batch, (k) => byIndex.get(k) ?? null);
    // The ids of the articles written above whose words are indexed later, for the job that does it (words-later.ts).
    const later: number[] = [];
    outcome.forEach((o, i) => {
      if (typeof o !== 'string' && wordsLaterOf.has(records[i]!)) later.push('added' in o ? ids[o.added]! : o.id);
    });
    let changed = added.length + updated.length > 0;
    const keptReason = 'has less than half the words of the stored article of the same address, which was kept';
    for (const [i, record] of records.entries()) {
      const o = outcome[i]!;
      if (o === 'kept') {
        result.kept.push({ item: candidates[i]!.item, reason: keptReason });
      } else if (o === 'one by one') {
        const { id, created, keptStored } = await saveArticle(db, record);
        if (keptStored) {
          result.kept.push({ item: candidates[i]!.item, reason: keptReason });
          continue;
        }
        changed = true;
        if (created) result.added++;
        else result.updatedIds.push(id);
      } else if ('added' in o) {
        result.added++;
      } else {
        result.updatedIds.push(o.id);
      }
    }
    // The version and the row of words to index put together, from the version read first (a
    // record saved one by one above moved it already: then from there).
    if (changed) await bumpCorpusVersionFrom(db, version, (moved) => (later.length > 0 ? [wordsLaterRow(moved, later)] : []));
    result.updated = result.updatedIds.length;
    return result;
  });
}

/**
 * The most characters of one export part. A message between extension pages and the background
 * is limited to 64 MiB of JSON; a part's text is escaped once more in the message (every `"` of
 * the JSON becomes `\"`) and a character may take 3 bytes, so 8 million characters stay well
 * under the limit in the worst case.
 */
export const EXPORT_PART_CHARS = 8_000_000;

export interface ExportPart {
  /** Text chunks of this part, in order (each about 1 MB). */
  chunks: string[];
  /** Articles in the whole export. */
  count: number;
  /** Where the next part starts (pass it as `from`), or null when this part is the last. */
  next: number | null;
}

export interface ExportPartRequest {
  format: 'json' | 'jsonl';
  ids?: number[];
  /** Position in the export of the part's first article (0 for the first part). */
  from?: number;
  /** The export's date, written in its header (the same for every part). */
  now: Date;
  partChars?: number;
}

/** The judgements between exported articles (none read unless some are stored: they are few). */
async function keptApartOfExport(db: CorpusDb, order: number[]): Promise<KeptApartPairs> {
  const pairs = await keptApartPairs(db);
  if (pairs.length === 0) return [];
  const exported = new Set(order);
  const judged = await db.articles.where('url').anyOf(pairs.flat()).toArray();
  const urls = new Set(judged.filter((a) => exported.has(a.id)).map((a) => a.url));
  return pairs.filter(([a, b]) => urls.has(a) && urls.has(b));
}

/**
 * The ids to export, in export order (oldest saved first; a record without its saved date last,
 * never left out): all, or those of `ids` that exist.
 */
async function exportOrder(db: CorpusDb, ids?: number[]): Promise<number[]> {
  const dated = (await db.articles.orderBy('savedAt').primaryKeys()) as number[];
  const listed = new Set(dated);
  const order = [...dated, ...((await db.articles.toCollection().primaryKeys()) as number[]).filter((id) => !listed.has(id))];
  if (ids === undefined) return order;
  const wanted = new Set(ids);
  return order.filter((id) => wanted.has(id));
}

/**
 * One part of an export, so that a corpus larger than a message exports whole: the page asks for
 * parts from 0 until `next` is null and puts their chunks together in one `Blob`. The parts put
 * together are exactly `serializeCorpus` (JSON) or the lines of `serializeCorpusLines` (JSONL) of
 * the same articles; the articles are read a batch at a time, never all at once.
 */
export async function exportPart(db: CorpusDb, request: ExportPartRequest): Promise<ExportPart> {
  const order = await exportOrder(db, request.ids);
  const count = order.length;
  const limit = request.partChars ?? EXPORT_PART_CHARS;
  const from = Math.max(0, request.from ?? 0);
  const chunks: string[] = [];
  let chunk = '';
  let size = 0;
  const write = (s: string) => {
    chunk += s;
    size += s.length;
    if (chunk.length >= 1_000_000) {
      chunks.push(chunk);
      chunk = '';
    }
  };
  if (from === 0) {
    const header = exportHeader({ now: request.now, keptApart: await keptApartOfExport(db, order) });
    write(request.format === 'json'
      ? `${JSON.stringify({ ...header, count }).slice(0, -1)},"articles":[\n`
      : `${JSON.stringify({ ...header, stream: 'jsonl' })}\n`);
  }
  let at = from;
  // Articles before this part were written by earlier parts (a JSON separator is due), or by this one.
  let written = from > 0;
  // At least one article per part, however long, so that every export ends.
  while (at < count && (at === from || size < limit)) {
    const batch = await db.articles.bulkGet(order.slice(at, at + 50));
    for (const article of batch) {
      if (at > from && size >= limit) break;
      at++;
      // An article deleted since the export began, or damaged past reading, is left out (the file's count then tells it).
      const readable = article ? readableArticle(article) : null;
      if (!readable) continue;
      const line = JSON.stringify(portable(fitToLimits(readable)));
      write(request.format === 'json' ? `${written ? ',\n' : ''}${line}` : `${line}\n`);
      written = true;
    }
  }
  const last = at >= count;
  if (last) write(request.format === 'json' ? '\n]}\n' : `${JSON.stringify({ end: FORMAT, count })}\n`);
  if (chunk) chunks.push(chunk);
  return { chunks, count, next: last ? null : at };
}
