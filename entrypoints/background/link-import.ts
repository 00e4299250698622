/**
 * Importing a list of links (`links/import`): each page fetched from its site without cookies,
 * extracted as a visited page is, and stored with origin `import`; each address gets its outcome.
 * The page sends the list a few addresses at a time, so it shows progress and can stop between them.
 */
import { i18n } from '#i18n';
import { findExisting } from '../../extension/storage/corpus';
import { toNewArticle } from '../../extension/storage/article-record';
import { featuresOf, withFeatures } from '../../extension/storage/analysis';
import type { LinkOutcome } from '../../extension/protocol';
import { addIfAbsent, fetchText, MAX_PAGE_CHARS, MIN_ARTICLE_WORDS, type FollowDeps } from './follow';

async function importLink(deps: FollowDeps, url: string): Promise<LinkOutcome> {
  if (await findExisting(deps.db, { url, canonicalUrl: null })) return { url, added: false, reason: i18n.t('links.reason.stored') };
  let page: Awaited<ReturnType<typeof fetchText>>;
  try {
    page = await fetchText(deps, url, {}, true);
  } catch (error) {
    return { url, added: false, reason: (error as Error).message };
  }
  if (page.text.length > MAX_PAGE_CHARS) return { url, added: false, reason: i18n.t('links.reason.tooLarge') };
  const article = await deps.dom.page(page.text, page.url);
  const words = article.text.split(/\s+/).filter(Boolean).length;
  if (!article.isArticle || words < MIN_ARTICLE_WORDS) return { url, added: false, reason: i18n.t('links.reason.noArticle', [String(words)]) };
  const record = withFeatures(toNewArticle(article, page.url, 'import', (deps.now ?? (() => new Date()))()));
  const id = await deps.stories.change(async () => {
    const stored = await addIfAbsent(deps.db, record);
    if (stored !== null) await deps.stories.add(stored, featuresOf(record));
    return stored;
  });
  if (id === null) return { url, added: false, reason: i18n.t('links.reason.stored') };
  deps.announceCorpusChange();
  return { url, added: true, title: record.title };
}

export async function importLinks(deps: FollowDeps, urls: string[]): Promise<LinkOutcome[]> {
  const outcomes: LinkOutcome[] = [];
  for (const url of urls) {
    outcomes.push(/^https?:\/\//i.test(url) ? await importLink(deps, url) : { url, added: false, reason: i18n.t('feeds.error.notWeb') });
  }
  return outcomes;
}
