/**
 * Actor labels: the mentions of actors (people, groups, states, institutions) in one article,
 * each with the words that carry its framing, and the grouping of the mentions of two articles
 * that name the same actor, so that a view can set each outlet's labels side by side.
 *
 * Framing, after Entman (1993, "Framing: toward clarification of a fractured paradigm"), is the
 * selection and salience of some aspects of a reality: here, the label an outlet picks for an
 * actor (`régime de Damas` vs `gouvernement du président syrien`) and the modifiers around it
 * (`la prétendue «opposition modérée»`, `groupes rebelles supportés par Washington`). Recasens,
 * Danescu-Niculescu-Mizil & Jurafsky (2013, "Linguistic models for analyzing and detecting
 * biased language") show such "framing bias" sits mostly in single words and short phrases,
 * which is why labels are kept with their modifiers rather than reduced to a name.
 *
 * Mentions come from features and a lexicon, no model:
 * 1. the alias lexicon (`aliases.json`): labels matched by stems, longest first;
 * 2. capitalised names (`lib/match` `findEntities` decides which runs are names);
 * 3. extensions that keep the framing words: hedges and classifiers before (`prétendue`,
 *    `groupe terroriste`, `groupes de`), titles before names (`président Assad`), adjectives,
 *    scare quotes and agent phrases after (`« modérés »`, `supportés par Washington`), an
 *    acronym defined in brackets (`groupe Etat islamique (EI)`);
 * 4. appositions that rename (`le Front Al-Nosra, la branche syrienne d'Al-Qaïda`), headed by a
 *    noun of the lexicon's `appositionNouns`.
 *
 * Grouping (`groupActors`) uses, in order: the lexicon actor; an acronym defined in either text;
 * the apposition's name; shared head words of names (`Obama` in `Barack Obama`, only when the
 * shorter name is the end of exactly one longer name, so `Washington` never joins
 * `Washington Post` and `Bush` stays alone beside `George Bush` and `Jeb Bush`).
 */
import type { Quote } from '../quotes';
import { stem, wordsOfEveryLanguage, type WordClass } from '../text';
import { entityKey, findEntities } from '../match';
import { complementAfterName } from '../match/entities';
import { compiledLexicon, officeHolder, type CompiledLabel, type CompiledLexicon } from './lexicon';
import { checkDeadline, deadlineTicker, type FramingDeadline } from './deadline';
import { spanIndex } from './spans';
import { adjacent, lowerNoAccents, stop, words, type Word } from './words';
import type { Span } from '../quotes';

/** Why a word of a label is there: the modifiers that carry framing. */
export type ModifierKind = 'hedge' | 'scare' | 'adjective' | 'agent' | 'complement' | 'classifier' | 'title' | 'acronym';

export interface Modifier extends Span {
  text: string;
  kind: ModifierKind;
}

export interface ActorMention extends Span {
  /** Exactly `text.slice(start, end)`: the label with its framing words. */
  text: string;
  /** The actor: a lexicon id (`syrian-government`) or `name:` + the name's key. */
  actor: string;
  /** The core of the label (the name or head noun), without the modifiers. */
  head: Span;
  modifiers: Modifier[];
  /** The lexicon's connotation note, when the label is in the lexicon. */
  note: string | null;
  /** A label the lexicon marks as carrying a judgement (`régime`, `terroristes`): its canonical spelling; null for a name. */
  connotation: string | null;
  via: 'lexicon' | 'name' | 'apposition' | 'acronym';
}

/** A word class of lib/text's lexicon, every language, in the form framing compares (`Word.lower`). */
const wordClass = (cls: WordClass): ReadonlySet<string> => new Set([...wordsOfEveryLanguage(cls)].map(lowerNoAccents));
/** Hedges before a label (Hyland 1998 "shields"; the quotes lexicon's distancing words). */
const HEDGES_BEFORE = wordClass('hedgesBefore');
/** Hedges after a label (`factions de l'opposition dites modérée`). */
const HEDGES_AFTER = wordClass('hedgesAfter');
const INTENSIFIERS = wordClass('intensifiers');
/** French adjective endings (not verb endings: `-aient`, `-ent` are left out). */
const FR_ADJECTIVE = /(?:\u00e9|ee|\u00e9s|ees|russes?|arabes?|ien|ienne|iens|iennes|ain|aine|ains|aines|ais|aise|aises|ois|oise|oises|ique|iques|iste|istes|el|elle|els|elles|al|ale|aux|ales|if|ive|ifs|ives|eux|euse|euses|aire|aires|ere|eres|ier|iers|ste|stes)$/u;
/** English adjective endings before a head (`moderate rebels`, `radical Islamic militants`). */
const EN_ADJECTIVE = /(?:al|ic|ive|ous|ist|ed|ent|ant|ary|ian|ish|less|ful|ible|able|ate|-\p{L}+)$/u;
/**
 * A past participle, head of an agent phrase (`supportés par`, `opposés au`, `backed by`), read
 * with its accents: folded, `-e` is also every present tense of a French `-er` verb (`l'opposition
 * négocie à Genève`, `discute`, `rencontre`). `-ie` and `-it` are participles (`réunie`, `conduit`)
 * and present tenses (`négocie`, `finit`) alike: taken before `par` only, the agent's preposition.
 */
