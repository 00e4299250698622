/**
 * End to end: a quotation the page and a stored version credit to different people. The panel
 * names neither (one attribution is wrong, and the analysis cannot tell which) and says why; a
 * quotation both credit to the same person keeps its speaker. Screenshot in tests/artifacts/.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servePages } from '../../scripts/serve-pages';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium-extension';
import { importPrepared } from '../support/import-prepared';
import { articlePage, copiesFile } from '../support/stall';

const TITLE = 'Mobilisation en baisse pour le huitième samedi de manifestations';
/** An article written for this test, its disputed quotation credited to `name`. */
const article = (name: string) => [
  'La mobilisation a nettement faibli samedi dans toute la France, pour le huitième samedi consécutif de manifestations contre la hausse des prix de l’énergie.',
  'Selon le ministère de l’Intérieur, quelque 32 000 personnes ont défilé dans une centaine de villes, contre près de 50 000 la semaine précédente.',
  `« Si les mesures promises ne sont pas appliquées rapidement, la mobilisation reprendra dès le mois prochain », a déclaré ${name}, qui suit le mouvement depuis ses débuts.`,
  '« Le dialogue est ouvert et chacun doit maintenant prendre ses responsabilités », a affirmé la porte-parole du gouvernement, Claire Vasseur, lors de son point presse.',
  'Des heurts ont opposé en fin de journée quelques dizaines de manifestants aux forces de l’ordre près de la place de la République, à Paris.',
  'Les organisateurs ont appelé à un nouveau rassemblement samedi prochain devant les préfectures, en promettant un cortège pacifique et déclaré.',
].join('\n\n');

let browser: ExtensionBrowser;
let server: { url: string; close(): Promise<void> };

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'recoupe-speakers-'));
  writeFileSync(join(dir, 'page.html'), articlePage(TITLE, article('le sondeur Jérôme Lenoir').split('\n\n').map((p) => `<p>${p}</p>`).join('\n')));
  server = await servePages(dir);
  browser = await launchWithExtension();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a quotation two versions credit to different people', () => {
  it('names no speaker and says the versions disagree; an agreed speaker stays', async () => {
    const corpus = await browser.openExtensionPage('corpus.html');
    // Compared once the background has prepared them (their features are computed after the import).
    expect(await importPrepared(corpus, 'version.jsonl', copiesFile(TITLE, article('l’économiste Paul Marceau'), 1))).toMatchObject({ added: 1 });

    const { panel } = await browser.openWithPanel(`${server.url}/page.html`);
    const quotes = panel.getByTestId('shared-quote');
    await quotes.first().waitFor({ timeout: 60_000 });
    expect(await quotes.count()).toBe(2);
    const disputed = quotes.filter({ hasText: 'Si les mesures promises' });
    expect(await disputed.getByTestId('speakers-differ').textContent()).toBe('The versions credit these words to different people: none is named here.');
    expect(await disputed.textContent()).not.toMatch(/Lenoir|Marceau/u);
    const agreed = quotes.filter({ hasText: 'Le dialogue est ouvert' });
    expect(await agreed.locator('.meta').first().textContent()).toBe('— porte-parole du gouvernement, Claire Vasseur');
    expect(await agreed.getByTestId('speakers-differ').count()).toBe(0);

    mkdirSync(resolve('tests/artifacts'), { recursive: true });
    await panel.screenshot({ path: resolve('tests/artifacts/panel-speakers-differ.png'), fullPage: true });
  }, 120_000);
});
