import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { request, type Notice, type PageState } from '../../extension/protocol';

export type PanelState = { kind: 'loading' } | { kind: 'failed'; message: string } | PageState;

/**
 * The tab the panel follows: `?tab=<id>` pins one (tests, and the panel opened as a page);
 * otherwise the active tab of the panel's window, following tab switches.
 */
async function currentTabId(): Promise<number | undefined> {
  const pinned = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isSafeInteger(pinned) && pinned > 0) return pinned;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** The state of the followed tab's page, reloaded on navigation, tab switch and corpus changes. */
export function usePageState(): { state: PanelState; reload: (refresh?: boolean) => void } {
  const [state, setState] = useState<PanelState>({ kind: 'loading' });
  const tabId = useRef<number | undefined>(undefined);

  const load = useCallback(async (refresh = false, quiet = false) => {
    if (!quiet) setState({ kind: 'loading' });
    try {
      tabId.current = await currentTabId();
      setState(await request('page/get-state', { tabId: tabId.current, refresh }));
    } catch (error) {
      setState({ kind: 'failed', message: (error as Error).message });
    }
  }, []);

  useEffect(() => {
    void load();
    const onActivated = () => void load();
    // Not async: a listener that returns a promise would answer other pages' requests.
    const onMessage = (message: unknown) => {
      const notice = message as Notice;
      if (notice?.type === 'notice/page-changed' && notice.tabId === tabId.current) void load();
      if (notice?.type === 'notice/corpus-changed') void load(false, true);
      return undefined;
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.runtime.onMessage.addListener(onMessage);
    return () => {
      browser.tabs.onActivated.removeListener(onActivated);
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, [load]);

  return { state, reload: (refresh = true) => void load(refresh) };
}
