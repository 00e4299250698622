/**
 * The seeds' storyline (issue 17, item 4), computed in the background from the sample corpus:
 * the April call (002), the June proposal (003), the July call (000 and 001, one same-event story)
 * and Kerry in Moscow (004), in that order, from a story of the Stories view and from the page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { CorpusDb } from '../../extension/storage/corpus-db';
import { loadSamples, sampleUrl, type SampleFile } from '../../extension/storage/samples';
import type { StorylineEventView } from '../../extension/protocol';
import { storyline } from '../background/storyline';
import { StoryIndex } from '../background/story-index';
import { StoryLinks } from '../../lib/corpus-index';
import { readSeedGold } from '../../tests/support/shared-fixtures';

const samples: SampleFile[] = readdirSync('corpus').filter((f) => f.endsWith('.txt')).map((f): SampleFile => {
  const name = f.slice(0, -4);
  return { name, text: readFileSync(`corpus/${f}`, 'utf8'), sidecar: readFileSync(`corpus/${name}.meta.json`, 'utf8') };
});

/** The storyline as [seed numbers of each event's reports, in order], the page as 'page'. */
let seedsOf: (events: StorylineEventView[]) => string[][];
let db: CorpusDb;
let idOf: (seed: string) => number;
beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  await Dexie.delete('recoupe-storyline-test');
  db = new CorpusDb('recoupe-storyline-test');
  await loadSamples(db, samples);
  const all = await db.articles.toArray();
  idOf = (seed) => all.find((a) => a.url.startsWith(sampleUrl(seed)))!.id;
  const seedOf = (id: number | null) => (id === null ? 'page' : ['000', '001', '002', '003', '004'].find((s) => idOf(s) === id)!);
  seedsOf = (events) => events.map((e) => e.versions.map((v) => seedOf(v.id)));
});
afterEach(() => {
  vi.useRealTimers();
  db.close();
});

describe('the seeds\' storyline', () => {
  // gold.json: 002 is E2 (April call), 003 E3 (late-June proposal), 000 and 001 E1 (6 July call), 004 E4 (Kerry, 14 July).
  it('gold names the events this test expects', () => {
    const articles = readSeedGold().articles as Record<string, { event?: string }>;
    const event = (seed: string) => articles[Object.keys(articles).find((k) => k.startsWith(seed))!]!.event;
    expect(['002', '003', '000', '001', '004'].map(event)).toEqual(['E2', 'E3', 'E1', 'E1', 'E4']);
  });

  it('from the July call\'s story (Stories view): April call, June proposal, July call, Kerry in Moscow', async () => {
    const events = await storyline(db, new StoryIndex(db), { ids: [idOf('000'), idOf('001')], expand: true });
    expect(seedsOf(events)).toEqual([['002'], ['003'], ['001', '000'], ['004']]);
    expect(events.map((e) => e.current)).toEqual([false, false, true, false]);
    expect(events.map((e) => e.time)).toEqual(['2016-04-18', '2016-06-30', '2016-07-06', '2016-07-14']);
    expect(events[0]!.title).toBe('Poutine et Obama réaffirment leur volonté de renforcer le cessez-le-feu en Syrie');
  });

  // One step of relatedness, never chained (an article related to a related one may be off the storyline):
  // matching relates Kerry's visit to the June proposal and the July call, not to the April call
  // (gold relates all five; a miss, not a wrong event).
  it('from Kerry\'s article alone: the events matching relates to it, in order, Kerry\'s the current one', async () => {
    const events = await storyline(db, new StoryIndex(db), { ids: [idOf('004')], expand: true });
    expect(seedsOf(events)).toEqual([['003'], ['001', '000'], ['004']]);
    expect(events.map((e) => e.current)).toEqual([false, false, true]);
  });

  it('from the panel: the page joins the event of the stored articles it reports the same event as', async () => {
    const page = { id: null, title: 'Poutine et Obama', site: 'news.example.org', publishedTime: '2016-07-07T08:00:00+02:00', firstSeen: '2026-12-02T00:00:00Z', sameAs: [idOf('001')] };
    const events = await storyline(db, new StoryIndex(db), { ids: [idOf('001'), idOf('002'), idOf('003'), idOf('004')], expand: false, page });
    expect(seedsOf(events)).toEqual([['002'], ['003'], ['001', '000', 'page'], ['004']]);
    expect(events.map((e) => e.current)).toEqual([false, false, true, false]);
  });

  it('from the panel on a saved page: its stored copy is the page, not listed twice', async () => {
    const page = { id: idOf('000'), title: 'Poutine et Obama', site: 'RT France', publishedTime: '2016-07-07', firstSeen: '2026-12-02T00:00:00Z', sameAs: [idOf('001')] };
    const events = await storyline(db, new StoryIndex(db), { ids: [idOf('001'), idOf('002'), idOf('003'), idOf('004')], expand: false, page });
    expect(seedsOf(events)).toEqual([['002'], ['003'], ['001', 'page'], ['004']]);
  });

  it('reads only what it shows: the stories kept by the background (no link regrouped) and the summaries of their reports, a text only for a report without a title', async () => {
    const stories = new StoryIndex(db);
    await stories.storyGroups(new Set()); // The Stories view opened once: the stories are kept from then on.
    const regrouped = vi.spyOn(StoryLinks.prototype, 'stories');
    const texts = vi.spyOn(db.articles, 'bulkGet');
    const events = await storyline(db, stories, { ids: [idOf('001'), idOf('002')], expand: false });
    expect(seedsOf(events)).toEqual([['002'], ['001', '000']]);
    expect(regrouped).not.toHaveBeenCalled();
    // Texts are read only to name an untitled report by its first words.
    const untitled = (await db.summaries.toArray()).filter((a) => !a.title).map((a) => a.id);
    expect(texts.mock.calls.flatMap(([ids]) => [...ids]).every((id) => untitled.includes(id as number))).toBe(true);
  });

  it('a page with no stored same-event article is an event of its own, placed by its date', async () => {
    const page = { id: null, title: 'Une page', site: null, publishedTime: '2016-05-01', firstSeen: '2026-12-02T00:00:00Z', sameAs: [] };
    const events = await storyline(db, new StoryIndex(db), { ids: [idOf('002'), idOf('003')], expand: false, page });
    expect(seedsOf(events)).toEqual([['002'], ['page'], ['003']]);
    expect(events.map((e) => e.current)).toEqual([false, true, false]);
  });
});
