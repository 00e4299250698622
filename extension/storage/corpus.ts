/**
 * Operations on the stored corpus. The background owns the database; extension pages reach
 * these through the message protocol.
 */
import type { CorpusDb } from './corpus-db';
import { toSummary, type ArticleSummary, type NewArticle, type StoredArticle } from './article-record';
import { compileQuery, matchArticle, type Snippet } from '../../lib/search';
import { forgetKeptApart } from './kept-apart';

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

/** Deletes articles by id, and the reader's judgements about them; returns how many existed and were deleted. */
export function deleteArticles(db: CorpusDb, ids: number[]): Promise<number> {
  return db.transaction('rw', db.articles, db.meta, async () => {
    const existing = (await db.articles.bulkGet(ids)).filter((a) => a !== undefined);
    await db.articles.bulkDelete(ids);
    await forgetKeptApart(db, existing.map((a) => a.url));
    return existing.length;
  });
}

export async function getMeta<T>(db: CorpusDb, key: string): Promise<T | undefined> {
  return (await db.meta.get(key))?.value as T | undefined;
}

export async function setMeta(db: CorpusDb, key: string, value: unknown): Promise<void> {
  await db.meta.put({ key, value });
}

/** How the corpus page sorts its list. */
export type CorpusSort = 'saved' | 'published' | 'title' | 'site' | 'words';

/** A search of the corpus page: words, filters (all optional, combined) and the order. */
export interface CorpusSearch {
  /** Words to find in the title, site, URL or text (case, accents and typography ignored). */
  query?: string;
  /** Keep these sites (`''` stands for articles without a site). */
  sites?: string[];
  /** Keep these languages (`''` for an unknown language). */
  languages?: string[];
  /** Published on or after this day, `YYYY-MM-DD` (the date as the publisher wrote it). */
  from?: string;
  /** Published on or before this day, `YYYY-MM-DD`. */
  to?: string;
  sort?: CorpusSort;
  direction?: 'asc' | 'desc';
  /** Rows sent with their summary (the ids of all matching articles are sent anyway). */
  limit?: number;
}

/** A listed article: its summary, and where the search found it in the text. */
export interface ListedArticle extends ArticleSummary {
  snippet: Snippet | null;
}

/** A value of a filter with how many articles have it (among those the other filters keep). */
export interface Facet {
  value: string;
  count: number;
}

export interface CorpusListing {
  /** Articles stored. */
  total: number;
  /** Every matching article, in order (for "select all" and counts). */
  ids: number[];
  /** The first `limit` of them. */
  articles: ListedArticle[];
  sites: Facet[];
  languages: Facet[];
}

/** Rows sent when the page does not say. */
export const DEFAULT_LIST_LIMIT = 200;
/** Articles read from the database at a time: the texts of one batch only are in memory. */
const BATCH = 200;

/**
 * Calls `visit` on every stored article in id order, reading `BATCH` at a time (one `getAll` per
 * batch, faster than a cursor), so a large corpus is never held whole in memory.
 */
export async function eachArticle(db: CorpusDb, visit: (article: StoredArticle) => void): Promise<void> {
  let after = -Infinity;
  for (;;) {
    const batch = await db.articles.where(':id').above(after).limit(BATCH).toArray();
    for (const a of batch) visit(a);
    if (batch.length < BATCH) return;
    after = batch[batch.length - 1]!.id;
  }
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** The day an article was published, as its publisher wrote it (`YYYY-MM-DD`), or null. */
const publishedDay = (a: ArticleSummary) => (a.publishedTime && /^\d{4}-\d{2}-\d{2}/.test(a.publishedTime) ? a.publishedTime.slice(0, 10) : null);

/** Compares two articles by a key; a missing value sorts last whatever the direction. */
function comparator(sort: CorpusSort, direction: 'asc' | 'desc'): (x: ArticleSummary, y: ArticleSummary) => number {
  const sign = direction === 'asc' ? 1 : -1;
  const key = (a: ArticleSummary): string | number | null => {
    switch (sort) {
      case 'saved': return a.savedAt;
      case 'published': return a.publishedTime ? Date.parse(a.publishedTime) || null : null;
      case 'title': return a.title?.trim() || null;
      case 'site': return a.site?.trim() || null;
      case 'words': return a.wordCount;
    }
  };
  return (x, y) => {
    const [kx, ky] = [key(x), key(y)];
    if (kx === null || ky === null) return kx === ky ? y.id - x.id : kx === null ? 1 : -1;
    const c = typeof kx === 'number' && typeof ky === 'number' ? kx - ky : collator.compare(String(kx), String(ky));
    // Ties: the most recently saved first, whatever the direction.
    return c !== 0 ? sign * c : y.savedAt.localeCompare(x.savedAt) || y.id - x.id;
  };
}

const countInto = (counts: Map<string, number>, key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
const facets = (counts: Map<string, number>): Facet[] =>
  [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || collator.compare(a.value, b.value));

/**
 * The corpus page's list: the articles holding every word of the query (in the title, site, URL
 * or text), kept by the filters, in the chosen order. Texts are searched here, batch by batch,
 * and only summaries and snippets go back. The site and language counts follow faceted search:
 * each counts the articles the *other* filters keep, so that choosing a site shows how many
 * articles each other site would add.
 */
export async function searchCorpus(db: CorpusDb, search: CorpusSearch = {}): Promise<CorpusListing> {
  const query = compileQuery(search.query ?? '');
  const sites = search.sites?.length ? new Set(search.sites) : null;
  const languages = search.languages?.length ? new Set(search.languages) : null;
  const siteCounts = new Map<string, number>();
  const languageCounts = new Map<string, number>();
  const kept: ListedArticle[] = [];
  let total = 0;
  await eachArticle(db, (a) => {
    total++;
    const day = publishedDay(a);
    if ((search.from || search.to) && (!day || (search.from && day < search.from) || (search.to && day > search.to))) return;
    const found = matchArticle(query, a);
    if (!found) return;
    const inSites = !sites || sites.has(a.site ?? '');
    const inLanguages = !languages || languages.has(a.language ?? '');
    if (inLanguages) countInto(siteCounts, a.site ?? '');
    if (inSites) countInto(languageCounts, a.language ?? '');
    if (inSites && inLanguages) kept.push({ ...toSummary(a), snippet: found.snippet });
  });
  kept.sort(comparator(search.sort ?? 'saved', search.direction ?? 'desc'));
  return {
    total,
    ids: kept.map((a) => a.id),
    articles: kept.slice(0, search.limit ?? DEFAULT_LIST_LIMIT),
    sites: facets(siteCounts),
    languages: facets(languageCounts),
  };
}
