/**
 * A job that finishes a schema upgrade in the background, in slices of their own (the word index's
 * pairs, pair-rewrite.ts; the records' features, analysis-drop.ts): started at a worker's start,
 * run once per database at a time, a failure logged and left for the next start (each slice is one
 * transaction: what is done stays done).
 */
import type { CorpusDb } from './corpus-db';

export function startUpgradeJob<T>(running: WeakMap<CorpusDb, Promise<T | null>>, db: CorpusDb, run: () => Promise<T | null>, failure: string): Promise<T | null> {
  let job = running.get(db);
  if (!job) {
    job = run()
      .catch((error: unknown) => {
        console.warn(failure, error);
        return null;
      })
      .finally(() => running.delete(db));
    running.set(db, job);
  }
  return job;
}
