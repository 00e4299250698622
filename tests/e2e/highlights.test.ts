/**
 * End to end, in Chromium: the panel's evidence in the live page. The sample corpus is in place;
 * the AFP copy (seed 001) is opened with the panel; its shared quotes and passages are painted
 * (two highlight names) and a click scrolls to a quotation and selects it. Then the page changes
 * under the panel, as live pages do: a quotation's words edited (still found, approximately) and
 * a paragraph removed (its passage shown as not found on the item itself). Turning highlights off
 * leaves the page's DOM byte for byte as it was. Screenshots go to tests/artifacts/.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { servePages } from '../../scripts/serve-pages';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium-extension';

const ARTIFACTS = resolve('tests/artifacts');
const PAGE = '001_efc4fda914ae2fdd.html';

let browser: ExtensionBrowser;
let pages: { url: string; close(): Promise<void> };

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  pages = await servePages(resolve('corpus/pages'));
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await pages?.close();
});

/** The ranges held by each of the extension's highlights in the page's registry. */
const registry = (article: Page) =>
  article.evaluate(() => {
    const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    return { quote: h.get('recoupe-quote')?.size ?? 0, passage: h.get('recoupe-passage')?.size ?? 0, all: h.size };
  });

/** Text compared as the analyses compare it: spacing and apostrophes made plain. */
const plain = (s: string) => s.replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();

/** Opens the page, then the panel on it, and waits for the comparison's highlights. */
async function openCompared(viewport = { width: 700, height: 500 }) {
  const article = await browser.context.newPage();
  await article.setViewportSize(viewport);
  await article.goto(`${pages.url}/${PAGE}`);
  const before = await article.evaluate(() => document.documentElement.outerHTML);
  const panel = await browser.openExtensionPage(`sidepanel.html?tab=${await browser.tabIdOf(article.url())}`);
  await panel.getByTestId('shared-quotes').waitFor({ timeout: 60_000 });
  await panel.getByTestId('highlight-status').waitFor();
  return { article, panel, before };
}

