/**
 * Step `related-links`: "read also" pointers and side boxes of links to other stories.
 *
 * 1. A line opening with a related-content prefix ("Lire aussi :", "(Lire aussi : …)",
 *    "Read more:", "Lesen Sie auch") goes whole: it is a link to another article.
 * 2. A line that *is* such a prefix or a box heading ("Lire aussi", "Repère", "Most read")
 *    goes with the headline-like lines that follow it (short, no final full stop) until prose
 *    returns. A headline-like line directly followed by prose is kept: that is a subheading of
 *    the body, not a link (defuddle's `content-patterns--trailing-related-posts` idea, on text).
 */
import { BOX_HEADINGS, RELATED_PREFIXES } from '../lexicon';
import {
  alternation,
  endsLikeSentence,
  isKept,
  isProse,
  type Line,
  type PageLines,
  type Step,
  type Verdict,
} from '../lines';

const PREFIX = new RegExp(`^(?:${alternation(RELATED_PREFIXES)})(?:\\s*[:>»|–—-]\\s*(?=\\S)|$)`, 'u');
const HEADINGS = new Set([...RELATED_PREFIXES, ...BOX_HEADINGS]);
/** A linked headline is short; a box rarely lists more than this many. */
const MAX_LINK_WORDS = 24;
const MAX_BOX_LINES = 12;
/** A pointer line can carry a long headline, but not a paragraph. */
const MAX_POINTER_WORDS = 40;

function looksLikeLinkTitle(line: Line): boolean {
  return line.words > 0 && line.words <= MAX_LINK_WORDS && !endsLikeSentence(line.text) && !isProse(line);
}

export const relatedLinks: Step = {
  name: 'related-links',
  run(page: PageLines): Verdict[] {
    const out: Verdict[] = [];
    const kept = page.lines.filter((l) => isKept(page, l.index));
    for (let k = 0; k < kept.length; k++) {
      const line = kept[k]!;
      if (HEADINGS.has(line.folded)) {
        out.push({ index: line.index, reason: 'related-content box heading' });
        let n = 0;
        while (k + 1 < kept.length && n < MAX_BOX_LINES) {
          const next = kept[k + 1]!;
          if (HEADINGS.has(next.folded) || !looksLikeLinkTitle(next)) break;
          const after = kept[k + 2];
          if (after && isProse(after)) break; // a subheading introducing body prose
          out.push({ index: next.index, reason: 'link listed under a related-content heading' });
          k++;
          n++;
        }
      } else if (line.words <= MAX_POINTER_WORDS && PREFIX.test(line.folded)) {
        out.push({ index: line.index, reason: 'read-also pointer' });
      }
    }
    return out;
  },
};
