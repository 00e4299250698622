/**
 * Following outlets in Firefox (whose background page parses feeds and pages itself, with no
 * offscreen document): an outlet on 127.0.0.1 followed from the options page and fetched once,
 * its articles then in the corpus page; and the three outlets of one event (tests/e2e/three-outlets.ts:
 * RSS 2.0, Atom, JSON Feed, each on its own port) followed from the options page and the panel,
 * fetched once, and compared in the panel. Skipped, with the reason, only when firefox-esr is
 * not installed.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { FIREFOX, launchFirefoxWithExtension, type FirefoxExtensionBrowser } from './firefox-launch';
import { serveOutlet, type NewsOutlet, type Outlet } from '../support/outlet-server';
import { serveThreeOutlets, SLUG } from './three-outlets';

const SEEDS = ['000_492f0f67598950be', '001_efc4fda914ae2fdd', '002_b5629d95adcdafa8'];
const HAS_FIREFOX = existsSync(FIREFOX);
const ARTIFACTS = resolve('tests/artifacts');
mkdirSync(ARTIFACTS, { recursive: true });
const text = (page: Page, testId: string) => page.$eval(`[data-testid="${testId}"]`, (e) => e.textContent ?? '').catch(() => null);

let ff: FirefoxExtensionBrowser;
let outlet: Outlet;

/** A fresh outlet and Firefox profile for the enclosing block (access withdrawn in one must not carry over to the next). */
function withOutletAndFirefox() {
  beforeAll(async () => {
    outlet = await serveOutlet(SEEDS);
    ff = await launchFirefoxWithExtension();
  });
  afterAll(async () => {
    await ff?.close();
    await outlet?.close();
  });
}

describe.skipIf(!HAS_FIREFOX)('following an outlet in Firefox', () => {
  withOutletAndFirefox();

  it('follows a feed from the options page, fetches it, and its articles are in the corpus', async () => {
    const options = await ff.openExtensionPage('options.html');
    await options.waitForSelector('[data-testid="no-feeds"]');
    await options.type('[data-testid="feed-input"]', `${outlet.origin}/feed.xml`);
    await options.locator('[data-testid="follow-feed"]').click();
    await expect.poll(() => text(options, 'feed-message'), { timeout: 30_000 }).toBe('Following Outlet on 127.0.0.1: its articles arrive at the next fetch.');
    await options.locator('[data-testid="fetch-now"]').click();
    await expect.poll(() => text(options, 'feed-message'), { timeout: 60_000 }).toBe('Fetch done: 3 articles added, 0 removed by your limits.');
    const corpus = await ff.openExtensionPage('corpus.html');
    await expect.poll(() => corpus.$$eval(`[data-testid="article-row"][data-url^="${outlet.origin}/articles/"]`, (rows) => rows.length), { timeout: 30_000 }).toBe(3);
    expect(outlet.requested.sort()).toEqual(['/feed.xml', '/feed.xml', ...SEEDS.map((s) => `/articles/${s}.html`)].sort());
  });
});

