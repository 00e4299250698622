/**
 * The framing view of every case whose result must not change when the view is made faster
 * (issues 16 and 20), as JSON lines (one case a line) for `diff` between two checkouts:
 *   (cd /work/wt-base && node --import tsx /path/to/framing-view-dump.ts) > base.jsonl; node --import tsx scripts/probe/framing-view-dump.ts > new.jsonl; diff base.jsonl new.jsonl
 * It imports the checkout it is run in (the working directory), so one copy serves both.
 * Cases: the seeds (every ordered pair, `framingView` as the panel calls it); the BASIL and
 * gilets-jaunes pairs of tests/evals/framing.ts by the comparison report (`viewOf`: lib/compare/report,
 * as `cli compare` runs it), the tuning half written out, the reporting half only as a digest of
 * its views (its items are never read; a digest that differs says only that); the adversarial
 * pages (tests/support/adversarial-pages.ts) beside a copy and beside an edited copy, as the
 * adversarial and framing-deadline benches set them; and the passages bench's joined
 * gilets-jaunes texts at 60,000, 120,000 and 250,000 characters. None of those shows a scare quote
 * (each version quotes what the other quotes), so also the seeds and the joined texts beside
 * themselves with every other scare quote's marks taken out (`unquoted:`): the other version
 * then uses those words plainly, in the sentence telling the same thing. And made-up pages
 * (`scare:`), `scareQuotes` alone: phrases in scare quotes (accented, `œ`, `ß`, an apostrophe or a
 * hyphen first or inside) beside another version using them in every way the rules tell apart —
 * plainly, capitalised, inside a longer word, against a mark, inside a quotation, twice. And, for
 * word choice (few items in the cases above), texts beside themselves with every other neutral
 * verb of saying made a charged one (`charged:`): French joined texts and seeds, English BASIL articles.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(process.cwd());
const load = async <T>(p: string) => (await import(pathToFileURL(join(root, p)).href)) as T;
const framing = await load<typeof import('../../lib/framing')>('lib/framing/index.ts');
const view = await load<typeof import('../../lib/framing/view')>('lib/framing/view.ts');
const quotes = await load<typeof import('../../lib/quotes')>('lib/quotes/index.ts');
const extract = await load<typeof import('../../lib/extract')>('lib/extract/index.ts');
const evals = await load<typeof import('../../tests/evals/framing')>('tests/evals/framing.ts');
const pages = await load<typeof import('../../tests/support/adversarial-pages')>('tests/support/adversarial-pages.ts');
const corpora = await load<typeof import('../../tests/support/corpora')>('tests/support/corpora.ts');
const random = await load<typeof import('../../tests/support/seeded-random')>('tests/support/seeded-random.ts');
const split = await load<typeof import('../../tests/support/fixture-split')>('tests/support/fixture-split.ts');
const fixtures = await load<typeof import('../../tests/support/shared-fixtures')>('tests/support/shared-fixtures.ts');

const only = process.argv.slice(2);
const out = (id: string, v: unknown) => { if (!only.length || only.some((o) => id.startsWith(o))) console.log(JSON.stringify({ id, v })); };
const want = (id: string) => !only.length || only.some((o) => id.startsWith(o) || o.startsWith(id));

type Input = { title: string | null; text: string; language: string; quotes: ReturnType<typeof quotes.extractQuotes>; publishedTime?: string | null };
const input = (title: string | null, text: string, language = 'fr', publishedTime: string | null = null): Input => ({ title, text, language, quotes: quotes.extractQuotes(text, language), publishedTime });
/** The view as the panel asks for it, each article's framing made first. */
const viewBeside = (a: Input, b: Input) => view.framingView(a, framing.articleFraming(a), { id: 1, title: b.title, text: b.text, language: b.language, publishedTime: b.publishedTime ?? null }, { quotes: b.quotes });

