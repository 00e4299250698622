/**
 * The alias lexicon (`aliases.json`) compiled for one language: a trie over label keys (stems),
 * the classifier, title and apposition nouns as folded sets. Names of every language are
 * loaded (a French text names the `Washington Post`), common nouns only in their own language,
 * keyed with the text's stemmer.
 */
import data from './aliases.json';
import { entityKey } from '../match';
import { lowerNoAccents, wordKey } from './words';

export interface LexiconLabel {
  text: string;
  lang: string;
  /** What choosing this label says: a message id (`framing.note.<note>` in locales/*.yml), never text. */
  note: string;
  bare?: boolean;
  /** The label carries a judgement (legitimacy, condemnation, sympathy), not only a form of the name. */
  charged?: boolean;
  /** The label this one only spells differently. */
  spellingOf?: string;
  /** The label is a city that names its government (`Damas a annoncé`): after a preposition of place (`près de Damas`, `in Moscow`) it is the city, no actor. */
  place?: boolean;
}
export interface LexiconActor {
  id: string;
  name: string;
  kind: string;
  labels: LexiconLabel[];
}
/** One holder of an office and the term served (ISO dates; `to` null: still in office when the lexicon was checked). */
interface Term {
  name: string;
  from: string;
  to: string | null;
}
interface RawOffice {
  id: string;
  name: string;
  labels: LexiconLabel[];
  holders: Term[];
}
/** An office: who held it when, each holder as an actor id (a lexicon actor, else `name:` + the name's key). */
export interface Office {
  id: string;
  holders: { actor: string; from: string; to: string }[];
}
interface RawLexicon {
  actors: LexiconActor[];
  offices: RawOffice[];
  officesChecked: string;
  classifiers: Record<string, string[]>;
  titles: Record<string, string[]>;
  appositionNouns: Record<string, string[]>;
  notActors: string[];
}

/** One label as a key sequence. */
export interface CompiledLabel {
  actor: LexiconActor;
  label: LexiconLabel;
  keys: string[];
  /** The label's words, folded: a text word must share all but its last two letters (`terroristes`, not `terrorisme`). */
  forms: string[];
  /** The label starts with a capital: it matches only a capitalised word. */
  proper: boolean;
}

export interface TrieNode {
  next: Map<string, TrieNode>;
  labels: CompiledLabel[];
}

export interface CompiledLexicon {
  trie: TrieNode;
  actors: ReadonlyMap<string, LexiconActor>;
  classifiers: ReadonlySet<string>;
  titles: ReadonlySet<string>;
  appositionNouns: ReadonlySet<string>;
  notActors: ReadonlySet<string>;
  /** Offices by id; their labels are in the trie, as actors of kind `office`. */
  offices: ReadonlyMap<string, Office>;
}

const RAW = data as unknown as RawLexicon;
const CACHE = new Map<string, CompiledLexicon>();
const LABEL_WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-‐‑.][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*|[dl]['’]/giu;

/** The words of a label, elided `d'`/`l'` as `de`/`le` (same as `words()`). */
export function labelKeys(label: string, lang: string): string[] {
  return [...label.matchAll(LABEL_WORD)].map((m) => {
    const w = m[0];
    if (/^[dl]['’]$/iu.test(w)) return wordKey(w[0]!.toLowerCase() === 'd' ? 'de' : 'le', lang);
    return wordKey(w, lang);
  });
}

const setOf = (r: Record<string, string[]>, lang: string) => new Set([...(r[lang] ?? []), ...(lang === 'en' || lang === 'fr' ? [] : r.en ?? [])].map(lowerNoAccents));

export function compiledLexicon(lang: string): CompiledLexicon {
  let lex = CACHE.get(lang);
  if (lex) return lex;
  const trie: TrieNode = { next: new Map(), labels: [] };
  for (const actor of [...RAW.actors, ...OFFICE_ACTORS]) {
    for (const label of actor.labels) {
      // A common noun belongs to its language (`opposition` is a political side in French news, a stance in English); names travel.
      if (label.lang !== lang && !/^\p{Lu}/u.test(label.text)) continue;
      const keys = labelKeys(label.text, lang);
      if (!keys.length) continue;
      let node = trie;
      for (const k of keys) {
        let n = node.next.get(k);
        if (!n) node.next.set(k, (n = { next: new Map(), labels: [] }));
        node = n;
      }
      node.labels.push({ actor, label, keys, forms: [...label.text.matchAll(LABEL_WORD)].map((m) => lowerNoAccents(m[0])), proper: /^\p{Lu}/u.test(label.text) });
    }
  }
  lex = {
    trie,
    actors: new Map([...RAW.actors, ...OFFICE_ACTORS].map((a) => [a.id, a])),
    classifiers: setOf(RAW.classifiers, lang),
    titles: setOf(RAW.titles, lang),
    appositionNouns: setOf(RAW.appositionNouns, lang),
    notActors: new Set(RAW.notActors.map(lowerNoAccents)),
    offices: OFFICES,
  };
  CACHE.set(lang, lex);
  return lex;
}

/** An office's title as an actor of its own: what a title names when no holder can be told. */
const OFFICE_ACTORS: readonly LexiconActor[] = RAW.offices.map((o) => ({ id: o.id, name: o.name, kind: 'office', labels: o.labels }));

/** The lexicon actor one of whose labels is spelled as `name`, else the name's own id. */
function actorNamed(name: string): string {
  const key = lowerNoAccents(name);
  return RAW.actors.find((a) => a.labels.some((l) => lowerNoAccents(l.text) === key))?.id ?? `name:${entityKey(name)}`;
}

const OFFICES: ReadonlyMap<string, Office> = new Map(
  RAW.offices.map((o) => [o.id, { id: o.id, holders: o.holders.map((h) => ({ actor: actorNamed(h.name), from: h.from, to: h.to ?? RAW.officesChecked })) }]),
);

/**
 * Who held `office` on `date` (an ISO date or date-time): the one holder whose term holds it,
 * else null (no date, a date outside every known term, or a hand-over day two terms share).
 */
export function officeHolder(office: Office, date: string | null | undefined): string | null {
  const day = date?.slice(0, 10);
  if (!day || !/^\d{4}-\d{2}-\d{2}$/u.test(day)) return null;
  const held = office.holders.filter((h) => h.from <= day && day <= h.to);
  return held.length === 1 ? held[0]!.actor : null;
}

/** Every lexicon actor (for the panel's legend or an editor). */
export function lexiconActors(): readonly LexiconActor[] {
  return RAW.actors;
}
