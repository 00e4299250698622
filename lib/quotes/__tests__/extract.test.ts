/** extractQuotes as a specification: mark styles, nesting, paragraphs, kinds, speakers, fuzz. */
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '..';
import { endsOnClausePunctuation } from '../extract';
import { seededRandom } from '../../../tests/support/seeded-random';

/** The quotations of `text` as [quoted words, kind, speaker]. */
function q(text: string, lang = 'fr'): [string, string, string | null][] {
  return extractQuotes(text, lang).map((x) => [x.text, x.kind, x.speaker]);
}

describe('every quotation-mark style, marks outside the span', () => {
  it.each([
    ['guillemets with French spaces', '« Nous ne céderons jamais sur ce point », a déclaré le ministre.', 'Nous ne céderons jamais sur ce point'],
    ['guillemets without spaces', '«Nous ne céderons jamais sur ce point», a déclaré le ministre.', 'Nous ne céderons jamais sur ce point'],
    ['curly doubles', '“Nous ne céderons jamais sur ce point”, a déclaré le ministre.', 'Nous ne céderons jamais sur ce point'],
    ['straight doubles', '"Nous ne céderons jamais sur ce point", a déclaré le ministre.', 'Nous ne céderons jamais sur ce point'],
    ['curly singles', '‘Nous ne céderons jamais sur ce point’, a déclaré le ministre.', 'Nous ne céderons jamais sur ce point'],
    ['single guillemets', '‹Nous ne céderons jamais sur ce point›, a déclaré le ministre.', 'Nous ne céderons jamais sur ce point'],
    ['German low-high', '„Nous ne céderons jamais sur ce point“, a déclaré le ministre.', 'Nous ne céderons jamais sur ce point'],
    // Issue 13: copy typed over several tools mixes straight and curly marks.
    ['straight open, curly close', '"Nous ne céderons jamais sur ce point”, a déclaré le ministre.', 'Nous ne céderons jamais sur ce point'],
    ['curly open, straight close', '“Nous ne céderons jamais sur ce point", a déclaré le ministre.', 'Nous ne céderons jamais sur ce point'],
  ])('%s', (_name, text, words) => {
    const [quote] = extractQuotes(text, 'fr');
    expect(quote).toMatchObject({ text: words, kind: 'reported', speaker: 'ministre' });
    expect(text.slice(quote!.start, quote!.end)).toBe(words);
    expect(quote!.marks.open.end).toBeLessThanOrEqual(quote!.start);
    expect(quote!.marks.close.start).toBeGreaterThanOrEqual(quote!.end);
  });

  it('pairs a mixed pair only when no mark of its own family is open', () => {
    // The inner straight pair closes itself; the curly closer closes the curly opener.
    expect(q('“He told me "no" twice before the vote,” she said.', 'en').map(([w]) => w)).toEqual(['He told me "no" twice before the vote', 'no']);
  });

  // Issue 13 item 4: marks a typing tool set the wrong way round or with no space typed still
  // pair (flanking: what stands on each side of the mark), and only with an open quotation of
  // the other form; the quoted words, or none, for each text.
  it.each([
    ['straight open, curly opener as closer', '"We will win this fight, whatever it takes,“ he said.', ['We will win this fight, whatever it takes']],
    ['curly open, curly opener as closer', '“Who can guarantee you happiness?“ he asked. “Nobody can.”', ['Who can guarantee you happiness?', 'Nobody can.']],
    ['curly closer as opener', '”We will win this fight, whatever it takes,” he said.', ['We will win this fight, whatever it takes']],
    ['curly closer as opener, straight closer', '”We will win this fight, whatever it takes," he said.', ['We will win this fight, whatever it takes']],
    ['no space after a colon', 'He said:"We will win this fight, whatever it takes.” Then he left.', ['We will win this fight, whatever it takes.']],
    ['no space after the closing comma', '“It will be a great and beautiful wall,"said Trump.', ['It will be a great and beautiful wall']],
    ['curly single open, straight single close', 'He said ‘we will win this fight, whatever it takes,\' and left.', ['we will win this fight, whatever it takes']],
    ['straight single open, curly single close', "He said 'we will win this fight, whatever it takes,’ and left.", ['we will win this fight, whatever it takes']],
    // Not paired: a curly opener after a word with a space after it, nothing open (no quotation starts on a space).
    ['stray curly opener, nothing open', 'The fight“ goes on, whatever it takes.', []],
    // Not paired: a curly closer after a space, then a space: a lone mark.
    ['lone curly closer', 'The fight ” goes on, whatever it takes.', []],
    // Not paired: an inch mark inside a number, then a sentence.
    ['inch mark', 'The 5"4 screen is bright, whatever it costs.', []],
    // Not paired: a plural possessive after a word does not close a curly single.
    ['plural possessive inside a curly single', 'He said ‘the Joneses\' house is ours’ and left.', ['the Joneses\' house is ours']],
    // Not paired: a straight mark glued after a full stop and before a letter, nothing open, opens nothing.
    ['full stop then straight mark, nothing open', 'It was 5 p.m."Then the rain came down hard on the town.', []],
  ])('%s', (_name, text, words) => {
    expect(extractQuotes(text, 'en').map((x) => x.text)).toEqual(words);
  });

  it('keeps apostrophes inside words and never pairs them', () => {
    expect(q("L’opposition d’aujourd’hui n’a rien dit, et Clinton’s aides didn’t either.")).toEqual([]);
  });
});

