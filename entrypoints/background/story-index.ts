/**
 * The background's same-story index and same-event links: loaded from the corpus database (or
 * rebuilt from the stored articles' features when missing, damaged or out of step), updated as
 * articles are saved, imported and deleted, and written back a moment after the last change.
 *
 * The saved index records the corpus version it describes (`bumpCorpusVersion`, counted in the
 * transaction of every change) and is used for that version only: a worker stopped between a
 * change and the next write of the index leaves an index the next start rebuilds, not one that
 * still describes an article's old text.
 *
 * The links (lib/corpus-index's `StoryLinks`: which stored articles report the same event) are
 * kept as articles arrive, never graded for the whole corpus on a request: a saved or prepared
 * article is queued (`add`) and its candidates graded in the background, a batch at a time, giving
 * way between articles (saved articles first, then those of an earlier corpus never linked). The
 * links and their stories (`StoryGroups`) are stored a row per article and a row per story (schema
 * 7), with what the Stories view shows of each story; a change writes the rows it changed. The
 * Stories view reads a page of stories: from memory once the links are loaded, else straight from
 * the stored rows (a new worker answers without reading the links), and says how many articles
 * are still being linked rather than waiting for them.
 */
import { bestConnected, bucketOf, bucketsFor, CorpusIndex, DATED_APART, GRADE_ALL_BELOW, IndexCorruptError, indexKeys, matchPageAsync, storedRowKeys, storyCandidates, StoryGroups, StoryLinks, type Match, type MatchOptions, type StoredIndexHead, type StoredIndexRow } from '../../lib/corpus-index';
import { GRADING_VERSION, hasFeatureShape, type ArticleFeatures, type PreparedFeatures } from '../../lib/match';
import { STORY_APART_KEY, STORY_COUNT_KEY, STORY_GRADING_KEY, STORY_INDEX_KEY, type CorpusDb, type MetaEntry, type StoredFeatures, type StoredStory, type StoredStoryLinks } from '../../extension/storage/corpus-db';
import { CORPUS_VERSION, corpusVersionOf, getCorpusVersion } from '../../extension/storage/corpus';
import type { StoryGroup } from '../../extension/protocol';
import { preparedArticles } from './prepared-articles';
import { backgroundTurn, foremost, inSlices, SLICE_MS, sliceTurns } from '../../extension/give-way';

/** The index's head (`StoredIndexHead`); its rows are in `indexRows`. */
const INDEX_KEY = STORY_INDEX_KEY;
/** Rows of the index read at a time when it is read whole, at first (`nextPage` sizes the next pages). */
const ROWS_PAGE = 500;
/** The corpus version the saved index describes, written with it. */
const INDEX_VERSION_KEY = 'storyIndexVersion';
/** The last `featureChanges` row the saved index shows (written with it): the rows after it are what it misses. */
const INDEX_CHANGE_KEY = 'storyIndexChange';
/** A saved index that misses more than this share of the corpus is rebuilt rather than replayed. */
const REPLAY_AT_MOST = 0.25;
/** The corpus version the rows of links and stories were last brought up to date for (a worker that loaded them). */
const ROWS_VERSION_KEY = 'storyRowsVersion';
/** Articles whose linked parts the stored stories still owe a whole regrouping (`StoryGroups.owed`), written with them. */
const OWED_KEY = 'storyOwed';
const PERSIST_DELAY_MS = 2_000;
/** The longest a change waits for its write while changes keep coming. */
const PERSIST_AT_MOST_MS = 10_000;
/** Features read at a time when the index is rebuilt, at first (`nextPage` sizes the next pages). */
const FEATURES_PAGE = 100;
/** Rows of links read at a time when they are loaded, at first. */
const LINKS_PAGE = 1_000;
/**
 * The size of the next page of a read in pages, from how long the last one took: a page's rows are
 * taken in (deserialised) in one stretch, which holds every request meanwhile (500 features were
 * 200–350 ms of one stretch at 3,000 articles in Node under load), so each takes about half a slice.
 */
const nextPage = (size: number, ms: number) => Math.max(20, Math.min(20_000, Math.round((size * SLICE_MS) / 2 / Math.max(1, ms))));
/** Articles whose links are graded together: their candidates' features read in one request. */
const LINK_BATCH = 32;
/**
 * Prepared features kept between the queue's batches (about 10 KB each): the articles of a corpus
 * linked for the first time are candidates of many others, and preparing one is most of grading it
 * (the profile of a 100,000-article corpus linked whole: `prepare` 24 s of 90).
 */
const PREPARED_KEPT = 10_000;

/** A story and what the Stories view shows of it (undefined: not made yet; null: nothing, its articles are gone). */
export interface StoryEntry {
  ids: readonly string[];
  view: StoryGroup | null | undefined;
  /** Its `STORY_LISTED` best-connected members as its stored row says (`StoredStory.best`), when read from one. */
  best?: readonly string[];
}

/** A page of the stories, largest first: `total` stories of `grouped` articles in all, `linking` articles whose links are still to be graded. */
export interface StoryPage {
  stories: StoryEntry[];
  total: number;
  grouped: number;
  linking: number;
}

/**
 * What `STORY_COUNT_KEY` holds: the rows written, the articles they group, those still to be
 * linked then and the last article with features then (`top`) (each absent in counts written before).
 */
interface StoryCount {
  stories: number;
  articles: number;
  linking?: number;
  top?: number;
}

/** What the links and stories rows last written hold (`persist` writes what changed since). */
interface Written {
  stories: Map<string, { ids: readonly string[]; view: StoryGroup | null | undefined }>;
  apart: ReadonlySet<string> | null;
}

/**
 * Articles a story's view lists at most: the story's best-connected ones (`bestConnected`: the
 * article it is named after, then those its grouping rests on most). Making a view reads the
 * summaries and features of these alone, whatever the story's size (a corpus made of a few
 * sources' copies has stories of thousands, which made the first page read most of the corpus);
 * the view still holds every member's id, so its count is the story's, and says how many it lists.
 */
export const STORY_LISTED = 12;

/** Every member of `story` for its view: those `listed` (read), then those not `chosen` (not read); one chosen but not found left out. */
export function everyMember(story: readonly string[], chosen: readonly string[], listed: StoryGroup['articles']): number[] {
  const read = new Set(chosen);
  return [...listed.map((a) => a.id), ...story.filter((id) => !read.has(id)).map(Number)];
}

/**
 * `view`, made for a story as it was, for `story` as it is now, when what it lists is what a view
 * made now would list (the same lead, and the same best-connected articles, `listed` at most): its
 * members counted anew. Undefined when it is not (the story changed materially: a view to make).
 */
export function viewKept(view: StoryGroup, story: readonly string[], links: StoryLinks, listed: number): StoryGroup | undefined {
  if (view.lead === undefined) return undefined;
  const chosen = bestConnected(story, links, Math.max(2, listed));
  if (String(view.lead) !== chosen[0] || view.articles.length !== chosen.length || !view.articles.every((a) => chosen.includes(String(a.id)))) return undefined;
  return { ...view, ids: everyMember(story, chosen, view.articles) };
}

/** A stored row's links, as `StoryLinks.restore` takes them. */
function pairsOf(row: StoredStoryLinks): [string, number][] {
  const pairs: [string, number][] = [];
  for (let i = 0; i + 1 < row.links.length; i += 2) pairs.push([String(row.links[i]), row.links[i + 1]!]);
  return pairs;
}

const sameIds = (a: readonly string[], b: readonly string[]) => a === b || (a.length === b.length && a.every((x, i) => x === b[i]));
/** The keys the index holds `features` under (`indexKeys`): those whose rows a request on them reads. */
function keysOf(features: readonly (ArticleFeatures | undefined)[]): string[] {
  return features.flatMap((f) => (f ? indexKeys(f).map(([k]) => k) : []));
}

/** A change of the index made while a load was under way, applied to the loaded index too (`StoryIndex.whole`). */
type IndexChange = { add: [string, ArticleFeatures]; remove?: undefined } | { add?: undefined; remove: string[] };

/**
 * Entries of `meta` and the corpus version (its own table from schema 13), read in one transaction:
 * what was saved with a version and the version as it is now, at one moment.
 */
function withCorpusVersion(db: CorpusDb, keys: string[]): Promise<[(MetaEntry | undefined)[], number]> {
  return db.transaction('r', [db.meta, db.corpusVersion], async () => {
    const [entries, version] = await Promise.all([db.meta.bulkGet(keys), db.corpusVersion.get(CORPUS_VERSION)]);
    return [entries, corpusVersionOf(version)] as [(MetaEntry | undefined)[], number];
  });
}

