/**
 * End to end: the corpus search while imported articles' words are still to be indexed
 * (extension/storage/words-later.ts). A test hook on the background (`recoupeTestHoldWords`,
 * entrypoints/background/preparation.ts; it can only delay the indexing) holds them, as a slow
 * machine or a large import would: a search answers at once with the articles indexed and says, in
 * the reader's language, how many it did not look in (it used to wait 5 s for them first). Once
 * they are indexed, the page lists again by itself: the same search finds them and says nothing of
 * it. Screenshots (English, French) go to tests/artifacts/ to be looked at.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium-extension';

const ARTIFACTS = resolve('tests/artifacts');

/** Three articles on one pipeline, a word the sample corpus does not have. */
const file = {
  format: 'recoupe-corpus', version: 1, articles: [1, 2, 3].map((i) => ({
    url: `https://journal${i}.example.org/oleoduc`, title: `Le chantier de l’oléoduc reprend (${i})`, site: `Journal ${i}`, language: 'fr',
    publishedTime: '2026-03-10T08:00:00Z', text: `Les travaux de l’oléoduc ont repris lundi dans la vallée, a indiqué l’exploitant.\n\nLes riverains, qui s’y opposent depuis deux ans, ont annoncé un recours (${i}).`,
  })),
};

/** Sets the background's hold on indexing words. */
async function holdWords(browser: ExtensionBrowser, hold: boolean) {
  await (await browser.serviceWorker()).evaluate((v) => {
    (globalThis as { recoupeTestHoldWords?: boolean }).recoupeTestHoldWords = v;
  }, hold);
}

describe.each([
  { locale: 'en', line: '3 imported articles are still being indexed: this search did not look in them yet.' },
  { locale: 'fr', line: '3 articles importés sont encore en cours d’indexation : cette recherche n’y a pas encore cherché.' },
])('a search before the imported articles are indexed, in $locale', ({ locale, line }) => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchWithExtension({ locale });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('says how many it did not look in; once they are indexed, finds them and says nothing of it', async () => {
    const corpus = await browser.openExtensionPage('corpus.html');
    await corpus.setViewportSize({ width: 1280, height: 800 });
    const rows = corpus.getByTestId('article-row');
    // The sample corpus, put in place on install.
    await rows.nth(4).waitFor({ timeout: 30_000 });
    await holdWords(browser, true);
    await corpus.getByTestId('import-input').setInputFiles({ name: 'oleoduc.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await rows.nth(7).waitFor({ timeout: 30_000 });

    const started = Date.now();
    await corpus.getByTestId('search').fill('oléoduc');
    const unindexed = corpus.getByTestId('unindexed');
    await unindexed.waitFor({ timeout: 30_000 });
    // At once: the page's pause in typing (200 ms) and its search, not the 5 s the background used to wait (a loaded machine given 3 s).
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(await unindexed.textContent()).toBe(line);
    expect(await rows.count()).toBe(0);
    await corpus.screenshot({ path: join(ARTIFACTS, `corpus-unindexed-${locale}.png`) });

    // Indexed: listed again by itself, nothing typed.
    await holdWords(browser, false);
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(3);
    expect(await unindexed.count()).toBe(0);
  }, 120_000);
});
