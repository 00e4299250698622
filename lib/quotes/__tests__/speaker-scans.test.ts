import { describe, expect, it } from 'vitest';
import { upperCaseMatches, wordBeforeStop } from '../speaker';

/** Every string of up to `length` characters over `alphabet`. */
function allStrings(alphabet: readonly string[], length: number): string[] {
  let strings = [''];
  const out = [''];
  for (let n = 0; n < length; n++) {
    strings = strings.flatMap((s) => alphabet.map((c) => s + c));
    out.push(...strings);
  }
  return out;
}

describe('wordBeforeStop', () => {
  /** What `findSpeaker` read before (one expression over the words before the quotation, anchored at their end). */
  const EXPRESSION = /(\p{L}+)[.!?…]\s+$/u;

  it.each<[string, number, string | null, string]>([
    // [text, from, expected, why]
    ['a dit le ministre. ', 0, 'ministre', 'the letters before the stop, spaces after it'],
    ['Fin?\n\t', 0, 'Fin', 'a question mark, a line break and a tab after it'],
    ['Fin ?\n', 0, null, 'a space before the stop (French typography): no letter right before it'],
    ['il part…  ', 0, 'part', 'an ellipsis'],
    ['il part.', 0, null, 'no space after the stop'],
    ['il part. Et ', 0, null, 'a word after the stop'],
    ['le 12. ', 0, null, 'a digit is no letter'],
    ['M.. ', 0, null, 'two stops: no letter right before the last'],
    ['selon M. ', 0, 'M', 'one letter'],
    ['la 𝐀𝐁. ', 0, '𝐀𝐁', 'letters beyond the Basic Multilingual Plane read whole'],
    ['ministre. ', 4, 'stre', 'nothing before `from` is read'],
    ['x𝐀. ', 2, null, 'half a surrogate pair at `from` is no letter'],
  ])('%j from %i → %j (%s)', (text, from, expected) => {
    expect(wordBeforeStop(text, from, text.length)).toBe(expected);
  });

  it('gives what the expression captures', () => {
    const strings = allStrings(['a', 'É', '1', '.', '?', '…', ' ', '\n', '𝐀', '\uDC00'], 5);
    expect(strings.filter((s) => wordBeforeStop(s, 0, s.length) !== (EXPRESSION.exec(s)?.[1] ?? null))).toEqual([]);
  });
});

describe('upperCaseMatches', () => {
  // Expressions of the kind the speaker rules try at capitals: each opens on a look-behind refusing a letter.
  const EXPRESSIONS = [
    /(?<![\p{L}])(\p{Lu}[\p{L}'’-]+) (?:said|dit) (he|il)/uy,
    /(?<![\p{L}'’.-])((?:\p{Lu}[\p{L}'’-]*\.?\s){1,2})(\p{Lu}[\p{L}'’-]*\p{Ll})/uy,
    /(?<![\p{L}.])(\p{Lu}\p{Ll}{0,2})\.?\s+(\p{Lu}\p{Ll}+)/uy,
  ];
  const global = (sticky: RegExp) => new RegExp(sticky.source, 'gu');
  const found = (text: string, sticky: RegExp) => [...upperCaseMatches(text, sticky)].map((m) => [m.index, ...m]);
  const all = (text: string, sticky: RegExp) => [...text.matchAll(global(sticky))].map((m) => [m.index, ...m]);

  it.each<[string, string]>([
    // [text, why]
    ['McCain dit il', 'a capital after a letter is no start: `Cain` is not tried'],
    ['les CRS Macron dit il', 'nor the capitals inside an acronym'],
    ['M. Jean Dupont et Mme Ann Lowe', 'matches one after the other, the search going on from each end'],
    ['𝐀Bob Lee', 'a capital after a letter beyond the Basic Multilingual Plane is tried (the expression refuses it)'],
    ['x-Bob Lee', 'a capital after a hyphen is tried (the second expression refuses it)'],
  ])('%j: the matches of `matchAll` (%s)', (text) => {
    for (const e of EXPRESSIONS) expect(found(text, e)).toEqual(all(text, e));
  });

  it('gives the matches of `matchAll`', () => {
    const strings = allStrings(['A', 'b', 'É', ' ', '.', '-', '𝐀'], 5);
    for (const e of EXPRESSIONS) expect(strings.filter((s) => JSON.stringify(found(s, e)) !== JSON.stringify(all(s, e)))).toEqual([]);
  });
});
