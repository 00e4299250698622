/** alignQuotes / compareQuotations as a specification: each relation from real quotations. */
import { describe, expect, it } from 'vitest';
import { alignQuotes, alignQuotesUntil, compareQuotations, creditedSpeaker, extractQuotes, speakersDiffer } from '..';
import type { DiffPart, SharedQuote } from '..';

/** A quotation embedded in a sentence of its article; the span of the quoted words. */
function article(words: string, mark: [string, string] = ['«', '»'], tail = ', a-t-on précisé dans un communiqué du Kremlin.'): { text: string; span: { start: number; end: number } } {
  const text = `${mark[0]}${words}${mark[1]}${tail}`;
  return { text, span: { start: mark[0].length, end: mark[0].length + words.length } };
}

/** The changed words of a diff, as [op, text in its own article]. */
function changes(diff: DiffPart[], textA: string, textB: string): [string, string][] {
  return diff.filter((p) => p.op !== 'same').map((p) => [p.op, p.op === 'added' ? textB.slice(p.b!.start, p.b!.end) : textA.slice(p.a!.start, p.a!.end)]);
}

/** The relation of the first quotation of `textA` to its counterpart in `textB` (null: none), as the panel pairs them. */
function relationOfFirst(textA: string, textB: string, lang = 'en'): string | null {
  const shared = alignQuotes(textA, extractQuotes(textA, lang), textB, extractQuotes(textB, lang), lang);
  return shared.find((s) => s.aQuote === 0)?.relation ?? null;
}

// Seed 000 / 001 (Kremlin communiqué, 6 July 2016) and PolNeAR's Washington Post endorsement.
const FR = "Vladimir Poutine a appelé son interlocuteur à contribuer à la rupture de l'opposition modérée avec les groupes terroristes comme le Front Al-Nosra";
const EN = 'Hillary Clinton has the potential to be an excellent president of the United States, and we endorse her without hesitation';

describe.each([
  ['French', FR, 'fr',
    "Vladimir Poutine a appelé son interlocuteur à contribuer à la rupture de l’opposition modérée avec les groupes terroristes comme le Front Al-Nosra".toUpperCase(),
    'Vladimir Poutine a appelé son interlocuteur à contribuer à la rupture de l’opposition modérée',
    'Vladimir Poutine a appelé son interlocuteur à contribuer comme le Front Al-Nosra',
    "Vladimir Poutine a exhorté son interlocuteur à contribuer à la rupture de l'opposition armée avec les groupes terroristes comme le Front Al-Nosra",
    ['removed', 'appelé'], ['added', 'exhorté']],
  ['English', EN, 'en',
    'Hillary Clinton has the potential to be an excellent president of the United States, and we endorse her without hesitation'.replace(/ /g, '  '),
    'Hillary Clinton has the potential to be an excellent president',
    'Hillary Clinton has the potential to be an excellent president we endorse her without hesitation',
    'Hillary Clinton has the potential to be a great president of the United States, and we back her without hesitation',
    ['removed', 'an excellent'], ['added', 'a great']],
])('%s: a real quotation and versions of it', (_lang, original, lang, retyped, cut, spliced, altered, removed, added) => {
  const a = article(original);
  it('exact: typography, case and spacing aside', () => {
    const b = article(retyped, ['"', '"']);
    expect(compareQuotations(a.text, a.span, b.text, b.span, lang)).toMatchObject({ relation: 'exact', similarity: 1 });
  });
  it('truncated: a contiguous part, the dropped words pointed at in a', () => {
    const b = article(cut);
    const r = compareQuotations(a.text, a.span, b.text, b.span, lang)!;
    expect(r.relation).toBe('truncated');
    expect(changes(r.diff, a.text, b.text).every(([op]) => op === 'removed')).toBe(true);
  });
  it('spliced: non-adjacent pieces joined without a mark', () => {
    const b = article(spliced);
    expect(compareQuotations(a.text, a.span, b.text, b.span, lang)?.relation).toBe('spliced');
  });
  it('altered: the changed words in both texts', () => {
    const b = article(altered);
    const r = compareQuotations(a.text, a.span, b.text, b.span, lang)!;
    expect(r.relation).toBe('altered');
    const c = changes(r.diff, a.text, b.text);
    expect(c).toContainEqual(removed);
    expect(c).toContainEqual(added);
  });
  it('unquoted: the words reused without marks in the other article', () => {
    const b = { text: `Le texte dit que ${original.toLowerCase()}, ce que personne ne conteste.` };
    const shared = alignQuotes(a.text, extractQuotes(a.text, lang), b.text, extractQuotes(b.text, lang), lang);
    expect(shared).toHaveLength(1);
    expect(shared[0]).toMatchObject({ relation: 'unquoted', aQuote: 0, bQuote: null });
    expect(b.text.slice(shared[0]!.b.start, shared[0]!.b.end).toLowerCase()).toBe(original.toLowerCase());
  });
});

