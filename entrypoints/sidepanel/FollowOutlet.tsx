/**
 * "Follow <outlet>" in the panel, when the page declares a news feed the reader does not follow yet.
 */
import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { request } from '../../extension/protocol';
import { askOutletAccess } from '../../extension/ui/outlet-access';

export function FollowOutlet({ tabId, outlet }: { tabId: number; outlet: string }) {
  const [feed, setFeed] = useState<{ url: string; followedId: number | null; access: string[] } | null>(null);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setFeed(null);
    setStatus(null);
    request('page/feeds', { tabId }).then((feeds) => setFeed(feeds[0] ?? null), () => setFeed(null));
  }, [tabId]);
  if (!feed) return null;
  const follow = async () => {
    setBusy(true);
    try {
      // First, while the click is still a user gesture.
      if (!(await askOutletAccess(feed.access))) throw new Error(i18n.t('feeds.permissionRefused'));
      const followed = await request('feeds/follow', { url: feed.url });
      setFeed({ ...feed, followedId: followed.id });
      setStatus({ text: i18n.t('feeds.followed', [outlet]), error: false });
    } catch (error) {
      setStatus({ text: (error as Error).message, error: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="save">
      {feed.followedId === null && (
        <button onClick={() => void follow()} disabled={busy} data-testid="follow-outlet">{i18n.t('feeds.followOutlet', [outlet])}</button>
      )}
      <span role="status" aria-live="polite" class={status?.error ? 'status-error' : 'status-ok'} data-testid="follow-status">{status?.text ?? ''}</span>
    </div>
  );
}
