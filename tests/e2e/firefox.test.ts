/**
 * End to end in Firefox: the built Firefox package, installed as a temporary add-on in
 * firefox-esr (headless, WebDriver BiDi), walks the main path a person takes: the samples are in
 * place on install, a seed page is extracted and compared in the panel (Firefox's sidebar page,
 * opened in a tab and pinned to the article's tab with `?tab=`), its evidence painted where the
 * page's scripts cannot read it, saved, and found in the corpus.
 * Skipped, with the reason, only when firefox-esr is not installed.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { servePages, type PageServer } from '../../scripts/serve-pages';
import { FIREFOX, launchFirefoxWithExtension, type FirefoxExtensionBrowser } from './firefox-launch';

const ARTIFACTS = resolve('tests/artifacts');
const SEED_000 = '000_492f0f67598950be.html';
const SEED_TITLE = 'Poutine et Obama se sont accordés pour intensifier leur coordination militaire en Syrie';
const HAS_FIREFOX = existsSync(FIREFOX);
if (!HAS_FIREFOX) console.warn(`Firefox end-to-end tests skipped: no firefox-esr at ${FIREFOX} (apt-get install -y firefox-esr, or set FIREFOX_PATH).`);

const texts = (page: Page, selector: string) => page.$$eval(selector, (els) => els.map((e) => e.textContent ?? ''));
const text = (page: Page, selector: string) => page.$eval(selector, (e) => e.textContent ?? '').catch(() => null);

let ff: FirefoxExtensionBrowser;
let seeds: PageServer;

describe.skipIf(!HAS_FIREFOX)(`Recoupe in Firefox (${FIREFOX})`, () => {
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    seeds = await servePages(resolve('corpus/pages'));
    ff = await launchFirefoxWithExtension();
  });

  afterAll(async () => {
    await ff?.close();
    await seeds?.close();
  });

  it('has the five samples in place on install', async () => {
    const corpus = await ff.openExtensionPage('corpus.html');
    await corpus.waitForSelector('[data-testid=article-row]');
    expect(await corpus.$$eval('[data-testid=article-row]', (rows) => rows.length)).toBe(5);
    await corpus.close();
  });

  it('extracts and compares a seed page in the panel, saves it, and finds it in the corpus', async () => {
    const { article, panel } = await ff.openWithPanel(`${seeds.url}/${SEED_000}`);
    await expect.poll(() => text(panel, '[data-testid=title]'), { timeout: 30_000 }).toBe(SEED_TITLE);
    expect(await text(panel, '[data-testid=facts]')).toContain('French');

    // Its own sample copy first, then the AFP wire copy of the same call (seed 001).
    await panel.waitForSelector('[data-testid=same-event]', { timeout: 60_000 });
    const sameEvent = await texts(panel, '[data-testid=same-event] li');
    expect(sameEvent).toHaveLength(2);
    expect(sameEvent[0]).toContain(SEED_TITLE);
    expect(sameEvent[1]).toContain('AFP (republished)');
    // The two Kremlin quotations 000 and 001 share, word for word in both stored versions.
    const quotes = await panel.$$eval('[data-testid=shared-quote]', (els) => els.map((e) => ({ text: e.textContent ?? '', exact: e.querySelectorAll('.rel-exact').length })));
    expect(quotes.map((q) => [q.text, q.exact])).toEqual([
      [expect.stringContaining('Les deux parties ont confirmé'), 2],
      [expect.stringContaining('Vladimir Poutine a appelé son interlocuteur'), 2],
    ]);
    await panel.screenshot({ path: join(ARTIFACTS, 'firefox-sidepanel.png') });

    // The shared passages are painted in the page, in a closed shadow root of the extension's
    // content-script world: painted there, while the page's own scripts see no highlight in the
    // document's registry, no selection and no shadow root they can open.
    const painted = () => ff.paintedIn(article);
    await expect.poll(async () => (await painted())?.passage.length ?? 0, { timeout: 15_000 }).toBeGreaterThan(0);
    expect((await painted())!.offsetPx).toBeLessThan(1);
    expect(await article.evaluate(() => ({
      highlights: (CSS as unknown as { highlights?: Map<string, unknown> }).highlights?.size ?? 0,
      selection: getSelection()?.toString() ?? '',
      hosts: [...document.querySelectorAll('recoupe-evidence')].map((h) => ({ text: h.textContent, shadow: h.shadowRoot === null ? null : 'open' })),
    }))).toEqual({ highlights: 0, selection: '', hosts: [{ text: '', shadow: null }] });

    await panel.click('[data-testid=save]');
    await expect.poll(() => text(panel, '[data-testid=save-status]')).toBe('Saved to your corpus.');

    const corpus = await ff.openExtensionPage('corpus.html');
    await corpus.setViewport({ width: 1200, height: 800 });
    await expect.poll(() => corpus.$$eval('[data-testid=article-row]', (rows) => rows.length)).toBe(6);
    expect(await texts(corpus, '[data-testid=article-row] td:first-child button')).toContain(SEED_TITLE);
    await corpus.screenshot({ path: join(ARTIFACTS, 'firefox-corpus.png') });
  });
});
