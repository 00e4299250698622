/**
 * Extraction evaluation: `node --import tsx scripts/eval-extract.ts` prints the figures of
 * tests/evals/extraction.ts: the seeds against gold.json and their hand-labelled bodies, and
 * Readability's 18 test pages (word-level F1 of ours, raw Readability and raw defuddle against
 * expected.html, which is Readability's own output: the comparison is biased towards Readability).
 */
import { evaluateReadabilityPages, evaluateSeedExtraction } from '../tests/evals/extraction';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

console.log('\nSeeds (plain text)');
console.table(evaluateSeedExtraction().map((r) => ({
  id: r.id,
  'title ok': r.titleRight ? 'yes' : `NO (${r.title})`,
  boilerplate: `${r.boilerplateRemoved}/${r.boilerplate}`,
  precision: pct(r.precision),
  recall: pct(r.recall),
  language: `${r.language} (gold ${r.goldLanguage})`,
  isArticle: r.isArticle,
})));

const pages = evaluateReadabilityPages();
console.log('\nReadability test pages (word-level F1 vs expected.html, which is Readability output)');
console.table(pages.map((p) => ({
  page: p.page + (p.isArticlePage ? '' : ' (non-article)'),
  'F1 ours (Readability+steps)': p.f1.ours.toFixed(3),
  'F1 Readability raw': p.f1.readability.toFixed(3),
  'F1 defuddle raw': p.f1.defuddle.toFixed(3),
  isArticle: p.isArticle,
  lang: `${p.declaredLanguage ?? '-'} / ${p.language ?? '-'}`,
})));
const articles = pages.filter((p) => p.isArticlePage);
for (const k of ['ours', 'readability', 'defuddle'] as const) {
  const xs = articles.map((p) => p.f1[k]);
  console.log(`${k.padEnd(12)} median F1 ${median(xs).toFixed(3)}  worst ${Math.min(...xs).toFixed(3)}  (${xs.length} article pages)`);
}
