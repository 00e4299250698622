/**
 * The side panel's comparison, asked of the background: the page against the corpus, the framing
 * beside the chosen article, and the reader's choice of it. Each request is dropped when a newer
 * one replaces it (the tab, the page or the choice changed); the views only render.
 */
import { useEffect, useState } from 'preact/hooks';
import { request, type PageComparison } from '../../extension/protocol';
import type { StoryMatchView } from '../../lib/compare/report-types';
import { stillChosen } from '../../lib/compare/shown';
import type { FramingView } from '../../lib/framing/view';

export type ComparisonLoad = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'done'; comparison: PageComparison | null };

/**
 * The page of a tab compared with the corpus, asked again whenever `refreshKey` changes;
 * `anyway`: compare a page judged not an article too.
 */
export function useComparison(tabId: number, refreshKey: unknown, anyway = false): ComparisonLoad {
  const [load, setLoad] = useState<ComparisonLoad>({ kind: 'loading' });
  useEffect(() => {
    let current = true;
    setLoad({ kind: 'loading' });
    request('page/compare', { tabId, anyway })
      .then((comparison) => current && setLoad({ kind: 'done', comparison }))
      .catch((error: Error) => current && setLoad({ kind: 'failed', message: error.message }));
    return () => {
      current = false;
    };
  }, [tabId, refreshKey, anyway]);
  return load;
}

export type FramingLoad = { kind: 'loading' } | { kind: 'done'; framing: FramingView | null };

/** The framing beside the chosen article (asked of the background), or the default closest version's. */
export function useFraming(tabId: number, c: PageComparison | null, chosen: number | null, anyway: boolean): FramingLoad {
  const [asked, setAsked] = useState<{ id: number; framing: FramingView | null } | null>(null);
  useEffect(() => {
    if (chosen === null) return;
    let current = true;
    setAsked(null);
    request('page/framing', { tabId, articleId: chosen, anyway })
      .then((framing) => current && setAsked({ id: chosen, framing }))
      .catch(() => current && setAsked({ id: chosen, framing: null }));
    return () => {
      current = false;
    };
  }, [tabId, c, chosen, anyway]);
  if (chosen === null) return { kind: 'done', framing: c?.framing ?? null };
  return asked?.id === chosen ? { kind: 'done', framing: asked.framing } : { kind: 'loading' };
}

/**
 * The article the reader chose to compare with (null: all same-event articles), given up when a
 * new comparison (navigation, corpus change) no longer lists it or the reader marks it not the
 * same event.
 */
export function useChosenArticle(c: PageComparison | null, marked: ReadonlyMap<number, StoryMatchView>): [number | null, (id: number | null) => void] {
  const [chosen, setChosen] = useState<number | null>(null);
  useEffect(() => {
    const kept = stillChosen(chosen, c, marked);
    if (kept !== chosen) setChosen(kept);
  }, [c, marked]);
  return [chosen, setChosen];
}
