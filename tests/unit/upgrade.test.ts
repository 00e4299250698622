/**
 * Upgrades: a corpus saved by schema version 1 (tests/fixtures/corpus-v1.json, a record-by-record
 * dump made by make-corpus-v1.ts) is put into a database that declares version 1 only, then opened
 * with the current `CorpusDb`, whatever its version now: every article is there and readable, and
 * the corpus works (list, search, save, story index). An upgrade that fails midway leaves the old
 * corpus as it was.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { ANALYSIS_DROP_KEY, CorpusDb, STORY_GRADING_KEY, type ArticleVersion, type MetaEntry } from '../../extension/storage/corpus-db';
import { afterInterruptedUpgrade } from '../support/failing-db';
import { countArticleReads } from '../support/article-reads';
import type { FollowedFeed } from '../../extension/storage/feeds';
import { getArticle, getMeta, saveArticle, searchCorpus } from '../../extension/storage/corpus';
import { featuresOf } from '../../extension/storage/analysis';
import { readableArticle, toNewArticle, toSummary, type LegacyArticle, type StoredArticle } from '../../extension/storage/article-record';
import { articleTerms, type BlockPostings } from '../../extension/storage/word-index';
import { rewriteRunsWithPairs } from '../../extension/storage/pair-rewrite';
import { PAIR_MARK } from '../../lib/search';
import { SAMPLES_OFFERED } from '../../extension/storage/samples';
import { StoryIndex } from '../../entrypoints/background/story-index';
import { extractFromText } from '../../lib/extract';
import { GRADING_VERSION, isFeatures } from '../../lib/match';
import { importArticles } from '../../extension/storage/import-export';
import { portable } from '../../lib/corpus-io/format';

interface Dump {
  format: string;
  version: number;
  schema: Record<string, string>;
  tables: { articles: LegacyArticle[]; meta: { key: string; value: unknown }[] };
}
const fixture: Dump = JSON.parse(readFileSync(new URL('../fixtures/corpus-v1.json', import.meta.url), 'utf8'));

let name: string;

/** Restores the dump (or `articles` instead of its own) into a database declaring only the fixture's version, as that release did. */
async function restoreOldCorpus(articles = fixture.tables.articles): Promise<void> {
  await Dexie.delete(name);
  const old = new Dexie(name);
  old.version(fixture.version).stores(fixture.schema);
  await old.open();
  await old.transaction('rw', old.table('articles'), old.table('meta'), async () => {
    await old.table('articles').bulkAdd(articles);
    await old.table('meta').bulkAdd(fixture.tables.meta);
  });
  expect(old.verno).toBe(fixture.version);
  old.close();
}

beforeEach(async () => {
  name = `upgrade-${Math.random().toString(36).slice(2)}`;
  await restoreOldCorpus();
});

afterEach(async () => {
  await Dexie.delete(name);
});

