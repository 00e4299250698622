/**
 * Scale probe for quotation alignment (issue 16, issue 20): a page of `manyQuotations(n)` compared
 * with its edited copy (one word added inside each quotation: the same word, `same`, or one of its
 * own, `own`) through the CLI's code path (`compareArticles`, no budget), old and new checkouts
 * interleaved, each run in its own process (time; peak heap read at each garbage collection, scripts/bench/bench.ts `peakHeap`):
 *   node --import tsx scripts/probe/align-scale.ts --old /work/main --new . --sizes 1000,2000,5000 --edit same
 * A child: --child ROOT N EDIT. Machine noise: compare the two columns of one run (ratios).
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const argv = process.argv;
const arg = (name: string) => { const k = argv.indexOf(name); return k >= 0 ? argv[k + 1] : undefined; };

if (argv.includes('--child')) {
  const [root, n, edit] = argv.slice(argv.indexOf('--child') + 1);
  const pages = await import(`${resolve(root!)}/tests/support/adversarial-pages.ts`) as typeof import('../../tests/support/adversarial-pages');
  const cli = await import(`${resolve(root!)}/cli/commands/compare.ts`) as typeof import('../../cli/commands/compare');
  const { editedCopies } = await import('./align-exact-pages');
  const a = pages.manyQuotations(Number(n));
  const b = editedCopies(a)[edit as 'same' | 'own']!;
  const { peakHeap } = await import('../bench/bench');
  const article = (text: string) => ({ title: 'Réforme', text, language: 'fr', siteName: null, publishedTime: null });
  const t0 = performance.now();
  const { result: report, heapMB } = peakHeap(() => cli.compareArticles(article(a), article(b)));
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ ms: Math.round(ms), peakMB: Math.round(heapMB), reportChars: JSON.stringify(report).length }) + '\n');
  process.exit(0);
}

const sizes = (arg('--sizes') ?? '1000,2000').split(',').map(Number);
const edit = arg('--edit') ?? 'same';
const roots = { old: resolve(arg('--old') ?? '/work/main'), new: resolve(arg('--new') ?? '.') };
const timeout = Number(arg('--timeout') ?? 600) * 1000;
for (const n of sizes) {
  const row: Record<string, unknown> = { n, edit };
  for (const [name, root] of Object.entries(roots)) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--max-old-space-size=3072', '--expose-gc', new URL(import.meta.url).pathname, '--child', root, String(n), edit], { encoding: 'utf8', timeout });
    row[name] = r.status === 0 ? JSON.parse(r.stdout.trim().split('\n').pop()!) : { failed: r.signal ?? r.status, stderr: r.stderr.slice(-300) };
  }
  console.log(JSON.stringify(row));
}
