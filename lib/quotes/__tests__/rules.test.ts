/**
 * The kind and speaker rules added for English news copy (PolNeAR), each in English and French:
 * titles of works, clause quotations, subject-pronoun fragments, appositions, sentence-level
 * attributions, colon headings, document nouns, nested closing commas, he/she resolution and
 * attributions after a quotation that ends on ? or !.
 */
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '..';

/** [quoted words, kind, speaker] of the first quotation of `text` whose words start with `words`. */
function first(text: string, lang: string, words: string): [string, string, string | null] {
  const q = extractQuotes(text, lang).find((x) => x.text.startsWith(words));
  if (!q) throw new Error(`no quotation «${words}…» in ${text}`);
  return [q.text, q.kind, q.speaker];
}

// A name between quotation marks (a movement, a group, a measure) is not anyone's words (issue 13).
describe('kinds: a name in quotation marks', () => {
  it.each([
    ['fr', 'after a definite article, a cue elsewhere', "La contestation portée par les «gilets jaunes» s'étend, a-t-on appris samedi.", 'gilets jaunes', 'name'],
    ['fr', 'quoted again in the article', "Des «bonnets blancs» ont défilé. Des «bonnets blancs» ont aussi bloqué un péage, a dit la police.", 'bonnets blancs', 'name'],
    ['fr', 'a capitalised name, once', "Il a lu l'article du «Quotidien» mardi, a-t-il précisé.", 'Quotidien', 'name'],
    ['fr', 'written without marks elsewhere in the article (singular beside plural)', "Les gilets jaunes ont défilé samedi. Un «gilet jaune» de Lyon a bloqué un péage, a indiqué la police.", 'gilet jaune', 'name'],
    ['fr', 'one word written without marks elsewhere: still speech', "Le calme est revenu. Le ministre a appelé au «calme» samedi, a-t-il dit.", 'calme', 'reported'],
    ['fr', 'after a verb of saying and an article: speech', 'Le ministre a dénoncé des «violences inacceptables» samedi.', 'violences inacceptables', 'reported'],
    ['fr', 'after an indefinite article: speech', "Il a évoqué une «dérive totale» du mouvement, a-t-il déclaré.", 'dérive totale', 'reported'],
    ['fr', 'one common word, once: speech', "Le ministre a appelé au «calme» samedi, a-t-il dit.", 'calme', 'reported'],
    ['fr', 'an infinitive: speech', "Il a promis de «réunir rapidement» les syndicats, a-t-il déclaré.", 'réunir rapidement', 'reported'],
    ['fr', 'a participle, even repeated: speech', "Les hausses sont «suspendues», a-t-il dit. Elles restent «suspendues», a-t-il répété.", 'suspendues', 'reported'],
    ['fr', 'a clause: speech', "Les manifestants criaient «on ne lâche rien» devant la préfecture, selon la police.", 'on ne lâche rien', 'reported'],
    ['en', 'a lower-case term, repeated: speech', 'Notes revealed a “quid pro quo.” The “quid pro quo” was denied, he said.', 'quid pro quo', 'reported'],
    ['en', 'a capitalised name, repeated', 'The “Squad” met on Monday. Members of the “Squad” said they would vote no.', 'Squad', 'name'],
    // The words written without marks are counted in the whole text, word after word (a plural s aside).
    ['fr', 'three words written without marks elsewhere', "Le grand débat national s'ouvre, a dit le ministre. Il a annoncé un «grand débat national» mardi, a-t-il dit.", 'grand débat national', 'name'],
    ['fr', 'only its first two words elsewhere: speech', 'Le grand débat a commencé. Il a annoncé un «grand débat national» mardi, a-t-il dit.', 'grand débat national', 'reported'],
    ['fr', 'written elsewhere beside a phrase with the same first word', 'Les gilets jaunes et les gilets rouges ont défilé. Il a vu un «gilet jaune» mardi, a-t-il dit.', 'gilet jaune', 'name'],
    ['fr', 'only its first word elsewhere: speech', 'Les gilets rouges ont défilé. Il a vu un «gilet jaune» mardi, a-t-il dit.', 'gilet jaune', 'reported'],
    ['fr', 'its words elsewhere in another order: speech', 'Des jaunes gilets ont défilé. Il a vu un «gilet jaune» mardi, a-t-il dit.', 'gilet jaune', 'reported'],
    // An elided article before the mark (`l’«…»`: lib/text leaves its apostrophe between the `l` and the mark).
    ['fr', 'after an elided definite article', "Des milliers de personnes ont défilé lors de l’«acte IX» samedi, a indiqué la police.", 'acte IX', 'name'],
    // One capitalised word ending like an infinitive is a name (`«Jupiter»`); several words opening on one are a verb phrase.
    ['fr', 'a capitalised name ending in -er', "Les manifestants visaient le «Jupiter» de l'Elysée, a dit un élu.", 'Jupiter', 'name'],
    ['fr', 'a capitalised infinitive opening several words: not a name', "Ils réclament le «Changer tout» du programme, a dit un élu.", 'Changer tout', 'reported'],
    // `des` after a noun a determiner opens is `de` + `les`; after a verb, indefinite.
    ['fr', 'des after a determined noun', "Le porte-parole du collectif des «motards en colère» a été reçu, a-t-on appris samedi.", 'motards en colère', 'name'],
    ['fr', 'des after a hyphenated noun', "Un des porte-parole des «Foulards verts» a été reçu, a-t-on appris samedi.", 'Foulards verts', 'name'],
    ['fr', 'des after a verb: speech', "Le ministre réclame des «mesures fortes» samedi, a-t-il dit.", 'mesures fortes', 'reported'],
    // An acronym, once, after an indefinite article (French).
    ['fr', 'an acronym', "Ils veulent un «RIP», un référendum, a dit un manifestant.", 'RIP', 'name'],
    ['en', 'an acronym in English: speech', 'He said the show “SNL” had its best ratings, he said.', 'SNL', 'reported'],
    // Words cried: a crowd's, even quoted again (a name's look) or with no verb of saying.
    ['fr', 'aux cris de', "Aux cris de «Macron dehors», une centaine de manifestants se sont rassemblés.", 'Macron dehors', 'reported'],
    // Right after a verb of saying, its object: what was said, even quoted twice (a name's look).
    ['fr', 'after a verb of saying, quoted twice', "Des manifestants crient «médias menteurs» devant l'entrée. Plus tard, ils crient encore «médias menteurs».", 'médias menteurs', 'reported'],
    ['fr', 'du slogan, quoted again', "Ils ont tagué les murs du slogan «Macron dehors». Le «Macron dehors» est partout.", 'Macron dehors', 'reported'],
  ])('%s: %s', (lang, _name, text, words, kind) => {
    expect(first(text, lang, words)[1]).toBe(kind);
  });
});

