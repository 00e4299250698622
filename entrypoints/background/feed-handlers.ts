/**
 * The `feeds/*` requests, and the alarm that polls the followed feeds on the reader's schedule.
 */
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import type { Requests } from '../../extension/protocol';
import { checkFeedSettings, FEED_SETTING_BOUNDS, getFeedSettings, setFeedSettings, type PollReport } from '../../extension/storage/feeds';
import { webAddress } from '../../lib/feeds';
import { findFeed, follow, pollFeeds, type FollowDeps } from './follow';

export const POLL_ALARM = 'recoupe-follow';

/** One alarm, every `intervalMinutes`; none while paused or while no feed is followed. */
export async function schedulePolls(deps: FollowDeps): Promise<void> {
  const settings = await getFeedSettings(deps.db);
  if (settings.paused || (await deps.db.feeds.count()) === 0) {
    await browser.alarms.clear(POLL_ALARM);
    return;
  }
  const existing = await browser.alarms.get(POLL_ALARM);
  if (existing?.periodInMinutes === settings.intervalMinutes) return;
  await browser.alarms.create(POLL_ALARM, { delayInMinutes: 1, periodInMinutes: settings.intervalMinutes });
}

/** Polls, one poll at a time: an alarm that fires during a poll joins it; the reader's "fetch now" waits for it, then runs. */
export function poller(deps: FollowDeps): (force?: boolean) => Promise<PollReport> {
  let running: Promise<PollReport> | null = null;
  return async (force = false) => {
    if (running && !force) return running;
    while (running) await running.catch(() => {});
    running = pollFeeds(deps, force).finally(() => (running = null));
    return running;
  };
}

type FeedHandlers = { [K in Extract<keyof Requests, `feeds/${string}`>]: (req: { type: K } & Requests[K]['req']) => Promise<Requests[K]['res']> };

export function createFeedHandlers(deps: FollowDeps, poll: (force?: boolean) => Promise<PollReport>): FeedHandlers {
  return {
    'feeds/list': async () => ({ feeds: await deps.db.feeds.toArray(), settings: await getFeedSettings(deps.db) }),
    'feeds/follow': async (req) => {
      const feed = await follow(deps, await findFeed(deps, req.url));
      await schedulePolls(deps);
      return feed;
    },
    'feeds/follow-list': async (req) => {
      let followed = 0;
      const skipped: { item: string; reason: string }[] = [];
      for (const { url, title } of req.feeds) {
        const address = /^https?:\/\//i.test(url.trim()) ? webAddress(url, 'http://invalid/') : null;
        if (!address) {
          skipped.push({ item: url.slice(0, 300), reason: i18n.t('feeds.error.notWeb') });
          continue;
        }
        try {
          const before = await deps.db.feeds.count();
          await follow(deps, { url: address, title: title?.slice(0, 300) ?? null });
          if ((await deps.db.feeds.count()) > before) followed++;
          else skipped.push({ item: address, reason: i18n.t('feeds.alreadyFollowed', [address]) });
        } catch (error) {
          skipped.push({ item: address, reason: (error as Error).message });
        }
      }
      await schedulePolls(deps);
      return { followed, skipped };
    },
    'feeds/unfollow': async (req) => {
      await deps.db.feeds.delete(req.id);
      await schedulePolls(deps);
      return null;
    },
    'feeds/poll': async () => poll(true),
    'feeds/set-settings': async (req) => {
      const checked = checkFeedSettings(req.settings);
      if (!checked) {
        const out = Object.entries(FEED_SETTING_BOUNDS).filter(([k, [min, max]]) => {
          const v = req.settings[k as keyof typeof FEED_SETTING_BOUNDS];
          return !(v >= min && v <= max);
        });
        throw new Error(i18n.t('feeds.boundsInvalid', [out.map(([k, [min, max]]) => `${k} ${min}–${max}`).join(', ')]));
      }
      await setFeedSettings(deps.db, checked);
      await schedulePolls(deps);
      return checked;
    },
  };
}
