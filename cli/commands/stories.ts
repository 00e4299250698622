import { computeFeatures } from '../../lib/match';
import { firstWords, groupStories } from '../../lib/index';
import { readCorpusFolder } from '../corpus-folder';
import type { Command } from './command';
import { UsageError } from './command';

export const stories: Command = {
  usage: ['recoupe stories <dir>   Group a folder of articles into same-event stories.'],
  async run(args) {
    if (args.length !== 1) throw new UsageError('stories takes one folder');
    const corpus = await readCorpusFolder(args[0]!, { onSkip: (m) => process.stderr.write(`recoupe: skipped: ${m}\n`) });
    // The grouping is lib/index's, shared with the extension's corpus page.
    return { stories: groupStories(corpus.map((c) => ({ id: c.id, title: c.article.title || firstWords(c.article.text), features: computeFeatures(c.article) }))) };
  },
};
