import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * lib/text runs in Node (tests, CLI) and in the extension's service worker and injected
 * scripts: no Node built-ins, no DOM or extension globals, no storage.
 */
const DIR = join(__dirname, '..');
const sources = readdirSync(DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));

const FORBIDDEN: [RegExp, string][] = [
  [/from ['"](node:|fs|path|os|child_process|zlib)['"/]/, 'Node built-in import'],
  // (`indexed[D]B` is written so that the repository's own purity grep does not flag this test.)
  [/\b(window|document|localStorage|indexed[D]B|chrome|browser)\./, 'browser or extension global'],
  [/from ['"](dexie|wxt|webextension-polyfill)/, 'storage or extension import'],
];

describe('lib/text stays pure', () => {
  it.each(sources.map((f) => [f]))('%s', (file) => {
    const code = readFileSync(join(DIR, file), 'utf8');
    for (const [re, what] of FORBIDDEN) expect(code, `${file}: ${what}`).not.toMatch(re);
  });
});
