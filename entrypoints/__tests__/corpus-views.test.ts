/**
 * The corpus page's stories and side-by-side views, computed in the background from the sample
 * corpus (the five seeds): 000 and 001 report the same event and share two quotations.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { CorpusDb } from '../../extension/storage/corpus-db';
import { loadSamples, sampleUrl, type SampleFile } from '../../extension/storage/samples';
import { compareStored, corpusStories, pageBeside, storiesAnswer } from '../background/corpus-views';
import type { StoredArticle } from '../../extension/storage/article-record';
import { setKeptApart } from '../../extension/storage/kept-apart';
import { STORIES_FIRST, type PageState } from '../../extension/protocol';
import { STORY_LISTED, StoryIndex } from '../background/story-index';
import { bestConnected, StoryGroups, StoryLinks } from '../../lib/corpus-index';
import { featuresOf, withFeatures } from '../../extension/storage/analysis';
import { deleteArticles, saveArticle } from '../../extension/storage/corpus';

const samples: SampleFile[] = readdirSync('corpus').filter((f) => f.endsWith('.txt')).map((f) => {
  const name = f.slice(0, -4);
  return { name, text: readFileSync(`corpus/${f}`, 'utf8'), sidecar: readFileSync(`corpus/${name}.meta.json`, 'utf8') };
});

let db: CorpusDb;
/** Stored id of a seed, by its number (`000`). */
let idOf: (seed: string) => number;
beforeEach(async () => {
  // A story index is written back a moment after it is built: by then this test's database is closed.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  await Dexie.delete('recoupe-views-test');
  db = new CorpusDb('recoupe-views-test');
  await loadSamples(db, samples);
  const all = await db.articles.toArray();
  idOf = (seed) => all.find((a) => a.url.startsWith(sampleUrl(seed)))!.id;
});
afterEach(() => {
  vi.useRealTimers();
  db.close();
});

/** Every story of the corpus once every article is linked (the view itself does not wait: see `corpusStories`). */
async function allStories(index: StoryIndex) {
  await index.linked();
  return (await corpusStories(db, index, { limit: 10_000 })).stories;
}

