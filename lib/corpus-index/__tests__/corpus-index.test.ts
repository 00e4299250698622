/** The corpus index: candidates, incremental updates, serialisation, and rebuilding when damaged. */
import { describe, expect, it } from 'vitest';
import { bucketOf, bucketsFor, CorpusIndex, IndexCorruptError, indexKeys, matchPage, matchPageAsync, type StoredCorpusIndex, type StoredIndexHead, type StoredIndexRow } from '..';
import { headChecksum } from '../corpus-index';
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

  it('counts every key of every article, the keys that grew its table of counts too (built whole and added one by one)', () => {
    const direct = new Map<string, number>();
    for (const a of all) for (const [k] of new Map(indexKeys(a.features))) direct.set(k, (direct.get(k) ?? 0) + 1);
    const inc = new CorpusIndex();
    for (const a of all) inc.add(a.id, a.features);
    const off = (x: CorpusIndex) => [...direct].filter(([k, n]) => x.df(k) !== n).map(([k]) => k);
    expect(off(index)).toEqual([]);
    expect(off(inc)).toEqual([]);
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
    ['keys out of order', (d: StoredCorpusIndex) => ({ ...d, keyOrder: d.keyOrder.map((_, i) => d.keyOrder[i === 0 ? 1 : i === 1 ? 0 : i]!) })],
    ['not an object', () => null],
  ])('refuses a stored copy with %s', (_name, damage) => {
    expect(() => CorpusIndex.deserialize(damage(structuredClone(index.store())))).toThrow(IndexCorruptError);
  });

  it('stays compact: integers and bytes per posting', () => {
    expect(index.serialize().length / all.length).toBeLessThan(2_000);
  });
});

/**
 * The index in rows (schema 12): a head and a row per bucket of keys. A store here is a map of rows
 * through a structured clone, as IndexedDB keeps them; a write puts the head and the rows given.
 */
