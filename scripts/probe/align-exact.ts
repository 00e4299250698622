/**
 * Exactness probe for quotation alignment (issue 16): every comparison the alignment serves,
 * without a deadline, written as JSON lines so that two checkouts' outputs can be compared byte
 * for byte (`cmp`). Reads the checkout given by --root (default: this one), so the old code
 * (e.g. /work/main) and the new run on the same inputs:
 *   node --import tsx scripts/probe/align-exact.ts --root /work/main > /tmp/old.jsonl
 *   node --import tsx scripts/probe/align-exact.ts > /tmp/new.jsonl && cmp /tmp/old.jsonl /tmp/new.jsonl
 * Inputs: every pair of seeds (alignQuotes, both orders), BASIL tuning-half and gilets-jaunes pairs
 * (the CLI's `compareArticles`, the whole report), manyQuotations pages against edited copies;
 * with `--only long`, the passages benchmark's long pair cut to `--bytes` (default 120,000) each;
 * with `--only joined`, its detailed case: gilets-jaunes articles joined, B in reverse order.
 */
import { resolve } from 'node:path';

const arg = (name: string) => { const k = process.argv.indexOf(name); return k >= 0 ? process.argv[k + 1] : undefined; };
const root = resolve(arg('--root') ?? new URL('../..', import.meta.url).pathname);
const only = arg('--only');
const quotes = await import(`${root}/lib/quotes/index.ts`) as typeof import('../../lib/quotes');
const framing = await import(`${root}/tests/evals/framing.ts`) as typeof import('../../tests/evals/framing');
const cli = await import(`${root}/cli/commands/compare.ts`) as typeof import('../../cli/commands/compare');
const pages = await import(`${root}/tests/support/adversarial-pages.ts`) as typeof import('../../tests/support/adversarial-pages');
const seedsOf = await import(`${root}/tests/evals/quotes.ts`) as typeof import('../../tests/evals/quotes');

import { editedCopies } from './align-exact-pages';

const line = (o: unknown) => process.stdout.write(JSON.stringify(o) + '\n');

if (!only || only === 'seeds') {
  // Every ordered pair of seeds, each aligned directly (the seeds' evaluation aligns i < j only).
  const { ids, texts, quotes: q } = await seedsOf.evaluateSeeds();
  for (const a of ids) for (const b of ids) if (a !== b) line({ seeds: [a, b], shared: quotes.alignQuotes(texts[a]!, q[a]!, texts[b]!, q[b]!, 'fr') });
}
const pairOf = (p: ReturnType<typeof framing.giletsPairs>[number]) => {
  const article = (x: typeof p.a) => ({ title: x.title, text: x.text, language: x.language, siteName: null, publishedTime: x.publishedTime ?? null });
  return cli.compareArticles(article(p.a), article(p.b));
};
if (!only || only === 'basil') for (const p of framing.basilPairs().filter((x) => x.half === 'tuning')) line({ id: p.id, report: pairOf(p) });
if (!only || only === 'gilets') for (const p of framing.giletsPairs()) line({ id: p.id, report: pairOf(p) });
if (!only || only === 'many') {
  for (const [count, n] of [[300, 8], [200, 12], [100, 30]] as const) {
    const a = pages.manyQuotations(count, n);
    for (const [name, b] of Object.entries(editedCopies(a))) {
      const qa = quotes.extractQuotes(a, 'fr');
      const qb = quotes.extractQuotes(b, 'fr');
      line({ many: [count, n, name], shared: quotes.alignQuotes(a, qa, b, qb, 'fr') });
    }
  }
}
if (only === 'long') {
  const { readGiletsJaunes } = await import(`${root}/tests/support/corpora.ts`) as typeof import('../../tests/support/corpora');
  const { longPair } = await import(`${root}/tests/support/long-pair.ts`) as typeof import('../../tests/support/long-pair');
  const words = readGiletsJaunes().flatMap((d) => d.text.split(/\s+/)).filter((w) => w.length > 0);
  const [a, b] = longPair(words, Number(arg('--bytes') ?? 120_000));
  line({ long: a.length, shared: quotes.alignQuotes(a, quotes.extractQuotes(a, 'fr'), b, quotes.extractQuotes(b, 'fr'), 'fr') });
}
if (only === 'joined') {
  const { readGiletsJaunes } = await import(`${root}/tests/support/corpora.ts`) as typeof import('../../tests/support/corpora');
  const texts = readGiletsJaunes().map((d) => d.text);
  const cut = (order: readonly string[]) => order.join('\n\n').slice(0, Number(arg('--bytes') ?? 250_000));
  const [a, b] = [cut(texts), cut([...texts].reverse())];
  line({ joined: a.length, shared: quotes.alignQuotes(a, quotes.extractQuotes(a, 'fr'), b, quotes.extractQuotes(b, 'fr'), 'fr') });
}
