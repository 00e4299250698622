/**
 * The export–import round trip of the corpus page against the real background in WXT's fake
 * browser: a generated corpus using every field, exported part by part, deleted and imported
 * back. Shared by import-files.test.ts and the 10,000-article case (import-files.slow.test.ts).
 */
import { afterEach, beforeEach, expect, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { send, startBackground } from '../../tests/support/fake-background';
import { CorpusDb } from '../../extension/storage/corpus-db';
import { importArticles } from '../../extension/storage/import-export';
import type { StoredArticle } from '../../extension/storage/article-record';
import { importFiles } from '../corpus/import-files';
import { paragraphsOf, type PortableArticle } from '../../lib/corpus-io';

/** Bytes of a message as the browser sends it (JSON, UTF-8). */
export const bytes = (message: unknown) => new TextEncoder().encode(JSON.stringify(message)).byteLength;

/** The text of article `i`: short, with what escaping grows (quotation marks, backslashes, control characters) and accents. */
export function textOf(i: number): string {
  return `Le « ministre » n°${i} a dit : "C:\\dossier\\${i}" et \u0001\u001f.\n\nÉlysée, ${i % 7} réponses ; « fin ».`;
}

/** Article `i` of the generated corpus: every field used, some left empty. */
export function articleOf(i: number): PortableArticle {
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
export const fields = (a: StoredArticle) => ({
  url: a.url, canonicalUrl: a.canonicalUrl, declaredCopyOf: a.declaredCopyOf ?? undefined, title: a.title, byline: a.byline, site: a.site,
  language: a.language, publishedTime: a.publishedTime, savedAt: a.savedAt, updatedAt: a.updatedAt, origin: a.origin, text: a.text,
  paragraphs: a.paragraphs, wordCount: a.wordCount,
});

/** The whole export, asked part by part as the corpus page does. */
export async function exportAll(format: 'json' | 'jsonl'): Promise<File> {
  const chunks: string[] = [];
  for (let from: number | null = 0; from !== null;) {
    const reply = await send({ type: 'corpus/export', format, from });
    if (!reply?.ok) throw new Error(reply?.error);
    chunks.push(...reply.value.chunks);
    from = reply.value.next;
  }
  return new File(chunks, `corpus.${format}`);
}

/** Messages the corpus page sent in the current test. */
export let sent: { type: string; articles?: unknown[] }[];

/** For each test, a fresh background; messages the corpus page sends go to it as an extension page's do. */
export function useBackground(): void {
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
}

/**
 * `count` articles stored, exported, all deleted and imported back in messages of at most
 * `budget` bytes: every article comes back field by field, in more than one part.
 */
export async function roundTrip(format: 'json' | 'jsonl', count: number, budget: number): Promise<void> {
  const originals = Array.from({ length: count }, (_, i) => articleOf(i));
  const db = new CorpusDb();
  await importArticles(db, originals.map((article, i) => ({ item: `article ${i + 1}`, article })));
  const before = new Map((await db.articles.toArray()).map((a) => [a.url, fields(a)]));
  expect(before.size).toBe(count);

  const file = await exportAll(format);
  const ids = (await db.articles.toCollection().primaryKeys()) as number[];
  expect(await send({ type: 'corpus/delete', ids })).toEqual({ ok: true, value: count });
  expect(await db.articles.count()).toBe(0);

  // A few parts (each looked up against what the earlier ones stored).
  const summary = await importFiles([file], { messageBytes: budget });
  expect(summary).toEqual({ lines: [{ text: `corpus.${format}: ${count.toLocaleString('en')} articles added, 0 updated, 0 skipped.` }], skipped: [] });
  const parts = sent.filter((m) => m.type === 'corpus/import-part');
  expect(parts.length).toBeGreaterThan(1);
  for (const m of parts) expect(bytes(m)).toBeLessThan(budget);

  const after = await db.articles.toArray();
  expect(after).toHaveLength(count);
  for (const a of after) expect(fields(a), a.url).toEqual(before.get(a.url));
  db.close();
}
