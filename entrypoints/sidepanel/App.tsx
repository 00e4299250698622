import { useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { request, type PageState } from '../../extension/protocol';
import type { NotArticleReason } from '../../lib/extract/types';
import { countWords } from '../../extension/storage/article-record';
import { counted, localDate, localLanguageName, localNumber, localScriptName } from '../../extension/ui/format';
import { SCRIPT_CODES, unsupportedScript } from '../../lib/text/script';
import { usePageState, type Progress } from './use-page-state';
import { FollowOutlet } from './FollowOutlet';
import { ComparisonView, ProgressLine, progressText } from './ComparisonView';
import { useComparison, type ComparisonLoad } from './use-comparison';
import { VersionsNote } from './VersionsNote';

type Extracted = Extract<PageState, { kind: 'article' | 'not-article' }>;

function openCorpus() {
  void browser.tabs.create({ url: browser.runtime.getURL('/corpus.html') });
}

function SaveButton({ page, label }: { page: Extracted; label: string }) {
  const [status, setStatus] = useState<{ kind: 'idle' | 'saving' } | { kind: 'done'; text: string } | { kind: 'error'; text: string }>({ kind: 'idle' });
  const save = async () => {
    setStatus({ kind: 'saving' });
    try {
      const outcome = await request('corpus/save-tab', { tabId: page.tabId });
      setStatus({ kind: 'done', text: outcome.created ? i18n.t('panel.saved') : i18n.t('panel.updated') });
    } catch (error) {
      setStatus({ kind: 'error', text: (error as Error).message });
    }
  };
  const saved = page.savedId !== null;
  return (
    <div class="save">
      <button class={saved ? '' : 'primary'} onClick={save} disabled={status.kind === 'saving'} data-testid="save">
        {status.kind === 'saving' ? i18n.t('panel.saving') : saved ? i18n.t('panel.saveAgain') : label}
      </button>
      <span role="status" aria-live="polite" class={status.kind === 'error' ? 'status-error' : 'status-ok'} data-testid="save-status">
        {status.kind === 'done' || status.kind === 'error' ? status.text : saved ? i18n.t('panel.inCorpus') : ''}
      </span>
    </div>
  );
}

/**
 * How many stored articles cover the page's event and storyline: from the comparison, or, while
 * its detail is still being compared, from the lists the background announced once matched.
 */
function Coverage({ load, progress }: { load: ComparisonLoad; progress: Progress | null }) {
  const c = load.kind === 'done' ? load.comparison : load.kind === 'loading' ? progress?.matches : null;
  if (!c || c.corpusSize === 0) return null;
  return (
    <p class="counts" data-testid="header-counts">
      <strong>{counted('panel.sameEventCount', c.same.length)}</strong>
      {' · '}
      {counted('panel.relatedCount', c.related.length)}
      {' · '}
      <span class="muted">{counted('panel.corpusSize', c.corpusSize)}</span>
    </p>
  );
}

/** Why a page is not an article, in the reader's language (lib/extract gives codes). */
function notArticleText(reason: NotArticleReason): string {
  switch (reason.code) {
    case 'empty':
      return i18n.t('panel.notArticleEmpty');
    case 'not-text':
      return i18n.t('panel.notArticleNotText');
    case 'short':
      return counted('panel.notArticleShort', reason.words, localNumber(reason.min));
    case 'no-prose':
      return i18n.t('panel.notArticleNoProse');
    case 'listing':
      return i18n.t('panel.notArticleListing');
    case 'reference':
      return i18n.t('panel.notArticleReference');
    case 'front-page-url':
      return i18n.t('panel.notArticleFrontPageUrl');
    case 'no-article-signs':
      return i18n.t('panel.notArticleNoSigns');
  }
}

function ArticleView({ page, progress, reload }: { page: Extracted; progress: Progress | null; reload: () => void }) {
  const { article } = page;
  const words = countWords(article.text);
  const facts = [article.siteName, localLanguageName(article.language) ?? i18n.t('panel.languageUnknown'), localDate(article.publishedTime)].filter(Boolean);
  // A page judged not an article is compared only when the reader asks.
  const [anyway, setAnyway] = useState(false);
  // A page in a script the analyses do not cover is said so (not "not an article"), not compared, and can be saved.
  const script = useMemo(() => unsupportedScript(article.text), [article.text]);
  const compared = script === null && (page.kind === 'article' || anyway);
  // The comparison is asked for here so the header can say how many versions cover the event.
  const load = useComparison(page.tabId, page, anyway);
  return (
    <article aria-labelledby="article-title">
      {script !== null && (
        <div class="card notice" data-testid="unsupported-script" role="status">
          <p>{script === 'other'
            ? i18n.t('panel.unsupportedScriptUnnamed')
            : i18n.t('panel.unsupportedScript', [localScriptName(SCRIPT_CODES[script]) ?? script])}</p>
        </div>
      )}
      {script === null && page.kind === 'not-article' && (
        <div class="card notice" data-testid="not-article" role="status">
          <strong>{i18n.t('panel.notArticle')}</strong>
          <ul data-testid="not-article-reasons">{(article.notArticle ?? []).map((r, i) => <li key={i}>{notArticleText(r)}</li>)}</ul>
          <p class="muted">{i18n.t('panel.notArticleHelp')}</p>
          {!anyway && article.text.trim() && (
            <button onClick={() => setAnyway(true)} data-testid="compare-anyway">{i18n.t('panel.compareAnyway')}</button>
          )}
        </div>
      )}
      <header class="article-header">
        <p class="meta" data-testid="facts">{facts.join(' · ')}</p>
        <h1 id="article-title" data-testid="title" lang={article.language ?? undefined}>{article.title ?? i18n.t('panel.untitledPage')}</h1>
        {article.byline && <p class="meta">{article.byline}</p>}
        <p class="meta" data-testid="stats">
          {counted('panel.words', words)} · {counted('panel.paragraphs', article.paragraphs.length)}
          {article.boilerplate.length > 0 && ` · ${counted('panel.debrisBlocks', article.boilerplate.length)}`}
        </p>
        {compared && <Coverage load={load} progress={progress} />}
        {article.text.trim() && <SaveButton page={page} label={page.kind === 'article' || script !== null ? i18n.t('panel.save') : i18n.t('panel.saveAnyway')} />}
        {page.savedId !== null && <VersionsNote tabId={page.tabId} refreshKey={page} lang={article.language ?? undefined} />}
        <FollowOutlet tabId={page.tabId} outlet={article.siteName ?? page.url.replace(/^[a-z]+:\/\/(www\.)?([^/:]+).*$/is, '$2')} />
      </header>
      {compared && <ComparisonView tabId={page.tabId} load={load} progress={progress} onOpenCorpus={openCorpus} anyway={anyway} page={{ savedId: page.savedId, title: article.title, site: article.siteName, publishedTime: article.publishedTime }} pageText={article.text} onStale={reload} />}
      <details class="body" open={!compared}>
        <summary>{i18n.t('panel.extractedText')}</summary>
        {article.paragraphs.map((p) => (
          <p key={p.start} lang={article.language ?? undefined}>{article.text.slice(p.start, p.end)}</p>
        ))}
      </details>
      {article.boilerplate.length > 0 && (
        <details class="debris">
          <summary>{i18n.t('panel.debris', [localNumber(article.boilerplate.length)])}</summary>
          <ul>
            {article.removals.map((r, i) => (
              <li key={i}>
                <span class="tag" lang="en">{r.step}</span>
                {r.text}
              </li>
            ))}
          </ul>
        </details>
      )}
    </article>
  );
}

const HEADINGS: Record<Extract<PageState, { kind: 'unavailable' }>['reason'], () => string> = {
  'no-tab': () => i18n.t('panel.headingNoTab'),
  restricted: () => i18n.t('panel.headingRestricted'),
  'too-large': () => i18n.t('panel.headingTooLarge'),
  empty: () => i18n.t('panel.headingEmpty'),
  error: () => i18n.t('panel.headingError'),
};

export function App() {
  const { state, progress, reload } = usePageState();
  return (
    <>
      <header class="bar">
        <span class="brand">{i18n.t('panel.brand')}</span>
        <span>
          <button onClick={() => reload(true)} title={i18n.t('panel.reload')} aria-label={i18n.t('panel.reload')} data-testid="reload">
            <span aria-hidden="true">↻</span>
          </button>{' '}
          <button onClick={openCorpus} data-testid="open-corpus">{i18n.t('panel.openCorpus')}</button>
        </span>
      </header>
      <main>
        {state.kind === 'loading' && <div class="state"><ProgressLine text={progressText(progress ?? { stage: 'extracting', done: 0, total: 1 })} /></div>}
        {state.kind === 'failed' && <p class="status-error state" role="alert">{state.message}</p>}
        {state.kind === 'unavailable' && (
          <div class="card state" data-testid="unavailable" data-reason={state.reason} role="status">
            <strong>{HEADINGS[state.reason]()}</strong>
            <p class="muted">{state.message}</p>
          </div>
        )}
        {(state.kind === 'article' || state.kind === 'not-article') && <ArticleView page={state} progress={progress} reload={() => reload(false)} />}
      </main>
    </>
  );
}
