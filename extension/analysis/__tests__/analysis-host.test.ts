/**
 * The analysis host's protocol (issue 20, "Bounded analysis"). The worker side is a function
 * over messages: its answers are the ones lib/ computes on the spot. The host side passes steps
 * on, runs one job at a time, past a job's deadline answers with what it knows and lets the
 * worker end its step (stopping it only long after). And in a real worker thread, a comparison of a page made to be slow leaves the
 * calling thread's timers on time, where the same comparison on the calling thread does not.
 */
import { readFileSync } from 'node:fs';
import { performance as nodePerformance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { extractFromText } from '../../../lib/extract';
import { computeFeatures } from '../../../lib/match';
import { comparisonReport, preparePage, reportNow, sideBySide, type ReportBudget, type ReportStep } from '../../../lib/compare/report';
import { listsOnlyReport } from '../../../lib/compare/report';
import { textKey } from '../../../lib/compare/quoted';
import type { Match } from '../../../lib/corpus-index';
import { toNewArticle, type StoredArticle } from '../../storage/article-record';
import { analysisWorker } from '../worker-side';
import { AnalysisStopped, analysisHost, dedicatedWorker, inlineEndpoint, type WorkerEndpoint } from '../host';
import type { HostMessage, PageInput, WorkerMessage } from '../messages';
import type { ComparisonReport } from '../../../lib/compare/report-types';
import { manyMarks } from '../../../tests/support/adversarial-pages';

const seed = (name: string) => readFileSync(new URL(`../../../corpus/${name}.txt`, import.meta.url), 'utf8');
const stored = (id: number, text: string, title: string): StoredArticle =>
  ({ ...toNewArticle({ ...extractFromText(text), title, language: 'fr' }, `https://example.org/${id}`, 'page', new Date('2026-03-10T09:00:00Z')), id }) as StoredArticle;
const page = (text: string, title = 'La page'): PageInput => ({ article: { text, language: 'fr', title, byline: null, publishedTime: null, firstSeen: '2026-03-10T10:00:00.000Z' } });
const match = (id: number, relation: Match['relation'] = 'same'): Match => ({ id: String(id), relation, score: 0.9, reasons: [] }) as unknown as Match;
const NO_LIMIT: ReportBudget = { totalMs: 600_000, stepMs: 600_000 };

const seed0 = seed('000_492f0f67598950be');
const articles = new Map([[1, stored(1, seed0, 'Copie')], [2, stored(2, seed('001_efc4fda914ae2fdd'), 'Autre')]]);
const read = async (ids: number[]) => ids.map((id) => articles.get(id) ?? null);

/** The worker's messages for one message in. */
async function exchange(message: HostMessage, deps: Partial<Parameters<typeof analysisWorker>[0]> = {}): Promise<WorkerMessage[]> {
  const posted: WorkerMessage[] = [];
  await analysisWorker({ read, post: (m) => posted.push(m), ...deps }).receive(message);
  return JSON.parse(JSON.stringify(posted)) as WorkerMessage[]; // As a port carries them.
}

describe('the worker side: a job in, steps and one answer out', () => {
  it('compares: the lists first, each article, the framing, then the report lib/compare makes', async () => {
    const corpus = { size: 5, matches: [match(1), match(2, 'related'), match(9)] };
    const posted = await exchange({ type: 'compare', job: 7, page: page(seed0), corpus, budget: NO_LIMIT });
    const stages = posted.map((m) => (m.type === 'step' ? `${m.step.stage}${m.step.stage === 'comparing' ? ` ${m.step.done}/${m.step.total}` : ''}` : m.type));
    expect(stages).toEqual(['listed', 'comparing 0/2', 'comparing 1/2', 'comparing 2/2', 'framing', 'done']);
    expect(posted.every((m) => m.type !== 'stopped' && m.job === 7)).toBe(true);
    const done = posted.at(-1) as Extract<WorkerMessage, { type: 'done' }>;
    const expected = reportNow(comparisonReport(preparePage(page(seed0).article), { ...corpus, stored: articles }));
    const outcome = done.value as { report: unknown; compareMs: { articleId: number }[] };
    expect(outcome.report).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(outcome.compareMs.map((c) => c.articleId)).toEqual([1, 2]);
    // The missing article (9) is left out of the lists; the copy shares quotations.
    expect(expected.same.map((a) => a.id)).toEqual([1]);
    expect(expected.quotes.length).toBeGreaterThan(0);
  });

  it('computes the page features lib/match computes, and the framing beside one stored article (null when it is not stored)', async () => {
    const [features] = await exchange({ type: 'features', job: 1, page: page(seed0) });
    expect(features).toEqual({ type: 'done', job: 1, value: JSON.parse(JSON.stringify(computeFeatures(page(seed0).article))) });
    const [framing] = await exchange({ type: 'framing', job: 2, page: page(seed0), articleId: 2 });
    expect(framing).toMatchObject({ type: 'done', job: 2, value: { articleId: 2 } });
    expect(await exchange({ type: 'framing', job: 3, page: page(seed0), articleId: 9 })).toEqual([{ type: 'done', job: 3, value: null }]);
  });

  it('sets two stored articles, or the page and a stored article, side by side as lib/compare does; null when one is gone', async () => {
    const [a, b] = [articles.get(1)!, articles.get(2)!];
    const stored2 = await exchange({ type: 'side-by-side', job: 5, a: 1, b: 2, budget: NO_LIMIT });
    expect(stored2).toEqual([{ type: 'done', job: 5, value: JSON.parse(JSON.stringify(sideBySide(a, b))) }]);
    const pageSide = { ...b, id: null, url: 'https://example.org/page' };
    const [withPage] = await exchange({ type: 'side-by-side', job: 6, a: pageSide, b: 1, budget: NO_LIMIT });
    expect(withPage).toEqual({ type: 'done', job: 6, value: JSON.parse(JSON.stringify(sideBySide(pageSide, a))) });
    expect((withPage as { value: { quotes: number } }).value.quotes).toBeGreaterThan(0);
    expect(await exchange({ type: 'side-by-side', job: 7, a: 1, b: 9, budget: NO_LIMIT })).toEqual([{ type: 'done', job: 7, value: null }]);
  });

  it('compares the page with a stored article once per version of it: asked again, it answers what it found, even with no time left to align quotations', async () => {
    // No time for any step: a comparison made in such a job stops its quotation alignment at once.
    const rushed: ReportBudget = { totalMs: 600_000, stepMs: 0 };
    const stored1 = new Map(articles);
    const posted: WorkerMessage[] = [];
    const worker = analysisWorker({ read: async (ids) => ids.map((id) => stored1.get(id) ?? null), post: (m) => posted.push(m) });
    const ask = async (budget: ReportBudget) => {
      posted.length = 0;
      await worker.receive({ type: 'compare', job: 1, page: page(seed0), corpus: { size: 5, matches: [match(1)] }, budget });
      return ((posted.at(-1) as Extract<WorkerMessage, { type: 'done' }>).value as { report: ComparisonReport }).report;
    };
    const full = await ask(NO_LIMIT);
    expect(full.quotes.length).toBeGreaterThan(0);
    expect(full.budgetSpent).toBeUndefined();
    // The same version: its comparison kept, the same report.
    expect(await ask(rushed)).toEqual(full);
    // Saved again (a new version): compared again, in no time.
    stored1.set(1, { ...articles.get(1)!, updatedAt: '2026-03-11T09:00:00.000Z' });
    expect((await ask(rushed)).budgetSpent).toMatchObject({ quotesPartial: 1 });
  });

  it('answers a failure as a message, not a thrown error', async () => {
    const failing = async () => {
      throw new Error('The transaction was aborted');
    };
    expect(await exchange({ type: 'framing', job: 4, page: page(seed0), articleId: 1 }, { read: failing })).toEqual([{ type: 'failed', job: 4, error: 'The transaction was aborted' }]);
  });
});

/** An endpoint the test plays the worker of: what was posted, restarts counted, messages sent back by hand. */
function scriptedEndpoint() {
  const posted: HostMessage[] = [];
  let receive: (m: WorkerMessage) => void = () => {};
  let restarts = 0;
  const endpoint: WorkerEndpoint = { post: (m) => posted.push(m), listen: (r) => (receive = r), restart: () => restarts++ };
  return { endpoint, posted, reply: (m: WorkerMessage) => receive(m), restarts: () => restarts };
}
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const LISTS = { corpusSize: 3, same: [{ id: 1, title: 'Copie', site: null, publishedTime: null, relation: 'same' as const, score: 0.9, reasons: [] }], related: [] };

describe('the host side: one job at a time, each held to its deadline', () => {
  it('passes the steps on and answers with the worker’s answer', async () => {
    const w = scriptedEndpoint();
    const host = analysisHost(w.endpoint, 50);
    const steps: ReportStep['stage'][] = [];
    const answer = host.compare(page('texte'), { size: 3, matches: [match(1)] }, NO_LIMIT, (s) => steps.push(s.stage));
    await tick();
    const job = (w.posted[0] as { job: number }).job;
    w.reply({ type: 'step', job, step: { stage: 'listed', lists: LISTS } });
    w.reply({ type: 'step', job, step: { stage: 'comparing', done: 0, total: 1, articleId: 1 } });
    const outcome = { report: listsOnlyReport(LISTS, 1, 0, textKey('texte')), compareMs: [], framingMs: 0 };
    w.reply({ type: 'done', job, value: outcome });
    expect(await answer).toEqual(outcome);
    expect(steps).toEqual(['listed', 'comparing']);
    expect(w.restarts()).toBe(0);
  });

  it('past the budget and its grace, answers the lists, every listed article not compared, and leaves the worker to end its step, the next job waiting for it', async () => {
    const w = scriptedEndpoint();
    const host = analysisHost(w.endpoint, 30, 60_000);
    const budget = { totalMs: 40, stepMs: 10 };
    const started = performance.now();
    const answer = host.compare(page('texte'), { size: 3, matches: [match(1)] }, budget, () => {});
    await tick();
    const job = (w.posted[0] as { job: number }).job;
    w.reply({ type: 'step', job, step: { stage: 'listed', lists: LISTS } });
    w.reply({ type: 'step', job, step: { stage: 'comparing', done: 0, total: 1, articleId: 1 } });
    const { report } = await answer;
    expect(performance.now() - started).toBeGreaterThanOrEqual(budget.totalMs + 30 - 2);
    expect(report).toEqual({ ...LISTS, pageKey: textKey('texte'), quotes: [], passages: [], framing: null, coverage: { overall: 0, sameEvent: null, byArticle: [] }, budgetSpent: { totalMs: 40, notCompared: 1, quotesPartial: 0, framingSkipped: true, storySkipped: true } });
    // Not stopped: what it prepared (the page, the stored articles) is kept for the next request.
    expect(w.restarts()).toBe(0);

    // The next job is posted when the worker has ended the one answered late, whose words are not taken for the next job's.
    const features = host.features(page('texte'), 1_000);
    await tick();
    expect(w.posted).toHaveLength(1);
    w.reply({ type: 'done', job, value: { report, compareMs: [], framingMs: 0 } });
    await tick();
    const next = (w.posted[1] as { job: number }).job;
    expect(next).not.toBe(job);
    w.reply({ type: 'done', job: next, value: { v: 'features' } as never });
    expect(await features).toEqual({ v: 'features' });
  });

  it('stops a worker still busy long after a deadline (a step that does not end), and the next job goes to a fresh one', async () => {
    const w = scriptedEndpoint();
    const host = analysisHost(w.endpoint, 10, 30);
    await expect(host.framing(page('texte'), 1, 20)).rejects.toEqual(new AnalysisStopped('deadline'));
    expect(w.restarts()).toBe(0);
    const features = host.features(page('texte'), 1_000);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(w.restarts()).toBe(1);
    expect(w.posted.map((m) => m.type)).toEqual(['framing', 'features']);
    w.reply({ type: 'done', job: (w.posted[1] as { job: number }).job, value: { v: 'features' } as never });
    expect(await features).toEqual({ v: 'features' });
  });

  it('runs jobs one after another, and a worker that stopped by itself fails a framing and ends a comparison with its lists', async () => {
    const w = scriptedEndpoint();
    const host = analysisHost(w.endpoint, 1_000);
    const compared = host.compare(page('texte'), { size: 3, matches: [match(1)] }, NO_LIMIT, () => {});
    const framed = host.framing(page('texte'), 1, 1_000);
    await tick();
    expect(w.posted.map((m) => m.type)).toEqual(['compare']);
    w.reply({ type: 'step', job: (w.posted[0] as { job: number }).job, step: { stage: 'listed', lists: LISTS } });
    w.reply({ type: 'stopped' });
    expect((await compared).report.budgetSpent).toMatchObject({ notCompared: 1, framingSkipped: true });
    await tick();
    expect(w.posted.map((m) => m.type)).toEqual(['compare', 'framing']);
    w.reply({ type: 'stopped' });
    await expect(framed).rejects.toEqual(new AnalysisStopped('stopped'));
  });
});

/** The worker side in a Node worker thread (tests/support/node-analysis-worker.ts), the way a browser's Worker runs it. */
function threadWorker(stored: StoredArticle[]): WorkerEndpoint {
  return dedicatedWorker((receive) => {
    // A TypeScript entry: tsx registered in the thread first (a .ts file as the entry is refused).
    const url = new URL('../../../tests/support/node-analysis-worker.ts', import.meta.url).href;
    const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url)}); })`;
    const worker = new Worker(boot, { eval: true, workerData: { stored } });
    worker.on('message', receive);
    worker.on('error', () => receive({ type: 'stopped' }));
    return { postMessage: (m) => worker.postMessage(m), terminate: () => worker.terminate() };
  });
}

/**
 * The longest gap of a 10 ms timer on this thread while `work` runs, and the time this thread's
 * event loop was busy meanwhile (Node's event loop utilisation: unlike the gap, not lengthened
 * by a loaded machine leaving the thread waiting).
 */
async function longestGap<T>(work: () => Promise<T>): Promise<{ value: T; gapMs: number; busyMs: number; ms: number }> {
  const elu = nodePerformance.eventLoopUtilization();
  let last = performance.now();
  let gapMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    gapMs = Math.max(gapMs, now - last);
    last = now;
  }, 10);
  const start = performance.now();
  try {
    const value = await work();
    return { value, gapMs: Math.max(gapMs, performance.now() - last), busyMs: nodePerformance.eventLoopUtilization(elu).active, ms: performance.now() - start };
  } finally {
    clearInterval(timer);
  }
}

describe('a page of 10,000 quotation marks compared with three stored copies', () => {
  const marks = manyMarks(5_000);
  const copies = [1, 2, 3].map((id) => stored(id, marks, 'Copie'));
  const corpus = { size: 3, matches: copies.map((c) => match(c.id)) };
  const budget: ReportBudget = { totalMs: 3_000, stepMs: 500 };

  it('in a worker thread, leaves this thread’s timers on time and ends within its budget and grace', async () => {
    // A fifth of what the whole comparison takes on a quiet machine (1.5 s since the page's words
    // and sentences are read in one pass; 3.0 s before): the budget runs out however fast the
    // machine is (at 1 s a quiet CI machine finished everything).
    const budget: ReportBudget = { totalMs: 300, stepMs: 150 };
    const host = analysisHost(threadWorker(copies), 2_000);
    // Started, and its code loaded, before the measure.
    await host.features(page('Un texte.'), 60_000);
    const { value, gapMs, busyMs, ms } = await longestGap(() => host.compare(page(marks), corpus, budget, () => {}));
    console.log(`worker thread: comparison ${ms.toFixed(0)} ms, this thread busy ${busyMs.toFixed(0)} ms of it, longest timer gap ${gapMs.toFixed(0)} ms; budget spent: ${JSON.stringify(value.report.budgetSpent)}`);
    // Busy well under a second in all, where the same comparison on this thread is busy for the
    // whole budget (the next test). Not 200 ms: the thread's event-loop time also counts the time
    // a loaded machine leaves it waiting mid-message (23 ms at load 11, 167–409 ms at load 16, 2 cores).
    expect(busyMs).toBeLessThan(1_000);
    expect(ms).toBeLessThan(budget.totalMs + 2_000 + 500);
    expect(value.report.same.map((a) => a.id)).toEqual([1, 2, 3]);
    // The budget ran out, and the report says what it left out; how far it got depends on the
    // machine's speed (a quiet machine reaches every article, partly; a loaded one fewer).
    const spent = value.report.budgetSpent;
    expect(spent).toBeDefined();
    expect(spent!.notCompared + spent!.quotesPartial + (spent!.framingSkipped ? 1 : 0)).toBeGreaterThan(0);
  }, 60_000);

  it('on this thread (the host without a worker), stalls it for over half a second in all, over the 200 ms target at a stretch: what the worker is for', async () => {
    const host = analysisHost(inlineEndpoint({ read: async (ids) => ids.map((id) => copies.find((c) => c.id === id) ?? null) }), 2_000);
    const { gapMs, busyMs } = await longestGap(() => host.compare(page(marks), corpus, budget, () => {}));
    console.log(`same thread: busy ${busyMs.toFixed(0)} ms, longest timer gap ${gapMs.toFixed(0)} ms`);
    // The longest step: preparing the page (the framing, over a second before its stems were made
    // once per article; 540 ms on a CI machine once its words were read in one pass).
    expect(gapMs).toBeGreaterThan(250);
    expect(busyMs).toBeGreaterThan(600);
  }, 60_000);
});

describe('the budget counts from the request\'s start: what extraction and matching spent is spent', () => {
  afterEach(() => void vi.useRealTimers());
  const corpus = { size: 5, matches: [match(1), match(2, 'related')] };
  const budget: ReportBudget = { totalMs: 40, stepMs: 10 };

  it.each([
    { name: 'counted from the job (no start given)', spent: undefined, answeredAfter: 40 + 30 },
    { name: 'nothing spent before the job', spent: 0, answeredAfter: 40 + 30 },
    { name: 'three quarters spent extracting and matching', spent: 30, answeredAfter: 10 + 30 },
    { name: 'all of it spent', spent: 40, answeredAfter: 30 },
    { name: 'more than all of it spent: the grace only', spent: 500, answeredAfter: 30 },
  ])('host, $name: the worker is told it, and a worker that does not answer is answered for after $answeredAfter ms', async ({ spent, answeredAfter }) => {
    vi.useFakeTimers();
    const clock = 1_000;
    const w = scriptedEndpoint();
    const host = analysisHost(w.endpoint, 30, 60_000, () => clock);
    let answered = false;
    const answer = host.compare(page('texte'), corpus, budget, () => {}, spent === undefined ? undefined : clock - spent).then((r) => ((answered = true), r));
    await vi.advanceTimersByTimeAsync(answeredAfter - 1);
    expect(w.posted).toMatchObject([{ type: 'compare', spentMs: spent ?? 0 }]);
    expect(answered).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(answered).toBe(true);
    expect((await answer).report.budgetSpent).toMatchObject({ totalMs: 40, framingSkipped: true });

    // The page's features are held to the same count.
    let featured = false;
    void host.features(page('autre'), budget.totalMs, spent === undefined ? undefined : clock - spent).catch(() => (featured = true));
    w.reply({ type: 'done', job: (w.posted[0] as { job: number }).job, value: {} as never }); // The late comparison ends: the worker is free.
    await vi.advanceTimersByTimeAsync(answeredAfter - 1);
    expect(featured).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(featured).toBe(true);
  });

  it.each([
    { name: 'no time spent before the job', spentMs: undefined, compared: true },
    { name: 'all but a millisecond spent (the clock stands still)', spentMs: 39, compared: true },
    { name: 'all of it spent', spentMs: 40, compared: false },
    { name: 'twice of it spent', spentMs: 80, compared: false },
  ])('worker, $name: compared in detail $compared', async ({ spentMs, compared }) => {
    // The clock stands still: only what the request spent before the job counts.
    const posted = await exchange({ type: 'compare', job: 1, page: page(seed0), corpus, budget, ...(spentMs === undefined ? {} : { spentMs }) }, { now: () => 5_000 });
    const stages = posted.map((m) => (m.type === 'step' ? m.step.stage : m.type));
    const { report } = (posted.at(-1) as Extract<WorkerMessage, { type: 'done' }>).value as { report: ComparisonReport };
    expect(report.same.map((a) => a.id)).toEqual([1]);
    expect(report.related.map((a) => a.id)).toEqual([2]);
    if (compared) {
      expect(stages).toEqual(['listed', 'comparing', 'comparing', 'comparing', 'framing', 'done']);
      expect(report.budgetSpent).toBeUndefined();
      expect(report.quotes.length).toBeGreaterThan(0);
    } else {
      // The lists, and nothing else: the page is not even prepared.
      expect(stages).toEqual(['listed', 'done']);
      expect(report).toMatchObject({ quotes: [], passages: [], framing: null, budgetSpent: { totalMs: 40, notCompared: 2, quotesPartial: 0, framingSkipped: true, storySkipped: true } });
      expect(report.pageKey).toBe(textKey(seed0));
    }
  });
});
