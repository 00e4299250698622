/** Stance items, sources, omissions and headlines on small hand-written texts (not the seeds). */
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../quotes';
import { articleFraming, compareFraming, findActorMentions, findOmissions, findSources, findStance } from '..';
import { framingView, scareQuotes } from '../view';

/** The framing view of text `a` (the page) beside `b`, as the panel shows it. */
const pairView = (a: string, b: string, lang: string) => {
  const pa = { title: null, text: a, language: lang, quotes: extractQuotes(a, lang) };
  return framingView(pa, articleFraming(pa), { id: 2, title: null, text: b, language: lang }, { quotes: extractQuotes(b, lang) });
};
const stance = (text: string, lang = 'fr') => findStance(text, lang, extractQuotes(text, lang)).map((s) => [s.kind, s.text]);

describe('findStance', () => {
  it.each([
    ['journalistic conditional', 'Les Etats-Unis auraient transmis un texte à Moscou.', [['conditional', 'auraient transmis']]],
    ['conditional with an adverb', 'Le convoi aurait déjà quitté la ville.', [['conditional', 'aurait déjà quitté']]],
    ['future in the past is not a hedge', 'Ils sont convenus que les services renforceraient leur coopération.', []],
    ['"a dit" is saying, not a hedge', "Le ministre a dit à l'AFP qu'il viendrait.", []],
    ['"dites" before an adjective', 'Les factions dites modérées sont concernées.', [['hedge', 'dites']]],
    ['hedge word', 'Le prétendu accord reste secret.', [['hedge', 'prétendu']]],
    ['according to, with its source', 'Selon Moscou, la trêve tient.', [['attribution', 'Selon Moscou']]],
    ['"selon laquelle" is a relative, not an attribution', 'Une information selon laquelle la trêve tient.', []],
    ['scare quote', 'Ils visent une opposition «normale».', [['scare', '«normale»']]],
  ])('%s', (_, text, want) => {
    expect(stance(text)).toEqual(want);
  });

  it('English hedges (Hyland) and epistemological words (Recasens et al.)', () => {
    expect(stance('The senator reportedly met the so-called moderates.', 'en')).toEqual([['hedge', 'reportedly'], ['hedge', 'so-called']]);
  });

  it('ignores the hedges inside a reported quotation (the speaker\'s, not the outlet\'s)', () => {
    expect(stance('« Ce prétendu accord est mort », a déclaré le ministre.')).toEqual([]);
  });
});

describe('findSources', () => {
  const sources = (text: string) => {
    const quotes = extractQuotes(text, 'fr');
    return findSources(text, 'fr', quotes, findActorMentions(text, 'fr', quotes)).map((s) => s.name);
  };
  it.each([
    ['speaker of a quotation', '« Nous resterons », a déclaré Sergueï Lavrov.', ['Sergueï Lavrov']],
    ['selon', 'Selon le Washington Post, un accord est proche.', ['Washington Post']],
    ['inverted subject of a report verb', "Un accord est proche, rapporte Jean Dupont, journaliste.", ['Jean Dupont']],
    ['agent of a description', 'Cet homme, présenté par le FBI comme un photographe, est libre.', ['FBI']],
  ])('%s', (_, text, want) => {
    expect(sources(text)).toEqual(want);
  });
  // Who speaks, never where, to whom or about what it was said, nor a name inside a description (issue 13, walked on BASIL and gilets-jaunes pairs).
  it.each([
    ['en', 'the topic after a sentence-initial participle', 'Asked about the Bridgeport rally, he said: “We were wrong.”', [], ['Bridgeport']],
    ['en', 'the channel after a preposition', 'David Axelrod, the president’s adviser, said on CNN that the deal would pass.', [], ['CNN']],
    ['en', 'whom it was told to, after an incise', 'Jane Roe, a spokeswoman for the mayor, told the Daily Ledger that the plan was dead.', [], ['Daily Ledger']],
    ['en', 'whom it was told to: a channel', 'Jane Roe, a spokeswoman for the mayor, told CNN that the plan was dead.', [], ['CNN']],
    ['en', 'a name inside the subject', 'All we have heard, the Fox News host complained, is “we need a big tent.”', [], ['Fox News']],
    ['fr', 'another sense of a verb of saying', 'Le président Emmanuel Macron poursuit sa tournée à travers la France.', [], ['Emmanuel Macron']],
    ['fr', 'an agent of another sense', 'Le grand débat lancé par le président Emmanuel Macron commence.', [], ['Emmanuel Macron']],
    ['fr', 'the same verb saying something', '«Nous irons partout», poursuit Emmanuel Macron.', ['Emmanuel Macron'], []],
    ['en', 'a title in quotation marks after a participle', 'Mr. Dale also praised the novelist Iris Vane, saying “Silver Harbor” shaped his views.', [], ['Silver Harbor']],
    ['en', 'what a participle introduces', 'The aide challenged the story, insisting that the Treasury never offered Mr. Lott the post.', [], ['Treasury']],
    ['en', 'a name qualifying the speaker after an inverted verb', '“We have votes on the calendar,” said the Liberal staffer, noting the delay.', [], ['Liberal']],
    ['en', 'a name after a preposition before a noun of saying', 'Their plan gives no concessions to Labour demands for higher wages.', [], ['Labour']],
    ['en', 'a name after a preposition before a verb', 'One insider who had direct contact with Mr. Vale told the Daily Ledger that he would run.', [], ['Mr. Vale', 'Vale']],
    ['fr', 'a place run into the speaker after an inverted verb', "«C'est du flan», a regretté samedi à Toulouse Ludovic Martin, 40 ans, venu d'Albi.", ['Ludovic Martin'], ['Toulouse Ludovic Martin']],
    ['en', 'a name ending the speaker’s after a preposition: the whole name speaks', 'Parents for School Choice, a group that backed the bill, called the veto “a betrayal of working families.”', ['Parents for School Choice'], ['School Choice']],
    ['fr', 'likewise in French', "« C'est une trahison », a réagi l'Association des Maires de France.", [], ['Maires de France']],
    ['nl', 'a name then its party after a preposition: the name speaks', '"Dit is een druppel op een gloeiende plaat", zei Kamerlid Jimmy Dijk van de SP.', ['Kamerlid Jimmy Dijk'], ['SP']],
    ['en', 'likewise in English', '“This is a drop in the ocean,” said Senator Tom Reyes of the Labor Party.', ['Senator Tom Reyes'], ['Labor Party']],
    ['en', 'as before: a title before the name', '“We will be back,” said Senate Majority Leader Tom Brandt.', ['Senate Majority Leader Tom Brandt'], []],
    ['en', 'as before: a title in a lexicon actor’s label', '“We will get it done,” President Obama said on Monday.', ['President Obama'], ['Obama']],
  ] as const)('%s: %s', (lang, _, text, want, never) => {
    const quotes = extractQuotes(text, lang);
    const names = findSources(text, lang, quotes, findActorMentions(text, lang, quotes)).map((s) => s.name);
    for (const n of want) expect(names).toContain(n);
    for (const n of never) expect(names).not.toContain(n);
  });

  it('takes no inverted subject after a verb that is not in an incise', () => {
    expect(sources('La Russie exige que les Etats-Unis demandent aux rebelles de partir.')).not.toContain('rebelles');
  });
});

