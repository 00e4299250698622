/**
 * A large corpus for the panel benchmark, generated from real text, deterministically (one seed):
 *
 * - `sameEvent` versions of the event of seeds 000 and 001 (the 6 July 2016 Putin–Obama call),
 *   each made from one seed's real paragraphs as another outlet would run the story: the lede
 *   kept, some paragraphs cut, the rest partly reordered, some sentences dropped, a few common
 *   French words swapped for their usual variants, under another site, address and title.
 * - The rest from the real articles of the shared fixtures (BASIL, PolNeAR, the gilets-jaunes
 *   corpus): each a window of one article's paragraphs plus one or two paragraphs of another
 *   article in the same language, with its own address and a date outside July 2016, so that no
 *   two are alike and none reports the seeds' event.
 *
 * The result is a list of export-format records (lib/corpus-io), cut into `recoupe-corpus` JSONL
 * files small enough for one `corpus/import` each.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractFromText } from '../../lib/extract';
import { serializeCorpusLines, type PortableArticle } from '../../lib/corpus-io/format';
import { FIXTURES_DIR, SEEDS_DIR } from '../../tests/support/shared-fixtures';
import { seededRandom } from '../../tests/support/seeded-random';

/** The seeds whose event the same-event versions report (000 is the page the benchmark opens). */
export const EVENT_SEEDS = ['000_492f0f67598950be', '001_efc4fda914ae2fdd'];
const EVENT_DATES = ['2016-07-06', '2016-07-07'];

/** Fictitious outlets, on the reserved `.example` domain, for the same-event versions. */
const OUTLETS = [
  'Le Courrier du Soir', 'La Gazette continentale', "L'Écho des capitales", 'Le Journal du Levant',
  'La Dépêche internationale', 'Le Veilleur', 'Nouvelles du monde', 'La Tribune de l’Est',
  'Le Petit Diplomate', 'Actualité Monde',
];

/** Usual variants of common French words and phrases, as one desk rewrites another's copy. */
const FRENCH_VARIANTS: [RegExp, string][] = [
  [/\bégalement\b/g, 'aussi'],
  [/\bselon\b/g, "d'après"],
  [/\bpar ailleurs\b/g, 'en outre'],
  [/\bdéjà\b/g, 'dès lors'],
  [/\ba annoncé\b/g, 'a fait savoir'],
  [/\bmais\b/g, 'cependant'],
  [/\bafin de\b/g, 'pour'],
  [/\bnotamment\b/g, 'en particulier'],
];

export interface PanelCorpus {
  articles: PortableArticle[];
  /** Addresses of the same-event versions. */
  sameEventUrls: string[];
  /** Sites of the same-event versions. */
  sameEventSites: string[];
  /** Real articles the other ones were made from. */
  sourceArticles: number;
}

interface Source { title: string | null; lang: string; paragraphs: string[] }

const sentences = (text: string) => text.split(/(?<=[.!?»”"])\s+(?=[«“"A-ZÀ-ÖØ-Ý])/u).filter((s) => s.trim());
/** The gilets-jaunes texts lost their line breaks (`semaine.Cette`): a sentence may start right after a full stop. */
const gluedSentences = (text: string) => text.split(/(?<=[a-zà-ÿ)»”][.!?])\s*(?=[«“A-ZÀ-ÖØ-Ý])/u).filter((s) => s.trim());
/** A title-length beginning of a sentence, cut between words. */
const titleOf = (sentence: string) => (sentence.length <= 120 ? sentence : `${sentence.slice(0, 120).replace(/\s+\S*$/, '')}…`);

/** Long single-block texts (the gilets-jaunes corpus) cut into paragraphs of three sentences. */
function paragraphsOf(text: string): string[] {
  const blocks = text.split(/\n\s*\n|\n/).map((p) => p.trim()).filter((p) => p.length > 40);
  return blocks.flatMap((b) => {
    if (b.length < 1200) return [b];
    const ss = gluedSentences(b);
    const out: string[] = [];
    for (let i = 0; i < ss.length; i += 3) out.push(ss.slice(i, i + 3).join(' '));
    return out;
  });
}

function readSources(): Source[] {
  const out: Source[] = [];
  const basil = join(FIXTURES_DIR, 'basil/articles');
  for (const y of readdirSync(basil).filter((d) => /^\d{4}$/.test(d)).sort()) {
    for (const f of readdirSync(join(basil, y)).sort()) {
      const a = JSON.parse(readFileSync(join(basil, y, f), 'utf8')) as { title: string; 'body-paragraphs': string[][] };
      out.push({ title: a.title, lang: 'en', paragraphs: a['body-paragraphs'].map((p) => p.join(' ').trim()).filter((p) => p.length > 40) });
    }
  }
  const polnear = join(FIXTURES_DIR, 'polnear/test/text');
  for (const f of readdirSync(polnear).filter((n) => n.endsWith('.txt')).sort()) {
    const [title, ...rest] = paragraphsOf(readFileSync(join(polnear, f), 'utf8'));
    out.push({ title: title ?? null, lang: 'en', paragraphs: rest });
  }
  const gj = readFileSync(join(FIXTURES_DIR, 'gilets_jaunes_fr/fr_CH_corpus.xml'), 'utf8');
  for (const m of gj.matchAll(/<doc url=[^>]*>([\s\S]*?)<\/doc>/g)) {
    const paragraphs = paragraphsOf(m[1]!);
    // Untitled in the corpus: its first sentence stands for a title, as a list shows it.
    out.push({ title: paragraphs[0] ? titleOf(gluedSentences(paragraphs[0])[0]!) : null, lang: 'fr', paragraphs });
  }
  return out.filter((s) => s.paragraphs.length >= 3);
}

