import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { describeReason, gradePrepared, prepare, type CorpusStats, type PreparedFeatures, type Relation } from '../../lib/match';
import type { MatchReason } from '../../lib/match/types';
import { InputError } from '../read-page';
import { asObject, parseFeatured, sameJson } from '../stream/records';
import { streamOnly, type Command } from './command';

/** What `grade` writes per pair. */
export interface GradeRecord {
  a: string;
  b: string;
  relation: Relation;
  score: number;
  /** Codes with their values, and an English sentence (as `recoupe match` prints them). */
  reasons: (MatchReason & { text: string })[];
}

/**
 * The corpus's document frequencies from the `stats` table the candidate join writes (one
 * `{key, df, docs}` per line): the words' rarity the pair grade weighs, as `recoupe stories`
 * weighs them with its index. Held in memory: one entry per distinct stem and entity.
 */
export async function readStats(path: string): Promise<CorpusStats> {
  const df = new Map<string, number>();
  let docs = 0;
  let lineNumber = 0;
  try {
    for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
      lineNumber++;
      if (!line.trim()) continue;
      const row = JSON.parse(line) as { key?: unknown; df?: unknown; docs?: unknown };
      if (typeof row.key !== 'string' || typeof row.df !== 'number' || typeof row.docs !== 'number') throw new Error('expected {key, df, docs}');
      df.set(row.key, row.df);
      docs = row.docs;
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`cannot read stats ${path}${lineNumber ? ` line ${lineNumber}` : ''}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  return { docs, df: (key) => df.get(key) ?? 0 };
}

/** Articles whose prepared features `pairGrader` keeps. */
const PREPARED_KEPT = 1_024;

/**
 * Grades pair lines `{a: {id, features}, b: {id, features}}` with the corpus's statistics (none:
 * the two articles alone). Weighing an article's words (`prepare`) costs about as much as reading
 * its line, and every article comes in many pairs (the candidate join's come sorted by `a`): the
 * last `PREPARED_KEPT` articles' prepared features are kept by id, and used again only when the
 * line's features are the same as those they were prepared from (an id may be reused).
 */
export function pairGrader(stats?: CorpusStats): (value: unknown) => GradeRecord {
  const kept = new Map<string, PreparedFeatures>();
  const prepared = ({ id, features }: ReturnType<typeof parseFeatured>) => {
    let p = kept.get(id);
    if (p && sameJson(p.f, features)) {
      kept.delete(id); // most recently used last
    } else {
      p = prepare(features, stats);
      if (kept.size >= PREPARED_KEPT) kept.delete(kept.keys().next().value!);
    }
    kept.set(id, p);
    return p;
  };
  return (value) => {
    const o = asObject(value, 'a pair');
    const a = parseFeatured(o.a, '"a"');
    const b = parseFeatured(o.b, '"b"');
    const { relation, score, reasons } = gradePrepared(prepared(a), prepared(b));
    return { a: a.id, b: b.id, relation, score, reasons: reasons.map((r) => ({ ...r, text: describeReason(r) })) };
  };
}

export const grade: Command = {
  usage: ['recoupe grade [--stats stats.jsonl] < pairs.jsonl > grades.jsonl   Stream: pairs of featured articles → same / related / unrelated, with reasons.'],
  options: { stats: { type: 'string' } },
  run: streamOnly('grade'),
  async stream(options) {
    const stats = typeof options.stats === 'string' ? await readStats(options.stats) : undefined;
    return pairGrader(stats);
  },
};
