/**
 * Step `captions`: photo captions, recognised by the credit that ends them
 * ("… en 2015. © Reuters", "… Photo AFP / ALEXANDER NEMENOV", "…© Kevin Lamarque Source: Reuters",
 * "Photo: Jane Doe/Getty Images"), and every `<figcaption>` on the DOM path.
 * Readability and defuddle both keep figure captions in their output; we set them aside
 * because a caption repeats or paraphrases the body and is not reporting.
 */
import { AGENCIES, PHOTO_WORDS } from '../lexicon';
import { alternation, isKept, type PageLines, type Step, type Verdict } from '../lines';

const AG = alternation(AGENCIES);
// `©` or (c)/copyright followed by a short name: the end of a caption.
const COPYRIGHT_TAIL = /(?:©|\(c\)|\bcopyright\b)\s*[^.!?©]{1,80}$/iu;
// "Photo AFP / NAME", "Photo: NAME", "Foto: Agencia", "Crédit photo : X".
const PHOTO_TAIL = new RegExp(
  `(?:^|[\\s.,;(|])(?:${alternation(PHOTO_WORDS)})\\s*(?::|/|\\b(?:${AG})\\b)\\s*[^.!?]{0,80}$`,
  'iu',
);
// "Reuters / Kevin Lamarque", "AFP/Getty Images" at the end of a line.
const AGENCY_SLASH_TAIL = new RegExp(`(?:^|[\\s(])(?:${AG})\\s*/\\s*[\\p{L}][^.!?]{0,60}$`, 'iu');
// "Source: Reuters" closing a caption.
const SOURCE_TAIL = new RegExp(`\\bsources?\\s*:\\s*(?:${AG})\\s*\\)?$`, 'iu');
/** A caption is at most a few sentences; longer lines with a credit are body quoting a credit. */
const MAX_CAPTION_WORDS = 80;

export function hasCreditTail(text: string): boolean {
  return (
    COPYRIGHT_TAIL.test(text) ||
    PHOTO_TAIL.test(text) ||
    AGENCY_SLASH_TAIL.test(text) ||
    SOURCE_TAIL.test(text)
  );
}

export const captions: Step = {
  name: 'captions',
  run(page: PageLines): Verdict[] {
    const out: Verdict[] = [];
    for (const line of page.lines) {
      if (!isKept(page, line.index)) continue;
      if (line.kind === 'caption') {
        out.push({ index: line.index, reason: 'figure caption' });
      } else if (line.words <= MAX_CAPTION_WORDS && hasCreditTail(line.text)) {
        out.push({ index: line.index, reason: 'caption ending with a photo credit' });
      }
    }
    return out;
  },
};
