/**
 * The background job that rewrites the word index's runs without pairs of words (a corpus
 * upgraded from schema 4, whose index was made without reading the texts) or without their
 * positions (an index stored before they were kept, `WordRun.positions`) with both, so that a
 * phrase is found from the index instead of the texts (issue 16, item 2). This is the upgrade of
 * the stored index: nothing in the database's schema changes, a run says what it holds. Until it
 * is done, search answers as before: in those runs a phrase is looked for by its words (or pairs'
 * counts) and checked in the texts (`searchCorpus`). What is left to do is read from the runs themselves (word-index.ts,
 * `PairScan`): nothing about the job is stored, and a job stopped anywhere (the worker stopped,
 * the browser closed) goes on from where it was at the next start.
 *
 * It works in slices that give way to other requests: a run's parts are read a few at a time,
 * its articles rewritten a few at a time, each slice in a transaction of its own, short enough
 * not to hold a save or a search for long.
 *
 * @module
 */
import type { Table } from 'dexie';
import type { CorpusDb } from './corpus-db';
import { readableArticle } from './article-record';
import { giveWay } from '../give-way';
import { articleTerms, lacksPositions, PairScan, pairedRun, sameRun, writeWordIndex, type RunPolicy, type WordPart, type WordStore } from './word-index';
import { startUpgradeJob } from './upgrade-job';

/** Parts read at a time (about 40 KB each). */
const SCAN_PARTS = 64;
/** Articles rewritten at a time: their texts read, their words and pairs written as one run. */
export const REWRITE_ARTICLES = 100;

export interface PairRewriteOptions {
  /** Articles rewritten per slice. */
  articles?: number;
  /** Stops after this many slices of rewriting (tests: a job stopped half way). */
  slices?: number;
  /** Between two slices (giving way to other requests by default). */
  pause?: () => Promise<void>;
  /** How the rewritten articles' runs are cut (tests: small parts). */
  policy?: RunPolicy;
}

export interface PairRewriteResult {
  /** Articles rewritten. */
  rewritten: number;
  /** Runs dropped or marked as holding pairs. */
  runs: number;
  /** Whether every run now holds pairs (false when stopped by `slices`). */
  done: boolean;
}

/** The word index's tables (word-index.ts) through Dexie tables, in the caller's transaction. */
function wordStore(db: CorpusDb): WordStore {
  const partsOf = (run: number) => db.wordParts.where(':id').between([run, -Infinity], [run, Infinity]);
  return {
    runs: () => db.wordRuns.toArray(),
    async write(runs, parts, drop) {
      for (const run of drop) await partsOf(run).delete();
      if (drop.length > 0) await db.wordRuns.bulkDelete(drop);
      await Promise.all([db.wordRuns.bulkPut(runs), db.wordParts.bulkPut(parts)]);
    },
  };
}

/** Whether a run of the word index lacks pairs of words or their positions (the job has work). */
export async function hasRunsWithoutPairs(db: CorpusDb): Promise<boolean> {
  return (await db.wordRuns.toArray()).some(lacksPositions);
}

/**
 * Rewrites every run without pairs or positions with them, newest first (a merge never takes the
 * job's runs, which have positions, into a run without: word-merge.ts, `plannedMerge`; a run
 * replaced meanwhile by a merge of runs without, the job goes on with the merged one).
 */
export async function rewriteRunsWithPairs(db: CorpusDb, options: PairRewriteOptions = {}): Promise<PairRewriteResult> {
  const pause = options.pause ?? giveWay;
  const perSlice = options.articles ?? REWRITE_ARTICLES;
  const result: PairRewriteResult = { rewritten: 0, runs: 0, done: false };
  let slices = 0;
  outer: for (;;) {
    const run = (await db.wordRuns.toArray()).filter(lacksPositions).sort((a, b) => b.run - a.run)[0];
    if (!run) {
      result.done = true;
      return result;
    }
    // Its articles, from its parts (read a few at a time; the run dropped meanwhile: start again).
    const scan = new PairScan(run);
    for (let from = 0; from < run.firsts.length; from += SCAN_PARTS) {
      const parts: WordPart[] | null = await db.transaction('r', [db.wordRuns, db.wordParts], async () => {
        if (!sameRun(await db.wordRuns.get(run.run), run)) return null;
        return db.wordParts.where(':id').between([run.run, from], [run.run, from + SCAN_PARTS - 1], true, true).toArray();
      });
      if (!parts) continue outer;
      for (const part of parts) scan.add(part);
      await pause();
    }
    // Its articles without pairs, a few at a time, each slice reading their texts and writing
    // their run in one transaction (a save of one of them meanwhile has rewritten it already: it is no longer left).
    let after = -1;
    for (;;) {
      if (options.slices !== undefined && slices >= options.slices) return result;
      const step = await db.transaction('rw', [db.articles, db.wordRuns, db.wordParts], async () => {
        const runs = await db.wordRuns.toArray();
        if (!sameRun(runs.find((r) => r.run === run.run), run)) return 'again' as const;
        const ids = scan.next(runs, after, perSlice);
        if (ids.length === 0) {
          const left = scan.left(runs);
          // Never so unless an article was left behind: read the run again.
          if (left.unpaired + left.paired > 0) return 'again' as const;
          const { keep, dropParts } = pairedRun(run, runs);
          if (dropParts) await db.wordParts.where(':id').between([run.run, -Infinity], [run.run, Infinity]).delete();
          if (keep) await db.wordRuns.put(keep);
          else await db.wordRuns.delete(run.run);
          return 'finished' as const;
        }
        const written: [number, Map<string, number>][] = [];
        for (const stored of await (db.articles as Table).bulkGet(ids)) {
          const a = stored ? readableArticle(stored) : null;
          if (a) written.push([a.id, articleTerms(a)]);
        }
        // Every id removed from the older runs, a damaged record's too (a write does not index it).
        await writeWordIndex(wordStore(db), written, ids, options.policy);
        return ids;
      });
      if (step === 'again') continue outer;
      if (step === 'finished') {
        result.runs++;
        continue outer;
      }
      // Merged as any write's run is (word-merge.ts), by the background's merge job.
      db.afterWordWrite?.();
      slices++;
      result.rewritten += step.length;
      after = step[step.length - 1]!;
      await pause();
    }
  }
}

const running = new WeakMap<CorpusDb, Promise<PairRewriteResult | null>>();

/**
 * Starts the job when a run lacks pairs (a worker's start after an upgrade from schema 4), once
 * per database at a time; a failure leaves the runs as they were (each slice is one transaction)
 * for the next start, and search answers meanwhile as before the job.
 */
export function startPairRewrite(db: CorpusDb, options: PairRewriteOptions = {}): Promise<PairRewriteResult | null> {
  return startUpgradeJob(running, db, async () => ((await hasRunsWithoutPairs(db)) ? rewriteRunsWithPairs(db, options) : null),
    'Recoupe: could not index the pairs of words of older articles; phrases in them are checked in their texts until the next start');
}
