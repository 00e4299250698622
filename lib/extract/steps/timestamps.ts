/**
 * Step `timestamps`: lines made only of a date and/or time, with an optional lead
 * ("23 h 05, le 14 juillet 2016", "Publié le 18/04/2016 à 14:05", "Updated 3:04 PM ET",
 * "il y a 3 heures", "5 hours ago"). Datelines and comment stamps are page furniture; the
 * publication time comes from metadata, not from the body.
 */
import { DATE_LEADS, MONTHS, WEEKDAYS } from '../lexicon';
import { alternation, isKept, type PageLines, type Step, type Verdict } from '../lines';

const MONTH = alternation(MONTHS);
const PARTS: RegExp[] = [
  // 14 juillet 2016, 1er mai, 14. Juli 2016
  new RegExp(`\\b\\d{1,2}(?:er|st|nd|rd|th|\\.)?\\s+(?:${MONTH})\\.?(?:\\s+\\d{4})?\\b`, 'giu'),
  // July 14, 2016
  new RegExp(`\\b(?:${MONTH})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?(?:\\s+\\d{4})?\\b`, 'giu'),
  // 2016-07-14, 14/07/2016, 14.07.16
  /\b\d{4}-\d{2}-\d{2}(?:t[\d:.]+z?)?\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b/giu,
  // 23 h 05, 23h05, 14:05, 3:04 pm
  /\b\d{1,2}\s*(?:h|:)\s*\d{2}(?:\s*(?:am|pm|a\.m\.|p\.m\.))?(?:\s*(?:et|gmt|utc|cet|cest|bst|edt|est|pst|pdt))?\b/giu,
  /\b\d{1,2}\s*(?:am|pm)\b/giu,
  // il y a 3 heures, 5 hours ago, hace 2 horas, vor 3 Stunden
  /\b(?:il y a|hace|vor|há)?\s*\d+\s*(?:min|mins|minutes?|minutos?|minuten|minuti|h|heures?|hours?|horas?|stunden?|ore|jours?|days?|días?|tagen?|giorni|dias)\b(?:\s*ago)?/giu,
];
const FILLER = new RegExp(
  `(?<![\\p{L}])(?:${alternation([...DATE_LEADS, ...WEEKDAYS])})(?![\\p{L}])|[,|·•\\-–—:()\\s]+`,
  'giu',
);

/** True when the line is nothing but dates, times and their lead words. */
export function isTimestampLine(folded: string): boolean {
  if (folded.length > 80) return false;
  let rest = folded;
  let hits = 0;
  for (const re of PARTS) {
    rest = rest.replace(re, () => {
      hits++;
      return ' ';
    });
  }
  if (hits === 0) return false;
  rest = rest.replace(FILLER, ' ').trim();
  return rest.length === 0;
}

export const timestamps: Step = {
  name: 'timestamps',
  run(page: PageLines): Verdict[] {
    const out: Verdict[] = [];
    for (const line of page.lines) {
      if (!isKept(page, line.index) || line.words > 14) continue;
      if (isTimestampLine(line.folded)) out.push({ index: line.index, reason: 'date / time line' });
    }
    return out;
  },
};
