/**
 * Formatters shared by the side panel, the corpus page and the options page: numbers, dates,
 * languages, sizes and counted messages in the UI language (`7 juil. 2016`, `1 234`, `1,9 Mo`).
 */
import { browser } from 'wxt/browser';
import { i18n, type GeneratedI18nStructure } from '#i18n';

/**
 * The language the UI is shown in, for its dates and numbers: the browser's UI language
 * (`en-GB`, `fr-CA`…) when the extension has messages in it, else the language of the messages
 * the browser fell back to (a German browser reads English text, with English dates).
 */
export function uiLanguage(): string {
  const messages = i18n.t('panel.lang') || 'en';
  try {
    const ui = browser.i18n.getUILanguage();
    return ui && ui.split('-')[0]!.toLowerCase() === messages ? ui : messages;
  } catch {
    return messages;
  }
}

/**
 * `Intl` formatters of the UI language, made once per language and options: making one costs a
 * millisecond or more, using one a microsecond, and the side panel writes every date and number
 * of its lists again at each step of a comparison (`toLocaleString` makes a formatter per call).
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat | Intl.DisplayNames>();
function formatter<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat | Intl.DisplayNames>(kind: string, options: object, make: (language: string) => T): T {
  const language = uiLanguage();
  const key = `${kind} ${language} ${JSON.stringify(options)}`;
  let f = formatters.get(key) as T | undefined;
  if (!f) formatters.set(key, (f = make(language)));
  return f;
}

/** `n.toLocaleString(uiLanguage(), options)`, with a kept formatter. */
export const numberFormat = (options: Intl.NumberFormatOptions = {}) => formatter('number', options, (l) => new Intl.NumberFormat(l, options));
/** `date.toLocaleDateString(uiLanguage(), options)` (options naming a date field or style), with a kept formatter. */
export const dateFormat = (options: Intl.DateTimeFormatOptions) => formatter('date', options, (l) => new Intl.DateTimeFormat(l, options));
/** `new Intl.ListFormat(uiLanguage(), options)`, kept. */
export const listFormat = (options: Intl.ListFormatOptions) => formatter('list', options, (l) => new Intl.ListFormat(l, options));
/**
 * Names of languages or scripts in the UI language, with a kept formatter: the corpus page names
 * the language of each of its 200 rows at every render, and one made per row was most of a render
 * (Chromium, corpus page profiled while an import of 20,000 was prepared: 751 ms of 3.7 s).
 */
const namesOf = (type: 'language' | 'script') => formatter('names', { type }, (l) => new Intl.DisplayNames([l], { type }));

/** `12,345` in English, `12 345` in French. */
export function localNumber(n: number): string {
  return numberFormat().format(n);
}

/** A share in [0, 1] as a whole percentage number (`87`), the sign left to the sentence. */
export function localPercent(share: number): string {
  return numberFormat().format(Math.round(share * 100));
}

const DAY: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
const DAY_UTC: Intl.DateTimeFormatOptions = { ...DAY, timeZone: 'UTC' };

/** A date in the UI language (`6 Jul 2016`, `6 juil. 2016`); null and unparsable dates give ''. */
export function localDate(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  // Dates without a time (`2016-07-06`) are UTC midnight: show that day wherever the reader is.
  return dateFormat(/T\d/.test(iso) ? DAY : DAY_UTC).format(date);
}

/** A language's name in the UI language (`fr` → `French`, `français`); null for a missing or unknown code. */
export function localLanguageName(code: string | null): string | null {
  if (!code) return null;
  try {
    return namesOf('language').of(code) ?? null;
  } catch {
    return null;
  }
}

/** A script's name in the UI language (`Cyrl` → `Cyrillic`, `cyrillique`); null for an unknown code. */
export function localScriptName(code: string | null): string | null {
  if (!code) return null;
  try {
    return namesOf('script').of(code) ?? null;
  } catch {
    return null;
  }
}

const untypedT = i18n.t as unknown as (key: string, n: number, substitutions: string[]) => string;

/**
 * A message with plural forms (`"$1 article | $1 articles"`): the form chosen by `n`, `$1` the
 * count written in the UI language, `$2`… the other substitutions. (WXT types a plain-string
 * message as having no plural forms; its runtime picks the form by `n` all the same.)
 */
export function counted(key: keyof GeneratedI18nStructure, n: number, ...more: string[]): string {
  return untypedT(key, n, [localNumber(n), ...more]);
}

/** Bytes in the UI language's units (`1.9 MB`, `1,9 Mo`). */
export function byteSize(bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return new Intl.NumberFormat(uiLanguage(), { style: 'unit', unit: units[unit], unitDisplay: unit === 0 ? 'long' : 'short', maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
}

/** Only web addresses become links: a stored URL is data from a page, never trusted markup. */
export const isWebUrl = (url: string) => /^https?:\/\//i.test(url);