describe('a corpus saved by schema version 1', () => {
  it('is the fixture it claims to be', () => {
    expect(fixture.format).toBe('recoupe-idb-dump/1');
    expect(fixture.version).toBe(1);
    expect(fixture.tables.articles).toHaveLength(7);
    // Two articles from before the analysis was kept with articles.
    expect(fixture.tables.articles.filter((a) => a.analysis === undefined)).toHaveLength(2);
  });

  it('opens with the current CorpusDb: every article is there, whole and readable', async () => {
    const db = new CorpusDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(fixture.version);
    for (const stored of fixture.tables.articles) {
      const a = await getArticle(db, stored.id);
      expect(a, `article ${stored.id}`).not.toBeNull();
      expect(a!.url).toBe(stored.url);
      expect(a!.title).toBe(stored.title);
      expect(a!.text).toBe(stored.text);
      expect(a!.paragraphs).toEqual(stored.paragraphs);
      for (const p of a!.paragraphs) expect(p.end).toBeLessThanOrEqual(a!.text.length);
      // Analysable: stored features are used, missing ones are computed again.
      expect(isFeatures(featuresOf(a!))).toBe(true);
    }
    const list = (await searchCorpus(db)).articles;
    expect(list).toHaveLength(fixture.tables.articles.length);
    expect((await searchCorpus(db, { query: 'Заголовок' })).articles.map((a) => a.id)).toHaveLength(1);
    expect(await getMeta(db, SAMPLES_OFFERED)).toBe(true);
    db.close();
  });

  it('keeps working after the upgrade: the URL stays unique, new saves get new ids, the story index builds', async () => {
    const db = new CorpusDb(name);
    const stored = fixture.tables.articles[5]!;
    // Saving the same page again (its URL was stored without the fragment) updates it.
    const again = toNewArticle(extractFromText(stored.text), `${stored.url}#top`, 'page', new Date());
    expect(await saveArticle(db, again)).toEqual({ id: stored.id, created: false });
    // The text it replaced is kept as a version.
    expect((await db.versions.where('articleId').equals(stored.id).toArray()).map((v) => v.text)).toEqual(stored.text === again.text ? [] : [stored.text]);
    const fresh = await saveArticle(db, toNewArticle(extractFromText('Un tout autre article.\n\nAvec deux paragraphes de texte.'), 'https://example.org/new', 'page', new Date()));
    expect(fresh.created).toBe(true);
    expect(fresh.id).toBeGreaterThan(Math.max(...fixture.tables.articles.map((a) => a.id)));
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    const index = await new StoryIndex(db).get();
    info.mockRestore();
    expect(index.size).toBe(fixture.tables.articles.length + 1);
    db.close();
  });

  it('upgrades to schema 2: nothing lost, a canonical address on another site becomes the article it declares itself a copy of', async () => {
    // As version 1 stored them: a page that named another site's article (a syndicated copy, or a
    // forgery) with that address as canonical, and an AMP page naming its own site's.
    const articles = fixture.tables.articles.map((a) =>
      a.id === 6 ? { ...a, canonicalUrl: 'https://www.afp.com/fr/dossier/article' }
      : a.id === 7 ? { ...a, canonicalUrl: 'https://evil.example/original' } : a);
    await restoreOldCorpus(articles);
    const db = new CorpusDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(2);
    const upgraded = await db.articles.toArray();
    expect(upgraded).toHaveLength(articles.length);
    for (const before of articles) {
      const after = upgraded.find((a) => a.id === before.id)!;
      const { canonicalUrl, declaredCopyOf, ...rest } = after;
      const { canonicalUrl: oldCanonical, ...oldRest } = before;
      // Every field as it was, but the declared address, which is kept in one field or the other.
      expect(rest, `article ${before.id}`).toEqual(oldRest);
      expect(canonicalUrl ?? declaredCopyOf ?? null).toBe(oldCanonical);
    }
    expect(upgraded.find((a) => a.id === 6)).toMatchObject({ canonicalUrl: null, declaredCopyOf: 'https://www.afp.com/fr/dossier/article' });
    expect(upgraded.find((a) => a.id === 7)).toMatchObject({ canonicalUrl: 'https://evil.example/original' });
    expect(await db.versions.count()).toBe(0);
    expect(await getMeta(db, SAMPLES_OFFERED)).toBe(true);
    // Saving the AFP page now is a new article, never the stored copy.
    const afp = toNewArticle(extractFromText('Une dépêche AFP.\n\nAvec son texte entier.'), 'https://www.afp.com/fr/dossier/article', 'page', new Date());
    expect(await saveArticle(db, afp)).toMatchObject({ created: true });
    expect((await db.articles.get(6))!.text).toBe(articles[5]!.text);
    db.close();
  });

  it('upgrades from schema 2 to 3: nothing lost, articles found by origin, the feeds table empty and usable', async () => {
    // The corpus as schema 2 left it: open it with versions 1 and 2 only, as that release declared them.
    const v2 = new Dexie(name);
    v2.version(1).stores(fixture.schema);
    v2.version(2).stores({ versions: '++id, articleId' });
    await v2.open();
    expect(v2.verno).toBe(2);
    v2.close();
    const db = new CorpusDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(3);
    expect(await db.articles.count()).toBe(fixture.tables.articles.length);
    const byOrigin = await db.articles.where('origin').equals(fixture.tables.articles[0]!.origin).count();
    expect(byOrigin).toBe(fixture.tables.articles.filter((a) => a.origin === fixture.tables.articles[0]!.origin).length);
    expect(await db.feeds.count()).toBe(0);
    const id = await db.feeds.add({ url: 'https://outlet.example/rss.xml' } as never);
    await expect(db.feeds.add({ url: 'https://outlet.example/rss.xml' } as never)).rejects.toThrow(/ConstraintError|uniqueness/);
    expect(await db.feeds.get(id)).toMatchObject({ url: 'https://outlet.example/rss.xml' });
    db.close();
  });

  it('survives an upgrade that fails midway: the old corpus is left as it was, and opens again', async () => {
    // A later version whose migration rewrites articles, then fails (a bug, a crash, a full disk).
    class FailingUpgrade extends CorpusDb {
      constructor(n: string) {
        super(n);
        this.version(1000)
          .stores({ articles: '++id, &url, canonicalUrl, site, language, publishedTime, savedAt, origin' })
          .upgrade(async (tx) => {
            await tx.table('articles').toCollection().modify((a: StoredArticle) => { a.text = ''; a.title = 'migrated'; });
            await tx.table('articles').delete(fixture.tables.articles[0]!.id);
            throw new Error('migration interrupted');
          });
      }
    }
    const failing = new FailingUpgrade(name);
    await expect(failing.open()).rejects.toThrow(/migration interrupted/);
    failing.close();

    const db = new CorpusDb(name);
    await db.open();
    expect(db.verno).toBeLessThan(1000);
    const articles = await db.articles.toArray();
    expect(articles).toHaveLength(fixture.tables.articles.length);
    for (const stored of fixture.tables.articles) {
      const a = articles.find((x) => x.id === stored.id);
      expect(a?.text).toBe(stored.text);
      expect(a?.title).toBe(stored.title);
    }
    db.close();
  });
});

