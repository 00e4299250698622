/**
 * The Stories view on a large corpus, in Node through the background's own code over
 * fake-indexeddb (entrypoints/background/story-index.ts and corpus-views.ts on the extension's
 * storage): a generated corpus of 100,000 articles (`RECOUPE_BENCH_STORIES_SIZE` for a quick
 * run), a fifth of them in stories of two to five versions of one report.
 * fake-indexeddb holds every record in the heap: at 100,000 run with
 * `NODE_OPTIONS=--max-old-space-size=12000` (the default heap runs out).
 *
 * Measured on the corpus and on a 5-article corpus in the same run (the baseline):
 * - Linking: the corpus's links graded in the background, a batch at a time (a corpus never linked,
 *   as after an import or the upgrade from a version that kept none), the Stories view opened
 *   meanwhile (it answers at once, counting the articles still being linked).
 * - Opening the view: the first time once linked (the first page's views made), again (warm; target
 *   ≤ 500 ms), and first thing after a restart (a new StoryIndex on the same database: the page
 *   read from the stored stories rows, the links not read; target ≤ 500 ms), and how long the new
 *   worker then takes to load the links in the background; and first thing in a new worker after
 *   one that found the stored stories owing a regrouping (as a backlog's worker stopped leaves them)
 *   wrote them back (rows left beside the regrouped stories made every later opening load all links).
 * - Saving one article (a version of a stored story's report): from the save to its story
 *   regrouped, and to the view open with it (target ≤ 50 ms), warm and first thing after a restart;
 *   of both, where the time goes (`StoryIndex.spent`: the head, the index rows, how many and their
 *   bytes, features, candidates, grading, links and stories rows, grouping; printed, never asserted).
 *   Saved as the background saves (`saveArticle`, which moves the corpus version), the saved head
 *   read before the write and, in the same run, after it (as before `StoryIndex.headFirst`).
 * - Two saves in a row first thing after a restart (a reader saving two articles after a pause):
 *   the second while the new worker loads every row of links, placed before that load ends
 *   (`StoryIndex.linkWhileLoading`) and, in the same run, after it (as before); each save's story
 *   checked against the one regrouped once every link is loaded.
 * - The first page's views made anew (the rows' views dropped, as a backlog that keeps changing the
 *   stories leaves them): from every member of each story (`listed` unbounded, as the views were
 *   made before) against its `STORY_LISTED` best-connected, first thing in a new worker and with the
 *   links loaded, with the records read. Large stories (`RECOUPE_BENCH_STORIES_VERSIONS=200`) are
 *   where the two differ: `RECOUPE_BENCH_STORIES_SIZE=20000 RECOUPE_BENCH_STORIES_VERSIONS=200`.
 * - Grading a corpus's pairs into links: relation and score alone on the index's key numbers,
 *   against the full grade with its reasons on string-keyed maps, over the same pairs.
 *
 * Features are merged from real paragraphs' (match.bench.ts), texts are one line: the view reads
 * titles, and the features are what the grading reads.
 */
// Before Dexie: it takes the global IndexedDB when it loads.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { computeFeatures, gradePrepared, prepare, relatePrepared, type ArticleFeatures } from '../../lib/match';
import { storyCandidates } from '../../lib/corpus-index';
import { CorpusDb } from '../../extension/storage/corpus-db';
import type { NewArticle, StoredArticle } from '../../extension/storage/article-record';
import { getCorpusVersion, getMeta, saveArticle } from '../../extension/storage/corpus';
import { STORY_LISTED, StoryIndex } from '../../entrypoints/background/story-index';
import { corpusStories } from '../../entrypoints/background/corpus-views';
import { percentiles, type Benchmark } from './bench';
import { merge, readSources } from './match.bench';
import { seededRandom } from '../../tests/support/seeded-random';

const SIZE = Number(process.env.RECOUPE_BENCH_STORIES_SIZE ?? 100_000);
/** Share of the corpus in stories of several versions. */
const IN_STORIES = 0.2;
/**
 * Versions of one report in a story: two to `VERSIONS` (`RECOUPE_BENCH_STORIES_VERSIONS`, 5 by
 * default; hundreds make the very large stories a corpus generated from few sources has, as the
 * panel bench's in Chromium, where the first page's views read every member of each story).
 */