describe('findOmissions', () => {
  /** An article as findOmissions reads it: its quotations and actor mentions, and its headline when given. */
  const doc = (text: string, lang = 'fr', title?: string) => ({ text, title, language: lang, quotes: extractQuotes(text, lang), mentions: findActorMentions(text, lang) });
  it('lists the statements with no counterpart, most carrying first, with exact spans', () => {
    const a = 'Le Kremlin a annoncé un accord militaire avec Washington sur la Syrie. Le conflit a fait plus de 280.000 morts selon une ONG basée à Londres.';
    const b = 'Washington et le Kremlin ont annoncé un accord militaire sur la Syrie. John Kerry a salué la trêve de 72 heures décrétée par Damas.';
    const o = findOmissions(doc(a), doc(b));
    expect(o.onlyA.map((s) => a.slice(s.start, s.end).trim())).toEqual(['Le conflit a fait plus de 280.000 morts selon une ONG basée à Londres.']);
    expect(o.onlyB.map((s) => b.slice(s.start, s.end).trim())).toEqual(['John Kerry a salué la trêve de 72 heures décrétée par Damas.']);
    expect(o.onlyA[0]!.carries.figures).toEqual(['280.000']);
    expect(o.onlyB[0]!.carries.actors).toEqual(['John Kerry', 'Damas']);
  });

  // A statement holding a quotation the other version gives (whole, cut or reworded) is told by both: never "left out".
  it.each([
    ['the other gives the first sentence of the quotation',
      '“Her conduct shames the whole county council. It is bad enough that she backed the toll plan and the parking fees, but shoving a volunteer at the harbor festival crosses every line.” The clinic reopens in May after repairs costing forty thousand dollars.',
      'Voters reacted sharply on Friday. “Her conduct shames the whole county council,” said Ned Park, a party official. The mayor will meet the volunteer next week to discuss the incident.'],
    ['the other gives the quotation in its own sentence, reworded',
      'The Harbor Group issued its own resolution against the union, accusing the labour body of acting as a “partisan political attack dog” and asking regulators to review its charter.',
      'The group drafted a statement condemning the union as a “partisan attack dog organization.” Regulators were asked to look again at the charter.'],
    ['the other gives the quotation inside its own words',
      '“Dear colleagues, please join me for a private evening call,” Ms. Vance wrote in a message to the board, which was shown to reporters by a member.',
      'In the note, she asked the members to join her “for a private evening call” on Monday.'],
    ['the other gives the same words, too few for the quotations to be compared',
      'Mayor Ellen Price said on Monday that the parking fees approved by the council in March were “a real disgrace.”',
      'Residents who packed the hall on Tuesday booed the plan for an hour. The mayor told them before the vote that the downtown charges were “a real disgrace.”'],
    ['the other holds the same words in a row, inside a quotation of this one or a scare quote of its own',
      'The union leader told a rally in the harbor district on Friday that the new contract was “a shameful betrayal.”',
      'Dockers marched on Friday. The union chief talked of a “shameful betrayal” as the talks broke down.'],
    ['the other gives the quotation’s opening words, a few of many',
      'The fire chief urged residents of the nearby towns to “stay at home and follow strictly every instruction of the crews on the ground.”',
      'The fire has burned since Tuesday. Residents were told to “stay at home” until further notice.'],
    ['the other gives its words in another grammatical form, inside a longer quotation',
      'A reporter approached the congressman outside the county courthouse late in the afternoon, filming with a small camera, and asked whether he “fully supported the mayor’s housing agenda” minutes before the scuffle began.',
      '“Hi, Congressman. How are you today? Do you fully support the mayor’s housing agenda?” the student can be heard asking on the tape.'],
    ['the other gives its closing words, a few of many',
      'The mayor said the cuts would “take away from working parents across this county the one service they count on every day.”',
      'The budget was passed on Monday. Parents stand to lose, she said, “the one service they count on every day.”'],
  ])('%s', (_name, a, b) => {
    const o = findOmissions(doc(a, 'en'), doc(b, 'en'));
    const quoted = extractQuotes(a, 'en').filter((q) => q.kind === 'reported');
    expect(quoted.length).toBeGreaterThan(0);
    expect(o.onlyA.filter((s) => quoted.some((q) => q.start < s.end && s.start < q.end))).toEqual([]);
  });

  it('lists no statement whose figures the other gives in a sentence sharing a share of its words: the same fact told otherwise', () => {
    const a = 'O ministro da Fazenda, Fernando Haddad, anunciou nesta terça-feira um pacote de 50 bilhões em crédito para a indústria. Economistas da Fundação Getulio Vargas se dividiram sobre o impacto fiscal.';
    const b = 'O governo federal lançou um programa de 50 bilhões em crédito para a indústria, com recursos do banco público.';
    expect(findOmissions(doc(a, 'pt'), doc(b, 'pt')).onlyA.map((s) => s.text)).toEqual(['Economistas da Fundação Getulio Vargas se dividiram sobre o impacto fiscal.']);
  });

  // Sentences are compared by their words: a statement is listed only with something the other
  // version nowhere mentions (a name, a figure, a month or weekday, a quotation), marked.
  it.each([
    ['en', 'a reaction told in other words: nothing marked, not listed',
      'Ms. Vance slammed the ruling as unfair and vowed to keep fighting for the tenants.',
      'Ms. Vance said the judges had got it badly wrong. The tenants will appeal.', []],
    ['en', 'a date told in other words: the month is in both',
      'Repayments are set to resume in October after a pause of more than three years.',
      'Borrowers must start paying back their loans in October, ending the long freeze.', []],
    ['en', 'a name and a quotation the other never gives',
      'Council leader Bram Okafor called the plan “a gift to the landlords.”',
      'The council voted the housing plan on Tuesday after a long debate.', [['leader Bram Okafor', 'a gift to the landlords.']]],
    ['en', 'a figure the other never gives',
      'The court struck down the plan to cancel $400 billion in student debt.',
      'The justices blocked the relief program on Friday, a blow to borrowers.', [['400']]],
    ['it', 'a name holding a figure: one mark',
      'Il Movimento 5 Stelle ha votato contro il decreto sulle concessioni balneari, giudicato troppo timido.',
      'La Camera ha approvato il decreto con 180 voti favorevoli dopo una lunga seduta notturna.', [['Movimento 5 Stelle']]],
    ['fr', 'a month the other never gives',
      "En juin, l'exécutif avait déjà tenté de faire passer une première version du texte, abandonnée faute de majorité.",
      'Le gouvernement présente mardi sa réforme des retraites devant les députés. Les syndicats appellent à la grève.', [['juin']]],
    ['en', 'a name the name finder splits at `for the`, the other naming it by its initials',
      'Delegates of the National Association for the Advancement of Rural Workers backed the strike on Friday after a long debate.',
      'On Friday the NAARW voted to back the strike, its leaders said.', []],
    ['fr', 'a figure the other writes with other thousands separators',
      "Environ 12'400 manifestants ont défilé dans les rues de la ville sous une pluie battante, selon la préfecture.",
      'La préfecture a compté 12 400 personnes dans le cortège.', []],
    ['fr', '…not another figure',
      "Environ 12'400 manifestants ont défilé dans les rues de la ville sous une pluie battante, selon la préfecture.",
      'La préfecture a compté 12 000 personnes dans le cortège.', [["12'400"]]],
    ['fr', '…nor a number run into a word',
      'Au moins 17 gendarmes ont été blessés lors des heurts près du rond-point, selon la préfecture.',
      'La mobilisation #17Novembre a été marquée par des heurts, selon la préfecture.', [['17']]],
    ['en', 'a day of the month the other gives as an ordinal',
      'Though the Dec. 14 hearing is formally run by the energy committee, the senator quickly became its public face after the pipeline vote.',
      'The senator announced on Monday that he would skip his own Dec. 14th hearing.', []],
    ['fr', 'as before, the other giving that month too',
      "En juin, l'exécutif avait déjà tenté de faire passer une première version du texte, abandonnée faute de majorité.",
      'Le gouvernement présente mardi sa réforme des retraites, annoncée en juin. Les syndicats appellent à la grève.', []],
  ] as const)('%s: %s', (lang, _name, a, b, want) => {
    const listed = findOmissions(doc(a, lang), doc(b, lang)).onlyA;
    expect(listed.map((s) => s.absent.map((x) => s.text.slice(x.start, x.end)))).toEqual(want);
  });

  // A quotation the other version has the same person say: a piece of it quoted, or its words
  // told in one sentence naming that person. Another person saying them is no such thing.
  const harlow = '“Somebody broke into my account and posted that picture as a cruel prank,” Mr. Harlow, a Democrat first elected in 2004, told reporters crowding the hallway outside his office.';
  const vernier = '« Les usagers qui partent en vacances ne doivent pas être pris en otage par une minorité de grévistes », a déclaré jeudi le ministre des Transports Paul Vernier sur une radio régionale.';
  it.each([
    ['fr', 'the other quotes a piece of it from the same person', vernier,
      'Le ministre Paul Vernier a dénoncé dimanche une « prise d’otages » des voyageurs.', []],
    ['fr', '…not from another person', vernier,
      'Le syndicaliste Marc Olier a dénoncé dimanche une « prise d’otages » des voyageurs.',
      [['Les usagers qui partent en vacances ne doivent pas être pris en otage par une minorité de grévistes', 'jeudi', 'Transports Paul Vernier']]],
    ['en', 'the other tells its words in a sentence naming the same person', harlow,
      'Harlow insisted that somebody had broken into his account to post the picture, calling it a prank.', []],
    ['en', '…not in a sentence naming another person', harlow,
      'Police chief Dana Ruiz said somebody had broken into the account to post the picture, calling it a prank.',
      [['Somebody broke into my account and posted that picture as a cruel prank', 'Harlow', 'Democrat', '2004']]],
  ] as const)('%s: %s', (lang, _name, a, b, want) => {
    const listed = findOmissions(doc(a, lang), doc(b, lang)).onlyA;
    expect(listed.map((s) => s.absent.map((x) => s.text.slice(x.start, x.end)))).toEqual(want);
  });

  it('lists no statement the other version tells in its headline', () => {
    const a = doc('Der Bundestag hat am Freitag das umstrittene Gebäudeenergiegesetz verabschiedet. Der Mieterbund warnte vor steigenden Mieten.', 'de', 'Bundestag beschließt Heizungsgesetz nach monatelangem Streit');
    const b = doc('Nach monatelangem Koalitionsstreit hat der Bundestag das Heizungsgesetz beschlossen. Die Förderung soll bis zu 70 Prozent der Kosten betragen.', 'de', 'Heizungsgesetz: Habeck spricht von gutem Tag');
    expect(findOmissions(b, a).onlyA.map((s) => s.text)).toEqual(['Die Förderung soll bis zu 70 Prozent der Kosten betragen.']);
  });

  it('lists no dateline, byline or heading: a sentence with fewer than two lower-case content words', () => {
    const es = (text: string) => ({ text, language: 'es', quotes: extractQuotes(text, 'es'), mentions: findActorMentions(text, 'es') });
    const a = 'MADRID, 12 mar (EFE). El Consejo de Ministros aprobó este martes la reforma de las pensiones. Miles de personas se manifestaron frente al Congreso por la tarde.';
    const b = 'El Ejecutivo aprobó el martes la reforma de las pensiones, que retrasa la jubilación.';
    expect(findOmissions(es(a), es(b)).onlyA.map((s) => s.text)).toEqual(['Miles de personas se manifestaron frente al Congreso por la tarde.']);
  });

  it.each([
    ['a quotation the other does not give',
      '“The river has flooded every spring since the dam was built,” said Rosa Lind, a farmer. The county will vote on the levy in March.',
      'The county will vote on the levy in March, officials said.'],
    ['a one-word quotation the other quotes too (one word is anyone’s)',
      'Mayor Ellen Price said on Monday that the parking fees approved by the council in March were “outrageous.”',
      'Residents packed the hall on Tuesday. Some called the downtown charges “outrageous” before the vote.'],
    ['a long quotation holding a name the other quotes',
      'The spokesman said the remark was made in the context of “a House that spends its days on coins and on reaffirming that ‘In God We Trust’ is the national motto.”',
      'The House voted on Tuesday to reaffirm “In God We Trust” as the motto.'],
    ['a short quotation whose words the other quotes otherwise',
      'Mayor Ellen Price said on Monday that the parking fees approved by the council in March were “a real disgrace.”',
      'The mayor told residents before the vote that the downtown charges were “a disgrace.”'],
  ])('still lists a statement holding %s', (_name, a, b) => {
    expect(findOmissions(doc(a, 'en'), doc(b, 'en')).onlyA.map((s) => s.text)).toEqual([a.split(/(?<=[.”]) (?=\p{Lu})/u)[0]]);
  });
});

