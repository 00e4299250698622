/**
 * The feeds the reader follows and the bounds they set on what following stores. Feeds live in
 * the corpus database (`feeds` table, schema 3), their settings in its `meta` table; read and
 * written only by the background.
 */
import type { CorpusDb } from './corpus-db';
import { getMeta, setMeta } from './corpus';
import type { StoredArticle } from './article-record';

/** One followed feed and what its last polls did (the options page says it in words). */
export interface FollowedFeed {
  id: number;
  /** The feed's address (http(s)); unique. */
  url: string;
  /** The outlet's name as its feed gives it, or null until first read. */
  title: string | null;
  /** The outlet's site, as the feed declares it: item pages are fetched only on this site or the feed's own. */
  siteUrl: string | null;
  /** ISO 8601. */
  followedAt: string;
  /** Validators of the last answer, sent back for a conditional request (RFC 9110 §13.1). */
  etag: string | null;
  lastModified: string | null;
  /** ISO 8601 of the last attempt, and of the last that read the feed (or heard it had not changed). */
  lastFetchedAt: string | null;
  lastSuccessAt: string | null;
  /** Articles stored by the last successful poll, and since following. */
  lastAdded: number;
  totalAdded: number;
  /** Items of the last poll kept with the feed's own text, because their page gave no article. */
  lastFeedText: number;
  /** What went wrong at the last attempt, in the reader's words; null when it went well. */
  lastError: string | null;
  /** Attempts failed in a row; each doubles the wait before the next (back-off). */
  failures: number;
  /** ISO 8601: not polled before this (back-off after errors); null: at the next poll. */
  retryAfter: string | null;
  /** Item addresses of the feed already handled (stored, or given up: no article and no feed text), not fetched again; the feed's current items only. */
  seen: string[];
}

export interface FeedSettings {
  /** Minutes between polls. */
  intervalMinutes: number;
  /** The one switch: no polling at all while true. */
  paused: boolean;
  /** Followed articles older than this many days are removed (the reader's saves never are). */
  retentionDays: number;
  /** Followed articles kept per feed, and in all (the newest kept). */
  perFeedLimit: number;
  totalLimit: number;
}

export const DEFAULT_FEED_SETTINGS: FeedSettings = { intervalMinutes: 30, paused: false, retentionDays: 30, perFeedLimit: 100, totalLimit: 2000 };
/** The bounds the options page offers, and the background enforces. */
export const FEED_SETTING_BOUNDS: { [K in Exclude<keyof FeedSettings, 'paused'>]: [number, number] } = {
  intervalMinutes: [5, 24 * 60],
  retentionDays: [1, 365],
  perFeedLimit: [1, 500],
  totalLimit: [10, 20_000],
};
/** More feeds than anyone reads; keeps a poll bounded. */
export const MAX_FEEDS = 200;

const FEED_SETTINGS_KEY = 'feed-settings';

export function checkFeedSettings(value: FeedSettings): FeedSettings | null {
  for (const [key, [min, max]] of Object.entries(FEED_SETTING_BOUNDS)) {
    const v = value[key as keyof typeof FEED_SETTING_BOUNDS];
    if (!Number.isSafeInteger(v) || v < min || v > max) return null;
  }
  return { intervalMinutes: value.intervalMinutes, paused: value.paused === true, retentionDays: value.retentionDays, perFeedLimit: value.perFeedLimit, totalLimit: value.totalLimit };
}

export async function getFeedSettings(db: CorpusDb): Promise<FeedSettings> {
  const stored = await getMeta<FeedSettings>(db, FEED_SETTINGS_KEY);
  return (stored && checkFeedSettings({ ...DEFAULT_FEED_SETTINGS, ...stored })) ?? DEFAULT_FEED_SETTINGS;
}

export const setFeedSettings = (db: CorpusDb, settings: FeedSettings) => setMeta(db, FEED_SETTINGS_KEY, settings);

export function newFeed(url: string, title: string | null, now: Date): Omit<FollowedFeed, 'id'> {
  return {
    url, title, siteUrl: null, followedAt: now.toISOString(), etag: null, lastModified: null, lastFetchedAt: null, lastSuccessAt: null,
    lastAdded: 0, totalAdded: 0, lastFeedText: 0, lastError: null, failures: 0, retryAfter: null, seen: [],
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The followed articles to remove under the reader's bounds: older than the retention, then the
 * oldest beyond the limit of their feed, then the oldest beyond the limit in all. Only articles a
 * feed brought here (origin `followed` with its feed): one the reader saved (its origin is then
 * `page`) or imported (even from an export where it was followed) is never chosen.
 */
export function followedToRemove(articles: Pick<StoredArticle, 'id' | 'origin' | 'savedAt' | 'followed'>[], settings: FeedSettings, now: Date): number[] {
  const cutoff = now.getTime() - settings.retentionDays * DAY_MS;
  const newestFirst = articles.filter((a) => a.origin === 'followed' && a.followed).sort((a, b) => b.savedAt.localeCompare(a.savedAt) || b.id - a.id);
  const remove = new Set<number>();
  const perFeed = new Map<number | undefined, number>();
  let kept = 0;
  for (const a of newestFirst) {
    const inFeed = (perFeed.get(a.followed?.feedId) ?? 0) + 1;
    perFeed.set(a.followed?.feedId, inFeed);
    const time = Date.parse(a.savedAt);
    if ((Number.isFinite(time) && time < cutoff) || inFeed > settings.perFeedLimit || kept >= settings.totalLimit) remove.add(a.id);
    else kept++;
  }
  return [...remove];
}

/** What one poll did. */
export interface PollReport {
  /** Feeds read (others waited for their back-off). */
  polled: number;
  added: number;
  removed: number;
}
