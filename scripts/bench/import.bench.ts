/**
 * Importing (issue 16 item 6, issue 20 items 3 and 5), in two parts.
 *
 * The corpus page's side, in Node: a JSONL and a JSON export of over 64 MB whose texts are
 * quotation marks and backslashes (each written as two characters in the file, and doubled again
 * in a message that carried the file as one string) are read in parts (`readLines`), checked
 * (`parseCorpusLines`) and cut into messages (`messageParts`). Figures: the file's size, what one
 * message of the whole file would weigh (the import before: refused by Chrome over 64 MiB), the
 * parts and the largest part's bytes as the JSON the browser sends (target: under
 * `MAX_IMPORT_MESSAGE_BYTES`, 8 MiB), and the time.
 *
 * The background's side, in Chromium with the build of `RECOUPE_OUT_DIR` (skipped, said, when
 * there is none): 1,000 and 10,000 generated articles of real text (scripts/bench/panel-corpus.ts;
 * `--articles N` adds a run of N) sent as the corpus page sends them (`corpus/import-part`
 * messages cut by `messageParts`, each sent before the previous one's reply, `RECOUPE_IMPORT_IN_FLIGHT=1`
 * one at a time as builds before `importId` did) into a fresh profile, each size in its own browser. Figures:
 * wall time (target: 10,000 in ≤ 10 s), the background's breakdown of its replies (`timings`,
 * when the build gives them), the background's longest stall meanwhile — the longest round trip
 * of a small request (`settings/get`) sent every 50 ms by the importing page, and the longest gap
 * of a 10 ms timer ticking in the service worker (target: under 200 ms) — beside the same
 * measures taken while nothing is imported (the machine's own delays, the baseline of the same
 * run), and the service worker's heap as the import goes (flat: the import holds a part at most);
 * and the CPU seconds the browser's processes and threads spent on the import (`browserCpu`: the
 * service worker's thread, IndexedDB's in the browser process; far less moved by other load than wall time);
 * then the time until every imported article is prepared for comparison (the background's
 * preparation queue, polled with `corpus/preparation`) and the stall meanwhile; then until every
 * article is linked into its stories (the Stories view's `linking`, which outlasts the preparation;
 * `RECOUPE_IMPORT_LINKING_S`, 180 s at most, 0 not measured) and the stall meanwhile. Each stall with
 * the round trips over 200 ms and when the slowest were sent; `RECOUPE_IMPORT_TRACE=1` lists each long
 * task's CPU time beside its wall time (far under it: the worker waited for a core, not for its work).
 * Run it once with `RECOUPE_OUT_DIR` set to an earlier build to compare builds.
 * `RECOUPE_IMPORT_PROFILE=dir` profiles the service worker over each import (until every article
 * is prepared), writes `import-N.cpuprofile` there (DevTools opens it) and prints the functions of
 * most time (a build with `RECOUPE_NO_MINIFY=1` names them). `RECOUPE_IMPORT_PREPARATION_S=60` stops measuring the
 * preparation after that long (`--articles 100000`: its first minutes, not the hours of its backlog).
 */
import { parseCorpusLines, serializeCorpus, serializeCorpusLines, paragraphsOf, type PortableArticle } from '../../lib/corpus-io';
import { MAX_IMPORT_MESSAGE_BYTES, MAX_IMPORT_PART_ARTICLES } from '../../extension/protocol';
import { messageBytes, messageParts, readLines } from '../../entrypoints/corpus/import-parts';
import type { Benchmark, BenchOptions } from './bench';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { CHROME_BUILD, launchWithExtension, type ExtensionBrowser } from '../../tests/support/chromium-extension';
import { generatePanelCorpus } from './panel-corpus';
import { profileTimes, startRoundTripProbe, startWorkerProfile, startWorkerTrace, type FullCpuProfile, type LongTask, type RoundTrips } from '../../tests/support/stall';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';

