import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { describeReason, gradePrepared, prepare, type CorpusStats, type Relation } from '../../lib/match';
import type { MatchReason } from '../../lib/match/types';
import { InputError } from '../read-page';
import { asObject, parseFeatured } from '../stream/records';
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

/** Grades one pair line `{a: {id, features}, b: {id, features}}` with the corpus's statistics (none: the two articles alone). */
export function gradeRecord(value: unknown, stats?: CorpusStats): GradeRecord {
  const o = asObject(value, 'a pair');
  const a = parseFeatured(o.a, '"a"');
  const b = parseFeatured(o.b, '"b"');
  const { relation, score, reasons } = gradePrepared(prepare(a.features, stats), prepare(b.features, stats));
  return { a: a.id, b: b.id, relation, score, reasons: reasons.map((r) => ({ ...r, text: describeReason(r) })) };
}

export const grade: Command = {
  usage: ['recoupe grade [--stats stats.jsonl] < pairs.jsonl > grades.jsonl   Stream: pairs of featured articles → same / related / unrelated, with reasons.'],
  options: { stats: { type: 'string' } },
  run: streamOnly('grade'),
  async stream(options) {
    const stats = typeof options.stats === 'string' ? await readStats(options.stats) : undefined;
    return (value) => gradeRecord(value, stats);
  },
};
