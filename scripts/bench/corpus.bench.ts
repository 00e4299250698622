/**
 * The corpus page on a large corpus, in Node over fake-indexeddb (the extension's storage code,
 * the browser's storage API): a generated corpus of 10,000 articles of real text
 * (scripts/bench/panel-corpus.ts, 10 of them versions of the seeds' event; `RECOUPE_CORPUS_SIZE`
 * sets another number), stored 200 a transaction as an import stores them.
 *
 * - Full-text search (`searchCorpus`: words of the title, site, URL and text, facets, the first 50
 *   rows with their snippets; one word, several, phrases; median of 7),
 *   against the baseline of folding every text the way comparison normalises it
 *   (`normalizeWithMap`, accents folded) and looking for the words in it, on the same articles
 *   already in memory (so the baseline is not even charged for reading them). Target: faster
 *   than the baseline (ratio < 1).
 * - The same searches on a second connection, as the corpus page opens its own (page-search.ts):
 *   its first search (caches empty: the page just opened) and the next, beside the background's.
 * - Stories (`groupStories` over the corpus index): 10,000 articles against 1,000 of the same
 *   corpus. Target: close to linear (ratio under 3× the size ratio), where comparing every pair
 *   would grow 100×.
 * - A paged export of the whole corpus: the parts, each under the message limit.
 */
// Before Dexie: it takes the global IndexedDB when it loads.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { ANALYSIS_DROP_KEY, CorpusDb } from '../../extension/storage/corpus-db';
import { eachArticle, searchCache, searchCorpus } from '../../extension/storage/corpus';
import { EXPORT_PART_CHARS, exportPart } from '../../extension/storage/import-export';
import { countWords, toSummary, type LegacyArticle, type StoredArticle } from '../../extension/storage/article-record';
import { normalizeWithMap } from '../../lib/text';
import { computeFeatures } from '../../lib/match';
import { groupStories } from '../../lib/corpus-index';
import { percentiles, type Benchmark } from './bench';
import { loadavg } from 'node:os';
import { PerformanceObserver } from 'node:perf_hooks';
import { articleTerms, BatchRun, runOfBlocks } from '../../extension/storage/word-index';
import { rewriteRunsWithPairs } from '../../extension/storage/pair-rewrite';
import { dropStoredAnalysis } from '../../extension/storage/analysis-drop';
import { mergeStoreOf, WordMerges } from '../../extension/storage/word-merge';
import { PAIR_MARK } from '../../lib/search';
import { generatePanelCorpus } from './panel-corpus';
import { PageSearch } from '../../extension/storage/page-search';

/** Articles stored (`RECOUPE_CORPUS_SIZE` sets another number). */
const SIZE = Number(process.env.RECOUPE_CORPUS_SIZE ?? 10_000);
const SMALL = 1_000;
const RUNS = 7;
/** Stored as an import stores them: this many a transaction. */
const PART = 200;
/** Rows shown with their snippets, as the corpus page asks. */
const SHOWN = 50;
/** `RECOUPE_CORPUS_SEARCH_ONLY=1`: the search alone, without its baseline, stories and export (for 100,000 articles). */
const SEARCH_ONLY = process.env.RECOUPE_CORPUS_SEARCH_ONLY === '1';
/**
 * Words a researcher looks for: a rare one, a common one, two together, one nowhere, three, two
 * phrases of two words; those of the Chromium scale bench (one word, three, a phrase); phrases of
 * three and four words, the last two with a common word inside (`de`, `des`).
 */
const QUERIES = ['Nosra', 'gouvernement', 'Poutine Obama', 'xylophonique', 'président gilets jaunes', '"White House"', '"gilets jaunes"',
  'Kremlin', 'Poutine Obama Syrie', '"Barack Obama"', '"the White House"', '"mouvement des gilets jaunes"', '"président de la République"'];

/**
 * `RECOUPE_CORPUS_DIRECT=1` (search only): the corpus stored as merges leave it without going
 * through the writes' hooks — every 3,200 articles one run of the word index made by `BatchRun`
 * (pairs of words with their positions), the records and their summaries written straight — in
 * about 3 minutes for 100,000 articles on a 2-core machine, 52 through the hooks. The records
 * carry the features of 300 of them in turn, so that they weigh what saved records weigh (a row
 * read clones them: 6× the rest of a record).
 */
const DIRECT = process.env.RECOUPE_CORPUS_DIRECT === '1';
/** Articles of one run in a direct build: what merges reach (word-index.ts `RUN_POLICY`). */
const DIRECT_RUN = 3_200;

