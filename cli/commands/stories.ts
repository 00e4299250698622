import { computeFeatures } from '../../lib/match';
import { CorpusIndex, matchPage } from '../../lib/index';
import type { ArticleFeatures } from '../../lib/match/types';
import { readCorpusFolder } from '../corpus-folder';
import type { Command } from './command';
import { UsageError } from './command';

/** The JSON that `recoupe stories` prints. */
export interface StoriesOutput {
  stories: { ids: string[]; label: string }[];
}

/** Candidates graded per article: a story rarely has more than a few dozen reports in one folder. */
const STORY_CANDIDATES = 100;

/**
 * Group articles into same-event stories: each article is matched against the folder's index
 * (not against every other article), and `same` pairs are joined (union–find). Articles alone in
 * their story are left out. A story's label is the title of its best-connected article.
 */
export function groupStories(articles: { id: string; title: string | null; features: ArticleFeatures; text?: string }[]): StoriesOutput {
  const index = CorpusIndex.build(articles);
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
      if (m.relation !== 'same') continue;
      degree.set(a.id, (degree.get(a.id) ?? 0) + 1);
      parent.set(find(a.id), find(m.id));
    }
  }
  const groups = new Map<string, string[]>();
  for (const a of articles) {
    const r = find(a.id);
    groups.set(r, [...(groups.get(r) ?? []), a.id]);
  }
  const stories = [...groups.values()]
    .filter((ids) => ids.length > 1)
    .map((ids) => {
      const sorted = ids.sort();
      const best = [...sorted].sort((x, y) => (degree.get(y) ?? 0) - (degree.get(x) ?? 0))[0]!;
      const a = byId.get(best);
      return { ids: sorted, label: a?.title || firstWords(a?.text ?? '') || best };
    })
    .sort((x, y) => y.ids.length - x.ids.length || (x.ids[0]! < y.ids[0]! ? -1 : 1));
  return { stories };
}

/** A label for an article without a title: its first sentence, cut at a word near 100 characters. */
function firstWords(text: string): string {
  const s = text.trim().split(/(?<=[.!?])\s/u)[0] ?? '';
  return s.length <= 100 ? s : `${s.slice(0, 100).replace(/\s+\S*$/u, '')}…`;
}

export const stories: Command = {
  usage: ['recoupe stories <dir>   Group a folder of articles into same-event stories.'],
  async run(args) {
    if (args.length !== 1) throw new UsageError('stories takes one folder');
    const corpus = await readCorpusFolder(args[0]!, { onSkip: (m) => process.stderr.write(`recoupe: skipped: ${m}\n`) });
    return groupStories(corpus.map((c) => ({ id: c.id, title: c.article.title, text: c.article.text, features: computeFeatures(c.article) })));
  },
};
