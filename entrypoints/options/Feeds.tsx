/**
 * The options page's section on following outlets: follow a feed (pasted, suggested, or from an
 * OPML file), each followed feed's status in words, the schedule and limits, OPML export.
 */
import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { MAX_FEED_ADDRESS_CHARS, MAX_FEED_LIST, request, type FeedsState } from '../../extension/protocol';
import { FEED_SETTING_BOUNDS, type FeedSettings, type FollowedFeed } from '../../extension/storage/feeds';
import { parseOpml, toOpml, STARTER_FEEDS } from '../../lib/feeds';
import { localNumber, uiLanguage } from '../../extension/ui/format';
import { askOutletAccess } from '../../extension/ui/outlet-access';
import { outletPatterns } from '../../extension/site-patterns';

type Message = { text: string; error: boolean } | null;

const when = (iso: string) => new Date(iso).toLocaleString(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' });
const feedName = (feed: Pick<FollowedFeed, 'title' | 'url'>) => feed.title ?? new URL(feed.url).hostname;

function FeedStatus({ feed }: { feed: FollowedFeed }) {
  return (
    <div class="meta" data-testid="feed-status">
      {feed.lastFetchedAt ? <p>{i18n.t('feeds.lastFetched', [when(feed.lastFetchedAt)])}</p> : <p>{i18n.t('feeds.never')}</p>}
      {feed.lastSuccessAt && <p>{i18n.t('feeds.lastAdded', [localNumber(feed.lastAdded), localNumber(feed.lastFeedText), localNumber(feed.totalAdded)])}</p>}
      {feed.lastError && <p class="status-error">{i18n.t('feeds.lastError', [feed.lastError])}</p>}
      {feed.retryAfter && <p>{i18n.t('feeds.retryAt', [when(feed.retryAfter)])}</p>}
    </div>
  );
}

const NUMBER_FIELDS = ['intervalMinutes', 'retentionDays', 'perFeedLimit', 'totalLimit'] as const;
const FIELD_LABELS = { intervalMinutes: 'feeds.interval', retentionDays: 'feeds.retention', perFeedLimit: 'feeds.perFeedLimit', totalLimit: 'feeds.totalLimit' } as const;

export function Feeds() {
  const [state, setState] = useState<FeedsState | null>(null);
  const [bounds, setBounds] = useState<FeedSettings | null>(null);
  const [address, setAddress] = useState('');
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);

  const refresh = async () => {
    const next = await request('feeds/list', {});
    setState(next);
    return next;
  };
  useEffect(() => {
    refresh()
      .then((s) => setBounds(s.settings))
      .catch((error: Error) => setMessage({ text: i18n.t('options.readError', [error.message]), error: true }));
  }, []);

  /** Runs one action, shows its outcome in the one live region, and the feeds as they are after it. */
  const act = async (run: () => Promise<string>) => {
    setBusy(true);
    try {
      setMessage({ text: await run(), error: false });
    } catch (error) {
      setMessage({ text: (error as Error).message, error: true });
    } finally {
      setBusy(false);
      await refresh().catch(() => {});
    }
  };

  const followAddress = (url: string) => act(async () => {
    if (state?.feeds.some((f) => f.url === url)) return i18n.t('feeds.alreadyFollowed', [url]);
    // First, while the click is still a user gesture.
    if (!(await askOutletAccess(outletPatterns([url])))) throw new Error(i18n.t('feeds.permissionRefused'));
    const feed = await request('feeds/follow', { url });
    return i18n.t('feeds.followed', [feedName(feed)]);
  });

  const importOpml = (file: File) => act(async () => {
    const parsed = parseOpml(await file.text(), (text, type) => new DOMParser().parseFromString(text, type));
    if (!parsed.ok) throw new Error(i18n.t('feeds.opmlUnreadable', [file.name.slice(0, 200)]));
    const reply = await request('feeds/follow-list', { feeds: parsed.feeds.slice(0, MAX_FEED_LIST) });
    return i18n.t('feeds.opmlImported', [localNumber(reply.followed), localNumber(reply.skipped.length + parsed.skipped.length + Math.max(0, parsed.feeds.length - MAX_FEED_LIST))]);
  });

  const exportOpml = () => {
    if (!state) return;
    const url = URL.createObjectURL(new Blob([toOpml(state.feeds)], { type: 'text/x-opml' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: 'recoupe-feeds.opml' });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const followedUrls = new Set(state?.feeds.map((f) => f.url));
  return (
    <section aria-labelledby="feeds-heading">
      <h2 id="feeds-heading">{i18n.t('feeds.heading')}</h2>
      <p>{i18n.t('feeds.intro')}</p>
      <p class="muted" data-testid="feeds-privacy">{i18n.t('feeds.privacy')}</p>

      <form class="add-site" noValidate onSubmit={(e) => { e.preventDefault(); const url = address.trim(); if (url) void followAddress(url).then(() => setAddress('')); }}>
        <label for="feed-input">{i18n.t('feeds.addressLabel')}</label>
        <div class="row">
          <input id="feed-input" type="text" inputMode="url" autoComplete="off" spellcheck={false} placeholder="https://www.lemonde.fr/rss/une.xml"
            value={address} maxLength={MAX_FEED_ADDRESS_CHARS} aria-describedby="feed-hint feed-message"
            onInput={(e) => setAddress((e.target as HTMLInputElement).value)} data-testid="feed-input" />
          <button type="submit" class="primary" disabled={busy || state === null} data-testid="follow-feed">{i18n.t('feeds.follow')}</button>
        </div>
        <p id="feed-hint" class="hint meta">{i18n.t('feeds.addressHint')}</p>
      </form>
      <p id="feed-message" class={`message ${message?.error ? 'status-error' : 'status-ok'}`} role="status" aria-live="polite" data-testid="feed-message">{message?.text ?? ''}</p>

      {state === null ? <p class="muted">{i18n.t('options.loading')}</p> : state.feeds.length === 0 ? <p class="meta" data-testid="no-feeds">{i18n.t('feeds.noFeeds')}</p> : (
        <ul class="sites" aria-labelledby="feeds-heading">
          {state.feeds.map((feed) => (
            <li key={feed.id} data-testid="feed-row">
              <div>
                <strong>{feedName(feed)}</strong> <span class="site-name meta">{feed.url}</span>
                <FeedStatus feed={feed} />
              </div>
              <button type="button" class="danger" disabled={busy} aria-label={i18n.t('feeds.unfollowFeed', [feedName(feed)])}
                onClick={() => void act(async () => { await request('feeds/unfollow', { id: feed.id }); return i18n.t('feeds.unfollowed', [feedName(feed)]); })} data-testid="unfollow-feed">
                {i18n.t('feeds.unfollow')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p>
        <button type="button" disabled={busy || !state?.feeds.length || state.settings.paused} data-testid="fetch-now"
          onClick={() => void act(async () => { const r = await request('feeds/poll', {}); return i18n.t('feeds.fetched', [localNumber(r.added), localNumber(r.removed)]); })}>
          {busy ? i18n.t('feeds.fetching') : i18n.t('feeds.fetchNow')}
        </button>
      </p>

      <h3>{i18n.t('feeds.starterHeading')}</h3>
      <p class="meta">{i18n.t('feeds.starterIntro')}</p>
      <ul class="sites starter">
        {STARTER_FEEDS.map((s) => (
          <li key={s.url}>
            <span>{s.outlet} <span class="meta">({s.language})</span></span>
            <button type="button" disabled={busy || followedUrls.has(s.url)} onClick={() => void followAddress(s.url)} aria-label={i18n.t('feeds.followOutlet', [s.outlet])}>{i18n.t('feeds.follow')}</button>
          </li>
        ))}
      </ul>

      <h3>{i18n.t('feeds.boundsHeading')}</h3>
      {bounds && (
        <form class="bounds" noValidate onSubmit={(e) => {
          e.preventDefault();
          void act(async () => { setBounds(await request('feeds/set-settings', { settings: bounds })); return i18n.t('feeds.boundsSaved'); });
        }}>
          <label class="switch"><input type="checkbox" checked={bounds.paused} onChange={(e) => setBounds({ ...bounds, paused: (e.target as HTMLInputElement).checked })} data-testid="feeds-paused" /> {i18n.t('feeds.paused')}</label>
          {NUMBER_FIELDS.map((key) => (
            <label key={key}>
              <span>{i18n.t(FIELD_LABELS[key])}</span>
              <input type="number" min={FEED_SETTING_BOUNDS[key][0]} max={FEED_SETTING_BOUNDS[key][1]} value={bounds[key]}
                onInput={(e) => setBounds({ ...bounds, [key]: Number((e.target as HTMLInputElement).value) })} data-testid={`feeds-${key}`} />
            </label>
          ))}
          <p class="hint meta">{i18n.t('feeds.retentionHint')}</p>
          <div><button type="submit" disabled={busy} data-testid="save-bounds">{i18n.t('feeds.saveBounds')}</button></div>
        </form>
      )}

      <h3>{i18n.t('feeds.opmlHeading')}</h3>
      <p class="meta">{i18n.t('feeds.opmlIntro')}</p>
      <div class="row opml">
        <label class="file-button">
          {i18n.t('feeds.importOpml')}
          <input type="file" accept=".opml,.xml,text/x-opml,text/xml,application/xml" disabled={busy} data-testid="import-opml"
            onChange={(e) => { const input = e.target as HTMLInputElement; const file = input.files?.[0]; input.value = ''; if (file) void importOpml(file); }} />
        </label>
        <button type="button" disabled={!state?.feeds.length} onClick={exportOpml} data-testid="export-opml">{i18n.t('feeds.exportOpml')}</button>
      </div>
    </section>
  );
}
