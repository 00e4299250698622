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

export interface PageStateOptions {
  /** Extract again even when a copy is cached. */
  refresh?: boolean;
  /** Told when an extraction starts and ends (the panel's progress line). */
  progress?: (stage: 'extracting', done: number, total: number) => void;
}

/** The page state of a tab, extracting it unless a fresh copy is cached. */
export async function getPageState(db: CorpusDb, tabId: number, refresh = false, progress?: PageStateOptions['progress']): Promise<PageState> {
  return (await getPageStateTimed(db, tabId, { refresh, progress })).state;
}

/**
 * The page state of a tab and how long extracting it took (null when it came from the cache or
 * could not be read), for the comparison's timings.
 */
export async function getPageStateTimed(db: CorpusDb, tabId: number, options: PageStateOptions = {}): Promise<{ state: PageState; extractMs: number | null }> {
  const { refresh = false, progress } = options;
  const untimed = (state: PageState) => ({ state, extractMs: null });
  let tab;
  try {
    tab = await browser.tabs.get(tabId);
  } catch {
    return untimed(unavailable(null, null, 'no-tab', i18n.t('background.tabGone')));
  }
  const url = tab.url ?? null;
  if (!url || !READABLE_SCHEMES.includes(new URL(url).protocol)) {
    return untimed(unavailable(tabId, url, 'restricted', i18n.t('background.restrictedPage')));
  }
  const cached = cache.get(tabId);
  if (!refresh && cached && cached.url === pageUrl(url)) {
    return untimed({ ...cached, savedId: (await findExisting(db, { url: cached.url, canonicalUrl: cached.article.canonicalUrl }))?.id ?? null });
  }

  const start = performance.now();
  progress?.('extracting', 0, 1);
  let reply: ExtractionReply;
  try {
    reply = await injectExtraction(tabId);
  } catch (error) {
    return untimed(unavailable(tabId, url, 'restricted', i18n.t('background.unreadablePage', [(error as Error).message])));
  }
  if (!reply.ok) return untimed(unavailable(tabId, url, reply.reason, reply.message));

  const article = settleLanguage(reply.article);
  const extractMs = performance.now() - start;
  progress?.('extracting', 1, 1);
  const savedId = (await findExisting(db, { url: pageUrl(url), canonicalUrl: article.canonicalUrl }))?.id ?? null;
  const state = { kind: article.isArticle ? 'article' : 'not-article', tabId, url: pageUrl(url), article, savedId } as const;
  cache.set(tabId, state);
  return { state, extractMs };
}
