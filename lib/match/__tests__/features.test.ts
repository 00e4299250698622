/** The parts of the features: dates, entities, figures, as specifications by example. */
import { describe, expect, it } from 'vitest';
import { computeFeatures, findDates, findEntities, isFeatures } from '..';
import { leadWeekdays, parsePublished } from '../dates';

describe('dates', () => {
  const pub = parsePublished('2016-07-07T10:00:00+02:00');
  it.each([
    ['le 27 février 2016', null, '2016-02-27'],
    ['dans la soirée du 6 juillet', pub, '2016-07-06'],
    ['dans la soirée du 6 juillet', null, '--07-06'],
    ['on July 6, 2016', null, '2016-07-06'],
    ['on Dec. 3', parsePublished('2012-12-05'), '2012-12-03'],
    ['le 1er mai', parsePublished('2016-07-07'), '2016-05-01'],
    ['mercredi', pub, '2016-07-06'],
    ['lundi', parsePublished('2016-04-18'), '2016-04-18'],
    ['on Wednesday', parsePublished('2010-07-02'), '2010-06-30'],
    ['a decision in December', pub, undefined],
    ['mercredi', null, undefined],
    ['you may 5 times', null, undefined],
  ])('%s (published %s) → %s', (text, published, expected) => {
    expect(findDates(text, 1000, published)[0]?.date).toBe(expected);
  });
  it.each([
    ['Samedi, les manifestants ont défilé. ' + 'x'.repeat(700), '2018-12-17', '2018-12-15'],
    ['On Friday the senator resigned.', '2010-07-02', '2010-07-02'],
    // Background, not the event: more than two days before publication.
    ['Depuis le 17 novembre, le mouvement dure.', '2018-12-17', null],
    // A weekday cannot be placed without a publication date.
    ['Samedi, les manifestants ont défilé.', null, null],
  ])('the event of %j published %s happened on %s', (text, published, expected) => {
    expect(computeFeatures({ text, language: text.startsWith('On') ? 'en' : 'fr', publishedTime: published }).event).toBe(expected);
  });
  it('lists the weekdays a lead names, dated or not', () => {
    expect(leadWeekdays('Mercredi, cinquième jour; Macron a prôné mardi le dialogue. ' + 'x'.repeat(700) + ' lundi', 600)).toEqual([3, 2]);
    expect(leadWeekdays('the friday market, then on Sunday', 600)).toEqual([0]);
  });
  // Each language's own month and weekday names and ways of writing a date; French and English
  // names are read in every text, another language's only in its own (`lunes` is French moons).
  it.each([
    ['de', 'am 11. März 2026', null, '2026-03-11'],
    ['de', 'am Dienstagabend', parsePublished('2026-03-12'), '2026-03-10'],
    ['es', 'el 1 de abril de 2026', null, '2026-04-01'],
    ['es', 'el miércoles', parsePublished('2026-03-12'), '2026-03-11'],
    ['it', 'giovedì sera', parsePublished('2026-03-13'), '2026-03-12'],
    ['it', 'il 3 marzo', parsePublished('2026-03-13'), '2026-03-03'],
    ['pt', 'nesta terça-feira', parsePublished('2026-11-12'), '2026-11-10'],
    ['pt', 'a partir de 1 de janeiro de 2027', null, '2027-01-01'],
    ['nl', 'op 5 mei', parsePublished('2026-05-20'), '2026-05-05'],
    ['nl', 'zondagmiddag', parsePublished('2026-05-20'), '2026-05-17'],
  ])('%s: %s (published %s) → %s', (lang, text, published, expected) => {
    expect(findDates(text, 1000, published, lang)[0]?.date).toBe(expected);
  });
  // A weekday is the last such day only up to three days back: `jeudi` in a Tuesday paper is as
  // often the coming Thursday (`la grève de jeudi`), and is no date then; `dernier`, `next` and
  // their kind in each language tell which.
  it.each([
    ['fr', 'la grève de jeudi', '2024-12-03', undefined],
    ['fr', 'vendredi', '2024-12-02', '2024-11-29'],
    ['fr', 'jeudi prochain', '2024-12-03', '2024-12-05'],
    ['fr', 'jeudi dernier', '2024-12-03', '2024-11-28'],
    ['fr', 'mardi dernier', '2024-12-03', '2024-11-26'],
    ['en', 'on Thursday', '2024-12-03', undefined],
    ['en', 'next Thursday', '2024-12-03', '2024-12-05'],
    ['en', 'last Thursday', '2024-12-03', '2024-11-28'],
    ['de', 'am kommenden Donnerstag', '2024-12-03', '2024-12-05'],
    ['de', 'am vergangenen Donnerstagabend', '2024-12-03', '2024-11-28'],
    ['es', 'el próximo jueves', '2024-12-03', '2024-12-05'],
    ['es', 'el jueves pasado', '2024-12-03', '2024-11-28'],
    ['it', 'giovedì scorso', '2024-12-03', '2024-11-28'],
    ['it', 'il prossimo giovedì', '2024-12-03', '2024-12-05'],
    ['pt', 'na próxima quinta-feira', '2024-12-03', '2024-12-05'],
    ['pt', 'na quinta-feira passada', '2024-12-03', '2024-11-28'],
    ['nl', 'afgelopen donderdag', '2024-12-03', '2024-11-28'],
    ['nl', 'volgende donderdag', '2024-12-03', '2024-12-05'],
    // A day and month without a year: the nearest, up to four months ahead (FUTURE_MONTHS), unless
    // a word beside it says which.
    ['fr', 'le jugement sera rendu le 31 mars', '2024-11-27', '2025-03-31'],
    ['fr', 'depuis le 17 novembre, le mouvement dure', '2019-02-10', '2018-11-17'],
    ['fr', 'le 14 février dernier', '2024-11-27', '2024-02-14'],
    ['fr', 'le 14 février', '2024-11-27', '2025-02-14'],
    ['it', 'entro il 30 settembre', '2026-06-15', '2026-09-30'],
    ['en', 'on Dec. 3', '2012-12-05', '2012-12-03'],
  ])('%s: %s (published %s) → %s', (lang, text, published, expected) => {
    expect(findDates(text, 1000, parsePublished(published), lang)[0]?.date).toBe(expected);
  });
  // (Guards of the tables being per language: these found no date before either.)
  it.each([
    ['fr', 'les lunes de Jupiter'],
    ['en', 'Julio and Abril met Domingo'],
    ['pt', 'na segunda volta'],
  ])('%s: %s is no date', (lang, text) => {
    expect(findDates(text, 1000, parsePublished('2026-05-20'), lang)).toEqual([]);
  });
  it('lists the weekdays a lead names in its own language', () => {
    expect(leadWeekdays('Am Montagmorgen begann der Streik, der bis Mittwoch dauert.', 600, 'de')).toEqual([1, 3]);
    expect(leadWeekdays('Lo sciopero di venerdì è stato revocato.', 600, 'it')).toEqual([5]);
  });
  it('marks dates in the lead', () => {
    const ds = findDates('Le 6 juillet, appel. ' + 'x'.repeat(700) + ' Le 27 février, trêve.', 600, null);
    expect(ds.map((d) => [d.date, d.lead])).toEqual([['--07-06', true], ['--02-27', false]]);
  });
});

