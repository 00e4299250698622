/**
 * Export and import of the corpus over the format of `lib/corpus-io`. An import stores the
 * articles of one file in one transaction: if any write fails, none of that file's articles is
 * stored and the corpus stays as it was. Each imported article is analysed (`withAnalysis`) before
 * the transaction, and the saved ids come back with their features for the story index.
 */
import type { ImportCandidate } from '../../lib/corpus-io';
import type { ArticleFeatures } from '../../lib/match';
import type { CorpusDb } from './corpus-db';
import { saveArticle } from './corpus';
import { countWords, type NewArticle, type StoredArticle } from './article-record';
import { withAnalysis } from './analysis';

/** Stored articles to export, oldest saved first: all of them, or those of `ids` that exist. */
export async function articlesToExport(db: CorpusDb, ids?: number[]): Promise<StoredArticle[]> {
  if (ids === undefined) return db.articles.orderBy('savedAt').toArray();
  return (await db.articles.bulkGet(ids)).filter((a): a is StoredArticle => a !== undefined);
}

export interface ImportResult {
  added: number;
  updated: number;
  /** What was stored, for the story index. */
  saved: { id: number; features: ArticleFeatures }[];
}

/** The record to store for an imported article; dates the file does not give are the import's. */
export function toRecord(candidate: ImportCandidate, now: Date): NewArticle & { analysis: { match: ArticleFeatures } } {
  const a = candidate.article;
  const iso = now.toISOString();
  return withAnalysis({
    url: a.url,
    canonicalUrl: a.canonicalUrl,
    title: a.title,
    byline: a.byline,
    site: a.site,
    language: a.language,
    publishedTime: a.publishedTime,
    savedAt: a.savedAt ?? iso,
    updatedAt: a.updatedAt ?? a.savedAt ?? iso,
    text: a.text,
    paragraphs: a.paragraphs,
    wordCount: countWords(a.text),
    origin: a.origin,
  });
}

/**
 * Stores the articles of one file, all or none: an article whose URL or canonical URL is stored
 * already updates it (keeping its id and first-saved date), the others are added. A failed write
 * rejects, with nothing of the file stored.
 */
export async function importArticles(db: CorpusDb, candidates: ImportCandidate[], now = new Date()): Promise<ImportResult> {
  // Analysis is pure work: done before the transaction, which must not wait on anything but the database.
  const records = candidates.map((c) => toRecord(c, now));
  return db.transaction('rw', db.articles, async () => {
    const result: ImportResult = { added: 0, updated: 0, saved: [] };
    for (const record of records) {
      const { id, created } = await saveArticle(db, record);
      if (created) result.added++;
      else result.updated++;
      result.saved.push({ id, features: record.analysis.match });
    }
    return result;
  });
}
