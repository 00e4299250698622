/**
 * A match's reasons (lib/match's codes and values) written in the UI language: dates, weekdays,
 * numbers and lists formatted by `Intl` for the reader, the sentence from the locale files.
 */
import { i18n } from '#i18n';
import type { MatchReason } from '../../lib/match/types';
import { counted, dateFormat, listFormat, localDate, localNumber, numberFormat, uiLanguage } from './format';

/** `2018-12-17` → `17 Dec 2018` / `17 déc. 2018`; `--12-17` (no year given) → `17 Dec` / `17 déc.`. */
function day(date: string): string {
  if (!date.startsWith('--')) return localDate(date);
  const d = new Date(Date.UTC(2000, Number(date.slice(2, 4)) - 1, Number(date.slice(5, 7))));
  return dateFormat({ day: 'numeric', month: 'short', timeZone: 'UTC' }).format(d);
}

/** 0 = Sunday → `Sunday` / `dimanche` (7 Jan 2018 was a Sunday). */
const weekday = (n: number) => dateFormat({ weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2018, 0, 7 + n)));

const list = (values: string[]) => listFormat({ type: 'unit' }).format(values);

const CURRENCIES = new Set(['usd', 'eur', 'gbp', 'chf']);

/**
 * `800000 usd` → `$800,000`; `5 %` → `5%`; `280000 mort` → `280,000`: any other unit is a
 * matching stem (`mort`, `person` for `personnes`), not a word to show a reader.
 */
function figure(value: string): string {
  const [n, unit = ''] = value.split(' ');
  const x = Number(n);
  if (!Number.isFinite(x)) return value;
  if (CURRENCIES.has(unit)) return numberFormat({ style: 'currency', currency: unit.toUpperCase(), maximumFractionDigits: 0 }).format(x);
  if (unit === '%') return numberFormat({ style: 'percent', maximumFractionDigits: 2 }).format(x / 100);
  return localNumber(x);
}

export function reasonText(r: MatchReason): string {
  switch (r.code) {
    case 'same-date': return i18n.t('reason.sameDate', [day(r.date)]);
    case 'same-quoted-words': return counted('reason.sameQuotedWords', r.count);
    case 'shared-entities': return i18n.t('reason.sharedEntities', [list(r.values)]);
    case 'shared-figures': return i18n.t('reason.sharedFigures', [list(r.values.map(figure))]);
    case 'shared-terms': return counted('reason.sharedTerms', r.count, numberFormat({ minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(r.similarity));
    case 'dates-differ': return i18n.t('reason.datesDiffer', [day(r.dates[0]), day(r.dates[1])]);
    case 'weekdays-differ': return i18n.t('reason.weekdaysDiffer', [weekday(r.weekdays[0]), weekday(r.weekdays[1])]);
    case 'published-apart': return counted('reason.publishedApart', r.days);
    case 'people-differ': return i18n.t('reason.peopleDiffer', [list(r.people[0]), list(r.people[1])]);
  }
}

/** All of a match's reasons, in one line (French sets a space before the semicolon). */
export const reasonsText = (reasons: readonly MatchReason[]) => reasons.map(reasonText).join(uiLanguage().startsWith('fr') ? ' ; ' : '; ');
