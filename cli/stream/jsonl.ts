/**
 * JSON Lines in, JSON Lines out (https://jsonlines.org): one record per line, each turned into
 * one output record. Memory stays flat whatever the length of the stream: lines are read one at
 * a time (node:readline pauses its input while lines wait), and a write that fills the output's
 * buffer waits for it to drain. A line that is not JSON, or that the command refuses, is reported
 * on stderr with its line number and skipped: one bad record does not stop a job of millions
 * (Spark's `RDD.pipe()` and shell pipelines run the command unchanged).
 */
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

/** A record the command refuses (missing field, wrong type): reported with its line number, skipped. */
export class RecordError extends Error {}

/** Several output records for one input record. */
export class Records {
  constructor(readonly records: unknown[]) {}
}

/** Turns one input record into one output record, several (`Records`), or none (`undefined`). */
export type RecordTransform = ((record: unknown) => unknown) & {
  /** Records still held when the input ends (a command that groups consecutive lines). */
  end?: () => unknown[];
};

export interface StreamCounts {
  /** Non-blank lines read. */
  read: number;
  written: number;
  /** Lines reported and skipped. */
  failed: number;
}

export async function streamJsonl(input: Readable, output: Writable, errors: Writable, transform: RecordTransform): Promise<StreamCounts> {
  const counts: StreamCounts = { read: 0, written: 0, failed: 0 };
  let lineNumber = 0;
  const write = async (record: unknown) => {
    counts.written++;
    if (!output.write(`${JSON.stringify(record)}\n`)) await once(output, 'drain');
  };
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    lineNumber++;
    if (!line.trim()) continue;
    counts.read++;
    let out: unknown;
    try {
      out = await transform(JSON.parse(line));
    } catch (error) {
      counts.failed++;
      const why = error instanceof SyntaxError ? `not JSON (${error.message})` : (error as Error).message;
      errors.write(`recoupe: line ${lineNumber}: ${why.replace(/\s+/g, ' ')}; skipped\n`);
      continue;
    }
    for (const record of out instanceof Records ? out.records : out === undefined ? [] : [out]) await write(record);
  }
  for (const record of transform.end?.() ?? []) await write(record);
  return counts;
}
