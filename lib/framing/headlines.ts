/**
 * The two headlines side by side: who is the subject, what they do, to whom. Headlines are the
 * most read part of an article and frame what follows (Entman 1993; van Dijk 1988, "News as
 * Discourse": the headline as the top of the news schema). Kept simple: the subject is the run
 * of names before the first verb-like word (after a kicker: `Syrie :`), the object the actors named after it; the note
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
  /**
   * The headline proper opens on a word its article names someone or something by (`Bayrou
   * rouvre le dossier…` beside `François Bayrou` in the body), though no actor was found there:
   * perhaps its subject.
   */
  opensOnBodyName?: boolean;
}

/** What differs between the headlines, as data (a view names the outlets in its own language). */
export type HeadlineDifference =
  | { kind: 'joint'; joint: 'a' | 'b'; subject: string[]; actor: string[]; objects: string[] }
  | { kind: 'subjects'; a: string[]; b: string[] }
  | { kind: 'only'; side: 'a' | 'b'; subject: string[] };

export interface HeadlineComparison {
  a: HeadlineRole | null;
  b: HeadlineRole | null;
  difference: HeadlineDifference | null;
  /** The difference in an English sentence naming the versions A and B (the CLI's); null when nothing worth saying. */
  note: string | null;
}

const LINKS = new Set(['et', 'and', 'ou', 'or', 'le', 'la', 'les', 'l', 'the', 'de', 'du', 'des', 'of']);

/**
 * A kicker before a colon (`Syrie : Poutine et Obama…`, `Gaza: Netanyahu rejects…`): one to three
 * words naming the topic, not the subject, which the headline proper after it has. Not before a
 * quotation (`Giorgetti: "Nessun aumento…"`: the one quoted).
 */
const KICKER = /^\s*[^\s:]+(?:\s+[^\s:]+){0,2}\s*:\s+(?![«"“”'‘’„‹»])/u;
/** Where the headline proper starts: after its kicker, if any. */
const bodyStart = (title: string): number => KICKER.exec(title)?.[0].length ?? 0;

export function headlineRoles(title: string, lang: string, mentions: readonly ActorMention[], bodyNames: ReadonlySet<string> = new Set()): HeadlineRole {
  const from = bodyStart(title);
  const ws = words(title, lang).filter((w) => w.start >= from);
  const opensOnBodyName = ws[0]?.cap === true && bodyNames.has(ws[0].lower);
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
  // (Mentions only a space apart are one subject as written: `Pro-life Ohioans`, not `Pro-life, Ohioans`.)
  const said: string[] = [];
  let opens = 0;
  subject.forEach((m, k) => {
    const prev = subject[k - 1];
    if (prev && /^[ \u00a0]+$/u.test(title.slice(prev.end, m.start))) said[said.length - 1] = title.slice(opens, m.end);
    else {
      opens = m.start;
      said.push(m.text);
    }
  });
  return {
    text: title,
    subject: said,
    verb: verb || null,
    objects: after.map((m) => m.text),
    subjectIds: subject.map((m) => m.actor),
    objectIds: after.map((m) => m.actor),
    ...(opensOnBodyName ? { opensOnBodyName } : {}),
  };
}

/**
 * Whether a headline with no actor found as subject opens on a name all the same (two capitalised
 * words: `Senate Republicans block border bill`, an actor the lexicon and the name finder did
 * not take; or a word of a name its article gives: `Bayrou rouvre…`, a surname opening a
 * sentence): "only the other has an actor as subject" would be false; nothing is said.
 */
const unknownName = (r: HeadlineRole): boolean => r.opensOnBodyName === true || /^\P{L}*\p{Lu}[\p{L}'’.-]*\s+\p{Lu}/u.test(r.text.slice(bodyStart(r.text))) || pluralOpening(r);

/**
 * Whether a headline opens on a plural, its verb after it (`Protesters clash with police…`, `Les
 * manifestants affrontent…`): people acting, as often as not, whom no lexicon lists; nothing said
 * of who acts.
 */
const pluralOpening = (r: HeadlineRole): boolean => /^\P{L}*(?:(?:the|les|des|los|las|os|as)[ \u00a0]+)?\p{L}{3,}[sx][ \u00a0]+\p{Ll}/iu.test(r.text.slice(bodyStart(r.text)));

export function compareHeadlines(a: HeadlineRole | null, b: HeadlineRole | null): HeadlineComparison {
  if (!a || !b) return { a, b, difference: null, note: null };
  const sa = new Set(a.subjectIds);
  const sb = new Set(b.subjectIds);
  const same = sa.size === sb.size && [...sa].every((x) => sb.has(x));
  let d: HeadlineDifference | null = null;
  if (!same && sa.size && sb.size) {
    const joint = (r: HeadlineRole) => r.subject.length > 1;
    if (joint(a) && !joint(b) && [...sb].some((x) => sa.has(x))) d = { kind: 'joint', joint: 'a', subject: a.subject, actor: b.subject, objects: b.objects };
    else if (joint(b) && !joint(a) && [...sa].some((x) => sb.has(x))) d = { kind: 'joint', joint: 'b', subject: b.subject, actor: a.subject, objects: a.objects };
    else d = { kind: 'subjects', a: a.subject, b: b.subject };
  } else if (!same && (sa.size || sb.size) && !unknownName(sa.size ? b : a) && !(sa.size ? a : b).subjectIds.some((x) => (sa.size ? b : a).objectIds.includes(x))) {
    // (Nor when the other headline names that actor after its verb: `Protesters clash with police`
    // beside `Police fire tear gas…` — it has someone acting too, whom it does not say.)
    d = { kind: 'only', side: sa.size ? 'a' : 'b', subject: sa.size ? a.subject : b.subject };
  }
  return { a, b, difference: d, note: d && noteText(d) };
}

function noteText(d: HeadlineDifference): string {
  const name = (side: 'a' | 'b') => side.toUpperCase();
  switch (d.kind) {
    case 'joint': {
      const acted = d.objects.length ? ` and ${d.objects.join(', ')} the one acted upon` : '';
      return `${name(d.joint)} presents a joint action (${d.subject.join(', ')}); ${name(d.joint === 'a' ? 'b' : 'a')} makes ${d.actor.join(', ')} the one who acts${acted}.`;
    }
    case 'subjects':
      return `Different subjects: A puts ${d.a.join(', ')} first, B ${d.b.join(', ')}.`;
    case 'only':
      return `Only ${name(d.side)} has an actor as subject (${d.subject.join(', ')}).`;
  }
}
