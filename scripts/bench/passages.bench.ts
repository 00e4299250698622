/**
 * Passage alignment cost.
 *
 * 1. A page against 20 same-story articles of news length (gilets-jaunes articles on the same
 *    act, 2–8 kB each): median time of our seed-and-extend `comparePassages` per pair (texts
 *    prepared once, as the side panel does), against a plain quadratic Smith–Waterman
 *    (`alignFull`) over the same word sequences in the same run.
 * 2. A long pair: two 5 MB texts (built from the corpus words, B holding edited copies of blocks
 *    of A among new text): both prepared and compared, median time of 3 runs and peak heap, beside
 *    issue 16's targets (≤ 2 s, peak heap ≤ 300 MB) and as a ratio to the built-ins cutting both
 *    texts into words in the same run (both in CPU time: wall time on a shared machine measures
 *    the other processes too).
 * 3. The whole detailed comparison (what `comparisonReport` and `sideBySide` in lib/compare/report.ts
 *    run for one pair) at `DETAIL_SIZES`, in CPU time by part: quotations found in both texts,
 *    passage words of both, passages, quotations aligned, the page's framing, the framing view
 *    beside the other. The texts are gilets-jaunes articles joined end to end (A in file order,
 *    B from the last backwards), so quotation marks pair as in real news; read beside
 *    `MAX_DETAIL_CHARS`.
 */
import { comparePassages, alignFull, preparePassages, type PreparedText } from '../../lib/passages';
import { alignQuotesUntil, extractQuotes } from '../../lib/quotes';
import { articleFraming } from '../../lib/framing';
import { framingView } from '../../lib/framing/view';
import { MAX_DETAIL_CHARS } from '../../lib/compare/report';
import { readGiletsJaunes } from '../../tests/support/corpora';
import { cpuTime, peakHeap, percentiles, time, type Benchmark } from './bench';
import { longPair as longPairOf } from '../../tests/support/long-pair';

const REPEAT = 3;
const LONG_BYTES = 5_000_000;
/** Sizes of the texts the whole detailed comparison is measured at (a long article is 60,000 characters). */
const DETAIL_SIZES = [60_000, 120_000, 250_000];

/** The two ~5 MB texts of the long case (tests/support/long-pair.ts); adversarial.bench.ts reuses them. */
export const longPair = (words: readonly string[]): [string, string] => longPairOf(words, LONG_BYTES);

interface Result {
  pairs: number;
  oursMedianMs: number;
  alignedOnlyMedianMs: number;
  quadraticMedianMs: number;
  ratio: number;
  long: { chars: [number, number]; ms: number; cpuMs: number; ratio: number; peakHeapMB: number; withBuffersMB: number; passages: number; coverageB: number };
  detail: Detail[];
}

/** CPU milliseconds of each part of one pair's detailed comparison. */
interface Detail {
  chars: number;
  quotesFound: number;
  passageWords: number;
  passages: number;
  quotesAligned: number;
  pageFraming: number;
  framingView: number;
}

/** CPU milliseconds of one call. */
function cpuOnce<T>(fn: () => T): [T, number] {
  let result: T | undefined;
  const [ms] = cpuTime(() => (result = fn()), 1);
  return [result as T, ms!];
}

function detailAt(articles: readonly string[], chars: number): Detail {
  const joined = (order: readonly string[]) => order.join('\n\n').slice(0, chars);
  const a = joined(articles);
  const b = joined([...articles].reverse());
  const [qa, qaMs] = cpuOnce(() => extractQuotes(a, 'fr'));
  const [qb, qbMs] = cpuOnce(() => extractQuotes(b, 'fr'));
  const reported = (q: typeof qa) => q.filter((x) => x.kind === 'reported');
  const [wa, waMs] = cpuOnce(() => preparePassages(a, 'fr', reported(qa)));
  const [wb, wbMs] = cpuOnce(() => preparePassages(b, 'fr', reported(qb)));
  const [, passages] = cpuOnce(() => comparePassages(wa, wb));
  const [, quotesAligned] = cpuOnce(() => alignQuotesUntil(a, qa, b, qb, 'fr', Infinity));
  const page = { title: null, text: a, language: 'fr', quotes: qa, words: wa };
  const [pf, pageFraming] = cpuOnce(() => articleFraming(page));
  const [, view] = cpuOnce(() => framingView(page, pf, { id: 1, title: null, text: b, language: 'fr' }, { quotes: qb }));
  return { chars, quotesFound: qaMs + qbMs, passageWords: waMs + wbMs, passages, quotesAligned, pageFraming, framingView: view };
}


