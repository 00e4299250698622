/**
 * The gold relations of the five seeds (gold.json): 000 and 001 report the same event (the
 * Putin–Obama call of 6 July 2016); 002 is another Putin–Obama call about Syria (18 April) and
 * must never be graded `same`; every other pair is `related` (same storyline), none unrelated.
 * And news pages on other topics are `unrelated` to every seed, both ways.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeFeatures, corpusStats, describeReason, gradePair } from '..';
import { extractFromText } from '../../extract';
import { SEEDS_DIR } from '../../../tests/support/shared-fixtures';
import { fixturePageFeatures, seedFeatures, type Analysed } from './helpers';

const gold = JSON.parse(readFileSync(join(SEEDS_DIR, 'gold.json'), 'utf8')) as { relations: { same: [string, string][]; related: [string, string][] } };
const seeds = seedFeatures({ withDates: true });
const pages = fixturePageFeatures();
const stats = corpusStats([...seeds, ...pages].map((a) => a.features));
const byId = new Map(seeds.map((s) => [s.id, s]));
const grade = (a: string, b: string) => gradePair(byId.get(a)!.features, byId.get(b)!.features, stats);
const key = (a: string, b: string) => [a, b].sort().join('|');
const sameSet = new Set(gold.relations.same.map(([a, b]) => key(a, b)));

describe('seed gold relations (with the pages’ publication dates)', () => {
  it('grades 000↔001 same, with the reasons a person can check', () => {
    const g = grade('000_492f0f67598950be', '001_efc4fda914ae2fdd');
    expect(g.relation).toBe('same');
    expect(g.reasons).toContainEqual({ code: 'same-date', date: '2016-07-06' });
    expect(g.reasons).toContainEqual({ code: 'shared-entities', values: expect.arrayContaining(['Front Al-Nosra']) });
    expect(g.reasons).toContainEqual({ code: 'same-quoted-words', count: expect.any(Number) });
    expect(g.reasons.map(describeReason)).toContain('both give the date 6 Jul 2016');
  });

  it.each(gold.relations.related)('grades %s ↔ %s related, not unrelated', (a, b) => {
    expect(grade(a, b).relation).toBe('related');
  });

  it.each(seeds.map((s) => s.id).filter((id) => id !== '002_b5629d95adcdafa8'))('never grades 002 same with %s, and says why', (id) => {
    const g = grade('002_b5629d95adcdafa8', id);
    expect(g.relation).not.toBe('same');
  });

  it('explains the hard case by its dates: 18 April is not 6 July', () => {
    const { reasons } = grade('000_492f0f67598950be', '002_b5629d95adcdafa8');
    expect(reasons).toContainEqual({ code: 'dates-differ', dates: ['2016-07-06', '2016-04-18'] });
    expect(reasons.map(describeReason)).toContain('dates differ: 6 Jul 2016 vs 18 Apr 2016');
  });

  it.each(seeds.map((s) => s.id))('ranks every same article above every related one for %s', (id) => {
    const others = seeds.filter((s) => s.id !== id).map((s) => ({ id: s.id, same: sameSet.has(key(id, s.id)), score: grade(id, s.id).score }));
    const minSame = Math.min(...others.filter((o) => o.same).map((o) => o.score));
    const maxRelated = Math.max(...others.filter((o) => !o.same).map((o) => o.score));
    if (others.some((o) => o.same)) expect(minSame).toBeGreaterThan(maxRelated);
  });

  // 002 (another Putin–Obama call) as if published that many days before 000: a storyline of
  // months stays one, years apart it is history, not the same storyline (STORYLINE_DAYS).
  const published = (id: string, date: string) => {
    const a = extractFromText(readFileSync(join(SEEDS_DIR, `${id}.txt`), 'utf8'), {});
    return computeFeatures({ ...a, publishedTime: date });
  };
  it.each([
    ['2016-04-18', 80, 'related', null],
    ['2015-09-01', 310, 'related', null],
    ['2014-04-18', 811, 'unrelated', 'published 811 days apart'],
  ])('a storyline is bounded in time: 002 published on %s, %i days before 000, is %s to it', (date, _days, relation, reason) => {
    const old = published('002_b5629d95adcdafa8', date);
    const g = gradePair(byId.get('000_492f0f67598950be')!.features, old, stats);
    expect(g.relation).toBe(relation);
    if (reason) expect(g.reasons.map(describeReason)).toContain(reason);
  });

  it('is symmetric', () => {
    for (const a of seeds) for (const b of seeds) {
      const [x, y] = [gradePair(a.features, b.features, stats), gradePair(b.features, a.features, stats)];
      expect([x.relation, x.score]).toEqual([y.relation, y.score]);
    }
  });
});

describe('seed relations without publication dates', () => {
  const undated = seedFeatures({ withDates: false });
  const s = corpusStats(undated.map((a) => a.features));
  const g = (a: Analysed, b: Analysed) => gradePair(a.features, b.features, s);
  it('still ranks 001 first for 000 and 000 first for 001 (shared quotations of the Kremlin communiqué)', () => {
    for (const [x, y] of [[0, 1], [1, 0]] as const) {
      const ranked = undated.filter((_, i) => i !== x).sort((p, q) => g(undated[x]!, q).score - g(undated[x]!, p).score);
      expect(ranked[0]!.id).toBe(undated[y]!.id);
    }
  });
});

describe('news pages on other topics', () => {
  it('found enough article pages to mean something', () => {
    expect(pages.length).toBeGreaterThanOrEqual(12);
  });
  it.each(pages.map((p) => p.id))('%s is unrelated to every seed, both ways', (page) => {
    const p = pages.find((x) => x.id === page)!;
    for (const seed of seeds) {
      expect(gradePair(p.features, seed.features, stats).relation).toBe('unrelated');
      expect(gradePair(seed.features, p.features, stats).relation).toBe('unrelated');
    }
  });
});

// A reason's names are read by a person: a surname beside the full name it ends (`Barnier`,
// `Michel Barnier`) tells nothing more and takes a place of the five.
describe('shared names in a reason', () => {
  it('lists a name once, in its longest form', () => {
    const a = computeFeatures({ text: "Le Premier ministre Michel Barnier a engagé lundi la responsabilité du gouvernement devant les députés. Pour le camp de Barnier, le texte est prêt. Le gouvernement de Barnier tombera si Marine Le Pen vote la motion.", language: 'fr', publishedTime: '2024-12-02' });
    const b = computeFeatures({ text: "Le chef du gouvernement Michel Barnier a dégainé lundi le 49.3 devant les députés. Selon Barnier, il n'y avait pas d'autre choix. Les élus de Marine Le Pen voteront la motion contre Barnier.", language: 'fr', publishedTime: '2024-12-02' });
    const names = gradePair(a, b, corpusStats([a, b, ...pages.map((x) => x.features)])).reasons.flatMap((r) => (r.code === 'shared-entities' ? r.values : []));
    expect(names).toEqual(['Michel Barnier', 'Marine Le Pen']);
  });
});

// One event has its people in common. Two trials judged at one court on one day read alike (the
// same template: sentence, fine, the prosecution's request, a lawyer's reaction) and were graded
// the same event on the date, the court and those words; each names its own people in full.
describe('two events told alike, with other people', () => {
  const trial = (defendant: string, lawyer: string, prosecutor: string, offence: string) => computeFeatures({
    text: `Le tribunal correctionnel de Paris a condamné mardi 11 mars ${defendant}, ancien élu, à deux ans de prison avec sursis et 100 000 euros d'amende pour ${offence}. « C'est une décision sévère, nous allons faire appel », a réagi son avocat, Me ${lawyer}. Le parquet avait requis trois ans de prison. « Le tribunal a suivi l'essentiel de nos réquisitions », a commenté le procureur ${prosecutor}. ${defendant} n'a fait aucune déclaration à la sortie de l'audience.`,
    language: 'fr', publishedTime: '2025-03-11',
  });
  const a = trial('Jean-Marc Delorme', 'François Quérel', 'Claire Vasseur', 'détournement de fonds publics');
  it.each([
    ['other defendant, lawyer and prosecutor: two events', trial('Philippe Garnier', 'Claire Dumas', 'Hervé Lenoir', 'fraude fiscale'), 'unrelated'],
    ['the same defendant, another lawyer: one event', trial('Jean-Marc Delorme', 'Claire Dumas', 'Hervé Lenoir', 'détournement de fonds publics'), 'same'],
    ['the same defendant named by his surname alone: one event', computeFeatures({ text: "Le tribunal correctionnel de Paris a condamné mardi 11 mars Delorme à deux ans de prison avec sursis et 100 000 euros d'amende pour détournement de fonds publics. Son avocat, Me Paul Rocher, a annoncé qu'il ferait appel de cette décision. Le parquet, représenté par Anne Morel, avait requis trois ans de prison.", language: 'fr', publishedTime: '2025-03-11' }), 'same'],
  ] as const)('%s', (_name, b, relation) => {
    const g = gradePair(a, b);
    expect(g.relation).toBe(relation);
    expect(g.reasons.some((r) => r.code === 'people-differ')).toBe(relation === 'unrelated');
  });
  const protest = (who: string, other: string) => computeFeatures({
    text: `Des milliers de manifestants ont défilé samedi 15 décembre à Paris, Toulouse, Bordeaux et Perpignan contre la hausse des taxes. ${who} a appelé au calme, tandis que ${other} promettait de revenir chaque samedi. À Bordeaux, la police a fait usage de gaz lacrymogène ; à Toulouse, le cortège a rejoint la place du Capitole.`,
    language: 'fr', publishedTime: '2018-12-15',
  });
  it('one day of protests in four cities, told through other people: one event', () => {
    const g = gradePair(protest('Le président Emmanuel Macron', 'le ministre Christophe Castaner'), protest('Le porte-parole Eric Drouet', 'la militante Priscillia Ludosky'));
    expect(g.relation).toBe('same');
    expect(g.reasons.some((r) => r.code === 'people-differ')).toBe(false);
  });
  it('says which people each names', () => {
    const g = gradePair(a, trial('Philippe Garnier', 'Claire Dumas', 'Hervé Lenoir', 'fraude fiscale'));
    expect(g.reasons.map(describeReason)).toContain('other people: Jean-Marc Delorme, François Quérel vs Philippe Garnier, Claire Dumas');
  });
});
