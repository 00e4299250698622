import { describe, expect, it } from 'vitest';
import { foldAccents, normalizeForComparison, normalizedWords, normalizeWithMap } from '../normalize';
import { readGold, readReadabilityPages, readSeeds } from './fixtures';
import { seededRandom } from '../../../tests/support/seeded-random';

describe('normalizeForComparison', () => {
  it.each([
    // [input, expected, what it shows]
    ['l’opposition', "l'opposition", 'typographic apostrophe'],
    ['«Les deux parties»', '"les deux parties"', 'guillemets without spaces'],
    ['« modérés »', '" modérés "', 'guillemets with narrow no-break spaces kept as one space'],
    ['“modérés” et ‘non’', '"modérés" et \'non\'', 'English curly quotes'],
    ['„Waffenruhe“', '"waffenruhe"', 'German low-high quotes'],
    ['‹ a › ‚b‛ ′ ″', '\' a \' \'b\' \' "', 'single guillemets, low quote, primes'],
    ['a\u00a0b\u202fc\u2009d\u3000e', 'a b c d e', 'NBSP, narrow NBSP, thin space, ideographic space'],
    ['  a \n\t b  ', 'a b', 'whitespace runs collapse and trim'],
    ['a‐b‑c‒d–e—f―g−h', 'a-b-c-d-e-f-g-h', 'hyphen, non-breaking hyphen, dashes, minus'],
    ['Et alors…', 'et alors...', 'ellipsis'],
    ['ÉTATS-UNIS', 'états-unis', 'lower case keeps accents'],
    ['e\u0301te\u0301', 'été', 'NFC composes decomposed accents'],
    ['İstanbul', 'i̇stanbul', 'locale-independent lower case (dotted capital I keeps its dot)'],
    ['cessez\u00adle-feu', 'cessezle-feu', 'soft hyphen dropped'],
    ['a\u200bb', 'ab', 'zero-width space dropped'],
    ['', '', 'empty'],
  ])('%j → %j (%s)', (input, expected) => {
    expect(normalizeForComparison(input)).toBe(expected);
  });

  it('makes the two typographies of the shared Kremlin quote equal (seeds 000 and 001)', () => {
    const in000 = '«Les deux parties ont confirmé leur volonté d\'intensifier la coordination»';
    const in001 = '"Les deux parties ont confirmé leur volonté d’intensifier la coordination"';
    expect(normalizeForComparison(in000)).toBe(normalizeForComparison(in001));
  });
});

describe('foldAccents', () => {
  it.each([
    ['Éléments état à où', 'Elements etat a ou'],
    ['Œuvre cœur æther', 'OEuvre coeur aether'],
    ['Straße Łódź Ørsted Đoković', 'Strasse Lodz Orsted Dokovic'],
    ['Qaïda Noël São Paulo niño', 'Qaida Noel Sao Paulo nino'],
    ['e\u0301', 'e'],
    ['plain ascii', 'plain ascii'],
  ])('%j → %j', (input, expected) => {
    expect(foldAccents(input)).toBe(expected);
  });
});

