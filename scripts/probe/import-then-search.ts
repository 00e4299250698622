/**
 * Issue 16: corpus search right after a large import, while the word index's runs are merged
 * (Chromium, the build of RECOUPE_OUT_DIR). Imports N generated articles (panel-corpus.ts, as the
 * import bench sends them: `corpus/import-part` messages, two in flight) into a fresh profile from
 * an extension page, then, from a corpus page opened before the import, searches as the corpus
 * page does (its own reading, `recoupePageSearch`; the background when it answers null: words
 * still to index) one word, a phrase, three words, 50 rows: right after the import answered and
 * then every `RECOUPE_PROBE_EVERY_S` (30) until the merges are done (`plannedMerge` of the stored
 * runs says none and no merge mark is left; read by the page from IndexedDB, which wakes no
 * worker). Each round: each query `RECOUPE_PROBE_REPEAT` (3) times, the first of them the first
 * search since the runs changed. Meanwhile, unless `RECOUPE_PROBE_STALL=0`, the background's
 * longest stall: a `settings/get` round trip every 50 ms and a 10 ms timer in the worker (the
 * round trips keep the worker awake: with `=0`, only the merges' own `awake` calls and the
 * words-later job do). Prints one JSON line per round and a summary.
 * Run: RECOUPE_OUT_DIR=… flock /tmp/browser.lock node --import tsx scripts/probe/import-then-search.ts [articles]
 */
import { execSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { MAX_IMPORT_MESSAGE_BYTES, MAX_IMPORT_PART_ARTICLES } from '../../extension/protocol';
import { messageBytes, messageParts } from '../../entrypoints/corpus/import-parts';
import { plannedMerge } from '../../extension/storage/word-merge';
import type { WordRun } from '../../extension/storage/word-index';
import { launchWithExtension, type ExtensionBrowser } from '../../tests/support/chromium-extension';
import { profileTimes, startRoundTripProbe, type FullCpuProfile } from '../../tests/support/stall';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePanelCorpus } from '../bench/panel-corpus';
import { installedSamples, send } from '../bench/panel.bench';
import { extensionProcess, QUERIES } from '../bench/scale-chromium.bench';

const SIZE = Number(process.argv[2] ?? 100_000);
const EVERY_MS = Number(process.env.RECOUPE_PROBE_EVERY_S ?? 30) * 1000;
const REPEAT = Number(process.env.RECOUPE_PROBE_REPEAT ?? 3);
const STALL = process.env.RECOUPE_PROBE_STALL !== '0';
/** Given up after this long past the import (`RECOUPE_PROBE_MAX_MIN`). */
const MAX_MS = Number(process.env.RECOUPE_PROBE_MAX_MIN ?? 40) * 60_000;
const ROWS = 50;
/** `RECOUPE_PROBE_CPU=dir`: a CPU profile of the corpus page over each of the first `RECOUPE_PROBE_CPU_ROUNDS` (1) rounds' searches and the last's, written there, its functions of most time printed. */
const CPU_DIR = process.env.RECOUPE_PROBE_CPU;
const CPU_ROUNDS = Number(process.env.RECOUPE_PROBE_CPU_ROUNDS ?? 1);
const load = () => execSync('cat /proc/loadavg').toString().trim().split(' ').slice(0, 3).join(' ');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? NaN;


/** The word index's runs and the merges' mark, read by `page` from the database (no message to the worker). */
async function indexState(page: Page): Promise<{ runs: WordRun[]; mark: unknown; pending: number }> {
  return page.evaluate(() => new Promise<{ runs: WordRun[]; mark: unknown; pending: number }>((resolve, reject) => {
    const open = indexedDB.open('recoupe-corpus');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['wordRuns', 'meta', 'pending'], 'readonly');
      const pending = tx.objectStore('pending').count();
      const runs = tx.objectStore('wordRuns').getAll();
      const mark = tx.objectStore('meta').get('wordMerge');
      tx.oncomplete = () => {
        db.close();
        resolve({
          runs: (runs.result as WordRun[]).map((r) => ({ run: r.run, postings: r.postings, pairs: r.pairs, positions: r.positions, removed: new Uint32Array(0), firsts: [] })),
          mark: mark.result?.value ?? null,
          pending: pending.result,
        });
      };
      tx.onerror = () => reject(tx.error);
    };
  }));
}

/** One search as the corpus page makes it: its own reading, else the background's answer. */
async function searchOnce(corpus: Page, query: string) {
  return corpus.evaluate(async ({ query, rows }) => {
    const g = globalThis as any;
    const ask = { query, sort: 'relevance', direction: 'desc', limit: rows };
    const t0 = performance.now();
    let listing = await g.recoupePageSearch(ask);
    const by = listing ? 'page' : 'background';
    if (!listing) {
      const reply = await g.chrome.runtime.sendMessage({ type: 'corpus/search', ...ask });
      if (!reply?.ok) throw new Error(reply?.error ?? 'no reply');
      listing = reply.value;
    }
    return { ms: performance.now() - t0, by, matches: listing.ids.length as number, rows: listing.articles.length as number, unindexed: (listing.unindexed ?? 0) as number };
  }, { query, rows: ROWS });
}


