import { STORY_CANDIDATES } from '../../lib/corpus-index';
import { connect, defineCandidates, PAIRS_SQL, streamLines, writeStats } from '../research/duckdb';
import type { Command } from './command';
import { UsageError } from './command';

/**
 * `recoupe candidates features.jsonl|.parquet [--stats stats.jsonl] [--limit N]`: the pairs to
 * grade, from the candidate join of cli/research/candidates.sql run by DuckDB, one pair per line
 * on stdout; `--stats` writes the corpus statistics `recoupe grade --stats` weighs words with.
 */
export const candidates: Command = {
  usage: ['recoupe candidates <features.jsonl|.parquet> [--stats stats.jsonl] [--limit N] > pairs.jsonl   Pairs sharing rare index keys (DuckDB), to grade.'],
  options: { stats: { type: 'string' }, limit: { type: 'string' } },
  async run(args, options) {
    if (args.length !== 1) throw new UsageError('candidates takes one features file');
    const limit = options.limit === undefined ? STORY_CANDIDATES : Number(options.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit is not a positive whole number: ${String(options.limit)}`);
    const db = await connect();
    try {
      await defineCandidates(db, args[0]!, limit);
      if (typeof options.stats === 'string') await writeStats(db, options.stats);
      await streamLines(db, PAIRS_SQL, process.stdout);
    } finally {
      db.closeSync();
    }
    return undefined;
  },
};
