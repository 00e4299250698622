/**
 * The background's longest stall while a page is compared, in Chromium (issue 20, "Bounded
 * analysis"): the e2e test tests/e2e/responsive.test.ts and `npm run bench adversarial` share it.
 * Two measures: the longest round trip of a request (`settings/get`) an extension page sends
 * every 20 ms meanwhile, and the longest gap of a 10 ms timer ticking in the service worker.
 */
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './chromium-extension';

/** An article page with `text` as its body, one paragraph per 2,000 characters (cut at a space). */
export function adversarialArticle(title: string, text: string): string {
  const paragraphs = text.match(/[\s\S]{1,2000}(?:\s|$)/g) ?? [text];
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escape(title)}</title>
<meta property="og:type" content="article"><meta property="article:published_time" content="2026-03-10T08:00:00Z"></head>
<body><article><h1>${escape(title)}</h1><p class="byline">Par Jeanne Martin</p>
${paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n')}</article></body></html>`;
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
  /** Same-event articles listed, and what the comparison said of its budget. */
  same: number;
  summary: string;
}

/**
 * Compares the page of `tabId` (from `page`, an extension page) and measures the background
 * meanwhile; `{ idleMs }` measures the same while nothing is asked (the machine's own delays:
 * on a loaded machine, timers are late with no work at all).
 */
export async function measureStall(browser: ExtensionBrowser, page: Page, work: { tabId: number } | { idleMs: number }): Promise<Stall> {
  const worker = await browser.serviceWorker();
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
      summary: reply === null ? 'idle' : reply?.ok ? `${c?.same?.length} same-event, ${c?.quotes?.length} shared quotations, ${c?.passages?.length} passages, budget spent: ${JSON.stringify(c?.budgetSpent ?? null)}` : `failed: ${reply?.error}`,
    };
  }, work);
  const longestTickGapMs = await worker.evaluate(() => {
    const g = globalThis as unknown as { recoupeTicks: { longest: number; timer: number } };
    clearInterval(g.recoupeTicks.timer);
    return g.recoupeTicks.longest;
  });
  return {
    compareMs: measured.compareMs,
    roundTrips: measured.trips.length,
    longestRoundTripMs: Math.max(0, ...measured.trips),
    longestTickGapMs,
    same: measured.same,
    summary: measured.summary,
  };
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
 * For each page: `copies` stored copies imported, the page opened in a tab and compared while the
 * background is measured (`measureStall`), then the copies deleted; an idle measure first (the
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
      const url = `${server.url}/page${i}.html`;
      const tab = await browser.context.newPage();
      await tab.goto(url, { timeout: 120_000 });
      rows.push({ page: p.name, ...(await measureStall(browser, corpus, { tabId: await browser.tabIdOf(url) })) });
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