describe('entities', () => {
  const keys = (text: string, lang = 'fr') => findEntities(text, lang).map(([k]) => k);
  it.each([
    ['des jihadistes du Front Al-Nosra et du groupe', 'front al nosra'],
    ['le président syrien Bachar el-Assad a dit', 'bachar el assad'],
    ['la branche syrienne d\'Al-Qaïda selon', 'al qaida'],
    ['sous l\'égide de l\'ONU à Genève', 'onu'],
    ['selon M. Obama hier', 'obama'],
    ['Selon la Maison Blanche, rien.', 'maison blanche'],
    ['le président américain remercie pour la libération de l\'Américain Kevin Dawes, détenu', 'kevin dawes'],
  ])('%s → %s', (text, key) => {
    expect(keys(text)).toContain(key);
  });
  it.each([
    ['Selon lui, rien. Puis plus.', 'selon'],
    ['Poutine et Obama ont parlé', 'poutine et obama'],
    ['The meeting was short. The end.', 'the'],
  ])('%s has no entity %s', (text, key) => {
    expect(keys(text, text.startsWith('The') ? 'en' : 'fr')).not.toContain(key);
  });
  // What the name finder takes, and what it never takes for a name.
  it.each([
    ['a weekday or a month is no name', 'On Wednesday Obama said the talks would resume.', 'en', ['obama']],
    ['a weekday or a month is no name', 'The vote, set for Dec. 11 in Washington, was delayed.', 'en', ['washington']],
    ['a weekday or a month is no name', 'Le Sénat votera Mardi. Le Sénat a dit non en Décembre.', 'fr', ['senat']],
    ['a weekday or a month is no name', 'A Saturday December rally in Paris.', 'en', ['paris']],
    ['a noun capitalised by convention, alone, is no name', "Le porte-parole du département d'Etat a dénoncé un coup d'État à Lima.", 'fr', ['lima']],
    ['a noun capitalised by convention, alone, is no name', 'O ministro disse que o Estado vai pagar a dívida da Petrobras.', 'pt', ['petrobras']],
    ['a noun capitalised by convention, alone, is no name', 'Le Premier ministre a reçu les syndicats à Matignon.', 'fr', ['matignon']],
    ['a noun capitalised by convention, alone, is no name', "Le ministre de l'Intérieur a reçu le président de la République à Lyon.", 'fr', ['lyon']],
    ['a noun capitalised by convention, alone, is no name', 'Lo Stato garantirà i prestiti, ha detto Giorgetti.', 'it', ['giorgetti']],
    ['a noun capitalised by convention, alone, is no name', "Le groupe Etat islamique (EI) a revendiqué l'attaque.", 'fr', ['ei']],
    ['the abbreviated prefix of a place is in its name, not a title', 'The St. Louis Tea Party Coalition issued a resolution.', 'en', ['st louis tea party coalition']],
    ['the abbreviated prefix of a place is in its name, not a title', 'Rallies in St. Paul and Ft. Worth drew crowds; Mt. Vernon stayed calm.', 'en', ['st paul', 'ft worth', 'mt vernon']],
    ['the abbreviated prefix of a place is in its name, not a title', 'La Ste. Foy a voté, puis M. Dupont est parti.', 'fr', ['ste foy', 'dupont']],
    ['a common word opening a name written twice, once mid-sentence, is its first word', 'New York voted on Tuesday. Voters in New York said the new rules were fair.', 'en', ['new york']],
    ['…a first name opening a sentence still goes (the surname is what others share)', 'Vladimir Poutine a appelé. Selon Vladimir Poutine, rien.', 'fr', ['poutine', 'vladimir poutine']],
    ['a common word opening a name written twice, once mid-sentence, is its first word', 'Union Pacific said its offer was fair. The union said no, and about 8,000 Union Pacific crews walked out.', 'en', ['union pacific']],
    ['…and leaves the surname its particle', 'Marine Le Pen a annoncé la censure. Selon Marine Le Pen, rien.', 'fr', ['le pen', 'marine le pen']],
    ['…and leaves the surname its particle', 'Vincent van Gogh est parti. Anna von Brandt aussi.', 'fr', ['van gogh', 'von brandt']],
    ['a Spanish name opening on a word the stop list once held', 'Ayer, Estados Unidos anunció sanciones. El Estado Islámico reivindicó el ataque.', 'es', ['estados unidos', 'estado islamico']],
    ['…not a preposition opening a complement', 'Economistas da Fundação Getulio Vargas se dividiram.', 'pt', ['fundacao getulio vargas']],
    ['…not a word of the sentence before it', 'Selon Le Monde, rien. Pour La Croix, tout.', 'fr', ['monde', 'croix']],
    ['…not a title before a name', 'President Obama spoke. The president, said President Obama, would sign.', 'en', ['obama']],
    ['an ampersand between capitalised words is inside a firm’s name', 'Procter & Gamble raised prices. Shares of Marks & Spencer fell.', 'en', ['procter & gamble', 'marks & spencer']],
    ['…nor a word written before the name once', 'Américain Kevin Dawes a été libéré. Un américain, Kevin Dawes, était détenu.', 'fr', ['kevin dawes']],
    ['…but kept mid-sentence in the name of a law or an institution', 'The state diluted the voting power of residents in violation of the Voting Rights Act.', 'en', ['voting rights act']],
    ['…or when the next word is common too', 'The ruling was hailed by civil rights groups, and the National Civil Rights Museum, a national landmark, opened its doors.', 'en', ['national civil rights museum']],
    ['…as before: a common word before a person’s name goes', 'The former senator spoke. Polls show Former Senator Ann Lowe ahead.', 'en', ['senator ann lowe']],
    ['a surname particle after a full name opens its office or party', 'Dat zei minister Pieter Jansen van Volksgezondheid tegen Vincent van Gogh.', 'nl', ['pieter jansen', 'volksgezondheid', 'vincent van gogh']],
    ['a surname particle after a full name opens its office or party', 'De Unie van Waterschappen is tevreden, zei Hans Bakker.', 'nl', ['unie van waterschappen', 'hans bakker']],
    ['a surname particle after a full name opens its office or party', 'Laut Anna Roth von Greenpeace sprach Ursula von Brandt.', 'de', ['anna roth', 'greenpeace', 'ursula von brandt']],
    ['a quoted sentence opens after its mark, whichever the language uses', 'Opozice protestovala. „Vláda škrtá na dávkách,“ prohlásil Andrej Babiš.', 'cs', ['andrej babis']],
    ['a quoted sentence opens after its mark, whichever the language uses', 'Sindicatele au protestat. „Inflația a mâncat creșterea”, a spus Bogdan Hossu.', 'ro', ['bogdan hossu']],
    ['a quoted sentence opens after its mark, whichever the language uses', 'Die Opposition protestierte. ‚Schade‘, sagte Anna Roth.', 'de', ['anna roth']],
    ['a capital letter before a paragraph break is no initial: the next word opens a sentence', 'Premiér to uvedl na síti X.\n\nZákon nyní posoudí Senát.', 'cs', ['senat']],
  ])('%s: %s', (_what, text, lang, expected) => {
    expect(keys(text, lang)).toEqual(expected);
  });
  // German capitalises every noun: one a determiner opens (`die Verwaltung`, `im Februar`, `den
  // größten Teil`, `112 Millionen`) is no name, there or elsewhere in the text; names and
  // acronyms stay (`die SPD`, `die Ministerin Femke de Graaf`).
  it.each([
    ['Die Verwaltung schätzt die Kosten auf 112 Millionen Euro, sagte die Bürgermeisterin Anna Roth in Lindenau.', ['anna roth', 'lindenau']],
    ['Das Land übernimmt den größten Teil, auch auf Kosten der Kommunen, wie die Kosten zeigen.', []],
    ['Das sagte Anna Roth, die Sprecherin der Stadt.', ['anna roth']],
    ['Am Dienstag stimmte die SPD dagegen, ebenso die Freien Wähler.', ['spd']],
    ['Im Februar sprach die Ministerin Femke de Graaf in Hamburg.', ['femke de graaf', 'hamburg']],
    ['Laut Hartmann ist es ein „klares Signal“ an die Märkte.', ['hartmann']],
  ])('de: %s', (text, expected) => {
    expect(keys(text, 'de')).toEqual(expected);
  });
  it('keeps no possessive in a name: one actor for Steele’s and Steele', () => {
    expect(keys('Donors said Michael Steele’s remarks hurt. Steele said Friday that Mr. Steele\'s aides erred.', 'en')).toEqual(['michael steele', 'steele']);
  });
  it('joins English names with of', () => {
    expect(keys('a statement by the Bank of England on Monday', 'en')).toContain('bank of england');
  });
});

