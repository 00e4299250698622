/**
 * The streaming commands as specifications: JSON Lines made here from the shared fixtures go in,
 * one record per line comes out, and a bad line is reported with its number and skipped. Run
 * in-process through `streamJsonl`, the function `recoupe` runs on stdin and stdout.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeFeatures, corpusStats, describeReason, gradePair } from '../../lib/match';
import { firstWords, indexKeys } from '../../lib/corpus-index';
import { readSeedGold, SEEDS_DIR } from '../../tests/support/shared-fixtures';
import { readBasil } from '../../tests/support/corpora';
import { compare, compareRecord, type CompareOutput } from '../commands/compare';
import { extractRecord, type ExtractedRecord } from '../commands/extract';
import { featuresRecord } from '../commands/features';
import { pairGrader } from '../commands/grade';
import { readArticleFile } from '../corpus-folder';
import type { FeaturesRecord } from '../stream/records';
import { runStream } from './run-stream';

const SEED_IDS = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).map((f) => f.replace(/\.txt$/, '')).sort();
const seedLines = SEED_IDS.map((id) => JSON.stringify({ id, text: readFileSync(join(SEEDS_DIR, `${id}.txt`), 'utf8') }));

describe('recoupe extract (stream)', () => {
  it('turns text captures into articles with the seeds’ gold titles and languages', async () => {
    const { records, counts } = await runStream(seedLines, extractRecord);
    expect(counts).toEqual({ read: 5, written: 5, failed: 0 });
    const gold = readSeedGold().articles;
    for (const r of records as ExtractedRecord[]) {
      expect(r.title).toBe(gold[r.id]!.title);
      expect(r.language).toBe(gold[r.id]!.language);
      expect(r.text).not.toContain(r.title!);
    }
  });

  it('extracts an HTML page, the record’s metadata winning over the page’s', async () => {
    const html = readFileSync('corpus/pages/000_492f0f67598950be.html', 'utf8');
    const [r] = (await runStream([JSON.stringify({ id: 'p', html, site: 'Sputnik', published: '2016-07-06' })], extractRecord)).records as ExtractedRecord[];
    expect(r).toMatchObject({ id: 'p', site: 'Sputnik', published: '2016-07-06', language: 'fr', isArticle: true });
    expect(r!.title).toMatch(/^Poutine et Obama/);
  });

  it.each([
    ['not JSON', '{"id": "x", text', /^recoupe: line 2: not JSON/],
    ['not an object', '["x"]', /^recoupe: line 2: expected a record \(a JSON object\); skipped$/],
    ['no id', '{"text": "Un texte."}', /^recoupe: line 2: "id" is missing/],
    ['both html and text', '{"id": "x", "text": "a", "html": "<p>a</p>"}', /^recoupe: line 2: give either "html"/],
  ])('reports a line that is %s with its number, skips it and goes on', async (_name, bad, message) => {
    const { records, stderr, counts } = await runStream([seedLines[0]!, bad, '', seedLines[1]!], extractRecord);
    expect(counts).toEqual({ read: 3, written: 2, failed: 1 });
    expect((records as ExtractedRecord[]).map((r) => r.id)).toEqual([SEED_IDS[0], SEED_IDS[1]]);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr.trim()).toMatch(message);
  });
});

describe('recoupe features (stream)', () => {
  it('gives the features a folder article gets, and the keys the index posts it under', async () => {
    const articles = (await runStream(seedLines, extractRecord)).records;
    const { records, counts } = await runStream(articles.map((a) => JSON.stringify(a)), featuresRecord);
    expect(counts.failed).toBe(0);
    for (const r of records as FeaturesRecord[]) {
      const folder = await readArticleFile(join(SEEDS_DIR, `${r.id}.txt`));
      expect(r.features).toEqual(computeFeatures(folder.article));
      expect(r.keys).toEqual(indexKeys(r.features));
      expect(r.keys.slice(0, r.features.entities.length).every(([k]) => k.startsWith('e:'))).toBe(true);
      // The story label: the title, or an untitled article's first words (002 has no title of its own).
      expect(r.title).toBe(folder.article.title || firstWords(folder.article.text));
    }
  });

  it('reports an article without text on its line', async () => {
    const { stderr, counts } = await runStream(['{"id": "a"}'], featuresRecord);
    expect(counts).toEqual({ read: 1, written: 0, failed: 1 });
    expect(stderr).toBe('recoupe: line 1: "text" is missing or not a string; skipped\n');
  });
});

describe('recoupe grade (stream)', () => {
  const basil = readBasil();
  const featured = new Map(basil.map((a) => [a.id, computeFeatures({ title: a.title, text: a.text, language: 'en', publishedTime: a.date })]));
  const stats = corpusStats(featured.values());
  const pair = (a: string, b: string) => JSON.stringify({ a: { id: a, features: featured.get(a) }, b: { id: b, features: featured.get(b) } });
  // The first two events of BASIL 2010: each article against the others of its triplet and of the other event.
  const [e1, e2] = [...new Set(basil.map((a) => a.event))].slice(0, 2).map((e) => basil.filter((a) => a.event === e).map((a) => a.id));

  it('grades each pair as lib/match does with the corpus’s statistics: two events never same, one event above two', async () => {
    const same = [[e1![0]!, e1![1]!], [e1![0]!, e1![2]!], [e2![0]!, e2![1]!]];
    const other = [[e1![0]!, e2![0]!], [e1![1]!, e2![1]!], [e1![2]!, e2![2]!]];
    const { records, counts } = await runStream([...same, ...other].map(([a, b]) => pair(a!, b!)), pairGrader(stats));
    expect(counts.failed).toBe(0);
    const grades = records as { a: string; b: string; relation: string; score: number; reasons: unknown[] }[];
    expect(grades).toEqual([...same, ...other].map(([a, b]) => {
      const { relation, score, reasons } = gradePair(featured.get(a!)!, featured.get(b!)!, stats);
      return { a, b, relation, score, reasons: reasons.map((r) => ({ ...r, text: describeReason(r) })) };
    }));
    for (const g of grades.slice(3)) expect(g.relation).not.toBe('same');
    expect(Math.min(...grades.slice(0, 3).map((g) => g.score))).toBeGreaterThan(Math.max(...grades.slice(3).map((g) => g.score)));
    expect(grades[0]!.reasons.length).toBeGreaterThan(0);
  });

  it('grades an id that comes back with other features from the features of its line', async () => {
    // `x` is first e1's first article, then e2's: weights kept for `x` must not be used for the second.
    const [x1, x2, y] = [featured.get(e1![0]!)!, featured.get(e2![0]!)!, featured.get(e1![1]!)!];
    const lines = [[x1, y], [x2, y], [x1, y]].map(([a, b]) => JSON.stringify({ a: { id: 'x', features: a }, b: { id: 'y', features: b } }));
    const { records } = await runStream(lines, pairGrader(stats));
    expect((records as { score: number }[]).map((g) => g.score)).toEqual([x1, x2, x1].map((a) => gradePair(a, y, stats).score));
    expect(gradePair(x1, y, stats).score).toBeGreaterThan(gradePair(x2, y, stats).score);
  });

  it('refuses features of another version on their line', async () => {
    const stale = JSON.stringify({ a: { id: 'x', features: { ...featured.get(e1![0]!), v: 0 } }, b: { id: 'y', features: featured.get(e1![1]!) } });
    const { stderr, counts } = await runStream([pair(e1![0]!, e1![1]!), stale], pairGrader(stats));
    expect(counts).toEqual({ read: 2, written: 1, failed: 1 });
    expect(stderr).toMatch(/^recoupe: line 2: "a": "features" is missing or not features of this version/);
  });
});

describe('recoupe compare (stream)', () => {
  it('writes, per pair of articles, the report `recoupe compare A B` prints for the same files', async () => {
    const PAGE = 'corpus/pages/000_492f0f67598950be.html';
    const AFP = 'corpus/001_efc4fda914ae2fdd.txt';
    const meta = (id: string) => JSON.parse(readFileSync(`corpus/${id}.meta.json`, 'utf8')) as Record<string, string>;
    // The page has no sidecar beside it (its own metadata dates it), the AFP text has one.
    const a = extractRecord({ id: 'a', html: readFileSync(PAGE, 'utf8') });
    const b = extractRecord({ id: 'b', text: readFileSync(AFP, 'utf8'), ...meta('001_efc4fda914ae2fdd') });
    const { records, counts } = await runStream([JSON.stringify({ a, b }), JSON.stringify({ a })], compareRecord);
    expect(counts).toEqual({ read: 2, written: 1, failed: 1 });
    const expected = (await compare.run([PAGE, AFP], {})) as CompareOutput;
    expect(expected.report.same).toHaveLength(1);
    expect(records).toEqual([{ a: 'a', b: 'b', report: expected.report }]);
  });
});

describe('recoupe <command> on stdin', () => {
  it('streams stdin to stdout, reports a bad line on stderr and exits 1 after the last line', async () => {
    const input = [seedLines[0], '{"id": 3}', seedLines[1]].join('\n');
    const result = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      const child = execFile('node', ['--import', 'tsx', 'cli/recoupe.ts', 'features'], (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }));
      child.stdin!.end(input);
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('recoupe: line 2: "text" is missing or not a string; skipped\n');
    expect(result.stdout.trim().split('\n').map((l) => (JSON.parse(l) as FeaturesRecord).id)).toEqual([SEED_IDS[0], SEED_IDS[1]]);
  }, 30_000);
});
