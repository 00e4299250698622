import type { ComponentChildren } from 'preact';
import { useEffect, useMemo } from 'preact/hooks';
import { i18n } from '#i18n';
import type { PageComparison } from '../../extension/protocol';
import type { MarkedRunView, PassageSourceView, PassageView, Quoted, QuotedReport, SharedQuoteView, StoryMatchView, TimelineEntryView, WireView } from '../../lib/compare/report-types';
import { quoteReport } from '../../lib/compare/quoted';
import { localDateTime } from '../../extension/ui/VersionChanges';
import { comparedLists, shownEvidence } from '../../lib/compare/shown';
import { counted, localDate, localNumber, localPercent, numberFormat } from '../../extension/ui/format';
import { reasonsText } from '../../extension/ui/reasons';
import { EvidenceButton, HighlightToggle, useShowInPage, type EvidenceTarget } from './evidence';
import { FramingSection } from './FramingSection';
import type { Progress } from './use-page-state';
import { KeptApartList, MatchActions, useKeptApart } from './match-actions';
import { StorylineEvents, useStoryline } from '../../extension/ui/Storyline';
import { useChosenArticle, useFraming, type ComparisonLoad } from './use-comparison';

/** The progress line's sentence for a stage of the background's analysis. */
export function progressText(progress: Progress | null): string {
  switch (progress?.stage) {
    case 'extracting':
      return i18n.t('panel.reading');
    case 'matching':
      return i18n.t('panel.progressMatching');
    case 'comparing':
      // `done` articles are finished: the one under way is the next.
      return i18n.t('panel.progressComparing', [localNumber(Math.min(progress.done + 1, progress.total)), localNumber(progress.total)]);
    case 'framing':
      return i18n.t('panel.progressFraming');
    default:
      return i18n.t('panel.comparing');
  }
}

/** How a stored article is named in sentences: its outlet and date, else its title. */
export function outletName(article: StoryMatchView | undefined): string {
  if (!article) return i18n.t('panel.aStoredArticle');
  return [article.site, localDate(article.publishedTime)].filter(Boolean).join(', ') || article.title || i18n.t('panel.aStoredArticle');
}

const RELATIONS: Record<SharedQuoteView['versions'][number]['relation'], () => string> = {
  exact: () => i18n.t('panel.relExact'),
  insertion: () => i18n.t('panel.relInsertion'),
  cut: () => i18n.t('panel.relCut'),
  truncated: () => i18n.t('panel.relTruncated'),
  altered: () => i18n.t('panel.relAltered'),
  spliced: () => i18n.t('panel.relSpliced'),
  unquoted: () => i18n.t('panel.relUnquoted'),
};

const KINDS: Record<PassageView['kind'], () => string> = {
  verbatim: () => i18n.t('panel.kindVerbatim'),
  edited: () => i18n.t('panel.kindEdited'),
  paraphrase: () => i18n.t('panel.kindParaphrase'),
};

/** Words read out before a diff mark, so the diff is not told by strike-through and colour alone. */
const SrOnly = ({ text }: { text: string }) => <span class="sr-only">{text} </span>;

