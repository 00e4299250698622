import { describe, expect, it } from 'vitest';
import { KNOWN_WORD_SLOTS, lastWordBeforeDot, sameTokensInside, sentences, tokenColumns, tokenize } from '../segment';
import { readSeeds } from './fixtures';

const words = (text: string, lang?: string) => tokenize(text, lang).map((t) => t.text);

describe('tokenize', () => {
  it.each([
    // [text, expected tokens, why]
    ["l'opposition", ["l'", 'opposition'], 'elided article split off, apostrophe kept with it'],
    ['l’opposition', ['l’', 'opposition'], 'same with the typographic apostrophe'],
    ["qu'il", ["qu'", 'il'], 'qu’ elided'],
    ["d'Al-Qaïda", ["d'", 'Al', 'Qaïda'], 'elision, then the hyphen splits (UAX #29)'],
    ["s'applique", ["s'", 'applique'], 'reflexive pronoun'],
    ["aujourd'hui", ["aujourd'hui"], 'aujourd’hui is one word'],
    ['d’aujourd’hui', ['d’', 'aujourd’hui'], 'elision before aujourd’hui'],
    ["jusqu'à lorsqu'il puisqu'elle", ["jusqu'", 'à', "lorsqu'", 'il', "puisqu'", 'elle'], 'compound que'],
    ["J'ai N'importe C'est M'a T'es", ["J'", 'ai', "N'", 'importe', "C'", 'est', "M'", 'a', "T'", 'es'], 'capitalised elisions'],
    ["dell'Onu un'altra", ["dell'", 'Onu', "un'", 'altra'], 'Italian elisions'],
    ["O'Brien don't it's", ["O'Brien", "don't", "it's"], 'English names and contractions stay whole'],
    ['Al-Nosra inter-syriens', ['Al', 'Nosra', 'inter', 'syriens'], 'hyphens split'],
    ['cessez-le-feu', ['cessez', 'le', 'feu'], 'hyphenated compound splits'],
    ['280.000 72 2016 1er 6,5 3h30', ['280.000', '72', '2016', '1er', '6,5', '3h30'], 'numbers are tokens'],
    ['U.S. officials', ['U.S', 'officials'], 'final abbreviation dot is not part of the word'],
    ['« Non ! » — a-t-il dit…', ['Non', 'a', 't', 'il', 'dit'], 'punctuation is not a token'],
    // Paragraphs glued without a space (pages that lost the break): UAX #29 keeps one word (WB6/7).
    ['inflexible.Alors que', ['inflexible', 'Alors', 'que'], 'a glued stop: lower-case letters, then a capital and a lower-case letter'],
    ["de l'AFP.Les CRS", ["de", "l'", 'AFP', 'Les', 'CRS'], 'so after an acronym, before a capitalised word'],
    ['interlocuteur.L’intéressée', ['interlocuteur', 'L’', 'intéressée'], 'so before an elided article'],
    ['U.S.Army M.Macron lemonde.fr Node.JS AFP.L’État', ['U.S.Army', 'M.Macron', 'lemonde.fr', 'Node.JS', 'AFP.L’État'], 'no glued stop: one capital before it, a lower-case word or two capitals after it, an elision after capitals'],
    ['', [], 'empty'],
  ])('%j → %j (%s)', (text, expected) => {
    expect(words(text, 'fr')).toEqual(expected);
  });

  it('keeps offsets into the original and norm folded, lower case, straight apostrophe', () => {
    const text = '  L’ÉTAT, d’Al-Qaïda  ';
    const tokens = tokenize(text, 'fr');
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens.map((t) => t.norm)).toEqual(["l'", 'etat', "d'", 'al', 'qaida']);
  });

  it('splits the same way whatever the language tag (ICU word rules are not tailored for Latin script)', () => {
    const text = "Le Front Al-Nosra, l'opposition et 280.000 réfugiés.";
    expect(words(text, 'en')).toEqual(words(text, 'fr'));
    expect(words(text)).toEqual(words(text, 'fr'));
    expect(words(text, 'not a tag!')).toEqual(words(text, 'fr'));
  });

  it('crosses window boundaries without losing or changing tokens', () => {
    // 1,000 copies put every position of the phrase at some window cut.
    const phrase = "l'opposition d'Al-Qaïda 280.000 aujourd'hui ";
    const text = phrase.repeat(1000);
    const tokens = tokenize(text, 'fr');
    expect(tokens).toHaveLength(7 * 1000);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(new Set(tokens.map((t) => t.text))).toEqual(new Set(["l'", 'opposition', "d'", 'Al', 'Qaïda', '280.000', "aujourd'hui"]));
  });

  it('tokenizes 1 MB in bounded time (Intl.Segmenter on one long string is quadratic in V8)', () => {
    const text = 'Le président a dit qu’il viendra à Genève. '.repeat(24_000);
    const t0 = performance.now();
    expect(tokenize(text, 'fr')).toHaveLength(9 * 24_000);
    expect(performance.now() - t0).toBeLessThan(10_000);
  });

  const seeds = readSeeds();
  it.each(seeds.map((s) => [s.id, s.text] as const))('seed %s: offsets exact, key words present', (_id, text) => {
    const tokens = tokenize(text, 'fr');
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    for (let i = 1; i < tokens.length; i++) expect(tokens[i]!.start).toBeGreaterThanOrEqual(tokens[i - 1]!.end);
    const norms = new Set(tokens.map((t) => t.norm));
    expect(norms.has('syrie')).toBe(true);
    // No token keeps an elided article glued to its word.
    expect(tokens.filter((t) => /^(l|d|qu|s|n)['’]\p{L}/iu.test(t.text))).toEqual([]);
  });
});

describe('sentences', () => {
  const split = (text: string, lang = 'fr') => sentences(text, lang).map((s) => text.slice(s.start, s.end));

  it.each([
    // [text, expected sentences, why]
    ['M. Obama a dit. Il est parti.', ['M. Obama a dit.', 'Il est parti.'], 'M. is a title'],
    ["Selon MM. Dupont et Durand, c'est faux.", ["Selon MM. Dupont et Durand, c'est faux."], 'MM.'],
    ['Mme. Durand est là. Le Dr. House aussi.', ['Mme. Durand est là.', 'Le Dr. House aussi.'], 'Mme. and Dr.'],
    ['J. Kerry est arrivé. Il a parlé.', ['J. Kerry est arrivé.', 'Il a parlé.'], 'initial'],
    ['Vladimir V. Poutine a dit... Et alors ? Rien !', ['Vladimir V. Poutine a dit...', 'Et alors ?', 'Rien !'], 'initial, ellipsis, French spacing before ? and !'],
    ['Voir p. 12 du rapport. Fin.', ['Voir p. 12 du rapport.', 'Fin.'], 'p. before a number'],
    ['Le 6 juil. 2016, rien. Ensuite.', ['Le 6 juil. 2016, rien.', 'Ensuite.'], 'month abbreviation before a number'],
    ['«Nous allons gagner. Nous serons là», a-t-il dit. Puis il est parti.', ['«Nous allons gagner. Nous serons là», a-t-il dit.', 'Puis il est parti.'], 'no split inside a quotation'],
    ["Il a dit : « C'est fini. » Puis il est parti.", ["Il a dit : « C'est fini. »", 'Puis il est parti.'], 'the quotation ends the sentence: closing » moved back'],
    ['« Pourquoi ? » demande-t-il. Rien.', ['« Pourquoi ? » demande-t-il.', 'Rien.'], 'incise after ? in lower case'],
    ['Il a répondu: «Non!» Puis rien.', ['Il a répondu: «Non!»', 'Puis rien.'], 'quote ending with ! ends the sentence'],
    ['Titre sans point\nLe texte commence. Suite.', ['Titre sans point', 'Le texte commence.', 'Suite.'], 'a line break always ends a sentence'],
    ['«Une citation ouverte. Jamais fermée.\nAutre paragraphe. Fin.', ['«Une citation ouverte.', 'Jamais fermée.', 'Autre paragraphe.', 'Fin.'], 'an unclosed quotation holds nothing together'],
    ['  Espaces autour.  \n\n  ', ['Espaces autour.'], 'trimmed, empty spans dropped'],
    ['Le maire est resté inflexible.Alors que rien ne bouge. Fin.', ['Le maire est resté inflexible.', 'Alors que rien ne bouge.', 'Fin.'], 'paragraphs glued without a space (SB7 does not break)'],
    ["vidéos diffusées samedi.«J'ai été frappé», dit-il.", ['vidéos diffusées samedi.', "«J'ai été frappé», dit-il."], 'so before an opening mark'],
    ['Vraiment?Non. Il part.', ['Vraiment?', 'Non.', 'Il part.'], 'a glued ? (UAX #29 breaks there already)'],
    ['Il a dit «Nous sommes là.Il faut agir» hier. Fin.', ['Il a dit «Nous sommes là.Il faut agir» hier.', 'Fin.'], 'not inside a quotation'],
    ['Aux U.S.Army et à M.Macron. Fin.', ['Aux U.S.Army et à M.Macron.', 'Fin.'], 'not after an initial or a dotted acronym'],
    ['', [], 'empty'],
  ])('fr %j (%s)', (text, expected) => {
    expect(split(text, 'fr')).toEqual(expected);
  });

  it.each([
    ['Mr. Smith and Mrs. Jones met St. Paul. Then?', ['Mr. Smith and Mrs. Jones met St. Paul.', 'Then?']],
    ['The U.S. Army left. Officials said so.', ['The U.S. Army left.', 'Officials said so.']],
    ['He said "We will win. We are ready." Then he left.', ['He said "We will win. We are ready."', 'Then he left.']],
    ['“Why?” she asked. Nobody answered.', ['“Why?” she asked.', 'Nobody answered.']],
    ['See p. 12, vol. 3 of the report. Done.', ['See p. 12, vol. 3 of the report.', 'Done.']],
    ['Gen. Petraeus and Sen. McCain spoke. It ended.', ['Gen. Petraeus and Sen. McCain spoke.', 'It ended.']],
    ['Prices rose 3.5 percent. Stocks fell.', ['Prices rose 3.5 percent.', 'Stocks fell.']],
    // The abbreviated start of a place's name ends no sentence.
    ['Rallies in Ft. Worth and Mt. Vernon drew crowds. Others stayed home.', ['Rallies in Ft. Worth and Mt. Vernon drew crowds.', 'Others stayed home.']],
  ])('en %j', (text, expected) => {
    expect(split(text, 'en')).toEqual(expected);
  });

  // German (and Danish, Swedish) guillemets the other way round: `»` before a word opens, `«` closes.
  it.each([
    ['de', 'Merkel bleibt bei ihrer Linie. »Wir schaffen das. Ganz sicher«, sagte sie. Die Lage ist ernst.', ['Merkel bleibt bei ihrer Linie.', '»Wir schaffen das. Ganz sicher«, sagte sie.', 'Die Lage ist ernst.'], 'no split inside, the opening » not moved back'],
    ['fr', 'Des lycéens en soutien aux »gilets jaunes«, selon le ministère. La région est touchée. A Nice, aux cris de »Macron démission!«, ils ont défilé.', ['Des lycéens en soutien aux »gilets jaunes«, selon le ministère.', 'La région est touchée.', 'A Nice, aux cris de »Macron démission!«, ils ont défilé.'], 'a French text set so holds no sentences together'],
    ['de', 'Er rief »Nie wieder!« Dann ging er. Fertig.', ['Er rief »Nie wieder!«', 'Dann ging er.', 'Fertig.'], 'the closing « after ! ends the sentence it closes'],
    ['fr', "Il a dit : « C'est fini. » Puis il est parti.", ["Il a dit : « C'est fini. »", 'Puis il est parti.'], 'as before: a French closing » after a space'],
  ])('%s %j (%s)', (lang, text, expected) => {
    expect(split(text, lang)).toEqual(expected);
  });

  it('crosses window boundaries: long paragraphs give the same sentences as short ones', () => {
    const para = "M. Obama a dit : « Nous allons gagner. Nous serons là. » Le Dr. House, p. 12, l'a confirmé. ";
    const text = para.repeat(300);
    const got = split(text);
    expect(got).toHaveLength(2 * 300);
    expect(new Set(got)).toEqual(new Set(['M. Obama a dit : « Nous allons gagner. Nous serons là. »', "Le Dr. House, p. 12, l'a confirmé."]));
  });

  const seeds = readSeeds();
  it.each(seeds.map((s) => [s.id, s.text] as const))('seed %s: spans trimmed, ordered, disjoint; no split after M. or inside a quotation', (_id, text) => {
    const spans = sentences(text, 'fr');
    expect(spans.length).toBeGreaterThan(5);
    let prevEnd = 0;
    for (const s of spans) {
      expect(s.start).toBeGreaterThanOrEqual(prevEnd);
      expect(s.end).toBeGreaterThan(s.start);
      const t = text.slice(s.start, s.end);
      expect(t).toBe(t.trim());
      expect(t).not.toMatch(/(^|\s)(M|MM|Mme)\.$/u);
      // A sentence never starts with a closing guillemet, nor in lower case unless a line does.
      expect(t).not.toMatch(/^[»”]/u);
      if (/^\p{Ll}/u.test(t)) expect(text.slice(0, s.start)).toMatch(/(^|\n)\s*$/u);
      prevEnd = s.end;
    }
  });

  it('seed 001: the Kremlin quote is one sentence with its attribution', () => {
    const text = seeds.find((s) => s.id.startsWith('001'))!.text;
    const got = split(text);
    expect(got[0]).toMatch(/^"Les deux parties ont confirmé .* en Syrie", précise le Kremlin/u);
    expect(got.at(-1)).toBe('Source AFP');
  });
});

describe('lastWordBeforeDot', () => {
  /** What the splitter read before (one expression over the whole range, anchored at its end). */
  const EXPRESSION = /([\p{L}\p{N}°]+(?:\.[\p{L}\p{N}]+)*)\.[\s"'»”’)\]]*$/u;

  it.each<[string, number, string | null, string]>([
    // [text, from, expected, why]
    ['Il est parti.', 0, 'parti', 'the word before the final full stop'],
    ['The U.S. ', 0, 'U.S', 'inner dots kept, closers and spaces after the stop skipped'],
    ['selon z.B.» ) ', 0, 'z.B', 'closing marks after the stop'],
    ['il fait 30°.', 0, '30°', 'a degree sign in the first segment'],
    ['n°.a.', 0, 'n°.a', 'a degree sign only in the first segment, the others letters or digits'],
    ['a.°b.', 0, '°b', 'a segment with a degree sign after a dot starts the word'],
    ['a..b.', 0, 'b', 'two dots in a row end the word'],
    ['fin.', 2, 'n', 'nothing before `from` is read'],
    ['Il est parti', 0, null, 'no final full stop'],
    ['Il est parti. Et', 0, null, 'a word after the full stop'],
    ['dit !.', 0, null, 'no word right before the stop'],
    ['la 𝐀𝐁.', 0, '𝐀𝐁', 'letters beyond the Basic Multilingual Plane read whole'],
    [`${'x'.repeat(33)}.`, 0, null, 'a word past 32 characters that is no acronym is not read on'],
    [`${'x'.repeat(32)}.`, 0, 'x'.repeat(32), 'up to 32 characters read whole'],
    [`${'A.'.repeat(30)}B.`, 0, `${'A.'.repeat(30)}B`, 'a dotted acronym read whole at any length'],
    [`a${'A.'.repeat(30)}B.`, 0, null, 'a long run that is no acronym'],
  ])('%j from %i → %j (%s)', (text, from, expected) => {
    expect(lastWordBeforeDot(text, from, text.length)).toBe(expected);
  });

  it('gives what the expression captures, for words up to 32 characters and every acronym', () => {
    // Every string of up to 5 characters over an alphabet of each class the expression names.
    const alphabet = ['a', 'U', '1', '°', '.', ' ', '»', '-', '𝐀'];
    let strings = [''];
    for (let n = 0; n < 5; n++) strings = strings.flatMap((s) => alphabet.map((c) => s + c));
    expect(strings.filter((s) => lastWordBeforeDot(s, 0, s.length) !== (EXPRESSION.exec(s)?.[1] ?? null))).toEqual([]);
  });
});

describe('tokenColumns', () => {
  it.each([
    // [text, why]
    ["L'État d’Al-Qaïda a dit qu'il viendra le 6,5 U.S. aujourd'hui.", 'elisions, hyphens, numbers, abbreviations'],
    ['  «Non» — l’a-t-il dit ?  ', 'spaces and punctuation around'],
    ['', 'empty'],
    ['a'.repeat(3000), 'one word longer than the first guess of the columns'],
    ['x '.repeat(5000), 'more words than the first guess of the columns'],
  ])('%j: the tokens of tokenize (%s)', (text) => {
    const columns = tokenColumns(text, 'fr');
    const tokens = tokenize(text, 'fr');
    expect(columns.count).toBe(tokens.length);
    expect(Array.from({ length: columns.count }, (_, i) => columns.token(i))).toEqual(tokens);
    expect([...columns.starts]).toEqual(tokens.map((t) => t.start));
    expect([...columns.ends]).toEqual(tokens.map((t) => t.end));
  });

  it('gives each word as written and folded past the known words kept (forgotten at 50,000), read again after', () => {
    // 120,000 distinct words, twice: the table of known words is emptied twice in each pass.
    const distinct = Array.from({ length: 120_000 }, (_, i) => `É${i.toString(36)}ça`);
    const text = [...distinct, ...distinct.toReversed()].join(' ');
    const columns = tokenColumns(text);
    expect(columns.count).toBe(240_000);
    const wrong = Array.from({ length: columns.count }, (_, i) => i).filter((i) => {
      const w = columns.words[i]!;
      return w.text !== text.slice(columns.starts[i], columns.ends[i]) || w.norm !== w.text.toLowerCase().replace('é', 'e').replace('ç', 'c');
    });
    expect(wrong).toEqual([]);
  });

  it.each([
    // [text, slots given, why]
    ["L'État dit l'état, l'État, État et état.", true, 'one slot for one word object: same spelling, same slot; another spelling, another'],
    ['le le la le la la', true, 'a word said again'],
    [Array.from({ length: 60_000 }, (_, i) => `m${i.toString(36)}`).join(' '), false, 'the table of known words emptied while the text is read: no slots'],
  ])('%#: slots (%s)', (text, given, _why) => {
    // (Read twice: the first reading may empty a table the tests before filled; the second, of
    // words all known by then, does not, unless the text alone holds more than it keeps.)
    tokenColumns(text, 'fr');
    const c = tokenColumns(text, 'fr');
    if (!given) {
      expect(c.slots).toBeNull();
      return;
    }
    expect(c.slots).not.toBeNull();
    const pairs = Array.from({ length: c.count }, (_, i) => Array.from({ length: c.count }, (_, j) => [i, j] as const)).flat();
    // Two tokens share a slot exactly when they share a word object.
    expect(pairs.filter(([i, j]) => (c.slots![i] === c.slots![j]) !== (c.words[i] === c.words[j]))).toEqual([]);
    expect([...c.slots!].every((s) => s >= 0 && s < KNOWN_WORD_SLOTS)).toBe(true);
  });
});

describe('sameTokensInside', () => {
  /** The text's tokens inside [start, end) and the slice's tokens shifted, as `text@start-end` lists. */
  const both = (text: string, start: number, end: number, lang = 'fr') => {
    const c = tokenColumns(text, lang);
    const whole = Array.from({ length: c.count }, (_, i) => c.token(i)).filter((t) => t.start < end && t.end > start);
    const alone = tokenize(text.slice(start, end), lang).map((t) => ({ ...t, start: t.start + start, end: t.end + start }));
    return { whole, alone };
  };
  /** `⟦` and `⟧` mark the range in the text (removed before reading it). */
  const parse = (marked: string) => {
    const start = marked.indexOf('⟦');
    const end = marked.indexOf('⟧') - 1;
    return { text: marked.replace('⟦', '').replace('⟧', ''), start, end };
  };
  it.each<[string, boolean, boolean | undefined, string]>([
    // [text with the range marked, proved, tokens the same, why]
    ['«\u00a0⟦Bonjour, dit-il⟧\u00a0»', true, true, 'guillemets with non-breaking spaces'],
    ['“⟦We will pay⟧,” he said', true, true, 'a comma before the closing mark'],
    ['“⟦It rose 5⟧,” he said', true, true, 'a digit before a comma, a closing mark after it (WB11/12 need a digit)'],
    ['“⟦It rose to 5⟧.”', true, true, 'a digit before a full stop'],
    ['« ⟦l\'opposition⟧ »', true, true, 'French elision inside'],
    ['«⟦qu’il vienne⟧»', true, true, 'elision at the first word, guillemets without spaces'],
    ['‘⟦don\'t⟧’', true, true, 'single curly marks: MidNumLet with nothing beyond them'],
    ['(⟦Al-Nosra⟧)', true, true, 'hyphens inside, brackets outside'],
    ['“⟦280.000 réfugiés⟧”', true, true, 'a number with its separator'],
    ['il a dit ⟦qu\'il⟧ viendra', true, true, 'spaces outside'],
    ['⟦l\'⟧opposition', false, false, 'ends after an elided article: alone it is `l`, in the text `l\'`'],
    ['aujourd\'⟦hui⟧', false, false, 'starts mid-word after an apostrophe'],
    ['Bon⟦jour⟧', false, false, 'starts mid-word'],
    ['⟦6⟧,5', false, false, 'a comma between digits joins them (WB11/12)'],
    ['⟦a⟧.b', false, false, 'a full stop between letters joins them (WB6/7)'],
    ['⟦שלום⟧\'”', false, false, 'a Hebrew letter keeps the apostrophe after it (WB7a)'],
    ['“⟦\u0301abc⟧”', false, undefined, 'a combining mark at the start: not proved'],
    ['x⟦Hello⟧ world', false, false, 'a letter before the start'],
  ])('%j: proved %s, same tokens %s (%s)', (marked, proved, same) => {
    const { text, start, end } = parse(marked);
    expect(sameTokensInside(text, start, end)).toBe(proved);
    const { whole, alone } = both(text, start, end);
    if (same !== undefined) expect(whole.length === alone.length && whole.every((t, i) => JSON.stringify(t) === JSON.stringify(alone[i]))).toBe(same);
  });

  it('never proves a range whose tokens differ: every range between two edges of the seeds (quotation marks, punctuation, spaces)', () => {
    let proved = 0;
    for (const { text } of readSeeds()) {
      const c = tokenColumns(text, 'fr');
      const tokens = Array.from({ length: c.count }, (_, i) => c.token(i));
      // Range edges at and beside every non-letter character (the places quotations and sentences start and end).
      const edges = [...text.matchAll(/[^\p{L}\p{N}]/gu)].flatMap((m) => [m.index, m.index + 1]).filter((x, i, all) => x <= text.length && all[i - 1] !== x);
      for (let i = 0; i < edges.length; i++) {
        for (const j of [i + 1, i + 2, i + 7, i + 40]) {
          if (j >= edges.length) continue;
          const start = edges[i]!;
          const end = edges[j]!;
          if (!sameTokensInside(text, start, end)) continue;
          proved++;
          const whole = tokens.filter((t) => t.start < end && t.end > start);
          const alone = tokenize(text.slice(start, end), 'fr').map((t) => ({ ...t, start: t.start + start, end: t.end + start }));
          expect(alone, `${JSON.stringify(text.slice(start, end))} at ${start}`).toEqual(whole);
        }
      }
    }
    expect(proved).toBeGreaterThan(10_000);
  });
});
