/**
 * `npm run bench`: runs every `*.bench.ts` in this folder and prints its figures;
 * `npm run --silent bench -- --json` prints them as one JSON object keyed by benchmark name.
 * `npm run bench -- extract` runs only the named benchmarks; `npm run bench -- research --articles 20000`
 * sets the research pipeline's corpus size.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Benchmark } from './bench';

const dir = fileURLToPath(new URL('.', import.meta.url));
const { values, positionals: only } = parseArgs({ options: { json: { type: 'boolean' }, articles: { type: 'string' } }, allowPositionals: true });
const json = values.json ?? false;

const results: Record<string, unknown> = {};
for (const file of readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).sort()) {
  const bench = (await import(pathToFileURL(join(dir, file)).href)).default as Benchmark;
  if (only.length && !only.includes(bench.name)) continue;
  if (!json) console.log(`\n== ${bench.name} (${file})`);
  const result = await bench.run({ articles: values.articles });
  results[bench.name] = result;
  if (!json) bench.print(result);
}
if (json) console.log(JSON.stringify(results, null, 2));
