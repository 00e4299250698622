/**
 * Phrases in a corpus whose word index has runs without pairs of words (a corpus upgraded from
 * schema 4) or without their positions (an index stored before they were kept), and the
 * background job that rewrites them with both (pair-rewrite.ts): on a corpus
 * of real articles (scripts/bench/panel-corpus.ts, made from the shared fixtures), every phrase
 * finds exactly the articles a scan of every text finds (`matchArticle`, the reference), before
 * the job, after some slices of it (a job stopped half way), after it resumed to its end, and
 * with runs so small that the job's own writes merge the run it is rewriting into a newer one.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { CorpusDb } from '../corpus-db';
import { searchCorpus } from '../corpus';
import { readableArticle, type StoredArticle } from '../article-record';
import { articleTerms, runOf, runOfBlocks, RUN_POLICY, type RunPolicy } from '../word-index';
import { hasRunsWithoutPairs, rewriteRunsWithPairs, startPairRewrite } from '../pair-rewrite';
import { mergeStoreOf, runMerges } from '../word-merge';
import { compileQuery, matchArticle, PAIR_MARK } from '../../../lib/search';
import { generatePanelCorpus } from '../../../scripts/bench/panel-corpus';

const { articles } = generatePanelCorpus({ size: 150, sameEvent: 10 });

/**
 * Phrases of the corpus: of two words to five, with common words inside, a begun last word, across the title and the site (whose
 * pair weighs as the title), words joined as written, several phrases at once, and none found.
 */
const PHRASES: [string, string][] = [
  ['two words', '"Barack Obama"'],
  ['two common words', '"of the"'],
  ['three words', '"the White House"'],
  ['three words, common ones', '"il y a"'],
  ['three words, a common one in the middle', '"la Maison Blanche"'],
  ['three words from a title', '"leur coordination militaire"'],
  ['four words', '"intensifier leur coordination militaire"'],
  ['four words, two common ones inside', '"président de la République"'],
  ['four words, a begun last word', '"président de la Républ"'],
  ['four words, a common one inside', '"coordination entre les militaires"'],
  ['five words', '"le mouvement des gilets jaunes"'],
  ['four words, from the title into the site', '"Syrie Le Courrier du"'],
  ['four words, ending the title and starting the site', '"militaire en Syrie Le"'],
  ['words joined as written', '"États-Unis et la Russie"'],
  ['two phrases and a word', '"gilets jaunes" "Emmanuel Macron" manifestants'],
  ['three phrases', '"la" "de la" "de la France"'],
  ['three words nowhere side by side', '"de la Syrie"'],
  ['the same words in another order', '"Blanche Maison la"'],
];

let db: CorpusDb;
beforeEach(async () => {
  await Dexie.delete('recoupe-pairs-test');
  db = new CorpusDb('recoupe-pairs-test');
  await db.articles.bulkAdd(articles.map((a, i) => ({ ...a, savedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(), updatedAt: '2026-01-01T00:00:00Z', wordCount: 1 })) as unknown as StoredArticle[]);
}, 120_000);
afterEach(async () => {
  db.close();
  await Dexie.delete('recoupe-pairs-test');
});

/**
 * The word index as version 5's upgrade made it from schema 4's rows (one run of words, no pairs),
 * or, `positions` false, as it was stored before positions were kept (one run of words and pairs).
 */
