/**
 * Speed as the person feels it: from a page load to a filled side panel, in the real browser
 * (the built Chrome package in Debian's Chromium, through the end-to-end harness).
 *
 * Per run, seed 000's page is opened in a new tab (so nothing of it is cached), then the panel's
 * page pinned to that tab. A script put in the panel's page before its own records when the panel
 * sends `page/compare`, when the reply arrives (with the background's `timings` breakdown) and
 * when the comparison is in the DOM with its lists (`data-testid="comparison"` holding the
 * same-event list). Measured against the 5 samples (the baseline, same run, a fresh profile), then
 * against a generated corpus of `--articles N` articles (default 10,000) of which exactly 10 report
 * the page's event (scripts/bench/panel-corpus.ts), imported through `corpus/import` as a person's
 * export files into a profile kept under the system's temporary folder (`filledBrowser`: the
 * import of 100,000 is paid once, by the first run of a build folder and size; `RECOUPE_BENCH_PANEL_DIR`
 * puts these profiles elsewhere).
 *
 * Warm runs (the service worker running) and cold runs: the service worker stopped through the
 * DevTools protocol before the panel opens, as Chrome stops it after 30 s idle.
 *
 * Builds the extension first when `$RECOUPE_OUT_DIR` (or `.output`) holds no build.
 * `RECOUPE_BENCH_PANEL_RUNS` sets the warm runs per corpus (default 7, after one warm-up),
 * `RECOUPE_BENCH_PANEL_COLD_RUNS` the cold ones (default 3).
 *
 * Where the time goes: `RECOUPE_BENCH_PROFILE=1` adds one more warm and one more cold run per
 * corpus with the V8 CPU profiler on the background's service worker (Chrome DevTools Protocol),
 * writes the profiles to tests/artifacts/panel-background-<articles>[-cold].cpuprofile (open them in DevTools' Performance panel)
 * and prints the functions that took the most time. Function names are readable in a build made
 * with `RECOUPE_NO_MINIFY=1 RECOUPE_OUT_DIR=.output-profile npm run build` (then run the bench
 * with the same `RECOUPE_OUT_DIR`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import type { ComparisonTimings, PageComparison, Result } from '../../extension/protocol';
import { BUILD_DIR } from '../build-dir';
import { CHROME_BUILD, launchWithExtension, type ExtensionBrowser } from '../../tests/support/chromium-extension';
import { servePages } from '../serve-pages';
import { percentiles, type Benchmark } from './bench';
import { generatePanelCorpus, toImportFiles } from './panel-corpus';

const RUNS = Number(process.env.RECOUPE_BENCH_PANEL_RUNS ?? 7);
/** Runs with the service worker stopped before each (`RECOUPE_BENCH_PANEL_COLD_RUNS`). */
const COLD_RUNS = Number(process.env.RECOUPE_BENCH_PANEL_COLD_RUNS ?? 3);
/** The large corpus's size unless `--articles N` says otherwise. */
const DEFAULT_SIZE = 10_000;
const SAME_EVENT = 10;
/** Articles per import file: about 6.5 MB each, well under the 50 MB a file may hold. */
const PER_FILE = 2_000;
/** Request → filled, at most: warm, and on the first request after the service worker was stopped (issue 16). */
const TARGET_MS = { warm: 250, cold: 500 };
export const PAGE = '000_492f0f67598950be.html';
/**
 * The extension page the benchmark sends its own requests from: the options page asks for the
 * settings once and nothing more (the corpus page would list all 10,000 articles after each import).
 */
export const QUIET_PAGE = 'options.html';
const PROFILE = process.env.RECOUPE_BENCH_PROFILE === '1';
const ARTIFACTS = resolve('tests/artifacts');

export interface PanelRun {
  /** The panel's `page/compare` request sent → the comparison in the DOM with its lists. */
  requestToFilledMs: number;
  /** The panel's `page/compare` request sent → the same-event list first shown (before quotes and passages). */
  requestToListsMs: number | null;
  /** The panel's page starting to load → the comparison in the DOM (extraction included). */
  openToFilledMs: number;
  /** The panel's page starting to load → its first request (`page/get-state`). */
  loadMs: number;
  /** `page/get-state`: the page extracted in its tab (the panel then shows the article). */
  stateMs: number;
  /** The state's reply → the `page/compare` request (the article rendered, the comparison asked for). */
  stateToRequestMs: number;
  /** The `page/compare` round trip, messaging included. */
  compareRoundTripMs: number;
  /** The reply arrived → the comparison in the DOM (the panel's own rendering). */
  renderMs: number;
  /** The background's breakdown of its reply, when it gives one. */
  timings: ComparisonTimings | null;
  sameEventSites: (string | null)[];
  related: number;
}

