/**
 * Grouping a corpus into same-event stories.
 *
 * 1. Links: each article is graded against its candidates from the corpus index (every other
 *    article below `GRADE_ALL_BELOW`), and the pairs graded `same` are kept with their score
 *    (`StoryLinks`, kept up to date one article at a time as articles are saved and deleted).
 *    Pairs on one storyline whose dates say they are two events (another day of the event) are
 *    kept too, as `DATED_APART`.
 * 2. Stories: group-average agglomerative clustering over those links (Manning, Raghavan &
 *    Schütze, Introduction to Information Retrieval, 2008, §17.3): two groups merge when at least
 *    half of the pairs between them are same-event links (`MIN_LINKED_SHARE`), best linked first.
 *    Unlike union–find (single linkage), one link does not chain two stories together: an article
 *    joins a story of three only when linked to two of them, and one that bridges two stories
 *    joins the one it is linked to best. Pairs dated apart and pairs the reader marked "not the
 *    same event" (`apart`) are never in one story (cannot-link constraints: Wagstaff et al., ICML
 *    2001): two agency roundups of consecutive days stay two stories even when a third article is
 *    linked to both. (Half rather than a strict majority: three reports of one event are often
 *    graded same in two pairs of three; the cannot-links keep such a triangle from joining two days.)
 *
 * Articles alone in their story are left out. A story's label is the title of its best-connected
 * article. Used by the CLI's `stories` command (on a folder, or on graded pairs through
 * `addGrade`) and by the extension's corpus page.
 */
import type { ArticleFeatures, PairGrade, ReasonCode, Relation } from '../match/types';
import { prepare, relatePrepared, type PreparedFeatures } from '../match/score';
import { CorpusIndex } from './corpus-index';
import { candidateIds } from './match-page';
import { pairKey } from './pair-key';

export interface StoryArticle {
  id: string;
  /** Its title, or for an article without one its first words (`firstWords`): the story's label. */
  title: string | null;
  features: ArticleFeatures;
}

export interface Story {
  ids: string[];
  label: string;
  /** The best-connected article (the most same-event links in the story), whose title is the label. */
  lead: string;
}

export interface StoryOptions {
  /** Pairs the reader marked "not the same event", as `pairKey(a, b)`: never in one story. */
  apart?: ReadonlySet<string>;
}

/** Candidates graded per article: a story rarely has more than a few dozen reports in one corpus. */
export const STORY_CANDIDATES = 100;

/** The stored articles `StoryLinks.add` grades a new article against (to load their features beforehand). */
export function storyCandidates(index: CorpusIndex, id: string, features: ArticleFeatures): string[] {
  return candidateIds(index, features, { candidates: STORY_CANDIDATES, exclude: id });
}
/** Two groups merge when at least this share of the pairs between them are same-event links. */
export const MIN_LINKED_SHARE = 0.5;
/** The link value of a pair whose dates say it is two events (see `StoryLinks`). */
export const DATED_APART = -1;
/** Reasons that say two articles report two days of a story. */
const DATE_CONFLICTS: ReadonlySet<ReasonCode> = new Set(['dates-differ', 'weekdays-differ', 'published-apart']);


/**
 * Same-event links between articles, each with its grade's score. Add an article with the corpus
 * index it is already in (its candidates are graded against it), remove one when it is deleted.
 * Plain JSON through `toJSON` / `fromJSON`, so the extension can keep it between sessions.
 */
export class StoryLinks {
  private links = new Map<string, Map<string, number>>();

  /** Articles known (with or without links). */
  get size(): number {
    return this.links.size;
  }

  has(id: string): boolean {
    return this.links.has(id);
  }

  ids(): string[] {
    return [...this.links.keys()];
  }

  /** The links of `id`: other id → score of a same-event link, or `DATED_APART`. */
  of(id: string): ReadonlyMap<string, number> {
    return this.links.get(id) ?? new Map();
  }

