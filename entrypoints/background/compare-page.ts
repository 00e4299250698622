/**
 * The page compared with the corpus: the stored articles on the same event and on the same
 * storyline (from the story index), then, against those, the quotations and passages the page
 * shares with them. Everything is computed here, in the background, from `lib/`; the panel only
 * renders the result.
 */
import { computeFeatures } from '../../lib/match';
import { matchPageAsync } from '../../lib/index';
import { comparePrepared, coverageOfPage, markRuns, prepareArticle, type PairComparison, type PreparedArticle } from '../../lib/compare';
import type { ExtractedArticle } from '../../lib/extract/types';
import { quoteSelector } from '../../lib/anchor';
import { articleFraming, compareFraming, type ArticleFraming } from '../../lib/framing';
import type { FramingView, Notice, PageComparison, SharedQuoteView, StoryMatchView } from '../../extension/protocol';
import type { CorpusDb } from '../../extension/storage/corpus-db';
import { readableArticle, type StoredArticle } from '../../extension/storage/article-record';
import type { StoryIndex } from './story-index';

/** How many articles of each grade are listed and compared in detail. */
const MAX_PER_GRADE = 10;

/**
 * Quotes and passages are compared only for texts up to this length: quote extraction grows faster
 * than linearly on very long texts, and a news article is far shorter (a long one is 60,000
 * characters). Longer pages still get their same-story lists.
 */
export const MAX_DETAIL_CHARS = 200_000;

/** Quotations of the page, grouped by where they are in the page, with every stored version. */
function groupQuotes(page: PreparedArticle, compared: { article: StoredArticle; comparison: PairComparison }[]): SharedQuoteView[] {
  const byPageSpan = new Map<string, SharedQuoteView & { start: number }>();
  for (const { article, comparison } of compared) {
    for (const q of comparison.sharedQuotes) {
      const key = `${q.a.start}:${q.a.end}`;
      const view = byPageSpan.get(key) ?? { start: q.a.start, pageQuote: quoteSelector(page.text, q.a), speaker: q.speaker, versions: [] };
      view.speaker ??= q.speaker;
      view.versions.push({
        articleId: article.id,
        relation: q.relation,
        diff: q.relation === 'exact' ? [] : q.diff.map((d) => ({ op: d.op, text: d.text })),
      });
      byPageSpan.set(key, view);
    }
  }
  return [...byPageSpan.values()].sort((x, y) => x.start - y.start).map(({ start: _start, ...view }) => view);
}

/** Items of each omission list, and actors, shown. */
const MAX_OMISSIONS = 5;
const MAX_ACTORS = 12;

/** The framing of the page beside one stored version, as the panel shows it. */
function framingView(page: PreparedArticle & { title: string | null }, pageFraming: ArticleFraming, other: StoredArticle, prepared: PreparedArticle): FramingView {
  const f = compareFraming(page, { title: other.title, text: other.text, language: other.language, quotes: prepared.quotes }, pageFraming);
  type Label = (typeof f.actors)[number]['a'][number];
  // Each distinct label once per side (an article repeats a name many times).
  const labels = (list: Label[]) => {
    const seen = new Set<string>();
    return list
      .filter((l) => {
        const key = l.text.toLowerCase();
        return !seen.has(key) && seen.add(key);
      })
      .map((l) => ({ text: l.text, modifiers: l.modifiers.map((m) => m.text), note: l.note }));
  };
  const names = (list: { name: string; actor: string }[]) => list.map((x) => x.name);
  const actorsA = new Set(f.sources.a.map((x) => x.actor));
  const actorsB = new Set(f.sources.b.map((x) => x.actor));
  return {
    articleId: other.id,
    // Actors both versions name, and name differently: the rest says nothing about framing.
    actors: f.actors
      .filter((r) => r.a.length > 0 && r.b.length > 0 && r.differs)
      .slice(0, MAX_ACTORS)
      .map((r) => ({ actor: r.actor, differs: r.differs, page: labels(r.a), other: labels(r.b) })),
    hedges: { page: f.hedges.a.map(({ text, kind }) => ({ text, kind })), other: f.hedges.b.map(({ text, kind }) => ({ text, kind })) },
    sources: {
      onlyPage: names(f.sources.a.filter((x) => !actorsB.has(x.actor))),
      onlyOther: names(f.sources.b.filter((x) => !actorsA.has(x.actor))),
      both: names(f.sources.a.filter((x) => actorsB.has(x.actor))),
    },
    omissions: {
      onlyPage: f.omissions.onlyA.slice(0, MAX_OMISSIONS).map((x) => x.text),
      onlyOther: f.omissions.onlyB.slice(0, MAX_OMISSIONS).map((x) => x.text),
    },
    headlines: { page: f.headlines.a?.text ?? null, other: f.headlines.b?.text ?? null, note: f.headlines.note },
  };
}

