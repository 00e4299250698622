/**
 * The merges of the word index (word-merge.ts), run as jobs of their own after the writes, in
 * steps of one transaction each. After every step a search must find exactly what a plain model
 * (per article, its words and counts) holds: a reader sees the old runs or the merged one, never
 * both nor neither. A merge is stopped at each of its steps in turn (a worker stopped half way),
 * and the next job must leave the index as if it had run whole, nothing left behind; writes made
 * while a merge is under way, and a run replaced meanwhile by another job, are part of it. Then
 * the same on the corpus database (fake-indexeddb), read through `searchCorpus`.
 */
import { describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { articleTerms, readPostings, RUN_POLICY, RunWriter, writeWordIndex, type RunPolicy, type WordRun } from '../word-index';
import { readPositions, skipPositions } from '../word-positions';
import { PAIR_MARK, pairTerm } from '../../../lib/search';
import { HELD_RETRY_MS, mergeStoreOf, plannedMerge, runMerges, WordMerges, type MergeStore } from '../word-merge';
import { seededRandom } from '../../../tests/support/seeded-random';
import { memoryStore } from './word-store';
import { CorpusDb } from '../corpus-db';
import { deleteArticles, saveArticle, searchCorpus } from '../corpus';
import { countWords, type NewArticle } from '../article-record';

const VOCABULARY = ['eu', 'etat', 'etats', 'etatique', 'europe', 'europeen', 'euro', 'kremlin', 'lavrov', 'le', 'les', 'syrie', 'syriens', 'z', 'zz', 'zzz'];
const RANGES: [string, string][] = [...VOCABULARY.map((w): [string, string] => [w, w]), ...['etat', 'euro', 'syri', 'a', 'le'].map((p): [string, string] => [p, `${p}\uffff`])];
/** Tiny parts, two runs merged at a time: a merge of a few articles takes many steps. */
const TINY: RunPolicy = { partPostings: 3, partChars: 12, fanout: 2, unit: 4, maxMerged: 400 };
/** One part read, one written or deleted per step: every step a transaction of its own. */
const STEPS = { policy: TINY, readParts: 1, writeParts: 1 };

class Stopped extends Error {}

/** An index and its model after `writes` random writes (new, rewritten and deleted articles), none merged. */
async function written(seed: number, writes: number) {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const index = memoryStore();
  const model = new Map<number, Map<string, number>>();
  let nextId = 1;
  const write = async () => {
    const batch: [number, Map<string, number>][] = [];
    const removed: number[] = [];
    const existing = [...model.keys()];
    if (random() < 0.2 && existing.length > 0) removed.push(pick(existing));
    else {
      for (let k = 0; k < 1 + Math.floor(random() * 3); k++) {
        const id = random() < 0.3 && existing.length > 0 ? pick(existing) : nextId++;
        if (model.has(id)) removed.push(id);
        const terms = new Map<string, number>();
        for (let w = 0; w < 1 + Math.floor(random() * 5); w++) terms.set(pick(VOCABULARY), 1 + Math.floor(random() * 300));
        batch.push([id, terms]);
      }
    }
    await writeWordIndex(index.store, batch, removed, TINY);
    for (const id of removed) model.delete(id);
    for (const [id, terms] of batch) model.set(id, terms);
  };
  for (let k = 0; k < writes; k++) await write();
  return { ...index, model, write };
}

type Index = Awaited<ReturnType<typeof written>>;

/** Every word and prefix looked up, against the model. */
async function check(index: Index, when: string): Promise<void> {
  const found = await readPostings(index.reader, RANGES);
  RANGES.forEach(([from, to], i) => {
    const want = new Map<number, number>();
    for (const [id, terms] of index.model) {
      for (const [term, count] of terms) if (term >= from && term <= to) want.set(id, Math.max(want.get(id) ?? 0, Math.min(255, count)));
    }
    expect([...found[i]!.ids].sort((a, b) => a - b), `${when}: ids of ${from}…`).toEqual([...want.keys()].sort((a, b) => a - b));
    for (const [id, count] of want) expect(found[i]!.counts[id], `${when}: count of ${from}… in ${id}`).toBe(count);
  });
}

/** Nothing left behind: no mark, and the parts stored are exactly the listed runs'. */
function clean(index: Index): void {
  expect(index.state.mark).toBeNull();
  const listed = [...index.runs.values()].flatMap((r) => r.firsts.map((_, p) => `${r.run}:${p}`)).sort();
  expect([...index.parts.keys()].sort()).toEqual(listed);
}

/**
 * The merges' store of `index`, checked against the model after each step; at step `at` (counted
 * from 0 over the steps that write), `before` runs first: a stop (it throws), a write, another job.
 */
function stepped(index: Index, at: number, before: () => Promise<void>, checkEach = true): { store: MergeStore; steps: () => number } {
  let steps = 0;
  const step = <A extends unknown[], R>(f: (...a: A) => Promise<R>) => async (...a: A): Promise<R> => {
    if (steps++ === at) await before();
    const r = await f(...a);
    if (checkEach) await check(index, `after step ${steps}`);
    return r;
  };
  const m = index.merges;
  return { store: { ...m, stage: step(m.stage), commit: step(m.commit), drop: step(m.drop) }, steps: () => steps };
}

describe('merges of the word index, as jobs of their own', () => {
  it('a search finds exactly the model after every step of a merge job, and the job leaves nothing behind', async () => {
    const index = await written(3, 30);
    expect(index.runs.size).toBeGreaterThan(10);
    const { store, steps } = stepped(index, -1, async () => {});
    await runMerges(store, STEPS);
    expect(steps()).toBeGreaterThan(20);
    // Merged as far as the rules go: no merge left to make.
    expect(plannedMerge([...index.runs.values()], TINY)).toBeNull();
    expect(index.runs.size).toBeLessThan(10);
    clean(index);
  });

  it('a merge job stopped at any of its steps leaves the index correct, and the next job completes it', { timeout: 120_000 }, async () => {
    const whole = await written(5, 12);
    const { store, steps } = stepped(whole, -1, async () => {});
    await runMerges(store, STEPS);
    const total = steps();
    const runsAfter = [...whole.runs.values()].map((r) => [r.run, r.postings]);
    for (let at = 0; at < total; at++) {
      const index = await written(5, 12);
      // (Every step's reads are checked by the test above.)
      const stopped = stepped(index, at, async () => {
        throw new Stopped();
      }, false);
      await expect(runMerges(stopped.store, STEPS)).rejects.toBeInstanceOf(Stopped);
      await check(index, `stopped at step ${at}`);
      await runMerges(index.merges, STEPS);
      await check(index, `resumed after a stop at step ${at}`);
      clean(index);
      // The same runs as a job never stopped: a merge stopped before it was listed is made again whole.
      expect([...index.runs.values()].map((r) => [r.run, r.postings]), `stopped at step ${at}`).toEqual(runsAfter);
    }
  });

  it('a write made while a merge is under way stays newer than the merged run: its rewrites and deletions hide the merged postings', async () => {
    for (let at = 0; at < 40; at += 3) {
      const index = await written(11, 16);
      let writes = 0;
      // Several writes at one step, so that some rewrite or delete articles being merged.
      const { store } = stepped(index, at, async () => {
        for (let k = 0; k < 4; k++, writes++) await index.write();
      });
      await runMerges(store, STEPS);
      await check(index, `writes at step ${at}`);
      expect(writes, `writes at step ${at}`).toBe(4);
      // What was written during the job is merged by the next one (the background schedules it after every write).
      await runMerges(stepped(index, -1, async () => {}).store, STEPS);
      clean(index);
    }
  });

  it('a merge whose run another job replaced meanwhile is given up, its writes deleted, and made again from the runs then listed', async () => {
    for (let at = 0; at < 12; at++) {
      const index = await written(13, 12);
      let replaced = false;
      const { store } = stepped(index, at, async () => {
        // Another job (as the rewrite of a run without pairs does) rewrote the oldest run: the same postings, cut into other parts.
        const oldest = [...index.runs.values()].sort((a, b) => a.run - b.run)[0]!;
        const writer = new RunWriter(oldest.run, { ...TINY, partPostings: 2 });
        const parts = oldest.firsts.map((_, p) => index.parts.get(`${oldest.run}:${p}`)!);
        for (const part of parts) {
          part.terms.split('\n').forEach((term, t) => writer.add(term, part.ids, part.counts, part.starts[t], part.starts[t + 1]));
        }
        const rewritten = writer.done(oldest.removed, oldest.pairs === true);
        for (let p = 0; p < oldest.firsts.length; p++) index.parts.delete(`${oldest.run}:${p}`);
        await index.store.write([rewritten.run], rewritten.parts, []);
        expect(rewritten.run.firsts.length).not.toBe(oldest.firsts.length);
        replaced = true;
      });
      await runMerges(store, STEPS);
      expect(replaced).toBe(true);
      await check(index, `replaced at step ${at}`);
      clean(index);
      expect(plannedMerge([...index.runs.values()], TINY)).toBeNull();
    }
  });
});

describe('a pair of words merged from several runs keeps each posting\'s count and positions', () => {
  // The merge gathers a word's postings in buffers of 1,024 that grow as needed: a pair held by
  // more articles than that across the runs merged grows them while its counts are gathered.
  it.each([
    ['fewer postings than the buffer', [300, 300]],
    ['more than the buffer, over two runs', [700, 700]],
    ['more than twice the buffer, over four runs', [700, 700, 700, 700]],
  ] as const)('%s', async (_name, sizes) => {
    const index = memoryStore();
    const policy: RunPolicy = { ...RUN_POLICY, fanout: sizes.length, maxMerged: 10_000_000 };
    let id = 0;
    const want = new Map<number, { count: number; positions: number[] }>();
    for (const size of sizes) {
      const batch = Array.from({ length: size }, (): [number, Map<string, number>] => {
        id++;
        // Once, twice or three times, at positions that differ from one article to the next; every
        // other pair of words in one article only (the buffers grow first on this one).
        const times = 1 + (id % 3);
        const text = `${'a b '.slice(0, 2 * (id % 3))}${Array.from({ length: times }, (_, k) => `syrie lavrov w${id}x${k}`).join(' ')}`;
        const terms = articleTerms({ title: null, site: null, url: '', text });
        want.set(id, { count: times, positions: terms.positions.get(pairTerm('syrie', 'lavrov'))! });
        return [id, terms];
      });
      await writeWordIndex(index.store, batch, [], policy);
    }
    await runMerges(index.merges, { policy });
    expect(index.runs.size).toBe(1);
    const [found] = await readPostings(index.reader, [[pairTerm('syrie', 'lavrov'), pairTerm('syrie', 'lavrov')]]);
    const got = new Map<number, { count: number; positions: number[] }>();
    for (const f of found!.found!) {
      let at = 0;
      const terms = f.part.terms.split('\n');
      // Pairs come first in a part: the positions of those before this one skipped.
      for (let t = 0; t < f.term; t++) if (terms[t]!.startsWith(PAIR_MARK)) at = skipPositions(f.part.positions!, at, f.part.starts[t + 1]! - f.part.starts[t]!);
      for (let k = f.from; k < f.to; k++) {
        const positions: number[] = [];
        at = readPositions(f.part.positions!, at, (p) => positions.push(p));
        got.set(f.part.ids[k]!, { count: f.part.counts[k]!, positions });
      }
    }
    expect(got).toEqual(want);
  });
});

describe('merges keep the worker awake (MergeOptions.awake)', () => {
  it.each([
    ['at every step when awakeMs is 0', 30, 0, 'every step'],
    ['at the first step only when awakeMs is longer than the job', 30, 1e9, 1],
    ['never when nothing is to merge', 1, 0, 0],
  ] as const)('%s', async (_name, writes, awakeMs, expected) => {
    const index = await written(3, writes);
    let steps = 0;
    const counted = <A extends unknown[], R>(f: (...a: A) => Promise<R>) => (...a: A) => (steps++, f(...a));
    const m = index.merges;
    const store: MergeStore = { ...m, parts: counted(m.parts), stage: counted(m.stage), commit: counted(m.commit), drop: counted(m.drop) };
    let calls = 0;
    await runMerges(store, { ...STEPS, awake: () => calls++, awakeMs });
    expect(calls).toBe(expected === 'every step' ? steps : expected);
    if (expected === 'every step') expect(steps).toBeGreaterThan(20);
  });
});

describe('merges held while an import is stored (MergeOptions.held)', () => {
  it('start none while held, stop between two merges when held meanwhile, and complete once released', async () => {
    const index = await written(3, 30);
    const runs = () => index.runs.size;
    const before = runs();
    let held = true;
    // Held again as soon as the first merge is listed: the job stops before the next one.
    const store: MergeStore = { ...index.merges, commit: async (...a) => ((held = true), index.merges.commit(...a)) };
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const merges = new WordMerges(store, { ...STEPS, held: () => held });
      merges.schedule();
      await vi.advanceTimersByTimeAsync(3 * HELD_RETRY_MS);
      await merges.idle();
      expect(runs()).toBe(before);
      const first = plannedMerge([...index.runs.values()], TINY)!;
      held = false;
      await vi.advanceTimersByTimeAsync(HELD_RETRY_MS);
      await merges.idle();
      // One merge (of the backlog's runs: TINY's fanout², four), then held.
      expect(first.length).toBe(4);
      expect(runs()).toBe(before - first.length + 1);
      await check(index, 'held after one merge');
      for (let k = 0; k < 100 && plannedMerge([...index.runs.values()], TINY); k++) {
        held = false;
        await vi.advanceTimersByTimeAsync(HELD_RETRY_MS);
        await merges.idle();
      }
    } finally {
      vi.useRealTimers();
    }
    expect(plannedMerge([...index.runs.values()], TINY)).toBeNull();
    await check(index, 'released');
    clean(index);
  });

  it('pause a merge under way at its next turn while held, and list it once released', async () => {
    // Two runs of twenty postings each: their merge writes parts of three postings as it goes.
    const index = memoryStore();
    for (let r = 0; r < 2; r++) await writeWordIndex(index.store, Array.from({ length: 10 }, (_, i): [number, Map<string, number>] => [r * 10 + i + 1, new Map([['lavrov', 1], ['syrie', 2]])]), [], TINY);
    let held = false;
    let staged = 0;
    let pausedAt = 0;
    // Held from the merge's first write of parts on.
    const store: MergeStore = { ...index.merges, stage: async (...a) => ((held ||= staged === 0), staged++, index.merges.stage(...a)) };
    const turns = async (n: number) => {
      for (let k = 0; k < n; k++) await new Promise((resolve) => setImmediate(resolve));
    };
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      // Every step a turn (sliceMs below zero), so that the hold is seen after the first write.
      const job = runMerges(store, { ...STEPS, sliceMs: -1, held: () => held });
      let finished = false;
      void job.then(() => (finished = true));
      await turns(50);
      pausedAt = staged;
      await vi.advanceTimersByTimeAsync(5 * HELD_RETRY_MS);
      await turns(50);
      // Nothing more written while held: the merge waits at its next turn (after the word whose parts it wrote), its runs still listed.
      expect([staged, finished, index.runs.size]).toEqual([pausedAt, false, 2]);
      held = false;
      await vi.advanceTimersByTimeAsync(HELD_RETRY_MS);
      await job;
    } finally {
      vi.useRealTimers();
    }
    expect(staged).toBeGreaterThan(pausedAt);
    expect(index.runs.size).toBe(1);
    const [lavrov] = await readPostings(index.reader, [['lavrov', 'lavrov']]);
    expect(lavrov!.ids.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });
});

