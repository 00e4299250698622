/**
 * The background answers while a page made to be slow is compared (issue 20, "Bounded
 * analysis"): a page of 10,000 quotation marks, with four stored copies of it, is compared; while
 * that runs, an extension page asks the background for the settings again and again, and a timer
 * ticks in the background's service worker. No task of the background's holds it for long and
 * every answer comes, because the comparison runs in the analysis worker (in the offscreen
 * document); and the comparison ends within its budget.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servePages } from '../../scripts/serve-pages';
import { COMPARE_BUDGET } from '../../lib/compare/report';
import { KILL_GRACE_MS } from '../../extension/analysis/host';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium-extension';
import { importPrepared } from '../support/import-prepared';
import { manyMarks } from '../support/adversarial-pages';
import { adversarialArticle, copiesFile, measureStall } from '../support/stall';

let browser: ExtensionBrowser;
let server: { url: string; close(): Promise<void> };
const TITLE = 'Réforme des retraites : les syndicats jugent la réforme injuste';

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'recoupe-responsive-'));
  writeFileSync(join(dir, 'marks.html'), adversarialArticle(TITLE, manyMarks(5_000)));
  server = await servePages(dir);
  browser = await launchWithExtension();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a page of 10,000 quotation marks compared with four stored copies', () => {
  it('leaves the background answering, with no long task of its own, and ends within its budget', async () => {
    const corpus = await browser.openExtensionPage('corpus.html');
    // Compared once the background has prepared them (their features are computed after the import).
    expect(await importPrepared(corpus, 'copies.jsonl', copiesFile(TITLE, manyMarks(5_000), 4))).toMatchObject({ added: 4 });

    const url = `${server.url}/marks.html`;
    const article = await browser.context.newPage();
    await article.goto(url);
    // The machine's own delays first, over about as long as the comparison (a shared CI machine
    // under load makes timers late with no work at all).
    const idle = await measureStall(browser, corpus, { idleMs: COMPARE_BUDGET.totalMs });
    const stall = await measureStall(browser, corpus, { tabId: await browser.tabIdOf(url) });
    console.log(`responsive: idle ${COMPARE_BUDGET.totalMs / 1000} s: longest round trip ${idle.longestRoundTripMs.toFixed(0)} ms, timer gap ${idle.longestTickGapMs.toFixed(0)} ms. `
      + `Comparing: ${stall.compareMs.toFixed(0)} ms; ${stall.roundTrips} settings round trips meanwhile, longest ${stall.longestRoundTripMs.toFixed(0)} ms; background timer's longest gap ${stall.longestTickGapMs.toFixed(0)} ms, longest task in its profile ${stall.longestTaskMs.toFixed(0)} ms (idle: ${idle.longestTaskMs.toFixed(0)} ms); ${stall.summary}`);
    // The comparison ran long enough for the measure to mean something, and ended within its
    // budget (plus the grace before its worker is stopped, and the page's extraction and features).
    expect(stall.roundTrips).toBeGreaterThan(5);
    expect(stall.compareMs).toBeLessThan(COMPARE_BUDGET.totalMs + KILL_GRACE_MS + 5_000);
    expect(stall.same).toBe(4);
    // The background's own event loop: its longest task, read in a CPU profile of it, and the
    // gap of its timer, each held to a second (before the worker: 8 to 16 s). Both also count
    // the time a loaded machine leaves the thread waiting: with load 12 on 2 cores, the timer's
    // gap reached 491 ms where the longest task was 96 ms (idle: 211 ms and 214 ms); the figures
    // against the 200 ms target are printed by the adversarial bench. A round trip also crosses
    // the browser process and the asking page, which a loaded machine delays more (up to 650 ms
    // seen with load 20 on 2 cores): held to a second too (before: 16 s).
    expect(stall.longestTaskMs).toBeLessThan(1_000);
    expect(stall.longestTickGapMs).toBeLessThan(1_000);
    expect(stall.longestRoundTripMs).toBeLessThan(1_000);
  }, 120_000);
});
