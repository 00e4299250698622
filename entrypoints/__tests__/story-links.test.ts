/**
 * The background's same-event links kept incrementally (entrypoints/background/story-index.ts):
 * graded by its queue a batch at a time, stored a row per article, a worker stopped half way
 * resumed by the next, articles saved one at a time — each way ends with the links and stories
 * computed whole over the same articles (`StoryLinks.build`, `StoryGroups` grouped anew). On a real
 * corpus: the first 90 articles of BASIL (triplets of reports of one event).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { CorpusDb } from '../../extension/storage/corpus-db';
import type { NewArticle, StoredArticle } from '../../extension/storage/article-record';
import { saveArticle } from '../../extension/storage/corpus';
import { seededRandom } from '../../tests/support/seeded-random';
import { CorpusIndex, StoryGroups, StoryLinks } from '../../lib/corpus-index';
import { computeFeatures, type ArticleFeatures } from '../../lib/match';
import { readBasil } from '../../tests/support/corpora';
import { StoryIndex } from '../background/story-index';
import { corpusStories } from '../background/corpus-views';
import { giveWay, SLICE_MS } from '../../extension/give-way';

const basil = readBasil().slice(0, 90);
const features = basil.map((a) => computeFeatures({ title: a.title, text: a.text, publishedTime: a.date }));

/** A stored record of BASIL article `i`, its features computed. */
const record = (i: number): Omit<StoredArticle, 'id'> => {
  const a = basil[i]!;
  return {
    url: a.url ?? `https://basil.example/${a.id}`, canonicalUrl: null, title: a.title, byline: null, site: a.source, language: 'en',
    publishedTime: a.date, savedAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
    text: a.text, paragraphs: [{ start: 0, end: a.text.length }], wordCount: a.text.split(/\s+/).length, origin: 'page', analysis: { match: features[i]! },
  } as Omit<StoredArticle, 'id'>;
};

/** Every link, each pair once, in one order. */
const linkList = (l: StoryLinks) => l.toJSON().links.sort((x, y) => (x[0] + x[1] < y[0] + y[1] ? -1 : 1));
/** Stories in one order. */
const sorted = (stories: readonly (readonly string[])[]) => stories.map((s) => [...s].sort()).sort((x, y) => (x[0]! < y[0]! ? -1 : 1));

let db: CorpusDb;
let ids: number[];
beforeEach(async () => {
  await Dexie.delete('recoupe-story-links-test');
  db = new CorpusDb('recoupe-story-links-test');
  ids = (await db.articles.bulkAdd(basil.map((_, i) => record(i)) as StoredArticle[], { allKeys: true })) as number[];
});
afterEach(() => db.close());

/** The links built whole over `index`, from the stored articles' features. */
async function builtWhole(index: CorpusIndex): Promise<StoryLinks> {
  const stored = await db.features.bulkGet(ids);
  return StoryLinks.build(stored.map((f) => ({ id: String(f!.id), features: f!.match as ArticleFeatures })), index);
}

/** Waits until the story index has written its rows of links (2 s after its last change). */
async function written(count: number): Promise<void> {
  for (let i = 0; i < 100 && (await db.storyLinks.count()) !== count; i++) await new Promise((resolve) => setTimeout(resolve, 100));
  expect(await db.storyLinks.count()).toBe(count);
}

