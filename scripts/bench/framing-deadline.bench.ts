/**
 * The framing past its deadline (issue 20, "Bounded analysis"): how long after its deadline the
 * framing of a page beside another version returns (`FramingCut`), on pages made to be slow, beside
 * the plain article in the same run. The framing reads its clock between its parts and every 64
 * items inside their loops (lib/framing/deadline.ts); a stretch without a read is how far a
 * comparison can overrun its budget. Per page, medians of 7 runs: the framing without a deadline;
 * the longest stretch between two reads of the clock; and the time from the deadline to the
 * return, for 5 deadlines spread over the unbounded run (the worst and the median of the 5).
 * The longest stretch is the worst case of the deadline → return time (a deadline that falls at
 * its start). Target: no stretch over 100 ms on any page, half of issue 20's limit of a 200 ms
 * stall for the whole background.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { articleFraming, withinDeadline, type FramingDeadline } from '../../lib/framing';
import { framingView } from '../../lib/framing/view';
import { words } from '../../lib/framing/words';
import { extractQuotes } from '../../lib/quotes';
import { extractFromText } from '../../lib/extract';
import { manyMarks, manyNames, manyQuotations, prose } from '../../tests/support/adversarial-pages';
import { SEEDS_DIR } from '../../tests/support/shared-fixtures';
import { percentiles, type Benchmark } from './bench';

const RUNS = 7;
const DEADLINES = 5;
const TARGET_MS = 100;

interface Row { page: string; chars: number; framingMs: number; longestStretchMs: number; worstOverrunMs: number; medianOverrunMs: number; notReached: number }

const median = (xs: number[]) => percentiles(xs).median;

interface Pair { page: { title: string; text: string; language: string; quotes: ReturnType<typeof extractQuotes> }; other: { id: number; title: string; text: string; language: string }; prepared: { quotes: ReturnType<typeof extractQuotes> } }

/** The page's framing beside the other version (both articles' framing made under the deadline, as the report makes them); null when cut. */
function framed({ page, other, prepared }: Pair, deadline: FramingDeadline) {
  words('', 'fr'); // its one-text cache emptied: every run reads the text
  return withinDeadline(() => framingView(page, articleFraming(page, deadline), other, prepared, undefined, deadline));
}

function measure(name: string, text: string, otherText: string): Row {
  // The quotations are found before (the comparison has them when the framing starts).
  const pair: Pair = { page: { title: 'La page', text, language: 'fr', quotes: extractQuotes(text, 'fr') }, other: { id: 1, title: 'L’autre version', text: otherText, language: 'fr' }, prepared: { quotes: extractQuotes(otherText, 'fr') } };
  const totals: number[] = [];
  const stretches: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    let last = NaN;
    let longest = 0;
    const start = performance.now();
    // A deadline that never comes, but is read: the reads are timed.
    framed(pair, { at: Number.MAX_VALUE, now: () => { const t = performance.now(); if (!Number.isNaN(last)) longest = Math.max(longest, t - last); last = t; return t; } });
    const end = performance.now();
    totals.push(end - start);
    stretches.push(Math.max(longest, end - last));
  }
  const framingMs = median(totals);
  const overruns: number[] = [];
  let notReached = 0;
  for (let p = 1; p <= DEADLINES; p++) {
    const after = (p / (DEADLINES + 1)) * framingMs;
    const runs: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const start = performance.now();
      const out = framed(pair, { at: start + after, now: () => performance.now() });
      if (out === null) runs.push(performance.now() - start - after);
    }
    if (runs.length) overruns.push(median(runs));
    else notReached++;
  }
  return { page: name, chars: text.length, framingMs, longestStretchMs: median(stretches), worstOverrunMs: Math.max(...overruns), medianOverrunMs: median(overruns), notReached };
}

const bench: Benchmark<Row[]> = {
  name: 'framing-deadline',
  async run() {
    const seed = (id: string) => extractFromText(readFileSync(join(SEEDS_DIR, `${id}.txt`), 'utf8')).text;
    const edited = (n: number) => Array.from({ length: n }, (_, i) => `« ${prose(i % 2 ? 8 : 9, i)} », a déclaré Jean Dupont${i % 10}.`).join(' ');
    return [
      measure('plain article (seed 000 beside 001)', seed('000_492f0f67598950be'), seed('001_efc4fda914ae2fdd')),
      measure('5,000 quotations, beside an edited copy', manyQuotations(5_000, 8), edited(5_000)),
      measure('10,000 quotation marks, beside a copy with another verb', manyMarks(5_000), manyMarks(5_000).replaceAll('a déclaré', 'a affirmé')),
      measure('1,000 sentences dense in names and appositions, beside a copy with another verb', manyNames(1_000), manyNames(1_000).replaceAll('a affirmé', 'a déclaré')),
    ];
  },
  print(rows) {
    console.table(rows.map((x) => ({
      page: x.page, chars: x.chars, 'framing ms (no deadline)': x.framingMs.toFixed(0), 'ratio to plain': (x.framingMs / rows[0]!.framingMs).toFixed(0),
      'longest stretch between clock reads, ms': x.longestStretchMs.toFixed(1), [`deadline → return, worst of ${DEADLINES}, ms`]: x.worstOverrunMs.toFixed(1), 'median, ms': x.medianOverrunMs.toFixed(1),
      ...(x.notReached ? { 'deadlines not reached (ran faster)': x.notReached } : {}),
    })));
    const over = rows.filter((x) => x.longestStretchMs > TARGET_MS).map((x) => x.page);
    console.log(`target: no stretch over ${TARGET_MS} ms between two reads of the framing's clock (the latest it can return past its deadline) on any page: ${over.length ? `MISSED on ${over.join('; ')}` : 'met'} (medians of ${RUNS} runs)`);
  },
};
export default bench;
