/**
 * Export and import against the corpus database (fake-indexeddb): a round trip, updates by URL,
 * analysis stored with every imported article, and a write failing in the middle of a chunk (a file
 * of fewer articles than a chunk here) that leaves nothing of it stored and the earlier corpus as it
 * was (import-chunks.test.ts: failures between chunks).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { failingDb } from '../../../tests/support/failing-db';
import { batchOf, CorpusDb, featuresLater } from '../corpus-db';
import { getArticle, saveArticle, searchCorpus } from '../corpus';
import { toNewArticle, type StoredArticle } from '../article-record';
import { withFeatures } from '../analysis';
import { ANALYSIS_SLICE_MS, analyseForImport, articlesToExport, exportPart, importArticles, type ExportPartRequest } from '../import-export';
import { parseCorpusFile, serializeCorpus, serializeCorpusLines, type ImportCandidate } from '../../../lib/corpus-io';
import type { ExtractedArticle } from '../../../lib/extract/types';

const NAME = 'recoupe-import-test';

function extracted(title: string, text = `${title}. Le Kremlin a annoncé un accord.\n\nLes deux présidents se sont parlé.`): ExtractedArticle {
  const cut = text.indexOf('\n\n');
  return {
    title, byline: null, siteName: 'RT France', publishedTime: '2016-07-07T08:00:00Z', language: 'fr', url: null, canonicalUrl: null,
    text, paragraphs: [{ start: 0, end: cut }, { start: cut + 2, end: text.length }], boilerplate: [], removals: [], isArticle: true, articleReasons: [],
  };
}

async function store(db: CorpusDb, title: string, url: string, when = '2026-01-01'): Promise<number> {
  return (await saveArticle(db, withFeatures(toNewArticle(extracted(title), url, 'page', new Date(when))))).id;
}

function candidates(text: string, name = 'c.json'): ImportCandidate[] {
  const parsed = parseCorpusFile(text, name);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.articles;
}

let db: CorpusDb;
beforeEach(async () => {
  await Dexie.delete(NAME);
  db = new CorpusDb(NAME);
});
afterEach(() => db.close());

describe('export', () => {
  it('exports all articles, or the selected ones, without ids or analysis', async () => {
    const a = await store(db, 'Premier', 'https://a.org/1', '2026-01-01');
    const b = await store(db, 'Second', 'https://a.org/2', '2026-01-02');
    expect((await articlesToExport(db)).map((x) => x.title)).toEqual(['Premier', 'Second']);
    expect((await articlesToExport(db, [b, 999])).map((x) => x.id)).toEqual([b]);
    const file = JSON.parse(serializeCorpus(await articlesToExport(db, [a])));
    expect(file.articles[0]).not.toHaveProperty('id');
    expect(file.articles[0]).not.toHaveProperty('analysis');
    expect(file.articles[0]).toMatchObject({ url: 'https://a.org/1', title: 'Premier', origin: 'page' });
  });
});

describe('import', () => {
  it('restores an exported corpus into an empty one, with dates and word counts, its features left to prepare', async () => {
    await store(db, 'Premier', 'https://a.org/1', '2026-01-01');
    await store(db, 'Second', 'https://a.org/2', '2026-01-02');
    const before = await articlesToExport(db);
    const text = [...serializeCorpusLines(before)].join('\n');
    db.close();
    await Dexie.delete(NAME);
    db = new CorpusDb(NAME);

    const result = await importArticles(db, candidates(text, 'c.jsonl'), new Date('2026-05-05'));
    expect(result).toMatchObject({ added: 2, updated: 0, updatedIds: [] });
    const after = await articlesToExport(db);
    // Every field as exported, nothing else stored (no features in the record: schema 14).
    const strip = ({ id: _id, ...rest }: StoredArticle) => rest;
    expect(after.map(strip)).toEqual(before.map(strip));
    // The preparation queue computes the features (entrypoints/background/preparation.ts).
    expect((await db.pending.toArray()).map((p) => p.id).sort()).toEqual(after.map((a) => a.id).sort());
    expect(await db.features.count()).toBe(0);
  });

  it('updates the stored article of the same URL (same id, first-saved date kept) and adds the others', async () => {
    const id = await store(db, 'Ancien titre', 'https://a.org/1', '2025-01-01');
    const file = serializeCorpus([
      { ...(await getArticle(db, id))!, title: 'Titre corrigé', savedAt: '2026-02-02T00:00:00.000Z' },
      { ...(await getArticle(db, id))!, url: 'https://a.org/new', title: 'Nouveau' },
    ]);
    const result = await importArticles(db, candidates(file));
    expect(result).toMatchObject({ added: 1, updated: 1 });
    expect(await getArticle(db, id)).toMatchObject({ title: 'Titre corrigé', savedAt: '2025-01-01T00:00:00.000Z' });
    expect((await searchCorpus(db)).articles.map((a) => a.title).sort()).toEqual(['Nouveau', 'Titre corrigé']);
  });

  it('a write that fails midway stores nothing of the chunk and keeps the corpus as it was', async () => {
    db.close();
    const failing = failingDb(NAME);
    db = failing.db;
    await store(db, 'Déjà là', 'https://a.org/kept');
    const before = await articlesToExport(db);
    // Four new articles (written together) and an update of the stored one (written after them).
    const file = serializeCorpus([
      ...['un', 'deux', 'trois', 'quatre'].map((t, i) => toNewArticle(extracted(t), `https://b.org/${i}`, 'page', new Date('2026-01-01'))),
      toNewArticle(extracted('Déjà là, corrigé'), 'https://a.org/kept', 'page', new Date('2026-01-02')),
    ]);
    failing.arm(2); // The update's write fails, after the new articles were written.
    await expect(importArticles(db, candidates(file))).rejects.toMatchObject({ name: expect.stringMatching(/QuotaExceededError|AbortError/) });
    expect(await articlesToExport(db)).toEqual(before);

    // The next file goes in whole.
    failing.arm(Infinity);
    expect(await importArticles(db, candidates(file))).toMatchObject({ added: 4, updated: 1 });
    expect(await db.articles.count()).toBe(5);
  });
});

describe('an import analysed in slices', () => {
  it('lets timers and messages in between slices, and tells how many are analysed', async () => {
    const texts = Array.from({ length: 40 }, (_, i) => `Titre ${i}. ${'Le Kremlin a annoncé un accord avec Washington sur la Syrie. '.repeat(60)}\n\nFin ${i}.`);
    const file = serializeCorpus(texts.map((text, i) => ({ ...toNewArticle(extracted(`Titre ${i}`, text), `https://s.org/${i}`, 'import', new Date('2026-01-01')) })));
    const progress: number[] = [];
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    // Each article seen as taking a tenth of a slice, whatever the machine: a slice holds ten. Each
    // reading of the clock also takes 0.2 ms of real time, so that a slice is long enough for the
    // 1 ms timer to be due after it however fast the words are read.
    let clock = 0;
    const spin = (ns: bigint) => {
      const end = process.hrtime.bigint() + ns;
      while (process.hrtime.bigint() < end);
    };
    const now = vi.spyOn(performance, 'now').mockImplementation(() => (spin(200_000n), clock += ANALYSIS_SLICE_MS / 10));
    const records = await analyseForImport(candidates(file), new Date(), (n) => progress.push(n));
    now.mockRestore();
    clearInterval(timer);
    expect(records).toHaveLength(40);
    expect(progress.at(-1)).toBe(40);
    // More than one slice, each given way to the timer.
    expect(progress.length).toBeGreaterThan(1);
    expect(ticks).toBeGreaterThanOrEqual(progress.length - 1);
    // Words computed (into the chunk's run, one for all); features left to the preparation queue.
    expect(records.every((r, i) => batchOf.get(r)?.index === i && batchOf.get(r)?.batch === batchOf.get(records[0]!)?.batch && featuresLater.has(r))).toBe(true);
  });
});

describe('a paged export', () => {
  let db: CorpusDb;
  beforeEach(async () => {
    await Dexie.delete(NAME);
    db = new CorpusDb(NAME);
  });
  afterEach(() => db.close());

  /** Asks for parts until the last, as the corpus page does; returns the parts' texts. */
  async function allParts(request: Omit<ExportPartRequest, 'from'>): Promise<string[]> {
    const parts: string[] = [];
    let from: number | null = 0;
    while (from !== null) {
      const part = await exportPart(db, { ...request, from });
      parts.push(part.chunks.join(''));
      from = part.next;
      if (parts.length > 100) throw new Error('the export does not end');
    }
    return parts;
  }

  const now = new Date('2026-03-04T05:06:07Z');
  const titles = ['Un', 'Deux', 'Trois', 'Quatre', 'Cinq', 'Six', 'Sept'];
  beforeEach(async () => {
    for (const [i, t] of titles.entries()) await store(db, t, `https://a.org/${i}`, `2026-01-0${i + 1}`);
  });

  it.each([
    ['json', 1, 1],
    ['json', 400, 3],
    ['json', 10_000_000, 1],
    ['jsonl', 1, 1],
    ['jsonl', 400, 3],
    ['jsonl', 10_000_000, 1],
  ] as const)('%s in parts of %i characters joins into exactly the one-piece export', async (format, partChars, minParts) => {
    const articles = await articlesToExport(db);
    const whole = format === 'json' ? serializeCorpus(articles, { now }) : [...serializeCorpusLines(articles, { now })].map((l) => `${l}\n`).join('');
    const parts = await allParts({ format, now, partChars });
    expect(parts.length).toBeGreaterThanOrEqual(minParts);
    // A part never holds fewer than one article, so the smallest parts hold one each.
    if (partChars === 1) expect(parts).toHaveLength(titles.length);
    expect(parts.join('')).toBe(whole);
    expect(candidates(parts.join(''), `c.${format}`).map((c) => c.article.title)).toEqual(titles);
  });

  it('exports only the chosen ids, in the order they were saved, over several parts', async () => {
    const ids = (await articlesToExport(db)).map((a) => a.id);
    const chosen = [ids[5]!, ids[1]!, ids[3]!, 9_999];
    const parts = await allParts({ format: 'json', ids: chosen, now, partChars: 1 });
    expect(parts).toHaveLength(3);
    const file = JSON.parse(parts.join(''));
    expect(file.count).toBe(3);
    expect(file.articles.map((a: { title: string }) => a.title)).toEqual(['Deux', 'Quatre', 'Six']);
  });

  it('an empty selection is a valid empty file', async () => {
    const parts = await allParts({ format: 'json', ids: [], now });
    expect(JSON.parse(parts.join(''))).toMatchObject({ count: 0, articles: [] });
    expect(parts.join('')).toBe(serializeCorpus([], { now }));
  });
});