// The name of an offence after the word of the law that governs it (`porté plainte pour «…»`,
// `charged with "…"`) is a term, not anyone's words (issue 13): shown as a quotation with no
// speaker it claims someone said it. Unless the sentence names who gave it with a verb of saying
// of its own (`…, a indiqué le parquet`): the prosecutor's qualification is theirs. Speech after
// the same words stays speech: a clause, an infinitive, words opening on an article.
describe('kinds: the name of an offence', () => {
  it.each([
    ['fr', 'plainte pour, then a list', 'Deux journalistes ont porté plainte pour «coups et blessures», «menaces de mort» et «insultes», relatant les faits.', ['coups et blessures', 'menaces de mort', 'insultes'], 'name', null],
    ['fr', 'mis en examen pour', 'Trois militants ont été mis en examen pour «association de malfaiteurs» mardi soir.', ['association de malfaiteurs'], 'name', null],
    ['fr', 'condamné à une peine pour: not the one condemned', 'Le militant a été condamné à six mois de prison avec sursis pour «apologie du terrorisme».', ['apologie du terrorisme'], 'name', null],
    ['fr', 'une enquête ouverte pour', 'Une enquête a été ouverte pour «outrage» et «rébellion» dimanche.', ['outrage', 'rébellion'], 'name', null],
    ['fr', 'poursuivi pour, a long name', 'Le blogueur est poursuivi pour «provocation directe à des actes de terrorisme».', ['provocation directe à des actes de terrorisme'], 'name', null],
    ['fr', 'inculpé de', 'Le chauffeur a été inculpé de «conduite en état d’ivresse» dans la nuit.', ['conduite en état d’ivresse'], 'name', null],
    ['fr', 'interpellé pour, another quotation between', 'Il avait été interpellé lors de l’«acte III» des manifestations pour «port d’arme prohibé».', ['port d’arme prohibé'], 'name', null],
    ['fr', 'le délit de', 'Quatre manifestants seront jugés pour le délit d’«entrave à la circulation».', ['entrave à la circulation'], 'name', null],
    ['en', 'charged with, then and', 'He was charged with "aggravated assault" and "resisting arrest" after the march.', ['aggravated assault', 'resisting arrest'], 'name', null],
    ['en', 'convicted of', 'She was convicted of "criminal mischief in the third degree" last year.', ['criminal mischief in the third degree'], 'name', null],
    ['en', 'arrested on suspicion of', 'Two men were arrested on suspicion of "affray" in the city centre.', ['affray'], 'name', null],
    // Given by a source the sentence names with its own verb of saying: that source's words.
    ['fr', 'le parquet l’a indiqué', 'Trois militants ont été mis en examen pour «association de malfaiteurs», a indiqué le parquet.', ['association de malfaiteurs'], 'reported', 'parquet'],
    ['en', 'police said', 'He was charged with "aggravated assault," police said.', ['aggravated assault'], 'reported', 'police'],
    // Speech all the same: an infinitive or an auxiliary, a clause, an article, an agent who accuses.
    ['fr', 'une infinitive après pour', 'Il a été interpellé pour «avoir frappé un policier», a dit le juge.', ['avoir frappé un policier'], 'reported', 'juge'],
    ['fr', 'un article après pour', 'Il a porté plainte pour «un simple tweet», a dénoncé son avocat.', ['un simple tweet'], 'reported', 'avocat'],
    ['fr', 'accusé par quelqu’un de', 'Le ministre, accusé par l’opposition de «mentir aux Français», a répondu mardi.', ['mentir aux Français'], 'reported', 'opposition'],
    ['fr', 'pour, loin après le mot du droit, après un verbe de parole', 'Une enquête a été ouverte, mais le maire a plaidé pour «davantage de dialogue» mardi.', ['davantage de dialogue'], 'reported', 'maire'],
    ['en', 'accused of, a clause', 'Critics accused the senator of "lying to the American people about the deal."', ['lying to the American people about the deal.'], 'reported', 'Critics'],
  ])('%s: %s', (lang, _name, text, words, kind, speaker) => {
    const quotes = extractQuotes(text, lang);
    for (const w of words) {
      const q = quotes.find((x) => x.text === w);
      expect([q?.kind, q?.speaker], w).toEqual([kind, speaker]);
    }
  });
});