describe('features', () => {
  const f = computeFeatures({ title: 'Un titre', text: 'Le conflit a fait plus de 280.000 morts et un cessez-le-feu de 72 heures. « Les deux parties ont confirmé leur volonté de coopérer », dit le Kremlin.', language: 'fr', publishedTime: '2016-07-06' });
  it('keeps figures with their unit', () => {
    expect(f.numbers).toEqual(expect.arrayContaining(['280000 mort', '72 heur']));
  });
  it.each([
    ['A $800,000 federal grant went to the city.', 'en', ['800000 usd']],
    ['Quelque 1,5 million de personnes et 2.500 policiers.', 'fr', ['1500000 person', '2500 polici']],
    ['Turnout rose 12.5% to reach €3 billion in pledges.', 'en', ['12.5 %', '3000000000 eur']],
    ['Plus de 51\'000 «gilets jaunes» ont manifesté.', 'fr', ['51000 gilet']],
    ['Une ville de 2 millions d’habitants.', 'fr', ['2000000 habit']],
    ['In 2018 and 10 of them', 'en', []],
  ])('figures are whole numbers with their unit: %s', (text, language, expected) => {
    expect(computeFeatures({ text, language }).numbers).toEqual(expected);
  });
  it('hashes the quoted words, typography-insensitive', () => {
    const g = computeFeatures({ text: '"Les deux parties ont confirmé leur volonté de coopérer", dit le Kremlin.', language: 'fr' });
    expect(g.quoted.length).toBeGreaterThan(0);
    expect(g.quoted.every((h) => f.quoted.includes(h))).toBe(true);
  });
  it('is plain JSON that survives a round trip and validates', () => {
    const back = JSON.parse(JSON.stringify(f));
    expect(back).toEqual(f);
    expect(isFeatures(back)).toBe(true);
    expect(isFeatures({ ...back, v: 0 })).toBe(false);
    expect(isFeatures(null)).toBe(false);
  });
  it('handles an empty article', () => {
    const e = computeFeatures({ text: '', language: null });
    expect(e.terms).toEqual([]);
  });
});