const PARTICIPLE = /(?:é|ée|és|ées|u|ue|us|ues|i|is|ies|ite|its|ites|ed)$/u;
const PARTICIPLE_BEFORE_PAR = /(?:ie|it)$/u;
const isParticiple = (w: Word, next: Word) => {
  const t = w.text.toLowerCase();
  return PARTICIPLE.test(t) || (PARTICIPLE_BEFORE_PAR.test(t) && next.lower === 'par');
};
const AGENT_PREPOSITIONS = wordClass('agentPrepositions');
const LOCATIVE = wordClass('locativePrepositions');
const DE = wordClass('genitives');
const DETERMINERS = wordClass('articles');
/** Name connectors (`de`, `of`, `bin`): lower-case words a capitalised run may hold. */
const CONNECTORS = wordClass('nameConnectors');
/** At most this many modifier words after a head. */
const MAX_MODIFIER_WORDS = 3;

interface Draft {
  i0: number;
  i1: number; // word indices, inclusive
  actor: string | null;
  headI0: number;
  headI1: number;
  modifiers: Modifier[];
  note: string | null;
  connotation: string | null;
  via: ActorMention['via'];
  bare: boolean;
  /** The head word's key, for a bare head resolved by an earlier mention with the same head. */
  headKey: string;
  proper: boolean;
  /** The label names a kind of actor (a group, a bare government word) that takes adjectives after it. */
  open: boolean;
  /** Characters after the last word that belong to the label (a closing bracket or quotation mark). */
  closeExtra?: number;
}

