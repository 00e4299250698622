/**
 * The comparison report on the five seeds (gold.json): a page against the stored seeds, matched
 * as the extension matches them, gives the lists, the shared quotations with their versions and
 * the closest version the panel shows; a page too long for detail keeps its lists only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFromText } from '../../extract';
import { computeFeatures } from '../../match';
import { CorpusIndex, matchPage, type Match } from '../../corpus-index';
import { comparisonReport, MAX_DETAIL_CHARS, MAX_PER_GRADE, PASSAGE_SHOWN_CHARS, pickMatches, preparePage, reportNow, sideBySide, type ReportStep, type StoredVersion } from '../report';
import { shownEvidence } from '../shown';
import type { ComparisonReport, QuotedReport } from '../report-types';
import { quoteReport } from '../quoted';
import { SEEDS_DIR } from '../../../tests/support/shared-fixtures';

interface Gold {
  articles: Record<string, { published_hint: string }>;
  relations: { same: [string, string][]; related: [string, string][] };
  shared_quotes: { articles: [string, string]; text: string; speaker: string }[];
}
const gold = JSON.parse(readFileSync(join(SEEDS_DIR, 'gold.json'), 'utf8')) as Gold;
const SEEDS = Object.keys(gold.articles).sort();

/** A seed as the page (or a stored article): its text, and the publication day gold.json gives first. */
function seedArticle(seed: string) {
  const article = extractFromText(readFileSync(join(SEEDS_DIR, `${seed}.txt`), 'utf8'));
  return { ...article, publishedTime: /^\d{4}-\d{2}-\d{2}/.exec(gold.articles[seed]!.published_hint)![0] };
}
const articles = new Map(SEEDS.map((s) => [s, seedArticle(s)]));
/** Stored ids: seed `00n` is article n + 1 (ids start at 1, as in the extension's database). */
const idOf = (seed: string) => SEEDS.indexOf(seed) + 1;
const seedOf = (id: number) => SEEDS[id - 1]!;
const stored = new Map(SEEDS.map((s): [number, StoredVersion] => {
  const a = articles.get(s)!;
  return [idOf(s), { id: idOf(s), title: a.title, site: null, publishedTime: a.publishedTime, text: a.text, language: a.language }];
}));
const features = new Map([...stored].map(([id, a]) => [String(id), computeFeatures(a)]));

/** The report for `page` against the stored `corpus` seeds, through the same steps as the background. */
function reportFor(page: ReturnType<typeof seedArticle>, corpus: string[]): { report: QuotedReport; raw: ComparisonReport; steps: ReportStep[] } {
  const entries = corpus.map((s) => ({ id: String(idOf(s)), features: features.get(String(idOf(s)))! }));
  const matches = matchPage(CorpusIndex.build(entries), computeFeatures(page), (id) => features.get(id));
  const run = comparisonReport(preparePage(page), { size: corpus.length, matches, stored });
  const steps: ReportStep[] = [];
  let step = run.next();
  for (; !step.done; step = run.next()) steps.push(step.value);
  // Quoted from the page's text, as the panel and the CLI quote it.
  return { report: quoteReport(step.value, page.text)!, raw: step.value, steps };
}

/** Gold partners of a seed with a relation. */
const partners = (seed: string, relation: 'same' | 'related') =>
  gold.relations[relation].flatMap(([x, y]) => (x === seed ? [y] : y === seed ? [x] : [])).sort();
const plain = (s: string) => s.normalize('NFKC').replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();