describe('nesting and editorial insertions (seed 003)', () => {
  const text = 'Les Américains «nous demandent de ne pas le frapper [le Front al-Nosra] parce qu’il y a une opposition "normale" à côté», avait indiqué le ministre russe des Affaires étrangères, Sergueï Lavrov, début juin.';
  it('finds the outer reported quote with its speaker and the inner scare quote', () => {
    expect(q(text)).toEqual([
      ['nous demandent de ne pas le frapper [le Front al-Nosra] parce qu’il y a une opposition "normale" à côté', 'reported', 'ministre russe des Affaires étrangères, Sergueï Lavrov'],
      ['normale', 'scare', null],
    ]);
    const [outer, inner] = extractQuotes(text, 'fr');
    expect(inner!.depth).toBe(1);
    expect(outer!.insertions.map((s) => text.slice(s.start, s.end))).toEqual(['[le Front al-Nosra]']);
  });
});

describe('paragraphs', () => {
  it('continues a quotation reopened at the next paragraph (French and English convention)', () => {
    const fr = '« Nous avons tout essayé. Rien n’a marché.\n\n« Il faut maintenant changer de méthode », a conclu le ministre.';
    const [quote] = extractQuotes(fr, 'fr');
    expect(quote).toMatchObject({ multiParagraph: true, speaker: 'ministre' });
    expect(quote!.text).toBe('Nous avons tout essayé. Rien n’a marché.\n\n« Il faut maintenant changer de méthode');
    const en = '“We tried everything. Nothing worked.\n\n“Now we must change course,” the minister said.';
    expect(extractQuotes(en, 'en')[0]).toMatchObject({ multiParagraph: true, speaker: 'minister' });
  });

  // A guillemet never closed (French writes one » for two, or a typing slip drops one) must not
  // leave every quotation after it nested, and unattributed, to the paragraph's end.
  it.each([
    ['French: one » closing a nested and its outer quotation', 'fr', 'Il a estimé ne pas être «un représentant des «gilets jaunes». «Les samedis se feront», a-t-il ajouté. «Il est libre», a dit son avocat.', [['gilets jaunes', 0], ['Les samedis se feront', 0], ['Il est libre', 0]]],
    ['English: an unclosed “ before a nested pair and later quotations', 'en', 'He spoke of “a plan with ‘teeth’. “We will win,” said Ann Lowe. “Soon,” she added.', [['teeth', 0], ['We will win', 0], ['Soon', 0]]],
    ['a closed outer quotation keeps its inner one nested', 'fr', '«Les «gilets jaunes» sont là», a dit Paul Hanin.', [['Les «gilets jaunes» sont là', 0], ['gilets jaunes', 1]]],
  ])('%s', (_name, lang, text, expected) => {
    expect(extractQuotes(text, lang).map((x) => [x.text, x.depth])).toEqual(expected);
  });

  it('drops an unclosed mark at the paragraph break instead of running on', () => {
    const text = 'Il a parlé d’une « erreur sans nom.\n\nLe lendemain, le ministre a déclaré : « Nous ne reculerons pas devant la menace ».';
    const quotes = extractQuotes(text, 'fr');
    expect(quotes.map((x) => x.text)).toEqual(['Nous ne reculerons pas devant la menace']);
  });
});

describe('reported speech versus scare quotes', () => {
  it.each([
    ['distancing word', 'la question de la prétendue «opposition modérée» reste ouverte.', 'fr', 'scare'],
    ['label after a noun (fr)', 'les rebelles "modérés" se démarquent des jihadistes, selon le communiqué.', 'fr', 'scare'],
    ['label before a noun (en)', 'the "moderate" rebels were told to leave, officials said.', 'en', 'scare'],
    ['so-called (en)', 'the so-called "deplorables" answered.', 'en', 'scare'],
    ['one word, cue in the sentence', 'Selon la Maison Blanche, M. Obama a exprimé ses "inquiétudes".', 'fr', 'reported'],
    ['one word, no cue', 'Un été "studieux" commence.', 'fr', 'scare'],
    ['a statement', 'Il a dit que "tout est fini entre nous".', 'fr', 'reported'],
  ])('%s', (_name, text, lang, kind) => {
    expect(extractQuotes(text, lang).map((x) => x.kind)).toEqual([kind]);
  });
});

