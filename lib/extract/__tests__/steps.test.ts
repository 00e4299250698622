/**
 * One small synthetic case per removal behaviour, in French and English, named
 * `<area>--<behaviour>` as in defuddle's fixtures. Each case is a plain-text capture: the body
 * lines must survive, the debris lines must go, removed by the named step.
 */
import { describe, it, expect } from 'vitest';
import { extractFromText } from '..';
import { extractFromDocument } from '..';
import { dom } from './helpers';

const FR = [
  'Le gouvernement a présenté mercredi un projet de loi sur la sécurité des transports publics.',
  'Le texte prévoit de renforcer les contrôles dans les gares et de créer une police des transports.',
  'Les syndicats ont dénoncé une réforme préparée sans concertation et promettent des grèves.',
];
const EN = [
  'The government presented a bill on Wednesday to tighten security on public transport networks.',
  'The text would increase checks at stations and create a dedicated transport police force.',
  'Unions condemned a reform drafted without consultation and promised strikes next month.',
];

interface Case {
  name: string;
  lines: string[];
  drop: string[];
  step: string;
}

const cases: Case[] = [
  { name: 'ui-labels--search-box-fr', lines: ['Rechercher', ...FR], drop: ['Rechercher'], step: 'ui-labels' },
  { name: 'ui-labels--back-to-top-en', lines: [...EN, 'Back to top'], drop: ['Back to top'], step: 'ui-labels' },
  { name: 'ui-labels--advertisement-en', lines: [EN[0]!, 'Advertisement', EN[1]!, EN[2]!], drop: ['Advertisement'], step: 'ui-labels' },
  { name: 'ui-labels--partner-content-fr', lines: [...FR, 'Contenu partenaire'], drop: ['Contenu partenaire'], step: 'ui-labels' },
  { name: 'ui-labels--newsletter-prompt-en', lines: [...EN, 'Sign up for our newsletter to get the best stories every morning.'], drop: ['Sign up for our newsletter to get the best stories every morning.'], step: 'ui-labels' },
  { name: 'ui-labels--share-prompt-en', lines: [EN[0]!, 'Share this article', EN[1]!, EN[2]!], drop: ['Share this article'], step: 'ui-labels' },
  {
    name: 'cookie-banners--consent-fr',
    lines: [...FR, 'Ce site utilise des cookies.', 'En poursuivant votre navigation, vous acceptez l’utilisation de cookies à des fins de mesure d’audience.', 'OK'],
    drop: ['Ce site utilise des cookies.', 'En poursuivant votre navigation, vous acceptez l’utilisation de cookies à des fins de mesure d’audience.'],
    step: 'cookie-banners',
  },
  {
    name: 'cookie-banners--consent-en',
    lines: [...EN, 'We use cookies to improve your experience on our website. By continuing you agree to our privacy policy.'],
    drop: ['We use cookies to improve your experience on our website. By continuing you agree to our privacy policy.'],
    step: 'cookie-banners',
  },
  {
    name: 'comments--thread-after-heading-fr',
    lines: [...FR, 'Commentaires (2)', 'Encore une réforme inutile qui ne changera rien pour les usagers du quotidien.', 'JEAN-PIERRE', '23 h 05, le 14 juillet 2016', 'Très bonne nouvelle.', 'Marie L.'],
    drop: ['Commentaires (2)', 'Encore une réforme inutile qui ne changera rien pour les usagers du quotidien.', 'JEAN-PIERRE', 'Très bonne nouvelle.', 'Marie L.'],
    step: 'comments',
  },
  {
    name: 'comments--thread-after-heading-en',
    lines: [...EN, '12 comments', 'This is the worst idea I have heard in years, and nobody asked the commuters.', 'johnny_b', '3 hours ago'],
    drop: ['12 comments', 'This is the worst idea I have heard in years, and nobody asked the commuters.', 'johnny_b', '3 hours ago'],
    step: 'comments',
  },
  {
    name: 'comments--policy-disclaimer-fr',
    lines: [...FR, 'Les opinions exprimées dans les commentaires sont le fait de leur auteur et n’engagent pas la rédaction.'],
    drop: ['Les opinions exprimées dans les commentaires sont le fait de leur auteur et n’engagent pas la rédaction.'],
    step: 'comments',
  },
  { name: 'captions--copyright-credit-fr', lines: ['Le ministre des Transports à Paris en 2016. © Reuters', ...FR], drop: ['Le ministre des Transports à Paris en 2016. © Reuters'], step: 'captions' },
  { name: 'captions--photo-agency-name-fr', lines: [FR[0]!, 'Le ministre à la sortie du conseil des ministres. Photo AFP / JEAN DUPONT', FR[1]!, FR[2]!], drop: ['Le ministre à la sortie du conseil des ministres. Photo AFP / JEAN DUPONT'], step: 'captions' },
  { name: 'captions--photo-colon-en', lines: [EN[0]!, 'The minister leaves the cabinet meeting. Photo: Jane Doe/Getty Images', EN[1]!, EN[2]!], drop: ['The minister leaves the cabinet meeting. Photo: Jane Doe/Getty Images'], step: 'captions' },
  { name: 'captions--source-agency-en', lines: [EN[0]!, 'Commuters at Waterloo station © John Smith Source: Reuters', EN[1]!, EN[2]!], drop: ['Commuters at Waterloo station © John Smith Source: Reuters'], step: 'captions' },
  { name: 'credits--wire-fr', lines: [...FR, 'Source AFP'], drop: ['Source AFP'], step: 'credits' },
  { name: 'credits--wire-en', lines: [...EN, '(Reuters)'], drop: ['(Reuters)'], step: 'credits' },
  { name: 'credits--copyright-footer-en', lines: [...EN, '© 2016 The Daily Example. All rights reserved.'], drop: ['© 2016 The Daily Example. All rights reserved.'], step: 'credits' },
  { name: 'credits--byline-fr', lines: ['Par Jean Dupont', ...FR], drop: ['Par Jean Dupont'], step: 'credits' },
  { name: 'timestamps--dateline-fr', lines: ['Publié le 14 juillet 2016 à 23 h 05', ...FR], drop: ['Publié le 14 juillet 2016 à 23 h 05'], step: 'timestamps' },
  { name: 'timestamps--updated-en', lines: ['Updated July 14, 2016 3:04 PM ET', ...EN], drop: ['Updated July 14, 2016 3:04 PM ET'], step: 'timestamps' },
  { name: 'related-links--inline-pointer-fr', lines: [FR[0]!, FR[1]!, '(Lire aussi : La SNCF annonce un plan de sécurité dans les gares)', FR[2]!], drop: ['(Lire aussi : La SNCF annonce un plan de sécurité dans les gares)'], step: 'related-links' },
  { name: 'related-links--read-more-en', lines: [...EN, 'Read more: Unions plan a national strike over transport reform'], drop: ['Read more: Unions plan a national strike over transport reform'], step: 'related-links' },
  {
    name: 'related-links--box-with-headlines-fr',
    lines: [...FR, 'Lire aussi', 'La SNCF annonce un plan de sécurité dans les gares', 'Les usagers du métro face aux retards'],
    drop: ['Lire aussi', 'La SNCF annonce un plan de sécurité dans les gares', 'Les usagers du métro face aux retards'],
    step: 'related-links',
  },
  {
    name: 'related-links--box-with-headlines-en',
    lines: [...EN, 'Most read', 'Rail fares to rise again in January', 'Why your train is always late'],
    drop: ['Most read', 'Rail fares to rise again in January', 'Why your train is always late'],
    step: 'related-links',
  },
  {
    name: 'repeated-lead--truncated-at-foot-fr',
    lines: [...FR, 'Le gouvernement a présenté mercredi un projet de loi sur la sécurité des transports publics. Le texte prévoit de renforcer les contrôles dans les ga...'],
    drop: ['Le gouvernement a présenté mercredi un projet de loi sur la sécurité des transports publics. Le texte prévoit de renforcer les contrôles dans les ga...'],
    step: 'repeated-lead',
  },
  {
    name: 'repeated-lead--teaser-at-foot-en',
    lines: [...EN, 'The government presented a bill on Wednesday to tighten security on public transport networks.'],
    drop: ['The government presented a bill on Wednesday to tighten security on public transport networks.'],
    step: 'repeated-lead',
  },
  { name: 'section-labels--rubric-above-headline-fr', lines: ['Politique', 'Le gouvernement veut une police des transports', ...FR], drop: ['Politique'], step: 'section-labels' },
  { name: 'section-labels--slogan-below-body-en', lines: [...EN, 'Journalism you can trust'], drop: ['Journalism you can trust'], step: 'section-labels' },
];

