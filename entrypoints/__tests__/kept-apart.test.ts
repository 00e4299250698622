/**
 * "Not the same event": the reader's correction of a listed match, as the side panel and the
 * corpus page send it to the background (WXT's fake browser, the sample corpus, the tab showing
 * seed 000). The page's same-event list holds its sample copy (RT France) and the AFP wire (001).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { extensionPage, PAGE_URL, send, startBackground, webPage } from '../../tests/support/fake-background';
import { CorpusDb } from '../../extension/storage/corpus-db';
import { keptApartPairs } from '../../extension/storage/kept-apart';

let tabId: number;
beforeEach(async () => {
  ({ tabId } = await startBackground());
  await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
});

type Listed = { id: number; title: string | null; site: string | null; publishedTime: string | null };
const value = (reply: Awaited<ReturnType<typeof send>>) => {
  expect(reply?.ok).toBe(true);
  return reply!.ok ? reply!.value : null;
};
const compare = async () => value(await send({ type: 'page/compare', tabId }));
const afpOf = (c: { same: Listed[] }) => c.same.find((a) => a.site === 'AFP (republished)')!;
const judge = async (articleId: number, apart: boolean) => value(await send({ type: 'page/keep-apart', tabId, articleId, apart }));
/** The stories of the Stories view once every article is linked (it answers at once and says how many are still being linked). */
const storyMates = async (id: number): Promise<number[]> => {
  for (;;) {
    const page = value(await send({ type: 'corpus/stories', limit: 10_000 })) as { stories: { ids: number[] }[]; linking: number };
    if (page.linking === 0) return page.stories.find((s) => s.ids.includes(id))?.ids ?? [];
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('marking a listed article "not the same event"', () => {
  it('leaves it out of the lists and of the evidence, says it is hidden, and brings it back when taken back', async () => {
    const before = await compare();
    const afp = afpOf(before);
    expect(before.quotes.some((q: { versions: { articleId: number }[] }) => q.versions.some((v) => v.articleId === afp.id))).toBe(true);

    expect(await judge(afp.id, true)).toBeNull();
    const after = await compare();
    expect(after.same.map((a: Listed) => a.site)).toEqual(['RT France']);
    expect(after.related.map((a: Listed) => a.id)).not.toContain(afp.id);
    expect(after.quotes.flatMap((q: { versions: { articleId: number }[] }) => q.versions.map((v) => v.articleId))).not.toContain(afp.id);
    expect(after.passages.map((p: { articleId: number }) => p.articleId)).not.toContain(afp.id);
    expect(after.coverage.byArticle.map((x: { articleId: number }) => x.articleId)).not.toContain(afp.id);
    expect(value(await send({ type: 'page/kept-apart', tabId }))).toEqual([
      { id: afp.id, title: afp.title, site: 'AFP (republished)', publishedTime: afp.publishedTime },
    ]);

    expect(await judge(afp.id, false)).toBeNull();
    expect((await compare()).same.map((a: Listed) => a.id).sort()).toEqual(before.same.map((a: Listed) => a.id).sort());
    expect(value(await send({ type: 'page/kept-apart', tabId }))).toEqual([]);
  });

  it('keeps the judgement in the corpus database, under the two articles\' addresses', async () => {
    const afp = afpOf(await compare());
    await judge(afp.id, true);
    const db = new CorpusDb();
    const afpUrl = (await db.articles.get(afp.id))!.url;
    expect(await keptApartPairs(db)).toEqual([[PAGE_URL, afpUrl].sort()]);
    db.close();
  });

  it('tells the open pages that the corpus changed, so the lists and the stories follow', async () => {
    const afp = afpOf(await compare());
    const notices: string[] = [];
    fakeBrowser.runtime.onMessage.addListener((m: any) => void notices.push(m?.type));
    await judge(afp.id, true);
    expect(notices).toContain('notice/corpus-changed');
  });

  it('holds once the page is saved, and keeps the two apart in the stories', async () => {
    const afp = afpOf(await compare());
    const saved = value(await send({ type: 'corpus/save-tab', tabId }));
    expect(await storyMates(saved.id)).toContain(afp.id);
    await judge(afp.id, true);
    expect(await storyMates(saved.id)).not.toContain(afp.id);
    expect((await compare()).same.map((a: Listed) => a.id)).not.toContain(afp.id);
    await judge(afp.id, false);
    expect(await storyMates(saved.id)).toContain(afp.id);
  });

  it('is forgotten when either article is deleted', async () => {
    const afp = afpOf(await compare());
    await judge(afp.id, true);
    expect(value(await send({ type: 'corpus/delete', ids: [afp.id] }))).toBe(1);
    const db = new CorpusDb();
    expect(await keptApartPairs(db)).toEqual([]);
    db.close();
  });

  it('says so when the article is no longer stored', async () => {
    expect(await send({ type: 'page/keep-apart', tabId, articleId: 999_999, apart: true })).toEqual({ ok: false, error: 'This article is no longer in your corpus.' });
  });

  it.each([
    ['without a judgement', { type: 'page/keep-apart', tabId: 1, articleId: 2 }, extensionPage()],
    ['with a judgement that is not a boolean', { type: 'page/keep-apart', tabId: 1, articleId: 2, apart: 'yes' }, extensionPage()],
    ['from a web page', { type: 'page/keep-apart', tabId: 1, articleId: 2, apart: true }, webPage(1)],
    ['a side by side without an article', { type: 'page/side-by-side', tabId: 1 }, extensionPage()],
    ['a list of hidden articles without a tab', { type: 'page/kept-apart' }, extensionPage()],
  ])('is refused %s', async (_name, message, sender) => {
    expect(await send(message, sender)).toBeUndefined();
  });
});

describe('"not the same event" in an export', () => {
  const exportOf = async (format: 'json' | 'jsonl', ids?: number[]) => (value(await send({ type: 'corpus/export', format, ...(ids ? { ids } : {}) })).chunks as string[]).join('');

  it.each(['json', 'jsonl'] as const)('travels with the two articles in a %s export, and comes back with them on import', async (format) => {
    const afp = afpOf(await compare());
    const saved = value(await send({ type: 'corpus/save-tab', tabId }));
    await judge(afp.id, true);
    const text = await exportOf(format);
    const header = JSON.parse(format === 'json' ? text : text.split('\n')[0]!);
    expect(header.keptApart).toHaveLength(1);

    const all = (value(await send({ type: 'corpus/search' })) as { ids: number[] }).ids;
    await send({ type: 'corpus/delete', ids: all });
    expect(value(await send({ type: 'corpus/import', fileName: `corpus.${format}`, text }))).toMatchObject({ added: 6, skipped: [] });
    const db = new CorpusDb();
    expect(await keptApartPairs(db)).toEqual(header.keptApart);
    db.close();
    // Once the imported articles are prepared for comparison (the background's queue, which starts a
    // moment after the import: "nothing left to prepare" alone is also true before it starts)…
    await vi.waitFor(async () => expect(value(await send({ type: 'corpus/preparation' }))).toEqual({ done: 0, total: 0 }), { timeout: 10_000 });
    // The page, stored again under its address, no longer lists the AFP wire; its story does not hold it.
    await vi.waitFor(async () => expect((await compare()).same.map((a: Listed) => a.site)).toEqual(['RT France']), { timeout: 10_000 });
    const ids = (value(await send({ type: 'corpus/search' })) as { articles: { id: number; url: string }[] }).articles;
    const [pageNow, afpNow] = [ids.find((a) => a.url === PAGE_URL)!.id, ids.find((a) => a.id !== saved.id && a.url.includes('001_'))!.id];
    expect(await storyMates(pageNow)).not.toContain(afpNow);
  });

  it('is left out of an export that does not hold both articles', async () => {
    const afp = afpOf(await compare());
    await send({ type: 'corpus/save-tab', tabId });
    await judge(afp.id, true);
    expect(JSON.parse(await exportOf('json', [afp.id])).keptApart).toBeUndefined();
  });
});

describe('opening a listed article side by side with the page', () => {
  it('compares the page as read in the tab with the stored article', async () => {
    const afp = afpOf(await compare());
    const view = value(await send({ type: 'page/side-by-side', tabId, articleId: afp.id }));
    expect(view.a).toMatchObject({ id: null, url: PAGE_URL, title: 'Poutine et Obama se sont accordés pour intensifier leur coordination militaire en Syrie' });
    expect(view.b).toMatchObject({ id: afp.id, site: 'AFP (republished)' });
    expect(view.quotes).toBeGreaterThanOrEqual(2);
    expect(view.a.marks.length).toBeGreaterThan(0);
    expect(view.b.marks.length).toBe(view.a.marks.length);
  });

  it('says so when the tab is gone', async () => {
    const reply = await send({ type: 'page/side-by-side', tabId: 424_242, articleId: 1 });
    expect(reply?.ok).toBe(false);
  });
});
