/**
 * The analysis kept with each stored article, so that matching a page does not analyse the whole
 * corpus again: the same-story features of `lib/match`. An article saved before a field existed
 * (or with a damaged one) is analysed again when needed.
 */
import { computeFeatures, isFeatures, type ArticleFeatures } from '../../lib/match';
import type { NewArticle, StoredArticle } from './article-record';

export function withAnalysis<T extends NewArticle>(record: T): T & { analysis: { match: ArticleFeatures } } {
  return { ...record, analysis: { ...record.analysis, match: computeFeatures(record) } };
}

/** The stored features of an article, or freshly computed ones when they are missing or stale. */
export function featuresOf(article: Pick<StoredArticle, 'title' | 'text' | 'language' | 'publishedTime' | 'analysis'>): ArticleFeatures {
  const stored = article.analysis?.match;
  return isFeatures(stored) ? stored : computeFeatures(article);
}
