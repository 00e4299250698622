/**
 * Grading a corpus into stories weighs each article once (`prepare`, typed arrays sorted by the
 * index's key numbers) and relates the many pairs no one reads without their reasons
 * (`relatePrepared`). These say the cheap path grades as the full one does: on real pairs (BASIL's
 * first 30 articles, every pair, against their own index), and on the edge cases of the weighing.
 */
import { describe, expect, it } from 'vitest';
import { CorpusIndex } from '../../corpus-index';
import { computeFeatures, gradePrepared, prepare, relatePrepared, type ArticleFeatures, type CorpusStats } from '..';
import { readBasil } from '../../../tests/support/corpora';

const articles = readBasil().slice(0, 30).map((a) => ({ id: a.id, features: computeFeatures({ title: a.title, text: a.text, publishedTime: a.date }) }));

describe('relating a pair without its reasons', () => {
  const index = CorpusIndex.build(articles);
  // The same statistics without key numbers: the weights looked up by key, as the reasons are written.
  const byKey: CorpusStats = { docs: index.docs, df: (k) => index.df(k) };

  it('gives every pair of 30 BASIL articles the relation and score of the full grade by key', () => {
    const numbered = articles.map((a) => prepare(a.features, index));
    const keyed = articles.map((a) => prepare(a.features, byKey));
    const differ: string[] = [];
    const relations = new Map<string, number>();
    for (let i = 0; i < articles.length; i++) {
      for (let j = i + 1; j < articles.length; j++) {
        const { relation, score } = relatePrepared(numbered[i]!, numbered[j]!);
        const full = gradePrepared(keyed[i]!, keyed[j]!);
        relations.set(relation, (relations.get(relation) ?? 0) + 1);
        if (relation !== full.relation || Math.abs(score - full.score) > 0.001) differ.push(`${articles[i]!.id} ${articles[j]!.id}: ${relation} ${score} vs ${full.relation} ${full.score}`);
      }
    }
    expect(differ).toEqual([]);
    // Pairs of each kind were compared (BASIL's triplets are same-event reports).
    expect(relations.get('same')).toBeGreaterThanOrEqual(10);
    expect(relations.get('unrelated')).toBeGreaterThanOrEqual(100);
  });

  // Every key weighs ln(1 + 10 / 1) in these statistics; a pair with terms only scores 0.45 · cosine.
  const flat: CorpusStats = { docs: 10, df: () => 1, keyId: (k) => (k.startsWith('unknown') ? undefined : [...k].reduce((h, c) => h * 31 + c.charCodeAt(0), 7) % 100_000), dfOfKeyId: () => 1 };
  const base = computeFeatures({ text: 'x', language: 'en' });
  const withTerms = (terms: [string, number][], quoted: number[] = []): ArticleFeatures => ({ ...base, published: null, event: null, dates: [], numbers: [], entities: [], leadWeekdays: [], terms, quoted });
  const cos = (a: number[], b: number[], dot: number) => dot / (Math.hypot(...a) * Math.hypot(...b));
  const w = (count: number) => 1 + Math.log(count);
  it.each([
    // A key given twice keeps its last weight (as a map by key), both counting in the norm as before.
    { name: 'a key given twice', a: [['alpha', 1], ['beta', 2], ['alpha', 3]], b: [['alpha', 3]], score: 0.45 * cos([w(1), w(2), w(3)], [w(3)], w(3) * w(3)) },
    { name: 'no key in common', a: [['alpha', 2]], b: [['beta', 2]], score: 0 },
    { name: 'the same keys in another order', a: [['alpha', 2], ['beta', 1]], b: [['beta', 1], ['alpha', 2]], score: 0.45 },
    // A key the statistics do not number: weighed by key instead, with the same result.
    { name: 'a key without a number', a: [['unknown', 2], ['beta', 1]], b: [['unknown', 2]], score: 0.45 * cos([w(2), w(1)], [w(2)], w(2) * w(2)) },
  ] as { name: string; a: [string, number][]; b: [string, number][]; score: number }[])('weighs $name as the cosine by key does', ({ a, b, score }) => {
    const [pa, pb] = [prepare(withTerms(a), flat), prepare(withTerms(b), flat)];
    expect(relatePrepared(pa, pb).score).toBeCloseTo(Math.round(score * 1000) / 1000, 3);
    expect(gradePrepared(pa, pb).score).toBe(relatePrepared(pa, pb).score);
  });

  it.each([
    { name: 'each once', a: [1, 2, 3, 4, 5, 6, 7, 8], b: [8, 7, 6, 5, 4, 3, 2, 1], shared: 8 },
    { name: 'given twice on one side, counted once', a: [5, 5, 5, 9], b: [5, 9, 11], shared: 2 },
    { name: 'none in common', a: [1, 2], b: [3, 4], shared: 0 },
  ])('counts quoted shingles shared $name', ({ a, b, shared }) => {
    const grade = gradePrepared(prepare(withTerms([], a), flat), prepare(withTerms([], b), flat));
    // Quoted words weigh 0.25 at 8 shingles shared; the reason is given from 3 on.
    expect(grade.score).toBeCloseTo(Math.round(0.25 * Math.min(1, shared / 8) * 1000) / 1000, 3);
    expect(grade.reasons.find((r) => r.code === 'same-quoted-words')).toEqual(shared >= 3 ? { code: 'same-quoted-words', count: shared } : undefined);
  });
});
