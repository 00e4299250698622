/**
 * The log-structured word index (word-index.ts) against a plain model of what it stands for: per
 * article, its words and counts. Random writes (new articles, rewritten ones, deletions) go to
 * both; after each, every word and prefix is looked up in the index and must give exactly the
 * model's articles and counts. Run with the stored policy and with tiny parts and runs, so that a
 * word's postings span parts, merges (run after the writes: word-merge.ts) cascade through size
 * classes and the merge limit is reached within a few dozen writes. The merges' own steps are
 * tested in word-merge.test.ts.
 */
import { describe, expect, it, vi } from 'vitest';
import { articleTerms, BatchRun, PartCache, readPostings, runOf, RUN_POLICY, sortedInSteps, termStarts, writeWordIndex, type ArticleTerms, type IndexedArticle, type RunPolicy } from '../word-index';
import { Bytes, encodePositions, PositionTable, positionsIn, readPositions, skipPositions } from '../word-positions';
import { pairTerm } from '../../../lib/search';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEEDS_DIR } from '../../../tests/support/shared-fixtures';
import { runMerges } from '../word-merge';
import { seededRandom } from '../../../tests/support/seeded-random';
import { memoryStore } from './word-store';

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
    const { store, merges, reader, runs } = memoryStore();
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
      // Merged after every other write (a backlog of runs, then merged at once, as during an import).
      if (step % 2 === 1) await runMerges(merges, { policy });
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
    // Merges keep the runs few: with the stored policy, at most five (four, and the one written before the merges; a run for each write otherwise).
    if (policy === RUN_POLICY) expect(mostRuns).toBeLessThanOrEqual(RUN_POLICY.fanout + 1);
  });

  it.each([
    ['the stored policy', RUN_POLICY],
    ['tiny parts, merges two at a time, a low merge limit', TINY],
  ])('keeps where each pair of words starts, through writes, rewrites, deletions and merges (%s)', async (_name, policy) => {
    const random = seededRandom(11);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const { store, merges, reader } = memoryStore();
    const model = new Map<number, ArticleTerms>();
    const WORDS = ['le', 'de', 'la', 'etat', 'syrie'];
    const PAIRS = WORDS.flatMap((a) => WORDS.map((b) => pairTerm(a, b)));
    let nextId = 1;
    for (let step = 0; step < 60; step++) {
      const written: [number, Map<string, number>][] = [];
      const removed: number[] = [];
      const existing = [...model.keys()];
      if (random() < 0.2 && existing.length > 0) removed.push(pick(existing));
      else {
        for (let k = 0; k < 1 + Math.floor(random() * 4); k++) {
          const id = random() < 0.3 && existing.length > 0 ? pick(existing) : nextId++;
          if (model.has(id)) removed.push(id);
          // A few words in the title (numbered first), many in the text: repeated pairs, positions past 127 (two bytes).
          const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
          written.push([id, articleTerms({ title: words(Math.floor(random() * 4)), site: null, url: '', text: words(Math.floor(random() * 300)) })]);
        }
      }
      await writeWordIndex(store, written, removed, policy);
      if (step % 2 === 1) await runMerges(merges, { policy });
      for (const id of removed) model.delete(id);
      for (const [id, terms] of written) model.set(id, terms as ArticleTerms);
      const found = await readPostings(reader, PAIRS.map((p): [string, string] => [p, p]));
      PAIRS.forEach((pair, i) => {
        const everyId = new Uint8Array(nextId).fill(1);
        const table = positionsIn(found[i]!, everyId);
        const got = new Map(Array.from({ length: nextId }, (_, id) => id).filter((id) => table.has(id))
          .map((id) => [id, Array.from(table.values.subarray(table.start(id), table.start(id) + table.count(id)))]));
        const want = new Map([...model].flatMap(([id, terms]) => (terms.positions.has(pair) ? [[id, terms.positions.get(pair)!]] : [])));
        expect(new Map([...got].sort((a, b) => a[0] - b[0])), `step ${step}: ${pair}`).toEqual(new Map([...want].sort((a, b) => a[0] - b[0])));
      });
    }
  });

  it.each([
    ['one position', [[0]]],
    ['several postings, gaps of one and two bytes', [[3, 4, 200], [1], [127, 128, 16_511, 16_512]]],
    ['past 2³¹ (arithmetic, not bit operations)', [[2 ** 31 + 5, 2 ** 40], [7]]],
  ] as [string, number[][]][])('positions read back as written: %s', (_name, postings) => {
    const out = new Bytes();
    for (const p of postings) encodePositions(out, p);
    const read: number[][] = [];
    let at = 0;
    for (let k = 0; k < postings.length; k++) {
      expect(skipPositions(out.bytes, 0, k), `start of posting ${k}`).toBe(at);
      const list: number[] = [];
      at = readPositions(out.bytes, at, (p) => list.push(p));
      read.push(list);
    }
    expect(at).toBe(out.length);
    expect(read).toEqual(postings);
    // The same positions read into a table, as searches read them (`PositionTable.read`, one
    // callback for the table); a table holds 32-bit positions (texts of up to 2³¹ words).
    if (postings.flat().some((p) => p >= 2 ** 31)) return;
    const table = new PositionTable(postings.length);
    for (let k = 0, from = 0; k < postings.length; k++) from = table.read(k, out.bytes, from);
    expect(postings.map((_, k) => Array.from(table.values.subarray(table.start(k), table.start(k) + table.count(k))))).toEqual(postings);
  });

  it('writes without reading any posting, and merges nothing', async () => {
    const { store, runs, counts } = memoryStore();
    const article = (id: number): [number, Map<string, number>] => [id, new Map([['kremlin', 1], [`word${id}`, 2]])];
    for (let id = 1; id <= 2 * RUN_POLICY.fanout; id++) await writeWordIndex(store, [article(id)], []);
    expect([runs.size, counts.partsRead]).toEqual([2 * RUN_POLICY.fanout, 0]);
  });

  describe('the run of a batch (an import chunk), built article by article before its write', () => {
    // The seed articles, and each again with a title, site and address (pairs across them), an empty text, and a word in every case and accent.
    const seeds: IndexedArticle[] = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort()
      .map((f) => ({ title: null, site: null, url: `https://seeds.example/${f}`, text: readFileSync(join(SEEDS_DIR, f), 'utf8') }));
    const articles: IndexedArticle[] = [
      ...seeds,
      ...seeds.map((a, i) => ({ ...a, title: `Titre ${i} : « l'État » et les États-Unis`, site: 'Le Monde', url: `${a.url}?v=2` })),
      { title: 'Sans texte', site: null, url: 'https://a.example/vide', text: '' },
      { title: 'ÉTAT état Etat', site: 'État', url: 'https://etat.example/État', text: 'état ÉTAT, état-major; œuvre ŒUVRE.' },
    ];
    it.each([
      ['every article, new ids in order', (k: number) => 1000 + k],
      ['ids out of the batch order (updated articles among new ones)', (k: number) => (k % 3 === 0 ? 5 + k : 2000 - k)],
      ['some articles left out (stored one by one, or kept)', (k: number) => (k % 4 === 1 ? null : 10 + k)],
    ] as const)('is the run of the articles\' words (runOf of articleTerms): %s, made ahead (prepare) or not', async (_name, idOf) => {
      for (const policy of [RUN_POLICY, { ...RUN_POLICY, partPostings: 50, partChars: 200 }]) {
        const written = articles.flatMap((a, k): [number, Map<string, number>][] => (idOf(k) === null ? [] : [[idOf(k)!, articleTerms(a)]]));
        for (const ahead of [false, true]) {
          const batch = new BatchRun();
          for (const a of articles) batch.add(a);
          let slices = 0;
          if (ahead) await batch.prepare(() => (slices++, undefined), policy);
          expect(batch.build(7, idOf, [3, 4], policy), `made ahead: ${ahead}`).toEqual(runOf(7, written, [3, 4], policy));
          if (ahead) expect(slices).toBeGreaterThan(2);
        }
      }
    });

    // Issue 20, item 5: a part's words sorted in one go held the background ~190 ms (Chromium, 10,000 articles).
    it('made ahead, never sorts more than a few thousand of its words in one go, and is the same run', async () => {
      const random = seededRandom(3);
      const word = () => Array.from({ length: 3 + Math.floor(random() * 8) }, () => 'abcdeéèfghijklmnopqrstuvwxyzœ'[Math.floor(random() * 29)]).join('');
      const many: IndexedArticle[] = Array.from({ length: 40 }, (_, k) => ({ title: null, site: null, url: `https://many.example/${k}`, text: Array.from({ length: 800 }, word).join(' ') }));
      const batch = new BatchRun();
      for (const a of many) batch.add(a);
      const sort = vi.spyOn(Array.prototype, 'sort');
      let largest = 0;
      let turns = 0;
      try {
        await batch.prepare(() => {
          turns++;
          for (const call of sort.mock.contexts) largest = Math.max(largest, (call as unknown[]).length);
          sort.mockClear();
          return undefined;
        });
      } finally {
        sort.mockRestore();
      }
      const ids = (k: number) => 1 + k;
      expect(new Set(many.flatMap((a) => a.text.split(' '))).size).toBeGreaterThan(20_000);
      expect(largest).toBeLessThanOrEqual(4096);
      expect(turns).toBeGreaterThan(10);
      expect(batch.build(7, ids, [], RUN_POLICY)).toEqual(runOf(7, many.map((a, k): [number, Map<string, number>] => [ids(k), articleTerms(a)]), [], RUN_POLICY));
    });
  });
});

