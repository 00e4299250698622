/**
 * An import stored in chunks, each in its own transaction (issue 20, item 5): what is stored, what
 * each chunk's single look-up finds (an update among new articles, the same address twice in a
 * file, in one chunk or across two), and an import interrupted between two chunks: the chunks
 * before it stay, the rest is not stored, and the reader is told how many (en and fr).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { failingDb } from '../../../tests/support/failing-db';
import { CorpusDb } from '../corpus-db';
import { articleVersions, getCorpusVersion, saveArticle, searchCorpus } from '../corpus';
import { toNewArticle, type NewArticle } from '../article-record';
import { withFeatures } from '../analysis';
import { importArticles, importChunks, ImportInterrupted, pagesOf, WRITE_PAGE_ARTICLES } from '../import-export';
import { MAX_IMPORT_PART_ARTICLES } from '../../protocol';
import { articleTerms, readPostings } from '../word-index';
import { wordsLaterRows } from '../words-later';
import { portable, type ImportCandidate } from '../../../lib/corpus-io';
import { answer, createHandlers, type BackgroundDeps } from '../../../entrypoints/background/handlers';
import type { StoryIndex } from '../../../entrypoints/background/story-index';
import { installMessages } from '../../../tests/support/browser-messages';
import type { ExtractedArticle } from '../../../lib/extract/types';

const NAME = 'recoupe-import-chunks-test';

/** An article at `url` whose text says `words` (several sentences, so that an edit keeps most words). */
function article(url: string, words: string): NewArticle {
  const text = `${words}. Le Kremlin a annoncé un accord avec Washington.\n\nLes deux présidents se sont parlé au téléphone.`;
  const cut = text.indexOf('\n\n');
  const extracted: ExtractedArticle = {
    title: words, byline: null, siteName: 'Site', publishedTime: '2016-07-07T08:00:00Z', language: 'fr', url: null, canonicalUrl: null,
    text, paragraphs: [{ start: 0, end: cut }, { start: cut + 2, end: text.length }], boilerplate: [], removals: [], isArticle: true, articleReasons: [],
  };
  return toNewArticle(extracted, url, 'import', new Date('2026-01-01'));
}

const file = (articles: NewArticle[]): ImportCandidate[] => articles.map((a, i) => ({ item: `line ${i + 2}`, article: portable(a) }));

/** Every stored article as `url: title`, and the titles of its earlier versions. */
async function stored(db: CorpusDb): Promise<Record<string, { title: string | null; versions: (string | null)[] }>> {
  const out: Record<string, { title: string | null; versions: (string | null)[] }> = {};
  for (const a of await db.articles.toArray()) out[a.url] = { title: a.title, versions: (await articleVersions(db, a.id)).map((v) => v.title) };
  return out;
}

/** Every word (and pair of words) of every stored article is found in exactly the articles holding it, with their counts. */
async function expectIndexOfStored(db: CorpusDb): Promise<void> {
  const model = new Map<string, Map<number, number>>();
  for (const a of await db.articles.toArray()) {
    for (const [term, count] of articleTerms(a)) {
      if (!model.has(term)) model.set(term, new Map());
      model.get(term)!.set(a.id, Math.min(255, count));
    }
  }
  const terms = [...model.keys()];
  const found = await readPostings({ runs: () => db.wordRuns.toArray(), parts: (keys) => db.wordParts.bulkGet(keys) }, terms.map((t): [string, string] => [t, t]));
  terms.forEach((term, i) => {
    const got = new Map(found[i]!.ids.map((id) => [id, found[i]!.counts[id]!]));
    expect(got, JSON.stringify(term)).toEqual(model.get(term));
  });
}

let failing: ReturnType<typeof failingDb>;
let db: CorpusDb;
beforeEach(async () => {
  await Dexie.delete(NAME);
  failing = failingDb(NAME);
  db = failing.db;
});
afterEach(() => db.close());

