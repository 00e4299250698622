/**
 * Dates an article mentions: `le 27 février 2016`, `6 juillet`, `July 6, 2016`, `6 July` (and in
 * German, Spanish, Italian, Portuguese and Dutch texts `11. März`, `1 de abril`, `30 settembre`),
 * and weekdays (`lundi`, `Wednesday`, `martes`, `Dienstagabend`) resolved to the last such day on
 * or before the publication date (news writes "lundi" for the Monday just past; `WEEKDAY_DAYS_BACK`). Without a publication date a weekday stays
 * unresolved and is dropped; a day and month without year keep `--MM-DD`.
 *
 * Regular expressions on the raw text (no segmentation): they are cheap on long articles.
 */
import { baseLanguage, foldAccents } from '../text';
import type { DateMention } from './types';

/** The month and weekday names of one language, as written in lower case (weekdays 0 = Sunday, as `Date.getUTCDay`), and how it writes a date. */
interface Calendar {
  months: Record<string, number>;
  weekdays: Record<string, number>;
  /** Ordinal marks after the day, as regular expressions (`1er`, `6th`, German `11.`, Italian `1º`). */
  ordinals: string[];
  /** A preposition between day, month and year (`1 de abril de 2026`). */
  of?: string;
  /** Parts of the day a weekday is compounded with in one word (German `Dienstagabend`, Dutch `dinsdagavond`): still that day. */
  dayParts?: string[];
  /** Words beside a weekday or a date that make it the one before (`jeudi dernier`, `last Thursday`, `le 14 février dernier`) or after (`jeudi prochain`, `next Thursday`) publication, folded. */
  last: string[];
  next: string[];
}

/**
 * French and English names are read in every text, as always (a French article quotes `Monday`);
 * each other language's only in its own texts: `lunes` is Spanish Monday and French moons, and
 * `Julio`, `Abril`, `Domingo` or `Mayo` are names in English. A language without a table here is
 * read with French and English only.
 */
const CALENDARS: Record<string, Calendar> = {
  fr: {
    months: { janvier: 1, 'février': 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7, 'août': 8, septembre: 9, octobre: 10, novembre: 11, 'décembre': 12 },
    weekdays: { dimanche: 0, lundi: 1, mardi: 2, mercredi: 3, jeudi: 4, vendredi: 5, samedi: 6 },
    ordinals: ['er'],
    last: ['dernier'],
    next: ['prochain'],
  },
  en: {
    // Full and abbreviated (AP style).
    months: {
      january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
      jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
    },
    weekdays: { sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6 },
    ordinals: ['st', 'nd', 'rd', 'th'],
    last: ['last', 'past'],
    next: ['next', 'coming'],
  },
  de: {
    months: { januar: 1, 'jänner': 1, februar: 2, 'märz': 3, april: 4, mai: 5, juni: 6, juli: 7, august: 8, september: 9, oktober: 10, november: 11, dezember: 12 },
    weekdays: { sonntag: 0, montag: 1, dienstag: 2, mittwoch: 3, donnerstag: 4, freitag: 5, samstag: 6, sonnabend: 6 },
    ordinals: ['\\.'],
    dayParts: ['morgen', 'früh', 'vormittag', 'mittag', 'nachmittag', 'abend', 'nacht'],
    last: ['letzten', 'vergangenen', 'vorigen'],
    next: ['nachsten', 'kommenden'],
  },
  es: {
    months: { enero: 1, febrero: 2, marzo: 3, abril: 4, mayo: 5, junio: 6, julio: 7, agosto: 8, septiembre: 9, setiembre: 9, octubre: 10, noviembre: 11, diciembre: 12 },
    weekdays: { domingo: 0, lunes: 1, martes: 2, 'miércoles': 3, jueves: 4, viernes: 5, 'sábado': 6 },
    ordinals: ['º', '\\.º'],
    of: 'de',
    last: ['pasado'],
    next: ['proximo'],
  },
  it: {
    months: { gennaio: 1, febbraio: 2, marzo: 3, aprile: 4, maggio: 5, giugno: 6, luglio: 7, agosto: 8, settembre: 9, ottobre: 10, novembre: 11, dicembre: 12 },
    weekdays: { domenica: 0, 'lunedì': 1, 'martedì': 2, 'mercoledì': 3, 'giovedì': 4, 'venerdì': 5, sabato: 6 },
    ordinals: ['º'],
    last: ['scorso'],
    next: ['prossimo'],
  },
  pt: {
    months: { janeiro: 1, fevereiro: 2, 'março': 3, abril: 4, maio: 5, junho: 6, julho: 7, agosto: 8, setembro: 9, outubro: 10, novembro: 11, dezembro: 12 },
    // (`segunda`, `quinta` alone are also `second`, `fifth`: those weekdays count with `-feira` only.)
    weekdays: { domingo: 0, 'segunda-feira': 1, 'terça-feira': 2, 'quarta-feira': 3, 'quinta-feira': 4, 'sexta-feira': 5, 'sábado': 6 },
    ordinals: ['º', '\\.º'],
    of: 'de',
    last: ['passada', 'passado'],
    next: ['proxima', 'proximo'],
  },
  nl: {
    months: { januari: 1, februari: 2, maart: 3, april: 4, mei: 5, juni: 6, juli: 7, augustus: 8, september: 9, oktober: 10, november: 11, december: 12 },
    weekdays: { zondag: 0, maandag: 1, dinsdag: 2, woensdag: 3, donderdag: 4, vrijdag: 5, zaterdag: 6 },
    ordinals: [],
    dayParts: ['ochtend', 'morgen', 'middag', 'avond', 'nacht'],
    last: ['afgelopen', 'vorige'],
    next: ['volgende', 'komende'],
  },
};

