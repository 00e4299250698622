/**
 * Recoupe's command line: the extension's analysis engine on files, with JSON output.
 * `npm run --silent cli -- <command> …`; the commands are listed in `commands/index.ts`.
 *
 * Given no file, `extract`, `features`, `grade`, `compare` and `passim-export|import` stream
 * JSON Lines from stdin to stdout (cli/stream/jsonl.ts), and so does `stories -` (graded pairs → stories).
 *
 * Exit codes: 0 success, 1 unreadable or unparsable input (for a stream: some line was skipped),
 * 2 wrong usage.
 */
import { parseArgs } from 'node:util';
import { COMMANDS } from './commands';
import { UsageError } from './commands/command';
import { InputError } from './read-page';
import { streamJsonl } from './stream/jsonl';

const USAGE = `Usage:\n${Object.values(COMMANDS).flatMap((c) => c.usage).map((u) => `  ${u}`).join('\n')}`;

function fail(message: string, code: number, usage = false): number {
  process.stderr.write(`recoupe: ${message.replace(/\s+/g, ' ')}\n${usage ? `${USAGE}\n` : ''}`);
  return code;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) return fail('no command given', 2, true);
  if (name === '--help' || name === '-h') {
    process.stdout.write(`${USAGE}\n`);
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
    process.stdout.write(`${command.usage.join('\n')}\n`);
    return 0;
  }
  const options = parsed.values as Record<string, string | boolean | undefined>;
  try {
    if (command.stream && parsed.positionals.length === 0) {
      const counts = await streamJsonl(process.stdin, process.stdout, process.stderr, await command.stream(options));
      return counts.failed ? 1 : 0;
    }
    const output = await command.run(parsed.positionals, options);
    // A command that writes its own lines (a JSON Lines producer) returns nothing.
    if (output !== undefined) process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) return fail(error.message, 2, true);
    if (error instanceof InputError) return fail(error.message, 1);
    return fail(`failed: ${(error as Error)?.message ?? String(error)}`, 1);
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
