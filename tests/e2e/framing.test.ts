/**
 * End to end: the framing section of the panel on two same-event pairs read from the shared
 * fixtures (written to a temporary folder as pages, never into the repository): an English BASIL
 * pair (Fox News and The New York Times on the same day) and a French gilets-jaunes pair (Le Temps
 * and the Tribune de Genève, tests/expected/match `same`). One version is saved from the panel, then the other is opened:
 * the framing beside the saved version is what lib/framing/view.ts shows, the rest behind "more",
 * and the section is screenshot to tests/artifacts/ to be looked at.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servePages } from '../../scripts/serve-pages';
import { giletsJaunesByUrl, readBasil } from '../support/corpora';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium-extension';

const ARTIFACTS = resolve('tests/artifacts');
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A news page for one article: its title, date and paragraphs, as a site would serve it. */
function writePage(dir: string, file: string, lang: string, title: string, date: string, site: string, text: string): void {
  // The gilets-jaunes texts are one block each: cut them into paragraphs of three sentences, as a site would show them.
  const sentences = text.split(/\n\n+|(?<=[.!?»])\s*(?=[«\p{Lu}])/u).filter((p) => p.trim());
  const paragraphs = /\n\n/u.test(text) ? text.split(/\n\n+/u).filter((p) => p.trim()) : Array.from({ length: Math.ceil(sentences.length / 3) }, (_, i) => sentences.slice(3 * i, 3 * i + 3).join(' '));
  writeFileSync(
    join(dir, file),
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escape(title)}</title><meta property="og:type" content="article"><meta property="og:site_name" content="${escape(site)}">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":${JSON.stringify(title)},"datePublished":"${date}"}</script>
</head><body><article><h1>${escape(title)}</h1>
${paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n')}</article></body></html>`,
  );
}

let browser: ExtensionBrowser;
let pages: { url: string; close(): Promise<void> };

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'recoupe-framing-'));
  const basil = new Map(readBasil().map((a) => [a.id, a]));
  for (const [file, id] of [['en-page.html', '0ffb34cd-c367-4d90-aca7-7fcac3ed8f3d_1'], ['en-other.html', '0ffb34cd-c367-4d90-aca7-7fcac3ed8f3d_3']] as const) {
    const a = basil.get(id)!;
    writePage(dir, file, 'en', a.title, a.date, a.source.toUpperCase(), a.text);
  }
  const gj = giletsJaunesByUrl();
  const french = [
    ['fr-page.html', 'https://www.letemps.ch/monde/gouvernement-italien-soutient-gilets-jaunes', 'Le Temps', 'Le gouvernement italien soutient les gilets jaunes'],
    ['fr-other.html', 'https://www.tdg.ch/monde/gouvernement-italien-admire-gilets-jaunes/story/29217735', 'Tribune de Genève', 'Le gouvernement italien admire les gilets jaunes'],
  ] as const;
  for (const [file, url, site, title] of french) writePage(dir, file, 'fr', title, '2019-01-08', site, gj.get(url)!.text);
  pages = await servePages(dir);
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await pages?.close();
});

describe('the framing section on same-event pairs', () => {
  it.each([
    ['English (BASIL)', 'en', /immigrants|conservative/u],
    ['French (gilets jaunes)', 'fr', /Qui parle|Who speaks/u],
  ])('%s: shows what differs, a handful before "more", beside the saved version', async (_, lang, expected) => {
    const saved = await browser.openWithPanel(`${pages.url}/${lang}-other.html`);
    await expect.poll(() => saved.panel.getByTestId('save').isVisible(), { timeout: 30_000 }).toBe(true);
    await saved.panel.getByTestId('save').click();
    await expect.poll(() => saved.panel.getByTestId('save-status').textContent(), { timeout: 30_000 }).toMatch(/Saved/u);
    await saved.article.close();
    await saved.panel.close();

    const { panel } = await browser.openWithPanel(`${pages.url}/${lang}-page.html`);
    await panel.getByTestId('comparison').waitFor({ timeout: 60_000 });
    const framing = panel.getByTestId('framing');
    await framing.waitFor({ timeout: 60_000 });
    expect(await framing.textContent()).toMatch(expected);
    // At most a handful of rows of each kind before "more".
    for (const kind of ['actor-row', 'word-choice-item', 'scare-quote-item']) {
      const shown = await panel.locator(`[data-testid="framing"] > div [data-testid="${kind}"]:not(details [data-testid="${kind}"])`).count();
      expect(shown, kind).toBeLessThanOrEqual(4);
    }
    await panel.locator('#sec-framing').screenshot({ path: join(ARTIFACTS, `framing-${lang}.png`) });
  });
});