// Issue 13: every word marked must be true of both texts in every Latin-script language, not
// only in French and English, the languages the omissions were tuned on.
describe('findOmissions beyond French and English: what is marked is true of both texts', () => {
  const doc = (text: string, lang: string) => ({ text, language: lang, quotes: extractQuotes(text, lang), mentions: findActorMentions(text, lang) });
  it.each([
    ['es', 'the government called the Executive: a form of the same actor, no name the other never gives',
      'El Ejecutivo aprobó un plan de ayudas para los agricultores afectados por la sequía, con préstamos a bajo interés.',
      'El Gobierno dio luz verde a un paquete para el campo castigado por la falta de lluvias.', []],
    ['it', 'l’Esecutivo and il governo',
      "Ieri l'Esecutivo ha varato un piano di aiuti per gli agricoltori colpiti dalla siccità, con prestiti agevolati.",
      'Il governo ha dato il via libera a un pacchetto per le campagne senza pioggia.', []],
    ['pt', 'o Executivo and o Governo',
      'O Executivo aprovou um plano de apoio aos agricultores afetados pela seca, com empréstimos a juros baixos.',
      'O Governo deu luz verde a um pacote para o campo castigado pela falta de chuva.', []],
    ['de', 'nouns German capitalises, opened by a determiner: none is a name',
      'Die Verwaltung hat das Parkhaus am Bahnhof geschlossen, weil die Decke undicht ist.',
      'Die Stadtverwaltung sperrt die Tiefgarage wegen eines Wasserschadens.', []],
    ['de', 'nouns no determiner opens (a bare plural, a set phrase): none is a name either',
      'Die Stadt hat nach eigenen Angaben ein Gutachten in Auftrag gegeben, um Lärm an Schulen zu messen.',
      'Die Stadt lässt die Lautstärke in den Klassenzimmern untersuchen.', []],
    ['de', 'a weekday the other gives with its part of the day: that weekday',
      'Die Anwohner müssen ihre Autos bis Freitag umparken, sonst droht ein Bußgeld.',
      'Bis Freitagabend müssen die Autos weg, teilte die Stadt mit.', []],
    ['de', 'a person named in full and a month the other never gives are still marked',
      'Die Sprecherin Anna Roth kündigte für den Oktober eine Bürgerversammlung zum Parkkonzept an.',
      'Die Stadt will das Parkkonzept bald vorstellen.', [['Anna Roth', 'Oktober']]],
    ['nl', 'a weekday the other never gives is marked, as in French',
      'Het kabinet besloot woensdag de accijns op diesel niet te verhogen, tot opluchting van transporteurs.',
      'De regering ziet af van een hogere dieselaccijns, tot opluchting van de transportsector.', [['woensdag']]],
    ['es', 'a party the other names by its initials',
      'Según el Partido Popular, la reforma llega tarde y sin consenso con las comunidades autónomas.',
      'El PP considera que la reforma es tardía y no cuenta con el apoyo de las regiones.', []],
    ['pt', 'a union the other names by its initials',
      'Depois de semanas de hesitação, a União Geral de Trabalhadores aceitou o aumento proposto pelo ministério.',
      'A UGT acabou por dar o seu acordo à subida, disse um dirigente sindical.', []],
    ['fr', 'a party whose name ends on a lower-case adjective, the other naming it by its initials',
      'Le Rassemblement national a fait savoir qu’il voterait la motion de censure.',
      'Marine Le Pen a confirmé que les élus du RN censureraient le gouvernement.', []],
    ['es', 'a union named by a capitalised word and its adjective, the other by its initials',
      'El Sindicato ferroviario convocó una huelga en el metro para exigir más personal.',
      'El SF llama a parar el servicio de metro por la falta de plantilla.', []],
    ['fr', 'an acronym the other gives in full, its adjective after it',
      'Du côté du RN, Marine Le Pen a laissé planer le doute sur le vote de la censure.',
      'Selon nos informations, le Rassemblement national hésite encore sur le vote.', [['Marine Le Pen']]],
    ['en', 'an acronym the other gives in full, split by a short word',
      'The NAACP condemned the ruling and promised to appeal it before the end of the month.',
      'The National Association for the Advancement of Colored People said it would fight on.', []],
    ['en', 'a person’s initials are no acronym of two letters',
      'The mayor of Washington, DC, suggested the chain was peddling hate and urged a boycott.',
      'Company president Dan Cathy defended the chain and its record.', [['Washington', 'DC']]],
    ['fr', 'as before: an acronym the other never gives is marked',
      'Du côté du RN, Marine Le Pen a laissé planer le doute sur le vote de la censure.',
      'Selon nos informations, le Parti socialiste hésite encore sur le vote.', [['RN', 'Marine Le Pen']]],
    ['fr', 'an adjective after a name whose initials the other does not write: the name is still marked, whole',
      'Le Rassemblement national a fait savoir qu’il voterait la motion de censure.',
      'Marine Le Pen a confirmé que les élus du PS censureraient le gouvernement.', [['Rassemblement national']]],
    ['en', 'a name opening the sentence is marked whole, not without its first word',
      'Wall Street cheered the decision, with the Dow jumping more than 400 points.',
      'Stocks rose after the announcement of the decision.', [['Wall Street', 'Dow', '400']]],
    ['en', '…not with a function word or an adverb opening the sentence',
      'But Republicans on Capitol Hill slammed the decision. Meanwhile Obama defended the decision on television.',
      'Critics rose after the announcement of the decision.', [['Republicans', 'Capitol Hill'], ['Obama']]],
    ['it', 'a name ending on two lower-case adjectives is marked whole',
      'La Conferenza episcopale italiana aveva già espresso preoccupazione per la riforma nelle scorse settimane.',
      'I vescovi avevano criticato la riforma nelle scorse settimane.', [['Conferenza episcopale italiana']]],
    ['it', 'a verb after a name is no part of it',
      'La Consulta aveva già bocciato una versione precedente della riforma nel 2019.',
      'I giudici costituzionali avevano respinto il primo testo della riforma.', [['Consulta', '2019']]],
    ['pt', 'a name the text gives its acronym in parentheses, the other by the acronym alone',
      'Já a Confederação Empresarial de Portugal (CIP) alertou para o impacto nas pequenas empresas.',
      'Os patrões da CIP temem que muitas pequenas empresas não consigam acompanhar.', []],
    ['nl', 'a minister the other names by his surname: only his ministry is marked',
      'Dat heeft minister Pieter Jansen van Volksgezondheid na overleg met de coalitiepartijen bekendgemaakt.',
      'De regering ziet af van de verhoging, maakte minister Jansen bekend.', [['Volksgezondheid']]],
    ['pl', 'in a language whose sentence openers are not known, a name is marked as found, and a short connector inside it joins it',
      'Posłowie Prawa i Sprawiedliwości ostro krytykowali projekt ustawy o płacy minimalnej podczas debaty.',
      'Debata w Sejmie trwała kilka godzin.', [['Prawa i Sprawiedliwości']]],
    ['cs', 'in a language without a stemmer, a name the other declines is found there (`Senát` / `do Senátu`)',
      'O zákonu nyní rozhodne Senát, který se k němu vyjádří do třiceti dnů.',
      'Novela míří do Senátu, kde má vládní koalice většinu.', []],
    ['cs', '…a person too (`Petr Fiala` / `Petra Fialy`), while a name the other never gives is marked',
      'Podle Petra Fialy se o zákonu ještě povede debata s Tomášem Zdechovským.',
      'Kritika Petr Fiala odmítl a řekl, že debata ještě bude.', [['Tomášem Zdechovským']]],
    ['cs', 'a common noun opening a paragraph after a capital letter (`na síti X.`) is no name',
      'Premiér to oznámil na síti X.\n\nZákon nyní musí posoudit senátoři, kteří se k němu vyjádří do třiceti dnů.',
      'Novela míří do Senátu, kde má vládní koalice většinu.', []],
    ['fi', 'a quotation the other gives with its words declined is not left out there',
      '”Tämä on vaikea mutta välttämätön päätös”, sanoi valtiovarainministeri Riikka Purra äänestyksen jälkeen.',
      'Valtiovarainministeri Riikka Purran mukaan kyse on ”vaikeasta mutta välttämättömästä päätöksestä”.', []],
    ['fi', '…while other words quoted are, whatever their first letters',
      '”Tämä on vaikea mutta välttämätön päätös”, sanoi valtiovarainministeri Riikka Purra äänestyksen jälkeen.',
      'Oppositio puhui eduskunnassa ”vaikeista ajoista ja välttämättömistä uhrauksista”.', [['Tämä on vaikea mutta välttämätön päätös', 'Riikka Purra']]],
    ['en', 'a quotation the other gives in its transcript, without marks, is not left out there',
      'Powell conceded that the Fed “could have moved sooner” in 2021, but said it “acted decisively once the picture was clear.”',
      'Q: Critics say you waited too long in 2021.\n\nPOWELL: In hindsight, yes, we could have moved sooner. But we acted decisively once the picture was clear.', []],
    ['it', '`Paese`, the country capitalised by convention, is no name the other leaves out',
      'Al centro del colloquio, durato oltre due ore, la ricostruzione del Paese e il sostegno militare.',
      'Il vertice si è concluso senza annunci.', []],
    ['es', 'a month the other never gives is marked, as in French',
      'La reforma de las pensiones entrará en vigor en enero, tras meses de negociación con los sindicatos.',
      'Los cambios en las pensiones se aplicarán desde febrero, según el acuerdo con los sindicatos.', [['enero']]],
  ] as const)('%s: %s', (lang, _name, a, b, want) => {
    const listed = findOmissions(doc(a, lang), doc(b, lang)).onlyA;
    expect(listed.map((s) => s.absent.map((x) => s.text.slice(x.start, x.end)))).toEqual(want);
  });
});

