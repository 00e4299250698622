/**
 * What the framing section shows (lib/framing/view.ts), as a specification on small texts and as
 * figures on the REPORTING half of BASIL 2010–2012 (tests/support/fixture-split.ts), the tuning half
 * printed beside it. `scripts/eval-framing.ts` prints the same figures.
 */
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../lib/quotes';
import { articleFraming, findActorMentions, type FramingInput } from '../../lib/framing';
import { framingView, type FramingView } from '../../lib/framing/view';
import { basilPairs, giletsPairs, readerAgreement, viewChecks, viewOf, wordChoiceVsBasil } from '../evals/framing';

const input = (text: string, lang = 'en', title: string | null = null): FramingInput => ({ title, text, language: lang, quotes: extractQuotes(text, lang) });
const view = (a: string, b: string, lang = 'en', titles: [string | null, string | null] = [null, null]): FramingView => {
  const pa = input(a, lang, titles[0]);
  const pb = input(b, lang, titles[1]);
  return framingView(pa, articleFraming(pa), { id: 7, title: pb.title, text: pb.text, language: lang }, pb);
};
const rows = (v: FramingView) => [...v.actors.shown, ...v.actors.more];
const words = (v: FramingView) => [...v.wordChoice.shown, ...v.wordChoice.more];

describe('actor rows: only a difference that carries meaning', () => {
  it.each([
    ['a longer or shorter form of the same name', 'President Barack Obama spoke. Obama’s plan was ready.', 'Obama spoke. Mr. Obama said his plan was ready.'],
    ['a possessive', "Fusion's Jorge Ramos asked Trump about it.", 'Jorge Ramos asked Donald Trump about it.'],
    ['an office', 'Barry Rand, the group’s chief executive, spoke.', 'AARP’s Barry Rand spoke.'],
  ])('no row for %s', (_, a, b) => {
    expect(rows(view(a, b))).toEqual([]);
  });

  it('shows a charged lexicon label against a neutral one, with both sides’ labels and offsets', () => {
    const a = 'Le régime de Damas a bombardé Alep.';
    const b = 'Le gouvernement syrien a bombardé Alep.';
    const [row] = rows(view(a, b, 'fr'));
    expect(row).toMatchObject({ reason: 'connotation', page: [{ text: 'régime de Damas' }], other: [{ text: 'gouvernement syrien' }] });
    expect(a.slice(row!.page[0]!.start, row!.page[0]!.end)).toBe('régime de Damas');
  });

  it('shows a qualifier (a hedge and scare quotes) first', () => {
    const v = view('Le sort de la prétendue «opposition modérée» divise. Le régime de Damas résiste.', 'Le sort des rebelles divise. Le gouvernement syrien résiste.', 'fr');
    expect(rows(v).map((r) => r.reason)).toEqual(['qualifier', 'connotation']);
  });

  it('shows beside a side’s own label the qualified labels both sides share (each keeps a distance)', () => {
    const v = view('La prétendue «opposition modérée» refuse le plan.', 'Les rebelles « modérés » refusent le plan. L’opposition négocie à Genève.', 'fr');
    const [row] = rows(v);
    expect(row).toMatchObject({ reason: 'qualifier', page: [{ text: 'prétendue «opposition modérée»' }] });
    expect(row!.other.map((l) => l.text)).toEqual(['opposition', 'rebelles « modérés »']);
  });

  it('never makes an actor of a date, and splits a possessive off a name', () => {
    const names = findActorMentions("Tuesday's Nevada caucuses went to Romney. Univision's Jorge Ramos asked.", 'en').map((m) => m.text);
    expect(names).toEqual(expect.arrayContaining(['Nevada', 'Romney', 'Jorge Ramos']));
    expect(names.filter((n) => /Tuesday|['’]s\b/u.test(n))).toEqual([]);
  });
});

describe('word choice: where both tell the same thing', () => {
  const a = 'Senator John Smith slammed the farm bill on Monday in Washington, calling it a disaster for farmers in Iowa.';
  const b = 'Senator John Smith said on Monday in Washington that the farm bill was a disaster for farmers in Iowa.';
  it('shows a charged verb of saying with the neutral verb the other version uses, spans into both texts', () => {
    const [w] = words(view(a, b));
    expect(w).toMatchObject({ side: 'page', kind: 'saying', sense: 'attack', word: { text: 'slammed' }, neutral: { text: 'said' } });
    expect(a.slice(w!.word.start, w!.word.end)).toBe('slammed');
    expect(b.slice(w!.counterpart!.start, w!.counterpart!.end)).toBe(b);
  });
  it.each([
    ['the other version judges too', a, a.replace('slammed', 'blasted')],
    ['the sentences tell different things', a, 'The weather in Iowa was mild on Monday, and the harvest of corn went on.'],
    ['the word is inside a quotation', 'Senator John Smith called the farm bill “a shameful disaster” on Monday in Washington for farmers in Iowa.', b],
    ['the other version judges the same way in the sentence before', a, `Senator John Smith of Iowa slammed the bill. ${b}`],
    ['the neutral verb of the counterpart reports something else',
      'Chief executive Jim Vena admitted the talks had been "difficult" but said the walkout was "reckless and unnecessary."',
      'Union Pacific CEO Jim Vena called the walkout "reckless and unnecessary" and said the railroad had offered a 24% raise over five years.'],
  ])('shows nothing when %s', (_, x, y) => {
    expect(words(view(x, y))).toEqual([]);
  });
  it('shows the charged verb when the neutral one reports the same words, another verb of saying in the sentence', () => {
    const x = 'Chief executive Jim Vena admitted the talks had been "difficult" but said the walkout was "reckless and unnecessary."';
    const y = 'Union Pacific CEO Jim Vena said the talks had been "difficult" and called the walkout "reckless and unnecessary."';
    expect(words(view(x, y)).map((w) => [w.word.text, w.neutral.text])).toEqual([['admitted', 'said']]);
  });
  it('(fr) shows nothing when the page minimises in the sentence before the one the other version tells', () => {
    const x = "Le chiffre de 50 000 manifestants a été annoncé sur LCI par le ministre de l'Intérieur Christophe Castaner. Ce dernier a minimisé la portée de ce chiffre. \"Ce mouvement n'est pas représentatif de la France\", a déclaré le ministre, qui a également condamné les heurts.";
    const y = "L'acte VIII a rassemblé 50 000 personnes samedi, a annoncé sur LCI le ministre de l'Intérieur, tout en minimisant la portée de ce chiffre. «Ce mouvement n'est pas représentatif de la France», a déclaré Christophe Castaner, qui a également condamné les heurts.";
    expect(words(view(x, y, 'fr'))).toEqual([]);
  });

  // A long sentence aligns with a counterpart that tells only its first clause: the word's own clause must be told there too.
  const clause = {
    en: ['Senator John Smith of Iowa met farmers and ranchers in Des Moines on Monday to discuss the farm bill, and later that evening, at a noisy rally of his supporters in a downtown hotel ballroom, he insisted that the state’s ethanol subsidies would survive any budget cuts next year.',
      'Senator John Smith of Iowa met farmers and ranchers in Des Moines on Monday to discuss the farm bill.',
      'Senator John Smith of Iowa met farmers in Des Moines on Monday, and at a rally he said that the state’s ethanol subsidies would survive any budget cuts next year.', 'insisted', 'said'],
    fr: ['Le ministre Gérald Darmanin a rencontré les maires de la région à Lille lundi pour parler du budget, puis, devant ses partisans réunis le soir, il a martelé que les subventions aux communes ne baisseraient pas.',
      'Le ministre Gérald Darmanin a rencontré les maires de la région à Lille lundi pour parler du budget.',
      'Le ministre Gérald Darmanin a rencontré les maires à Lille lundi, puis devant ses partisans il a déclaré que les subventions aux communes ne baisseraient pas.', 'martelé', 'déclaré'],
  } as const;
  it.each(Object.entries(clause))('(%s) shows a word only when the counterpart tells its own clause, not another clause of its sentence', (lang, [x, otherClause, sameClause, word, neutral]) => {
    expect(words(view(x, otherClause, lang))).toEqual([]);
    expect(words(view(x, sameClause, lang)).map((w) => [w.word.text, w.neutral?.text])).toEqual([[word, neutral]]);
  });
});

// The words of a charged verb of saying also tell things: a car hitting a tree, a storm killing, a
// patient taken in. Said of a thing, they report no words (a made-up pair showed two such items
// beside the other's `said`); said of someone, they still do.
describe('word choice: a verb of saying used of a thing is no item', () => {
  it.each([
    ['a body moving', 'One driver died when his car slammed into a tree near Dayton on Tuesday, police said.', 'One driver died after his car hit a tree near Dayton on Tuesday, police said.', []],
    ['a thing as subject', 'The storm claimed the lives of two children in Springfield on Tuesday, officials said.', 'The storm killed two children in Springfield on Tuesday, officials said.', []],
    ['a passive with no one after it', 'Twelve people in Dayton were admitted to hospital with injuries on Tuesday, officials said.', 'Twelve people in Dayton were taken to hospital with injuries on Tuesday, officials said.', []],
    ['as before: a title as subject', 'The governor of Ohio slammed the storm response in Dayton on Tuesday as far too slow, officials said.', 'The governor of Ohio said the storm response in Dayton on Tuesday was far too slow, officials said.', [['slammed', 'said']]],
    ['as before: a passive with its agent', 'The storm response in Dayton was slammed by Governor Mike DeWine on Tuesday as far too slow.', 'Governor Mike DeWine said the storm response in Dayton on Tuesday was far too slow.', [['slammed', 'said']]],
  ] as const)('%s', (_, a, b, want) => {
    expect(words(view(a, b)).map((w) => [w.word.text, w.neutral.text])).toEqual(want);
  });
  it.each([
    ['(fr) a state recognised, no concession', "Le président Emmanuel Macron a reconnu lundi l'Etat de Palestine à la tribune des Nations unies à New York, a indiqué l'Elysée.", "Le président Emmanuel Macron a officialisé lundi la reconnaissance de l'Etat de Palestine à la tribune des Nations unies à New York, a annoncé l'Elysée.", []],
    ['(fr) as before: a fault owned up to', "Le président Emmanuel Macron a reconnu lundi des erreurs dans la gestion de la crise à New York, devant les Nations unies.", "Le président Emmanuel Macron a déclaré lundi que des erreurs avaient été commises dans la gestion de la crise à New York, devant les Nations unies.", [['reconnu', 'déclaré']]],
  ] as const)('%s', (_, a, b, want) => {
    expect(words(view(a, b, 'fr')).map((w) => [w.word.text, w.neutral.text])).toEqual(want);
  });
});

describe('word choice: a loaded word the other version does not tell is not shown', () => {
  // Three sentences both tell (the same event), and one only the page tells: its loaded words
  // have no counterpart, and a reader agreed with too few such items for the panel (lib/framing/word-choice).
  const shared = 'The Senate voted 60 to 40 on Tuesday to pass the farm bill in Washington. Senator John Smith of Iowa led the debate on the farm bill for the Democrats. The House of Representatives will take up the farm bill next week in a vote on Thursday.';
  it.each([
    ['an evaluative word', ' Republicans in the Senate staged a shameless stunt to delay the vote on the budget.'],
    ['a charged verb of saying', ' Senator Jane Roe slammed the Republicans for the delay of the vote on the budget.'],
  ])('%s in a sentence only the page tells', (_, extra) => {
    expect(words(view(shared + extra, shared))).toEqual([]);
  });
  it('shows the charged verb of saying beside its counterpart in the same pair', () => {
    const a = shared + ' Senator John Smith slammed the farm bill on Monday in Washington, calling it a disaster for farmers in Iowa.';
    const b = shared + ' Senator John Smith said on Monday in Washington that the farm bill was a disaster for farmers in Iowa.';
    expect(words(view(a + ' Republicans in the Senate staged a shameless stunt to delay the vote on the budget.', b)).map((w) => [w.word.text, w.neutral.text])).toEqual([['slammed', 'said']]);
  });
});

describe('scare quotes, who speaks, headlines', () => {
  it('shows words one version keeps at a distance and the other uses plainly, not a title nor a figure', () => {
    const v = view('Ils visent une opposition «modérée» au nord de la Syrie, selon Moscou et Damas.', 'Ils visent une opposition modérée au nord de la Syrie, selon Moscou et Damas.', 'fr');
    expect([...v.scareQuotes.shown, ...v.scareQuotes.more].map((s) => [s.side, s.quote.text, s.plain.text])).toEqual([['page', '«modérée»', 'modérée']]);
    const t = view('He spoke on "Meet the Press" about the «70 %» share in Iowa on Sunday morning.', 'He spoke on Meet the Press about the 70 % share in Iowa on Sunday morning.');
    expect(t.scareQuotes).toEqual({ shown: [], more: [] });
  });

  it.each([
    ['two words or more the other writes plainly in a sentence telling something else: shown',
      'House Democrats on Friday narrowly passed a sweeping ban on so-called "assault weapons," a move critics slammed as a gun grab.',
      'The House voted 217-213 on Friday. It is the first vote to ban assault weapons since 1994.', [['page', '"assault weapons,"', 'assault weapons']]],
    ['one word the other writes plainly in a sentence telling something else: not shown',
      'Critics called the plan "reckless" on Friday as the House voted on the border bill.',
      'The House voted on Friday. Some driving on the highway was reckless, police said.', []],
  ])('scare quotes: %s', (_name, a, b, want) => {
    const v = view(a, b);
    expect([...v.scareQuotes.shown, ...v.scareQuotes.more].map((x) => [x.side, x.quote.text, x.plain.text])).toEqual(want);
  });

  it('lists name-like sources only: no dateline, no pronoun, a title resolved to the name the article gives it', () => {
    const v = view(
      'WASHINGTON — President Barack Obama met farmers. "We will act," the president said. "It is late," said Jane Doe, a farmer.',
      'WASHINGTON — Farmers met in Iowa. "We want help," said Tom Roe, a farmer.',
    );
    expect(v.sources).toEqual({ onlyPage: ['Barack Obama', 'Jane Doe'], onlyOther: ['Tom Roe'], both: [] });
  });

  // A first name and its particle (`de`, `du`) are one name; a place or an office after `of` is not
  // part of it; a title before a name (`Justice`, `Prime Minister`) is no part of a longer name, and is not shown.
  it.each([
    ['en', '“We will keep coming back,” said Lisa de Vries, a spokeswoman for the group.', '“We will keep coming back,” spokeswoman Lisa de Vries insisted on Saturday.', { onlyPage: [], onlyOther: [], both: ['Lisa de Vries'] }],
    ['fr', '« Nous resterons unis », a déclaré Dominique de Villepin mardi.', 'Les députés ont voté mardi la motion.', { onlyPage: ['Dominique de Villepin'], onlyOther: [], both: [] }],
    ['en', '“We will win,” said Rick Perry of Texas on Monday.', 'The governor spoke on Monday.', { onlyPage: ['Rick Perry'], onlyOther: [], both: [] }],
    ['en', 'Justice Elena Kagan, in a dissent, accused the majority of exceeding “its proper role.”', 'In a dissent, Justice Elena Kagan warned that the court had exceeded “its proper role.”', { onlyPage: [], onlyOther: [], both: ['Elena Kagan'] }],
    ['en', 'Prime Minister Dick Schoof called the blockade “irresponsible and dangerous.”', '“It is irresponsible and dangerous,” said Prime Minister Dick Schoof on Saturday.', { onlyPage: [], onlyOther: [], both: ['Dick Schoof'] }],
  ] as const)('%s: who speaks, particles kept: %s', (lang, a, b, want) => {
    expect(view(a, b, lang).sources).toEqual(want);
  });

  it('gives the headline difference as data for the panel to name the outlets, and none for Title Case headlines', () => {
    const fr = view('Barack Obama propose un partenariat à Vladimir Poutine.', 'Vladimir Poutine et Barack Obama ont parlé.', 'fr', ['Obama propose un partenariat à la Russie', 'Poutine et Obama s\'accordent sur la Syrie']);
    expect(fr.headlines.note).toMatchObject({ kind: 'joint', joint: 'other', subject: ['Poutine', 'Obama'], actor: ['Obama'] });
    const en = view('Barack Obama met John Boehner.', 'Barack Obama met John Boehner.', 'en', ['Michael Steele Criticized For Afghanistan Comments', 'GOP Senators Keep Pressure On Steele']);
    expect(en.headlines.note).toBeNull();
  });

  // A kicker (`Syrie :`, `Gaza:`) names the topic; the subject is after it.
  it.each([
    ['fr', 'the subject after a kicker is a subject', 'Vladimir Poutine et Barack Obama se sont parlé mercredi.', 'Vladimir Poutine a appelé Barack Obama mercredi.',
      ['Syrie : Poutine et Obama veulent coordonner leurs frappes', 'Poutine appelle Obama à coordonner les frappes en Syrie'], { kind: 'joint', joint: 'page', subject: ['Poutine', 'Obama'], actor: ['Poutine'] }],
    ['en', 'both after their kickers: the same subject, nothing to say', 'Benjamin Netanyahu rejected the plan on Monday.', 'Benjamin Netanyahu said no to the plan on Monday.',
      ['Gaza: Netanyahu rejects ceasefire plan', 'Mideast: Netanyahu turns down truce offer'], null],
    ['fr', 'a colon before a quotation is no kicker: the one quoted', 'Vladimir Poutine a parlé mercredi avec Barack Obama.', 'Vladimir Poutine a parlé mercredi avec Barack Obama.',
      ['Poutine : « Nous voulons coordonner nos frappes »', 'Poutine : « Nous voulons coordonner nos frappes »'], null],
  ] as const)('%s: %s', (lang, _name, a, b, titles, note) => {
    const v = view(a, b, lang, [...titles]);
    if (note === null) expect(v.headlines.note).toBeNull();
    else expect(v.headlines.note).toMatchObject(note);
  });
});

describe('on BASIL 2010–2012 pairs (reporting half; tuning half printed)', () => {
  const pairs = basilPairs();
  const half = (h: 'tuning' | 'reporting') => pairs.filter((p) => p.half === h).map(viewOf);
  const checks = { tuning: viewChecks(half('tuning')), reporting: viewChecks(half('reporting')) };
  const wc = { tuning: wordChoiceVsBasil(half('tuning')), reporting: wordChoiceVsBasil(half('reporting')) };
  console.log('framing checks', JSON.stringify({ tuning: { ...checks.tuning, nameFormRows: checks.tuning.nameFormRows.length }, reporting: { ...checks.reporting, nameFormRows: checks.reporting.nameFormRows.length } }));
  console.log('word choice vs BASIL lexical bias', JSON.stringify({ tuning: { ...wc.tuning, unannotated: wc.tuning.unannotated.length }, reporting: { ...wc.reporting, unannotated: wc.reporting.unannotated.length } }));
  const r = checks.reporting;

  it('splits the 30 triplets into two halves of pairs', () => {
    expect(pairs).toHaveLength(90);
    expect(checks.tuning.pairs + r.pairs).toBe(90);
    expect(Math.min(checks.tuning.pairs, r.pairs)).toBeGreaterThanOrEqual(30);
  });
  it('shows no row that differs only by the form of a name (≤ 5%)', () => {
    expect(r.nameFormRows.length).toBeLessThanOrEqual(0.05 * Math.max(r.rows, 1));
  });
  it('finds no actor that is a date or carries a possessive, shown or not', () => {
    expect(r.datedOrPossessiveAll).toEqual([]);
    expect(r.datedOrPossessiveShown).toEqual([]);
  });
  it('lists who speaks with at most 2% fragments', () => {
    expect(r.sources).toBeGreaterThan(50);
    expect(r.sourceFragments.length).toBeLessThanOrEqual(0.02 * r.sources);
  });
  it('shows no scare quote that is a title or a figure (≤ 5%)', () => {
    expect(r.scareTitlesOrFigures.length).toBeLessThanOrEqual(0.05 * Math.max(r.scareQuotes, 1));
  });
  it('sets the framing beside the other version in every BASIL pair (the report, as `cli compare` prints it)', () => {
    expect(checks.tuning.withFraming + r.withFraming).toBe(90);
  });
  it('points at BASIL lexical-bias spans with word-choice items (floor at the measured figures, far below the issue\'s recall target)', () => {
    // Measured at the time of writing: see the printed lines. The recall target (≥ 0.4) is
    // not met: the panel shows a charged verb of saying only beside the neutral verb of a
    // counterpart; of the reporting half's spans 17% hold a word of the lexicon at all and 28% lie
    // in a sentence aligned with another version (`reach`). Loaded words without a counterpart
    // reached 14% (reporting) but a reader agreed with 79% of them: left out (lib/framing/word-choice).
    expect(wc.reporting.located).toBeGreaterThan(50);
    expect(wc.tuning.recalled + wc.reporting.recalled).toBeGreaterThanOrEqual(1);
  });
  it('shows word-choice rows that are right by the annotations plus a hand check (≥ 0.9; every row judged)', () => {
    for (const h of [wc.tuning, wc.reporting]) {
      expect(h.rowsUnjudged).toEqual([]);
      expect(h.rowsRight).toBeGreaterThanOrEqual(0.9 * h.rows);
    }
    expect(wc.tuning.rows + wc.reporting.rows).toBeGreaterThanOrEqual(10);
  });
  it('shows rows a reader agrees with (hand labels, tests/expected/framing/reader-labels.json)', () => {
    const rep = readerAgreement('reporting');
    const all = readerAgreement();
    console.log('reader agreement', JSON.stringify({ reporting: rep, tuning: readerAgreement('tuning'), all: { judged: all.judged, agreed: all.agreed } }));
    expect(all.judged).toBeGreaterThanOrEqual(100);
    expect(rep.unlabelled).toEqual([]);
    expect(rep.agreed / rep.judged).toBeGreaterThanOrEqual(0.9);
    expect(all.agreed / all.judged).toBeGreaterThanOrEqual(0.85);
    // It computes the views of the 18 gilets-jaunes pairs: 28–52 s on the shared 2-core machine under load, over the 30 s default.
  }, 120_000);
});

describe('on gilets-jaunes same-event pairs (French)', () => {
  it('finds no dated actor, fragment or title among what it shows', () => {
    const c = viewChecks(giletsPairs().map(viewOf));
    expect(c.pairs).toBeGreaterThanOrEqual(15);
    expect(c.datedOrPossessiveShown).toEqual([]);
    expect(c.sourceFragments.length).toBeLessThanOrEqual(0.05 * c.sources);
    expect(c.scareTitlesOrFigures).toEqual([]);
  });
});
