/**
 * The analysis worker: what runs off the background's event loop (issue 20, "Bounded analysis").
 * The page's match features, its comparison, its framing and two articles side by side: a function
 * over messages — a job in, steps and one answer out — with the stored articles read through
 * `read`; the same code runs in a dedicated Worker (entrypoints/analysis-worker.ts), in a
 * Node worker thread (tests, bench) and on the caller's own thread (`inlineEndpoint`). It keeps
 * the preparations: of the pages it was asked about (a few, by their text: the same text extracted
 * again, or asked about again after a job answered late at its deadline, is not prepared again)
 * and of the stored articles (by id and version), and per page what was computed beside each
 * stored version (its comparison, its framing): the panel opened again compares nothing again.
 */
import { comparePrepared, type PairComparison, type PreparedArticle } from '../../lib/compare';
import { comparisonReport, framedBeside, listsOnlyReport, preparePage, sideBySide, storyLists, type PreparedPage } from '../../lib/compare/report';
import { textKey } from '../../lib/compare/quoted';
import type { SideBySide } from '../../lib/compare/report-types';
import { articleFraming, type ArticleFraming, type FramingDeadline } from '../../lib/framing';
import { computeFeatures } from '../../lib/match';
import { framingView, type FramingView } from '../../lib/framing/view';
import { readableArticle, type StoredArticle } from '../storage/article-record';
import type { CorpusDb } from '../storage/corpus-db';
import type { AnalysisJob, CompareOutcome, HostMessage, PageInput, WorkerMessage } from './messages';
import { PreparedArticles } from './prepared-articles';
import { giveWay } from '../give-way';

export interface WorkerDeps {
  /** Stored articles by id, readable (null: missing, or a damaged record). */
  read(ids: number[]): Promise<(StoredArticle | null)[]>;
  post(message: WorkerMessage): void;
  prepared?: PreparedArticles;
  now?: () => number;
}

/** `WorkerDeps.read` from the extension's database (a damaged record reads as missing). */
export const readFrom = (db: CorpusDb) => async (ids: number[]): Promise<(StoredArticle | null)[]> =>
  (await db.articles.bulkGet(ids)).map((a) => (a ? readableArticle(a) : null));

/** Pages whose preparation is kept (a tab or two, the panel asking again). */
const PAGES_KEPT = 4;

/** One page's preparation and what was computed beside stored articles (by id, for one version of each). */
interface PageWork {
  page: PreparedPage;
  pageFraming: ArticleFraming | null;
  framing: Map<number, { version: string; view: FramingView }>;
  /** Comparisons that ran to their end (one stopped at its deadline is made again). */
  compared: Map<number, { version: string; comparison: PairComparison }>;
}

