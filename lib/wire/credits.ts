/**
 * Agency credits: which news agencies an article credits for its text, read from the forms
 * newsrooms use to credit wire copy — a signature in parentheses at the end of the text
 * ("(AFP)", "(ats/nxp)"), a dateline ("PARIS (AFP) -"), a source line ("Source: AFP"), "avec
 * AFP", a sign-off ("— The Associated Press") and a byline ("Par AFP"). Media Cloud found these
 * credits the most valuable signal for wire copy (Roberts et al., "Media Cloud", ICWSM 2021).
 *
 * Precision first: an agency named inside a sentence ("a déclaré à l'AFP", "the AP Stylebook",
 * "l'Agence France-Presse (AFP) a appris") is a mention, not a credit, so each form is accepted
 * only where a credit stands — at the end of a paragraph, before a dateline's dash, alone on a
 * line — and an agency's short code is recognised in lower case only inside a parenthesised
 * signature, where newsrooms write it so.
 *
 * @module
 */
import type { Span } from '../extract/types';

/** A news agency: its name as shown, and the names and codes a credit may use for it. */
interface Agency {
  name: string;
  /** Matched as written (case-sensitive): "AP" is the agency, "ap" is not. */
  names: string[];
}

/**
 * Agencies credited by name. General knowledge of the trade (the agencies' own names), not a
 * fixture's strings; a code shared by two (ATS, the Swiss agency, since 2018 Keystone-ATS) goes
 * to the one that uses it.
 */
const AGENCIES: readonly Agency[] = [
  { name: 'AFP', names: ['AFP', 'Agence France-Presse', 'Agence France Presse'] },
  { name: 'Reuters', names: ['Reuters', 'REUTERS', 'Thomson Reuters'] },
  { name: 'AP', names: ['AP', 'Associated Press', 'The Associated Press'] },
  { name: 'La Presse canadienne', names: ['La Presse canadienne', 'La Presse Canadienne', 'The Canadian Press', 'PC', 'CP'] },
  { name: 'Belga', names: ['Belga', 'BELGA'] },
  { name: 'Keystone-ATS', names: ['Keystone-ATS', 'Keystone-SDA', 'Keystone ATS', 'ATS', 'SDA'] },
  { name: 'dpa', names: ['dpa', 'DPA', 'Deutsche Presse-Agentur'] },
  { name: 'ANSA', names: ['ANSA', 'Ansa'] },
  { name: 'EFE', names: ['EFE', 'Agencia EFE'] },
  { name: 'APA', names: ['APA', 'Austria Presse Agentur'] },
  { name: 'ANP', names: ['ANP'] },
  { name: 'Lusa', names: ['Lusa', 'LUSA'] },
  { name: 'Europa Press', names: ['Europa Press'] },
  { name: 'Bloomberg', names: ['Bloomberg', 'Bloomberg News'] },
  { name: 'Xinhua', names: ['Xinhua'] },
  { name: 'Kyodo', names: ['Kyodo', 'Kyodo News'] },
];

/** Where in the article the credit was read. */
export type CreditForm = 'signature' | 'dateline' | 'source' | 'with' | 'sign-off' | 'byline';

export interface Credit {
  agency: string;
  form: CreditForm;
  /** The credit's characters in the text; null for a credit read from the byline. */
  span: Span | null;
}