describe('speakers from French and English attribution patterns', () => {
  it.each([
    ['impersonal cue, source document', '«Les deux parties ont confirmé leur volonté», a-t-on précisé dans un communiqué publié sur le site du Kremlin.', 'fr', 'Kremlin'],
    ['inverted subject', '"Les deux parties ont confirmé leur volonté", précise le Kremlin dans un communiqué.', 'fr', 'Kremlin'],
    ['recipient then subject', 'M. Kerry "discutera avec les Russes de l’importance", a dit à l’AFP un haut responsable du Département d’Etat.', 'fr', 'un haut responsable du Département d’Etat'],
    ['selon', '"le président a déclaré que la lutte serait commune", selon son porte-parole Dmitri Peskov.', 'fr', 'son porte-parole Dmitri Peskov'],
    ['subject before verb, que', 'le président syrien affirme que les Russes "n’ont jamais dit un mot" sur son départ.', 'fr', 'président syrien'],
    ['passive agent', 'Staffan de Mistura, accusé par Moscou de "se défausser de ses responsabilités", est parti.', 'fr', 'Moscou'],
    ['English subject then verb', '“We endorse her without hesitation,” the newspaper wrote.', 'en', 'newspaper'],
    ['English verb then subject', '“We endorse her without hesitation,” said John Smith, the editor.', 'en', 'John Smith'],
    ['English according to', 'According to the campaign, “the numbers are moving our way now.”', 'en', 'campaign'],
    ['English colon', 'Trump told the crowd: “We are going to win this state big.”', 'en', 'Trump'],
  ])('%s', (_name, text, lang, speaker) => {
    expect(extractQuotes(text, lang)[0]?.speaker).toBe(speaker);
  });

  it('gives a pronoun cue the previous speaker (Pareti: continuing sources)', () => {
    const text = '«Nous avons un accord depuis longtemps», a déclaré Sergueï Lavrov. «Mais cette opposition doit s’éloigner des terroristes», avait-t-il ensuite ajouté.';
    expect(q(text).map((x) => x[2])).toEqual(['Sergueï Lavrov', 'Sergueï Lavrov']);
  });
});

describe('fuzz: unbalanced marks and random text', () => {
  const PIECES = ['«', '»', '“', '”', '"', "'", '‘', '’', '„', '‹', '›', ' ', ' ', ' ', '\n\n', ', a dit le ministre', ' selon lui ', 'mot', 'Kremlin', 'déclaré', '[', ']', '.', ',', 'l’', 'said', 'the', 'opposition', ' '];

  it('never crashes, never crosses a paragraph break without a reopening mark, stays fast', () => {
    const next = seededRandom(42);
    const t0 = performance.now();
    for (let round = 0; round < 300; round++) {
      let text = '';
      const n = 20 + Math.floor(next() * 400);
      for (let i = 0; i < n; i++) text += PIECES[Math.floor(next() * PIECES.length)];
      for (const lang of ['fr', 'en']) {
        for (const quote of extractQuotes(text, lang)) {
          expect(quote.start).toBeGreaterThanOrEqual(0);
          expect(quote.end).toBeLessThanOrEqual(text.length);
          expect(quote.text).toBe(text.slice(quote.start, quote.end));
          if (!quote.multiParagraph) expect(text.slice(quote.marks.open.start, quote.marks.close.end)).not.toContain('\n');
          if (quote.speakerSpan) expect(quote.speaker).toBe(text.slice(quote.speakerSpan.start, quote.speakerSpan.end));
        }
      }
    }
    expect(performance.now() - t0).toBeLessThan(20_000);
  });

  it('keeps a long text with one stray opening mark linear and bounded', () => {
    const para = 'Le ministre a parlé longuement de la situation, sans rien annoncer de neuf. ';
    const text = '« ' + Array.from({ length: 400 }, () => para.repeat(3)).join('\n\n');
    const t0 = performance.now();
    expect(extractQuotes(text, 'fr')).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(5_000);
  });
});

describe('endsOnClausePunctuation', () => {
  it.each([
    // [text, start, end, expected, why]
    ['“Oh, God,” he said', 1, 9, true, 'a comma at the end'],
    ['«Pourquoi ?» dit-il', 1, 11, true, 'a question mark after a space'],
    ['«Non ! \n »', 1, 9, true, 'an exclamation mark, spaces and a line break after it'],
    ['“moderate” rebels', 1, 9, false, 'a word at the end'],
    ['“A, b.”', 1, 6, false, 'a full stop at the end, a comma before it'],
    ['« , »', 4, 4, false, 'an empty range'],
    ['a,   ', 2, 5, false, 'nothing but spaces in the range'],
  ] as [string, number, number, boolean, string][])('%j [%i, %i) → %s (%s)', (text, start, end, expected) => {
    expect(endsOnClausePunctuation(text, start, end)).toBe(expected);
  });
});