describe('the comparison report on the seeds', () => {
  it.each([
    {
      name: '001 against the five seeds (its own stored copy among them)',
      page: '001_efc4fda914ae2fdd',
      corpus: SEEDS,
      // The copy shares nearly all the page: the framing goes beside the other same-event version.
      closest: '000_492f0f67598950be',
    },
    { name: '000 against the four other seeds', page: '000_492f0f67598950be', corpus: SEEDS.filter((s) => s !== '000_492f0f67598950be'), closest: '001_efc4fda914ae2fdd' },
    // No same-event version: the framing goes beside the best related one.
    { name: '003 against the four other seeds', page: '003_0bb6bc6989cf1c52', corpus: SEEDS.filter((s) => s !== '003_0bb6bc6989cf1c52'), closest: '000_492f0f67598950be' },
  ])('$name: same-event list, related list, shared quotations, closest version', ({ page, corpus, closest }) => {
    const { report } = reportFor(articles.get(page)!, corpus);
    const self = corpus.includes(page) ? [page] : [];
    expect(report.corpusSize).toBe(corpus.length);
    expect(report.same.map((a) => seedOf(a.id)).sort()).toEqual([...self, ...partners(page, 'same')].sort());
    // Every article listed on the storyline is one gold.json relates to the page (gold lists no unrelated pair).
    expect(report.related.length).toBeGreaterThan(0);
    for (const a of report.related) expect(partners(page, 'related')).toContain(seedOf(a.id));
    expect(report.same.every((a) => a.relation === 'same') && report.related.every((a) => a.relation === 'related')).toBe(true);
    // Best first within each list.
    for (const list of [report.same, report.related]) expect(list.map((a) => a.score)).toEqual(list.map((a) => a.score).sort((x, y) => y - x));

    // The quotations gold.json says the page shares with another article, each exact in every
    // version that has it; the page's own copy has them all, and every other quotation of the page.
    const shared = gold.shared_quotes.filter((q) => q.articles.includes(page));
    const withOthers = report.quotes.filter((q) => q.versions.some((v) => seedOf(v.articleId) !== page));
    expect(withOthers.map((q) => plain(q.pageQuote.exact))).toEqual(shared.map((q) => plain(q.text)));
    for (const [i, q] of withOthers.entries()) {
      const holders = [...self, ...shared[i]!.articles.filter((s) => s !== page)].sort();
      expect(q.versions.map((v) => seedOf(v.articleId)).sort()).toEqual(holders);
      expect(shared[i]!.speaker).toContain(q.speaker);
    }
    for (const q of report.quotes) {
      if (self.length > 0) expect(q.versions.map((v) => seedOf(v.articleId))).toContain(page);
      expect(q.versions.every((v) => v.relation === 'exact' && v.diff.length === 0)).toBe(true);
    }

    expect(report.framing?.articleId).toBe(idOf(closest));
    expect(report.detailSkipped).toBeUndefined();
    // Coverage: each compared article's share, all together at least the best one's, never above 1.
    const best = Math.max(...report.coverage.byArticle.map((c) => c.coverage));
    expect(report.coverage.overall).toBeGreaterThanOrEqual(best);
    expect(report.coverage.overall).toBeLessThanOrEqual(1);
  });

  it('announces the lists, each article compared, then the framing, in that order', () => {
    const { report, steps } = reportFor(articles.get('000_492f0f67598950be')!, SEEDS.filter((s) => s !== '000_492f0f67598950be'));
    const ids = [...report.same, ...report.related].map((a) => a.id);
    expect(steps).toEqual([
      { stage: 'listed', lists: { corpusSize: 4, same: report.same, related: report.related } },
      ...ids.map((articleId, done) => ({ stage: 'comparing', done, total: ids.length, articleId })),
      { stage: 'comparing', done: ids.length, total: ids.length, articleId: null },
      { stage: 'framing', articleId: idOf('001_efc4fda914ae2fdd') },
    ]);
  });

  it('holds of each passage its first characters on each side, the whole one found by its quote in the page and its span in the stored text', () => {
    const { report } = reportFor(articles.get('001_efc4fda914ae2fdd')!, SEEDS);
    const cut = (text: string) => (text.length > PASSAGE_SHOWN_CHARS ? `${text.slice(0, PASSAGE_SHOWN_CHARS)}…` : text);
    const joined = (runs: { text: string }[]) => runs.map((r) => r.text).join('');
    // The page's own stored copy shares it whole: a passage far longer than what is shown.
    expect(Math.max(...report.passages.map((p) => p.pageQuote.exact.length))).toBeGreaterThan(4 * PASSAGE_SHOWN_CHARS);
    for (const p of report.passages) {
      expect(joined(p.page)).toBe(cut(p.pageQuote.exact));
      expect(joined(p.other)).toBe(cut(stored.get(p.articleId)!.text.slice(p.otherSpan.start, p.otherSpan.end)));
    }
  });

  it('keeps the lists of a page too long to compare in detail, and says its length', () => {
    const seed = articles.get('000_492f0f67598950be')!;
    const text = `${seed.text}\n\n${'Un paragraphe de remplissage sans guillemets. '.repeat(Math.ceil(MAX_DETAIL_CHARS / 46))}`;
    expect(text.length).toBeGreaterThan(MAX_DETAIL_CHARS);
    const { report, steps } = reportFor({ ...seed, text }, SEEDS.filter((s) => s !== '000_492f0f67598950be'));
    expect(report.same.map((a) => seedOf(a.id))).toEqual(['001_efc4fda914ae2fdd']);
    expect(report).toMatchObject({ detailSkipped: text.length, quotes: [], passages: [], framing: null, coverage: { overall: 0, sameEvent: null, byArticle: [] } });
    expect(steps.map((s) => s.stage)).toEqual(['listed', 'framing']);
  });
});

