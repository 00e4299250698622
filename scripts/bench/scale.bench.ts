/**
 * The corpus at 10,000 and 100,000 articles (issue 16 items 1, 2, 6; issue 20 item 5), in Node over
 * fake-indexeddb (the extension's storage code on the browser's storage API, not Chromium):
 *
 * - Import: 10,000 generated articles of real text (scripts/bench/panel-corpus.ts) in parts of
 *   1,000 as the corpus page sends them, analysis included, against the baseline of saving them
 *   one by one (`saveArticle`, measured on 500 and scaled); then 90,000 more (copies of those
 *   texts under other addresses, their features reused: the storage path only) with progress and
 *   the heap after each 10,000. The longest stall of the event loop during each import is measured
 *   by a 10 ms timer (target: under 200 ms).
 * - Cold start: a new database connection and `StoryIndex`, `get()` (the saved index checked
 *   against the corpus version, features only) and the first page compared (`matchPageAsync`),
 *   against the baseline of reading every record, texts included, as `StoryIndex.load` did.
 * - Search (`searchCorpus`, the first 50 rows with their snippets): one word, a phrase, three
 *   words; the first search after the cold start, then the median of 5; against the baseline of
 *   reading every text and matching it (`eachArticle` + `matchArticle`, as the search did), at
 *   10,000 only (it grows linearly).
 */
// Before Dexie: it takes the global IndexedDB when it loads.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { CorpusDb } from '../../extension/storage/corpus-db';
import { eachArticle, saveArticle, searchCorpus } from '../../extension/storage/corpus';
import { analyseForImport, storeImported, type ImportRecord } from '../../extension/storage/import-export';
import { featuresLater, precomputedTerms } from '../../extension/storage/corpus-db';
import { articleTerms } from '../../extension/storage/word-index';
import { computedFeatures, featuresOf } from '../../extension/storage/analysis';
import { readableArticle, type StoredArticle } from '../../extension/storage/article-record';
import { StoryIndex } from '../../entrypoints/background/story-index';
import { CorpusIndex, matchPageAsync } from '../../lib/corpus-index';
import { computeFeatures } from '../../lib/match';
import { compileQuery, matchArticle } from '../../lib/search';
import type { ImportCandidate } from '../../lib/corpus-io';
import { percentiles, type Benchmark } from './bench';
import { generatePanelCorpus } from './panel-corpus';

/**
 * Records with their features computed at once, as the extension's background prepares them after
 * an import (entrypoints/background/preparation.ts; Node runs no background): the story index and
 * the cold start read them, and the copies reuse them.
 */
function withFeatures(records: ImportRecord[]): ImportRecord[] {
  for (const r of records) {
    computedFeatures.set(r, computeFeatures(r));
    featuresLater.delete(r);
  }
  return records;
}

const BASE = Number(process.env.RECOUPE_SCALE_BASE ?? 10_000);
const LARGE = Number(process.env.RECOUPE_SCALE_LARGE ?? 100_000);
const PART = 1_000;
const GROW_PART = 2_000;
const RUNS = 5;
const SHOWN = 50;
const QUERIES = ['gouvernement', '"White House"', 'président gilets jaunes'];
const DB_NAME = 'recoupe-bench-scale';

interface SearchFigure { query: string; found: number; firstMs: number; medianMs: number }
interface ColdFigure { articles: number; loadMs: number; firstCompareMs: number; baselineMs: number }
export interface ScaleBenchResult {
  import10k: { ms: number; analysisMs: number; longestStallMs: number; baselineMsPerArticle: number };
  grow: { articles: number; ms: number; heapMB: number }[];
  growLongestStallMs: number;
  cold: ColdFigure[];
  search: { articles: number; figures: SearchFigure[]; baselineMs?: number[] }[];
}

/** Longest gap between the ticks of a 10 ms timer while `run` runs: how long a request could have waited. */
async function withStallProbe<T>(run: () => Promise<T>): Promise<{ value: T; longestStallMs: number }> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - 10);
    last = now;
  }, 10);
  try {
    const value = await run();
    return { value, longestStallMs: Math.max(longest, performance.now() - last - 10) };
  } finally {
    clearInterval(timer);
  }
}

async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

async function coldStart(articles: number, page: StoredArticle): Promise<ColdFigure> {
  // A saved index for the current version, as the background leaves it.
  let db = new CorpusDb(DB_NAME);
  const warm = new StoryIndex(db);
  const internals = warm as unknown as { persist: (i: CorpusIndex) => Promise<boolean>; persistTimer: ReturnType<typeof setTimeout> | null };
  await internals.persist(await warm.get());
  clearTimeout(internals.persistTimer ?? undefined); // Written already: no later write to a closed database.
  db.close();
  db = new CorpusDb(DB_NAME);
  await db.open();
  const stories = new StoryIndex(db);
  const load = await timed(() => stories.get());
  const compare = await timed(() => matchPageAsync(load.value, computeFeatures(page), (ids) => stories.features(ids)));
  // The baseline: every record read, texts included, as the load did before schema 4.
  const baseline = await timed(async () => (await db.articles.toArray()).map((a) => readableArticle(a)).filter((a) => a !== null).map((a) => featuresOf(a)));
  db.close();
  return { articles, loadMs: load.ms, firstCompareMs: compare.ms, baselineMs: baseline.ms };
}

