/**
 * The background's longest stall while a page is compared, in Chromium (issue 20, "Bounded
 * analysis"): the e2e test tests/e2e/responsive.test.ts and `npm run bench adversarial` share it.
 * Three measures: the longest round trip of a request (`settings/get`) an extension page sends
 * every 20 ms meanwhile, the longest gap of a 10 ms timer ticking in the service worker, and the
 * longest task of the service worker's event loop in a CPU profile of it (CDP's Profiler). The
 * first two also count the time the machine leaves the thread waiting (2 cores shared by several
 * test runs: gaps of 300 ms with the thread idle on both sides and the profiler's own sampler
 * silent); the third is the work the background itself does in one go.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import type { ExtensionBrowser } from './chromium-extension';
import { writeFileSync } from 'node:fs';

/** Traces written so far (`RECOUPE_TRACE_FILE`). */
let traces = 0;

/** An article page with `text` as its body, one paragraph per 2,000 characters (cut at a space). */
export function adversarialArticle(title: string, text: string): string {
  const paragraphs = text.match(/[\s\S]{1,2000}(?:\s|$)/g) ?? [text];
  return articlePage(title, paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n'));
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** An article page (title, byline, date) around the body's HTML. */
export function articlePage(title: string, bodyHtml: string): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta property="og:type" content="article"><meta property="article:published_time" content="2026-03-10T08:00:00Z"></head>
<body><article><h1>${escapeHtml(title)}</h1><p class="byline">Par Jeanne Martin</p>
${bodyHtml}</article></body></html>`;
}

/** A JSONL corpus file of `count` copies of the article, each on its own site. */
export function copiesFile(title: string, text: string, count: number): string {
  const at = '2026-03-10T09:00:00.000Z';
  const lines = [JSON.stringify({ format: 'recoupe-corpus', version: 1, exportedAt: at, stream: 'jsonl' })];
  for (let i = 0; i < count; i++) {
    lines.push(JSON.stringify({
      url: `https://copy${i}.example.org/retraites`, canonicalUrl: null, title, byline: null, site: `Copie ${i}`, language: 'fr',
      publishedTime: '2026-03-10T07:00:00Z', savedAt: at, updatedAt: at, origin: 'page', text, paragraphs: null,
    }));
  }
  lines.push(JSON.stringify({ end: 'recoupe-corpus', count }));
  return `${lines.join('\n')}\n`;
}

export interface Stall {
  compareMs: number;
  roundTrips: number;
  longestRoundTripMs: number;
  longestTickGapMs: number;
  /** The longest run of the service worker's CPU profile without an idle sample; NaN when it could not be profiled. */
  longestTaskMs: number;
  /** Same-event articles listed, and what the comparison said of its budget. */
  same: number;
  /** The reply's size as JSON, in characters (0 when idle): what the background carries to the panel. */
  replyChars: number;
  summary: string;
}

type Worker = Awaited<ReturnType<ExtensionBrowser['serviceWorker']>>;

/** Starts a 10 ms timer in the service worker: a late tick is a stretch when it could not run. */
export async function startTicks(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    const g = globalThis as unknown as { recoupeTicks?: { last: number; longest: number; timer: unknown } };
    if (g.recoupeTicks) clearInterval(g.recoupeTicks.timer as number);
    const ticks = { last: performance.now(), longest: 0, timer: 0 as unknown };
    ticks.timer = setInterval(() => {
      const now = performance.now();
      ticks.longest = Math.max(ticks.longest, now - ticks.last);
      ticks.last = now;
    }, 10);
    g.recoupeTicks = ticks;
  });
}

/** Stops `startTicks`' timer: the longest gap between ticks, the one still running counted. */
export function stopTicks(worker: Worker): Promise<number> {
  return worker.evaluate(() => {
    const g = globalThis as unknown as { recoupeTicks: { longest: number; timer: number; last: number } };
    clearInterval(g.recoupeTicks.timer);
    return Math.max(g.recoupeTicks.longest, performance.now() - g.recoupeTicks.last);
  });
}

