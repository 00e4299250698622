/**
 * Following outlets, in the background started in the fake browser, with a fake network: the
 * feeds and article pages of outlets answer from a table, and every request is recorded. What is
 * checked is what the reader sees: articles in the corpus with origin `followed`, each feed's
 * status in words, and which servers were contacted.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JSDOM } from 'jsdom';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PAGE_URL, send, startBackground, type FakeBackground } from '../support/fake-background';
import { installMessages } from '../support/browser-messages';
import { CorpusDb } from '../../extension/storage/corpus-db';
import type { StoredArticle } from '../../extension/storage/article-record';
import { POLL_ALARM } from '../../entrypoints/background/feed-handlers';

type Answer = { status?: number; body?: string; headers?: Record<string, string>; redirectedTo?: string } | 'timeout' | 'offline';
let routes: Record<string, (request: { headers: Headers }) => Answer>;
let requests: { url: string; credentials: RequestCredentials | undefined; headers: Headers }[];

const fakeFetch = vi.fn(async (input: string | URL, init: RequestInit = {}) => {
  const url = String(input);
  const headers = new Headers(init.headers);
  requests.push({ url, credentials: init.credentials, headers });
  const answer = routes[url]?.({ headers }) ?? { status: 404, body: 'Not found' };
  if (answer === 'timeout') throw new DOMException('The operation timed out.', 'TimeoutError');
  if (answer === 'offline') throw new TypeError('Failed to fetch');
  const response = new Response(answer.status === 304 ? null : answer.body ?? '', { status: answer.status ?? 200, headers: answer.headers });
  Object.defineProperty(response, 'url', { value: answer.redirectedTo ?? url });
  return response;
});

/** Five distinct paragraphs of running prose (about 170 words): an article by the extraction's measure. */
const PROSE = [
  "Le conseil municipal a voté mardi soir, après un long débat, le budget de la ville pour l'année prochaine.",
  "Les élus de l'opposition ont dénoncé une hausse des impôts locaux que la majorité juge nécessaire pour financer les écoles et les crèches du quartier nord.",
  "Selon l'adjoint chargé des finances, la dette de la commune reste maîtrisée malgré la hausse du prix de l'énergie, qui pèse sur les bâtiments publics depuis deux hivers.",
  "Plusieurs associations de parents, venues assister à la séance, ont salué l'ouverture prévue de deux classes supplémentaires dès la rentrée de septembre.",
  "Le maire a promis une réunion publique en janvier pour présenter le détail des travaux, dont la rénovation du gymnase et l'agrandissement de la médiathèque municipale.",
];
const articlePage = (title: string, lang = 'fr') => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title>
  <meta property="og:type" content="article"><meta property="article:published_time" content="2026-12-01T08:00:00Z"></head>
  <body><article><h1>${title}</h1>${PROSE.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;

const rss = (items: { link: string; title: string; description?: string }[], site = 'https://outlet.example/') => `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Le Quotidien</title><link>${site}</link>
${items.map((i) => `<item><title>${i.title}</title><link>${i.link}</link><description>${i.description ?? ''}</description></item>`).join('\n')}
</channel></rss>`;

const FEED = 'https://outlet.example/rss.xml';
/** The background's corpus database, opened beside it for the checks (closed after each test). */
let corpusDb: CorpusDb;
const db = () => corpusDb;
const followedArticles = async () => (await db().articles.toArray()).filter((a) => a.origin === 'followed');
/** The reply's value of a request that must succeed. */
const value = async (message: object) => {
  const reply = await send(message);
  if (!reply?.ok) throw new Error(`${JSON.stringify(message)} failed: ${reply?.error}`);
  return reply.value;
};
const feedStatus = async () => (await value({ type: 'feeds/list' })).feeds[0];
const alarmFires = () => fakeBrowser.alarms.onAlarm.trigger({ name: POLL_ALARM, scheduledTime: Date.now(), persistAcrossSessions: false } as never);

let background: FakeBackground;
beforeEach(async () => {
  routes = {};
  requests = [];
  vi.stubGlobal('DOMParser', new JSDOM('').window.DOMParser);
  vi.stubGlobal('fetch', fakeFetch);
  background = await startBackground();
  corpusDb = new CorpusDb();
});
afterEach(() => {
  corpusDb.close();
  vi.unstubAllGlobals();
});

async function followFeed(url = FEED) {
  return value({ type: 'feeds/follow', url });
}

describe('following a feed and polling it', () => {
  it('stores each new item’s page as a followed article, contacting only the outlet, without cookies', async () => {
    routes[FEED] = () => ({ body: rss([{ link: 'https://outlet.example/a', title: 'Budget voté' }, { link: 'https://www.outlet.example/b', title: 'Impôts' }]) });
    routes['https://outlet.example/a'] = () => ({ body: articlePage('Budget voté') });
    routes['https://www.outlet.example/b'] = () => ({ body: articlePage('Impôts locaux') });
    const feed = await followFeed();
    expect(feed).toMatchObject({ url: FEED, title: 'Le Quotidien', lastFetchedAt: null });

    expect(await send({ type: 'feeds/poll' })).toEqual({ ok: true, value: { polled: 1, added: 2, removed: 0 } });
    const stored = await followedArticles();
    expect(stored.map((a) => [a.url, a.title, a.followed])).toEqual([
      ['https://outlet.example/a', 'Budget voté', { feedId: feed.id, text: 'page' }],
      ['https://www.outlet.example/b', 'Impôts locaux', { feedId: feed.id, text: 'page' }],
    ]);
    expect(stored[0]!.text).toContain('Le conseil municipal a voté mardi soir');
    expect(await feedStatus()).toMatchObject({ lastAdded: 2, totalAdded: 2, lastFeedText: 0, lastError: null, failures: 0 });
    // The outlet's servers only, every time without cookies.
    expect(new Set(requests.map((r) => new URL(r.url).hostname))).toEqual(new Set(['outlet.example', 'www.outlet.example']));
    expect(requests.every((r) => r.credentials === 'omit')).toBe(true);
    // The corpus page lists them like any other article.
    const list = (await value({ type: 'corpus/search', query: '' })).articles;
    expect(list.map((a: StoredArticle) => a.origin)).toEqual(['followed', 'followed']);
  });

  it('asks again with the feed’s validators, and stores nothing when the feed has not changed (304)', async () => {
    routes[FEED] = ({ headers }) => headers.get('if-none-match') === '"v1"' && headers.get('if-modified-since') === 'Tue, 01 Dec 2026 08:00:00 GMT'
      ? { status: 304 }
      : { body: rss([{ link: 'https://outlet.example/a', title: 'A' }]), headers: { etag: '"v1"', 'last-modified': 'Tue, 01 Dec 2026 08:00:00 GMT' } };
    routes['https://outlet.example/a'] = () => ({ body: articlePage('A') });
    await followFeed();
    await send({ type: 'feeds/poll' });
    requests = [];
    expect(await send({ type: 'feeds/poll' })).toEqual({ ok: true, value: { polled: 1, added: 0, removed: 0 } });
    expect(requests.map((r) => r.url)).toEqual([FEED]);
    expect(await feedStatus()).toMatchObject({ etag: '"v1"', lastAdded: 0, totalAdded: 1, lastError: null });
  });

  it('keeps the feed’s own text when the page gives no article, and says so', async () => {
    routes[FEED] = () => ({ body: rss([{ link: 'https://outlet.example/paywalled', title: 'Réservé aux abonnés', description: '&lt;p&gt;Le résumé que le fil donne de l’article.&lt;/p&gt;' }]) });
    routes['https://outlet.example/paywalled'] = () => ({ body: '<!doctype html><html><body><p>Abonnez-vous pour lire la suite.</p></body></html>' });
    await followFeed();
    await send({ type: 'feeds/poll' });
    const [article] = await followedArticles();
    expect(article).toMatchObject({ url: 'https://outlet.example/paywalled', title: 'Réservé aux abonnés', followed: { text: 'feed' } });
    expect(article!.text).toBe('Le résumé que le fil donne de l’article.');
    expect(await feedStatus()).toMatchObject({ lastAdded: 1, lastFeedText: 1 });
  });

  it('fetches a page that gave nothing (no article, no feed text) once, not at every poll', async () => {
    routes[FEED] = () => ({ body: rss([{ link: 'https://outlet.example/empty', title: 'Vide' }]) });
    routes['https://outlet.example/empty'] = () => ({ body: '<!doctype html><html><body><p>Abonnez-vous.</p></body></html>' });
    await followFeed();
    await send({ type: 'feeds/poll' });
    await send({ type: 'feeds/poll' });
    expect(requests.filter((r) => r.url === 'https://outlet.example/empty')).toHaveLength(1);
    expect(await followedArticles()).toEqual([]);
  });

  it('reads no article from a page of more elements than a visited page may have, and keeps the feed’s text', async () => {
    routes[FEED] = () => ({ body: rss([{ link: 'https://outlet.example/huge', title: 'Énorme', description: 'Le résumé du fil.' }]) });
    routes['https://outlet.example/huge'] = () => ({ body: `<!doctype html><html><body><article>${PROSE.map((p) => `<p>${p}</p>`).join('')}${'<i></i>'.repeat(150_001)}</article></body></html>` });
    await followFeed();
    await send({ type: 'feeds/poll' });
    expect((await followedArticles()).map((a) => [a.url, a.text, a.followed?.text])).toEqual([['https://outlet.example/huge', 'Le résumé du fil.', 'feed']]);
  });

  it('fetches no page off the outlet’s site and stores no javascript: or data: item; the same URL in two feeds is stored once', async () => {
    const other = 'https://outlet.example/other.xml';
    routes[FEED] = () => ({ body: rss([
      { link: 'https://tracker.example/a', title: 'Ailleurs' },
      { link: 'javascript:alert(1)', title: 'Hostile' },
      { link: 'data:text/html,x', title: 'Data' },
      { link: 'https://outlet.example/a', title: 'A' },
    ]) });
    routes[other] = () => ({ body: rss([{ link: 'https://outlet.example/a', title: 'A again' }]) });
    routes['https://outlet.example/a'] = () => ({ body: articlePage('A') });
    await followFeed();
    await followFeed(other);
    expect(await send({ type: 'feeds/poll' })).toMatchObject({ value: { polled: 2, added: 1 } });
    expect((await followedArticles()).map((a) => a.url)).toEqual(['https://outlet.example/a']);
    expect(requests.some((r) => r.url.includes('tracker.example'))).toBe(false);
    expect(requests.filter((r) => r.url === 'https://outlet.example/a')).toHaveLength(1);
  });
});

describe('bad feeds get a message in words and store nothing', () => {
  it.each<[string, Answer, string]>([
    ['malformed XML', { body: '<rss><channel><item></channel>' }, 'The feed is not well-formed XML or JSON: nothing from it was stored.'],
    ['HTML served as a feed', { body: '<!doctype html><html><body>Accueil</body></html>' }, 'The address gives a web page, not a feed.'],
    ['a 20 MB feed', { body: `<rss><channel>${' '.repeat(20_000_000)}</channel></rss>` }, 'The feed is larger than 5 MB: it is not read.'],
    ['a server error', { status: 500 }, 'The outlet answered with error 500.'],
    ['a redirect to another site', { body: rss([]), redirectedTo: 'https://elsewhere.example/rss.xml' }, 'The outlet sent the request to another site (elsewhere.example): Recoupe does not follow it there.'],
    ['an outlet that times out', 'timeout', 'The outlet did not answer within 20 seconds.'],
    ['an outlet that cannot be reached', 'offline', 'The outlet could not be reached (network error).'],
  ])('%s', async (_name, answer, message) => {
    routes[FEED] = () => ({ body: rss([{ link: 'https://outlet.example/a', title: 'A' }]) });
    await followFeed();
    routes[FEED] = () => answer;
    await send({ type: 'feeds/poll' });
    expect(await feedStatus()).toMatchObject({ lastError: message, failures: 1, lastAdded: 0 });
    expect(await followedArticles()).toEqual([]);
  });

  it.each<['en' | 'fr', string]>([
    ['en', "Recoupe no longer has access to outlet.example, so nothing was fetched. To give it back, allow Recoupe on this site in your browser's extension settings (site access), or follow the outlet again and accept."],
    ['fr', "Recoupe n'a plus accès à outlet.example : rien n'a été lu. Pour le lui rendre, autorisez Recoupe sur ce site dans les réglages des extensions de votre navigateur (accès aux sites), ou suivez de nouveau le média et acceptez."],
  ])('a feed whose site access the reader withdrew is not fetched, and the status says how to give it back (%s)', async (lang, message) => {
    routes[FEED] = () => ({ body: rss([{ link: 'https://outlet.example/a', title: 'A' }]) });
    await followFeed();
    requests = [];
    installMessages(lang);
    const contains = vi.mocked(fakeBrowser.permissions.contains).mockImplementation(async ({ origins }) => !origins?.includes('*://*.outlet.example/*'));
    await send({ type: 'feeds/poll' });
    expect(contains).toHaveBeenCalledWith({ origins: ['*://*.outlet.example/*'] });
    expect(requests).toEqual([]);
    expect(await feedStatus()).toMatchObject({ lastError: message, failures: 1, lastAdded: 0 });
    expect(await followedArticles()).toEqual([]);
  });

  it('refuses to follow what is not a feed, saying why', async () => {
    routes['https://outlet.example/page'] = () => ({ body: '<!doctype html><html><head></head><body>Rien</body></html>' });
    expect(await send({ type: 'feeds/follow', url: 'https://outlet.example/page' })).toEqual({ ok: false, error: 'This page declares no news feed Recoupe can read.' });
    expect(await send({ type: 'feeds/follow', url: 'javascript:alert(1)' })).toEqual({ ok: false, error: 'Give an http or https address.' });
    expect((await value({ type: 'feeds/list' })).feeds).toEqual([]);
  });

  it('follows the feed a page declares', async () => {
    routes['https://outlet.example/'] = () => ({ body: '<!doctype html><html><head><link rel="alternate" type="application/rss+xml" href="/rss.xml"></head><body>Accueil</body></html>' });
    routes[FEED] = () => ({ body: rss([]) });
    expect(await followFeed('https://outlet.example/')).toMatchObject({ url: FEED, title: 'Le Quotidien' });
  });
});

describe('back-off after errors', () => {
  it('waits longer after each failure, and a success resets it', async () => {
    routes[FEED] = () => ({ body: rss([]) });
    await followFeed();
    routes[FEED] = () => ({ status: 503 });
    const before = Date.now();
    await send({ type: 'feeds/poll' });
    const first = await feedStatus();
    // Twice the 30-minute interval after one failure.
    expect(Date.parse(first.retryAfter) - before).toBeGreaterThanOrEqual(60 * 60_000 - 5_000);
    requests = [];
    // The scheduled poll leaves it alone until then.
    await alarmFires();
    await vi.waitFor(async () => expect((await feedStatus()).lastFetchedAt).toBe(first.lastFetchedAt));
    expect(requests).toEqual([]);
    await send({ type: 'feeds/poll' });
    const second = await feedStatus();
    expect(second.failures).toBe(2);
    expect(Date.parse(second.retryAfter) - Date.parse(second.lastFetchedAt)).toBe(2 * 60 * 60_000);
    routes[FEED] = () => ({ body: rss([]) });
    await send({ type: 'feeds/poll' });
    expect(await feedStatus()).toMatchObject({ failures: 0, retryAfter: null, lastError: null });
  });
});

describe('the reader’s bounds', () => {
  it('stores at most the per-feed limit in one poll', async () => {
    routes[FEED] = () => ({ body: rss(Array.from({ length: 5 }, (_, i) => ({ link: `https://outlet.example/${i}`, title: `T${i}` }))) });
    for (let i = 0; i < 5; i++) routes[`https://outlet.example/${i}`] = () => ({ body: articlePage(`T${i}`) });
    await followFeed();
    const settings = { intervalMinutes: 30, paused: false, retentionDays: 30, perFeedLimit: 2, totalLimit: 2000 };
    expect(await send({ type: 'feeds/set-settings', settings })).toEqual({ ok: true, value: settings });
    await send({ type: 'feeds/poll' });
    expect((await followedArticles()).map((a) => a.url)).toEqual(['https://outlet.example/0', 'https://outlet.example/1']);
  });

  it('removes followed articles past the retention, never the reader’s own', async () => {
    routes[FEED] = () => ({ body: rss([]) });
    await followFeed();
    const old = new Date(Date.now() - 31 * 24 * 60 * 60_000).toISOString();
    const record = (url: string, origin: StoredArticle['origin'], savedAt = old) => ({ url, canonicalUrl: null, title: url, byline: null, site: 'outlet.example', language: 'fr', publishedTime: null, savedAt, updatedAt: savedAt, text: 'Un texte.', paragraphs: [{ start: 0, end: 9 }], wordCount: 2, origin });
    await db().articles.bulkAdd([
      { ...record('https://outlet.example/old-followed', 'followed'), followed: { feedId: 1, text: 'page' } },
      { ...record('https://outlet.example/recent-followed', 'followed', new Date().toISOString()), followed: { feedId: 1, text: 'page' } },
      record('https://outlet.example/old-saved', 'page'),
      record('https://outlet.example/old-imported', 'import'),
      // Followed in another browser, then exported and imported here: the reader's import.
      record('https://outlet.example/old-imported-followed', 'followed'),
    ] as StoredArticle[]);
    expect(await send({ type: 'feeds/poll' })).toMatchObject({ value: { removed: 1 } });
    expect((await db().articles.toArray()).map((a) => a.url).sort()).toEqual([
      'https://outlet.example/old-imported', 'https://outlet.example/old-imported-followed', 'https://outlet.example/old-saved', 'https://outlet.example/recent-followed',
    ]);
  });

  it('refuses settings out of bounds, naming them', async () => {
    const reply = await send({ type: 'feeds/set-settings', settings: { intervalMinutes: 1, paused: false, retentionDays: 30, perFeedLimit: 100, totalLimit: 2000 } });
    expect(reply).toEqual({ ok: false, error: 'A value is out of bounds: intervalMinutes 5–1440.' });
  });
});

describe('the schedule', () => {
  it('polls every 30 minutes once a feed is followed, and not at all while paused', async () => {
    expect(await fakeBrowser.alarms.get(POLL_ALARM)).toBeUndefined();
    routes[FEED] = () => ({ body: rss([]) });
    await followFeed();
    expect(await fakeBrowser.alarms.get(POLL_ALARM)).toMatchObject({ periodInMinutes: 30 });
    await send({ type: 'feeds/set-settings', settings: { intervalMinutes: 60, paused: false, retentionDays: 30, perFeedLimit: 100, totalLimit: 2000 } });
    expect(await fakeBrowser.alarms.get(POLL_ALARM)).toMatchObject({ periodInMinutes: 60 });
    requests = [];
    await alarmFires();
    await vi.waitFor(() => expect(requests.map((r) => r.url)).toEqual([FEED]));
    await send({ type: 'feeds/set-settings', settings: { intervalMinutes: 60, paused: true, retentionDays: 30, perFeedLimit: 100, totalLimit: 2000 } });
    expect(await fakeBrowser.alarms.get(POLL_ALARM)).toBeUndefined();
    // Paused means nothing is fetched, even when asked.
    requests = [];
    expect(await value({ type: 'feeds/poll' })).toEqual({ polled: 0, added: 0, removed: 0 });
    expect(requests).toEqual([]);
  });
});

describe('the feeds a page declares (the panel’s “Follow” button)', () => {
  it('are read from the page’s links, checked, marked when followed, with the host access following needs (the site of the feed and page)', async () => {
    const links = [
      { rel: 'alternate', type: 'application/rss+xml', href: '/rss.xml', title: 'À la une' },
      { rel: 'alternate', type: 'application/rss+xml', href: 'javascript:alert(1)', title: null },
      { rel: 'stylesheet', type: 'text/css', href: '/style.css', title: null },
      'not a link', { rel: 42 },
    ];
    const pageSays = () => background.executeScript.mockImplementationOnce(async () => [{ result: links }]);
    pageSays();
    const origin = new URL(PAGE_URL).origin;
    expect(await value({ type: 'page/feeds', tabId: background.tabId })).toEqual([{ url: `${origin}/rss.xml`, title: 'À la une', followedId: null, access: ['*://*.example.org/*'] }]);
    routes[`${origin}/rss.xml`] = () => ({ body: rss([]) });
    const feed = await followFeed(`${origin}/rss.xml`);
    pageSays();
    expect(await value({ type: 'page/feeds', tabId: background.tabId })).toEqual([{ url: `${origin}/rss.xml`, title: 'À la une', followedId: feed.id, access: ['*://*.example.org/*'] }]);
  });

  it('are none when the page answers something else', async () => {
    background.executeScript.mockImplementationOnce(async () => [{ result: { ok: true } }]);
    expect(await value({ type: 'page/feeds', tabId: background.tabId })).toEqual([]);
  });
});

describe('importing a list of links (links/import)', () => {
  it('stores each page’s article with origin import, and says why each other address was left out', async () => {
    routes['https://a.example/article'] = () => ({ body: articlePage('Budget voté') });
    routes['https://short.example/x'] = () => ({ body: articlePage('Ailleurs'), redirectedTo: 'https://b.example/article' });
    routes['https://a.example/paywall'] = () => ({ body: '<!doctype html><html><body><p>Abonnez-vous pour lire la suite.</p></body></html>' });
    routes['https://a.example/gone'] = () => ({ status: 410 });
    const outcomes = await value({ type: 'links/import', urls: ['https://a.example/article', 'https://short.example/x', 'https://a.example/paywall', 'https://a.example/gone', 'https://a.example/article', 'javascript:alert(1)'] });
    expect(outcomes).toEqual([
      { url: 'https://a.example/article', added: true, title: 'Budget voté' },
      // A shortened link leads to the article on its own site: stored at the address read.
      { url: 'https://short.example/x', added: true, title: 'Ailleurs' },
      { url: 'https://a.example/paywall', added: false, reason: expect.stringMatching(/^The page gives no article \(\d+ words of article text\)/) },
      { url: 'https://a.example/gone', added: false, reason: 'The outlet answered with error 410.' },
      { url: 'https://a.example/article', added: false, reason: 'Already in your corpus.' },
      { url: 'javascript:alert(1)', added: false, reason: 'Give an http or https address.' },
    ]);
    expect((await db().articles.toArray()).map((a) => [a.url, a.origin])).toEqual([['https://a.example/article', 'import'], ['https://b.example/article', 'import']]);
    expect(requests.every((r) => r.credentials === 'omit')).toBe(true);
    expect(requests.some((r) => r.url.startsWith('javascript'))).toBe(false);
  });
});
