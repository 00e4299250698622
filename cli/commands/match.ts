import { resolve } from 'node:path';
import { computeFeatures, describeReason } from '../../lib/match';
import { CorpusIndex, gradeCandidates } from '../../lib/corpus-index';
import type { MatchReason, Relation } from '../../lib/match/types';
import { readArticleFile, readCorpusFolder } from '../corpus-folder';
import type { Command } from './command';
import { UsageError } from './command';

/** The JSON that `recoupe match` prints: each reason's code and values, and an English sentence (`text`). */
export interface MatchOutput {
  matches: { id: string; relation: Relation; score: number; reasons: (MatchReason & { text: string })[] }[];
}

const warn = (message: string) => process.stderr.write(`recoupe: skipped: ${message}\n`);

/**
 * `recoupe match <file> --corpus <dir>`: every article of the folder graded against the file,
 * best first. The folder is the corpus: its document frequencies weigh the words. Every article
 * is graded (a folder is small enough); the extension grades only the index's candidates.
 */
export const match: Command = {
  usage: ['recoupe match <file> --corpus <dir>   Grade every article of a folder against a page: same event, related or unrelated, with reasons.'],
  options: { corpus: { type: 'string' } },
  async run(args, options, io) {
    if (args.length !== 1) throw new UsageError('match takes one file');
    const dir = options.corpus;
    if (typeof dir !== 'string' || !dir) throw new UsageError('match needs --corpus <dir>');
    const query = await readArticleFile(args[0]!, io?.warn);
    const corpus = await readCorpusFolder(dir, { skip: resolve(args[0]!), onSkip: warn, warn: io?.warn });
    const stored = corpus.map((c) => ({ id: c.id, features: computeFeatures(c.article) }));
    const index = CorpusIndex.build(stored);
    const matches = gradeCandidates(index, computeFeatures(query.article), stored, { includeUnrelated: true });
    return { matches: matches.map(({ id, relation, score, reasons }) => ({ id, relation, score, reasons: reasons.map((r) => ({ ...r, text: describeReason(r) })) })) } satisfies MatchOutput;
  },
};
