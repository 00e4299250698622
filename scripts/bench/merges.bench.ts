/**
 * The word index's merges after an import (word-merge.ts), in Node over fake-indexeddb: the runs
 * of an import of `RECOUPE_MERGES_SIZE` articles of the panel corpus (scripts/bench/panel-corpus.ts;
 * 8,000 unless said), one per chunk of 237 articles as words-later.ts writes them (100,000 articles
 * gave 422), merged once all are written (the backlog the background merges after an import),
 * against the baseline of the same runs merged as each is written (no backlog: four of a class at
 * a time, each posting rewritten once per class it goes through). Target: the backlog merged in
 * less than 0.75 of the baseline's time (merged four at a time it took as long or longer), with the
 * same postings (a digest of every word, id, count and positions), and no stretch of the event
 * loop longer than the merges' slices allow (`longestMs`, under 100 ms).
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { CorpusDb } from '../../extension/storage/corpus-db';
import { BatchRun, type WordPart, type WordRun } from '../../extension/storage/word-index';
import { skipPositions } from '../../extension/storage/word-positions';
import { mergeStoreOf, runMerges } from '../../extension/storage/word-merge';
import { PAIR_MARK } from '../../lib/search';
import { generatePanelCorpus } from './panel-corpus';
import type { Benchmark } from './bench';

const SIZE = Number(process.env.RECOUPE_MERGES_SIZE ?? 8_000);
/** Articles of an import's chunk (100,000 articles made 422 runs). */
const CHUNK = 237;
const ROUNDS = 2;

export interface MergesBenchResult {
  articles: number;
  runs: number;
  rounds: { backlogMs: number; baselineMs: number; backlogRuns: number; baselineRuns: number; backlogMerges: number; baselineMerges: number; longestMs: number }[];
  ratio: number;
  sameDigest: boolean;
  load: number[];
  pass: boolean;
}

/** An order-free digest of every posting: word, id, count and, for a pair of words, its positions (FNV-1a, summed). */
async function digest(db: CorpusDb): Promise<string> {
  const mix = (h: number, v: number) => Math.imul(h ^ v, 16777619);
  let sum = 0;
  let n = 0;
  for (const run of await db.wordRuns.toArray()) {
    for (let p = 0; p < run.firsts.length; p++) {
      const part = (await db.wordParts.get([run.run, p]))!;
      const terms = part.terms.split('\n');
      let at = 0;
      for (let t = 0; t < terms.length; t++) {
        let th = 2166136261;
        for (let i = 0; i < terms[t]!.length; i++) th = mix(th, terms[t]!.charCodeAt(i));
        const pair = run.positions === true && terms[t]!.startsWith(PAIR_MARK);
        for (let k = part.starts[t]!; k < part.starts[t + 1]!; k++) {
          let h = mix(mix(th, part.ids[k]!), part.counts[k]!);
          if (pair) {
            const end = skipPositions(part.positions!, at, 1);
            for (let b = at; b < end; b++) h = mix(h, part.positions![b]!);
            at = end;
          }
          sum = (sum + (h >>> 0)) % 2 ** 32;
          n++;
        }
      }
    }
  }
  return `${n}:${sum}`;
}

/** Writes `built` into a fresh database, merging after each run (`asWritten`) or after all; the merges' time, merges and runs left. */
async function merged(built: { run: WordRun; parts: WordPart[] }[], asWritten: boolean) {
  const name = 'recoupe-bench-merges';
  await Dexie.delete(name);
  const db = new CorpusDb(name);
  const store = mergeStoreOf(db);
  let merges = 0;
  const counting = { ...store, commit: (...a: Parameters<typeof store.commit>) => (merges++, store.commit(...a)) };
  const delay = monitorEventLoopDelay({ resolution: 5 });
  let ms = 0;
  const merge = async () => {
    delay.enable();
    const start = performance.now();
    await runMerges(counting);
    ms += performance.now() - start;
    delay.disable();
  };
  for (const b of built) {
    await db.transaction('rw', [db.wordRuns, db.wordParts], async () => {
      await db.wordRuns.put(b.run);
      await db.wordParts.bulkPut(b.parts);
    });
    if (asWritten) await merge();
  }
  if (!asWritten) await merge();
  const result = { ms, merges, runs: await db.wordRuns.count(), longestMs: delay.max / 1e6, digest: await digest(db) };
  db.close();
  await Dexie.delete(name);
  return result;
}

const bench: Benchmark<MergesBenchResult> = {
  name: 'merges',
  async run() {
    const { articles } = generatePanelCorpus({ size: SIZE, sameEvent: 10 });
    const built: { run: WordRun; parts: WordPart[] }[] = [];
    for (let at = 0, run = 1; at < articles.length; at += CHUNK, run++) {
      const batch = new BatchRun();
      for (const a of articles.slice(at, at + CHUNK)) batch.add({ title: a.title ?? null, site: a.site ?? null, url: a.url, text: a.text });
      built.push(batch.build(run, (k) => at + k + 1));
    }
    const rounds: MergesBenchResult['rounds'] = [];
    const digests = new Set<string>();
    for (let r = 0; r < ROUNDS; r++) {
      // Alternated, so that neither always runs first.
      const [backlog, baseline] = r % 2 === 0
        ? [await merged(built, false), await merged(built, true)]
        : [await merged(built, true), await merged(built, false)].reverse() as [Awaited<ReturnType<typeof merged>>, Awaited<ReturnType<typeof merged>>];
      digests.add(backlog.digest).add(baseline.digest);
      rounds.push({
        backlogMs: backlog.ms, baselineMs: baseline.ms, backlogRuns: backlog.runs, baselineRuns: baseline.runs,
        backlogMerges: backlog.merges, baselineMerges: baseline.merges, longestMs: backlog.longestMs,
      });
    }
    const ratio = Math.max(...rounds.map((r) => r.backlogMs / r.baselineMs));
    const longest = Math.max(...rounds.map((r) => r.longestMs));
    const sameDigest = digests.size === 1;
    return { articles: SIZE, runs: built.length, rounds, ratio, sameDigest, load: loadavg(), pass: ratio < 0.75 && sameDigest && longest < 100 };
  },
  print(r) {
    console.log(`${r.articles} articles, ${r.runs} runs of ${CHUNK}; load ${r.load.map((l) => l.toFixed(1)).join(' ')}`);
    for (const x of r.rounds) {
      console.log(`  backlog merged after the import: ${(x.backlogMs / 1000).toFixed(2)} s, ${x.backlogMerges} merges, ${x.backlogRuns} runs left, longest stretch ${x.longestMs.toFixed(0)} ms`
        + ` | baseline, merged as written: ${(x.baselineMs / 1000).toFixed(2)} s, ${x.baselineMerges} merges, ${x.baselineRuns} runs left`);
    }
    console.log(`  ratio (worst round) ${r.ratio.toFixed(2)} (target < 0.75); same postings: ${r.sameDigest}; ${r.pass ? 'PASS' : 'FAIL'}`);
  },
};

export default bench;
