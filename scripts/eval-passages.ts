/**
 * `node --import tsx scripts/eval-passages.ts`: prints the shared-passage figures (definitions in
 * tests/evals/passages.ts).
 *
 * 1. Every seed pair: each passage found, with its kind, similarity and spans (offsets into each
 *    seed's extracted text), and the coverage of both bodies.
 * 2. The hand-labelled gilets-jaunes pairs (`tests/expected/passages/gilets-jaunes-pairs.json`):
 *    precision and recall of "at least one passage found" against the labels reused + partly,
 *    per-pair table.
 */
import { evaluateGiletsPairs, evaluateSeedPassages } from '../tests/evals/passages';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const clip = (s: string, n = 90) => (s.length > n ? `${s.slice(0, n - 1)}…` : s).replace(/\s+/g, ' ');

console.log('== Seed pairs: passages (offsets into each extracted text)');
const coverageRows: Record<string, string>[] = [];
for (const { a, b, result: r } of evaluateSeedPassages()) {
  const pair = `${a.id.slice(0, 3)}↔${b.id.slice(0, 3)}`;
  coverageRows.push({ pair, passages: String(r.passages.length), 'coverage a': pct(r.coverage.a), 'coverage b': pct(r.coverage.b) });
  console.log(`\n${pair}: ${r.passages.length} passage(s)`);
  for (const p of r.passages) {
    console.log(`  ${p.kind.padEnd(10)} similarity ${p.similarity.toFixed(2)}  a [${p.a.start}, ${p.a.end})  b [${p.b.start}, ${p.b.end})  ${p.edits.length} edit(s)`);
    console.log(`    a: ${clip(a.text.slice(p.a.start, p.a.end), 160)}`);
    console.log(`    b: ${clip(b.text.slice(p.b.start, p.b.end), 160)}`);
  }
}
console.log('\n== Seed pairs: coverage (share of each body\'s words in passages)');
console.table(coverageRows);

const { rows, counts } = evaluateGiletsPairs();
console.log('\n== Gilets jaunes: hand-labelled pairs');
console.table(rows.map(({ pair: l, half, result: r }) => ({
  a: clip(l.a.replace(/^https?:\/\/(www\.)?/, ''), 48),
  b: clip(l.b.replace(/^https?:\/\/(www\.)?/, ''), 48),
  half,
  label: l.label,
  passages: String(r.passages.length),
  kinds: [...new Set(r.passages.map((p) => p.kind))].join(','),
  'copied a': pct(r.coverage.a),
  'copied b': pct(r.coverage.b),
  'similar a': pct(r.similar.a),
  'similar b': pct(r.similar.b),
})));
for (const half of ['tuning', 'reporting', 'all'] as const) {
  const { tp, fp, fn, tn } = counts[half];
  console.log(`${half}: pairs ${tp + fp + fn + tn}: TP ${tp}  FP ${fp}  FN ${fn}  TN ${tn}  precision ${(tp / Math.max(1, tp + fp)).toFixed(3)}  recall ${(tp / Math.max(1, tp + fn)).toFixed(3)}`);
}
console.log('(positive = reused or partly; predicted = at least one verbatim or edited passage)');
