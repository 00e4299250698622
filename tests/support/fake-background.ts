/**
 * The background started in WXT's fake browser, the way the unit tests drive it. The fake
 * browser leaves some APIs unimplemented: the extraction script stands in as the real extraction
 * run on a jsdom page, and context menus, commands, the side panel and the badge are recorded
 * (their listeners kept, to be called as the browser would). Each start has a fresh corpus
 * database and one active tab showing the page.
 */
import { readFileSync } from 'node:fs';
import { afterAll, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { JSDOM } from 'jsdom';
import Dexie from 'dexie';
import background from '../../entrypoints/background';
import { extractFromDocument } from '../../lib/extract';
import type { ExtractionReply, Result } from '../../extension/protocol';

export const PAGE_URL = 'https://news.example.org/2016/07/poutine-obama.html';
/** Seed 000 as a real page, with its debris. */
export const seedPage = readFileSync(new URL('../../corpus/pages/000_492f0f67598950be.html', import.meta.url), 'utf8');

/** One of the extension's own pages, as the browser names it in a message's sender. */
export const extensionPage = (path = '/sidepanel.html') => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL(path as '/sidepanel.html') });
/** A content script in a web page: the browser sets `tab` and the page's `url`; `id` is ours. */
export const webPage = (tabId: number, url = PAGE_URL) => ({ id: fakeBrowser.runtime.id, url, tab: { id: tabId, url } as never, frameId: 0 });

/** Sends a message as the browser would deliver it, and returns the background's reply. */
export async function send(message: unknown, sender: object = extensionPage()): Promise<Result<any> | undefined> {
  const replies = await fakeBrowser.runtime.onMessage.trigger(message, sender as never, () => {});
  return replies.find((r) => r !== undefined) as Result<any> | undefined;
}

export interface FakeBackground {
  /** The active tab, showing {@link PAGE_URL}. */
  tabId: number;
  /** `scripting.executeScript`: extracts the page's HTML with the real extraction. */
  executeScript: ReturnType<typeof vi.fn>;
  /** The context menu's click and the keyboard command, as the browser delivers them. */
  menuClicked: (info: { menuItemId: string }, tab: { id: number }) => void;
  commandRun: (command: string, tab: { id: number }) => void;
}

/**
 * The backgrounds of earlier tests stop as a stopped service worker does: their databases are
 * closed for good. Dexie closes a connection when the database is deleted but opens it again at its
 * next use, so an earlier background's timers (the story index's write a moment after a change)
 * wrote into the next test's new database: rows of another layout, then "the stored row of
 * bucket 41 is missing" and that test's index never written. `Dexie.connections`: every open
 * Dexie instance of this process (not in Dexie's typings).
 */
function stopEarlierBackgrounds(): void {
  const open = (Dexie as unknown as { connections: Dexie[] }).connections;
  for (const db of open.filter((c) => c.name === 'recoupe-corpus')) db.close({ disableAutoOpen: true });
}

/**
 * After a file's last test, its background stops too, and says nothing more: a log from its
 * pending work (a story index write failing on the closed database) arriving while Vitest tears
 * the file's worker down fails the whole run ("Closing rpc while onUserConsoleLog was pending").
 */
afterAll(() => {
  stopEarlierBackgrounds();
  for (const level of ['log', 'info', 'warn', 'error'] as const) vi.spyOn(console, level).mockImplementation(() => {});
});

/** Starts the background; `page` gives the HTML the tab shows when it is extracted (seed 000 by default). */
export async function startBackground(page: () => string = () => seedPage): Promise<FakeBackground> {
  fakeBrowser.reset();
  stopEarlierBackgrounds();
  await Dexie.delete('recoupe-corpus');
  const executeScript = vi.fn(async (): Promise<{ result: ExtractionReply }[]> => {
    const dom = new JSDOM(page(), { url: PAGE_URL });
    return [{ result: { ok: true, article: extractFromDocument(dom.window.document, { url: PAGE_URL }) } }];
  });
  const listeners: Partial<Pick<FakeBackground, 'menuClicked' | 'commandRun'>> = {};
  Object.assign(fakeBrowser, {
    scripting: { executeScript },
    contextMenus: { create: vi.fn(), removeAll: vi.fn(async () => {}), onClicked: { addListener: (fn: FakeBackground['menuClicked']) => (listeners.menuClicked = fn) } },
    commands: { onCommand: { addListener: (fn: FakeBackground['commandRun']) => (listeners.commandRun = fn) } },
    sidePanel: { setPanelBehavior: vi.fn(async () => {}) },
    // Host access as the manifest grants it (`<all_urls>`); a test withdraws it by mocking `contains`.
    permissions: { contains: vi.fn(async () => true) },
  });
  // Ports (a panel's evidence port): listened to, never opened in these tests.
  Object.assign(fakeBrowser.runtime, { onConnect: { addListener: vi.fn() } });
  for (const fn of ['setBadgeText', 'setBadgeBackgroundColor', 'setTitle'] as const) {
    (fakeBrowser.action as any)[fn] = vi.fn(async () => {});
  }
  const tabId = (await fakeBrowser.tabs.create({ url: PAGE_URL, active: true })).id!;
  background.main();
  return {
    tabId,
    executeScript,
    menuClicked: (info, tab) => listeners.menuClicked!(info, tab),
    commandRun: (command, tab) => listeners.commandRun!(command, tab),
  };
}
