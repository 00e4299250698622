/**
 * `npm run bench -- research`: the research pipeline (README, "Research pipeline").
 *
 * - Memory: `recoupe grade` streamed over 100,000 pair lines (pairs of BASIL articles' features,
 *   under new ids): the heap after 10,000 lines and after 100,000, each after a collection. A
 *   streaming command holds one line at a time, so the two must be about equal.
 * - Throughput: `RECOUPE_BENCH_ARTICLES` generated articles (default 100,000; each a window of a
 *   real fixture article's paragraphs plus a paragraph of another) through extract → features →
 *   candidates (DuckDB) → grade, articles (or pairs) per second for each step and the peak
 *   resident memory; against `recoupe stories` (lib/corpus-index groupStories, in memory) on a tenth of
 *   them in the same run.
 */
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { groupStories } from '../../lib/corpus-index';
import { corpusStats } from '../../lib/match';
import { extractRecord } from '../../cli/commands/extract';
import { featuresRecord } from '../../cli/commands/features';
import { gradeRecord, readStats } from '../../cli/commands/grade';
import { connect, defineCandidates, PAIRS_SQL, streamLines, writeStats } from '../../cli/research/duckdb';
import { streamJsonl, type RecordTransform } from '../../cli/stream/jsonl';
import { readBasil, readGiletsJaunes } from '../../tests/support/corpora';
import type { Benchmark } from './bench';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapMb = () => {
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

const MEMORY_LINES = 100_000;
const ARTICLES = Number(process.env.RECOUPE_BENCH_ARTICLES ?? 100_000);

/** Real articles (BASIL, gilets jaunes) as paragraphs, the material of the generated corpus. */
const SOURCES = [
  ...readBasil().map((a) => ({ paragraphs: a.text.split('\n\n'), site: a.source, date: a.date })),
  ...readGiletsJaunes().map((d) => ({ paragraphs: d.text.split(/\n+/), site: new URL(d.url).hostname, date: '2018-12-01' })),
];

/** Article `i`: a window of one source's paragraphs and a paragraph of another, deterministic. */
function* generatedPages(n: number): Generator<string> {
  for (let i = 0; i < n; i++) {
    const s = SOURCES[i % SOURCES.length]!;
    const other = SOURCES[(i * 7919 + 13) % SOURCES.length]!;
    const start = Math.floor(i / SOURCES.length) % Math.max(1, s.paragraphs.length - 2);
    const text = [...s.paragraphs.slice(start, start + 6), other.paragraphs[i % other.paragraphs.length]].join('\n\n');
    yield JSON.stringify({ id: `g${i}`, text, site: s.site, published: s.date });
  }
}

async function* withNewlines(lines: Iterable<string> | AsyncIterable<string>) {
  for await (const l of lines) yield `${l}\n`;
}

/** Streams `lines` through a command's transform into `sink`, returning seconds taken and heap samples at the given line counts. */
async function timedStream(lines: Iterable<string> | AsyncIterable<string>, transform: RecordTransform, sink: Writable, samples: number[] = []) {
  const heap: Record<number, number> = {};
  let n = 0;
  const sampled: RecordTransform = (v) => {
    n++;
    if (samples.includes(n)) heap[n] = heapMb();
    return transform(v);
  };
  const start = performance.now();
  const counts = await streamJsonl(Readable.from(withNewlines(lines)), sink, new PassThrough().resume(), sampled);
  return { seconds: (performance.now() - start) / 1000, counts, heap };
}

const nullSink = () => new Writable({ write: (_c, _e, done) => done() });

export interface ResearchBenchResult {
  memory: { lines: number; heapMbAt10k: number; heapMbAtEnd: number };
  articles: number;
  steps: { step: string; items: number; perSecond: number }[];
  pairs: number;
  peakRssMb: number;
  stories: { articles: number; seconds: number; perSecond: number; stories: number };
}

const bench: Benchmark<ResearchBenchResult> = {
  name: 'research',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'recoupe-research-bench-'));
    let peakRss = 0;
    const watch = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
    try {
      // Memory: grade over 100,000 pair lines.
      const basil = readBasil().map((a) => featuresRecord({ id: a.id, title: a.title, text: a.text, language: 'en', published: a.date }));
      const stats = corpusStats(basil.map((r) => r.features));
      function* pairLines() {
        for (let i = 0; i < MEMORY_LINES; i++) {
          const a = basil[i % basil.length]!;
          const b = basil[(i * 31 + 7) % basil.length]!;
          yield JSON.stringify({ a: { id: `${a.id}#${i}`, features: a.features }, b: { id: `${b.id}#${i}`, features: b.features } });
        }
      }
      const memory = await timedStream(pairLines(), (v) => gradeRecord(v, stats), nullSink(), [10_000, MEMORY_LINES]);

      // Throughput: extract → features (to a file) → candidates (DuckDB) → grade.
      const steps: ResearchBenchResult['steps'] = [];
      const toFile = async (path: string, lines: Iterable<string> | AsyncIterable<string>, transform: RecordTransform) => {
        const file = createWriteStream(path);
        const run = await timedStream(lines, transform, file);
        file.end();
        await once(file, 'finish');
        return run;
      };
      const articlesPath = join(dir, 'articles.jsonl');
      const extracted = await toFile(articlesPath, generatedPages(ARTICLES), extractRecord);
      steps.push({ step: 'extract', items: ARTICLES, perSecond: ARTICLES / extracted.seconds });
      const featuresPath = join(dir, 'features.jsonl');
      const featured = await toFile(featuresPath, createInterface({ input: createReadStream(articlesPath), crlfDelay: Infinity }), featuresRecord);
      steps.push({ step: 'features', items: ARTICLES, perSecond: ARTICLES / featured.seconds });
      const db = await connect();
      let start = performance.now();
      await defineCandidates(db, featuresPath);
      const statsPath = join(dir, 'stats.jsonl');
      await writeStats(db, statsPath);
      const pairsPath = join(dir, 'pairs.jsonl');
      const pairsFile = createWriteStream(pairsPath);
      const pairs = await streamLines(db, PAIRS_SQL, pairsFile);
      pairsFile.end();
      await once(pairsFile, 'finish');
      db.closeSync();
      steps.push({ step: 'candidates (DuckDB)', items: ARTICLES, perSecond: ARTICLES / ((performance.now() - start) / 1000) });
      const corpusStatsRead = await readStats(statsPath);
      start = performance.now();
      const graded = await streamJsonl(createReadStream(pairsPath), nullSink(), new PassThrough().resume(), (v) => gradeRecord(v, corpusStatsRead));
      steps.push({ step: 'grade (pairs)', items: graded.read, perSecond: graded.read / ((performance.now() - start) / 1000) });

      // Baseline: recoupe stories, in memory, on a tenth.
      const tenth = Math.max(2, Math.floor(ARTICLES / 10));
      const storyArticles = readFileSync(featuresPath, 'utf8').split('\n', tenth).map((l) => JSON.parse(l) as { id: string; title: string | null; features: never });
      start = performance.now();
      const stories = groupStories(storyArticles.map((a) => ({ id: a.id, title: a.title, features: a.features })));
      const storySeconds = (performance.now() - start) / 1000;
      return {
        memory: { lines: MEMORY_LINES, heapMbAt10k: memory.heap[10_000]!, heapMbAtEnd: memory.heap[MEMORY_LINES]! },
        articles: ARTICLES,
        steps,
        pairs,
        peakRssMb: peakRss / 2 ** 20,
        stories: { articles: tenth, seconds: storySeconds, perSecond: tenth / storySeconds, stories: stories.length },
      };
    } finally {
      clearInterval(watch);
      rmSync(dir, { recursive: true, force: true });
    }
  },
  print(r) {
    console.log(`memory: grade over ${r.memory.lines} lines: heap ${r.memory.heapMbAt10k.toFixed(1)} MB after 10,000 lines, ${r.memory.heapMbAtEnd.toFixed(1)} MB after ${r.memory.lines}`);
    console.log(`pipeline on ${r.articles} generated articles (${r.pairs} candidate pairs), peak resident ${r.peakRssMb.toFixed(0)} MB:`);
    for (const s of r.steps) console.log(`  ${s.step}: ${s.perSecond.toFixed(0)} ${s.step.startsWith('grade') ? 'pairs' : 'articles'}/s (${s.items})`);
    console.log(`recoupe stories (groupStories in memory) on ${r.stories.articles}: ${r.stories.seconds.toFixed(1)} s, ${r.stories.perSecond.toFixed(0)} articles/s, ${r.stories.stories} stories`);
  },
};

export default bench;
