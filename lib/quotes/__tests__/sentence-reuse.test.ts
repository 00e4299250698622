/**
 * The alignment reads the sentences extraction split (`TextTokens.sentences`) instead of
 * splitting a text again (issue 16): they must be `sentences(text, lang)` exactly, and the
 * alignment the same with them as without.
 */
import { describe, expect, it } from 'vitest';
import { alignQuotes, extractQuotes } from '..';
import { textTokens } from '../extract';
import { sentences } from '../../text';
import { readSeeds } from '../../text/__tests__/fixtures';

const seeds = readSeeds().slice(0, 8);

describe('sentences kept by extraction for the alignment', () => {
  it.each([
    // [why, text, language]
    ['a quotation and its attribution', 'Il a dit : « Nous viendrons. » Puis il est parti. M. Dupont a confirmé.', 'fr'],
    ['closing quote after a space, glued paragraph', '« C’est fini. » Puis rien.Alors il a dit « non ».\nFin.', 'fr'],
    ['English, an initial and an acronym', '"We will win," J. Smith said. The U.S. team agreed.', 'en'],
    ...seeds.map((s) => [`seed ${s.id}`, s.text, 'fr'] as [string, string, string]),
  ])('are the splitter’s (%s)', (_why, text, lang) => {
    const quotes = extractQuotes(text, lang);
    const kept = textTokens(quotes, text, lang)?.sentences;
    const split = sentences(text, lang);
    expect(kept && [...kept.starts]).toEqual(split.map((s) => s.start));
    expect(kept && [...kept.ends]).toEqual(split.map((s) => s.end));
  });

  it('leave every alignment of the seeds as splitting again does', () => {
    const quotes = seeds.map((s) => extractQuotes(s.text, 'fr'));
    for (let a = 0; a < seeds.length; a++) {
      for (let b = 0; b < seeds.length; b++) {
        if (a === b) continue;
        const kept = alignQuotes(seeds[a]!.text, quotes[a]!, seeds[b]!.text, quotes[b]!, 'fr');
        // (A copy of the quotations has no tokens of its extraction: the text is split again.)
        const again = alignQuotes(seeds[a]!.text, [...quotes[a]!], seeds[b]!.text, [...quotes[b]!], 'fr');
        expect(kept).toEqual(again);
      }
    }
  });
});