describe('links kept by the background', () => {
  it('graded by the queue a batch at a time are the links built whole over the same index, and give the stories grouped whole', async () => {
    const stories = new StoryIndex(db);
    const { links, groups } = await stories.linked();
    const whole = await builtWhole(await stories.get());
    expect(linkList(links)).toEqual(linkList(whole));
    expect(sorted(groups.stories())).toEqual(sorted(whole.stories()));
    // BASIL's triplets: stories there are to find.
    expect(whole.stories().length).toBeGreaterThanOrEqual(15);
  });

  it('answer the Stories view while they are graded: once it says none is still being linked, it shows the stories grouped whole', async () => {
    // Every step of the queue gives way (a slice always over), and the view is asked at every turn:
    // an answer given during the turn after the last article left the queue says "0 still being
    // linked", so its stories must already hold that article's links.
    let clock = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => (clock += 2 * SLICE_MS));
    const stories = new StoryIndex(db);
    let linked = false;
    const linking = stories.linked().then(() => (linked = true));
    let first: string[][] | null = null;
    try {
      while (!linked && first === null) {
        const page = await stories.page(new Set(), 0, 10_000);
        if (page.linking === 0) first = page.stories.map((s) => [...s.ids]);
        await giveWay();
      }
      await linking;
    } finally {
      now.mockRestore();
    }
    const whole = new StoryGroups(await builtWhole(await stories.get())).stories();
    expect(first).not.toBeNull();
    expect(sorted(first!)).toEqual(sorted(whole));
    stories.stop();
  });

  it('graded a candidate at a time, an article deleted while it is graded: no link to or from it, every other one graded', async () => {
    // The first article of a story deleted after the first step of its grading (a request answered
    // at that turn): the candidates graded after, its partners among them, link nothing to it.
    const whole = await builtWhole(await new StoryIndex(db).get());
    const victim = ids.map(String).find((id) => [...whole.of(id).values()].some((score) => score > 0))!;
    const stories = new StoryIndex(db);
    const steps = StoryLinks.prototype.gradeSteps;
    let deleted = false;
    const grading = vi.spyOn(StoryLinks.prototype, 'gradeSteps').mockImplementation(function* (this: StoryLinks, id, ...rest) {
      const inner = steps.call(this, id, ...rest);
      for (let step = inner.next(); ; step = inner.next()) {
        if (step.done) return step.value;
        if (id === victim && !deleted) {
          deleted = true;
          // Taken out of the index and links before the grading's next step (microtasks only), as a delete's change is.
          void stories.remove([Number(victim)]);
        }
        yield;
      }
    });
    // Every step gives way (a slice always over).
    let clock = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => (clock += 2 * SLICE_MS));
    try {
      await stories.linked();
    } finally {
      now.mockRestore();
      grading.mockRestore();
    }
    await db.articles.delete(Number(victim));
    const { links, groups } = await stories.linked();
    expect(deleted).toBe(true);
    const left = ids.map(String).filter((id) => id !== victim);
    expect(links.ids().sort()).toEqual([...left].sort());
    for (const id of left) expect([id, links.of(id).has(victim)]).toEqual([id, false]);
    expect(sorted(groups.stories())).toEqual(sorted(new StoryGroups(links).stories()));
    stories.stop();
  });

  it('linked as a backlog, regroup the stories around a few changes at a time, not around every change since the last write, and end with the stories grouped whole', async () => {
    const stories = new StoryIndex(db);
    stories.regroupNearAt = 16;
    const owed: number[] = [];
    const near = StoryGroups.prototype.storiesNear;
    const regrouping = vi.spyOn(StoryGroups.prototype, 'storiesNear').mockImplementation(function (this: StoryGroups) {
      owed.push(this.owedNear);
      return near.call(this);
    });
    // The same regrouping made in steps (the background gives way between them).
    const steps = StoryGroups.prototype.regroupingSteps;
    const stepped = vi.spyOn(StoryGroups.prototype, 'regroupingSteps').mockImplementation(function (this: StoryGroups, whole: boolean) {
      if (!whole) owed.push(this.owedNear);
      return steps.call(this, whole);
    });
    let links: StoryLinks;
    let groups: StoryGroups;
    try {
      ({ links, groups } = await stories.linked());
    } finally {
      regrouping.mockRestore();
      stepped.mockRestore();
    }
    // Checked after each article: at most one article's changes (it and its links) past the mark.
    const mostLinks = Math.max(...links.ids().map((id) => links.of(id).size));
    expect(owed.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...owed)).toBeLessThanOrEqual(16 + mostLinks);
    expect(sorted(groups.stories())).toEqual(sorted(new StoryGroups(await builtWhole(await stories.get())).stories()));
    stories.stop();
  });

  it('stopped half way (the rows of half the articles written), are finished by the next worker: the links built whole', async () => {
    const first = new StoryIndex(db);
    await first.linked();
    await written(ids.length);
    // A worker stopped half way wrote the rows of the articles it had graded, not of the others.
    await db.storyLinks.bulkDelete(ids.filter((_, i) => i % 2 === 1));
    await db.stories.clear();
    const next = new StoryIndex(db);
    const page = await corpusStories(db, next);
    expect(page.linking).toBe(ids.length - Math.ceil(ids.length / 2));
    const { links, groups } = await next.linked();
    const whole = await builtWhole(await next.get());
    expect(linkList(links)).toEqual(linkList(whole));
    expect(sorted(groups.stories())).toEqual(sorted(new StoryGroups(whole).stories()));
  });

  it('asked for a few articles (a storyline), link those first and answer without waiting for the rest of the queue', async () => {
    const stories = new StoryIndex(db);
    const whole = new StoryGroups(await builtWhole(await stories.get()));
    const asked = ids.filter((_, i) => i % 30 === 0).map(String);
    const { groups } = await stories.storyGroupsOf(asked, new Set());
    // The backlog is still there: most articles are not linked yet.
    expect((await corpusStories(db, stories)).linking).toBeGreaterThan(ids.length / 2);
    for (const id of asked) expect([id, [...(groups.of(id) ?? [id])].sort()]).toEqual([id, [...(whole.of(id) ?? [id])].sort()]);
  });

  it('with articles saved one at a time and one deleted, keep the stories of grouping their links whole', async () => {
    // The corpus without its last 30 articles, linked; then those saved one at a time.
    const later = ids.slice(60);
    await db.articles.bulkDelete(later);
    const stories = new StoryIndex(db);
    await stories.linked();
    const readded = (await db.articles.bulkAdd(later.map((id) => record(ids.indexOf(id))) as StoredArticle[], { allKeys: true })) as number[];
    for (const [i, id] of readded.entries()) {
      await stories.add(id, features[60 + i]!);
      await stories.linked();
    }
    const gone = readded[4]!;
    await db.articles.delete(gone);
    await stories.remove([gone]);
    const { links, groups } = await stories.storyGroups(new Set());
    expect(sorted(groups.stories())).toEqual(sorted(new StoryGroups(links).stories()));
    expect(links.has(String(gone))).toBe(false);
    expect(groups.stories().length).toBeGreaterThanOrEqual(15);
  });
});

