/**
 * The corpus page's search (`searchCorpus`) against a straightforward reference on a corpus of
 * real articles (scripts/bench/panel-corpus.ts, made from the shared fixtures): the reference
 * reads every text (`matchArticle`: the set found), counts every article's words and pairs of words
 * (`articleTerms`: the BM25 relevance the word index gives, Robertson & Zaragoza 2009) and counts
 * the facets over the whole set. The search must find the same set, show the rows of highest
 * relevance in order (ties: the most recently saved first), and count the same facets, whatever
 * shortcuts it takes (top rows without scoring every match, counts from the index).
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { CorpusDb } from '../corpus-db';
import { searchCorpus, type CorpusSearch, type Facet } from '../corpus';
import { readableArticle, type StoredArticle } from '../article-record';
import { articleTerms } from '../word-index';
import { compileQuery, matchArticle, pairTerm, PREFIX_FROM } from '../../../lib/search';
import { generatePanelCorpus } from '../../../scripts/bench/panel-corpus';

const { articles } = generatePanelCorpus({ size: 240, sameEvent: 10 });

/** Queries of every kind the page sends: words (common, rare, begun, short, nowhere), several words, phrases of two to five words (common words inside), phrases and words together. */
const QUERIES: [string, string][] = [
  ['a common word', 'gouvernement'],
  ['a rare word', 'Kremlin'],
  ['a word beginning others', 'etat'],
  ['a short common word (itself only)', 'de'],
  ['a word nowhere', 'xylophonique'],
  ['two words', 'Poutine Obama'],
  ['three words', 'président gilets jaunes'],
  ['three rarer words', 'Poutine Obama Syrie'],
  ['a phrase of two words', '"Barack Obama"'],
  ['a common phrase of two words', '"gilets jaunes"'],
  ['a phrase of three words', '"the White House"'],
  ['a phrase with a common word inside', '"mouvement des gilets jaunes"'],
  ['a phrase with two common words inside', '"président de la République"'],
  ['a phrase with a begun last word', '"président de la Républ"'],
  ['a phrase and a word', '"Maison Blanche" Obama'],
  ['words joined as written', 'États-Unis'],
];

/** Searches as the page sends them: the default order (relevance), few rows or many, a filter. */
const SEARCHES: [string, Omit<CorpusSearch, 'query'>][] = [
  ['50 rows', { limit: 50 }],
  ['5 rows', { limit: 5 }],
  // The generated sites are `Archive 0`, `Archive 1`… (three articles each).
  ['5 rows, some sites chosen', { limit: 5, sites: Array.from({ length: 40 }, (_, i) => `Archive ${i}`) }],
  ['10 rows, French only', { limit: 10, languages: ['fr'] }],
];

const BM25_K1 = 1.2;
const BM25_B = 0.75;

let db: CorpusDb;
let stored: StoredArticle[];
let terms: Map<number, Map<string, number>>;
beforeAll(async () => {
  await Dexie.delete('recoupe-search-reference');
  db = new CorpusDb('recoupe-search-reference');
  await db.articles.bulkAdd(articles.map((a, i) => ({ ...a, savedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i % 97)).toISOString(), updatedAt: '2026-01-01T00:00:00Z', wordCount: 50 + (i % 13) * 40 })) as unknown as StoredArticle[]);
  stored = (await db.articles.toArray()).map((a) => readableArticle(a)!);
  terms = new Map(stored.map((a) => [a.id, articleTerms(a)]));
}, 180_000);
afterAll(async () => {
  db.close();
  await Dexie.delete('recoupe-search-reference');
});

/** An article's count of a term of the index, capped as stored; for a range (a begun word), the largest of its terms'. */
function countOf(id: number, term: string, begun: boolean): number {
  let best = 0;
  for (const [t, n] of terms.get(id)!) if (t === term || (begun && t.startsWith(term))) best = Math.max(best, Math.min(255, n));
  return best;
}

/** Per article, its BM25 relevance as the index counts (a unit's count: its word's, or the smallest of its pairs'), for the articles holding every unit in the index. */
function relevance(query: string): Map<number, number> {
  const q = compileQuery(query);
  const tfs = q.terms.map((words) => {
    const begun = words[words.length - 1]!.length >= PREFIX_FROM;
    const byId = new Map<number, number>();
    for (const a of stored) {
      const tf = words.length === 1
        ? countOf(a.id, words[0]!, begun)
        : Math.min(...words.slice(1).map((w, i) => countOf(a.id, pairTerm(words[i]!, w), begun && i === words.length - 2)));
      if (tf > 0) byId.set(a.id, tf);
    }
    return byId;
  });
  const avg = stored.reduce((n, a) => n + a.wordCount, 0) / stored.length;
  const scores = new Map<number, number>();
  for (const a of stored) {
    if (!tfs.every((t) => t.has(a.id))) continue;
    const norm = 1 - BM25_B + (BM25_B * a.wordCount) / avg;
    let score = 0;
    for (const t of tfs) {
      const idf = Math.log(1 + (stored.length - t.size + 0.5) / (t.size + 0.5));
      const tf = t.get(a.id)!;
      score += (idf * tf * (BM25_K1 + 1)) / (tf + BM25_K1 * norm);
    }
    scores.set(a.id, score);
  }
  return scores;
}

