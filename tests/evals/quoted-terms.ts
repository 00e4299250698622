/**
 * Names in quotation marks on the gilets-jaunes fixture (issue 13: «gilets jaunes» is not
 * reported speech): the hand labels of tests/expected/quotes/gilets-quoted-terms.json against the
 * kind lib/quotes gives each occurrence, per half (tests/support/fixture-split.ts, by URL).
 * - terms shown as quotations: occurrences of a `term` classed `reported` (the quotes list and
 *   "shared quotes" show those as someone's words);
 * - speech hidden: occurrences of a `speech` fragment not classed `reported`.
 */
import { readFileSync } from 'node:fs';
import { extractQuotes } from '../../lib/quotes';
import { fold } from '../../lib/text';
import { readGiletsJaunes } from '../support/corpora';
import { halfOf, type Half } from '../support/fixture-split';

export interface QuotedTermsScore {
  terms: number;
  termsAsSpeech: number;
  speech: number;
  speechHidden: number;
  /** The quoted words of the wrong ones, with their count. */
  wrong: Record<string, number>;
}

const key = (s: string) => fold(s.replace(/[’]/gu, "'")).replace(/\s+/gu, ' ').trim();

export function quotedTerms(): Record<Half, QuotedTermsScore> {
  const labels = JSON.parse(readFileSync(new URL('../expected/quotes/gilets-quoted-terms.json', import.meta.url), 'utf8')) as { term: string[]; speech: string[] };
  const terms = new Set(labels.term.map(key));
  const speech = new Set(labels.speech.map(key));
  const out: Record<Half, QuotedTermsScore> = {
    tuning: { terms: 0, termsAsSpeech: 0, speech: 0, speechHidden: 0, wrong: {} },
    reporting: { terms: 0, termsAsSpeech: 0, speech: 0, speechHidden: 0, wrong: {} },
  };
  const seen = new Set<string>();
  for (const d of readGiletsJaunes()) {
    if (seen.has(d.url)) continue;
    seen.add(d.url);
    const r = out[halfOf(d.url)];
    for (const q of extractQuotes(d.text, 'fr')) {
      if (q.depth > 0) continue;
      const k = key(q.text);
      const wrong = terms.has(k) ? (r.terms++, q.kind === 'reported' && ++r.termsAsSpeech) : speech.has(k) ? (r.speech++, q.kind !== 'reported' && ++r.speechHidden) : false;
      if (wrong) r.wrong[q.text] = (r.wrong[q.text] ?? 0) + 1;
    }
  }
  return out;
}
