/**
 * What one version includes and the other leaves out. The sentences of both articles are
 * aligned by content (their Snowball stems without stop words, lib/text `contentTerms`); a
 * sentence whose best counterpart shares less than `MIN_COVERED` of its content has none, and is
 * listed when it holds something the other version nowhere mentions (`absentFromOther`). Omission is framing by selection (Entman 1993: frames "omit" as much as they
 * select); each statement is ranked by what it carries: named actors, figures, quotations
 * (the "informational bias" spans of BASIL, Fan et al. 2019, are mostly such whole facts).
 */
import { compareQuotations, quotedWords, type Quote, type Span } from '../quotes';
import { contentTerms, fold, hasStemmer, isStopword, sentences, tokenize, type Term } from '../text';
import { hasOwnLexicon, lexicon as quoteLexicon } from '../quotes/lexicon';
import { calendarKey, isCalendarWord } from '../match/dates';
import { figureValue } from '../match/features';
import { capitalisesNouns, nounShaped } from '../match/entities';
import type { ActorMention } from './actors';
import { spanIndex } from './spans';
import { checkDeadline, deadlineTicker, type FramingDeadline } from './deadline';

/** A sentence is "covered" when its best counterpart holds this share of its content stems. */
export const MIN_COVERED = 0.4;
/** Sentences shorter than this (content words) are headings or debris, not statements. */
const MIN_TERMS = 4;
/**
 * So are sentences with fewer lower-case content words than this: a dateline (`MADRID, 12 mar
 * (EFE).`), a byline or a heading in Title Case names and dates, and tells nothing.
 */
const MIN_LOWER_CASE_TERMS = 2;
/** A word of those: lower case; in German, whose nouns are capitalised, a capitalised word too (not an acronym). */
const tellingWord = (word: string, lang: string): boolean => /^\p{Ll}/u.test(word) || (lang.startsWith('de') && /^\p{Lu}\p{Ll}/u.test(word));

export interface Statement extends Span {
  text: string;
  /** Share of its content stems found in the best sentence of the other article, in [0, 1]. */
  covered: number;
  /** What it carries: the actors it names, its figures, its quotations. */
  carries: { actors: string[]; figures: string[]; quotes: number };
  /** What the other version nowhere has (names, figures, dates, quotations), offsets into `text`: why it is listed. */
  absent: Span[];
  /** Higher carries more: 2 per actor, 2 per figure, 2 per quotation, plus 1 per 10 content words. */
  rank: number;
}

export interface Sentence extends Span {
  stems: Set<string>;
}

/** The sentences of `text` with their content stems (also word-choice's alignment); stops past `deadline` (`FramingCut`). */
export function sentenceStems(text: string, lang: string, deadline?: FramingDeadline): Sentence[] {
  // One pass of contentTerms over the whole text, its terms dealt to the sentences by offset.
  const tick = deadlineTicker(deadline);
  const terms = contentTerms(text, lang, tick);
  checkDeadline(deadline);
  let k = 0;
  return sentences(text, lang, tick).map((s) => {
    tick();
    const stems = new Set<string>();
    while (k < terms.length && terms[k]!.start < s.start) k++;
    while (k < terms.length && terms[k]!.end <= s.end) stems.add(terms[k++]!.stem);
    return { ...s, stems };
  });
}

/** Stem → the sentences of the other article that hold it (so a sentence meets only the sentences it shares a stem with). */
export type StemIndex = Map<string, number[]>;

/**
 * An article's sentences with their stems and index, in one language: per-article work, made once
 * per article (`articleFraming` keeps it) and read by omissions, word choice and scare quotes. Each
 * of them stemmed both texts afresh for every pair: the framing of the 10,000-quotation-marks page
 * took 3.8 s, nine tenths of it stemming the same two texts six times (issue 20).
 */
export interface StemmedText {
  text: string;
  lang: string;
  sentences: Sentence[];
  index: StemIndex;
}

export function stemmedText(text: string, lang: string, deadline?: FramingDeadline): StemmedText {
  const sentences = sentenceStems(text, lang, deadline);
  return { text, lang, sentences, index: stemIndex(sentences) };
}

/** `known` when it is `text` stemmed in `lang`, else `text` stemmed now. */
export function stemmedIn(text: string, lang: string, known?: StemmedText, deadline?: FramingDeadline): StemmedText {
  return known && known.lang === lang && known.text === text ? known : stemmedText(text, lang, deadline);
}

export function stemIndex(ss: readonly Sentence[]): StemIndex {
  const index: StemIndex = new Map();
  ss.forEach((s, k) => { for (const t of s.stems) { const l = index.get(t); if (l) l.push(k); else index.set(t, [k]); } });
  return index;
}

/**
 * An index's sentences as `bestCounterpart` reads them: sentences with the same stems made one
 * group (numbered in the order of their first sentence, `first` that sentence), each group's stems,
 * and stem → the groups holding it. Made once per index (`COUNTERPARTS`), which must not change after.
 */
interface Counterparts {
  first: number[];
  stems: Set<string>[];
  lists: Map<string, number[]>;
  /** Per group, scratch for one call: stems counted, and the last position in the sentence's stems of one of them (-1: not met). */
  count: Int32Array;
  last: Int32Array;
}

const COUNTERPARTS = new WeakMap<StemIndex, Counterparts>();

