/**
 * The same quotation in two articles, classified, with a word diff whose spans point into both.
 *
 * Words are compared on `tokenize`'s comparison form (typography, case, accents and spacing
 * never matter; elided articles are their own words, so `d'intensifier` = `d’intensifier`).
 * Words inside editorial brackets (`pay [for] it`, `[Representative] Smith`) are the editor's,
 * not the speaker's: they match only bracketed words of the other version. The diff is the
 * longest common subsequence of the two word sequences (Hunt & McIlroy 1976; the same edit
 * script as Myers' O(ND) algorithm used by jsdiff and git, computed here by dynamic
 * programming, which is O(n·m) and at most MAX_DIFF_WORDS² cells for a pair of quotations),
 * built only for pairs whose LCS length (bit-parallel, no table: `lcsLength`) leaves a relation possible.
 *
 * Relations, checked in this order:
 * - `exact`: the same words;
 * - `insertion` / `cut`: every difference inside the quotation is marked by an editor, as the
 *   style guides ask (Chicago Manual of Style 13.50–13.59; AP: brackets and ellipses): words in
 *   brackets in one version (`insertion`), or words one version leaves out where it sets an
 *   ellipsis (`…`, `...`, `[…]`: `cut`; a cut wins when both are present). Words missing at
 *   either end are allowed (that is `truncated`'s case, marked or not);
 * - `truncated`: one version is a contiguous part of the other (wherever the other holds it);
 * - `spliced`: every word of one version is in the other, in order, but from non-adjacent
 *   pieces joined without a mark, a clause (MIN_SPLICE_GAP words or more) left out between two;
 * - `altered`: most words in common (LCS ≥ ALTERED_MIN_SHARE of the longer version, and as much
 *   of its content words: function words alone make two statements look like one), some
 *   changed, added or dropped; also every word of one in the other with only a word or two
 *   between them;
 * - `unquoted`: the words of a quotation of one article appear outside quotation marks in the
 *   other (the outlet's own text).
 * From `truncated` on, bracketed words are left out of the comparison.
 * Chance matches are kept out by MIN_WORDS and MIN_CONTENT_WORDS: the shorter version must have
 * at least that many words, and the versions must share that many content (non stop) words.
 * A quotation shorter than that is paired only with the same words of the same named speaker
 * (`exact`), or, as `truncated`, with a longer quotation of the same person holding its words side
 * by side where the other text writes them nowhere else (`shortInLong`).
 *
 * A diff part's `text` is its words as written, followed by what separates them from the next
 * word of the same article (spaces, punctuation), so that the parts read as words when shown
 * one after another (`a f***ing wall`, not `f***ingwall`).
 */
import { firstEndingAfter, fold, isHonorific, isStopword, sameTokensInside, sentences, tokenize } from '../text';
import { textTokens, type TextTokens } from './extract';
import type { Token } from '../text';
import { everyLanguage } from './lexicon';
import type { Quote, Span } from './types';

export type QuoteRelation = 'exact' | 'insertion' | 'cut' | 'truncated' | 'altered' | 'spliced' | 'unquoted';

/** One run of the word diff: words in both versions, only in `a`, or only in `b`. */
export interface DiffPart {
  op: 'same' | 'removed' | 'added';
  /** Where the run lies in article a (null for `added`). */
  a: Span | null;
  /** Where the run lies in article b (null for `removed`). */
  b: Span | null;
  /**
   * The run's words as written in the article it comes from (a for same/removed, b for added),
   * followed by the spaces and punctuation up to that article's next word of the quotation.
   */
  text: string;
}

/** A quotation found in both articles. */
export interface SharedQuote {
  /** The quotation's span in a and in b (for `unquoted`, the reused words in the other text). */
  a: Span;
  b: Span;
  /** Index in the quotes of a / b, or null on the side where the words are not quoted. */
  aQuote: number | null;
  bQuote: number | null;
  relation: QuoteRelation;
  /** The speaker named in a, else in b; null when the two name different people (`speakersDiffer`). */
  speaker: string | null;
  /** Both versions name a speaker, with no name in common: at least one of them is wrong. */
  speakersDiffer?: true;
  diff: DiffPart[];
  /** Words in common over words of the longer version, 0..1. */
  similarity: number;
}

/** Titles of office in every language the lexicon has (`Justice`, `Governor`, `ministre`, `ministro`): no part of a name. */
const TITLES: ReadonlySet<string> = everyLanguage('titles');

/** Words that qualify a title right after them (`Chief Justice`, `Prime Minister`, `Vice President`): no name either. */
const TITLE_QUALIFIERS: ReadonlySet<string> = new Set(['chief', 'prime', 'vice', 'deputy', 'acting', 'former', 'assistant', 'associate', 'state']);

