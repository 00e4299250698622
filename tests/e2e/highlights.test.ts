/**
 * End to end, in Chromium: the panel's evidence in the live page. The sample corpus is in place;
 * the AFP copy (seed 001) is opened with the panel; its shared quotes and passages are painted
 * (two kinds) and a click scrolls to a quotation and outlines it. Then the page changes under the
 * panel, as live pages do: a quotation's words edited (still found, approximately) and a paragraph
 * removed (its passage shown as not found on the item itself). Turning highlights off leaves the
 * page's DOM byte for byte as it was. The page's own scripts see nothing of the evidence — not in
 * `CSS.highlights`, the style sheets, the selection or the DOM — and cannot remove it. What is
 * painted is read from the extension's isolated world. Screenshots go to tests/artifacts/.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { servePages } from '../../scripts/serve-pages';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium-extension';
import { paintedCounts, paintedIn } from './painted';

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

const painted = (article: Page) => paintedIn(browser, article);
const counts = (article: Page) => paintedCounts(browser, article);

/**
 * A page script's look at the evidence: the document's highlight registry and the words of its
 * ranges, the style sheets' rules naming it, the selection, every element the page gained (its
 * markup and text) and any shadow root it can open. Installed before the page's own scripts run.
 */
function pageSpy() {
  const added: Element[] = [];
  // From the page's load on (before it, the parser adds the page itself).
  addEventListener('load', () => new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1) added.push(n as Element);
  }).observe(document, { childList: true, subtree: true }));
  (window as unknown as { spy: () => unknown }).spy = () => {
    const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
    const sheets = [...document.styleSheets, ...document.adoptedStyleSheets];
    const rules = sheets.flatMap((s) => { try { return [...s.cssRules].map((r) => r.cssText); } catch { return []; } });
    return {
      highlights: registry ? [...registry].map(([name, h]) => `${name}: ${[...h].map(String).join(' | ')}`) : [],
      rules: rules.filter((r) => /highlight|recoupe/i.test(r)),
      selection: getSelection()?.toString() ?? '',
      added: added.filter((e) => e.isConnected).map((e) => e.outerHTML + (e as HTMLElement).innerText),
      shadows: [...document.querySelectorAll('*')].filter((e) => e.shadowRoot).map((e) => e.shadowRoot!.innerHTML),
    };
  };
}

/** Text compared as the analyses compare it: spacing and apostrophes made plain. */
const plain = (s: string) => s.replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();

let opened = 0;
/**
 * Opens the page, then the panel on it, and waits for the comparison's highlights. Each time under
 * its own address (the server ignores the query): the panel is pinned to the first tab showing it.
 */
