/**
 * The quote measurements, shared by `scripts/eval-quotes.ts` (prints the tables) and the tests
 * (assert the thresholds).
 *
 * Seeds: a gold quotation (gold.json, straight apostrophes) is found when an extracted quotation
 * has the same comparison form (`normalizeForComparison`, accents folded): typography aside,
 * the same words. Precision counts extracted quotations of that kind that equal a gold one.
 *
 * PolNeAR (Newell, Margolin & Ruths, LREC 2018), test split, brat standoff: a gold direct
 * quotation is an attribution whose Content span contains a double quotation mark (“ ” ");
 * a predicted reported quotation is right when its span lies inside an annotated Content span
 * (inside one of its fragments, fragments split by a space only being one: see `blocks`)
 * (of any attribution: the words are attributed to someone), and a gold quotation is found when
 * a predicted reported quotation lies inside it. Its speaker is right by `speakerMatches`: the
 * speaker is a name (a bare pronoun never is) and the Source or part of it (a title before the
 * Source's name allowed: `President Obama` for `Obama`), or its local mention (the `he` of `he said`; for a
 * continuing quotation without a mention of its own, the mention of the quotation it continues:
 * PolNeAR annotates `“A,” he said. “B.”` with `he` as B's Source too) is the Source and the
 * speaker a name found elsewhere. A quotation whose attribution has no Source is left out of
 * speaker accuracy, and a predicted null speaker counts as wrong.
 *
 * Halves: `halfOf` (tests/support/fixture-split.ts) splits the articles into a tuning half, whose
 * failures may be read to change rules, and a reporting half, which gives the figures.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractFile } from '../../cli/commands/extract';
import { alignQuotes, extractQuotes } from '../../lib/quotes';
import type { Quote, SharedQuote } from '../../lib/quotes';
import { fold, isHonorific } from '../../lib/text';
import { fnv1a, halfOf } from '../support/fixture-split';
import type { Half } from '../support/fixture-split';
import { BASIL_DIR, readBasil, readGiletsJaunesAsWritten } from '../support/corpora';
import { FIXTURES_DIR, SEEDS_DIR } from '../support/shared-fixtures';

export const POLNEAR_DIR = join(FIXTURES_DIR, 'polnear/test');

/** The text around a quotation (300 characters before, 200 after), on one line: for reading failures. */
export const around = (text: string, q: { start: number; end: number }): string =>
  text.slice(Math.max(0, q.start - 300), Math.min(text.length, q.end + 200)).replace(/\s+/gu, ' ');

const norm = (s: string): string => fold(s).replace(/[\s.,;:]+$/u, '');

interface SeedsGold {
  quotes_per_article: Record<string, string[]>;
  scare_quotes: Record<string, string[] | string>;
  shared_quotes: { articles: [string, string]; text: string; speaker: string }[];
}

export interface PR { article: string; gold: number; found: number; predicted: number; correct: number; precision: number; recall: number }

function pr(article: string, gold: readonly string[], predicted: readonly string[]): PR {
  const g = gold.map(norm);
  const p = predicted.map(norm);
  const found = g.filter((x) => p.includes(x)).length;
  const correct = p.filter((x) => g.includes(x)).length;
  return { article, gold: g.length, found, predicted: p.length, correct, precision: p.length ? correct / p.length : 1, recall: g.length ? found / g.length : 1 };
}

export interface SeedResult {
  ids: string[];
  texts: Record<string, string>;
  quotes: Record<string, Quote[]>;
  reported: PR[];
  scare: PR[];
  speakers: { article: string; quote: string; expected: string[]; got: string | null; right: boolean }[];
  shared: { a: string; b: string; pairs: SharedQuote[] }[];
}