describe('no match by chance', () => {
  it.each([
    ['a one-word fragment', 'inquiétudes', 'inquiétudes'],
    ['two common words', 'faire pression', 'faire pression'],
    ['different statements sharing stop words', 'Les deux parties ont confirmé leur volonté de dialogue', 'Les deux pays ont refusé toute forme de dialogue direct'],
  ])('%s', (_name, x, y) => {
    const a = article(x);
    const b = article(y);
    expect(compareQuotations(a.text, a.span, b.text, b.span, 'fr')).toBeNull();
  });

  // Too short to compare, the same words are one quotation only when both versions name the same speaker.
  it.each([
    ['en', 'the same words, the same speaker', 'Dana Harlan left the court on Friday. “This fight is not over,” Harlan said.', '“This fight is not over,” Dana Harlan told reporters after the ruling.', [['exact', 'This fight is not over']]],
    ['fr', 'two words, the same speaker', 'Le procureur Paul Roche a assuré disposer de « preuves irréfutables ».', 'Le procureur Paul Roche dit avoir des « preuves irréfutables » contre lui.', [['exact', 'preuves irréfutables']]],
    ['fr', 'the same words, two speakers', 'Le procureur Paul Roche a assuré disposer de « preuves irréfutables ».', "L'avocat Marc Vidal a réclamé des « preuves irréfutables » au juge.", []],
    ['fr', 'the same words, one speaker unknown', 'Le procureur Paul Roche a assuré disposer de « preuves irréfutables ».', 'Le dossier ne contient pas de « preuves irréfutables ».', []],
    ['en', 'one word, the same speaker', 'Ms. Vale called the ruling “wrong.”', 'Ms. Vale said the ruling was “wrong.”', []],
  ] as const)('%s: %s', (lang, _name, a, b, want) => {
    const shared = alignQuotes(a, extractQuotes(a, lang), b, extractQuotes(b, lang), lang);
    expect(shared.map((x) => [x.relation, a.slice(x.a.start, x.a.end)])).toEqual(want);
  });

  it('scores fall as versions drift further (order, not exact floats)', () => {
    const a = article(EN);
    const versions = [EN, EN.replace('excellent', 'great'), EN.replace('excellent', 'great').replace('endorse', 'back'), EN.replace('excellent', 'great').replace('endorse', 'back').replace('without hesitation', 'gladly')];
    const scores = versions.map((v) => { const b = article(v); return compareQuotations(a.text, a.span, b.text, b.span, 'en')!.similarity; });
    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeLessThan(scores[i - 1]!);
  });
});