  /**
   * Grade `id` against its candidates in `index` (which must hold it) and record its same-event
   * links, replacing any it had. `load` returns a stored article's features. Returns the articles
   * whose links changed (it, and those it was or is now linked to), for `StoryGroups.update`.
   */
  add(id: string, features: ArticleFeatures, index: CorpusIndex, load: (id: string) => ArticleFeatures | undefined): string[] {
    const before = this.remove(id);
    this.links.set(id, new Map());
    const grading = this.gradeCandidates(id, features, index, load, new Map(), () => false);
    while (!grading.next().done);
    return [...new Set([...before, id, ...this.of(id).keys()])];
  }

  /**
   * Grade `id` against its candidates in `index` and record its same-event links, keeping those it
   * has (links other articles found to it, graded against its present features): how an article
   * new to the links is linked, one at a time as articles arrive (the background's queue), giving
   * the links `build` gives once every article is in (each pair's relation is the same whichever of
   * its two articles grades it). `prepared`: articles prepared against this same `index`, shared by
   * the articles graded together. Returns `id` and the articles it is linked to.
   */
  grade(id: string, features: ArticleFeatures, index: CorpusIndex, load: (id: string) => ArticleFeatures | undefined, prepared = new Map<string, PreparedFeatures>()): string[] {
    const steps = this.gradeSteps(id, features, index, load, prepared);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /**
   * `grade` in steps, a candidate to a step, for a background that gives way between them (grading
   * one article's candidates in one go held the background ~140 ms in Chromium; issue 20, item 5).
   * `gone(other)`: whether a candidate was deleted since (then not graded, not linked), asked at its step.
   */
  *gradeSteps(id: string, features: ArticleFeatures, index: CorpusIndex, load: (id: string) => ArticleFeatures | undefined,
    prepared = new Map<string, PreparedFeatures>(), gone: (other: string) => boolean = () => false): Generator<void, string[]> {
    if (!this.links.has(id)) this.links.set(id, new Map());
    yield* this.gradeCandidates(id, features, index, load, prepared, gone);
    return [id, ...this.of(id).keys()];
  }

  /**
   * Links kept elsewhere, one article's at a time (`entries` of `of`): each link is recorded both
   * ways, so a link to an article not given (or given later) is kept once from either side.
   */
  restore(id: string, links: Iterable<readonly [string, number]>): void {
    if (!this.links.has(id)) this.links.set(id, new Map());
    for (const [other, score] of links) this.link(id, other, score);
  }

  private *gradeCandidates(id: string, features: ArticleFeatures, index: CorpusIndex, load: (id: string) => ArticleFeatures | undefined,
    prepared: Map<string, PreparedFeatures>, done: (other: string) => boolean): Generator<void> {
    const prep = (key: string, f: ArticleFeatures) => {
      let p = prepared.get(key);
      if (!p) prepared.set(key, (p = prepare(f, index)));
      return p;
    };
    const self = prep(id, features);
    yield;
    for (const other of storyCandidates(index, id, features)) {
      const f = done(other) ? undefined : load(other);
      if (!f) continue;
      // Relation and score only: the reasons of the few pairs shown are written by the view.
      this.addRelation(id, other, relatePrepared(self, prep(other, f)));
      yield;
    }
  }

  /**
   * Record what the grade of the pair `a`, `b` says of stories: a same-event link with its score,
   * or `DATED_APART` for a related pair whose dates say it is two events; nothing otherwise. How
   * `add` and `build` turn their grades into links, and how the CLI's `stories` stream reads
   * grades made elsewhere (`recoupe grade`).
   */
  addGrade(a: string, b: string, grade: PairGrade): void {
    this.addRelation(a, b, { relation: grade.relation, score: grade.score, conflict: grade.reasons.find((r) => DATE_CONFLICTS.has(r.code))?.code ?? null });
  }

  /** `addGrade` from a grade without its reasons (`relatePrepared`): `conflict` is the code of the pair's date conflict, if any. */
  private addRelation(a: string, b: string, grade: { relation: Relation; score: number; conflict: ReasonCode | null }): void {
    if (grade.relation === 'same') this.link(a, b, grade.score);
    else if (grade.relation === 'related' && grade.conflict !== null && DATE_CONFLICTS.has(grade.conflict)) this.link(a, b, DATED_APART);
  }

  private link(a: string, b: string, score: number): void {
    for (const [x, y] of [[a, b], [b, a]] as const) {
      let m = this.links.get(x);
      if (!m) this.links.set(x, (m = new Map()));
      m.set(y, score);
    }
  }

  /** Forget `id` and its links; returns the articles whose links changed (it and those it was linked to). */
  remove(id: string): string[] {
    const mine = this.links.get(id);
    if (!mine) return [];
    for (const other of mine.keys()) this.links.get(other)?.delete(id);
    this.links.delete(id);
    return [id, ...mine.keys()];
  }

  /** `[ids, [a, b, score]…]`: every article, and each link once. */
  toJSON(): { ids: string[]; links: [string, string, number][] } {
    const links: [string, string, number][] = [];
    for (const [a, m] of this.links) for (const [b, s] of m) if (a < b) links.push([a, b, s]);
    return { ids: this.ids(), links };
  }

  /** From `toJSON`'s output; null when it is not that shape. */
  static fromJSON(data: unknown): StoryLinks | null {
    const d = data as { ids?: unknown; links?: unknown } | null;
    if (!d || !Array.isArray(d.ids) || !Array.isArray(d.links) || !d.ids.every((x) => typeof x === 'string')) return null;
    const out = new StoryLinks();
    for (const id of d.ids as string[]) out.links.set(id, new Map());
    for (const l of d.links as unknown[]) {
      if (!Array.isArray(l) || typeof l[0] !== 'string' || typeof l[1] !== 'string' || typeof l[2] !== 'number') return null;
      if (!out.links.has(l[0]) || !out.links.has(l[1])) return null;
      out.link(l[0], l[1], l[2]);
    }
    return out;
  }

  /** Links of every article of `articles`, graded once per pair, over `index` (built from them when not given). */
  static build(articles: readonly { id: string; features: ArticleFeatures }[], index: CorpusIndex = CorpusIndex.build(articles)): StoryLinks {
    const steps = StoryLinks.building(articles, index);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /** `build` in steps: yields after each article graded, so a caller can give way between them (see `CorpusIndex.building`). */
  static *building(articles: readonly { id: string; features: ArticleFeatures }[], index: CorpusIndex): Generator<void, StoryLinks> {
    const byId = new Map(articles.map((a) => [a.id, a.features]));
    const out = new StoryLinks();
    // Each article is weighed against the corpus once, and each pair graded once, whichever of
    // its two articles finds the other among its candidates first.
    const prepared = new Map<string, PreparedFeatures>();
    const graded = new Set<string>();
    for (const a of articles) {
      if (!out.links.has(a.id)) out.links.set(a.id, new Map());
      const grading = out.gradeCandidates(a.id, a.features, index, (id) => byId.get(id), prepared, (other) => {
        const key = pairKey(a.id, other);
        if (graded.has(key)) return true;
        graded.add(key);
        return false;
      });
      while (!grading.next().done);
      yield;
    }
    return out;
  }

  /** Same-event stories of two articles or more: group-average linkage over the links. */
  stories(options: StoryOptions = {}): string[][] {
    return linkStories(this, options.apart);
  }
}

/**
 * The stories of a `StoryLinks`, kept current as links change (`update` with what `add` and
 * `remove` return), so that the stories of a large corpus are never grouped whole again. A merge
 * needs a same-event link, so no story spans two parts of the graph of same-event links that no
 * link joins, and grouping each part alone gives the stories of grouping all at once (the merges
 * of one part, in the same order: ties are broken by the order of the ids). A change regroups the
 * part it touches, when the stories are next read: changes that come one batch after another (an
 * import's backlog being linked) regroup a large part once, not once per batch (a part of tens of
 * thousands of linked articles took half the background's time at 100,000, regrouped per batch of 32).
 */
export class StoryGroups {
  private storyOf = new Map<string, string[]>();
  private all = new Set<string[]>();
  private apart: ReadonlySet<string>;
  /** Articles whose links changed since the stories were last regrouped whole (`update`, `settle`). */
  private unsettled = new Set<string>();
  /** Articles whose links changed since the stories around them were last regrouped (`settleNear`). */
  private near = new Set<string>();
  /** Articles regrouped by the last regrouping (`settle` or `settleNear`): the work a change cost. */
  regrouped = 0;

  /**
   * `saved`: the stories of these same links and `options.apart` kept from an earlier `stories()`
   * (the background writes them with the links), taken as they are instead of grouping the links
   * whole again; see `StoryGroups.saved` for the check they must pass.
   */
  constructor(private readonly links: StoryLinks, options: StoryOptions = {}, saved?: string[][]) {
    this.apart = options.apart ?? new Set();
    // The saved arrays themselves: the caller may know them (what it showed of each story).
    for (const story of saved ?? linkStories(links, this.apart)) this.put(story);
  }

  /**
   * Stories kept from an earlier `stories()` of `links`, when they can be: a list of stories of two
   * linked articles or more, each sorted, none sharing an article; null otherwise (group anew).
   */
  static saved(links: StoryLinks, data: unknown): string[][] | null {
    if (!Array.isArray(data)) return null;
    const seen = new Set<string>();
    for (const story of data as unknown[]) {
      if (!Array.isArray(story) || story.length < 2) return null;
      for (const [i, id] of story.entries()) {
        if (typeof id !== 'string' || seen.has(id) || !links.has(id) || (i > 0 && story[i - 1] >= id)) return null;
        seen.add(id);
      }
    }
    return data as string[][];
  }

  /** The pairs kept apart the stories were grouped with (`setApart`), as `pairKey`s. */
  keptApart(): ReadonlySet<string> {
    return this.apart;
  }

  /** Stories of two articles or more, each members sorted; a story is the same array until it changes. */
  stories(): string[][] {
    this.settle();
    return [...this.all];
  }

  /** Articles in a story. */
  grouped(): number {
    this.settle();
    return this.storyOf.size;
  }

  /** The story of `id`, if it is in one. */
  of(id: string): readonly string[] | undefined {
    this.settle();
    return this.storyOf.get(id);
  }

  /** Articles whose links changed since the stories around them were last regrouped: what `storiesNear` would regroup around. */
  get owedNear(): number {
    return this.near.size;
  }

  /** Regroup after the links of `changed` changed (the articles `StoryLinks.add` and `remove` return), before the stories are next read. */
  update(changed: Iterable<string>): void {
    for (const id of changed) {
      this.unsettled.add(id);
      this.near.add(id);
      this.changedSince?.add(id);
    }
  }

  /** Regroupings made so far (`settle`, `settleNear`, `regroupingSteps`): one made in steps is dropped when another was made meanwhile. */
  private regroupings = 0;
  /** The articles whose links changed while a regrouping is made in steps (null: none under way). */
  private changedSince: Set<string> | null = null;

  /**
   * The regrouping `stories()` (`whole`) or `storiesNear()` would make now, made a step at a time
   * (`linkingSteps`) for a caller that gives way between steps (issue 20, item 5: at 10,000
   * articles in Node, the whole regrouping owed at the end of a backlog was one call of ~1 s, a
   * regrouping near a batch's changes up to 0.6 s). The stories are those the call would make:
   * made from the links as they are at the first step, and put in place at the last, in one go.
   * The articles whose links changed meanwhile stay owed (the next regrouping, or read, regroups
   * them from the links as they are then); when another regrouping was made meanwhile (a read),
   * nothing is put in place (it may have regrouped these articles from later links). One at a
   * time: a second under way at once is made whole at its first step, as the calls do.
   */
  *regroupingSteps(whole: boolean): Generator<void, void> {
    if (this.changedSince) {
      if (whole) this.settle();
      else this.settleNear();
      return;
    }
    if ((whole ? this.unsettled : this.near).size === 0) return;
    const since = new Set<string>();
    this.changedSince = since;
    const at = this.regroupings;
    try {
      const part = whole ? this.linkedPart(this.unsettled) : this.nearRegion();
      yield;
      const stories = yield* linkingSteps(this.links, this.apart, part);
      if (this.regroupings !== at) return;
      this.regroupings++;
      // Owed still: what changed since the first step (the rest of `near` and `unsettled` is in `part`).
      this.near = new Set([...this.near].filter((id) => since.has(id)));
      if (whole) this.unsettled = new Set([...this.unsettled].filter((id) => since.has(id)));
      this.regrouped = part.size;
      this.replace(part, stories);
    } finally {
      this.changedSince = null;
    }
  }

  /**
   * The stories as they stand after regrouping only around what changed (`settleNear`), while the
   * whole regrouping of its linked parts is owed (`owed`; `stories()` makes it): a backlog being
   * linked regroups the few stories each batch touches, not the large linked part they may lie in.
   */
  storiesNear(): string[][] {
    this.settleNear();
    return [...this.all];
  }

  /** Articles whose linked parts are still to be regrouped whole (`stories()`), to be told again to the next `StoryGroups` of these links. */
  owed(): ReadonlySet<string> {
    return this.unsettled;
  }

  /**
   * Regroups the articles changed since, the articles they are linked to and every article of the
   * stories these are in, over the links among them (as the background places a saved article in a
   * new worker): the same stories as regrouping their whole parts unless a merge far away would
   * have changed a story they touch; the whole parts are regrouped when the stories are next read
   * whole (`stories`, `of`, `grouped`).
   */
  private settleNear(): void {
    if (this.near.size === 0) return;
    const region = this.nearRegion();
    this.near = new Set();
    this.regroupings++;
    this.regrouped = region.size;
    this.replace(region, linkStories(this.links, this.apart, region));
  }

  /** What `settleNear` regroups: the articles changed, those they are linked to, and every article of the stories these are in. */
  private nearRegion(): Set<string> {
    const region = new Set<string>();
    for (const id of this.near) {
      region.add(id);
      for (const [other, score] of this.links.of(id)) if (score !== DATED_APART) region.add(other);
    }
    for (const id of [...region]) for (const m of this.storyOf.get(id) ?? []) region.add(m);
    return region;
  }

  /** The stories of the articles of `region` taken out, and `stories` (theirs, regrouped) put in. */
  private replace(region: ReadonlySet<string>, stories: string[][]): void {
    for (const id of region) {
      const story = this.storyOf.get(id);
      if (!story) continue;
      this.all.delete(story);
      for (const m of story) this.storyOf.delete(m);
    }
    for (const story of stories) this.put(story);
  }

  /**
   * The regrouping `update` asked for, over the parts of all the articles changed since: the same
   * stories as regrouping after each change, since each part is grouped from its links as they are.
   */
  private settle(): void {
    if (this.unsettled.size === 0) return;
    const part = this.linkedPart(this.unsettled);
    this.unsettled = new Set();
    this.near = new Set();
    this.regroupings++;
    this.regrouped = part.size;
    this.replace(part, linkStories(this.links, this.apart, part));
  }

  /** The pairs the reader marked "not the same event" changed: regroup the parts of the pairs marked or unmarked since. */
  setApart(apart: ReadonlySet<string>): void {
    const changed = [...apart].filter((k) => !this.apart.has(k)).concat([...this.apart].filter((k) => !apart.has(k)));
    this.apart = new Set(apart);
    if (changed.length) this.update(changed.flatMap((k) => k.split('\u0000')));
  }

  private put(story: string[]): void {
    this.all.add(story);
    for (const m of story) this.storyOf.set(m, story);
  }

  /** The articles joined to `from` by same-event links, `from` included. */
  private linkedPart(from: Iterable<string>): Set<string> {
    const part = new Set(from);
    const queue = [...part];
    while (queue.length) {
      for (const [other, score] of this.links.of(queue.pop()!)) {
        if (score === DATED_APART || part.has(other)) continue;
        part.add(other);
        queue.push(other);
      }
    }
    return part;
  }
}

/**
 * Group-average agglomerative clustering of the linked articles (see the file's comment), of `among`
 * when given.
 *
 * Each pair of groups joined by a link is one record (numbered, its fields in arrays, held by both
 * groups' lists): how many same-event links join them, the sum of their scores, whether a pair of
 * them is dated apart, and its share of linked pairs, the candidacy for a merge. The candidates are
 * in a heap once each, moved as the groups change (an indexed heap, increase- and decrease-key:
 * Cormen et al., Introduction to Algorithms, §6.5), rather than pushed again at every change and
 * skipped when stale: a dense linked part of thousands otherwise leaves millions of stale entries
 * to pop, most of the background's regrouping while a backlog is linked. A merge of y into x goes
 * through both groups' lists, with no map per group: y's record with a group x is also joined to is
 * added into x's record, y's other records become x's.
 */
function linkStories(graph: StoryLinks, apart: ReadonlySet<string> | undefined, among: Iterable<string> = graph.ids()): string[][] {
  const steps = linkingSteps(graph, apart, among);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Work (records made or gone through) between two steps of `linkingSteps`: a fraction of a
 * millisecond, so that a caller giving way every few milliseconds can (a dense part of thousands
 * of articles took 0.6–1 s to group at 10,000 articles in Node, in one go).
 */
const LINKING_STEP_WORK = 4_096;

/**
 * `linkStories` a step at a time (`StoryGroups.regroupingSteps`): the same work in the same order,
 * pausing after every `LINKING_STEP_WORK` or so. The links are read before the first merge; when they
 * change during the pauses, what is made is of the links as they were read, partly (the caller owes
 * a regrouping of the articles whose links changed).
 */
function* linkingSteps(graph: StoryLinks, apart: ReadonlySet<string> | undefined, among: Iterable<string> = graph.ids()): Generator<void, string[][]> {
  let work = 0;
  const linked = (id: string) => {
    for (const s of graph.of(id).values()) if (s !== DATED_APART) return true;
    return false;
  };
  const ids = [...among].filter(linked).sort();
  const number = new Map<string, number>();
  ids.forEach((id, i) => number.set(id, i));
  /** Each group's articles, by number (the ids' order); null once merged into another. */
  const members: (number[] | null)[] = ids.map((_, i) => [i]);
  // The records: two groups (`lo` < `hi`; a merge keeps `lo`), links, sum of scores, share, place in the heap (-1: none).
  const lo: number[] = [];
  const hi: number[] = [];
  const count: number[] = [];
  const sum: number[] = [];
  const share: number[] = [];
  const pos: number[] = [];
  const DATED = 1;
  const GONE = 2;
  const flags: number[] = [];
  /** Each group's records (some gone: merged into another of the group's, skipped and dropped when met). */
  const lists: number[][] = ids.map(() => []);
  // Each link once, from its first article by number (both ways recorded: `StoryLinks.link`).
  for (const [i, id] of ids.entries()) {
    if (work >= LINKING_STEP_WORK) {
      work = 0;
      yield;
    }
    const links = graph.of(id);
    work += links.size;
    for (const [other, score] of links) {
      const o = number.get(other);
      if (o === undefined || o <= i) continue;
      const r = lo.length;
      const dated = score === DATED_APART;
      lo.push(i);
      hi.push(o);
      count.push(dated ? 0 : 1);
      sum.push(dated ? 0 : score);
      share.push(0);
      pos.push(-1);
      flags.push(dated ? DATED : 0);
      lists[i]!.push(r);
      lists[o]!.push(r);
    }
  }
  // Pairs the reader kept apart among these articles, by number: each article's partners, each
  // group's articles that have some, and the group of each article (all kept only when there are some).
  const partners = new Map<number, number[]>();
  for (const key of apart ?? []) {
    const [a, b] = key.split('\u0000').map((id) => number.get(id!));
    if (a === undefined || b === undefined) continue;
    (partners.get(a) ?? partners.set(a, []).get(a)!).push(b);
    (partners.get(b) ?? partners.set(b, []).get(b)!).push(a);
  }
  const groupOf = partners.size ? ids.map((_, i) => i) : null;
  const withPartners: number[][] = partners.size ? ids.map((_, i) => (partners.has(i) ? [i] : [])) : [];
  const keptApart = (x: number, y: number) => {
    const [from, to] = withPartners[x]!.length <= withPartners[y]!.length ? [x, y] : [y, x];
    return withPartners[from]!.some((m) => partners.get(m)!.some((o) => groupOf![o] === to));
  };

  // The heap of candidate merges, best first: share of linked pairs, then the sum of their scores, then the groups' order (the ids').
  const heap: number[] = [];
  const better = (p: number, q: number) => share[p]! > share[q]! || (share[p] === share[q] && (sum[p]! > sum[q]! || (sum[p] === sum[q] && (lo[p]! < lo[q]! || (lo[p] === lo[q] && hi[p]! < hi[q]!)))));
  const place = (i: number, r: number) => {
    heap[i] = r;
    pos[r] = i;
  };
  const sift = (i: number) => {
    const r = heap[i]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!better(r, heap[parent]!)) break;
      place(i, heap[parent]!);
      i = parent;
    }
    for (;;) {
      const l = 2 * i + 1;
      if (l >= heap.length) break;
      const c = l + 1 < heap.length && better(heap[l + 1]!, heap[l]!) ? l + 1 : l;
      if (!better(heap[c]!, r)) break;
      place(i, heap[c]!);
      i = c;
    }
    place(i, r);
  };
  const out = (r: number) => {
    const i = pos[r]!;
    if (i < 0) return;
    pos[r] = -1;
    const last = heap.pop()!;
    if (last === r) return;
    heap[i] = last;
    sift(i);
  };
  /** The record's share as its groups stand, in the heap when at least `MIN_LINKED_SHARE` and not dated apart, out of it otherwise. */
  const offer = (r: number) => {
    share[r] = count[r]! / (members[lo[r]!]!.length * members[hi[r]!]!.length);
    if (!(flags[r]! & DATED) && share[r]! >= MIN_LINKED_SHARE) {
      if (pos[r]! < 0) {
        heap.push(r);
        pos[r] = heap.length - 1;
      }
      sift(pos[r]!);
    } else out(r);
  };
  for (let r = 0; r < lo.length; r++) {
    offer(r);
    if (++work >= LINKING_STEP_WORK) {
      work = 0;
      yield;
    }
  }
  /** Group → x's record with it, during a merge into x (-1: none). */
  const withX = new Int32Array(ids.length).fill(-1);
  while (heap.length > 0) {
    if (work >= LINKING_STEP_WORK) {
      work = 0;
      yield;
    }
    const e = heap[0]!;
    out(e);
    const x = lo[e]!;
    const y = hi[e]!;
    work++;
    if (groupOf && keptApart(x, y)) continue;
    // Merge y into x.
    const mx = members[x]!;
    work += members[y]!.length + lists[x]!.length + lists[y]!.length;
    for (const m of members[y]!) {
      mx.push(m);
      if (groupOf) groupOf[m] = x;
    }
    members[y] = null;
    if (groupOf) {
      for (const m of withPartners[y]!) withPartners[x]!.push(m);
      withPartners[y] = [];
    }
    flags[e]! |= GONE;
    const lx = lists[x]!;
    let kept = 0;
    for (const r of lx) {
      if (flags[r]! & GONE) continue;
      lx[kept++] = r;
      withX[lo[r] === x ? hi[r]! : lo[r]!] = r;
    }
    lx.length = kept;
    for (const r of lists[y]!) {
      if (flags[r]! & GONE) continue;
      const z = lo[r] === y ? hi[r]! : lo[r]!;
      // Out of the heap while their keys change (`offer` puts them back in their place).
      out(r);
      const mine = withX[z]!;
      if (mine >= 0) {
        out(mine);
        // Summed in the order the stories were always grouped with (x's, then y's): the ties come out the same.
        count[mine]! += count[r]!;
        sum[mine]! += sum[r]!;
        flags[mine]! |= flags[r]! & DATED;
        flags[r]! |= GONE;
      } else {
        // Now x's (z's list holds it already).
        lo[r] = Math.min(x, z);
        hi[r] = Math.max(x, z);
        lx.push(r);
      }
    }
    lists[y] = [];
    for (const r of lx) {
      withX[lo[r] === x ? hi[r]! : lo[r]!] = -1;
      offer(r);
    }
  }
  const stories: string[][] = [];
  // Numbers in the ids' order: sorted as numbers, the ids come out sorted.
  for (const m of members) if (m && m.length > 1) stories.push(m.sort((a, b) => a - b).map((i) => ids[i]!));
  return stories;
}

/**
 * The first `n` articles of a story by their same-event links within it, most first (ties by id):
 * the best-connected one, whose title names the story, then those the story's grouping rests on
 * most. Each article's links counted once (not per comparison of a sort), from the links in memory.
 */
export function bestConnected(ids: readonly string[], links: StoryLinks, n = Infinity): string[] {
  const inStory = new Set(ids);
  const degree = new Map<string, number>();
  for (const id of ids) {
    let d = 0;
    for (const [o, s] of links.of(id)) if (s !== DATED_APART && inStory.has(o)) d++;
    degree.set(id, d);
  }
  return [...ids].sort((x, y) => degree.get(y)! - degree.get(x)! || (x < y ? -1 : 1)).slice(0, n);
}

/** Label and order stories: largest first, each labelled with its best-connected article's title. */
export function labelStories(stories: string[][], links: StoryLinks, title: (id: string) => string | null | undefined): Story[] {
  return stories
    .map((ids) => {
      const best = bestConnected(ids, links, 1)[0]!;
      return { ids, label: title(best) || best, lead: best };
    })
    .sort((x, y) => y.ids.length - x.ids.length || (x.ids[0]! < y.ids[0]! ? -1 : 1));
}

/**
 * Stories of two articles or more, largest first. `index` is the corpus index when one is kept
 * already (the extension's), built from the articles otherwise.
 */
export function groupStories(articles: StoryArticle[], index: CorpusIndex = CorpusIndex.build(articles), options: StoryOptions = {}): Story[] {
  const links = StoryLinks.build(articles, index);
  const titles = new Map(articles.map((a) => [a.id, a.title]));
  return labelStories(links.stories(options), links, (id) => titles.get(id));
}

/** A label for an article without a title: its first sentence, cut at a word near 100 characters. */
export function firstWords(text: string): string {
  const s = text.slice(0, 400).trim().split(/(?<=[.!?])\s/u)[0] ?? '';
  return s.length <= 100 ? s : `${s.slice(0, 100).replace(/\s+\S*$/u, '')}…`;
}
