import type { Command } from './command';
import { UsageError } from './command';
import { extractFile } from './extract';
import { quotesOfPair } from './quotes';
import { comparePassages, preparePassages } from '../../lib/passages';

/**
 * `recoupe compare <fileA> <fileB>`: the two articles side by side. Every offset in the output
 * indexes into the `text` that `recoupe extract` prints for that file. Each analysis adds its
 * own fields (quotes, shared quotes, passages, coverage…).
 */
export const compare: Command = {
  usage: ['recoupe compare <fileA> <fileB>   Compare two articles (offsets index into each file\'s extracted text).'],
  async run(args) {
    if (args.length !== 2) throw new UsageError('compare takes two files');
    const [a, b] = await Promise.all([extractFile(args[0]!), extractFile(args[1]!)]);
    const shared = comparePassages(preparePassages(a.text, a.language), preparePassages(b.text, b.language));
    return {
      a: { file: args[0], title: a.title, language: a.language, isArticle: a.isArticle, text: a.text },
      b: { file: args[1], title: b.title, language: b.language, isArticle: b.isArticle, text: b.text },
      ...quotesOfPair(a, b),
      passages: shared.passages.map((p) => ({ a: p.a, b: p.b, similarity: p.similarity, kind: p.kind })),
      coverage: shared.coverage,
    };
  },
};
