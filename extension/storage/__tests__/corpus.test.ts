import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { CorpusDb } from '../corpus-db';
import { deleteArticles, getArticle, othersInOrder, saveArticle, searchCorpus, type CorpusSearch, type CorpusSort } from '../corpus';
import { countWords, pageUrl, toNewArticle, type StoredArticle } from '../article-record';
import type { ExtractedArticle } from '../../../lib/extract/types';
import { importArticles } from '../import-export';
import { portable } from '../../../lib/corpus-io/format';
import { mergeStoreOf, runMerges } from '../word-merge';

function extracted(overrides: Partial<ExtractedArticle> = {}): ExtractedArticle {
  const text = 'Le Kremlin a annoncé un accord.\n\nLes deux présidents se sont parlé.';
  return {
    title: 'Poutine et Obama se sont accordés', byline: null, siteName: 'RT France', publishedTime: '2016-07-07T08:00:00Z',
    language: 'fr', url: null, canonicalUrl: null, text, paragraphs: [{ start: 0, end: 31 }, { start: 33, end: text.length }],
    boilerplate: [], removals: [], isArticle: true, articleReasons: [], ...overrides,
  };
}

let db: CorpusDb;
beforeEach(async () => {
  await Dexie.delete('recoupe-test');
  db = new CorpusDb('recoupe-test');
});
afterEach(() => db.close());

describe('the stored record', () => {
  it('keeps metadata and text, drops the URL fragment, falls back to the host name for the site', () => {
    const record = toNewArticle(extracted({ siteName: null }), 'https://www.example.org/a.html#comments', 'page', new Date('2026-01-02T03:04:05Z'));
    expect(record).toMatchObject({
      url: 'https://www.example.org/a.html', site: 'example.org', language: 'fr', origin: 'page',
      savedAt: '2026-01-02T03:04:05.000Z', wordCount: 12, title: 'Poutine et Obama se sont accordés',
    });
  });

  it.each([
    ['plain words', 'Le Kremlin a annoncé', 4],
    ['elisions count as they read', "l'opposition qu’il", 4],
    ['numbers are words', '280.000 morts en 2016', 5],
    ['punctuation only', '« — » …', 0],
  ])('counts words: %s', (_name, text, expected) => {
    expect(countWords(text)).toBe(expected);
  });

  it.each([
    ['https://a.org/x#top', 'https://a.org/x'],
    ['https://a.org/x?id=1', 'https://a.org/x?id=1'],
  ])('page URL of %s is %s', (url, expected) => expect(pageUrl(url)).toBe(expected));
});

