/**
 * Word choice: where two versions tell the same thing, the words one uses with a judgement and
 * the other does not. A charged verb of saying (`slammed`, `admitted`, `a fustigé`, `a martelé`)
 * judges the words it reports where `said` or `a déclaré` would only report them (Thompson &
 * Yiyun 1991; the report verbs of Recasens et al. 2013); an evaluative adjective, adverb or noun
 * (`outrageous`, `staunchly`, `pagaille`) judges what it describes (Wilson et al. 2005). The
 * words are the editable lexicon `word-choice.json`.
 *
 * An item, precision first: a charged verb of saying whose sentence has a counterpart in the
 * other version (the sentence holding most of its content stems, lib/framing/omissions) that
 * tells the same thing about the same actors (a name of the sentence is in the counterpart),
 * whose words around the item are in the counterpart too (the same clause, not only the same
 * sentence), in a version that nowhere uses a word of the same sense, and that reports the
 * same words with a neutral verb of saying (shown beside it: the stretches the two verbs govern
 * share words, `governed`). On the BASIL tuning half, items
 * beside a counterpart with no neutral verb were right 8 times in 17 (the counterpart often tells
 * something else), those with one 10 in 10. Words inside quotation marks are the speaker's, not
 * the outlet's, and are left out.
 *
 * Loaded words without such a counterpart (the word's sentence not told by the other version,
 * which never uses the word, the two telling the same event) were measured and are not shown:
 * a reader agreed with 80% of them on BASIL's reporting half (71 of 89 rows by the annotations
 * plus a hand check; 67 of 85 with two more rules drawn from the tuning half's failures) and with
 * 4 of 12 on the gilets-jaunes pairs of that half; shown (with the two rules), they took the
 * framing rows a reader agrees with on that half from 100% to 84%, under the panel's 90% (issue 13; helper
 * h-wordchoice, Dec 2026). Evaluative adjectives, adverbs and nouns are therefore read only inside
 * actor labels (lib/framing/view).
 *
 * Wider readings of "telling the same thing" do not reach BASIL's lexical-bias spans either
 * (`scripts/eval-framing.ts --ceilings`, tuning half, Dec 2026): same fact, same quotation,
 * passage, same actor or the whole article, at most 18% of the items fall inside a span and
 * 10% of the spans hold an item: this general lexicon's words stand in 10% of the tuning
 * half's spans and 11% of the reporting half's wherever they are (the bound of any alignment).
 */
import data from './word-choice.json';
import type { Quote, Span } from '../quotes';
import { bestCounterpart, stemmedIn, type Sentence, type StemmedText } from './omissions';
import { checkDeadline, deadlineTicker, type FramingDeadline } from './deadline';
import { spanIndex, type SpanIndex } from './spans';
import { compiledLexicon } from './lexicon';
import { lexicon as quoteLexicon } from '../quotes/lexicon';
import { isCalendarWord } from '../match/dates';
import { stop, words, type Word } from './words';

export type WordChoiceKind = 'saying' | 'evaluative';

export interface WordChoiceHit extends Span {
  /** Exactly `text.slice(start, end)`. */
  text: string;
  kind: WordChoiceKind;
  /** What the word does (`attack`, `concession`, `negative`…): the lexicon's `senses`. */
  sense: string;
}

export interface WordChoiceItem {
  side: 'a' | 'b';
  word: WordChoiceHit;
  /** The sentence holding the word, and the other version's sentence that tells the same thing. */
  sentence: Span;
  counterpart: Span;
  /** The neutral verb of saying of the counterpart. */
  neutral: Span & { text: string };
  /** Share of the sentence's content stems found in the counterpart. */
  share: number;
}

/** A sentence tells the same thing as its counterpart when the counterpart holds this share of its content stems… */
export const MIN_ALIGNED = 0.4;
/** …and at least this many of them (a short sentence shares a share by chance). */
export const MIN_SHARED = 4;

