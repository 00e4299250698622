import { computeFeatures } from '../../lib/match';
import { groupStories, type StoryArticle } from '../../lib/index';
import { readCorpusFolder } from '../corpus-folder';
import type { Command } from './command';
import { UsageError } from './command';

/** The JSON that `recoupe stories` prints. */
export interface StoriesOutput {
  stories: { ids: string[]; label: string }[];
}

/** Groups a folder's articles (the grouping itself is `lib/index`'s, shared with the extension). */
export function groupFolder(articles: StoryArticle[]): StoriesOutput {
  return { stories: groupStories(articles) };
}

export const stories: Command = {
  usage: ['recoupe stories <dir>   Group a folder of articles into same-event stories.'],
  async run(args) {
    if (args.length !== 1) throw new UsageError('stories takes one folder');
    const corpus = await readCorpusFolder(args[0]!, { onSkip: (m) => process.stderr.write(`recoupe: skipped: ${m}\n`) });
    return groupFolder(corpus.map((c) => ({ id: c.id, title: c.article.title, text: c.article.text, features: computeFeatures(c.article) })));
  },
};
