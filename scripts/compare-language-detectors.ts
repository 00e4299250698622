/**
 * Compare language detectors on the shared fixtures, to choose the one `lib/text/language.ts` uses.
 *
 * The candidates are not project dependencies; install them next to this script first:
 *   npm install --no-save franc-min franc franc-all tinyld languagedetect   (eld is a dependency)
 *   node --import tsx scripts/compare-language-detectors.ts [path/to/shared]
 * Candidates not installed are skipped. `npm install` afterwards removes them again.
 *
 * Corpora (read from ../shared, never copied into the repo):
 * - seeds: the five French seed articles;
 * - readability: `expected.html` of Mozilla Readability's test pages, tags stripped by regex,
 *   language from `expected-metadata.json` (region dropped) or, where absent or wrong, from
 *   reading the page (nytimes-5 is a Spanish section front; cnn, wapo-1 en; la-nacion es);
 * - basil: BASIL English articles (body-paragraphs joined);
 * - gilets: the 206 French `<doc>` blocks of gilets_jaunes_fr;
 * - snippets: one-sentence and headline snippets in fr/en/es/de/it/pt, written for this test.
 * Also a 5 MB text (time only) and bundle size (esbuild, minified, not gzipped).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';

const SHARED = process.argv[2] ?? join(process.cwd(), '..', 'shared');
const seedFiles = readdirSync(join(SHARED, 'seeds')).filter((f) => f.endsWith('.txt'));

interface Sample {
  lang: string;
  text: string;
}

/** Corrections after reading the pages: metadata is missing or describes the site, not the text. */
const READABILITY_LANG: Record<string, string> = {
  'nytimes-5': 'es',
  cnn: 'en',
  'wapo-1': 'en',
  'la-nacion': 'es',
};

