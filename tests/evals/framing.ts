/**
 * The framing evaluation, shared by `scripts/eval-framing.ts` (prints) and the framing tests
 * (assert): the seeds against gold.json `framing`, and BASIL's lexical-bias spans.
 *
 * - Actors: for each gold actor and each pair of articles that both name it, the share of the
 *   gold labels of both articles found (a mention whose text contains the label, leading article
 *   and quotation marks aside) inside ONE row of `compareFraming` (the row holding most of them).
 * - Hedges: each gold hedge inside a `hedge` or `conditional` item of its article.
 * - Sources: each gold source (or one of its parts `X (Y)`, or its alias in
 *   `tests/expected/framing/seed-labels.json`) named by a source of the article or by a mention of
 *   the same actor.
 * - Omissions 000 vs 001: each gold item's anchor (seed-labels.json) inside a statement listed on
 *   the right side.
 * - BASIL: lexical-bias spans (annotations with `bias: lex`) located in the article text, counted
 *   when they overlap an actor label, a hedge or a scare quote shown for the article.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { extractFromText } from '../../lib/extract';
import { extractQuotes } from '../../lib/quotes';
import { articleFraming, compareFraming, type ArticleFraming, type FramingComparison, type FramingInput } from '../../lib/framing';
import type { FramingView, Ranked } from '../../lib/framing/view';
import { compareArticles, type ComparedArticle } from '../../cli/commands/compare';
import { fnv1a, halfOf, type Half } from '../support/fixture-split';
import { readLabelledPairs } from './passages';
import { foldAccents, isHonorific, wordsOfEveryLanguage } from '../../lib/text';
import { compiledLexicon } from '../../lib/framing/lexicon';
import { findWordChoice, MIN_ALIGNED, MIN_SHARED, names as wordChoiceNames, type WordChoiceHit } from '../../lib/framing/word-choice';
import { bestCounterpart, sentenceStems, stemIndex, type Sentence } from '../../lib/framing/omissions';
import { stop, words, type Word } from '../../lib/framing/words';
import type { Span } from '../../lib/quotes';
import { FIXTURES_DIR, SEEDS_DIR } from '../support/shared-fixtures';
import { giletsJaunesByUrl, readBasil, type BasilArticle } from '../support/corpora';

export const norm = (s: string) => foldAccents(s.normalize('NFC')).toLowerCase().replace(/[«»"“”'’()\s]+/gu, ' ').replace(/^ ?(?:la|le|les|l|une|un|the|a) /u, ' ').trim();

interface FramingGold {
  entity_labels: Record<string, Record<string, string[]> | string>;
  hedges: Record<string, string[]>;
  sources_quoted: Record<string, string[]>;
  omissions_000_vs_001: { in_001_not_000: string[]; in_000_not_001: string[] };
}
interface SeedLabels {
  sourceAliases: Record<string, string[]>;
  omissionAnchors: Record<'in_001_not_000' | 'in_000_not_001', Record<string, string>>;
}

export interface Seed extends FramingInput { id: string; framing: ArticleFraming }

export function loadSeeds(): Seed[] {
  const ids = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort().map((f) => f.replace(/\.txt$/, ''));
  // The publication date gold.json gives (`2016-07-06 or 2016-07-07 (…)`: the first day named).
  const hints = (JSON.parse(readFileSync(join(SEEDS_DIR, 'gold.json'), 'utf8')) as { articles: Record<string, { published_hint?: string }> }).articles;
  return ids.map((id) => {
    const a = extractFromText(readFileSync(join(SEEDS_DIR, `${id}.txt`), 'utf8'));
    const publishedTime = /\d{4}-\d{2}-\d{2}/u.exec(hints[id]?.published_hint ?? '')?.[0] ?? null;
    const input = { title: a.title, text: a.text, language: a.language, quotes: extractQuotes(a.text, a.language ?? 'en'), publishedTime };
    return { id, ...input, framing: articleFraming(input) };
  });
}

export interface ActorPairResult { actor: string; a: string; b: string; labels: number; found: number; missing: string[] }
export interface SeedFramingResult {
  actors: ActorPairResult[];
  hedges: { article: string; gold: string; found: boolean }[];
  hedgeItems: Record<string, string[]>;
  sources: { article: string; gold: string; found: boolean }[];
  sourceNames: Record<string, string[]>;
  omissions: { side: string; item: string; anchor: string; found: boolean; rank: number | null }[];
  omissionCounts: { onlyA: number; onlyB: number };
  comparisons: Map<string, FramingComparison>;
}

const contains = (label: string, gold: string) => norm(label).includes(norm(gold));

export function evaluateSeeds(seeds = loadSeeds()): SeedFramingResult {
  const gold = (JSON.parse(readFileSync(join(SEEDS_DIR, 'gold.json'), 'utf8')) as { framing: FramingGold }).framing;
  const labels = JSON.parse(readFileSync(new URL('../expected/framing/seed-labels.json', import.meta.url), 'utf8')) as SeedLabels;
  const byId = new Map(seeds.map((s) => [s.id, s]));
  const comparisons = new Map<string, FramingComparison>();
  const compare = (x: string, y: string) => {
    const key = `${x}|${y}`;
    let c = comparisons.get(key);
    if (!c) {
      const a = byId.get(x)!;
      const b = byId.get(y)!;
      c = compareFraming(a, b, a.framing, b.framing);
      comparisons.set(key, c);
    }
    return c;
  };

  const actors: ActorPairResult[] = [];
  for (const [actor, perArticle] of Object.entries(gold.entity_labels)) {
    if (typeof perArticle === 'string') continue;
    const ids = Object.keys(perArticle).sort();
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const [x, y] = [ids[i]!, ids[j]!];
        const c = compare(x, y);
        const want = [...perArticle[x]!.map((g) => ['a', g] as const), ...perArticle[y]!.map((g) => ['b', g] as const)];
        let best: string[] = [];
        let bestMissing = want.map(([, g]) => g);
        for (const row of c.actors) {
          const hit = want.filter(([side, g]) => row[side].some((l) => contains(l.text, g)));
          if (hit.length > best.length) {
            best = hit.map(([, g]) => g);
            bestMissing = want.filter((w) => !hit.includes(w)).map(([side, g]) => `${side === 'a' ? x.slice(0, 3) : y.slice(0, 3)}: ${g}`);
          }
        }
        actors.push({ actor, a: x, b: y, labels: want.length, found: best.length, missing: bestMissing });
      }
    }
  }

  const hedges: SeedFramingResult['hedges'] = [];
  const hedgeItems: Record<string, string[]> = {};
  for (const s of seeds) {
    hedgeItems[s.id] = s.framing.stance.map((h) => `${h.kind}: ${h.text}`);
    for (const g of gold.hedges[s.id] ?? []) {
      hedges.push({ article: s.id, gold: g, found: s.framing.stance.some((h) => (h.kind === 'hedge' || h.kind === 'conditional') && contains(h.text, g)) });
    }
  }

  const sources: SeedFramingResult['sources'] = [];
  const sourceNames: Record<string, string[]> = {};
  for (const s of seeds) {
    sourceNames[s.id] = s.framing.sources.map((x) => x.name);
    for (const g of gold.sources_quoted[s.id] ?? []) {
      const parts = labels.sourceAliases[g] ?? [g, ...[...g.matchAll(/\(([^)]*)\)/gu)].map((m) => m[1]!)].map((p) => p.replace(/\(.*\)/u, '').trim());
      const found = s.framing.sources.some((src) => {
        const names = [src.name, ...s.framing.mentions.filter((m) => m.actor === src.actor).map((m) => m.text)];
        return parts.some((p) => names.some((n) => contains(n, p) || contains(p, n)));
      });
      sources.push({ article: s.id, gold: g, found });
    }
  }

  const c = compare('000_492f0f67598950be', '001_efc4fda914ae2fdd');
  const A = byId.get('000_492f0f67598950be')!;
  const B = byId.get('001_efc4fda914ae2fdd')!;
  const omissions: SeedFramingResult['omissions'] = [];
  for (const [side, items] of Object.entries(labels.omissionAnchors) as [keyof SeedLabels['omissionAnchors'], Record<string, string>][]) {
    const [text, listed] = side === 'in_000_not_001' ? [A.text, c.omissions.onlyA] : [B.text, c.omissions.onlyB];
    for (const [item, anchor] of Object.entries(items)) {
      const at = text.indexOf(anchor);
      const st = listed.find((s) => at >= 0 && s.start <= at && at + anchor.length <= s.end);
      omissions.push({ side, item, anchor, found: !!st, rank: st?.rank ?? null });
    }
  }
  // Every gold omission item has an anchor.
  for (const side of ['in_001_not_000', 'in_000_not_001'] as const) {
    for (const item of gold.omissions_000_vs_001[side]) if (!labels.omissionAnchors[side][item]) throw new Error(`no anchor for omission: ${item}`);
  }
  return { actors, hedges, hedgeItems, sources, sourceNames, omissions, omissionCounts: { onlyA: c.omissions.onlyA.length, onlyB: c.omissions.onlyB.length }, comparisons };
}

// --- BASIL

export interface BasilSpanResult {
  article: string;
  source: string;
  spans: number;
  located: number;
  inside: number;
  byKind: Record<string, number>;
  examples: string[];
  /** How much is shown: items, and the share of the article's characters they cover (the chance level of `inside`). */
  shownItems: number;
  shownShare: number;
}

