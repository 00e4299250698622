/** Agency credits: the forms newsrooms credit wire copy with, and agencies merely mentioned. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { creditedAgencies, creditsInByline, creditsInText } from '..';
import { halfOf, type Half } from '../../../tests/support/fixture-split';
import { readGiletsJaunes } from '../../../tests/support/corpora';
import { FIXTURES_DIR } from '../../../tests/support/shared-fixtures';

describe('credits in a text', () => {
  // Our own sentences, one form each, French and English.
  it.each([
    ['Le gouvernement a renoncé à la hausse des taxes. (AFP)', ['AFP'], 'signature'],
    ['Le gouvernement a renoncé à la hausse des taxes. (ats/nxp)', ['Keystone-ATS'], 'signature'],
    ['Le cortège a quitté la place. (afp/nxp) Les syndicats ont appelé au calme.', ['AFP'], 'signature'],
    ['Les marchés ont clôturé en baisse.\n(AFP, Reuters)', ['AFP', 'Reuters'], 'signature'],
    ['Le texte sera voté mardi. (avec AFP)', ['AFP'], 'signature'],
    ['PARIS (AFP) - Le Premier ministre a annoncé un moratoire.', ['AFP'], 'dateline'],
    ['WASHINGTON (AP) — The Senate passed the bill on Tuesday.', ['AP'], 'dateline'],
    ['MONTRÉAL (La Presse Canadienne) — Le maire a démissionné.', ['La Presse canadienne'], 'dateline'],
    ['BRUXELLES (Belga) - La Commission a présenté son plan.', ['Belga'], 'dateline'],
    ['Le gouvernement a présenté son budget.\nSource: Reuters', ['Reuters'], 'source'],
    ['Le gouvernement a présenté son budget.\nSources : AFP, dpa', ['AFP', 'dpa'], 'source'],
    ['Le gouvernement a présenté son budget.\nLe Matin avec AFP', ['AFP'], 'with'],
    ['The vote was delayed to next week.\n— The Associated Press', ['AP'], 'sign-off'],
    ['Il governo ha approvato il decreto. - ANSA', ['ANSA'], 'sign-off'],
    ['Par AFP\nLe gouvernement a présenté son budget.', ['AFP'], 'byline'],
    ['By Reuters\nThe central bank held its rate.', ['Reuters'], 'byline'],
  ])('%j credits %j (%s)', (text, agencies, form) => {
    const credits = creditsInText(text);
    expect(credits.map((c) => c.agency)).toEqual(agencies);
    expect(credits.every((c) => c.form === form)).toBe(true);
    for (const c of credits) expect(text.slice(c.span!.start, c.span!.end)).toMatch(/\p{L}/u);
  });

  // Agencies named in prose, photo credits and abbreviations defined: no credit.
  it.each([
    ["Selon un témoin interrogé par l'AFP, il s'agit d'une grenade.", 'a source quoted'],
    ["«Nous restons mobilisés», a déclaré à l'AFP Benjamin, 34 ans.", 'a speaker talking to the agency'],
    ["L'Agence France-Presse (AFP) a confirmé l'information.", 'an abbreviation defined mid-sentence'],
    ["Le démenti a été publié par l'Agence France-Presse (AFP).", 'an abbreviation defined before a period'],
    ['The AP Stylebook now accepts "they" as a singular pronoun.', 'the AP Stylebook'],
    ['He signed a distribution deal with Reuters.', 'a deal with an agency'],
    ['Reuters reported the deal first, citing two sources.', 'an agency reporting'],
    ['Photo: AFP', 'a photo credit'],
    ['Les manifestants devant la préfecture. (Keystone/AP Photo)', 'a photo caption'],
    ['Michael Bloomberg a annoncé sa candidature. (TDG)', "a newspaper's own signature"],
    ['The AP said the count was incomplete.', 'an agency as subject'],
    ['Le match est reporté. (Le Matin)', "an outlet's name"],
  ])('%j: no credit (%s)', (text) => {
    expect(creditsInText(text)).toEqual([]);
  });
});

describe('credits in a byline', () => {
  it.each([
    ['AFP', ['AFP']],
    ['Par AFP', ['AFP']],
    ['Le Matin avec AFP', ['AFP']],
    ['AFP/Reuters', ['AFP', 'Reuters']],
    ['Jean Dupont, AFP', ['AFP']],
    ['By The Associated Press', ['AP']],
    ['Jean Dupont', []],
    ['Apolline Martin', []],
    [null, []],
  ])('%j credits %j', (byline, agencies) => {
    expect(creditsInByline(byline).map((c) => c.agency)).toEqual(agencies);
  });
});

describe('credits as real articles write them (French: Swiss gilets jaunes; English: PolNeAR)', () => {
  const gilets = new Map(readGiletsJaunes().map((d) => [d.url, d.text]));
  const polnear = (file: string) => readFileSync(join(FIXTURES_DIR, 'polnear/test/text', `${file}.txt`), 'utf8');
  // [article, its text, the credits expected: agency, form, the credit as written]. The uncredited
  // rows name an agency in prose ("a déclaré à l'AFP", "an Associated Press analysis") or sign
  // with the outlet's own name.
  it.each([
    ['tdg.ch ats/nxp', gilets.get('https://www.tdg.ch/high-tech/enquete-faux-comptes-gilets-jaunes/story/18639060'), [['Keystone-ATS', 'signature', 'ats/nxp']]],
    ['tdg.ch ats/nxp after prose naming AFP', gilets.get('https://www.tdg.ch/monde/gilets-jaunes-route-acte-2/story/19705514'), [['Keystone-ATS', 'signature', 'ats/nxp']]],
    ['tdg.ch afp/nxp', gilets.get('https://www.tdg.ch/monde/gilets-jaunes-fermer-versailles/story/15395950'), [['AFP', 'signature', 'afp/nxp']]],
    ['tdg.ch afp/nxp after "a expliqué à l\'AFP"', gilets.get('https://www.tdg.ch/monde/BFMTV-refuse-de-couvrir-l-actu-des-gilets-jaunes/story/24782052'), [['AFP', 'signature', 'afp/nxp']]],
    ['lematin.ch afp/nxp after "un correspondant de l\'AFP"', gilets.get('https://www.lematin.ch/monde/Une-manif-des-gilets-jaunes-degenere-/story/28073786'), [['AFP', 'signature', 'afp/nxp']]],
    ['letemps.ch: "a déclaré à l\'AFP", no credit', gilets.get('https://www.letemps.ch/monde/paris-tient-cap-mobilisation-gilets-jaunes-se-poursuit'), []],
    ['lematin.ch signed (Le Matin)', gilets.get('https://www.lematin.ch/faits-divers/emmuree-deputee-accuse-gilets-jaunes/story/18391027'), []],
    ['tdg.ch signed (TDG)', gilets.get('https://www.tdg.ch/monde/europe/Les-six-dimensions-de-la-fronde-des-gilets-jaunes/story/11755655'), []],
    ['Breitbart "Washington (AFP) –"', polnear('breitbart_2016-10-12_washington-post-backs-hillary-cl'), [['AFP', 'dateline', 'AFP']]],
    ['Breitbart "Hong Kong (AFP) –"', polnear('breitbart_2016-11-02_asian-markets-on-edge-on-us-elec'), [['AFP', 'dateline', 'AFP']]],
    ['Breitbart "WASHINGTON (AP) —"', polnear('breitbart_2016-10-18_obama-says-trump-modeling-polici'), [['AP', 'dateline', 'AP']]],
    ['Breitbart "PHILADELPHIA (AP) —", and "an Associated Press analysis" in prose', polnear('breitbart_2016-11-06_clinton-aims-high-trump-goes-har'), [['AP', 'dateline', 'AP']]],
    ['NYT, no agency', polnear('nyt_2016-10-17_british-bank-abruptly-drops-russ'), []],
  ])('%s', (_name, text, expected) => {
    expect(text).toBeTruthy();
    expect(creditsInText(text!).map((c) => [c.agency, c.form, text!.slice(c.span!.start, c.span!.end)])).toEqual(expected);
  });
});

/** Precision and recall of `creditedAgencies` against labels, as (article, agency) pairs. */
function score(items: { predicted: string[]; expected: string[] }[]) {
  let tp = 0, fp = 0, fn = 0;
  for (const { predicted, expected } of items) {
    tp += predicted.filter((a) => expected.includes(a)).length;
    fp += predicted.filter((a) => !expected.includes(a)).length;
    fn += expected.filter((a) => !predicted.includes(a)).length;
  }
  return { precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn), credited: tp + fn, articles: items.length };
}

