/**
 * Whose wire it is, on the comparison report: four Swiss reports of the gilets jaunes' acte V
 * (gilets-jaunes fixture; tests/expected/passages/gilets-jaunes-pairs.json labels their pairs):
 * two tdg.ch updates signed "(afp/nxp)" sharing AFP paragraphs, a Nouvelliste piece copying some
 * of them without a credit, and a Le Temps report.
 */
import { describe, expect, it } from 'vitest';
import { extractFromText } from '../../extract';
import type { Match } from '../../corpus-index';
import { comparisonReport, preparePage, reportNow, type StoredVersion } from '../report';
import { giletsJaunesByUrl } from '../../../tests/support/corpora';

const CALM = 'https://www.tdg.ch/monde/L-acte-V-des-gilets-jaunes-debute-calmement/story/15250081';
const DETERMINED = 'https://www.tdg.ch/monde/Les-gilets-jaunes-determines-avant-l-acte-V/story/25632022';
const NOUVELLISTE = 'http://www.lenouvelliste.ch/articles/monde/gilets-jaunes-cinquieme-samedi-de-manifestations-en-france-807575';
const LE_TEMPS = 'https://www.letemps.ch/monde/gilets-jaunes-un-acte-v-marque-une-faible-mobilisation';

const docs = giletsJaunesByUrl();
const article = (url: string) => ({ ...extractFromText(docs.get(url)!.text), title: null, byline: null });

/** The report for the page at `pageUrl`, the others stored (ids 1…) and matched as the same event; `dates`: publication times by URL. */
function reportFor(pageUrl: string, storedUrls: string[], dates: Record<string, { publishedTime?: string; savedAt?: string }> = {}) {
  const stored = new Map(storedUrls.map((url, i): [number, StoredVersion] => [i + 1, { id: i + 1, ...article(url), site: new URL(url).hostname, publishedTime: dates[url]?.publishedTime ?? null, savedAt: dates[url]?.savedAt ?? null }]));
  const matches: Match[] = storedUrls.map((_, i) => ({ id: String(i + 1), relation: 'same', score: 1 - i / 10, reasons: [] }));
  const page = { ...article(pageUrl), publishedTime: dates[pageUrl]?.publishedTime ?? null, firstSeen: dates[pageUrl]?.savedAt ?? null };
  return reportNow(comparisonReport(preparePage(page), { size: stored.size, matches, stored }));
}

describe('wire copy on the report', () => {
  it('the AFP page with an AFP copy stored: one AFP group with the page, its share, and 3 independent reports, 2 reprints', () => {
    const { wire } = reportFor(CALM, [DETERMINED, NOUVELLISTE, LE_TEMPS]);
    expect(wire?.pageCredits).toEqual(['AFP']);
    expect(wire?.groups).toEqual([{ agency: 'AFP', articleIds: [1], includesPage: true }]);
    expect(wire?.pageWire?.agency).toBe('AFP');
    expect(wire?.pageWire?.share).toBeGreaterThan(0.1);
    expect(wire?.pageWire?.share).toBeLessThanOrEqual(1);
    // The Nouvelliste copies AFP paragraphs but credits no one: it stays an independent report.
    expect(wire?.counts).toEqual({ versions: 4, independent: 3, reprints: [{ agency: 'AFP', count: 2 }] });
  });

  it('a page crediting no agency: the two stored AFP copies grouped without it', () => {
    const { wire } = reportFor(NOUVELLISTE, [CALM, DETERMINED, LE_TEMPS]);
    expect(wire?.pageCredits).toEqual([]);
    expect(wire?.pageWire).toBeNull();
    expect(wire?.groups).toEqual([{ agency: 'AFP', articleIds: [1, 2], includesPage: false }]);
    expect(wire?.counts).toEqual({ versions: 4, independent: 3, reprints: [{ agency: 'AFP', count: 2 }] });
  });

  it('an AFP page and AFP articles sharing no copied text with it: credits, but no group and no share', () => {
    const bourges = 'https://www.lematin.ch/monde/manif-gilets-jaunes-interdite-bourges/story/17088894';
    const { wire } = reportFor(bourges, [LE_TEMPS, NOUVELLISTE]);
    expect(wire?.pageCredits).toEqual(['AFP']);
    expect(wire?.groups).toEqual([]);
    expect(wire?.pageWire).toBeNull();
    expect(wire?.counts).toEqual({ versions: 3, independent: 3, reprints: [] });
  });
});

describe('who published first, on the report', () => {
  // Publication times given for the test (the fixture has none): the earlier tdg.ch update first.
  const dates = {
    [DETERMINED]: { publishedTime: '2018-12-07T17:40:00Z' },
    [CALM]: { publishedTime: '2018-12-08T09:15:00Z' },
    // A date without its hour, the same day as the earlier update: which came first is not known.
    [NOUVELLISTE]: { publishedTime: '2018-12-07' },
    [LE_TEMPS]: { savedAt: '2018-12-09T08:00:00Z' },
  };

  it('orders the page and its same-event versions by publication time, else first seen', () => {
    const { timeline } = reportFor(CALM, [DETERMINED, NOUVELLISTE, LE_TEMPS], dates);
    expect(timeline?.entries).toEqual([
      { articleId: 2, time: '2018-12-07', basis: 'published' },
      { articleId: 1, time: '2018-12-07T17:40:00Z', basis: 'published' },
      { articleId: null, time: '2018-12-08T09:15:00Z', basis: 'published' },
      { articleId: 3, time: '2018-12-09T08:00:00Z', basis: 'first-seen' },
    ]);
  });

  it('names the earlier update the likely source of the passages it carries, with the window to the next copy', () => {
    const { timeline } = reportFor(CALM, [DETERMINED, NOUVELLISTE, LE_TEMPS], { ...dates, [NOUVELLISTE]: { publishedTime: '2018-12-08' } });
    const sources = timeline?.sources ?? [];
    expect(sources.length).toBeGreaterThan(0);
    // Le Temps is only first seen: it may have been published earlier, so what it carries has no named source.
    for (const s of sources.filter((x) => x.carriers.includes(3))) expect(s.source).toBeNull();
    for (const s of sources.filter((x) => x.carriers.includes(1) && !x.carriers.includes(3))) {
      const next = s.carriers.includes(2) ? { next: 2, to: '2018-12-08' } : { next: null, to: '2018-12-08T09:15:00Z' };
      expect(s.source).toEqual({ articleId: 1, from: '2018-12-07T17:40:00Z', ...next });
    }
    expect(sources.some((s) => s.source?.articleId === 1)).toBe(true);
  });

  it('names no source for passages a version of the same day without its hour carries too', () => {
    const { timeline } = reportFor(CALM, [DETERMINED, NOUVELLISTE, LE_TEMPS], dates);
    for (const s of timeline?.sources ?? []) if (s.carriers.includes(2)) expect(s.source).toBeNull();
  });
});
