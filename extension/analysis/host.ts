/**
 * The background's side of the analysis worker (issue 20, "Bounded analysis"): it sends one job
 * at a time, passes the steps on (the panel's progress line), and holds each job to a deadline.
 * A comparison runs within its budget (lib/compare/report) and a step may overrun it (preparing a
 * text is not budgeted): past the budget and a grace, the job is answered with what is known —
 * the lists, nothing compared, said. The worker is left to end its step and stop by itself
 * (the report checks its budget between steps), so that what it prepared for the page and the
 * stored articles is there for the next request; the next job waits for it. A worker still busy
 * long after (`STOP_AFTER_MS`: a step that does not end) is stopped — a worker can be, an event
 * loop cannot — and what it prepared is lost.
 *
 * The worker is reached through an endpoint, the thin glue of each browser: a dedicated Worker
 * (Firefox's background page; Chrome's offscreen document, reached over a port), or the same
 * thread (`inlineEndpoint`: Node, tests).
 */
import { listsOnlyReport, type ReportBudget, type ReportStep, type SideBySideInput } from '../../lib/compare/report';
import { textKey } from '../../lib/compare/quoted';
import type { StoryLists } from '../../lib/compare/report-types';
import type { AnalysisJob, HostMessage, JobValue, PageInput, WorkerMessage, CompareOutcome } from './messages';
import { analysisWorker, type WorkerDeps } from './worker-side';

export interface WorkerEndpoint {
  post(message: HostMessage): void;
  /** Set once: every message of the worker (and `stopped` from the glue). */
  listen(receive: (message: WorkerMessage) => void): void;
  /** Stops the worker now, whatever it is doing; the next job starts a fresh one. */
  restart(): void;
}

/** Time past a comparison's budget before it is answered with what is known: a step may overrun (preparing one text, one alignment step). */
export const KILL_GRACE_MS = 2_000;

/** Time past a job's deadline before a worker still busy with it is stopped (what it prepared is then lost). */
export const STOP_AFTER_MS = 30_000;

/** Why a job has no answer: its deadline passed, or its worker stopped by itself. */
export class AnalysisStopped extends Error {
  constructor(readonly reason: 'deadline' | 'stopped') {
    super(reason === 'deadline' ? 'The analysis took too long and was stopped.' : 'The analysis stopped before answering.');
  }
}

interface Running {
  job: number;
  onStep(step: ReportStep): void;
  resolve(value: unknown): void;
  reject(error: Error): void;
  /** The worker stopped (crash, its document gone): what is known, or `AnalysisStopped`. */
  stopped(): void;
}

type JobWithout<T extends AnalysisJob['type']> = Omit<Extract<AnalysisJob, { type: T }>, 'job'>;

export interface AnalysisHost {
  /**
   * The page's match features (lib/match); rejects with `AnalysisStopped` past `withinMs` and the
   * grace, counted from `startedAt` (the request's start, on the host's clock; by default when the job is sent).
   */
  features(page: PageInput, withinMs: number, startedAt?: number): Promise<JobValue['features']>;
  /**
   * The page compared with the matched articles; steps as they come. Answers within the budget and
   * the grace, counted from `startedAt` (the request's start, on the host's clock: extracting and
   * matching the page spent part of it; by default when the job is sent). The worker is told how
   * much was spent when it gets the job (a job may wait for the one before it).
   */
  compare(page: PageInput, corpus: JobWithout<'compare'>['corpus'], budget: ReportBudget, onStep: (step: ReportStep) => void, startedAt?: number): Promise<CompareOutcome>;
  /** The page's framing beside one stored article; rejects with `AnalysisStopped` past `withinMs`. */
  framing(page: PageInput, articleId: number, withinMs: number): Promise<JobValue['framing']>;
  /** Two articles side by side (a tab's page or a stored one, and a stored one); rejects with `AnalysisStopped` past the budget and the grace. */
  sideBySide(a: SideBySideInput | number, b: number, budget: ReportBudget): Promise<JobValue['side-by-side']>;
}

