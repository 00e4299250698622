/**
 * Any export imports back (issue 20, item 3): the corpus page reads a file in parts and sends it
 * to the background in messages measured as the JSON the browser sends, under the limit whatever
 * the escaping. The round trip runs the real corpus page code (`importFiles`) against the real
 * background in WXT's fake browser: 10,000 articles exported, all deleted, imported, every article
 * back field by field.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { send, startBackground } from '../../tests/support/fake-background';
import { CorpusDb } from '../../extension/storage/corpus-db';
import { importArticles } from '../../extension/storage/import-export';
import type { StoredArticle } from '../../extension/storage/article-record';
import { MAX_IMPORT_MESSAGE_BYTES } from '../../extension/protocol';
import { importFiles } from '../corpus/import-files';
import { messageParts, readLines } from '../corpus/import-parts';
import { paragraphsOf, type ImportCandidate, type PortableArticle } from '../../lib/corpus-io';

/** Bytes of a message as the browser sends it (JSON, UTF-8). */
const bytes = (message: unknown) => new TextEncoder().encode(JSON.stringify(message)).byteLength;

/** The text of article `i`: short, with what escaping grows (quotation marks, backslashes, control characters) and accents. */
function textOf(i: number): string {
  return `Le « ministre » n°${i} a dit : "C:\\dossier\\${i}" et \u0001\u001f.\n\nÉlysée, ${i % 7} réponses ; « fin ».`;
}

/** Article `i` of the generated corpus: every field used, some left empty. */
function articleOf(i: number): PortableArticle {
  const text = textOf(i);
  return {
    url: `https://site${i % 50}.example.org/2026/article-${i}.html`,
    canonicalUrl: i % 3 === 0 ? `https://www.site${i % 50}.example.org/article-${i}` : null,
    ...(i % 5 === 0 ? { declaredCopyOf: `https://agency.example.com/wire/${i}` } : {}),
    title: i % 11 === 0 ? null : `Titre "${i}" \\ ${'é'.repeat(i % 4)}`,
    byline: i % 2 === 0 ? `Auteur ${i}` : null,
    site: `Site ${i % 50}`,
    language: i % 4 === 0 ? 'en' : 'fr',
    publishedTime: i % 9 === 0 ? null : `2026-0${1 + (i % 9)}-1${i % 10}T08:00:00Z`,
    savedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    updatedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000 + 1000).toISOString(),
    origin: i % 13 === 0 ? 'sample' : 'page',
    text,
    paragraphs: paragraphsOf(text),
  };
}

/** The fields an export carries, from a stored record. */
const fields = (a: StoredArticle) => ({
  url: a.url, canonicalUrl: a.canonicalUrl, declaredCopyOf: a.declaredCopyOf ?? undefined, title: a.title, byline: a.byline, site: a.site,
  language: a.language, publishedTime: a.publishedTime, savedAt: a.savedAt, updatedAt: a.updatedAt, origin: a.origin, text: a.text,
  paragraphs: a.paragraphs, wordCount: a.wordCount,
});

/** The whole export, asked part by part as the corpus page does. */
async function exportAll(format: 'json' | 'jsonl'): Promise<File> {
  const chunks: string[] = [];
  for (let from: number | null = 0; from !== null;) {
    const reply = await send({ type: 'corpus/export', format, from });
    if (!reply?.ok) throw new Error(reply?.error);
    chunks.push(...reply.value.chunks);
    from = reply.value.next;
  }
  return new File(chunks, `corpus.${format}`);
}

/** Messages the corpus page sends go to the background as an extension page's do. */
let sent: { type: string; articles?: unknown[] }[];
beforeEach(async () => {
  await startBackground();
  sent = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: { type: string }) => {
    sent.push(message);
    return send(message);
  }) as never);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('reading a file in parts', () => {
  it('gives the lines of the file, whatever the chunk boundaries', async () => {
    const text = `a\n${'é'.repeat(200_000)}\n\nb\r\n${'x'.repeat(300_000)}`;
    expect(await readLines(new Blob([text]))).toEqual(text.split('\n'));
  });
});

