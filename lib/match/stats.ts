/** Corpus statistics (document frequencies) from a list of features, for small corpora and tests; the index keeps its own. */
import type { ArticleFeatures, CorpusStats } from './types';

/** The keys of one article counted in document frequencies: its stems, and its entities prefixed with `e:`. */
export function statKeys(f: ArticleFeatures): string[] {
  return [...f.terms.map(([s]) => s), ...f.entities.map(([k]) => `e:${k}`)];
}

export function corpusStats(all: Iterable<ArticleFeatures>): CorpusStats {
  const df = new Map<string, number>();
  let docs = 0;
  for (const f of all) {
    docs++;
    for (const k of new Set(statKeys(f))) df.set(k, (df.get(k) ?? 0) + 1);
  }
  return { docs, df: (key) => df.get(key) ?? 0 };
}
