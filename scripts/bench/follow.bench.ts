/**
 * Following outlets at scale (issue 15): one poll of 50 feeds × 50 items, the pages served on
 * 127.0.0.1, by the built extension in Chromium (the service worker fetches, the offscreen
 * document extracts, the background stores and indexes), against the same 2,500 pages imported
 * as files (`.html` captures with their `.meta.json` sidecars) on the corpus page of a fresh
 * profile, in the same run. The pages are generated from real texts (scripts/bench/panel-corpus.ts,
 * no two alike). Figures: wall time, articles stored per second, and the peak JS heap of the
 * background (the service worker, plus the offscreen document while following; the corpus page,
 * which extracts the files, apart), sampled every 250 ms over DevTools.
 */
import { createServer } from 'node:http';
import type { CDPSession, Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../../tests/support/chromium-extension';
import { newsPage } from '../../tests/support/outlet-server';
import type { Benchmark } from './bench';
import { generatePanelCorpus } from './panel-corpus';

const FEEDS = 50;
const ITEMS = 50;

interface Run { articles: number; seconds: number; perSecond: number; backgroundPeakMB: number; pagePeakMB: number | null }
export interface FollowBenchResult { feeds: number; items: number; follow: Run; files: Run; ratio: number }

interface Page_ { site: string; path: string; url: string; title: string; date: string; lang: string; text: string }

/**
 * Samples the used JS heap of the extension's service worker and offscreen document (reached
 * from a page's DevTools session, as scripts/bench/panel.bench.ts reaches the worker), and of
 * `page` itself; keeps the peaks.
 */
async function heapSampler(browser: ExtensionBrowser, page: Page) {
  const session: CDPSession = await browser.context.newCDPSession(page);
  await session.send('Runtime.enable');
  let next = 0;
  const pending = new Map<number, (m: { result?: { usedSize: number } }) => void>();
  session.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message) as { id?: number; result?: { usedSize: number } };
    if (m.id !== undefined) pending.get(m.id)?.(m);
  });
  const attached = new Map<string, string>();
  const background = async () => {
    const { targetInfos } = await session.send('Target.getTargets');
    const ours = targetInfos.filter((t) => t.url.startsWith(`chrome-extension://${browser.extensionId}/`) && (t.type === 'service_worker' || t.url.endsWith('/offscreen.html')));
    let used = 0;
    for (const t of ours) {
      if (!attached.has(t.targetId)) attached.set(t.targetId, (await session.send('Target.attachToTarget', { targetId: t.targetId, flatten: false })).sessionId);
      const id = ++next;
      const reply = new Promise<{ result?: { usedSize: number } }>((done) => pending.set(id, done));
      await session.send('Target.sendMessageToTarget', { sessionId: attached.get(t.targetId)!, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) });
      used += (await Promise.race([reply, new Promise<{ result?: undefined }>((done) => setTimeout(() => done({}), 2_000))])).result?.usedSize ?? 0;
      pending.delete(id);
    }
    return used;
  };
  let peak = { background: 0, page: 0 };
  let running = true;
  const loop = (async () => {
    while (running) {
      const [b, p] = await Promise.all([background().catch(() => 0), session.send('Runtime.getHeapUsage').then((h) => h.usedSize).catch(() => 0)]);
      peak = { background: Math.max(peak.background, b), page: Math.max(peak.page, p) };
      await new Promise((done) => setTimeout(done, 250));
    }
  })();
  return { stop: async () => { running = false; await loop; return { backgroundMB: peak.background / 2 ** 20, pageMB: peak.page / 2 ** 20 }; } };
}

const send = (page: Page, message: object) => page.evaluate(async (m) => {
  const reply = await (globalThis as any).chrome.runtime.sendMessage(m);
  if (!reply?.ok) throw new Error(reply?.error ?? 'no reply');
  return reply.value;
}, message);

/** Articles stored that came in this way (the samples a fresh profile loads left out). */
const countStored = async (page: Page, origin: 'followed' | 'import') =>
  ((await send(page, { type: 'corpus/search', origins: [origin], limit: 0 })) as { ids: number[] }).ids.length;

