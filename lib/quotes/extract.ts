/**
 * Quotations of one article: paired marks (`marks.ts`), told apart as reported speech or scare
 * quotes, each with its speaker (`speaker.ts`).
 *
 * Reported speech versus scare quotes (framing: "la prétendue «opposition modérée»", "the
 * 'moderate' rebels"). Features, in this order (first that fires wins):
 * 1. a distancing word right before the quote (`prétendue`, `so-called`, `dubbed`, or
 *    `qualifiés de`): a label held at a distance → scare (up to DISTANCED_MAX_WORDS words);
 * 2. SHORT_MAX_WORDS words or more → reported: a label is a word or two, a statement is longer;
 * 3. a short quote in modifier position — French: right after a noun (`les rebelles "modérés"`);
 *    English: right before one (`the "moderate" rebels`) — is a label → scare;
 * 4. a short quote in a sentence with an attribution cue (verb of saying, `selon`, `according
 *    to`) outside the quote is a fragment of someone's words (`exprimé ses "inquiétudes"`,
 *    `en "août"`) → reported; without a cue → scare.
 * Before 2, a name in quotation marks (`les «gilets jaunes»`, `le «grand débat national»`) is
 * neither speech nor distance → name: a few words, nominal (no verb of saying, auxiliary, subject
 * pronoun or negation, no infinitive, no lone participle, no clause punctuation; capitalised
 * outside French, where names in lower case are written between guillemets), and either quoted
 * again in the article (a name is repeated, a quoted fragment seldom) or heading a noun phrase
 * after a definite article (`par les «…»`) that no verb of saying governs (`a dénoncé des «…»`,
 * `une «dérive totale»` stay fragments of speech; `des` after a determined noun is `de les`: `le
 * collectif des «…»`), or a French acronym (`«RIC»`). Before the name, words cried (`aux cris de
 * «…»`, `le slogan «…»`) → reported.
 * First of all, the name of an offence governed by a word of criminal procedure (`porté plainte
 * pour «…»`, `inculpé de «…»`, `charged with "…"`) → name, unless the sentence names who gave it
 * with a verb of saying (`…, a indiqué le parquet`): then reported, theirs (issue 13: never shown
 * as a quotation with no speaker). A see-also heading (`Lire aussi`, `Read more`) is no cue.
 * Pareti (2015, "Attribution: a computational approach") and PolNeAR's guidelines both treat a
 * quotation as an attribution only when a source and cue can be found: feature 4 is that test.
 */
import { firstEndingAfter, fold, KNOWN_WORD_SLOTS, sentences, tokenColumns, tokenize, wordsOfEveryLanguage } from '../text';
import type { KnownWord, Token } from '../text';
import { everyLanguage, lexicon } from './lexicon';
import type { Lexicon } from './lexicon';
import { pairMarks } from './marks';
import { findSpeaker, isTitleCase, viewOfPhrase } from './speaker';
import type { Quote, QuoteContext, Span, TextColumns } from './types';

/** A quote of this many words or more is reported speech, whatever its context. */
const SHORT_MAX_WORDS = 4;
/** After a distancing word, a quote up to this long is still a label (`la prétendue «opposition modérée syrienne»`). */
const DISTANCED_MAX_WORDS = 6;
/** A name in quotation marks is at most this many words (`«grand débat national»`). */
const NAME_MAX_WORDS = 3;
const folded = (...classes: Parameters<typeof wordsOfEveryLanguage>[0][]) => new Set(classes.flatMap((c) => [...wordsOfEveryLanguage(c)]).map(fold));
/**
 * French definite articles, which open a noun phrase a name can head (`les «gilets jaunes»`, `au
 * «Parisien»`); English news quotes a speaker's words after `the` (`the "dishonest media"`,
 * PolNeAR). Indefinite ones introduce a characterisation, often someone's (`a dénoncé une
 * «dérive totale»`), `des` and `de` are either, possessives someone's word (`sa «honte»`).
 */
const NAME_OPENERS = new Set(['le', 'la', 'les', 'l', 'au', 'aux', 'du']);
/** Words that make quoted words a clause, not a name: auxiliaries, subject pronouns, negations. */
const NOT_NOMINAL = new Set([...folded('auxiliaries', 'masculinePronouns', 'femininePronouns'), 'je', 'j', 'tu', 'nous', 'vous', 'ils', 'elles', 'on', 'i', 'we', 'you', 'they', 'ca', 'cela', 'c', 'it', 'ne', 'n', 'pas', 'not', 'no', 'jamais', 'never']);
const INDEFINITE = new Set(['un', 'une', 'a', 'an']);
/** French determiners, which open a noun phrase (`le collectif`, `un appel`, `ses porte-parole`). */
const DETERMINERS_FR = new Set(['le', 'la', 'les', 'l', "l'", 'un', 'une', 'des', 'du', 'au', 'aux', 'ce', 'cet', 'cette', 'ces', 'son', 'sa', 'ses', 'leur', 'leurs', 'notre', 'nos']);
/** An acronym: one word of capitals (`RIC`, `TPMP`). */
const ACRONYM = /^\p{Lu}{2,6}$/u;
/** A French infinitive of the first and second groups (`réunir`, `stopper`). */
const FR_INFINITIVE = /^\p{L}{3,}(?:er|ir)$/u;
/** A French infinitive of the third group (`vendre`, `mettre`), or a noun of that ending (`meurtre`): not told apart. */
const FR_INFINITIVE_RE = /^\p{L}{3,}re$/u;
/** A French past participle or adjective on its own (`«suspendues»`, `«alternatif»`): a word of someone's, not a name. */
const FR_PARTICIPLE = /^\p{L}{2,}(?:é|ée|és|ées|ue|ues|us|ie|ies|ite|ites|if|ive|ifs|ives)$/iu;
/** Trailing punctuation that belongs to the sentence, not the quotation (`“…,” he said`). */
const TRAILING_CHAR = /[\s,;:]/u;
const SPACE_CHAR = /\s/u;
const HAS_WORD = /[\p{L}\p{N}]/u;
const BRACKETED = /\[[^\]\n]{1,200}\]/gu;

/**
 * A quotation's context whose words before and after it (`before`, `after`) are read on first use.
 * A class, not an object literal with those two getters: V8 makes such a literal in dictionary
 * mode, and each property the kind rules read of it (18,000 quotations in a text of 5 MB) was a
 * look-up in a hash table. (The rules' copy of it, `{ ...ctx }` in `findSpeaker`, reads its own
 * fields and sets its own `before` and `after`.)
 */
class Around implements QuoteContext {
  readonly columns: TextColumns;
  private beforeTokens: Token[] | undefined = undefined;
  private afterTokens: Token[] | undefined = undefined;
  constructor(
    readonly text: string, readonly lang: string, readonly lex: Lexicon, readonly sentence: Span, readonly open: Span, readonly close: Span,
    readonly others: Span[], readonly sentences: readonly Span[], private readonly words: TokenIndex, private readonly topLevel: readonly Span[],
    private readonly other: (q: Span) => boolean,
  ) {
    this.columns = words.columns;
  }

  get before(): Token[] {
    return (this.beforeTokens ??= this.words.outside(this.sentence.start, this.open.start, this.topLevel, this.other));
  }

  get after(): Token[] {
    return (this.afterTokens ??= this.words.outside(this.close.end, this.sentence.end, this.topLevel, this.other));
  }

  /** The last `count` tokens of `before` (all of them when fewer), the others not made. */
  lastBefore(count: number): Token[] {
    if (this.beforeTokens !== undefined) return this.beforeTokens.slice(Math.max(0, this.beforeTokens.length - count));
    return this.words.lastOutside(this.sentence.start, this.open.start, this.topLevel, this.other, count);
  }
}

/** Code near a quotation: a jQuery call, a function, a block's ends, an arrow (a page's script left in a text). */
const CODE = /\$\(|\bfunction\s*\(|\)\s*\{|\}\s*\)|=>/u;
/** How far around a quotation code is looked for. */
const CODE_REACH = 200;

/**
 * A string of a page's script left in the text (`$('#id').css( 'display', 'block' );`, in the
 * gilets-jaunes corpus): straight marks between the punctuation of an argument list — `(`, `,` or
 * `[` before, `)`, `,` or `]` after — with code near them. No one's words: no quotation.
 */
