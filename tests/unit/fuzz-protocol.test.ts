/**
 * A web page cannot make the background obey. Every request type of the protocol is read from
 * `extension/protocol.ts` itself (so a new type is covered as soon as it is declared), sent with a
 * valid payload by an extension page (accepted: the payload is right) and by a web page's content
 * script (ignored unless the protocol declares it `from: 'page'`), and the corpus is checked
 * untouched. Then random and malformed payloads are thrown at every type: never a crash, never a
 * change to the corpus.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { seededRandom } from '../support/seeded-random';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseRequest } from '../../extension/protocol';
import { extensionPage, PAGE_URL, send, startBackground, webPage as webPageOf, type FakeBackground } from '../support/fake-background';

const protocolSource = readFileSync(new URL('../../extension/protocol.ts', import.meta.url), 'utf8');

/** The request types as `protocol.ts` declares them in `interface Requests`, with who may send each. */
const DECLARED: { type: string; from: 'page' | 'extension' }[] = (() => {
  const body = /export interface Requests \{([\s\S]*?)\n\}/.exec(protocolSource)?.[1] ?? '';
  return [...body.matchAll(/^\s*'([\w/-]+)':\s*\{[\s\S]*?from:\s*'(page|extension)'\s*\};/gm)].map((m) => ({ type: m[1]!, from: m[2] as 'page' | 'extension' }));
})();

let tabId: number;
/**
 * A valid payload for each request type. A type declared in the protocol without one here fails
 * the first test below: add its payload so that it is covered.
 */
const validPayload = (type: string): Record<string, unknown> | undefined => ({
  'page/signals': { signals: { isArticle: true, reasons: ['og:type=article'] } },
  'page/get-state': { tabId },
  'page/compare': { tabId },
  'page/framing': { tabId, articleId: 1 },
  'page/show': { tabId, highlight: [{ kind: 'quote', quote: { exact: 'Poutine', prefix: 'Vladimir', suffix: 'a appelé' } }], scrollTo: { exact: 'Poutine', prefix: '', suffix: '' } },
  'page/keep-apart': { tabId, articleId: 1, apart: true },
  'page/kept-apart': { tabId },
  'page/side-by-side': { tabId, articleId: 1 },
  'page/versions': { tabId },
  'corpus/save-tab': { tabId },
  'corpus/search': { query: 'poutine', sites: ['RT France'], languages: ['fr'], from: '2016-01-01', to: '2016-12-31', sort: 'published', direction: 'asc', limit: 50 },
  'corpus/stories': {},
  'corpus/storyline': { ids: [1, 2], expand: false, page: { id: null, title: 'Une page', site: null, publishedTime: '2016-07-07', firstSeen: '2026-12-02T00:00:00Z', sameAs: [1] } },
  'corpus/compare': { a: 1, b: 2 },
  'corpus/versions': { id: 1 },
  'corpus/version-changes': { id: 1, from: null, to: null },
  'corpus/get': { id: 1 },
  'corpus/delete': { ids: [1, 2, 3, 4, 5] },
  'corpus/load-samples': {},
  'corpus/export': { format: 'json' },
  'corpus/import': { fileName: 'x.json', text: '{}' },
  'corpus/import-part': { fileName: 'x.json', articles: [{ item: 'article 1', article: { url: 'https://a.org/x', text: 'Un texte.' } }] },
  'corpus/preparation': {},
  'corpus/index-words': {},
  'settings/get': {},
  'settings/set': { settings: { autoSaveSites: ['lemonde.fr'] } },
  // Not a web address: refused in words before anything is fetched (no network in unit tests).
  'page/feeds': { tabId },
  'links/import': { urls: ['lemonde.fr/article'] },
  'feeds/list': {},
  'feeds/follow': { url: 'lemonde.fr/rss' },
  'feeds/follow-list': { feeds: [{ url: 'ftp://outlet.example/rss.xml', title: 'Outlet' }] },
  'feeds/unfollow': { id: 1 },
  'feeds/poll': {},
  'feeds/set-settings': { settings: { intervalMinutes: 30, paused: true, retentionDays: 30, perFeedLimit: 100, totalLimit: 2000 } },
} as Record<string, Record<string, unknown>>)[type];