interface Entry { tokens: string[]; kind: WordChoiceKind; sense: string }
interface RawLanguage { neutral: string[]; items: { kind: WordChoiceKind; sense: string; forms: string[] }[] }
interface Compiled { byFirst: Map<string, Entry[]>; neutral: Set<string> }

const RAW = (data as unknown as { languages: Record<string, RawLanguage> }).languages;
const CACHE = new Map<string, Compiled | null>();

/** The lexicon of `lang` with its forms tokenised as the text is (`s'en est pris` → se, en, est, pris). */
function compiled(lang: string): Compiled | null {
  if (CACHE.has(lang)) return CACHE.get(lang)!;
  const raw = RAW[lang];
  let out: Compiled | null = null;
  if (raw) {
    const byFirst = new Map<string, Entry[]>();
    for (const item of raw.items) {
      for (const form of item.forms) {
        const tokens = words(form, lang).map((w) => w.lower);
        if (!tokens.length) continue;
        const list = byFirst.get(tokens[0]!) ?? [];
        list.push({ tokens, kind: item.kind, sense: item.sense });
        byFirst.set(tokens[0]!, list);
      }
    }
    for (const list of byFirst.values()) list.sort((x, y) => y.tokens.length - x.tokens.length);
    out = { byFirst, neutral: new Set(raw.neutral) };
  }
  CACHE.set(lang, out);
  return out;
}

/** A French word's forms: as written, and without a plural or feminine ending (`martelée` → `martele`). */
const variants = (w: string, lang: string) => (lang === 'fr' ? [w, w.replace(/s$/u, ''), w.replace(/e$/u, ''), w.replace(/es$/u, '')] : [w]);

/** The lexicon's words in `text`, outside quotations, in text order. */
export function findWordChoice(text: string, lang: string, quotes: readonly Quote[] = [], deadline?: FramingDeadline): WordChoiceHit[] {
  const lex = compiled(lang);
  if (!lex) return [];
  const ws = words(text, lang, deadline);
  const tick = deadlineTicker(deadline);
  // Inside any quotation marks the words are someone else's (a reported quote, or a few words quoted: `“some phony theology”`).
  const quoted = spanIndex(quotes);
  const out: WordChoiceHit[] = [];
  for (let i = 0; i < ws.length; i++) {
    tick();
    const first = ws[i]!;
    if (first.cap && i > 0 && !ws[i - 1]!.breakAfter) continue; // inside a name (`Fierce Creatures`)
    const entries = variants(first.lower, lang).flatMap((v) => lex.byFirst.get(v) ?? []);
    const hit = entries.find((e) => e.tokens.every((t, k) => {
      const w = ws[i + k];
      return w !== undefined && (k === 0 || !ws[i + k - 1]!.breakAfter) && (k === 0 ? true : variants(w.lower, lang).includes(t));
    }));
    if (!hit) continue;
    const last = ws[i + hit.tokens.length - 1]!;
    if (quoted.holding(first.start, last.end).length > 0) continue;
    out.push({ text: text.slice(first.start, last.end), start: first.start, end: last.end, kind: hit.kind, sense: hit.sense });
    i += hit.tokens.length - 1;
  }
  return out;
}

export interface WordChoiceSide {
  text: string;
  language: string | null;
  quotes: readonly Quote[];
}

/** A side with its sentences stemmed, when known (`ArticleFraming.stemmed`). */
export interface StemmedSide extends WordChoiceSide {
  stemmed?: StemmedText;
}

/**
 * The words of `ws` (a text's words, in text order: their starts and their ends both rise) inside
 * `span`, found by binary search: filtering all the text's words for each word-choice hit, several
 * times, was quadratic on a long article.
 */
