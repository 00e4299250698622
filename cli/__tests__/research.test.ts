/**
 * The research pipeline's joins and formats: the candidate step as SQL run by DuckDB gives the
 * corpus index's candidates; the pipeline features → candidates → grade grades the pairs
 * `recoupe stories` grades as it does (BASIL, gilets jaunes), and `recoupe stories -` groups the
 * grades into the stories `recoupe stories` finds in the folder (BASIL); Parquet reads as JSON Lines do;
 * passim's formats round-trip.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CorpusIndex, type Story } from '../../lib/corpus-index';
import { describeReason, gradePrepared, prepare } from '../../lib/match';
import { readSeedGold, SEEDS_DIR } from '../../tests/support/shared-fixtures';
import { readBasil, readGiletsJaunes } from '../../tests/support/corpora';
import { convert } from '../commands/convert';
import { extractRecord } from '../commands/extract';
import { featuresRecord } from '../commands/features';
import { pairGrader, readStats, type GradeRecord } from '../commands/grade';
import { stories, storiesFromGrades } from '../commands/stories';
import { passimClusters, passimDocument, type SharedPassageCluster } from '../commands/passim';
import { connect, defineCandidates, PAIRS_SQL, streamLines, writeStats } from '../research/duckdb';
import type { FeaturesRecord } from '../stream/records';
import { runStream } from './run-stream';

const dir = mkdtempSync(join(tmpdir(), 'recoupe-research-'));

/** BASIL 2010–2012 (90 articles, English) and the Swiss gilets jaunes (206, French), sorted by id: the index numbers articles in that order, and breaks ties by it as the SQL does by id. */
const basil = readBasil().map((a) => featuresRecord({ id: a.id, title: a.title, text: a.text, language: 'en', published: a.date }));
const gilets = readGiletsJaunes().map((d, i) => featuresRecord({ id: `gj-${String(i).padStart(3, '0')}`, text: d.text, language: 'fr' }));
const byId = (a: FeaturesRecord, b: FeaturesRecord) => (a.id < b.id ? -1 : 1);
/** BASIL 2010–2012 holds 30 events of three reports: the stories compared must be most of them, not none. */
const MIN_BASIL_STORIES = 25;

function writeJsonl(name: string, records: unknown[]): string {
  const path = join(dir, name);
  writeFileSync(path, records.map((r) => JSON.stringify(r)).join('\n'));
  return path;
}

async function candidatesOf(path: string): Promise<Map<string, string[]>> {
  const db = await connect();
  await defineCandidates(db, path, 100);
  const rows = (await db.runAndReadAll('SELECT query, candidate FROM candidates ORDER BY query, rank')).getRowObjectsJS() as { query: string; candidate: string }[];
  db.closeSync();
  const out = new Map<string, string[]>();
  for (const r of rows) (out.get(r.query) ?? out.set(r.query, []).get(r.query)!).push(r.candidate);
  return out;
}

describe('candidates as a SQL join (cli/research/candidates.sql, DuckDB)', () => {
  const corpus = [...basil, ...gilets].sort(byId);
  const path = writeJsonl('features.jsonl', corpus);

  it('finds, for every article, the candidates lib/corpus-index finds (BASIL and gilets jaunes together, 296 articles)', async () => {
    const index = CorpusIndex.build(corpus);
    const sql = await candidatesOf(path);
    let sameOrder = 0;
    for (const r of corpus) {
      const expected = index.candidates(r.features, 100, r.id);
      const found = sql.get(r.id) ?? [];
      expect(new Set(found), r.id).toEqual(new Set(expected));
      if (JSON.stringify(found) === JSON.stringify(expected)) sameOrder++;
    }
    // The index adds scores in 32-bit floats, SQL in 64-bit: two near-tied candidates may swap places.
    expect(sameOrder).toBeGreaterThanOrEqual(corpus.length * 0.98);
  }, 60_000);

  it('reads Parquet as it reads JSON Lines (recoupe convert)', async () => {
    const parquet = join(dir, 'features.parquet');
    const back = join(dir, 'features-back.jsonl');
    await convert.run([path, parquet], {});
    await convert.run([parquet, back], {});
    expect(readFileSync(back, 'utf8').trim().split('\n').map((l) => JSON.parse(l))).toEqual(corpus.map((r) => JSON.parse(JSON.stringify(r))));
    expect(await candidatesOf(parquet)).toEqual(await candidatesOf(path));
  }, 60_000);
});