export function analysisHost(endpoint: WorkerEndpoint, graceMs = KILL_GRACE_MS, stopAfterMs = STOP_AFTER_MS, now: () => number = () => performance.now()): AnalysisHost {
  let nextJob = 0;
  let running: Running | null = null;
  /** Jobs run one after another: the next is posted when the worker is free (answered or stopped). */
  let queue: Promise<void> = Promise.resolve();

  endpoint.listen((message) => {
    if (!running) return;
    if (message.type === 'stopped') return running.stopped();
    if (message.job !== running.job) return;
    if (message.type === 'step') running.onStep(message.step);
    else if (message.type === 'done') running.resolve(message.value);
    else running.reject(new Error(message.error));
  });

  /**
   * Runs a job, made when the worker is free (`job` is given the milliseconds since `startedAt`);
   * past what is left of `withinMs` counted from `startedAt` (by default, from when it is sent),
   * plus `grace`, `late` answers, or the job fails, and the worker is left to end it, up to
   * `stopAfterMs` more.
   */
  const run = <T>(job: (spentMs: number) => AnalysisJob, withinMs: number, startedAt: number | undefined, grace: number, onStep: (step: ReportStep) => void, late?: () => T): Promise<T> => new Promise<T>((resolve, reject) => {
    let answered = false;
    const answer = (give: () => void) => {
      if (answered) return;
      answered = true;
      give();
    };
    const giveUp = (reason: AnalysisStopped['reason']) => answer(() => (late ? resolve(late()) : reject(new AnalysisStopped(reason))));
    queue = queue.then(() => new Promise<void>((free) => {
      let stopTimer: ReturnType<typeof setTimeout> | undefined;
      const end = () => {
        clearTimeout(deadline);
        clearTimeout(stopTimer);
        running = null;
        free();
      };
      const spentMs = startedAt === undefined ? 0 : Math.max(0, now() - startedAt);
      const deadline = setTimeout(() => {
        giveUp('deadline');
        stopTimer = setTimeout(() => {
          endpoint.restart();
          end();
        }, stopAfterMs);
      }, Math.max(0, withinMs - spentMs) + grace);
      const posted = job(spentMs);
      running = {
        job: posted.job,
        onStep: (step) => answered || onStep(step),
        resolve: (value) => (answer(() => resolve(value as T)), end()),
        reject: (error) => (answer(() => reject(error)), end()),
        stopped: () => (giveUp('stopped'), end()),
      };
      endpoint.post(posted);
    }));
  });

  return {
    features(page, withinMs, startedAt) {
      return run(() => ({ type: 'features', job: ++nextJob, page }), withinMs, startedAt, graceMs, () => {});
    },
    compare(page, corpus, budget, onStep, startedAt) {
      let lists: StoryLists | null = null;
      let toCompare: number | null = null;
      const seen = (step: ReportStep) => {
        if (step.stage === 'listed') lists = step.lists;
        if (step.stage === 'comparing') toCompare = step.total;
        onStep(step);
      };
      // Stopped at the deadline: the lists when they came, every listed article not compared.
      const late = (): CompareOutcome => {
        const known: StoryLists = lists ?? { corpusSize: corpus.size, same: [], related: [] };
        const notCompared = toCompare ?? known.same.length + known.related.length;
        return { report: listsOnlyReport(known, budget.totalMs, notCompared, textKey(page.article.text)), compareMs: [], framingMs: 0 };
      };
      return run((spentMs) => ({ type: 'compare', job: ++nextJob, page, corpus, budget, spentMs }), budget.totalMs, startedAt, graceMs, seen, late);
    },
    framing(page, articleId, withinMs) {
      return run(() => ({ type: 'framing', job: ++nextJob, page, articleId }), withinMs, undefined, 0, () => {});
    },
    sideBySide(a, b, budget) {
      return run(() => ({ type: 'side-by-side', job: ++nextJob, a, b, budget }), budget.totalMs, undefined, graceMs, () => {});
    },
  };
}

/**
 * The worker on the caller's own thread (Node, tests, benches; a browser without workers): its
 * steps yield to the event loop, but a step cannot be stopped.
 */
export function inlineEndpoint(deps: Omit<WorkerDeps, 'post'>): WorkerEndpoint {
  let receive: (message: WorkerMessage) => void = () => {};
  const worker = analysisWorker({ ...deps, post: (message) => receive(message) });
  return {
    // A microtask, not a timer: tests that fake the timers still get their answers.
    post: (message) => queueMicrotask(() => void worker.receive(message)),
    listen: (r) => (receive = r),
    restart: () => {},
  };
}

/** What `dedicatedWorker` needs of a Worker: the browser's and Node's `worker_threads` both fit through a small adapter. */
export interface WorkerLike {
  postMessage(message: HostMessage): void;
  terminate(): unknown;
}

/**
 * A dedicated Worker, started on the first job and again after a restart or a crash. `start`
 * makes one and wires its messages (and its crash, as `stopped`) to the function given.
 */
export function dedicatedWorker(start: (receive: (message: WorkerMessage) => void) => WorkerLike): WorkerEndpoint {
  let receive: (message: WorkerMessage) => void = () => {};
  let worker: WorkerLike | null = null;
  let generation = 0;
  const restart = () => {
    generation++;
    void worker?.terminate();
    worker = null;
  };
  return {
    post(message) {
      if (message.type === 'restart') return restart();
      if (!worker) {
        const mine = ++generation;
        // Messages of a worker already replaced are dropped.
        worker = start((m) => {
          if (mine !== generation) return;
          if (m.type === 'stopped') restart();
          receive(m);
        });
      }
      worker.postMessage(message);
    },
    listen: (r) => (receive = r),
    restart,
  };
}
