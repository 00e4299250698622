/**
 * Firefox start probe (issue 16): installs the extension in Firefox and reads, from the options
 * page, when its background page's script had been evaluated and its listeners set (handlers.ts
 * `workerTimings`, ms since the page's time origin). One start per launch: Firefox's event page
 * cannot be stopped from the driver. Build chosen by RECOUPE_OUT_DIR. Prints one JSON line.
 * Run under the browser lock: flock /tmp/browser.lock node --import tsx scripts/probe/firefox-start.ts
 */
import { launchFirefoxWithExtension } from '../../tests/e2e/firefox-launch';

const browser = await launchFirefoxWithExtension();
try {
  const page = await browser.openExtensionPage('options.html');
  const timings = await page.evaluate(async () => {
    const background = await (globalThis as any).browser.runtime.getBackgroundPage();
    const t = background?.recoupeTimings as { evaluatedMs: number; readyMs: number } | undefined;
    return t ? { evaluatedMs: t.evaluatedMs, readyMs: t.readyMs } : null;
  });
  console.log(JSON.stringify({ build: process.env.RECOUPE_OUT_DIR, ...timings }));
} finally {
  await browser.close();
}
