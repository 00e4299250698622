import { computeFeatures, type Relation } from '../../lib/match';
import type { MatchReason } from '../../lib/match/types';
import { firstWords, groupStories, labelStories, StoryLinks } from '../../lib/corpus-index';
import { readCorpusFolder } from '../corpus-folder';
import { InputError } from '../read-page';
import { RecordError, streamJsonl, type RecordTransform } from '../stream/jsonl';
import { asObject, requiredString } from '../stream/records';
import type { Command } from './command';
import { UsageError } from './command';

const RELATIONS: ReadonlySet<string> = new Set<Relation>(['same', 'related', 'unrelated']);

/**
 * Reads `recoupe grade` lines `{a, b, relation, score, reasons}` into story links, with the rule the
 * extension's links apply to a grade (`StoryLinks.addGrade`); when the input ends, writes one story
 * per line `{ids, lead}`, largest first, grouped by the extension's linkage. Memory holds the links
 * only, not the lines. Grade lines carry no titles: a story's label is left to the reader's join
 * with the articles (its `lead` is the best-connected article, whose title labels it in the extension).
 */
export function storiesFromGrades(): RecordTransform {
  const links = new StoryLinks();
  const transform: RecordTransform = (value) => {
    const o = asObject(value, 'a grade');
    const a = requiredString(o, 'a');
    const b = requiredString(o, 'b');
    const { relation, score, reasons } = o;
    if (typeof relation !== 'string' || !RELATIONS.has(relation)) throw new RecordError('"relation" is not same, related or unrelated');
    if (typeof score !== 'number' || !Number.isFinite(score)) throw new RecordError('"score" is not a number');
    if (!Array.isArray(reasons) || !reasons.every((r) => r && typeof r === 'object' && typeof (r as { code?: unknown }).code === 'string')) {
      throw new RecordError('"reasons" is not a list of {code, …}');
    }
    links.addGrade(a, b, { relation: relation as Relation, score, reasons: reasons as MatchReason[] });
    return undefined;
  };
  transform.end = () => labelStories(links.stories(), links, () => undefined).map(({ ids, lead }) => ({ ids, lead }));
  return transform;
}

export const stories: Command = {
  usage: [
    'recoupe stories <dir>   Group a folder of articles into same-event stories.',
    'recoupe stories - < grades.jsonl > stories.jsonl   Stream: graded pairs (recoupe grade) → one story {ids, lead} per line.',
  ],
  async run(args, _options, io) {
    if (args.length !== 1) throw new UsageError('stories takes one folder, or - for graded pairs on standard input');
    // `-` rather than no argument: `recoupe stories` alone keeps saying it wants a folder instead of waiting on stdin.
    if (args[0] === '-') {
      const counts = await streamJsonl(process.stdin, process.stdout, process.stderr, storiesFromGrades());
      if (counts.failed) throw new InputError(`${counts.failed} grade line${counts.failed > 1 ? 's' : ''} skipped`);
      return undefined;
    }
    const corpus = await readCorpusFolder(args[0]!, { onSkip: (m) => process.stderr.write(`recoupe: skipped: ${m}\n`), warn: io?.warn });
    // The grouping is lib/corpus-index's, shared with the extension's corpus page.
    return { stories: groupStories(corpus.map((c) => ({ id: c.id, title: c.article.title || firstWords(c.article.text), features: computeFeatures(c.article) }))) };
  },
};
