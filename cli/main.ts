/**
 * The command line as a function: arguments in, exit code out, output written to the streams it
 * is given. `recoupe.ts` runs it on the process's streams; the tests run it in-process
 * (tests/support/run-cli.ts), so it never calls `process.exit`.
 *
 * Exit codes: 0 success, 1 unreadable or unparsable input (for a stream: some line was skipped),
 * 2 wrong usage.
 */
import { parseArgs } from 'node:util';
import type { Readable, Writable } from 'node:stream';
import { COMMANDS } from './commands';
import { UsageError } from './commands/command';
import { InputError } from './read-page';
import { streamJsonl } from './stream/jsonl';

const USAGE = `Usage:\n${Object.values(COMMANDS).flatMap((c) => c.usage).map((u) => `  ${u}`).join('\n')}`;

export interface CommandLineIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

export async function runCommandLine(argv: string[], io: CommandLineIo = process): Promise<number> {
  const fail = (message: string, code: number, usage = false): number => {
    io.stderr.write(`recoupe: ${message.replace(/\s+/g, ' ')}\n${usage ? `${USAGE}\n` : ''}`);
    return code;
  };
  const [name, ...rest] = argv;
  if (name === undefined) return fail('no command given', 2, true);
  if (name === '--help' || name === '-h') {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) return fail(`unknown command: ${name}`, 2, true);
  let parsed;
  try {
    parsed = parseArgs({ args: rest, allowPositionals: true, options: { ...command.options, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    return fail((error as Error).message, 2, true);
  }
  if (parsed.values.help) {
    io.stdout.write(`${command.usage.join('\n')}\n`);
    return 0;
  }
  const options = parsed.values as Record<string, string | boolean | undefined>;
  const commandIo = { warn: (message: string) => void io.stderr.write(`recoupe: ${message.replace(/\s+/g, ' ')}\n`) };
  try {
    if (command.stream && parsed.positionals.length === 0) {
      const counts = await streamJsonl(io.stdin, io.stdout, io.stderr, await command.stream(options, commandIo));
      return counts.failed ? 1 : 0;
    }
    const output = await command.run(parsed.positionals, options, commandIo);
    // A command that writes its own lines (a JSON Lines producer) returns nothing.
    if (output !== undefined) io.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) return fail(error.message, 2, true);
    if (error instanceof InputError) return fail(error.message, 1);
    return fail(`failed: ${(error as Error)?.message ?? String(error)}`, 1);
  }
}
