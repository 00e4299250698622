/**
 * The framing of a page beside one other version, as a reader sees it: only what tells the
 * reader something, ranked, each list cut into what is shown and what waits behind "more".
 * Every choice of what to show is made here, so that the panel, the CLI and the evaluation
 * (tests/evals/framing.ts) read the same rows.
 *
 * - Actors: a row only when the two versions name the actor differently in a way that carries
 *   meaning (a qualifier such as `so-called` or a scare quote, a label from the alias lexicon
 *   with its connotation, a descriptive label or modifier one uses and the other does not);
 *   never a longer or shorter form of the same name, never a date, a figure or a title of a work.
 * - Word choice: charged verbs of saying where both tell the same thing, beside the neutral verb
 *   the other uses (lib/framing/word-choice; loaded words without such a counterpart were
 *   measured and left out, too often wrong for the panel).
 * - Scare quotes: quotation marks that keep a distance from words the other version uses
 *   plainly where it tells the same thing; not titles (Title Case), not figures, not words the same article also uses plainly
 *   (the usual name of a movement, quoted at first mention).
 * - Who speaks: name-like sources only, a title (`the president`) resolved to the person the
 *   article names with it; fragments and datelines dropped.
 * - The headline difference as data, for the view to name the outlets in its own language.
 *
 * @module
 */
import { entityKey } from '../match';
import { isHonorific, isStopword, wordsOfEveryLanguage } from '../text';
import type { Quote, Span } from '../quotes';
import { articleFraming, checkDeadline, compareFraming, deadlineTicker, type ArticleFraming, type FramingDeadline, type FramingInput } from './index';
import type { ActorLabel, ActorRow } from './group';
import type { ActorMention } from './actors';
import { nameHeads } from './group';
import type { HeadlineDifference } from './headlines';
import { compiledLexicon } from './lexicon';
import { lexicon as quoteLexicon } from '../quotes/lexicon';
import type { Source } from './sources';
import { bestCounterpart, stemmedIn, type StemmedText } from './omissions';
import { spanIndex, type SpanIndex } from './spans';
import { compareWordChoice, findWordChoice, MIN_ALIGNED, MIN_SHARED } from './word-choice';
import { lowerNoAccents, stop, words } from './words';

/** A stretch of one version's text: exactly `text.slice(start, end)` of that version. */
export interface TextSpan extends Span {
  text: string;
}

/** A label an outlet uses for an actor, with the words that carry its framing. */
export interface ActorLabelView extends TextSpan {
  /** Framing modifiers inside the label (`prétendue`, `«modérés»`, `supportés par Washington`). */
  modifiers: string[];
  /** What the alias lexicon says of the label's connotation, when it knows it: a message id (`framing.note.<note>`), worded by the UI in the reader's language. */
  note: string | null;
}

/** Why an actor row is shown, strongest first: a qualifier, a connotation, a label. */
export type ActorRowReason = 'qualifier' | 'connotation' | 'label';

export interface ActorRowView {
  /** The actor as the texts name it (for a lexicon actor, the page's most used label). */
  actor: string;
  /** A lexicon actor or office: its id, named by the UI in the reader's language (`framing.actor.<id, - as _>`). */
  lexiconId: string | null;
  reason: ActorRowReason;
  /** The labels that make the difference (or, on a side without one, its usual name for the actor). */
  page: ActorLabelView[];
  other: ActorLabelView[];
}

export interface WordChoiceView {
  side: 'page' | 'other';
  kind: 'saying' | 'evaluative';
  /** What the word does: a key of the lexicon's `senses` (`attack`, `concession`, `negative`…). */
  sense: string;
  word: TextSpan;
  /** The sentence holding the word, and the other version's sentence telling the same thing. */
  sentence: TextSpan;
  counterpart: TextSpan;
  /** The neutral verb of saying the other version uses there (`said`, `a déclaré`). */
  neutral: TextSpan;
}

export interface ScareQuoteView {
  side: 'page' | 'other';
  /** The quoted words with their marks. */
  quote: TextSpan;
  /** The same words used plainly in the other version. */
  plain: TextSpan;
}

export type HeadlineNoteView =
  | { kind: 'joint'; joint: 'page' | 'other'; subject: string[]; actor: string[]; objects: string[] }
  | { kind: 'subjects'; page: string[]; other: string[] }
  | { kind: 'only'; side: 'page' | 'other'; subject: string[] };

/** A ranked list, cut where the panel stops before "more". */
export interface Ranked<T> {
  shown: T[];
  more: T[];
}

/** How the page and one stored version of the story frame it. */
export interface FramingView {
  /** The stored article compared with. */
  articleId: number;
  actors: Ranked<ActorRowView>;
  wordChoice: Ranked<WordChoiceView>;
  scareQuotes: Ranked<ScareQuoteView>;
  /** Who speaks: sources cited in only one version, and in both. */
  sources: { onlyPage: string[]; onlyOther: string[]; both: string[] };
  /** Statements with no counterpart in the other version, most carrying first, each with what the other never names. */
  omissions: { onlyPage: OmissionView[]; onlyOther: OmissionView[] };
  headlines: { page: string | null; other: string | null; note: HeadlineNoteView | null };
}

/** A statement one version has and the other does not: `absent` (offsets into `text`) is what the other version nowhere names, quotes or gives. */
export interface OmissionView {
  text: string;
  absent: { start: number; end: number }[];
}

/** How many of each list fit on one screen before "more". */
export const SHOWN = { actors: 4, wordChoice: 4, scareQuotes: 3 } as const;
const MAX_OMISSIONS = 5;

const ranked = <T>(list: T[], n: number): Ranked<T> => ({ shown: list.slice(0, n), more: list.slice(n) });
const side = (s: 'a' | 'b') => (s === 'a' ? 'page' : 'other');
const span = (text: string, s: Span): TextSpan => ({ text: text.slice(s.start, s.end), start: s.start, end: s.end });

// --- Actors

const SHOWN_MODIFIERS = new Set(['hedge', 'scare', 'adjective', 'agent', 'classifier', 'complement']);
const WEIGHT: Record<ActorRowReason, number> = { qualifier: 3, connotation: 2, label: 1 };

interface Feature { key: string; reason: ActorRowReason }

/** The words' matching keys, function words aside: `rebelles` and `rebels` meet their own forms. */
function keyOf(s: string, lang: string): string {
  return words(s, lang).filter((w) => !stop(w, lang) && w.lower !== "'s").map((w) => w.key).join(' ');
}

/**
 * What a label says beyond the name: a qualifier (a hedge, a scare quote on a common noun), a
 * charged lexicon label, an agent phrase, a classifier with its adjective (`groupe terroriste`),
 * or a modifier or apposition holding an evaluative word (`staunch`, `the president's buddy`).
 * An office (`the group's chief executive`) or a quoted name is a form of the name.
 */
