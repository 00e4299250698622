/**
 * A corpus grown one saved article at a time, as in the extension: matching must find what it
 * finds in a corpus indexed all at once.
 */
import { describe, expect, it } from 'vitest';
import { CorpusIndex, matchPage } from '..';
import { seedFeatures } from '../../match/__tests__/helpers';

describe('an index grown article by article', () => {
  const seeds = seedFeatures({ withDates: true });
  const byId = new Map(seeds.map((s) => [s.id, s.features]));
  const grown = new CorpusIndex();
  for (const s of seeds) grown.add(s.id, s.features);
  const whole = CorpusIndex.build(seeds);

  it.each(seeds.map((s) => [s.id]))('grades %s against the others as the index built whole does', (id) => {
    const query = byId.get(id)!;
    const matches = (index: CorpusIndex) => matchPage(index, query, (x) => byId.get(x), { exclude: id }).map((m) => [m.id, m.relation]);
    expect(matches(grown)).toEqual(matches(whole));
    expect(matches(grown).length).toBeGreaterThan(0);
  });
});
