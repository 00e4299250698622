import type { Command } from './command';
import { UsageError } from './command';
import { extractFile } from './extract';
import { quoteJson } from './quotes';
import { comparePrepared, prepareArticle } from '../../lib/compare';
import { compareFraming, framingJson } from '../../lib/framing';

/**
 * `recoupe compare <fileA> <fileB>`: the two articles side by side, with their quotations, the
 * quotations they share and the passages they share. Every offset indexes into the `text` that
 * `recoupe extract` prints for that file (repeated here as `a.text` and `b.text`).
 */
export const compare: Command = {
  usage: ['recoupe compare <fileA> <fileB>   Compare two articles (offsets index into each file\'s extracted text).'],
  async run(args) {
    if (args.length !== 2) throw new UsageError('compare takes two files');
    const [a, b] = await Promise.all([extractFile(args[0]!), extractFile(args[1]!)]);
    const [pa, pb] = [prepareArticle(a), prepareArticle(b)];
    const shared = comparePrepared(pa, pb);
    return {
      a: { file: args[0], title: a.title, language: a.language, isArticle: a.isArticle, text: a.text },
      b: { file: args[1], title: b.title, language: b.language, isArticle: b.isArticle, text: b.text },
      quotes: { a: pa.quotes.map(quoteJson), b: pb.quotes.map(quoteJson) },
      sharedQuotes: shared.sharedQuotes,
      passages: shared.passages.map((p) => ({ a: p.a, b: p.b, similarity: p.similarity, kind: p.kind })),
      coverage: shared.coverage,
      framing: framingJson(compareFraming({ ...a, quotes: pa.quotes }, { ...b, quotes: pb.quotes })),
    };
  },
};