/** The names read in a text of one language, folded (accents, case) to their number, and the expressions that find them. */
interface Names {
  months: ReadonlyMap<string, number>;
  weekdays: ReadonlyMap<string, number>;
  /** Folded parts of the day a weekday may be compounded with. */
  dayParts: readonly string[];
  /** A weekday, alone or compounded with a part of the day (group 1: the weekday). */
  weekday: RegExp;
  /** Folded words beside a weekday or a date that place it before or after publication. */
  last: ReadonlySet<string>;
  next: ReadonlySet<string>;
  /** `27 février 2016`, `1er mai`, `6 July`, `11. März`, `1 de abril de 2026`: day before month (groups: day, month, year). */
  dayMonth: RegExp;
  /** `July 6`, `Dec. 3, 2012`: month before day (American; groups: month, day, year). */
  monthDay: RegExp;
}

const NAMES = new Map<string, Names>();
const fold = (word: string) => foldAccents(word.toLowerCase());

/** The table of `lang` besides French and English (its primary subtag), or `''`. */
function ownTable(lang: string | null | undefined): string {
  const primary = baseLanguage(lang ?? '');
  return primary !== 'fr' && primary !== 'en' && primary in CALENDARS ? primary : '';
}

function namesOf(lang: string | null | undefined): Names {
  const key = ownTable(lang);
  let names = NAMES.get(key);
  if (names) return names;
  const tables = [CALENDARS.fr!, CALENDARS.en!, ...(key ? [CALENDARS[key]!] : [])];
  const folded = (pick: (c: Calendar) => Record<string, number>) => new Map(tables.flatMap((t) => Object.entries(pick(t)).map(([w, n]) => [fold(w), n] as const)));
  // Each name as written and folded (`février` and `fevrier`), longest first.
  const alternatives = (pick: (c: Calendar) => Record<string, number>) => [...new Set(tables.flatMap((t) => Object.keys(pick(t)).flatMap((w) => [w, fold(w)])))].sort((a, b) => b.length - a.length).join('|');
  const dayParts = tables.flatMap((t) => t.dayParts ?? []);
  const parts = dayParts.length ? `(?:${[...new Set(dayParts.flatMap((p) => [p, fold(p)]))].join('|')})?` : '';
  const ordinals = [...new Set(tables.flatMap((t) => t.ordinals))].sort((a, b) => b.length - a.length).join('|');
  const of = [...new Set(tables.flatMap((t) => (t.of ? [t.of] : [])))];
  const ofWord = of.length ? `(?:(?:${of.join('|')})\\s+)?` : '';
  const M = alternatives((t) => t.months);
  const notAfter = '(?<![\\p{L}\\p{N}_])';
  const notBefore = '(?![\\p{L}\\p{N}_])';
  names = {
    months: folded((t) => t.months),
    weekdays: folded((t) => t.weekdays),
    dayParts: dayParts.map(fold),
    weekday: new RegExp(`${notAfter}(${alternatives((t) => t.weekdays)})${parts}${notBefore}`, 'giu'),
    last: new Set(tables.flatMap((t) => t.last)),
    next: new Set(tables.flatMap((t) => t.next)),
    // (After the month: its year, or a full stop a word follows at once, kept as before, or the word's end.)
    dayMonth: new RegExp(`${notAfter}(\\d{1,2})(?:${ordinals})?\\s+${ofWord}(${M})(?:\\.?\\s+${ofWord}(\\d{4})${notBefore}|\\.(?=[\\p{L}\\p{N}_])|${notBefore})`, 'giu'),
    monthDay: new RegExp(`${notAfter}(${M})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?${notBefore}(?:,?\\s+(\\d{4}))?`, 'giu'),
  };
  NAMES.set(key, names);
  return names;
}

