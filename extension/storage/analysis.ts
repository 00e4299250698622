/**
 * The same-story features of `lib/match` computed for a record before its write: held beside the
 * record (by record), never in it; its write puts them in the `features` table (schema 4), where
 * they live. Records stored before schema 14 carried them in an `analysis` field, read here until
 * the background drops it (analysis-drop.ts).
 */
import { computeFeatures, isFeatures, type ArticleFeatures } from '../../lib/match';
import type { StoredArticle } from './article-record';

/** Features computed for a record before its write, by record (`withFeatures`); carried to its copies by `carryPrecomputed`. */
export const computedFeatures = new WeakMap<object, ArticleFeatures>();

/**
 * `record` with its features computed now (or `known`: computed already from the same fields) and
 * held beside it (`featuresOf` gives them back): the background adds them to the story index once it is stored.
 */
export function withFeatures<T extends Pick<StoredArticle, 'title' | 'text' | 'language' | 'publishedTime'>>(record: T, known?: ArticleFeatures): T {
  computedFeatures.set(record, known ?? computeFeatures(record));
  return record;
}

/** The features a record stored before schema 14 carries (`analysis.match`), if usable. */
export function legacyFeatures(record: object): ArticleFeatures | undefined {
  const stored = (record as { analysis?: { match?: unknown } }).analysis?.match;
  return isFeatures(stored) ? stored : undefined;
}

/** The features computed for this record before (`withFeatures`, or a record of before schema 14), or freshly computed ones. */
export function featuresOf(article: Pick<StoredArticle, 'title' | 'text' | 'language' | 'publishedTime'>): ArticleFeatures {
  return computedFeatures.get(article) ?? legacyFeatures(article) ?? computeFeatures(article);
}
