/**
 * End to end in Firefox (firefox-esr, the built Firefox package as a temporary add-on): the check of
 * tests/e2e/long-passage.test.ts (issue 20). The page and a stored copy share one text of over
 * 100,000 characters (tests/support/long-passage.ts); the one verbatim passage over all of it is
 * highlighted with the rest, and a click on it scrolls the page to it and outlines it from its first
 * words to its last, from a selector that carries only its ends, length and hash
 * (lib/anchor/selector.ts `boundedQuote`). Skipped, with the reason, only when firefox-esr is not installed.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { PageServer } from '../../scripts/serve-pages';
import { FIREFOX, launchFirefoxWithExtension, type FirefoxExtensionBrowser } from './firefox-launch';
import { importPrepared } from '../support/import-prepared';
import { copiesFile } from '../support/stall';
import { LONG_TITLE, longText, plain, serveLongPage } from '../support/long-passage';

const HAS_FIREFOX = existsSync(FIREFOX);
if (!HAS_FIREFOX) console.warn(`Firefox long-passage test skipped: no firefox-esr at ${FIREFOX} (apt-get install -y firefox-esr, or set FIREFOX_PATH).`);
const PASSAGE = '[data-testid=shared-passage]';
const count = (page: Page, selector: string) => page.$$eval(selector, (els) => els.length);

let ff: FirefoxExtensionBrowser;
let server: PageServer;
const text = longText();

describe.skipIf(!HAS_FIREFOX)('a passage of over 100,000 characters, in Firefox', () => {
  beforeAll(async () => {
    server = await serveLongPage(text);
    ff = await launchFirefoxWithExtension();
  }, 60_000);

  afterAll(async () => {
    await ff?.close();
    await server?.close();
  });

  it('is highlighted, and a click scrolls to it and outlines all of it', async () => {
    expect(text.length).toBeGreaterThan(100_000);
    const corpus = await ff.openExtensionPage('corpus.html');
    expect(await importPrepared(corpus, 'copy.jsonl', copiesFile(LONG_TITLE, text, 1), 60_000)).toMatchObject({ added: 1 });

    const { article, panel } = await ff.openWithPanel(`${server.url}/page.html`);
    // The article's tab in front, as beside Firefox's sidebar: in a hidden tab Firefox does not run
    // the smooth scroll (seen here: scrollY unchanged for 30 s). The panel reloads on the switch.
    await article.bringToFront();
    await panel.waitForSelector(PASSAGE, { timeout: 120_000 });
    expect(await count(panel, PASSAGE)).toBe(1);
    const total = (await count(panel, '[data-testid=shared-quote]')) + 1;
    await expect.poll(() => panel.$eval('[data-testid=highlight-status]', (e) => e.textContent).catch(() => null), { timeout: 30_000 })
      .toBe(`(${total} of ${total} found in the page)`);
    // The passage as painted: the page's words from the text's first to (about) its last.
    const painted = await ff.paintedIn(article);
    expect(painted!.passage).toHaveLength(1);
    const words = plain(painted!.passage[0]!);
    expect(words.length).toBeGreaterThan(100_000);
    expect(plain(text).startsWith(words)).toBe(true);

    // From the bottom of the page, a click on the passage brings its start into view, outlined to its end.
    await article.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const bottom = await article.evaluate(() => window.scrollY);
    expect(bottom).toBeGreaterThan(0);
    await panel.click(`${PASSAGE} button.evidence`);
    await expect.poll(async () => plain((await ff.paintedIn(article))?.focus.join(' ') ?? ''), { timeout: 30_000 }).toBe(words);
    await expect.poll(() => article.evaluate(() => window.scrollY), { timeout: 30_000 }).toBeLessThan(bottom);
    expect(await panel.$eval(`${PASSAGE} button.evidence`, (e) => e.getAttribute('data-anchor'))).toBe('exact');
    expect(await count(panel, '[role=alert]')).toBe(0);
    mkdirSync(resolve('tests/artifacts'), { recursive: true });
    await panel.screenshot({ path: resolve('tests/artifacts/firefox-sidepanel-long-passage.png') });
  }, 240_000);
});