const VERSIONS = Number(process.env.RECOUPE_BENCH_STORIES_VERSIONS ?? 5);
const RUNS = 5;
/** Articles whose candidates are graded both ways. */
const GRADED = 500;

/** The figures of one corpus. */
export interface StoriesFigures {
  articles: number;
  stories: number;
  grouped: number;
  /** Linking the whole corpus in the background (a corpus never linked). */
  linksMs: number;
  /** The view opened while the corpus was being linked: its time and the articles it said were still being linked. */
  whileLinking: { ms: number; linking: number };
  firstOpenMs: number;
  openMs: number;
  /** The first opening in a new worker (the page read from the stored rows). */
  restartOpenMs: number;
  /** The new worker's links loaded from their rows (in the background). */
  restartLoadMs: number;
  saveToStoryMs: number;
  saveToViewMs: number;
  /** A save first thing in a new worker, to its story as a storyline asks for it. */
  restartSaveToStoryMs: number;
  /**
   * Where those saves' time went (`StoryIndex.spent`: median of each phase over the saves, ms; rows
   * and records read counted), the article's own write (`article write`) and the rest (`other`:
   * turns given to the event loop, code outside the phases).
   */
  restartSaveSpent?: Record<string, number>;
  /** The same saves, the saved head read once the save is written (`StoryIndex.headFirst` off: as before), in the same run. */
  restartSaveHeadAfterMs?: number;
  restartSaveHeadAfterSpent?: Record<string, number>;
  /** The same for the saves of a warm worker (`saveToStoryMs`). */
  saveSpent?: Record<string, number>;
  /** Of those saves, how many were placed in another story than the one regrouped once every link was loaded. */
  restartSaveDiffers?: number;
  /** The first page's stories: how many, their articles in all, the largest. */
  firstPage?: { stories: number; articles: number; largest: number };
  /**
   * The first page's views made anew (the rows' views dropped, as a backlog that keeps changing the
   * stories leaves them), from every member (`all`: as before the views were bounded) and from the
   * listed best-connected ones (`listed`), first thing in a new worker (`cold`) and with its links
   * loaded (`loaded`): time, and records read: summaries, features and articles (`reads`), rows of links (`links`).
   */
  views?: Record<'all' | 'listed', Record<'cold' | 'loaded', { ms: number; reads: number; links: number }>>;
  /**
   * The first opening in a new worker after a worker found the stored stories owing a regrouping
   * (the largest written as two parts, as a backlog's worker stopped leaves them) and wrote them
   * back: its time, rows of links it asked for by id, and whether the rows written agreed with their count.
   */
  afterRegroup?: { ms: number; linkRows: number; rowsAgree: boolean };
  /**
   * Two saves in a row first thing in a new worker, each to its story (`storyGroupsOf`), medians:
   * the second graded and placed while the links load (`during`: `StoryIndex.linkWhileLoading`) or
   * after they are loaded (`after`: as before), in the same run; where the second's time went; of
   * all these saves, how many were placed in another story than the one regrouped once every link was loaded.
   */
  secondSave?: { during: { firstMs: number; secondMs: number; spent: Record<string, number> }; after: { firstMs: number; secondMs: number; spent: Record<string, number> }; differs: number };
  /** A page's matches (what the panel needs: candidates, their features, graded) first thing in a new worker. */
  restartMatchMs?: number;
}

export interface StoriesBenchResult {
  corpus: StoriesFigures;
  baseline: StoriesFigures;
  grading: { pairs: number; withReasonsMs: number; relationOnlyMs: number; ratio: number; reasonsOnNumbersMs: number; prepareMs?: number };
}

/** Counts among `StoryIndex.spent`'s entries (rows, bytes, keys), not times. */
const isCount = (k: string) => /\((count|bytes|keys|posting bytes)\)$/.test(k);

/**
 * `spent` with the time of the whole (`ms`) not in its phases (`other`: turns given to the event
 * loop, code outside the phases); `change (…)` and `head first` hold phases of their own, so are left out of the sum.
 */