/**
 * Drops the saved index, its links and stories when they were made with other grading rules than
 * today's (`STORY_GRADING_KEY`, `GRADING_VERSION`): a link graded by the old rules shows a claim the
 * new ones no longer make (its reasons, its story). The index is then rebuilt from the stored
 * features and every article linked again, as in a corpus never linked (no text read). One
 * transaction, the version recorded in it: a worker stopped later keeps what it linked since.
 */
async function dropOtherGrading(db: CorpusDb): Promise<void> {
  await db.transaction('rw', [db.meta, db.storyLinks, db.stories, db.indexRows], async () => {
    const [graded, head] = await db.meta.bulkGet([STORY_GRADING_KEY, INDEX_KEY]);
    if (graded?.value === GRADING_VERSION) return;
    if (head || (await db.storyLinks.count()) > 0) console.info(`Recoupe: story index and links dropped (graded by rules version ${String(graded?.value ?? 1)}, now ${GRADING_VERSION}); linked again from the stored features`);
    await Promise.all([
      db.storyLinks.clear(),
      db.stories.clear(),
      db.indexRows.clear(),
      db.meta.bulkDelete([INDEX_KEY, INDEX_VERSION_KEY, INDEX_CHANGE_KEY, STORY_COUNT_KEY, ROWS_VERSION_KEY, OWED_KEY, STORY_APART_KEY]),
    ]);
    await db.meta.put({ key: STORY_GRADING_KEY, value: GRADING_VERSION });
  });
}

/** About the bytes of a stored index row (its strings at two bytes a character, its arrays): what the benches count of a request's reads. */
function rowBytes(row: StoredIndexRow): number {
  return 2 * row.keyText.length + row.keyEnds.byteLength + row.df.byteLength + row.postingEnds.byteLength + row.docs.byteLength + row.weights.byteLength;
}

/** Stories in the Stories view's order: largest first, then by first member. */
const storyOrder = (x: readonly string[], y: readonly string[]) => y.length - x.length || (x[0]! < y[0]! ? -1 : x[0]! > y[0]! ? 1 : 0);

export class StoryIndex {
  /** The whole index, loading (`get`). */
  private index: Promise<CorpusIndex> | null = null;
  /** The index changes are applied to and requests read (`indexNow`): the saved head's, or the whole one once loaded. */
  private inUse: CorpusIndex | null = null;
  /** The saved head read (`openHead`). */
  private opening: Promise<CorpusIndex | null> | null = null;
  /** Changes applied while a load is under way (`whole`). */
  private log: IndexChange[] | null = null;
  /** The layout of the stored rows the next write adds to; null: the next write is whole, in a new layout. */
  private layout: { buckets: number; gen: number } | null = null;
  /** The links and their stories, loaded from their rows (`loadLinks`). */
  private loading: Promise<{ links: StoryLinks; groups: StoryGroups }> | null = null;
  private loaded: { links: StoryLinks; groups: StoryGroups } | null = null;
  /** The stories in the view's order, until they change. */
  private sorted: string[][] | null = null;
  /**
   * What the Stories view shows of each story, by the story's first member, with the members it
   * was made for: a story is read and its reasons written once, and kept with the stories.
   */
  private views = new Map<string, { ids: readonly string[]; view: StoryGroup | null }>();
  /** Articles whose links are still to be graded; `urgent`: those saved or prepared since the worker started, graded first. */
  private pending = new Set<string>();
  private urgent = new Set<string>();
  /** Articles saved again (their text may have changed): their old links go before they are graded again. */
  private resaved = new Set<string>();
  /** Articles queued again while being graded (`add` during a batch): left in the queue. */
  private requeued = new Set<string>();
  private linking: Promise<void> | null = null;
  /** The saved articles being graded before the links are loaded (`linkEarly`), once at a time. */
  private linkingEarly: Promise<void> | null = null;
  /** Who waits for the next batch of links (`storyGroupsOf`). */
  private batchDone: (() => void)[] = [];
  /**
   * Articles graded before the links were loaded (a new worker asked for a saved article's story:
   * `linkEarly`: `graded`), their links kept among themselves (`links`, each recorded both ways)
   * and applied to the loaded links by `loadLinks`; `resaved`: those whose stored row is stale (saved again).
   */
  private early: { links: StoryLinks; graded: Set<string>; resaved: Set<string> } | null = null;
  /** Stories asked for before the links were loaded, answered from the stored rows: the links' load waits for them (`link`). */
  private answering = new Set<Promise<unknown>>();
  /**
   * Prepared features (`PREPARED_KEPT` at most) for the index as it was at change `changes` (a
   * prepared article weighs its keys with the index's frequencies: any change of the index, new ones).
   */
  private prepared: { index: CorpusIndex | null; changes: number; map: Map<string, PreparedFeatures> } = { index: null, changes: 0, map: new Map() };
  /** Changes of the index (articles added and removed) since this worker started. */
  private changes = 0;
  /** Articles whose row of links changed since the last write. */
  private dirty = new Set<string>();
  private written: Written = { stories: new Map(), apart: null };
  /** Articles in the index when it was last built whole. */
  private builtSize = 0;
  private persistTimer: ReturnType<typeof setTimeout> | null = null;
  /** A write under way (`persist`): the next waits for it. */
  private persisting = false;
  /** When the write now waiting was first asked for. */
  private persistSince = 0;
  /** The write now waiting is due at once (`schedulePersist(true)`): later changes do not put it off. */
  private persistSoon = false;
  /** Changes of the corpus under way (`change`): the index may not yet show what they stored. */
  private changing = 0;
  /** Their runs (the links' load waits for them between its pages). */
  private changesRunning = new Set<Promise<unknown>>();
  /** Stopped (`stop`): links and writes nothing more. */
  private stopped = false;

  /**
   * Time spent by phase (milliseconds) and rows read by table, when a benchmark asks for them (set
   * to a map): where a request's time goes (scripts/bench/stories.bench.ts prints it; never asserted).
   */
  spent: Map<string, number> | null = null;

  /** Whether a change reads the saved head first (`change`; the stories bench turns it off to measure without, in the same run). */
  headFirst = true;

  /**
   * Whether an article asked for while a new worker loads its links (a second save after a pause)
   * is graded and placed before the load ends (`linkedFirst`), as the first save is; off, as
   * before, it waits for every row of links (the stories bench turns it off to measure without, in the same run).
   */
  linkWhileLoading = true;

  /** Rows put at once by a write (tests take fewer). */
  rowsPage = ROWS_PAGE;

  /** Articles changed while a backlog is linked around which the stories are regrouped at once (tests take fewer). */
  regroupNearAt = 512;

  /** The saved index, links and stories checked against today's grading rules (`dropOtherGrading`), once, before any of them is read. */
  private gradingChecked: Promise<void> | null = null;

  private gradedAsNow(): Promise<void> {
    this.gradingChecked ??= dropOtherGrading(this.db).catch((error: unknown) => {
      this.gradingChecked = null;
      throw error;
    });
    return this.gradingChecked;
  }

  constructor(private readonly db: CorpusDb) {
    // Reachable from DevTools (the worker's global): scale-chromium.bench.ts sets `spent` on it to
    // say where a save's time goes in Chromium.
    (globalThis as { recoupeStoryIndex?: StoryIndex }).recoupeStoryIndex = this;
  }

  /** `run`, its time added to phase `phase` of `spent` when recorded (the save handler times its steps with it too). */
  async timed<T>(phase: string, run: () => Promise<T>): Promise<T> {
    if (!this.spent) return run();
    const started = performance.now();
    try {
      return await run();
    } finally {
      this.spent.set(phase, (this.spent.get(phase) ?? 0) + performance.now() - started);
    }
  }

  /** `run` (synchronous), timed as `timed` times. */
  timedNow<T>(phase: string, run: () => T): T {
    if (!this.spent) return run();
    const started = performance.now();
    try {
      return run();
    } finally {
      this.spent.set(phase, (this.spent.get(phase) ?? 0) + performance.now() - started);
    }
  }

  /** Counts `n` in `spent` under `what` (rows read). */
  private counted(what: string, n: number): void {
    this.spent?.set(what, (this.spent.get(what) ?? 0) + n);
  }

  /**
   * The whole index, every stored row read (or rebuilt), on first use: for whoever needs every key
   * (a rebuild's write, the benchmarks). Requests and changes use `indexNow` and `need` instead.
   */
  get(): Promise<CorpusIndex> {
    this.index ??= this.whole(this.load(false)).catch((error: unknown) => {
      this.index = null; // Try again next time rather than keep a failure.
      throw error;
    });
    return this.index;
  }

  /**
   * A load's index, once done, put in use: the changes applied meanwhile to the index in use before
   * (`log`) applied to it too when it is another (rebuilt, or brought up to date).
   */
  private async whole(loading: Promise<CorpusIndex>): Promise<CorpusIndex> {
    this.log ??= [];
    try {
      const index = await loading;
      if (index !== this.inUse) {
        for (const change of this.log) {
          if (change.add) index.add(change.add[0], change.add[1]);
          else for (const id of change.remove) index.remove(id);
        }
      }
      this.inUse = index;
      return index;
    } finally {
      this.log = null;
    }
  }