describe('headlines', () => {
  const input = (title: string, text: string) => ({ title, text, language: 'fr', quotes: [] });
  it('says when one headline tells a joint action and the other one actor acting on another', () => {
    const f = compareFraming(
      input('Poutine et Obama s\'accordent sur la Syrie', 'Vladimir Poutine et Barack Obama ont parlé de la Russie.'),
      input('Obama propose un partenariat à la Russie', 'Barack Obama propose un partenariat à Vladimir Poutine.'),
    );
    expect(f.headlines.a?.subject).toEqual(['Poutine', 'Obama']);
    expect(f.headlines.b?.subject).toEqual(['Obama']);
    expect(f.headlines.b?.verb).toBe('propose un partenariat');
    expect(f.headlines.note).toMatch(/^A presents a joint action \(Poutine, Obama\); B makes Obama the one who acts and Russie the one acted upon/);
  });
  it('says nothing when the subjects are the same', () => {
    const f = compareFraming(input('Obama propose un accord', 'Barack Obama parle.'), input('Obama offre un accord', 'Barack Obama parle.'));
    expect(f.headlines.note).toBeNull();
  });
  // The police are an actor (the alias lexicon): a headline that makes them the one who acts
  // beside one whose subject is the man who died tells agency (it said nothing).
  it.each([
    ['en', 'Police shoot and kill man during traffic stop', 'Police officers shot and killed a man during a traffic stop, police said.', 'Man dies after officer-involved shooting', 'A man died after a shooting during a traffic stop, police said.', 'Only A has an actor as subject (Police).'],
    ['fr', 'Des policiers tuent un homme lors d’un contrôle routier', 'Des policiers ont tué un homme lors d’un contrôle, selon la police.', 'Un homme meurt lors d’un contrôle routier', 'Un homme est mort lors d’un contrôle, selon la police.', 'Only A has an actor as subject (policiers).'],
  ])('(%s) the police as the one who acts in one headline only', (lang, titleA, textA, titleB, textB, note) => {
    const f = compareFraming({ title: titleA, text: textA, language: lang, quotes: [] }, { title: titleB, text: textB, language: lang, quotes: [] });
    expect(f.headlines.note).toBe(note);
  });
  it.each([
    // A surname opening a headline is a capital at a sentence's start: no actor is found there,
    // yet the body names the person; "only the other has an actor as subject" would be false.
    ['a surname its body names opens it: nothing', 'Vernay rouvre le dossier des retraites', 'Le Premier ministre Paul Vernay a parlé mardi.', null],
    ['a common noun opens it: the note', 'Retraites : la porte reste ouverte', 'Le Premier ministre Paul Vernay a parlé mardi.', 'Only B has an actor as subject (PS).'],
  ])('(fr) one headline with an actor as subject, %s', (_name, title, text, note) => {
    const f = compareFraming(input(title, text), input('Le PS rouvre le dossier des retraites', 'Le PS a parlé mardi avec le gouvernement.'));
    expect(f.headlines.note).toBe(note);
  });
  const en = (title: string, text: string) => ({ title, text, language: 'en', quotes: [] });
  it('gives a subject of two mentions a space apart as written, one subject', () => {
    const f = compareFraming(en('Pro-life Ohioans stand firm at the court', 'Pro-life Ohioans gathered on Tuesday.'), en('Abortion-rights supporters rally at the court', 'Abortion-rights supporters rallied on Tuesday.'));
    expect(f.headlines.a?.subject).toEqual(['Pro-life Ohioans']);
  });
  it.each([
    ['a name it does not know opens the other headline: nothing', 'Senate Republicans block border bill', null],
    ['no name opens it: only the other has an actor as subject', 'Border bill fails in the Senate', 'Only B has an actor as subject (GOP).'],
    ['people in the plural open it: nothing (they may act)', 'Protesters rally outside the Capitol', null],
    ['…in French too', 'Les manifestants défilent devant le Capitole', null],
    ['it names the actor after its verb: nothing', 'Border deal collapses as GOP walks away', null],
  ])('one headline with an actor as subject, %s', (_name, title, note) => {
    const f = compareFraming(en(title, 'The vote failed on Wednesday.'), en('GOP sinks border deal', 'Republicans voted against the deal on Wednesday.'));
    expect(f.headlines.note).toBe(note);
  });
});

