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
 * The links (lib/corpus-index's `StoryLinks`: which stored articles report the same event) are what the
 * Stories view groups; a saved or imported article's links are graded in the background, a few
 * articles at a time, so opening the view only groups the links already found. Saved links are
 * checked against the index when loaded (deleted articles dropped, new ones graded). The stories
 * of the links (`StoryGroups`) and what the Stories view shows of each are saved with them, so a
 * new worker groups nothing again. Rebuilds (of the index, of the links) run in slices that give
 * way to other requests.
 */
import { CorpusIndex, GRADE_ALL_BELOW, IndexCorruptError, storyCandidates, StoryGroups, StoryLinks } from '../../lib/corpus-index';
import { isFeatures, type ArticleFeatures } from '../../lib/match';
import type { CorpusDb, StoredFeatures } from '../../extension/storage/corpus-db';
import { featuresOf } from '../../extension/storage/analysis';
import { CORPUS_VERSION, getCorpusVersion, getMeta } from '../../extension/storage/corpus';
import { readableArticle, type StoredArticle } from '../../extension/storage/article-record';
import type { StoryGroup } from '../../extension/protocol';
import { preparedArticles } from './prepared-articles';
import { giveWay, inSlices } from '../../extension/give-way';

/** What is written under `GROUPS_KEY`: the stories, the pairs kept apart they were grouped with, and each story's view (undefined: not made yet). */
interface SavedGroups {
  apart: string[];
  stories: string[][];
  views: (StoryGroup | null | undefined)[];
}

const INDEX_KEY = 'storyIndex';
/** The corpus version the saved index describes, written with it. */
const INDEX_VERSION_KEY = 'storyIndexVersion';
const LINKS_KEY = 'storyLinks';
/**
 * The stories of the saved links and what the Stories view shows of each (`SavedGroups`), written
 * with the links: the first opening after a restart groups nothing and reads no article again.
 */
const GROUPS_KEY = 'storyGroups';
/** The last `featureChanges` row the saved index shows (written with it): the rows after it are what it misses. */
const INDEX_CHANGE_KEY = 'storyIndexChange';
const PERSIST_DELAY_MS = 2_000;
/**
 * At the latest this long after the first change it does not show, the index is written, even
 * while changes keep coming (an import being prepared changes the corpus every second): a worker
 * stopped meanwhile then replays a short log rather than rebuilding from every article's features.
 */
const PERSIST_MAX_DELAY_MS = 20_000;
/** A saved index that misses more than this share of the corpus is rebuilt rather than replayed. */
const REPLAY_AT_MOST = 0.25;
/** Features read at a time when the index is rebuilt. */
const FEATURES_PAGE = 500;

export class StoryIndex {
  private index: Promise<CorpusIndex> | null = null;
  private links: Promise<StoryLinks> | null = null;
  /** The stories of the links, kept current with them (null until the Stories view first asks, unless saved with the links). */
  private groups: { links: StoryLinks; groups: StoryGroups } | null = null;
  /**
   * What the Stories view shows of each story, by the story's members array (`StoryGroups` gives a
   * new one when a story changes): a story is read and its reasons written once, and kept with the stories.
   */
  private views = new WeakMap<readonly string[], StoryGroup | null>();
  /** Articles saved since the links were loaded, whose links are still to be graded. */
  private pending = new Set<string>();
  private draining: Promise<void> | null = null;
  /** Articles in the index when it was last built whole. */
  private builtSize = 0;
  private persistTimer: ReturnType<typeof setTimeout> | null = null;
  /** When the first change not yet written was scheduled (`PERSIST_MAX_DELAY_MS`). */
  private unwrittenSince: number | null = null;
  /** Changes of the corpus under way (`change`): the index may not yet show what they stored. */
  private changing = 0;

  constructor(private readonly db: CorpusDb) {}

  /** The index, loading or rebuilding it on first use. */
  get(): Promise<CorpusIndex> {
    this.index ??= this.load(false).catch((error: unknown) => {
      this.index = null; // Try again next time rather than keep a failure.
      throw error;
    });
    return this.index;
  }

  private async load(forceRebuild: boolean): Promise<CorpusIndex> {
    // The saved index and the version it was saved for are written together (`persist`) and read
    // in one request; the corpus version moves in the transaction of every change, so an index
    // saved for the current version lists exactly the stored articles. Features are read only to rebuild.
    const [savedIndex, savedVersion, corpusVersion, savedChange] = await this.db.meta.bulkGet([INDEX_KEY, INDEX_VERSION_KEY, CORPUS_VERSION, INDEX_CHANGE_KEY]);
    // `CorpusIndex.store`'s typed arrays (or the JSON text earlier versions wrote): nothing to parse.
    const serialised = savedIndex?.value ?? null;
    const savedFor = savedVersion?.value;
    const version = typeof corpusVersion?.value === 'number' ? corpusVersion.value : 0;
    let reason = !serialised ? 'no stored index' : forceRebuild ? 'the corpus has doubled' : `saved for corpus version ${String(savedFor)}, the corpus is at ${version}`;
    if (serialised && !forceRebuild && savedFor === version) {
      try {
        const index = CorpusIndex.deserialize(serialised);
        this.builtSize = index.size;
        if (typeof serialised === 'string') this.schedulePersist(); // An earlier version's JSON: kept in the form that loads without parsing.
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
    const index = await inSlices(CorpusIndex.building(await this.storedFeatures()));
    this.builtSize = index.size;
    if (serialised && !forceRebuild) console.info(`Recoupe: story index rebuilt (${reason})`);
    this.schedulePersist();
    return index;
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
      index = CorpusIndex.deserialize(serialised as Parameters<typeof CorpusIndex.deserialize>[0]);
    } catch (error) {
      if (error instanceof IndexCorruptError) return null;
      throw error;
    }
    if (ids.length > Math.max(1_000, index.size * REPLAY_AT_MOST)) return null;
    const features = await this.features(ids.map(String));
    ids.forEach((id, i) => {
      index.remove(String(id));
      const f = features[i];
      if (f) index.add(String(id), f);
    });
    this.builtSize = index.size;
    console.info(`Recoupe: story index brought up to date (articles changed since it was saved: ${ids.length})`);
    this.schedulePersist();
    return index;
  }

  /**
   * Runs a change of the corpus (a save, a delete, an import) and its update of the index: while
   * one runs, the index is not written, since it may not yet show what the change stored.
   */
  async change<T>(run: () => Promise<T>): Promise<T> {
    this.changing++;
    try {
      return await run();
    } finally {
      this.changing--;
    }
  }

  /**
   * The same-event links of every stored article, up to date: the stored ones when they list
   * the indexed articles (those saved since are graded now), else found again from all articles.
   */
  async storyLinks(): Promise<StoryLinks> {
    this.links ??= this.loadLinks().catch((error: unknown) => {
      this.links = null;
      throw error;
    });
    const links = await this.links;
    await this.drain();
    return links;
  }

  /**
   * The stories of the stored corpus, kept current as articles are saved and deleted: grouped
   * whole once, then regrouped only where links change. `apart`: the pairs the reader marked "not
   * the same event", as `pairKey`s of ids.
   */
  async storyGroups(apart: ReadonlySet<string>): Promise<{ links: StoryLinks; groups: StoryGroups }> {
    const links = await this.storyLinks();
    if (this.groups?.links !== links) this.groups = { links, groups: new StoryGroups(links, { apart }) };
    this.groups.groups.setApart(apart);
    return this.groups;
  }

  /** What the Stories view shows of `story` (undefined: not made yet; null: nothing, its articles are gone). */
  viewOf(story: readonly string[]): StoryGroup | null | undefined {
    return this.views.get(story);
  }

  /** Keep what the Stories view shows of `story` (written with the stories a moment later). */
  keepView(story: readonly string[], view: StoryGroup | null): void {
    this.views.set(story, view);
    this.schedulePersist();
  }

  private async loadLinks(): Promise<StoryLinks> {
    const index = await this.get();
    const [savedLinks, savedGroups] = await this.db.meta.bulkGet([LINKS_KEY, GROUPS_KEY]);
    const stored = StoryLinks.fromJSON(savedLinks?.value);
    if (stored) {
      const groups = this.restoreGroups(stored, savedGroups?.value);
      // Deleted since they were stored: dropped; saved since: graded.
      for (const id of stored.ids()) if (!index.has(id)) groups?.update(stored.remove(id));
      for (const id of index.articleIds()) if (!stored.has(id)) this.pending.add(id);
      return stored;
    }
    const links = await inSlices(StoryLinks.building(await this.storedFeatures(), index));
    this.schedulePersist();
    return links;
  }

  /** The stories saved with `links` (and their views), when they are there and sound. */
  private restoreGroups(links: StoryLinks, data: unknown): StoryGroups | null {
    const saved = data as Partial<SavedGroups> | null | undefined;
    const stories = saved && Array.isArray(saved.apart) && Array.isArray(saved.views) ? StoryGroups.saved(links, saved.stories) : null;
    if (!saved || !stories || saved.views!.length !== stories.length) return null;
    const groups = new StoryGroups(links, { apart: new Set(saved.apart) }, stories);
    stories.forEach((story, i) => {
      const view = saved.views![i];
      if (view === null || (view && Array.isArray(view.articles))) this.views.set(story, view);
    });
    this.groups = { links, groups };
    return groups;
  }

  /** Grade the links of the articles saved since the last time, a few at a time. */
  private drain(): Promise<void> {
    this.draining ??= (async () => {
      const links = await this.links!;
      const index = await this.get();
      for (const id of this.pending) {
        this.pending.delete(id);
        const [self] = await this.features([id]);
        if (!self || !index.has(id)) continue;
        const candidates = storyCandidates(index, id, self);
        const loaded = new Map(candidates.map((c, i) => [c, i]));
        const features = await this.features(candidates);
        const changed = links.add(id, self, index, (other) => features[loaded.get(other) ?? -1]);
        if (this.groups?.links === links) this.groups.groups.update(changed);
      }
      this.schedulePersist();
    })().finally(() => {
      this.draining = null;
    });
    return this.draining;
  }

  async add(id: number, features: ArticleFeatures): Promise<void> {
    preparedArticles.forget([id]); // Saved again: its text may have changed.
    const index = await this.get();
    index.add(String(id), features);
    // The keys an article is found by are chosen with the word frequencies of its day; once the
    // corpus has doubled, choose them again for all (amortised, like a growing array).
    if (index.size >= GRADE_ALL_BELOW && index.size >= 2 * this.builtSize) this.index = this.load(true);
    // Its links are graded in the background once the links are in memory (when they are not,
    // loading them finds it missing and grades it then).
    if (this.links) {
      this.pending.add(String(id));
      setTimeout(() => void this.drain().catch((error: unknown) => console.warn('Recoupe: could not link a saved article to its story', error)), 0);
    }
    this.schedulePersist();
  }

  async remove(ids: number[]): Promise<void> {
    preparedArticles.forget(ids);
    const index = await this.get();
    for (const id of ids) {
      index.remove(String(id));
      this.pending.delete(String(id));
    }
    if (this.links) {
      const links = await this.links;
      for (const id of ids) {
        const changed = links.remove(String(id));
        if (this.groups?.links === links) this.groups.groups.update(changed);
      }
    }
    this.schedulePersist();
  }

  /** Features of stored articles by id, for re-ranking candidates: read from their own table, never from the texts. */
  async features(ids: string[]): Promise<(ArticleFeatures | undefined)[]> {
    return this.usable(await this.db.features.bulkGet(ids.map(Number)));
  }

  /**
   * The features of every stored article, from their own table (a damaged article has none: it is
   * left out), a page at a time, giving way between pages: read whole, 10,000 rows (about 23 MB)
   * are taken in at once. Changes made meanwhile are applied once the load is done (`add`, `remove`).
   */
  private async storedFeatures(): Promise<{ id: string; features: ArticleFeatures }[]> {
    const rows: StoredFeatures[] = [];
    for (;;) {
      const page = await this.db.features.where(':id').above(rows.at(-1)?.id ?? -Infinity).limit(FEATURES_PAGE).toArray();
      rows.push(...page);
      if (page.length < FEATURES_PAGE) break;
      await giveWay();
    }
    return (await this.usable(rows)).flatMap((features, i) => (features ? [{ id: String(rows[i]!.id), features }] : []));
  }

  /** Stored features as they are, or, when of an older `FEATURES_VERSION`, computed again from their article. */
  private async usable(rows: (StoredFeatures | undefined)[]): Promise<(ArticleFeatures | undefined)[]> {
    const stale = rows.filter((r) => r && !isFeatures(r.match)).map((r) => r!.id);
    const fresh = new Map<number, ArticleFeatures>();
    for (const a of stale.length > 0 ? await this.db.articles.bulkGet(stale) : []) {
      const readable = a ? readableArticle(a) : null;
      if (readable) fresh.set(readable.id, featuresOf(readable));
    }
    return rows.map((r) => (!r ? undefined : isFeatures(r.match) ? r.match : fresh.get(r.id)));
  }

  private schedulePersist(): void {
    const now = Date.now();
    this.unwrittenSince ??= now;
    // Changes that keep coming postpone the write only up to PERSIST_MAX_DELAY_MS.
    if (this.persistTimer && now - this.unwrittenSince >= PERSIST_MAX_DELAY_MS) return;
    if (this.persistTimer) clearTimeout(this.persistTimer);
    this.persistTimer = setTimeout(() => {
      this.persistTimer = null;
      this.unwrittenSince = null;
      void this.get()
        .then((index) => this.persist(index))
        .then((written) => {
          if (!written) this.schedulePersist();
        })
        .catch((error: unknown) => console.warn('Recoupe: could not store the story index; it will be rebuilt', error));
    }, PERSIST_DELAY_MS);
  }

  /**
   * Writes the index with the corpus version it describes, read in the same transaction; false
   * (nothing written) while a change is under way. With none under way, every change committed so
   * far is in the index, and one that starts now commits after this transaction (its own writes the
   * version too), leaving this copy stale rather than wrong.
   */
  private async persist(index: CorpusIndex): Promise<boolean> {
    // Read before the transaction, which must wait on nothing but the database. The links and
    // their stories are taken together, in one synchronous step: they describe the same moment.
    const links = this.links ? await this.links : null;
    const saved: { key: string; value: unknown }[] = [];
    if (links) {
      const groups = this.groups?.links === links ? this.groups.groups : null;
      const stories = groups?.stories() ?? [];
      const value: SavedGroups | null = groups ? { apart: [...groups.keptApart()], stories, views: stories.map((s) => this.views.get(s)) } : null;
      saved.push({ key: LINKS_KEY, value: links.toJSON() }, { key: GROUPS_KEY, value });
    }
    return this.db.transaction('rw', [this.db.meta, this.db.featureChanges], async () => {
      if (this.changing > 0) return false;
      const serialised = index.store();
      const version = await getCorpusVersion(this.db);
      // The log's last row, read in this transaction: every change up to it is in the index (none is under way).
      const change = (await this.db.featureChanges.toCollection().lastKey()) ?? 0;
      await this.db.meta.bulkPut([{ key: INDEX_KEY, value: serialised }, { key: INDEX_VERSION_KEY, value: version }, { key: INDEX_CHANGE_KEY, value: change }, ...saved]);
      await this.db.featureChanges.where(':id').belowOrEqual(change).delete();
      return true;
    });
  }
}
