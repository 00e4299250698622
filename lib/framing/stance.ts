/**
 * Distance and hedging: where an article keeps its distance from what it reports or from a word
 * it uses, each with its span.
 *
 * - `hedge`: words that withhold full commitment (Hyland 1998, "Hedging in Scientific Research
 *   Articles": shields such as `may`, `allegedly`; and the epistemological bias words of
 *   Recasens et al. 2013: `so-called`, `claimed`). French: `prétendu`, `soi-disant`, `présumé`,
 *   `dit(e)s` before an adjective (`dites modérée`).
 * - `conditional`: the French conditional of unconfirmed information, the "conditionnel
 *   journalistique" (`auraient transmis`): a conditional auxiliary followed by a past participle.
 *   A bare conditional (`prendrait`, `renforceraient`) is usually future-in-the-past after a
 *   verb of saying and is not counted.
 * - `attribution`: a claim pinned on its source rather than stated (`selon Moscou`,
 *   `d'après`, `according to`), or a verb of saying that casts doubt (`prétend`, `affirme`,
 *   `claims`, `insists`).
 * - `scare`: a quotation mark held around a label (lib/quotes `kind: 'scare'`).
 */
import type { Quote, Span } from '../quotes';
import { checkDeadline, deadlineTicker, type FramingDeadline } from './deadline';
import { spanIndex } from './spans';
import { words, type Word } from './words';

export type StanceKind = 'hedge' | 'conditional' | 'attribution' | 'scare';

export interface StanceItem extends Span {
  /** Exactly `text.slice(start, end)`. */
  text: string;
  kind: StanceKind;
}

const HEDGES: Record<string, ReadonlySet<string>> = {
  fr: new Set(['pretendu', 'pretendue', 'pretendus', 'pretendues', 'pretendument', 'soi-disant', 'presume', 'presumee', 'presumes', 'presumees', 'presumement', 'suppose', 'supposee', 'supposes', 'supposees', 'supposement', 'autoproclame', 'autoproclamee', 'autoproclames', 'autoproclamees', 'apparemment', 'vraisemblablement', 'probablement']),
  en: new Set(['so-called', 'alleged', 'allegedly', 'reportedly', 'purportedly', 'purported', 'supposedly', 'supposed', 'apparently', 'self-styled', 'self-proclaimed', 'self-described', 'arguably', 'perhaps', 'possibly', 'probably', 'likely', 'unlikely', 'might', 'seemingly', 'seems', 'seemed', 'appears', 'appeared', 'suggests', 'suggested', 'claimed', 'claims']),
};
/** `dit`, `dite(s)` as a hedge: an adjective follows, no auxiliary precedes (`a dit` is saying). */
const DIT = new Set(['dit', 'dite', 'dits', 'dites']);
const AUXILIARIES = new Set(['a', 'ai', 'as', 'avons', 'avez', 'ont', 'avait', 'avaient', 'aurait', 'auraient', 'est', 'sont', 'etait', 'ete', 'jamais', 'pas', 'on', 'il', 'elle', 'ils', 'je', 'tu', 'nous', 'vous', 'lui', 'se', 'ne', 'rien', 'tout', 'deja']);
const CONDITIONAL_AUX = /^(?:aurai[st]|aurions|auriez|auraient|serai[st]|serions|seriez|seraient)$/u;
const PAST_PARTICIPLE = /(?:e|ee|es|ees|i|ie|is|ies|u|ue|us|ues|it|ite|its|ites|ert|erte|erts|ertes|eint|eints)$/u;
const ACCORDING: Record<string, readonly string[][]> = {
  fr: [['selon'], ['d', 'apres'], ['de', 'source']],
  en: [['according', 'to'], ['as', 'claimed', 'by']],
};
const DISTANCING_VERBS: Record<string, ReadonlySet<string>> = {
  fr: new Set(['affirme', 'affirment', 'affirmait', 'affirmaient', 'affirmant', 'pretend', 'pretendent', 'pretendait', 'pretendant', 'assure', 'assurent', 'assurait', 'soutient', 'soutiennent', 'repeter', 'martele', 'allegue', 'alleguent', 'dement', 'dementent']),
  // With the loaded report verbs of Recasens et al. 2013's lexicons (the verb the outlet picks
  // for someone's words judges them: `complained`, `slammed`, `conceded`, `boasted`).
  en: new Set(['claim', 'claims', 'claiming', 'insist', 'insists', 'insisted', 'insisting', 'maintain', 'maintains', 'maintained', 'allege', 'alleges', 'contend', 'contends', 'contended', 'asserted', 'asserts', 'denies', 'denied',
    'complained', 'complains', 'slammed', 'slams', 'blasted', 'blasts', 'lashed', 'railed', 'railing', 'ripped', 'pounced', 'vowed', 'vowing', 'touted', 'boasted', 'boasts', 'bragged', 'conceded', 'concedes', 'admitted', 'admits', 'chided', 'excoriated', 'mocked', 'mocking', 'scoffed', 'scoffing', 'hailed', 'decried', 'demanded', 'demanding', 'threatened', 'lectured', 'whined', 'ranted', 'groused', 'fumed', 'accused', 'accusing']),
};
const ADVERB = /(?:ment)$/u;
const SHORT_ADVERBS = new Set(['deja', 'bien', 'meme', 'aussi', 'encore', 'egalement', 'notamment', 'ensuite', 'alors', 'pas', 'jamais']);

