/**
 * The second half of the upgrade to schema 14: the background job that drops the features stored
 * records carried (`analysis`, `LegacyArticle`). They live in the `features` table (schema 4),
 * where every write has put them since; in a record they were two thirds of its weight, read and
 * cloned by every read of whole records (the 50 rows a search shows, a comparison's articles).
 *
 * Rewriting every record is not done in the upgrade's one transaction: a worker stopped half way
 * (Chrome stops one after 30 s idle, or 5 min of work) loses the whole of it, and the next open
 * starts it again from the first record. The upgrade plants a mark in `meta` (`ANALYSIS_DROP_KEY`,
 * only when there are records to rewrite) and this job rewrites the records after it, a slice at
 * a time, each slice one transaction of its own that gives way to other requests, the mark moved on
 * after each: a job stopped anywhere goes on from its last slice at the next start, and redoing a
 * slice changes nothing (a record without the field is left as it is). Until it is done, a record
 * that still carries its features is read as before (they are ignored: `featuresOf` takes them only
 * where the table has none) and a write of it drops them (corpus-db.ts `keepDerivedTables`).
 *
 * @module
 */
import { ANALYSIS_DROP_KEY, analysisDropped, type CorpusDb } from './corpus-db';
import { readableArticle, type LegacyArticle } from './article-record';
import { featuresOf } from './analysis';
import { bumpCorpusVersion } from './corpus';
import { giveWay } from '../give-way';
import { startUpgradeJob } from './upgrade-job';

/** Records read per slice (one transaction). */
export const DROP_ARTICLES = 100;

/** How long a job held by an import waits before looking again. */
const HELD_RETRY_MS = 1_000;

export interface AnalysisDropOptions {
  /** Records read per slice. */
  articles?: number;
  /** Stops after this many slices (tests: a job stopped half way). */
  slices?: number;
  /** Between two slices (giving way to other requests by default). */
  pause?: () => Promise<void>;
  /** While this says true, no slice starts (an import being stored: its transactions would wait behind ours). */
  held?: () => boolean;
}

export interface AnalysisDropResult {
  /** Records read. */
  read: number;
  /** Records rewritten without their features. */
  dropped: number;
  /** Whether every record is rewritten (the mark removed). */
  done: boolean;
}

/** Whether a stored value still carries its features. */
const carries = (value: unknown): value is LegacyArticle => typeof value === 'object' && value !== null && 'analysis' in value;

/**
 * Rewrites the records after the job's mark without their features, a slice at a time. A record
 * whose features the table lacks (never so unless the database was damaged: every write has put
 * them there since schema 4, or marked the record `pending`) has its features written there first,
 * from the record, logged (`featureChanges`) and counted as a change of the corpus, so that the
 * story index takes them in: nothing is lost.
 */
export async function dropStoredAnalysis(db: CorpusDb, options: AnalysisDropOptions = {}): Promise<AnalysisDropResult> {
  const pause = options.pause ?? giveWay;
  const perSlice = options.articles ?? DROP_ARTICLES;
  const held = options.held ?? (() => db.importing > 0);
  const result: AnalysisDropResult = { read: 0, dropped: 0, done: false };
  const mark = (await db.meta.get(ANALYSIS_DROP_KEY))?.value as { after?: unknown } | undefined;
  if (!mark) {
    result.done = true;
    return result;
  }
  let after = typeof mark.after === 'number' ? mark.after : -Infinity;
  for (let slices = 0; ; slices++) {
    if (options.slices !== undefined && slices >= options.slices) return result;
    while (held()) await new Promise((resolve) => setTimeout(resolve, HELD_RETRY_MS));
    const step = await db.transaction('rw', [db.articles, db.features, db.pending, db.featureChanges, db.corpusVersion], async () => {
      const batch: unknown[] = await db.articles.where(':id').above(after).limit(perSlice).toArray();
      const legacy = batch.filter(carries);
      if (legacy.length > 0) {
        const ids = legacy.map((r) => r.id);
        const [rows, waiting] = await Promise.all([db.features.bulkGet(ids), db.pending.bulkGet(ids)]);
        const missing = legacy.flatMap((r, i) => {
          const a = rows[i] || waiting[i] ? null : readableArticle(r);
          return a ? [{ id: a.id, match: featuresOf(a) }] : [];
        });
        if (missing.length > 0) {
          await db.features.bulkPut(missing);
          await db.featureChanges.add({ ids: missing.map((f) => f.id) });
          await bumpCorpusVersion(db);
        }
        await db.articles.bulkPut(legacy.map((r) => {
          const { analysis: _analysis, ...rest } = r;
          analysisDropped.add(rest);
          return rest;
        }));
      }
      return { read: batch.length, dropped: legacy.length, last: (batch.at(-1) as LegacyArticle | undefined)?.id ?? after };
    });
    result.read += step.read;
    result.dropped += step.dropped;
    if (step.read < perSlice) {
      await db.meta.delete(ANALYSIS_DROP_KEY);
      result.done = true;
      return result;
    }
    after = step.last;
    // Its own small transaction, after the slice's: a reader of `meta` (the settings, the pairs
    // kept apart) never waits for a slice. Stopped between the two, the next start redoes the
    // slice, which changes nothing.
    await db.meta.put({ key: ANALYSIS_DROP_KEY, value: { after } });
    await pause();
  }
}

const running = new WeakMap<CorpusDb, Promise<AnalysisDropResult | null>>();

/**
 * Starts the job when its mark is there (a worker's start after the upgrade to schema 14), once per
 * database at a time; a failure leaves the records as the last slice left them, for the next start.
 */
export function startAnalysisDrop(db: CorpusDb, options: AnalysisDropOptions = {}): Promise<AnalysisDropResult | null> {
  return startUpgradeJob(running, db, () => dropStoredAnalysis(db, options),
    'Recoupe: could not finish rewriting the articles stored before schema 14; it goes on at the next start');
}
