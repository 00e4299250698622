/**
 * Privacy, end to end: every network request made during a reader's whole walk — browsing the
 * seed pages, saving them, comparing (highlights in the page), side by side, stories, export,
 * import, the options page, following an outlet — is recorded at the protocol level (CDP Network
 * on every target, WebSockets included: tests/e2e/cdp-network.ts), from the web pages, the
 * extension's pages, its service worker and its offscreen document. The test fails on any request
 * that leaves 127.0.0.1 (the seed pages and the followed outlet are served there) or is not the
 * extension's own files or inline data.
 *
 * That it can fail is shown two ways. Here, first: probes from each kind of requester (a web page's
 * fetch and WebSocket, an extension page's fetch, the service worker's fetch) are recorded, and a
 * web page's request to another address is flagged. And with a test build that makes the
 * background reach an outside address every 2 s (`WXT_PRIVACY_PROBE`, see
 * entrypoints/background/index.ts):
 *
 *   WXT_PRIVACY_PROBE=http://192.0.2.1/probe RECOUPE_OUT_DIR=.output-probe npx wxt build
 *   RECOUPE_OUT_DIR=.output-probe npx vitest run --project e2e tests/e2e/privacy.test.ts
 *
 * fails, naming http://192.0.2.1/probe from the service worker.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { servePages } from '../../scripts/serve-pages';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium-extension';
import { recordNetwork, type NetworkRecorder, type SeenRequest } from './cdp-network';
import { serveOutlet, type Outlet } from '../support/outlet-server';

const SEEDS = ['000_492f0f67598950be', '001_efc4fda914ae2fdd', '002_b5629d95adcdafa8', '003_0bb6bc6989cf1c52', '004_60be76548461e545'];

let browser: ExtensionBrowser;
let seeds: { url: string; close(): Promise<void> };
let outlet: Outlet;
let network: NetworkRecorder;

/** Allowed: 127.0.0.1 (the pages and the outlet), the extension's own files, and inline data (no network). */
function leaving(): SeenRequest[] {
  return network.seen.filter(({ url }) => {
    if (/^(chrome-extension|data|blob|about):/.test(url)) return false;
    try {
      return new URL(url).hostname !== '127.0.0.1';
    } catch {
      return true;
    }
  });
}

/** Opens `url` in a new tab once the recorder listens to that tab. */
async function open(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await network.settled();
  await page.goto(url);
  return page;
}

/** Opens an extension page once the recorder listens to its tab. */
const openExtension = (path: string) => open(`chrome-extension://${browser.extensionId}/${path}`);

beforeAll(async () => {
  seeds = await servePages(resolve('corpus/pages'));
  outlet = await serveOutlet(['002_b5629d95adcdafa8']);
  browser = await launchWithExtension();
  network = await recordNetwork(browser.context);
  await network.settled();
});

afterAll(async () => {
  await network?.stop();
  await browser?.close();
  await seeds?.close();
  await outlet?.close();
});

