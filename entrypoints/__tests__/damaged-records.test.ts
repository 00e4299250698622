/**
 * One rule for every field, both ways (issue 20, item 7). What a page gives is fitted to the
 * limits an import enforces when it is saved, so everything stored exports and imports back; a
 * damaged record (its text or title not text, its saved date missing) is left out with a message,
 * or kept when it can be read, and never breaks the comparison, the stories, the list or the
 * export of the other articles.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { JSDOM } from 'jsdom';
import { PAGE_URL, seedPage, send, startBackground, type FakeBackground } from '../../tests/support/fake-background';
import { CorpusDb } from '../../extension/storage/corpus-db';
import type { StoredArticle } from '../../extension/storage/article-record';
import { LIMITS, parseCorpusFile } from '../../lib/corpus-io';
import { extractFromDocument } from '../../lib/extract';

let tabId: number;
let executeScript: FakeBackground['executeScript'];
beforeEach(async () => {
  ({ tabId, executeScript } = await startBackground());
  await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
});

async function exported(): Promise<string> {
  const reply = await send({ type: 'corpus/export', format: 'json', from: 0 });
  expect(reply?.ok && reply.value.next).toBeNull();
  return reply!.ok ? reply!.value.chunks.join('') : '';
}

describe('a page whose fields exceed what an import takes', () => {
  it('is saved with its title, byline and site cut at the import’s lengths, and its export imports back whole', async () => {
    const article = extractFromDocument(new JSDOM(seedPage, { url: PAGE_URL }).window.document, { url: PAGE_URL });
    const long = { ...article, title: 'Titre '.repeat(478).slice(0, 2_867), byline: 'B'.repeat(1_500), siteName: 'S'.repeat(800), publishedTime: '+275760-09-13T00:00:00.000Z' };
    executeScript.mockResolvedValueOnce([{ result: { ok: true, article: long } }]);
    await send({ type: 'page/get-state', tabId, refresh: true });
    const saved = await send({ type: 'corpus/save-tab', tabId });
    expect(saved).toMatchObject({ ok: true, value: { created: true } });
    const stored = (await send({ type: 'corpus/get', id: saved!.ok ? saved!.value.id : 0 }))!;
    expect(stored.ok && [stored.value.title.length, stored.value.byline.length, stored.value.site.length, stored.value.publishedTime])
      .toEqual([LIMITS.titleChars, LIMITS.bylineChars, LIMITS.siteChars, null]);
    const parsed = parseCorpusFile(await exported(), 'c.json');
    expect(parsed.ok && [parsed.articles.length, parsed.skipped]).toEqual([6, []]);
  });
});

describe('damaged records in the corpus', () => {
  it('are left out with a message, and the page is still compared, the stories, list and export made', async () => {
    // The index is built first, with every sample in it; then records are damaged behind its back.
    expect(await send({ type: 'page/compare', tabId })).toMatchObject({ ok: true });
    // Warned of as soon as stored (the summaries and word index are written with each record), or when read.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const db = new CorpusDb();
    const [first] = await db.articles.toArray() as StoredArticle[];
    const good = (n: number) => ({ ...first!, id: undefined, url: `https://damaged.example.org/${n}`, analysis: undefined });
    await db.articles.bulkAdd([
      { ...good(1), text: 42 },
      { ...good(2), title: { html: '<b>x</b>' } },
      { ...good(3), savedAt: undefined },
    ] as never);
    await db.articles.update(first!.id, { text: null } as never);
    db.close();

    const compared = await send({ type: 'page/compare', tabId });
    expect(compared).toMatchObject({ ok: true });
    expect(compared!.ok && compared!.value.same.map((a: { id: number }) => a.id)).not.toContain(first!.id);
    expect(await send({ type: 'corpus/stories' })).toMatchObject({ ok: true });
    const listed = await send({ type: 'corpus/search', query: '' });
    expect(listed!.ok && listed!.value.articles.map((a: { url: string }) => a.url)).toContain('https://damaged.example.org/3');
    expect(listed!.ok && listed!.value.total).toBe(5);

    const file = parseCorpusFile(await exported(), 'c.json');
    expect(file.ok && file.skipped).toEqual([]);
    expect(file.ok && file.articles.map((c) => c.article.url)).toContain('https://damaged.example.org/3');
    expect(file.ok && file.articles).toHaveLength(5);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/stored article \d+ is damaged .*left out/));
    warn.mockRestore();
  });
});