describe('a new worker asked for the story of an article saved first thing', () => {
  // The first article of the largest story, saved again as a new copy or with the text of the first
  // article of another story (its old links stale): placed from the rows of the stories its links
  // touch, every row of links read only after (reading them is refused until the answer), and in the
  // story the links give once all are loaded and regrouped.
  it.each([
    { change: 'a copy of a story\'s article under a new address', copy: true },
    { change: 'a story\'s article saved again with another story\'s text', copy: false },
  ])('$change', async ({ copy }) => {
    const first = new StoryIndex(db);
    const { groups } = await first.linked();
    await written(ids.length);
    const [story, other] = groups.stories().sort((x, y) => y.length - x.length || (x[0]! < y[0]! ? -1 : 1));
    const of = ids.indexOf(Number(story![0]));
    const from = copy ? of : ids.indexOf(Number(other![0]));
    const next = new StoryIndex(db);
    const id = copy ? await db.articles.add({ ...record(from), url: 'https://basil.example/copy' } as StoredArticle) : ids[of]!;
    if (!copy) await db.articles.put({ ...record(from), id, url: 'https://basil.example/resaved' } as StoredArticle);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {}); // The refused load, told in the background.
    const where = vi.spyOn(db.storyLinks, 'where').mockImplementation(() => {
      throw new Error('every row of links read');
    });
    await next.add(id, features[from]!);
    const near = (await next.storyGroupsOf([String(id)], new Set())).groups.of(String(id));
    where.mockRestore();
    warn.mockRestore();
    const { links, groups: whole } = await next.storyGroups(new Set());
    expect(near).toEqual(whole.of(String(id)));
    expect(whole.of(String(id))).toEqual(new StoryGroups(links).of(String(id)));
    // With the story of the article whose text it has.
    expect(near).toEqual(expect.arrayContaining([String(ids[from]), String(id)]));
  });
});


