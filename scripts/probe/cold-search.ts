/**
 * Cold-start probe (issue 16): stops the extension's service worker, wakes it with a corpus search
 * from the options page, and reads where the new worker spent its time (handlers.ts `workerTimings`).
 * Build chosen by RECOUPE_OUT_DIR. Prints one JSON line: each run's figures.
 * Run under the browser lock: flock /tmp/browser.lock node --import tsx scripts/probe/cold-search.ts [runs]
 */
import { launchWithExtension } from '../../tests/support/chromium-extension';
import { QUIET_PAGE, serviceWorkerDevTools, stopServiceWorker } from '../bench/panel.bench';

const runs = Number(process.argv[2] ?? 5);
const browser = await launchWithExtension();
try {
  const page = await browser.openExtensionPage(QUIET_PAGE);
  // The first start loads the sample articles and prepares them: let that finish before stopping the worker.
  await page.waitForTimeout(Number(process.env.SETTLE_MS ?? 8000));
  const out: { requestMs: number; evaluatedMs: number; readyMs: number; arrivedMs: number; handledMs: number }[] = [];
  for (let i = 0; i < runs; i++) {
    await stopServiceWorker(browser, page);
    const requestMs = await page.evaluate(async () => {
      const t0 = performance.now();
      const reply = await (globalThis as any).chrome.runtime.sendMessage({ type: 'corpus/search', query: 'gouvernement', sort: 'relevance', direction: 'desc', limit: 50 });
      if (!reply?.ok) throw new Error(`search failed: ${reply?.error}`);
      return performance.now() - t0;
    });
    const devtools = await serviceWorkerDevTools(browser, page);
    try {
      const { result } = await devtools.call<{ result: { value?: string } }>('Runtime.evaluate', { expression: 'JSON.stringify(globalThis.recoupeTimings ?? null)', returnByValue: true });
      const t = JSON.parse(result.value ?? 'null') as { evaluatedMs: number; readyMs: number; requests: { type: string; atMs: number; ms: number }[] };
      const r = t.requests.filter((q) => q.type === 'corpus/search').at(-1)!;
      out.push({ requestMs, evaluatedMs: t.evaluatedMs, readyMs: t.readyMs, arrivedMs: r.atMs, handledMs: r.ms });
    } finally {
      await devtools.detach();
    }
  }
  console.log(JSON.stringify({ build: process.env.RECOUPE_OUT_DIR, runs: out }));
} finally {
  await browser.close();
}