describe('which runs are merged (plannedMerge)', () => {
  // A negative size: a run without positions.
  const run = (n: number, postings: number, pairs = true): WordRun => ({ run: n, postings: Math.abs(postings), removed: new Uint32Array(), firsts: ['a'], pairs, ...(postings > 0 ? { positions: true } : {}) });
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const P = RUN_POLICY;
  it.each([
    ['three runs: too few', [1000, 1000, 1000], null],
    ['four of the smallest class', [1000, 1000, 1000, 1000], [1, 2, 3, 4]],
    ['a smaller one among four of a class does not hold them back', [25_000, 5_000, 25_000, 25_000], [1, 2, 3, 4]],
    ['an older run of a larger class holds back the four newest but one', [400_000, 25_000, 25_000, 25_000], null],
    ['with a backlog, the window of fewest postings (small runs merged before a large one is rewritten)', [25_000, 25_000, 25_000, 25_000, 400_000, 1000], [1, 2, 3, 4]],
    ['of equal windows, the newest', [1000, 1000, 1000, 1000, 1000], [2, 3, 4, 5]],
    ['no merge past maxMerged', [2_000_000, 2_000_000, 2_000_000, 2_000_000], null],
    // A backlog (an import's runs, merged once it is stored): fanout² runs of one class merged at once.
    ['a backlog of sixteen runs of one class, merged at once', Array(16).fill(150_000), range(1, 16)],
    ['of seventeen, the newest sixteen', Array(17).fill(150_000), range(2, 17)],
    ['sixteen of two classes: four at a time', [...Array(8).fill(150_000), ...Array(8).fill(25_000)], [13, 14, 15, 16]],
    ['sixteen of one class past maxMerged: four at a time', Array(16).fill(260_000), [13, 14, 15, 16]],
    ['sixteen of one class after a larger run: those sixteen', [2_000_000, ...Array(16).fill(150_000)], range(2, 17)],
    ['sixteen with and without positions: four at a time', [...Array(15).fill(150_000), -150_000], [12, 13, 14, 15]],
    ['of two backlogs, the one of the smaller class', [...Array(16).fill(20_000), ...Array(16).fill(150_000)], range(1, 16)],
    // Not the window of fewest postings among runs of much the same size: one here and there would leave fewer than sixteen on either side.
    ['of a backlog of one class, the newest sixteen whatever their postings', [...Array(15).fill(150_000), 70_000, ...Array(16).fill(150_000)], range(17, 32)],
  ] as const)('%s', (_name, sizes, expected) => {
    const group = plannedMerge(sizes.map((s, i) => run(i + 1, s)), P);
    expect(group?.map((g) => g.run) ?? null).toEqual(expected);
  });

  it('numbers the merged run half way to the next, so runs written meanwhile stay newer; never merges runs with and without positions', async () => {
    const index = memoryStore();
    await index.store.write([{ run: 1, postings: 0, removed: new Uint32Array(), firsts: [], pairs: false }], [], []);
    for (let id = 1; id <= 3; id++) await writeWordIndex(index.store, [[id, new Map([[`word${id}`, 1]])]], [], { ...TINY, fanout: 4 });
    // Runs 1 (without pairs nor positions) to 4 (with both): left apart.
    await runMerges(index.merges, { ...STEPS, policy: { ...TINY, fanout: 4 } });
    expect([...index.runs.values()].map((r) => [r.run, r.pairs, r.positions])).toEqual([[1, false, undefined], [2, true, true], [3, true, true], [4, true, true]]);
    // Runs 2 to 5: merged into 5.5, with positions.
    await writeWordIndex(index.store, [[4, new Map([['word4', 1]])]], [], TINY);
    await runMerges(index.merges, { ...STEPS, policy: { ...TINY, fanout: 4 } });
    expect([...index.runs.values()].map((r) => [r.run, r.pairs, r.positions])).toEqual([[1, false, undefined], [5.5, true, true]]);
    await writeWordIndex(index.store, [[9, new Map([['word9', 1]])]], [], TINY);
    expect([...index.runs.keys()]).toEqual([1, 5.5, 6]);
  });

  it('leaves an empty run when every article is deleted (the numbers never go back), no posting and no part', async () => {
    const index = memoryStore();
    await writeWordIndex(index.store, [[1, new Map([['lavrov', 1]])]], [], TINY);
    await writeWordIndex(index.store, [], [1], TINY);
    await runMerges(index.merges, STEPS);
    expect([...index.runs.values()].map((r) => [r.run, r.postings, r.removed.length])).toEqual([[2.5, 0, 0]]);
    expect(index.parts.size).toBe(0);
  });
});

