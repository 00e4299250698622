/**
 * Two stored articles in two columns, with the quotations and passages they share marked in both
 * (computed in the background by `lib/compare`). A click on a mark brings its counterpart in the
 * other column into view. The second article is chosen from its story first, then from the list.
 * The first may be a tab's page, as the side panel read it (`corpus.html?tab=<id>&with=<article>`).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { request } from '../../extension/protocol';
import type { SharedMark, SideBySide, SideBySideArticle } from '../../lib/compare/report-types';
import { counted, isWebUrl, localDate, localNumber } from '../../extension/ui/format';
import { languageLabel } from './format';
import { markedParagraphs } from './marked-text';

export interface Choice {
  id: number;
  title: string | null;
  site: string | null;
}

const markClass = (marks: SharedMark[]) =>
  [marks.some((m) => m.kind === 'quote') && 'shared-quote', marks.some((m) => m.kind === 'passage') && 'shared-passage'].filter(Boolean).join(' ');

const relationLabel = (m: SharedMark) => ({
  exact: i18n.t('corpus.relationExact'),
  insertion: i18n.t('corpus.relationInsertion'),
  cut: i18n.t('corpus.relationCut'),
  truncated: i18n.t('corpus.relationTruncated'),
  altered: i18n.t('corpus.relationAltered'),
  spliced: i18n.t('corpus.relationSpliced'),
  unquoted: i18n.t('corpus.relationUnquoted'),
  verbatim: i18n.t('corpus.relationVerbatim'),
  edited: i18n.t('corpus.relationEdited'),
  paraphrase: i18n.t('corpus.relationParaphrase'),
})[m.relation];

function Column({ side, which, onMark, note }: { side: SideBySideArticle; which: 'a' | 'b'; onMark: (pair: number, from: 'a' | 'b') => void; note?: string }) {
  const paragraphs = markedParagraphs(side.text, side.paragraphs, side.marks);
  return (
    <article class="column" data-testid={`column-${which}`} aria-labelledby={`title-${which}`}>
      <header>
        {note && <p class="tag" data-testid={`column-${which}-note`}>{note}</p>}
        <p class="meta">{[side.site, languageLabel(side.language), localDate(side.publishedTime)].filter(Boolean).join(' · ')}</p>
        <h2 id={`title-${which}`}>{side.title ?? i18n.t('corpus.untitled')}</h2>
        {isWebUrl(side.url) && <a href={side.url} target="_blank" rel="noopener noreferrer" class="meta">{side.url}</a>}
      </header>
      {paragraphs.map((runs) => (
        <p key={runs[0]?.start ?? 0}>
          {runs.map((r) =>
            r.marks.length === 0 ? r.text : (
              <mark
                key={r.start}
                class={markClass(r.marks)}
                data-pairs={r.marks.map((m) => m.pair).join(' ')}
                data-kind={r.marks.map((m) => m.kind).join(' ')}
                title={r.marks.map(relationLabel).join(' · ')}
                tabIndex={0}
                onClick={() => onMark(r.marks[0]!.pair, which)}
                onKeyDown={(e) => { if (e.key === 'Enter') onMark(r.marks[0]!.pair, which); }}
              >
                {r.text}
              </mark>
            ),
          )}
        </p>
      ))}
    </article>
  );
}

/** The first article: a stored one by id, or the page of a tab. */
export type FirstSide = number | { tabId: number };

/**
 * The other reports of a stored article's event (its same-event story, `corpus/storyline`), asked
 * for by the article rather than taken from the Stories view's answer, which names only the listed
 * articles of the stories on screen (and nothing until that view was opened).
 */
function useStoryMates(id: number | undefined): Choice[] {
  const [mates, setMates] = useState<Choice[]>([]);
  useEffect(() => {
    setMates([]);
    if (id === undefined) return;
    let current = true;
    request('corpus/storyline', { ids: [id], expand: false })
      .then((events) => {
        const versions = events.find((e) => e.current)?.versions ?? [];
        if (current) setMates(versions.flatMap((v) => (v.id === null || v.id === id ? [] : [{ id: v.id, title: v.title, site: v.site }])));
      })
      // Without its story the list is still offered: nothing to tell the reader.
      .catch(() => undefined);
    return () => { current = false; };
  }, [id]);
  return mates;
}

