import Dexie, { type EntityTable } from 'dexie';
import type { StoredArticle } from './article-record';
import type { Span } from '../../lib/extract/types';
import { declaredIdentity } from './identity';
import type { FollowedFeed } from './feeds';

/** Small key-value facts about the corpus (e.g. whether the samples were offered once). */
export interface MetaEntry {
  key: string;
  value: unknown;
}

/** An earlier text of a stored article, kept when a later reading of the same address changed it. */
export interface ArticleVersion {
  id: number;
  articleId: number;
  url: string;
  title: string | null;
  byline: string | null;
  text: string;
  paragraphs: Span[];
  wordCount: number;
  /** ISO 8601: when this text was stored (the article's `updatedAt` then). */
  storedAt: string;
  /** ISO 8601: when a newer text replaced it. */
  replacedAt: string;
}

/**
 * The corpus database (IndexedDB through Dexie). Every schema version stays declared here,
 * oldest first, so that a corpus saved by any earlier version upgrades in place
 * (https://dexie.org/docs/Tutorial/Design#database-versioning).
 */
export class CorpusDb extends Dexie {
  articles!: EntityTable<StoredArticle, 'id'>;
  meta!: EntityTable<MetaEntry, 'key'>;
  versions!: EntityTable<ArticleVersion, 'id'>;
  feeds!: EntityTable<FollowedFeed, 'id'>;

  constructor(name = 'recoupe-corpus') {
    super(name);
    // Version 1: articles keyed by URL (unique), indexed for the corpus page's sort and filters.
    this.version(1).stores({
      articles: '++id, &url, canonicalUrl, site, language, publishedTime, savedAt',
      meta: '&key',
    });
    // Version 2: earlier texts of updated articles; a declared address on another site is no
    // longer the article's canonical address but the article it declares itself a copy of.
    this.version(2)
      .stores({ versions: '++id, articleId' })
      .upgrade((tx) => tx.table('articles').toCollection().modify((a: StoredArticle) => {
        if (typeof a.url !== 'string' || typeof a.canonicalUrl !== 'string') return;
        const identity = declaredIdentity(a.url, a.canonicalUrl);
        a.canonicalUrl = identity.canonicalUrl;
        if (identity.declaredCopyOf) a.declaredCopyOf = identity.declaredCopyOf;
      }));
    // Version 3: the feeds of the outlets the reader follows, one per address; articles indexed by
    // origin (retention reads the followed ones only).
    this.version(3).stores({
      articles: '++id, &url, canonicalUrl, site, language, publishedTime, savedAt, origin',
      feeds: '++id, &url',
    });
  }
}