function withOther(spent: Map<string, number>, ms: number): Map<string, number> {
  spent.set('other', ms - [...spent].filter(([k]) => !isCount(k) && !k.startsWith('change (') && k !== 'head first').reduce((n, [, x]) => n + x, 0));
  return spent;
}

/** The median of each entry over runs (0 where a run has none). */
const medians = (runs: Map<string, number>[]) => Object.fromEntries([...new Set(runs.flatMap((m) => [...m.keys()]))].map((k) => [k, percentiles(runs.map((m) => m.get(k) ?? 0)).median]));

async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

/** Articles per topic: the corpus's vocabulary is split into topics of about this many articles. */
const PER_TOPIC = 20;

/**
 * Features of `SIZE` articles: stories of versions (one paragraph each replaced, published within a
 * day), the rest one of a kind. Real paragraphs recur across generated articles, which real news
 * of other events does not do (one paragraph in common is graded the same event), so each article
 * belongs to a topic whose stems and names are its own (the key suffixed with the topic): only
 * articles of one topic can share words, and the same-event links stay as sparse at every size.
 */
export function generate(size = SIZE): ArticleFeatures[] {
  const pools = new Map<string, ArticleFeatures[]>();
  for (const s of readSources()) {
    const lang = s.lang ?? 'en';
    const pool = pools.get(lang) ?? [];
    pools.set(lang, pool);
    for (const p of s.text.split(/\n\s*\n|\n/).map((x) => x.trim()).filter((x) => x.length > 80)) pool.push(computeFeatures({ text: p, language: lang }));
  }
  const langs = [...pools.keys()].filter((l) => pools.get(l)!.length >= 20);
  const rnd = seededRandom(16);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const day = (d: number) => new Date(Date.UTC(2010, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
  const topics = Math.max(1, Math.round(size / PER_TOPIC));
  const inTopic = (f: ArticleFeatures, t: number): ArticleFeatures => ({
    ...f,
    terms: f.terms.map(([k, c]) => [`${k}${t}`, c]),
    entities: f.entities.map(([k, l, c]) => [`${k} ${t}`, `${l} ${t}`, c]),
    quoted: f.quoted.map((h) => (h ^ Math.imul(t + 1, 0x9e3779b1)) >>> 0),
  });
  const out: ArticleFeatures[] = [];
  while (out.length < size) {
    const pool = pools.get(pick(langs))!;
    const parts = Array.from({ length: 4 + Math.floor(rnd() * 4) }, () => pick(pool));
    const d = Math.floor(rnd() * 3650);
    const topic = Math.floor(rnd() * topics);
    if (rnd() < IN_STORIES / ((VERSIONS + 2) / 2)) {
      for (let v = 2 + Math.floor(rnd() * (VERSIONS - 1)); v > 0 && out.length < size; v--) {
        const version = [...parts];
        version[Math.floor(rnd() * version.length)] = pick(pool);
        out.push(inTopic(merge(version, day(d + Math.floor(rnd() * 2))), topic));
      }
    } else out.push(inTopic(merge(parts, day(d)), topic));
  }
  return out;
}

/** A stored record of generated features, its text one line (its title). */
export const record = (f: ArticleFeatures, i: number): Omit<StoredArticle, 'id'> => {
  const title = `${f.terms.slice(0, 6).map(([s]) => s).join(' ')} ${i}`;
  return {
    url: `https://bench.example/${i}`, canonicalUrl: null, title, byline: null, site: `site${i % 97}.example`, language: f.lang,
    publishedTime: f.published, savedAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
    text: title, paragraphs: [{ start: 0, end: title.length }], wordCount: 6, origin: 'page', analysis: { match: f },
  } as Omit<StoredArticle, 'id'>;
};

/** Waits until the links and stories of `articles` articles are written back (a moment after the last change). */
async function persisted(db: CorpusDb, articles: number): Promise<void> {
  for (let waited = 0; waited < 600_000; waited += 250) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    if ((await db.storyLinks.count()) === articles && (await getMeta(db, 'storyRowsVersion')) === (await getCorpusVersion(db))) return;
  }
  throw new Error('The links were not written back');
}

/**
 * A save of a new version of stored article `of`, under another address, as the background saves
 * a page (handlers.ts `saveState`: `saveArticle`, which moves the corpus version, and the story
 * index told, in one `change`); its id.
 */
async function saveVersion(db: CorpusDb, stories: StoryIndex, of: number, n: number): Promise<number> {
  const original = (await db.articles.get(of))!;
  const { match } = (await db.features.get(of))!;
  // With its features, as `record` stores them: records carry none since schema 14, and features
  // computed from the one-line text were another article's (the copy was then graded `related` only).
  const copy = { ...original, url: `https://bench.example/saved-${n}`, analysis: { match } } as Partial<StoredArticle>;
  delete copy.id;
  return stories.change(async () => {
    const started = performance.now();
    const { id } = await saveArticle(db, copy as NewArticle);
    stories.spent?.set('article write', (stories.spent.get('article write') ?? 0) + performance.now() - started);
    await stories.add(id, match);
    return id;
  });
}

/** The figures of a corpus of `features`, stored in database `name`. */
async function measure(name: string, features: ArticleFeatures[]): Promise<{ figures: StoriesFigures; db: CorpusDb; stories: StoryIndex }> {
  await Dexie.delete(name);
  const db = new CorpusDb(name);
  for (let i = 0; i < features.length; i += 5_000) {
    await db.articles.bulkAdd(features.slice(i, i + 5_000).map((f, j) => record(f, i + j)) as StoredArticle[]);
  }
  let stories = new StoryIndex(db);
  // A corpus never linked: the view answers at once while the links are graded in the background.
  const linking = timed(() => stories.linked());
  await new Promise((resolve) => setTimeout(resolve, 200));
  const meanwhile = await timed(() => corpusStories(db, stories));
  const links = await linking;
  const first = await timed(() => corpusStories(db, stories));
  const opens: number[] = [];
  for (let i = 0; i < RUNS; i++) opens.push((await timed(() => corpusStories(db, stories))).ms);

  // Saves: a new version of a story's first article, its story regrouped once its links are graded.
  // The first article of a story (of any article when the corpus has no story: a copy is the same event as it).
  const inStories = first.value.stories.slice(0, 50).map((s) => s.ids[0]!);
  const source = (k: number) => (inStories.length ? inStories[k % inStories.length]! : 1 + (k % features.length));
  const toStory: number[] = [];
  const toView: number[] = [];
  const warmSpent: Map<string, number>[] = [];
  let saved = 0;
  for (let i = 0; i < RUNS; i++) {
    stories.spent = new Map();
    const t0 = performance.now();
    const id = await saveVersion(db, stories, source(i * 7), saved++);
    const { groups } = await stories.storyGroups(new Set());
    toStory.push(performance.now() - t0);
    warmSpent.push(withOther(stories.spent, toStory.at(-1)!));
    stories.spent = null;
    if (!groups.of(String(id))) throw new Error(`The saved version of article ${source(i * 7)} is in no story`);
    const shown = await corpusStories(db, stories, { limit: 1_000 });
    toView.push(performance.now() - t0);
    if (!shown.stories.some((s) => s.ids.includes(id))) throw new Error(`The saved version of article ${source(i * 7)} is not shown`);
  }
  let shown = await corpusStories(db, stories);
  await persisted(db, features.length + saved);

  // Restarts: a new worker's StoryIndex over the same database, the view opened first thing, then a save first thing.
  const restartOpens: number[] = [];
  const restartLoads: number[] = [];
  const restartSaves: number[] = [];
  const restartSpent: Map<string, number>[] = [];
  const restartSavesAfter: number[] = [];
  const restartSpentAfter: Map<string, number>[] = [];
  let restartSaveDiffers = 0;
  for (let i = 0; i < RUNS; i++) {
    // The worker before stopped (its pending writes would otherwise land after the new one's, which Chrome's one worker never sees).
    stories.stop?.();
    stories = new StoryIndex(db);
    const t0 = performance.now();
    const afterRestart = await corpusStories(db, stories);
    restartOpens.push(performance.now() - t0);
    if (JSON.stringify(afterRestart) !== JSON.stringify(shown)) throw new Error('The stories after a restart are not those shown before it');
    await stories.linked();
    restartLoads.push(performance.now() - t0);
    // Other new workers, a save first thing: its story as a storyline asks for it (`storyGroupsOf`);
    // the saved head read before the save's write and after it (`StoryIndex.headFirst`: as before),
    // in turn, which first alternating.
    for (const headFirst of i % 2 === 0 ? [true, false] : [false, true]) {
      stories.stop?.();
      stories = new StoryIndex(db);
      stories.headFirst = headFirst;
      stories.spent = new Map();
      const t1 = performance.now();
      const id = await saveVersion(db, stories, source(i), saved++);
      const near = (await stories.storyGroupsOf([String(id)], new Set())).groups.of(String(id));
      const ms = performance.now() - t1;
      (headFirst ? restartSaves : restartSavesAfter).push(ms);
      (headFirst ? restartSpent : restartSpentAfter).push(withOther(stories.spent, ms));
      stories.spent = null;
      if (!near) throw new Error('The version saved after a restart is in no story');
      // The same story as the one regrouped once every link is loaded.
      const whole = (await stories.storyGroups(new Set())).groups.of(String(id));
      if (whole?.join() !== near.join()) restartSaveDiffers++;
      shown = await corpusStories(db, stories);
      await persisted(db, features.length + saved);
    }
  }
  // Two saves in a row first thing in a new worker (a reader saving two articles after a pause):
  // each to its story as a storyline asks for it, the second while the worker loads every row of
  // links in the background; graded and placed before that load (`StoryIndex.linkWhileLoading`) or,
  // as before, after it, in turn, which first alternating. Each save's story checked against the one
  // regrouped once every link is loaded.
  const secondSaves = { during: { first: [] as number[], second: [] as number[], spent: [] as Map<string, number>[] }, after: { first: [] as number[], second: [] as number[], spent: [] as Map<string, number>[] } };
  let secondSaveDiffers = 0;
  for (let i = 0; i < RUNS; i++) {
    for (const during of i % 2 === 0 ? [true, false] : [false, true]) {
      stories.stop?.();
      stories = new StoryIndex(db);
      stories.linkWhileLoading = during;
      const figures = during ? secondSaves.during : secondSaves.after;
      const placed: [number, readonly string[] | undefined][] = [];
      for (const [k, times] of [figures.first, figures.second].entries()) {
        if (k === 1) stories.spent = new Map();
        const t1 = performance.now();
        const id = await saveVersion(db, stories, source(i * 5 + 2 + k), saved++);
        placed.push([id, (await stories.storyGroupsOf([String(id)], new Set())).groups.of(String(id))]);
        times.push(performance.now() - t1);
        if (k === 1) figures.spent.push(withOther(stories.spent!, times.at(-1)!));
        stories.spent = null;
      }
      const { groups } = await stories.storyGroups(new Set());
      for (const [id, story] of placed) {
        if (!story) throw new Error('A version saved after a restart is in no story');
        if (groups.of(String(id))?.join() !== story.join()) secondSaveDiffers++;
      }
      shown = await corpusStories(db, stories);
      await persisted(db, features.length + saved);
    }
  }
  // Rows as a worker stopped during a backlog leaves them: the largest story written as two parts,
  // its whole regrouping owed, the count without the articles still to be linked. A worker loads
  // the links and writes back (the stories regrouped whole); the next worker's first opening timed.
  stories.stop?.();
  const largest = (await db.stories.toArray()).sort((x, y) => x.order - y.order)[0];
  let afterRegroup: StoriesFigures['afterRegroup'];
  if (largest && largest.ids.length >= 4) {
    const half = Math.floor(largest.ids.length / 2);
    const count = (await getMeta<{ stories: number; articles: number }>(db, 'storyCount'))!;
    await db.stories.delete(largest.key);
    await db.stories.bulkPut([largest.ids.slice(0, half), largest.ids.slice(half)].map((ids) => ({ key: ids[0]!, order: -ids.length, ids })));
    await db.meta.bulkPut([{ key: 'storyCount', value: { stories: count.stories + 1, articles: count.articles } }, { key: 'storyOwed', value: largest.ids.map(Number) }]);
    stories = new StoryIndex(db);
    await corpusStories(db, stories);
    await stories.linked();
    // Written back: the rows agree with their count, which says how many are still to be linked (given up after a minute).
    let agree = false;
    for (let waited = 0; waited < 60_000 && !agree; waited += 250) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const written = await getMeta<{ stories: number; linking?: number }>(db, 'storyCount');
      agree = written?.stories === (await db.stories.count()) && typeof written.linking === 'number';
    }
    stories.stop?.();
    stories = new StoryIndex(db);
    // Rows of links the answer asks for by id (a story's members', for its best-connected); the
    // background's load of every row, which starts once the page is read, is not counted.
    let linkRows = 0;
    const bulkGet = db.storyLinks.bulkGet.bind(db.storyLinks);
    db.storyLinks.bulkGet = ((keys: number[]) => ((linkRows += keys.length), bulkGet(keys))) as typeof db.storyLinks.bulkGet;
    const opened = await timed(() => corpusStories(db, stories));
    db.storyLinks.bulkGet = bulkGet;
    await stories.linked();
    afterRegroup = { ms: opened.ms, linkRows, rowsAgree: agree };
  }
  // The first page's views made anew: every member read, as before, against the listed ones.
  // Records read counted by table (a new worker also loads its links meanwhile, in the background).
  const reads = new Map<string, number>();
  const tables = [db.articles, db.summaries, db.features, db.storyLinks];
  const counters = tables.map((table) => (x: unknown) => {
    reads.set(table.name, (reads.get(table.name) ?? 0) + 1);
    return x;
  });
  tables.forEach((table, i) => table.hook('reading', counters[i]!));
  const views = { all: {}, listed: {} } as NonNullable<StoriesFigures['views']>;
  for (const [which, listed] of [['all', Infinity], ['listed', undefined]] as const) {
    for (const when of ['cold', 'loaded'] as const) {
      stories.stop?.();
      await db.stories.toCollection().modify((r) => void delete r.view);
      stories = new StoryIndex(db);
      if (when === 'loaded') await stories.linked();
      reads.clear();
      const made = await timed(() => corpusStories(db, stories, { listed }));
      const n = (t: string) => reads.get(t) ?? 0;
      views[which][when] = { ms: made.ms, reads: n('summaries') + n('features') + n('articles'), links: n('storyLinks') };
    }
  }
  // Nothing more written by the last worker (the database closes before its views would be).
  stories.stop?.();
  tables.forEach((table, i) => table.hook('reading').unsubscribe(counters[i]!));
  const firstPage = { stories: shown.stories.length, articles: shown.stories.reduce((n, s) => n + s.ids.length, 0), largest: Math.max(0, ...shown.stories.map((s) => s.ids.length)) };
  // A page's matches first thing in a new worker, as the panel asks for them (compare-page.ts): a
  // stored story's first article as the page, left out of its own matches.
  const restartMatches: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    stories.stop?.();
    stories = new StoryIndex(db);
    const page = source(i * 3);
    const f = (await db.features.get(page))!.match;
    const t0 = performance.now();
    const { matches } = await stories.match(f, { exclude: String(page) });
    restartMatches.push(performance.now() - t0);
    if (inStories.length && !matches.some((m) => m.relation === 'same')) throw new Error(`The page of stored article ${page} has no match after a restart`);
  }
  const figures: StoriesFigures = {
    articles: features.length,
    stories: shown.total,
    grouped: shown.grouped,
    linksMs: links.ms,
    whileLinking: { ms: meanwhile.ms, linking: meanwhile.value.linking },
    firstOpenMs: first.ms,
    openMs: percentiles(opens).median,
    restartOpenMs: percentiles(restartOpens).median,
    restartLoadMs: percentiles(restartLoads).median,
    saveToStoryMs: percentiles(toStory).median,
    saveToViewMs: percentiles(toView).median,
    restartSaveToStoryMs: percentiles(restartSaves).median,
    restartSaveDiffers,
    restartSaveSpent: medians(restartSpent),
    restartSaveHeadAfterMs: percentiles(restartSavesAfter).median,
    restartSaveHeadAfterSpent: medians(restartSpentAfter),
    saveSpent: medians(warmSpent),
    firstPage,
    views,
    restartMatchMs: percentiles(restartMatches).median,
    secondSave: {
      during: { firstMs: percentiles(secondSaves.during.first).median, secondMs: percentiles(secondSaves.during.second).median, spent: medians(secondSaves.during.spent) },
      after: { firstMs: percentiles(secondSaves.after.first).median, secondMs: percentiles(secondSaves.after.second).median, spent: medians(secondSaves.after.spent) },
      differs: secondSaveDiffers,
    },
    ...(afterRegroup ? { afterRegroup } : {}),
  };
  return { figures, db, stories };
}

