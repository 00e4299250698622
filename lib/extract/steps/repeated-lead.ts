/**
 * Step `repeated-lead`: a line that repeats text already seen higher up — typically the lead
 * printed again at the foot of the page (often cut short with "..."), or a teaser repeating the
 * headline. Near-duplication is measured as the share of the line's word 4-shingles already seen
 * in earlier kept lines (shingles span line breaks, so a repeat that glues two paragraphs
 * together still matches). Cost is linear: one hash set of shingles, capped in size.
 */
import { isKept, RE, wordTokens, type PageLines, type Step, type Verdict } from '../lines';

const K = 4;
/** Share of a line's shingles seen before for it to count as a repeat. */
const CONTAINMENT = 0.8;
/** Shorter lines are too generic to call repeats ("Lire la suite"). */
const MIN_WORDS = 8;
/** Bound on the shingles remembered, so a 5 MB page stays linear and bounded in memory. */
const MAX_SEEN = 400_000;

function shingles(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + K <= tokens.length; i++) out.push(tokens.slice(i, i + K).join(' '));
  return out;
}

export const repeatedLead: Step = {
  name: 'repeated-lead',
  run(page: PageLines): Verdict[] {
    const out: Verdict[] = [];
    const seen = new Set<string>();
    let tail: string[] = []; // last K-1 tokens of the previous kept line, to shingle across lines
    const remember = (tokens: string[]) => {
      const joined = [...tail, ...tokens];
      if (seen.size < MAX_SEEN) for (const s of shingles(joined)) seen.add(s);
      tail = joined.slice(-(K - 1));
    };
    if (page.title) remember(wordTokens(page.title));
    tail = [];
    for (const line of page.lines) {
      if (!isKept(page, line.index)) continue;
      let tokens = wordTokens(line.text);
      // A truncated repeat ends mid-word before the ellipsis: drop that last partial token.
      if (RE.ellipsisEnd.test(line.text) && tokens.length > MIN_WORDS) tokens = tokens.slice(0, -1);
      if (tokens.length >= MIN_WORDS && seen.size > 0) {
        const own = shingles(tokens);
        let hit = 0;
        for (const s of own) if (seen.has(s)) hit++;
        if (own.length > 0 && hit / own.length >= CONTAINMENT) {
          out.push({ index: line.index, reason: `repeats earlier text (${Math.round((100 * hit) / own.length)}% of 4-word shingles)` });
          continue;
        }
      }
      remember(tokens);
    }
    return out;
  },
};
