/**
 * Privacy, end to end: every network request made while a person browses the seed pages, saves
 * them, opens the corpus page and compares is recorded, from the web pages, the extension's
 * pages and the extension's service worker (Playwright reports a service worker's requests on
 * the context, `request.serviceWorker()` set). The test fails on any request that is not to the
 * pages' own origin (127.0.0.1:port) or to the extension itself. That the recorder sees each
 * kind of requester is proved first, with a probe fetch from each.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Request } from 'playwright-core';
import { servePages } from '../../scripts/serve-pages';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium-extension';

const SEEDS = ['000_492f0f67598950be', '001_efc4fda914ae2fdd', '002_b5629d95adcdafa8', '003_0bb6bc6989cf1c52', '004_60be76548461e545'];

let browser: ExtensionBrowser;
let seeds: { url: string; close(): Promise<void> };
interface Seen { url: string; from: 'page' | 'extension-page' | 'service-worker'; frame: string }
const seen: Seen[] = [];

function record(request: Request): void {
  const worker = request.serviceWorker();
  let frameUrl = '';
  try {
    frameUrl = request.frame().url();
  } catch {
    // A service worker's request has no frame.
  }
  const from = worker ? 'service-worker' : frameUrl.startsWith('chrome-extension://') ? 'extension-page' : 'page';
  seen.push({ url: request.url(), from, frame: worker?.url() ?? frameUrl });
}

/** Allowed: the pages' own origin, the extension's own files, and inline data (no network). */
function offOrigin(): Seen[] {
  const own = new URL(seeds.url).origin;
  return seen.filter(({ url }) => {
    if (url.startsWith('chrome-extension://') || url.startsWith('data:') || url.startsWith('blob:')) return false;
    try {
      return new URL(url).origin !== own;
    } catch {
      return true;
    }
  });
}

beforeAll(async () => {
  seeds = await servePages(resolve('corpus/pages'));
  browser = await launchWithExtension();
  browser.context.on('request', record);
});

afterAll(async () => {
  await browser?.close();
  await seeds?.close();
});

describe('the request recorder', () => {
  it('sees requests from a web page, from an extension page and from the extension’s service worker', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${seeds.url}/`);
    await page.evaluate((u) => fetch(`${u}/probe-from-page`).catch(() => null), seeds.url);

    const extensionPage = await browser.openExtensionPage('corpus.html');
    await extensionPage.evaluate((u) => fetch(`${u}/probe-from-extension-page`).catch(() => null), seeds.url);

    const worker = await browser.serviceWorker();
    expect(worker.url()).toMatch(`chrome-extension://${browser.extensionId}/`);
    await worker.evaluate((u) => fetch(`${u}/probe-from-service-worker`).then(() => null, () => null), seeds.url);

    await expect.poll(() => seen.map((s) => s.url.replace(seeds.url, ''))).toEqual(
      expect.arrayContaining(['/probe-from-page', '/probe-from-extension-page', '/probe-from-service-worker']),
    );
    expect(seen.find((s) => s.url.endsWith('/probe-from-service-worker'))?.from).toBe('service-worker');
    expect(seen.find((s) => s.url.endsWith('/probe-from-extension-page'))?.from).toBe('extension-page');
    // And it would catch an off-origin request: a page's fetch to another origin is recorded and flagged.
    await page.evaluate(() => fetch('http://127.0.0.2:9/probe-off-origin').catch(() => null));
    await expect.poll(() => offOrigin().map((s) => s.url)).toContain('http://127.0.0.2:9/probe-off-origin');
    seen.length = 0; // Start the real run from a clean record.
    await page.close();
    await extensionPage.close();
  });
});

describe('browsing, saving, opening the corpus and comparing', () => {
  it('sends nothing anywhere but to the page’s own origin', async () => {
    for (const seed of SEEDS) {
      const { article, panel } = await browser.openWithPanel(`${seeds.url}/${seed}.html`);
      await panel.getByTestId('title').waitFor();
      await panel.getByTestId('save').click();
      await expect.poll(() => panel.getByTestId('save-status').textContent(), { timeout: 30_000 }).toMatch(/Saved to your corpus|Updated in your corpus/);
      // The comparison with the corpus (samples + what was saved), highlights in the page included.
      await panel.getByTestId('comparison').waitFor({ timeout: 60_000 });
      await panel.close();
      await article.close();
    }
    const corpus = await browser.openExtensionPage('corpus.html');
    await corpus.getByTestId('article-row').first().waitFor();
    expect(await corpus.getByTestId('article-row').count()).toBe(10);
    await corpus.getByTestId('article-row').first().locator('td:first-child button').click();
    await corpus.getByTestId('reader').waitFor();
    await corpus.getByTestId('search').fill('Syrie');
    await expect.poll(() => corpus.getByTestId('article-row').count()).toBeGreaterThan(0);
    await corpus.close();

    const byKind = (k: Seen['from']) => seen.filter((s) => s.from === k).length;
    const off = offOrigin();
    console.log(
      `privacy: ${seen.length} requests seen (${byKind('page')} from web pages, ${byKind('extension-page')} from extension pages, ` +
        `${byKind('service-worker')} from the service worker), ${off.length} off-origin`,
    );
    expect(seen.length).toBeGreaterThan(SEEDS.length);
    expect(off, JSON.stringify(off, null, 1)).toEqual([]);
  });
});
