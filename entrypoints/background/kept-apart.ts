/**
 * The reader's "not the same event" judgements about a tab's page (extension/storage/kept-apart),
 * by the page's URL: its stored copy's when it is stored (found by its canonical URL, perhaps),
 * else the URL it is read at, which is the one it will be saved under.
 */
import { i18n } from '#i18n';
import type { KeptApartView, PageState } from '../../extension/protocol';
import type { CorpusDb } from '../../extension/storage/corpus-db';
import { keptApartFrom } from '../../extension/storage/kept-apart';

type Extracted = Extract<PageState, { kind: 'article' | 'not-article' }>;

async function pageKey(db: CorpusDb, state: Extracted): Promise<string> {
  const stored = state.savedId === null ? undefined : await db.articles.get(state.savedId);
  return stored?.url ?? state.url;
}

/** The URLs a judgement between the page and stored article `articleId` is kept under. */
export async function pageAndArticleUrls(db: CorpusDb, state: Extracted, articleId: number): Promise<[string, string]> {
  const other = await db.articles.get(articleId);
  if (!other) throw new Error(i18n.t('corpus.articleGone'));
  return [await pageKey(db, state), other.url];
}

/** The stored articles judged not the same event as the page, oldest saved first. */
export async function keptApartFromPage(db: CorpusDb, state: Extracted): Promise<KeptApartView[]> {
  const urls = await keptApartFrom(db, await pageKey(db, state));
  if (urls.size === 0) return [];
  const articles = await db.articles.where('url').anyOf([...urls]).sortBy('savedAt');
  return articles.map((a) => ({ id: a.id, title: a.title, site: a.site, publishedTime: a.publishedTime }));
}