// A see-also heading (`Lire aussi`, `A lire aussi`, `Read more`), often glued to the sentence
// before it in an extracted text, is a link to another article, not a verb of saying for the words
// after it (issue 13); `lire` after `on` (`peut-on lire «…»`) still reads what is written.
describe('kinds: a see-also heading is no cue', () => {
  it.each([
    ['fr', 'Lire aussi, glued, a capitalised name', "Le cortège est reparti vers midi.Lire aussi: Le «Jupiter» de l'Elysée reste muet", 'Jupiter', 'name'],
    ['fr', 'A lire aussi, a name after de', 'Le cortège est reparti vers midi. A lire aussi: La chute de «Jupiter»', 'Jupiter', 'scare'],
    ['fr', 'Lire également, a word', "Le cortège est reparti.Lire également: Un dimanche «ordinaire» à Bourges", 'ordinaire', 'scare'],
    ['en', 'Read more, glued', 'The talks went on.Read more: Senators fear a "shutdown" as talks stall.', 'shutdown', 'scare'],
    ['en', 'READ MORE', 'The talks went on. READ MORE: Senators fear a "shutdown" as talks stall.', 'shutdown', 'scare'],
    // Still a cue.
    ['fr', 'peut-on lire', 'Sur une pancarte, on pouvait lire aussi «Macron démission».', 'Macron démission', 'reported'],
    ['en', 'the sign read', 'The sign read "shutdown" as talks stalled.', 'shutdown', 'reported'],
  ])('%s: %s', (lang, _name, text, words, kind) => {
    expect(first(text, lang, words)[1]).toBe(kind);
  });
});

