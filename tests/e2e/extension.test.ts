/**
 * End to end: the built extension in Chromium, on seed article pages served from 127.0.0.1.
 * The real side panel cannot be driven by Playwright, so its page is opened in a tab and pinned
 * to the article's tab with `?tab=`. Screenshots go to tests/artifacts/ to be looked at.
 */
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { servePages } from '../../scripts/serve-pages';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium-extension';
import { paintedCounts, paintedIn } from './painted';

const ARTIFACTS = resolve('tests/artifacts');
const SEED_TITLE = 'Poutine et Obama se sont accordés pour intensifier leur coordination militaire en Syrie';

let browser: ExtensionBrowser;
let seeds: { url: string; close(): Promise<void> };
let special: { url: string; close(): Promise<void> };

/** A 5 MB page of paragraphs, made here rather than stored. */
function writeHugePage(dir: string): void {
  const paragraph = '<p>Le cessez-le-feu est entré en vigueur en Syrie le 27 février 2016 mais ne s’applique ni à Daesh, ni au Front al-Nosra, ni aux autres groupes reconnus comme terroristes.</p>\n';
  writeFileSync(join(dir, 'huge.html'), `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Énorme</title></head><body><article>${paragraph.repeat(Math.ceil(5_000_000 / paragraph.length))}</article></body></html>`);
}

async function corpusRows(): Promise<{ page: Page; titles: string[] }> {
  const page = await browser.openExtensionPage('corpus.html');
  await page.setViewportSize({ width: 1200, height: 800 });
  await page.getByTestId('article-row').first().waitFor();
  const titles = await page.getByTestId('article-row').locator('td:first-child button').allTextContents();
  return { page, titles };
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const specialDir = mkdtempSync(join(tmpdir(), 'recoupe-pages-'));
  for (const name of ['section-front.html', 'empty.html']) {
    copyFileSync(resolve('tests/e2e/pages', name), join(specialDir, name));
  }
  writeHugePage(specialDir);
  seeds = await servePages(resolve('corpus/pages'));
  special = await servePages(specialDir);
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await seeds?.close();
  await special?.close();
});

