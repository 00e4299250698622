/**
 * Same event and storyline on real coverage, measured on halves (issue 14):
 * - BASIL (2010–2012, 30 events × 3 outlets) split by event (tests/support/fixture-split.ts, splitEvents): same-event pair
 *   precision and recall of the stories and of the panel's matching, floors on the reporting half;
 * - with every BASIL article stored, no storyline entry rests on names and dates alone, and no
 *   weekday, month or date is ever a shared actor;
 * - the stories of the gilets-jaunes corpus against the hand-judged pairs of
 *   tests/expected/match/gilets-stories.json, two days of one thread kept apart;
 * - pairs the reader marked "not the same event" are never grouped nor listed.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeFeatures, describeReason, RELATED_TERMS_FLOOR, type ArticleFeatures, type MatchReason } from '../../lib/match';
import { CorpusIndex, groupStories, matchPage, pairKey, type Story } from '../../lib/corpus-index';
import { splitEvents, type Half } from '../support/fixture-split';
import { readBasil, readGiletsJaunes } from '../support/corpora';

const basil = readBasil();
const half = splitEvents(basil.map((a) => a.event));
const eventOf = new Map(basil.map((a) => [a.id, a.event]));
const halfOf = (id: string) => half.get(eventOf.get(id)!)!;
const stored = basil.map((a) => ({ id: a.id, title: a.title, features: computeFeatures({ title: a.title, text: a.text, publishedTime: a.date }) }));
const featuresOf = new Map(stored.map((a) => [a.id, a.features]));
const index = CorpusIndex.build(stored);

/** Pair precision and recall on one half: predicted pairs with an article of the half (a pair across halves is wrong), gold pairs of the half. */
function measure(predicted: Set<string>, h: Half): { precision: number; recall: number } {
  const mine = [...predicted].filter((p) => p.split('\u0000').some((id) => halfOf(id) === h));
  const right = mine.filter((p) => { const [a, b] = p.split('\u0000'); return eventOf.get(a!) === eventOf.get(b!); }).length;
  const gold = basil.filter((a) => halfOf(a.id) === h).length; // three articles, three pairs per event
  return { precision: mine.length ? right / mine.length : 1, recall: right / gold };
}

const storyPairs = (stories: Story[]) => new Set(stories.flatMap((s) => s.ids.flatMap((a) => s.ids.filter((b) => a < b).map((b) => pairKey(a, b)))));
const matches = new Map(stored.map((a) => [a.id, matchPage(index, a.features, (id) => featuresOf.get(id), { exclude: a.id })]));

describe('BASIL same-event pairs, by half', () => {
  it('splits the 30 events 15 / 15, the three reports of an event on one side', () => {
    expect([...half.values()].filter((h) => h === 'tuning')).toHaveLength(15);
    expect([...half.values()].filter((h) => h === 'reporting')).toHaveLength(15);
  });

  it.each([
    ['stories', () => storyPairs(groupStories(stored, index))],
    ['panel matching', () => new Set([...matches].flatMap(([id, ms]) => ms.filter((m) => m.relation === 'same').map((m) => pairKey(id, m.id))))],
  ])('%s: precision ≥ 0.95 at recall ≥ 0.90 on the reporting half', (name, pairs) => {
    const predicted = pairs();
    const [tuning, reporting] = [measure(predicted, 'tuning'), measure(predicted, 'reporting')];
    console.log(`BASIL ${name}: tuning P ${tuning.precision.toFixed(3)} R ${tuning.recall.toFixed(3)}; reporting P ${reporting.precision.toFixed(3)} R ${reporting.recall.toFixed(3)}`);
    expect(reporting.precision).toBeGreaterThanOrEqual(0.95);
    expect(reporting.recall).toBeGreaterThanOrEqual(0.9);
  });
});

describe('BASIL with every article stored: storylines and actors', () => {
  const df = new Map<string, number>();
  for (const a of stored) for (const [s] of a.features.terms) df.set(s, (df.get(s) ?? 0) + 1);
  const related = [...matches].flatMap(([id, ms]) => ms.filter((m) => m.relation === 'related').map((m) => ({ id, other: m.id, reasons: m.reasons })));

  it('lists storyline entries at all (the checks below are not vacuous)', () => {
    expect(related.length).toBeGreaterThanOrEqual(10);
  });

  it('links no storyline entry by dates and ubiquitous names alone: words in common, two of them distinctive', () => {
    for (const r of related) {
      const terms = r.reasons.find((x): x is Extract<MatchReason, { code: 'shared-terms' }> => x.code === 'shared-terms');
      expect(terms?.similarity ?? 0, `${r.id} ~ ${r.other}`).toBeGreaterThanOrEqual(RELATED_TERMS_FLOOR);
      // Stems in fewer than a tenth of the articles that both have.
      const mine = new Set(featuresOf.get(r.id)!.terms.map(([s]) => s));
      const distinctive = featuresOf.get(r.other)!.terms.filter(([s]) => mine.has(s) && df.get(s)! < stored.length / 10);
      expect(distinctive.length, `${r.id} ~ ${r.other}`).toBeGreaterThanOrEqual(2);
    }
  });

  const CALENDAR = /^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre)\.?$/i;
  const isDate = (name: string) => name.split(/\s+/).every((w) => CALENDAR.test(w) || /^\d+(?:st|nd|rd|th|er)?,?$/.test(w));

  it('never gives a weekday, a month or a date as a shared actor (BASIL and the gilets jaunes)', () => {
    const gilets = readGiletsJaunes().map((d) => computeFeatures({ text: d.text, language: 'fr' }));
    const actors = [...matches.values()].flatMap((ms) => ms.flatMap((m) => m.reasons.flatMap((r) => (r.code === 'shared-entities' ? r.values : []))));
    const entities = [...stored.map((a) => a.features), ...gilets].flatMap((f: ArticleFeatures) => f.entities.map(([, label]) => label));
    expect(actors.length).toBeGreaterThan(50);
    expect(actors.filter(isDate)).toEqual([]);
    expect(entities.filter(isDate)).toEqual([]);
  });

  it('gives reasons whose same date each article gives', () => {
    for (const [id, ms] of matches) for (const m of ms) for (const r of m.reasons) {
      if (r.code !== 'same-date') continue;
      for (const f of [featuresOf.get(id)!, featuresOf.get(m.id)!]) expect(f.dates.map((d) => d.date), describeReason(r)).toContain(r.date);
    }
  });
});

