/**
 * Grouping the actor mentions of two articles into rows, one per actor, each outlet's labels
 * side by side. Lexicon actors are already one id; names meet by their head words: a name
 * joins a longer one that ends with it (`Obama` → `Barack Obama`, `Al-Nosra` → `Front
 * Al-Nosra`) only when exactly one longer name does, and never across a connector (`Conseil de
 * sécurité de l'ONU` does not absorb `ONU`). Different names the texts use never merge.
 */
import { compiledLexicon } from './lexicon';
import type { ActorMention } from './actors';
import { checkDeadline, deadlineTicker, type FramingDeadline } from './deadline';

export interface ActorLabel {
  text: string;
  start: number;
  end: number;
  /** The framing words of the label (hedge, scare quote, adjective, agent phrase, classifier, title, acronym). */
  modifiers: ActorMention['modifiers'];
  /** The lexicon's connotation note for this label, if any. */
  note: string | null;
  connotation: string | null;
  via: ActorMention['via'];
  /** The core of the label (the name or head noun), without its modifiers. */
  head: ActorMention['head'];
}

export interface ActorRow {
  /** The actor's display name (lexicon name, or the longest name the texts use). */
  actor: string;
  /** Stable id: a lexicon id or `name:<key>`. */
  id: string;
  /** Lexicon kind (`person`, `state`, `group`, `government`…) or `name`. */
  kind: string;
  a: ActorLabel[];
  b: ActorLabel[];
  /** True when the two sides name the actor with different words (the rows worth showing first). */
  differs: boolean;
}

const CONNECTOR = /\b(?:de|du|des|le|la|l|of|the|for)\b/u;
const toLabel = (m: ActorMention): ActorLabel => ({ text: m.text, start: m.start, end: m.end, modifiers: m.modifiers, note: m.note, connotation: m.connotation, via: m.via, head: m.head });
const labelForm = (s: string) => s.normalize('NFC').toLowerCase().replace(/[«»"“”'’\s]+/gu, ' ').trim();

/**
 * Maps each `name:` id to the id it joins (itself when none). A name is held against the names
 * ending on the same word only (a longer name that ends with it does): indexed by last word, so
 * 2,000 sentences dense in names no longer compare every name with every other (seconds).
 * `onPair`, called once per pair held, may throw to stop (lib/framing's deadline).
 */
export function nameHeads(ids: Iterable<string>, onPair?: () => void): Map<string, string> {
  const names = [...new Set(ids)].filter((id) => id.startsWith('name:'));
  const tokens = new Map(names.map((id) => [id, id.slice(5).split(' ')]));
  const byLast = new Map<string, string[]>();
  for (const id of names) {
    const t = tokens.get(id)!;
    const last = t[t.length - 1]!;
    const list = byLast.get(last);
    if (list) list.push(id);
    else byLast.set(last, [id]);
  }
  const out = new Map<string, string>();
  for (const id of names) {
    const t = tokens.get(id)!;
    const longer = byLast.get(t[t.length - 1]!)!.filter((o) => {
      onPair?.();
      if (o === id) return false;
      const u = tokens.get(o)!;
      if (u.length <= t.length) return false;
      if (!t.every((w, k) => u[u.length - t.length + k] === w)) return false;
      return !CONNECTOR.test(u.slice(0, u.length - t.length).join(' '));
    });
    // Only an unambiguous, maximal longer name (Bush beside George Bush and Jeb Bush stays alone).
    const maximal = longer.filter((o) => !longer.some((p) => (onPair?.(), p !== o && tokens.get(p)!.length > tokens.get(o)!.length && p.endsWith(o.slice(5)))));
    out.set(id, maximal.length === 1 ? maximal[0]! : id);
  }
  return out;
}

/** The two articles' mentions in rows, one per actor; stops past `deadline` (`FramingCut`). */
export function groupActors(a: readonly ActorMention[], b: readonly ActorMention[], lang: string, deadline?: FramingDeadline): ActorRow[] {
  const lex = compiledLexicon(lang);
  const tick = deadlineTicker(deadline);
  const heads = nameHeads([...a, ...b].map((m) => m.actor), tick);
  checkDeadline(deadline);
  const rows = new Map<string, ActorRow>();
  const add = (m: ActorMention, side: 'a' | 'b') => {
    const id = heads.get(m.actor) ?? m.actor;
    let row = rows.get(id);
    if (!row) {
      const la = lex.actors.get(id);
      row = { actor: la?.name ?? '', id, kind: la?.kind ?? 'name', a: [], b: [], differs: false };
      rows.set(id, row);
    }
    row[side].push(toLabel(m));
    // The name itself, not its modifiers (a scare-quoted title after a name is not part of it).
    const name = m.text.slice(m.head.start - m.start, m.head.end - m.start);
    if (!lex.actors.get(id) && m.via === 'name' && name.length > row.actor.length) row.actor = name;
  };
  for (const m of a) {
    tick();
    add(m, 'a');
  }
  for (const m of b) {
    tick();
    add(m, 'b');
  }
  const out = [...rows.values()];
  for (const r of out) {
    tick();
    // (Named by an uncharged label when there is one: `gouvernement vénézuélien`, not `régime vénézuélien`.)
    if (!r.actor) r.actor = ([...r.a, ...r.b].find((l) => l.connotation === null) ?? [...r.a, ...r.b][0])?.text ?? r.id;
    r.a.sort((x, y) => x.start - y.start);
    r.b.sort((x, y) => x.start - y.start);
    const fa = new Set(r.a.map((l) => labelForm(l.text)));
    const fb = new Set(r.b.map((l) => labelForm(l.text)));
    r.differs = r.a.length > 0 && r.b.length > 0 && (fa.size !== fb.size || [...fa].some((x) => !fb.has(x)));
  }
  // Both sides first, those that differ first among them, then by number of mentions.
  const rank = (r: ActorRow) => (r.a.length && r.b.length ? 2 : 0) + (r.differs ? 1 : 0);
  return out.sort((x, y) => rank(y) - rank(x) || y.a.length + y.b.length - (x.a.length + x.b.length));
}