  /**
   * The index requests and changes use: read from the saved head when it describes the corpus as it
   * is (its rows read as they are needed: `need`), else the whole index once loaded or rebuilt.
   */
  async indexNow(): Promise<CorpusIndex> {
    if (this.inUse) return this.inUse;
    if (!this.index) {
      const fromHead = await this.openHead();
      if (fromHead && this.inUse === fromHead) return fromHead;
    }
    return this.get();
  }

  /**
   * The index of the saved head (`CorpusIndex.fromHead`), no row read yet, when it was saved for the
   * corpus version as it is; null otherwise (then the index is loaded whole: `load`). Read once.
   */
  private openHead(): Promise<CorpusIndex | null> {
    this.opening ??= (async () => {
      await this.gradedAsNow();
      const [[savedHead, savedVersion], version] = await this.timed('head read', () => withCorpusVersion(this.db, [INDEX_KEY, INDEX_VERSION_KEY]));
      if (!savedHead?.value || savedVersion?.value !== version) return null;
      const h = savedHead.value as Partial<StoredIndexHead>;
      if (this.spent && typeof h.idText === 'string') this.counted('head (bytes)', 2 * h.idText.length + (h.idEnds?.byteLength ?? 0) + (h.serials?.byteLength ?? 0));
      let index: CorpusIndex;
      try {
        index = this.timedNow('head taken in', () => CorpusIndex.fromHead(savedHead.value));
      } catch (error) {
        if (error instanceof IndexCorruptError) return null;
        throw error;
      }
      if (!this.inUse && !this.index) {
        const head = savedHead.value as StoredIndexHead;
        this.inUse = index;
        this.layout = { buckets: head.buckets, gen: head.gen };
        this.builtSize = index.size;
      }
      return index;
    })();
    return this.opening;
  }

  /**
   * Reads the rows `index` still needs for `keys` (none once whole). False when a row is missing
   * or damaged: the index is then loaded whole (`get`, which rebuilds it), and the caller asks again.
   */
  async need(index: CorpusIndex, keys: Iterable<string>): Promise<boolean> {
    const missing = index.missingBuckets(keys);
    if (missing.length === 0) return true;
    const rows = await this.timed('index rows read', () => this.db.indexRows.bulkGet(missing));
    this.counted('index rows (count)', missing.length);
    if (this.spent) {
      this.counted('index rows (bytes)', rows.reduce((n, r) => n + (r ? rowBytes(r) : 0), 0));
      this.counted('index rows (posting bytes)', rows.reduce((n, r) => n + (r ? r.docs.byteLength + r.weights.byteLength + r.postingEnds.byteLength : 0), 0));
    }
    try {
      this.timedNow('index rows taken in', () => index.absorb(missing, rows));
      return true;
    } catch (error) {
      if (!(error instanceof IndexCorruptError)) throw error;
      console.info(`Recoupe: story index rebuilt (${error.message})`);
      if (this.inUse === index) this.inUse = null;
      return false;
    }
  }

  /** The index with the rows of `features`' keys read: what a page's candidates or an article's grading reads. */
  async indexFor(features: readonly (ArticleFeatures | undefined)[]): Promise<CorpusIndex> {
    for (;;) {
      const index = await this.indexNow();
      if (await this.need(index, keysOf(features))) return index;
    }
  }

  /**
   * The stored articles on the same event as `features` or related to it (`matchPageAsync`), from
   * the rows of its keys and of its candidates' keys: a new worker answers without the whole index.
   */
  async match(features: ArticleFeatures, options: MatchOptions = {}): Promise<{ matches: Match[]; size: number }> {
    for (;;) {
      const index = await this.indexFor([features]);
      let complete = true;
      const matches = await matchPageAsync(index, features, async (ids) => {
        const found = await this.features(ids);
        if (!(await this.need(index, keysOf(found)))) complete = false;
        return complete ? found : [];
      }, options);
      if (complete) return { matches, size: index.size };
    }
  }

  private async load(forceRebuild: boolean): Promise<CorpusIndex> {
    // The saved head and the version it was saved for are written together (`persist`) and read
    // in one request; the corpus version moves in the transaction of every change, so an index
    // saved for the current version lists exactly the stored articles. Features are read only to rebuild.
    await this.gradedAsNow();
    const [[savedIndex, savedVersion, savedChange], version] = await withCorpusVersion(this.db, [INDEX_KEY, INDEX_VERSION_KEY, INDEX_CHANGE_KEY]);
    const serialised = savedIndex?.value ?? null;
    const savedFor = savedVersion?.value;
    let reason = !serialised ? 'no stored index' : forceRebuild ? 'the corpus has doubled' : `saved for corpus version ${String(savedFor)}, the corpus is at ${version}`;
    if (serialised && !forceRebuild && savedFor === version) {
      try {
        // The index of the head, in use already when a request came first, its other rows read now.
        const index = (await this.openHead()) ?? CorpusIndex.fromHead(serialised);
        await this.readRows(index);
        this.builtSize = index.size;
        return index;
      } catch (error) {
        if (!(error instanceof IndexCorruptError)) throw error;
        reason = error.message;
      }
    } else if (serialised && !forceRebuild && typeof savedChange?.value === 'number') {
      const replayed = await this.replay(serialised, savedChange.value);
      if (replayed) return replayed;
    }
    // Rebuilt in slices: no request waits for the whole of it.
    const index = await inSlices(CorpusIndex.building(await this.storedFeatures()), backgroundTurn);
    if (serialised && !forceRebuild && typeof savedChange?.value === 'number') {
      const logged = await this.db.featureChanges.where(':id').above(savedChange.value).toArray();
      this.relink([...new Set(logged.flatMap((c) => c.ids))].map(String).filter((id) => index.has(id)));
    }
    this.builtSize = index.size;
    this.layout = null; // Written whole, in a layout sized for it.
    if (serialised && !forceRebuild) console.info(`Recoupe: story index rebuilt (${reason})`);
    this.schedulePersist();
    return index;
  }

  /** Every row `index` has not read yet, a page at a time, giving way between pages; throws `IndexCorruptError` on a missing or damaged row. */
  private async readRows(index: CorpusIndex): Promise<void> {
    for (let size = ROWS_PAGE; ;) {
      const wanted = index.unreadBuckets().slice(0, size);
      if (wanted.length === 0) return;
      const started = performance.now();
      index.absorb(wanted, await this.db.indexRows.bulkGet(wanted));
      size = nextPage(size, performance.now() - started);
      await backgroundTurn();
    }
  }

  /**
   * The saved index brought up to date with the feature changes logged after it (`FeatureChange`):
   * each id logged is taken out and put back with its features as stored now (or left out, when it
   * has none: deleted, or waiting to be prepared), as the worker that stopped would have done. Null
   * (rebuild) when the saved copy is damaged or the log names more than `REPLAY_AT_MOST` of it.
   */
  private async replay(serialised: unknown, after: number): Promise<CorpusIndex | null> {
    const changes = await this.db.featureChanges.where(':id').above(after).toArray();
    const ids = [...new Set(changes.flatMap((c) => c.ids))];
    let index: CorpusIndex;
    try {
      index = CorpusIndex.fromHead(serialised);
      if (ids.length > Math.max(1_000, index.size * REPLAY_AT_MOST)) return null;
      await this.readRows(index);
    } catch (error) {
      if (error instanceof IndexCorruptError) return null;
      throw error;
    }
    const features = await this.features(ids.map(String));
    ids.forEach((id, i) => {
      index.remove(String(id));
      const f = features[i];
      if (f) index.add(String(id), f);
    });
    this.relink(ids.filter((_, i) => features[i]).map(String));
    const head = serialised as StoredIndexHead;
    this.layout = { buckets: head.buckets, gen: head.gen };
    this.builtSize = index.size;
    console.info(`Recoupe: story index brought up to date (articles changed since it was saved: ${ids.length})`);
    this.schedulePersist();
    return index;
  }

  /**
   * Queues `ids` to be linked again, their stored links dropped first: their features changed after
   * the saved index (logged, `FeatureChange`) and a worker stopped before writing their links again
   * (a save, the refresh job's new features: features-refresh.ts), so their rows show old links.
   */
  private relink(ids: string[]): void {
    for (const id of ids) {
      this.pending.add(id);
      this.resaved.add(id);
    }
  }

