/**
 * `node --import tsx scripts/eval-framing.ts`: the framing figures (definitions in
 * tests/evals/framing.ts).
 *
 * 1. Seeds against gold.json `framing`: per actor, the share of gold labels found and grouped
 *    under one actor row over every article pair that names it; hedges found; sources quoted per
 *    article; the omissions of 000 vs 001.
 * 2. BASIL (Fan et al. 2019): annotated lexical-bias spans that fall in an actor label, a hedge
 *    or a scare quote the comparison shows.
 * 3. What the panel shows on BASIL pairs, tuning and reporting halves (tests/support/fixture-split.ts),
 *    and on gilets-jaunes pairs: the framing of the comparison report of A as the page and B as the
 *    stored article, by `cli compare`'s code (lib/compare/report, as the background runs it): rows
 *    differing only by a name's form, dated or possessive actors, who-speaks fragments, scare
 *    quotes that are titles or figures, word-choice items against BASIL's lexical-bias spans, and
 *    the hand labels' agreement.
 *
 * `--ceilings`: only the word-choice ceilings on BASIL's tuning half (tests/evals/framing.ts
 * `wordChoiceCeilings`): for each definition of "where the two versions tell the same thing", the
 * lexical-bias spans within reach, and with the lexicon the items produced and their share inside
 * a span. The tuning half only: definitions are chosen there.
 */
import { basilPairs, evaluateBasil, evaluateSeeds, giletsPairs, readerAgreement, viewChecks, viewOf, wordChoiceCeilings, wordChoiceVsBasil } from '../tests/evals/framing';

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : '—');

if (process.argv.includes('--ceilings')) {
  const c = wordChoiceCeilings('tuning');
  const of = (x: { recall: number; items: number; inside: number }) => `recall ${x.recall} (${pct(x.recall, c.spans)}), items ${x.items}, in a span ${pct(x.inside, x.items)}`;
  console.log(`== Word-choice ceilings, BASIL tuning half: lexical-bias spans ${c.spans} (outside quotations ${c.unquoted})`);
  console.log(`lexicon alone, anywhere outside quotations: ${of(c.lexiconAlone)}`);
  console.table(c.rows.map((r) => ({
    definition: r.definition,
    'spans in reach': `${r.reach} (${pct(r.reach, c.spans)})`,
    'unquoted': r.reachUnquoted,
    'text covered': pct(r.covered, 1),
    'lexicon: recall': `${r.lexicon.recall} (${pct(r.lexicon.recall, c.spans)})`,
    items: r.lexicon.items,
    'in a span': pct(r.lexicon.inside, r.lexicon.items),
    'saying only: recall': `${r.saying.recall} (${pct(r.saying.recall, c.spans)})`,
    'items ': r.saying.items,
    'in a span ': pct(r.saying.inside, r.saying.items),
  })));
  process.exit(0);
}
const r = evaluateSeeds();

console.log('== Seeds: actor labels found and grouped under one actor (per article pair)');
const perActor = new Map<string, { labels: number; found: number }>();
for (const p of r.actors) {
  const t = perActor.get(p.actor) ?? { labels: 0, found: 0 };
  t.labels += p.labels;
  t.found += p.found;
  perActor.set(p.actor, t);
  if (p.missing.length) console.log(`  ${p.actor} ${p.a.slice(0, 3)}↔${p.b.slice(0, 3)}: missing ${p.missing.join(' | ')}`);
}
console.table([...perActor].map(([actor, t]) => ({ actor, labels: t.labels, found: t.found, share: pct(t.found, t.labels) })));
const total = r.actors.reduce((s, p) => s + p.labels, 0);
const found = r.actors.reduce((s, p) => s + p.found, 0);
console.log(`overall: ${found}/${total} = ${pct(found, total)}`);

console.log('\n== Seeds: hedges (gold) found');
console.table(r.hedges.map((h) => ({ article: h.article.slice(0, 3), gold: h.gold, found: h.found })));
console.log('all stance items per article:');
for (const [id, items] of Object.entries(r.hedgeItems)) console.log(`  ${id.slice(0, 3)}: ${items.join(' · ')}`);

console.log('\n== Seeds: sources quoted (gold) found');
console.table(r.sources.map((s) => ({ article: s.article.slice(0, 3), gold: s.gold, found: s.found })));
for (const [id, names] of Object.entries(r.sourceNames)) console.log(`  ${id.slice(0, 3)} sources: ${names.join(', ')}`);
console.log(`found ${r.sources.filter((s) => s.found).length}/${r.sources.length}`);