describe('a quotation too short to compare, part of a longer one of the same person, is truncated (issue 13)', () => {
  // [lang, name, a, b, the pairs as [relation, quoted in a, quoted in b], the words left out (their op and text)].
  const QUEREL = "« C'est une décision politique, nous allons faire appel », a réagi l'avocat de M. Delorme, Me François Quérel.";
  const KESSLER = '“This is a dangerous gamble with our national security,” Senator Maria Kessler said on Tuesday.';
  it.each([
    ['fr', 'three words of the lawyer’s quotation, named in both', QUEREL, "Son avocat, Me François Quérel, a fustigé « une décision politique » et annoncé qu'il ferait appel.",
      [['truncated', "C'est une décision politique, nous allons faire appel", 'une décision politique']], [['removed', "C'est"], ['removed', 'nous allons faire appel']]],
    ['de', 'two words of the minister’s quotation, title aside', '„Das ist eine schwere Belastung für unsere Kinder“, sagte Finanzminister Lars Klingbeil am Dienstag.', 'Lars Klingbeil sprach von einer „schweren Belastung“, Lars Klingbeil nannte sie „schwere Belastung“.',
      [['truncated', 'Das ist eine schwere Belastung für unsere Kinder', 'schwere Belastung']], [['removed', 'Das ist eine'], ['removed', 'für unsere Kinder']]],
    ['en', 'the short one in a, the long one in b', 'Maria Kessler called the plan “a dangerous gamble” in a statement.', KESSLER,
      [['truncated', 'a dangerous gamble', 'This is a dangerous gamble with our national security']], [['added', 'This is'], ['added', 'with our national security']]],
    ['en', 'another person says the words', KESSLER, 'Tom Rudd, a senator, called the plan “a dangerous gamble” in a statement.', [], []],
    ['en', 'no speaker for the short one', KESSLER, 'The plan is “a dangerous gamble”, the report says.', [], []],
    ['en', 'a role, not a name', KESSLER, 'The senator called the plan “a dangerous gamble” in a statement.', [], []],
    ['fr', 'an organisation and a person', "« C'est une décision politique, nous allons faire appel », a déclaré la procureure Sophie Marin.", "Le parquet de Lyon a dénoncé « une décision politique », a précisé le parquet de Lyon.", [], []],
    ['en', 'a stock phrase of short words', '“This is fake news from people who lost,” President Dale Hart said.', 'Dale Hart called the report “fake news” on Tuesday.', [], []],
    ['en', 'one content word', '“We will appeal this decision without delay,” Maria Kessler said.', 'Maria Kessler said she would fight “this decision” in court.', [], []],
    ['en', 'the words in the other text’s own sentences too', 'Maria Kessler called the plan “a dangerous gamble” in a statement.', `Critics agree it is a dangerous gamble. ${KESSLER}`, [], []],
    ['en', 'the words in two quotations of the other', 'Maria Kessler called the plan “a dangerous gamble” in a statement.', `${KESSLER} “It is a dangerous gamble for farmers too,” Maria Kessler added.`, [], []],
  ] as const)('%s: %s', (lang, _name, a, b, want, left) => {
    const shared = alignQuotes(a, extractQuotes(a, lang), b, extractQuotes(b, lang), lang);
    expect(shared.map((x) => [x.relation, a.slice(x.a.start, x.a.end), b.slice(x.b.start, x.b.end)])).toEqual(want);
    for (const x of shared) expect(changes(x.diff, a, b)).toEqual(left);
  });
});

/** The quoted words of `text` between its first pair of marks, with the editor's brackets inside. */
function quoted(text: string): { span: { start: number; end: number }; brackets: { start: number; end: number }[] } {
  const q = extractQuotes(text, /[«»]/u.test(text) ? 'fr' : 'en')[0]!;
  return { span: { start: q.start, end: q.end }, brackets: q.insertions };
}

describe('editorial marks are their own relation, not a splice (issue 13)', () => {
  it.each([
    ['an added word in brackets', '“We will build the wall and Mexico will pay for it,” Mr. Brant said.', '“We will build the wall and Mexico will pay [for] it,” Mr. Brant said.', 'insertion'],
    ['a bracketed word the other leaves out', '“We will build the wall and Mexico will pay it,” Mr. Brant said.', '“We will build the wall and Mexico will pay [for] it,” Mr. Brant said.', 'insertion'],
    ['a bracketed name for a pronoun', '“He has blocked every budget we sent to the floor,” the governor said.', '“[Representative Dale] has blocked every budget we sent to the floor,” the governor said.', 'insertion'],
    ['a bracketed title at the start', '“Representative Dale has blocked every budget we sent,” the governor said.', '“[Representative] Dale has blocked every budget we sent,” the governor said.', 'insertion'],
    ['a cut marked by …', '“The plant will close in March and four hundred workers will lose their jobs,” she said.', '“The plant will close in March … four hundred workers will lose their jobs,” she said.', 'cut'],
    ['a cut marked by ...', '“The plant will close in March and four hundred workers will lose their jobs,” she said.', '“The plant will close ... four hundred workers will lose their jobs,” she said.', 'cut'],
    ['a cut marked by […] in French', '« La réforme sera votée avant l\'été, puis appliquée dans toutes les régions dès janvier », a déclaré la ministre.', '« La réforme sera votée avant l\'été, […] dès janvier », a déclaré la ministre.', 'cut'],
    ['a cut and a bracketed word: the cut', '“The plant will close in March and four hundred workers will lose their jobs,” she said.', '“The plant will close … [and] four hundred workers will lose their jobs,” she said.', 'cut'],
    ['an unmarked join stays a splice', '“The plant will close in March and four hundred workers will lose their jobs,” she said.', '“The plant will close four hundred workers will lose their jobs,” she said.', 'spliced'],
    ['one piece of the other where the first word also stands earlier: truncated', '“This plan is very cynical and very plain,” he said.', '“Sadly this memo is old news. They put their plan in writing. This plan is very cynical and very plain,” she said.', 'truncated'],
    ['one piece after a repeated pronoun: truncated', '“I must keep every option open,” he said.', '“So I have decided to step aside. … I must keep every option open,” he said.', 'truncated'],
    ['one word more inside: altered, not spliced', '“I am not afraid to say I am a farmer,” he said.', '“I am not afraid to say that I am a farmer,” he said.', 'altered'],
    ['one word less inside a longer version: altered', '“But there is a real chance we could lose this seat,” he said.', '“I think so. But there is a real chance that we could lose this seat, and I am being frank,” he said.', 'altered'],
    ['a changed word beside a bracket stays altered', '“We will build the wall and Mexico will pay for it,” Mr. Brant said.', '“We will build a fence and Mexico will pay [for] it,” Mr. Brant said.', 'altered'],
    // (It was `altered`: 6 of 10 words in common, half of them function words.)
    ['two statements sharing function words are not one quotation', '“Wait now -- our stance has not changed on pension plans,” a spokeswoman said.', '“The union has not changed its stance on pension plans,” its leader said.', null],
  ])('%s', (_name, textA, textB, relation) => {
    const a = quoted(textA);
    const b = quoted(textB);
    expect(compareQuotations(textA, a.span, textB, b.span, /[«»]/u.test(textA) ? 'fr' : 'en', a.brackets, b.brackets)?.relation ?? null).toBe(relation);
  });

  it('shows the editor\'s words in the diff, brackets included', () => {
    const textA = '“We will build the wall and Mexico will pay for it,” Mr. Brant said.';
    const textB = '“We will build the wall and Mexico will pay [for] it,” Mr. Brant said.';
    const a = quoted(textA);
    const b = quoted(textB);
    const r = compareQuotations(textA, a.span, textB, b.span, 'en', a.brackets, b.brackets)!;
    expect(r.diff.filter((p) => p.op !== 'same').map((p) => [p.op, p.text.trim()])).toEqual([['removed', 'for'], ['added', '[for]']]);
  });
});