async function searches(articles: number, withBaseline: boolean): Promise<ScaleBenchResult['search'][number]> {
  const db = new CorpusDb(DB_NAME);
  const figures: SearchFigure[] = [];
  for (const query of QUERIES) {
    const first = await timed(() => searchCorpus(db, { query, limit: SHOWN }));
    const runs: number[] = [];
    for (let r = 0; r < RUNS; r++) runs.push((await timed(() => searchCorpus(db, { query, limit: SHOWN }))).ms);
    figures.push({ query, found: first.value.ids.length, firstMs: first.ms, medianMs: percentiles(runs).median });
  }
  let baselineMs: number[] | undefined;
  if (withBaseline) {
    baselineMs = [];
    for (const query of QUERIES) {
      const compiled = compileQuery(query);
      baselineMs.push((await timed(() => eachArticle(db, (a) => void matchArticle(compiled, a)))).ms);
    }
  }
  db.close();
  return { articles, figures, baselineMs };
}

const bench: Benchmark<ScaleBenchResult> = {
  name: 'scale',
  async run() {
    const { articles } = generatePanelCorpus({ size: BASE, sameEvent: 10 });
    const candidates: ImportCandidate[] = articles.map((article, i) => ({ item: `article ${i + 1}`, article }));
    const now = new Date('2026-02-01T00:00:00Z');

    // Baseline: one transaction and one duplicate look-up per article.
    await Dexie.delete(DB_NAME);
    let db = new CorpusDb(DB_NAME);
    const sample = withFeatures(await analyseForImport(candidates.slice(0, 500), now));
    const oneByOne = await timed(async () => {
      for (const r of sample) await saveArticle(db, r);
    });
    db.close();
    await Dexie.delete(DB_NAME);

    // 10,000 in parts, analysis included.
    db = new CorpusDb(DB_NAME);
    let analysisMs = 0;
    const base: ImportRecord[] = [];
    const imported = await withStallProbe(() => timed(async () => {
      for (let at = 0; at < candidates.length; at += PART) {
        const part = candidates.slice(at, at + PART);
        const analysed = await timed(async () => withFeatures(await analyseForImport(part, now)));
        analysisMs += analysed.ms;
        await storeImported(db, analysed.value, part);
        base.push(...analysed.value);
      }
    }));
    db.close();
    const page = { ...base[0]!, id: -1 } as StoredArticle;
    const cold = [await coldStart(BASE, page)];
    const search = [await searches(BASE, true)];

    // To 100,000: copies under other addresses, features reused, in parts, with progress.
    db = new CorpusDb(DB_NAME);
    const grow: ScaleBenchResult['grow'] = [];
    let stored = BASE;
    const started = performance.now();
    const growing = await withStallProbe(async () => {
      for (let copy = 1; stored < LARGE; copy++) {
        for (let at = 0; at < base.length && stored < LARGE; at += GROW_PART) {
          const records = base.slice(at, at + GROW_PART).map((r) => {
            const record = { ...r, url: `${r.url}?copy=${copy}`, canonicalUrl: null };
            precomputedTerms.set(record, articleTerms(record));
            return record;
          });
          await storeImported(db, records, records.map((r, i) => ({ item: `copy ${copy}.${at + i}`, article: r as never })));
          stored += records.length;
          if (stored % 10_000 === 0) {
            global.gc?.();
            grow.push({ articles: stored, ms: performance.now() - started, heapMB: process.memoryUsage().heapUsed / 1e6 });
          }
        }
      }
    });
    db.close();
    cold.push(await coldStart(LARGE, page));
    search.push(await searches(LARGE, false));
    await Dexie.delete(DB_NAME);
    return {
      import10k: { ms: imported.value.ms, analysisMs, longestStallMs: imported.longestStallMs, baselineMsPerArticle: oneByOne.ms / sample.length },
      grow, growLongestStallMs: growing.longestStallMs, cold, search,
    };
  },
  print(r) {
    const i = r.import10k;
    console.log(`import ${BASE.toLocaleString('en')} in parts of ${PART}: ${(i.ms / 1000).toFixed(1)} s (analysis ${(i.analysisMs / 1000).toFixed(1)} s), longest stall ${i.longestStallMs.toFixed(0)} ms; `
      + `baseline one by one ${(i.baselineMsPerArticle * BASE / 1000).toFixed(1)} s (×${((i.baselineMsPerArticle * BASE) / i.ms).toFixed(1)})`);
    for (const g of r.grow) console.log(`  grown to ${g.articles.toLocaleString('en')}: ${(g.ms / 1000).toFixed(1)} s, heap ${g.heapMB.toFixed(0)} MB (fake-indexeddb holds the database in this heap)`);
    console.log(`  longest stall while growing: ${r.growLongestStallMs.toFixed(0)} ms`);
    for (const c of r.cold) {
      console.log(`cold start at ${c.articles.toLocaleString('en')}: StoryIndex.get ${c.loadMs.toFixed(0)} ms + first compare ${c.firstCompareMs.toFixed(0)} ms; baseline reading every record ${c.baselineMs.toFixed(0)} ms (×${(c.baselineMs / (c.loadMs + c.firstCompareMs)).toFixed(1)})`);
    }
    for (const s of r.search) {
      for (const [k, f] of s.figures.entries()) {
        const base = s.baselineMs?.[k];
        console.log(`search at ${s.articles.toLocaleString('en')} ${f.query}: ${f.found} found, first ${f.firstMs.toFixed(0)} ms, median ${f.medianMs.toFixed(1)} ms (${SHOWN} rows with snippets)`
          + (base !== undefined ? `; baseline reading every text ${base.toFixed(0)} ms (×${(base / f.medianMs).toFixed(0)})` : ''));
      }
    }
  },
};

export default bench;
