/**
 * Hashes of the quotations extracted (every field, JSON) from the seeds, the gilets-jaunes
 * articles, the BASIL tuning-half pairs and the 5 MB pair of issue 16, for a checkout given by
 * --root: two checkouts' lines compared (`diff`) say whether a change left extraction byte-identical.
 *   node --import tsx scripts/probe/quotes-hash.ts [--root DIR]
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';

const arg = (name: string) => { const k = process.argv.indexOf(name); return k >= 0 ? process.argv[k + 1] : undefined; };
const root = resolve(arg('--root') ?? new URL('../..', import.meta.url).pathname);
const quotes = await import(`${root}/lib/quotes/index.ts`) as typeof import('../../lib/quotes');
const corpora = await import(`${root}/tests/support/corpora.ts`) as typeof import('../../tests/support/corpora');
const fixtures = await import(`${root}/lib/text/__tests__/fixtures.ts`) as typeof import('../../lib/text/__tests__/fixtures');
const framing = await import(`${root}/tests/evals/framing.ts`) as typeof import('../../tests/evals/framing');
const pair = await import(`${root}/tests/support/long-pair.ts`) as typeof import('../../tests/support/long-pair');

const hash = (texts: [string, string][]) => {
  const h = createHash('sha256');
  let n = 0;
  for (const [text, lang] of texts) {
    const q = quotes.extractQuotes(text, lang);
    n += q.length;
    h.update(JSON.stringify(q));
  }
  return `${n} quotations ${h.digest('hex').slice(0, 16)}`;
};
console.log('seeds', hash(fixtures.readSeeds().map((s) => [s.text, 'fr'])));
const gilets = corpora.readGiletsJaunes();
console.log('gilets-jaunes', hash(gilets.map((d) => [d.text, 'fr'])));
const basil = framing.basilPairs().filter((p) => p.half === 'tuning').flatMap((p) => [p.a, p.b]);
console.log('basil tuning', hash(basil.map((a) => [a.text, a.language ?? 'en'])));
const words = gilets.flatMap((d) => d.text.split(/\s+/)).filter((w) => w.length > 0);
const [la, lb] = pair.longPair(words, 5_000_000);
console.log('5 MB pair', hash([[la, 'fr'], [lb, 'fr']]));
