/**
 * Step `section-labels`: short non-sentence lines outside the body core — section and rubric
 * labels above the headline ("International", "À La Une - syrie"), slogans and footer labels
 * below the last paragraph. Inside the body a short line is a subheading and stays.
 * Runs last, when the other steps have settled where the prose starts and ends.
 */
import { endsLikeSentence, isKept, isProse, proseBounds, type PageLines, type Step, type Verdict } from '../lines';

/** A label is a few words; a longer non-sentence line before the body is likely a standfirst. */
const MAX_LABEL_WORDS = 10;

export const sectionLabels: Step = {
  name: 'section-labels',
  run(page: PageLines): Verdict[] {
    const out: Verdict[] = [];
    const bounds = proseBounds(page);
    if (!bounds) return out;
    for (const line of page.lines) {
      if (!isKept(page, line.index) || isProse(line)) continue;
      const before = line.index < bounds.first;
      const after = line.index > bounds.last;
      if (!before && !after) continue;
      if (endsLikeSentence(line.text)) continue;
      if (before && (line.words <= MAX_LABEL_WORDS || (page.titleIndex != null && line.index < page.titleIndex))) {
        out.push({ index: line.index, reason: 'label above the body' });
      } else if (after) {
        out.push({ index: line.index, reason: 'label below the body' });
      }
    }
    return out;
  },
};
