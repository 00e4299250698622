/** Detected language of every fixture text through two builds' language chunks (old vs new): prints the differences. */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readReadabilityPages, readSeeds } from '../../lib/text/__tests__/fixtures';
import { readBasil, readGiletsJaunes } from '../../tests/support/corpora';

const chunk = async (build: string) => {
  const dir = join(resolve(build), 'chrome-mv3/chunks');
  const f = readdirSync(dir).find((n) => n.startsWith('language-'))!;
  return ((await import(pathToFileURL(join(dir, f)).href)) as { t: (s: string) => string | null }).t;
};
const [a, b] = [await chunk(process.argv[2]!), await chunk(process.argv[3]!)];
const texts = [
  ...readSeeds().map((s) => s.text), ...readReadabilityPages().map((p) => p.text),
  ...readBasil().flatMap((x) => [x.text, x.title]), ...readGiletsJaunes().map((d) => d.text),
];
// Short pieces too: first words of each text, where the confidence threshold decides.
const pieces = texts.flatMap((t) => [t, t.split(/\s+/).slice(0, 4).join(' '), t.split(/\s+/).slice(0, 12).join(' ')]);
const counts = new Map<string, number>();
let differ = 0;
for (const t of pieces) {
  const [x, y] = [a(t), b(t)];
  if (x !== y) differ++;
  counts.set(String(y), (counts.get(String(y)) ?? 0) + 1);
}
console.log(JSON.stringify({ texts: pieces.length, differ, languages: Object.fromEntries(counts) }));