interface Annotation { bias: string; txt: string; quote: string }

/** The triplets of BASIL, each as [fox, nyt, hpo] articles (the order of the article files). */
export function basilTriplets(): BasilArticle[][] {
  const byEvent = new Map<string, BasilArticle[]>();
  for (const a of readBasil()) {
    const t = byEvent.get(a.event) ?? [];
    t.push(a);
    byEvent.set(a.event, t);
  }
  return [...byEvent.values()].filter((t) => t.length === 3);
}

export function basilInput(a: BasilArticle): FramingInput {
  return { title: a.title, text: a.text, language: 'en', quotes: extractQuotes(a.text, 'en'), publishedTime: a.date };
}

function annotations(a: BasilArticle): Annotation[] {
  const year = a.date.slice(0, 4);
  const file = join(FIXTURES_DIR, 'basil/annotations', year, `${a.id}_ann.json`);
  if (!existsSync(file)) return [];
  return (JSON.parse(readFileSync(file, 'utf8')) as { 'phrase-level-annotations': Annotation[] })['phrase-level-annotations'];
}

/** Per article: lexical-bias spans located in the text, and how many a shown label, hedge or scare quote covers. */
export function evaluateBasil(): BasilSpanResult[] {
  const out: BasilSpanResult[] = [];
  for (const t of basilTriplets()) {
    const inputs = t.map(basilInput);
    const framings = inputs.map((x) => articleFraming(x));
    for (let k = 0; k < 3; k++) {
      const a = t[k]!;
      // What the comparison shows for this article: its actor labels (in rows) and its stance items.
      const other = (k + 1) % 3;
      const c = compareFraming(inputs[k]!, inputs[other]!, framings[k], framings[other]);
      const shown: { start: number; end: number; kind: string }[] = [
        ...c.actors.flatMap((r) => r.a.map((l) => ({ start: l.start, end: l.end, kind: 'actor label' }))),
        ...c.hedges.a.map((h) => ({ start: h.start, end: h.end, kind: h.kind })),
      ];
      const lex = annotations(a).filter((x) => x.bias === 'lex');
      const cover = new Uint8Array(a.text.length);
      for (const x of shown) cover.fill(1, x.start, x.end);
      const r: BasilSpanResult = { article: a.id, source: a.source.toLowerCase(), spans: lex.length, located: 0, inside: 0, byKind: {}, examples: [], shownItems: shown.length, shownShare: cover.reduce((n, v) => n + v, 0) / Math.max(1, a.text.length) };
      const used = new Set<number>();
      for (const an of lex) {
        let at = a.text.indexOf(an.txt);
        while (at >= 0 && used.has(at)) at = a.text.indexOf(an.txt, at + 1);
        if (at < 0) continue;
        used.add(at);
        r.located++;
        const end = at + an.txt.length;
        const hit = shown.find((s) => s.start < end && at < s.end);
        if (hit) {
          r.inside++;
          r.byKind[hit.kind] = (r.byKind[hit.kind] ?? 0) + 1;
          if (r.examples.length < 3) r.examples.push(`${an.txt} ⊂ ${hit.kind} "${a.text.slice(hit.start, hit.end)}"`);
        }
      }
      out.push(r);
    }
  }
  return out;
}

