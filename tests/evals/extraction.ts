/**
 * The extraction evaluation, printed by `scripts/eval-extract.ts`:
 *
 * 1. Seeds (../shared/seeds): title against gold.json, gold boilerplate removed, body character
 *    precision / recall against tests/expected/seeds/<id>.body.txt (word-LCS alignment, see
 *    lib/extract/score.ts), language.
 * 2. Readability's 18 test pages (../shared/fixtures/readability/pages): word-level F1 of our
 *    extraction (Readability + removal steps) against expected.html, next to raw Readability and
 *    raw defuddle, so the library choice stays documented. expected.html is Readability's own
 *    output: the comparison is biased towards Readability.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import Defuddle from 'defuddle';
import { extractFromDocument, extractFromText } from '../../lib/extract';
import { alignPrecisionRecall, wordF1 } from '../../lib/extract/score';
import { READABILITY_PAGES_DIR, readSeedGold, SEEDS_DIR } from '../support/shared-fixtures';

/** Readability's test pages that are not articles (left out of the F1 summaries). */
export const NON_ARTICLES = new Set(['mozilla-1', 'wikipedia-3', 'nytimes-5']);
const URL_ = 'http://fakehost/test/page.html';

const norm = (s: string | null) =>
  s == null ? null : s.normalize('NFKC').replace(/[’‘]/g, "'").replace(/[«»“”]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();
const doc = (html: string) => new JSDOM(html, { url: URL_, virtualConsole: new VirtualConsole() }).window.document;
const textOf = (html: string) => doc(`<body>${html}</body>`).body.textContent ?? '';

export interface SeedExtraction {
  id: string;
  title: string | null;
  titleRight: boolean;
  boilerplateRemoved: number;
  boilerplate: number;
  precision: number;
  recall: number;
  language: string | null;
  goldLanguage: string;
  isArticle: boolean;
}

export function evaluateSeedExtraction(): SeedExtraction[] {
  return Object.entries(readSeedGold().articles).map(([id, g]) => {
    const r = extractFromText(readFileSync(join(SEEDS_DIR, `${id}.txt`), 'utf8'));
    const body = norm(r.text)!;
    const paras = new Set(r.text.split('\n\n').map((p) => norm(p)));
    const removed = g.boilerplate.filter((b) => {
      const nb = norm(b)!;
      return nb.split(' ').length < 4 ? !paras.has(nb) : !body.includes(nb);
    }).length;
    const expected = readFileSync(new URL(`../expected/seeds/${id}.body.txt`, import.meta.url), 'utf8');
    const { precision, recall } = alignPrecisionRecall(r.text, expected);
    return { id, title: r.title, titleRight: norm(r.title) === norm(g.title), boilerplateRemoved: removed, boilerplate: g.boilerplate.length, precision, recall, language: r.language, goldLanguage: g.language, isArticle: r.isArticle };
  });
}

export interface PageExtraction {
  page: string;
  isArticlePage: boolean;
  /** Word-level F1 against expected.html: ours, raw Readability, raw defuddle. */
  f1: { ours: number; readability: number; defuddle: number };
  isArticle: boolean;
  language: string | null;
  declaredLanguage: string | null;
}

export function evaluateReadabilityPages(): PageExtraction[] {
  return readdirSync(READABILITY_PAGES_DIR).sort().map((page) => {
    const dir = join(READABILITY_PAGES_DIR, page);
    const src = readFileSync(join(dir, 'source.html'), 'utf8');
    const expected = textOf(readFileSync(join(dir, 'expected.html'), 'utf8'));
    const meta = JSON.parse(readFileSync(join(dir, 'expected-metadata.json'), 'utf8')) as { lang?: string | null };
    const ours = extractFromDocument(doc(src));
    const rd = new Readability(doc(src)).parse();
    let dd = '';
    try {
      dd = textOf(new Defuddle(doc(src), { url: URL_ }).parse().content);
    } catch {
      dd = '';
    }
    return {
      page,
      isArticlePage: !NON_ARTICLES.has(page),
      f1: { ours: wordF1(ours.text, expected), readability: wordF1(rd?.textContent ?? '', expected), defuddle: wordF1(dd, expected) },
      isArticle: ours.isArticle,
      language: ours.language,
      declaredLanguage: meta.lang ?? null,
    };
  });
}