describe('compareFraming edge cases', () => {
  it('takes empty texts, no title and no language', () => {
    const f = compareFraming({ title: null, text: '', language: null, quotes: [] }, { title: '', text: 'Un texte.', language: null, quotes: [] });
    expect(f).toMatchObject({ actors: [], hedges: { a: [], b: [] }, sources: { a: [], b: [] }, omissions: { onlyA: [], onlyB: [] }, headlines: { note: null } });
  });
});

describe('who speaks, as the panel shows it: only what is true of both texts (issue 13, read on BASIL tuning pairs)', () => {
  const view = (a: string, b: string) => pairView(a, b, 'en').sources;
  it('a description of a party member is no name: not "only here" when the other cites the person', () => {
    const a = 'Ralph Stone spoke on Monday. “I will not talk about it,” the Oregon Democrat said. “It is over.”';
    const b = '“It is finished,” Ralph Stone said on Monday.';
    expect(view(a, b).onlyPage).toEqual([]);
  });
  it('a company is named by its first word, not its legal form', () => {
    const a = 'The grocer gave in. “We will pay the fine,” said Bolt Stores Inc., the largest chain.';
    const b = 'Bolt, the largest chain, paid the fine on Monday, officials said.';
    expect(view(a, b).onlyPage).toEqual([]);
  });
});

