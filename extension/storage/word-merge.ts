/**
 * The merges of the word index's runs (word-index.ts), as jobs of their own after the writes
 * rather than inside them (issue 20, item 5: a merge of four runs can rewrite 4,000,000 postings,
 * about 30 MB, which held an import's transaction, and every request behind it, for over a
 * second). A merge reads its runs a few parts at a time, writes the merged run's parts a few at a
 * time in transactions of their own, under a run number no reader lists, and lists it in one small
 * transaction that unlists the runs it replaces: a reader (a search reads the runs' rows and their
 * parts in one transaction) sees the old runs or the merged one, never both nor neither. The parts
 * of the replaced runs are deleted afterwards, a few at a time. Each step records where the merge
 * is (`MergeMark`, in `meta`) in its own transaction, so that a worker stopped half way leaves
 * nothing behind: the next job deletes what the stopped merge wrote, or what its replaced runs
 * left, before merging again. Between steps the job gives way to other requests.
 *
 * The merged run is numbered between the newest run it merges and the next one (half way), so that
 * runs written meanwhile, numbered after the newest (`nextRunNumber`), stay newer: the removals of
 * a newer run still hide the merged postings of the articles it rewrote or deleted. Which runs are
 * merged is the size-tiered rule of word-index.ts (`plannedMerge`).
 *
 * @module
 */
import { giveWay, sliceTurns } from '../give-way';
import { alive, removals, RUN_POLICY, RunWriter, sizeClass, type RunPolicy, type WordPart, type WordRun } from './word-index';
import { Bytes, skipPositions } from './word-positions';
import { PAIR_MARK } from '../../lib/search';
import type { CorpusDb } from './corpus-db';

/** Where the merges are, recorded with each of their steps. */
export interface MergeMark {
  /** The run being written, not listed until its merge is made (null: none), and how many of its parts are written. */
  into: number | null;
  staged: number;
  /** Runs merged away (no longer listed) whose parts are still to be deleted: run and how many parts it had. */
  garbage: [run: number, parts: number][];
}

/** What the merges read and write the word index through: each call one transaction of its own. */
export interface MergeStore {
  /** Every listed run, in any order. */
  runs(): Promise<WordRun[]>;
  /** Parts `from`… of a run, at most `count`, in order. */
  parts(run: number, from: number, count: number): Promise<WordPart[]>;
  /** The mark of the merges (null: nothing under way nor left). */
  mark(): Promise<MergeMark | null>;
  /** Writes parts of the run being made (not listed) and the mark. */
  stage(parts: WordPart[], mark: MergeMark): Promise<void>;
  /**
   * When every run of `group` is listed as it was read, unlists them, lists `merged` and writes
   * the mark, and says true; otherwise (they changed meanwhile) changes nothing and says false.
   */
  commit(group: WordRun[], merged: WordRun, mark: MergeMark): Promise<boolean>;
  /** Deletes the parts `from` to `from + count - 1` of an unlisted run, and writes the mark (null: removes it). */
  drop(run: number, from: number, count: number, mark: MergeMark | null): Promise<void>;
}

/** How merges go (tests take small figures to stop them at every step). */
export interface MergeOptions {
  policy?: RunPolicy;
  /** Parts of a run read at once. */
  readParts?: number;
  /** Parts written (or deleted) in one transaction: 8 parts are 32,768 postings, about 300 KB. */
  writeParts?: number;
  /** The longest stretch of merging between two turns of the event loop. */
  sliceMs?: number;
  /**
   * While this says true (an import is being stored), no merge starts (`WordMerges` looks again
   * `HELD_RETRY_MS` later) and one under way pauses at its next turn. An import's transactions
   * would otherwise wait behind the merges' own (every step of a merge writes `wordParts` and
   * `meta`, as an import's chunk does), and the merges of its first runs be made while it writes
   * more: merged once it is stored, its runs are merged together, the same total work later.
   */
  held?: () => boolean;
  /**
   * Called at the first step of merging and then at most every `awakeMs` while merges go on: the
   * background calls an extension API, so that Chrome does not stop its service worker as idle
   * half way (it does 30 s after the last event or extension API call, and the reads and writes of
   * a merge are neither: https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/lifecycle).
   * A backlog left by an import was otherwise merged only in the 30 s after each request, and a
   * merge cut short is made again from the start.
   */
  awake?: () => void;
  awakeMs?: number;
}