describe('removal steps (plain text)', () => {
  it.each(cases)('$name', ({ lines, drop, step }) => {
    const r = extractFromText(lines.join('\n\n'));
    const kept = r.text.split('\n\n');
    // A dropped line leaves one fewer copy than the input had (a repeat keeps its first copy).
    const count = (xs: string[], x: string) => xs.filter((y) => y === x).length;
    for (const d of drop) expect(count(kept, d)).toBe(count(lines, d) - 1);
    for (const body of [...FR, ...EN]) if (lines.includes(body)) expect(kept).toContain(body);
    expect(r.removals.some((x) => x.step === step && drop.includes(x.text))).toBe(true);
  });

  it('title--headline-kept-apart', () => {
    const r = extractFromText(['International', 'Le gouvernement veut une police des transports', ...FR].join('\n\n'));
    expect(r.title).toBe('Le gouvernement veut une police des transports');
    expect(r.text.startsWith(FR[0]!)).toBe(true);
  });

  it('title--two-sentences-without-final-stop', () => {
    const head = 'Salariul minim crește de la 1 ianuarie. Hossu: „Inflația a mâncat deja această creștere”';
    const r = extractFromText([head, 'Executivul a adoptat miercuri hotărârea privind majorarea salariului minim la 4.050 de lei brut, de la începutul anului viitor.', 'Sindicatele au criticat nivelul majorării și au cerut guvernului să reia negocierile cu partenerii sociali.'].join('\n\n'));
    expect(r.title).toBe(head);
  });

  it('title--none-when-text-starts-with-lead', () => {
    expect(extractFromText(FR.join('\n')).title).toBeNull();
  });

  it('section-labels--subheading-inside-body-stays', () => {
    const r = extractFromText([FR[0]!, FR[1]!, 'Une police des transports', FR[2]!].join('\n\n'));
    expect(r.text.split('\n\n')).toContain('Une police des transports');
  });

  it('related-links--subheading-after-box-stays', () => {
    const r = extractFromText([FR[0]!, 'Lire aussi', 'La SNCF annonce un plan', 'Une police des transports', FR[1]!, FR[2]!].join('\n\n'));
    const kept = r.text.split('\n\n');
    expect(kept).not.toContain('La SNCF annonce un plan');
    expect(kept).toContain('Une police des transports');
  });

  it('cookie-banners--news-about-cookies-stays', () => {
    const line = 'La CNIL a infligé mercredi une amende de 100 millions d’euros à Google pour ses cookies publicitaires.';
    const r = extractFromText([line, ...FR].join('\n\n'));
    expect(r.text.split('\n\n')).toContain(line);
  });
});

