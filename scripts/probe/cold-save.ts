/**
 * Cold-save probe (issue 16): opens a seed page, stops the extension's service worker, and times
 * `corpus/save-tab` sent from the options page (the save wakes the worker and detects the page's
 * language). Build chosen by RECOUPE_OUT_DIR. Prints one JSON line: each run's figures.
 * Run under the browser lock: flock /tmp/browser.lock node --import tsx scripts/probe/cold-save.ts [runs]
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchWithExtension } from '../../tests/support/chromium-extension';
import { servePages } from '../serve-pages';
import { QUIET_PAGE, serviceWorkerDevTools, stopServiceWorker } from '../bench/panel.bench';

const runs = Number(process.argv[2] ?? 5);
const names = readdirSync(resolve('corpus/pages')).filter((n) => n.endsWith('.html')).sort();
const pages = await servePages(resolve('corpus/pages'));
const browser = await launchWithExtension();
try {
  const page = await browser.openExtensionPage(QUIET_PAGE);
  await page.waitForTimeout(Number(process.env.SETTLE_MS ?? 8000));
  const out: { requestMs: number; evaluatedMs: number; arrivedMs: number; handledMs: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const url = `${pages.url}/${names[i % names.length]}`;
    const article = await browser.context.newPage();
    await article.goto(url);
    const tabId = await browser.tabIdOf(url);
    await page.waitForTimeout(4000); // The previous save's index written (see scale-chromium.bench.ts saveToStory).
    await stopServiceWorker(browser, page);
    const requestMs = await page.evaluate(async (tab) => {
      const t0 = performance.now();
      const reply = await (globalThis as any).chrome.runtime.sendMessage({ type: 'corpus/save-tab', tabId: tab });
      if (!reply?.ok) throw new Error(`save failed: ${reply?.error}`);
      return performance.now() - t0;
    }, tabId);
    const devtools = await serviceWorkerDevTools(browser, page);
    try {
      const { result } = await devtools.call<{ result: { value?: string } }>('Runtime.evaluate', { expression: 'JSON.stringify(globalThis.recoupeTimings ?? null)', returnByValue: true });
      const t = JSON.parse(result.value ?? 'null') as { evaluatedMs: number; requests: { type: string; atMs: number; ms: number }[] };
      const r = t.requests.filter((q) => q.type === 'corpus/save-tab').at(-1)!;
      out.push({ requestMs, evaluatedMs: t.evaluatedMs, arrivedMs: r.atMs, handledMs: r.ms });
    } finally {
      await devtools.detach();
    }
    await article.close();
  }
  console.log(JSON.stringify({ build: process.env.RECOUPE_OUT_DIR, runs: out }));
} finally {
  await browser.close();
  await pages.close();
}