/** The pipeline features → candidates (DuckDB, with the corpus statistics) → grade over `corpus` (sorted by id): the pair lines and the grade records. */
async function gradeThroughPipeline(corpus: FeaturesRecord[]) {
  const path = writeJsonl(`${corpus.length}-${corpus[0]!.id}.jsonl`, corpus);
  const db = await connect();
  await defineCandidates(db, path);
  const statsPath = join(dir, `${corpus.length}-${corpus[0]!.id}-stats.jsonl`);
  await writeStats(db, statsPath);
  const pairs = new PassThrough();
  const lines: string[] = [];
  pairs.on('data', (c) => lines.push(String(c)));
  await streamLines(db, PAIRS_SQL, pairs);
  db.closeSync();
  const pairLines = lines.join('').split('\n').filter(Boolean);
  const stats = await readStats(statsPath);
  const { records: grades, counts } = await runStream(pairLines, pairGrader(stats));
  expect(counts.failed).toBe(0);
  return { pairLines, grades: grades as GradeRecord[] };
}

describe('the pipeline features → candidates (DuckDB) → grade → stories', () => {
  it.each([
    ['BASIL 2010–2012', basil],
    ['the Swiss gilets jaunes', gilets],
  ])('grades the pairs of %s that `recoupe stories` grades, with its corpus statistics, to the same links', async (name, records) => {
    const corpus = [...records].sort(byId);
    const { pairLines, grades } = await gradeThroughPipeline(corpus);
    // Under lib/corpus-index's GRADE_ALL_BELOW (500 articles): every pair is graded, as `recoupe stories` does.
    expect(pairLines, name).toHaveLength((corpus.length * (corpus.length - 1)) / 2);
    const index = CorpusIndex.build(corpus);
    const features = new Map(corpus.map((r) => [r.id, prepare(r.features, index)]));
    expect(grades).toEqual(grades.map(({ a, b }) => {
      const { relation, score, reasons } = gradePrepared(features.get(a)!, features.get(b)!);
      return { a, b, relation, score, reasons: reasons.map((r) => ({ ...r, text: describeReason(r) })) };
    }));
  }, 180_000);

  /** Articles as a corpus folder (text and a sidecar with title and date), and the same articles through `recoupe extract` then `features`. */
  function asFolder(name: string, articles: { id: string; text: string; title?: string; date?: string }[]) {
    const folder = mkdtempSync(join(tmpdir(), `recoupe-${name}-`));
    const extracted = articles.map((a) => {
      writeFileSync(join(folder, `${a.id}.txt`), a.text);
      writeFileSync(join(folder, `${a.id}.meta.json`), JSON.stringify({ title: a.title, published: a.date }));
      return featuresRecord(extractRecord({ id: a.id, text: a.text, title: a.title, published: a.date }));
    }).sort(byId);
    let graded: Promise<string[]> | undefined;
    return { folder, gradeLines: () => (graded ??= gradeThroughPipeline(extracted).then(({ grades }) => grades.map((g) => JSON.stringify(g)))) };
  }
  const basilFolder = asFolder('basil', readBasil());
  // The gilets-jaunes fixture gives no titles or dates: the articles stand as their texts.
  const giletsFolder = asFolder('gilets', readGiletsJaunes().map((d, i) => ({ id: `gj-${String(i).padStart(3, '0')}`, text: d.text })));

  it.each([
    ['BASIL 2010–2012', basilFolder, MIN_BASIL_STORIES],
    ['the Swiss gilets jaunes', giletsFolder, 10],
  ])('groups the graded pairs of %s into the stories `recoupe stories` finds in the same folder (recoupe stories -)', async (_name, { folder, gradeLines }, minStories) => {
    const fromFolder = (await stories.run([folder], {})) as { stories: Story[] };
    const { records, counts, stderr } = await runStream(await gradeLines(), storiesFromGrades());
    expect(stderr).toBe('');
    expect(counts.written).toBe(fromFolder.stories.length);
    expect(records).toEqual(fromFolder.stories.map(({ ids, lead }) => ({ ids, lead })));
    expect(fromFolder.stories.length).toBeGreaterThanOrEqual(minStories);
  }, 240_000);

  it('reports a malformed grade line with its line number, skips it, and groups the rest as before', async () => {
    const lines = await basilFolder.gradeLines();
    const { records: expected } = await runStream(lines, storiesFromGrades());
    const { records, counts, stderr } = await runStream([...lines.slice(0, 2), '{"a": "x", "b": "y", "relation": "same"}', ...lines.slice(2)], storiesFromGrades());
    expect(stderr).toBe('recoupe: line 3: "score" is not a number; skipped\n');
    expect(counts).toEqual({ read: lines.length + 1, written: expected.length, failed: 1 });
    expect(records).toEqual(expected);
  }, 180_000);
});

