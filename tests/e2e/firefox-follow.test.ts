/**
 * Following an outlet in Firefox (whose background page parses feeds and pages itself, with no
 * offscreen document): an outlet on 127.0.0.1 followed from the options page and fetched once;
 * its articles are then in the corpus page. Skipped, with the reason, only when firefox-esr is
 * not installed.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { FIREFOX, launchFirefoxWithExtension, type FirefoxExtensionBrowser } from './firefox-launch';
import { serveOutlet, type Outlet } from './outlet-server';

const SEEDS = ['000_492f0f67598950be', '001_efc4fda914ae2fdd', '002_b5629d95adcdafa8'];
const HAS_FIREFOX = existsSync(FIREFOX);
const text = (page: Page, testId: string) => page.$eval(`[data-testid="${testId}"]`, (e) => e.textContent ?? '').catch(() => null);

let ff: FirefoxExtensionBrowser;
let outlet: Outlet;

describe.skipIf(!HAS_FIREFOX)('following an outlet in Firefox', () => {
  beforeAll(async () => {
    outlet = await serveOutlet(SEEDS);
    ff = await launchFirefoxWithExtension();
  });
  afterAll(async () => {
    await ff?.close();
    await outlet?.close();
  });

  it('follows a feed from the options page, fetches it, and its articles are in the corpus', async () => {
    const options = await ff.openExtensionPage('options.html');
    await options.waitForSelector('[data-testid="no-feeds"]');
    await options.type('[data-testid="feed-input"]', `${outlet.origin}/feed.xml`);
    await options.click('[data-testid="follow-feed"]');
    await expect.poll(() => text(options, 'feed-message'), { timeout: 30_000 }).toBe('Following Outlet on 127.0.0.1: its articles arrive at the next fetch.');
    await options.click('[data-testid="fetch-now"]');
    await expect.poll(() => text(options, 'feed-message'), { timeout: 60_000 }).toBe('Fetch done: 3 articles added, 0 removed by your limits.');
    const corpus = await ff.openExtensionPage('corpus.html');
    await expect.poll(() => corpus.$$eval(`[data-testid="article-row"][data-url^="${outlet.origin}/articles/"]`, (rows) => rows.length), { timeout: 30_000 }).toBe(3);
    expect(outlet.requested.sort()).toEqual(['/feed.xml', '/feed.xml', ...SEEDS.map((s) => `/articles/${s}.html`)].sort());
  });
});
