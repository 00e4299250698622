/**
 * The comparison report: the page against the stored articles matched to it, as one piece of
 * plain data — the same-event and storyline lists, the quotations it shares grouped with every
 * version, the passages, the coverage, and the framing beside the closest version. Every choice
 * of what a reader sees (how many articles, which texts are compared in detail, which version the
 * framing is set beside) is made here, so that the side panel, the corpus page's side-by-side and
 * `recoupe compare` show the same thing.
 *
 * The report is built in steps (a generator) so that the background can announce progress and
 * let other work run between the long ones; `reportNow` runs them without pause.
 *
 * @module
 */
import { articleFraming, withinDeadline, type ArticleFraming, type FramingDeadline } from '../framing';
import { framingView, type OtherVersion, type FramingView } from '../framing/view';
import type { Match } from '../corpus-index';
import { comparePrepared, coverageOfPage, firstChars, markRuns, prepareArticle, type ArticleText, type PairComparison, type PreparedArticle } from '.';
import { comparePassages, isCopied, unionSpans } from '../passages';
import { creditedSpeaker, speakersDiffer } from '../quotes';
import { baseLanguage } from '../text';
import { likelySource, timeline, type Dated } from '../timeline';
import { creditedAgencies, reportCounts, wireGroups } from '../wire';
import { textKey } from './quoted';
import type { ComparisonReport, SharedMark, SharedQuoteView, SideBySide, SideBySideArticle, StoryLists, StoryMatchView, TimelineView, PassageSourceView, WireView } from './report-types';

/** How many articles of each grade are listed and compared in detail. */
export const MAX_PER_GRADE = 10;

/**
 * Quotes and passages are compared only for texts up to this length (a long news article is
 * 60,000 characters). Half the page script's 1 MB extraction limit (entrypoints/extract-page.ts),
 * so that a page between the two is read and listed, and the panel says why it is not compared
 * in detail. Not raised although passages are now linear and fast (two 5 MB texts prepared and
 * compared in 1.7 s of CPU): the rest of the detailed comparison is not. On texts of joined news
 * articles (scripts/bench/passages.bench.ts, CPU, loaded machine) the whole comparison of a pair
 * took 4.3 s at 60,000 characters, 6.6 s at 120,000 and 22.4 s at 250,000, 81% of it the framing
 * view beside the other version (18.1 s) and 11% the quotation alignment (2.5 s): past a 2 s
 * budget (issue 16's) at any size above a long article, and the report's budget stops between
 * steps, not inside the framing view.
 */
export const MAX_DETAIL_CHARS = 500_000;

/** Whether a text is short enough to compare in detail. */
const fitsDetail = (text: string) => text.length <= MAX_DETAIL_CHARS;

/**
 * Characters of each side of a passage the report holds, marked (what the panel's list shows;
 * the whole passage is shown in the page, found by its `pageQuote`). A passage may be a whole
 * copied article: carrying both sides whole cost a page of 70,000 words a 4.5 MB report, three
 * quarters of it passage text the panel never shows, copied to the panel and held in the
 * background while it was (issue 20).
 */
export const PASSAGE_SHOWN_CHARS = 360;

/**
 * A version is a copy of the page when its copied passages cover this share of it word for word,
 * none edited: a reprint has no framing of its own to show. (An edited copy has: an outlet's
 * rewrite of the same text, `a martelé` for `a déclaré`, a scare quote added, covers the page
 * whole, and its edits are its framing.)
 */
const COPY_COVERAGE = 0.9;
const isCopy = (c: PairComparison): boolean => c.coverage.a >= COPY_COVERAGE && c.passages.every((p) => !isCopied(p) || p.edits.length === 0);

/** The page as the report reads it. */
export interface ReportPage extends ArticleText {
  title: string | null;
  /** Read for agency credits (lib/wire). */
  byline?: string | null;
  /** For the timeline (lib/timeline): the page's declared publication time, and when it was first seen. */
  publishedTime?: string | null;
  firstSeen?: string | null;
}

/** The page prepared once for all its comparisons; too long, it is prepared empty and says its length. */
export interface PreparedPage extends PreparedArticle {
  title: string | null;
  byline?: string | null;
  publishedTime?: string | null;
  firstSeen?: string | null;
  detailSkipped?: number;
  /** The page's text as `textKey` gives it (the report's `pageKey`): the text read, even when prepared empty. */
  key: string;
}

