/**
 * What of a comparison report is shown for the reader's choice of compared articles. Kept apart
 * from `report.ts` (no analysis imported) so the side panel can use it without bundling the
 * analyses.
 */
import type { ComparisonReport, ShownEvidence } from './report-types';

/**
 * The evidence of the chosen article, or by default of all same-event articles (the storyline's
 * when none is on the same event): quotations with those versions only, passages, coverage.
 */
export function shownEvidence(report: ComparisonReport, chosen: number | null): ShownEvidence {
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
