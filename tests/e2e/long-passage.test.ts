/**
 * End to end, in Chromium: a passage longer than a message's selector may carry (issue 20). The
 * page and a stored copy share one text of over 100,000 characters (tests/support/long-passage.ts):
 * the comparison finds one verbatim passage over all of it. It is highlighted with the rest, and a
 * click on it scrolls the page to it and outlines it from its first words to its last: the panel
 * sends a long selector's ends and length (lib/anchor/selector.ts `boundedQuote`), not its 100,000
 * characters. The same in Firefox: tests/e2e/firefox-long-passage.test.ts.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageServer } from '../../scripts/serve-pages';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium-extension';
import { importPrepared } from '../support/import-prepared';
import { copiesFile } from '../support/stall';
import { LONG_TITLE, longText, plain, serveLongPage } from '../support/long-passage';
import { paintedIn } from './painted';

let browser: ExtensionBrowser;
let server: PageServer;
const text = longText();

beforeAll(async () => {
  server = await serveLongPage(text);
  browser = await launchWithExtension();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a passage of over 100,000 characters', () => {
  it('is highlighted, and a click scrolls to it and outlines all of it', async () => {
    expect(text.length).toBeGreaterThan(100_000);
    const corpus = await browser.openExtensionPage('corpus.html');
    expect(await importPrepared(corpus, 'copy.jsonl', copiesFile(LONG_TITLE, text, 1), 60_000)).toMatchObject({ added: 1 });

    const { article, panel } = await browser.openWithPanel(`${server.url}/page.html`);
    const passages = panel.getByTestId('shared-passage');
    await passages.first().waitFor({ timeout: 120_000 });
    expect(await passages.count()).toBe(1);
    const quotes = await panel.getByTestId('shared-quote').count();
    const total = quotes + 1;
    await expect.poll(() => panel.getByTestId('highlight-status').textContent(), { timeout: 30_000 }).toBe(`(${total} of ${total} found in the page)`);
    const painted = await paintedIn(browser, article);
    // The passage as painted: the page's words from the text's first to (about) its last.
    expect(painted!.passage).toHaveLength(1);
    const words = plain(painted!.passage[0]!);
    expect(words.length).toBeGreaterThan(100_000);
    expect(plain(text).startsWith(words)).toBe(true);

    // From the bottom of the page, a click on the passage brings its start into view, outlined to its end.
    await article.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const bottom = await article.evaluate(() => window.scrollY);
    await passages.first().locator('button.evidence').click();
    await expect.poll(async () => plain((await paintedIn(browser, article))?.focus.join(' ') ?? ''), { timeout: 30_000 }).toBe(words);
    // Seconds on a loaded machine: the page draws the boxes of thousands of lines first.
    await expect.poll(() => article.evaluate(() => window.scrollY), { timeout: 30_000 }).toBeLessThan(bottom);
    expect(await passages.first().locator('button.evidence').getAttribute('data-anchor')).toBe('exact');
    expect(await panel.getByRole('alert').count()).toBe(0);
    mkdirSync(resolve('tests/artifacts'), { recursive: true });
    await panel.screenshot({ path: resolve('tests/artifacts/sidepanel-long-passage.png') });
  }, 240_000);
});