function StoryList({ title, articles, testId, id, actions }: { title: string; articles: StoryMatchView[]; testId: string; id: string; actions?: (a: StoryMatchView) => ComponentChildren }) {
  if (articles.length === 0) return null;
  return (
    <section aria-labelledby={`${id}-h`} id={id} tabIndex={-1} data-testid={testId}>
      <h2 id={`${id}-h`}>{title} <span class="count">{localNumber(articles.length)}</span></h2>
      <ul class="stories">
        {articles.map((a) => (
          <li key={a.id}>
            <span class={`grade grade-${a.relation}`}>{a.relation === 'same' ? i18n.t('panel.gradeSame') : i18n.t('panel.gradeRelated')}</span>{' '}
            <strong>{a.title ?? i18n.t('panel.untitledArticle')}</strong>
            <div class="meta">{[a.site, localDate(a.publishedTime), i18n.t('panel.score', [numberFormat({ maximumFractionDigits: 2, minimumFractionDigits: 2 }).format(a.score)])].filter(Boolean).join(' · ')}</div>
            <div class="reasons">{reasonsText(a.reasons)}</div>
            {actions?.(a)}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A comparison stopped at its time limit: what it left out, each part said only when it applies. */
function BudgetSpent({ spent }: { spent: NonNullable<PageComparison['budgetSpent']> }) {
  const parts = [
    i18n.t('panel.budgetSpent', [localNumber(spent.totalMs / 1000)]),
    spent.notCompared > 0 && counted('panel.budgetNotCompared', spent.notCompared),
    spent.quotesPartial > 0 && counted('panel.budgetQuotesPartial', spent.quotesPartial),
    spent.framingSkipped && i18n.t('panel.budgetFramingSkipped'),
    spent.storySkipped && i18n.t('panel.budgetStorySkipped'),
  ].filter((p): p is string => typeof p === 'string');
  return <p class="muted" role="status" data-testid="budget-spent">{parts.join(' ')}</p>;
}

const hasWire = (wire: WireView) => wire.pageCredits.length > 0 || wire.groups.length > 0;

/**
 * Whose wire the page and its same-event versions are: the page's agency and the share of it in
 * the agency's other copies, then each group of copies once with the outlets carrying it, and the
 * counts of independent reports and reprints (lib/wire decides; this only words it).
 */
function WireSection({ wire, byId }: { wire: WireView; byId: Map<number, StoryMatchView> }) {
  if (!hasWire(wire)) return null;
  const counts = [
    counted('panel.wire.independent', wire.counts.independent),
    ...wire.counts.reprints.map((r) => counted('panel.wire.reprints', r.count, r.agency)),
  ].join(', ');
  return (
    <section aria-labelledby="sec-wire-h" id="sec-wire" tabIndex={-1} data-testid="wire">
      <h2 id="sec-wire-h">{i18n.t('panel.wire.title')}</h2>
      {wire.pageWire ? (
        <p data-testid="wire-page" title={i18n.t('panel.wire.pageWireHelp', [wire.pageWire.agency])}>
          <strong>{i18n.t('panel.wire.pageWire', [wire.pageWire.agency, localPercent(wire.pageWire.share)])}</strong>
        </p>
      ) : (
        wire.pageCredits.length > 0 && <p class="meta" data-testid="wire-credited">{i18n.t('panel.wire.credited', [wire.pageCredits.join(', ')])}</p>
      )}
      {wire.groups.length > 0 && (
        <>
          <p data-testid="wire-counts">{counts}</p>
          <p class="meta">{i18n.t('panel.wire.countsHelp', [localNumber(wire.counts.versions - 1)])}</p>
          <ul class="plain">
            {wire.groups.map((g, i) => (
              <li key={i} data-testid="wire-group">
                {i18n.t('panel.wire.group', [g.agency, [...(g.includesPage ? [i18n.t('panel.wire.thisPage')] : []), ...g.articleIds.map((id) => outletName(byId.get(id)))].join(' · ')])}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** A time as published: with its hour when it has one, else the day. */
const timeText = (iso: string | null) => (!iso ? i18n.t('panel.timeline.unknown') : /T\d/.test(iso) ? localDateTime(iso) : localDate(iso));

/** The page as the storyline places it: its stored copy, title, outlet and declared publication time. */
export interface PageOnStoryline {
  savedId: number | null;
  title: string | null;
  site: string | null;
  publishedTime: string | null;
}

/**
 * The storyline timeline (issue 17, item 4): the events of the page's storyline in date order, the
 * page in its own event — from the articles the comparison listed, grouped by the Stories view's stories.
 */
function StorylineSection({ c, page, same, related }: { c: PageComparison; page: PageOnStoryline; same: StoryMatchView[]; related: StoryMatchView[] }) {
  // The page's place: its declared time, else when the comparison first saw it (its timeline entry).
  const entry = c.timeline?.entries.find((e) => e.articleId === null);
  const firstSeen = entry?.basis === 'first-seen' && entry.time ? entry.time : new Date().toISOString();
  const ids = [...same, ...related].map((a) => a.id);
  const sameAs = same.map((a) => a.id);
  const load = useStoryline(
    related.length > 0 ? { ids, expand: false, page: { id: page.savedId, title: page.title, site: page.site, publishedTime: page.publishedTime, firstSeen, sameAs } } : null,
    `${ids.join(',')}/${sameAs.join(',')}/${page.savedId}`,
  );
  if (related.length === 0) return null;
  return (
    <section aria-labelledby="sec-storyline-h" id="sec-storyline" tabIndex={-1} data-testid="storyline">
      <h2 id="sec-storyline-h">{i18n.t('storyline.title')}</h2>
      <p class="meta legend">{i18n.t('storyline.help')}</p>
      <StorylineEvents load={load} />
    </section>
  );
}

/**
 * Who published first: the page and its same-event versions by publication time (else first
 * seen), then each shared passage with the version certainly first to carry it (lib/timeline).
 */
function TimelineSection({ timeline, byId, scrollTo }: { timeline: { entries: TimelineEntryView[]; sources: Quoted<PassageSourceView>[] }; byId: Map<number, StoryMatchView>; scrollTo: (t: EvidenceTarget) => unknown }) {
  if (timeline.entries.length < 2) return null;
  const site = (id: number | null) => (id === null ? i18n.t('panel.timeline.thisPage') : byId.get(id)?.site ?? byId.get(id)?.title ?? i18n.t('panel.aStoredArticle'));
  const sourced = timeline.sources.filter((s) => s.source !== null);
  const unsourced = timeline.sources.length - sourced.length;
  return (
    <section aria-labelledby="sec-timeline-h" id="sec-timeline" tabIndex={-1} data-testid="timeline">
      <h2 id="sec-timeline-h">{i18n.t('panel.timeline.title')}</h2>
      <ol data-testid="timeline-entries">
        {timeline.entries.map((e) => (
          <li key={e.articleId ?? 'page'} class={e.articleId === null ? 'this-page' : ''}>
            {e.basis === 'first-seen' ? i18n.t('panel.timeline.firstSeen', [timeText(e.time)]) : timeText(e.time)} — {e.articleId === null ? <strong>{site(null)}</strong> : site(e.articleId)}
          </li>
        ))}
      </ol>
      {sourced.length > 0 && (
        <ul class="plain" data-testid="passage-sources">
          {sourced.map((s, i) => (
            <li key={i} class="passage">
              <EvidenceButton quote={s.pageQuote} show={scrollTo}>« {s.pageQuote.exact.length > 160 ? `${s.pageQuote.exact.slice(0, 160)}…` : s.pageQuote.exact} »</EvidenceButton>
              <div class="meta">{i18n.t('panel.timeline.source', [site(s.source!.articleId), timeText(s.source!.from), site(s.source!.next), timeText(s.source!.to)])}</div>
            </li>
          ))}
        </ul>
      )}
      {unsourced > 0 && <p class="meta" data-testid="no-source">{counted('panel.timeline.noSource', unsourced)}</p>}
      {timeline.sources.length > 0 && <p class="meta legend">{i18n.t('panel.timeline.help')}</p>}
    </section>
  );
}

function QuoteItem({ quote, byId, scrollTo }: { quote: Quoted<SharedQuoteView>; byId: Map<number, StoryMatchView>; scrollTo: (t: EvidenceTarget) => unknown }) {
  return (
    <li class="quote" data-testid="shared-quote">
      <EvidenceButton quote={quote.pageQuote} show={scrollTo}>« {quote.pageQuote.exact} »</EvidenceButton>
      {quote.speaker && <div class="meta">— {quote.speaker}</div>}
      {quote.speakersDiffer && <div class="meta muted" data-testid="speakers-differ">{i18n.t('panel.speakersDiffer')}</div>}
      <ul class="versions">
        {quote.versions.map((v, i) => (
          <li key={i}>
            <span class={`tag rel-${v.relation}`}>{RELATIONS[v.relation]()}</span> <span>{outletName(byId.get(v.articleId))}</span>
            {v.diff.length > 0 && (
              <p class="diff">
                {v.diff.map((d, j) =>
                  d.op === 'same' ? (
                    <span key={j}>{d.text} </span>
                  ) : d.op === 'removed' ? (
                    <del key={j}><SrOnly text={i18n.t('panel.onlyHere')} />{d.text}</del>
                  ) : (
                    <ins key={j}><SrOnly text={i18n.t('panel.onlyThere')} />{d.text}</ins>
                  ),
                )}
              </p>
            )}
          </li>
        ))}
      </ul>
    </li>
  );
}

/** A passage's runs as the report cuts them (lib/compare/report `PASSAGE_SHOWN_CHARS`): the page shows the whole passage on click. */
function Runs({ runs }: { runs: MarkedRunView[] }) {
  return <>{runs.map((r, i) => (r.changed ? <mark key={i}><SrOnly text={i18n.t('panel.changed')} />{r.text}</mark> : <span key={i}>{r.text}</span>))}</>;
}

function PassageItem({ passage, byId, scrollTo }: { passage: Quoted<PassageView>; byId: Map<number, StoryMatchView>; scrollTo: (t: EvidenceTarget) => unknown }) {
  return (
    <li class="passage" data-testid="shared-passage">
      <div class="meta">
        <span class={`tag kind-${passage.kind}`}>{KINDS[passage.kind]()}</span> {i18n.t('panel.passageMeta', [localPercent(passage.similarity), outletName(byId.get(passage.articleId))])}
      </div>
      <EvidenceButton quote={passage.pageQuote} show={scrollTo}>
        <Runs runs={passage.page} />
      </EvidenceButton>
      <p class="other"><Runs runs={passage.other} /></p>
    </li>
  );
}

/** The select of the compared article: all same-event articles (the default), or one of either list. */
function Switcher({ c, chosen, onChoose }: { c: PageComparison; chosen: number | null; onChoose: (id: number | null) => void }) {
  const option = (a: StoryMatchView) => (
    <option key={a.id} value={String(a.id)}>
      {outletName(a)}{a.title ? ` — ${a.title.length > 70 ? `${a.title.slice(0, 70)}…` : a.title}` : ''}
    </option>
  );
  return (
    <div class="switcher">
      <label for="compare-with">{i18n.t('panel.switcher')}</label>
      <select
        id="compare-with"
        data-testid="switcher"
        value={chosen === null ? '' : String(chosen)}
        onChange={(e) => {
          const value = (e.target as HTMLSelectElement).value;
          onChoose(value === '' ? null : Number(value));
        }}
      >
        <option value="">{c.same.length > 0 ? i18n.t('panel.allSame') : i18n.t('panel.allRelated')}</option>
        {c.same.length > 0 && <optgroup label={i18n.t('panel.sameEvent')}>{c.same.map(option)}</optgroup>}
        {c.related.length > 0 && <optgroup label={i18n.t('panel.sameStoryline')}>{c.related.map(option)}</optgroup>}
      </select>
    </div>
  );
}

/** The status line: the stage under way while comparing, then how long the comparison took. */
export function ProgressLine({ text }: { text: string }) {
  return (
    <p class="progress muted" role="status" aria-live="polite" data-testid="progress">
      {text}
    </p>
  );
}

/**
 * The page compared with the corpus: same-story lists, then the evidence (shared quotes, framing,
 * shared passages) of the articles compared: all same-event articles, or the one chosen.
 */
export function ComparisonView({ tabId, load, progress, onOpenCorpus, anyway = false, page, pageText, onStale }: {
  tabId: number; load: ComparisonLoad; progress: Progress | null; onOpenCorpus: () => void; anyway?: boolean; page?: PageOnStoryline;
  /** The page's text as the panel got it: the report's spans index it (their words and context are rebuilt from it). */
  pageText: string;
  /** The report indexes another reading of the page (read again since): the panel asks for the page's state again. */
  onStale?: () => void;
}) {
  const { scrollTo, missing } = useShowInPage(tabId);
  const reply = load.kind === 'done' ? load.comparison : null;
  const c: QuotedReport<PageComparison> | null = useMemo(() => reply && quoteReport(reply, pageText), [reply, pageText]);
  const stale = reply !== null && c === null;
  useEffect(() => {
    if (stale) onStale?.();
  }, [stale]);
  const judged = useKeptApart(tabId, c);
  const [chosen, setChosen] = useChosenArticle(c, judged.marked);
  const framing = useFraming(tabId, c, chosen, anyway);
  const actions = (a: StoryMatchView) => <MatchActions tabId={tabId} article={a} judged={judged} />;

  if (load.kind === 'loading' || stale) {
    // The lists are known once matched: show them while the quotes and passages are compared.
    const known = progress?.matches;
    return (
      <div class="comparison" data-testid="comparison-partial" aria-busy="true">
        <ProgressLine text={progressText(progress)} />
        {known && <StoryList title={i18n.t('panel.sameEvent')} articles={judged.withMarked(known.same, 'same')} testId="same-event-partial" id="sec-same" actions={actions} />}
        {known && <StoryList title={i18n.t('panel.sameStoryline')} articles={judged.withMarked(known.related, 'related')} testId="related-partial" id="sec-related" actions={actions} />}
      </div>
    );
  }
  if (load.kind === 'failed') return <p class="status-error" role="alert">{i18n.t('panel.compareFailed', [load.message])}</p>;
  if (!c) return null;
  // Imported articles whose features are still being prepared are not in the lists yet: said, not missed silently.
  const unprepared = c.unprepared ? <p class="muted" role="status" data-testid="unprepared">{counted('panel.unprepared', c.unprepared)}</p> : null;
  if (c.corpusSize === 0 && !unprepared) {
    return (
      <div class="card" data-testid="empty-corpus" role="status">
        <strong>{i18n.t('panel.emptyCorpus')}</strong>
        <p class="muted">{i18n.t('panel.emptyCorpusHelp')}</p>
        <button onClick={onOpenCorpus}>{i18n.t('panel.openCorpusPage')}</button>
      </div>
    );
  }
  // The lists with the articles marked "not the same event" in this view kept in place (with their
  // undo); the evidence and the choices leave them out.
  const sameListed = judged.withMarked(c.same, 'same');
  const relatedListed = judged.withMarked(c.related, 'related');
  if (sameListed.length === 0 && relatedListed.length === 0) {
    return (
      <>
        <div class="card" data-testid="no-match" role="status">
          <strong>{i18n.t('panel.noMatch')}</strong>
          <p class="muted">{i18n.t('panel.noMatchHelp')}</p>
        </div>
        {unprepared}
        <KeptApartList judged={judged} />
      </>
    );
  }
  const shown = comparedLists(c, judged.isApart);

  const byId = new Map([...sameListed, ...relatedListed].map((a) => [a.id, a]));
  const { quotes, passages, copied, similar, coverage: shownCoverage } = shownEvidence(shown, chosen);
  const coverage =
    chosen !== null
      ? i18n.t('panel.coverageOne', [localPercent(shownCoverage.share), outletName(byId.get(chosen))])
      : counted('panel.coverageAll', shownCoverage.articles, localPercent(shownCoverage.share));
  // Highlights follow the choice: an article that shares nothing leaves the page unpainted.
  const hasEvidence = quotes.length > 0 || passages.length > 0;
  const framingOther = framing.kind === 'done' && framing.framing ? byId.get(framing.framing.articleId) : undefined;
  const compared = c.timings.compareMs.length;
  const sections = [
    sameListed.length > 0 && ['sec-same', i18n.t('panel.sameEvent')],
    relatedListed.length > 0 && ['sec-related', i18n.t('panel.sameStoryline')],
    quotes.length > 0 && ['sec-quotes', i18n.t('panel.sharedQuotes')],
    c.wire && hasWire(c.wire) && ['sec-wire', i18n.t('panel.wire.title')],
    c.timeline && c.timeline.entries.length > 1 && ['sec-timeline', i18n.t('panel.timeline.title')],
    page && shown.related.length > 0 && ['sec-storyline', i18n.t('storyline.title')],
    ['sec-framing', i18n.t('panel.framing')],
    passages.length > 0 && ['sec-passages', i18n.t('panel.sharedPassages')],
  ].filter((s): s is [string, string] => Boolean(s));

  return (
    <div class="comparison" data-testid="comparison">
      <ProgressLine text={counted('panel.comparedIn', compared, numberFormat({ maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(c.timings.totalMs / 1000))} />
      {/* Said first: everything below may be incomplete. */}
      {c.budgetSpent && <BudgetSpent spent={c.budgetSpent} />}
      <div class="controls">
        <Switcher c={shown} chosen={chosen} onChoose={setChosen} />
        {hasEvidence && <HighlightToggle tabId={tabId} quotes={quotes.map((q) => q.pageQuote)} passages={passages.map((p) => p.pageQuote)} />}
      </div>
      <nav aria-label={i18n.t('panel.sections')} class="skip" data-testid="sections">
        <ul>{sections.map(([id, title]) => <li key={id}><a href={`#${id}`}>{title}</a></li>)}</ul>
      </nav>
      <StoryList title={i18n.t('panel.sameEvent')} articles={sameListed} testId="same-event" id="sec-same" actions={actions} />
      <StoryList title={i18n.t('panel.sameStoryline')} articles={relatedListed} testId="related" id="sec-related" actions={actions} />
      <KeptApartList judged={judged} />
      {c.wire && <WireSection wire={c.wire} byId={byId} />}
      {c.timeline && <TimelineSection timeline={c.timeline} byId={byId} scrollTo={scrollTo} />}
      {page && <StorylineSection c={c} page={page} same={shown.same} related={shown.related} />}
      {c.detailSkipped !== undefined && <p class="muted" role="status" data-testid="detail-skipped">{i18n.t('panel.detailSkipped', [localNumber(c.detailSkipped)])}</p>}
      {unprepared}
      {missing && <p class="status-error" role="alert">{i18n.t('panel.missingInPage', [missing.slice(0, 80)])}</p>}
      {chosen !== null && quotes.length === 0 && passages.length === 0 && c.detailSkipped === undefined && c.budgetSpent === undefined && (
        <p class="muted" data-testid="nothing-shared">{i18n.t('panel.nothingShared')}</p>
      )}
      {quotes.length > 0 && (
        <section aria-labelledby="sec-quotes-h" id="sec-quotes" tabIndex={-1} data-testid="shared-quotes">
          <h2 id="sec-quotes-h">{i18n.t('panel.sharedQuotes')} <span class="count">{localNumber(quotes.length)}</span></h2>
          {quotes.some((q) => q.versions.some((v) => v.diff.length > 0)) && <p class="meta legend">{i18n.t('panel.diffLegend')}</p>}
          <ul class="plain">{quotes.map((q, i) => <QuoteItem key={i} quote={q} byId={byId} scrollTo={scrollTo} />)}</ul>
        </section>
      )}
      <section aria-labelledby="sec-framing-h" id="sec-framing" tabIndex={-1}>
        <h2 id="sec-framing-h">{i18n.t('panel.framing')}</h2>
        {framing.kind === 'loading' ? (
          <ProgressLine text={i18n.t('panel.progressFraming')} />
        ) : framing.framing ? (
          <FramingSection framing={framing.framing} other={framingOther} otherName={outletName(framingOther)} scrollTo={scrollTo} />
        ) : (
          <p class="muted" data-testid="framing-none">{chosen !== null ? i18n.t('panel.framingNone') : c.budgetSpent?.framingSkipped ? i18n.t('panel.framingSkipped') : i18n.t('panel.framingNoneDefault')}</p>
        )}
      </section>
      {passages.length > 0 && (
        <section aria-labelledby="sec-passages-h" id="sec-passages" tabIndex={-1} data-testid="shared-passages">
          <h2 id="sec-passages-h">{i18n.t('panel.sharedPassages')} <span class="count">{localNumber(copied.length)}</span></h2>
          {copied.length > 0 && <p class="meta" data-testid="coverage">{coverage}</p>}
          <p class="meta legend">{i18n.t('panel.changedLegend')}</p>
          <ul class="plain">{copied.map((p, i) => <PassageItem key={i} passage={p} byId={byId} scrollTo={scrollTo} />)}</ul>
          {similar.length > 0 && (
            <div data-testid="similar-wording">
              <h3>{i18n.t('panel.similarWording')} <span class="count">{localNumber(similar.length)}</span></h3>
              <p class="meta">{i18n.t('panel.similarWordingHelp')}</p>
              <ul class="plain">{similar.map((p, i) => <PassageItem key={i} passage={p} byId={byId} scrollTo={scrollTo} />)}</ul>
            </div>
          )}
        </section>
      )}
    </div>
  );
}
