/**
 * Issue 20 item 5: the background's longest stall while the preparation queue
 * (entrypoints/background/preparation.ts) prepares an import, in Node over fake-indexeddb: N
 * generated articles (panel-corpus.ts) imported as the background imports them (words later, in
 * parts of 1,000), then the queue run to its end while a 5 ms timer measures the event loop's
 * gaps (`RECOUPE_PROBE_GAPS=file` writes those over 100 ms with their ends in the monotonic clock
 * of a `node --cpu-prof` profile, to read what ran in them). Prints the longest gaps and digests of
 * the stored features and story index (the same for the same corpus, to compare two versions of
 * the queue), and of the stories and links rows once every article is linked: those vary from run
 * to run, the linking beside the queue grading against an index still growing (regroup-whole.ts
 * links a backlog already prepared, whose rows are the same each time).
 * Run: node --import tsx scripts/probe/prepare-stall.ts [articles=10000]
 */
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import Dexie from 'dexie';
import { CorpusDb } from '../../extension/storage/corpus-db';
import { importArticles } from '../../extension/storage/import-export';
import { StoryIndex } from '../../entrypoints/background/story-index';
import { PreparationQueue } from '../../entrypoints/background/preparation';
import { getCorpusVersion, getMeta } from '../../extension/storage/corpus';
import { generatePanelCorpus } from '../bench/panel-corpus';

const size = Number(process.argv[2] ?? 10_000);
const name = `recoupe-probe-prepare-stall-${process.pid}`;
await Dexie.delete(name);
const db = new CorpusDb(name);
const { articles } = generatePanelCorpus({ size, sameEvent: 10 });
for (let i = 0; i < articles.length; i += 1_000) {
  await importArticles(db, articles.slice(i, i + 1_000).map((article, j) => ({ item: `article ${i + j + 1}`, article })), new Date('2026-03-01'), [], { wordsLater: true });
}
const stories = new StoryIndex(db);
await stories.get();

// Each gap with its monotonic clock's ends in µs (a CPU profile's clock: `RECOUPE_PROBE_GAPS=file` writes those over 100 ms).
const gaps: { ms: number; at: number; from: number; to: number }[] = [];
const micros = () => Number(process.hrtime.bigint() / 1000n);
let last = performance.now();
let lastMicros = micros();
const t0 = last;
const timer = setInterval(() => {
  const now = performance.now();
  const nowMicros = micros();
  gaps.push({ ms: now - last, at: now - t0, from: lastMicros, to: nowMicros });
  last = now;
  lastMicros = nowMicros;
}, 5);
const queue = new PreparationQueue(db, stories, { progress: () => {}, finished: () => {} });
await queue.start();
clearInterval(timer);
const wall = performance.now() - t0;
gaps.sort((a, b) => b.ms - a.ms);
if (process.env.RECOUPE_PROBE_GAPS) writeFileSync(process.env.RECOUPE_PROBE_GAPS, JSON.stringify(gaps.filter((g) => g.ms > 100)));
const features = await db.features.orderBy('id').toArray();
const index = await stories.get();
const hash = (value: unknown) => createHash('sha256').update(typeof value === 'string' ? value : JSON.stringify(value)).digest('hex').slice(0, 16);
const indexDigest = hash(index.serialize());
// Then every article linked and the stories written (the linking runs beside the queue and after it).
await stories.linked();
for (;;) {
  await new Promise((resolve) => setTimeout(resolve, 100));
  if ((await db.storyLinks.count()) === size && (await getMeta(db, 'storyRowsVersion')) === (await getCorpusVersion(db))) break;
}
const storyRows = (await db.stories.toArray()).sort((a, b) => (a.key < b.key ? -1 : 1));
const links = await db.storyLinks.toArray();
console.log(JSON.stringify({
  size,
  wallS: +(wall / 1000).toFixed(1),
  longestGaps: gaps.slice(0, 8).map((g) => `${g.ms.toFixed(0)}@${(g.at / 1000).toFixed(1)}s`),
  over200: gaps.filter((g) => g.ms > 200).length,
  over100: gaps.filter((g) => g.ms > 100).length,
  features: features.length,
  featuresDigest: hash(features),
  storyIndexDigest: indexDigest,
  storiesDigest: hash(storyRows),
  linksDigest: hash(links),
}));
stories.stop();
db.close();
await Dexie.delete(name);
// The story index's timers and the linking's last turns would keep the process a moment: it is done.
process.exit(0);