interface DumpV3 {
  format: string;
  version: number;
  schemas: Record<string, Record<string, string>>;
  tables: { articles: LegacyArticle[]; meta: MetaEntry[]; versions: ArticleVersion[]; feeds: FollowedFeed[] };
}
const v3: DumpV3 = JSON.parse(readFileSync(new URL('../fixtures/corpus-v3.json', import.meta.url), 'utf8'));
const V3_TABLES = ['articles', 'meta', 'versions', 'feeds'] as const;

/** Restores the schema-3 dump into a database declaring versions 1 to 3, as that release did. */
async function restoreV3(): Promise<void> {
  await Dexie.delete(name);
  const old = new Dexie(name);
  for (const [version, schema] of Object.entries(v3.schemas)) old.version(Number(version)).stores(schema);
  await old.open();
  await old.transaction('rw', [...V3_TABLES], async () => {
    for (const t of V3_TABLES) await old.table(t).bulkAdd(v3.tables[t]);
  });
  expect(old.verno).toBe(3);
  old.close();
}

/** Every table of schema 3 as stored, in key order. */
/**
 * The dump's tables as a database holds them. The saved story index is left out: schema 12 keeps
 * it in rows (its head in its place: tests/unit/upgrade-index-rows.test.ts), and the test of the
 * story index below checks it is used as saved.
 */
async function v3Tables(db: Dexie): Promise<Record<string, unknown[]>> {
  const tables = Object.fromEntries(await Promise.all(V3_TABLES.map(async (t) => [t, await db.table(t).toArray()] as const)));
  // The corpus version, in `meta` until schema 13 moved it to a table of its own, counted with `meta`;
  // the mark of schema 14's job (upgrade-analysis.test.ts) left out.
  const moved = db.tables.some((t) => t.name === 'corpusVersion') ? await db.table<MetaEntry>('corpusVersion').toArray() : [];
  return { ...tables, meta: [...(tables.meta as MetaEntry[]), ...moved].filter((m) => m.key !== 'storyIndex' && m.key !== ANALYSIS_DROP_KEY).sort((a, b) => (a.key < b.key ? -1 : 1)) };
}
const sortedDump = () => ({ ...v3.tables, meta: [...v3.tables.meta].filter((m) => m.key !== 'storyIndex').sort((a, b) => (a.key < b.key ? -1 : 1)) });


