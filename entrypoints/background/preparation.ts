/**
 * The preparation queue: computes the same-story features (lib/match) of the articles an import
 * stored without them (the `pending` table, schema 6), off the import's way (issue 16, item 6),
 * and tells the story index of each as it becomes ready. It works in batches: the batch's
 * articles read, their features computed in slices that give way to other requests (issue 20,
 * item 5), then stored in one small transaction with the corpus version bumped (the saved story
 * index is trusted for one version only), and the story index told. The queue is stored: a
 * worker stopped half way leaves what is still pending, and the next worker goes on with it.
 * Progress is announced after each batch (the corpus page shows it); each announcement is an
 * extension API call, which also keeps Chrome's service worker from being stopped as idle meanwhile
 * (https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/lifecycle:
 * "receiving an event or calling an extension API resets this timer").
 * Before the features, the words of the imported articles are indexed (extension/storage/words-later.ts),
 * a row at a time: until then a search does not find them, and says so.
 */
import type { ArticleFeatures } from '../../lib/match';
import type { Preparation } from '../../extension/protocol';
import type { CorpusDb, PendingArticle } from '../../extension/storage/corpus-db';
import { bumpCorpusVersion } from '../../extension/storage/corpus';
import { featuresOf } from '../../extension/storage/analysis';
import { readableArticle } from '../../extension/storage/article-record';
import { giveWay, sliceTurns } from '../../extension/give-way';
import { analyseWordsLater, readWordsLater, wordsLaterCount, wordsLaterRows, writeWordsLater } from '../../extension/storage/words-later';
import { ANALYSIS_SLICE_MS } from '../../extension/storage/import-export';
import type { StoryIndex } from './story-index';

/** Articles read and stored together: a transaction short enough not to hold other requests. */
export const PREPARE_BATCH = 50;
/** An import sends its parts one after another: the queue starts this long after the last, so as not to slow the import. */
export const PREPARE_AFTER_IMPORT_MS = 1_000;

/**
 * Holds the indexing of imported articles' words while an end-to-end test sets the background's
 * global `recoupeTestHoldWords` (tests/e2e/search-unindexed.test.ts: a search made meanwhile says
 * what it did not look in, a line otherwise seen only on a slow machine). Nothing else sets it; it
 * can only delay the indexing.
 */
async function wordsHeldByTest(): Promise<void> {
  while ((globalThis as { recoupeTestHoldWords?: unknown }).recoupeTestHoldWords === true) await new Promise((resolve) => setTimeout(resolve, 100));
}

export interface PreparationEvents {
  /** How far the queue has gone, after each batch. */
  progress: (state: Preparation) => void;
  /** Every pending article is prepared (the stories and comparisons now hold them all). */
  finished: () => void;
  /** Every imported article's words are indexed (a search now finds them all), after the queue indexed some. */
  searchable?: () => void;
}

export class PreparationQueue {
  private running: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Articles prepared since the queue last started with nothing done, and those left (counted when woken). */
  private done = 0;
  private left = 0;
  /** New pending articles since the last count (an import stored more). */
  private recount = true;
  /** The queue is counting what is left: `left` is not known yet (0 at a worker's start). */
  private counting = false;
  /** Import parts being stored (`importStarted`). */
  private imports = 0;

  constructor(private readonly db: CorpusDb, private readonly stories: StoryIndex, private readonly events: PreparationEvents) {}