/** What one page's comparison keeps for later requests (framing against a chosen article). */
interface PageWork {
  page: PreparedArticle & { title: string | null };
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
    const tooLong = article.text.length > MAX_DETAIL_CHARS;
    w = { page: { ...prepareArticle(tooLong ? { ...article, text: '' } : article), title: article.title }, prepared: new Map(), pageFraming: null, framing: new Map() };
    work.set(article, w);
  }
  return w;
}

/** The stored article prepared, reusing the comparison's preparation unless its text changed since. */
function preparedOf(w: PageWork, article: StoredArticle): PreparedArticle {
  const known = w.prepared.get(article.id);
  if (known && known.article.text === article.text) return known.prepared;
  const prepared = prepareArticle(article);
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
  if (!other || article.text.length > MAX_DETAIL_CHARS || other.text.length > MAX_DETAIL_CHARS) return null;
  return framingOf(workOf(article), other);
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
  const same = matches.filter((m) => m.relation === 'same').slice(0, MAX_PER_GRADE);
  const related = matches.filter((m) => m.relation === 'related').slice(0, MAX_PER_GRADE);
  const chosen = [...same, ...related];
  const stored = new Map((await db.articles.bulkGet(chosen.map((m) => Number(m.id)))).map((a) => (a ? readableArticle(a) : null)).filter((a) => a !== null).map((a) => [a.id, a]));
  const matchMs = performance.now() - matchStart;

  const view = (m: (typeof chosen)[number]): StoryMatchView[] => {
    const a = stored.get(Number(m.id));
    return a ? [{ id: a.id, title: a.title, site: a.site, publishedTime: a.publishedTime, relation: m.relation as 'same' | 'related', score: m.score, reasons: m.reasons }] : [];
  };
  const lists = { corpusSize, same: same.flatMap(view), related: related.flatMap(view) };
  progress('matching', 1, 1, lists);

  const tooLong = article.text.length > MAX_DETAIL_CHARS;
  const w = workOf(article);
  const page = w.page;
  const toCompare = tooLong ? [] : [...stored.values()].filter((a) => a.text.length <= MAX_DETAIL_CHARS);
  const compared: { article: StoredArticle; prepared: PreparedArticle; comparison: PairComparison }[] = [];
  const compareMs: { articleId: number; ms: number }[] = [];
  for (const [i, a] of toCompare.entries()) {
    progress('comparing', i, toCompare.length);
    // One article's comparison is synchronous; let the notice go out before it starts.
    await yieldToEventLoop();
    const start = performance.now();
    const prepared = preparedOf(w, a);
    compared.push({ article: a, prepared, comparison: comparePrepared(page, prepared) });
    compareMs.push({ articleId: a.id, ms: performance.now() - start });
  }
  if (toCompare.length > 0) progress('comparing', toCompare.length, toCompare.length);
  // Framing against the closest version: the best same-event article, else the best related one;
  // a copy of the page itself (nearly all its text shared) has no framing of its own to show.
  const closest = chosen
    .map((m) => compared.find((c) => String(c.article.id) === m.id))
    .find((c) => c !== undefined && c.comparison.coverage.a < 0.9);
  progress('framing', 0, 1);
  await yieldToEventLoop();
  const framingStart = performance.now();
  const framing = closest ? framingOf(w, closest.article) : null;
  const framingMs = performance.now() - framingStart;
  progress('framing', 1, 1);
  const sameIds = new Set(same.map((m) => Number(m.id)));
  const sameCompared = compared.filter((c) => sameIds.has(c.article.id));
  return {
    ...(tooLong ? { detailSkipped: article.text.length } : {}),
    ...lists,
    quotes: groupQuotes(page, compared),
    framing,
    passages: compared.flatMap(({ article: a, comparison }) =>
      comparison.passages.map((p) => ({
        articleId: a.id,
        kind: p.kind,
        similarity: p.similarity,
        pageQuote: quoteSelector(page.text, p.a),
        page: markRuns(page.text, p.a, p.edits.map((e) => e.a)),
        other: markRuns(a.text, p.b, p.edits.map((e) => e.b)),
      })),
    ),
    coverage: {
      overall: coverageOfPage(page, compared.map((c) => c.comparison)),
      sameEvent: sameCompared.length > 0 ? coverageOfPage(page, sameCompared.map((c) => c.comparison)) : null,
      byArticle: compared.map(({ article: a, comparison }) => ({ articleId: a.id, coverage: comparison.coverage.a })).filter((c) => c.coverage > 0),
    },
    timings: { extractMs: options.extractMs ?? null, matchMs, compareMs, framingMs, totalMs: performance.now() - startedAt },
  };
}
