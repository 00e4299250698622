/**
 * Auto-save and its settings, as the background receives them: the options page's
 * `settings/get`/`settings/set`, and the content script's article signals from a page on a chosen
 * site. WXT's fake browser stands in for the browser; the extraction runs on real pages parsed by
 * jsdom (the seed article, the section front page of the end-to-end tests).
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { extensionPage as pageOf, PAGE_URL, seedPage, send as sendAs, startBackground, webPage, type FakeBackground } from '../../tests/support/fake-background';
import { autoSavesSettled } from '../background/auto-save';
import { refuseFirstArticlesWrite } from '../../tests/support/failing-db';
import { installMessages } from '../../tests/support/browser-messages';

const SEED_TITLE = 'Poutine et Obama se sont accordés pour intensifier leur coordination militaire en Syrie';
const sectionFront = readFileSync(new URL('../../tests/e2e/pages/section-front.html', import.meta.url), 'utf8');

const extensionPage = () => pageOf('/options.html');
const send = (message: unknown, sender: object = extensionPage()) => sendAs(message, sender);

/** The content script's message at page load, then the end of whatever auto-save it started. */
async function pageLoads(tabId: number, isArticle = true, url = PAGE_URL): Promise<void> {
  expect(await send({ type: 'page/signals', signals: { isArticle, reasons: [] } }, webPage(tabId, url))).toEqual({ ok: true, value: null });
  await autoSavesSettled();
}

const titles = async () => {
  const list = await send({ type: 'corpus/search' });
  return list!.ok ? list!.value.articles.map((a: { title: string }) => a.title) : [];
};
const lastBadge = (tabId: number) => {
  const calls = vi.mocked(fakeBrowser.action.setBadgeText).mock.calls.filter(([d]) => d.tabId === tabId);
  return calls.at(-1)?.[0].text;
};
const lastTitle = (tabId: number) => {
  const calls = vi.mocked(fakeBrowser.action.setTitle).mock.calls.filter(([d]) => d.tabId === tabId);
  return calls.at(-1)?.[0].title;
};

let executeScript: FakeBackground['executeScript'];
let pageHtml: string;
let tabId: number;

beforeEach(async () => {
  pageHtml = seedPage;
  ({ tabId, executeScript } = await startBackground(() => pageHtml));
});

describe('settings through the protocol', () => {
  it('starts with auto-save off', async () => {
    expect(await send({ type: 'settings/get' })).toEqual({ ok: true, value: { autoSaveSites: [] } });
  });

  it('stores the sites normalised, without duplicates, and gives them back', async () => {
    const set = await send({ type: 'settings/set', settings: { autoSaveSites: ['https://www.LeMonde.fr/international/', 'lemonde.fr', '127.0.0.1:8317'] } });
    expect(set).toEqual({ ok: true, value: { autoSaveSites: ['lemonde.fr', '127.0.0.1'] } });
    expect(await send({ type: 'settings/get' })).toEqual({ ok: true, value: { autoSaveSites: ['lemonde.fr', '127.0.0.1'] } });
  });

  it.each([
    ['a public suffix', ['lemonde.fr', 'co.uk'], 'The settings were not changed: “co.uk” is not the name of a web site, such as lemonde.fr.'],
    ['a browser page', ['chrome://settings'], 'The settings were not changed: “chrome://settings” is not the name of a web site, such as lemonde.fr.'],
    ['201 sites', Array.from({ length: 201 }, (_, i) => `site${i}.fr`), 'The settings were not changed: Recoupe saves automatically on up to 200 sites.'],
  ])('refuses %s in words and keeps the stored list', async (_name, sites, error) => {
    await send({ type: 'settings/set', settings: { autoSaveSites: ['rt.com'] } });
    expect(await send({ type: 'settings/set', settings: { autoSaveSites: sites } })).toEqual({ ok: false, error });
    expect(await send({ type: 'settings/get' })).toEqual({ ok: true, value: { autoSaveSites: ['rt.com'] } });
  });

  it.each([
    ['a change sent by a web page', { type: 'settings/set', settings: { autoSaveSites: ['example.org'] } }, 'page'],
    ['a read sent by a web page', { type: 'settings/get' }, 'page'],
    ['a list that is not an array', { type: 'settings/set', settings: { autoSaveSites: 'example.org' } }, 'extension'],
    ['a site that is not a string', { type: 'settings/set', settings: { autoSaveSites: [7] } }, 'extension'],
    ['a list far too long', { type: 'settings/set', settings: { autoSaveSites: Array(401).fill('example.org') } }, 'extension'],
    ['no settings at all', { type: 'settings/set' }, 'extension'],
  ])('ignores %s', async (_name, message, from) => {
    expect(await send(message, from === 'page' ? webPage(tabId) : extensionPage())).toBeUndefined();
    expect(await send({ type: 'settings/get' })).toEqual({ ok: true, value: { autoSaveSites: [] } });
  });
});