  /** Prepares what is pending now (a worker's start); a run under way takes what was added since. */
  start(): Promise<void> {
    this.recount = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.running ??= this.run()
      .catch((error: unknown) => console.warn('Recoupe: could not prepare imported articles; they will be prepared later', error))
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  /**
   * An import part is being stored, until `afterImport`: the queue does not start meanwhile, and a
   * run under way waits before its next batch (a part that takes longer than
   * `PREPARE_AFTER_IMPORT_MS` would otherwise have the queue compete with the rest of the import).
   */
  importStarted(): void {
    this.imports++;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** After an import part (`stored`: it stored something): prepares once no other part has come for `PREPARE_AFTER_IMPORT_MS`. */
  afterImport(stored = true): void {
    this.imports = Math.max(0, this.imports - 1);
    if (stored) this.recount = true;
    if (this.running || !this.recount) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.start(), PREPARE_AFTER_IMPORT_MS);
  }

  /** How many stored articles are not prepared yet, and how many the queue prepared since it started; how many are still to index. */
  async state(): Promise<Preparation> {
    const left = this.running && !this.recount && !this.counting ? this.left : await this.db.pending.count();
    const words = await wordsLaterCount(this.db);
    return { done: this.done, total: this.done + left, ...(words > 0 ? { words } : {}) };
  }

  /**
   * A search wants the imported articles' words: the queue starts now if it was waiting for its
   * delay after an import (not while an import part is being stored: `run` waits for it). Nothing
   * waits for the words: the search answers with those indexed and says how many it did not look in.
   */
  wordsWanted(): void {
    if (!this.running && this.imports === 0) void this.start();
  }

  /** Words indexed since the queue last told `searchable`. */
  private indexed = false;

  private wordsDone(): void {
    if (this.indexed) this.events.searchable?.();
    this.indexed = false;
  }

  /**
   * Indexes the rows of words listed now (words-later.ts), the next row read and analysed while
   * the one before is written (the worker's work beside the database's, as an import's parts
   * are), in slices as short as an import's; the word index's merges held meanwhile, as during an
   * import (they would compete with it, and merge its first runs while it writes more). Stops at
   * an import's part (the loop waits for it). Returns whether there were rows.
   */
  private async indexWords(): Promise<boolean> {
    const { db } = this;
    const rows = await wordsLaterRows(db);
    if (rows.length === 0) return false;
    await wordsHeldByTest();
    const turn = sliceTurns(ANALYSIS_SLICE_MS);
    db.importing++;
    try {
      let row = await readWordsLater(db, rows[0]!);
      let batch = await analyseWordsLater(row, turn);
      for (let k = 1; ; k++) {
        const next = k < rows.length && this.imports === 0 ? await readWordsLater(db, rows[k]!) : null;
        const writing = writeWordsLater(db, row, batch);
        const analysing = next ? analyseWordsLater(next, turn) : null;
        // Both settled before either failure is told (the loop's caller logs it; what is left stays listed).
        const [written, analysed] = await Promise.allSettled([writing, analysing]);
        if (written.status === 'rejected') throw written.reason;
        if (analysed.status === 'rejected') throw analysed.reason;
        this.indexed = true;
        this.events.progress(await this.state());
        if (!next || !analysed.value) break;
        [row, batch] = [next, analysed.value];
      }
    } finally {
      db.importing--;
    }
    return true;
  }

  private async run(): Promise<void> {
    const turn = sliceTurns();
    for (;;) {
      while (this.imports > 0) await new Promise((resolve) => setTimeout(resolve, PREPARE_AFTER_IMPORT_MS));
      if (this.recount) {
        this.recount = false;
        this.counting = true;
        try {
          this.left = await this.db.pending.count();
        } finally {
          this.counting = false;
        }
      }
      // Words first: a search misses those articles until then.
      if (await this.indexWords()) continue;
      this.wordsDone();
      const batch = await this.db.pending.limit(PREPARE_BATCH).toArray();
      if (batch.length === 0) break;
      const articles = await this.db.articles.bulkGet(batch.map((p) => p.id));
      const prepared: { row: PendingArticle; features: ArticleFeatures | null }[] = [];
      for (const [i, row] of batch.entries()) {
        const article = articles[i] ? readableArticle(articles[i]) : null;
        // A record damaged past reading gets none: the story index leaves it out, as a rebuild does.
        prepared.push({ row, features: article ? featuresOf(article) : null });
        await turn();
      }
      const taken = await this.stories.change(async () => {
        const { ready, taken } = await this.store(prepared);
        for (const { id, features } of ready) {
          await this.stories.add(id, features);
          await turn();
        }
        return taken;
      });
      this.done += taken;
      this.left = Math.max(0, this.left - taken);
      this.events.progress({ done: this.done, total: this.done + this.left });
      await giveWay();
    }
    this.wordsDone();
    if (this.done > 0) this.events.finished();
    this.done = 0;
    this.left = 0;
  }

  /**
   * Stores the features of a batch, with the corpus version, and takes them off the queue: only
   * for the articles still pending as they were read (one written again or deleted meanwhile is
   * left to its own new state). Returns the features stored and how many articles left the queue.
   */
  private async store(prepared: { row: PendingArticle; features: ArticleFeatures | null }[]): Promise<{ ready: { id: number; features: ArticleFeatures }[]; taken: number }> {
    const { db } = this;
    const cache = db.summaryCache;
    const { ready, taken, version } = await db.transaction('rw', [db.pending, db.features, db.featureChanges, db.corpusVersion], async () => {
      const now = await db.pending.bulkGet(prepared.map((p) => p.row.id));
      const current = prepared.filter((p, i) => now[i]?.stamp === p.row.stamp);
      const ready = current.flatMap((p) => (p.features ? [{ id: p.row.id, features: p.features }] : []));
      await db.features.bulkPut(ready.map(({ id, features }) => ({ id, match: features })));
      if (ready.length > 0) await db.featureChanges.add({ ids: ready.map((r) => r.id) });
      await db.pending.bulkDelete(current.map((p) => p.row.id));
      return { ready, taken: current.length, version: ready.length > 0 ? await bumpCorpusVersion(db) : null };
    });
    // The summaries did not change: a search's copy of them, current before, is current still.
    if (version !== null && cache && db.summaryCache === cache && cache.version === version - 1) cache.version = version;
    return { ready, taken };
  }
}
