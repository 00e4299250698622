/**
 * The background's longest stall while a backlog of the panel corpus (panel-corpus.ts: dense linked
 * parts, stories of hundreds) is linked into stories in Node (fake-indexeddb, the background's
 * StoryIndex) until the stories are written: the longest gap of a 5 ms timer (what a request would
 * wait), the longest synchronous regrouping (`StoryGroups.stories` and `storiesNear`, each call), and
 * a hash of the stored stories and links rows (to compare builds: the same corpus gives the same rows).
 * `node --import tsx scripts/probe/regroup-whole.ts 10000`; run it in two checkouts to compare them.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { createHash } from 'node:crypto';
import { computeFeatures } from '../../lib/match';
import { StoryGroups } from '../../lib/corpus-index';
import { CorpusDb } from '../../extension/storage/corpus-db';
import type { StoredArticle } from '../../extension/storage/article-record';
import { getCorpusVersion, getMeta } from '../../extension/storage/corpus';
import { StoryIndex } from '../../entrypoints/background/story-index';
import { record } from '../bench/stories.bench';
import { generatePanelCorpus } from '../bench/panel-corpus';

const size = Number(process.argv[2] ?? 10_000);
const calls: { what: string; ms: number }[] = [];
for (const what of ['stories', 'storiesNear'] as const) {
  const original = StoryGroups.prototype[what];
  StoryGroups.prototype[what] = function (this: StoryGroups) {
    const t = performance.now();
    try {
      return original.call(this);
    } finally {
      calls.push({ what, ms: performance.now() - t });
    }
  };
}
// The longest of each synchronous phase the story index times (`timedNow`: grading steps, candidates, regroupings).
const longest = new Map<string, number>();
const timedNow = StoryIndex.prototype.timedNow;
StoryIndex.prototype.timedNow = function <T>(this: StoryIndex, phase: string, run: () => T): T {
  const t = performance.now();
  try {
    return timedNow.call(this, phase, run) as T;
  } finally {
    longest.set(phase, Math.max(longest.get(phase) ?? 0, performance.now() - t));
  }
};
const features = generatePanelCorpus({ size, sameEvent: 10 }).articles.map((a) => computeFeatures({ title: a.title, text: a.text, language: a.language, publishedTime: a.publishedTime }));
const name = `recoupe-probe-regroup-${size}`;
await Dexie.delete(name);
const db = new CorpusDb(name);
for (let i = 0; i < features.length; i += 5_000) await db.articles.bulkAdd(features.slice(i, i + 5_000).map((f, j) => record(f, i + j)) as StoredArticle[]);
// The event loop's longest gap: a 5 ms timer, as the import bench's worker timer.
let last = performance.now();
let longestGap = 0;
const gaps: number[] = [];
const ticker = setInterval(() => {
  const now = performance.now();
  gaps.push(now - last);
  longestGap = Math.max(longestGap, now - last);
  last = now;
}, 5);
const cpu0 = process.cpuUsage();
const stories = new StoryIndex(db);
const t0 = performance.now();
await stories.linked();
const linkedMs = performance.now() - t0;
for (;;) {
  await new Promise((resolve) => setTimeout(resolve, 100));
  if ((await db.storyLinks.count()) === size && (await getMeta(db, 'storyRowsVersion')) === (await getCorpusVersion(db))) break;
}
const writtenMs = performance.now() - t0;
clearInterval(ticker);
const cpu = process.cpuUsage(cpu0);
const rows = await db.stories.toArray();
const links = await db.storyLinks.toArray();
const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
const storyRows = rows.map((r) => ({ ...r })).sort((a, b) => (a.key < b.key ? -1 : 1));
console.log(`${size} articles linked in ${(linkedMs / 1000).toFixed(1)} s, stories written after ${(writtenMs / 1000).toFixed(1)} s (CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s)`);
console.log(`longest timer gap ${longestGap.toFixed(0)} ms; gaps over 200 ms: ${gaps.filter((g) => g > 200).length}, over 100 ms: ${gaps.filter((g) => g > 100).length}`);
for (const what of ['stories', 'storiesNear']) {
  const ms = calls.filter((c) => c.what === what).map((c) => c.ms);
  console.log(`${what}: ${ms.length} calls, longest ${Math.max(0, ...ms).toFixed(0)} ms, ${ms.reduce((a, b) => a + b, 0).toFixed(0)} ms in all`);
}
console.log(`longest synchronous phases: ${[...longest].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, ms]) => `${k} ${ms.toFixed(0)} ms`).join(', ')}`);
console.log(`stored: ${rows.length} stories rows (largest ${Math.max(0, ...rows.map((r) => r.ids.length))}), hash ${hash(storyRows)}; ${links.length} links rows, hash ${hash(links)}`);
stories.stop();
db.close();
await Dexie.delete(name);
