/**
 * Step `ui-labels`: buttons, navigation words, search boxes, sponsored-content labels and
 * share/subscribe prompts ("Rechercher", "OK", "Retour en haut", "Share this", "Advertisement",
 * "Sign up for our newsletter…"). Lines with no letters at all (separators) go too.
 * Cf. defuddle's exact/partial selector removal, here done on text.
 */
import { PROMPT_PHRASES, UI_LABELS } from '../lexicon';
import { isKept, type PageLines, type Step, type Verdict } from '../lines';

const LABELS = new Set(UI_LABELS);
/** Prompts are short; a long paragraph that happens to say "follow us on" is reporting. */
const MAX_PROMPT_WORDS = 30;

export const uiLabels: Step = {
  name: 'ui-labels',
  run(page: PageLines): Verdict[] {
    const out: Verdict[] = [];
    for (const line of page.lines) {
      if (!isKept(page, line.index)) continue;
      if (line.words === 0) {
        out.push({ index: line.index, reason: 'no words (separator or symbol)' });
      } else if (LABELS.has(line.folded)) {
        out.push({ index: line.index, reason: 'interface label' });
      } else if (
        line.words <= MAX_PROMPT_WORDS &&
        PROMPT_PHRASES.some((p) => line.folded.includes(p))
      ) {
        out.push({ index: line.index, reason: 'share / subscribe prompt' });
      }
    }
    return out;
  },
};
