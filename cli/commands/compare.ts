import type { Command } from './command';
import { UsageError } from './command';
import { computeFeatures } from '../../lib/match';
import { CorpusIndex, matchPage } from '../../lib/index';
import { comparisonReport, preparePage, reportNow, type StoredVersion } from '../../lib/compare/report';
import type { ComparisonReport } from '../../lib/compare/report-types';
import { readArticleFile } from '../corpus-folder';

/** The JSON that `recoupe compare` prints: the files, and the report the side panel renders. */
export interface CompareOutput {
  page: string;
  /** The stored article's id in the report, and its file. */
  versions: { id: number; file: string }[];
  report: ComparisonReport;
}

/** The id B has in the report (the corpus holds it alone). */
const B_ID = 1;

/**
 * `recoupe compare <fileA> <fileB>`: A as the page in the browser, B as the one article of the
 * corpus, compared as the side panel compares them (graded, then, when B is on the same event or
 * storyline, quotations, passages, coverage and framing). Prints the report the panel renders,
 * built by the same code (lib/compare/report). Each file takes its `<name>.meta.json` sidecar
 * (title, site, published), as `recoupe match` does.
 */
export const compare: Command = {
  usage: ['recoupe compare <fileA> <fileB>   Compare page A with article B as the side panel does, and print its report.'],
  async run(args) {
    if (args.length !== 2) throw new UsageError('compare takes two files');
    const [a, b] = await Promise.all([readArticleFile(args[0]!), readArticleFile(args[1]!)]);
    const stored: StoredVersion = {
      id: B_ID, title: b.article.title, site: b.article.siteName, publishedTime: b.article.publishedTime, text: b.article.text, language: b.article.language, byline: b.article.byline,
    };
    const features = computeFeatures(b.article);
    const index = CorpusIndex.build([{ id: String(B_ID), features }]);
    const matches = matchPage(index, computeFeatures(a.article), () => features);
    const report = reportNow(comparisonReport(preparePage(a.article), { size: 1, matches, stored: new Map([[B_ID, stored]]) }));
    return { page: args[0]!, versions: [{ id: B_ID, file: args[1]! }], report } satisfies CompareOutput;
  },
};