let executeScript: FakeBackground['executeScript'];
const webPage = () => webPageOf(tabId);
/** A page trying to pass for ours: an iframe of a web page naming an extension-like URL. */
const spoofingPage = () => ({ id: fakeBrowser.runtime.id, url: `${PAGE_URL}?${fakeBrowser.runtime.getURL('/sidepanel.html')}`, tab: { id: tabId } as never });

async function corpusFingerprint(): Promise<string> {
  const list = await send({ type: 'corpus/search', limit: 100_000 }, extensionPage());
  if (!list?.ok) throw new Error('corpus/search failed');
  return JSON.stringify(list.value.articles.map((a: { id: number; url: string; updatedAt: string }) => [a.id, a.url, a.updatedAt]));
}

beforeEach(async () => {
  ({ tabId, executeScript } = await startBackground());
  await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
});

describe('the protocol as declared', () => {
  it('has request types, each with a valid payload in this test', () => {
    expect(DECLARED.length).toBeGreaterThanOrEqual(9);
    expect(DECLARED.map((d) => d.type)).toContain('corpus/delete');
    for (const { type } of DECLARED) expect(validPayload(type), `add a valid payload for '${type}' to this test`).toBeDefined();
  });

  it('parseRequest agrees with the declared senders, for every type', () => {
    for (const { type, from } of DECLARED) {
      const message = { ...validPayload(type), type };
      expect(parseRequest(message, from), `${type} from ${from}`).not.toBeNull();
      expect(parseRequest(message, from === 'page' ? 'extension' : 'page'), `${type} from the other sender`).toBeNull();
    }
  });
});

describe('a web page sending each request type', () => {
  it.each(DECLARED.filter((d) => d.from === 'extension').map((d) => [d.type]))('%s from a web page is ignored, and the corpus is untouched', async (type) => {
    const before = await corpusFingerprint();
    const calls = executeScript.mock.calls.length;
    for (const sender of [webPage(), spoofingPage()]) {
      expect(await send({ ...validPayload(type), type }, sender)).toBeUndefined();
    }
    // Nothing happened on the page's behalf: no extraction injected, nothing stored or deleted.
    expect(executeScript.mock.calls.length).toBe(calls);
    expect(await corpusFingerprint()).toBe(before);
    expect(JSON.parse(before)).toHaveLength(5);
  });

  it.each(DECLARED.filter((d) => d.from === 'extension').map((d) => [d.type]))('%s from an extension page is answered (so the refusal above is the sender’s)', async (type) => {
    expect(await send({ ...validPayload(type), type }, extensionPage())).toMatchObject({ ok: expect.any(Boolean) });
  });

  it('the page’s own request (article signals) is the only one a page may make, and it changes no stored article', async () => {
    const pageTypes = DECLARED.filter((d) => d.from === 'page').map((d) => d.type);
    expect(pageTypes).toEqual(['page/signals']);
    const before = await corpusFingerprint();
    expect(await send({ ...validPayload('page/signals'), type: 'page/signals' }, webPage())).toEqual({ ok: true, value: null });
    expect(await corpusFingerprint()).toBe(before);
  });
});

const rng = seededRandom;