describe('CorpusIndex stored in rows', () => {
  type Store = { head: StoredIndexHead; rows: Map<number, StoredIndexRow> };
  const GEN = 7;
  /** A whole write: every bucket's row. */
  const whole = (index: CorpusIndex, buckets = bucketsFor(index.keyTotal())): Store => {
    const rows = new Map(index.keysByBucket(buckets).map((keys, b) => [b, structuredClone(index.bucketRow(b, keys, buckets, GEN))]));
    index.takeChanges();
    return { head: structuredClone(index.head(buckets, GEN)), rows };
  };
  /** An incremental write, as the background's does: the rows of the changed keys' buckets, each with the keys of its row as stored and those changed. */
  const incremental = (index: CorpusIndex, store: Store): Store => {
    const { buckets } = store.head;
    const changes = index.takeChanges();
    expect(changes.whole).toBe(false);
    const byBucket = new Map<number, string[]>();
    for (const key of changes.keys) byBucket.set(bucketOf(key, buckets), [...(byBucket.get(bucketOf(key, buckets)) ?? []), key]);
    const rows = new Map(store.rows);
    for (const [b, keys] of byBucket) {
      const old = rows.get(b)!;
      const oldKeys = Array.from(old.keyEnds, (end, i) => old.keyText.slice(i === 0 ? 0 : old.keyEnds[i - 1], end));
      rows.set(b, structuredClone(index.bucketRow(b, [...oldKeys, ...keys], buckets, GEN)));
    }
    return { head: structuredClone(index.head(buckets, GEN)), rows };
  };
  /** A new worker's index: the head, then the rows of `keys` only (all rows when not given). */
  const load = (store: Store, keys?: Iterable<string>): { index: CorpusIndex; read: number } => {
    const index = CorpusIndex.fromHead(structuredClone(store.head));
    const wanted = keys ? index.missingBuckets(keys) : index.unreadBuckets();
    index.absorb(wanted, wanted.map((b) => structuredClone(store.rows.get(b))));
    return { index, read: wanted.length };
  };
  /** A head's articles as `ids` (their serials 0, 1, …), its checksum made again: a head as written, of those ids. */
  const headOf = (ids: string[]): StoredIndexHead => {
    const h = CorpusIndex.build(ids.map((_, i) => ({ id: `x${i}`, features: all[0]!.features }))).head(64, GEN);
    let end = 0;
    const body = { ...h, idText: ids.join(''), idEnds: Uint32Array.from(ids, (id) => (end += id.length)) };
    return { ...body, checksum: headChecksum(body) };
  };
  const filler = Array.from({ length: 120 }, (_, i) => ({ id: `tmp${i}`, features: pages[i % pages.length]!.features }));

  it('answers a page\'s candidates and its keys\' frequencies from the head and the rows of the page\'s keys alone, as the index built whole', () => {
    const built = CorpusIndex.build(all);
    const store = whole(built);
    for (const a of all) {
      const keys = indexKeys(a.features).map(([k]) => k);
      const { index, read } = load(store, keys);
      expect(read).toBeLessThan(store.head.buckets);
      expect(index.candidates(a.features, 10, a.id)).toEqual(built.candidates(a.features, 10, a.id));
      for (const k of keys) expect(index.df(k)).toBe(built.df(k));
      expect(index.size).toBe(built.size);
      expect(index.has(a.id)).toBe(true);
    }
  });

  it('refuses a key whose row was not read, rather than answer it as unknown', () => {
    const { index } = load(whole(CorpusIndex.build(all)), ['e:front al nosra']);
    expect(index.df('e:front al nosra')).toBe(5);
    const other = indexKeys(byId.get(E1[0])!).map(([k]) => k).find((k) => index.missingBuckets([k]).length > 0)!;
    expect(() => index.df(other)).toThrow(/has not been read/);
  });

  it('written incrementally after adds, removals, an article saved again and a compaction, equals the index written whole', () => {
    const index = CorpusIndex.build(all);
    let store = whole(index);
    const steps: ((x: CorpusIndex) => void)[] = [
      (x) => filler.forEach((f) => x.add(f.id, f.features)),
      (x) => x.remove(E1[1], byId.get(E1[1])),
      (x) => x.add(E1[0], byId.get(E1[1])!), // saved again with another text
      (x) => filler.forEach((f) => x.remove(f.id, f.features)), // past a quarter removed: compacted
      (x) => x.add(E1[1], byId.get(E1[1])!),
    ];
    for (const step of steps) {
      step(index);
      store = incremental(index, store);
      const loaded = load(store).index;
      const written = load(whole(index, store.head.buckets)).index;
      expect(loaded.serialize()).toBe(written.serialize());
      expect(loaded.serialize()).toBe(index.serialize());
      for (const a of seeds) expect(load(store, indexKeys(a.features).map(([k]) => k)).index.candidates(a.features, 10, a.id)).toEqual(index.candidates(a.features, 10, a.id));
    }
  });

  it.each([
    ['its postings read before the delete', true],
    ['its postings still in the stored rows', false],
  ])('deleted in a new worker (%s), leaves no posting of it in a row written again, and answers as before', (_name, readFirst) => {
    const store = whole(CorpusIndex.build(all));
    const gone = E1[1];
    const serial = store.head.serials[Array.from(store.head.idEnds).findIndex((end, i) => store.head.idText.slice(i === 0 ? 0 : store.head.idEnds[i - 1], end) === gone)]!;
    const goneKeys = indexKeys(byId.get(gone)!).map(([k]) => k);
    const held = (rows: Iterable<StoredIndexRow>) => [...rows].filter((r) => r.docs.includes(serial)).map((r) => r.b);
    const holding = held(store.rows.values());
    expect(holding.length).toBeGreaterThan(0);
    const { index } = load(store, goneKeys);
    if (readFirst) for (const k of goneKeys) index.df(k); // its keys taken in, its postings with them
    // As the background deletes (no features given: no row marked changed), then a save of the
    // same text under another id: every row holding the deleted article's postings written again.
    index.remove(gone);
    index.add('resaved', byId.get(gone)!);
    const after = incremental(index, store);
    const rewritten = [...after.rows.values()].filter((r) => r !== store.rows.get(r.b));
    expect(rewritten.map((r) => r.b)).toEqual(expect.arrayContaining(holding));
    expect(held(rewritten)).toEqual([]);
    // The same answers as the rows written before, with the delete and the save applied to them.
    for (const a of all) {
      const keys = indexKeys(a.features).map(([k]) => k);
      const before = load(store, [...keys, ...goneKeys]).index;
      before.remove(gone);
      before.add('resaved', byId.get(gone)!);
      expect(load(after, keys).index.candidates(a.features, 10, a.id)).toEqual(before.candidates(a.features, 10, a.id));
    }
  });

  it('loaded in part, then changed (a save), answers as the index it was written from changed the same way', () => {
    const original = CorpusIndex.build(all);
    const store = whole(original);
    const saved = pages[0]!;
    const keys = [...indexKeys(saved.features), ...indexKeys(byId.get(E1[0])!)].map(([k]) => k);
    const { index } = load(store, keys);
    for (const x of [original, index]) x.add('saved-again', saved.features);
    expect(index.candidates(byId.get(E1[0])!, 10, E1[0])).toEqual(original.candidates(byId.get(E1[0])!, 10, E1[0]));
    // The rest of the rows read later: the whole index, with the save.
    index.absorb(index.unreadBuckets(), index.unreadBuckets().map((b) => structuredClone(store.rows.get(b))));
    expect(index.serialize()).toBe(original.serialize());
  });

  it.each([
    ['a changed frequency', (r: StoredIndexRow) => ({ ...r, df: r.df.map((x, i) => (i === 0 ? x + 1 : x)) })],
    ['a posting of another article', (r: StoredIndexRow) => ({ ...r, docs: r.docs.map((x, i) => (i === 0 ? x + 1 : x)) })],
    ['a row of another write', (r: StoredIndexRow) => ({ ...r, gen: GEN + 1 })],
    ['arrays of another kind', (r: StoredIndexRow) => ({ ...r, df: Array.from(r.df) })],
    ['a missing row', () => undefined],
  ])('refuses a row with %s', (_name, damage) => {
    const store = whole(CorpusIndex.build(all));
    const b = [...store.rows.values()].find((r) => r.docs.length > 0)!.b;
    store.rows.set(b, damage(store.rows.get(b)!) as StoredIndexRow);
    expect(() => load(store)).toThrow(IndexCorruptError);
  });

  // The extension's ids are integers, found in the head's packed ids without a map of them all;
  // others (the fixtures', the CLI's) through the map as before. Each way, as the index it was stored from.
  it.each([
    ['integer ids', (i: number) => String(i * 1_000_003 % 4_000_000_000)],
    ['other ids', (i: number) => `a${i}`],
  ])('with %s, a loaded head knows the articles stored, removed and added again, before and after a compaction', (_name, idOf) => {
    const articles = Array.from({ length: 300 }, (_, i) => ({ id: idOf(i + 1), features: all[i % all.length]!.features }));
    const { index } = load(whole(CorpusIndex.build(articles)));
    const has = (ids: string[]) => ids.map((id) => index.has(id));
    const [first, second, last] = [articles[0]!.id, articles[1]!.id, articles.at(-1)!.id];
    expect(has([first, second, last, idOf(301), '0', `0${first}`, `${first}.0`, ''])).toEqual([true, true, true, false, false, false, false, false]);
    index.remove(second);
    index.add(idOf(301), all[0]!.features);
    index.remove(first);
    index.add(first, all[1]!.features);
    expect(has([first, second, last, idOf(301)])).toEqual([true, false, true, true]);
    expect(index.size).toBe(300);
    // Removed until a quarter is gone: compacted (articles renumbered), then found as they are.
    for (const a of articles.slice(2, 120)) index.remove(a.id);
    expect(has([first, second, articles[2]!.id, articles[120]!.id, last, idOf(301)])).toEqual([true, false, false, true, true, true]);
    expect(index.articleIds().sort()).toEqual([first, idOf(301), ...articles.slice(120).map((a) => a.id)].sort());
  });

  it.each([
    ['an unknown format', (h: StoredIndexHead) => ({ ...h, format: 'recoupe-index/2' })],
    ['a repeated integer id', () => headOf(['12', '5', '12'])],
    ['a repeated id', () => headOf(['a', 'b', 'a'])],
    ['a dropped article', (h: StoredIndexHead) => ({ ...h, idEnds: h.idEnds.subarray(1), serials: h.serials.subarray(1) })],
    ['a changed serial', (h: StoredIndexHead) => ({ ...h, serials: h.serials.map((x, i) => (i === 0 ? x + 1 : x)) })],
  ])('refuses a head with %s', (_name, damage) => {
    const store = whole(CorpusIndex.build(all));
    expect(() => CorpusIndex.fromHead(damage(store.head))).toThrow(IndexCorruptError);
    expect(() => CorpusIndex.fromHead(store.head)).not.toThrow();
  });
});
