/**
 * The corpus manager: search (words of the title, site, URL and text), filters, order, selection
 * (delete, export), stories, one article read in full or two side by side, import and export.
 * Everything is computed in the background; this page asks and renders, text as text.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { request } from '../../extension/protocol';
import type { StoredArticle } from '../../extension/storage/article-record';
import { ArticleTable } from './ArticleTable';
import { Filters, filtered } from './Filters';
import type { ImportSummary } from './import-files';
import { Reader } from './Reader';
import { SideBySideView, type FirstSide } from './SideBySideView';
import { StoriesView } from './StoriesView';
import { byteSize, counted, localNumber } from '../../extension/ui/format';
import { PAGE_ROWS, useCorpusSearch } from './use-corpus-search';
import { useImport, usePreparation } from './use-import';
import { useSelection } from './use-selection';
import { useStories } from './use-stories';

/** Read again whenever the list changes, so saving, deleting and importing show in it. */
function StorageUsed({ version }: { version: unknown }) {
  const [used, setUsed] = useState<string | null>(null);
  useEffect(() => {
    navigator.storage?.estimate?.().then((e) => setUsed(byteSize(e.usage ?? 0))).catch(() => {});
  }, [version]);
  return used ? <span data-testid="storage-used">{i18n.t('corpus.storageUsed', [used])}</span> : null;
}

function ImportReportView({ summary, onClose }: { summary: ImportSummary; onClose: () => void }) {
  return (
    <section class="card import-report" role="status" aria-label={i18n.t('corpus.importResult')} data-testid="import-report">
      <div class="row-between">
        <strong>{i18n.t('corpus.importHeading')}</strong>
        <button onClick={onClose} aria-label={i18n.t('corpus.closeImportResult')}>{i18n.t('corpus.close')}</button>
      </div>
      {summary.lines.map((line, i) => (
        <p key={i} class={line.error ? 'status-error' : 'status-ok'} data-testid="import-line">{line.text}</p>
      ))}
      {summary.skipped.length > 0 && (
        <>
          <p class="meta">{i18n.t('corpus.skippedHeading')}</p>
          <ul data-testid="import-skipped">
            {summary.skipped.slice(0, 200).map((s, i) => <li key={i} class="meta">{s}</li>)}
            {summary.skipped.length > 200 && <li class="meta">{i18n.t('corpus.andMore', [localNumber(summary.skipped.length - 200)])}</li>}
          </ul>
        </>
      )}
    </section>
  );
}

/**
 * The preparation's progress line, in its own component: its notices (one per batch of 50
 * imported articles, for minutes after a large import) render this line again, not the page and
 * its 200 rows.
 */
function Preparing() {
  const preparing = usePreparation();
  return preparing ? <p role="status" class="muted" data-testid="preparing">{preparing}</p> : null;
}

type View = 'list' | 'stories';

/** The side by side asked for in the address: `?tab=<id>&with=<article>` (from the side panel's lists). */
function pairInAddress(): { a: FirstSide; b: number | null } | null {
  const params = new URLSearchParams(location.search);
  const [tabId, withId] = [Number(params.get('tab')), Number(params.get('with'))];
  return Number.isSafeInteger(tabId) && tabId > 0 && Number.isSafeInteger(withId) && withId > 0 ? { a: { tabId }, b: withId } : null;
}