function randomValue(r: () => number, depth = 0): unknown {
  const pick = Math.floor(r() * 12);
  switch (pick) {
    case 0: return null;
    case 1: return undefined;
    case 2: return Math.floor(r() * 10) - 2;
    case 3: return [NaN, Infinity, -0, 1.5, 2 ** 60, -1][Math.floor(r() * 6)];
    case 4: return ['', 'x', '<script>alert(1)</script>', 'javascript:alert(1)', '__proto__', 'a'.repeat(200_001)][Math.floor(r() * 6)];
    case 5: return r() < 0.5;
    case 6: return depth > 2 ? [] : Array.from({ length: Math.floor(r() * 4) }, () => randomValue(r, depth + 1));
    case 7: return depth > 2 ? {} : Object.fromEntries(Array.from({ length: Math.floor(r() * 4) }, (_, i) => [['tabId', 'id', 'ids', 'query', 'signals', 'highlight', 'files', `k${i}`][Math.floor(r() * 8)]!, randomValue(r, depth + 1)]));
    case 8: return Array.from({ length: 600 }, (_, i) => i);
    case 9: return { isArticle: r() < 0.5, reasons: Array.from({ length: Math.floor(r() * 30) }, () => 'r'.repeat(Math.floor(r() * 300))) };
    case 10: return JSON.parse('{"__proto__": {"polluted": true}, "ids": [1]}');
    default: return 10n;
  }
}

describe('random and malformed payloads, for every type and both senders', () => {
  it('never throw, never change the corpus from a page, never pollute prototypes', async () => {
    const r = rng(9);
    const before = await corpusFingerprint();
    let sent = 0;
    let refused = 0;
    for (let round = 0; round < 40; round++) {
      for (const { type } of DECLARED) {
        const payload = randomValue(r);
        const message = r() < 0.8 && typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? { ...payload, type } : payload;
        const reply = await send(message, webPage());
        sent++;
        if (reply === undefined) refused++;
        else expect(type).toBe('page/signals');
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await corpusFingerprint()).toBe(before);
    console.log(`protocol fuzz: ${sent} random messages from a web page, ${refused} refused, corpus untouched`);
  });

  it('malformed payloads from an extension page are refused by shape, not by a crash', () => {
    const r = rng(17);
    for (let round = 0; round < 300; round++) {
      for (const { type, from } of DECLARED) {
        const payload = randomValue(r);
        const message = typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? { ...payload, type } : payload;
        expect(() => parseRequest(message, from)).not.toThrow();
      }
    }
    // Specific shapes that must be refused.
    const bad: [string, Record<string, unknown>][] = [
      ['corpus/delete', { ids: 'all' }], ['corpus/delete', { ids: [1.5] }], ['corpus/delete', { ids: [NaN] }],
      ['corpus/get', { id: '1' }], ['page/compare', {}], ['page/show', { tabId: 1, highlight: 'x' }],
      ['page/show', { tabId: 1, highlight: Array(501).fill('x') }], ['corpus/search', { query: 'q'.repeat(1001) }],
      ['page/show', { tabId: 1, scrollTo: 'Poutine' }], ['page/show', { tabId: 1, highlight: [{ kind: 'mark', quote: { exact: 'x', prefix: '', suffix: '' } }] }],
      ['page/show', { tabId: 1, scrollTo: { exact: 'x'.repeat(100_001), prefix: '', suffix: '' } }], ['page/show', { tabId: 1, scrollTo: { exact: 'x', prefix: 'p'.repeat(1001), suffix: '' } }],
      // A long text's ends (lib/anchor boundedQuote): the tail a string, the length and hash whole numbers.
      ['page/show', { tabId: 1, scrollTo: { exact: 'x', prefix: '', suffix: '', tail: 5, length: 10, hash: 1 } }],
      ['page/show', { tabId: 1, scrollTo: { exact: 'x', prefix: '', suffix: '', tail: 'y', length: -1, hash: 1 } }],
      ['page/show', { tabId: 1, scrollTo: { exact: 'x', prefix: '', suffix: '', tail: 'y', length: 10, hash: 0.5 } }],
    ];
    expect(parseRequest({ type: 'page/show', tabId: 1, scrollTo: { exact: 'x', prefix: '', suffix: '', tail: 'y', length: 10, hash: 1 } }, 'extension')).not.toBeNull();
    for (const [type, payload] of bad) expect(parseRequest({ ...payload, type }, 'extension'), `${type} ${JSON.stringify(payload)}`).toBeNull();
  });
});