// --- What the panel shows (lib/framing/view), on BASIL pairs and gilets-jaunes pairs

/** One same-event pair as the panel sets them: the page (`a`) beside another version (`b`). */
export interface FramingPair {
  /** `basil:<idA>|<idB>` or `gj:<urlA>|<urlB>`: the key of hand labels. */
  id: string;
  half: Half;
  a: FramingInput;
  b: FramingInput;
  /** BASIL article ids of the two sides (none for gilets jaunes). */
  basil?: { a: BasilArticle; b: BasilArticle };
}

/** BASIL pairs: each triplet's three pairs (fox–nyt, fox–hpo, nyt–hpo in file order), half by triplet uuid. */
export function basilPairs(): FramingPair[] {
  return basilTriplets().flatMap((t) => {
    const inputs = t.map(basilInput);
    return ([[0, 1], [0, 2], [1, 2]] as const).map(([i, j]) => ({ id: `basil:${t[i]!.id}|${t[j]!.id}`, half: halfOf(t[i]!.event), a: inputs[i]!, b: inputs[j]!, basil: { a: t[i]!, b: t[j]! } }));
  });
}

/** Gilets-jaunes same-event pairs checked by hand (tests/expected/match `same`, tests/expected/passages `partly`), half by URL pair. */
export function giletsPairs(): FramingPair[] {
  const docs = giletsJaunesByUrl();
  const match = (JSON.parse(readFileSync(new URL('../expected/match/gilets-pairs.json', import.meta.url), 'utf8')) as { pairs: { relation: string; urls: [string, string] }[] }).pairs
    .filter((p) => p.relation === 'same').map((p) => p.urls);
  const partly = readLabelledPairs().filter((p) => p.label === 'partly').map((p) => [p.a, p.b] as [string, string]);
  const seen = new Set<string>();
  const out: FramingPair[] = [];
  for (const [ua, ub] of [...match, ...partly]) {
    const id = `gj:${ua}|${ub}`;
    const da = docs.get(ua);
    const db = docs.get(ub);
    if (seen.has(id) || !da || !db) continue;
    seen.add(id);
    const input = (text: string): FramingInput => ({ title: null, text, language: 'fr', quotes: extractQuotes(text, 'fr') });
    out.push({ id, half: halfOf(id), a: input(da.text), b: input(db.text) });
  }
  return out;
}

export interface PairView {
  pair: FramingPair;
  /** The framing the panel renders for the pair: the comparison report's (`cli compare`'s), empty when the report has none. */
  view: FramingView;
  /** Whether the report sets a framing beside the other version at all (it does for a same-event or storyline match that is not a copy). */
  reported: boolean;
  comparison: FramingComparison;
}