describe('kinds', () => {
  it.each([
    // Title Case in a sentence case sentence: a work, show, campaign or slogan.
    ['en', 'title of a show, with a cue', 'Clinton campaign chairman John Podesta told NBC’s “Meet the Press” that the campaign believes it will win.', 'Meet the Press', 'scare'],
    ['en', 'title of a show with short words, closing the sentence', '“Nobody asked us,” Mr. Hale said on the morning program “Sky and Friends.” “We were never asked.”', 'Sky and Friends', 'scare'],
    ['en', 'slogan in modifier position', 'One put on a “Make America Great Again” cap.', 'Make America Great Again', 'scare'],
    ['en', 'title of a book after a cue', '“We’re seeing a backlash,” said Alden, author of the book “Failure to Adjust: How Americans Got Left Behind.”', 'Failure to Adjust', 'scare'],
    ['fr', 'titre d’un livre', 'Il l’a écrit dans son livre « Le Grand Remplacement » paru en 2011.', 'Le Grand Remplacement', 'scare'],
    ['fr', 'titre d’une émission', 'Le ministre a déclaré dimanche sur « Questions Politiques » que la réforme passerait.', 'Questions Politiques', 'scare'],
    // A headline is Title Case throughout: its quotation is speech.
    ['en', 'Title Case headline', 'Michaela Angela Davis: ‘It’s Time For A Badass Woman’ To Be President.', 'It’s Time For A Badass Woman', 'reported'],
    // `titled` / `intitulé` put a name at a distance.
    ['en', 'titled', 'The second spot, titled “Unfit,” went a step further.', 'Unfit', 'scare'],
    ['fr', 'intitulé', 'Le second clip, intitulé « Inapte », va plus loin.', 'Inapte', 'scare'],
    // A short quotation ending on its own comma, ? or ! is a clause, not a label before a noun.
    ['en', 'clause before the speaker', 'It may be a bet. "It\'s empire building," Mr. Greenfield said.', 'It\'s empire building', 'reported'],
    ['fr', 'proposition après un nom', 'Il a répondu au journaliste « Non, merci ! » avant de partir.', 'Non, merci !', 'reported'],
    ['fr', 'label après un nom (inchangé)', 'Washington soutient les rebelles « modérés » depuis 2013.', 'modérés', 'scare'],
    // After a subject pronoun a short quotation is a verb phrase, not a modifier.
    ['en', 'subject pronoun', 'And a bartender said she “loved” working for Trump.', 'loved', 'reported'],
    ['en', 'verb of saying added (assured)', 'Tapper also assured WMAL that CNN takes this “very, very seriously.”', 'very, very seriously.', 'reported'],
    ['en', 'verb of saying added (insisting)', 'A defiant Donald Trump is insisting he is “winning” and urging supporters on.', 'winning', 'reported'],
  ])('%s: %s', (lang, _name, text, words, kind) => {
    expect(first(text, lang, words)[1]).toBe(kind);
  });
});