describe('a word diff keeps its spaces and reads as words (issue 13)', () => {
  /** Each side's words read back from the parts a reader sees on that side, spaces collapsed as HTML does. */
  const side = (diff: DiffPart[], op: 'removed' | 'added'): string => diff.filter((p) => p.op === 'same' || p.op === op).map((p) => p.text).join('').replace(/\s+/gu, ' ').trim();
  it.each([
    ['a word dropped', '“Build that f***ing wall now,” the senator said.', '“Build that wall now,” the senator said.'],
    ['a word replaced before punctuation', '“Mexico will pay for it. Believe me, the wall will rise,” he said.', '“Mexico will pay it. Believe me, the wall will rise,” he said.'],
    ['a contraction expanded', '“They’re followers, not leaders of this party,” she said.', '“They are followers, not leaders of this party,” she said.'],
    ['French guillemets, a word changed', '« Nous ne céderons rien sur la réforme des retraites, ni sur son calendrier », a dit le ministre.', '« Nous ne lâcherons rien sur la réforme des retraites, ni sur son calendrier », a dit le ministre.'],
  ])('%s', (_name, textA, textB) => {
    const lang = /[«»]/u.test(textA) ? 'fr' : 'en';
    const a = quoted(textA);
    const b = quoted(textB);
    const r = compareQuotations(textA, a.span, textB, b.span, lang)!;
    expect(side(r.diff, 'removed')).toBe(textA.slice(a.span.start, a.span.end));
    expect(side(r.diff, 'added')).toBe(textB.slice(b.span.start, b.span.end));
    // And each changed run ends on its separator when a word follows it in its own article.
    for (const [k, p] of r.diff.entries()) if (p.op !== 'same' && k < r.diff.length - 1 && r.diff.slice(k + 1).some((x) => x.op === 'same' || x.op === p.op)) expect(p.text).toMatch(/[\s\p{P}]$/u);
  });
});

// Made-up statements after a BASIL pair (a White House readout and a paper quoting its end): the
// longest common subsequence pairs `the` of `the meeting` with the paper's `the`, which read as
// `the [meeting, but] lines…`; the changed words are `the` added and the rest removed.
describe('a word diff shows as common only what a reader sees in common (Fraser’s semantic cleanup)', () => {
  it.each([
    ['an article matched far from the rest', '“It lasted an hour. There will be no further readout of the meeting, but lines of communication remain open,” the statement said.', '“the lines of communication remain open,” the statement said.',
      [['removed', 'It lasted an hour. There will be no further readout of the meeting, but'], ['added', 'the']]],
    ['as before: a word between two short changes', '“Iran gets closer and closer to a nuclear bomb,” he said.', '“Iran gets closer and closer to nuclear arms,” he said.',
      [['removed', 'a'], ['removed', 'bomb'], ['added', 'arms']]],
  ] as const)('%s', (_name, textA, textB, want) => {
    const a = quoted(textA);
    const b = quoted(textB);
    const r = compareQuotations(textA, a.span, textB, b.span, 'en')!;
    expect(r.relation).toBe('altered');
    expect(changes(r.diff, textA, textB)).toEqual(want);
  });
});