// Seeds: every ordered pair.
if (want('seed')) {
  const dir = fixtures.SEEDS_DIR;
  const seeds = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => {
    const a = extract.extractFromText(readFileSync(join(dir, f), 'utf8'));
    return { id: f.slice(0, 3), ...input(a.title, a.text, a.language ?? 'en') };
  });
  for (const x of seeds) for (const y of seeds) if (x !== y) out(`seed:${x.id}|${y.id}`, viewBeside(x, y));
}

// The evaluation's pairs, by the comparison report; the reporting half as one digest.
if (want('pairs')) {
  const digest = createHash('sha256');
  let reporting = 0;
  for (const pair of [...evals.basilPairs(), ...evals.giletsPairs()]) {
    const v = evals.viewOf(pair);
    const shown = { reported: v.reported, view: v.view };
    if (pair.half === 'tuning') out(`pairs:${pair.id}`, shown);
    else { reporting++; digest.update(JSON.stringify(shown)); }
  }
  out('pairs:reporting-half-digest', { pairs: reporting, sha256: digest.digest('hex') });
}

// Adversarial pages beside a copy and beside an edited copy.
if (want('adversarial')) {
  const edited = (n: number) => Array.from({ length: n }, (_, i) => `« ${pages.prose(i % 2 ? 8 : 9, i)} », a déclaré Jean Dupont${i % 10}.`).join(' ');
  const cases: [string, string, string][] = [
    ['manyMarks', pages.manyMarks(5_000), pages.manyMarks(5_000).replaceAll('a déclaré', 'a affirmé')],
    ['misdirectedMarks', pages.misdirectedMarks(2_000), pages.misdirectedMarks(2_000).replaceAll('a déclaré', 'a affirmé')],
    ['runawayMark', pages.runawayMark(20_000), `${pages.runawayMark(20_000)} `],
    ['manyQuotations', pages.manyQuotations(5_000), edited(5_000)],
    ['quotationsCuedBefore', pages.quotationsCuedBefore(5_000), `${pages.quotationsCuedBefore(5_000)} `],
    ['singleWord', pages.singleWord(200_000), `${pages.singleWord(200_000)} `],
    ['manyNames', pages.manyNames(1_000), pages.manyNames(1_000).replaceAll('a affirmé', 'a déclaré')],
    ['manyNamesCopy', pages.manyNames(2_000), `${pages.manyNames(2_000)} `],
  ];
  for (const [name, a, b] of cases) if (want(`adversarial:${name}`)) out(`adversarial:${name}`, viewBeside(input('La page', a), input('La copie', b)));
}

/** `text` with the marks of every other scare quote (the first, the third…) made spaces. */
const unquoted = (x: Input) => {
  const chars = [...x.text.split('')];
  x.quotes.filter((q) => q.kind === 'scare').forEach((q, k) => {
    if (k % 2) return;
    for (const m of [q.marks.open, q.marks.close]) for (let i = m.start; i < m.end; i++) chars[i] = ' ';
  });
  return input(x.title, chars.join(''), x.language, x.publishedTime ?? null);
};
if (want('unquoted')) {
  const dir = fixtures.SEEDS_DIR;
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const a = extract.extractFromText(readFileSync(join(dir, f), 'utf8'));
    const x = input(a.title, a.text, a.language ?? 'en');
    const y = unquoted(x);
    out(`unquoted:seed:${f.slice(0, 3)}`, viewBeside(x, y));
    out(`unquoted:seed-back:${f.slice(0, 3)}`, viewBeside(y, x));
  }
  const articles = corpora.readGiletsJaunes().map((d) => d.text);
  for (const chars of [60_000, 120_000]) {
    const x = input(null, articles.join('\n\n').slice(0, chars));
    out(`unquoted:joined:${chars}`, viewBeside(x, unquoted(x)));
  }
}