const langOf = (lang: string) => (lang === 'fr' ? 'fr' : 'en');

/** Every stance item of `text`, in text order; stops past `deadline` (`FramingCut`). */
export function findStance(text: string, lang: string, quotes: readonly Quote[] = [], deadline?: FramingDeadline): StanceItem[] {
  const l = langOf(lang);
  const ws = words(text, lang, deadline);
  checkDeadline(deadline);
  const out: StanceItem[] = [];
  const item = (a: Word, b: Word, kind: StanceKind) => out.push({ text: text.slice(a.start, b.end), start: a.start, end: b.end, kind });
  const hedges = HEDGES[l]!;
  const reported = spanIndex(quotes.filter((q) => q.kind === 'reported'));
  const inside = (w: Word) => reported.holding(w.start, w.end).length > 0;
  const tick = deadlineTicker(deadline);
  for (let i = 0; i < ws.length; i++) {
    tick();
    const w = ws[i]!;
    if (inside(w)) continue; // the speaker's hedges, not the outlet's
    if (hedges.has(w.lower) && !(l === 'en' && w.cap && w.lower === 'might')) { item(w, w, 'hedge'); continue; }
    if (l === 'fr' && DIT.has(w.lower) && !AUXILIARIES.has(ws[i - 1]?.lower ?? '') && /(?:e|ee|es|ees|aux|al|ale|ales|ique|iques)$/u.test(ws[i + 1]?.lower ?? '') && !ws[i + 1]!.cap && !w.breakAfter) {
      item(w, w, 'hedge');
      continue;
    }
    if (l === 'fr' && CONDITIONAL_AUX.test(w.lower) && (ws[i - 1]?.lower ?? '') !== 'si') {
      let k = i + 1;
      if (k < ws.length && (ADVERB.test(ws[k]!.lower) || SHORT_ADVERBS.has(ws[k]!.lower)) && !w.breakAfter) k++;
      const p = ws[k];
      if (p && !ws[k - 1]!.breakAfter && PAST_PARTICIPLE.test(p.lower) && !p.cap && p.lower.length > 3) { item(w, p, 'conditional'); i = k; continue; }
    }
    for (const cue of ACCORDING[l]!) {
      if (cue.every((c, k) => ws[i + k]?.lower === c) && !/^(?:lequel|laquelle|lesquels|lesquelles|quoi)$/u.test(ws[i + cue.length]?.lower ?? '')) {
        // The cue and its source, up to the next punctuation (at most six words).
        let k = i + cue.length - 1;
        let n = 0;
        while (k + 1 < ws.length && !ws[k]!.breakAfter && n < 6) { k++; n++; }
        if (n > 0) item(w, ws[k]!, 'attribution');
        i = k;
        break;
      }
    }
    if (DISTANCING_VERBS[l]!.has(w.lower)) item(w, w, 'attribution');
  }
  for (const q of quotes) if (q.kind === 'scare') out.push({ text: text.slice(q.marks.open.start, q.marks.close.end), start: q.marks.open.start, end: q.marks.close.end, kind: 'scare' });
  return out.sort((x, y) => x.start - y.start);
}