describe('an alignment stopped at its deadline shows only what the whole alignment shows (issue 20, precision first)', () => {
  // The clock is a step counter: each reading is one step of work. Stopped after every possible
  // number of steps, the quotations said shared must be shared, with the same partner and
  // relation, when the alignment runs to its end; a pairing the whole alignment would not make
  // (a better partner not yet read) is a claim the panel must never show.
  const say = (words: string, verb: string) => `« ${words} », ${verb}.`;
  const X = FR;
  const nearX = FR.replace('appelé', 'exhorté');
  const farX = FR.replace('appelé', 'exhorté').replace('modérée', 'armée').replace('terroristes', 'islamistes');
  it.each([
    // The page's weaker version of X is read first; its closer one, read later, is the pair.
    ['a weaker version first, the closer one later', [say(farX, 'a dit le porte-parole'), say(nearX, 'a ajouté le porte-parole')], [say(X, 'a précisé le Kremlin')]],
    // Two quotations of the page for one of the other: the exact one is the pair, wherever it is.
    ['an altered version first, the exact one later', [say(nearX, 'a dit le porte-parole'), say(X, 'a ajouté le porte-parole')], [say(X, 'a précisé le Kremlin')]],
    // The same quotation twice on each side, a version between: each paired with its own copy.
    ['repeated quotations on both sides', [say(X, 'a dit le porte-parole'), say(nearX, 'a dit le porte-parole'), say(X, 'a répété le porte-parole')], [say(nearX, 'selon le Kremlin'), say(X, 'a précisé le Kremlin'), say(X, 'a répété le Kremlin')]],
    // Three words of a longer quotation of the same person (the last pass), beside a pair of the first.
    ['a short quotation inside a longer one, after the rest', [say(X, 'a dit le porte-parole'), say('une décision politique', 'a fustigé Me François Quérel')], [say("C'est une décision politique, nous allons faire appel", 'a réagi Me François Quérel'), say(X, 'a précisé le Kremlin')]],
  ])('%s', (_name, sentencesA, sentencesB) => {
    const a = sentencesA.join(' ');
    const b = sentencesB.join(' ');
    const quotesA = extractQuotes(a, 'fr');
    const quotesB = extractQuotes(b, 'fr');
    const key = (s: SharedQuote) => `${s.aQuote}:${s.bQuote}:${s.relation}:${s.a.start}:${s.b.start}`;
    let steps = 0;
    const whole = alignQuotesUntil(a, quotesA, b, quotesB, 'fr', Number.MAX_SAFE_INTEGER, () => steps++);
    expect(whole.complete).toBe(true);
    expect(whole.shared.length).toBeGreaterThan(0);
    const full = new Set(whole.shared.map(key));
    for (let stop = 0; stop <= steps; stop++) {
      let read = 0;
      const partial = alignQuotesUntil(a, quotesA, b, quotesB, 'fr', stop, () => read++);
      expect(partial.shared.filter((s) => !full.has(key(s))), `stopped after ${stop} steps`).toEqual([]);
    }
  });
});

describe('words of a quotation scattered over a sentence of the other text are not its reuse', () => {
  // A page made of a few repeated words has every quotation's words somewhere in each long
  // sentence: said "used unquoted", each carried the whole sentence as its diff (7 MB of report
  // for a page of 5,000 quotations). Reuse is the words together, as many changed as `unquoted` allows.
  const quote = 'Vladimir Poutine a appelé son interlocuteur à contribuer à la rupture';
  const a = `« ${quote} », a-t-on précisé dans un communiqué du Kremlin.`;
  const scattered = quote.split(' ').map((w, i) => `${w} selon des sources proches du dossier${i}`).join(' ');
  it.each([
    ['the words together, one word changed: reused', `Le texte dit que ${quote.replace('appelé', 'exhorté')}, ce que personne ne conteste.`, 1],
    ['each word four words apart in one long sentence: not reused', `Le texte dit que ${scattered}, ce que personne ne conteste.`, 0],
  ])('%s', (_name, b, found) => {
    const shared = alignQuotes(a, extractQuotes(a, 'fr'), b, extractQuotes(b, 'fr'), 'fr');
    expect(shared.filter((s) => s.relation === 'unquoted')).toHaveLength(found);
  });
});

