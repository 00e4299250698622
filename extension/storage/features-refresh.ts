/**
 * The background job that brings stored features to today's `FEATURES_VERSION` (lib/match): each
 * article's text read once, its features computed again and written back in the `features` table.
 * Without it, features of an older version were computed again from the text at every read
 * (`StoryIndex.usable`, never written back): at 100,000 articles a new worker read every text
 * (issue 16). The story index now reads stored features as they are until this job has passed them.
 *
 * In the style of analysis-drop.ts: a mark in `meta` (`FEATURES_REFRESH_KEY`: the version the job
 * brings features to, and the last article done), a slice at a time in id order, the texts read
 * first, the features computed in steps that give way to other requests, then stored in a small
 * transaction of their own, the mark moved on after it: a job stopped anywhere goes on from its last
 * slice at the next start, and redoing a slice changes nothing (features of today's version are left
 * as they are). No schema change: a corpus whose mark is not of today's version (never run, or run
 * for an earlier one) is gone through once; a new corpus's first pass reads features alone.
 *
 * Features whose content changed (not only their version) are logged (`featureChanges`) with the
 * corpus version bumped, as any change of features is, and the story index is told (`stories.add`,
 * in `stories.change`, as the preparation queue does): it puts them in its index and grades their
 * links again. Features that only gain the new version number change nothing the index holds.
 *
 * @module
 */
import { computeFeatures, FEATURES_VERSION, type ArticleFeatures } from '../../lib/match';
import type { CorpusDb, StoredFeatures } from './corpus-db';
import { readableArticle } from './article-record';
import { bumpCorpusVersion } from './corpus';
import { giveWay, sliceTurns } from '../give-way';
import { startUpgradeJob } from './upgrade-job';

/** The job's mark in `meta`: `{ v, after }` while under way, `{ v, done: true }` once every article of version `v` was passed. */
export const FEATURES_REFRESH_KEY = 'featuresRefresh';

/** Features rows read per slice: the texts of the stale among them read in one request. */
export const REFRESH_ARTICLES = 50;

/** How long a job held by an import waits before looking again. */
const HELD_RETRY_MS = 1_000;

/** The story index as the job tells it of new features (entrypoints/background/story-index.ts `StoryIndex`). */
export interface RefreshedFeaturesSink {
  change<T>(run: () => Promise<T>): Promise<T>;
  add(id: number, features: ArticleFeatures, saved?: boolean): Promise<void>;
}

export interface FeaturesRefreshOptions {
  /** Features rows read per slice. */
  articles?: number;
  /** Stops after this many slices (tests: a job stopped half way). */
  slices?: number;
  /** Between two slices (giving way to other requests by default). */
  pause?: () => Promise<void>;
  /** Between two articles' computations once a slice of work has run (`sliceTurns`). */
  turn?: () => Promise<void> | undefined;
  /** While this says true, no slice starts (an import being stored: its transactions would wait behind ours). */
  held?: () => boolean;
  /** The story index to tell of features that changed (none: the saved index is brought up to date from the log at its next load). */
  stories?: RefreshedFeaturesSink;
}

export interface FeaturesRefreshResult {
  /** Features rows read. */
  read: number;
  /** Rows of another version written back at today's. */
  refreshed: number;
  /** Of those, the ones whose content changed (logged, told to the story index). */
  changed: number;
  /** Whether every row was passed (the mark says done). */
  done: boolean;
}

/** Two features the same but for their version number. */
function sameContent(a: ArticleFeatures, b: ArticleFeatures): boolean {
  return JSON.stringify({ ...a, v: 0 }) === JSON.stringify({ ...b, v: 0 });
}

type Mark = { v?: unknown; after?: unknown; done?: unknown };

/**
 * Brings the stored features after the job's mark to `FEATURES_VERSION`, a slice at a time. A row
 * rewritten meanwhile (a save: today's version) or removed (a delete, an import's new text: pending)
 * is left as it is now; an article whose record is unreadable keeps the row it has.
 */
