/**
 * Issue 16: what the corpus page spends on each notice of the background while nothing it lists
 * changes, in Chromium, two builds side by side (`RECOUPE_PROBE_BUILDS=dirA,dirB`, chrome-mv3
 * folders; alternated, `RECOUPE_PROBE_ROUNDS` (3) browsers each). Each browser: N generated
 * articles (panel-corpus.ts) imported as the corpus page sends them, their words and features
 * prepared; the corpus page opened on its 200 rows; then from the service worker K preparation
 * notices 150 ms apart (as after every batch of 50 while an import is prepared), then K
 * corpus-changed notices 700 ms apart (the page reads its listing again, 300 ms after each: nothing
 * in it changed), after K rounds of 150 ms with none (what the page and the measure cost anyway).
 * Prints the page's main-thread time per notice (CDP Performance.getMetrics: TaskDuration,
 * ScriptDuration; medians over the browsers) and the load.
 * Run: RECOUPE_PROBE_BUILDS=/work/build-a/chrome-mv3,/work/build-b/chrome-mv3 flock /tmp/browser.lock node --import tsx scripts/probe/corpus-redraw.ts [articles] [notices]
 */
import { execSync } from 'node:child_process';
import type { CDPSession } from 'playwright-core';
import { MAX_IMPORT_MESSAGE_BYTES, MAX_IMPORT_PART_ARTICLES } from '../../extension/protocol';
import { messageBytes, messageParts } from '../../entrypoints/corpus/import-parts';
import { launchWithExtension, type ExtensionBrowser } from '../../tests/support/chromium-extension';
import { send } from '../bench/panel.bench';
import { profileTimes, type FullCpuProfile } from '../../tests/support/stall';
import { generatePanelCorpus } from '../bench/panel-corpus';

const SIZE = Number(process.argv[2] ?? 2_000);
const NOTICES = Number(process.argv[3] ?? 20);
const ROUNDS = Number(process.env.RECOUPE_PROBE_ROUNDS ?? 3);
const BUILDS = (process.env.RECOUPE_PROBE_BUILDS ?? '').split(',').filter(Boolean);
if (BUILDS.length === 0) throw new Error('RECOUPE_PROBE_BUILDS: the chrome-mv3 folders to compare, separated by commas');
const load = () => execSync('cat /proc/loadavg').toString().trim().split(' ').slice(0, 3).join(' ');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? NaN;

const { articles } = generatePanelCorpus({ size: SIZE, sameEvent: 10 });
const candidates = articles.map((article, i) => ({ item: `article ${i + 1}`, article }));
const envelope = messageBytes({ type: 'corpus/import-part', fileName: 'probe.jsonl', articles: [] });
const parts = [...messageParts(candidates, MAX_IMPORT_MESSAGE_BYTES, envelope, MAX_IMPORT_PART_ARTICLES)];

type Busy = { task: number; script: number; layout: number; style: number };

/** The page's main-thread seconds so far (CDP). */
async function busy(cdp: CDPSession): Promise<Busy> {
  const { metrics } = await cdp.send('Performance.getMetrics') as { metrics: { name: string; value: number }[] };
  const of = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  return { task: of('TaskDuration'), script: of('ScriptDuration'), layout: of('LayoutDuration'), style: of('RecalcStyleDuration') };
}

type Figures = { idle: Busy; preparation: Busy; relist: Busy };

async function measure(build: string): Promise<Figures> {
  const browser: ExtensionBrowser = await launchWithExtension({ extensionDir: build });
  try {
    const helper = await browser.openExtensionPage('options.html');
    for (const part of parts) await send(helper, { type: 'corpus/import-part', fileName: 'probe.jsonl', articles: part, importId: 'probe' });
    // Words indexed and features computed: no notice of the background's own during the measure.
    for (let i = 0; ; i++) {
      const state = await send<{ done: number; total: number; words?: number }>(helper, { type: 'corpus/preparation' });
      if (state.total === state.done && !state.words) break;
      if (i > 1200) throw new Error('not prepared after 10 min');
      await helper.waitForTimeout(500);
    }
    const corpus = await browser.openExtensionPage('corpus.html');
    await corpus.getByTestId('article-row').nth(199).waitFor({ timeout: 60_000 });
    await corpus.waitForTimeout(2_000);
    const cdp = await browser.context.newCDPSession(corpus);
    await cdp.send('Performance.enable');
    const worker = await browser.serviceWorker();
    const notify = (notice: object) => worker.evaluate((n) => (globalThis as any).chrome.runtime.sendMessage(n).catch(() => {}), notice);
    const per = async (notice: ((k: number) => object) | null, gapMs: number) => {
      const before = await busy(cdp);
      for (let k = 0; k < NOTICES; k++) {
        if (notice) await notify(notice(k));
        else await worker.evaluate(() => 0);
        await corpus.waitForTimeout(gapMs);
      }
      const after = await busy(cdp);
      const ms = (k: keyof Busy) => +(((after[k] - before[k]) * 1000) / NOTICES).toFixed(2);
      return { task: ms('task'), script: ms('script'), layout: ms('layout'), style: ms('style') };
    };
    // The same time with no notice: what the page and the measure cost anyway.
    const idle = await per(null, 150);
    // RECOUPE_PROBE_CPU=1: the page's functions of most time over the preparation notices (a CPU profile; it adds its own cost).
    if (process.env.RECOUPE_PROBE_CPU) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    const preparation = await per((k) => ({ type: 'notice/preparation', done: 50 * (k + 1), total: 20_000 }), 150);
    if (process.env.RECOUPE_PROBE_CPU) {
      const { profile } = await cdp.send('Profiler.stop') as unknown as { profile: FullCpuProfile };
      console.error(`${build}: corpus page CPU over ${NOTICES} preparation notices (total / self ms): ${profileTimes(profile).slice(0, 25).map((f) => `${f.name} ${f.total.toFixed(1)}/${f.self.toFixed(1)}`).join('; ')}`);
    }
    const relist = await per(() => ({ type: 'notice/corpus-changed' }), 700);
    if ((await corpus.getByTestId('article-row').count()) !== 200) throw new Error('the page no longer shows 200 rows');
    return { idle, preparation, relist };
  } finally {
    await browser.close();
  }
}

const results = new Map<string, Figures[]>(BUILDS.map((b) => [b, []]));
for (let round = 0; round < ROUNDS; round++) {
  for (const build of round % 2 === 0 ? BUILDS : [...BUILDS].reverse()) {
    const r = await measure(build);
    results.get(build)!.push(r);
    console.log(JSON.stringify({ round, build, articles: SIZE, notices: NOTICES, idleMs: r.idle, preparationMs: r.preparation, relistMs: r.relist, load: load() }));
  }
}
for (const [build, rs] of results) {
  const m = (of: (r: Figures) => Busy) => Object.fromEntries((['task', 'script', 'layout', 'style'] as const).map((k) => [`${k}Ms`, +median(rs.map((r) => of(r)[k])).toFixed(2)]));
  console.log(JSON.stringify({ build, rounds: rs.length, idle: m((r) => r.idle), perPreparationNotice: m((r) => r.preparation), perRelist: m((r) => r.relist) }));
}
