/**
 * Who speaks: the sources an article quotes or cites. Speakers of its reported quotations
 * (lib/quotes), `selon X` / `d'après X` / `according to X`, and reporting verbs with their
 * subject or inverted subject (`rapporte Josh Rogin`, `a dit à l'AFP un haut responsable`,
 * `Moscou a affirmé`). Each source is tied to the actor row it names (lib/framing/actors), so
 * that `Kremlin` in one version and `Moscou` in the other show as one voice — the point being
 * who is heard in one version and not in the other (sourcing as framing: Entman 1993; the
 * attribution model of PolNeAR, Newell et al. 2018).
 */
import type { Quote, Span } from '../quotes';
import { lexicon as quoteLexicon } from '../quotes/lexicon';
import type { ActorMention } from './actors';
import { compiledLexicon } from './lexicon';
import { checkDeadline, deadlineTicker, type FramingDeadline } from './deadline';
import { spanIndex } from './spans';
import { lowerNoAccents, words, type Word } from './words';
import { isHonorific } from '../text';

export interface Source {
  /** The source as the text names it (`Kremlin`, `Josh Rogin`, `Washington Post`). */
  name: string;
  /** The actor id of the mention it overlaps (`russia`, `name:josh rogin`), or `source:<name>`. */
  actor: string;
  /** Where the text names it, one span per citation. */
  spans: Span[];
  /** How it is cited: speaker of a quotation, `selon`, or a verb of saying. */
  via: ('quote' | 'according' | 'verb')[];
}

const PRONOUNS = new Set(['il', 'elle', 'ils', 'elles', 'lui', 'eux', 'on', 'he', 'she', 'they', 'him', 'her', 'them', 'it', 'je', 'i', 'we', 'nous']);
const ACCORDING = new Set(['selon', 'according', 'apres']);
/** Reporting verbs beyond lib/quotes' verbs of saying: a report or a description by a source. */
const MORE_VERBS = new Set(['rapporte', 'rapportent', 'rapporté', 'revele', 'revelent', 'presente', 'presentes', 'presentee', 'decrit', 'cite', 'reports', 'reported', 'described', 'identified', 'presented']);
const AUXILIARIES = new Set(['a', 'ont', 'avait', 'avaient', 'aurait', 'est', 'sont', 'etait', 't', 'il', 'on', 'elle', 'deja', 'egalement', 'aussi', 'encore', 'has', 'had', 'have', 'was', 'were', 'also']);
/** Verbs of saying with a common other sense (launch, pursue, take back, conclude, raise, recall, move, deliver, slip, drop, continue), folded. */
const OTHER_SENSES = new Set(['lance', 'lancee', 'lancees', 'lances', 'lancent', 'lancait', 'poursuit', 'poursuivi', 'poursuivent', 'poursuivait', 'reprend', 'repris', 'reprennent', 'conclut', 'conclu', 'releve', 'relevent', 'rappelle', 'rappele', 'rappellent', 'avance', 'avancent', 'livre', 'livrent', 'glisse', 'lache', 'continue', 'continuent', 'continued', 'continues', 'launched', 'pursued']);
/** Words opening what was said (`a affirmé que`, `said that`). */
/** Prepositions joining a name to what it belongs to or stands for (`Senator X of the Labor Party`, `Parents for School Choice`, `X van de SP`). */
const OF = '(?:of|for|from|at|against|without|van|von|de|du|des|di|da|del|della|der|pour|contre|sans)';
/** Between a name and its complement: such a preposition, and perhaps an article (`of the`, `van de`, `de l'`). */
const COMPLEMENT_GAP = new RegExp(`^[ \u00a0]+${OF}(?:[ \u00a0]+(?:de|der|la|le|les|the)[ \u00a0]+|[ \u00a0]+l['’]|[ \u00a0]+)$`, 'u');
/** A capitalised word and such a preposition ending a speaker's words before a mention: the mention ends a longer name. */
const NAME_OPENED = new RegExp(`\\p{Lu}[\\p{L}\\p{M}'’-]*\\s+${OF}\\s+$`, 'u');
const CLAUSE_OPENERS = new Set(['que', "qu'", 'qu', 'that']);
/** Prepositions after a verb of saying: to whom, where or about what (`said on`, `a dit à`, `a déclaré sur`); `a` is `à` in French only. */
const PREPOSITIONS = new Set(['a', 'au', 'aux', 'de', 'du', 'des', 'sur', 'pour', 'avec', 'dans', 'en', 'devant', 'on', 'about', 'to', 'for', 'with', 'in', 'at', 'of', 'from', 'before']);
/** English verbs of saying whose object is whom it was said to (`he told the Huffington Post`): never followed by their subject. */
const TO_WHOM = new Set(['told', 'tell', 'tells', 'telling']);
const DETERMINERS = new Set(['le', 'la', 'les', 'un', 'une', 'ce', 'cette', 'ces', 'son', 'sa', 'ses', 'leur', 'the', 'a', 'an', 'this', 'his', 'her', 'their']);
/** A person: a lexicon person, a title of an office (`le président américain`), or a named person (`name:` and two words or more). */
const isPerson = (m: ActorMention, text: string, lang: string) => {
  const kind = compiledLexicon(lang).actors.get(m.actor)?.kind;
  return kind === 'person' || kind === 'office' || (m.actor.startsWith('name:') && (m.via === 'name' || m.via === 'lexicon') && /\s/u.test(text.slice(m.head.start, m.head.end)));
};

