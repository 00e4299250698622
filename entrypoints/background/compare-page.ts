/**
 * The page compared with the corpus: the background matches it with the story index, and the
 * report (lib/compare/report) is built off its event loop by the analysis worker
 * (extension/analysis), which reads the matched articles itself, step by step, with progress
 * announced to the panel and the time of each step measured. What the report holds is decided in
 * lib/compare; the panel only renders it.
 */
import { COMPARE_BUDGET, pickMatches, type ReportBudget } from '../../lib/compare/report';
import type { ExtractedArticle } from '../../lib/extract/types';
import type { ArticleFeatures } from '../../lib/match';
import type { FramingView } from '../../lib/framing/view';
import type { Notice, PageComparison } from '../../extension/protocol';
import type { CorpusDb } from '../../extension/storage/corpus-db';
import { AnalysisStopped, analysisHost, inlineEndpoint, KILL_GRACE_MS, type AnalysisHost } from '../../extension/analysis/host';
import type { PageInput } from '../../extension/analysis/messages';
import { readFrom } from '../../extension/analysis/worker-side';
import { i18n } from '#i18n';
import type { StoryIndex } from './story-index';
import { preparedArticles } from './prepared-articles';

/** Each extracted page (the object page-state caches for a tab) keeps its first-seen time. */
const pages = new WeakMap<ExtractedArticle, { firstSeen: string | null }>();

function pageInput(article: ExtractedArticle): PageInput {
  let page = pages.get(article);
  if (!page) pages.set(article, (page = { firstSeen: null }));
  const { text, language, title, byline, publishedTime } = article;
  return { article: { text, language, title, byline, publishedTime, firstSeen: page.firstSeen } };
}

/** Pages whose match features are kept (a tab or two, the panel opened again). */
const FEATURES_KEPT = 4;
/** By the page's text (a Map hashes a string once), least recently used first, with what else they were computed from. */
const featuresByText = new Map<string, { from: string; features: ArticleFeatures }>();

/** What else than its text a page's features are computed from (lib/match `computeFeatures`). */
const featuresFrom = (a: { title?: string | null; language?: string | null; publishedTime?: string | null }) => JSON.stringify([a.title ?? null, a.language ?? null, a.publishedTime ?? null]);

/**
 * The features computed for a page's comparison from exactly these title, text, language and date,
 * if kept: a save of the page the panel compared takes them rather than compute them again
 * (17–160 ms of a save in a new worker at 100,000 articles in Chromium). Undefined otherwise (a
 * record whose title was cut to fit, another reading).
 */
export function knownPageFeatures(record: { text: string; title?: string | null; language?: string | null; publishedTime?: string | null }): ArticleFeatures | undefined {
  const known = featuresByText.get(record.text);
  return known && known.from === featuresFrom(record) ? known.features : undefined;
}

/**
 * The page's match features, computed by the analysis once per page: the same text read again
 * (the panel opened again, the page in another tab) is not sent to the worker again.
 */
async function pageFeatures(host: AnalysisHost, page: PageInput, budget: ReportBudget, startedAt: number): Promise<ArticleFeatures> {
  const { text } = page.article;
  const from = featuresFrom(page.article);
  const known = featuresByText.get(text);
  featuresByText.delete(text);
  const features = known?.from === from ? known.features : await host.features(page, budget.totalMs, startedAt).catch(stoppedInWords);
  featuresByText.set(text, { from, features });
  for (const old of featuresByText.keys()) {
    if (featuresByText.size <= FEATURES_KEPT) break;
    featuresByText.delete(old);
  }
  return features;
}

/** The analysis on the background's own thread, when no worker host is given (Node: tests, benches). */
const inlineHosts = new WeakMap<CorpusDb, AnalysisHost>();
export function inlineHost(db: CorpusDb): AnalysisHost {
  let host = inlineHosts.get(db);
  if (!host) {
    inlineHosts.set(db, (host = analysisHost(inlineEndpoint({ read: readFrom(db), prepared: preparedArticles }))));
  }
  return host;
}

/**
 * The framing of the page beside one stored article the person chose, from the page's
 * preparation the analysis kept. Null when the article is not stored, or either text is too long
 * to compare in detail; an error in the reader's words when the analysis ran past the budget.
 */