function byHalf<T extends { key: string }>(items: T[]): Record<Half, T[]> {
  return { tuning: items.filter((i) => halfOf(i.key) === 'tuning'), reporting: items.filter((i) => halfOf(i.key) === 'reporting') };
}

describe('credits on the Swiss gilets-jaunes articles (hand-labelled sample)', () => {
  const labels = (JSON.parse(readFileSync(new URL('../../../tests/expected/wire/gilets-jaunes-credits.json', import.meta.url), 'utf8')) as { credits: Record<string, string[]> }).credits;
  const docs = new Map(readGiletsJaunes().map((d) => [d.url, d.text]));
  const items = Object.entries(labels).map(([url, expected]) => ({ key: url, expected, predicted: creditedAgencies({ text: docs.get(url) ?? '' }) }));
  const halves = byHalf(items);
  const figures = { tuning: score(halves.tuning), reporting: score(halves.reporting) };
  console.log('gilets-jaunes credits', JSON.stringify(figures));

  it('labels 30 articles of each half, every one found in the corpus', () => {
    expect(halves.tuning).toHaveLength(30);
    expect(halves.reporting).toHaveLength(30);
    for (const url of Object.keys(labels)) expect(docs.has(url)).toBe(true);
  });

  it('credits no agency an article does not credit, and finds most credits (reporting half)', () => {
    expect(figures.reporting.precision).toBe(1);
    expect(figures.reporting.recall).toBeGreaterThanOrEqual(0.9);
    expect(figures.tuning.precision).toBe(1);
  });

  it('counts the articles credited to each agency in the whole corpus: AFP and Keystone-ATS only', () => {
    const counts = new Map<string, number>();
    for (const text of docs.values()) for (const a of creditedAgencies({ text })) counts.set(a, (counts.get(a) ?? 0) + 1);
    console.log('gilets-jaunes articles by agency', JSON.stringify(Object.fromEntries(counts)));
    expect([...counts.keys()].sort()).toEqual(['AFP', 'Keystone-ATS']);
    expect(counts.get('AFP')).toBeGreaterThan(40);
    expect(counts.get('Keystone-ATS')).toBeGreaterThan(20);
  });
});