describe('a corpus saved by schema version 3 (the version before summaries, features and the word index had their tables)', () => {
  beforeEach(restoreV3);

  it('is the fixture it claims to be', () => {
    expect([v3.format, v3.version]).toEqual(['recoupe-idb-dump/1', 3]);
    expect(v3.tables.articles).toHaveLength(9);
    expect(v3.tables.articles.filter((a) => a.analysis === undefined)).toHaveLength(2);
    expect(v3.tables.meta.map((m) => m.key).sort()).toEqual(['corpusVersion', 'keptApart', 'samplesOffered', 'settings', 'storyIndex', 'storyIndexVersion']);
    expect([v3.tables.versions.length, v3.tables.feeds.length]).toEqual([1, 1]);
  });

  it('opens at schema 4 with every article, earlier version, feed, setting, judgement and the corpus version as stored', async () => {
    const db = new CorpusDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(4);
    expect(await v3Tables(db)).toEqual(sortedDump());
    expect(await getMeta(db, 'keptApart')).toEqual(v3.tables.meta.find((m) => m.key === 'keptApart')!.value);
    db.close();
  });

  it('fills a summary and the features of every article, and the word index finds each by its title', async () => {
    const db = new CorpusDb(name);
    const summaries = await db.summaries.toArray();
    expect(summaries).toHaveLength(v3.tables.articles.length);
    for (const stored of v3.tables.articles) {
      const { text, paragraphs: _paragraphs, analysis: _analysis, ...summary } = stored;
      expect(summaries.find((s) => s.id === stored.id), `summary ${stored.id}`).toEqual({ ...summary, chars: text.length });
      const features = await db.features.get(stored.id);
      // Stored features are kept as they were; missing or outdated ones computed from the text.
      expect(features?.match, `features ${stored.id}`).toEqual(featuresOf(stored));
      if (stored.title) expect((await searchCorpus(db, { query: stored.title })).ids, `search ${stored.id}`).toContain(stored.id);
    }
    db.close();
  });

  it('starts the story index from the saved index and the features, reading no text, and rebuilds from features alone', async () => {
    const db = new CorpusDb(name);
    const counter = countArticleReads(db);
    await db.open();
    counter.reads = 0; // The upgrade itself read them once.
    // Said graded by today's rules (an index saved before they were recorded is dropped and rebuilt:
    // tests/unit/features-refresh.test.ts), so that the saved index is used as saved.
    await db.meta.put({ key: STORY_GRADING_KEY, value: GRADING_VERSION });
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    const stories = new StoryIndex(db);
    const index = await stories.get();
    expect(index.size).toBe(v3.tables.articles.length);
    expect(info).not.toHaveBeenCalled(); // The saved index was used, not rebuilt.
    expect((await stories.features(['1', '8'])).every(isFeatures)).toBe(true);
    // Saved for another corpus version: rebuilt, from features.
    await db.meta.put({ key: 'storyIndexVersion', value: 1 });
    expect((await new StoryIndex(db).get()).size).toBe(v3.tables.articles.length);
    expect(info).toHaveBeenCalledWith(expect.stringMatching(/story index rebuilt/));
    info.mockRestore();
    expect(counter.reads).toBe(0);
    db.close();
  });

  it('interrupted half way (a write of the word index fails), leaves schema 3 whole; the next open upgrades it whole', async () => {
    const raw = await afterInterruptedUpgrade(name, 'wordParts');
    expect(raw.verno).toBe(3);
    expect([...raw.backendDB().objectStoreNames]).not.toContain('summaries');
    expect(await v3Tables(raw)).toEqual(sortedDump());
    raw.close();

    const db = new CorpusDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(4);
    expect(await v3Tables(db)).toEqual(sortedDump());
    expect([await db.summaries.count(), await db.features.count()]).toEqual([v3.tables.articles.length, v3.tables.articles.length]);
    expect((await searchCorpus(db, { query: 'conseil municipal budget' })).ids).toHaveLength(1);
    db.close();
  });
});

/**
 * The corpus as schema 4 left it, from the schema-3 dump: a summary and the features of every
 * article, and the word index of that version, one row per word and block of 1,024 ids.
 */
