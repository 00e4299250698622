/**
 * End to end, in Chromium: pages the article test used to refuse get a comparison, and the page
 * debris between two paragraphs of a shared passage is never painted. One local news story,
 * written for this test (no fixture text), is stored; then the panel opens on the same story
 * written in one block, on a short news item with article metadata, and on a copy with an aside
 * and an advert label between two paragraphs; a page without article metadata says why it is
 * not an article and is compared on request. What is highlighted is read from the extension's
 * isolated world of the tab (tests/e2e/painted.ts), as tests/e2e/highlights.test.ts does.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servePages } from '../../scripts/serve-pages';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium-extension';
import { paintedIn } from './painted';

const TITLE = 'Valmont : la piscine couverte sera entièrement rénovée à partir du printemps';

/** The story, paragraph by paragraph (about 620 words). */
const STORY = [
  'Le conseil municipal de Valmont a voté mardi soir, à une large majorité, la rénovation complète de la piscine couverte de la ville, fermée au public depuis maintenant deux ans après la découverte de fissures dans le grand bassin. Le projet, présenté par l’adjointe aux sports, prévoit de reconstruire entièrement les vestiaires, de remplacer la toiture et de créer un petit bassin destiné aux cours de natation des écoliers de la commune et des villages voisins.',
  'Le chantier doit commencer au printemps et durer dix-huit mois, selon le calendrier présenté aux élus. Le coût des travaux est estimé à quatre millions d’euros, dont la moitié sera financée par la région et le département, le reste par un emprunt de la commune sur vingt ans. Plusieurs élus de l’opposition ont voté contre, estimant que le plan de financement reposait sur des subventions qui ne sont pas encore garanties par écrit.',
  'Pendant la durée des travaux, les nageurs devront se rendre à la piscine de Saint-Rémy, à douze kilomètres, où la direction a accepté d’ouvrir des créneaux supplémentaires le soir et le dimanche matin. Une navette gratuite reliera les deux villes le mercredi et le samedi, au départ de la place de la mairie. Les clubs de natation et de plongée conserveront leurs entraînements, mais à des horaires décalés qui ne conviennent pas à tous leurs adhérents.',
  'Le président du club de natation, qui compte près de trois cents licenciés, a salué une décision attendue depuis longtemps, tout en regrettant que les associations n’aient pas été consultées sur le choix des équipements. Il demande notamment que le nouveau bassin compte huit couloirs au lieu de six, afin de pouvoir accueillir des compétitions régionales. La municipalité a répondu que cette option serait étudiée avec l’architecte, sans dépasser l’enveloppe votée.',
  'Le maire a rappelé devant le conseil que le bâtiment, construit en 1974, ne répondait plus depuis des années aux normes d’accessibilité ni aux exigences actuelles d’isolation. La facture de chauffage de l’ancienne piscine représentait à elle seule près d’un dixième du budget énergétique de la ville. Le nouveau projet prévoit une pompe à chaleur et des panneaux solaires sur la toiture, qui devraient diviser par trois la consommation d’énergie du site.',
  'Les premiers appels d’offres seront publiés dans les prochaines semaines, et les entreprises auront deux mois pour répondre. La commune souhaite retenir en priorité des artisans et des entreprises de la région, dans la limite de ce que permettent les règles de la commande publique. Une réunion publique sera organisée en mars dans la salle des fêtes pour présenter les plans aux habitants et recueillir leurs remarques avant le début du chantier.',
  'Dans les quartiers proches de la piscine, certains riverains s’inquiètent déjà des nuisances du chantier, en particulier du passage des camions dans des rues étroites où se trouvent deux écoles. La mairie promet un plan de circulation provisoire et des horaires de livraison limités aux heures où les élèves sont en classe. Un médiateur sera désigné pour recevoir les plaintes des habitants pendant toute la durée des travaux.',
  'Si le calendrier est tenu, la nouvelle piscine devrait ouvrir ses portes à l’automne de l’année suivante, à temps pour la rentrée des écoles. Les tarifs d’entrée resteront inchangés la première année, a assuré le maire, qui espère attirer aussi les habitants des communes voisines privées de bassin. Le conseil municipal se prononcera en juin sur le nom du futur équipement, après une consultation ouverte aux élèves des écoles de la ville.',
];

const ASIDE = 'À lire aussi : Saint-Rémy agrandit les vestiaires de sa piscine municipale';
const AD = 'Publicité';

const OG = '<meta property="og:type" content="article">';
const NEWS_LD = `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"${TITLE}","datePublished":"2025-03-11T18:00:00+01:00"}</script>`;

