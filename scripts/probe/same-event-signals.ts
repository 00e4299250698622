/**
 * Candidate rules against a false `same` (issue 13: two Senate votes of one day, the same senators
 * quoted on each), measured on TUNING halves only: how many pairs graded `same` each candidate
 * would demote, same-event pairs (recall lost) and others, in the settings a corpus can have:
 * - basil45: the BASIL tuning half's 45 articles as the corpus, every pair;
 * - triplet: each tuning event alone, a page against a corpus of its two other reports (a new user);
 * - twotriplets: two tuning events together, a page against the five others (105 corpora);
 * - gilets / gilets-alone: the tuning half of tests/expected/match/gilets-pairs.json, with the whole
 *   corpus's statistics (as match-corpora.test.ts) and a page against its other alone.
 * The reporting halves are never read. `node --import tsx scripts/probe/same-event-signals.ts`;
 * `SHOW=<signal>` lists the same-event pairs graded `same` lowest on that signal.
 */
import { readFileSync } from 'node:fs';
import { computeFeatures, corpusStats, gradePair, type ArticleFeatures, type CorpusStats } from '../../lib/match';
import { isCalendarWord } from '../../lib/match/dates';
import { termStem } from '../../lib/match/terms';
import { extractQuotes } from '../../lib/quotes/extract';
import { CorpusIndex, groupStories } from '../../lib/corpus-index';
import { pairHalves, splitEvents } from '../../tests/support/fixture-split';
import { readBasil, readGiletsJaunes } from '../../tests/support/corpora';

interface Raw { title: string; text: string }
const RAW = new WeakMap<ArticleFeatures, Raw>();
const features = (x: { title?: string; text: string; publishedTime?: string; language?: string }): ArticleFeatures => {
  const f = computeFeatures(x);
  RAW.set(f, { title: x.title ?? '', text: x.text });
  return f;
};

// --- Signals of a pair.
const SCALE = new Set(['thousand', 'million', 'millions', 'billion', 'billions', 'trillion', 'mille', 'milliard', 'milliards']);
/** Stems of the words of an article's names (`senat`, `chuck`, `schumer`). */
const nameStems = (f: ArticleFeatures) => new Set(f.entities.flatMap(([, label]) => label.split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean).map((w) => termStem(w, f.lang ?? 'und')).filter(Boolean)));
/** Term weights as score.ts weighs them, without `drop`. */
function weights(f: ArticleFeatures, stats: CorpusStats | undefined, drop: Set<string>): Map<string, number> {
  const m = new Map<string, number>();
  for (const [s, c] of f.terms) {
    if (drop.has(s)) continue;
    const idf = !stats || stats.docs < 2 ? 1 : Math.log(1 + stats.docs / Math.max(1, Math.min(stats.docs, stats.df(s))));
    m.set(s, (1 + Math.log(c)) * idf);
  }
  return m;
}
function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let [dot, na, nb] = [0, 0, 0];
  for (const v of a.values()) na += v * v;
  for (const v of b.values()) nb += v * v;
  for (const [k, v] of a) dot += v * (b.get(k) ?? 0);
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}
const speakersMemo = new WeakMap<Raw, Set<string>>();
/** Last words of the speakers the quotations are credited to. */
function speakers(r: Raw, lang: string): Set<string> {
  let s = speakersMemo.get(r);
  if (!s) speakersMemo.set(r, (s = new Set(extractQuotes(r.text, lang).flatMap((q) => (q.speaker ? [q.speaker.toLowerCase().split(/\s+/u).at(-1)!] : [])))));
  return s;
}

