/**
 * A comparison within its time budget (issue 20, "Bounded analysis"): on a page made to be slow,
 * the report returns what it has and says what it left out. Time is a counting clock (one
 * millisecond each time it is read), so the test depends on the work done, not on the machine.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manyMarks, manyNames, manyQuotations, prose, quotationsCuedBefore } from '../../../tests/support/adversarial-pages';
import { SEEDS_DIR } from '../../../tests/support/shared-fixtures';
import { extractFromText } from '../../extract';
import type { Match } from '../../corpus-index';
import { alignQuotes, extractQuotes } from '../../quotes';
import { comparisonReport, preparePage, reportNow, type ReportBudget, type StoredVersion } from '../report';
import { articleFraming, compareFraming, deadlineTicker, findActorMentions, findOmissions, findSources, findStance, FramingCut, groupActors, type FramingDeadline } from '../../framing';
import { appositions } from '../../framing/actors';
import { compiledLexicon } from '../../framing/lexicon';
import { actorRows, scareQuotes, sourcesView } from '../../framing/view';
import { findEntities } from '../../match';
import { sentences } from '../../text';
import { stemmedText } from '../../framing/omissions';
import { compareWordChoice, findWordChoice } from '../../framing/word-choice';
import { words } from '../../framing/words';

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
  // 400 quotations; the stored versions quote the first 100 word for word (paired in one pass)
  // and the others with a word of their own more (each compared with every quotation sharing
  // enough of its words: the part of the alignment a budget stops; a word shared by all would
  // make them 21 distinct quotations, compared once for all their copies).
  const text = manyQuotations(400, 8);
  const edited = Array.from({ length: 400 }, (_, i) => `« ${prose(8, i)}${i < 100 ? '' : ` numéro${i}`} », a déclaré Jean Dupont${i % 10}.`).join(' ');
  const full = reportOn(text, 3, undefined, edited);
  const versions = (r: typeof full) => r.quotes.flatMap((q) => q.versions.map((v) => `${q.pageSpan.start}:${q.pageSpan.end}|${v.articleId}|${v.relation}`));

  it('without a budget: every quotation found in every version, and nothing said left out', () => {
    expect(full.budgetSpent).toBeUndefined();
    expect(full.quotes).toHaveLength(400);
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

describe('the framing stopped at the deadline: all of it or none, and said', () => {
  // Seed 000 (RT France) as the page, seed 001 (the AFP copy, not a copy of the page) stored.
  const seed = (id: string) => extractFromText(readFileSync(join(SEEDS_DIR, `${id}.txt`), 'utf8'));
  const [a, b] = [seed('000_492f0f67598950be'), seed('001_efc4fda914ae2fdd')];
  const stored = new Map<number, StoredVersion>([[1, { id: 1, title: b.title, site: null, publishedTime: null, text: b.text, language: b.language }]]);
  const matches: Match[] = [{ id: '1', relation: 'same', score: 1, reasons: [] }];
  const DEADLINE = 1_000_000;
  /** Reads of the clock by the whole framing of these two seeds. */
  const CHECKS = 220;
  /**
   * The report on a clock that counts its reads (a millisecond each), moved to `left` reads before
   * the deadline once the framing starts: the comparison runs whole, the framing meets the deadline
   * at its `left`-th check (or not at all).
   */
  function framedWith(left: number) {
    // \`words\` keeps the last text's words (read without a check): emptied, the reads do not depend on the test before.
    words('', 'fr');
    let t = 0;
    const page = preparePage({ text: a.text, language: a.language, title: a.title });
    const steps = comparisonReport(page, { size: 1, matches, stored }, { budget: { totalMs: DEADLINE, stepMs: DEADLINE }, now: () => t++, startedAt: 0 });
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) return { report: step.value, reads: t - (DEADLINE - left) };
      if (step.value.stage === 'framing') t = DEADLINE - left;
    }
  }
  const full = reportNow(comparisonReport(preparePage({ text: a.text, language: a.language, title: a.title }), { size: 1, matches, stored }));

  it('with time for it, the framing is the one without a budget, and nothing is said left out', () => {
    expect(full.framing?.actors.shown.length).toBeGreaterThan(0);
    const { report, reads } = framedWith(1_000);
    // Checked before each of its parts (the page's features, the other's, the pair's, the view's
    // lists) and inside their loops, every 64 words, tokens, sentences, quotations, mentions or
    // names: 220 reads on these two seeds.
    expect(reads).toBe(CHECKS);
    expect(report.framing).toEqual(full.framing);
    expect(report.budgetSpent).toBeUndefined();
  });

  // Checked only between its parts, the framing read the clock 12 times: met at check 12 or later, it ran whole past the deadline.
  it.each([0, 1, 5, 11, 12, 20, 40, 60, 80, 100, 120, 140, 160, 180, 200, CHECKS - 1])('the deadline met at check %i: no framing, said cut, the rest whole', (left) => {
    const { report } = framedWith(left);
    expect(report.framing).toBeNull();
    expect(report.budgetSpent).toEqual({ totalMs: DEADLINE, notCompared: 0, quotesPartial: 0, framingSkipped: true, storySkipped: false });
    expect(report.quotes).toEqual(full.quotes);
    expect(report.passages).toEqual(full.passages);
    expect(report.wire).toEqual(full.wire);
  });
});

