/**
 * Runs the command line and returns its exit code and output: in-process (`runCli`, through the
 * command registry, as cli/recoupe.ts runs it, without a process per case), or as researchers run
 * it, in a child process (`spawnCli`: one per command, for the process's exit code and stdout).
 */
import { execFile } from 'node:child_process';
import { PassThrough, Readable } from 'node:stream';
import { promisify } from 'node:util';
import { runCommandLine } from '../../cli/main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `recoupe <args>` in-process, on an empty standard input. */
export async function runCli(args: string[]): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (c) => out.push(String(c)));
  stderr.on('data', (c) => err.push(String(c)));
  const code = await runCommandLine(args, { stdin: Readable.from([]), stdout, stderr });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** `node cli/recoupe.ts <args>` in a child process. */
export async function spawnCli(...args: string[]): Promise<CliRun> {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', ['--import', 'tsx', 'cli/recoupe.ts', ...args], { maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as CliRun;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Runs a command that must succeed (in-process) and returns its parsed JSON. */
export async function cliJson<T = unknown>(...args: string[]): Promise<T> {
  const run = await runCli(args);
  if (run.code !== 0) throw new Error(`recoupe ${args.join(' ')} exited ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}
