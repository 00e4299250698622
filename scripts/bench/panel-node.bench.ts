/**
 * The warm panel in Node, through the background's comparison (entrypoints/background/compare-page.ts
 * `comparePage`, request → report filled) over fake-indexeddb, on a corpus of 100,000 stored
 * articles (`RECOUPE_BENCH_PANEL_SIZE` for a quick run) of which 10 are versions of the page's
 * event (scripts/bench/panel-corpus.ts, real text), beside the same page with 5 of them stored.
 * The rest are generated features with one-line texts (stories.bench.ts): what matching reads of
 * them is their features, and none is close enough to the page to be compared in detail.
 *
 * Warm: the index in memory and the stored articles compared before (by another page of the
 * event, seed 001): each request is a fresh page (seed 000). Baseline in the same run: the same
 * request with every stored article prepared again (the cache emptied first), as each page did
 * before the preparations were kept.
 * fake-indexeddb holds every record in the heap: at 100,000 run with
 * `NODE_OPTIONS=--max-old-space-size=12000` (the default heap runs out).
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Dexie from 'dexie';
import { extractFromText } from '../../lib/extract';
import { CorpusDb } from '../../extension/storage/corpus-db';
import { countWords, type StoredArticle } from '../../extension/storage/article-record';
import { withFeatures } from '../../extension/storage/analysis';
import { StoryIndex } from '../../entrypoints/background/story-index';
import { comparePage } from '../../entrypoints/background/compare-page';
import { preparedArticles } from '../../entrypoints/background/prepared-articles';
import { SEEDS_DIR } from '../../tests/support/shared-fixtures';
import { percentiles, type Benchmark } from './bench';
import { EVENT_SEEDS, generatePanelCorpus } from './panel-corpus';
import { generate, record } from './stories.bench';

const SIZE = Number(process.env.RECOUPE_BENCH_PANEL_SIZE ?? 100_000);
const SMALL = 5;
const SAME_EVENT = 10;
const RUNS = 5;

interface Row { stored: number; warmMs: number; unpreparedMs: number; compared: number }
export interface PanelNodeResult { rows: Row[] }

const page = (seed: string) => extractFromText(readFileSync(join(SEEDS_DIR, `${seed}.txt`), 'utf8'), {});

async function measure(stored: number, versions: StoredArticle[], fillers: number): Promise<Row> {
  await Dexie.delete('recoupe-bench-panel-node');
  const db = new CorpusDb('recoupe-bench-panel-node');
  await db.articles.bulkAdd(versions.slice(0, Math.min(SAME_EVENT, stored)).map((v) => ({ ...v })) as StoredArticle[]);
  const features = fillers > 0 ? generate(fillers) : [];
  for (let i = 0; i < features.length; i += 5_000) await db.articles.bulkAdd(features.slice(i, i + 5_000).map((f, j) => record(f, i + j)) as StoredArticle[]);
  const stories = new StoryIndex(db);
  // Another page of the event first: the index loaded, the stored versions compared once.
  await comparePage(db, stories, page(EVENT_SEEDS[1]!), null);
  const warm: number[] = [];
  const unprepared: number[] = [];
  let compared = 0;
  for (let i = 0; i < RUNS; i++) {
    const w = await comparePage(db, stories, page(EVENT_SEEDS[0]!), null);
    warm.push(w.timings.totalMs);
    compared = w.timings.compareMs.length;
    preparedArticles.forget((await db.articles.toCollection().primaryKeys()).slice(0, SAME_EVENT));
    unprepared.push((await comparePage(db, stories, page(EVENT_SEEDS[0]!), null)).timings.totalMs);
  }
  db.close();
  return { stored, warmMs: percentiles(warm).median, unpreparedMs: percentiles(unprepared).median, compared };
}

const bench: Benchmark<PanelNodeResult> = {
  name: 'panel-node',
  async run() {
    const versions = generatePanelCorpus({ size: SAME_EVENT, sameEvent: SAME_EVENT }).articles.map((a, i) => withFeatures({
      ...a, savedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(), updatedAt: '2026-01-01T00:00:00Z', wordCount: countWords(a.text),
    }) as unknown as StoredArticle);
    return { rows: [await measure(SMALL, versions, 0), await measure(SIZE, versions, SIZE - SAME_EVENT)] };
  },
  print({ rows }) {
    for (const r of rows) {
      console.log(`${r.stored.toLocaleString('en')} stored (Node, fake-indexeddb, comparePage): warm panel request → filled, median ${r.warmMs.toFixed(0)} ms (${r.compared} compared in detail); with the stored articles prepared again (as before) ${r.unpreparedMs.toFixed(0)} ms (×${(r.unpreparedMs / r.warmMs).toFixed(2)})`);
    }
    const [small, large] = rows;
    if (small && large) console.log(`${large.stored.toLocaleString('en')} vs ${small.stored}: ×${(large.warmMs / small.warmMs).toFixed(2)}; target ≤ 250 ms at ${large.stored.toLocaleString('en')}: ${large.warmMs <= 250 ? 'met' : 'MISSED'}`);
  },
};
export default bench;
