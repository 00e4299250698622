/**
 * The adversarial benchmark's long case (issue 16: two 5 MB texts, tests/support/long-pair.ts,
 * prepared with `prepareArticle`, then `comparePrepared` with the step budget counted from the
 * compare's start), old and new checkouts alternated, each run in its own process: CPU of each
 * phase, peak heap (max of the heap used before each GC and at the end, as
 * scripts/bench/bench.ts `peakHeap`) and in which phase it was reached.
 *   node --import tsx scripts/probe/long-compare.ts --old /work/main --new . [--runs 3]
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { GCProfiler } from 'node:v8';


const argv = process.argv;
const arg = (name: string) => { const k = argv.indexOf(name); return k >= 0 ? argv[k + 1] : undefined; };

if (argv.includes('--child')) {
  const r = resolve(argv[argv.indexOf('--child') + 1]!);
  const compare = await import(`${r}/lib/compare/index.ts`) as typeof import('../../lib/compare');
  const { COMPARE_BUDGET } = await import(`${r}/lib/compare/report.ts`) as typeof import('../../lib/compare/report');
  const corpora = await import(`${r}/tests/support/corpora.ts`) as typeof import('../../tests/support/corpora');
  const pair = await import(`${r}/tests/support/long-pair.ts`) as typeof import('../../tests/support/long-pair');
  const words = corpora.readGiletsJaunes().flatMap((d) => d.text.split(/\s+/)).filter((w) => w.length > 0);
  const [la, lb] = pair.longPair(words, 5_000_000);
  const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
  (globalThis as { gc?: () => void }).gc?.();
  const marks: [number, number][] = [];
  const mark = () => marks.push([performance.now(), cpu()]);
  // One GC profile per phase: the heap before each of its GCs, and at its end.
  const peak: number[] = [];
  const phase = <T>(fn: () => T): T => {
    const profiler = new GCProfiler();
    profiler.start();
    mark();
    const out = fn();
    mark();
    const stats = profiler.stop()?.statistics ?? [];
    peak.push(Math.max(process.memoryUsage().heapUsed, ...stats.map((s) => s.beforeGC.heapStatistics.usedHeapSize)) / 2 ** 20);
    return out;
  };
  const A = phase(() => compare.prepareArticle({ text: la, language: 'fr' }));
  const B = phase(() => compare.prepareArticle({ text: lb, language: 'fr' }));
  const res = phase(() => compare.comparePrepared(A, B, performance.now() + COMPARE_BUDGET.stepMs));
  const cpuMs = [0, 2, 4].map((i) => Math.round(marks[i + 1]![1] - marks[i]![1]));
  process.stdout.write(JSON.stringify({ cpuMs, total: cpuMs.reduce((x, y) => x + y, 0), peakMB: peak.map(Math.round), maxMB: Math.round(Math.max(...peak)), quotes: A.quotes.length + B.quotes.length, passages: res.passages.length, shared: res.sharedQuotes.length, }) + '\n');
  process.exit(0);
}

const roots = { old: resolve(arg('--old') ?? '/work/main'), new: resolve(arg('--new') ?? '.') };
for (let run = 0; run < Number(arg('--runs') ?? 3); run++) {
  const row: Record<string, unknown> = { run };
  for (const [name, root] of (run % 2 ? Object.entries(roots).reverse() : Object.entries(roots))) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', new URL(import.meta.url).pathname, '--child', root], { encoding: 'utf8', timeout: 600_000 });
    row[name] = r.status === 0 ? JSON.parse(r.stdout.trim().split('\n').pop()!) : { failed: r.signal ?? r.status, stderr: r.stderr.slice(-300) };
  }
  console.log(JSON.stringify(row));
}
