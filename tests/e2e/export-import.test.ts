/**
 * End to end: a person exports the corpus from the corpus page, deletes everything, imports the
 * file back and finds every article again; then imports a corrupt file and a folder of captures.
 * The download is captured by Playwright; the files are chosen through the page's file input.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium-extension';

const ARTIFACTS = resolve('tests/artifacts');

let browser: ExtensionBrowser;
let corpus: Page;

const titles = async () => (await corpus.getByTestId('article-row').locator('td:first-child button').allTextContents()).sort();
const rowCount = () => corpus.getByTestId('article-row').count();

beforeAll(async () => {
  browser = await launchWithExtension();
  corpus = await browser.openExtensionPage('corpus.html');
  await corpus.setViewportSize({ width: 1200, height: 800 });
  corpus.on('dialog', (dialog) => void dialog.accept()); // The delete confirmations.
  // The sample corpus is put in place on install.
  await corpus.getByTestId('article-row').nth(4).waitFor({ timeout: 30_000 });
});

afterAll(async () => {
  await browser?.close();
});

describe('exporting and importing the corpus from the corpus page', () => {
  let exported = '';
  let before: string[] = [];

  it('exports the corpus as a file download', async () => {
    before = await titles();
    const [download] = await Promise.all([corpus.waitForEvent('download'), corpus.getByTestId('export').click()]);
    expect(download.suggestedFilename()).toMatch(/^recoupe-corpus-\d{4}-\d{2}-\d{2}\.json$/);
    exported = readFileSync((await download.path())!, 'utf8');
    const file = JSON.parse(exported);
    expect(file).toMatchObject({ format: 'recoupe-corpus', version: 1, count: 5 });
    expect(file.articles.map((a: { title: string | null }) => a.title ?? 'Untitled article').sort()).toEqual(before);
    await expect.poll(() => corpus.getByTestId('message').textContent()).toMatch(/^Exported 5 articles to recoupe-corpus-.*\.json\.$/);
  });

  it('deletes everything, imports the file back and finds the same titles', async () => {
    // One, then the rest together.
    await corpus.getByTestId('article-row').first().getByTestId('select-row').check();
    await corpus.getByTestId('delete-selected').click();
    await expect.poll(rowCount).toBe(4);
    await corpus.getByTestId('select-shown').check();
    await corpus.getByTestId('delete-selected').click();
    await corpus.getByTestId('empty').waitFor();

    await corpus.getByTestId('import-input').setInputFiles({ name: 'my-corpus.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
    await expect.poll(() => corpus.getByTestId('import-line').allTextContents()).toEqual(['my-corpus.json: 5 articles added, 0 updated, 0 skipped.']);
    await expect.poll(titles).toEqual(before);
  });

  it('refuses a corrupt file with a clear message and leaves the corpus unchanged', async () => {
    const truncated = exported.slice(0, Math.floor(exported.length / 2));
    await corpus.getByTestId('import-input').setInputFiles({ name: 'cut.json', mimeType: 'application/json', buffer: Buffer.from(truncated) });
    await expect.poll(() => corpus.getByTestId('import-line').allTextContents()).toEqual([
      expect.stringMatching(/^Nothing was imported from “cut\.json”: the file is not complete JSON, it may be truncated or damaged .*Your corpus is unchanged\.$/),
    ]);
    expect(await corpus.getByTestId('import-line').getAttribute('class')).toBe('status-error');
    expect(await titles()).toEqual(before);
  });

  it('imports a JSONL export and captures with sidecars, and lists what it skipped and why', async () => {
    const [download] = await Promise.all([corpus.waitForEvent('download'), corpus.getByTestId('export-jsonl').click()]);
    const lines = readFileSync((await download.path())!, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(7);
    // A hostile line in the middle of the stream: a javascript: address, and a script as the title.
    const hostile = JSON.parse(lines[1]!);
    lines.splice(1, 1, JSON.stringify({ ...hostile, url: 'javascript:alert(1)' }));
    const page = readFileSync(resolve('corpus/pages/002_b5629d95adcdafa8.html'));
    await corpus.getByTestId('import-input').setInputFiles([
      { name: 'stream.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(lines.join('\n')) },
      { name: 'page.html', mimeType: 'text/html', buffer: page },
      { name: 'page.meta.json', mimeType: 'application/json', buffer: Buffer.from('{"url": "https://example.org/page", "site": "Imported site"}') },
      { name: 'note.txt', mimeType: 'text/plain', buffer: Buffer.from('<img src=x onerror="document.title=\'pwned\'">\n\nUn texte importé avec du balisage qui ne doit jamais devenir du HTML dans la page.') },
      { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47]) },
    ]);
    await expect.poll(() => corpus.getByTestId('import-line').allTextContents()).toEqual([
      'stream.jsonl: 0 articles added, 4 updated, 1 skipped.',
      '2 text or HTML files: 2 articles added, 0 updated, 0 skipped.',
    ]);
    expect(await corpus.getByTestId('import-skipped').locator('li').allTextContents()).toEqual([
      'photo.png: not a file Recoupe imports (.json, .jsonl, .txt, .html)',
      'stream.jsonl, line 2: url has the scheme javascript: (only http, https, sample and file are accepted)',
    ]);
    await expect.poll(rowCount).toBe(7);
    expect(await corpus.getByRole('cell', { name: 'Imported site' }).count()).toBe(1);
    // Everything from the files is text: no image element was made, no script ran.
    expect(await corpus.locator('main img').count()).toBe(0);
    expect(await corpus.title()).not.toBe('pwned');
    await corpus.screenshot({ path: join(ARTIFACTS, 'corpus-import.png'), fullPage: true });
  });

  it('imports back a file whose escaping would make one message over the browser’s 64 MiB limit', async () => {
    // Texts of quotation marks and backslashes: each is written as two characters in the file,
    // and a message carrying the file's text as one string would double them again (about 70 MB).
    const count = 22;
    const text = (i: number) => `Mot${i} ${'"\\'.repeat(400_000)}\n\nFin ${i}.`;
    const article = (i: number) => JSON.stringify({
      url: `https://quotes.example.org/${i}`, canonicalUrl: null, title: `Guillemets "${i}" \\`, byline: null, site: 'Quotes', language: 'fr',
      publishedTime: null, savedAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', origin: 'page', text: text(i), paragraphs: null,
    });
    const lines = [JSON.stringify({ format: 'recoupe-corpus', version: 1, exportedAt: '2026-01-01T00:00:00.000Z', stream: 'jsonl' })];
    for (let i = 0; i < count; i++) lines.push(article(i));
    lines.push(JSON.stringify({ end: 'recoupe-corpus', count }));
    const file = Buffer.from(`${lines.join('\n')}\n`);
    expect(file.length).toBeGreaterThan(34_000_000);
    // What a single message of the file's text would weigh.
    expect(Buffer.byteLength(JSON.stringify({ type: 'corpus/import', fileName: 'quotes.jsonl', text: file.toString() }))).toBeGreaterThan(64 * 1024 * 1024);
    const rows = await rowCount();

    // From a file on disk: a buffer this large would be slow to hand over to the browser.
    const path = join(tmpdir(), `recoupe-quotes-${process.pid}`, 'quotes.jsonl');
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file);
    await corpus.getByTestId('import-input').setInputFiles(path, { timeout: 120_000 });
    await expect.poll(() => corpus.getByTestId('import-line').allTextContents(), { timeout: 180_000 }).toEqual([`quotes.jsonl: ${count} articles added, 0 updated, 0 skipped.`]);
    await expect.poll(rowCount).toBe(rows + count);
    // One of them, read back from the corpus: its text whole, to the last character (found by a
    // search once its words are indexed: a search answers at once meanwhile, without it).
    const read = () => corpus.evaluate(async () => {
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage: (m: unknown) => Promise<{ ok: boolean; value: { ids: number[] } & { text: string; title: string } }> } } }).chrome.runtime;
      const found = await runtime.sendMessage({ type: 'corpus/search', query: 'Mot7' });
      if (found.value.ids.length === 0) return null;
      const got = await runtime.sendMessage({ type: 'corpus/get', id: found.value.ids[0] });
      return { text: got.value.text, title: got.value.title };
    });
    await expect.poll(async () => (await read()) !== null, { timeout: 60_000 }).toBe(true);
    const stored = await read();
    expect(stored).toEqual({ text: text(7), title: 'Guillemets "7" \\' });
    rmSync(dirname(path), { recursive: true, force: true });
  }, 300_000);
});