/** A stored article the page is compared with. */
export interface StoredVersion extends OtherVersion {
  site: string | null;
  publishedTime: string | null;
  /** Read for agency credits (lib/wire). */
  byline?: string | null;
  /** When it was first saved (the timeline's time when it declares no publication time). */
  savedAt?: string | null;
}

export function preparePage(page: ReportPage): PreparedPage {
  const own = { title: page.title, byline: page.byline ?? null, publishedTime: page.publishedTime ?? null, firstSeen: page.firstSeen ?? null, key: textKey(page.text) };
  if (fitsDetail(page.text)) return { ...prepareArticle(page), ...own };
  return { ...prepareArticle({ ...page, text: '' }), ...own, detailSkipped: page.text.length };
}

/** Whether two articles are in one language, as far as known (`fr` and `fr-CA` are; an unknown one is any). */
const sameLanguage = (a: string | null | undefined, b: string | null | undefined): boolean => !a || !b || baseLanguage(a) === baseLanguage(b);

/**
 * Whether the page's framing can be set beside a version: both compared in detail, and in one
 * language (across languages every word differs, and omissions, labels and headlines would tell
 * the language, not the framing — `Syria` "never given" beside `Syrie`).
 */
export function framedBeside(page: PreparedPage, version: { text: string; language?: string | null }): boolean {
  return comparedInDetail(page, version) && sameLanguage(page.language, version.language);
}

/** Whether the page and a stored version are compared in detail (quotes, passages, framing). */
export function comparedInDetail(page: PreparedPage, version: { text: string }): boolean {
  return page.detailSkipped === undefined && fitsDetail(version.text);
}

/** The matches the report lists and compares: the best of each grade, same event first (matches come best first). */
export function pickMatches<M extends Pick<Match, 'relation'>>(matches: readonly M[]): M[] {
  const best = (relation: Match['relation']) => matches.filter((m) => m.relation === relation).slice(0, MAX_PER_GRADE);
  return [...best('same'), ...best('related')];
}

/** The stored articles matched to the page: all the matches (graded, best first) and the stored texts of the picked ones. */
export interface MatchedCorpus<V extends StoredVersion = StoredVersion> {
  /** How many articles the corpus holds. */
  size: number;
  matches: readonly Match[];
  /** By id (`Number(match.id)`); a match whose article is missing (deleted meanwhile) is left out. */
  stored: ReadonlyMap<number, V>;
}

/**
 * Time a comparison may take: in all, and in one step (one article's comparison), so that a page
 * made to be slow (thousands of quotation marks) cannot hold the background for long between the
 * steps it yields at (issue 20, "Bounded analysis"). Past its budget a report returns what it has
 * and says what it left out (`ComparisonReport.budgetSpent`).
 */
export interface ReportBudget {
  totalMs: number;
  stepMs: number;
}

/** The background's budget; a news page's comparison takes well under a second. */
export const COMPARE_BUDGET: ReportBudget = { totalMs: 10_000, stepMs: 1_000 };

/** Work the caller may do its own way (the background reuses prepared articles across requests). */
export interface ReportWork<V extends StoredVersion = StoredVersion> {
  /** No budget by default (the CLI, tests): every article compared in full. */
  budget?: ReportBudget;
  /** The clock the budget is read on (milliseconds); `performance.now` by default. */
  now?: () => number;
  /** When the budget started, on `now` (the caller's own work before the report, e.g. preparing the page, counts); the call by default. */
  startedAt?: number;
  /** A stored version prepared for comparison; `prepareArticle` by default. */
  prepare?: (version: V) => PreparedArticle;
  /** The page's framing beside a version, thrown out past `deadline` (lib/framing `FramingCut`); `framingView` by default. */
  framing?: (version: V, prepared: PreparedArticle, deadline: FramingDeadline) => FramingView;
  /** The page compared with a version, the quotation alignment stopping at `deadline` on `now`; `comparePrepared` by default. */
  compare?: (version: V, prepared: PreparedArticle, deadline: number, now: () => number) => PairComparison;
}

/**
 * Announced before each long step: the lists once known, each article before it is compared
 * (`articleId` null once all are), the framing before it is computed (against `articleId`).
 */
export type ReportStep =
  | { stage: 'listed'; lists: StoryLists }
  | { stage: 'comparing'; done: number; total: number; articleId: number | null }
  | { stage: 'framing'; articleId: number | null };

interface Compared<V extends StoredVersion = StoredVersion> {
  version: V;
  relation: StoryMatchView['relation'];
  prepared: PreparedArticle;
  comparison: PairComparison;
}

