/** The shape of a CLI command: its usage line, its options, and what it prints as JSON. */
import type { ParseArgsConfig } from 'node:util';
import type { RecordTransform } from '../stream/jsonl';

/** Wrong usage: exit 2 with the usage text. */
export class UsageError extends Error {}

/** What a command may write besides its output: a warning on stderr (`recoupe: <message>`). */
export interface CommandIo {
  warn(message: string): void;
}

export interface Command {
  /** One line each: `recoupe <name> <args>   What it does.` */
  usage: string[];
  /** Options for `node:util` parseArgs (besides --help). */
  options?: ParseArgsConfig['options'];
  /** Runs with the positional arguments after the command name; returns the value printed as JSON. */
  run(args: string[], options: Record<string, string | boolean | undefined>, io?: CommandIo): Promise<unknown>;
  /**
   * Given no file, the command streams: JSON Lines on stdin, one output record per input line on
   * stdout (cli/stream/jsonl.ts). Returns what turns one record into its output.
   */
  stream?(options: Record<string, string | boolean | undefined>, io?: CommandIo): Promise<RecordTransform>;
}

/** `run` for a command that only streams. */
export function streamOnly(name: string): Command['run'] {
  return async () => {
    throw new UsageError(`${name} reads JSON Lines on standard input, not files`);
  };
}
