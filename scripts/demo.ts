/**
 * `npm start` ends here: serves the seed article pages on 127.0.0.1 and, where there is a
 * display, opens Chromium with the built extension loaded on the first seed page (the sample
 * corpus is put in place on install). Without a display it says where the built extension is
 * and how to load it. Ctrl-C stops it.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { servePages } from './serve-pages';
import { buildOf } from './build-dir';

const CHROME_BUILD = buildOf('chrome-mv3');
const FIREFOX_BUILD = buildOf('firefox-mv3');
const PORT = Number(process.env.PORT ?? 8317);
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(existsSync);

if (!existsSync(join(CHROME_BUILD, 'manifest.json'))) {
  console.error('No built extension in .output/: run `npm run build` first (or `npm start`, which does it all).');
  process.exit(1);
}

const server = await servePages(resolve('corpus/pages'), PORT);
const firstPage = `${server.url}/000_492f0f67598950be.html`;
console.log(`Seed article pages served at ${server.url}/ (127.0.0.1 only).`);

const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY || process.platform === 'darwin' || process.platform === 'win32');
if (hasDisplay && CHROMIUM) {
  const profile = mkdtempSync(join(tmpdir(), 'recoupe-demo-'));
  spawn(CHROMIUM, [
    `--user-data-dir=${profile}`, '--no-first-run', '--disable-background-networking', '--disable-sync',
    `--disable-extensions-except=${CHROME_BUILD}`, `--load-extension=${CHROME_BUILD}`, firstPage,
  ], { stdio: 'ignore' }).on('exit', () => void server.close().then(() => process.exit(0)));
  console.log(`Chromium is open on ${firstPage} with Recoupe loaded: click the Recoupe button in the toolbar to open the side panel.`);
} else {
  console.log(`
No display here${CHROMIUM ? '' : ' (or no Chromium)'}, so no browser was started. The built extension is in:
  Chrome/Chromium/Edge: ${CHROME_BUILD}
  Firefox:              ${FIREFOX_BUILD}
Load it in Chrome: chrome://extensions → Developer mode → Load unpacked → choose the folder above.
Load it in Firefox: about:debugging#/runtime/this-firefox → Load Temporary Add-on → choose manifest.json in the folder above.
Then open ${firstPage} and click the Recoupe button in the toolbar.`);
}
console.log('Ctrl-C to stop.');
process.on('SIGINT', () => void server.close().then(() => process.exit(0)));