function counterparts(index: StemIndex): Counterparts {
  let c = COUNTERPARTS.get(index);
  if (c) return c;
  // Each sentence's stems, in the index's order (one order for all: equal sets give equal keys).
  const held: string[][] = [];
  for (const [t, l] of index) for (const k of l) (held[k] ??= []).push(t);
  const byKey = new Map<string, number>();
  const groupOf: number[] = [];
  const first: number[] = [];
  const stems: Set<string>[] = [];
  held.forEach((ts, k) => {
    const key = ts.join('\u0000');
    let g = byKey.get(key);
    if (g === undefined) {
      byKey.set(key, (g = first.length));
      first.push(k);
      stems.push(new Set(ts));
    }
    groupOf[k] = g;
  });
  const seen = new Int32Array(first.length).fill(-1);
  const lists = new Map<string, number[]>();
  let n = 0;
  for (const [t, l] of index) {
    const gs: number[] = [];
    for (const k of l) {
      const g = groupOf[k]!;
      if (seen[g] !== n) { seen[g] = n; gs.push(g); }
    }
    lists.set(t, gs);
    n++;
  }
  c = { first, stems, lists, count: new Int32Array(first.length), last: new Int32Array(first.length).fill(-1) };
  COUNTERPARTS.set(index, c);
  return c;
}

const NONE: readonly number[] = [];

/**
 * The best counterpart of `s` among the indexed sentences: its index and the share of `s`'s stems
 * it holds. The best holds the most of `s`'s stems; among those, the one whose last stem shared
 * comes first in `s`'s stems, then the first sentence (what counting sentence by sentence, `s`'s
 * stems in order and each one's sentences in order, keeping the first to pass the most, gives).
 *
 * Counting every sentence holding each stem is quadratic on repetitive text (5,000 quotations
 * sharing `déclar`, `réform`, `salari` and a first name: 11.5 s for the framing of the page beside
 * its copy, issue 16), so: sentences with the same stems are counted once (one group), and the
 * stems are counted rarest first, stopping once the best count so far passes the stems left (a
 * sentence not met yet holds at most those); the sentences met that could still reach it are then
 * checked on the stems left, one by one. The result is the same.
 */
export function bestCounterpart(s: Sentence, index: StemIndex): { k: number; share: number; shared: number } {
  const m = s.stems.size;
  if (!m) return { k: -1, share: 1, shared: 0 };
  const c = counterparts(index);
  const stems = [...s.stems];
  const lists = stems.map((t) => c.lists.get(t) ?? NONE);
  // Positions in `s.stems`, the rarest stem first.
  const order = stems.map((_, i) => i).sort((x, y) => lists[x]!.length - lists[y]!.length || x - y);
  const held = (g: number, from: number): { n: number; last: number } => {
    let n = c.count[g]!;
    let last = c.last[g]!;
    const set = c.stems[g]!;
    for (let r = from; r < m; r++) {
      const i = order[r]!;
      if (set.has(stems[i]!)) { n++; if (i > last) last = i; }
    }
    return { n, last };
  };
  const met: number[] = [];
  // The most stems a group holds: at least the most counted so far, and the whole count of the
  // group leading (checked on the stems left: a copy of `s`, met in its rarest stem, ends the count there).
  let most = 0;
  let lead = -1;
  let checked = -1;
  let j = 0;
  for (; j < m; j++) {
    if (most > m - j) break;
    const i = order[j]!;
    for (const g of lists[i]!) {
      const n = c.count[g]!;
      if (n === 0) met.push(g);
      c.count[g] = n + 1;
      if (i > c.last[g]!) c.last[g] = i;
      if (n + 1 > most) { most = n + 1; lead = g; }
    }
    if (lead !== checked) { checked = lead; most = Math.max(most, held(lead, j + 1).n); }
  }
  // The stems left (none when every one was counted): a group met can still gain them.
  const left = m - j;
  let best = 0;
  let bestLast = -1;
  let bestG = -1;
  for (const g of met) {
    const could = c.count[g]! + left >= most;
    const { n, last } = could ? held(g, j) : { n: 0, last: -1 };
    c.count[g] = 0;
    c.last[g] = -1;
    if (!could) continue;
    if (n > best || (n === best && (last < bestLast || (last === bestLast && g < bestG)))) { best = n; bestLast = last; bestG = g; }
  }
  return { k: bestG < 0 ? -1 : c.first[bestG]!, share: best / m, shared: best };
}

const FIGURE = /\d[\d\s.,]*\d|\d+/gu;

export interface OmissionSide {
  text: string;
  language: string | null;
  quotes: readonly Quote[];
  mentions: readonly ActorMention[];
  /** Its sentences stemmed, when known (`articleFraming`). */
  stemmed?: StemmedText;
  /** Its headline: what it tells too (a statement the other's headline holds is not left out there). */
  title?: string | null;
}

/** Content stems a quotation shares with one of the other version's to be compared with it (fewer: no shared quotation, lib/quotes/align). */
const QUOTE_CANDIDATE_MIN = 3;

/** The other version's reported quotations and scare quotes, stem → the quotations holding it, and each one's words (folded, joined by a space) and number of stems. */
interface QuoteStems { text: string; quotes: Quote[]; index: Map<string, number[]>; words: string[]; stems: number[]; byPrefix?: Map<string, number[]> }

/** A quotation's words as compared whole: folded, joined by a space. */
const wordsOf = (text: string, q: Quote, lang: string): string => quotedWords(text, q.marks.open, q.marks.close, lang).join(' ');

/** Words a quotation too short to be compared must have to be found in another, the same or inside it (one word is found anywhere). */
const MIN_CONTAINED_WORDS = 2;
/** …and this many when they open or close it, under half of it. */
const MIN_CUT_WORDS = 3;