/** The picked matches whose article is stored, as listed; needs no preparation of the page (the lists can be shown before it). */
function listedMatches<V extends StoredVersion>(corpus: MatchedCorpus<V>): { listed: { version: V; view: StoryMatchView }[]; lists: StoryLists } {
  const listed = pickMatches(corpus.matches).flatMap((match) => {
    const version = corpus.stored.get(Number(match.id));
    const relation = match.relation as StoryMatchView['relation'];
    return version ? [{ version, view: { id: version.id, title: version.title, site: version.site, publishedTime: version.publishedTime, relation, score: match.score, reasons: match.reasons } }] : [];
  });
  const ofGrade = (relation: StoryMatchView['relation']) => listed.filter((x) => x.view.relation === relation).map((x) => x.view);
  return { listed, lists: { corpusSize: corpus.size, same: ofGrade('same'), related: ofGrade('related') } };
}

/** The same-event and storyline lists of a comparison (its first step). */
export const storyLists = (corpus: MatchedCorpus): StoryLists => listedMatches(corpus).lists;

/**
 * What a comparison that could not run past its lists shows (its analysis was stopped at the
 * budget): the lists, nothing compared, and says so. No wire or timeline: they are made from
 * the comparisons.
 */
export function listsOnlyReport(lists: StoryLists, totalMs: number, notCompared: number, pageKey: string): ComparisonReport {
  return {
    ...lists,
    pageKey,
    budgetSpent: { totalMs, notCompared, quotesPartial: 0, framingSkipped: true, storySkipped: lists.same.length > 0 },
    quotes: [],
    framing: null,
    passages: [],
    coverage: { overall: 0, sameEvent: null, byArticle: [] },
  };
}

/** The page compared with the matched stored articles, step by step; the generator's return value is the report. */
export function* comparisonReport<V extends StoredVersion>(page: PreparedPage, corpus: MatchedCorpus<V>, work: ReportWork<V> = {}): Generator<ReportStep, ComparisonReport, void> {
  const prepare = work.prepare ?? prepareArticle;
  const now = work.now ?? (() => performance.now());
  const deadline = work.budget ? (work.startedAt ?? now()) + work.budget.totalMs : Infinity;
  let pageFraming: ArticleFraming | undefined;
  const framing = work.framing ?? ((v: V, p: PreparedArticle, d: FramingDeadline) => framingView(page, (pageFraming ??= articleFraming(page, d)), v, p, undefined, d));
  const compare = work.compare ?? ((_v: V, p: PreparedArticle, until: number, clock: () => number) => comparePrepared(page, p, until, clock));

  const { listed, lists } = listedMatches(corpus);
  yield { stage: 'listed', lists };

  const toCompare = listed.filter(({ version }) => comparedInDetail(page, version));
  const compared: Compared<V>[] = [];
  for (const [i, { version, view }] of toCompare.entries()) {
    if (now() >= deadline) break;
    yield { stage: 'comparing', done: i, total: toCompare.length, articleId: version.id };
    const prepared = prepare(version);
    const stepEnd = work.budget ? Math.min(deadline, now() + work.budget.stepMs) : Infinity;
    compared.push({ version, relation: view.relation, prepared, comparison: compare(version, prepared, stepEnd, now) });
  }
  if (toCompare.length > 0) yield { stage: 'comparing', done: toCompare.length, total: toCompare.length, articleId: null };

  const quotes = groupQuotes(compared);
  const passages = compared.flatMap(({ version, comparison }) =>
    comparison.passages.map((p) => ({
      articleId: version.id,
      kind: p.kind,
      similarity: p.similarity,
      pageSpan: { start: p.a.start, end: p.a.end },
      page: firstChars(markRuns(page.text, p.a, p.edits.map((e) => e.a)), PASSAGE_SHOWN_CHARS),
      other: firstChars(markRuns(version.text, p.b, p.edits.map((e) => e.b)), PASSAGE_SHOWN_CHARS),
      otherSpan: p.b,
    })),
  );
  const sameCompared = compared.filter((c) => c.relation === 'same');
  const coverage = {
    overall: coverageOfPage(page, compared.map((c) => c.comparison)),
    sameEvent: sameCompared.length > 0 ? coverageOfPage(page, sameCompared.map((c) => c.comparison)) : null,
    byArticle: compared.map(({ version, comparison }) => ({ articleId: version.id, coverage: comparison.coverage.a })).filter((c) => c.coverage > 0),
  };
  // Framing beside the closest version: the best same-event article, else the best related one
  // (compared in list order), passing over copies of the page.
  let framingSkipped = now() >= deadline;
  const closest = framingSkipped ? undefined : compared.find((c) => !isCopy(c.comparison) && framedBeside(page, c.version));
  yield { stage: 'framing', articleId: closest?.version.id ?? null };
  // Stopped at the deadline, the framing is not shown at all: rows from half the work could be wrong.
  const framed = closest ? withinDeadline(() => framing(closest.version, closest.prepared, { at: deadline, now })) : null;
  if (closest && !framed) framingSkipped = true;
  const notCompared = toCompare.length - compared.length;
  const quotesPartial = compared.filter((c) => c.comparison.quotesPartial).length;
  // Precision first: with a same-event version left unread, "likely first in X", "no stored
  // article crediting AFP shares its text" and the count of independent reports may be wrong.
  const storySkipped = toCompare.some((t) => t.view.relation === 'same' && !compared.some((c) => c.version === t.version));
  return {
    ...(page.detailSkipped !== undefined ? { detailSkipped: page.detailSkipped } : {}),
    ...(work.budget && (notCompared > 0 || quotesPartial > 0 || framingSkipped) ? { budgetSpent: { totalMs: work.budget.totalMs, notCompared, quotesPartial, framingSkipped, storySkipped } } : {}),
    ...lists,
    pageKey: page.key,
    quotes,
    framing: framed,
    passages,
    coverage,
    ...(storySkipped ? {} : { wire: wireOfStory(page, sameCompared), timeline: timelineOfStory(page, sameCompared) }),
  };
}

