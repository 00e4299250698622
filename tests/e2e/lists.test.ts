/**
 * End to end: from the side panel's lists to the evidence and back, on seed 000 (RT France) with
 * the five samples stored. A listed article opens side by side with the page in the corpus
 * manager; "not the same event" takes it out of the list and out of the page's story in the
 * Stories view, still after the panel is reloaded; undo (in place, or from the hidden articles)
 * brings it back. Screenshots go to tests/artifacts/ to be looked at.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { servePages } from '../../scripts/serve-pages';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium-extension';

const ARTIFACTS = resolve('tests/artifacts');
const SEED_000 = '000_492f0f67598950be.html';
const AFP = 'AFP (republished)';
const TITLE = 'Poutine et Obama se sont accordés pour intensifier leur coordination militaire en Syrie';

let browser: ExtensionBrowser;
let seeds: { url: string; close(): Promise<void> };
let article: Page;
let panel: Page;
/** The AFP wire's stored id (from the side-by-side address). */
let afpId: number;

const sameEvent = () => panel.getByTestId('same-event').locator('li');
const afpItem = () => panel.getByTestId('same-event').locator('li', { hasText: AFP });
const comparison = () => panel.getByTestId('comparison').waitFor({ timeout: 60_000 });

/** The ids of the stories holding `id`, as the corpus manager's Stories view lists them. */
async function storyMates(id: number): Promise<number[]> {
  const corpus = await browser.openExtensionPage('corpus.html');
  await corpus.getByTestId('view-stories').click();
  await corpus.getByTestId('stories-summary').waitFor({ timeout: 60_000 });
  const stories = corpus.getByTestId('story');
  const mates: number[] = [];
  for (let i = 0; i < await stories.count(); i++) {
    const ids = (await stories.nth(i).getByTestId('story-article').evaluateAll((els) => els.map((el) => Number((el as HTMLElement).dataset.id))));
    if (ids.includes(id)) mates.push(...ids.filter((x) => x !== id));
  }
  await corpus.close();
  return mates;
}

/** The stored id of the page, once saved. */
const pageId = () => panel.evaluate(async (url) => {
  const reply = await (globalThis as any).chrome.runtime.sendMessage({ type: 'corpus/search' });
  return (reply.value.articles as { id: number; url: string }[]).find((a) => a.url === url)!.id;
}, article.url());

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  seeds = await servePages(resolve('corpus/pages'));
  browser = await launchWithExtension();
  ({ article, panel } = await browser.openWithPanel(`${seeds.url}/${SEED_000}`));
  await comparison();
});

afterAll(async () => {
  await browser?.close();
  await seeds?.close();
});

describe('a listed stored article', () => {
  it('opens side by side with the page, from the keyboard: the page as read in its tab, the article, what they share marked in both', async () => {
    expect(await sameEvent().count()).toBe(2);
    const open = afpItem().getByTestId('open-side-by-side');
    expect(await open.getAttribute('aria-label')).toMatch(/^Read “.*” side by side with this page$/);
    await panel.setViewportSize({ width: 420, height: 1400 });
    await panel.getByTestId('same-event').screenshot({ path: join(ARTIFACTS, 'sidepanel-list-actions.png') });

    await open.focus();
    const opened = browser.context.waitForEvent('page');
    await panel.keyboard.press('Enter');
    const sbs = await opened;
    await sbs.setViewportSize({ width: 1280, height: 900 });
    const address = new URL(sbs.url());
    expect(address.pathname).toBe('/corpus.html');
    expect(Number(address.searchParams.get('tab'))).toBe(await browser.tabIdOf(article.url()));
    afpId = Number(address.searchParams.get('with'));
    expect(afpId).toBeGreaterThan(0);

    const [a, b] = [sbs.getByTestId('column-a'), sbs.getByTestId('column-b')];
    await b.waitFor({ timeout: 60_000 });
    expect(await sbs.getByTestId('column-a-note').textContent()).toBe('This page, as read in its tab');
    expect(await a.locator('h2').textContent()).toBe(TITLE);
    expect(await b.locator('.meta').first().textContent()).toContain(AFP);
    // Both texts, whole, with the quotations they share marked on both sides under one number.
    expect((await a.locator('p').allTextContents()).join(' ').length).toBeGreaterThan(1000);
    expect((await b.locator('p').allTextContents()).join(' ').length).toBeGreaterThan(1000);
    const pairs = (col: typeof a) => col.locator('mark.shared-quote').evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.pairs).sort());
    expect((await pairs(a)).length).toBeGreaterThanOrEqual(2);
    expect(await pairs(b)).toEqual(await pairs(a));
    expect(await sbs.getByTestId('sbs-summary').textContent()).toMatch(/^\d+ shared quotations · \d+ shared passages?/);
    await sbs.screenshot({ path: join(ARTIFACTS, 'side-by-side-page.png') });
    await sbs.close();
  });
});

