/**
 * Versions of a stored article: its texts listed, two compared (lib/versions), and a tab's page
 * against its stored copy — a changed page stored as the new current text through the one save
 * path (the earlier text kept as a version, extension/storage/corpus `saveArticle`), a page that
 * lost most of the text reported as a failed read.
 */
import type { ArticleVersions, PageState, PageVersions, VersionSummary } from '../../extension/protocol';
import type { CorpusDb } from '../../extension/storage/corpus-db';
import { articleVersions, getArticle, LOST_TEXT_SHARE } from '../../extension/storage/corpus';
import { toNewArticle, type StoredArticle } from '../../extension/storage/article-record';
import { versionChanges, type VersionChanges } from '../../lib/versions';
import type { SaveExtracted } from './auto-save';

interface VersionText extends VersionSummary {
  text: string;
}

/** Every text of a stored article, oldest first, the current one last. */
async function versionTexts(db: CorpusDb, article: StoredArticle): Promise<VersionText[]> {
  const earlier = (await articleVersions(db, article.id)).map((v): VersionText => ({
    id: v.id, title: v.title, wordCount: v.wordCount, storedAt: v.storedAt, replacedAt: v.replacedAt, text: v.text,
  }));
  return [...earlier, { id: null, title: article.title, wordCount: article.wordCount, storedAt: article.updatedAt, replacedAt: null, text: article.text }];
}

const summaries = (texts: readonly VersionText[]): VersionSummary[] => texts.map(({ text: _text, ...summary }) => summary);

export async function storedVersions(db: CorpusDb, id: number): Promise<ArticleVersions | null> {
  const article = await getArticle(db, id);
  return article ? { articleId: id, versions: summaries(await versionTexts(db, article)) } : null;
}

/** What changed between two texts of a stored article (null: the article or a version is not there). */
export async function storedVersionChanges(db: CorpusDb, id: number, from: number | null, to: number | null): Promise<VersionChanges | null> {
  const article = await getArticle(db, id);
  if (!article) return null;
  const texts = await versionTexts(db, article);
  const a = texts.find((t) => t.id === from);
  const b = texts.find((t) => t.id === to);
  return a && b ? versionChanges(a, b, article.language ?? 'en') : null;
}

/** The page of a tab against its stored copy (see the `page/versions` request). */
export async function pageVersions(db: CorpusDb, state: PageState, save: SaveExtracted): Promise<PageVersions | null> {
  if (state.kind === 'unavailable' || state.savedId === null) return null;
  const stored = await getArticle(db, state.savedId);
  if (!stored) return null;
  // The page as it would be stored (fitted to the corpus's limits), so that a long page is not a change.
  const record = toNewArticle(state.article, state.url, 'page', new Date());
  if (stored.text !== record.text) {
    if (record.wordCount < stored.wordCount * LOST_TEXT_SHARE) {
      return { kind: 'failed-read', articleId: stored.id, savedAt: stored.updatedAt, storedWords: stored.wordCount, pageWords: record.wordCount };
    }
    await save(state);
  }
  const article = (await getArticle(db, stored.id)) ?? stored;
  const texts = await versionTexts(db, article);
  const versions = summaries(texts);
  const [before, current] = texts.slice(-2);
  if (texts.length < 2 || !before || !current) return { kind: 'unchanged', articleId: article.id, versions };
  return { kind: 'changed', articleId: article.id, versions, since: before.storedAt, changes: versionChanges(before, current, article.language ?? 'en') };
}
