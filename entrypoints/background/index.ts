import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { EVIDENCE_PORT_PREFIX, type Notice } from '../../extension/protocol';
import { showEvidence } from './show-in-page';
import { CorpusDb } from '../../extension/storage/corpus-db';
import { getMeta } from '../../extension/storage/corpus';
import { SAMPLES_OFFERED, type SampleFile } from '../../extension/storage/samples';
import { captureStem, sidecarNameOf } from '../../lib/corpus-io';
import { StoryIndex } from './story-index';
import { mergeStoreOf, WordMerges } from '../../extension/storage/word-merge';
import { answer, createHandlers, handle, workerTimings } from './handlers';
import { forgetTab } from './page-state';
import { domReader, type FollowDeps } from './follow';
import { offscreenDomReader } from './offscreen-dom';
import { backgroundAnalysis } from './analysis-host';
import { poller, POLL_ALARM, schedulePolls } from './feed-handlers';
import {
  createContextMenu, openPanelOnActionClick, SAVE_COMMAND, SAVE_MENU_ID, showArticleSignals, showSaveOutcome,
} from './browser-ui';

/** The seed articles of `corpus/`, bundled as text with their sidecars' text (read by `loadSamples`). */
function sampleFiles(): SampleFile[] {
  const texts = import.meta.glob<string>('../../corpus/*.txt', { query: '?raw', import: 'default', eager: true });
  const sidecars = import.meta.glob<string>('../../corpus/*.meta.json', { query: '?raw', import: 'default', eager: true });
  return Object.entries(texts).map(([path, text]) => ({
    name: captureStem(path),
    text,
    sidecar: sidecars[path.replace(/[^/]*$/, sidecarNameOf(path))],
  }));
}

/** Who sent a message: the extension's own pages, a content script in a web page, or nobody we answer. */
function senderKind(sender: Browser.runtime.MessageSender): 'extension' | 'page' | null {
  if (sender.id !== browser.runtime.id) return null;
  if (sender.url?.startsWith(browser.runtime.getURL('/'))) return 'extension';
  return sender.tab ? 'page' : null;
}

export default defineBackground(() => {
  workerTimings.evaluatedMs = performance.now();
  const db = new CorpusDb();
  // The word index's runs are merged after the writes, as jobs of their own (and what a worker stopped half way left is cleared now), not while an import is being stored.
  // While merging, an extension API call now and then keeps Chrome from stopping the worker as idle half way (`MergeOptions.awake`).
  const merges = new WordMerges(mergeStoreOf(db), { held: () => db.importing > 0, awake: () => void browser.runtime.getPlatformInfo().catch(() => {}) });
  db.afterWordWrite = () => merges.schedule();
  merges.schedule();
  const samples = sampleFiles();
  const notify = (notice: Notice) => browser.runtime.sendMessage(notice).catch(() => {}); // No page open: fine.
  const stories = new StoryIndex(db);
  const announceCorpusChange = () => void notify({ type: 'notice/corpus-changed' });
  // Firefox's background page has a DOM; Chrome's service worker has none and lends the work to an offscreen document.
  const following: FollowDeps = {
    db,
    stories,
    dom: typeof DOMParser === 'function' ? domReader((text, type) => new DOMParser().parseFromString(text, type)) : offscreenDomReader(),
    fetch: (input, init) => fetch(input, init),
    announceCorpusChange,
  };
  const poll = poller(following);
  const handlers = createHandlers({
    db,
    stories,
    samples,
    announceCorpusChange,
    showSignals: showArticleSignals,
    announceProgress: (notice) => void notify(notice),
    announcePreparation: (notice) => void notify(notice),
    following,
    poll,
    analysis: backgroundAnalysis(),
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === POLL_ALARM) void poll().catch((error: unknown) => console.error('Recoupe: polling failed', error));
  });
  void schedulePolls(following).catch(() => {});

  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    // Undefined (no answer) for what is not a request of ours, or not from someone allowed to make it.
    return answer(handlers, message, senderKind(sender), sender.tab?.id);
  });

  // Evidence is shown only while a panel is open on the tab: its port closing clears the highlights.
  browser.runtime.onConnect.addListener((port) => {
    const tabId = Number(port.name.slice(EVIDENCE_PORT_PREFIX.length));
    if (!port.name.startsWith(EVIDENCE_PORT_PREFIX) || !Number.isSafeInteger(tabId) || !port.sender || senderKind(port.sender) !== 'extension') return;
    port.onDisconnect.addListener(() => void showEvidence(tabId, { highlight: [] }).catch(() => {})); // The tab may be gone.
  });

  const saveFromBrowserUi = async (tabId: number | undefined) => {
    if (tabId === undefined) return;
    const reply = await handle(handlers, { type: 'corpus/save-tab', tabId }, tabId);
    showSaveOutcome(tabId, reply.ok ? { ok: true, ...(reply.value as { title: string | null; created: boolean }) } : reply);
  };
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === SAVE_MENU_ID) void saveFromBrowserUi(tab?.id);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === SAVE_COMMAND) void saveFromBrowserUi(tab?.id);
  });

  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url || change.status === 'loading') forgetTab(tabId);
    if (change.url || change.status === 'complete') void notify({ type: 'notice/page-changed', tabId });
  });
  browser.tabs.onRemoved.addListener((tabId) => forgetTab(tabId));

  browser.runtime.onInstalled.addListener(async ({ reason }) => {
    createContextMenu();
    // First run: put the sample corpus in place, once; a person who deletes it keeps it deleted.
    if (reason === 'install' && !(await getMeta<boolean>(db, SAMPLES_OFFERED))) {
      const reply = await handle(handlers, { type: 'corpus/load-samples' }, undefined);
      if (!reply.ok) console.error(`Recoupe: could not load the samples: ${reply.error}`);
    }
  });
  openPanelOnActionClick();
  workerTimings.readyMs = performance.now();
  // Test builds only: WXT_PRIVACY_PROBE (an address, set at build time) makes the background reach
  // it every 2 s — the deliberate outside request that shows tests/e2e/privacy.test.ts can fail.
  // Every other build has no such variable, and this line does nothing.
  const probe = (import.meta.env as Record<string, string | undefined>).WXT_PRIVACY_PROBE;
  if (probe) {
    setInterval(() => {
      try {
        if (/^wss?:/.test(probe)) new WebSocket(probe);
        else void fetch(probe).catch(() => {});
      } catch {
        // Refused by the extension's CSP: nothing left.
      }
    }, 2_000);
  }
});
