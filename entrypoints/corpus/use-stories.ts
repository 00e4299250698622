import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { request, type StoryGroup } from '../../extension/protocol';
import { useCorpusChanged } from './use-corpus-search';

/**
 * The corpus's stories, grouped when `wanted` (the Stories view is open: seconds on a corpus of
 * thousands), then kept up to date while it is; a side by side offers an article's story once
 * they are known. `fail` (a stable function) is told when the background cannot answer.
 */
export function useStories(wanted: boolean, fail: (error: unknown) => void) {
  const [stories, setStories] = useState<StoryGroup[] | null>(null);
  const load = useCallback(async () => {
    try {
      setStories(await request('corpus/stories', {}));
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

  /** Each article's story. */
  const storyOf = useMemo(() => {
    const byId = new Map<number, StoryGroup>();
    for (const s of stories ?? []) for (const id of s.ids) byId.set(id, s);
    return byId;
  }, [stories]);
  return { stories, storyOf };
}
