/**
 * Grouping a corpus into same-event stories: each article is matched against the corpus index
 * (its candidates, not every other article, beyond `GRADE_ALL_BELOW` articles), and `same` pairs
 * are joined by union–find (Tarjan 1975, with path compression). Articles alone in their story
 * are left out. A story's label is the title of its best-connected article. Used by the CLI's
 * `stories` command on a folder and by the extension's corpus page on the stored corpus.
 */
import type { ArticleFeatures } from '../match/types';
import { CorpusIndex } from './corpus-index';
import { matchPage } from './match';

export interface StoryArticle {
  id: string;
  title: string | null;
  features: ArticleFeatures;
  /** The start of the text, for the label of an article without a title. */
  text?: string;
}

export interface Story {
  ids: string[];
  label: string;
}

/** Candidates graded per article: a story rarely has more than a few dozen reports in one corpus. */
const STORY_CANDIDATES = 100;

/**
 * Stories of two articles or more, largest first. `index` is the corpus index when one is kept
 * already (the extension's), built from the articles otherwise.
 */
export function groupStories(articles: StoryArticle[], index: CorpusIndex = CorpusIndex.build(articles)): Story[] {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const parent = new Map<string, string>(articles.map((a) => [a.id, a.id]));
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const degree = new Map<string, number>();
  for (const a of articles) {
    for (const m of matchPage(index, a.features, (id) => byId.get(id)?.features, { candidates: STORY_CANDIDATES, exclude: a.id })) {
      if (m.relation !== 'same' || !byId.has(m.id)) continue;
      degree.set(a.id, (degree.get(a.id) ?? 0) + 1);
      parent.set(find(a.id), find(m.id));
    }
  }
  const groups = new Map<string, string[]>();
  for (const a of articles) {
    const r = find(a.id);
    groups.set(r, [...(groups.get(r) ?? []), a.id]);
  }
  return [...groups.values()]
    .filter((ids) => ids.length > 1)
    .map((ids) => {
      const sorted = ids.sort();
      const best = [...sorted].sort((x, y) => (degree.get(y) ?? 0) - (degree.get(x) ?? 0))[0]!;
      const a = byId.get(best);
      return { ids: sorted, label: a?.title || firstWords(a?.text ?? '') || best };
    })
    .sort((x, y) => y.ids.length - x.ids.length || (x.ids[0]! < y.ids[0]! ? -1 : 1));
}

/** A label for an article without a title: its first sentence, cut at a word near 100 characters. */
export function firstWords(text: string): string {
  const s = text.trim().split(/(?<=[.!?])\s/u)[0] ?? '';
  return s.length <= 100 ? s : `${s.slice(0, 100).replace(/\s+\S*$/u, '')}…`;
}