describe('who speaks in both versions shows the name they share', () => {
  it('a ministry run into the name (`l’Intérieur Christophe X`) is shown as the name the other version gives', () => {
    const a = 'Le bilan a été donné lundi par le ministre de l’Intérieur Christophe Valin. «Le calme est revenu», a dit M. Valin.';
    const b = '«Le calme est revenu», a déclaré Christophe Valin lundi.';
    const v = pairView(a, b, 'fr');
    expect(v.sources.both).toEqual(['Christophe Valin']);
  });
});

// A surname cited alone (`Thune said`) whose full name the article gives only inside a longer
// head (`Senate Majority Leader John Thune`, `Senator Jack Reed of Rhode Island`) was dropped from
// who speaks (that head is no whole name): the given names and surname after its last title, or
// before the place or body it is `of`.
describe('who speaks finds the full name of a surname behind titles and a place', () => {
  it.each([
    ['titles run into the name after a capitalised word',
      'Senate Majority Leader John Thune praised the vote. “He is the right man,” Thune said.',
      '“He is the right man,” Majority Leader John Thune said.', ['John Thune']],
    ['a name with the state it is of',
      'Senator Jack Reed of Rhode Island voted no. “This is a gamble,” Reed said.',
      '“This is a gamble,” Sen. Jack Reed said.', ['Jack Reed']],
    ['a titled name cut at the word opening its sentence, cited by its surname in the other',
      'Senate Minority Leader Mitch McConnell called the bill “a strong step.” “We must do more,” he said.',
      'Mitch McConnell, the Republican leader, said the measure was “a strong step.”', ['Mitch McConnell']],
    ['as before: an organisation’s name is no person’s behind a title',
      'The New Haven Register reported the vote. “We stand by it,” Register said.',
      '“We stand by it,” the newspaper said.', []],
  ] as const)('%s', (_name, a, b, want) => {
    const v = pairView(a, b, 'en');
    expect(v.sources.both).toEqual(want);
  });
});

