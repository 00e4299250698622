/**
 * The quotations too short to compare that the alignment pairs with a longer one of the same
 * person (`truncated`, pass 4 of `alignQuotesUntil`, issue 13), on the tuning halves only (BASIL
 * tuning pairs, gilets-jaunes tuning pairs) and the seeds: each pair the checkout given by --root
 * (default this one) makes that --old (default /work/main) does not, and the count of pairs each
 * makes. Pairs the old code makes that the new does not are printed too (there should be none).
 *   node --import tsx scripts/probe/short-in-long.ts [--old /work/main]
 */
import { resolve } from 'node:path';

const arg = (name: string) => { const k = process.argv.indexOf(name); return k >= 0 ? process.argv[k + 1] : undefined; };
const root = resolve(arg('--root') ?? new URL('../..', import.meta.url).pathname);
const oldRoot = resolve(arg('--old') ?? '/work/main');
type Q = typeof import('../../lib/quotes');
const now = await import(`${root}/lib/quotes/index.ts`) as Q;
const old = await import(`${oldRoot}/lib/quotes/index.ts`) as Q;
const framing = await import(`${root}/tests/evals/framing.ts`) as typeof import('../../tests/evals/framing');
const seedsOf = await import(`${root}/tests/evals/quotes.ts`) as typeof import('../../tests/evals/quotes');

const pairs: { id: string; a: string; b: string; lang: string }[] = [];
for (const p of [...framing.basilPairs(), ...framing.giletsPairs()]) if (p.half === 'tuning') pairs.push({ id: p.id, a: p.a.text, b: p.b.text, lang: p.a.language ?? 'en' });
const { ids, texts } = await seedsOf.evaluateSeeds();
for (const [i, x] of ids.entries()) for (const y of ids.slice(i + 1)) pairs.push({ id: `seeds:${x}|${y}`, a: texts[x]!, b: texts[y]!, lang: 'fr' });

let [before, after, added, lost] = [0, 0, 0, 0];
const clip = (s: string) => (s.length > 110 ? `${s.slice(0, 107)}…` : s);
for (const p of pairs) {
  const qa = now.extractQuotes(p.a, p.lang);
  const qb = now.extractQuotes(p.b, p.lang);
  const key = (s: { aQuote: number | null; bQuote: number | null; relation: string }) => `${s.aQuote}:${s.bQuote}:${s.relation}`;
  const o = old.alignQuotes(p.a, old.extractQuotes(p.a, p.lang), p.b, old.extractQuotes(p.b, p.lang), p.lang);
  const n = now.alignQuotes(p.a, qa, p.b, qb, p.lang);
  before += o.length;
  after += n.length;
  const ok = new Set(o.map(key));
  const nk = new Set(n.map(key));
  for (const s of n) {
    if (ok.has(key(s))) continue;
    added++;
    const [x, y] = [p.a.slice(s.a.start, s.a.end), p.b.slice(s.b.start, s.b.end)];
    console.log(`+ ${p.id.slice(0, 90)}\n    ${s.relation} ${s.similarity.toFixed(2)}  A [${qa[s.aQuote!]?.speaker}] «${clip(x)}»\n    B [${qb[s.bQuote!]?.speaker}] «${clip(y)}»`);
  }
  for (const s of o) if (!nk.has(key(s))) { lost++; console.log(`- ${p.id.slice(0, 90)} ${s.relation} «${clip(p.a.slice(s.a.start, s.a.end))}»`); }
}
console.log(`pairs of articles ${pairs.length}; shared quotations ${before} → ${after}; new ${added}, lost ${lost}`);