export interface CorpusRuns {
  articles: number;
  /** Warm: the service worker running, its story index loaded. */
  runs: PanelRun[];
  /** Cold: the service worker stopped before the panel opens (see `measure`). */
  cold: PanelRun[];
  /** With RECOUPE_BENCH_PROFILE=1: the background's busiest functions in one more warm run. */
  profile?: ProfileSummary;
  /** With RECOUPE_BENCH_PROFILE=1: the same in one more cold run (the worker's boot not included). */
  coldProfile?: Omit<ProfileSummary, 'read200'>;
}

/** Milliseconds of CPU per function in a profiled run, inclusive (callees counted) and self. */
export interface ProfileSummary {
  file: string;
  sampledMs: number;
  inclusive: { fn: string; ms: number }[];
  self: { fn: string; ms: number }[];
  /**
   * Reading up to 200 stored articles in one IndexedDB transaction from the service worker (what
   * matching does with its candidates).
   */
  read200: { articles: number; medianMs: number; kbPerArticle: number };
}

export interface PanelBenchResult {
  baseline: CorpusRuns;
  large: CorpusRuns;
  /** How the large corpus was made and imported, when its profile was filled. */
  fill: Fill;
  /** The filled profile of an earlier run was used (its fill's figures are that run's). */
  reused: boolean;
  /** Sites of the generated same-event versions (each should be in the large run's list). */
  expectedSameEventSites: string[];
  /** The corpus manager's full-text search (`corpus/search`) in the same browser, per query. */
  search: { query: string; baselineMs: number; largeMs: number; largeMatches: number }[];
}

/**
 * Put in the panel's page before its scripts run. Wraps `chrome.runtime.sendMessage` (which the
 * webextension polyfill calls at each request) to time the first `page/compare`, and watches the
 * DOM for the filled comparison.
 */
export const PROBE = `(() => {
  if (location.protocol !== 'chrome-extension:' || location.pathname !== '/sidepanel.html') return;
  const marks = { stateAt: null, stateReplyAt: null, requestAt: null, replyAt: null, listsAt: null, filledAt: null, reply: null };
  globalThis.__recoupeBench = marks;
  const runtime = chrome.runtime;
  const send = runtime.sendMessage;
  // The first request of each kind: sent at, replied at (and the comparison's reply kept).
  const watch = { 'page/get-state': ['stateAt', 'stateReplyAt'], 'page/compare': ['requestAt', 'replyAt'] };
  runtime.sendMessage = function (...args) {
    const w = args[0] && watch[args[0].type];
    if (!w || marks[w[0]] !== null) return send.apply(this, args);
    marks[w[0]] = performance.now();
    const got = (reply) => {
      if (marks[w[1]] === null) {
        marks[w[1]] = performance.now();
        if (w[1] === 'replyAt') marks.reply = reply;
      }
      return reply;
    };
    const cb = args.findIndex((a) => typeof a === 'function');
    if (cb >= 0) { const f = args[cb]; args[cb] = (reply) => f(got(reply)); }
    const r = send.apply(this, args);
    return r && typeof r.then === 'function' ? r.then(got) : r;
  };
  new MutationObserver((_, observer) => {
    // The lists are shown as soon as matched (the progress notice carries them), before the rest.
    if (marks.listsAt === null && document.querySelector('[data-testid=same-event-partial], [data-testid=same-event]')) marks.listsAt = performance.now();
    if (document.querySelector('[data-testid=comparison] [data-testid=same-event]')) {
      marks.filledAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
})();`;

interface Marks { stateAt: number | null; stateReplyAt: number | null; requestAt: number | null; replyAt: number | null; listsAt: number | null; filledAt: number | null; reply: Result<PageComparison & { timings?: ComparisonTimings }> | null }

