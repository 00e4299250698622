/**
 * The definitions of "where two versions tell the same thing" that the word-choice ceilings
 * measure (tests/evals/framing.ts `SAME_THING`, printed by `scripts/eval-framing.ts --ceilings`),
 * on made-up sentence pairs: which units of A each definition aligns with B.
 */
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../lib/quotes';
import { ceilingDoc, SAME_THING } from '../evals/framing';

const doc = (text: string) => ceilingDoc({ title: null, text, language: 'en', quotes: extractQuotes(text, 'en') });
/** The units of A a definition aligns with B, as text, in order, once each. */
const units = (definition: string, a: string, b: string) => {
  const align = SAME_THING[definition];
  if (!align) throw new Error(`no definition ${definition}`);
  return [...new Set(align(doc(a), doc(b)).sort((x, y) => x.unit.start - y.unit.start).map((u) => a.slice(u.unit.start, u.unit.end).trim()))];
};

const BLAST = 'On Tuesday Mayor Lina Ortiz blasted the transit board over the delays, the fares and the broken escalators at Central Station.';
const WEATHER = 'The weather in the valley stayed mild all week.';
const RALLY = 'At a rally Ortiz called the fare rise "a tax on the poor and the young" before leaving.';
const A = [BLAST, WEATHER, RALLY].join(' ');
const B = 'Mayor Lina Ortiz met the transit board. At noon Ortiz said the fare rise was "a tax on the poor and the young." A new bridge opened downstream.';
// The same two without the mayor's name in the first sentences.
const BLAST2 = BLAST.replace('Mayor Lina Ortiz', 'the mayor');
const A2 = [BLAST2, WEATHER, RALLY].join(' ');
const B2 = B.replace('Mayor Lina Ortiz met', 'The mayor met');

describe('word-choice ceilings: where two versions tell the same thing', () => {
  it.each([
    // BLAST: 5 of its 13 stems in B's first sentence (0.38); RALLY: 8 of 10 in B's second.
    ['sentence, share ≥ 0.4, ≥ 4 stems (today)', A, B, [RALLY]],
    ['sentence, share ≥ 0.3, ≥ 3 stems', A, B, [BLAST, RALLY]],
    // BLAST2: 3 of 11 (0.27).
    ['sentence, share ≥ 0.3, ≥ 3 stems', A2, B2, [RALLY]],
    ['sentence, share ≥ 0.2, ≥ 3 stems', A2, B2, [BLAST2, RALLY]],
    // …but no name in common with its counterpart.
    ['sentence, share ≥ 0.2, ≥ 3 stems, a name shared', A2, B2, [RALLY]],
    // The same fact: a name in both and the same predicate words, whatever else each sentence tells.
    ['same fact: a name and ≥ 2 lower-case words shared', 'Later that day Ortiz praised the new tram line at length, with figures on ridership, costs and timetables.', 'The new tram line was praised by Ortiz.', [
      'Later that day Ortiz praised the new tram line at length, with figures on ridership, costs and timetables.',
    ]],
    // No name in common: not the same fact, however many words are shared.
    ['same fact: a name and ≥ 1 lower-case word shared', 'Later that day Ortiz praised the new tram line.', 'Later that day Greene praised the new tram line.', []],
    // The same quotation: its sentence and the ones either side.
    ['same quotation: its sentence ±1', A, B, [WEATHER, RALLY]],
    ['passage: ±1 sentence of a sentence at share ≥ 0.2', A2, B2, [BLAST2, WEATHER, RALLY]],
    ['whole article (same event)', A, B, [A]],
  ] as const)('%s', (definition, a, b, want) => {
    expect(units(definition, a, b)).toEqual(want);
  });

  it('same actor: the labels of an actor both versions name, three words either side within the sentence', () => {
    const a = 'Voters cheered as the embattled Mayor Lina Ortiz arrived. Rain fell.';
    const b = 'Mayor Lina Ortiz arrived at noon.';
    expect(units('same actor: a label ±3 words', a, b)).toEqual(['as the embattled Mayor Lina Ortiz arrived']);
  });
});