/** The agency named exactly by `item` (case-sensitive), or, when `anyCase`, by its lower-case form. */
function agencyNamed(item: string, anyCase: boolean): string | null {
  const name = item.replace(/^(?:l['’]|the\s+)/i, '').trim();
  for (const a of AGENCIES) {
    if (a.names.includes(name)) return a.name;
    if (anyCase && a.names.some((n) => n.toLowerCase() === name.toLowerCase())) return a.name;
  }
  return null;
}

/** A desk's or editor's initials beside an agency in a signature ("nxp" in "(afp/nxp)"). */
const INITIALS = /^[a-z]{2,4}$/i;

/** Separators of a list of credits: "AFP/Reuters", "AFP, Reuters", "AFP et Reuters", "AFP-Reuters". */
const LIST_SEPARATOR = /\s*(?:\/|,|;|\+|\s-\s|\bet\b|\band\b|\bund\b|\by\b|\be\b)\s*/;

/**
 * The agencies a list names, when every item is an agency (or, in a signature, initials) and at
 * least one is an agency; null otherwise, so that a list with anything else in it is no credit.
 */
function agencyList(list: string, signature: boolean): string[] | null {
  const items = list.split(LIST_SEPARATOR).map((s) => s.trim()).filter((s) => s.length > 0);
  if (items.length === 0) return null;
  const agencies: string[] = [];
  for (const item of items) {
    const agency = agencyNamed(item, signature);
    if (agency) agencies.push(agency);
    else if (!(signature && INITIALS.test(item))) return null;
  }
  return agencies.length > 0 ? agencies : null;
}

/** A list of names a credit may hold: letters, spaces, apostrophes, dashes and list separators. */
const LIST = String.raw`[\p{L}'’ .\-/,;+]{2,60}?`;

/** The forms read in the text: each captures the list of credited names in its `list` group. */
const TEXT_FORMS: readonly { form: CreditForm; pattern: RegExp; signature: boolean }[] = [
  // "(AFP)", "(ats/nxp)", "(avec AFP)" closing a paragraph, with nothing after it (a period after
  // it makes it part of a sentence: "l'Agence France-Presse (AFP).").
  { form: 'signature', pattern: new RegExp(String.raw`\((?:avec\s+|with\s+|mit\s+)?(?<list>${LIST})\)[ \t]*(?=\n|$)`, 'gu'), signature: true },
  // "(afp/nxp)", "(ats)": an agency's signature written as a desk writes it (in lower case, or with
  // the desk's initials after a slash) is a credit wherever it stands — prose never writes it so —
  // even in a text whose paragraph breaks were lost.
  { form: 'signature', pattern: new RegExp(String.raw`\((?<list>[\p{Ll}][\p{Ll}/ ]{1,30}|[\p{L}-]{2,20}/[\p{L}/ -]{2,30})\)(?![ \t]*(?:\n|$))`, 'gu'), signature: true },
  // "PARIS (AFP) -", "GENÈVE, 3 déc (Reuters) —": a dateline, at the start of a paragraph.
  { form: 'dateline', pattern: new RegExp(String.raw`(?:^|\n)[^\n(]{0,60}?\((?<list>${LIST})\)\s*[-–—]\s`, 'gu'), signature: true },
  // "Source: AFP", "Sources : AFP, Reuters", alone on their line.
  { form: 'source', pattern: new RegExp(String.raw`(?:^|\n)[ \t]*(?:Sources?|Quelle|Fuente|Fonte)[ \t]*:?[ \t]+(?<list>${LIST})[ \t.]*(?=\n|$)`, 'gu'), signature: false },
  // "Le Matin avec AFP", "Avec AFP": a line of its own, after at most a name of capitalised words
  // (so "he signed a deal with Reuters." is a sentence, not a credit).
  { form: 'with', pattern: new RegExp(String.raw`(?:^|\n)[ \t]*(?:\p{Lu}[\p{L}'’.-]*[ \t]+){0,4}(?:avec|Avec|with|With|mit|Mit)\s+(?<list>${LIST})[ \t.]*(?=\n|$)`, 'gu'), signature: false },
  // "— The Associated Press", "– AFP" ending a paragraph.
  { form: 'sign-off', pattern: new RegExp(String.raw`\s[-–—]\s*(?<list>${LIST})[ \t]*(?=\n|$)`, 'gu'), signature: false },
  // "Par AFP", "By The Associated Press" alone on their line.
  { form: 'byline', pattern: new RegExp(String.raw`(?:^|\n)[ \t]*(?:Par|By|Von|Por|Di|Door)\s+(?<list>${LIST})[ \t]*(?=\n|$)`, 'gu'), signature: false },
];

/** The credits of an article's text (all forms, in text order; one agency may be credited twice). */
export function creditsInText(text: string): Credit[] {
  const out: Credit[] = [];
  for (const { form, pattern, signature } of TEXT_FORMS) {
    for (const m of text.matchAll(pattern)) {
      const list = m.groups?.list ?? '';
      const agencies = agencyList(list, signature);
      if (!agencies) continue;
      const start = m.index + m[0].indexOf(list);
      for (const agency of agencies) out.push({ agency, form, span: { start, end: start + list.length } });
    }
  }
  return out.sort((x, y) => (x.span?.start ?? 0) - (y.span?.start ?? 0));
}

/**
 * The credits of a byline (metadata: the author field): "AFP", "Par AFP", "Le Matin avec AFP",
 * "AFP/Reuters", "Jean Dupont, AFP". A byline is a credit line, so every agency named as an item
 * of it counts; a person's name beside it does not cancel it.
 */
export function creditsInByline(byline: string | null): Credit[] {
  if (!byline) return [];
  const body = byline.trim().replace(/^(?:Par|By|Von|Por|Di|Door)\s+/i, '');
  const items = body.split(/\s*(?:\/|,|;|\||\s-\s|\bet\b|\band\b|\bavec\b|\bwith\b|\bmit\b)\s*/).map((s) => s.trim()).filter(Boolean);
  const agencies = new Set(items.map((item) => agencyNamed(item, false)).filter((a): a is string => a !== null));
  return [...agencies].map((agency) => ({ agency, form: 'byline' as const, span: null }));
}

/** The agencies an article credits, each once, in the order first credited (byline first). */
export function creditedAgencies(article: { text: string; byline?: string | null }): string[] {
  const credits = [...creditsInByline(article.byline ?? null), ...creditsInText(article.text)];
  return [...new Set(credits.map((c) => c.agency))];
}