/** The background's answers over a stretch of work: `settings/get` round trips and the worker's timer gaps. */
export interface RoundTrips {
  roundTrips: number; longestRoundTripMs: number; medianRoundTripMs: number; longestTickGapMs: number;
  /** Round trips over 200 ms (issue 20's target), and the slowest few: ms, and when each was sent (ms since the probe started). */
  over200?: number; slowest?: { ms: number; atMs: number }[];
}

/**
 * Starts measuring the background while something else runs (an import, merges): a 10 ms timer in
 * the service worker (its longest gap) and a `settings/get` sent from `page` every `everyMs` (its
 * longest and median round trip). The returned function stops both and gives the figures.
 */
export async function startRoundTripProbe(browser: ExtensionBrowser, page: Page, everyMs: number): Promise<() => Promise<RoundTrips>> {
  await startTicks(await browser.serviceWorker());
  await page.evaluate((every) => {
    // No named function in here: tsx would wrap it in a helper the page does not have.
    const g = globalThis as any;
    const probe = { trips: [] as number[], at: [] as number[], running: true, done: null as Promise<void> | null };
    g.recoupeProbe = probe;
    const from = performance.now();
    probe.done = (async () => {
      while (probe.running) {
        const t = performance.now();
        await g.chrome.runtime.sendMessage({ type: 'settings/get' });
        probe.trips.push(performance.now() - t);
        // Marked in a trace taken meanwhile (`startWorkerTrace`), to tell what held it.
        if (performance.now() - t > 100) console.timeStamp(`slow round trip ${(performance.now() - t).toFixed(0)}`);
        probe.at.push(t - from);
        await new Promise((resolve) => setTimeout(resolve, every));
      }
    })();
  }, everyMs);
  return async () => {
    const { trips, at } = await page.evaluate(async () => {
      const probe = (globalThis as any).recoupeProbe;
      probe.running = false;
      await probe.done;
      return { trips: probe.trips as number[], at: probe.at as number[] };
    });
    const longestTickGapMs = await stopTicks(await browser.serviceWorker());
    const sorted = [...trips].sort((a, b) => a - b);
    const slowest = trips.map((ms, i) => ({ ms, atMs: at[i]! })).sort((a, b) => b.ms - a.ms).slice(0, 6);
    return { roundTrips: trips.length, longestRoundTripMs: Math.max(0, ...trips), medianRoundTripMs: sorted[sorted.length >> 1] ?? 0, longestTickGapMs, over200: trips.filter((ms) => ms > 200).length, slowest };
  };
}

/**
 * Compares the page of `tabId` (from `page`, an extension page) and measures the background
 * meanwhile; `{ idleMs }` measures the same while nothing is asked (the machine's own delays:
 * on a loaded machine, timers are late with no work at all).
 */
