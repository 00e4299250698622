/**
 * Same-story matching at scale: a corpus of 1,000, 10,000 and 100,000 articles generated from
 * real article text (the seeds, the Readability pages, BASIL and the gilets-jaunes articles),
 * recombined paragraph by paragraph so that every article differs. Per size: index build time
 * and resident size per article, median and p95 time to match one page (index candidates +
 * full grade of each candidate, its features parsed from their stored JSON as the extension
 * reads them from IndexedDB), and brute force (parse and grade every stored article) measured in
 * the same run.
 *
 * Features are computed once per real paragraph and merged for the generated articles: feature
 * extraction happens when an article is saved, not when a page is matched, and computing it for
 * 100,000 texts would only make the benchmark slow. The query pages are real articles whose
 * features are computed from their full text (that time is reported too).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractFromDocument, extractFromText } from '../../lib/extract';
import { computeFeatures } from '../../lib/match';
import { gradePrepared, prepare } from '../../lib/match/score';
import { FEATURES_VERSION, type ArticleFeatures } from '../../lib/match/types';
import { CorpusIndex, matchPage } from '../../lib/corpus-index';
import { FIXTURES_DIR, READABILITY_PAGES_DIR, SEEDS_DIR } from '../../tests/support/shared-fixtures';
import { percentiles, time, type Benchmark } from './bench';
import { seededRandom } from '../../tests/support/seeded-random';

/** `RECOUPE_BENCH_SIZES=1000,10000` for a quick run. */
const SIZES = (process.env.RECOUPE_BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const QUERIES = 40;
const BRUTE_QUERIES: Record<number, number> = { 1000: 20, 10000: 8, 100000: 3 };

interface Source { title: string | null; text: string; lang: string | null }

export function readSources(): Source[] {
  const out: Source[] = [];
  for (const f of readdirSync(SEEDS_DIR).filter((n) => n.endsWith('.txt'))) {
    const a = extractFromText(readFileSync(join(SEEDS_DIR, f), 'utf8'), {});
    out.push({ title: a.title, text: a.text, lang: a.language });
  }
  for (const page of readdirSync(READABILITY_PAGES_DIR)) {
    const dom = new JSDOM(readFileSync(join(READABILITY_PAGES_DIR, page, 'source.html'), 'utf8'), { url: 'http://fakehost/', virtualConsole: new VirtualConsole() });
    const a = extractFromDocument(dom.window.document, {});
    dom.window.close();
    if (a.isArticle) out.push({ title: a.title, text: a.text, lang: a.language });
  }
  const basil = join(FIXTURES_DIR, 'basil/articles');
  for (const y of readdirSync(basil).filter((d) => /^\d{4}$/.test(d))) {
    for (const f of readdirSync(join(basil, y))) {
      const a = JSON.parse(readFileSync(join(basil, y, f), 'utf8')) as { title: string; 'body-paragraphs': string[][] };
      out.push({ title: a.title, text: a['body-paragraphs'].map((p) => p.join(' ')).join('\n\n'), lang: 'en' });
    }
  }
  const gj = readFileSync(join(FIXTURES_DIR, 'gilets_jaunes_fr/fr_CH_corpus.xml'), 'utf8');
  for (const m of gj.matchAll(/<doc url=[^>]*>([\s\S]*?)<\/doc>/g)) out.push({ title: null, text: m[1]!.trim(), lang: 'fr' });
  return out;
}

/** Merge features of paragraphs into one article's features (counts added, lists bounded as in computeFeatures). */
export function merge(parts: ArticleFeatures[], published: string): ArticleFeatures {
  const terms = new Map<string, number>();
  const entities = new Map<string, [string, string, number]>();
  for (const p of parts) {
    for (const [s, c] of p.terms) terms.set(s, (terms.get(s) ?? 0) + c);
    for (const [k, l, c] of p.entities) {
      const e = entities.get(k);
      if (e) e[2] += c;
      else entities.set(k, [k, l, c]);
    }
  }
  return {
    v: FEATURES_VERSION,
    lang: parts[0]!.lang,
    published,
    event: null,
    leadWeekdays: [],
    length: parts.reduce((n, p) => n + p.length, 0),
    terms: [...terms].sort((a, b) => b[1] - a[1]).slice(0, 80),
    entities: [...entities.values()].sort((a, b) => b[2] - a[2]).slice(0, 40),
    dates: parts.flatMap((p) => p.dates).slice(0, 12),
    numbers: [...new Set(parts.flatMap((p) => p.numbers))].slice(0, 24),
    quoted: [...new Set(parts.flatMap((p) => p.quoted))].slice(0, 96),
  };
}

export interface MatchRow {
  articles: number;
  buildMsPerArticle: number;
  indexBytesPerArticle: number;
  medianMs: number;
  p95Ms: number;
  bruteForceMedianMs: number;
  speedup: number;
  candidatesPerQuery: number;
  /** Of the median: candidate generation alone (the rest is loading and grading them). */
  candidateMedianMs: number;
}

export interface MatchBenchResult {
  match: MatchRow[];
  sourceArticles: number;
  paragraphs: number;
  queryFeaturesMedianMs: number;
}

const bench: Benchmark<MatchBenchResult> = {
  name: 'match',
  async run() {
    const sources = readSources();
    // Paragraph pools per language, features once each.
    const pools = new Map<string, ArticleFeatures[]>();
    let paragraphs = 0;
    for (const s of sources) {
      const lang = s.lang ?? 'en';
      const pool = pools.get(lang) ?? [];
      pools.set(lang, pool);
      for (const p of s.text.split(/\n\s*\n|\n/).map((x) => x.trim()).filter((x) => x.length > 80)) {
        pool.push(computeFeatures({ text: p, language: lang }));
        paragraphs++;
      }
    }
    const langs = [...pools.keys()].filter((l) => pools.get(l)!.length >= 20);
    const rnd = seededRandom(42);
    const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
    const day0 = Date.UTC(2010, 0, 1);
    const generate = (): ArticleFeatures => {
      const pool = pools.get(pick(langs))!;
      const parts = Array.from({ length: 3 + Math.floor(rnd() * 4) }, () => pick(pool));
      const published = new Date(day0 + Math.floor(rnd() * 3650) * 86_400_000).toISOString().slice(0, 10);
      return merge(parts, published);
    };

    // Query pages: real articles, features from their full text.
    const queries: ArticleFeatures[] = [];
    const featureMs: number[] = [];
    for (let i = 0; i < QUERIES; i++) {
      const s = sources[Math.floor((i * sources.length) / QUERIES)]!;
      const t0 = performance.now();
      queries.push(computeFeatures({ title: s.title, text: s.text, language: s.lang }));
      featureMs.push(performance.now() - t0);
    }

    const index = new CorpusIndex();
    /** The stored features, as JSON strings: what IndexedDB holds, parsed on read. */
    const storage = new Map<string, string>();
    const rows: MatchRow[] = [];
    let buildMs = 0;
    for (const size of SIZES) {
      while (index.size < size) {
        const id = `a${index.size}`;
        const f = generate();
        storage.set(id, JSON.stringify(f));
        const t0 = performance.now();
        index.add(id, f);
        buildMs += performance.now() - t0;
      }
      const load = (id: string) => {
        const s = storage.get(id);
        return s ? (JSON.parse(s) as ArticleFeatures) : undefined;
      };
      let candidates = 0;
      for (const q of queries) candidates += index.candidates(q).length;
      const candidateMs = percentiles(queries.flatMap((q) => time(() => index.candidates(q), 1))).median;
      matchPage(index, queries[0]!, load); // warm-up
      const ms = queries.flatMap((q) => time(() => matchPage(index, q, load), 1));
      const brute = queries.slice(0, BRUTE_QUERIES[size] ?? 3).flatMap((q) => time(() => {
        const pq = prepare(q, index);
        for (const s of storage.values()) gradePrepared(pq, prepare(JSON.parse(s) as ArticleFeatures, index));
      }, 1));
      const p = percentiles(ms);
      const bruteMedian = percentiles(brute).median;
      rows.push({
        articles: size,
        buildMsPerArticle: buildMs / size,
        indexBytesPerArticle: Math.round(index.bytes() / size),
        medianMs: p.median,
        p95Ms: p.p95,
        bruteForceMedianMs: bruteMedian,
        speedup: bruteMedian / p.median,
        candidatesPerQuery: Math.round(candidates / queries.length),
        candidateMedianMs: candidateMs,
      });
    }
    return { match: rows, sourceArticles: sources.length, paragraphs, queryFeaturesMedianMs: percentiles(featureMs).median };
  },
  print({ match, sourceArticles, paragraphs, queryFeaturesMedianMs }) {
    console.log(`corpus generated from ${sourceArticles} real articles (${paragraphs} paragraphs); features of a query page: median ${queryFeaturesMedianMs.toFixed(2)} ms`);
    console.table(match.map((r) => ({
      articles: r.articles,
      'build ms/article': r.buildMsPerArticle.toFixed(3),
      'index B/article': r.indexBytesPerArticle,
      'median ms': r.medianMs.toFixed(2),
      'p95 ms': r.p95Ms.toFixed(2),
      'brute force ms': r.bruteForceMedianMs.toFixed(1),
      'speed-up': `${r.speedup.toFixed(0)}×`,
      candidates: r.candidatesPerQuery,
      'candidates ms': r.candidateMedianMs.toFixed(2),
    })));
    const last = match[match.length - 1]!;
    const ok = last.speedup >= 50 && last.medianMs < 50 && last.indexBytesPerArticle < 500;
    console.log(`at ${last.articles}: ${ok ? 'meets' : 'MISSES'} the targets (≥ 50× brute force, median < 50 ms, index < 500 B/article)`);
  },
};
export default bench;