describe('stories of the stored corpus', () => {
  it('puts seeds 000 and 001 in one story, and 002 apart from them', async () => {
    const stories = await allStories(new StoryIndex(db));
    const withFirst = stories.find((s) => s.ids.includes(idOf('000')));
    expect(withFirst?.ids).toContain(idOf('001'));
    expect(withFirst?.ids).not.toContain(idOf('002'));
    expect(withFirst?.title).toBeTruthy();
    // Every article is in one story at most, and a story has two articles or more.
    const ids = stories.flatMap((s) => s.ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(stories.every((s) => s.ids.length >= 2)).toBe(true);
  });

  it('lists first the article the story is named after, the others by date, each saying what it shares with the first', async () => {
    // Six copies of seed 000 from other sites, published before it: the earliest is not the lead.
    const seed = (await db.articles.get(idOf('000')))!;
    const paragraphs = seed.text.split('\n\n');
    for (let i = 0; i < 6; i++) {
      await saveArticle(db, withFeatures({ ...seed, id: undefined, url: `https://copy-${i}.example/`, canonicalUrl: null, site: `copy-${i}.example`,
        publishedTime: `2016-01-0${i + 1}T10:00:00Z`, text: paragraphs.filter((_, j) => j !== i + 1).join('\n\n') }));
    }
    for (const story of await allStories(new StoryIndex(db))) {
      const [first, ...others] = story.articles;
      expect(first!.id).toBe(story.lead);
      expect(first!.reasons).toEqual([]);
      expect(others.every((a) => a.reasons.length > 0)).toBe(true);
      const dates = others.map((a) => (a.publishedTime ? Date.parse(a.publishedTime) : Infinity));
      expect(dates).toEqual([...dates].sort((x, y) => x - y));
    }
  });
});

describe('stories and the reader\'s "not the same event" judgements', () => {
  /** Stored article by id. */
  const urlOf = async (id: number) => (await db.articles.get(id))!.url;
  const together = (stories: { ids: number[] }[], x: number, y: number) => stories.some((s) => s.ids.includes(x) && s.ids.includes(y));

  it('keeps two articles judged not the same event in different stories, and joins them again once the judgement is taken back', async () => {
    expect(together(await allStories(new StoryIndex(db)), idOf('000'), idOf('001'))).toBe(true);
    await setKeptApart(db, await urlOf(idOf('000')), await urlOf(idOf('001')), true);
    expect(together(await allStories(new StoryIndex(db)), idOf('000'), idOf('001'))).toBe(false);
    await setKeptApart(db, await urlOf(idOf('001')), await urlOf(idOf('000')), false);
    expect(together(await allStories(new StoryIndex(db)), idOf('000'), idOf('001'))).toBe(true);
  });

  it('does not bring them together through a third article that matches both', async () => {
    // A second copy of 000 under another address is the same event as 000 and as 001.
    const copy = { ...(await db.articles.get(idOf('000')))!, url: 'https://copy.example/000' } as Partial<StoredArticle>;
    delete copy.id;
    const { id: copyId } = await saveArticle(db, copy as StoredArticle);
    const before = await allStories(new StoryIndex(db));
    expect(together(before, copyId, idOf('001')) && together(before, copyId, idOf('000'))).toBe(true);
    await setKeptApart(db, 'https://copy.example/000', await urlOf(idOf('001')), true);
    const after = await allStories(new StoryIndex(db));
    expect(together(after, copyId, idOf('001'))).toBe(false);
    // The links not judged still group: 000 stays with one of them.
    expect(together(after, idOf('000'), copyId) || together(after, idOf('000'), idOf('001'))).toBe(true);
  });

  it('ignores a judgement about an article no longer stored', async () => {
    await setKeptApart(db, 'https://gone.example/', await urlOf(idOf('001')), true);
    expect(together(await allStories(new StoryIndex(db)), idOf('000'), idOf('001'))).toBe(true);
  });
});

describe('the view of a story larger than it lists', () => {
  /** Records read from the articles' tables (summaries, features, texts), counted through Dexie's reading hook. */
  function countReads(): { reads: Map<string, number>; stop: () => void } {
    const reads = new Map<string, number>();
    const tables = [db.summaries, db.features, db.articles];
    const counters = tables.map((table) => (x: unknown) => {
      reads.set(table.name, (reads.get(table.name) ?? 0) + 1);
      return x;
    });
    tables.forEach((table, i) => table.hook('reading', counters[i]!));
    return { reads, stop: () => tables.forEach((table, i) => table.hook('reading').unsubscribe(counters[i]!)) };
  }

  /** The first page with its views made by a new worker (links loaded), listing at most `listed` articles of each story; with the records read making it. */
  async function firstPage(listed: number) {
    const index = new StoryIndex(db);
    await index.linked();
    const counting = countReads();
    try {
      const page = await corpusStories(db, index, { listed });
      return { page, reads: Object.fromEntries(counting.reads) };
    } finally {
      counting.stop();
    }
  }

  beforeEach(async () => {
    // The story of 000 and 001 grown to 8 reports: six copies of them under other outlets' addresses.
    for (let i = 0; i < 6; i++) {
      const original = (await db.articles.get(idOf(i % 2 ? '001' : '000')))!;
      await saveArticle(db, withFeatures({ ...original, id: undefined, url: `https://copy-${i}.example/`, canonicalUrl: null, site: `copy-${i}.example` }));
    }
  });

  it.each([2, 3, 7, 8, 12])('listing at most %i articles, names and counts it as the view of every member does, and lists the best-connected with what each shares', async (listed) => {
    const whole = (await firstPage(Infinity)).page;
    const { page, reads } = await firstPage(listed);
    const story = page.stories.find((s) => s.ids.includes(idOf('000')))!;
    const full = whole.stories.find((s) => s.ids.includes(idOf('000')))!;
    expect(full.ids).toHaveLength(8);
    // Exact whatever it lists: the title (the best-connected article's), the members (their count), the page's figures.
    expect({ ...page, stories: page.stories.map((s) => ({ title: s.title, ids: [...s.ids].sort() })) })
      .toEqual({ ...whole, stories: whole.stories.map((s) => ({ title: s.title, ids: [...s.ids].sort() })) });
    // Listed: the best-connected ones (`bestConnected`, in the order of the links loaded), the story's lead among them, each as the whole view shows it.
    const links = (await new StoryIndex(db).storyGroups(new Set())).links;
    const best = bestConnected(full.ids.map(String), links, listed).map(Number);
    expect(story.articles.map((a) => a.id).sort()).toEqual([...best].sort());
    expect(story.articles).toEqual(full.articles.filter((a) => best.includes(a.id)));
    expect(story.articles.filter((a) => a.reasons.length === 0)).toEqual([full.articles.find((a) => a.reasons.length === 0)]);
    // Those listed first in its ids (the side by side offers them), then the others.
    expect(story.ids.slice(0, story.articles.length)).toEqual(story.articles.map((a) => a.id));
    // Read: the summaries and features of the articles listed; a text only for a story named after an untitled article (some seeds have no title).
    const shown = page.stories.reduce((n, s) => n + s.articles.length, 0);
    expect(shown).toBe(page.stories.reduce((n, s) => n + Math.min(listed, s.ids.length), 0));
    const untitledLeads = page.stories.filter((s) => s.articles.find((a) => a.reasons.length === 0)?.title === null).length;
    expect(reads).toEqual({ summaries: shown, features: shown, ...(untitledLeads ? { articles: untitledLeads } : {}) });
  });

  it('keeps the view of a story that changed but not in what it lists (its lead and listed articles), counting its members anew; makes it anew when they change', async () => {
    const index = new StoryIndex(db);
    await index.linked();
    const storyOf = (page: Awaited<ReturnType<typeof corpusStories>>) => page.stories.find((s) => s.ids.includes(idOf('000')))!;
    const before = storyOf(await corpusStories(db, index, { listed: 3 }));
    // One more copy of 000: the story's ninth member, and (premise) not among its three best-connected.
    const original = (await db.articles.get(idOf('000')))!;
    const record = withFeatures({ ...original, id: undefined, url: 'https://copy-9.example/', canonicalUrl: null, site: 'copy-9.example' });
    const { id } = await saveArticle(db, record);
    await index.add(id, featuresOf(record));
    const { links, groups } = await index.storyGroups(new Set());
    const grown = groups.of(String(idOf('000')))!;
    expect(grown).toContain(String(id));
    expect(bestConnected(grown, links, 3).map(Number).sort()).toEqual(before.articles.map((a) => a.id).sort());
    const counting = countReads();
    const after = storyOf(await corpusStories(db, index, { listed: 3 }));
    counting.stop();
    const byId = (ids: number[]) => [...ids].sort((x, y) => x - y);
    expect({ ...after, ids: byId(after.ids) }).toEqual({ ...before, ids: byId([...before.ids, id]) });
    expect(Object.fromEntries(counting.reads)).toEqual({});

    // A listed article deleted: the story lists another in its place, read (its lead's, if that one is gone).
    const gone = before.articles.find((a) => a.id !== before.lead)!.id;
    await deleteArticles(db, [gone]);
    await index.remove([gone]);
    const recounting = countReads();
    const remade = storyOf(await corpusStories(db, index, { listed: 3 }));
    recounting.stop();
    expect(remade.ids).toHaveLength(8);
    expect(remade.ids).not.toContain(gone);
    expect(remade.articles).toHaveLength(3);
    expect(recounting.reads.get('summaries')).toBe(3);
  });

  it('writes a view kept so with its story: the next worker shows the changed story without reading an article', async () => {
    // 14 reports, more than the view lists (`STORY_LISTED`); then one it does not list deleted.
    for (let i = 0; i < 6; i++) {
      const original = (await db.articles.get(idOf('000')))!;
      await saveArticle(db, withFeatures({ ...original, id: undefined, url: `https://more-${i}.example/`, canonicalUrl: null, site: `more-${i}.example` }));
    }
    const index = new StoryIndex(db);
    await index.linked();
    const storyOf = (page: Awaited<ReturnType<typeof corpusStories>>) => page.stories.find((s) => s.ids.includes(idOf('000')))!;
    const before = storyOf(await corpusStories(db, index));
    expect([before.ids.length, before.articles.length]).toEqual([14, STORY_LISTED]);
    const gone = before.ids.find((id) => !before.articles.some((a) => a.id === id))!;
    await deleteArticles(db, [gone]);
    await index.remove([gone]);
    // Premise: the same best-connected (the story a clique of copies, each article's links one fewer).
    const { links, groups } = await index.storyGroups(new Set());
    expect(bestConnected(groups.of(String(idOf('000')))!, links, STORY_LISTED).map(Number).sort()).toEqual(before.articles.map((a) => a.id).sort());
    await vi.advanceTimersByTimeAsync(2_500);
    await vi.waitFor(async () => expect((await db.stories.toArray()).find((r) => r.ids.includes(String(idOf('000'))))?.view?.ids).toHaveLength(13));
    index.stop();

    const counting = countReads();
    const restart = new StoryIndex(db);
    const next = storyOf(await corpusStories(db, restart));
    counting.stop();
    await restart.linked(); // the links loaded meanwhile, in the background, before the database closes
    expect(next).toEqual({ ...before, ids: before.ids.filter((id) => id !== gone) });
    expect(Object.fromEntries(counting.reads)).toEqual({});
  });
});

describe('the Stories view\'s answer', () => {
  it('sends the first screen\'s stories, each with its listed articles\' ids and its size; the next pages on demand give the rest in the same order', async () => {
    // 14 reports of 000's event (more than a story lists, `STORY_LISTED`), and stories of copies of 002, 003 and 004.
    for (const [seed, copies] of [['000', 12], ['002', 2], ['003', 1], ['004', 3]] as const) {
      for (let i = 0; i < copies; i++) {
        const original = (await db.articles.get(idOf(seed)))!;
        await saveArticle(db, withFeatures({ ...original, id: undefined, url: `https://copy-${seed}-${i}.example/`, canonicalUrl: null, site: `copy-${seed}-${i}.example` }));
      }
    }
    const index = new StoryIndex(db);
    const whole = (await allStories(index));
    expect(whole.map((s) => s.ids.length)).toEqual([14, 4, 3, 2]);
    const first = await storiesAnswer(db, index);
    // The first screen's (the corpus has fewer stories than it shows: all of them), as asked for explicitly.
    expect(first).toEqual(await storiesAnswer(db, index, { limit: STORIES_FIRST }));
    const sent = (s: (typeof whole)[number]) => ({ ...s, ids: s.articles.map((a) => a.id), size: s.ids.length });
    expect(first).toEqual({ stories: whole.map(sent), total: 4, grouped: 23, linking: 0 });
    expect(first.stories.map((s) => [s.ids.length, s.size])).toEqual([[STORY_LISTED, 14], [4, 4], [3, 3], [2, 2]]);
    // A page, then the next ones on demand: the same stories, in the same order.
    const pages = [await storiesAnswer(db, index, { limit: 1 }), await storiesAnswer(db, index, { offset: 1, limit: 2 }), await storiesAnswer(db, index, { offset: 3, limit: 50 })];
    expect(pages.flatMap((p) => p.stories)).toEqual(first.stories);
    expect(pages.map((p) => [p.stories.length, p.total, p.grouped])).toEqual([[1, 4, 23], [2, 4, 23], [1, 4, 23]]);
  });
});

describe('a tab\'s page side by side with a stored article', () => {
  it('puts the page as read (not stored) beside the article, with the quotations they share marked in both', async () => {
    const seed = (await db.articles.get(idOf('000')))!;
    const state: Extract<PageState, { kind: 'article' }> = {
      kind: 'article', tabId: 7, url: 'https://news.example.org/page.html', savedId: null,
      article: {
        title: seed.title, byline: null, siteName: 'Example news', publishedTime: seed.publishedTime, language: seed.language,
        url: 'https://news.example.org/page.html', canonicalUrl: null, text: seed.text, paragraphs: seed.paragraphs,
        boilerplate: [], removals: [], isArticle: true, articleReasons: [],
      },
    };
    const view = await pageBeside(db, state, idOf('001'));
    expect(view.a).toMatchObject({ id: null, site: 'Example news', url: 'https://news.example.org/page.html', text: seed.text });
    expect(view.b.id).toBe(idOf('001'));
    // The same two texts as the stored seeds: the same shared quotations.
    expect(view.quotes).toBe((await compareStored(db, idOf('000'), idOf('001'))).quotes);
    expect(view.quotes).toBeGreaterThanOrEqual(2);
    expect(view.a.marks.filter((m) => m.kind === 'quote')).toHaveLength(view.quotes);
    await expect(pageBeside(db, state, 99_999)).rejects.toThrow('This article is no longer in your corpus.');
  });
});

describe('stories kept up to date as articles are saved and deleted', () => {
  it('puts a saved copy of 001 in the story of 000 and 001, says why, and takes a deleted article out', async () => {
    const index = new StoryIndex(db);
    await allStories(index);
    const copy = (await db.articles.get(idOf('001')))!;
    const record = withFeatures({ ...copy, id: undefined, url: 'https://example.org/copy-of-001', canonicalUrl: null });
    const { id } = await saveArticle(db, record);
    await index.add(id, featuresOf(record));
    const story = (await allStories(index)).find((s) => s.ids.includes(idOf('000')))!;
    expect(story.ids).toEqual(expect.arrayContaining([idOf('000'), idOf('001'), id]));
    // Every article but the one the story is named after says what it shares with that one.
    const reasons = story.articles.map((a) => a.reasons.map((r) => r.code));
    expect(reasons.filter((r) => r.length === 0)).toHaveLength(1);
    expect(reasons.filter((r) => r.includes('shared-terms'))).toHaveLength(story.ids.length - 1);

    await deleteArticles(db, [id]);
    await index.remove([id]);
    const after = (await allStories(index)).find((s) => s.ids.includes(idOf('000')))!;
    expect(after.ids).toContain(idOf('001'));
    expect(after.ids).not.toContain(id);
  });

  /** The session's links, stories and views written back (2 s after the last change; this file's timers are fake). */
  const persisted = async (ids: number[]) => {
    await vi.advanceTimersByTimeAsync(2_500);
    await vi.waitFor(async () => expect(((await db.storyLinks.toCollection().primaryKeys()) as number[]).sort()).toEqual([...ids].sort()));
  };

  it('keeps the links with the corpus: the next session shows the stories before reading the links, and grades nothing again', async () => {
    const first = await allStories(new StoryIndex(db));
    await persisted((await db.articles.toCollection().primaryKeys()) as number[]);
    const grade = vi.spyOn(StoryLinks.prototype, 'grade');
    try {
      const next = new StoryIndex(db);
      const page = await corpusStories(db, next, { limit: 10_000 });
      expect(page).toEqual({ stories: first, total: first.length, grouped: first.reduce((n, s) => n + s.ids.length, 0), linking: 0 });
      await next.linked();
      expect(await allStories(next)).toEqual(first);
      expect(grade).not.toHaveBeenCalled();
    } finally {
      grade.mockRestore();
    }
  });

  it('shows the stories a page at a time, largest first, and counts the articles not linked yet rather than waiting for them', async () => {
    const index = new StoryIndex(db);
    const unlinked = await corpusStories(db, index);
    // Nothing linked yet (no stored links): no story, every article still being linked.
    expect(unlinked).toEqual({ stories: [], total: 0, grouped: 0, linking: await db.features.count() });
    const all = await allStories(index);
    expect(all.length).toBeGreaterThan(0);
    const pages = [];
    for (let offset = 0; offset < all.length; offset++) pages.push(await corpusStories(db, index, { offset, limit: 1 }));
    expect(pages.flatMap((p) => p.stories)).toEqual(all);
    expect(pages.every((p) => p.total === all.length && p.linking === 0)).toBe(true);
    expect(all.map((s) => s.ids.length)).toEqual([...all.map((s) => s.ids.length)].sort((x, y) => y - x));
  });

  it('keeps the stories and what the view shows of them: the first opening after a restart groups nothing and reads no article, and shows the stories grouped anew', async () => {
    const session = new StoryIndex(db);
    await allStories(session);
    // A change in the session: a copy of 001 joins the story of 000 and 001.
    const copy = (await db.articles.get(idOf('001')))!;
    const record = withFeatures({ ...copy, id: undefined, url: 'https://example.org/copy-of-001', canonicalUrl: null });
    const { id } = await saveArticle(db, record);
    await session.add(id, featuresOf(record));
    const before = await allStories(session);
    expect(before.find((s) => s.ids.includes(id))?.ids).toContain(idOf('000'));
    await persisted((await db.articles.toCollection().primaryKeys()) as number[]);

    const reads = [vi.spyOn(db.articles, 'bulkGet'), vi.spyOn(db.summaries, 'bulkGet'), vi.spyOn(db.features, 'bulkGet')];
    const saved = vi.spyOn(StoryGroups, 'saved');
    const restart = new StoryIndex(db);
    const restarted = (await corpusStories(db, restart, { limit: 10_000 })).stories;
    await restart.linked(); // the links loaded meanwhile, in the background
    expect(reads.map((r) => r.mock.calls.length)).toEqual([0, 0, 0]);
    // The saved stories taken as they are (not grouped again).
    expect(saved.mock.results.map((r) => r.value)).toEqual([expect.arrayContaining([expect.any(Array)])]);
    for (const r of [...reads, saved]) r.mockRestore();
    expect(restarted).toEqual(before);
    // The same as grouped and read anew, the saved stories left aside.
    await db.stories.clear();
    expect(await allStories(new StoryIndex(db))).toEqual(restarted);
  });

  it('after a restart, takes out of its story an article deleted while the worker was stopped', async () => {
    await allStories(new StoryIndex(db));
    await persisted((await db.articles.toCollection().primaryKeys()) as number[]);
    // Deleted through storage alone: the stopped worker's index never heard of it.
    await deleteArticles(db, [idOf('001')]);
    const restarted = (await corpusStories(db, new StoryIndex(db), { limit: 10_000 })).stories;
    expect(restarted.flatMap((s) => s.ids)).not.toContain(idOf('001'));
    await db.stories.clear();
    expect(await allStories(new StoryIndex(db))).toEqual(restarted);
  });
});

describe('the first opening after a restart, whatever stories rows an earlier worker left', () => {
  type Row = { key: string; order: number; ids: string[] };
  /** Rows of two stories or more, each sorted, as a worker writes them (`key`: the first member). */
  const row = (ids: string[]): Row => ({ key: ids[0]!, order: -ids.length, ids });
  const byId = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  const meta = async (key: string) => (await db.meta.get(key))?.value;

  /**
   * Rows as a worker stopped by Chrome can leave them for the next: `story` is the stories rows'
   * story of 000 (8 reports), `others` every other stored article in no story. Returns the rows to
   * write instead of the story's, with the count of rows said (`storyCount`) and the articles owed a
   * whole regrouping (`storyOwed`: the stories were regrouped only around each change of a backlog).
   */
  const cases: [string, (story: string[], others: string[]) => { rows: Row[]; counted: number; owed: string[] }, boolean][] = [
    ['the story written as two parts, its whole regrouping owed', (story) => ({ rows: [row(story.slice(0, 4)), row(story.slice(4))], counted: 2, owed: story }), false],
    ['a row of two articles no longer in any story, their regrouping owed', (story, others) => ({ rows: [row(story), row(others.slice(0, 2).sort(byId))], counted: 2, owed: others.slice(0, 2) }), false],
    ['a row left beside the story it was regrouped into (rows and count disagree)', (story) => ({ rows: [row(story), row(story.slice(1, 3))], counted: 1, owed: [] }), false],
    // The views then made by the next worker: of each story's best-connected, from what its row says of them.
    ['the story written as two parts, and no view written (a backlog that kept changing the stories)', (story) => ({ rows: [row(story.slice(0, 4)), row(story.slice(4))], counted: 2, owed: story }), true],
    ['the rows as written, and no view written', (story) => ({ rows: [row(story)], counted: 1, owed: [] }), true],
  ];

  it('the count written by an earlier version (without the articles still to be linked): the next worker writes it again, nothing else changed, and the one after counts no table', async () => {
    const all = (await db.articles.toCollection().primaryKeys()) as number[];
    const session = new StoryIndex(db);
    await allStories(session);
    await vi.advanceTimersByTimeAsync(2_500);
    await vi.waitFor(async () => expect(await db.storyLinks.count()).toBe(all.length));
    session.stop();
    const { stories, articles } = (await meta('storyCount')) as { stories: number; articles: number };
    await db.meta.put({ key: 'storyCount', value: { stories, articles } });
    const worker = new StoryIndex(db);
    const shown = await corpusStories(db, worker);
    await worker.linked();
    await vi.advanceTimersByTimeAsync(2_500);
    const top = Math.max(...all);
    await vi.waitFor(async () => expect(await meta('storyCount')).toEqual({ stories, articles, linking: 0, top }));
    worker.stop();
    const counts = [vi.spyOn(db.storyLinks, 'count'), vi.spyOn(db.features, 'count')];
    const next = new StoryIndex(db);
    expect(await corpusStories(db, next)).toEqual(shown);
    expect(counts.map((c) => c.mock.calls.length)).toEqual([0, 0]);
    for (const c of counts) c.mockRestore();
    await next.linked();
    next.stop();
  });

  it('the corpus changed since the rows were written (by a worker that did not load the links): counts the articles saved since still to be linked, and counts no table', async () => {
    const session = new StoryIndex(db);
    await allStories(session);
    await vi.advanceTimersByTimeAsync(2_500);
    await vi.waitFor(async () => expect((await meta('storyCount')) as { linking?: number }).toMatchObject({ linking: 0 }));
    session.stop();
    // Saved and deleted through storage alone (the stopped worker's index never heard of them): two copies of 002, a linked article (004) deleted.
    for (const i of [1, 2]) {
      const original = (await db.articles.get(idOf('002')))!;
      await saveArticle(db, withFeatures({ ...original, id: undefined, url: `https://later-${i}.example/`, canonicalUrl: null, site: `later-${i}.example` }));
    }
    await deleteArticles(db, [idOf('004')]);
    const counts = [vi.spyOn(db.storyLinks, 'count'), vi.spyOn(db.features, 'count')];
    const next = new StoryIndex(db);
    const first = await corpusStories(db, next);
    const tablesCounted = counts.map((c) => c.mock.calls.length);
    for (const c of counts) c.mockRestore();
    expect(tablesCounted).toEqual([0, 0]);
    expect(first.linking).toBe(2);
    // Once they are linked: none left, the copies of 002 a story with it.
    await next.linked();
    const linked = await corpusStories(db, next, { limit: 10_000 });
    expect(linked.linking).toBe(0);
    expect(linked.stories.find((s) => s.ids.includes(idOf('002')))?.ids).toHaveLength(3);
    next.stop();
  });

  it('writes the stories it had to group whole (rows and count disagree) at once: a worker stopped a moment after leaves them repaired', async () => {
    for (let i = 0; i < 6; i++) {
      const original = (await db.articles.get(idOf(i % 2 ? '001' : '000')))!;
      await saveArticle(db, withFeatures({ ...original, id: undefined, url: `https://copy-${i}.example/`, canonicalUrl: null, site: `copy-${i}.example` }));
    }
    const session = new StoryIndex(db);
    await allStories(session);
    await vi.advanceTimersByTimeAsync(2_500);
    await vi.waitFor(async () => expect((await meta('storyCount')) as { linking?: number }).toMatchObject({ linking: 0 }));
    session.stop();
    const story = (await db.stories.toArray()).find((r) => r.ids.includes(String(idOf('000'))))!.ids;
    // A row left beside the story it was regrouped into, the count saying one row.
    await db.stories.put(row(story.slice(1, 3)));
    const unsound = await db.stories.count();
    const worker = new StoryIndex(db);
    await corpusStories(db, worker);
    await worker.linked();
    // Only the timers due now run (the usual write waits 2 s): the rows are written back all the same.
    await vi.advanceTimersByTimeAsync(0);
    for (let i = 0; i < 200 && (await db.stories.count()) === unsound; i++) await new Promise((r) => setImmediate(r));
    worker.stop();
    expect(await db.stories.count()).toBe(unsound - 1);
    expect(((await meta('storyCount')) as { stories: number }).stories).toBe(unsound - 1);
  });

  it.each(cases)('%s: the next worker writes back exactly the stories, and the one after answers from them without reading the links', async (_, craft, viewless) => {
    for (let i = 0; i < 6; i++) {
      const original = (await db.articles.get(idOf(i % 2 ? '001' : '000')))!;
      await saveArticle(db, withFeatures({ ...original, id: undefined, url: `https://copy-${i}.example/`, canonicalUrl: null, site: `copy-${i}.example` }));
    }
    const all = ((await db.articles.toCollection().primaryKeys()) as number[]).map(String);
    const session = new StoryIndex(db);
    await allStories(session);
    await vi.advanceTimersByTimeAsync(2_500);
    await vi.waitFor(async () => expect(await db.storyLinks.count()).toBe(all.length));
    session.stop();
    const rows = await db.stories.toArray();
    const story = rows.find((r) => r.ids.includes(String(idOf('000'))))!.ids;
    expect(story).toHaveLength(8);
    const grouped = new Set(rows.flatMap((r) => r.ids));
    const { rows: written, counted, owed } = craft(story, all.filter((id) => !grouped.has(id)));
    const kept = rows.filter((r) => r.key !== story[0]);
    await db.stories.delete(story[0]!);
    await db.stories.bulkPut(written);
    await db.meta.bulkPut([
      { key: 'storyCount', value: { stories: kept.length + counted, articles: [...kept, ...written.slice(0, counted)].reduce((n, r) => n + r.ids.length, 0) } },
      { key: 'storyOwed', value: owed.map(Number) },
    ]);

    // A worker that loads the links (its view opened: every story's view made), then writes back.
    const worker = new StoryIndex(db);
    await corpusStories(db, worker);
    await worker.linked();
    const whole = await corpusStories(db, worker, { limit: 10_000 });
    const viewed = (rs: { ids: string[]; view?: unknown }[]) => whole.stories.every((s) => rs.some((r) => r.view && r.ids.join() === s.ids.map(String).sort(byId).join()));
    await vi.advanceTimersByTimeAsync(2_500);
    await vi.waitFor(async () => expect(viewed(await db.stories.toArray()) && (await meta('storyCount')) !== undefined).toBe(true));
    worker.stop();
    if (viewless) await db.stories.toCollection().modify((r) => void delete r.view);
    // One row per story, none beside them, and the count says so.
    expect((await db.stories.toArray()).map((r) => r.ids.join()).sort()).toEqual(whole.stories.map((s) => s.ids.map(String).sort(byId).join()).sort());
    expect(await meta('storyCount')).toEqual({ stories: whole.total, articles: whole.grouped, linking: 0, top: Math.max(...all.map(Number)) });

    // The next worker's first opening: the page from the stored rows.
    let linkRowsRead = 0;
    const count = (x: unknown) => (linkRowsRead++, x);
    db.storyLinks.hook('reading', count);
    const asked = vi.spyOn(db.storyLinks, 'bulkGet');
    const counts = [vi.spyOn(db.storyLinks, 'count'), vi.spyOn(db.features, 'count')];
    const next = new StoryIndex(db);
    const page = await corpusStories(db, next, { limit: 10_000 });
    db.storyLinks.hook('reading').unsubscribe(count);
    const readById = asked.mock.calls.reduce((n, [ids]) => n + ids.length, 0);
    const tablesCounted = counts.map((c) => c.mock.calls.length);
    for (const spy of [asked, ...counts]) spy.mockRestore();
    await next.linked(); // the links loaded meanwhile, in the background, before the database closes
    next.stop();
    // No story's members' links read (to find its best-connected: its row says them)...
    expect(readById).toBe(0);
    // ... and, the views stored, no row of links at all before it answered (the links load in the
    // background once it has; views to make give that load time to start).
    if (!viewless) expect(linkRowsRead).toBe(0);
    // Nor a table counted whole for the articles still to be linked: none since the rows were written, they say.
    expect(tablesCounted).toEqual([0, 0]);
    // Exactly the stories, titles, counts and members of the full computation.
    expect(page).toEqual(whole);
  });
});

describe('two stored articles side by side', () => {
  it('marks the quotations 000 and 001 share in both texts, with one number per pair', async () => {
    const view = await compareStored(db, idOf('000'), idOf('001'));
    expect(view.quotes).toBeGreaterThanOrEqual(2);
    const quotesA = view.a.marks.filter((m) => m.kind === 'quote');
    const quotesB = view.b.marks.filter((m) => m.kind === 'quote');
    expect(quotesA).toHaveLength(view.quotes);
    expect(quotesB.map((m) => m.pair).sort()).toEqual(quotesA.map((m) => m.pair).sort());
    for (const a of quotesA) {
      const b = quotesB.find((m) => m.pair === a.pair)!;
      expect(b.relation).toBe(a.relation);
      // An exact shared quotation reads the same in both texts (typography aside).
      if (a.relation === 'exact') {
        const plain = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
        expect(plain(view.b.text.slice(b.start, b.end))).toBe(plain(view.a.text.slice(a.start, a.end)));
      }
    }
    // Marks are in text order and inside the text.
    for (const side of [view.a, view.b]) {
      expect(side.marks.every((m) => m.start >= 0 && m.end <= side.text.length && m.start < m.end)).toBe(true);
      expect(side.marks.map((m) => m.start)).toEqual([...side.marks.map((m) => m.start)].sort((x, y) => x - y));
    }
  });

  it('shares nothing between articles of different events', async () => {
    const view = await compareStored(db, idOf('000'), idOf('002'));
    expect(view.quotes).toBe(0);
    expect(view.a.marks.filter((m) => m.kind === 'quote')).toEqual([]);
  });

  it('says so when an article is gone', async () => {
    await expect(compareStored(db, idOf('000'), 99_999)).rejects.toThrow('This article is no longer in your corpus.');
  });
});
