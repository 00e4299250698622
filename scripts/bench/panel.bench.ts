/**
 * Speed as the person feels it: from a page load to a filled side panel, in the real browser
 * (the built Chrome package in Debian's Chromium, through the end-to-end harness).
 *
 * Per run, seed 000's page is opened in a new tab (so nothing of it is cached), then the panel's
 * page pinned to that tab. A script put in the panel's page before its own records when the panel
 * sends `page/compare`, when the reply arrives (with the background's `timings` breakdown) and
 * when the comparison is in the DOM with its lists (`data-testid="comparison"` holding the
 * same-event list). Measured against the 5 samples (the baseline, same run, same browser), then
 * against a generated corpus of 10,000 articles of which exactly 10 report the page's event
 * (scripts/bench/panel-corpus.ts), imported through `corpus/import` as a person's export files.
 *
 * Builds the extension first when `$RECOUPE_OUT_DIR` (or `.output`) holds no build.
 * `RECOUPE_BENCH_PANEL_RUNS` sets the runs per corpus (default 7, after one warm-up).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { ComparisonTimings, PageComparison, Result } from '../../extension/protocol';
import { CHROME_BUILD, launchWithExtension, type ExtensionBrowser } from '../../tests/e2e/launch';
import { servePages } from '../serve-pages';
import { percentiles, type Benchmark } from './bench';
import { generatePanelCorpus, toImportFiles } from './panel-corpus';

const RUNS = Number(process.env.RECOUPE_BENCH_PANEL_RUNS ?? 7);
const SIZE = 10_000;
const SAME_EVENT = 10;
/** Articles per import file: about 6.5 MB each, well under the 50 MB a file may hold. */
const PER_FILE = 2_000;
const TARGET_MS = 500;
const PAGE = '000_492f0f67598950be.html';

export interface PanelRun {
  /** The panel's `page/compare` request sent → the comparison in the DOM with its lists. */
  requestToFilledMs: number;
  /** The panel's page starting to load → the comparison in the DOM (extraction included). */
  openToFilledMs: number;
  /** The reply arrived → the comparison in the DOM (the panel's own rendering). */
  renderMs: number;
  /** The background's breakdown of its reply, when it gives one. */
  timings: ComparisonTimings | null;
  sameEventSites: (string | null)[];
  related: number;
}

export interface CorpusRuns {
  articles: number;
  runs: PanelRun[];
}

export interface PanelBenchResult {
  baseline: CorpusRuns;
  large: CorpusRuns;
  generateMs: number;
  importMs: number;
  /** Sites of the generated same-event versions (each should be in the large run's list). */
  expectedSameEventSites: string[];
}

/**
 * Put in the panel's page before its scripts run. Wraps `chrome.runtime.sendMessage` (which the
 * webextension polyfill calls at each request) to time the first `page/compare`, and watches the
 * DOM for the filled comparison.
 */
const PROBE = `(() => {
  if (location.protocol !== 'chrome-extension:' || location.pathname !== '/sidepanel.html') return;
  const marks = { requestAt: null, replyAt: null, filledAt: null, reply: null };
  globalThis.__recoupeBench = marks;
  const runtime = chrome.runtime;
  const send = runtime.sendMessage;
  const got = (reply) => { if (marks.replyAt === null) { marks.replyAt = performance.now(); marks.reply = reply; } return reply; };
  runtime.sendMessage = function (...args) {
    if (args[0] && args[0].type === 'page/compare' && marks.requestAt === null) {
      marks.requestAt = performance.now();
      const cb = args.findIndex((a) => typeof a === 'function');
      if (cb >= 0) { const f = args[cb]; args[cb] = (reply) => f(got(reply)); }
      const r = send.apply(this, args);
      return r && typeof r.then === 'function' ? r.then(got) : r;
    }
    return send.apply(this, args);
  };
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-testid=comparison] [data-testid=same-event]')) {
      marks.filledAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
})();`;

interface Marks { requestAt: number | null; replyAt: number | null; filledAt: number | null; reply: Result<PageComparison & { timings?: ComparisonTimings }> | null }

/** Sends one request from an extension page, as the panel and corpus page do. */
async function send<T>(page: Page, message: Record<string, unknown>): Promise<T> {
  const reply = await page.evaluate((m) => (globalThis as any).chrome.runtime.sendMessage(m), message) as Result<T>;
  if (!reply?.ok) throw new Error(`${String(message.type)} failed: ${reply ? (reply as { error: string }).error : 'no reply'}`);
  return reply.value;
}

