/**
 * Issue 16's figures at 100,000 stored articles that only the real browser gives, each beside the
 * same measure on the 5 samples (a fresh profile) in the same run:
 *
 * 1. The first open after a build changed the schema: a copy of a filled profile stored by an
 *    earlier schema (made by panel.bench.ts) opened with this build; from the browser's launch to
 *    the first `corpus/search` answered (the upgrade runs before it), the service worker's JS heap
 *    sampled every 250 ms meanwhile (its peak), then every article still counted, none left to
 *    prepare, and a search that answers. One fresh copy per run (an upgrade changes the profile).
 * 2. The Stories view (`corpus/stories`, request → answer in the page: its first page): the first after the
 *    upgrade, warm, and the first request after the service worker was stopped (as Chrome stops it
 *    after 30 s idle). On a corpus whose story links were never made the view answers at once and
 *    says how many articles are still being linked (graded in the background); given up after
 *    `RECOUPE_BENCH_SCALE_WAIT_MS` (default 20 min), the other stories figures are then not measured.
 * 3. Saving one article from a page (seed 000, whose event 10 stored articles report):
 *    `corpus/save-tab` sent → its story, asked for directly as a storyline asks for it
 *    (`corpus/storyline` of its id: the event holding it, with its other reports), asked again
 *    until it holds another article. The saved article is deleted after each run. Warm, and first
 *    thing in a new worker (`saveToStory`), each with the worker's `StoryIndex.spent`.
 * 4. Corpus search as the corpus page asks it (relevance, the first 50 rows with their snippets):
 *    one word, three words, a phrase; request → answer, warm and on the first request after the
 *    service worker was stopped (`COLD` runs each); and the corpus page's first list (no words, by
 *    date saved, its 200 first rows), the service worker stopped before. Beside them, in builds
 *    where the corpus page reads the index itself (page-search.ts; its `recoupePageSearch`), the
 *    same searches as the corpus page makes them: warm, the service worker stopped before, and the
 *    first search of a corpus page just opened (after its first list), with the ratio to the
 *    background's answer in the same run.
 *    `RECOUPE_BENCH_SCALE_ONLY=search` measures 1 and 4 only; `=save`, 1, 4 and 3 (two builds compared on
 *    what a save costs). `RECOUPE_BENCH_SCALE_CPU=dir` profiles the service worker's CPU over each
 *    save (from the request to its story found; a build made with `RECOUPE_NO_MINIFY=1` names its
 *    functions), writes the profiles there and prints the functions of most time, per save.
 * 5. The panel on seed 000's page (10 stored versions of its event at 100,000), as panel.bench.ts
 *    measures it: the panel's `page/compare` request → the comparison filled, warm and on the first
 *    request after the service worker was stopped (`RECOUPE_BENCH_PANEL_RUNS`, `_COLD_RUNS`).
 *
 * `RECOUPE_BENCH_SCALE_PROFILE` names the filled profile (kept as it is: each run works on a copy
 * under the system's temporary folder, or `RECOUPE_BENCH_SCALE_COPIES`); without it the benchmark
 * is skipped. The extension's id depends on the build's folder: the build must be at the folder
 * the profile was filled with (`RECOUPE_OUT_DIR`, see panel.bench.ts). `RECOUPE_BENCH_SCALE_RUNS`
 * sets the upgrade runs (default 3; each copies the profile), `RECOUPE_BENCH_SCALE_REPEAT` the
 * repetitions of the other measures (default 5, cold runs 3). `RECOUPE_BENCH_SCALE_KEEP` keeps the
 * last copy there (upgraded, its stories made) to measure again without the upgrade.
 * `RECOUPE_BENCH_SCALE_SETTLE_MIN` lets the background prepare and link an imported backlog first
 * (polled once a minute, given up after that many minutes), so the figures are those of a settled
 * corpus; without it they are measured while the backlog runs (the output says how much was left).
 * `RECOUPE_BENCH_SCALE_OPEN_MS` bounds the first open's search (default 10 min): past it the run
 * stops with what the service worker was doing (its handled requests, a 5 s CPU profile, its
 * process's memory, its console), not waiting for good.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import type { Preparation, SaveOutcome, StoriesPage, StorylineEventView } from '../../extension/protocol';
import type { CorpusListing } from '../../extension/storage/corpus';
import { launchWithExtension, type ExtensionBrowser } from '../../tests/support/chromium-extension';
import { profileTimes, startWorkerProfile } from '../../tests/support/stall';
import { servePages } from '../serve-pages';
import { percentiles, type Benchmark } from './bench';
import { installedSamples, PAGE, PROBE, QUIET_PAGE, runs, send, serviceWorkerDevTools, stopServiceWorker } from './panel.bench';

const SOURCE = process.env.RECOUPE_BENCH_SCALE_PROFILE;
const COPIES = process.env.RECOUPE_BENCH_SCALE_COPIES ?? tmpdir();
const UPGRADES = Number(process.env.RECOUPE_BENCH_SCALE_RUNS ?? 3);
const REPEAT = Number(process.env.RECOUPE_BENCH_SCALE_REPEAT ?? 5);
const COLD = 3;
/** Keep the last copy (upgraded, its story links made) at this folder, to run again on it. */
const KEEP = process.env.RECOUPE_BENCH_SCALE_KEEP;
/** Rows the issue's target reads: those shown first. */
const ROWS = 50;
/** One word, three words, a phrase (lib/search: double quotes make a phrase). */
export const QUERIES = [['one word', 'Kremlin'], ['three words', 'Poutine Obama Syrie'], ['a phrase', '"Barack Obama"']] as const;
/** `search`: the searches only (1 and 4), to compare two builds without the rest; `save`: those and the saves (3). */
const ONLY = process.env.RECOUPE_BENCH_SCALE_ONLY;
/** Where to write a CPU profile of the service worker over each save (`RECOUPE_BENCH_SCALE_CPU`), none when unset. */
const CPU_DIR = process.env.RECOUPE_BENCH_SCALE_CPU;
/** Saves profiled so far (each profile's file name). */
let profiled = 0;
/** The corpus page's first list as it asks it (entrypoints/corpus: no words, by date saved, `PAGE_ROWS`). */
const FIRST_LIST = { type: 'corpus/search', query: '', sort: 'saved', direction: 'desc', limit: 200 } as const;
const TARGET_MS = { stories: 500, save: 50, search: 50, panelWarm: 250, panelCold: 500 };
/** How long a first Stories view or a save's story may take before the run gives up on it (`RECOUPE_BENCH_SCALE_WAIT_MS`). */
const WAIT_MS = Number(process.env.RECOUPE_BENCH_SCALE_WAIT_MS ?? 1_200_000);
/**
 * How long the first open's search may take (launch → answer, an upgrade included) before the run
 * gives up on it, printing what the service worker was doing (`RECOUPE_BENCH_SCALE_OPEN_MS`).
 */
