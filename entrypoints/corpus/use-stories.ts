import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { request, STORIES_FIRST, STORIES_PAGE, type StoriesPage } from '../../extension/protocol';
import { useCorpusChanged } from './use-corpus-search';

/** The stories shown: the pages asked for so far, and `more` to ask for the next (null once all are shown). */
export type ShownStories = StoriesPage & { more: (() => void) | null };

/** While articles are still being linked, the stories are asked for again this often (they may grow). */
const LINKING_POLL_MS = 2_000;

/**
 * The corpus's stories, a page at a time, when `wanted` (the Stories view is open), then kept up
 * to date while it is: asked again when the corpus changes, and while the background is still
 * linking articles to their stories.
 * `fail` (a stable function) is told when the background cannot answer.
 */
export function useStories(wanted: boolean, fail: (error: unknown) => void) {
  const [page, setPage] = useState<StoriesPage | null>(null);
  /** Stories asked for: the first screen's, then a page more each time; asked again whole on a change. */
  const asked = useRef(STORIES_FIRST);
  const load = useCallback(async () => {
    try {
      setPage(await request('corpus/stories', { offset: 0, limit: asked.current }));
    } catch (error) {
      fail(error);
    }
  }, [fail]);
  /** The next page alone, after those shown (the first screen answered small; the rest on demand). */
  const next = useCallback(async (shown: StoriesPage) => {
    try {
      const more = await request('corpus/stories', { offset: shown.stories.length, limit: STORIES_PAGE });
      asked.current = shown.stories.length + STORIES_PAGE;
      setPage((now) => (now === shown ? { ...more, stories: [...shown.stories, ...more.stories] } : now));
    } catch (error) {
      fail(error);
    }
  }, [fail]);
  useEffect(() => {
    if (wanted) void load();
  }, [wanted, load]);
  useCorpusChanged(useCallback(() => {
    if (wanted) void load();
  }, [wanted, load]));
  useEffect(() => {
    if (!wanted || !page?.linking) return;
    const timer = setTimeout(() => void load(), LINKING_POLL_MS);
    return () => clearTimeout(timer);
  }, [wanted, page, load]);

  const stories = useMemo<ShownStories | null>(() => {
    if (!page) return null;
    const more = page.total > page.stories.length ? () => void next(page) : null;
    return { ...page, more };
  }, [page, next]);
  return { stories };
}