const ARTICLES = 500;

function article(i: number): PortableArticle {
  const text = `Le ministre n°${i} a écrit « ${'"\\'.repeat(35_000)} » puis "C:\\dossier\\${i}".\n\nFin de l'article ${i}.`;
  return {
    url: `https://quotes.example.org/${i}`, canonicalUrl: null, title: `Titre "${i}" \\`, byline: null, site: 'Quotes', language: 'fr',
    publishedTime: null, savedAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', origin: 'page', text, paragraphs: paragraphsOf(text),
  };
}

interface Figures { format: string; fileMB: number; wholeMessageMiB: number; parts: number; largestPartMiB: number; articles: number; ms: number }

async function measure(format: 'json' | 'jsonl'): Promise<Figures> {
  const articles = Array.from({ length: ARTICLES }, (_, i) => article(i));
  const file = new Blob(format === 'json' ? [serializeCorpus(articles)] : [...serializeCorpusLines(articles)].map((l) => `${l}\n`));
  // One message with the file as a string (the import before), as the browser would send it.
  const wholeMessage = messageBytes({ type: 'corpus/import', fileName: `corpus.${format}`, text: await file.text() });
  const start = performance.now();
  const parsed = parseCorpusLines(await readLines(file), `corpus.${format}`);
  if (!parsed.ok) throw new Error(parsed.error);
  let parts = 0;
  let largest = 0;
  for (const part of messageParts(parsed.articles, MAX_IMPORT_MESSAGE_BYTES)) {
    parts++;
    largest = Math.max(largest, messageBytes({ type: 'corpus/import-part', fileName: `corpus.${format}`, articles: part }));
  }
  const ms = performance.now() - start;
  const MiB = 1024 * 1024;
  return { format, fileMB: file.size / 1e6, wholeMessageMiB: wholeMessage / MiB, parts, largestPartMiB: largest / MiB, articles: parsed.articles.length, ms };
}

/**
 * CPU seconds (user + system) used so far by the browser's processes (this process's descendants,
 * Linux /proc; empty elsewhere), per process kind (`--type`; the extension's process, which runs the
 * service worker, apart) and per thread of the browser process and of the extension's process (its
 * busiest threads: the service worker's, IndexedDB's). Taken before and after the import, the
 * difference is what the import cost each of them, a figure far less moved by the machine's other
 * load than wall time is (on 2 shared cores, wall time doubled under load while this stayed).
 */
export function browserCpu(): Map<string, number> {
  const cpu = new Map<string, number>();
  if (!existsSync('/proc/self/stat')) return cpu;
  // Fields after the command's closing parenthesis: state is the 3rd, ppid the 4th, utime and stime the 14th and 15th.
  const fieldsOf = (stat: string) => stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = (f: string[]) => (Number(f[11]) + Number(f[12])) / 100;
  const parentOf = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      parentOf.set(Number(d), Number(fieldsOf(readFileSync(`/proc/${d}/stat`, 'utf8'))[1]));
    } catch { /* gone meanwhile */ }
  }
  const descends = (pid: number): boolean => {
    for (let p = parentOf.get(pid); p !== undefined && p > 1; p = parentOf.get(p)) if (p === process.pid) return true;
    return false;
  };
  const add = (key: string, s: number) => cpu.set(key, (cpu.get(key) ?? 0) + s);
  for (const pid of parentOf.keys()) {
    if (!descends(pid)) continue;
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!/chrom/i.test(args)) continue;
      const type = /--type=([\w-]+)/.exec(args)?.[1] ?? 'browser';
      const kind = args.includes('--extension-process') ? 'extension' : type === 'utility' ? `utility ${/--utility-sub-type=[\w.]*?(\w+)(?:\s|$)/.exec(args)?.[1] ?? ''}`.trim() : type;
      add(kind, ticks(fieldsOf(readFileSync(`/proc/${pid}/stat`, 'utf8'))));
      if (kind !== 'browser' && kind !== 'extension') continue;
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replace(/\d+$/, '#');
        add(`${kind}/${name}`, ticks(fieldsOf(stat)));
      }
    } catch { /* gone meanwhile */ }
  }
  return cpu;
}

