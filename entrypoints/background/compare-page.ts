/**
 * The page compared with the corpus, in the background: the stored articles matched by the story
 * index are loaded from the database, and the report (lib/compare/report) is built from them, step
 * by step, with progress announced to the panel and the time of each step measured. What the
 * report holds is decided in lib/compare; the panel only renders it.
 */
import { computeFeatures } from '../../lib/match';
import { matchPageAsync } from '../../lib/corpus-index';
import type { PreparedArticle } from '../../lib/compare';
import { COMPARE_BUDGET, comparedInDetail, comparisonReport, pickMatches, preparePage, type PreparedPage } from '../../lib/compare/report';
import type { ExtractedArticle } from '../../lib/extract/types';
import { articleFraming, type ArticleFraming } from '../../lib/framing';
import { framingView, type FramingView } from '../../lib/framing/view';
import type { Notice, PageComparison } from '../../extension/protocol';
import type { CorpusDb } from '../../extension/storage/corpus-db';
import { readableArticle, type StoredArticle } from '../../extension/storage/article-record';
import type { StoryIndex } from './story-index';
import { preparedArticles } from './prepared-articles';

/** What one page's comparison keeps for later requests (framing against a chosen article). */
interface PageWork {
  page: PreparedPage;
  /** Stored articles prepared during the comparison, by id. */
  prepared: Map<number, { article: StoredArticle; prepared: PreparedArticle }>;
  /** The page's own framing analysis, done once for every article it is set beside. */
  pageFraming: ArticleFraming | null;
  framing: Map<number, FramingView>;
}

/**
 * Keyed by the extracted article object that page-state caches for a tab: when the tab navigates
 * and page-state drops it, this goes too.
 */
const work = new WeakMap<ExtractedArticle, PageWork>();

function workOf(article: ExtractedArticle): PageWork {
  let w = work.get(article);
  if (!w) {
    w = { page: preparePage(article), prepared: new Map(), pageFraming: null, framing: new Map() };
    work.set(article, w);
  }
  return w;
}

/** The stored article prepared (once for every page: `preparedArticles`), its framing beside this page kept while its text is the same. */
function preparedOf(w: PageWork, article: StoredArticle): PreparedArticle {
  const known = w.prepared.get(article.id);
  if (known && known.article.text === article.text) return known.prepared;
  const prepared = preparedArticles.get(article);
  w.prepared.set(article.id, { article, prepared });
  w.framing.delete(article.id);
  return prepared;
}

function framingOf(w: PageWork, article: StoredArticle): FramingView {
  const prepared = preparedOf(w, article);
  let view = w.framing.get(article.id);
  if (!view) {
    w.pageFraming ??= articleFraming(w.page);
    view = framingView(w.page, w.pageFraming, article, prepared);
    w.framing.set(article.id, view);
  }
  return view;
}

/**
 * The framing of the page beside one stored article the person chose, from the page's cached
 * preparation (and the article's, when the comparison prepared it). Null when the article is not
 * stored, or either text is too long to compare in detail.
 */
export async function framingAgainst(db: CorpusDb, article: ExtractedArticle, articleId: number): Promise<FramingView | null> {
  const found = await db.articles.get(articleId);
  const other = found ? readableArticle(found) : null;
  const w = workOf(article);
  return other && comparedInDetail(w.page, other) ? framingOf(w, other) : null;
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
}

/** Lets the event loop run (message delivery, other requests) between long synchronous steps. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function comparePage(
  db: CorpusDb,
  stories: StoryIndex,
  article: ExtractedArticle,
  savedId: number | null,
  options: CompareOptions = {},
): Promise<PageComparison> {
  const startedAt = options.startedAt ?? performance.now();
  const progress = options.progress ?? (() => {});
  progress('matching', 0, 1);
  const matchStart = performance.now();
  const index = await stories.get();
  // The index holds every stored article; IndexedDB's count() walks the whole store (about
  // 200 ms at 10,000 articles in Chromium), so the index's size says it instead.
  const corpusSize = index.size;
  const matches = await matchPageAsync(index, computeFeatures(article), (ids) => stories.features(ids), {
    exclude: savedId === null ? undefined : String(savedId),
  });
  // Only the articles the report will list are loaded; those the reader judged another event are not listed.
  const picked = pickMatches(matches.filter((m) => !options.keptApart?.has(Number(m.id))));
  const stored = new Map((await db.articles.bulkGet(picked.map((m) => Number(m.id)))).map((a) => (a ? readableArticle(a) : null)).filter((a) => a !== null).map((a) => [a.id, a]));
  const matchMs = performance.now() - matchStart;

  const w = workOf(article);
  // The page's first-seen time (its place on the timeline when it declares no publication time).
  if (!w.page.firstSeen) w.page.firstSeen = (savedId !== null ? (await db.articles.get(savedId))?.savedAt : null) ?? new Date().toISOString();
  const steps = comparisonReport(w.page, { size: corpusSize, matches: picked, stored }, {
    budget: COMPARE_BUDGET,
    prepare: (a) => preparedOf(w, a),
    framing: (a) => framingOf(w, a),
  });
  const compareMs: { articleId: number; ms: number }[] = [];
  let framingMs = 0;
  let step = steps.next();
  while (!step.done) {
    const s = step.value;
    if (s.stage === 'listed') progress('matching', 1, 1, s.lists);
    else if (s.stage === 'comparing') progress('comparing', s.done, s.total);
    else progress('framing', 0, 1);
    // The next step is synchronous and may be long: let the notice go out (and other requests run) first.
    if (s.stage !== 'listed') await yieldToEventLoop();
    const start = performance.now();
    step = steps.next();
    const ms = performance.now() - start;
    if (s.stage === 'comparing' && s.articleId !== null) compareMs.push({ articleId: s.articleId, ms });
    if (s.stage === 'framing') framingMs = ms;
  }
  progress('framing', 1, 1);
  return { ...step.value, timings: { extractMs: options.extractMs ?? null, matchMs, compareMs, framingMs, totalMs: performance.now() - startedAt } };
}