const OPEN_WAIT_MS = Number(process.env.RECOUPE_BENCH_SCALE_OPEN_MS ?? 600_000);
/** The first open's search sent again after this long unanswered (then after twice as long, up to 2 min). */
const RESEND_MS = 10_000;
/** A DevTools call to the service worker (a heap sample, a diagnosis) given up after this long. */
const DEVTOOLS_MS = 10_000;
/** Minutes given to the backlog (preparation and linking) before the 100,000 measures; 0: measured at once. */
const SETTLE_MIN = Number(process.env.RECOUPE_BENCH_SCALE_SETTLE_MIN ?? 0);
/** Polled sparingly: each poll is a request the background answers ahead of its backlog. */
const SETTLE_POLL_MS = 60_000;

export interface FirstOpen {
  /** Launch → the first `corpus/search` answered (a schema upgrade included). */
  launchToAnswerMs: number;
  /** The service worker started (the launch returned) → that answer. */
  workerToAnswerMs: number;
  /** Peak JS heap of the service worker, sampled every 250 ms until the answer, MB. */
  peakHeapMB: number;
  /** The same right after the answer. */
  heapAfterMB: number;
  /** The extension's renderer process (its service worker and pages) at the answer: resident and peak resident, MB (Linux). */
  process: ProcessMemory | null;
  stored: number;
  /** Articles whose features are still to be computed (`corpus/preparation`). */
  pending: number;
  /** Matches of the one-word query, once opened. */
  searchMatches: number;
  /** The answered copy of that search sent → its answer. */
  sentToAnswerMs: number;
  /** Times the first search was sent before one was answered (1: the first; more: Chrome lost the earlier ones, see `firstOpen`). */
  attempts: number;
}

export interface ProfileFigures {
  articles: number;
  firstOpen: FirstOpen[];
  /** null: no answer within WAIT_MS (nothing else of the stories measured then). */
  storiesFirstMs: number | null;
  stories: number;
  /** Articles the first answer said were still being linked (the view does not wait for them). */
  linkingAtFirst?: number;
  storiesWarmMs: number[];
  storiesColdMs: number[];
  /** The panel's request → filled (panel.bench.ts): warm, and the service worker stopped before. */
  panelWarmMs: number[];
  panelColdMs: number[];
  /**
   * Per save: reply, and save sent → the saved id in a story (null: in none within WAIT_MS), its
   * size, and the time of one ask of its story (the last: it bounds how finely the time to its story is measured).
   */
  saves: { replyMs: number; toStoryMs: number | null; storySize: number; lookupMs: number; spent?: Record<string, number>; cpu?: { name: string; self: number; total: number }[] }[];
  /** The same, first thing in a new worker (`saveToStory`, cold). */
  coldSaves: ProfileFigures['saves'];
  /** Per query, warm and the first request after the service worker was stopped (`coldMs`). */
  search: { kind: string; query: string; ms: number[]; coldMs: number[]; matches: number; coldWorker?: (WorkerStart | null)[] }[];
  /** The corpus page's first list (`FIRST_LIST`), the service worker stopped before. */
  firstListColdMs: number[];
  /**
   * Per query, the corpus page's own search (page-search.ts), absent from builds without it: warm,
   * the service worker stopped before, and the first search of a corpus page just opened.
   */
  pageSearch?: { query: string; ms: number[]; stoppedMs: number[]; freshMs: number[]; matches: number }[];
  /** The backlog when the measures began (after `RECOUPE_BENCH_SCALE_SETTLE_MIN`, if set): articles still to prepare and to link. */
  backlog?: { waitedMs: number; toPrepare: number; toLink: number };
  /** The extension's process after the first Stories view, and at the end (peak resident: since the launch). */
  memory: { afterStories: ProcessMemory | null; atEnd: ProcessMemory | null };
}

export interface ScaleBenchResult {
  skipped?: string;
  small?: ProfileFigures;
  large?: ProfileFigures;
}

export interface ProcessMemory { rssMB: number; peakRssMB: number }

/**
 * Resident memory of the Chromium process that runs the extension (`--extension-process`) of the
 * browser on `profileDir`, from /proc (Linux; null elsewhere): the JS heap leaves out what
 * IndexedDB and Blink hold for the worker.
 */
