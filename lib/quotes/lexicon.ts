/** The per-language attribution cues of `lexicon.json`, as folded sets. */
import { baseLanguage, fold } from '../text';
import data from './lexicon.json';

export interface Lexicon {
  /** The verbs of saying, the verbs of speaking (`speakOf`) among them. */
  speechVerbs: ReadonlySet<string>;
  /** Verbs of speaking (`parle`, `spreekt`): cues only before what is spoken of (speaker.ts `notACue`). */
  speakOf: ReadonlySet<string>;
  according: ReadonlySet<string>;
  /** Prepositions opening a sentence on whose view it gives (`Pour X, «…»`): speaker.ts `viewOfPhrase`. */
  viewOf: ReadonlySet<string>;
  distancing: ReadonlySet<string>;
  impersonal: ReadonlySet<string>;
  documents: ReadonlySet<string>;
  npStop: ReadonlySet<string>;
  skip: ReadonlySet<string>;
  determiners: ReadonlySet<string>;
  adjunctStarts: ReadonlySet<string>;
  organisations: ReadonlySet<string>;
  qaLabels: ReadonlySet<string>;
  plurals: ReadonlySet<string>;
  speechNouns: ReadonlySet<string>;
  reflexiveSpeech: ReadonlySet<string>;
  masculineArticles: ReadonlySet<string>;
  feminineArticles: ReadonlySet<string>;
  titles: ReadonlySet<string>;
  subordinators: ReadonlySet<string>;
  coordinators: ReadonlySet<string>;
  sentenceAdverbs: ReadonlySet<string>;
  chantNouns: ReadonlySet<string>;
  offenceNouns: ReadonlySet<string>;
  offenceOfNouns: ReadonlySet<string>;
}

type Raw = Record<keyof Lexicon, string[]>;
const CACHE = new Map<string, Lexicon>();

/** The lexicon's key of a language tag, as the text core reads it (`fr-CH` → `fr`, Bokmål and Nynorsk `nb`, `nn` → `no`). */
const baseTag = (lang: string | undefined): string => baseLanguage(lang ?? 'en') || 'en';

/** Whether `lang` (base tag) has a lexicon of its own, not English's lent to it. */
export function hasOwnLexicon(lang: string | undefined): boolean {
  const base = baseTag(lang);
  return base in data && base !== 'about';
}

/** The lexicon of `lang` (base tag); languages without one get English's, the widest news style. */
export function lexicon(lang: string | undefined): Lexicon {
  const key = hasOwnLexicon(lang) ? baseTag(lang) : 'en';
  let lex = CACHE.get(key);
  if (!lex) {
    const raw = (data as unknown as Record<string, Raw>)[key]!;
    const set = (k: keyof Lexicon): ReadonlySet<string> => new Set((raw[k] ?? []).map(fold));
    lex = {
      speechVerbs: new Set([...set('speechVerbs'), ...set('speakOf')]), speakOf: set('speakOf'), according: set('according'), viewOf: set('viewOf'), distancing: set('distancing'),
      impersonal: set('impersonal'), documents: set('documents'), npStop: set('npStop'), skip: set('skip'),
      determiners: set('determiners'), adjunctStarts: set('adjunctStarts'),
      organisations: set('organisations'), qaLabels: set('qaLabels'),
      plurals: set('plurals'), speechNouns: set('speechNouns'), reflexiveSpeech: set('reflexiveSpeech'), masculineArticles: set('masculineArticles'), feminineArticles: set('feminineArticles'), titles: set('titles'), subordinators: set('subordinators'), coordinators: set('coordinators'), sentenceAdverbs: set('sentenceAdverbs'),
      chantNouns: set('chantNouns'), offenceNouns: set('offenceNouns'), offenceOfNouns: set('offenceOfNouns'),
    };
    CACHE.set(key, lex);
  }
  return lex;
}

/** A class of every language's lexicon at once (`offenceNouns`, `chantNouns`: the words of one language turn up in another's text). */
export function everyLanguage(cls: keyof Lexicon): ReadonlySet<string> {
  return new Set(Object.keys(data).filter((k) => k !== 'about').flatMap((k) => [...lexicon(k)[cls]]));
}
