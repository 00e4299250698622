/** Runs the CLI as researchers do, in a child process, and returns its exit code and output. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(...args: string[]): Promise<CliRun> {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', ['--import', 'tsx', 'cli/recoupe.ts', ...args], { maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as CliRun;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Runs a command that must succeed and returns its parsed JSON. */
export async function cliJson<T = unknown>(...args: string[]): Promise<T> {
  const run = await runCli(...args);
  if (run.code !== 0) throw new Error(`recoupe ${args.join(' ')} exited ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}
