/**
 * The report carries spans into the page, not its words (issue 20: a 70,000-word page's reply was
 * 1.9 MB, its passages and timeline holding the page's text): its size follows what the panel
 * shows, not the page's length; the words and their context are rebuilt from the page's text,
 * and only from the text the report was made from.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFromText } from '../../extract';
import type { Match } from '../../corpus-index';
import { comparisonReport, PASSAGE_SHOWN_CHARS, preparePage, reportNow, type StoredVersion } from '../report';
import { quoteReport, textKey } from '../quoted';
import { readGiletsJaunes } from '../../../tests/support/corpora';
import { SEEDS_DIR } from '../../../tests/support/shared-fixtures';

const seed = extractFromText(readFileSync(join(SEEDS_DIR, '000_492f0f67598950be.txt'), 'utf8')).text;
/** Gilets jaunes articles without their quotation marks (single ones too, not an elision's apostrophe): more text, no more quotations to show. */
const filler = readGiletsJaunes().slice(0, 12).map((d) => d.text.replace(/["«»“”„‘‹›]|(?<!\p{L})['’]|['’](?!\p{L})/gu, ''));

/** The page against two stored copies of itself (same event, dated: a timeline with its sources). */
function reportOn(text: string) {
  const stored = new Map([1, 2].map((id): [number, StoredVersion] => [id, { id, title: `copie ${id}`, site: `copie${id}.example.org`, publishedTime: `2016-07-0${id}T08:00:00Z`, text, language: 'fr' }]));
  const matches = [1, 2].map((id) => ({ id: String(id), relation: 'same', score: 1, reasons: [] }) as unknown as Match);
  const page = { text, language: 'fr', title: 'La page', publishedTime: '2016-07-05T08:00:00Z' };
  return reportNow(comparisonReport(preparePage(page), { size: 2, matches, stored }));
}

/** The longest string anywhere in a value. */
const longestString = (v: unknown): number =>
  typeof v === 'string' ? v.length : Array.isArray(v) ? Math.max(0, ...v.map(longestString)) : v && typeof v === 'object' ? Math.max(0, ...Object.values(v).map(longestString)) : 0;

describe('the report holds spans into the page: its size follows what is shown', () => {
  const base = reportOn(seed);
  const baseChars = JSON.stringify(base).length;

  it.each([
    { name: 'a seed article', articles: 0, longer: 1 },
    { name: 'the seed and 3 articles of text more', articles: 3, longer: 2 },
    { name: 'the seed and 12 articles of text more', articles: 12, longer: 8 },
  ])('$name: no string longer than a passage as shown, the same size whatever the page\'s length', ({ articles, longer }) => {
    const text = [seed, ...filler.slice(0, articles)].join('\n\n');
    expect(text.length).toBeGreaterThanOrEqual(longer * seed.length);
    const report = reportOn(text);
    // What the panel shows: the passages (the whole page, copied), the timeline's source of each, the quotations.
    expect(report.passages.length).toBeGreaterThan(0);
    expect(report.timeline!.sources.length).toBeGreaterThan(0);
    expect(Math.max(...report.passages.map((p) => p.pageSpan.end - p.pageSpan.start))).toBeGreaterThan(0.9 * text.length);
    expect(report.quotes.length).toBe(base.quotes.length);
    expect(longestString(report)).toBeLessThanOrEqual(Math.max(PASSAGE_SHOWN_CHARS + 1, longestString(base.quotes), longestString(base.framing)));
    // As many items as the seed alone gives (filler brings no quotation): about the same size.
    expect(JSON.stringify(report).length).toBeLessThan(baseChars * 1.2 + 1_000);
  });

  it('rebuilds each item\'s words and context from the page\'s text, as the panel and the CLI show them', () => {
    const text = [seed, ...filler.slice(0, 3)].join('\n\n');
    const report = reportOn(text);
    const quoted = quoteReport(report, text)!;
    for (const item of [...quoted.quotes, ...quoted.passages, ...quoted.timeline!.sources]) {
      expect(item.pageQuote.exact).toBe(text.slice(item.pageSpan.start, item.pageSpan.end));
      expect(text.slice(0, item.pageSpan.start).endsWith(item.pageQuote.prefix)).toBe(true);
      expect(text.slice(item.pageSpan.end).trimStart().startsWith(item.pageQuote.suffix)).toBe(true);
    }
    const cut = (s: string) => (s.length > PASSAGE_SHOWN_CHARS ? `${s.slice(0, PASSAGE_SHOWN_CHARS)}…` : s);
    for (const p of quoted.passages) expect(p.page.map((r) => r.text).join('')).toBe(cut(p.pageQuote.exact));
  });

  it.each([
    { name: 'the text it was made from', edit: (t: string) => t, quoted: true },
    { name: 'the page read again with a word changed (same length)', edit: (t: string) => t.replace('Poutine', 'Poutina'), quoted: false },
    { name: 'the page read again with a sentence more', edit: (t: string) => `${t} Mise à jour.`, quoted: false },
    { name: 'another page', edit: () => filler[0]!, quoted: false },
  ])('quotes from $name: $quoted', ({ edit, quoted }) => {
    const changed = edit(seed);
    expect(textKey(changed) === base.pageKey).toBe(quoted);
    expect(quoteReport(base, changed) !== null).toBe(quoted);
  });
});