  /**
   * Runs a change of the corpus (a save, a delete, an import) and its update of the index: while
   * one runs, the index is not written, since it may not yet show what the change stored.
   */
  async change<T>(run: () => Promise<T>): Promise<T> {
    this.changing++;
    try {
      // The saved head read before the change's transaction moves the corpus version: read after,
      // it no longer describes the corpus, and a new worker's first save read every row of the
      // index and replayed the log (`load`) before placing the article (0.6–0.9 s at 100,000 in
      // Chromium). Read before, it is the index a worker that read it earlier holds, and the change
      // is applied to it (`add`, `remove`) as to any index in use.
      if (this.headFirst && !this.inUse && !this.index) await this.timed('head first', () => this.openHead().catch(() => null));
      const running = this.timed('change (article write and index add)', run);
      this.changesRunning.add(running);
      try {
        return await running;
      } finally {
        this.changesRunning.delete(running);
      }
    } finally {
      this.changing--;
    }
  }

  /**
   * The stories of the stored corpus, every article linked, kept current as articles are saved and
   * deleted: regrouped only where links change. `apart`: the pairs the reader marked "not the same
   * event", as `pairKey`s of ids.
   */
  async storyGroups(apart: ReadonlySet<string>): Promise<{ links: StoryLinks; groups: StoryGroups }> {
    const loaded = await this.linked();
    this.setApart(loaded.groups, apart);
    return loaded;
  }

  /**
   * The stories once `ids` are linked (taken before the rest of the queue when still in it), with
   * what else is linked so far: a storyline of a few articles does not wait for an import's backlog
   * (an article of it is graded against its candidates, linked or not, so its story holds them).
   */
  async storyGroupsOf(ids: readonly string[], apart: ReadonlySet<string>): Promise<{ links: StoryLinks; groups: StoryGroups }> {
    if (!this.loaded) {
      // A new worker: the articles asked for are graded and placed from the rows of the stories
      // their links touch (`nearby`), not from every row of links, which load once this is answered.
      const answer = (async () => {
        // Those never linked (no row: an import's backlog, which `loadLinks` would queue) are graded first too.
        const index = await this.indexNow();
        const rows = await this.timed('links read', () => this.db.storyLinks.bulkGet(ids.map(Number)));
        ids.forEach((id, i) => {
          if (!this.loaded && index.has(id) && !rows[i] && !this.early?.graded.has(id)) this.pending.add(id);
        });
        await this.linkedFirst(ids);
        return this.loaded ? null : this.nearby(ids, apart);
      })();
      this.answering.add(answer);
      try {
        const near = await answer;
        if (near) return near;
      } finally {
        this.answering.delete(answer);
      }
    }
    const loaded = await this.load_();
    await this.linkedFirst(ids);
    this.setApart(loaded.groups, apart);
    return loaded;
  }

  /**
   * Once `ids` are linked, taken before the rest of the queue. Before the links are loaded, graded
   * early (`linkEarly`), whether their load has begun or not: a second save in a new worker waited
   * for every row of links (63–90 s at 100,000 articles in Chromium), which now load meanwhile.
   */
  private async linkedFirst(ids: readonly string[]): Promise<void> {
    const waiting = ids.filter((id) => this.pending.has(id));
    for (const id of waiting) this.urgent.add(id);
    while (waiting.some((id) => this.pending.has(id))) {
      const batch = new Promise<void>((resolve) => this.batchDone.push(resolve));
      let work = this.link();
      if (!this.loaded && this.linkWhileLoading) {
        // The links' load goes on in the background (a failure told there); graded before it ends.
        void work.catch((error: unknown) => console.warn('Recoupe: could not link the stored articles to their stories', error));
        work = this.earlyLinking();
      }
      await Promise.race([batch, work]);
    }
  }

  /** `linkEarly`, one run at a time (`link` and `linkedFirst` join it). */
  private earlyLinking(): Promise<void> {
    this.linkingEarly ??= this.linkEarly().finally(() => {
      this.linkingEarly = null;
    });
    return this.linkingEarly;
  }

  /**
   * The stories of `ids` before the links are loaded: their linked parts (the articles joined to
   * them by same-event links, as `StoryGroups.settle` regroups after a change), walked over the
   * stored rows of links and the early grades, and grouped as `StoryGroups` groups them (group-average
   * linkage over the links among them). A part grouped alone gives the stories of grouping all, so
   * these are the stories a worker that loaded every link gives (the links it would hold: the rows,
   * with the early grades in place of the rows of articles graded again). Null when that cannot be
   * known without every row: the part reaches an article without a row that was not graded early
   * (one still to be linked: others' rows hold links to it that its own would), or the links were
   * loaded meanwhile (then they answer).
   */
  private async nearby(ids: readonly string[], apart: ReadonlySet<string>): Promise<{ links: StoryLinks; groups: StoryGroups } | null> {
    const index = await this.indexNow();
    const early = this.early ?? { links: new StoryLinks(), graded: new Set<string>(), resaved: new Set<string>() };
    /** Stored rows read, by article (null: none). */
    const stored = new Map<string, [string, number][] | null>();
    /** Links of `m`: its stored row (unless saved again since) and early grades, without stale links to an article saved again. */
    const linksOf = (m: string): [string, number][] => {
      const own = early.resaved.has(m) ? [] : (stored.get(m) ?? []).filter(([o]) => !early.resaved.has(o));
      return [...own, ...early.links.of(m)];
    };
    const part = new Set(ids.filter((id) => index.has(id)));
    for (;;) {
      const wanted = [...part].filter((m) => !stored.has(m));
      if (wanted.length > 0) {
        const rows = await this.timed('links read', () => this.db.storyLinks.bulkGet(wanted.map(Number)));
        this.counted('links (count)', wanted.length);
        if (this.loaded) return null;
        wanted.forEach((m, i) => stored.set(m, rows[i] ? pairsOf(rows[i]) : null));
      }
      // Grown to the articles linked to its members (those deleted left out), until none is added:
      // the last pass and the grouping in one synchronous step, over the early grades as they are then.
      const grown = part.size;
      for (const m of [...part]) {
        if (stored.get(m) === null && !early.graded.has(m)) return null;
        for (const [o, score] of linksOf(m)) if (score !== DATED_APART && index.has(o)) part.add(o);
      }
      if (part.size === grown) break;
    }
    return this.timedNow('grouping', () => {
      const links = new StoryLinks();
      for (const m of part) links.restore(m, linksOf(m).filter(([o]) => part.has(o)));
      return { links, groups: new StoryGroups(links, { apart }) };
    });
  }

  /** Once every article known is linked (the queue empty), the links and their stories. */
  async linked(): Promise<{ links: StoryLinks; groups: StoryGroups }> {
    const loaded = await this.load_();
    while (this.pending.size > 0) await this.link();
    return loaded;
  }

  /**
   * A page of the stories as they stand, largest first, without waiting for articles still to be
   * linked (`linking` says how many). Before the links are loaded (a new worker), read from the
   * stored stories rows, page alone, while the links load in the background; from memory after.
   */
  async page(apart: ReadonlySet<string>, offset: number, limit: number): Promise<StoryPage> {
    if (!this.loaded) {
      // Answered from the rows before the links are read (their load would hold the database meanwhile).
      // Ahead of the background's rebuild and linking, which would otherwise take a slice between each of its reads.
      const answer = await foremost(() => this.fromRows(apart, offset, limit));
      const loading = this.load_();
      void loading.then(() => this.link()).catch((error: unknown) => console.warn('Recoupe: could not link the stored articles to their stories', error));
      if (answer && !this.loaded) return answer;
      await loading;
    }
    const { groups } = this.loaded!;
    this.setApart(groups, apart);
    void this.link().catch((error: unknown) => console.warn('Recoupe: could not link the stored articles to their stories', error));
    // What is owed regrouped in steps first: this answer waits for it, other requests do not.
    if (!this.sorted) await this.regroupInSteps(groups);
    this.sorted ??= this.current(groups).sort(storyOrder);
    const stories = this.sorted.slice(offset, offset + limit).map((ids) => ({ ids, view: this.viewOf(ids) }));
    return { stories, total: this.sorted.length, grouped: this.sorted.reduce((n, s) => n + s.length, 0), linking: this.pending.size };
  }