function stripTags(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#x27;|&#39;|&rsquo;/g, '’')
    .replace(/&quot;/g, '"')
    .replace(/&[a-z]+;|&#x?[0-9a-f]+;/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function seeds(): Sample[] {
  const dir = join(SHARED, 'seeds');
  return seedFiles.map((f) => ({ lang: 'fr', text: readFileSync(join(dir, f), 'utf8') }));
}

function readability(): Sample[] {
  const dir = join(SHARED, 'fixtures/readability/pages');
  return readdirSync(dir).map((name) => {
    const meta = JSON.parse(readFileSync(join(dir, name, 'expected-metadata.json'), 'utf8')) as { lang?: string };
    const lang = READABILITY_LANG[name] ?? (meta.lang ?? '').slice(0, 2).toLowerCase();
    return { lang, text: stripTags(readFileSync(join(dir, name, 'expected.html'), 'utf8')) };
  });
}

function basil(): Sample[] {
  const root = join(SHARED, 'fixtures/basil/articles');
  const out: Sample[] = [];
  for (const year of readdirSync(root)) {
    for (const f of readdirSync(join(root, year))) {
      if (!f.endsWith('.json')) continue;
      const j = JSON.parse(readFileSync(join(root, year, f), 'utf8')) as { 'body-paragraphs': string[][] | string[] };
      const paras = j['body-paragraphs'].map((p) => (Array.isArray(p) ? p.join(' ') : p));
      out.push({ lang: 'en', text: paras.join('\n\n') });
    }
  }
  return out;
}

function gilets(): Sample[] {
  const xml = readFileSync(join(SHARED, 'fixtures/gilets_jaunes_fr/fr_CH_corpus.xml'), 'utf8');
  return [...xml.matchAll(/<doc[^>]*>([\s\S]*?)<\/doc>/g)]
    .map((m) => ({ lang: 'fr', text: (m[1] ?? '').trim() }))
    .filter((s) => s.text.length > 0);
}

/** Written for this comparison: a news sentence and headlines per language. */
const SNIPPETS: Record<string, string[]> = {
  fr: [
    'Le président a annoncé mardi une réforme des retraites.',
    'Poutine et Obama veulent renforcer le cessez-le-feu en Syrie',
    "Les gilets jaunes manifestent à nouveau samedi à Paris",
    "L'opposition dénonce un passage en force du gouvernement.",
    'Incendie dans un entrepôt près de Lyon : trois blessés',
    "Il faut que l'on trouve une solution politique à la crise, a-t-il déclaré.",
  ],
  en: [
    'The president announced a pension reform on Tuesday.',
    'Putin and Obama agree to step up military coordination in Syria',
    'Protesters return to the streets of Paris for a fifth weekend',
    'The opposition accused the government of forcing the bill through.',
    'Fire at a warehouse near Lyon leaves three injured',
    'We need to find a political solution to the crisis, he said.',
  ],
  es: [
    'El presidente anunció el martes una reforma de las pensiones.',
    'Putin y Obama acuerdan reforzar el alto el fuego en Siria',
    'Los chalecos amarillos vuelven a manifestarse el sábado en París',
    'La oposición denuncia que el Gobierno impone la ley por la fuerza.',
    'Incendio en un almacén cerca de Lyon: tres heridos',
    'Hay que encontrar una solución política a la crisis, dijo.',
  ],
  de: [
    'Der Präsident kündigte am Dienstag eine Rentenreform an.',
    'Putin und Obama wollen die Waffenruhe in Syrien stärken',
    'Gelbwesten demonstrieren am Samstag erneut in Paris',
    'Die Opposition wirft der Regierung vor, das Gesetz durchzudrücken.',
    'Brand in einer Lagerhalle bei Lyon: drei Verletzte',
    'Wir müssen eine politische Lösung für die Krise finden, sagte er.',
  ],
  it: [
    'Il presidente ha annunciato martedì una riforma delle pensioni.',
    'Putin e Obama vogliono rafforzare il cessate il fuoco in Siria',
    'I gilet gialli tornano a manifestare sabato a Parigi',
    "L'opposizione accusa il governo di forzare l'approvazione della legge.",
    'Incendio in un magazzino vicino a Lione: tre feriti',
    'Bisogna trovare una soluzione politica alla crisi, ha detto.',
  ],
  pt: [
    'O presidente anunciou na terça-feira uma reforma da previdência.',
    'Putin e Obama querem reforçar o cessar-fogo na Síria',
    'Os coletes amarelos voltam a protestar no sábado em Paris',
    'A oposição acusa o governo de aprovar a lei à força.',
    'Incêndio em um armazém perto de Lyon deixa três feridos',
    'É preciso encontrar uma solução política para a crise, disse ele.',
  ],
};

function snippets(kind: 'sentence' | 'headline' | 'short'): Sample[] {
  // Sentences end with a full stop; headlines do not; "short" is SHORT_HEADLINES (2–5 words).
  if (kind === 'short') return Object.entries(SHORT_HEADLINES).flatMap(([lang, list]) => list.map((text) => ({ lang, text })));
  return Object.entries(SNIPPETS).flatMap(([lang, list]) =>
    list.filter((t) => t.endsWith('.') === (kind === 'sentence')).map((text) => ({ lang, text })),
  );
}

/** Two to five words: below what any detector claims to handle reliably; measures graceful failure. */
const SHORT_HEADLINES: Record<string, string[]> = {
  fr: ['Grève à la SNCF', 'La guerre en Syrie', 'Les marchés reculent', 'Nouvelle hausse des prix', 'Retour sur la crise'],
  en: ['Stocks fall again', 'The war in Syria', 'Markets slide on fears', 'Prices rise once more', 'Looking back at the crisis'],
  es: ['Huelga en el metro', 'La guerra en Siria', 'Caen los mercados', 'Nueva subida de precios', 'Mirada atrás a la crisis'],
  de: ['Streik bei der Bahn', 'Der Krieg in Syrien', 'Börsen geben nach', 'Preise steigen erneut', 'Rückblick auf die Krise'],
  it: ['Sciopero dei treni', 'La guerra in Siria', 'I mercati scendono', 'Nuovo aumento dei prezzi', 'Uno sguardo alla crisi'],
  pt: ['Greve no metrô', 'A guerra na Síria', 'Os mercados recuam', 'Nova alta dos preços', 'Um olhar sobre a crise'],
};

/** ISO 639-3 → 639-1 for franc, only the codes our corpora can produce or confuse. */
const ISO3_TO_1: Record<string, string> = {
  fra: 'fr', eng: 'en', spa: 'es', deu: 'de', ita: 'it', por: 'pt', nld: 'nl', cat: 'ca', glg: 'gl',
  ron: 'ro', src: 'sc', sco: 'sco', lat: 'la', afr: 'af', dan: 'da', nob: 'nb', swe: 'sv', pol: 'pl',
  tgl: 'tl', ilo: 'ilo', ast: 'ast', oci: 'oc', fuf: 'ff', ind: 'id', hat: 'ht', eus: 'eu',
};
const NAME_TO_1: Record<string, string> = {
  french: 'fr', english: 'en', spanish: 'es', german: 'de', italian: 'it', portuguese: 'pt', dutch: 'nl',
};

type Detector = { name: string; entry: string; detect: (s: string) => string | null };

/** Import a candidate by a computed name, so the project typechecks without them installed. */
async function tryImport(spec: string): Promise<Record<string, unknown> | null> {
  try {
    return (await import(spec)) as Record<string, unknown>;
  } catch {
    console.error(`skipped ${spec}: not installed`);
    return null;
  }
}

async function detectors(): Promise<Detector[]> {
  const out: Detector[] = [];
  for (const pkg of ['franc-min', 'franc', 'franc-all']) {
    const m = await tryImport(pkg);
    if (!m) continue;
    const franc = m.franc as (s: string) => string;
    out.push({ name: pkg, entry: pkg, detect: (s) => { const c = franc(s); return c === 'und' ? null : ISO3_TO_1[c] ?? c; } });
  }
  for (const size of ['extrasmall', 'small', 'medium', 'large']) {
    const m = await tryImport(`eld/${size}`);
    if (!m) continue;
    const eld = m.eld as { detect: (s: string) => { language: string } };
    out.push({ name: `eld/${size}`, entry: `eld/${size}`, detect: (s) => eld.detect(s).language || null });
  }
  for (const spec of ['tinyld/light', 'tinyld', 'tinyld/heavy']) {
    const m = await tryImport(spec);
    if (!m) continue;
    const detect = m.detect as (s: string) => string;
    out.push({ name: spec, entry: spec, detect: (s) => detect(s) || null });
  }
  const ldModule = await tryImport('languagedetect');
  if (ldModule) {
    const LD = ldModule.default as new () => { detect: (s: string, n: number) => [string, number][] };
    const ld = new LD();
    out.push({ name: 'languagedetect', entry: 'languagedetect', detect: (s) => { const r = ld.detect(s, 1)[0]; return r ? NAME_TO_1[r[0]] ?? r[0] : null; } });
  }
  return out;
}

/** Minified and gzipped bundle size of one entry, in kB, as esbuild (Vite's dev bundler) ships it. */
function bundleSize(entry: string): { min: number; gz: number } {
  const code = `import * as m from '${entry}'; console.log(m);`;
  const res = execFileSync('npx', ['esbuild', '--bundle', '--minify', '--format=esm', '--platform=browser', '--log-level=error'], {
    input: code,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { min: res.length / 1024, gz: gzipSync(res, { level: 9 }).length / 1024 };
}

const corpora: [string, Sample[]][] = [
  ['seeds fr', seeds()],
  ['readability', readability()],
  ['basil en', basil()],
  ['gilets fr', gilets()],
  ['sentence', snippets('sentence')],
  ['headline', snippets('headline')],
  ['short', snippets('short')],
];

const rows: string[] = [];
rows.push(`| detector | ${corpora.map(([n, s]) => `${n} (${s.length})`).join(' | ')} | ms total | 5 MB ms | min. kB | gzip kB |`);
rows.push(`|---|${corpora.map(() => '---').join('|')}|---|---|---|---|`);
const big = readFileSync(join(SHARED, 'seeds', seedFiles[0] ?? ''), 'utf8').repeat(1200).slice(0, 5_000_000);
for (const d of await detectors()) {
  const cells: string[] = [];
  const misses: string[] = [];
  const t0 = performance.now();
  for (const [name, samples] of corpora) {
    let ok = 0;
    for (const s of samples) {
      const got = d.detect(s.text);
      if (got === s.lang) ok++;
      else if (misses.length < 8) misses.push(`${name}:${s.lang}→${got}${s.text.length < 120 ? ` «${s.text}»` : ''}`);
    }
    cells.push(`${ok}/${samples.length}`);
  }
  const ms = performance.now() - t0;
  const t1 = performance.now();
  d.detect(big);
  const bigMs = performance.now() - t1;
  let size = '? | ?';
  try {
    const { min, gz } = bundleSize(d.entry);
    size = `${min.toFixed(0)} | ${gz.toFixed(0)}`;
  } catch {
    // esbuild unavailable: sizes unknown
  }
  rows.push(`| ${d.name} | ${cells.join(' | ')} | ${ms.toFixed(0)} | ${bigMs.toFixed(0)} | ${size} |`);
  console.error(d.name, misses.join('; '));
}
console.log(rows.join('\n'));
