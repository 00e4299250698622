import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { MAX_IMPORT_CHARS, request, type Notice } from '../../extension/protocol';
import { serializeCorpus, type ImportCandidate } from '../../lib/corpus-io';
import type { ArticleSummary, StoredArticle } from '../../extension/storage/article-record';
import { byteSize, languageName, plural, shortDate } from '../../extension/ui/format';

/** Only web addresses become links: a stored URL is data from a page, never trusted markup. */
const isWebUrl = (url: string) => /^https?:\/\//i.test(url);

/** Read again whenever the list changes, so saving, deleting and importing show in it. */
function StorageUsed({ articles }: { articles: unknown }) {
  const [used, setUsed] = useState<string | null>(null);
  useEffect(() => {
    navigator.storage?.estimate?.().then((e) => setUsed(byteSize(e.usage ?? 0))).catch(() => {});
  }, [articles]);
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

/** What an import of one or more files did, line by line, to show as text. */
interface ImportSummary {
  lines: { text: string; error?: boolean }[];
  skipped: string[];
}

const EXPORT_FILE = /\.(jsonl?|ndjson)$/i;
const SIDECAR_FILE = /\.meta\.json$/i;
const CAPTURE_FILE = /\.(txt|html?|xhtml)$/i;

/** Saves text chunks as a file: a Blob URL on an `<a download>`, revoked once the download started. */
function download(chunks: string[], fileName: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob(chunks, { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const outcome = (added: number, updated: number, skipped: number) =>
  `${plural(added, 'article')} added, ${updated} updated, ${skipped} skipped.`;

/**
 * Imports the chosen files: each export file (`.json`, `.jsonl`) on its own, all or nothing; the
 * `.txt`/`.html` captures (with their `.meta.json` sidecars) together, extracted here (HTML
 * parsed by DOMParser, which runs no script and is never put in the page) and sent as one export.
 */
async function importFiles(files: File[]): Promise<ImportSummary> {
  const summary: ImportSummary = { lines: [], skipped: [] };
  const tooLarge = (f: File) => f.size > MAX_IMPORT_CHARS;
  const captures = files.filter((f) => SIDECAR_FILE.test(f.name) || CAPTURE_FILE.test(f.name));
  const exports = files.filter((f) => !captures.includes(f) && EXPORT_FILE.test(f.name));
  for (const f of files) {
    if (!captures.includes(f) && !exports.includes(f)) summary.skipped.push(`${f.name}: not a file Recoupe imports (.json, .jsonl, .txt, .html)`);
  }
  for (const file of exports) {
    if (tooLarge(file)) {
      summary.lines.push({ text: `Nothing was imported from “${file.name}”: it is larger than ${MAX_IMPORT_CHARS / 1_000_000} MB, the most Recoupe imports at once.`, error: true });
      continue;
    }
    try {
      const report = await request('corpus/import', { fileName: file.name, text: await file.text() });
      summary.lines.push({ text: `${file.name}: ${outcome(report.added, report.updated, report.skipped.length)}` });
      summary.skipped.push(...report.skipped.map((s) => `${file.name}, ${s.item}: ${s.reason}`));
    } catch (error) {
      summary.lines.push({ text: (error as Error).message, error: true });
    }
  }
  if (captures.length > 0) {
    const readable = captures.filter((f) => !tooLarge(f));
    for (const f of captures.filter(tooLarge)) summary.skipped.push(`${f.name}: larger than ${MAX_IMPORT_CHARS / 1_000_000} MB`);
    const label = plural(readable.filter((f) => !SIDECAR_FILE.test(f.name)).length, 'text or HTML file');
    try {
      // Extraction (and its language models) is loaded only when captures are imported.
      const { articlesFromFolder } = await import('../../lib/corpus-io/folder');
      const parser = new DOMParser();
      const folder = articlesFromFolder(
        await Promise.all(readable.map(async (f) => ({ name: f.name, text: await f.text() }))),
        (html) => parser.parseFromString(html, 'text/html'),
      );
      const candidates: ImportCandidate[] = folder.ok ? folder.articles : [];
      if (folder.ok) summary.skipped.push(...folder.skipped.map((s) => `${s.item}: ${s.reason}`));
      if (candidates.length > 0) {
        const report = await request('corpus/import', { fileName: label, text: serializeCorpus(candidates.map((c) => c.article)) });
        // The background numbers the articles of the export it was sent; name them by their files again.
        const fileOf = (item: string) => candidates[Number(/\d+/.exec(item)?.[0] ?? 0) - 1]?.item ?? item;
        summary.skipped.push(...report.skipped.map((s) => `${fileOf(s.item)}: ${s.reason}`));
        summary.lines.push({ text: `${label}: ${outcome(report.added, report.updated, report.skipped.length + (folder.ok ? folder.skipped.length : 0))}` });
      } else {
        summary.lines.push({ text: `${label}: no article could be read from them.`, error: true });
      }
    } catch (error) {
      summary.lines.push({ text: (error as Error).message, error: true });
    }
  }
  return summary;
}

function ImportReportView({ summary, onClose }: { summary: ImportSummary; onClose: () => void }) {
  return (
    <section class="card" role="status" aria-label="Import result" data-testid="import-report" style={{ margin: '0 0 1em' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: '1em' }}>
        <strong>Import</strong>
        <button onClick={onClose} aria-label="Close the import result">Close</button>
      </div>
      {summary.lines.map((line, i) => (
        <p key={i} class={line.error ? 'status-error' : 'status-ok'} data-testid="import-line">{line.text}</p>
      ))}
      {summary.skipped.length > 0 && (
        <>
          <p class="meta">Skipped:</p>
          <ul data-testid="import-skipped">
            {summary.skipped.slice(0, 200).map((s, i) => <li key={i} class="meta">{s}</li>)}
            {summary.skipped.length > 200 && <li class="meta">… and {summary.skipped.length - 200} more</li>}
          </ul>
        </>
      )}
    </section>
  );
}

export function App() {
  const [query, setQuery] = useState('');
  const [articles, setArticles] = useState<ArticleSummary[] | null>(null);
  const [open, setOpen] = useState<StoredArticle | null>(null);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const [imported, setImported] = useState<ImportSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

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
  const exportCorpus = (format: 'json' | 'jsonl') =>
    run(async () => {
      const file = await request('corpus/export', { format });
      download(file.chunks, file.fileName, file.mimeType);
      return `Exported ${plural(file.count, 'article')} to ${file.fileName}.`;
    });
  const importChosen = async (input: HTMLInputElement) => {
    const files = [...(input.files ?? [])];
    input.value = ''; // Choosing the same file again imports it again.
    if (files.length === 0) return;
    setBusy(true);
    setMessage({ text: `Importing ${plural(files.length, 'file')}…` });
    try {
      setImported(await importFiles(files));
      setMessage(null);
    } finally {
      setBusy(false);
      await load();
    }
  };

  return (
    <main>
      <header class="top">
        <div>
          <h1>Your corpus</h1>
          <p class="meta">
            {articles ? plural(articles.length, 'article') : '…'}{query && ' matching'} · <StorageUsed articles={articles} />
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
      <div class="meta" style={{ display: 'flex', gap: '0.5em', flexWrap: 'wrap', alignItems: 'center', margin: '0 0 1em' }}>
        <button onClick={() => void exportCorpus('json')} disabled={busy || !articles?.length} data-testid="export">Export</button>
        <button onClick={() => void exportCorpus('jsonl')} disabled={busy || !articles?.length} data-testid="export-jsonl" title="One article per line, for large corpora">Export as JSONL</button>
        <button onClick={() => fileInput.current?.click()} disabled={busy} data-testid="import">Import…</button>
        <input
          ref={fileInput}
          type="file"
          multiple
          accept=".json,.jsonl,.ndjson,.txt,.html,.htm"
          class="visually-hidden"
          aria-label="Import files: a Recoupe export (.json, .jsonl) or articles (.txt, .html with .meta.json)"
          data-testid="import-input"
          onChange={(e) => void importChosen(e.currentTarget)}
        />
        <span>a Recoupe export, or .txt/.html articles with their .meta.json</span>
      </div>
      {imported && <ImportReportView summary={imported} onClose={() => setImported(null)} />}
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