describe('words sorted in steps (sortedInSteps)', () => {
  const random = seededRandom(11);
  const ALPHABET = ['a', 'b', 'é', 'E', 'z', ' ', '\u0001', '𝔸', 'œ', '-'];
  const strings = (n: number) => Array.from({ length: n }, () => Array.from({ length: Math.floor(random() * 6) }, () => ALPHABET[Math.floor(random() * ALPHABET.length)]).join(''));
  it.each([
    [0, 4], [1, 4], [4, 4], [5, 4], [17, 4], [64, 4], [1000, 7], [1000, 1], [3000, 4096],
  ])('%i strings, %i at a time: as the native sort orders them (UTF-16 code units), duplicates and surrogate pairs included', (n, step) => {
    const input = strings(n);
    const steps = sortedInSteps([...input], step);
    let yields = 0;
    let next = steps.next();
    for (; !next.done; next = steps.next()) yields++;
    expect(next.value).toEqual([...input].sort());
    // A step each `step` strings sorted or moved: none when they take one run.
    if (n <= step) expect(yields).toBe(0);
    else expect(yields).toBeGreaterThanOrEqual(Math.floor(n / step));
  });
});

describe('postings kept per run between searches (PartCache.runSlices)', () => {
  // Parts too large for the cache (600 other words each): only what the searches found in each run is kept.
  const FILLER = Array.from({ length: 600 }, (_, k) => [`w${String(k).padStart(3, '0')}`, 1] as const);
  const RANGES: [string, string][] = [['lavrov', 'lavrov'], ['kreml', 'kreml\uffff']];
  // Each: a change after the first search, and the runs whose parts the next search must read (by the article they hold).
  it.each<[string, (index: ReturnType<typeof memoryStore>) => Promise<unknown>, number]>([
    ['a run written', (index) => writeWordIndex(index.store, [[9, new Map([['lavrov', 2], ['kremlin', 1], ...FILLER])]], [], RUN_POLICY), 1],
    ['an article deleted (a run of removals only)', (index) => writeWordIndex(index.store, [], [2], RUN_POLICY), 0],
    ['an article rewritten (its old postings removed by the new run)', (index) => writeWordIndex(index.store, [[3, new Map([['kremlin', 4], ...FILLER])]], [3], RUN_POLICY), 1],
  ])('after %s, a search reads the parts of the new runs only, and finds what a search without cache finds', async (_name, change, newRunsRead) => {
    const index = memoryStore();
    for (let id = 1; id <= 8; id++) await writeWordIndex(index.store, [[id, new Map([['lavrov', id], ['kremlin', 1], ['kremlinologie', 2], ...FILLER])]], [], RUN_POLICY);
    const asked: [number, number][][] = [];
    const reader = { runs: index.reader.runs, parts: (keys: [number, number][]) => (asked.push(keys), index.reader.parts(keys)) };
    const cache = new PartCache(8_000);
    const before = await readPostings(reader, RANGES, { parts: cache, version: 1 });
    expect(asked.flat()).toHaveLength(8);
    const oldRuns = new Set(index.runs.keys());
    await change(index);
    asked.length = 0;
    const after = await readPostings(reader, RANGES, { parts: cache, version: 1 });
    expect(new Set(asked.flat().map(([run]) => run)).size).toBe(newRunsRead);
    for (const [run] of asked.flat()) expect(oldRuns.has(run), `run ${run} read again`).toBe(false);
    expect(after).toEqual(await readPostings(index.reader, RANGES));
    expect(after).not.toEqual(before);
  });
});

