/**
 * Exactness probe for preparation and the detailed comparison (issue 16, "two 5 MB texts compared
 * ≤ 2 s"): one line per case, the SHA-256 of the JSON of each prepared article (`prepareArticle`:
 * quotations with kinds and speakers, and every passage word's id, span, flags and normalised
 * form) and of each comparison (`comparePrepared` without a deadline: shared quotations with
 * their diffs, passages, coverage), so that two checkouts' outputs compare line for line:
 *   node --import tsx scripts/probe/prepare-digest.ts --root /work/main > /tmp/old.txt
 *   node --import tsx scripts/probe/prepare-digest.ts > /tmp/new.txt && diff /tmp/old.txt /tmp/new.txt
 * Cases: the seeds (every ordered pair), the Readability fixture pages' expected text (each with
 * the next), the gilets-jaunes articles (each with the next three), the adversarial pages of the
 * bench (each with a copy and a space), the bench's long pair at `--bytes` (500,000 by default;
 * `--long-only` for it alone). Only digests are printed: no fixture text is read out.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';

const arg = (name: string) => { const k = process.argv.indexOf(name); return k >= 0 ? process.argv[k + 1] : undefined; };
const root = resolve(arg('--root') ?? new URL('../..', import.meta.url).pathname);
const compare = await import(`${root}/lib/compare/index.ts`) as typeof import('../../lib/compare');
const extract = await import(`${root}/lib/extract/index.ts`) as typeof import('../../lib/extract');
const corpora = await import(`${root}/tests/support/corpora.ts`) as typeof import('../../tests/support/corpora');
const fixtures = await import(`${root}/tests/support/shared-fixtures.ts`) as typeof import('../../tests/support/shared-fixtures');
const pages = await import(`${root}/tests/support/adversarial-pages.ts`) as typeof import('../../tests/support/adversarial-pages');
const long = await import(`${root}/tests/support/long-pair.ts`) as typeof import('../../tests/support/long-pair');

type Prepared = ReturnType<typeof compare.prepareArticle>;
const sha = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 16);

/** Everything a prepared article holds, as JSON (the typed arrays as lists, each word's normalised form). */
function preparedJson(p: Prepared): string {
  const w = p.words;
  const norms = Array.from({ length: w.length }, (_, i) => w.norm(i));
  return JSON.stringify({ text: p.text, language: p.language, quotes: p.quotes, words: { length: w.length, ids: [...w.ids], starts: [...w.starts], ends: [...w.ends], content: [...w.content], quoted: [...w.quoted], norms } });
}

function run(name: string, docs: { text: string; language: string | null }[], pairs: [number, number][]): void {
  const t0 = performance.now();
  const prepared = docs.map((d) => compare.prepareArticle(d));
  const prep = createHash('sha256');
  for (const p of prepared) prep.update(sha(preparedJson(p)));
  const cmp = createHash('sha256');
  for (const [i, j] of pairs) cmp.update(sha(JSON.stringify(compare.comparePrepared(prepared[i]!, prepared[j]!))));
  const quotes = prepared.reduce((n, p) => n + p.quotes.length, 0);
  process.stdout.write(`${name}: ${docs.length} texts, ${quotes} quotations, ${pairs.length} pairs; prepared ${prep.digest('hex').slice(0, 16)} compared ${cmp.digest('hex').slice(0, 16)}\n`);
  process.stderr.write(`${name}: ${(performance.now() - t0).toFixed(0)} ms\n`);
}

const next = (n: number, k: number): [number, number][] => Array.from({ length: n }, (_, i) => Array.from({ length: k }, (_, d): [number, number] => [i, i + d + 1])).flat().filter(([, j]) => j < n);
const words = corpora.readGiletsJaunes().flatMap((d) => d.text.split(/\s+/)).filter((w) => w.length > 0);

if (!process.argv.includes('--long-only')) {
  const seeds = readdirSync(fixtures.SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort().map((f) => {
    const a = extract.extractFromText(readFileSync(join(fixtures.SEEDS_DIR, f), 'utf8'));
    return { text: a.text, language: a.language };
  });
  run('seeds', seeds, seeds.flatMap((_, i) => seeds.map((_, j): [number, number] => [i, j])).filter(([i, j]) => i !== j));

  const names = readdirSync(fixtures.READABILITY_PAGES_DIR).sort();
  const readability = names.map((n) => {
    const html = readFileSync(join(fixtures.READABILITY_PAGES_DIR, n, 'expected.html'), 'utf8');
    const text = new JSDOM(html, { virtualConsole: new VirtualConsole() }).window.document.body.textContent ?? '';
    const a = extract.extractFromText(text);
    return { text: a.text, language: a.language };
  });
  run('readability pages', readability, next(readability.length, 1));

  const gilets = corpora.readGiletsJaunes().map((d) => ({ text: d.text, language: 'fr' }));
  run('gilets jaunes', gilets, next(gilets.length, 3));

  const basil = corpora.readBasil().map((d) => ({ text: d.text, language: 'en' }));
  run('basil', basil, next(basil.length, 2));

  for (const [name, text] of [['manyMarks(2000)', pages.manyMarks(2_000)], ['runawayMark(5000)', pages.runawayMark(5_000)], ['manyQuotations(1000)', pages.manyQuotations(1_000)], ['quotationsCuedBefore(1000)', pages.quotationsCuedBefore(1_000)], ['singleWord(100000)', pages.singleWord(100_000)]] as const) {
    run(name, [{ text, language: 'fr' }, { text: `${text} `, language: 'fr' }], [[0, 1], [1, 0]]);
  }
}
const bytes = Number(arg('--bytes') ?? 500_000);
const [a, b] = long.longPair(words, bytes);
run(`long pair ${bytes}`, [{ text: a, language: 'fr' }, { text: b, language: 'fr' }], [[0, 1], [1, 0]]);
