/**
 * Numbers, dates, languages and sizes of the corpus page, in the browser's UI language (the one
 * its i18n messages are in), so that a French interface writes `7 juil. 2016` and `1 234`.
 */
import { browser } from 'wxt/browser';
import { i18n, type GeneratedI18nStructure } from '#i18n';

/** The UI language as a BCP 47 tag (`fr`, `en-US`); English when the browser does not say. */
export const uiLocale: string = (() => {
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
})();

const numbers = new Intl.NumberFormat(uiLocale);
const dates = new Intl.DateTimeFormat(uiLocale, { day: 'numeric', month: 'short', year: 'numeric' });
const languages = new Intl.DisplayNames([uiLocale], { type: 'language' });

export const num = (n: number) => numbers.format(n);

/** A day for lists; null and unparsable dates give ''. A date without a time is that day wherever one is. */
export function day(iso: string | null): string {
  if (!iso) return '';
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const date = new Date(dateOnly ? `${iso}T12:00:00` : iso);
  return Number.isNaN(date.getTime()) ? '' : dates.format(date);
}

/** `fr` → `French` (`français` in French); a missing code says the language is unknown. */
export function languageLabel(code: string | null): string {
  if (!code) return i18n.t('corpus.languageUnknown');
  try {
    return languages.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Bytes as `1.2 MB` (`1,2 Mo` is left to the unit names of the UI language). */
export function byteSize(bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return new Intl.NumberFormat(uiLocale, { style: 'unit', unit: units[unit], unitDisplay: unit === 0 ? 'long' : 'short', maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
}

/** Only web addresses become links: a stored URL is data from a page, never trusted markup. */
export const isWebUrl = (url: string) => /^https?:\/\//i.test(url);

type CorpusKey = Extract<keyof GeneratedI18nStructure, `corpus.${string}`>;
const untypedT = i18n.t as unknown as (key: string, n: number, substitutions: string[]) => string;

/**
 * A message with plural forms (`"$1 article | $1 articles"`): the form chosen by `n`, `$1` the
 * count written in the UI language, `$2`… the other substitutions. (WXT types a plain-string
 * message as having no plural forms; the runtime picks the form by `n` all the same.)
 */
export const plural = (key: CorpusKey, n: number, ...more: string[]): string => untypedT(key, n, [num(n), ...more]);