describe('what the panel shows of a report for the reader’s choice', () => {
  const { report } = reportFor(articles.get('001_efc4fda914ae2fdd')!, SEEDS);
  const copy = idOf('001_efc4fda914ae2fdd');
  const rt = idOf('000_492f0f67598950be');
  const earlier = idOf('002_b5629d95adcdafa8');
  const covered = (id: number) => report.coverage.byArticle.find((c) => c.articleId === id)?.coverage ?? 0;

  it.each([
    // The copy has every quotation of the page (the short ones too: the same words of the same
    // speaker), 000 the two Kremlin ones (in page order).
    { name: 'all same-event articles (the default)', chosen: null, quoteVersions: [[copy, rt], [copy], [copy, rt], [copy], [copy]], share: report.coverage.sameEvent! },
    { name: 'one same-event article', chosen: rt, quoteVersions: [[rt], [rt]], share: covered(rt) },
    { name: 'an article of the storyline that shares no quotation', chosen: earlier, quoteVersions: [], share: covered(earlier) },
  ])('$name', ({ chosen, quoteVersions, share }) => {
    const shown = shownEvidence(report, chosen);
    const shownIds = chosen === null ? report.same.map((a) => a.id) : [chosen];
    expect(shown.quotes.map((q) => q.versions.map((v) => v.articleId).sort())).toEqual(quoteVersions.map((ids) => [...ids].sort()));
    expect(shown.passages).toEqual(report.passages.filter((p) => shownIds.includes(p.articleId)));
    expect(shown.passages.length).toBeGreaterThan(0);
    expect(shown.coverage).toEqual({ share, articles: report.coverage.byArticle.filter((c) => shownIds.includes(c.articleId)).length });
  });
});

describe('pickMatches', () => {
  const match = (id: number, relation: Match['relation']): Pick<Match, 'id' | 'relation'> => ({ id: String(id), relation });
  it('keeps the best of each grade, same event first, and no unrelated article', () => {
    const matches = [
      ...Array.from({ length: MAX_PER_GRADE + 2 }, (_, i) => match(100 + i, 'related')),
      ...Array.from({ length: MAX_PER_GRADE + 2 }, (_, i) => match(i, 'same')),
      match(999, 'unrelated'),
    ];
    expect(pickMatches(matches).map((m) => m.id)).toEqual([
      ...Array.from({ length: MAX_PER_GRADE }, (_, i) => String(i)),
      ...Array.from({ length: MAX_PER_GRADE }, (_, i) => String(100 + i)),
    ]);
  });
});

describe('two stored articles side by side', () => {
  const side = (seed: string, text = articles.get(seed)!.text) => ({ ...stored.get(idOf(seed))!, text, url: `sample:${seed}`, paragraphs: [{ start: 0, end: text.length }] });
  it.each([
    { name: '000 and 001: the two quotations and their shared passage, paired', a: side('000_492f0f67598950be'), b: side('001_efc4fda914ae2fdd'), quotes: 2, skipped: undefined },
    { name: 'a text too long: nothing compared, its length said', a: side('000_492f0f67598950be', 'x '.repeat(MAX_DETAIL_CHARS)), b: side('001_efc4fda914ae2fdd'), quotes: 0, skipped: 2 * MAX_DETAIL_CHARS },
  ])('$name', ({ a, b, quotes, skipped }) => {
    const view = sideBySide(a, b);
    expect(view.quotes).toBe(quotes);
    expect(view.detailSkipped).toBe(skipped);
    expect(view.a.marks.map((m) => m.pair).sort()).toEqual(view.b.marks.map((m) => m.pair).sort());
    expect(view.a.marks).toHaveLength(view.quotes + view.passages);
    expect(view.quotesPartial).toBeUndefined();
  });

  it('with its budget spent before the quotations are aligned: the passages marked, the quotations not, and it says so', () => {
    const full = sideBySide(side('000_492f0f67598950be'), side('001_efc4fda914ae2fdd'));
    const view = sideBySide(side('000_492f0f67598950be'), side('001_efc4fda914ae2fdd'), { deadline: 0, now: () => 1 });
    expect(view.quotesPartial).toBe(true);
    expect(view.quotes).toBe(0);
    expect(view.passages).toBe(full.passages);
    expect(view.passages).toBeGreaterThan(0);
  });
});