/**
 * The page and its same-event versions by publication time, and for each stretch of the page
 * copied in other versions, the version certainly published first among those carrying it.
 */
function timelineOfStory(page: PreparedPage, same: readonly Compared[]): TimelineView {
  const pageDated: Dated<number | null> = { key: null, publishedTime: page.publishedTime ?? null, firstSeen: page.firstSeen ?? null };
  const dated = new Map<number | null, Dated<number | null>>([[null, pageDated], ...same.map((c): [number, Dated<number | null>] => [c.version.id, { key: c.version.id, publishedTime: c.version.publishedTime, firstSeen: c.version.savedAt ?? null }])]);
  const copied = same.map((c) => ({ id: c.version.id, spans: c.comparison.passages.filter(isCopied).map((p) => p.a) }));
  const sources = unionSpans(copied.flatMap((c) => c.spans)).map((span): PassageSourceView => {
    const carriers = copied.filter((c) => c.spans.some((s) => s.start < span.end && s.end > span.start)).map((c) => c.id);
    const found = likelySource([pageDated, ...carriers.map((id) => dated.get(id)!)]);
    return { pageSpan: { start: span.start, end: span.end }, carriers, source: found && { articleId: found.source, from: found.from, to: found.to, next: found.next } };
  });
  return { entries: timeline([...dated.values()]).map((e) => ({ articleId: e.key, time: e.time, basis: e.basis })), sources };
}

/**
 * Whose wire the page and its same-event versions carry: the agencies credited, the copies of one
 * agency's text grouped (lib/wire), the page's share copied from its agency's other copies, and
 * the counts of independent reports and reprints. Two stored versions are compared with each
 * other (passages only) only when both credit a common agency.
 */
function wireOfStory(page: PreparedPage, same: readonly Compared[]): WireView {
  const pageCredits = creditedAgencies(page);
  const byId = new Map(same.map((c) => [c.version.id, c]));
  const copies = (c: Compared) => c.comparison.passages.some(isCopied);
  const sharesCopy = (a: number | null, b: number | null): boolean => {
    if (a === null || b === null) return copies(byId.get((a ?? b)!)!);
    return comparePassages(byId.get(a)!.prepared.words, byId.get(b)!.prepared.words).passages.some(isCopied);
  };
  const members = [{ key: null, agencies: pageCredits }, ...same.map((c) => ({ key: c.version.id, agencies: creditedAgencies({ text: c.version.text, byline: c.version.byline ?? null }) }))];
  const groups = wireGroups<number | null>(members, sharesCopy);
  // The page's wire: the largest group of copies it is in.
  const pageGroup = groups.find((g) => g.members.includes(null));
  const pageWire = pageGroup
    ? { agency: pageGroup.agency, share: coverageOfPage(page, same.filter((c) => pageGroup.members.includes(c.version.id)).map((c) => c.comparison)) }
    : null;
  const counts = reportCounts(members.map((m) => m.key), groups);
  return {
    pageCredits,
    pageWire,
    groups: groups.map((g) => ({ agency: g.agency, articleIds: g.members.filter((k): k is number => k !== null), includesPage: g.members.includes(null) })),
    counts: { versions: members.length, ...counts },
  };
}

