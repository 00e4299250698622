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
import { foldAccents } from '../../lib/text';
import { FIXTURES_DIR, SEEDS_DIR } from '../shared-fixtures';
import { readBasil, type BasilArticle } from './match-fixtures';

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
  return ids.map((id) => {
    const a = extractFromText(readFileSync(join(SEEDS_DIR, `${id}.txt`), 'utf8'));
    const input = { title: a.title, text: a.text, language: a.language, quotes: extractQuotes(a.text, a.language ?? 'en') };
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
  return { title: a.title, text: a.text, language: 'en', quotes: extractQuotes(a.text, 'en') };
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
    const framings = inputs.map(articleFraming);
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