describe('a quotation the two versions credit to different people has no speaker (precision first)', () => {
  it.each([
    ['Jérôme Lenoir', 'Paul Marceau', true],
    ['M. Lenoir', 'le ministre de l’Intérieur Jérôme Lenoir', false],
    ['Mme Lenoir', 'Mme Marceau', true],
    ['ministre', 'Jérôme Lenoir', false],
    ['préfecture', 'ministère', false],
    [null, 'Paul Marceau', false],
    ['Justice Hale', 'Justice Moreno', true],
    ['Chief Justice Hale', 'Justice Hale', false],
    ['Senator Ward', 'Governor Ward', false],
    ['Oregon governor', 'Mr. Dunmore', false],
    ['Dunmore campaign', 'Lisa Trent', false],
    ['an Acme spokeswoman', 'Acme CEO Carl Ruiz', false],
    // A periphrasis names a place, not the person: no disagreement with the name.
    ['locataire de la place Vendôme', 'ministre de l’Intérieur Jérôme Lenoir', false],
    ['hôte du palais Bourbon', 'Jérôme Lenoir', false],
    ['tenant of the mansion Greystone', 'Carl Ruiz', false],
    ['président de la République Paul Marceau', 'Jérôme Lenoir', true],
    ['député loyaliste Paul Marceau', 'Jérôme Lenoir', true],
    ['porte-parole du gouvernement Paul Marceau', 'Jérôme Lenoir', true],
    // A title alone, with the words that qualify a title (`Chief`, `Prime`, `Vice`), names no one: whoever the other names.
    ['Chief Justice', 'Hale', false],
    ['Prime Minister', 'Theresa Moor', false],
    ['Vice President', 'Mr. Dunmore', false],
    ['Chief Justice Hale', 'Justice Moreno', true],
    // An organisation and a person may be one source: its officer speaks for it.
    ['parquet de Lyon', 'procureure Sophie Marin', false],
    ['CGT', 'Sophie Binet', false],
    ['parquet de Lyon', 'préfecture du Rhône', true],
    ['porte-parole du gouvernement Paul Marceau', 'CGT', true],
    // An office and its complement, the capitalised word right after the preposition, describes whoever holds it.
    ['ministro das Finanças', 'Joaquim Sarmento', false],
    ['ministre de la Justice', 'Jérôme Lenoir', false],
    ['Secretary of State', 'John Kerr', false],
    ['maire de Paris', 'Anne Hidalgo', false],
    ['Bank of England', 'Federal Reserve', true],
  ] as const)('%s / %s: differ %s', (a, b, differ) => {
    expect(speakersDiffer(a, b)).toBe(differ);
  });

  it.each([
    ['Mr. Dunmore', 'Oregon governor', 'Mr. Dunmore'],
    ['Oregon governor', 'Mr. Dunmore', 'Mr. Dunmore'],
    ['statement', 'White House', 'White House'],
    ['an Acme spokeswoman', 'Acme CEO Carl Ruiz', null],
    ['Acme CEO Carl Ruiz', 'a spokesman', null],
    ['a young man', 'reporter', 'a young man'],
    [null, 'an unseen announcer', 'an unseen announcer'],
    ['Mr. Dunmore', 'Dunmore', 'Mr. Dunmore'],
    ['locataire de la place Vendôme', 'ministre Jérôme Lenoir', 'ministre Jérôme Lenoir'],
    ['Chief Justice', 'Hale', 'Hale'],
    ['Hale', 'Chief Justice', 'Hale'],
    ['ministro das Finanças', 'Joaquim Sarmento', 'Joaquim Sarmento'],
  ] as const)('%s / %s: shown %s', (a, b, shown) => {
    expect(creditedSpeaker(a, b)).toBe(shown);
  });

  it('pairs the quotation, with no speaker and the disagreement said', () => {
    const words = 'Si les mesures ne sont pas appliquées, la mobilisation reprendra très vite';
    const a = `«${words}», a déclaré Jérôme Lenoir.`;
    const b = `«${words}», a déclaré Paul Marceau.`;
    const c = `«${words}», a déclaré M. Lenoir.`;
    const [differ] = alignQuotes(a, extractQuotes(a, 'fr'), b, extractQuotes(b, 'fr'), 'fr');
    expect(differ).toMatchObject({ relation: 'exact', speaker: null, speakersDiffer: true });
    const [agree] = alignQuotes(a, extractQuotes(a, 'fr'), c, extractQuotes(c, 'fr'), 'fr');
    expect(agree).toMatchObject({ relation: 'exact', speaker: 'Jérôme Lenoir' });
    expect(agree!.speakersDiffer).toBeUndefined();
  });
});