function quoteStems(side: OmissionSide, lang: string, deadline?: FramingDeadline): QuoteStems {
  // (Scare quotes too, for their words: `parla di "austerità mascherata"` quotes Schlein without a
  // verb of saying the extractor knows.)
  const quotes = side.quotes.filter((q) => q.kind === 'reported' || q.kind === 'scare');
  const index = new Map<string, number[]>();
  const stems: number[] = [];
  const tick = deadlineTicker(deadline);
  quotes.forEach((q, k) => {
    tick();
    const mine = new Set(contentTerms(side.text.slice(q.start, q.end), lang).map((x) => x.stem));
    stems.push(mine.size);
    for (const t of mine) { const l = index.get(t); if (l) l.push(k); else index.set(t, [k]); }
  });
  return { text: side.text, quotes, index, words: quotes.map((q) => wordsOf(side.text, q, lang)), stems };
}

/**
 * Whether the other version quotes `q` too, whole, cut or reworded (`His conduct is unbecoming of
 * a member of Congress.` of a longer quotation; `partisan attack dog organization` for `partisan
 * political attack dog`): a shared quotation as the comparison finds them (lib/quotes
 * `compareQuotations`). A statement holding it is told by both, whatever else its sentence holds.
 * A quotation too short for the comparison to match (`« une priorité absolue »`, `"austerità
 * mascherata"` of `"manovra di austerità mascherata"`: by chance, there) is the other's when the
 * other quotes the same words, or holds them in a row in a quotation of its own or inside this
 * one: the comparison shows no shared quotation, but "only one version tells this" would be false.
 */
function quoteCarried(me: OmissionSide, q: Quote, other: QuoteStems, lang: string): boolean {
  const words = wordsOf(me.text, q, lang);
  const stems = new Set(contentTerms(me.text.slice(q.start, q.end), lang).map((x) => x.stem));
  const counts = new Map<number, number>();
  for (const t of stems) for (const k of other.index.get(t) ?? []) counts.set(k, (counts.get(k) ?? 0) + 1);
  const inRow = (short: string, long: string) => short.split(' ').length >= MIN_CONTAINED_WORDS && ` ${long} `.includes(` ${short} `);
  // (The other's words inside this quotation hold half of it at least: `In God We Trust`, quoted
  // inside a long statement of Carney's, is a name he quotes, not what he said.)
  const half = (short: string, long: string) => 2 * short.split(' ').length >= long.split(' ').length;
  // (Or they open or close it, as outlets cut a quotation: `« rester chez eux »` of `« rester chez
  // eux et à suivre strictement les consignes des secours »`; a name quoted inside stands mid-way.)
  const end = (short: string, long: string) => short.split(' ').length >= MIN_CUT_WORDS && (`${long} `.startsWith(`${short} `) || ` ${long}`.endsWith(` ${short}`));
  for (const [k, n] of counts) {
    const o = other.quotes[k]!;
    const theirs = other.words[k]!;
    // (A candidate shares every stem of the shorter of the two. One word is anyone's: `outrageous`.)
    // (Every content stem of three or more, in one quotation of the other: the same words in
    // another grammatical form, `fully supported the Obama agenda` of `Do you fully support the
    // Obama agenda?`. On the tuning pairs, Dec 2026: 2 listed statements, both told by the other.)
    if ((n === stems.size && (inRow(words, theirs) || n >= QUOTE_CANDIDATE_MIN)) || (n === other.stems[k] && inRow(theirs, words) && (half(theirs, words) || end(theirs, words)))) return true;
    if (n >= QUOTE_CANDIDATE_MIN && o.kind === 'reported' && compareQuotations(me.text, q, other.text, o, lang, q.insertions, o.insertions)) return true;
  }
  return declinedIn(words.split(' '), other, lang);
}

/** Letters a word's beginning must hold to be matched declined (shorter words meet only whole). */
const DECLINED_MIN = 4;

/**
 * Whether two folded words are one word in another case or number: equal, or sharing all their
 * letters but the last three of the shorter, four at least (`paatos` / `paatoksesta`, `vaikea` /
 * `vaikeasta`). No stemmer meets them: Finnish consonant gradation, Czech or Hungarian cases.
 */
function sameDeclined(x: string, y: string): boolean {
  if (x === y) return true;
  const n = Math.min(x.length, y.length);
  let k = 0;
  while (k < n && x.charCodeAt(k) === y.charCodeAt(k)) k++;
  return k >= Math.max(DECLINED_MIN, n - 3);
}

/** Where `short` stands in a row in `long`, each word maybe declined; -1 when nowhere. */
function inRowDeclined(short: readonly string[], long: readonly string[]): number {
  for (let i = 0; i + short.length <= long.length; i++) if (short.every((w, k) => sameDeclined(w, long[i + k]!))) return i;
  return -1;
}

/**
 * Whether the other version quotes the words of a quotation in another case: a statement reported
 * with its quoted words declined (`”Tämä on vaikea mutta välttämätön päätös”, sanoi Purra` /
 * `Purran mukaan kyse on ”vaikeasta mutta välttämättömästä päätöksestä”`). Three words in a row at
 * least, one quotation in the other, as `quoteCarried` reads the same words: the whole of it, or
 * all of the other's where they make half of it or open or close it. Candidates are the other's
 * quotations sharing the first letters of three words that are no stop words (an index made when
 * first asked).
 */