describe('speakers', () => {
  it.each([
    // Apposition between two commas before the verb.
    ['en', 'apposition', '“The move to take risk off the table continues,” Chris Weston, chief market strategist in Melbourne at IG Ltd., said in an e-mail.', 'The move', 'Chris Weston'],
    ['en', 'apposition after a title', '"It is not over by any stretch," Mr. Kelly, a retired astronaut, said in an interview.', 'It is not over', 'Mr. Kelly'],
    ['fr', 'apposition', '« Nous ne lâcherons rien sur ce texte », Jean Dupont, porte-parole du parti, a déclaré lundi.', 'Nous ne lâcherons', 'Jean Dupont'],
    // `according to X` / `selon X` anywhere in the sentence.
    ['en', 'according to, sentence end', 'Labor market conditions remained “tight,” with “modest” employment gains, according to the survey.', 'tight', 'survey'],
    ['fr', 'selon, fin de phrase', 'Le chômage « ne baissera pas avant l’été prochain » dans la région, selon le rapport.', 'ne baissera pas', 'rapport'],
    // A closing `…, X said.` after words that carry the quotation on.
    ['en', 'closing attribution', '"It\'s time for us to work on getting her a supporting cast in place" and enact her agenda, Mr. Clyburn said.', 'It\'s time', 'Mr. Clyburn'],
    ['fr', 'attribution finale', '« Il est temps de se mettre au travail ensemble » et de voter la loi, a dit Jean Dupont.', 'Il est temps', 'Jean Dupont'],
    // A sentence opening on `Name:`.
    ['en', 'colon heading', 'Internet phenomenon Ken Bone: Debate \'got very uncomfortable from up close.\'', 'got very uncomfortable', 'Ken Bone'],
    ['fr', 'titre à deux-points', 'Marine Le Pen : « Nous gagnerons cette élection présidentielle ».', 'Nous gagnerons', 'Marine Le Pen'],
    // A document noun after an article is the source, not a verb of saying.
    ['en', 'the report', '“Outlooks were mostly optimistic, although some expressed concern,” according to the report.', 'Outlooks', 'report'],
    ['fr', 'le communiqué', '« Les deux parties ont confirmé leur volonté de coopérer », selon le communiqué.', 'Les deux parties', 'communiqué'],
    // A nested quotation closing with the outer one keeps its comma inside: the cue still follows.
    // (Issue 13: a pronoun no one named before is no speaker: unknown.)
    ['en', 'nested closing comma', '"I said: \'Oh, no, not this, not happening now,\'" she said.', 'I said', null],
    ['fr', 'virgule imbriquée', '« J\'ai répondu : "Non, jamais de la vie," » a dit Marie Durand.', 'J\'ai répondu', 'Marie Durand'],
    // he/she (il/elle) name the last sentence-initial person when named after the previous speaker.
    ['en', 'she after a newly named subject', '“We are seeing a backlash caused by that neglect,” said Alden, author of a book.\n\nDebra Steger, a former Canadian negotiator, sees a rising tendency to blame foreigners.\n\n“People are blaming it all on immigrants,” she told AFP.', 'People are', 'Debra Steger'],
    ['fr', 'elle après un sujet nommé', '« Nous ne céderons jamais sur ce point », a déclaré le ministre.\n\nMarine Le Pen, présidente du parti, a réagi le soir même.\n\n« Nous ne laisserons pas faire cela sans rien dire », a-t-elle dit.', 'Nous ne laisserons', 'Marine Le Pen'],
    ['en', 'he keeps the previous speaker', '“We will win,” said Mr. Smith.\n\n“We will win big,” he added.', 'We will win big', 'Mr. Smith'],
    // A quotation ending on ? or ! is followed by its attribution in the same paragraph.
    ['en', 'after !', '"Long live freedom of speech!" Margarita Simonyan, the editor in chief of RT, wrote sarcastically on Twitter.', 'Long live', 'Margarita Simonyan'],
    ['fr', 'après !', '« Vive la liberté de la presse ! » Jean Dupont, le directeur du journal, a écrit sur Twitter.', 'Vive la liberté', 'Jean Dupont'],
    // A name's initial (`John Q. Public`) does not end the phrase.
    ['en', 'initial in a name', '"We will cut taxes for every family," Senator John Q. Public, Republican of Ohio, said at a hearing.', 'We will cut', 'Senator John Q. Public'],
    // A relative pronoun subject names its antecedent.
    ['en', 'relative subject', 'The plan drew fire from Greenpeace, which charged that it "puts profits before the health of people on both continents."', 'puts profits', 'Greenpeace'],
    // Relative and subordinate words open a clause: the subject of the cue is after them.
    ['en', 'subject after a relative', 'Mr. Jones wrote a memo in which she said the deal was "a disaster for the workers of this city."', 'a disaster', null],
    ['en', 'subject after while', 'Most Democrats say the plan is "completely unacceptable," while Republican leaders call it "a reasonable first step for the city."', 'a reasonable', 'Republican leaders'],
    // An object pronoun after the verb is no inverted subject.
    ['en', 'object pronoun', 'Most Democrats say the plan is "completely unacceptable," while Republican leaders call it "a reasonable first step for the city."', 'completely unacceptable', 'Most Democrats'],
    // A share of the people polled is no one a reader can name: on PolNeAR's train split the
    // Source of such quotations is the poll (5 of 6), not the figure; the poll is the speaker when
    // the sentence names it before the figure.
    ['en', 'a figure is no speaker', 'Forty percent of voters say the plan is "completely unacceptable," while 30 percent call it "a reasonable first step for the city."', 'a reasonable', null],
    ['en', 'a figure opening the sentence is no speaker', 'Forty percent of voters say the plan is "completely unacceptable," while 30 percent call it "a reasonable first step for the city."', 'completely unacceptable', null],
    ['en', 'a figure: the poll the sentence names before it', 'The Harlow College poll also finds that, while 37 percent of voters call the plan "a reasonable first step," 22 percent call it "a waste of money."', 'a waste', 'Harlow College poll'],
    ['en', 'a figure: no poll named, unknown', 'In the poll, 37 percent of voters said the plan was "a waste of money."', 'a waste', null],
    ['fr', 'un pourcentage n’est pas un locuteur', 'Dans ce sondage, 62 % des Français estiment que « cette taxe est injuste et ne servira à rien ».', 'cette taxe', null],
    // An opening adverbial up to a comma is not the subject.
    ['en', 'opening adverb', 'The bill has already passed. Already, Jane Roe has criticised the plan and said, "We will fight this in court."', 'We will fight', 'Jane Roe'],
    ['en', 'opening adverbial phrase', 'Also before the vote, Senator Jane Roe, a Democrat, privately expressed frustration, telling one aide: "This is going nowhere fast."', 'This is going', 'Senator Jane Roe'],
    // A verb form after an article is a noun (`the reports`): the cue is further back.
    ['en', 'noun after an article', 'Mr. Smith has denied wrongdoing, calling the reports "a fabrication from start to finish."', 'a fabrication', 'Mr. Smith'],
    ['fr', 'auxiliaire a (pas un article)', 'Paris a affirmé que le suspect avait été arrêté pour être « entré illégalement sur le territoire ».', 'entré illégalement', 'Paris'],
    // Verbs of saying added: concluded, gushed, emailed, speculated, boasts.
    ['en', 'concluded', '"This cannot go on," the narrator concluded.', 'This cannot', 'narrator'],
    ['en', 'emailed', 'Jane Roe was in Ohio. "I am so glad we did this together," she emailed her sister.', 'I am so glad', 'Jane Roe'],
    ['en', 'speculated', 'The analyst noted the fines, and he speculated that the bank may "prefer the controversy to the risk."', 'prefer the', null],
    ['en', 'boasts', 'The network boasts that it is the "most-watched news channel on the web" today.', 'most-watched', 'network'],
    // Words after the quotation read as an attribution whose phrase is no speaker: the rules
    // before the quotation read the sentence again; the sentence-level `according to` does not.
    ['en', 'a verb-like noun after the quotation', 'Mayor Tom Reed said the new bill can be “the best of both worlds,” giving states more power.', 'the best of', 'Mayor Tom Reed'],
    ['en', 'a heading after a misread clause', 'Sidney Blumenthal: ‘No Idea’ If I Would Have Told Hillary It Was a Bad Idea.\nHe spoke on Sunday.', 'No Idea', 'Sidney Blumenthal'],
    ['en', 'no according-to after a misread clause', 'Though he does not use the word “cuts,” the plan would slow the growth of benefits according to the Congressional Budget Office.', 'cuts', null],
    // A Title Case quotation after a possessive in a headline (all its words capitalised) is speech.
    ['en', 'a headline', 'Issa: Hillary Clinton’s ‘Honesty Is In Question.’\nSunday on Fox News, Rep. Darrell Issa said more.', 'Honesty', 'Issa'],
    // A verb of saying set off by commas with a name after it is an inverted parenthetical: the name speaks.
    ['en', 'inverted parenthetical', 'The paradox of the plan, says Dana Reyes, a historian at the library, is that it was “the most popular law of the decade,” not the least.', 'the most popular', 'Dana Reyes'],
    ['en', 'not the one told', 'Hours later, Jane Roe returned the compliment, telling Reuters, “We have been friends for a long time.”', 'We have been', 'Jane Roe'],
    ['en', 'not a time word', 'Senator Tom Reed, who heads the committee, said Tuesday, “I think it is a blockbuster revelation.”', 'I think it', 'Senator Tom Reed'],
    // A sentence introducing the quotation with a colon: its subject at its head speaks.
    ['en', 'colon after a pronoun subject', '“I have earned 9 million votes,” Senator Ann Lowe said. She then addressed the supporters again: “Here is what I regret.”', 'Here is what', 'Senator Ann Lowe'],
    ['en', 'colon after a named subject', 'Mayor Tom Reed has adopted the stance common among officials in his party: “I am against it, but I will not stop it.”', 'I am against', 'Mayor Tom Reed'],
    ['en', 'colon after a possessive: no speaker', 'Jeb Bush’s Facebook page carried a note: “We must move on now.”', 'We must', null],
    // Verbs that report their subject's words as they thank, credit, blame or lament (PolNeAR cues).
    ['en', 'thanked', 'Actress Dana Reyes thanked the mayor for “taking these steps to keep us all safe.”', 'taking these', 'Actress Dana Reyes'],
    ['en', 'credited', 'Editor Sam Cole credited the chancellor with holding “the whole union together” last year.', 'the whole union', 'Editor Sam Cole'],
    ['en', 'blamed', 'Senator Ann Lowe blamed the shootings on “people who should never own a gun.”', 'people who', 'Senator Ann Lowe'],
    ['en', 'bemoaned', 'Mayor Tom Reed bemoaned “a budget that leaves our streets dark.”', 'a budget', 'Mayor Tom Reed'],
    ['en', 'elaborated', '“The way I see it,” Jane Roe elaborated, “nobody questioned his service.”', 'nobody questioned', 'Jane Roe'],
    ['en', 'derides (present)', 'Governor Ann Lowe derides the plan as “a tax on every family in the state.”', 'a tax on', 'Governor Ann Lowe'],
    // A quotation closing mid-sentence is no sentence start: the name after it is no subject.
    ['en', 'name after a mid-sentence quotation', '“We will vote no,” said Mr. Hale, the chairman.\n\nHis office sent a note titled “Read this before the vote,” to Carla Diaz on Monday. The note held a line that he said “makes no sense at all to me.”', 'makes no sense', 'Mr. Hale'],
    // …but a name right after it, then its verb, is the clause's subject.
    ['en', 'subject right after a mid-sentence quotation', 'A day after telling reporters that he was "done talking about this," Senator Jay Hale broke his silence on Friday.\n\n"Someone played a trick on me," he told a local station.', 'Someone played', 'Senator Jay Hale'],
    // A `he said` that names no one is the attribution all the same: unknown, not the next verb's subject.
    ['en', 'he said, then a reporter tweeted', 'The hearing ended early. “Nice to see all of you,” he said as he kept walking, reporter Dana Cole tweeted.', 'Nice to see', null],
    // he/she (il/elle) name one person: never a written source or a plural, never the other gender by article.
    ['en', 'she is no document', 'Documents released by the group show a draft. “We never agreed to this plan,” the documents said. The draft held a line that she said “worries me about the plan.”', 'worries me', null],
    ['fr', 'il n’est pas la présidente', '« Vous regrettez ce geste ? », demande la présidente. « Je regrette tout, je le dis », répond-il.', 'Je regrette', null],
    // A quotation that ended its sentence, then a sentence of narration: the next quotation is no continuation.
    ['en', 'narration between two quotations', '“We will cut costs,” said Ms. Ortiz. “Markets respond to that.” Nina Patel Thanked The Board For Its Patience. “Thank you all for coming tonight, it means a lot.”', 'Thank you all', null],
    // A bare document is the one an earlier sentence brought in; its issuer that sentence's named subject.
    ['en', 'the ad of a named subject', '“We have a plan,” said Mr. Ryan on Monday. The Romney campaign answered with an ad of its own. The ad says: “You paid in for years. Why? To pay for a new program.”', 'You paid in', 'Romney campaign'],
    ['fr', 'le communiqué d’un sujet nommé', '« Nous restons prudents », a dit le maire. La Fédération des transports a publié un communiqué mardi. « Aucune ligne ne sera fermée cet hiver », précise le communiqué.', 'Aucune ligne', 'Fédération des transports'],
    // French: a reflexive verb of saying, a verb form after an article, a subject after an article only.
    ['fr', 'verbe pronominal', 'Sur une vidéo, une femme se félicite de ce «beau coup de filet».', 'beau coup', 'une femme'],
    ['fr', 'participe après l’article', '«Je n\'avais pas le choix ce soir-là», rétorque le prévenu.', 'Je n\'avais', 'prévenu'],
    ['fr', 'article après une préposition élidée', 'Précédés d\'une banderole proclamant «Unis, le changement est possible», quelque 4600 manifestants ont défilé.', 'Unis, le changement', 'banderole'],
    ['fr', 'pas de sujet sans article', 'Cette dernière, petite et brune, viendra à la barre confirmer qu’elle a «reçu des coups».', 'reçu des coups', null],
    ['fr', 'démonstratif après des mots qualifiant le verbe', '«Qui peut me dire si c’est vrai ou pas?» demande faussement naïf cet internaute.', 'Qui peut', 'cet internaute'],
    // A noun of saying with its owner named: the owner speaks.
    ['en', 'possessive noun of saying', 'Her comments carried echoes of Clinton’s allegations of a “vast right-wing conspiracy” organized against her.', 'vast right-wing', 'Clinton'],
    ['en', 'possessive noun of saying, then a clause', 'The plan drew Mr. Ruiz\'s warning that it would be “a costly failure for all of us.”', 'a costly failure', 'Mr. Ruiz'],
    ['fr', 'les propos de X', 'Il a rappelé les propos de Marine Le Pen : « Nous gagnerons cette élection ».', 'Nous gagnerons', 'Marine Le Pen'],
    // A verb of saying made reflexive with another sense is no cue; `des` after a title is no article.
    ['fr', 'se résume à', 'Il affirme que la politique française se résume à un face-à-face entre «les nationalistes et les progressistes de ce pays».', 'les nationalistes', null],
    ['fr', 'la ministre des Transports', 'Le président «aura des messages à passer aux Français», a dit la ministre des Transports, Elisabeth Borne.', 'aura des messages', 'ministre des Transports, Elisabeth Borne'],
    // Paragraphs glued without a space (`».Selon`): a new sentence all the same.
    ['fr', 'paragraphes collés', 'L’association a lancé un appel demandant de se «débarrasser du complexe».Selon le président de l’association, Vanik Berberian, la demande est forte. «Les questions reviennent souvent», a-t-il déclaré.', 'Les questions', 'Vanik Berberian'],
    ['fr', 'il n’est pas les avocats', '« Il n’est pas en état de venir », expliquent les avocats. « Je cherchais ma femme dans la foule », a-t-il dit.', 'Je cherchais', null],
    // A continuing quotation: the full stop of a party-and-state parenthesis ends no sentence (lib/text's splitter agrees).
    ['en', 'continuing after (D-Ill.)', '“I don’t know what it will take,” said Senator Dick Durbin (D-Ill.) in an interview. “It takes an election, as far as I am concerned.”', 'It takes', 'Senator Dick Durbin'],
    // he/she taken up from a description that names no one (no capitalised word): unknown; an
    // office (a title of the lexicon) names the one person holding it and is kept.
    ['en', 'she after an unnamed description: unknown', '“Nobody asked us to leave the room at all,” said the woman, who did not want to be named. “Too much hate,” she said.', 'Too much hate', null],
    ['en', 'the description of her own attribution is kept', '“Nobody asked us to leave the room at all,” said the woman, who did not want to be named. “Too much hate,” she said.', 'Nobody asked', 'woman'],
    ['en', 'he is no book', 'The book describes the guards as “hired help who never cared.” He said that is a “distortion of the facts,” describing the team as brave. “These guys were heroes,” he said.', 'These guys', null],
    ['en', 'he is no message, its article capitalised', 'A welcome message on the site says “Come on over, we would love to have you here.” “I am in disbelief,” he said.', 'I am in disbelief', null],
    ['en', 'he after an office: kept', '“We will not give up the fight,” said the senator. “Nobody here is going anywhere,” he added.', 'Nobody here', 'senator'],
    ['fr', 'il après une fonction : gardé', '« Nous restons très prudents », a dit le maire. « Nous verrons demain matin », a-t-il ajouté.', 'Nous verrons', 'maire'],
    // An English participle after the quotation has no inverted subject: the words after it are its object.
    ['en', 'participle after the quotation, its object', 'Senator Ann Lowe said the plan was a “distortion of the facts,” describing the team as brave.', 'distortion', 'Senator Ann Lowe'],
    ['en', 'participle after the quotation, an adjunct', 'Trump has hailed the vote as “fantastic,” telling reporters during a visit to Ohio that it is “a great thing.”', 'fantastic', 'Trump'],
  ])('%s: %s', (lang, _name, text, words, speaker) => {
    const [, kind, got] = first(text, lang, words);
    expect(kind).toBe('reported');
    expect(got).toBe(speaker);
  });

  it('does not take a new sentence without a verb of saying as the attribution of a quotation ending on !', () => {
    expect(first('“Stop!” The crowd went home.', 'en', 'Stop')[2]).toBeNull();
  });

  it('gives the relative pronoun as the mention of its antecedent', () => {
    const text = 'Alden quoted Norman Ornstein, a scholar at the institute who describes the campaign as "defining deviancy downward in every way."';
    const q = extractQuotes(text, 'en').find((x) => x.text.startsWith('defining'))!;
    expect(text.slice(q.mention!.start, q.mention!.end)).toBe('who');
    // The description's name, set off before it, is the antecedent (issue 13: a name, not a description).
    expect(q.speaker).toBe('Norman Ornstein');
  });

  it('does not read `continued to` as a cue', () => {
    const [, , speaker] = first('The survey, which collects views, said most regions continued to expand at a “modest or moderate pace.”', 'en', 'modest');
    expect(speaker).toBe('survey');
  });
});

// A page's script left in a text (the gilets-jaunes corpus carries a live ticker's jQuery) holds
// strings between straight marks: no one's words, no quotation — only there (issue 13).
describe('kinds: the strings of a page script', () => {
  const quoted = (text: string, lang: string) => extractQuotes(text, lang).map((q) => q.text);
  it.each([
    ['fr', 'arguments of a jQuery call', "Les manifestants sont arrivés. $('#liveTickerVideoId370513').mouseover(function() { $('#liveTickerLoupeId370513').css( 'display', 'block' ); }); Mais pas question de crier «victoire», a dit le maire.", ['victoire']],
    ['en', 'an array in a function', 'The crowd left. var tags = ["alpha", "beta"]; items.forEach((x) => show(x)); Then the mayor said "we are done."', ['we are done.']],
    ['en', 'as before: straight marks in a parenthesis of prose', 'Trump (who called it "a disaster", "a total mess") left the room.', ['a disaster', 'a total mess']],
  ])('%s: %s', (lang, _name, text, expected) => {
    expect(quoted(text, lang)).toEqual(expected);
  });
});
