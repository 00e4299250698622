/**
 * Dates an article mentions: `le 27 février 2016`, `6 juillet`, `July 6, 2016`, `6 July`, and
 * weekdays (`lundi`, `Wednesday`) resolved to the last such day on or before the publication
 * date (news writes "lundi" for the Monday just past). Without a publication date a weekday stays
 * unresolved and is dropped; a day and month without year keep `--MM-DD`.
 *
 * Regular expressions on the raw text (no segmentation): they are cheap on long articles.
 */
import { foldAccents } from '../text';
import type { DateMention } from './types';

const MONTHS: Record<string, number> = {
  // French (accent-folded, lower case)
  janvier: 1, fevrier: 2, 'février': 2, 'août': 8, 'décembre': 12, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7, aout: 8, septembre: 9, octobre: 10, novembre: 11, decembre: 12,
  // English, full and abbreviated (AP style)
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
/** 0 = Sunday, as `Date.getUTCDay`. */
const WEEKDAYS: Record<string, number> = {
  dimanche: 0, lundi: 1, mardi: 2, mercredi: 3, jeudi: 4, vendredi: 5, samedi: 6,
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
};

const MONTH_NAMES = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');
const WEEKDAY_NAMES = Object.keys(WEEKDAYS).join('|');
/** `27 février 2016`, `1er mai`, `6 July`: day before month (French, British). */
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})(?:er|st|nd|rd|th)?\\s+(${MONTH_NAMES})\\.?(?:\\s+(\\d{4}))?\\b`, 'giu');
/** `July 6`, `Dec. 3, 2012`: month before day (American). */
const MONTH_DAY = new RegExp(`\\b(${MONTH_NAMES})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4}))?`, 'giu');
const WEEKDAY = new RegExp(`\\b(${WEEKDAY_NAMES})\\b`, 'giu');

/** A month or weekday name (`Dec`, `décembre`, `Wednesday`, `samedi`), any case: a date word, never a name. */
export function isCalendarWord(word: string): boolean {
  const w = foldAccents(word.toLowerCase()).replace(/\.$/, '');
  return w in MONTHS || w in WEEKDAYS;
}

/** Characters of the body counted as its lead (with the title). */
export const LEAD_CHARS = 600;

const pad = (n: number) => String(n).padStart(2, '0');

function validDay(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** Year of a day-month written without year: the publication year, or the previous one when the month is well after publication. */
function inferYear(month: number, published: Date | null): number | null {
  if (!published) return null;
  const y = published.getUTCFullYear();
  return month > published.getUTCMonth() + 2 ? y - 1 : y;
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
 * per distinct date, first occurrence kept (a lead mention wins).
 */
export function findDates(text: string, leadEnd: number, published: Date | null): DateMention[] {
  const found: { at: number; mention: DateMention }[] = [];
  const add = (at: number, written: string, month: number, day: number, year: number | null) => {
    if (!validDay(month, day)) return;
    const date = year ? `${year}-${pad(month)}-${pad(day)}` : `--${pad(month)}-${pad(day)}`;
    found.push({ at, mention: { date, text: written.trim(), lead: at < leadEnd } });
  };
  const month = (name: string) => MONTHS[foldAccents(name.toLowerCase())];
  for (const m of text.matchAll(DAY_MONTH)) {
    const mo = month(m[2]!);
    if (mo === undefined) continue;
    // `mai` and `mars` are also words; a day number before them makes them months.
    add(m.index, m[0], mo, Number(m[1]), m[3] ? Number(m[3]) : inferYear(mo, published));
  }
  for (const m of text.matchAll(MONTH_DAY)) {
    const mo = month(m[1]!);
    // `May 5` is a date; `may 5` (verb) is not: English month names must be capitalised.
    if (mo === undefined || !/^\p{Lu}/u.test(m[1]!)) continue;
    add(m.index, m[0], mo, Number(m[2]), m[3] ? Number(m[3]) : inferYear(mo, published));
  }
  if (published) {
    for (const m of text.matchAll(WEEKDAY)) {
      const wd = WEEKDAYS[m[1]!.toLowerCase()];
      if (wd === undefined) continue;
      // English weekdays are capitalised; a lower-case "friday" is not one.
      if (/^[a-z]/.test(m[1]!) && /day$/i.test(m[1]!)) continue;
      const back = (published.getUTCDay() - wd + 7) % 7;
      const d = new Date(published.getTime() - back * 86_400_000);
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
export function leadWeekdays(text: string, leadEnd: number): number[] {
  const out: number[] = [];
  for (const m of text.slice(0, leadEnd).matchAll(WEEKDAY)) {
    if (/^[a-z]/.test(m[1]!) && /day$/i.test(m[1]!)) continue;
    const wd = WEEKDAYS[m[1]!.toLowerCase()];
    if (wd !== undefined && !out.includes(wd)) out.push(wd);
  }
  return out;
}

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