export async function evaluateSeeds(): Promise<SeedResult> {
  const gold = JSON.parse(readFileSync(join(SEEDS_DIR, 'gold.json'), 'utf8')) as SeedsGold;
  const labels = JSON.parse(readFileSync(new URL('../expected/quotes/seed-speakers.json', import.meta.url), 'utf8')) as Record<string, { quote: string; speaker: string[] }[] | string>;
  const ids = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4)).sort();
  const texts: Record<string, string> = {};
  const langs: Record<string, string> = {};
  const quotes: Record<string, Quote[]> = {};
  for (const id of ids) {
    const a = await extractFile(join(SEEDS_DIR, `${id}.txt`));
    texts[id] = a.text;
    langs[id] = a.language ?? 'fr';
    quotes[id] = extractQuotes(a.text, langs[id]);
  }
  const reported = ids.map((id) => pr(id, gold.quotes_per_article[id] ?? [], quotes[id]!.filter((q) => q.kind === 'reported').map((q) => q.text)));
  const scare = ids.map((id) => {
    const g = gold.scare_quotes[id];
    return pr(id, Array.isArray(g) ? g : [], quotes[id]!.filter((q) => q.kind === 'scare').map((q) => q.text));
  });
  const speakers: SeedResult['speakers'] = [];
  for (const id of ids) {
    const list = labels[id];
    if (!Array.isArray(list)) continue;
    for (const l of list) {
      const q = quotes[id]!.find((x) => norm(x.text).startsWith(norm(l.quote)));
      const got = q?.speaker ?? null;
      speakers.push({ article: id, quote: l.quote, expected: l.speaker, got, right: got !== null && l.speaker.some((s) => norm(got).includes(norm(s))) });
    }
  }
  const shared: SeedResult['shared'] = [];
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const a = ids[i]!;
      const b = ids[j]!;
      shared.push({ a, b, pairs: alignQuotes(texts[a]!, quotes[a]!, texts[b]!, quotes[b]!, langs[a]) });
    }
  }
  return { ids, texts, quotes, reported, scare, speakers, shared };
}

// ---------------------------------------------------------------------------------------------
// PolNeAR

interface Ann { id: string; type: string; spans: { start: number; end: number }[]; text: string }
export interface Attribution { content: Ann; source: Ann | null; hasQuoteMark: boolean }

/**
 * One article of a PolNeAR split laid out as the repository lays it out (`text/<name>.txt`,
 * `attributions/<name>_<annotator>.ann`): the fixture's test split by default, or another split
 * (`dir`) such as the train split a researcher extracted.
 */
