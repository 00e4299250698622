/**
 * The word stream every framing module reads: words with offsets into the original text, their
 * folded lower-case form and a matching key (Snowball stem, accents folded, Arabic article
 * dropped so `al-Assad`, `el-Assad` and `Assad` meet). A regular expression over the text, not
 * `Intl.Segmenter` (slow on long strings); hyphenated names stay whole (`Al-Nosra`,
 * `Etats-Unis`), and French elided words (`l'`, `d'`) are their own words so that a complement
 * `d'Al-Qaïda` is seen as `de` + name.
 */
import { foldAccents, isStopword, stem } from '../text';
import { deadlineTicker, type FramingDeadline } from './deadline';

export interface Word {
  /** Exactly `text.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
  /** Lower case, accents folded, typographic apostrophe straightened; elided `l'` → `le`, `d'` → `de`. */
  lower: string;
  /** The matching key: stem of the lower-case form, accents folded, leading `al-`/`el-` dropped. */
  key: string;
  /** Starts with a capital (or an Arabic article joined to one: `al-Nosra`). */
  cap: boolean;
  /** The word ends the sentence or clause before the next word (punctuation or a line break between). */
  breakAfter: boolean;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’]*(?:[-‐‑.][\p{L}\p{N}][\p{L}\p{M}\p{N}'’]*)*/gu;
const ELISION = /^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’](?=\p{L})/iu;
const CAPITALISED = /^(?:\p{Lu}|(?:al|el|ad|as|ash|abu|abou|ben|bin|ibn)[-‐‑]\p{Lu})/u;
const ARABIC_ARTICLE = /^(?:al|el|ad)[-‐‑ ]/u;
const ELIDED_AS: Record<string, string> = { l: 'le', d: 'de', qu: 'que', c: 'ce', s: 'se', n: 'ne', j: 'je', m: 'me', t: 'te', jusqu: 'jusque', lorsqu: 'lorsque', puisqu: 'puisque' };

/**
 * Lower case without accents, curly apostrophes straight; dashes, quotation marks and spaces are
 * kept as written (unlike lib/text's `fold`), since word boundaries and hyphens carry meaning here.
 */
export function lowerNoAccents(s: string): string {
  return foldAccents(s.normalize('NFC')).toLowerCase().replace(/[’ʼ]/gu, "'");
}

/** The matching key of one word in `lang`. */
export function wordKey(word: string, lang: string): string {
  const cacheKey = `${lang}|${word}`;
  let key = KEY_CACHE.get(cacheKey);
  if (key !== undefined) return key;
  const lower = lowerNoAccents(word).replace(ARABIC_ARTICLE, '');
  key = /[-‐‑.]/u.test(lower) ? lower.replace(/[‐‑]/gu, '-') : foldAccents(stem(lower, lang));
  if (KEY_CACHE.size > 50_000) KEY_CACHE.clear();
  KEY_CACHE.set(cacheKey, key);
  return key;
}
/** Stems are the cost of `words()`; a news vocabulary is small, so they are kept. */
const KEY_CACHE = new Map<string, string>();
/** The last text's words: one article is read by the actor, stance and source passes in turn. */
let last: { text: string; lang: string; words: Word[] } | null = null;

export function words(text: string, lang: string, deadline?: FramingDeadline): Word[] {
  if (last && last.text === text && last.lang === lang) return last.words;
  // Past `deadline`, stopped (`FramingCut`) before `last` is set: nothing half made is kept.
  const tick = deadlineTicker(deadline);
  const out: Word[] = [];
  const push = (t: string, start: number, lower: string) => {
    out.push({ text: t, start, end: start + t.length, lower, key: wordKey(lower, lang), cap: CAPITALISED.test(t), breakAfter: false });
  };
  for (const m of text.matchAll(WORD)) {
    tick();
    let w = m[0];
    let start = m.index;
    const el = ELISION.exec(w);
    if (el) {
      const e = el[0];
      const base = lowerNoAccents(e.slice(0, -1));
      push(e, start, ELIDED_AS[base] ?? base);
      w = w.slice(e.length);
      start += e.length;
    }
    // An English possessive is its own word: `Trump's` names Trump, and a name run stops at it
    // (`Fusion's Jorge Ramos` is two actors, `Tuesday's Nevada caucuses` none and one).
    const possessive = lang === 'en' ? /^(.+?)(['’]s?)$/u.exec(w) : null;
    if (possessive && (possessive[2]!.length === 2 || /s$/u.test(possessive[1]!))) {
      push(possessive[1]!, start, lowerNoAccents(possessive[1]!));
      push(possessive[2]!, start + possessive[1]!.length, "'s");
      continue;
    }
    // A trailing dot belongs to the sentence, not the word (`U.S.` keeps its inner dots).
    push(w, start, lowerNoAccents(w));
  }
  for (let i = 0; i + 1 < out.length; i++) {
    const gap = text.slice(out[i]!.end, out[i + 1]!.start);
    out[i]!.breakAfter = /[.,;:!?()\[\]\n…]/u.test(gap);
  }
  if (out.length) out[out.length - 1]!.breakAfter = true;
  last = { text, lang, words: out };
  return out;
}

/** Only spaces (and at most one quotation mark or apostrophe-free joiner) between two words. */
export function adjacent(text: string, a: Word, b: Word): boolean {
  // (A spaced ampersand is inside a name, as lib/match's names read it: `Procter & Gamble`.)
  return /^[ \u00a0\u202f]*$|^[ \u00a0\u202f]+&[ \u00a0\u202f]+$/u.test(text.slice(a.end, b.start));
}

export function stop(w: Word, lang: string): boolean {
  return isStopword(w.text, lang) || w.lower.length <= 1;
}
