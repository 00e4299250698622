import { useEffect, useState } from 'preact/hooks';
import { request, type ActorLabelView, type FramingView, type MarkedRunView, type PageComparison, type PassageView, type SharedQuoteView, type StoryMatchView } from '../../extension/protocol';
import { plural, shortDate } from '../../extension/ui/format';
import { HighlightToggle, useShowInPage } from './evidence';

type Load = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'done'; comparison: PageComparison | null };

function Outlet({ article }: { article: StoryMatchView | undefined }) {
  if (!article) return <span class="muted">a stored article</span>;
  return <span>{[article.site, shortDate(article.publishedTime)].filter(Boolean).join(', ') || article.title || 'a stored article'}</span>;
}

function StoryList({ title, articles, testId }: { title: string; articles: StoryMatchView[]; testId: string }) {
  if (articles.length === 0) return null;
  return (
    <section aria-label={title} data-testid={testId}>
      <h2>{title} <span class="count">{articles.length}</span></h2>
      <ul class="stories">
        {articles.map((a) => (
          <li key={a.id}>
            <span class={`grade grade-${a.relation}`}>{a.relation === 'same' ? 'same event' : 'related'}</span>{' '}
            <strong>{a.title ?? 'Untitled article'}</strong>
            <div class="meta">{[a.site, shortDate(a.publishedTime), `score ${a.score.toFixed(2)}`].filter(Boolean).join(' · ')}</div>
            <div class="reasons">{a.reasons.join('; ')}</div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function QuoteItem({ quote, byId, scrollTo }: { quote: SharedQuoteView; byId: Map<number, StoryMatchView>; scrollTo: (t: string) => void }) {
  return (
    <li class="quote" data-testid="shared-quote">
      <button class="evidence" onClick={() => scrollTo(quote.pageText)} title="Show it in the page">« {quote.pageText} »</button>
      {quote.speaker && <div class="meta">— {quote.speaker}</div>}
      <ul class="versions">
        {quote.versions.map((v, i) => (
          <li key={i}>
            <span class={`tag rel-${v.relation}`}>{v.relation}</span> <Outlet article={byId.get(v.articleId)} />
            {v.diff.length > 0 && (
              <p class="diff" aria-label="Word differences: struck words are only in this page, underlined words only in the other version">
                {v.diff.map((d, j) => (d.op === 'same' ? <span key={j}>{d.text} </span> : d.op === 'removed' ? <del key={j}>{d.text}</del> : <ins key={j}>{d.text}</ins>))}
              </p>
            )}
          </li>
        ))}
      </ul>
    </li>
  );
}

/** Long passages (a whole copied article) are cut for the list; the page shows them in full on click. */
const MAX_RUN_CHARS = 360;

function Runs({ runs }: { runs: MarkedRunView[] }) {
  let left = MAX_RUN_CHARS;
  const shown: MarkedRunView[] = [];
  for (const r of runs) {
    if (left <= 0) break;
    shown.push(r.text.length <= left ? r : { ...r, text: `${r.text.slice(0, left)}…` });
    left -= r.text.length;
  }
  return <>{shown.map((r, i) => (r.changed ? <mark key={i}>{r.text}</mark> : <span key={i}>{r.text}</span>))}</>;
}

function PassageItem({ passage, byId, scrollTo }: { passage: PassageView; byId: Map<number, StoryMatchView>; scrollTo: (t: string) => void }) {
  return (
    <li class="passage" data-testid="shared-passage">
      <div class="meta">
        <span class={`tag kind-${passage.kind}`}>{passage.kind}</span> {Math.round(passage.similarity * 100)}% alike · with <Outlet article={byId.get(passage.articleId)} />
      </div>
      <button class="evidence" onClick={() => scrollTo(passage.pageText)} title="Show it in the page">
        <Runs runs={passage.page} />
      </button>
      <p class="other"><Runs runs={passage.other} /></p>
    </li>
  );
}

function Label({ label, scrollTo }: { label: ActorLabelView; scrollTo?: (t: string) => void }) {
  const body = (
    <>
      {label.text}
      {label.modifiers.length > 0 && <span class="modifiers"> ({label.modifiers.join(', ')})</span>}
    </>
  );
  return (
    <li title={label.note ?? undefined}>
      {scrollTo ? <button class="evidence inline" onClick={() => scrollTo(label.text)}>{body}</button> : body}
      {label.note && <div class="note">{label.note}</div>}
    </li>
  );
}

/** A text of the page or of the other version, with an optional tag (a hedge's kind). */
type SideItem = { text: string; tag?: string };

function TwoSides({ page, other, scrollTo, testId }: { page: SideItem[]; other: SideItem[]; scrollTo: (t: string) => void; testId: string }) {
  const tag = (item: SideItem) => item.tag && <span class="muted"> ({item.tag})</span>;
  return (
    <div class="sides" data-testid={testId}>
      <ul>{page.length ? page.map((item, i) => <li key={i}><button class="evidence inline" onClick={() => scrollTo(item.text)}>{item.text}</button>{tag(item)}</li>) : <li class="muted">none</li>}</ul>
      <ul>{other.length ? other.map((item, i) => <li key={i}>{item.text}{tag(item)}</li>) : <li class="muted">none</li>}</ul>
    </div>
  );
}

/** How the page and the closest stored version name the actors, keep their distance, quote, omit, headline. */
function FramingSection({ framing, other, scrollTo }: { framing: FramingView; other: StoryMatchView | undefined; scrollTo: (t: string) => void }) {
  const { actors, hedges, sources, omissions, headlines } = framing;
  return (
    <section aria-label="Framing" data-testid="framing">
      <h2>Framing</h2>
      <p class="meta">This page (left) beside <Outlet article={other} /> (right).</p>
      {headlines.note && (
        <div data-testid="framing-headlines">
          <h3>Headlines</h3>
          <div class="sides"><p>{headlines.page ?? '—'}</p><p>{headlines.other ?? '—'}</p></div>
          <p class="meta">{headlines.note}</p>
        </div>
      )}
      {actors.length > 0 && (
        <div data-testid="framing-actors">
          <h3>How each names the actors</h3>
          {actors.map((row, i) => (
            <div key={i} class={`actor${row.differs ? ' differs' : ''}`}>
              <div class="actor-name">{row.actor}</div>
              <div class="sides">
                <ul>{row.page.map((l, j) => <Label key={j} label={l} scrollTo={scrollTo} />)}</ul>
                <ul>{row.other.map((l, j) => <Label key={j} label={l} />)}</ul>
              </div>
            </div>
          ))}
        </div>
      )}
      {(hedges.page.length > 0 || hedges.other.length > 0) && (
        <div>
          <h3>Distance and hedging</h3>
          <TwoSides testId="framing-hedges" page={hedges.page.map((h) => ({ text: h.text, tag: h.kind }))} other={hedges.other.map((h) => ({ text: h.text, tag: h.kind }))} scrollTo={scrollTo} />
        </div>
      )}
      <div data-testid="framing-sources">
        <h3>Who speaks</h3>
        <p class="meta">Only here: {sources.onlyPage.join(', ') || 'nobody'} · Only there: {sources.onlyOther.join(', ') || 'nobody'} · Both: {sources.both.join(', ') || 'nobody'}</p>
      </div>
      {(omissions.onlyPage.length > 0 || omissions.onlyOther.length > 0) && (
        <div>
          <h3>What one tells and the other leaves out</h3>
          <TwoSides testId="framing-omissions" page={omissions.onlyPage.map((text) => ({ text }))} other={omissions.onlyOther.map((text) => ({ text }))} scrollTo={scrollTo} />
        </div>
      )}
    </section>
  );
}

/** The page compared with the corpus: same-story lists, shared quotes, shared passages. */
export function ComparisonView({ tabId, refreshKey, onOpenCorpus }: { tabId: number; refreshKey: unknown; onOpenCorpus: () => void }) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const { scrollTo, missing } = useShowInPage(tabId);
  useEffect(() => {
    let current = true;
    setLoad({ kind: 'loading' });
    request('page/compare', { tabId })
      .then((comparison) => current && setLoad({ kind: 'done', comparison }))
      .catch((error: Error) => current && setLoad({ kind: 'failed', message: error.message }));
    return () => {
      current = false;
    };
  }, [tabId, refreshKey]);

  if (load.kind === 'loading') return <p class="muted" role="status">Comparing with your corpus…</p>;
  if (load.kind === 'failed') return <p class="status-error" role="alert">The comparison failed: {load.message}</p>;
  const c = load.comparison;
  if (!c) return null;
  if (c.corpusSize === 0) {
    return (
      <div class="card" data-testid="empty-corpus">
        <strong>Your corpus is empty.</strong>
        <p class="muted">Recoupe compares this page with the articles you saved. Save some, or load the sample corpus.</p>
        <button onClick={onOpenCorpus}>Open the corpus page</button>
      </div>
    );
  }
  const byId = new Map([...c.same, ...c.related].map((a) => [a.id, a]));
  const sources = c.coverage.byArticle.length;
  return (
    <div class="comparison" data-testid="comparison">
      <p class="summary" data-testid="comparison-summary">
        {c.same.length > 0 ? `${plural(c.same.length, 'stored version')} of this event` : 'No stored article reports this event'}
        {c.related.length > 0 && ` · ${plural(c.related.length, 'related article')}`} · {plural(c.corpusSize, 'article')} in your corpus
      </p>
      <StoryList title="Same event" articles={c.same} testId="same-event" />
      <StoryList title="Same storyline" articles={c.related} testId="related" />
      {c.detailSkipped && <p class="muted" role="status">{c.detailSkipped}</p>}
      {missing && <p class="status-error" role="alert">Not found in the page any more: “{missing.slice(0, 80)}…”</p>}
      {c.quotes.length > 0 && (
        <section aria-label="Shared quotes" data-testid="shared-quotes">
          <h2>Shared quotes <span class="count">{c.quotes.length}</span></h2>
          <ul class="plain">{c.quotes.map((q, i) => <QuoteItem key={i} quote={q} byId={byId} scrollTo={scrollTo} />)}</ul>
        </section>
      )}
      {c.framing && <FramingSection framing={c.framing} other={byId.get(c.framing.articleId)} scrollTo={scrollTo} />}
      {c.passages.length > 0 && (
        <section aria-label="Shared passages" data-testid="shared-passages">
          <h2>Shared passages <span class="count">{c.passages.length}</span></h2>
          <p class="meta" data-testid="coverage">
            {Math.round(c.coverage.overall * 100)}% of this article also appears in {plural(sources, 'stored article')}.
          </p>
          <HighlightToggle tabId={tabId} texts={c.passages.map((p) => p.pageText)} />
          <ul class="plain">{c.passages.map((p, i) => <PassageItem key={i} passage={p} byId={byId} scrollTo={scrollTo} />)}</ul>
        </section>
      )}
    </div>
  );
}