export function extensionProcess(profileDir: string): ProcessMemory | null {
  if (!existsSync('/proc/self/status')) return null;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/); // Chromium rewrites its children's command line as one string
      if (!args.includes('--extension-process') || !args.includes(`--user-data-dir=${profileDir}`)) continue;
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
      return { rssMB: kb('VmRSS') / 1024, peakRssMB: kb('VmHWM') / 1024 };
    } catch { /* gone meanwhile */ }
  }
  return null;
}

const median = (xs: number[]) => percentiles(xs).median;

/** What `spentLine` prints. */
export const SPENT_NOTE = 'StoryIndex.spent over the save and the asks of its story: ms, and rows, bytes, keys read';
/** A save's `spent` on one line (counts as integers, times in ms). */
export const spentLine = (spent: Record<string, number> | undefined) =>
  spent ? Object.entries(spent).map(([k, v]) => `${k} ${/\)$/.test(k) && !k.startsWith('change (') ? v.toFixed(0) : v.toFixed(1)}`).join('; ') : '—';
const MB = 2 ** 20;

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

/** `promise`, or an error saying `what` had no answer within `ms` (`onTimeout`'s text appended). */
async function bounded<T>(promise: Promise<T>, ms: number, what: string, onTimeout: () => Promise<string>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, fail) => {
    timer = setTimeout(() => void onTimeout().catch((e: unknown) => `(no diagnosis: ${String(e)})`).then((why) => fail(new Error(`${what}: no answer within ${(ms / 1000).toFixed(0)} s. ${why}`))), ms);
  });
  try {
    return await Promise.race([promise, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * What the extension's service worker is doing, for a message when it does not answer: the
 * requests it handled (`recoupeTimings`), the functions of most time in a 5 s CPU profile, its
 * process's memory and its last console lines.
 */
async function workerDiagnosis(browser: ExtensionBrowser, profileDir: string, consoleLines: string[]): Promise<string> {
  const parts: string[] = [];
  const page = await browser.context.newPage();
  try {
    const devtools = await serviceWorkerDevTools(browser, page);
    try {
      const heap = await devtools.call<{ usedSize: number }>('Runtime.getHeapUsage', {}, DEVTOOLS_MS);
      parts.push(`worker's JS heap ${(heap.usedSize / MB).toFixed(0)} MB`);
      const { result } = await devtools.call<{ result: { value?: string } }>('Runtime.evaluate', { expression: 'JSON.stringify(globalThis.recoupeTimings ?? null)', returnByValue: true }, DEVTOOLS_MS);
      parts.push(`requests it handled (recoupeTimings): ${result.value ?? 'none'}`);
    } catch (error) {
      parts.push(`the worker does not answer DevTools: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      await devtools.detach().catch(() => {});
    }
  } catch (error) {
    parts.push(`no worker to attach to: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await page.close().catch(() => {});
  }
  try {
    const profiler = await startWorkerProfile(browser.context, browser.extensionId, 1000);
    await new Promise((r) => setTimeout(r, 5_000));
    const profile = await Promise.race([profiler.stop(), new Promise<null>((r) => setTimeout(() => r(null), DEVTOOLS_MS))]);
    const top = profile ? profileTimes(profile).filter((f) => !/^\((root|program|idle)\)/.test(f.name)).slice(0, 12) : [];
    parts.push(profile ? `CPU over 5 s (function total/self ms): ${top.map((f) => `${f.name} ${f.total.toFixed(0)}/${f.self.toFixed(0)}`).join('; ') || 'idle'}` : 'no CPU profile');
  } catch (error) {
    parts.push(`no CPU profile: ${error instanceof Error ? error.message : String(error)}`);
  }
  const memory = extensionProcess(profileDir);
  if (memory) parts.push(`extension process ${memory.rssMB.toFixed(0)} MB resident (peak ${memory.peakRssMB.toFixed(0)} MB)`);
  parts.push(`worker console (last ${consoleLines.length}): ${consoleLines.join(' | ') || 'nothing'}`);
  return parts.join('; ');
}

/** Launches on `profileDir` (fresh when undefined) and times the first open, the worker's heap sampled meanwhile. */
export async function firstOpen(profileDir: string): Promise<{ browser: ExtensionBrowser; figures: FirstOpen }> {
  // Chrome keeps the worker script of the build that filled the profile: dropped, so this build's registers.
  rmSync(join(profileDir, 'Default', 'Service Worker'), { recursive: true, force: true });
  const t0 = performance.now();
  const browser = await launchWithExtension({ profileDir });
  const tWorker = performance.now();
  const consoleLines: string[] = [];
  const listen = (worker: Worker) => worker.on('console', (m) => {
    consoleLines.push(`${((performance.now() - t0) / 1000).toFixed(1)} s ${m.type()}: ${m.text().slice(0, 300)}`);
    if (consoleLines.length > 20) consoleLines.shift();
  });
  listen(await browser.serviceWorker());
  browser.context.on('serviceworker', listen);
  await browser.context.addInitScript(PROBE); // the panel's timing marks (panel.bench.ts)
  const blank = await browser.context.newPage();
  const devtools = await serviceWorkerDevTools(browser, blank);
  let peak = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      try {
        // Bounded: a worker Chrome stopped or replaced never answers, which held the run for good.
        peak = Math.max(peak, (await devtools.call<{ usedSize: number }>('Runtime.getHeapUsage', {}, DEVTOOLS_MS)).usedSize);
      } catch { /* no answer: the peak is that of the samples answered */ }
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  let listing: CorpusListing;
  let attempts = 0;
  let tSent = 0;
  let page: Page | undefined;
  try {
    listing = await bounded((async () => {
      page = await browser.openExtensionPage(QUIET_PAGE);
      // Sent again while unanswered: with the worker's registration dropped (above), Chrome lost the
      // first messages of the pages (seen at 20,000 articles: no request handled, the worker idle,
      // the page's `sendMessage` never settled), while one sent 8 s later was answered at once. A
      // request is answered once, whichever copy; its copies are reads (limit 0).
      for (let waitMs = RESEND_MS; ; waitMs = Math.min(2 * waitMs, 120_000)) {
        attempts++;
        tSent = performance.now();
        const reply = await page.evaluate(async ([m, ms]) => Promise.race([
          (globalThis as any).chrome.runtime.sendMessage(m),
          new Promise((resolve) => setTimeout(() => resolve('unanswered'), ms)),
        ]), [{ type: 'corpus/search', limit: 0 }, waitMs] as const) as { ok: boolean; value?: CorpusListing; error?: string } | 'unanswered' | undefined;
        if (reply === 'unanswered') continue;
        if (!reply?.ok) throw new Error(`corpus/search failed: ${reply ? reply.error : 'no reply'}`);
        return reply.value!;
      }
    })(), OPEN_WAIT_MS, `first open of ${profileDir}: the first corpus/search (limit 0, from ${QUIET_PAGE})`, async () => `Sent ${attempts} times. ${await workerDiagnosis(browser, profileDir, consoleLines)}`);
  } catch (error) {
    sampling = false;
    await browser.close().catch(() => {});
    throw error;
  }
  const tAnswer = performance.now();
  sampling = false;
  await sampler;
  const heapAfter = await devtools.call<{ usedSize: number }>('Runtime.getHeapUsage', {}, DEVTOOLS_MS).then((h) => h.usedSize, () => NaN);
  const memory = extensionProcess(profileDir);
  await devtools.detach().catch(() => {});
  await blank.close();
  const preparation = await send<Preparation>(page!, { type: 'corpus/preparation' });
  const pending = preparation.total - preparation.done;
  const searchMatches = (await send<CorpusListing>(page!, { type: 'corpus/search', query: QUERIES[0][1], limit: ROWS })).ids.length;
  await page!.close();
  return {
    browser,
    figures: {
      launchToAnswerMs: tAnswer - t0, sentToAnswerMs: tAnswer - tSent, workerToAnswerMs: tAnswer - tWorker, peakHeapMB: Math.max(peak, Number.isNaN(heapAfter) ? 0 : heapAfter) / MB, heapAfterMB: heapAfter / MB, process: memory,
      stored: listing.total, pending, searchMatches, attempts,
    },
  };
}

/** The Stories view's first page (or the first `limit` stories), asked from `page` (a `corpus/stories` round trip). */
const storiesOf = (page: Page, limit?: number) => send<StoriesPage>(page, { type: 'corpus/stories', ...(limit ? { limit } : {}) });

/**
 * The Stories view's first page asked from `page`, timed there (request → answer in the page, as
 * the corpus page gets it): the answer is not sent on to the benchmark, whose transfer through
 * DevTools took another ~330 ms cold or warm when it was 333 KB at 100,000 (50 stories with every
 * member's id; 58 KB since it holds the first screen's 10, their listed articles' ids only).
 */
async function storiesTimed(page: Page): Promise<{ ms: number; total: number; linking: number }> {
  const r = await page.evaluate(async () => {
    const t0 = performance.now();
    const reply = await (globalThis as any).chrome.runtime.sendMessage({ type: 'corpus/stories' });
    return { ms: performance.now() - t0, ok: reply?.ok === true, total: reply?.value?.total as number, linking: reply?.value?.linking as number, error: reply?.error as string | undefined };
  });
  if (!r.ok) throw new Error(`corpus/stories failed: ${r.error ?? 'no reply'}`);
  return r;
}

/**
 * The story of stored article `id`, asked for directly as a storyline asks for it (`corpus/storyline`
 * of that id alone: its event, the story holding it): its articles' ids, or null while it is in none
 * (the event of it alone). Not the Stories view's pages, which at 100,000 would be the ask's own cost.
 */
async function storyOfArticle(page: Page, id: number): Promise<number[] | null> {
  const events = await send<StorylineEventView[]>(page, { type: 'corpus/storyline', ids: [id], expand: false });
  const ids = events.find((e) => e.versions.some((v) => v.id === id))?.versions.flatMap((v) => (v.id === null ? [] : [v.id])) ?? [];
  return ids.length > 1 ? ids : null;
}

/**
 * Waits (at most `minutes`) for the background to prepare and link every stored article, asking
 * once a minute; what is left when it stops.
 */
async function settle(browser: ExtensionBrowser, minutes: number): Promise<NonNullable<ProfileFigures['backlog']>> {
  const page = await browser.openExtensionPage(QUIET_PAGE);
  const started = performance.now();
  try {
    for (let zero = 0; ;) {
      const preparation = await send<Preparation>(page, { type: 'corpus/preparation' });
      const { linking } = await storiesOf(page, 1);
      const left = { waitedMs: performance.now() - started, toPrepare: preparation.total - preparation.done, toLink: linking };
      console.error(`scale-chromium: backlog after ${(left.waitedMs / 60_000).toFixed(1)} min: ${left.toPrepare} to prepare, ${left.toLink} to link`);
      // Twice nothing left: the stories then written whole (the background writes at most every 10 s).
      zero = left.toPrepare === 0 && left.toLink === 0 ? zero + 1 : 0;
      if (zero >= 2 || left.waitedMs >= minutes * 60_000) return left;
      await page.waitForTimeout(SETTLE_POLL_MS);
    }
  } finally {
    await page.close();
  }
}

/**
 * Where a request after a stop spent its time in the new worker (handlers.ts `workerTimings`, ms
 * since the worker's time origin): its script evaluated, its listeners set, the request arrived
 * and was handled in.
 */
export interface WorkerStart { evaluatedMs: number; readyMs: number; arrivedMs: number; handledMs: number }

/** `WorkerStart` of the last request of `type` the worker handled, read through DevTools; null when it keeps none. */
async function workerStart(browser: ExtensionBrowser, page: Page, type: string): Promise<WorkerStart | null> {
  const devtools = await serviceWorkerDevTools(browser, page);
  try {
    const { result } = await devtools.call<{ result: { value?: string } }>('Runtime.evaluate', { expression: 'JSON.stringify(globalThis.recoupeTimings ?? null)', returnByValue: true });
    const t = JSON.parse(result.value ?? 'null') as { evaluatedMs: number; readyMs: number; requests: { type: string; atMs: number; ms: number }[] } | null;
    const request = t?.requests.filter((r) => r.type === type).at(-1);
    return t && request ? { evaluatedMs: t.evaluatedMs, readyMs: t.readyMs, arrivedMs: request.atMs, handledMs: request.ms } : null;
  } finally {
    await devtools.detach();
  }
}

/** One save's figures (`ProfileFigures.saves`). */
export type SaveFigures = ProfileFigures['saves'][number];

/**
 * Saves `url`'s page (`corpus/save-tab` from `page`) and times it to its story (item 3), then deletes
 * it. The worker awake (the view asked just before), or, when `cold`, stopped first and woken by a
 * request that leaves the story index alone (`corpus/preparation`): its start is not timed, only the
 * save's reads of a new worker. `spent`: the worker's `StoryIndex.spent` over the save and the
 * asks of its story (phases in ms, rows and bytes read), reached through DevTools.
 */
export async function saveToStory(browser: ExtensionBrowser, page: Page, url: string, cold: boolean): Promise<SaveFigures> {
  const article = await browser.context.newPage();
  await article.goto(url);
  const tabId = await browser.tabIdOf(url);
  if (cold) {
    // The last change's index written first (2 s after it): Chrome stops a worker after 30 s idle,
    // and a worker stopped sooner leaves the next one to bring the index up to date (every row read).
    await page.waitForTimeout(4_000);
    await stopServiceWorker(browser, page);
    await send<Preparation>(page, { type: 'corpus/preparation' });
  } else await storiesOf(page);
  const devtools = await serviceWorkerDevTools(browser, page);
  const evaluate = async (expression: string) => (await devtools.call<{ result: { value?: unknown } }>('Runtime.evaluate', { expression, returnByValue: true })).result.value;
  const hooked = (await evaluate('(() => { const s = globalThis.recoupeStoryIndex; if (!s) return false; s.spent = new Map(); return true; })()')) === true;
  const profiler = CPU_DIR ? await startWorkerProfile(browser.context, browser.extensionId, 200) : null;
  try {
    const t0 = performance.now();
    const saved = await send<SaveOutcome>(page, { type: 'corpus/save-tab', tabId });
    const replyMs = performance.now() - t0;
    let toStoryMs: number | null = null;
    let storySize = 0;
    let lookupMs = NaN;
    while (performance.now() - t0 < WAIT_MS) {
      const ask = await timed(() => storyOfArticle(page, saved.id));
      lookupMs = ask.ms;
      if (ask.value) {
        toStoryMs = performance.now() - t0;
        storySize = ask.value.length;
        break;
      }
    }
    const profile = await profiler?.stop();
    let cpu: SaveFigures['cpu'];
    if (profile && CPU_DIR) {
      mkdirSync(CPU_DIR, { recursive: true });
      writeFileSync(join(CPU_DIR, `save-${++profiled}${cold ? '-cold' : ''}.cpuprofile`), JSON.stringify(profile));
      // Work only: idle is waiting (for IndexedDB, for the next message).
      cpu = profileTimes(profile).filter((f) => !f.name.startsWith('(idle)')).slice(0, 40);
    }
    const spent = hooked ? (JSON.parse(String(await evaluate('(() => { const s = globalThis.recoupeStoryIndex; const m = s.spent; s.spent = null; return JSON.stringify([...m]); })()'))) as [string, number][]) : [];
    if (saved.created) await send(page, { type: 'corpus/delete', ids: [saved.id] });
    return { replyMs, toStoryMs, storySize, lookupMs, spent: Object.fromEntries(spent), ...(cpu ? { cpu } : {}) };
  } finally {
    await devtools.detach();
    await article.close();
  }
}

/**
 * The searches of 4 as the corpus page makes them itself (page-search.ts `PageSearch.search`, which
 * the page exposes as `recoupePageSearch`), timed in the page; null for a build without it. Each
 * must find what the background found (`asked`: the same matches).
 */
export async function pageSearches(browser: ExtensionBrowser, page: Page, asked: ProfileFigures['search']): Promise<ProfileFigures['pageSearch'] | null> {
  const timedIn = async (p: Page, query: string) => {
    const r = await p.evaluate(async (q) => {
      const search = (globalThis as { recoupePageSearch?: (s: object) => Promise<CorpusListing | null> }).recoupePageSearch;
      if (!search) return null;
      const t0 = performance.now();
      const listing = await search({ query: q, sort: 'relevance', direction: 'desc', limit: 50 });
      return { ms: performance.now() - t0, matches: listing?.ids.length ?? -1, rows: listing?.articles.length ?? 0 };
    }, query);
    if (r && r.matches === -1) throw new Error(`${query}: the corpus page left its search to the background (words still to index?)`);
    if (r && r.rows !== Math.min(ROWS, r.matches)) throw new Error(`${query}: ${r.rows} rows for ${r.matches} matches`);
    return r;
  };
  /** A corpus page opened, its first list shown (when the corpus holds articles). */
  const opened = async () => {
    const p = await browser.openExtensionPage('corpus.html');
    await p.waitForSelector('[data-testid="article-row"]', { timeout: 120_000 });
    return p;
  };
  const corpus = await opened();
  try {
    if ((await timedIn(corpus, QUERIES[0][1])) === null) return null;
    const out: NonNullable<ProfileFigures['pageSearch']> = [];
    for (const [q, [, query]] of QUERIES.entries()) {
      const ms: number[] = [];
      let matches = 0;
      for (let i = 0; i < REPEAT; i++) {
        const r = (await timedIn(corpus, query))!;
        ms.push(r.ms);
        matches = r.matches;
      }
      if (matches !== asked[q]!.matches) throw new Error(`${query}: the corpus page found ${matches}, the background ${asked[q]!.matches}`);
      out.push({ query, ms, stoppedMs: [], freshMs: [], matches });
    }
    for (let i = 0; i < COLD; i++) {
      for (const [q, [, query]] of QUERIES.entries()) {
        await stopServiceWorker(browser, page);
        out[q]!.stoppedMs.push((await timedIn(corpus, query))!.ms);
      }
    }
    for (let i = 0; i < COLD; i++) {
      for (const [q, [, query]] of QUERIES.entries()) {
        await stopServiceWorker(browser, page);
        const fresh = await opened();
        try {
          out[q]!.freshMs.push((await timedIn(fresh, query))!.ms);
        } finally {
          await fresh.close();
        }
      }
    }
    return out;
  } finally {
    await corpus.close();
  }
}

/** Measures 2 to 5 on an opened browser. */
export async function measures(browser: ExtensionBrowser, url: string, articles: number, firstOpens: FirstOpen[], profileDir: string): Promise<ProfileFigures> {
  const page = await browser.openExtensionPage(QUIET_PAGE);
  try {
    // An import's words are indexed after it (words-later.ts): a search meanwhile answers without
    // them, saying how many it did not look in. Searched until none is left, so that the figures
    // are those of an indexed corpus (a search starts the indexing if it waits for the import's end).
    for (let waited = 0; ; waited++) {
      const unindexed = (await send<CorpusListing>(page, { type: 'corpus/search', query: QUERIES[0][1], limit: 0 })).unindexed ?? 0;
      if (unindexed === 0) break;
      if (waited === 0) console.error(`scale bench: ${unindexed} articles' words still to index, searched until none is left`);
      if (waited > 360) throw new Error(`scale bench: ${unindexed} articles' words still to index after 30 min`);
      await page.waitForTimeout(5_000);
    }
    const search: ProfileFigures['search'] = [];
    // Timed in the page (request → answer, as the corpus page gets it): the answer is not sent on
    // to the benchmark, whose transfer through DevTools of a list of 100,000 ids is not the extension's.
    const asked = async (ask: Record<string, unknown>, label: string) => {
      const r = await page.evaluate(async (m) => {
        const t0 = performance.now();
        const reply = await (globalThis as any).chrome.runtime.sendMessage(m);
        const listing = reply?.value as CorpusListing | undefined;
        return { ms: performance.now() - t0, ok: reply?.ok === true, error: reply?.error as string | undefined, matches: listing?.ids.length ?? 0, rows: listing?.articles.length ?? 0 };
      }, ask);
      if (!r.ok) throw new Error(`${label}: ${r.error ?? 'no reply'}`);
      if (r.rows !== Math.min(ask.limit as number, r.matches)) throw new Error(`${label}: ${r.rows} rows sent for ${r.matches} matches`);
      return r;
    };
    for (const [kind, query] of QUERIES) {
      // As the corpus page asks (entrypoints/corpus/use-corpus-search.ts), the first rows only.
      const ask = { type: 'corpus/search', query, sort: 'relevance', direction: 'desc', limit: ROWS };
      const ms: number[] = [];
      let matches = 0;
      for (let i = 0; i < REPEAT; i++) {
        const r = await asked(ask, query);
        ms.push(r.ms);
        matches = r.matches;
      }
      search.push({ kind, query, ms, coldMs: [], matches });
    }
    // The first request after the service worker was stopped, each query in turn (a worker stopped before each).
    for (let i = 0; i < COLD; i++) {
      for (const [q, [, query]] of QUERIES.entries()) {
        await stopServiceWorker(browser, page);
        search[q]!.coldMs.push((await asked({ type: 'corpus/search', query, sort: 'relevance', direction: 'desc', limit: ROWS }, query)).ms);
        (search[q]!.coldWorker ??= []).push(await workerStart(browser, page, 'corpus/search'));
      }
    }
    const firstListColdMs: number[] = [];
    for (let i = 0; i < COLD; i++) {
      await stopServiceWorker(browser, page);
      firstListColdMs.push((await asked(FIRST_LIST, 'first list')).ms);
    }
    const pageSearch = await pageSearches(browser, page, search);
    const figures: ProfileFigures = {
      articles, firstOpen: firstOpens, search, firstListColdMs, ...(pageSearch ? { pageSearch } : {}), storiesFirstMs: null, stories: 0, storiesWarmMs: [], storiesColdMs: [],
      panelWarmMs: [], panelColdMs: [], saves: [], coldSaves: [], memory: { afterStories: null, atEnd: null },
    };
    if (ONLY === 'search') return figures;
    if (ONLY === 'save') {
      for (let i = 0; i < REPEAT; i++) figures.saves.push(await saveToStory(browser, page, url, false));
      for (let i = 0; i < COLD; i++) figures.coldSaves.push(await saveToStory(browser, page, url, true));
      return figures;
    }
    // Before the Stories view: a first view that never answers (WAIT_MS) ends the measures.
    const panel = await runs(browser, url, articles);
    figures.panelWarmMs = panel.runs.map((r) => r.requestToFilledMs);
    figures.panelColdMs = panel.cold.map((r) => r.requestToFilledMs);
    // The first Stories view makes the links of a corpus that has none saved: given up after WAIT_MS.
    const first = await Promise.race([storiesTimed(page), new Promise<null>((r) => setTimeout(() => r(null), WAIT_MS))]);
    figures.memory.afterStories = extensionProcess(profileDir);
    if (first === null) return figures;
    figures.storiesFirstMs = first.ms;
    figures.stories = first.total;
    figures.linkingAtFirst = first.linking;
    for (let i = 0; i < REPEAT; i++) figures.storiesWarmMs.push((await storiesTimed(page)).ms);
    for (let i = 0; i < COLD; i++) {
      await stopServiceWorker(browser, page);
      figures.storiesColdMs.push((await storiesTimed(page)).ms);
    }
    for (let i = 0; i < REPEAT; i++) figures.saves.push(await saveToStory(browser, page, url, false));
    for (let i = 0; i < COLD; i++) figures.coldSaves.push(await saveToStory(browser, page, url, true));
    figures.memory.atEnd = extensionProcess(profileDir);
    return figures;
  } finally {
    await page.close();
  }
}

const bench: Benchmark<ScaleBenchResult> = {
  name: 'scale-chromium',
  async run() {
    if (!SOURCE) return { skipped: 'RECOUPE_BENCH_SCALE_PROFILE names no filled profile (see scripts/bench/scale-chromium.bench.ts)' };
    const source = resolve(SOURCE);
    const fill = join(source, 'recoupe-fill.json');
    if (!existsSync(fill)) throw new Error(`${source} is not a filled profile of panel.bench.ts (no recoupe-fill.json)`);
    const articles = (JSON.parse(readFileSync(fill, 'utf8')) as { articles: number }).articles;
    const pages = await servePages(resolve('corpus/pages'));
    const url = `${pages.url}/${PAGE}`;
    try {
      const smallOpens: FirstOpen[] = [];
      let small: ProfileFigures | undefined;
      for (let i = 0; i < UPGRADES; i++) {
        const fresh = mkdtempSync(join(COPIES, 'recoupe-scale-small-'));
        try {
          const { browser, figures } = await firstOpen(fresh);
          try {
            smallOpens.push(figures);
            await installedSamples(browser);
            if (i === UPGRADES - 1) small = await measures(browser, url, 5, smallOpens, fresh);
          } finally {
            await browser.close();
          }
        } finally {
          rmSync(fresh, { recursive: true, force: true });
        }
      }
      const largeOpens: FirstOpen[] = [];
      let large: ProfileFigures | undefined;
      for (let i = 0; i < UPGRADES; i++) {
        const copy = mkdtempSync(join(COPIES, 'recoupe-scale-'));
        try {
          cpSync(source, copy, { recursive: true });
          const { browser, figures } = await firstOpen(copy);
          try {
            largeOpens.push(figures);
            console.error(`scale-chromium: upgrade run ${i + 1}: ${JSON.stringify(figures)}`);
            if (i === UPGRADES - 1) {
              const backlog = SETTLE_MIN > 0 ? await settle(browser, SETTLE_MIN) : undefined;
              large = { ...(await measures(browser, url, articles, largeOpens, copy)), ...(backlog ? { backlog } : {}) };
            }
          } finally {
            await browser.close();
          }
        } finally {
          if (KEEP && i === UPGRADES - 1) cpSync(copy, resolve(KEEP), { recursive: true });
          rmSync(copy, { recursive: true, force: true });
        }
      }
      return { small, large };
    } finally {
      await pages.close();
    }
  },
  print(r) {
    if (r.skipped || !r.small || !r.large) {
      console.log(`skipped: ${r.skipped}`);
      return;
    }
    const { small, large } = r;
    const n = large.articles.toLocaleString('en');
    const mem = (m: ProcessMemory | null) => (m ? `${m.rssMB.toFixed(0)} MB resident (peak ${m.peakRssMB.toFixed(0)} MB)` : '—');
    const f = (x: number | null) => (x === null || Number.isNaN(x) ? '—' : x.toFixed(0));
    const row = (what: string, pick: (p: ProfileFigures) => number | null, target?: number) => {
      const known = (x: number | null) => (x === null || Number.isNaN(x) ? null : x);
      const [s, l] = [known(pick(small)), known(pick(large))];
      return {
        'median ms': what, [`${small.articles} articles`]: f(s), [`${n} articles`]: f(l),
        ratio: s && l !== null ? `${(l / s).toFixed(1)}×` : '—',
        target: target === undefined ? '' : l === null ? '— (not measured)' : `≤ ${target}: ${l <= target ? 'met' : 'MISSED'}`,
      };
    };
    const savedIn = (saves: ProfileFigures['saves']) => {
      const xs = saves.map((s) => s.toStoryMs).filter((x): x is number => x !== null);
      return xs.length > 0 && xs.length === saves.length ? median(xs) : null;
    };
    console.table([
      row('panel: request → filled, warm', (p) => median(p.panelWarmMs), TARGET_MS.panelWarm),
      row('panel: request → filled, service worker stopped before', (p) => median(p.panelColdMs), TARGET_MS.panelCold),
      row('first open: launch → first search answered', (p) => median(p.firstOpen.map((o) => o.launchToAnswerMs))),
      row('first open: worker started → answered', (p) => median(p.firstOpen.map((o) => o.workerToAnswerMs))),
      row('Stories view, first request after the open', (p) => p.storiesFirstMs),
      row('Stories view, warm', (p) => median(p.storiesWarmMs), TARGET_MS.stories),
      row('Stories view, service worker stopped before', (p) => median(p.storiesColdMs), TARGET_MS.stories),
      row('save one article: save-tab reply', (p) => median(p.saves.map((s) => s.replyMs))),
      row('save one article → in its story', (p) => savedIn(p.saves), TARGET_MS.save),
      row('save one article, service worker stopped before → in its story', (p) => savedIn(p.coldSaves ?? []), TARGET_MS.save),
      ...QUERIES.map(([kind, query], i) => row(`search, ${kind} (${query}), ${ROWS} rows`, (p) => median(p.search[i]!.ms), TARGET_MS.search)),
      ...QUERIES.map(([kind, query], i) => row(`search, ${kind} (${query}), ${ROWS} rows, service worker stopped before`, (p) => median(p.search[i]!.coldMs), TARGET_MS.search)),
      row(`corpus page's first list (${FIRST_LIST.limit} rows by date saved), service worker stopped before`, (p) => median(p.firstListColdMs)),
      ...QUERIES.flatMap(([kind, query], i) => [
        row(`search in the corpus page itself, ${kind} (${query}), ${ROWS} rows`, (p) => (p.pageSearch ? median(p.pageSearch[i]!.ms) : null), TARGET_MS.search),
        row(`search in the corpus page itself, ${kind}, service worker stopped before`, (p) => (p.pageSearch ? median(p.pageSearch[i]!.stoppedMs) : null), TARGET_MS.search),
        row(`search in the corpus page itself, ${kind}, first of a page just opened (after its first list)`, (p) => (p.pageSearch ? median(p.pageSearch[i]!.freshMs) : null)),
      ]),
    ]);
    for (const p of [small, large]) {
      console.log(`${p.articles.toLocaleString('en')} articles, first opens: ${p.firstOpen.map((o) => `${(o.launchToAnswerMs / 1000).toFixed(1)} s, worker's JS heap peak ${o.peakHeapMB.toFixed(0)} MB (${o.heapAfterMB.toFixed(0)} after), extension process ${mem(o.process)}, ${o.stored} stored, ${o.pending} to prepare, '${QUERIES[0][1]}' ${o.searchMatches} matches${o.attempts > 1 ? `, the first search sent ${o.attempts} times (the earlier lost; the last answered in ${o.sentToAnswerMs.toFixed(0)} ms)` : ''}`).join('; ')}`);
      if (p.backlog) console.log(`  backlog when measured (after ${(p.backlog.waitedMs / 60_000).toFixed(1)} min of settling): ${p.backlog.toPrepare} to prepare, ${p.backlog.toLink} to link`);
      console.log(`  extension process after the first Stories view ${mem(p.memory.afterStories)}, at the end ${mem(p.memory.atEnd)}`);
      console.log(`  ${p.stories} stories (${p.linkingAtFirst ?? 0} articles still being linked at the first request)`);
      for (const [what, saves] of [['saves', p.saves], ['saves after the worker was stopped', p.coldSaves ?? []]] as const) {
        if (saves.length === 0) continue;
        console.log(`  ${what} (reply / in its story ms, story size; the last ask of its story, ms): ${saves.map((s) => `${f(s.replyMs)} / ${f(s.toStoryMs)} (${s.storySize}; ${f(s.lookupMs)})`).join(', ')}`);
        console.log(`    where the story index's time went (${SPENT_NOTE}): ${saves.map((s) => spentLine(s.spent)).join(' | ')}`);
        for (const [k, s] of saves.entries()) {
          if (!s.cpu) continue;
          console.log(`    CPU of save ${k + 1} (service worker, request → in its story; function: total / self ms): ${s.cpu.slice(0, 30).map((f) => `${f.name} ${f.total.toFixed(1)}/${f.self.toFixed(1)}`).join('; ')}`);
        }
      }
      console.log(`  searches (each run ms, matches): ${p.search.map((s) => `${s.query}: ${s.ms.map(f).join(' ')} (${s.matches}); cold ${s.coldMs.map(f).join(' ')}`).join('; ')}; first list cold ${p.firstListColdMs.map(f).join(' ')}`);
      if (p.pageSearch) {
        console.log(`  searches in the corpus page itself (each run ms): ${p.pageSearch.map((s) => `${s.query}: ${s.ms.map(f).join(' ')}; worker stopped ${s.stoppedMs.map(f).join(' ')}; page just opened ${s.freshMs.map(f).join(' ')}`).join('; ')}`);
        // Old style (through the background) against new (the page), same build, same run.
        console.log(`  page ÷ background (medians): ${p.pageSearch.map((s, i) => `${s.query}: warm ×${(median(s.ms) / median(p.search[i]!.ms)).toFixed(2)}, worker stopped ×${(median(s.stoppedMs) / median(p.search[i]!.coldMs)).toFixed(2)}`).join('; ')}`);
      }
      const starts = p.search.flatMap((s) => s.coldWorker ?? []).filter((w): w is WorkerStart => w !== null);
      if (starts.length) console.log(`  cold searches in the new worker (ms from its start: script evaluated / listeners set / request arrived / handled in): ${starts.map((w) => `${f(w.evaluatedMs)} / ${f(w.readyMs)} / ${f(w.arrivedMs)} / ${f(w.handledMs)}`).join(', ')}`);
      console.log(`  panel each run ms: warm ${p.panelWarmMs.map(f).join(' ')}; cold ${p.panelColdMs.map(f).join(' ')}`);
      console.log(`  Stories view each run ms: warm ${p.storiesWarmMs.map(f).join(' ')}; cold ${p.storiesColdMs.map(f).join(' ')}`);
    }
  },
};
export default bench;
