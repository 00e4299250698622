/**
 * Export and import of the corpus over the format of `lib/corpus-io`. An import stores the
 * articles of one file in one transaction: if any write fails, none of that file's articles is
 * stored and the corpus stays as it was. Each imported article is analysed (`withAnalysis`) before
 * the transaction, and the saved ids come back with their features for the story index.
 */
import { fitToLimits, type ImportCandidate, type SkippedItem } from '../../lib/corpus-io';
import { exportHeader, FORMAT, portable, type KeptApartPairs } from '../../lib/corpus-io/format';
import type { ArticleFeatures } from '../../lib/match';
import { precomputedTerms, type CorpusDb } from './corpus-db';
import { articleTerms } from './word-index';
import { bumpCorpusVersion, corpusTables, saveArticle } from './corpus';
import { countWords, readableArticle, type NewArticle, type StoredArticle } from './article-record';
import { withAnalysis } from './analysis';
import { addKeptApart, keptApartPairs } from './kept-apart';
import { declaredIdentity } from './identity';
import { giveWay, SLICE_MS } from '../give-way';

/** Stored articles to export, oldest saved first: all of them, or those of `ids` that exist. */
export async function articlesToExport(db: CorpusDb, ids?: number[]): Promise<StoredArticle[]> {
  const stored = await db.articles.bulkGet(await exportOrder(db, ids));
  return stored.map((a) => (a ? readableArticle(a) : null)).filter((a): a is StoredArticle => a !== null);
}

export interface ImportResult {
  added: number;
  updated: number;
  /** What was stored, for the story index. */
  saved: { id: number; features: ArticleFeatures }[];
  /** Articles left as stored: the file's text had lost most of the stored one's words. */
  kept: SkippedItem[];
}

/** The record to store for an imported article; dates the file does not give are the import's. */
export function toRecord(candidate: ImportCandidate, now: Date): NewArticle & { analysis: { match: ArticleFeatures } } {
  const a = candidate.article;
  const iso = now.toISOString();
  // A file may come from anywhere: its declared addresses follow the rule of a page's.
  const identity = declaredIdentity(a.url, a.canonicalUrl);
  return withAnalysis({
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
  });
}


/**
 * Stores the given articles (a file, or one part of it), all or none, with the file's "not the same
 * event" judgements between them: an article stored already (same URL, or canonical URL on its
 * site) is updated (keeping its id, first-saved date and earlier text as a version) unless the
 * file's text lost most of its words; the others are added. A failed write rejects, with nothing stored.
 */
export async function importArticles(db: CorpusDb, candidates: ImportCandidate[], now = new Date(), keptApart: KeptApartPairs = [], onProgress?: (analysed: number) => void): Promise<ImportResult> {
  return storeImported(db, await analyseForImport(candidates, now, onProgress), candidates, keptApart);
}

/** An imported article's record, analysed. */
export type ImportRecord = ReturnType<typeof toRecord>;

/**
 * The records of an import, analysed (features and words) before its transaction, which must not
 * wait on anything but the database, in slices that give way to other requests: no request waits
 * more than a slice. `onProgress` is told how many are analysed after each slice.
 */
export async function analyseForImport(candidates: ImportCandidate[], now: Date, onProgress?: (analysed: number) => void): Promise<ImportRecord[]> {
  const records: ImportRecord[] = [];
  let sliceStart = performance.now();
  for (const candidate of candidates) {
    const record = toRecord(candidate, now);
    precomputedTerms.set(record, articleTerms(record));
    records.push(record);
    if (performance.now() - sliceStart > SLICE_MS) {
      onProgress?.(records.length);
      await giveWay();
      sliceStart = performance.now();
    }
  }
  onProgress?.(records.length);
  return records;
}

/** Stores analysed records (`analyseForImport`) of `candidates` (same order), all or none: see `importArticles`. */
export function storeImported(db: CorpusDb, records: ImportRecord[], candidates: ImportCandidate[], keptApart: KeptApartPairs = []): Promise<ImportResult> {
  return db.transaction('rw', corpusTables(db), async () => {
    if (keptApart.length > 0) await addKeptApart(db, keptApart);
    const result: ImportResult = { added: 0, updated: 0, saved: [], kept: [] };
    // Articles that can be no other (no stored article, nor another of this import, has their
    // address or canonical address) are added at once; the others go through `saveArticle`.
    const keysOf = (r: NewArticle) => (r.canonicalUrl ? [r.url, r.canonicalUrl] : [r.url]);
    const seen = new Map<string, number>();
    for (const k of records.flatMap(keysOf)) seen.set(k, (seen.get(k) ?? 0) + 1);
    const keys = [...seen.keys()];
    const stored = await Promise.all([db.articles.where('url').anyOf(keys).keys(), db.articles.where('canonicalUrl').anyOf(keys).keys()]);
    const taken = new Set([...stored.flat().map(String), ...keys.filter((k) => seen.get(k)! > 1)]);
    const alone = records.filter((r) => !keysOf(r).some((k) => taken.has(k)));
    if (alone.length > 0) {
      const ids = (await db.articles.bulkAdd(alone, { allKeys: true })) as number[];
      alone.forEach((r, i) => result.saved.push({ id: ids[i]!, features: r.analysis.match }));
      result.added += alone.length;
      await bumpCorpusVersion(db);
    }
    const first = new Set(alone);
    for (const [i, record] of records.entries()) {
      if (first.has(record)) continue;
      const { id, created, keptStored } = await saveArticle(db, record);
      if (keptStored) {
        result.kept.push({ item: candidates[i]!.item, reason: 'has less than half the words of the stored article of the same address, which was kept' });
        continue;
      }
      if (created) result.added++;
      else result.updated++;
      result.saved.push({ id, features: record.analysis.match });
    }
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