export function analysisWorker(deps: WorkerDeps): { receive(message: HostMessage): Promise<void> } {
  const prepared = deps.prepared ?? new PreparedArticles();
  const now = deps.now ?? (() => performance.now());
  /** By the page's text (a Map hashes a string once), least recently used first. */
  const pages = new Map<string, PageWork>();

  const workOf = ({ article }: PageInput): PageWork => {
    let w = pages.get(article.text);
    if (w) {
      pages.delete(article.text);
    } else {
      w = { page: preparePage(article), pageFraming: null, framing: new Map(), compared: new Map() };
      for (const old of pages.keys()) if (pages.size >= PAGES_KEPT) pages.delete(old);
    }
    pages.set(article.text, w);
    w.page.firstSeen = article.firstSeen ?? w.page.firstSeen;
    return w;
  };
  /** Past `deadline`, throws (lib/framing `FramingCut`) and keeps nothing but the parts done whole. */
  const framingOf = (w: PageWork, article: StoredArticle, prep: PreparedArticle, deadline?: FramingDeadline): FramingView => {
    const known = w.framing.get(article.id);
    if (known && known.version === article.updatedAt) return known.view;
    w.pageFraming ??= articleFraming(w.page, deadline);
    const view = framingView(w.page, w.pageFraming, article, prep, prepared.framing(article, deadline), deadline);
    w.framing.set(article.id, { version: article.updatedAt, view });
    return view;
  };

  const comparisonOf = (w: PageWork, article: StoredArticle, prep: PreparedArticle, deadline: number, clock: () => number): PairComparison => {
    const known = w.compared.get(article.id);
    if (known && known.version === article.updatedAt) return known.comparison;
    const comparison = comparePrepared(w.page, prep, deadline, clock);
    if (!comparison.quotesPartial) w.compared.set(article.id, { version: article.updatedAt, comparison });
    return comparison;
  };

  const compare = async (job: Extract<AnalysisJob, { type: 'compare' }>): Promise<CompareOutcome> => {
    // The budget counts from the request's start: what it spent before this job (extraction, matching) is spent.
    const startedAt = now() - (job.spentMs ?? 0);
    const read = await deps.read(job.corpus.matches.map((m) => Number(m.id)));
    const stored = new Map(read.filter((a) => a !== null).map((a) => [a.id, a]));
    const corpus = { size: job.corpus.size, matches: job.corpus.matches, stored };
    const lists = storyLists(corpus);
    // The lists first: the panel shows them while the page is prepared (long for a page made to be slow).
    deps.post({ type: 'step', job: job.job, step: { stage: 'listed', lists } });
    await giveWay();
    // Spent already: the lists, and the page not prepared (seconds, for a page made to be slow).
    if (now() >= startedAt + job.budget.totalMs) {
      return { report: listsOnlyReport(lists, job.budget.totalMs, lists.same.length + lists.related.length, textKey(job.page.article.text)), compareMs: [], framingMs: 0 };
    }
    const w = workOf(job.page);
    const steps = comparisonReport(w.page, corpus, { budget: job.budget, now, startedAt, prepare: (a) => prepared.get(a), framing: (a, p, deadline) => framingOf(w, a, p, deadline), compare: (a, p, until, clock) => comparisonOf(w, a, p, until, clock) });
    const compareMs: CompareOutcome['compareMs'] = [];
    let framingMs = 0;
    let step = steps.next();
    while (!step.done) {
      const s = step.value;
      if (s.stage !== 'listed') {
        deps.post({ type: 'step', job: job.job, step: s });
        await giveWay();
      }
      const start = now();
      step = steps.next();
      const ms = now() - start;
      if (s.stage === 'comparing' && s.articleId !== null) compareMs.push({ articleId: s.articleId, ms });
      if (s.stage === 'framing') framingMs = ms;
    }
    return { report: step.value, compareMs, framingMs };
  };

  const framing = async (job: Extract<AnalysisJob, { type: 'framing' }>): Promise<FramingView | null> => {
    const [other] = await deps.read([job.articleId]);
    const w = workOf(job.page);
    return other && framedBeside(w.page, other) ? framingOf(w, other, prepared.get(other)) : null;
  };

  /** Two articles side by side, the quotation alignment held to the budget; a tab's page prepared as for its comparison. */
  const beside = async (job: Extract<AnalysisJob, { type: 'side-by-side' }>): Promise<SideBySide | null> => {
    const startedAt = now();
    const page = typeof job.a === 'number' ? null : job.a;
    const read = await deps.read(page ? [job.b] : [job.a as number, job.b]);
    if (read.some((x) => x === null)) return null;
    const [a, b] = page ? [page, read[0]!] : [read[0]!, read[1]!];
    return sideBySide(a, b, {
      prepare: (x) => (x === page ? workOf({ article: page }).page : prepared.get(x as StoredArticle)),
      deadline: startedAt + job.budget.totalMs,
      now,
    });
  };

  return {
    async receive(message) {
      if (message.type === 'restart') return; // The glue's: a worker that reads it is not busy.
      try {
        const value = message.type === 'features' ? computeFeatures(message.page.article)
          : message.type === 'compare' ? await compare(message)
          : message.type === 'framing' ? await framing(message)
          : await beside(message);
        deps.post({ type: 'done', job: message.job, value });
      } catch (error) {
        deps.post({ type: 'failed', job: message.job, error: error instanceof Error ? error.message : String(error) });
      }
    },
  };
}