if (want('scare')) {
  const phrases = ['opposition modérée', 'casseurs', 'cœur de cible', 'Straße', 'réforme juste', "l'ordre", "'t Hooft", '-rebelles', 'assault weapons', 'so-called moderates', 'élite', 'Élite', 'terroristes', 'gilets jaunes', 'Gilets jaunes', 'fake news', 'partie', 'à peu près', 'ex-ministre', 'ﬁn'];
  const uses = [
    (p: string) => `${p}`, (p: string) => `${p[0]!.toUpperCase()}${p.slice(1)}`, (p: string) => `${p}s`, (p: string) => `x${p}`,
    (p: string) => `"${p}`, (p: string) => `${p}»`, (p: string) => `« les ${p} »`, (p: string) => `“${p} et ${p}”`, (p: string) => `${p} ${p}`, (p: string) => `(${p})`,
  ];
  for (const lang of ['fr', 'en']) for (const seed of [1, 2, 3]) {
    const r = random.seededRandom(seed);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
    const a: string[] = [];
    const b: string[] = [];
    for (let i = 0; i < 400; i++) {
      const p = pick(phrases);
      const lead = pick(['Le ministre parle de', 'Selon le journal, les', 'The senator called them', 'Ils dénoncent la']);
      a.push(`${lead} « ${p} » devant la presse mardi${r() < 0.2 ? `, puis encore des ${p}` : ''}.`);
      b.push(r() < 0.1 ? 'Un tout autre sujet ce jour-là.' : `${lead} ${pick(uses)(p)} devant la presse mardi.`);
      if (r() < 0.1) b.push(`« ${p} », a déclaré Jean Dupont.`);
    }
    const x = input('La page', a.join(r() < 0.5 ? ' ' : '\n\n'), lang);
    const y = input("L'autre", b.join(' '), lang);
    out(`scare:${lang}:${seed}`, [view.scareQuotes(x, y), view.scareQuotes(y, x)]);
  }
}

if (want('charged')) {
  /** `text` with every other match of each pattern replaced by its charged verbs in turn. */
  const charged = (text: string, swaps: [RegExp, string[]][]) => {
    let out = text;
    for (const [re, verbs] of swaps) { let k = 0; out = out.replace(re, (m) => (k++ % 2 ? m : verbs[(k >> 1) % verbs.length]!)); }
    return out;
  };
  const fr: [RegExp, string[]][] = [[/a déclaré/gu, ['a fustigé', 'a martelé', 'a ironisé']], [/a dit/gu, ['a prétendu', 'a reconnu']], [/a indiqué/gu, ['a martelé', 'a vanté']]];
  const en: [RegExp, string[]][] = [[/\bsaid\b/gu, ['claimed', 'slammed', 'insisted', 'admitted', 'boasted']], [/\btold\b/gu, ['complained to', 'scoffed to']]];
  const cases: [string, Input][] = [];
  const articles = corpora.readGiletsJaunes().map((d) => d.text);
  cases.push(['joined:60000', input(null, articles.join('\n\n').slice(0, 60_000))]);
  const dir = fixtures.SEEDS_DIR;
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const a = extract.extractFromText(readFileSync(join(dir, f), 'utf8'));
    cases.push([`seed:${f.slice(0, 3)}`, input(a.title, a.text, a.language ?? 'en')]);
  }
  // (Articles of the tuning half's events only: the reporting half's items are never read.)
  for (const a of corpora.readBasil().filter((x) => split.halfOf(x.event) === 'tuning').slice(0, 12)) cases.push([`basil:${a.id}`, input(a.title, a.text, 'en')]);
  for (const [id, x] of cases) {
    const y = input(x.title, charged(x.text, x.language === 'fr' ? fr : en), x.language);
    out(`charged:${id}`, [viewBeside(x, y), viewBeside(y, x)]);
  }
}

// The passages bench's detailed comparison: gilets-jaunes articles joined end to end.
if (want('joined')) {
  const articles = corpora.readGiletsJaunes().map((d) => d.text);
  for (const chars of [60_000, 120_000, 250_000]) {
    if (!want(`joined:${chars}`)) continue;
    const joined = (order: readonly string[]) => order.join('\n\n').slice(0, chars);
    out(`joined:${chars}`, viewBeside(input(null, joined(articles)), input(null, joined([...articles].reverse()))));
  }
}
