/**
 * The corpus page's views that need the whole corpus or the analysis: stories (same-event groups
 * over the story index) and two stored articles side by side with what they share. Computed here
 * from `lib/`, where the texts and the index are; the page only renders the result.
 */
import { i18n } from '#i18n';
import { firstWords, labelStories, pairKey } from '../../lib/corpus-index';
import { gradePrepared, prepare, type PreparedFeatures } from '../../lib/match';
import { sideBySide } from '../../lib/compare/report';
import type { SideBySide } from '../../lib/compare/report-types';
import type { PageState, StoryGroup } from '../../extension/protocol';
import type { CorpusDb } from '../../extension/storage/corpus-db';
import { featuresOf } from '../../extension/storage/analysis';
import { readableArticle, toNewArticle } from '../../extension/storage/article-record';
import { keptApartPairs } from '../../extension/storage/kept-apart';
import type { StoryIndex } from './story-index';

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
 * What the view shows of each story, by the story's members array (`StoryGroups` gives a new one
 * when a story changes): a story is read and its reasons written once, not on every opening.
 */
const storyViews = new WeakMap<readonly string[], StoryGroup | null>();

/**
 * Same-event stories of the stored corpus, largest first: the background's stories (kept current
 * as articles are saved and deleted), never the whole corpus graded or grouped again. Only the
 * articles of stories new since the last opening are read, for their titles and what each shares
 * with the article the story is named after. Pairs the reader marked "not the same event" are
 * never in one story.
 */
export async function corpusStories(db: CorpusDb, stories: StoryIndex): Promise<StoryGroup[]> {
  const { links, groups } = await stories.storyGroups(await keptApartKeys(db));
  const all = groups.stories().sort((x, y) => y.length - x.length || (x[0]! < y[0]! ? -1 : 1));
  const fresh = all.filter((s) => !storyViews.has(s));
  if (fresh.length) {
    const index = await stories.get();
    const about = new Map<number, StoryGroup['articles'][number]>();
    const labels = new Map<string, string>();
    const prepared = new Map<string, PreparedFeatures>();
    for (const found of await db.articles.bulkGet(fresh.flat().map(Number))) {
      const a = found ? readableArticle(found) : null;
      if (!a) continue;
      about.set(a.id, { id: a.id, title: a.title, site: a.site, publishedTime: a.publishedTime, reasons: [] });
      labels.set(String(a.id), a.title || firstWords(a.text));
      prepared.set(String(a.id), prepare(featuresOf(a), index));
    }
    const published = (x: StoryGroup['articles'][number]) => (x.publishedTime ? Date.parse(x.publishedTime) || Infinity : Infinity);
    for (const s of labelStories(fresh, links, (id) => labels.get(id))) {
      const members = s.ids.flatMap((id) => about.get(Number(id)) ?? []).sort((x, y) => published(x) - published(y) || x.id - y.id);
      // Why each article is in the story: what it shares with the article the story is named after.
      const lead = prepared.get(s.lead);
      for (const m of members) {
        const p = prepared.get(String(m.id));
        m.reasons = lead && p && String(m.id) !== s.lead ? gradePrepared(p, lead).reasons : [];
      }
      storyViews.set(s.ids, members.length > 1 ? { ids: members.map((m) => m.id), title: s.label, articles: members } : null);
    }
  }
  return all.flatMap((s) => storyViews.get(s) ?? []);
}

/** Two stored articles with the quotations and passages they share marked in both texts (lib/compare/report). */
export async function compareStored(db: CorpusDb, idA: number, idB: number): Promise<SideBySide> {
  const [a, b] = (await db.articles.bulkGet([idA, idB])).map((x) => (x ? readableArticle(x) : null));
  if (!a || !b) throw new Error(i18n.t('corpus.articleGone'));
  return sideBySide(a, b);
}

/** A tab's page, as extracted, beside stored article `articleId` (the panel's lists open this). */
export async function pageBeside(db: CorpusDb, state: Extract<PageState, { kind: 'article' | 'not-article' }>, articleId: number): Promise<SideBySide> {
  const found = await db.articles.get(articleId);
  const other = found ? readableArticle(found) : null;
  if (!other) throw new Error(i18n.t('corpus.articleGone'));
  const page = toNewArticle(state.article, state.url, 'page', new Date());
  return sideBySide({ ...page, id: state.savedId }, other);
}
