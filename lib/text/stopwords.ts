/**
 * Stop words: the Snowball stop lists (https://snowballstem.org/algorithms/, per language
 * "stop words" file) as packaged by @orama/stopwords (its Spanish one longer: `REMOVED`). Chosen over stopwords-iso, whose lists
 * are 3–7 times longer and include content words that matter for news matching (fr `premier`,
 * `personnes`; en `uk`, `high`; it `paese`, `anno`; pt `povo`, `sistema`).
 *
 * Matching is case-, accent- and apostrophe-insensitive: `L’`, `l'` and `l` are the same entry,
 * `A` matches `à`. Folding accents merges no stop word with a content word in these lists'
 * languages worth keeping apart (es `él`/`el`, `sí`/`si`, pt `é`/`e` are all stop words).
 */
import { stopwords as da } from '@orama/stopwords/danish';
import { stopwords as de } from '@orama/stopwords/german';
import { stopwords as en } from '@orama/stopwords/english';
import { stopwords as es } from '@orama/stopwords/spanish';
import { stopwords as fi } from '@orama/stopwords/finnish';
import { stopwords as fr } from '@orama/stopwords/french';
import { stopwords as hu } from '@orama/stopwords/hungarian';
import { stopwords as it } from '@orama/stopwords/italian';
import { stopwords as nl } from '@orama/stopwords/dutch';
import { stopwords as no } from '@orama/stopwords/norwegian';
import { stopwords as pt } from '@orama/stopwords/portuguese';
import { stopwords as ro } from '@orama/stopwords/romanian';
import { stopwords as sv } from '@orama/stopwords/swedish';
import { stopwords as tr } from '@orama/stopwords/turkish';
import { baseLanguage } from './languages';
import { fold } from './normalize';

const LISTS: Readonly<Record<string, readonly string[]>> = { da, de, en, es, fi, fr, hu, it, nl, no, pt, ro, sv, tr };

/**
 * Extra entries: the elided forms our tokenizer splits off (`segment.ts` ELIDED) that the
 * Snowball lists lack, so that every elided token is a stop word.
 */
const EXTRA: Readonly<Record<string, readonly string[]>> = {
  fr: ['qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu', 'quelqu'],
  it: ['dell', 'dall', 'nell', 'sull', 'all', 'coll', 'un', 'quest', 'quell', 'l', 'c', 'd', 'po'],
};

/**
 * Entries left out: @orama/stopwords' Spanish list is not Snowball's (577 words against about
 * 300) but a longer one holding content words news is made of — `Estados Unidos` lost `Estados`
 * and became `Unidos`, `Estado Islámico` `Islámico`, and `trabajo`, `empleo`, `acuerdo`, `horas`
 * told nothing when two articles on a labour reform were compared. These are nouns, adjectives,
 * numbers and dates, as the other languages' Snowball lists leave them; their function words and
 * verbs of saying stay.
 */
const REMOVED: Readonly<Record<string, readonly string[]>> = {
  es: [
    'acuerdo', 'anterior', 'ayer', 'hoy', 'tarde', 'temprano', 'breve', 'cosas', 'ejemplo', 'empleo', 'emplear', 'empleas', 'emplean', 'empleais',
    'estado', 'estados', 'fin', 'final', 'general', 'gran', 'grande', 'grandes', 'horas', 'dia', 'dias', 'lado', 'largo', 'lugar', 'mal',
    'mayor', 'mejor', 'peor', 'medio', 'momento', 'nueva', 'nuevas', 'nuevo', 'nuevos', 'pais', 'parte', 'posible', 'primer', 'primera',
    'primero', 'primeros', 'segunda', 'segundo', 'tercera', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'pasada', 'pasado',
    'proximo', 'proximos', 'tiempo', 'total', 'trabajo', 'trabaja', 'trabajan', 'trabajar', 'trabajas', 'trabajamos', 'trabajais', 'valor',
    'verdad', 'verdadera', 'verdadero', 'ultimo', 'ultima', 'ultimas', 'ultimos', 'diferente', 'diferentes', 'buen', 'buena', 'buenas', 'bueno',
    'buenos', 'realizar', 'realizado', 'realizo',
  ],
};

/** The key a word is looked up by: normalised, accent-folded, apostrophes at either end removed. */
export function stopwordKey(word: string): string {
  return fold(word).replace(/^'+|'+$/g, '');
}

const EMPTY: ReadonlySet<string> = new Set();
const sets = new Map<string, ReadonlySet<string>>();

/**
 * The stop words of `lang` (ISO 639-1 or BCP 47 tag) as lookup keys (see `stopwordKey`: lower
 * case, no accents, straight apostrophes). Empty for unsupported languages.
 */
export function stopwords(lang: string): ReadonlySet<string> {
  const code = baseLanguage(lang);
  let set = sets.get(code);
  if (!set) {
    const list = LISTS[code];
    if (!list) return EMPTY;
    const removed = new Set((REMOVED[code] ?? []).map(stopwordKey));
    set = new Set([...list, ...(EXTRA[code] ?? [])].map(stopwordKey).filter((w) => w.length > 0 && !removed.has(w)));
    sets.set(code, set);
  }
  return set;
}

/** True when `word` is a stop word of `lang`; case-, accent- and apostrophe-insensitive. */
export function isStopword(word: string, lang: string): boolean {
  const key = stopwordKey(word);
  return key.length > 0 && stopwords(lang).has(key);
}
