import { extname } from 'node:path';
import { connect, readRecords, sqlString } from '../research/duckdb';
import type { Command } from './command';
import { UsageError } from './command';

const isParquet = (path: string) => /^\.parq(uet)?$/i.test(extname(path));

/**
 * `recoupe convert <in> <out>`: any of the CLI's JSON Lines files to Parquet, or back, through
 * DuckDB (Parquet by the extension `.parquet`, JSON Lines otherwise): the format Spark, DuckDB
 * and pandas read fastest.
 */
export const convert: Command = {
  usage: ['recoupe convert <in.jsonl|.parquet> <out.parquet|.jsonl>   JSON Lines to Parquet or back (DuckDB).'],
  async run(args) {
    if (args.length !== 2) throw new UsageError('convert takes an input file and an output file');
    const [input, output] = args as [string, string];
    if (isParquet(input) === isParquet(output)) throw new UsageError('convert goes from JSON Lines to Parquet or from Parquet to JSON Lines');
    const db = await connect();
    try {
      await db.run(`COPY (SELECT * FROM ${readRecords(input)}) TO ${sqlString(output)} (FORMAT ${isParquet(output) ? 'PARQUET' : 'JSON'})`);
    } finally {
      db.closeSync();
    }
    return undefined;
  },
};
