/**
 * Any export imports back (issue 20, item 3): the corpus page reads a file in parts and sends it
 * to the background in messages measured as the JSON the browser sends, under the limit whatever
 * the escaping. The round trip runs the real corpus page code (`importFiles`) against the real
 * background in WXT's fake browser: 1,000 articles exported, all deleted, imported, every article
 * back field by field (10,000 in import-files.slow.test.ts, run by CI).
 */
import { describe, expect, it, vi } from 'vitest';
import { send } from '../../tests/support/fake-background';
import { CorpusDb } from '../../extension/storage/corpus-db';
import { importArticles } from '../../extension/storage/import-export';
import { addKeptApart, keptApartPairs } from '../../extension/storage/kept-apart';
import { importFiles } from '../corpus/import-files';
import { ExportFileReader, messageParts, readLines } from '../corpus/import-parts';
import { paragraphsOf, parseCorpusLines, serializeCorpus, serializeCorpusLines, type ImportCandidate } from '../../lib/corpus-io';
import { articleOf, bytes, exportAll, roundTrip, sent, useBackground } from './import-round-trip';

useBackground();

describe('reading a file in parts', () => {
  it('gives the lines of the file, whatever the chunk boundaries', async () => {
    const text = `a\n${'é'.repeat(200_000)}\n\nb\r\n${'x'.repeat(300_000)}`;
    expect(await readLines(new Blob([text]))).toEqual(text.split('\n'));
  });

  /** An export of `count` generated articles (every field used), with one article the checks refuse. */
  const exportOf = (format: 'json' | 'jsonl', count: number) => {
    const articles = Array.from({ length: count }, (_, i) => (i === 7 ? { ...articleOf(i), url: 'javascript:alert(1)' } : articleOf(i)));
    return format === 'json' ? serializeCorpus(articles, { keptApart: [[articleOf(0).url, articleOf(1).url]] }) : [...serializeCorpusLines(articles)].join('\n');
  };

  /** What the page's reader gives for a file read in slices of `sliceBytes`, and the most it held at once. */
  async function readInSlices(text: string, name: string, sliceBytes: number) {
    let mostLines = 0;
    let mostBatch = 0;
    const reader = new ExportFileReader(new Blob([text]), name, sliceBytes, (batch) => {
      mostLines = Math.max(mostLines, reader.heldLines);
      mostBatch = Math.max(mostBatch, batch);
    });
    const articles: ImportCandidate[] = [];
    for await (const batch of reader.articles()) articles.push(...batch);
    return { articles, skipped: reader.skipped, result: reader.result, mostLines, mostBatch };
  }

  it.each(['json', 'jsonl'] as const)('checks a %s export as the whole-file reader does', async (format) => {
    const text = exportOf(format, 120);
    const whole = parseCorpusLines(text.split('\n'), `c.${format}`);
    const read = await readInSlices(text, `c.${format}`, 1000);
    expect(whole).toMatchObject({ ok: true, skipped: [{ reason: 'url has the scheme javascript: (only http, https, sample and file are accepted)' }] });
    expect(whole.ok && { articles: read.articles, skipped: read.skipped, keptApart: read.result?.ok && read.result.keptApart }).toEqual({ articles: whole.ok && whole.articles, skipped: whole.ok && whole.skipped, keptApart: whole.ok && whole.keptApart });
  });

  it.each(['json', 'jsonl'] as const)('stops reading a %s file whose header is not ours, with the whole-file reader’s error', async (format) => {
    const text = exportOf(format, 200).replace('"version":1', '"version":9');
    const reader = new ExportFileReader(new Blob([text]), `c.${format}`, 4096);
    for await (const batch of reader.articles()) expect(batch).toEqual([]);
    expect(reader.result).toEqual(parseCorpusLines(text.split('\n'), `c.${format}`));
    expect(reader.result).toEqual({ ok: false, error: expect.stringMatching(/newer Recoupe \(format version 9\)/) });
    expect(reader.bytesRead).toBe(4096);
  });

  it.each(['json', 'jsonl'] as const)('holds a few lines and the articles of one slice, whatever the size of the %s file', async (format) => {
    const small = await readInSlices(exportOf(format, 200), `c.${format}`, 8192);
    const large = await readInSlices(exportOf(format, 2_000), `c.${format}`, 8192);
    expect(large.articles).toHaveLength(1_999);
    // Lines: the last one or two non-blank lines (the end line or the closing of the list comes last) and a piece of the next.
    expect(large.mostLines).toBeLessThanOrEqual(3);
    expect([large.mostLines, large.mostBatch]).toEqual([small.mostLines, small.mostBatch]);
    // Each generated article line takes more than 400 bytes: one slice ends at most 8192 / 400 of them, and one more.
    expect(large.mostBatch).toBeLessThanOrEqual(Math.ceil(8192 / 400) + 1);
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
  it.each(['json', 'jsonl'] as const)('restores 1,000 articles field by field (%s), in messages under the budget', async (format) => {
    await roundTrip(format, 1_000, 256 * 1024);
  });

  it('stops between two parts when asked, and says what was stored', async () => {
    const db = new CorpusDb();
    await importArticles(db, Array.from({ length: 300 }, (_, i) => ({ item: `article ${i + 1}`, article: articleOf(i) })));
    const file = await exportAll('jsonl');
    await send({ type: 'corpus/delete', ids: (await db.articles.toCollection().primaryKeys()) as number[] });
    const stop = new AbortController();
    const progress: string[] = [];
    const summary = await importFiles([file], {
      messageBytes: 16 * 1024,
      sliceBytes: 16 * 1024,
      signal: stop.signal,
      onProgress: (text) => {
        progress.push(text);
        if (progress.length === 4) stop.abort();
      },
    });
    const stored = await db.articles.count();
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(300);
    expect(summary.lines).toEqual([{ text: `“corpus.jsonl”: import stopped by you after ${stored} articles. The articles imported before the stop are in your corpus: it was changed.`, error: true }]);
    expect(progress[0]).toBe('Reading “corpus.jsonl”…');
    const megabytes = (file.size / 1_000_000).toFixed(1);
    expect(progress[1]).toBe(`Importing “corpus.jsonl”… 0 of ${megabytes} MB read, 0 articles stored`);
    expect(progress.at(-1)).toMatch(new RegExp(`^Importing “corpus\\.jsonl”… [0-9.]+ of ${megabytes} MB read, \\d+ articles stored$`));
    db.close();
  });

  it('sends a part before the previous one is stored; one failing stops the import there, and the summary says what was stored', async () => {
    const db = new CorpusDb();
    await importArticles(db, Array.from({ length: 300 }, (_, i) => ({ item: `article ${i + 1}`, article: articleOf(i) })));
    const file = await exportAll('jsonl');
    await send({ type: 'corpus/delete', ids: (await db.articles.toCollection().primaryKeys()) as number[] });
    // The third part's write fails as a full disk does; the parts sent after it must store nothing.
    // Dexie's Table prototype, shared by every database (the background's own included).
    let table: object = db.articles;
    while (!Object.hasOwn(table, 'bulkAdd')) table = Object.getPrototypeOf(table) as object;
    const bulkAdd = (table as { bulkAdd: (...args: unknown[]) => Promise<unknown> }).bulkAdd;
    let writes = 0;
    vi.spyOn(table as { bulkAdd: typeof bulkAdd }, 'bulkAdd').mockImplementation(function (this: unknown, ...args: unknown[]) {
      return ++writes === 3 ? Promise.reject(new DOMException('The disk is full', 'QuotaExceededError')) : bulkAdd.apply(this, args);
    });
    const summary = await importFiles([file], { messageBytes: 16 * 1024 });
    const parts = sent.filter((m) => m.type === 'corpus/import-part');
    const stored = await db.articles.count();
    expect(stored).toBe(parts[0]!.articles!.length + parts[1]!.articles!.length);
    // Sent without waiting: the fourth part was on its way before the third failed.
    expect(parts.length).toBeGreaterThan(3);
    expect(summary.lines).toEqual([{ text: expect.stringMatching(new RegExp(`^“corpus\\.jsonl”: ${stored} articles were imported, then storing failed\\. The browser has no room left`)), error: true }]);
    db.close();
  });

  it.each(['json', 'jsonl'] as const)('sends the file’s "not the same event" pairs, known at its end, with its last part (%s)', async (format) => {
    const db = new CorpusDb();
    await importArticles(db, Array.from({ length: 300 }, (_, i) => ({ item: `article ${i + 1}`, article: articleOf(i) })));
    const pair: [string, string] = [articleOf(0).url, articleOf(299).url];
    await addKeptApart(db, [pair]);
    const file = await exportAll(format);
    await send({ type: 'corpus/delete', ids: (await db.articles.toCollection().primaryKeys()) as number[] });
    expect(await keptApartPairs(db)).toEqual([]);
    const summary = await importFiles([file], { messageBytes: 16 * 1024, sliceBytes: 16 * 1024 });
    expect(summary.lines).toEqual([{ text: `corpus.${format}: 300 articles added, 0 updated, 0 skipped.` }]);
    const parts = sent.filter((m) => m.type === 'corpus/import-part') as { keptApart?: unknown }[];
    expect(parts.map((m) => m.keptApart !== undefined)).toEqual(parts.map((_, i) => i === parts.length - 1));
    expect(await keptApartPairs(db)).toEqual([[...pair].sort()]);
    db.close();
  });

  it.each([
    ['before storing anything when it is found before its first part is sent', 1024 * 1024],
    ['after its first parts, saying how many articles they stored', 4096],
  ])('refuses a cut export %s', async (_name, messageBytes) => {
    const db = new CorpusDb();
    await importArticles(db, Array.from({ length: 50 }, (_, i) => ({ item: `article ${i + 1}`, article: articleOf(i) })));
    const whole = await (await exportAll('json')).text();
    await send({ type: 'corpus/delete', ids: (await db.articles.toCollection().primaryKeys()) as number[] });
    const summary = await importFiles([new File([whole.slice(0, Math.floor(whole.length * 0.7))], 'cut.json')], { messageBytes, sliceBytes: 2048 });
    const parts = sent.filter((m) => m.type === 'corpus/import-part');
    const stored = await db.articles.count();
    expect(stored).toBe(parts.reduce((n, m) => n + m.articles!.length, 0));
    const cut = 'the file is not complete JSON, it may be truncated or damaged \\(it does not end with its list of articles closed\\)';
    if (messageBytes > whole.length) {
      expect(parts).toEqual([]);
      expect(summary.lines).toEqual([{ text: expect.stringMatching(new RegExp(`^Nothing was imported from “cut\\.json”: ${cut}\\. Your corpus is unchanged\\.$`)), error: true }]);
    } else {
      expect(parts.length).toBeGreaterThan(1);
      expect(summary.lines).toEqual([{ text: expect.stringMatching(new RegExp(`^“cut\\.json”: ${stored} articles were imported, then the rest of the file turned out not to be a whole export: ${cut}\\. The articles imported before stay in your corpus: it was changed\\.$`)), error: true }]);
    }
    db.close();
  });

});