describe('shared quotes and passages in the page', () => {
  it('has the sample corpus (put in place on install, else loaded from the corpus page)', async () => {
    const corpus = await browser.openExtensionPage('corpus.html');
    // The install-time load may still be under way (the page shows the empty corpus meanwhile):
    // the button is clicked only while it is there, and loading twice updates, never duplicates.
    await expect
      .poll(
        async () => {
          const load = corpus.getByRole('button', { name: 'Load the sample corpus' });
          if (await load.count()) await load.click({ timeout: 2000 }).catch(() => {});
          return corpus.getByTestId('article-row').count();
        },
        { timeout: 30_000 },
      )
      .toBe(5);
    await corpus.close();
  });

  it('paints every shared quote and passage, scrolls to a clicked quotation and selects it, and clears without a trace', async () => {
    const { article, panel, before } = await openCompared();
    const quotes = panel.getByTestId('shared-quote');
    const passages = panel.getByTestId('shared-passage');
    // Among them, the two Kremlin quotations 001 shares with 000 (RT France).
    const quoteTexts = (await quotes.locator('button.evidence').allTextContents()).map((t) => plain(t.replace(/^«\s*|\s*»$/g, '')));
    expect(quoteTexts.slice(0, 2)).toEqual([expect.stringMatching(/^Les deux parties ont confirmé/), expect.stringMatching(/^Vladimir Poutine a appelé son interlocuteur/)]);
    const total = quoteTexts.length + (await passages.count());
    expect(await passages.count()).toBeGreaterThan(0);
    expect(await panel.getByTestId('highlight-status').textContent()).toBe(`(${total} of ${total} found in the page)`);
    expect(await registry(article)).toEqual({ quote: quoteTexts.length, passage: await passages.count(), all: 2 });
    expect(await panel.getByTestId('evidence-missing').count()).toBe(0);
    // Highlighting added no node and changed no attribute.
    expect(await article.evaluate(() => document.documentElement.outerHTML)).toBe(before);
    // `caret: 'initial'`: Playwright otherwise hides the caret by writing a style attribute on inputs.
    await article.screenshot({ path: join(ARTIFACTS, 'page-highlights.png'), caret: 'initial' });

    // From the bottom of the page, a click on the second quotation brings it into view, selected.
    await article.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const bottom = await article.evaluate(() => window.scrollY);
    expect(bottom).toBeGreaterThan(0);
    await quotes.nth(1).locator('button.evidence').click();
    await expect.poll(() => article.evaluate(() => getSelection()?.toString() ?? '').then(plain)).toBe(quoteTexts[1]);
    await expect.poll(() => article.evaluate(() => window.scrollY)).not.toBe(bottom);
    const inView = () =>
      article.evaluate(() => {
        const box = getSelection()!.getRangeAt(0).getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight;
      });
    await expect.poll(inView, { timeout: 5000 }).toBe(true);
    await article.screenshot({ path: join(ARTIFACTS, 'page-highlights-selected.png'), caret: 'initial' });

    // Off: the registry is empty and the page's DOM is exactly what it was before the panel opened.
    await panel.getByTestId('highlight-toggle').uncheck();
    await expect.poll(() => registry(article)).toEqual({ quote: 0, passage: 0, all: 0 });
    expect(await article.evaluate(() => document.documentElement.outerHTML)).toBe(before);
    expect(await article.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
    await article.close();
    await panel.close();
  });

  it('after the page changes, finds an edited quotation approximately and says, on the item, which passage is gone', async () => {
    const { article, panel } = await openCompared();
    const quotes = panel.getByTestId('shared-quote');
    const passages = panel.getByTestId('shared-passage');
    const passageCount = await passages.count();
    // The shortest passage: its paragraph is removed from the page.
    // The passages' words as the panel shows them, without the words read out to screen readers.
    const passageTexts = await panel.evaluate(() =>
      [...document.querySelectorAll('[data-testid="shared-passage"] button.evidence')].map((b) => {
        const copy = b.cloneNode(true) as Element;
        copy.querySelectorAll('.sr-only').forEach((e) => e.remove());
        return copy.textContent ?? '';
      }),
    );
    const shortest = passageTexts.reduce((best, t, i) => (t.length < passageTexts[best]!.length ? i : best), 0);
    const opening = plain(passageTexts[shortest]!).slice(0, 40);
    const edited = await article.evaluate((start) => {
      const paragraphs = [...document.querySelectorAll('.article-body p')];
      const gone = paragraphs.find((p) => p.textContent!.replace(/[’‘]/g, "'").replace(/\s+/g, ' ').includes(start));
      gone?.remove();
      // One word of the first quotation replaced by another.
      const first = paragraphs.find((p) => p.textContent!.includes('Les deux parties ont confirmé'))!;
      const node = [...first.childNodes].find((n) => n.nodeType === 3 && n.textContent!.includes('intensifier'))!;
      node.textContent = node.textContent!.replace('intensifier', 'renforcer');
      return { removed: Boolean(gone), quote: first.textContent!.slice(1, first.textContent!.indexOf('Syrie') + 'Syrie'.length) };
    }, opening);
    expect(edited.removed).toBe(true);

    // Highlighting again: every item anchored in the changed page.
    await panel.getByTestId('highlight-toggle').uncheck();
    await panel.getByTestId('highlight-status').waitFor({ state: 'detached' });
    await panel.getByTestId('highlight-toggle').check();
    await panel.getByTestId('highlight-status').waitFor();
    const total = (await quotes.count()) + passageCount;
    await expect.poll(() => panel.getByTestId('highlight-status').textContent()).toMatch(new RegExp(`^\\((\\d+) of ${total} found in the page\\)$`));
    const found = Number(/\((\d+) of/.exec((await panel.getByTestId('highlight-status').textContent())!)![1]);
    const quoteCount = await quotes.count();
    expect(found).toBeLessThan(total);
    expect(found).toBeGreaterThanOrEqual(quoteCount);

    // The removed passage says so on itself; the edited quotation is still found, approximately.
    expect(await passages.nth(shortest).getByTestId('evidence-missing').textContent()).toBe('Not found in the page');
    expect(await passages.nth(shortest).locator('button.evidence').getAttribute('data-anchor')).toBe('orphan');
    expect(await quotes.nth(0).locator('button.evidence').getAttribute('data-anchor')).toBe('fuzzy');
    expect(await quotes.getByTestId('evidence-missing').count()).toBe(0);
    // Only what was found is painted: every quotation, and the passages still in the page.
    expect(await registry(article)).toEqual({ quote: quoteCount, passage: found - quoteCount, all: found > quoteCount ? 2 : 1 });
    expect(await passages.getByTestId('evidence-missing').count()).toBe(total - found);
    await panel.getByTestId('shared-passages').screenshot({ path: join(ARTIFACTS, 'sidepanel-evidence-missing.png') });

    // A click on the edited quotation selects the page's new words.
    await quotes.nth(0).locator('button.evidence').click();
    await expect.poll(() => article.evaluate(() => getSelection()?.toString() ?? '').then(plain)).toBe(plain(edited.quote));
    await article.close();
    await panel.close();
  });

  it('stays readable on a dark page', async () => {
    const { article, panel } = await openCompared();
    // A dark theme, as many news sites offer; the highlights keep the page's own text colour.
    await article.addStyleTag({ content: 'body, main, article { background: #14171c !important; color: #e4e6ea !important; }' });
    await expect.poll(() => registry(article)).toMatchObject({ all: 2 });
    await article.screenshot({ path: join(ARTIFACTS, 'page-highlights-dark.png'), caret: 'initial' });
    await article.close();
    await panel.close();
  });
});
