/**
 * Following an outlet, end to end in Chromium: an outlet served on 127.0.0.1 only (an RSS feed
 * listing three of the seed pages, and the pages), followed from the options page, fetched once;
 * its articles are then in the corpus page with origin `followed`, the feed's status says so in
 * words, and every request of the extension went to the outlet only. The options page is
 * screenshot for a person to look at (RECOUPE_SCREENSHOTS, default the system's temporary folder).
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium-extension';
import { serveOutlet, type Outlet } from '../support/outlet-server';

const SEEDS = ['000_492f0f67598950be', '001_efc4fda914ae2fdd', '002_b5629d95adcdafa8'];
/** Pages no feed lists, imported from a list of links. */
const LISTED = ['003_0bb6bc6989cf1c52', '004_60be76548461e545'];
let browser: ExtensionBrowser;
let outlet: Outlet;
let origin: string;
let requested: string[];
const extensionRequests: string[] = [];

beforeAll(async () => {
  outlet = await serveOutlet(SEEDS, LISTED);
  ({ origin, requested } = outlet);
  browser = await launchWithExtension();
  browser.context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith('chrome-extension://') && !url.startsWith('data:') && !url.startsWith('blob:')) extensionRequests.push(url);
  });
});

afterAll(async () => {
  await browser?.close();
  await outlet?.close();
});

describe('following an outlet from the options page', () => {
  let options: Page;

  it('follows the feed pasted, says so, and says it is not fetched yet', async () => {
    options = await browser.openExtensionPage('options.html');
    await options.setViewportSize({ width: 900, height: 1400 });
    await expect.poll(() => options.getByTestId('no-feeds').textContent()).toBe('You follow no outlet yet.');
    await options.getByTestId('feed-input').fill(`${origin}/feed.xml`);
    await options.getByTestId('follow-feed').click();
    await expect.poll(() => options.getByTestId('feed-message').textContent(), { timeout: 30_000 }).toBe('Following Outlet on 127.0.0.1: its articles arrive at the next fetch.');
    expect(await options.getByTestId('feed-status').textContent()).toBe('Not fetched yet.');
  });

  it('fetches the feed and its three articles, and says what it added', async () => {
    await options.getByTestId('fetch-now').click();
    await expect.poll(() => options.getByTestId('feed-message').textContent(), { timeout: 60_000 }).toBe('Fetch done: 3 articles added, 0 removed by your limits.');
    const status = await options.getByTestId('feed-status').textContent();
    expect(status).toContain('Articles added last time: 3 (of which from the feed\'s own text, the page giving no article: 0). In all: 3.');
    expect(status).not.toContain('Last error');
    await options.screenshot({ path: join(process.env.RECOUPE_SCREENSHOTS ?? tmpdir(), 'recoupe-options-follow.png'), fullPage: true });
  });

  it('puts them in the corpus page, beside the samples', async () => {
    const corpus = await browser.openExtensionPage('corpus.html');
    const followed = corpus.locator(`[data-testid="article-row"][data-url^="${origin}/articles/"]`);
    await expect.poll(() => followed.count(), { timeout: 30_000 }).toBe(3);
    expect(await followed.first().textContent()).toMatch(/\w{4,}/);
  });

  it('contacted the outlet only: its feed (checked when followed, then read) and its three pages, once each', async () => {
    expect(requested.sort()).toEqual(['/feed.xml', '/feed.xml', ...SEEDS.map((s) => `/articles/${s}.html`)].sort());
    expect(extensionRequests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
  });

  it('offers “Follow <outlet>” in the panel on a page that declares a feed, and follows it', async () => {
    const { panel } = await browser.openWithPanel(`${origin}/articles/${SEEDS[0]}.html`);
    const button = panel.getByTestId('follow-outlet');
    await button.waitFor({ timeout: 30_000 });
    expect(await button.textContent()).toBe('Follow RT France');
    await button.click();
    await expect.poll(() => panel.getByTestId('follow-status').textContent(), { timeout: 30_000 }).toBe('Following RT France: its articles arrive at the next fetch.');
    expect(await button.count()).toBe(0);
    await options.reload();
    await expect.poll(() => options.getByTestId('feed-row').count()).toBe(2);
    expect(extensionRequests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
  });
});

describe('importing a list of links from the options page', () => {
  it('fetches each listed page, stores its article, and reports what it left out', async () => {
    const options = await browser.openExtensionPage('options.html');
    await options.setViewportSize({ width: 900, height: 1400 });
    const list = ['# reading list', ...LISTED.map((s) => `${origin}/articles/${s}.html`), `${origin}/articles/missing.html`, 'javascript:alert(1)'].join('\n');
    await options.getByTestId('import-links').setInputFiles({ name: 'links.txt', mimeType: 'text/plain', buffer: Buffer.from(list) });
    await expect.poll(() => options.getByTestId('links-message').textContent(), { timeout: 60_000 }).toBe('Done: 2 pages added, 2 left out.');
    await options.getByTestId('links-report').locator('summary').click();
    expect(await options.getByTestId('links-report').locator('li').allTextContents()).toEqual([
      'javascript:alert(1): Not an http or https address.',
      `${origin}/articles/missing.html: The outlet answered with error 404.`,
    ]);
    await options.screenshot({ path: join(process.env.RECOUPE_SCREENSHOTS ?? tmpdir(), 'recoupe-options-links.png'), fullPage: true });
    const corpus = await browser.openExtensionPage('corpus.html');
    await expect.poll(() => corpus.locator(`[data-testid="article-row"][data-url^="${origin}/articles/00"]`).count(), { timeout: 30_000 }).toBe(5);
  });
});
