/**
 * Grouping a corpus into same-event stories: each article is matched against the corpus index
 * (its candidates, not every other article, beyond `GRADE_ALL_BELOW` articles), and `same` pairs
 * are joined by union–find (Tarjan 1975, with path compression). Articles alone in their story
 * are left out. A story's label is the title of its best-connected article (the most same-event links found). Used by the CLI's
 * `stories` command on a folder and by the extension's corpus page on the stored corpus.
 */
import type { ArticleFeatures } from '../match/types';
import { gradePrepared, prepare, type PreparedFeatures } from '../match/score';
import { CorpusIndex } from './corpus-index';
import { candidateIds } from './match';

export interface StoryArticle {
  id: string;
  /** Its title, or for an article without one its first words (`firstWords`): the story's label. */
  title: string | null;
  features: ArticleFeatures;
}

export interface Story {
  ids: string[];
  label: string;
}

/** Candidates graded per article: a story rarely has more than a few dozen reports in one corpus. */
const STORY_CANDIDATES = 100;

/** The key of an unordered pair of article ids, as `keptApart` holds them. */
export const pairKey = (a: string, b: string): string => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/**
 * Stories of two articles or more, largest first. `index` is the corpus index when one is kept
 * already (the extension's), built from the articles otherwise. `keptApart` holds pairs (by
 * {@link pairKey}) a reader judged not the same event: two stories are not joined when that would
 * put such a pair in one (a cannot-link constraint, Wagstaff & Cardie 2000, "Clustering with
 * instance-level constraints"), so no chain of links through other articles brings them together.
 */
export function groupStories(articles: StoryArticle[], index: CorpusIndex = CorpusIndex.build(articles), keptApart: ReadonlySet<string> = new Set()): Story[] {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const parent = new Map<string, string>(articles.map((a) => [a.id, a.id]));
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const apartPairs = [...keptApart].map((k) => k.split('\u0000') as [string, string]);
  /** Whether joining the stories of roots `x` and `y` would put a pair kept apart in one story. */
  const forbidden = (x: string, y: string) =>
    apartPairs.some(([p, q]) => parent.has(p) && parent.has(q) && ((find(p) === x && find(q) === y) || (find(p) === y && find(q) === x)));
  const degree = new Map<string, number>();
  // Each article is weighed against the corpus once, not once per pair it is graded in (what
  // `matchPage` would do): the grading is the same, without re-preparing a candidate per query.
  const prepared = new Map<string, PreparedFeatures>();
  const prepared_ = (a: StoryArticle) => {
    let p = prepared.get(a.id);
    if (!p) prepared.set(a.id, (p = prepare(a.features, index)));
    return p;
  };
  // A pair is graded once, whichever of its two articles finds the other first; a pair already
  // in one story needs no grade to be joined (its articles' degrees then count the links found).
  const graded = new Set<string>();
  for (const a of articles) {
    for (const id of candidateIds(index, a.features, { candidates: STORY_CANDIDATES, exclude: a.id })) {
      const b = byId.get(id);
      if (!b || find(a.id) === find(id)) continue;
      const key = pairKey(a.id, id);
      if (graded.has(key) || keptApart.has(key)) continue;
      graded.add(key);
      if (gradePrepared(prepared_(a), prepared_(b)).relation !== 'same') continue;
      if (forbidden(find(a.id), find(id))) continue;
      degree.set(a.id, (degree.get(a.id) ?? 0) + 1);
      degree.set(id, (degree.get(id) ?? 0) + 1);
      parent.set(find(a.id), find(id));
    }
  }
  const groups = new Map<string, string[]>();
  for (const a of articles) {
    const r = find(a.id);
    const group = groups.get(r);
    if (group) group.push(a.id);
    else groups.set(r, [a.id]);
  }
  return [...groups.values()]
    .filter((ids) => ids.length > 1)
    .map((ids) => {
      const sorted = ids.sort();
      const best = [...sorted].sort((x, y) => (degree.get(y) ?? 0) - (degree.get(x) ?? 0))[0]!;
      return { ids: sorted, label: byId.get(best)?.title || best };
    })
    .sort((x, y) => y.ids.length - x.ids.length || (x.ids[0]! < y.ids[0]! ? -1 : 1));
}

/** A label for an article without a title: its first sentence, cut at a word near 100 characters. */
export function firstWords(text: string): string {
  const s = text.slice(0, 400).trim().split(/(?<=[.!?])\s/u)[0] ?? '';
  return s.length <= 100 ? s : `${s.slice(0, 100).replace(/\s+\S*$/u, '')}…`;
}