const VIEWS = new Map<string, PairView>();
const EMPTY_VIEW: FramingView = {
  articleId: 1,
  actors: { shown: [], more: [] },
  wordChoice: { shown: [], more: [] },
  scareQuotes: { shown: [], more: [] },
  sources: { onlyPage: [], onlyOther: [], both: [] },
  omissions: { onlyPage: [], onlyOther: [] },
  headlines: { page: null, other: null, note: null },
};

/**
 * The panel's view of a pair (computed once per run): the framing of the comparison report of A
 * as the page and B as the one stored article, by `cli compare`'s code (`compareArticles`, which
 * runs lib/compare/report as the background does), so that what is scored is what a reader sees.
 */
export function viewOf(pair: FramingPair): PairView {
  let v = VIEWS.get(pair.id);
  if (!v) {
    const site = (x: BasilArticle | undefined) => x?.source ?? null;
    const article = (x: FramingInput, b: BasilArticle | undefined): ComparedArticle => ({ title: x.title, text: x.text, language: x.language, siteName: site(b), publishedTime: x.publishedTime ?? null });
    const report = compareArticles(article(pair.a, pair.basil?.a), article(pair.b, pair.basil?.b));
    v = { pair, view: report.framing ?? EMPTY_VIEW, reported: report.framing !== null, comparison: compareFraming(pair.a, pair.b, articleFraming(pair.a)) };
    VIEWS.set(pair.id, v);
  }
  return v;
}

const all = <T>(r: Ranked<T>) => [...r.shown, ...r.more];
const WEEKDAYS_MONTHS = /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)\b/u;
/** Role titles as lib/framing reads them (lib/framing/aliases.json), lower case without accents. */
const ROLE_TITLES: ReadonlySet<string> = new Set([...compiledLexicon('fr').titles, ...compiledLexicon('en').titles]);
const ARTICLES: ReadonlySet<string> = new Set([...wordsOfEveryLanguage('articles'), 'l'].map(foldAccents));
/** A lower-case, accent-folded word that is no part of a name: an honorific (lib/text's lexicon), a role title, an article, or the prefix of an office. */
const isTitleWord = (w: string) => isHonorific(w) || ROLE_TITLES.has(w) || ARTICLES.has(w) || w === 'former' || w === 'ex' || w === 'vice';