const DEFAULTS = { policy: RUN_POLICY, readParts: 8, writeParts: 8, sliceMs: 20, held: () => false, awake: () => {}, awakeMs: 10_000 };

/** `store` calling `o.awake` at its first step and then at most every `o.awakeMs` (`MergeOptions.awake`). */
function keptAwake(store: MergeStore, o: typeof DEFAULTS): MergeStore {
  let last = -Infinity;
  const step = <A extends unknown[], R>(f: (...a: A) => Promise<R>) => (...a: A): Promise<R> => {
    const now = performance.now();
    if (now - last >= o.awakeMs) {
      last = now;
      o.awake();
    }
    return f(...a);
  };
  return { ...store, parts: step(store.parts), stage: step(store.stage), commit: step(store.commit), drop: step(store.drop) };
}

/** How long held merges wait before looking again (`MergeOptions.held`). */
export const HELD_RETRY_MS = 1_000;

/**
 * The runs to merge next, oldest first, or null. With a backlog (runs written faster than merged:
 * an import's, one per chunk, whose merges wait until it is stored), `fanout²` runs side by side of
 * one size class whose postings stay within `maxMerged`, of the smallest such class, the newest:
 * merged at once, each of their postings is rewritten once rather than twice (a merge of four runs,
 * then one of four such merges), half the work, and fifteen runs go per merge rather than three.
 * (The newest, not the one of fewest postings: windows taken here and there among a backlog of
 * runs of much the same size leave groups of fewer than `fanout²` between them, merged four at a
 * time into runs of a class that no longer make four; at 16,000 articles, 8 runs left rather than 5.)
 * Otherwise, among the windows of `fanout` runs side by side whose oldest run is of no larger a
 * size class than the others (a run smaller than the ones after it does not hold them back) and
 * whose postings stay within `maxMerged`, the one of fewest postings (the newest of those): with no
 * backlog, the rule of merging the newest runs as soon as they qualify (never `fanout²` of a class:
 * every `fanout` of them were merged); with one, small runs are merged together before a large one
 * is rewritten.
 */
export function plannedMerge(runs: readonly WordRun[], policy = RUN_POLICY): WordRun[] | null {
  const sorted = [...runs].sort((a, b) => a.run - b.run);
  return window(sorted, policy.fanout ** 2, policy, true) ?? window(sorted, policy.fanout, policy, false);
}

/** The window of `width` runs to merge (`plannedMerge`): of one size class (`oneClass`) or whose oldest is of no larger a class than the others. */
function window(sorted: readonly WordRun[], width: number, policy: RunPolicy, oneClass: boolean): WordRun[] | null {
  let best: WordRun[] | null = null;
  // Fewest postings, or (`oneClass`) smallest class; the newest of equals (windows are looked at newest first).
  let bestRank = Infinity;
  for (let end = sorted.length; end >= width; end--) {
    const group = sorted.slice(end - width, end);
    // Runs with positions and runs without are not merged together: the merge would lose the
    // positions, and the rewrite (pair-rewrite.ts) would have to make them again.
    if (group.some((g) => (g.positions === true) !== (group[0]!.positions === true))) continue;
    const classes = group.map((g) => sizeClass(g.postings, policy));
    if (oneClass ? classes.some((c) => c !== classes[0]) : classes[0]! > Math.max(...classes.slice(1))) continue;
    const postings = group.reduce((n, g) => n + g.postings, 0);
    const rank = oneClass ? classes[0]! : postings;
    if (postings > policy.maxMerged || rank >= bestRank) continue;
    // Half way to the next run: no number left there (a long cascade of merges, never seen) leaves the group as it is.
    const into = mergedNumber(sorted, end);
    if (into <= group[group.length - 1]!.run || (end < sorted.length && into >= sorted[end]!.run)) continue;
    best = group;
    bestRank = rank;
  }
  return best;
}