describe('saving', () => {
  it('adds a new URL, and updates (same id, first-saved date kept) when the URL comes again', async () => {
    const first = await saveArticle(db, toNewArticle(extracted(), 'https://a.org/x', 'page', new Date('2026-01-01')));
    const again = await saveArticle(db, toNewArticle(extracted({ title: 'Corrected title' }), 'https://a.org/x#c', 'page', new Date('2026-02-01')));
    expect(again).toEqual({ id: first.id, created: false });
    const stored = await getArticle(db, first.id);
    expect(stored).toMatchObject({ title: 'Corrected title', savedAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-02-01T00:00:00.000Z' });
    expect(await db.articles.count()).toBe(1);
  });

  it('recognises the same article under another URL by its canonical URL', async () => {
    const canonical = 'https://a.org/article';
    const first = await saveArticle(db, toNewArticle(extracted({ canonicalUrl: canonical }), 'https://a.org/article?utm_source=x', 'page', new Date()));
    const amp = await saveArticle(db, toNewArticle(extracted({ canonicalUrl: canonical }), 'https://a.org/amp/article', 'page', new Date()));
    expect(amp).toEqual({ id: first.id, created: false });
  });

  it('lets two simultaneous saves of one page make one article', async () => {
    const record = toNewArticle(extracted(), 'https://a.org/x', 'page', new Date());
    await Promise.all([saveArticle(db, record), saveArticle(db, record)]);
    expect(await db.articles.count()).toBe(1);
  });
});

describe('listing, searching and deleting', () => {
  beforeEach(async () => {
    await saveArticle(db, toNewArticle(extracted({ title: 'Kerry à Moscou' }), 'https://a.org/1', 'page', new Date('2026-01-01')));
    await saveArticle(db, toNewArticle(extracted({ title: 'Poutine et Obama', siteName: 'Le Temps' }), 'https://b.org/2', 'page', new Date('2026-01-02')));
  });

  it('lists the most recently saved first, without the texts', async () => {
    const list = (await searchCorpus(db)).articles;
    expect(list.map((a) => a.title)).toEqual(['Poutine et Obama', 'Kerry à Moscou']);
    expect(list[0]).not.toHaveProperty('text');
  });

  it.each([
    ['a title word', 'kerry', ['Kerry à Moscou']],
    ['accents ignored', 'a moscou', ['Kerry à Moscou']],
    ['a site', 'le temps', ['Poutine et Obama']],
    ['every word must match', 'kerry obama', []],
    ['blank query lists all', '  ', ['Poutine et Obama', 'Kerry à Moscou']],
  ])('searches by %s', async (_name, query, titles) => {
    expect((await searchCorpus(db, { query })).articles.map((a) => a.title)).toEqual(titles);
  });

  it.each([
    ['ids ascending, the rows shown among them', [2, 5, 7, 9, 12], [9, 2], [5, 7, 12]],
    ['an id out of order (an article rewritten: its postings in a newer run)', [2, 7, 9, 12, 5], [12], [2, 5, 7, 9]],
    ['ids in no order, the rows shown first and last', [9, 1, 12, 3, 7], [1, 7], [3, 9, 12]],
    ['no row shown', [4, 3], [], [3, 4]],
    ['every id shown', [3, 4], [4, 3], []],
  ])('lists the matches not shown in id order (%s)', (_name, ids, shown, rest) => {
    const matches = Int32Array.from(ids);
    expect(Array.from(othersInOrder(matches, shown))).toEqual(rest);
    // The matches are the search's own: left as they were.
    expect(Array.from(matches)).toEqual(ids);
  });

  it('lists the matches not shown in id order when an earlier article was saved again (its postings after the later ones)', async () => {
    await saveArticle(db, toNewArticle(extracted({ title: 'Lavrov à Genève' }), 'https://c.org/3', 'page', new Date('2026-01-03')));
    await saveArticle(db, toNewArticle(extracted({ title: 'Kerry à Moscou', text: 'Le Kremlin a annoncé un accord. Kerry est reparti.' }), 'https://a.org/1', 'page', new Date('2026-01-04')));
    // Both directions: whichever article comes first, the two others are listed after it in id order.
    for (const direction of ['desc', 'asc'] as const) {
      const full = await searchCorpus(db, { query: 'kremlin', direction });
      expect(full.ids).toHaveLength(3);
      const listing = await searchCorpus(db, { query: 'kremlin', direction, limit: 1 });
      expect(listing.ids[0]).toBe(full.ids[0]);
      expect(listing.ids.slice(1), direction).toEqual(full.ids.slice(1).sort((a, b) => a - b));
    }
  });

  it('deletes by id and says how many were there', async () => {
    const [a] = (await searchCorpus(db)).articles;
    expect(await deleteArticles(db, [a!.id, 999])).toBe(1);
    expect((await searchCorpus(db)).articles.map((x) => x.title)).toEqual(['Kerry à Moscou']);
  });
});

describe('the corpus page search: words in the text, filters, facets and order', () => {
  /** Title, site, language, published, saved, text. */
  const rows: [string, string | null, string | null, string | null, string, string][] = [
    ['Kerry à Moscou', 'RT France', 'fr', '2016-07-14T20:00:00+02:00', '2026-01-03', 'Le secrétaire d’État est arrivé au Kremlin.\n\nIl a parlé de la Syrie.'],
    ['Poutine et Obama', 'Le Temps', 'fr', '2016-07-07T08:00:00Z', '2026-01-01', 'Les deux présidents ont parlé de la trêve à Alep.'],
    ['Aleppo truce', 'Reuters', 'en', '2016-09-10T12:00:00Z', '2026-01-02', 'The truce in Aleppo begins on Monday, the State Department said.'],
    ['Sans date', 'RT France', null, null, '2026-01-04', 'Un texte sans date ni langue, plus long que les autres pour le tri par nombre de mots.'],
  ];
  beforeEach(async () => {
    for (const [i, [title, site, language, published, saved, text]] of rows.entries()) {
      const cut = text.indexOf('\n\n');
      await saveArticle(db, toNewArticle(extracted({
        title, siteName: site, language, publishedTime: published, text,
        paragraphs: cut < 0 ? [{ start: 0, end: text.length }] : [{ start: 0, end: cut }, { start: cut + 2, end: text.length }],
      }), `https://x.org/${i}`, 'page', new Date(saved)));
    }
  });
  const titles = async (search: CorpusSearch) => (await searchCorpus(db, search)).articles.map((a) => a.title);

  it('finds a word of the text only, with a snippet around it, accents and case ignored', async () => {
    const listing = await searchCorpus(db, { query: 'KREMLIN etat' });
    expect(listing.articles.map((a) => a.title)).toEqual(['Kerry à Moscou']);
    expect(listing.articles[0]!.snippet).toEqual({ before: 'Le secrétaire d’État est arrivé au ', match: 'Kremlin', after: '. Il a parlé de la Syrie.' });
    expect(listing.articles[0]).not.toHaveProperty('text');
    expect(listing.total).toBe(4);
  });

  it.each([
    ['sites', { sites: ['RT France'] }, ['Sans date', 'Kerry à Moscou']],
    ['a language', { languages: ['en'] }, ['Aleppo truce']],
    ['an unknown language', { languages: [''] }, ['Sans date']],
    ['a published range (days as the publisher wrote them; undated articles out)', { from: '2016-07-07', to: '2016-07-14' }, ['Kerry à Moscou', 'Poutine et Obama']],
    ['from a day on', { from: '2016-07-08' }, ['Kerry à Moscou', 'Aleppo truce']],
    ['search and filters together', { query: 'parle', languages: ['fr'], to: '2016-07-10' }, ['Poutine et Obama']],
  ] as [string, CorpusSearch, string[]][])('filters by %s', async (_name, search, expected) => {
    expect(await titles(search)).toEqual(expected);
  });

  it.each([
    ['saved', 'desc', ['Sans date', 'Kerry à Moscou', 'Aleppo truce', 'Poutine et Obama']],
    ['saved', 'asc', ['Poutine et Obama', 'Aleppo truce', 'Kerry à Moscou', 'Sans date']],
    ['published', 'desc', ['Aleppo truce', 'Kerry à Moscou', 'Poutine et Obama', 'Sans date']],
    ['published', 'asc', ['Poutine et Obama', 'Kerry à Moscou', 'Aleppo truce', 'Sans date']],
    ['title', 'asc', ['Aleppo truce', 'Kerry à Moscou', 'Poutine et Obama', 'Sans date']],
    ['site', 'desc', ['Sans date', 'Kerry à Moscou', 'Aleppo truce', 'Poutine et Obama']],
    ['words', 'desc', ['Sans date', 'Kerry à Moscou', 'Aleppo truce', 'Poutine et Obama']],
  ] as [CorpusSort, 'asc' | 'desc', string[]][])('sorts by %s, %s (missing values last)', async (sort, direction, expected) => {
    expect(await titles({ sort, direction })).toEqual(expected);
  });

  it('counts each site among the articles the other filters keep, and each language likewise', async () => {
    const listing = await searchCorpus(db, { sites: ['Reuters'], languages: ['fr'] });
    expect(listing.articles).toEqual([]);
    expect(listing.sites).toEqual([{ value: 'Le Temps', count: 1 }, { value: 'RT France', count: 1 }]);
    expect(listing.languages).toEqual([{ value: 'en', count: 1 }]);
    const all = await searchCorpus(db, {});
    expect(all.sites).toEqual([{ value: 'RT France', count: 2 }, { value: 'Le Temps', count: 1 }, { value: 'Reuters', count: 1 }]);
    expect(all.languages).toEqual([{ value: 'fr', count: 2 }, { value: '', count: 1 }, { value: 'en', count: 1 }]);
  });

  it('filters by the way articles came in (saved, followed, imported), counting each way among the articles the other filters keep', async () => {
    await saveArticle(db, toNewArticle(extracted({ title: 'Suivi', siteName: 'RT France', language: 'fr', text: 'Un article du fil suivi.' }), 'https://x.org/followed', 'followed', new Date('2026-01-05')));
    await saveArticle(db, toNewArticle(extracted({ title: 'Importé', siteName: 'Reuters', language: 'en', text: 'An imported article.' }), 'https://x.org/imported', 'import', new Date('2026-01-06')));
    expect(await titles({ origins: ['followed'] })).toEqual(['Suivi']);
    expect(await titles({ origins: ['followed', 'import'] })).toEqual(['Importé', 'Suivi']);
    expect(await titles({ origins: ['page'], sites: ['RT France'] })).toEqual(['Sans date', 'Kerry à Moscou']);
    const listing = await searchCorpus(db, { origins: ['followed'], languages: ['fr'] });
    // Origins among the French articles; sites among the followed French ones; languages among the followed ones.
    expect(listing.origins).toEqual([{ value: 'page', count: 2 }, { value: 'followed', count: 1 }]);
    expect(listing.sites).toEqual([{ value: 'RT France', count: 1 }]);
    expect(listing.languages).toEqual([{ value: 'fr', count: 1 }]);
    expect((await searchCorpus(db, {})).origins).toEqual([{ value: 'page', count: 4 }, { value: 'followed', count: 1 }, { value: 'import', count: 1 }]);
  });

  it.each([
    ['relevance', 'desc', 'parle la'], ['saved', 'asc', ''], ['published', 'desc', ''], ['title', 'asc', ''], ['site', 'desc', ''], ['words', 'asc', ''], ['saved', 'desc', 'x.org'],
  ] as [CorpusSort, 'asc' | 'desc', string][])('sends the first rows sorted by %s, %s as a full sort would, the other ids after them in id order (query "%s")', async (sort, direction, query) => {
    const full = await searchCorpus(db, { sort, direction, query });
    for (const limit of [1, 2]) {
      // One row of four: the first rows chosen without sorting the others.
      const listing = await searchCorpus(db, { sort, direction, query, limit });
      expect(listing.articles).toEqual(full.articles.slice(0, limit));
      expect(listing.ids.slice(0, limit)).toEqual(full.ids.slice(0, limit));
      expect(listing.ids.slice(limit)).toEqual(full.ids.slice(limit).sort((a, b) => a - b));
    }
  });

  it('sends the first rows only, and every matching id in order', async () => {
    const listing = await searchCorpus(db, { sort: 'title', direction: 'asc', limit: 2 });
    expect(listing.articles.map((a) => a.title)).toEqual(['Aleppo truce', 'Kerry à Moscou']);
    expect(listing.ids).toHaveLength(4);
    expect(listing.ids.slice(0, 2)).toEqual(listing.articles.map((a) => a.id));
  });

  it.each([
    ['a phrase: its words side by side, in order', '"parlé de la"', ['Kerry à Moscou', 'Poutine et Obama']],
    ['a phrase in French quotation marks, accents ignored', '« treve a Alep »', ['Poutine et Obama']],
    ['the same words in another order are not the phrase', '"la parlé de"', []],
    ['a phrase and a word', '"parlé de la" kremlin', ['Kerry à Moscou']],
    ['a word written with an apostrophe, as written', "secrétaire d'État", ['Kerry à Moscou']],
    ['not its parts apart', "la'syrie", []],
    // Whole words since the word index keeps pairs of words (a phrase's first word was found at the end of another word, its short last one at the start of another).
    ['a phrase whose first word ends a word of the text: not that word', '"le de la"', []],
    ['a phrase of whole words only', '"a parlé de la"', ['Kerry à Moscou']],
    ['a phrase whose short last word begins a word of the text: not that word', '"de l"', []],
    ['a phrase whose last word of four letters or more begins a word of the text', '"la trev"', ['Poutine et Obama']],
    ['a phrase across paragraphs and punctuation', '"kremlin il"', ['Kerry à Moscou']],
    ['a phrase across the title and the text: not found', '"moscou le"', []],
    ['a word finds the words it begins', 'alep', ['Aleppo truce', 'Poutine et Obama']],
    ['a short word finds itself only', 'la', ['Kerry à Moscou', 'Poutine et Obama']],
    ['a word of the address', 'x.org', ['Sans date', 'Kerry à Moscou', 'Aleppo truce', 'Poutine et Obama']],
  ])('finds %s', async (_name, query, expected) => {
    expect((await titles({ query, sort: 'saved' })).sort()).toEqual([...expected].sort());
  });

  it('orders by relevance when searching: a word in the title before one in the text only, and a short text before a long one', async () => {
    expect(await titles({ query: 'alep' })).toEqual(['Aleppo truce', 'Poutine et Obama']);
    // Same count, the shorter text first (BM25's length normalisation), whatever the date saved.
    expect(await titles({ query: 'parle' })).toEqual(['Poutine et Obama', 'Kerry à Moscou']);
    expect(await titles({ query: 'parle', sort: 'saved' })).toEqual(['Kerry à Moscou', 'Poutine et Obama']);
  });

  it('reads the texts of the rows sent only', async () => {
    for (let i = 0; i < 30; i++) await saveArticle(db, toNewArticle(extracted({ title: `Article ${i}` }), `https://y.org/${i}`, 'page', new Date('2025-01-01')));
    const read: number[] = [];
    const bulkGet = db.articles.bulkGet.bind(db.articles);
    const spy = vi.spyOn(db.articles, 'bulkGet').mockImplementation((keys) => { read.push(...(keys as number[])); return bulkGet(keys); });
    const listing = await searchCorpus(db, { query: 'kremlin', limit: 5 });
    spy.mockRestore();
    expect(listing.ids).toHaveLength(31);
    expect(read.sort()).toEqual(listing.articles.map((a) => a.id).sort());
    expect(listing.articles.every((a) => a.snippet?.match === 'Kremlin')).toBe(true);
  });

  it('keeps the word index current: an updated text is found by its new words only, a deleted article not at all, an import at once', async () => {
    const kerry = (await searchCorpus(db, { query: 'Syrie' })).ids[0]!;
    await saveArticle(db, toNewArticle(extracted({ title: 'Kerry à Moscou', text: 'Le secrétaire d’État a rencontré Lavrov.\n\nIls ont parlé de l’Ukraine.', paragraphs: [{ start: 0, end: 40 }, { start: 42, end: 69 }] }), 'https://x.org/0', 'page', new Date('2026-01-05')));
    expect((await searchCorpus(db, { query: 'Syrie' })).ids).toEqual([]);
    expect((await searchCorpus(db, { query: 'Lavrov ukraine' })).ids).toEqual([kerry]);
    await deleteArticles(db, [kerry]);
    expect((await searchCorpus(db, { query: 'Lavrov' })).ids).toEqual([]);
    await importArticles(db, [{ item: 'article 1', article: { ...portable(toNewArticle(extracted({ title: 'Lavrov à Genève', text: 'Lavrov est arrivé.' }), 'https://z.org/1', 'import', new Date('2026-01-06'))) } }]);
    expect(await titles({ query: 'Lavrov' })).toEqual(['Lavrov à Genève']);
    // Deleting every article leaves no word found (their postings stay in the index's older runs until merged, removed by the newest).
    await deleteArticles(db, (await searchCorpus(db, {})).ids);
    for (const query of ['Lavrov', 'Kremlin', 'Poutine', 'x.org', 'RT France']) expect((await searchCorpus(db, { query })).ids, query).toEqual([]);
    expect([await db.summaries.count(), await db.features.count()]).toEqual([0, 0]);
  });

  it('finds an article saved again after every article was deleted, search after search (the parts searches keep are those of the index as it is)', async () => {
    for (let round = 0; round < 3; round++) {
      await deleteArticles(db, (await searchCorpus(db, {})).ids);
      await saveArticle(db, toNewArticle(extracted({ title: 'Lavrov à Genève', text: 'Lavrov est arrivé à Genève.' }), 'https://z.org/1', 'page', new Date('2026-01-06')));
      const id = (await db.articles.where('url').equals('https://z.org/1').first())!.id;
      expect((await searchCorpus(db, { query: 'Lavrov' })).ids, `round ${round}`).toEqual([id]);
    }
  });

  it('reads a corpus larger than one batch whole', async () => {
    for (let i = 0; i < 450; i++) await db.articles.add({ ...toNewArticle(extracted({ title: `Article ${i}` }), `https://y.org/${i}`, 'page', new Date('2025-01-01')) } as StoredArticle);
    const listing = await searchCorpus(db, { query: 'kremlin', limit: 10 });
    expect(listing.total).toBe(454);
    expect(listing.ids).toHaveLength(451);
    expect(listing.articles).toHaveLength(10);
  });
});

describe('search after the corpus changed (what searches keep between them follows each save and delete)', () => {
  // Whether the next search reads the word index's runs again (rather than those the last one read), and finds the same as a search of a new instance.
  it.each<[string, (other: CorpusDb) => Promise<unknown>, boolean]>([
    ['nothing changed', async () => undefined, false],
    ['a save', () => saveArticle(db, toNewArticle(extracted({ title: 'Lavrov à Genève' }), 'https://z.org/9', 'page', new Date('2026-01-09'))), true],
    ['the runs merged', () => runMerges(mergeStoreOf(db)), true],
    ['the runs merged by another instance (another worker)', (other) => runMerges(mergeStoreOf(other)), true],
    ['a save by another instance', (other) => saveArticle(other, toNewArticle(extracted({ title: 'Lavrov à Paris' }), 'https://z.org/8', 'page', new Date('2026-01-08'))), true],
  ])('keeps the runs of the word index it read while they are those stored: %s', async (_name, change, readAgain) => {
    for (let i = 0; i < 4; i++) await saveArticle(db, toNewArticle(extracted({ title: `Lavrov ${i}` }), `https://y.org/${i}`, 'page', new Date('2026-01-01')));
    const other = new CorpusDb('recoupe-test');
    try {
      await searchCorpus(db, { query: 'Lavrov' });
      await change(other);
      const spy = vi.spyOn(db.wordRuns, 'toArray');
      const listing = await searchCorpus(db, { query: 'Lavrov' });
      expect(spy.mock.calls.length > 0).toBe(readAgain);
      spy.mockRestore();
      const fresh = new CorpusDb('recoupe-test');
      expect(listing).toEqual(await searchCorpus(fresh, { query: 'Lavrov' }));
      fresh.close();
    } finally {
      other.close();
    }
  });

  it('counts each site as the articles now are: after a save, the same page saved again under another site, and a delete', async () => {
    const search = async () => (await searchCorpus(db, { query: 'Kremlin' })).sites;
    const first = await saveArticle(db, toNewArticle(extracted({ siteName: 'Site A' }), 'https://a.org/1', 'page', new Date('2026-01-01')));
    await saveArticle(db, toNewArticle(extracted({ siteName: 'Site B' }), 'https://b.org/2', 'page', new Date('2026-01-02')));
    expect(await search()).toEqual([{ value: 'Site A', count: 1 }, { value: 'Site B', count: 1 }]);
    await saveArticle(db, toNewArticle(extracted({ siteName: 'Site C' }), 'https://a.org/1', 'page', new Date('2026-01-03')));
    expect(await search()).toEqual([{ value: 'Site B', count: 1 }, { value: 'Site C', count: 1 }]);
    await deleteArticles(db, [first.id]);
    expect(await search()).toEqual([{ value: 'Site B', count: 1 }]);
  });
});
