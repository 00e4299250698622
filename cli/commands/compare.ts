import type { Command, CommandIo } from './command';
import { UsageError } from './command';
import { computeFeatures } from '../../lib/match';
import { CorpusIndex, matchPage } from '../../lib/corpus-index';
import { comparisonReport, preparePage, reportNow, type ReportBudget, type StoredVersion } from '../../lib/compare/report';
import type { QuotedReport } from '../../lib/compare/report-types';
import { quoteReport } from '../../lib/compare/quoted';
import { readArticleFile } from '../corpus-folder';
import { asObject, parseArticle, type ArticleRecord } from '../stream/records';

/** The JSON that `recoupe compare` prints: the files, and the report the side panel renders. */
export interface CompareOutput {
  page: string;
  /** The stored article's id in the report, and its file. */
  versions: { id: number; file: string }[];
  report: QuotedReport;
}

/** The id B has in the report (the corpus holds it alone). */
const B_ID = 1;

/** An article as the comparison reads it (an extraction result fits). */
export interface ComparedArticle {
  title: string | null;
  text: string;
  language: string | null;
  siteName: string | null;
  publishedTime: string | null;
  /** Read for agency credits ("Par AFP"); absent in a record that has none. */
  byline?: string | null;
}

/**
 * The CLI's budget per comparison, in milliseconds (`--budget`): far above a news article's
 * comparison (the seed pairs and the gilets-jaunes pairs take well under a second each, a long
 * article of 60,000 characters a few seconds on a loaded machine), so a researcher's real articles
 * come out complete; a file made to be slow (5,000 quotations against an edited copy took 111 s
 * before the alignment's exact filter, 3–9 s after it; long texts of random words still grow
 * faster than linearly) stops there and says what it left out, instead of holding a batch. Twice the background's (lib/compare/report `COMPARE_BUDGET`,
 * 10 s in all): a batch waits for no reader, but a job of millions of pairs must not hang on one.
 */
export const CLI_BUDGET_MS = 20_000;

/** How a comparison is bounded: no budget (every article compared in full) unless given one. */
export interface CompareWork {
  budget?: ReportBudget;
  /** The clock the budget is read on (milliseconds); `performance.now` by default. */
  now?: () => number;
}

/**
 * The report for A as the page in the browser and B as the one article of the corpus: the panel's
 * code (lib/compare/report), its page spans quoted from A's text as the panel quotes them from
 * the page's (lib/compare/quoted). With a budget, the whole call counts (grading and preparing
 * A too), and past it the report says what it left out (`budgetSpent`).
 */
export function compareArticles(a: ComparedArticle, b: ComparedArticle, work: CompareWork = {}): QuotedReport {
  const now = work.now ?? (() => performance.now());
  const startedAt = work.budget ? now() : undefined;
  const stored: StoredVersion = { id: B_ID, title: b.title, site: b.siteName, publishedTime: b.publishedTime, text: b.text, language: b.language, byline: b.byline ?? null };
  const features = computeFeatures(b);
  const index = CorpusIndex.build([{ id: String(B_ID), features }]);
  const matches = matchPage(index, computeFeatures(a), () => features);
  const report = reportNow(comparisonReport(preparePage(a), { size: 1, matches, stored: new Map([[B_ID, stored]]) }, work.budget ? { budget: work.budget, now, startedAt } : {}));
  return quoteReport(report, a.text)!; // Made from A's text: its key is A's.
}

/**
 * The budget `--budget <ms>` and `--no-budget` ask for: `CLI_BUDGET_MS` when neither is given;
 * none (undefined) for `--budget 0` or `--no-budget`. One article is compared, so its step may
 * take the whole budget.
 */
export function budgetOption(options: Record<string, string | boolean | undefined>): ReportBudget | undefined {
  if (options['no-budget']) {
    if (options.budget !== undefined) throw new UsageError('--budget and --no-budget together');
    return undefined;
  }
  const raw = options.budget;
  const ms = raw === undefined ? CLI_BUDGET_MS : typeof raw === 'string' && /^\d+$/u.test(raw.trim()) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(ms)) throw new UsageError(`--budget is not a whole number of milliseconds: ${String(raw)}`);
  return ms === 0 ? undefined : { totalMs: ms, stepMs: ms };
}

