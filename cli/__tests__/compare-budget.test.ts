/**
 * `recoupe compare` within its own budget (issue 20, "Bounded analysis"): a file made to be slow
 * (thousands of quotations against an edited copy, long texts of random words) must not
 * hang a researcher's batch; real articles come out complete. In-process (cli/main.ts through the
 * command registry); the budget is read on a counting clock where the figures must be exact.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manyQuotations, prose } from '../../tests/support/adversarial-pages';
import { runCli } from '../../tests/support/run-cli';
import { SEEDS_DIR } from '../../tests/support/shared-fixtures';
import { CLI_BUDGET_MS, compare, compareArticles, type CompareOutput } from '../commands/compare';
import { extractRecord } from '../commands/extract';
import { readArticleFile } from '../corpus-folder';
import { runStream } from './run-stream';

/** A clock that advances one millisecond each time it is read. */
function countingClock(): () => number {
  let t = 0;
  return () => t++;
}

// 200 quotations; the other version quotes the first 100 word for word and the others with a word
// more (each then compared with every quotation holding its words: the part a budget stops).
const PAGE_TEXT = manyQuotations(200, 8);
const EDITED_TEXT = Array.from({ length: 200 }, (_, i) => `« ${prose(i < 100 ? 8 : 9, i)} », a déclaré Jean Dupont${i % 10}.`).join(' ');
const article = (text: string) => ({ title: 'Réforme des retraites', text, language: 'fr', siteName: null, publishedTime: null });
const shown = (r: ReturnType<typeof compareArticles>) => r.quotes.flatMap((q) => q.versions.map((v) => `${q.pageSpan.start}:${q.pageSpan.end}|${v.relation}`));

/** The pair written as two .txt captures (title line, then the text), as a researcher's files. */
function hostileFiles(): [string, string] {
  const dir = mkdtempSync(join(tmpdir(), 'recoupe-budget-'));
  const [a, b] = [join(dir, 'page.txt'), join(dir, 'edited.txt')];
  writeFileSync(a, `Réforme des retraites\n\n${PAGE_TEXT}\n`);
  writeFileSync(b, `Réforme des retraites\n\n${EDITED_TEXT}\n`);
  return [a, b];
}

describe('recoupe compare stops at its budget and says what it left out', () => {
  const full = compareArticles(article(PAGE_TEXT), article(EDITED_TEXT));

  it('a budget spent in the quotation alignment (counted clock reads): the pairs found so far, the rest said left out', () => {
    expect(full.same).toHaveLength(1);
    expect(full.budgetSpent).toBeUndefined();
    expect(full.quotes).toHaveLength(200);
    // (The whole comparison reads the clock about 1,800 times, the alignment ending between the
    // 550th and 600th read: 450 stops it inside the alignment.)
    const cut = compareArticles(article(PAGE_TEXT), article(EDITED_TEXT), { budget: { totalMs: 450, stepMs: 450 }, now: countingClock() });
    expect(cut.budgetSpent).toEqual({ totalMs: 450, notCompared: 0, quotesPartial: 1, framingSkipped: true, storySkipped: false });
    // What it shows is right: a part of the whole report (the quotations paired word for word).
    expect(shown(cut).length).toBeGreaterThan(0);
    expect(shown(cut).length).toBeLessThan(shown(full).length);
    expect(new Set(shown(full))).toEqual(new Set([...shown(full), ...shown(cut)]));
    expect(cut.same).toEqual(full.same);
  });

  it('--budget 1 on the files: exit 0, the JSON says what was left out, and stderr says it in English naming the files', async () => {
    const [a, b] = hostileFiles();
    const run = await runCli(['compare', a, b, '--budget', '1']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as CompareOutput;
    // Wall clock: 1 ms is spent before the article is compared (grading it takes longer), so it is not.
    expect(out.report.budgetSpent).toEqual({ totalMs: 1, notCompared: 1, quotesPartial: 0, framingSkipped: true, storySkipped: true });
    expect(out.report.same).toHaveLength(1);
    expect(out.report.quotes).toEqual([]);
    expect(run.stderr).toBe(`recoupe: compare ${a} with ${b}: the comparison passed its budget of 1 ms and was cut: 1 article not compared (no quotations, passages or coverage from it); no framing; no wire or timeline; see "budgetSpent" in the report (--budget <ms> to allow more, --no-budget for none)\n`);
  });

  it('streaming: the record says what was left out, and stderr names the pair', async () => {
    const [a, b] = (await Promise.all(hostileFiles().map((p) => readArticleFile(p)))) as [Awaited<ReturnType<typeof readArticleFile>>, Awaited<ReturnType<typeof readArticleFile>>];
    const record = (id: string, x: typeof a) => extractRecord({ id, text: x.article.text, title: x.article.title ?? undefined });
    const warnings: string[] = [];
    const transform = await compare.stream!({ budget: '1' }, { warn: (m) => warnings.push(m) });
    const { records, counts } = await runStream([JSON.stringify({ a: record('page-1', a), b: record('edited-1', b) })], transform);
    expect(counts).toEqual({ read: 1, written: 1, failed: 0 });
    expect((records[0] as { report: CompareOutput['report'] }).report.budgetSpent).toMatchObject({ totalMs: 1, notCompared: 1 });
    expect(warnings).toEqual([expect.stringMatching(/^compare "page-1" with "edited-1": the comparison passed its budget of 1 ms and was cut: 1 article not compared/)]);
  });

  it.each([
    ['not a number', ['--budget', 'soon'], /--budget is not a whole number of milliseconds: soon/],
    ['a fraction', ['--budget', '1.5'], /--budget is not a whole number of milliseconds: 1\.5/],
    ['both --budget and --no-budget', ['--budget', '5', '--no-budget'], /--budget and --no-budget together/],
  ])('refuses %s (exit 2)', async (_name, args, message) => {
    const run = await runCli(['compare', join(SEEDS_DIR, '000_492f0f67598950be.txt'), join(SEEDS_DIR, '001_efc4fda914ae2fdd.txt'), ...args]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
  });
});

describe('real articles under the default budget: complete, the report without a budget', () => {
  const [A, B] = ['000_492f0f67598950be', '001_efc4fda914ae2fdd'].map((id) => join(SEEDS_DIR, `${id}.txt`));

  it('the default, --budget 0 and --no-budget print the same report, nothing said left out, nothing on stderr', async () => {
    const [byDefault, zero, none] = await Promise.all([runCli(['compare', A!, B!]), runCli(['compare', A!, B!, '--budget', '0']), runCli(['compare', A!, B!, '--no-budget'])]);
    for (const run of [byDefault, zero, none]) expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    const report = (JSON.parse(byDefault.stdout) as CompareOutput).report;
    expect(report.budgetSpent).toBeUndefined();
    expect(report.same).toHaveLength(1);
    expect(report.framing).not.toBeNull();
    expect(zero.stdout).toBe(byDefault.stdout);
    expect(none.stdout).toBe(byDefault.stdout);
  });

  it('the default budget on a counting clock: read, far from spent (every read a millisecond), the report without a budget', async () => {
    const [a, b] = await Promise.all([A!, B!].map((p) => readArticleFile(p)));
    const now = countingClock();
    const budgeted = compareArticles(a!.article, b!.article, { budget: { totalMs: CLI_BUDGET_MS, stepMs: CLI_BUDGET_MS }, now });
    expect(budgeted).toEqual(compareArticles(a!.article, b!.article));
    const reads = now();
    expect(reads).toBeGreaterThan(10);
    expect(reads).toBeLessThan(CLI_BUDGET_MS / 10);
  });
});
