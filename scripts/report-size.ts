/**
 * Printed after every build: the size of what runs on every page (the content script),
 * minified and gzipped, for Chrome and Firefox. Fails the build past the budget.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildOf } from './build-dir';

const BUDGET_BYTES = 10 * 1024;

let failed = false;
for (const target of ['chrome-mv3', 'firefox-mv3'] as const) {
  const dir = resolve(buildOf(target), 'content-scripts');
  if (!existsSync(dir)) continue;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
    const code = readFileSync(join(dir, file));
    const gzipped = gzipSync(code, { level: 9 }).length;
    const over = gzipped > BUDGET_BYTES;
    failed ||= over;
    console.log(
      `content script ${target}/${file}: ${(code.length / 1024).toFixed(1)} KB minified, ${(gzipped / 1024).toFixed(2)} KB gzipped` +
        ` (budget ${BUDGET_BYTES / 1024} KB)${over ? '  OVER BUDGET' : ''}`,
    );
  }
}
if (failed) {
  console.error('The content script runs on every page and must stay under the budget: move work into the injected extraction script.');
  process.exit(1);
}