describe('the request recorder', () => {
  it('sees requests from a web page (WebSockets included), from an extension page and from the extension’s service worker', async () => {
    const page = await open(`${seeds.url}/`);
    await page.evaluate((u) => {
      new WebSocket(`${u.replace(/^http/, 'ws')}/probe-socket-from-page`);
      return fetch(`${u}/probe-from-page`).catch(() => null);
    }, seeds.url);
    const extensionPage = await openExtension('corpus.html');
    await extensionPage.evaluate((u) => fetch(`${u}/probe-from-extension-page`).catch(() => null), seeds.url);
    const worker = await browser.serviceWorker();
    await worker.evaluate((u) => fetch(`${u}/probe-from-service-worker`).then(() => null, () => null), seeds.url);

    const from = (path: string) => network.seen.find((s) => s.url.endsWith(path));
    await expect.poll(() => ['/probe-socket-from-page', '/probe-from-page', '/probe-from-extension-page', '/probe-from-service-worker'].map((p) => from(p)?.target.type)).toEqual(['page', 'page', 'page', 'service_worker']);
    expect(from('/probe-socket-from-page')?.kind).toBe('websocket');
    expect(from('/probe-from-extension-page')?.target.url).toMatch(/^chrome-extension:\/\//);
    // And it flags a request that leaves 127.0.0.1: a page's WebSocket to another address.
    await page.evaluate(() => void new WebSocket('ws://127.0.0.2:9/probe-off-origin'));
    await expect.poll(() => leaving().map((s) => `${s.kind} ${s.url}`)).toContain('websocket ws://127.0.0.2:9/probe-off-origin');
    network.seen.length = 0; // The walk starts from a clean record.
    await page.close();
    await extensionPage.close();
  });
});

describe('a reader’s whole walk', () => {
  it('sends nothing anywhere but to 127.0.0.1, from any page, frame or worker, WebSockets included', async () => {
    // Browse, save and compare each seed page (highlights painted in the page).
    for (const seed of SEEDS) {
      const article = await open(`${seeds.url}/${seed}.html`);
      const panel = await openExtension(`sidepanel.html?tab=${await browser.tabIdOf(article.url())}`);
      await panel.getByTestId('title').waitFor();
      await panel.getByTestId('save').click();
      await expect.poll(() => panel.getByTestId('save-status').textContent(), { timeout: 30_000 }).toMatch(/Saved to your corpus|Updated in your corpus/);
      await panel.getByTestId('comparison').waitFor({ timeout: 60_000 });
      if (seed === SEEDS[1]) {
        // Side by side with the first stored article of the same event.
        const [sideBySide] = await Promise.all([browser.context.waitForEvent('page'), panel.getByTestId('open-side-by-side').first().click()]);
        await sideBySide.getByTestId('side-by-side').waitFor({ timeout: 60_000 });
        await sideBySide.close();
      }
      await panel.close();
      await article.close();
    }

    // The corpus page: the list, a reader, search, stories, side by side of two stored articles.
    const corpus = await openExtension('corpus.html');
    await expect.poll(() => corpus.getByTestId('article-row').count()).toBe(10);
    await corpus.getByTestId('article-row').first().locator('td:first-child button').click();
    await corpus.getByTestId('reader').waitFor();
    await corpus.getByTestId('search').fill('Syrie');
    await expect.poll(() => corpus.getByTestId('article-row').count()).toBeGreaterThan(0);
    await corpus.getByTestId('search').fill('');
    await corpus.getByTestId('view-stories').click();
    await corpus.getByTestId('story').first().waitFor({ timeout: 60_000 });
    await corpus.getByTestId('view-list').click();
    const ids = await corpus.getByTestId('article-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')!));
    await corpus.locator(`[data-testid="article-row"][data-id="${ids[0]}"] [data-testid="row-compare"]`).click();
    await corpus.getByTestId('compare-choice').selectOption(ids[1]!);
    await corpus.getByTestId('side-by-side').waitFor({ timeout: 60_000 });
    await corpus.getByTestId('sbs-close').click();

    // Export, delete everything, import the file back.
    const [download] = await Promise.all([corpus.waitForEvent('download'), corpus.getByTestId('export').click()]);
    const exported = readFileSync((await download.path())!, 'utf8');
    await corpus.getByTestId('select-shown').check();
    corpus.once('dialog', (d) => void d.accept());
    await corpus.getByTestId('delete-selected').click();
    await corpus.getByTestId('empty').waitFor();
    await corpus.getByTestId('import-input').setInputFiles({ name: 'back.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
    await expect.poll(() => corpus.getByTestId('import-line').allTextContents(), { timeout: 60_000 }).toEqual(['back.json: 10 articles added, 0 updated, 0 skipped.']);
    await corpus.close();

    // Options: a site to save automatically, and an outlet followed and fetched (on 127.0.0.1).
    const options = await openExtension('options.html');
    await options.getByTestId('site-input').fill('example.org');
    await options.getByTestId('add-site').click();
    await expect.poll(() => options.getByTestId('site-row').count()).toBe(1);
    await options.getByTestId('feed-input').fill(`${outlet.origin}/feed.xml`);
    await options.getByTestId('follow-feed').click();
    await options.getByTestId('feed-row').first().waitFor();
    await options.getByTestId('fetch-now').click();
    await expect.poll(() => options.getByTestId('feed-message').textContent(), { timeout: 60_000 }).toMatch(/^Fetch done/);
    await options.close();
    // The offscreen document (Chrome) and any late request of the walk are recorded too.
    await network.settled();
    await new Promise((done) => setTimeout(done, 2_500));

    const count = (type: string) => network.seen.filter((s) => s.target.type === type).length;
    const off = leaving();
    console.log(
      `privacy: ${network.seen.length} requests seen (${count('page')} from pages, ${count('service_worker')} from the service worker, ` +
        `${network.seen.length - count('page') - count('service_worker')} from frames and workers; ` +
        `${network.seen.filter((s) => s.kind === 'websocket').length} WebSockets), ${off.length} leaving 127.0.0.1`,
    );
    expect(outlet.requested).toEqual(expect.arrayContaining(['/feed.xml', '/articles/002_b5629d95adcdafa8.html']));
    expect(network.seen.filter((s) => s.target.type === 'service_worker').map((s) => s.url)).toEqual(expect.arrayContaining([`${outlet.origin}/feed.xml`]));
    expect(off, JSON.stringify(off, null, 1)).toEqual([]);
  });
});