function html(head: string, body: string): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${TITLE}</title>${head}</head><body><header><nav><a href="/">Accueil</a> <a href="/region">Région</a></nav></header>${body}</body></html>`;
}

/** The short news item: the story's first sentences, about 148 words. */
function brief(): string {
  const words = STORY.slice(0, 2).join(' ').split(' ').slice(0, 148).join(' ');
  return `${words.replace(/[,;:]?$/, '')}.`;
}

const PAGES = {
  stored: 'valmont-la-piscine-couverte-sera-renovee.html',
  oneBlock: 'valmont-piscine-renovee-article-en-un-seul-bloc.html',
  brief: 'valmont-breve-la-piscine-sera-renovee.html',
  aside: 'valmont-piscine-renovee-avec-encadre-et-publicite.html',
  bare: 'valmont-notes-sur-la-piscine-sans-metadonnees.html',
} as const;

function writePages(dir: string): void {
  const paragraphs = (list: string[]) => list.map((p) => `<p>${p}</p>`).join('\n');
  writeFileSync(join(dir, PAGES.stored), html(OG + NEWS_LD, `<article><h1>${TITLE}</h1>\n${paragraphs(STORY)}</article>`));
  writeFileSync(join(dir, PAGES.oneBlock), html(OG, `<main><h1>${TITLE}</h1><p>${STORY.join(' ')}</p></main>`));
  writeFileSync(join(dir, PAGES.brief), html(OG + NEWS_LD, `<article><h1>${TITLE}</h1><p>${brief()}</p></article>`));
  // Two paragraphs and nothing that says article: no metadata, no date.
  writeFileSync(join(dir, PAGES.bare), `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Notes</title></head><body><div>${paragraphs(STORY.slice(0, 2))}</div></body></html>`);
  writeFileSync(
    join(dir, PAGES.aside),
    html(
      OG + NEWS_LD,
      `<article><h1>${TITLE}</h1>\n${paragraphs(STORY.slice(0, 2))}
<aside id="aside"><a href="/saint-remy-vestiaires">${ASIDE}</a></aside>
<div id="ad" class="ad-label">${AD}</div>
${paragraphs(STORY.slice(2))}</article>`,
    ),
  );
}

let browser: ExtensionBrowser;
let pages: { url: string; close(): Promise<void> };

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'recoupe-every-article-'));
  writePages(dir);
  pages = await servePages(dir);
  browser = await launchWithExtension();
  // The story is stored first: every other page is compared with it.
  const { article, panel } = await browser.openWithPanel(`${pages.url}/${PAGES.stored}`);
  await panel.getByTestId('save').click();
  await panel.getByTestId('save-status').filter({ hasText: /\S/ }).waitFor({ timeout: 30_000 });
  await article.close();
  await panel.close();
});

afterAll(async () => {
  await browser?.close();
  await pages?.close();
});

describe('pages that are articles get a comparison', () => {
  it.each([
    ['the story in one <p> (og:type=article)', PAGES.oneBlock],
    ['a 148-word news item (NewsArticle, og:type=article)', PAGES.brief],
  ])('%s', async (_name, file) => {
    const { article, panel } = await browser.openWithPanel(`${pages.url}/${file}`);
    await panel.getByTestId('comparison').waitFor({ timeout: 60_000 });
    expect(await panel.getByTestId('not-article').count()).toBe(0);
    // The stored story is listed as the same event, and the page's text is found in it.
    expect(await panel.getByTestId('same-event').textContent()).toContain('Valmont');
    await panel.getByTestId('shared-passages').waitFor();
    await article.close();
    await panel.close();
  });
});

describe('a page judged not an article', () => {
  it('says why in plain words, and is compared when the reader asks', async () => {
    const { article, panel } = await browser.openWithPanel(`${pages.url}/${PAGES.bare}`);
    await panel.getByTestId('not-article').waitFor({ timeout: 60_000 });
    const reasons = await panel.getByTestId('not-article-reasons').locator('li').allTextContents();
    expect(reasons).toEqual(['Nothing on the page says it is an article: no article description, no publication date, little running text.']);
    expect(await panel.getByTestId('not-article').textContent()).not.toMatch(/score|>=|prose paragraphs/);
    expect(await panel.getByTestId('comparison').count()).toBe(0);
    await panel.getByTestId('compare-anyway').click();
    await panel.getByTestId('shared-passages').waitFor({ timeout: 60_000 });
    expect(await panel.getByTestId('same-event').textContent()).toContain('Valmont');
    await article.close();
    await panel.close();
  });
});

describe('highlights follow the extracted text', () => {
  it('a passage over two paragraphs with an aside and an advert between them paints the paragraphs, never the aside or the advert', async () => {
    const { article, panel } = await browser.openWithPanel(`${pages.url}/${PAGES.aside}`);
    await panel.getByTestId('shared-passages').waitFor({ timeout: 60_000 });
    await panel.getByTestId('highlight-status').waitFor();
    // The painted words, paragraph by paragraph: each story paragraph is in them, the aside and the advert are not.
    const passages = (await paintedIn(browser, article))?.passage ?? [];
    const inPainted = (text: string) => passages.some((p) => p.replace(/\s+/g, ' ').includes(text.slice(0, 40)));
    const painted = { ranges: passages.length, aside: inPainted(ASIDE), ad: passages.some((p) => p.includes(AD)), paragraphs: STORY.map(inPainted) };
    expect(painted.ranges).toBeGreaterThanOrEqual(2);
    await article.close();
    await panel.close();
  });
});
