/**
 * Issue 16: how long after a search the words of a small import are indexed, in Chromium (the
 * builds given, chrome-mv3 folders, one after the other, `RECOUPE_PROBE_ROUNDS` (2) browsers each):
 * what a short wait of the search for them would win. Imports of 1, 3, 50, 200 and 1,000 generated
 * articles (panel-corpus.ts) sent as one import part each from an extension page; right after its
 * answer, a search of the background (`corpus/search`, one word, 50 rows; the build of the time
 * waited up to 5 s for the words, this one starts their indexing and answers), then the same
 * searched every 10 ms until none is left to index. Prints, per import, the first answer's time,
 * how many it did not look in, and when every word was indexed (from the first search); the
 * features prepared before the next import.
 * Run: flock /tmp/browser.lock node --import tsx scripts/probe/words-after-import.ts <chrome-mv3 folder>…
 */
import { execSync } from 'node:child_process';
import { launchWithExtension } from '../../tests/support/chromium-extension';
import { send } from '../bench/panel.bench';
import { generatePanelCorpus } from '../bench/panel-corpus';
import type { Preparation } from '../../extension/protocol';

const SIZES = [1, 3, 50, 200, 1000];
const ROUNDS = Number(process.env.RECOUPE_PROBE_ROUNDS ?? 2);
const builds = process.argv.slice(2);
if (builds.length === 0) throw new Error('the chrome-mv3 folders to probe');
const { articles } = generatePanelCorpus({ size: SIZES.reduce((a, b) => a + b), sameEvent: 10 });

for (const build of builds) {
  for (let round = 0; round < ROUNDS; round++) {
    const browser = await launchWithExtension({ extensionDir: build });
    try {
      const page = await browser.openExtensionPage('options.html');
      await page.waitForTimeout(3_000); // The samples put in place on install.
      let at = 0;
      for (const n of SIZES) {
        const part = articles.slice(at, at + n).map((article, i) => ({ item: `article ${i + 1}`, article }));
        at += n;
        await send(page, { type: 'corpus/import-part', fileName: 'probe.jsonl', articles: part });
        // No function declared inside (tsx would wrap it in a helper the page does not have).
        const r = await page.evaluate(async () => {
          const chrome = (globalThis as any).chrome;
          const t0 = performance.now();
          const first = await chrome.runtime.sendMessage({ type: 'corpus/search', query: 'Obama', limit: 50 });
          const searchMs = performance.now() - t0;
          let left = first.value.unindexed ?? 0;
          let indexedMs = searchMs;
          while (left) {
            await new Promise((resolve) => setTimeout(resolve, 10));
            left = (await chrome.runtime.sendMessage({ type: 'corpus/search', query: 'Obama', limit: 0 })).value.unindexed ?? 0;
            indexedMs = performance.now() - t0;
          }
          return { searchMs: Math.round(searchMs), unindexed: first.value.unindexed ?? 0, indexedMs: Math.round(indexedMs) };
        });
        console.log(JSON.stringify({ build, round, imported: n, ...r, load: execSync('cat /proc/loadavg').toString().split(' ').slice(0, 3).join(' ') }));
        for (;;) {
          const state = await send<Preparation>(page, { type: 'corpus/preparation' });
          if (state.total === state.done && !state.words) break;
          await page.waitForTimeout(300);
        }
      }
    } finally {
      await browser.close();
    }
  }
}