/** The number of the run merged of `sorted[end - fanout … end - 1]`: half way between the newest of them and the next run (or the next whole number). */
function mergedNumber(sorted: readonly WordRun[], end: number): number {
  const newest = sorted[end - 1]!.run;
  const next = end < sorted.length ? sorted[end]!.run : Math.floor(newest) + 1;
  return (newest + next) / 2;
}

/** A run's parts read in order, a few at a time, as a stream of words each with its postings. */
class RunCursor {
  private queue: { part: WordPart; terms: string[] }[] = [];
  private at = 0;
  private nextPart = 0;
  /** Where the positions of the next word's postings begin in its part (`WordPart.positions`). */
  private positionsAt = 0;

  constructor(private readonly store: MergeStore, readonly row: WordRun, private readonly readParts: number) {}

  /** Whether the next word is in parts not read yet. */
  needsRead(): boolean {
    while (this.queue.length > 0 && this.at >= this.queue[0]!.terms.length) {
      this.queue.shift();
      this.at = 0;
      this.positionsAt = 0;
    }
    return this.queue.length === 0 && this.nextPart < this.row.firsts.length;
  }

  async read(): Promise<void> {
    const count = Math.min(this.readParts, this.row.firsts.length - this.nextPart);
    const parts = await this.store.parts(this.row.run, this.nextPart, count);
    // Parts gone meanwhile: the run was replaced (the merge is given up, and made again from what is listed then).
    if (parts.length !== count) throw new RunChanged();
    for (const part of parts) this.queue.push({ part, terms: part.terms.split('\n') });
    this.nextPart += count;
  }

  /** The next word (undefined: none left, or in parts to read first). */
  term(): string | undefined {
    return this.queue[0]?.terms[this.at];
  }

  /** The postings `take` moved past: `part.ids` and `part.counts` from `from` to `to`; their positions from `positionsFrom` to `positionsTo` (a pair's, in a run with positions). */
  part: WordPart | null = null;
  from = 0;
  to = 0;
  positionsFrom = 0;
  positionsTo = 0;

  /**
   * Moves past the next word's postings in its part (a word over two parts comes twice), which it
   * leaves in `part`, `from` and `to`: fields rather than an object per word (a merge reads
   * hundreds of thousands of words, and its garbage was most of an import's).
   */
  take(): void {
    const { part } = this.queue[0]!;
    this.part = part;
    this.from = part.starts[this.at]!;
    this.to = part.starts[this.at + 1]!;
    this.positionsFrom = this.positionsAt;
    if (part.positions && this.row.positions === true && part.terms.charCodeAt(0) === 1 && this.queue[0]!.terms[this.at]!.startsWith(PAIR_MARK)) {
      this.positionsAt = skipPositions(part.positions, this.positionsAt, this.to - this.from);
    }
    this.positionsTo = this.positionsAt;
    this.at++;
  }
}

class RunChanged extends Error {}

/** Writes the parts of the run being made, `writeParts` at a time, the mark with them. */
class Stager {
  staged = 0;
  constructor(private readonly store: MergeStore, readonly into: number, private readonly writeParts: number) {}

  async write(parts: WordPart[], all = false): Promise<void> {
    while (parts.length >= this.writeParts || (all && parts.length > 0)) {
      const batch = parts.splice(0, this.writeParts);
      this.staged += batch.length;
      await this.store.stage(batch, { into: this.into, staged: this.staged, garbage: [] });
      await giveWay();
    }
  }
}

/**
 * Deletes what a merge stopped half way or given up wrote (its run, not listed), and the parts of
 * runs merged away, a few at a time, the mark kept current; nothing when there is no mark.
 */
