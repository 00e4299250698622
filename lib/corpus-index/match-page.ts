/**
 * Matching a page against the corpus: candidates from the index, then the full pair grade on
 * each candidate's stored features, sorted by score.
 */
import { gradePrepared, prepare, relatePrepared } from '../match/score';
import type { ArticleFeatures, PairGrade } from '../match/types';
import { DEFAULT_CANDIDATES, type CorpusIndex } from './corpus-index';
import { pairKey } from './pair-key';

export interface Match extends PairGrade {
  id: string;
}

export interface MatchOptions {
  /** How many candidates to grade at most (default 200). */
  candidates?: number;
  /** Leave this stored article out (the page itself, when it is stored). */
  exclude?: string;
  /** Keep `unrelated` grades in the result (default false). */
  includeUnrelated?: boolean;
  /**
   * Pairs the reader marked "not the same event", as `pairKey(page id, stored id)` with the page's
   * id in `exclude`: those stored articles are left out of the result.
   */
  apart?: ReadonlySet<string>;
}

/** Grade `query` against given stored articles (the candidates, loaded from storage), best first. */
export function gradeCandidates(index: CorpusIndex, query: ArticleFeatures, stored: Iterable<{ id: string; features: ArticleFeatures }>, options: MatchOptions = {}): Match[] {
  const q = prepare(query, index);
  const out: Match[] = [];
  const { exclude, apart } = options;
  for (const { id, features } of stored) {
    if (id === exclude || (exclude !== undefined && apart?.has(pairKey(exclude, id)))) continue;
    const p = prepare(features, index);
    // Reasons are written only for the grades listed.
    if (options.includeUnrelated || relatePrepared(q, p).relation !== 'unrelated') out.push({ id, ...gradePrepared(q, p) });
  }
  return out.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
}

/**
 * Below this many articles every stored article is graded: it costs a few milliseconds, and the
 * index's choice of posted keys is least reliable on a small corpus grown one article at a time
 * (keys chosen while every word was still rare become too common to be looked up later).
 */
export const GRADE_ALL_BELOW = 500;

/** The stored articles to grade against `query`: all of a small corpus, the index's candidates beyond. */
export function candidateIds(index: CorpusIndex, query: ArticleFeatures, options: Pick<MatchOptions, 'candidates' | 'exclude'>): string[] {
  if (index.size < GRADE_ALL_BELOW) return index.articleIds().filter((id) => id !== options.exclude);
  return index.candidates(query, options.candidates ?? DEFAULT_CANDIDATES, options.exclude);
}

/**
 * Stored articles on the same event or related to `query`, best first. `load` returns a stored
 * article's features (synchronously: from memory, a cache, or a bulk read done beforehand — see
 * `matchPageAsync` for storage that answers with a promise).
 */
export function matchPage(index: CorpusIndex, query: ArticleFeatures, load: (id: string) => ArticleFeatures | undefined, options: MatchOptions = {}): Match[] {
  const ids = candidateIds(index, query, options);
  return gradeCandidates(index, query, found(ids, ids.map(load)), options);
}

/** `matchPage` with storage that loads many articles' features at once (IndexedDB `bulkGet`). */
export async function matchPageAsync(index: CorpusIndex, query: ArticleFeatures, loadMany: (ids: string[]) => Promise<(ArticleFeatures | undefined)[]>, options: MatchOptions = {}): Promise<Match[]> {
  const ids = candidateIds(index, query, options);
  return gradeCandidates(index, query, found(ids, await loadMany(ids)), options);
}

/** The candidates storage still holds (an article removed since the index was saved has no features). */
function found(ids: readonly string[], loaded: readonly (ArticleFeatures | undefined)[]): { id: string; features: ArticleFeatures }[] {
  return ids.flatMap((id, i) => {
    const features = loaded[i];
    return features ? [{ id, features }] : [];
  });
}