/** Sends one request from an extension page, as the panel and corpus page do. */
export async function send<T>(page: Page, message: Record<string, unknown>): Promise<T> {
  const reply = await page.evaluate((m) => (globalThis as any).chrome.runtime.sendMessage(m), message) as Result<T>;
  if (!reply?.ok) throw new Error(`${String(message.type)} failed: ${reply ? (reply as { error: string }).error : 'no reply'}`);
  return reply.value;
}

/**
 * One run: the page in a new tab, then the panel pinned to it (`beforePanel` in between: a cold run
 * stops the service worker there, so the panel's first request starts it again, as after Chrome
 * stopped it for idling, and the comparison waits for the story index to load).
 */
async function measure(browser: ExtensionBrowser, url: string, beforePanel?: (article: Page) => Promise<void>): Promise<PanelRun> {
  const article = await browser.context.newPage();
  await article.goto(url);
  const tab = await browser.tabIdOf(url);
  await beforePanel?.(article);
  const panel = await browser.openExtensionPage(`sidepanel.html?tab=${tab}`);
  try {
    await panel.waitForFunction(() => {
      const m = (globalThis as any).__recoupeBench as Marks | undefined;
      return m && (m.filledAt !== null || (m.reply !== null && !m.reply.ok));
    }, null, { timeout: 180_000 });
    const m = await panel.evaluate(() => (globalThis as any).__recoupeBench as Marks);
    if (!m.reply?.ok || m.reply.value === null || m.stateAt === null || m.stateReplyAt === null || m.requestAt === null || m.replyAt === null || m.filledAt === null) {
      throw new Error(`The panel was not filled: ${JSON.stringify(m.reply).slice(0, 300)}`);
    }
    const c = m.reply.value;
    return {
      requestToFilledMs: m.filledAt - m.requestAt,
      requestToListsMs: m.listsAt === null ? null : m.listsAt - m.requestAt,
      openToFilledMs: m.filledAt,
      loadMs: m.stateAt,
      stateMs: m.stateReplyAt - m.stateAt,
      stateToRequestMs: m.requestAt - m.stateReplyAt,
      compareRoundTripMs: m.replyAt - m.requestAt,
      renderMs: m.filledAt - m.replyAt,
      timings: c.timings ?? null,
      sameEventSites: c.same.map((s) => s.site),
      related: c.related.length,
    };
  } finally {
    // Closed, so that the next run's new tab is the only one showing the page.
    await panel.close();
    await article.close();
  }
}

/**
 * Stops the extension's service worker as Chrome does after it idled (its memory gone: the story
 * index, the prepared articles, the page states), through the DevTools protocol, and waits until
 * it is gone.
 */
export async function stopServiceWorker(browser: ExtensionBrowser, page: Page): Promise<void> {
  const session = await browser.context.newCDPSession(page);
  try {
    const workers = async () => (await session.send('Target.getTargets')).targetInfos
      .filter((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${browser.extensionId}/`));
    for (const w of await workers()) await session.send('Target.closeTarget', { targetId: w.targetId });
    for (let i = 0; (await workers()).length > 0; i++) {
      if (i > 100) throw new Error('The service worker did not stop');
      await page.waitForTimeout(50);
    }
  } finally {
    await session.detach();
  }
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * A DevTools session on the extension's service worker, reached from a page's session (Playwright
 * opens none on workers): attached with Target.attachToTarget, spoken to with Target.sendMessageToTarget.
 */
export async function serviceWorkerDevTools(browser: ExtensionBrowser, page: Page): Promise<{ call<T>(method: string, params?: Record<string, unknown>, timeoutMs?: number): Promise<T>; detach(): Promise<void> }> {
  const session: CDPSession = await browser.context.newCDPSession(page);
  const { targetInfos } = await session.send('Target.getTargets');
  const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${browser.extensionId}/`));
  if (!worker) throw new Error('No service worker of the extension to attach to');
  const { sessionId } = await session.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
  let next = 0;
  const pending = new Map<number, (m: { result?: unknown; error?: { message: string } }) => void>();
  session.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message) as { id?: number; result?: unknown; error?: { message: string } };
    if (m.id !== undefined) pending.get(m.id)?.(m);
  });
  // `timeoutMs`: rejected after that long. A worker that Chrome stopped or replaced never answers
  // (no error comes back), so a caller that must go on sets one.
  const call = <T>(method: string, params: Record<string, unknown> = {}, timeoutMs?: number) => new Promise<T>((done, fail) => {
    const id = ++next;
    const timer = timeoutMs === undefined ? undefined : setTimeout(() => (pending.delete(id), fail(new Error(`${method}: no answer from the service worker within ${timeoutMs} ms`))), timeoutMs);
    pending.set(id, (m) => (clearTimeout(timer), pending.delete(id), m.error ? fail(new Error(`${method}: ${m.error.message}`)) : done(m.result as T)));
    session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch((error: unknown) => {
      clearTimeout(timer);
      pending.delete(id);
      fail(error instanceof Error ? error : new Error(String(error)));
    });
  });
  return { call, detach: () => session.detach() };
}