/**
 * The sources of one article. `mentions` are its actor mentions (to name and group the
 * sources); `quotes` its quotations.
 */
export function findSources(text: string, lang: string, quotes: readonly Quote[], mentions: readonly ActorMention[], deadline?: FramingDeadline): Source[] {
  // Past `deadline`, stopped in its loops (`FramingCut`): tens of milliseconds on a page dense in names.
  const tick = deadlineTicker(deadline);
  const byActor = new Map<string, Source>();
  const verbs = quoteLexicon(lang).speechVerbs;
  // The one-word `according to` of the text's language (`segundo`, `secondo`, `según`, `laut`,
  // `volgens`), beside `selon` and `according`: the quotes lexicon's. (Words that are also
  // ordinals or adjectives, `o segundo turno`, `il secondo`, are read only where no article stands
  // before them and a name or a determiner after them.)
  const ownAccording = new Set([...quoteLexicon(lang).according].filter((x) => !/\s/u.test(x)).map(lowerNoAccents).filter((x) => !ACCORDING.has(x) && x !== 'per'));
  const determiners = quoteLexicon(lang).determiners;
  const accordingAt = (i: number): boolean => {
    const w = ws[i]!;
    if (ACCORDING.has(w.lower)) return w.lower !== 'apres' || ws[i - 1]?.lower === 'de';
    if (!ownAccording.has(w.lower)) return false;
    const before = ws[i - 1];
    const next = ws[i + 1];
    const articleBefore = before !== undefined && !before.breakAfter && (DETERMINERS.has(before.lower) || determiners.has(before.lower));
    return !articleBefore && next !== undefined && (/^\p{Lu}/u.test(next.text) || determiners.has(next.lower));
  };
  // The last mention inside the speaker's words: `l'envoyé spécial de l'Onu pour la Syrie, Staffan de Mistura` → the name.
  const allMentions = spanIndex(mentions);
  const overlapping = (s: Span) => allMentions.endingBefore(s.end + 400, 400).filter((m) => m.start < s.end && s.start < m.end).sort((x, y) => x.start - y.start);
  const mentionAt = (s: Span) => {
    const named = overlapping(s).filter((m) => m.via !== 'apposition');
    // (Not a complement after the name, where the one named belongs: `Kamerlid Jimmy Dijk van de
    // SP`, `Senator Tom Reyes of the Labor Party` — the name before it.)
    let k = named.length - 1;
    while (k > 0 && COMPLEMENT_GAP.test(text.slice(named[k - 1]!.end, named[k]!.start))) k--;
    return named[k] ?? overlapping(s)[0];
  };
  // A source is named by the name the text gives it (`Sergueï Lavrov`, not the apposition `le ministre…`).
  const nameOf = (m: ActorMention) => {
    if (m.via !== 'apposition' && /^\p{Lu}/u.test(text.slice(m.head.start, m.head.end))) return text.slice(m.head.start, m.head.end);
    const named = mentions.filter((x) => x.actor === m.actor && x.via !== 'apposition' && /^\p{Lu}/u.test(text.slice(x.head.start, x.head.end)));
    const best = named.sort((x, y) => (y.head.end - y.head.start) - (x.head.end - x.head.start))[0];
    if (best) return text.slice(best.head.start, best.head.end);
    return /(\p{Lu}[\p{L}\p{M}'’-]*(?:\s+\p{Lu}[\p{L}\p{M}'’-]*)*)\s*$/u.exec(m.text)?.[1] ?? text.slice(m.head.start, m.head.end);
  };
  /** A mention followed by a lower-case word that is no verb of saying or auxiliary: it qualifies that noun (`Democratic staffer`). */
  const qualifies = (m: Span) => {
    if (!lang.startsWith('en')) return false; // A French name is followed by its complements (`par le FBI comme…`).
    const next = /^[ \u00a0]+([\p{L}'’-]+)/u.exec(text.slice(m.end, m.end + 30))?.[1];
    return !!next && /^\p{Ll}/u.test(next) && !verbs.has(lowerNoAccents(next)) && !AUXILIARIES.has(lowerNoAccents(next)) && !PREPOSITIONS.has(lowerNoAccents(next)) && !CLAUSE_OPENERS.has(lowerNoAccents(next));
  };
  /** A mention in quotation marks is a title (`“Atlas Shrugged” triggered his interest`), not who speaks. */
  const titled = (m: Span) => /["“«]\s*$/u.test(text.slice(Math.max(0, m.start - 2), m.start)) && /^\s*["”»]/u.test(text.slice(m.end, m.end + 2));
  const add = (span: Span, via: Source['via'][number], fallback?: string) => {
    if (via !== 'quote' && titled(span)) return;
    let m = mentionAt(span);
    // A name inside a longer description is not the speaker (`the Fox News host`): the description is.
    // Nor is a name that runs on from words before the speaker (`a regretté à Paris Ludovic, 40
    // ans`: the mention `Paris Ludovic`, the speaker `Ludovic`): the quotation's speaker was read
    // in its sentence, the mention only by its capitals. (A lexicon actor's label may hold a title
    // before the speaker's name: `President Obama` is Obama.)
    if (m && via === 'quote' && (/\p{L}/u.test(text.slice(Math.max(m.end, span.start), span.end)) || (m.head.start < span.start && m.actor.startsWith('name:')))) m = undefined;
    // Nor the end of a name the speaker's opens with a capitalised word and a preposition
    // (`Parents for School Choice`: the mention `School Choice`, its first word read as a
    // sentence's capital).
    if (m && via === 'quote' && NAME_OPENED.test(text.slice(span.start, Math.max(span.start, m.start)))) m = undefined;
    const raw = text.slice(span.start, span.end).trim();
    if (!m && (!fallback || PRONOUNS.has(lowerNoAccents(raw)))) return;
    const actor = m?.actor ?? `source:${lowerNoAccents(fallback ?? raw)}`;
    const name = m ? nameOf(m) : (fallback ?? raw);
    let s = byActor.get(actor);
    if (!s) byActor.set(actor, (s = { name, actor, spans: [], via: [] }));
    if (!s.spans.some((x) => x.start === span.start)) s.spans.push({ start: span.start, end: span.end });
    if (!s.via.includes(via)) s.via.push(via);
  };
  for (const q of quotes) {
    tick();
    if (q.kind !== 'reported' || !q.speaker || !q.speakerSpan) continue;
    add(q.speakerSpan, 'quote', q.speaker);
  }
  const ws = words(text, lang, deadline);
  checkDeadline(deadline);
  const reported = spanIndex(quotes.filter((q) => q.kind === 'reported'));
  const inQuote = (w: Word) => reported.holding(w.start, w.end).length > 0;
  const mentionIndex = spanIndex(mentions);
  // A verb of saying with another common sense says something only with a quotation just before it
  // (`», a poursuivi X`) or a few words after it, or `que`/`that`/`:` right after it (`poursuit sa tournée` does not).
  const saysSomething = (i: number) => {
    const w = ws[i]!;
    const next = reported.firstFrom(w.end);
    if (next && next.start <= (ws[i + 8] ?? ws[ws.length - 1]!).end) return true;
    const prev = reported.endingBefore(w.start, 1)[0];
    if (prev && w.start - prev.end <= 40 && !/[.!?]\s/u.test(text.slice(prev.end + 1, w.start))) return true;
    if (/^\s*:/u.test(text.slice(w.end, w.end + 3))) return true;
    return ws.slice(i + 1, i + 5).some((x) => CLAUSE_OPENERS.has(x.lower));
  };
  for (let i = 0; i < ws.length; i++) {
    tick();
    const w = ws[i]!;
    if (inQuote(w)) continue;
    // `selon X`, `d'après X`, `according to X`: the first mention within six words.
    if (accordingAt(i) && !w.breakAfter) {
      const from = ws[i + 1]!.start;
      let k = i + 1;
      while (k < ws.length && k - i < 7 && !ws[k - 1]!.breakAfter) k++;
      const first = mentionIndex.firstFrom(from);
      const m = first && first.start < ws[k - 1]!.end ? first : undefined;
      if (m) add(m.head.start < m.start ? m : m.head, 'according');
      else if (ws[i + 1] && !PRONOUNS.has(ws[i + 1]!.lower)) add({ start: from, end: ws[Math.min(k - 1, i + 3)]!.end }, 'according');
      continue;
    }
    // A verb of saying: inverted subject after it (`rapporte Josh Rogin`, `a dit à l'AFP un haut responsable`),
    // else the subject right before it (`Moscou a affirmé`).
    if ((verbs.has(w.lower) || MORE_VERBS.has(w.lower)) && w.lower !== 'selon' && !DETERMINERS.has(ws[i - 1]?.lower ?? '') && (!OTHER_SENSES.has(w.lower) || saysSomething(i))) {
      // Inverted subject only in an incise (`…, a indiqué le Kremlin`, `rapporte Josh Rogin`) or an agent (`présenté par le FBI`).
      let b = i - 1;
      while (b >= 0 && AUXILIARIES.has(ws[b]!.lower) && !ws[b]!.breakAfter) b--;
      // Not at a sentence's start (`Asked about the Bridgeport rally, he…`): what follows is its object.
      const gapBefore = b < 0 ? '' : text.slice(ws[b]!.end, ws[b + 1]?.start ?? ws[b]!.end);
      const incise = b >= 0 && (/["»”]\s*$/u.test(gapBefore) || (ws[b]!.breakAfter && !/[.!?]/u.test(gapBefore)));
      // An agent names a source after a reporting verb only (`rapporté par`, `described by`), not after `lancé par`.
      const agent = MORE_VERBS.has(w.lower) && (ws[i + 1]?.lower === 'par' || ws[i + 1]?.lower === 'by');
      let k = i + 1;
      // An English participle (`…, saying “Atlas Shrugged” triggered…`) is followed by what was said, never by its subject.
      const participle = lang.startsWith('en') && /ing$/u.test(w.lower);
      while ((incise || agent) && !participle && !TO_WHOM.has(w.lower) && k < ws.length && k - i <= 3 && !ws[k - 1]!.breakAfter) {
        // A preposition leads to where or to whom it was said (`said on CNN`), not who said it.
        if (!(agent && k === i + 1) && PREPOSITIONS.has(ws[k]!.lower) && (ws[k]!.lower !== 'a' || lang.startsWith('fr'))) break;
        const m = mentionIndex.holding(ws[k]!.start, ws[k]!.end)[0];
        // A name before a common noun qualifies it (`said the Democratic staffer`): the staffer speaks, not the party.
        if (m && qualifies(m)) break;
        if (m) { add(m, 'verb'); break; }
        k++;
      }
      // The subject right before: only auxiliaries and adverbs between (`the Fox News host complained` is the host's word).
      const between = (mm: ActorMention) => words(text.slice(mm.end, w.start), lang).every((x) => AUXILIARIES.has(x.lower) || /(?:ly|ment)$/u.test(x.lower));
      // Not after a preposition: `concessions to Democratic demands` is a noun phrase, not a subject and its verb.
      const afterPreposition = (mm: ActorMention) => {
        // The word before the name and its titles of address (`with Mr. Vale told`).
        const before = text.slice(Math.max(0, mm.start - 40), mm.start).split(/\s+/u).filter(Boolean);
        while (before.length && isHonorific(before[before.length - 1]!.replace(/\.$/u, ''))) before.pop();
        const prev = lowerNoAccents(before.pop() ?? '');
        return PREPOSITIONS.has(prev) && (prev !== 'a' || lang.startsWith('fr'));
      };
      const before = mentionIndex.endingBefore(w.start, 3).filter((mm) => w.start - mm.end <= 12 && !/[.,;:!?«»"“”]/u.test(text.slice(mm.end, w.start)) && between(mm) && !afterPreposition(mm));
      if (before.length) add(before[before.length - 1]!, 'verb');
      else if (/ant$/u.test(w.lower)) {
        // `…, affirmant travailler…`: the gerund's subject is the main clause's, the first person named in the sentence
        // (a lexicon person, or a name of two words or more: `Syrie` is not a person).
        const sentenceStart = Math.max(text.lastIndexOf('.', w.start), text.lastIndexOf('\n', w.start));
        const persons = mentionIndex.endingBefore(w.start, 12).filter((mm) => mm.start > sentenceStart && isPerson(mm, text, lang));
        if (persons.length) add(persons.sort((x, y) => x.start - y.start)[0]!, 'verb');
      }
    }
  }
  // `a dit à l'AFP`: the agency a statement was given to is a channel, kept as a source too.
  for (const m of text.matchAll(/\b(?:à|to) (?:l['’])?(AFP|Reuters|AP|NBC News|CNN|Fox News)\b/gu)) {
    tick();
    const start = m.index + m[0].length - m[1]!.length;
    add({ start, end: start + m[1]!.length }, 'verb', m[1]!);
  }
  return [...byActor.values()].sort((x, y) => x.spans[0]!.start - y.spans[0]!.start);
}
