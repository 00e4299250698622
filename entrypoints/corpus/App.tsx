import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { request, type Notice } from '../../extension/protocol';
import type { ArticleSummary, StoredArticle } from '../../extension/storage/article-record';
import { byteSize, languageName, plural, shortDate } from '../../extension/ui/format';

/** Only web addresses become links: a stored URL is data from a page, never trusted markup. */
const isWebUrl = (url: string) => /^https?:\/\//i.test(url);

function StorageUsed() {
  const [used, setUsed] = useState<string | null>(null);
  useEffect(() => {
    navigator.storage?.estimate?.().then((e) => setUsed(byteSize(e.usage ?? 0))).catch(() => {});
  }, []);
  return used ? <span class="meta">{used} of browser storage used</span> : null;
}

function Reader({ article, onClose }: { article: StoredArticle; onClose: () => void }) {
  return (
    <section class="reader card" aria-labelledby="reader-title" data-testid="reader">
      <div class="reader-head">
        <div>
          <p class="meta">{[article.site, languageName(article.language), shortDate(article.publishedTime)].filter(Boolean).join(' · ')}</p>
          <h2 id="reader-title">{article.title ?? 'Untitled article'}</h2>
          {isWebUrl(article.url) && (
            <a href={article.url} target="_blank" rel="noopener noreferrer" class="meta">{article.url}</a>
          )}
        </div>
        <button onClick={onClose} aria-label="Close the article">Close</button>
      </div>
      {article.paragraphs.map((p) => (
        <p key={p.start}>{article.text.slice(p.start, p.end)}</p>
      ))}
    </section>
  );
}

export function App() {
  const [query, setQuery] = useState('');
  const [articles, setArticles] = useState<ArticleSummary[] | null>(null);
  const [open, setOpen] = useState<StoredArticle | null>(null);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);

  const load = useCallback(async () => {
    try {
      setArticles(await request('corpus/list', { query }));
    } catch (error) {
      setMessage({ text: (error as Error).message, error: true });
    }
  }, [query]);

  useEffect(() => {
    void load();
    const onMessage = (notice: unknown) => {
      if ((notice as Notice)?.type === 'notice/corpus-changed') void load();
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, [load]);

  const run = async (action: () => Promise<string>) => {
    try {
      setMessage({ text: await action() });
    } catch (error) {
      setMessage({ text: (error as Error).message, error: true });
    }
    await load();
  };
  const remove = (article: ArticleSummary) => {
    if (!confirm(`Delete “${article.title ?? article.url}” from your corpus?`)) return;
    if (open?.id === article.id) setOpen(null);
    void run(async () => `Deleted ${plural(await request('corpus/delete', { ids: [article.id] }), 'article')}.`);
  };
  const loadSamples = () =>
    run(async () => {
      const { added, updated } = await request('corpus/load-samples', {});
      return `Sample corpus: ${plural(added, 'article')} added, ${updated} updated.`;
    });
  const show = async (id: number) => setOpen(await request('corpus/get', { id }));

  return (
    <main>
      <header class="top">
        <div>
          <h1>Your corpus</h1>
          <p class="meta">
            {articles ? plural(articles.length, 'article') : '…'}{query && ' matching'} · <StorageUsed />
          </p>
        </div>
        <input
          type="search"
          placeholder="Search titles and sites"
          aria-label="Search titles and sites"
          value={query}
          onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
          data-testid="search"
        />
      </header>
      {message && (
        <p role="status" class={message.error ? 'status-error' : 'status-ok'} data-testid="message">{message.text}</p>
      )}
      {articles && articles.length === 0 && !query && (
        <div class="card empty" data-testid="empty">
          <strong>Your corpus is empty.</strong>
          <p class="muted">Save articles from the side panel, the context menu or Alt+Shift+S, or start with the sample corpus: five French articles on Russia, the United States and Syria in 2016.</p>
          <button class="primary" onClick={loadSamples}>Load the sample corpus</button>
        </div>
      )}
      {articles && articles.length === 0 && query && <p class="muted">No article matches “{query}”.</p>}
      {open && <Reader article={open} onClose={() => setOpen(null)} />}
      {articles && articles.length > 0 && (
        <table class="articles" data-testid="articles">
          <thead>
            <tr><th>Title</th><th>Site</th><th>Language</th><th>Published</th><th>Saved</th><th>Words</th><th><span class="visually-hidden">Actions</span></th></tr>
          </thead>
          <tbody>
            {articles.map((a) => (
              <tr key={a.id} data-testid="article-row">
                <td><button class="link" onClick={() => void show(a.id)}>{a.title ?? 'Untitled article'}</button>{a.origin === 'sample' && <span class="tag">sample</span>}</td>
                <td>{a.site ?? ''}</td>
                <td>{a.language ?? ''}</td>
                <td>{shortDate(a.publishedTime)}</td>
                <td>{shortDate(a.savedAt)}</td>
                <td class="num">{a.wordCount.toLocaleString('en')}</td>
                <td><button class="danger" onClick={() => remove(a)} aria-label={`Delete ${a.title ?? 'article'}`}>Delete</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {articles && articles.length > 0 && !articles.some((a) => a.origin === 'sample') && !query && (
        <p class="meta"><button onClick={loadSamples}>Add the sample corpus</button></p>
      )}
    </main>
  );
}
