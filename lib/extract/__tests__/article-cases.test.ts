/**
 * Every article read: pages written for this test (no fixture text), one per case the article
 * test used to miss, with the pages it must still refuse. A refused page says why as codes
 * (`notArticle`), which the extension words in the reader's language.
 */
import { describe, expect, it } from 'vitest';
import { extractFromDocument, extractFromText } from '..';
import { articleLikePath } from '../is-article';
import { reflow, wrapWidth } from '../reflow';
import { wordCount, wordTokens } from '../lines';
import { dom } from './helpers';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR } from '../../../tests/support/shared-fixtures';

/** Sentences of an invented local news story (French), written for these tests. */
const STORY = [
  'Le conseil municipal de Valmont a voté mardi soir la rénovation complète de la piscine couverte, fermée depuis deux ans.',
  'Le chantier doit commencer au printemps et durer dix-huit mois, selon le calendrier présenté par l’adjointe aux sports.',
  'Le coût des travaux est estimé à quatre millions d’euros, dont la moitié sera financée par la région et le département.',
  'Plusieurs élus de l’opposition ont demandé que les clubs de natation soient associés au choix des équipements.',
  'Les habitants devront se rendre à la piscine de la commune voisine, où des créneaux supplémentaires seront ouverts.',
  'Une navette gratuite reliera les deux villes le mercredi et le samedi pendant toute la durée du chantier.',
  'Le maire a rappelé que le bassin, construit en 1974, ne répondait plus aux normes d’accessibilité ni d’isolation.',
  'Les premiers appels d’offres seront publiés dans les prochaines semaines, et les entreprises auront deux mois pour répondre.',
];

/** `n` words of the story from sentence `from` on, sentence after sentence (cycling), as one string. */
function storyWords(n: number, from = 0): string {
  const words: string[] = [];
  for (let i = from; words.length < n; i++) words.push(...STORY[i % STORY.length]!.split(' '));
  return words.slice(0, n).join(' ').replace(/[^.]$/, '$&.');
}

interface PageOptions {
  head?: string;
  body: string;
  url?: string;
}

function page({ head = '', body, url = 'https://www.example-journal.fr/region/valmont-la-piscine-sera-renovee-a-partir-du-printemps' }: PageOptions): Document {
  return dom(`<!doctype html><html lang="fr"><head><title>La piscine de Valmont sera rénovée</title>${head}</head><body>${body}</body></html>`, url);
}

const OG_ARTICLE = '<meta property="og:type" content="article">';
const NEWS_LD = '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"La piscine de Valmont sera rénovée","datePublished":"2025-03-11T18:00:00+01:00"}</script>';
const FAQ_LD = '<script type="application/ld+json">{"@context":"https://schema.org","@type":"FAQPage","mainEntity":[{"@type":"Question","name":"Quand ?"}]}</script>';
const ARTICLE_LD = '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Article","headline":"Un nouveau satellite observe les glaciers"}</script>';

/** `count` paragraphs of about `words` words, each from its own sentences of the story. */
function paragraphs(words: number, count: number): string {
  return Array.from({ length: count }, (_, i) => `<p>${storyWords(words, 2 * i)}</p>`).join('');
}

describe('pages that are articles', () => {
  it.each([
    {
      name: 'a 618-word article in one <p>, og:type=article',
      doc: page({ head: OG_ARTICLE, body: `<h1>La piscine de Valmont sera rénovée</h1><p>${storyWords(618)}</p>` }),
      minWords: 600,
    },
    {
      name: 'a 148-word news item with JSON-LD NewsArticle and og:type=article',
      doc: page({ head: OG_ARTICLE + NEWS_LD, body: `<article><h1>La piscine de Valmont sera rénovée</h1><p>${storyWords(80)}</p><p>${storyWords(68, 4)}</p></article>` }),
      minWords: 140,
    },
    {
      name: 'health news declaring a NewsArticle and a FAQ, under a section folder',
      doc: page({
        head: NEWS_LD + FAQ_LD,
        body: `<article><h1>Grippe : le pic de l’épidémie est passé</h1>${paragraphs(40, 4)}</article>`,
        url: 'https://www.example-sante.fr/sante/rubrique/grippe-le-pic-de-l-epidemie-est-passe',
      }),
      minWords: 150,
    },
    {
      name: 'science news declaring a JSON-LD Article, dated, in a category folder',
      doc: page({
        head: ARTICLE_LD,
        body: `<main><h1>Un nouveau satellite observe les glaciers</h1><time datetime="2025-03-11">11 mars</time>${paragraphs(35, 4)}</main>`,
        url: 'https://www.example-science.org/science/category/espace/un-nouveau-satellite-observe-les-glaciers',
      }),
      minWords: 130,
    },
    {
      name: 'sports news with og:type=article and a publication date, under a tag folder',
      doc: page({
        head: `${OG_ARTICLE}<meta property="article:published_time" content="2025-03-11T21:00:00Z">`,
        body: `<article><h1>Le FC Valmont s’impose en fin de match</h1>${paragraphs(45, 3)}</article>`,
        url: 'https://www.example-sport.fr/sport/tag/football/le-fc-valmont-s-impose-en-fin-de-match',
      }),
      minWords: 130,
    },
  ])('$name', ({ doc, minWords }) => {
    const a = extractFromDocument(doc);
    expect(a.articleReasons.join('; ')).not.toMatch(/^$/);
    expect(a.isArticle).toBe(true);
    expect(a.notArticle).toEqual([]);
    expect(wordCount(a.text)).toBeGreaterThanOrEqual(minWords);
  });
});

