/**
 * Words indexed after an import (issue 16, item 6). Building an imported article's postings and
 * writing them was about half of what a bulk import cost (the worker's time, and more than half of
 * the bytes the database writes: at 10,000 articles the word index's parts weigh about twice the
 * texts), so the background's import stores the articles alone, their words marked to index later
 * (`wordsLaterOf`: the write removes the postings of the text it replaces, adds none), and each
 * chunk's transaction keeps the ids it wrote in a row of the `corpusVersion` table
 * (`wordsLater:<corpus version>`, no new table: schema 14 unchanged). Right after the import the
 * preparation queue indexes them a row at a time (`indexWordsLater`): the records read, their run
 * made in slices that give way, then written in a transaction that reads the records again and
 * leaves out any deleted or written again meanwhile (a later write indexed its own words, or listed
 * them again), with the row taken away. The run written is exactly the one the import would have
 * written (`BatchRun` over the same records, in id order) and removes the postings of its articles
 * in older runs, so a later save's run of the same words never counts twice. Until then a search
 * does not find those articles, and says how many it could not look in (`unindexedAmong`).
 *
 * @module
 */
import Dexie from 'dexie';
import { readableArticle, type StoredArticle } from './article-record';
import { wordStoreOf, type CorpusDb, type MetaEntry } from './corpus-db';
import { BatchRun, RUN_POLICY, writeBatchRun } from './word-index';

/** Records whose words are indexed after their write (an import's, `ImportOptions.wordsLater`). */
export const wordsLaterOf = new WeakSet<object>();

const PREFIX = 'wordsLater:';
/** The rows' key range in `corpusVersion`. */
const rowsOf = (db: CorpusDb) => db.corpusVersion.where('key').between(PREFIX, `${PREFIX}\uffff`);

/** A row of articles whose words are still to index, written by the transaction that moved the corpus to `version` (unique, ascending). */
export const wordsLaterRow = (version: number, ids: readonly number[]): MetaEntry => ({
  key: `${PREFIX}${String(version).padStart(15, '0')}`,
  value: [...new Set(ids)].sort((a, b) => a - b),
});

/** The rows still to index, oldest first. */
export async function wordsLaterRows(db: CorpusDb): Promise<{ key: string; ids: number[] }[]> {
  return (await rowsOf(db).toArray()).map((r) => ({ key: r.key, ids: Array.isArray(r.value) ? (r.value as number[]) : [] }));
}

/** How many articles are listed to index (an article written by two imports counted twice; a deleted one until its row is done). */
export async function wordsLaterCount(db: CorpusDb): Promise<number> {
  let n = 0;
  for (const row of await wordsLaterRows(db)) n += row.ids.length;
  return n;
}

/**
 * The articles among those stored (`present`, by id) that a search cannot find yet: listed to
 * index. In a transaction holding `corpusVersion` (the search's, so that it matches the runs it reads).
 */
export async function unindexedAmong(db: CorpusDb, present: ArrayLike<number>): Promise<number> {
  const listed = new Set<number>();
  for (const row of await wordsLaterRows(db)) for (const id of row.ids) if (present[id]) listed.add(id);
  return listed.size;
}

/** What the word index reads of an article: the same, or it was written again. */
const sameWords = (a: StoredArticle, b: StoredArticle) => a.title === b.title && a.site === b.site && a.url === b.url && a.text === b.text;

/** A row's articles as read to index them (`readWordsLater`), and their run once analysed (`analyseWordsLater`). */
export interface RowToIndex {
  key: string;
  ids: number[];
  read: StoredArticle[];
}

/** The readable articles of a row, in its order (ids ascending). */
export async function readWordsLater(db: CorpusDb, row: { key: string; ids: number[] }): Promise<RowToIndex> {
  const records = await db.articles.bulkGet(row.ids);
  const read: StoredArticle[] = [];
  for (const r of records) {
    const a = r ? readableArticle(r) : null;
    if (a) read.push(a);
  }
  return { ...row, read };
}

/** The run of a row's articles, made in slices (`turn`), as an import's chunk makes it. */
export async function analyseWordsLater(row: RowToIndex, turn: () => Promise<void> | undefined = () => undefined): Promise<BatchRun> {
  let chars = 0;
  for (const a of row.read) chars += a.text.length + (a.title?.length ?? 0) + (a.site?.length ?? 0) + a.url.length;
  // In id order (the row's), as a chunk of new articles is: the run prepared is only renumbered.
  const batch = new BatchRun(chars);
  for (const a of row.read) {
    batch.add(a);
    const wait = turn();
    if (wait) await wait;
  }
  await batch.prepare(turn);
  return batch;
}

/**
 * Writes a row's run and takes the row away, in one transaction that reads its articles again:
 * those deleted or written again since they were read are left out (see the module).
 */
export async function writeWordsLater(db: CorpusDb, row: RowToIndex, batch: BatchRun): Promise<void> {
  await db.transaction('rw', [db.articles, db.wordRuns, db.wordParts, db.corpusVersion], async () => {
    // Done by another worker meanwhile.
    if (!(await db.corpusVersion.get(row.key))) return;
    const now = await db.articles.bulkGet(row.read.map((a) => a.id));
    const ids = row.read.map((a, k) => {
      const stored = now[k] ? readableArticle(now[k]) : null;
      return stored && sameWords(stored, a) ? a.id : null;
    });
    const written = ids.filter((id): id is number => id !== null);
    await writeBatchRun(wordStoreOf((name) => db.table(name)), batch, (k) => ids[k] ?? null, RUN_POLICY, written);
    await db.corpusVersion.delete(row.key);
    Dexie.currentTransaction?.idbtrans.addEventListener('complete', () => db.afterWordWrite?.());
  });
}

/**
 * Indexes the articles of the oldest row (see the module), their analysis in slices (`turn`).
 * Returns how many articles the row listed, or null when there is none left.
 */
export async function indexWordsLater(db: CorpusDb, turn: () => Promise<void> | undefined = () => undefined): Promise<number | null> {
  const listed = (await wordsLaterRows(db))[0];
  if (!listed) return null;
  const row = await readWordsLater(db, listed);
  await writeWordsLater(db, row, await analyseWordsLater(row, turn));
  return row.ids.length;
}