async function openCompared(viewport = { width: 700, height: 500 }) {
  const article = await browser.context.newPage();
  await article.addInitScript(pageSpy);
  await article.setViewportSize(viewport);
  await article.goto(`${pages.url}/${PAGE}?open=${++opened}`);
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

  it('paints every shared quote and passage, scrolls to a clicked quotation and outlines it, and clears without a trace', async () => {
    const { article, panel, before } = await openCompared();
    const quotes = panel.getByTestId('shared-quote');
    const passages = panel.getByTestId('shared-passage');
    // Among them, in page order, the two Kremlin quotations 001 shares with 000 (RT France); the
    // others it shares with its own stored copy only (the short ones too, the same words of the same speaker).
    const quoteTexts = (await quotes.locator('button.evidence').allTextContents()).map((t) => plain(t.replace(/^«\s*|\s*»$/g, '')));
    expect(quoteTexts.filter((t) => /^(?:Les deux parties|Vladimir Poutine a appelé)/.test(t))).toEqual([expect.stringMatching(/^Les deux parties ont confirmé/), expect.stringMatching(/^Vladimir Poutine a appelé son interlocuteur/)]);
    const total = quoteTexts.length + (await passages.count());
    expect(await passages.count()).toBeGreaterThan(0);
    expect(await panel.getByTestId('highlight-status').textContent()).toBe(`(${total} of ${total} found in the page)`);
    expect(await counts(article)).toEqual({ quote: quoteTexts.length, passage: await passages.count(), painted: true });
    expect((await painted(article))!.quote.map(plain)).toEqual(quoteTexts);
    expect(await panel.getByTestId('evidence-missing').count()).toBe(0);
    // Highlighting added one empty element (its boxes are in a closed shadow root) and changed nothing else.
    expect(await article.evaluate(() => document.documentElement.outerHTML.replace(/<recoupe-evidence[^>]*><\/recoupe-evidence>/, ''))).toBe(before);
    // `caret: 'initial'`: Playwright otherwise hides the caret by writing a style attribute on inputs.
    await article.screenshot({ path: join(ARTIFACTS, 'page-highlights.png'), caret: 'initial' });

    // From the bottom of the page, a click on the second quotation brings it into view, outlined (not selected: the page would read it).
    await article.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const bottom = await article.evaluate(() => window.scrollY);
    expect(bottom).toBeGreaterThan(0);
    await quotes.nth(1).locator('button.evidence').click();
    await expect.poll(async () => (await painted(article))?.focus.map(plain).join(' ')).toBe(quoteTexts[1]);
    await expect.poll(() => article.evaluate(() => window.scrollY)).not.toBe(bottom);
    const inView = (start: string) =>
      article.evaluate((start) => {
        const p = [...document.querySelectorAll('p')].find((e) => e.textContent!.includes(start))!;
        const box = p.getBoundingClientRect();
        return box.bottom > 0 && box.top < window.innerHeight;
      }, start);
    await expect.poll(() => inView(quoteTexts[1]!.slice(0, 30)), { timeout: 5000 }).toBe(true);
    expect(await article.evaluate(() => getSelection()?.toString() ?? '')).toBe('');
    await article.screenshot({ path: join(ARTIFACTS, 'page-highlights-selected.png'), caret: 'initial' });

    // Off: nothing painted and the page's DOM is exactly what it was before the panel opened.
    await panel.getByTestId('highlight-toggle').uncheck();
    await expect.poll(() => counts(article)).toEqual({ quote: 0, passage: 0, painted: false });
    expect(await article.evaluate(() => document.documentElement.outerHTML)).toBe(before);
    expect(await article.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
    await article.close();
    await panel.close();
  });

  it('shows the page’s own scripts nothing of the evidence, and they cannot remove it', async () => {
    const { article, panel } = await openCompared();
    const quote = panel.getByTestId('shared-quote').first().locator('button.evidence');
    const quoteText = plain((await quote.textContent())!.replace(/^«\s*|\s*»$/g, ''));
    await quote.click();
    await article.waitForTimeout(1_000); // The scroll to it (smooth) is done.
    const spy = () => article.evaluate(() => (window as unknown as { spy: () => { highlights: string[]; rules: string[]; selection: string; added: string[]; shadows: string[] } }).spy());
    const seen = await spy();
    // One element came, empty (its style attribute says where it sits: the page's corner, no size).
    expect({ ...seen, added: seen.added.map((a) => a.replace(/ style="[^"]*"/, '')) }).toEqual({
      highlights: [], rules: [], selection: '', added: ['<recoupe-evidence></recoupe-evidence>'], shadows: [],
    });
    expect(JSON.stringify(seen)).not.toContain(quoteText.slice(0, 30));
    // While the extension has it all painted, outlined included.
    expect(await counts(article)).toMatchObject({ painted: true });
    expect((await painted(article))!.focus.map(plain).join(' ')).toBe(quoteText);

    // The page removes the element and empties the registry: the evidence is painted again, unchanged.
    const before = await painted(article);
    await article.evaluate(() => {
      document.querySelector('recoupe-evidence')?.remove();
      (CSS as unknown as { highlights?: Map<string, unknown> }).highlights?.clear();
    });
    await expect.poll(() => article.evaluate(() => document.querySelectorAll('recoupe-evidence').length)).toBe(1);
    expect(await painted(article)).toEqual(before);

    // Shown only while the panel is open: closing it clears the page.
    await panel.close();
    await expect.poll(() => counts(article)).toEqual({ quote: 0, passage: 0, painted: false });
    expect(await article.evaluate(() => document.querySelectorAll('recoupe-evidence').length)).toBe(0);
    await article.close();
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
    expect(await counts(article)).toEqual({ quote: quoteCount, passage: found - quoteCount, painted: true });
    expect(await passages.getByTestId('evidence-missing').count()).toBe(total - found);
    await panel.getByTestId('shared-passages').screenshot({ path: join(ARTIFACTS, 'sidepanel-evidence-missing.png') });

    // A click on the edited quotation outlines the page's new words.
    await quotes.nth(0).locator('button.evidence').click();
    await expect.poll(async () => plain((await painted(article))?.focus.join(' ') ?? '')).toBe(plain(edited.quote));
    await article.close();
    await panel.close();
  });

  it('stays readable on a dark page', async () => {
    const { article, panel } = await openCompared();
    // A dark theme, as many news sites offer; the highlights keep the page's own text colour.
    await article.addStyleTag({ content: 'body, main, article { background: #14171c !important; color: #e4e6ea !important; }' });
    await expect.poll(() => counts(article)).toMatchObject({ painted: true });
    await article.screenshot({ path: join(ARTIFACTS, 'page-highlights-dark.png'), caret: 'initial' });
    await article.close();
    await panel.close();
  });
});
