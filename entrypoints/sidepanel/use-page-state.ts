import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { request, type Notice, type PageState } from '../../extension/protocol';

export type PanelState = { kind: 'loading' } | { kind: 'failed'; message: string } | PageState;

/** How far the background has gone analysing the followed tab's page (its last progress notice). */
export type Progress = Omit<Extract<Notice, { type: 'notice/progress' }>, 'type' | 'tabId'>;

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

/**
 * The state of the followed tab's page, reloaded on navigation, tab switch and corpus changes, and
 * the background's progress on it.
 */
export function usePageState(): { state: PanelState; progress: Progress | null; reload: (refresh?: boolean) => void } {
  const [state, setState] = useState<PanelState>({ kind: 'loading' });
  const [progress, setProgress] = useState<Progress | null>(null);
  const tabId = useRef<number | undefined>(undefined);

  const load = useCallback(async (refresh = false, quiet = false) => {
    if (!quiet) {
      setState({ kind: 'loading' });
      setProgress(null);
    }
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
      if (notice?.type === 'notice/progress' && notice.tabId === tabId.current) {
        // The lists, once matched, stay known through the later stages.
        // A new matching starts without them (the corpus may have changed).
        const restart = notice.stage === 'matching' && notice.done === 0;
        setProgress((last) => ({ stage: notice.stage, done: notice.done, total: notice.total, matches: notice.matches ?? (restart ? undefined : last?.matches) }));
      }
      return undefined;
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.runtime.onMessage.addListener(onMessage);
    return () => {
      browser.tabs.onActivated.removeListener(onActivated);
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, [load]);

  return { state, progress, reload: (refresh = true) => void load(refresh) };
}