// An organisation and the person the other version describes as speaking for it are one source:
// the versions did not disagree (a false claim). Any other name near the person is no such thing.
describe('an organisation and its spokesperson credit one source (issue 13)', () => {
  const words = 'Governors who put people over politics get results';
  const org = `The White House praised the deal. "${words}," the White House said in a statement.`;
  it.each([
    ['a description before the name', org, `"${words}," White House press secretary Karine Jean-Pierre said.`, { speaker: 'White House' }],
    ['an apposition after the name', `"${words}," the Kremlin said.`, `"${words}," Dmitri Peskov, the Kremlin's spokesman, told reporters.`, { speaker: 'Kremlin' }],
    ['in French, the apposition', `« ${words} », a indiqué l'Elysée.`, `« ${words} », a indiqué Paul Marceau, le porte-parole de l'Elysée.`, { speaker: 'Elysée' }],
    ['another name near the person: they differ', `"${words}," Schumer said.`, `"${words}," McConnell, responding to Schumer, said.`, { speaker: null, speakersDiffer: true }],
    ['a description naming another body: they differ', org, `"${words}," Senate press secretary Karine Jean-Pierre said.`, { speaker: null, speakersDiffer: true }],
  ] as const)('%s', (_name, a, b, want) => {
    const lang = a.includes('«') ? 'fr' : 'en';
    const [shared] = alignQuotes(a, extractQuotes(a, lang), b, extractQuotes(b, lang), lang);
    expect(shared).toMatchObject({ relation: 'exact', ...want });
  });
});

// One version quotes the words whole, the other splits them with an attribution: nothing is left
// out, the relation is `exact` (it was `truncated`, a false claim). Only the quotation right
// after (or before) it in the same paragraph, with no other speaker and no more words than the
// rest, completes it.
describe('a quotation split by an attribution is the whole quotation (issue 13)', () => {
  const whole = 'Gov. Ana Ruiz ordered the evacuation on Thursday. “If you are told to leave, leave. Do not wait,” Ruiz said at a news conference.';
  it.each([
    ['the rest after the attribution: exact', whole, 'Ruiz ordered three towns evacuated. “If you are told to leave, leave,” the governor pleaded with residents. “Do not wait.”', 'exact'],
    ['the first words before the attribution: exact', 'Gov. Ana Ruiz spoke on Thursday. “We have lost homes. If you are told to leave, leave,” Ruiz said.', 'Ruiz spoke on Thursday. “We have lost homes,” the governor said. “If you are told to leave, leave.”', 'exact'],
    ['the rest in the next paragraph: truncated', whole, 'Ruiz ordered three towns evacuated. “If you are told to leave, leave,” the governor pleaded with residents.\n\n“Do not wait.”', 'truncated'],
    ['the next quotation holds other words: truncated', whole, 'Ruiz ordered three towns evacuated. “If you are told to leave, leave,” the governor pleaded with residents. “Do not panic.”', 'truncated'],
    ['the next quotation is another speaker’s: truncated', whole, 'Ruiz ordered three towns evacuated. “If you are told to leave, leave,” the governor pleaded with residents. “Do not wait,” Chief Tom Hale added.', 'truncated'],
  ])('%s', (_name, textA, textB, relation) => {
    expect(relationOfFirst(textA, textB)).toBe(relation);
  });
});

// A version that quotes both ends of a quotation in two quotations, split by an attribution,
// left out the middle only: still `truncated`, the diff showing the middle alone as left out (it
// showed the first sentence too, which that version quotes beside), and no attribution in its text.
describe('a quotation split by an attribution with its middle left out (issue 13)', () => {
  const whole = 'Lopez laid out her plan. “We will not raise taxes on working families this year. We will invest in our schools and our roads, and we will protect the rainy day fund for the hard times ahead,” Lopez said.';
  const split = 'Lopez presented her budget. “We will not raise taxes on working families this year,” Lopez said. “We will protect the rainy day fund for the hard times ahead.”';
  const diffOf = (a: string, b: string) => {
    const shared = alignQuotes(a, extractQuotes(a, 'en'), b, extractQuotes(b, 'en'), 'en');
    expect(shared.map((q) => q.relation)).toEqual(['truncated']);
    return shared[0]!.diff.map((d) => [d.op, d.text.trim()] as const);
  };
  it('the whole against the split: the middle removed, both pieces the same', () => {
    expect(diffOf(whole, split).filter(([op]) => op !== 'same')).toEqual([['removed', 'invest in our schools and our roads, and we will']]);
  });
  it('the split against the whole: the middle added, no attribution in a piece', () => {
    const diff = diffOf(split, whole);
    expect(diff.filter(([op]) => op !== 'same')).toEqual([['added', 'invest in our schools and our roads, and we will']]);
    expect(diff.some(([, text]) => text.includes('Lopez said'))).toBe(false);
  });
});

