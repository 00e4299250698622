import Dexie, { type EntityTable } from 'dexie';
import type { StoredArticle } from './article-record';

/** Small key-value facts about the corpus (e.g. whether the samples were offered once). */
export interface MetaEntry {
  key: string;
  value: unknown;
}

/**
 * The corpus database (IndexedDB through Dexie). Every schema version stays declared here,
 * oldest first, so that a corpus saved by any earlier version upgrades in place
 * (https://dexie.org/docs/Tutorial/Design#database-versioning).
 */
export class CorpusDb extends Dexie {
  articles!: EntityTable<StoredArticle, 'id'>;
  meta!: EntityTable<MetaEntry, 'key'>;

  constructor(name = 'recoupe-corpus') {
    super(name);
    // Version 1: articles keyed by URL (unique), indexed for the corpus page's sort and filters.
    this.version(1).stores({
      articles: '++id, &url, canonicalUrl, site, language, publishedTime, savedAt',
      meta: '&key',
    });
  }
}
