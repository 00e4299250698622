/**
 * `node --import tsx scripts/eval-passages.ts`: the shared-passage figures.
 *
 * 1. Every seed pair: each passage found, with its kind, similarity and spans (offsets into each
 *    seed's extracted text), and the coverage of both bodies.
 * 2. The hand-labelled gilets-jaunes pairs (`tests/expected/passages/gilets-jaunes-pairs.json`):
 *    a pair is predicted "reuse" when at least one passage is found; precision and recall
 *    against the labels reused + partly (and on `reused` alone, coverage), per-pair table.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extractFromText } from '../lib/extract';
import { comparePassages, isCopied, preparePassages } from '../lib/passages';
import { SEEDS_DIR } from '../tests/support/shared-fixtures';
import { giletsJaunesByUrl } from '../tests/support/corpora';
import { pairHalves } from '../tests/support/fixture-split';
import { readLabelledPairs } from '../tests/evals/passages';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const clip = (s: string, n = 90) => (s.length > n ? `${s.slice(0, n - 1)}…` : s).replace(/\s+/g, ' ');

// --- Seeds
const ids = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort().map((f) => f.replace(/\.txt$/, ''));
const seeds = ids.map((id) => {
  const article = extractFromText(readFileSync(join(SEEDS_DIR, `${id}.txt`), 'utf8'));
  return { id, article, prepared: preparePassages(article.text, article.language) };
});
console.log('== Seed pairs: passages (offsets into each extracted text)');
const coverageRows: Record<string, string>[] = [];
for (let i = 0; i < seeds.length; i++) {
  for (let j = i + 1; j < seeds.length; j++) {
    const A = seeds[i]!;
    const B = seeds[j]!;
    const r = comparePassages(A.prepared, B.prepared);
    const pair = `${A.id.slice(0, 3)}↔${B.id.slice(0, 3)}`;
    coverageRows.push({ pair, passages: String(r.passages.length), 'coverage a': pct(r.coverage.a), 'coverage b': pct(r.coverage.b) });
    console.log(`\n${pair}: ${r.passages.length} passage(s)`);
    for (const p of r.passages) {
      console.log(`  ${p.kind.padEnd(10)} similarity ${p.similarity.toFixed(2)}  a [${p.a.start}, ${p.a.end})  b [${p.b.start}, ${p.b.end})  ${p.edits.length} edit(s)`);
      console.log(`    a: ${clip(A.article.text.slice(p.a.start, p.a.end), 160)}`);
      console.log(`    b: ${clip(B.article.text.slice(p.b.start, p.b.end), 160)}`);
    }
  }
}
console.log('\n== Seed pairs: coverage (share of each body\'s words in passages)');
console.table(coverageRows);

// --- Gilets jaunes
const docs = giletsJaunesByUrl();
const rows: Record<string, string>[] = [];
let tp = 0, fp = 0, fn = 0, tn = 0;
const labelled = readLabelledPairs();
const halves = pairHalves(labelled);
for (const l of labelled) {
  const a = docs.get(l.a);
  const b = docs.get(l.b);
  if (!a || !b) throw new Error(`labelled pair not in the corpus: ${l.a} ${l.b}`);
  const r = comparePassages(preparePassages(a.text, 'fr'), preparePassages(b.text, 'fr'));
  const found = r.passages.some(isCopied);
  const positive = l.label === 'reused' || l.label === 'partly';
  if (found && positive) tp++;
  else if (found) fp++;
  else if (positive) fn++;
  else tn++;
  rows.push({
    a: clip(l.a.replace(/^https?:\/\/(www\.)?/, ''), 48),
    b: clip(l.b.replace(/^https?:\/\/(www\.)?/, ''), 48),
    half: halves.get(l) ?? '',
    label: l.label,
    passages: String(r.passages.length),
    kinds: [...new Set(r.passages.map((p) => p.kind))].join(','),
    'copied a': pct(r.coverage.a),
    'copied b': pct(r.coverage.b),
    'similar a': pct(r.similar.a),
    'similar b': pct(r.similar.b),
  });
}
console.log('\n== Gilets jaunes: hand-labelled pairs');
console.table(rows);
const precision = tp / Math.max(1, tp + fp);
const recall = tp / Math.max(1, tp + fn);
console.log(`pairs ${rows.length}: TP ${tp}  FP ${fp}  FN ${fn}  TN ${tn}`);
console.log(`precision ${precision.toFixed(3)}  recall ${recall.toFixed(3)}  (positive = reused or partly; predicted = at least one verbatim or edited passage)`);