describe('merges on the corpus database', () => {
  const article = (i: number): NewArticle => {
    const text = `Le Kremlin et ${i % 2 ? 'Lavrov' : 'Damas'} ont parlé de la Syrie, article ${i}.\n\nLes États répondent ${'encore '.repeat(i)}.`;
    return {
      url: `https://a.example.org/${i}`, canonicalUrl: null, title: `Article ${i} sur la Syrie`, byline: null, site: 'Exemple', language: 'fr',
      publishedTime: null, savedAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', text, paragraphs: [{ start: 0, end: text.length }], wordCount: countWords(text), origin: 'page',
    };
  };
  const queries = ['kremlin', 'lavrov', 'syrie', 'etats', '"la syrie"', 'encore', 'article 3'];

  it('a search answers the same after every step, a merge stopped at any step is completed by the next job, nothing left behind', { timeout: 120_000 }, async () => {
    const name = 'recoupe-merge-test';
    const answers = async (db: CorpusDb) => Promise.all(queries.map((query) => searchCorpus(db, { query })));
    const fill = async () => {
      await Dexie.delete(name);
      const db = new CorpusDb(name);
      for (let i = 1; i <= 6; i++) await saveArticle(db, article(i));
      await deleteArticles(db, [2]);
      await saveArticle(db, { ...article(3), text: `${article(3).text} Poutine.` });
      return db;
    };
    const db0 = await fill();
    const expected = await answers(db0);
    expect(expected.every((a) => a.ids.length > 0)).toBe(true);
    expect(await db0.wordRuns.count()).toBe(8);
    let total = 0;
    await runMerges({ ...mergeStoreOf(db0), commit: (...a) => (total++, mergeStoreOf(db0).commit(...a)) }, { readParts: 1, writeParts: 1 });
    expect(total).toBeGreaterThan(0);
    expect(await db0.wordRuns.count()).toBeLessThan(8);
    db0.close();

    for (let at = 0; at < 12; at++) {
      const db = await fill();
      const store = mergeStoreOf(db);
      let steps = 0;
      const step = <A extends unknown[], R>(f: (...a: A) => Promise<R>) => async (...a: A): Promise<R> => {
        if (steps++ === at) throw new Stopped();
        const r = await f(...a);
        expect(await answers(db), `after step ${steps}`).toEqual(expected);
        return r;
      };
      const stopping = { ...store, stage: step(store.stage), commit: step(store.commit), drop: step(store.drop) };
      const outcome = await runMerges(stopping, { readParts: 1, writeParts: 1 }).then(() => 'done', (e: unknown) => e);
      if (outcome === 'done') {
        db.close();
        break;
      }
      expect(outcome).toBeInstanceOf(Stopped);
      expect(await answers(db), `stopped at step ${at}`).toEqual(expected);
      await runMerges(store, { readParts: 1, writeParts: 1 });
      expect(await answers(db), `resumed after step ${at}`).toEqual(expected);
      const runs = await db.wordRuns.toArray();
      expect(await db.wordParts.count()).toBe(runs.reduce((n, r) => n + r.firsts.length, 0));
      expect(await db.meta.get('wordMerge')).toBeUndefined();
      db.close();
    }
  });
});
