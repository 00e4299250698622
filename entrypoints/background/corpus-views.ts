/**
 * The corpus page's views that need the whole corpus or the analysis: stories (same-event groups
 * over the story index) and two stored articles side by side with what they share. Computed here
 * from `lib/`, where the texts and the index are; the page only renders the result.
 */
import { i18n } from '#i18n';
import { bestConnected, firstWords, pairKey, StoryLinks } from '../../lib/corpus-index';
import { gradePrepared, prepare, type PreparedFeatures } from '../../lib/match';
import { COMPARE_BUDGET } from '../../lib/compare/report';
import type { SideBySide } from '../../lib/compare/report-types';
import { STORIES_FIRST, STORIES_PAGE, storySize, type PageState, type StoriesPage, type StoryGroup } from '../../extension/protocol';
import type { CorpusDb } from '../../extension/storage/corpus-db';
import { readableArticle, toNewArticle } from '../../extension/storage/article-record';
import { keptApartPairs } from '../../extension/storage/kept-apart';
import { everyMember, STORY_LISTED, viewKept, type StoryEntry, type StoryIndex } from './story-index';
import type { AnalysisHost } from '../../extension/analysis/host';
import { inlineHost, stoppedInWords } from './compare-page';
import { foremost } from '../../extension/give-way';

/** The reader's "not the same event" judgements between stored articles, as `pairKey`s of their ids. */
export async function keptApartKeys(db: CorpusDb): Promise<Set<string>> {
  const pairs = await keptApartPairs(db);
  const keys = new Set<string>();
  if (pairs.length === 0) return keys;
  const judged = await db.articles.where('url').anyOf(pairs.flat()).toArray();
  const idOfUrl = new Map(judged.map((a) => [a.url, String(a.id)]));
  for (const [x, y] of pairs) {
    const [idX, idY] = [idOfUrl.get(x), idOfUrl.get(y)];
    if (idX && idY) keys.add(pairKey(idX, idY));
  }
  return keys;
}

/**
 * A page of the same-event stories of the stored corpus, largest first: the background's stories
 * (kept current as articles are saved and deleted, and stored with the links), never the whole
 * corpus graded or grouped on a request; articles whose links are still being graded are counted
 * (`linking`), not waited for. Only the page's stories new since their views were last made are
 * read, and of each only the `listed` best-connected articles (`STORY_LISTED`): their summaries and
 * features (no text, unless the story's lead has no title to name it by), for what each shares
 * with the article the story is named after; the links of every member give the best-connected
 * (in memory once loaded; in a new worker, as the story's stored row names them, written with the
 * links, else the members' stored rows of links: ids and scores). A story whose lead and listed
 * articles are those its view last showed keeps that view (members counted anew), nothing read.
 * Pairs the reader marked "not the same event" are never in one story.
 */