export function readPolnearArticle(name: string, dir = POLNEAR_DIR): { text: string; attributions: Attribution[] } {
  const text = readFileSync(join(dir, 'text', `${name}.txt`), 'utf8');
  // Annotation files carry the annotator's id after the article name (`…_ef2d.ann`); an article
  // annotated by several annotators is read from the first file in sorted order.
  const ann = readdirSync(join(dir, 'attributions')).sort().find((f) => f.startsWith(`${name}_`) && f.endsWith('.ann'));
  if (!ann) throw new Error(`PolNeAR: no annotation file for ${name}`);
  const lines = readFileSync(join(dir, 'attributions', ann), 'utf8').split('\n');
  const anns = new Map<string, Ann>();
  for (const line of lines) {
    const m = /^(T\d+)\t(\S+) ([\d ;]+)\t(.*)$/u.exec(line);
    if (!m) continue;
    const spans = m[3]!.split(';').map((p) => { const [s, e] = p.trim().split(' ').map(Number); return { start: s!, end: e! }; });
    anns.set(m[1]!, { id: m[1]!, type: m[2]!, spans, text: m[4]! });
  }
  const attributions: Attribution[] = [];
  for (const line of lines) {
    if (!line.startsWith('E')) continue;
    const roles = new Map(line.split('\t')[1]!.split(' ').map((r) => r.split(':') as [string, string]));
    const content = anns.get(roles.get('Content') ?? '');
    if (!content) continue;
    const source = anns.get(roles.get('Source') ?? '') ?? null;
    attributions.push({ content, source, hasQuoteMark: /[“”"]/u.test(content.text) });
  }
  return { text, attributions };
}

export interface PolnearResult {
  articles: number;
  gold: number; found: number; predicted: number; correct: number;
  speakerTotal: number; speakerRight: number;
  /** Quotations given a speaker (not unknown), and those of them right: precision of named speakers = speakerNamedRight / speakerNamed, coverage = speakerNamed / speakerTotal. */
  speakerNamed: number; speakerNamedRight: number;
  /** Speakers right by the lenient definition used before issue 13 (see evaluatePolnear). */
  speakerRightLenient: number;
  /** Speakers right as scored before session 32: a pronoun Source (`he`) accepted only through the quotation's own mention, never through the name it refers to. */
  speakerRightStrict: number;
  misses: { article: string; content: string }[];
  falsePositives: { article: string; quote: string }[];
  /** For a pronoun Source (`he`), the name it is scored against (`pronounAntecedent`), or null when the gold names none near: read with the failure. */
  wrongSpeakers: { article: string; quote: string; got: string | null; gold: string; context: string; antecedent?: string | null }[];
}

// A brat annotation may be discontinuous, and its fragments are not always in text order
// (`Content 1056 1152;993 1022` for `“B.”` … `“A,” said X.` annotated B first). Fragments split
// only by a space (the annotation tool cuts at tokens: `803 833;834 898`) are one block; a
// quotation lies inside the Content when it lies inside one block (±3 characters for marks and
// punctuation) — never across the words between two blocks (`said X`), which are not Content.
function blocks(a: Ann): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const s of [...a.spans].sort((x, y) => x.start - y.start)) {
    const last = out[out.length - 1];
    if (last && s.start - last.end <= 3) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}
const inside = (q: { start: number; end: number }, a: Ann): boolean =>
  blocks(a).some((s) => q.start >= s.start - 3 && q.end <= s.end + 3);
/** `x` lies inside the annotation (a determiner or a mark of slack at either end). */
const within = (x: { start: number; end: number }, a: Ann): boolean => a.spans.some((s) => x.start >= s.start - 4 && x.end <= s.end + 4);
const words = (s: string): string[] => norm(s).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0 && !['the', 'a', 'an', 's'].includes(w));

/**
 * A predicted speaker is right when it is the Source or a part of it (its span inside the Source
 * span, or all its words among the Source's: `Trump` for `Donald Trump`), or when its mention
 * (the `he` of `he said`) is the Source and the speaker was resolved elsewhere to a name. A
 * speaker that runs past the Source (`Mr. Manafort denied the existence` for `Mr. Manafort`)
 * is a fragment, and wrong.
 */
function speakerMatches(speaker: string, span: { start: number; end: number } | null, mention: { start: number; end: number } | null, source: Ann): boolean {
  // A pronoun names no one to the reader, whatever the Source: a speaker must be a name.
  if (/^(?:he|she|they|it|we|i|who|which|il|elle|ils|elles|on|qui)$/iu.test(speaker.trim())) return false;
  if (span !== null && within(span, source)) return true;
  const w = words(speaker);
  const sourceWords = new Set(words(source.text));
  if (w.length > 0 && w.every((x) => sourceWords.has(x))) return true;
  // A title before the Source's name is the same person (`President Obama` for `Obama`, `Sen.
  // Ted Cruz` for `Ted Cruz`): the speaker's last word is the Source's, and every word the Source
  // lacks is capitalised or an honorific, before that name — never a verb or an object after it.
  const written = speaker.split(/[^\p{L}\p{N}.'’-]+/u).filter((x) => words(x).length > 0);
  const last = written[written.length - 1];
  if (last !== undefined && words(last).every((x) => sourceWords.has(x)) && written.every((x) => words(x).every((y) => sourceWords.has(y)) || isHonorific(x, true) || /^\p{Lu}/u.test(x))) return true;
  return mention !== null && span !== null && !within(span, source) && within(mention, source) && /\p{Lu}/u.test(speaker);
}

const PRONOUN_SOURCE = /^(?:he|she|they|it)$/iu;
// Words that begin a Source without naming anyone (`The Ohio governor` is named by `Ohio`).
const UNNAMING = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'this', 'that', 'these', 'those', 'who', 'which']);
const paragraphOf = (text: string, at: number): number => text.lastIndexOf('\n\n', at);

/**
 * The person a pronoun Source (`he`, `she`, `they`, `it`) refers to, as far as the gold tells it.
 * PolNeAR annotates no coreference, so the reading is a plain one of the gold alone: the
 * nearest Source before the pronoun that holds a capitalised word (a name: `Trump`, `The Ohio
 * governor`, `Bill McInturff, the Republican half of …`), in the pronoun's paragraph or the one
 * before. None for a pronoun inside a quotation (`''He said, 'Eight years …''' he recalled`:
 * the quoted speaker's `he` is someone else) or when no named Source is that close. Checked by
 * hand on the train split (README, Evaluations): every speaker it turned from wrong to right
 * was the person the pronoun refers to.
 */
function pronounAntecedent(text: string, source: Ann, attributions: readonly Attribution[], quotations: readonly { start: number; end: number }[]): Ann | null {
  if (!PRONOUN_SOURCE.test(source.text.trim())) return null;
  const at = source.spans[0]!.start;
  if (quotations.some((q) => q.start <= at && at < q.end)) return null;
  const earliest = paragraphOf(text, Math.max(0, paragraphOf(text, at) - 1));
  let best: Ann | null = null;
  for (const a of attributions) {
    const s = a.source;
    if (!s || PRONOUN_SOURCE.test(s.text.trim()) || s.spans[0]!.end > at || s.spans[0]!.start < earliest) continue;
    if (!s.text.split(/\s+/u).some((w) => /^\p{Lu}/u.test(w) && !UNNAMING.has(w.toLowerCase()))) continue;
    if (best === null || s.spans[0]!.start > best.spans[0]!.start) best = s;
  }
  return best;
}

/** PolNeAR's articles of one half (`halfOf`), or all of them (of the fixture's split, or of `dir`). */
export function polnearArticles(half?: Half, dir = POLNEAR_DIR): string[] {
  return readdirSync(join(dir, 'text')).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4)).sort()
    .filter((n) => half === undefined || halfOf(n) === half);
}

