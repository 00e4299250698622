/**
 * The corpus page's table draws a row again only when what the row shows changes (issue 16: every
 * view instant). While an import is prepared, the background tells the page how far it has gone
 * after every batch of 50 articles, for minutes at 20,000 articles; the page used to render itself
 * whole at each notice, its 200 rows with it (58–255 ms a round in Chromium's profiles, dates,
 * numbers and language names formatted again), and every listing read again (after a save, a
 * deletion, an import's part, the words indexed) drew every row again even when none had changed.
 * The real corpus page (App) in a jsdom window, against the real background in WXT's fake browser;
 * the rows drawn counted by Preact's `options.diffed` (called for each element it compares, not
 * for the children of a component it skips).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { JSDOM } from 'jsdom';
import { h, options, render, type VNode } from 'preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { send, startBackground } from '../../../tests/support/fake-background';
import { articleOf } from '../../__tests__/import-round-trip';
import { App } from '../App';

const STORED = 230;
const ROWS = 200;

// The page's globals, from a jsdom window (the unit tests run in Node; Vitest's jsdom environment
// cannot load the setup files through the node_modules of a worktree that links to another's).
const GLOBALS = ['window', 'document', 'location', 'navigator'] as const;
const dom = new JSDOM('<!doctype html><body></body>', { url: 'chrome-extension://recoupe/corpus.html' });
const saved = new Map(GLOBALS.map((name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)]));
beforeAll(() => {
  for (const name of GLOBALS) Object.defineProperty(globalThis, name, { value: name === 'window' ? dom.window : dom.window[name], configurable: true, writable: true });
});
afterAll(() => {
  for (const [name, descriptor] of saved) {
    if (descriptor) Object.defineProperty(globalThis, name, descriptor);
    else delete (globalThis as Record<string, unknown>)[name];
  }
  dom.window.close();
});

let container: HTMLElement;
/** Rows of the table drawn (compared by Preact) since the last reset. */
let drawn = 0;
const previousDiffed = options.diffed;

beforeEach(async () => {
  await startBackground();
  // Messages from the page go to the background, and the background's notices to the page, as the browser sends them.
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (m: unknown) => send(m)) as never);
  const articles = Array.from({ length: STORED }, (_, i) => ({ item: `article ${i + 1}`, article: { ...articleOf(i), origin: 'page' } }));
  expect(await send({ type: 'corpus/import-part', fileName: 'a.jsonl', articles })).toMatchObject({ ok: true, value: { added: STORED } });
  // Prepared (words and features), so that no notice of the background's own comes during the test.
  await vi.waitFor(async () => expect(await send({ type: 'corpus/preparation' })).toEqual({ ok: true, value: { done: 0, total: 0 } }), { timeout: 60_000, interval: 100 });
  options.diffed = (vnode: VNode) => {
    if (vnode.type === 'tr' && (vnode.props as Record<string, unknown>)['data-testid'] === 'article-row') drawn++;
    previousDiffed?.(vnode);
  };
  container = document.createElement('div');
  document.body.append(container);
  render(h(App, null), container);
  await vi.waitFor(() => expect(container.querySelectorAll('[data-testid="article-row"]')).toHaveLength(ROWS), { timeout: 20_000, interval: 20 });
  drawn = 0;
}, 120_000);
afterEach(() => {
  render(null, container);
  container.remove();
  options.diffed = previousDiffed;
  vi.restoreAllMocks();
});

/** Lets the page handle what it was told: its timers (a listing read again 300 ms after a change) and its renders. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 600));
/** What the background tells the pages, as it tells them. */
const notify = (notice: unknown) => fakeBrowser.runtime.sendMessage(notice);

// Each: what happens, what the page must show after it, and how many rows are drawn again.
const EVENTS: [string, () => Promise<unknown>, () => void, number][] = [
  ['ten preparation notices (nothing listed changed)', async () => {
    for (let done = 50; done <= 500; done += 50) {
      await notify({ type: 'notice/preparation', done, total: 1000 });
      await settle();
    }
  }, () => expect(container.querySelector('[data-testid="preparing"]')?.textContent).toMatch(/500.*1,000/), 0],
  ['the listing read again, nothing in it changed (the corpus changed elsewhere)', async () => {
    await notify({ type: 'notice/corpus-changed' });
    await settle();
  }, () => expect(container.querySelectorAll('[data-testid="article-row"]')).toHaveLength(ROWS), 0],
  ['one row ticked', async () => {
    container.querySelector<HTMLInputElement>('[data-testid="select-row"]')!.click();
    await settle();
  }, () => expect(container.querySelector('[data-testid="selected-count"]')?.textContent).toMatch(/^1 /), 1],
  ['one listed article deleted (the rows after it move up, none drawn again; the one that comes in is)', async () => {
    const id = Number(container.querySelector('[data-testid="article-row"]')!.getAttribute('data-id'));
    expect(await send({ type: 'corpus/delete', ids: [id] })).toEqual({ ok: true, value: 1 });
    await settle();
  }, () => expect(container.querySelector('[data-testid="counts"]')?.textContent).toMatch(new RegExp(`^${STORED - 1} articles`)), 1],
];

describe('rows drawn again', () => {
  it.each(EVENTS)('%s', async (_, event, shows, rows) => {
    await event();
    shows();
    expect(drawn).toBe(rows);
  }, 60_000);
});
