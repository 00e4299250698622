/**
 * `npm run bench -- research`: the research pipeline (README, "Research pipeline").
 *
 * - Memory: `recoupe grade` streamed over 100,000 pair lines (pairs of BASIL articles' features,
 *   under new ids): the heap after 10,000 lines and after 100,000, each after a collection. A
 *   streaming command holds one line at a time, so the two must be about equal.
 * - Throughput: `--articles N` generated articles (default `DEFAULT_SIZE`) through extract → features →
 *   candidates (DuckDB) → grade, articles (or pairs) per second for each step and the peak
 *   resident memory; against `recoupe stories` (lib/corpus-index groupStories, in memory) on the
 *   first 10,000 of them in the same run. Under 100,000, it also prints the time 100,000 would
 *   take at the measured rates.
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
import { fnv1a } from '../../lib/match/features';
import { extractRecord } from '../../cli/commands/extract';
import { featuresRecord } from '../../cli/commands/features';
import { pairGrader, readStats } from '../../cli/commands/grade';
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
/** The corpus of issue 18's bench. */
const FULL_SIZE = 100_000;
/**
 * What runs without `--articles`: at the rates of a run at 20,000 on the 2-core test machine
 * (extract 235, features 187, candidates 1,028 articles/s, grade 3,149 pairs/s, 6.2 pairs an
 * article), 100,000 would take over 20 minutes, so the default is a fifth of it, and the bench
 * prints the time 100,000 would take.
 */
const DEFAULT_SIZE = 20_000;
/** Articles of one generated story. */
const STORY_SIZE = 5;
/** Spellings of each long word across stories. */
const VARIANTS = 8;
/** Articles `recoupe stories` groups in memory, the baseline. */
const STORIES_SIZE = 10_000;

/** Real articles (BASIL, gilets jaunes) as paragraphs, the material of the generated corpus. */
const SOURCES = [
  ...readBasil().map((a) => ({ paragraphs: a.text.split('\n\n'), site: a.source, date: a.date })),
  ...readGiletsJaunes().map((d) => ({ paragraphs: d.text.split(/\n+/), site: new URL(d.url).hostname, date: '2018-12-01' })),
];

/** Story `k` in letters (0 → `a`, 27 → `bb`): the suffix of its names. */
function storyTag(k: number): string {
  let tag = '';
  do {
    tag += String.fromCharCode(97 + (k % 26));
    k = Math.floor(k / 26);
  } while (k);
  return tag;
}

/**
 * Article `i`, deterministic: story `i / STORY_SIZE` is a real source article, each of its
 * articles a window of the source's paragraphs plus a paragraph of another source. Reused as is,
 * the 296 sources would make every article a near copy of N / 296 others, so candidates and pairs
 * would grow as N² (at 3,000 articles, 19 pairs an article; at 1,500, 9): a corpus of copies, not
 * of news. So a story's names of five letters or more get the story's own suffix, and its other
 * words of five letters or more one of `VARIANTS` one-letter suffixes, chosen by a hash of the word
 * and the story: a story's articles share all their words, two stories of one source no names and
 * about one long word in `VARIANTS`, and the vocabulary of common words stays at most `VARIANTS`
 * times the sources' (new words would cost their stemming in every article, which a real corpus's
 * vocabulary does not). With names spelt in `VARIANTS` ways too, pairs still grew as N² (9 an article
 * at 3,000; a run at 20,000 was stopped at 4 GB of pairs); so (features and candidates alone): 2.9
 * pairs an article at 1,500, 3.8 at 4,500, 4.5 at 9,000; 6.2 at 20,000 through the whole bench.
 */
