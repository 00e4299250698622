import { describe, expect, it } from 'vitest';
import { isWhiteSpace } from '../../text/word-break';
import { followedByNameWord, titleBeforeName, writesWord, mentionsIn, upperCaseMatches, wordBeforeStop, type RoleWord } from '../speaker';
import { allStrings } from '../../../tests/support/all-strings';

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

describe('upperCaseMatches with what the first word must be and be followed by', () => {
  // The speaker rules' expressions (NAME_RUN, gendersOf's), shortened, with what they require of the word they open on.
  const SAID = ['said', 'told', 'a dit', 'a ajouté', 'dit'];
  const VERBS = `(?:${SAID.join('|')})`;
  const heads = new Set(SAID.map((w) => w.slice(0, 3)));
  const FOLLOWED: [RegExp, (text: string, start: number, end: number) => boolean][] = [
    [/(?<![\p{L}'’.-])((?:\p{Lu}[\p{L}'’-]*\.?\s){1,2})(\p{Lu}[\p{L}'’-]*\p{Ll})(?![\p{L}'’-])([^\S\n]+\p{Lu})?/uy, followedByNameWord],
    [/(?<![\p{L}.])(\p{Lu}\p{Ll}{0,7})\.?\s+(?:\p{Lu}[\p{L}'’-]*\.?\s+){0,1}(\p{Lu}[\p{L}'’-]*\p{Ll})(?![\p{L}'’-])/uy, titleBeforeName],
    [/(?<![\p{L}])(\p{Lu}[\p{L}'’-]+),\s+(un|une)\s+\p{Ll}/uy, (text, _start, end) => text.charCodeAt(end) === 0x2c],
    [new RegExp(`(?<![\\p{L}])(\\p{Lu}[\\p{L}'’-]+) ${VERBS}(?: (?:\\p{Ll}+ )?(?:that|que|qu['’]))? ?(he|she|il|elle)(?![\\p{L}])`, 'uy'), (text, _start, end) => text.charCodeAt(end) === 0x20 && heads.has(text.slice(end + 1, end + 4))],
  ];
  const found = (text: string, sticky: RegExp, follows?: (text: string, start: number, end: number) => boolean) => [...upperCaseMatches(text, sticky, follows)].map((m) => [m.index, ...m]);

  it.each<[string, string]>([
    // [text, why]
    ['M. Jean Dupont et Mme Ann Lowe', 'a title, names'],
    ['Monsieur Jean et Mademoiselle Ann', 'a title of more than eight letters: none'],
    ['Jean, un retraité. Ann, une élue', 'a name before an indefinite description'],
    ['Ann said she left. Paul a dit il part. Jo a ajouté elle', 'a name and a verb of saying'],
    ['O’Neil Bo Dan', 'an apostrophe inside the first word'],
    ['𝐀b Cd. Ef', 'a letter beyond the Basic Multilingual Plane: tried'],
    ['Ab\u00a0Cd, Ef\u2028Gh', 'other white space'],
  ])('%j: the matches without the filter (%s)', (text) => {
    for (const [e, follows] of FOLLOWED) expect(found(text, e, follows)).toEqual(found(text, e));
  });

  it('gives the matches without it', () => {
    const strings = allStrings(['A', 'b', 'É', ' ', '\n', '.', ',', '’', '𝐀', 'un', ' dit il', 'a dit'], 4);
    for (const [e, follows] of FOLLOWED) expect(strings.filter((s) => JSON.stringify(found(s, e, follows)) !== JSON.stringify(found(s, e)))).toEqual([]);
  });
});

describe('isWhiteSpace', () => {
  it('is `\\s` for every UTF-16 unit', () => {
    const differ: number[] = [];
    for (let c = 0; c < 65_536; c++) if (isWhiteSpace(c) !== /^\s$/u.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
  });
});

describe('mentionsIn', () => {
  // Role expressions as resolveRole writes them: words with either case of their first letter, or
  // abbreviated titles, after a look-behind refusing a letter, then spaces and a name. (Roles of
  // three letters or more after the first are found by the capitals' index, shorter ones by reading
  // every capital: both kinds here.)
  const NAME = String.raw`(\p{Lu}[\p{L}’'-]+(?:\s(?:\p{Lu}\.|[JS]r\.|\p{Lu}[\p{L}’'-]+)){0,3})`;
  const word = (w: string): RoleWord => ({ firsts: `${w[0]!.toUpperCase()}${w[0]!}`, rest: w.slice(1) });
  const ROLES: [RegExp, RoleWord[][]][] = [
    [new RegExp(String.raw`(?<![\p{L}])[Pp]res\s+${NAME}`, 'gu'), [[word('pres')]]],
    [new RegExp(String.raw`(?<![\p{L}])[Dd]e\s+[Pp]res\s+${NAME}`, 'gu'), [[word('de'), word('pres')]]],
    [new RegExp(String.raw`(?<![\p{L}])[Pp]res\s+[Dd]e\s+${NAME}`, 'gu'), [[word('pres'), word('de')]]],
    [new RegExp(String.raw`(?<![\p{L}])(?:[Gg]ov|Gov\.|[Pp]e)\s+${NAME}`, 'gu'), [[word('gov')], [{ firsts: 'G', rest: 'ov.' }], [word('pe')]]],
  ];
  const mentions = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => [m.index, m.index + m[0].length, m[1]]);
  const found = (text: string, pattern: RegExp, forms: RoleWord[][], whole = text) => mentionsIn(text, pattern, forms, whole).map((m) => [m.start, m.end, m.name]);

  it.each<[string, string]>([
    // [text, why]
    ['le Pres Ann Lowe dit', 'a role then a name'],
    ['xpres Ann', 'a letter before the role: none'],
    ['«pres Ann', 'a mark before the role: a mention'],
    ['de  pres\n Ann et De Pres Bob', 'spaces and line breaks between the words, two mentions'],
    ['gov Ann Gov. Bob Gv Cy pe Di', 'any form of the title'],
    ['pres Ann Pres Bob', 'the search goes on from a mention’s end'],
  ])('%j: the matches of `matchAll` (%s)', (text) => {
    for (const [pattern, forms] of ROLES) expect(found(text, pattern, forms)).toEqual(mentions(text, pattern));
  });

  it('gives the matches of `matchAll`, in a text or in the beginning of one', () => {
    const strings = allStrings(['pres', 'de', 'Gov.', 'gov', 'pe', 'P', 'Ab', ' ', '\n', 'x', '«'], 4);
    for (const [pattern, forms] of ROLES) {
      expect(strings.filter((s) => JSON.stringify(found(s, pattern, forms)) !== JSON.stringify(mentions(s, pattern)))).toEqual([]);
      expect(strings.filter((s) => JSON.stringify(found(s, pattern, forms, `${s}Ab pres Cd`)) !== JSON.stringify(mentions(s, pattern)))).toEqual([]);
    }
  });
});

describe('writesWord', () => {
  /** The expression it reads without (the word's characters escaped). */
  const byExpression = (text: string, word: string) => new RegExp(`(?<![\\p{L}])${word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?![\\p{L}])`, 'u').test(text);

  it.each<[string, string, boolean, string]>([
    // [text, word, written, why]
    ['Alain dit', 'alain', false, 'written capitalised only'],
    ['alain, Alain', 'alain', true, 'written in lower case'],
    ['salaine alain', 'alain', true, 'inside a word first, then alone'],
    ['l’alain-x', 'alain', true, 'an apostrophe and a hyphen are no letters'],
    ['𝐀alain', 'alain', false, 'after a letter beyond the Basic Multilingual Plane'],
    ['a.b a.b', 'a.b', true, 'a character of the expressions, escaped'],
    ['', '', true, 'no word'],
  ])('%j writes %j: %s (%s)', (text, word, written) => {
    expect(writesWord(text, word)).toBe(written);
    expect(byExpression(text, word)).toBe(written);
  });

  it('finds what the expression finds, for every piece of every text', () => {
    const differ: [string, string][] = [];
    for (const text of allStrings(['a', 'b', 'É', ' ', '-', '𝐀', '\u0301', '\uDC00'], 4)) {
      // (Words as tokens' norms are: whole code points, no half of a surrogate pair.)
      const pieces = new Set(['', 'x']);
      for (let i = 0; i < text.length; i++) for (let j = i + 1; j <= text.length; j++) if (!/\p{Cs}/u.test(text.slice(i, j))) pieces.add(text.slice(i, j));
      for (const w of pieces) if (writesWord(text, w) !== byExpression(text, w)) differ.push([text, w]);
    }
    expect(differ).toEqual([]);
  });
});