describe('messages of an import', () => {
  it('stay under the budget measured as JSON, however much escaping grows the text', () => {
    // Control characters take 6 bytes each once escaped: the character count would be 6 times too low.
    const candidates: ImportCandidate[] = Array.from({ length: 40 }, (_, i) => {
      const text = `${'\u0001"\\'.repeat(100_000)} mot ${i}`;
      return { item: `article ${i + 1}`, article: { ...articleOf(i), text, paragraphs: paragraphsOf(text) } };
    });
    const budget = 2 * 1024 * 1024;
    const parts = [...messageParts(candidates, budget)];
    expect(parts.flat()).toEqual(candidates);
    expect(parts.length).toBeGreaterThan(5);
    for (const part of parts) expect(bytes({ type: 'corpus/import-part', fileName: 'x.json', articles: part })).toBeLessThan(budget);
  });

  it('send an article larger than the budget alone', () => {
    const big = { item: 'article 1', article: { ...articleOf(1), text: 'x'.repeat(3_000_000) } };
    const small = { item: 'article 2', article: articleOf(2) };
    expect([...messageParts([small, big, small], 1024 * 1024)].map((p) => p.length)).toEqual([1, 1, 1]);
  });
});

describe('an export imported back', () => {
  it.each(['json', 'jsonl'] as const)('restores 10,000 articles field by field (%s), in messages under the budget', async (format) => {
    const originals = Array.from({ length: 10_000 }, (_, i) => articleOf(i));
    const db = new CorpusDb();
    await importArticles(db, originals.map((article, i) => ({ item: `article ${i + 1}`, article })));
    const before = new Map((await db.articles.toArray()).map((a) => [a.url, fields(a)]));
    expect(before.size).toBe(10_000);

    const file = await exportAll(format);
    const ids = (await db.articles.toCollection().primaryKeys()) as number[];
    expect(await send({ type: 'corpus/delete', ids })).toEqual({ ok: true, value: 10_000 });
    expect(await db.articles.count()).toBe(0);

    // A few parts (each looked up against what the earlier ones stored).
    const budget = 2 * 1024 * 1024;
    const summary = await importFiles([file], { messageBytes: budget });
    expect(summary).toEqual({ lines: [{ text: `corpus.${format}: 10,000 articles added, 0 updated, 0 skipped.` }], skipped: [] });
    const parts = sent.filter((m) => m.type === 'corpus/import-part');
    expect(parts.length).toBeGreaterThan(1);
    for (const m of parts) expect(bytes(m)).toBeLessThan(budget);

    const after = await db.articles.toArray();
    expect(after).toHaveLength(10_000);
    for (const a of after) expect(fields(a), a.url).toEqual(before.get(a.url));
    db.close();
  }, 120_000);

  it('stops between two parts when asked, and says what was stored', async () => {
    const db = new CorpusDb();
    await importArticles(db, Array.from({ length: 300 }, (_, i) => ({ item: `article ${i + 1}`, article: articleOf(i) })));
    const file = await exportAll('jsonl');
    await send({ type: 'corpus/delete', ids: (await db.articles.toCollection().primaryKeys()) as number[] });
    const stop = new AbortController();
    const progress: string[] = [];
    const summary = await importFiles([file], {
      messageBytes: 16 * 1024,
      signal: stop.signal,
      onProgress: (text) => {
        progress.push(text);
        if (progress.length === 4) stop.abort();
      },
    });
    const stored = await db.articles.count();
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(300);
    expect(summary.lines).toEqual([{ text: `“corpus.jsonl”: import stopped by you after ${stored} of 300 articles. The articles imported before the stop are in your corpus: it was changed.`, error: true }]);
    expect(progress[0]).toBe('Reading “corpus.jsonl”…');
    expect(progress[1]).toBe('Importing “corpus.jsonl”… 0 of 300 articles');
    db.close();
  });

  it('refuses a cut export before storing anything', async () => {
    const db = new CorpusDb();
    await importArticles(db, Array.from({ length: 50 }, (_, i) => ({ item: `article ${i + 1}`, article: articleOf(i) })));
    const whole = await (await exportAll('json')).text();
    await send({ type: 'corpus/delete', ids: (await db.articles.toCollection().primaryKeys()) as number[] });
    const summary = await importFiles([new File([whole.slice(0, Math.floor(whole.length * 0.7))], 'cut.json')], { messageBytes: 4096 });
    expect(summary.lines).toEqual([{ text: expect.stringMatching(/^Nothing was imported from “cut\.json”: the file is not complete JSON.*Your corpus is unchanged\.$/), error: true }]);
    expect(sent.filter((m) => m.type === 'corpus/import-part')).toEqual([]);
    expect(await db.articles.count()).toBe(0);
    db.close();
  });
});