/** CPU seconds between two `browserCpu` readings, of 0.1 s or more, most first. */
export const cpuBetween = (before: Map<string, number>, after: Map<string, number>) =>
  Object.fromEntries([...after].map(([k, s]) => [k, s - (before.get(k) ?? 0)] as const).filter(([, s]) => s >= 0.1).sort((a, b) => b[1] - a[1]));

/** Sizes imported in Chromium, each into a fresh profile (`RECOUPE_IMPORT_SIZES=1000,5000` sets others); `--articles N` adds N. */
const SIZES = (process.env.RECOUPE_IMPORT_SIZES ?? '1000,10000').split(',').map(Number);
/** `RECOUPE_IMPORT_CHROMIUM_ONLY=1` leaves out the page's side (to compare builds). */
const CHROMIUM_ONLY = process.env.RECOUPE_IMPORT_CHROMIUM_ONLY === '1';
/** Articles per message (`RECOUPE_IMPORT_PART_ARTICLES=100`; the corpus page's `MAX_IMPORT_PART_ARTICLES` otherwise), to compare transaction sizes. */
const PART_ARTICLES = Number(process.env.RECOUPE_IMPORT_PART_ARTICLES ?? MAX_IMPORT_PART_ARTICLES);
/** Parts sent before the first of them is replied: 2 as the corpus page does, `RECOUPE_IMPORT_IN_FLIGHT=1` one at a time (a build before `importId`). */
const IN_FLIGHT = Number(process.env.RECOUPE_IMPORT_IN_FLIGHT ?? 2);
/** How often the importing page sends its small request (issue 20: "a round trip of a small message every ~50 ms"). */
const PROBE_EVERY_MS = 50;
/** Whether the worker's heap is collected before it is measured during the import (a pause of the worker: see `workerHeap`). */
const HEAP_COLLECT_EACH_PART = process.env.RECOUPE_IMPORT_HEAP_COLLECT === '1';
/** Where to write CPU profiles of the service worker (`RECOUPE_IMPORT_PROFILE`), none when unset. */
const PROFILE_DIR = process.env.RECOUPE_IMPORT_PROFILE;
/** `RECOUPE_IMPORT_TRACE=1`: traces the browser over the import and over the preparation, and prints the service worker's tasks of 100 ms or more (what held the requests). */
const TRACE = process.env.RECOUPE_IMPORT_TRACE === '1';
/** The shortest task listed (`RECOUPE_IMPORT_LONG_TASK_MS=50` lists more of what held a request). */
const LONG_TASK_MS = Number(process.env.RECOUPE_IMPORT_LONG_TASK_MS ?? 100);
/**
 * `RECOUPE_IMPORT_PREPARATION_S=180`: measures the preparation that follows the import for that long
 * at most (a backlog of 100,000 takes far longer; its first minutes are what a reader meets), then stops.
 */
const PREPARATION_MAX_MS = Number(process.env.RECOUPE_IMPORT_PREPARATION_S ?? Infinity) * 1000;
/** `RECOUPE_IMPORT_LINKING_S=0`: not measured; else the stall until the stories are linked is measured for that long at most (180 s). */
const LINKING_MAX_MS = Number(process.env.RECOUPE_IMPORT_LINKING_S ?? 180) * 1000;

/** The background's longest stall over a stretch: a request's longest round trip, the worker's longest timer gap. */