describe('passim', () => {
  const seeds = ['000_492f0f67598950be', '003_0bb6bc6989cf1c52'];
  const meta = (id: string) => JSON.parse(readFileSync(`corpus/${id}.meta.json`, 'utf8')) as { site: string; published: string };
  const articles = seeds.map((id) => extractRecord({ id, text: readFileSync(join(SEEDS_DIR, `${id}.txt`), 'utf8'), ...meta(id) }));

  it('exports articles as passim reads them: id, series = outlet, date, text', async () => {
    const { records } = await runStream(articles.map((a) => JSON.stringify(a)), passimDocument);
    expect(records).toEqual(articles.map((a) => ({ id: a.id, series: a.site, date: a.published!.slice(0, 10), text: a.text, ...(a.title ? { title: a.title } : {}) })));
    expect(records.map((r) => (r as { series: string }).series)).toEqual(['RT France', 'RT France']);
  });

  it('imports passim’s clusters as passages shared by articles, spans into the exported texts', async () => {
    // passim's out.json for the gold passage 000/003 share (near-verbatim): each record echoes the
    // document's fields, its text cut to the passage, with cluster, size, begin, end, uid, src, pboiler.
    const gold = readSeedGold() as unknown as { shared_passages: { articles: string[]; text: string }[] };
    const words = gold.shared_passages[0]!.text.split(' ').slice(0, 8).join(' ');
    const exported = articles.map((a) => passimDocument(a));
    const out = exported.map((d, uid) => {
      const begin = d.text.indexOf('Le cessez-le-feu est entré en vigueur');
      const end = d.text.indexOf('Conseil de sécurité', begin) + 'Conseil de sécurité'.length;
      expect(begin).toBeGreaterThanOrEqual(0);
      return { ...d, text: d.text.slice(begin, end), cluster: 42, size: 2, begin, end, uid, src: null, pboiler: 0 };
    });
    const other = { ...out[0]!, cluster: 7, size: 1 };
    const { records, counts } = await runStream([...out, other, { ...out[1]!, cluster: 42 }].map((r) => JSON.stringify(r)), passimClusters());
    expect(counts).toEqual({ read: 4, written: 2, failed: 1 });
    const [shared] = records as SharedPassageCluster[];
    expect(shared!.cluster).toBe('42');
    expect(shared!.passages.map((p) => p.id)).toEqual(seeds);
    for (const p of shared!.passages) {
      const text = articles.find((a) => a.id === p.id)!.text;
      expect(text.slice(p.start, p.end)).toBe(p.text);
      expect(p.text).toContain(words);
    }
  });
});