const profileDir = mkdtempSync(join(tmpdir(), 'recoupe-probe-import-'));
const browser = await launchWithExtension({ profileDir });
try {
  const importer = await browser.openExtensionPage('options.html');
  // The samples put in place on install, deleted so the corpus holds the import only.
  await send(importer, { type: 'corpus/delete', ids: await installedSamples(browser) });
  const corpus = await browser.openExtensionPage('corpus.html');
  await corpus.waitForFunction(() => typeof (globalThis as any).recoupePageSearch === 'function');
  const { articles } = generatePanelCorpus({ size: SIZE, sameEvent: 10 });
  const candidates = articles.map((article, i) => ({ item: `article ${i + 1}`, article }));
  const envelope = messageBytes({ type: 'corpus/import-part', fileName: 'probe.jsonl', articles: [] });
  await importer.evaluate(() => ((globalThis as any).recoupeQueue = []));
  for (const part of messageParts(candidates, MAX_IMPORT_MESSAGE_BYTES, envelope, MAX_IMPORT_PART_ARTICLES)) {
    await importer.evaluate((m) => (globalThis as any).recoupeQueue.push(m), { type: 'corpus/import-part', fileName: 'probe.jsonl', articles: part, importId: 'probe' });
  }
  console.error(`import of ${SIZE} starting, load ${load()}`);
  const start = performance.now();
  const replies = await importer.evaluate(async () => {
    const g = globalThis as any;
    const queue = g.recoupeQueue as unknown[];
    const sent: Promise<any>[] = [];
    for (let k = 0; k < queue.length; k++) {
      const m = queue[k];
      queue[k] = null;
      sent.push(g.chrome.runtime.sendMessage(m));
      if (k + 1 >= 2) await sent[k - 1];
    }
    return (await Promise.all(sent)).map((r) => (r?.ok ? r.value.skipped.length : -1));
  });
  if (replies.some((s: number) => s !== 0)) throw new Error(`import failed or skipped: ${replies.join(',')}`);
  const importMs = performance.now() - start;
  await importer.evaluate(() => ((globalThis as any).recoupeQueue = null));
  console.error(`import answered after ${(importMs / 1000).toFixed(1)} s, load ${load()}`);

  const stall = STALL ? await startRoundTripProbe(browser, importer, 50) : null;
  const rounds: any[] = [];
  let mergedAtMs: number | null = null;
  let indexedAtMs: number | null = null;
  for (let round = 0; ; round++) {
    const roundAt = performance.now();
    const state = await indexState(corpus);
    const planned = plannedMerge(state.runs);
    const searches = [];
    const profiling = CPU_DIR && (round < CPU_ROUNDS || (planned === null && state.mark === null && indexedAtMs !== null));
    const cdp = profiling ? await browser.context.newCDPSession(corpus) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    for (const [kind, query] of QUERIES) {
      const runs = [];
      for (let i = 0; i < REPEAT; i++) runs.push(await searchOnce(corpus, query));
      searches.push({ kind, ms: runs.map((r) => Math.round(r.ms)), by: runs.map((r) => r.by).join(','), matches: runs[runs.length - 1]!.matches, unindexed: runs[0]!.unindexed });
    }
    if (cdp) {
      const { profile } = await cdp.send('Profiler.stop') as unknown as { profile: FullCpuProfile };
      await cdp.detach();
      mkdirSync(CPU_DIR!, { recursive: true });
      writeFileSync(join(CPU_DIR!, `round-${round}.cpuprofile`), JSON.stringify(profile));
      console.error(`corpus page CPU, round ${round} (total / self ms): ${profileTimes(profile).slice(0, 30).map((f) => `${f.name.replace(/chunks\//, '')} ${f.total.toFixed(0)}/${f.self.toFixed(0)}`).join('; ')}`);
    }
    const r = { sinceImportS: Math.round((roundAt - start - importMs) / 1000), runs: state.runs.length, merging: state.mark !== null, toPrepare: state.pending, extensionMB: Math.round(extensionProcess(profileDir)?.rssMB ?? NaN), workers: browser.context.serviceWorkers().length, nextMerge: planned?.length ?? 0, load: load(), searches };
    rounds.push(r);
    console.log(JSON.stringify(r));
    if (indexedAtMs === null && searches.every((s) => s.unindexed === 0 && s.by.startsWith('page'))) indexedAtMs = roundAt - start - importMs;
    if (planned === null && state.mark === null && indexedAtMs !== null) {
      mergedAtMs = roundAt - start - importMs;
      break;
    }
    if (roundAt - start - importMs > MAX_MS) break;
    const wait = EVERY_MS - (performance.now() - roundAt);
    if (wait > 0) await corpus.waitForTimeout(wait);
  }
  const stalled = stall ? await stall() : null;
  const perKind = QUERIES.map(([kind]) => {
    const during = rounds.slice(0, -1).map((r) => r.searches.find((s: any) => s.kind === kind));
    const after = rounds[rounds.length - 1].searches.find((s: any) => s.kind === kind);
    return { kind, firstRound: during[0]?.ms ?? after.ms, firstOfEachRoundMedian: median(during.map((s: any) => s.ms[0])), allMedian: median(during.flatMap((s: any) => s.ms)), longest: Math.max(...during.flatMap((s: any) => s.ms)), settled: after.ms };
  });
  console.log(JSON.stringify({ build: process.env.RECOUPE_OUT_DIR, articles: SIZE, importS: +(importMs / 1000).toFixed(1), indexedAfterImportS: indexedAtMs && +(indexedAtMs / 1000).toFixed(0), mergedAfterImportS: mergedAtMs && +(mergedAtMs / 1000).toFixed(0), rounds: rounds.length, stall: stalled, perKind, loadEnd: load() }));
} finally {
  await browser.close();
  rmSync(profileDir, { recursive: true, force: true });
}
