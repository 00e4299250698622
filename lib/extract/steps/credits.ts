/**
 * Step `credits`: lines that only credit someone — wire credits ("Source AFP", "(Reuters)",
 * "Avec AFP", "AFP, Reuters"), copyright footers ("© 2016 Le Monde", "All rights reserved"),
 * and short bylines ("Par Jean Dupont", "By JANE DOE").
 */
import { AGENCIES, BYLINE_LEADS, CREDIT_LEADS, RIGHTS_PHRASES } from '../lexicon';
import { alternation, isKept, type PageLines, type Step, type Verdict } from '../lines';

const AG = alternation(AGENCIES);
const WIRE = new RegExp(
  `^(?:(?:${alternation(CREDIT_LEADS)})\\s*:?\\s*)?(?:${AG})(?:\\s*(?:,|et|and|y|und|e|/|-|avec)\\s*(?:${AG}))*$`,
  'iu',
);
const COPYRIGHT = /^(?:©|\(c\)|copyright\b)/iu;
const RIGHTS = new RegExp(`(?:${alternation(RIGHTS_PHRASES)})`, 'iu');
const BYLINE = new RegExp(`^(?:${alternation(BYLINE_LEADS)})\\s+(?:\\p{Lu}[\\p{L}'.-]*\\s*){1,4}$`, 'u');
/** A copyright footer is one short line. */
const MAX_FOOTER_WORDS = 20;

export const credits: Step = {
  name: 'credits',
  run(page: PageLines): Verdict[] {
    const out: Verdict[] = [];
    for (const line of page.lines) {
      if (!isKept(page, line.index)) continue;
      if (line.words <= 8 && WIRE.test(line.folded)) {
        out.push({ index: line.index, reason: 'wire / source credit' });
      } else if (line.words <= MAX_FOOTER_WORDS && (COPYRIGHT.test(line.text) || RIGHTS.test(line.folded))) {
        out.push({ index: line.index, reason: 'copyright line' });
      } else if (line.words <= 5 && BYLINE.test(line.text.replace(/^(?:par|by|por|von|di|de)\b/i, (m) => m.toLowerCase()))) {
        out.push({ index: line.index, reason: 'byline' });
      }
    }
    return out;
  },
};
