import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { request, type PageState } from '../../extension/protocol';
import { countWords } from '../../extension/storage/article-record';
import { languageName, plural, shortDate } from '../../extension/ui/format';
import { usePageState } from './use-page-state';
import { ComparisonView } from './ComparisonView';

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
      setStatus({ kind: 'done', text: outcome.created ? 'Saved to your corpus.' : 'Updated in your corpus.' });
    } catch (error) {
      setStatus({ kind: 'error', text: (error as Error).message });
    }
  };
  const saved = page.savedId !== null;
  return (
    <div class="save">
      <button class={saved ? '' : 'primary'} onClick={save} disabled={status.kind === 'saving'} data-testid="save">
        {status.kind === 'saving' ? 'Saving…' : saved ? 'Save again (update)' : label}
      </button>
      <span role="status" aria-live="polite" class={status.kind === 'error' ? 'status-error' : 'status-ok'} data-testid="save-status">
        {status.kind === 'done' || status.kind === 'error' ? status.text : saved ? '✓ In your corpus' : ''}
      </span>
    </div>
  );
}

function ArticleView({ page }: { page: Extracted }) {
  const { article } = page;
  const words = countWords(article.text);
  const facts = [article.siteName, languageName(article.language), shortDate(article.publishedTime)].filter(Boolean);
  return (
    <article aria-labelledby="article-title">
      {page.kind === 'not-article' && (
        <div class="card notice" data-testid="not-article">
          <strong>This page does not look like a news article.</strong>
          <p class="muted">Recoupe compares news articles. This looks more like a home, section or list page; you can still save it.</p>
          <details>
            <summary>Why?</summary>
            <ul>{article.articleReasons.map((r, i) => <li key={i}>{r}</li>)}</ul>
          </details>
        </div>
      )}
      <p class="meta" data-testid="facts">{facts.join(' · ')}</p>
      <h1 id="article-title" data-testid="title">{article.title ?? 'Untitled page'}</h1>
      {article.byline && <p class="meta">{article.byline}</p>}
      <p class="meta" data-testid="stats">
        {plural(words, 'word')} · {plural(article.paragraphs.length, 'paragraph')}
        {article.boilerplate.length > 0 && ` · ${plural(article.boilerplate.length, 'block')} of page debris set aside`}
      </p>
      {article.text.trim() && <SaveButton page={page} label={page.kind === 'article' ? 'Save to corpus' : 'Save anyway'} />}
      {page.kind === 'article' && <ComparisonView tabId={page.tabId} refreshKey={page} onOpenCorpus={openCorpus} />}
      <details class="body" open={page.kind === 'not-article'}>
        <summary>Extracted text</summary>
        {article.paragraphs.map((p) => (
          <p key={p.start}>{article.text.slice(p.start, p.end)}</p>
        ))}
      </details>
      {article.boilerplate.length > 0 && (
        <details class="debris">
          <summary>Set aside as page debris ({article.boilerplate.length})</summary>
          <ul>
            {article.removals.map((r, i) => (
              <li key={i}>
                <span class="tag">{r.step}</span>
                {r.text}
              </li>
            ))}
          </ul>
        </details>
      )}
    </article>
  );
}

export function App() {
  const { state, reload } = usePageState();
  return (
    <main>
      <header class="bar">
        <span class="brand">Recoupe</span>
        <span>
          <button onClick={() => reload(true)} title="Read the page again" aria-label="Read the page again">↻</button>{' '}
          <button onClick={openCorpus} data-testid="open-corpus">Corpus</button>
        </span>
      </header>
      {state.kind === 'loading' && <p class="muted state" role="status">Reading the page…</p>}
      {state.kind === 'failed' && <p class="status-error state" role="alert">{state.message}</p>}
      {state.kind === 'unavailable' && (
        <div class="card state" data-testid="unavailable" data-reason={state.reason} role="status">
          <strong>{HEADINGS[state.reason]}</strong>
          <p class="muted">{state.message}</p>
        </div>
      )}
      {(state.kind === 'article' || state.kind === 'not-article') && <ArticleView page={state} />}
    </main>
  );
}

const HEADINGS: Record<Extract<PageState, { kind: 'unavailable' }>['reason'], string> = {
  'no-tab': 'No page to look at',
  restricted: 'Recoupe cannot read this page',
  'too-large': 'This page is too large to analyse',
  empty: 'This page is empty',
  error: 'Something went wrong reading this page',
};
