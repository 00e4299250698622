/**
 * The corpus search both ways in one run (issue 16): through the background (`corpus/search` sent
 * from an extension page, as the corpus page asked before page-search.ts) and in the corpus page
 * itself (`recoupePageSearch`, scale-chromium.bench.ts `pageSearches`); warm, the service worker
 * stopped before, and (the page's) the first search of a corpus page just opened. On the 5 samples
 * of a fresh profile, then on a copy of a filled profile (`RECOUPE_PROBE_PROFILE`: made by
 * panel.bench.ts; the build at the folder that filled it, RECOUPE_OUT_DIR). Prints one JSON line
 * per profile and the medians. scale-chromium.bench.ts measures the same within its larger run;
 * this probe skips its first-open and upgrade measures (a copy opened as it is).
 * Run under the browser lock: flock /tmp/browser.lock node --import tsx scripts/probe/page-search.ts
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { launchWithExtension } from '../../tests/support/chromium-extension';
import { installedSamples, QUIET_PAGE, send, stopServiceWorker } from '../bench/panel.bench';
import { pageSearches, QUERIES, type ProfileFigures } from '../bench/scale-chromium.bench';
import { percentiles } from '../bench/bench';
import type { CorpusListing } from '../../extension/storage/corpus';

const REPEAT = Number(process.env.RECOUPE_PROBE_REPEAT ?? 5);
const COLD = 3;
const median = (xs: number[]) => percentiles(xs).median;

async function measure(profileDir: string | null) {
  const copy = profileDir ? mkdtempSync(join(process.env.RECOUPE_PROBE_COPIES ?? '/tmp', 'recoupe-probe-')) : null;
  if (profileDir && copy) {
    cpSync(profileDir, copy, { recursive: true });
    rmSync(join(copy, 'Default', 'Service Worker'), { recursive: true, force: true });
  }
  const browser = await launchWithExtension(copy ? { profileDir: copy } : {});
  try {
    if (!copy) await installedSamples(browser);
    const page = await browser.openExtensionPage(QUIET_PAGE);
    // A copy's first messages can be lost (its worker's registration dropped: scale-chromium.bench.ts
    // saw sendMessage never settle, a copy sent later answered): sent again until one is answered.
    await page.evaluate(async (m) => {
      for (let k = 0; k < 12; k++) {
        const reply = await Promise.race([(globalThis as any).chrome.runtime.sendMessage(m), new Promise((ok) => setTimeout(() => ok(null), 10_000))]);
        if (reply) return;
      }
      throw new Error('the background never answered');
    }, { type: 'corpus/search', query: QUERIES[0][1], limit: 0 });
    // An import's words indexed first (words-later.ts): searched until none is left.
    for (let i = 0; (await send<CorpusListing>(page, { type: 'corpus/search', query: QUERIES[0][1], limit: 0 })).unindexed; i++) {
      if (i > 360) throw new Error('words still to index after 30 min');
      await page.waitForTimeout(5_000);
    }
    const asked = (query: string) => page.evaluate(async (q) => {
      const t0 = performance.now();
      const reply = await (globalThis as any).chrome.runtime.sendMessage({ type: 'corpus/search', query: q, sort: 'relevance', direction: 'desc', limit: 50 });
      if (!reply?.ok) throw new Error(reply?.error);
      return { ms: performance.now() - t0, matches: (reply.value as CorpusListing).ids.length };
    }, query);
    const search: ProfileFigures['search'] = [];
    for (const [kind, query] of QUERIES) {
      const ms: number[] = [];
      let matches = 0;
      for (let i = 0; i < REPEAT; i++) {
        const r = await asked(query);
        ms.push(r.ms);
        matches = r.matches;
      }
      search.push({ kind, query, ms, coldMs: [], matches });
    }
    for (let i = 0; i < COLD; i++) {
      for (const [q, [, query]] of QUERIES.entries()) {
        await stopServiceWorker(browser, page);
        search[q]!.coldMs.push((await asked(query)).ms);
      }
    }
    const mine = await pageSearches(browser, page, search);
    const articles = (await send<CorpusListing>(page, { type: 'corpus/search', limit: 0 })).total;
    return { articles, search, page: mine };
  } finally {
    await browser.close();
    if (copy) rmSync(copy, { recursive: true, force: true });
  }
}

const profiles = [null, ...(process.env.RECOUPE_PROBE_PROFILE ? [process.env.RECOUPE_PROBE_PROFILE] : [])];
for (const p of profiles) {
  const r = await measure(p);
  console.log(JSON.stringify(r));
  const f = (x: number) => x.toFixed(0);
  for (const [i, s] of r.search.entries()) {
    const m = r.page?.[i];
    console.log(`${r.articles} articles, ${s.kind} (${s.query}, ${s.matches} found): background warm ${f(median(s.ms))}, worker stopped ${f(median(s.coldMs))} ms`
      + (m ? `; corpus page warm ${f(median(m.ms))} (×${(median(m.ms) / median(s.ms)).toFixed(2)}), worker stopped ${f(median(m.stoppedMs))} (×${(median(m.stoppedMs) / median(s.coldMs)).toFixed(2)}), page just opened ${f(median(m.freshMs))} ms` : '; no search in the corpus page in this build'));
  }
}
