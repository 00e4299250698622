/** Loading the stored index, or rebuilding it from the stored articles when missing or damaged. */
import { CorpusIndex, IndexCorruptError } from './corpus-index';
import type { ArticleFeatures } from '../match/types';

/**
 * The index from its serialised form, or, if that is missing, damaged, or does not list exactly
 * the stored articles, a fresh one built from `articles` (`rebuilt` says which happened, `reason` why).
 */
export function loadOrRebuild(serialised: string | null | undefined, articles: () => Iterable<{ id: string; features: ArticleFeatures }>, storedIds?: Iterable<string>): { index: CorpusIndex; rebuilt: boolean; reason?: string } {
  if (serialised) {
    try {
      const index = CorpusIndex.deserialize(serialised);
      if (storedIds) {
        const ids = new Set(storedIds);
        if (ids.size !== index.size || index.articleIds().some((id) => !ids.has(id))) {
          return { index: CorpusIndex.build(articles()), rebuilt: true, reason: 'index does not list the stored articles' };
        }
      }
      return { index, rebuilt: false };
    } catch (error) {
      if (!(error instanceof IndexCorruptError)) throw error;
      return { index: CorpusIndex.build(articles()), rebuilt: true, reason: error.message };
    }
  }
  return { index: CorpusIndex.build(articles()), rebuilt: true, reason: 'no stored index' };
}