describe('normalizeWithMap', () => {
  it('equals normalizeForComparison without folding, and folds with foldAccents', () => {
    const s = ' «Les États-Unis» — l’opposition…\u00a0modérée ';
    expect(normalizeWithMap(s).text).toBe(normalizeForComparison(s));
    expect(normalizeWithMap(s, { foldAccents: true }).text).toBe(foldAccents(normalizeForComparison(s)));
  });

  it.each([
    // [original, needle in normalised text, expected original slice]
    ['Le  «Front\u00a0Al-Nosra»', 'front al-nosra', 'Front\u00a0Al-Nosra'],
    ['l’opposition modérée', "l'opposition", 'l’opposition'],
    ['Et alors… rien', 'alors...', 'alors…'],
    ['Et alors… rien', 'alors..', 'alors…'], // part of an expansion maps to the whole character
    ['a \n\t b', 'a b', 'a \n\t b'], // a collapsed run maps to the whole run
    ['cessez\u00adle-feu', 'cessezle', 'cessez\u00adle'],
    ['Ce\u0301line', 'céline', 'Ce\u0301line'], // composed character maps to base + mark
    ['ŒUVRE', 'oeuvre', 'ŒUVRE'], // with foldAccents below
  ])('%j: %j maps back to %j', (original, needle, expected) => {
    const n = normalizeWithMap(original, { foldAccents: needle === 'oeuvre' });
    const at = n.text.indexOf(needle);
    expect(at).toBeGreaterThanOrEqual(0);
    const span = n.toOriginalSpan(at, at + needle.length);
    expect(original.slice(span.start, span.end)).toBe(expected);
  });

  it('maps boundaries: 0, the end, and empty ranges', () => {
    const s = '  Abc  ';
    const n = normalizeWithMap(s);
    expect(n.text).toBe('abc');
    expect(n.toOriginal(0)).toBe(2);
    expect(n.toOriginal(3)).toBe(5);
    expect(n.toOriginalSpan(1, 1)).toEqual({ start: 3, end: 3 });
    expect(n.toOriginalSpan(0, 3)).toEqual({ start: 2, end: 5 });
    const empty = normalizeWithMap('   ');
    expect(empty.text).toBe('');
    expect(empty.toOriginalSpan(0, 0)).toEqual({ start: 0, end: 0 });
  });

  const seeds = readSeeds();
  it.each(seeds.map((s) => [s.id, s.text] as const))(
    'round trip on seed %s: every normalised word maps back to an original slice that normalises to it',
    (_id, text) => {
      for (const foldAccents of [false, true]) {
        const n = normalizeWithMap(text, { foldAccents });
        const expected = foldAccents ? (x: string) => normalizeWithMap(x, { foldAccents: true }).text : normalizeForComparison;
        let checked = 0;
        for (const m of n.text.matchAll(/\S+/g)) {
          const span = n.toOriginalSpan(m.index, m.index + m[0].length);
          expect(expected(text.slice(span.start, span.end))).toBe(m[0]);
          checked++;
        }
        expect(checked).toBeGreaterThan(100);
      }
    },
  );

  const gold = readGold();
  const quoteCases = gold
    ? seeds.flatMap((s) => (gold.quotes_per_article[s.id] ?? []).map((q) => [s.id, q, s.text] as const))
    : [];
  it.each(quoteCases)('gold quote of %s is found and mapped back: %j', (_id, quote, text) => {
    const n = normalizeWithMap(text);
    const needle = normalizeForComparison(quote);
    const at = n.text.indexOf(needle);
    // Every hand-labelled quote occurs verbatim once typography and case are normalised.
    expect(at).toBeGreaterThanOrEqual(0);
    const span = n.toOriginalSpan(at, at + needle.length);
    const original = text.slice(span.start, span.end);
    expect(normalizeForComparison(original)).toBe(needle);
    // The mapped range starts and ends on the quote's own first and last characters.
    expect(original.length).toBeGreaterThanOrEqual(quote.length - 2);
  });

  it('handles 5 MB in bounded time', () => {
    const big = 'Le président «a dit» l’opposition… '.repeat(150_000);
    const t0 = performance.now();
    const n = normalizeWithMap(big, { foldAccents: true });
    expect(n.text.length).toBeGreaterThan(4_000_000);
    expect(n.toOriginal(n.text.length)).toBe(big.length - 1);
    expect(performance.now() - t0).toBeLessThan(15_000);
  });
});

describe('normalizedWords', () => {
  /** The two-step form it replaces: the runs of letters and digits of the normalised text, mapped back. */
  const twoStep = (s: string, foldAccents: boolean) => {
    const n = normalizeWithMap(s, { foldAccents });
    return [...n.text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ ...n.toOriginalSpan(m.index, m.index + m[0].length), word: m[0] }));
  };
  const onePass = (s: string, foldAccents: boolean) => {
    const w = normalizedWords(s, { foldAccents });
    return Array.from({ length: w.count }, (_, i) => ({ start: w.starts[i], end: w.ends[i], word: String.fromCharCode(...w.chars.subarray(w.offsets[i], w.offsets[i + 1])) }));
  };

  it.each([
    ['Le «Front\u00a0Al-Nosra» l’a dit', 'typography, elision, hyphen'],
    ['cessez\u00adle-feu et a\u200bb', 'ignorable characters join the word around them'],
    ['Ce\u0301line q\u0301x É', 'a combining mark composed, a mark left standing alone'],
    ['İstanbul ŒUVRE Straße ½ Ⅻ', 'lower case that adds a mark, folded letters, numbers that are not digits'],
    ['a…b 𝐀𝐁 😀x \u00ad', 'an expansion, letters and a symbol beyond the BMP, a lone ignorable'],
    ['', 'empty'],
    ['plain ascii words 123', 'already normalised (the identity map)'],
  ])('%j: the words and spans of the two-step form (%s)', (s) => {
    for (const fold of [false, true]) expect(onePass(s, fold)).toEqual(twoStep(s, fold));
  });

  it('random text over an alphabet of every case above (2,000 strings, seeded)', () => {
    const alphabet = [...'aZ9 \t\n.\'-'].concat(['\u00a0', '\u00ad', '\u200b', 'é', 'E', '\u0301', '\u0308', 'q', 'œ', 'ß', 'İ', '…', '«', '’', '😀', '𝐀', '½', 'Ⅻ', 'ǅ', 'ﬁ', 'Å']);
    const r = seededRandom(16);
    for (let k = 0; k < 2_000; k++) {
      const s = Array.from({ length: 1 + Math.floor(r() * 30) }, () => alphabet[Math.floor(r() * alphabet.length)]).join('');
      for (const fold of [false, true]) expect(onePass(s, fold)).toEqual(twoStep(s, fold));
    }
  });

  it.each([...readSeeds().map((s) => [s.id, s.text] as const), ...readReadabilityPages().map((p) => [p.name, p.text] as const)])('the two-step form\'s words on %s', (_name, text) => {
    for (const fold of [false, true]) expect(onePass(text, fold)).toEqual(twoStep(text, fold));
  });
});
