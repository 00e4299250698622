/**
 * Linking a backlog into stories, in Node through the background's own code over fake-indexeddb
 * (entrypoints/background/story-index.ts `link` and its writes, lib/corpus-index stories): a corpus
 * never linked (as after an import of 100,000 articles, issue 16) linked whole by a new worker, at
 * two sizes in the same run (`RECOUPE_BENCH_LINKING_SIZES`, `10000,20000` by default, which every `npm run bench` runs within Node's default heap): articles
 * linked per second to the queue empty and to the stories written. A cost per article that does not
 * grow with the corpus gives the same rate at both sizes.
 *
 * The corpus: stories.bench.ts's generated one (`RECOUPE_BENCH_STORIES_VERSIONS` for large stories),
 * or with `RECOUPE_BENCH_LINKING_CORPUS=panel` the panel bench's (panel-corpus.ts: windows of real
 * articles, whose versions of one source make dense linked parts of thousands of articles and
 * stories of hundreds that grow with the corpus; its features computed first, a minute per 40,000).
 * Where the time went (`StoryIndex.spent`: grading, the stories regrouped around each write) and the
 * largest heap are printed beside each rate; CPU time beside wall time, the machine being shared.
 * At 40,000 run with `NODE_OPTIONS=--max-old-space-size=8000` (fake-indexeddb holds every record).
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { computeFeatures, type ArticleFeatures } from '../../lib/match';
import { CorpusDb } from '../../extension/storage/corpus-db';
import type { StoredArticle } from '../../extension/storage/article-record';
import { getCorpusVersion, getMeta } from '../../extension/storage/corpus';
import { StoryIndex } from '../../entrypoints/background/story-index';
import type { Benchmark } from './bench';
import { generate, record } from './stories.bench';
import { generatePanelCorpus } from './panel-corpus';

const SIZES = (process.env.RECOUPE_BENCH_LINKING_SIZES ?? '10000,20000').split(',').map(Number);
const CORPUS = process.env.RECOUPE_BENCH_LINKING_CORPUS === 'panel' ? 'panel' : 'generated';

interface Row {
  articles: number;
  stories: number;
  largest: number;
  /** Wall time to the queue empty, and to the links and stories written; CPU time of the process meanwhile. */
  linkedMs: number;
  writtenMs: number;
  cpuMs: number;
  /** `StoryIndex.spent` over the run (ms; counts for `(count)`). */
  spent: Record<string, number>;
  heapMb: number;
}

export interface LinkingBenchResult {
  corpus: string;
  rows: Row[];
}

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function corpus(size: number): ArticleFeatures[] {
  if (CORPUS === 'generated') return generate(size);
  return generatePanelCorpus({ size, sameEvent: 10 }).articles.map((a) => computeFeatures({ title: a.title, text: a.text, language: a.language, publishedTime: a.publishedTime }));
}

async function measure(size: number): Promise<Row> {
  const features = corpus(size);
  const name = `recoupe-bench-linking-${size}`;
  await Dexie.delete(name);
  const db = new CorpusDb(name);
  for (let i = 0; i < features.length; i += 5_000) {
    await db.articles.bulkAdd(features.slice(i, i + 5_000).map((f, j) => record(f, i + j)) as StoredArticle[]);
  }
  let heap = 0;
  const sampler = setInterval(() => (heap = Math.max(heap, process.memoryUsage().heapUsed)), 200);
  const stories = new StoryIndex(db);
  stories.spent = new Map();
  const c0 = cpu();
  const t0 = performance.now();
  const { groups } = await stories.linked();
  const linkedMs = performance.now() - t0;
  // Written a moment after the last change: the links of every article, and the stories regrouped whole.
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    if ((await db.storyLinks.count()) === size && (await getMeta(db, 'storyRowsVersion')) === (await getCorpusVersion(db))) break;
  }
  const writtenMs = performance.now() - t0;
  const cpuMs = cpu() - c0;
  clearInterval(sampler);
  const all = groups.stories();
  stories.stop();
  db.close();
  await Dexie.delete(name);
  return {
    articles: size, stories: all.length, largest: Math.max(0, ...all.map((s) => s.length)), linkedMs, writtenMs, cpuMs,
    spent: Object.fromEntries(stories.spent), heapMb: heap / 1e6,
  };
}

const bench: Benchmark<LinkingBenchResult> = {
  name: 'linking',
  async run() {
    const rows: Row[] = [];
    for (const size of SIZES) rows.push(await measure(size));
    return { corpus: CORPUS, rows };
  },
  print({ corpus: kind, rows }) {
    console.log(`a backlog linked into stories by a new worker (Node, fake-indexeddb, the background's StoryIndex), ${kind} corpus:`);
    for (const r of rows) {
      const rate = (ms: number) => ((r.articles * 1000) / ms).toFixed(0);
      const ms = (k: string) => (r.spent[k] ?? 0) / 1000;
      console.log(`  ${r.articles.toLocaleString('en')} articles (${r.stories} stories, the largest ${r.largest}): ${rate(r.linkedMs)} articles linked/s (${(r.linkedMs / 1000).toFixed(1)} s), ${rate(r.writtenMs)}/s to the stories written; ${rate(r.cpuMs)}/s of CPU time; grading ${ms('grading').toFixed(1)} s, stories regrouped at the writes ${ms('regrouping').toFixed(1)} s, features read ${ms('features read').toFixed(1)} s (${(r.spent['features (count)'] ?? 0).toLocaleString('en')} records); heap up to ${r.heapMb.toFixed(0)} MB`);
    }
    if (rows.length >= 2) {
      const [a, b] = [rows[0]!, rows.at(-1)!];
      console.log(`  per-article cost, ${b.articles.toLocaleString('en')} against ${a.articles.toLocaleString('en')}: ×${((b.cpuMs / b.articles) / (a.cpuMs / a.articles)).toFixed(2)} (CPU time; 1: flat)`);
    }
  },
};
export default bench;
