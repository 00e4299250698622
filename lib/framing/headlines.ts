/**
 * The two headlines side by side: who is the subject, what they do, to whom. Headlines are the
 * most read part of an article and frame what follows (Entman 1993; van Dijk 1988, "News as
 * Discourse": the headline as the top of the news schema). Kept simple: the subject is the run
 * of names before the first verb-like word, the object the actors named after it; the note
 * says only what differs (a joint action in one, one actor acting on another in the other; a
 * different subject).
 */
import type { ActorMention } from './actors';
import { words } from './words';

export interface HeadlineRole {
  text: string;
  /** Subject: the actors named before the verb (`Poutine et Obama`). */
  subject: string[];
  /** The verb and what follows, up to the first actor after it. */
  verb: string | null;
  /** Actors named after the verb (`la Russie`). */
  objects: string[];
  /** Actor ids of the subject and objects, for comparison. */
  subjectIds: string[];
  objectIds: string[];
}

export interface HeadlineComparison {
  a: HeadlineRole | null;
  b: HeadlineRole | null;
  /** What differs, in a sentence; null when nothing worth saying. */
  note: string | null;
}

const LINKS = new Set(['et', 'and', 'ou', 'or', 'le', 'la', 'les', 'l', 'the', 'de', 'du', 'des', 'of']);

export function headlineRoles(title: string, lang: string, mentions: readonly ActorMention[]): HeadlineRole {
  const ws = words(title, lang);
  const subject: ActorMention[] = [];
  let i = 0;
  for (; i < ws.length; i++) {
    const w = ws[i]!;
    const m = mentions.find((mm) => mm.start <= w.start && w.start < mm.end);
    if (m) {
      if (!subject.includes(m)) subject.push(m);
      continue;
    }
    if (LINKS.has(w.lower) && !w.breakAfter) continue;
    break;
  }
  // Objects, not places: an actor after `en`/`à`/`in` is where, not to whom (`… avec la Russie en Syrie`).
  const after = mentions.filter((m) => i < ws.length && m.start >= ws[i]!.start && !/(?:^|\s)(?:en|à|au|aux|dans|in|at)\s+$/iu.test(title.slice(Math.max(0, m.start - 6), m.start)));
  const verbEnd = after[0]?.start ?? title.length;
  let verb = i < ws.length ? title.slice(ws[i]!.start, verbEnd).trim() : '';
  // Drop the trailing function words before the object (`propose … avec la` → `propose …`).
  for (let prev = ''; prev !== verb;) { prev = verb; verb = verb.replace(/\s+(?:le|la|les|l['’]|de|du|des|d['’]|en|au|aux|à|avec|contre|the|a|an|of|to|with|in|on)$/iu, ''); }
  return {
    text: title,
    subject: subject.map((m) => m.text),
    verb: verb || null,
    objects: after.map((m) => m.text),
    subjectIds: subject.map((m) => m.actor),
    objectIds: after.map((m) => m.actor),
  };
}

export function compareHeadlines(a: HeadlineRole | null, b: HeadlineRole | null): HeadlineComparison {
  if (!a || !b) return { a, b, note: null };
  const sa = new Set(a.subjectIds);
  const sb = new Set(b.subjectIds);
  const same = sa.size === sb.size && [...sa].every((x) => sb.has(x));
  let note: string | null = null;
  if (!same && sa.size && sb.size) {
    const joint = (r: HeadlineRole) => r.subject.length > 1;
    const acted = (r: HeadlineRole) => (r.objects.length ? ` and ${r.objects.join(', ')} the one acted upon` : '');
    if (joint(a) && !joint(b) && [...sb].some((x) => sa.has(x))) {
      note = `A presents a joint action (${a.subject.join(', ')}); B makes ${b.subject.join(', ')} the one who acts${acted(b)}.`;
    } else if (joint(b) && !joint(a) && [...sa].some((x) => sb.has(x))) {
      note = `B presents a joint action (${b.subject.join(', ')}); A makes ${a.subject.join(', ')} the one who acts${acted(a)}.`;
    } else {
      note = `Different subjects: A puts ${a.subject.join(', ')} first, B ${b.subject.join(', ')}.`;
    }
  } else if (!same && (sa.size || sb.size)) {
    note = sa.size ? `Only A has an actor as subject (${a.subject.join(', ')}).` : `Only B has an actor as subject (${b.subject.join(', ')}).`;
  }
  return { a, b, note };
}