function declinedIn(mine: readonly string[], other: QuoteStems, lang: string): boolean {
  if (mine.length < MIN_CUT_WORDS) return false;
  // (Keyed by the first letters of the words that are no stop words: `the`, `that` are in every quotation.)
  const keys = (ws: readonly string[]) => new Set(ws.filter((w) => w.length >= DECLINED_MIN && !isStopword(w, lang)).map((w) => w.slice(0, DECLINED_MIN)));
  if (!other.byPrefix) {
    other.byPrefix = new Map();
    other.words.forEach((ws, k) => {
      for (const w of keys(ws.split(' '))) { const l = other.byPrefix!.get(w); if (l) l.push(k); else other.byPrefix!.set(w, [k]); }
    });
  }
  const counts = new Map<number, number>();
  for (const w of keys(mine)) for (const k of other.byPrefix.get(w) ?? []) counts.set(k, (counts.get(k) ?? 0) + 1);
  for (const [k, n] of counts) {
    if (n < MIN_CUT_WORDS) continue;
    const theirs = other.words[k]!.split(' ');
    if (inRowDeclined(mine, theirs) >= 0) return true;
    if (theirs.length < MIN_CUT_WORDS) continue;
    const at = inRowDeclined(theirs, mine);
    if (at >= 0 && (2 * theirs.length >= mine.length || at === 0 || at + theirs.length === mine.length)) return true;
  }
  return false;
}

/** The sentences of a text by the capitalised runs of letters they hold as words (`O'Hara` gives `O` and `Hara`), made once per text. */
const RUNS = new WeakMap<StemmedText, Map<string, number[]>>();
function capitalisedRuns(t: StemmedText): Map<string, number[]> {
  let runs = RUNS.get(t);
  if (!runs) {
    runs = new Map();
    t.sentences.forEach((x, k) => {
      for (const m of t.text.slice(x.start, x.end).matchAll(/(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}]*/gu)) {
        const list = runs!.get(m[0]);
        if (!list) runs!.set(m[0], [k]);
        else if (list[list.length - 1] !== k) list.push(k);
      }
    });
    RUNS.set(t, runs);
  }
  return runs;
}

/** Content stems a quotation must have for the other's sentences naming its speaker to tell it in other words (fewer: a few common words, `I believe we can win`). */
const PARAPHRASE_MIN = 5;
/** …and the share of them one of those sentences must hold. */
const PARAPHRASE_TOLD = 0.5;

/**
 * Whether the other version has the speaker of `q` say the same thing: it quotes a piece of it
 * from that person (`« Les Français ne doivent pas être pris en otage », a-t-il ajouté` / `Le
 * ministre X a dénoncé une « prise d'otages »`: two content stems or more, all in this
 * quotation), or tells it in other words in one sentence naming that person (`“Somebody broke
 * into my account and posted that picture as a cruel prank,” Mr. Harlow said` / `Harlow insisted
 * that somebody had broken into his account to post the picture`). The speaker is known by the
 * last word of the name (`Mr. Harlow`, `Tom Harlow`); a quotation with no named speaker is never
 * told so, and another person saying the same words is no such thing.
 * On the BASIL and gilets-jaunes tuning pairs (Dec 2026) it keeps one listed statement off the
 * panel, told by the other version (a reader's check); over two sentences naming the person, the
 * words any report of a campaign has (`campaign`, `become`, `attack`) add up: one sentence.
 */
