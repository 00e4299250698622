/**
 * Hostile pages, end to end: an article whose title, site name, byline, body, quotations,
 * canonical URL and page URL carry markup meant to run (`<script>`, `onerror=`, `onload=`,
 * `javascript:` links and frames, `</textarea>` break-outs). It is read in the side panel, saved,
 * opened in the corpus page, and compared from a copy of it (same-event list, shared quotes and
 * passages, highlights in the page). Every payload, if it ran, would set `window.__pwned`, change
 * `document.title` or fetch a URL containing "pwned"; none may happen in the extension's pages or
 * in the page, and the payload text must show literally, as text.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { servePages } from '../../scripts/serve-pages';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium-extension';
import { paintedCounts, paintedIn } from './painted';

let browser: ExtensionBrowser;
let server: { url: string; close(): Promise<void> };
const requests: string[] = [];
const dialogs: string[] = [];
const pageErrors: string[] = [];
/** Every extension page and web page opened, to check each for side effects at the end. */
const opened: { page: Page; kind: 'extension' | 'web'; title: string }[] = [];

const TITLE = `Syrie : le cessez-le-feu <script>window.__pwned='title';document.title='PWNED'</script> "><svg onload=window.__pwned='svg-title'> négocié`;
/** Payload texts as they must appear, literally, in what the extension shows. */
const PAYLOADS = {
  titleScript: `<script>window.__pwned='title';document.title='PWNED'</script>`,
  svgBreakout: `"><svg onload=window.__pwned='svg-title'>`,
  imgOnerror: `<img src=x onerror="window.__pwned='body';fetch('http://127.0.0.1:9/pwned-body')">`,
  textareaBreakout: `</textarea><script>window.__pwned='quote'</script>`,
  javascriptLink: `<a href="javascript:window.__pwned='link'">cliquez ici</a>`,
  svgBody: `"><svg onload="window.__pwned='svg-body';document.title='PWNED'">`,
  iframeJs: `<iframe src="javascript:parent.__pwned='iframe'"></iframe>`,
};
const QUERY_PAYLOAD = `?q="><script>window.__pwned='url'</script>`;

async function track(page: Page, kind: 'extension' | 'web'): Promise<Page> {
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
  opened.push({ page, kind, title: await page.title() });
  return page;
}

async function openWithPanel(url: string): Promise<{ article: Page; panel: Page }> {
  const article = await browser.context.newPage();
  await article.goto(url);
  await track(article, 'web');
  const tabId = await browser.tabIdOf(article.url());
  const panel = await track(await browser.openExtensionPage(`sidepanel.html?tab=${tabId}`), 'extension');
  return { article, panel };
}

