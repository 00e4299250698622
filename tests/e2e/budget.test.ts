/**
 * End to end: a comparison past its time budget (issue 20, "Bounded analysis"). The budget
 * counts from the request's start; a test hook on the background (`recoupeTestBudgetMs`, which can
 * only shorten it: entrypoints/background/compare-page.ts) sets it to a millisecond, spent before
 * the comparison begins. The panel still lists the stored versions, and says in the reader's
 * language what it left out: every listed article not compared in detail, the framing, the wire
 * and the timeline. Screenshots (English, French) go to tests/artifacts/ to be looked at.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servePages } from '../../scripts/serve-pages';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium-extension';

const ARTIFACTS = resolve('tests/artifacts');
const SEED_000 = '000_492f0f67598950be.html';

let seeds: { url: string; close(): Promise<void> };
let opened = 0;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  seeds = await servePages(resolve('corpus/pages'));
});
afterAll(async () => {
  await seeds?.close();
});

/** Seed 000 with its panel, once compared; each time under its own address (the panel is pinned to the first tab showing it). */
async function compareSeed(browser: ExtensionBrowser) {
  const { panel, article } = await browser.openWithPanel(`${seeds.url}/${SEED_000}?open=${++opened}`);
  await panel.getByTestId('comparison').waitFor({ timeout: 60_000 });
  return { panel, article };
}

/** Sets the background's test budget (undefined: the real one). */
async function setBudget(browser: ExtensionBrowser, ms: number | undefined) {
  await (await browser.serviceWorker()).evaluate((v) => {
    (globalThis as { recoupeTestBudgetMs?: number }).recoupeTestBudgetMs = v;
  }, ms);
}

describe.each([
  {
    locale: 'en',
    spent: /^Recoupe stopped this comparison at its time limit \(0\.001 s\): what is shown holds but may be incomplete\. (\d+) listed articles not compared in detail\. The framing was not compared\. Wire copy and who published first not shown: a same-event article was not read\.$/,
    framing: 'The framing was not compared: the comparison reached its time limit.',
  },
  {
    locale: 'fr',
    spent: /^Recoupe a arrêté cette comparaison à sa limite de temps \(0,001 s\) : ce qui est affiché reste valable mais peut être incomplet\. (\d+) articles listés non comparés en détail\. Le cadrage n’a pas été comparé\. Dépêche d’agence et premier à publier non affichés : un article sur le même événement n’a pas été lu\.$/,
    framing: 'Le cadrage n’a pas été comparé : la comparaison a atteint sa limite de temps.',
  },
])('a comparison past its budget, in $locale', ({ locale, spent, framing }) => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension({ locale });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lists the stored versions and says what it left out; with the real budget, says nothing of it', async () => {
    // First with the real budget: the analysis worker started, the page's features kept.
    const full = await compareSeed(browser);
    const same = await full.panel.getByTestId('same-event').locator('li').count();
    const related = await full.panel.getByTestId('related').locator('li').count();
    expect(same).toBe(2);
    expect(await full.panel.getByTestId('budget-spent').count()).toBe(0);
    expect(await full.panel.getByTestId('shared-quotes').count()).toBe(1);

    await setBudget(browser, 1);
    const { panel } = await compareSeed(browser);
    // The lists as before, nothing compared, and each part left out said.
    expect(await panel.getByTestId('same-event').locator('li').count()).toBe(same);
    expect(await panel.getByTestId('related').locator('li').count()).toBe(related);
    const line = (await panel.getByTestId('budget-spent').textContent()) ?? '';
    expect(line).toMatch(spent);
    expect(Number(spent.exec(line)![1])).toBe(same + related);
    expect(await panel.getByTestId('framing-none').textContent()).toBe(framing);
    for (const absent of ['shared-quotes', 'shared-passages', 'wire', 'timeline']) expect(await panel.getByTestId(absent).count()).toBe(0);
    await panel.screenshot({ path: join(ARTIFACTS, `sidepanel-budget-${locale}.png`), fullPage: true });
    await setBudget(browser, undefined);
  });
});
