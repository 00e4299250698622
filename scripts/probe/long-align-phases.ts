/**
 * The 5 MB pair of issue 16 (tests/support/long-pair.ts), prepared, then aligned without a
 * deadline (or with --deadline MS from its start): CPU time of each step, the alignment's result
 * size and the peak heap, for a checkout given by --root.
 *   node --import tsx scripts/probe/long-align-phases.ts [--root DIR] [--bytes N] [--deadline MS]
 */
import { resolve } from 'node:path';

const arg = (name: string) => { const k = process.argv.indexOf(name); return k >= 0 ? process.argv[k + 1] : undefined; };
const root = resolve(arg('--root') ?? new URL('../..', import.meta.url).pathname);
const bytes = Number(arg('--bytes') ?? 5_000_000);
const compare = await import(`${root}/lib/compare/index.ts`) as typeof import('../../lib/compare');
const quotes = await import(`${root}/lib/quotes/index.ts`) as typeof import('../../lib/quotes');
const corpora = await import(`${root}/tests/support/corpora.ts`) as typeof import('../../tests/support/corpora');
const bench = await import(`${root}/scripts/bench/bench.ts`) as typeof import('../bench/bench');
const pair = await import(`${root}/tests/support/long-pair.ts`) as typeof import('../../tests/support/long-pair');

const words = corpora.readGiletsJaunes().flatMap((d) => d.text.split(/\s+/)).filter((w) => w.length > 0);
const [la, lb] = pair.longPair(words, bytes);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
let t = cpu();
const lap = (what: string) => { const now = cpu(); console.log(`${what}: ${(now - t).toFixed(0)} ms CPU, heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB`); t = now; };
const A = compare.prepareArticle({ text: la, language: 'fr' });
lap('prepare A');
const B = compare.prepareArticle({ text: lb, language: 'fr' });
lap('prepare B');
const deadline = arg('--deadline');
let wall = 0;
const { result: r, heapMB } = bench.peakHeap(() => {
  const t0 = performance.now();
  const out = quotes.alignQuotesUntil(A.text, A.quotes, B.text, B.quotes, 'fr', deadline ? t0 + Number(deadline) : Infinity);
  wall = performance.now() - t0;
  return out;
});
lap(`align (deadline ${deadline ?? 'none'}): ${wall.toFixed(0)} ms wall, ${r.shared.length} shared, complete ${r.complete}, peak heap ${heapMB.toFixed(0)} MB`);
