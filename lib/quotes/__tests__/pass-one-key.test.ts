/**
 * Pass 1 of the alignment keys a quotation by its speaker's words read from the text's tokens
 * (`plainKey`, no word objects made: issue 16). The key must be the one the words `words` makes
 * give, for every quotation it keys: made-up cases for each rule it reproduces (brackets, the
 * MAX_DIFF_WORDS cap counting bracketed words, tokens without a letter, nesting), then every
 * reported quotation of the seeds and the gilets-jaunes articles.
 */
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '..';
import { passOneKeys } from '../align';
import { readSeeds } from '../../text/__tests__/fixtures';
import { readGiletsJaunes } from '../../../tests/support/corpora';

const filler = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `mot${from + i}`).join(' ');

/** [case, text, index of the quotation among the reported ones, expected key (words joined by a space)]. */
const CASES: [string, string, number, string][] = [
  ['plain', 'Le ministre a déclaré : « Nous ne céderons rien aux casseurs. »', 0, 'nous ne cederons rien aux casseurs'],
  ['bracketed words left out', 'Le ministre a déclaré : « Il [le préfet] a menti au pays. »', 0, 'il a menti au pays'],
  ['elision split, accents folded', 'Il a affirmé : « L’État n’a pas écouté les Français. »', 0, "l' etat n' a pas ecoute les francais"],
  // `__` is a word-like token (UAX #29 ExtendNumLet) without a letter or digit: no word.
  ['a token without a letter', 'Elle a précisé : « Nous __ refusons tout ceci. »', 0, 'nous refusons tout ceci'],
  ['a number is a word', 'Elle a précisé : « 12 blessés et 3 interpellations, selon nous. »', 0, '12 blesses et 3 interpellations selon nous'],
  // 450 words, a bracket at the 10th: the first MAX_DIFF_WORDS (400) kept count the bracketed word, 399 are the speaker's.
  ['cap counts bracketed words', `Il a dit : « ${filler(9)} [ajout] ${filler(440, 9)} »`, 0, filler(399)],
  ['cap without brackets', `Il a dit : « ${filler(450)} »`, 0, filler(400)],
];

describe('pass 1 key from the tokens = the key of the words made', () => {
  it.each(CASES)('%s', (_name, text, k, expected) => {
    const quotes = extractQuotes(text, 'fr');
    const q = quotes.filter((x) => x.kind === 'reported')[k]!;
    const keys = passOneKeys(text, quotes, q, 'fr');
    expect(keys.plain).toBeDefined();
    expect(keys.plain).toBe(keys.words);
    expect(keys.plain!.split('\u0000').join(' ')).toBe(expected);
  });

  it('every reported quotation of the seeds and the gilets-jaunes articles', () => {
    let keyed = 0;
    let all = 0;
    for (const text of [...readSeeds().map((s) => s.text), ...readGiletsJaunes().map((d) => d.text)]) {
      const quotes = extractQuotes(text, 'fr');
      for (const q of quotes) {
        if (q.kind !== 'reported') continue;
        all++;
        const keys = passOneKeys(text, quotes, q, 'fr');
        if (keys.plain === undefined) continue;
        keyed++;
        expect(keys.plain).toBe(keys.words);
      }
    }
    // Most are keyed from the tokens (the others by their words, as before).
    expect(keyed).toBeGreaterThan(0.9 * all);
  });
});