describe('pages that are not articles, and why', () => {
  it.each([
    {
      name: 'a section front: links to stories, og:type=website',
      doc: page({
        head: '<meta property="og:type" content="website">',
        body: `<h1>Région</h1><ul>${STORY.map((s, i) => `<li><a href="/region/story-${i}">${s.slice(0, 60)}</a></li>`).join('')}</ul>`,
        url: 'https://www.example-journal.fr/region/',
      }),
      codes: ['no-prose', 'front-page-url', 'short'],
    },
    {
      name: 'a short text without article metadata',
      doc: page({ body: `<h1>Horaires</h1><p>${storyWords(60)}</p>`, url: 'https://www.example-journal.fr/infos/horaires-et-acces-de-la-piscine' }),
      codes: ['no-article-signs', 'short'],
    },
    {
      name: 'a declared article with a body too short for a brief',
      doc: page({ head: OG_ARTICLE + NEWS_LD, body: `<article><h1>Vidéo</h1><p>${storyWords(30)}</p></article>` }),
      codes: ['short'],
    },
  ])('$name: not an article, $codes', ({ doc, codes }) => {
    const a = extractFromDocument(doc);
    expect(a.isArticle).toBe(false);
    expect(a.notArticle?.map((r) => r.code)).toEqual(codes);
  });

  it('a short body says how short, against which minimum', () => {
    const a = extractFromDocument(page({ head: OG_ARTICLE + NEWS_LD, body: `<article><h1>Vidéo</h1><p>${storyWords(30)}</p></article>` }));
    expect(a.notArticle).toMatchObject([{ code: 'short', min: 80 }]);
    const [short] = a.notArticle ?? [];
    expect(short?.code === 'short' && short.words).toBeLessThan(40);
  });

  it('an empty text and a binary one say so', () => {
    expect(extractFromText('').notArticle).toEqual([{ code: 'empty' }]);
    expect(extractFromText('\u0000\u0001\u0002'.repeat(200) + storyWords(200)).notArticle).toEqual([{ code: 'not-text' }]);
  });
});

describe('articleLikePath: listing folders', () => {
  it.each([
    ['a tag folder then an article slug', 'https://example.org/sport/tag/football/le-fc-valmont-s-impose-en-fin-de-match', true],
    ['a tag folder alone', 'https://example.org/sport/tag/football', false],
    ['a category page', 'https://example.org/category/science/', false],
  ])('%s: %s → %s', (_n, url, expected) => {
    expect(articleLikePath(url)).toBe(expected);
  });
});

/** The story wrapped at `width` characters, as a text editor or an e-mail client would. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const w of text.split(' ')) {
    if (line && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines;
}

describe('text captures with hard line breaks', () => {
  const paras = [STORY.slice(0, 3).join(' '), STORY.slice(3, 6).join(' '), STORY.slice(6).join(' ')];

  it.each([
    ['e-mail, 72 columns, blank lines between paragraphs', 72, '\n\n'],
    ['wrapped text, 60 columns, no blank line between paragraphs', 60, '\n'],
  ])('%s: reflowed into its paragraphs, the body kept', (_n, width, between) => {
    const capture = ['La piscine de Valmont sera rénovée', '', ...paras.map((p) => wrap(p, width).join('\n'))].join(between);
    const a = extractFromText(capture);
    expect(a.isArticle).toBe(true);
    expect(a.paragraphs).toHaveLength(3);
    expect(a.text).toBe(paras.join('\n\n'));
  });

  it('an OCR line cut at a hyphen joins without a space, the hyphen kept', () => {
    const lines = wrap(paras.join(' '), 64).map((text) => ({ text }));
    lines.splice(2, 0, { text: `${lines.splice(2, 1)[0]!.text} peut-` }, { text: 'être' });
    expect(reflow(lines).map((l) => l.text).join(' ')).toContain('peut-être');
  });

  it('a capture with one paragraph per line, or a list of short lines, is left as it is', () => {
    const perLine = paras.map((text) => ({ text }));
    const menu = ['Accueil', 'Région', 'Sport', 'Culture', 'Économie', 'Météo', 'Contact'].map((text) => ({ text }));
    expect(wrapWidth(perLine.map((l) => l.text))).toBeNull();
    expect(reflow(perLine)).toBe(perLine);
    expect(reflow(menu)).toBe(menu);
  });
});

describe('real articles wrapped at 72 columns (PolNeAR, ../shared/fixtures/polnear)', () => {
  const dir = join(FIXTURES_DIR, 'polnear/test/text');
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const wrapped = (text: string) => text.split('\n').map((p) => wrap(p, 72).join('\n')).join('\n');

  it.each(files)('%s: the same body, word for word, as the unwrapped text', (f) => {
    const text = readFileSync(join(dir, f), 'utf8');
    expect(wordTokens(extractFromText(wrapped(text)).text)).toEqual(wordTokens(extractFromText(text).text));
  });
});