function toldBySpeaker(me: OmissionSide, q: Quote, other: StemmedText, otherQuotes: QuoteStems, lang: string): boolean {
  const surname = /(?<![\p{L}'’-])(\p{Lu}[\p{L}'’-]{2,}?)(?:['’]s)?$/u.exec(q.speaker?.trim() ?? '')?.[1];
  if (!surname) return false;
  const names = new RegExp(`(?<![\\p{L}\\p{N}])${surname.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?![\\p{L}\\p{N}])`, 'u');
  // (Read only in the sentences holding the name's first run of letters as a word, from an index
  // of the other text made once: every sentence read for every quotation was quadratic on a long
  // text, issues 16 and 20.)
  const candidates = capitalisedRuns(other).get(/^[\p{L}\p{N}]+/u.exec(surname)![0]) ?? [];
  const naming = candidates.map((k) => other.sentences[k]!).filter((x) => names.test(other.text.slice(x.start, x.end)));
  if (naming.length === 0) return false;
  const stems = new Set(contentTerms(me.text.slice(q.start, q.end), lang).map((x) => x.stem));
  // A piece quoted: one of the other's quotations in a sentence naming the speaker, its stems all here.
  const counts = new Map<number, number>();
  for (const t of stems) for (const k of otherQuotes.index.get(t) ?? []) counts.set(k, (counts.get(k) ?? 0) + 1);
  for (const [k, n] of counts) {
    const o = otherQuotes.quotes[k]!;
    if (n >= MIN_CONTAINED_WORDS && n === otherQuotes.stems[k] && naming.some((x) => x.start <= o.start && o.end <= x.end)) return true;
  }
  // Told in other words: one sentence naming the speaker holds half of its stems.
  if (stems.size < PARAPHRASE_MIN) return false;
  return naming.some((x) => [...stems].filter((t) => x.stems.has(t)).length >= PARAPHRASE_TOLD * stems.size);
}

/** Words a quotation must have for the other's unquoted words to tell it (fewer: a name quoted, `“don’t ask, don’t tell”`, which the statement around it may not be told with). */
const UNQUOTED_MIN_WORDS = 5;
/** Sentences of the other version read for one quotation at most (those holding its rarest content stem). */
const UNQUOTED_MAX_CANDIDATES = 50;

/**
 * Whether the other version gives a quotation's words in a row without quotation marks, in one of
 * its sentences: an interview's transcript (`POWELL: … we acted decisively once the picture was
 * clear.`) beside a report quoting it, or the same words reused. `UNQUOTED_MIN_WORDS` at least;
 * the sentences holding all its content stems are read (from the index, rarest stem first).
 */
function toldUnquoted(me: OmissionSide, q: Quote, other: StemmedText, lang: string, tick: () => void): boolean {
  const words = wordsOf(me.text, q, lang);
  if (words.split(' ').length < UNQUOTED_MIN_WORDS) return false;
  const stems = [...new Set(contentTerms(me.text.slice(q.start, q.end), lang).map((x) => x.stem))];
  if (stems.length === 0) return false;
  const lists = stems.map((t) => other.index.get(t) ?? []).sort((x, y) => x.length - y.length);
  // (Words whose rarest stem stands in more sentences than this are too common to be looked for
  // in each: not told, as before this reading. Each sentence's words made once per text: a page of
  // many quotations whose words the other's sentences hold in another order read each sentence
  // again for each quotation, quadratic.)
  if (lists[0]!.length > UNQUOTED_MAX_CANDIDATES) return false;
  let folded = FOLDED.get(other);
  if (!folded) FOLDED.set(other, (folded = new Map()));
  return lists[0]!.some((k) => {
    tick();
    const x = other.sentences[k]!;
    if (!stems.every((t) => x.stems.has(t))) return false;
    let sentence = folded!.get(k);
    if (sentence === undefined) folded!.set(k, (sentence = ` ${tokenize(other.text.slice(x.start, x.end), lang).map((t) => t.norm).join(' ')} `));
    return sentence.includes(` ${words} `);
  });
}
/** The other text's sentences as folded words, space-joined, made when first asked (`toldUnquoted`). */
const FOLDED = new WeakMap<StemmedText, Map<number, string>>();

/** Share of a statement's content stems a sentence giving all its figures must hold to tell it in other words. */
const FIGURES_TOLD = 0.3;

/**
 * Whether a sentence of the other version gives every figure of a statement and, with them, a
 * share of its words: the same fact in other words (`O ministro… anunciou um pacote de R$ 50
 * bilhões em crédito para a indústria` / `O governo lançou um programa de R$ 50 bilhões em crédito
 * para a indústria`). Figures are specific; "only one version tells this" would be false.
 */
function figuresTold(s: Sentence, terms: readonly Term[], other: StemmedText, tick: () => void): boolean {
  const figures = new Set(terms.filter((t) => /^\p{N}/u.test(t.text)).map((t) => t.stem));
  if (figures.size === 0) return false;
  // (The sentences holding its rarest figure: each candidate must hold them all.)
  const lists = [...figures].map((f) => other.index.get(f) ?? []).sort((x, y) => x.length - y.length);
  for (const k of lists[0]!) {
    tick();
    const stems = other.sentences[k]!.stems;
    if (![...figures].every((f) => stems.has(f))) continue;
    if ([...s.stems].filter((x) => stems.has(x)).length >= FIGURES_TOLD * s.stems.size) return true;
  }
  return false;
}

/**
 * What a statement holds that the other version nowhere has: an actor it never names (by the
 * actor, and by most of the name's capitalised words), a figure, month or weekday it never gives,
 * or a quotation of two words or more it does not quote. Sentences are aligned by their words, so
 * a statement the other tells in other words (`struck down the plan` / `blocked the program`,
 * `Biden slammed the decision` / `Biden said the court had made a mistake`) looks left out; what
 * the other never names is left out there for sure. A statement without any is not listed (an
 * orphan rather than a wrong claim, as Hypothesis anchors), and those listed show these words: the
 * claim a reader can check. On the BASIL and gilets-jaunes tuning pairs, of 20 statements listed
 * before that had none, 4 were left out by the other version and 11 told in other words.
 */
function absentFromOther(me: OmissionSide, s: Span, terms: readonly Term[], mentions: readonly ActorMention[], quotes: readonly Quote[], other: OtherWords, lang: string, loneNoun: (m: ActorMention) => boolean): Span[] {
  const out: Span[] = [];
  const absent = (stem: string) => !other.stems.has(stem) && !other.title.has(stem);
  // (A month or weekday is a content word: the other's stems tell whether it gives it, and failing
  // them its month and weekday names, read as the days they stand for: `Dienstagabend` is the
  // `Dienstag` of the other, `Sept.` its `September`. In English capitalised only: `may`, `march`
  // are verbs.)
  const calendar = (t: Term) => (!lang.startsWith('en') || /^\p{Lu}/u.test(t.text)) ? calendarKey(t.text, lang) : null;
  for (const t of terms) {
    if (!absent(t.stem)) continue;
    if (/^\p{N}/u.test(t.text) && other.figures().has(figureKey(t.text))) continue;
    const day = /^\p{N}/u.test(t.text) ? null : calendar(t);
    if (/^\p{N}/u.test(t.text) || (day !== null && !other.calendar().has(day))) out.push({ start: s.start + t.start, end: s.start + t.end });
  }
  for (const m of mentions) {
    if (other.actors.has(m.actor) || loneNoun(m)) continue;
    // (A name the other gives by its initials: `Partido Popular` / `PP`, `Unión General de
    // Trabajadores` / `UGT`, `Rassemblement national` / `RN`.)
    if (initialsOf(me.text, m).some((x) => other.acronyms().has(x))) continue;
    // (Or the other way round: an acronym the other gives in full, `RN` / `le Rassemblement national`.)
    if (/^\p{Lu}{2,}$/u.test(m.text) && other.initials().has(m.text)) continue;
    // (Or by the acronym this text gives it in parentheses: `Confederação Empresarial de Portugal (CIP)`.)
    const given = /^[ \u00a0]*\((\p{Lu}[\p{Lu}\p{N}&.-]+)\)/u.exec(me.text.slice(m.end, m.end + 20))?.[1];
    if (given && other.acronyms().has(given)) continue;
    const names = contentTerms(m.text, lang).filter((t) => /^\p{Lu}/u.test(t.text));
    if (names.length > 0 && 2 * names.filter((t) => absent(t.stem) && !other.declined(t.stem)).length > names.length) out.push({ start: m.start - nameOpening(me.text, s.start, m.start, lang), end: m.end + nameAdjectives(me.text, m.end, lang) });
  }
  for (const q of quotes) {
    if (quotedWords(me.text, q.marks.open, q.marks.close, lang).length >= MIN_CONTAINED_WORDS) out.push({ start: Math.max(q.start, s.start), end: Math.min(q.end, s.end) });
  }
  // In text order, joined when they overlap or only spaces part them (a figure inside a
  // quotation; `Movimento` `5` `Stelle`, one name), or, in a language whose connectors the name
  // finder does not know, a short lower-case word between two names (`Prawa i Sprawiedliwości`).
  const merged: Span[] = [];
  const unknown = !hasOwnLexicon(lang);
  const between = (a: Span, b: Span) => unknown && /^[ \u00a0]+\p{Ll}{1,3}[ \u00a0]+$/u.test(me.text.slice(a.end, b.start)) && /^\p{Lu}/u.test(me.text[b.start] ?? '');
  for (const x of out.sort((p, q) => p.start - q.start)) {
    const last = merged[merged.length - 1];
    if (last && (x.start <= last.end || /^[ \u00a0]+$/u.test(me.text.slice(last.end, x.start)) || between(last, x))) last.end = Math.max(last.end, x.end);
    else merged.push({ ...x });
  }
  return merged;
}

/**
 * The acronyms a name could go by: its capitalised words' initials, with the lower-case adjectives
 * that end a name in the Romance languages (`Rassemblement national` / `RN`, `Parti socialiste` /
 * `PS`) and the capitalised words before or after it that the name finder split off at a short
 * lower-case word (`National Association for the Advancement of Colored People` / `NAACP`, found
 * as `National Association` and `Advancement of Colored People`). Two letters at least.
 */
function initialsOf(text: string, m: ActorMention): string[] {
  const words = text.slice(m.head.start, m.head.end).split(/\s+/u).filter((w) => /^\p{Lu}\p{Ll}/u.test(w));
  const initials = words.map((w) => w[0]).join('');
  const after = /^(?:[ \u00a0]+\p{Ll}{4,}(?![\p{L}'’-])){1,2}/u.exec(text.slice(m.head.end, m.head.end + 60))?.[0].trim().split(/\s+/u) ?? [];
  const capitals = (ws: string) => ws.split(/\s+/u).filter((w) => /^\p{Lu}/u.test(w));
  const before = capitals(/(?:\p{Lu}\p{Ll}+[ \u00a0]+(?:\p{Ll}{1,3}[ \u00a0]+){0,2})+$/u.exec(text.slice(Math.max(0, m.head.start - 80), m.head.start))?.[0] ?? '');
  const next = capitals(/^(?:[ \u00a0]+(?:\p{Ll}{1,3}[ \u00a0]+){0,2}\p{Lu}\p{Ll}+)+/u.exec(text.slice(m.head.end, m.head.end + 80))?.[0] ?? '');
  const split = before.flatMap((_, k) => next.map((__, j) => before.slice(k).concat(words, next.slice(0, j + 1)))).concat(before.map((_, k) => before.slice(k).concat(words)), next.map((_, j) => words.concat(next.slice(0, j + 1))));
  return [...[0, 1, 2].map((k) => initials + after.slice(0, k).map((w) => w[0]!.toUpperCase()).join('')), ...split.map((ws) => ws.map((w) => w[0]).join(''))].filter((x) => x.length >= 2);
}

/**
 * The lower-case adjectives that end a name in the Romance languages, which the name finder leaves
 * out (`Conferenza episcopale italiana`, `Assemblée nationale`, `Partido Socialista Obrero
 * Español` aside): their length after `end`, so that a mark shows the name whole, not `Conferenza`.
 * Known by their endings only (a verb after the name is no part of it: `la Camera aveva`).
 */
function nameAdjectives(text: string, end: number, lang: string): number {
  if (!ROMANCE.has(lang.slice(0, 2))) return 0;
  return /^(?:[ \u00a0]+\p{Ll}+(?:al|ale|ali|aux|el|elle|els|elles|ic|ico|ica|ici|iche|ique|iques|ain|aine|ano|ana|ani|ane|ais|aise|ese|esi|ês|esa|ien|ienne|éen|éenne|eo|ea|aire|ario|aria|nal|iste|ista|isti|if|ive|ivo|iva)s?(?![\p{L}'’-])){1,2}/u.exec(text.slice(end, end + 60))?.[0].length ?? 0;
}
const ROMANCE = new Set(['fr', 'it', 'es', 'pt']);

/**
 * The capitalised word opening the sentence right before a name, which the name finder leaves out
 * (a capital there tells nothing: `Wall Street cheered…` gave `Street`): its length with the space
 * after it, so that the mark shows `Wall Street`. Not a function word, a day or an adverb
 * opening the sentence (`But Republicans…`, `Meanwhile Obama…`: the quotes lexicon's words of that
 * place), nor before a description in lower case (`Council leader Bram Okafor`).
 */
function nameOpening(text: string, sentenceStart: number, start: number, lang: string): number {
  // (Only where the words that open a sentence are known: in Polish, `Posłowie Prawa i
  // Sprawiedliwości` opens on a common noun, `deputies`.)
  if (!/^\p{Lu}/u.test(text[start] ?? '') || !hasOwnLexicon(lang)) return 0;
  const first = /^\s*(\p{Lu}[\p{L}'’-]*)[ \u00a0]$/u.exec(text.slice(sentenceStart, start));
  if (!first) return 0;
  const w = first[1]!;
  const lex = quoteLexicon(lang);
  const word = fold(w).toLowerCase();
  const opener = isStopword(w, lang) || isCalendarWord(w, lang) || lex.skip.has(word) || lex.sentenceAdverbs.has(word) || lex.adjunctStarts.has(word) || lex.subordinators.has(word) || lex.coordinators.has(word) || /\p{L}ly$/u.test(word);
  return opener ? 0 : first[0].trimStart().length;
}

/**
 * The other version's words as a statement's anchors are looked for: its content stems, its
 * headline's, the actors it names, the months and weekdays and the words in capitals of its text
 * and headline (read when first asked), and `declined`: whether it writes a name in another case.
 */
interface OtherWords { stems: { has(stem: string): boolean }; title: ReadonlySet<string>; actors: ReadonlySet<string>; calendar: () => ReadonlySet<string>; acronyms: () => ReadonlySet<string>; initials: () => ReadonlySet<string>; figures: () => ReadonlySet<string>; declined: (stem: string) => boolean }

/**
 * Whether a text in a language without a stemmer writes a name in another case: a word opening
 * with the name's letters but its last three, four at least (`sameDeclined`). Czech, Polish,
 * Slovak, Croatian decline names (`Senát` / `do Senátu`, `Fiala` / `Fialy`), which no Snowball
 * stemmer here reads: compared as written, a name the other version gives was marked as left out
 * there. With a stemmer, always false (its stems meet already).
 */
function declinedNames(text: string, lang: string): (stem: string) => boolean {
  if (hasStemmer(lang)) return () => false;
  let prefixes: Set<string> | undefined;
  return (stem) => {
    if (!prefixes) {
      // (Every word's beginnings of `DECLINED_MIN` letters and more: a case ending lengthens it.)
      prefixes = new Set();
      for (const w of new Set(fold(text).toLowerCase().match(/(?<!\p{L})\p{L}{4,30}(?!\p{L})/gu))) for (let k = DECLINED_MIN; k <= w.length; k++) prefixes.add(w.slice(0, k));
    }
    const name = fold(stem).toLowerCase();
    return name.length >= DECLINED_MIN && prefixes.has(name.slice(0, Math.max(DECLINED_MIN, name.length - 3)));
  };
}

/**
 * A figure as written, as matching reads it (`figureValue`: `282'710`, `282 710`, `282.710` and
 * `282710` are one figure, `6,5` is `6.5`); as written when it is no number. Their stems keep the
 * separators, so a figure the other version writes another way looked absent (on the tuning
 * pairs, Dec 2026: 2 listed statements, `50'000` / `50000` and `Dec. 27` / `Dec. 27th`, both told
 * by the other).
 */
function figureKey(figure: string): string {
  const value = figureValue(figure);
  return Number.isFinite(value) ? String(value) : figure;
}

/** The figures of a text, by `figureKey`: an ordinal too (`Dec. 27th` gives `27`), not a number run into a word (`#17Novembre`, `A6`). */
function figureKeys(text: string): Set<string> {
  return new Set((text.match(/(?<![\p{L}\p{N}])\d(?:\d|['’.,\u00a0\u202f ](?=\d))*(?=(?:st|nd|rd|th|e|er|re|ème|eme|º|ª)?(?![\p{L}\p{N}]))/gu) ?? []).map(figureKey));
}

/** The months and weekdays `text` names, as `calendarKey`s (`terça-feira` whole, `Mi-mai` by its parts); in English capitalised only (`may`, `march` are verbs). */
function calendarKeys(text: string, lang: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/\p{L}+(?:-\p{L}+)*/gu)) {
    if (lang.startsWith('en') && !/^\p{Lu}/u.test(m[0])) continue;
    for (const w of [m[0], ...(m[0].includes('-') ? m[0].split('-') : [])]) {
      const key = calendarKey(w, lang);
      if (key !== null) out.add(key);
    }
  }
  return out;
}

/**
 * In a language that capitalises every noun (German), a name found as one capitalised word
 * (`Auftrag` in `in Auftrag gegeben`, `Lärm`, `Fördergeld`: nouns no determiner opens) is a
 * common noun as often as a name, and the other version may say it in other words
 * (`Fördergeld` / `Förderprogramm`): no anchor, unless the text names someone in full with it
 * (`Baumann` after `Jörg Baumann`). A place named in one word is lost with them: an orphan rather
 * than a wrong claim.
 */
function loneNouns(me: OmissionSide, lang: string): (m: ActorMention) => boolean {
  if (!capitalisesNouns(lang)) return () => false;
  const head = (m: ActorMention) => me.text.slice(m.head.start, m.head.end);
  const surnames = new Set(me.mentions.filter((m) => m.via === 'name').map((m) => head(m).split(/\s+/u)).filter((w) => w.length > 1).map((w) => w[w.length - 1]!));
  return (m) => {
    const h = head(m);
    return m.via === 'name' && nounShaped(h) && !surnames.has(h);
  };
}

function statements(me: OmissionSide, mine: Sentence[], other: StemmedText, otherWords: OtherWords, otherQuotes: () => QuoteStems, lang: string, deadline?: FramingDeadline): Statement[] {
  const out: Statement[] = [];
  const loneNoun = loneNouns(me, lang);
  const mentions = spanIndex(me.mentions);
  const reported = me.quotes.filter((q) => q.kind === 'reported');
  const quotes = spanIndex(reported);
  // The quotations starting inside a sentence (with those holding its start: every one it overlaps).
  const byStart = [...reported].sort((x, y) => x.start - y.start);
  const startingIn = (s: Span) => {
    let lo = 0;
    let hi = byStart.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (byStart[mid]!.start <= s.start) lo = mid + 1; else hi = mid; }
    const out: Quote[] = [];
    for (let k = lo; k < byStart.length && byStart[k]!.start < s.end; k++) out.push(byStart[k]!);
    return out;
  };
  const tick = deadlineTicker(deadline);
  for (const s of mine) {
    tick();
    if (s.stems.size < MIN_TERMS) continue;
    // (The other's headline is one of its statements: `Bundestag beschließt Heizungsgesetz nach
    // monatelangem Streit` tells `Nach monatelangem Koalitionsstreit hat der Bundestag das
    // Heizungsgesetz beschlossen`.)
    const c = Math.max(bestCounterpart(s, other.index).share, [...s.stems].filter((x) => otherWords.title.has(x)).length / s.stems.size);
    if (c >= MIN_COVERED) continue;
    const text = me.text.slice(s.start, s.end);
    const terms = contentTerms(text, lang);
    if (terms.filter((t) => tellingWord(t.text, lang)).length < MIN_LOWER_CASE_TERMS) continue;
    if (figuresTold(s, terms, other, tick)) continue;
    const inside = (x: Span) => x.start >= s.start && x.end <= s.end;
    // A quotation the other version also gives: the statement is not left out there.
    const overlapping = [...quotes.holding(s.start, s.start + 1), ...startingIn(s)];
    if (overlapping.some((q) => quoteCarried(me, q, otherQuotes(), lang) || toldBySpeaker(me, q, other, otherQuotes(), lang) || toldUnquoted(me, q, other, lang, tick))) continue;
    const named = mentions.endingBefore(s.end, 200).filter(inside).sort((x, y) => x.start - y.start);
    const absent = absentFromOther(me, s, terms, named, overlapping, otherWords, lang, loneNoun);
    if (absent.length === 0) continue;
    const lead = s.start + text.length - text.trimStart().length;
    const actors = [...new Set(named.map((m) => m.text))];
    const figures = [...text.matchAll(FIGURE)].map((m) => m[0].trim()).filter((f) => f.length > 0);
    const quoteCount = quotes.endingBefore(s.end, 50).filter(inside).length;
    const rank = 2 * actors.length + 2 * figures.length + 2 * quoteCount + Math.floor(s.stems.size / 10);
    out.push({ text: text.trim(), start: s.start, end: s.end, covered: Math.round(c * 100) / 100, carries: { actors, figures, quotes: quoteCount }, absent: absent.map((x) => ({ start: x.start - lead, end: x.end - lead })), rank });
  }
  return out.sort((x, y) => y.rank - x.rank || x.start - y.start);
}

/** The statements of each article with no counterpart in the other, most carrying first; stops past `deadline` (`FramingCut`). */
export function findOmissions(a: OmissionSide, b: OmissionSide, deadline?: FramingDeadline): { onlyA: Statement[]; onlyB: Statement[] } {
  const sa = stemmedIn(a.text, a.language ?? 'en', a.stemmed, deadline);
  const sb = stemmedIn(b.text, b.language ?? a.language ?? 'en', b.stemmed, deadline);
  const otherWords = (side: OmissionSide, stemmed: StemmedText): OtherWords => {
    let calendar: Set<string> | undefined;
    let acronyms: Set<string> | undefined;
    let figures: Set<string> | undefined;
    let initials: Set<string> | undefined;
    return {
      stems: stemmed.index,
      title: new Set(contentTerms(side.title ?? '', stemmed.lang).map((t) => t.stem)),
      actors: new Set(side.mentions.map((m) => m.actor)),
      calendar: () => (calendar ??= calendarKeys(`${side.title ?? ''}\n${side.text}`, stemmed.lang)),
      acronyms: () => (acronyms ??= new Set(`${side.title ?? ''}\n${side.text}`.match(/(?<![\p{L}\p{N}])\p{Lu}{2,}(?![\p{L}\p{N}])/gu) ?? [])),
      figures: () => (figures ??= figureKeys(`${side.title ?? ''}\n${side.text}`)),
      declined: declinedNames(`${side.title ?? ''}\n${side.text}`, stemmed.lang),
      // (Two letters from two capitalised words are too often a person's: `Dan Cathy` is no `DC`.)
      initials: () => (initials ??= new Set(side.mentions.flatMap((m) => initialsOf(side.text, m).filter((x) => x.length >= 3 || !/\s/u.test(side.text.slice(m.head.start, m.head.end).trim()))))),
    };
  };
  // The other's quotations stemmed when a statement has quotations to look for there, not before:
  // stemming 5,000 quotations was half the framing of a page beside its copy, where every sentence
  // has its counterpart and none is looked for (issue 16).
  const quotesOf = (side: OmissionSide, lang: string) => {
    let q: QuoteStems | undefined;
    return () => (q ??= quoteStems(side, lang, deadline));
  };
  const onlyA = statements(a, sa.sentences, sb, otherWords(b, sb), quotesOf(b, sb.lang), sa.lang, deadline);
  return { onlyA, onlyB: statements(b, sb.sentences, sa, otherWords(a, sa), quotesOf(a, sa.lang), sb.lang, deadline) };
}