describe('a new worker\'s first save, saved as the background saves (the corpus version moved in its write)', () => {
  /** Another database holding what `db` holds, linked by a worker of its own: a warm worker to compare with. */
  const twin = new CorpusDb('recoupe-story-links-twin');
  afterEach(async () => {
    twin.close();
    await Dexie.delete('recoupe-story-links-twin');
  });

  /** Saves a copy of stored article `from` under `url` as handlers.ts `saveState` does: `saveArticle` and the index told, in one change. */
  const save = (on: CorpusDb, stories: StoryIndex, from: number, url: string) => stories.change(async () => {
    const { id } = await saveArticle(on, { ...record(from), url } as NewArticle);
    await stories.add(id, features[from]!);
    return id;
  });

  /** Links (with their scores) and story of `id`, once every link is loaded. */
  const placed = async (stories: StoryIndex, id: number) => {
    const near = (await stories.storyGroupsOf([String(id)], new Set())).groups.of(String(id));
    const { links, groups } = await stories.storyGroups(new Set());
    return { near, story: groups.of(String(id)), links: [...links.of(String(id))].sort() };
  };

  /** Both databases linked whole and written by a worker each; `db`'s stopped (its next worker is new), the twin's kept warm. */
  async function linkedTwins(): Promise<StoryIndex> {
    await Dexie.delete('recoupe-story-links-twin');
    await twin.open();
    await twin.articles.bulkAdd(basil.map((_, i) => record(i)) as StoredArticle[]);
    const [first, warm] = [new StoryIndex(db), new StoryIndex(twin)];
    await Promise.all([first.linked(), warm.linked()]);
    await written(ids.length);
    for (let i = 0; i < 100 && (await twin.storyLinks.count()) !== ids.length; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    first.stop();
    return warm;
  }

  // Copies of seeded random articles (a story's or not), saved first thing by a new worker and by the warm one.
  it.each([1, 2, 3])('seed %i: placed as a warm worker places it, from the saved head (not brought up to date from the log)', async (seed) => {
    const warm = await linkedTwins();
    const rnd = seededRandom(seed);
    const from = Math.floor(rnd() * basil.length);
    const fresh = new StoryIndex(db);
    // Told when the index is brought up to date from the log or rebuilt: what a head read after the save's write leads to.
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    const id = await save(db, fresh, from, `https://basil.example/copy-${seed}`);
    const cold = await placed(fresh, id);
    expect(info).not.toHaveBeenCalled();
    info.mockRestore();
    const twinId = await save(twin, warm, from, `https://basil.example/copy-${seed}`);
    expect(twinId).toBe(id);
    const hot = await placed(warm, twinId);
    expect(cold.links).toEqual(hot.links);
    expect(cold.near).toEqual(hot.story);
    expect(cold.story).toEqual(hot.story);
    expect(cold.story).toEqual(expect.arrayContaining([String(ids[from]), String(id)]));
    warm.stop();
    fresh.stop();
  });

  /**
   * Holds `on`'s load of every row of links (`StoryIndex.loadLinks` reads them by pages of `where(':id')`)
   * until `open` is called: a new worker's state while its links load, for as long as a test needs.
   */
  const holdLinksLoad = (on: CorpusDb) => {
    let open = () => {};
    const gate = new Promise<void>((resolve) => (open = resolve));
    const where = on.storyLinks.where.bind(on.storyLinks);
    const spy = vi.spyOn(on.storyLinks, 'where').mockImplementation(((index: string) => index !== ':id' ? where(index) : {
      above: (after: number) => ({ limit: (n: number) => ({ toArray: async () => (await gate, where(':id').above(after).limit(n).toArray()) }) }),
    }) as unknown as typeof on.storyLinks.where);
    return { open: () => (open(), spy.mockRestore()), asked: () => spy.mock.calls.length };
  };

  // Two saves in a row first thing in a new worker (a reader saving two articles after a pause),
  // the second while the worker loads every row of links: the second placed before that load ends,
  // each in the story a warm worker gives it, and every story the answers hold one of the stories
  // grouped whole once the links are loaded (which are those of the warm worker's links grouped whole).
  type Pick = (stories: string[][], alone: string) => string;
  it.each<{ what: string; first: Pick; second: Pick }>([
    { what: 'copies of the first articles of two stories', first: (s) => s[0]![0]!, second: (s) => s[1]![0]! },
    { what: 'two copies of one article', first: (s) => s[0]![0]!, second: (s) => s[0]![0]! },
    { what: 'a copy of an article of a story, then of another article of the same story', first: (s) => s[2]![0]!, second: (s) => s[2]![1]! },
    { what: 'a copy of a story\'s article, then of an article in no story', first: (s) => s[0]![1]!, second: (_, alone) => alone },
  ])('$what: the second placed while the links load, both as a warm worker places them', async ({ first, second }) => {
    const warm = await linkedTwins();
    const stories = (await warm.storyGroups(new Set())).groups.stories().sort((x, y) => y.length - x.length || (x[0]! < y[0]! ? -1 : 1));
    const inStory = new Set(stories.flat());
    const alone = String(ids.find((id) => !inStory.has(String(id)))!);
    const froms = [first(stories, alone), second(stories, alone)].map((id) => ids.indexOf(Number(id)));
    const fresh = new StoryIndex(db);
    const held = holdLinksLoad(db);
    const saved: number[] = [];
    for (const [k, from] of froms.entries()) {
      const id = await save(db, fresh, from, `https://basil.example/second-${k}`);
      saved.push(id);
      const answer = fresh.storyGroupsOf([String(id)], new Set());
      // Answered while every row of links is held (before: the second waited for them all).
      const outcome = await Promise.race([answer.then(() => 'answered'), new Promise((resolve) => setTimeout(() => resolve('waited for the links\' load'), 15_000))]);
      expect(outcome).toBe('answered');
      const near = (await answer).groups;
      // The warm worker, the same save: the same story (the first's holds the article it copies).
      expect(await save(twin, warm, from, `https://basil.example/second-${k}`)).toBe(id);
      const hot = (await warm.storyGroupsOf([String(id)], new Set())).groups;
      expect(near.of(String(id))).toEqual(hot.of(String(id)));
      if (k === 0) expect(near.of(String(id))).toEqual(expect.arrayContaining([String(ids[from]!)]));
      // Every story the answer holds (its article's linked part) is one of the warm worker's.
      const whole = new Set(hot.stories().map((s) => s.join()));
      for (const story of near.stories()) expect(whole.has(story.join())).toBe(true);
    }
    expect(held.asked()).toBeGreaterThan(0); // The load had begun.
    held.open();
    // Once loaded: the same links as the warm worker's, and the stories of them grouped whole.
    const { links, groups } = await fresh.storyGroups(new Set());
    const hot = await warm.storyGroups(new Set());
    for (const id of saved) expect([...links.of(String(id))].sort()).toEqual([...hot.links.of(String(id))].sort());
    expect(sorted(groups.stories())).toEqual(sorted(new StoryGroups(hot.links).stories()));
    expect(sorted(new StoryGroups(links).stories())).toEqual(sorted(new StoryGroups(hot.links).stories()));
    warm.stop();
    fresh.stop();
  });

  it('an article of the saved one\'s linked part still to be linked (no row of its own): the answer waits for the links\' load, then places it as the loaded links do', async () => {
    const warm = await linkedTwins();
    warm.stop();
    const [story] = (await warm.storyGroups(new Set())).groups.stories().sort((x, y) => y.length - x.length || (x[0]! < y[0]! ? -1 : 1));
    // A member's row gone (as a worker stopped with it queued leaves it): the rows of its partners still hold links to it.
    await db.storyLinks.delete(Number(story![1]));
    const fresh = new StoryIndex(db);
    const held = holdLinksLoad(db);
    const id = await save(db, fresh, ids.indexOf(Number(story![0])), 'https://basil.example/unknown-part');
    const answer = fresh.storyGroupsOf([String(id)], new Set());
    const outcome = await Promise.race([answer.then(() => 'answered'), new Promise((resolve) => setTimeout(() => resolve('waited'), 3_000))]);
    expect(outcome).toBe('waited');
    held.open();
    const near = (await answer).groups.of(String(id));
    const { links } = await fresh.storyGroups(new Set());
    expect(near).toEqual(expect.arrayContaining([story![0], String(id)]));
    expect(near).toEqual(new StoryGroups(links).of(String(id)));
    fresh.stop();
  });

  it('a head left stale by a worker stopped before writing is refused: the next worker\'s first save is placed with the change it missed', async () => {
    const warm = await linkedTwins();
    const [story] = (await warm.storyGroups(new Set())).groups.stories().sort((x, y) => y.length - x.length);
    const from = ids.indexOf(Number(story![0]));
    // A worker saves a copy and stops before its index is written (2 s later).
    const stopped = new StoryIndex(db);
    const missed = await save(db, stopped, from, 'https://basil.example/unwritten');
    stopped.stop();
    await save(twin, warm, from, 'https://basil.example/unwritten');
    const fresh = new StoryIndex(db);
    const id = await save(db, fresh, from, 'https://basil.example/after');
    const cold = await placed(fresh, id);
    const hot = await placed(warm, await save(twin, warm, from, 'https://basil.example/after'));
    // The same links and story; not quite the same scores (0.459 against 0.452 seen): the replay
    // re-adds the logged articles with the frequencies of now, which a warm worker added earlier.
    // (Whether the save, logged and then added, also counts twice is not established.)
    expect(cold.links.map(([other]) => other)).toEqual(hot.links.map(([other]) => other));
    expect(cold.story).toEqual(hot.story);
    expect(cold.story).toEqual(expect.arrayContaining([String(missed), String(id)]));
    warm.stop();
    fresh.stop();
  });

  it('a damaged row of the index is refused: the index rebuilt, the save graded against it', async () => {
    const warm = await linkedTwins();
    const from = ids.indexOf(Number((await warm.storyGroups(new Set())).groups.stories()[0]![0]));
    // A frequency of each row raised, the checksums left: rows that no longer match them.
    await db.indexRows.toCollection().modify((row) => {
      if (row.df.length > 0) row.df[0]! += 7;
    });
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    const fresh = new StoryIndex(db);
    const id = await save(db, fresh, from, 'https://basil.example/damaged');
    const cold = await placed(fresh, id);
    expect(info).toHaveBeenCalledWith(expect.stringContaining('story index rebuilt'));
    info.mockRestore();
    // The rebuilt index chooses each article's posted keys anew: the links are those graded against it.
    const index = await fresh.get();
    const stored = new Map((await db.features.toArray()).map((f) => [String(f.id), f.match as ArticleFeatures]));
    const graded = new StoryLinks();
    graded.grade(String(id), features[from]!, index, (other) => stored.get(other));
    expect(cold.links).toEqual([...graded.of(String(id))].sort());
    expect(cold.story).toEqual(expect.arrayContaining([String(ids[from]), String(id)]));
    warm.stop();
    fresh.stop();
  });
});
