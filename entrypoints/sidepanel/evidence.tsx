/**
 * The panel's evidence in the live page: shared quotes and passages are highlighted while the
 * panel is open, and a click scrolls to an item and outlines it. Items carry TextQuote selectors;
 * an item the page no longer has says so on itself and is never highlighted elsewhere. The page
 * side lives in extension/page-evidence.ts (injected by entrypoints/background/show-in-page.ts).
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { EVIDENCE_PORT_PREFIX, request, type AnchorStatus, type TextQuote } from '../../extension/protocol';
import { boundedQuote } from '../../lib/anchor/selector';

/** Framing texts have no span in the page, hence no context: a plain string is found by its words. */
export type EvidenceTarget = TextQuote | string;

const asQuote = (t: EvidenceTarget): TextQuote => (typeof t === 'string' ? { exact: t, prefix: '', suffix: '' } : t);
const keyOf = (q: TextQuote) => `${q.prefix}\u0000${q.exact}\u0000${q.suffix}`;

/**
 * How each item was last found in the page, by selector. The highlight toggle and the items are
 * siblings in the comparison view, so the toggle's results reach the items through this small
 * store instead of props threaded through the view.
 */
const found = new Map<string, AnchorStatus>();
const listeners = new Set<() => void>();
function record(entries: [TextQuote, AnchorStatus][], reset = false) {
  if (reset) found.clear();
  for (const [q, status] of entries) found.set(keyOf(q), status);
  for (const listener of listeners) listener();
}

function useFound(quote: TextQuote): AnchorStatus | undefined {
  const [, setVersion] = useState(0);
  useEffect(() => {
    const listener = () => setVersion((v) => v + 1);
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, []);
  return found.get(keyOf(quote));
}

/**
 * A click shows the evidence in the page and resolves to how it was found (null when the page
 * could not be reached). A framing text the page no longer has is reported in `missing`; an item
 * with a selector says it on itself (EvidenceButton).
 */
export function useShowInPage(tabId: number) {
  const [missing, setMissing] = useState<string | null>(null);
  const scrollTo = async (target: EvidenceTarget): Promise<AnchorStatus | null> => {
    setMissing(null);
    const quote = asQuote(target);
    // A long passage goes as its ends: the message's selector is bounded.
    const shown = await request('page/show', { tabId, scrollTo: boundedQuote(quote) }).catch(() => null);
    const status = shown?.scrolled ?? null;
    if (typeof target === 'string') {
      if (status !== 'exact' && status !== 'fuzzy') setMissing(target);
    } else if (status) {
      record([[quote, status]]);
    }
    return status;
  };
  return { scrollTo, missing };
}

/**
 * The button of a quote or passage: a click scrolls the page to it and outlines it. Found
 * approximately, it says so in its tooltip; not found (by the highlight pass or the click), the
 * item says so itself, under the button.
 */
export function EvidenceButton({ quote, show, children }: { quote: TextQuote; show: (q: TextQuote) => unknown; children: ComponentChildren }) {
  const [failed, setFailed] = useState(false);
  const status = useFound(quote);
  const onClick = async () => {
    setFailed(false);
    const result = await show(quote);
    setFailed(result === null);
  };
  return (
    <>
      <button
        class={`evidence${status === 'orphan' ? ' evidence-orphan' : ''}`}
        onClick={onClick}
        title={status === 'orphan' ? i18n.t('panel.evidence.notFound') : status === 'fuzzy' ? i18n.t('panel.evidence.approximate') : i18n.t('panel.evidence.show')}
        data-anchor={status ?? 'unknown'}
      >
        {children}
      </button>
      {status === 'orphan' && (
        <p class="evidence-note status-error" data-testid="evidence-missing">
          {i18n.t('panel.evidence.notFound')}
        </p>
      )}
      {failed && status !== 'orphan' && (
        <p class="evidence-note status-error" role="alert">
          {i18n.t('panel.evidence.failed')}
        </p>
      )}
    </>
  );
}

/**
 * Shared quotes and passages painted in the page (on by default), cleared when turned off or the
 * panel closes; says how many of them the page has.
 */
export function HighlightToggle({ tabId, quotes, passages }: { tabId: number; quotes: TextQuote[]; passages: TextQuote[] }) {
  const [on, setOn] = useState(true);
  const [status, setStatus] = useState('');
  const items = [...quotes.map((quote) => ({ kind: 'quote' as const, quote })), ...passages.map((quote) => ({ kind: 'passage' as const, quote }))];
  const key = items.map((h) => `${h.kind}\u0000${keyOf(h.quote)}`).join('\u0001');
  useEffect(() => {
    let current = true;
    request('page/show', { tabId, highlight: on ? items.map((h) => ({ ...h, quote: boundedQuote(h.quote) })) : [] })
      .then(({ highlighted }) => {
        if (!current) return;
        if (!on) return setStatus('');
        if (highlighted === null) return setStatus(i18n.t('panel.evidence.cannotHighlight'));
        record(items.map((h, i): [TextQuote, AnchorStatus] => [h.quote, highlighted[i] ?? 'orphan']), true);
        const count = highlighted.filter((s) => s !== 'orphan').length;
        setStatus(i18n.t('panel.evidence.found', [String(count), String(items.length)]));
      })
      .catch(() => current && setStatus(i18n.t('panel.evidence.failed')));
    return () => {
      current = false;
    };
  }, [tabId, on, key]);
  useEffect(() => {
    // Held open while this panel shows the tab's evidence: when the panel closes, the background clears it.
    const port = browser.runtime.connect({ name: `${EVIDENCE_PORT_PREFIX}${tabId}` });
    return () => {
      port.disconnect();
      void request('page/show', { tabId, highlight: [] }).catch(() => {});
    };
  }, [tabId]);
  return (
    <label class="meta toggle">
      <input type="checkbox" checked={on} onChange={(e) => setOn((e.target as HTMLInputElement).checked)} data-testid="highlight-toggle" /> {i18n.t('panel.evidence.toggle')}{' '}
      {status && <span class="muted" data-testid="highlight-status">({status})</span>}
    </label>
  );
}