function within(ws: readonly Word[], span: Span): readonly Word[] {
  const first = (past: (w: Word) => boolean) => {
    let lo = 0;
    let hi = ws.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (past(ws[mid]!)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const from = first((w) => w.start >= span.start);
  const to = first((w) => w.end > span.end);
  return to > from ? ws.slice(from, to) : [];
}

/** The neutral verbs of saying in `span` of `text`, outside reported quotations (`reported`: the side's, indexed), in text order. */
function neutralsIn(reported: SpanIndex<Quote>, ws: readonly Word[], lang: string, span: Span): (Span & { text: string })[] {
  const lex = compiled(lang);
  if (!lex) return [];
  return within(ws, span).filter((x) => !x.cap && lex.neutral.has(x.lower) && reported.holding(x.start, x.end).length === 0).map((w) => ({ text: w.text, start: w.start, end: w.end }));
}

/**
 * What a verb of saying reports, as words: the stretch of its sentence from the verb of saying
 * before it (or the sentence's start) to the one after it (or the sentence's end). With one verb
 * of saying, the whole sentence; in `Vena admitted the talks had been “difficult” but said the
 * walkout was “reckless”`, `admitted` governs the talks, `said` the walkout.
 */
function governed(verbs: readonly Span[], s: Span, v: Span): Span {
  let start = s.start;
  let end = s.end;
  for (const x of verbs) {
    if (x.end <= v.start && x.end > start) start = x.end;
    if (x.start >= v.end && x.start < end) end = x.start;
  }
  return { start, end };
}

/** A verb of saying and its counterpart report the same words when their stretches share this many content words, one of them not a name. */
export const MIN_REPORTED_SHARED = 2;

function reportSame(mine: readonly Word[], a: Span, theirs: readonly Word[], b: Span, lang: string): boolean {
  const keys = new Map(within(theirs, b).filter((w) => !stop(w, lang)).map((w) => [w.key, w.cap]));
  const shared = within(mine, a).filter((w) => !stop(w, lang) && keys.has(w.key));
  return new Set(shared.map((w) => w.key)).size >= MIN_REPORTED_SHARED && shared.some((w) => !w.cap);
}

/** Capitalised words inside a sentence (not its first word): the names it holds. */
export function names(text: string, s: Span): Set<string> {
  const out = new Set<string>();
  for (const m of text.slice(s.start, s.end).matchAll(/(?<=[\p{L}\p{N},;:'’"«»“”] )\p{Lu}[\p{L}-]+/gu)) out.add(m[0].toLowerCase());
  return out;
}

function sharesName(a: string, sa: Span, b: string, sb: Span): boolean {
  const nb = names(b, sb);
  const first = /^\s*(\p{Lu}[\p{L}-]+)/u.exec(b.slice(sb.start, sb.end))?.[1]?.toLowerCase();
  if (first) nb.add(first);
  return [...names(a, sa)].some((n) => nb.has(n));
}

/** The word is judged by its clause, not by its sentence: this many words either side of it… */
export const NEIGHBOURHOOD = 8;
/** …of which at least this many content words are in the counterpart too. */
export const MIN_NEIGHBOURS = 4;

/**
 * The counterpart tells what the word's own clause tells: of the content words within
 * `NEIGHBOURHOOD` content words of it, at least `MIN_NEIGHBOURS` (by stem) are in the counterpart.
 * A long sentence can share its share of stems with a counterpart that tells another of its
 * clauses (`X met farmers in Iowa on Monday …, and at a rally later insisted that …` beside
 * `X met farmers in Iowa on Monday`: the insisting is not told there).
 */
function neighboursShared(text: readonly Word[], s: Span, h: Span, other: readonly Word[], t: Span, lang: string): boolean {
  const mine = within(text, s).filter((w) => !stop(w, lang));
  const theirs = new Set(within(other, t).filter((w) => !stop(w, lang)).map((w) => w.key));
  const at = mine.findIndex((w) => w.start >= h.end);
  const from = at < 0 ? mine.length : at;
  const before = mine.slice(0, from).filter((w) => w.end <= h.start).slice(-NEIGHBOURHOOD);
  const after = mine.slice(from, from + NEIGHBOURHOOD);
  return [...before, ...after].filter((w) => theirs.has(w.key)).length >= MIN_NEIGHBOURS;
}

/** Auxiliaries of a passive right before the verb (`were admitted to hospital`): the subject undergoes it, no one speaks, unless `by` someone follows. */
const PASSIVE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'est', 'sont', 'ete', 'etait', 'etaient']);
/** The passive's agent after the verb (`was slammed by Democrats`). */
const AGENT = new Set(['by', 'par']);
/** Prepositions of motion right after the verb: a body moving (`slammed into a tree`, `blasted off`, `stormed out`), no words reported (not `against`: `railed against cuts`). */
const MOTION = new Set(['into', 'onto', 'through', 'across', 'off', 'out', 'down', 'over']);
/** Determiners and possessives before a subject noun (folded; elided `l'` reads `le`). */
const SUBJECT_DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'my', 'this', 'that', 'le', 'la', 'les', 'un', 'une', 'son', 'sa', 'ses', 'leur', 'leurs', 'ce', 'cet', 'cette']);
/** Nouns of people who speak that are no title of office (`the source insisted`, `critics scoffed`), folded; bodies and documents are the speakers' lexicon's. */
const SPEAKING_PEOPLE = new Set(['source', 'sources', 'official', 'officials', 'spokesman', 'spokeswoman', 'spokesperson', 'aide', 'aides', 'adviser', 'advisers', 'advisor', 'lawyer', 'lawyers', 'attorney', 'critic', 'critics', 'opponent', 'opponents', 'supporter', 'supporters', 'candidate', 'leader', 'leaders', 'porte-parole', 'avocat', 'avocate', 'responsable', 'proche', 'entourage', 'opposition', 'candidat', 'elu', 'elue', 'depute', 'deputee']);

/**
 * Whether a charged verb of saying is used of a thing, saying nothing (precision first: the words
 * of `slammed`, `claimed`, `admitted` also tell a car hitting a tree, a storm killing, a patient
 * taken in): a passive without its agent (`were admitted to hospital`), a preposition of motion
 * after it (`his car slammed into a tree`), or a common noun right before it after a determiner
 * (`the storm claimed the lives of two children`) that is no title, body or document and no one who speaks; or a
 * concession whose object is a name (below). A made-up pair showed the first two as charged verbs
 * beside the other's `said`.
 */
function usedOfThing(ws: readonly Word[], s: Span, h: WordChoiceHit, lang: string): boolean {
  const sentence = within(ws, s);
  const at = sentence.findIndex((w) => w.start >= h.start);
  const last = sentence.findIndex((w) => w.start >= h.end);
  const next = last < 0 ? undefined : sentence[last];
  const before = (k: number) => (at - k >= 0 && !sentence[at - k]!.breakAfter ? sentence[at - k] : undefined);
  if (next && MOTION.has(next.lower)) return true;
  // A concession's object is what is owned up to, not a state or a body named (`a reconnu lundi
  // l'Etat de Palestine`: recognised, no concession; a made-up pair showed it beside `a annoncé`).
  if (h.sense === 'concession' && last >= 0) {
    let k = last;
    while (k < sentence.length && isCalendarWord(sentence[k]!.text, lang)) k++;
    const object = SUBJECT_DETERMINERS.has(sentence[k]?.lower ?? '') && !sentence[k]!.cap ? sentence[k + 1] : sentence[k];
    if (object?.cap && !stop(object, lang)) return true;
  }
  if (before(1) && PASSIVE.has(before(1)!.lower)) return !(next && AGENT.has(next.lower));
  const noun = before(1);
  if (!noun || noun.cap || !before(2) || !SUBJECT_DETERMINERS.has(before(2)!.lower)) return false;
  const speakers = quoteLexicon(lang);
  return ![compiledLexicon(lang).titles, speakers.titles, speakers.organisations, speakers.documents, SPEAKING_PEOPLE].some((nouns) => nouns.has(noun.lower));
}

/**
 * Word-choice items of both versions: each charged verb of saying beside the neutral verb of its
 * counterpart, the most closely aligned sentences first.
 */
export function compareWordChoice(a: StemmedSide, b: StemmedSide, deadline?: FramingDeadline): WordChoiceItem[] {
  const lang = a.language ?? 'en';
  if ((b.language ?? lang) !== lang) return [];
  // Past `deadline`, stopped (`FramingCut`) between its passes over each text and inside its loop.
  const stemmed = { a: stemmedIn(a.text, lang, a.stemmed, deadline), b: stemmedIn(b.text, lang, b.stemmed, deadline) };
  const sentences = { a: stemmed.a.sentences, b: stemmed.b.sentences };
  checkDeadline(deadline);
  const hitsA = findWordChoice(a.text, lang, a.quotes, deadline);
  const hits = { a: hitsA, b: findWordChoice(b.text, lang, b.quotes, deadline) };
  checkDeadline(deadline);
  const index = { a: stemmed.a.index, b: stemmed.b.index };
  const wsA = words(a.text, lang, deadline);
  const ws = { a: wsA, b: words(b.text, lang, deadline) };
  const sides = { a, b };
  // (Each side's reported quotations indexed once, not once per sentence read.)
  const reportedOf = (x: WordChoiceSide) => spanIndex(x.quotes.filter((q) => q.kind === 'reported'));
  const reported = { a: reportedOf(a), b: reportedOf(b) };
  const out: WordChoiceItem[] = [];
  const tick = deadlineTicker(deadline);
  for (const side of ['a', 'b'] as const) {
    const other = side === 'a' ? 'b' : 'a';
    const holder = spanIndex(sentences[side]);
    const seen = new Set<string>();
    for (const h of hits[side]) {
      tick();
      if (h.kind !== 'saying') continue;
      const s: Sentence | undefined = holder.holding(h.start, h.end)[0];
      const key = h.text.toLowerCase();
      if (!s || seen.has(key) || usedOfThing(ws[side], s, h, lang)) continue;
      const best = bestCounterpart(s, index[other]);
      if (best.k < 0 || best.share < MIN_ALIGNED || best.shared < MIN_SHARED) continue;
      const t = sentences[other][best.k]!;
      // The same actors (a name of the sentence is named in its counterpart too: stems shared by chance name no one), and the word's own clause told there.
      if (!sharesName(sides[side].text, s, sides[other].text, t) || !neighboursShared(ws[side], s, h, ws[other], t, lang)) continue;
      // The other version judges too (`slammed` beside `blasted`): no difference of word choice —
      // in the counterpart or anywhere else in it (`a minimisé la portée du chiffre. «…», a
      // déclaré le ministre` beside `…, tout en minimisant la portée du chiffre. «…», a déclaré X`:
      // the other's judgement stands in the sentence before the counterpart).
      if (hits[other].some((x) => x.sense === h.sense)) continue;
      // Only when the counterpart reports the same words with a neutral verb of saying: the
      // stretches the two verbs govern share words (`admitted the talks had been difficult`
      // beside `said the railroad had offered a raise`, in sentences that tell the same walkout,
      // reports two things).
      const verbsOf = (x: 'a' | 'b', u: Span, neutrals: readonly Span[]) => [...hits[x].filter((y) => y.kind === 'saying' && y.start >= u.start && y.end <= u.end), ...neutrals];
      const neutrals = neutralsIn(reported[other], ws[other], lang, t);
      const mine = governed(verbsOf(side, s, neutralsIn(reported[side], ws[side], lang, s)), s, h);
      const neutral = neutrals.find((n) => reportSame(ws[side], mine, ws[other], governed(verbsOf(other, t, neutrals), t, n), lang));
      if (!neutral) continue;
      seen.add(key);
      out.push({ side, word: h, sentence: { start: s.start, end: s.end }, counterpart: { start: t.start, end: t.end }, neutral, share: Math.round(best.share * 100) / 100 });
    }
  }
  return out.sort((x, y) => y.share - x.share || (x.side === y.side ? x.word.start - y.word.start : x.side === 'a' ? -1 : 1));
}