  /**
   * A page of the stored stories rows, without the links; null when they cannot answer: grouped
   * with other pairs kept apart than the reader's now, or not all there (then the links are loaded
   * and grouped first). Rows brought up to date for an earlier corpus version (articles deleted or
   * saved since, by a worker that did not load the links) answer without the stories holding an
   * article deleted since (they are regrouped once the links are loaded), the articles not linked
   * counted. A corpus never linked has no row: no story yet, every article still to be linked.
   */
  private async fromRows(apart: ReadonlySet<string>, offset: number, limit: number): Promise<StoryPage | null> {
    const db = this.db;
    await this.gradedAsNow();
    const [[savedApart, savedFor, count], corpusVersion] = await withCorpusVersion(db, [STORY_APART_KEY, ROWS_VERSION_KEY, STORY_COUNT_KEY]);
    const counted = count?.value as StoryCount | undefined;
    if (!counted) {
      const [graded, features] = await Promise.all([db.storyLinks.count(), db.features.count()]);
      return graded === 0 ? { stories: [], total: 0, grouped: 0, linking: features } : null;
    }
    const stored = new Set(Array.isArray(savedApart?.value) ? (savedApart.value as string[]) : []);
    if (stored.size !== apart.size || [...apart].some((k) => !stored.has(k))) return null;
    // The articles still to be linked as written with the rows when the corpus has not changed since;
    // else those then, with the articles saved since (ids above the last one then, `top`) that have
    // no row of links: two key ranges of the few saved since. Counts written before `top` was kept:
    // the rows of links against the features (each count reads its whole table, 0.3–0.5 s at 100,000 in Chromium).
    // An article deleted since while still to be linked stays counted until the links are loaded (moments later).
    const current = savedFor?.value === corpusVersion;
    const linking = async () => {
      if (typeof counted.linking === 'number') {
        if (current) return counted.linking;
        if (typeof counted.top === 'number') {
          const [saved, graded] = await Promise.all([db.features.where(':id').above(counted.top).primaryKeys(), db.storyLinks.where(':id').above(counted.top).primaryKeys()]);
          const linked = new Set(graded);
          return counted.linking + saved.filter((id) => !linked.has(id)).length;
        }
      }
      const [graded, features] = await Promise.all([db.storyLinks.count(), db.features.count()]);
      return Math.max(0, features - graded);
    };
    const [rows, total, toLink] = await Promise.all([db.stories.orderBy('[order+key]').offset(offset).limit(limit).toArray(), db.stories.count(), linking()]);
    if (counted.stories !== total) return null;
    let stories: StoryEntry[] = rows.map((r) => ({ ids: r.ids, view: r.view, ...(r.best ? { best: r.best } : {}) }));
    if (!current) {
      const present = new Set(await db.features.where(':id').anyOf(rows.flatMap((r) => r.ids.map(Number))).primaryKeys());
      stories = stories.filter((s) => s.ids.every((id) => present.has(Number(id))));
    }
    return { stories, total, grouped: counted.articles, linking: toLink };
  }

  private setApart(groups: StoryGroups, apart: ReadonlySet<string>): void {
    const kept = groups.keptApart();
    if (kept.size === apart.size && [...apart].every((k) => kept.has(k))) return;
    groups.setApart(apart);
    this.sorted = null;
    this.schedulePersist();
  }

  /**
   * The stories as they stand: while a backlog is being linked, regrouped only around what each
   * batch changed (`StoryGroups.storiesNear`: a large linked part is not regrouped whole per write
   * or per view), whole once the queue is empty (the stories of the links grouped whole).
   */
  private current(groups: StoryGroups): string[][] {
    return this.timedNow('regrouping', () => (this.pending.size > 0 ? groups.storiesNear() : groups.stories()));
  }

  /** A regrouping made in steps (`regroupInSteps`), under way. */
  private regrouping: Promise<void> | null = null;

  /**
   * What `current` would regroup, made in steps between which the background gives way
   * (`StoryGroups.regroupingSteps`; issue 20, item 5), so that `current` right after has only what
   * changed meanwhile left to do: made in one go, the whole regrouping at the end of a backlog and
   * those near a batch's changes were single tasks of up to ~1 s and ~0.6 s at 10,000 articles in Node.
   * One at a time (a second waits for the first, then makes what is left).
   */
  private async regroupInSteps(groups: StoryGroups): Promise<void> {
    while (this.regrouping) await this.regrouping;
    this.regrouping = (async () => {
      const turn = sliceTurns(SLICE_MS, backgroundTurn);
      const inSteps = async (whole: boolean): Promise<void> => {
        const steps = groups.regroupingSteps(whole);
        try {
          for (let step = this.timedNow('regrouping', () => steps.next()); !step.done; step = this.timedNow('regrouping', () => steps.next())) {
            const wait = turn();
            if (wait) await wait;
          }
        } finally {
          steps.return(); // Ended however it ends: `StoryGroups` makes one regrouping in steps at a time.
        }
      };
      // Near the changes while articles are queued, else whole; whole too when the queue emptied
      // meanwhile (`current` would otherwise regroup the whole backlog's parts in one go).
      if (this.pending.size > 0) await inSteps(false);
      if (this.pending.size === 0) await inSteps(true);
    })().finally(() => {
      this.regrouping = null;
    });
    await this.regrouping;
  }

  /**
   * What the Stories view shows of `story` (undefined: not made yet; null: nothing, its articles are
   * gone): the view kept for it, or, the story changed since but not in what its view lists, that
   * view with the members counted anew (`viewKept`, with the links loaded), so that it is written too.
   */
  private viewOf(story: readonly string[]): StoryGroup | null | undefined {
    const kept = this.views.get(story[0]!);
    if (!kept) return undefined;
    if (sameIds(kept.ids, story)) return kept.view;
    const view = kept.view && this.loaded ? viewKept(kept.view, story, this.loaded.links, STORY_LISTED) : undefined;
    if (view) this.views.set(story[0]!, { ids: story, view });
    return view;
  }

  /**
   * What the Stories view last showed of the story that begins with `story[0]`, whatever its members
   * were then (`corpusStories` keeps it when the story changed but not what the view lists); undefined: none kept.
   */
  earlierView(story: readonly string[]): StoryGroup | null | undefined {
    return this.views.get(story[0]!)?.view;
  }

  /** Keep what the Stories view shows of `story` (written with the stories a moment later). */
  keepView(story: readonly string[], view: StoryGroup | null): void {
    this.views.set(story[0]!, { ids: story, view });
    this.schedulePersist();
  }

  /** Links of `ids` (to each other and beyond): from memory when loaded, else from their stored rows alone. */
  async linksAmong(ids: readonly string[]): Promise<StoryLinks> {
    if (this.loaded) return this.loaded.links;
    await this.gradedAsNow();
    const links = new StoryLinks();
    for (const row of await this.db.storyLinks.bulkGet(ids.map(Number))) if (row) links.restore(String(row.id), pairsOf(row));
    return links;
  }

  /** The links and their stories, loaded once. */
  private load_(): Promise<{ links: StoryLinks; groups: StoryGroups }> {
    this.loading ??= this.loadLinks().catch((error: unknown) => {
      this.loading = null;
      throw error;
    });
    return this.loading;
  }

  /**
   * The stored links, a page of rows at a time, and their stories: articles deleted since dropped,
   * those of the index without a row queued to be linked. Stories are grouped whole only when their
   * rows are missing or unsound (a corpus linked for the first time).
   */
  private async loadLinks(): Promise<{ links: StoryLinks; groups: StoryGroups }> {
    const index = await this.indexNow();
    const links = new StoryLinks();
    const graded = new Set<string>();
    for (let after = -Infinity, size = LINKS_PAGE; ;) {
      const started = performance.now();
      const rows: StoredStoryLinks[] = await this.db.storyLinks.where(':id').above(after).limit(size).toArray();
      for (const row of rows) {
        const id = String(row.id);
        graded.add(id);
        links.restore(id, pairsOf(row));
      }
      if (rows.length < size) break;
      size = nextPage(size, performance.now() - started);
      after = rows[rows.length - 1]!.id;
      await backgroundTurn();
      // A change (a save) and a story asked for meanwhile (a save's, graded early) done before the
      // next page: each of their requests otherwise waited for a page of this load (in Node at 5,000
      // articles, a second save's write took 200 ms against 6–16 ms for the first, done once the
      // load was). Neither waits for this load. (Not as before `linkWhileLoading`: the answer waited for it.)
      while (this.linkWhileLoading && (this.answering.size || this.changesRunning.size)) await Promise.allSettled([...this.answering, ...this.changesRunning]);
    }
    const [storyRows, [savedApart, count, savedOwed]] = await Promise.all([this.db.stories.toArray(), this.db.meta.bulkGet([STORY_APART_KEY, STORY_COUNT_KEY, OWED_KEY])]);
    const apart = new Set(Array.isArray(savedApart?.value) ? (savedApart.value as string[]) : []);
    const stories = (count?.value as StoryCount | undefined)?.stories === storyRows.length ? StoryGroups.saved(links, storyRows.map((r) => r.ids)) : null;
    const groups = stories ? new StoryGroups(links, { apart }, stories) : new StoryGroups(links, { apart });
    // The stories were written regrouped only around each change (a backlog being linked): their whole regrouping is still owed.
    if (stories && Array.isArray(savedOwed?.value)) groups.update((savedOwed.value as number[]).map(String).filter((id) => links.has(id)));
    // What the table holds, row by row: the next write rewrites a row whose story changed since
    // (regrouped here: owed, or grouped anew) and deletes one whose key no longer begins a story.
    // Recorded by the story a row's first member is in now, a row regrouped away would stay beside
    // the stories that replaced it, and the rows would disagree with their count for good: every
    // later worker's first opening then read every row of links and grouped them whole (95 s at
    // 100,000 in Chromium).
    for (const r of storyRows) {
      const story = groups.of(r.ids[0]!);
      const same = story !== undefined && story[0] === r.key && sameIds(story, r.ids);
      this.written.stories.set(r.key, { ids: same ? story : r.ids, view: r.view });
      // A row's view is its story's as it was then: shown as it is when the story is unchanged, else
      // checked against the story now beginning with its key (`viewOf`: `viewKept`), never taken as is.
      if (r.view !== undefined) this.views.set(r.key, { ids: same ? story : r.ids, view: r.view });
    }
    if (stories) this.written.apart = apart;
    // Changes since the rows were written: articles deleted dropped, those not linked queued (after
    // any saved meanwhile, already queued). Applied synchronously: no change comes in between.
    const changed: string[] = [];
    // Articles graded before the links were loaded: their stale rows' links replaced by their grades.
    if (this.early) {
      for (const id of this.early.resaved) changed.push(...links.remove(id));
      for (const id of this.early.links.ids()) {
        links.restore(id, this.early.links.of(id));
        this.dirty.add(id);
        changed.push(id, ...this.early.links.of(id).keys());
      }
      for (const id of this.early.graded) graded.add(id);
      this.early = null;
    }
    for (const id of links.ids()) {
      if (index.has(id)) continue;
      changed.push(...links.remove(id));
      this.dirty.add(id);
    }
    for (const id of index.articleIds()) if (!graded.has(id) && !this.pending.has(id)) this.pending.add(id);
    groups.update(changed);
    this.loaded = { links, groups };
    this.sorted = null;
    // Written again too when the count says nothing of the articles still to be linked (written by an
    // earlier version): until it does, every new worker's first opening counts two whole tables.
    // At once when the stories were grouped whole (their rows missing or unsound): the costly repair is written before anything can stop the worker.
    if (changed.length || !stories || typeof (count?.value as StoryCount | undefined)?.top !== 'number') this.schedulePersist(!stories && storyRows.length > 0);
    return this.loaded;
  }

