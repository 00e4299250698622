/**
 * Importing a list of links: the file read here (lib/links), its addresses sent to the background
 * a few at a time, with progress, a stop button, and a report of what was left out and why.
 */
import { useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { MAX_LINKS_PER_REQUEST, request } from '../../extension/protocol';
import { parseLinkList, type SkippedLink } from '../../lib/links';
import { localNumber } from '../../extension/ui/format';

type Run = { read: number; total: number; added: number; running: boolean; stopped: boolean; skipped: { item: string; reason: string }[] };

const SKIP_REASONS = { 'not-web': 'links.reason.notWeb', duplicate: 'links.reason.duplicate', 'too-many': 'links.reason.tooMany' } as const;
const skippedInWords = (s: SkippedLink) => ({ item: s.item, reason: i18n.t(SKIP_REASONS[s.reason]) });

export function Links() {
  const [run, setRun] = useState<Run | null>(null);
  const [error, setError] = useState<string | null>(null);
  const stop = useRef(false);

  const start = async (file: File) => {
    setError(null);
    const list = parseLinkList(await file.text(), file.name);
    if (list.urls.length === 0) {
      setError(i18n.t('links.unreadable', [file.name.slice(0, 200)]));
      return;
    }
    stop.current = false;
    let state: Run = { read: 0, total: list.urls.length, added: 0, running: true, stopped: false, skipped: list.skipped.map(skippedInWords) };
    setRun(state);
    for (let i = 0; i < list.urls.length && !stop.current; i += MAX_LINKS_PER_REQUEST) {
      const batch = list.urls.slice(i, i + MAX_LINKS_PER_REQUEST);
      try {
        const outcomes = await request('links/import', { urls: batch });
        state = {
          ...state, read: state.read + batch.length, added: state.added + outcomes.filter((o) => o.added).length,
          skipped: [...state.skipped, ...outcomes.flatMap((o) => (o.added ? [] : [{ item: o.url, reason: o.reason }]))],
        };
      } catch (e) {
        state = { ...state, read: state.read + batch.length, skipped: [...state.skipped, ...batch.map((item) => ({ item, reason: (e as Error).message }))] };
      }
      setRun(state);
    }
    setRun({ ...state, running: false, stopped: stop.current });
  };

  return (
    <section aria-labelledby="links-heading">
      <h2 id="links-heading">{i18n.t('links.heading')}</h2>
      <p>{i18n.t('links.intro')}</p>
      <div class="row opml">
        <label class="file-button">
          {i18n.t('links.choose')}
          <input type="file" accept=".txt,.csv,.html,.htm,text/plain,text/csv,text/html" disabled={run?.running} data-testid="import-links"
            onChange={(e) => { const input = e.target as HTMLInputElement; const file = input.files?.[0]; input.value = ''; if (file) void start(file); }} />
        </label>
        {run?.running && <button type="button" class="danger" onClick={() => (stop.current = true)} data-testid="stop-links">{i18n.t('links.stop')}</button>}
      </div>
      <p class={`message ${error ? 'status-error' : 'status-ok'}`} role="status" aria-live="polite" data-testid="links-message">
        {error ?? (run === null ? '' : run.running
          ? i18n.t('links.progress', [localNumber(run.read), localNumber(run.total), localNumber(run.added)])
          : run.stopped
            ? i18n.t('links.stopped', [localNumber(run.read), localNumber(run.total), localNumber(run.added)])
            : i18n.t('links.done', [localNumber(run.added), localNumber(run.skipped.length)]))}
      </p>
      {run?.running && <progress max={run.total} value={run.read} />}
      {run && run.skipped.length > 0 && (
        <details data-testid="links-report">
          <summary>{i18n.t('links.reportHeading')}</summary>
          <ul>{run.skipped.map((s, i) => <li key={i}><span class="site-name">{s.item}</span>: {s.reason}</li>)}</ul>
        </details>
      )}
    </section>
  );
}