export async function corpusStories(db: CorpusDb, stories: StoryIndex, { offset = 0, limit = STORIES_PAGE, listed = STORY_LISTED }: { offset?: number; limit?: number; listed?: number } = {}): Promise<StoriesPage> {
  const page = await stories.page(await foremost(() => keptApartKeys(db)), offset, limit);
  const entries = page.stories.filter((s) => s.view === undefined);
  const fresh = entries.map((s) => s.ids);
  const made = new Map<readonly string[], StoryGroup | null>();
  if (fresh.length) {
    // Ahead of the background (a new worker loads its links meanwhile): the reads below are bounded.
    const { shown, toMake, found, features, labels } = await foremost(async () => {
      // The story's lead (its best-connected article) and the others listed: as its stored row says
      // (a new worker: `StoredStory.best`, when it names as many as are listed), else by the links of
      // all its members, and by them too for a view kept from before (`viewKept` counts them).
      const count = Math.max(2, listed);
      const stored = (s: StoryEntry) => (s.best && (s.best.length >= count || s.best.length === s.ids.length) ? s.best.slice(0, count) : undefined);
      const linked = entries.filter((s) => !stored(s) || stories.earlierView(s.ids) !== undefined).map((s) => s.ids);
      const links = linked.length ? await stories.linksAmong(linked.flat()) : new StoryLinks();
      const shown = new Map(entries.map((s) => [s.ids, stored(s) ?? bestConnected(s.ids, links, count)]));
      // A story changed but not in what its view lists (the same lead and articles): its view kept, its members counted anew.
      const toMake = fresh.filter((story) => {
        const kept = stories.earlierView(story);
        const view = kept ? viewKept(kept, story, links, listed) : undefined;
        if (!view) return true;
        made.set(story, view);
        stories.keepView(story, view);
        return false;
      });
      const ids = toMake.flatMap((story) => shown.get(story)!);
      const [found, features] = await Promise.all([db.summaries.bulkGet(ids.map(Number)), stories.features(ids)]);
      const labels = new Map<string, string>();
      for (const a of found) if (a?.title) labels.set(String(a.id), a.title);
      // A story whose lead has no title is named by the lead's first words: those texts alone are read.
      const leads = new Set(toMake.map((story) => shown.get(story)![0]!));
      const untitled = found.flatMap((a) => (a && !a.title && leads.has(String(a.id)) ? [a.id] : []));
      for (const stored of untitled.length ? await db.articles.bulkGet(untitled) : []) {
        const a = stored ? readableArticle(stored) : null;
        if (a) labels.set(String(a.id), firstWords(a.text));
      }
      return { shown, toMake, found, features, labels };
    });
    // The rows of the index these articles' keys need (a new worker reads no other).
    const index = await stories.indexFor(features);
    const about = new Map<number, StoryGroup['articles'][number]>();
    const prepared = new Map<string, PreparedFeatures>();
    found.forEach((a, i) => {
      const f = features[i];
      if (!a || !f) return;
      about.set(a.id, { id: a.id, title: a.title, site: a.site, publishedTime: a.publishedTime, reasons: [] });
      prepared.set(String(a.id), prepare(f, index));
    });
    const published = (x: StoryGroup['articles'][number]) => (x.publishedTime ? Date.parse(x.publishedTime) || Infinity : Infinity);
    for (const story of toMake) {
      const chosen = shown.get(story)!;
      const lead = chosen[0]!;
      // The article the story is named after comes first (the others say what they share with it, and
      // "side by side with the first" opens them beside it); the others by date.
      const leadFirst = (x: StoryGroup['articles'][number]) => (String(x.id) === lead ? 0 : 1);
      const members = chosen.flatMap((id) => about.get(Number(id)) ?? [])
        .sort((x, y) => leadFirst(x) - leadFirst(y) || published(x) - published(y) || x.id - y.id);
      // Why each article is in the story: what it shares with the article the story is named after.
      const leading = prepared.get(lead);
      for (const m of members) {
        const p = prepared.get(String(m.id));
        m.reasons = leading && p && String(m.id) !== lead ? gradePrepared(p, leading).reasons : [];
      }
      const view = members.length > 1 ? { ids: everyMember(story, chosen, members), title: labels.get(lead) || lead, lead: Number(lead), articles: members } : null;
      made.set(story, view);
      stories.keepView(story, view);
    }
  }
  return { stories: page.stories.flatMap((s) => (s.view === undefined ? made.get(s.ids) : s.view) ?? []), total: page.total, grouped: page.grouped, linking: page.linking };
}

/** `story` as a `corpus/stories` answer sends it: its listed articles' ids and its size, not every member's id. */
const storyForPage = (story: StoryGroup): StoryGroup => ({ ...story, ids: story.articles.map((a) => a.id), size: storySize(story) });

/**
 * The `corpus/stories` answer: `limit` stories from `offset` (the first screen's unless asked,
 * `STORIES_FIRST`), each with its listed articles' ids and its size, not every member's id
 * (`storyForPage`): what the view shows, whatever the stories' sizes.
 */
export async function storiesAnswer(db: CorpusDb, stories: StoryIndex, { offset = 0, limit = STORIES_FIRST }: { offset?: number; limit?: number } = {}): Promise<StoriesPage> {
  const page = await corpusStories(db, stories, { offset, limit });
  return { ...page, stories: page.stories.map(storyForPage) };
}

/**
 * Two articles with the quotations and passages they share marked in both texts (lib/compare/report),
 * computed by the analysis worker within the comparison's budget, like the page's comparison.
 */
async function besideInWorker(db: CorpusDb, a: Parameters<AnalysisHost['sideBySide']>[0], b: number, host = inlineHost(db)): Promise<SideBySide> {
  const view = await host.sideBySide(a, b, COMPARE_BUDGET).catch(stoppedInWords);
  if (!view) throw new Error(i18n.t('corpus.articleGone'));
  return view;
}

/** Two stored articles side by side. */
export const compareStored = (db: CorpusDb, idA: number, idB: number, host?: AnalysisHost): Promise<SideBySide> => besideInWorker(db, idA, idB, host);

/** A tab's page, as extracted, beside stored article `articleId` (the panel's lists open this). */
export function pageBeside(db: CorpusDb, state: Extract<PageState, { kind: 'article' | 'not-article' }>, articleId: number, host?: AnalysisHost): Promise<SideBySide> {
  const page = toNewArticle(state.article, state.url, 'page', new Date());
  return besideInWorker(db, { ...page, id: state.savedId }, articleId, host);
}
