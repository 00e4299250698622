/**
 * The features refresh job (extension/storage/features-refresh.ts) on a corpus of N articles
 * stored with version-2 features, in Node with fake-indexeddb: its time, and the longest stall of
 * a 10 ms timer meanwhile (what a request waits at most). A probe, not a benchmark of `npm run bench`:
 *
 *   node --import tsx scripts/probe/features-refresh.ts 1000 10000
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { CorpusDb } from '../../extension/storage/corpus-db';
import { toNewArticle } from '../../extension/storage/article-record';
import { extractFromText } from '../../lib/extract';
import { refreshStoredFeatures } from '../../extension/storage/features-refresh';

const SEEDS = ['000_492f0f67598950be', '001_efc4fda914ae2fdd', '002_b5629d95adcdafa8', '003_0bb6bc6989cf1c52'];
const texts = SEEDS.map((n) => readFileSync(new URL(`../../corpus/${n}.txt`, import.meta.url), 'utf8'));

async function stored(n: number): Promise<CorpusDb> {
  const name = `features-refresh-bench-${n}`;
  await Dexie.delete(name);
  const db = new CorpusDb(name);
  for (let at = 0; at < n; at += 200) {
    const batch = [];
    for (let i = at; i < Math.min(n, at + 200); i++) batch.push(toNewArticle(extractFromText(`${texts[i % texts.length]}\n\nLe texte ${i} ajoute une phrase numéro ${i}.`), `https://s${i % 50}.example.org/${i}`, 'import', new Date('2026-03-01')));
    await db.articles.bulkAdd(batch);
  }
  // As the release before stored them: version 2.
  await db.features.toCollection().modify((f) => { f.match = { ...f.match, v: 2 }; });
  return db;
}

/** The longest gap of a 10 ms timer over `ms` of nothing: what the machine's load alone makes (2 cores shared). */
async function idleGap(ms: number): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 10);
  await new Promise((resolve) => setTimeout(resolve, ms));
  clearInterval(tick);
  return longest;
}

for (const n of process.argv.slice(2).map(Number)) {
  const db = await stored(n);
  console.log(`idle for 5 s first: longest gap of a 10 ms timer ${(await idleGap(5_000)).toFixed(0)} ms`);
  const started = performance.now();
  let last = started;
  let longest = 0;
  const gaps: string[] = [];
  const tick = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    if (now - last > 100) gaps.push(`${(now - last).toFixed(0)} ms at ${((now - started) / 1000).toFixed(2)} s`);
    last = now;
  }, 10);
  last = started;
  const result = await refreshStoredFeatures(db);
  const ms = performance.now() - started;
  clearInterval(tick);
  console.log(`${n} articles: ${(ms / 1000).toFixed(1)} s (${(ms / n).toFixed(2)} ms an article), longest gap of a 10 ms timer ${longest.toFixed(0)} ms; ${JSON.stringify(result)}`);
  console.log(`gaps over 100 ms: ${gaps.length} (${gaps.slice(0, 8).join(', ')})`);
  db.close();
  await Dexie.delete(db.name);
}