describe('"not the same event"', () => {
  it('takes the article out of the list and out of the page\'s story, after a reload too; undo in place brings it back', async () => {
    await panel.getByTestId('save').click();
    await expect.poll(() => panel.getByTestId('save-status').textContent()).toMatch(/Saved to your corpus\.|In your corpus/);
    await comparison();
    const page = await pageId();
    expect(await storyMates(page)).toContain(afpId);

    const mark = afpItem().getByTestId('keep-apart');
    expect(await mark.textContent()).toBe('Not the same event');
    await mark.focus();
    await panel.keyboard.press('Enter');
    // The undo stays in place, where the article was, with the focus on it.
    const undo = afpItem().getByTestId('undo-apart');
    await undo.waitFor();
    await comparison();
    await expect.poll(() => afpItem().getByTestId('kept-apart-line').textContent()).toMatch(/marked by you as not the same event/);
    await expect.poll(() => panel.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid)).toBe('undo-apart');
    await expect.poll(() => panel.getByTestId('header-counts').textContent()).toMatch(/^1 stored version of this event/);
    // Its evidence is gone with it.
    expect(await panel.getByTestId('shared-quote').locator('.versions > li', { hasText: AFP }).count()).toBe(0);
    await panel.getByTestId('same-event').screenshot({ path: join(ARTIFACTS, 'sidepanel-list-marked.png') });
    expect(await storyMates(page)).not.toContain(afpId);

    // A reload of the panel: the article is no longer listed, and is among those hidden.
    await panel.reload();
    await comparison();
    expect(await sameEvent().allTextContents()).toHaveLength(1);
    expect(await afpItem().count()).toBe(0);
    const hidden = panel.getByTestId('kept-apart');
    expect(await hidden.locator('summary').textContent()).toBe('1 article you marked as not the same event');
    await hidden.locator('summary').click();
    expect(await hidden.getByTestId('kept-apart-item').textContent()).toContain(AFP);
    await hidden.screenshot({ path: join(ARTIFACTS, 'sidepanel-kept-apart.png') });

    // "Show it again": back in the list and in the story.
    await hidden.getByTestId('restore-apart').click();
    await comparison();
    await expect.poll(() => afpItem().count(), { timeout: 60_000 }).toBe(1);
    expect(await afpItem().getByTestId('keep-apart').count()).toBe(1);
    expect(await panel.getByTestId('kept-apart').count()).toBe(0);
    expect(await storyMates(page)).toContain(afpId);

    // Undo in place: mark, then undo at once.
    await afpItem().getByTestId('keep-apart').click();
    await afpItem().getByTestId('undo-apart').click();
    await comparison();
    await expect.poll(() => afpItem().getByTestId('keep-apart').count(), { timeout: 60_000 }).toBe(1);
    await panel.reload();
    await comparison();
    expect(await sameEvent().count()).toBe(2);
    expect(await storyMates(page)).toContain(afpId);
  });
});

describe('the list\'s actions in French', () => {
  let french: ExtensionBrowser;
  beforeAll(async () => {
    french = await launchWithExtension({ locale: 'fr' });
  });
  afterAll(async () => {
    await french?.close();
  });

  it('are labelled in French, their accessible names saying which article', async () => {
    const { panel: fr } = await french.openWithPanel(`${seeds.url}/${SEED_000}?fr`);
    await fr.getByTestId('comparison').waitFor({ timeout: 60_000 });
    const item = fr.getByTestId('same-event').locator('li', { hasText: AFP });
    expect(await item.getByTestId('open-side-by-side').textContent()).toBe('Côte à côte');
    expect(await item.getByTestId('open-side-by-side').getAttribute('aria-label')).toMatch(/^Lire « .* » côte à côte avec cette page$/);
    expect(await item.getByTestId('keep-apart').textContent()).toBe('Pas le même événement');
    expect(await fr.getByTestId('related').getByTestId('keep-apart').first().textContent()).toBe('Sans rapport');
    await item.getByTestId('keep-apart').click();
    await expect.poll(() => item.getByTestId('kept-apart-line').textContent()).toMatch(/marqué par vous comme un autre événement/);
    expect(await item.getByTestId('undo-apart').textContent()).toBe('Annuler');
    await fr.getByTestId('same-event').screenshot({ path: join(ARTIFACTS, 'sidepanel-list-marked-fr.png') });
  });
});