async function clearLeftovers(store: MergeStore, writeParts: number): Promise<void> {
  const mark = await store.mark();
  if (!mark) return;
  const listed = new Set((await store.runs()).map((r) => r.run));
  let left: [number, number][] = mark.garbage.filter(([run]) => !listed.has(run));
  if (mark.into !== null && !listed.has(mark.into)) left.push([mark.into, mark.staged]);
  if (left.length === 0) return store.drop(0, 0, 0, null);
  while (left.length > 0) {
    // From a run's last parts back: what is left of it is its first parts, which the mark counts.
    const [run, parts] = left[0]!;
    const count = Math.min(parts, writeParts);
    const rest: [number, number][] = parts > count ? [[run, parts - count], ...left.slice(1)] : left.slice(1);
    // The mark says what is still to delete: a stop here leaves the rest for the next job.
    await store.drop(run, parts - count, count, rest.length === 0 ? null : { into: null, staged: 0, garbage: rest });
    left = rest;
    await giveWay();
  }
}

/**
 * Merges `group` (runs side by side, oldest first; `older`: runs older than them are listed) into
 * a run numbered `into`: a k-way merge by word over the runs' parts read a few at a time; the
 * postings a newer run of the group removed are dropped; the removals are kept when older runs
 * remain, for them. Says whether it was listed (false: the group changed meanwhile).
 */
