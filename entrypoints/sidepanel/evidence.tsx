/**
 * The panel's evidence in the live page: a click scrolls to a quotation or passage and selects
 * it, and shared passages are highlighted while the panel is open. The page side lives in
 * entrypoints/background/show-in-page.ts.
 */
import { useEffect, useState } from 'preact/hooks';
import { request } from '../../extension/protocol';

/** A click shows the evidence in the page; text the page no longer has is said so, not guessed. */
export function useShowInPage(tabId: number) {
  const [missing, setMissing] = useState<string | null>(null);
  const scrollTo = async (text: string) => {
    setMissing(null);
    const shown = await request('page/show', { tabId, scrollTo: text }).catch(() => null);
    if (!shown?.scrolled) setMissing(text);
  };
  return { scrollTo, missing };
}

/** Shared passages painted in the page (on by default), cleared when turned off or the panel closes. */
export function HighlightToggle({ tabId, texts }: { tabId: number; texts: string[] }) {
  const [on, setOn] = useState(true);
  const [status, setStatus] = useState('');
  useEffect(() => {
    let current = true;
    request('page/show', { tabId, highlight: on ? texts : [] })
      .then(({ highlighted }) => {
        if (!current) return;
        setStatus(!on ? '' : highlighted < 0 ? 'This browser cannot highlight text in pages.' : highlighted < texts.length ? `${highlighted} of ${texts.length} found in the page.` : '');
      })
      .catch(() => current && setStatus('The page could not be highlighted.'));
    return () => {
      current = false;
    };
  }, [tabId, on, texts.join('\u0000')]);
  useEffect(() => () => void request('page/show', { tabId, highlight: [] }).catch(() => {}), [tabId]);
  return (
    <label class="meta toggle">
      <input type="checkbox" checked={on} onChange={(e) => setOn((e.target as HTMLInputElement).checked)} data-testid="highlight-toggle" /> Highlight shared passages in the page {status && <span class="muted">({status})</span>}
    </label>
  );
}

