/**
 * Prints the quote measurements: seed precision and recall (reported and scare quotes, per
 * article), speaker accuracy on the seeds, shared quotations per seed pair, and PolNeAR direct
 * quotation precision, recall and speaker accuracy. Definitions in `tests/evals/quotes.ts`.
 *   node --import tsx scripts/eval-quotes.ts [--verbose]
 * With `--polnear-dir <dir>`, scores only the PolNeAR split in `dir` (every article; laid out as
 * the repository's `data/<split>/`: `text/`, `attributions/`), by the same code, failures listed
 * with --verbose: for tuning on a split outside the fixture (the train split).
 */
import { evaluateBasilSpeakers, evaluateEnglishSpeakers, evaluateFrenchSpeakers, evaluatePolnear, evaluateSeeds } from '../tests/evals/quotes';
import type { PolnearResult, PR } from '../tests/evals/quotes';

const verbose = process.argv.includes('--verbose');
const dirAt = process.argv.indexOf('--polnear-dir');
const polnearDir = dirAt >= 0 ? process.argv[dirAt + 1] : undefined;
if (dirAt >= 0 && polnearDir === undefined) throw new Error('--polnear-dir needs a directory');

function printPolnear(title: string, pol: PolnearResult, failures: boolean): void {
  const P = pol.correct / pol.predicted;
  const R = pol.found / pol.gold;
  console.log(`${title} (${pol.articles} articles): direct quotations gold ${pol.gold}, predicted ${pol.predicted}`);
  console.log(`  precision ${P.toFixed(3)}  recall ${R.toFixed(3)}  F1 ${(2 * P * R / (P + R)).toFixed(3)}  speakers right ${pol.speakerRight}/${pol.speakerTotal} = ${(pol.speakerRight / pol.speakerTotal).toFixed(3)} (a pronoun Source read only through our own mention, as before session 32: ${pol.speakerRightStrict}/${pol.speakerTotal} = ${(pol.speakerRightStrict / pol.speakerTotal).toFixed(3)}; lenient, as before issue 13: ${(pol.speakerRightLenient / pol.speakerTotal).toFixed(3)})`);
  console.log(`  named speakers: precision ${pol.speakerNamedRight}/${pol.speakerNamed} = ${(pol.speakerNamedRight / pol.speakerNamed).toFixed(3)}, coverage ${pol.speakerNamed}/${pol.speakerTotal} = ${(pol.speakerNamed / pol.speakerTotal).toFixed(3)}`);
  if (!failures) return;
  for (const m of pol.misses) console.log(`  MISS ${m.article}: ${m.content}`);
  for (const f of pol.falsePositives) console.log(`  FP   ${f.article}: ${f.quote.slice(0, 80)}`);
  for (const w of pol.wrongSpeakers) console.log(`  SPK  ${w.article}: «${w.quote}» → ${w.got} (gold ${w.gold}${w.antecedent === undefined ? '' : ` = ${w.antecedent ?? 'no named Source near'}`})\n       ${w.context}`);
}

if (polnearDir !== undefined) {
  printPolnear(`PolNeAR ${polnearDir}`, evaluatePolnear(undefined, polnearDir), verbose);
  process.exit(0);
}
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const row = (p: PR): string => `${p.article.padEnd(22)} gold ${String(p.gold).padStart(2)}  found ${String(p.found).padStart(2)}  predicted ${String(p.predicted).padStart(2)}  P ${pct(p.precision).padStart(6)}  R ${pct(p.recall).padStart(6)}`;

const seeds = await evaluateSeeds();
console.log('Seeds: reported quotations (gold quotes_per_article)');
for (const p of seeds.reported) console.log('  ' + row(p));
console.log('Seeds: scare quotes (gold scare_quotes)');
for (const p of seeds.scare) console.log('  ' + row(p));
const right = seeds.speakers.filter((s) => s.right).length;
console.log(`Seeds: speakers right ${right}/${seeds.speakers.length} (${pct(right / seeds.speakers.length)})`);
for (const s of seeds.speakers) if (!s.right || verbose) console.log(`  ${s.right ? 'ok ' : 'BAD'} ${s.article} «${s.quote}…» → ${s.got} (expected ${s.expected.join(' | ')})`);
console.log('Seeds: shared quotations per pair');
for (const p of seeds.shared) {
  for (const s of p.pairs) console.log(`  ${p.a} ↔ ${p.b}  ${s.relation}  speaker ${s.speaker}  «${seeds.texts[p.a]!.slice(s.a.start, s.a.end).slice(0, 60)}…»`);
}
console.log(`  pairs with a shared quotation: ${seeds.shared.filter((p) => p.pairs.length > 0).length} of ${seeds.shared.length}`);

// Failures are listed for the tuning half only: the reporting half is for figures, not for rules.
for (const half of ['tuning', 'reporting'] as const) printPolnear(`PolNeAR ${half} half`, evaluatePolnear(half), verbose && half === 'tuning');

for (const half of ['tuning', 'reporting'] as const) {
  const fr = evaluateFrenchSpeakers(half);
  console.log(`Gilets jaunes (French) ${half} half: speakers right ${fr.right}/${fr.total} = ${(fr.right / fr.total).toFixed(3)} (quotations found ${fr.found}); named speakers: precision ${fr.namedRight}/${fr.named} = ${(fr.namedRight / fr.named).toFixed(3)}, coverage ${fr.named}/${fr.total}`);
  // The reporting half gives figures only: its failures are not listed.
  if (verbose && half === 'tuning') for (const w of fr.rows) if (!w.right) console.log(`  FR   ${w.url} ${w.start}-${w.end} → ${w.got} (expected ${w.expected?.join(' | ') ?? 'unknown'})\n       ${w.context}`);
}
for (const half of ['tuning', 'reporting'] as const) {
  const b = evaluateBasilSpeakers(half);
  const all = { total: b.people.total + b.groups.total, named: b.people.named + b.groups.named, right: b.people.right + b.groups.right };
  console.log(`BASIL ${half} half (${b.notFound} annotated quotations not found as reported speech):`);
  console.log(`  labelled with a person: right ${b.people.right}/${b.people.total} = ${(b.people.right / b.people.total).toFixed(3)}; named ${b.people.named}, precision ${(b.people.right / b.people.named).toFixed(3)}`);
  console.log(`  labelled with a group (a spokesperson is not the group): named ${b.groups.named}/${b.groups.total}, naming the group ${b.groups.right}`);
  console.log(`  every label, as scored before: right ${all.right}/${all.total} = ${(all.right / all.total).toFixed(3)}; named ${all.named}, precision ${(all.right / all.named).toFixed(3)}`);
  if (verbose && half === 'tuning') for (const w of b.rows) if (!w.right) console.log(`  BASIL ${w.group ? 'group ' : ''}${w.article}: «${w.quote}» → ${w.got} (expected ${w.expected})\n       ${w.context}`);
}

// Tuning data labelled by hand (tests/expected/quotes/english-speakers.json): failures are listed.
const en = await evaluateEnglishSpeakers();
console.log(`English hand-labelled (BASIL tuning half + readability news pages, tuning data): speakers right ${en.right}/${en.total} = ${(en.right / en.total).toFixed(3)} (quotations found ${en.found}); named speakers: precision ${en.namedRight}/${en.named} = ${(en.namedRight / en.named).toFixed(3)}, coverage ${en.named}/${en.total}`);
if (verbose) for (const w of en.rows) if (!w.right) console.log(`  EN   ${w.article} ${w.start}-${w.end} → ${w.got} (expected ${w.expected?.join(' | ') ?? 'unknown'})\n       ${w.context}`);