function codeString(text: string, pair: { open: Span; close: Span }): boolean {
  const mark = text[pair.open.start];
  if (mark !== "'" && mark !== '"') return false;
  if (!/[(,[]\s*$/u.test(text.slice(Math.max(0, pair.open.start - 8), pair.open.start)) || !/^\s*[),\]]/u.test(text.slice(pair.close.end, pair.close.end + 8))) return false;
  return CODE.test(text.slice(Math.max(0, pair.open.start - CODE_REACH), pair.close.end + CODE_REACH));
}

/** Sentence containing offset `at` (binary search), or a span of the paragraph when none does. */
function sentenceAt(spans: readonly Span[], at: number): Span | null {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid]!;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return s;
  }
  return null;
}

/**
 * Whether token `t` stands right before the opening mark `open`: spaces between, or the apostrophe
 * of an elided word (`l’«acte V»`, `d’«outrage»`: before a mark lib/text makes `l` and `d` tokens
 * of their own, the apostrophe left between them and the mark).
 */
function rightBefore(text: string, t: Token | undefined, open: Span): t is Token {
  return t !== undefined && /^['’]?\s*$/u.test(text.slice(t.end, open.start));
}

function isContentWord(t: Token | undefined, lex: Lexicon, lang: string): boolean {
  if (!t || !HAS_WORD.test(t.norm) || /^\p{N}/u.test(t.norm)) return false;
  if (lex.speechVerbs.has(t.norm) || lex.skip.has(t.norm) || lex.determiners.has(t.norm)) return false;
  return !isStop(t.norm, lang);
}

// Stop words come from lib/text (Snowball lists) through `isStopword`; imported lazily below.
import { isStopword } from '../text';
function isStop(norm: string, lang: string): boolean {
  return isStopword(norm, lang) || norm.endsWith("'");
}

/**
 * Whether the sentence around the quotation holds an attribution cue: a verb of saying or
 * `selon` among `ctx.before` and `ctx.after` (`cueAround`, which reads them without making their
 * tokens: a short quotation's context is up to 6,000 characters, most of them never read as
 * tokens otherwise), or `according to`.
 */
function hasCue(ctx: QuoteContext, cueAround: () => boolean, first: Token | undefined): boolean {
  // (`viewOfPhrase` opens on the first word before the quotation, `first`, which is
  // `ctx.before[0]`: read without making the words before of every short quotation, issue 16.)
  return cueAround() || /\baccording to\b/iu.test(ctx.text.slice(ctx.sentence.start, ctx.sentence.end)) || (first !== undefined && ctx.lex.viewOf.has(first.norm) && viewOfPhrase(ctx) !== null);
}

/** The verbs of SEE_ALSO, as tokens' norms: only they are read again as a heading. */
const SEE_ALSO_VERBS = new Set(['lire', 'voir', 'read', 'see']);
/** A see-also heading's verb and adverb (`Lire aussi`, `Lire également`, `Voir aussi`, `Read more`, `See also`). */
const SEE_ALSO = /^(?:lire|voir|read|see)[ \t\u00a0]+(?:aussi|également|egalement|encore|more|also)(?![\p{L}\p{N}])/iu;

/**
 * Whether the word at `at` opens a see-also heading: `Lire aussi`, `READ MORE` capitalised, or
 * `lire aussi` after a capitalised `A`/`À` (`A lire aussi`). Extraction keeps the heading of a
 * link to another article, often glued to the sentence before it (`…fin.Lire aussi: Le
 * «Jupiter» de l'Elysée…`): its verb says nothing of the words after it, which are another
 * article's title. `on pouvait lire aussi «…»`, in lower case after its subject, still reads.
 */
function seeAlsoAt(text: string, at: number): boolean {
  const head = text.slice(at, at + 24);
  if (!SEE_ALSO.test(head)) return false;
  return /^\p{Lu}/u.test(head) || /(?:^|[^\p{L}])[AÀ][ \t\u00a0]+$/u.test(text.slice(Math.max(0, at - 3), at));
}

/**
 * The name of a work, show, campaign or slogan (`told NBC's "Meet the Press"`, `a "Make America
 * Great Again" cap`, `her memoir, "Plenty Ladylike."`): the quoted words are in Title Case (two
 * or more words, every word longer than three letters capitalised) while the sentence around them
 * is not (at most half of its other words of three letters or more capitalised: names only). Said words are written in
 * sentence case; in a headline, where every word is capitalised, Title Case tells nothing, and a
 * quotation ending on its own comma, question or exclamation mark (`"Oh, God,"`) is speech.
 */
function isTitle(ctx: QuoteContext): boolean {
  if (endsOnClausePunctuation(ctx.text, ctx.open.end, ctx.close.start)) return false;
  if (!isTitleCase(ctx.text.slice(ctx.open.end, ctx.close.start).trim(), ctx.lang)) return false;
  // The words around, but the sentence's first (capitalised wherever it stands).
  const around = [...ctx.before, ...ctx.after].filter((t, i) => !(i === 0 && ctx.before.length > 0) && HAS_WORD.test(t.norm));
  const words = around.map((t) => ctx.text.slice(t.start, t.end)).filter((w) => w.length >= 3);
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return words.length >= 1 && capitalised * 2 <= words.length;
}

/**
 * A name in quotation marks (a group, a movement, a term): few words, nominal, and repeated
 * quoted in the article (`times` counts the quotations with these words) or heading a noun
 * phrase after an article that no verb of saying or cue governs.
 */
function isQuotedName(ctx: QuoteContext, near: { prev1: Token | undefined; prev2: Token | undefined }, nameWords: number, times: number, occurrences: (words: readonly string[]) => number): boolean {
  const { lex, text } = ctx;
  const inner = text.slice(ctx.open.end, ctx.close.start).trim();
  // Words counted before any is folded: a quotation of thousands of words is no name, and was folded whole.
  // (`nameWords`: the words inside the marks as NAME_WORD counts them, up to NAME_MAX_WORDS + 1,
  // counted once for each quotation, `nameWordCount`; the trimmed `inner` has the same.)
  if (nameWords > NAME_MAX_WORDS) return false;
  const ws = (inner.match(NAME_WORD) ?? []).map((w) => fold(w).replace(/['’]$/u, ''));
  if (ws.length === 0 || ws.length > NAME_MAX_WORDS || /[,;:?!.…]/u.test(inner)) return false;
  if (ws.some((w) => NOT_NOMINAL.has(w) || lex.speechVerbs.has(w))) return false;
  // `«un piège politique»` is what something is called (a predicate), `«réunir très rapidement»` a verb phrase.
  // (One capitalised word is a name, whatever its ending: `«Jupiter»` is no infinitive; `«Changer le système»` is one.)
  if (INDEFINITE.has(ws[0]!) || (ctx.lang.startsWith('fr') && (((ws.length > 1 || /^\p{Ll}/u.test(inner)) && FR_INFINITIVE.test(ws[0]!)) || (ws.length === 1 && FR_PARTICIPLE.test(inner))))) return false;
  // French news writes the names of movements in lower case between guillemets; English capitalises
  // names, and quotes a speaker's own words in lower case (`a “quid pro quo”`, PolNeAR).
  if (!ctx.lang.startsWith('fr') && !/^\p{Lu}/u.test(inner)) return false;
  // Right after a verb of saying, its object (`des gilets jaunes crient «bfm collabo»`): what was
  // said, even when the article quotes it twice.
  const { prev1, prev2 } = near;
  if (rightBefore(text, prev1, ctx.open) && lex.speechVerbs.has(prev1.norm) && !lex.distancing.has(prev1.norm)) return false;
  // Quoted twice, a name; not after the verb and an indefinite article (`Olivier Faure a fustigé un
  // «déni de démocratie»`, quoted again in the headline): what the verb's subject called it. (Not
  // after an incise, whose subject follows it: `«…», résume un «gilet jaune»`.)
  // (The words before are read only when the verb and the article are there: made for every short
  // quotation, they were a twelfth of preparing a text of 5 MB, issue 16.)
  const afterVerb = (): boolean => {
    const verb = ctx.before.length - 2;
    return verb >= 1 && !/,/u.test(text.slice(ctx.before[verb - 1]!.end, ctx.before[verb]!.start));
  };
  const called = rightBefore(text, prev1, ctx.open) && INDEFINITE.has(prev1.norm) && prev2 !== undefined && lex.speechVerbs.has(prev2.norm) && !lex.distancing.has(prev2.norm) && afterVerb();
  if (times >= 2 && !called) return true;
  // An acronym in French (`«RIC»`, `«TPMP»`): all capitals, one word: the name of a thing, not
  // someone's word. (English news quotes a speaker's acronym: `brought “SNL” its highest ratings`,
  // PolNeAR's train split, where the rule lost right speakers.)
  if (ws.length === 1 && ctx.lang.startsWith('fr') && ACRONYM.test(inner)) return true;
  // The article also writes the words without marks (`les gilets jaunes` beside `des «gilets
  // jaunes»`): a term of the writer's, not a fragment of someone's speech. Several words only: one
  // word is used unquoted anyway (`risky` beside a heading's `“Risky”`).
  if (ws.length >= 2 && occurrences(quotedWords(text, ctx.open, ctx.close, ctx.lang)) > times) return true;
  // Once only: a name of several words or a capitalised one (`«Jupiter»`, `«RIC»`); one common word may be someone's word (`la «révolution»`).
  if (ws.length < 2 && !/^\p{Lu}/u.test(inner)) return false;
  if (!rightBefore(text, prev1, ctx.open)) return false;
  // `des` after a noun that a determiner opens is `de` and `les` (`le collectif des «gilets jaunes
  // libres»`, `un appel des «…»`): a definite article too; after a verb it is indefinite (`a
  // dénoncé des «…»`, `réclament des «…»`), and a verb has no determiner before it.
  const before = prev1.norm === 'des' && ctx.lang.startsWith('fr') ? ctx.before : [];
  // (The noun's first word, past the hyphens of a compound: `un des porte-parole des «…»`.)
  let k = before.length - 2;
  while (k > 0 && text.slice(before[k - 1]!.end, before[k]!.start) === '-') k--;
  const contracted = k >= 1 && isContentWord(prev2, lex, ctx.lang) && DETERMINERS_FR.has(before[k - 1]!.norm);
  return (NAME_OPENERS.has(prev1.norm) || contracted) && !(prev2 && (lex.speechVerbs.has(prev2.norm) || lex.according.has(prev2.norm) || lex.distancing.has(prev2.norm)));
}


/**
 * Words cried or chanted (`aux cris de «Macron démission»`, `taguer du slogan «…»`: the lexicon's
 * chantNouns): someone's words, a crowd's, even when the sentence holds no verb of saying and the
 * same slogan is quoted again in the article (which makes it look like a name). In French only:
 * English `chants of "…"`, `cries of "…"` are quotations for PolNeAR too, but its annotators name
 * a speaker this rule does not find (on its train split the rule added four quotations with no
 * speaker).
 */
function isChanted(ctx: QuoteContext, near: { prev1: Token | undefined; prev2: Token | undefined }): boolean {
  const { prev1, prev2 } = near;
  if (!ctx.lang.startsWith('fr') || !rightBefore(ctx.text, prev1, ctx.open)) return false;
  if (ctx.lex.chantNouns.has(prev1.norm)) return true;
  return ['de', 'd', "d'"].includes(prev1.norm) && prev2 !== undefined && ctx.lex.chantNouns.has(prev2.norm) && /^\s*$/u.test(ctx.text.slice(prev2.end, prev1.start));
}

/**
 * Whether the quotation between `open` and `close` is a sentence by itself after another
 * quotation: its words start with a capital and end on `.`, `!`, `?` or `…` inside the marks, the
 * text before the opening mark ends a sentence, and a quotation mark stands within 120 characters
 * before it in the same paragraph.
 */
function ownSentence(text: string, open: Span, close: Span): boolean {
  const inner = text.slice(open.end, close.start).trim();
  if (!/^\p{Lu}/u.test(inner) || !/[.!?…]$/u.test(inner)) return false;
  let k = open.start;
  while (k > 0 && SPACE_CHAR.test(text[k - 1]!)) k--;
  // (A closing mark after the stop ends the sentence too: `… leave.” “Do not wait.”`.)
  if (!/[.!?…]["”»’]?$/u.test(text.slice(Math.max(0, k - 2), k))) return false;
  return /["“”«»][^"“”«»\n]{0,120}$/u.test(text.slice(Math.max(0, open.start - 121), open.start));
}

/**
 * Whether `text[start, end)` ends on a comma, a question or an exclamation mark, spaces aside
 * (`/[,?!]\s*$/u` on the slice, read from its end: the expression is tried from every position,
 * and nested quotations made extraction read the text once for each level).
 */
export function endsOnClausePunctuation(text: string, start: number, end: number): boolean {
  let k = end;
  while (k > start && SPACE_CHAR.test(text[k - 1]!)) k--;
  return k > start && (text[k - 1] === ',' || text[k - 1] === '?' || text[k - 1] === '!');
}

/** The words of a quotation as `isQuotedName` counts them in the text (token norms); lib/framing's omissions compare them too. */
export const quotedWords = (text: string, open: Span, close: Span, lang: string): string[] => tokenize(text.slice(open.end, close.start).trim(), lang).map((t) => t.norm);

/** A word as `isQuotedName` counts them. */
const NAME_WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu;

/** Whether `s` has more than `n` words, read up to the one past `n` only. */
function moreWordsThan(s: string, n: number): boolean {
  return wordsUpTo(s, n + 1) > n;
}

/**
 * How many words (NAME_WORD's matches) `s.slice(from, to)` has, counted up to `max` only. Read
 * unit by unit, each unit's class kept (`nameWordClass`): a word opens on a letter or a digit
 * and goes on over letters, marks, digits, apostrophes and hyphens, as the expression reads it;
 * past a surrogate (a character beyond the Basic Multilingual Plane, not classed here) the
 * expression counts the slice. (The expression, tried once per word, took a microsecond and a
 * half per quotation of a 5 MB text, most of them words of one or two units: 26 ms, issue 16.)
 */
export function wordsUpTo(s: string, max: number, from = 0, to = s.length): number {
  let k = 0;
  let i = from;
  while (k < max) {
    // To the unit opening the next word.
    let c = 0;
    for (; i < to; i++) {
      c = nameWordClass(s.charCodeAt(i));
      if (c !== NOT_IN_WORD) break;
    }
    if (i >= to) break;
    if (c === SURROGATE) return wordsUpToByExpression(s.slice(from, to), max);
    if (c === GOES_ON) {
      i++;
      continue;
    }
    k++;
    // Past the units it goes on over.
    for (i++; i < to; i++) {
      c = nameWordClass(s.charCodeAt(i));
      if (c === SURROGATE) return wordsUpToByExpression(s.slice(from, to), max);
      if (c === NOT_IN_WORD) break;
    }
  }
  return k;
}

/** `wordsUpTo` by the expression. */
function wordsUpToByExpression(s: string, max: number): number {
  // (One expression for every call, its place reset: a new one per quotation was a tenth of
  // extraction's garbage. Nothing here calls back into it.)
  COUNTED_WORD.lastIndex = 0;
  let k = 0;
  while (k < max && COUNTED_WORD.test(s)) k++;
  return k;
}
const COUNTED_WORD = new RegExp(NAME_WORD.source, 'gu');

/** Classes of a UTF-16 unit for NAME_WORD: 0 not read yet. */
const OPENS_WORD = 1;
const GOES_ON = 2;
const NOT_IN_WORD = 3;
const SURROGATE = 4;
const NAME_WORD_CLASSES = new Uint8Array(65_536);
const OPENING_UNIT = /^[\p{L}\p{N}]$/u;
const GOING_ON_UNIT = /^[\p{M}'’-]$/u;

/** `NAME_WORD_CLASSES[c]`, read on first use: whether NAME_WORD opens a word on unit `c` (a letter, a digit), goes on over it only (a mark, an apostrophe, a hyphen), or neither. */
function nameWordClass(c: number): number {
  let k = NAME_WORD_CLASSES[c]!;
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = c >= 0xd800 && c <= 0xdfff ? SURROGATE : OPENING_UNIT.test(ch) ? OPENS_WORD : GOING_ON_UNIT.test(ch) ? GOES_ON : NOT_IN_WORD;
    NAME_WORD_CLASSES[c] = k;
  }
  return k;
}

/**
 * The words inside a quotation's marks, counted up to NAME_MAX_WORDS + 1: whether it may be a
 * name (`isQuotedName`), have a key (`quotedKey`) and be counted in the text (two words or more).
 * Counted once for each quotation: each of those read them again (a tenth of the kinds' time on a
 * text of 5 MB, issue 16).
 */
const nameWordCount = (text: string, open: Span, close: Span): number => wordsUpTo(text, NAME_MAX_WORDS + 1, open.end, close.start);

/**
 * The words of a quotation as a key: quotations of the same words count together. Only names are
 * counted (`isQuotedName` reads the count): null past NAME_MAX_WORDS (`nameWords`, the quotation's
 * `nameWordCount`), which left every long quotation folded whole, twice, and a runaway quotation
 * with it (5 MB of joined articles: 58% of extraction's time).
 */
const quotedKey = (text: string, open: Span, close: Span, nameWords: number): string | null => {
  return nameWords > NAME_MAX_WORDS ? null : fold(text.slice(open.end, close.start).trim().replace(/\s+/gu, ' '));
};

/**
 * Words of criminal procedure that govern the name of an offence through `pour` (`porté plainte
 * pour «violences aggravées»`, `une enquête a été ouverte pour «…»`, `mis en examen pour «…»`) or
 * English `with`, `for`, `on` (`charged with "…"`, `arrested for "…"`): that name is a term of the
 * law, which no one in the article says (the lexicon's offenceNouns; not `charge` nor `count`:
 * `in charge of`, `count on`).
 */
const OFFENCE_NOUNS = everyLanguage('offenceNouns');
/**
 * Words that govern an offence's name through `de` or `of` right after them (`le délit
 * d'«outrage»`, `du chef de «…»`, `pour des faits de «…»`, `reconnu coupable de «…»`, `convicted
 * of`, `on suspicion of`, `two counts of`: the lexicon's offenceOfNouns), besides the French
 * participles.
 */
const OFFENCE_OF_NOUNS = everyLanguage('offenceOfNouns');
/**
 * French participles of the procedure (accents folded), heads through `pour` and `de`
 * (`condamné à six mois de prison pour «…»`, `inculpé de «…»`). Several are verbs of saying too
 * (`a condamné`, `a poursuivi`, `a interpellé`, `accuse`): only a participle as written (`condamné`,
 * not `condamne`, which folds the same) and not after `avoir` is one of the law.
 */
const OFFENCE_PARTICIPLES = new Set(
  ['condamn', 'inculp', 'accus', 'soupconn', 'suspect', 'interpell', 'arret', 'jug', 'ecrou', 'verbalis', 'defer', 'incarcer']
    .flatMap((stem) => [`${stem}e`, `${stem}ee`, `${stem}es`, `${stem}ees`])
    .concat(['poursuivi', 'poursuivie', 'poursuivis', 'poursuivies', 'prevenu', 'prevenue', 'prevenus', 'prevenues']),
);
/** A past participle as written (`condamné`, `poursuivis`, `prévenue`). */
const WRITTEN_PARTICIPLE = /(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues)$/u;
/** Forms of `avoir` before a participle: the verb's active voice (`a condamné les violences`), no procedure. */
const AVOIR = new Set(['a', 'ai', 'as', 'avons', 'avez', 'ont', 'avait', 'avaient', 'avais', 'aura', 'auront', 'aurait', 'auraient', 'ayant', 'avoir']);

/** Whether `tokens[k]` is a participle of the procedure, as written and not after `avoir`. */
function offenceParticiple(ctx: QuoteContext, tokens: readonly Token[], k: number): boolean {
  const t = tokens[k]!;
  if (!OFFENCE_PARTICIPLES.has(t.norm) || !WRITTEN_PARTICIPLE.test(ctx.text.slice(t.start, t.end).toLowerCase())) return false;
  const prev = tokens[k - 1];
  return !(prev && AVOIR.has(prev.norm));
}
/**
 * Whether the cue `cue` can give an offence's name to a speaker: a verb of saying of its own, not
 * a participle of the procedure (`X a été condamné pour «…»` names the one condemned) nor a
 * present participle, whose subject is the clause's (`X a porté plainte pour «…», relatant…`:
 * the plaintiff, who names no offence; speaker.ts reads `relatant les faits` as `les faits`).
 */
function givenBy(text: string, cue: Span): boolean {
  const word = fold(text.slice(cue.start, cue.end));
  return !OFFENCE_PARTICIPLES.has(word) && !/\p{L}{2}(?:ant|ing)$/u.test(word);
}

/**
 * Prepositions through which those words govern an offence's name: `pour` (after the word, a few
 * words back: `condamné à six mois de prison pour «…»`), and the complement's `de` right after it
 * (`inculpé de «…»`, `le délit d'«…»`); English `with`, `of`, `for`, `on`. (Not `guilty of`,
 * `accused of` nor `to`: on PolNeAR's train split, `found guilty of "gross negligence"` quotes a
 * statute its annotators count as a quotation, and `accused X of trying to "debase"` a speaker.)
 */
const OFFENCE_FOR = new Set(['pour', 'for', 'on', 'with']);
const OFFENCE_OF = new Set(['de', "d'", 'd', 'of']);
/**
 * How many words back from `pour` the word of the law may stand (`condamné à six mois de prison
 * avec sursis pour`); from English `for`, `on`, `with`, which govern far more than offences
 * (`arrested while fighting for "…"`), a few only (`charged on Monday with`).
 */
const OFFENCE_REACH = 10;
const OFFENCE_REACH_EN = 4;
/** Words that open a noun phrase or stand for a clause's subject: an offence's name starts on its noun. */
const NOT_OFFENCE_START = new Set([...folded('articles', 'possessives', 'nounOpeners', 'auxiliaries'), 'l', 'des', 'du', 'de', 'd', 'ce', 'cet', 'ces', 'mon', 'ma', 'mes', 'votre', 'vos', 'these', 'those', 'that', 'to']);
/** Subject pronouns, reflexives and negations: quoted words holding one are a clause, someone's. */
const CLAUSE_WORDS = new Set([...folded('masculinePronouns', 'femininePronouns'), 'je', 'j', 'tu', 'nous', 'vous', 'ils', 'elles', 'on', 'se', 's', 'me', 'm', 'te', 't', 'ne', 'n', 'pas', 'i', 'we', 'you', 'they', 'not', 'never']);
/** Words that join the quotations of a list (`pour «…», «…» et «…»`). */
const LIST_JOINER = /^\s*(?:,\s*)?(?:(?:et|ou|voire|ainsi que|and|or|as well as)\s+)?$/iu;
/** Offence names run longer than labels (`«violences volontaires sur personne dépositaire de l'autorité publique»`). */
const OFFENCE_MAX_WORDS = 12;

/**
 * Whether the quotation's words could be the name of an offence: a noun phrase of a few words,
 * opening on its noun (not an article, an auxiliary, an infinitive or `to`), with no subject
 * pronoun, reflexive or negation and no clause punctuation.
 */
function offenceWords(ctx: QuoteContext): boolean {
  // (A comma or full stop before the closing mark is the sentence's: `charged with "affray," police said`.)
  const inner = ctx.text.slice(ctx.open.end, ctx.close.start).trim().replace(/[,.]$/u, '');
  if (moreWordsThan(inner, OFFENCE_MAX_WORDS) || /[,;:?!.…]/u.test(inner)) return false;
  const written = inner.match(NAME_WORD) ?? [];
  if (written.length === 0) return false;
  // An offence is named by a common noun, in lower case: a capitalised quotation after `pour` is a
  // name or a sentence (`une enquête Ifop pour «Le Figaro»`, `pour «Les casseurs sont partis»`).
  if (!/^\p{Ll}/u.test(written[0]!)) return false;
  const ws = written.map((w) => fold(w).replace(/['’]$/u, ''));
  if (NOT_OFFENCE_START.has(ws[0]!) || ws.some((w) => CLAUSE_WORDS.has(w))) return false;
  // An infinitive (`«avoir frappé»`, `«mentir aux Français»`, `suspecté de «vendre»`): what someone did or said, not an offence's name.
  return !FR_INFINITIVE.test(ws[0]!) && !FR_INFINITIVE_RE.test(ws[0]!);
}

/**
 * The name of an offence: a quotation governed by a word of criminal procedure through `pour`
 * (OFFENCE_NOUNS and the participles, a few words back) or `de` (OFFENCE_OF_NOUNS and the
 * participles, right before it), English `with`, `for`, `on`, `of`, or one joined to such a
 * quotation by a comma, `et`, `ou`, `and`, `or` (`pour «violences aggravées», «menaces de mort»
 * et «injures»`). Not when a verb of saying stands between the word and `pour` (`une enquête a été
 * ouverte, mais le maire a plaidé pour «…»`): the quotation is then that verb's.
 */
function isOffenceName(ctx: Around, near: { prev1: Token | undefined; prev2: Token | undefined }, afterOffence: Span | null): boolean {
  const { prev1, prev2 } = near;
  if (afterOffence !== null && LIST_JOINER.test(ctx.text.slice(afterOffence.end, ctx.open.start))) return offenceWords(ctx);
  if (!prev1 || !rightBefore(ctx.text, prev1, ctx.open)) return false;
  if (OFFENCE_OF.has(prev1.norm)) {
    // `inculpé de «…»`, `le délit d'«…»`: the word of the law right before `de`. (The sentence's
    // words are read for a participle only: `de «…»` is frequent, and most are no offence.)
    if (!prev2 || !(OFFENCE_OF_NOUNS.has(prev2.norm) || OFFENCE_PARTICIPLES.has(prev2.norm))) return false;
    if (!OFFENCE_OF_NOUNS.has(prev2.norm)) {
      // (The last three words before: the participle, `de`, and the word before the participle,
      // which `offenceParticiple` reads; the others were made for nothing, issue 16.)
      const before = ctx.lastBefore(3);
      const last = before.length - 2;
      if (!(last >= 0 && before[last]!.start === prev2.start && offenceParticiple(ctx, before, last))) return false;
    }
  } else if (OFFENCE_FOR.has(prev1.norm)) {
    const reach = prev1.norm === 'pour' ? OFFENCE_REACH : OFFENCE_REACH_EN;
    // (The words `reach` back from the one before `pour`, and the word before the farthest, which
    // `offenceParticiple` reads: hundreds were made for each `pour «…»` of a long sentence, issue 16.)
    const before = ctx.lastBefore(reach + 2);
    const last = before.length - 2;
    let found = false;
    for (let k = last; k >= 0 && k > last - reach; k--) {
      const t = before[k]!;
      if (OFFENCE_NOUNS.has(t.norm) || offenceParticiple(ctx, before, k)) {
        found = true;
        break;
      }
      if (ctx.lex.speechVerbs.has(t.norm) || ctx.lex.according.has(t.norm)) return false;
    }
    if (!found) return false;
  } else return false;
  return offenceWords(ctx);
}

function classifyKind(ctx: QuoteContext, near: { prev1: Token | undefined; prev2: Token | undefined; next1: Token | undefined; first: Token | undefined }, words: number, nameWords: number, times: number, occurrences: (words: readonly string[]) => number, cueAround: () => boolean): Quote['kind'] {
  const { lex, text, lang } = ctx;
  const { prev1, prev2, next1 } = near;
  const adjacentBefore = rightBefore(text, prev1, ctx.open);
  const adjacentAfter = next1 !== undefined && /^\s*$/u.test(text.slice(ctx.close.end, next1.start));
  const distancing = adjacentBefore && (lex.distancing.has(prev1.norm)
    || (prev2 !== undefined && ['de', "d'", 'd', 'as', 'comme'].includes(prev1.norm) && lex.distancing.has(prev2.norm)));
  if (distancing && words <= DISTANCED_MAX_WORDS) return 'scare';
  if (isTitle(ctx)) return 'scare';
  if (isChanted(ctx, near)) return 'reported';
  if (isQuotedName(ctx, near, nameWords, times, occurrences)) return 'name';
  if (words >= SHORT_MAX_WORDS) return 'reported';
  // A short quotation that is a sentence of its own — opening a sentence, capitalised, closed by
  // its stop inside the marks — right after another quotation and its attribution goes on with
  // those words (`“If you are told to leave, leave,” the governor pleaded. “Do not wait.”`).
  // (Not with narration before it: `«Macron démission !» pouvait-on entendre` is a chant.)
  if (ownSentence(text, ctx.open, ctx.close)) return 'reported';
  const french = lang.startsWith('fr');
  // A quotation that ends on its own clause punctuation (`"It's empire building," Mr. X said`)
  // is a clause, not a label in modifier position.
  const clause = endsOnClausePunctuation(text, ctx.open.end, ctx.close.start);
  if (french && adjacentBefore && isContentWord(prev1, lex, lang) && !clause) return 'scare';
  // English modifier position (`the "moderate" rebels`): not after a subject pronoun or a verb
  // of saying (`said she "loved" working`, `he is "winning"`), nor for a clause.
  if (!french && adjacentAfter && isContentWord(next1, lex, lang) && !clause
    && !(prev1 && (lex.speechVerbs.has(prev1.norm) || lex.impersonal.has(prev1.norm)))) return 'scare';
  return hasCue(ctx, cueAround, near.first) ? 'reported' : 'scare';
}

/**
 * Every quotation of `text` (an article body as `extract` returns it), in text order, nested
 * ones after the quotation that contains them. `lang` picks the cue lexicon (fr, en; others use
 * en). Quotations are found in the text given: pass the extracted body, so that reader comments
 * and other page debris, which extraction sets aside, contribute none.
 */
export function extractQuotes(text: string, lang = 'en'): Quote[] {
  const lex = lexicon(lang);
  const pairs = pairMarks(text);
  if (pairs.length === 0) return [];
  const sents = sentences(text, lang);
  // Kept as they are now for the alignment (`TextTokens.sentences`), which reads them again.
  const sentenceColumns = { starts: Int32Array.from(sents, (x) => x.start), ends: Int32Array.from(sents, (x) => x.end) };
  const nameWords = pairs.map((p) => nameWordCount(text, p.open, p.close));
  const keys = pairs.map((p, i) => quotedKey(text, p.open, p.close, nameWords[i]!));
  // The words `isQuotedName` may count in the text: those of every quotation of two or three words.
  const counted = () => pairs.flatMap((p, i) => (keys[i] !== null && nameWords[i]! > 1 ? [quotedWords(text, p.open, p.close, lang)] : []));
  const words = tokenIndex(text, lang, lex, counted);
  const brackets = bracketIndex(text);
  const quotes: Quote[] = [];
  // Depth-0 quotations never overlap (a closer at depth 0 empties the stack): sorted and disjoint.
  const topLevel = pairs.filter((p) => p.depth === 0).map((p) => ({ start: p.open.start, end: p.close.end }));
  const times = new Map<string, number>();
  for (const k of keys) if (k !== null) times.set(k, (times.get(k) ?? 0) + 1);
  // The closing mark of the last quotation read as the name of an offence (a list of them follows it).
  let lastOffence: Span | null = null;
  for (const [i, pair] of pairs.entries()) {
    // The quoted words, without leading spaces and trailing `,;:` and spaces (scanned from the
    // ends: a regex anchored at the end reads the whole quotation, every level of a nesting).
    let start = pair.open.end;
    let end = pair.close.start;
    while (start < end && SPACE_CHAR.test(text[start]!)) start++;
    while (end > start && TRAILING_CHAR.test(text[end - 1]!)) end--;
    if (end <= start || !HAS_WORD.test(text.slice(start, end)) || codeString(text, pair)) continue;
    const s0 = sentenceAt(sents, pair.open.start) ?? { start: pair.open.start, end: pair.close.end };
    const s1 = sentenceAt(sents, pair.close.start) ?? s0;
    const sentence = bounded(words, { start: Math.min(s0.start, pair.open.start), end: Math.max(s1.end, pair.close.end) }, pair);
    // `“Long live freedom of speech!” Margarita Simonyan, the editor in chief of RT, wrote.`: a
    // quotation ending on ? or ! ends the sentence for the splitter, but the attribution after it,
    // in the same paragraph, with a verb of saying before any full stop, belongs to it.
    // So after a full stop or an ellipsis (`…missing.” Trump said.`, `…?’” Weaver said.`) when
    // the next sentence is only a name (capitalised words) or a pronoun and its verb of saying, followed
    // by nothing or by an adjunct (`told reporters`, `said as he left`), not by a clause of its own
    // (`Trump said the polls…`, `said that…`, `said he…`): a sentence of attribution alone.
    let last = pair.close.start;
    while (last > pair.open.end && (SPACE_CHAR.test(text[last - 1]!) || /['’"”»]/u.test(text[last - 1]!))) last--;
    const stop = last > pair.open.end ? text[last - 1]! : '';
    if (/[?!.…]/u.test(stop) && sentence.end <= pair.close.end + 1) {
      const next = sentenceAt(sents, pair.close.end + (/^[ \t]+/u.exec(text.slice(pair.close.end, pair.close.end + CONTEXT_CHARS))?.[0].length ?? 0));
      if (next && !text.slice(pair.close.end, next.start).includes('\n')) {
        const head = words.within(next.start, next.end, 16);
        const v = head.findIndex((t, k) => lex.speechVerbs.has(t.norm) && !/^(went|put)/u.test(t.norm) && !(/^continu/u.test(t.norm) && ['to', 'on'].includes(head[k + 1]?.norm ?? '')));
        const verb = head[v];
        // (Never a sentence quoting words of its own: `He added, “…”` attributes those.)
        const adjunct = (t: Token | undefined): boolean => t === undefined || (/^\s+$/u.test(text.slice(verb!.end, t.start)) && (lex.adjunctStarts.has(t.norm) || (/^(?:told|tells)$/u.test(verb!.norm) && /^\p{Ll}/u.test(t.text) && !['that', ...lex.impersonal].includes(t.norm))));
        const alone = /[?!]/u.test(stop) || (!/[“"«‘]/u.test(text.slice(next.start, next.end)) && v >= 1 && v <= 4 && head.slice(0, v).every((t) => /^\p{Lu}/u.test(t.text)) && /^\p{Ll}/u.test(verb!.text) && !lex.according.has(verb!.norm) && adjunct(head[v + 1]));
        // (`next` is one sentence of lib/text's splitter: a full stop inside it ends none — `Sen.`,
        // `IG Ltd.,` — so only a colon, a semicolon or another ? or ! keeps the verb from it.)
        if (v >= 0 && alone && !/[!?:;]/u.test(text.slice(next.start, head[v]!.start))) sentence.end = bounded(words, next, pair).end;
      }
    }
    // Cue words inside another top-level quotation of the sentence are someone's words, not a cue.
    const encloses = (q: Span): boolean => q.start <= pair.open.start && q.end >= pair.close.end;
    const others = overlapping(topLevel, sentence).filter((q) => !encloses(q));
    const other = (q: Span): boolean => q.start < sentence.end && q.end > sentence.start && !encloses(q);
    const container = pair.depth > 0 ? topLevel[lastStartingBy(topLevel, pair.open.start)] : undefined;
    // For a nested quotation the "sentence" it is read in is the enclosing quotation's words.
    const scope = container && encloses(container) ? bounded(words, { start: container.start + 1, end: container.end - 1 }, pair) : sentence;
    // The words around the quotation, read when a rule needs them all (most need the nearest three).
    const ctx = new Around(text, lang, lex, scope, pair.open, pair.close, others, sents, words, topLevel, other);
    const nearBefore = words.outsideEnds(scope.start, pair.open.start, topLevel, other);
    // (`first`: the first word before, `ctx.before[0]`.)
    const near = { prev1: nearBefore.last, prev2: nearBefore.beforeLast, next1: words.outsideEnds(pair.close.end, scope.end, topLevel, other, true).first, first: nearBefore.first };
    // The rules compare the count with SHORT_MAX_WORDS and DISTANCED_MAX_WORDS only: counted up to just past them.
    const enough = DISTANCED_MAX_WORDS + 1;
    // (Counted from the token columns: the quotation's first words were made as tokens, most for nothing, issue 16.)
    const hasWord = (norm: string) => HAS_WORD.test(norm);
    const head = words.countWithin(start, end, 2 * enough, hasWord);
    let count = head.passing;
    if (count < enough && head.length === 2 * enough) count = words.countWithin(start, end, Infinity, hasWord).passing;
    const key = keys[i]!;
    // `ctx.before` or `ctx.after` holds a verb of saying or `selon` (`hasCue`), read from the columns.
    // (German `so` right after the quotation's comma is one too: `„…“, so Weber`.)
    const so = (norm: string, at: number) => norm === 'so' && ctx.lang.startsWith('de') && /^\s*,\s*$/u.test(text.slice(pair.close.end, at)) && /^so\s+(?:\p{Lu}|(?:der|die|das)\s)/u.test(text.slice(at, at + 8));
    const isCue = (norm: string, at: number) => (lex.speechVerbs.has(norm) || lex.according.has(norm) || so(norm, at)) && !(SEE_ALSO_VERBS.has(norm) && seeAlsoAt(text, at));
    const cueAround = () => words.someOutside(scope.start, pair.open.start, topLevel, other, isCue) || words.someOutside(pair.close.end, scope.end, topLevel, other, isCue);
    // The name of an offence (`mis en examen pour «…»`) is a term, unless the sentence names who
    // gave it with a verb of saying of its own (`…pour «…», a précisé le parquet`): the prosecutor's
    // qualification is then their words. Never a quotation with no speaker, nor one whose speaker
    // a participle of the procedure gave (`X a été condamné pour «…»` names the one condemned).
    const offence: boolean = isOffenceName(ctx, near, lastOffence);
    lastOffence = offence ? pair.close : null;
    const kind = offence ? 'reported' : classifyKind(ctx, near, Math.min(count, enough), nameWords[i]!, key === null ? 1 : times.get(key) ?? 1, (ws) => words.occurrences(ws), cueAround);
    const insertions = brackets.within(start, end);
    const quote: Quote = {
      text: text.slice(start, end), start, end, kind, speaker: null, speakerSpan: null, mention: null, cue: null,
      marks: { open: pair.open, close: pair.close }, depth: pair.depth, multiParagraph: pair.multiParagraph, insertions,
    };
    quotes.push(quote);
    if (kind === 'reported' && pair.depth === 0) {
      const found = findSpeaker(ctx, quotes);
      if (offence && !(found?.speaker && found.cue && givenBy(text, found.cue))) quote.kind = 'name';
      else if (found) Object.assign(quote, found);
    } else if (offence) quote.kind = 'name';
  }
  const { starts, ends, words: known } = words.columns;
  TEXT_TOKENS.set(quotes, { text, lang, starts, ends, words: known, sentences: sentenceColumns });
  return quotes;
}

/** The tokens of a text in columns (lib/text `tokenColumns`), the text and language they were made for. */
export interface TextTokens {
  text: string;
  lang: string;
  starts: Int32Array;
  ends: Int32Array;
  words: readonly KnownWord[];
  /**
   * `sentences(text, lang)` as extraction read it, in columns (copied before any rule ran: no rule
   * can change them): the alignment's sentence index reads them instead of splitting the text
   * again (a 5 MB text: 70 ms, issue 16).
   */
  sentences: { starts: Int32Array; ends: Int32Array };
}

/** By the quotations `extractQuotes` returned, the text's tokens it made (the columns only: not the index around them). */
const TEXT_TOKENS = new WeakMap<readonly Quote[], TextTokens>();

/**
 * The tokens of `text` read when `quotes` were extracted from it in `lang`, if they were (the
 * alignment slices a quotation's words from them instead of tokenising it again: issue 16).
 */
export function textTokens(quotes: readonly Quote[], text: string, lang: string): TextTokens | null {
  const t = TEXT_TOKENS.get(quotes);
  return t !== undefined && t.text === text && t.lang === lang ? t : null;
}

/**
 * Context read around a quotation, in characters on each side: a sentence (or an enclosing
 * quotation) longer than this — a runaway mark keeps a whole text in one "sentence" — is read
 * only this far from the quotation, so each quotation costs a bounded amount of work. A long
 * news sentence is 300 characters, but the splitter keeps a quotation's sentence whole: at 1,000
 * two speakers of the gilets-jaunes fixtures changed; at 3,000 none of 343 fixture texts did.
 */
export const CONTEXT_CHARS = 3_000;

/** `span` cut to CONTEXT_CHARS around `pair`, at word boundaries. */
function bounded(words: TokenIndex, span: Span, pair: { open: Span; close: Span }): Span {
  const out = { ...span };
  if (pair.open.start - out.start > CONTEXT_CHARS) out.start = words.wordStartAfter(pair.open.start - CONTEXT_CHARS, pair.open.start);
  if (out.end - pair.close.end > CONTEXT_CHARS) out.end = words.wordEndBefore(pair.close.end + CONTEXT_CHARS, pair.close.end);
  return out;
}

/** Index of the last span starting at or before `at` in sorted disjoint `spans`, or -1. */
function lastStartingBy(spans: readonly Span[], at: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start <= at) lo = mid + 1;
    else hi = mid - 1;
  }
  return hi;
}

/** The spans of sorted disjoint `spans` overlapping `range`. */
function overlapping(spans: readonly Span[], range: Span): Span[] {
  let i = lastStartingBy(spans, range.start);
  if (i < 0 || spans[i]!.end <= range.start) i++;
  const out: Span[] = [];
  for (; i < spans.length && spans[i]!.start < range.end; i++) out.push(spans[i]!);
  return out;
}

/**
 * The words right around a quotation that the kind rules read first: the first word after it
 * (`ctx.after[0]`) and the last two before it (`ctx.before`'s last two), found without reading
 * the whole context, which most quotations never need.
 */
interface Near {
  first: Token | undefined;
  last: Token | undefined;
  beforeLast: Token | undefined;
}

/** The text's words, tokenised once; the words of any range are read from it (issue 16: linear extraction). */
interface TokenIndex {
  /** Tokens of `text.slice(start, end)`, offsets into the text (at most `limit`). */
  within(start: number, end: number, limit?: number): Token[];
  /**
   * How many tokens `within(start, end, limit)` gives (`length`), and how many of them have a
   * `norm` for which `test` holds (`passing`), read from the columns without making the tokens.
   */
  countWithin(start: number, end: number, limit: number, test: (norm: string) => boolean): { length: number; passing: number };
  /**
   * `within(start, end)` without the tokens inside a span of `spans` (sorted, disjoint) for which
   * `skip` holds: the spans are read along with the tokens (a search per token was a fifth of
   * extraction on a text of many quotations, each read with the 3,000 characters around it).
   */
  outside(start: number, end: number, spans: readonly Span[], skip: (span: Span) => boolean): Token[];
  /** Whether a token of `outside(start, end, spans, skip)` has a `norm` for which `test` holds, read without making the tokens. */
  someOutside(start: number, end: number, spans: readonly Span[], skip: (span: Span) => boolean, test: (norm: string, at: number) => boolean): boolean;
  /**
   * The first, last and last but one tokens of `outside(start, end, spans, skip)`, found without
   * reading the others; the first only when `firstOnly` (the word after a quotation: the last
   * two were made as tokens for nothing, issue 16).
   */
  outsideEnds(start: number, end: number, spans: readonly Span[], skip: (span: Span) => boolean, firstOnly?: boolean): Near;
  /** The last `count` tokens of `outside(start, end, spans, skip)` (all when fewer), in order, found without reading the others. */
  lastOutside(start: number, end: number, spans: readonly Span[], skip: (span: Span) => boolean, count: number): Token[];
  /** The tokens in columns (`QuoteContext.columns`). */
  columns: TextColumns;
  /** Start of the first word at or after `at` (`bound` when none before it). */
  wordStartAfter(at: number, bound: number): number;
  /** End of the last word ending at or before `at` (`bound` when none after it). */
  wordEndBefore(at: number, bound: number): number;
  /** How often `words` (folded, a final plural s or x aside) occur in a row in the text, quoted or not. */
  occurrences(words: readonly string[]): number;
}

/** `t`, or `t` read as a verb of saying of two words with the word after it (`shot back`). */
function phrasalCue(text: string, t: Token, next: { start: number; norm: string } | undefined, lex: Lexicon): Token {
  if (!next || !phrasalFirsts(lex).has(t.norm) || text.slice(t.end, next.start) !== ' ') return t;
  const phrase = `${t.norm} ${next.norm}`;
  return lex.speechVerbs.has(phrase) ? { ...t, norm: phrase } : t;
}

const PHRASAL_FIRSTS = new WeakMap<Lexicon, Set<string>>();
/** The first words of the lexicon's verbs of saying of two words. */
function phrasalFirsts(lex: Lexicon): Set<string> {
  let firsts = PHRASAL_FIRSTS.get(lex);
  if (!firsts) {
    firsts = new Set([...lex.speechVerbs].filter((v) => / /u.test(v)).map((v) => v.split(' ')[0]!));
    PHRASAL_FIRSTS.set(lex, firsts);
  }
  return firsts;
}

/** Word sequences to count, as a trie on their words (`occurrences`). */
interface SequenceNode {
  /** How often the words from the root to here occur in a row, when a sequence ends here (else -1). */
  count: number;
  next: Map<string, SequenceNode> | null;
}

/** Sequences longer than this are counted on their own (a quotation of three words, hyphens split). */
const MAX_COUNTED_WORDS = 16;

/**
 * `tokens` is the text's words; `counted` gives, on the first look-up, every sequence that
 * `occurrences` may be asked for: all are counted in one pass over the text (Aho and Corasick's
 * idea, on words: a trie of the sequences walked from each word). Each look-up read the places
 * of its first word, and a common first word (`les`) made that a reading of the text per
 * quotation (issue 16).
 */
function tokenIndex(text: string, lang: string, lex: Lexicon, counted: () => (readonly string[])[] = () => []): TokenIndex {
  // In columns: an object per token only for the tokens a rule reads, made once (quotations
  // close together read the same words around them).
  const { count: n, starts, ends, words, slots, token: make } = tokenColumns(text, lang);
  const made: (Token | null)[] = new Array<Token | null>(n).fill(null);
  // A verb of saying of two words in the lexicon (`shot back`, `fired back`) is read as one: the
  // first word's `norm` becomes the phrase, so the cue rules, which read one token, see a verb of
  // saying (`Sanders shot back, “…”`) where `shot` alone is none. (Counting reads `words`, as written.)
  const firsts = phrasalFirsts(lex);
  // (`phrasalCue` with the next token read from the columns: no object made for it, no slice of
  // the text between the two, for each of a 5 MB text's 830,000 tokens.)
  const token = (i: number): Token => {
    let t = made[i];
    if (t != null) return t;
    t = make(i);
    if (i + 1 < n && firsts.has(t.norm) && starts[i + 1] === ends[i]! + 1 && text.charCodeAt(ends[i]!) === 0x20) {
      const phrase = `${t.norm} ${words[i + 1]!.norm}`;
      if (lex.speechVerbs.has(phrase)) t = { ...t, norm: phrase };
    }
    return (made[i] = t);
  };
  // First token starting at or after `at`.
  const firstStartingFrom = (at: number): number => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! >= at) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  // The tokens of `[start, end)` as an index range, when no word is cut by it (`within`).
  const uncut = (start: number, end: number): [number, number] | null => {
    if (end <= start) return [0, 0];
    const i = firstEndingAfter(ends, n, start);
    const k = firstEndingAfter(ends, n, end);
    if ((i < n && starts[i]! < start) || (k < n && starts[k]! < end)) return null;
    return [i, k];
  };
  // Calls `visit` with each token of `[from, to)` no skipped span holds, in order; true as soon
  // as `visit` returns true. Walks the spans along the tokens (the last span starting at or
  // before each token, and whether its tokens are left out), without a look-up per token.
  const eachOutside = ([from, to]: [number, number], spans: readonly Span[], skip: (s: Span) => boolean, visit: (x: number) => boolean | void): boolean => {
    if (from >= to) return false;
    let k = lastStartingBy(spans, starts[from]!);
    let skipped = k >= 0 && skip(spans[k]!);
    for (let x = from; x < to; x++) {
      if (k + 1 < spans.length && spans[k + 1]!.start <= starts[x]!) {
        k = lastStartingBy(spans, starts[x]!);
        skipped = skip(spans[k]!);
      }
      if (!(k >= 0 && skipped && ends[x]! <= spans[k]!.end) && visit(x)) return true;
    }
    return false;
  };
  // (Token norms are folded already: lib/text `tokenize`.)
  const singular = (norm: string): string => (norm.length > 2 && (norm.endsWith('s') || norm.endsWith('x')) ? norm.slice(0, -1) : norm);
  const counts = new Map<string, number>();
  let ready = false;
  /** Counts every sequence `counted` gives, in one pass over the text. */
  const countAll = (): void => {
    const root = new Map<string, SequenceNode>();
    const found: [string, SequenceNode][] = [];
    // The words that go on a sequence: the keys of every level but the root's.
    const following = new Set<string>();
    for (const ws of counted()) {
      if (ws.length === 0 || ws.length > MAX_COUNTED_WORDS) continue;
      const keys = ws.map(singular);
      let level = root;
      let node: SequenceNode | undefined;
      for (const [j, k] of keys.entries()) {
        // Reached by every word whose singular is `k` (`k`, `ks`, `kx`): the text's words are read
        // as they are, no singular made for each.
        const w = [k, `${k}s`, `${k}x`].find((x) => singular(x) === k)!;
        node = level.get(w);
        if (!node) {
          node = { count: -1, next: null };
          for (const x of [k, `${k}s`, `${k}x`]) {
            if (singular(x) !== k) continue;
            level.set(x, node);
            if (level !== root) following.add(x);
          }
        }
        if (j + 1 < keys.length) level = node.next ??= new Map();
      }
      if (node!.count < 0) {
        node!.count = 0;
        found.push([keys.join(' '), node!]);
      }
    }
    // The root's node of each distinct word, looked up once: the tokens share their words' objects,
    // and a look-up by a word's identity is cheaper than by its string (most words start no sequence).
    // By the word's slot when the columns give them (`TokenColumns.slots`): an array read for each
    // of a 5 MB text's 830,000 tokens, not a look-up in a map by word (a third of this count's
    // time, issue 16). In `bySlot`, 0: not looked up; 1: no sequence starts on the word; k + 2:
    // `rootNodes[k]`.
    const rootOf = new Map<KnownWord, SequenceNode | null>();
    const bySlot = slots !== null ? new Int32Array(KNOWN_WORD_SLOTS) : null;
    const rootNodes: SequenceNode[] = [];
    // By slot, whether the word goes on any sequence (0: not looked up, 1: no, 2: yes): the word
    // after a sequence's first, most often none, is known so without reading its string and
    // looking it up in the level (365,000 look-ups on a 5 MB text, half of this count, issue 16).
    const followsBySlot = slots !== null ? new Uint8Array(KNOWN_WORD_SLOTS) : null;
    for (let i = 0; i < n; i++) {
      let node: SequenceNode | null | undefined;
      if (bySlot !== null) {
        const slot = slots![i]!;
        let at = bySlot[slot]!;
        if (at === 0) {
          const found = root.get(words[i]!.norm);
          if (found !== undefined) rootNodes.push(found);
          at = bySlot[slot] = found !== undefined ? rootNodes.length + 1 : 1;
        }
        node = at === 1 ? null : rootNodes[at - 2]!;
      } else {
        const w = words[i]!;
        node = rootOf.get(w);
        if (node === undefined) {
          node = root.get(w.norm) ?? null;
          rootOf.set(w, node);
        }
      }
      for (let j = i + 1; node; j++) {
        if (node.count >= 0) node.count++;
        if (!node.next || j >= n) break;
        if (followsBySlot !== null) {
          const slot = slots![j]!;
          let follows = followsBySlot[slot]!;
          if (follows === 0) follows = followsBySlot[slot] = following.has(words[j]!.norm) ? 2 : 1;
          // (No level but the root's has the word: `node.next` has it not.)
          if (follows === 1) break;
        }
        node = node.next.get(words[j]!.norm);
      }
    }
    for (const [key, node] of found) counts.set(key, node.count);
  };
  return {
    occurrences(ws) {
      if (ws.length === 0) return 0;
      if (!ready) {
        countAll();
        ready = true;
      }
      const keys = ws.map(singular);
      const key = keys.join(' ');
      let c = counts.get(key);
      if (c === undefined) {
        // Not given by `counted` (or too long for the trie): counted on its own, once.
        c = 0;
        for (let i = 0; i + keys.length <= n; i++) if (keys.every((k, j) => singular(words[i + j]!.norm) === k)) c++;
        counts.set(key, c);
      }
      return c;
    },
    within(start, end, limit = Infinity) {
      if (end <= start) return [];
      const i = firstEndingAfter(ends, n, start);
      const out: Token[] = [];
      let k = i;
      for (; k < n && ends[k]! <= end && out.length < limit; k++) out.push(token(k));
      // A word cut by the range (never at a quotation mark or a sentence start, which break words):
      // the range is segmented on its own, as a slice of text would be.
      const cut = (i < n && starts[i]! < start) || (out.length < limit && k < n && starts[k]! < end);
      if (!cut) return out;
      const slice = text.slice(start, end);
      const tokens = tokenize(slice, lang);
      return tokens.slice(0, limit).map((t, j) => shift(phrasalCue(slice, t, tokens[j + 1], lex), start));
    },
    countWithin(start, end, limit, test) {
      if (end > start) {
        const i = firstEndingAfter(ends, n, start);
        let k = i;
        let passing = 0;
        for (; k < n && ends[k]! <= end && k - i < limit; k++) {
          // (`token(k).norm` is the word's norm, or the phrase of a verb of saying that opens on
          // it: read from the token, made, then.)
          const norm = words[k]!.norm;
          if (made[k] == null && !firsts.has(norm) ? test(norm) : test(token(k).norm)) passing++;
        }
        const cut = (i < n && starts[i]! < start) || (k - i < limit && k < n && starts[k]! < end);
        if (!cut) return { length: k - i, passing };
      }
      const list = this.within(start, end, limit);
      return { length: list.length, passing: list.filter((t) => test(t.norm)).length };
    },
    outside(start, end, spans, skip) {
      const range = uncut(start, end);
      if (!range) {
        // A word cut by the range: its tokens read as `within` reads them.
        const list = this.within(start, end);
        return list.filter((t) => holder(spans, skip, t.start, t.end) === undefined);
      }
      const out: Token[] = [];
      eachOutside(range, spans, skip, (x) => void out.push(token(x)));
      return out;
    },
    someOutside(start, end, spans, skip, test) {
      const range = uncut(start, end);
      if (!range) return this.outside(start, end, spans, skip).some((t) => test(t.norm, t.start));
      const firsts = phrasalFirsts(lex);
      // Each token's norm as `token(x)` gives it (`phrasalCue`).
      return eachOutside(range, spans, skip, (x) => {
        let norm = made[x]?.norm ?? words[x]!.norm;
        if (made[x] == null && x + 1 < n && firsts.has(norm) && starts[x + 1] === ends[x]! + 1 && text.charCodeAt(ends[x]!) === 0x20) {
          const phrase = `${norm} ${words[x + 1]!.norm}`;
          if (lex.speechVerbs.has(phrase)) norm = phrase;
        }
        return test(norm, starts[x]!);
      });
    },
    outsideEnds(start, end, spans, skip, firstOnly = false) {
      const range = uncut(start, end);
      if (!range) {
        const all = this.outside(start, end, spans, skip);
        return { first: all[0], last: all[all.length - 1], beforeLast: all[all.length - 2] };
      }
      const [from, to] = range;
      let first: Token | undefined;
      for (let x = from; x < to;) {
        const q = holder(spans, skip, starts[x]!, ends[x]!);
        if (!q) {
          first = token(x);
          break;
        }
        // Past the span's tokens (those ending inside it; the next ends after it).
        x = Math.max(x + 1, firstEndingAfter(ends, n, q.end));
      }
      const lasts: Token[] = [];
      for (let x = to - 1; !firstOnly && x >= from && lasts.length < 2;) {
        const q = holder(spans, skip, starts[x]!, ends[x]!);
        if (!q) {
          lasts.push(token(x));
          x--;
        } else x = Math.min(x - 1, firstStartingFrom(q.start) - 1);
      }
      return { first, last: lasts[0], beforeLast: lasts[1] };
    },
    lastOutside(start, end, spans, skip, count) {
      const range = uncut(start, end);
      if (!range) {
        const all = this.outside(start, end, spans, skip);
        return all.slice(Math.max(0, all.length - count));
      }
      // Backwards as `outsideEnds` reads the last two.
      const [from, to] = range;
      const lasts: Token[] = [];
      for (let x = to - 1; x >= from && lasts.length < count;) {
        const q = holder(spans, skip, starts[x]!, ends[x]!);
        if (!q) {
          lasts.push(token(x));
          x--;
        } else x = Math.min(x - 1, firstStartingFrom(q.start) - 1);
      }
      return lasts.reverse();
    },
    columns: { starts, ends, words, range: uncut },
    wordStartAfter(at, bound) {
      let i = firstEndingAfter(ends, n, at);
      if (i < n && starts[i]! < at) i++;
      return Math.min(i < n ? starts[i]! : bound, bound);
    },
    wordEndBefore(at, bound) {
      const i = firstEndingAfter(ends, n, at) - 1;
      return i >= 0 ? Math.max(ends[i]!, bound) : bound;
    },
  };
}

/** The span of sorted disjoint `spans` holding the token `[start, end)` and leaving it out (`skip`), if any. */
function holder(spans: readonly Span[], skip: (span: Span) => boolean, start: number, end: number): Span | undefined {
  const q = spans[lastStartingBy(spans, start)];
  return q !== undefined && end <= q.end && skip(q) ? q : undefined;
}

/** Editorial brackets of the text, found once; those of a quotation read from them. */
function bracketIndex(text: string): { within(start: number, end: number): Span[] } {
  const all = [...text.matchAll(BRACKETED)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  return {
    within(start, end) {
      const i = lastStartingBy(all, start - 1);
      // A bracket open before the quotation and closed inside it: the quotation's text is read on its own.
      if (all[i] !== undefined && all[i]!.end > start) {
        return [...text.slice(start, end).matchAll(BRACKETED)].map((m) => ({ start: start + m.index, end: start + m.index + m[0].length }));
      }
      const out: Span[] = [];
      for (let k = i + 1; k < all.length && all[k]!.end <= end; k++) out.push({ ...all[k]! });
      return out;
    },
  };
}

function shift(t: Token, by: number): Token {
  return { ...t, start: t.start + by, end: t.end + by };
}