async function followRun(origin: string): Promise<Run> {
  const browser = await launchWithExtension();
  try {
    const options = await browser.openExtensionPage('options.html');
    await send(options, { type: 'feeds/set-settings', settings: { intervalMinutes: 24 * 60, paused: false, retentionDays: 365, perFeedLimit: ITEMS, totalLimit: 20_000 } });
    await send(options, { type: 'feeds/follow-list', feeds: Array.from({ length: FEEDS }, (_, f) => ({ url: `${origin}/feeds/${f}.xml`, title: `Outlet ${f}` })) });
    const sampler = await heapSampler(browser, options);
    const start = performance.now();
    await send(options, { type: 'feeds/poll' });
    const seconds = (performance.now() - start) / 1000;
    const peak = await sampler.stop();
    const stored = await countStored(options, 'followed');
    return { articles: stored, seconds, perSecond: stored / seconds, backgroundPeakMB: peak.backgroundMB, pagePeakMB: null };
  } finally {
    await browser.close();
  }
}

async function filesRun(pages: Page_[]): Promise<Run> {
  const browser = await launchWithExtension();
  try {
    const corpus = await browser.openExtensionPage('corpus.html');
    const files = pages.flatMap((p, i) => [
      { name: `${String(i).padStart(4, '0')}.html`, mimeType: 'text/html', buffer: Buffer.from(newsPage(p.site, { slug: '', title: p.title, date: p.date, lang: p.lang, text: p.text })) },
      { name: `${String(i).padStart(4, '0')}.meta.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ url: p.url })) },
    ]);
    const sampler = await heapSampler(browser, corpus);
    const start = performance.now();
    await corpus.getByTestId('import-input').setInputFiles(files);
    await corpus.getByTestId('import-line').first().waitFor({ timeout: 600_000 });
    const seconds = (performance.now() - start) / 1000;
    const peak = await sampler.stop();
    const stored = await countStored(corpus, 'import');
    return { articles: stored, seconds, perSecond: stored / seconds, backgroundPeakMB: peak.backgroundMB, pagePeakMB: peak.pageMB };
  } finally {
    await browser.close();
  }
}

const bench: Benchmark<FollowBenchResult> = {
  name: 'follow',
  async run() {
    const generated = generatePanelCorpus({ size: FEEDS * ITEMS, sameEvent: 0 }).articles;
    let origin = '';
    const pages: Page_[] = generated.map((a, i) => {
      const f = Math.floor(i / ITEMS);
      const path = `/outlet-${f}/${i % ITEMS}.html`;
      return { site: `Outlet ${f}`, path, url: '', title: a.title ?? `Article ${i}`, date: (a.publishedTime ?? '2020-01-01').slice(0, 10), lang: a.language ?? 'en', text: a.text };
    });
    const byPath = new Map(pages.map((p) => [p.path, p]));
    const server = createServer((req, res) => {
      const feed = /^\/feeds\/(\d+)\.xml$/.exec(req.url ?? '')?.[1];
      const page = byPath.get(req.url ?? '');
      if (feed !== undefined) {
        const items = pages.slice(Number(feed) * ITEMS, (Number(feed) + 1) * ITEMS);
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet ${feed}</title><link>${origin}/</link>${
          items.map((p) => `<item><title>${p.title.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</title><link>${origin}${p.path}</link></item>`).join('')}</channel></rss>`);
      } else if (page) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(newsPage(page.site, { slug: '', title: page.title, date: page.date, lang: page.lang, text: page.text }));
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const address = server.address();
    origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    for (const p of pages) p.url = `${origin}${p.path}`;
    try {
      const follow = await followRun(origin);
      const files = await filesRun(pages);
      return { feeds: FEEDS, items: ITEMS, follow, files, ratio: follow.seconds / files.seconds };
    } finally {
      await new Promise((done) => server.close(done));
    }
  },
  print(r) {
    const line = (name: string, run: Run) => console.log(`${name}: ${run.articles} articles stored in ${run.seconds.toFixed(1)} s (${run.perSecond.toFixed(1)}/s); background peak JS heap ${run.backgroundPeakMB.toFixed(0)} MB${run.pagePeakMB === null ? '' : `, corpus page ${run.pagePeakMB.toFixed(0)} MB`}`);
    line(`one poll of ${r.feeds} feeds × ${r.items} items`, r.follow);
    line('the same pages imported as files', r.files);
    console.log(`following takes ${r.ratio.toFixed(2)}× the time of importing the files`);
  },
};
export default bench;
