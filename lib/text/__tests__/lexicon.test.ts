/** The general word classes every analysis reads (lexicon.json), and honorifics as the analyses ask for them. */
import { describe, expect, it } from 'vitest';
import data from '../lexicon.json';
import { isHonorific, isPlacePrefix, wordsOfEveryLanguage, type WordClass } from '../lexicon';

describe('isHonorific', () => {
  it.each([
    // As written (the sentence splitter): case matters, so a sentence ending in `me.` still splits.
    ['Mme', true, true],
    ['Me', true, true],
    ['me', true, false],
    ['Gén.', true, true],
    ['MM', true, true],
    ['Dña', true, true],
    // Folded tokens (speakers, entities, framing): lower case is read as the title.
    ['mme', false, true],
    ['mm', false, true],
    ['gen', false, true],
    ['amb.', false, true],
    ['ing', false, true],
    // Other capitals must match as written: `ING` (the bank) and `DR` are no titles.
    ['ING', false, false],
    ['DR', false, false],
    ['President', false, false],
    ['the', false, false],
  ] as const)('%s (as written: %s) → %s', (word, asWritten, expected) => {
    expect(isHonorific(word, asWritten)).toBe(expected);
  });
});

describe('isPlacePrefix', () => {
  it.each([
    ['St.', true],
    ['Mt', true],
    ['Ft.', true],
    ['Ste', true],
    // As written only: `mt` or `ST` in a text are no abbreviated saint or mount.
    ['mt', false],
    ['ST', false],
    ['Mr.', false],
  ] as const)('%s → %s', (word, expected) => {
    expect(isPlacePrefix(word)).toBe(expected);
  });
});

describe('lexicon.json', () => {
  const fields = Object.keys(data.fields);
  const languages = Object.entries(data).filter(([k]) => k !== 'about' && k !== 'fields') as [string, Record<string, string[]>][];

  it('holds only the classes its `fields` describe, in every language', () => {
    for (const [lang, classes] of languages) for (const cls of Object.keys(classes)) expect(fields, `${lang}.${cls}`).toContain(cls);
  });

  it('writes words in lower case, honorifics and place prefixes as written in text (a capital first)', () => {
    for (const [lang, classes] of languages) {
      for (const [cls, words] of Object.entries(classes)) {
        for (const w of words) {
          if (cls === 'honorifics' || cls === 'placePrefixes') expect(w, `${lang}.${cls}`).toMatch(/^\p{Lu}/u);
          else expect(w, `${lang}.${cls}`).toBe(w.toLowerCase());
        }
      }
    }
  });

  it('reads a class in every language at once (a name of any language turns up in any article)', () => {
    const particles = wordsOfEveryLanguage('nameParticles' satisfies WordClass);
    for (const p of ['de', 'von', 'van', 'bin', 'di']) expect(particles.has(p)).toBe(true);
    expect(wordsOfEveryLanguage('auxiliaries').has('était')).toBe(true);
  });
});