/** A label reduced to what is not the name: possessives, titles, determiners and the name's own words gone. */
function beyondName(label: string, nameWords: Set<string>): string[] {
  return foldAccents(label.toLowerCase()).replace(/['’]s\b/gu, '').split(/[^\p{L}\p{N}-]+/u).filter((w) => w && !isTitleWord(w) && !nameWords.has(w));
}

export interface ViewChecks {
  pairs: number;
  /** Pairs whose report sets a framing beside the other version (the others show none). */
  withFraming: number;
  /** Actor rows shown (all of them, "more" included) and those whose labels differ only by the form of a name. */
  rows: number;
  nameFormRows: string[];
  /** Actor rows of the comparison behind the view (every actor found) that are dates or carry a possessive; and among the shown rows. */
  actorsAll: number;
  datedOrPossessiveAll: string[];
  datedOrPossessiveShown: string[];
  sources: number;
  sourceFragments: string[];
  scareQuotes: number;
  scareTitlesOrFigures: string[];
  wordChoice: number;
}

/**
 * The issue's checks on what the panel shows, each by a rule written apart from the one that
 * filters (so a filter that lets something through is caught):
 * - name form: a row whose labels, once titles, possessives, determiners and the actor's own
 *   capitalised words are removed, say the same on both sides;
 * - date or possessive: a weekday or month in the actor's name, or a `'s` in it;
 * - fragment: a source name with a lower-case word other than a name connector, a pronoun, an
 *   upper-case dateline, a lone title;
 * - title or figure: a scare quote in Title Case or with a digit.
 */
export function viewChecks(views: PairView[]): ViewChecks {
  const r: ViewChecks = { pairs: views.length, withFraming: views.filter((v) => v.reported).length, rows: 0, nameFormRows: [], actorsAll: 0, datedOrPossessiveAll: [], datedOrPossessiveShown: [], sources: 0, sourceFragments: [], scareQuotes: 0, scareTitlesOrFigures: [], wordChoice: 0 };
  // A date: a weekday or month first (`Tuesday's Nevada`) or only such words and figures; a possessive: `'s` or `s'` in the name.
  const datedOrPossessive = (name: string) => {
    const ws = foldAccents(name.toLowerCase()).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    return (ws.length > 0 && WEEKDAYS_MONTHS.test(ws[0]!)) || ws.every((w) => WEEKDAYS_MONTHS.test(w) || /^\d+$/u.test(w)) || /['’]s\b|s['’](?:\s|$)/u.test(name);
  };
  for (const { view, comparison } of views) {
    for (const row of all(view.actors)) {
      r.rows++;
      const labels = [...row.page, ...row.other].map((l) => l.text);
      const nameWords = new Set(labels.concat(row.actor).flatMap((l) => l.split(/[^\p{L}\p{N}-]+/u)).filter((w) => /^\p{Lu}/u.test(w)).map((w) => foldAccents(w.toLowerCase())));
      const side = (ls: typeof row.page) => new Set(ls.flatMap((l) => beyondName(l.text, nameWords)));
      const [p, o] = [side(row.page), side(row.other)];
      if (p.size === o.size && [...p].every((w) => o.has(w))) r.nameFormRows.push(`${row.actor}: ${labels.join(' | ')}`);
      if (datedOrPossessive(row.actor)) r.datedOrPossessiveShown.push(row.actor);
    }
    for (const row of comparison.actors) {
      r.actorsAll++;
      if (datedOrPossessive(row.actor)) r.datedOrPossessiveAll.push(row.actor);
    }
    for (const name of [...view.sources.onlyPage, ...view.sources.onlyOther, ...view.sources.both]) {
      r.sources++;
      const ws = name.split(/\s+/u);
      const fragment = !/^\p{Lu}/u.test(name) || ws.some((w) => /^\p{Ll}/u.test(w) && !/^(?:de|du|des|la|le|l'|d'|of|the|von|van|al|el|bin|ben|and|et)$/u.test(w)) || /^(?:he|she|they|it|il|elle|ils|elles|on)$/iu.test(name) || /\b\p{Lu}{6,}\b/u.test(name) || (ws.length === 1 && isTitleWord(foldAccents(name.toLowerCase())));
      if (fragment) r.sourceFragments.push(name);
    }
    for (const s of all(view.scareQuotes)) {
      r.scareQuotes++;
      const inner = s.quote.text.replace(/^[«"“\s]+|[»"”\s]+$/gu, '');
      const words_ = inner.split(/\s+/u);
      if (/\d/u.test(inner) || (words_.length > 1 && words_.every((w) => /^\p{Lu}/u.test(w) || /^(?:of|the|a|and|de|la|le|du|des)$/u.test(w)))) r.scareTitlesOrFigures.push(s.quote.text);
    }
    r.wordChoice += all(view.wordChoice).length;
  }
  return r;
}

export interface WordChoiceScore {
  articles: number;
  /** Lexical-bias spans located in the texts, and those a word-choice item of the article falls in. */
  located: number;
  recalled: number;
  /** The same for the spans BASIL marks outside quotations (`quote: no`): the outlet's own words, the only ones word choice looks at. */
  locatedUnquoted: number;
  recalledUnquoted: number;
  /** Word-choice items of the articles (each article's items over its two pairs, once each), and those inside an annotated lexical-bias span. */
  items: number;
  annotated: number;
  /** Items outside any annotation, for the hand check: `<article id>:<start>` and the word. */
  unannotated: { key: string; word: string }[];
  /**
   * Precision as the issue defines it, against the annotations plus a hand check, over the rows
   * the panel shows (one per pair and item): rows inside an annotated lexical-bias span or judged
   * right by a reader (tests/expected/framing/reader-labels.json, kind `word`); rows with neither an
   * annotation nor a label are counted as not right and listed in `rowsUnjudged`.
   */
  rows: number;
  rowsRight: number;
  rowsUnjudged: string[];
  /**
   * What bounds recall, span by span: spans holding a word of the lexicon outside quotations (the
   * lexicon's reach, wherever the word stands), and spans inside a sentence that has a counterpart
   * in one of the other versions (MIN_ALIGNED, MIN_SHARED of word-choice: a comparison's reach).
   */
  reach: { lexicon: number; aligned: number };
}

/** The located lexical-bias spans of an article, each annotation at its first unused occurrence. */
function lexicalSpans(article: BasilArticle): { start: number; end: number; quoted: boolean }[] {
  const out: { start: number; end: number; quoted: boolean }[] = [];
  const used = new Set<number>();
  for (const an of annotations(article).filter((x) => x.bias === 'lex')) {
    let at = article.text.indexOf(an.txt);
    while (at >= 0 && used.has(at)) at = article.text.indexOf(an.txt, at + 1);
    if (at < 0) continue;
    used.add(at);
    out.push({ start: at, end: at + an.txt.length, quoted: an.quote === 'yes' });
  }
  return out;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** BASIL's lexical-bias spans against the word-choice items the panel shows for each article. */
export function wordChoiceVsBasil(views: PairView[]): WordChoiceScore {
  const labels = readerLabels().filter((l) => l.kind === 'word');
  const items = new Map<string, { article: BasilArticle; input: FramingInput; others: FramingInput[]; spans: Map<number, { start: number; end: number; word: string }> }>();
  const out: WordChoiceScore = { articles: 0, located: 0, recalled: 0, locatedUnquoted: 0, recalledUnquoted: 0, items: 0, annotated: 0, unannotated: [], rows: 0, rowsRight: 0, rowsUnjudged: [], reach: { lexicon: 0, aligned: 0 } };
  const lexOf = new Map<string, ReturnType<typeof lexicalSpans>>();
  const spansOf = (a: BasilArticle) => lexOf.get(a.id) ?? lexOf.set(a.id, lexicalSpans(a)).get(a.id)!;
  for (const { pair, view } of views) {
    if (!pair.basil) continue;
    for (const [side, article, input, other] of [['page', pair.basil.a, pair.a, pair.b], ['other', pair.basil.b, pair.b, pair.a]] as const) {
      const e = items.get(article.id) ?? { article, input, others: [] as FramingInput[], spans: new Map() };
      e.others.push(other);
      for (const w of all(view.wordChoice)) {
        if (w.side !== side) continue;
        e.spans.set(w.word.start, { start: w.word.start, end: w.word.end, word: w.word.text });
        out.rows++;
        const key = `word:${side}:${w.word.start}`;
        const label = labels.find((l) => l.pair === pair.id && l.key === key);
        if (spansOf(article).some((l) => overlaps(l, w.word)) || label?.agree) out.rowsRight++;
        else if (!label) out.rowsUnjudged.push(`${pair.id} ${key} ${w.word.text}`);
      }
      items.set(article.id, e);
    }
  }
  out.articles = items.size;
  for (const { article, input, others, spans } of items.values()) {
    const lex = spansOf(article);
    const list = [...spans.values()];
    const recalled = lex.filter((l) => list.some((w) => overlaps(w, l)));
    out.located += lex.length;
    out.recalled += recalled.length;
    out.locatedUnquoted += lex.filter((l) => !l.quoted).length;
    out.recalledUnquoted += recalled.filter((l) => !l.quoted).length;
    out.items += list.length;
    for (const w of list) {
      if (lex.some((l) => overlaps(w, l))) out.annotated++;
      else out.unannotated.push({ key: `${article.id}:${w.start}`, word: w.word });
    }
    const words_ = findWordChoice(article.text, 'en', input.quotes);
    out.reach.lexicon += lex.filter((l) => words_.some((w) => overlaps(w, l))).length;
    const indexes = others.map((o) => stemIndex(sentenceStems(o.text, 'en')));
    const aligned = sentenceStems(article.text, 'en').filter((s) => indexes.some((index) => {
      const b = bestCounterpart(s, index);
      return b.k >= 0 && b.share >= MIN_ALIGNED && b.shared >= MIN_SHARED;
    }));
    out.reach.aligned += lex.filter((l) => aligned.some((s) => s.start <= l.start && l.end <= s.end)).length;
  }
  return out;
}

// --- Hand labels of the rows as the panel shows them (tests/expected/framing/reader-labels.json)

interface ReaderLabel { pair: string; kind: 'actor' | 'word' | 'scare' | 'source' | 'head'; key: string; agree: boolean; why?: string }

/** The keys of what the view shows for a pair, as the labels name them. */
export function shownKeys(v: FramingView): { kind: ReaderLabel['kind']; key: string }[] {
  const out: { kind: ReaderLabel['kind']; key: string }[] = [];
  for (const r of all(v.actors)) out.push({ kind: 'actor', key: `actor:${r.page[0]?.start}:${r.other[0]?.start}` });
  for (const w of all(v.wordChoice)) out.push({ kind: 'word', key: `word:${w.side}:${w.word.start}` });
  for (const s of all(v.scareQuotes)) out.push({ kind: 'scare', key: `scare:${s.side}:${s.quote.start}` });
  for (const [list, names] of Object.entries(v.sources)) for (const n of names) out.push({ kind: 'source', key: `source:${list}:${fnv1a(n).toString(16)}` });
  if (v.headlines.note) out.push({ kind: 'head', key: 'headline' });
  return out;
}

export interface ReaderAgreement {
  /** Labelled rows the panel still shows, and those the reader agreed with. */
  judged: number;
  agreed: number;
  byKind: Record<string, { judged: number; agreed: number }>;
  /** Rows shown on the labelled pairs that carry no label (a change since the labels: label them). */
  unlabelled: string[];
}

const readerLabels = () => (JSON.parse(readFileSync(new URL('../expected/framing/reader-labels.json', import.meta.url), 'utf8')) as { labels: ReaderLabel[] }).labels;

/** The share of the rows shown on the labelled pairs that a reader agreed with, over `half` when given. */
export function readerAgreement(half?: Half): ReaderAgreement {
  const labels = readerLabels();
  const pairs = new Map([...basilPairs(), ...giletsPairs()].map((p) => [p.id, p]));
  const r: ReaderAgreement = { judged: 0, agreed: 0, byKind: {}, unlabelled: [] };
  const byPair = new Map<string, ReaderLabel[]>();
  for (const l of labels) byPair.set(l.pair, [...(byPair.get(l.pair) ?? []), l]);
  for (const [id, ls] of byPair) {
    const pair = pairs.get(id);
    if (!pair || (half && pair.half !== half)) continue;
    const shown = shownKeys(viewOf(pair).view);
    for (const s of shown) {
      const l = ls.find((x) => x.kind === s.kind && x.key === s.key);
      if (!l) {
        // Who-speaks names were labelled on a sample of pairs; every other row shown on a labelled pair has a label.
        if (s.kind !== 'source') r.unlabelled.push(`${id} ${s.key}`);
        continue;
      }
      const k = (r.byKind[s.kind] ??= { judged: 0, agreed: 0 });
      k.judged++;
      r.judged++;
      if (l.agree) { k.agreed++; r.agreed++; }
    }
  }
  return r;
}

// --- Word-choice ceilings: how far word choice could reach BASIL's spans, by what counts as "telling the same thing"

/** A unit of an article (`unit`) that tells what a unit of the other version (`counter`) tells. */
export interface AlignedUnit { unit: Span; counter: Span }
export interface CeilingDoc { text: string; input: FramingInput; sentences: Sentence[]; names: Set<string>[]; words: Word[] }
export type SameThing = (a: CeilingDoc, b: CeilingDoc) => AlignedUnit[];

/** Sentences whose best counterpart (lib/framing/omissions) holds `share` of their content stems and at least `shared` of them, optionally naming one of the same names. */
const bySentence = (share: number, shared: number, needName = false): SameThing => (a, b) => {
  const index = stemIndex(b.sentences);
  return a.sentences.flatMap((s, i) => {
    const best = bestCounterpart(s, index);
    if (best.k < 0 || best.share < share || best.shared < shared) return [];
    if (needName && ![...a.names[i]!].some((n) => b.names[best.k]!.has(n))) return [];
    return [{ unit: s, counter: b.sentences[best.k]! }];
  });
};

/** The same fact: the sentence of the other version naming one of the same names that shares most lower-case content words (the predicate and the event's words), at least `k`. */
const sameFact = (k: number): SameThing => (a, b) => {
  const keys = (d: CeilingDoc, s: Span) => new Set(d.words.filter((w) => w.start >= s.start && w.end <= s.end && !w.cap && !stop(w, 'en')).map((w) => w.key));
  const theirs = b.sentences.map((t) => keys(b, t));
  return a.sentences.flatMap((s, i) => {
    const mine = keys(a, s);
    let best = -1;
    let most = 0;
    b.sentences.forEach((_, j) => {
      if (![...a.names[i]!].some((n) => b.names[j]!.has(n))) return;
      const n = [...mine].filter((x) => theirs[j]!.has(x)).length;
      if (n > most) { most = n; best = j; }
    });
    return best >= 0 && most >= k ? [{ unit: s, counter: b.sentences[best]! }] : [];
  });
};

/** The sentences around the same `±w` of a sentence aligned by `base`, against the same window around its counterpart. */
const around = (base: SameThing, w: number) => (a: CeilingDoc, b: CeilingDoc, al: AlignedUnit[] = base(a, b)): AlignedUnit[] => al.flatMap(({ unit, counter }) => {
  const i = a.sentences.findIndex((s) => s.start <= unit.start && unit.start < s.end);
  const j = b.sentences.findIndex((s) => s.start <= counter.start && counter.start < s.end);
  if (i < 0 || j < 0) return [];
  const window = { start: b.sentences[Math.max(0, j - w)]!.start, end: b.sentences[Math.min(b.sentences.length - 1, j + w)]!.end };
  return a.sentences.slice(Math.max(0, i - w), i + w + 1).map((s) => ({ unit: s, counter: window }));
});

/** The same quotation: a reported quote sharing at least 60% (and 3) of its content words with a quote of the other version; its sentence ±1 (where the attribution is). */
const sameQuote: SameThing = (a, b) => {
  const quotes = (d: CeilingDoc) => d.input.quotes.filter((q) => q.kind === 'reported').map((q) => ({ q, keys: new Set(d.words.filter((w) => w.start >= q.start && w.end <= q.end && !stop(w, 'en')).map((w) => w.key)) }));
  const theirs = quotes(b);
  const pairs: AlignedUnit[] = [];
  for (const { q, keys } of quotes(a)) {
    if (keys.size < 3) continue;
    const m = theirs.find((x) => [...keys].filter((t) => x.keys.has(t)).length >= Math.max(3, 0.6 * Math.min(keys.size, x.keys.size)));
    if (m) pairs.push({ unit: q, counter: m.q });
  }
  return around(bySentence(1, 1), 1)(a, b, pairs);
};

/** The same actor: each label (±3 words of its sentence) of an actor both versions name (lib/framing's rows), against all of the other's labels of it. */
const sameActor: SameThing = (a, b) => {
  // Three words either side, within the label's sentence.
  const widen = (d: CeilingDoc, l: Span) => {
    const s = d.sentences.find((x) => x.start <= l.start && l.start < x.end) ?? { start: l.start, end: l.end };
    const before = d.words.filter((w) => w.start >= s.start && w.end <= l.start).slice(-3);
    const after = d.words.filter((w) => w.start >= l.end && w.end <= s.end).slice(0, 3);
    return { start: before[0]?.start ?? l.start, end: after.at(-1)?.end ?? l.end };
  };
  return compareFraming(a.input, b.input).actors.filter((r) => r.a.length && r.b.length).flatMap((r) => {
    const others = r.b.map((l) => widen(b, l));
    const counter = { start: Math.min(...others.map((x) => x.start)), end: Math.max(...others.map((x) => x.end)) };
    return r.a.map((l) => ({ unit: widen(a, l), counter }));
  });
};

/**
 * Definitions of "where the two versions tell the same thing" a reader would accept, from the
 * narrowest (word choice today: MIN_ALIGNED, MIN_SHARED) to the widest (the whole same-event
 * article).
 */
export const SAME_THING: Record<string, SameThing> = {
  [`sentence, share ≥ ${MIN_ALIGNED}, ≥ ${MIN_SHARED} stems (today)`]: bySentence(MIN_ALIGNED, MIN_SHARED),
  'sentence, share ≥ 0.3, ≥ 3 stems': bySentence(0.3, 3),
  'sentence, share ≥ 0.2, ≥ 3 stems': bySentence(0.2, 3),
  'sentence, share ≥ 0.2, ≥ 3 stems, a name shared': bySentence(0.2, 3, true),
  'same fact: a name and ≥ 2 lower-case words shared': sameFact(2),
  'same fact: a name and ≥ 1 lower-case word shared': sameFact(1),
  'same quotation: its sentence ±1': sameQuote,
  'passage: ±1 sentence of a sentence at share ≥ 0.2': around(bySentence(0.2, 3), 1),
  'same actor: a label ±3 words': sameActor,
  'whole article (same event)': (a, b) => [{ unit: { start: 0, end: a.text.length }, counter: { start: 0, end: b.text.length } }],
};

/** An English article as the definitions read it: its sentences with their stems and names, its words, its quotations. */
export function ceilingDoc(input: FramingInput): CeilingDoc {
  const ss = sentenceStems(input.text, 'en');
  return { text: input.text, input, sentences: ss, names: ss.map((s) => wordChoiceNames(input.text, s)), words: words(input.text, 'en').slice() };
}

export interface CeilingRow {
  definition: string;
  /** Lexical-bias spans inside a unit (any unit's words could be an item), outside quotations among them, and the share of the text the units cover. */
  reach: number;
  reachUnquoted: number;
  covered: number;
  /** With the lexicon (word-choice.json, all kinds; `saying`: verbs of saying only): spans holding an item, items (a lexicon word of a unit that the counterpart does not use), items inside a span. */
  lexicon: { recall: number; items: number; inside: number };
  saying: { recall: number; items: number; inside: number };
}

/**
 * The ceilings of word choice on one half of BASIL (run on the tuning half): for each definition
 * of telling the same thing, the lexical-bias spans it lets an item reach, and with the lexicon
 * the items it would produce and how many fall inside an annotation. Each article against the
 * two other versions of its triplet, as the panel pairs them. The lexicon columns are an upper
 * bound: the lexicon finds a word in 10% of the tuning half's spans and 11% of the reporting
 * half's (Dec 2026; 49% and 17% before the forms fitted to the tuning half were taken out).
 */
export function wordChoiceCeilings(half: Half): { spans: number; unquoted: number; lexiconAlone: { recall: number; items: number; inside: number }; rows: CeilingRow[] } {
  const triplets = basilTriplets().filter((t) => halfOf(t[0]!.event) === half).map((t) => t.map((article) => {
    const input = basilInput(article);
    const doc = ceilingDoc(input);
    const hits = findWordChoice(article.text, 'en', input.quotes);
    return { article, doc, hits, spans: lexicalSpans(article) };
  }));
  const docs = triplets.flat();
  const spans = docs.reduce((n, d) => n + d.spans.length, 0);
  const score = (chosen: (d: (typeof docs)[number]) => WordChoiceHit[]) => {
    const r = { recall: 0, items: 0, inside: 0 };
    for (const d of docs) {
      const list = chosen(d);
      r.recall += d.spans.filter((l) => list.some((w) => overlaps(w, l))).length;
      r.items += list.length;
      r.inside += list.filter((w) => d.spans.some((l) => overlaps(w, l))).length;
    }
    return r;
  };
  const rows = Object.entries(SAME_THING).map(([definition, align]): CeilingRow => {
    const units = new Map<(typeof docs)[number], (AlignedUnit & { other: (typeof docs)[number] })[]>();
    for (const t of triplets) for (const a of t) for (const b of t) if (a !== b) units.set(a, [...(units.get(a) ?? []), ...align(a.doc, b.doc).map((u) => ({ ...u, other: b }))]);
    let reach = 0;
    let reachUnquoted = 0;
    let covered = 0;
    for (const d of docs) {
      const us = units.get(d) ?? [];
      const inUnit = d.spans.filter((l) => us.some((u) => overlaps(u.unit, l)));
      reach += inUnit.length;
      reachUnquoted += inUnit.filter((l) => !l.quoted).length;
      const cover = new Uint8Array(d.article.text.length);
      for (const u of us) cover.fill(1, u.unit.start, u.unit.end);
      covered += cover.reduce((n, v) => n + v, 0) / Math.max(1, cover.length) / docs.length;
    }
    // An item: a lexicon word inside a unit whose counterpart does not use the same word.
    const items = (kinds: string[]) => (d: (typeof docs)[number]) => d.hits.filter((h) => kinds.includes(h.kind) && (units.get(d) ?? []).some((u) => u.unit.start <= h.start && h.end <= u.unit.end
      && !u.other.hits.some((x) => x.start >= u.counter.start && x.end <= u.counter.end && x.text.toLowerCase() === h.text.toLowerCase())));
    return { definition, reach, reachUnquoted, covered, lexicon: score(items(['saying', 'evaluative'])), saying: score(items(['saying'])) };
  });
  return { spans, unquoted: docs.reduce((n, d) => n + d.spans.filter((l) => !l.quoted).length, 0), lexiconAlone: score((d) => d.hits), rows };
}