export async function measureStall(browser: ExtensionBrowser, page: Page, work: { tabId: number } | { idleMs: number }): Promise<Stall> {
  const worker = await browser.serviceWorker();
  const profile = await profileServiceWorker(browser.context, browser.extensionId);
  await startTicks(worker);
  const measured = await page.evaluate(async (work) => {
    // No named function in here: tsx (the bench) would wrap it in a helper the page does not have.
    const runtime = (globalThis as any).chrome.runtime;
    const started = performance.now();
    let done = false;
    const compared = ('tabId' in work ? runtime.sendMessage({ type: 'page/compare', tabId: work.tabId, anyway: true }) as Promise<any> : new Promise((resolve) => setTimeout(() => resolve(null), work.idleMs)))
      .finally(() => (done = true));
    const trips: number[] = [];
    while (!done) {
      const t = performance.now();
      await runtime.sendMessage({ type: 'settings/get' });
      trips.push(performance.now() - t);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const reply = await compared;
    const c = reply?.value;
    return {
      compareMs: performance.now() - started,
      trips,
      same: c?.same?.length ?? -1,
      replyChars: reply === null ? 0 : JSON.stringify(reply).length,
      summary: reply === null ? 'idle' : reply?.ok ? `${c?.same?.length} same-event, ${c?.quotes?.length} shared quotations, ${c?.passages?.length} passages, budget spent: ${JSON.stringify(c?.budgetSpent ?? null)}`
        // What a large reply carries, by field (KB).
        + (JSON.stringify(reply).length > 500_000 ? `; KB: ${Object.entries(c).map(([k, v]) => [k, (JSON.stringify(v) ?? '').length / 1024] as const).filter(([, kb]) => kb >= 10).map(([k, kb]) => `${k} ${kb.toFixed(0)}`).join(', ')}` : '') : `failed: ${reply?.error}`,
    };
  }, work);
  const longestTickGapMs = await stopTicks(worker);
  const longestTaskMs = await profile.longestTask();
  return {
    compareMs: measured.compareMs,
    roundTrips: measured.trips.length,
    longestRoundTripMs: Math.max(0, ...measured.trips),
    longestTickGapMs,
    longestTaskMs,
    same: measured.same,
    replyChars: measured.replyChars,
    summary: measured.summary,
  };
}

/** What `longestBusyRun` reads of a CDP `Profiler.Profile`. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string } }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/**
 * The longest stretch of a CPU profile in which the thread was never seen idle, in milliseconds:
 * from a run's first busy sample to the next idle one (a gap between two busy samples counts
 * whole, though the machine may have left the thread waiting; a gap between two idle ones does not).
 */
export function longestBusyRun(profile: CpuProfile): number {
  const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
  let at = profile.startTime;
  let runStart: number | null = null;
  let longest = 0;
  profile.samples.forEach((node, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (!idle.has(node)) runStart ??= at;
    else if (runStart !== null) {
      longest = Math.max(longest, at - runStart);
      runStart = null;
    }
  });
  if (runStart !== null) longest = Math.max(longest, at - runStart);
  return longest / 1000;
}

/**
 * Starts CDP's sampling profiler in the extension's service worker; `longestTask` stops it and
 * reads the longest busy run. NaN when there is no CDP session to be had.
 */
async function profileServiceWorker(context: BrowserContext, extensionId: string): Promise<{ longestTask(): Promise<number> }> {
  const profiler = await startWorkerProfile(context, extensionId);
  return { longestTask: async () => {
    const profile = await profiler.stop();
    return profile ? longestBusyRun(profile) : NaN;
  } };
}

/** A CDP `Profiler.Profile` as `selfTimes` reads it. */
export interface FullCpuProfile extends CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url?: string; lineNumber?: number }; children?: number[] }[];
  endTime?: number;
}

/**
 * Starts CDP's sampling profiler in the extension's service worker; `stop` stops it and gives the
 * profile (null when there is no CDP session to be had). The browser-level session addresses a
 * worker only in nested mode (see tests/e2e/cdp-network.ts).
 */
export async function startWorkerProfile(context: BrowserContext, extensionId: string, intervalUs?: number): Promise<{ stop(): Promise<FullCpuProfile | null> }> {
  const none = { stop: async () => null };
  const browser = context.browser();
  if (!browser) return none;
  const session: CDPSession = await browser.newBrowserCDPSession();
  const { targetInfos } = await session.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
  if (!target) return (await session.detach(), none);
  const { sessionId } = await session.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  let nextId = 0;
  const answers = new Map<number, (result: any) => void>();
  session.on('Target.receivedMessageFromTarget', ({ message }) => {
    const m = JSON.parse(message) as { id?: number; result?: unknown };
    if (m.id !== undefined) answers.get(m.id)?.(m.result);
  });
  const send = (method: string, params: object = {}) => new Promise<any>((resolve) => {
    const id = ++nextId;
    answers.set(id, resolve);
    void session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
  });
  await send('Profiler.enable');
  if (intervalUs) await send('Profiler.setSamplingInterval', { interval: intervalUs });
  await send('Profiler.start');
  return {
    async stop() {
      const { profile } = await send('Profiler.stop');
      await session.detach().catch(() => {});
      return profile as FullCpuProfile;
    },
  };
}

/**
 * Milliseconds of a profile's samples per function (name, file and line), most first: `self` in
 * the function itself, `total` with what it called (a sample counted once per function on its stack).
 */
