/**
 * The corpus page's stories and side-by-side views, computed in the background from the sample
 * corpus (the five seeds): 000 and 001 report the same event and share two quotations.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { CorpusDb } from '../../extension/storage/corpus-db';
import { loadSamples, sampleUrl, type SampleFile } from '../../extension/storage/samples';
import { compareStored, corpusStories } from '../background/corpus-views';
import { StoryIndex } from '../background/story-index';
import { pairKey, StoryLinks } from '../../lib/index';
import { withAnalysis } from '../../extension/storage/analysis';
import { deleteArticles, getMeta, saveArticle } from '../../extension/storage/corpus';

const samples: SampleFile[] = readdirSync('corpus').filter((f) => f.endsWith('.txt')).map((f) => {
  const name = f.slice(0, -4);
  return { name, text: readFileSync(`corpus/${f}`, 'utf8'), meta: JSON.parse(readFileSync(`corpus/${name}.meta.json`, 'utf8')) };
});

let db: CorpusDb;
/** Stored id of a seed, by its number (`000`). */
let idOf: (seed: string) => number;
beforeEach(async () => {
  await Dexie.delete('recoupe-views-test');
  db = new CorpusDb('recoupe-views-test');
  await loadSamples(db, samples);
  const all = await db.articles.toArray();
  idOf = (seed) => all.find((a) => a.url.startsWith(sampleUrl(seed)))!.id;
});
afterEach(() => db.close());

describe('stories of the stored corpus', () => {
  it('puts seeds 000 and 001 in one story, and 002 apart from them', async () => {
    const stories = await corpusStories(db, new StoryIndex(db));
    const withFirst = stories.find((s) => s.ids.includes(idOf('000')));
    expect(withFirst?.ids).toContain(idOf('001'));
    expect(withFirst?.ids).not.toContain(idOf('002'));
    expect(withFirst?.title).toBeTruthy();
    // Every article is in one story at most, and a story has two articles or more.
    const ids = stories.flatMap((s) => s.ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(stories.every((s) => s.ids.length >= 2)).toBe(true);
  });
});

describe('stories kept up to date as articles are saved and deleted', () => {
  it('puts a saved copy of 001 in the story of 000 and 001, says why, and takes a deleted article out', async () => {
    const index = new StoryIndex(db);
    await corpusStories(db, index);
    const copy = (await db.articles.get(idOf('001')))!;
    const record = withAnalysis({ ...copy, id: undefined, url: 'https://example.org/copy-of-001', canonicalUrl: null });
    const { id } = await saveArticle(db, record);
    await index.add(id, record.analysis.match);
    const story = (await corpusStories(db, index)).find((s) => s.ids.includes(idOf('000')))!;
    expect(story.ids).toEqual(expect.arrayContaining([idOf('000'), idOf('001'), id]));
    // Every article but the one the story is named after says what it shares with that one.
    const reasons = story.articles.map((a) => a.reasons.map((r) => r.code));
    expect(reasons.filter((r) => r.length === 0)).toHaveLength(1);
    expect(reasons.filter((r) => r.includes('shared-terms'))).toHaveLength(story.ids.length - 1);

    await deleteArticles(db, [id]);
    await index.remove([id]);
    const after = (await corpusStories(db, index)).find((s) => s.ids.includes(idOf('000')))!;
    expect(after.ids).toContain(idOf('001'));
    expect(after.ids).not.toContain(id);
  });

  it('keeps the links with the corpus: the next session groups them without grading the corpus again', async () => {
    const first = await corpusStories(db, new StoryIndex(db));
    await new Promise((resolve) => setTimeout(resolve, 2_500)); // the links are written 2 s after the last change
    expect(await getMeta(db, 'storyLinks')).toMatchObject({ ids: expect.arrayContaining([String(idOf('000'))]) });
    const build = vi.spyOn(StoryLinks, 'build');
    try {
      expect(await corpusStories(db, new StoryIndex(db))).toEqual(first);
      expect(build).not.toHaveBeenCalled();
    } finally {
      build.mockRestore();
    }
  });

  it('keeps a pair the reader marked "not the same event" out of one story', async () => {
    const stories = await corpusStories(db, new StoryIndex(db), new Set([pairKey(String(idOf('000')), String(idOf('001')))]));
    expect(stories.some((s) => s.ids.includes(idOf('000')) && s.ids.includes(idOf('001')))).toBe(false);
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