// A German title compound ending on `-vize` (`Fraktionsvize`, `Unionsfraktionsvize`) is a title:
// who speaks listed `Fraktionsvize Jens Spahn`, the office run into the name.
describe('who speaks reads a German deputy’s title as a title', () => {
  it('Fraktionsvize Jens Spahn and Unionsfraktionsvize Jens Spahn: Jens Spahn', () => {
    const a = '„Dieses Gesetz ist ein Dokument des Scheiterns“, sagte Fraktionsvize Jens Spahn.';
    const b = 'Unionsfraktionsvize Jens Spahn nannte das Gesetz „ein Dokument des Scheiterns“.';
    const v = pairView(a, b, 'de');
    expect(v.sources.both).toEqual(['Jens Spahn']);
  });
});

describe('who speaks keeps a name whole after an English article', () => {
  it('according to a Des Moines Register poll: the Des Moines Register', () => {
    const a = 'Mr. Hale had six percent, according to a Des Moines Register poll released Saturday.';
    const b = 'Mr. Hale trails, a poll showed.';
    const v = pairView(a, b, 'en');
    expect(v.sources.onlyPage).toEqual(['Des Moines Register']);
  });
  // The other version cites by its role alone someone this one names with that role.
  it.each([
    ['fr', 'the other cites the prosecutor by the role: not only here',
      "« La loi s'applique à tous, y compris aux responsables politiques », avait plaidé le procureur Nicolas Barret.",
      "« La loi est la même pour tous », a estimé le procureur.", []],
    ['fr', 'the other cites another role: only here',
      "« La loi s'applique à tous, y compris aux responsables politiques », avait plaidé le procureur Nicolas Barret.",
      "« Mon client est innocent », a estimé l'avocat.", ['Nicolas Barret']],
    // A role written with its capital (`la Première ministre`, `the Secretary of State`) is a role all the same.
    ['fr', 'the other cites the capitalised role: not only here',
      "« Le texte ira au bout », a réagi la Première ministre Élisabeth Marne sur Twitter.",
      "« Il n'y a ni vainqueur ni vaincu », a martelé la Première ministre.", []],
    ['en', 'the other cites the capitalised title alone: not only here',
      '“We will not back down,” Governor Tom Hadley said on Monday.',
      '“This is not over,” the Governor said.', []],
    // The role set off by a comma before the name, the other naming the office by its complement.
    ['pt', 'the other cites the minister by the office alone: not only here',
      '"É um orçamento responsável", disse o ministro das Finanças, Joaquim Sarmento, no encerramento do debate.',
      'O ministro das Finanças garantiu que "é um orçamento responsável e sério".', []],
    ['fr', 'a capitalised institution is no role of the person: only here',
      "« Le texte ira au bout », a réagi la Première ministre Élisabeth Marne sur Twitter.",
      "« Rien n'est joué », a estimé l'Elysée.", ['Élisabeth Marne']],
  ] as const)('%s: %s', (lang, _name, a, b, want) => {
    const v = pairView(a, b, lang);
    expect(v.sources.onlyPage).toEqual(want);
  });
});

// A function word opening the sentence, capitalised there, is no part of the name after it
// (`Pour Sophie Binet, «…»` left her out of who speaks); a surname's particle is (`Le Pen`).
describe('who speaks reads a name after a sentence’s first word', () => {
  it.each([
    ['fr', 'pour X, la citation', 'Les syndicats ne désarment pas. Pour Sophie Barre, secrétaire générale de la CGT, « la lutte continue ».', ['Sophie Barre']],
    ['pt', 'a source named by its surname, cited with the full name', 'O Chega votou contra. André Vilar falou de "uma traição aos portugueses".', ['André Vilar']],
    ['fr', 'a surname’s particle opening the sentence stays in the name', '« Nous gagnerons », a dit Marine Le Pen. Le Pen a ensuite quitté la salle.', ['Marine Le Pen']],
  ] as const)('%s: %s', (lang, _name, a, want) => {
    const b = 'Le gouvernement a présenté son texte mardi.';
    const v = pairView(a, b, lang);
    expect(v.sources.onlyPage).toEqual(want);
  });
});

