/**
 * The languages the text core covers: Latin-script languages with both a Snowball stemmer
 * (snowball-stemmers) and a Snowball stop list (@orama/stopwords). Everything downstream
 * (matching, quotes, framing) claims support only for these.
 */

/** The six languages the project is tested on. */
export const CORE_LANGUAGES = ['fr', 'en', 'es', 'de', 'it', 'pt'] as const;

/** ISO 639-1 code → Snowball algorithm name. */
export const SNOWBALL_NAMES: Readonly<Record<string, string>> = {
  fr: 'french',
  en: 'english',
  es: 'spanish',
  de: 'german',
  it: 'italian',
  pt: 'portuguese',
  nl: 'dutch',
  da: 'danish',
  sv: 'swedish',
  no: 'norwegian',
  fi: 'finnish',
  ro: 'romanian',
  hu: 'hungarian',
  tr: 'turkish',
};

/** Every supported ISO 639-1 code. */
export const SUPPORTED_LANGUAGES: readonly string[] = Object.keys(SNOWBALL_NAMES);

/**
 * The ISO 639-1 code of a BCP 47 tag or code, lower case: `fr-CH` → `fr`, `pt_BR` → `pt`,
 * Norwegian Bokmål/Nynorsk (`nb`, `nn`) → `no` (one Snowball algorithm covers both).
 * Returns '' for an empty tag.
 */
export function baseLanguage(tag: string): string {
  const base = (tag.trim().toLowerCase().split(/[-_]/)[0] ?? '');
  return base === 'nb' || base === 'nn' ? 'no' : base;
}

/** True when `code` (ISO 639-1 or a BCP 47 tag such as `fr-CH`) is covered by the text core. */
export function isSupportedLanguage(code: string | null | undefined): boolean {
  return !!code && baseLanguage(code) in SNOWBALL_NAMES;
}
