/**
 * The background as a person's actions reach it: messages from the side panel and the corpus
 * page, messages from web pages, first install. WXT's fake browser stands in for the browser
 * (events are triggered, not mocked); extraction runs on real seed pages parsed by jsdom.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { JSDOM } from 'jsdom';
import { extractFromDocument } from '../../lib/extract';
import { MAX_DETAIL_CHARS } from '../../lib/compare/report';
import { extensionPage, PAGE_URL, seedPage, send, startBackground, webPage, type FakeBackground } from '../../tests/support/fake-background';
import { CorpusDb } from '../../extension/storage/corpus-db';
import { refuseFirstArticlesWrite } from '../../tests/support/failing-db';
import { getCorpusVersion, getMeta } from '../../extension/storage/corpus';

let executeScript: FakeBackground['executeScript'];
let tabId: number;
let menuClicked: FakeBackground['menuClicked'];
let commandRun: FakeBackground['commandRun'];

beforeEach(async () => {
  ({ tabId, executeScript, menuClicked, commandRun } = await startBackground());
});

describe('first install', () => {
  it('puts the five sample articles in the corpus, once', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    const list = await send({ type: 'corpus/search' });
    expect(list?.ok && list.value.articles.map((a: { origin: string }) => a.origin)).toEqual(Array(5).fill('sample'));
    // A person who deletes the samples keeps them deleted, even if install fires again.
    const ids = list!.ok ? list!.value.ids : [];
    expect(await send({ type: 'corpus/delete', ids })).toEqual({ ok: true, value: 5 });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    expect(await send({ type: 'corpus/search' })).toMatchObject({ ok: true, value: { total: 0, articles: [] } });
  });
});

describe('the side panel reading a page', () => {
  it('gets the extracted article of the tab', async () => {
    const reply = await send({ type: 'page/get-state', tabId });
    expect(reply?.ok).toBe(true);
    const state = reply!.ok ? reply!.value : null;
    expect(state.kind).toBe('article');
    expect(state.article.title).toBe('Poutine et Obama se sont accordés pour intensifier leur coordination militaire en Syrie');
    expect(state.savedId).toBeNull();
  });

  it('says a browser page cannot be read, without injecting anything', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'chrome://settings' });
    const reply = await send({ type: 'page/get-state', tabId: tab.id });
    expect(reply).toMatchObject({ ok: true, value: { kind: 'unavailable', reason: 'restricted' } });
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('passes on the extraction script’s "too large" answer', async () => {
    executeScript.mockResolvedValueOnce([{ result: { ok: false, reason: 'too-large', message: 'This page is too large to analyse.' } }]);
    // `refresh`: the panel's "read again"; otherwise a copy cached by an earlier test would answer.
    expect(await send({ type: 'page/get-state', tabId, refresh: true })).toMatchObject({ ok: true, value: { kind: 'unavailable', reason: 'too-large' } });
  });
});

describe('comparing the page with the corpus', () => {
  it('says there is nothing to compare with in an empty corpus', async () => {
    expect(await send({ type: 'page/compare', tabId })).toMatchObject({ ok: true, value: { corpusSize: 0, same: [], related: [] } });
  });

  it('finds the sample articles on the same event, their shared quotes and passages', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    const reply = await send({ type: 'page/compare', tabId });
    expect(reply?.ok).toBe(true);
    const c = reply!.ok ? reply!.value : null;
    const sites = (list: { site: string | null }[]) => list.map((a) => a.site);
    // The page is seed 000 (RT France); its sample copy and the AFP wire copy (001) report the same call.
    expect(sites(c.same).sort()).toEqual(['AFP (republished)', 'RT France']);
    // 002 is another Putin–Obama call three months earlier: same storyline, not the same event.
    expect(c.related.map((a: { publishedTime: string }) => a.publishedTime)).toContain('2016-04-18');
    expect(c.quotes).toHaveLength(2);
    for (const q of c.quotes) expect(q.versions.map((v: { relation: string }) => v.relation)).toEqual(['exact', 'exact']);
    // The sample is the same text as the page: all of it is shared.
    expect(c.coverage.overall).toBeGreaterThan(0.9);
    expect(c.passages.some((p: { kind: string }) => p.kind === 'edited')).toBe(true);
    // Framing beside the closest version that is not a copy of the page: the AFP wire (001).
    const afp = c.same.find((a: { site: string }) => a.site === 'AFP (republished)');
    expect(c.framing.articleId).toBe(afp.id);
    expect(c.framing.actors.shown.length).toBeGreaterThan(0);
    expect(c.framing.sources.onlyOther).toEqual(expect.arrayContaining([expect.stringMatching(/Kerry/)]));
  });

  it('keeps the same-story lists but skips quotes and passages on a page too long for them', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    const dom = new JSDOM(seedPage, { url: PAGE_URL });
    const article = extractFromDocument(dom.window.document, { url: PAGE_URL });
    const text = `${article.text}\n\n${'Un paragraphe de remplissage sans guillemets. '.repeat(Math.ceil(MAX_DETAIL_CHARS / 46))}`;
    executeScript.mockResolvedValueOnce([{ result: { ok: true, article: { ...article, text, paragraphs: [{ start: 0, end: text.length }] } } }]);
    await send({ type: 'page/get-state', tabId, refresh: true });
    const reply = await send({ type: 'page/compare', tabId });
    expect(reply).toMatchObject({ ok: true, value: { quotes: [], passages: [], detailSkipped: text.length } });
    expect(reply!.ok && reply!.value.same.length).toBeGreaterThan(0);
  });

  it('compares a page judged not an article only when asked to compare it anyway, framing included', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    const dom = new JSDOM(seedPage, { url: PAGE_URL });
    const article = extractFromDocument(dom.window.document, { url: PAGE_URL });
    executeScript.mockResolvedValueOnce([{ result: { ok: true, article: { ...article, isArticle: false, notArticle: [{ code: 'no-article-signs' }] } } }]);
    expect(await send({ type: 'page/get-state', tabId, refresh: true })).toMatchObject({ ok: true, value: { kind: 'not-article' } });
    expect(await send({ type: 'page/compare', tabId })).toEqual({ ok: true, value: null });
    const reply = await send({ type: 'page/compare', tabId, anyway: true });
    expect(reply!.ok && reply!.value.same.length).toBeGreaterThan(0);
    const other = reply!.ok && reply!.value.same[0].id;
    expect(await send({ type: 'page/framing', tabId, articleId: other })).toEqual({ ok: true, value: null });
    expect(await send({ type: 'page/framing', tabId, articleId: other, anyway: true })).toMatchObject({ ok: true, value: { articleId: other } });
    expect(await send({ type: 'page/compare', tabId, anyway: 'yes' })).toBeUndefined();
  });

  it('refuses a comparison request without a tab', async () => {
    expect(await send({ type: 'page/compare' })).toBeUndefined();
  });

  /** The page loads anew (its content script reports it), so nothing of an earlier test is cached. */
  const pageLoaded = () => send({ type: 'page/signals', signals: { isArticle: true, reasons: [] } }, webPage(tabId));

  it('says where the time went: extraction when it happened in the request, each compared article, framing, total', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    await pageLoaded();
    // The first request extracts the page; the second finds it cached.
    const first = await send({ type: 'page/compare', tabId });
    const second = await send({ type: 'page/compare', tabId });
    const t1 = first!.ok ? first!.value.timings : null;
    const t2 = second!.ok ? second!.value.timings : null;
    expect(t1.extractMs).toBeGreaterThan(0);
    expect(t2.extractMs).toBeNull();
    const compared = [...first!.ok ? first!.value.same : [], ...first!.ok ? first!.value.related : []].map((a: { id: number }) => a.id);
    expect(t1.compareMs.map((c: { articleId: number }) => c.articleId).sort()).toEqual(compared.sort());
    for (const t of [t1, t2]) {
      const parts = [t.extractMs ?? 0, t.matchMs, t.framingMs, ...t.compareMs.map((c: { ms: number }) => c.ms)];
      for (const ms of parts) expect(ms).toBeGreaterThanOrEqual(0);
      // The total includes every part.
      expect(t.totalMs).toBeGreaterThanOrEqual(parts.reduce((x, y) => x + y, 0));
    }
  });

  it('announces its progress to the panel: extracting, matching, then each article compared, then framing', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    await pageLoaded();
    const notices: { tabId: number; stage: string; done: number; total: number; matches?: unknown }[] = [];
    fakeBrowser.runtime.onMessage.addListener((m: any) => {
      if (m?.type === 'notice/progress') notices.push(m);
    });
    const reply = await send({ type: 'page/compare', tabId });
    const c = reply!.ok ? reply!.value : null;
    const n = c.same.length + c.related.length;
    expect(notices.every((x) => x.tabId === tabId)).toBe(true);
    expect(notices.map((x) => `${x.stage} ${x.done}/${x.total}`)).toEqual([
      'extracting 0/1',
      'extracting 1/1',
      'matching 0/1',
      'matching 1/1',
      ...Array.from({ length: n + 1 }, (_, i) => `comparing ${i}/${n}`),
      'framing 0/1',
      'framing 1/1',
    ]);
    // Once matched, the lists go out with the notice, for the panel to show during the detail.
    expect(notices.filter((x) => x.matches).map((x) => x.stage)).toEqual(['matching']);
    expect(notices[3]!.matches).toEqual({ corpusSize: 5, same: c.same, related: c.related });
  });

  it('gives the framing against the article the person chose, and none for an article not stored', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    await pageLoaded();
    const reply = await send({ type: 'page/compare', tabId });
    const c = reply!.ok ? reply!.value : null;
    // The default is the closest version that is not a copy (the AFP wire); ask for the other ones.
    const sample = c.same.find((a: { site: string }) => a.site === 'RT France');
    const earlier = c.related.find((a: { publishedTime: string }) => a.publishedTime === '2016-04-18');
    const afp = await send({ type: 'page/framing', tabId, articleId: c.framing.articleId });
    expect(afp).toEqual({ ok: true, value: c.framing });
    const beside = await send({ type: 'page/framing', tabId, articleId: earlier.id });
    expect(beside?.ok && beside.value.articleId).toBe(earlier.id);
    expect(beside?.ok && beside.value).not.toEqual(c.framing);
    // The page's own copy: the same text, so no actor is named differently.
    const copy = await send({ type: 'page/framing', tabId, articleId: sample.id });
    expect(copy?.ok && copy.value.actors).toEqual({ shown: [], more: [] });
    expect(await send({ type: 'page/framing', tabId, articleId: 999_999 })).toEqual({ ok: true, value: null });
  });

  it('refuses a framing request without an article id', async () => {
    expect(await send({ type: 'page/framing', tabId })).toBeUndefined();
    expect(await send({ type: 'page/framing', tabId, articleId: '3' })).toBeUndefined();
  });
});