describe('postings kept per run: forgotten with their run', () => {
  const run = (postings: number) => ({ run: 5, postings, removed: new Uint32Array(0), firsts: ['kremlin'], pairs: true, positions: true });
  const RANGE: [string, string] = ['kremlin', 'kremlin'];
  it.each([
    ['the same run', [run(10)], 1, true],
    ['the run gone (merged away)', [run(10)].slice(1), 1, false],
    ['another run under its number (rewritten in place, as the pairs\' rewrite leaves one)', [run(11)], 1, false],
    ['the version changed', [run(10)], 2, false],
  ] as const)('%s', (_name, now, version, kept) => {
    const cache = new PartCache();
    cache.keep([run(10)], 1);
    cache.setRunSlices(run(10), RANGE, []);
    cache.keep(now, version);
    expect(cache.runSlices(run(10), RANGE) !== undefined).toBe(kept);
  });
});

describe("where a part's words start (termStarts)", () => {
  it.each([
    ['three words', 'etat\netats\neuro', [0, 5, 11, 16]],
    ['one word', 'kremlin', [0, 8]],
    ['one letter each', 'a\nb', [0, 2, 4]],
    ['no word', '', [0, 1]],
  ])('%s', (_name, terms, want) => {
    const at = termStarts(terms);
    expect(Array.from(at)).toEqual(want);
    // The words as the stored string splits into.
    expect(Array.from({ length: at.length - 1 }, (_, t) => terms.slice(at[t]!, at[t + 1]! - 1))).toEqual(terms.split('\n'));
  });
});

