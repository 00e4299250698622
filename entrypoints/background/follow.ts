/**
 * Following outlets: polls the followed feeds, fetches each new item's page from its outlet,
 * extracts it as a visited page is extracted, and stores it with origin `followed`; then applies
 * the reader's bounds (retention, limits). Requests go only to the followed feeds and to pages on
 * their own sites, without cookies; nothing else is contacted.
 */
import { siteOf } from '../../extension/storage/identity';
import { outletPatterns } from '../../extension/site-patterns';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import type { CorpusDb } from '../../extension/storage/corpus-db';
import { bumpCorpusVersion, corpusTables, deleteArticles, findExisting } from '../../extension/storage/corpus';
import { toNewArticle, type NewArticle, type StoredArticle } from '../../extension/storage/article-record';
import { featuresOf, withFeatures } from '../../extension/storage/analysis';
import { followedToRemove, getFeedSettings, MAX_FEEDS, newFeed, type FeedSettings, type FollowedFeed, type PollReport } from '../../extension/storage/feeds';
import { webAddress, MAX_FEED_CHARS, type FeedItem, type FeedProblem } from '../../lib/feeds';
import { extractFromText } from '../../lib/extract';
import type { DomReader } from './dom-reader';
export { domReader, type DomReader } from './dom-reader';
import type { ExtractedArticle } from '../../lib/extract/types';
import type { StoryIndex } from './story-index';

export interface FollowDeps {
  db: CorpusDb;
  stories: StoryIndex;
  dom: DomReader;
  fetch: typeof fetch;
  announceCorpusChange: () => void;
  now?: () => Date;
}

/** An outlet that has not answered by then is given up for this poll. */
const TIMEOUT_MS = 20_000;
/** The longest wait after repeated errors. */
const MAX_BACKOFF_MS = 24 * 60 * 60 * 1000;
/** The most bytes read of one answer: a feed or page of MAX_FEED_CHARS characters, each up to 4 bytes in UTF-8. */
const MAX_BODY_BYTES = MAX_FEED_CHARS * 4;
/** A page longer than this is no article (the extraction of a visited page stops near it too). */
export const MAX_PAGE_CHARS = 5_000_000;
/** Fewer words than this in the extracted page: no article there (a paywall, a consent wall). */
export const MIN_ARTICLE_WORDS = 80;

/** A failure the reader can act on, already in their words. */
class FeedError extends Error {}

const PROBLEM_KEYS = { malformed: 'feeds.problem.malformed', html: 'feeds.problem.html', 'not-a-feed': 'feeds.problem.notAFeed' } as const;
const problemText = (problem: FeedProblem) =>
  problem === 'too-large' ? i18n.t('feeds.problem.tooLarge', [String(MAX_FEED_CHARS / 1_000_000)]) : i18n.t(PROBLEM_KEYS[problem]);

