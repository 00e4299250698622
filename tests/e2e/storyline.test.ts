/**
 * The seeds' storyline end to end in Chromium (issue 17, item 4): with the five samples stored,
 * seed 000 (the 6 July Putin–Obama call) opened in a tab shows in the panel its storyline — the
 * April call (002), the late-June proposal (003), the July call (the page, with its stored copy
 * and the AFP wire 001), Kerry in Moscow (004) — in that order, the page's event marked; the
 * Stories view shows the same storyline for the July call's story. Screenshots of both.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { servePages } from '../../scripts/serve-pages';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium-extension';

const ARTIFACTS = resolve('tests/artifacts');
/** Each event's title, in the order shown: gold.json's E2, E3, E1, E4. */
const EVENTS_IN_ORDER = [/cessez-le-feu/, /nouveau partenariat militaire/, /./, /^Kerry à Moscou/];

let browser: ExtensionBrowser;
let seeds: { url: string; close(): Promise<void> };

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  seeds = await servePages(resolve('corpus/pages'));
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await seeds?.close();
});

async function events(list: Locator) {
  await expect.poll(() => list.getByTestId('storyline-event').count(), { timeout: 60_000 }).toBe(4);
  return list.getByTestId('storyline-event').evaluateAll((items) => items.map((li) => ({
    title: li.querySelector('strong')?.textContent ?? '',
    current: li.getAttribute('data-current') === 'true',
    versions: [...li.querySelectorAll('[data-testid="storyline-version"]')].map((v) => v.textContent ?? ''),
  })));
}

describe('the seeds\' storyline', () => {
  it('in the panel: April call, June proposal, the page\'s July call, Kerry in Moscow', async () => {
    const { panel } = await browser.openWithPanel(`${seeds.url}/000_492f0f67598950be.html`);
    const section = panel.getByTestId('storyline');
    await section.waitFor({ timeout: 60_000 });
    const shown = await events(section);
    shown.forEach((e, i) => expect(e.title).toMatch(EVENTS_IN_ORDER[i]!));
    expect(shown.map((e) => e.current)).toEqual([false, false, true, false]);
    // The July call: the AFP wire (6 July) before the page (7 July), the page's stored copy the same day.
    expect(shown[2]!.versions).toEqual([expect.stringMatching(/^AFP \(republished\) · Jul 6, 2016$/), expect.stringMatching(/^(this page|RT France) · Jul 7, 2016/), expect.stringMatching(/^(this page|RT France) · Jul 7, 2016/)]);
    expect(shown[2]!.versions.some((v) => v.startsWith('this page'))).toBe(true);
    expect(shown[0]!.versions).toEqual([expect.stringMatching(/ · Apr 18, 2016$/)]);
    await section.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: join(ARTIFACTS, 'storyline-panel.png'), fullPage: true });
    await section.screenshot({ path: join(ARTIFACTS, 'storyline-section.png') });
  });

  it('in the Stories view: the July call\'s story shows the same storyline', async () => {
    const corpus = await browser.openExtensionPage('corpus.html');
    await corpus.setViewportSize({ width: 1200, height: 900 });
    await corpus.getByTestId('view-stories').click();
    const story = corpus.getByTestId('story').first();
    await story.waitFor({ timeout: 30_000 });
    expect(await corpus.getByTestId('story').count()).toBe(1);
    await story.getByTestId('storyline-toggle').click();
    const shown = await events(story.getByTestId('story-storyline'));
    shown.forEach((e, i) => expect(e.title).toMatch(EVENTS_IN_ORDER[i]!));
    expect(shown.map((e) => e.current)).toEqual([false, false, true, false]);
    expect(shown.map((e) => e.versions.length)).toEqual([1, 1, 2, 1]);
    await corpus.screenshot({ path: join(ARTIFACTS, 'storyline-stories.png'), fullPage: true });
    await story.screenshot({ path: join(ARTIFACTS, 'storyline-story.png') });
    await corpus.close();
  });
});