/** Text and paragraph spans of the export format from paragraphs. */
function body(paragraphs: string[]): Pick<PortableArticle, 'text' | 'paragraphs'> {
  let text = '';
  const spans = [];
  for (const p of paragraphs) {
    if (text) text += '\n\n';
    spans.push({ start: text.length, end: text.length + p.length });
    text += p;
  }
  return { text, paragraphs: spans };
}

const slug = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

export function generatePanelCorpus(options: { size: number; sameEvent: number; seed?: number }): PanelCorpus {
  const rnd = seededRandom(options.seed ?? 2016);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]) => xs[int(xs.length)]!;
  const articles: PortableArticle[] = [];
  const record = (fields: Omit<PortableArticle, 'canonicalUrl' | 'byline' | 'savedAt' | 'updatedAt' | 'origin'>): PortableArticle => ({
    url: fields.url, canonicalUrl: null, title: fields.title, byline: null, site: fields.site, language: fields.language,
    publishedTime: fields.publishedTime, savedAt: null, updatedAt: null, origin: 'import', text: fields.text, paragraphs: fields.paragraphs,
  });

  // The same-event versions, alternating between the two seeds.
  const seeds = EVENT_SEEDS.map((name) => extractFromText(readFileSync(join(SEEDS_DIR, `${name}.txt`), 'utf8'), {}));
  const sameEventUrls: string[] = [];
  const sameEventSites: string[] = [];
  for (let i = 0; i < options.sameEvent; i++) {
    const seed = seeds[i % seeds.length]!;
    const paragraphs = seed.paragraphs.map((p) => seed.text.slice(p.start, p.end));
    const [lede, ...rest] = paragraphs;
    // Cut: each later paragraph kept with probability 0.8; the last sentence of some dropped.
    let kept = rest.filter(() => rnd() < 0.8).map((p) => {
      const ss = sentences(p);
      return ss.length > 2 && rnd() < 0.3 ? ss.slice(0, -1).join(' ') : p;
    });
    // Reordered: a few swaps of neighbouring paragraphs.
    for (let s = 0; s < 2 && kept.length > 1; s++) {
      const k = int(kept.length - 1);
      kept = [...kept.slice(0, k), kept[k + 1]!, kept[k]!, ...kept.slice(k + 2)];
    }
    // Lightly edited: about half the usual variants applied, different ones per version.
    const edits = FRENCH_VARIANTS.filter(() => rnd() < 0.5);
    const edit = (s: string) => edits.reduce((t, [from, to]) => t.replace(from, to), s);
    const text = [lede!, ...kept].map(edit);
    const site = OUTLETS[i % OUTLETS.length]!;
    const title = edit(seed.title ?? titleOf(sentences(lede!)[0]!));
    const url = `https://${slug(site)}.example/international/2016/07/${slug(title).slice(0, 60)}-${i + 1}`;
    sameEventUrls.push(url);
    sameEventSites.push(site);
    articles.push(record({ url, title, site, language: 'fr', publishedTime: pick(EVENT_DATES), ...body(text) }));
  }

  // The others: a window of one article and a paragraph or two of another in its language.
  const sources = readSources();
  const byLang = new Map<string, Source[]>();
  for (const s of sources) byLang.set(s.lang, [...(byLang.get(s.lang) ?? []), s]);
  const seen = new Set<string>();
  const day0 = Date.UTC(2010, 0, 1);
  const july2016 = [Date.UTC(2016, 5, 1), Date.UTC(2016, 7, 31)];
  for (let n = 0; articles.length < options.size; n++) {
    const si = int(sources.length);
    const base = sources[si]!;
    const len = Math.min(base.paragraphs.length, 3 + int(6));
    const from = int(base.paragraphs.length - len + 1);
    const others = byLang.get(base.lang)!;
    const extra = Array.from({ length: 1 + int(2) }, () => pick(pick(others).paragraphs));
    const paragraphs = [...base.paragraphs.slice(from, from + len), ...extra];
    const key = paragraphs.join('\n');
    if (seen.has(key)) continue;
    seen.add(key);
    let day = day0 + int(3650) * 86_400_000;
    if (day >= july2016[0]! && day <= july2016[1]!) day += 120 * 86_400_000;
    articles.push(record({
      url: `https://archive-${n % 97}.example/${base.lang}/${new Date(day).toISOString().slice(0, 7)}/article-${n}`,
      title: base.title,
      site: `Archive ${n % 97}`,
      language: base.lang,
      publishedTime: new Date(day).toISOString().slice(0, 10),
      ...body(paragraphs),
    }));
  }
  return { articles, sameEventUrls, sameEventSites, sourceArticles: sources.length };
}

/** `recoupe-corpus` JSONL files of at most `perFile` articles each, as `corpus/import` reads them. */
export function toImportFiles(articles: PortableArticle[], perFile: number, now = new Date('2026-01-01T00:00:00Z')): { fileName: string; text: string }[] {
  const files: { fileName: string; text: string }[] = [];
  for (let i = 0; i < articles.length; i += perFile) {
    const lines = [...serializeCorpusLines(articles.slice(i, i + perFile), { now })];
    files.push({ fileName: `bench-corpus-${files.length + 1}.jsonl`, text: `${lines.join('\n')}\n` });
  }
  return files;
}