interface ChromiumRun {
  articles: number;
  parts: number;
  ms: number;
  /** Per part: the round trip of its message. */
  partMs: number[];
  /** From the first part sent until every article is prepared for comparison (`corpus/preparation`). */
  preparedMs: number;
  /** From the first part sent until every article's words are indexed (`corpus/preparation`'s `words` gone: a build that indexes them later), when the build says. */
  wordsMs: number | null;
  /** The stall while the articles are prepared, after the import answered. */
  preparation: RoundTrips;
  /** Once prepared, until every article is linked into its stories (null: not measured, or not within `RECOUPE_IMPORT_LINKING_S`) and the stories written; the stall meanwhile. */
  linking: { linkedMs: number | null; stall: RoundTrips; longTasks?: LongTask[] } | null;
  /** Articles prepared when the measure stopped (all of them unless `RECOUPE_IMPORT_PREPARATION_S` cut it short). */
  prepared: number;
  /** The background's own breakdown summed over the parts (keys as its replies name them), when the build gives one. */
  timings: Record<string, number> | null;
  stall: RoundTrips;
  idle: RoundTrips;
  /** The service worker's used heap every second of the import (collected first with `RECOUPE_IMPORT_HEAP_COLLECT=1`), MB. */
  heapMB: number[];
  /** Collected, once every article is prepared, MB. */
  heapEndMB: number;
  stored: number;
  /** CPU seconds of the browser's processes and threads over the import (`browserCpu`; empty but on Linux). */
  cpu: Record<string, number>;
  /** With `RECOUPE_IMPORT_PROFILE`: the functions of most time over the import and the preparation, ms. */
  profile?: { name: string; self: number; total: number }[];
  /** With `RECOUPE_IMPORT_TRACE=1`: the service worker's tasks of `LONG_TASK_MS` or more, longest first. */
  longTasks?: { import: LongTask[]; preparation: LongTask[] };
  /** With `RECOUPE_IMPORT_PROFILE` and `RECOUPE_IMPORT_TRACE=1`: the profile, to tell what ran in each long task. */
  cpuProfile?: FullCpuProfile;
}

type ChromiumFigures = { build: string; runs: ChromiumRun[] } | string;

const sendFrom = async <T>(page: Page, message: Record<string, unknown>): Promise<T> => {
  const reply = await page.evaluate((m) => (globalThis as any).chrome.runtime.sendMessage(m), message) as { ok: boolean; value?: T; error?: string } | undefined;
  if (!reply?.ok) throw new Error(`${String(message.type)} failed: ${reply?.error ?? 'no reply'}`);
  return reply.value as T;
};

/**
 * The service worker's used JS heap, through a page's DevTools session (Playwright opens none on
 * workers; as follow.bench.ts does): after a full garbage collection (`collect`: what it holds, not
 * what it has yet to collect), or as it is. A full collection is a pause of the worker of 100–200 ms
 * (two mark-compacts, V8's low-memory notification, seen with `--js-flags=--trace-gc`): taken after
 * every part it was the import's longest stall and added seconds to its time, so it is taken once the
 * import is over, the heap measured as it is meanwhile (`RECOUPE_IMPORT_HEAP_COLLECT=1`: collected each time, as before).
 */
