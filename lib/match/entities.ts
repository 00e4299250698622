/**
 * Named entities by capitalisation, per-language rules, no model: runs of capitalised words
 * (`Vladimir Poutine`, `Maison Blanche`, `Republican National Committee`) joined by the particles
 * names carry (`Front Al-Nosra`, `Bachar el-Assad`, `Secrétariat général de la défense` stops at
 * the lower-case `général`; `Bank of England`), hyphenated names kept whole, elided articles cut
 * (`d'Al-Qaïda` → `Al-Qaïda`, `l'ONU` → `ONU`), possessives cut (`Steele’s` → `Steele`), and acronyms (`ONU`, `FBI`, `EI`).
 *
 * A capital at the start of a sentence says nothing, so a single word there counts only when the
 * text also capitalises it mid-sentence; leading stop words and honorifics are dropped
 * (`Le Kremlin` → `Kremlin`, `M. Obama` → `Obama`). Month and weekday names are dates, never names;
 * a noun capitalised by convention alone (`coup d'Etat`, lib/text's `capitalisedNouns`) is none.
 */
import { fold, foldAccents, isHonorific, isPlacePrefix, isStopword, wordsOfEveryLanguage, wordsOfLanguage } from '../text';
import { isCalendarWord } from './dates';
import { everyLanguage } from '../quotes/lexicon';

/** Particles inside a name (`Le Pen`, `de Gaulle`, `van Gogh`), in every language. */
const PARTICLES = wordsOfEveryLanguage('nameParticles');
/** Titles of office (`President`, `Secretary`, `ministre`) in the languages the quotes lexicon has, folded. */
const TITLES = everyLanguage('titles');

/** Last words of the names of institutions and laws (`… Committee`, `… Act`), in every language of the quotes lexicon, folded. */
const INSTITUTION_HEADS: ReadonlySet<string> = new Set([...everyLanguage('organisations'), 'act', 'law', 'bill', 'amendment', 'treaty', 'accord']);

/** Lower-case words allowed inside a name when a capitalised word follows. */
const CONNECTORS: Record<string, ReadonlySet<string>> = {
  fr: new Set(['de', 'du', 'des', 'la', 'le', 'el', 'al', 'ben', 'bin', 'ibn', 'von', 'van', 'der']),
  en: new Set(['of', 'de', 'al', 'el', 'bin', 'ibn', 'von', 'van', 'der', 'the', 'for']),
  default: new Set(['de', 'del', 'della', 'di', 'da', 'do', 'dos', 'das', 'la', 'el', 'al', 'von', 'van', 'der', 'y', 'e']),
};

