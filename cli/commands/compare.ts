import type { Command } from './command';
import { UsageError } from './command';
import { computeFeatures } from '../../lib/match';
import { CorpusIndex, matchPage } from '../../lib/corpus-index';
import { comparisonReport, preparePage, reportNow, type StoredVersion } from '../../lib/compare/report';
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
 * The report for A as the page in the browser and B as the one article of the corpus: the panel's
 * code (lib/compare/report), its page spans quoted from A's text as the panel quotes them from
 * the page's (lib/compare/quoted).
 */
export function compareArticles(a: ComparedArticle, b: ComparedArticle): QuotedReport {
  const stored: StoredVersion = { id: B_ID, title: b.title, site: b.siteName, publishedTime: b.publishedTime, text: b.text, language: b.language, byline: b.byline ?? null };
  const features = computeFeatures(b);
  const index = CorpusIndex.build([{ id: String(B_ID), features }]);
  const matches = matchPage(index, computeFeatures(a), () => features);
  const report = reportNow(comparisonReport(preparePage(a), { size: 1, matches, stored: new Map([[B_ID, stored]]) }));
  return quoteReport(report, a.text)!; // Made from A's text: its key is A's.
}

const asCompared = (r: ArticleRecord): ComparedArticle => ({ title: r.title, text: r.text, language: r.language, siteName: r.site, publishedTime: r.published });

/** What streaming `compare` writes per pair: the ids, and the report (B's id in it is 1). */
export interface CompareRecord {
  a: string;
  b: string;
  report: QuotedReport;
}

/** One line of streaming `compare`: `{a: article, b: article}` (articles as `extract` writes them). */
export function compareRecord(value: unknown): CompareRecord {
  const o = asObject(value, 'a pair');
  const a = parseArticle(o.a, '"a" (an article)');
  const b = parseArticle(o.b, '"b" (an article)');
  return { a: a.id, b: b.id, report: compareArticles(asCompared(a), asCompared(b)) };
}

/**
 * `recoupe compare <fileA> <fileB>`: A as the page in the browser, B as the one article of the
 * corpus, compared as the side panel compares them (graded, then, when B is on the same event or
 * storyline, quotations, passages, coverage and framing). Prints the report the panel renders,
 * built by the same code (lib/compare/report). Each file takes its `<name>.meta.json` sidecar
 * (title, site, published), as `recoupe match` does. Given no file, streams pairs of articles.
 */
export const compare: Command = {
  usage: [
    'recoupe compare <fileA> <fileB>   Compare page A with article B as the side panel does, and print its report.',
    'recoupe compare < pairs.jsonl > reports.jsonl   Stream: {a: article, b: article} per line → {a, b, report}.',
  ],
  async run(args) {
    if (args.length !== 2) throw new UsageError('compare takes two files');
    const [a, b] = await Promise.all([readArticleFile(args[0]!), readArticleFile(args[1]!)]);
    return { page: args[0]!, versions: [{ id: B_ID, file: args[1]! }], report: compareArticles(a.article, b.article) } satisfies CompareOutput;
  },
  async stream() {
    return compareRecord;
  },
};