  /**
   * Grades the links of the queued articles, a batch at a time (saved ones first), giving way between
   * articles; runs until the queue is empty. Resolves when it is (a call while it runs joins it).
   */
  private link(): Promise<void> {
    this.linking ??= (async () => {
      if (!this.loaded) {
        await this.earlyLinking();
        // The stories asked for meanwhile are answered from the stored rows before every row of links is read.
        while (this.answering.size) await Promise.allSettled([...this.answering]);
      }
      const { links, groups } = await this.load_();
      const turn = sliceTurns(SLICE_MS, backgroundTurn);
      let hints: string[] = [];
      while (this.pending.size > 0 && !this.stopped) {
        const index = await this.indexNow();
        // Saved articles first; then those of the backlog found as candidates by the last batch, whose
        // own candidates are much the same (the prepared features kept are used again), then the rest.
        const picked = new Set<string>();
        for (const queue of [this.urgent, hints, this.pending]) {
          for (const id of queue) {
            if (picked.size >= LINK_BATCH) break;
            if (this.pending.has(id)) picked.add(id);
          }
        }
        const batch = [...picked];
        const inputs = await this.batchInputs(index, batch);
        if (!inputs) continue; // A row of the index was damaged: it is rebuilt, the batch taken again.
        const { own, candidateIds, prepared, load } = inputs;
        hints = [...candidateIds].filter((id) => this.pending.has(id) && !picked.has(id));
        const changed = new Set<string>();
        const regroup = () => {
          for (const c of changed) this.dirty.add(c);
          groups.update(changed);
          changed.clear();
          this.sorted = null;
        };
        for (const [i, id] of batch.entries()) {
          const current = await this.indexNow();
          if (!this.pending.has(id)) continue; // deleted meanwhile
          if (current === index && index.has(id) && own[i]) {
            if (this.resaved.delete(id)) for (const c of links.remove(id)) changed.add(c);
            // A candidate to a step, giving way between them; a candidate deleted meanwhile is not linked.
            const grading = links.gradeSteps(id, own[i]!, index, load, prepared, (other) => !index.has(other));
            let step = this.timedNow('grading', () => grading.next());
            for (; !step.done; step = this.timedNow('grading', () => grading.next())) {
              const wait = turn();
              if (wait) {
                regroup();
                await wait;
              }
            }
            for (const c of step.value) changed.add(c);
            this.dirty.add(id);
            // A backlog's stories regrouped around a few hundred changes at a time, each its own
            // step: regrouped at the next write, ten seconds of linking were one task of 100–160 ms
            // in Chromium at 10,000 articles (issue 20, item 5).
            if (this.pending.size > 1 && changed.size + groups.owedNear >= this.regroupNearAt) {
              regroup();
              await this.regroupInSteps(groups);
            }
            // Deleted meanwhile: the links graded after its deletion go too.
            if (!this.pending.has(id)) {
              for (const c of links.remove(id)) changed.add(c);
              continue;
            }
            // The index rebuilt meanwhile: graded again, from its links dropped.
            if (this.inUse !== index) {
              this.resaved.add(id);
              continue;
            }
          }
          // Saved again meanwhile, or the index rebuilt: graded again (an article added to the index
          // meanwhile changes its frequencies a little: the batch goes on with them as prepared).
          if (this.requeued.delete(id) || current !== index) continue;
          this.pending.delete(id);
          this.urgent.delete(id);
          const wait = turn();
          if (wait) {
            // Grouped before giving way: a Stories view answered meanwhile counts this article as
            // linked (it left the queue), so its story must hold it (with the queue empty, the view
            // said "0 still being linked" without the last article in any story).
            regroup();
            await wait;
          }
        }
        regroup();
        this.schedulePersist();
        for (const done of this.batchDone.splice(0)) done();
      }
    })().finally(() => {
      this.linking = null;
    });
    return this.linking;
  }

  /**
   * Before the links are loaded (a new worker), the saved articles (`urgent`) graded against their
   * candidates as `link` grades them, their links kept in `early` until the links load: a save's
   * story is answered without reading every row of links first (1.2 s at 20,000 articles), the
   * first save's before that load begins, later ones' while it is under way (`linkedFirst`).
   */
  private async linkEarly(): Promise<void> {
    const turn = sliceTurns(SLICE_MS, backgroundTurn);
    while (!this.loaded) {
      const batch = [...this.urgent].filter((id) => this.pending.has(id)).slice(0, LINK_BATCH);
      if (batch.length === 0) return;
      const index = await this.indexNow();
      const inputs = await this.batchInputs(index, batch);
      if (!inputs) continue;
      const { own, prepared, load } = inputs;
      if (this.loaded) return; // Loaded meanwhile: `link` goes on from the loaded links.
      const early = (this.early ??= { links: new StoryLinks(), graded: new Set(), resaved: new Set() });
      for (const [i, id] of batch.entries()) {
        if (!this.pending.has(id)) continue; // deleted meanwhile
        const current = await this.indexNow();
        if (this.loaded) return;
        if (current === index && index.has(id) && own[i]) {
          if (this.resaved.delete(id)) {
            early.links.remove(id);
            early.resaved.add(id);
          }
          this.timedNow('grading', () => early.links.grade(id, own[i]!, index, load, prepared));
          early.graded.add(id);
        }
        if (this.requeued.delete(id) || current !== index) continue;
        this.pending.delete(id);
        this.urgent.delete(id);
        const wait = turn();
        if (wait) await wait;
      }
      for (const done of this.batchDone.splice(0)) done();
    }
  }

  /**
   * What grading `batch` against `index` needs (`link` and `linkEarly`): the batch's features, its
   * candidates, and a reader of their features, prepared ones kept from earlier batches, the others
   * read a page at a time.
   */
  private async batchInputs(index: CorpusIndex, batch: string[]) {
    for (const id of batch) this.requeued.delete(id);
    const own = await this.features(batch);
    // The rows of the batch's keys, then of its candidates' (a new worker reads no other).
    if (!(await this.need(index, keysOf(own)))) return null;
    // Prepared once for as long as the index does not change (a changed or rebuilt one is taken at the next batch).
    const prepared = this.preparedFor(index);
    for (const id of batch) prepared.delete(id);
    // An article's candidates at a time, giving way between them (issue 20, item 5): a batch's in one
    // go were a task of up to ~0.5 s at 10,000 articles in Node, and their postings grow with the corpus.
    const candidateIds = new Set<string>();
    const turn = sliceTurns(SLICE_MS, backgroundTurn);
    for (const [i, id] of batch.entries()) {
      if (own[i] && index.has(id)) for (const c of this.timedNow('candidates', () => storyCandidates(index, id, own[i]!))) candidateIds.add(c);
      const wait = turn();
      if (wait) await wait;
    }
    const wanted: string[] = [];
    for (const id of candidateIds) {
      const kept = prepared.get(id);
      if (!kept) wanted.push(id);
      else {
        // Used again: the last to be dropped.
        prepared.delete(id);
        prepared.set(id, kept);
      }
    }
    const found = await this.featuresPaged(wanted);
    if (!(await this.need(index, keysOf(found)))) return null;
    const byId = new Map<string, ArticleFeatures>();
    wanted.forEach((id, i) => found[i] && byId.set(id, found[i]!));
    batch.forEach((id, i) => own[i] && byId.set(id, own[i]!));
    return { own, candidateIds, prepared, load: (other: string) => byId.get(other) ?? prepared.get(other)?.f };
  }

