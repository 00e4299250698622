/**
 * Done means of following (issue 15), in Chromium: three outlets of one event on 127.0.0.1, each
 * on its own port and with its own feed format (RSS 2.0, Atom, JSON Feed; tests/e2e/three-outlets.ts),
 * are followed from the options page (a feed address pasted; an article's address pasted, its
 * feed found in the page) and from the panel ("Follow HuffPost"); after one fetch their articles
 * are in the corpus (the corpus manager's filter by origin lists them apart from the samples), and
 * the panel on HuffPost's article lists the other two outlets' versions as the same event, with
 * the quotation all three share and passages from both; it is then saved. Every request of the
 * extension went to the three outlets. The panel is screenshot to tests/artifacts/.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium-extension';
import type { NewsOutlet } from '../support/outlet-server';
import { serveThreeOutlets, SLUG } from './three-outlets';

const ARTIFACTS = resolve('tests/artifacts');
let browser: ExtensionBrowser;
let outlets: Record<'nyt' | 'fox' | 'hpo', NewsOutlet>;
const extensionRequests: string[] = [];

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  outlets = await serveThreeOutlets();
  browser = await launchWithExtension();
  browser.context.on('request', (request) => {
    const url = request.url();
    if (!/^(chrome-extension|data|blob):/.test(url)) extensionRequests.push(url);
  });
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(Object.values(outlets ?? {}).map((o) => o.close()));
});

describe('three outlets followed, fetched once, compared', () => {
  it('follows the RSS feed and, from an article address, the Atom feed it declares (options page)', async () => {
    const options = await browser.openExtensionPage('options.html');
    for (const [address, site] of [[outlets.nyt.feedUrl, 'The New York Times'], [outlets.fox.pageUrl(SLUG), 'Fox News']] as const) {
      await options.getByTestId('feed-input').fill(address);
      await options.getByTestId('follow-feed').click();
      await expect.poll(() => options.getByTestId('feed-message').textContent(), { timeout: 30_000 }).toBe(`Following ${site}: its articles arrive at the next fetch.`);
    }
    await options.close();
  });

  it('follows the JSON Feed from the panel on the outlet\'s article', async () => {
    const { article, panel } = await browser.openWithPanel(outlets.hpo.pageUrl(SLUG));
    const button = panel.getByTestId('follow-outlet');
    await button.waitFor({ timeout: 30_000 });
    expect(await button.textContent()).toBe('Follow HuffPost');
    await button.click();
    await expect.poll(() => panel.getByTestId('follow-status').textContent(), { timeout: 30_000 }).toBe('Following HuffPost: its articles arrive at the next fetch.');
    await Promise.all([panel.close(), article.close()]);
  });

  it('fetches the three feeds once: the three articles are in the corpus', async () => {
    const options = await browser.openExtensionPage('options.html');
    await expect.poll(() => options.getByTestId('feed-row').count(), { timeout: 30_000 }).toBe(3);
    await options.getByTestId('fetch-now').click();
    await expect.poll(() => options.getByTestId('feed-message').textContent(), { timeout: 90_000 }).toBe('Fetch done: 3 articles added, 0 removed by your limits.');
    const corpus = await browser.openExtensionPage('corpus.html');
    for (const outlet of Object.values(outlets)) {
      await expect.poll(() => corpus.locator(`[data-testid="article-row"][data-url="${outlet.pageUrl(SLUG)}"]`).count(), { timeout: 30_000 }).toBe(1);
    }
    // The corpus manager's filter by origin keeps the followed ones, the samples left out.
    expect(await corpus.getByTestId('filter-origin').locator('option').allTextContents()).toEqual(['Every way', 'samples (5)', 'from followed outlets (3)']);
    await corpus.getByTestId('filter-origin').selectOption('followed');
    await expect.poll(() => corpus.getByTestId('article-row').count()).toBe(3);
  });

  it('lists, on HuffPost\'s article, the Times\' and Fox News\' versions as the same event, with the quotation they share and passages of both', async () => {
    const { panel } = await browser.openWithPanel(outlets.hpo.pageUrl(SLUG));
    await panel.setViewportSize({ width: 420, height: 2400 });
    const same = panel.getByTestId('same-event').locator(':scope > ul > li, li.match');
    await panel.getByTestId('same-event').waitFor({ timeout: 60_000 });
    const listed = await panel.getByTestId('same-event').textContent();
    expect(listed).toContain('The New York Times');
    expect(listed).toContain('Fox News');
    expect(await same.count()).toBeGreaterThan(0);
    await panel.getByTestId('shared-quote').first().waitFor({ timeout: 60_000 });
    const quoteVersions = await panel.getByTestId('shared-quote').evaluateAll((quotes) => quotes.map((q) => q.querySelector('.versions')?.textContent ?? ''));
    expect(quoteVersions.some((v) => v.includes('The New York Times') && v.includes('Fox News'))).toBe(true);
    const passages = (await panel.getByTestId('shared-passage').locator('.meta').allTextContents()).join(' | ');
    expect(passages).toContain('The New York Times');
    expect(passages).toContain('Fox News');
    await panel.screenshot({ path: join(ARTIFACTS, 'follow-three-outlets.png'), fullPage: true });
    // Saving the followed article makes it the reader's own (kept whatever the retention).
    await panel.getByTestId('save').click();
    await expect.poll(() => panel.getByTestId('save-status').textContent(), { timeout: 30_000 }).toMatch(/^(Saved to|Updated in) your corpus\.$/);
  });

  it('contacted the three outlets only, while following, fetching, comparing and saving', () => {
    const origins = new Set(Object.values(outlets).map((o) => o.origin));
    expect(extensionRequests.filter((url) => !origins.has(new URL(url).origin))).toEqual([]);
  });
});