async function workerHeap(browser: ExtensionBrowser, page: Page): Promise<(collect: boolean) => Promise<number>> {
  const session: CDPSession = await browser.context.newCDPSession(page);
  const { targetInfos } = await session.send('Target.getTargets');
  const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${browser.extensionId}/`));
  if (!worker) throw new Error('No service worker of the extension');
  const { sessionId } = await session.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
  let next = 0;
  const pending = new Map<number, (usedSize: number) => void>();
  session.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message) as { id?: number; result?: { usedSize?: number } };
    if (m.id !== undefined) pending.get(m.id)?.(m.result?.usedSize ?? NaN);
  });
  const call = async (method: string) => {
    const id = ++next;
    const reply = new Promise<number>((done) => pending.set(id, done));
    await session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
    return reply;
  };
  return async (collect) => {
    if (collect) await call('HeapProfiler.collectGarbage');
    return (await call('Runtime.getHeapUsage')) / 2 ** 20;
  };
}


/** Imports `articles` into a fresh profile (the samples deleted first) as the corpus page does, measuring the background meanwhile. */
async function importInChromium(articles: PortableArticle[]): Promise<ChromiumRun> {
  const browser = await launchWithExtension();
  try {
    const page = await browser.openExtensionPage('options.html');
    // The samples are put in place on install; deleted so the corpus holds the import only.
    let samples: number[] = [];
    for (let i = 0; i < 300 && samples.length < 5; i++) {
      samples = (await sendFrom<{ ids: number[] }>(page, { type: 'corpus/search' })).ids;
      if (samples.length < 5) await page.waitForTimeout(100);
    }
    await sendFrom(page, { type: 'corpus/delete', ids: samples });
    const heap = await workerHeap(browser, page);
    const idleProbe = await startRoundTripProbe(browser, page, PROBE_EVERY_MS);
    await page.waitForTimeout(2_000);
    const idle = await idleProbe();

    const candidates = articles.map((article, i) => ({ item: `article ${i + 1}`, article }));
    const envelope = messageBytes({ type: 'corpus/import-part', fileName: 'bench.jsonl', articles: [] });
    const partMs: number[] = [];
    const heapMB: number[] = [];
    let timings: Record<string, number> | null = null;
    // The parts handed to the page before the clock starts, and sent by the page itself as the corpus
    // page does (`PartSender`: each sent before the previous one's reply is awaited, `IN_FLIGHT` 2):
    // handed over one at a time while the import ran (DevTools protocol, JSON of ~0.5 MB parsed by
    // the page), the hand-over was on the import's way (the background waited for the next part) and
    // held the page whose probe measures the stall. A run of 100,000 holds ~270 MB of parts in the page.
    await page.evaluate(() => {
      (globalThis as any).recoupeQueue = [];
    });
    for (const part of messageParts(candidates, MAX_IMPORT_MESSAGE_BYTES, envelope, PART_ARTICLES)) {
      await page.evaluate((m) => {
        (globalThis as any).recoupeQueue.push(m);
      }, { type: 'corpus/import-part', fileName: 'bench.jsonl', articles: part, ...(IN_FLIGHT > 1 ? { importId: 'bench' } : {}) });
    }
    const profiler = PROFILE_DIR ? await startWorkerProfile(browser.context, browser.extensionId, 500) : null;
    let trace = TRACE ? await startWorkerTrace(browser.context) : null;
    const stop = await startRoundTripProbe(browser, page, PROBE_EVERY_MS);
    const cpuBefore = browserCpu();
    const start = performance.now();
    await page.evaluate((inFlight) => {
      // No named function in here: tsx would wrap it in a helper the page does not have.
      const g = globalThis as any;
      g.recoupeParts = [];
      g.recoupeImport = (async () => {
        const queue = g.recoupeQueue as unknown[];
        for (let k = 0; k < queue.length; k++) {
          const m = queue[k];
          queue[k] = null;
          const t = performance.now();
          g.recoupeParts.push(g.chrome.runtime.sendMessage(m).then((reply: any) => ({
            ms: performance.now() - t,
            reply: reply?.ok ? { ok: true, timings: reply.value.timings ?? null, skipped: reply.value.skipped.length } : reply,
          })));
          if (k + 1 >= inFlight) await g.recoupeParts[k + 1 - inFlight];
        }
        return Promise.all(g.recoupeParts);
      })();
    }, IN_FLIGHT);
    // The worker's heap as the import goes, every second (not collected unless asked: see `workerHeap`).
    let importing = true;
    const done = page.evaluate(() => (globalThis as any).recoupeImport as Promise<{ ms: number; reply: any }[]>).finally(() => {
      importing = false;
    });
    while (importing) {
      await Promise.race([done.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 1_000))]);
      if (importing) heapMB.push(await heap(HEAP_COLLECT_EACH_PART));
    }
    for (const { ms, reply } of await done) {
      if (!reply?.ok) throw new Error(`corpus/import-part failed: ${reply?.error ?? 'no reply'}`);
      if (reply.skipped > 0) throw new Error(`${reply.skipped} articles skipped`);
      partMs.push(ms);
      if (reply.timings) {
        timings ??= {};
        for (const [k, v] of Object.entries(reply.timings as Record<string, number>)) timings[k] = (timings[k] ?? 0) + v;
      }
    }
    const ms = performance.now() - start;
    const cpuUsed = cpuBetween(cpuBefore, browserCpu());
    const stall = await stop();
    const importTasks = await trace?.stop(LONG_TASK_MS);
    trace = TRACE ? await startWorkerTrace(browser.context) : null;
    // Then until every article is prepared for comparison (a build before the preparation queue answers nothing: prepared with the import).
    const preparing = await startRoundTripProbe(browser, page, PROBE_EVERY_MS);
    const preparingFrom = performance.now();
    let prepared = articles.length;
    let wordsMs: number | null = null;
    let wordsSeen = false;
    for (;;) {
      const state = await page.evaluate(() => (globalThis as any).chrome.runtime.sendMessage({ type: 'corpus/preparation' })) as { ok: boolean; value?: { done: number; total: number; words?: number } } | undefined;
      if (state?.ok && state.value!.words) wordsSeen = true;
      else if (state?.ok && wordsMs === null) wordsMs = wordsSeen ? performance.now() - start : ms;
      if (!state?.ok || (state.value!.done >= state.value!.total && !state.value!.words)) break;
      if (performance.now() - preparingFrom > PREPARATION_MAX_MS) {
        prepared = state.value!.done;
        break;
      }
      await page.waitForTimeout(100);
    }
    const preparedMs = performance.now() - start;
    const preparation = await preparing();
    const longTasks = importTasks && trace ? { import: importTasks, preparation: await trace.stop(LONG_TASK_MS) } : undefined;
    // Then until every article is linked into its stories (the story index's backlog, which outlasts
    // the preparation; the Stories view's `linking`, asked every 2 s), and the stories written (regrouped
    // whole once the backlog is empty, `PERSIST_DELAY_MS` later): the stall meanwhile.
    let linking: ChromiumRun['linking'] = null;
    if (LINKING_MAX_MS > 0 && prepared === articles.length) {
      const linkTrace = TRACE ? await startWorkerTrace(browser.context) : null;
      const probe = await startRoundTripProbe(browser, page, PROBE_EVERY_MS);
      const from = performance.now();
      let linkedMs: number | null = null;
      while (performance.now() - from < LINKING_MAX_MS) {
        const { linking: left } = await sendFrom<{ linking: number }>(page, { type: 'corpus/stories', limit: 1 });
        if (left === 0) {
          linkedMs = performance.now() - start;
          await page.waitForTimeout(4_000);
          break;
        }
        await page.waitForTimeout(2_000);
      }
      linking = { linkedMs, stall: await probe(), ...(linkTrace ? { longTasks: await linkTrace.stop(LONG_TASK_MS) } : {}) };
    }
    let profile: ChromiumRun['profile'];
    const cpuProfile: FullCpuProfile | null | undefined = await profiler?.stop();
    if (cpuProfile && PROFILE_DIR) {
      mkdirSync(PROFILE_DIR, { recursive: true });
      writeFileSync(join(PROFILE_DIR, `import-${articles.length}.cpuprofile`), JSON.stringify(cpuProfile));
      profile = profileTimes(cpuProfile).slice(0, 40);
    }
    const heapEndMB = await heap(true);
    const stored = (await sendFrom<{ total: number }>(page, { type: 'corpus/search', limit: 0 })).total;
    return { articles: articles.length, parts: partMs.length, ms, preparedMs, wordsMs, prepared, partMs, timings, stall, preparation, linking, idle, heapMB, heapEndMB, stored, cpu: cpuUsed, profile, longTasks, ...(longTasks && cpuProfile ? { cpuProfile } : {}) };
  } finally {
    await browser.close();
  }
}

async function chromium(options: BenchOptions): Promise<ChromiumFigures> {
  if (!existsSync(join(CHROME_BUILD, 'manifest.json'))) return `no build at ${CHROME_BUILD}: run \`npm run build\` first`;
  const sizes = [...new Set([...SIZES, ...(options.articles ? [Number(options.articles)] : [])])].sort((a, b) => a - b);
  const { articles } = generatePanelCorpus({ size: sizes[sizes.length - 1]!, sameEvent: 10 });
  const runs: ChromiumRun[] = [];
  for (const size of sizes) runs.push(await importInChromium(articles.slice(0, size)));
  return { build: CHROME_BUILD, runs };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const bench: Benchmark<{ page: Figures[]; chromium: ChromiumFigures }> = {
  name: 'import',
  run: async (options) => ({ page: CHROMIUM_ONLY ? [] : [await measure('jsonl'), await measure('json')], chromium: await chromium(options) }),
  print({ page, chromium }) {
    for (const r of page) {
      console.log(`${r.format}: ${r.fileMB.toFixed(1)} MB file, ${r.articles} articles; as one message ${r.wholeMessageMiB.toFixed(1)} MiB (limit 64); `
        + `${r.parts} parts, largest ${r.largestPartMiB.toFixed(2)} MiB (target under ${MAX_IMPORT_MESSAGE_BYTES / 1024 / 1024}); read, checked and cut in ${Math.round(r.ms)} ms`);
    }
    if (typeof chromium === 'string') {
      console.log(`Chromium: skipped, ${chromium}`);
      return;
    }
    console.log(`Chromium, build ${chromium.build}:`);
    const base = chromium.runs[0]!;
    for (const r of chromium.runs) {
      console.log(`import ${r.articles.toLocaleString('en')} in ${r.parts} parts: ${seconds(r.ms)} (${Math.round(r.articles / (r.ms / 1000))} articles/s; ×${(r.ms / base.ms).toFixed(1)} the time of ${base.articles.toLocaleString('en')}), ${r.stored.toLocaleString('en')} stored`
        + (r.articles === 10_000 ? '; target 10.0 s' : ''));
      console.log(`  longest stall: round trip ${r.stall.longestRoundTripMs.toFixed(0)} ms (of ${r.stall.roundTrips}, median ${r.stall.medianRoundTripMs.toFixed(0)} ms), worker timer gap ${r.stall.longestTickGapMs.toFixed(0)} ms; `
        + `idle baseline: ${r.idle.longestRoundTripMs.toFixed(0)} ms, ${r.idle.longestTickGapMs.toFixed(0)} ms (target under 200 ms)`);
      if (r.wordsMs !== null) console.log(`  every article's words indexed (searchable) after ${seconds(r.wordsMs)}`);
      console.log(`  ${r.prepared < r.articles ? `${r.prepared.toLocaleString('en')} articles prepared (measure stopped)` : 'every article prepared for comparison'} after ${seconds(r.preparedMs)}; longest stall meanwhile: round trip ${r.preparation.longestRoundTripMs.toFixed(0)} ms (of ${r.preparation.roundTrips}, median ${r.preparation.medianRoundTripMs.toFixed(0)} ms), worker timer gap ${r.preparation.longestTickGapMs.toFixed(0)} ms`
        + `${r.preparation.over200 !== undefined ? `; ${r.preparation.over200} round trips over 200 ms${r.preparation.slowest!.length ? ` (slowest: ${r.preparation.slowest!.map((t) => `${t.ms.toFixed(0)} ms at ${(t.atMs / 1000).toFixed(1)} s`).join(', ')})` : ''}` : ''}; idle baseline ${r.idle.longestRoundTripMs.toFixed(0)} ms`);
      if (r.linking) {
        const l = r.linking.stall;
        console.log(`  ${r.linking.linkedMs === null ? `not every article linked after ${seconds(LINKING_MAX_MS)} more` : `every article linked into its stories after ${seconds(r.linking.linkedMs)}`}; longest stall meanwhile (and 4 s after): round trip ${l.longestRoundTripMs.toFixed(0)} ms (of ${l.roundTrips}, median ${l.medianRoundTripMs.toFixed(0)} ms), worker timer gap ${l.longestTickGapMs.toFixed(0)} ms; ${l.over200} round trips over 200 ms; idle baseline ${r.idle.longestRoundTripMs.toFixed(0)} ms`);
      }
      console.log(`  parts: ${r.partMs.map((ms) => seconds(ms)).join(', ')}`);
      if (Object.keys(r.cpu).length > 0) console.log(`  CPU over the import (s): ${Object.entries(r.cpu).map(([k, s]) => `${k} ${s.toFixed(1)}`).join(', ')}`);
      if (r.timings) console.log(`  background: ${Object.entries(r.timings).map(([k, ms]) => `${k} ${seconds(ms)}`).join(', ')}`);
      const step = Math.max(1, Math.ceil(r.heapMB.length / 12));
      console.log(`  worker heap each second of the import (${HEAP_COLLECT_EACH_PART ? 'collected' : 'as it is, garbage included'}): ${r.heapMB.filter((_, i) => i % step === 0 || i === r.heapMB.length - 1).map((mb) => mb.toFixed(0)).join(', ')} MB; `
        + `collected once every article is prepared: ${r.heapEndMB.toFixed(0)} MB`);
      for (const [stage, tasks] of Object.entries({ ...r.longTasks, ...(r.linking?.longTasks ? { linking: r.linking.longTasks } : {}) })) {
        console.log(`  service worker tasks of ${LONG_TASK_MS} ms or more during the ${stage}: ${tasks.length}, ${tasks.reduce((n, t) => n + t.ms, 0).toFixed(0)} ms in all; the longest:`);
        // Then those of most CPU time (the trace's thread time): a task long on the clock but short
        // on CPU waited for a core (2 shared cores), one long on CPU is the background's own work.
        const byCpu = tasks.filter((t) => t.cpuMs !== undefined).sort((a, b) => b.cpuMs! - a.cpuMs!).slice(0, 6);
        for (const [i, t] of [...tasks.slice(0, 12), ...byCpu].entries()) {
          if (i === Math.min(12, tasks.length) && byCpu.length) console.log('    and those of most CPU time:');
          console.log(`    ${t.ms.toFixed(0).padStart(5)} ms${t.cpuMs !== undefined ? ` (CPU ${t.cpuMs.toFixed(0)})` : ''} at ${(t.atMs / 1000).toFixed(1)} s: ${t.inside.map((e) => `${e.name} ${e.ms.toFixed(0)}`).join(', ')}`);
          // With a CPU profile taken meanwhile (`RECOUPE_IMPORT_PROFILE`), the functions of most time in the task (same clock).
          if (r.cpuProfile) console.log(`      ${profileTimes(r.cpuProfile, { fromUs: t.startUs, toUs: t.startUs + t.ms * 1000 }).filter((f) => !/^\((root|program)\)/.test(f.name)).slice(0, 10).map((f) => `${f.name.replace(/ background\.js/, '')} ${f.total.toFixed(0)}`).join(', ')}`);
        }
      }
      if (r.profile) {
        console.log('  service worker profile (total / self ms, most total first):');
        for (const f of r.profile) console.log(`    ${f.total.toFixed(0).padStart(7)} ${f.self.toFixed(0).padStart(7)}  ${f.name}`);
      }
    }
  },
};
export default bench;