/** The V8 profiler of the extension's service worker. */
async function backgroundProfiler(browser: ExtensionBrowser, page: Page, intervalUs = 200): Promise<{ start(): Promise<void>; stop(): Promise<CpuProfile> }> {
  const { call } = await serviceWorkerDevTools(browser, page);
  await call('Profiler.enable');
  await call('Profiler.setSamplingInterval', { interval: intervalUs });
  return {
    start: () => call('Profiler.start'),
    stop: async () => (await call<{ profile: CpuProfile }>('Profiler.stop')).profile,
  };
}

/** Inclusive and self time per function (name and place), from the profile's samples. */
function summarise(profile: CpuProfile, file: string): Omit<ProfileSummary, 'read200'> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (id: number) => {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    return `${functionName || '(anonymous)'}${url ? ` ${url.replace(/^.*\//, '')}:${lineNumber + 1}` : ''}`;
  };
  const inclusive = new Map<string, number>();
  const self = new Map<string, number>();
  let sampled = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    // Idle is waiting (for IndexedDB, for messages), not work; (program) and GC are work.
    if (byId.get(id)!.callFrame.functionName === '(idle)') return;
    sampled += ms;
    self.set(label(id), (self.get(label(id)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const l = label(n);
      if (!seen.has(l)) inclusive.set(l, (inclusive.get(l) ?? 0) + ms);
      seen.add(l);
    }
  });
  const top = (m: Map<string, number>) => [...m].filter(([fn]) => !fn.startsWith('(root)')).sort((a, b) => b[1] - a[1]).slice(0, 25).map(([fn, ms]) => ({ fn, ms }));
  return { file, sampledMs: sampled, inclusive: top(inclusive), self: top(self) };
}

/**
 * Times what matching waits for at most: reading 200 stored articles (its candidates) in one
 * transaction, in the service worker, with raw IndexedDB (Dexie's bulkGet does the same gets).
 */
async function readCandidates(browser: ExtensionBrowser): Promise<ProfileSummary['read200']> {
  const worker = await browser.serviceWorker();
  // A string, not a function: tsx would wrap named inner functions in a helper the worker lacks.
  const { ms, bytes, read } = await worker.evaluate<{ ms: number[]; bytes: number; read: number }>(`(async () => {
    const req = (r) => new Promise((done, fail) => { r.onsuccess = () => done(r.result); r.onerror = () => fail(r.error); });
    const db = await req(indexedDB.open('recoupe-corpus'));
    const keys = await req(db.transaction('articles').objectStore('articles').getAllKeys());
    const ms = [];
    let bytes = 0;
    for (let run = 0; run < 5; run++) {
      // 200 keys spread over the corpus, a different spread each run.
      const step = Math.max(1, Math.floor(keys.length / 200));
      const picked = Array.from({ length: Math.min(200, keys.length) }, (_, i) => keys[(i * step + run * 7) % keys.length]);
      const start = performance.now();
      const store = db.transaction('articles').objectStore('articles');
      const records = await Promise.all(picked.map((k) => req(store.get(k))));
      ms.push(performance.now() - start);
      if (run === 0) bytes = records.reduce((n, r) => n + JSON.stringify(r).length, 0) / records.length;
    }
    db.close();
    return { ms, bytes, read: Math.min(200, keys.length) };
  })()`);
  return { articles: read, medianMs: median(ms), kbPerArticle: bytes / 1024 };
}

/**
 * One more run with the service worker's CPU profiled. Cold: the worker is stopped, started again
 * by a quiet request (the profiler needs a running worker to attach to), then the panel opened, so
 * the profile holds the story index's load (loaded on the first comparison) but not the worker's boot.
 */
async function profiledRun(browser: ExtensionBrowser, url: string, articles: number, cold: boolean): Promise<Omit<ProfileSummary, 'read200'>> {
  // A blank page for the DevTools session: an extension page would make requests of its own
  // (the corpus page lists every stored article) and they would be in the profile.
  const helper = await browser.context.newPage();
  let profiler: Awaited<ReturnType<typeof backgroundProfiler>> | null = null;
  try {
    if (!cold) {
      profiler = await backgroundProfiler(browser, helper);
      await profiler.start();
    }
    await measure(browser, url, cold ? async (article) => {
      await stopServiceWorker(browser, article);
      const quiet = await browser.openExtensionPage(QUIET_PAGE);
      await browser.serviceWorker();
      profiler = await backgroundProfiler(browser, helper);
      await profiler.start();
      await quiet.close();
    } : undefined);
    const profile = await profiler!.stop();
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = join(ARTIFACTS, `panel-background-${articles}${cold ? '-cold' : ''}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    return summarise(profile, file);
  } finally {
    await helper.close();
  }
}

/** Queries of the corpus manager's search: a frequent word, a rarer one, two words with accents. */
const SEARCH_QUERIES = ['Syrie', 'Kremlin', 'cessez-le-feu Genève'];

/** Median time of `corpus/search` for each query (first 200 rows sent, as the corpus page asks), and how many matched. */
async function searchTimes(browser: ExtensionBrowser): Promise<{ query: string; ms: number; matches: number }[]> {
  const page = await browser.openExtensionPage(QUIET_PAGE);
  try {
    const out: { query: string; ms: number; matches: number }[] = [];
    for (const query of SEARCH_QUERIES) {
      const times: number[] = [];
      let matches = 0;
      for (let i = 0; i < 3; i++) {
        const start = performance.now();
        matches = (await send<{ ids: number[] }>(page, { type: 'corpus/search', query, limit: 200 })).ids.length;
        times.push(performance.now() - start);
      }
      out.push({ query, ms: median(times), matches });
    }
    return out;
  } finally {
    await page.close();
  }
}

export async function runs(browser: ExtensionBrowser, url: string, articles: number): Promise<CorpusRuns> {
  await measure(browser, url); // warm-up: the first look at a corpus loads its story index
  const warm: PanelRun[] = [];
  for (let i = 0; i < RUNS; i++) warm.push(await measure(browser, url));
  const cold: PanelRun[] = [];
  for (let i = 0; i < COLD_RUNS; i++) cold.push(await measure(browser, url, (article) => stopServiceWorker(browser, article)));
  if (!PROFILE) return { articles, runs: warm, cold };
  const profile = { ...(await profiledRun(browser, url, articles, false)), read200: await readCandidates(browser) };
  return { articles, runs: warm, cold, profile, coldProfile: await profiledRun(browser, url, articles, true) };
}

/** Waits for the samples the extension puts in place on install; their ids. */
export async function installedSamples(browser: ExtensionBrowser): Promise<number[]> {
  const helper = await browser.openExtensionPage(QUIET_PAGE);
  try {
    let samples: number[] = [];
    for (let i = 0; i < 100 && samples.length < 5; i++) {
      samples = (await send<{ ids: number[] }>(helper, { type: 'corpus/search' })).ids;
      if (samples.length < 5) await helper.waitForTimeout(100);
    }
    if (samples.length !== 5) throw new Error(`Expected the 5 samples on install, found ${samples.length}`);
    return samples;
  } finally {
    await helper.close();
  }
}

/** What a filled profile directory says of its fill (written once the import is complete). */
interface Fill {
  articles: number;
  generateMs: number;
  importMs: number;
  /** Each import file (PER_FILE articles) in turn: does importing slow down as the corpus grows? */
  importMsPerFile: number[];
  /** With RECOUPE_BENCH_PROFILE=1: the background's busiest functions while importing. */
  importProfile?: Omit<ProfileSummary, 'read200'>;
  sameEventSites: string[];
}

/**
 * A browser whose profile holds the generated corpus of `size` articles in place of the samples.
 * The profile is kept under the system's temporary folder, keyed by the build's folder (which
 * fixes the extension's id) and the size, so the import is paid once: later runs, of a later build
 * too, open the same corpus (its saved story index then describes another build's corpus version
 * only if the build changed how it is stored).
 */
async function filledBrowser(size: number): Promise<{ browser: ExtensionBrowser; fill: Fill; reused: boolean }> {
  const dir = join(process.env.RECOUPE_BENCH_PANEL_DIR ?? join(tmpdir(), 'recoupe-panel-bench'), `${basename(BUILD_DIR)}-${size}`);
  const marker = join(dir, 'recoupe-fill.json');
  if (existsSync(marker)) {
    const fill = JSON.parse(readFileSync(marker, 'utf8')) as Fill;
    // The kept profile holds the service worker script of the build that filled it (Chrome keeps
    // it): its registration is dropped, so the extension registers this build's worker again.
    rmSync(join(dir, 'Default', 'Service Worker'), { recursive: true, force: true });
    const browser = await launchWithExtension({ profileDir: dir });
    return { browser, fill, reused: true };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const g0 = performance.now();
  const corpus = generatePanelCorpus({ size, sameEvent: SAME_EVENT });
  const files = toImportFiles(corpus.articles, PER_FILE);
  const generateMs = performance.now() - g0;
  const browser = await launchWithExtension({ profileDir: dir });
  try {
    // The large corpus replaces the samples (two of them report the page's event too).
    const samples = await installedSamples(browser);
    const importer = await browser.openExtensionPage(QUIET_PAGE);
    await send(importer, { type: 'corpus/delete', ids: samples });
    const importProfiler = PROFILE ? await backgroundProfiler(browser, await browser.context.newPage(), 1000) : null;
    await importProfiler?.start();
    const importMsPerFile: number[] = [];
    for (const f of files) {
      const start = performance.now();
      const report = await send<{ added: number; skipped: unknown[] }>(importer, { type: 'corpus/import', fileName: f.fileName, text: f.text });
      importMsPerFile.push(performance.now() - start);
      console.error(`filling ${dir}: ${f.fileName} imported in ${((performance.now() - start) / 1000).toFixed(1)} s`);
      if (report.skipped.length > 0) throw new Error(`${f.fileName}: ${report.skipped.length} articles skipped: ${JSON.stringify(report.skipped.slice(0, 3))}`);
    }
    let importProfile: Omit<ProfileSummary, 'read200'> | undefined;
    if (importProfiler) {
      const profile = await importProfiler.stop();
      const file = join(ARTIFACTS, `panel-import-${size}.cpuprofile`);
      mkdirSync(ARTIFACTS, { recursive: true });
      writeFileSync(file, JSON.stringify(profile));
      importProfile = summarise(profile, file);
    }
    const stored = (await send<{ total: number }>(importer, { type: 'corpus/search', limit: 0 })).total;
    if (stored !== size) throw new Error(`Expected ${size} stored articles after the import, found ${stored}`);
    await importer.close();
    const fill: Fill = { articles: size, generateMs, importMs: sum(importMsPerFile), importMsPerFile, ...(importProfile ? { importProfile } : {}), sameEventSites: corpus.sameEventSites };
    writeFileSync(marker, JSON.stringify(fill));
    return { browser, fill, reused: false };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

function ensureBuild(): void {
  if (existsSync(join(CHROME_BUILD, 'manifest.json'))) return;
  console.error(`No build at ${CHROME_BUILD}: building it (npm run build)…`);
  // Its output goes to stderr so that `-- --json` still prints one JSON object.
  execFileSync('npm', ['run', 'build'], { stdio: ['ignore', 2, 2] });
}

const median = (xs: number[]) => percentiles(xs).median;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

const bench: Benchmark<PanelBenchResult> = {
  name: 'panel',
  async run(options) {
    const size = options.articles ? Number(options.articles) : DEFAULT_SIZE;
    if (!Number.isSafeInteger(size) || size < 100) throw new Error(`--articles must be a whole number of at least 100, not ${options.articles}`);
    ensureBuild();
    const pages = await servePages(resolve('corpus/pages'));
    const url = `${pages.url}/${PAGE}`;
    try {
      // The baseline: the 5 samples, in a fresh profile.
      const fresh = await launchWithExtension();
      let baseline: CorpusRuns;
      let baselineSearch: Awaited<ReturnType<typeof searchTimes>>;
      try {
        await fresh.context.addInitScript(PROBE);
        await installedSamples(fresh);
        baseline = await runs(fresh, url, 5);
        baselineSearch = await searchTimes(fresh);
      } finally {
        await fresh.close();
      }
      const { browser, fill, reused } = await filledBrowser(size);
      try {
        await browser.context.addInitScript(PROBE);
        const large = await runs(browser, url, size);
        const largeSearch = await searchTimes(browser);
        const search = largeSearch.map((l, i) => ({ query: l.query, baselineMs: baselineSearch[i]!.ms, largeMs: l.ms, largeMatches: l.matches }));
        return { baseline, large, fill, reused, expectedSameEventSites: fill.sameEventSites, search };
      } finally {
        await browser.close();
      }
    } finally {
      await pages.close();
    }
  },
  print({ baseline, large, fill, reused, expectedSameEventSites, search }) {
    console.log(`corpus of ${large.articles.toLocaleString('en')} generated in ${(fill.generateMs / 1000).toFixed(1)} s, imported in ${(fill.importMs / 1000).toFixed(1)} s${reused ? ' (by an earlier run: its profile reused)' : ''} (files of ${PER_FILE.toLocaleString('en')}: ${fill.importMsPerFile.map((ms) => (ms / 1000).toFixed(1)).join(', ')} s); ${large.runs.length} warm runs per corpus after a warm-up, ${large.cold.length} cold`);
    const importProfile = reused ? undefined : fill.importProfile;
    if (importProfile) {
      console.log(`background CPU while importing: ${(importProfile.sampledMs / 1000).toFixed(1)} s sampled (${importProfile.file})`);
      console.table(importProfile.inclusive.slice(0, 15).map((x) => ({ 'inclusive ms': x.ms.toFixed(0), function: x.fn.slice(0, 90) })));
      console.table(importProfile.self.slice(0, 10).map((x) => ({ 'self ms': x.ms.toFixed(0), function: x.fn.slice(0, 90) })));
    }
    // Stages as rows, medians over the runs, one column per corpus and kind of run, with their ratios.
    const med = (rs: PanelRun[], f: (r: PanelRun) => number | null) => {
      const xs = rs.map(f).filter((x): x is number => x !== null);
      return xs.length ? median(xs) : null;
    };
    const bg = (f: (t: ComparisonTimings) => number | null) => (r: PanelRun) => (r.timings ? f(r.timings) : null);
    const stages: [string, (r: PanelRun) => number | null][] = [
      ['panel page load → get-state sent', (r) => r.loadMs],
      ['get-state (page extracted in its tab)', (r) => r.stateMs],
      ['article shown → page/compare sent', (r) => r.stateToRequestMs],
      ['page/compare round trip', (r) => r.compareRoundTripMs],
      ['  background: extract (null = cached)', bg((t) => t.extractMs)],
      ['  background: match', bg((t) => t.matchMs)],
      ['  background: compare, all articles', bg((t) => sum(t.compareMs.map((a) => a.ms)))],
      ['  background: framing', bg((t) => t.framingMs)],
      ['  background: total', bg((t) => t.totalMs)],
      ['  messaging (round trip − total)', (r) => (r.timings ? r.compareRoundTripMs - r.timings.totalMs : null)],
      ['reply → comparison in the DOM', (r) => r.renderMs],
      ['request → same-event list first shown', (r) => r.requestToListsMs],
      [`REQUEST → FILLED (≤ ${TARGET_MS.warm} warm, ≤ ${TARGET_MS.cold} cold)`, (r) => r.requestToFilledMs],
      ['panel open → filled', (r) => r.openToFilledMs],
    ];
    const fmt = (x: number | null) => (x === null ? '—' : x.toFixed(0));
    const ratio = (b: number | null, l: number | null) => (b && l !== null ? `${(l / b).toFixed(2)}×` : '—');
    const n = large.articles.toLocaleString('en');
    console.table(stages.map(([stage, f]) => {
      const [bw, lw, bc, lc] = [baseline.runs, large.runs, baseline.cold, large.cold].map((rs) => med(rs, f));
      return {
        'median ms': stage,
        [`${baseline.articles} warm`]: fmt(bw!),
        [`${n} warm`]: fmt(lw!),
        'warm ratio': ratio(bw!, lw!),
        [`${baseline.articles} cold`]: fmt(bc!),
        [`${n} cold`]: fmt(lc!),
        'cold ratio': ratio(bc!, lc!),
      };
    }));
    for (const c of [baseline, large]) {
      const t = c.runs[0]!.timings;
      console.log(`${c.articles.toLocaleString('en')} articles: ${c.runs[0]!.sameEventSites.length} same event, ${c.runs[0]!.related} related, ${t ? t.compareMs.length : '?'} compared in detail`);
    }
    console.log('each run (ms):');
    console.table([baseline, large].flatMap((c) => [...c.runs.map((r) => ['warm', r] as const), ...c.cold.map((r) => ['cold', r] as const)].map(([kind, r]) => ({
      articles: c.articles,
      kind,
      'request → filled': r.requestToFilledMs.toFixed(0),
      'open → filled': r.openToFilledMs.toFixed(0),
      'get-state': r.stateMs.toFixed(0),
      match: r.timings ? r.timings.matchMs.toFixed(0) : '—',
      compare: r.timings ? sum(r.timings.compareMs.map((a) => a.ms)).toFixed(0) : '—',
      framing: r.timings ? r.timings.framingMs.toFixed(0) : '—',
      'background total': r.timings ? r.timings.totalMs.toFixed(0) : '—',
      render: r.renderMs.toFixed(0),
    }))));
    const slowest = large.runs.map((r) => r.timings).filter((x): x is ComparisonTimings => x !== null).flatMap((x) => x.compareMs);
    if (slowest.length) {
      const per = slowest.map((a) => a.ms);
      console.log(`compare per article at ${n}: median ${median(per).toFixed(1)} ms, slowest ${Math.max(...per).toFixed(1)} ms`);
    }
    const filled = (rs: PanelRun[]) => median(rs.map((r) => r.requestToFilledMs));
    console.log(`request → filled, ratio to the 5-article baseline: warm ${(filled(large.runs) / filled(baseline.runs)).toFixed(2)}×, cold ${(filled(large.cold) / filled(baseline.cold)).toFixed(2)}×`);
    const sites = new Set(large.runs[0]!.sameEventSites);
    const found = expectedSameEventSites.filter((s) => sites.has(s)).length;
    console.log(`same event at ${n}: ${found} of the ${expectedSameEventSites.length} generated versions listed${sites.size > found ? `, and ${sites.size - found} other articles` : ''}`);
    for (const c of [baseline, large]) {
      for (const [kind, p] of [['warm', c.profile], ['cold', c.coldProfile]] as const) {
        if (!p) continue;
        console.log(`\nbackground CPU in one profiled ${kind} run at ${c.articles.toLocaleString('en')} articles: ${p.sampledMs.toFixed(0)} ms sampled (${p.file})`);
        if ('read200' in p) console.log(`IndexedDB from the service worker: reading ${p.read200.articles} stored articles (${p.read200.kbPerArticle.toFixed(1)} KB each as JSON) in one transaction, median ${p.read200.medianMs.toFixed(0)} ms`);
        console.table(p.inclusive.slice(0, 20).map((x) => ({ 'inclusive ms': x.ms.toFixed(1), function: x.fn.slice(0, 90) })));
        console.table(p.self.slice(0, 12).map((x) => ({ 'self ms': x.ms.toFixed(1), function: x.fn.slice(0, 90) })));
      }
    }
    console.log(`corpus search (corpus/search, median of 3, in this browser):`);
    console.table(search.map((q) => ({
      query: q.query,
      [`${baseline.articles} articles ms`]: q.baselineMs.toFixed(0),
      [`${large.articles.toLocaleString('en')} articles ms`]: q.largeMs.toFixed(0),
      matches: q.largeMatches,
      ratio: `${(q.largeMs / q.baselineMs).toFixed(1)}×`,
    })));
    for (const kind of ['warm', 'cold'] as const) {
      const ms = filled(kind === 'warm' ? large.runs : large.cold);
      console.log(`${kind}: filled within ${TARGET_MS[kind]} ms of the request at ${n} articles: ${ms <= TARGET_MS[kind] ? 'yes' : 'NO'} (median ${ms.toFixed(0)} ms)`);
    }
  },
};
export default bench;