describe('a framing part past its deadline stops inside its loop, not at its end (issue 20)', () => {
  // 400 quotations and the same with a word more: every part has thousands of words to go through.
  const text = manyQuotations(400, 8);
  const other = Array.from({ length: 400 }, (_, i) => `« ${prose(9, i)} », a déclaré Jean Dupont${i % 10}.`).join(' ');
  const side = (t: string) => ({ title: null, text: t, language: 'fr', quotes: extractQuotes(t, 'fr') });
  const [a, b] = [side(text), side(other)];
  const cued = side(quotationsCuedBefore(400));
  const omissionSide = (x: typeof a) => ({ ...x, mentions: findActorMentions(x.text, 'fr', x.quotes) });
  // 200 sentences dense in names and appositions, and the same with another verb of saying.
  const names = { ...side(manyNames(200)), words: words(manyNames(200), 'fr'), mentions: findActorMentions(manyNames(200), 'fr') };
  const namedB = side(manyNames(200).replaceAll('a affirmé', 'a déclaré'));
  const named = { b: { ...namedB, mentions: findActorMentions(namedB.text, 'fr', namedB.quotes) }, fa: articleFraming(names), fb: articleFraming(namedB) };
  // `words` keeps the last text's words: emptied before each part, so that it reads the text again.
  const uncached = (t: string) => (words('', 'fr'), t);
  const parts: { part: string; run: (d?: FramingDeadline) => unknown }[] = [
    { part: 'words', run: (d) => words(uncached(text), 'fr', d) },
    { part: 'stemmedText', run: (d) => stemmedText(text, 'fr', d) },
    { part: 'findActorMentions', run: (d) => findActorMentions(uncached(text), 'fr', a.quotes, null, d) },
    { part: 'findStance', run: (d) => findStance(uncached(text), 'fr', a.quotes, d) },
    { part: 'findWordChoice', run: (d) => findWordChoice(uncached(text), 'fr', a.quotes, d) },
    // (Beside a text telling other things in quotations, which it stems to look for the page's there.)
    { part: 'findOmissions', run: (d) => findOmissions({ ...omissionSide(a), stemmed: stemmedText(a.text, 'fr') }, { ...omissionSide(cued), stemmed: stemmedText(cued.text, 'fr') }, d) },
    { part: 'compareWordChoice', run: (d) => compareWordChoice({ ...a, stemmed: stemmedText(a.text, 'fr') }, { ...b, stemmed: stemmedText(b.text, 'fr') }, d) },
    { part: 'compareFraming', run: (d) => compareFraming(a, b, undefined, undefined, d) },
    // Checked since the framing overran its deadline by tens of milliseconds in each of them on
    // hostile pages (5,000 quotations, 10,000 marks), and by seconds in the grouping of names
    // (2,000 sentences dense in names: each name held against every other).
    { part: 'findEntities', run: (d) => findEntities(text, 'fr', deadlineTicker(d)) },
    // (The 400 quotations are one sentence: their prose is in lower case.)
    { part: 'sentences', run: (d) => sentences(names.text, 'fr', deadlineTicker(d)) },
    { part: 'appositions', run: (d) => appositions(names.text, names.words, names.mentions, compiledLexicon('fr'), d) },
    { part: 'findSources', run: (d) => findSources(names.text, 'fr', names.quotes, names.mentions, d) },
    { part: 'groupActors', run: (d) => groupActors(names.mentions, named.b.mentions, 'fr', d) },
    { part: 'actorRows (the view)', run: (d) => actorRows(groupActors(names.mentions, named.b.mentions, 'fr'), { a: names.text, b: named.b.text }, 'fr', { a: names.quotes, b: named.b.quotes }, d) },
    { part: 'scareQuotes (the view)', run: (d) => scareQuotes(a, b, d) },
    { part: 'sourcesView (the view)', run: (d) => sourcesView(named.fa, named.fb, names, named.b, 'fr', d) },
  ];
  /** A clock read `reads` times so far, at the deadline (1) from its `at`-th read on. */
  function passingAt(at: number) {
    const clock = { reads: 0, now: () => (++clock.reads >= at ? 1 : 0) };
    return clock;
  }

  it.each(parts)('$part: the deadline passed at its second read (after its first 64 items), it stops there and throws', ({ run }) => {
    const clock = passingAt(2);
    expect(() => run({ at: 1, now: clock.now })).toThrow(FramingCut);
    // Stopped at the first read past the deadline, not run to its end.
    expect(clock.reads).toBe(2);
  });

  it('findActorMentions reads its clock inside each pass: 591 reads on 200 sentences dense in names (5,200 words)', () => {
    // Every 64 items of each pass: the words (82 reads), the entities' three passes and the name
    // runs, the drafts and their extensions, the appositions; and once between two passes. The
    // drafts and their extensions ran ~50 ms between two reads on the 5,000-quotations page.
    // (603 before `Intérieur` of `ministre de l'Intérieur`, 200 times here, was no name alone.)
    words('', 'fr');
    let reads = 0;
    findActorMentions(names.text, 'fr', [], null, { at: Number.MAX_VALUE, now: () => (reads++, 0) });
    expect(words(names.text, 'fr')).toHaveLength(5_200);
    expect(reads).toBe(591);
  });

  it.each(parts)('$part: with a deadline that never comes, the same as without one', ({ run }) => {
    const clock = passingAt(Infinity);
    expect(JSON.stringify(run({ at: 1, now: clock.now }))).toBe(JSON.stringify(run()));
    expect(clock.reads).toBeGreaterThan(2);
  });
});