/** No element of the extension page was made from the hostile markup. */
async function injectedElements(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('script:not([src]), svg[onload], img[onerror], iframe, textarea, [onload], [onerror], a[href^="javascript:" i], link[href^="javascript:" i]')]
      .map((e) => e.outerHTML.slice(0, 120)),
  );
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'recoupe-hostile-'));
  const html = readFileSync(resolve('tests/e2e/pages/hostile.html'), 'utf8');
  writeFileSync(join(dir, 'hostile.html'), html);
  // The same article republished elsewhere: compared with the saved copy, every payload is shared.
  writeFileSync(join(dir, 'hostile-copy.html'), html.replace('<link rel="canonical" href="javascript:window.__pwned=\'canonical\'">', ''));
  server = await servePages(dir);
  browser = await launchWithExtension();
  browser.context.on('request', (r) => requests.push(r.url()));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a hostile article', () => {
  it('shows in the side panel as text, and saves', async () => {
    const { panel } = await openWithPanel(`${server.url}/hostile.html${QUERY_PAYLOAD}`);
    await expect.poll(() => panel.getByTestId('title').textContent()).toBe(TITLE);
    await panel.getByTestId('save').click();
    await expect.poll(() => panel.getByTestId('save-status').textContent()).toBe('Saved to your corpus.');
    expect(await panel.locator('body').textContent()).toContain('<img src=x onerror=');
  });

  it('shows in the corpus page as text: its row, its title, its site, its URL and its paragraphs', async () => {
    const corpus = await track(await browser.openExtensionPage('corpus.html'), 'extension');
    await corpus.setViewportSize({ width: 1200, height: 800 });
    const row = corpus.getByTestId('article-row').filter({ hasText: 'cessez-le-feu' });
    await row.first().waitFor();
    expect(await row.first().textContent()).toContain(PAYLOADS.titleScript);
    await row.first().locator('td:first-child button').click();
    const reader = corpus.getByTestId('reader');
    await reader.waitFor();
    await expect.poll(() => reader.locator('#reader-title').textContent()).toBe(TITLE);
    const text = (await reader.textContent()) ?? '';
    for (const [name, payload] of Object.entries(PAYLOADS)) {
      if (name === 'titleScript' || name === 'svgBreakout') continue; // In the title, checked above.
      expect(text, name).toContain(payload);
    }
    // The site name and the byline carried markup too.
    expect(text).toContain(`<img src=x onerror="window.__pwned='site';fetch('http://127.0.0.1:9/pwned-site')">Le Site`);
    // The page URL with its hostile query is a link to that URL (http, escaped), never markup.
    const hrefs = await reader.locator('a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const href of hrefs) expect(href).toMatch(/^https?:\/\/127\.0\.0\.1:\d+\/hostile\.html\?q=/);
    await corpus.screenshot({ path: resolve('tests/artifacts/corpus-hostile.png'), fullPage: true });
  });

  it('compared from a copy: the same-event list, shared quotes and passages show the payloads as text, and the page highlights add no markup', async () => {
    const { article, panel } = await openWithPanel(`${server.url}/hostile-copy.html`);
    const nodesBefore = await article.evaluate(() => document.getElementsByTagName('*').length);
    await panel.getByTestId('same-event').waitFor({ timeout: 60_000 });
    expect(await panel.getByTestId('same-event').textContent()).toContain(TITLE);
    const quotes = (await panel.getByTestId('shared-quotes').textContent()) ?? '';
    expect(quotes).toContain(PAYLOADS.textareaBreakout);
    expect(quotes).toContain(PAYLOADS.iframeJs);
    const passages = (await panel.getByTestId('shared-passages').textContent()) ?? '';
    expect(passages).toContain('<img src=x onerror=');
    const highlighted = async () => (await paintedCounts(browser, article)).passage;
    await expect.poll(highlighted).toBeGreaterThan(0);
    // A click on a quotation scrolls to it and outlines it: the outlined words are the literal text.
    await panel.getByTestId('shared-quote').filter({ hasText: '</textarea>' }).locator('button.evidence').first().click();
    await expect.poll(async () => (await paintedIn(browser, article))?.focus.join(' ') ?? '').toContain('</textarea><script>');
    // One element more, empty: the boxes are in its closed shadow root, which holds no markup of the page's text.
    expect(await article.evaluate(() => document.getElementsByTagName('*').length)).toBe(nodesBefore + 1);
    expect(await article.evaluate(() => [...document.querySelectorAll('recoupe-evidence')].map((e) => e.innerHTML))).toEqual(['']);
    await panel.screenshot({ path: resolve('tests/artifacts/sidepanel-hostile.png'), fullPage: true });
  });

  it('ran nothing: no payload ran in any extension page or in the page, no dialog, no request to a payload URL', async () => {
    let checked = 0;
    for (const { page, kind, title } of opened) {
      if (page.isClosed()) continue;
      const state = await page.evaluate(() => ({ pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null, title: document.title }));
      expect(state.pwned, `${kind} ${page.url()}`).toBeNull();
      // A payload that ran would have set the title to exactly 'PWNED'.
      expect(state.title, `${kind} ${page.url()}`).toBe(title);
      expect(state.title).not.toBe('PWNED');
      if (kind === 'extension') expect(await injectedElements(page), page.url()).toEqual([]);
      checked++;
    }
    const worker = await browser.serviceWorker();
    expect(await worker.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned ?? null)).toBeNull();
    expect(requests.filter((u) => /\/pwned-/.test(u))).toEqual([]); // The payloads' fetches; the page's own URL carries a payload too.
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
    const tried = Object.keys(PAYLOADS).length + 4; // + site name, byline, canonical URL, page URL
    console.log(`hostile: ${tried} hostile inputs tried in ${checked} pages (panel, corpus page, web pages); ${tried} shown as text, 0 ran`);
  });
});