describe('gilets jaunes stories against hand-judged pairs', () => {
  const labels = JSON.parse(readFileSync(new URL('../expected/match/gilets-stories.json', import.meta.url), 'utf8')) as {
    groups: { articles: Record<string, string>; pairs: { a: number; b: number; relation: 'occurrence' | 'episode' | 'different' }[] }[];
    different_days: { a: number; b: number }[];
  };
  const docs = readGiletsJaunes();
  let stories: Story[];
  beforeAll(() => {
    stories = groupStories(docs.map((d, i) => ({ id: String(i), title: null, features: computeFeatures({ text: d.text, language: 'fr' }) })));
  });

  it('numbers the articles as the labels do', () => {
    for (const g of labels.groups) for (const [i, url] of Object.entries(g.articles)) expect(docs[Number(i)]!.url).toBe(url);
  });

  it('reports the same occurrence in ≥ 90% of its judged pairs, over ≥ 10 judged stories', () => {
    const judged = new Map(labels.groups.flatMap((g) => g.pairs.map((p) => [pairKey(String(p.a), String(p.b)), p.relation] as const)));
    const grouped = [...storyPairs(stories)];
    const relations = grouped.flatMap((p) => judged.get(p) ?? []);
    const storiesJudged = stories.filter((s) => s.ids.every((a) => s.ids.every((b) => a >= b || judged.has(pairKey(a, b)))));
    const share = (ok: (r: string) => boolean) => relations.filter(ok).length / relations.length;
    console.log(`gilets stories: ${stories.length} stories, ${storiesJudged.length} fully judged; of ${relations.length} judged pairs (${grouped.length} grouped): same occurrence ${share((r) => r === 'occurrence').toFixed(3)}, same occurrence or episode ${share((r) => r !== 'different').toFixed(3)}`);
    expect(storiesJudged.length).toBeGreaterThanOrEqual(10);
    expect(relations.length).toBeGreaterThanOrEqual(0.8 * grouped.length);
    expect(share((r) => r === 'occurrence')).toBeGreaterThanOrEqual(0.9);
    expect(share((r) => r !== 'different')).toBeGreaterThanOrEqual(0.95);
  });

  it.each(labels.different_days.map((p) => [p.a, p.b]))('keeps %i and %i (two days of one thread) in different stories', (a, b) => {
    expect(stories.some((s) => s.ids.includes(String(a)) && s.ids.includes(String(b)))).toBe(false);
  });
});

describe('pairs marked "not the same event"', () => {
  // One BASIL event of the reporting half, its three reports graded same with one another.
  const event = basil.find((a) => halfOf(a.id) === 'reporting' && matches.get(a.id)!.filter((m) => m.relation === 'same' && eventOf.get(m.id) === a.event).length === 2)!.event;
  const [x, y, z] = basil.filter((a) => a.event === event).map((a) => a.id) as [string, string, string];

  it('has a key that does not depend on the order', () => {
    expect(pairKey(x, y)).toBe(pairKey(y, x));
    expect(pairKey(x, y)).not.toBe(pairKey(x, z));
  });

  it('are never in one story; the third report goes with one of them', () => {
    const before = groupStories(stored, index).find((s) => s.ids.includes(x))!;
    expect(before.ids).toEqual(expect.arrayContaining([x, y, z]));
    const after = groupStories(stored, index, { apart: new Set([pairKey(x, y)]) });
    expect(after.some((s) => s.ids.includes(x) && s.ids.includes(y))).toBe(false);
    expect(after.some((s) => s.ids.includes(z) && (s.ids.includes(x) || s.ids.includes(y)))).toBe(true);
  });

  it('are left out of the page matching, the other reports kept', () => {
    const listed = matchPage(index, featuresOf.get(x)!, (id) => featuresOf.get(id), { exclude: x, apart: new Set([pairKey(y, x)]) }).map((m) => m.id);
    expect(listed).not.toContain(y);
    expect(listed).toContain(z);
  });
});
