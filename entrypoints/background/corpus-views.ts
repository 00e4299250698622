/**
 * The corpus page's views that need the whole corpus or the analysis: stories (same-event groups
 * over the story index) and two stored articles side by side with what they share. Computed here
 * from `lib/`, where the texts and the index are; the page only renders the result.
 */
import { i18n } from '#i18n';
import { firstWords, groupStories, pairKey, type StoryArticle } from '../../lib/index';
import { sideBySide } from '../../lib/compare/report';
import type { SideBySide } from '../../lib/compare/report-types';
import type { PageState, StoryGroup } from '../../extension/protocol';
import type { CorpusDb } from '../../extension/storage/corpus-db';
import { eachArticle } from '../../extension/storage/corpus';
import { featuresOf } from '../../extension/storage/analysis';
import { readableArticle, toNewArticle } from '../../extension/storage/article-record';
import { keptApartPairs } from '../../extension/storage/kept-apart';
import type { StoryIndex } from './story-index';

/**
 * Same-event stories of the stored corpus, largest first, over the background's story index (its
 * candidates beyond a few hundred articles). Only each article's features and title are kept
 * while reading, never the texts.
 */
export async function corpusStories(db: CorpusDb, stories: StoryIndex): Promise<StoryGroup[]> {
  const index = await stories.get();
  const articles: StoryArticle[] = [];
  const about = new Map<number, StoryGroup['articles'][number]>();
  const idOfUrl = new Map<string, string>();
  await eachArticle(db, (a) => {
    articles.push({ id: String(a.id), title: a.title || firstWords(a.text), features: featuresOf(a) });
    about.set(a.id, { id: a.id, title: a.title, site: a.site, publishedTime: a.publishedTime });
    idOfUrl.set(a.url, String(a.id));
  });
  // The reader's "not the same event" judgements, between articles both stored.
  const keptApart = new Set<string>();
  for (const [x, y] of await keptApartPairs(db)) {
    const [idX, idY] = [idOfUrl.get(x), idOfUrl.get(y)];
    if (idX && idY) keptApart.add(pairKey(idX, idY));
  }
  const published = (x: StoryGroup['articles'][number]) => (x.publishedTime ? Date.parse(x.publishedTime) || Infinity : Infinity);
  return groupStories(articles, index, keptApart).map((s) => {
    const members = s.ids.map((id) => about.get(Number(id))!).sort((x, y) => published(x) - published(y) || x.id - y.id);
    return { ids: members.map((m) => m.id), title: s.label, articles: members };
  });
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