const bench: Benchmark<StoriesBenchResult> = {
  name: 'stories',
  async run() {
    const baseline = await measure('recoupe-bench-stories-5', generate(5));
    baseline.db.close();
    const features = generate();
    const { figures: corpus, db, stories } = await measure('recoupe-bench-stories', features);

    // Grading: the same pairs with reasons on string keys (as before), and relation alone on key numbers.
    const index = await stories.get();
    const noKeyIds = { docs: index.docs, df: (k: string) => index.df(k) };
    const sample = Array.from({ length: GRADED }, (_, i) => String(1 + Math.floor((i * features.length) / GRADED)));
    const pairs = sample.flatMap((id) => storyCandidates(index, id, features[Number(id) - 1]!).filter((c) => Number(c) <= features.length).map((c) => [features[Number(id) - 1]!, features[Number(c) - 1]!] as const));
    // Each article prepared once per way, as `StoryLinks.build` does; the grading alone timed.
    const preparedWith = (stats: Parameters<typeof prepare>[1]) => {
      const memo = new Map<ArticleFeatures, ReturnType<typeof prepare>>();
      const prep = (f: ArticleFeatures) => memo.get(f) ?? memo.set(f, prepare(f, stats)).get(f)!;
      return pairs.map(([a, b]) => [prep(a), prep(b)] as const);
    };
    const [byKey, byNumber] = [preparedWith(noKeyIds), preparedWith(index)];
    // Preparing (weighing) the pairs' articles against the index, as the background's linking does for each candidate.
    const preparing = await timed(() => preparedWith(index));
    const withReasons = await timed(() => byKey.forEach(([a, b]) => gradePrepared(a, b)));
    const relationOnly = await timed(() => byNumber.forEach(([a, b]) => relatePrepared(a, b)));
    const reasonsOnNumbers = await timed(() => byNumber.forEach(([a, b]) => gradePrepared(a, b)));
    db.close();
    return {
      corpus,
      baseline: baseline.figures,
      grading: { pairs: pairs.length, withReasonsMs: withReasons.ms, relationOnlyMs: relationOnly.ms, ratio: withReasons.ms / relationOnly.ms, reasonsOnNumbersMs: reasonsOnNumbers.ms, prepareMs: preparing.ms },
    };
  },
  print({ corpus: r, baseline: b, grading }) {
    const n = r.articles.toLocaleString('en');
    const row = (what: string, ms: number, base: number, target?: number) =>
      console.log(`${what}: ${ms.toFixed(1)} ms; ${b.articles} articles: ${base.toFixed(1)} ms${target ? ` (target ≤ ${target} ms: ${ms <= target ? 'met' : 'MISSED'})` : ''}`);
    console.log(`${n} articles (Node, fake-indexeddb, the background's StoryIndex and corpusStories): ${r.stories} stories of ${r.grouped} articles; the corpus linked in the background in ${(r.linksMs / 1000).toFixed(1)} s (${b.articles} articles: ${b.linksMs.toFixed(0)} ms)`);
    row(`Stories view opened while linking (said ${r.whileLinking.linking} articles were still being linked)`, r.whileLinking.ms, b.whileLinking.ms, 500);
    row('Stories view, first opening once linked (the first page\'s views made)', r.firstOpenMs, b.firstOpenMs, 500);
    row('Stories view opened again (median)', r.openMs, b.openMs, 500);
    row('Stories view, first opening after a restart (the page read from the stored rows)', r.restartOpenMs, b.restartOpenMs, 500);
    row('  the new worker\'s links loaded in the background meanwhile', r.restartLoadMs, b.restartLoadMs);
    if (r.afterRegroup) row(`Stories view, first opening after a worker wrote back stories it regrouped on load (rows agreeing with their count: ${r.afterRegroup.rowsAgree ? 'yes' : 'NO'}; ${r.afterRegroup.linkRows} rows of links asked for by id)`, r.afterRegroup.ms, b.afterRegroup?.ms ?? NaN, 500);
    row('save one article → its story regrouped (median)', r.saveToStoryMs, b.saveToStoryMs, 50);
    row('  → the view open with it', r.saveToViewMs, b.saveToViewMs);
    row(`save one article first thing after a restart → its story (${r.restartSaveDiffers ?? '?'} of ${2 * RUNS} not the story regrouped once every link is loaded)`, r.restartSaveToStoryMs, b.restartSaveToStoryMs, 50);
    const spent = (x: Record<string, number>) => Object.entries(x).map(([k, v]) => `${k} ${isCount(k) ? v.toFixed(0) : `${v.toFixed(1)} ms`}`).join('; ');
    if (r.saveSpent) console.log(`  warm saves, where it went (medians): ${spent(r.saveSpent)}`);
    if (r.restartSaveSpent) console.log(`  saves after a restart, where it went (medians): ${spent(r.restartSaveSpent)}`);
    if (r.restartSaveHeadAfterMs !== undefined) {
      row('  the same, the saved head read after the save\'s write (as before)', r.restartSaveHeadAfterMs, b.restartSaveHeadAfterMs ?? NaN);
      if (r.restartSaveHeadAfterSpent) console.log(`    where it went (medians): ${spent(r.restartSaveHeadAfterSpent)}`);
    }
    if (r.secondSave && b.secondSave) {
      const [s, bs] = [r.secondSave, b.secondSave];
      console.log(`two saves in a row first thing after a restart, each → its story (medians; ${s.differs} of ${4 * RUNS} saves not in the story regrouped once every link is loaded):`);
      row('  the second, placed while the links load', s.during.secondMs, bs.during.secondMs, 50);
      row('  the second, placed once the links are loaded (as before)', s.after.secondMs, bs.after.secondMs);
      row('  the first, in the same workers', s.during.firstMs, bs.during.firstMs);
      console.log(`    (the first in the workers as before: ${s.after.firstMs.toFixed(1)} ms, ${b.articles} articles: ${bs.after.firstMs.toFixed(1)} ms; a warm save, above: ${r.saveToStoryMs.toFixed(1)} ms)`);
      console.log(`  the second, where it went (medians): while the links load: ${spent(s.during.spent)}`);
      console.log(`    once loaded (as before): ${spent(s.after.spent)}`);
    }
    if (r.firstPage && r.views && b.views) {
      console.log(`the first page: ${r.firstPage.stories} stories of ${r.firstPage.articles} articles (the largest ${r.firstPage.largest}); its views made anew (the rows' views dropped), every member read (as before) → the ${STORY_LISTED} best-connected listed:`);
      for (const when of ['cold', 'loaded'] as const) {
        const [all, listed] = [r.views.all[when], r.views.listed[when]];
        row(`  ${when === 'cold' ? 'first thing in a new worker' : 'the links loaded'}: every member ${all.ms.toFixed(1)} ms (${all.reads} articles' records read, ${all.links} rows of links) → listed ${listed.ms.toFixed(1)} ms (${listed.reads}, ${listed.links}; ×${(all.ms / listed.ms).toFixed(1)})`, listed.ms, b.views.listed[when].ms, 500);
      }
    }
    row('a page\'s matches (candidates, their features, graded: what the panel needs), first request after a restart', r.restartMatchMs ?? NaN, b.restartMatchMs ?? NaN, 500);
    console.log(`grading ${grading.pairs} candidate pairs: with reasons on string keys ${grading.withReasonsMs.toFixed(0)} ms, relation and score on key numbers ${grading.relationOnlyMs.toFixed(0)} ms (×${grading.ratio.toFixed(1)}; with reasons on key numbers ${grading.reasonsOnNumbersMs.toFixed(0)} ms; their articles prepared against the index ${grading.prepareMs?.toFixed(0) ?? '?'} ms)`);
  },
};
export default bench;
