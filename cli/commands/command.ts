/** The shape of a CLI command: its usage line, its options, and what it prints as JSON. */
import type { ParseArgsConfig } from 'node:util';

/** Wrong usage: exit 2 with the usage text. */
export class UsageError extends Error {}

export interface Command {
  /** One line each: `recoupe <name> <args>   What it does.` */
  usage: string[];
  /** Options for `node:util` parseArgs (besides --help). */
  options?: ParseArgsConfig['options'];
  /** Runs with the positional arguments after the command name; returns the value printed as JSON. */
  run(args: string[], options: Record<string, string | boolean | undefined>): Promise<unknown>;
}
