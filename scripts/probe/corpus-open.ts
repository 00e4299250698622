/**
 * The corpus page's first view (issue 16): from the page's navigation to its first list in the DOM
 * (the first `data-testid="article-row"`, seen by a MutationObserver put in the page before its
 * own scripts), with the service worker running and stopped before (as Chrome stops it after ~30 s
 * idle). On the 5 samples of a fresh profile, or on a copy of a filled profile (`RECOUPE_PROBE_PROFILE`,
 * copied under `RECOUPE_PROBE_COPIES`; the build at the folder that filled it). Build chosen by RECOUPE_OUT_DIR. Prints one
 * JSON line. Run under the browser lock:
 * flock /tmp/browser.lock node --import tsx scripts/probe/corpus-open.ts [runs]
 */
import { launchWithExtension } from '../../tests/support/chromium-extension';
import { installedSamples, QUIET_PAGE, stopServiceWorker } from '../bench/panel.bench';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const runs = Number(process.argv[2] ?? 5);
const source = process.env.RECOUPE_PROBE_PROFILE;
const profileDir = source ? mkdtempSync(join(process.env.RECOUPE_PROBE_COPIES ?? '/tmp', 'recoupe-probe-')) : undefined;
if (source && profileDir) {
  cpSync(source, profileDir, { recursive: true });
  // A kept profile holds the worker script of the build that filled it: dropped, so this build's registers (panel.bench.ts `filledBrowser`).
  rmSync(join(profileDir, 'Default', 'Service Worker'), { recursive: true, force: true });
}
const browser = await launchWithExtension(profileDir ? { profileDir } : {});
try {
  // A string: a function would be sent with the helpers tsx adds to named inner functions (`__name`), which the page lacks.
  await browser.context.addInitScript(`
    const watch = new MutationObserver(() => {
      if (!document.querySelector('[data-testid="article-row"]')) return;
      globalThis.firstRowMs = performance.now();
      watch.disconnect();
    });
    watch.observe(document, { childList: true, subtree: true });
  `);
  if (!profileDir) await installedSamples(browser);
  const helper = await browser.openExtensionPage(QUIET_PAGE);
  await helper.waitForTimeout(Number(process.env.SETTLE_MS ?? 3000));
  const out: { warmMs: number[]; stoppedMs: number[] } = { warmMs: [], stoppedMs: [] };
  const open = async () => {
    const page = await browser.openExtensionPage('corpus.html');
    try {
      await page.waitForFunction(() => (globalThis as { firstRowMs?: number }).firstRowMs !== undefined, undefined, { timeout: 120_000 });
      return await page.evaluate(() => (globalThis as { firstRowMs?: number }).firstRowMs!);
    } finally {
      await page.close();
    }
  };
  await open();
  for (let i = 0; i < runs; i++) {
    out.warmMs.push(await open());
    await stopServiceWorker(browser, helper);
    out.stoppedMs.push(await open());
  }
  console.log(JSON.stringify({ build: process.env.RECOUPE_OUT_DIR, profile: source ?? 'samples', ...out }));
} finally {
  await browser.close();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
}