/** Puts `rows` into `store` in one transaction, through IndexedDB itself (no Dexie hook). */
function putRaw(idb: IDBDatabase, store: string, rows: unknown[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = idb.transaction(store, 'readwrite');
    for (const r of rows) tx.objectStore(store).put(r);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

/** `RECOUPE_CORPUS_DIRECT`'s store: records numbered from 1, their summaries, a run of the word index per `DIRECT_RUN` of them. */
async function storeDirect(db: CorpusDb, records: Omit<StoredArticle, 'id'>[]): Promise<void> {
  await db.open();
  const idb = db.backendDB();
  for (let at = 0, run = 1; at < records.length; at += DIRECT_RUN, run++) {
    const slice = records.slice(at, at + DIRECT_RUN).map((r, i) => ({ ...r, id: at + i + 1 }) as StoredArticle);
    const batch = new BatchRun();
    for (const a of slice) batch.add(a);
    const built = batch.build(run, (k) => slice[k]!.id);
    for (let i = 0; i < slice.length; i += PART) await putRaw(idb, 'articles', slice.slice(i, i + PART));
    await putRaw(idb, 'summaries', slice.map((a) => ({ ...toSummary(a), chars: a.text.length })));
    await putRaw(idb, 'wordParts', built.parts);
    await putRaw(idb, 'wordRuns', [built.run]);
  }
}

/**
 * `RECOUPE_CORPUS_UNPAIRED=1`: the word index made again as the upgrade from schema 4 made it (one
 * run of words, no pairs of words: phrases checked in the texts); the searches measured on it,
 * then the background job that rewrites it with pairs (pair-rewrite.ts) timed, then the searches
 * measured again.
 */
const UNPAIRED = process.env.RECOUPE_CORPUS_UNPAIRED === '1';

/**
 * `RECOUPE_CORPUS_DROP=1` (with `RECOUPE_CORPUS_DIRECT`, whose records carry their features as
 * schema 13 stored them): the same records also stored without them (as schema 14 keeps them) in a
 * second database, each query searched on both in turn; then the job of the upgrade to schema 14
 * that rewrites the first database's records (analysis-drop.ts) timed.
 */
const DROP = process.env.RECOUPE_CORPUS_DROP === '1';

/** The word index as version 5's upgrade made it from schema 4's rows: one run of words, no pairs. */
async function indexWithoutPairs(db: CorpusDb): Promise<void> {
  const byTerm = new Map<string, number[]>();
  await eachArticle(db, (a) => {
    for (const [term, count] of articleTerms(a)) {
      if (term.startsWith(PAIR_MARK)) continue;
      let list = byTerm.get(term);
      if (!list) byTerm.set(term, (list = []));
      list.push(a.id, Math.min(255, count));
    }
  });
  const run = runOfBlocks(1);
  await db.transaction('rw', [db.wordRuns, db.wordParts], async () => {
    await db.wordRuns.clear();
    await db.wordParts.clear();
    for (const term of [...byTerm.keys()].sort()) {
      const list = byTerm.get(term)!;
      run.add({ term, block: 0, ids: Uint32Array.from(list.filter((_, i) => i % 2 === 0)), counts: Uint8Array.from(list.filter((_, i) => i % 2 === 1)) });
      const parts = run.take();
      if (parts.length > 0) await db.wordParts.bulkPut(parts);
    }
    const { run: row, parts } = run.done();
    await db.wordParts.bulkPut(parts);
    await db.wordRuns.put(row);
  });
}

export interface CorpusBenchResult {
  articles: number;
  search: { query: string; matches: number; searchMs: number; firstMs: number; baselineMs: number; ratio: number; decodedMs: number; gc: number[] }[];
  /** With `RECOUPE_CORPUS_UNPAIRED`: the searches on the upgraded index, before the rewrite, and the rewrite. */
  unpaired: { search: { query: string; matches: number; searchMs: number; firstMs: number }[]; rewriteMs: number; rewritten: number } | null;
  /** With `RECOUPE_CORPUS_DROP`: each query's median on records as schema 13 stored them (with their features) and as schema 14 keeps them, in turn; the job that drops them (analysis-drop.ts). */
  dropped: { pairs: { query: string; beforeMs: number; afterMs: number }[]; jobMs: number } | null;
  /** Per query, on a second connection as the corpus page opens one (page-search.ts): its first search, and the median of the next. */
  pageSearch: { query: string; firstMs: number; warmMs: number }[];
  /** Null with `RECOUPE_CORPUS_SEARCH_ONLY`. */
  stories: { smallMs: number; largeMs: number; sizeRatio: number; timeRatio: number; stories: number } | null;
  export: { parts: number; largestPartChars: number; partLimit: number; ms: number } | null;
  pass: boolean;
}

async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

const bench: Benchmark<CorpusBenchResult> = {
  name: 'corpus',
  async run() {
    if (DROP && !DIRECT) throw new Error('corpus bench: RECOUPE_CORPUS_DROP needs RECOUPE_CORPUS_DIRECT (records written through the hooks carry no features)');
    if (DIRECT && (!SEARCH_ONLY || UNPAIRED)) throw new Error('corpus bench: RECOUPE_CORPUS_DIRECT measures the search alone (RECOUPE_CORPUS_SEARCH_ONLY=1), on runs with pairs');
    const { articles } = generatePanelCorpus({ size: SIZE, sameEvent: 10 });
    await Dexie.delete('recoupe-bench-corpus');
    const db = new CorpusDb('recoupe-bench-corpus');
    // Stored records without ids: the database numbers them. As schema 14 keeps them (no features in
    // them), but for `RECOUPE_CORPUS_DROP`'s first database, stored as schema 13 did.
    const records: Omit<StoredArticle, 'id'>[] = articles.map((a, i) => ({
      ...a, savedAt: a.savedAt ?? new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(), updatedAt: a.updatedAt ?? '2026-01-01T00:00:00Z',
      wordCount: countWords(a.text),
    }));
    const features = DROP ? articles.slice(0, 300).map((a) => computeFeatures(a)) : [];
    const legacy = (): Omit<LegacyArticle, 'id'>[] => records.map((r, i) => ({ ...r, analysis: { match: features[i % features.length]! } }));
    // The word index's runs merged after the writes, as the background merges them (word-merge.ts).
    const merges = new WordMerges(mergeStoreOf(db));
    db.afterWordWrite = () => merges.schedule();
    if (DIRECT) await storeDirect(db, DROP ? legacy() : records);
    else for (let at = 0; at < records.length; at += PART) await db.articles.bulkAdd(records.slice(at, at + PART) as StoredArticle[]); // EntityTable's bulkAdd takes records without ids.
    await merges.idle();

    const searchAll = async () => {
      const out: { query: string; matches: number; searchMs: number; firstMs: number }[] = [];
      for (const query of QUERIES) {
        const times: number[] = [];
        let matches = 0;
        for (let r = 0; r < RUNS; r++) {
          const a = await timed(() => searchCorpus(db, { query, limit: SHOWN }));
          times.push(a.ms);
          matches = a.value.ids.length;
        }
        out.push({ query, matches, searchMs: percentiles(times).median, firstMs: times[0]! });
      }
      return out;
    };
    let unpaired: CorpusBenchResult['unpaired'] = null;
    if (UNPAIRED) {
      await indexWithoutPairs(db);
      const before = await searchAll();
      console.error(`corpus bench: ${await db.wordRuns.count()} run(s) before the rewrite`);
      const rewrite = await timed(async () => {
        const done = await rewriteRunsWithPairs(db);
        await merges.idle();
        return done;
      });
      unpaired = { search: before, rewriteMs: rewrite.ms, rewritten: rewrite.value.rewritten };
    }

    const inMemory = SEARCH_ONLY ? [] : await db.articles.toArray();
    // Garbage collection during our searches: in Node the whole database (fake-indexeddb) is in
    // the searches' heap, and a collection of the young objects alone takes tens of milliseconds.
    let gcMs = 0;
    const gcIn: number[] = [];
    const gcs = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) gcMs += e.duration;
    });
    gcs.observe({ entryTypes: ['gc'] });
    const measureSearch = async (): Promise<CorpusBenchResult['search']> => {
      const search: CorpusBenchResult['search'] = [];
      for (const query of QUERIES) {
        // A phrase is looked for whole, other queries word by word.
        const folded = normalizeWithMap(query.replaceAll('"', ''), { foldAccents: true }).text;
        const words = query.startsWith('"') ? [folded] : folded.split(' ');
        const ours: number[] = [];
        const base: number[] = [];
        // The same search with its postings decoded anew (`PartCache.forgetPostings`: as before they were kept), alternated with ours.
        const decoded: number[] = [];
        // The first search of a query reads the index's parts; the next ones find them kept (`PartCache`).
        let matches = 0;
        for (let r = 0; r < RUNS; r++) {
          const gcBefore = gcMs;
          const a = await timed(() => searchCorpus(db, { query, limit: SHOWN }));
          ours.push(a.ms);
          matches = a.value.ids.length;
          // Garbage collections are reported after the work that paid for them.
          await new Promise((resolve) => setImmediate(resolve));
          if (gcMs > gcBefore) gcIn.push(gcMs - gcBefore);
          searchCache(db).forgetPostings();
          const anew = await timed(() => searchCorpus(db, { query, limit: SHOWN }));
          decoded.push(anew.ms);
          if (JSON.stringify(anew.value) !== JSON.stringify(a.value)) throw new Error(`corpus bench: ${query} answered differently with its postings decoded anew`);
          if (!SEARCH_ONLY) base.push((await timed(() => inMemory.filter((x) => {
            const hay = normalizeWithMap(`${x.title ?? ''} ${x.site ?? ''} ${x.url} ${x.text}`, { foldAccents: true }).text;
            return words.every((w) => hay.includes(w));
          }))).ms);
        }
        const [searchMs, baselineMs] = [percentiles(ours).median, SEARCH_ONLY ? NaN : percentiles(base).median];
        search.push({ query, matches, searchMs, firstMs: ours[0]!, baselineMs, ratio: searchMs / baselineMs, decodedMs: percentiles(decoded).median, gc: gcIn.splice(0) });
      }
      return search;
    };
    const search = await measureSearch();
    // The corpus page's own connection (page-search.ts), as a page just opened makes it: the first
    // search of a new connection (its caches empty), then warm; each answer must be the background's.
    const pageSearch: CorpusBenchResult['pageSearch'] = [];
    for (const query of QUERIES) {
      const page = new PageSearch('recoupe-bench-corpus');
      const first = await timed(() => page.search({ query, limit: SHOWN }));
      const warm: number[] = [];
      for (let r = 0; r < RUNS; r++) warm.push((await timed(() => page.search({ query, limit: SHOWN }))).ms);
      if (JSON.stringify(first.value) !== JSON.stringify(await searchCorpus(db, { query, limit: SHOWN }))) throw new Error(`corpus bench: the page's connection answered ${query} differently`);
      page.close();
      pageSearch.push({ query, firstMs: first.ms, warmMs: percentiles(warm).median });
    }
    let dropped: CorpusBenchResult['dropped'] = null;
    if (DROP) {
      // The same records as schema 14 keeps them (no features), stored the same way in a second
      // database; each query searched on one then the other in turn, so that both see the same load.
      await Dexie.delete('recoupe-bench-corpus-14');
      const db14 = new CorpusDb('recoupe-bench-corpus-14');
      await storeDirect(db14, records);
      const pairs: { query: string; beforeMs: number; afterMs: number }[] = [];
      for (const query of QUERIES) {
        const [t13, t14] = [[] as number[], [] as number[]];
        for (let r = 0; r < RUNS; r++) {
          t13.push((await timed(() => searchCorpus(db, { query, limit: SHOWN }))).ms);
          t14.push((await timed(() => searchCorpus(db14, { query, limit: SHOWN }))).ms);
        }
        pairs.push({ query, beforeMs: percentiles(t13).median, afterMs: percentiles(t14).median });
      }
      db14.close();
      await Dexie.delete('recoupe-bench-corpus-14');
      // Then the upgrade's job on the first database: its records rewritten without their features, as in the extension.
      await db.meta.put({ key: ANALYSIS_DROP_KEY, value: { after: 0 } });
      const job = await timed(() => dropStoredAnalysis(db));
      if (!job.value.done || job.value.dropped !== SIZE) throw new Error(`corpus bench: the job dropped ${job.value.dropped} of ${SIZE}`);
      dropped = { pairs, jobMs: job.ms };
    }

    gcs.disconnect();
    if (SEARCH_ONLY) {
      db.close();
      await Dexie.delete('recoupe-bench-corpus');
      return { articles: SIZE, search, pageSearch, unpaired, dropped, stories: null, export: null, pass: true };
    }
    // Stories: the features as the background reads them, batch by batch.
    const all: { id: string; title: string | null; features: ReturnType<typeof computeFeatures> }[] = [];
    const stored = new Map((await db.features.toArray()).map((f) => [f.id, f.match]));
    await eachArticle(db, (a) => all.push({ id: String(a.id), title: a.title, features: stored.get(a.id)! }));
    const small = await timed(() => groupStories(all.slice(0, SMALL)));
    const large = await timed(() => groupStories(all));

    const exported = await timed(async () => {
      const sizes: number[] = [];
      let from: number | null = 0;
      const now = new Date();
      while (from !== null) {
        const part = await exportPart(db, { format: 'jsonl', from, now });
        sizes.push(part.chunks.reduce((n, c) => n + c.length, 0));
        from = part.next;
      }
      return sizes;
    });
    db.close();
    await Dexie.delete('recoupe-bench-corpus');

    const stories = { smallMs: small.ms, largeMs: large.ms, sizeRatio: SIZE / SMALL, timeRatio: large.ms / small.ms, stories: large.value.length };
    const largestPartChars = Math.max(...exported.value);
    return {
      articles: SIZE,
      search,
      pageSearch,
      unpaired,
      dropped,
      stories,
      export: { parts: exported.value.length, largestPartChars, partLimit: EXPORT_PART_CHARS, ms: exported.ms },
      pass: search.every((s) => s.ratio < 1) && stories.timeRatio < 3 * stories.sizeRatio && largestPartChars <= EXPORT_PART_CHARS + 5_000_000,
    };
  },
  print(r) {
    console.log(`${r.articles.toLocaleString('en')} articles; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
    if (r.unpaired) {
      console.log('the word index as upgraded from schema 4 (no pairs of words):');
      for (const s of r.unpaired.search) console.log(`  search ${s.query}: ${s.matches} found, median ${s.searchMs.toFixed(1)} ms, first ${s.firstMs.toFixed(1)} ms`);
      console.log(`rewritten with pairs in the background: ${r.unpaired.rewritten} articles in ${(r.unpaired.rewriteMs / 1000).toFixed(1)} s; then:`);
    }
    for (const s of r.search) {
      console.log(`search ${s.query}: ${s.matches} found, median ${s.searchMs.toFixed(1)} ms (postings decoded anew: ${s.decodedMs.toFixed(1)} ms; garbage collected in ${s.gc.length} of ${RUNS}${s.gc.length > 0 ? `, ${s.gc.map((g) => g.toFixed(0)).join('/')} ms` : ''}), first ${s.firstMs.toFixed(1)} ms (storage read included, ${SHOWN} rows with snippets)`
        + (Number.isNaN(s.baselineMs) ? '' : ` vs ${s.baselineMs.toFixed(0)} ms folding every text in memory: ×${s.ratio.toFixed(2)}`));
    }
    for (const p of r.pageSearch) {
      const bg = r.search.find((s) => s.query === p.query)!;
      console.log(`the corpus page's own connection (page-search.ts), ${p.query}: first search ${p.firstMs.toFixed(1)} ms (×${(p.firstMs / bg.firstMs).toFixed(2)} the background's first), then median ${p.warmMs.toFixed(1)} ms (×${(p.warmMs / bg.searchMs).toFixed(2)})`);
    }
    if (r.dropped) {
      console.log(`the same records with their features (as schema 13 stored them) → without (schema 14), ${SHOWN} rows read, each query on one database then the other in turn (median of ${RUNS}):`);
      for (const p of r.dropped.pairs) console.log(`  ${p.query}: ${p.beforeMs.toFixed(1)} → ${p.afterMs.toFixed(1)} ms (×${(p.afterMs / p.beforeMs).toFixed(2)})`);
      console.log(`the upgrade's job (analysis-drop.ts) rewrote the ${r.articles.toLocaleString('en')} records without their features in ${(r.dropped.jobMs / 1000).toFixed(1)} s`);
    }
    if (!r.stories || !r.export) return;
    console.log(`stories: ${r.stories.stories} stories; ${r.stories.smallMs.toFixed(0)} ms for ${SMALL.toLocaleString('en')} articles, ${r.stories.largeMs.toFixed(0)} ms for ${r.articles.toLocaleString('en')} (×${r.stories.timeRatio.toFixed(1)} for ×${r.stories.sizeRatio} articles)`);
    console.log(`export: ${r.export.parts} part(s), the largest ${(r.export.largestPartChars / 1e6).toFixed(1)} M characters (limit ${(r.export.partLimit / 1e6).toFixed(0)} M), ${r.export.ms.toFixed(0)} ms`);
    console.log(r.pass ? 'PASS' : 'FAIL');
  },
};

export default bench;
