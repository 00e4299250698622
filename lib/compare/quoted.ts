/**
 * A comparison report's page spans made into TextQuote selectors (the words with their context),
 * from the page's text: the report carries offsets only, since its reader has the page's text
 * already (the side panel got it with the page's state; the CLI read the file). A reply that
 * carried the words cost a page of 70,000 words 1.9 MB, its passages and timeline holding the
 * page's text several times over (issue 20). Kept apart from `report.ts` (no analysis imported)
 * for the side panel's bundle.
 */
import { quoteSelector } from '../anchor/selector';
import type { ComparisonReport, QuotedReport } from './report-types';

/**
 * A short key of a text: its length and its 32-bit FNV-1a hash over UTF-16 code units (Fowler,
 * Noll, Vo). Tells the text a report's spans index from another reading of the page (edited since).
 */
export function textKey(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${text.length}:${(hash >>> 0).toString(16)}`;
}

/**
 * The report with each page span's selector rebuilt from `pageText`: what the panel renders and
 * `recoupe compare` prints. Null when `pageText` is not the text the report was made from (the
 * page was read again since): offsets into another text would point at other words.
 */
export function quoteReport<R extends ComparisonReport>(report: R, pageText: string): QuotedReport<R> | null {
  if (textKey(pageText) !== report.pageKey) return null;
  const quoted = <T extends { pageSpan: { start: number; end: number } }>(x: T) => ({ ...x, pageQuote: quoteSelector(pageText, x.pageSpan) });
  return {
    ...report,
    quotes: report.quotes.map(quoted),
    passages: report.passages.map(quoted),
    ...(report.timeline ? { timeline: { ...report.timeline, sources: report.timeline.sources.map(quoted) } } : {}),
  };
}