async function restoreV4(): Promise<void> {
  await restoreV3();
  const old = new Dexie(name);
  for (const [version, schema] of Object.entries(v3.schemas)) old.version(Number(version)).stores(schema);
  old.version(4).stores({ summaries: 'id, savedAt', features: 'id', words: '[term+block]' });
  await old.open();
  const articles = v3.tables.articles.map((a) => readableArticle(a)).filter((a) => a !== null);
  const rows = new Map<string, BlockPostings>();
  for (const a of articles) {
    for (const [term, count] of articleTerms(a)) {
      // Schema 4 kept words only, not the pairs of words side by side.
      if (term.startsWith(PAIR_MARK)) continue;
      const block = Math.floor(a.id / 1024);
      const row = rows.get(`${term} ${block}`) ?? { term, block, ids: new Uint32Array(), counts: new Uint8Array() };
      rows.set(`${term} ${block}`, { ...row, ids: Uint32Array.from([...row.ids, a.id]), counts: Uint8Array.from([...row.counts, Math.min(255, count)]) });
    }
  }
  await old.transaction('rw', ['summaries', 'features', 'words'], async () => {
    await old.table('summaries').bulkAdd(articles.map((a) => ({ ...toSummary(a), chars: a.text.length })));
    await old.table('features').bulkAdd(articles.map((a) => ({ id: a.id, match: featuresOf(a) })));
    await old.table('words').bulkAdd([...rows.values()]);
  });
  expect(old.verno).toBe(4);
  old.close();
}

describe('a corpus saved by schema version 4 (the word index one row per word and block of ids; imported articles not yet waiting for their features)', () => {
  it('opens at schema 6 with the word index made from the old rows, reading no text, and every search answered as from the texts', async () => {
    // From the texts: schema 3 upgraded (version 4's upgrade, then 5's, reading the articles).
    await restoreV3();
    const fromTexts = new CorpusDb(name);
    const queries = [...new Set(v3.tables.articles.flatMap((a) => (a.title ?? '').split(/\s+/u)))].filter(Boolean);
    // Phrases too: the run made of the old rows has no pairs of words, and finds them by their words and the texts.
    queries.push('conseil municipal budget', 'gouv', 'etat', '"conseil municipal"', '"le conseil municipal"', '"conseil mun"', '"conseil m"');
    const expected = await Promise.all(queries.map((query) => searchCorpus(fromTexts, { query })));
    fromTexts.close();

    await restoreV4();
    const db = new CorpusDb(name);
    const counter = countArticleReads(db);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(6);
    expect(counter.reads).toBe(0);
    expect(await v3Tables(db)).toEqual(sortedDump());
    expect(await db.wordRuns.count()).toBe(1);
    expect(expected.some((listing) => listing.ids.length > 0)).toBe(true);
    for (const [i, query] of queries.entries()) expect(await searchCorpus(db, { query }), query).toEqual(expected[i]);
    // The background job rewrites the run with pairs of words (pair-rewrite.ts), stopped half way then resumed: the same answers throughout.
    expect(await rewriteRunsWithPairs(db, { articles: 2, slices: 2 })).toMatchObject({ done: false, rewritten: 4 });
    for (const [i, query] of queries.entries()) expect(await searchCorpus(db, { query }), `half way: ${query}`).toEqual(expected[i]);
    expect(await rewriteRunsWithPairs(db)).toMatchObject({ done: true, runs: 1 });
    expect((await db.wordRuns.toArray()).every((r) => r.pairs === true)).toBe(true);
    for (const [i, query] of queries.entries()) expect(await searchCorpus(db, { query }), `rewritten: ${query}`).toEqual(expected[i]);
    db.close();
  });

  it('keeps every summary and feature as stored, nothing waiting for its features; an article imported then waits for its features and its words are found at once', async () => {
    await restoreV4();
    const old = new Dexie(name);
    await old.open();
    const stored = { summaries: await old.table('summaries').toArray(), features: await old.table('features').toArray() };
    old.close();
    expect(stored.features).toHaveLength(v3.tables.articles.length);
    const db = new CorpusDb(name);
    await db.open();
    expect({ summaries: await db.summaries.toArray(), features: await db.features.toArray() }).toEqual(stored);
    expect(await db.pending.count()).toBe(0);
    await importArticles(db, [{ item: 'article 1', article: portable(toNewArticle(extractFromText('Le conseil municipal vote un budget.'), 'https://z.example/1', 'import', new Date('2026-01-01'))) }]);
    const id = (await db.articles.where('url').equals('https://z.example/1').first())!.id;
    expect([(await db.pending.get(id))?.id, await db.features.get(id)]).toEqual([id, undefined]);
    expect((await searchCorpus(db, { query: 'conseil municipal budget' })).ids).toContain(id);
    // A phrase over the old run (no pairs: its words, then the texts) and the import's (its pairs).
    const phrase = (await searchCorpus(db, { query: '"conseil municipal"' })).ids;
    expect(phrase).toContain(id);
    expect(phrase.length).toBeGreaterThan(1);
    db.close();
  });
});
