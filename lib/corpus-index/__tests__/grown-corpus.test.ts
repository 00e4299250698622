/**
 * A corpus grown one saved article at a time, as in the extension: the index must find what it
 * finds in a corpus indexed all at once. An index grown this way chooses each article's posted keys
 * with the document frequencies of the moment (a word rare among the first articles is common
 * later), so the drift shows only when candidates come from the index: the 301 articles here (the
 * seeds, BASIL's 90 reports of 30 events, the 206 gilets-jaunes articles) are queried through
 * `candidates` directly, with a short list, rather than through `matchPage`, which grades every
 * article of a corpus under `GRADE_ALL_BELOW` (500).
 */
import { describe, expect, it } from 'vitest';
import { CorpusIndex, gradeCandidates, GRADE_ALL_BELOW } from '..';
import { computeFeatures, type ArticleFeatures } from '../../match';
import { seedFeatures } from '../../match/__tests__/helpers';
import { readBasil, readGiletsJaunes } from '../../../tests/support/corpora';

/** Candidates per page: 20 of 301 (7 %), so the index must rank the other reports of an event first. */
const CANDIDATES = 20;

interface Stored { id: string; event: string; features: ArticleFeatures }
const seeds: Stored[] = seedFeatures({ withDates: true }).map((s) => ({ ...s, event: /^00[01]_/.test(s.id) ? 'seeds 000 001' : s.id }));
const basil: Stored[] = readBasil().map((a) => ({ id: `basil:${a.id}`, event: a.event, features: computeFeatures({ title: a.title, text: a.text, language: 'en', publishedTime: a.date }) }));
const gilets: Stored[] = readGiletsJaunes().map((d, i) => ({ id: `gj:${i}`, event: `gj:${i}`, features: computeFeatures({ text: d.text, language: 'fr', publishedTime: null }) }));
const corpus = [...seeds, ...basil, ...gilets];
const queries = [...seeds, ...basil];

describe('an index grown article by article', () => {
  const grown = new CorpusIndex();
  for (const s of corpus) grown.add(s.id, s.features);
  const whole = CorpusIndex.build(corpus);
  const byId = new Map(corpus.map((s) => [s.id, s]));
  /** The stored articles graded `same` among the index's candidates for `q`. */
  const sameVia = (index: CorpusIndex, q: Stored) =>
    gradeCandidates(index, q.features, index.candidates(q.features, CANDIDATES, q.id).map((id) => byId.get(id)!))
      .filter((m) => m.relation === 'same').map((m) => m.id).sort();

  it('is a corpus the index is used on, not one where every article is graded', () => {
    expect(corpus).toHaveLength(301);
    expect(CANDIDATES).toBeLessThan(corpus.length / 10);
    expect(GRADE_ALL_BELOW).toBeGreaterThan(corpus.length);
    expect(grown.size).toBe(whole.size);
  });

  it.each(queries.map((q) => [q.id, q]))('%s: the same-event matches of the index built whole, among them every other report of its event graded the same', (_id, q) => {
    const found = sameVia(grown, q);
    expect(found).toEqual(sameVia(whole, q));
    // The other reports of the event the grader calls the same when graded directly, whatever the index.
    const reports = corpus.filter((s) => s.event === q.event && s.id !== q.id);
    const same = gradeCandidates(whole, q.features, reports).filter((m) => m.relation === 'same').map((m) => m.id);
    for (const id of same) expect(found).toContain(id);
  });

  it('checks most labelled reports: the grader calls nearly all other reports of an event the same (174 of 182 measured)', () => {
    const checked = queries.flatMap((q) => gradeCandidates(whole, q.features, corpus.filter((s) => s.event === q.event && s.id !== q.id)).filter((m) => m.relation === 'same'));
    expect(checked.length).toBeGreaterThanOrEqual(170);
  });
});
