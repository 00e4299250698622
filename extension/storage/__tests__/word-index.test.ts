/**
 * The log-structured word index (word-index.ts) against a plain model of what it stands for: per
 * article, its words and counts. Random writes (new articles, rewritten ones, deletions) go to
 * both; after each, every word and prefix is looked up in the index and must give exactly the
 * model's articles and counts. Run with the stored policy and with tiny parts and runs, so that a
 * word's postings span parts, merges cascade through size classes and the merge limit is reached
 * within a few dozen writes.
 */
import { describe, expect, it } from 'vitest';
import { PartCache, readPostings, RUN_POLICY, writeWordIndex, type RunPolicy, type WordPart, type WordRun, type WordStore } from '../word-index';
import { seededRandom } from '../../../tests/support/seeded-random';

/** The index's two tables in memory, counting the parts a write reads. */
function memoryStore() {
  const runs = new Map<number, WordRun>();
  const parts = new Map<string, WordPart>();
  const counts = { partsRead: 0 };
  const store: WordStore = {
    runs: async () => [...runs.values()],
    parts: async (run) => {
      const found = [...parts.values()].filter((p) => p.run === run).sort((a, b) => a.part - b.part);
      counts.partsRead += found.length;
      return found;
    },
    async write(written, writtenParts, drop) {
      for (const run of drop) {
        runs.delete(run);
        for (const [key, p] of parts) if (p.run === run) parts.delete(key);
      }
      for (const r of written) runs.set(r.run, r);
      for (const p of writtenParts) parts.set(`${p.run}:${p.part}`, p);
    },
  };
  const reader = { runs: store.runs, parts: async (keys: [number, number][]) => keys.map(([run, part]) => parts.get(`${run}:${part}`)) };
  return { store, reader, runs, parts, counts };
}

/** Words sharing beginnings, so that prefixes find several. */
const VOCABULARY = ['eu', 'etat', 'etats', 'etatique', 'europe', 'europeen', 'euro', 'kremlin', 'lavrov', 'le', 'les', 'syrie', 'syriens', 'z', 'zz', 'zzz'];
const PREFIXES = ['etat', 'euro', 'syri', 'zzzz', 'a', 'le'];

/** The model's answer for words `from`…`to`: per id, its largest count among them. */
function expected(model: Map<number, Map<string, number>>, from: string, to: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const [id, terms] of model) {
    for (const [term, count] of terms) if (term >= from && term <= to) out.set(id, Math.max(out.get(id) ?? 0, Math.min(255, count)));
  }
  return out;
}

const TINY: RunPolicy = { partPostings: 3, partChars: 12, fanout: 2, unit: 4, maxMerged: 120 };