// Who speaks in Italian, Spanish, Portuguese, German and Dutch (issue 13): a name is shown without
// the complement's last word run into it (`segretaria del Pd Elly Schlein` gave `Pd Elly
// Schlein`), without a title of its language or a German compound ending on one (`Finanzminister
// Lars Klingbeil`), and whole after a sentence's article (`Die Grünen-Fraktionschefin Katharina
// Dröge …, sagte Dröge` was left out: `Die` read as a name's first word).
describe('who speaks in other Latin-script languages shows the name alone', () => {
  const view = (lang: string, a: string, b: string) => pairView(a, b, lang).sources;
  it.each([
    ['it', 'a party run into the name after `del`',
      '«È una manovra senza coraggio», ha denunciato la segretaria del Pd Elly Schlein.',
      'Il governo ha approvato la manovra martedì sera.', ['Elly Schlein']],
    ['de', 'a compound title before the name',
      '„Die Schuldenbremse bleibt unangetastet“, erklärte Finanzminister Lars Klingbeil nach der Sitzung.',
      'Die Koalition hat sich auf den Haushalt geeinigt.', ['Lars Klingbeil']],
    ['de', 'a name after a sentence’s article and a compound title',
      'Die Grünen-Fraktionschefin Katharina Dröge kritisierte die Einigung. „Das ist Politik auf Kosten der Zukunft“, sagte Dröge.',
      'Die Koalition hat sich auf den Haushalt geeinigt.', ['Katharina Dröge']],
    ['nl', 'a ministry run into the name after `van`',
      '"De koopkracht blijft op peil", verklaarde minister van Financiën Eelco Heinen in de Tweede Kamer.',
      'Het kabinet heeft de begroting gepresenteerd.', ['Eelco Heinen']],
    ['de', 'an acronym with a lower-case letter inside, after the sentence’s article',
      'Die Union kritisierte das Verfahren. Die AfD sprach von einer „Heizungsdiktatur“.',
      'Die Koalition hat sich auf den Haushalt geeinigt.', ['AfD']],
    ['es', 'as before: a name after a comma', 'El líder de la oposición, Alberto Núñez Feijóo, anunció un recurso. «Es un engaño», afirmó Feijóo.',
      'El Gobierno aprobó la reforma el martes.', ['Alberto Núñez Feijóo']],
    ['pt', '`segundo` (according to) and a name: a source, as `selon` is',
      'Segundo o ministro Fernando Haddad, a perda de arrecadação será compensada pela taxação dos mais ricos.',
      'O governo aprovou a reforma na terça-feira.', ['Fernando Haddad']],
    ['pt', '…`o segundo` (the second) is no source',
      'No segundo turno, Fernando Haddad perdeu por pouco a eleição para o governo de São Paulo.',
      'O governo aprovou a reforma na terça-feira.', []],
    ['it', '`secondo` (according to) and a name: a source',
      'Secondo il ministro Giancarlo Giorgetti, le coperture della manovra sono già state trovate.',
      'Il governo ha approvato la manovra martedì.', ['Giancarlo Giorgetti']],
  ])('%s: %s', (lang, _name, a, b, want) => {
    expect(view(lang, a, b).onlyPage).toEqual(want);
  });
});

describe('actor rows show how the outlet names an actor, not the words of those it quotes', () => {
  const view = (a: string, b: string) => pairView(a, b, 'en').actors;
  it.each([
    ['a charged label only inside reported speech: no row',
      'The governor visited the border on Monday. He said undocumented immigrants were crossing at night.',
      'The governor visited the border on Monday. “We will deport every illegal alien we catch,” the governor said.', 0],
    ['the same label in the outlet\'s own words: a row',
      'The governor visited the border on Monday. He said undocumented immigrants were crossing at night.',
      'The governor visited the border on Monday. He said illegal aliens were crossing at night.', 1],
    ['the two sides of abortion, each named by the wire services’ term in one and the movement’s or its opponents’ word in the other: a row each',
      'Abortion-rights supporters rallied outside the court on Tuesday. Anti-abortion activists held a smaller protest nearby.',
      'Pro-abortion activists rallied outside the court on Tuesday. Pro-life advocates held a peaceful vigil nearby.', 2],
    ['…the same terms in both: no row',
      'Abortion-rights supporters rallied outside the court on Tuesday. Anti-abortion activists held a smaller protest nearby.',
      'Anti-abortion activists prayed outside the court on Tuesday as abortion-rights supporters chanted.', 0],
    ['`undocumented migrants` against `illegal immigrants`: a row',
      'Agents detained about 300 undocumented migrants who crossed the river near the town early Tuesday.',
      'About 300 illegal immigrants poured across the river into the town early Tuesday.', 1],
    ['…`migrants` in both: no row',
      'Agents detained about 300 migrants who crossed the river near the town early Tuesday.',
      'About 300 migrants poured across the river into the town early Tuesday.', 0],
  ] as const)('%s', (_name, a, b, rows) => {
    const v = view(a, b);
    expect(v.shown.length + v.more.length).toBe(rows);
  });
});

// A scare quote's plain use in the other version is shown where it is: the search folds the text
// (`œ`, `æ`, `ß` are two letters folded), and a use after such a letter was reported shifted
// (`cœur de cible` shown as `cible cœur de `).
describe('scare quotes: the plain use is shown at its place, after letters folding changes', () => {
  it.each([
    ['fr', 'Le cœur du projet est une « réforme juste » pour tous les salariés.', 'Le cœur du projet est une réforme juste pour tous les salariés.', 'réforme juste'],
    ['de', 'Die Straße bleibt eine „sichere Zone“ für alle Anwohner.', 'Die Straße bleibt eine sichere Zone für alle Anwohner.', 'sichere Zone'],
    ['fr', 'Le centre du projet est une « réforme juste » pour tous les salariés.', 'Le centre du projet est une réforme juste pour tous les salariés.', 'réforme juste'],
  ] as const)('%s: %s', (lang, a, b, words) => {
    const x = (text: string) => ({ title: null, text, language: lang, quotes: extractQuotes(text, lang) });
    const items = scareQuotes(x(a), x(b));
    expect(items.map((i) => i.plain.text)).toEqual([words]);
    expect(items.map((i) => b.slice(i.plain.start, i.plain.end))).toEqual([words]);
  });
});