/**
 * A month or weekday name (`Dec`, `décembre`, `Wednesday`, `samedi`; in a German or Dutch text a
 * weekday with its part of the day, `Dienstagabend`), any case: a date word, never a name. Read
 * with French and English names, and those of `lang` when given.
 */
export function isCalendarWord(word: string, lang?: string | null): boolean {
  return calendarKey(word, lang) !== null;
}

/** What a month or weekday name stands for (`month:3` for `März`, `mars`, `March`; `weekday:2` for `Dienstagabend`), else null. */
export function calendarKey(word: string, lang?: string | null): string | null {
  const names = namesOf(lang);
  const w = fold(word).replace(/\.$/u, '');
  const month = names.months.get(w);
  if (month !== undefined) return `month:${month}`;
  const day = names.weekdays.get(w) ?? weekdayWithPart(w, names);
  return day === undefined ? null : `weekday:${day}`;
}

function weekdayWithPart(w: string, names: Names): number | undefined {
  for (const part of names.dayParts) {
    if (w.length > part.length && w.endsWith(part)) {
      const day = names.weekdays.get(w.slice(0, -part.length));
      if (day !== undefined) return day;
    }
  }
  return undefined;
}

/** Characters of the body counted as its lead (with the title). */
export const LEAD_CHARS = 600;

const pad = (n: number) => String(n).padStart(2, '0');