/** Runs a report's steps without pause (the CLI, tests). */
export function reportNow(steps: Generator<ReportStep, ComparisonReport, void>): ComparisonReport {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Quotations of the page, grouped by where they are in the page, with every stored version — each
 * version once: several quotations of one article found unquoted in the same words of the page
 * (the same statement quoted twice) are one reuse, the first kept, a quoted pair before any. A page
 * of a few repeated words gave one of its sentences 1,374 entries of 3 articles (issue 20: a 7 MB report).
 */
function groupQuotes(compared: readonly Compared[]): SharedQuoteView[] {
  const byPageSpan = new Map<string, SharedQuoteView & { start: number }>();
  for (const { version, comparison } of compared) {
    for (const q of [...comparison.sharedQuotes].sort((x, y) => Number(x.relation === 'unquoted') - Number(y.relation === 'unquoted'))) {
      const key = `${q.a.start}:${q.a.end}`;
      const view = byPageSpan.get(key) ?? { start: q.a.start, pageSpan: { start: q.a.start, end: q.a.end }, speaker: q.speaker, versions: [] as SharedQuoteView['versions'] };
      if (view.versions.some((v) => v.articleId === version.id)) continue;
      // One version naming someone else is enough doubt: no speaker rather than a wrong one.
      if (q.speakersDiffer || speakersDiffer(view.speaker, q.speaker)) {
        view.speaker = null;
        view.speakersDiffer = true;
      } else if (!view.speakersDiffer) view.speaker = view.speaker === null ? q.speaker : creditedSpeaker(view.speaker, q.speaker);
      view.versions.push({
        articleId: version.id,
        relation: q.relation,
        diff: q.relation === 'exact' ? [] : q.diff.map((d) => ({ op: d.op, text: d.text })),
      });
      byPageSpan.set(key, view);
    }
  }
  return [...byPageSpan.values()].sort((x, y) => x.start - y.start).map(({ start: _start, ...view }) => view);
}

/** An article set beside another: what the side-by-side view shows of it, before its marks. */
export type SideBySideInput = Omit<SideBySideArticle, 'marks'>;

/** Work the caller may do its own way for `sideBySide` (the analysis worker keeps preparations, and holds it to a budget). */
export interface SideBySideWork {
  /** An article prepared for comparison; `prepareArticle` by default. */
  prepare?: (x: SideBySideInput) => PreparedArticle;
  /** When the quotation alignment stops, on `now` (none by default): `quotesPartial` says it did. */
  deadline?: number;
  now?: () => number;
}

/**
 * Two articles with the quotations and passages they share marked in both texts; each shared
 * item has one number (`pair`) on both sides, so a view can go from one to the other.
 */
export function sideBySide(a: SideBySideInput, b: SideBySideInput, work: SideBySideWork = {}): SideBySide {
  const side = (x: SideBySideInput, marks: SharedMark[]): SideBySideArticle => ({
    id: x.id, title: x.title, site: x.site, language: x.language, publishedTime: x.publishedTime, url: x.url,
    text: x.text, paragraphs: x.paragraphs, marks: marks.sort((m, n) => m.start - n.start || n.end - m.end),
  });
  if (!fitsDetail(a.text) || !fitsDetail(b.text)) {
    return { a: side(a, []), b: side(b, []), quotes: 0, passages: 0, coverage: { a: 0, b: 0 }, detailSkipped: Math.max(a.text.length, b.text.length) };
  }
  const prepare = work.prepare ?? prepareArticle;
  const pair = comparePrepared(prepare(a), prepare(b), work.deadline, work.now);
  const marksA: SharedMark[] = [];
  const marksB: SharedMark[] = [];
  const items = [
    ...pair.sharedQuotes.map((q) => ({ a: q.a, b: q.b, kind: 'quote' as const, relation: q.relation })),
    ...pair.passages.map((p) => ({ a: p.a, b: p.b, kind: 'passage' as const, relation: p.kind })),
  ];
  for (const [n, { a: spanA, b: spanB, kind, relation }] of items.entries()) {
    marksA.push({ start: spanA.start, end: spanA.end, kind, relation, pair: n });
    marksB.push({ start: spanB.start, end: spanB.end, kind, relation, pair: n });
  }
  return {
    a: side(a, marksA), b: side(b, marksB), quotes: pair.sharedQuotes.length, passages: pair.passages.length, coverage: pair.coverage,
    ...(pair.quotesPartial ? { quotesPartial: true as const } : {}),
  };
}