  /**
   * The prepared features kept for `index` as it is now (`prepared`), started anew when it changed;
   * beyond `PREPARED_KEPT`, those used least recently dropped (`batchInputs` moves those it uses to
   * the end). Dropped all at once, a corpus beyond twice the limit prepared again most candidates of
   * each batch (at 20,000 articles, grading and reading features took 5 and 6 times as long as at 10,000).
   */
  private preparedFor(index: CorpusIndex): Map<string, PreparedFeatures> {
    if (this.prepared.index !== index || this.prepared.changes !== this.changes) this.prepared = { index, changes: this.changes, map: new Map() };
    const map = this.prepared.map;
    for (const id of map.keys()) {
      if (map.size <= PREPARED_KEPT) break;
      map.delete(id);
    }
    return map;
  }

  /**
   * Puts `id` in the index with `features` and queues its links to be graded (again): before the
   * backlog when `saved` (a save), else with it (the refresh job's features: features-refresh.ts).
   */
  async add(id: number, features: ArticleFeatures, saved = true): Promise<void> {
    preparedArticles.forget([id]); // Saved again: its text may have changed.
    // The rows of its keys read (a new worker reads no other): the keys it is posted under are chosen by their frequencies.
    const index = await this.indexFor([features]);
    const key = String(id);
    const again = index.has(key);
    this.timedNow('index add', () => index.add(key, features));
    this.log?.push({ add: [key, features] });
    this.changes++;
    // The keys an article is found by are chosen with the word frequencies of its day; once the
    // corpus has doubled, choose them again for all (amortised, like a growing array).
    if (index.size >= GRADE_ALL_BELOW && index.size >= 2 * this.builtSize) {
      this.inUse = null; // Changes wait for the rebuilt index meanwhile.
      this.index = this.whole(this.load(true));
    }
    // Its links are graded in the background, before the articles of the backlog.
    if (again) this.resaved.add(key);
    if (this.pending.has(key)) this.requeued.add(key);
    this.pending.add(key);
    if (saved) this.urgent.add(key);
    // Linked right after (the links loaded first when this worker has not yet).
    setTimeout(() => void this.link().catch((error: unknown) => console.warn('Recoupe: could not link a saved article to its story', error)), 0);
    this.schedulePersist();
  }

  async remove(ids: number[]): Promise<void> {
    preparedArticles.forget(ids);
    const index = await this.indexNow();
    this.changes++;
    this.log?.push({ remove: ids.map(String) });
    for (const id of ids) {
      index.remove(String(id));
      for (const queue of [this.pending, this.urgent, this.resaved, this.requeued]) queue.delete(String(id));
      this.early?.links.remove(String(id));
      this.early?.graded.delete(String(id));
    }
    if (this.loaded) {
      const { links, groups } = this.loaded;
      for (const id of ids) {
        const changed = links.remove(String(id));
        for (const c of changed) this.dirty.add(c);
        this.dirty.add(String(id));
        groups.update(changed);
      }
      this.sorted = null;
    }
    this.schedulePersist();
  }

  /** Features of stored articles by id, for re-ranking candidates: read from their own table, never from the texts. */
  async features(ids: string[]): Promise<(ArticleFeatures | undefined)[]> {
    this.counted('features (count)', ids.length);
    const found = await this.timed('features read', async () => this.usable(await this.db.features.bulkGet(ids.map(Number))));
    if (this.spent) this.counted('features (keys)', found.reduce((n, f) => n + (f ? f.terms.length + f.entities.length : 0), 0));
    return found;
  }

  /** Rows of features read at a time by `featuresPaged` (sized by `nextPage`). */
  private featuresPage = FEATURES_PAGE;

  /** `features` read a page at a time, the background giving way between pages (a batch's candidates: up to 3,200 rows). */
  private async featuresPaged(ids: string[]): Promise<(ArticleFeatures | undefined)[]> {
    const out: (ArticleFeatures | undefined)[] = [];
    for (let at = 0; at < ids.length;) {
      if (at > 0) await backgroundTurn();
      const size = this.featuresPage;
      const started = performance.now();
      for (const f of await this.features(ids.slice(at, at + size))) out.push(f);
      at += size;
      if (at < ids.length) this.featuresPage = nextPage(size, performance.now() - started);
    }
    return out;
  }

  /**
   * The features of every stored article, from their own table (a damaged article has none: it is
   * left out), a page at a time, giving way between pages: read whole, 10,000 rows (about 23 MB)
   * are taken in at once. Changes made meanwhile are applied once the load is done (`add`, `remove`).
   */
  private async storedFeatures(): Promise<{ id: string; features: ArticleFeatures }[]> {
    const rows: StoredFeatures[] = [];
    for (let size = FEATURES_PAGE; ;) {
      const started = performance.now();
      const page = await this.db.features.where(':id').above(rows.at(-1)?.id ?? -Infinity).limit(size).toArray();
      for (const row of page) rows.push(row);
      if (page.length < size) break;
      size = nextPage(size, performance.now() - started);
      await backgroundTurn();
    }
    return (await this.usable(rows)).flatMap((features, i) => (features ? [{ id: String(rows[i]!.id), features }] : []));
  }

  /**
   * Stored features as they are, those of an older `FEATURES_VERSION` too (of the same shape): the
   * refresh job (features-refresh.ts) computes them again once and writes them back, telling this
   * index (`add`). Computed again here, from the text, at every read, a corpus of 100,000 read
   * every text at every start (issue 16). A row of no known shape (damaged) gives none: left out.
   */
  private async usable(rows: (StoredFeatures | undefined)[]): Promise<(ArticleFeatures | undefined)[]> {
    return rows.map((r) => (r && hasFeatureShape(r.match) ? r.match : undefined));
  }

  /**
   * Stops this index as a stopped worker stops: nothing more is linked or written (a benchmark's or
   * test's several workers over one database, where Chrome runs one at a time).
   */
  stop(): void {
    this.stopped = true;
    if (this.persistTimer) clearTimeout(this.persistTimer);
    this.persistTimer = null;
  }

  /**
   * Writes the changes a moment later (`PERSIST_DELAY_MS`, put off while changes keep coming), or
   * at once when `soon`: what a load repaired (stories grouped whole, 74–116 s at 100,000 in
   * Chromium), which a worker stopped before the delay would leave the next one to repair again.
   */
  private schedulePersist(soon = false): void {
    if (this.stopped) return;
    // Changes without a pause (a corpus being linked) are written every `PERSIST_AT_MOST_MS`
    // still: a worker stopped meanwhile leaves the next one the articles linked so far.
    if (this.persistTimer && (this.persistSoon || (!soon && performance.now() - this.persistSince > PERSIST_AT_MOST_MS))) return;
    if (this.persistTimer) clearTimeout(this.persistTimer);
    else this.persistSince = performance.now();
    this.persistSoon = soon;
    this.persistTimer = setTimeout(() => {
      this.persistTimer = null;
      this.persistSoon = false;
      // One write at a time: a whole one makes its rows in slices, meanwhile the next waits its turn.
      if (this.persisting) {
        this.schedulePersist();
        return;
      }
      this.persisting = true;
      void this.indexNow()
        .then((index) => this.persist(index))
        .then((written) => {
          this.persisting = false;
          if (!written) this.schedulePersist();
        })
        .catch((error: unknown) => {
          this.persisting = false;
          // A stored row found missing or damaged: the next write is whole (`persist` forgot the
          // layout), so write again rather than leave the saved index stale until the next change.
          if (error instanceof IndexCorruptError) {
            console.info(`Recoupe: story index written whole (${error.message})`);
            this.schedulePersist();
          } else console.warn('Recoupe: could not store the story index; it will be rebuilt', error);
        });
    }, soon ? 0 : PERSIST_DELAY_MS);
  }