describe('chunks', () => {
  it.each([
    ['none', [], 3, []],
    ['fewer than a chunk', [10, 10], 3, [[0, 2]]],
    ['by count', [10, 10, 10, 10, 10], 2, [[0, 2], [2, 4], [4, 5]]],
    // 8 MiB of text at most: a long article closes the chunk before it, and one longer than that goes alone.
    ['by characters', [10, 8_000_000, 400_000, 9_000_000, 10], 10, [[0, 2], [2, 3], [3, 4], [4, 5]]],
  ] as const)('%s', (_name, lengths, maxArticles, expected) => {
    const candidates = lengths.map((n, i) => ({ item: `${i}`, article: { text: 'x'.repeat(n) } as ImportCandidate['article'] }));
    expect([...importChunks(candidates, maxArticles)]).toEqual(expected);
  });
});

describe('an import stored in chunks', () => {
  it.each([
    {
      name: 'an update among new articles: the stored article keeps its id and its earlier text as a version',
      before: [article('https://a.org/1', 'Ancien titre')],
      imported: [article('https://b.org/1', 'Un'), article('https://b.org/2', 'Deux'), article('https://a.org/1', 'Titre corrigé'), article('https://b.org/3', 'Trois')],
      outcome: { added: 3, updated: 1, kept: 0 },
      after: {
        'https://a.org/1': { title: 'Titre corrigé', versions: ['Ancien titre'] },
        'https://b.org/1': { title: 'Un', versions: [] }, 'https://b.org/2': { title: 'Deux', versions: [] }, 'https://b.org/3': { title: 'Trois', versions: [] },
      },
    },
    {
      name: 'the same address twice in one chunk: the later updates the earlier',
      before: [],
      imported: [article('https://b.org/1', 'Premier état'), article('https://b.org/1', 'Second état'), article('https://b.org/2', 'Autre')],
      outcome: { added: 2, updated: 1, kept: 0 },
      after: { 'https://b.org/1': { title: 'Second état', versions: ['Premier état'] }, 'https://b.org/2': { title: 'Autre', versions: [] } },
    },
    {
      name: 'the same address in two chunks: the later chunk finds the earlier one stored and updates it',
      before: [],
      imported: [article('https://b.org/1', 'Premier état'), article('https://b.org/2', 'Autre'), article('https://b.org/1', 'Second état')],
      outcome: { added: 2, updated: 1, kept: 0 },
      after: { 'https://b.org/1': { title: 'Second état', versions: ['Premier état'] }, 'https://b.org/2': { title: 'Autre', versions: [] } },
    },
    {
      name: 'the same text again: updated without a version',
      before: [article('https://a.org/1', 'Même')],
      imported: [article('https://a.org/1', 'Même'), article('https://b.org/1', 'Neuf')],
      outcome: { added: 1, updated: 1, kept: 0 },
      after: { 'https://a.org/1': { title: 'Même', versions: [] }, 'https://b.org/1': { title: 'Neuf', versions: [] } },
    },
    {
      name: 'a reading that lost most of the stored words: the stored article is kept',
      before: [{ ...article('https://a.org/1', 'Long'), text: 'mot '.repeat(500), wordCount: 500 }],
      imported: [article('https://a.org/1', 'Court'), article('https://b.org/1', 'Neuf')],
      outcome: { added: 1, updated: 0, kept: 1 },
      after: { 'https://a.org/1': { title: 'Long', versions: [] }, 'https://b.org/1': { title: 'Neuf', versions: [] } },
    },
  ])('$name', async ({ before, imported, outcome, after }) => {
    for (const a of before) await saveArticle(db, withFeatures(a));
    const ids = Object.fromEntries((await db.articles.toArray()).map((a) => [a.url, a.id]));
    const version = await getCorpusVersion(db);
    const chunks: number[] = [];
    const result = await importArticles(db, file(imported), new Date('2026-02-01'), [], { chunkArticles: 2, onStored: (_, done) => void chunks.push(done) });
    expect({ added: result.added, updated: result.updated, kept: result.kept.length }).toEqual(outcome);
    expect(await stored(db)).toEqual(after);
    // An updated article keeps its id, and the reply names it (its features in the story index are stale).
    for (const [url, id] of Object.entries(ids)) expect((await db.articles.where('url').equals(url).first())?.id).toBe(id);
    expect(result.updatedIds).toHaveLength(outcome.updated);
    // Every article the import wrote waits for its features; the others keep theirs.
    const written = new Set(imported.map((a) => a.title));
    const pending = (await db.pending.toArray()).map((p) => p.id);
    expect(pending.sort()).toEqual((await db.articles.toArray()).filter((a) => written.has(a.title)).map((a) => a.id).sort());
    expect((await db.features.toArray()).map((f) => f.id).sort()).toEqual((await db.articles.toArray()).filter((a) => !written.has(a.title)).map((a) => a.id).sort());
    // Two articles a chunk; the version moved once with each chunk that changed something.
    expect(chunks).toEqual(imported.map((_, i) => i + 1).filter((n) => n % 2 === 0 || n === imported.length));
    expect(await getCorpusVersion(db)).toBe(version + chunks.length);
    // The derived tables follow: each stored article is found by a word of its title.
    expect((await searchCorpus(db, { query: 'Kremlin' })).total).toBe(Object.keys(after).length);
    // The word index holds exactly the stored articles' words and counts (runs built before the chunks' transactions).
    await expectIndexOfStored(db);
  });

  it('interrupted between two chunks: the chunks before stay, whole; nothing after; the failure says how many were stored', async () => {
    await saveArticle(db, withFeatures(article('https://a.org/1', 'Déjà là')));
    const version = await getCorpusVersion(db);
    const imported = [article('https://b.org/1', 'Un'), article('https://a.org/1', 'Déjà là, corrigé'), article('https://b.org/2', 'Deux'), article('https://b.org/3', 'Trois'), article('https://b.org/4', 'Quatre')];
    // The first chunk writes twice (the update, the new article); the second chunk's write fails.
    failing.arm(3);
    const error = await importArticles(db, file(imported), new Date(), [], { chunkArticles: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportInterrupted);
    expect(error).toMatchObject({ done: 2, total: 5, stored: { added: 1, updated: 1 }, cause: { name: 'QuotaExceededError' } });
    expect(await stored(db)).toEqual({
      'https://a.org/1': { title: 'Déjà là, corrigé', versions: ['Déjà là'] },
      'https://b.org/1': { title: 'Un', versions: [] },
    });
    expect(await getCorpusVersion(db)).toBe(version + 1);
    // Imported again, the file completes the corpus: what was stored is updated, not doubled.
    failing.arm(Infinity);
    expect(await importArticles(db, file(imported), new Date(), [], { chunkArticles: 2 })).toMatchObject({ added: 3, updated: 2 });
    expect(Object.keys(await stored(db))).toHaveLength(5);
  });

  it('a failure in the first chunk rejects with the failure itself, nothing stored', async () => {
    failing.arm(1);
    await expect(importArticles(db, file([article('https://b.org/1', 'Un'), article('https://b.org/2', 'Deux')]), new Date(), [], { chunkArticles: 1 }))
      .rejects.toMatchObject({ name: 'QuotaExceededError' });
    expect(await db.articles.count()).toBe(0);
  });
});

describe("a chunk's articles written a page at a time (each write one task of the background: issue 20, item 5)", () => {
  it.each([
    ['by count', [10, 10, 10, 10, 10], 2, 1_000, [[0, 2], [2, 4], [4, 5]]],
    ['by characters: a long item closes the page before it, one longer than a page goes alone', [10, 900, 150, 2_000, 10], 10, 1_000, [[0, 2], [2, 3], [3, 4], [4, 5]]],
    ['none', [], 2, 1_000, []],
  ] as const)('pages %s', (_name, lengths, maxItems, maxChars, expected) => {
    expect([...pagesOf(lengths, maxItems, maxChars, (n) => n)]).toEqual(expected);
  });

  it('in pages of two: the writes are of two articles at most, and the corpus is the same as written in one write', async () => {
    const before = [article('https://a.org/1', 'Ancien un'), article('https://a.org/2', 'Ancien deux'), article('https://a.org/3', 'Ancien trois')];
    const imported = [
      ...['Un', 'Deux', 'Trois', 'Quatre', 'Cinq'].map((w, i) => article(`https://b.org/${i}`, w)),
      ...before.map((a, i) => article(a.url, `Titre corrigé ${i}`)),
    ];
    const other = new CorpusDb(`${NAME}-one-write`);
    try {
      /** The sizes of the writes of articles an import of `imported` makes, and what it stores. */
      const importInto = async (target: CorpusDb, pageArticles: number) => {
        for (const a of before) await saveArticle(target, withFeatures(a));
        const sizes: Record<string, number[]> = { added: [], updated: [] };
        const [bulkAdd, bulkPut] = [target.articles.bulkAdd.bind(target.articles), target.articles.bulkPut.bind(target.articles)];
        vi.spyOn(target.articles, 'bulkAdd').mockImplementation(((rows: unknown[], ...rest: unknown[]) => (sizes.added!.push(rows.length), (bulkAdd as (...a: unknown[]) => unknown)(rows, ...rest))) as never);
        vi.spyOn(target.articles, 'bulkPut').mockImplementation(((rows: unknown[], ...rest: unknown[]) => (sizes.updated!.push(rows.length), (bulkPut as (...a: unknown[]) => unknown)(rows, ...rest))) as never);
        const result = await importArticles(target, file(imported), new Date('2026-02-01'), [], { chunkArticles: 10, pageArticles });
        vi.restoreAllMocks();
        await expectIndexOfStored(target);
        return {
          sizes,
          result: { added: result.added, updated: result.updatedIds },
          articles: await target.articles.toArray(),
          summaries: await target.summaries.toArray(),
          pending: (await target.pending.toArray()).map((p) => p.id),
          versions: await target.versions.toArray(),
          corpus: await stored(target),
        };
      };
      const paged = await importInto(db, 2);
      const whole = await importInto(other, 100);
      expect(paged.sizes).toEqual({ added: [2, 2, 1], updated: [2, 1] });
      expect(whole.sizes).toEqual({ added: [5], updated: [3] });
      const { sizes: _a, ...pagedStored } = paged;
      const { sizes: _b, ...wholeStored } = whole;
      expect(pagedStored).toEqual(wholeStored);
      expect(Object.keys(paged.corpus)).toHaveLength(8);
    } finally {
      other.close();
      await Dexie.delete(`${NAME}-one-write`);
    }
  });
});

describe("a chunk's addresses looked up at once (one round trip a chunk: issue 16, item 6)", () => {
  it("sends every look-up of the chunk (both indexes) before any is answered, on the chunk's transaction, and finds the stored articles", async () => {
    const before = [article('https://a.org/1', 'Ancien un'), article('https://a.org/2', 'Ancien deux')];
    // More addresses than the pages of 50 looked up one after another before.
    const imported = [
      ...Array.from({ length: 58 }, (_, i) => article(`https://b.org/${i}`, `Nouveau ${i}`)),
      ...before.map((a, i) => article(a.url, `Titre corrigé ${i}`)),
    ];
    for (const a of before) await saveArticle(db, withFeatures(a));
    const ids = Object.fromEntries((await db.articles.toArray()).map((a) => [a.url, a.id]));
    const steps: string[] = [];
    const getAllKeys = IDBIndex.prototype.getAllKeys;
    vi.spyOn(IDBIndex.prototype, 'getAllKeys').mockImplementation(function (this: IDBIndex, ...args: Parameters<IDBIndex['getAllKeys']>) {
      if (this.objectStore.name === 'articles') steps.push(`sent ${this.name} ${String(args[0])} ${this.objectStore.transaction.mode}`);
      const request = getAllKeys.apply(this, args);
      if (this.objectStore.name === 'articles') request.addEventListener('success', () => steps.push('answered'));
      return request;
    });
    const result = await importArticles(db, file(imported), new Date('2026-02-01'), [], { chunkArticles: 100 });
    vi.restoreAllMocks();
    // 60 addresses, 2 indexes: 120 look-ups, all sent before the first answer, in the chunk's read-write transaction.
    const sent = steps.filter((s) => s.startsWith('sent'));
    expect(sent).toHaveLength(120);
    expect(steps.slice(0, 120)).toEqual(sent);
    expect(new Set(sent.map((s) => s.split(' ')[1]))).toEqual(new Set(['url', 'canonicalUrl']));
    expect(sent.every((s) => s.endsWith('readwrite'))).toBe(true);
    // The stored articles were found: updated in place (same ids), the others added.
    expect({ added: result.added, updated: result.updated }).toEqual({ added: 58, updated: 2 });
    for (const [url, id] of Object.entries(ids)) expect(await db.articles.where('url').equals(url).first()).toMatchObject({ id, title: expect.stringMatching(/^Titre corrigé/) });
    expect(await db.articles.count()).toBe(60);
  });

  it('finds a stored article by its canonical address on its site, as a save does', async () => {
    const stored = { ...article('https://a.org/amp/1', 'Ancien'), canonicalUrl: 'https://a.org/1' };
    await saveArticle(db, withFeatures(stored));
    const { id } = (await db.articles.toArray())[0]!;
    const result = await importArticles(db, file([article('https://a.org/1', 'Titre corrigé')]), new Date('2026-02-01'));
    expect({ added: result.added, updated: result.updated, updatedIds: result.updatedIds }).toEqual({ added: 0, updated: 1, updatedIds: [id] });
    expect(await db.articles.count()).toBe(1);
  });
});

describe('the tables a chunk holds', () => {
  /** The stores of each read-write transaction on the articles an import opens, in order. */
  async function chunkStores(keptApart: [string, string][]): Promise<string[][]> {
    const opened: string[][] = [];
    const transaction = db.transaction.bind(db) as (...args: unknown[]) => unknown;
    vi.spyOn(db, 'transaction').mockImplementation(((...args: unknown[]) => {
      const tables = (Array.isArray(args[1]) ? args[1] : [args[1]]) as { name: string }[];
      if (args[0] === 'rw' && tables.some((t) => t.name === 'articles')) opened.push(tables.map((t) => t.name).sort());
      return transaction(...args);
    }) as never);
    const imported = ['Un', 'Deux', 'Trois', 'Quatre'].map((w, i) => article(`https://b.org/${i}`, w));
    await importArticles(db, file(imported), new Date(), keptApart, { chunkArticles: 2 });
    vi.restoreAllMocks();
    return opened;
  }
  const CHUNK = ['articles', 'corpusVersion', 'versions', 'wordParts', 'wordRuns'];

  // A chunk that held `meta` (for the corpus version, before schema 13) held every reader of the
  // settings, the pairs kept apart and the story index's head until it ended (issue 20, item 5).
  it.each([
    ['no judgements: no chunk holds meta', [] as [string, string][], [CHUNK, CHUNK]],
    ['the file\'s judgements: the first chunk holds meta, to store them with its articles', [['https://b.org/0', 'https://b.org/1']] as [string, string][], [[...CHUNK, 'meta'].sort(), CHUNK]],
  ])('%s; every chunk holds the corpus version', async (_name, keptApart, expected) => {
    expect(await chunkStores(keptApart)).toEqual(expected);
  });
});

describe('the reader told of an import interrupted between two chunks', () => {
  /** The background's handlers over the failing database, with a story index that takes anything. */
  const handlers = () => createHandlers({
    db,
    stories: { change: <T>(run: () => Promise<T>) => run(), add: async () => {} } as unknown as StoryIndex,
    announceCorpusChange: () => {},
  } as unknown as BackgroundDeps);
  // More than one chunk (`MAX_IMPORT_PART_ARTICLES`, 200): the first chunk is stored, the second's first write fails
  // (a chunk's articles are written a page at a time: `WRITE_PAGE_ARTICLES`).
  const secondChunk = MAX_IMPORT_PART_ARTICLES / WRITE_PAGE_ARTICLES + 1;
  const many = Array.from({ length: 250 }, (_, i) => article(`https://b.org/${i}`, `Article ${i}`));

  it.each([
    ['en', /^“big\.jsonl”: 200 of 250 articles were imported, then storing failed\. The browser has no room left for the corpus.* The articles imported before the failure stay in your corpus: it was changed\.$/],
    ['fr', /^« big\.jsonl » : 200 articles sur 250 ont été importés, puis l'enregistrement a échoué\. Le navigateur n'a plus de place pour le corpus.* Les articles importés avant l'échec restent dans votre corpus : il a changé\.$/],
  ] as const)('%s: a whole file (corpus/import)', async (lang, expected) => {
    installMessages(lang);
    const text = [JSON.stringify({ format: 'recoupe-corpus', version: 1, exportedAt: '2026-01-01T00:00:00.000Z', stream: 'jsonl' }),
      ...many.map((a) => JSON.stringify(portable(a))), JSON.stringify({ end: 'recoupe-corpus', count: many.length })].join('\n');
    failing.arm(secondChunk);
    const error = await handlers()['corpus/import']({ type: 'corpus/import', fileName: 'big.jsonl', text }, undefined).catch((e: Error) => e.message);
    expect(error).toMatch(expected);
    expect(await db.articles.count()).toBe(200);
  });

  it.each([
    ['en', /^200 of the 250 articles of this part were stored before the failure and stay in your corpus\. The browser has no room left/],
    ['fr', /^200 des 250 articles de cette partie ont été enregistrés avant l'échec et restent dans votre corpus\. Le navigateur n'a plus de place/],
  ] as const)('%s: a part larger than a chunk (corpus/import-part, which the corpus page never sends)', async (lang, expected) => {
    installMessages(lang);
    failing.arm(secondChunk);
    const error = await handlers()['corpus/import-part']({ type: 'corpus/import-part', fileName: 'big.jsonl', articles: file(many) }, undefined).catch((e: Error) => e.message);
    expect(error).toMatch(expected);
    expect(await db.articles.count()).toBe(200);
  });
});

describe('the parts of one import sent without waiting for the replies (corpus/import-part with an importId)', () => {
  const handlers = () => createHandlers({
    db,
    stories: { change: <T>(run: () => Promise<T>) => run(), add: async () => {}, remove: async () => {} } as unknown as StoryIndex,
    announceCorpusChange: () => {},
  } as unknown as BackgroundDeps);
  /** Sends the parts at once, as the corpus page sends the next before the previous is stored; the replies or errors, in order. */
  const sendAll = async (parts: NewArticle[][]) => {
    const part = handlers()['corpus/import-part'];
    const replies = parts.map((articles) => part({ type: 'corpus/import-part', fileName: 'f.jsonl', articles: file(articles), importId: 'one' }, undefined));
    return Promise.all(replies.map((r) => r.then((v) => ({ added: v.added, updated: v.updated }), (e: Error) => e.message)));
  };

  it('are stored in the order sent: a later part updates what an earlier one stored', async () => {
    const replies = await sendAll([
      [article('https://b.org/1', 'Un'), article('https://b.org/2', 'Deux')],
      [article('https://b.org/1', 'Un, corrigé')],
      [article('https://b.org/3', 'Trois')],
    ]);
    expect(replies).toEqual([{ added: 2, updated: 0 }, { added: 0, updated: 1 }, { added: 1, updated: 0 }]);
    expect(await stored(db)).toEqual({
      'https://b.org/1': { title: 'Un, corrigé', versions: ['Un'] },
      'https://b.org/2': { title: 'Deux', versions: [] },
      'https://b.org/3': { title: 'Trois', versions: [] },
    });
  });

  it.each([
    ['en', 'Not stored: an earlier part of the file could not be stored, so the import stopped there.'],
    ['fr', "Non enregistrée : une partie précédente du fichier n'a pas pu être enregistrée, l'import s'est donc arrêté là."],
  ] as const)('%s: once one fails, the parts after it are not stored and say why', async (lang, earlier) => {
    installMessages(lang);
    await saveArticle(db, withFeatures(article('https://a.org/1', 'Déjà là')));
    // The first part is stored; the second's write fails.
    failing.arm(2);
    const replies = await sendAll([[article('https://b.org/1', 'Un')], [article('https://b.org/2', 'Deux')], [article('https://b.org/3', 'Trois')]]);
    expect(replies[0]).toEqual({ added: 1, updated: 0 });
    expect(replies[1]).toMatch(lang === 'en' ? /^The browser has no room left/ : /^Le navigateur n'a plus de place/);
    expect(replies[2]).toBe(earlier);
    expect(Object.keys(await stored(db)).sort()).toEqual(['https://a.org/1', 'https://b.org/1']);
  });

  it.each([
    ['en', 'Not stored: an earlier part of the file could not be stored, so the import stopped there.'],
    ['fr', "Non enregistrée : une partie précédente du fichier n'a pas pu être enregistrée, l'import s'est donc arrêté là."],
  ] as const)('%s: a part refused before its handler (a malformed message) stops the parts after it, whenever they come', async (lang, earlier) => {
    installMessages(lang);
    const all = handlers();
    const send = (articles: NewArticle[]) => answer(all, { type: 'corpus/import-part', fileName: 'f.jsonl', articles: file(articles), importId: 'one' }, 'extension', undefined);
    const first = send([article('https://b.org/1', 'Un')]);
    // The second part is malformed (an item that is not a string): refused before any handler, with no answer.
    const refused = answer(all, { type: 'corpus/import-part', fileName: 'f.jsonl', articles: [{ item: 2, article: portable(article('https://b.org/2', 'Deux')) }], importId: 'one' }, 'extension', undefined);
    expect(refused).toBeUndefined();
    const third = send([article('https://b.org/3', 'Trois')]);
    expect(await first).toMatchObject({ ok: true, value: { added: 1 } });
    expect(await third).toEqual({ ok: false, error: earlier });
    // A part sent after the others have settled is not stored either.
    expect(await send([article('https://b.org/4', 'Quatre')])).toEqual({ ok: false, error: earlier });
    // Another import goes on.
    expect(await answer(all, { type: 'corpus/import-part', fileName: 'g.jsonl', articles: file([article('https://c.org/1', 'Autre')]), importId: 'two' }, 'extension', undefined))
      .toMatchObject({ ok: true, value: { added: 1 } });
    expect(Object.keys(await stored(db)).sort()).toEqual(['https://b.org/1', 'https://c.org/1']);
  });

  it('a malformed part from a web page (not an extension page) stops nothing', async () => {
    const all = handlers();
    expect(answer(all, { type: 'corpus/import-part', importId: 'one' }, 'page', 1)).toBeUndefined();
    expect(await answer(all, { type: 'corpus/import-part', fileName: 'f.jsonl', articles: file([article('https://b.org/1', 'Un')]), importId: 'one' }, 'extension', undefined))
      .toMatchObject({ ok: true, value: { added: 1 } });
  });
});

describe("a write's derived rows sent on its transaction, not waited for (issue 16, item 6)", () => {
  /** Each add and put of the stores named, as sent (`send`) and as answered (`done`), in order. */
  function logWrites(stores: string[]): string[] {
    const steps: string[] = [];
    for (const method of ['add', 'put'] as const) {
      const original = IDBObjectStore.prototype[method];
      vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        const name = this.name;
        const request = original.apply(this, args);
        if (stores.includes(name)) {
          steps.push(`send ${name}`);
          request.addEventListener('success', () => steps.push(`done ${name}`));
        }
        return request;
      });
    }
    return steps;
  }

  it('sends the next page of an import before the summaries of the one before are written, and stores every row', async () => {
    const imported = Array.from({ length: 6 }, (_, i) => article(`https://b.org/${i}`, `Nouveau ${i}`));
    const steps = logWrites(['articles', 'summaries', 'pending']);
    await importArticles(db, file(imported), new Date('2026-02-01'), [], { pageArticles: 2 });
    vi.restoreAllMocks();
    const secondPage = steps.filter((s) => s === 'send articles').length >= 3 ? steps.indexOf('send articles', steps.indexOf('send articles', steps.indexOf('send articles') + 1) + 1) : -1;
    // Pages of 2: the third article's add is the second page's first request.
    expect(secondPage).toBeGreaterThan(-1);
    expect(secondPage).toBeLessThan(steps.indexOf('done summaries'));
    const articles = await db.articles.toArray();
    expect((await db.summaries.toArray()).map((s) => s.id).sort()).toEqual(articles.map((a) => a.id).sort());
    expect((await db.pending.toArray()).map((p) => p.id).sort()).toEqual(articles.map((a) => a.id).sort());
  });

  it('a derived row that fails to be written fails the whole write: the article stays as it was', async () => {
    const first = article('https://a.org/1', 'Ancien');
    await saveArticle(db, withFeatures(first));
    // The summary's write made to fail as the database fails a request (asynchronously, an error event): an add of a key stored already.
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      return this.name === 'summaries' ? this.add(...args) : put.apply(this, args);
    });
    const saved = saveArticle(db, withFeatures(article('https://a.org/1', 'Ancien titre corrigé')));
    await expect(saved).rejects.toThrow();
    vi.restoreAllMocks();
    const [stored] = await db.articles.toArray();
    expect(stored!.title).toBe('Ancien');
    expect((await db.summaries.toArray()).map((s) => s.title)).toEqual(['Ancien']);
    expect(await articleVersions(db, stored!.id)).toEqual([]);
  });
});

