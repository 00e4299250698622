/** The corpus index: candidates, incremental updates, serialisation, and rebuilding when damaged. */
import { describe, expect, it } from 'vitest';
import { CorpusIndex, IndexCorruptError, matchPage, matchPageAsync, type StoredCorpusIndex } from '..';
import { fixturePageFeatures, seedFeatures } from '../../match/__tests__/helpers';

const seeds = seedFeatures({ withDates: true });
const pages = fixturePageFeatures();
const all = [...seeds, ...pages];
const byId = new Map(all.map((a) => [a.id, a.features]));
const load = (id: string) => byId.get(id);
const E1 = ['000_492f0f67598950be', '001_efc4fda914ae2fdd'] as const;

describe('CorpusIndex', () => {
  const index = CorpusIndex.build(all);

  it('counts articles and document frequencies', () => {
    expect(index.size).toBe(all.length);
    expect(index.df('e:front al nosra')).toBe(5);
    expect(index.df('no such stem')).toBe(0);
  });

  it('puts the other report of the same event among the candidates (the full grade orders them), never the page itself', () => {
    const c = index.candidates(byId.get(E1[0])!, 300, E1[0]);
    expect(c).toContain(E1[1]);
    expect(c).not.toContain(E1[0]);
  });

  it('matches a page: same first, then related, nothing unrelated', () => {
    const m = matchPage(index, byId.get(E1[0])!, load, { exclude: E1[0] });
    expect(m.map((x) => x.relation)).toEqual(['same', 'related', 'related', 'related']);
    expect(m[0]!.id).toBe(E1[1]);
    expect(m.map((x) => x.score)).toEqual([...m.map((x) => x.score)].sort((a, b) => b - a));
  });

  it('matches with storage that answers with a promise', async () => {
    const m = await matchPageAsync(index, byId.get(E1[1])!, async (ids) => ids.map(load), { exclude: E1[1] });
    expect(m[0]).toMatchObject({ id: E1[0], relation: 'same' });
  });

  it('is built in steps, giving way every few dozen articles, to the same index', () => {
    const many = Array.from({ length: 5 }, (_, copy) => all.map((a) => ({ id: `${a.id}/${copy}`, features: a.features }))).flat();
    const steps = CorpusIndex.building(many);
    let yielded = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yielded++;
    // Three passes over the articles, a step every 64 of each.
    expect(yielded).toBe(3 * Math.floor(many.length / 64));
    expect(yielded).toBeGreaterThan(0);
    expect(step.value.serialize()).toBe(CorpusIndex.build(many).serialize());
  });

  it('adds and removes incrementally, giving the same candidates as a fresh build', () => {
    const inc = new CorpusIndex();
    for (const a of all) inc.add(a.id, a.features);
    inc.remove(E1[1], byId.get(E1[1]));
    expect(inc.has(E1[1])).toBe(false);
    expect(inc.size).toBe(all.length - 1);
    expect(inc.df('e:front al nosra')).toBe(4);
    expect(inc.candidates(byId.get(E1[0])!, 300, E1[0])).not.toContain(E1[1]);
    inc.add(E1[1], byId.get(E1[1])!);
    expect(inc.candidates(byId.get(E1[0])!, 300, E1[0])).toContain(E1[1]);
    // Adding an article again replaces it.
    inc.add(E1[1], byId.get(E1[1])!);
    expect(inc.size).toBe(all.length);
  });

  it('survives many removals (compaction) with the same answers', () => {
    const inc = CorpusIndex.build(all);
    const filler = Array.from({ length: 200 }, (_, i) => ({ id: `tmp${i}`, features: pages[i % pages.length]!.features }));
    for (const f of filler) inc.add(f.id, f.features);
    for (const f of filler) inc.remove(f.id, f.features);
    expect(inc.size).toBe(all.length);
    expect(inc.candidates(byId.get(E1[0])!, 5, E1[0])).toEqual(index.candidates(byId.get(E1[0])!, 5, E1[0]));
  });

  it('serialises and loads back to the same answers', () => {
    const text = index.serialize();
    const back = CorpusIndex.deserialize(text);
    expect(back.size).toBe(index.size);
    expect(back.df('e:front al nosra')).toBe(index.df('e:front al nosra'));
    for (const a of seeds) expect(back.candidates(a.features, 10, a.id)).toEqual(index.candidates(a.features, 10, a.id));
    expect(back.serialize()).toBe(text);
  });

  it.each([
    ['not JSON', (s: string) => s.slice(0, 40)],
    ['a changed posting', (s: string) => s.replace(/"postings":"(.)/, (_m, c: string) => `"postings":"${c === 'A' ? 'B' : 'A'}`)],
    ['an unknown format', (s: string) => s.replace('recoupe-index/1', 'recoupe-index/0')],
    ['a dropped article', (s: string) => s.replace(`"${E1[0]}",`, '')],
  ])('refuses %s', (_name, damage) => {
    expect(() => CorpusIndex.deserialize(damage(index.serialize()))).toThrow(IndexCorruptError);
  });

  // IndexedDB keeps the stored form by structured clone: `structuredClone` plays the round trip.
  it('stores as typed arrays and loads back, through a structured clone, to the same answers and the same text', () => {
    const back = CorpusIndex.deserialize(structuredClone(index.store()));
    expect(back.size).toBe(index.size);
    expect(back.df('e:front al nosra')).toBe(index.df('e:front al nosra'));
    for (const a of seeds) expect(back.candidates(a.features, 10, a.id)).toEqual(index.candidates(a.features, 10, a.id));
    expect(back.serialize()).toBe(index.serialize());
  });

  it('changed after loading a stored copy (added to, removed from, compacted), answers as the index it was stored from changed the same way', () => {
    const filler = Array.from({ length: 100 }, (_, i) => ({ id: `tmp${i}`, features: pages[i % pages.length]!.features }));
    const original = CorpusIndex.build(all);
    const loaded = CorpusIndex.deserialize(structuredClone(original.store()));
    for (const x of [original, loaded]) {
      for (const f of filler) x.add(f.id, f.features);
      x.remove(E1[1], byId.get(E1[1]));
    }
    for (const a of seeds) expect(loaded.candidates(a.features, 10, a.id)).toEqual(original.candidates(a.features, 10, a.id));
    for (const x of [original, loaded]) for (const f of filler) x.remove(f.id, f.features); // past a quarter deleted: compacted
    expect(loaded.serialize()).toBe(original.serialize());
    expect(CorpusIndex.deserialize(structuredClone(loaded.store())).serialize()).toBe(original.serialize());
  });

  it.each([
    ['an unknown format', (d: StoredCorpusIndex) => ({ ...d, format: 'recoupe-index/0' })],
    ['a changed posting', (d: StoredCorpusIndex) => ({ ...d, docs: d.docs.map((x, i) => (i === 3 ? x + 1 : x)) })],
    ['a posting past the last article', (d: StoredCorpusIndex) => ({ ...d, docs: d.docs.map((x, i) => (i === 3 ? d.idEnds.length : x)) })],
    ['a dropped article', (d: StoredCorpusIndex) => ({ ...d, idEnds: d.idEnds.subarray(1) })],
    ['arrays of another kind', (d: StoredCorpusIndex) => ({ ...d, docs: Array.from(d.docs) })],
    ['keys out of order', (d: StoredCorpusIndex) => ({ ...d, keyOrder: d.keyOrder.map((k, i) => d.keyOrder[i === 0 ? 1 : i === 1 ? 0 : i]!) })],
    ['not an object', () => null],
  ])('refuses a stored copy with %s', (_name, damage) => {
    expect(() => CorpusIndex.deserialize(damage(structuredClone(index.store())))).toThrow(IndexCorruptError);
  });

  it('stays compact: integers and bytes per posting', () => {
    expect(index.serialize().length / all.length).toBeLessThan(2_000);
  });
});
