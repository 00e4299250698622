/**
 * The framing rows a reader sees: the page's framing beside one stored version, cut to what the
 * panel shows (and what `recoupe compare` prints, through lib/compare's report).
 */
import type { PreparedArticle } from '../compare';
import { compareFraming, type ArticleFraming } from '.';

/** A label an outlet uses for an actor, with the words that carry its framing. */
export interface ActorLabelView {
  text: string;
  /** Framing modifiers inside the label (`prétendue`, `modérés`, `supportés par Washington`). */
  modifiers: string[];
  /** What the alias lexicon says of the label's connotation, when it knows it. */
  note: string | null;
}

/** How the page and one stored version of the story frame it. */
export interface FramingView {
  /** The stored article compared with. */
  articleId: number;
  /** Per actor, each side's labels; actors named differently first. */
  actors: { actor: string; differs: boolean; page: ActorLabelView[]; other: ActorLabelView[] }[];
  /** Hedges, conditionals, distancing attributions and scare quotes. */
  hedges: { page: { text: string; kind: string }[]; other: { text: string; kind: string }[] };
  /** Who speaks: sources cited in only one version, and in both. */
  sources: { onlyPage: string[]; onlyOther: string[]; both: string[] };
  /** Statements with no counterpart in the other version, most carrying first. */
  omissions: { onlyPage: string[]; onlyOther: string[] };
  headlines: { page: string | null; other: string | null; note: string | null };
}

/** The stored version set beside the page. */
export interface FramedVersion {
  id: number;
  title: string | null;
  text: string;
  language: string | null;
}

/** Items of each omission list, and actors, shown. */
const MAX_OMISSIONS = 5;
const MAX_ACTORS = 12;

/** The framing of the page beside one stored version, as the panel shows it. */
export function framingView(page: PreparedArticle & { title: string | null }, pageFraming: ArticleFraming, other: FramedVersion, prepared: PreparedArticle): FramingView {
  const f = compareFraming(page, { title: other.title, text: other.text, language: other.language, quotes: prepared.quotes }, pageFraming);
  type Label = (typeof f.actors)[number]['a'][number];
  // Each distinct label once per side (an article repeats a name many times).
  const labels = (list: Label[]) => {
    const seen = new Set<string>();
    return list
      .filter((l) => {
        const key = l.text.toLowerCase();
        return !seen.has(key) && seen.add(key);
      })
      .map((l) => ({ text: l.text, modifiers: l.modifiers.map((m) => m.text), note: l.note }));
  };
  const names = (list: { name: string; actor: string }[]) => list.map((x) => x.name);
  const actorsA = new Set(f.sources.a.map((x) => x.actor));
  const actorsB = new Set(f.sources.b.map((x) => x.actor));
  return {
    articleId: other.id,
    // Actors both versions name, and name differently: the rest says nothing about framing.
    actors: f.actors
      .filter((r) => r.a.length > 0 && r.b.length > 0 && r.differs)
      .slice(0, MAX_ACTORS)
      .map((r) => ({ actor: r.actor, differs: r.differs, page: labels(r.a), other: labels(r.b) })),
    hedges: { page: f.hedges.a.map(({ text, kind }) => ({ text, kind })), other: f.hedges.b.map(({ text, kind }) => ({ text, kind })) },
    sources: {
      onlyPage: names(f.sources.a.filter((x) => !actorsB.has(x.actor))),
      onlyOther: names(f.sources.b.filter((x) => !actorsA.has(x.actor))),
      both: names(f.sources.a.filter((x) => actorsB.has(x.actor))),
    },
    omissions: {
      onlyPage: f.omissions.onlyA.slice(0, MAX_OMISSIONS).map((x) => x.text),
      onlyOther: f.omissions.onlyB.slice(0, MAX_OMISSIONS).map((x) => x.text),
    },
    headlines: { page: f.headlines.a?.text ?? null, other: f.headlines.b?.text ?? null, note: f.headlines.note },
  };
}
