/**
 * Step `title`: finds the headline of a plain-text capture and keeps it apart from the body;
 * on the DOM path (title known from metadata) it drops a first body line repeating the title.
 *
 * Text path. Candidates are kept lines above the first prose line with 4–30 words that do not
 * end like a sentence (headlines carry no final full stop; "?" and "!" are allowed). Score:
 * more words (capped) is better, a line repeated elsewhere on the page (captions and teasers
 * repeat the headline) is much better, and the candidate nearest to the prose wins ties (section
 * labels sit above the headline). No candidate → no title (a wire text that starts with its lead).
 */
import {
  CLOSERS,
  isKept,
  isProse,
  RE,
  wordTokens,
  type Line,
  type PageLines,
  type Step,
  type Verdict,
} from '../lines';

const MIN_WORDS = 4;
const MAX_WORDS = 30;
/** How far down the page a headline may sit, in lines, when no prose line bounds the search. */
const MAX_HEAD_LINES = 15;
/** Lines searched for a repeat of a candidate (captions and teasers sit near the top). */
const REPEAT_WINDOW = 300;
/** Headlines may end with ? or !, but not with a full stop, colon or ellipsis (before any closing mark or bracket). */
const SENTENCE_END = new RegExp(`[.:;…][${CLOSERS}]*$`, 'u');

function norm(s: string): string {
  return wordTokens(s).join(' ');
}

/** True when a and b are the same words, or one starts with the other (a caption with credit). */
export function sameTitle(a: string, b: string): boolean {
  const x = norm(a);
  const y = norm(b);
  if (!x || !y) return false;
  return x === y || (x.length >= 20 && y.startsWith(x)) || (y.length >= 20 && x.startsWith(y));
}

function isCandidate(line: Line): boolean {
  return line.words >= MIN_WORDS && line.words <= MAX_WORDS && !SENTENCE_END.test(line.text) && line.kind !== 'caption';
}

export const title: Step = {
  name: 'title',
  run(page: PageLines): Verdict[] {
    if (page.mode === 'dom') {
      if (!page.title) return [];
      const first = page.lines.find((l) => isKept(page, l.index));
      return first && sameTitle(first.text, page.title)
        ? [{ index: first.index, reason: 'title repeated at the top of the body' }]
        : [];
    }
    const candidates: Line[] = [];
    let first = true;
    for (const line of page.lines) {
      if (line.index >= MAX_HEAD_LINES && candidates.length === 0) break;
      if (!isKept(page, line.index)) continue;
      // (The first line may hold two sentences and still be the headline, since it has no final
      // full stop: `Salariul minim crește de la 1 ianuarie. Hossu: „Inflația a mâncat…”` read as
      // prose, and the capture had no title.)
      const opening = first && isCandidate(line);
      first = false;
      if (opening) {
        candidates.push(line);
        continue;
      }
      if (isProse(line)) break;
      if (isCandidate(line)) candidates.push(line);
    }
    if (candidates.length === 0) return [];
    let best: Line | null = null;
    let bestScore = -Infinity;
    // Only the top of the page is compared, so a huge page costs no more than a small one.
    const nearby = page.lines.slice(0, REPEAT_WINDOW).map((o) => ({ index: o.index, len: o.text.length, n: norm(o.text) }));
    candidates.forEach((c, k) => {
      const own = norm(c.text);
      const repeated = nearby.some((o) => o.index !== c.index && o.len > c.text.length * 0.8 && o.n.includes(own));
      const score = Math.min(c.words, 15) + (repeated ? 10 : 0) + k * 0.5 - (RE.ellipsisEnd.test(c.text) ? 5 : 0);
      if (score > bestScore) {
        bestScore = score;
        best = c;
      }
    });
    const chosen = best as Line | null;
    return chosen ? [{ index: chosen.index, reason: 'headline', title: true }] : [];
  },
};