/** GET without cookies, bounded in time and size; a redirect to another site is refused unless `anySite` (a page the reader listed). */
export async function fetchText(deps: Pick<FollowDeps, 'fetch'>, url: string, headers: Record<string, string> = {}, anySite = false): Promise<{ status: number; text: string; headers: Headers; url: string }> {
  let response: Response;
  try {
    response = await deps.fetch(url, { credentials: 'omit', cache: 'no-store', redirect: 'follow', headers, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    const name = (error as Error)?.name;
    throw new FeedError(name === 'TimeoutError' || name === 'AbortError' ? i18n.t('feeds.error.timeout', [String(TIMEOUT_MS / 1000)]) : i18n.t('feeds.error.network'));
  }
  if (!anySite && response.url && siteOf(response.url) !== siteOf(url)) throw new FeedError(i18n.t('feeds.error.redirected', [siteOf(response.url) ?? '?']));
  if (response.status === 304) return { status: 304, text: '', headers: response.headers, url: response.url || url };
  if (!response.ok) throw new FeedError(i18n.t('feeds.error.http', [String(response.status)]));
  return { status: response.status, text: await boundedText(response), headers: response.headers, url: response.url || url };
}

/** The body as UTF-8 text (as `Response.text()` reads it), given up past MAX_BODY_BYTES whatever the server declared. */
async function boundedText(response: Response): Promise<string> {
  if (Number(response.headers.get('content-length')) > MAX_BODY_BYTES) throw new FeedError(problemText('too-large'));
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let bytes = 0;
  let text = '';
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    bytes += chunk.value.byteLength;
    if (bytes > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new FeedError(problemText('too-large'));
    }
    text += decoder.decode(chunk.value, { stream: true });
  }
  return text + decoder.decode();
}

/** Finds the feed at an address: the address itself when it is a feed, else the first feed its page declares. */
export async function findFeed(deps: FollowDeps, address: string): Promise<{ url: string; title: string | null }> {
  const url = webAddress(address, 'http://invalid/');
  if (!url || !/^https?:\/\//i.test(address.trim())) throw new FeedError(i18n.t('feeds.error.notWeb'));
  const { text } = await fetchText(deps, url);
  const parsed = await deps.dom.feed(text, url);
  if (parsed.ok) return { url, title: parsed.feed.title };
  if (parsed.problem === 'html') {
    for (const declared of (await deps.dom.declared(text, url)).filter((d) => siteOf(d.url) === siteOf(url))) {
      const feedText = await fetchText(deps, declared.url).catch(() => null);
      const feed = feedText && (await deps.dom.feed(feedText.text, declared.url));
      if (feed?.ok) return { url: declared.url, title: feed.feed.title ?? declared.title };
    }
    throw new FeedError(i18n.t('feeds.error.noFeedOnPage'));
  }
  throw new FeedError(problemText(parsed.problem));
}

/** Stores a feed to follow (the first poll reads it). */
export async function follow(deps: FollowDeps, feed: { url: string; title: string | null }): Promise<FollowedFeed> {
  const existing = await deps.db.feeds.where('url').equals(feed.url).first();
  if (existing) return existing;
  if ((await deps.db.feeds.count()) >= MAX_FEEDS) throw new FeedError(i18n.t('feeds.error.tooMany', [String(MAX_FEEDS)]));
  const record = newFeed(feed.url, feed.title, (deps.now ?? (() => new Date()))());
  const id = await deps.db.feeds.add(record as FollowedFeed);
  return { ...record, id };
}

/** Adds a record unless the corpus holds it already (the reader's own copy is never replaced by a followed one). */
export function addIfAbsent(db: CorpusDb, record: NewArticle): Promise<number | null> {
  return db.transaction('rw', corpusTables(db), async () => {
    if (await findExisting(db, record)) return null;
    const id = await db.articles.add(record as StoredArticle);
    await bumpCorpusVersion(db);
    return id;
  });
}

/** The article of an item: its page's, or where the page yields none, the feed's own text (null when there is none either). */
async function readItem(deps: FollowDeps, item: FeedItem): Promise<{ article: ExtractedArticle; text: 'page' | 'feed' } | null> {
  const page = await fetchText(deps, item.url).catch(() => null);
  if (page && page.text.length <= MAX_PAGE_CHARS) {
    const article = await deps.dom.page(page.text, item.url);
    if (article.isArticle && article.text.split(/\s+/).length >= MIN_ARTICLE_WORDS) {
      return { article: { ...article, publishedTime: article.publishedTime ?? item.publishedTime, title: article.title ?? item.title }, text: 'page' };
    }
  }
  if (!item.text.trim()) return null;
  const fromFeed = extractFromText(item.text, { url: item.url });
  return { article: { ...fromFeed, title: item.title, publishedTime: item.publishedTime, text: fromFeed.text || item.text }, text: 'feed' };
}

/** One poll of one feed: the feed record as it is after it. */
async function pollFeed(deps: FollowDeps, feed: FollowedFeed, settings: FeedSettings, now: Date): Promise<{ feed: FollowedFeed; added: number[] }> {
  const at = now.toISOString();
  const headers: Record<string, string> = {};
  if (feed.etag) headers['If-None-Match'] = feed.etag;
  if (feed.lastModified) headers['If-Modified-Since'] = feed.lastModified;
  const added: number[] = [];
  try {
    // The reader may have withdrawn the site's access since following it: the fetch would fail as a bare network error.
    if (!(await browser.permissions.contains({ origins: outletPatterns([feed.url]) }))) throw new FeedError(i18n.t('feeds.error.noAccess', [siteOf(feed.url) ?? feed.url]));
    const answer = await fetchText(deps, feed.url, headers);
    const validators = { etag: answer.headers.get('etag') ?? feed.etag, lastModified: answer.headers.get('last-modified') ?? feed.lastModified };
    if (answer.status === 304) {
      return { feed: { ...feed, ...validators, lastFetchedAt: at, lastSuccessAt: at, lastAdded: 0, lastFeedText: 0, lastError: null, failures: 0, retryAfter: null }, added };
    }
    const parsed = await deps.dom.feed(answer.text, feed.url);
    if (!parsed.ok) throw new FeedError(problemText(parsed.problem));
    // Item pages are fetched only from the outlet: the feed's own site or the site it declares.
    const sites = new Set([siteOf(feed.url), parsed.feed.siteUrl && siteOf(parsed.feed.siteUrl)].filter(Boolean));
    let feedText = 0;
    let fetched = 0;
    const seen = new Set(feed.seen ?? []);
    const handled: string[] = [];
    for (const item of parsed.feed.items) {
      if (seen.has(item.url)) {
        handled.push(item.url);
        continue;
      }
      if (!sites.has(siteOf(item.url))) continue;
      if (await findExisting(deps.db, { url: item.url, canonicalUrl: null })) {
        handled.push(item.url);
        continue;
      }
      // At most the per-feed limit of pages fetched in one poll; the rest wait for the next.
      if (fetched >= settings.perFeedLimit) continue;
      fetched++;
      const read = await readItem(deps, item);
      handled.push(item.url);
      if (!read) continue;
      const record = withFeatures({ ...toNewArticle(read.article, item.url, 'followed', now), followed: { feedId: feed.id, text: read.text } });
      const id = await deps.stories.change(async () => {
        const stored = await addIfAbsent(deps.db, record);
        if (stored !== null) await deps.stories.add(stored, featuresOf(record));
        return stored;
      });
      if (id === null) continue;
      added.push(id);
      if (read.text === 'feed') feedText++;
    }
    return {
      feed: {
        ...feed, ...validators, title: feed.title ?? parsed.feed.title, siteUrl: parsed.feed.siteUrl ?? feed.siteUrl,
        lastFetchedAt: at, lastSuccessAt: at, lastAdded: added.length, totalAdded: feed.totalAdded + added.length, lastFeedText: feedText,
        lastError: null, failures: 0, retryAfter: null, seen: handled,
      },
      added,
    };
  } catch (error) {
    const failures = feed.failures + 1;
    const wait = Math.min(settings.intervalMinutes * 60_000 * 2 ** failures, MAX_BACKOFF_MS);
    const message = error instanceof FeedError ? error.message : i18n.t('feeds.error.other', [String((error as Error)?.message ?? error).slice(0, 200)]);
    return { feed: { ...feed, lastFetchedAt: at, lastError: message, failures, retryAfter: new Date(now.getTime() + wait).toISOString(), lastAdded: added.length, totalAdded: feed.totalAdded + added.length }, added };
  }
}

/** Removes the followed articles beyond the reader's bounds; returns how many. */
export async function applyBounds(deps: FollowDeps, settings: FeedSettings, now: Date): Promise<number> {
  const followed = await deps.db.articles.where('origin').equals('followed').toArray();
  const remove = followedToRemove(followed, settings, now);
  if (remove.length === 0) return 0;
  await deps.stories.change(async () => {
    await deleteArticles(deps.db, remove);
    await deps.stories.remove(remove);
  });
  return remove.length;
}

/**
 * Polls every followed feed due (`force`: those waiting after errors too), one at a time (one
 * outlet contacted at once), then applies the bounds. Paused: nothing is contacted, even when asked.
 */
export async function pollFeeds(deps: FollowDeps, force = false): Promise<PollReport> {
  const now = (deps.now ?? (() => new Date()))();
  const settings = await getFeedSettings(deps.db);
  if (settings.paused) return { polled: 0, added: 0, removed: 0 };
  let polled = 0;
  let added = 0;
  for (const feed of await deps.db.feeds.toArray()) {
    if (!force && feed.retryAfter && Date.parse(feed.retryAfter) > now.getTime()) continue;
    const result = await pollFeed(deps, feed, settings, now);
    // The reader may have unfollowed it meanwhile: then its record stays gone.
    await deps.db.transaction('rw', deps.db.feeds, async () => {
      if (await deps.db.feeds.get(feed.id)) await deps.db.feeds.put(result.feed);
    });
    polled++;
    added += result.added.length;
    if (result.added.length > 0) deps.announceCorpusChange();
  }
  const removed = await applyBounds(deps, settings, now);
  if (removed > 0) deps.announceCorpusChange();
  return { polled, added, removed };
}