describe('a person reading a seed article', () => {
  it('sees the extracted article in the panel, saves it, and finds it in the corpus', async () => {
    const { panel } = await browser.openWithPanel(`${seeds.url}/000_492f0f67598950be.html`);
    await expect.poll(() => panel.getByTestId('title').textContent()).toBe(SEED_TITLE);
    expect(await panel.getByTestId('facts').textContent()).toContain('French');
    expect(await panel.getByTestId('stats').textContent()).toMatch(/\d+ words · \d+ paragraphs/);
    await panel.screenshot({ path: join(ARTIFACTS, 'sidepanel-article.png'), fullPage: true });

    await panel.getByTestId('save').click();
    await expect.poll(() => panel.getByTestId('save-status').textContent()).toBe('Saved to your corpus.');

    // The samples were put in place on install; the saved page joins them.
    const { page: corpus, titles } = await corpusRows();
    expect(titles).toContain(SEED_TITLE);
    expect(titles.length).toBe(6);
    await corpus.screenshot({ path: join(ARTIFACTS, 'corpus.png'), fullPage: true });

    // The search reads the texts too: Kerry is named in the texts of samples 001, 003 and 004.
    await corpus.getByTestId('search').fill('Kerry');
    await expect.poll(() => corpus.getByTestId('article-row').count()).toBe(3);
  });

  it('sees the AFP wire copy of the same event compared: same-event list, shared quotes, shared passages', async () => {
    const { article, panel } = await browser.openWithPanel(`${seeds.url}/001_efc4fda914ae2fdd.html`);
    const same = panel.getByTestId('same-event');
    await same.waitFor({ timeout: 60_000 });
    // Its own sample copy first, then the RT France article on the same call (the page saved by
    // the first test, and its sample); 002, a call three months earlier, is only related.
    const sameEvent = await same.locator('li').allTextContents();
    expect(sameEvent).toHaveLength(3);
    expect(sameEvent[0]).toContain('AFP (republished)');
    expect(sameEvent.slice(1)).toEqual([expect.stringContaining(SEED_TITLE), expect.stringContaining(SEED_TITLE)]);
    expect(await panel.getByTestId('related').textContent()).toContain('Poutine et Obama réaffirment leur volonté');
    // Both Kremlin quotations are carried, word for word, by the RT France versions too.
    const quotes = panel.getByTestId('shared-quote');
    const kremlin = quotes.filter({ hasText: 'Les deux parties ont confirmé' });
    expect(await kremlin.locator('.rel-exact').count()).toBe(3);
    expect(await quotes.filter({ hasText: 'Vladimir Poutine a appelé son interlocuteur' }).locator('.rel-exact').count()).toBe(3);
    await expect.poll(() => panel.getByTestId('coverage').textContent()).toMatch(/^\d+% of this article also appears in \d+ stored articles?\.$/);
    // Framing beside the RT France version: actors named by each, who speaks, what each leaves out.
    expect(await panel.getByTestId('framing-actors').count()).toBe(1);
    expect(await panel.getByTestId('framing-sources').textContent()).toMatch(/Only here: .*Kerry/);
    await panel.screenshot({ path: join(ARTIFACTS, 'sidepanel-comparison.png'), fullPage: true });
    await panel.getByTestId('framing').screenshot({ path: join(ARTIFACTS, 'sidepanel-framing.png') });
    await panel.screenshot({ path: join(ARTIFACTS, 'sidepanel-comparison-top.png') });
    // What only one version mentions: each statement with what the other never names marked (Kerry's trip is only in 001).
    const omissions = panel.getByTestId('framing-omissions');
    await omissions.locator('summary').click();
    expect(await omissions.locator('mark').allTextContents()).toContain('John Kerry');
    await omissions.screenshot({ path: join(ARTIFACTS, 'sidepanel-omissions.png') });

    // The shared passages are painted in the page (where its scripts cannot read them); turning it off clears them.
    const highlighted = async () => (await paintedCounts(browser, article)).passage;
    await expect.poll(highlighted).toBeGreaterThan(0);
    await article.screenshot({ path: join(ARTIFACTS, 'page-highlighted.png') });
    await panel.getByTestId('highlight-toggle').uncheck();
    await expect.poll(highlighted).toBe(0);

    // A click on a quotation outlines it in the page.
    await kremlin.locator('button.evidence').click();
    await expect.poll(async () => (await paintedIn(browser, article))?.focus.join(' ') ?? '').toMatch(/^Les deux parties ont confirmé leur volonté/);
  });

  it('updates the stored copy when the same page is saved again', async () => {
    const { panel } = await browser.openWithPanel(`${seeds.url}/000_492f0f67598950be.html`);
    await expect.poll(() => panel.getByTestId('save-status').textContent()).toBe('✓ In your corpus');
    await panel.getByTestId('save').click();
    await expect.poll(() => panel.getByTestId('save-status').textContent()).toBe('Updated in your corpus.');
    expect((await corpusRows()).titles.length).toBe(6);
  });
});

describe('pages that are not articles get a clear state, and the corpus is untouched', () => {
  it.each([
    ['a section front page', 'section-front.html', 'not-article', null],
    ['an empty page', 'empty.html', 'unavailable', 'empty'],
    ['a 5 MB page', 'huge.html', 'unavailable', 'too-large'],
  ])('%s', async (_name, file, testId, reason) => {
    const { panel } = await browser.openWithPanel(`${special.url}/${file}`);
    const state = panel.getByTestId(testId);
    await state.waitFor({ timeout: 60_000 });
    if (reason) expect(await state.getAttribute('data-reason')).toBe(reason);
    await panel.screenshot({ path: join(ARTIFACTS, `sidepanel-${file.replace('.html', '')}.png`), fullPage: true });
    expect((await corpusRows()).titles.length).toBe(6);
  });
});
