/**
 * End to end, in Chromium: a passage longer than a message's selector may carry (issue 20). The
 * page and a stored copy share one text of over 100,000 characters (gilets-jaunes articles one
 * after the other, read in place from ../shared): the comparison finds one verbatim passage over
 * all of it. It is highlighted with the rest, and a click on it scrolls the page to it and
 * outlines it from its first words to its last: the panel sends a long selector's ends and length
 * (lib/anchor/selector.ts `boundedQuote`), not its 100,000 characters.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servePages } from '../../scripts/serve-pages';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium-extension';
import { importPrepared } from '../support/import-prepared';
import { articlePage, copiesFile } from '../support/stall';
import { readGiletsJaunes } from '../support/corpora';
import { paintedIn } from './painted';

const TITLE = 'Gilets jaunes : le mouvement vu de Suisse romande';
const plain = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Distinct articles of the corpus, each paragraph on one line, until the text passes 120,000 characters. */
function longText(): string {
  const paragraphs: string[] = [];
  let length = 0;
  const seen = new Set<string>();
  for (const doc of readGiletsJaunes()) {
    if (seen.has(doc.text)) continue;
    seen.add(doc.text);
    for (const p of doc.text.split(/\n\s*\n/).map(plain).filter(Boolean)) {
      paragraphs.push(p);
      length += p.length + 2;
    }
    if (length > 120_000) break;
  }
  return paragraphs.join('\n\n');
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

let browser: ExtensionBrowser;
let server: { url: string; close(): Promise<void> };
const text = longText();

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'recoupe-long-passage-'));
  writeFileSync(join(dir, 'page.html'), articlePage(TITLE, text.split('\n\n').map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')));
  server = await servePages(dir);
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
    expect(await importPrepared(corpus, 'copy.jsonl', copiesFile(TITLE, text, 1), 60_000)).toMatchObject({ added: 1 });

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