function signals(a: ArticleFeatures, b: ArticleFeatures, stats?: CorpusStats) {
  const lang = a.lang ?? 'und';
  const drop = new Set([...nameStems(a), ...nameStems(b)]);
  const [ra, rb] = [RAW.get(a)!, RAW.get(b)!];
  const inter = <T>(x: Set<T>, y: Set<T>) => [...x].filter((w) => y.has(w));
  const words = (t: string) => new Set([...t.matchAll(/\p{L}[\p{L}\p{M}\p{N}]*/gu)].map((m) => m[0]).filter((w) => !isCalendarWord(w, lang) && !SCALE.has(w.toLowerCase())).map((w) => termStem(w, lang)).filter((x) => x.length >= 3 && !drop.has(x)));
  const lead = (r: Raw, n: number) => words(`${r.title}\n${r.text.slice(0, n)}`);
  const setCos = (x: Set<string>, y: Set<string>) => (x.size && y.size ? inter(x, y).length / Math.sqrt(x.size * y.size) : 0);
  const [qa, qb] = [new Set(a.quoted), new Set(b.quoted)];
  const unit = (n: string) => n.slice(n.indexOf(' ') + 1);
  const unitsB = new Set(b.numbers.map(unit));
  return {
    terms: cosine(weights(a, stats, new Set()), weights(b, stats, new Set())),
    /** Term similarity without the stems of either article's names. */
    nameless: cosine(weights(a, stats, drop), weights(b, stats, drop)),
    qa: qa.size, qb: qb.size, sharedQuoted: inter(qa, qb).length,
    figures: a.numbers.filter((n) => b.numbers.includes(n)).length,
    /** Units both give a figure in, none of them shared. */
    unitConflict: [...new Set(a.numbers.map(unit))].filter((u) => unitsB.has(u) && !a.numbers.some((n) => unit(n) === u && b.numbers.includes(n))).length,
    titleShared: inter(ra.title ? words(ra.title) : lead(ra, 150), rb.title ? words(rb.title) : lead(rb, 150)).length,
    lead300: setCos(lead(ra, 300), lead(rb, 300)),
    lead600: setCos(lead(ra, 600), lead(rb, 600)),
    speakersShared: inter(speakers(ra, lang), speakers(rb, lang)).length,
  };
}
type Signals = ReturnType<typeof signals>;
interface Row { key: string; gold: boolean; relation: string; score: number; s: Signals }
const show = (r: Row) => `${r.gold ? 'same-event' : 'other'} ${r.relation} ${r.score.toFixed(3)} ${Object.entries(r.s).map(([k, v]) => `${k} ${Number.isInteger(v) ? v : v.toFixed(3)}`).join(' ')} ${r.key}`;

// --- The settings.
const GRADED_SAME: Record<string, Row[]> = {};
const keep = (setting: string, r: Row) => { if (r.relation === 'same') (GRADED_SAME[setting] ??= []).push(r); };
const row = (key: string, gold: boolean, a: ArticleFeatures, b: ArticleFeatures, stats?: CorpusStats): Row => {
  const g = gradePair(a, b, stats);
  return { key, gold, relation: g.relation, score: g.score, s: signals(a, b, stats) };
};

const basilAll = readBasil();
const half = splitEvents(basilAll.map((a) => a.event));
const basil = basilAll.filter((a) => half.get(a.event) === 'tuning');
const feat = new Map(basil.map((a) => [a.id, features({ title: a.title, text: a.text, publishedTime: a.date })]));
const eventOf = new Map(basil.map((a) => [a.id, a.event]));
const ids = basil.map((a) => a.id);
const gold = ids.length; // three reports, three pairs per event

const statsTuning = corpusStats(ids.map((i) => feat.get(i)!));
for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) keep('basil45', row(`${ids[i]} ${ids[j]}`, eventOf.get(ids[i]!) === eventOf.get(ids[j]!), feat.get(ids[i]!)!, feat.get(ids[j]!)!, statsTuning));
const pairs45 = GRADED_SAME.basil45 ?? [];
console.log(`BASIL tuning, 45 stored, pairwise: P ${(pairs45.filter((r) => r.gold).length / pairs45.length).toFixed(3)} R ${(pairs45.filter((r) => r.gold).length / gold).toFixed(3)}`);
const stories = groupStories(ids.map((id) => ({ id, title: null, features: feat.get(id)! })), CorpusIndex.build(ids.map((id) => ({ id, features: feat.get(id)! }))));
const storyPairs = stories.flatMap((s) => s.ids.flatMap((a) => s.ids.filter((b) => a < b).map((b) => eventOf.get(a) === eventOf.get(b))));
console.log(`BASIL tuning, 45 stored, stories: P ${(storyPairs.filter(Boolean).length / storyPairs.length).toFixed(3)} R ${(storyPairs.filter(Boolean).length / gold).toFixed(3)}`);

/** Each article as the page, against a corpus of the others (their statistics, as `recoupe match`). */
function pageAgainstCorpus(setting: string, group: string[]): { same: number; pairs: number; falseSame: number; others: number } {
  const out = { same: 0, pairs: 0, falseSame: 0, others: 0 };
  for (const page of group) {
    const corpus = group.filter((x) => x !== page);
    const stats = corpusStats(corpus.map((i) => feat.get(i)!));
    for (const other of corpus) {
      const r = row(`${page} → ${other}`, eventOf.get(page) === eventOf.get(other), feat.get(page)!, feat.get(other)!, stats);
      keep(setting, r);
      if (r.gold) { out.pairs++; if (r.relation === 'same') out.same++; } else { out.others++; if (r.relation === 'same') out.falseSame++; }
    }
  }
  return out;
}
const events = [...new Set(basil.map((a) => a.event))];
const reports = (e: string) => ids.filter((id) => eventOf.get(id) === e);
const sum = (xs: ReturnType<typeof pageAgainstCorpus>[]) => xs.reduce((t, x) => ({ same: t.same + x.same, pairs: t.pairs + x.pairs, falseSame: t.falseSame + x.falseSame, others: t.others + x.others }));
const t1 = sum(events.map((e) => pageAgainstCorpus('triplet', reports(e))));
console.log(`BASIL tuning, each triplet alone: same-event graded same ${t1.same}/${t1.pairs}`);
const t2 = sum(events.flatMap((e, x) => events.slice(x + 1).map((f) => pageAgainstCorpus('twotriplets', [...reports(e), ...reports(f)]))));
console.log(`BASIL tuning, two triplets together: same-event graded same ${t2.same}/${t2.pairs}, other events graded same ${t2.falseSame}/${t2.others}`);