/** Same word up to an inflection: all but the last letter of the shorter form agree. */
function closeForm(a: string, b: string): boolean {
  a = a.replace(/^(?:al|el|ad)-/u, '');
  b = b.replace(/^(?:al|el|ad)-/u, '');
  const n = Math.max(1, Math.min(a.length, b.length) - 1);
  return a.replace(/^[dl]'$/u, '').slice(0, n) === b.replace(/^(?:de|le)$/u, '').slice(0, n) || a.length <= 2;
}

/** The longest lexicon label at word `i`. */
function lexiconAt(ws: Word[], text: string, i: number, lex: CompiledLexicon): { label: CompiledLabel; end: number } | null {
  let node = lex.trie;
  let best: { label: CompiledLabel; end: number } | null = null;
  for (let j = i; j < ws.length; j++) {
    const n = node.next.get(ws[j]!.key);
    if (!n) break;
    node = n;
    const ok = n.labels.find((l) => (!l.proper || ws[i]!.cap) && l.forms.every((f, k) => closeForm(f, ws[i + k]?.lower ?? '')));
    if (ok) best = { label: ok, end: j };
    if (ws[j]!.breakAfter || (j + 1 < ws.length && !adjacent(text, ws[j]!, ws[j + 1]!) && !/^\s*$/u.test(text.slice(ws[j]!.end, ws[j + 1]!.start)))) break;
  }
  return best;
}

/** Capitalised runs (names), as `[i0, i1]`, cut where `findEntities` judges the name starts. */
function nameRuns(ws: Word[], text: string, lang: string, lex: CompiledLexicon, deadline?: FramingDeadline): [number, number][] {
  const tick = deadlineTicker(deadline);
  const keys = new Set(findEntities(text, lang, tick).map((e) => e[0]));
  checkDeadline(deadline);
  const out: [number, number][] = [];
  let i = 0;
  while (i < ws.length) {
    tick();
    if (!ws[i]!.cap) {
      i++;
      continue;
    }
    if (lex.notActors.has(ws[i]!.lower)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < ws.length && !ws[j]!.breakAfter && adjacent(text, ws[j]!, ws[j + 1]!) && !lex.notActors.has(ws[j + 1]!.lower)) {
      if (ws[j + 1]!.cap) j++;
      else if (CONNECTORS.has(ws[j + 1]!.lower) && j + 2 < ws.length && ws[j + 2]!.cap && !ws[j + 1]!.breakAfter && adjacent(text, ws[j + 1]!, ws[j + 2]!) && !complementAfterName(ws[j + 1]!.text, ws.slice(i, j + 1), lang)) j += 2;
      else break;
    }
    // Drop leading words until the rest is a name findEntities knows (`Selon la Maison Blanche`).
    for (let s = i; s <= j; s++) {
      if (!ws[s]!.cap) continue;
      const label = text.slice(ws[s]!.start, ws[j]!.end);
      if (keys.has(entityKey(label)) && !(s === j && lex.notActors.has(ws[s]!.lower))) {
        out.push([s, j]);
        break;
      }
    }
    i = j + 1;
  }
  return out;
}

/** What the passes of `findActorMentions` share: the article, its words, and which of them a label already holds. */
interface Passes {
  text: string;
  lang: string;
  lex: CompiledLexicon;
  ws: Word[];
  /** 1 where a word already belongs to a label. */
  taken: Uint8Array;
}

/** The extension pass's view of the drafts (pass 3). */
interface Extending extends Passes {
  /** The modifier made of words `i0`..`i1`. */
  mod: (i0: number, i1: number, kind: ModifierKind) => Modifier;
  /** The draft holding word `i`, if any. */
  owner: (i: number) => Draft | undefined;
  isAdjective: (w: Word) => boolean;
  /** The first scare quote whose opening mark starts at or after `pos`. */
  scareFrom: (pos: number) => Quote | undefined;
  /** Acronyms defined in brackets after a name (`groupe Etat islamique (EI)`), by folded acronym. */
  acronymOf: Map<string, Draft>;
}

/**
 * The actor mentions of one article, in text order. `quotes` are the article's quotations
 * (`extractQuotes`): scare quotes join the label they qualify. `date` (ISO, the article's
 * publication) tells who held an office the article names by its title.
 */
export function findActorMentions(text: string, lang: string, quotes: readonly Quote[] = [], date: string | null = null, deadline?: FramingDeadline): ActorMention[] {
  const lex = compiledLexicon(lang);
  const ws = words(text, lang, deadline);
  const passes: Passes = { text, lang, lex, ws, taken: new Uint8Array(ws.length) };
  const scares = quotes.filter((q) => q.kind === 'scare');
  // Past `deadline`, stopped between two passes (`FramingCut`): each is a few tens of milliseconds on a page of 5,000 quotations.
  checkDeadline(deadline);
  const runs = nameRuns(ws, text, lang, lex, deadline);
  checkDeadline(deadline);
  const tick = deadlineTicker(deadline);
  const drafts = [...lexiconDrafts(passes, runs, tick), ...nameDrafts(passes, runs, tick)].sort((x, y) => x.i0 - y.i0);
  checkDeadline(deadline);
  const acronymOf = extendDrafts(passes, drafts, scares, tick);
  checkDeadline(deadline);
  resolveOffices(passes, drafts, date);
  resolveBareHeads(passes, drafts);
  const mentions = toMentions(passes, drafts, acronymOf);
  checkDeadline(deadline);
  joinScareQuotes(text, mentions, scares);
  const merged = mergeAdjacent(text, mentions, lex);
  checkDeadline(deadline);
  return merged.concat(appositions(text, ws, merged, lex, deadline));
}

/** Words right before a city that make it the place (`à Damas`, `in Moscow`), folded. */
const AT_PLACE = new Set(['a', 'au', 'aux', 'dans', 'vers', 'in', 'near', 'outside', 'around', 'at', 'into']);
/** Nouns and adverbs of place that take the city through `de` / `of` (`près de Damas`, `aux portes de Damas`, `the outskirts of Damascus`), folded. */
const PLACE_OF = new Set(['pres', 'portes', 'autour', 'banlieue', 'environs', 'abords', 'peripherie', 'region', 'aeroport', 'sud', 'nord', 'est', 'ouest', 'centre', 'route', 'faubourgs', 'hauteurs', 'outskirts', 'suburbs', 'south', 'north', 'east', 'west', 'center']);

/** Whether the city at `ws[i]` is the place a preposition of place names, not its government (`près de Damas`: the city, `Damas a annoncé`: the government). */
function atPlace(ws: readonly Word[], i: number): boolean {
  const p1 = ws[i - 1];
  if (!p1 || p1.breakAfter) return false;
  if (AT_PLACE.has(p1.lower)) return true;
  const p2 = ws[i - 2];
  return ['de', 'du', 'of'].includes(p1.lower) && p2 !== undefined && !p2.breakAfter && PLACE_OF.has(p2.lower);
}

/** 1. Lexicon labels, longest first at each position; a label must not end inside a longer name. */
function lexiconDrafts({ text, lang, lex, ws, taken }: Passes, runs: readonly [number, number][], tick: () => void): Draft[] {
  const runOf = new Int32Array(ws.length).fill(-1);
  runs.forEach(([a, b], r) => { for (let k = a; k <= b; k++) runOf[k] = r; });
  const drafts: Draft[] = [];
  for (let i = 0; i < ws.length; i++) {
    tick();
    const hit = lexiconAt(ws, text, i, lex);
    if (!hit) continue;
    const r = runOf[hit.end]!;
    if (r >= 0 && runs[r]![1] > hit.end) continue; // `Washington` of `Washington Post`
    if (r >= 0 && runs[r]![0] < i && !hit.label.proper) continue;
    // Nor start inside a longer name, unless only titles come before it (`President Obama`, not `Free Syrian Army`).
    if (r >= 0 && runs[r]![0] < i && ws.slice(runs[r]![0], i).some((w) => w.cap && !lex.titles.has(w.lower) && !lex.notActors.has(w.lower))) continue;
    if (qualifiesNoun(ws, i, hit.end, lang, lex) && !hit.label.proper) continue;
    if (hit.label.label.place && atPlace(ws, i)) continue;
    const { actor, label } = hit.label;
    drafts.push({ i0: i, i1: hit.end, actor: label.bare ? null : actor.id, headI0: i, headI1: hit.end, modifiers: [], note: label.note, connotation: label.charged ? (label.spellingOf ?? label.text) : null, via: 'lexicon', bare: !!label.bare, headKey: ws[i]!.key, proper: hit.label.proper, open: !hit.label.proper && (actor.kind === 'group' || !!label.bare) });
    for (let k = i; k <= hit.end; k++) taken[k] = 1;
    i = hit.end;
  }
  return drafts;
}

/** French words of a group's label that are adjectives too (`terroriste`, `jihadiste`, `révolutionnaire`, `rebelle`), in the singular. */
const ADJECTIVE_LABEL_FR = /(?:iste|aire|elle)$/u;

/**
 * A one-word label in the singular right after a lower-case noun qualifies that noun, in French
 * order (`une activité terroriste`, `la propagande jihadiste`): an adjective, not a mention of the
 * group. After a classifier it names the group (`organisation terroriste`).
 */
function qualifiesNoun(ws: readonly Word[], i: number, end: number, lang: string, lex: CompiledLexicon): boolean {
  if (!lang.startsWith('fr') || end !== i || i === 0 || !ADJECTIVE_LABEL_FR.test(ws[i]!.lower)) return false;
  const prev = ws[i - 1]!;
  return !prev.cap && !prev.breakAfter && !stop(prev, lang) && !lex.classifiers.has(prev.lower) && !lex.titles.has(prev.lower) && /\p{L}{3}$/u.test(prev.lower);
}

/** 2. Names not covered by the lexicon. */
function nameDrafts({ text, lex, ws, taken }: Passes, runs: readonly [number, number][], tick: () => void): Draft[] {
  const drafts: Draft[] = [];
  for (const [a, b] of runs) {
    tick();
    let s = a;
    while (s <= b && taken[s]) s++;
    if (s > b) continue;
    let e = s;
    while (e + 1 <= b && !taken[e + 1]) e++;
    if (e - s === 0 && lex.notActors.has(ws[s]!.lower)) continue;
    // The possessive is not part of the name (`Steele’s` is Steele).
    const label = text.slice(ws[s]!.start, ws[e]!.end).replace(/['’]s$/u, '');
    drafts.push({ i0: s, i1: e, actor: `name:${entityKey(label)}`, headI0: s, headI1: e, modifiers: [], note: null, connotation: null, via: 'name', bare: false, headKey: ws[e]!.key, proper: true, open: false });
    for (let k = s; k <= e; k++) taken[k] = 1;
  }
  return drafts;
}

/** 3. Extensions of every draft, left then right; returns the acronyms defined in brackets. */
function extendDrafts(passes: Passes, drafts: Draft[], scares: readonly Quote[], tick: () => void): Map<string, Draft> {
  const { text, lang, ws, taken } = passes;
  // Scare quotes by the start of their opening mark (spanIndex over the marks).
  const scareMarks = spanIndex(scares.map((q) => ({ start: q.marks.open.start, end: q.marks.close.end, q })));
  const ownerOf = new Map<number, Draft>();
  for (const d of drafts) for (let k = d.i0; k <= d.i1; k++) ownerOf.set(k, d);
  const indexOf = new Map(ws.map((w, k) => [w, k]));
  const x: Extending = {
    ...passes,
    mod: (i0, i1, kind) => ({ text: text.slice(ws[i0]!.start, ws[i1]!.end), start: ws[i0]!.start, end: ws[i1]!.end, kind }),
    owner: (i) => ownerOf.get(i) ?? drafts.find((d) => d.i0 <= i && i <= d.i1),
    isAdjective: (w) => !w.cap && !stop(w, lang) && !taken[indexOf.get(w)!] && (lang === 'en' ? EN_ADJECTIVE.test(w.lower) : FR_ADJECTIVE.test(w.lower)),
    scareFrom: (pos) => scareMarks.firstFrom(pos)?.q,
    acronymOf: new Map(),
  };
  for (const d of drafts) {
    tick();
    extendLeft(x, d);
    extendRight(x, d);
  }
  return x.acronymOf;
}

/** Left: title before a name, adjectives before an English head, classifiers, hedges. */
function extendLeft({ text, lang, lex, ws, taken, mod, isAdjective }: Extending, d: Draft): void {
  let i = d.i0;
  for (;;) {
    const p = i - 1;
    if (p < 0 || ws[p]!.breakAfter || taken[p] || !adjacent(text, ws[p]!, ws[i]!)) break;
    const w = ws[p]!;
    if (HEDGES_BEFORE.has(w.lower)) { d.modifiers.unshift(mod(p, p, 'hedge')); i = p; continue; }
    if (lex.titles.has(w.lower) && d.proper) { d.modifiers.unshift(mod(p, p, 'title')); i = p; continue; }
    if (lex.classifiers.has(w.lower)) { d.modifiers.unshift(mod(p, p, 'classifier')); i = p; continue; }
    // `groupes de rebelles`, `factions de l'opposition`
    if (DE.has(w.lower) || w.lower === 'le' || w.lower === 'la') {
      let q = p;
      if ((w.lower === 'le' || w.lower === 'la') && q - 1 >= 0 && ws[q - 1]!.lower === 'de') q--;
      if (q - 1 >= 0 && lex.classifiers.has(ws[q - 1]!.lower) && !ws[q - 1]!.breakAfter && !taken[q - 1]) { d.modifiers.unshift(mod(q - 1, q - 1, 'classifier')); i = q - 1; continue; }
      break;
    }
    // `groupe terroriste Front al-Nosra`, `président syrien Bachar el-Assad`, `moderate rebels`
    if (!w.cap && !stop(w, lang) && p - 1 >= 0 && !ws[p - 1]!.breakAfter && (lex.classifiers.has(ws[p - 1]!.lower) || (d.proper && lex.titles.has(ws[p - 1]!.lower))) && isAdjective(w)) {
      d.modifiers.unshift(mod(p - 1, p, lex.classifiers.has(ws[p - 1]!.lower) ? 'classifier' : 'title'));
      i = p - 1;
      continue;
    }
    if (lang === 'en' && !d.proper && isAdjective(w) && d.i0 - p <= MAX_MODIFIER_WORDS) { d.modifiers.unshift(mod(p, p, 'adjective')); i = p; continue; }
    break;
  }
  for (let k = i; k < d.i0; k++) taken[k] = 1;
  d.i0 = i;
}

/** Right: acronym in brackets, scare quote, adjectives, hedges + adjective, agent phrase, complement of a bare head. */
function extendRight(x: Extending, d: Draft): void {
  const { text, lang, ws, taken, mod, isAdjective, owner, acronymOf } = x;
  let j = d.i1;
  let added = 0;
  for (;;) {
    const n = j + 1;
    if (n >= ws.length) break;
    const gap = text.slice(ws[j]!.end, ws[n]!.start);
    const acr = /^\s*\(\s*$/u.exec(gap) && /^\p{Lu}{2,6}$/u.test(ws[n]!.text) && /^\s*\)/u.test(text.slice(ws[n]!.end));
    if (acr && d.proper) {
      const initials = ws.slice(d.headI0, d.headI1 + 1).map((w) => lowerNoAccents(w.text)[0]).join('');
      const acronym = lowerNoAccents(ws[n]!.text);
      if (initials.includes(acronym) || ws.slice(d.headI0, d.headI1 + 1).filter((w) => w.cap).map((w) => lowerNoAccents(w.text)[0]).join('') === acronym) {
        d.modifiers.push({ ...mod(n, n, 'acronym'), start: ws[n]!.start, end: ws[n]!.end });
        acronymOf.set(acronym, d);
        j = n;
        taken[n] = 1;
        // the closing bracket belongs to the label
        d.closeExtra = text.indexOf(')', ws[n]!.end) + 1 - ws[n]!.end;
        break;
      }
    }
    // A scare quote right after the head, or one that the head sits in.
    const q = x.scareFrom(ws[j]!.end);
    if (q && q.marks.open.start - ws[j]!.end <= 2) {
      d.modifiers.push({ text: text.slice(q.start, q.end), start: q.start, end: q.end, kind: 'scare' });
      let k = n;
      while (k < ws.length && ws[k]!.end <= q.end) { taken[k] = 1; k++; }
      j = k - 1;
      d.closeExtra = q.marks.close.end - ws[j]!.end;
      break;
    }
    if (ws[j]!.breakAfter || !adjacent(text, ws[j]!, ws[n]!) || taken[n]) break;
    const w = ws[n]!;
    if (added >= MAX_MODIFIER_WORDS) break;
    if (lang !== 'en' && (HEDGES_AFTER.has(w.lower) || INTENSIFIERS.has(w.lower)) && n + 1 < ws.length && isAdjective(ws[n + 1]!) && !w.breakAfter) {
      d.modifiers.push(mod(n, n, HEDGES_AFTER.has(w.lower) ? 'hedge' : 'adjective'), mod(n + 1, n + 1, 'adjective'));
      j = n + 1;
      added += 2;
      continue;
    }
    // Agent phrase: participle + par/au/à + (det) + a name or title ending on a mention.
    if (lang !== 'en' && !w.cap && !stop(w, lang) && n + 1 < ws.length && isParticiple(w, ws[n + 1]!) && AGENT_PREPOSITIONS.has(ws[n + 1]!.lower) && !w.breakAfter) {
      const end = agentEnd(x, n + 2);
      if (end >= 0) {
        d.modifiers.push(mod(n, end, 'agent'));
        j = end;
        added = MAX_MODIFIER_WORDS;
        continue;
      }
    }
    if (lang === 'en' && (w.lower === 'backed' || w.lower === 'supported') && n + 1 < ws.length && ws[n + 1]!.lower === 'by') {
      const end = agentEnd(x, n + 2);
      if (end >= 0) { d.modifiers.push(mod(n, end, 'agent')); j = end; added = MAX_MODIFIER_WORDS; continue; }
    }
    if (lang !== 'en' && d.open && isAdjective(w)) {
      d.modifiers.push(mod(n, n, 'adjective'));
      j = n;
      added++;
      continue;
    }
    // Complement of a bare government head: `gouvernement du président syrien Bachar el-Assad`.
    if (d.bare && (DE.has(w.lower) || w.lower === 'of')) {
      const end = agentEnd(x, n + 1);
      if (end >= 0) {
        const inner = owner(end);
        d.actor = inner?.actor ?? null;
        d.modifiers.push(mod(n, end, 'complement'));
        j = end;
        break;
      }
    }
    break;
  }
  d.i1 = j;
}

/** A name or title inside `[i, …]` within four words: the end of an agent phrase or complement. */
function agentEnd({ lex, ws, owner, isAdjective }: Extending, i: number): number {
  let k = i;
  while (k < ws.length && k - i < 5) {
    const w = ws[k]!;
    const o = owner(k);
    if (o && o.actor !== null) return o.i1;
    if (w.breakAfter) return -1;
    if (!(DETERMINERS.has(w.lower) || DE.has(w.lower) || lex.titles.has(w.lower) || (!w.cap && isAdjective(w)))) return -1;
    k++;
  }
  return -1;
}

/** Words that make a title name someone else than the holder of the day (`l'ancien président`, `the late president`). */
const NOT_IN_OFFICE = wordClass('notInOffice');

/**
 * 3b. Titles of offices (`président américain`) name a person only when that is sure: the
 * article names the person with the title (`le président américain Donald Trump`, `Donald
 * Trump, le président américain`), which holds for its other bare mentions of the title too;
 * else the holder on the article's date. Otherwise, or after `ancien`/`former`, the title stays
 * the title (its office's own actor): a 2018 text's `président américain` is not Obama.
 */
function resolveOffices({ text, lex, ws }: Passes, drafts: Draft[], date: string | null): void {
  const officeOf = (d: Draft) => (d.actor !== null ? lex.offices.get(d.actor) : undefined);
  const person = (d: Draft | undefined): d is Draft => !!d && d.actor !== null && d.proper && !officeOf(d) && (d.via === 'name' || lex.actors.get(d.actor)?.kind === 'person' || /\s/u.test(text.slice(ws[d.headI0]!.start, ws[d.headI1]!.end)));
  const gap = (x: Draft, y: Draft) => text.slice(ws[x.i1]!.end, ws[y.i0]!.start);
  const named = new Map<string, Set<string>>();
  const byTitle = new Map<Draft, string>();
  drafts.forEach((d, k) => {
    const office = officeOf(d);
    if (!office) return;
    const next = drafts[k + 1];
    const prev = drafts[k - 1];
    // `président américain Donald Trump` / `président américain, Donald Trump,` / `Donald Trump, le président américain`
    const who = person(next) && /^[ \u00a0]*,?[ \u00a0]*$/u.test(gap(d, next)) ? next : person(prev) && /^[ \u00a0]*,[ \u00a0]*(?:le|la|l['’]|the)[ \u00a0]*$/iu.test(gap(prev, d)) ? prev : undefined;
    if (!who) return;
    byTitle.set(d, who.actor!);
    named.set(office.id, (named.get(office.id) ?? new Set()).add(who.actor!));
  });
  for (const d of drafts) {
    const office = officeOf(d);
    if (!office) continue;
    const holder = byTitle.get(d);
    if (holder) { d.actor = holder; continue; }
    const before = ws[d.i0 - 1];
    if ((before && NOT_IN_OFFICE.has(before.lower)) || d.modifiers.some((m) => NOT_IN_OFFICE.has(lowerNoAccents(m.text)))) continue;
    const names = named.get(office.id);
    const resolved = names ? (names.size === 1 ? [...names][0]! : null) : officeHolder(office, date);
    if (resolved) d.actor = resolved;
  }
}

/** Bare heads that name a country's government, the adjective or name beside them saying which (`armée` does not: an army is not its government). */
const GOVERNMENT_HEADS = new Set(['regime', 'gouvernement', 'government', 'administration']);

/**
 * 4. Bare heads: resolved by their complement; a government head by the adjective after it or the
 * name before it, whichever head names it (`régime vénézuélien` and `gouvernement vénézuélien`, `the
 * Maduro regime` and `the Maduro government`: one actor, two labels); else by the last mention
 * with the same head.
 */
function resolveBareHeads({ text, lang, ws }: Passes, drafts: Draft[]): void {
  const lastByHead = new Map<string, string>();
  drafts.forEach((d, k) => {
    if (d.bare && d.actor === null && GOVERNMENT_HEADS.has(ws[d.headI0]!.lower)) {
      // (An English adjective before the head describes it, `limited government`; a French one after it says whose.)
      const adjective = lang.startsWith('en') ? undefined : d.modifiers.find((m) => m.kind === 'adjective');
      const prev = drafts[k - 1];
      if (adjective) d.actor = `government:${stem(lowerNoAccents(adjective.text), lang)}`;
      else if (prev?.via === 'name' && prev.actor !== null && prev.i1 === d.i0 - 1 && !ws[prev.i1]!.breakAfter && adjacent(text, ws[prev.i1]!, ws[d.i0]!)) {
        d.actor = `government:${prev.actor.slice('name:'.length)}`;
        d.modifiers.unshift({ text: text.slice(ws[prev.i0]!.start, ws[prev.i1]!.end), start: ws[prev.i0]!.start, end: ws[prev.i1]!.end, kind: 'adjective' });
        d.i0 = prev.i0;
        prev.actor = null;
      }
    }
    if (d.bare && d.actor === null && d.modifiers.length === 0) d.actor = lastByHead.get(d.headKey) ?? null;
    if (d.actor !== null) lastByHead.set(d.headKey, d.actor);
  });
}

/** 5. The mentions of the drafts that name an actor; acronyms defined in the text name the same actor (`EI` after `groupe Etat islamique (EI)`). */
function toMentions({ text, ws }: Passes, drafts: readonly Draft[], acronymOf: ReadonlyMap<string, Draft>): ActorMention[] {
  const mentions: ActorMention[] = [];
  for (const d of drafts) {
    if (d.actor === null) continue;
    if (d.via === 'name' && d.i0 === d.headI0 && d.i1 === d.headI1) {
      const def = acronymOf.get(lowerNoAccents(text.slice(ws[d.i0]!.start, ws[d.i1]!.end)));
      if (def && def !== d && def.actor) { d.actor = def.actor; d.via = 'acronym'; }
    }
    const start = ws[d.i0]!.start;
    const end = ws[d.i1]!.end + (d.closeExtra ?? 0);
    mentions.push({ text: text.slice(start, end), start, end, actor: d.actor, head: { start: ws[d.headI0]!.start, end: ws[d.headI1]!.end }, modifiers: d.modifiers, note: d.note, connotation: d.connotation, via: d.via });
  }
  return mentions;
}

/** A scare quote around the head (`la prétendue «opposition modérée»`): the marks and a hedge before join the label. */
function joinScareQuotes(text: string, mentions: ActorMention[], scares: readonly Quote[]): void {
  const scareIndex = spanIndex(scares);
  for (const m of mentions) {
    // Only a short quoted label (at most three words), not a phrase that happens to hold a name.
    const q = scareIndex.holding(m.head.start, m.head.end).find((qq) => text.slice(qq.start, qq.end).trim().split(/\s+/u).length <= 3);
    if (!q) continue;
    m.modifiers.push({ text: text.slice(q.start, q.end), start: q.start, end: q.end, kind: 'scare' });
    m.start = Math.min(m.start, q.marks.open.start);
    m.end = Math.max(m.end, q.marks.close.end);
    const before = /(\S+)\s*$/u.exec(text.slice(Math.max(0, m.start - 30), m.start));
    if (before && HEDGES_BEFORE.has(lowerNoAccents(before[1]!))) {
      const s = m.start - before[0].length;
      m.modifiers.unshift({ text: before[1]!, start: s, end: s + before[1]!.length, kind: 'hedge' });
      m.start = s;
    }
    m.text = text.slice(m.start, m.end);
  }
}

/**
 * Adjacent mentions of one actor are one label (`président syrien Bachar el-Assad`); a
 * classifier label right before a name classifies it (`groupe terroriste Front al-Nosra`).
 */
function mergeAdjacent(text: string, mentions: readonly ActorMention[], lex: CompiledLexicon): ActorMention[] {
  const merged: ActorMention[] = [];
  for (const m of mentions) {
    const prev = merged[merged.length - 1];
    if (prev && m.start < prev.end) {
      if (m.actor !== prev.actor) merged.push(m); // a nested actor (`Al-Qaïda` in an apposition)
      continue;
    }
    const proper = /^\p{Lu}/u.test(text.slice(m.head.start, m.head.end));
    if (prev && proper && prev.via === 'lexicon' && lex.classifiers.has(lowerNoAccents(prev.text.split(/\s/u)[0] ?? '')) && /^[ \u00a0]+$/u.test(text.slice(prev.end, m.start))) {
      prev.modifiers.push({ text: prev.text, start: prev.start, end: prev.end, kind: 'classifier' });
      Object.assign(prev, { ...m, start: prev.start, text: text.slice(prev.start, m.end), modifiers: [...prev.modifiers, ...m.modifiers] });
      continue;
    }
    if (prev && prev.actor === m.actor && /^[ \u00a0]*$/u.test(text.slice(prev.end, m.start))) {
      prev.end = m.end;
      prev.text = text.slice(prev.start, prev.end);
      prev.modifiers.push(...m.modifiers);
      prev.note ??= m.note;
      prev.connotation ??= m.connotation;
      continue;
    }
    merged.push(m);
  }
  return merged;
}

/**
 * Appositions that rename a mention: `X, la branche syrienne d'Al-Qaïda,` / `X (la branche…)`
 * after it, or `le ministre russe des Affaires étrangères, Sergueï Lavrov` before it. The noun
 * phrase must be headed by one of the lexicon's apposition nouns, so `en Syrie, une proposition
 * rejetée par Washington` is not read as a name for Syria. Stops past `deadline` (`FramingCut`).
 * Exported for its tests (lib/compare/__tests__/budget.test.ts).
 */
export function appositions(text: string, ws: Word[], mentions: ActorMention[], lex: CompiledLexicon, deadline?: FramingDeadline): ActorMention[] {
  const out: ActorMention[] = [];
  // (Past `deadline`, stopped in these loops: on a page of 5,000 quotations they took ~0.1 s between two checks.)
  const tick = deadlineTicker(deadline);
  const wordAt = new Map<number, number>();
  const wordEndingAt = new Map<number, number>();
  ws.forEach((w, i) => {
    tick();
    wordAt.set(w.start, i);
    wordEndingAt.set(w.end, i);
  });
  for (const m of mentions) {
    tick();
    if (!m.actor.startsWith('name:') && !lex.actors.get(m.actor)) continue;
    if (m.via !== 'name' && !/^\p{Lu}/u.test(text.slice(m.head.start, m.head.end))) continue;
    // After: `, ` or ` (` then a determiner, ≤1 adjective, an apposition noun, up to the next , ( ) ; . or line end.
    const after = /^(\s*[,(]\s*)/u.exec(text.slice(m.end, m.end + 4));
    const prevWord = /(\S+)\s*$/u.exec(text.slice(Math.max(0, m.start - 12), m.start))?.[1];
    if (after && !LOCATIVE.has(lowerNoAccents(prevWord ?? ''))) {
      const i = wordAt.get(m.end + after[1]!.length);
      if (i !== undefined && DETERMINERS.has(ws[i]!.lower) && !ws[i]!.breakAfter) {
        const headWord = lex.appositionNouns.has(ws[i + 1]?.lower ?? '') ? i + 1 : lex.appositionNouns.has(ws[i + 2]?.lower ?? '') && !ws[i + 1]!.breakAfter ? i + 2 : -1;
        if (headWord > 0) {
          let k = headWord;
          while (k + 1 < ws.length && !ws[k]!.breakAfter && k - i < 10) k++;
          if (!ws[k]!.breakAfter) continue;
          const start = ws[i]!.start;
          const end = ws[k]!.end;
          out.push({ text: text.slice(start, end), start, end, actor: m.actor, head: { start: ws[headWord]!.start, end: ws[headWord]!.end }, modifiers: [], note: null, connotation: null, via: 'apposition' });
        }
      }
    }
    // Before: `<det> <title or apposition noun> …, NAME`
    const before = /(\s*,\s*)$/u.exec(text.slice(Math.max(0, m.start - 4), m.start));
    // (Not a code of capitals: `the mayor of Washington, DC` names a place after its city, not the mayor.)
    if (before && m.via === 'name' && !/^(?:\p{Lu}\.?){1,3}$/u.test(m.text)) {
      const e = wordEndingAt.get(m.start - before[1]!.length) ?? -1;
      if (e < 0) continue;
      for (let k = e; k >= 0 && e - k < 8; k--) {
        if (k < e && ws[k]!.breakAfter) break;
        if (DETERMINERS.has(ws[k]!.lower) && (lex.titles.has(ws[k + 1]?.lower ?? '') || lex.appositionNouns.has(ws[k + 1]?.lower ?? ''))) {
          out.push({ text: text.slice(ws[k]!.start, ws[e]!.end), start: ws[k]!.start, end: ws[e]!.end, actor: m.actor, head: { start: ws[k + 1]!.start, end: ws[k + 1]!.end }, modifiers: [], note: null, connotation: null, via: 'apposition' });
          break;
        }
      }
    }
  }
  return out;
}
