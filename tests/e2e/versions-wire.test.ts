/**
 * Whose wire it is and what changed since it was saved, end to end in Chromium: seed 001 (an AFP
 * dispatch) served by three outlets with the agency's signature "(AFP)" at its end; two copies
 * saved, the third read in the panel shows the wire line, the one group with its outlets, and the
 * counts of independent reports and reprints. The saved copy served again with edited text shows "changed since you saved it" with
 * the edited word marked, and the corpus page lists its two versions; served behind a consent
 * wall, it is a failed read that stores nothing.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servePages } from '../../scripts/serve-pages';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium-extension';

const ARTIFACTS = resolve('tests/artifacts');
const seed001 = readFileSync(resolve('corpus/pages/001_efc4fda914ae2fdd.html'), 'utf8');
const LAST = 'poussé à la fuite des millions de personnes.';
/** The dispatch as an outlet runs it: its own name, the agency's signature closing the text. */
const outlet = (name: string) => seed001.replaceAll('Le Quotidien Exemple', name).replace(LAST, `${LAST} (AFP)`);
/** The same page after its outlet edited it: a new headline, one word changed, one paragraph added. */
const edited = (html: string) => html
  .replaceAll('Dépêche AFP', 'Syrie : Poutine et Obama veulent renforcer leur coordination militaire')
  .replace('Le président Poutine a également appelé', 'Le président Poutine a aussi appelé')
  .replace('<p>Selon la Maison Blanche', '<p>Le Kremlin a publié dans la soirée un compte rendu détaillé de cet entretien téléphonique, le premier depuis avril.</p><p>Selon la Maison Blanche');
const consentWall = '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Avant de continuer</title></head><body><h1>Nous respectons votre vie privée</h1><p>Acceptez les cookies pour continuer vers le site.</p><button>Accepter</button></body></html>';

let browser: ExtensionBrowser;
let site: { url: string; close(): Promise<void> };
let dir: string;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'recoupe-versions-'));
  writeFileSync(join(dir, 'tribune.html'), outlet('La Tribune Exemple'));
  writeFileSync(join(dir, 'courrier.html'), outlet('Le Courrier Exemple'));
  writeFileSync(join(dir, 'echo.html'), outlet("L'Écho Exemple"));
  site = await servePages(dir);
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('wire copy and versions in the panel', () => {
  it('an AFP dispatch carried by three outlets: the wire line, the group once with its outlets, and the counts', async () => {
    for (const page of ['tribune.html', 'courrier.html']) {
      const saved = await browser.openWithPanel(`${site.url}/${page}`);
      await expect.poll(() => saved.panel.getByTestId('save').isEnabled(), { timeout: 30_000 }).toBe(true);
      await saved.panel.getByTestId('save').click();
      await expect.poll(() => saved.panel.getByTestId('save-status').textContent(), { timeout: 30_000 }).toBe('Saved to your corpus.');
      await saved.article.close();
      await saved.panel.close();
    }

    const { panel } = await browser.openWithPanel(`${site.url}/echo.html`);
    await expect.poll(() => panel.getByTestId('wire-page').textContent(), { timeout: 60_000 }).toMatch(/^AFP wire copy, \d+% of this article$/);
    const share = Number(/(\d+)%/.exec((await panel.getByTestId('wire-page').textContent())!)![1]);
    expect(share).toBeGreaterThanOrEqual(90);
    const groups = await panel.getByTestId('wire-group').allTextContents();
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatch(/^AFP text carried by: this page · /);
    for (const name of ['La Tribune Exemple', 'Le Courrier Exemple']) expect(groups[0]).toContain(name);
    // The three copies are one report: the others on the same event (the samples' RT France and AFP republished) are the rest.
    expect(await panel.getByTestId('wire-counts').textContent()).toBe('3 independent reports, 3 reprints of AFP');
    await panel.getByTestId('wire').scrollIntoViewIfNeeded();
    await panel.screenshot({ path: join(ARTIFACTS, 'wire-panel.png'), fullPage: true });
    await panel.getByTestId('wire').screenshot({ path: join(ARTIFACTS, 'wire-section.png') });
    await panel.getByTestId('timeline').screenshot({ path: join(ARTIFACTS, 'timeline-section.png') });
  });

  it('the saved page edited by its outlet: changed since you saved it, the edited word marked; two versions in the corpus page', async () => {
    writeFileSync(join(dir, 'tribune.html'), edited(outlet('La Tribune Exemple')));
    const { article, panel } = await browser.openWithPanel(`${site.url}/tribune.html`);
    await expect.poll(() => panel.getByTestId('changed-since').isVisible(), { timeout: 60_000 }).toBe(true);
    const line = await panel.getByTestId('changed-since').locator('p').first().textContent();
    expect(line).toMatch(/^Changed since you saved it on .+: headline rewritten, 1 sentence edited, 1 paragraph added\.$/);
    await panel.getByTestId('changed-since').locator('summary').first().click();
    const editedChange = panel.locator('[data-testid="version-change"][data-kind="edited"]');
    expect(await editedChange.locator('del').allTextContents()).toEqual([expect.stringMatching(/également/)]);
    expect(await editedChange.locator('ins').allTextContents()).toEqual([expect.stringMatching(/aussi/)]);
    await panel.screenshot({ path: join(ARTIFACTS, 'versions-panel.png'), fullPage: true });
    await panel.getByTestId('changed-since').screenshot({ path: join(ARTIFACTS, 'versions-changed-since.png') });

    const corpus = await browser.openExtensionPage('corpus.html');
    await corpus.setViewportSize({ width: 1200, height: 900 });
    const row = corpus.locator(`[data-testid="article-row"][data-url="${site.url}/tribune.html"]`);
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(1);
    await row.getByTestId('row-title').click();
    await expect.poll(() => corpus.getByTestId('versions').locator('[data-testid="version-list"] li').count(), { timeout: 20_000 }).toBe(2);
    await expect.poll(() => corpus.getByTestId('version-summary').textContent()).toBe('headline rewritten, 1 sentence edited, 1 paragraph added');
    expect(await corpus.getByTestId('versions').locator('del').allTextContents()).toContainEqual(expect.stringMatching(/également/));
    await corpus.getByTestId('versions').screenshot({ path: join(ARTIFACTS, 'versions-corpus.png') });
    await corpus.close();
    await article.close();
    await panel.close();
  });

  it('a consent wall at the same address: a failed read, and no third version', async () => {
    writeFileSync(join(dir, 'tribune.html'), consentWall);
    const { panel } = await browser.openWithPanel(`${site.url}/tribune.html`);
    await expect.poll(() => panel.getByTestId('failed-read').textContent(), { timeout: 60_000 }).toMatch(/failed read: no version was stored/);
    await panel.screenshot({ path: join(ARTIFACTS, 'versions-failed-read.png'), fullPage: true });
    const corpus = await browser.openExtensionPage('corpus.html');
    const row = corpus.locator(`[data-testid="article-row"][data-url="${site.url}/tribune.html"]`);
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(1);
    await row.getByTestId('row-title').click();
    await expect.poll(() => corpus.getByTestId('versions').locator('[data-testid="version-list"] li').count(), { timeout: 20_000 }).toBe(2);
  });
});