function features(l: ActorLabel, text: string, lang: string): Feature[] {
  const out: Feature[] = [];
  const head = text.slice(l.head.start, l.head.end);
  // A quotation after a name is the name's words or a title (`Donald Trump «ne croit pas»`, `«acte VII»`), not a distance from a label.
  const common = !/^\p{Lu}/u.test(head);
  for (const m of l.modifiers) {
    if (m.kind === 'hedge') out.push({ key: `q:${keyOf(m.text, lang)}`, reason: 'qualifier' });
    else if (m.kind === 'scare' && common) out.push({ key: 'q:scare', reason: 'qualifier' });
    else if ((m.kind === 'agent' && /\s(?:par|by)\s/u.test(m.text)) || m.kind === 'complement' || ((m.kind === 'adjective' || m.kind === 'classifier') && evaluative(m.text, lang)) || (m.kind === 'classifier' && /\s/u.test(m.text.trim()))) out.push({ key: `d:${keyOf(m.text, lang)}`, reason: 'label' });
  }
  if (l.connotation) out.push({ key: `n:${keyOf(l.connotation, lang)}`, reason: 'connotation' });
  else if (l.via === 'apposition' && evaluative(l.text, lang) && !words(l.text, lang).some((w) => compiledLexicon(lang).titles.has(w.lower))) out.push({ key: `d:${keyOf(l.text, lang)}`, reason: 'label' });
  return out.filter((f) => f.key.length > 2);
}

/** Holds a word of the word-choice lexicon's evaluative words. */
const evaluative = (s: string, lang: string) => findWordChoice(s, lang).some((h) => h.kind === 'evaluative');

const DIGIT = /\d/u;

/** A row names an actor: not a date, a figure, nor a title of a work in quotation marks. */
function isActor(r: ActorRow, texts: { a: string; b: string }, lang: string): boolean {
  const lex = compiledLexicon(lang);
  if (DIGIT.test(r.actor) || /^[IVXLC]+$/u.test(r.actor)) return false; // a figure, a roman numeral (`acte VII`)
  if (words(r.actor, lang).some((w) => lex.notActors.has(w.lower))) return false;
  // Every mention inside quotation marks: a title (`"Meet the Press"`), not an actor.
  const quoted = (l: ActorLabel, text: string) => /["“«]\s*$/u.test(text.slice(Math.max(0, l.start - 2), l.start)) || /^\s*["”»]/u.test(text.slice(l.end, l.end + 2));
  return !([...r.a.map((l) => quoted(l, texts.a)), ...r.b.map((l) => quoted(l, texts.b))].every(Boolean));
}

function labelView(l: ActorLabel): ActorLabelView {
  return { text: l.text, start: l.start, end: l.end, modifiers: l.modifiers.filter((m) => SHOWN_MODIFIERS.has(m.kind)).map((m) => m.text), note: l.note };
}

/** Each distinct label once (an article repeats a name many times), most used first. */
function distinct(labels: ActorLabel[]): ActorLabel[] {
  const byText = new Map<string, { l: ActorLabel; n: number }>();
  for (const l of labels) {
    const k = l.text.toLowerCase();
    const e = byText.get(k);
    if (e) e.n++;
    else byText.set(k, { l, n: 1 });
  }
  return [...byText.values()].sort((x, y) => y.n - x.n || x.l.start - y.l.start).map((e) => e.l);
}

/** The actor rows worth showing, the ones that say most first. */
export function actorRows(rows: readonly ActorRow[], texts: { a: string; b: string }, lang: string, quotes?: { a: readonly Quote[]; b: readonly Quote[] }, deadline?: FramingDeadline): ActorRowView[] {
  const tick = deadlineTicker(deadline);
  const out: (ActorRowView & { score: number; mentions: number })[] = [];
  // A label inside reported speech is the speaker's word (`“to deport every illegal alien”`), not how the outlet names the actor.
  const spoken = (qs: readonly Quote[] | undefined) => {
    const index = spanIndex((qs ?? []).filter((q) => q.kind === 'reported'));
    return (l: ActorLabel) => index.holding(l.start, l.end).length === 0;
  };
  const outletA = spoken(quotes?.a);
  const outletB = spoken(quotes?.b);
  for (const row of rows) {
    tick();
    const r = { ...row, a: row.a.filter(outletA), b: row.b.filter(outletB) };
    if (!r.a.length || !r.b.length || !isActor(r, texts, lang)) continue;
    // (A label's features read its words: one tick each, an actor named a thousand times is a thousand labels.)
    const fa = r.a.map((l) => (tick(), { l, f: features(l, texts.a, lang) }));
    const fb = r.b.map((l) => (tick(), { l, f: features(l, texts.b, lang) }));
    const keysA = new Set(fa.flatMap((x) => x.f.map((f) => f.key)));
    const keysB = new Set(fb.flatMap((x) => x.f.map((f) => f.key)));
    const only = (xs: typeof fa, other: Set<string>) => xs.filter((x) => x.f.some((f) => !other.has(f.key)));
    const da = only(fa, keysB);
    const db = only(fb, keysA);
    if (!da.length && !db.length) continue;
    const distinctive = [...da, ...db].flatMap((x) => x.f).filter((f) => !(keysA.has(f.key) && keysB.has(f.key)));
    const reasons = new Map(distinctive.map((f) => [f.key, f.reason]));
    const score = [...reasons.values()].reduce((s, x) => s + WEIGHT[x], 0);
    const reason = (['qualifier', 'connotation', 'label'] as const).find((x) => [...reasons.values()].includes(x))!;
    // A side's own labels first, then the labels it qualifies as the other side does too (a scare
    // quote on both sides): shown alone, `opposition` against `prétendue «opposition modérée»`
    // would say the other version keeps no distance when it writes `rebelles « modérés »`.
    // A side with nothing of its own shows how it names the actor instead.
    const shownLabels = (d: typeof fa, xs: typeof fa) => {
      const own = distinct(d.map((x) => x.l));
      if (!own.length) return distinct(xs.map((x) => x.l)).slice(0, 3).map(labelView);
      const ownTexts = new Set(own.map((l) => l.text.toLowerCase()));
      const shared = distinct(xs.filter((x) => x.f.length && !d.includes(x)).map((x) => x.l)).filter((l) => !ownTexts.has(l.text.toLowerCase()));
      return [...own, ...shared].slice(0, 3).map(labelView);
    };
    const lexiconId = compiledLexicon(lang).actors.has(r.id) ? r.id : null;
    // Never the lexicon's English name: the words of the texts, the UI names the lexicon actor.
    const actor = lexiconId ? distinct(r.a.length ? r.a : r.b)[0]!.text : r.actor;
    out.push({ actor, lexiconId, reason, page: shownLabels(da, fa), other: shownLabels(db, fb), score, mentions: r.a.length + r.b.length });
  }
  return out.sort((x, y) => y.score - x.score || y.mentions - x.mentions).map(({ score: _s, mentions: _m, ...row }) => row);
}

