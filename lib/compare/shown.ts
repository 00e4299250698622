/**
 * What of a comparison report is shown for the reader's choice of compared articles. Kept apart
 * from `report.ts` (no analysis imported) so the side panel can use it without bundling the
 * analyses.
 */
import type { PassageView, SharedQuoteView, ShownEvidence, StoryLists, StoryMatchView } from './report-types';

type Lists = Pick<StoryLists, 'same' | 'related'>;

/**
 * A list as the panel shows it: the articles the reader marked "not the same event" in this view
 * kept in their list (the comparison that follows the change no longer has them), so each keeps
 * its undo in place; in the order of score, as the background ranks them.
 */
export function listedWithMarked(articles: StoryMatchView[], marked: ReadonlyMap<number, StoryMatchView>, relation: StoryMatchView['relation']): StoryMatchView[] {
  if (marked.size === 0) return articles;
  return [...articles.filter((a) => !marked.has(a.id)), ...[...marked.values()].filter((a) => a.relation === relation)].sort((x, y) => y.score - x.score);
}

/** The lists without the articles kept apart (marked not the same event, here or earlier): their evidence is not shown, nor offered to choose. */
export function comparedLists<R extends Lists>(report: R, isApart: (id: number) => boolean): R {
  const kept = (list: StoryMatchView[]) => list.filter((a) => !isApart(a.id));
  return { ...report, same: kept(report.same), related: kept(report.related) };
}

/**
 * The reader's choice of compared article once the lists or the judgements change: kept while
 * the article is listed and not marked apart, else back to the default (null, all same-event
 * articles). Without lists (a comparison under way) the choice waits.
 */
export function stillChosen(chosen: number | null, lists: Lists | null, marked: { has(id: number): boolean }): number | null {
  if (chosen === null) return null;
  if (marked.has(chosen)) return null;
  if (lists && ![...lists.same, ...lists.related].some((a) => a.id === chosen)) return null;
  return chosen;
}

/**
 * The evidence of the chosen article, or by default of all same-event articles (the storyline's
 * when none is on the same event): quotations with those versions only, passages, coverage.
 */
export function shownEvidence<Q extends SharedQuoteView, P extends PassageView>(
  report: Lists & { quotes: Q[]; passages: P[]; coverage: { overall: number; sameEvent: number | null; byArticle: { articleId: number; coverage: number }[] } },
  chosen: number | null,
): ShownEvidence<Q, P> {
  const shownIds = new Set(chosen !== null ? [chosen] : (report.same.length > 0 ? report.same : report.related).map((a) => a.id));
  const quotes = report.quotes
    .map((q) => ({ ...q, versions: q.versions.filter((v) => shownIds.has(v.articleId)) }))
    .filter((q) => q.versions.length > 0);
  const passages = report.passages.filter((p) => shownIds.has(p.articleId));
  const covered = report.coverage.byArticle.filter((x) => shownIds.has(x.articleId));
  const share = chosen !== null ? (covered[0]?.coverage ?? 0) : ((report.same.length > 0 ? report.coverage.sameEvent : null) ?? report.coverage.overall);
  // Copied text (verbatim, edited) is what the coverage counts; a paraphrase is listed apart.
  const copied = passages.filter((p) => p.kind !== 'paraphrase');
  const similar = passages.filter((p) => p.kind === 'paraphrase');
  return { quotes, passages, copied, similar, coverage: { share, articles: covered.length } };
}