describe('saving', () => {
  it('saves the page, and saving it again updates rather than duplicates', async () => {
    const first = await send({ type: 'corpus/save-tab', tabId });
    expect(first).toMatchObject({ ok: true, value: { created: true } });
    const second = await send({ type: 'corpus/save-tab', tabId });
    expect(second).toMatchObject({ ok: true, value: { created: false, id: first!.ok && first!.value.id } });
    const list = await send({ type: 'corpus/search' });
    expect(list!.ok && list!.value.articles).toHaveLength(1);
    expect(await send({ type: 'page/get-state', tabId })).toMatchObject({ ok: true, value: { savedId: first!.ok && first!.value.id } });
  });

  it('keeps the saved page\'s features in the features table, not in its record (schema 14)', async () => {
    const saved = await send({ type: 'corpus/save-tab', tabId });
    const id = saved!.ok ? saved!.value.id : -1;
    const db = new CorpusDb();
    const [record, features] = [await db.articles.get(id), await db.features.get(id)];
    db.close();
    expect(record).toBeDefined();
    expect(record).not.toHaveProperty('analysis');
    expect(features).toMatchObject({ id, match: { lang: 'fr' } });
  });

  it.each([
    ['the context menu', () => menuClicked({ menuItemId: 'recoupe-save-article' }, { id: tabId })],
    ['the keyboard shortcut', () => commandRun('save-article', { id: tabId })],
  ])('saves from %s and confirms on the toolbar badge', async (_name, act) => {
    act();
    await vi.waitFor(() => expect(fakeBrowser.action.setBadgeText).toHaveBeenCalledWith({ tabId, text: '✓' }));
    const list = await send({ type: 'corpus/search' });
    expect(list!.ok && list!.value.articles.map((a: { title: string }) => a.title)).toEqual([
      'Poutine et Obama se sont accordés pour intensifier leur coordination militaire en Syrie',
    ]);
  });

  it('says on the badge why a page could not be saved', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'chrome://newtab' });
    commandRun('save-article', { id: tab.id! });
    await vi.waitFor(() => expect(fakeBrowser.action.setBadgeText).toHaveBeenCalledWith({ tabId: tab.id, text: '!' }));
    expect(fakeBrowser.action.setTitle).toHaveBeenCalledWith({ tabId: tab.id, title: expect.stringMatching(/^Recoupe: not saved\. Recoupe cannot read this kind of page/) });
  });

  it('reports a full disk in words and keeps what was stored', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    const fullDisk = refuseFirstArticlesWrite();
    const reply = await send({ type: 'corpus/save-tab', tabId });
    expect(fullDisk.restore()).toBe(true);
    expect(reply).toMatchObject({ ok: false });
    expect(!reply!.ok && reply!.error).toMatch(/no room left.*nothing stored was lost/);
    const list = await send({ type: 'corpus/search' });
    expect(list!.ok && list!.value.articles).toHaveLength(5);
  });
});