async function mergeGroup(store: MergeStore, group: WordRun[], into: number, older: boolean, o: typeof DEFAULTS): Promise<boolean> {
  const removedBy = removals(group);
  // Positions are kept when every run merged has them (`plannedMerge` merges no others, but a test may).
  const withPositions = group.every((g) => g.positions === true);
  const writer = new RunWriter(into, o.policy, withPositions);
  // A pair's postings, in a run with positions: per posting, its part's positions and where its own begin and end.
  const bytes = new Bytes();
  const sourceBytes: Uint8Array[] = [];
  let starts = new Uint32Array(1024);
  let ends = new Uint32Array(1024);
  const stager = new Stager(store, into, o.writeParts);
  const cursors = group.map((row) => new RunCursor(store, row, o.readParts));
  const turn = sliceTurns(o.sliceMs);
  // One word's postings from every run, as id × 256 + count: sorted as numbers, they are in id order.
  let keyed = new Float64Array(1024);
  let ids = new Uint32Array(1024);
  let counts = new Uint8Array(1024);
  // Indexed loops, fields and awaits only when there is something to wait for: no allocation per word.
  for (;;) {
    for (let i = 0; i < cursors.length; i++) if (cursors[i]!.needsRead()) await cursors[i]!.read();
    let term: string | undefined;
    for (let i = 0; i < cursors.length; i++) {
      const t = cursors[i]!.term();
      if (t !== undefined && (term === undefined || t < term)) term = t;
    }
    if (term === undefined) break;
    let n = 0;
    let sources = 0;
    let positioned = withPositions && term.startsWith(PAIR_MARK);
    // A pair in one run only (most pairs: rare ones): its postings in order already, their positions copied as they come.
    let direct = false;
    if (positioned) {
      let from = 0;
      for (let i = 0; i < cursors.length; i++) if (cursors[i]!.term() === term) from++;
      direct = from === 1;
      positioned = !direct;
      bytes.length = 0;
    }
    if (positioned && starts.length < keyed.length) [starts, ends] = [new Uint32Array(keyed.length), new Uint32Array(keyed.length)];
    for (let i = 0; i < cursors.length; i++) {
      const c = cursors[i]!;
      if (c.term() !== term) continue;
      sources++;
      while (c.term() === term) {
        c.take();
        const part = c.part!;
        const { from, to } = c;
        if (n + to - from > keyed.length) {
          const grown = new Float64Array(Math.max(2 * keyed.length, n + to - from));
          grown.set(keyed.subarray(0, n));
          keyed = grown;
          ids = new Uint32Array(grown.length);
          // A pair's counts are gathered with its postings (`keyed` holds its ranks): kept, or they read 0 once merged.
          const keptCounts = new Uint8Array(grown.length);
          keptCounts.set(counts.subarray(0, n));
          counts = keptCounts;
          if (positioned) {
            const [s, e] = [new Uint32Array(grown.length), new Uint32Array(grown.length)];
            s.set(starts.subarray(0, n));
            e.set(ends.subarray(0, n));
            [starts, ends] = [s, e];
          }
        }
        let every = direct;
        for (let k = from; k < to && every; k++) every = alive(removedBy, part.ids[k]!, c.row.run);
        if (every) {
          for (let k = from; k < to; k++) keyed[n++] = part.ids[k]! * 256 + part.counts[k]!;
          bytes.append(part.positions!, c.positionsFrom, c.positionsTo);
          if (c.needsRead()) await c.read();
          continue;
        }
        let at = c.positionsFrom;
        for (let k = from; k < to; k++) {
          const id = part.ids[k]!;
          const end = positioned || direct ? skipPositions(part.positions!, at, 1) : 0;
          if (alive(removedBy, id, c.row.run)) {
            if (positioned) {
              sourceBytes[n] = part.positions!;
              starts[n] = at;
              ends[n] = end;
              // Sorted as id × 2²¹ + rank (ids are below 2³², so exact); past 2²¹ postings, a rank found by id (unique once removals are dropped).
              keyed[n] = id * 2 ** 21 + (n % 2 ** 21);
              counts[n++] = part.counts[k]!;
            } else {
              keyed[n++] = id * 256 + part.counts[k]!;
              if (direct) bytes.append(part.positions!, at, end);
            }
          }
          at = end;
        }
        if (c.needsRead()) await c.read();
      }
    }
    if (n > 0 && positioned) {
      // Each id once (a newer run's removals dropped the older postings of an article): sorted by id, then its posting found again by its rank.
      const sortedCounts = counts.slice(0, n);
      const rank = new Map<number, number>();
      if (sources > 1) {
        if (n >= 2 ** 21) for (let k = 0; k < n; k++) rank.set(Math.floor(keyed[k]! / 2 ** 21), k);
        keyed.subarray(0, n).sort();
      }
      bytes.length = 0;
      for (let k = 0; k < n; k++) {
        const r = sources > 1 ? (n >= 2 ** 21 ? rank.get(Math.floor(keyed[k]! / 2 ** 21))! : keyed[k]! % 2 ** 21) : k;
        ids[k] = Math.floor(keyed[k]! / 2 ** 21);
        counts[k] = sortedCounts[r]!;
        bytes.append(sourceBytes[r]!, starts[r]!, ends[r]!);
      }
      writer.add(term, ids, counts, 0, n, bytes.bytes, 0, bytes.length);
    } else if (n > 0) {
      if (sources > 1) keyed.subarray(0, n).sort();
      for (let k = 0; k < n; k++) {
        ids[k] = Math.floor(keyed[k]! / 256);
        counts[k] = keyed[k]! % 256;
      }
      if (direct) writer.add(term, ids, counts, 0, n, bytes.bytes, 0, bytes.length);
      else writer.add(term, ids, counts, 0, n);
    }
    if (writer.parts.length >= o.writeParts) await stager.write(writer.parts);
    const wait = turn();
    if (wait) {
      await wait;
      // An import began meanwhile: the merge waits until it is stored (runs it writes are numbered after this merge's, as any write's).
      while (o.held()) await new Promise((resolve) => setTimeout(resolve, HELD_RETRY_MS));
    }
  }
  const removed: number[] = [];
  if (older) for (const g of group) removed.push(...g.removed);
  const { run } = writer.done(removed, group.every((g) => g.pairs === true));
  await stager.write(writer.parts, true);
  // Always listed, even empty: the newest number listed never goes back, so no run written later takes the number of one whose parts are still being deleted.
  return store.commit(group, run, { into: null, staged: 0, garbage: group.map((g) => [g.run, g.firsts.length]) });
}