describe("a chunk's corpus version read once (issue 16, item 6)", () => {
  it.each([
    ['new articles', ['https://b.org/0', 'https://b.org/1', 'https://b.org/2', 'https://b.org/3'], 2, [[1, [0, 1]], [2, [2, 3]]]],
    // The same address twice in the first chunk: saved one by one (their words indexed as a save's), whose save reads and moves the version (once for the chunk).
    ['an address twice in a chunk', ['https://b.org/0', 'https://b.org/0', 'https://b.org/2', 'https://b.org/3'], 3, [[2, [2, 3]]]],
  ] as [string, string[], number, [number, number[]][]][])('%s: read once a chunk, moved once a chunk, the words to index listed under the version moved to', async (_name, urls, readsExpected, listed) => {
    const reads: string[] = [];
    const get = IDBObjectStore.prototype.get;
    vi.spyOn(IDBObjectStore.prototype, 'get').mockImplementation(function (this: IDBObjectStore, key: IDBValidKey | IDBKeyRange) {
      if (this.name === 'corpusVersion' && key === 'corpusVersion') reads.push(this.transaction.mode);
      return get.call(this, key);
    });
    const before = await getCorpusVersion(db);
    await importArticles(db, file(urls.map((url, i) => article(url, `Titre ${i}`))), new Date('2026-02-01'), [], { chunkArticles: 2, wordsLater: true });
    vi.restoreAllMocks();
    // Two chunks: one read each, at the start (a second read after every chunk's writes made three round trips of its end).
    expect(reads.filter((mode) => mode === 'readwrite')).toHaveLength(readsExpected);
    expect(await getCorpusVersion(db)).toBe(before + 2);
    const rows = await wordsLaterRows(db);
    const byUrl = new Map((await db.articles.toArray()).map((a) => [a.url, a.id]));
    // Under the version each chunk moved the corpus to: `listed` as [chunk's version after `before`, positions in the file].
    expect(rows).toEqual(listed.map(([v, at]) => ({ key: `wordsLater:${String(before + v).padStart(15, '0')}`, ids: at.map((i) => byUrl.get(urls[i]!)!).sort((a, b) => a - b) })));
  });
});