describe('messages the background refuses', () => {
  it.each([
    ['a corpus change sent by a web page', { type: 'corpus/delete', ids: [1] }, 'page'],
    ['a save sent by a web page', { type: 'corpus/save-tab' }, 'page'],
    ['an unknown type', { type: 'corpus/drop-everything' }, 'extension'],
    ['a payload of the wrong shape', { type: 'corpus/delete', ids: 'all' }, 'extension'],
    ['not an object', 'corpus/search', 'extension'],
    ['a message from another extension', { type: 'corpus/search' }, 'foreign'],
  ])('ignores %s', async (_name, message, from) => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    const sender = from === 'page' ? webPage(tabId) : from === 'foreign' ? { id: 'another-extension', url: 'chrome-extension://another/x.html' } : extensionPage();
    expect(await send(message, sender)).toBeUndefined();
    const list = await send({ type: 'corpus/search' });
    expect(list!.ok && list!.value.articles).toHaveLength(5);
  });

  it('takes article signals from a web page and lights the badge', async () => {
    const reply = await send({ type: 'page/signals', signals: { isArticle: true, reasons: ['og:type=article'] } }, webPage(tabId));
    expect(reply).toEqual({ ok: true, value: null });
    expect(fakeBrowser.action.setBadgeText).toHaveBeenCalledWith({ tabId, text: '•' });
  });
});