export function profileTimes(profile: FullCpuProfile, window?: { fromUs: number; toUs: number }): { name: string; self: number; total: number }[] {
  const label = (n: FullCpuProfile['nodes'][number]) => `${n.callFrame.functionName || '(anonymous)'} ${(n.callFrame.url ?? '').split('/').pop()}:${(n.callFrame.lineNumber ?? 0) + 1}`;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let at = profile.startTime;
  profile.samples.forEach((node, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (window && (at < window.fromUs || at > window.toUs)) return;
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const name = label(byId.get(node)!);
    self.set(name, (self.get(name) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = node; at !== undefined; at = parent.get(at)) {
      const l = label(byId.get(at)!);
      if (seen.has(l)) continue;
      seen.add(l);
      total.set(l, (total.get(l) ?? 0) + ms);
    }
  });
  return [...total].map(([name, t]) => ({ name, self: self.get(name) ?? 0, total: t })).sort((a, b) => b.total - a.total);
}

/** An adversarial page for `backgroundStalls`: its HTML, and the text of its stored copies. */
export interface StallPage {
  name: string;
  html: string;
  copyText: string;
}

export interface StallRow extends Stall {
  page: string;
}

/**
 * For each page: `copies` stored copies imported and prepared, the page opened in a tab and compared while the
 * background is measured (`measureStall`) — again when its budget ran out — then the copies deleted; an idle measure first (the
 * machine's own delays). Launches Chromium with the build of `RECOUPE_OUT_DIR`.
 */
export async function backgroundStalls(pages: readonly StallPage[], copies = 3): Promise<{ idle: Stall; rows: StallRow[] }> {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { servePages } = await import('../../scripts/serve-pages');
  const { launchWithExtension } = await import('./chromium-extension');
  const dir = mkdtempSync(join(tmpdir(), 'recoupe-stall-'));
  pages.forEach((p, i) => writeFileSync(join(dir, `page${i}.html`), p.html));
  const server = await servePages(dir);
  const browser = await launchWithExtension();
  try {
    const corpus = await browser.openExtensionPage('corpus.html');
    const send = (message: unknown) => corpus.evaluate(async (m) => (globalThis as any).chrome.runtime.sendMessage(m), message) as Promise<any>;
    const idle = await measureStall(browser, corpus, { idleMs: 3_000 });
    const rows: StallRow[] = [];
    for (const [i, p] of pages.entries()) {
      const title = /<h1>([^<]*)<\/h1>/.exec(p.html)?.[1] ?? p.name;
      const imported = await send({ type: 'corpus/import', fileName: 'copies.jsonl', text: copiesFile(title, p.copyText, copies) });
      if (!imported?.ok) throw new Error(`${p.name}: import failed: ${imported?.error}`);
      // Compared once the background has prepared the copies (their features are computed after
      // the import): before, the page matched nothing and its comparison measured no work.
      for (const until = Date.now() + 120_000; ;) {
        const left = (await send({ type: 'corpus/preparation' }))?.value;
        if (left?.total === 0) break;
        if (Date.now() > until) throw new Error(`${p.name}: the copies were not prepared within 120 s (${JSON.stringify(left)})`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const url = `${server.url}/page${i}.html`;
      const tab = await browser.context.newPage();
      await tab.goto(url, { timeout: 120_000 });
      const tabId = await browser.tabIdOf(url);
      // A shorter comparison budget (the background's test hook), to see a request end within it.
      const budgetMs = Number(process.env.RECOUPE_BENCH_BUDGET_MS);
      if (budgetMs > 0) await (await browser.serviceWorker()).evaluate((ms) => void ((globalThis as { recoupeTestBudgetMs?: number }).recoupeTestBudgetMs = ms), budgetMs);
      const first = await measureStall(browser, corpus, { tabId });
      rows.push({ page: p.name, ...first });
      // A comparison stopped at its budget, asked again: the worker kept what it prepared (the page, the copies).
      if (/"totalMs"/.test(first.summary)) rows.push({ page: `${p.name}, asked again`, ...(await measureStall(browser, corpus, { tabId })) });
      await tab.close();
      // The next page is compared with its own copies only.
      const ids: number[] = (await send({ type: 'corpus/search' }))?.value?.ids ?? [];
      await send({ type: 'corpus/delete', ids });
    }
    return { idle, rows };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Events told inside a long task: the script called (by name), events dispatched (by type), garbage collection and its incremental marking. */
const INSIDE = /^(FunctionCall|EventDispatch|TimerFire|MajorGC|MinorGC|V8\.GCIncrementalMarking|V8\.GCFinalizeMC|FireIdleCallback|ParseHTML|v8\.compile)$/;

/** A task of a thread longer than asked (`startWorkerTrace`), and the work of at least a few milliseconds inside it. */
export interface LongTask {
  /** Milliseconds since the trace began. */
  atMs: number;
  /** Where it starts, in the trace's clock (microseconds; a CPU profile's clock too: `profileTimes`' window). */
  startUs: number;
  ms: number;
  /** The worker thread's CPU time in the task (the trace's `tdur`), when the trace gives it: far under `ms`, the thread waited for a core (a loaded machine), not for its own work. */
  cpuMs?: number;
  /** Events inside the task (a script's function called by the event loop, a garbage collection, …), longest first: name and ms. */
  inside: { name: string; ms: number }[];
}

/**
 * Records a Chromium trace (CDP `Tracing`, the categories DevTools' Performance panel reads for
 * tasks) while `stop` is not called, keeping only events of a millisecond or more; `stop` gives
 * the tasks of the extension's service worker thread of at least `longerThanMs`, longest first.
 * What blocks a request is one task (a request's message waits for the task under way), which a
 * CPU profile does not tell apart from a train of short ones.
 */
export async function startWorkerTrace(context: BrowserContext): Promise<{ stop(longerThanMs: number): Promise<LongTask[]> }> {
  const browser = context.browser();
  if (!browser) return { stop: async () => [] };
  const session: CDPSession = await browser.newBrowserCDPSession();
  type Event = { name: string; ph: string; ts: number; dur?: number; tdur?: number; tid: number; pid: number; args?: { name?: string; data?: unknown } };
  const kept: Event[] = [];
  session.on('Tracing.dataCollected', ({ value }) => {
    for (const e of value as unknown as Event[]) if ((e.ph === 'X' && (e.dur ?? 0) >= 1000) || (e.ph === 'M' && e.name === 'thread_name') || e.name === 'TimeStamp') kept.push(e);
  });
  const complete = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
  await session.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: ['toplevel', 'devtools.timeline', 'v8'] } });
  return {
    async stop(longerThanMs) {
      await session.send('Tracing.end');
      await complete;
      await session.detach().catch(() => {});
      // `RECOUPE_TRACE_FILE=path`: the events kept, every thread's, written there (a probe's slow round trips are marked `TimeStamp`s in it).
      if (process.env.RECOUPE_TRACE_FILE) writeFileSync(`${process.env.RECOUPE_TRACE_FILE}.${traces++}.json`, JSON.stringify(kept));
      const workers = new Set(kept.filter((e) => e.ph === 'M' && /ServiceWorker/i.test(e.args?.name ?? '')).map((e) => `${e.pid}:${e.tid}`));
      const onWorker = kept.filter((e) => e.ph === 'X' && workers.has(`${e.pid}:${e.tid}`));
      const start = Math.min(...kept.filter((e) => e.ph === 'X').map((e) => e.ts));
      const tasks = onWorker.filter((e) => /RunTask/.test(e.name) && e.dur! >= longerThanMs * 1000);
      return tasks.map((t) => ({
        atMs: (t.ts - start) / 1000,
        startUs: t.ts,
        ms: t.dur! / 1000,
        ...(t.tdur !== undefined ? { cpuMs: t.tdur / 1000 } : {}),
        inside: [...onWorker.filter((e) => e !== t && INSIDE.test(e.name) && e.ts >= t.ts && e.ts + e.dur! <= t.ts + t.dur!)
          .reduce((sum, e) => {
            const data = e.args?.data as { functionName?: string; lineNumber?: number; type?: string } | undefined;
            const name = data?.functionName !== undefined ? `${data.functionName || '(anonymous)'}:${(data.lineNumber ?? 0) + 1}` : data?.type ? `${e.name} ${data.type}` : e.name;
            return sum.set(name, (sum.get(name) ?? 0) + e.dur! / 1000);
          }, new Map<string, number>())].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms).slice(0, 8),
      })).sort((a, b) => b.ms - a.ms);
    },
  };
}