describe.skipIf(!HAS_FIREFOX)('three outlets of one event followed in Firefox', () => {
  let outlets: Record<'nyt' | 'fox' | 'hpo', NewsOutlet>;
  beforeAll(async () => {
    outlets = await serveThreeOutlets();
    ff = await launchFirefoxWithExtension();
  });
  afterAll(async () => {
    await ff?.close();
    await Promise.all(Object.values(outlets ?? {}).map((o) => o.close()));
  });

  it('follows two from the options page and one from the panel, fetches them once, and the panel lists the other two as the same event with what they share', async () => {
    const options = await ff.openExtensionPage('options.html');
    await options.waitForSelector('[data-testid="no-feeds"]');
    for (const [address, site] of [[outlets.nyt.feedUrl, 'The New York Times'], [outlets.fox.pageUrl(SLUG), 'Fox News']] as const) {
      await options.$eval('[data-testid="feed-input"]', (e) => ((e as HTMLInputElement).value = ''));
      await options.type('[data-testid="feed-input"]', address);
      await options.locator('[data-testid="follow-feed"]').click();
      await expect.poll(() => text(options, 'feed-message'), { timeout: 30_000 }).toBe(`Following ${site}: its articles arrive at the next fetch.`);
    }
    await options.close();
    const first = await ff.openWithPanel(outlets.hpo.pageUrl(SLUG));
    await first.panel.waitForSelector('[data-testid="follow-outlet"]', { timeout: 30_000 });
    expect(await text(first.panel, 'follow-outlet')).toBe('Follow HuffPost');
    await first.panel.locator('[data-testid="follow-outlet"]').click();
    await expect.poll(() => text(first.panel, 'follow-status'), { timeout: 30_000 }).toBe('Following HuffPost: its articles arrive at the next fetch.');
    await first.panel.close();
    await first.article.close();

    const again = await ff.openExtensionPage('options.html');
    await expect.poll(() => again.$$eval('[data-testid="feed-row"]', (rows) => rows.length), { timeout: 30_000 }).toBe(3);
    await again.locator('[data-testid="fetch-now"]').click();
    await expect.poll(() => text(again, 'feed-message'), { timeout: 90_000 }).toBe('Fetch done: 3 articles added, 0 removed by your limits.');

    const { panel } = await ff.openWithPanel(outlets.hpo.pageUrl(SLUG));
    await panel.waitForSelector('[data-testid="shared-quote"]', { timeout: 60_000 });
    const listed = await text(panel, 'same-event');
    expect(listed).toContain('The New York Times');
    expect(listed).toContain('Fox News');
    const quoteVersions = await panel.$$eval('[data-testid="shared-quote"]', (quotes) => quotes.map((q) => q.querySelector('.versions')?.textContent ?? ''));
    expect(quoteVersions.some((v) => v.includes('The New York Times') && v.includes('Fox News'))).toBe(true);
    const passages = (await panel.$$eval('[data-testid="shared-passage"] .meta', (metas) => metas.map((m) => m.textContent ?? ''))).join(' | ');
    expect(passages).toContain('The New York Times');
    expect(passages).toContain('Fox News');
    await panel.setViewport({ width: 420, height: 2400 });
    await panel.screenshot({ path: join(ARTIFACTS, 'follow-three-outlets-firefox.png'), fullPage: true });
  });
});

describe.skipIf(!HAS_FIREFOX)('following when the reader has withdrawn Recoupe\'s access to all sites (Firefox)', () => {
  withOutletAndFirefox();

  it('asks access to the followed outlet\'s site only, from the click that follows it, and fetches with it', async () => {
    const options = await ff.openExtensionPage('options.html');
    const access = () => options.evaluate(async () => {
      const api = (globalThis as any).browser;
      return { all: await api.permissions.contains({ origins: ['<all_urls>'] }), outlet: await api.permissions.contains({ origins: ['*://127.0.0.1/*'] }) };
    });
    await options.evaluate(() => (globalThis as any).browser.permissions.remove({ origins: ['<all_urls>'] }));
    expect(await access()).toEqual({ all: false, outlet: false });
    await options.waitForSelector('[data-testid="no-feeds"]');
    await options.type('[data-testid="feed-input"]', `${outlet.origin}/feed.xml`);
    await options.locator('[data-testid="follow-feed"]').click();
    await expect.poll(() => text(options, 'feed-message'), { timeout: 30_000 }).toBe('Following Outlet on 127.0.0.1: its articles arrive at the next fetch.');
    expect(await access()).toEqual({ all: false, outlet: true });
    await options.locator('[data-testid="fetch-now"]').click();
    await expect.poll(() => text(options, 'feed-message'), { timeout: 60_000 }).toBe('Fetch done: 3 articles added, 0 removed by your limits.');
  });
});
