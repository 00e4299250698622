/**
 * A comparison within its time budget (issue 20, "Bounded analysis"): on a page made to be slow,
 * the report returns what it has and says what it left out. Time is a counting clock (one
 * millisecond each time it is read), so the test depends on the work done, not on the machine.
 */
import { describe, expect, it } from 'vitest';
import { manyMarks, manyQuotations, prose } from '../../../tests/support/adversarial-pages';
import type { Match } from '../../corpus-index';
import { alignQuotes, extractQuotes } from '../../quotes';
import { comparisonReport, preparePage, reportNow, type ReportBudget, type StoredVersion } from '../report';

/** A clock that advances one millisecond each time it is read. */
function countingClock(): () => number {
  let t = 0;
  return () => t++;
}

/** The page against `copies` stored versions (`storedText`, a copy of the page by default), every one on the same event. */
function reportOn(text: string, copies: number, budget?: ReportBudget, storedText = text) {
  const stored = new Map(Array.from({ length: copies }, (_, i): [number, StoredVersion] => [i + 1, { id: i + 1, title: `copie ${i + 1}`, site: null, publishedTime: null, text: storedText, language: 'fr' }]));
  const matches: Match[] = [...stored.keys()].map((id) => ({ id: String(id), relation: 'same', score: 1, reasons: [] }));
  const page = preparePage({ text, language: 'fr', title: 'page' });
  return reportNow(comparisonReport(page, { size: copies, matches, stored }, { budget, now: countingClock() }));
}

describe('a comparison past its budget returns what it has and says what it left out', () => {
  // 200 quotations; the stored versions quote the first 100 word for word (paired in one pass)
  // and the others with a word more (each compared with every quotation holding its words: the
  // part of the alignment a budget stops).
  const text = manyQuotations(200, 8);
  const edited = Array.from({ length: 200 }, (_, i) => `« ${prose(i < 100 ? 8 : 9, i)} », a déclaré Jean Dupont${i % 10}.`).join(' ');
  const full = reportOn(text, 3, undefined, edited);
  const versions = (r: typeof full) => r.quotes.flatMap((q) => q.versions.map((v) => `${q.pageSpan.start}:${q.pageSpan.end}|${v.articleId}|${v.relation}`));

  it('without a budget: every quotation found in every version, and nothing said left out', () => {
    expect(full.budgetSpent).toBeUndefined();
    expect(full.quotes).toHaveLength(200);
    expect(full.quotes.every((q) => q.versions.length === 3)).toBe(true);
    expect(full.quotes.flatMap((q) => q.versions).filter((v) => v.relation === 'exact')).toHaveLength(300);
  });

  it.each([
    { name: 'a step too short for one version: alignment stopped early in each, every version still compared', budget: { totalMs: 1_000_000, stepMs: 2_000 }, notCompared: 0, partial: 3 },
    { name: 'a total spent on the first version: the others not compared, the framing skipped', budget: { totalMs: 2_000, stepMs: 2_000 }, notCompared: 2, partial: 1 },
  ])('$name', ({ budget, notCompared, partial }) => {
    const report = reportOn(text, 3, budget, edited);
    expect(report.budgetSpent).toEqual({ totalMs: budget.totalMs, notCompared, quotesPartial: partial, framingSkipped: notCompared > 0, storySkipped: notCompared > 0 });
    // Same-event versions left unread: no wire and no timeline, whose claims (who was first, whose
    // wire, how many independent reports) an unread version could make wrong.
    expect(full.wire).toBeDefined();
    expect(full.timeline).toBeDefined();
    expect(report.wire === undefined && report.timeline === undefined).toBe(notCompared > 0);
    // What it shows is a part of the full report, and right: the quotations paired word for word.
    const shown = versions(report);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(versions(full).length);
    expect(new Set(versions(full))).toEqual(new Set([...versions(full), ...shown]));
    expect(report.same).toEqual(full.same);
  });

  it('10,000 quotation marks against a copy: every quotation long enough to pair found, within a budget of counted reads', () => {
    const text = manyMarks(5_000);
    const report = reportOn(text, 1, { totalMs: 200_000, stepMs: 100_000 });
    expect(report.same).toHaveLength(1);
    expect(report.budgetSpent).toBeUndefined();
    // One quotation in three has four words (the shortest that can pair), some of them three content words: those are all found.
    const quotes = extractQuotes(text, 'fr');
    expect(report.quotes).toHaveLength(alignQuotes(text, quotes, text, quotes, 'fr').length);
    expect(report.quotes.length).toBeGreaterThan(500);
  });
});
