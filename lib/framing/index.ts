/**
 * Framing: how two versions of one story name the same actors, where each keeps its distance,
 * whom each quotes, what each leaves out, and how each headline tells it. Not a bias score for
 * an outlet: the words this article chose set beside the words the other chose (Entman 1993).
 * Pure data with spans into both texts, for the side panel and the CLI.
 *
 * @example
 * const f = compareFraming(
 *   { title: a.title, text: a.text, language: a.language, quotes: extractQuotes(a.text, 'fr') },
 *   { title: b.title, text: b.text, language: b.language, quotes: extractQuotes(b.text, 'fr') },
 * );
 * f.actors[0]; // { actor: 'Syrian government', a: [{ text: 'régime de Damas', … }], b: [...] }
 *
 * @module
 */
import type { Quote, Span } from '../quotes';
import { findActorMentions, type ActorMention } from './actors';
import { groupActors, type ActorRow } from './group';
import { compareHeadlines, headlineRoles, type HeadlineComparison } from './headlines';
import { findOmissions, stemmedText, type StemmedText, type Statement } from './omissions';
import { findSources, type Source } from './sources';
import { findStance, type StanceItem } from './stance';
import { checkDeadline, type FramingDeadline } from './deadline';
import { lowerNoAccents } from './words';

export { checkDeadline, deadlineTicker, FramingCut, withinDeadline, type FramingDeadline } from './deadline';

export { findActorMentions, type ActorMention, type Modifier, type ModifierKind } from './actors';
export { groupActors, nameHeads, type ActorLabel, type ActorRow } from './group';
export { findStance, type StanceItem, type StanceKind } from './stance';
export { findSources, type Source } from './sources';
export { findOmissions, MIN_COVERED, type Statement } from './omissions';
export { compareHeadlines, headlineRoles, type HeadlineComparison, type HeadlineRole } from './headlines';
export { lexiconActors, type LexiconActor, type LexiconLabel } from './lexicon';

export interface FramingInput {
  title: string | null;
  text: string;
  language: string | null;
  /** The article's quotations (`extractQuotes`): speakers and scare quotes. */
  quotes: readonly Quote[];
  /** When it was published (ISO 8601): who held the offices it names by title (`président américain`). */
  publishedTime?: string | null;
}

/** One article's framing features (computed once per article; `compareFraming` pairs two). */
export interface ArticleFraming {
  mentions: ActorMention[];
  titleMentions: ActorMention[];
  stance: StanceItem[];
  sources: Source[];
  /** Its sentences stemmed in its language, for the pair's alignments (omissions, word choice, scare quotes). */
  stemmed: StemmedText;
}

export interface FramingComparison {
  /** One row per actor, each side's labels (spans into that side's text), rows named on both sides first. */
  actors: ActorRow[];
  /** Hedges, conditionals, distancing attributions and scare quotes of each side. */
  hedges: { a: StanceItem[]; b: StanceItem[] };
  /** Sources of each side; `actor` ids match across sides. */
  sources: { a: Source[]; b: Source[] };
  /** Statements of each side with no counterpart in the other, most carrying first. */
  omissions: { onlyA: Statement[]; onlyB: Statement[] };
  headlines: HeadlineComparison;
}

const lang = (x: FramingInput) => x.language ?? 'en';

export function articleFraming(x: FramingInput, deadline?: FramingDeadline): ArticleFraming {
  checkDeadline(deadline);
  const mentions = findActorMentions(x.text, lang(x), x.quotes, x.publishedTime ?? null, deadline);
  checkDeadline(deadline);
  const titleMentions = x.title ? findActorMentions(x.title, lang(x), [], x.publishedTime ?? null) : [];
  const stance = findStance(x.text, lang(x), x.quotes, deadline);
  checkDeadline(deadline);
  const sources = findSources(x.text, lang(x), x.quotes, mentions, deadline);
  checkDeadline(deadline);
  return { mentions, titleMentions, stance, sources, stemmed: stemmedText(x.text, lang(x), deadline) };
}

/** The two versions' framing side by side; past `deadline`, throws `FramingCut` (inside its omissions too). */
export function compareFraming(a: FramingInput, b: FramingInput, fa = articleFraming(a), fb = articleFraming(b), deadline?: FramingDeadline): FramingComparison {
  const actors = groupActors(fa.mentions, fb.mentions, lang(a), deadline);
  checkDeadline(deadline);
    // A headline's actors must be actors of a body (Title Case headlines capitalise every word).
  const bodyActors = new Set([...fa.mentions, ...fb.mentions].map((m) => m.actor));
  const inBody = (ms: ActorMention[]) => ms.filter((m) => bodyActors.has(m.actor) || [...bodyActors].some((x) => x.startsWith('name:') && m.actor.startsWith('name:') && (x.endsWith(` ${m.actor.slice(5)}`) || m.actor.endsWith(` ${x.slice(5)}`))));
  fa = { ...fa, titleMentions: inBody(fa.titleMentions) };
  fb = { ...fb, titleMentions: inBody(fb.titleMentions) };
  const omissions = findOmissions({ ...a, mentions: fa.mentions, stemmed: fa.stemmed }, { ...b, mentions: fb.mentions, stemmed: fb.stemmed }, deadline);
  checkDeadline(deadline);
  // The capitalised words of the names each body gives (`francois`, `bayrou`), folded as a headline's words are.
  const bodyNames = (f: ArticleFraming, x: FramingInput) => new Set(f.mentions.flatMap((m) => x.text.slice(m.head.start, m.head.end).split(/\s+/u).filter((w) => /^\p{Lu}/u.test(w)).map(lowerNoAccents)));
  const headlines = compareHeadlines(
    a.title ? headlineRoles(a.title, lang(a), fa.titleMentions, bodyNames(fa, a)) : null,
    b.title ? headlineRoles(b.title, lang(b), fb.titleMentions, bodyNames(fb, b)) : null,
  );
  return { actors, hedges: { a: fa.stance, b: fb.stance }, sources: { a: fa.sources, b: fb.sources }, omissions, headlines };
}

/** The CLI contract: spans and strings only (the full data stays in `FramingComparison`). */
export function framingJson(f: FramingComparison) {
  const span = (s: Span & { text?: string }) => ({ text: s.text ?? '', start: s.start, end: s.end });
  return {
    actors: f.actors.map((r) => ({
      actor: r.actor,
      id: r.id,
      a: r.a.map((l) => ({ ...span(l), modifiers: l.modifiers.map((m) => ({ text: m.text, kind: m.kind })), note: l.note })),
      b: r.b.map((l) => ({ ...span(l), modifiers: l.modifiers.map((m) => ({ text: m.text, kind: m.kind })), note: l.note })),
    })),
    hedges: { a: f.hedges.a.map((h) => ({ ...span(h), kind: h.kind })), b: f.hedges.b.map((h) => ({ ...span(h), kind: h.kind })) },
    sources: { a: f.sources.a.map((s) => s.name), b: f.sources.b.map((s) => s.name) },
    omissions: {
      onlyA: f.omissions.onlyA.map((s) => ({ start: s.start, end: s.end, rank: s.rank })),
      onlyB: f.omissions.onlyB.map((s) => ({ start: s.start, end: s.end, rank: s.rank })),
    },
    headlines: { a: f.headlines.a?.text ?? null, b: f.headlines.b?.text ?? null, note: f.headlines.note },
  };
}