// Words a paragraph opened by a dash gives are quoted by the dash (the press of Swedish, Norwegian,
// Danish, Finnish, and dialogue in French, Spanish, Italian, Portuguese): never "reused without
// quotation marks", the outlet's own text (it was `unquoted`, a false claim).
describe('words after a dialogue dash or a transcript’s label are not the outlet’s own text (issue 13)', () => {
  it.each([
    ['sv', 'a Swedish quotation after a dash', 'Svantesson talade i Stockholm. ”Hushållen har det tufft just nu och vi vill ge dem en lättnad”, sa Elisabeth Svantesson.', 'Finansministern presenterade förslaget.\n\n– Hushållen har det tufft just nu och vi vill ge dem en lättnad, sa hon på en presskonferens.', null],
    ['fr', 'a French dialogue dash', 'L’avocat est sorti. « Nous ferons appel de cette décision dès demain matin », a déclaré Me Paul Rocher.', 'L’avocat est sorti.\n\n— Nous ferons appel de cette décision dès demain matin, a dit Me Paul Rocher.', null],
    ['fr', 'as before: in the narration, unquoted', 'L’avocat est sorti. « Nous ferons appel de cette décision dès demain matin », a déclaré Me Paul Rocher.', 'L’avocat est sorti. Nous ferons appel de cette décision dès demain matin, a-t-il annoncé.', 'unquoted'],
    // So are the words of an interview's transcript, after its speaker's label.
    ['en', 'a transcript’s answer after the speaker’s label', 'Powell ruled out cuts. “Inflation is still too high, and we need to see more progress before we move,” Powell said.', 'Q: Are rate cuts coming this year?\n\nPOWELL: Not this year. Inflation is still too high, and we need to see more progress before we move.', null],
    ['fr', 'a French transcript’s answer after `R :`', 'Le ministre a tranché. « Nous ne toucherons pas aux retraites cette année, c’est une certitude », a-t-il dit.', 'Q : Allez-vous réformer les retraites ?\n\nR : Nous ne toucherons pas aux retraites cette année, c’est une certitude.', null],
  ])('%s: %s', (lang, _name, textA, textB, relation) => {
    expect(relationOfFirst(textA, textB, lang)).toBe(relation);
  });
});

// An outlet's house style changes no word the speaker said: `U.S.` / `US`, `it's` / `it is`,
// `5%` / `5 percent`, `five` / `5` are the same quotation (`exact`; it was `altered`, the diff
// showing `U.S.` → `US` as the speaker's words changed). A changed word beside them stays altered.
describe('house style is no alteration (issue 13)', () => {
  it.each([
    ['abbreviation dots and a contraction', '“It’s a disaster for the U.S. economy and for our workers,” she said.', '“It is a disaster for the US economy and for our workers,” she said.', 'exact'],
    ['a percent sign and the word', '“We lost 5% of our customers in two weeks,” the chief executive said.', '“We lost 5 percent of our customers in two weeks,” the chief executive said.', 'exact'],
    ['a number in words and in figures', '“We lost five of our biggest customers in two weeks,” the chief executive said.', '“We lost 5 of our biggest customers in two weeks,” the chief executive said.', 'exact'],
    ['`don’t` and `do not`', '“We don’t know when the plant will reopen for the workers,” the manager said.', '“We do not know when the plant will reopen for the workers,” the manager said.', 'exact'],
    ['as before: another word beside the style change stays altered', '“It’s a disaster for the U.S. economy and for our workers,” she said.', '“It is a catastrophe for the US economy and for our workers,” she said.', 'altered'],
    ['as before: `he’s` for `he has` is another word', '“He’s never managed anything close to the size of the Pentagon,” Reed said.', '“He has never managed anything close to the size of the Pentagon,” Reed said.', 'altered'],
  ])('%s', (_name, textA, textB, relation) => {
    expect(relationOfFirst(textA, textB)).toBe(relation);
  });
});
