/**
 * Auto-save: on the sites the person chose, a page the content script recognises as an article
 * is extracted and saved as it is opened, with the same save as the panel's button (so a page
 * saved again is updated, never duplicated) and the same badge as the menu and the keyboard.
 */
import { browser } from 'wxt/browser';
import type { CorpusDb } from '../../extension/storage/corpus-db';
import type { PageState, SaveOutcome } from '../../extension/protocol';
import { DEFAULT_SETTINGS, getSettings, siteMatches } from '../../extension/storage/settings';
import { getPageState } from './page-state';
import { showAutoSaveSkipped, showSaveOutcome } from './browser-ui';

/** Only web pages: browser, extension, store and local file pages are never saved automatically. */
const WEB_SCHEMES = ['http:', 'https:'];

export type AutoSaveResult = 'off' | 'saved' | 'skipped' | 'failed';

/** Auto-saves under way, by tab: a second signal from the same page load joins the first. */
const running = new Map<number, Promise<AutoSaveResult>>();

/** Resolves when every auto-save under way has finished (the signals' sender does not wait for them). */
export async function autoSavesSettled(): Promise<void> {
  while (running.size > 0) await Promise.allSettled([...running.values()]);
}

/** The background's one save path, given the page it checked; it throws a sentence when the page or the storage refuses. */
export type SaveExtracted = (state: Extract<PageState, { kind: 'article' | 'not-article' }>) => Promise<SaveOutcome>;

/** Saves the article of `tabId` if its site is on the auto-save list. */
export function autoSaveIfChosen(db: CorpusDb, tabId: number, save: SaveExtracted): Promise<AutoSaveResult> {
  const current = running.get(tabId);
  if (current) return current;
  // A tab closed or navigated mid-way makes the browser calls throw: then nothing was saved, and nothing to say.
  const work = run(db, tabId, save).catch((): AutoSaveResult => 'failed').finally(() => running.delete(tabId));
  running.set(tabId, work);
  return work;
}

async function run(db: CorpusDb, tabId: number, save: SaveExtracted): Promise<AutoSaveResult> {
  const url = await browser.tabs.get(tabId).then((tab) => tab.url, () => undefined);
  if (!url) return 'off';
  const page = new URL(url);
  if (!WEB_SCHEMES.includes(page.protocol)) return 'off';
  // Unreadable settings (storage failing) mean no auto-save, not an error on every page.
  const { autoSaveSites } = await getSettings(db).catch(() => DEFAULT_SETTINGS);
  if (!siteMatches(page.hostname, autoSaveSites)) return 'off';

  // The content script's signals are a cheap guess a page can fake; the extraction decides.
  const state = await getPageState(db, tabId);
  if (state.kind === 'not-article') return 'skipped';
  if (state.kind === 'unavailable') {
    // Too large, empty, unreadable: left alone, and the button's title says why.
    showAutoSaveSkipped(tabId, state.message);
    return 'skipped';
  }
  try {
    // The page just checked is the one saved, even if the tab has navigated since.
    const outcome = await save(state);
    showSaveOutcome(tabId, { ok: true, title: outcome.title, created: outcome.created, automatic: true });
    return 'saved';
  } catch (error) {
    // The save wrote nothing (one transaction); the badge says so, with the reason.
    showSaveOutcome(tabId, { ok: false, error: (error as Error)?.message ?? String(error) });
    return 'failed';
  }
}