/**
 * A paragraph that ends on a quotation ends like a sentence whichever way the language closes it:
 * German, Czech, Slovak `„…“`, German and Danish `»…«`, German single `‚…‘`, Swiss `‹…›`. Read
 * as no sentence end, the German or Czech line was taken as the headline (`…das Land.“` has no
 * final full stop after the mark) or removed as a label below the body.
 */
const QUOTED_ENDS: { name: string; lines: string[]; body: string }[] = [
  { name: 'de', lines: ['Bundestag beschließt höhere Ausgaben für die Bahn', 'Der Bundestag hat am Donnerstag mehr Geld für die Sanierung der Schienen beschlossen.', 'Der Verkehrsminister sagte am Abend: „Das ist ein guter Tag für das Land.“', 'Die Opposition kritisierte die Finanzierung über neue Schulden scharf.'], body: 'Der Verkehrsminister sagte am Abend: „Das ist ein guter Tag für das Land.“' },
  { name: 'cs, last line', lines: ['Vláda protlačila vyšší výdaje na armádu, opozice mluví o škrtech', 'Sněmovna ve středu odhlasovala novelu, podle níž půjdou na obranu dvě procenta HDP.', 'Opozice vládu obvinila z pokrytectví a slíbila, že zákon napadne u Ústavního soudu.', 'Premiér Petr Fiala na síti X napsal: „Konečně plníme, co jsme slíbili.“'], body: 'Premiér Petr Fiala na síti X napsal: „Konečně plníme, co jsme slíbili.“' },
  { name: 'de, reversed guillemets', lines: ['Bundestag beschließt höhere Ausgaben für die Bahn', 'Der Bundestag hat am Donnerstag mehr Geld für die Sanierung der Schienen beschlossen.', 'Der Minister sagte: »Das ist ein guter Tag für das Land.«', 'Die Opposition kritisierte die Finanzierung über neue Schulden scharf.'], body: 'Der Minister sagte: »Das ist ein guter Tag für das Land.«' },
  { name: 'de, single low marks', lines: ['Bundestag beschließt höhere Ausgaben für die Bahn', 'Der Bundestag hat am Donnerstag mehr Geld für die Sanierung der Schienen beschlossen.', 'Die Opposition kritisierte die Finanzierung über neue Schulden scharf.', 'Im Saal hieß es nur: ‚Das wird teuer.‘'], body: 'Im Saal hieß es nur: ‚Das wird teuer.‘' },
];