describe('the word index, log-structured', () => {
  it.each([
    ['the stored policy', RUN_POLICY],
    ['tiny parts, merges two at a time, a low merge limit', TINY],
  ])('finds exactly the articles and counts of the words written, rewritten and deleted (%s)', async (_name, policy) => {
    const random = seededRandom(7);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const { store, reader, runs } = memoryStore();
    const model = new Map<number, Map<string, number>>();
    let nextId = 1;
    let mostRuns = 0;
    // Small enough that parts are dropped from it too.
    const cache = new PartCache(2_000);
    for (let step = 0; step < 120; step++) {
      const written: [number, Map<string, number>][] = [];
      const removed: number[] = [];
      const existing = [...model.keys()];
      if (random() < 0.2 && existing.length > 0) {
        // A deletion of one or a few articles.
        for (let k = 0; k < 1 + Math.floor(random() * 3); k++) removed.push(pick(existing));
      } else {
        for (let k = 0; k < 1 + Math.floor(random() * 6); k++) {
          // A new article, or one stored rewritten (its old words removed).
          const id = random() < 0.3 && existing.length > 0 ? pick(existing) : nextId++;
          if (model.has(id)) removed.push(id);
          const terms = new Map<string, number>();
          for (let w = 0; w < 1 + Math.floor(random() * 6); w++) terms.set(pick(VOCABULARY), 1 + Math.floor(random() * 300));
          written.push([id, terms]);
        }
      }
      await writeWordIndex(store, written, removed, policy);
      for (const id of removed) model.delete(id);
      for (const [id, terms] of written) model.set(id, terms);
      mostRuns = Math.max(mostRuns, runs.size);

      const ranges: [string, string][] = [...VOCABULARY.map((w): [string, string] => [w, w]), ...PREFIXES.map((p): [string, string] => [p, `${p}\uffff`])];
      const found = await readPostings(reader, ranges);
      // Through a cache kept across writes (and so across merges that drop the runs it holds), as searches read: the same answers.
      expect(await readPostings(reader, ranges, { parts: cache, version: 1 }), `step ${step}: cached`).toEqual(found);
      ranges.forEach(([from, to], i) => {
        const want = expected(model, from, to);
        const got = found[i]!;
        expect([...got.ids].sort((a, b) => a - b), `step ${step}: ids of ${from}…`).toEqual([...want.keys()].sort((a, b) => a - b));
        for (const [id, count] of want) expect(got.counts[id], `step ${step}: count of ${from}… in ${id}`).toBe(count);
      });
    }
    // Merges keep the runs few: with the stored policy, at most four (a run for each write otherwise).
    if (policy === RUN_POLICY) expect(mostRuns).toBeLessThanOrEqual(RUN_POLICY.fanout);
  });

  it('writes without reading any posting until runs are merged, and a merge reads only the runs it merges', async () => {
    const { store, runs, counts } = memoryStore();
    const article = (id: number): [number, Map<string, number>] => [id, new Map([['kremlin', 1], [`word${id}`, 2]])];
    for (let id = 1; id < RUN_POLICY.fanout; id++) await writeWordIndex(store, [article(id)], []);
    expect([runs.size, counts.partsRead]).toEqual([RUN_POLICY.fanout - 1, 0]);
    // The fourth run of the smallest class: the three stored are read and merged with it.
    await writeWordIndex(store, [article(RUN_POLICY.fanout)], []);
    expect([runs.size, counts.partsRead]).toEqual([1, RUN_POLICY.fanout - 1]);
  });

  it('merges four runs of one size class, and a smaller one among them does not hold them back', async () => {
    const { store, runs } = memoryStore();
    // One article of `words` distinct words: a run of that many postings (size class 2 from 16,384, class 1 from 4,096).
    let id = 0;
    const write = (words: number) => writeWordIndex(store, [[++id, new Map(Array.from({ length: words }, (_, w) => [`w${w}`, 1]))]], []);
    for (const words of [25_000, 5_000, 25_000]) await write(words);
    expect(runs.size).toBe(3);
    await write(25_000);
    expect(runs.size).toBe(1);
    // Three more of class 2 beside the merged one (class 3): not merged with it.
    for (let k = 0; k < 3; k++) await write(25_000);
    expect(runs.size).toBe(4);
  });

  it('marks a run as holding pairs of words when every run merged into it did: a run made before the pairs keeps its merges without', async () => {
    const { store, runs } = memoryStore();
    // A run of the index made before pairs were kept (the schema-4 upgrade's, or one written by schema 5 before this change).
    await store.write([{ run: 1, postings: 0, removed: new Uint32Array(), firsts: [] }], [], []);
    const write = (id: number, fanout: number) => writeWordIndex(store, [[id, new Map([[`word${id}`, 1]])]], [], { ...TINY, fanout });
    const pairs = () => [...runs.values()].sort((a, b) => a.run - b.run).map((r) => [r.run, r.pairs === true]);
    await write(1, 4);
    await write(2, 4);
    expect(pairs()).toEqual([[1, false], [2, true], [3, true]]);
    // Three at a time: the three newest, each with pairs, merged into a run with pairs.
    await write(3, 3);
    expect(pairs()).toEqual([[1, false], [4, true]]);
    // Two at a time: the newest two, then with the old one, which has none.
    await write(4, 2);
    expect(pairs()).toEqual([[5, false]]);
  });

  it('leaves no run behind when every article is deleted and nothing older remains to hide', async () => {
    const { store, runs, parts } = memoryStore();
    await writeWordIndex(store, [[1, new Map([['lavrov', 1]])]], [], TINY);
    await writeWordIndex(store, [], [1], TINY);
    // Two runs of one class with TINY (fanout 2): merged, the posting dropped, the removal with nothing older dropped too.
    expect([runs.size, parts.size]).toEqual([0, 0]);
  });
});
