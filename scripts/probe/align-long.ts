/**
 * Quotation alignment on the long pair of the passages benchmark (two ~5 MB texts of gilets-jaunes
 * words in random order, B holding edited blocks of A: tests/support/long-pair.ts): quotations
 * found in both, then aligned without a deadline; old and new checkouts each in its own process,
 * CPU time and peak heap (scripts/bench/bench.ts `peakHeap`) of the alignment alone:
 *   node --import tsx scripts/probe/align-long.ts --old /work/main --new . [--bytes 5000000] [--runs 3] [--joined]
 * (`--joined`: the benchmark's detailed case instead, gilets-jaunes articles joined, B in reverse order.)
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const argv = process.argv;
const arg = (name: string) => { const k = argv.indexOf(name); return k >= 0 ? argv[k + 1] : undefined; };

if (argv.includes('--child')) {
  const [root, bytes, joined] = argv.slice(argv.indexOf('--child') + 1);
  const r = resolve(root!);
  const quotes = await import(`${r}/lib/quotes/index.ts`) as typeof import('../../lib/quotes');
  const { readGiletsJaunes } = await import(`${r}/tests/support/corpora.ts`) as typeof import('../../tests/support/corpora');
  const { longPair } = await import(`${r}/tests/support/long-pair.ts`) as typeof import('../../tests/support/long-pair');
  const { peakHeap } = await import('../bench/bench');
  const docs = readGiletsJaunes();
  const words = docs.flatMap((d) => d.text.split(/\s+/)).filter((w) => w.length > 0);
  // --joined: the benchmark's detailed case instead, real articles joined, B in the reverse order.
  const cut = (order: readonly string[]) => order.join('\n\n').slice(0, Number(bytes));
  const [a, b] = joined === 'joined' ? [cut(docs.map((d) => d.text)), cut(docs.map((d) => d.text).reverse())] : longPair(words, Number(bytes));
  const qa = quotes.extractQuotes(a, 'fr');
  const qb = quotes.extractQuotes(b, 'fr');
  const cpu = process.cpuUsage();
  const { result, heapMB } = peakHeap(() => quotes.alignQuotesUntil(a, qa, b, qb, 'fr', Infinity));
  const used = process.cpuUsage(cpu);
  const reported = (q: typeof qa) => q.filter((x) => x.kind === 'reported').length;
  process.stdout.write(JSON.stringify({ cpuMs: Math.round((used.user + used.system) / 1000), peakMB: Math.round(heapMB), quotes: [reported(qa), reported(qb)], shared: result.shared.length, sharedChars: JSON.stringify(result.shared).length }) + '\n');
  process.exit(0);
}

const roots = { old: resolve(arg('--old') ?? '/work/main'), new: resolve(arg('--new') ?? '.') };
const bytes = arg('--bytes') ?? '5000000';
const joined = argv.includes('--joined') ? 'joined' : 'random';
for (let run = 0; run < Number(arg('--runs') ?? 3); run++) {
  const row: Record<string, unknown> = { run, bytes: Number(bytes), joined };
  for (const [name, root] of Object.entries(roots)) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--max-old-space-size=3072', new URL(import.meta.url).pathname, '--child', root, bytes, joined], { encoding: 'utf8', timeout: 600_000 });
    row[name] = r.status === 0 ? JSON.parse(r.stdout.trim().split('\n').pop()!) : { failed: r.signal ?? r.status, stderr: r.stderr.slice(-300) };
  }
  console.log(JSON.stringify(row));
}