describe('a paragraph ending on a closed quotation is body, in every way of closing it', () => {
  it.each(QUOTED_ENDS)('$name', ({ lines, body }) => {
    const r = extractFromText(lines.join('\n\n'));
    expect(r.title).toBe(lines[0]);
    expect(r.text.split('\n\n')).toContain(body);
  });
});

describe('removal steps (DOM path shares them)', () => {
  const body = EN.map((p) => `<p>${p} ${p}</p>`).join('');
  it('captions--figcaption-en', () => {
    const html = `<html lang="en"><head><title>Transport bill</title></head><body><article><h1>Transport bill</h1>${body}<figure><img src="x.jpg"><figcaption>Commuters at a station.</figcaption></figure>${body}</article></body></html>`;
    const r = extractFromDocument(dom(html, 'https://news.example.com/2016/07/14/transport-security-bill'));
    expect(r.text).not.toContain('Commuters at a station.');
    expect(r.removals.some((x) => x.step === 'captions')).toBe(true);
  });
  // The extension's path: a German article's last paragraph, a quotation closed `„…“`, was removed
  // as a label below the body.
  it('section-labels--quotation-closed-the-german-way-stays-de', () => {
    const last = 'Der Verkehrsminister sagte am Abend: „Das ist ein guter Tag.“';
    const html = `<html lang="de"><head><title>Bundestag beschließt höhere Ausgaben für die Bahn</title></head><body><article><h1>Bundestag beschließt höhere Ausgaben für die Bahn</h1><p>Der Bundestag hat am Donnerstag mehr Geld für die Sanierung der Schienen beschlossen, mit den Stimmen der Koalition aus Union und SPD.</p><p>Die Opposition kritisierte die Finanzierung über neue Schulden scharf und kündigte eine Klage vor dem Verfassungsgericht an.</p><p>${last}</p></article></body></html>`;
    const r = extractFromDocument(dom(html, 'https://zeitung.example.de/2025/07/14/bahn-sanierung'));
    expect(r.text.split('\n\n')).toContain(last);
  });
  it('related-links--read-more-en', () => {
    const html = `<html lang="en"><head><title>Transport bill</title></head><body><article>${body}<p>Read more: Unions plan a national strike</p>${body}</article></body></html>`;
    const r = extractFromDocument(dom(html, 'https://news.example.com/2016/07/14/transport-security-bill'));
    expect(r.text).not.toContain('Read more');
    expect(r.text).toContain(EN[0]!);
  });
});
