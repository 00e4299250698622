import { computeFeatures } from '../../lib/match';
import { firstWords, indexKeys } from '../../lib/corpus-index';
import { parseArticle, type FeaturesRecord } from '../stream/records';
import { streamOnly, type Command } from './command';

/** One line of `features`: an article → its match features and the keys the corpus index counts and posts it under. */
export function featuresRecord(value: unknown): FeaturesRecord {
  const a = parseArticle(value);
  const features = computeFeatures({ title: a.title, text: a.text, language: a.language, publishedTime: a.published });
  // The title, or the first words of an untitled article, labels a story (as `recoupe stories` labels them).
  return { id: a.id, title: a.title || firstWords(a.text), features, keys: indexKeys(features) };
}

export const features: Command = {
  usage: ['recoupe features < articles.jsonl > features.jsonl   Stream: articles → match features and index keys (for cli/candidates.sql).'],
  run: streamOnly('features'),
  async stream() {
    return featuresRecord;
  },
};