  /**
   * Writes the index with the corpus version it describes, read in the same transaction, and the
   * rows of links and stories that changed since the last write; false (nothing written) while a
   * change is under way. With none under way, every change committed so far is in the index, and
   * one that starts now commits after this transaction (its own writes the version too), leaving
   * this copy stale rather than wrong.
   */
  /**
   * Every row of `index` in a new layout sized for its keys, made a slice at a time (giving way
   * between slices); the keys changed meanwhile are kept for the write (`persist` makes their rows again).
   */
  private async wholeRows(index: CorpusIndex): Promise<{ layout: { buckets: number; gen: number }; rows: StoredIndexRow[] }> {
    const taken = index.takeChanges();
    try {
      const buckets = bucketsFor(index.keyTotal());
      const gen = Math.floor(Math.random() * 2 ** 31);
      const keys = index.keysByBucket(buckets);
      const rows: StoredIndexRow[] = [];
      const turn = sliceTurns(SLICE_MS, backgroundTurn);
      for (let b = 0; b < buckets; b++) {
        rows.push(index.bucketRow(b, keys[b]!, buckets, gen));
        const wait = turn();
        if (wait) await wait;
      }
      return { layout: { buckets, gen }, rows };
    } catch (error) {
      index.keepChanges(taken);
      throw error;
    }
  }

  private async persist(index: CorpusIndex): Promise<boolean> {
    if ((!this.layout || index.owesWhole) && !index.complete) {
      // Written whole (a stored row was found missing or damaged by the last write): every row read first.
      try {
        await this.readRows(index);
      } catch (error) {
        if (!(error instanceof IndexCorruptError)) throw error;
        console.info(`Recoupe: story index rebuilt (${error.message})`);
        this.inUse = null; // Changes wait for the rebuilt index, which writes itself.
        this.index = this.whole(this.load(true));
        return false;
      }
    }
    // The stories regrouped around what changed first, in steps of their own (issue 20, item 5: with
    // the step below it was one task of up to 190 ms after a 10,000-article import, and as one task
    // of its own up to ~1 s in Node); the step regroups only what changed meanwhile.
    if (this.loaded) await this.regroupInSteps(this.loaded.groups);
    // Taken in one synchronous step, before the transaction (which must wait on nothing but the
    // database): the links and their stories describe the same moment.
    const linkRows: StoredStoryLinks[] = [];
    const gone: number[] = [];
    const storyRows: StoredStory[] = [];
    const dropped: string[] = [];
    let apart: ReadonlySet<string> | null = null;
    let owed: number[] = [];
    const dirty = this.dirty;
    const stories = new Map<string, { ids: readonly string[]; view: StoryGroup | null | undefined }>();
    const withLinks = this.loaded !== null;
    let articles = 0;
    if (this.loaded) {
      const { links, groups } = this.loaded;
      this.dirty = new Set();
      for (const id of dirty) {
        // An article still queued has no row: the next worker grades it.
        if (links.has(id) && !this.pending.has(id)) linkRows.push({ id: Number(id), links: [...links.of(id)].flatMap(([other, score]) => [Number(other), score]) });
        else gone.push(Number(id));
      }
      for (const ids of this.current(groups)) {
        articles += ids.length;
        const view = this.viewOf(ids);
        stories.set(ids[0]!, { ids, view });
        const before = this.written.stories.get(ids[0]!);
        if (!before || before.ids !== ids || before.view !== view) storyRows.push({ key: ids[0]!, order: -ids.length, ids: [...ids], best: bestConnected(ids, links, STORY_LISTED), ...(view === undefined ? {} : { view }) });
      }
      for (const key of this.written.stories.keys()) if (!stories.has(key)) dropped.push(key);
      if (this.written.apart !== groups.keptApart()) apart = groups.keptApart();
      owed = [...groups.owed()].map(Number);
    }
    // The index: the rows of the keys changed since the last write (read as stored, in the
    // transaction, and written again with them), or, when it was built whole, every row in a new
    // layout, made beforehand a slice at a time (the rows of keys changed meanwhile made again in it).
    const whole = !this.layout || index.owesWhole ? (await backgroundTurn(), await this.wholeRows(index)) : null;
    let taken: { keys: string[]; whole: boolean } | null = null;
    const db = this.db;
    const written = await db.transaction('rw', [db.meta, db.corpusVersion, db.storyLinks, db.stories, db.featureChanges, db.indexRows, db.features], async () => {
      if (this.changing > 0) return false;
      const layout = whole?.layout ?? this.layout!;
      taken = index.takeChanges();
      const byBucket = new Map<number, string[]>();
      for (const key of taken.keys) {
        const b = bucketOf(key, layout.buckets);
        const keys = byBucket.get(b);
        if (keys) keys.push(key);
        else byBucket.set(b, [key]);
      }
      const buckets = [...byBucket.keys()];
      const stored = whole ? buckets.map((b) => whole.rows[b]) : await db.indexRows.bulkGet(buckets);
      const rowOf = (i: number) => {
        const b = buckets[i]!;
        const keys = storedRowKeys(stored[i], b, { ...layout, nextSerial: Infinity });
        // A row gone or damaged since it was read: written whole next time rather than from what is left of it
        // (the transaction fails, nothing of it written, whatever page the row is in).
        if (!keys) throw new IndexCorruptError(`the stored row of bucket ${b} is missing or damaged`);
        return index.bucketRow(b, [...keys, ...byBucket.get(b)!], layout.buckets, layout.gen);
      };
      if (whole) {
        for (let i = 0; i < buckets.length; i++) {
          const row = rowOf(i);
          whole.rows[row.b] = row;
        }
        await db.indexRows.clear();
      }
      const serialised = index.head(layout.buckets, layout.gen);
      const version = await getCorpusVersion(db);
      // The log's last row, read in this transaction: every change up to it is in the index (none is under way).
      const change = (await db.featureChanges.toCollection().lastKey()) ?? 0;
      // The stories rows describe this version once brought up to date (a worker that did not load them leaves them for an earlier one).
      // The last article with features, read in this transaction: those above it are saved after these rows (`fromRows` counts them).
      const top = withLinks ? Number((await db.features.toCollection().lastKey()) ?? 0) : 0;
      const counted = withLinks ? [{ key: STORY_COUNT_KEY, value: { stories: stories.size, articles, linking: this.pending.size, top } satisfies StoryCount }, { key: ROWS_VERSION_KEY, value: version }, { key: OWED_KEY, value: owed }] : [];
      await db.meta.bulkPut([{ key: INDEX_KEY, value: serialised }, { key: INDEX_VERSION_KEY, value: version }, { key: STORY_GRADING_KEY, value: GRADING_VERSION }, { key: INDEX_CHANGE_KEY, value: change }, ...counted, ...(apart ? [{ key: STORY_APART_KEY, value: [...apart] }] : [])]);
      // Rows put a page at a time, the index's whole or changed ones (after an import's preparation,
      // nearly every bucket: one put of them was a task of ~210 ms in Chromium at 10,000 articles)
      // and the links' and stories': each put copies its rows (structured clone) in one go; the next page is put
      // once the last is written, so other tasks run between. The changed rows are made a page at a
      // time too, each before its put (made all at once, they were a task of up to ~190 ms at 100,000
      // articles); the index does not change meanwhile (every change waits for this transaction).
      const pages = async <T>(rows: T[], write: (page: T[]) => Promise<unknown>) => {
        for (let i = 0; i < rows.length; i += this.rowsPage) await write(rows.slice(i, i + this.rowsPage));
      };
      if (whole) await pages(whole.rows, (page) => db.indexRows.bulkPut(page));
      else {
        for (let i = 0; i < buckets.length; i += this.rowsPage) {
          const page: StoredIndexRow[] = [];
          for (let j = i; j < Math.min(buckets.length, i + this.rowsPage); j++) page.push(rowOf(j));
          await db.indexRows.bulkPut(page);
        }
      }
      await pages(linkRows, (page) => db.storyLinks.bulkPut(page));
      // Deleted a page at a time as well: the links of the articles still queued for linking (thousands
      // while an import's backlog is prepared) were deleted in one task of up to ~200 ms at 100,000 articles.
      await pages(gone, (page) => db.storyLinks.bulkDelete(page));
      await pages(dropped, (page) => db.stories.bulkDelete(page));
      await db.featureChanges.where(':id').belowOrEqual(change).delete();
      await pages(storyRows, (page) => db.stories.bulkPut(page));
      return true;
    }).catch((error: unknown) => {
      for (const id of dirty) this.dirty.add(id);
      if (taken) index.keepChanges(taken);
      if (whole) index.keepChanges({ keys: [], whole: true });
      if (error instanceof IndexCorruptError) this.layout = null;
      throw error;
    });
    if (!written) {
      for (const id of dirty) this.dirty.add(id);
      if (whole) index.keepChanges({ keys: [], whole: true });
      return false;
    }
    if (whole) this.layout = whole.layout;
    if (withLinks) this.written = { stories, apart: apart ?? this.written.apart };
    return true;
  }
}