/** A word: letters/digits, inner apostrophes, hyphenated parts kept together. */
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’]*(?:[-‐‑][\p{L}\p{N}][\p{L}\p{M}\p{N}'’]*)*/gu;
/** French/Italian elided article before a name: `d'`, `l'`, `qu'`. */
const ELISION = /^(?:[dlDL]|[Qq]u)['’](?=\p{Lu})/u;
/** Capitalised, or an Arabic article joined to a capitalised name (`al-Nosra`, `el-Assad`). */
const CAPITALISED = /^(?:\p{Lu}|(?:al|el|ad|as|ash|abu|abou|ben|bin|ibn)[-‐‑]\p{Lu})/u;
const ALL_CAPS = /^[\p{Lu}\p{N}-]+$/u;
/** Common nouns capitalised by convention (`coup d'Etat`, `département d'Etat`, `el Estado`), folded: alone, no name. */
const CAPITALISED_NOUNS: ReadonlySet<string> = new Set([...wordsOfEveryLanguage('capitalisedNouns')].map(foldAccents));

/**
 * The Dutch and German surname particles (`Vincent van Gogh`, `Ursula von der Leyen`) stand after
 * a given name; after a given name and a surname they open a complement, the office or party of
 * the one named (`minister Pieter Jansen van Volksgezondheid`, `Anna Roth von den Grünen`): the
 * name ends before them.
 */
const SURNAME_PARTICLES = new Set(['van', 'von']);
export function complementAfterName(particle: string, before: readonly { text: string }[], lang: string | null): boolean {
  // (An article opening the sentence is no given name: `De Unie van Waterschappen`.)
  return SURNAME_PARTICLES.has(particle) && before.filter((w) => /^\p{Lu}/u.test(w.text) && !isStopword(w.text, lang ?? 'en')).length >= 2;
}

/** A word shaped as a common noun of a language that capitalises them: one capital, then lower case (`Verwaltung`, `Corona-Hilfen`; not `SPD`, `AfD`, `CDU-Fraktion`). */
const NOUN_SHAPED = /^\p{Lu}[\p{Ll}\p{M}]+(?:[-‐‑]\p{Lu}?[\p{Ll}\p{M}]+)*$/u;

/** Whether `lang` capitalises every noun (German): a capitalised word alone is then a common noun as often as a name. */
export const capitalisesNouns = (lang: string | null | undefined): boolean => wordsOfLanguage('nounDeterminers', lang).size > 0;
/** Whether `word` is shaped as such a noun (`Verwaltung`), not an acronym (`SPD`, `AfD`). */
export const nounShaped = (word: string): boolean => NOUN_SHAPED.test(word);
/**
 * A lower-case word with the ending of an inflected attributive adjective (German `neuen`,
 * `eigener`, `größten`, `ersten`), but not of a past tense (`sagte`, `forderten`): `Das sagte
 * Anna Roth` is a pronoun, a verb and a name. Superlatives and `ersten`, `letzten` end in
 * `-ste(n)` or `-ßte(n)`, which past tenses seldom do; a participle (`die geplanten Strecken`) is
 * lost with the verbs: a noun lost, no name.
 */
const INFLECTED_ADJECTIVE = /^\p{Ll}[\p{Ll}\p{M}]+(?:e|en|em|er|es)$/u;
const PAST_TENSE = /(?<![sß])ten?$/u;
/** At most this many adjectives between a determiner and its noun (`die ersten beiden neuen Bahnen`). */
const MAX_ADJECTIVES = 3;

/**
 * In a language that capitalises every noun (German), whether the capitalised word `w` is opened
 * by a determiner, article or numeral, right before it or before adjectives that are (`die
 * Verwaltung`, `im Februar`, `den größten Teil`, `112 Millionen`): then it is a common noun, no
 * name. Names rarely take one (`Merz`, `Berlin`, `Nordheim`); acronyms that do (`die SPD`) are not
 * noun-shaped.
 */
function determinedNoun(text: string, ws: readonly Word[], w: Word, determiners: ReadonlySet<string>): boolean {
  if (!NOUN_SHAPED.test(w.text)) return false;
  let next = w;
  for (let j = w.k - 1, n = 0; j >= 0 && n <= MAX_ADJECTIVES; j--, n++) {
    const p = ws[j]!;
    // (Spaces only, or an opening quotation mark: `einem „wichtigen Signal`.)
    if (!/^[ \u00a0\u202f]+[„“"«‚‘‹]?$/u.test(text.slice(p.end, next.start))) return false;
    if (/^\p{N}/u.test(p.text) || determiners.has(p.text.toLowerCase())) return true;
    if (!INFLECTED_ADJECTIVE.test(p.text) || PAST_TENSE.test(p.text)) return false;
    next = p;
  }
  return false;
}

/** The comparison key of an entity: accents folded, lower case, hyphens and apostrophes as spaces. */
export function entityKey(name: string): string {
  return foldAccents(name.normalize('NFC'))
    .toLowerCase()
    .replace(/[-‐‑'’.]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A word, its index among the words (`k`), and whether it starts a sentence. */
interface Word { text: string; start: number; end: number; initial: boolean; k: number }

/** Words of `text` with "starts a sentence" marked; `onWord` called before each. */
function words(text: string, onWord?: () => void): Word[] {
  const out: Word[] = [];
  let prevEnd = 0;
  for (const m of text.matchAll(WORD)) {
    onWord?.();
    let w = m[0];
    let start = m.index;
    const gap = text.slice(prevEnd, start);
    const prev = out[out.length - 1]?.text ?? '';
    // `M. Obama`, `J. Smith`: the dot of an honorific or initial does not end a sentence (a
    // paragraph break after it does: `na síti X.`). A sentence opens after its opening mark,
    // whichever the language uses (`„Vláda škrtá…`, `»Wir…`, `‚Das…`).
    const afterAbbreviation = /^\.[^\S\n]+$/u.test(gap) && (isHonorific(prev) || /^\p{Lu}$/u.test(prev));
    const initial = prevEnd === 0 || (!afterAbbreviation && /[.!?:…]\s*["«»“”„‚‹›'‘’(\[-]*\s*$|\n/u.test(gap));
    const el = ELISION.exec(w);
    if (el) {
      w = w.slice(el[0].length);
      start += el[0].length;
    }
    // An English possessive is not part of the name (`Steele’s` → `Steele`).
    w = w.replace(/(?<=\p{L})['’]s$/u, '');
    out.push({ text: w, start, end: start + w.length, initial, k: out.length });
    prevEnd = m.index + m[0].length;
  }
  return out;
}

/**
 * Entities of `text` with their counts, in order of first mention: `[key, label, count]`.
 * `onWord`, called once per word in each pass, may throw to stop a long text (lib/framing's deadline).
 */
export function findEntities(text: string, lang: string | null, onWord?: () => void): [string, string, number][] {
  const connectors = CONNECTORS[lang ?? ''] ?? CONNECTORS.default!;
  const ws = words(text, onWord);
  const runs: { label: string; initialSingle: boolean }[] = [];
  const midSentence = new Set<string>();
  const lowerWords = new Set<string>();
  // Two capitalised words in a row, by how often they stand together, and whether once mid-sentence.
  const pairs = new Map<string, { count: number; mid: boolean }>();
  for (let k = 0; k < ws.length; k++) {
    onWord?.();
    const w = ws[k]!;
    if (!CAPITALISED.test(w.text)) {
      lowerWords.add(foldAccents(w.text));
      continue;
    }
    const next = ws[k + 1];
    if (!next || !CAPITALISED.test(next.text) || !/^[ \u00a0\u202f]+$/u.test(text.slice(w.end, next.start))) continue;
    const key = `${w.text} ${next.text}`;
    const p = pairs.get(key) ?? { count: 0, mid: false };
    p.count++;
    p.mid ||= !w.initial;
    pairs.set(key, p);
  }
  // A common word opening a name the text writes twice or more, once mid-sentence (`Union
  // Pacific`, `New York`, `Fox News`), is the name's own first word: `union` lower case elsewhere
  // made it `Pacific`, and `Pacific CEO Jim Vena` a shared name. Not a title (`President Obama`
  // is Obama). (A first name opening a sentence still goes, `Vladimir Poutine` → `Poutine`: the
  // surname is what other articles share.)
  const fixedPair = (a: Word, b: Word | undefined) => {
    const p = b && CAPITALISED.test(b.text) ? pairs.get(`${a.text} ${b.text}`) : undefined;
    return !!p && p.count >= 2 && p.mid && !isStopword(a.text, lang ?? 'en') && !TITLES.has(fold(a.text).toLowerCase());
  };
  // German capitalises every noun: a word the text opens with a determiner anywhere is a common
  // noun everywhere in it (`die Kosten`, then `auf Kosten von`), as a word written in lower case is.
  const determiners = wordsOfLanguage('nounDeterminers', lang);
  const nouns = new Set<string>();
  if (determiners.size) for (const w of ws) if (determinedNoun(text, ws, w, determiners)) nouns.add(foldAccents(w.text.toLowerCase()));
  let i = 0;
  while (i < ws.length) {
    onWord?.();
    const w = ws[i]!;
    if (!CAPITALISED.test(w.text)) {
      i++;
      continue;
    }
    // Extend over capitalised words and connectors followed by a capitalised word, on one line, no punctuation between.
    const run: Word[] = [w];
    let j = i + 1;
    while (j < ws.length) {
      const gap = text.slice(ws[j - 1]!.end, ws[j]!.start);
      // (`St. Louis`, `Mt. Vernon`: the abbreviated prefix of a place's name holds its full stop.)
      const prefixed = isPlacePrefix(ws[j - 1]!.text) && /^\.[ \u00a0\u202f]+$/u.test(gap) && CAPITALISED.test(ws[j]!.text);
      // (An ampersand between capitalised words is inside a firm's name: `Procter & Gamble`, `Marks & Spencer`.)
      // (Spaced: `R&D`, `Q&A` are no names.)
      const ampersand = /^[ \u00a0\u202f]+&[ \u00a0\u202f]+$/u.test(gap) && CAPITALISED.test(ws[j]!.text);
      if (!prefixed && !ampersand && !/^[ \u00a0\u202f]+$/u.test(gap)) break;
      const next = ws[j]!;
      if (CAPITALISED.test(next.text)) {
        run.push(next);
        j++;
      } else if (connectors.has(next.text.toLowerCase()) && j + 1 < ws.length && CAPITALISED.test(ws[j + 1]!.text)
        && /^[ \u00a0\u202f]+$/u.test(text.slice(next.end, ws[j + 1]!.start)) && !complementAfterName(next.text, run, lang)) {
        run.push(next, ws[j + 1]!);
        j += 2;
      } else break;
    }
    i = j;
    // Drop leading stop words and honorifics (`Le Kremlin`, `M. Obama`, `The White House`), and trailing connectors.
    // A sentence-initial or common word before a name (`Selon la Maison Blanche`, `l'Américain Kevin Dawes`).
    // (Not mid-sentence inside a longer name that the next word, common too and no title, or the
    // last, an institution's or a law's, shows is no person's: `the Voting Rights Act` beside
    // `voting power` is no `Rights Act`; `Former Senator Ann Lowe` is still `Senator Ann Lowe`.)
    const commonWord = (x: Word) => lowerWords.has(foldAccents(x.text.toLowerCase()));
    const named = (last: Word) => INSTITUTION_HEADS.has(fold(last.text).toLowerCase());
    const common = run.length > 1 && commonWord(run[0]!) && !(run.length > 2 && !run[0]!.initial && ((commonWord(run[1]!) && !TITLES.has(fold(run[1]!.text).toLowerCase())) || named(run[run.length - 1]!)));
    // (A first name dropped so leaves the surname its particle: `Vincent van Gogh` → `van Gogh`,
    // `Marine Le Pen` → `Le Pen`, not `Gogh`, `Pen`. `de`, `da` open a complement as often
    // (`Economistas da Fundação Getulio Vargas`), and a capitalised particle is an article as often
    // (`Selon Le Monde`): that one only when the text writes the two mid-sentence too.)
    let particle = false;
    if (run.length > 1 && (run[0]!.initial || common) && !(common && fixedPair(run[0]!, run[1])) && !text.slice(run[0]!.end, run[1]!.start).includes('&')) {
      const p = run[1]!.text;
      particle = run.length > 2 && !common && PARTICLES.has(p.toLowerCase()) && (/^\p{Ll}/u.test(p) ? SURNAME_PARTICLES.has(p) : pairs.get(`${run[0]!.text} ${p}`)?.mid === true);
      run.shift();
    }
    while (run.length && !particle && (isStopword(run[0]!.text, lang ?? 'en') || (isHonorific(run[0]!.text) && !(run.length > 1 && isPlacePrefix(run[0]!.text))) || connectors.has(run[0]!.text.toLowerCase()))) run.shift();
    // A noun a determiner opens (German) heads no name (`112 Millionen Euro`, `die Freien Wähler`,
    // `auf Kosten der Kommunen`): a name after it stays only when two words or more remain (`die
    // Ministerin Femke de Graaf`).
    if (run.length && nouns.has(foldAccents(run[0]!.text.toLowerCase()))) {
      run.shift();
      while (run.length && connectors.has(run[0]!.text.toLowerCase())) run.shift();
      if (run.length < 2) continue;
    }
    // Dates are not actors: a weekday before a name goes (`Monday Obama` in "On Monday Obama said"),
    // and a run of month and weekday names alone (`Wednesday`, `Dec`, `Saturday December`) is no name.
    while (run.length > 1 && isCalendarWord(run[0]!.text, lang) && !isCalendarWord(run[1]!.text, lang)) run.shift();
    if (!run.length || run.every((r) => isCalendarWord(r.text, lang))) continue;
    if (run.length === 1 && CAPITALISED_NOUNS.has(foldAccents(run[0]!.text.toLowerCase()))) continue;
    // Shouted headings (three or more words in capitals) are not names.
    if (run.length >= 3 && run.every((r) => ALL_CAPS.test(r.text))) continue;
    const label = text.slice(run[0]!.start, run[run.length - 1]!.end);
    if (label.length < 2 || /^\p{N}/u.test(label)) continue;
    const initialSingle = run.length === 1 && run[0]!.initial;
    if (!initialSingle) midSentence.add(entityKey(label));
    runs.push({ label, initialSingle });
  }
  const counts = new Map<string, [string, string, number]>();
  for (const r of runs) {
    onWord?.();
    const key = entityKey(r.label);
    if (!key || (r.initialSingle && !midSentence.has(key))) continue;
    const e = counts.get(key);
    if (e) e[2]++;
    else counts.set(key, [key, r.label, 1]);
  }
  return [...counts.values()];
}
