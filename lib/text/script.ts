/**
 * The writing system of a text, by its letters' Unicode Script property (UAX #24). Recoupe's
 * analyses (words, stems, stop words, quotation marks, speakers, framing lexicons) are written for
 * Latin-script languages; a text mostly in another script is said so rather than judged "not an
 * article" or compared on the few Latin words it holds.
 */

/**
 * Scripts named to the reader (Unicode Script property name → ISO 15924 code, which
 * `Intl.DisplayNames` names in the reader's language), most common in the news first; any other
 * non-Latin letter counts as `other`.
 */
export const SCRIPT_CODES = {
  Cyrillic: 'Cyrl', Arabic: 'Arab', Han: 'Hani', Hangul: 'Hang', Greek: 'Grek', Hebrew: 'Hebr', Devanagari: 'Deva',
  Thai: 'Thai', Armenian: 'Armn', Georgian: 'Geor', Bengali: 'Beng', Tamil: 'Taml', Ethiopic: 'Ethi', Japanese: 'Jpan',
} as const;
export type OtherScript = keyof typeof SCRIPT_CODES | 'other';

const LATIN = /\p{Script=Latin}/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const TESTS = (Object.keys(SCRIPT_CODES) as OtherScript[]).filter((name) => name !== 'Japanese').map((name) => [name, new RegExp(`\\p{Script=${name}}`, 'u')] as const);

/** Letters read: the start of a text tells its script; a long page costs no more than this. */
const SAMPLE_CHARS = 20_000;
/**
 * Latin letters below this share of all letters: the text is in another script. Half, so that a
 * Latin-script article quoting a Russian or Chinese name stays Latin, and a Cyrillic page with
 * Latin brand names and URLs does not.
 */
export const MIN_LATIN_SHARE = 0.5;
/** Fewer letters than this say nothing either way. */
const MIN_LETTERS = 20;

export interface ScriptShare {
  /** Letters counted (in the sampled start of the text). */
  letters: number;
  /** Share of them in the Latin script, 0–1. */
  latin: number;
  /** The most frequent non-Latin script (`Japanese` for kana with or without kanji), null when there is none. */
  dominantOther: OtherScript | null;
}

/** How the letters of a text's start divide between the Latin script and the others. */
export function scriptShare(text: string): ScriptShare {
  const counts = new Map<OtherScript, number>();
  let letters = 0;
  let latin = 0;
  for (const ch of text.slice(0, SAMPLE_CHARS).match(/\p{L}/gu) ?? []) {
    letters++;
    if (LATIN.test(ch)) { latin++; continue; }
    const script: OtherScript = KANA.test(ch) ? 'Japanese' : (TESTS.find(([, re]) => re.test(ch))?.[0] ?? 'other');
    counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  // Japanese writes with kanji (Han) and kana together: any kana among Han letters makes it Japanese.
  if (counts.has('Japanese') && counts.has('Han')) {
    counts.set('Japanese', counts.get('Japanese')! + counts.get('Han')!);
    counts.delete('Han');
  }
  const dominantOther = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  return { letters, latin: letters === 0 ? 0 : latin / letters, dominantOther };
}

/**
 * The script of a text that Recoupe's analyses do not cover (`Cyrillic`, `Arabic`, `Han`…), or
 * null when the text is mostly Latin-script or too short to tell.
 */
export function unsupportedScript(text: string): OtherScript | null {
  const share = scriptShare(text);
  if (share.letters < MIN_LETTERS || share.latin >= MIN_LATIN_SHARE) return null;
  return share.dominantOther;
}