export async function framingAgainst(db: CorpusDb, article: ExtractedArticle, articleId: number, host = inlineHost(db)): Promise<FramingView | null> {
  return host.framing(pageInput(article), articleId, COMPARE_BUDGET.totalMs + KILL_GRACE_MS).catch(stoppedInWords);
}

/** An analysis stopped at its deadline, said in the reader's words. */
export function stoppedInWords(error: unknown): never {
  if (!(error instanceof AnalysisStopped)) throw error;
  throw new Error(i18n.t(error.reason === 'deadline' ? 'background.analysisStopped' : 'background.analysisCrashed'));
}

/**
 * The comparison's budget: `COMPARE_BUDGET`, or a smaller one an end-to-end test sets on the
 * background's global `recoupeTestBudgetMs` (tests/e2e/budget.test.ts: a comparison past its
 * budget, rendered). Nothing else sets it; it can only shorten the budget.
 */
export function compareBudget(): ReportBudget {
  const ms = (globalThis as { recoupeTestBudgetMs?: unknown }).recoupeTestBudgetMs;
  if (typeof ms !== 'number' || !(ms > 0 && ms < COMPARE_BUDGET.totalMs)) return COMPARE_BUDGET;
  return { totalMs: ms, stepMs: Math.min(ms, COMPARE_BUDGET.stepMs) };
}

type ProgressNotice = Extract<Notice, { type: 'notice/progress' }>;
export type ProgressStage = ProgressNotice['stage'];

export interface CompareOptions {
  /** When the request arrived (`performance.now()`), for the total; defaults to the call. */
  startedAt?: number;
  /** Time the extraction of the page took in this request; null when it came from the cache. */
  extractMs?: number | null;
  /** Told how far the comparison has gone (the panel's progress line), with the lists once matched. */
  progress?: (stage: ProgressStage, done: number, total: number, matches?: ProgressNotice['matches']) => void;
  /** Stored articles the reader judged not the same event as the page: left out of the lists and the evidence. */
  keptApart?: ReadonlySet<number>;
  /** Where the analysis runs (a worker in the extension); on this thread by default. */
  analysis?: AnalysisHost;
}

export async function comparePage(
  db: CorpusDb,
  stories: StoryIndex,
  article: ExtractedArticle,
  savedId: number | null,
  options: CompareOptions = {},
): Promise<PageComparison> {
  // The budget counts from the request's start: extracting the page and matching it spend it too.
  const startedAt = options.startedAt ?? performance.now();
  const budget = compareBudget();
  const progress = options.progress ?? (() => {});
  progress('matching', 0, 1);
  const matchStart = performance.now();
  const host = options.analysis ?? inlineHost(db);
  const page = pageInput(article);
  // The page's features too are computed off the background (a quarter of a second for 10,000 quotation marks).
  const features = await pageFeatures(host, page, budget, startedAt);
  // From the rows of the index the page's keys and its candidates' need (a new worker reads no
  // other). The index holds every stored article; IndexedDB's count() walks the whole store (about
  // 200 ms at 10,000 articles in Chromium), so the index's size says it instead.
  const { matches, size: corpusSize } = await stories.match(features, {
    exclude: savedId === null ? undefined : String(savedId),
  });
  // Only the articles the report will list are compared (the analysis reads them); those the reader judged another event are not listed.
  const picked = pickMatches(matches.filter((m) => !options.keptApart?.has(Number(m.id))));
  const matchMs = performance.now() - matchStart;

  // The page's first-seen time (its place on the timeline when it declares no publication time), kept from its first comparison.
  page.article.firstSeen ??= (savedId !== null ? (await db.articles.get(savedId))?.savedAt : null) ?? new Date().toISOString();
  pages.get(article)!.firstSeen = page.article.firstSeen;
  const outcome = await host.compare(page, { size: corpusSize, matches: picked }, budget, (s) => {
    if (s.stage === 'listed') progress('matching', 1, 1, s.lists);
    else if (s.stage === 'comparing') progress('comparing', s.done, s.total);
    else progress('framing', 0, 1);
  }, startedAt);
  progress('framing', 1, 1);
  const timings = { extractMs: options.extractMs ?? null, matchMs, compareMs: outcome.compareMs, framingMs: outcome.framingMs, totalMs: performance.now() - startedAt };
  return { ...outcome.report, timings };
}