async function measure(browser: ExtensionBrowser, url: string): Promise<PanelRun> {
  const article = await browser.context.newPage();
  await article.goto(url);
  const panel = await browser.openExtensionPage(`sidepanel.html?tab=${await browser.tabIdOf(url)}`);
  try {
    await panel.waitForFunction(() => {
      const m = (globalThis as any).__recoupeBench as Marks | undefined;
      return m && (m.filledAt !== null || (m.reply !== null && !m.reply.ok));
    }, null, { timeout: 180_000 });
    const m = await panel.evaluate(() => (globalThis as any).__recoupeBench as Marks);
    if (!m.reply?.ok || m.reply.value === null || m.requestAt === null || m.replyAt === null || m.filledAt === null) {
      throw new Error(`The panel was not filled: ${JSON.stringify(m.reply).slice(0, 300)}`);
    }
    const c = m.reply.value;
    return {
      requestToFilledMs: m.filledAt - m.requestAt,
      openToFilledMs: m.filledAt,
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

async function runs(browser: ExtensionBrowser, url: string, articles: number): Promise<CorpusRuns> {
  await measure(browser, url); // warm-up: the first look at a corpus loads its story index
  const out: PanelRun[] = [];
  for (let i = 0; i < RUNS; i++) out.push(await measure(browser, url));
  return { articles, runs: out };
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
  async run() {
    ensureBuild();
    const g0 = performance.now();
    const corpus = generatePanelCorpus({ size: SIZE, sameEvent: SAME_EVENT });
    const files = toImportFiles(corpus.articles, PER_FILE);
    const generateMs = performance.now() - g0;

    const pages = await servePages(resolve('corpus/pages'));
    const browser = await launchWithExtension();
    try {
      const url = `${pages.url}/${PAGE}`;
      await browser.context.addInitScript(PROBE);
      const helper = await browser.openExtensionPage('corpus.html');
      // The samples are put in place on install; wait for all five.
      let samples: { id: number }[] = [];
      for (let i = 0; i < 100 && samples.length < 5; i++) {
        samples = await send<{ id: number }[]>(helper, { type: 'corpus/list' });
        if (samples.length < 5) await helper.waitForTimeout(100);
      }
      if (samples.length !== 5) throw new Error(`Expected the 5 samples on install, found ${samples.length}`);
      await helper.close();
      const baseline = await runs(browser, url, 5);

      // The large corpus replaces the samples (two of them report the page's event too).
      const importer = await browser.openExtensionPage('corpus.html');
      await send(importer, { type: 'corpus/delete', ids: samples.map((s) => s.id) });
      const i0 = performance.now();
      for (const f of files) {
        const report = await send<{ added: number; skipped: unknown[] }>(importer, { type: 'corpus/import', fileName: f.fileName, text: f.text });
        if (report.skipped.length > 0) throw new Error(`${f.fileName}: ${report.skipped.length} articles skipped: ${JSON.stringify(report.skipped.slice(0, 3))}`);
      }
      const importMs = performance.now() - i0;
      const stored = (await send<unknown[]>(importer, { type: 'corpus/list' })).length;
      if (stored !== SIZE) throw new Error(`Expected ${SIZE} stored articles after the import, found ${stored}`);
      await importer.close();
      const large = await runs(browser, url, SIZE);
      return { baseline, large, generateMs, importMs, expectedSameEventSites: corpus.sameEventSites };
    } finally {
      await browser.close();
      await pages.close();
    }
  },
  print({ baseline, large, generateMs, importMs, expectedSameEventSites }) {
    console.log(`corpus of ${large.articles.toLocaleString('en')} generated in ${(generateMs / 1000).toFixed(1)} s, imported in ${(importMs / 1000).toFixed(1)} s; ${RUNS} runs per corpus after a warm-up`);
    const row = (c: CorpusRuns) => {
      const t = c.runs.map((r) => r.timings).filter((x): x is ComparisonTimings => x !== null);
      const ms = (xs: number[]) => (xs.length ? median(xs).toFixed(0) : 'n/a');
      return {
        articles: c.articles,
        'request → filled ms': ms(c.runs.map((r) => r.requestToFilledMs)),
        'p95 ms': percentiles(c.runs.map((r) => r.requestToFilledMs)).p95.toFixed(0),
        'panel open → filled ms': ms(c.runs.map((r) => r.openToFilledMs)),
        'extract ms': ms(t.map((x) => x.extractMs ?? 0)),
        'match ms': ms(t.map((x) => x.matchMs)),
        'compare ms (articles)': t.length ? `${ms(t.map((x) => sum(x.compareMs.map((a) => a.ms))))} (${t[0]!.compareMs.length})` : 'n/a',
        'framing ms': ms(t.map((x) => x.framingMs)),
        'background total ms': ms(t.map((x) => x.totalMs)),
        'render ms': ms(c.runs.map((r) => r.renderMs)),
        'same / related': `${c.runs[0]!.sameEventSites.length} / ${c.runs[0]!.related}`,
      };
    };
    console.table([row(baseline), row(large)]);
    console.log('request → filled, each run (ms):');
    console.table([baseline, large].map((c) => ({ articles: c.articles, ...Object.fromEntries(c.runs.map((r, i) => [`run ${i + 1}`, r.requestToFilledMs.toFixed(0)])) })));
    const slowest = large.runs.map((r) => r.timings).filter((x): x is ComparisonTimings => x !== null).flatMap((x) => x.compareMs);
    if (slowest.length) {
      const per = slowest.map((a) => a.ms);
      console.log(`compare per article at ${large.articles.toLocaleString('en')}: median ${median(per).toFixed(1)} ms, slowest ${Math.max(...per).toFixed(1)} ms`);
    }
    const b = median(baseline.runs.map((r) => r.requestToFilledMs));
    const l = median(large.runs.map((r) => r.requestToFilledMs));
    console.log(`ratio to the 5-article baseline: ${(l / b).toFixed(2)}×`);
    const sites = new Set(large.runs[0]!.sameEventSites);
    const found = expectedSameEventSites.filter((s) => sites.has(s)).length;
    console.log(`same event at ${large.articles.toLocaleString('en')}: ${found} of the ${expectedSameEventSites.length} generated versions listed${sites.size > found ? `, and ${sites.size - found} other articles` : ''}`);
    console.log(`filled within ${TARGET_MS} ms of the request at ${large.articles.toLocaleString('en')} articles: ${l <= TARGET_MS ? 'yes' : 'NO'} (median ${l.toFixed(0)} ms)`);
  },
};
export default bench;