/** The names of a speaker phrase: its capitalised words, titles of address and of office aside (`M.`, `Mme`, `Justice`, `Chief Justice`), folded. */
const namesOf = (speaker: string): string[] => (speaker.match(/\p{Lu}[\p{L}'’.-]+/gu) ?? []).filter((w) => !isHonorific(w.replace(/\.$/u, ''))).map((w) => fold(w).toLowerCase())
  .filter((w, i, all) => !TITLES.has(w) && !(TITLE_QUALIFIERS.has(w) && TITLES.has(all[i + 1] ?? '')));

/**
 * A speaker phrase that names no one but describes: its last word is not capitalised (`Texas
 * governor`, `Obama campaign`, `an AARP spokeswoman`, `le ministre`). Its capitalised words
 * qualify the role; they are not the name of whoever holds it.
 */
const describes = (speaker: string): boolean => {
  // (A title alone, capitalised: `Chief Justice`, `Governor`.)
  if (namesOf(speaker).length === 0) return true;
  const words = speaker.trim().split(/\s+/u);
  let i = words.length;
  while (i > 0 && /^\p{Lu}/u.test(words[i - 1]!)) i--;
  if (i === words.length) return true;
  // So when its last capitalised word names a common noun's complement: `le locataire de la
  // place Beauvau`, `the tenant of the palace Elysée` describe the minister, whom another version
  // names (it said the two disagreed). Two capitalised words there are a person's name after the
  // complement (`le porte-parole du gouvernement Paul Marceau`).
  if (words.length - i !== 1) return false;
  // So a title of office with its complement, the capitalised word right after the preposition:
  // `ministro das Finanças`, `ministre de la Justice`, `Secretary of State`, `maire de Paris`
  // describe whoever holds the office (not `parquet de Lyon`, an organisation's name).
  const lowerOrTitle = (w: string) => /^\p{Ll}/u.test(w) || TITLES.has(fold(w).toLowerCase());
  if (i >= 2 && TITLES.has(fold(words[0]!).toLowerCase()) && ARTICLE_OR_PREPOSITION.has(words[i - 1]!.toLowerCase().replace(/['’]$/u, '')) && words.slice(0, i).every(lowerOrTitle)) return true;
  const noun = (words[i - 1] ?? '').replace(/^\p{Ll}['’]/u, '');
  const before = words.slice(Math.max(0, i - 3), i - 1).map((w) => w.toLowerCase().replace(/['’]$/u, ''));
  return /^\p{Ll}/u.test(noun) && !ARTICLE_OR_PREPOSITION.has(noun) && before.some((w) => COMPLEMENT_PREPOSITIONS.has(w));
};
/** Prepositions opening a noun's complement in the languages of the lexicon and their neighbours. */
const COMPLEMENT_PREPOSITIONS: ReadonlySet<string> = new Set(['de', 'du', 'des', 'd', 'of', 'di', 'del', 'della', 'dello', 'dei', 'degli', 'delle', 'do', 'da', 'dos', 'das', 'von', 'van']);
const ARTICLE_OR_PREPOSITION: ReadonlySet<string> = new Set([...COMPLEMENT_PREPOSITIONS, 'la', 'le', 'les', 'the', 'il', 'lo', 'el', 'der', 'die', 'het', 'a', 'o']);
/** Head nouns of organisations in every language of the lexicon (`parquet`, `ministère`, `committee`), folded. */
const ORGANISATIONS: ReadonlySet<string> = everyLanguage('organisations');
/**
 * A speaker phrase naming an organisation: an acronym alone (`CGT`), or one of its nouns in lower
 * case not followed by a person's name of two capitalised words (`parquet de Lyon`; not
 * `porte-parole du gouvernement Paul Marceau`).
 */
const organisation = (speaker: string): boolean => {
  const words = speaker.trim().split(/\s+/u);
  if (words.length === 1 && /^\p{Lu}{2,}$/u.test(words[0]!)) return true;
  const personLast = words.length >= 2 && words.slice(-2).every((w) => /^\p{Lu}\p{Ll}/u.test(w));
  return !personLast && holdsOrganisationNoun(speaker);
};
const holdsOrganisationNoun = (speaker: string): boolean => speaker.trim().split(/\s+/u).some((w) => /^\p{Ll}/u.test(w) && ORGANISATIONS.has(fold(w.replace(/^\p{Ll}['’]/u, '')).toLowerCase()));
/** A description of someone the article does not name (`an AARP spokeswoman`, `un conseiller`): not whoever another version names. */
const someoneUnnamed = (speaker: string): boolean => describes(speaker) && /^(?:an?|another|one|un|une)\s/iu.test(speaker.trim());

/**
 * Whether two versions credit one quotation to different people: both name someone and the names
 * share no word (`Jérôme Lenoir` / `Paul Marceau`; `M. Lenoir` and `ministre Jérôme Lenoir` agree;
 * `Justice Scalia` and `Justice Kennedy` do not: a title is no name).
 * A role without a name (`le ministre`, `préfecture`, `the Texas governor`) may be anyone named: no disagreement.
 */
export function speakersDiffer(a: string | null, b: string | null): boolean {
  if (!a || !b || describes(a) || describes(b)) return false;
  // An organisation and a person may be one source (`parquet de Lyon` / `procureure Sophie Marin`,
  // `CGT` / its leader), unless the person's own description names another (`porte-parole du
  // gouvernement Paul Marceau` / `CGT`).
  const [org, person] = organisation(a) ? [a, b] : [b, a];
  if (organisation(org) && !organisation(person) && !holdsOrganisationNoun(person)) return false;
  const na = namesOf(a);
  const nb = new Set(namesOf(b));
  return na.length > 0 && nb.size > 0 && !na.some((w) => nb.has(w));
}

/** The description set right before a name (`White House press secretary Karine Jean-Pierre`): its words up to a punctuation mark. */
const DESCRIPTION_BEFORE = /(?:^|[^\p{L}\p{N}'’.-])((?:[\p{L}\p{N}'’.-]+[ \u00a0]+){1,6})$/u;
/** The apposition after a name that an article opens (`Dmitri Peskov, the Kremlin's spokesman,`). */
const DESCRIPTION_AFTER = /^,[ \u00a0]+(?:the|a|an|le|la|les|l['’]|il|lo|el|der|die|das|o|het|de)[ \u00a0]*([^,.;:!?«»"“”„\n]{1,60})[,.]/iu;

/**
 * Whether a speaker is described, where the text names them, as speaking for the other version's
 * speaker: every name of `other` (`White House`, `Kremlin`) stands in a description of the person
 * holding a role in lower case (`White House press secretary Karine Jean-Pierre`, `Dmitri Peskov,
 * the Kremlin's spokesman,`). An organisation and its spokesperson are one source; two versions
 * crediting one or the other do not disagree. (Not any name near: `McConnell, responding to
 * Schumer,` speaks for no Schumer.)
 */
export function speaksFor(text: string, q: Quote, other: string | null): boolean {
  if (!other || !q.speakerSpan) return false;
  const theirs = namesOf(other);
  if (theirs.length === 0) return false;
  const before = DESCRIPTION_BEFORE.exec(text.slice(Math.max(0, q.speakerSpan.start - 80), q.speakerSpan.start))?.[1] ?? '';
  const after = DESCRIPTION_AFTER.exec(text.slice(q.speakerSpan.end, q.speakerSpan.end + 80))?.[1] ?? '';
  const holds = (description: string) => /(?:^|\s)\p{Ll}/u.test(description) && theirs.every((w) => namesOf(description.replace(/['’]s(?![\p{L}])/gu, '')).includes(w));
  return holds(before) || holds(after);
}

/**
 * The speaker to show for a quotation two versions credit to `a` and `b` (not differing): the name
 * where one names and the other describes (`Mr. Perry` for `the Texas governor`); none where one
 * describes someone it does not name and the other names a person (`an AARP spokeswoman` /
 * `Barry Rand`: perhaps two people, and either would be false of one text); else `a`, or `b`.
 */
export function creditedSpeaker(a: string | null, b: string | null): string | null {
  if (!a || !b) return a ?? b;
  if (describes(a) === describes(b)) return a;
  if (someoneUnnamed(a) || someoneUnnamed(b)) return null;
  return describes(a) ? b : a;
}

/** A quotation shorter than this (in words) is never matched: one or two common words match by chance. */
const MIN_WORDS = 4;
/** Content words the two versions must share. */
const MIN_CONTENT_WORDS = 3;
/** `altered`: words in common over words of the longer version. */
const ALTERED_MIN_SHARE = 0.6;
/**
 * A splice leaves out at least this many words between two pieces (a clause: `close [in March
 * and] four hundred`); fewer is a word changed, added or dropped, which `altered` says.
 */
const MIN_SPLICE_GAP = 3;
/**
 * Content words two quotations' prefixes share before they are compared for `altered`
 * (`candidateIndex`, 2.): at most MIN_CONTENT_WORDS, the least overlap a pair kept has.
 */
const PREFIX_SHARED = 3;
/**
 * The most a group's prefix is made for (`candidateIndex`, 2.): a group whose overlap threshold t
 * is higher takes min(t, PREFIX_SHARED_MOST) words more than c − t, and a pair shares the fewer
 * of its two groups' counts in their prefixes. On two 5 MB texts (tests/support/long-pair.ts),
 * 3 (PREFIX_SHARED for all), 4, 5, 6 and 8 had the candidate pairs compared in 8.3, 8.0, 6.8, 7.8
 * and 7.7 s: longer prefixes read more index entries, pairs found by fewer of them are compared.
 */
const PREFIX_SHARED_MOST = 5;
/** `unquoted`: words of the quotation found in one sentence of the other text. */
const UNQUOTED_MIN_SHARE = 0.8;
/** Quotations longer than this are compared on their first MAX_DIFF_WORDS words only (bounded cost). */
const MAX_DIFF_WORDS = 400;

const HAS_WORD = /[\p{L}\p{N}]/u;
/** An editor's mark of a cut: an ellipsis, bare or in brackets. */
const ELLIPSIS = /…|\.\s?\.\s?\./u;
/**
 * `ELLIPSIS` in `text[start, end)`, the slice made only when the gap holds a `…` or a `.`, without
 * which the expression cannot match (most gaps between two words are a space: a string per word
 * of every quotation of a long text, issue 16).
 */
function ellipsisBetween(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x2026 || c === 0x2e) return ELLIPSIS.test(text.slice(start, end));
  }
  return false;
}

/** A word of a quotation; `bracketed` when an editor put it in (its norm then starts with `[`). */
interface Word extends Token {
  bracketed: boolean;
  /** Where the word's run may start and end: widened to the brackets around an insertion. */
  outer: Span;
}

/**
 * The words of `span` (its first MAX_DIFF_WORDS), those inside `skip` left out, those inside
 * `brackets` marked as the editor's. Only as much of the span as holds them is tokenised, so a
 * quotation a stray mark stretched over megabytes costs what a long quotation does.
 */
function words(text: string, span: Span, lang: string, { brackets = [], skip = [], skipSorted, tokens }: { brackets?: readonly Span[]; skip?: readonly Span[]; skipSorted?: readonly Span[]; tokens?: TextTokens | null } = {}): Word[] {
  const skipped = skipSorted
    ? (t: Token) => within(skipSorted, t)
    : (t: Token) => skip.some((s) => t.start >= s.start && t.end <= s.end);
  const sliced = tokens ? tokensInside(tokens, span) : null;
  if (sliced) {
    // The text's tokens inside the span, where they are the span's own (`sameTokensInside`):
    // read up to the MAX_DIFF_WORDS-th kept, whatever the span's length. Gathered in one array for
    // every call, then copied at their count: an array grown word by word left about twice its
    // size behind (two texts of 5 MB: 0.5 GB of garbage). Made for each call, held by none: the
    // alignment keeps a quotation's words no longer than it compares it (issue 16: the words of
    // every quotation of two texts of 5 MB, held, were 150 MB and more).
    const kept = KEPT;
    // (Whether each token has a letter or digit, tested once per token of the text: `plainKey`'s column.)
    const has = hasWordColumn(tokens!);
    let m = 0;
    for (let x = sliced[0]; x < sliced[1] && m < MAX_DIFF_WORDS; x++) {
      const w = tokens!.words[x]!;
      let h = has[x]!;
      if (h === 0) has[x] = h = HAS_WORD.test(w.norm) ? 1 : 2;
      if (h !== 1) continue;
      const t: Token = { text: w.text, start: tokens!.starts[x]!, end: tokens!.ends[x]!, norm: w.norm };
      if (skipped(t)) continue;
      kept[m++] = word(text, t, brackets);
    }
    const out = kept.slice(0, m) as Word[];
    // (Emptied of its words, which belong to the caller now; its length kept, so it is not made again.)
    kept.fill(null, 0, m);
    return out;
  }
  for (let length = PREFIX_CHARS; ; length *= 2) {
    const end = Math.min(span.end, span.start + length);
    const whole = end === span.end;
    // Words near the cut may continue past it (UAX #29 looks ahead): kept only when the whole span was read.
    // (The tokens' offsets moved in place: the span's own tokens, made for this call.)
    const kept = tokenize(text.slice(span.start, end), lang).filter((t) => {
      t.start += span.start;
      t.end += span.start;
      return HAS_WORD.test(t.norm) && !skipped(t) && (whole || t.end < end - CUT_MARGIN);
    });
    if (whole || kept.length > MAX_DIFF_WORDS) return kept.slice(0, MAX_DIFF_WORDS).map((t) => word(text, t, brackets));
  }
}

/** `words`' array of the words it keeps, for every call (`words` calls nothing that calls it). */
const KEPT: (Word | null)[] = [];

/**
 * The key pass 1 of `alignQuotesUntil` gives quotation `q`: its speaker's words' forms (`words`,
 * an editor's brackets left out) joined by U+0000. Read from the text's tokens when `words` would
 * take every word from them (the tokens the span's own: `tokensInside`), without making a word
 * object: the words of every quotation were made before pass 1 and held to its end, 190 MB for two
 * texts of 5 MB, where pass 1 compares only the quotations it pairs (issue 16). Else undefined
 * (then key the words `words` makes).
 */
function plainKey(q: Quote, tokens: TextTokens | null): string | undefined {
  if (tokens === null) return undefined;
  const sliced = tokensInside(tokens, q);
  if (!sliced) return undefined;
  // As `words` reads them: the first MAX_DIFF_WORDS tokens with a letter or digit, of which those
  // inside no bracket (`word`: a word inside one is the editor's) are the speaker's.
  const has = hasWordColumn(tokens);
  const brackets = q.insertions;
  const norms = KEY_NORMS;
  norms.length = 0;
  for (let x = sliced[0], kept = 0; x < sliced[1] && kept < MAX_DIFF_WORDS; x++) {
    const norm = tokens.words[x]!.norm;
    let h = has[x]!;
    if (h === 0) has[x] = h = HAS_WORD.test(norm) ? 1 : 2;
    if (h !== 1) continue;
    kept++;
    if (brackets.length > 0 && inBracket(brackets, tokens.starts[x]!, tokens.ends[x]!)) continue;
    norms.push(norm);
  }
  const key = norms.join('\u0000');
  norms.length = 0;
  return key;
}
/**
 * Pass 1's key of quotation `q` of `text` (from `extractQuotes` in `lang`, with the tokens it
 * made): `plainKey`, undefined where it does not apply, and the key of the words `words` makes.
 * For tests: the two must be equal wherever the first is defined.
 */
export function passOneKeys(text: string, quotes: readonly Quote[], q: Quote, lang: string): { plain: string | undefined; words: string } {
  const tokens = textTokens(quotes, text, lang);
  return { plain: plainKey(q, tokens), words: words(text, q, lang, { brackets: q.insertions, tokens }).filter((w) => !w.bracketed).map((w) => w.norm).join('\u0000') };
}
/**
 * How many of quotation `q`'s words (`words` with its brackets) are the speaker's, out of
 * brackets, and (with `content`) how many of those are no stop word (`isStop` of their text),
 * read from the text's tokens where `words` would take every word from them (`plainKey`'s case);
 * undefined elsewhere (then count the words `words` makes).
 */
function speakerCounts(q: Quote, tokens: TextTokens | null, isStop: (word: string) => boolean, content: boolean): { all: number; content: number } | undefined {
  if (tokens === null) return undefined;
  const sliced = tokensInside(tokens, q);
  if (!sliced) return undefined;
  const has = hasWordColumn(tokens);
  const brackets = q.insertions;
  let all = 0;
  let contentWords = 0;
  for (let x = sliced[0], kept = 0; x < sliced[1] && kept < MAX_DIFF_WORDS; x++) {
    const w = tokens.words[x]!;
    let h = has[x]!;
    if (h === 0) has[x] = h = HAS_WORD.test(w.norm) ? 1 : 2;
    if (h !== 1) continue;
    kept++;
    if (brackets.length > 0 && inBracket(brackets, tokens.starts[x]!, tokens.ends[x]!)) continue;
    all++;
    if (content && !isStop(w.text)) contentWords++;
  }
  return { all, content: contentWords };
}

/** `plainKey`'s list of forms, one for every call (nothing it calls reads it). */
const KEY_NORMS: string[] = [];

/** Whether `[start, end)` is inside one of `brackets` (as `word` finds its bracket). */
function inBracket(brackets: readonly Span[], start: number, end: number): boolean {
  for (const s of brackets) if (start >= s.start && end <= s.end) return true;
  return false;
}

/** By token index, whether its form has a letter or digit (1), has none (2) or was not read yet (0); kept while the tokens are. */
const HAS_WORD_COLUMNS = new WeakMap<TextTokens, Uint8Array>();
function hasWordColumn(tokens: TextTokens): Uint8Array {
  let has = HAS_WORD_COLUMNS.get(tokens);
  if (has === undefined) {
    has = new Uint8Array(tokens.starts.length);
    HAS_WORD_COLUMNS.set(tokens, has);
  }
  return has;
}

/**
 * The indices `[from, to)` of the text's tokens inside `span` when they are the tokens of the span
 * tokenised alone (lib/text `sameTokensInside`, and no token crossing either edge); else null.
 */
function tokensInside(tokens: TextTokens, span: Span): [number, number] | null {
  if (!sameTokensInside(tokens.text, span.start, span.end)) return null;
  const { starts, ends } = tokens;
  const n = starts.length;
  const from = firstEndingAfter(ends, n, span.start);
  const to = firstEndingAfter(ends, n, span.end);
  if ((from < n && starts[from]! < span.start) || (to < n && starts[to]! < span.end)) return null;
  return [from, to];
}

/** Characters tokenised first for a span's words (MAX_DIFF_WORDS words of news are about 2,500). */
const PREFIX_CHARS = 4_096;
const CUT_MARGIN = 64;

function word(text: string, t: Token, brackets: readonly Span[]): Word {
  const { start, end } = t;
  const br = brackets.find((s) => start >= s.start && end <= s.end);
  if (!br) {
    // Outside brackets the run's bounds are the word's own: the word is its own `outer` (an object
    // less per word: every quotation's words are held while the alignment runs, 4 million for two
    // texts of 5 MB).
    // (A literal, not a spread of the token: the spread was a tenth of the alignment's time.)
    const w: Word = { text: t.text, start, end, norm: t.norm, bracketed: false, outer: t };
    w.outer = w;
    return w;
  }
  const outer = { start, end };
  if (!/[\p{L}\p{N}]/u.test(text.slice(br.start, start))) outer.start = br.start;
  if (!/[\p{L}\p{N}]/u.test(text.slice(end, br.end))) outer.end = br.end;
  return { ...t, norm: `[${t.norm}`, bracketed: true, outer };
}

/**
 * Pairs of indices (i in a, j in b) of one longest common subsequence, in order. Kept rather than
 * jsdiff's `diffArrays`: on seed sentence pairs both find LCSs of the same length, but jsdiff was
 * 1.6× slower on edited pairs and 4.7× on unrelated ones, which most candidate quotation pairs are.
 */
function lcs(a: readonly Token[], b: readonly Token[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  // The words as numbers first (a's distinct forms 1…, b's others 0): a cell compares two
  // integers, not two strings (two quotations of 400 words: 160,000 cells).
  const ids = LCS_IDS;
  const x = scratchIds(0, n);
  const y = scratchIds(1, m);
  for (let i = 0; i < n; i++) {
    let id = ids.get(a[i]!.norm);
    if (id === undefined) ids.set(a[i]!.norm, (id = ids.size + 1));
    x[i] = id;
  }
  for (let j = 0; j < m; j++) y[j] = ids.get(b[j]!.norm) ?? 0;
  ids.clear();
  const table = scratchTable((n + 1) * (m + 1));
  // The table is reused from pair to pair: only row n and column m are read before being written.
  table.fill(0, n * (m + 1), (n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    const row = i * (m + 1);
    const below = row + m + 1;
    const xi = x[i]!;
    table[row + m] = 0;
    for (let j = m - 1; j >= 0; j--) {
      table[row + j] = xi === y[j]
        ? table[below + j + 1]! + 1
        : Math.max(table[below + j]!, table[row + j + 1]!);
    }
  }
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (x[i] === y[j]) { out.push([i, j]); i++; j++; }
    else if (table[(i + 1) * (m + 1) + j]! >= table[i * (m + 1) + j + 1]!) i++;
    else j++;
  }
  return out;
}

/** One table for every `lcs` (a table per pair was most of the alignment's garbage: issue 16). */
let scratch = new Uint16Array(1024);
function scratchTable(cells: number): Uint16Array {
  if (scratch.length < cells) scratch = new Uint16Array(Math.max(cells, 2 * scratch.length));
  return scratch;
}
/** `lcs`' two sequences of numbers and its map of forms, for every call (it calls nothing that calls it). */
const LCS_IDS = new Map<string, number>();
const scratchSequences = [new Int32Array(512), new Int32Array(512)];
function scratchIds(k: 0 | 1, length: number): Int32Array {
  if (scratchSequences[k]!.length < length) scratchSequences[k] = new Int32Array(2 * length);
  return scratchSequences[k]!;
}

/**
 * The length of a longest common subsequence of `a` (its symbols' match masks, `matchMasks`) and
 * `b`, bit-parallel: a row of the LCS table is held as the bits of V, 32 columns a machine word,
 * and each symbol of b updates it by V' = (V + (V & M)) | (V & ~M), M the columns where a holds
 * that symbol; the LCS is the number of zero bits of V (Allison & Dix 1986, "A bit-string
 * longest-common-subsequence algorithm"; Hyyrö 2004, "Bit-parallel LCS-length computation
 * revisited"). O(|b| · ⌈|a| / 32⌉) and no table: the exact length the DP table of `lcs` ends with.
 */
export function lcsLength(masks: MatchMasks, b: ArrayLike<number>): number {
  const { words: w, slots, bits, v } = masks;
  v.fill(0xffffffff);
  for (let k = 0; k < b.length; k++) {
    const s = slots[b[k]!] ?? -1;
    if (s < 0) continue;
    const at = s * w;
    let carry = 0;
    for (let x = 0; x < w; x++) {
      const vx = v[x]!;
      const mx = bits[at + x]!;
      const sum = vx + ((vx & mx) >>> 0) + carry;
      carry = sum > 0xffffffff ? 1 : 0;
      v[x] = (sum >>> 0) | (vx & ~mx);
    }
  }
  let zeros = 0;
  for (let x = 0; x < w; x++) {
    // The bits past |a| in the last word stay ones (V & ~M keeps them whatever the carry): only a's columns count.
    let z = ~v[x]! >>> 0;
    while (z !== 0) { z &= z - 1; zeros++; }
  }
  return zeros;
}

/** Per symbol of a sequence, the bit mask of where it occurs (`lcsLength`). */
export interface MatchMasks {
  /** The sequence's length, and the 32-bit words a row of its bits takes. */
  length: number;
  words: number;
  /** By symbol, its row in `bits`, or -1 (or nothing) when the sequence lacks it. */
  slots: Int32Array;
  bits: Uint32Array;
  /** The row being computed. */
  v: Uint32Array;
}

/**
 * The match masks of `a`, its symbols integers under `slots.length`; `slots` (all -1) is filled
 * for a's symbols and must be reset (`releaseMasks`) before another sequence's masks are made in it.
 */
export function matchMasks(a: ArrayLike<number>, slots: Int32Array): MatchMasks {
  const words = Math.max(1, Math.ceil(a.length / 32));
  let rows = 0;
  for (let k = 0; k < a.length; k++) if (slots[a[k]!] === -1) slots[a[k]!] = rows++;
  const bits = new Uint32Array(rows * words);
  for (let k = 0; k < a.length; k++) { const at = slots[a[k]!]! * words + (k >>> 5); bits[at] = bits[at]! | (1 << (k & 31)); }
  return { length: a.length, words, slots, bits, v: new Uint32Array(words) };
}

/** Sets the slots of `a`'s symbols back to -1. */
export function releaseMasks(a: ArrayLike<number>, slots: Int32Array): void {
  for (let k = 0; k < a.length; k++) slots[a[k]!] = -1;
}

function runSpan(tokens: readonly Word[], from: number, to: number): Span {
  return { start: tokens[from]!.outer.start, end: tokens[to - 1]!.outer.end };
}

/** The diff of a and b from their common subsequence, runs merged (see the header for `text`). */
function diffParts(textA: string, a: readonly Word[], textB: string, b: readonly Word[], common: readonly [number, number][], pieceEnds: { a?: number; b?: number } = {}): DiffPart[] {
  const parts: DiffPart[] = [];
  // The run's words and what follows them up to the side's next word (not past a piece's end).
  const written = (text: string, tokens: readonly Word[], to: number, span: Span, pieceEnd: number | undefined): string =>
    text.slice(span.start, to < tokens.length && to - 1 !== pieceEnd ? tokens[to]!.outer.start : span.end);
  const push = (op: DiffPart['op'], ai: [number, number] | null, bi: [number, number] | null): void => {
    const sa = ai && ai[1] > ai[0] ? runSpan(a, ai[0], ai[1]) : null;
    const sb = bi && bi[1] > bi[0] ? runSpan(b, bi[0], bi[1]) : null;
    const text = op === 'added' ? written(textB, b, bi![1], sb!, pieceEnds.b) : written(textA, a, ai![1], sa!, pieceEnds.a);
    parts.push({ op, a: op === 'added' ? null : sa, b: op === 'removed' ? null : sb, text });
  };
  let i = 0;
  let j = 0;
  let k = 0;
  while (k <= common.length) {
    const [ci, cj] = common[k] ?? [a.length, b.length];
    if (ci > i) push('removed', [i, ci], null);
    if (cj > j) push('added', null, [j, cj]);
    if (k === common.length) break;
    // A run of consecutive common words (not past the last word of a piece: two quotations read
    // as one, `pieceEnds`, the attribution between them in no run's text).
    let e = k;
    while (e + 1 < common.length && common[e + 1]![0] === common[e]![0] + 1 && common[e + 1]![1] === common[e]![1] + 1 && common[e]![0] !== pieceEnds.a && common[e]![1] !== pieceEnds.b) e++;
    push('same', [ci, common[e]![0] + 1], [cj, common[e]![1] + 1]);
    i = common[e]![0] + 1;
    j = common[e]![1] + 1;
    k = e + 1;
  }
  return parts;
}

function contentShared(a: readonly Token[], common: readonly [number, number][], lang: string): number {
  return common.filter(([i]) => !isStopword(a[i]!.text, lang)).length;
}

/** Where `short`'s words stand side by side in `long` (the first place), or -1. */
function runAt(short: readonly Token[], long: readonly Token[]): number {
  for (let at = 0; at + short.length <= long.length; at++) {
    let k = 0;
    while (k < short.length && short[k]!.norm === long[at + k]!.norm) k++;
    if (k === short.length) return at;
  }
  return -1;
}

/** Characters at most between a quotation and the one it is split from: an attribution (`,” the governor pleaded with residents. “`). */
const SPLIT_GAP = 120;

/** Words the quotation beside it must hold, at least, to be the far end of what a split version left out (fewer: a word or two by chance). */
const SPLIT_MIN_WORDS = 3;

/**
 * The quotation right after or before quotation `k` of its text (`short` its speaker's words) that
 * holds words `long` has there, beyond `short`: the same paragraph, no more than an attribution
 * between, not paired with another, the same speaker or none. `whole` when it holds exactly the
 * words `short` leaves out at that end; else its words are the far end of them (`SPLIT_MIN_WORDS`
 * at least): the split version quoted both ends and left out the middle only.
 */
function splitNeighbour(text: string, quotes: readonly Quote[], k: number, short: readonly Word[], long: readonly Word[], used: ReadonlySet<number>, wordsOf: (k: number) => Word[] | null): { words: Word[]; whole: boolean; before: boolean } | null {
  const at = runAt(short, long);
  if (at < 0) return null;
  const before = long.slice(0, at);
  const after = long.slice(at + short.length);
  // (One side at a time: words missing at both ends are no split.)
  if (before.length > 0 && after.length > 0) return null;
  const j = after.length > 0 ? k + 1 : k - 1;
  const q = quotes[k]!;
  const n = quotes[j];
  // (The same speaker, or none named: `governor` and `Chief Tom Hale` do not differ, yet are two.)
  if (!n || used.has(j) || n.kind !== 'reported' || n.depth !== 0) return null;
  if (n.speaker !== null && n.speaker !== q.speaker && !sameNamedSpeaker(q, n)) return null;
  const gap = j > k ? text.slice(q.marks.close.end, n.marks.open.start) : text.slice(n.marks.close.end, q.marks.open.start);
  if (gap.length > SPLIT_GAP || /\n\s*\n/u.test(gap)) return null;
  const words = (wordsOf(j) ?? []).filter((w) => !w.bracketed);
  const missing = after.length > 0 ? after : before;
  const same = (ws: readonly Word[]) => words.every((w, i) => w.norm === ws[i]!.norm);
  if (words.length === missing.length && same(missing)) return { words, whole: true, before: after.length === 0 };
  // (The far end: the start of what is missing before, the end of what is missing after.)
  const far = after.length > 0 ? missing.slice(missing.length - words.length) : missing.slice(0, words.length);
  return words.length >= SPLIT_MIN_WORDS && words.length < missing.length && same(far) ? { words, whole: false, before: after.length === 0 } : null;
}

/**
 * `insertion` or `cut` when every difference between the versions inside the quotation is an
 * editor's mark: bracketed words on one side, or words one side leaves out where it sets an
 * ellipsis; differences at either end are allowed. Null otherwise.
 */
function editorialRelation(textA: string, a: readonly Word[], textB: string, b: readonly Word[], common: readonly [number, number][]): 'insertion' | 'cut' | null {
  if (common.length === 0) return null;
  let insertion = false;
  let cut = false;
  // Each gap between consecutive common words (a hunk), with the text each side has there.
  for (let k = 1; k < common.length; k++) {
    const [pi, pj] = common[k - 1]!;
    const [ci, cj] = common[k]!;
    const onlyA = a.slice(pi + 1, ci);
    const onlyB = b.slice(pj + 1, cj);
    if (onlyA.length === 0 && onlyB.length === 0) continue;
    const gapA = textA.slice(a[pi]!.outer.end, a[ci]!.outer.start);
    const gapB = textB.slice(b[pj]!.outer.end, b[cj]!.outer.start);
    const bracketedA = onlyA.length > 0 && onlyA.every((w) => w.bracketed);
    const bracketedB = onlyB.length > 0 && onlyB.every((w) => w.bracketed);
    if (bracketedA || bracketedB) {
      insertion = true;
      // `close … [and] four` for `close in March and four`: a cut bridged by an insertion.
      if ((bracketedA && ELLIPSIS.test(gapA)) || (bracketedB && ELLIPSIS.test(gapB))) cut = true;
      continue;
    }
    if ((onlyA.length === 0 && ELLIPSIS.test(gapA)) || (onlyB.length === 0 && ELLIPSIS.test(gapB))) { cut = true; continue; }
    return null;
  }
  // Bracketed words at either end (`[He] will pay`): also the editor's.
  const ends = [a.slice(0, common[0]![0]), b.slice(0, common[0]![1]), a.slice(common[common.length - 1]![0] + 1), b.slice(common[common.length - 1]![1] + 1)];
  if (ends.some((e) => e.length > 0 && e.every((w) => w.bracketed))) insertion = true;
  return cut ? 'cut' : insertion ? 'insertion' : null;
}

/**
 * The relation between two versions of a quotation, or null when they are not the same
 * quotation. `bracketsA` / `bracketsB` are the editorial insertions of each (`Quote.insertions`).
 * Exposed for tests and for callers holding two spans.
 */
export function compareQuotations(textA: string, spanA: Span, textB: string, spanB: Span, lang = 'en', bracketsA: readonly Span[] = [], bracketsB: readonly Span[] = []): { relation: Exclude<QuoteRelation, 'unquoted'>; diff: DiffPart[]; similarity: number } | null {
  return compareWords(textA, words(textA, spanA, lang, { brackets: bracketsA }), textB, words(textB, spanB, lang, { brackets: bracketsB }), lang);
}

/** `compareQuotations` on the quotations' words (`words` with their brackets). */
function compareWords(textA: string, allA: Word[], textB: string, allB: Word[], lang: string): { relation: Exclude<QuoteRelation, 'unquoted'>; diff: DiffPart[]; similarity: number } | null {
  const j = judge(textA, allA, textB, allB, lang);
  if (!j) return null;
  const { relation, similarity, a, b, common } = j;
  // The diff shows the editor's words too: `[for]` against `for` is a difference a reader should see.
  if (relation === 'exact' || relation === 'insertion' || relation === 'cut') return { relation, diff: diffParts(textA, allA, textB, allB, j.commonAll), similarity };
  const diff = diffParts(textA, a, textB, b, j.run ?? (relation === 'altered' ? readableCommon(common, a, b) : common));
  // Differences of house style only (`U.S.` / `US`, `it's` / `it is`, `5%` / `5 percent`, `five`
  // / `5`) change no word the speaker said: the same words, `exact`.
  if (relation === 'altered' && sameInHouseStyle(textA, allA, textB, allB)) return { relation: 'exact', diff, similarity: 1 };
  return { relation, diff, similarity };
}

/** Contractions and their long forms (English), folded: `it's` and `it is` say the same. */
const CONTRACTIONS: [RegExp, string][] = [[/\bcan['’]t\b/gu, 'can not'], [/\bwon['’]t\b/gu, 'will not'], [/n['’]t\b/gu, ' not'], [/['’]re\b/gu, ' are'], [/['’]ll\b/gu, ' will'], [/['’]ve\b/gu, ' have'], [/['’]m\b/gu, ' am'], [/\b(it|that|he|she|there|what|who)['’]s\b/gu, '$1 is'], [/\bcannot\b/gu, 'can not']];
/** Number words up to twenty (English, French), as written in figures. */
const NUMBER_WORDS = new Map(['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty']
  .map((w, k): [string, string] => [w, String(k)])
  .concat(['zero', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix'].map((w, k): [string, string] => [w, String(k)]).slice(1)));

/** A stretch of a quotation as house style leaves it: folded, contractions expanded, `%` as a word, figures for number words, no dots or spaces. */
function styleForm(text: string): string {
  let t = fold(text).toLowerCase();
  for (const [re, long] of CONTRACTIONS) t = t.replace(re, long);
  t = t.replace(/\bper ?cent\b|\bpour ?cent\b|\bpor ?ciento\b|\bper ?cento\b|\bpor ?cento\b|\bprozent\b|\bprocent\b/gu, '%');
  t = t.replace(/\p{L}+/gu, (w) => NUMBER_WORDS.get(w) ?? w);
  return t.replace(/[^\p{L}\p{N}%]+/gu, '');
}

/** Whether the two quotations' words, from the first to the last as written, read the same in house style (`styleForm`). */
function sameInHouseStyle(textA: string, a: readonly Word[], textB: string, b: readonly Word[]): boolean {
  // (With the two characters after the last word, where a sign no word holds may stand: `5%`.)
  const written = (text: string, ws: readonly Word[]) => (ws.length ? text.slice(ws[0]!.start, ws[ws.length - 1]!.end + 2) : '');
  return styleForm(written(textA, a)) === styleForm(written(textB, b));
}

/**
 * The common words a reader sees as common in an altered quotation: a run of common words shorter
 * (in letters) than the words changed on each side of it is a coincidence of the longest
 * common subsequence (`the` of `…no further readout of the meeting, but lines of communication…`
 * against `the lines of communication…`), shown as changed — the semantic cleanup of Fraser's
 * diff-match-patch (2006), on words and their letters, strictly shorter (`to [a] nuclear
 * [bomb/arms]` keeps `nuclear`, `partisan [political] attack dog [organization]` keeps `attack
 * dog`). Repeated until no run is left so, as there.
 */
function readableCommon(common: readonly [number, number][], a: readonly Word[], b: readonly Word[]): [number, number][] {
  const letters = (ws: readonly Word[], from: number, to: number): number => {
    let n = 0;
    for (let k = from; k < to; k++) n += ws[k]!.text.length;
    return n;
  };
  let pairs = [...common];
  for (let changed = true; changed;) {
    changed = false;
    for (let k = 0; k < pairs.length && !changed;) {
      // A maximal run of consecutive pairs from k, n long, and the words changed either side of it.
      let n = 1;
      while (k + n < pairs.length && pairs[k + n]![0] === pairs[k]![0] + n && pairs[k + n]![1] === pairs[k]![1] + n) n++;
      const [i, j] = pairs[k]!;
      const [pi, pj] = k > 0 ? pairs[k - 1]! : [-1, -1];
      const [ni, nj] = k + n < pairs.length ? pairs[k + n]! : [a.length, b.length];
      const before = Math.max(letters(a, pi + 1, i), letters(b, pj + 1, j));
      const after = Math.max(letters(a, i + n, ni), letters(b, j + n, nj));
      const run = letters(a, i, i + n);
      if (run < before && run < after) {
        pairs = [...pairs.slice(0, k), ...pairs.slice(k + n)];
        changed = true;
      }
      k += n;
    }
  }
  return pairs;
}

/**
 * The relation and similarity `compareWords` finds, without the diff (which only the pairs kept
 * need): the speaker's words of each (`a`, `b`), their LCS (`common`), the LCS of all their words
 * (`commonAll`) and, for `truncated`, where the shorter stands in the longer (`run`).
 */
function judge(textA: string, allA: Word[], textB: string, allB: Word[], lang: string): { relation: Exclude<QuoteRelation, 'unquoted'>; similarity: number; a: Word[]; b: Word[]; common: [number, number][]; commonAll: [number, number][]; run?: [number, number][] } | null {
  const all = { a: allA, b: allB };
  // The speaker's words only, for the size checks and the relations from `truncated` on.
  const a = all.a.filter((w) => !w.bracketed);
  const b = all.b.filter((w) => !w.bracketed);
  if (Math.min(a.length, b.length) < MIN_WORDS) return null;
  const common = lcs(a, b);
  if (contentShared(a, common, lang) < MIN_CONTENT_WORDS) return null;
  const longer = Math.max(a.length, b.length);
  const shorter = Math.min(a.length, b.length);
  const similarity = common.length / longer;
  // (Without an editor's word, all their words are the speaker's: the same sequences, the same LCS.)
  const commonAll = a.length === all.a.length && b.length === all.b.length ? common.map(([i, j]): [number, number] => [i, j]) : lcs(all.a, all.b);
  const judged = (relation: Exclude<QuoteRelation, 'unquoted'>, run?: [number, number][]) => ({ relation, similarity, a, b, common, commonAll, ...(run ? { run } : {}) });
  if (commonAll.length === all.a.length && all.a.length === all.b.length) return judged('exact');
  const editorial = editorialRelation(textA, all.a, textB, all.b, commonAll);
  if (editorial) return judged(editorial);
  if (common.length === shorter) {
    // Every word of the shorter version is in the longer: one piece (cut) or several (spliced).
    // One piece wherever the longer holds it, not only where the LCS put it: the LCS pairs a
    // shorter version's first word with the longer's first occurrence of it (`This strategy is
    // …` against `… this letter … This strategy is …`), which reads as pieces when it is one.
    const aShorter = a.length <= b.length;
    const at = runAt(aShorter ? a : b, aShorter ? b : a);
    if (at >= 0) return judged('truncated', (aShorter ? a : b).map((_, k): [number, number] => (aShorter ? [k, at + k] : [at + k, k])));
    // Pieces joined where the longer has a clause between them; a word or two more or less inside
    // (`admit that I'm` / `admit I'm`) is an altered quotation, not a splice.
    const inLonger = common.map(([i, j]) => (aShorter ? j : i));
    const widestGap = Math.max(0, ...inLonger.slice(1).map((v, k) => v - inLonger[k]! - 1));
    return judged(widestGap >= MIN_SPLICE_GAP ? 'spliced' : 'altered');
  }
  // The share holds for the words that carry the meaning too: function words in common (`has not
  // … on`) make two statements about the same thing (`Stay tuned -- our position has not changed
  // on Social Security` / `AARP has not changed its position on Social Security`) look like one.
  const content = (ws: readonly Word[]) => ws.filter((w) => !isStopword(w.text, lang)).length;
  if (similarity >= ALTERED_MIN_SHARE && contentShared(a, common, lang) >= ALTERED_MIN_SHARE * Math.max(content(a), content(b))) return judged('altered');
  return null;
}

/**
 * The words of a text outside its quotations, sentence by sentence, and for each word the
 * sentences holding it: built once per text, then read for every quotation of the other text.
 */
interface SentenceIndex {
  sentences: Word[][];
  /** Sentence numbers (ascending) holding a word of this comparison form. */
  holding: Map<string, number[]>;
  /** Each comparison form of the text's words as a number (0…), and each sentence's words as those numbers. */
  forms: Map<string, number>;
  sentenceForms: Int32Array[];
}

const sentenceIndexes = new WeakMap<readonly Quote[], { text: string; lang: string; index: SentenceIndex }>();

/** The sentence index of `text` whose quotations are `quotes`, cached by the quotations' array (one per prepared article). */
function sentenceIndex(text: string, quotes: readonly Quote[], lang: string, tokens: TextTokens | null): SentenceIndex {
  const known = sentenceIndexes.get(quotes);
  if (known && known.text === text && known.lang === lang) return known.index;
  const quoted = quotes.map((x) => ({ start: x.marks.open.start, end: x.marks.close.end }));
  const outer = outermost(quoted);
  // The sentences extraction read (`textTokens`, for this text and language), or split again.
  const spans = tokens ? Array.from(tokens.sentences.starts, (start, k) => ({ start, end: tokens.sentences.ends[k]! })) : sentences(text, lang);
  const all = spans.map((s) => words(text, s, lang, outer ? { skipSorted: outer, tokens } : { skip: quoted, tokens }));
  const holding = new Map<string, number[]>();
  all.forEach((ws, k) => {
    for (const w of ws) {
      const list = holding.get(w.norm);
      if (list === undefined) holding.set(w.norm, [k]);
      else if (list[list.length - 1] !== k) list.push(k);
    }
  });
  // (The forms numbered in the order `holding` first met them.)
  const forms = new Map<string, number>();
  for (const norm of holding.keys()) forms.set(norm, forms.size);
  const sentenceForms = all.map((ws) => {
    const ids = new Int32Array(ws.length);
    for (let x = 0; x < ws.length; x++) ids[x] = forms.get(ws[x]!.norm)!;
    return ids;
  });
  const index = { sentences: all, holding, forms, sentenceForms };
  sentenceIndexes.set(quotes, { text, lang, index });
  return index;
}

/** The outermost of properly nested spans, sorted; null when two spans cross (then each is checked). */
function outermost(spans: readonly Span[]): Span[] | null {
  const sorted = [...spans].sort((x, y) => x.start - y.start || y.end - x.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) {
      if (s.end > last.end) return null;
      continue;
    }
    out.push(s);
  }
  return out;
}

/** Whether `t` lies inside one of the sorted disjoint `spans` (binary search). */
function within(spans: readonly Span[], t: Span): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start <= t.start) lo = mid + 1;
    else hi = mid - 1;
  }
  const s = spans[hi];
  return s !== undefined && t.end <= s.end;
}

/**
 * The sentences that can hold the quotation's words outside quotes, in text order. A sentence
 * sharing UNQUOTED_MIN_SHARE of the quotation's words cannot miss every one of its rarest words
 * whose occurrences add up to more than the rest allowed to be missing: only the sentences
 * holding one of those are read (prefix filtering: Chaudhuri, Ganti & Kaushik 2006, "A primitive
 * operator for similarity joins"; Bayardo, Ma & Srikant 2007), and of those only the ones whose
 * prefix words can leave so few missing (a longer prefix and a count of it: the sentences
 * `findUnquoted` would give up on are not returned; it reads them in the same order).
 */
function candidateSentences(length: number, distinct: readonly string[], count: Int32Array, index: SentenceIndex): number[] {
  // The quotation's distinct words (in the order of their first occurrence, `distinct`, each
  // `count` times), by how many sentences hold them, the order kept between equals: sorted as
  // numbers, sentences × words + place, with each word's list read once (a map of strings per
  // quotation, an object per word and a comparison function were most of this search's time).
  const words = distinct.length;
  const lists = distinct.map((norm) => index.holding.get(norm));
  const keys = new Float64Array(words);
  for (let x = 0; x < words; x++) keys[x] = (lists[x]?.length ?? 0) * words + x;
  keys.sort();
  const mayMiss = length * (1 - UNQUOTED_MIN_SHARE);
  // The prefix read PREFIX_EXTRA words past the first that can be missed, and a sentence kept only
  // if the prefix words it holds, counted as often as the quotation has them, leave at most
  // mayMiss of the prefix's missing (an integer past it, for the rounding of the share): a
  // sentence holding a single rare word of a long quotation cannot hold 80% of it (random text of
  // 5 MB read thousands of sentences per quotation).
  const cover = coverScratch(index.sentences.length);
  const found: number[] = [];
  let missed = 0;
  for (let r = 0; r < words; r++) {
    if (missed > mayMiss + PREFIX_EXTRA) break;
    const x = keys[r]! % words;
    const n = count[x]!;
    for (const k of lists[x] ?? []) {
      if (cover[k] === 0) found.push(k);
      cover[k]! += n;
    }
    missed += n;
  }
  const need = missed - Math.floor(mayMiss) - 1;
  const kept = found.filter((k) => cover[k]! >= need);
  for (const k of found) cover[k] = 0;
  return kept.sort((x, y) => x - y);
}
/** Words of the quotation `candidateSentences` reads past its prefix, for a sharper count. */
const PREFIX_EXTRA = 8;
/** `candidateSentences`' count by sentence, all 0 between calls. */
let coverTable = new Int32Array(0);
function coverScratch(size: number): Int32Array {
  if (coverTable.length < size) coverTable = new Int32Array(Math.max(size, 2 * coverTable.length));
  return coverTable;
}

/** `findUnquoted`'s table by form, all -1 between calls (it calls nothing that calls it). */
let formsTable = new Int32Array(0);
function formsScratch(size: number): Int32Array {
  if (formsTable.length < size) formsTable = new Int32Array(Math.max(size, 2 * formsTable.length)).fill(-1);
  return formsTable;
}

/** Words of a quotation found outside quotation marks in `textB`, sentence by sentence. */
function findUnquoted(textA: string, q: Quote, tokensA: TextTokens | null, textB: string, index: SentenceIndex, lang: string, timeLeft: () => boolean): { b: Span; diff: DiffPart[]; similarity: number } | null {
  const a = words(textA, q, lang, { skip: q.insertions, tokens: tokensA });
  if (a.length < MIN_WORDS + 2) return null;
  // a's words as numbers (its distinct words 0…, any other word `other`), for the bit-parallel LCS length.
  const aIds = new Map<string, number>();
  const sequence = new Int32Array(a.length);
  for (let x = 0; x < a.length; x++) {
    const norm = a[x]!.norm;
    let id = aIds.get(norm);
    if (id === undefined) aIds.set(norm, (id = aIds.size));
    sequence[x] = id;
  }
  const other = aIds.size;
  const slots = new Int32Array(other + 1).fill(-1);
  const masks = matchMasks(sequence, slots);
  // How often a holds each of its words, and a count of the sentence's (`inCommon`).
  const inA = new Int32Array(other);
  for (let x = 0; x < a.length; x++) inA[sequence[x]!]!++;
  const inB = new Int32Array(other);
  const heldIds: number[] = [];
  // By form of the other text (`SentenceIndex.forms`), a's id of that word, or -1: a sentence's
  // words read as numbers, not looked up by their strings (a quotation of a long text is read
  // against hundreds of sentences).
  const ofForm = formsScratch(index.forms.size);
  const formsOfA: number[] = [];
  for (const [norm, id] of aIds) {
    const f = index.forms.get(norm);
    if (f !== undefined) { ofForm[f] = id; formsOfA.push(f); }
  }
  let best: { b: Span; diff: DiffPart[]; similarity: number } | null = null;
  for (const k of candidateSentences(a.length, [...aIds.keys()], inA, index)) {
    if (!timeLeft()) break;
    const b = index.sentences[k]!;
    // Cheap filters before the O(n·m) table: enough of the quotation's words in the sentence, each
    // counted as often as both hold it (a bound of the LCS length), then the LCS length itself
    // (`lcsLength`: the table's, without it) — the share checked below. The sentence's words made
    // numbers only for a sentence that passes the first.
    const bForms = index.sentenceForms[k]!;
    let held = 0;
    let inCommon = 0;
    for (let x = 0; x < bForms.length; x++) {
      const id = ofForm[bForms[x]!]!;
      if (id < 0) continue;
      heldIds[held++] = id;
      if (++inB[id]! <= inA[id]!) inCommon++;
    }
    for (let x = 0; x < held; x++) inB[heldIds[x]!] = 0;
    if (held < a.length * UNQUOTED_MIN_SHARE || inCommon / a.length < UNQUOTED_MIN_SHARE) continue;
    const bIds = Array.from(bForms, (f) => { const id = ofForm[f]!; return id < 0 ? other : id; });
    if (lcsLength(masks, bIds) / a.length < UNQUOTED_MIN_SHARE) continue;
    const common = lcs(a, b);
    const similarity = common.length / a.length;
    if (similarity < UNQUOTED_MIN_SHARE || contentShared(a, common, lang) < MIN_CONTENT_WORDS) continue;
    const first = common[0]![1];
    const last = common[common.length - 1]![1];
    // The words must be reused together: found scattered over a long sentence (as in a text that
    // repeats a few words), they are not the quotation, and their diff would carry the sentence.
    if (common.length < (last - first + 1) * UNQUOTED_MIN_SHARE) continue;
    const window = b.slice(first, last + 1);
    // A paragraph opened by a dash is someone's words in many languages' press (`– Hushållen har
    // det tufft…, sa hon.`, `— Nous ferons appel, a dit l'avocat.`): quoted, by the dash. So is a
    // transcript's, opened by its speaker's label (`POWELL: Not this year.`, `Q:`, `R :`).
    if (spokenParagraph(textB, window[0]!.start)) continue;
    const shifted = common.map(([i, j]): [number, number] => [i, j - first]);
    if (!best || similarity > best.similarity) {
      best = { b: { start: window[0]!.start, end: window[window.length - 1]!.end }, diff: diffParts(textA, a, textB, window, shifted), similarity };
    }
  }
  for (const f of formsOfA) ofForm[f] = -1;
  return best;
}

/**
 * Whether the paragraph holding `at` opens on a dash (`–`, `—`, `―`, or `-` and a space: dialogue
 * in the press of many languages) or on a speaker's label in capitals and a colon (`POWELL:`,
 * `MR. O'NEILL:`, `Q:`: an interview's transcript), before `at`.
 */
function spokenParagraph(text: string, at: number): boolean {
  const start = text.lastIndexOf('\n', at) + 1;
  return /^\s*(?:[–—―]|-\s|\p{Lu}[\p{Lu}.'’ -]{0,40}?\s?:\s)/u.test(text.slice(start, Math.min(at, start + 48)) + ' ');
}

/**
 * Quotations that read the same to `judge` (the same text from their first word to their last,
 * word for word, brackets and marks alike), in one group: compared once for all of them. A page
 * repeating its quotations (issue 20: 5,000 quotations of 21 distinct ones) has 21 groups.
 */
interface Group {
  /** The quotations' indices, ascending. */
  members: number[];
  /** The speaker's words (`words` out of brackets) as ids of their comparison form, in order. */
  speaker: Int32Array;
  /** Stop words and content words among the speaker's words. */
  stops: number;
  content: number;
  /**
   * Content words among the speaker's words: their ids, each once, in the order of their first
   * occurrence, and how often each occurs (arrays, not a map: a map per group was 100 MB for two
   * texts of 5 MB).
   */
  contentList: Int32Array;
  contentCount: Int32Array;
  /** Editor's marks, which `editorialRelation` may read: bracketed words, ellipses between two words. */
  marks: number;
  /** All its words as ids (bracketed ones as their own: `[` and the form), in order. */
  all: Int32Array;
  /**
   * Its cuts (`candidateIndex`), ascending: the positions p (0 < p < all.length) between words
   * p − 1 and p of `all` where an editor's mark may excuse a difference (`editorialRelation`): one
   * of the two words is bracketed, or an ellipsis stands between them.
   */
  cuts: Int32Array;
}

/**
 * Whether quotation words `x` and `y` of `text` read the same for `judge`: the text from the first
 * word to the last, and each word's bounds from there, form, and for a bracketed word (its form
 * starts with `[`) its run's bounds — everything `judge` reads of a quotation (a word's text is the
 * text at its bounds). Compared in place: a string of all this per quotation was 200 MB for two
 * texts of 5 MB (nested quotations hold the text several times over).
 */
export function sameReading(text: string, x: readonly Word[], y: readonly Word[]): boolean {
  if (x.length !== y.length) return false;
  const bx = x[0]!.outer.start;
  const by = y[0]!.outer.start;
  const length = x[x.length - 1]!.outer.end - bx;
  if (y[y.length - 1]!.outer.end - by !== length) return false;
  if (bx !== by) for (let i = 0; i < length; i++) if (text.charCodeAt(bx + i) !== text.charCodeAt(by + i)) return false;
  for (let k = 0; k < x.length; k++) {
    const a = x[k]!;
    const b = y[k]!;
    if (a.start - bx !== b.start - by || a.end - bx !== b.end - by || a.norm !== b.norm || a.bracketed !== b.bracketed) return false;
    if (a.bracketed && (a.outer.start - bx !== b.outer.start - by || a.outer.end - bx !== b.outer.end - by)) return false;
  }
  return true;
}

/** A hash (FNV-1a, 30 bits) of what `sameReading` compares: quotations that read the same have the same. */
export function readingHash(text: string, ws: readonly Word[]): number {
  const P = 0x01000193;
  const base = ws[0]!.outer.start;
  const end = ws[ws.length - 1]!.outer.end;
  let h = 0x811c9dc5;
  for (let i = base; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), P);
  for (const w of ws) {
    h = Math.imul(Math.imul(h ^ (w.start - base), P) ^ (w.end - base), P);
    for (let k = 0; k < w.norm.length; k++) h = Math.imul(h ^ w.norm.charCodeAt(k), P);
    if (w.bracketed) h = Math.imul(Math.imul(h ^ (w.outer.start - base), P) ^ (w.outer.end - base), P);
  }
  // (30 bits: a small integer for V8, which a Map hashes without boxing it.)
  return h & 0x3fffffff;
}

/**
 * The groups of the quotations `indices` (ascending; words: `wordsOf`, at least one each): those
 * that read the same (`sameReading`, found through `hash`), in the order of their first; their
 * words' ids in `ids`; null when stopped by the clock (read every 64 quotations: nested quotations
 * of a long text read it several times over). `isStop`: `isStopword` in the alignment's language.
 */
function groupQuotations(text: string, wordsOf: (k: number) => Word[] | null, indices: readonly number[], isStop: (word: string) => boolean, ids: Map<string, number>, timeLeft: () => boolean, hash: (text: string, ws: readonly Word[]) => number = readingHash): Group[] | null {
  const groups: Group[] = [];
  const byHash = new Map<number, Group | Group[]>();
  const idOf = (norm: string): number => {
    let id = ids.get(norm);
    if (id === undefined) ids.set(norm, (id = ids.size));
    return id;
  };
  // By speaker word, its place among the quotation's words, for every quotation (grown as needed).
  let speakerAt = new Int32Array(MAX_DIFF_WORDS);
  for (const [n, k] of indices.entries()) {
    if ((n & 63) === 0 && !timeLeft()) return null;
    const ws = wordsOf(k)!;
    const h = hash(text, ws);
    const bucket = byHash.get(h);
    // (A group's words made again to compare: its quotations' words are held by none, and few read the same.)
    const same = (g: Group) => sameReading(text, wordsOf(g.members[0]!)!, ws);
    const known = bucket === undefined ? undefined : Array.isArray(bucket) ? bucket.find(same) : same(bucket) ? bucket : undefined;
    if (known) { known.members.push(k); continue; }
    const speaker = ws.filter((w) => !w.bracketed);
    // Each word's id, looked up once (-1 until then), in the same order as before: a look-up by a
    // word's string was made three or four times per word, for every quotation of both texts.
    const wordIds = new Int32Array(ws.length).fill(-1);
    if (speakerAt.length < ws.length) speakerAt = new Int32Array(ws.length);
    const contentIds = new Map<number, number>();
    let stops = 0;
    for (let i = 0, m = 0; i < ws.length; i++) {
      const w = ws[i]!;
      if (w.bracketed) continue;
      speakerAt[m++] = i;
      if (isStop(w.text)) stops++;
      else {
        const id = (wordIds[i] = idOf(w.norm));
        contentIds.set(id, (contentIds.get(id) ?? 0) + 1);
      }
    }
    let marks = 0;
    const cuts: number[] = [];
    ws.forEach((w, i) => {
      // (An ellipsis before a bracketed word is no mark of its own: the bracket is the mark, as `marks` always counted.)
      const ellipsis = !w.bracketed && i > 0 && ellipsisBetween(text, ws[i - 1]!.outer.end, w.outer.start);
      if (w.bracketed || ellipsis) marks++;
      if (i > 0 && (w.bracketed || ws[i - 1]!.bracketed || ellipsis)) cuts.push(i);
    });
    // (Ids given in this order: the content words', then the speaker's others, then the editor's.
    // Filled by loops: `Int32Array.from` with a function made an iterator result per word.)
    const speakerIds = new Int32Array(speaker.length);
    for (let i = 0; i < speaker.length; i++) {
      const at = speakerAt[i]!;
      speakerIds[i] = wordIds[at]! >= 0 ? wordIds[at]! : (wordIds[at] = idOf(speaker[i]!.norm));
    }
    const contentList = new Int32Array(contentIds.size);
    const contentCount = new Int32Array(contentIds.size);
    let c = 0;
    for (const [id, count] of contentIds) {
      contentList[c] = id;
      contentCount[c++] = count;
    }
    const all = new Int32Array(ws.length);
    for (let i = 0; i < ws.length; i++) all[i] = wordIds[i]! >= 0 ? wordIds[i]! : idOf(ws[i]!.norm);
    const group: Group = { members: [k], speaker: speakerIds, stops, content: speaker.length - stops, contentList, contentCount, marks, cuts: Int32Array.from(cuts), all };
    groups.push(group);
    byHash.set(h, bucket === undefined ? group : Array.isArray(bucket) ? [...bucket, group] : [bucket, group]);
  }
  return groups;
}

/**
 * For tests: the groups `groupQuotations` makes of the reported quotations of `text` that have
 * words (members by index into `quotes`), with `hash` (`readingHash` by default), and each such
 * quotation's former key, a string of what `sameReading` compares (the text from the first word to
 * the last, then each word's bounds, form and run).
 */
export function readingGroups(text: string, quotes: readonly Quote[], lang: string, hash?: (text: string, ws: readonly Word[]) => number): { groups: number[][]; keys: Map<number, string> } {
  const tokens = textTokens(quotes, text, lang);
  const made = quotes.map((q) => (q.kind === 'reported' ? words(text, q, lang, { brackets: q.insertions, tokens }) : null));
  const indices = made.flatMap((ws, k) => (ws && ws.length > 0 ? [k] : []));
  const keys = new Map(indices.map((k) => {
    const ws = made[k]!;
    const base = ws[0]!.outer.start;
    return [k, `${text.slice(base, ws[ws.length - 1]!.outer.end)}\u0000${ws.map((w) => `${w.start - base} ${w.end - base} ${w.norm}${w.bracketed ? ` ${w.outer.start - base} ${w.outer.end - base}` : ''}`).join('\u0001')}`];
  }));
  const groups = groupQuotations(text, (k) => made[k]!, indices, (w) => isStopword(w, lang), new Map(), () => true, hash)!;
  return { groups: groups.map((g) => g.members), keys };
}

/**
 * Every pair of groups (a, b) whose quotations `compareWords` keeps, by similarity (`ga[k]`,
 * `gb[k]`); null when stopped by the clock. Exact: a pair is dropped only when no LCS can pass
 * `judge`'s checks, and judged in full only when the bounds below cannot decide. With L the
 * length of the LCS of the speaker's words (`lcsLength`: no table) and cs the content words of a
 * in it, `judge` keeps a pair when cs ≥ MIN_CONTENT_WORDS and the pair is `exact`, `insertion` /
 * `cut`, or L = the shorter's words, or L ≥ ALTERED_MIN_SHARE × the longer's and cs ≥
 * ALTERED_MIN_SHARE × the larger count of content words; its similarity is L / the longer's.
 * Only the pairs `candidateIndex` finds are read (a superset of those kept).
 * - cs ≤ the content words of a, each counted the fewer times it occurs in a and in b (a
 *   similarity join's count filter, Sarawagi & Kirpal 2004, "Efficient set joins on similarity
 *   predicates"), and cs ≤ L;
 * - cs ≥ L − the stop words of a (the LCS holds L of a's words);
 * - `exact`, `insertion` and `cut` hold only when the LCS of all their words (at least L) is at
 *   most marks + 1 runs of words side by side in both: `editorialRelation` excuses a difference
 *   inside the quotation only at an editor's mark (a bracketed word, an ellipsis between two
 *   words), each difference at marks of its own. So one run is at least L / (marks + 1) words,
 *   and without marks `exact` means L = the shorter's words and the others cannot hold.
 */
function keptPairs(textA: string, groupsA: readonly Group[], wordsOfA: (k: number) => Word[] | null, textB: string, groupsB: readonly Group[], wordsOfB: (k: number) => Word[] | null, lang: string, symbols: number, timeLeft: () => boolean): Map<number, { ga: number[]; gb: number[] }> | null {
  const candidates = candidateIndex(groupsA, groupsB, symbols, timeLeft);
  if (!candidates) return null;
  const out = new Map<number, { ga: number[]; gb: number[] }>();
  const keep = (a: number, b: number, similarity: number): void => {
    const level = out.get(similarity);
    if (level) { level.ga.push(a); level.gb.push(b); }
    else out.set(similarity, { ga: [a], gb: [b] });
  };
  const countA = new Int32Array(symbols);
  // a's speaker words: how often each occurs, where its occurrences start in `placesA` (a's
  // positions, word by word), and how many of them `commonBound` has passed.
  const repeatsA = new Int32Array(symbols);
  const startA = new Int32Array(symbols);
  const passedA = new Int32Array(symbols);
  let placesA = new Int32Array(64);
  /**
   * A lower bound of the LCS of a's and b's speaker words, read in one pass over b: the longer of
   * two common subsequences, the word both hold most often repeated, and the one made by taking
   * each word of b at its first occurrence in a after the word taken before (greedy).
   */
  const commonBound = (b: Group): number => {
    let most = 0;
    let greedy = 0;
    let after = -1;
    for (let x = 0; x < b.speaker.length; x++) {
      const id = b.speaker[x]!;
      const n = repeatsA[id]!;
      if (n === 0) continue;
      // (passedA counts b's occurrences first, up to a's count: the repeated word's bound.)
      const seen = ++passedA[id]!;
      if (Math.min(seen, n) > most) most = Math.min(seen, n);
      // Occurrences of id in a at or before the word taken last are passed for good.
      let k = startA[id]!;
      const end = k + n;
      while (k < end && placesA[k]! <= after) k++;
      if (k < end) { after = placesA[k]!; greedy++; }
    }
    for (let x = 0; x < b.speaker.length; x++) passedA[b.speaker[x]!] = 0;
    return Math.max(most, greedy);
  };
  const slots = new Int32Array(symbols).fill(-1);
  for (const [ka, a] of groupsA.entries()) {
    if (!timeLeft()) return null;
    const touched = candidates.of(ka);
    if (touched.length === 0) continue;
    for (let x = 0; x < a.contentList.length; x++) countA[a.contentList[x]!] = a.contentCount[x]!;
    for (let x = 0; x < a.speaker.length; x++) repeatsA[a.speaker[x]!]!++;
    if (placesA.length < a.speaker.length) placesA = new Int32Array(2 * a.speaker.length);
    for (let x = 0, at = 0; x < a.speaker.length; x++) {
      const id = a.speaker[x]!;
      if (passedA[id] === 0) { startA[id] = at; at += repeatsA[id]!; }
      placesA[startA[id]! + passedA[id]!++] = x;
    }
    for (let x = 0; x < a.speaker.length; x++) passedA[a.speaker[x]!] = 0;
    const masks = matchMasks(a.speaker, slots);
    const gramsOfA = new Map<number, Set<number>>();
    // a's words, made when a pair is judged (`groupQuotations` holds none).
    let wordsA: Word[] | undefined;
    for (const kb of touched) {
      const b = groupsB[kb]!;
      // The count filter: content words in common, each the fewer times it occurs in a and in b.
      // Without an editorial relation (below), the pair needs MIN_CONTENT_WORDS of them and either
      // all the shorter's or the altered share: given up as soon as b's words left cannot make that.
      const editorialFirst = a.marks + b.marks > 0 ? candidates.editorial(kb) : NOT_EDITORIAL;
      const need = editorialFirst !== NOT_EDITORIAL ? 0 : Math.max(MIN_CONTENT_WORDS, Math.min(
        a.speaker.length < b.speaker.length ? a.content : b.speaker.length < a.speaker.length ? b.content : Math.min(a.content, b.content),
        Math.ceil(ALTERED_MIN_SHARE * Math.max(a.content, b.content))));
      let shared = 0;
      let left = b.content;
      for (let x = 0; x < b.contentList.length; x++) {
        shared += Math.min(countA[b.contentList[x]!]!, b.contentCount[x]!);
        left -= b.contentCount[x]!;
        if (shared + left < need) break;
      }
      if (shared < MIN_CONTENT_WORDS || shared + left < need) continue;
      // The clock read for every pair compared, as before the filter (a budget counts pairs).
      if (!timeLeft()) { releaseMasks(a.speaker, slots); return null; }
      // An editorial relation is possible only where the candidate index's third case found the
      // pair (`candidateIndex`): with a run of 3 words at a cut (`long`), or else with an LCS of at
      // most 2 (marks + 1) words. Without one, only the bounds below keep a pair: the shorter's
      // content words all in the longer (L = the shorter's words), or the altered share of them —
      // read before the LCS.
      const marks = a.marks + b.marks;
      const editorial = editorialFirst;
      const la = a.speaker.length;
      const lb = b.speaker.length;
      const contentOfShorter = la < lb ? a.content : lb < la ? b.content : Math.min(a.content, b.content);
      if (shared < contentOfShorter && shared < ALTERED_MIN_SHARE * Math.max(a.content, b.content)) {
        if (editorial === NOT_EDITORIAL) continue;
        // (Then only an editorial relation: a short one needs an LCS that short, which one word in both more often than that rules out.)
        if (editorial === SHORT_RUNS && commonBound(b) > 2 * (marks + 1)) continue;
      }
      const length = lcsLength(masks, b.speaker);
      const shorter = Math.min(a.speaker.length, b.speaker.length);
      const similarity = length / Math.max(a.speaker.length, b.speaker.length);
      const mostContent = ALTERED_MIN_SHARE * Math.max(a.content, b.content);
      const upper = Math.min(length, shared);
      const lower = length - a.stops;
      if (upper < MIN_CONTENT_WORDS) continue;
      if (lower >= MIN_CONTENT_WORDS && (length === shorter || (similarity >= ALTERED_MIN_SHARE && lower >= mostContent))) { keep(ka, kb, similarity); continue; }
      if (length < shorter && (similarity < ALTERED_MIN_SHARE || upper < mostContent)) {
        // Only `exact`, `insertion` or `cut` can hold: an LCS of all their words in at most
        // marks + 1 runs of words side by side in both, one of them at least L / (marks + 1) long
        // (and, found only by the short runs, L ≤ 2 (marks + 1)).
        if (editorial === NOT_EDITORIAL || (editorial === SHORT_RUNS && length > 2 * (marks + 1))) continue;
        if (!sharesRun(a.all, b.all, Math.ceil(length / (marks + 1)), gramsOfA)) continue;
      }
      const j = judge(textA, (wordsA ??= wordsOfA(a.members[0]!)!), textB, wordsOfB(b.members[0]!)!, lang);
      if (j) keep(ka, kb, j.similarity);
    }
    for (let x = 0; x < a.contentList.length; x++) countA[a.contentList[x]!] = 0;
    for (let x = 0; x < a.speaker.length; x++) repeatsA[a.speaker[x]!] = 0;
    releaseMasks(a.speaker, slots);
  }
  return out;
}

/** How the candidate index's third case found a pair (`candidateIndex`): not at all, by a run of 3 words at a cut, or only by shorter runs. */
const NOT_EDITORIAL = 0;
const LONG_RUN = 1;
const SHORT_RUNS = 2;
/** The most frequent words whose counts give a group's signature (`candidateIndex`). */
const SIGNATURE = 8;
type Editorial = typeof NOT_EDITORIAL | typeof LONG_RUN | typeof SHORT_RUNS;

/**
 * The groups of b worth comparing with each group of a (`keptPairs`): a superset of the pairs
 * `keptPairs` keeps, found without enumerating the pairs that merely share frequent words (on
 * 5 MB of shuffled news, every long quotation shares three content words with nearly every other:
 * a quadratic count of pairs, 0.1% of them kept). With O the content words two groups share (each
 * counted the fewer times it occurs in either; O ≥ cs, so O ≥ MIN_CONTENT_WORDS), a kept pair is
 * one of (the bounds of `keptPairs`):
 * 1. L = the shorter's words: every word of the shorter is in the longer, so its rarest content
 *    word is (the key: one word per group, looked up among the other's words);
 * 2. L ≥ ALTERED_MIN_SHARE × the longer's words and O ≥ t = max(MIN_CONTENT_WORDS,
 *    ⌈ALTERED_MIN_SHARE × c⌉) for the content words c of either: the shorter is at least
 *    ALTERED_MIN_SHARE of the longer, so are the fewer content words of the larger count, and the
 *    two share min(ℓa, ℓb) words of their prefixes, each group's c − t + ℓ rarest content words,
 *    counted with their repeats, its ℓ = min(t, PREFIX_SHARED_MOST), at least PREFIX_SHARED
 *    (prefix filtering: Chaudhuri, Ganti & Kaushik 2006, "A primitive operator for similarity
 *    joins"; Bayardo, Ma & Srikant 2007, "Scaling up all pairs similarity search" — a group's
 *    prefix holds the first ℓ of its shared words in the global order, as ≥ t − ℓ shared words
 *    follow them in it (O ≥ its own t), so both hold the first min(ℓa, ℓb); on 1 MB of shuffled
 *    news, ℓ = 1, 2 and 3 for all had keptPairs read 501, 248 and 138 thousand pairs, and on two
 *    5 MB texts ℓ up to 5 has it read half the pairs of ℓ = 3: `PREFIX_SHARED_MOST`);
 * 3. otherwise only `exact`, `insertion` or `cut`, `editorialRelation` on the LCS of all their
 *    words (C ≥ L ≥ MIN_CONTENT_WORDS words, in runs side by side in both): every difference
 *    between two runs is excused at an editor's mark of one side, so there the two runs meet a cut
 *    of that side (`Group.cuts`: bracketed words lie between them, or an ellipsis with nothing
 *    else); a bracketed end meets a cut too. Either some run of 3 words or more meets a cut of one
 *    side, and the 3 words of it beside the cut are side by side in the other too (l.1: a's runs
 *    of 3 at cuts among all of b's, l.2 the other way round: `LONG_RUN`); or every run meeting a
 *    cut is 1 or 2 words long: then there are two runs or more (a single one of C ≥ 3 words meets
 *    the cut of a bracketed end), each meets a cut, and with at most marks + 1 of them, L ≤ C ≤
 *    2 (marks + 1) (`SHORT_RUNS`, which `keptPairs` checks). Then some run of 2 words meets a cut
 *    (a.1: a's pairs of adjacent words at cuts among all of b's, a.2 the other way round); or
 *    every run is one word, three or more of them, and the second's word w stands between two
 *    cuts: both of one side (b.1: a word of a between two of its cuts, anywhere in b; b.2 the
 *    other way round), or one of each (b.3: w just after a cut of a and just before a cut of b;
 *    b.4 the other way round). Each is a look-up of a few runs or words per mark, where every
 *    pair sharing a content word with a group with two marks or more was read before: on 5 MB of
 *    shuffled news, most pairs compared (issue 16).
 * Rarity is the number of groups, of a and b, holding the word (ties: its id). Null when stopped by the clock.
 * Each case returns only the pairs it can be needed for, the others being found by the case that
 * can keep them: case 1 a pair whose shorter's speaker words are all in the longer, as often (an
 * LCS as long as the shorter needs it); case 2 a pair still within the positional bound once the
 * whole prefix is read; case 3, found by short runs only, a pair whose LCS may be that short (a
 * word both repeat more often rules it out) or as long as the shorter.
 */
function candidateIndex(groupsA: readonly Group[], groupsB: readonly Group[], symbols: number, timeLeft: () => boolean): { of: (ka: number) => number[]; editorial: (kb: number) => Editorial } | null {
  const holding = new Int32Array(symbols);
  for (const gs of [groupsA, groupsB]) for (const g of gs) for (let x = 0; x < g.contentList.length; x++) holding[g.contentList[x]!]!++;
  // Rarer first: held by fewer groups, then the lower id (distinct in a group: the order is total).
  // Sorted as numbers, holding × symbols + id, exact under 2^53 (a comparison function was a tenth
  // of the candidate index's time).
  const positionOf = new Int32Array(symbols);
  const orderOf = (g: Group): number[] => {
    const keys = new Float64Array(g.contentList.length);
    for (let x = 0; x < keys.length; x++) {
      const id = g.contentList[x]!;
      positionOf[id] = x;
      keys[x] = holding[id]! * symbols + id;
    }
    keys.sort();
    return Array.from(keys, (key) => positionOf[key % symbols]!);
  };
  /**
   * A group's prefix (none for a group with too few content words to pair): the distinct words of
   * its c − t + PREFIX_SHARED rarest content words counted with their repeats, rarest first (the
   * first is its key), how many of those each is, and how many of the group's content words come
   * before it in that order; and its second rarest distinct content word (-1 when it has only one).
   */
  const prefixOf = (g: Group): { ids: number[]; counts: number[]; before: number[]; second: number; shares: number } => {
    const ids: number[] = [];
    const counts: number[] = [];
    const before: number[] = [];
    if (g.content < MIN_CONTENT_WORDS) return { ids, counts, before, second: -1, shares: PREFIX_SHARED };
    const t = Math.max(MIN_CONTENT_WORDS, Math.ceil(ALTERED_MIN_SHARE * g.content));
    const order = orderOf(g);
    // (PREFIX_SHARED ≤ shares ≤ t, as t ≥ MIN_CONTENT_WORDS ≥ PREFIX_SHARED: the prefix is no
    // longer than the group's content words.)
    const shares = Math.max(PREFIX_SHARED, Math.min(t, PREFIX_SHARED_MOST));
    const size = g.content - t + shares;
    for (let k = 0, taken = 0; taken < size; k++) {
      const n = Math.min(g.contentCount[order[k]!]!, size - taken);
      ids.push(g.contentList[order[k]!]!);
      counts.push(n);
      before.push(taken);
      taken += n;
    }
    return { ids, counts, before, second: order.length > 1 ? g.contentList[order[1]!]! : -1, shares };
  };
  const lists = () => new Map<number, number[]>();
  const add = (m: Map<number, number[]>, key: number, k: number) => {
    const list = m.get(key);
    if (list === undefined) m.set(key, [k]);
    else if (list[list.length - 1] !== k) list.push(k);
  };
  const holdAll = lists(); // b's groups by content word
  const byKey = lists(); // b's groups by their key
  const byPrefix = new Map<number, number[]>(); // b's groups by the words of their prefix, each followed by the word's count in it and its `before`
  // (A pair of ids as one number: under symbols², exact in a double.)
  const bigram = (g: Group, i: number) => g.all[i]! * symbols + g.all[i + 1]!;
  /** Calls `each` with the start of every pair of adjacent words of g beside one of its cuts (`Group.cuts`). */
  const pairsAtCuts = (g: Group, each: (i: number) => void): void => {
    for (const p of g.cuts) {
      if (p >= 2) each(p - 2);
      if (p + 1 < g.all.length) each(p);
    }
  };
  // (Three ids as one number: exact under 2^53, a collision above that only adds a candidate, as a long run.)
  const trigram = (g: Group, i: number) => (g.all[i]! * symbols + g.all[i + 1]!) * symbols + g.all[i + 2]!;
  /** Calls `each` with the start of every run of 3 words of g beside one of its cuts. */
  const triplesAtCuts = (g: Group, each: (i: number) => void): void => {
    for (const p of g.cuts) {
      if (p >= 3) each(p - 3);
      if (p + 2 < g.all.length) each(p);
    }
  };
  /** Calls `each` with the position of every word of g between two of its cuts. */
  const betweenCuts = (g: Group, each: (i: number) => void): void => {
    for (let x = 1; x < g.cuts.length; x++) if (g.cuts[x] === g.cuts[x - 1]! + 1) each(g.cuts[x - 1]!);
  };
  // What a's groups look up among b's every pair and word (a.1, b.1): kept only for those, as b's are indexed.
  const cutPairsA = new Set<number>();
  const cutTriplesA = new Set<number>();
  const betweenA = new Set<number>();
  for (const g of groupsA) {
    if (g.content < MIN_CONTENT_WORDS) continue;
    pairsAtCuts(g, (i) => cutPairsA.add(bigram(g, i)));
    triplesAtCuts(g, (i) => cutTriplesA.add(trigram(g, i)));
    betweenCuts(g, (i) => betweenA.add(g.all[i]!));
  }
  const triplesB = lists(); // l.1: b's groups by their runs of 3 words (those at a cut of a's)
  const cutTriplesB = lists(); // l.2: b's groups by their runs of 3 words beside a cut
  const pairsB = lists(); // a.1: b's groups by their pairs of adjacent words (those at a cut of a's)
  const cutPairsB = lists(); // a.2: b's groups by their pairs beside a cut
  const wordsB = lists(); // b.1: b's groups by their words (those between two cuts of a's)
  const betweenB = lists(); // b.2: b's groups by their words between two cuts
  const beforeCutB = lists(); // b.3: b's groups by their words just before a cut
  const afterCutB = lists(); // b.4: b's groups by their words just after a cut
  const prefixB = groupsB.map(prefixOf);
  // (Each group's ℓ, `prefixOf`'s `shares`: read for every entry of a prefix list.)
  const sharesB = Int32Array.from(prefixB, (p) => p.shares);
  for (const [kb, g] of groupsB.entries()) {
    // (The clock read as the pairs are: a long text's index is no instant.)
    if (kb % 256 === 0 && !timeLeft()) return null;
    if (g.content < MIN_CONTENT_WORDS) continue;
    for (const id of g.contentList) add(holdAll, id, kb);
    const { ids: prefix, counts, before } = prefixB[kb]!;
    add(byKey, prefix[0]!, kb);
    prefix.forEach((id, x) => {
      const list = byPrefix.get(id);
      if (list === undefined) byPrefix.set(id, [kb, counts[x]!, before[x]!]);
      else list.push(kb, counts[x]!, before[x]!);
    });
    for (let i = 0; i < g.all.length; i++) {
      if (betweenA.has(g.all[i]!)) add(wordsB, g.all[i]!, kb);
      if (i + 1 < g.all.length && cutPairsA.has(bigram(g, i))) add(pairsB, bigram(g, i), kb);
      if (i + 2 < g.all.length && cutTriplesA.has(trigram(g, i))) add(triplesB, trigram(g, i), kb);
    }
    pairsAtCuts(g, (i) => add(cutPairsB, bigram(g, i), kb));
    triplesAtCuts(g, (i) => add(cutTriplesB, trigram(g, i), kb));
    betweenCuts(g, (i) => add(betweenB, g.all[i]!, kb));
    for (const p of g.cuts) {
      add(beforeCutB, g.all[p - 1]!, kb);
      add(afterCutB, g.all[p]!, kb);
    }
  }
  // Whether every speaker word of a group is in another, as often (a multiset contained: what an
  // LCS as long as the shorter needs), from each group's distinct words sorted with their counts.
  const bagOf = (g: Group): { ids: Int32Array; counts: Int32Array } => {
    const sorted = Int32Array.from(g.speaker).sort();
    let n = 0;
    for (let x = 0; x < sorted.length; x++) if (x === 0 || sorted[x] !== sorted[x - 1]) n++;
    const ids = new Int32Array(n);
    const counts = new Int32Array(n);
    for (let x = 0, k = -1; x < sorted.length; x++) {
      if (x === 0 || sorted[x] !== sorted[x - 1]) ids[++k] = sorted[x]!;
      counts[k]!++;
    }
    return { ids, counts };
  };
  const bagsA = groupsA.map(() => null as ReturnType<typeof bagOf> | null);
  const bagsB = groupsB.map(() => null as ReturnType<typeof bagOf> | null);
  const bagA = (k: number) => (bagsA[k] ??= bagOf(groupsA[k]!));
  const bagB = (k: number) => (bagsB[k] ??= bagOf(groupsB[k]!));
  /** Whether bag `x` is contained in bag `y` (binary search for each of x's words, stopping at the first missing). */
  const contained = (x: ReturnType<typeof bagOf>, y: ReturnType<typeof bagOf>): boolean => {
    if (x.ids.length > y.ids.length) return false;
    let lo = 0;
    for (let i = 0; i < x.ids.length; i++) {
      const id = x.ids[i]!;
      let hi = y.ids.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (y.ids[mid]! < id) lo = mid + 1;
        else hi = mid;
      }
      if (lo >= y.ids.length || y.ids[lo] !== id || y.counts[lo]! < x.counts[i]!) return false;
    }
    return true;
  };
  /**
   * Whether the LCS of a's and b's speaker words can be as long as the shorter's (`contained`),
   * their signatures' counts compared first (`repeatedBound`): a bag holds its words' counts.
   */
  const mayContain = (ka: number, kb: number): boolean => {
    const la = groupsA[ka]!.speaker.length;
    const lb = groupsB[kb]!.speaker.length;
    for (let k = 0; k < SIGNATURE; k++) {
      const ca = signA[ka * SIGNATURE + k]!;
      const cb = signB[kb * SIGNATURE + k]!;
      if (la <= lb ? ca > cb : cb > ca) return false;
    }
    return la <= lb ? contained(bagA(ka), bagB(kb)) : contained(bagB(kb), bagA(ka));
  };
  // A lower bound of the LCS of two groups' speaker words read in SIGNATURE steps: the word both
  // repeat most, among the SIGNATURE words most frequent in all groups (each group's counts of them).
  const frequency = new Int32Array(symbols);
  for (const gs of [groupsA, groupsB]) for (const g of gs) for (let x = 0; x < g.speaker.length; x++) frequency[g.speaker[x]!]!++;
  const frequent = Array.from({ length: symbols }, (_, id) => id).sort((x, y) => frequency[y]! - frequency[x]! || x - y).slice(0, SIGNATURE);
  const signatures = (gs: readonly Group[]): Int32Array => {
    const out = new Int32Array(gs.length * SIGNATURE);
    const at = new Int32Array(symbols).fill(-1);
    frequent.forEach((id, k) => { at[id] = k; });
    gs.forEach((g, kg) => { for (let x = 0; x < g.speaker.length; x++) { const k = at[g.speaker[x]!]!; if (k >= 0) out[kg * SIGNATURE + k]!++; } });
    return out;
  };
  const signA = signatures(groupsA);
  const signB = signatures(groupsB);
  const repeatedBound = (ka: number, kb: number): number => {
    let most = 0;
    for (let k = 0; k < SIGNATURE; k++) most = Math.max(most, Math.min(signA[ka * SIGNATURE + k]!, signB[kb * SIGNATURE + k]!));
    return most;
  };
  const seen = new Int32Array(groupsB.length).fill(-1);
  // Case 1's second filter: each group of b's second rarest content word, and a stamp on the content words of the group of a read.
  const secondB = Int32Array.from(prefixB, (p) => p.second);
  const contentOfA = new Int32Array(symbols).fill(-1);
  /**
   * Whether the ascending list `list` holds `kb`, read from `at.k` on (the calls' kb ascending):
   * doubling steps, then halving (exponential search: Bentley & Yao 1976, "An almost optimal
   * algorithm for unbounded searching"), so a long list costs the log of what is passed over.
   */
  const holdsFrom = (list: readonly number[], kb: number, at: { k: number }): boolean => {
    let lo = at.k;
    let step = 1;
    while (lo + step < list.length && list[lo + step]! < kb) { lo += step; step *= 2; }
    let hi = Math.min(list.length, lo + step + 1);
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]! < kb) lo = mid + 1;
      else hi = mid;
    }
    at.k = lo;
    return lo < list.length && list[lo] === kb;
  };
  // b's groups' speaker words and content words, by group (read for every word of a prefix: an array, not the groups).
  const lengthB = Int32Array.from(groupsB, (g) => g.speaker.length);
  const contentB = Int32Array.from(groupsB, (g) => g.content);
  // By b's group, the prefix words it shares with the group of a read (`inPrefixes`: which group that is), -1 once ruled out.
  const inPrefixes = new Int32Array(groupsB.length).fill(-1);
  const sharedPrefix = new Int32Array(groupsB.length);
  // By b's group, the last group of a whose third case found it, and how (`Editorial`).
  const found3 = new Int32Array(groupsB.length).fill(-1);
  const how3 = new Uint8Array(groupsB.length);
  let current = -1;
  const of = (ka: number): number[] => {
    current = ka;
    const a = groupsA[ka]!;
    const out: number[] = [];
    if (a.content < MIN_CONTENT_WORDS) return out;
    const take = (kb: number) => { if (seen[kb] !== ka) { seen[kb] = ka; out.push(kb); } };
    const take3 = (kb: number, how: Editorial) => {
      // Found by short runs only, the pair is kept as editorial with an LCS of at most 2 (marks + 1)
      // words (`keptPairs`), else only as the other cases find it, or with an LCS as long as the
      // shorter: neither possible when one word repeated in both makes the LCS longer and the
      // shorter's words are not all in the longer (then, whoever else found the pair, `keptPairs`
      // decides as for a pair the third case did not find).
      if (how === SHORT_RUNS && repeatedBound(ka, kb) > 2 * (a.marks + groupsB[kb]!.marks + 1) && !mayContain(ka, kb)) return;
      if (found3[kb] !== ka) { found3[kb] = ka; how3[kb] = how; }
      else if (how === LONG_RUN) how3[kb] = LONG_RUN;
      take(kb);
    };
    const len = a.speaker.length;
    const { ids: prefix, counts, before, second, shares } = prefixOf(a);
    for (let x = 0; x < a.contentList.length; x++) contentOfA[a.contentList[x]!] = ka;
    // 1. The shorter's key among the longer's words.
    // (A pair found by this case alone is kept only with an LCS as long as the shorter: every word
    // of the shorter in the longer, as often; a pair found by another case is taken there.)
    // Every word of the shorter in the longer: its second rarest content word too (content is a
    // property of the form, `isStopword` of it), looked for before the bags are compared — in the
    // list of b's groups holding it (ascending, as they are read), or among a's content words.
    const secondHolders = second < 0 ? undefined : holdAll.get(second) ?? [];
    const at = { k: 0 };
    for (const kb of holdAll.get(prefix[0]!) ?? []) if (groupsB[kb]!.speaker.length >= len && (secondHolders === undefined || holdsFrom(secondHolders, kb, at)) && mayContain(ka, kb)) take(kb);
    for (const id of a.contentList) for (const kb of byKey.get(id) ?? []) if (groupsB[kb]!.speaker.length <= len && (secondB[kb]! < 0 || contentOfA[secondB[kb]!] === ka) && mayContain(ka, kb)) take(kb);
    // 2. min(ℓa, ℓb) words of both prefixes (`shares`, with their repeats), lengths and content words within
    // ALTERED_MIN_SHARE, and enough content words after them in either (positional filtering: Xiao,
    // Wang, Lin & Yu 2008, "Efficient similarity joins for near duplicate detection"): the words
    // in common are those of both prefixes before this word, counted so far, and at most the fewer
    // of either's words from this one on.
    const prefixed: number[] = [];
    prefix.forEach((id, x) => {
      const list = byPrefix.get(id);
      if (list === undefined) return;
      for (let y = 0; y < list.length; y += 3) {
        const kb = list[y]!;
        const other = lengthB[kb]!;
        const bContent = contentB[kb]!;
        const most = ALTERED_MIN_SHARE * Math.max(a.content, bContent);
        if (Math.min(len, other) / Math.max(len, other) < ALTERED_MIN_SHARE || Math.min(a.content, bContent) < most) continue;
        if (inPrefixes[kb] !== ka) { inPrefixes[kb] = ka; sharedPrefix[kb] = 0; }
        const so = sharedPrefix[kb]!;
        if (so < 0) continue;
        const upper = so + Math.min(a.content - before[x]!, bContent - list[y + 2]!);
        if (upper < MIN_CONTENT_WORDS || upper < most) { sharedPrefix[kb] = -1; continue; }
        const shared = so + Math.min(counts[x]!, list[y + 1]!);
        sharedPrefix[kb] = shared;
        const needed = Math.min(shares, sharesB[kb]!);
        if (shared >= needed && so < needed) prefixed.push(kb);
      }
    });
    // Taken once the whole prefix is read: the positional bound of a later word may rule out a
    // pair that shared enough words before it (sharedPrefix -1).
    for (const kb of prefixed) if (inPrefixes[kb] === ka && sharedPrefix[kb]! >= Math.min(shares, sharesB[kb]!)) take(kb);
    // 3. An editorial relation: runs of the LCS meeting the cuts of either side.
    triplesAtCuts(a, (i) => { for (const kb of triplesB.get(trigram(a, i)) ?? []) take3(kb, LONG_RUN); }); // l.1
    for (let i = 0; i + 2 < a.all.length; i++) for (const kb of cutTriplesB.get(trigram(a, i)) ?? []) take3(kb, LONG_RUN); // l.2
    pairsAtCuts(a, (i) => { for (const kb of pairsB.get(bigram(a, i)) ?? []) take3(kb, SHORT_RUNS); }); // a.1
    for (let i = 0; i + 1 < a.all.length; i++) for (const kb of cutPairsB.get(bigram(a, i)) ?? []) take3(kb, SHORT_RUNS); // a.2
    betweenCuts(a, (i) => { for (const kb of wordsB.get(a.all[i]!) ?? []) take3(kb, SHORT_RUNS); }); // b.1
    for (let i = 0; i < a.all.length; i++) for (const kb of betweenB.get(a.all[i]!) ?? []) take3(kb, SHORT_RUNS); // b.2
    for (const p of a.cuts) {
      for (const kb of beforeCutB.get(a.all[p]!) ?? []) take3(kb, SHORT_RUNS); // b.3
      for (const kb of afterCutB.get(a.all[p - 1]!) ?? []) take3(kb, SHORT_RUNS); // b.4
    }
    return out;
  };
  /** How the third case found b's group `kb` for the group of a last read (`of`): not at all, and no editorial relation is possible, or how. */
  const editorial = (kb: number): Editorial => (found3[kb] === current ? how3[kb]! as Editorial : NOT_EDITORIAL);
  return { of, editorial };
}

/**
 * Whether x and y hold the same `k` words side by side somewhere (k-grams compared by a rolling
 * hash, Karp & Rabin 1987; a collision only says yes, which sends the pair to the full comparison).
 * `xGrams` keeps x's k-grams by k from call to call (x is compared with many y).
 */
function sharesRun(x: Int32Array, y: Int32Array, k: number, xGrams: Map<number, Set<number>>): boolean {
  if (k < 1) return true;
  if (k > x.length || k > y.length) return false;
  let seen = xGrams.get(k);
  if (!seen) {
    const made = new Set<number>();
    kGrams(x, k, (h) => { made.add(h); return false; });
    xGrams.set(k, (seen = made));
  }
  return kGrams(y, k, (h) => seen.has(h));
}

/** Calls `each` with the hash of each k-gram of `s` in turn, until it says true (then true). */
function kGrams(s: Int32Array, k: number, each: (h: number) => boolean): boolean {
  const BASE = 0x01000193;
  let top = 1;
  for (let i = 1; i < k; i++) top = Math.imul(top, BASE);
  let h = 0;
  for (let i = 0; i < s.length; i++) {
    if (i >= k) h = (h - Math.imul(s[i - k]!, top)) | 0;
    h = (Math.imul(h, BASE) + s[i]!) | 0;
    if (i >= k - 1 && each(h)) return true;
  }
  return false;
}

/**
 * Quotations shared by two articles: reported quotations of a and b paired one to one (best
 * similarity first), then quotations of either article whose words the other uses unquoted.
 * Scare quotes are framing, not statements, and are not aligned.
 */
export function alignQuotes(textA: string, quotesA: readonly Quote[], textB: string, quotesB: readonly Quote[], lang = 'en'): SharedQuote[] {
  return alignQuotesUntil(textA, quotesA, textB, quotesB, lang, Infinity).shared;
}

/** The clock deadlines are read on (milliseconds). */
export type Clock = () => number;

/**
 * `alignQuotes` that stops at `deadline` (on `now`, `performance.now()` by default): `complete` is false
 * when it stopped early, and `shared` then holds only pairs the whole alignment makes too (precision
 * first: a pairing made before a better partner was read is not shown).
 *
 * The pairing is greedy, best similarity first (ties: the earlier quotation of a, then of b). It
 * runs in three passes, the same pairs as one greedy pass over every candidate:
 * 1. quotations with the same words (the speaker's, brackets aside: similarity 1, the best there
 *    is) paired through a table of their words, in the greedy's order — linear, where comparing
 *    each quotation with every other holding one of its words was quadratic on a page repeating
 *    its quotations (issue 20: 5,000 quotations compared with a copy stopped at the budget with
 *    15 paired). Every prefix of this pass is a prefix of the greedy's choices: kept when stopped;
 * 2. the quotations left, compared with those of the other article sharing enough of their
 *    content words (quotations that read the same compared once, pairs decided from their LCS
 *    length where it can: `keptPairs`), then paired greedily: none kept when stopped before the
 *    end (a partner not yet read may be better);
 * 3. quotations left whose words the other article uses unquoted (each found or not on its own:
 *    those found before the stop are kept, not one whose search was cut);
 * 4. quotations too short to compare, part of a longer one of the same person in the other
 *    (`shortInLong`, `truncated`), from the quotations every other pass left: run only when no pass
 *    before was stopped, each pair made before a stop kept (they are made in a fixed order).
 */
/** Words a quotation too short to compare must have to be paired with the same words of the same speaker. */
const MIN_SHORT_WORDS = 2;

/** Whether two quotations name one speaker: both name someone (no description), with the same names (`speakersDiffer`). */
export function sameNamedSpeaker(qa: Quote, qb: Quote): boolean {
  return !!qa.speaker && !!qb.speaker && !describes(qa.speaker) && !describes(qb.speaker) && !speakersDiffer(qa.speaker, qb.speaker);
}

/**
 * A quotation's words as written between its marks, for the short ones: case, spacing and the
 * punctuation closing it aside (`over,` / `over.`); an editor's brackets and ellipses kept.
 */
export const writtenWords = (text: string, q: Quote): string => text.slice(q.marks.open.end, q.marks.close.start).trim().replace(/[\s.,;:!?]+$/u, '').replace(/\s+/gu, ' ').toLowerCase();

/**
 * Content words a quotation too short to compare must have to be found inside a longer quotation
 * of the same speaker (`shortInLong`): one (`“wrong”`, `« inacceptable »`) is a word anyone says.
 */
const MIN_SHORT_CONTENT = 2;
/**
 * Letters of the longest content word of such a quotation, at the least: short words are the
 * common ones (Zipf's law of abbreviation), and two of them together are a set phrase anyone
 * uses (`fake news`, `witch hunt`, `très bien`), where a longer one (`gamble`, `décision`,
 * `Belastung`) is the speaker's choice.
 */
const MIN_SHORT_RARE_LETTERS = 6;
/**
 * Places in the other text at most where the rarest pair of side-by-side words of a short
 * quotation stands: more, the words are too common there to say which quotation they come from
 * (and each is read at most this often: 10,000 two-word quotations against a text repeating
 * them cost linear time).
 */
const SHORT_PLACES_MOST = 16;

/**
 * One speaker named as a person in both versions: `sameNamedSpeaker`, neither an organisation
 * (`parquet de Lyon` and `procureure Sophie Marin` do not differ, but are not one name), with a
 * name in common (`Me François Quérel` / `avocat de M. Delorme, Me François Quérel`).
 */
export function samePersonNamed(qa: Quote, qb: Quote): boolean {
  if (!sameNamedSpeaker(qa, qb)) return false;
  const [a, b] = [qa.speaker!, qb.speaker!];
  if (organisation(a) || organisation(b) || holdsOrganisationNoun(a) || holdsOrganisationNoun(b)) return false;
  const nb = new Set(namesOf(b));
  return namesOf(a).some((w) => nb.has(w));
}

interface Side {
  text: string;
  quotes: readonly Quote[];
  words: (k: number) => Word[] | null;
  used: Set<number>;
}

/**
 * Quotations of `S` too short to compare (under MIN_WORDS words or MIN_CONTENT_WORDS content words)
 * whose speaker's words stand side by side, on their comparison forms, in a longer quotation of
 * `L` (`truncated`: `« une décision politique »` of `« C'est une décision politique, nous allons
 * faire appel »`), the quotations of `S` in order, each paired with the first it may be and marked
 * used in both sides. What keeps two or three words matched by chance out:
 * - the same person named as the speaker of both (`samePersonNamed`: not a role, not an
 *   organisation, not unknown), the one fact besides the words the two versions must agree on;
 * - MIN_SHORT_CONTENT content words, one of them MIN_SHORT_RARE_LETTERS letters long at the least;
 * - the words once in the whole of `L`'s text, inside that quotation: words `L` also writes
 *   elsewhere, in its own text or another quotation, are a phrase of the story, not a citation.
 * Linear: only the pairs of side-by-side words the short quotations hold are looked for in `L`'s
 * text, at most SHORT_PLACES_MOST places of each kept; each short quotation then reads the places
 * of its rarest pair.
 */
function shortInLong(S: Side, L: Side & { tokens: TextTokens | null }, lang: string, isStop: (word: string) => boolean, timeLeft: () => boolean): { short: number; long: number; run: number[]; s: Word[]; l: Word[] }[] {
  const out: { short: number; long: number; run: number[]; s: Word[]; l: Word[] }[] = [];
  // The short quotations, their words' forms, and the pairs of side-by-side forms they hold.
  const shorts: { k: number; norms: string[] }[] = [];
  const places = new Map<string, number[]>();
  const firsts = new Set<string>();
  for (let k = 0; k < S.quotes.length; k++) {
    if ((k & 63) === 0 && !timeLeft()) return out;
    const q = S.quotes[k]!;
    if (q.kind !== 'reported' || S.used.has(k) || !q.speaker) continue;
    const ws = (S.words(k) ?? []).filter((w) => !w.bracketed);
    if (ws.length < MIN_SHORT_WORDS) continue;
    let content = 0;
    let longest = 0;
    for (const w of ws) {
      if (isStop(w.text)) continue;
      content++;
      if (!/^\p{N}/u.test(w.norm)) longest = Math.max(longest, w.norm.length);
    }
    if (content < MIN_SHORT_CONTENT || longest < MIN_SHORT_RARE_LETTERS) continue;
    if (ws.length >= MIN_WORDS && content >= MIN_CONTENT_WORDS) continue;
    const norms = ws.map((w) => w.norm);
    shorts.push({ k, norms });
    for (let i = 0; i + 1 < norms.length; i++) {
      places.set(`${norms[i]}\u0000${norms[i + 1]}`, []);
      firsts.add(norms[i]!);
    }
  }
  if (shorts.length === 0) return out;
  // L's words (with a letter or digit, as `words` keeps them), from the tokens extraction made where it did.
  const tokenized = L.tokens ? null : tokenize(L.text, lang).filter((t) => HAS_WORD.test(t.norm));
  const count = L.tokens ? L.tokens.words.length : tokenized!.length;
  const all = new Int32Array(count);
  let kept = 0;
  const has = L.tokens ? hasWordColumn(L.tokens) : null;
  for (let x = 0; x < count; x++) {
    if ((x & 4095) === 0 && !timeLeft()) return out;
    if (has) {
      let h = has[x]!;
      if (h === 0) has[x] = h = HAS_WORD.test(L.tokens!.words[x]!.norm) ? 1 : 2;
      if (h !== 1) continue;
    }
    all[kept++] = x;
  }
  const index = all.subarray(0, kept);
  const normAt = (i: number): string => (L.tokens ? L.tokens.words[index[i]!]!.norm : tokenized![index[i]!]!.norm);
  const startAt = (i: number): number => (L.tokens ? L.tokens.starts[index[i]!]! : tokenized![index[i]!]!.start);
  const endAt = (i: number): number => (L.tokens ? L.tokens.ends[index[i]!]! : tokenized![index[i]!]!.end);
  for (let i = 0; i + 1 < index.length; i++) {
    if ((i & 4095) === 0 && !timeLeft()) return out;
    const first = normAt(i);
    if (!firsts.has(first)) continue;
    const list = places.get(`${first}\u0000${normAt(i + 1)}`);
    // (One place more than SHORT_PLACES_MOST kept: too many.)
    if (list && list.length <= SHORT_PLACES_MOST) list.push(i);
  }
  // L's reported quotations by where they start, to find the one holding a place.
  const reported = L.quotes.map((_, k) => k).filter((k) => L.quotes[k]!.kind === 'reported').sort((x, y) => L.quotes[x]!.start - L.quotes[y]!.start || x - y);
  const holding = (from: number, to: number): number => {
    let lo = 0;
    let hi = reported.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (L.quotes[reported[mid]!]!.start <= from) lo = mid + 1;
      else hi = mid - 1;
    }
    // The innermost holding it: the latest start, a few nested at most read back.
    for (let k = hi; k >= 0 && k > hi - 8; k--) {
      const q = L.quotes[reported[k]!]!;
      if (q.start <= from && to <= q.end) return reported[k]!;
    }
    return -1;
  };
  for (const { k, norms } of shorts) {
    if (!timeLeft()) return out;
    // The pair of side-by-side words with the fewest places, and where it stands in the quotation.
    let best: number[] | null = null;
    let offset = 0;
    for (let i = 0; i + 1 < norms.length; i++) {
      const list = places.get(`${norms[i]}\u0000${norms[i + 1]}`)!;
      if (!best || list.length < best.length) { best = list; offset = i; }
    }
    if (!best || best.length === 0 || best.length > SHORT_PLACES_MOST) continue;
    let at = -1;
    let found = 0;
    for (const p of best) {
      // (The clock read at each place: a step of work, SHORT_PLACES_MOST at most a quotation.)
      if (!timeLeft()) return out;
      const from = p - offset;
      if (from < 0 || from + norms.length > index.length) continue;
      let m = 0;
      while (m < norms.length && normAt(from + m) === norms[m]) m++;
      if (m === norms.length) { found++; at = from; }
    }
    if (found !== 1) continue;
    const long = holding(startAt(at), endAt(at + norms.length - 1));
    if (long < 0 || L.used.has(long) || !samePersonNamed(S.quotes[k]!, L.quotes[long]!)) continue;
    const l = (L.words(long) ?? []).filter((w) => !w.bracketed);
    const s = (S.words(k) ?? []).filter((w) => !w.bracketed);
    if (l.length <= s.length) continue;
    const run = runAt(s, l);
    if (run < 0) continue;
    S.used.add(k);
    L.used.add(long);
    out.push({ short: k, long, run: s.map((_, i) => run + i), s, l });
  }
  return out;
}

/** The exact pair of two quotations too short to compare: the same words as written (an editor's marks too), of one named speaker. */
function sameShortWords(textA: string, qa: Quote, textB: string, qb: Quote, wa: readonly Word[]): { relation: 'exact'; diff: DiffPart[]; similarity: number } | null {
  return wa.filter((w) => !w.bracketed).length >= MIN_SHORT_WORDS && writtenWords(textA, qa) === writtenWords(textB, qb) && sameNamedSpeaker(qa, qb) ? { relation: 'exact', diff: [], similarity: 1 } : null;
}

export function alignQuotesUntil(textA: string, quotesA: readonly Quote[], textB: string, quotesB: readonly Quote[], lang: string, deadline: number, now: Clock = () => performance.now()): { shared: SharedQuote[]; complete: boolean } {
  let complete = true;
  const timeLeft = (): boolean => complete && (deadline === Infinity || now() < deadline || (complete = false));
  // The words of each quotation sliced from the tokens its extraction made, where they are its own.
  const tokensA = textTokens(quotesA, textA, lang);
  const tokensB = textTokens(quotesB, textB, lang);
  const wordsOf = (q: Quote, text: string, tokens: TextTokens | null) => (q.kind === 'reported' ? words(text, q, lang, { brackets: q.insertions, tokens }) : null);
  // A quotation's words made each time they are read, held by none (pass 1 keys most from the
  // tokens, `plainKey`): the same words as made for all at the start, as the old code did, and held
  // to the end (issue 16: 150 MB and more for two texts of 5 MB).
  const wordsA = (ia: number): Word[] | null => wordsOf(quotesA[ia]!, textA, tokensA);
  const wordsB = (ib: number): Word[] | null => wordsOf(quotesB[ib]!, textB, tokensB);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const out: SharedQuote[] = [];
  const pair = (ia: number, ib: number, r: NonNullable<ReturnType<typeof compareWords>>): SharedQuote => {
    const qa = quotesA[ia]!;
    const qb = quotesB[ib]!;
    const differ = speakersDiffer(qa.speaker, qb.speaker) && !speaksFor(textA, qa, qb.speaker) && !speaksFor(textB, qb, qa.speaker);
    return { a: { start: qa.start, end: qa.end }, b: { start: qb.start, end: qb.end }, aQuote: ia, bQuote: ib, relation: r.relation, speaker: differ ? null : creditedSpeaker(qa.speaker, qb.speaker), ...(differ ? { speakersDiffer: true as const } : {}), diff: r.diff, similarity: r.similarity };
  };

  /** The speaker's own words of a quotation (an editor's brackets left out). */
  const speakers = (ws: readonly Word[] | null) => ws?.filter((w) => !w.bracketed) ?? [];
  // 1. The same words: b's quotations by their words (ascending), each taken by a's in the greedy's order.
  const speakerWords = (ws: readonly Word[]) => speakers(ws).map((w) => w.norm).join('\u0000');
  /** The key of a reported quotation (null for another): its speaker's words, from the tokens where it can. */
  const keyOf = (q: Quote, tokens: TextTokens | null, made: () => Word[] | null): string | null => (q.kind !== 'reported' ? null : plainKey(q, tokens) ?? speakerWords(made()!));
  const sameWords = new Map<string, { ib: number[]; next: number }>();
  for (const [ib, qb] of quotesB.entries()) {
    // (Stopped here, nothing is paired yet: none kept. The clock read as often as when each quotation's words were made here.)
    if (!timeLeft()) return { shared: [], complete };
    const key = keyOf(qb, tokensB, () => wordsB(ib));
    if (key === null) continue;
    const group = sameWords.get(key);
    if (group) group.ib.push(ib);
    else sameWords.set(key, { ib: [ib], next: 0 });
  }
  const inOrder = quotesA.map((_, ia) => ia).sort((x, y) => quotesA[x]!.start - quotesA[y]!.start || x - y);
  for (const ia of inOrder) {
    // (Stopped while a's quotations are keyed: what is paired is a prefix of the greedy's choices, as below.)
    if (!timeLeft()) return { shared: out.sort((x, y) => x.a.start - y.a.start), complete };
    const key = keyOf(quotesA[ia]!, tokensA, () => wordsA(ia));
    const group = key === null ? undefined : sameWords.get(key);
    if (!group || group.next >= group.ib.length) continue;
    const wa = wordsA(ia)!;
    const ib = group.ib[group.next]!;
    // Null (too short, too few content words) for one of the group is null for all: a's words decide.
    // Too short to compare, the same words are one quotation when both versions name the same
    // speaker (`“This fight is not over,” Biden said` / `he told reporters`, Biden; `« preuves
    // irréfutables »`, the prosecutor in both): words and speaker by chance together is no chance.
    // (Only the group's next quotation is tried for it: another speaker there leaves a's unpaired.)
    const r = compareWords(textA, wa, textB, wordsB(ib)!, lang) ?? sameShortWords(textA, quotesA[ia]!, textB, quotesB[ib]!, wa);
    if (!r) continue;
    group.next++;
    usedA.add(ia);
    usedB.add(ib);
    out.push(pair(ia, ib, r));
  }
  const sure = out.length;
  sameWords.clear();

  // 2. The rest, paired greedily over every pair `compareWords` keeps (best similarity first; ties:
  // the earlier quotation of a, then of b). A quotation too short to pair (`compareWords`' first
  // check) is left out on both sides, and one of a with too few content words (its second): 10,000
  // marks of two-word quotations in one paragraph made a quadratic count of pairs that could never
  // match. The pairs are found by `keptPairs` without a diff, and the diff made for those paired.
  // `isStopword` read once per distinct word (a word each call: millions for two long texts).
  const stopOf = new Map<string, boolean>();
  const isStop = (word: string): boolean => {
    let stop = stopOf.get(word);
    if (stop === undefined) stopOf.set(word, (stop = isStopword(word, lang)));
    return stop;
  };
  /** How many of a quotation's words are the speaker's (brackets aside): all, or (`content`) those no stop word. */
  const countSpeakers = (ws: readonly Word[], content: boolean): number => {
    let n = 0;
    for (const w of ws) if (!w.bracketed && (!content || !isStop(w.text))) n++;
    return n;
  };
  const countsOf = (ws: readonly Word[]) => ({ all: countSpeakers(ws, false), content: countSpeakers(ws, true) });
  // (The clock read every 64 quotations: their stop words are looked up word by word. The counts
  // read from the text's tokens where `words` would slice them: no word made for a quotation
  // that `groupQuotations` makes them for again, issue 16.)
  const eligibleA: number[] = [];
  for (let ia = 0; ia < quotesA.length; ia++) {
    if ((ia & 63) === 0 && !timeLeft()) return { shared: out.slice(0, sure).sort((x, y) => x.a.start - y.a.start), complete };
    if (usedA.has(ia) || quotesA[ia]!.kind !== 'reported') continue;
    const counted = speakerCounts(quotesA[ia]!, tokensA, isStop, true) ?? countsOf(wordsA(ia)!);
    if (counted.all >= MIN_WORDS && counted.content >= MIN_CONTENT_WORDS) eligibleA.push(ia);
  }
  const eligibleB: number[] = [];
  for (let ib = 0; ib < quotesB.length; ib++) {
    if ((ib & 63) === 0 && !timeLeft()) return { shared: out.slice(0, sure).sort((x, y) => x.a.start - y.a.start), complete };
    if (usedB.has(ib) || quotesB[ib]!.kind !== 'reported') continue;
    const counted = speakerCounts(quotesB[ib]!, tokensB, isStop, false) ?? countsOf(wordsB(ib)!);
    if (counted.all >= MIN_WORDS) eligibleB.push(ib);
  }
  const ids = new Map<string, number>();
  const groupsA = groupQuotations(textA, wordsA, eligibleA, isStop, ids, timeLeft);
  const groupsB = groupsA && groupQuotations(textB, wordsB, eligibleB, isStop, ids, timeLeft);
  if (!groupsA || !groupsB) return { shared: out.slice(0, sure).sort((x, y) => x.a.start - y.a.start), complete };
  const kept = keptPairs(textA, groupsA, wordsA, textB, groupsB, wordsB, lang, ids.size, timeLeft);
  if (!kept) return { shared: out.slice(0, sure).sort((x, y) => x.a.start - y.a.start), complete };
  const groupOfA = new Map<number, number>();
  groupsA.forEach((g, k) => { for (const ia of g.members) groupOfA.set(ia, k); });
  // Each group of b is read from its first quotation not yet paired (the lowest index: the greedy's tie-break).
  const nextB = new Int32Array(groupsB.length);
  const firstFree = (g: number): number => {
    const { members } = groupsB[g]!;
    let k = nextB[g]!;
    while (k < members.length && usedB.has(members[k]!)) k++;
    nextB[g] = k;
    return k < members.length ? members[k]! : Infinity;
  };
  for (const level of [...kept.keys()].sort((x, y) => y - x)) {
    // The pairs of this similarity, in the greedy's order: a's quotations by where they start, each
    // paired with the first of b's quotations left among those of the groups its group pairs with.
    const partners = new Map<number, number[]>();
    const { ga, gb } = kept.get(level)!;
    ga.forEach((g, k) => {
      const list = partners.get(g);
      if (list) list.push(gb[k]!);
      else partners.set(g, [gb[k]!]);
    });
    const inOrder = [...partners.keys()].flatMap((g) => groupsA[g]!.members.filter((ia) => !usedA.has(ia)));
    inOrder.sort((x, y) => quotesA[x]!.start - quotesA[y]!.start || x - y);
    for (const ia of inOrder) {
      let ib = Infinity;
      for (const g of partners.get(groupOfA.get(ia)!)!) ib = Math.min(ib, firstFree(g));
      if (ib === Infinity) continue;
      // The same words as the group's first quotations (`groupQuotations`): the same relation and similarity, here with its diff.
      const r = compareWords(textA, wordsA(ia)!, textB, wordsB(ib)!, lang)!;
      usedA.add(ia);
      usedB.add(ib);
      out.push(pair(ia, ib, r));
    }
  }

  // A `truncated` pair whose shorter version holds the rest of the words in the quotation right
  // after it (or before it), split off by an attribution (`“If you are told to leave, leave,” the
  // governor pleaded. “Do not wait.”` against the same words in one quotation), left out nothing:
  // the same words, `exact`. When that quotation holds the far end of them only, the version left
  // out the middle: still `truncated`, and the diff shows the middle alone as left out, not the
  // words it quotes beside (`“We will not raise taxes…,” Lopez said. “We will protect the fund.”`
  // against one quotation with `We will invest in our schools` between).
  for (const [k, shared] of out.entries()) {
    if (shared.relation !== 'truncated') continue;
    const wa = speakers(wordsA(shared.aQuote!));
    const wb = speakers(wordsB(shared.bQuote!));
    const shortIsA = wa.length < wb.length;
    const rest = shortIsA
      ? splitNeighbour(textA, quotesA, shared.aQuote!, wa, wb, usedA, wordsA)
      : splitNeighbour(textB, quotesB, shared.bQuote!, wb, wa, usedB, wordsB);
    if (!rest) continue;
    if (rest.whole) {
      out[k] = { ...shared, relation: 'exact', diff: [], similarity: 1 };
      continue;
    }
    const [short, long] = shortIsA ? [wa, wb] : [wb, wa];
    const joined = rest.before ? [...rest.words, ...short] : [...short, ...rest.words];
    const [x, y] = shortIsA ? [joined, long] : [long, joined];
    const firstEnds = (rest.before ? rest.words.length : short.length) - 1;
    out[k] = { ...shared, diff: diffParts(textA, x, textB, y, lcs(x, y), shortIsA ? { a: firstEnds } : { b: firstEnds }), similarity: joined.length / long.length };
  }

  // 3. Unquoted reuse.
  quotesA.forEach((qa, ia) => {
    if (qa.kind !== 'reported' || usedA.has(ia) || !timeLeft()) return;
    const u = findUnquoted(textA, qa, tokensA, textB, sentenceIndex(textB, quotesB, lang, tokensB), lang, timeLeft);
    // A search cut at the deadline may have missed the best sentence.
    if (u && complete) out.push({ a: { start: qa.start, end: qa.end }, b: u.b, aQuote: ia, bQuote: null, relation: 'unquoted', speaker: qa.speaker, diff: u.diff, similarity: u.similarity });
  });
  quotesB.forEach((qb, ib) => {
    if (qb.kind !== 'reported' || usedB.has(ib) || !timeLeft()) return;
    const u = findUnquoted(textB, qb, tokensB, textA, sentenceIndex(textA, quotesA, lang, tokensA), lang, timeLeft);
    if (!u || !complete) return;
    // Diff computed from b's side: swap to keep `a` meaning article a.
    const diff = u.diff.map((p): DiffPart => ({ op: p.op === 'removed' ? 'added' : p.op === 'added' ? 'removed' : 'same', a: p.b, b: p.a, text: p.op === 'same' ? textA.slice(p.b!.start, p.b!.end) : p.text }));
    out.push({ a: u.b, b: { start: qb.start, end: qb.end }, aQuote: null, bQuote: ib, relation: 'unquoted', speaker: qb.speaker, diff, similarity: u.similarity });
  });

  // 4. Quotations too short to compare, part of a longer one of the other (`shortInLong`), last:
  // they take only what every other pass left, so no pair made before changes. Run only when
  // nothing before was stopped (a quotation the whole alignment pairs as unquoted is not free).
  // Each made is kept when stopped: the pass pairs in a fixed order, each pair decided by the
  // other text's words and the quotations left, a prefix of what the whole pass makes.
  for (const shortInA of [true, false]) {
    if (!timeLeft()) break;
    const found = shortInLong(
      shortInA ? { text: textA, quotes: quotesA, words: wordsA, used: usedA } : { text: textB, quotes: quotesB, words: wordsB, used: usedB },
      shortInA ? { text: textB, quotes: quotesB, words: wordsB, used: usedB, tokens: tokensB } : { text: textA, quotes: quotesA, words: wordsA, used: usedA, tokens: tokensA },
      lang, isStop, timeLeft,
    );
    for (const { short, long, run, s, l } of found) {
      const [ia, ib] = shortInA ? [short, long] : [long, short];
      const [a, b] = shortInA ? [s, l] : [l, s];
      const common = run.map((k, i): [number, number] => (shortInA ? [i, k] : [k, i]));
      out.push(pair(ia, ib, { relation: 'truncated', diff: diffParts(textA, a, textB, b, common), similarity: s.length / l.length }));
    }
  }
  return { shared: out.sort((x, y) => x.a.start - y.a.start), complete };
}
