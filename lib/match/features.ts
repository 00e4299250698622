/**
 * Per-article features, computed once per article (at save time in the extension) and stored
 * with it: the pair scorer and the index never look at the text again.
 */
import { detectLanguage } from '../text';
import { eventDate, findDates, isCalendarWord, isoDay, LEAD_CHARS, leadWeekdays, parsePublished } from './dates';
import { findEntities } from './entities';
import { stems, termStem } from './terms';
import { FEATURES_VERSION, type ArticleFeatures } from './types';

/** What features are computed from: an `ExtractedArticle` fits, as does a stored article. */
export interface FeatureInput {
  title?: string | null;
  text: string;
  language?: string | null;
  /** ISO 8601 date or date-time. */
  publishedTime?: string | null;
}

/** Stems kept per article. Enough for the cosine to be stable; bounded so stored features stay around 1–2 kB. */
export const MAX_TERMS = 80;
export const MAX_ENTITIES = 40;
export const MAX_NUMBERS = 24;
export const MAX_QUOTED = 96;
/** Body characters analysed: the news is in the first pages; very long pages are mostly debris or live blogs. */
const MAX_BODY_CHARS = 40_000;
/** Words in a quotation shingle: short enough to survive small edits, long enough to be specific. */
const SHINGLE = 3;

/** FNV-1a, 32 bits: a stable hash for shingles. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Quoted spans: « … », “ … ”, and straight "…" paired in order. At least 20 characters, at most 600. */
const QUOTED = /«\s*([^«»]{20,600}?)\s*»|“([^“”]{20,600}?)”|"([^"\n]{20,600}?)"/gu;

function quotedShingles(text: string, lang: string): number[] {
  const out = new Set<number>();
  for (const m of text.matchAll(QUOTED)) {
    const q = m[1] ?? m[2] ?? m[3] ?? '';
    const qs = stems(q, lang);
    for (let i = 0; i + SHINGLE <= qs.length; i++) {
      out.add(fnv1a(qs.slice(i, i + SHINGLE).join(' ')));
      if (out.size >= MAX_QUOTED) return [...out];
    }
  }
  return [...out];
}

/**
 * A figure: an optional currency sign, then digits with thousands separators (`280.000`,
 * `51'000`, `800,000`, `1 200`) or a decimal (`1,5`, `2.5`); its scale and unit follow it.
 */