function* generatedPages(n: number): Generator<string> {
  for (let i = 0; i < n; i++) {
    const story = Math.floor(i / STORY_SIZE);
    const s = SOURCES[story % SOURCES.length]!;
    const other = SOURCES[(i * 7919 + 13) % SOURCES.length]!;
    const start = (i % STORY_SIZE) % Math.max(1, s.paragraphs.length - 2);
    const tag = storyTag(story);
    const text = [...s.paragraphs.slice(start, start + 6), other.paragraphs[i % other.paragraphs.length]]
      .join('\n\n')
      .replace(/\p{L}{5,}/gu, (w) => w + (/^\p{Lu}/u.test(w) ? tag : String.fromCharCode(97 + (fnv1a(`${w} ${story}`) % VARIANTS))));
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
  async run(options) {
    const ARTICLES = Number(options.articles ?? DEFAULT_SIZE);
    if (!Number.isInteger(ARTICLES) || ARTICLES < 2) throw new Error(`--articles is not a whole number of at least 2: ${options.articles}`);
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
      const memory = await timedStream(pairLines(), pairGrader(stats), nullSink(), [10_000, MEMORY_LINES]);

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
      const graded = await streamJsonl(createReadStream(pairsPath), nullSink(), new PassThrough().resume(), pairGrader(corpusStatsRead));
      steps.push({ step: 'grade (pairs)', items: graded.read, perSecond: graded.read / ((performance.now() - start) / 1000) });

      // Baseline: recoupe stories, in memory, on the first 10,000.
      const baseline = Math.min(STORIES_SIZE, ARTICLES);
      const storyArticles = readFileSync(featuresPath, 'utf8').split('\n', baseline).map((l) => JSON.parse(l) as { id: string; title: string | null; features: never });
      start = performance.now();
      const stories = groupStories(storyArticles.map((a) => ({ id: a.id, title: a.title, features: a.features })));
      const storySeconds = (performance.now() - start) / 1000;
      return {
        memory: { lines: MEMORY_LINES, heapMbAt10k: memory.heap[10_000]!, heapMbAtEnd: memory.heap[MEMORY_LINES]! },
        articles: ARTICLES,
        steps,
        pairs,
        peakRssMb: peakRss / 2 ** 20,
        stories: { articles: baseline, seconds: storySeconds, perSecond: baseline / storySeconds, stories: stories.length },
      };
    } finally {
      clearInterval(watch);
      rmSync(dir, { recursive: true, force: true });
    }
  },
  print(r) {
    console.log(`memory: grade over ${r.memory.lines} lines: heap ${r.memory.heapMbAt10k.toFixed(1)} MB after 10,000 lines, ${r.memory.heapMbAtEnd.toFixed(1)} MB after ${r.memory.lines}`);
    console.log(`pipeline on ${r.articles} generated articles (${r.pairs} candidate pairs), peak resident ${r.peakRssMb.toFixed(0)} MB:`);
    for (const s of r.steps) console.log(`  ${s.step}: ${s.perSecond.toFixed(0)} ${s.step.startsWith('grade') ? 'pairs' : 'articles'}/s (${s.items}, ${(s.items / s.perSecond).toFixed(1)} s)`);
    console.log(`recoupe stories (groupStories in memory) on ${r.stories.articles}: ${r.stories.seconds.toFixed(1)} s, ${r.stories.perSecond.toFixed(0)} articles/s, ${r.stories.stories} stories`);
    // From features to graded pairs, the part `recoupe stories` does in memory (it starts from features too).
    const fromFeatures = r.steps.filter((s) => !['extract', 'features'].includes(s.step)).reduce((t, s) => t + s.items / s.perSecond, 0);
    console.log(`pipeline candidates + grade: ${(r.articles / fromFeatures).toFixed(0)} articles/s, ${(r.articles / fromFeatures / r.stories.perSecond).toFixed(2)} × recoupe stories' rate`);
    if (r.articles < FULL_SIZE) {
      const scale = FULL_SIZE / r.articles;
      const projected = r.steps.reduce((t, s) => t + (s.items * scale) / s.perSecond, 0);
      console.log(`RAN ${r.articles} articles, not ${FULL_SIZE}: ${FULL_SIZE} would take about ${(projected / 60).toFixed(0)} min at these rates (each step, pairs too, assumed to grow linearly)`);
    }
  },
};

export default bench;