describe('export and import', () => {
  const titles = async () => {
    const list = await send({ type: 'corpus/search' });
    return (list!.ok ? list!.value.articles.map((a: { title: string }) => a.title) : []).sort();
  };

  it.each(['json', 'jsonl'] as const)('exports the corpus as %s, and importing it after deleting everything brings it back, story index included', async (format) => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    const before = await titles();
    const exported = await send({ type: 'corpus/export', format });
    expect(exported).toMatchObject({ ok: true, value: { fileName: expect.stringMatching(new RegExp(`^recoupe-corpus-\\d{4}-\\d{2}-\\d{2}\\.${format}$`)), count: 5 } });
    const text = exported!.ok ? exported!.value.chunks.join('') : '';

    const list = await send({ type: 'corpus/search' });
    const ids = list!.ok ? list!.value.ids : [];
    await send({ type: 'corpus/delete', ids });
    expect(await send({ type: 'page/compare', tabId })).toMatchObject({ ok: true, value: { corpusSize: 0, same: [] } });

    const imported = await send({ type: 'corpus/import', fileName: `corpus.${format}`, text });
    expect(imported).toEqual({ ok: true, value: { added: 5, updated: 0, skipped: [] } });
    expect(await titles()).toEqual(before);
    // Stored at once, prepared for comparison afterwards: until then the panel says they are not compared yet.
    const early = await send({ type: 'page/compare', tabId });
    expect(early).toMatchObject({ ok: true, value: { unprepared: 5, same: [] } });
    await vi.waitFor(async () => expect(await send({ type: 'corpus/preparation' })).toEqual({ ok: true, value: { done: 0, total: 0 } }), { timeout: 10_000 });
    // The story index took the imported articles in: the page finds its same-event copies again.
    const compared = await send({ type: 'page/compare', tabId });
    expect(compared!.ok && compared!.value.same.map((a: { site: string }) => a.site).sort()).toEqual(['AFP (republished)', 'RT France']);
    expect(compared!.ok && compared!.value.unprepared).toBeUndefined();
    // This worker's story index writes itself back a moment after the last change: let it, before
    // the next test's worker starts on a new database this one would otherwise write into.
    const db = new CorpusDb();
    await vi.waitFor(async () => expect(await getMeta(db, 'storyIndexVersion')).toBe(await getCorpusVersion(db)), { timeout: 10_000 });
    db.close();
  });

  it('exports only the selected articles', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    const list = await send({ type: 'corpus/search' });
    const first = list!.ok ? list!.value.articles[0] : null;
    const exported = await send({ type: 'corpus/export', format: 'json', ids: [first.id] });
    expect(exported).toMatchObject({ ok: true, value: { count: 1 } });
    expect(JSON.parse(exported!.ok ? exported!.value.chunks.join('') : '{}').articles.map((a: { title: string }) => a.title)).toEqual([first.title]);
  });

  it.each([
    ['a truncated file', (good: string) => good.slice(0, 300), /^Nothing was imported from “corpus\.json”: the file is not complete JSON, it may be truncated.*Your corpus is unchanged\.$/],
    ['another version', (good: string) => good.replace('"version":1', '"version":9'), /newer Recoupe \(format version 9\)/],
    ['a file over 50 MB', () => ' '.repeat(50_000_001), /larger than 50 MB/],
  ])('refuses %s in words and changes nothing', async (_name, corrupt, message) => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    const exported = await send({ type: 'corpus/export', format: 'json' });
    const good = exported!.ok ? exported!.value.chunks.join('') : '';
    const before = await send({ type: 'corpus/export', format: 'json' });
    const reply = await send({ type: 'corpus/import', fileName: 'corpus.json', text: corrupt(good) });
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(message) });
    const after = await send({ type: 'corpus/export', format: 'json' });
    const articles = (r: typeof after) => JSON.parse(r!.ok ? r!.value.chunks.join('') : '{}').articles;
    expect(articles(after)).toEqual(articles(before));
  });

  it('reports the articles it skipped, and why, and imports the others', async () => {
    const text = JSON.stringify({ format: 'recoupe-corpus', version: 1, articles: [
      { url: 'https://a.org/1', title: 'Bon', text: 'Un article.' },
      { url: 'javascript:alert(1)', title: 'Piège', text: 'x' },
      { url: 'https://a.org/2', text: 7 },
    ] });
    expect(await send({ type: 'corpus/import', fileName: 'c.json', text })).toEqual({ ok: true, value: {
      added: 1, updated: 0, skipped: [
        { item: 'article 2', reason: 'url has the scheme javascript: (only http, https, sample and file are accepted)' },
        { item: 'article 3', reason: 'text is not a string' },
      ],
    } });
    expect(await titles()).toEqual(['Bon']);
  });

  it('reports a failed write in words and stores nothing of the file', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    const text = JSON.stringify({ format: 'recoupe-corpus', version: 1, articles: [{ url: 'https://a.org/1', title: 'Bon', text: 'Un article.' }] });
    const fullDisk = refuseFirstArticlesWrite();
    const reply = await send({ type: 'corpus/import', fileName: 'c.json', text });
    expect(fullDisk.restore()).toBe(true);
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^Nothing was imported from “c\.json”\. The browser has no room left.*nothing stored was lost/) });
    expect(await titles()).toHaveLength(5);
  });

  it.each([
    ['an import sent by a web page', { type: 'corpus/import', fileName: 'c.json', text: '{}' }, 'page'],
    ['an export sent by a web page', { type: 'corpus/export', format: 'json' }, 'page'],
    ['an export in an unknown format', { type: 'corpus/export', format: 'xml' }, 'extension'],
    ['an export of ids that are not numbers', { type: 'corpus/export', format: 'json', ids: ['1'] }, 'extension'],
    ['an import without text', { type: 'corpus/import', fileName: 'c.json', text: { articles: [] } }, 'extension'],
    ['an import with a file name that is too long', { type: 'corpus/import', fileName: 'x'.repeat(1001), text: '' }, 'extension'],
  ])('ignores %s', async (_name, message, from) => {
    expect(await send(message, from === 'page' ? webPage(tabId) : extensionPage())).toBeUndefined();
  });
});