/**
 * What a report past its budget left out, in English, for stderr (`what`: the file or the pair
 * compared); null when it left out nothing. The JSON says the same in `report.budgetSpent`.
 */
export function budgetWarning(what: string, report: QuotedReport): string | null {
  const spent = report.budgetSpent;
  if (!spent) return null;
  const parts = [
    spent.notCompared > 0 ? `${spent.notCompared} article${spent.notCompared === 1 ? '' : 's'} not compared (no quotations, passages or coverage from ${spent.notCompared === 1 ? 'it' : 'them'})` : null,
    spent.quotesPartial > 0 ? `the quotation alignment of ${spent.quotesPartial} article${spent.quotesPartial === 1 ? '' : 's'} stopped early (some shared quotations may be missing)` : null,
    spent.framingSkipped ? 'no framing' : null,
    spent.storySkipped ? 'no wire or timeline' : null,
  ].filter((x) => x !== null);
  return `${what}: the comparison passed its budget of ${spent.totalMs} ms and was cut: ${parts.join('; ')}; see "budgetSpent" in the report (--budget <ms> to allow more, --no-budget for none)`;
}

const asCompared = (r: ArticleRecord): ComparedArticle => ({ title: r.title, text: r.text, language: r.language, siteName: r.site, publishedTime: r.published });

/** What streaming `compare` writes per pair: the ids, and the report (B's id in it is 1). */
export interface CompareRecord {
  a: string;
  b: string;
  report: QuotedReport;
}

/**
 * One line of streaming `compare`: `{a: article, b: article}` (articles as `extract` writes them).
 * Without `work`, no budget; past one, the report says what it left out and `io` warns, naming the pair.
 */
export function compareRecord(value: unknown, work: CompareWork = {}, io?: CommandIo): CompareRecord {
  const o = asObject(value, 'a pair');
  const a = parseArticle(o.a, '"a" (an article)');
  const b = parseArticle(o.b, '"b" (an article)');
  const report = compareArticles(asCompared(a), asCompared(b), work);
  const warning = budgetWarning(`compare ${JSON.stringify(a.id)} with ${JSON.stringify(b.id)}`, report);
  if (warning) io?.warn(warning);
  return { a: a.id, b: b.id, report };
}

/**
 * `recoupe compare <fileA> <fileB>`: A as the page in the browser, B as the one article of the
 * corpus, compared as the side panel compares them (graded, then, when B is on the same event or
 * storyline, quotations, passages, coverage and framing). Prints the report the panel renders,
 * built by the same code (lib/compare/report). Each file takes its `<name>.meta.json` sidecar
 * (title, site, published), as `recoupe match` does. Given no file, streams pairs of articles.
 * Each comparison has `--budget <ms>` (`CLI_BUDGET_MS` by default; 0 or `--no-budget`: none).
 */
export const compare: Command = {
  usage: [
    'recoupe compare <fileA> <fileB> [--budget <ms>|--no-budget]   Compare page A with article B as the side panel does, and print its report.',
    'recoupe compare [--budget <ms>|--no-budget] < pairs.jsonl > reports.jsonl   Stream: {a: article, b: article} per line → {a, b, report}.',
    `  --budget <ms>: time for one comparison (${CLI_BUDGET_MS} by default; 0 or --no-budget: none); past it the report says what it left out.`,
  ],
  options: { budget: { type: 'string' }, 'no-budget': { type: 'boolean' } },
  async run(args, options, io) {
    if (args.length !== 2) throw new UsageError('compare takes two files');
    const budget = budgetOption(options);
    const [a, b] = await Promise.all([readArticleFile(args[0]!, io?.warn), readArticleFile(args[1]!, io?.warn)]);
    const report = compareArticles(a.article, b.article, { budget });
    const warning = budgetWarning(`compare ${args[0]!} with ${args[1]!}`, report);
    if (warning) io?.warn(warning);
    return { page: args[0]!, versions: [{ id: B_ID, file: args[1]! }], report } satisfies CompareOutput;
  },
  async stream(options, io) {
    const budget = budgetOption(options);
    return (value: unknown) => compareRecord(value, { budget }, io);
  },
};