function validDay(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/**
 * Months after publication within which a day and month written without a year is the coming one
 * (`le jugement sera rendu le 31 mars` in November, `entro il 30 settembre` in June); further on
 * it is the last one (`depuis le 17 novembre` in February). Before, up to two months: the word
 * `entro` in March put 30 September in the year before.
 */
export const FUTURE_MONTHS = 4;

/** Year of a day-month written without year: the nearest such month, `FUTURE_MONTHS` ahead at most, unless a word beside it says which (`le 14 juillet dernier`, `next March 3`). */
function inferYear(month: number, published: Date | null, said: 'last' | 'next' | null = null): number | null {
  if (!published) return null;
  const y = published.getUTCFullYear();
  const m = published.getUTCMonth() + 1;
  if (said === 'last') return month > m ? y - 1 : y;
  if (said === 'next') return month < m ? y + 1 : y;
  const ahead = (month - m + 12) % 12;
  if (ahead === 0) return y;
  return ahead <= FUTURE_MONTHS ? (month > m ? y : y + 1) : (month < m ? y : y - 1);
}

/** Whether the word right after a date (`le 14 juillet dernier`) or before it (`next March 3`) places it before or after publication. */
function placedBy(text: string, start: number, end: number, names: Names): 'last' | 'next' | null {
  const beside = [/(\p{L}+)[ \u00a0]+$/u.exec(text.slice(Math.max(0, start - 16), start))?.[1], /^[ \u00a0]+(\p{L}+)/u.exec(text.slice(end, end + 16))?.[1]].flatMap((w) => (w ? [fold(w)] : []));
  return beside.some((w) => names.last.has(w)) ? 'last' : beside.some((w) => names.next.has(w)) ? 'next' : null;
}

/** `YYYY-MM-DD` of a UTC date. */
export function isoDay(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Parse the day part of an ISO date (`2016-07-06T21:00:00+03:00` → 2016-07-06 UTC midnight), or null. */
export function parsePublished(value: string | null | undefined): Date | null {
  const m = value ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * Date mentions of `text` (title first, then body; `leadEnd` = offset where the lead ends), one
 * per distinct date, first occurrence kept (a lead mention wins). Names of French and English,
 * and of `lang` when given (`isCalendarWord`).
 */
export function findDates(text: string, leadEnd: number, published: Date | null, lang?: string | null): DateMention[] {
  const names = namesOf(lang);
  const found: { at: number; mention: DateMention }[] = [];
  const add = (at: number, written: string, month: number, day: number, year: number | null) => {
    if (!validDay(month, day)) return;
    const date = year ? `${year}-${pad(month)}-${pad(day)}` : `--${pad(month)}-${pad(day)}`;
    found.push({ at, mention: { date, text: written.trim(), lead: at < leadEnd } });
  };
  const month = (name: string) => names.months.get(fold(name));
  for (const m of text.matchAll(names.dayMonth)) {
    const mo = month(m[2]!);
    if (mo === undefined) continue;
    // `mai` and `mars` are also words; a day number before them makes them months.
    add(m.index, m[0], mo, Number(m[1]), m[3] ? Number(m[3]) : inferYear(mo, published, placedBy(text, m.index, m.index + m[0].length, names)));
  }
  for (const m of text.matchAll(names.monthDay)) {
    const mo = month(m[1]!);
    // `May 5` is a date; `may 5` (verb) is not: English month names must be capitalised.
    if (mo === undefined || !/^\p{Lu}/u.test(m[1]!)) continue;
    add(m.index, m[0], mo, Number(m[2]), m[3] ? Number(m[3]) : inferYear(mo, published, placedBy(text, m.index, m.index + m[0].length, names)));
  }
  if (published) {
    for (const m of text.matchAll(names.weekday)) {
      const wd = names.weekdays.get(fold(m[1]!));
      if (wd === undefined) continue;
      // English weekdays are capitalised; a lower-case "friday" is not one.
      if (/^[a-z]/.test(m[1]!) && /day$/i.test(m[1]!)) continue;
      const said = placedBy(text, m.index, m.index + m[0].length, names);
      const back = (published.getUTCDay() - wd + 7) % 7;
      const days = said === 'last' ? -(back || 7) : said === 'next' ? (7 - back) % 7 || 7 : back <= WEEKDAY_DAYS_BACK ? -back : null;
      if (days === null) continue;
      const d = new Date(published.getTime() + days * 86_400_000);
      add(m.index, m[0], d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCFullYear());
    }
  }
  found.sort((a, b) => a.at - b.at);
  const seen = new Set<string>();
  const out: DateMention[] = [];
  for (const { mention } of found) {
    if (seen.has(mention.date)) continue;
    seen.add(mention.date);
    out.push(mention);
  }
  return out;
}

/** Weekdays named in `text` before `leadEnd` (0 = Sunday), in order, each once; English ones only when capitalised. */
export function leadWeekdays(text: string, leadEnd: number, lang?: string | null): number[] {
  const out: number[] = [];
  const names = namesOf(lang);
  for (const m of text.slice(0, leadEnd).matchAll(names.weekday)) {
    if (/^[a-z]/.test(m[1]!) && /day$/i.test(m[1]!)) continue;
    const wd = names.weekdays.get(fold(m[1]!));
    if (wd !== undefined && !out.includes(wd)) out.push(wd);
  }
  return out;
}

/**
 * A weekday is the last such day up to this many days before publication (news writes `lundi`
 * for the Monday just past). Further back it is as often the coming one (`la grève de jeudi` in
 * a Tuesday paper, `will vote Thursday`): no date, unless a word beside it says which (`jeudi
 * dernier`, `next Thursday`), rather than a wrong one ("both give the date 28 Nov" of two
 * articles on the coming Thursday).
 */
export const WEEKDAY_DAYS_BACK = 3;

/** Days before publication within which a lead date can be the event's own date (older ones are background: "since 17 November"). */
export const EVENT_WINDOW_DAYS = 2;

/**
 * The day the event reported happened, as far as the text tells: the first date of the lead (the
 * title and first lines, where news says when: "on Friday", "samedi", "le 16 décembre") that falls
 * on or before the publication day and at most `EVENT_WINDOW_DAYS` before it. Null without a
 * publication date (a weekday cannot be placed, an old explicit date cannot be told from
 * background) or without such a lead date.
 */
export function eventDate(dates: readonly DateMention[], published: string | null): string | null {
  if (!published) return null;
  for (const d of dates) {
    if (!d.lead || d.date.startsWith('--')) continue;
    const before = (Date.parse(published) - Date.parse(d.date)) / 86_400_000;
    if (before >= 0 && before <= EVENT_WINDOW_DAYS) return d.date;
  }
  return null;
}

/** Same calendar day, a missing year matching any year. */
export function sameDay(a: string, b: string): boolean {
  if (a.slice(-5) !== b.slice(-5)) return false;
  return a.startsWith('--') || b.startsWith('--') || a.slice(0, 4) === b.slice(0, 4);
}

/** Days between two dates; null when a year is missing on either side (then only `sameDay` can tell). */
export function daysApart(a: string, b: string): number | null {
  if (a.startsWith('--') || b.startsWith('--')) {
    // Without years, compare within a year (6 July vs 18 April: 79 days).
    const da = Date.UTC(2001, Number(a.slice(-5, -3)) - 1, Number(a.slice(-2)));
    const db = Date.UTC(2001, Number(b.slice(-5, -3)) - 1, Number(b.slice(-2)));
    const d = Math.abs(da - db) / 86_400_000;
    return Math.min(d, 365 - d);
  }
  return Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;
}