// --- Scare quotes

const CONNECTORS = new Set(['of', 'the', 'a', 'an', 'and', 'in', 'on', 'for', 'to', 'de', 'du', 'des', 'la', 'le', 'les', 'et', 'en', 'l', 'd']);
/** Title Case: every word capitalised but connectors (`Meet the Press`, `Face the Nation`). */
const titleCase = (s: string) => {
  const ws = s.split(/[\s\u00a0]+/u).filter(Boolean);
  return ws.length > 0 && /^\p{Lu}/u.test(ws[0]!) && ws.every((w) => /^\p{Lu}/u.test(w) || CONNECTORS.has(lowerNoAccents(w).replace(/['’]$/u, '')));
};
const MAX_SCARE_WORDS = 5;
/** Words a scare quote needs to be compared with the other's plain use anywhere, not only in the sentence telling the same. */
const MIN_PLAIN_ANYWHERE = 2;

const MARK = /["«»“”‘’'„]/u;

/** One code unit that is a letter or digit (a lone surrogate is not: as `hay[at - 1]` reads it). */
const alnum = (c: string | undefined) => c !== undefined && (c < '\u0080' ? /[A-Za-z0-9]/.test(c) : /[\p{L}\p{N}]/u.test(c));

/**
 * One version's text as `plainUse` searches it: lower case without accents (`hay`, folded once per
 * text: folded again for every scare quote, the whole text each time, it was quadratic, 1.9 s of
 * the view at 250,000 characters), the runs of letters and digits by where they start (made when
 * first asked), its quotations, and each phrase's plain uses once found.
 */
interface Searched {
  text: string;
  quotes: readonly Quote[];
  /** Made when first asked: a page without a scare quote to look for folds nothing (a 1 MB word took 5 ms more). */
  hay?: string;
  quoted?: SpanIndex<Span>;
  runs?: Map<string, number[]>;
  uses: Map<string, Span[]>;
}

const searched = (text: string, quotes: readonly Quote[]): Searched => ({ text, quotes, uses: new Map() });

/**
 * `lowerNoAccents` letter by letter where it keeps the length, so that an offset into the folded
 * text is one into the text: a letter it folds to two (`œ`, `æ`, `ß`) or to none (a combining
 * mark) stays as it is, lower case. (Folded whole, every use after such a letter was shifted:
 * `cœur de cible` shown as `cible cœur de `.)
 */
const FOLDED_IN_PLACE = new Map<string, string>();
function foldInPlace(text: string): string {
  let lower = text.toLowerCase();
  if (lower.length !== text.length) lower = Array.from(text, (c) => (c.toLowerCase().length === c.length ? c.toLowerCase() : c)).join('');
  return lower.replace(/[^\x00-\x7f]/gu, (c) => {
    let f = FOLDED_IN_PLACE.get(c);
    if (f === undefined) {
      const folded = lowerNoAccents(c);
      FOLDED_IN_PLACE.set(c, (f = folded.length === c.length ? folded : c));
    }
    return f;
  });
}

/** Where each run of letters and digits of `hay` starts (code unit by code unit, as `plainUse` tells a word's edge), by the run. */
function runStarts(hay: string): Map<string, number[]> {
  const runs = new Map<string, number[]>();
  for (let i = 0; i < hay.length; ) {
    if (!alnum(hay[i])) { i++; continue; }
    let j = i + 1;
    while (j < hay.length && alnum(hay[j])) j++;
    const run = hay.slice(i, j);
    const at = runs.get(run);
    if (at) at.push(i);
    else runs.set(run, [i]);
    i = j;
  }
  return runs;
}

/**
 * Every plain use of `phrase` in the text, in text order: whole words, the same case at its first
 * letter (`Gilets jaunes` is a name), no quotation mark against it (an unpaired mark still
 * quotes), outside any quotation. A use starting with a letter or digit starts a run of them, the
 * phrase's first run whole: only those runs are read, not the whole text for each phrase.
 */
function plainUses(x: Searched, phrase: string): Span[] {
  let out = x.uses.get(phrase);
  if (out) return out;
  out = [];
  const text = x.text;
  const hay = (x.hay ??= foldInPlace(text));
  const quoted = (x.quoted ??= spanIndex(x.quotes.map((q) => ({ start: q.marks.open.start, end: q.marks.close.end }))));
  const target = foldInPlace(phrase);
  let first = 0;
  while (first < target.length && alnum(target[first])) first++;
  // (The positions `hay.indexOf(target, at + 1)` would visit that can pass the word-edge test.)
  let candidates: Iterable<number>;
  if (first > 0) candidates = (x.runs ??= runStarts(hay)).get(target.slice(0, first)) ?? [];
  else {
    const all: number[] = [];
    // (Past the end, -1: an empty target, a quotation of combining marks alone, is found at every position once.)
    for (let at = hay.indexOf(target); at >= 0; at = at < hay.length ? hay.indexOf(target, at + 1) : -1) all.push(at);
    candidates = all;
  }
  for (const at of candidates) {
    if (!hay.startsWith(target, at)) continue;
    const end = at + target.length;
    if (alnum(hay[at - 1]) || alnum(hay[end])) continue;
    if (text[at] !== phrase[0]) continue;
    if (MARK.test(text.slice(Math.max(0, at - 2), at).trim().slice(-1)) || MARK.test(text.slice(end, end + 2).trim().slice(0, 1))) continue;
    if (quoted.holding(at, end).length > 0) continue;
    out.push({ start: at, end });
  }
  x.uses.set(phrase, out);
  return out;
}

/**
 * Where `phrase` is first used plainly in `span` of the text (`plainUses`): the first use starting
 * in it, if it also ends in it (uses of one phrase end in the order they start).
 */
function plainUse(x: Searched, phrase: string, span: Span = { start: 0, end: x.text.length }): Span | null {
  const uses = plainUses(x, phrase);
  let lo = 0;
  let hi = uses.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (uses[mid]!.start < span.start) lo = mid + 1;
    else hi = mid;
  }
  const use = uses[lo];
  return use && use.end <= span.end ? use : null;
}

/**
 * Scare quotes that keep a distance: words one version puts in quotation marks where the other,
 * telling the same thing (the sentence's counterpart, as for word choice), uses them plainly.
 */
export function scareQuotes(a: FramingInput & { stemmed?: StemmedText }, b: FramingInput & { stemmed?: StemmedText }, deadline?: FramingDeadline): ScareQuoteView[] {
  const lang = a.language ?? 'en';
  const tick = deadlineTicker(deadline);
  const stemmed = { a: stemmedIn(a.text, lang, a.stemmed, deadline), b: stemmedIn(b.text, lang, b.stemmed, deadline) };
  const sentences = { a: stemmed.a.sentences, b: stemmed.b.sentences };
  const index = { a: stemmed.a.index, b: stemmed.b.index };
  const out: ScareQuoteView[] = [];
  const search = { a: searched(a.text, a.quotes), b: searched(b.text, b.quotes) };
  for (const [s, o, me, other] of [['a', 'b', a, b], ['b', 'a', b, a]] as const) {
    const holder = spanIndex(sentences[s]);
    for (const q of me.quotes) {
      tick();
      if (q.kind !== 'scare') continue;
      const words_ = q.text.trim();
      if (!words_ || DIGIT.test(words_) || titleCase(words_) || words_.split(/\s+/u).length > MAX_SCARE_WORDS) continue;
      // Quoted at first mention and then used plainly: the usual name, not a distance.
      if (plainUse(search[s], words_)) continue;
      const sentence = holder.holding(q.start, q.end)[0];
      if (!sentence) continue;
      const best = bestCounterpart(sentence, index[o]);
      const aligned = best.k >= 0 && best.share >= MIN_ALIGNED && best.shared >= MIN_SHARED;
      // (Two words or more the other writes plainly anywhere — `so-called "assault weapons"` beside
      // `to ban assault weapons` — are its words without the distance, the sentences aligned or not.)
      const plain = (aligned ? plainUse(search[o], words_, sentences[o][best.k]!) : null)
        ?? (words_.split(/\s+/u).length >= MIN_PLAIN_ANYWHERE ? plainUse(search[o], words_) : null);
      if (!plain) continue;
      out.push({ side: side(s), quote: span(me.text, { start: q.marks.open.start, end: q.marks.close.end }), plain: span(other.text, plain) });
    }
  }
  return out;
}

// --- Who speaks

const PRONOUNS = new Set(['il', 'elle', 'ils', 'elles', 'on', 'he', 'she', 'they', 'it', 'we', 'i', 'je', 'nous', 'vous', 'you']);
/** Places a statement is made, not who makes it (`said on Twitter`). */
const CHANNELS = new Set(['twitter', 'facebook', 'instagram', 'youtube', 'tiktok', 'x', 'tv', 'radio', 'house', 'senate', 'congress']);
/** A surname's particles (`Le Pen`, `van Gogh`): never a sentence's first word cut from the name. */
const PARTICLES = wordsOfEveryLanguage('nameParticles');
const NAME_CONNECTORS = new Set(['de', 'du', 'des', 'la', 'le', 'l', 'd', 'of', 'the', 'von', 'van', 'al', 'el', 'bin', 'ben', 'and', 'et', 'for', 'pour']);
const DETERMINER = /^(?:the|le|la|les|l['’])\s+/iu;
/**
 * The definite articles of other languages that open a sentence before a name (`Die
 * Grünen-Fraktionschefin Katharina Dröge`, `Il ministro`): not a name's first word. (Not Dutch
 * `De`, a surname's own: `De Jong`.)
 */
const DETERMINERS_OF = new Map([
  ['de', /^(?:der|die|das|den|dem|des)\s+/iu],
  ['es', /^(?:el|la|los|las)\s+/iu],
  ['it', /^(?:il|lo|la|i|gli|le|l['’])\s+/iu],
  ['pt', /^(?:o|a|os|as)\s+/iu],
  ['nl', /^(?:het)\s+/iu],
]);

/**
 * A name as a reader expects one: one to six words, the first capitalised, the others
 * capitalised or name connectors; not a pronoun, a channel, a date, or an upper-case dateline
 * (`WASHINGTON`; an acronym has at most five letters).
 */
export function nameLike(name: string, lang: string): boolean {
  const ws = name.trim().split(/\s+/u);
  if (ws.length === 0 || ws.length > 6 || !/^\p{Lu}/u.test(ws[0]!)) return false;
  if (ws.some((w) => !/^\p{Lu}/u.test(w) && !NAME_CONNECTORS.has(lowerNoAccents(w).replace(/['’]$/u, '')) && !/^(?:al|el|ad)-\p{Lu}/u.test(w))) return false;
  if (ws.length === 1 && (PRONOUNS.has(lowerNoAccents(ws[0]!)) || CHANNELS.has(lowerNoAccents(ws[0]!)))) return false;
  if (ws.some((w) => /^\p{Lu}{6,}$/u.test(w))) return false;
  const lex = compiledLexicon(lang);
  return !ws.some((w) => lex.notActors.has(lowerNoAccents(w)) || DIGIT.test(w));
}

/** Words that may follow a speaker's name: a verb of saying, an auxiliary, a relative. */
const AFTER_NAME = new Set(['has', 'had', 'have', 'is', 'was', 'were', 'are', 'will', 'would', 'also', 'who', 'which', 'a', 'ont', 'avait', 'est', 'qui', 'aussi', 'lui-meme', 'elle-meme']);

/**
 * A citation that names its source whole: not a piece of a longer name (`Partiers` of `Tea
 * Partiers`, `Anita L` of `Anita L. Dunn`), not an adjective (`Democratic senators`), not a
 * capitalised common noun starting a sentence (`Critics said`).
 */
function wholeName(text: string, at: Span, lang: string, speech: ReadonlySet<string>, reading?: NameReading): boolean {
  const name = text.slice(at.start, at.end).trim();
  const ws = name.split(/\s+/u);
  if (/^\p{Lu}\.?$/u.test(ws[ws.length - 1]!)) return false;
  const lead = /(\S+)[ \u00a0]+$/u.exec(text.slice(Math.max(0, at.start - 30), at.start));
  const before = lead?.[1] ?? '';
  // A capitalised word before is part of a longer name (`Haven Register` of `New Haven Register`), unless a title or a sentence's determiner (`The New Haven Register`),
  // or a function word capitalised as a sentence's first (`Pour Sophie Binet, «…»`; not a particle: `Le Pen`).
  const opensSentence = () => lead !== null && /(?:^|[.!?…»”"]\s+|\n\s*)$/u.test(text.slice(Math.max(0, at.start - 32), at.start - lead[0].length))
    && isStopword(before, lang) && !PARTICLES.has(lowerNoAccents(before));
  if (/^\p{Lu}[\p{L}-]*\.?$/u.test(before) && !DETERMINER.test(`${before} `) && !DETERMINERS_OF.get(lang.slice(0, 2))?.test(`${before} `) && !isTitleWord(before, lang) && !isHonorific(lowerNoAccents(before)) && !opensSentence()) return false;
  if (ws.length === 1) {
    // One word before a noun is an adjective (`Democratic senators`).
    const next = /^[ \u00a0]+([\p{L}'’-]+)/u.exec(text.slice(at.end, at.end + 30))?.[1];
    if (next && !/^\p{Lu}/u.test(next) && !speech.has(lowerNoAccents(next)) && !AFTER_NAME.has(lowerNoAccents(next))) return false;
    // A one-word name is capitalised somewhere inside a sentence, not only at its start.
    // (Read from the set of what that pattern finds, made once per text, when there is one: one
    // pass over the whole text per name was quadratic in a long article.)
    const inside = reading ? (reading.inside ??= capitalisedInside(text)).has(name) : new RegExp(`[\\p{L},;] +${name.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}\\b`, 'u').test(text);
    if (!inside) return false;
  }
  return true;
}

/**
 * The name a source goes by: its own when name-like and cited whole; else the name of its actor
 * in the text (`the president` → the name the article gives with that title); else null (dropped).
 */
/** The preposition (and article) of a complement right before a name, per language: what glues an office's last word to the name after it. */
const GLUED = new Map([
  ['fr', /(?:(?:^|\s)(?:de|du|des|à|a)(?:\s+la)?|[dl]['’])\s*$/u],
  ['it', /(?:(?:^|\s)(?:di|del|dello|della|dei|degli|delle|al|alla|ai|a|da|dal|dalla|in|nel|nella)|(?:^|\s)(?:dell|all|dall|nell)['’])\s*$/u],
  ['es', /(?:^|\s)(?:de|del|a|al|en)(?:\s+(?:la|los|las))?\s*$/u],
  ['pt', /(?:^|\s)(?:de|do|da|dos|das|em|no|na|nos|nas)\s*$/u],
  ['de', /(?:^|\s)(?:der|des|im|in|beim|vom)\s*$/u],
  ['nl', /(?:^|\s)(?:van(?:\s+(?:de|het))?|bij\s+(?:de|het)|in)\s*$/u],
]);

/** A word character of `\b` (without the `i` flag, in `u` mode too: ASCII letters, digits and `_`). */
const isW = (c: string | undefined) => c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '_');
/** White space as `\s` reads one code unit (ASCII's tested first: most of a text). */
const isSpace = (c: string) => c === ' ' || c === '\n' || (c < '\u0080' ? c === '\t' || c === '\r' || c === '\v' || c === '\f' : /\s/u.test(c));

/**
 * Every string `name` without white space for which `[\p{L},;] +name\b` (flag `u`) matches in
 * `text`: after a letter, a comma or a semicolon and spaces (U+0020), the start of a run of
 * non-space characters up to each word boundary in it. The pattern, built for each one-word name and
 * run over the whole text, was quadratic; this is one pass (a name without white space holds no
 * space, so it lies in one run; only the character before the spaces can open the match).
 */
function capitalisedInside(text: string): Set<string> {
  const out = new Set<string>();
  for (let i = 1; i < text.length; i++) {
    if (text[i - 1] !== ' ' || text[i] === ' ') continue;
    let j = i - 1;
    while (j >= 0 && text[j] === ' ') j--;
    if (j < 0) continue;
    // The character before the spaces, whole when it is the second half of a surrogate pair.
    const c = j > 0 && /[\uDC00-\uDFFF]/.test(text[j]!) && /[\uD800-\uDBFF]/.test(text[j - 1]!) ? text.slice(j - 1, j + 1) : text[j]!;
    if (!/^[\p{L},;]$/u.test(c)) continue;
    for (let k = i + 1; k <= text.length; k++) {
      if (isW(text[k - 1]) !== isW(text[k])) out.add(text.slice(i, k));
      if (k < text.length && isSpace(text[k]!)) break;
    }
  }
  return out;
}

/**
 * What the sources of one article read of it again and again, kept for one `sourcesView` call:
 * resolving each source read every mention (and, for a one-word name, the whole text) again,
 * quadratic on a long article. `text` and `mentions` are the article's.
 */
interface NameReading {
  text: string;
  mentions: readonly ActorMention[];
  /** Whether each mention's head is a name cited whole (`wholeName`). */
  whole: Map<ActorMention, boolean>;
  /** What a one-word name capitalised inside a sentence can be (`capitalisedInside`, made when first asked). */
  inside?: Set<string>;
  /** The mentions of each actor, in text order (made when first asked). */
  byActor?: Map<string, ActorMention[]>;
  /** The mentions whose head holds a space, by the head's part after its last space, in text order (made when first asked). */
  byLastWord?: Map<string, ActorMention[]>;
  /** The mentions by each title among their modifiers (lower case, accents folded), in text order (made when first asked). */
  byTitle?: Map<string, ActorMention[]>;
  /** Where each name looked for first occurs in the text (-1: nowhere). */
  firstAt: Map<string, number>;
}

const nameReading = (text: string, mentions: readonly ActorMention[]): NameReading => ({ text, mentions, whole: new Map(), firstAt: new Map() });

/** `mentions` by `keys` of each (a mention once under each of its keys), in the order given. */
function indexBy(mentions: readonly ActorMention[], keys: (m: ActorMention) => Iterable<string>): Map<string, ActorMention[]> {
  const out = new Map<string, ActorMention[]>();
  for (const m of mentions) {
    for (const k of new Set(keys(m))) {
      const l = out.get(k);
      if (l) l.push(m);
      else out.set(k, [m]);
    }
  }
  return out;
}

function resolvedName(s: Source, f: ArticleFraming, text: string, lang: string, tick: () => void = () => {}, reading: NameReading = nameReading(text, f.mentions)): string | null {
  const speech = quoteLexicon(lang).speechVerbs;
  const lex = compiledLexicon(lang);
  const whole = (m: ActorMention) => {
    let w = reading.whole.get(m);
    if (w === undefined) reading.whole.set(m, (w = wholeName(text, m.head, lang, speech, reading)));
    return w;
  };
  // (`from`: the mentions `pred` can hold, in text order: all of them, or one actor's; `label`: the
  // name read from a mention, its head by default.)
  const headOf = (m: ActorMention) => text.slice(m.head.start, m.head.end);
  const names = (pred: (m: ActorMention) => boolean, from: readonly ActorMention[] = f.mentions, label = headOf) =>
    from.filter((m) => (tick(), m.via !== 'apposition' && pred(m) && whole(m))).map(label).filter((n) => nameLike(n, lang)).sort((x, y) => y.length - x.length);
  // A lexicon actor goes by the name the article cites it by, whole (`Moscou a affirmé`), not by an
  // adjective (`U.S. officials`, `président américain`); not by the lexicon's id, which is English.
  if (lex.actors.has(s.actor)) {
    const cited = s.spans.find((x) => nameLike(text.slice(x.start, x.end), lang) && wholeName(text, x, lang, speech, reading));
    return cited ? text.slice(cited.start, cited.end).trim() : null;
  }
  // `the New York Democrat`, `the Texas Republican`: a description of someone (a party member, a
  // title last), not a name; whom it describes is not known here.
  if (DESCRIBED_BY.has(lowerNoAccents(s.name.trim().split(/\s+/u).pop() ?? '')) || lex.titles.has(lowerNoAccents(s.name.trim().split(/\s+/u).pop() ?? ''))) return null;
  // `Rick Perry of Texas` is Rick Perry; `Democrat of Massachusetts` names no one; `Lisa de Vries`,
  // `Charles de Gaulle`: one first name before `de` is a name with its particle, whole.
  let name = s.name.replace(OF_COMPLEMENT, '');
  if (name !== s.name) {
    if (/\s/u.test(name)) return nameLike(name, lang) ? name : null;
    const first = lowerNoAccents(name);
    return /^\S+\s+(?:de|du)\s+\p{Lu}\S*$/u.test(s.name.trim()) && !lex.titles.has(first) && !DESCRIBED_BY.has(first) && nameLike(s.name, lang) ? s.name : null;
  }
  // The end of an office glued to the name (`ministre de l'Intérieur Christophe Castaner`, `à Marseille Priscillia Ludosky`),
  // after a preposition only: `The New Haven Register` keeps its first word.
  // (Where it first occurs, looked for only for a name of three words or more: the only ones it is read for.)
  const firstAt = () => {
    const at = reading.firstAt.get(name) ?? text.indexOf(name);
    reading.firstAt.set(name, at);
    return at;
  };
  // (`a` is the French `à` written without its accent; in English it is the article: `according to a Des Moines Register poll`.)
  // (So the prepositions of a complement in Italian, Spanish, Portuguese, German and Dutch:
  // `segretaria del Pd Elly Schlein` gave `Pd Elly Schlein`.)
  const glued = GLUED.get(lang.slice(0, 2)) ?? /(?:^|\s)(?:of|in|at)\s*$/u;
  const at = name.split(/\s+/u).length >= 3 ? firstAt() : -1;
  if (at >= 0 && glued.test(text.slice(Math.max(0, at - 11), at))) {
    name = name.replace(/^\S+\s+/u, '');
    return nameLike(name, lang) ? name : null;
  }
  // A surname whose citation gives the full name (`André Ventura falou de "…"`, the source named
  // `Ventura`): that name.
  // (Given names before it, not a title, a title of address or an article: `M. Valin`, `Les
  // Républicains` are no fuller names.)
  const givenNames = (t: string) => t.split(/\s+/u).slice(0, -1).every((w) => /^\p{Lu}\p{Ll}+$/u.test(w) && !isHonorific(lowerNoAccents(w)) && !isTitleWord(w, lang) && !isStopword(w, lang));
  // The given names and surname after a phrase's last title (`Senate Majority Leader John Thune` → `John Thune`), if that is what follows it.
  const namesAfterTitles = (phrase: string): string | null => {
    const ws = phrase.split(/\s+/u);
    const t = ws.findLastIndex((w, k) => k < ws.length - 2 && isTitleWord(w, lang));
    const rest = ws.slice(t + 1).join(' ');
    return t >= 0 && givenNames(rest) && nameLike(rest, lang) ? rest : null;
  };
  const full = /\s/u.test(s.name.trim()) ? undefined : s.spans.find((x) => {
    const t = text.slice(x.start, x.end).trim();
    return t.endsWith(` ${s.name.trim()}`) && givenNames(t) && nameLike(t, lang) && wholeName(text, x, lang, speech, reading);
  });
  if (full) return text.slice(full.start, full.end).trim();
  // The name where the citation gives it: whole there (`Haven Register` of `New Haven Register` is not).
  // (Looked for up to where it could still start, not to the text's end: once per citation, a name
  // the text does not give again read the rest of a long text.)
  const cited = s.spans.map((x) => {
    const i = text.slice(x.start, x.end + 2 * s.name.length).indexOf(s.name);
    return { x, at: i < 0 ? -1 : x.start + i };
  }).filter(({ x, at }) => at >= 0 && at < x.end + s.name.length);
  if (nameLike(s.name, lang) && cited.some(({ at }) => wholeName(text, { start: at, end: at + s.name.length }, lang, speech, reading))) {
    // (An acronym, in capitals or with lower-case letters inside: `CDU`, `AfD`.)
    if (/\s/u.test(s.name.trim()) || /^\p{Lu}\p{L}{0,3}\p{Lu}$/u.test(s.name)) return s.name;
    // One word: the surname of the one full name the article gives (`Etheridge` → `Bob Etheridge`), else not a name we can vouch for.
    // (A name without a space ends a head after its last space: only those heads are read.)
    // (A head with the place or body it is `of`, `Jack Reed of Rhode Island`, is read without it.)
    const head = (m: ActorMention) => headOf(m).replace(OF_COMPLEMENT, '');
    const from = s.name.includes(' ') ? f.mentions : (reading.byLastWord ??= indexBy(f.mentions, (m) => { const h = head(m); return h.includes(' ') ? [h.slice(h.lastIndexOf(' ') + 1)] : []; })).get(s.name) ?? [];
    const full = new Set(names((m) => / /u.test(head(m)) && head(m).endsWith(` ${s.name}`), from, head));
    if (full.size > 0) return full.size === 1 ? [...full][0]! : null;
    // A head holding its titles, no whole name (`Senate Majority Leader John Thune`: `Senate`
    // before it): the given names and the surname after its last title, `John Thune`.
    const afterTitle = new Set(from.flatMap((m) => {
      const h = head(m);
      const rest = namesAfterTitles(h);
      return rest !== null && h.endsWith(` ${s.name}`) ? [rest] : [];
    }));
    return afterTitle.size === 1 ? [...afterTitle][0]! : null;
  }
  // A name cut at the capitalised word opening its sentence (`Senate Minority Leader Mitch
  // McConnell called…`, found as `Minority Leader Mitch McConnell`): no whole name, but the given
  // names and surname after its last title are (`Mitch McConnell`).
  const untitledName = namesAfterTitles(s.name.trim());
  if (untitledName) return untitledName;
  if (!s.actor.startsWith('source:')) {
    reading.byActor ??= indexBy(f.mentions, (m) => [m.actor]);
    return names((m) => m.actor === s.actor, reading.byActor.get(s.actor) ?? [])[0] ?? null;
  }
  // `the president`: the one name this article gives with that title.
  const title = lowerNoAccents(s.name.replace(DETERMINER, '')).trim();
  if (!lex.titles.has(title)) return null;
  reading.byTitle ??= indexBy(f.mentions, (m) => m.modifiers.filter((x) => x.kind === 'title').map((x) => lowerNoAccents(x.text)));
  const titled = new Set(names((m) => m.modifiers.some((x) => x.kind === 'title' && lowerNoAccents(x.text) === title), reading.byTitle.get(title) ?? []));
  return titled.size === 1 ? [...titled][0]! : null;
}

/** A place or a body a name is `of` (`Rick Perry of Texas`, `Jack Reed of Rhode Island`), ending it. */
const OF_COMPLEMENT = /\s+(?:of|de|du)\s+\p{Lu}[\p{L}\s-]*$/u;

/** Last words that make a capitalised phrase a description (`the New York Democrat`), not a name. */
const DESCRIBED_BY = new Set(['democrat', 'republican', 'independent', 'democrate', 'republicain', 'socialiste', 'ecologiste']);
/** Company-form suffixes: `Wal-Mart Stores Inc` is named in a text by its first word. */
const COMPANY_FORMS = new Set(['inc', 'corp', 'co', 'ltd', 'llc', 'plc', 'sa', 'ag', 'gmbh']);

/**
 * A title of office in `lang`: the framing lexicon's; in the languages it has no titles of, the
 * speakers' lexicon's (`ministro`, `Kanzlerin`), and in German a compound ending on one
 * (`Finanzminister`, `Grünen-Fraktionschefin`).
 */
function isTitleWord(w: string, lang: string): boolean {
  const l = lowerNoAccents(w);
  if (compiledLexicon(lang).titles.has(l)) return true;
  if (lang.startsWith('en') || lang.startsWith('fr')) return false;
  const own = quoteLexicon(lang).titles;
  return own.has(l) || (lang.startsWith('de') && [...own].some((t) => t.length >= 4 && l.endsWith(t)));
}

/** Who speaks in each version, as the view lists them; stops past `deadline` (`FramingCut`). Exported for its tests. */
/** A name without the titles before it when two words of name are left (`Minister Dick Schoof` → `Dick Schoof`; `President Obama` stays). */
function withoutTitles(name: string | null, lang: string, keep = 2): string | null {
  if (!name) return null;
  const ws = name.split(/\s+/u);
  let k = 0;
  while (k < ws.length - keep && isTitleWord(ws[k]!, lang)) k++;
  return ws.slice(k).join(' ');
}

export function sourcesView(fa: ArticleFraming, fb: ArticleFraming, a: FramingInput, b: FramingInput, lang: string, deadline?: FramingDeadline): FramingView['sources'] {
  // Each source is resolved against the article's mentions and read in the other's text: on a page
  // dense in names, a tick per source and per mention read.
  const tick = deadlineTicker(deadline);
  // The words each source is cited with (`le procureur Nicolas Barret`, `le ministre de
  // l'Intérieur, Bruno Retailleau`), by key: a version citing the role alone cites the same one.
  const citedAs = new Map<string, string[]>();
  const wordsOnly = (t: string) => lowerNoAccents(t).replace(/[^\p{L}\p{N}]+/gu, ' ');
  const resolve = (list: Source[], f: ArticleFraming, x: FramingInput) => {
    const out = new Map<string, string>();
    const reading = nameReading(x.text, f.mentions);
    // (The article's sentences, already cut: where the words before a citation start.)
    const sentences = spanIndex(f.stemmed.sentences);
    const roleBefore = (at: number) => x.text.slice(Math.max(at - 60, sentences.holding(at, at)[0]?.start ?? at), at);
    for (const s of list) {
      tick();
      const name = withoutTitles(resolvedName(s, f, x.text, lang, tick, reading), lang);
      if (!name) continue;
      // One key per actor: the lexicon's id, else the name's (so `the president` meets `Obama`),
      // without its titles (`Sheriff Arpaio` is the `Arpaio` that meets `Joe Arpaio`).
      const key = s.actor.startsWith('name:') || s.actor.startsWith('source:') ? `name:${entityKey(withoutTitles(name, lang, 1)!)}` : s.actor;
      if (!out.has(key) || name.length > out.get(key)!.length) out.set(key, name);
      // (Added to in place: a list copied for every citation was quadratic in a source cited often.)
      const cited = citedAs.get(key);
      // (With up to 60 characters before it in its sentence, where a role stands set off by a comma:
      // `o ministro das Finanças, Joaquim Sarmento` is cited with his role.)
      const these = s.spans.map((sp) => ` ${wordsOnly(roleBefore(sp.start) + x.text.slice(sp.start, sp.end))} `);
      if (cited) cited.push(...these);
      else citedAs.set(key, these);
    }
    return out;
  };
  /** Whether the other version cites, by a role alone, someone this one cites with that role (`procureur` / `le procureur Nicolas Barret`). */
  // (A role is lower case or ends on a title, capitalised as in `la Première ministre` or `the Governor`, which
  // read as a name; `l'Elysée` is none.)
  const isRole = (o: Source) => (o.actor.startsWith('source:') && /\p{Ll}/u.test(o.name[0] ?? '')) || isTitleWord(o.name.trim().split(/\s+/u).pop() ?? '', lang);
  // A role's words, space-joined, are in a citation's (` ${words} `) when they are some of its
  // words in a row: each citation's runs of words up to the longest role are looked up among the
  // other's roles, read once. (Each role against each citation of each source was cubic on a long
  // article.) A role without words (` ` + ` `) is in a citation with a double space.
  const roles = new Map<Source[], { words: Set<string>; empty: boolean; longest: number }>();
  // (So a citation that opens on a title with no name after it, where the source is named by its
  // complement: `o ministro das Finanças` is the source `Finanças`.)
  const titleOnly = (t: string) => isTitleWord(t.trim().replace(DETERMINER, '').split(/\s+/u)[0] ?? '', lang) && !/\p{Lu}[\p{L}'’-]*\s+\p{Lu}/u.test(t);
  const rolesOf = (other: Source[]) => {
    let r = roles.get(other);
    if (!r) {
      const otherText = other === fb.sources ? b.text : a.text;
      const ws = other.flatMap((o) => isRole(o) ? [o.name] : o.spans.map((sp) => otherText.slice(sp.start, sp.end)).filter(titleOnly)).map((n) => wordsOnly(n).trim());
      const words = new Set(ws.filter((w) => w.length > 0));
      roles.set(other, (r = { words, empty: ws.some((w) => w.length === 0), longest: Math.max(0, ...[...words].map((w) => w.split(' ').length)) }));
    }
    return r;
  };
  const roleCited = (key: string, other: Source[]) => {
    const r = rolesOf(other);
    const cited = citedAs.get(key) ?? [];
    if (r.empty && cited.some((t) => t.includes('  '))) return true;
    for (const t of r.words.size ? cited : []) {
      const ts = t.split(' ');
      for (let i = 0; i < ts.length; i++) {
        let run = '';
        for (let j = i; j < ts.length && j - i < r.longest && ts[j]; j++) {
          run = j === i ? ts[j]! : `${run} ${ts[j]}`;
          if (r.words.has(run)) return true;
        }
      }
    }
    return false;
  };
  const ra = resolve(fa.sources, fa, a);
  const rb = resolve(fb.sources, fb, b);
  // Across versions, a surname meets the one full name ending with it (group.ts nameHeads).
  const heads = nameHeads([...ra.keys(), ...rb.keys()], tick);
  const keyed = (r: Map<string, string>) => new Map([...r].map(([k, n]) => [heads.get(k) ?? k, n]));
  const ka = keyed(ra);
  const kb = keyed(rb);
  // "Only here" must be true of the other text: a name it cites, even in a form not shown, is in both; a name it
  // only mentions is in neither list (whether it is cited there is not known for sure).
  // The word a text names the source by: a person's surname; a company's first word (`Wal-Mart Stores Inc.` is `Wal-Mart`).
  const lastOf = (name: string) => { const ws = entityKey(name).split(' '); return COMPANY_FORMS.has(ws[ws.length - 1]!) ? ws[0]! : ws[ws.length - 1]!; };
  // (Each list's words read once, not once per name looked for.)
  const sourceWords = new Map<Source[], ReadonlySet<string>>();
  const citedIn = (list: Source[], name: string) => {
    let ws = sourceWords.get(list);
    if (!ws) sourceWords.set(list, (ws = new Set(list.flatMap((s) => entityKey(s.name).split(' ')))));
    return ws.has(lastOf(name));
  };
  // (The words of each text folded once, not once per source: per source, folding the other's whole
  // text was quadratic, 2.3 s of the view at 250,000 characters.)
  const wordsOf = new Map<string, ReadonlySet<string>>();
  const namedIn = (text: string, name: string) => {
    let ws = wordsOf.get(text);
    if (!ws) wordsOf.set(text, (ws = new Set(entityKey(text).split(/[^\p{L}\p{N}]+/u))));
    return ws.has(lastOf(name));
  };
  // A lexicon actor is in the other text under any of its names (`Russie`, `Moscou`, `le Kremlin`).
  const actorsOf = new Map<ArticleFraming, ReadonlySet<string>>();
  const mentioned = (f: ArticleFraming, key: string) => {
    if (key.startsWith('name:')) return false;
    let actors = actorsOf.get(f);
    if (!actors) actorsOf.set(f, (actors = new Set(f.mentions.map((m) => m.actor))));
    return actors.has(key);
  };
  return {
    onlyPage: [...ka].filter(([k, n]) => (tick(), !kb.has(k) && !namedIn(b.text, n) && !mentioned(fb, k) && !roleCited(k, fb.sources))).map(([, n]) => n),
    onlyOther: [...kb].filter(([k, n]) => (tick(), !ka.has(k) && !namedIn(a.text, n) && !mentioned(fa, k) && !roleCited(k, fa.sources))).map(([, n]) => n),
    // (The other version's form when it is this one's last two words or more: `Christophe Castaner`,
    // not `Intérieur Christophe Castaner`, a capitalised ministry run into the name.)
    both: [...ka].filter(([k, n]) => (tick(), kb.has(k) || citedIn(fb.sources, n))).map(([k, n]) => {
      const other = kb.get(k);
      return other && other !== n && /\s/u.test(other) && n.endsWith(` ${other}`) ? other : n;
    }),
  };
}

// --- The view

/** Most words capitalised (`Obama Medicare Attack In 2008 Targeted McCain`). */
const headlineTitleCase = (t: string) => {
  const ws = t.split(/\s+/u).filter((w) => /^\p{L}/u.test(w) && !CONNECTORS.has(lowerNoAccents(w)));
  return ws.length >= 3 && ws.filter((w) => /^\p{Lu}/u.test(w)).length / ws.length >= 0.7;
};

const headlineNote = (d: HeadlineDifference | null): HeadlineNoteView | null => {
  if (!d) return null;
  if (d.kind === 'joint') return { ...d, joint: side(d.joint) };
  if (d.kind === 'subjects') return { kind: 'subjects', page: d.a, other: d.b };
  return { ...d, side: side(d.side) };
};

/** The other version as the view needs it (a stored article, or any text with its quotations). */
export interface OtherVersion {
  id: number;
  title: string | null;
  text: string;
  language: string | null;
  publishedTime?: string | null;
}

/** The other version as `framingView` reads it: its text and quotations, as prepared for comparison. */
export const framingInputOf = (other: OtherVersion, prepared: { quotes: readonly Quote[] }): FramingInput =>
  ({ title: other.title, text: other.text, language: other.language, quotes: prepared.quotes, publishedTime: other.publishedTime ?? null });

/**
 * The framing of the page beside one other version, as the panel shows it. `otherFraming`: the
 * other's `articleFraming`, when the caller keeps it (per-article work, like `pageFraming`). Past
 * `deadline`, throws `FramingCut` between two of its parts or inside the longest (`withinDeadline` makes it null).
 */
export function framingView(page: FramingInput, pageFraming: ArticleFraming, other: OtherVersion, prepared: { quotes: readonly Quote[] }, otherFraming?: ArticleFraming, deadline?: FramingDeadline): FramingView {
  const b = framingInputOf(other, prepared);
  const fb = otherFraming ?? articleFraming(b, deadline);
  checkDeadline(deadline);
  const f = compareFraming(page, b, pageFraming, fb, deadline);
  checkDeadline(deadline);
  const lang = page.language ?? 'en';
  const texts = { a: page.text, b: other.text };
  const sides = { a: { ...page, stemmed: pageFraming.stemmed }, b: { ...b, stemmed: fb.stemmed } };
  const words_ = compareWordChoice(sides.a, sides.b, deadline).map((w): WordChoiceView => {
    const [mine, theirs] = w.side === 'a' ? [page.text, other.text] : [other.text, page.text];
    return { side: side(w.side), kind: w.word.kind, sense: w.word.sense, word: span(mine, w.word), sentence: span(mine, w.sentence), counterpart: span(theirs, w.counterpart), neutral: w.neutral };
  });
  checkDeadline(deadline);
  const scare = scareQuotes(sides.a, sides.b, deadline);
  checkDeadline(deadline);
  // The view's own lists, each stopped past `deadline` inside its loops: on a page dense in names they took ~0.6 s.
  const actors = actorRows(f.actors, texts, lang, { a: page.quotes, b: b.quotes }, deadline);
  checkDeadline(deadline);
  const sources = sourcesView(pageFraming, fb, page, b, lang, deadline);
  checkDeadline(deadline);
  return {
    articleId: other.id,
    actors: ranked(actors, SHOWN.actors),
    wordChoice: ranked(words_, SHOWN.wordChoice),
    scareQuotes: ranked(scare, SHOWN.scareQuotes),
    sources,
    omissions: {
      onlyPage: f.omissions.onlyA.slice(0, MAX_OMISSIONS).map(({ text, absent }) => ({ text, absent })),
      onlyOther: f.omissions.onlyB.slice(0, MAX_OMISSIONS).map(({ text, absent }) => ({ text, absent })),
    },
    // A Title Case headline capitalises every word: its subject cannot be read, so nothing is said about it.
    headlines: { page: f.headlines.a?.text ?? null, other: f.headlines.b?.text ?? null, note: [page.title, other.title].some((t) => t && headlineTitleCase(t)) ? null : headlineNote(f.headlines.difference) },
  };
}
