/**
 * Extraction evaluation: `node --import tsx scripts/eval-extract.ts`
 *
 * 1. Seeds (../shared/seeds): title vs gold.json, gold boilerplate removed, body character
 *    precision / recall against tests/expected/seeds/<id>.body.txt (word-LCS alignment, see
 *    lib/extract/score.ts), language.
 * 2. Readability's 18 test pages (../shared/fixtures/readability/pages): word-level F1 of our
 *    extraction (Readability + removal steps) against expected.html, next to raw Readability and
 *    raw defuddle, so the library choice stays documented. expected.html is Readability's own
 *    output: the comparison is biased towards Readability.
 */
import fs from 'node:fs';
import path from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import Defuddle from 'defuddle';
import { extractFromDocument, extractFromText } from '../lib/extract';
import { alignPrecisionRecall, wordF1 } from '../lib/extract/score';
import { READABILITY_PAGES_DIR, SEEDS_DIR } from '../tests/support/shared-fixtures';

const SEEDS = SEEDS_DIR;
const PAGES = READABILITY_PAGES_DIR;
const EXPECTED = path.resolve(import.meta.dirname, '../tests/expected/seeds');
const NON_ARTICLES = new Set(['mozilla-1', 'wikipedia-3', 'nytimes-5']);
const URL_ = 'http://fakehost/test/page.html';

const norm = (s: string | null) =>
  s == null ? null : s.normalize('NFKC').replace(/[’‘]/g, "'").replace(/[«»“”]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const doc = (html: string) => new JSDOM(html, { url: URL_, virtualConsole: new VirtualConsole() }).window.document;
const textOf = (html: string) => doc(`<body>${html}</body>`).body.textContent ?? '';
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

// --- Seeds ---
const gold = JSON.parse(fs.readFileSync(path.join(SEEDS, 'gold.json'), 'utf8')) as {
  articles: Record<string, { title: string | null; language: string; boilerplate: string[] }>;
};
const seedRows = Object.entries(gold.articles).map(([id, g]) => {
  const r = extractFromText(fs.readFileSync(path.join(SEEDS, `${id}.txt`), 'utf8'));
  const body = norm(r.text)!;
  const paras = new Set(r.text.split('\n\n').map((p) => norm(p)));
  const removed = g.boilerplate.filter((b) => {
    const nb = norm(b)!;
    return nb.split(' ').length < 4 ? !paras.has(nb) : !body.includes(nb);
  }).length;
  const { precision, recall } = alignPrecisionRecall(r.text, fs.readFileSync(path.join(EXPECTED, `${id}.body.txt`), 'utf8'));
  return {
    id,
    'title ok': norm(r.title) === norm(g.title) ? 'yes' : `NO (${r.title})`,
    boilerplate: `${removed}/${g.boilerplate.length}`,
    precision: pct(precision),
    recall: pct(recall),
    language: `${r.language} (gold ${g.language})`,
    isArticle: r.isArticle,
  };
});
console.log('\nSeeds (plain text)');
console.table(seedRows);

// --- Readability fixtures ---
const rows: Record<string, string | boolean>[] = [];
const f1s = { ours: [] as number[], readability: [] as number[], defuddle: [] as number[] };
for (const name of fs.readdirSync(PAGES).sort()) {
  const dir = path.join(PAGES, name);
  const src = fs.readFileSync(path.join(dir, 'source.html'), 'utf8');
  const expected = textOf(fs.readFileSync(path.join(dir, 'expected.html'), 'utf8'));
  const meta = JSON.parse(fs.readFileSync(path.join(dir, 'expected-metadata.json'), 'utf8')) as { lang?: string | null };
  const ours = extractFromDocument(doc(src));
  const rd = new Readability(doc(src)).parse();
  let dd = '';
  try {
    dd = textOf(new Defuddle(doc(src), { url: URL_ }).parse().content);
  } catch {
    dd = '';
  }
  const f = { ours: wordF1(ours.text, expected), readability: wordF1(rd?.textContent ?? '', expected), defuddle: wordF1(dd, expected) };
  if (!NON_ARTICLES.has(name)) for (const k of Object.keys(f) as (keyof typeof f)[]) f1s[k].push(f[k]);
  rows.push({
    page: name + (NON_ARTICLES.has(name) ? ' (non-article)' : ''),
    'F1 ours (Readability+steps)': f.ours.toFixed(3),
    'F1 Readability raw': f.readability.toFixed(3),
    'F1 defuddle raw': f.defuddle.toFixed(3),
    isArticle: ours.isArticle,
    lang: `${meta.lang ?? '-'} / ${ours.language ?? '-'}`,
  });
}
console.log('\nReadability test pages (word-level F1 vs expected.html, which is Readability output)');
console.table(rows);
for (const k of Object.keys(f1s) as (keyof typeof f1s)[]) {
  const xs = f1s[k];
  console.log(`${k.padEnd(12)} median F1 ${median(xs).toFixed(3)}  worst ${Math.min(...xs).toFixed(3)}  (15 article pages)`);
}