async function indexWithoutPairs(layout: 'no pairs' | 'no positions' = 'no pairs'): Promise<void> {
  const stored = (await db.articles.toArray()).map((a) => readableArticle(a)!);
  if (layout === 'no positions') {
    // Plain maps: the words and pairs without their positions.
    const { run, parts } = runOf(1, stored.map((a) => [a.id, new Map(articleTerms(a))]), []);
    expect([run.pairs, run.positions, parts.some((p) => p.positions)]).toEqual([true, undefined, false]);
    await db.transaction('rw', [db.wordRuns, db.wordParts], async () => {
      await db.wordRuns.clear();
      await db.wordParts.clear();
      await db.wordRuns.put(run);
      await db.wordParts.bulkPut(parts);
    });
    return;
  }
  const byTerm = new Map<string, [number, number][]>();
  for (const a of stored) {
    for (const [term, count] of articleTerms(a)) if (!term.startsWith(PAIR_MARK)) byTerm.set(term, [...(byTerm.get(term) ?? []), [a.id, count]]);
  }
  const run = runOfBlocks(1);
  for (const term of [...byTerm.keys()].sort()) {
    const postings = byTerm.get(term)!.sort((x, y) => x[0] - y[0]);
    run.add({ term, block: 0, ids: Uint32Array.from(postings.map((p) => p[0])), counts: Uint8Array.from(postings.map((p) => Math.min(255, p[1]))) });
  }
  const { run: row, parts } = run.done();
  await db.transaction('rw', [db.wordRuns, db.wordParts], async () => {
    await db.wordRuns.clear();
    await db.wordParts.clear();
    await db.wordRuns.put(row);
    await db.wordParts.bulkPut([...run.take(), ...parts]);
  });
}

/** What a scan of every text finds for each phrase of the table, in id order (the texts read once). */
async function scanned(): Promise<number[][]> {
  const queries = PHRASES.map(([, q]) => compileQuery(q));
  const found = queries.map((): number[] => []);
  for (const stored of await db.articles.toArray()) {
    const a = readableArticle(stored)!;
    queries.forEach((q, i) => {
      if (matchArticle(q, a)) found[i]!.push(a.id);
    });
  }
  return found.map((ids) => ids.sort((x, y) => x - y));
}

async function expectEveryPhraseAsScanned(when: string): Promise<void> {
  const expected = await scanned();
  for (const [i, [name, query]] of PHRASES.entries()) {
    const found = (await searchCorpus(db, { query })).ids.sort((x, y) => x - y);
    expect(found, `${when}: ${name}, ${query}`).toEqual(expected[i]);
  }
}