export function SideBySideView({ a, b, listed, onChoose, onClose }: {
  a: FirstSide;
  b: number | null;
  /** The articles of the list as it is filtered, offered after those of A's story. */
  listed: Choice[];
  onChoose: (b: number) => void;
  onClose: () => void;
}) {
  const [view, setView] = useState<SideBySide | null>(null);
  const [error, setError] = useState<string | null>(null);
  const root = useRef<HTMLElement>(null);
  useEffect(() => {
    setView(null);
    setError(null);
    if (b === null) return;
    let current = true;
    (typeof a === 'number' ? request('corpus/compare', { a, b }) : request('page/side-by-side', { tabId: a.tabId, articleId: b }))
      .then((v) => current && setView(v))
      .catch((e: unknown) => current && setError((e as Error).message));
    return () => { current = false; };
  }, [typeof a === 'number' ? `article ${a}` : `tab ${a.tabId}`, b]);

  // Brings the counterpart of a mark into view in the other column, and flashes it.
  const onMark = (pair: number, from: 'a' | 'b') => {
    const other = root.current?.querySelector<HTMLElement>(`[data-testid="column-${from === 'a' ? 'b' : 'a'}"] mark[data-pairs~="${pair}"]`);
    if (!other) return;
    other.scrollIntoView({ block: 'center', behavior: 'smooth' });
    other.classList.remove('flash');
    void other.offsetWidth; // Restart the animation.
    other.classList.add('flash');
  };

  const first = typeof a === 'number' ? a : view?.a.id;
  const mates = useStoryMates(first ?? undefined);
  const others = listed.filter((x) => x.id !== first && !mates.some((m) => m.id === x.id));
  const label = (x: Choice) => [x.title ?? i18n.t('corpus.untitled'), x.site].filter(Boolean).join(' · ');
  return (
    <section class="side-by-side" ref={root} aria-label={i18n.t('corpus.sideBySide')} data-testid="side-by-side">
      <div class="sbs-head">
        <label class="filter">
          <span>{i18n.t('corpus.compareWith')}</span>
          <select value={b === null ? '' : String(b)} onChange={(e) => { const v = Number(e.currentTarget.value); if (v) onChoose(v); }} data-testid="compare-choice">
            <option value="" disabled>{i18n.t('corpus.chooseArticle')}</option>
            {mates.length > 0 && (
              <optgroup label={i18n.t('corpus.sameStory')}>
                {mates.map((x) => <option key={x.id} value={String(x.id)}>{label(x)}</option>)}
              </optgroup>
            )}
            {others.length > 0 && (
              <optgroup label={i18n.t('corpus.otherArticles')}>
                {others.map((x) => <option key={x.id} value={String(x.id)}>{label(x)}</option>)}
              </optgroup>
            )}
          </select>
        </label>
        {view && (
          <p class="meta" data-testid="sbs-summary">
            {counted('corpus.sharedQuotes', view.quotes)} · {counted('corpus.sharedPassages', view.passages)}
            {' · '}<span class="legend shared-quote">{i18n.t('corpus.legendQuote')}</span> <span class="legend shared-passage">{i18n.t('corpus.legendPassage')}</span>
          </p>
        )}
        <button onClick={onClose} aria-label={i18n.t('corpus.closeSideBySide')} data-testid="sbs-close">{i18n.t('corpus.close')}</button>
      </div>
      {b === null && <p class="muted">{i18n.t('corpus.chooseSecond')}</p>}
      {error && <p class="status-error" role="alert">{error}</p>}
      {b !== null && !view && !error && <p class="muted" role="status">{i18n.t('corpus.comparing')}</p>}
      {view?.detailSkipped !== undefined && <p class="status-error">{i18n.t('corpus.tooLongToCompare', [localNumber(view.detailSkipped)])}</p>}
      {view?.quotesPartial && <p class="muted" role="status" data-testid="sbs-quotes-partial">{i18n.t('corpus.quotesPartialSideBySide')}</p>}
      {view && (
        <div class="columns">
          <Column side={view.a} which="a" onMark={onMark} note={typeof a === 'number' ? undefined : i18n.t('corpus.pageInTab')} />
          <Column side={view.b} which="b" onMark={onMark} />
        </div>
      )}
    </section>
  );
}