/**
 * Merges runs while a merge is due (`plannedMerge`), after clearing what an earlier job left
 * (`clearLeftovers`); each merge in steps that give way (see the module). A merge whose runs
 * changed meanwhile (another job replaced one) is given up and planned again.
 */
export async function runMerges(given: MergeStore, options: MergeOptions = {}): Promise<void> {
  const o = { ...DEFAULTS, ...options };
  const store = keptAwake(given, o);
  await clearLeftovers(store, o.writeParts);
  for (;;) {
    if (o.held()) return;
    const runs = (await store.runs()).sort((a, b) => a.run - b.run);
    const group = plannedMerge(runs, o.policy);
    if (!group) return;
    const end = runs.indexOf(group[group.length - 1]!) + 1;
    const into = mergedNumber(runs, end);
    try {
      await mergeGroup(store, group, into, runs[0] !== group[0], o);
    } catch (error) {
      if (!(error instanceof RunChanged)) throw error;
    }
    await clearLeftovers(store, o.writeParts);
  }
}

/**
 * One merge job at a time for a database: `schedule` after a run is written starts one, or has
 * the one under way look again when it ends.
 */
export class WordMerges {
  private running: Promise<void> | null = null;
  private again = false;
  /** A look again while merges are held (`MergeOptions.held`). */
  private later: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly store: MergeStore, private readonly options: MergeOptions = {}) {}

  schedule(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.options.held?.()) {
      this.later ??= setTimeout(() => {
        this.later = null;
        this.schedule();
      }, HELD_RETRY_MS);
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await runMerges(this.store, this.options);
      } while (this.again && !this.options.held?.());
    })()
      .catch((error: unknown) => console.warn('Recoupe: could not merge the word index; it stays correct, and is merged later', error))
      .finally(() => {
        this.running = null;
        // Stopped by a hold (or asked again meanwhile): looked at again once it is released.
        if (this.options.held?.()) this.schedule();
      });
  }

  /** Settles when no merge job is under way. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }
}

/** The key of the merges' mark in `meta`. */
const MARK_KEY = 'wordMerge';

/** Whether a listed run is still the one read (the same rows are never rewritten in place, but another job may replace one). */
const sameRun = (a: WordRun, b: WordRun) => a.postings === b.postings && a.pairs === b.pairs && a.positions === b.positions && a.removed.length === b.removed.length
  && a.firsts.length === b.firsts.length && a.firsts.every((f, i) => f === b.firsts[i]);

/** The merges' store on the corpus database. */
export function mergeStoreOf(db: CorpusDb): MergeStore {
  const range = (run: number, from: number, count: number) => db.wordParts.where(':id').between([run, from], [run, from + count], true, false);
  const putMark = (mark: MergeMark | null) => (mark ? db.meta.put({ key: MARK_KEY, value: mark }) : db.meta.delete(MARK_KEY));
  return {
    runs: () => db.wordRuns.toArray(),
    parts: (run, from, count) => range(run, from, count).toArray(),
    mark: async () => ((await db.meta.get(MARK_KEY))?.value as MergeMark | undefined) ?? null,
    stage: (parts, mark) => db.transaction('rw', [db.wordParts, db.meta], async () => {
      await db.wordParts.bulkPut(parts);
      await putMark(mark);
    }),
    commit: (group, merged, mark) => db.transaction('rw', [db.wordRuns, db.meta], async () => {
      const now = await db.wordRuns.bulkGet(group.map((g) => g.run));
      if (!now.every((r, i) => r && sameRun(r, group[i]!))) return false;
      await db.wordRuns.bulkDelete(group.map((g) => g.run));
      await db.wordRuns.put(merged);
      await putMark(mark);
      return true;
    }),
    drop: (run, from, count, mark) => db.transaction('rw', [db.wordParts, db.meta], async () => {
      if (count > 0) await range(run, from, count).delete();
      await putMark(mark);
    }),
  };
}
