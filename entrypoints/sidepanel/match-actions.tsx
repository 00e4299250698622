/**
 * What the reader can do with a listed stored article: read it side by side with the page (the
 * corpus page's view), or say it is not the same event (kept with the corpus; the background
 * then leaves it out of the lists and the Stories view keeps the two apart), and take that back.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { request, type KeptApartView } from '../../extension/protocol';
import type { StoryMatchView } from '../../lib/compare/report-types';
import { listedWithMarked } from '../../lib/compare/shown';
import { counted, localDate } from '../../extension/ui/format';

/** Opens the corpus page's side-by-side view of the tab's page and a stored article. */
function openSideBySide(tabId: number, articleId: number): void {
  void browser.tabs.create({ url: browser.runtime.getURL(`/corpus.html?tab=${tabId}&with=${articleId}` as '/corpus.html') });
}

const titleOf = (a: { title: string | null }) => a.title ?? i18n.t('panel.untitledArticle');

/**
 * The reader's judgements on this page's matches: those marked in this view stay in their list,
 * with an undo in place (the comparison that follows the change no longer lists them); `hidden`
 * are all the articles marked not the same event as the page, asked again at each comparison.
 */
export function useKeptApart(tabId: number, refreshKey: unknown) {
  const [marked, setMarked] = useState<ReadonlyMap<number, StoryMatchView>>(new Map());
  const [hidden, setHidden] = useState<KeptApartView[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    request('page/kept-apart', { tabId }).then((list) => current && setHidden(list)).catch(() => current && setHidden([]));
    return () => { current = false; };
  }, [tabId, refreshKey]);
  const judge = async (article: { id: number }, apart: boolean, listed?: StoryMatchView) => {
    setError(null);
    try {
      await request('page/keep-apart', { tabId, articleId: article.id, apart });
      if (!apart) setHidden((old) => old.filter((h) => h.id !== article.id));
      setMarked((old) => {
        const next = new Map(old);
        if (apart && listed) next.set(article.id, listed);
        else next.delete(article.id);
        return next;
      });
    } catch (e) {
      setError((e as Error).message);
    }
  };
  /** A list with the articles marked here put back in place (by score, as the background ranks them), the others hidden. */
  const withMarked = (articles: StoryMatchView[], relation: StoryMatchView['relation']) => listedWithMarked(articles, marked, relation);
  return {
    marked, error, withMarked,
    /** Marked not the same event, here or earlier: their evidence is not shown. */
    isApart: (id: number) => marked.has(id) || hidden.some((h) => h.id === id),
    /** Marked earlier (not in this view): listed apart, each with a way to show it again. */
    hiddenElsewhere: hidden.filter((h) => !marked.has(h.id)),
    mark: (a: StoryMatchView) => judge(a, true, a),
    undo: (a: { id: number }) => judge(a, false),
  };
}

export type KeptApart = ReturnType<typeof useKeptApart>;

/** Focus comes back to a re-rendered undo button only when it was lost (never taken from elsewhere). */
const refocus = (el: HTMLButtonElement | null) => {
  if (el && (document.activeElement === null || document.activeElement === document.body)) el.focus();
};

/** The actions under a listed article; once marked, a line saying so with its undo. */
export function MatchActions({ tabId, article, judged }: { tabId: number; article: StoryMatchView; judged: KeptApart }) {
  const title = titleOf(article);
  if (judged.marked.has(article.id)) {
    return (
      <div class="match-actions" data-testid="kept-apart-line">
        <span role="status">{i18n.t('panel.match.marked', [title])}</span>{' '}
        <button ref={refocus} onClick={() => void judged.undo(article)} aria-label={i18n.t('panel.match.undoLabel', [title])} data-testid="undo-apart">
          {i18n.t('panel.match.undo')}
        </button>
      </div>
    );
  }
  const same = article.relation === 'same';
  return (
    <div class="match-actions">
      <button onClick={() => openSideBySide(tabId, article.id)} aria-label={i18n.t('panel.match.sideBySideLabel', [title])} data-testid="open-side-by-side">
        {i18n.t('panel.match.sideBySide')}
      </button>
      <button
        onClick={() => void judged.mark(article)}
        aria-label={i18n.t(same ? 'panel.match.notSameLabel' : 'panel.match.notRelatedLabel', [title])}
        data-testid="keep-apart"
      >
        {i18n.t(same ? 'panel.match.notSame' : 'panel.match.notRelated')}
      </button>
    </div>
  );
}

/** The articles marked not the same event earlier, folded, each with a way to show it again. */
export function KeptApartList({ judged }: { judged: KeptApart }) {
  const list = judged.hiddenElsewhere;
  if (list.length === 0 && !judged.error) return null;
  return (
    <>
      {judged.error && <p class="status-error" role="alert">{judged.error}</p>}
      {list.length > 0 && (
        <details class="kept-apart" data-testid="kept-apart">
          <summary>{counted('panel.match.hidden', list.length)}</summary>
          <ul class="stories">
            {list.map((a) => (
              <li key={a.id} data-testid="kept-apart-item">
                <strong>{titleOf(a)}</strong>
                <div class="meta">{[a.site, localDate(a.publishedTime)].filter(Boolean).join(' · ')}</div>
                <button onClick={() => void judged.undo(a)} aria-label={i18n.t('panel.match.restoreLabel', [titleOf(a)])} data-testid="restore-apart">
                  {i18n.t('panel.match.restore')}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
