import { describe, expect, it } from 'vitest';
import { checkFeedSettings, DEFAULT_FEED_SETTINGS, followedToRemove } from '../feeds';

const NOW = new Date('2026-12-01T12:00:00Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString();
const followed = (id: number, feedId: number, age: number) => ({ id, origin: 'followed' as const, savedAt: daysAgo(age), followed: { feedId, text: 'page' as const } });

describe('followedToRemove', () => {
  const articles = [
    followed(1, 1, 0.1), followed(2, 1, 1.5), followed(3, 1, 2), followed(4, 2, 0.5), followed(5, 2, 40),
    { id: 6, origin: 'page' as const, savedAt: daysAgo(400) },
    { id: 7, origin: 'import' as const, savedAt: daysAgo(400) },
  ];
  it.each([
    ['the defaults: past 30 days only', DEFAULT_FEED_SETTINGS, [5]],
    ['two per feed: the oldest of feed 1 too', { ...DEFAULT_FEED_SETTINGS, perFeedLimit: 2 }, [3, 5]],
    ['three in all: the oldest beyond', { ...DEFAULT_FEED_SETTINGS, totalLimit: 3 }, [3, 5]],
    ['one day of retention', { ...DEFAULT_FEED_SETTINGS, retentionDays: 1 }, [2, 3, 5]],
  ])('%s', (_name, settings, removed) => {
    expect(followedToRemove(articles, settings, NOW).sort()).toEqual(removed);
  });
});

describe('checkFeedSettings', () => {
  it.each([
    [{ ...DEFAULT_FEED_SETTINGS }, true],
    [{ ...DEFAULT_FEED_SETTINGS, intervalMinutes: 4 }, false],
    [{ ...DEFAULT_FEED_SETTINGS, retentionDays: 1.5 }, false],
    [{ ...DEFAULT_FEED_SETTINGS, totalLimit: 20_001 }, false],
  ])('%o is accepted: %s', (settings, ok) => {
    expect(checkFeedSettings(settings) !== null).toBe(ok);
  });
});
