/**
 * Whether Chromium stops the extension's service worker when idle, with and without Playwright
 * attached (issue 16: the merges' `awake` calls are measured only if the harness lets the worker
 * stop). Launches Debian's Chromium on the build of RECOUPE_OUT_DIR with a DevTools port and no
 * client attached to the worker, then lists the targets (`/json/list`, which attaches to nothing)
 * every 5 s for `seconds` (default 120): the worker's presence over time.
 * Run: RECOUPE_OUT_DIR=… flock /tmp/browser.lock node --import tsx scripts/probe/worker-idle.ts [seconds]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROME_BUILD } from '../../tests/support/chromium-extension';

const seconds = Number(process.argv[2] ?? 120);
const profile = mkdtempSync(join(tmpdir(), 'recoupe-idle-'));
const port = 9400 + Math.floor(Math.random() * 500);
const chrome = spawn('/usr/bin/chromium', ['--headless=new', `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, '--no-sandbox', '--disable-gpu', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', `--disable-extensions-except=${CHROME_BUILD}`, `--load-extension=${CHROME_BUILD}`, 'about:blank'], { stdio: 'ignore' });
try {
  const start = performance.now();
  const seen: string[] = [];
  while (performance.now() - start < seconds * 1000) {
    await new Promise((r) => setTimeout(r, 5000));
    try {
      const list = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json() as { type: string; url: string }[];
      const workers = list.filter((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://')).length;
      seen.push(`${((performance.now() - start) / 1000).toFixed(0)}s:${workers}`);
    } catch (e) {
      seen.push(`${((performance.now() - start) / 1000).toFixed(0)}s:?`);
    }
  }
  console.log(`service workers of the extension listed (time since launch: count): ${seen.join(' ')}`);
} finally {
  chrome.kill();
  await new Promise((r) => setTimeout(r, 1000));
  rmSync(profile, { recursive: true, force: true });
}