describe('postings kept decoded between searches (PartCache)', () => {
  type Index = ReturnType<typeof memoryStore>;
  const LAVROV: [string, string][] = [['lavrov', 'lavrov']];
  // After each change: whether the postings kept are given again (the same object) rather than read anew; right either way.
  it.each<[string, (index: Index) => Promise<unknown>, number, boolean]>([
    ['nothing changed', async () => undefined, 1, true],
    ['a write added a run', (index) => writeWordIndex(index.store, [[9, new Map([['lavrov', 2]])]], [], TINY), 1, false],
    ['an article deleted (a run of removals)', (index) => writeWordIndex(index.store, [], [2], TINY), 1, false],
    ['runs merged', (index) => runMerges(index.merges, { policy: TINY }), 1, false],
    ['the corpus version changed', async () => undefined, 2, false],
  ])('%s', async (_name, change, version, kept) => {
    const index = memoryStore();
    for (let id = 1; id <= 4; id++) await writeWordIndex(index.store, [[id, new Map([['lavrov', id], ['kremlin', 1]])]], [], TINY);
    const cache = new PartCache();
    const [before] = await readPostings(index.reader, LAVROV, { parts: cache, version: 1 });
    await change(index);
    const [after] = await readPostings(index.reader, LAVROV, { parts: cache, version });
    expect(after === before).toBe(kept);
    expect(after).toEqual((await readPostings(index.reader, LAVROV))[0]);
  });
});
