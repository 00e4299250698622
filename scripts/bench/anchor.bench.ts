/**
 * Anchoring the panel's evidence in a page (lib/anchor), as the page does on each highlight.
 *
 * The page: the 42 PolNeAR articles one after another (~190,000 characters, a very long page),
 * and the same repeated to ~1,000,000 characters (the largest page Recoupe analyses). The items:
 * 40 sentences of one of its articles, as TextQuote selectors. Timed: anchoring all of them when
 * the page has them word for word, when three words of each were edited (approximate search),
 * and when the article was removed (orphans, the costliest: every search runs to the end).
 * Baseline, in the same run: the old exact-only look-up (normalise the page, `indexOf` each text).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { anchorQuotes, quoteSelector, type TextQuote } from '../../lib/anchor';
import { normalizeForComparison } from '../../lib/text/normalize';
import { sentences } from '../../lib/text/segment';
import { FIXTURES_DIR } from '../../tests/support/shared-fixtures';
import { percentiles, time, type Benchmark } from './bench';
import { editThreeWords } from '../../tests/support/edit-words';

const REPEAT = 3;
const ITEMS = 40;
const MAX_PAGE_CHARS = 1_000_000;

interface Case {
  chars: number;
  baselineMs: number;
  exactMs: number;
  editedMs: number;
  orphanMs: number;
  found: { exact: number; edited: number; orphan: number };
}
type Result = { items: number; pages: Case[] };

function measure(page: string, target: string, quotes: TextQuote[]): Case {
  const spans = quotes.map((q) => q.exact);
  const edited = page.replace(target, spans.reduce((t, s) => t.replace(s, editThreeWords(s)), target));
  const removed = page.replace(target, '');
  const ms = (text: string) => percentiles(time(() => anchorQuotes(text, quotes), REPEAT)).median;
  const found = (text: string) => anchorQuotes(text, quotes).filter((a) => a.status !== 'orphan').length;
  const baseline = () => {
    const n = normalizeForComparison(page);
    return quotes.map((q) => n.indexOf(normalizeForComparison(q.exact)));
  };
  return {
    chars: page.length,
    baselineMs: percentiles(time(baseline, REPEAT)).median,
    exactMs: ms(page),
    editedMs: ms(edited),
    orphanMs: ms(removed),
    found: { exact: found(page), edited: found(edited), orphan: found(removed) },
  };
}

const bench: Benchmark<Result> = {
  name: 'anchor',
  async run() {
    const dir = join(FIXTURES_DIR, 'polnear/test/text');
    const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
    const texts = files.map((f) => readFileSync(join(dir, f), 'utf8'));
    const target = texts.reduce((a, b) => (b.length > a.length ? b : a));
    const spans = sentences(target).filter((s) => s.end - s.start >= 60).slice(0, ITEMS);
    const quotes = spans.map((s) => quoteSelector(target, { start: s.start, end: s.start + target.slice(s.start, s.end).trimEnd().length }));
    const page = texts.join('\n\n');
    // The long page keeps the target article once, in the middle of the repeats of the others.
    const others = texts.filter((t) => t !== target).join('\n\n');
    const copies = Math.max(1, Math.floor(MAX_PAGE_CHARS / others.length));
    const half = Math.floor(copies / 2);
    const long = [...Array(half).fill(others), target, ...Array(copies - half).fill(others)].join('\n\n');
    return { items: quotes.length, pages: [measure(page, target, quotes), measure(long, target, quotes)] };
  },
  print({ items, pages }) {
    for (const c of pages) {
      console.log(`${items} items in a page of ${c.chars.toLocaleString('en')} characters:`);
      console.log(`  exact-only indexOf baseline ${c.baselineMs.toFixed(1)} ms`);
      console.log(`  all present     ${c.exactMs.toFixed(1)} ms (${(c.exactMs / c.baselineMs).toFixed(1)}× baseline), found ${c.found.exact}/${items}`);
      console.log(`  3 words edited  ${c.editedMs.toFixed(1)} ms (${(c.editedMs / c.baselineMs).toFixed(1)}× baseline), found ${c.found.edited}/${items}`);
      console.log(`  article removed ${c.orphanMs.toFixed(1)} ms (${(c.orphanMs / c.baselineMs).toFixed(1)}× baseline), found ${c.found.orphan}/${items}`);
    }
  },
};
export default bench;
