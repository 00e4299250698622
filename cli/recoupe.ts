/**
 * Recoupe's command line: the extension's analysis engine on files, with JSON output.
 * `npm run --silent cli -- <command> …`; the commands are listed in `commands/index.ts`,
 * run by `main.ts` (exit codes there).
 *
 * Given no file, `extract`, `features`, `grade`, `compare` and `passim-export|import` stream
 * JSON Lines from stdin to stdout (cli/stream/jsonl.ts), and so does `stories -` (graded pairs → stories).
 */
import { runCommandLine } from './main';

runCommandLine(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