export function App() {
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const fail = useCallback((error: unknown) => setMessage({ text: (error as Error).message, error: true }), []);
  const { params, query, listing, load, change, showMore } = useCorpusSearch(fail);
  const [view, setView] = useState<View>('list');
  const { stories } = useStories(view === 'stories', fail);
  const { selected, toggle, toggleShown, selectMatching, clear } = useSelection(listing);
  const [open, setOpen] = useState<StoredArticle | null>(null);
  const [pair, setPair] = useState<{ a: FirstSide; b: number | null } | null>(pairInAddress);
  const fileInput = useRef<HTMLInputElement>(null);
  const top = useRef<HTMLDivElement>(null);

  /** An action on the corpus: its outcome said, then the list again. */
  const run = async (action: () => Promise<string>) => {
    try {
      setMessage({ text: await action() });
    } catch (error) {
      fail(error);
    }
    await load();
  };
  const { busy, imported, closeReport, stopImport, importChosen, exportFile } = useImport(setMessage, run, load);

  const deleteSelected = () => {
    const ids = [...selected];
    if (ids.length === 0 || !confirm(counted('corpus.confirmDelete', ids.length))) return;
    if (open && selected.has(open.id)) setOpen(null);
    if (pair && ((typeof pair.a === 'number' && selected.has(pair.a)) || (pair.b !== null && selected.has(pair.b)))) setPair(null);
    void run(async () => {
      const deleted = await request('corpus/delete', { ids });
      clear();
      return counted('corpus.deleted', deleted);
    });
  };
  const loadSamples = () =>
    run(async () => {
      const { added, updated } = await request('corpus/load-samples', {});
      return counted('corpus.samplesLoaded', added, localNumber(updated));
    });
  // Stable (what they use is): the table's rows are drawn again only when what they show changes.
  const show = useCallback(async (id: number) => {
    try {
      setOpen(await request('corpus/get', { id }));
      setPair(null);
      top.current?.scrollIntoView();
    } catch (error) {
      fail(error);
    }
  }, [fail]);
  const compare = useCallback((a: number, b: number | null = null) => {
    setOpen(null);
    setPair({ a, b });
    top.current?.scrollIntoView();
  }, []);
  const openRow = useCallback((id: number) => void show(id), [show]);
  const compareRow = useCallback((id: number) => compare(id), [compare]);

  const shown = listing?.articles ?? [];
  const total = listing?.total ?? 0;
  const matching = listing?.ids.length ?? 0;
  const narrowed = !!query || filtered(params);
  const empty = listing !== null && total === 0;

  return (
    <main>
      <div ref={top} />
      <header class="top">
        <div>
          <h1>{i18n.t('corpus.heading')}</h1>
          <p class="meta" data-testid="counts">
            {listing ? counted('corpus.articles', total) : '…'}
            {listing && narrowed && <> · <span data-testid="matching">{counted('corpus.matching', matching)}</span></>}
            {' · '}<StorageUsed version={listing} />
          </p>
        </div>
        <div class="buttons" role="group" aria-label={i18n.t('corpus.fileActions')}>
          <button onClick={() => void exportFile('json')} disabled={busy || empty} data-testid="export">{i18n.t('corpus.exportAll')}</button>
          <button onClick={() => void exportFile('jsonl')} disabled={busy || empty} data-testid="export-jsonl" title={i18n.t('corpus.jsonlHint')}>{i18n.t('corpus.exportAllJsonl')}</button>
          <button onClick={() => fileInput.current?.click()} disabled={busy} data-testid="import" title={i18n.t('corpus.importHint')}>{i18n.t('corpus.import')}</button>
          <input
            ref={fileInput}
            type="file"
            multiple
            accept=".json,.jsonl,.ndjson,.txt,.html,.htm"
            class="visually-hidden"
            aria-label={i18n.t('corpus.importInputLabel')}
            data-testid="import-input"
            onChange={(e) => void importChosen(e.currentTarget)}
          />
        </div>
      </header>

      {imported && <ImportReportView summary={imported} onClose={closeReport} />}
      {message && <p role="status" class={message.error ? 'status-error' : 'status-ok'} data-testid="message">{message.text}</p>}
      {stopImport && <button onClick={() => stopImport.abort()} data-testid="stop-import">{i18n.t('corpus.stopImport')}</button>}
      <Preparing />

      {empty && (
        <div class="card empty" data-testid="empty">
          <strong>{i18n.t('corpus.emptyHeading')}</strong>
          <p class="muted">{i18n.t('corpus.emptyText')}</p>
          <button class="primary" onClick={() => void loadSamples()}>{i18n.t('corpus.loadSamples')}</button>
        </div>
      )}

      {open && <Reader article={open} onClose={() => setOpen(null)} onCompare={() => compare(open.id)} />}
      {pair && (
        <SideBySideView
          a={pair.a}
          b={pair.b}
          listed={shown}
          onChoose={(b) => setPair({ a: pair.a, b })}
          onClose={() => setPair(null)}
        />
      )}

      {!empty && listing && (
        <>
          <nav class="tabs" aria-label={i18n.t('corpus.viewsLabel')}>
            <button aria-pressed={view === 'list'} onClick={() => setView('list')} data-testid="view-list">{i18n.t('corpus.viewList')}</button>
            <button aria-pressed={view === 'stories'} onClick={() => setView('stories')} data-testid="view-stories">{i18n.t('corpus.viewStories')}</button>
          </nav>
          {view === 'stories' && <StoriesView stories={stories} total={total} onOpen={(id) => void show(id)} onCompare={compare} />}
          {view === 'list' && (
            <>
              <Filters params={params} sites={listing.sites} languages={listing.languages} origins={listing.origins} onChange={change} />
              <div class="selection" data-testid="selection-bar">
                <span data-testid="selected-count">{counted('corpus.selected', selected.size)}</span>
                {matching > 0 && selected.size < matching && (
                  <button class="link" onClick={selectMatching} data-testid="select-matching">{counted('corpus.selectMatching', matching)}</button>
                )}
                {selected.size > 0 && (
                  <>
                    <button class="link" onClick={clear} data-testid="clear-selection">{i18n.t('corpus.clearSelection')}</button>
                    <span class="spacer" />
                    <button onClick={() => void exportFile('json', [...selected])} disabled={busy} data-testid="export-selected">{i18n.t('corpus.exportSelected')}</button>
                    <button onClick={() => void exportFile('jsonl', [...selected])} disabled={busy} data-testid="export-selected-jsonl">{i18n.t('corpus.exportSelectedJsonl')}</button>
                    <button class="danger" onClick={deleteSelected} disabled={busy} data-testid="delete-selected">{counted('corpus.deleteSelected', selected.size)}</button>
                  </>
                )}
              </div>
              {/* Beside the answer it qualifies: a reader who sees "no match" sees at once that some articles were not searched. */}
              {listing.unindexed ? <p role="status" class="status-warning" data-testid="unindexed">{counted('corpus.unindexed', listing.unindexed)}</p> : null}
              {matching === 0 ? (
                <p class="muted" data-testid="no-match">{query ? i18n.t('corpus.noMatchQuery', [query]) : i18n.t('corpus.noMatch')}</p>
              ) : (
                <ArticleTable articles={shown} selected={selected} onToggle={toggle} onToggleAll={toggleShown} onOpen={openRow} onCompare={compareRow} />
              )}
              {matching > shown.length && (
                <p class="meta">
                  {i18n.t('corpus.showing', [localNumber(shown.length), localNumber(matching)])}{' '}
                  <button onClick={showMore} data-testid="show-more">{i18n.t('corpus.showMore', [localNumber(Math.min(PAGE_ROWS, matching - shown.length))])}</button>
                </p>
              )}
              {!narrowed && !shown.some((a) => a.origin === 'sample') && (
                <p class="meta"><button onClick={() => void loadSamples()}>{i18n.t('corpus.addSamples')}</button></p>
              )}
            </>
          )}
        </>
      )}
    </main>
  );
}
