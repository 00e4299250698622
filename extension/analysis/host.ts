/**
 * The background's side of the analysis worker (issue 20, "Bounded analysis"): it sends one job
 * at a time, passes the steps on (the panel's progress line), and holds each job to a deadline.
 * A comparison runs within its budget (lib/compare/report); a worker still busy past the budget
 * and a grace (one step that overran: preparing a text is not budgeted) is stopped — a worker can
 * be, an event loop cannot — and the answer is what is known: the lists, nothing compared, said.
 *
 * The worker is reached through an endpoint, the thin glue of each browser: a dedicated Worker
 * (Firefox's background page; Chrome's offscreen document, reached over a port), or the same
 * thread (`inlineEndpoint`: Node, tests).
 */
import { listsOnlyReport, type ReportBudget, type ReportStep } from '../../lib/compare/report';
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

/** Time past a comparison's budget before its worker is stopped: a step may overrun (preparing one text, one alignment step). */
export const KILL_GRACE_MS = 2_000;

/** Why a job has no answer: its worker was stopped (deadline) or stopped by itself. */
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
  /** The worker stopped (deadline, crash): what is known, or `AnalysisStopped`. */
  giveUp(reason: AnalysisStopped['reason']): void;
}

type JobWithout<T extends AnalysisJob['type']> = Omit<Extract<AnalysisJob, { type: T }>, 'job'>;

export interface AnalysisHost {
  /** The page's match features (lib/match); rejects with `AnalysisStopped` past `withinMs`. */
  features(page: PageInput, withinMs: number): Promise<JobValue['features']>;
  /** The page compared with the matched articles; steps as they come. Answers within the budget and the grace. */
  compare(page: PageInput, corpus: JobWithout<'compare'>['corpus'], budget: ReportBudget, onStep: (step: ReportStep) => void): Promise<CompareOutcome>;
  /** The page's framing beside one stored article; rejects with `AnalysisStopped` past `withinMs`. */
  framing(page: PageInput, articleId: number, withinMs: number): Promise<JobValue['framing']>;
}

export function analysisHost(endpoint: WorkerEndpoint, graceMs = KILL_GRACE_MS): AnalysisHost {
  let nextJob = 0;
  let running: Running | null = null;
  /** Jobs run one after another: a job's deadline counts from its start. */
  let queue: Promise<unknown> = Promise.resolve();

  endpoint.listen((message) => {
    if (!running) return;
    if (message.type === 'stopped') return running.giveUp('stopped');
    if (message.job !== running.job) return; // A job given up on (deadline) may still have talked.
    if (message.type === 'step') running.onStep(message.step);
    else if (message.type === 'done') running.resolve(message.value);
    else running.reject(new Error(message.error));
  });

  /** Runs a job; past `withinMs` the worker is restarted and `late` answers (or the job fails). */
  const run = <T>(job: AnalysisJob, withinMs: number, onStep: (step: ReportStep) => void, late?: () => T): Promise<T> => {
    const task = queue.then(() => new Promise<T>((resolve, reject) => {
      const end = () => {
        clearTimeout(timer);
        running = null;
      };
      const giveUp = (reason: AnalysisStopped['reason']) => {
        end();
        if (late) resolve(late());
        else reject(new AnalysisStopped(reason));
      };
      const timer = setTimeout(() => {
        endpoint.restart();
        giveUp('deadline');
      }, withinMs);
      running = {
        job: job.job,
        onStep,
        resolve: (value) => (end(), resolve(value as T)),
        reject: (error) => (end(), reject(error)),
        giveUp,
      };
      endpoint.post(job);
    }));
    queue = task.catch(() => {});
    return task;
  };

  return {
    features(page, withinMs) {
      return run({ type: 'features', job: ++nextJob, page }, withinMs, () => {});
    },
    compare(page, corpus, budget, onStep) {
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
        return { report: listsOnlyReport(known, budget.totalMs, notCompared), compareMs: [], framingMs: 0 };
      };
      return run({ type: 'compare', job: ++nextJob, page, corpus, budget }, budget.totalMs + graceMs, seen, late);
    },
    framing(page, articleId, withinMs) {
      return run({ type: 'framing', job: ++nextJob, page, articleId }, withinMs, () => {});
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
    post: (message) => void setTimeout(() => void worker.receive(message), 0),
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
