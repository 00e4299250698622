/**
 * Operations on the stored corpus. The background owns the database; extension pages reach
 * these through the message protocol.
 */
import type { CorpusDb } from './corpus-db';
import { toSummary, type ArticleSummary, type NewArticle, type StoredArticle } from './article-record';

export interface SaveResult {
  id: number;
  /** False when an article with the same URL (or canonical URL) was updated instead. */
  created: boolean;
}

/** Finds a stored article by the page URL or the canonical URL of a record. */
export async function findExisting(db: CorpusDb, record: Pick<NewArticle, 'url' | 'canonicalUrl'>): Promise<StoredArticle | undefined> {
  const urls = [record.url, record.canonicalUrl].filter((u): u is string => !!u);
  const byUrl = await db.articles.where('url').anyOf(urls).first();
  if (byUrl) return byUrl;
  return db.articles.where('canonicalUrl').anyOf(urls).first();
}

/**
 * Saves an article; saving the same URL again updates the stored copy (keeping its id and
 * first-saved date) rather than adding a duplicate. Runs in one transaction so two tabs saving
 * the same page at once cannot both insert.
 */
export function saveArticle(db: CorpusDb, record: NewArticle): Promise<SaveResult> {
  return db.transaction('rw', db.articles, async () => {
    const existing = await findExisting(db, record);
    if (existing) {
      await db.articles.put({ ...record, id: existing.id, savedAt: existing.savedAt });
      return { id: existing.id, created: false };
    }
    const id = await db.articles.add(record as StoredArticle);
    return { id, created: true };
  });
}

/** Lower-cased, accent-free form for the title search. */
function searchable(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Stored articles, most recently saved first. A query keeps the articles whose title, site or
 * URL contains every word of it (case and accents ignored).
 */
export async function listArticles(db: CorpusDb, query = ''): Promise<ArticleSummary[]> {
  const words = searchable(query).split(/\s+/).filter(Boolean);
  const all = await db.articles.orderBy('savedAt').reverse().toArray();
  const matching = words.length === 0
    ? all
    : all.filter((a) => {
        const haystack = searchable(`${a.title ?? ''} ${a.site ?? ''} ${a.url}`);
        return words.every((w) => haystack.includes(w));
      });
  return matching.map(toSummary);
}

export async function getArticle(db: CorpusDb, id: number): Promise<StoredArticle | null> {
  return (await db.articles.get(id)) ?? null;
}

/** Deletes articles by id; returns how many existed and were deleted. */
export function deleteArticles(db: CorpusDb, ids: number[]): Promise<number> {
  return db.transaction('rw', db.articles, async () => {
    const existing = (await db.articles.bulkGet(ids)).filter((a) => a !== undefined).length;
    await db.articles.bulkDelete(ids);
    return existing;
  });
}

export async function getMeta<T>(db: CorpusDb, key: string): Promise<T | undefined> {
  return (await db.meta.get(key))?.value as T | undefined;
}

export async function setMeta(db: CorpusDb, key: string, value: unknown): Promise<void> {
  await db.meta.put({ key, value });
}