const bench: Benchmark<Result> = {
  name: 'passages',
  async run() {
    const docs = readGiletsJaunes();
    const news = docs.filter((d) => d.text.length >= 2000 && d.text.length <= 8000);
    const page = preparePassages(news[0]!.text, 'fr');
    const others: PreparedText[] = news.slice(1, 21).map((d) => preparePassages(d.text, 'fr'));
    const ours: number[] = [];
    const alignedOnly: number[] = [];
    const quadratic: number[] = [];
    for (const o of others) {
      ours.push(percentiles(time(() => comparePassages(page, o), REPEAT)).median);
      alignedOnly.push(percentiles(time(() => comparePassages(page, o, { paraphrase: false }), REPEAT)).median);
      quadratic.push(percentiles(time(() => alignFull(page, o), REPEAT)).median);
    }
    const oursMedianMs = percentiles(ours).median;
    const quadraticMedianMs = percentiles(quadratic).median;

    const words = docs.flatMap((d) => d.text.split(/\s+/)).filter((w) => w.length > 0);
    const [la, lb] = longPair(words);
    const runs = Array.from({ length: REPEAT }, () => {
      const start = performance.now();
      const cpu = process.cpuUsage();
      const { result, heapMB, withBuffersMB } = peakHeap(() => comparePassages(preparePassages(la, 'fr'), preparePassages(lb, 'fr')));
      const used = process.cpuUsage(cpu);
      return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, heapMB, withBuffersMB, result };
    });
    const mid = [...runs].sort((x, y) => x.ms - y.ms)[Math.floor(REPEAT / 2)]!;
    const cpuMs = percentiles(runs.map((x) => x.cpuMs)).median;
    // Baseline in the same run: what the built-ins take to decompose, lower-case and cut both texts.
    const builtinsCpuMs = percentiles(cpuTime(() => [la, lb].map((t) => t.normalize('NFD').toLowerCase().match(/[\p{L}\p{N}]+/gu)?.length), REPEAT)).median;
    const articles = docs.map((d) => d.text);
    const detail = DETAIL_SIZES.map((chars) => detailAt(articles, chars));
    return {
      pairs: others.length,
      oursMedianMs,
      alignedOnlyMedianMs: percentiles(alignedOnly).median,
      quadraticMedianMs,
      ratio: oursMedianMs / quadraticMedianMs,
      long: { chars: [la.length, lb.length], ms: mid.ms, cpuMs, ratio: cpuMs / builtinsCpuMs, peakHeapMB: Math.max(...runs.map((x) => x.heapMB)), withBuffersMB: Math.max(...runs.map((x) => x.withBuffersMB)), passages: mid.result.passages.length, coverageB: mid.result.coverage.b },
      detail,
    };
  },
  print(r) {
    console.log(`page vs ${r.pairs} same-story articles: median ${r.oursMedianMs.toFixed(2)} ms per pair (ours), ${r.quadraticMedianMs.toFixed(2)} ms (plain quadratic Smith–Waterman); ratio ${r.ratio.toFixed(3)}`);
    console.log(`  of which alignment alone (no paraphrase pass): median ${r.alignedOnlyMedianMs.toFixed(2)} ms; ratio ${(r.alignedOnlyMedianMs / r.quadraticMedianMs).toFixed(3)}`);
    console.log(`long pair ${r.long.chars.map((c) => `${(c / 1e6).toFixed(1)} MB`).join(' + ')} (both prepared, then compared): median of ${REPEAT} ${(r.long.ms / 1000).toFixed(2)} s wall, ${(r.long.cpuMs / 1000).toFixed(2)} s CPU (target ≤ 2 s), CPU ${r.long.ratio.toFixed(1)}× the built-ins cutting both texts into words (NFD, lower case, a word regex); peak heap ${r.long.peakHeapMB.toFixed(0)} MB (target ≤ 300 MB), ${r.long.withBuffersMB.toFixed(0)} MB with typed arrays; ${r.long.passages} passages, coverage of B ${(100 * r.long.coverageB).toFixed(1)}% (30% of B's blocks are edited copies of A)`);
    console.log(`whole detailed comparison of two texts of joined articles, CPU by part (MAX_DETAIL_CHARS ${MAX_DETAIL_CHARS.toLocaleString('en')}):`);
    for (const d of r.detail) {
      const total = d.quotesFound + d.passageWords + d.passages + d.quotesAligned + d.pageFraming + d.framingView;
      const part = (label: string, ms: number) => `${label} ${(ms / 1000).toFixed(2)} s (${((100 * ms) / total).toFixed(0)}%)`;
      console.log(`  ${d.chars.toLocaleString('en')} characters each: ${(total / 1000).toFixed(2)} s; ${[part('quotations found', d.quotesFound), part('passage words', d.passageWords), part('passages', d.passages), part('quotations aligned', d.quotesAligned), part('page framing', d.pageFraming), part('framing view', d.framingView)].join(', ')}`);
    }
  },
};
export default bench;
