/**
 * Pages made to be slow (issue 20, "Bounded analysis"; issue 16, "Linear everywhere"), timed
 * beside a plain article in the same run: quotation extraction on each, and the whole detailed
 * comparison (both texts prepared, quotations aligned, passages) of a page with a copy of itself
 * and of two 5 MB texts, with the heap at the phase boundaries and the process's peak RSS.
 * Targets (issue 16): quotes on the 20,000-word runaway text ≤ 0.5 s; two 5 MB texts compared
 * ≤ 2 s with peak heap ≤ 300 MB.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { comparePrepared, prepareArticle } from '../../lib/compare';
import { COMPARE_BUDGET } from '../../lib/compare/report';
import { extractQuotes } from '../../lib/quotes';
import { manyMarks, manyQuotations, runawayMark, singleWord } from '../../tests/support/adversarial-pages';
import { readGiletsJaunes } from '../../tests/support/corpora';
import { SEEDS_DIR } from '../../tests/support/shared-fixtures';
import { cpuTime, peakHeap, percentiles, time, type Benchmark } from './bench';
import { longPair } from './passages.bench';

interface Row { page: string; chars: number; quotes: number; quotesMs: number; compareMs: number; ratio: number; heapMB: number; partial: boolean }
interface Result { rows: Row[]; runawayCpu: [number, number]; long: { chars: [number, number]; ms: number; cpuMs: number; phasesMs: number[]; heapMB: number; passages: number; quotes: number; partial: boolean }; maxRssMB: number }

const heapMB = () => process.memoryUsage().heapUsed / 2 ** 20;
const RUNAWAY = 'one unclosed « over 20,000 words';

/**
 * Median time of extraction, then of the detailed comparison of the page with a copy of itself,
 * the quotation alignment under the background's step budget (`partial` when it stopped there).
 */
function measure(page: string, text: string, repeat: number): Omit<Row, 'ratio'> {
  let quotes = 0;
  const quotesMs = percentiles(time(() => (quotes = extractQuotes(text, 'fr').length), repeat)).median;
  let heap = heapMB();
  let partial = false;
  const compareMs = percentiles(time(() => {
    const a = prepareArticle({ text, language: 'fr' });
    const b = prepareArticle({ text: `${text} `, language: 'fr' });
    heap = Math.max(heap, heapMB());
    partial = comparePrepared(a, b, performance.now() + COMPARE_BUDGET.stepMs).quotesPartial === true;
    heap = Math.max(heap, heapMB());
  }, repeat)).median;
  return { page, chars: text.length, quotes, quotesMs, compareMs, heapMB: heap, partial };
}

const bench: Benchmark<Result> = {
  name: 'adversarial',
  async run() {
    const plain = readFileSync(join(SEEDS_DIR, '000_492f0f67598950be.txt'), 'utf8');
    const base = measure('plain article (seed 000)', plain, 5);
    // [name, text, runs]: the runaway page has a target of its own (median of 3 runs).
    const pages: [string, string, number][] = [
      ['10,000 quotation marks, one paragraph', manyMarks(5_000), 1],
      [RUNAWAY, runawayMark(20_000), 3],
      ['5,000 quotations', manyQuotations(5_000), 1],
      ['a 1 MB single word', singleWord(1_000_000), 1],
    ];
    const rows = [base, ...pages.map(([name, text, runs]) => measure(name, text, runs))].map((r) => ({ ...r, ratio: r.compareMs / base.compareMs }));

    const runawayCpuMs = percentiles(cpuTime(() => extractQuotes(pages[1]![1], 'fr'), 3)).median;
    const plainCpuMs = percentiles(cpuTime(() => extractQuotes(plain, 'fr'), 5)).median;

    const words = readGiletsJaunes().flatMap((d) => d.text.split(/\s+/)).filter((w) => w.length > 0);
    const [la, lb] = longPair(words);
    const start = performance.now();
    const cpu = process.cpuUsage();
    let t1 = 0;
    let t2 = 0;
    const { result: [A, B, r], heapMB: heap } = peakHeap(() => {
      const A = prepareArticle({ text: la, language: 'fr' });
      t1 = performance.now();
      const B = prepareArticle({ text: lb, language: 'fr' });
      t2 = performance.now();
      return [A, B, comparePrepared(A, B, performance.now() + COMPARE_BUDGET.stepMs)] as const;
    });
    const end = performance.now();
    const used = process.cpuUsage(cpu);
    return {
      rows,
      runawayCpu: [runawayCpuMs, plainCpuMs],
      long: { chars: [la.length, lb.length], ms: end - start, cpuMs: (used.user + used.system) / 1000, phasesMs: [t1 - start, t2 - t1, end - t2], heapMB: heap, passages: r.passages.length, quotes: A.quotes.length + B.quotes.length, partial: r.quotesPartial === true },
      maxRssMB: process.resourceUsage().maxRSS / 1024,
    };
  },
  print(r) {
    console.table(r.rows.map((x) => ({ page: x.page, chars: x.chars, quotes: x.quotes, 'quotes ms': x.quotesMs.toFixed(1), 'compared with a copy, ms': x.compareMs.toFixed(1), 'ratio to plain': x.ratio.toFixed(1), 'alignment stopped at step budget': x.partial, 'heap MB': x.heapMB.toFixed(0) })));
    const runaway = r.rows.find((x) => x.page === RUNAWAY)!;
    console.log(`quotes on the 20,000-word runaway text: median of 3 ${runaway.quotesMs.toFixed(0)} ms wall, ${r.runawayCpu[0].toFixed(0)} ms CPU (target ≤ 500 ms); ${(r.runawayCpu[0] / r.runawayCpu[1]).toFixed(1)}× the plain article's CPU time`);
    console.log(`two texts ${r.long.chars.map((c) => `${(c / 1e6).toFixed(1)} MB`).join(' + ')} compared (both prepared, quotes and passages): ${(r.long.ms / 1000).toFixed(2)} s wall, ${(r.long.cpuMs / 1000).toFixed(2)} s CPU (prepare A, prepare B, compare: ${r.long.phasesMs.map((m) => (m / 1000).toFixed(2)).join(' + ')} s), ${(r.long.ms / r.rows[0]!.compareMs).toFixed(0)}× the plain article; one run (target ≤ 2 s for two 5 MB texts compared; passages alone in the passages bench); peak heap ${r.long.heapMB.toFixed(0)} MB (target ≤ 300 MB); ${r.long.quotes} quotations, alignment stopped at step budget: ${r.long.partial}; ${r.long.passages} passages`);
    console.log(`process peak RSS ${r.maxRssMB.toFixed(0)} MB`);
  },
};
export default bench;
