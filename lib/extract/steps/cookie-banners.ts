/**
 * Step `cookie-banners`: consent-banner text. A line goes when it names cookies (or two weaker
 * consent words) *and* addresses the reader or the site, so that a news story about cookie rules
 * keeps its paragraphs. Buttons ("OK", "Accepter") are taken by `ui-labels`.
 */
import { COOKIE_ADDRESS, COOKIE_STRONG, COOKIE_WEAK } from '../lexicon';
import { alternation, isKept, type PageLines, type Step, type Verdict } from '../lines';

const STRONG = new RegExp(`(?<![\\p{L}])(?:${alternation(COOKIE_STRONG)})(?![\\p{L}])`, 'u');
const WEAK = new RegExp(`(?<![\\p{L}])(?:${alternation(COOKIE_WEAK)})(?![\\p{L}])`, 'gu');
const ADDRESS = new RegExp(`(?<![\\p{L}])(?:${alternation(COOKIE_ADDRESS)})(?![\\p{L}])`, 'u');

export const cookieBanners: Step = {
  name: 'cookie-banners',
  run(page: PageLines): Verdict[] {
    const out: Verdict[] = [];
    for (const line of page.lines) {
      if (!isKept(page, line.index)) continue;
      const f = line.folded;
      const strong = STRONG.test(f);
      const weak = strong ? 0 : (f.match(WEAK)?.length ?? 0);
      if ((strong || weak >= 2) && ADDRESS.test(f)) {
        out.push({ index: line.index, reason: 'cookie / consent banner' });
      }
    }
    return out;
  },
};