const FIGURE = /(?<![\p{L}\p{N}$€£])(US\$|\$|€|£)?\s?(\d{1,3}(?:[ .,'’\u00a0\u202f]\d{3})+(?![.,]?\d)|\d+(?:[.,]\d+)?)/gu;
/** The words after a figure: `%`, or a word (a quotation mark may open before it: `51'000 «gilets jaunes»`). */
const NEXT_WORD = /^\s*(?:(%)|[«"“]?\s*([\p{L}][\p{L}\p{M}'’-]*))/u;
/** Scale words: `1,5 million`, `$2 billion`, `3 milliards`. */
const SCALES: Record<string, number> = {
  thousand: 1e3, mille: 1e3, million: 1e6, millions: 1e6, billion: 1e9, billions: 1e9,
  milliard: 1e9, milliards: 1e9, trillion: 1e12, trillions: 1e12,
};
/** Currencies written as signs or words, by ISO 4217 code. */
const CURRENCY_SIGNS: Record<string, string> = { $: 'usd', US$: 'usd', '€': 'eur', '£': 'gbp' };
const CURRENCY_WORDS: Record<string, string> = {
  dollar: 'usd', dollars: 'usd', euro: 'eur', euros: 'eur', franc: 'chf', francs: 'chf', pound: 'gbp', pounds: 'gbp', livres: 'gbp',
};
/** Words between a scale and its unit: `1,5 million de personnes`, `2 million of them`. */
const OF = new Set(['de', 'of']);

/**
 * A figure as written, as a number, whatever its thousands separators (`282'710`, the Swiss
 * outlets' style, `282 710`, `282.710`, `282,710`) and a decimal comma (`6,5`): NaN when it is
 * none. Matching's figures and the omissions' read figures alike.
 */
export function figureValue(raw: string): number {
  return Number(raw.replace(/[ .,'’\u00a0\u202f](?=\d{3}(?!\d))/g, '').replace(',', '.'));
}

/**
 * Figures as whole numbers with their unit: `280000 mort`, `1500000 person`, `800000 usd` (the
 * `$800,000 federal grant` is in dollars, not in "federal"), `5 %`. A figure whose next word is a
 * stop word (`10 and`) has no unit and is left out, as are small counts and bare years.
 */
function findNumbers(text: string, lang: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(FIGURE)) {
    const raw = m[2]!;
    let value = figureValue(raw);
    let currency = m[1] ? CURRENCY_SIGNS[m[1]] : undefined;
    let rest = text.slice(m.index + m[0].length, m.index + m[0].length + 80);
    // The next word, lower case, its elided article cut (`d'habitants` → `habitants`); `%` noted apart.
    const after = { percent: false };
    const nextWord = () => {
      const next = NEXT_WORD.exec(rest);
      if (next) rest = rest.slice(next[0].length);
      after.percent = !!next?.[1];
      return next?.[2]?.toLowerCase().replace(/^[dl]['’]/u, '');
    };
    let word = nextWord();
    let scaled = false;
    if (word && word in SCALES) {
      value *= SCALES[word]!;
      scaled = true;
      word = nextWord();
      if (word && OF.has(word)) word = nextWord();
    }
    if (!Number.isFinite(value)) continue;
    if (word && word in CURRENCY_WORDS) currency = CURRENCY_WORDS[word];
    // Small counts ("2 ans", "3 pays") are everywhere; years alone are dates, not figures.
    if (!scaled && !currency && (value < 10 || (Number.isInteger(value) && value >= 1900 && value <= 2100))) continue;
    let unit = currency ?? (after.percent ? '%' : undefined);
    if (!unit && word && word.length >= 2 && !isCalendarWord(word, lang)) unit = termStem(word, lang) || undefined;
    if (!unit) continue;
    out.add(`${Math.round(value * 100) / 100} ${unit}`);
    if (out.size >= MAX_NUMBERS) break;
  }
  return [...out];
}

/** Features of one article. Deterministic; costs about a millisecond per 3 kB of text. */
export function computeFeatures(input: FeatureInput): ArticleFeatures {
  const title = (input.title ?? '').trim();
  const body = input.text.length > MAX_BODY_CHARS ? input.text.slice(0, MAX_BODY_CHARS) : input.text;
  const lang = input.language ?? detectLanguage(`${title}\n${body.slice(0, 2000)}`) ?? null;
  const analysisLang = lang ?? 'und';
  const published = parsePublished(input.publishedTime);

  const counts = new Map<string, { n: number; first: number }>();
  let length = 0;
  let order = 0;
  const count = (text: string, weight: number) => {
    for (const s of stems(text, analysisLang)) {
      length++;
      // Stems of one or two letters and bare numbers carry little about an event (figures are kept apart).
      if (s.length < 3 || /^[\d.,]+$/.test(s)) continue;
      const c = counts.get(s);
      if (c) c.n += weight;
      else counts.set(s, { n: weight, first: order++ });
    }
  };
  if (title) count(title, 2);
  count(body, 1);
  const terms = [...counts.entries()]
    .sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first)
    .slice(0, MAX_TERMS)
    .map(([s, c]): [string, number] => [s, c.n]);

  const full = title ? `${title}.\n\n${body}` : body;
  const entities = findEntities(full, lang)
    .sort((a, b) => b[2] - a[2])
    .slice(0, MAX_ENTITIES);
  const leadEnd = (title ? title.length + 3 : 0) + LEAD_CHARS;
  const publishedDay = published ? isoDay(published) : null;
  const dates = findDates(full, leadEnd, published, lang);
  return {
    v: FEATURES_VERSION,
    lang,
    published: publishedDay,
    event: eventDate(dates, publishedDay),
    leadWeekdays: leadWeekdays(full, leadEnd, lang),
    length,
    terms,
    entities,
    dates,
    numbers: findNumbers(full, analysisLang),
    quoted: quotedShingles(full, analysisLang),
  };
}

/** True when `value` looks like features of the current version (stored data is validated, not trusted). */
export function isFeatures(value: unknown): value is ArticleFeatures {
  return hasFeatureShape(value) && value.v === FEATURES_VERSION;
}

/**
 * Features of this version or an earlier one of the same shape (version 2 on): what stored
 * features still waiting for the refresh job are read as, as they are.
 */
export function hasFeatureShape(value: unknown): value is ArticleFeatures {
  const f = value as ArticleFeatures | null;
  return !!f && typeof f === 'object' && typeof f.v === 'number' && f.v >= 2 && f.v <= FEATURES_VERSION && Array.isArray(f.terms) && Array.isArray(f.entities)
    && Array.isArray(f.dates) && (typeof f.event === 'string' || f.event === null) && Array.isArray(f.leadWeekdays) && Array.isArray(f.numbers) && Array.isArray(f.quoted) && typeof f.length === 'number';
}