console.log('\n== Seeds: omissions 000 vs 001');
console.table(r.omissions.map((o) => ({ side: o.side, item: o.item.slice(0, 70), covered: o.found, rank: o.rank })));
console.log(`statements listed: only in 000 ${r.omissionCounts.onlyA}, only in 001 ${r.omissionCounts.onlyB}; gold items covered ${r.omissions.filter((o) => o.found).length}/${r.omissions.length}`);

console.log('\n== BASIL: lexical-bias spans in a shown actor label, hedge or scare quote');
const b = evaluateBasil();
const bySource = new Map<string, { spans: number; located: number; inside: number }>();
const byKind: Record<string, number> = {};
for (const x of b) {
  const t = bySource.get(x.source) ?? { spans: 0, located: 0, inside: 0 };
  t.spans += x.spans;
  t.located += x.located;
  t.inside += x.inside;
  bySource.set(x.source, t);
  for (const [k, n] of Object.entries(x.byKind)) byKind[k] = (byKind[k] ?? 0) + n;
}
console.table([...bySource].map(([source, t]) => ({ source, spans: t.spans, located: t.located, shown: t.inside, share: pct(t.inside, t.located) })));
const L = b.reduce((s, x) => s + x.located, 0);
const I = b.reduce((s, x) => s + x.inside, 0);
const items = b.reduce((s, x) => s + x.shownItems, 0) / b.length;
const share = b.reduce((s, x) => s + x.shownShare, 0) / b.length;
console.log(`shown per article: ${items.toFixed(1)} items covering ${(100 * share).toFixed(1)}% of its characters (the chance level of a span falling in one)`);
console.log(`articles ${b.length}; lexical spans located ${L} of ${b.reduce((s, x) => s + x.spans, 0)}; shown ${I} (${pct(I, L)}); by kind ${JSON.stringify(byKind)}`);
for (const x of b.slice(0, 6)) for (const e of x.examples) console.log(`  ${x.source} ${x.article.slice(0, 8)}: ${e}`);

console.log('\n== Seeds: headlines (subject, verb, objects) and the note per pair');
for (const [key, c] of r.comparisons) {
  if (!c.headlines.a || !c.headlines.b) continue;
  const [x, y] = key.split('|').map((id) => id.slice(0, 3));
  console.log(`  ${x}↔${y}: ${c.headlines.note ?? '(no note)'}`);
}

console.log('\n== What the panel shows (the framing of the comparison report, as `cli compare` prints it)');
const pairs = basilPairs();
const pct1 = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : '—');
for (const half of ['tuning', 'reporting'] as const) {
  const views = pairs.filter((p) => p.half === half).map(viewOf);
  const c = viewChecks(views);
  const w = wordChoiceVsBasil(views);
  const a = readerAgreement(half);
  console.log(`BASIL ${half}: ${c.pairs} pairs (framing reported for ${c.withFraming}); actor rows ${c.rows} (name form only ${pct1(c.nameFormRows.length, c.rows)}); actors found ${c.actorsAll}, dated or possessive ${c.datedOrPossessiveAll.length} (shown ${c.datedOrPossessiveShown.length}); who speaks ${c.sources} (fragments ${pct1(c.sourceFragments.length, c.sources)}); scare quotes ${c.scareQuotes} (titles or figures ${c.scareTitlesOrFigures.length}); word choice ${c.wordChoice}`);
  console.log(`  lexical-bias spans ${w.located}, recalled by word choice ${w.recalled} (${pct1(w.recalled, w.located)}); outside quotations ${w.recalledUnquoted}/${w.locatedUnquoted} (${pct1(w.recalledUnquoted, w.locatedUnquoted)}); items ${w.items}, inside an annotation ${w.annotated} (${pct1(w.annotated, w.items)})`);
  console.log(`  word-choice rows ${w.rows}, right by annotation or hand check ${w.rowsRight} (${pct1(w.rowsRight, w.rows)}), unjudged ${w.rowsUnjudged.length}; spans within reach: holding a lexicon word ${w.reach.lexicon} (${pct1(w.reach.lexicon, w.located)}), in a sentence aligned with another version ${w.reach.aligned} (${pct1(w.reach.aligned, w.located)})`);
  for (const u of w.rowsUnjudged) console.log(`    unjudged: ${u}`);
  console.log(`  reader agreement ${a.agreed}/${a.judged} (${pct1(a.agreed, a.judged)}) ${JSON.stringify(a.byKind)}; unlabelled rows ${a.unlabelled.length}`);
}
const gj = viewChecks(giletsPairs().map(viewOf));
console.log(`gilets jaunes: ${gj.pairs} pairs (framing reported for ${gj.withFraming}); actor rows ${gj.rows}; who speaks ${gj.sources} (fragments ${gj.sourceFragments.length}); scare quotes ${gj.scareQuotes}; word choice ${gj.wordChoice}`);