describe('a quotation of the page lists each stored version once', () => {
  // The stored article quotes one statement twice; the page says it once, unquoted. Both of the
  // stored article's quotations are found in the same words of the page: one reuse by one article.
  const statement = 'Vladimir Poutine a appelé son interlocuteur à contribuer à la rupture avec les groupes terroristes';
  const pageText = `Le Kremlin affirme que ${statement}, selon le communiqué publié mercredi soir.`;
  const storedText = `« ${statement} », a indiqué le Kremlin. Plus tard, le porte-parole a répété : « ${statement} », a-t-il dit.`;
  it('two quotations of one article reused unquoted in one sentence of the page: one version', () => {
    const version: StoredVersion = { id: 7, title: 'Kremlin', site: null, publishedTime: null, text: storedText, language: 'fr' };
    const run = comparisonReport(preparePage({ text: pageText, language: 'fr', title: 'page' }), { size: 1, matches: [{ id: '7', relation: 'same', score: 1, reasons: [] }], stored: new Map([[7, version]]) });
    let step = run.next();
    while (!step.done) step = run.next();
    expect(step.value.quotes.map((q) => q.versions.map((v) => [v.articleId, v.relation]))).toEqual([[[7, 'unquoted']]]);
  });
});

describe('a shared quotation credited to different people in two versions', () => {
  const words = 'Si les mesures ne sont pas appliquées, la mobilisation reprendra très vite';
  /** The page against stored versions, every one on the same event. */
  function reportOn(page: string, versions: string[]) {
    const stored = new Map(versions.map((text, i): [number, StoredVersion] => [i + 1, { id: i + 1, title: `version ${i + 1}`, site: null, publishedTime: null, text, language: 'fr' }]));
    const matches: Match[] = [...stored.keys()].map((id) => ({ id: String(id), relation: 'same', score: 1, reasons: [] }));
    return reportNow(comparisonReport(preparePage({ text: page, language: 'fr', title: 'page' }), { size: versions.length, matches, stored }));
  }
  const said = (name: string) => `La mobilisation a faibli samedi dans toute la France. «${words}», a déclaré ${name}. Le gouvernement se tait.`;

  it.each([
    { name: 'one version names someone else: no speaker, the disagreement said', versions: [said('Paul Marceau')], speaker: null, differ: true },
    { name: 'a version agreeing, another not: still none', versions: [said('M. Lenoir'), said('Paul Marceau')], speaker: null, differ: true },
    { name: 'the versions agree: the page’s speaker', versions: [said('M. Lenoir')], speaker: 'Jérôme Lenoir', differ: undefined },
  ])('$name', ({ versions, speaker, differ }) => {
    const [quote] = reportOn(said('Jérôme Lenoir'), versions).quotes;
    expect(quote).toMatchObject({ speaker, versions: versions.map(() => expect.objectContaining({ relation: 'exact' })) });
    expect(quote!.speakersDiffer).toBe(differ);
  });
});

describe('the version the framing goes beside', () => {
  // An outlet's rewrite of the same copy: its edits (a charged verb of saying for a neutral one) are its framing.
  const page = 'Le ministre des Finances Paul Roche a présenté mardi le budget devant les sénateurs, qui doivent le voter avant Noël. « Ceux qui votent contre ce texte sont des irresponsables », a déclaré le ministre devant la commission. Le texte prévoit seize milliards d’euros d’économies sur trois ans, dont six sur la santé.';
  const rewrite = page.replace('a déclaré', 'a martelé').replace('a présenté', 'a défendu');
  function closestOf(versions: string[], language = 'fr') {
    const stored = new Map(versions.map((text, i): [number, StoredVersion] => [i + 1, { id: i + 1, title: `version ${i + 1}`, site: null, publishedTime: null, text, language: i === 0 ? language : 'fr' }]));
    const matches: Match[] = [...stored.keys()].map((id) => ({ id: String(id), relation: 'same', score: 1, reasons: [] }));
    return reportNow(comparisonReport(preparePage({ text: page, language: 'fr', title: 'page' }), { size: versions.length, matches, stored })).framing?.articleId ?? null;
  }
  it.each([
    ['a reprint word for word is passed over; a rewrite with its edits is not', [page, rewrite], 2],
    ['a rewrite alone: framing beside it, though it covers the page whole', [rewrite], 1],
    ['a reprint alone: no framing', [page], null],
  ] as const)('%s', (_name, versions, closest) => {
    expect(closestOf([...versions])).toBe(closest);
  });
  // Across languages every word differs: omissions and labels would tell the language.
  const english = 'Finance minister Paul Roche defended the budget before the senators on Tuesday, who must pass it before Christmas. “Those who vote against this bill are irresponsible,” the minister said. The bill plans sixteen billion euros of savings over three years.';
  it.each([
    ['a version in another language alone: no framing', [english], 'en', null],
    ['…one in the page’s language after it: framing beside that one', [english, rewrite], 'en', 2],
    ['…the language written with its region: the same language', [rewrite], 'fr-CA', 1],
  ] as const)('%s', (_name, versions, language, closest) => {
    expect(closestOf([...versions], language)).toBe(closest);
  });
});
