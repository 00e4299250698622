/**
 * The analysis host's protocol: what the background asks of the analysis worker and what the
 * worker answers (issue 20, "Bounded analysis"). Plain JSON (Chrome carries it over a runtime
 * port to the offscreen document that owns the worker). Stored articles travel by id (the worker
 * reads them from the extension's database itself), so a message carries at most the page.
 */
import type { Match } from '../../lib/corpus-index';
import type { ArticleFeatures } from '../../lib/match';
import type { ReportBudget, ReportPage, ReportStep, SideBySideInput } from '../../lib/compare/report';
import type { ComparisonReport, SideBySide } from '../../lib/compare/report-types';
import type { FramingView } from '../../lib/framing/view';

/** The page being compared (the worker keeps its preparation by its text, across requests and a job answered late). */
export interface PageInput {
  article: ReportPage;
}

export type AnalysisJob =
  | { type: 'features'; job: number; page: PageInput }
  /** `spentMs`: of the budget, what the request spent before the job (extracting, matching, waiting for the worker); none when absent. */
  | { type: 'compare'; job: number; page: PageInput; corpus: { size: number; matches: Match[] }; budget: ReportBudget; spentMs?: number }
  | { type: 'framing'; job: number; page: PageInput; articleId: number }
  /** Two articles side by side: a tab's page (as read) or a stored article (by id), and a stored article. */
  | { type: 'side-by-side'; job: number; a: SideBySideInput | number; b: number; budget: ReportBudget };

/** To the worker. `restart` is for the glue that owns the worker (the offscreen document): stop it, start afresh. */
export type HostMessage = AnalysisJob | { type: 'restart' };

export interface CompareOutcome {
  report: ComparisonReport;
  /** Time each stored article's comparison took (preparing it included), and the framing. */
  compareMs: { articleId: number; ms: number }[];
  framingMs: number;
}

export interface JobValue {
  features: ArticleFeatures;
  compare: CompareOutcome;
  framing: FramingView | null;
  /** Null when a stored article is gone. */
  'side-by-side': SideBySide | null;
}

/** From the worker: a step of a job, its end, or (from the glue) that the worker stopped (crashed, or its owner went). */
export type WorkerMessage =
  | { type: 'step'; job: number; step: ReportStep }
  | { type: 'done'; job: number; value: JobValue[AnalysisJob['type']] }
  | { type: 'failed'; job: number; error: string }
  | { type: 'stopped' };

/** The port the background opens to Chrome's offscreen document for analysis. */
export const ANALYSIS_PORT = 'recoupe-analysis';
