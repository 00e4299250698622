/**
 * Recoupe's command line: the extension's analysis engine on files, with JSON output.
 *
 *   npm run --silent cli -- extract <file.html|file.txt> [--url URL]
 *
 * Exit codes: 0 success, 1 unreadable or unparsable input, 2 wrong usage.
 */
import { parseArgs } from 'node:util';
import { extractCommand } from './commands/extract';
import { InputError } from './read-page';

const USAGE = `Usage:
  recoupe extract <file.html|file.txt> [--url URL]   Extract the article of a page or text capture as JSON.`;

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { url: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    process.stderr.write(`recoupe: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const [command, ...files] = parsed.positionals;
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command !== 'extract' || files.length !== 1) {
    process.stderr.write(`recoupe: ${command ? `unknown command or arguments: ${parsed.positionals.join(' ')}` : 'no command given'}\n${USAGE}\n`);
    return 2;
  }
  if (parsed.values.url !== undefined && !URL.canParse(parsed.values.url)) {
    process.stderr.write(`recoupe: --url is not a URL: ${parsed.values.url}\n`);
    return 2;
  }
  try {
    const output = await extractCommand(files[0]!, parsed.values.url);
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    return 0;
  } catch (error) {
    const message = error instanceof InputError ? error.message : `cannot parse ${files[0]}: ${(error as Error).message}`;
    process.stderr.write(`recoupe: ${message.replace(/\s+/g, ' ')}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
