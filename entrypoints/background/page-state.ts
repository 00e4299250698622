/**
 * The state of each tab's page: extracted on demand by injecting the extraction script (so the
 * content script that runs on every page stays tiny) and kept until the tab navigates.
 */
import { browser } from 'wxt/browser';
import type { ExtractionReply, PageState } from '../../extension/protocol';
import type { CorpusDb } from '../../extension/storage/corpus-db';
import { findExisting } from '../../extension/storage/corpus';
import { pageUrl } from '../../extension/storage/article-record';
import { settleLanguage } from '../../lib/extract';
import { i18n } from '#i18n';

/** Schemes whose pages the extension can read. Browser, extension and store pages are not among them. */
const READABLE_SCHEMES = ['http:', 'https:', 'file:'];

const cache = new Map<number, Extract<PageState, { kind: 'article' | 'not-article' }>>();

export function forgetTab(tabId: number): void {
  cache.delete(tabId);
}

function unavailable(tabId: number | null, url: string | null, reason: Extract<PageState, { kind: 'unavailable' }>['reason'], message: string): PageState {
  return { kind: 'unavailable', tabId, url, reason, message };
}

/** Extraction of pages within the size limits takes a few seconds at most; past this, give up. */
const EXTRACTION_TIME_LIMIT_MS = 30_000;

async function injectExtraction(tabId: number): Promise<ExtractionReply> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<ExtractionReply>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, reason: 'too-large', message: i18n.t('background.extractionTimeout', [String(EXTRACTION_TIME_LIMIT_MS / 1000)]) }), EXTRACTION_TIME_LIMIT_MS);
  });
  const extraction = browser.scripting.executeScript({ target: { tabId }, files: ['/extract-page.js'] }).then(([injection]) => {
    const reply = injection?.result as ExtractionReply | undefined;
    return reply ?? { ok: false as const, reason: 'error' as const, message: i18n.t('background.noAnswer') };
  });
  try {
    return await Promise.race([extraction, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The page state of a tab, extracting it unless a fresh copy is cached. */
export async function getPageState(db: CorpusDb, tabId: number, refresh = false): Promise<PageState> {
  let tab;
  try {
    tab = await browser.tabs.get(tabId);
  } catch {
    return unavailable(null, null, 'no-tab', i18n.t('background.tabGone'));
  }
  const url = tab.url ?? null;
  if (!url || !READABLE_SCHEMES.includes(new URL(url).protocol)) {
    return unavailable(tabId, url, 'restricted', i18n.t('background.restrictedPage'));
  }
  const cached = cache.get(tabId);
  if (!refresh && cached && cached.url === pageUrl(url)) {
    return { ...cached, savedId: (await findExisting(db, { url: cached.url, canonicalUrl: cached.article.canonicalUrl }))?.id ?? null };
  }

  let reply: ExtractionReply;
  try {
    reply = await injectExtraction(tabId);
  } catch (error) {
    return unavailable(tabId, url, 'restricted', i18n.t('background.unreadablePage', [(error as Error).message]));
  }
  if (!reply.ok) return unavailable(tabId, url, reply.reason, reply.message);

  const article = settleLanguage(reply.article);
  const savedId = (await findExisting(db, { url: pageUrl(url), canonicalUrl: article.canonicalUrl }))?.id ?? null;
  const state = { kind: article.isArticle ? 'article' : 'not-article', tabId, url: pageUrl(url), article, savedId } as const;
  cache.set(tabId, state);
  return state;
}