describe('auto-save', () => {
  it('is off by default: an article page is neither extracted nor saved', async () => {
    await pageLoads(tabId);
    expect(executeScript).not.toHaveBeenCalled();
    expect(await titles()).toEqual([]);
    expect(lastBadge(tabId)).toBe('•');
  });

  it('saves an article of a chosen site (a sub-domain of it) with no click, and says so on the badge', async () => {
    await send({ type: 'settings/set', settings: { autoSaveSites: ['example.org'] } });
    await pageLoads(tabId);
    expect(await titles()).toEqual([SEED_TITLE]);
    expect(lastBadge(tabId)).toBe('✓');
    expect(lastTitle(tabId)).toBe(`Recoupe: Saved automatically “${SEED_TITLE}”`);
  });

  it('updates the stored copy, rather than adding one, when the page is opened again', async () => {
    await send({ type: 'settings/set', settings: { autoSaveSites: ['example.org'] } });
    await pageLoads(tabId);
    await pageLoads(tabId);
    expect(await titles()).toEqual([SEED_TITLE]);
    expect(lastTitle(tabId)).toBe(`Recoupe: Updated automatically “${SEED_TITLE}”`);
  });

  it('saves once when the same page load signals twice', async () => {
    await send({ type: 'settings/set', settings: { autoSaveSites: ['example.org'] } });
    await send({ type: 'page/signals', signals: { isArticle: true, reasons: [] } }, webPage(tabId));
    await send({ type: 'page/signals', signals: { isArticle: true, reasons: [] } }, webPage(tabId));
    await autoSavesSettled();
    expect(executeScript).toHaveBeenCalledTimes(1);
    expect(await titles()).toEqual([SEED_TITLE]);
  });

  it.each([
    ['a site not on the list', ['lemonde.fr'], true],
    ['a page the content script does not take for an article', ['example.org'], false],
  ])('leaves alone %s, without extracting it', async (_name, sites, isArticle) => {
    await send({ type: 'settings/set', settings: { autoSaveSites: sites } });
    await pageLoads(tabId, isArticle);
    expect(executeScript).not.toHaveBeenCalled();
    expect(await titles()).toEqual([]);
  });

  it('does not save a page the extraction finds is not an article (a section front claiming to be one)', async () => {
    await send({ type: 'settings/set', settings: { autoSaveSites: ['example.org'] } });
    pageHtml = sectionFront;
    await pageLoads(tabId);
    expect(executeScript).toHaveBeenCalledTimes(1);
    expect(await titles()).toEqual([]);
    expect(lastBadge(tabId)).toBe('•');
  });

  it.each([
    ['too large', { ok: false, reason: 'too-large', message: 'It has 200,000 elements.' }, 'Recoupe: not saved automatically. It has 200,000 elements.'],
    ['empty', { ok: false, reason: 'empty', message: 'There is no text on this page to compare or save.' }, 'Recoupe: not saved automatically. There is no text on this page to compare or save.'],
  ])('skips a page that is %s, and the button’s title says why', async (_name, reply, title) => {
    await send({ type: 'settings/set', settings: { autoSaveSites: ['example.org'] } });
    executeScript.mockResolvedValueOnce([{ result: reply }]);
    await pageLoads(tabId);
    expect(await titles()).toEqual([]);
    expect(lastBadge(tabId)).toBe('•');
    expect(lastTitle(tabId)).toBe(title);
  });

  it('never reads a page that is not a web page, whatever it claims', async () => {
    await send({ type: 'settings/set', settings: { autoSaveSites: ['example.org'] } });
    const url = 'view-source:https://news.example.org/2016/07/poutine-obama.html';
    const tab = await fakeBrowser.tabs.create({ url });
    await pageLoads(tab.id!, true, url);
    expect(executeScript).not.toHaveBeenCalled();
    expect(await titles()).toEqual([]);
  });

  it('on a full disk, says on the badge that the page was not saved, and loses nothing stored', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    await send({ type: 'settings/set', settings: { autoSaveSites: ['example.org'] } });
    const before = (await titles()).sort();
    const fullDisk = refuseFirstArticlesWrite();
    await pageLoads(tabId);
    expect(fullDisk.restore()).toBe(true);
    expect(lastBadge(tabId)).toBe('!');
    expect(lastTitle(tabId)).toBe("Recoupe: not saved. The browser has no room left for the corpus (the disk or the browser's storage is full): this change was not stored, and nothing stored was lost. Free disk space or delete saved articles, then try again.");
    expect((await titles()).sort()).toEqual(before);
    expect(before).toHaveLength(5);
  });
});

describe('in a French browser', () => {
  it('refuses a site and confirms an auto-save in French', async () => {
    installMessages('fr');
    expect(await send({ type: 'settings/set', settings: { autoSaveSites: ['co.uk'] } })).toEqual({
      ok: false,
      error: "Les réglages n'ont pas été modifiés : « co.uk » n'est pas le nom d'un site web, comme lemonde.fr.",
    });
    await send({ type: 'settings/set', settings: { autoSaveSites: ['example.org'] } });
    await pageLoads(tabId);
    expect(lastTitle(tabId)).toBe(`Recoupe : « ${SEED_TITLE} » enregistré automatiquement`);
  });
});