const labels = JSON.parse(readFileSync(new URL('../../tests/expected/match/gilets-pairs.json', import.meta.url), 'utf8')) as { pairs: { a: number; b: number; relation: string }[] };
const halves = pairHalves(labels.pairs.map((p) => ({ ...p, a: String(p.a), b: String(p.b), label: p.relation })));
const tuningPairs = [...halves].filter(([, h]) => h === 'tuning').map(([p]) => ({ a: Number(p.a), b: Number(p.b), same: p.relation === 'same' }));
const gf = readGiletsJaunes().map((d) => features({ text: d.text, language: 'fr' }));
const giletsStats = corpusStats(gf);
for (const p of tuningPairs) {
  keep('gilets', row(`gj ${p.a}-${p.b}`, p.same, gf[p.a]!, gf[p.b]!, giletsStats));
  keep('gilets-alone', row(`gj ${p.a}-${p.b}`, p.same, gf[p.a]!, gf[p.b]!, corpusStats([gf[p.b]!])));
}
for (const s of ['gilets', 'gilets-alone']) {
  const rows = GRADED_SAME[s] ?? [];
  console.log(`gilets tuning pairs (${tuningPairs.length}, ${tuningPairs.filter((p) => p.same).length} same), ${s}: same-event graded same ${rows.filter((r) => r.gold).length}, others graded same ${rows.filter((r) => !r.gold).length}`);
}

// --- The candidates: what each would demote among the pairs graded `same`.
const CANDIDATES: [string, (s: Signals) => boolean][] = [
  ...[0.05, 0.1, 0.12, 0.15].map((t): [string, (s: Signals) => boolean] => [`terms without names < ${t}`, (s) => s.nameless < t]),
  ['both quote, no quoted words shared', (s) => s.qa >= 3 && s.qb >= 3 && s.sharedQuoted === 0],
  ...[0.12, 0.15].map((t): [string, (s: Signals) => boolean] => [`both quote, none shared, without names < ${t}`, (s) => s.qa >= 3 && s.qb >= 3 && s.sharedQuoted === 0 && s.nameless < t]),
  ['titles share no word besides names', (s) => s.titleShared === 0],
  ...[0.05, 0.1].map((t): [string, (s: Signals) => boolean] => [`title + lead (300 chars) overlap < ${t}`, (s) => s.lead300 < t]),
  ...[0.05, 0.1].map((t): [string, (s: Signals) => boolean] => [`title + lead (600 chars) overlap < ${t}`, (s) => s.lead600 < t]),
  ['figures of one unit that differ, none shared', (s) => s.unitConflict > 0 && s.figures === 0],
  ['≥ 1 speaker in common, no quoted words shared', (s) => s.speakersShared >= 1 && s.sharedQuoted === 0],
  ['≥ 2 speakers in common, no quoted words shared', (s) => s.speakersShared >= 2 && s.sharedQuoted === 0],
  ...[0.12, 0.15, 0.18].map((t): [string, (s: Signals) => boolean] => [`≥ 2 speakers, none quoted shared, without names < ${t}`, (s) => s.speakersShared >= 2 && s.sharedQuoted === 0 && s.nameless < t]),
];
console.log('\ncandidate: same-event pairs graded same it would demote / all of them (per setting); other pairs graded same it would demote');
for (const [name, demotes] of CANDIDATES) {
  const parts = Object.entries(GRADED_SAME).map(([setting, rows]) => `${setting} -${rows.filter((r) => r.gold && demotes(r.s)).length}/${rows.filter((r) => r.gold).length}${rows.some((r) => !r.gold) ? ` (others -${rows.filter((r) => !r.gold && demotes(r.s)).length}/${rows.filter((r) => !r.gold).length})` : ''}`);
  console.log(`${name.padEnd(52)} ${parts.join('; ')}`);
}
const key = process.env.SHOW as keyof Signals | undefined;
if (key) for (const [setting, rows] of Object.entries(GRADED_SAME)) for (const r of rows.filter((x) => x.gold).sort((x, y) => x.s[key] - y.s[key]).slice(0, 5)) console.log(setting, show(r));