/** The facet counts of a set, each counting the articles every other filter keeps. */
function facetsOf(found: StoredArticle[], search: Omit<CorpusSearch, 'query'>): Facet[][] {
  const dims: [(a: StoredArticle) => string, string[] | undefined][] = [
    [(a) => a.site ?? '', search.sites], [(a) => a.language ?? '', search.languages], [(a) => a.origin, search.origins],
  ];
  return dims.map(([value], i) => {
    const counts = new Map<string, number>();
    for (const a of found) {
      const keptByOthers = dims.every(([v, chosen], j) => j === i || !chosen?.length || chosen.includes(v(a)));
      if (keptByOthers) counts.set(value(a), (counts.get(value(a)) ?? 0) + 1);
    }
    return [...counts].map(([v, count]) => ({ value: v, count })).sort((x, y) => y.count - x.count || x.value.localeCompare(y.value));
  });
}

const EPSILON = 1e-9;

describe('search against a reading of every text', { timeout: 180_000 }, () => {
  it('finds something for most queries, and not everything', () => {
    const found = QUERIES.map(([, q]) => stored.filter((a) => matchArticle(compileQuery(q), a)).length);
    expect(found.filter((n) => n > 0).length).toBeGreaterThanOrEqual(QUERIES.length - 2);
    expect(found.every((n) => n < stored.length)).toBe(true);
    // Enough matches for the heap of the first rows (more than twice the rows shown).
    expect(Math.max(...found)).toBeGreaterThan(100);
  });

  for (const [searchName, search] of SEARCHES) {
    it.each(QUERIES)(`${searchName}: %s`, async (_name, query) => {
      const listing = await searchCorpus(db, { ...search, query });
      const q = compileQuery(query);
      const kept = (a: StoredArticle) => (!search.sites?.length || search.sites.includes(a.site ?? '')) && (!search.languages?.length || search.languages.includes(a.language ?? ''));
      const matched = stored.filter((a) => matchArticle(q, a));
      const expectedIds = matched.filter(kept).map((a) => a.id).sort((x, y) => x - y);
      // The set found: every matching article the filters keep, the rows shown first.
      expect([...listing.ids].sort((x, y) => x - y)).toEqual(expectedIds);
      expect(listing.articles.map((a) => a.id)).toEqual(listing.ids.slice(0, listing.articles.length));
      expect(listing.articles.length).toBe(Math.min(search.limit!, expectedIds.length));
      // The facets over the set (each without its own filter).
      const [sites, languages, origins] = facetsOf(matched, search);
      expect(new Set(listing.sites.map((f) => `${f.value}:${f.count}`))).toEqual(new Set(sites!.map((f) => `${f.value}:${f.count}`)));
      expect(listing.languages).toEqual(expect.arrayContaining(languages!));
      expect(listing.languages.length).toBe(languages!.length);
      expect(listing.origins).toEqual(origins);
      // The rows shown: by relevance, ties the most recently saved first, and none left out above the last shown.
      const scores = relevance(query);
      const byId = new Map(stored.map((a) => [a.id, a]));
      const shown = listing.articles.map((a) => a.id);
      for (let i = 0; i + 1 < shown.length; i++) {
        const [x, y] = [shown[i]!, shown[i + 1]!];
        const [sx, sy] = [scores.get(x)!, scores.get(y)!];
        if (Math.abs(sx - sy) > EPSILON) expect(sx, `row ${i} before row ${i + 1}`).toBeGreaterThan(sy);
        else {
          const [ax, ay] = [byId.get(x)!, byId.get(y)!];
          expect(ax.savedAt > ay.savedAt || (ax.savedAt === ay.savedAt && ax.id > ay.id), `tie at row ${i}`).toBe(true);
        }
      }
      if (shown.length > 0) {
        const lowest = scores.get(shown[shown.length - 1]!)!;
        const others = new Set(expectedIds.filter((id) => !shown.includes(id)));
        for (const id of others) expect(scores.get(id)!, `article ${id} not shown`).toBeLessThanOrEqual(lowest + EPSILON);
      }
      // Every row shown with its snippet where the text holds a match.
      for (const row of listing.articles) expect(row.snippet).toEqual(matchArticle(q, byId.get(row.id)!)!.snippet);
    });
  }
});
