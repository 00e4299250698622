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

interface Group {
  members: string[];
  /** Other group → number of same-event links between the two, the sum of their scores, and whether a pair is dated apart. */
  links: Map<number, { n: number; sum: number; apart: boolean }>;
  version: number;
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
    const region = new Set<string>();
    for (const id of this.near) {
      region.add(id);
      for (const [other, score] of this.links.of(id)) if (score !== DATED_APART) region.add(other);
    }
    this.near = new Set();
    for (const id of [...region]) for (const m of this.storyOf.get(id) ?? []) region.add(m);
    for (const id of region) {
      const story = this.storyOf.get(id);
      if (!story) continue;
      this.all.delete(story);
      for (const m of story) this.storyOf.delete(m);
    }
    this.regrouped = region.size;
    for (const story of linkStories(this.links, this.apart, region)) this.put(story);
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
    this.regrouped = part.size;
    for (const id of part) {
      const story = this.storyOf.get(id);
      if (!story) continue;
      this.all.delete(story);
      for (const m of story) this.storyOf.delete(m);
    }
    for (const story of linkStories(this.links, this.apart, part)) this.put(story);
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

/** Group-average agglomerative clustering of the linked articles (see the file's comment), of `among` when given. */
function linkStories(graph: StoryLinks, apart: ReadonlySet<string> | undefined, among: Iterable<string> = graph.ids()): string[][] {
  const groups = new Map<number, Group>();
  const groupOf = new Map<string, number>();
  const ids = [...among].filter((id) => [...graph.of(id).values()].some((s) => s !== DATED_APART)).sort();
  ids.forEach((id, i) => {
    groups.set(i, { members: [id], links: new Map(), version: 0 });
    groupOf.set(id, i);
  });
  for (const id of ids) {
    const g = groups.get(groupOf.get(id)!)!;
    for (const [other, score] of graph.of(id)) {
      const o = groupOf.get(other);
      if (o !== undefined) g.links.set(o, score === DATED_APART ? { n: 0, sum: 0, apart: true } : { n: 1, sum: score, apart: false });
    }
  }
  // Candidate merges, best first: share of linked pairs, then the sum of their scores; stale
  // entries (a group changed since) are skipped when they come up.
  type Entry = { share: number; sum: number; x: number; y: number; vx: number; vy: number };
  const better = (p: Entry, q: Entry) => p.share > q.share || (p.share === q.share && (p.sum > q.sum || (p.sum === q.sum && (p.x < q.x || (p.x === q.x && p.y < q.y)))));
  const heap = new Heap<Entry>(better);
  const offer = (x: number, y: number) => {
    const gx = groups.get(x)!;
    const gy = groups.get(y)!;
    const l = gx.links.get(y)!;
    if (l.apart) return;
    const share = l.n / (gx.members.length * gy.members.length);
    if (share >= MIN_LINKED_SHARE) heap.push({ share, sum: l.sum, x: Math.min(x, y), y: Math.max(x, y), vx: groups.get(Math.min(x, y))!.version, vy: groups.get(Math.max(x, y))!.version });
  };
  for (const [x, g] of groups) for (const y of g.links.keys()) if (x < y) offer(x, y);
  const keptApart = (a: Group, b: Group) => !!apart?.size && a.members.some((m) => b.members.some((n) => apart.has(pairKey(m, n))));
  for (let e = heap.pop(); e; e = heap.pop()) {
    const gx = groups.get(e.x);
    const gy = groups.get(e.y);
    if (!gx || !gy || gx.version !== e.vx || gy.version !== e.vy || keptApart(gx, gy)) continue;
    // Merge y into x.
    gx.members.push(...gy.members);
    gx.version++;
    groups.delete(e.y);
    gx.links.delete(e.y);
    for (const [z, l] of gy.links) {
      if (z === e.x) continue;
      const gz = groups.get(z)!;
      const mine = gx.links.get(z);
      const merged = mine ? { n: mine.n + l.n, sum: mine.sum + l.sum, apart: mine.apart || l.apart } : l;
      gx.links.set(z, merged);
      gz.links.delete(e.y);
      gz.links.set(e.x, merged);
    }
    for (const z of gx.links.keys()) offer(e.x, z);
  }
  return [...groups.values()].filter((g) => g.members.length > 1).map((g) => g.members.sort());
}

/** A binary heap, best first by `better`. */
class Heap<T> {
  private items: T[] = [];
  constructor(private readonly better: (a: T, b: T) => boolean) {}
  push(item: T): void {
    const a = this.items;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.better(a[i]!, a[parent]!)) break;
      [a[i], a[parent]] = [a[parent]!, a[i]!];
      i = parent;
    }
  }
  pop(): T | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length && last !== undefined) {
      a[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.better(a[l]!, a[m]!)) m = l;
        if (r < a.length && this.better(a[r]!, a[m]!)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
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