describe('credits on PolNeAR (English; the corpus metadata says which articles are wire)', () => {
  const dir = join(FIXTURES_DIR, 'polnear');
  const rows = readFileSync(join(dir, 'metadata.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
  const canonical: Record<string, string> = { AFP: 'AFP', AP: 'AP', reuters: 'Reuters' };
  // The metadata lists the whole test split; the fixture holds 42 of its texts.
  const path = (r: string[]) => join(dir, 'test/text', `${r[1] ?? ''}.txt`);
  const items = rows.filter((r) => r[0] === 'test' && existsSync(path(r))).map((r) => {
    const file = r[1] ?? '';
    const wire = canonical[r[11] ?? ''];
    const text = readFileSync(path(r), 'utf8');
    return { key: file, expected: wire ? [wire] : [], predicted: creditedAgencies({ text }) };
  });
  const figures = { tuning: score(byHalf(items).tuning), reporting: score(byHalf(items).reporting) };
  console.log('polnear credits (text only)', JSON.stringify(figures));

  it('finds the wire credit of the wire articles from their text, and none elsewhere', () => {
    expect(items).toHaveLength(42);
    expect(figures.reporting.precision).toBe(1);
    expect(figures.tuning.precision).toBe(1);
    expect(figures.reporting.recall).toBeGreaterThanOrEqual(0.75);
  });
});