export async function refreshStoredFeatures(db: CorpusDb, options: FeaturesRefreshOptions = {}): Promise<FeaturesRefreshResult> {
  const pause = options.pause ?? giveWay;
  const turn = options.turn ?? sliceTurns();
  const perSlice = options.articles ?? REFRESH_ARTICLES;
  const held = options.held ?? (() => db.importing > 0);
  const result: FeaturesRefreshResult = { read: 0, refreshed: 0, changed: 0, done: false };
  const mark = (await db.meta.get(FEATURES_REFRESH_KEY))?.value as Mark | undefined;
  if (mark?.v === FEATURES_VERSION && mark.done === true) {
    result.done = true;
    return result;
  }
  let after = mark?.v === FEATURES_VERSION && typeof mark.after === 'number' ? mark.after : -Infinity;
  for (let slices = 0; ; slices++) {
    if (options.slices !== undefined && slices >= options.slices) return result;
    while (held()) await new Promise((resolve) => setTimeout(resolve, HELD_RETRY_MS));
    const rows: StoredFeatures[] = await db.features.where(':id').above(after).limit(perSlice).toArray();
    const stale = rows.filter((r) => r.match?.v !== FEATURES_VERSION);
    // Each text read once, here; the features computed a step at a time, giving way between steps.
    const records = stale.length > 0 ? await db.articles.bulkGet(stale.map((r) => r.id)) : [];
    const computed = new Map<number, ArticleFeatures>();
    for (const [i, r] of stale.entries()) {
      const a = records[i] ? readableArticle(records[i]) : null;
      if (a) computed.set(r.id, computeFeatures(a));
      const wait = turn();
      if (wait) await wait;
    }
    if (computed.size > 0) {
      const store = async () => {
        const cache = db.summaryCache;
        const { changed, version } = await db.transaction('rw', [db.features, db.featureChanges, db.corpusVersion], async () => {
          const ids = [...computed.keys()];
          const now = await db.features.bulkGet(ids);
          // Only rows still of another version as read: one written since holds the features of its text now.
          const kept = ids.flatMap((id, i) => {
            const row = now[i];
            return row && row.match?.v !== FEATURES_VERSION ? [{ id, before: row.match, match: computed.get(id)! }] : [];
          });
          const changed = kept.filter((k) => !k.before || !sameContent(k.before, k.match));
          await db.features.bulkPut(kept.map(({ id, match }) => ({ id, match })));
          if (changed.length > 0) await db.featureChanges.add({ ids: changed.map((c) => c.id) });
          result.refreshed += kept.length;
          return { changed, version: changed.length > 0 ? await bumpCorpusVersion(db) : null };
        });
        // The summaries did not change: a search's copy of them, current before, is current still.
        if (version !== null && cache && db.summaryCache === cache && cache.version === version - 1) cache.version = version;
        for (const { id, match } of changed) {
          await options.stories?.add(id, match, false);
          const wait = turn();
          if (wait) await wait;
        }
        result.changed += changed.length;
      };
      await (options.stories ? options.stories.change(store) : store());
    }
    result.read += rows.length;
    if (rows.length < perSlice) {
      await db.meta.put({ key: FEATURES_REFRESH_KEY, value: { v: FEATURES_VERSION, done: true } });
      result.done = true;
      return result;
    }
    after = rows.at(-1)!.id;
    // Its own small transaction, after the slice's: a reader of `meta` never waits for a slice.
    // Stopped between the two, the next start redoes the slice, which changes nothing.
    await db.meta.put({ key: FEATURES_REFRESH_KEY, value: { v: FEATURES_VERSION, after } });
    await pause();
  }
}

const running = new WeakMap<CorpusDb, Promise<FeaturesRefreshResult | null>>();

/**
 * Starts the job unless its mark says today's version is done (a worker's start), once per database
 * at a time; a failure leaves the features as the last slice left them, for the next start.
 */
export function startFeaturesRefresh(db: CorpusDb, options: FeaturesRefreshOptions = {}): Promise<FeaturesRefreshResult | null> {
  return startUpgradeJob(running, db, () => refreshStoredFeatures(db, options),
    'Recoupe: could not finish computing the stored articles\' features again; it goes on at the next start');
}
