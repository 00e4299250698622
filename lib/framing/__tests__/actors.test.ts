/** Actor labels and their grouping, on small hand-written sentences (not the seeds). */
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../quotes';
import { findActorMentions, groupActors, nameHeads } from '..';

const mentions = (text: string, lang = 'fr', date: string | null = null) => findActorMentions(text, lang, extractQuotes(text, lang), date);
const rows = (a: string, b: string, lang = 'fr') => groupActors(mentions(a, lang), mentions(b, lang), lang);
const labelsOf = (text: string, actor: string, lang = 'fr') => mentions(text, lang).filter((m) => m.actor === actor).map((m) => m.text);

describe('findActorMentions: the label with the words that frame it', () => {
  it.each([
    ['hedge and scare quote', 'Le sort de la prétendue «opposition modérée» divise les capitales.', 'rebels', 'prétendue «opposition modérée»', ['hedge', 'scare']],
    ['scare quote after the head', 'Ankara appelle les rebelles "radicaux" à déposer les armes.', 'rebels', 'rebelles "radicaux"', ['scare']],
    ['agent phrase', 'Les groupes rebelles soutenus par Washington reculent.', 'rebels', 'groupes rebelles soutenus par Washington', ['classifier', 'agent']],
    ['hedge after the head', "Les factions de l'opposition dites laïques refusent.", 'rebels', "factions de l'opposition dites laïques", ['classifier', 'hedge', 'adjective']],
    ['title before a name', 'Le président Assad a reçu une délégation.', 'syrian-government', 'président Assad', ['title']],
    ['classifier label before a name', 'Le groupe terroriste Front Al-Nosra a revendiqué.', 'al-nosra', 'groupe terroriste Front Al-Nosra', ['classifier']],
    ['complement of a bare government word', 'Le gouvernement du président syrien Bachar al-Assad a refusé.', 'syrian-government', 'gouvernement du président syrien Bachar al-Assad', ['complement']],
    ['complement naming an office, no date: the office', 'Le gouvernement du président syrien a refusé.', 'syrian-president', 'gouvernement du président syrien', ['complement']],
  ])('%s', (_, text, actor, label, kinds) => {
    const m = mentions(text).find((x) => x.actor === actor);
    expect(m?.text).toBe(label);
    expect(text.slice(m!.start, m!.end)).toBe(m!.text);
    expect(m!.modifiers.map((x) => x.kind)).toEqual(kinds);
  });

  // A verb in the present is no participle: `négocie`, `discute`, `rencontre` read without accents end like `supporté`.
  it.each([
    ['a present tense and à', "L'opposition négocie à Genève.", 'opposition'],
    ['a present tense and au', "L'opposition rencontre au Caire les émissaires.", 'opposition'],
    ['a present tense in -ie and à', "L'opposition confie à Genève ses doutes.", 'opposition'],
    ['a participle in -it and par', "L'opposition conduite par Riad Hijab refuse.", 'opposition conduite par Riad Hijab'],
  ])('agent phrase or verb: %s', (_, text, label) => {
    expect(labelsOf(text, 'rebels')).toEqual([label]);
  });

  // A group's word used as an adjective of another noun names no group (`activité terroriste`).
  it.each([
    ['an adjective of an activity: no mention', 'Moscou dit que le Front mène une activité terroriste en Syrie.', []],
    ['an adjective of propaganda: no mention', 'La propagande jihadiste circule sur les réseaux.', []],
    ['after a classifier: the group', 'Une organisation terroriste a revendiqué l’attaque.', ['organisation terroriste']],
    ['a noun after its article: the group', 'Le terroriste a fui vers la frontière.', ['terroriste']],
  ])('group word or adjective: %s', (_, text, labels) => {
    expect(mentions(text).filter((m) => m.actor === 'terrorists' || m.actor === 'jihadists').map((m) => m.text)).toEqual(labels);
  });

  // A city names its government as a subject or a complement (`Damas a annoncé`, `le régime de
  // Damas`), the city after a preposition of place (`près de Damas`, `in Moscow`).
  it.each([
    ['fr', 'a subject: the government', 'Damas a rejeté la proposition.', 'syrian-government', ['Damas']],
    ['fr', 'près de: the city', "L'armée avance dans la Ghouta, près de Damas.", 'syrian-government', []],
    ['fr', 'aux portes de: the city', 'Les combats se rapprochent, aux portes de Damas.', 'syrian-government', []],
    ['fr', 'à: the city', 'Les délégués se sont réunis à Moscou mardi.', 'russia', []],
    ['en', 'a subject: the government', 'Moscow denied any role in the strikes.', 'russia', ['Moscow']],
    ['en', 'in: the city', 'Officials met in Moscow on Tuesday to discuss the plan.', 'russia', []],
    ['en', 'the outskirts of: the city', 'Shelling hit the outskirts of Damascus overnight.', 'syrian-government', []],
    ['fr', 'a charged description of its head of state: the government', 'Moscou, principal allié du dictateur syrien, dément.', 'syrian-government', ['dictateur syrien']],
  ])('%s: a city, %s', (lang, _, text, actor, labels) => {
    expect(labelsOf(text, actor, lang)).toEqual(labels);
  });

  it("gives the lexicon note of a label as a message id, worded in the reader's language by locales/*.yml", () => {
    expect(mentions('Le régime de Damas a bombardé Alep.')[0]?.note).toBe('regimeDeDamas');
    expect(mentions('Daesh a perdu Palmyre.')[0]?.note).toBe('daesh');
  });

  // A title names the holder of the day, or the person the article names with it; else it stays the title.
  it.each([
    ['2018: not Obama', 'Le président américain a parlé mardi. Obama se tait.', '2018-12-04', [['président américain', 'name:donald trump'], ['Obama', 'obama']]],
    ['2016: Obama', 'Le président américain a parlé.', '2016-07-06', [['président américain', 'obama']]],
    ['no date: the title', 'Le président américain a parlé.', null, [['président américain', 'us-president']]],
    ['a date-time', 'The Russian president spoke.', '2010-03-01T10:00:00Z', [['Russian president', 'name:dmitri medvedev']]],
    ['a hand-over day: the title', 'The American president spoke.', '2017-01-20', [['American president', 'us-president']]],
    ['past the date the lexicon was checked: the title', 'Le président russe a parlé.', '2031-05-01', [['président russe', 'russian-president']]],
    ['former: the title', "L'ancien président américain a parlé.", '2018-12-04', [['président américain', 'us-president']]],
    ['named with the title, every mention', 'Le président américain Donald Trump a parlé. Le président américain a ri.', null, [['président américain Donald Trump', 'name:donald trump'], ['président américain', 'name:donald trump']]],
    ['named with the title, over the date', "L'ancien président américain Barack Obama a parlé.", '2018-12-04', [['président américain Barack Obama', 'obama']]],
    ['apposition after the name', 'Selon Emmanuel Macron, le président français, rien ne change.', null, [['Emmanuel Macron', 'name:emmanuel macron'], ['président français', 'name:emmanuel macron']]],
    ['two people named with one title: the title', 'Le président américain Donald Trump et le président américain Joe Biden. Le président américain a ri.', null, [['président américain Donald Trump', 'name:donald trump'], ['président américain Joe Biden', 'name:joe biden'], ['président américain', 'us-president']]],
  ] as const)('office: %s', (_, text, date, expected) => {
    expect(mentions(text, text.startsWith('The ') ? 'en' : 'fr', date).filter((m) => m.via !== 'apposition').map((m) => [m.text, m.actor])).toEqual(expected);
  });

  it('resolves a bare "régime" to the régime named before it, and drops it when none was', () => {
    expect(labelsOf('Le régime syrien a signé. Les rebelles et le régime se sont revus.', 'syrian-government')).toEqual(['régime syrien', 'régime']);
    expect(mentions('Le régime a signé.').map((m) => m.text)).toEqual([]);
  });

  it('reads an acronym defined in brackets as the same actor', () => {
    const text = 'The Free Syrian Army (FSA) said on Monday that the FSA would not attend.';
    const ms = mentions(text, 'en');
    expect(ms.map((m) => [m.text, m.actor])).toEqual([['Free Syrian Army (FSA)', 'name:free syrian army'], ['FSA', 'name:free syrian army']]);
  });

  it('reads an apposition headed by an actor noun, not any noun phrase after a comma', () => {
    const ms = mentions('Il a rencontré le Hezbollah, le mouvement chiite libanais, puis il est parti en Syrie, une décision critiquée.');
    expect(ms.filter((m) => m.via === 'apposition').map((m) => [m.text, m.actor])).toEqual([['le mouvement chiite libanais', 'name:hezbollah']]);
  });

  it('does not take "terrorisme" for "terroristes" (stems alike, words not)', () => {
    expect(mentions('La lutte contre le terrorisme continue.').map((m) => m.text)).toEqual([]);
  });

  it('keeps every offset exact', () => {
    const text = 'Selon la Maison Blanche, M. Obama a appelé Moscou à faire pression sur le régime de Damas (Syrie).';
    for (const m of mentions(text)) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
});

describe('appositions', () => {
  it.each([
    ['en', 'The governor of Texas, Rick Perry, said he would run.', [['The governor of Texas', 'name:rick perry']]],
    ['en', 'The mayor of Washington, DC, suggested it was peddling hate.', []],
  ] as const)('%s: %s', (lang, text, want) => {
    expect(mentions(text, lang).filter((m) => m.via === 'apposition').map((m) => [m.text, m.actor])).toEqual(want);
  });
});

describe('groupActors: one row per actor, different actors never merged', () => {
  it('sets each side\'s labels for the same actor side by side', () => {
    const r = rows('Le régime de Damas a signé.', 'Le gouvernement syrien a signé.');
    expect(r.find((x) => x.id === 'syrian-government')).toMatchObject({ a: [{ text: 'régime de Damas' }], b: [{ text: 'gouvernement syrien' }], differs: true });
  });

  // A government head says whose government by its adjective (French) or the name before it (English).
  it.each([
    ['fr', 'Le régime vénézuélien a arrêté un opposant.', 'Le gouvernement vénézuélien a arrêté un opposant.', 'gouvernement vénézuélien', ['régime vénézuélien'], ['gouvernement vénézuélien']],
    ['fr', "Le régime iranien a exécuté deux manifestants, selon l'ONG.", 'Les autorités ont exécuté deux manifestants. Le gouvernement iranien dément.', 'gouvernement iranien', ['régime iranien'], ['gouvernement iranien']],
    ['en', 'The Maduro regime arrested him on Tuesday.', 'The Maduro government arrested him on Tuesday.', 'Maduro government', ['Maduro regime'], ['Maduro government']],
  ] as const)('%s: one actor in “%s” and “%s”', (lang, a, b, actor, la, lb) => {
    const row = rows(a, b, lang).find((x) => x.id.startsWith('government:'));
    expect(row).toMatchObject({ actor, differs: true });
    expect([row!.a.map((l) => l.text), row!.b.map((l) => l.text)]).toEqual([la, lb]);
  });

  it.each([
    ['fr', 'an army is not its government', "L'armée vénézuélienne a arrêté un opposant.", 'Le gouvernement vénézuélien a arrêté un opposant.'],
    ['fr', 'two countries, two governments', 'Le gouvernement italien a protesté.', 'Le gouvernement français a protesté.'],
    ['en', 'an English adjective describes: limited government is no actor', 'They want limited government and lower taxes.', 'They want limited government and lower taxes.'],
  ] as const)('%s: %s', (lang, _name, a, b) => {
    expect(rows(a, b, lang).filter((x) => x.id.startsWith('government:') && x.a.length > 0 && x.b.length > 0)).toEqual([]);
  });

  it.each([
    ['Poutine and Obama', 'Vladimir Poutine a appelé Barack Obama.', 'Poutine et Obama ont parlé.', ['putin', 'obama']],
    ['Front Al-Nosra and Etat islamique', "Le Front Al-Nosra et l'Etat islamique combattent.", 'Daesh et al-Nosra sont exclus de la trêve.', ['al-nosra', 'islamic-state']],
    ['al-Nosra and the al-Qaida it is a branch of', "Le Front Al-Nosra, la branche syrienne d'Al-Qaïda, recule.", 'Al-Qaïda a félicité le Front Al-Nosra.', ['al-nosra', 'al-qaeda']],
    ['Washington and the Washington Post', 'Selon le Washington Post, Washington propose un accord.', 'Washington propose un accord.', ['united-states', 'washington-post']],
  ])('%s stay apart', (_, a, b, ids) => {
    const r = rows(a, b);
    for (const id of ids) expect(r.filter((x) => x.id === id)).toHaveLength(1);
    // No row holds labels of two of these actors.
    for (const row of r) {
      const texts = [...row.a, ...row.b].map((l) => l.text).join(' | ');
      if (row.id === 'putin') expect(texts).not.toMatch(/Obama/);
      if (row.id === 'al-nosra') expect(texts).not.toMatch(/Etat islamique|Daesh|^Al-Qaïda$/);
      if (row.id === 'islamic-state') expect(texts).not.toMatch(/Nosra/);
      if (row.id === 'united-states') expect(texts).not.toMatch(/Post/);
    }
  });

  it('joins a surname to the one full name that ends with it, never to two', () => {
    expect(nameHeads(['name:obama', 'name:barack obama']).get('name:obama')).toBe('name:barack obama');
    expect(nameHeads(['name:bush', 'name:george bush', 'name:jeb bush']).get('name:bush')).toBe('name:bush');
    expect(nameHeads(['name:onu', 'name:conseil de securite de l onu']).get('name:onu')).toBe('name:onu');
  });

  // Only names ending on the same word can join: each name is held against those alone, so a
  // page dense in names is not compared name by name (2,000 sentences took seconds).
  it.each([
    // [what, names, pairs held: each name with every name ending on its word, itself included,
    // then each longer one found with the others found]
    ['two surnames with their full names, one name alone', ['name:obama', 'name:barack obama', 'name:hillary clinton', 'name:clinton', 'name:jean dupont'], (2 + 1 + 2) + (2 + 1 + 2) + 1],
    ['50 names ending on 50 words', Array.from({ length: 50 }, (_, i) => `name:person${i} family${i}`), 50],
  ])('%s', (_what, names, pairs) => {
    let held = 0;
    nameHeads(names, () => held++);
    expect(held).toBe(pairs);
  });
});