// fake-indexeddb on a shared machine: a few seconds per test, more under load.
describe('phrases from the word index, as a scan of the texts finds them', { timeout: 180_000 }, () => {
  it('finds the phrases of the table in the corpus, and not all of them everywhere', async () => {
    const counts = (await scanned()).map((ids) => ids.length);
    expect(counts.filter((n) => n > 0).length).toBeGreaterThanOrEqual(PHRASES.length - 3);
    expect(counts.every((n) => n < articles.length)).toBe(true);
  });

  it('in an index written with pairs (every run holds them)', async () => {
    expect(await hasRunsWithoutPairs(db)).toBe(false);
    await expectEveryPhraseAsScanned('with pairs');
  });

  const SMALL: RunPolicy = { partPostings: 512, partChars: 2048, fanout: 2, unit: 256, maxMerged: 2_000_000 };
  it.each([
    ['no pairs', 'the stored policy', RUN_POLICY, 40],
    // Runs merged two at a time from a few postings on: the job's runs are never merged into the run it is rewriting (they have positions, it has none).
    ['no pairs', 'small runs merged two at a time', SMALL, 10],
    ['no positions', 'the stored policy', RUN_POLICY, 40],
    ['no positions', 'small runs merged two at a time', SMALL, 10],
  ] as const)('after an upgrade (a run with %s), during the rewrite stopped half way, and after it resumed to its end (%s)', async (layout, _name, policy, perSlice) => {
    await indexWithoutPairs(layout);
    expect(await hasRunsWithoutPairs(db)).toBe(true);
    await expectEveryPhraseAsScanned('before the rewrite');

    // Between slices, the runs merged as the background's merge job merges them (word-merge.ts).
    const pause = () => runMerges(mergeStoreOf(db), { policy });
    const half = await rewriteRunsWithPairs(db, { articles: perSlice, slices: Math.ceil(articles.length / perSlice / 2), policy, pause });
    expect(half.done).toBe(false);
    expect(half.rewritten).toBeGreaterThan(0);
    expect(half.rewritten).toBeLessThan(articles.length);
    // The run to rewrite is still the upgrade's (run 1), merged with none of the job's.
    const without = (await db.wordRuns.toArray()).filter((r) => r.pairs !== true || r.positions !== true).map((r) => r.run);
    expect(without).toEqual([1]);
    await expectEveryPhraseAsScanned('half way');

    const rest = await rewriteRunsWithPairs(db, { articles: perSlice, policy, pause });
    expect(rest.done).toBe(true);
    expect(await hasRunsWithoutPairs(db)).toBe(false);
    // Every article rewritten once.
    expect(half.rewritten + rest.rewritten).toBe(articles.length);
    await expectEveryPhraseAsScanned('after the rewrite');
    // Nothing left to do.
    expect(await rewriteRunsWithPairs(db, { policy, pause })).toEqual({ rewritten: 0, runs: 0, done: true });
  });

  /** The ids of the texts read from here on (`articles.bulkGet`), until `restore`. */
  const countTextReads = () => {
    const read: number[] = [];
    const bulkGet = db.articles.bulkGet.bind(db.articles);
    db.articles.bulkGet = ((keys: number[]) => {
      read.push(...keys);
      return bulkGet(keys);
    }) as typeof db.articles.bulkGet;
    return { read, restore: () => void (db.articles.bulkGet = bulkGet) };
  };

  it('reads no text for a phrase of two words after the rewrite but the rows shown', async () => {
    await indexWithoutPairs();
    await rewriteRunsWithPairs(db);
    const { read } = countTextReads();
    const listing = await searchCorpus(db, { query: '"of the"', limit: 5 });
    expect(listing.ids.length).toBeGreaterThan(5);
    expect(read.sort()).toEqual(listing.articles.map((a) => a.id).sort());
  });

  it.each(['"président de la République"', '"le mouvement des gilets jaunes"', '"the White House"', '"il y a"'])('reads no text for %s (its pairs\' positions) but the rows shown, with or without the rewrite before', async (query) => {
    for (const rewritten of [false, true]) {
      if (rewritten) {
        await indexWithoutPairs('no positions');
        await rewriteRunsWithPairs(db);
      }
      const { read, restore } = countTextReads();
      const listing = await searchCorpus(db, { query, limit: 2 });
      restore();
      expect(listing.ids.length, query).toBeGreaterThan(2);
      expect(read.sort(), `${query}, rewritten: ${rewritten}`).toEqual(listing.articles.map((a) => a.id).sort());
    }
  });

  it('is started once at a time, when a run lacks pairs only', async () => {
    expect(await startPairRewrite(db)).toBeNull();
    await indexWithoutPairs();
    const [first, second] = [startPairRewrite(db), startPairRewrite(db)];
    expect(second).toBe(first);
    expect(await first).toEqual({ rewritten: articles.length, runs: 1, done: true });
    expect(await hasRunsWithoutPairs(db)).toBe(false);
  });

  it('a save and a delete while the job is half way: the saved article found by its new phrase, the deleted one not at all', async () => {
    await indexWithoutPairs();
    await rewriteRunsWithPairs(db, { articles: 50, slices: 2 });
    const [early, late] = [(await db.articles.get(3))!, (await db.articles.get(120))!];
    await db.articles.put({ ...early, text: `${early.text}\n\nUne phrase toute neuve ici.` });
    await db.articles.delete(late.id);
    expect((await searchCorpus(db, { query: '"phrase toute neuve"' })).ids).toEqual([early.id]);
    await rewriteRunsWithPairs(db, { articles: 50 });
    expect((await searchCorpus(db, { query: '"phrase toute neuve"' })).ids).toEqual([early.id]);
    expect((await searchCorpus(db, { query: late.url })).ids).not.toContain(late.id);
    await expectEveryPhraseAsScanned('after a save and a delete');
  });
});