/** Scores one half of the fixture's split, or every article of the split in `dir` (half undefined). */
export function evaluatePolnear(half?: Half, dir = POLNEAR_DIR): PolnearResult {
  const names = polnearArticles(half, dir);
  const r: PolnearResult = { articles: names.length, gold: 0, found: 0, predicted: 0, correct: 0, speakerTotal: 0, speakerRight: 0, speakerNamed: 0, speakerNamedRight: 0, speakerRightLenient: 0, speakerRightStrict: 0, misses: [], falsePositives: [], wrongSpeakers: [] };
  for (const name of names) {
    const { text, attributions } = readPolnearArticle(name, dir);
    const allQuotes = extractQuotes(text, 'en');
    const quotes = allQuotes.filter((q) => q.kind === 'reported' && q.depth === 0);
    r.predicted += quotes.length;
    for (const [i, q] of quotes.entries()) {
      const attr = attributions.find((a) => inside(q, a.content));
      if (!attr) { r.falsePositives.push({ article: name, quote: q.text }); continue; }
      r.correct++;
      if (!attr.source) continue;
      r.speakerTotal++;
      // A continuing quotation (no mention of its own: `“…,” he said. “…”`) is attributed through
      // the cue of the quotation it continues: its mention is that quotation's.
      const via = q.mention === null && q.speakerSpan !== null
        ? quotes.slice(0, i).reverse().find((p) => p.speakerSpan?.start === q.speakerSpan!.start && p.mention !== null)?.mention ?? null
        : null;
      const strict = q.speaker !== null && speakerMatches(q.speaker, q.speakerSpan, q.mention ?? via, attr.source);
      // A pronoun Source is scored against the name it refers to (see pronounAntecedent), and
      // the speaker must then be a name (capitalised), as for the mention path of speakerMatches.
      const antecedent = strict || q.speaker === null || !/\p{Lu}/u.test(q.speaker) ? null : pronounAntecedent(text, attr.source, attributions, allQuotes);
      const right = strict || (antecedent !== null && speakerMatches(q.speaker!, q.speakerSpan, null, antecedent));
      if (strict) r.speakerRightStrict++;
      // The earlier, lenient definition (any overlap with the Source, or one shared capitalised word),
      // kept to compare with figures measured before issue 13.
      const names = (q.speaker ?? '').split(/\s+/u).filter((w) => /^\p{Lu}/u.test(w)).map(norm);
      const overlaps = (x: { start: number; end: number } | null): boolean => x !== null && attr.source!.spans.some((s) => x.start < s.end && x.end > s.start);
      if (q.speaker !== null && (overlaps(q.speakerSpan) || overlaps(q.mention ?? via) || names.some((w) => w.length > 1 && norm(attr.source!.text).split(/[\s']+/u).includes(w)))) r.speakerRightLenient++;
      if (q.speaker !== null) r.speakerNamed++;
      if (right) { r.speakerRight++; r.speakerNamedRight++; }
      else {
        // (For a pronoun Source, the name it refers to in the gold, or none: such a failure with
        // no named Source near can be right for no speaker.)
        const refersTo = PRONOUN_SOURCE.test(attr.source.text.trim()) ? pronounAntecedent(text, attr.source, attributions, allQuotes)?.text ?? null : undefined;
        r.wrongSpeakers.push({ article: name, quote: q.text.slice(0, 60), got: q.speaker, gold: attr.source.text, context: around(text, q), antecedent: refersTo });
      }
    }
    for (const a of attributions.filter((x) => x.hasQuoteMark)) {
      r.gold++;
      if (quotes.some((q) => inside(q, a.content))) r.found++;
      else r.misses.push({ article: name, content: a.content.text.slice(0, 100) });
    }
  }
  return r;
}

// ---------------------------------------------------------------------------------------------
// French: the gilets-jaunes corpus (Swiss outlets), hand-labelled speakers on both halves

export interface FrenchSpeakerResult {
  total: number;
  /** Labels whose quotation extractQuotes found as reported speech with the same span. */
  found: number;
  right: number;
  /** Quotations given a speaker, and those of them right (precision of named speakers, coverage named / total). */
  named: number;
  namedRight: number;
  /** Labelled null and predicted null, or labelled and predicted a speaker containing a label. */
  rows: { url: string; start: number; end: number; expected: string[] | null; got: string | null; right: boolean; context: string }[];
}

/**
 * Speaker accuracy on tests/expected/quotes/gilets-jaunes-speakers.json: a label is right when it
 * is null and the predicted speaker is null, or when one of its names is contained in the
 * predicted speaker (folded). A quotation not found, or found as a scare quote, counts as wrong.
 */
export function evaluateFrenchSpeakers(half: Half): FrenchSpeakerResult {
  const labels = (JSON.parse(readFileSync(new URL('../expected/quotes/gilets-jaunes-speakers.json', import.meta.url), 'utf8')) as { labels: { url: string; start: number; end: number; speaker: string[] | null }[] }).labels
    .filter((l) => halfOf(l.url) === half);
  const docs = new Map<string, string>();
  for (const d of readGiletsJaunesAsWritten()) if (!docs.has(d.url)) docs.set(d.url, d.text);
  const cache = new Map<string, Quote[]>();
  const r: FrenchSpeakerResult = { total: labels.length, found: 0, right: 0, named: 0, namedRight: 0, rows: [] };
  for (const l of labels) {
    const text = docs.get(l.url);
    if (text === undefined) throw new Error(`gilets jaunes: no document ${l.url}`);
    if (!cache.has(l.url)) cache.set(l.url, extractQuotes(text, 'fr'));
    const q = cache.get(l.url)!.find((x) => x.start === l.start && x.end === l.end && x.kind === 'reported');
    if (q) r.found++;
    const got = q?.speaker ?? null;
    const right = q !== undefined && (l.speaker === null ? got === null : got !== null && l.speaker.some((s) => norm(got).includes(norm(s))));
    if (right) r.right++;
    if (got !== null) { r.named++; if (right) r.namedRight++; }
    r.rows.push({ url: l.url, start: l.start, end: l.end, expected: l.speaker, got, right, context: around(text, l) });
  }
  return r;
}

// ---------------------------------------------------------------------------------------------
// BASIL (Fan et al., EMNLP 2019): phrase-level annotations marked `quote: yes` with a named speaker

/**
 * BASIL's speaker labels are the article's main entities (its annotation protocol: the speaker is
 * one of the entities the article is about, or `other_*`), so a group's spokesperson is labelled
 * with the group: `Lis Smith, a spokeswoman for the Obama campaign` → `Obama_campaign`. The
 * product names who speaks as the article names them (`Lis Smith`), so a label of a group cannot
 * tell a right person from a wrong one. Precision is scored on the labels that name a person;
 * the group labels (BASIL 2010–2012's whole vocabulary of groups, listed here so that a label
 * in neither list fails loudly) are counted apart: right only when the speaker names the group.
 */
const BASIL_GROUPS = new Set(['Catholics', 'Democratic_Lawmakers', 'Democrats', 'NAACP', 'Obama_campaign', 'Republican_Lawmakers', 'Romney_campaign', 'Secure_America_Now', 'Tea_Party', 'plaintiffs', 'senate_Democrats']);
const BASIL_PEOPLE = /^\p{Lu}\p{Ll}+_\p{Lu}\p{Ll}+$/u;

export interface BasilCounts {
  /** Annotated quotations found as reported speech. */
  total: number;
  /** Those given a speaker (precision = right / named). */
  named: number;
  right: number;
}

export interface BasilSpeakerResult {
  /** Quotations labelled with a person (`Paul_Ryan`). */
  people: BasilCounts;
  /** Quotations labelled with a group (`Obama_campaign`): right only when the speaker names the group. */
  groups: BasilCounts;
  /** Annotated with a named speaker but not found as a reported quotation (not scored). */
  notFound: number;
  rows: { article: string; quote: string; expected: string; got: string | null; right: boolean; group: boolean; context: string }[];
}

/**
 * Speaker accuracy on BASIL's quotation annotations: an annotation with `quote: yes` and a named
 * speaker (`Michael_Steele`; the roles `other_pro` / `other_anti` name no one and are left out)
 * is located in the article's text (paragraphs joined by a blank line, sentences by a space) by
 * its words; a reported quotation of extractQuotes overlapping it is scored right when its
 * speaker contains one of the annotated name's parts (surname or first name, folded). Articles
 * are split into halves by `halfOf` of their file name (`<uuid>_<n>`).
 */
export function evaluateBasilSpeakers(half: Half): BasilSpeakerResult {
  const r: BasilSpeakerResult = { people: { total: 0, named: 0, right: 0 }, groups: { total: 0, named: 0, right: 0 }, notFound: 0, rows: [] };
  for (const year of readdirSync(join(BASIL_DIR, 'annotations')).filter((y) => /^\d{4}$/u.test(y))) {
    for (const file of readdirSync(join(BASIL_DIR, 'annotations', year)).filter((f) => f.endsWith('_ann.json'))) {
      const name = file.replace(/_ann\.json$/u, '');
      if (halfOf(name) !== half) continue;
      const ann = JSON.parse(readFileSync(join(BASIL_DIR, 'annotations', year, file), 'utf8')) as { 'phrase-level-annotations': { quote: string; speaker: string; txt: string }[] };
      const named = ann['phrase-level-annotations'].filter((p) => p.quote === 'yes' && p.speaker !== '' && !p.speaker.startsWith('other'));
      if (named.length === 0) continue;
      const article = JSON.parse(readFileSync(join(BASIL_DIR, 'articles', year, `${name}.json`), 'utf8')) as { 'body-paragraphs': string[][] };
      const text = article['body-paragraphs'].map((p) => p.join(' ')).join('\n\n');
      const quotes = extractQuotes(text, 'en').filter((q) => q.kind === 'reported' && q.depth === 0);
      for (const p of named) {
        const group = BASIL_GROUPS.has(p.speaker);
        if (!group && !BASIL_PEOPLE.test(p.speaker)) throw new Error(`BASIL: speaker label ${p.speaker} is neither a person nor a listed group`);
        const at = text.indexOf(p.txt);
        const q = at < 0 ? undefined : quotes.find((x) => x.start < at + p.txt.length && x.end > at);
        if (!q) { r.notFound++; continue; }
        const counts = group ? r.groups : r.people;
        counts.total++;
        if (q.speaker !== null) counts.named++;
        const parts = p.speaker.split('_').map(norm).filter((w) => w.length > 1);
        const right = q.speaker !== null && parts.some((w) => norm(q.speaker!).split(/[^\p{L}]+/u).includes(w));
        if (right) counts.right++;
        r.rows.push({ article: name, quote: q.text.slice(0, 60), expected: p.speaker, got: q.speaker, right, group, context: around(text, q) });
      }
    }
  }
  return r;
}

// ---------------------------------------------------------------------------------------------
// English: hand-labelled speakers of BASIL's tuning half and of the English readability pages

export interface EnglishSpeakerResult {
  total: number;
  /** Labels whose quotation extractQuotes found as reported speech with the same span (and text). */
  found: number;
  right: number;
  /** Quotations given a speaker, and those of them right (precision of named speakers = namedRight / named). */
  named: number;
  namedRight: number;
  rows: { article: string; start: number; end: number; expected: string[] | null; got: string | null; right: boolean; context: string }[];
}

/**
 * Speaker accuracy on tests/expected/quotes/english-speakers.json (tuning data, labelled by
 * hand: see its `about`), scored as the French labels are: a label is right when it is null and
 * the predicted speaker is null, or when one of its names is contained in the predicted speaker
 * (folded). A quotation not found as reported speech counts as wrong; a label whose text no
 * longer hashes to its `hash` (the extraction moved) throws.
 */
export interface EnglishSpeakerLabel { corpus: 'basil' | 'readability'; article: string; start: number; end: number; hash: number; speaker: string[] | null }

/** The labels of tests/expected/quotes/english-speakers.json, each keyed by `corpus/article`. */
export function englishSpeakerLabels(): (EnglishSpeakerLabel & { key: string })[] {
  const file = JSON.parse(readFileSync(new URL('../expected/quotes/english-speakers.json', import.meta.url), 'utf8')) as { labels: EnglishSpeakerLabel[] };
  return file.labels.map((l) => ({ ...l, key: `${l.corpus}/${l.article}` }));
}

// One extraction per article and process, shared by every caller: a readability page goes
// through jsdom and lib/extract as the CLI reads it, nearly all of what the English speakers'
// evaluation costs (about 93% of it, measured: the quotations themselves take 0.3 s).
const englishTexts = new Map<string, Promise<{ text: string; quotes: Quote[] }>>();
let basilTexts: Map<string, string> | null = null;

/** The text of one labelled article (`basil/<id>` or `readability/<page>`) and its quotations, extracted once. */
export function englishSpeakerArticle(key: string): Promise<{ text: string; quotes: Quote[] }> {
  let article = englishTexts.get(key);
  if (!article) {
    article = (async () => {
      const [corpus, ...rest] = key.split('/');
      const name = rest.join('/');
      if (corpus === 'basil') basilTexts ??= new Map(readBasil().map((a) => [a.id, a.text]));
      const text = corpus === 'basil' ? basilTexts!.get(name) : (await extractFile(join(FIXTURES_DIR, 'readability/pages', name, 'source.html'))).text;
      if (text === undefined) throw new Error(`english speakers: no article ${key}`);
      return { text, quotes: extractQuotes(text, 'en') };
    })();
    englishTexts.set(key, article);
  }
  return article;
}

export async function evaluateEnglishSpeakers(): Promise<EnglishSpeakerResult> {
  const labels = englishSpeakerLabels();
  const r: EnglishSpeakerResult = { total: labels.length, found: 0, right: 0, named: 0, namedRight: 0, rows: [] };
  for (const l of labels) {
    const key = l.key;
    const { text, quotes } = await englishSpeakerArticle(key);
    if (fnv1a(text.slice(l.start, l.end)) !== l.hash) throw new Error(`english speakers: ${key} ${l.start}-${l.end} no longer holds the labelled quotation`);
    const q = quotes.find((x) => x.start === l.start && x.end === l.end && x.kind === 'reported' && x.depth === 0);
    if (q) r.found++;
    const got = q?.speaker ?? null;
    const right = q !== undefined && (l.speaker === null ? got === null : got !== null && l.speaker.some((s) => norm(got).includes(norm(s))));
    if (right) r.right++;
    if (got !== null) { r.named++; if (right) r.namedRight++; }
    r.rows.push({ article: key, start: l.start, end: l.end, expected: l.speaker, got, right, context: around(text, l) });
  }
  return r;
}
