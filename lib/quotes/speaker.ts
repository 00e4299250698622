/**
 * The speaker of a reported quotation, from the attribution patterns of news writing.
 *
 * An attribution is source + cue + content (Pareti 2015; PolNeAR, Newell et al. 2018). The cue
 * is a verb of saying or `selon` / `according to`; the source is the noun phrase it governs. We
 * look, in order (the order of frequency in news copy):
 * 1. after the closing mark: `», précise le Kremlin dans un communiqué` (cue then inverted
 *    subject), `,” Trump said` (subject then cue), `», selon le communiqué`;
 * 2. before the opening mark: `Selon la Maison Blanche, … «…»`, `Sergueï Lavrov a déclaré :
 *    «…»`, `le président syrien affirme que … "…"`, passive `accusé par Moscou de "…"`;
 * then resolve what names no one: an inverted pronoun (`a-t-on précisé`, `lit-on`, `est-il
 * précisé`, `avait-t-il ajouté`) takes the source document the sentence names (`dans un
 * communiqué publié sur le site du Kremlin` → Kremlin) or else the previous speaker; a bare
 * document (`selon le communiqué`) takes the previous speaker (the issuer already named).
 * `he`/`she` (`il`/`elle`, `a-t-il dit`) take a person, never an organisation: the previous
 * speaker, or one named as a sentence's subject since (a surname alone when the article named
 * the person in full before; in the sentence right before, failing its subject, its first
 * titled name — Hobbs 1978). Earlier sentences are those of lib/text's splitter (`Sen.`, `U.S.`
 * end none). A quotation with no cue right after a sentence of indirect speech (`X says …`) is
 * X's.
 * A participle takes the subject it hangs on (`X did Y, claiming “…”`, `une banderole clamant
 * «…»`); French incises inside the marks (`«…, commente un manifestant. …»`) and `comme le dit X`
 * are read; a transcript line quoted whole (`“MR. HALE: …”`) takes its titled label. One
 * attribution between two quotations of a sentence, or closing a sentence whose only cue it is,
 * attributes each of them. A pronoun opening a subordinate clause takes the main clause's named
 * subject; `he`/`she` never take a name the article itself gives the other pronoun; full-word
 * titles (`Senator`, `le député`) mark a name in the sentence before; a party-and-state
 * parenthesis after a name (`(R-S.D.)`) is read through.
 * A share of people (`30 percent of voters say “…”`) is no speaker: the poll the sentence names
 * before it, else unknown; after English `told` stand those told, never an inverted subject.
 * A speaker is a person or organisation as the text names it, or unknown (null), never a clause
 * fragment (issue 13): when a rule cannot tell — a pronoun no one named, a clause with its own
 * named subject before the quotation, an interview's question line — the speaker is unknown,
 * and a final check (`isSpeakerPhrase`) refuses pronouns, clauses and possessive phrases.
 */
import { isCalendarWord } from '../match/dates';
import { complementAfterName } from '../match/entities';
import { fold, isHonorific, isStopword, tokenize, wordsOfEveryLanguage, wordsOfLanguage } from '../text';
import type { Token } from '../text';
import { letterEndsAt, letterStartsAt, lowerCaseWordFinder } from '../text/word-scan';
import { isWhiteSpace } from '../text/word-break';
import { everyLanguage } from './lexicon';
import type { Quote, QuoteContext, Span } from './types';
import { usState } from './us-states';

/** Longest speaker noun phrase, in tokens: "le ministre russe des Affaires étrangères Sergueï Lavrov" is 9. */
const MAX_NP_TOKENS = 12;
/** How far (in tokens) after the closing mark the cue may start: `», a ensuite ajouté`. */
const MAX_CUE_DISTANCE = 4;
/** An unattributed quotation this close before (characters) leaves a pronoun's speaker unknown. */
const ADJACENT = 40;
/** How far back an inherited speaker may be, in characters (about three paragraphs). */
const INHERIT_WINDOW = 1500;

/** What the finder sets on a quote. */
export interface SpeakerFound {
  speaker: string;
  speakerSpan: Span;
  mention: Span | null;
  cue: Span | null;
}

const CAPITALISED = /^\p{Lu}/u;
/** Articles and possessives before a noun (`the report`, `her statement`, `le communiqué`). */
const ARTICLES = wordsOfEveryLanguage('nounOpeners');
const PUNCT_BREAK = /[,;:.!?()«»“”"„\n—–]/u;

/**
 * How many tokens the `selon` / `according to` / `d'après` cue at `tokens[k]` spans (0: none).
 * The lexicon writes each cue as text; the tokenizer cuts `according to` and `d'après` in two.
 */
function accordingCue(ctx: QuoteContext, tokens: readonly Token[], k: number): number {
  for (const cue of accordingTokens(ctx)) {
    if (cue.every((w, i) => tokens[k + i]?.norm === w) && cue.slice(1).every((_, i) => !gapBreaks(ctx.text, tokens[k + i]!, tokens[k + i + 1]!))) return cue.length;
  }
  return 0;
}
const ACCORDING = new Map<string, string[][]>();
function accordingTokens(ctx: QuoteContext): string[][] {
  let cues = ACCORDING.get(ctx.lang);
  if (!cues) {
    cues = [...ctx.lex.according].map((c) => tokenize(c, ctx.lang).map((t) => t.norm)).filter((c) => c.length > 0);
    ACCORDING.set(ctx.lang, cues);
  }
  return cues;
}

function gapBreaks(text: string, a: Token, b: Token): boolean {
  const gap = text.slice(a.end, b.start);
  // A title (`Mr.`) or a name's initial (`Donald J. Trump`) ends on a full stop inside the phrase.
  if (/^\.\s?$/u.test(gap) && (isHonorific(a.norm) || (/^\p{Lu}$/u.test(a.text) && CAPITALISED.test(b.text)))) return false;
  // A party and state after a name (`Sen. John Thune (R-S.D.) said`; `dropAsides` took its words out).
  if (CAPITALISED.test(a.text) && ASIDE.test(gap)) return false;
  // (A hyphen set off by a space is a dash typed as one: `pour «port d'arme prohibé» - un bâton -`.)
  return PUNCT_BREAK.test(gap) || /\s-|-\s/u.test(gap);
}

/**
 * `gapBreaks` inside a name: a dotted abbreviation before a capitalised word goes on with it too
 * (`Assistant U.S. Attorney Maya Song`) — not before a pronoun, an article or another function
 * word, which open the next sentence (`…in the U.S. He says`). For the phrase of an attribution
 * only: elsewhere the abbreviation may end a sentence whose next one names someone else.
 */
function gapBreaksInName(text: string, a: Token, b: Token): boolean {
  if (/^\.\s?$/u.test(text.slice(a.end, b.start)) && /^\p{Lu}(?:\.\p{Lu})+$/u.test(a.text) && CAPITALISED.test(b.text) && !PERSONAL.has(b.norm) && !ARTICLES.has(b.norm) && !isStopword(b.norm, 'en')) return false;
  return gapBreaks(text, a, b);
}

/** A short parenthesis opening on a capital letter: `(R-S.D.)`, `(D-Calif.)`, `(PS)`. */
const ASIDE = /^\s*\(\p{Lu}[\p{L}.,\s–-]{0,20}\)\s*$/u;

/**
 * The tokens without those of a party-and-state parenthesis after a capitalised word (`Sen. John
 * Thune (R-S.D.) said`): the name and its verb are then next to each other, as the rules expect.
 */
function dropAsides(text: string, tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    out.push(t);
    if (!CAPITALISED.test(t.text) || !/^\s*\(/u.test(text.slice(t.end, tokens[k + 1]?.start ?? t.end))) continue;
    const close = text.indexOf(')', t.end);
    if (close < 0 || !ASIDE.test(text.slice(t.end, close + 1))) continue;
    while (k + 1 < tokens.length && tokens[k + 1]!.end <= close) k++;
  }
  return out;
}

const WITH = wordsOfEveryLanguage('comitative');
/** A possessive `'s` ending a token (`Brazile's`, folded). */
const POSSESSIVE_S = /'s$/u;

/**
 * A lower-case verb, adverb or function word right after a name ends the name's phrase (`Senator
 * Kay Brandt returned…`, `Sen. Paul Dorsey famously said`, `M. Durand notamment`, `Éric Drouet à
 * des journalistes`): English past forms and -ly adverbs, French -ment adverbs (-ily and -ally
 * are left out: `family`, `ally`), stop words but name particles (`de`, `van`).
 */
function verbAfterName(ctx: QuoteContext, before: readonly Token[], t: Token): boolean {
  const prev = before[before.length - 1]!;
  if (!CAPITALISED.test(prev.text) || CAPITALISED.test(t.text)) return false;
  // A word hyphenated to the name is a compound with it (`Pakistan-based developer`), no verb.
  if (/^[-\u2011]$/u.test(ctx.text.slice(prev.end, t.start))) return false;
  // A Romanian name takes no lower-case word after it but its complement's link (`Banca
  // Națională a României`, `Institutul Național de Statistică`): a noun there opens the clause
  // after an adjunct with no comma (`Potrivit INS inflația este…` gave `INS inflația`).
  if (ctx.lang.startsWith('ro')) return !RO_NAME_LINKS.has(t.norm) && !PARTICLES.has(t.norm);
  // `Éric Drouet à des journalistes`, `Edouard Philippe en début de soirée`, `Brice Teinturier nous`
  // — after a name of two capitalised words (`secrétaire d'Etat à l'Intérieur` goes on).
  const name = before.length >= 2 && CAPITALISED.test(before[before.length - 2]!.text);
  if (name && isStopword(t.norm, ctx.lang) && !PARTICLES.has(t.norm) && !["d'", "l'", 'of', 'the', 'and', 'et'].includes(t.norm)) return true;
  return isAdverb(ctx, t) || (!ctx.lang.startsWith('fr') && /\p{L}{2,}ed$/u.test(t.norm));
}

/**
 * An indefinite article: a verb form after it is a noun (`a State Department official`, `un
 * appel`). (English `a` only in English: French `a` is the auxiliary of `il a déclaré`.)
 */
function indefiniteArticle(ctx: QuoteContext, t: Token): boolean {
  return ctx.lang.startsWith('en') ? t.norm === 'a' || t.norm === 'an' : t.norm === 'un' || t.norm === 'une';
}

/**
 * `a State Department official said`, `secretary of state Madeleine Albright`: a verb form right
 * after an indefinite article, or after an English preposition (but a gerund: `by saying`), is a
 * noun, no verb of saying.
 */
/** French prepositions fused with the definite article: a verb form after one is a noun (`l'avocat du prévenu`). */
const FUSED_ARTICLES: ReadonlySet<string> = new Set(['du', 'au', 'aux']);

function verbFormIsNoun(ctx: QuoteContext, tokens: readonly Token[], k: number): boolean {
  const p = tokens[k - 1];
  if (!p || gapBreaks(ctx.text, p, tokens[k]!)) return false;
  return indefiniteArticle(ctx, p) || (ctx.lang.startsWith('en') && PREPOSITIONS.has(p.norm) && !/ing$/u.test(tokens[k]!.norm));
}

/**
 * The noun phrase starting at `tokens[i]`: up to a punctuation break, a stop word of the
 * lexicon or MAX_NP_TOKENS; an apposition of capitalised words after a comma joins it
 * (`le ministre russe des Affaires étrangères, Sergueï Lavrov`). `nominal`: the phrase follows
 * `according to` / `selon`, where a verb cannot stand.
 */
/** French titles a portfolio follows with `à` in lower case (`adjoint au maire`, `déléguée à la jeunesse`), folded. */
const TITLES_WITH_A = new Set(['adjoint', 'adjointe', 'adjoints', 'adjointes', 'delegue', 'deleguee', 'delegues', 'deleguees', 'charge', 'chargee', 'charges', 'chargees', 'conseiller', 'conseillere']);

/**
 * An inverted French subject without the adjunct after it: `à`, `au`, `aux` and a common noun say
 * where or when it was said (`a déclaré le chef du gouvernement à la tribune de l'Assemblée`, `le
 * porte-parole à l'issue du conseil`, `le maire au micro de…`), not a portfolio, which is
 * capitalised (`secrétaire d'Etat à la Biodiversité`) or follows a deputy's title (`l'adjoint au
 * maire`, `la déléguée à la jeunesse`). (Only there: before a verb, `Blessé à la tête samedi soir à
 * Paris, Hugo Clément` is read whole, then its name.)
 */
function cutAtAdjunct(ctx: QuoteContext, np: { span: Span; tokens: Token[] } | null): { span: Span; tokens: Token[] } | null {
  if (!np || !ctx.lang.startsWith('fr')) return np;
  const m = np.tokens.findIndex((_, k) => k > 0 && adjunctOfPlace(np.tokens, k));
  return m < 0 ? np : { span: { start: np.span.start, end: np.tokens[m - 1]!.end }, tokens: np.tokens.slice(0, m) };
}

/** Whether French `à`/`au`/`aux` at `j` opens an adjunct: a common noun after it (and its article), no title before it taking a portfolio. */
function adjunctOfPlace(tokens: readonly Token[], j: number): boolean {
  const t = tokens[j]!.text.toLowerCase();
  if (t !== 'à' && t !== 'au' && t !== 'aux') return false;
  let k = j + 1;
  if (t === 'à' && ARTICLES.has(tokens[k]?.norm ?? '')) k++;
  return /^\p{Ll}/u.test(tokens[k]?.text ?? '') && !TITLES_WITH_A.has(tokens[j - 1]?.norm ?? '');
}

function nounPhrase(ctx: QuoteContext, tokens: Token[], i: number, nominal = false): { span: Span; tokens: Token[] } | null {
  const { lex, text } = ctx;
  const out: Token[] = [];
  let j = i;
  while (j < tokens.length && out.length < MAX_NP_TOKENS) {
    const t = tokens[j]!;
    if (out.length > 0 && gapBreaksInName(text, out[out.length - 1]!, t)) break;
    // A noun of a written source is no verb after an article (`the report`, `a statement`).
    // After a definite article a verb form is a noun too (`le prévenu`, `l'accusé`, `the accused`).
    // After `according to` / `selon` only a noun phrase stands: a written source after its
    // adjectives is a noun there too (`according to the explanatory notes of the Bill`).
    const documentNoun = (lex.documents.has(t.norm) && (out.length === 0 || ARTICLES.has(out[out.length - 1]!.norm) || (nominal && ARTICLES.has(out[0]!.norm))))
      || (out.length > 0 && (lex.determiners.has(out[out.length - 1]!.norm) || FUSED_ARTICLES.has(out[out.length - 1]!.norm)) && !gapBreaks(text, out[out.length - 1]!, t))
      || verbFormIsNoun(ctx, tokens, j);
    // `of` between capitalised words joins a name (`Secretary of Homeland Security Jeh Johnson`).
    // So do `on` after an organisation noun and `and` inside such a name (`Committee on
    // Intelligence and Security`, `Department of Health and Human Services`).
    const nameOf = ((t.norm === 'of' || t.norm === 'for') && out.length > 0 && CAPITALISED.test(out[out.length - 1]!.text) && CAPITALISED.test(tokens[j + 1]?.text ?? '') && !gapBreaks(text, t, tokens[j + 1]!))
      || organisationNameWord(ctx, tokens, j);
    // (A capitalised verb form with a lower-case verb of saying after it is a name's word: see `lowerCaseCueAfter`.)
    // (So is `State` after a capitalised word: `Ohio State University`, `Secretary of State`.)
    // (So is a capitalised verb form right after a given name, mid-sentence: `a prévenu Thierry
    // Nier` — `nier`, to deny — gave `Thierry`. Not in English, whose headlines capitalise their
    // verbs: `Clinton Says`.)
    const afterGivenName = !ctx.lang.startsWith('en') && out.length > 0 && /^\p{Lu}\p{Ll}+$/u.test(out[out.length - 1]!.text) && /^\p{Lu}\p{Ll}/u.test(t.text) && !isHonorific(out[out.length - 1]!.norm) && !lex.titles.has(out[out.length - 1]!.norm) && !gapBreaks(text, out[out.length - 1]!, t);
    const nameWord = CAPITALISED.test(t.text) && (lowerCaseCueAfter(ctx, tokens, j, Math.min(tokens.length, j + MAX_NP_TOKENS))
      || (['state', 'states'].includes(t.norm) && out.length > 0 && CAPITALISED.test(out[out.length - 1]!.text) && !gapBreaks(text, out[out.length - 1]!, t))
      || afterGivenName);
    // (A determiner opening the phrase opens it, though it be a relative pronoun too: German
    // `erklärte die Ministerin`, where `die` is both; a relative clause is set off by its comma.)
    const opening = out.length === 0 && lex.determiners.has(t.norm);
    if ((lex.npStop.has(t.norm) && !nameOf && !opening) || (lex.speechVerbs.has(t.norm) && !documentNoun && !nameWord)) break;
    if (out.length > 0 && !nameOf && verbAfterName(ctx, out, t)) break;
    // (A finite `be` or `have` ends it: `Ifølge fagforeningen er aftalen`, the verb after the adjunct.)
    if (out.length > 0 && !CAPITALISED.test(t.text) && FINITE_BE_HAVE.get(ctx.lang.slice(0, 2))?.has(t.norm) === true) break;
    // `a indiqué l'Elysée à BFMTV`: French `à` and a name without article after a name is where
    // the words went (a medium, a person), not part of the name (`secrétaire d'Etat à l'Intérieur`).
    if (out.length > 0 && ctx.lang.startsWith('fr') && t.text.toLowerCase() === 'à' && CAPITALISED.test(out[out.length - 1]!.text) && CAPITALISED.test(tokens[j + 1]?.text ?? '') && !ARTICLES.has(tokens[j + 1]!.norm)) break;
    // So `à` and an acronym after its article, a medium (`une source policière à l'AFP`; not `à l'Intérieur`).
    if (out.length > 0 && ctx.lang.startsWith('fr') && t.text.toLowerCase() === 'à' && ARTICLES.has(tokens[j + 1]?.norm ?? '') && /^\p{Lu}{2,}$/u.test(tokens[j + 2]?.text ?? '')) break;
    // A Dutch or German surname particle after a full name opens its office or party (`minister
    // Eddy van Hijum van Sociale Zaken`, `Anna Roth von den Grünen`), as the name finder reads it.
    if (out.length > 0 && complementAfterName(t.norm, out.filter((w) => !lex.titles.has(w.norm) && !isHonorific(w.norm)), ctx.lang) && CAPITALISED.test(tokens[lex.determiners.has(tokens[j + 1]?.norm ?? '') ? j + 2 : j + 1]?.text ?? '')) break;
    // `AARP CEO Barry Rand later issued`, `Ryan also hammered`: an adverb or time word after a name ends it.
    if (out.length > 0 && CAPITALISED.test(out[out.length - 1]!.text) && !CAPITALISED.test(t.text) && lex.skip.has(t.norm) && !isStopword(t.norm, ctx.lang)) break;
    out.push(t);
    j++;
  }
  // Apposition: ", Sergueï Lavrov," (or between dashes) — only capitalised words, up to the next break.
  // (Not after a full name: `Lotfi Azzouz, Tunisia country director` — the words after the comma
  // describe the person named.)
  const fullName = out.length >= 2 && out.every((t) => CAPITALISED.test(t.text) || PARTICLES.has(t.norm) || isHonorific(t.norm)) && out.filter((t) => CAPITALISED.test(t.text) && !isHonorific(t.norm) && !ctx.lex.titles.has(t.norm)).length >= 2;
  if (!fullName && out.length > 0 && j < tokens.length && SET_OFF.test(text.slice(out[out.length - 1]!.end, tokens[j]!.start))) {
    const app: Token[] = [];
    let k = j;
    // (A title of address may open it: `son avocat, Me Kheops Lara`.)
    // (Four capitalised words at most, with their particles: `Maria do Rosário Palma Ramalho`.)
    const words = () => app.filter((t) => CAPITALISED.test(t.text)).length;
    while (k < tokens.length && words() < 4 && ((CAPITALISED.test(tokens[k]!.text) && tokens[k]!.text.length > 1 && (!isHonorific(tokens[k]!.norm) || (app.length === 0 && CAPITALISED.test(tokens[k + 1]?.text ?? '') && !isHonorific(tokens[k + 1]!.norm)))) || (app.length > 0 && (['de', 'van', 'von', 'al', 'el', 'la'].includes(tokens[k]!.norm) || (PARTICLES.has(tokens[k]!.norm) && CAPITALISED.test(tokens[k + 1]?.text ?? '')))))) {
      if (app.length > 0 && gapBreaks(text, app[app.length - 1]!, tokens[k]!)) break;
      app.push(tokens[k]!);
      k++;
    }
    // (After `according to`, `selon`, a name then a lower-case word is the main clause's subject
    // and verb, no apposition: `According to Variety, Trump brought…` gave `Variety, Trump`.)
    const clauseAfter = nominal && (ctx.lang.startsWith('en') || ctx.lang.startsWith('fr')) && k < tokens.length && !PUNCT_BREAK.test(text.slice(app[app.length - 1]?.end ?? 0, tokens[k]!.start));
    const endsClean = !clauseAfter && (k >= tokens.length || PUNCT_BREAK.test(text.slice(app[app.length - 1]?.end ?? 0, tokens[k]?.start ?? text.length)) || !CAPITALISED.test(tokens[k]?.text ?? 'a'));
    // (`Kellyanne Conway, Trump’s campaign manager`: a possessive opens a description, not a name.)
    if (app.length > 0 && words() <= 4 && CAPITALISED.test(app[app.length - 1]!.text) && endsClean && CAPITALISED.test(app[0]!.text) && !POSSESSIVE_S.test(app[app.length - 1]!.norm)) out.push(...app);
  }
  // `The leader of Ennahda, Rachid Ghannouchi,`, `A spokesman for the campaign, Jason Miller,`:
  // an English description of lower-case words and its `of`/`for` complement, then a name of two
  // to four capitalised words set off by commas — the name is the description's apposition, the
  // person speaking (`personName` keeps the name). The complement may run to ten words (`The
  // chairman of the committee on rural roads in the county, John Smith,`).
  if (!ctx.lang.startsWith('fr') && out.some((t) => !ARTICLES.has(t.norm)) && out.every((t) => !CAPITALISED.test(t.text) || ARTICLES.has(t.norm)) && ['of', 'for'].includes(tokens[j]?.norm ?? '')) {
    let k = j + 1;
    while (k < tokens.length && k <= j + 10 && !gapBreaks(text, tokens[k - 1]!, tokens[k]!)) k++;
    const comma = k < tokens.length && k > j + 1 && /^\s*,\s*$/u.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start));
    let e = k;
    while (comma && e < tokens.length && e < k + 4 && CAPITALISED.test(tokens[e]!.text) && !isHonorific(tokens[e]!.norm) && (e === k || !gapBreaks(text, tokens[e - 1]!, tokens[e]!))) e++;
    const closed = e === tokens.length || /^\s*,/u.test(text.slice(tokens[e - 1]!.end, tokens[e]!.start));
    if (comma && e - k >= 2 && closed && !POSSESSIVE_S.test(tokens[e - 1]!.norm)) {
      out.push(...tokens.slice(j, e));
      j = e;
    } else if ([RELATIONAL, SPOKESPEOPLE, lex.titles].some((role) => role.has(out[out.length - 1]!.norm))) {
      // With no name after it, a role and its complement are the subject as a whole when a verb
      // of saying follows (`The head of the agency said`: it gave `head`, a fragment).
      let c = j + 1;
      while (c < tokens.length && c <= j + 6 && !gapBreaks(text, tokens[c - 1]!, tokens[c]!) && !lex.speechVerbs.has(tokens[c]!.norm)) c++;
      // (A city's state set off by commas goes with it, outside the phrase: `the mayor of
      // Washington, DC, suggested` is the mayor of Washington.)
      const state = c > j + 1 && c + 1 < tokens.length && CAPITALISED.test(tokens[c - 1]!.text) && US_STATE_ASIDE.test(text.slice(tokens[c - 1]!.end, tokens[c + 1]!.start));
      const placeEnd = c;
      if (state) c += 1;
      // (Its auxiliaries and adverbs are the verb's: `a spokesman for Bernie Sanders could only quip`.)
      let e = c;
      while (e > j + 1 && (lex.skip.has(tokens[e - 1]!.norm) || AUXILIARIES.has(tokens[e - 1]!.norm))) e--;
      // (An auxiliary left inside is the predicate's: `… could only quip`.)
      if (e > j + 1 && c < tokens.length && lex.speechVerbs.has(tokens[c]!.norm) && (state || !gapBreaks(text, tokens[c - 1]!, tokens[c]!)) && !tokens.slice(j + 1, e).some((t) => AUXILIARIES.has(t.norm))) {
        out.push(...tokens.slice(j, state ? placeEnd : e));
        j = e;
      }
    }
  }
  // Drop a leading `with` (`with spokesman X saying`), determiners, and trailing skip words.
  // (Not a capitalised article inside the sentence before a capitalised word: it is the name's
  // own, `zei De Jong`, `ha detto La Russa`; it gave `Jong`, `Russa`.)
  const ownArticle = (t: Token): boolean => CAPITALISED.test(t.text) && /\p{L}[^\S\n]*[,]?[^\S\n]*$/u.test(text.slice(Math.max(0, t.start - 3), t.start)) && CAPITALISED.test(out[1]?.text ?? '') && !gapBreaks(text, t, out[1]!);
  while (out.length > 0 && (WITH.has(out[0]!.norm) || (lex.determiners.has(out[0]!.norm) && !ownArticle(out[0]!)))) out.shift();
  // (A written source is the phrase's noun, not a skipped word: `a statement [of the committee]`.)
  // (Not a capitalised word after a capitalised one, a surname: `Kristen Day`, `Mary Week` — it
  // gave `Kristen`; a weekday goes: `Trump Monday`, and a headline's adverb before its next
  // capitalised word: `Trump Just Announced`.)
  const next = tokens[j];
  const headlineWord = next !== undefined && out.length > 0 && CAPITALISED.test(next.text) && !gapBreaks(text, out[out.length - 1]!, next);
  const surnameWord = (k: number): boolean => k > 0 && !headlineWord && CAPITALISED.test(out[k]!.text) && CAPITALISED.test(out[k - 1]!.text) && !isCalendarWord(out[k]!.norm) && !gapBreaks(text, out[k - 1]!, out[k]!);
  // (Nor a capitalised word after `of` and its kin: `il capo dello Stato`, where `stato` is the
  // auxiliary's participle in lower case; it gave `capo dello`, refused.)
  const complementWord = (k: number): boolean => k > 0 && CAPITALISED.test(out[k]!.text) && OF_WORDS.has(out[k - 1]!.norm);
  while (out.length > 1 && lex.skip.has(out[out.length - 1]!.norm) && !lex.documents.has(out[out.length - 1]!.norm) && !surnameWord(out.length - 1) && !complementWord(out.length - 1)) out.pop();
  // A trailing participle is a reduced relative (`officials briefed [on the inquiry]`), not the noun.
  if (out.length > 1 && !ctx.lang.startsWith('fr') && /\p{L}{2,}ed$/u.test(out[out.length - 1]!.norm) && !CAPITALISED.test(out[out.length - 1]!.text)) out.pop();
  // So, in Spanish, Italian and Portuguese, a lower-case past participle right after a lower-case
  // noun opens one, with what follows it (`lamentaron los pensionistas concentrados frente al
  // Congreso` gave `pensionistas concentrados frente`): the phrase ends on the noun.
  const participle = PARTICIPLES.get(ctx.lang.slice(0, 2));
  if (participle) {
    const p = out.findIndex((t, k) => k > 0 && participle.test(t.norm) && !CAPITALISED.test(t.text) && !CAPITALISED.test(out[k - 1]!.text)
      && out[k - 1]!.norm.length > 3 && !ARTICLES.has(out[k - 1]!.norm) && !lex.determiners.has(out[k - 1]!.norm) && !lex.plurals.has(out[k - 1]!.norm) && !isStopword(out[k - 1]!.norm, ctx.lang) && !lex.titles.has(t.norm));
    if (p > 0) out.length = p;
  }
  if (out.length === 0) return null;
  return { span: { start: out[0]!.start, end: out[out.length - 1]!.end }, tokens: out };
}

/**
 * Past participles of Spanish, Portuguese (-ado, -ido) and Italian (-ato, -ito, -uto), in both
 * genders and numbers, folded: after a noun they open a reduced relative. (A noun of that form
 * right after another noun — `el diputado`, `il sindacato` — follows an article or a preposition.)
 */
const PARTICIPLES = new Map([
  ['es', /\p{L}{2}[ai]d[oa]s?$/u],
  ['pt', /\p{L}{2}[ai]d[oa]s?$/u],
  ['it', /\p{L}{2}[aiu]t[oaie]$/u],
]);

/**
 * Whether `tokens[k]`, `on` or `and` between capitalised words, is inside an organisation's name:
 * `on` right after an organisation noun (`Committee on Intelligence`, `Council on Foreign
 * Relations`), `and` after such a noun and its `of`/`on`/`for` complement (`Committee on
 * Intelligence and Security`, `Department of Health and Human Services`) — not between two names
 * (`Trump and Clinton`).
 */
function organisationNameWord(ctx: QuoteContext, tokens: readonly Token[], k: number): boolean {
  const t = tokens[k]!;
  const prev = tokens[k - 1];
  const next = tokens[k + 1];
  if (ctx.lang.startsWith('fr') || !prev || !next || !CAPITALISED.test(prev.text) || !CAPITALISED.test(next.text) || gapBreaks(ctx.text, prev, t) || gapBreaks(ctx.text, t, next)) return false;
  const organisationHead = (i: number): boolean => CAPITALISED.test(tokens[i]!.text) && ctx.lex.organisations.has(tokens[i]!.norm);
  if (t.norm === 'on') return organisationHead(k - 1);
  if (t.norm !== 'and') return false;
  for (let i = k - 1; i > 0 && k - i <= 6; i--) {
    if (gapBreaks(ctx.text, tokens[i - 1]!, tokens[i]!)) return false;
    if (['of', 'on', 'for'].includes(tokens[i]!.norm) && organisationHead(i - 1)) return true;
    if (!CAPITALISED.test(tokens[i]!.text) && !['of', 'on', 'for'].includes(tokens[i]!.norm)) return false;
  }
  return false;
}

/** The issuer of a source document named in `tokens` (`dans un communiqué … du Kremlin`). */
function documentOwner(ctx: QuoteContext, tokens: Token[]): { span: Span; tokens: Token[] } | null {
  const { lex } = ctx;
  const d = tokens.findIndex((t) => lex.documents.has(t.norm));
  if (d < 0) return null;
  for (let k = d + 1; k < tokens.length && k < d + 10; k++) {
    const t = tokens[k]!;
    // (An agent is the issuer: `un message adressé par les journalistes`, `a statement issued by
    // the campaign`; a recipient's complement is not: `… à la direction de la chaîne` gave `chaîne`.)
    // (An agent that names no one a reader can see — `released by each office` — leaves the
    // document itself as the source.)
    if (['par', 'by'].includes(t.norm)) {
      const np = nounPhrase(ctx, tokens, k + 1);
      const cut = np ? np.tokens.findIndex((x, i) => i > 0 && recipientWord(ctx, x)) : -1;
      const agent = np && cut > 0 ? { span: { start: np.span.start, end: np.tokens[cut - 1]!.end }, tokens: np.tokens.slice(0, cut) } : np;
      return agent && isSpeakerPhrase(ctx, ctx.text.slice(agent.span.start, agent.span.end), agent.span) ? agent : null;
    }
    if (recipientWord(ctx, t)) return null;
    if (['du', 'des', 'of', 'from'].includes(t.norm) || GENITIVES_OF.get(ctx.lang.slice(0, 2))?.has(t.norm) || (t.norm === 'de' && tokens[k + 1] && (["la", "l'"].includes(tokens[k + 1]!.norm) || CAPITALISED.test(tokens[k + 1]!.text)))) {
      const np = nounPhrase(ctx, tokens, k + 1);
      if (np) return np;
    }
  }
  return null;
}

/**
 * The words of other languages that open a document's issuer after it, as `du`, `des`, `of` do
 * (`in una nota del ministero`, `in einer Erklärung der Gewerkschaft`), folded.
 */
const GENITIVES_OF = new Map([
  ['it', new Set(['del', 'della', 'dello', "dell'", 'dei', 'degli', 'delle', 'di'])],
  ['es', new Set(['del'])],
  ['pt', new Set(['do', 'da', 'dos', 'das'])],
  ['de', new Set(['der', 'des'])],
  ['nl', new Set(['van'])],
  // (Danish `af`, Norwegian and Swedish `av`, `for`/`för`, `til`/`till`: `formand for FH`,
  // `sønnen af X`; Romanian `lui` and the possessive articles: `fiul lui X`, `un consilier al X`.
  // Romanian `a` is left out: it is the auxiliary of `a declarat` too.)
  ['da', new Set(['af', 'for', 'til'])],
  ['no', new Set(['av', 'for', 'til'])],
  ['sv', new Set(['av', 'for', 'till'])],
  ['ro', new Set(['lui', 'al', 'ai', 'ale'])],
]);

/** `à`, `au`, `aux`, `to`: the word opening a recipient (`adressé à la direction`, `sent to the board`). */
function recipientWord(ctx: QuoteContext, t: Token): boolean {
  return ctx.lang.startsWith('fr') ? ['à', 'au', 'aux'].includes(t.text.toLowerCase()) : t.norm === 'to';
}

function isDocumentOnly(ctx: QuoteContext, np: { tokens: Token[] }): boolean {
  const nouns = np.tokens.filter((t) => !ARTICLES.has(t.norm));
  return nouns.length === 1 && ctx.lex.documents.has(nouns[0]!.norm);
}

function inherit(ctx: QuoteContext, previous: readonly Quote[], fits: (speaker: Span) => boolean = () => true): SpeakerFound | null {
  // The earliest of the unattributed quotations right before, one after the other.
  let unknown: Quote | null = null;
  for (let k = previous.length - 1; k >= 0; k--) {
    const q = previous[k]!;
    if (q.start >= ctx.open.start) continue;
    if (ctx.open.start - q.end > INHERIT_WINDOW) break;
    if (q.speaker && q.speakerSpan && fits(q.speakerSpan)) {
      // A reported quotation whose speaker is unknown, right before (`Elle ne porte pas de gilet.
      // «…» Elle poursuit: «…»`), breaks the chain: who speaks since is unknown too — unless
      // nothing but quotations and their sentences stands between it and the speaker's own
      // (`«A», a poursuivi M. Le Maire. Ces forces «B». «C», a-t-il ajouté.`: B goes on with A).
      if (unknown && narrationBetween(ctx, previous, q.marks.close.end, unknown.marks.open.start)) return null;
      return { speaker: q.speaker, speakerSpan: q.speakerSpan, mention: null, cue: null };
    }
    if (!q.speaker && q.kind === 'reported' && q.depth === 0 && (unknown ? unknown.marks.open.start : ctx.open.start) - q.marks.close.end < ADJACENT) unknown = q;
  }
  return null;
}

/**
 * Whether a whole sentence with no reported quotation stands between `from` and `to` (narration;
 * a title or a name in quotation marks is narration too: `«Une chance» Pour la première fois, le
 * chef de l'Etat a nommé les «gilets jaunes».`).
 */
function narrationBetween(ctx: QuoteContext, previous: readonly Quote[], from: number, to: number): boolean {
  const gap = ctx.text.slice(from, to);
  const ends = [...gap.matchAll(/[.!?…]\s+/gu)].map((m) => from + m.index + m[0].length);
  for (let i = 0; i + 1 < ends.length; i++) {
    const [a, b] = [ends[i]!, ends[i + 1]!];
    if (/\p{L}/u.test(ctx.text.slice(a, b)) && !quotesFrom(previous, a).some((q) => q.start < b && q.kind === 'reported' && q.depth === 0 && q.end <= b)) return true;
  }
  return false;
}

function found(ctx: QuoteContext, np: { span: Span }, cue: Token | null): SpeakerFound {
  return { speaker: ctx.text.slice(np.span.start, np.span.end), speakerSpan: np.span, mention: np.span, cue: cue ? { start: cue.start, end: cue.end } : null };
}

/** Titles of address that tell a person's gender, for `he`/`she`, `il`/`elle`. */
const MASCULINE = wordsOfEveryLanguage('masculineTitles');
const FEMININE = wordsOfEveryLanguage('feminineTitles');
/** Personal pronouns of one person (an inverted `il` of `a-t-il dit` is one too), with their gender. */
const PERSONAL = new Map([
  ...[...wordsOfEveryLanguage('masculinePronouns')].map((w) => [w, 'm'] as const),
  ...[...wordsOfEveryLanguage('femininePronouns')].map((w) => [w, 'f'] as const),
]);

/** An organisation: one of its words is an organisation noun of the lexicon, or it is one acronym (`FBI`, `CGT`). */
function isOrganisation(ctx: QuoteContext, speaker: string): boolean {
  const words = speaker.split(/[\s’'-]+/u).filter((w) => w.length > 0);
  // A title and a name after the organisation's words name its officer, a person (`House
  // Majority Leader Kevin McCarthy`, `White House spokesman Josh Earnest`).
  const title = words.findLastIndex((w) => ctx.lex.titles.has(fold(w)) || SPOKESPEOPLE.has(fold(w)) || isHonorific(w, true));
  if (title >= 0 && title < words.length - 1 && words.slice(title + 1).every((w) => CAPITALISED.test(w))) return false;
  return words.some((w) => ctx.lex.organisations.has(fold(w))) || (words.length === 1 && /^\p{Lu}{2,}$/u.test(words[0]!));
}
/** Words of a spokesperson's role, before their name (`spokesman Josh Earnest`). */
const SPOKESPEOPLE = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'porte-parole']);

/**
 * Whether `he`/`she` (il/elle) can name `speaker`: one person — not an organisation, not a
 * written source (`documents released by WikiLeaks`), not a plural (`ses avocats`, `the
 * lawyers`) — of no other gender by their title or, in French, by their article (`la
 * présidente`, `une manifestante`, `du ministre`).
 */
function fitsPronoun(ctx: QuoteContext, pronoun: string, span: Span): boolean {
  const speaker = ctx.text.slice(span.start, span.end);
  if (isOrganisation(ctx, speaker)) return false;
  const words = tokenize(speaker, ctx.lang);
  if (words.some((t) => ctx.lex.documents.has(t.norm))) return false;
  // The article the speaker phrase dropped (`la` of `demande la présidente`), else its first word.
  const dropped = wordBefore(ctx, span);
  const first = ARTICLES.has(dropped) || ctx.lex.plurals.has(dropped) || ctx.lex.determiners.has(dropped) ? dropped : words[0]?.norm ?? '';
  // An English plural head: the first lower-case word, ending in -s (not -ss, -us, -is: `boss`, `census`, `analysis`).
  const head = words.find((t) => /^\p{Ll}+$/u.test(t.text) && !ARTICLES.has(t.norm) && !ctx.lex.determiners.has(t.norm));
  if (ctx.lex.plurals.has(first) || (head !== undefined && !ctx.lang.startsWith('fr') && /[^siu]s$/u.test(head.norm))) return false;
  const title = fold(speaker.split(/[\s.]+/u)[0] ?? '');
  // (A possessive is the name's mention too: `Sanders's plan` is his.)
  const name = speaker.split(/[\s.,]+/u).filter((w) => CAPITALISED.test(w)).pop()?.replace(/['’]s?$/u, '');
  // (`du`, `au` hold a masculine article: `les annonces du premier ministre`; an adjective before
  // a French title tells its gender too: `le premier ministre`, `la nouvelle ministre`.)
  const gender = MASCULINE.has(title) || ctx.lex.masculineArticles.has(first) ? 'm'
    : FEMININE.has(title) || ctx.lex.feminineArticles.has(first) ? 'f'
    : (ctx.lang.startsWith('fr') ? genderOfWordFr(ctx, dropped) : null) ?? (name && gendersOf(ctx).get(name)) ?? null;
  return gender === null || gender === PERSONAL.get(pronoun);
}

/** French adjectives set before a title whose form tells the gender (accents folded). */
const MASCULINE_ADJECTIVES_FR = new Set(['premier', 'nouveau', 'nouvel', 'ancien', 'dernier']);
const FEMININE_ADJECTIVES_FR = new Set(['premiere', 'nouvelle', 'ancienne', 'derniere']);

/** The gender a French word before a title gives it (`la`, `une`, `du`, `au`, `premier`, `ancienne`: accents folded), or null. */
function genderOfWordFr(ctx: QuoteContext, w: string): 'm' | 'f' | null {
  if (ctx.lex.masculineArticles.has(w) || w === 'du' || w === 'au' || MASCULINE_ADJECTIVES_FR.has(w)) return 'm';
  if (ctx.lex.feminineArticles.has(w) || FEMININE_ADJECTIVES_FR.has(w)) return 'f';
  return null;
}

/** Pronouns that are `she` or `they` by their verb's number, by language. */
const SHE_OR_THEY = new Map([['de', new Set(['sie'])], ['nl', new Set(['zij', 'ze'])]]);

/** Pronouns of a group or an organisation: `it said`, `they wrote`. */
const GROUP_PRONOUNS = new Set(['it', 'they', 'ils', 'elles']);

/**
 * Whether `it` can name `span`: an organisation (`it said in a statement` after `The Food
 * Standards Agency warned…`); `they` also a plural (`Republican senators`, `the lawyers`, `ses
 * avocats`), never one person named.
 */
function fitsGroup(ctx: QuoteContext, pronoun: string, span: Span): boolean {
  const speaker = ctx.text.slice(span.start, span.end);
  if (isOrganisation(ctx, speaker)) return true;
  if (!['they', 'ils', 'elles'].includes(pronoun)) return false;
  const words = tokenize(speaker, ctx.lang);
  const dropped = wordBefore(ctx, span);
  const head = words.filter((t) => /^\p{Ll}+$/u.test(t.text) && !ARTICLES.has(t.norm) && !ctx.lex.determiners.has(t.norm)).pop();
  return ctx.lex.plurals.has(dropped) || (words[0] !== undefined && ctx.lex.plurals.has(words[0].norm)) || (head !== undefined && /[^siu]s$/u.test(head.norm));
}

/** How many characters of a verb of saying `gendersOf` reads before trying its expression. */
const SAID_HEAD = 3;
/** The verbs of saying after which `gendersOf` reads a pronoun for the name before them. */
const SAID = ['said', 'says', 'told', 'tells', 'added', 'argued', 'insisted', 'noted', 'claimed', 'wrote', 'a dit', 'a affirmé', 'a déclaré', 'a estimé', 'a assuré', 'a expliqué', 'a indiqué', 'a précisé', 'dit', 'affirme', 'estime', 'assure', 'explique', 'indique', 'précise'];
/** What one of them opens on: a capital's word followed by a space and none of these is no match. */
const SAID_HEADS = new Set(SAID.map((w) => w.slice(0, SAID_HEAD)));

/**
 * The gender the article itself gives a name, where it reports that person's words with a
 * pronoun for the same person (`Trump said he…`, `Clinton told reporters that she…`, `Macron a
 * affirmé qu'il…`); a name given both is left out. Found once per text.
 */
let genderCache: { text: string; genders: Map<string, string> } = { text: '', genders: new Map() };
function gendersOf(ctx: QuoteContext): Map<string, string> {
  if (genderCache.text !== ctx.text) {
    const genders = new Map<string, string>();
    const mixed = new Set<string>();
    const verbs = `(?:${SAID.join('|')})`;
    // (Each expression opens on an upper-case letter: tried only there, `upperCaseMatches`.)
    const pattern = new RegExp(`(?<![\\p{L}])(\\p{Lu}[\\p{L}'’-]+) ${verbs}(?: (?:\\p{Ll}+ )?(?:that|que|qu['’]))? ?(he|she|il|elle)(?![\\p{L}])`, 'uy');
    // (The name's word is its run whole, followed by one space and a verb: tried only there.)
    for (const m of upperCaseMatches(ctx.text, pattern, (text, _start, end) => text.charCodeAt(end) === 0x20 && SAID_HEADS.has(text.slice(end + 1, end + 1 + SAID_HEAD)))) {
      const gender = PERSONAL.get(m[2]!.toLowerCase());
      if (!gender) continue;
      if (genders.has(m[1]!) && genders.get(m[1]!) !== gender) mixed.add(m[1]!);
      genders.set(m[1]!, gender);
    }
    // A French name set off before an indefinite description tells its gender by the article
    // (`Marie, une retraitée`, `Jean, un chauffeur`).
    if (ctx.lang.startsWith('fr')) {
      for (const m of upperCaseMatches(ctx.text, /(?<![\p{L}])(\p{Lu}[\p{L}'’-]+),\s+(un|une)\s+\p{Ll}/uy, (text, _start, end) => text.charCodeAt(end) === 0x2c)) {
        const gender = m[2] === 'une' ? 'f' : 'm';
        if (genders.has(m[1]!) && genders.get(m[1]!) !== gender) mixed.add(m[1]!);
        genders.set(m[1]!, gender);
      }
    }
    // A title of address tells the gender of the name after it anywhere in the article (`Ms.
    // Clinton`, `Mr. Sanders`, `Mme Hidalgo`; the French `M.` only in French, where it is no initial).
    for (const m of upperCaseMatches(ctx.text, /(?<![\p{L}.])(\p{Lu}\p{Ll}{0,7})\.?\s+(?:\p{Lu}[\p{L}'’-]*\.?\s+){0,2}(\p{Lu}[\p{L}'’-]*\p{Ll})(?![\p{L}'’-])/uy, titleBeforeName)) {
      const title = fold(m[1]!).toLowerCase();
      if (title === 'm' && !ctx.lang.startsWith('fr')) continue;
      const gender = MASCULINE.has(title) ? 'm' : FEMININE.has(title) ? 'f' : null;
      if (!gender) continue;
      if (genders.has(m[2]!) && genders.get(m[2]!) !== gender) mixed.add(m[2]!);
      genders.set(m[2]!, gender);
    }
    for (const name of mixed) genders.delete(name);
    genderCache = { text: ctx.text, genders };
  }
  return genderCache.genders;
}

/**
 * `assure-t-on à Matignon`, `a-t-on appris auprès du parquet`, `avait-on expliqué mercredi à la
 * préfecture`: the `on` of an inverted cue speaks for the institution where the words were
 * gathered — a name or an organisation noun after `à` / `au` / `auprès de`, adverbs and time words
 * aside. Null otherwise.
 */
function placeOfOn(ctx: QuoteContext, context: readonly Token[]): { span: Span; tokens: Token[] } | null {
  let k = 0;
  while (k < context.length && k < 4 && ((ctx.lex.skip.has(context[k]!.norm) && !['a', 'au'].includes(context[k]!.norm)) || ctx.lex.impersonal.has(context[k]!.norm))) k++;
  const at = context[k];
  if (!at || !['à', 'a', 'au', 'aux', 'aupres'].includes(at.norm) || (k > 0 && gapBreaks(ctx.text, context[k - 1]!, at))) return null;
  let n = k + 1;
  if (at.norm === 'aupres' && ['de', 'du', 'des', "d'"].includes(context[n]?.norm ?? '')) n++;
  const np = context[n] && !gapBreaks(ctx.text, at, context[n]!) ? nounPhrase(ctx, [...context], n) : null;
  return np && np.tokens.some((t) => CAPITALISED.test(t.text) || ctx.lex.organisations.has(t.norm)) ? np : null;
}

/** Resolve a noun phrase that names no one (pronoun, bare document) to an earlier speaker; null when none fits. */
/** Verbs of answering: their pronoun subject is the one asked just before. */
const REPLIES = new Set(['replied', 'replies', 'answered', 'answers', 'responded', 'responds', 'retorted', 'répondu', 'répond', 'rétorqué', 'rétorque']);
/** `Sean Hannity asked Trump about the polls`, `Le juge a demandé à Jean Moreau`: the person asked. */
const ASKED = /(?<![\p{L}])(?:asked|pressed|questioned|demandé à|interrogé)\s+((?:\p{Lu}[\p{L}'’-]*\.?\s+){0,3}\p{Lu}[\p{L}'’-]+)/gu;

/**
 * `Sean Hannity asked Trump about the polls. “They are rigged,” he replied.`: the pronoun of a
 * verb of answering is the person asked in the sentence before the quotation's, not that
 * sentence's subject (who asked) — when exactly one person fitting the pronoun was asked there.
 */
function askedPerson(ctx: QuoteContext, fits: (speaker: Span) => boolean): Span | null {
  const index = firstSentenceAfter(ctx, ctx.sentence.start - 1);
  const previous = ctx.sentences[index - 1];
  if (!previous || previous.end > ctx.open.start) return null;
  const found: Span[] = [];
  for (const m of ctx.text.slice(previous.start, previous.end).matchAll(ASKED)) {
    const start = previous.start + m.index + m[0].length - m[1]!.length;
    const span = { start, end: start + m[1]!.length };
    if (fits(span) && !isOrganisation(ctx, m[1]!)) found.push(span);
  }
  return found.length === 1 ? found[0]! : null;
}

/** `l'intéressé(e)`, the person concerned (accents folded), and the pronoun it stands for. */
const CONCERNED = new Map([['interesse', 'il'], ['interessee', 'elle']]);
/** French verbs of reading (accents folded): `lit-on`, `pouvait-on lire`. */
const READING = new Set(['lire', 'lit', 'lisait', 'lu', 'lisent', 'lisaient']);

/** The `il` of an impersonal passive (`est-il précisé`, `était-il indiqué`: `it is stated`), no person. */
function impersonalIl(ctx: QuoteContext, span: Span): boolean {
  return /(?:est|était|sera|serait)[-\u2011]$/iu.test(ctx.text.slice(Math.max(0, span.start - 8), span.start));
}

function resolve(ctx: QuoteContext, np: { span: Span; tokens: Token[] }, cue: Token | null, previous: readonly Quote[], context: Token[]): SpeakerFound | null {
  let word = np.tokens.length === 1 ? np.tokens[0]!.norm : '';
  // German `sie`, Dutch `zij`/`ze`: `she` with a singular verb (`sagte sie`, `zei ze`), `they`
  // with a plural one (`sagten sie`, `zeiden ze`: the plural ends in -en in both).
  const sheOrThey = cue !== null && SHE_OR_THEY.get(ctx.lang.slice(0, 2))?.has(word) === true;
  if (sheOrThey) word = /en$/u.test(cue.norm) ? 'they' : 'she';
  // `a précisé l'intéressé`: the person concerned, named before, found as `il`/`elle` would be;
  // else the word as written.
  const concerned = CONCERNED.get(word);
  if (concerned) return resolve(ctx, { ...np, tokens: [{ ...np.tokens[0]!, norm: concerned }] }, cue, previous, context) ?? found(ctx, np, cue);
  // `est-il précisé`, `était-il indiqué`: the impersonal il of a passive (`it is stated`), not a person.
  if (word === 'il' && impersonalIl(ctx, np.span)) word = 'on';
  const pronoun = ctx.lex.impersonal.has(word) || sheOrThey;
  // `selon les mots de Christophe Castaner`, `a statement of the committee`: the issuer.
  // (Lower-case modifiers may stand before it: `a fundraising email sent out by Sanders` gave the
  // whole phrase.)
  const d = np.tokens.findIndex((t) => ctx.lex.documents.has(t.norm));
  const head = d >= 0 && np.tokens.slice(0, d).every((t) => ARTICLES.has(t.norm) || (!CAPITALISED.test(t.text) && !isStopword(t.norm, ctx.lang))) ? np.tokens[d] : np.tokens.find((t) => !ARTICLES.has(t.norm));
  const issuer = head && ctx.lex.documents.has(head.norm) ? documentOwner(ctx, np.tokens) : null;
  if (issuer && !isDocumentOnly(ctx, issuer)) return found(ctx, issuer, cue);
  if (!pronoun && !isDocumentOnly(ctx, np)) return found(ctx, np, cue);
  const cueSpan = cue ? { start: cue.start, end: cue.end } : null;
  // `a-t-on précisé dans un communiqué du ministère`: the issuer; but `she said in the video` is she.
  const owner = PERSONAL.has(word) ? null : documentOwner(ctx, context) ?? (word === 'on' ? placeOfOn(ctx, context) : null);
  if (owner && !isDocumentOnly(ctx, owner)) return found(ctx, owner, cue);
  if (!PERSONAL.has(word)) {
    const issuer = pronoun ? null : documentIntroducer(ctx, previous);
    if (issuer) return { speaker: ctx.text.slice(issuer.start, issuer.end), speakerSpan: issuer, mention: np.span, cue: cueSpan };
    // `it said in a statement` names an organisation, never a person: the previous speaker or the
    // last subject named since, of that kind; else unknown (`they` names a group, or several).
    if (GROUP_PRONOUNS.has(word)) {
      const fits = (speaker: Span): boolean => fitsGroup(ctx, word, speaker);
      const prev = inherit(ctx, previous, fits);
      const named = namedSubject(ctx, previous, fits);
      if (named && (!prev || named.start > prev.speakerSpan.start)) return { speaker: ctx.text.slice(named.start, named.end), speakerSpan: named, mention: np.span, cue: cueSpan };
      return prev ? { ...prev, mention: np.span, cue: cueSpan } : null;
    }
    // `pouvait-on lire sur une banderole`: what `on` reads is written where the sentence says, by
    // no one the article quoted before (it went on with the previous speaker); read in a document
    // (`lit-on dans le communiqué`), it is that document's issuer's, as below.
    if (word === 'on' && cue && READING.has(cue.norm) && !context.some((t) => ctx.lex.documents.has(t.norm))) return null;
    // A document the sentence introduces (`according to a report`, `according to reports`) is no
    // earlier speaker's (it gave the minister quoted the sentence before): the phrase as written,
    // or unknown for a bare plural, which names no one.
    const first = np.tokens[0]!;
    if (!pronoun && INDEFINITE.has(first.norm)) return found(ctx, np, cue);
    // (Bare: the cue right before the noun, no article; `said the statements` are known ones.)
    const bare = cue !== null && ctx.lex.according.has(fold(ctx.text.slice(cue.start, np.span.start)).trim().toLowerCase());
    if (!pronoun && bare && np.tokens.length === 1 && /\p{L}s$/u.test(first.norm)) return null;
    const prev = inherit(ctx, previous);
    // A bare document (`selon le communiqué`) names its issuer by itself when no one was quoted.
    return prev ? { ...prev, mention: np.span, cue: cueSpan } : pronoun ? null : found(ctx, np, cue);
  }
  // `he`/`she` names a person: the previous speaker of the right kind, or a person named as a
  // sentence's subject after that speaker (`Debra Steger, a former negotiator, sees… “…,” she
  // told AFP`); never an organisation, never someone of the other gender by title.
  const fits = (speaker: Span): boolean => fitsPronoun(ctx, word, speaker);
  const asked = cue && REPLIES.has(cue.norm) ? askedPerson(ctx, fits) : null;
  if (asked) return { speaker: ctx.text.slice(asked.start, asked.end), speakerSpan: asked, mention: np.span, cue: cueSpan };
  const here = dislocatedTopic(ctx, np.span, fits) ?? mainClauseSubject(ctx, np.span, fits) ?? sentenceSubject(ctx, np.span, fits);
  if (here) return { speaker: ctx.text.slice(here.start, here.end), speakerSpan: here, mention: np.span, cue: cueSpan };
  const prev = inherit(ctx, previous, fits);
  // No earlier speaker fits and no one is named since the last quotation: the last person named
  // as a sentence's subject before it, in the window (Hobbs: back sentence by sentence) — unless
  // an unattributed quotation right before breaks the chain (see `inherit`).
  // (A quotation left unknown by a rule although its sentence has a cue and a subject before it —
  // `Mitt Romney said he has held it since he “started running”` — is attributed, only not
  // surely: it does not break the chain.)
  const broken = brokenChain(ctx, previous);
  const named = namedSubject(ctx, previous, fits) ?? (prev || broken ? null : namedSubject(ctx, previous, fits, true));
  // The last quotation before, left unknown as words reported through another's report
  // (`Israel said Clinton called on members to be “…”`: one of the two spoke, the sentence does
  // not tell which), names two people the pronoun may take up: unless someone is named after it,
  // the pronoun is no surer than that quotation (it went back to the speaker before, or to the
  // first of the two, `Israel`, for `She added…`).
  const last = previous.findLast((q) => q.depth === 0 && q.kind === 'reported' && q.marks.close.end <= ctx.open.start);
  const candidate = named ?? prev?.speakerSpan;
  if (candidate && last && !last.speaker && candidate.start < last.marks.close.end && !/["“”«»]/u.test(ctx.text.slice(last.marks.close.end, ctx.open.start)) && reportedClauseBefore(ctx, last)) return null;
  if (named && (!prev || named.start > prev.speakerSpan.start)) {
    // A surname alone (`Moreau`) of someone quoted before in full takes that full name.
    const surname = ctx.text.slice(named.start, named.end);
    // (A name: capitalised words, a title or a particle before the surname — not a phrase that
    // ran into a clause, `White America embracing Obama`, given to an earlier quotation.)
    const full = previous.findLast((q) => q.speaker !== null && q.speakerSpan !== null && q.speaker.trim().endsWith(` ${surname}`) && wholeName(ctx, q.speaker));
    // (That full mention may tell a gender the bare name did not: `le premier ministre Paul X`.)
    if (full && !fits(full.speakerSpan!)) return null;
    if (full) return { speaker: full.speaker!, speakerSpan: full.speakerSpan!, mention: np.span, cue: cueSpan };
    return { speaker: surname, speakerSpan: named, mention: np.span, cue: cueSpan };
  }
  return prev ? { ...prev, mention: np.span, cue: cueSpan } : null;
}

/**
 * Whether an unattributed reported quotation closing right before this one (ADJACENT), not cued
 * before it, breaks the chain of speakers. Read back from the last quotation: the quotations of
 * depth 0 close in text order, so the reading stops at the first closing earlier (it read every
 * quotation of the text for each one).
 */
function brokenChain(ctx: QuoteContext, previous: readonly Quote[]): boolean {
  for (let k = previous.length - 1; k >= 0; k--) {
    const q = previous[k]!;
    if (q.depth !== 0) continue;
    if (ctx.open.start - q.marks.close.end >= ADJACENT) return false;
    if (!q.speaker && q.kind === 'reported' && q.start < Math.min(ctx.open.start, ctx.sentence.start) && !cuedBefore(ctx, q)) return true;
  }
  return false;
}

/**
 * The quotations of `quotes` starting at or after `at`: a suffix, since they are in text order
 * (their starts increase; binary search).
 */
export function quotesFrom(quotes: readonly Quote[], at: number): readonly Quote[] {
  let lo = 0;
  let hi = quotes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (quotes[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? quotes : quotes.slice(lo);
}

/** Whether the sentence of quotation `q` has a verb of saying before it, after a capitalised word. */
function cuedBefore(ctx: QuoteContext, q: Quote): boolean {
  const sentence = ctx.sentences[firstSentenceAfter(ctx, q.marks.open.start) - 1];
  if (!sentence || sentence.start > q.marks.open.start) return false;
  const head = tokenize(ctx.text.slice(sentence.start, q.marks.open.start), ctx.lang);
  const v = head.findIndex((t) => ctx.lex.speechVerbs.has(t.norm) && !ctx.lex.according.has(t.norm));
  return v > 0 && head.slice(0, v).some((t) => CAPITALISED.test(t.text));
}

/**
 * `Senator Ann Lowe toured the plant, where she called the cuts “…”`: a pronoun opening a
 * subordinate clause names the subject of the main clause before it (Hobbs 1978 searches the
 * pronoun's own sentence first) — a name opening the sentence, its verb after it, and no other
 * capitalised word between the name and the pronoun that could be the referent. Null otherwise.
 */
function mainClauseSubject(ctx: QuoteContext, pronoun: Span, fits: (speaker: Span) => boolean): Span | null {
  const head = ctx.before.filter((t) => t.end <= pronoun.start);
  const sub = head[head.length - 1];
  if (!sub || !ctx.lex.subordinators.has(sub.norm) || head[0]!.start - ctx.sentence.start > 2 || /["“”«»]/u.test(ctx.text.slice(ctx.sentence.start, sub.start))) return null;
  const run = leadingName(ctx, head) ?? knownSurname(ctx, head);
  if (!run) return null;
  const rest = head.slice(head.indexOf(run[run.length - 1]!) + 1, -1);
  if (rest.length === 0 || rest.some((t) => CAPITALISED.test(t.text))) return null;
  const span = { start: run[0]!.start, end: run[run.length - 1]!.end };
  return fits(span) ? span : null;
}

/**
 * `Hillary Clinton isn't rattled by her losses — in fact, she said it “humanizes” her`: a pronoun
 * later in a sentence that opens on a name (its subject) names that person (Hobbs 1978 searches
 * the pronoun's own sentence first, left to right), when nothing between them could be the
 * referent: no other name that fits the pronoun (two capitalised words, or a surname the article
 * named in full), no title or role (`the governor`), no quotation. Null otherwise.
 */
function sentenceSubject(ctx: QuoteContext, pronoun: Span, fits: (speaker: Span) => boolean): Span | null {
  let head = ctx.before.filter((t) => t.end <= pronoun.start);
  // (The pronoun may attribute the quotation itself, right after it: `Brian Fallon fired back:
  // “…,” he wrote` — it gave the subject of the sentence before. Then the words read are those
  // before the quotation; no other quotation may stand between.)
  const attributing = pronoun.start >= ctx.close.end && /^[\s,—–-]*$/u.test(ctx.text.slice(ctx.close.end, pronoun.start));
  const read = attributing ? ctx.text.slice(ctx.sentence.start, ctx.open.start) : ctx.text.slice(ctx.sentence.start, pronoun.start);
  if (!head[0] || head[0].start - ctx.sentence.start > 2 || /["“”«»]/u.test(read)) return null;
  head = head.slice(openingAdverbialEnd(ctx, head));
  // (`leadingName` reads past an article and a title to the name: `Le ministre Paul Hanin`.)
  const run = leadingName(ctx, head) ?? knownSurname(ctx, head);
  if (!run) return null;
  const rest = head.slice(head.indexOf(run[run.length - 1]!) + 1);
  if (rest.length < 2) return null;
  const known = surnames(ctx);
  const gender = PERSONAL.get(fold(ctx.text.slice(pronoun.start, pronoun.end)).toLowerCase());
  for (let k = 0; k < rest.length; k++) {
    const t = rest[k]!;
    // (The text's own language's pronouns: the Italian article `il` is no French `he`.)
    const otherPronoun = PERSONAL.has(t.norm) && PERSONAL.get(t.norm) !== gender && (wordsOfLanguage('masculinePronouns', ctx.lang).has(t.norm) || wordsOfLanguage('femininePronouns', ctx.lang).has(t.norm));
    if (ctx.lex.titles.has(t.norm) || SPOKESPEOPLE.has(t.norm) || isHonorific(t.norm) || otherPronoun) return null;
    if (!CAPITALISED.test(t.text) || isCalendarWord(t.norm)) continue;
    let e = k;
    while (e + 1 < rest.length && CAPITALISED.test(rest[e + 1]!.text) && !gapBreaks(ctx.text, rest[e]!, rest[e + 1]!)) e++;
    const span = { start: t.start, end: rest[e]!.end };
    // (A possessive is a mention too: `Blackwell pointed to Cruz’s record, noting that he`.)
    const name = e > k || (known.get(t.text.replace(/['’]s?$/u, '')) ?? Infinity) < t.start;
    if (name && !isOrganisation(ctx, ctx.text.slice(span.start, span.end)) && fits(span)) return null;
    k = e;
  }
  const span = { start: run[0]!.start, end: run[run.length - 1]!.end };
  return fits(span) ? span : null;
}

/**
 * `Quant à Jean Dupont, le chef du parti, il a appelé…`, `As for Senator Ann Lowe, she said…`: a
 * name set out at the head of the sentence (left dislocation: Lambrecht 1994; `quant à`, `as
 * for`) is the topic the main clause's pronoun takes up, right after the comma that closes it.
 * The name (two capitalised words at least, or a surname the article named in full), or null.
 */
function dislocatedTopic(ctx: QuoteContext, pronoun: Span, fits: (speaker: Span) => boolean): Span | null {
  const head = ctx.before.filter((t) => t.end <= pronoun.start);
  const [a, b] = head;
  if (!a || !b || head.length < 3 || a.start - ctx.sentence.start > 2 || !/,\s*$/u.test(ctx.text.slice(head[head.length - 1]!.end, pronoun.start))) return null;
  if (!((a.norm === 'quant' && ['a', 'à', 'au'].includes(b.norm)) || (a.norm === 'as' && b.norm === 'for'))) return null;
  const rest = head.slice(2);
  const run = leadingName(ctx, rest) ?? knownSurname(ctx, rest);
  if (!run || run[0] !== rest[0] || !/^\s*,/u.test(ctx.text.slice(run[run.length - 1]!.end))) return null;
  const span = { start: run[0]!.start, end: run[run.length - 1]!.end };
  return fits(span) ? span : null;
}

/**
 * `The Coalition sent Ryan a letter on Monday. “…,” the letter states.`: a bare document is the
 * one the nearest earlier sentence (since the last quotation) brought in with an indefinite
 * article or a possessive (`a letter`, `an ad of its own`, `un communiqué`), and its issuer that
 * sentence's subject when the subject is a name (capitalised words, an organisation noun after
 * them: `The Romney campaign`). Null when no such sentence, or its subject is no name.
 */
function documentIntroducer(ctx: QuoteContext, previous: readonly Quote[]): Span | null {
  const { text, lex } = ctx;
  const last = previous.findLast((q) => q.depth === 0 && q.end <= ctx.sentence.start);
  const from = Math.max(last ? last.marks.close.end : 0, ctx.sentence.start - INHERIT_WINDOW, 0);
  const starts = [from, ...sentenceStarts(ctx, from, ctx.sentence.start)];
  for (let i = starts.length - 1; i >= 0; i--) {
    const end = i + 1 < starts.length ? starts[i + 1]! : ctx.sentence.start;
    const head = tokenize(text.slice(starts[i]!, end), ctx.lang).map((t) => ({ ...t, start: t.start + starts[i]!, end: t.end + starts[i]! }));
    const introduces = head.some((t, k) => lex.documents.has(t.norm) && head.slice(Math.max(0, k - 3), k).some((x) => INDEFINITE.has(x.norm) || POSSESSIVES.has(x.norm)));
    if (!introduces) continue;
    let k = head[0] && lex.determiners.has(head[0].norm) ? 1 : 0;
    const s0 = k;
    while (k < head.length && CAPITALISED.test(head[k]!.text) && !isStopword(head[k]!.norm, ctx.lang) && !ARTICLES.has(head[k]!.norm) && (k === s0 || !gapBreaks(text, head[k - 1]!, head[k]!))) k++;
    // (The search's start, the close of the last quotation, may be mid-sentence: no subject there.)
    if (k === s0 || (i === 0 && !endsSentence(text, from))) return null;
    if (head[k] && lex.organisations.has(head[k]!.norm) && !gapBreaks(text, head[k - 1]!, head[k]!)) k++;
    // A complement of the name (`Fédération des transports`, `Department of Justice`).
    while (head[k + 1] && ['de', 'des', 'du', "d'", 'of'].includes(head[k]!.norm) && !gapBreaks(text, head[k - 1]!, head[k]!) && !gapBreaks(text, head[k]!, head[k + 1]!)) k += 2;
    const verb = head[k];
    if (!verb || CAPITALISED.test(verb.text) || gapBreaks(text, head[k - 1]!, verb) || POSSESSIVE_S.test(head[k - 1]!.norm)) return null;
    return { start: head[s0]!.start, end: head[k - 1]!.end };
  }
  return null;
}

/** Indefinite articles: a document brought in for the first time (`a letter`, `un communiqué`). */
const INDEFINITE = new Set(['a', 'an', 'un', 'une']);

/** Name particles that may stand between the capitalised words of one name. */
const PARTICLES = wordsOfEveryLanguage('nameParticles');
/** Nouns of a role in a group, besides the lexicon's titles and SPOKESPEOPLE (`head of`, `chief of`, `member of`). */
const RELATIONAL = new Set(['head', 'chief', 'member', 'members', 'boss', 'founder', 'owner', 'executive']);
/** Prepositions of belonging after a title, folded (`ministro de`, `ministro dell'`, `head of`, `spokesman for`): the words after them name what the title is of. */
const OF_WORDS = new Set(['of', 'for', 'de', 'del', "d'", 'di', 'dell', "dell'", 'della', 'dello', 'dei', 'degli', 'delle', 'da', 'do', 'dos', 'das', 'der', 'des']);
/** Those of the Romance languages, which open a title's complement before the name (`ministro dell'Economia X`); English `of` and German `der` open an adjunct there as often. */
const COMPLEMENT_OF = new Set([...OF_WORDS].filter((w) => !['of', 'for', 'der'].includes(w)));
/** Possessives opening a subject (`Its spokeswoman, Ana Ruiz`, `Sa porte-parole`). */
const POSSESSIVES = wordsOfEveryLanguage('possessives');

/**
 * The name a sentence opens on, after at most a determiner, a possessive or an adjunct word and
 * a few lower-case words (`Le député Jean Moreau`, `Its spokeswoman, Ana Ruiz`, `Defense
 * Secretary Mark Ellison`): a run of two or more capitalised words (name particles between), or
 * null. One capitalised word is too often a common noun opening a sentence (a title and a name
 * are two).
 */
function leadingName(ctx: QuoteContext, head: readonly Token[]): Token[] | null {
  const { lex, text } = ctx;
  let k = 0;
  while (k < head.length && k < 5) {
    const t = head[k]!;
    const lead = !CAPITALISED.test(t.text) || (k === 0 && (isStopword(t.norm, ctx.lang) || lex.determiners.has(t.norm) || POSSESSIVES.has(t.norm) || lex.adjunctStarts.has(t.norm)));
    if (!lead) break;
    // A preposition after the first word puts the next name in an adjunct, not the subject
    // (`a congresswoman from the Upper East Side`, `In a speech before a Goldman Sachs Symposium`).
    // (Not the preposition of a title's complement: `Il ministro dell'Economia Giancarlo Giorgetti`.)
    if (k > 0 && isStopword(t.norm, ctx.lang) && !ARTICLES.has(t.norm) && !lex.determiners.has(t.norm) && !PARTICLES.has(t.norm) && !(COMPLEMENT_OF.has(t.norm) && lex.titles.has(head[k - 1]!.norm))) return null;
    k++;
  }
  const run: Token[] = [];
  // (Up to MAX_NAME_RUN words: `Former New York City Mayor Michael Bloomberg` is seven; a longer
  // run is cut nowhere, never to give a name's first words: `Former New York Mayor Rudy`.)
  while (k < head.length && run.length <= MAX_NAME_RUN) {
    const t = head[k]!;
    if (run.length > 0 && gapBreaks(text, run[run.length - 1]!, t)) break;
    // (`of` between a title and a capitalised word joins them: `Former Secretary of State
    // Madeleine Albright` — it gave `Former Secretary`.)
    const of = t.norm === 'of' && run.length > 0 && ctx.lex.titles.has(run[run.length - 1]!.norm) && CAPITALISED.test(head[k + 1]?.text ?? '');
    if (!CAPITALISED.test(t.text) && !of && !(run.length > 0 && PARTICLES.has(t.norm) && CAPITALISED.test(head[k + 1]?.text ?? ''))) break;
    run.push(t);
    k++;
  }
  if (run.length > MAX_NAME_RUN) return null;
  // A capitalised modifier opening the sentence before a title and the name (`Republican
  // presidential nominee Mitt Romney`, `Tea party activist Alex Poulter`, `Former Democratic
  // candidate Bernie Sanders`): the name after it. (So after an article: `Le Premier ministre
  // Édouard Philippe`.) Two or three capitalised words are a modifier only when each is one
  // (`Former`, `Democratic`), never a name (`Paul Ryan met Senate Majority Leader …`).
  // (A country's initials are a modifier too: `Former US secretary of state Madeleine Albright` —
  // it gave `Former US secretary`.)
  const m = run.length === 1 || (run.length <= 3 && run.every((t) => DESCRIPTIVE.test(t.norm) || /^(?:\p{Lu}{2,3}|(?:\p{Lu}\.){2,3})$/u.test(t.text))) ? head.indexOf(run[0]!) : -1;
  const a = m + run.length;
  const modifier = m === 0 || (m === 1 && (ARTICLES.has(head[0]!.norm) || lex.determiners.has(head[0]!.norm)));
  // (Its title is lower-case words with no function word and no verb: in `Calabrese told the
  // National Post`, `Trump attacked Jeb Bush`, the name is the subject and the other its object.)
  const title = modifier ? head.slice(a, head.findIndex((t, k) => k >= a && CAPITALISED.test(t.text)) >>> 0) : [];
  if (modifier && head.length > a + 1 && !CAPITALISED.test(head[a]!.text) && isTitle(ctx, title) && !gapBreaks(text, head[a - 1]!, head[a]!)) return leadingName(ctx, head.slice(a));
  // An acronym closing a role's complement, then a name (`La journaliste de BFMTV Apolline de
  // Malherbe`): the acronym is where the person works, the name after it is the person.
  const r0 = head.indexOf(run[0]!);
  if (run.length >= 3 && /^\p{Lu}{2,}$/u.test(run[0]!.text) && /^\p{Lu}\p{Ll}/u.test(run[1]!.text) && r0 >= 2 && GENITIVES.has(head[r0 - 1]!.norm) && !CAPITALISED.test(head[r0 - 2]!.text)) run.shift();
  // A role's complement, then the name (`Le ministre de l'Intérieur Gérald Darmanin`, `Le maire
  // de Paris Anne Hidalgo`): where the complement ends and the name begins, nothing tells (`de
  // New York Eric Adams`), so the whole description is the speaker, as written after a
  // quotation — it gave `Intérieur Gérald Darmanin`, a fragment.
  else if (run.length >= 3) {
    const g = r0 - 1 - (r0 >= 1 && ARTICLES.has(head[r0 - 1]!.norm) ? 1 : 0);
    if (g >= 1 && (GENITIVES.has(head[g]!.norm) || COMPLEMENT_OF.has(head[g]!.norm)) && lex.titles.has(head[g - 1]!.norm) && !gapBreaks(text, head[g - 1]!, run[0]!)) return head.slice(g - 1, r0 + run.length);
  }
  const found = run.length >= 2 && !POSSESSIVE_S.test(run[run.length - 1]!.norm) && !isStopword(run[0]!.norm, ctx.lang) ? run : null;
  // So an organisation's name before a role and the name (`White House economic adviser Larry
  // Summers`): the person after it, when one follows; else the organisation.
  const n = head.indexOf(run[run.length - 1]!) + 1;
  const next = head[n];
  if (found && found[0] === head[0] && ctx.lex.organisations.has(found[found.length - 1]!.norm) && next && !CAPITALISED.test(next.text) && !isStopword(next.norm, ctx.lang) && !ctx.lex.speechVerbs.has(next.norm) && !/ed$/u.test(next.norm) && !gapBreaks(text, head[n - 1]!, next)) {
    return leadingName(ctx, head.slice(n)) ?? found;
  }
  // So a descriptive modifier and a name before a role and the person's name (`Former Obama
  // adviser David Axelrod`): the person (it gave `Former Obama`, a fragment).
  if (found && found[0] === head[0] && found.length >= 2 && DESCRIPTIVE.test(found[0]!.norm) && next && !CAPITALISED.test(next.text) && !gapBreaks(text, head[n - 1]!, next)) {
    const end = head.findIndex((t, k) => k > n && CAPITALISED.test(t.text));
    if (end > n && end - n <= MAX_HEAD_WORDS && isTitle(ctx, head.slice(n, end)) && head.slice(n, end).every((t) => !looksLikeVerb(ctx, t) || ctx.lex.titles.has(t.norm))) return leadingName(ctx, head.slice(end)) ?? found;
  }
  return found;
}

/**
 * `The FBI director, James Comey, said…`, `Trump’s campaign manager, Kellyanne Conway, told…`,
 * `Le chef du parti, Jean Dupont, a dit…`: a sentence opening on a description (an article or a
 * possessive, at most six words) set off by a comma (or a dash), then a name of two to four capitalised words
 * and a comma or its verb: the name is the subject. Null otherwise.
 */
function appositiveName(ctx: QuoteContext, head: readonly Token[]): Token[] | null {
  const { text } = ctx;
  // (The description may open on a name's possessive: `Hillary Clinton’s running mate, Tim Kaine,`.)
  // (The article of the text's language opens it too: `O ministro da Fazenda, Fernando Haddad,`,
  // `Il ministro dell'Economia, Giancarlo Giorgetti,` — ARTICLES holds French and English ones.)
  const article = (t: Token) => ARTICLES.has(t.norm) || ctx.lex.determiners.has(t.norm);
  let o = 0;
  while (o < 3 && head[o] && CAPITALISED.test(head[o]!.text) && !POSSESSIVE_S.test(head[o]!.norm) && !article(head[o]!) && !POSSESSIVES.has(head[o]!.norm) && head[o + 1] && !gapBreaks(text, head[o]!, head[o + 1]!)) o++;
  const first = head[o];
  if (!first || !(article(first) || POSSESSIVES.has(first.norm) || POSSESSIVE_S.test(first.norm)) || (o > 0 && !POSSESSIVE_S.test(first.norm))) return null;
  let k = o + 1;
  while (k < head.length && k <= o + 6 && !gapBreaks(text, head[k - 1]!, head[k]!)) k++;
  if (k >= head.length || k > o + 6 || !SET_OFF.test(text.slice(head[k - 1]!.end, head[k]!.start))) return null;
  let e = k;
  while (e < head.length && e < k + 4 && (CAPITALISED.test(head[e]!.text) || (e > k && PARTICLES.has(head[e]!.norm) && CAPITALISED.test(head[e + 1]?.text ?? ''))) && (e === k || !gapBreaks(text, head[e - 1]!, head[e]!))) e++;
  const name = head.slice(k, e);
  if (name.filter((t) => CAPITALISED.test(t.text) && !isHonorific(t.norm)).length < 2 || POSSESSIVE_S.test(name[name.length - 1]!.norm) || isStopword(name[0]!.norm, ctx.lang)) return null;
  // Then the closing comma of the apposition, or the verb (`…, James Comey said`).
  const next = head[e];
  const closing = next ? text.slice(head[e - 1]!.end, next.start) : '';
  if (next && !/^\s*,/u.test(closing) && !SET_OFF.test(closing) && (CAPITALISED.test(next.text) || gapBreaks(text, head[e - 1]!, next))) return null;
  return name;
}
/** A comma or a dash setting off an apposition (`Le porte-parole, Paul Hanin,`, `Le porte-parole - Paul Hanin -`). */
const SET_OFF = /^\s*(?:,|—|–)\s*$|^\s+--?\s+$/u;
/** `, DC, ` or `, Ore., ` between a city and the verb after it: a US state or the District, set off by commas. */
const US_STATE_ASIDE = /^,\s*(?:D\.?C\.?|[A-Z][a-z]{1,4}\.|[A-Z]{2}|[A-Z][a-z]+)\s*,\s*$/u;

/**
 * `Marie, une retraitée de 67 ans, est venue…`, `Marie, 67 ans, …`, `Tom, a trucker from Ohio,
 * …`: one capitalised word opening the sentence, set off by a comma before an age or an
 * indefinite description, names a person (street interviews name people by a first name): the
 * sentence's subject. Not a word the text writes in lower case, a stop word, a title or an
 * organisation noun.
 */
function apposedFirstName(ctx: QuoteContext, head: readonly Token[]): Token[] | null {
  const [name, next, after] = head;
  if (!name || !next || !after || !/^\p{Lu}\p{Ll}+$/u.test(name.text) || !/^\s*,\s*$/u.test(ctx.text.slice(name.end, next.start))) return null;
  if (isStopword(name.norm, ctx.lang) || isCalendarWord(name.norm) || isHonorific(name.norm) || ctx.lex.titles.has(name.norm) || ctx.lex.organisations.has(name.norm)
    || ctx.lex.adjunctStarts.has(name.norm) || ctx.lex.skip.has(name.norm) || lowerCaseWords(ctx.text).has(name.norm)) return null;
  const age = /^\d{1,3}$/u.test(next.text) && ['ans', 'years', 'year'].includes(after.norm);
  const description = INDEFINITE.has(next.norm) && !CAPITALISED.test(after.text);
  return age || description ? [name] : null;
}

/** Most capitalised words of a title and a name opening a sentence (`leadingName`). */
const MAX_NAME_RUN = 8;

/**
 * Capitalised words that modify a description rather than name anyone (`Former Democratic
 * candidate`, `Presumptive Republican nominee`): a word of time or standing, or an adjective of
 * party, faith or nation (-ic, -ican, -ian, -ese, -ish).
 */
const DESCRIPTIVE = /^(?:former|presumptive|fellow|then|ex|acting|outgoing|incoming|late)$|(?:ic|ican|ian|ese|ish)$/u;

/**
 * An English word shaped like a finite verb: a past in -ed, a present in -s (not -ss, -us, -is:
 * `boss`, `census`, `analysis`), or a common irregular past (`met`, `beat`, `hit`).
 */
/**
 * Lower-case words of a title between a modifier and a name (`member`, `presidential nominee`,
 * `secretary of state`): no function word but an `of` joining two of them, no verb.
 */
function isTitle(ctx: QuoteContext, words: readonly Token[]): boolean {
  return words.every((t, k) => (!isStopword(t.norm, ctx.lang) || (t.norm === 'of' && k > 0 && k < words.length - 1)) && !ARTICLES.has(t.norm) && !ctx.lex.speechVerbs.has(t.norm) && !looksLikeVerb(ctx, t));
}

function looksLikeVerb(ctx: QuoteContext, t: Token): boolean {
  return !ctx.lang.startsWith('fr') && (/\p{L}{2}ed$/u.test(t.norm) || /[^siu]s$/u.test(t.norm) || IRREGULAR_PASTS.has(t.norm));
}
const IRREGULAR_PASTS = new Set(['met', 'beat', 'hit', 'took', 'gave', 'won', 'lost', 'led', 'sent', 'left', 'made', 'brought', 'fought', 'struck', 'chose', 'drew', 'threw', 'ran', 'held', 'kept', 'knew', 'saw', 'became', 'began', 'bought', 'caught', 'found', 'got', 'had', 'heard', 'let', 'paid', 'put', 'set', 'shot', 'stood', 'taught', 'went', 'joined', 'spent', 'sold', 'sought', 'swore']);

/**
 * A surname alone as a sentence's subject (`Trump spoke for 15 minutes.`, `Boehner was back`), as
 * news copy names a person after the first mention: one capitalised word, then its verb (a
 * lower-case word that is no function word, or an auxiliary), when the article has named that
 * person in full before (`surnames`). A capitalised word the article also writes in lower case
 * is a common word opening the sentence, not a name.
 */
function knownSurname(ctx: QuoteContext, head: readonly Token[]): Token[] | null {
  const [name] = head;
  // (An emphatic reflexive after the name stresses who it is, `Clinton herself also signaled`:
  // the verb follows it. It gave no subject, and `she said` after it the speaker before.)
  const emphatic = head[1] !== undefined && EMPHATIC.has(head[1].norm) && name !== undefined && !gapBreaks(ctx.text, name, head[1]) ? 1 : 0;
  const verb = head[1 + emphatic];
  if (emphatic && verb && gapBreaks(ctx.text, head[1]!, verb)) return null;
  if (!name || !verb || !/^\p{Lu}[\p{L}'’-]*\p{Ll}$/u.test(name.text) || isStopword(name.norm, ctx.lang) || isHonorific(name.norm) || isCalendarWord(name.norm) || ctx.lex.organisations.has(name.norm)) return null;
  // (`Clinton, speaking in Ohio, disagreed`, `DeMint, who…, said`, `Trump, the nominee, said`: an
  // aside set off by a comma after the name keeps it the subject.)
  // So an interrupter closed by a second comma before a lower-case verb (`Akin, however,
  // continued`, `Ryan, since introducing the budget last month, has talked`): lower-case words only.
  // (So a relative clause set off by dashes: `Joyce — who is listed as an attorney — told`.)
  const gap = ctx.text.slice(head[emphatic]!.end, verb.start);
  const aside = (/^\s*,\s*$/u.test(gap) && (RELATIVE_SUBJECTS.has(verb.norm) || ARTICLES.has(verb.norm) || /\p{L}{3,}ing$/u.test(verb.norm) || (!emphatic && interrupter(ctx, head))))
    || (/^\s*[—–]\s*$/u.test(gap) && RELATIVE_SUBJECTS.has(verb.norm));
  if (CAPITALISED.test(verb.text) || (!aside && ((isStopword(verb.norm, ctx.lang) && !AUXILIARIES.has(verb.norm)) || gapBreaks(ctx.text, head[emphatic]!, verb))) || lowerCaseWords(ctx.text).has(name.text.toLowerCase())) return null;
  return (surnames(ctx).get(name.text) ?? Infinity) < name.start ? [name] : null;
}

/**
 * `Name, however, verb`, `Name, since doing X last month, has verb`: after the name at `head[0]`
 * and its comma, up to MAX_INTERRUPTER lower-case words (no verb of saying, no quotation mark),
 * a second comma, then a lower-case word (the verb).
 */
function interrupter(ctx: QuoteContext, head: readonly Token[]): boolean {
  for (let k = 2; k < head.length && k <= MAX_INTERRUPTER + 1; k++) {
    const t = head[k - 1]!;
    if (CAPITALISED.test(t.text) || ctx.lex.speechVerbs.has(t.norm) || /\d/u.test(t.text)) return false;
    const gap = ctx.text.slice(t.end, head[k]!.start);
    if (/^\s*,\s*$/u.test(gap)) return !CAPITALISED.test(head[k]!.text) && (!isStopword(head[k]!.norm, ctx.lang) || AUXILIARIES.has(head[k]!.norm));
    if (gapBreaks(ctx.text, t, head[k]!)) return false;
  }
  return false;
}
/** Words of an interrupter between a name and its verb (`since introducing the budget last month`). */
const MAX_INTERRUPTER = 8;

/**
 * The words the text writes as the last of a full name — after a title (`Mr. Trump`, `Sen.
 * McCain`) or after a given name (`Donald Trump`, `House Speaker John Boehner`: two to six
 * capitalised words, not opening on a function word: with four, `North Carolina Rep. Bob X`
 * took `Bob` for a modifier and never saw X) — with where they first do; found once per text. A word the text also writes before another capitalised word (`Republican Party`) is a
 * modifier, not a surname.
 */
/** Capitalised words ending on a surname (`surnames`); sticky: tried only where `upperCaseMatches` finds an upper-case letter. */
const NAME_RUN = /(?<![\p{L}'’.-])((?:\p{Lu}[\p{L}'’-]*\.?\s){1,5})(\p{Lu}[\p{L}'’-]*\p{Ll})(?![\p{L}'’-])([^\S\n]+\p{Lu})?/uy;

/** 1: an upper-case letter (`\p{Lu}`), 3: another letter (`\p{L}`), 2: neither, 0: not read yet; per UTF-16 unit. */
const UPPER = new Uint8Array(65_536);

/**
 * `text.matchAll(sticky)` for an expression (flags `uy`) whose every match starts on an upper-case
 * letter that no letter precedes (each opens on a look-behind refusing one, `(?<![\p{L}…])`): the
 * expression is tried only there (and at a surrogate pair, which this table does not class), each
 * match's end the place the search goes on from, as `matchAll` does. The same matches; an
 * expression opening on a look-behind was tried at each of a text's positions (5 MB: a tenth of
 * the speakers' time), then at each capital, inside a word too (`CRS`, `McCain`: a sixth of them).
 * With `follows`, not tried at a capital whose word (its run of letters, apostrophes and hyphens,
 * `wordEnds`, from `start` to `end`) `follows(text, start, end)` says no match can open on, the word read without a
 * surrogate pair (one in it: tried): the expressions here opening on such a word all require
 * something of the character after it (`Name said`, `Name,`, `M.`, `John Smith`), which most
 * capitals' words have not (5 MB: the expression tried at a fifth of its capitals, issue 16).
 */
export function* upperCaseMatches(text: string, sticky: RegExp, follows?: (text: string, start: number, end: number) => boolean): Generator<RegExpExecArray> {
  const at = upperCaseStarts(text);
  const ends = follows ? wordEnds(text) : null;
  for (let x = 0, i = 0; x < at.length; x++) {
    if (at[x]! < i || (ends !== null && ends[x]! >= 0 && !follows!(text, at[x]!, ends[x]!))) continue;
    sticky.lastIndex = at[x]!;
    const m = sticky.exec(text);
    if (m) {
      yield m;
      i = m.index + m[0].length;
    }
  }
}

/** `UPPER`'s class of UTF-16 unit `c`, read on first use. */
function upperClass(c: number): number {
  let k = UPPER[c]!;
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = /^\p{Lu}$/u.test(ch) ? 1 : /^\p{L}$/u.test(ch) ? 3 : 2;
    UPPER[c] = k;
  }
  return k;
}

/** Where `upperCaseMatches` tries its expressions in `text`, found once per text (four expressions read each text). */
let upperCache: { text: string; starts: Int32Array; ends: Int32Array | null } = { text: '', starts: new Int32Array(0), ends: null };
function upperCaseStarts(text: string): Int32Array {
  if (upperCache.text === text) return upperCache.starts;
  const n = text.length;
  let starts = new Int32Array(1024);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const k = upperClass(c);
    // (The unit before, read already, is no letter of the Basic Multilingual Plane; after a
    // letter beyond it, a surrogate pair, the capital is tried, and the expression refuses it.)
    if ((k === 1 && (i === 0 || UPPER[text.charCodeAt(i - 1)] === 2)) || (c >= 0xd800 && c <= 0xdbff)) {
      if (count === starts.length) {
        const grown = new Int32Array(count * 2);
        grown.set(starts);
        starts = grown;
      }
      starts[count++] = i;
    }
  }
  upperCache = { text, starts: starts.slice(0, count), ends: null };
  return upperCache.starts;
}

/**
 * For each start of `upperCaseStarts(text)`, the end of the run of letters, apostrophes (`'`,
 * `’`) and hyphens it opens (`[\p{L}'’-]`, the capital included: where its word ends), or -1 when
 * the run holds a surrogate (a letter beyond the Basic Multilingual Plane, not classed here) or
 * the start is one. Found once per text, on first use.
 */
function wordEnds(text: string): Int32Array {
  const starts = upperCaseStarts(text);
  if (upperCache.ends !== null) return upperCache.ends;
  const n = text.length;
  const ends = new Int32Array(starts.length);
  for (let x = 0; x < starts.length; x++) {
    let r = starts[x]!;
    for (; r < n; r++) {
      const c = text.charCodeAt(r);
      if (c >= 0xd800 && c <= 0xdfff) {
        r = -1;
        break;
      }
      if (upperClass(c) === 2 && c !== 0x27 && c !== 0x2019 && c !== 0x2d) break;
    }
    ends[x] = r;
  }
  upperCache.ends = ends;
  return ends;
}

/** Whether UTF-16 unit `c` is an upper-case letter or opens a surrogate pair (which may be one). */
const upperOrPair = (c: number): boolean => (c >= 0xd800 && c <= 0xdbff) || (!Number.isNaN(c) && upperClass(c) === 1);

/**
 * What must follow a word that opens a match of NAME_RUN: a full stop or not, then one white
 * space, then an upper-case letter (`(?:\p{Lu}[\p{L}'’-]*\.?\s){1,5}` then `\p{Lu}`: the word is
 * its run whole, which neither a stop nor a space continues).
 */
export function followedByNameWord(text: string, _start: number, end: number): boolean {
  const q = text.charCodeAt(end) === 0x2e ? end + 1 : end;
  return isWhiteSpace(text.charCodeAt(q)) && upperOrPair(text.charCodeAt(q + 1));
}

/**
 * What a title's word must be and be followed by (`gendersOf`: `(\p{Lu}\p{Ll}{0,7})\.?\s+` then
 * `\p{Lu}`): eight letters at most, then a full stop or not, white space and an upper-case letter.
 */
export function titleBeforeName(text: string, start: number, end: number): boolean {
  if (end - start > 8) return false;
  let q = text.charCodeAt(end) === 0x2e ? end + 1 : end;
  if (!isWhiteSpace(text.charCodeAt(q))) return false;
  while (isWhiteSpace(text.charCodeAt(q))) q++;
  return upperOrPair(text.charCodeAt(q));
}

let surnameCache: { text: string; names: Map<string, number> } = { text: '', names: new Map() };
function surnames(ctx: QuoteContext): Map<string, number> {
  const { text } = ctx;
  if (surnameCache.text !== text) {
    const names = new Map<string, number>();
    const modifiers = new Set<string>();
    // (A modifier stands before its noun on the same line: a name ending a heading, `… Does Not
    // Like Donald Trump`, before a dateline, `MANCHESTER, N.H. --`, is a name.)
    for (const m of upperCaseMatches(text, NAME_RUN, followedByNameWord)) {
      const first = m[1]!.split(/[.\s]/u)[0]!;
      // (The possessive is no part of the surname: `President Joe Biden's plan` makes `Biden` known.)
      const last = m[2]!.replace(/['’]s$/u, '');
      if (m[3] !== undefined) modifiers.add(last);
      // (A dotted word is a title or an initial — `GOP Rep. Paul Ryan`, `Donald J. Trump` — not an
      // abbreviation ending a sentence.)
      const dotted = m[1]!.split(/\s+/u).filter((w) => w.endsWith('.'));
      if (isStopword(fold(first).toLowerCase(), ctx.lang) || !dotted.every((w) => isHonorific(w, true) || /^\p{Lu}\.$/u.test(w))) continue;
      if (!names.has(last)) names.set(last, m.index + m[0].length - (m[3]?.length ?? 0));
    }
    for (const w of modifiers) names.delete(w);
    surnameCache = { text, names };
  }
  return surnameCache.names;
}

/**
 * Quoted words in Title Case, as the name of a work, a show or a campaign is written (`Fox News
 * Sunday`, `Meet the Press`, `Make America Great Again`): two or more words, every word longer
 * than three letters capitalised, two capitalised words of three letters or more (`Fox`; a lone
 * capital, `I` or `A`, counts for none). Said words are written in sentence case.
 */
export function isTitleCase(inner: string, lang: string): boolean {
  // German capitalises every noun: `Das ist ein Fehler` is a sentence, and Title Case tells nothing.
  if (lang.startsWith('de') || !CAPITALISED.test(inner)) return false;
  // Read word by word up to the first long word in lower case, which settles it: a quotation's
  // words were all matched first, and nested quotations made that a reading of the text per level.
  // (One expression for every call, its place reset, not one made per call: asked of most of the
  // 18,000 quotations of a 5 MB text, issue 16. Nothing the loop calls uses it.)
  const word = TITLE_WORDS;
  word.lastIndex = 0;
  let all = 0;
  let long = 0;
  let named = 0;
  for (let m = word.exec(inner); m; m = word.exec(inner)) {
    const w = m[0];
    const capitalised = CAPITALISED.test(w);
    all++;
    if (w.length > 3) {
      if (!capitalised) return false;
      long++;
    }
    if (w.length >= 3 && capitalised) named++;
  }
  return all >= 2 && long > 0 && named >= 2;
}

/** A word as `isTitleCase` reads them. */
const TITLE_WORD = /\p{L}[\p{L}'’-]*/gu;
/** TITLE_WORD, read by `isTitleCase` from its `lastIndex`. */
const TITLE_WORDS = new RegExp(TITLE_WORD.source, 'gu');

/**
 * Whether quotation `q` is a title in `sentence`: Title Case words in a sentence that is not
 * itself in Title Case (a headline's), at most half of its other words of three letters or more
 * capitalised, its first word aside (as extract's `isTitle`).
 */
function titleInSentence(ctx: QuoteContext, q: Quote, sentence: Span): boolean {
  if (!isTitleCase(q.text, ctx.lang)) return false;
  const around = `${ctx.text.slice(Math.max(sentence.start, q.marks.open.start - TITLE_CONTEXT), q.marks.open.start)} ${ctx.text.slice(q.marks.close.end, Math.min(sentence.end, q.marks.close.end + TITLE_CONTEXT))}`;
  const words = (around.match(/\p{L}[\p{L}'’-]*/gu) ?? []).slice(1).filter((w) => w.length >= 3);
  return words.length >= 1 && words.filter((w) => CAPITALISED.test(w)).length * 2 <= words.length;
}

/** Whether `sentence` has a verb of saying before quotation `q` (not `according to`). */
function saidBefore(ctx: QuoteContext, q: Quote, sentence: Span): boolean {
  const head = tokenize(ctx.text.slice(Math.max(sentence.start, q.marks.open.start - TITLE_CONTEXT), q.marks.open.start), ctx.lang);
  return head.some((t) => ctx.lex.speechVerbs.has(t.norm) && !ctx.lex.according.has(t.norm));
}

/** How far around a title its sentence is read, in characters (a long news sentence is 300; a runaway one costs no more). */
const TITLE_CONTEXT = 600;

/** Whether the text before `at` ends a sentence (or is none). */
function endsSentence(text: string, at: number): boolean {
  return at === 0 || /(?:[.!?…]["”’»)\]]*|\n)\s*$/u.test(text.slice(Math.max(0, at - 4), at));
}

/**
 * Where the text's sentences start strictly between `from` and `to`, by the splitter of lib/text
 * (`sentences`): a title, an initial or a dotted acronym (`Sen. John McCain`, `the U.S. Senate`)
 * ends no sentence, so the name after it is not taken for a sentence's subject.
 */
function sentenceStarts(ctx: QuoteContext, from: number, to: number): number[] {
  const spans = ctx.sentences;
  const out: number[] = [];
  for (let i = firstSentenceAfter(ctx, from); i < spans.length && spans[i]!.start < to; i++) out.push(spans[i]!.start);
  return out;
}

/** The index of the first of the text's sentences starting after `at` (binary search). */
function firstSentenceAfter(ctx: QuoteContext, at: number): number {
  const spans = ctx.sentences;
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The last person named as the subject of a sentence between the previous quotation and this
 * sentence (at most INHERIT_WINDOW characters back; `leadingName`), for whom `fits` holds: the
 * referent of a following `he said` (Hobbs' preference for subjects, most recent first).
 */
function namedSubject(ctx: QuoteContext, previous: readonly Quote[], fits: (speaker: Span) => boolean, acrossQuotations = false): Span | null {
  const { text } = ctx;
  // (A quotation earlier in this sentence brings in no one before it: `In that interview, he
  // invoked “subsidiarity,” saying “…”` looks back from the sentence's start.)
  const last = acrossQuotations ? undefined : previous.findLast((q) => q.depth === 0 && q.end <= Math.min(ctx.open.start, ctx.sentence.start));
  let from = Math.max(last ? last.marks.close.end : 0, ctx.sentence.start - INHERIT_WINDOW, 0);
  // Quoted words no one is given inside a sentence of narration (`Paul Rowan launched into a
  // lament for the “forgotten towns” that are “left behind”. “…,” he said`) belong to that
  // sentence, whose subject stands before them: the search starts at the sentence's start, not
  // after them (Hobbs 1978 prefers the previous sentence's subject; the marks open no sentence of
  // their own). It gave the speaker quoted before that sentence (`he` → Tom Barrow), or none.
  // (Only the sentence right before this one — a sentence further back, `Jon Favreau published a
  // column entitled “…”. Obama … Then there's Axelrod. “…,” he wrote`, is no longer the one the
  // pronoun goes on from — when it opens on words, and none of its quotations has a speaker: one
  // that has is `inherit`'s; a title, `Editor Ray Kroll watched “Face the Nation”`, is no one's
  // words and stays a boundary, as below — but the title of a document the subject put out,
  // `Robby Mook released a memo titled “The Facts…”. He writes…`, is that subject's own.)
  const embedding = last && !last.speaker && (!isTitleCase(last.text, ctx.lang) || documentTitle(ctx, last)) ? ctx.sentences[firstSentenceAfter(ctx, last.marks.open.start) - 1] : undefined;
  if (embedding && embedding.start < last!.marks.open.start && /^[^"“”«»‘’]*\p{L}/u.test(text.slice(embedding.start, last!.marks.open.start))
    && /^[\s"“”’»]*$/u.test(text.slice(Math.max(embedding.end, last!.marks.close.end), ctx.sentence.start))
    && quotesFrom(previous, embedding.start).every((q) => q.start > last!.start || !q.speaker)) from = Math.max(embedding.start, ctx.sentence.start - INHERIT_WINDOW, 0);
  // The title of a show or a work in a sentence of indirect speech (`Bill Kristol … said on "Fox
  // News Sunday" that…`) is no one's words: the search starts at its sentence's start, where the
  // one who spoke stands (not before an earlier quotation of someone's words, whose speaker
  // `inherit` gives). A title in narration (`Clinton watched "Meet the Press"`) stays a boundary.
  const own = last ? ctx.sentences[firstSentenceAfter(ctx, last.marks.open.start) - 1] : undefined;
  if (last && own && titleInSentence(ctx, last, own) && saidBefore(ctx, last, own)) {
    const words = previous.findLast((q) => q.depth === 0 && q.end <= last.start && !isTitleCase(q.text, ctx.lang));
    from = Math.max(own.start, words ? words.marks.close.end : 0, ctx.sentence.start - INHERIT_WINDOW, 0);
  }
  const to = ctx.sentence.start;
  // Where the search starts counts as a sentence start only when it is one, or when a capitalised
  // word follows the quotation at once (`“…,” Congressman Jay Hale broke his silence`): a name
  // after a quotation closing mid-sentence is otherwise inside a phrase (`“…” to Carla Diaz`).
  const opensSentence = endsSentence(text, from) || /^[\s,]*\p{Lu}/u.test(text.slice(from, from + 4));
  const starts = [...(opensSentence ? [from] : []), ...sentenceStarts(ctx, from, to)];
  let best: Span | null = null;
  for (const start of starts) {
    // (A sentence opening on a quotation opens on someone's words, not on its subject.)
    if (start >= to || (acrossQuotations && /^["“”«»]/u.test(text.slice(start, start + 1)))) continue;
    let head = tokenize(text.slice(start, Math.min(to, start + 160)), ctx.lang).map((t) => ({ ...t, start: t.start + start, end: t.end + start }));
    // (A conjunction joining the sentence to the one before, then a subordinate clause: `But after
    // focusing on rural towns, Clinton delivered…` reads as `After focusing…, Clinton delivered…`.)
    if (head[0] && head[1] && ctx.lex.coordinators.has(head[0].norm) && ctx.lex.subordinators.has(head[1].norm) && !gapBreaks(text, head[0], head[1])) head = head.slice(1);
    let run = leadingName(ctx, head) ?? knownSurname(ctx, head) ?? appositiveName(ctx, head) ?? apposedFirstName(ctx, head);
    // (`Back on NBC, Trump said…`, `Earlier Tuesday, Senator X…`: an opening adverbial up to a
    // comma, then the subject — `openingAdverbial`.)
    // (So a subordinate clause opening the sentence: `Alors que les premiers heurts éclataient…,
    // le porte-parole…, Benjamin Griveaux, a répété`, `As Trump spoke, Clinton said`.)
    const subordinate = head[0] !== undefined && (ctx.lex.subordinators.has(head[0].norm) || (['alors', 'bien', 'tandis'].includes(head[0].norm) && head[1]?.norm === 'que'));
    if (head[0] && (ctx.lex.adjunctStarts.has(head[0].norm) || subordinate || (!run && openingAdverbial(ctx, head, 0, Math.min(head.length, 15))))) {
      // `In an interview with Fox News on Tuesday, Mr. Ryan said…`: the subject follows the
      // opening adjunct's comma; a name inside the adjunct is none.
      const c = head.findIndex((t, k) => k > 0 && k < 15 && /,/u.test(text.slice(head[k - 1]!.end, t.start)));
      if (c > 0) {
        // (After a subordinate clause with no name after its comma, its own subject stays the
        // referent: `Though Paul Rowan praised the plan, the council voted no. “…,” he said`.)
        // (A surname the article named in full is that subject too: `If Carson implied that…, he
        // did not…`.)
        const inClause = subordinate ? run ?? knownSurname(ctx, head.slice(1)) : null;
        run = leadingName(ctx, head.slice(c)) ?? knownSurname(ctx, head.slice(c));
        // (Right after the comma, or after a role that leads to it: `Speaking in Beijing, Chinese
        // Foreign Ministry spokesman Lu Kang said`, `On Tuesday, White House press secretary Josh
        // Earnest said` — capitalised words, articles and a title right before the name, with
        // at most two other lower-case words; never a clause: `Earlier, he said Jeb Bush`.)
        const role = run ? head.slice(c, head.indexOf(run[0]!)) : [];
        const title = (t: Token): boolean => ctx.lex.titles.has(t.norm) || SPOKESPEOPLE.has(t.norm);
        const other = role.filter((t) => !CAPITALISED.test(t.text) && !ARTICLES.has(t.norm) && !title(t));
        if (role.length > 1 && (!title(role[role.length - 1]!) || other.length > 2 || other.some((t) => isStopword(t.norm, ctx.lang) || ctx.lex.speechVerbs.has(t.norm)))) run = null;
        // (So a description set off before its name: `Alors que…, le porte-parole du gouvernement,
        // Benjamin Griveaux, a répété`.)
        run ??= appositiveName(ctx, head.slice(c)) ?? inClause;
      }
    }
    // (`And Willsie said…`, `But Fiorina was…`: a conjunction opening the sentence, then its subject.)
    if (!run && head[0] && ctx.lex.coordinators.has(head[0].norm) && head[1] && !gapBreaks(text, head[0], head[1])) run = knownSurname(ctx, head.slice(1));
    // (`Then there's Axelrod.`: the existential sentence's notional subject follows its verb
    // (Quirk et al. 1985, §18.44) and brings that person in — the name, with the sentence's end
    // right after it.)
    if (!run && ctx.lang.startsWith('en')) {
      const there = head.findIndex((t, k) => k <= 1 && (t.norm === 'there' || /^there['’]s$/u.test(t.norm)));
      const verb = head[there]?.norm === 'there' ? 2 : 1;
      if (there >= 0 && (there === 0 || CONNECTIVES.get('en')!.has(head[0]!.norm)) && (verb === 1 || ['is', 'was'].includes(head[there + 1]?.norm ?? '') || /^['’]s$/u.test(head[there + 1]?.norm ?? ''))) {
        const rest = head.slice(there + verb);
        const name = rest.length > 0 && rest.every((t) => CAPITALISED.test(t.text)) && rest.length <= 3 ? rest : null;
        const end = name ? name[name.length - 1]!.end : 0;
        if (name && /^[.!?]/u.test(text.slice(end, end + 1)) && (name.length >= 2 || (surnames(ctx).get(name[0]!.text) ?? Infinity) < name[0]!.start)) run = name;
      }
    }
    // The sentence right before, with no name as its subject: its first titled name, wherever it
    // stands (`The remarks drew a reply from Rev. Anne Moreau. “…,” she said`; Hobbs 1978
    // searches the previous sentence left to right once its subject fails).
    // (A sentence whose subject is `he`/`she` goes on about the person already named: no new referent.)
    // First, a name that a relative clause makes a speaker (`…drew the ire of Justice Ann Vale, who
    // said he was wrong. “…,” he said`): the one saying something there, not the first name.
    // (Then the agent of a passive: `Une action saluée par Marine Le Pen. «…», a-t-elle déclaré`.)
    if (!run && start === starts[starts.length - 1] && !(head[0] && PERSONAL.has(head[0].norm))) run = relativeSpeaker(ctx, head) ?? titledName(ctx, head) ?? passiveAgent(ctx, head);
    if (!run) continue;
    const span = { start: run[0]!.start, end: run[run.length - 1]!.end };
    if (fits(span)) best = span;
  }
  return best;
}

/**
 * Whether quotation `q` is the title of a document (`a memo titled “…”`, `a statement entitled
 * “…”`, `a letter, “…”`): a document noun of the lexicon at most three words before its mark,
 * with nothing but `titled`, `entitled`, `called`, `headlined` and punctuation between.
 */
function documentTitle(ctx: QuoteContext, q: Quote): boolean {
  const words = tokenize(ctx.text.slice(Math.max(0, q.marks.open.start - 60), q.marks.open.start), ctx.lang).slice(-3);
  const d = words.findLastIndex((t) => ctx.lex.documents.has(t.norm));
  return d >= 0 && words.slice(d + 1).every((t) => ['titled', 'entitled', 'called', 'headlined'].includes(t.norm));
}

/** Whether `speaker` is a name or a description, no phrase run into a clause: no lower-case word that is a verb's form (`White America embracing Obama`). */
function wholeName(ctx: QuoteContext, speaker: string): boolean {
  return !tokenize(speaker, ctx.lang).some((t) => !CAPITALISED.test(t.text) && !ctx.lex.titles.has(t.norm) && (/\p{L}{3,}ing$/u.test(t.norm) || looksLikeVerb(ctx, t)));
}

/** The capitalised name right before `who` + a verb of saying in `head` (English), or null. */
function relativeSpeaker(ctx: QuoteContext, head: readonly Token[]): Token[] | null {
  for (let k = 1; k + 1 < head.length; k++) {
    if (head[k]!.norm !== 'who' || !ctx.lex.speechVerbs.has(head[k + 1]!.norm)) continue;
    let b = k;
    while (b > 0 && /^\p{Lu}/u.test(head[b - 1]!.text) && !gapBreaks(ctx.text, head[b - 1]!, head[b] ?? head[b - 1]!)) b--;
    const name = head.slice(b, k).filter((t) => !isHonorific(t.norm) && !ctx.lex.titles.has(t.norm));
    if (name.length > 0) return head.slice(b, k);
  }
  return null;
}

/**
 * The first title and the capitalised words after it in `head` (`Rev. Anne Moreau`, `Mr. Hale`,
 * `Senator Paul Osei`, `du député Jean Moreau`), or null.
 */
function titledName(ctx: QuoteContext, head: readonly Token[]): Token[] | null {
  const title = (t: Token): boolean => isHonorific(t.text, true) || (ctx.lex.titles.has(t.norm) && (CAPITALISED.test(t.text) || ctx.lang.startsWith('fr')));
  const k = head.findIndex((t, i) => title(t) && CAPITALISED.test(head[i + 1]?.text ?? '') && !gapBreaks(ctx.text, t, head[i + 1]!));
  if (k < 0) return null;
  let e = k + 1;
  while (e + 1 < head.length && e - k < 3 && CAPITALISED.test(head[e + 1]!.text) && !gapBreaks(ctx.text, head[e]!, head[e + 1]!)) e++;
  // (`President Obama’s comments`: a possessive names what is his, not who acts.)
  if (POSSESSIVE_S.test(head[e]!.norm)) return null;
  return head.slice(k, e + 1);
}

/**
 * `Une action saluée par Marine Le Pen.`, `The plan was praised by Senator Ann Lowe.`: the agent
 * of a passive — a past participle, `par` / `by`, then a name of two capitalised words or more
 * (no organisation) — is who acted, the subject a pronoun after it takes up. Null otherwise.
 */
function passiveAgent(ctx: QuoteContext, head: readonly Token[]): Token[] | null {
  const participle = ctx.lang.startsWith('fr') ? /\p{L}{2}(?:é|ée|és|ées)$/u : /\p{L}{2}(?:ed|en)$/u;
  const k = head.findIndex((t, i) => i > 0 && ['par', 'by'].includes(t.norm) && participle.test(head[i - 1]!.text.toLowerCase()) && !gapBreaks(ctx.text, head[i - 1]!, t) && head[i + 1] !== undefined && !gapBreaks(ctx.text, t, head[i + 1]!));
  if (k < 0) return null;
  let e = k + 1;
  while (e < head.length && e - k <= MAX_NAME_RUN && (CAPITALISED.test(head[e]!.text) || (PARTICLES.has(head[e]!.norm) && CAPITALISED.test(head[e + 1]?.text ?? ''))) && (e === k + 1 || !gapBreaks(ctx.text, head[e - 1]!, head[e]!))) e++;
  const name = head.slice(k + 1, e);
  if (name.filter((t) => CAPITALISED.test(t.text)).length < 2 || POSSESSIVE_S.test(name[name.length - 1]!.norm) || isOrganisation(ctx, ctx.text.slice(name[0]!.start, name[name.length - 1]!.end))) return null;
  // (Not an embedded post's credit line, `Une publication partagée par X (@x)`, `A post shared by
  // X (@x)`: page furniture, not the story's narration.)
  if (/^\s*\(@/u.test(ctx.text.slice(name[name.length - 1]!.end))) return null;
  return name;
}

/** Pattern 1: the cue after the closing mark. */
function fromAfter(ctx: QuoteContext, previous: readonly Quote[]): SpeakerFound | typeof UNKNOWN | null {
  const { lex, text } = ctx;
  const after = ctx.after;
  if (after.length === 0) return null;
  // Only across a comma or nothing: `», a dit`, `,” he said`; a full stop ends the attribution.
  // (Or across a list of quotations that one attribution closes: `«A», «B», «C», avaient crié
  // plusieurs manifestants` — the words of the others are no part of `after`.)
  const gap = text.slice(ctx.close.end, after[0]!.start);
  // (Each set off by a comma, inside or outside its marks: `«A» «B», écrit X` is a heading, then B.)
  const list = ctx.others.filter((o) => o.start >= ctx.close.end && o.end <= after[0]!.start);
  const rest = list.length > 0 ? list.reduceRight((g, o) => g.slice(0, o.start - ctx.close.end) + g.slice(o.end - ctx.close.end), gap) : gap;
  const ends = [ctx.close.end, ...list.map((o) => o.end)];
  if (!/^[\s,—–-]*$/u.test(rest) || ends.some((end, i) => i < list.length && !commaAfter(text, end, list[i]!.start)) || (list.length > 0 && !commaAfter(text, ends[ends.length - 1]!, after[0]!.start))) return null;
  // The attribution is set off from the quote by a comma or dash, outside (`», a dit`) or inside
  // (`,” he said`, `?” she asked`); without one the words after are the sentence going on.
  // A nested quotation closing with the outer one (`'Enough is enough,'”`) leaves its comma inside.
  const inner = text.slice(ctx.open.end, ctx.close.start).trimEnd().replace(/[’'"”»›“]+$/u, '').trimEnd();
  // French often sets an inverted cue right after the closing mark (`» réagit Benjamin Griveaux`):
  // a verb of saying then a capitalised subject is an attribution, comma or not.
  // (An auxiliary may come first: `» a lancé Paul Girard`.)
  // (So may an object pronoun: `» l'a averti un maire`, `» leur a répondu Paul Hanin`.)
  const fr = ctx.lang.startsWith('fr');
  const clitics = fr ? leadingClitics(after) : 0;
  const c = after.findIndex((t, k) => k >= clitics && (k > clitics + 1 || !lex.skip.has(t.norm) || CAPITALISED.test(t.text)));
  // (After an object pronoun the incise is sure: a determined subject too, `» l'a averti un maire`.)
  const inverted = c >= 0 && lex.speechVerbs.has(after[c]!.norm) && !lex.according.has(after[c]!.norm) && after[c + 1] !== undefined && (CAPITALISED.test(after[c + 1]!.text) || (clitics > 0 && opensNounPhrase(ctx, after[c + 1]!.norm))) && !gapBreaks(text, after[c]!, after[c + 1]!)
    && after.slice(0, c + 1).every((t, k) => k === 0 || !gapBreaks(text, after[k - 1]!, t));
  const setOff = /[,—–-]/u.test(gap) || /[,?!]$/u.test(inner) || inverted;
  // `…, Katy.” Trump said to cheers.`: after a full stop only a subject and its verb right away;
  // so after a quotation ending on a word (`“I did not send it” the congressman said`), a name or
  // a determined noun.
  const fullStop = !setOff && /[.…]$/u.test(inner);
  const bare = !setOff && /[\p{L}\p{N}]$/u.test(inner) && (CAPITALISED.test(after[0]!.text) || lex.determiners.has(after[0]!.norm));
  if (!setOff && !fullStop && !bare) return null;
  if (fullStop || bare) {
    // (A capitalised verb form is a name's word: `“fundamentally transform” the United States`.)
    const v = after.findIndex((t, k) => k <= 4 && lex.speechVerbs.has(t.norm) && !lex.according.has(t.norm) && !verbFormIsNoun(ctx, after, k) && !(k > 0 && CAPITALISED.test(t.text)));
    if (v <= 0 || after.slice(0, v).some((t, k) => k > 0 && gapBreaks(text, after[k - 1]!, t)) || (fullStop && !CAPITALISED.test(after[0]!.text))) return null;
    // (`“a lie” the moment Trump said`: a name after a lower-case noun is a clause's subject, not this one's.)
    if (bare && (['that', 'que', "qu'"].includes(after[v + 1]?.norm ?? '') || after.slice(1, v).some((t, k) => CAPITALISED.test(t.text) && !CAPITALISED.test(after[k]!.text) && !lex.determiners.has(after[k]!.norm)))) return null;
    const np = nounPhrase(ctx, after.slice(0, v), 0);
    return np ? resolve(ctx, np, after[v]!, previous, after) : null;
  }
  // `selon X` / `according to X` right after the quote.
  const first = after[0]!;
  // (German `so` right after the quotation's comma cues its source the same way: `„…“, so
  // Weber`, `„…“, so die Polizei` — not `so dass`, `so wie`.)
  const so = ctx.lang.startsWith('de') && first.norm === 'so' && after[1] !== undefined && !gapBreaks(text, first, after[1]) && (CAPITALISED.test(after[1].text) || lex.determiners.has(after[1].norm)) ? 1 : 0;
  const according = accordingCue(ctx, after, 0) || so;
  if (according > 0) {
    const np = nounPhrase(ctx, after, according, true);
    if (np) return resolve(ctx, np, first, previous, after);
  }
  // Find the cue verb within the first tokens, allowing a subject before it (`Trump said`).
  let v = -1;
  const window = Math.min(after.length, MAX_CUE_DISTANCE + MAX_NP_TOKENS);
  for (let k = 0; k < window; k++) {
    const t = after[k]!;
    if (k > 0 && gapBreaksInName(text, after[k - 1]!, t)) break;
    // A capitalised verb form with a lower-case verb of saying after it in the same phrase is a
    // name's word, not the cue (`,” former State policy director Ann Lowe said`, `,” Read said`:
    // a name may be a verb's homograph). (Alone it may be a Title Case heading's cue: `,’ Says Trump`.)
    if (CAPITALISED.test(t.text) && lowerCaseCueAfter(ctx, after, k, window)) continue;
    if (lex.speechVerbs.has(t.norm) && !lex.according.has(t.norm) && !reflexiveNotSaying(ctx, after, k) && !verbFormIsNoun(ctx, after, k)) { v = k; break; }
    // `», croit savoir Thibault Devienne`: claiming to know is saying (French `croire savoir`).
    if (k > 0 && t.norm === 'savoir' && ctx.lang.startsWith('fr') && /^(?:croi|croy)/u.test(after[k - 1]!.norm)) { v = k; break; }
  }
  if (v < 0) return appositionSubject(ctx, previous);
  const cue = after[v]!;
  // `After Scalia said that students might do better at "…," Trump said: "…"`: a verb that a colon
  // and another quotation follow introduces that one; this quotation's own verb of saying, before
  // it in the sentence, is read instead (`fromBefore`).
  const introduces = /^\s*:\s*["“«„]/u.test(text.slice(cue.end, cue.end + 4)) || (after[v + 1] !== undefined && !gapBreaks(text, cue, after[v + 1]!) && /^\s*:\s*["“«„]/u.test(text.slice(after[v + 1]!.end, after[v + 1]!.end + 4)));
  const saidBefore = ctx.before.some((t, k) => lex.speechVerbs.has(t.norm) && !lex.according.has(t.norm) && !notACue(ctx, ctx.before, k));
  if (introduces && saidBefore) return null;
  // So a verb after it with a clause of its own (`But even as Trump claimed that “…,” one of the
  // prosecutors said the two cases were different`: it was `one`; `After Trump's speech comparing
  // immigrants to “rapists”, actress X wrote a blog…`) when a verb of saying stands before the
  // quotation. (A verb taking an object, `told the crowd`, only when that verb opens the quotation
  // right before it.)
  const next = after[v + 1];
  const ownClause = next !== undefined && !gapBreaks(text, cue, next) && (ARTICLES.has(next.norm) || ['that', 'que', "qu'"].includes(next.norm) || PERSONAL.has(next.norm));
  const last = ctx.before[ctx.before.length - 1];
  const opened = last !== undefined && /^[\s,:]*$/u.test(text.slice(last.end, ctx.open.start)) && ctx.before.slice(-2).some((t) => lex.speechVerbs.has(t.norm) || t.norm === 'that' || t.norm === 'que');
  if (ownClause && (opened || !OBJECT_VERBS.has(cue.norm)) && saidBefore && after.slice(0, v).some((t) => !lex.skip.has(t.norm))) return null;
  // Subject before the verb (English order, or French `le Kremlin a précisé`), skipping auxiliaries.
  let s = v;
  while (s > 0 && (lex.skip.has(after[s - 1]!.norm) || (s === v && cue.norm === 'savoir'))) s--;
  // Inverted pronoun (a-t-on, lit-on, est-il, avait-t-il): a pronoun hyphenated to a verb.
  const p = invertedPronoun(ctx, after, v);
  if (p) {
    const np = { span: { start: p.start, end: p.end }, tokens: [p] };
    return resolve(ctx, np, cue, previous, after.slice(v + 1));
  }
  // (French object pronouns before the verb group are no subject: `», l'a averti un maire`.)
  if (clitics >= s) s = 0;
  if (s > 0) {
    // Words before the verb are its subject; no subject there, no speaker (`…,” and a
    // supporter repeated the suggestion`: `the suggestion` is an object, not an inverted subject).
    const phrase = nounPhrase(ctx, after, 0);
    if (!phrase || phrase.span.end > cue.start) return null;
    // (The subject ends before its verb group: `the president will say`, `the aide would later
    // say` — the phrase ran on into the auxiliary and was refused. English only.)
    let end = phrase.tokens.length;
    if (ctx.lang.startsWith('en')) {
      const inGroup = (t: Token): boolean => !CAPITALISED.test(t.text) && (AUXILIARIES.has(t.norm) || lex.skip.has(t.norm) || isAdverb(ctx, t));
      while (end > 1 && inGroup(phrase.tokens[end - 1]!)) end--;
      // (Only a verb group running up to the cue: in `…,” the new rules were drafted according
      // to…` the words after the auxiliary are another verb's.)
      const group = after.slice(after.indexOf(phrase.tokens[end - 1]!) + 1, v);
      if (end < phrase.tokens.length && (!AUXILIARIES.has(phrase.tokens[end]!.norm) || !group.every(inGroup))) end = phrase.tokens.length;
    }
    const kept = phrase.tokens.slice(0, end);
    const np = end < phrase.tokens.length ? { span: { start: kept[0]!.start, end: kept[end - 1]!.end }, tokens: kept } : phrase;
    // `Feinstein said "…," she said`: a pronoun after the quotation whose sentence names its
    // speaker right before it (a name, its verb, the quotation) takes up that name (the search
    // for its referent starts before the sentence: it was `Congressional Republicans`).
    const pronoun = np.tokens.length === 1 && PERSONAL.has(np.tokens[0]!.norm) ? np.tokens[0]! : null;
    if (pronoun) {
      const own = fromBefore(ctx, previous);
      if (own && own !== UNKNOWN && own.mention && own.cue && /^[\s,:]*$/u.test(text.slice(own.cue.end, ctx.open.start)) && own.mention.end <= own.cue.start && !PERSONAL.has(fold(text.slice(own.mention.start, own.mention.end)).toLowerCase()) && fitsPronoun(ctx, pronoun.norm, own.speakerSpan)) return { ...own, cue: { start: cue.start, end: cue.end } };
    }
    // `“…,” he said as he walked, a reporter tweeted`: this `he said` is the attribution; a `he`
    // that names no one leaves the speaker unknown, not the next verb's subject.
    return resolve(ctx, np, cue, previous, after) ?? (pronoun ? UNKNOWN : null);
  }
  // `“…,” adding that the media was “…”`: a cue opening a complement clause (`that`, `que`) has
  // no inverted subject; what follows is its content, whose subject is no speaker (it was
  // `media`, for both quotations).
  if (['that', 'que', "qu'", 'qu’'].includes(after[v + 1]?.norm ?? '') && !gapBreaks(text, cue, after[v + 1]!)) return null;
  // `“…,” describing the team as brave`: an English participle has no inverted subject (English
  // inverts a finite verb of saying only: `said Mr. Hale`, Quirk et al. 1985, §18.24); the
  // noun phrase after it is its object. Its subject is the clause's, read before the quotation.
  // So a French present participle (`«…», relatant les faits aux gendarmes`: it gave `faits`).
  if (ctx.lang.startsWith('fr') ? /\p{L}{2}ant$/u.test(cue.norm) : /\p{L}{2}ing$/u.test(cue.norm)) return null;
  // Inverted subject after the verb: skip adverbs, time words and `à l'AFP` / `to reporters`.
  let k = v + 1;
  // (A French preposition of place or time opens an adjunct the same way: `résume dans le froid
  // Jérémy`, `a réagi sur Twitter Marine Lenoir`; read as qualifying words, its object became the subject.)
  const recipient = (t: Token): boolean => ['à', 'au', 'aux', 'to'].includes(t.text.toLowerCase()) || (ctx.lang.startsWith('fr') && ADJUNCT_PREPOSITIONS_FR.has(t.text.toLowerCase()));
  const closedAside = (a: Token, b: Token): boolean => /^\)\s*$/u.test(text.slice(a.end, b.start)) && lastIn(text, '(', (after[v]?.end ?? a.start) + 1, a.start + 1) >= 0;
  while (k < after.length && (lex.skip.has(after[k]!.norm) || isAdverb(ctx, after[k]!)) && !recipient(after[k]!) && !gapBreaks(text, after[k - 1]!, after[k]!)) k++;
  // Spanish, Italian and Portuguese drop the subject pronoun (`«…», ha aggiunto.`, `«…», añadió.`):
  // a verb of saying with nothing after it but adverbs, up to the sentence's end or a comma, has
  // the subject `he`/`she`/`they` would have.
  if (PRO_DROP.has(ctx.lang.slice(0, 2)) && (k >= after.length || gapBreaks(text, after[k - 1]!, after[k]!))) return droppedSubject(ctx, previous, after.slice(0, k), cue);
  // An adjunct set off by commas between the French verb and its inverted subject (`», lançait,
  // sur les Champs-Elysées, une manifestante`, `», avait ajouté, contre toute évidence, ce jeune
  // homme`): the subject follows the adjunct's closing comma.
  // (So an adjunct with no comma before it, closed by one: `», avait pesté en fin de semaine
  // dernière, l'entraîneur de Bordeaux`; not `à`, `au`, whose recipient is read below.)
  const leadingComma = k < after.length && /^\s*,\s*$/u.test(text.slice(after[k - 1]!.end, after[k]!.start));
  const joinedAdjunct = k < after.length && !leadingComma && !gapBreaks(text, after[k - 1]!, after[k]!) && !['à', 'au', 'aux'].includes(after[k]!.text.toLowerCase());
  // (Set off by commas, `de` opens one too: `», estime, de son côté, Olivier Faure` — it gave `son
  // côté, Olivier Faure`. Not without commas, where it is the subject's own: `le ministre de…`.)
  const opener = (w: string): boolean => ADJUNCT_OPENERS_FR.has(w) || (leadingComma && ['de', 'du', "d'", 'd’'].includes(w));
  if (ctx.lang.startsWith('fr') && k === v + 1 && k < after.length && (leadingComma || joinedAdjunct) && opener(after[k]!.text.toLowerCase())) {
    let e = k + 1;
    while (e < after.length && e <= k + 8 && !gapBreaks(text, after[e - 1]!, after[e]!)) e++;
    if (e < after.length && e <= k + 8 && /^\s*,\s*$/u.test(text.slice(after[e - 1]!.end, after[e]!.start)) && (opensNounPhrase(ctx, after[e]!.norm) || CAPITALISED.test(after[e]!.text))) {
      const np = nounPhrase(ctx, after, e);
      const next = np ? after.find((t) => t.start >= np.span.end) : undefined;
      // (The phrase ends before a preposition opening another adjunct: `une manifestante entre deux harangues`.)
      const cut = np ? np.tokens.findIndex((t, i) => i > 0 && ADJUNCT_OPENERS_FR.has(t.text)) : -1;
      const tokens = np ? (cut > 0 ? np.tokens.slice(0, cut) : np.tokens) : [];
      if (np && !(next && ['que', "qu'"].includes(next.norm))) return resolve(ctx, { span: { start: tokens[0]!.start, end: tokens[tokens.length - 1]!.end }, tokens }, cue, previous, after.slice(e));
    }
    // (With no comma before it, the adjunct may hold the subject with no comma at all: `a déclaré
    // sur BFMTV Paul Hanin`, read below.)
    if (leadingComma) return null;
  }
  // Lower-case words then a determiner (`demande faussement naïf cet internaute`): the words
  // qualify the saying; the subject starts at the determiner.
  // (Not across a preposition in Spanish, Italian, Portuguese: `ha scritto in una nota il
  // sindacato` is an adjunct, then the subject; read below.)
  const adjunctAt = (t: Token): boolean => PRO_DROP.has(ctx.lang.slice(0, 2)) && lex.npStop.has(t.norm);
  for (let d = k + 1; d < after.length && d <= k + 2 && !CAPITALISED.test(after[d - 1]!.text) && !recipient(after[d - 1]!) && !adjunctAt(after[d - 1]!) && !gapBreaks(text, after[d - 1]!, after[d]!); d++) {
    // (Not `des`, `de` + `les` after a noun: `la ministre des Transports`.)
    if (opensNounPhrase(ctx, after[d]!.norm) && !isHonorific(after[d]!.norm) && after[d]!.norm !== 'des') { k = d; break; }
  }
  if (k < after.length && recipient(after[k]!) && !gapBreaks(text, after[k - 1]!, after[k]!)) {
    // `à l'AFP un haut responsable`, `à l'AFP Karen, une infirmière`: the recipient (a determiner
    // and its noun, lower-case words after it) ends at the next determiner or capitalised word.
    let r = k + 1;
    if (r < after.length && ARTICLES.has(after[r]!.norm)) r++;
    r++;
    // A hyphenated recipient is one word (`à Keystone-ATS`).
    while (r < after.length && /^[-\u2011]$/u.test(text.slice(after[r - 1]!.end, after[r]!.start))) r++;
    // (Counted from the end of that word: `à Montceau-les-Mines (centre-est)` is three tokens and two.)
    const w = r - (k + 2);
    // (An article after `de`, or `du`, opens the complement of the adjunct's noun, not the subject:
    // `a réagi à la sortie de l'audience l'avocat de M. X`, `à la sortie du tribunal` — it gave
    // `audience l'avocat…`. Not `des`, which opens an indefinite subject: `aux journalistes des élus`.)
    const complement = (i: number): boolean => after[i]!.norm === 'du' || ['de', "d'", 'd’'].includes(after[i - 1]!.norm);
    while (r < after.length && r < k + w + 6 && !(ARTICLES.has(after[r]!.norm) && !complement(r)) && !CAPITALISED.test(after[r]!.text)) r++;
    // An infinitive after the recipient opens the verb's complement (`a expliqué au mégaphone être
    // au RSA`): the words after it are no inverted subject.
    if (after.slice(k + 1, r).some((t) => ['etre', 'avoir', 'be', 'have'].includes(t.norm))) return null;
    // (A place's parenthesis may close before the subject: `à Montceau-les-Mines (centre-est) Pierre-Gaël Laveder`.)
    if (r < after.length && r < k + w + 6 && (!gapBreaks(text, after[r - 1]!, after[r]!) || closedAside(after[r - 1]!, after[r]!))) k = r;
    // A recipient or a place not followed by a subject: no speaker phrase opens on `à`.
    else return null;
  }
  if (k < after.length && (!gapBreaks(text, after[k - 1]!, after[k]!) || closedAside(after[k - 1]!, after[k]!))) {
    // Spanish, Italian and Portuguese set an adjunct between the verb and its inverted subject
    // with no comma (`ha scritto in una nota il sindacato`, `dijo en rueda de prensa Pedro
    // Sánchez`, `ha detto a Repubblica il ministro`): the subject opens on the next article, or on
    // a capitalised word after lower-case ones (it gave `una nota il sindacato`).
    if (PRO_DROP.has(ctx.lang.slice(0, 2)) && lex.npStop.has(after[k]!.norm) && !lex.determiners.has(after[k]!.norm)) {
      let r = k + 1;
      let lower = 0;
      while (r < after.length && r <= k + 6 && !gapBreaks(text, after[r - 1]!, after[r]!) && !(r > k + 1 && lex.determiners.has(after[r]!.norm)) && !(lower > 0 && CAPITALISED.test(after[r]!.text)) && !lex.npStop.has(after[r]!.norm) && !lex.speechVerbs.has(after[r]!.norm)) {
        if (!CAPITALISED.test(after[r]!.text)) lower++;
        r++;
      }
      // (Not after a preposition of belonging: `dijo tras la reunión del Consejo de Ministros`,
      // `ha detto dopo la riunione del Consiglio dei ministri` — the adjunct's noun and its
      // complement, no subject (it gave `Consejo de Ministros`). The verb's subject is then
      // unsaid, as with nothing after it.)
      const complement = r < after.length && (after[r - 1]!.norm === 'de' || GENITIVES_OF.get(ctx.lang.slice(0, 2))?.has(after[r - 1]!.norm) === true);
      if (r > k + 1 && r < after.length && r <= k + 6 && !complement && !gapBreaks(text, after[r - 1]!, after[r]!) && (lex.determiners.has(after[r]!.norm) || (lower > 0 && CAPITALISED.test(after[r]!.text)))) k = r;
      else if (complement || r >= after.length) return droppedSubject(ctx, previous, after.slice(0, k), cue);
      else return null;
    }
    // (Not a determiner that is a relative pronoun too: German `erklärte die Ministerin`.)
    // (`Me` before a name is the lawyer's honorific, Maître, no object pronoun: `a réagi Me Paul Rocher`.)
    const honorific = isHonorific(after[k]!.text, true) && CAPITALISED.test(after[k + 1]?.text ?? '');
    if ((lex.npStop.has(after[k]!.norm) && !lex.determiners.has(after[k]!.norm)) || (OBJECT_PRONOUNS.has(after[k]!.norm) && !honorific)) {
      // `a-t-on précisé dans un communiqué…` handled above; `précise dans un communiqué X`: rare.
      return null;
    }
    const np = cutAtAdjunct(ctx, nounPhrase(ctx, after, k));
    // A phrase followed by the verb's complement clause (`», a précisé sur BFM TV qu'il
    // demanderait…`) is an adjunct's, not an inverted subject: the verb's subject stood before
    // the quotation, which is no words of that saying.
    const next = after.find((t) => np !== null && t.start >= np.span.end);
    if (np && next && ['que', "qu'", 'that'].includes(next.norm) && !gapBreaks(text, after[after.indexOf(next) - 1]!, next)) return null;
    // So is a phrase after a verb of describing, followed by `as`: the verb's object and what it
    // was called (`“…,” described the emotional impact as “horrendous”`; not `said the base
    // chief known as Bob`).
    if (np && next && next.norm === 'as' && /^(?:describ|characteri[sz])/u.test(cue.norm) && !gapBreaks(text, after[after.indexOf(next) - 1]!, next)) return null;
    if (np) return resolve(ctx, np, cue, previous, after.slice(k));
  }
  return null;
}

/** A Spanish or Portuguese third person singular preterite as written (`condenó`, `interrogó`, `condenou`, `prendeu`). */
const PRETERITE = /\p{L}{2}(?:ó|ou|eu|iu)$/u;
/** Languages that drop the subject pronoun of a finite verb (pro-drop). */
const PRO_DROP = new Set(['es', 'it', 'pt']);
/** A third person plural verb form of those languages (`dicono`, `hanno`, `dijeron`, `han`, `disseram`, `têm`), folded. */
const PLURAL_VERB = new Map([['it', /(?:no|nno)$/u], ['es', /[aeo]n$/u], ['pt', /(?:am|em|ão)$/u]]);

/**
 * The subject a Spanish, Italian or Portuguese verb of saying leaves unsaid (`«…», ha aggiunto.`):
 * who `he`/`she` (a singular verb) or `they` (a plural one) would name — a person or organisation
 * named as a sentence's subject since the previous speaker, else that speaker, of the right number;
 * unknown when an unattributed quotation breaks the chain (as for a pronoun, `resolve`).
 */
function droppedSubject(ctx: QuoteContext, previous: readonly Quote[], verbGroup: readonly Token[], cue: Token): SpeakerFound | null {
  const plural = verbGroup.some((t) => PLURAL_VERB.get(ctx.lang.slice(0, 2))!.test(t.norm));
  const fits = (span: Span): boolean => {
    if (plural) return fitsGroup(ctx, 'they', span);
    const speaker = ctx.text.slice(span.start, span.end);
    const words = tokenize(speaker, ctx.lang);
    const dropped = wordBefore(ctx, span);
    return !words.some((t) => ctx.lex.documents.has(t.norm)) && !ctx.lex.plurals.has(dropped) && !ctx.lex.plurals.has(words[0]?.norm ?? '');
  };
  const cueSpan = { start: cue.start, end: cue.end };
  const prev = inherit(ctx, previous, fits);
  // (A name after a verb in its sentence is that verb's object, never its subject: `El juez
  // condenó a Ana Ruiz. «…», dijo` is the judge's, whom no name gives — an auxiliary, a verb of
  // saying, a preterite or Spanish personal `a` before the name tells it.)
  const subjectOnly = (span: Span): boolean => {
    if (!fits(span)) return false;
    const start = ctx.sentences[firstSentenceAfter(ctx, span.start) - 1]?.start ?? 0;
    const head = tokenize(ctx.text.slice(start, span.start), ctx.lang);
    return !head.some((t) => !CAPITALISED.test(t.text) && (ctx.lex.skip.has(t.norm) || ctx.lex.speechVerbs.has(t.norm) || PRETERITE.test(t.text.toLowerCase()) || t.norm === 'a'));
  };
  // (Right after the quotation, the subject of its own sentence before it first, as for `he` —
  // `Giorgetti ha difeso il testo: «…», ha detto`: `sentenceSubject`.)
  const first = verbGroup[0];
  const here = first && first.start >= ctx.close.end ? sentenceSubject(ctx, { start: first.start, end: first.end }, fits) : null;
  if (here) return { speaker: ctx.text.slice(here.start, here.end), speakerSpan: here, mention: null, cue: cueSpan };
  const named = namedSubject(ctx, previous, subjectOnly) ?? (prev || brokenChain(ctx, previous) ? null : namedSubject(ctx, previous, subjectOnly, true));
  if (named && (!prev || named.start > prev.speakerSpan.start)) {
    // (A surname alone of someone quoted before in full takes that full name, as for `he`.)
    const surname = ctx.text.slice(named.start, named.end);
    const full = previous.findLast((q) => q.speaker !== null && q.speakerSpan !== null && q.speaker.trim().endsWith(` ${surname}`) && wholeName(ctx, q.speaker));
    if (full) return { speaker: full.speaker!, speakerSpan: full.speakerSpan!, mention: null, cue: cueSpan };
    return { speaker: surname, speakerSpan: named, mention: null, cue: cueSpan };
  }
  return prev ? { ...prev, mention: null, cue: cueSpan } : null;
}

/** A lower-case verb of saying after `after[k]`, before `end` and before any break (`,` `.`): the phrase's cue. */
function lowerCaseCueAfter(ctx: QuoteContext, after: readonly Token[], k: number, end: number): boolean {
  for (let j = k + 1; j < end && !gapBreaks(ctx.text, after[j - 1]!, after[j]!); j++) {
    const t = after[j]!;
    if (!CAPITALISED.test(t.text) && ctx.lex.speechVerbs.has(t.norm) && !ctx.lex.according.has(t.norm)) return true;
  }
  return false;
}

/**
 * French object pronouns set before a verb (`l'a averti`, `lui a lancé`, `leur a répondu`); those
 * that are also articles or subjects (`le`, `la`, `les`, `nous`, `vous`) only before an auxiliary.
 */
const CLITICS_FR = new Set(["l'", 'lui', 'leur', 'me', "m'", 'te', "t'"]);
const AMBIGUOUS_CLITICS_FR = new Set(['le', 'la', 'les', 'nous', 'vous']);

/** How many French object pronouns (at most two) open `tokens` before a lower-case verb (`l'a`, `lui a`, `nous a`), 0 when none. */
function leadingClitics(tokens: readonly Token[]): number {
  let k = 0;
  while (k < 2 && tokens[k] !== undefined && (CLITICS_FR.has(tokens[k]!.norm) || AMBIGUOUS_CLITICS_FR.has(tokens[k]!.norm))) k++;
  const verb = tokens[k];
  if (k === 0 || verb === undefined || CAPITALISED.test(verb.text)) return 0;
  return AUXILIARIES.has(verb.norm) || tokens.slice(0, k).every((t) => CLITICS_FR.has(t.norm)) ? k : 0;
}

/** A subject pronoun hyphenated to the verb group ending at or around `after[v]` (`a-t-il estimé`, `lit-on`). */
function invertedPronoun(ctx: QuoteContext, tokens: readonly Token[], v: number): Token | null {
  for (let k = Math.max(0, v - 3); k <= v + 2 && k < tokens.length; k++) {
    const t = tokens[k]!;
    if (ctx.lex.impersonal.has(t.norm) && /[-\u2011]/u.test(ctx.text[t.start - 1] ?? '')) return t;
  }
  return null;
}

/** French prepositions of place and time, which open an adjunct between a verb of saying and its inverted subject. */
const ADJUNCT_PREPOSITIONS_FR = new Set(['dans', 'sous', 'sur', 'devant', 'derrière', 'depuis', 'pendant', 'chez', 'lors', 'parmi', 'après', 'avant']);

/** Words opening a French adjunct set off by commas (`, sur les Champs-Elysées,`, `, selon l'AFP,`), which also end a noun phrase before it. */
const ADJUNCT_OPENERS_FR = new Set([...ADJUNCT_PREPOSITIONS_FR, 'contre', 'en', 'à', 'au', 'aux', 'selon', 'entre', 'avec', 'pour']);

/** Object pronouns: after a verb they are its object (`call them "…"`), never its inverted subject. */
const OBJECT_PRONOUNS = wordsOfEveryLanguage('objectPronouns');

/**
 * `continued to expand`, `went on to praise`: a verb of saying followed by `to` or `on` governs no
 * quotation; in `the United States` a capitalised word after an article and another capitalised
 * word is part of a name, not a verb.
 */
/**
 * A verb of saying made reflexive means something else (`se résume à`, `se poursuit`), but for
 * the reflexive verbs of saying of the lexicon (`se félicite`, `s'est exclamé`, `s'indigne`).
 */
function reflexiveNotSaying(ctx: QuoteContext, tokens: readonly Token[], v: number): boolean {
  const before = [tokens[v - 1], tokens[v - 2]].filter((t): t is Token => t !== undefined);
  const reflexive = before[0] && (REFLEXIVE.has(before[0].norm) || (ctx.lex.skip.has(before[0].norm) && before[1] !== undefined && REFLEXIVE.has(before[1].norm)));
  return Boolean(reflexive) && ![...ctx.lex.reflexiveSpeech].some((stem) => tokens[v]!.norm.startsWith(stem));
}
const REFLEXIVE = new Set(['se', "s'"]);
/** English emphatic reflexives of a third person, which may follow a subject (`Clinton herself said`). */
const EMPHATIC = new Set(['himself', 'herself', 'themselves', 'itself']);
const ENGLISH_REFLEXIVES = new Set(['himself', 'herself', 'themselves', 'itself', 'myself', 'ourselves', 'yourself']);

/** Determiners opening the object of a French verb of going on (`sa marche`, `la route`, `leur action`). */
const CONTINUATION_OBJECTS = new Set(['sa', 'son', 'ses', 'leur', 'leurs', 'la', 'le', 'les', "l'", 'un', 'une', 'des', 'ce', 'cette', 'ces', 'notre', 'nos', 'votre', 'vos']);

/** Conjunctions that open an English reduced adverbial clause before a participle (`when asked`, `if pressed`, `once told`). */
const REDUCED_CLAUSE_CONJUNCTIONS = new Set(['when', 'if', 'once', 'unless', 'until', 'whenever']);

function notACue(ctx: QuoteContext, tokens: readonly Token[], v: number): boolean {
  if (verbFormIsNoun(ctx, tokens, v)) return true;
  // `…, who told Congress when asked about the inquiry: “…”`: an English participle right after a
  // conjunction of time or condition is a reduced passive clause (`when [she was] asked`; Quirk
  // et al. 1985, §15.58): its subject was asked, the cue is the clause's own verb.
  if (ctx.lang.startsWith('en') && v > 0 && REDUCED_CLAUSE_CONJUNCTIONS.has(tokens[v - 1]!.norm) && /^(?:\p{L}+ed|told)$/u.test(tokens[v]!.norm) && !gapBreaks(ctx.text, tokens[v - 1]!, tokens[v]!)) return true;
  const next = tokens[v + 1]?.norm;
  // `GOP state leaders`, `state lawmakers`: `state` before a lower-case content word is a noun
  // modifying it (it gave `GOP`); the verb takes `that`, an object's determiner or the words said.
  if (['state', 'states'].includes(tokens[v]!.norm) && next !== undefined && !gapBreaks(ctx.text, tokens[v]!, tokens[v + 1]!) && /^\p{Ll}/u.test(tokens[v + 1]!.text) && !isStopword(next, ctx.lang)) return true;
  // (`Managers, he went on, “…”`: `went on` with nothing after it but the quotation is `continued`, a cue.)
  const wentOn = tokens[v]!.norm === 'went' && next === 'on' && tokens[v + 2] === undefined;
  if (/^(continu|went|put)/u.test(tokens[v]!.norm) && (next === 'to' || (next === 'on' && !wentOn) || next === 'de' || next === "d'" || next === 'a')) return true;
  // `La CGT parle d'un « recul »`, `GroenLinks-PvdA spreekt van "…"`: a verb of speaking says
  // something only with the preposition of what is spoken of after it (`parle avec`, `spreekt
  // met` do not).
  if (ctx.lex.speakOf.has(tokens[v]!.norm) && !(next !== undefined && SPOKEN_OF.has(next))) return true;
  // `as Ann Lowe puts it, …`: `puts` says only with `it` after it (`puts the blame on`, `puts
  // forward` put something).
  if (tokens[v]!.norm === 'puts' && next !== 'it') return true;
  // `her campaign would continue “to break barriers”`: `continue` with the quoted words right after
  // it, no comma or colon, takes them as its object; it says nothing (`He continued: “…”`, `“…,”
  // he continued` do). English.
  if (ctx.lang.startsWith('en') && /^continu/u.test(tokens[v]!.norm) && next === undefined && tokens[v]!.end <= ctx.open.start && /^\s*$/u.test(ctx.text.slice(tokens[v]!.end, ctx.open.start))) return true;
  // `le camion a avancé de «plusieurs mètres»`: `avancer de` measures a movement; one puts forward (`avance`) a figure or an idea with no `de`.
  if (/^avan[cç]/u.test(tokens[v]!.norm) && (next === 'de' || next === "d'")) return true;
  // `le cortège poursuit sa marche`, `reprend la route`: French verbs of going on say something
  // only with no object (`», poursuit-il`); with a determined noun after them they go on doing it.
  // (Adverbs between: `poursuit ensuite sa marche`.)
  let o = v + 1;
  while (tokens[o] && /^(?:ensuite|alors|encore|aussi|donc|toujours|desormais|ainsi|deja|\p{L}+ment)$/u.test(tokens[o]!.norm)) o++;
  if (/^(poursui|continu|repren|repri|enchain)/u.test(tokens[v]!.norm) && tokens[o] !== undefined && CONTINUATION_OBJECTS.has(tokens[o]!.norm)) return true;
  // `RED STATES OUTNUMBER BLUE STATES`: a word in capitals beside another is a headline's, no verb.
  const shouted = (t: Token | undefined) => t !== undefined && /^\p{Lu}{2,}$/u.test(t.text);
  if (shouted(tokens[v]) && (shouted(tokens[v - 1]) || shouted(tokens[v + 1]))) return true;
  return v >= 2 && CAPITALISED.test(tokens[v]!.text) && CAPITALISED.test(tokens[v - 1]!.text) && ARTICLES.has(tokens[v - 2]!.norm);
}

/** The prepositions of what a verb of speaking (the lexicon's `speakOf`) speaks of (`d` is `d’` before a mark: `parlé d’«…»`; Brazilian `falou em`). */
const SPOKEN_OF = new Set([...COMPLEMENT_OF, 'du', 'van', 'd', 'em']);

/**
 * `“…,” Chris Weston, chief market strategist at IG Ltd., said in an e-mail`: a subject set off
 * by an apposition between two commas before the verb. The speaker is the phrase before the
 * first comma (a name or a determined noun), the cue the verb right after the second.
 */
function appositionSubject(ctx: QuoteContext, previous: readonly Quote[]): SpeakerFound | null {
  const { lex, text } = ctx;
  const after = ctx.after;
  if (after.length < 3) return null;
  const aged = agedName(ctx);
  if (aged) return aged;
  const breaks: number[] = [];
  for (let k = 1; k < after.length && k <= MAX_NP_TOKENS * 2; k++) {
    const gap = text.slice(after[k - 1]!.end, after[k]!.start);
    if (!gapBreaks(text, after[k - 1]!, after[k]!)) continue;
    if (!/^\.?\s*,\s*$/u.test(gap) && !SET_OFF.test(gap)) return null; // only commas (and the full stop of `Ltd.,`) or dashes
    breaks.push(k);
    if (breaks.length === 2) break;
  }
  if (breaks.length < 2 || breaks[0]! > 6) return null;
  // `“…,” Anne Richards, assistant secretary of state for population, refugees, and migration,
  // said`: a name, then a description holding a list, its items set off by commas — each part
  // after a comma a lower-case word, the list closed by `and` or `or` — before the verb.
  const name = after.slice(0, breaks[0]);
  if (name.length >= 2 && name.every((t) => CAPITALISED.test(t.text)) && !CAPITALISED.test(after[breaks[0]!]!.text) && !lex.speechVerbs.has(after[breaks[1]!]!.norm)) {
    let b = breaks[1]!;
    let listed = false;
    for (let k = b + 1; k < after.length && k <= b + MAX_NP_TOKENS; k++) {
      if (!gapBreaks(text, after[k - 1]!, after[k]!)) { listed ||= ['and', 'or'].includes(after[k - 1]!.norm) && k - 1 >= b; continue; }
      if (!/^\s*,\s*$/u.test(text.slice(after[k - 1]!.end, after[k]!.start)) || CAPITALISED.test(after[b]!.text)) break;
      if (listed && lex.speechVerbs.has(after[k]!.norm) && !notACue(ctx, after, k)) { breaks[1] = k; break; }
      if (CAPITALISED.test(after[k]!.text) || listed) break;
      b = k;
    }
  }
  let v = breaks[1]!;
  while (v < after.length && v < breaks[1]! + 3 && lex.skip.has(after[v]!.norm)) v++;
  const verb = after[v];
  if (!verb || !lex.speechVerbs.has(verb.norm) || lex.according.has(verb.norm) || notACue(ctx, after, v)) return null;
  // `“…,” her mother, Fiona, said`, `“…,” the group’s spokesman, Tom Reyes, said`: a description
  // with no name (a possessive or an article, lower-case words), then a name of capitalised words
  // alone between the commas: the name.
  const description = after.slice(0, breaks[0]);
  const named = after.slice(breaks[0], breaks[1]);
  // (So a description opening on a name's possessive, a role after it: `Rep. Duncan Hunter’s
  // chief of staff, Joe Kasper, told POLITICO`.)
  const owner = description.findIndex((t) => POSSESSIVE_S.test(t.norm));
  const owned = owner >= 0 && owner + 1 < description.length && description.slice(0, owner + 1).every((t) => CAPITALISED.test(t.text))
    && description.slice(owner + 1).every((t) => !CAPITALISED.test(t.text));
  if ((owned || POSSESSIVES.has(after[0]!.norm) || lex.determiners.has(after[0]!.norm) || ARTICLES.has(after[0]!.norm)) && description.slice(1).every((t) => !CAPITALISED.test(t.text) || POSSESSIVE_S.test(t.norm) || owned)
    && named.length >= 1 && named.length <= 3 && named.every((t) => CAPITALISED.test(t.text) && !isStopword(t.norm, ctx.lang))) {
    const span = { start: named[0]!.start, end: named[named.length - 1]!.end };
    return { speaker: text.slice(span.start, span.end), speakerSpan: span, mention: span, cue: { start: verb.start, end: verb.end } };
  }
  if (!CAPITALISED.test(after[0]!.text) && !lex.determiners.has(after[0]!.norm)) return null;
  const np = nounPhrase(ctx, description, 0);
  return np ? resolve(ctx, np, verb, previous, after) : null;
}

/**
 * Sentence-level attributions away from the marks: `according to X` anywhere in the sentence
 * (`Labor conditions remained “tight,” with “modest” gains, according to the survey`), or a
 * closing `…, Mr. Clyburn said.` after words that carry the quotation on (`"…" and enact her
 * agenda, Mr. Clyburn said`): the subject between the last comma and the verb, which ends the
 * sentence or is followed by an adjunct only (not by `that`, which would open reported speech).
 */
function sentenceAttribution(ctx: QuoteContext, previous: readonly Quote[]): SpeakerFound | null {
  const { lex, text } = ctx;
  const tokens = [...ctx.before, ...ctx.after];
  // A verb of saying that opens reported speech before the quotation, after any other, governs
  // it (`Aunque el líder (…) declare que propician "…", vincular a un grupo … según sus normas`):
  // the words are that verb's subject's, and `according to` after the quotation names no one's
  // words but its own clause's (it gave `sus normas religiosas`). Its subject unfound, the speaker
  // is unknown. (Not a verb with an object of its own: `After X asked about it, the Graysons
  // became “agitated”…, according to a source`.)
  const governed = (): boolean => {
    let lastOther = -1;
    for (const o of ctx.others) if (o.end <= ctx.open.start && o.end > lastOther) lastOther = o.end;
    const opensSpeech = (k: number, all: readonly Token[]): boolean => {
      const next = all[k + 1];
      return next ? ['that', 'que', "qu'"].includes(next.norm) : /^\s*[,:]?\s*$/u.test(text.slice(all[k]!.end, ctx.open.start));
    };
    return ctx.before.some((t, k, all) => t.start >= lastOther && lex.speechVerbs.has(t.norm) && !lex.according.has(t.norm) && !notACue(ctx, all, k) && opensSpeech(k, all));
  };
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    const according = t.norm === 'per' ? 0 : accordingCue(ctx, tokens, k);
    if (according > 0) {
      if (k >= ctx.before.length && governed()) break;
      const np = nounPhrase(ctx, tokens, k + according, true);
      if (np) return resolve(ctx, np, t, previous, tokens.slice(k));
    }
  }
  // The closing attribution belongs to the last quotation before it: words after another
  // quotation or a paragraph break (`“A.”\n\n“B,” said X.`) are not this one's — unless it is
  // the sentence's only cue, after its last quotation (`Cette crise est «une chance» pour
  // «réagir plus fort», a-t-il plaidé.`): then it attributes every quotation of the sentence.
  const next = ctx.others.find((o) => o.start >= ctx.close.end)?.start ?? Infinity;
  const paragraph = paragraphEnd(text, ctx.close.end, ctx.sentence.end);
  const own = closingAttribution(ctx, previous, ctx.after.filter((t) => t.end <= Math.min(next, paragraph)));
  if (own || next > paragraph) return own;
  const rest = ctx.after.filter((t) => t.end <= paragraph);
  const cues = [...ctx.before, ...rest].filter((t, k, all) => lex.speechVerbs.has(t.norm) && !notACue(ctx, all, k));
  const lastQuote = Math.max(...ctx.others.filter((o) => o.start < paragraph).map((o) => o.end));
  if (cues.length !== 1 || cues[0]!.start < lastQuote) return null;
  // A pronoun there (`a-t-il plaidé`) may only name who spoke in the sentence before: across
  // narration its referent is too uncertain to hand it every quotation of the sentence.
  const shared = closingAttribution(ctx, previous, rest);
  const before = ctx.sentences[firstSentenceAfter(ctx, ctx.sentence.start - 1) - 1];
  const pronoun = shared?.mention && ctx.lex.impersonal.has(fold(text.slice(shared.mention.start, shared.mention.end)).toLowerCase());
  return shared && pronoun && (!before || shared.speakerSpan.start < before.start) ? null : shared;
}

/** The text whose last line break `lastBreak` holds, and that offset (-1: none). */
let lastBreakCache = { text: '', at: -1 };

/**
 * Where the paragraph holding `from` ends (the next line break), Infinity when no break follows;
 * read up to `bound` only: every offset `sentenceAttribution` compares with it (the sentence's
 * words and quotations) is below `bound`, so a break at or past it is taken as at `bound`.
 * `text.indexOf('\n', from)` read to the end of a text without breaks for every quotation (two
 * texts of 5 MB: a fifth of the speakers' time).
 */
function paragraphEnd(text: string, from: number, bound: number): number {
  if (lastBreakCache.text !== text) lastBreakCache = { text, at: text.lastIndexOf('\n') };
  if (lastBreakCache.at < from) return Infinity;
  for (let i = from; i < bound; i++) if (text.charCodeAt(i) === 0x0a) return i;
  return Math.max(bound, from);
}

/** `…, Mr. Clyburn said.`, `…, a-t-il estimé.`: the closing attribution among `after`, read from its end. */
function closingAttribution(ctx: QuoteContext, previous: readonly Quote[], after: Token[]): SpeakerFound | null {
  const { lex, text } = ctx;
  for (let v = after.length - 1; v > 0; v--) {
    const t = after[v]!;
    if (!lex.speechVerbs.has(t.norm) || lex.according.has(t.norm) || notACue(ctx, after, v) || reflexiveNotSaying(ctx, after, v)) continue;
    // A verb's form written capitalised after a capitalised word, outside a headline, ends a
    // name (`…, said David Wasserman, an analyst at the Cook Political Report.`: `Report` gave
    // `an analyst` as its subject); a verb inside a sentence is written in lower case.
    if (CAPITALISED.test(t.text) && CAPITALISED.test(after[v - 1]!.text) && !gapBreaks(text, after[v - 1]!, t) && !headline(ctx)) continue;
    const next = after[v + 1];
    if (next && ['that', 'que', "qu'"].includes(next.norm)) return null;
    // A verb before a colon introduces the words after it (`«…» Dans une vidéo …, Éric Drouet
    // affirmait: «Ce soir…»`): the next quotation's cue, not this one's closing attribution.
    if (/^\s*:/u.test(text.slice(t.end, t.end + 8))) return null;
    // `…, a-t-il estimé.`: the inverted pronoun is the subject, resolved like any pronoun.
    const p = invertedPronoun(ctx, after, v);
    if (p) return resolve(ctx, { span: { start: p.start, end: p.end }, tokens: [p] }, t, previous, after.slice(v + 1));
    let s = v;
    while (s > 0 && lex.skip.has(after[s - 1]!.norm) && !gapBreaks(text, after[s - 1]!, after[s]!)) s--;
    let b = s;
    while (b > 0 && s - b < 6 && !gapBreaks(text, after[b - 1]!, after[b]!)) b--;
    if (b === 0 || !/,/u.test(text.slice(after[b - 1]!.end, after[b]!.start))) return null;
    // (`…, Joe Kasper, told POLITICO`: after English `told` stands whom it was told to, never
    // an inverted subject.)
    if (b === s && !ctx.lang.startsWith('fr') && TOLD.has(t.norm)) return null;
    if (b === s) {
      // Inverted subject ending the sentence: `…, a dit Jean Dupont.`, `…, said Mr. Smith.`, after
      // time words, or opening on an article (`…, a annoncé vendredi le ministre de l'Intérieur`,
      // `…, indique la préfecture.`: AFP copy's closing attribution).
      let n = v + 1;
      const preposition = (x: Token): boolean => ['à', 'au', 'aux', 'to'].includes(x.text.toLowerCase());
      while (n < after.length && n < v + 4 && ctx.lex.skip.has(after[n]!.norm) && !opensNounPhrase(ctx, after[n]!.norm) && !preposition(after[n]!) && !gapBreaks(text, after[n - 1]!, after[n]!)) n++;
      const subject = after[n];
      // (An article after the verb opens its object as well: `Marine Le Pen et Jean-Luc Mélenchon,
      // …, demandent la dissolution`. It opens the subject only when no name stands between the
      // quotation and the verb, which could be the subject.)
      const determined = subject !== undefined && opensNounPhrase(ctx, subject.norm) && !preposition(subject) && !isHonorific(subject.norm)
        && after[n + 1] !== undefined && !ctx.lex.skip.has(after[n + 1]!.norm) && !isCalendarWord(after[n + 1]!.norm) && after.slice(0, b).every((x) => !CAPITALISED.test(x.text));
      const opens = subject !== undefined && !gapBreaks(text, after[n - 1]!, subject) && (CAPITALISED.test(subject.text) || determined);
      const np = opens ? nounPhrase(ctx, after, n) : null;
      // (So the inverted subject before a colon: `…, déclarait le ministre : «…»`.)
      if (np && /^\s*:/u.test(text.slice(np.span.end, np.span.end + 8))) return null;
      return np ? resolve(ctx, np, t, previous, after.slice(n)) : null;
    }
    const np = nounPhrase(ctx, after.slice(0, s), b);
    return np ? resolve(ctx, np, t, previous, after.slice(b)) : null;
  }
  return null;
}

/**
 * `POLLS NOT WRONG, JUST EARLY - Mark Blumenthal: “…”`: a digest's item (a summary, then its
 * source after a dash set off by spaces) signed by at most five capitalised words and a colon
 * right before the quotation. (Two names joined by `and` are left unknown: one of them is not the
 * speaker.)
 */
function digestSignature(ctx: QuoteContext): SpeakerFound | null {
  const { text, before } = ctx;
  const last = before.length - 1;
  if (last < 1 || !/^\s*:\s*$/u.test(text.slice(before[last]!.end, ctx.open.start))) return null;
  for (let d = last; d > 0 && last - d < 5; d--) {
    const t = before[d]!;
    const named = CAPITALISED.test(t.text) && !isStopword(t.norm, ctx.lang) && !ctx.lex.speechVerbs.has(t.norm) && !isCalendarWord(t.norm);
    if (!named) return null;
    if (named && /^\s+[-–—]\s+$/u.test(text.slice(before[d - 1]!.end, t.start))) {
      const span = { start: t.start, end: before[last]!.end };
      return { speaker: text.slice(span.start, span.end), speakerSpan: span, mention: span, cue: null };
    }
  }
  return null;
}

/**
 * `Michaela Angela Davis: ‘It’s Time For A Badass Woman’ To Be President.`, `Clinton: As Senator,
 * “I Represented…”`: a sentence that opens on a short capitalised name and a colon (headline and
 * summary style) gives that name as the speaker of its quotations. A question label of an
 * interview transcript (`Q:`, `Question :`) gives an unknown speaker.
 */
/** The endings of a verb's third person, singular or plural, in the present or the past (`esulta`, `gongolano`, `celebran`, `comemoram`, `exultó`). */
const THIRD_PERSON = new Map([['it', /(?:[aeò]|ano|ono)$/u], ['es', /(?:[aeó]|an|en)$/u], ['pt', /(?:[aeu]|am|em|ou)$/u]]);

/**
 * `Esulta il sindaco Marco Bianchi: «…»`, `Celebra la alcaldesa Ana Ruiz: «…»`: in Italian,
 * Spanish and Portuguese a sentence may open on its verb, any verb (of joy, of anger: `esulta`,
 * `insorge`, `gongola`, not only one of saying), its subject after it, and a colon announcing the
 * words (Quirk et al. 1985, §17.36; the inverted subject of Romance news copy). The word opening
 * the sentence is that verb when an article or a determiner follows it — a name never takes one
 * — or an adverb of the skip list and then one (`Esulta anche il sindaco`); or when the name after
 * it is written elsewhere in the article without it (`Esulta Marco Bianchi:` where the article
 * names `Marco Bianchi`): else it may be a given name (`Anna Maria Bernini:`), and the heading
 * rule reads the whole run. The subject is the phrase after the verb, up to its comma or the
 * colon, its article followed by a title, an organisation noun or a name (never `Dura la replica
 * di X:`, an adjective opening a sentence on a noun of saying).
 */
function invertedColonSubject(ctx: QuoteContext): SpeakerFound | null {
  const ending = THIRD_PERSON.get(ctx.lang.slice(0, 2));
  const { before, text, lex } = ctx;
  const verb = before[0];
  const last = before[before.length - 1];
  if (!ending || !verb || !last || verb.start - ctx.sentence.start > 2 || !/^\p{Lu}\p{Ll}+$/u.test(verb.text) || !ending.test(verb.text.toLowerCase())) return null;
  if (!/^\s*:\s*$/u.test(text.slice(last.end, ctx.open.start)) || isStopword(verb.norm, ctx.lang) || lex.speechVerbs.has(verb.norm)) return null;
  if ([lex.skip, lex.adjunctStarts, lex.subordinators, lex.sentenceAdverbs, lex.according, lex.coordinators, lex.determiners].some((words) => words.has(verb.norm)) || isCalendarWord(verb.norm)) return null;
  let k = 1;
  while (k < before.length - 1 && lex.skip.has(before[k]!.norm) && !CAPITALISED.test(before[k]!.text)) k++;
  const first = before[k];
  if (!first || gapBreaks(text, before[k - 1]!, first)) return null;
  // The phrase ends at its comma (an apposition: `, capogruppo del Pd`) or at the colon.
  let e = k;
  while (e + 1 < before.length && !/,/u.test(text.slice(before[e]!.end, before[e + 1]!.start))) e++;
  const phrase = before.slice(k, e + 1);
  const determined = lex.determiners.has(first.norm) || ARTICLES.has(first.norm);
  if (determined) {
    // (A title, an organisation or a name after the article: a sentence opening on an adjective,
    // `Dura la replica di Marco Bianchi:`, has a noun of saying there, whose owner is not sure.)
    const head = phrase[1];
    if (!head || !(CAPITALISED.test(head.text) || lex.titles.has(head.norm) || lex.organisations.has(head.norm)) || !phrase.some((t) => CAPITALISED.test(t.text))) return null;
  } else {
    // A name alone: two capitalised words or more, written elsewhere in the article without the verb.
    if (phrase.length < 2 || !phrase.every((t) => CAPITALISED.test(t.text))) return null;
    const name = text.slice(first.start, phrase[phrase.length - 1]!.end);
    let elsewhere = false;
    for (let at = text.indexOf(name); at >= 0 && !elsewhere; at = text.indexOf(name, at + 1)) {
      elsewhere = at !== first.start && !/\p{Lu}[\p{L}'’-]*\s+$/u.test(text.slice(Math.max(0, at - 30), at));
    }
    if (!elsewhere) return null;
  }
  const start = determined ? phrase[1]!.start : first.start;
  const span = { start, end: phrase[phrase.length - 1]!.end };
  return { speaker: text.slice(span.start, span.end), speakerSpan: span, mention: span, cue: { start: verb.start, end: verb.end } };
}

function colonHeading(ctx: QuoteContext): SpeakerFound | typeof UNKNOWN | null {
  const { text, before } = ctx;
  if (before.length === 0 || before[0]!.start - ctx.sentence.start > 2) return null;
  // `Gillibrand on Clinton’s Speech Transcripts: ‘I Think She Will.’`, `CNN President On Trump:
  // ‘…’`: a headline's name, `on` and its topic in Title Case, then the colon — the name speaks
  // of the topic (English headline style; the topic is no speaker).
  const topic = ctx.lang.startsWith('en') ? /^((?:\p{Lu}[\p{L}.'’-]*[^\S\n]+){0,3}\p{Lu}[\p{L}.'’-]*)[^\S\n]+[Oo]n[^\S\n]+([^:\n]{2,80}?)[^\S\n]*:[^\S\n]*$/u.exec(text.slice(before[0]!.start, ctx.open.start)) : null;
  if (topic && topic[2]!.split(/[^\S\n]+/u).every((w) => w.length < 4 || /^[\p{Lu}\d“"‘']/u.test(w)) && !isStopword(fold(topic[1]!.split(/\s/u)[0]!).toLowerCase(), ctx.lang) && !/['’]s$/u.test(topic[1]!)) {
    const span = { start: before[0]!.start, end: before[0]!.start + topic[1]!.length };
    return { speaker: topic[1]!, speakerSpan: span, mention: span, cue: null };
  }
  for (let k = 0; k < before.length && k < 5; k++) {
    const t = before[k]!;
    // Capitalised words, with particles and descriptive nouns between (`Internet phenomenon Ken Bone`).
    if (!CAPITALISED.test(t.text) && !(k > 0 && (/^(of|de|du|des|la|le)$/u.test(t.norm) || !isStopword(t.norm, ctx.lang)))) return null;
    const gap = text.slice(t.end, before[k + 1]?.start ?? ctx.open.start);
    if (/^\s*:\s*$/u.test(gap) || (/^\s*:/u.test(gap) && before[k + 1] === undefined)) {
      if (!CAPITALISED.test(t.text)) return null;
      // `Q:`, `Question :` — an interview's question line: the interviewer, not named.
      if (k === 0 && ctx.lex.qaLabels.has(t.norm)) return UNKNOWN;
      // A verb of saying after the colon has its own subject (`Problème: son entourage concède
      // que … «Jupiter»`): the label before the colon is no speaker.
      // (In lower case: a headline's words are all capitalised, `Cruz: Trump Would Put…`.)
      if (before.slice(k + 1).some((x) => ctx.lex.speechVerbs.has(x.norm) && !CAPITALISED.test(x.text))) return null;
      const span = { start: before[0]!.start, end: t.end };
      return { speaker: text.slice(span.start, span.end), speakerSpan: span, mention: span, cue: null };
    }
    if (PUNCT_BREAK.test(gap) && !(/^\.\s$/u.test(gap) && isHonorific(t.norm))) return null;
  }
  return null;
}

/**
 * Words that open a new clause: the subject of a verb after them is after them (`in which he
 * said`, `where she said`, `while 31 percent call them`).
 */
const CLAUSE_BREAKS = wordsOfEveryLanguage('clauseBreaks');
/** Relative pronouns that are the subject of their clause (`Greenpeace, which charged…`). */
const RELATIVE_SUBJECTS = wordsOfEveryLanguage('relativeSubjects');

/**
 * `…, a scholar at the institute who describes it as "…"`: the relative pronoun right before the
 * verb (auxiliaries aside) is the clause's subject; the speaker is its antecedent (the phrase
 * before it, up to a break), and the relative pronoun its mention.
 */
function relativeSubject(ctx: QuoteContext, before: Token[], v: number, cue: Token): SpeakerFound | typeof UNKNOWN | null {
  const { lex, text } = ctx;
  const e = verbGroupStart(ctx, before, v);
  const rel = before[e - 1];
  if (!rel || !RELATIVE_SUBJECTS.has(rel.norm) || gapBreaks(text, rel, before[e]!)) return null;
  const mention = { start: rel.start, end: rel.end };
  const cueSpan = { start: cue.start, end: cue.end };
  // The antecedent: back from the pronoun to a break (across the comma of `Greenpeace, which`),
  // then its first noun phrase.
  const end = e - 1;
  // `the Harbor Alliance, a fishermen and dockers group, which said`: a name, then an indefinite
  // description set off by commas, then the pronoun — the name is the antecedent.
  if (end > 0 && /^\s*,\s*$/u.test(text.slice(before[end - 1]!.end, rel.start))) {
    let d = end - 1;
    while (d > 0 && end - d < MAX_NP_TOKENS && !/,/u.test(text.slice(before[d - 1]!.end, before[d]!.start)) && !gapBreaks(text, before[d - 1]!, before[d]!)) d--;
    if (d > 0 && INDEFINITE.has(before[d]!.norm) && /^\s*,\s*$/u.test(text.slice(before[d - 1]!.end, before[d]!.start))) {
      let a = d;
      while (a > 0 && d - a < 5 && CAPITALISED.test(before[a - 1]!.text) && (a === d || !gapBreaks(text, before[a - 1]!, before[a]!))) a--;
      if (a < d) {
        const span = { start: before[a]!.start, end: before[d - 1]!.end };
        return { speaker: text.slice(span.start, span.end), speakerSpan: span, mention, cue: cueSpan };
      }
    }
  }
  // `Sheriff Joe Arpaio of Maricopa County, Ariz., who calls`: a region set off by commas after
  // `Name of Place` belongs to the place; `who` names the person before `of`, as below, `which`
  // the organisation (it was the region: `France`).
  const region = placeRegion(ctx, before, end, rel);
  if (region === UNKNOWN) return UNKNOWN;
  if (region) return { speaker: text.slice(region.start, region.end), speakerSpan: region, mention, cue: cueSpan };
  let s = end;
  // (A dash sets off a relative clause as a comma does: `Mayor Tom Hale — who said he would “…” —`.)
  if (s > 0 && /^\s*(?:,|[—–]|\s-)\s*$/u.test(text.slice(before[s - 1]!.end, rel.start))) s--;
  else if (s > 0 && gapBreaks(text, before[s - 1]!, rel)) s = end;
  while (s > 0 && end - s < MAX_NP_TOKENS && !gapBreaks(text, before[s - 1]!, before[s]!) && !CLAUSE_BREAKS.has(before[s - 1]!.norm)) s--;
  // A name right before the pronoun is the antecedent (`fire from Greenpeace, which`), `of` or
  // `for` between capitalised words joining it (`Secretary of State John Kerry`, `Department of
  // Justice`).
  let n = end;
  const capital = (k: number): boolean => CAPITALISED.test(before[k]!.text) || (k > 0 && (before[k]!.norm === 'of' || before[k]!.norm === 'for') && k + 1 < end && CAPITALISED.test(before[k - 1]!.text));
  while (n > s && capital(n - 1) && (n === end || !gapBreaks(text, before[n - 1]!, before[n]!))) n--;
  const run = before.slice(n, end);
  const of = run.findIndex((t) => t.norm === 'of' || t.norm === 'for');
  // `Sen. Jeff Flake of Arizona, who said`: `who` names the person before `of` (a given name and
  // a surname at least), not the place after it.
  if (rel.norm === 'who' && of > 0 && run.slice(0, of).filter((t) => !isHonorific(t.norm) && !ctx.lex.titles.has(t.norm)).length >= 2) {
    const span = { start: run[0]!.start, end: run[of - 1]!.end };
    return { speaker: text.slice(span.start, span.end), speakerSpan: span, mention, cue: cueSpan };
  }
  // (`who` names a person: not `the think tank American Enterprise Institute who describes` —
  // a name ending on an organisation noun; `Secretary of State John Kerry` is a person.)
  const name = ctx.text.slice(before[n]?.start ?? 0, before[end - 1]?.end ?? 0);
  const last = run[run.length - 1];
  const organisation = last !== undefined && (ctx.lex.organisations.has(last.norm) || (run.length === 1 && isOrganisation(ctx, name)));
  if (n < end && n > s && !(rel.norm === 'who' && organisation)) s = n;
  const np = s < end ? nounPhrase(ctx, before.slice(0, end), s) : null;
  if (!np) return { speaker: rel.text, speakerSpan: mention, mention, cue: cueSpan };
  // `criticism from the think tank American Enterprise Institute, who said`: `who` after an
  // organisation's name is the organisation, unless a person is named in apposition before it
  // (below) or a preposition ties the organisation to a noun before it (`a scholar at the
  // think tank X who`: the scholar, whom the sentence does not name) — then unknown. Never the
  // words before the name (issue 13: a speaker is never a fragment).
  if (rel.norm === 'who' && organisation && n < end && n > s && np.span.start < before[n]!.start) {
    const named = appositionBefore(ctx, before, s);
    if (named) return { speaker: text.slice(named.start, named.end), speakerSpan: named, mention, cue: cueSpan };
    let k = n - 1;
    while (k >= s && n - k <= 4 && !PREPOSITIONS.has(before[k]!.norm) && (ARTICLES.has(before[k]!.norm) || !isStopword(before[k]!.norm, ctx.lang))) k--;
    if (k >= s && PREPOSITIONS.has(before[k]!.norm)) return UNKNOWN;
    const span = { start: before[n]!.start, end: before[end - 1]!.end };
    return { speaker: text.slice(span.start, span.end), speakerSpan: span, mention, cue: cueSpan };
  }
  // A description set off after a name (`Norman Ornstein, a scholar at the institute who`) is
  // that name's apposition: the name is the antecedent.
  if (!CAPITALISED.test(np.tokens[0]!.text)) {
    const named = appositionBefore(ctx, before, s);
    if (named) return { speaker: text.slice(named.start, named.end), speakerSpan: named, mention, cue: cueSpan };
  }
  // `Trump told the crowd, which chanted “…”`: the phrase read stops short of the pronoun (at a
  // verb: `Trump told`), so the antecedent is a nearer noun (`the crowd`) the rule cannot
  // delimit — unknown, never the clause's subject.
  if (np.span.end < before[end - 1]!.start && before.slice(before.indexOf(np.tokens[np.tokens.length - 1]!) + 1, end).some((t) => !CAPITALISED.test(t.text) && !isStopword(t.norm, ctx.lang))) {
    // (Unless a determined noun phrase ends right at the pronoun's comma: `a lecture from the
    // Mexican president, who said` — the nearest noun phrase, the antecedent of a non-restrictive
    // relative, Quirk et al. 1985, §17.22.)
    // (`who` only, a person's pronoun: `told the crowd, which chanted` stays unknown.)
    const near = rel.norm === 'who' ? nearestDeterminedPhrase(ctx, before, s, end) : null;
    if (near && /^\s*,\s*$/u.test(text.slice(before[end - 1]!.end, rel.start))) return { speaker: text.slice(near.span.start, near.span.end), speakerSpan: near.span, mention, cue: cueSpan };
    return UNKNOWN;
  }
  return { speaker: text.slice(np.span.start, np.span.end), speakerSpan: np.span, mention, cue: cueSpan };
}

/**
 * The noun phrase opened by an article at most MAX_HEAD_WORDS + 2 words before `before[end]`
 * and running to it (`the Mexican president`, `a former aide`), not after `of`; or null.
 */
function nearestDeterminedPhrase(ctx: QuoteContext, before: Token[], from: number, end: number): { span: Span; tokens: Token[] } | null {
  for (let k = end - 2; k >= Math.max(from, end - MAX_HEAD_WORDS - 3); k--) {
    if (gapBreaks(ctx.text, before[k]!, before[k + 1]!)) return null;
    if (!['the', 'a', 'an'].includes(before[k]!.norm)) continue;
    // (Not the complement of an `of` phrase: in `the wife of the senator, who` either may be meant.)
    if (before[k - 1]?.norm === 'of') return null;
    const np = nounPhrase(ctx, before.slice(0, end), k);
    return np && np.tokens[np.tokens.length - 1] === before[end - 1] ? np : null;
  }
  return null;
}

/**
 * `Joe Arpaio of Maricopa County, Ariz., who`, `Ann Birch of Lyon, France, who`: before the
 * relative pronoun at `before[end]`, one or two capitalised words set off by commas (a region),
 * after a name of two words or more (titles aside), `of` and a place: the name's span (a title
 * and a surname: the phrase with its place); after an organisation's name with its `of` (`the
 * Bank of Lyon, France, which`), that name; after a description (`the mayor of Lyon, France,
 * who`), unknown; else null.
 */
function placeRegion(ctx: QuoteContext, before: readonly Token[], end: number, rel: Token): Span | typeof UNKNOWN | null {
  const { text } = ctx;
  let r = end;
  while (r > 0 && end - r < 2 && CAPITALISED.test(before[r - 1]!.text) && (r === end || !gapBreaks(text, before[r - 1]!, before[r]!))) r--;
  if (r === end || r < 3 || !/^\.?\s*,\s*$/u.test(text.slice(before[end - 1]!.end, rel.start)) || !/^\s*,\s*$/u.test(text.slice(before[r - 1]!.end, before[r]!.start))) return null;
  let a = r - 1;
  while (a > 0 && r - a < MAX_NAME_RUN && !gapBreaks(text, before[a - 1]!, before[a]!) && (CAPITALISED.test(before[a - 1]!.text) || before[a - 1]!.norm === 'of')) a--;
  // (`the support of Dana Kell of Pima County`: the phrase opens on a capitalised word.)
  while (a < r - 1 && before[a]!.norm === 'of' && CAPITALISED.test(before[a + 1]!.text) && before.slice(a + 1, r).some((t) => t.norm === 'of')) a++;
  const phrase = before.slice(a, r);
  const of = phrase.findIndex((t) => t.norm === 'of');
  if (of < 0 || of === phrase.length - 1) return null;
  // (`the mayor of Lyon, France, who`: the antecedent is a description the rule does not
  // delimit — unknown, never the region.)
  if (of === 0 || !CAPITALISED.test(phrase[0]!.text) || isStopword(phrase[0]!.norm, ctx.lang)) return UNKNOWN;
  // (`the Bank of Lyon, France, which`: `which` names the organisation, its `of` kept.)
  if (rel.norm === 'which') return isOrganisation(ctx, text.slice(phrase[0]!.start, phrase[of - 1]!.end)) ? { start: phrase[0]!.start, end: phrase[phrase.length - 1]!.end } : null;
  // (A title and a surname, or an organisation, keep their place as the rule below keeps it:
  // `Mayor Birch of Lyon`.)
  const name = phrase.slice(0, of);
  if (name.filter((t) => !isHonorific(t.norm) && !ctx.lex.titles.has(t.norm)).length < 2 || isOrganisation(ctx, text.slice(name[0]!.start, name[of - 1]!.end))) return { start: phrase[0]!.start, end: phrase[phrase.length - 1]!.end };
  return { start: name[0]!.start, end: name[of - 1]!.end };
}

/** `Norman Ornstein, a scholar…`: the name of two to five capitalised words, ending at the comma right before `before[s]`; null if none. */
function appositionBefore(ctx: QuoteContext, before: readonly Token[], s: number): Span | null {
  const { text } = ctx;
  if (!(s > 1 && /^\s*,\s*$/u.test(text.slice(before[s - 1]!.end, before[s]!.start)))) return null;
  let a = s - 1;
  while (a > 0 && s - a < 5 && CAPITALISED.test(before[a - 1]!.text) && !gapBreaks(text, before[a - 1]!, before[a]!)) a--;
  if (s - a >= 2 && CAPITALISED.test(before[a]!.text) && CAPITALISED.test(before[s - 1]!.text)) return { start: before[a]!.start, end: before[s - 1]!.end };
  return null;
}

/** Said by `subjectBefore` of words that are another verb's object: look for an earlier cue. */
const OBJECT = 'object' as const;

/**
 * Where the verb group of `before[v]` starts: back over its auxiliaries and adverbs (`has long
 * said`, `clearly says`, `a ensuite déclaré`), never across a break.
 */
function verbGroupStart(ctx: QuoteContext, before: readonly Token[], v: number): number {
  let e = v;
  while (e > 0 && (ctx.lex.skip.has(before[e - 1]!.norm) || isAdverb(ctx, before[e - 1]!)) && !gapBreaks(ctx.text, before[e - 1]!, before[e]!)) e--;
  return e;
}

/** The subject of the clause whose verb is `before[v]`: back to a clause boundary. */
function subjectBefore(ctx: QuoteContext, before: Token[], v: number): { span: Span; tokens: Token[] } | typeof OBJECT | null {
  const np = clauseSubjectBefore(ctx, before, v);
  // (A gerund after a preposition has the subject of the clause the preposition hangs on, ending
  // before that clause's verb: `Trump responded to that tweet by calling` → `Trump`; a phrase
  // running up to the preposition is no subject: it was `drew boos upon` in `Mary Lowe, herself a
  // supporter, drew boos upon saying`.)
  if (np && np !== OBJECT && gerundAfterPreposition(ctx, before, v) && np.tokens[np.tokens.length - 1] === before[v - 1]) return null;
  return np;
}

/** An auxiliary or a verb of saying (French `a` is one; no article is). */
function isVerbGroup(ctx: QuoteContext, t: Token | undefined): boolean {
  return t !== undefined && !ARTICLES.has(t.norm) && (AUXILIARIES.has(t.norm) || ctx.lex.speechVerbs.has(t.norm));
}

/**
 * After an article, capitalised words modify the nouns after them (`The GOP nominee has
 * staked…`, `The Trump campaign spokesman said`: it was `GOP`, `Trump`): the phrase from
 * `tokens[k]`, its capitalised words and up to three lower-case nouns, when an auxiliary or a verb
 * of saying follows it; null otherwise.
 */
function modifiedNoun(ctx: QuoteContext, tokens: readonly Token[], k: number): Token[] | null {
  let e = k;
  while (e < tokens.length && CAPITALISED.test(tokens[e]!.text) && (e === k || !gapBreaks(ctx.text, tokens[e - 1]!, tokens[e]!))) e++;
  let n = e;
  while (n < tokens.length && n - e < 3 && /^\p{Ll}{3,}$/u.test(tokens[n]!.text) && !isStopword(tokens[n]!.norm, ctx.lang) && !isVerbGroup(ctx, tokens[n]) && !gapBreaks(ctx.text, tokens[n - 1]!, tokens[n]!)) n++;
  return n > e && e > k && isVerbGroup(ctx, tokens[n]) && !gapBreaks(ctx.text, tokens[n - 1]!, tokens[n]!) ? tokens.slice(k, n) : null;
}

/** English contractions of a subject pronoun and an auxiliary (`he's`, `they're`, `she'd`), folded. */
const GLUED_PRONOUN = /^(he|she|it|they|we|i)'(?:s|re|d|ll|ve|m)$/u;

/** The pronoun of `he’s`, `they’re` as a token of its own (`he`, `they`), or null. */
function gluedPronoun(t: Token): Token | null {
  const m = GLUED_PRONOUN.exec(t.norm);
  return m ? { ...t, text: t.text.slice(0, m[1]!.length), norm: m[1]!, end: t.start + m[1]!.length } : null;
}

function clauseSubjectBefore(ctx: QuoteContext, before: Token[], v: number): { span: Span; tokens: Token[] } | typeof OBJECT | null {
  const { lex, text } = ctx;
  const e = verbGroupStart(ctx, before, v);
  // `He’s predicting he will do “…”`: a personal pronoun with its auxiliary glued on is the
  // subject (the phrase finder reads `He’s` as a possessive).
  const glued = e > 0 && !gapBreaks(text, before[e - 1]!, before[e]!) ? gluedPronoun(before[e - 1]!) : null;
  if (glued) return { span: { start: glued.start, end: glued.end }, tokens: [glued] };
  // `a, de manière répétée, déclaré`: parenthetical adverbials between auxiliary and verb are rare; ignore.
  let s = e;
  while (s > 0 && e - s < MAX_NP_TOKENS) {
    const t = before[s - 1]!;
    if (gapBreaks(text, t, before[s] ?? before[e]!)) break;
    // (`the surge came after Ann Lowe said`: the subject of a subordinate clause follows its conjunction.)
    // (Not `as`, `comme` after a reflexive verb: `The man who describes himself as a simple citizen
    // says`, `Celui qui se présente comme un simple citoyen affirme` — a predicate, not a subject;
    // the subject stands before it, unread here.)
    if (['as', 'comme'].includes(t.norm) && before.slice(Math.max(0, s - 3), s - 1).some((x) => REFLEXIVE.has(x.norm) || ENGLISH_REFLEXIVES.has(x.norm)) && !gapBreaks(text, before[s - 2]!, t)) return null;
    if ((CLAUSE_BREAKS.has(t.norm) && !organisationNameWord(ctx, before, s - 1)) || lex.subordinators.has(t.norm)) break;
    // (`kept up pressure on Steele to better explain`: the subject of an infinitive is not the
    // words before its `to` — which is a preposition in `an aide to the senator said`.)
    if (t.norm === 'to' && !ctx.lang.startsWith('fr') && e - s <= 1 && before.slice(s, e).every((x) => !CAPITALISED.test(x.text) && !isStopword(x.norm, ctx.lang))) return null;
    // `Carney reiterated past statements in saying …`: lower-case words back to another verb of
    // saying are that verb's object, not this one's subject.
    // (After an English article a verb form is a noun: `As the report states:` has `the report` for
    // subject. Not in French, where `le`, `la` before a verb are its object: `comme le dit`.)
    // (Only an article opening the clause: in `…, recently releasing a report claiming` the noun
    // is an object.)
    const opensClause = (k: number): boolean => k === 0 || gapBreaks(text, before[k - 1]!, before[k]!) || CLAUSE_BREAKS.has(before[k - 1]!.norm) || lex.subordinators.has(before[k - 1]!.norm);
    if (lex.speechVerbs.has(t.norm) && !(!ctx.lang.startsWith('fr') && s >= 2 && ARTICLES.has(before[s - 2]!.norm) && opensClause(s - 2) && !gapBreaks(text, before[s - 2]!, t))) {
      if (s < e && [t, ...before.slice(s, e)].every((x) => !CAPITALISED.test(x.text))) return OBJECT;
      break;
    }
    s--;
  }
  // `Then she said`, `Still, he added`: an adverb opening the clause is not its subject.
  while (s < e - 1 && !ARTICLES.has(before[s]!.norm) && (lex.skip.has(before[s]!.norm) || isAdverb(ctx, before[s]!) || lex.skip.has(before[s]!.text.toLowerCase()))) s++;
  if (s < e) {
    const np = nounPhrase(ctx, before, s);
    // `A flabbergasted Noah quipped`: an article, lower-case words, then a name right before the
    // verb — the name (the phrase stopped at its article: it was `A`).
    // (A name written as one, not an acronym: `A newly formed super PAC called Future 45`.)
    const named = e - 1 > s && ARTICLES.has(before[s]!.norm) && /^\p{Lu}\p{Ll}+$/u.test(before[e - 1]!.text) && before.slice(s + 1, e - 1).every((t) => /^\p{Ll}/u.test(t.text) && !isStopword(t.norm, ctx.lang));
    if (np && named && np.tokens.length === 1) return { span: { start: before[e - 1]!.start, end: before[e - 1]!.end }, tokens: [before[e - 1]!] };
    if (np && np.span.end <= before[e - 1]!.end) {
      // Trim the phrase to end before the verb group.
      const tokens = np.tokens.filter((t) => t.end <= before[e - 1]!.end);
      if (tokens.length > 0) return { span: { start: tokens[0]!.start, end: tokens[tokens.length - 1]!.end }, tokens };
    }
  }
  // `Gov. John Kasich (R-OH), said`: a parenthesis (a party and state, an age) and a comma
  // between a name and its verb — the name is the subject (it was the sentence's first phrase).
  // (The parenthesis' words are no part of `before`: `dropAsides`.)
  const last = before[e - 1];
  if (last && s === e && CAPITALISED.test(last.text) && /^\s*\([^()]{1,40}\)\s*,\s*$/u.test(text.slice(last.end, before[e]!.start))) {
    let f = e - 1;
    while (f > 0 && CAPITALISED.test(before[f - 1]!.text) && !gapBreaks(text, before[f - 1]!, before[f]!)) f--;
    if (e - 1 - f >= 1) {
      const tokens = before.slice(f, e);
      return { span: { start: tokens[0]!.start, end: tokens[tokens.length - 1]!.end }, tokens };
    }
  }
  // `…her campaign's leadership, who, on a press call Friday, criticized`: an aside set off by
  // commas between a relative pronoun and its verb; the subject is the pronoun's antecedent, which
  // is not read here (it was the sentence's first phrase).
  let a = e - 1;
  while (a > 0 && !gapBreaks(text, before[a - 1]!, before[a]!)) a--;
  if (a > 0 && a < e && /^\s*,\s*$/u.test(text.slice(before[a - 1]!.end, before[a]!.start)) && RELATIVE_SUBJECTS.has(before[a - 1]!.norm)) return null;
  // Empty subject at a comma (`…, Staffan de Mistura, accusé par Moscou de "…", a affirmé`):
  // the subject is the first noun phrase of the sentence after any opening adverbial phrase —
  // or of the clause a conjunction after a comma opens (`Jindal signed an order, while Mike
  // Huckabee, the former governor, proposed`: it was `Jindal`).
  // (A subject after the conjunction, a name or a determined noun: not `Ted Cruz, when asked…,
  // responded`, whose conjunction opens an adverbial of the main clause.)
  const opensSubject = (t: Token | undefined): boolean => t !== undefined && (CAPITALISED.test(t.text) || ARTICLES.has(t.norm) || ctx.lex.determiners.has(t.norm));
  const clause = before.findLastIndex((t, k) => k > 0 && k < v - 1 && ctx.lex.subordinators.has(t.norm) && /,\s*$/u.test(text.slice(before[k - 1]!.end, t.start)) && opensSubject(before[k + 1]));
  let i = clause >= 0 ? clause + 1 : 0;
  // (`As John Cornyn, the No. 2 in the leadership, put it:`: a conjunction opening the clause
  // right before a name comes before its subject.)
  if (i < v - 1 && lex.subordinators.has(before[i]!.norm) && CAPITALISED.test(before[i + 1]!.text) && !gapBreaks(text, before[i]!, before[i + 1]!)) i++;
  while (i < v) {
    const t = before[i]!;
    if (!lex.adjunctStarts.has(t.norm) && !openingAdverbial(ctx, before, i, v)) break;
    // skip to the next comma
    let j = i + 1;
    while (j < v && !/,/u.test(text.slice(before[j - 1]!.end, before[j]!.start))) j++;
    i = j;
  }
  if (i < v) {
    // `Senator Ann Lowe's spokesman, Tom Reed, said`, `The Clinton campaign's spokesman, Brian
    // Fallon, called`: the name set off after the description is the subject — never the
    // possessor's name the description opens on (it was `Senator Ann Lowe's`, `Clinton`).
    const apposed = appositiveName(ctx, before.slice(i, v));
    if (apposed) return { span: { start: apposed[0]!.start, end: apposed[apposed.length - 1]!.end }, tokens: apposed };
    const np = nounPhrase(ctx, before, i);
    // A description of any length, then a name set off by a comma (`Organisateur responsable de
    // la manifestation, Nicolas Mollier, dit`, a heading glued before it or not): the name is the
    // subject, not the description's first capitalised word.
    const apposedAfter = np ? np.tokens.findIndex((t, k) => k > 0 && /^\s*,\s*$/u.test(text.slice(np.tokens[k - 1]!.end, t.start))) : -1;
    if (np && apposedAfter > 0 && np.tokens.length - apposedAfter >= 2 && np.tokens.slice(apposedAfter).every((t) => CAPITALISED.test(t.text)) && np.tokens.slice(0, apposedAfter).some((t) => !CAPITALISED.test(t.text) && !isStopword(t.norm, ctx.lang))) {
      const tokens = np.tokens.slice(apposedAfter);
      return { span: { start: tokens[0]!.start, end: tokens[tokens.length - 1]!.end }, tokens };
    }
    // The subject ends before its verb group (`Mr. Durham has denied wrongdoing` → `Mr. Durham`).
    // (`Clinton talks about…, saying`: a name then any lower-case word is the name then its verb.)
    // A lower-case last word before a comma is the head noun, not a verb (`Another man, not seen on camera, then tells`).
    // (`A Romney campaign aide, though, said`: an article opens no name.)
    // (Not after a name's possessive, whose noun follows: `Grayson's spokeswoman challenged… and
    // said` — it was `Grayson's`; the verb is found below.)
    const aux = np ? np.tokens.findIndex((t, k) => k > 0 && !(k === np.tokens.length - 1 && /^\s*,/u.test(text.slice(t.end))) && !CAPITALISED.test(t.text) && !PARTICLES.has(t.norm) && !(t.norm === 'for' && CAPITALISED.test(np.tokens[k + 1]?.text ?? '')) && np.tokens.slice(0, k).every((x) => CAPITALISED.test(x.text) && !ARTICLES.has(x.norm) && !POSSESSIVE_S.test(x.norm))) : -1;
    // (Not lower-case role words between a capitalised modifier and a name: `Band member Flea
    // shared…, writing` — it was `Band`.)
    const named = aux > 0 ? np!.tokens.findIndex((t, k) => k > aux && CAPITALISED.test(t.text)) : -1;
    if (np && named > 0 && isTitle(ctx, np.tokens.slice(aux, named))) return np;
    // (`The GOP nominee has staked…`: not `GOP`, see `modifiedNoun`.)
    const modified = np && aux > 0 && ARTICLES.has(before[i]!.norm) ? modifiedNoun(ctx, before, before.indexOf(np.tokens[0]!)) : null;
    if (modified) return { span: { start: modified[0]!.start, end: modified[modified.length - 1]!.end }, tokens: modified };
    if (np && aux > 0) {
      const tokens = np.tokens.slice(0, aux);
      return { span: { start: tokens[0]!.start, end: tokens[tokens.length - 1]!.end }, tokens };
    }
    return np ? beforeItsVerb(ctx, np) : null;
  }
  return null;
}

/**
 * English: `np` cut where a verb and its object start (`The town released a statement… saying`,
 * `Grayson's spokeswoman challenged the assertion and said`): a lower-case word after the head
 * noun that an article, a preposition or a particle follows. (It was the whole run, `60 second ad
 * ends with a voice`, `town released a statement`.)
 */
function beforeItsVerb(ctx: QuoteContext, np: { span: Span; tokens: Token[] }): { span: Span; tokens: Token[] } {
  if (ctx.lang.startsWith('fr')) return np;
  const ts = np.tokens;
  const verb = ts.findIndex((t, k) => k > 0 && /^\p{Ll}{3,}$/u.test(t.text) && !isStopword(t.norm, ctx.lang) && !ctx.lex.titles.has(t.norm)
    && !ARTICLES.has(ts[k - 1]!.norm) && !PREPOSITIONS.has(ts[k - 1]!.norm) && !isStopword(ts[k - 1]!.norm, ctx.lang)
    && ts[k + 1] !== undefined && (ARTICLES.has(ts[k + 1]!.norm) || PREPOSITIONS.has(ts[k + 1]!.norm) || VERB_PARTICLES.has(ts[k + 1]!.norm)));
  // (So an English past tense right after the head noun, whatever follows: `The aide rallied
  // supporters, saying` gave `aide rallied supporters`, a clause. Not after an adverb: `a widely
  // respected aide`.)
  const past = verb > 0 ? -1 : ctx.lang.startsWith('en') ? ts.findIndex((t, k) => k > 0 && /^\p{Ll}{3,}$/u.test(t.text) && (/\p{L}{2}ed$/u.test(t.norm) || IRREGULAR_PASTS.has(t.norm))
    && !ARTICLES.has(ts[k - 1]!.norm) && !PREPOSITIONS.has(ts[k - 1]!.norm) && !isStopword(ts[k - 1]!.norm, ctx.lang) && !POSSESSIVES.has(ts[k - 1]!.norm) && !/ly$/u.test(ts[k - 1]!.norm)) : -1;
  if (verb <= 0 && past <= 0) return np;
  const tokens = ts.slice(0, verb > 0 ? verb : past);
  return { span: { start: tokens[0]!.start, end: tokens[tokens.length - 1]!.end }, tokens };
}

/**
 * Whether `text` writes `word` with no letter either side: what `new RegExp(`(?<![\p{L}])${word}(?![\p{L}])`, 'u')`
 * (the word's characters escaped) finds, from the places `indexOf` finds the word, answers kept for
 * the text. The expression was built and tried at every position of the text for each quotation
 * whose sentence opens on a phrase and a comma, and found nothing for a name the text writes only
 * capitalised (`alain`): the whole text read each time (5 MB: a third of the speakers' time, issue 16).
 */
let writesCache: { text: string; words: Map<string, boolean> } = { text: '', words: new Map() };
export function writesWord(text: string, word: string): boolean {
  // (No word: the expression, which finds a place between two non-letters.)
  if (word === '') return /(?<![\p{L}])(?![\p{L}])/u.test(text);
  if (writesCache.text !== text) writesCache = { text, words: new Map() };
  let found = writesCache.words.get(word);
  if (found === undefined) {
    found = false;
    for (let p = text.indexOf(word); p >= 0; p = text.indexOf(word, p + 1)) {
      if (!letterEndsAt(text, p) && !letterStartsAt(text, p + word.length)) {
        found = true;
        break;
      }
    }
    writesCache.words.set(word, found);
  }
  return found;
}

/**
 * `Already, Donald J. Trump…`, `Also before the same election, Senator Chuck Schumer…`: a phrase
 * opening the sentence up to a comma, led by a function word or an adverb (not a determiner),
 * followed by a capitalised word: an adverbial, not the subject.
 */
function openingAdverbial(ctx: QuoteContext, before: Token[], i: number, v: number): boolean {
  const { lex, text } = ctx;
  const t = before[i]!;
  if (lex.determiners.has(t.norm) || ['a', 'an', 'un', 'une', 'le', 'la', 'les', "l'"].includes(t.norm)) return false;
  // An English participle clause (`Filling in for Sanders at the event where Clinton spoke, West
  // landed…`, `Asked about the polls, Trump said…`: Quirk et al. 1985, §15.58) — a participle in
  // -ing or -ed, a lower-case word after it — is an adverbial however many names it holds, up to
  // its comma (15 words).
  const participle = ctx.lang.startsWith('en') && i === 0 && /^\p{Lu}\p{Ll}{2,}(?:ing|ed)$/u.test(t.text) && before[i + 1] !== undefined && /^\p{Ll}/u.test(before[i + 1]!.text) && !gapBreaks(text, t, before[i + 1]!);
  let j = i + 1;
  while (j < v && j - i < (participle ? 15 : 8) && !/,/u.test(text.slice(before[j - 1]!.end, before[j]!.start))) j++;
  // (Or a personal pronoun: `Convaincue que le mouvement va durer, elle estime… et réclame`.)
  if (!(j < v && /,/u.test(text.slice(before[j - 1]!.end, before[j]!.start)) && (CAPITALISED.test(before[j]!.text) || PERSONAL.has(before[j]!.norm)))) return false;
  // A common word, not a name: a stop word, an adverb in -ly or one the lexicon lists (`Instead,
  // Fiorina opened…`), a word the article also writes in lower case, or the only capitalised word
  // of a longer phrase (`Also before the election`).
  const common = participle || isStopword(t.norm, ctx.lang) || /ly$/u.test(t.norm) || lex.sentenceAdverbs.has(t.norm) || writesWord(text, t.norm)
    || (j - i > 1 && before.slice(i + 1, j).every((x) => !CAPITALISED.test(x.text) || isCalendarWord(x.norm)))
    || (ctx.lang.startsWith('fr') && openingParticipleFr(t, before[i + 1]?.norm ?? ''));
  return common;
}

/**
 * `a conference call`, `the campaign statement`: a noun of saying or of a document after an article
 * and one lower-case singular word is a compound noun, not a verb (`the officials claim` is one:
 * a plural subject).
 */
function compoundNoun(ctx: QuoteContext, tokens: readonly Token[], v: number): boolean {
  const t = tokens[v]!;
  if (!(ctx.lex.speechNouns.has(t.norm) || ctx.lex.documents.has(t.norm))) return false;
  // Back over one or two modifiers (`his on-camera claim`, `the latest campaign ad`: a hyphenated
  // word is one) to the article or possessive.
  let words = 0;
  for (let k = v - 1; k >= 0 && words <= 2; k--) {
    const mod = tokens[k]!;
    if (gapBreaks(ctx.text, mod, tokens[k + 1]!)) return false;
    if (words > 0 && ARTICLES.has(mod.norm)) return true;
    // (Inside a hyphenated word any part goes: `on-camera`.)
    if (/^[-\u2011]$/u.test(ctx.text.slice(mod.end, tokens[k + 1]!.start))) continue;
    if (CAPITALISED.test(mod.text) || (k === v - 1 && /s$/u.test(mod.norm)) || isStopword(mod.norm, ctx.lang) || ctx.lex.skip.has(mod.norm) || isAdverb(ctx, mod)) return false;
    words++;
  }
  return false;
}

/**
 * `Pour Sophie Binet, secrétaire générale de la CGT, «…»`, `Per Schlein, «…»`, `Para Feijóo,
 * «…»`: a sentence opening on whose view it gives (the lexicon's `viewOf`), a person named or a
 * title or a stressed pronoun, then the quotation right after its comma (and an apposition): the
 * words are that person's, a quotation however short (extract.ts reads it as a cue). Not `Pour le
 * moment, «…»` nor `Pour 2024, …` (no person), nor a quotation after other words of the main
 * clause (`Pour la CGT, la réforme reste «…»`: the journalist's sentence, read by the other rules).
 */
export function viewOfPhrase(ctx: QuoteContext): { cue: Token; np: { span: Span; tokens: Token[] } } | null {
  const first = ctx.before[0];
  if (!first || !ctx.lex.viewOf.has(first.norm) || /\S/u.test(ctx.text.slice(ctx.sentence.start, first.start))) return null;
  const np = nounPhrase(ctx, ctx.before, 1, true);
  // (A name anywhere in the phrase: `Per il leader della Lega Matteo Salvini, «…»`.)
  const person = np !== null && (np.tokens.some((t) => CAPITALISED.test(t.text) || ctx.lex.titles.has(t.norm)) || (np.tokens.length === 1 && STRESSED.has(np.tokens[0]!.norm)));
  return person && /^\s*,(?:[^,«»"“”]*,)?\s*$/u.test(ctx.text.slice(np.span.end, ctx.open.start)) ? { cue: first, np } : null;
}

function inTheViewOf(ctx: QuoteContext, previous: readonly Quote[]): SpeakerFound | null {
  const found = viewOfPhrase(ctx);
  return found ? resolve(ctx, asSubject(found.np), found.cue, previous, ctx.before) : null;
}

/** Stressed and object pronouns of one person after `selon` / `according to`, as subject pronouns. */
const STRESSED = new Map([['lui', 'il'], ['elle', 'elle'], ['him', 'he'], ['her', 'she']]);

/** A phrase that is one stressed pronoun (`lui`, `her`) as its subject pronoun (`il`, `she`), to be resolved as such; else the phrase itself. */
function asSubject(np: { span: Span; tokens: Token[] }): { span: Span; tokens: Token[] } {
  const stressed = np.tokens.length === 1 ? STRESSED.get(np.tokens[0]!.norm) : undefined;
  return stressed ? { ...np, tokens: [{ ...np.tokens[0]!, norm: stressed }] } : np;
}

/**
 * The subject of a comment clause set off by a comma and ending at `before[end]` (`…, Spicer
 * said`, `…, said Sean Spicer`, `…, he told reporters`; Quirk et al. 1985, §15.54): a verb of
 * saying and its subject, before or inverted after it, in at most six words. Null otherwise.
 */
function commentClauseSubject(ctx: QuoteContext, before: Token[], end: number, previous: readonly Quote[]): SpeakerFound | null {
  const { text, lex } = ctx;
  if (end < 1) return null;
  let s = end;
  while (s > 0 && end - s < 6 && !gapBreaks(text, before[s - 1]!, before[s]!)) s--;
  if (s === 0 || end - s >= 6 || !/^\s*,\s*$/u.test(text.slice(before[s - 1]!.end, before[s]!.start))) return null;
  const v = before.findIndex((t, k) => k >= s && k <= end && lex.speechVerbs.has(t.norm) && !lex.according.has(t.norm) && !notACue(ctx, before, k));
  if (v < 0) return null;
  const clause = before.slice(0, end + 1);
  // (Inverted when the clause opens on the verb group: `…, said Sean Spicer,`, `…, a indiqué le préfet,`.)
  const inverted = verbGroupStart(ctx, clause, v) <= s;
  const np = !inverted ? subjectBefore(ctx, clause, v) : v < end ? nounPhrase(ctx, clause, v + 1) : null;
  if (!np || np === OBJECT || before.indexOf(np.tokens[0]!) < s) return null;
  // (Inverted, the subject ends the clause: in `…, emailed supporters on Monday evening, telling`
  // the words after the verb are its object.)
  if (inverted && np.tokens[np.tokens.length - 1] !== before[end]) return null;
  // (An inverted subject is a name or a determined phrase; a bare lower-case noun after the verb is
  // its object: `…, a Democrat, privately expressed frustration, telling one aide:` — the clause
  // is no comment clause, its subject stands before it.)
  const opener = before[before.indexOf(np.tokens[0]!) - 1];
  if (inverted && !CAPITALISED.test(np.tokens[0]!.text) && !(opener && opensNounPhrase(ctx, opener.norm)) && !opensNounPhrase(ctx, np.tokens[0]!.norm)) return null;
  return resolve(ctx, np, before[v]!, previous, before.slice(s));
}

/** Whether `t` stands inside a parenthesis (opened in the sentence) that closes before `at`. */
function insideClosedAside(text: string, t: Token, at: number, from: number): boolean {
  const open = lastIn(text, '(', from, t.start + 1);
  if (open < 0 || lastIn(text, ')', open, t.start + 1) >= 0) return false;
  for (let i = t.end; i < at; i++) if (text.charCodeAt(i) === 0x29) return true;
  return false;
}

/**
 * Whether `t` stands between two dashes of an aside that closes before `at` (`he can — as Rubio
 * has said — “guarantee” it`): a verb of saying there cues the aside's words, not the quotation
 * after it (it gave `Rubio`). A dash is one set off by spaces, or an em or en dash.
 */
function insideDashAside(text: string, t: Token, at: number, from: number): boolean {
  const DASH = /\s[-–—]{1,2}\s|[—–]/gu;
  const dashes = [...text.slice(from, at).matchAll(DASH)].map((m) => ({ start: from + m.index, end: from + m.index + m[0].length }));
  const open = dashes.findLastIndex((d) => d.end <= t.start);
  return open >= 0 && dashes.slice(open + 1).some((d) => d.start >= t.end) && dashes.slice(0, open).length % 2 === 0;
}

/**
 * The last `ch` in `text[from, to)`, or -1. (`lastIndexOf` reads back to the text's start: per
 * quotation of a long text without one, quadratic — two of these and an end-anchored expression
 * on the text before each speaker were 2/3 of extracting 600 KB of quotations.)
 */
function lastIn(text: string, ch: string, from: number, to: number): number {
  const code = ch.charCodeAt(0);
  for (let i = to - 1; i >= Math.max(0, from); i--) if (text.charCodeAt(i) === code) return i;
  return -1;
}

/** English prepositions before a gerund of saying whose subject is the main clause's (`by saying`, `upon saying`). */
const GERUND_PREPOSITIONS = new Set(['by', 'upon', 'on', 'after', 'before', 'in', 'while', 'when']);

/** `by saying`, `upon saying`: an English gerund right after such a preposition. (Not `without saying`: what was not said.) */
function gerundAfterPreposition(ctx: QuoteContext, before: readonly Token[], v: number): boolean {
  const by = before[v - 1];
  return by !== undefined && !ctx.lang.startsWith('fr') && GERUND_PREPOSITIONS.has(by.norm) && /\p{L}{2}ing$/u.test(before[v]!.norm) && !gapBreaks(ctx.text, by, before[v]!);
}

/** Pattern 2: the cue before the opening mark. */
function fromBefore(ctx: QuoteContext, previous: readonly Quote[]): SpeakerFound | typeof UNKNOWN | null {
  const { lex, text } = ctx;
  // A quotation inside a parenthesis still open takes its cue and subject inside it (`…recognize
  // it for what it is (Raphael Lemkin, who coined the word, once said, “…”`: it was the sentence's
  // subject, `vast majority`; `X, who writes fiction (his book includes one on “…”)`: `writes`).
  // (A parenthesis holding the quotation alone gives an example of what the sentence tells: `rank
  // voters from 1 ("…") to 6 ("…")` — read as before.)
  const paren = lastIn(text, '(', ctx.sentence.start, ctx.open.start);
  const open = paren >= 0 && !text.slice(paren, ctx.open.start).includes(')');
  const inside = open ? ctx.before.filter((t) => t.start > paren) : [];
  const before = inside.length > 0 ? inside : ctx.before;
  // `Selon X, … «…»` / `According to X, …`
  for (let k = 0; k < before.length; k++) {
    const t = before[k]!;
    const according = accordingCue(ctx, before, k);
    if (according > 0) {
      const np = nounPhrase(ctx, before, k + according, true);
      // `According to CNN, Trump said the plan was “…”`: a verb of saying after the phrase has
      // its own subject, the speaker `according to` reports (it was `CNN, Trump`). (English
      // only: the seeds' French gold gives `Selon la Maison Blanche, M. Obama a exprimé ses
      // « inquiétudes »` to the reporting source, the White House.)
      if (np && !ctx.lang.startsWith('fr') && before.some((x, i) => x.start >= np.span.end && ctx.lex.speechVerbs.has(x.norm) && !ARTICLES.has(before[i - 1]?.norm ?? '') && !notACue(ctx, before, i))) break;
      // So a verb of saying right before it (`Guccifer said, per a translator, that…`): the
      // phrase relays the subject's words; it was `a translator`.
      const said = before[k - 1];
      if (said && !ctx.lang.startsWith('fr') && ctx.lex.speechVerbs.has(said.norm) && !ctx.lex.according.has(said.norm) && /^\s*,\s*$/u.test(ctx.text.slice(said.end, t.start))) break;
      // `Selon lui, «…»`, `according to her`: the stressed pronoun is `il`/`she`, resolved as such.
      const subject = np && asSubject(np);
      if (np && subject !== np) return resolve(ctx, subject!, t, previous, []);
      if (np && !/^(lui|elle|eux|moi|him|her|them)$/u.test(np.tokens[0]!.norm)) return resolve(ctx, np, t, previous, before.slice(k));
    }
  }
  const viewOf = inside.length === 0 ? inTheViewOf(ctx, previous) : null;
  if (viewOf) return viewOf;
  for (let v = before.length - 1; v >= 0; v--) {
    const t = before[v]!;
    if (!lex.speechVerbs.has(t.norm) || lex.according.has(t.norm) || notACue(ctx, before, v) || reflexiveNotSaying(ctx, before, v)) continue;
    // A verb inside a parenthesis closed before the quotation cues only what stands inside it
    // (`Le piège (le ministre X a évoqué «…») est gros: … les «progressistes»` — it gave X).
    if (insideClosedAside(text, t, ctx.open.start, ctx.sentence.start) || insideDashAside(text, t, ctx.open.start, ctx.sentence.start)) continue;
    // So a verb inside a clause of time opening the sentence, a main clause after its comma
    // (`After a reporter asked about the trip, the couple became “agitated”`): the quotation is the
    // main clause's; the one who asked did not say it (it gave `a reporter`).
    if (timeClauseBefore(ctx, before, v)) continue;
    // A clause of contrast with its own subject between the verb and the quotation (`Feijóo
    // denunció que…, mientras Vox la tachó de «estafa»`): the quotation is that clause's, whose
    // verb is no cue here; the verb's subject did not say it.
    if (ownClauseAfter(ctx, before, v)) return UNKNOWN;
    // A Spanish, Italian or Portuguese verb of saying with no subject before it, only adverbs and
    // conjunctions, right before the quotation (`Poi ha aggiunto: «…»`, `Después añadió: «…»`):
    // the subject the language leaves unsaid, as after the quotation (`droppedSubject`).
    if (PRO_DROP.has(ctx.lang.slice(0, 2)) && before === ctx.before && /^[\s:,]*$/u.test(text.slice(t.end, ctx.open.start))
      && before.slice(0, v).every((x) => lex.skip.has(x.norm) || lex.coordinators.has(x.norm) || lex.sentenceAdverbs.has(x.norm) || lex.adjunctStarts.has(x.norm))
      && !/\p{L}/u.test(text.slice(ctx.sentence.start, before[0]!.start))) return droppedSubject(ctx, previous, before.slice(0, v + 1), t) ?? UNKNOWN;
    // `…, tweeting that it was a "disaster" and asking, "…"`: an English participle coordinated
    // with an earlier one has that one's subject; it is read there (the clause's subject, it was
    // `Republicans` in `Republicans reacted, with Donald Trump tweeting… and asking`).
    if (!ctx.lang.startsWith('fr') && /\p{L}{2}ing$/u.test(t.norm) && before[v - 1]?.norm === 'and') {
      const earlier = before.slice(0, v - 1).findLast((x, k) => lex.speechVerbs.has(x.norm) && !notACue(ctx, before, k));
      if (earlier && /\p{L}{2}ing$/u.test(earlier.norm)) continue;
    }
    // So a verb whose own quotation follows it, that quotation ending a sentence the splitter
    // kept (`des manifestants crient "…" puis le poursuivent dans la rue. pic.twitter.com/… «…»`):
    // what comes after is not its words; nothing tells whose they are.
    const own = ctx.others.find((o) => o.start >= t.end && o.end <= ctx.open.start);
    // (A title's stop ends no sentence: `…what he calls “…,” and highlights Mr. Perry's “…”`.)
    if (own && /^[\s:,]*$/u.test(text.slice(t.end, own.start)) && [...text.slice(own.end - 1, ctx.open.start).matchAll(/(\p{L}*)[.!?…]["”»’]?\s/gu)].some((m) => !isHonorific(fold(m[1]!)) && !/^\p{Lu}$/u.test(m[1]!))) return UNKNOWN;
    // `The paradox of Nancy, says Carl Anthony, a historian, is that she was “…”`: a verb of
    // saying set off by commas with a name right after it is an inverted parenthetical (Quirk et
    // al. 1985, §15.54, comment clauses): the name speaks, not the noun before the comma.
    // (Not a verb whose object follows it: `…, telling Reuters, “…”` names the one told, nor a
    // participle: `…, portraying Mexican immigrants, in particular, as “…”`; nor a time word
    // after it: `…, said Tuesday, “…”`.)
    if (v > 0 && !ctx.lang.startsWith('fr') && !OBJECT_VERBS.has(t.norm) && !/\p{L}{2}ing$/u.test(t.norm) && /^\s*,\s*$/u.test(text.slice(before[v - 1]!.end, t.start)) && before[v + 1] && CAPITALISED.test(before[v + 1]!.text) && !isCalendarWord(before[v + 1]!.norm) && !lex.skip.has(before[v + 1]!.norm) && !gapBreaks(text, t, before[v + 1]!)) {
      const np = nounPhrase(ctx, before, v + 1);
      if (np && np.tokens.some((x) => CAPITALISED.test(x.text)) && /^\s*,/u.test(text.slice(np.span.end))) return resolve(ctx, np, t, previous, before.slice(v + 1));
    }
    // `«…», explique-t-il, à trois jours du débat, «une foutaise», balaye-t-il`: a verb with its
    // inverted pronoun (an earlier quotation's incise) has that pronoun for subject, never the
    // words before it; resolved as any pronoun, unknown when no one fits.
    const inverted = ctx.lang.startsWith('fr') ? invertedPronoun(ctx, before, v) : null;
    if (inverted) return resolve(ctx, { span: { start: inverted.start, end: inverted.end }, tokens: [inverted] }, t, previous, before.slice(v + 1)) ?? UNKNOWN;
    // `Pourquoi n'aurions-nous pas le droit ? interroge Jean-Charles, un retraité, «…»`: in French
    // an incise after a question, an exclamation or a comma inverts its subject, a name right after
    // the verb — it speaks, not the words before the verb.
    if (v > 0 && ctx.lang.startsWith('fr') && /^\s*[?!,]\s*$/u.test(text.slice(before[v - 1]!.end, t.start)) && before[v + 1] && CAPITALISED.test(before[v + 1]!.text) && !isCalendarWord(before[v + 1]!.norm) && !gapBreaks(text, t, before[v + 1]!)) {
      const np = nounPhrase(ctx, before, v + 1);
      if (np && np.tokens.some((x) => CAPITALISED.test(x.text))) return resolve(ctx, np, t, previous, before.slice(v + 1));
    }
    // `Said Dana Reyes, who runs the bakery, “…”`: a verb of saying opening the sentence, its
    // subject inverted after it and set off by a comma or a colon.
    if (v === 0 && CAPITALISED.test(t.text) && t.start - ctx.sentence.start <= 2 && before[1] && !gapBreaks(text, t, before[1])) {
      const np = nounPhrase(ctx, before, 1);
      if (np && /^\s*[,:]/u.test(text.slice(np.span.end))) return resolve(ctx, np, t, previous, before.slice(1));
    }
    // (Before the article rule: the `le` of `comme le dit` is a pronoun.)
    // `comme le raconte François Dupuis`, `comme l'a dit le maire`: the subject follows the verb.
    if (ctx.lang.startsWith('fr') && before.slice(Math.max(0, v - 3), v).some((x) => x.norm === 'comme') && v + 1 < before.length && !gapBreaks(text, t, before[v + 1]!)) {
      const np = nounPhrase(ctx, before, v + 1);
      if (np) return resolve(ctx, np, t, previous, before.slice(v + 1));
    }
    // After an article a verb form is a noun (`calling the reports "…"`, `the claims`).
    // (French `a` is the auxiliary of `a affirmé`, not an article.)
    const art = before[v - 1];
    if (art && ARTICLES.has(art.norm) && !(art.norm === 'a' && !ctx.lang.toLowerCase().startsWith('en')) && !gapBreaks(text, art, t)) continue;
    // So after an article and a singular modifier (`a conference call`, `the campaign ad`).
    if (compoundNoun(ctx, before, v)) continue;
    // So a noun of saying right after an English preposition (`relying on claims that`, `over
    // comments`, `of remarks`).
    if (art && !ctx.lang.startsWith('fr') && (lex.speechNouns.has(t.norm) || lex.documents.has(t.norm)) && PREPOSITIONS.has(art.norm) && !gapBreaks(text, art, t)) continue;
    // So after a possessive (`Mr. Ruiz's warning that…`; not `He’s predicting`, a pronoun and its auxiliary).
    if (art && POSSESSIVE_S.test(art.norm) && !gluedPronoun(art) && !gapBreaks(text, art, t)) continue;
    // `what aide Ken Marsh called “…”`: the subject of the verb of an English free relative is the
    // words between `what` and the verb.
    const what = freeRelativeSubject(ctx, before, v);
    if (what) return resolve(ctx, what, t, previous, before.slice(v));
    // Passive agent: `accusé par Moscou de "…"`, `was described by X as "…"`.
    const next = before[v + 1];
    if (next && (next.norm === 'par' || next.norm === 'by') && !gapBreaks(text, t, next)) {
      const np = nounPhrase(ctx, before, v + 2);
      // `the interactions described by the White House “represent…”`: a participle right after a
      // noun, its agent phrase running to the quotation, is a reduced relative inside the
      // subject of another clause; the cue is further back.
      const reduced = v > 0 && !gapBreaks(text, before[v - 1]!, t) && !CAPITALISED.test(before[v - 1]!.text) && !lex.skip.has(before[v - 1]!.norm)
        && !isStopword(before[v - 1]!.norm, ctx.lang) && np !== null && np.tokens[np.tokens.length - 1] === before[before.length - 1];
      if (reduced) continue;
      if (np) return resolve(ctx, np, t, previous, before.slice(v));
    }
    // A passive without its agent before the quotation (`The strandings have been described as
    // “…” by the department`): the subject is what was described, not who spoke; the agent, when
    // a `by` phrase follows the quotation at once, is the speaker; else unknown.
    if (isPassive(ctx, before, v)) {
      const by = ctx.after[0];
      if (by && (by.norm === 'by' || by.norm === 'par') && /^[\s,]*$/u.test(text.slice(ctx.close.end, by.start)) && ctx.after[1] && !gapBreaks(text, by, ctx.after[1])) {
        const np = nounPhrase(ctx, ctx.after, 1);
        if (np) return resolve(ctx, np, t, previous, ctx.after.slice(1));
      }
      return UNKNOWN;
    }
    // An infinitive (`X used an interview to claim “…”`, `went on offense … to call it “…”`)
    // has the main clause's subject: a name or a pronoun opening the sentence; else unknown.
    const to = before[v - 1];
    if (to && to.norm === 'to' && !ctx.lang.startsWith('fr') && !gapBreaks(text, to, t)) {
      const subject = clauseSubject(ctx, before.slice(0, v - 1), previous);
      return subject ? { ...subject, cue: { start: t.start, end: t.end } } : UNKNOWN;
    }
    // A participle (`, estimant qu'on "…"`, `, adding "…"`) shares the subject of the clause
    // it hangs on: the speaker of the previous quotation of the sentence.
    // (An adverb may stand between the comma and the participle: `…, first telling CNN, “…”`.)
    let pre = v - 1;
    while (pre >= 0 && (lex.skip.has(before[pre]!.norm) || isAdverb(ctx, before[pre]!)) && !CAPITALISED.test(before[pre]!.text) && !gapBreaks(text, before[pre]!, before[pre + 1]!)) pre--;
    // So does an English gerund after a preposition of time or means (`followed that by saying`,
    // `drew boos upon saying`), comma or not.
    if (/(ant|ing)$/u.test(t.norm) && (pre < 0 || gapBreaks(text, before[pre]!, before[pre + 1]!) || gerundAfterPreposition(ctx, before, v))) {
      const prev = inherit(ctx, quotesFrom(previous, ctx.sentence.start));
      if (prev) return { ...prev, cue: { start: t.start, end: t.end } };
      // After a relative clause (`…his comments at a fundraiser in which he talked about voters,
      // claiming “…”`) the participle may hang on the relative clause's subject: unknown.
      if (afterRelativeClause(ctx, before, v)) return UNKNOWN;
      // A comment clause right before the participle's comma (`…, Spicer said, adding`, `…, said
      // Sean Spicer, adding`): the participle hangs on it — its subject speaks, not the subject of
      // the words reported (it was `Ryan`, of `Ryan and Trump will meet…`).
      const comment = commentClauseSubject(ctx, before, pre, previous);
      if (comment) return { ...comment, cue: { start: t.start, end: t.end } };
      // No quotation before it in the sentence: the main clause's subject
      // (`The Coalition issued a resolution, accusing the group of “…”`).
      const subject = clauseSubject(ctx, before.slice(0, v), previous) ?? subordinateSubject(ctx, before, pre + 1);
      if (subject) return { ...subject, cue: { start: t.start, end: t.end } };
    }
    // A participle right after a determined noun modifies that noun (`une banderole clamant : «…»`,
    // `a statement saying “…”`): the noun is the source.
    if (/(ant|ing)$/u.test(t.norm)) {
      // (The sender of a document first: in `a letter to the tenants saying`, the tenants say nothing.)
      const issued = documentParticiple(ctx, before, v, previous);
      if (issued) return issued;
      const np = participleSubject(ctx, before, v);
      // (A French noun of saying alone is no one: `a lancé un appel exigeant` whose sender was
      // not found leaves the speaker unknown, never `appel`.)
      if (np && ctx.lang.startsWith('fr') && np.tokens.length === 1 && ctx.lex.speechNouns.has(np.tokens[0]!.norm) && !ctx.lex.documents.has(np.tokens[0]!.norm)) return UNKNOWN;
      if (np) return resolve(ctx, np, t, previous, before.slice(v));
      const main = adjunctSubject(ctx, before, v);
      if (main) return { ...main, cue: { start: t.start, end: t.end } };
    }
    if (embeddedSubject(ctx, before, v, true)) return UNKNOWN;
    const antecedent = ctx.lang.startsWith('fr') ? relativeAntecedentFr(ctx, before, v, t) : null;
    if (antecedent) return antecedent;
    // `un impôt … que réclament les «gilets»`, `ce que dénonce le syndicat: «…»`: after the French
    // object relative `que` the subject follows the verb; the noun before `que` is what is said
    // or asked for, not who says it. The subject is the phrase after the verb, when it ends
    // before the quotation; else unknown.
    const q = verbGroupStart(ctx, before, v) - 1;
    if (ctx.lang.startsWith('fr') && q >= 0 && ['que', "qu'"].includes(before[q]!.norm) && !gapBreaks(text, before[q]!, before[q + 1]!)) {
      const np = v + 1 < before.length && !gapBreaks(text, t, before[v + 1]!) ? nounPhrase(ctx, before, v + 1) : null;
      const named = np !== null && np.tokens.some((x) => !ARTICLES.has(x.norm) && !lex.determiners.has(x.norm));
      return named ? resolve(ctx, np!, t, previous, before.slice(v + 1)) ?? UNKNOWN : UNKNOWN;
    }
    const coordinated = coordinatedSubject(ctx, before, v);
    if (coordinated === UNKNOWN) return UNKNOWN;
    if (coordinated) return resolve(ctx, coordinated, t, previous, before.slice(v));
    const rel = relativeSubject(ctx, before, v, t);
    if (rel) return rel;
    // `Quant à Marine Le Pen, elle a jugé «…»`, `As for Senator Lowe, she said`: the pronoun right
    // before the verb group takes up the topic set out at the head of the sentence (see
    // `dislocatedTopic`); only there — elsewhere a pronoun subject is left to the rules below.
    // (The verb group may hold it: `elle` is a word the walk over auxiliaries steps over.)
    const g = verbGroupStart(ctx, before, v);
    const p = before.slice(Math.max(0, g - 1), v).find((x) => PERSONAL.has(x.norm));
    if (p && !gapBreaks(text, p, before[before.indexOf(p) + 1]!)) {
      const topic = dislocatedTopic(ctx, { start: p.start, end: p.end }, (speaker) => fitsPronoun(ctx, p.norm, speaker));
      if (topic) return { speaker: text.slice(topic.start, topic.end), speakerSpan: topic, mention: { start: p.start, end: p.end }, cue: { start: t.start, end: t.end } };
    }
    const np = subjectBefore(ctx, before, v);
    if (np === OBJECT) continue;
    // `The mother of a woman who took the pills has described…`: words after a relative pronoun,
    // starting lower-case, are the inside of a relative clause within the subject, not the
    // subject; the subject is a longer phrase than a speaker: unknown.
    const k = np ? before.indexOf(np.tokens[0]!) : -1;
    if (np && k > 0 && (RELATIVE_SUBJECTS.has(before[k - 1]!.norm) || before[k - 1]!.norm === 'that') && !CAPITALISED.test(np.tokens[0]!.text)
      && !ctx.lex.impersonal.has(np.tokens[0]!.norm) && !ARTICLES.has(np.tokens[0]!.norm) && !ctx.lex.determiners.has(np.tokens[0]!.norm)) {
      // (After `that` with a verb of saying before it, the clause is what that verb reports, its
      // verb no cue of its own: `Diaz declared in an argument that any new deal would demand “…”`
      // — the earlier verb is read, its subject speaks.)
      if (before[k - 1]!.norm === 'that' && before.slice(0, k - 1).some((x, i) => lex.speechVerbs.has(x.norm) && !lex.according.has(x.norm) && !notACue(ctx, before, i))) continue;
      return UNKNOWN;
    }
    if (np && reportedClauseSubject(ctx, before, k) && subjectOf(ctx, before, np, v)) return UNKNOWN;
    if (np) return resolve(ctx, np, t, previous, before.slice(v));
    return null;
  }
  // `Pour le politologue Jérôme Castel, « … »`: French `pour X,` opening the sentence names whose
  // view the sentence gives, like `selon X` (only with a name: `Pour la première fois,` is none).
  const head = before[0];
  if (head?.norm === 'pour' && ctx.lang.startsWith('fr') && head.start - ctx.sentence.start <= 2) {
    // (`Pour lui, «…»`: the stressed pronoun, resolved as `selon lui` is.)
    const stressed = before[1] ? STRESSED.get(before[1].norm) : undefined;
    if (stressed && before.length === 2 && /^\s*,/u.test(text.slice(before[1]!.end))) return resolve(ctx, { span: { start: before[1]!.start, end: before[1]!.end }, tokens: [{ ...before[1]!, norm: stressed }] }, head, previous, []);
    const np = nounPhrase(ctx, before, 1);
    if (np && np.tokens.some((x) => CAPITALISED.test(x.text)) && /^\s*,/u.test(text.slice(np.span.end))) return found(ctx, np, head);
  }
  return null;
}

/** How many words may stand between `what` and its verb (`what the former House speaker called`). */
const MAX_FREE_RELATIVE = 7;

/**
 * The subject of an English free relative's verb of saying (`what aide Ken Marsh called`, `what
 * he calls`): the noun phrase right after `what`, up to the verb (auxiliaries and adverbs left
 * out); null when there is none. (French `ce que X appelle` is read by the other rules.)
 */
function freeRelativeSubject(ctx: QuoteContext, before: Token[], v: number): { span: Span; tokens: Token[] } | null {
  for (let w = v - 1; w >= 0 && v - w <= MAX_FREE_RELATIVE; w--) {
    if (gapBreaks(ctx.text, before[w]!, before[w + 1]!)) return null;
    const t = before[w]!;
    // (`lamenting what the writers described as “…”`: after a verb of saying the words are that
    // verb's subject's, the relative's subject only names them.)
    if (t.norm !== 'what') continue;
    if (w + 1 >= v || (w > 0 && ctx.lex.speechVerbs.has(before[w - 1]!.norm))) return null;
    const np = nounPhrase(ctx, before, w + 1);
    const tokens = np?.tokens.filter((x) => x.end <= before[v - 1]!.end) ?? [];
    // (Only auxiliaries and adverbs between the phrase and the verb: in `what happens at his
    // events and accused`, `happens` is the relative's own verb, not its subject.)
    const end = tokens.length > 0 ? before.indexOf(tokens[tokens.length - 1]!) : -1;
    if (end < 0 || !before.slice(end + 1, v).every((x) => ctx.lex.skip.has(x.norm) || AUXILIARIES.has(x.norm) || isAdverb(ctx, x))) return null;
    return { span: { start: tokens[0]!.start, end: tokens[tokens.length - 1]!.end }, tokens };
  }
  return null;
}

/**
 * `He sent an e-mail to party members saying he hoped it would “…”`: an English participle of
 * saying hanging on a document a few words before it (a prepositional phrase between, no comma)
 * gives the document's words; the document's sender is the main clause's subject — a name or a
 * resolved pronoun opening the sentence; else null (the other rules read on).
 */
function documentParticiple(ctx: QuoteContext, before: readonly Token[], v: number, previous: readonly Quote[]): SpeakerFound | null {
  const { lex, text } = ctx;
  // (French: `a lancé un appel demandant`, `a publié un communiqué exigeant`; a noun of saying
  // is issued as a document is.)
  const fr = ctx.lang.startsWith('fr');
  if (!before[v]!.norm.endsWith(fr ? 'ant' : 'ing')) return null;
  const issued = (t: Token): boolean => lex.documents.has(t.norm) || (fr && lex.speechNouns.has(t.norm));
  let d = v - 1;
  while (d >= 0 && v - d <= 6 && !issued(before[d]!) && !gapBreaks(text, before[d]!, before[d + 1]!)) d--;
  if (d <= 0 || v - d > 6 || !issued(before[d]!) || gapBreaks(text, before[d]!, before[d + 1]!)) return null;
  // Between the document and the participle: nothing, or a phrase opened by a preposition (`to
  // party members`, `from his office`), no verb of saying; in French nothing.
  const between = before.slice(d + 1, v);
  if (between.length > 0 && (fr || (!PREPOSITIONS.has(between[0]!.norm) && between[0]!.norm !== 'to'))) return null;
  if (between.some((x) => lex.speechVerbs.has(x.norm))) return null;
  // The document is the object of the main clause's verb: an article or possessive before it
  // (`another` too: `he released another ad in Iowa describing…`).
  const opener = (t: Token): boolean => ARTICLES.has(t.norm) || t.norm === 'another';
  let a = d - 1;
  while (a >= 0 && d - a <= 3 && !opener(before[a]!) && !gapBreaks(text, before[a]!, before[a + 1]!)) a--;
  if (a < 1 || !opener(before[a]!)) return null;
  const cue = before[v]!;
  const subject = clauseSubject(ctx, before.slice(0, a), previous) ?? (fr ? openingSubjectFr(ctx, before.slice(0, a)) : null);
  return subject ? { ...subject, cue: { start: cue.start, end: cue.end } } : null;
}

/**
 * `L'Association des maires ruraux a lancé…`: a French sentence opening on a noun phrase that
 * names someone (a capitalised word, a title or an organisation noun) right before its verb's
 * auxiliary; null otherwise.
 */
function openingSubjectFr(ctx: QuoteContext, head: readonly Token[]): SpeakerFound | null {
  const aux = head.findIndex((t) => AUXILIARIES.has(t.norm));
  if (!head[0] || head[0].start - ctx.sentence.start > 2 || aux <= 0) return null;
  const np = nounPhrase(ctx, head.slice(0, aux), 0);
  if (!np || np.tokens[np.tokens.length - 1] !== head[aux - 1] || gapBreaks(ctx.text, head[aux - 1]!, head[aux]!)) return null;
  if (!np.tokens.some((t) => CAPITALISED.test(t.text) || ctx.lex.titles.has(t.norm) || ctx.lex.organisations.has(t.norm))) return null;
  return { speaker: ctx.text.slice(np.span.start, np.span.end), speakerSpan: np.span, mention: np.span, cue: null };
}

/**
 * `A day after telling reporters that he's “…,” Congressman Anthony Weiner broke his silence`,
 * `After calling the plan “…,” Senator Ann Lowe voted for it`: an English participle of saying in
 * an adjunct opening the sentence (a conjunction of time within its first words, no comma before
 * the quotation) has the subject of the main clause after it — the name right after the
 * quotation's comma, followed by its verb. Null otherwise.
 */
function adjunctSubject(ctx: QuoteContext, before: readonly Token[], v: number): SpeakerFound | null {
  const { text } = ctx;
  if (ctx.lang.startsWith('fr') || !before[v]!.norm.endsWith('ing') || !before[0] || before[0].start - ctx.sentence.start > 2) return null;
  const opener = before.slice(0, Math.min(v, 3)).findIndex((x) => ADJUNCT_CONJUNCTIONS.has(x.norm));
  if (opener < 0 || v - opener > 2 || /[,;:]/u.test(text.slice(before[0].start, ctx.open.start))) return null;
  // The adjunct ends with the quotation and its comma; the main clause follows at once.
  const inner = text.slice(ctx.open.end, ctx.close.start);
  const first = ctx.after[0];
  if (!first || !/^\s*,?\s*$/u.test(text.slice(ctx.close.end, first.start)) || !(/,\s*$/u.test(inner) || /,/u.test(text.slice(ctx.close.end, first.start)))) return null;
  const run = leadingName(ctx, ctx.after) ?? knownSurname(ctx, ctx.after);
  if (!run || run[0] !== first) return null;
  const verb = ctx.after[ctx.after.indexOf(run[run.length - 1]!) + 1];
  if (!verb || CAPITALISED.test(verb.text) || (isStopword(verb.norm, ctx.lang) && !AUXILIARIES.has(verb.norm))) return null;
  const span = { start: run[0]!.start, end: run[run.length - 1]!.end };
  return { speaker: text.slice(span.start, span.end), speakerSpan: span, mention: span, cue: null };
}

/**
 * `X is seen grabbing a man's arm after the man approached him and asked whether he backed
 * “…”`: a verb of saying coordinated by `and` (no comma) inside a subordinate clause shares that
 * clause's subject, not the sentence's (coordination of verb phrases under one subject; the
 * conjunction's clause runs to the verb). The subject right after the conjunction: a name
 * followed by its verb, or a personal pronoun; any other phrase (`the man`) names no one the
 * rule can tell — unknown. Null when the verb follows no `and`, or no conjunction opens its clause:
 * the conjunction's words must show a clause — a name and its verb, a personal pronoun, or a past
 * form or an auxiliary — not `while secretary of state and said` nor, for a conjunction that is
 * also a preposition (`after`, `before`; French `après`, `avant` without `que`), `spoke before
 * the council and called`.
 */
function coordinatedSubject(ctx: QuoteContext, before: readonly Token[], v: number): { span: Span; tokens: Token[] } | typeof UNKNOWN | null {
  const { lex, text } = ctx;
  const e = verbGroupStart(ctx, before, v);
  const and = before[e - 1];
  if (!and || !COORDINATORS.has(and.norm) || gapBreaks(text, and, before[e]!)) return null;
  const french = ctx.lang.startsWith('fr');
  for (let k = e - 2; k >= 0 && e - k <= 14; k--) {
    // (A word or two quoted inside the clause is the clause's: `when Ryan lamented the
    // “disheartened” state of the campaign and criticized…` — it broke off the clause, and the
    // sentence's subject, `anxiety`, was read.)
    const quotedWords = /^\s*["“‘«][\p{L}\p{N}'’ -]{1,40}["”’»]\s*$/u.test(text.slice(before[k]!.end, before[k + 1]!.start));
    if ((gapBreaks(text, before[k]!, before[k + 1]!) && !quotedWords) || RELATIVE_SUBJECTS.has(before[k]!.norm)) return null;
    const w = before[k]!.norm;
    const withQue = ['que', "qu'"].includes(before[k + 1]!.norm);
    const pure = french ? PURE_CONJUNCTIONS_FR.has(w) || (['apres', 'après', 'avant', 'tandis'].includes(w) && withQue) : PURE_CONJUNCTIONS_EN.has(w);
    const ambiguous = !french && ['after', 'before', 'since', 'until'].includes(w);
    if (!pure && !ambiguous) continue;
    const clause = before.slice(k + 1 + (withQue ? 1 : 0), e - 1);
    if (clause.length < 2 || (CAPITALISED.test(before[k]!.text) && k > 0)) return null;
    const first = clause[0]!;
    let n = 0;
    while (n < clause.length && n < MAX_NAME_RUN && CAPITALISED.test(clause[n]!.text) && (n === 0 || !gapBreaks(text, clause[n - 1]!, clause[n]!))) n++;
    const verb = clause[n];
    // (A name then a lower-case word other than a function word is a subject and its verb.)
    const named = n > 0 && verb !== undefined && !CAPITALISED.test(verb.text) && !isStopword(verb.norm, ctx.lang) && !POSSESSIVE_S.test(clause[n - 1]!.norm);
    if (!named && !PERSONAL.has(first.norm) && !clause.slice(1).some((x) => !CAPITALISED.test(x.text) && (/\p{L}{2,}ed$/u.test(x.norm) || AUXILIARIES.has(x.norm)))) return null;
    if (PERSONAL.has(first.norm)) return { span: { start: first.start, end: first.end }, tokens: [first] };
    if (n === 0 || !verb || CAPITALISED.test(verb.text) || isStopword(clause[0]!.norm, ctx.lang) || POSSESSIVE_S.test(clause[n - 1]!.norm) || (isStopword(verb.norm, ctx.lang) && !AUXILIARIES.has(verb.norm))) return UNKNOWN;
    const tokens = clause.slice(0, n);
    return { span: { start: tokens[0]!.start, end: tokens[n - 1]!.end }, tokens };
  }
  return null;
}

/**
 * `le Syndicat des pêcheurs, qui dénonce «…»`, `la CGT qui dénonce les quotas et s'alarme de
 * «…»`: in French, `qui` right before the verb of saying (or before the first of two verbs
 * joined by `et`) is its subject; the speaker is the noun phrase before `qui` — back over its
 * capitalised words, nouns and complements (`maire de Paris Anne Hidalgo`, `secrétaire d'Etat à
 * l'Intérieur`) to its article, or to the preposition or verb before it. Null when there is no
 * such `qui`; unknown when the phrase names no one (a thing, an event, a bare common noun); a
 * phrase that is no speaker is refused later (`isSpeakerPhrase`).
 */
function relativeAntecedentFr(ctx: QuoteContext, before: readonly Token[], v: number, cue: Token): SpeakerFound | typeof UNKNOWN | null {
  const { lex, text } = ctx;
  let e = v;
  while (e > 0 && (lex.skip.has(before[e - 1]!.norm) || isAdverb(ctx, before[e - 1]!) || REFLEXIVE.has(before[e - 1]!.norm)) && !gapBreaks(text, before[e - 1]!, before[e]!)) e--;
  let r = e - 1;
  // (`qui dénonce les quotas et s'alarme de`: back over the first verb phrase, on one clause;
  // quotation marks are no break there: `qui «condamne les agressions» et s'inquiète des`.)
  const joined = (a: Token, b: Token): boolean => !gapBreaks(text, a, b) || /^\s*(?:(?:«[^«»]*»|“[^“”]*”|"[^"]*")\s*)+$/u.test(text.slice(a.end, b.start));
  if (before[r] && COORDINATORS.has(before[r]!.norm)) {
    do r--; while (r >= 0 && e - r <= 14 && before[r]!.norm !== 'qui' && !CLAUSE_BREAKS.has(before[r]!.norm) && joined(before[r]!, before[r + 1]!));
  }
  const rel = before[r];
  if (!rel || rel.norm !== 'qui' || r === 0 || !joined(rel, before[r + 1]!)) return null;
  const gap = text.slice(before[r - 1]!.end, rel.start);
  if (!/^\s*,?\s*$/u.test(gap)) return null;
  // A complement joins the noun before it (`des`, `de l'`, `à l'`) when that noun is a name, a
  // title or an organisation (`le porte-parole du`, `la maire de`, `le Syndicat des`): the
  // speaker is then the whole phrase. After another noun the complement is the antecedent (`les
  // annonces du premier ministre X, qui a confirmé`); after a verb, `des` is an article (`a
  // rencontré des manifestants`).
  const joins = (k: number): boolean => {
    const head = before[k - 1];
    return head !== undefined && !broken(head, before[k]!) && (CAPITALISED.test(head.text) || lex.titles.has(head.norm) || lex.organisations.has(head.norm) || SPOKESPEOPLE.has(head.norm));
  };
  // (An aside is a break here: `le conseil municipal de Gasny (Eure) Emmanuel Macron qui`.)
  const broken = (a: Token, b: Token): boolean => gapBreaks(text, a, b) || /[()]/u.test(text.slice(a.end, b.start));
  // (`à`, as written: its folded form is the auxiliary `a`.)
  const toPlace = (t: Token): boolean => ['à', 'au', 'aux'].includes(t.text.toLowerCase());
  let k = r - 1;
  let start = -1;
  while (k >= 0 && r - k <= MAX_NP_TOKENS) {
    const t = before[k]!;
    if (k < r - 1 && broken(t, before[k + 1]!)) { start = k + 1; break; }
    if (GENITIVES.has(t.norm) || toPlace(t)) {
      if (joins(k)) { k--; continue; }
      start = ARTICLES.has(t.norm) || lex.plurals.has(t.norm) ? k : k + 1;
      break;
    }
    if (ARTICLES.has(t.norm) || lex.plurals.has(t.norm) || lex.determiners.has(t.norm) || DEMONSTRATIVES_FR.has(t.norm)) {
      // (`de l'Intérieur`: an article after a complement's preposition belongs to the complement.)
      if (k > 0 && (GENITIVES.has(before[k - 1]!.norm) || toPlace(before[k - 1]!)) && joins(k - 1)) { k -= 2; continue; }
      start = k;
      break;
    }
    if (CAPITALISED.test(t.text) || !isStopword(t.norm, ctx.lang)) { k--; continue; }
    start = k + 1;
    break;
  }
  if (start < 0 || start >= r) return null;
  const np = nounPhrase(ctx, before.slice(0, r), start);
  // Only a name, a title or an organisation: a relative's antecedent may be a thing or an event
  // (`le défilé qui scandait «…»`), which is no one a reader can name.
  // (Unknown, not null: the clause's subject is `qui`, never the main clause's — `Le ministre a
  // répondu à un journaliste qui lui demandait «…»` is the journalist's question.)
  // (A demonstrative points back to someone the article named: `cet homme qui dit «…»`.)
  if (!np || !(DEMONSTRATIVES_FR.has(before[start]!.norm) || np.tokens.some((x) => CAPITALISED.test(x.text) || lex.titles.has(x.norm) || lex.organisations.has(x.norm) || SPOKESPEOPLE.has(x.norm)))) return UNKNOWN;
  return { speaker: text.slice(np.span.start, np.span.end), speakerSpan: np.span, mention: { start: rel.start, end: rel.end }, cue: { start: cue.start, end: cue.end } };
}
const GENITIVES = new Set([...wordsOfEveryLanguage('genitives'), "d'"]);
const DEMONSTRATIVES_FR = new Set(['ce', 'cet', 'cette', 'ces']);

/** Coordinators of two verb phrases under one subject. */
const COORDINATORS = new Set(['and', 'et']);
/** Conjunctions that open a clause only (not also prepositions). */
const PURE_CONJUNCTIONS_EN = new Set(['when', 'while', 'because', 'although', 'though', 'whereas', 'whereupon', 'once']);
const PURE_CONJUNCTIONS_FR = new Set(['quand', 'lorsque', "lorsqu'", 'puisque', "puisqu'", 'parce']);

/** Conjunctions of time opening an adjunct with a participle (`After calling`, `A day after telling`). */
const ADJUNCT_CONJUNCTIONS = new Set(['after', 'before', 'while', 'since', 'when', 'upon']);

/** Conjunctions opening a clause that sets another subject against the sentence's (`while`, `mientras`, `tandis que`). */
const CONTRAST_CONJUNCTIONS = new Set(['while', 'whereas', 'mientras', 'tandis', 'alors', 'mentre', 'enquanto', 'wahrend', 'terwijl']);

/**
 * Whether, after the verb `before[v]` and a comma, a conjunction of contrast opens a clause with
 * its own subject — a name or a determined noun — and at least a verb before the quotation.
 * (Not `and`, `but`: `said he expects Obama, Abe, and Park to “…”` lists names, and `noted that
 * …, and “…”` coordinates what the verb reports.)
 */
function ownClauseAfter(ctx: QuoteContext, before: readonly Token[], v: number): boolean {
  for (let k = v + 1; k < before.length - 2; k++) {
    const t = before[k]!;
    if (!CONTRAST_CONJUNCTIONS.has(t.norm) || !/,/u.test(ctx.text.slice(before[k - 1]!.end, t.start))) continue;
    // (`tandis que`, `alors que`: the subject follows `que`.)
    const s = ['que', "qu'"].includes(before[k + 1]!.norm) ? k + 2 : k + 1;
    const subject = before[s];
    if (!subject || before.length - s < 2) continue;
    if ((CAPITALISED.test(subject.text) && !isStopword(subject.norm, ctx.lang)) || ARTICLES.has(subject.norm) || ctx.lex.determiners.has(subject.norm)) return true;
  }
  return false;
}

/** Conjunctions of time that open a sentence's subordinate clause (`When X asked…, Y …`); not `as`, `comme`: `As X said, …` reports X. */
const TIME_CONJUNCTIONS = new Set([...ADJUNCT_CONJUNCTIONS, 'once', 'until', 'quand', 'lorsque', "lorsqu'", 'apres', 'avant']);

/**
 * Whether `before[v]` stands in a clause of time opening the sentence, closed by a comma and
 * followed by a main clause (two words at least) before the quotation, whose subject is not a
 * personal pronoun: `When Trump announced…, he referred to them as “…”` — `he` is the time
 * clause's subject, the speaker, most often.
 */
function timeClauseBefore(ctx: QuoteContext, before: readonly Token[], v: number): boolean {
  const first = before[0];
  if (!first || !TIME_CONJUNCTIONS.has(first.norm) || first.start - ctx.sentence.start > 2) return false;
  const commaAfter = (k: number): boolean => /,/u.test(ctx.text.slice(before[k - 1]!.end, before[k]!.start));
  for (let k = 1; k <= v; k++) if (commaAfter(k)) return false;
  let main = v + 1;
  while (main < before.length && !commaAfter(main)) main++;
  return before.length - main >= 2 && !PERSONAL.has(before[main]!.norm);
}

/**
 * `It came after Boehner publicly chided Obama on Friday, accusing the president of having “…”`:
 * when the main clause's subject names no one, a participle after a comma hangs on the clause
 * of time or cause before it — its subject, a name right after the conjunction (`after`, `when`,
 * `as`, `because`…) and followed by its verb, in the same sentence, up to the participle's comma
 * (Hobbs 1978: the nearest clause's subject first). Null otherwise.
 */
function subordinateSubject(ctx: QuoteContext, before: readonly Token[], end: number): SpeakerFound | null {
  const { text } = ctx;
  // The main clause's subject names no one: `It`, `This`, or a common noun after an article.
  const first = before[0];
  if (!first || first.start - ctx.sentence.start > 2 || !(['it', 'this', 'that'].includes(first.norm) || ARTICLES.has(first.norm))) return null;
  for (let k = end - 2; k >= 1; k--) {
    const conj = before[k]!;
    if (!ctx.lex.subordinators.has(conj.norm) || CAPITALISED.test(conj.text)) continue;
    const head = before.slice(k + 1, end);
    if (!head[0] || gapBreaks(text, conj, head[0])) return null;
    const run = (() => {
      let e = 0;
      while (e < head.length && e < MAX_NAME_RUN && CAPITALISED.test(head[e]!.text) && (e === 0 || !gapBreaks(text, head[e - 1]!, head[e]!))) e++;
      const r = head.slice(0, e);
      return r.length >= 2 && !isStopword(r[0]!.norm, ctx.lang) ? r : knownSurname(ctx, head);
    })();
    if (!run || POSSESSIVE_S.test(run[run.length - 1]!.norm)) return null;
    const verb = head[run.length];
    if (!verb || CAPITALISED.test(verb.text) || gapBreaks(text, run[run.length - 1]!, verb) || (isStopword(verb.norm, ctx.lang) && !AUXILIARIES.has(verb.norm))) return null;
    const span = { start: run[0]!.start, end: run[run.length - 1]!.end };
    return { speaker: text.slice(span.start, span.end), speakerSpan: span, mention: span, cue: null };
  }
  return null;
}

/** English function words a Title Case headline capitalises and a name does not (`isSpeakerPhrase`). */
const HEADLINE_WORDS = new Set(['A', 'An', 'The', 'Of', 'In', 'On', 'To', 'For', 'With', 'At', 'By', 'And', 'Who', 'Is', 'Are']);
/** English adverb particles of phrasal verbs (`shrugged off`, `pushed back`): a word before one is a verb. */
const VERB_PARTICLES = new Set(['off', 'up', 'out', 'down', 'back', 'away']);
/** English prepositions after which a noun of saying is a noun, not a verb (`on claims`, `in remarks`). */
const PREPOSITIONS = new Set(['on', 'in', 'of', 'over', 'about', 'from', 'at', 'for', 'with', 'after', 'before', 'during', 'against', 'into', 'by']);

/** Forms of `be` that make a participle after them passive (`has been described`, `was called`). */
const PASSIVE_AUXILIARIES = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
/** Forms of French `être` before a past participle (accents folded): verbs of saying take `avoir` in the active, so `être` marks the passive. */
const PASSIVE_AUXILIARIES_FR = new Set(['ete', 'est', 'sont', 'etait', 'etaient', 'sera', 'seront', 'serait', 'seraient', 'fut', 'furent', 'soit', 'soient', 'etre']);

/**
 * `has been described as`, `was called`: an English past participle of a verb of saying after a
 * form of `be` (adverbs between allowed). `quoted` is left out: `X was quoted as saying` keeps X
 * the speaker. So in French: `avait été interpellé`, `est qualifié de` (`être` and a participle).
 */
function isPassive(ctx: QuoteContext, before: readonly Token[], v: number): boolean {
  const t = before[v]!;
  const fr = ctx.lang.startsWith('fr');
  if (fr ? !/\p{L}{2,}(?:é|ée|és|ées|it|ite|its|ites|u|ue|us|ues)$/u.test(t.text.toLowerCase()) : !/\p{L}{2,}(?:ed|en)$/u.test(t.norm) || t.norm === 'quoted') return false;
  let k = v - 1;
  while (k >= 0 && (isAdverb(ctx, before[k]!) || (fr && ctx.lex.skip.has(before[k]!.norm) && !PASSIVE_AUXILIARIES_FR.has(before[k]!.norm))) && !gapBreaks(ctx.text, before[k]!, before[k + 1]!)) k--;
  // (A French pronominal verb takes `être` too: `s'est exclamé` is active.)
  const pronominal = fr && k > 0 && REFLEXIVE.has(before[k - 1]!.norm) && !gapBreaks(ctx.text, before[k - 1]!, before[k]!);
  return k >= 0 && !pronominal && (fr ? PASSIVE_AUXILIARIES_FR : PASSIVE_AUXILIARIES).has(before[k]!.norm) && !gapBreaks(ctx.text, before[k]!, before[k + 1]!);
}

/**
 * Whether the clause a participle at `before[v]` follows (back to the previous comma or the
 * sentence start) holds a relative pronoun or `in which`: the participle's subject may then be
 * that clause's, not the sentence's.
 */
function afterRelativeClause(ctx: QuoteContext, before: readonly Token[], v: number): boolean {
  let k = v - 1;
  // The participle's own comma: the clause before it ends at `before[v - 1]`.
  while (k > 0 && !/,/u.test(ctx.text.slice(before[k - 1]!.end, before[k]!.start))) k--;
  return before.slice(k, v).some((x) => RELATIVE_SUBJECTS.has(x.norm) || x.norm === 'whom' || (x.norm === 'which' && k > 0));
}

/**
 * The subject a participial clause hangs on (`X did Y, claiming “…”`): a name of two capitalised
 * words or more opening the sentence (`leadingName`), or a personal pronoun opening it,
 * resolved as `he said` is. Null when the sentence opens otherwise.
 */
function clauseSubject(ctx: QuoteContext, head: readonly Token[], previous: readonly Quote[]): SpeakerFound | null {
  if (!head[0] || head[0].start - ctx.sentence.start > 2) return null;
  // (`In that interview, he invoked…, saying`, `On Tuesday he repeated…, calling it`: the subject
  // follows an opening adverbial.)
  head = head.slice(openingAdverbialEnd(ctx, head));
  // (`And then Trump went on the attack, saying`: a conjunction and sentence adverbs opening the
  // clause come before its subject.)
  let c = 0;
  while (c < Math.min(head.length - 1, 3) && (c === 0 ? COORDINATORS.has(head[0]!.norm) || head[0]!.norm === 'but' || ctx.lex.sentenceAdverbs.has(head[0]!.norm) : ctx.lex.sentenceAdverbs.has(head[c]!.norm)) && !ctx.lang.startsWith('fr') && !gapBreaks(ctx.text, head[c]!, head[c + 1]!)) c++;
  // (Only before a name or a pronoun: in `Even before Sanders took the stage…, his campaign sent`
  // the name is a subordinate clause's.)
  if (c > 0 && (CAPITALISED.test(head[c]!.text) || PERSONAL.has(head[c]!.norm))) head = head.slice(c);
  const first = head[0];
  if (!first) return null;
  if (PERSONAL.has(first.norm)) return resolve(ctx, { span: { start: first.start, end: first.end }, tokens: [first] }, null, previous, []);
  // A French organisation's name goes on in lower case up to its verb (`l’Association des Maires
  // ruraux de France a lancé`, `le Syndicat national des Journalistes a lancé`): the whole phrase
  // up to the auxiliary, not its capitalised words.
  const o = ARTICLES.has(first.norm) ? 1 : 0;
  if (ctx.lang.startsWith('fr') && head[o] && CAPITALISED.test(head[o]!.text) && ctx.lex.organisations.has(head[o]!.norm)) {
    const np = nounPhrase(ctx, head.slice(o), 0);
    const verb = np ? head[head.indexOf(np.tokens[np.tokens.length - 1]!) + 1] : undefined;
    if (np && verb && AUXILIARIES.has(verb.norm) && !gapBreaks(ctx.text, np.tokens[np.tokens.length - 1]!, verb)) return { speaker: ctx.text.slice(np.span.start, np.span.end), speakerSpan: np.span, mention: np.span, cue: null };
  }
  // (`leadingName` takes no name inside an adjunct: not `In a speech before a Goldman Sachs Symposium`.)
  // (A surname alone of someone the article named in full: `But Netanyahu pushed back…, telling`.)
  const run = leadingName(ctx, head) ?? knownSurname(ctx, head) ?? appositiveName(ctx, head) ?? (head[0] && isStopword(head[0].norm, ctx.lang) && !ARTICLES.has(head[0].norm) && !ctx.lex.determiners.has(head[0].norm) ? knownSurname(ctx, head.slice(1)) : null);
  if (!run) return null;
  // The name is the subject only when a verb follows it (not `Republican Party officials`).
  const next = head[head.indexOf(run[run.length - 1]!) + 1];
  if (!next || CAPITALISED.test(next.text) || gapBreaks(ctx.text, run[run.length - 1]!, next)) return null;
  // (After an article the capitalised words modify a noun — `The GOP nominee has staked…`, see
  // `modifiedNoun`; when which word is the verb is unsure, no subject. `Le Kremlin a déclaré` goes
  // on as before.)
  const r = head.indexOf(run[0]!);
  const modified = r > 0 && ARTICLES.has(head[r - 1]!.norm) && !isVerbGroup(ctx, next) ? modifiedNoun(ctx, head, r) : run;
  if (!modified) return null;
  const span = { start: modified[0]!.start, end: modified[modified.length - 1]!.end };
  return { speaker: ctx.text.slice(span.start, span.end), speakerSpan: span, mention: span, cue: null };
}

/**
 * Where the subject starts after an adverbial opening the sentence: a phrase led by an adjunct
 * word (`In that interview,`, `After the vote,`) up to its comma, or a preposition and time words
 * only (`On Tuesday he`, `Last week she`); 0 when the sentence opens on no adverbial.
 */
function openingAdverbialEnd(ctx: QuoteContext, head: readonly Token[]): number {
  const first = head[0];
  if (!first || !(ctx.lex.adjunctStarts.has(first.norm) || ctx.lex.skip.has(first.norm) || isCalendarWord(first.norm))) return 0;
  // A preposition opens a phrase that ends at its comma; a conjunction (`But Dalton pushed back
  // on Sunday, first telling`) opens the clause itself.
  const preposition = isStopword(first.norm, ctx.lang) && !CLAUSE_BREAKS.has(first.norm);
  for (let k = 1; k < head.length && k <= 8; k++) {
    const gap = ctx.text.slice(head[k - 1]!.end, head[k]!.start);
    // (A time word alone is an adverbial too: `Lundi, le syndicat a lancé…`.)
    if (/^\s*,\s*$/u.test(gap)) return preposition || head.slice(0, k).every((t) => isCalendarWord(t.norm)) ? k : 0;
    if (gapBreaks(ctx.text, head[k - 1]!, head[k]!)) return 0;
    // Time words only, then a pronoun or a capitalised word: the subject, no comma needed.
    const time = head.slice(1, k).every((t) => isCalendarWord(t.norm) || ctx.lex.skip.has(t.norm));
    if (time && k > 1 && (PERSONAL.has(head[k]!.norm) || CAPITALISED.test(head[k]!.text)) && !isCalendarWord(head[k]!.norm)) return k;
  }
  return 0;
}

/**
 * The subject of a participle set right after it without a break: a name after a preposition
 * (`ends with Perry claiming`, `avec Marine Le Pen affirmant`), or a determined noun phrase
 * (`une banderole` of `une banderole clamant`, `a statement` of `a statement saying`), at most
 * five words from its article; null otherwise (`Trump kept saying`).
 */
function participleSubject(ctx: QuoteContext, before: readonly Token[], v: number): { span: Span; tokens: Token[] } | null {
  let n = v;
  while (n > 0 && v - n < 4 && (CAPITALISED.test(before[n - 1]!.text) || (n < v && PARTICLES.has(before[n - 1]!.norm))) && !gapBreaks(ctx.text, before[n - 1]!, before[n]!)) n--;
  // (Only after `with`: `an ad in Iowa describing…` is no Iowa speaking.)
  if (n < v && n > 0 && CAPITALISED.test(before[n]!.text) && WITH.has(before[n - 1]!.norm) && !gapBreaks(ctx.text, before[n - 1]!, before[n]!)) {
    const tokens = before.slice(n, v);
    return { span: { start: tokens[0]!.start, end: tokens[tokens.length - 1]!.end }, tokens };
  }
  let s = v;
  while (s > 0 && v - s < 5 && !gapBreaks(ctx.text, before[s - 1]!, before[s]!)) {
    s--;
    if (ARTICLES.has(before[s]!.norm) || ctx.lex.determiners.has(before[s]!.norm)) {
      const tokens = before.slice(s + 1, v);
      // Nouns and adjectives only: no verb, auxiliary or other function word between.
      if (tokens.length === 0 || tokens.some((x) => isStopword(x.norm, ctx.lang) || ctx.lex.skip.has(x.norm) || ctx.lex.speechVerbs.has(x.norm))) return null;
      // (A thing someone owns or a place a preposition leads to — `started out their ninth debate
      // saying`, `yelling at people on their way into the polls saying` — says nothing; a written
      // source does: `his statement saying`, `into a letter saying`.)
      const head = tokens[tokens.length - 1]!;
      // (`of`, `de` join a phrase's complement: `one of the security contractors asking`.)
      const owned = POSSESSIVES.has(before[s]!.norm) || (s > 0 && PREPOSITIONS.has(before[s - 1]!.norm) && !['of', 'de', 'du', 'des', "d'"].includes(before[s - 1]!.norm) && !gapBreaks(ctx.text, before[s - 1]!, before[s]!));
      if (owned && !ctx.lex.documents.has(head.norm) && !ctx.lex.speechNouns.has(head.norm)) return null;
      return { span: { start: tokens[0]!.start, end: tokens[tokens.length - 1]!.end }, tokens };
    }
  }
  return null;
}

/** A lower-case adverb of manner: English -ly (not -ily, -ally: `family`, `ally`), French -ment, Spanish, Italian and Portuguese -mente. */
function isAdverb(ctx: QuoteContext, t: Token): boolean {
  if (CAPITALISED.test(t.text)) return false;
  if (ctx.lang.startsWith('fr')) return /\p{L}{3,}ment$/u.test(t.norm);
  // (Spanish, Italian and Portuguese adverbs of manner end in -mente: `ha duramente criticato`.)
  if (PRO_DROP.has(ctx.lang.slice(0, 2))) return /\p{L}{3,}mente$/u.test(t.norm);
  return /\p{L}{3,}ly$/u.test(t.norm) && !/(?:i|al)ly$/u.test(t.norm);
}

/** Auxiliaries and copulas: after them the words are still the main speaker's (`said Harlan was “a liar”`). */
const AUXILIARIES = wordsOfEveryLanguage('auxiliaries');

/**
 * `Senator Abrams said President Harlan wanted “a powerful wall”`: after the cue, a clause with
 * its own named subject and its own verb, not an auxiliary or copula, before the quotation. The
 * quoted words may be the embedded subject's or the main speaker's paraphrase of them: unknown.
 * (`X said he wanted “…”` keeps X: the pronoun is X.)
 */
function embeddedSubject(ctx: QuoteContext, before: readonly Token[], v: number, quoted = false): boolean {
  const { text } = ctx;
  let k = v + 1;
  // (`as Axelrod said, Biden showed “…”`: a cue set off by a comma is an aside; what follows is its content.)
  if (before[k] && /,/u.test(text.slice(before[v]!.end, before[k]!.start))) return false;
  if (before[k] && ['that', 'que', "qu'"].includes(before[k]!.norm)) k++;
  // `Trump called Iowa voters “stupid”`, `Bolton told Fox host Matt Ryan, “…”`: after a verb that
  // takes its listener or what it names as a direct object (tell, ask, call: a ditransitive or
  // object-complement verb; Quirk et al. 1985, §16.55), the name is that object, not a clause's
  // subject. (Not in a compound: `the so-called Whitewater deal`.)
  else if (OBJECT_VERBS.has(before[v]!.norm) && !/[-\u2011]$/u.test(text.slice(0, before[v]!.start))) return false;
  const start = k;
  while (k < before.length && CAPITALISED.test(before[k]!.text) && (k === start || !gapBreaks(text, before[k - 1]!, before[k]!))) k++;
  const verb = before[k];
  if (k === start || !verb || gapBreaks(text, before[k - 1]!, verb)) return false;
  if (auxiliaryAfterHead(ctx, before, k)) return false;
  // `Brazile’s actions`, `Sunday night’s matchup`: a possessive, or a time word, is no subject.
  if (before.slice(start, k + 1).some((t) => POSSESSIVE_S.test(t.norm)) || before.slice(start, k).every((t) => ctx.lex.skip.has(t.norm))) return false;
  if (CAPITALISED.test(verb.text) || AUXILIARIES.has(verb.norm) || OBLIGATION.has(verb.norm) || isStopword(verb.norm, ctx.lang) || ctx.lex.skip.has(verb.norm)) return false;
  // `Whitlock said Tom Reed lacks “the strength or the stamina”`: with the quotation right after
  // them (`quoted`, English), a clause whose verb is a finite verb of doing or having (in -s, -ed,
  // an irregular past), with no verb of saying up to the quotation, tells what its subject does,
  // not what it says: the quoted words are the reporter's, as after a copula (`said Reed was “a
  // liar”`). A verb of saying there (`said Reed called on members to be “…”`) may report the
  // subject's words, and a verb of wanting or thinking (`said Harlan wanted “…”`) the subject's
  // own view, perhaps in its words: unknown, as is a word that may be no verb (`the so-called
  // Harbor City fund`).
  if (!quoted || !ctx.lang.startsWith('en') || !looksLikeVerb(ctx, verb) || ATTITUDE_VERBS.has(verb.norm)) return true;
  // (A plural noun heading the subject, its verb after it, is no verb: `said Harbor City officials wanted “…”`.)
  const next = before[k + 1];
  if (next && !CAPITALISED.test(next.text) && !gapBreaks(text, verb, next) && (looksLikeVerb(ctx, next) || ATTITUDE_VERBS.has(next.norm) || AUXILIARIES.has(next.norm))) return true;
  return before.slice(k).some((t, j, all) => ctx.lex.speechVerbs.has(t.norm) && !ctx.lex.according.has(t.norm) && !notACue(ctx, all, j));
}

/** English verbs of wanting, thinking and feeling, whose object is their subject's own view (`wanted “…”`). */
const ATTITUDE_VERBS = new Set(['want', 'wants', 'wanted', 'wish', 'wishes', 'wished', 'hope', 'hopes', 'hoped', 'believe', 'believes', 'believed', 'think', 'thinks', 'thought', 'feel', 'feels', 'felt', 'know', 'knows', 'knew', 'fear', 'fears', 'feared', 'expect', 'expects', 'expected', 'plan', 'plans', 'planned', 'intend', 'intends', 'intended', 'prefer', 'prefers', 'preferred', 'consider', 'considers', 'considered', 'see', 'sees', 'saw', 'view', 'views', 'viewed', 'regard', 'regards', 'regarded', 'find', 'finds', 'found', 'like', 'likes', 'liked', 'love', 'loves', 'loved', 'hate', 'hates', 'hated', 'seek', 'seeks', 'sought', 'demand', 'demands', 'demanded', 'need', 'needs', 'needed']);

/**
 * `Trump said Fox executives were calling “…”`, `Israel said that Clinton called on members to be
 * “…”`: the subject found for the verb before the quotation opens the complement clause of an
 * earlier verb of saying (right after it, or after its `that`), so the quoted words come through
 * that verb's speaker, who reports them, maybe in their own words: whose they are the sentence
 * does not tell, as `embeddedSubject` says of the clause with no verb of saying of its own.
 */
function reportedClauseSubject(ctx: QuoteContext, before: readonly Token[], k: number): boolean {
  if (!ctx.lang.startsWith('en') || k <= 0) return false;
  let u = k - 1;
  if (before[u]!.norm === 'that' && u > 0) u--;
  const verb = before[u]!;
  if (!ctx.lex.speechVerbs.has(verb.norm) || ctx.lex.according.has(verb.norm) || OBJECT_VERBS.has(verb.norm) || notACue(ctx, before, u)) return false;
  // (Set off by a comma it is an aside, `as Axelrod said, Biden showed “…”`: what follows is no complement.)
  return !/[,;:—–(]/u.test(ctx.text.slice(verb.end, before[k]!.start)) && !gapBreaks(ctx.text, verb, before[u + 1]!) && CAPITALISED.test(before[k]!.text);
}

/**
 * Whether phrase `np` is the subject of the verb `before[v]`: only auxiliaries and adverbs between
 * them (`Fox executives were calling`), not a preposition (`mocked Hanley for calling himself “…”`
 * makes Hanley the object of `mocked` and the one who called himself so).
 */
function subjectOf(ctx: QuoteContext, before: readonly Token[], np: { tokens: Token[] }, v: number): boolean {
  const end = before.indexOf(np.tokens[np.tokens.length - 1]!);
  return end >= 0 && end < v && before.slice(end + 1, v).every((t) => AUXILIARIES.has(t.norm) || isAdverb(ctx, t) || t.norm === 'not');
}

/**
 * Whether quotation `q` was left unknown by `reportedClauseSubject`: in its sentence before it, a
 * verb of saying, a capitalised subject right after it (or after its `that`), then another verb
 * of saying.
 */
function reportedClauseBefore(ctx: QuoteContext, q: Quote): boolean {
  if (!ctx.lang.startsWith('en')) return false;
  const sentence = ctx.sentences[firstSentenceAfter(ctx, q.marks.open.start) - 1];
  if (!sentence || sentence.start > q.marks.open.start) return false;
  const head = tokenize(ctx.text.slice(sentence.start, q.marks.open.start), ctx.lang).map((t) => ({ ...t, start: t.start + sentence.start, end: t.end + sentence.start }));
  const cue = (i: number): boolean => ctx.lex.speechVerbs.has(head[i]!.norm) && !ctx.lex.according.has(head[i]!.norm) && !notACue(ctx, head, i);
  const v = head.findLastIndex((_, i) => cue(i));
  // (The subject: capitalised words from `k`, then only auxiliaries and adverbs up to the verb.)
  for (let k = 1; k < v; k++) {
    if (!reportedClauseSubject(ctx, head, k)) continue;
    let e = k;
    while (e + 1 < v && CAPITALISED.test(head[e + 1]!.text)) e++;
    if (subjectOf(ctx, head, { tokens: head.slice(k, e + 1) }, v)) return true;
  }
  return false;
}

/** Lower-case words a subject's head may hold between its capitalised words (`Republican nominee Donald Trump`). */
const MAX_HEAD_WORDS = 2;

/**
 * `said Clinton supporters were “…”`, `said Republican nominee Donald Trump is “…”`: the
 * capitalised words that opened the clause (ending at `k`) modify a lower-case head noun or
 * title, and the clause's verb is an auxiliary or copula after it — the main speaker's own
 * characterisation, as `said Harlan was “a liar”` is; so is a possessive ending the phrase. A noun phrase's premodifiers come before
 * its head (Quirk et al. 1985, §17.2). Not when a verb of saying follows before the quotation
 * (`said Trump aides have demanded “…”`: their words, or the speaker's paraphrase of them).
 */
function auxiliaryAfterHead(ctx: QuoteContext, before: readonly Token[], k: number): boolean {
  const { text, lex } = ctx;
  let j = k;
  const joined = (i: number) => !gapBreaks(text, before[i - 1]!, before[i]!);
  while (j < before.length && j - k < MAX_HEAD_WORDS && joined(j) && !CAPITALISED.test(before[j]!.text) && !AUXILIARIES.has(before[j]!.norm) && !isStopword(before[j]!.norm, ctx.lang) && !lex.speechVerbs.has(before[j]!.norm)) j++;
  if (j === k) return false;
  while (j < before.length && joined(j) && CAPITALISED.test(before[j]!.text)) j++;
  // (`said Democratic presidential candidate Hillary Clinton’s “judgment”`: a possessive, no subject.)
  if (j > k && POSSESSIVE_S.test(before[j - 1]!.norm) && CAPITALISED.test(before[j - 1]!.text)) return true;
  const aux = before[j];
  if (!aux || !joined(j) || !AUXILIARIES.has(aux.norm)) return false;
  return !before.slice(j + 1).some((t) => lex.speechVerbs.has(t.norm));
}

/** English verbs of saying whose first noun phrase is their object: the one told, asked, named. */
const OBJECT_VERBS = new Set(['tell', 'tells', 'told', 'telling', 'ask', 'asks', 'asked', 'asking', 'call', 'calls', 'called', 'calling', 'remind', 'reminds', 'reminded', 'reminding', 'assure', 'assures', 'assured', 'assuring', 'urge', 'urges', 'urged', 'urging', 'label', 'labels', 'labeled', 'labelled', 'labeling', 'labelling', 'brand', 'brands', 'branded', 'branding', 'dub', 'dubs', 'dubbed', 'dubbing']);

/**
 * Verbs of obligation that, like the modals `must` and `should`, give the main speaker's
 * judgement of what the embedded subject is to do (deontic modality; Palmer, Mood and Modality,
 * 2001): `DeMint said Steele needs to “refocus”` is DeMint's word, not Steele's. English semi-
 * modals `need (to)`, `ought (to)`; French `devoir`.
 */
const OBLIGATION = new Set(['need', 'needs', 'ought', 'doit', 'doivent', 'devait', 'devaient', 'devrait', 'devraient', 'devra', 'devront']);

/** A quotation with no cue of its own continues the previous speaker's words if this close (characters). */
const CONTINUING_WINDOW = 400;

/** Said of a quotation whose speaker the text leaves open: no speaker, and none inherited. */
const UNKNOWN = 'unknown' as const;

/** A party and a state after a name (`R-Ky.`, `D-N.Y.`, `I-Vt.`). */
const PARTY_STATE_CODE = /^[RDI]-\p{Lu}[\p{L}.]*\.?$/u;

/**
 * `Pollster Jane Whitcomb was less sure: “…”`, `…, Ms. Kovner sighed: “…”`: a clause of a name
 * and at most MAX_COLON_VERB lower-case words (its verb, without a verb of saying) leading to the
 * quotation through a colon. The name opens the sentence or follows a comma.
 */
function colonClause(ctx: QuoteContext): SpeakerFound | null {
  const { before, text } = ctx;
  const last = before[before.length - 1];
  if (!last || !/^\s*:\s*$/u.test(text.slice(last.end, ctx.open.start))) return null;
  let e = before.length;
  // (A weekday or a month is a time word, not a name: `struck a different note on Tuesday:`.)
  while (e > 0 && before.length - e < MAX_COLON_VERB && (!CAPITALISED.test(before[e - 1]!.text) || isCalendarWord(before[e - 1]!.norm)) && !gapBreaks(text, before[e - 1]!, before[e] ?? last)) e--;
  if (e === before.length) return null;
  let s = e;
  while (s > 0 && e - s < 5 && CAPITALISED.test(before[s - 1]!.text) && (s === e || !gapBreaks(text, before[s - 1]!, before[s]!))) s--;
  // (A party and state set off after a name, `Mitch McConnell, R-Ky., delivered a message:`, is
  // the name's: the name before its comma is the subject, never `R-Ky`.)
  if (s > 0 && e - s <= 3 && PARTY_STATE_CODE.test(text.slice(before[s]!.start, before[e - 1]!.end + 1)) && /^\s*,\s*$/u.test(text.slice(before[s - 1]!.end, before[s]!.start))) {
    e = s;
    while (s > 0 && e - s < 5 && CAPITALISED.test(before[s - 1]!.text) && (s === e || !gapBreaks(text, before[s - 1]!, before[s]!))) s--;
    if (s === e) return null;
  }
  const opensClause = s === 0 ? before[0]!.start - ctx.sentence.start <= 2 : /,/u.test(text.slice(before[s - 1]!.end, before[s]!.start));
  // One capitalised word names a person the article named in full before (`Trump also took aim
  // at the media:`); the word after the name is its verb, not a preposition or an article.
  const surname = e - s === 1 && knownSurname(ctx, before.slice(s)) !== null;
  // (A possessive anywhere in the run names where the words were written: `Jeb Bush’s Facebook page carried a note:`.)
  if ((e - s < 2 && !surname) || !opensClause || before.slice(s, e).some((t) => POSSESSIVE_S.test(t.norm)) || isStopword(before[s]!.norm, ctx.lang) || PREPOSITIONS.has(before[e]!.norm) || ARTICLES.has(before[e]!.norm)) return null;
  const span = { start: before[s]!.start, end: before[e - 1]!.end };
  return { speaker: text.slice(span.start, span.end), speakerSpan: span, mention: span, cue: null };
}

/**
 * A noun of saying whose owner is named, right before the quotation: `Clinton’s allegations of a
 * “…”`, `Mr. Ruiz’s warning that “…”`, `les propos de Marine Le Pen : «…»`. The owner is a name
 * (capitalised words), given with its possessive `'s` (English) or after `de` (French).
 */
function sayingOf(ctx: QuoteContext): SpeakerFound | null {
  const { before, text, lex } = ctx;
  // The noun stands a few words before the mark (`of a`, `that it would be`, `de Marine Le
  // Pen :`), no break and no other verb of saying between.
  for (let n = before.length - 1; n >= 0 && n >= before.length - SAYING_OF_WORDS; n--) {
    if (n < before.length - 1 && gapBreaks(text, before[n]!, before[n + 1]!)) return null;
    if (lex.speechVerbs.has(before[n]!.norm) && !lex.speechNouns.has(before[n]!.norm)) return null;
    if (!lex.speechNouns.has(before[n]!.norm)) continue;
    let s = n;
    let e = n;
    if (n > 0 && POSSESSIVE_S.test(before[n - 1]!.norm) && CAPITALISED.test(before[n - 1]!.text)) {
      e = n - 1;
      s = e;
      while (s > 0 && CAPITALISED.test(before[s - 1]!.text) && !gapBreaks(text, before[s - 1]!, before[s]!) && e - s < 3) s--;
      const span = { start: before[s]!.start, end: before[e]!.end - 2 };
      return { speaker: text.slice(span.start, span.end), speakerSpan: span, mention: span, cue: { start: before[n]!.start, end: before[n]!.end } };
    }
    const de = before[n + 1];
    if (de && ['de', 'du', "d'"].includes(de.norm) && before[n + 2] && CAPITALISED.test(before[n + 2]!.text)) {
      s = n + 2;
      e = s;
      while (e + 1 < before.length && (CAPITALISED.test(before[e + 1]!.text) || (PARTICLES.has(before[e + 1]!.norm) && CAPITALISED.test(before[e + 2]?.text ?? ''))) && !gapBreaks(text, before[e]!, before[e + 1]!)) e++;
      // The name ends the words before the mark (a colon or comma between allowed).
      if (e !== before.length - 1 || !/^\s*[:,]?\s*$/u.test(text.slice(before[e]!.end, ctx.open.start))) return null;
      const span = { start: before[s]!.start, end: before[e]!.end };
      return { speaker: text.slice(span.start, span.end), speakerSpan: span, mention: span, cue: { start: before[n]!.start, end: before[n]!.end } };
    }
    return null;
  }
  return null;
}

/**
 * `She then addressed the supporters again: “…”`, `Politico reveals a few relevant facts: “…”`:
 * a sentence that introduces the quotation with a colon, its subject at its head (a name, a
 * surname the article named in full, a determined name, or `he`/`she` resolved as such), gives
 * the quotation to that subject (Quirk et al. 1985, §17.36: the colon announces what follows).
 * Only when no other quotation stands before it in the sentence.
 */
function colonSubject(ctx: QuoteContext, previous: readonly Quote[]): SpeakerFound | null {
  const { before, text } = ctx;
  const last = before[before.length - 1];
  if (!last || !/^\s*:\s*$/u.test(text.slice(last.end, ctx.open.start)) || ctx.others.some((o) => o.start < ctx.open.start)) return null;
  // (A digest's item, `POLLS WERE NOT WRONG - Dana Whitlock and Paul Rowan:`, is `digestSignature`'s.)
  if (/\s[-–—]\s/u.test(text.slice(ctx.sentence.start, ctx.open.start))) return null;
  // (A possessive inside the name names where the words were written: `Bush's Facebook post read:`.)
  const subject = clauseSubject(ctx, before, previous);
  return subject && !/['’]s\s/u.test(subject.speaker) ? subject : null;
}

/** How far before the quotation the noun of `sayingOf` may stand, in words. */
const SAYING_OF_WORDS = 7;

/** Lower-case words between the name and the colon of `colonClause` (`was less sure`, `had a simple message for the voters`). */
const MAX_COLON_VERB = 8;

/** Words of rank that point back to one of several people named before (`le premier`, `ce dernier`, `the latter`). */
const RANKS = new Set(['premier', 'premiere', 'second', 'seconde', 'deuxieme', 'dernier', 'derniere', 'former', 'latter']);

/** Verbs and auxiliaries, as written, that show a clause, not a name, was taken (lower case only: `Will Smith` is a name; `à` is no `a`). */
const FINITE = new Set([...AUXILIARIES, 'said', 'says', 'hinted']);

/**
 * A speaker is a person or an organisation as the text names it: not a pronoun, not a clause
 * (`his panel would investigate the report`, `LePage hinted`), not a possessive phrase without a
 * name (`his wall`), not an inverted cue (`RIC a-t-il`) or a dash (`— he`).
 */
function isSpeakerPhrase(ctx: QuoteContext, speaker: string, span: Span): boolean {
  // (A pipe or a hashtag belongs to a page's heading or a tweet, never to a name: `LIVE | Grand Débat`.)
  if (/[—–/@|#]|[-\u2011]t[-\u2011]|[-\u2011](?:il|elle|on|ils|elles)\b/u.test(speaker)) return false;
  // A phrase going on into a quotation mark was cut there (`écrivent dans le Journal du dimanche
  // dix «Gilets jaunes» qui…`): the words read are not the whole subject.
  if (/^\s*[«“"„]/u.test(ctx.text.slice(span.end, span.end + 3)) && /\p{Ll}$/u.test(speaker)) return false;
  const words = tokenize(speaker, ctx.lang).filter((t) => /[\p{L}\p{N}]/u.test(t.norm));
  const first = words[0];
  const last = words[words.length - 1];
  if (!first || !last) return false;
  // Danish, Norwegian and Swedish write the genitive of a name with a bare `s` (`Jens Hansens
  // søn`, `Svantessons rådgivare`): a name in -s right before a lower-case word that is no verb of
  // saying, no adverb of the verb group and no preposition may be its owner, not the speaker (it
  // gave `Jens Hansens`). Unknown rather than the owner.
  // A finite `be` or `have` inside the phrase is the clause's verb: after a sentence-opening
  // adjunct these languages put the verb before the subject (`Ifølge fagforeningen er aftalen
  // »…«`), and the phrase ran on through it (it gave `fagforeningen er aftalen`).
  if (words.some((t, k) => k > 0 && !CAPITALISED.test(t.text) && FINITE_BE_HAVE.get(ctx.lang.slice(0, 2))?.has(t.norm) === true)) return false;
  if (SCANDINAVIAN.has(ctx.lang.slice(0, 2)) && /^\p{Lu}.*s$/u.test(last.text)) {
    const next = /^[^\S\n]+(\p{Ll}[\p{L}-]*)/u.exec(ctx.text.slice(span.end, span.end + 40))?.[1];
    const w = next === undefined ? '' : fold(next).toLowerCase();
    if (next !== undefined && !ctx.lex.speechVerbs.has(w) && !ctx.lex.skip.has(w) && !ctx.lex.npStop.has(w) && !ctx.lex.adjunctStarts.has(w)) return false;
  }
  // A surname alone that is also a common word (`Will`, `Small`, `Read`) is a name when the
  // article named that person in full before (`George Will`, `Marty Small`): news copy then
  // names them by the surname.
  if (words.length === 1 && /^\p{Lu}\p{Ll}/u.test(first.text) && (surnames(ctx).get(first.text) ?? Infinity) < span.start) return true;
  // A pronoun, a clitic or another function word opens no name (`lui`, `où il`, `c’`, `Si`), but
  // an article does (`un porte-parole`); a phrase ends on a noun (`maintien en détention du`).
  // A function word written capitalised opening a run of capitalised words is a given name or an
  // abbreviation (`Will Doyle`, `US Senator Jeff Sessions`) when a capitalised content word
  // follows: a name, not a clause or a heading (`If I Would`, `In Response To Kaine`).
  const nameWord = words.length >= 2 && words.every((x) => CAPITALISED.test(x.text)) && !isStopword(words[1]!.norm, ctx.lang) && !CLAUSE_BREAKS.has(first.norm)
    && !PERSONAL.has(first.norm) && !ctx.lex.impersonal.has(first.norm) && !PREPOSITIONS.has(first.norm) && !ctx.lex.adjunctStarts.has(first.norm) && !ctx.lex.subordinators.has(first.norm);
  // A preposition opening the sentence (`Like Corker`, `Amid`) opens an adjunct, not a name;
  // so does a conjunction (`Although`: `Though Trump` was cut to the name before this check).
  if (ctx.lex.subordinators.has(first.norm) || OPENING_PREPOSITIONS.has(first.norm)) return false;
  // Nor does French `quant` (`Quant à Marine Le Pen, elle a jugé…`: the topic is set out after it).
  if (first.norm === 'quant' && ctx.lang.startsWith('fr')) return false;
  if (CLAUSE_BREAKS.has(first.norm) || (isStopword(first.norm, ctx.lang) && !nameWord && !ARTICLES.has(first.norm) && !isHonorific(first.norm) && !ctx.lex.masculineArticles.has(first.norm) && !ctx.lex.feminineArticles.has(first.norm) && !(ctx.lex.plurals.has(first.norm) && !POSSESSIVES.has(first.norm)) && !["l'", 'the'].includes(first.norm))) return false;
  // A share of people (`30 percent`, `Forty percent`, `62 %`, `53%`) is no one a reader can name:
  // the poll is the source (PolNeAR's train split names the poll for 5 of the 6 such quotations).
  if (SHARE.test(speaker.trim())) return false;
  // A run of capitalised words with a function word capitalised after its first is a Title Case
  // headline (`Wisconsin Elects A Supreme Court Justice`, it was the speaker of `…Who Once Mocked
  // ‘Queers’`), not a name: an English name writes `of`, `the`, `a` in lower case (`A.` is an
  // initial: `James A. Baker`).
  if (!ctx.lang.startsWith('fr') && words.length >= 4 && words.every((t) => CAPITALISED.test(t.text)) && words.slice(1).some((t) => HEADLINE_WORDS.has(t.text) && speaker[t.end] !== '.')) return false;
  // A date (`8 décembre 2018`, `Dec. 5`): a number beside a month or weekday name.
  if (words.some((t, k) => /^\d/u.test(t.norm) && [words[k - 1], words[k + 1]].some((x) => x !== undefined && isCalendarWord(x.norm)))) return false;
  // (A capitalised function word after a capitalised name word, with no capitalised word after
  // the phrase, is a surname: `Theresa May said`, `Yin Myint May, a doctor` — a Title Case
  // heading's modal goes on with capitalised words: `Trump May Win`.)
  const surname = words.length >= 2 && /^\p{Lu}\p{Ll}+$/u.test(last.text) && /^\p{Lu}\p{Ll}+$/u.test(words[words.length - 2]!.text) && !isStopword(words[words.length - 2]!.norm, ctx.lang)
    && !/^[^\S\n]+\p{Lu}/u.test(ctx.text.slice(span.end, span.end + 3));
  if ((isStopword(last.norm, ctx.lang) && !surname) || last.norm.endsWith("'")) return false;
  // A French noun phrase opens on a determiner, a name, a title or a number: a lower-case word
  // with no article before it is a verb or an adjunct (`viendra à la barre`), not a subject.
  if (ctx.lang.startsWith('fr') && !CAPITALISED.test(first.text) && !/^\d/u.test(first.text) && !opensNounPhrase(ctx, first.norm)) {
    // (`du`, `au`: a preposition and an article in one word: `un communiqué du ministère`.)
    const dropped = wordBefore(ctx, span);
    if (!(opensNounPhrase(ctx, dropped) || ['du', 'au', 'aux'].includes(dropped))) return false;
  }
  // A verb form alone (`marveled`, `relying`), or adverbs and time words only (`even`, `first`, `A day`).
  if (words.length === 1 && !CAPITALISED.test(first.text) && !ctx.lang.startsWith('fr') && /\p{L}{3,}(?:ed|ing)$/u.test(first.norm)) return false;
  if (words.every((t) => ctx.lex.skip.has(t.norm) || ARTICLES.has(t.norm))) return false;
  // One capitalised word the text also writes in lower case is a common word (a heading glued
  // to the sentence: `Tension`, `Comme`), not a name; a word mixing letters and digits is no name.
  if (words.length === 1 && CAPITALISED.test(first.text) && !/^\p{Lu}+$/u.test(first.text) && lowerCaseWords(ctx.text).has(first.text.toLowerCase())) return false;
  // (An ordinal is a word of a rank: `1st Lt. Tyler Rowe`.)
  // (A short code of capitals and digits modifying the noun after it is an organisation's name:
  // `a NY1 representative`, `L2 president Bruce Willsie`, `G4S`.)
  const code = (t: Token, k: number): boolean => /^[\p{Lu}\d]{2,4}$/u.test(t.text) && k < words.length - 1;
  if (words.some((t, k) => /\p{L}/u.test(t.text) && /\d/u.test(t.text) && !/^\d+(?:st|nd|rd|th)$/u.test(t.text) && !code(t, k))) return false;
  if (words.length === 1 && (ctx.lex.impersonal.has(first.norm) || PERSONAL.has(first.norm) || RELATIVE_SUBJECTS.has(first.norm))) return false;
  // `a lancé le premier`, `cette dernière`, `the latter`: a word pointing back to one of several
  // named before, which the rules do not resolve — no one a reader can see named here.
  const named = words.filter((t) => !ARTICLES.has(t.norm) && !DEMONSTRATIVES_FR.has(t.norm));
  if (named.length === 1 && !CAPITALISED.test(named[0]!.text) && RANKS.has(named[0]!.norm)) return false;
  // (An English or French auxiliary's homograph that is a function word of the text's own language
  // is that word: Portuguese `do` of `o líder do PS`, `fontes do Governo`, which were refused.)
  const homograph = (t: Token): boolean => !ctx.lang.startsWith('en') && !ctx.lang.startsWith('fr') && isStopword(t.norm, ctx.lang);
  if (words.some((t) => FINITE.has(t.text) && !(t.text === 'a' && !ctx.lang.startsWith('fr')) && !homograph(t))) return false;
  // A French word in -aient is a verb (third person plural, imperfect or conditional; no noun or
  // adjective ends so): the phrase is a clause (`quelques drapeaux parsemaient le cortège`).
  if (ctx.lang.startsWith('fr') && words.some((t) => !CAPITALISED.test(t.text) && /\p{L}{2}aient$/u.test(t.norm))) return false;
  // An adverb (`publicly apologize`, `immediately`), or a past form followed by an article (a verb
  // and its object: `civil rights groups passed a resolution`), is a clause, not a name.
  // (A French word in -ment after a determiner or `du`, `de` is a noun: `le porte-parole du
  // gouvernement`, `le mouvement`.)
  const noun = (k: number): boolean => k > 0 && (opensNounPhrase(ctx, words[k - 1]!.norm) || ['du', 'de', 'des', "d'", 'au', 'aux'].includes(words[k - 1]!.norm));
  if (words.some((t, k) => (isAdverb(ctx, t) && !noun(k)) || (!CAPITALISED.test(t.text) && /\p{L}{2,}ed$/u.test(t.norm) && ARTICLES.has(words[k + 1]?.norm ?? '')))) return false;
  // So is an English name, then a lower-case word, then an article (`Mayor Tom Reed sent an
  // e-mail`: a past form no suffix tells, and its object).
  const verbAt = words.findIndex((t) => !CAPITALISED.test(t.text));
  if (!ctx.lang.startsWith('fr') && verbAt > 0 && !ARTICLES.has(first.norm) && words.slice(0, verbAt).every((t) => CAPITALISED.test(t.text)) && !isStopword(words[verbAt]!.norm, ctx.lang)
    && ARTICLES.has(words[verbAt + 1]?.norm ?? '') && /^[^,;()-]*\s$/u.test(speaker.slice(0, words[verbAt]!.start)) && /^\s+$/u.test(speaker.slice(words[verbAt]!.end, words[verbAt + 1]!.start))) return false;
  if (!ctx.lang.startsWith('fr') && clauseFragment(ctx, speaker, words, span)) return false;
  // English clauses a phrase ran into: a passive (`concerns being expressed by`), a verb after an
  // adverb of sequence (`The ad then cuts`), an irregular past ending it (`the platform committee
  // meeting began`).
  if (!ctx.lang.startsWith('fr') && words.length >= 2) {
    const lower = (t: Token | undefined): boolean => t !== undefined && !CAPITALISED.test(t.text);
    if (words.some((t) => lower(t) && (t.norm === 'being' || t.norm === 'been'))) return false;
    if (words.some((t, k) => k > 0 && lower(t) && SEQUENCE_ADVERBS.has(t.norm) && lower(words[k + 1]) && !isStopword(words[k + 1]!.norm, ctx.lang))) return false;
    if (lower(last) && IRREGULAR_PASTS.has(last.norm)) return false;
  }
  if (ctx.lang.startsWith('fr') && !/\p{L}/u.test(ctx.text.slice(ctx.sentence.start, span.start)) && openingParticipleFr(words[0]!, words[1]?.norm ?? wordAfter(ctx, span.end))) return false;
  return !(POSSESSIVES.has(first.norm) && !words.some((t) => CAPITALISED.test(t.text)));
}

/**
 * A French past participle opening the sentence before a preposition (`Contactée par l'AFP,`,
 * `Atteint au bras samedi,`, `Interrogé sur ce point,`) heads an adjunct: it is no name. (Only
 * the endings no first name has: `Julie`, `Robert`, `Marguerite` are names; `René` is followed by
 * a comma or a surname, not a preposition.)
 */
function openingParticipleFr(word: Token, next: string): boolean {
  return CAPITALISED.test(word.text) && PARTICIPLE_FR.test(word.text.toLowerCase()) && PARTICIPLE_PREPOSITIONS_FR.has(next);
}
const PARTICIPLE_FR = /\p{L}{2}(?:ée?s?|inte?s?|ue?s?)$/u;
const PARTICIPLE_PREPOSITIONS_FR = new Set(['par', 'à', 'au', 'aux', 'sur', 'dans', 'en', 'de', "d'", 'du', 'des', 'pour', 'lors', 'avec', 'après', 'depuis', 'pendant', 'devant', 'auprès']);

/** The next word after `at` in lower case, or `,` when a comma comes first. */
function wordAfter(ctx: QuoteContext, at: number): string {
  const m = /^\s*(,|[\p{L}'’]+)/u.exec(ctx.text.slice(at, at + 40));
  return (m?.[1] ?? '').toLowerCase().replace('’', "'");
}

/** English adverbs of sequence, which stand between a subject and its verb (`The ad then cuts`), never inside a name. */
const SEQUENCE_ADVERBS = new Set(['then', 'later', 'also', 'still', 'now', 'again', 'finally']);

/** English verbs of telling: their object is the one told (`told reporters`), never an inverted subject. */
const TOLD = new Set(['told', 'tells', 'tell']);
/** A phrase ending on a share written as a figure or in words, then `percent` / `per cent` / `pour cent` / `%`, and at most its complement (`of voters`, `des Français`). */
const SHARE = /(?:^|\s)(?:[\d.,]+|\p{L}+(?:-\p{L}+)?)\s*(?:%|[Pp]ercent|[Pp]er\s+cent|pour\s+cent)(?:\s+(?:of|de|des|du|d['’])(?:\s|(?<=['’])).*)?$/su;
/** A poll and the capitalised words naming it: before it in English (`Q poll`, `Washington Post-ABC News poll`), after it in French (`sondage Ifop`). */
const POLL_BEFORE = /((?:(?:\p{Lu}|\d)[\p{L}\d.'’/&-]*\s+){1,6})(?:poll|survey)(?![\p{L}])/gu;
const POLL_AFTER = /(?<![\p{L}])(?:sondage|enquête)\s+\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){0,2}/gu;

/** The last poll named by capitalised words in the sentence before `at`, or null. */
function namedPoll(ctx: QuoteContext, at: number): Span | null {
  const from = ctx.sentence.start;
  const head = ctx.text.slice(from, at);
  let best: Span | null = null;
  for (const m of head.matchAll(POLL_BEFORE)) {
    // (Function words written capitalised are no name: `In a`, `The`.)
    const words = m[1]!.trim().split(/\s+/u);
    const k = words.findIndex((w) => !isStopword(fold(w).toLowerCase(), ctx.lang));
    if (k < 0 || words.slice(k).some((w) => isStopword(fold(w).toLowerCase(), ctx.lang))) continue;
    const skip = m[1]!.length - m[1]!.replace(new RegExp(`^(?:\\S+\\s+){${k}}`, 'u'), '').length;
    best = { start: from + m.index + skip, end: from + m.index + m[0].length };
  }
  for (const m of head.matchAll(POLL_AFTER)) if (!best || from + m.index > best.start) best = { start: from + m.index, end: from + m.index + m[0].length };
  return best;
}

/** English number words, which open a verb's object (`endorsing twelve candidates`), never a name after a verb form. */
const NUMBER_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'dozens', 'hundreds', 'thousands', 'millions']);
/** English participles used as adjectives before a noun (`leading economists`, `unnamed officials`): no verb with its object. */
const ADJECTIVAL = new Set(['leading', 'ranking', 'acting', 'outgoing', 'incoming', 'retiring', 'sitting', 'ruling', 'founding', 'presiding', 'visiting', 'retired', 'embattled', 'alleged', 'accused', 'elected', 'disgraced', 'so-called', 'detained', 'jailed']);
/** Prepositions whose object, after an article, is no subject (`who has in the past described`, `at the time told`). */
const OBJECT_PREPOSITIONS = new Set(['in', 'on', 'at', 'during', 'over', 'into', 'about', 'since', 'under', 'after', 'before', 'through']);
/** Collective or indefinite words that stand alone as a subject with no determiner (`police said`, `someone shouted`). */
/**
 * The definite article written as an ending of the noun in Danish, Norwegian, Swedish and
 * Romanian (`ministeren`, `ministern`, `ministrul`, `regeringen`): a lone lower-case word that is
 * a title or an organisation with that ending is determined, as `the minister` is, not a verb
 * or a bare count noun. Romanian's lexicon writes its titles and organisations with the article
 * already (`ministrul`, `guvernul`: the ending changes the stem), so the word itself is looked up.
 */
const DEFINITE_ENDINGS = new Map([['da', ['en', 'et', 'n', 'ne']], ['no', ['en', 'et', 'a', 'n', 'ne']], ['sv', ['en', 'et', 'n', 't', 'na']], ['ro', ['']]]);

function definiteByEnding(ctx: QuoteContext, w: string): boolean {
  const endings = DEFINITE_ENDINGS.get(ctx.lang.slice(0, 2)) ?? [];
  return endings.some((e) => w.length > e.length + 2 && w.endsWith(e) && (ctx.lex.titles.has(w.slice(0, w.length - e.length)) || ctx.lex.organisations.has(w)));
}

/** Finite forms of `be` and `have` (folded), never inside a noun phrase, of the languages whose lexicon skips them between a cue and its subject. */
const FINITE_BE_HAVE = new Map([
  ['da', new Set(['er', 'var', 'har', 'havde', 'blev'])],
  ['no', new Set(['er', 'var', 'har', 'hadde', 'ble', 'vart'])],
  ['sv', new Set(['ar', 'var', 'har', 'hade', 'blev'])],
  ['ro', new Set(['este', 'sunt', 'era', 'erau', 'fost'])],
]);

/** The lower-case words inside a Romanian name, folded: links of its complement (`de`, `din`, `a`, `al`, `lui`) and `și`. */
const RO_NAME_LINKS = new Set(['de', 'din', 'a', 'al', 'ai', 'ale', 'lui', 'si', 'pentru']);

/** Languages writing a name's genitive with a bare `s` (`Hansens søn`). */
const SCANDINAVIAN = new Set(['da', 'no', 'sv']);

const BARE_SUBJECTS = new Set(['another', 'others', 'each', 'either', 'neither', 'all', 'most', 'few', 'police', 'staff', 'management', 'leadership', 'security', 'clergy', 'media', 'press', 'someone', 'somebody', 'everyone', 'everybody', 'anyone', 'anybody', 'nobody', 'one', 'congress', 'parliament', 'government', 'counsel']);

/**
 * English words read as a subject that are a piece of a clause (issue 13): a verb and its object
 * (`mocked Hanley`, `endorsing twelve`, `oppose a formula`, `emailed Dana the list`), a lone bare
 * singular word no determiner opens (`led`, `came`, `warm-`: an English count noun needs one), the
 * object of a preposition (`who has in the past described`), an opening participial adjunct
 * (`Appearing before…`, `Given his…`) or a comparison (`rather than infringing`).
 */
function clauseFragment(ctx: QuoteContext, speaker: string, words: readonly Token[], span: Span): boolean {
  const first = words[0]!;
  const dropped = wordBefore(ctx, span);
  let h = span.start;
  while (h > 0 && /\s/u.test(ctx.text[h - 1]!)) h--;
  // (A preposition holding an article opens a noun too: Spanish `del`, Italian `della`, German `der`.)
  const determined = (h > 0 && (ctx.text[h - 1] === '-' || ctx.text[h - 1] === '\u2011')) || opensNounPhrase(ctx, dropped) || GENITIVES_OF.get(ctx.lang.slice(0, 2))?.has(dropped) === true || NUMBER_WORDS.has(dropped) || /^\d/u.test(dropped) || POSSESSIVE_S.test(dropped) || /['’]$/u.test(dropped);
  // (A participle negated by `un-` is an adjective: `undecided voter`, `unnamed officials`.)
  const verbForm = (t: Token): boolean => !CAPITALISED.test(t.text) && /\p{L}{3,}(?:ed|ing)$/u.test(t.norm) && !ADJECTIVAL.has(t.norm) && !t.norm.startsWith('un');
  // A word (not a function word) then an article or a possessive: a verb and its object (`oppose a
  // formula`, `Dana the list`); `of the`, `for the` inside a name are prepositions, stop words.
  if (words.some((t, k) => k < words.length - 1 && !isStopword(t.norm, ctx.lang) && !ARTICLES.has(t.norm) && !ctx.lex.skip.has(t.norm) && !(k > 0 && /ing$/u.test(t.norm)) && ['a', 'an', 'the', 'his', 'her', 'its', 'their'].includes(words[k + 1]!.text)
    && /^\s+$/u.test(speaker.slice(t.end, words[k + 1]!.start)))) return true;
  // A verb form opening the phrase with no determiner before it, then its object: a name, a
  // number, another verb form, a quantifier or a particle (`mocked Hanley`, `endorsing twelve`,
  // `including cutting`, `echoing some`, `passing around`); or after `and`, a coordinated verb
  // (`and carrying banners`).
  if (words.length >= 2 && verbForm(first) && !determined) {
    const next = words[1]!;
    if (CAPITALISED.test(next.text) || /^\d/u.test(next.text) || NUMBER_WORDS.has(next.norm) || /ing$/u.test(next.norm) || ctx.lex.plurals.has(next.norm) || isStopword(next.norm, ctx.lang)) return true;
    if (['and', 'or'].includes(dropped)) return true;
  }
  // Inside the phrase, a past form after a lower-case noun and before a name, a number or an
  // article is the clause's verb and its object (`former governor mocked Hanley`); a form in
  // -ing there is a reduced relative (`a memo detailing the findings`).
  if (words.some((t, k) => k > 0 && k < words.length - 1 && verbForm(t) && t.norm.endsWith('ed') && !CAPITALISED.test(words[k - 1]!.text) && !isStopword(words[k - 1]!.norm, ctx.lang) && !ARTICLES.has(words[k - 1]!.norm)
    && !isAdverb(ctx, words[k - 1]!) && !/[-\u2011]$/u.test(speaker.slice(0, t.start).trimEnd()) && (CAPITALISED.test(words[k + 1]!.text) || /^\d/u.test(words[k + 1]!.text) || NUMBER_WORDS.has(words[k + 1]!.norm) || ARTICLES.has(words[k + 1]!.norm)))) return true;
  // One lower-case singular word no determiner opens: a verb or a bare count noun (`led`, `came`, `warm-`).
  if (words.length === 1 && !CAPITALISED.test(first.text) && !/s$/u.test(first.norm) && !BARE_SUBJECTS.has(first.norm) && !determined && !definiteByEnding(ctx, first.norm)) return true;
  // `who has in the past described`: the object of a preposition is no subject.
  // (After a noun the phrase is that noun's complement: `Notes on the meeting`.)
  const before2 = /(\S+)\s+(\p{L}+)\s+(\p{L}+)\s+$/u.exec(ctx.text.slice(Math.max(0, span.start - 40), span.start));
  const head = fold(before2?.[1] ?? '').toLowerCase();
  if (before2 && OBJECT_PREPOSITIONS.has(before2[2]!.toLowerCase()) && ARTICLES.has(before2[3]!.toLowerCase()) && (AUXILIARIES.has(head) || ctx.lex.skip.has(head) || isStopword(head, ctx.lang))) return true;
  // `Reached by phone,`, `Appearing before supporters`, `Given his past comments`: a participle
  // opening the sentence heads an adjunct, not the subject.
  if (CAPITALISED.test(first.text) && (/\p{L}{3,}(?:ed|ing)$/u.test(first.norm) || first.norm === 'given') && span.start - ctx.sentence.start <= 2) {
    const after = words.length > 1 ? words[1]!.norm : (/^\s+(\p{L}+)/u.exec(ctx.text.slice(span.end, span.end + 30))?.[1] ?? '').toLowerCase();
    if (PREPOSITIONS.has(after) || ARTICLES.has(after) || POSSESSIVES.has(after) || after === 'by') return true;
  }
  if (words.some((t) => t.norm === 'than')) return true;
  // `WASHINGTON, Aug`: a dateline ends on its month; `CNN President On Hanley`: a capitalised
  // preposition inside capitalised words is a headline's.
  if (words.length >= 2 && isCalendarWord(words[words.length - 1]!.norm) && /,/u.test(speaker)) return true;
  if (words.length >= 3 && words.every((t) => CAPITALISED.test(t.text)) && words.slice(1, -1).some((t) => ['on', 'with', 'about', 'against', 'over', 'after'].includes(t.norm))) return true;
  // A phrase ending on a preposition (`friend without`), or a preposition then a verb form (`began
  // by talking`), was cut inside a clause; so was a single letter.
  if ((['without', 'like', 'unlike', 'than', 'toward', 'towards', 'despite'].includes(words[words.length - 1]!.norm) || words.some((t, k) => k > 0 && PREPOSITIONS.has(words[k - 1]!.norm) && verbForm(t) && t.norm.endsWith('ing')))) return true;
  if (words.length === 1 && /^\p{L}$/u.test(first.text)) return true;
  // `Maybe Hanley is…`, `Perhaps young voters prefer…`: a sentence adverb opens a clause, not a name
  // (before a capitalised word `findSpeaker` took it off).
  if (words.length >= 2 && CAPITALISED.test(first.text) && !ctx.lang.startsWith('fr') && ctx.lex.sentenceAdverbs.has(first.norm)) return true;
  return false;
}

/**
 * The word right before `span`, folded and in lower case (`l'` glued to the noun; the article of
 * `d'une`, after the elided preposition): the article a speaker phrase dropped.
 */
function wordBefore(ctx: QuoteContext, span: Span): string {
  const word = /(\S+?['’]|\S+(?=\s+$))\s*$/u.exec(ctx.text.slice(Math.max(0, span.start - 12), span.start))?.[1] ?? '';
  // (Punctuation glued before it is no part of it: `(le ministre`.)
  return fold(word.replace(/^[^\p{L}]+/u, '').replace(/^\p{L}+['’](?=\p{L})/u, '')).toLowerCase();
}

/** A determiner, article, possessive or title: a word a French noun phrase may open on. */
function opensNounPhrase(ctx: QuoteContext, word: string): boolean {
  return ARTICLES.has(word) || ctx.lex.determiners.has(word) || ctx.lex.plurals.has(word) || ctx.lex.masculineArticles.has(word) || ctx.lex.feminineArticles.has(word) || POSSESSIVES.has(word) || isHonorific(word);
}

/** Whether `text` writes a word in lower case (`lowerCaseWordFinder`: each word looked for once per text). */
let lowerCache: { text: string; words: { has(word: string): boolean } } = { text: '', words: lowerCaseWordFinder('') };
function lowerCaseWords(text: string): { has(word: string): boolean } {
  if (lowerCache.text !== text) lowerCache = { text, words: lowerCaseWordFinder(text) };
  return lowerCache.words;
}

interface RoleMention {
  start: number;
  end: number;
  name: string;
  span: Span;
  /** Whether the words before the mention hold these places (joined by spaces): read once per mention. */
  led?: Map<string, boolean>;
}

/** A word of a role as its expression writes it: its first character any of `firsts` (`[Pp]resident`: `Pp`), then `rest` (`resident`). */
export interface RoleWord {
  firsts: string;
  rest: string;
}

/** How many characters before a capital's spaces `spacedCapitals` indexes it by. */
const ROLE_SUFFIX = 3;

/**
 * The capitals of `text` (`upperCaseStarts`) with white space before them, and for each where the
 * spaces before it start (`ends`: the end of the word before it): where a role's name can begin
 * and its role end; with the capitals by the ROLE_SUFFIX characters before their spaces
 * (`bySuffix`), which end every role of that many letters or more. Found once per text, for every
 * role (`mentionsIn`).
 */
interface SpacedCapitals {
  text: string;
  capitals: Int32Array;
  ends: Int32Array;
  bySuffix: Map<string, number[]>;
}
let spacedCache: SpacedCapitals = { text: '', capitals: new Int32Array(0), ends: new Int32Array(0), bySuffix: new Map() };
function spacedCapitals(text: string): SpacedCapitals {
  if (spacedCache.text === text) return spacedCache;
  const all = upperCaseStarts(text);
  const capitals = new Int32Array(all.length);
  const ends = new Int32Array(all.length);
  const bySuffix = new Map<string, number[]>();
  let count = 0;
  for (const at of all) {
    if (at === 0 || !isWhiteSpace(text.charCodeAt(at - 1))) continue;
    let end = at - 1;
    while (end > 0 && isWhiteSpace(text.charCodeAt(end - 1))) end--;
    if (end >= ROLE_SUFFIX) {
      const key = text.slice(end - ROLE_SUFFIX, end);
      const list = bySuffix.get(key);
      if (list) list.push(count);
      else bySuffix.set(key, [count]);
    }
    capitals[count] = at;
    ends[count++] = end;
  }
  spacedCache = { text, capitals: capitals.slice(0, count), ends: ends.slice(0, count), bySuffix };
  return spacedCache;
}

/**
 * `text.matchAll(pattern)` as mentions, for a role's expression: one of `forms` (each words
 * separated by `\s+`, after a look-behind refusing a letter) then `\s+` and a name opening on an
 * upper-case letter. The expression is tried only where a form ends right before the spaces before
 * a capital (`spacedCapitals` of `whole`, the text `text` begins: every name's first letter is
 * one), sticky from the form's start, each match's end the place the search goes on from, as
 * `matchAll` does: the same matches. `matchAll` tried the look-behind at each position of the
 * text, once per role (5 MB of random corpus words read as roles: 8 to 14 roles, 5 to 10 ms each,
 * issue 16).
 */
export function mentionsIn(text: string, pattern: RegExp, forms: readonly (readonly RoleWord[])[], whole: string): RoleMention[] {
  const n = text.length;
  const { capitals, ends, bySuffix } = spacedCapitals(whole);
  // Where `word` ends at `end`: its start, or -1.
  const startOf = (word: RoleWord, end: number): number => {
    const start = end - word.rest.length - 1;
    return start >= 0 && text.startsWith(word.rest, start + 1) && word.firsts.includes(text[start]!) ? start : -1;
  };
  const starts: number[] = [];
  // The form's words read backwards from the spaces before capital `x`, each after spaces.
  const tryAt = (words: readonly RoleWord[], x: number): void => {
    if (capitals[x]! >= n) return;
    let at = ends[x]!;
    for (let w = words.length - 1; w >= 0; w--) {
      at = startOf(words[w]!, at);
      if (at < 0 || w === 0) break;
      if (at === 0 || !isWhiteSpace(text.charCodeAt(at - 1))) return;
      while (at > 0 && isWhiteSpace(text.charCodeAt(at - 1))) at--;
    }
    if (at >= 0) starts.push(at);
  };
  for (const words of forms) {
    const last = words[words.length - 1]!.rest;
    if (last.length >= ROLE_SUFFIX) for (const x of bySuffix.get(last.slice(-ROLE_SUFFIX)) ?? []) tryAt(words, x);
    else for (let x = 0; x < capitals.length; x++) tryAt(words, x);
  }
  starts.sort((x, y) => x - y);
  const sticky = new RegExp(pattern.source, 'uy');
  const out: RoleMention[] = [];
  for (let x = 0, i = 0; x < starts.length; x++) {
    if (starts[x]! < i) continue;
    sticky.lastIndex = starts[x]!;
    const m = sticky.exec(text);
    if (m) {
      const start = m.index + m[0].length - m[1]!.length;
      out.push({ start: m.index, end: m.index + m[0].length, name: m[1]!, span: { start, end: start + m[1]!.length } });
      i = m.index + m[0].length;
    }
  }
  return out;
}

/**
 * Every `Role Name` of the text, found once per text and role rather than in the text before
 * each quotation (which made a page of thousands of `le ministre a dit` quadratic).
 */
let roleCache: { text: string; byPattern: Map<string, RoleMention[]> } = { text: '', byPattern: new Map() };
function roleMentions(text: string, pattern: RegExp, forms: readonly (readonly RoleWord[])[]): RoleMention[] {
  if (roleCache.text !== text) roleCache = { text, byPattern: new Map() };
  let found = roleCache.byPattern.get(pattern.source);
  if (!found) {
    found = mentionsIn(text, pattern, forms, text);
    roleCache.byPattern.set(pattern.source, found);
  }
  return found;
}

/**
 * `the president said`, `a déclaré le procureur`: a speaker that is one lower-case noun (a role)
 * names the person the article introduced with that role and a name before the quotation
 * (`President Dana Harlan`, `le procureur Rémy Caron`), when it introduced exactly one; the role
 * stays the mention. Otherwise the role is kept as the speaker.
 */
function resolveRole(ctx: QuoteContext, found: SpeakerFound): SpeakerFound {
  const legislator = resolveLegislator(ctx, found);
  if (legislator) return legislator;
  const role = found.speaker;
  // One to four words, the first and last lower-case (`president`, `chief justice`, `seven-term
  // congressman`, `former Alaska governor`).
  if (!/^\p{Ll}[\p{L}-]+(?: [\p{L}-]+){0,3}$/u.test(role) || !/(?:^| )\p{Ll}[\p{L}-]+$/u.test(role)) return found;
  const words = role.split(' ');
  // Letters and hyphens only (checked above): nothing to escape.
  const written = (w: string): string => `[${w[0]!.toUpperCase()}${w[0]!}]${w.slice(1)}`;
  // What `written(w)` matches (`mentionsIn` finds it before trying the expression).
  const literal = (w: string): RoleWord => ({ firsts: `${w[0]!.toUpperCase()}${w[0]!}`, rest: w.slice(1) });
  // (A name of one word too — `Chief Justice Roberts`, `President Obama` — when the article
  // writes the role with it; initials and `Jr.` inside it: `Chief Justice John G. Roberts Jr.`.)
  // (And the particles inside a name, before a capitalised word: `Jean de Villiers`, `Femke de
  // Graaf` gave `Jean`, `Femke`.)
  const name = `(\\p{Lu}[\\p{L}’'-]+(?:\\s(?:\\p{Lu}\\.|[JS]r\\.|(?:(?:${ROLE_NAME_PARTICLES})\\s)?\\p{Lu}[\\p{L}’'-]+)){0,3})`;
  let distinct = roleNames(ctx, new RegExp(`(?<![\\p{L}])${words.map(written).join('\\s+')}\\s+${name}`, 'gu'), [], [words.map(literal)]);
  // None: the role's last word as a title, abbreviated or not (`the seven-term congressman` →
  // `Rep. Bob Etheridge`; `the former Alaska governor` → `former Alaska Gov. Sarah Palin`, its
  // capitalised words written just before the title).
  const title = words[words.length - 1]!;
  const places = words.slice(0, -1).filter((w) => CAPITALISED.test(w));
  // (Only a title: `du mouvement` is no title, and `mouvement Génération` no one who holds it.)
  if (distinct.length === 0 && (words.length > 1 || TITLE_ABBREVIATIONS.has(title)) && (ctx.lex.titles.has(fold(title)) || TITLE_ABBREVIATIONS.has(title))) {
    const forms = [written(title), ...(TITLE_ABBREVIATIONS.get(title) ?? []).map((a) => a.replace('.', '\\.'))];
    const literals = [[literal(title)], ...(TITLE_ABBREVIATIONS.get(title) ?? []).map((a) => [{ firsts: a[0]!, rest: a.slice(1) }])];
    distinct = roleNames(ctx, new RegExp(`(?<![\\p{L}])(?:${forms.join('|')})\\s+${name}`, 'gu'), places, literals);
  }
  // A French role with its complement before the name (`le ministre de l'Economie Bruno Le Maire`,
  // `le procureur de la République de Perpignan, Jean-David Cavaillez`): `a martelé le ministre`
  // gave `ministre`.
  // (So in Italian, Spanish and Portuguese: `il ministro dell'Economia Giancarlo Giorgetti`, `el
  // ministro de Economía Carlos Cuerpo`, `a ministra das Finanças Ana Lopes`.)
  if (distinct.length === 0 && COMPLEMENTS.has(ctx.lang.slice(0, 2)) && words.length === 1) distinct = complementedNames(ctx, role);
  const [only, ...others] = distinct;
  if (!only || others.length > 0) return found;
  // A French role of the other gender than the one named with it (`la ministre` is not `le
  // premier ministre X`), or a role held no more (`l'ancienne ministre`, `the former governor`)
  // matched only by its title, names someone else: the role stays. (So the articles of Italian,
  // Spanish and Portuguese, whose roles of both genders may be written alike: `la presidente`.)
  if (COMPLEMENTS.has(ctx.lang.slice(0, 2))) {
    const [mine, theirs] = [genderBefore(ctx, found.speakerSpan.end - title.length), genderBefore(ctx, only[1].start)];
    if (mine && theirs && mine !== theirs) return found;
  }
  if (places.length === 0 && words.some((w) => NOT_IN_OFFICE.has(fold(w).toLowerCase())) && !new RegExp(`(?<![\\p{L}])${words.map(written).join('\\s+')}\\s`, 'u').test(ctx.text.slice(Math.max(0, only[1].start - role.length - 2), only[1].start + 1))) return found;
  return { ...found, speaker: only[0], speakerSpan: only[1], mention: found.mention ?? found.speakerSpan };
}

const NOT_IN_OFFICE = new Set([...wordsOfEveryLanguage('notInOffice')].map((w) => fold(w).toLowerCase()));

/**
 * The distinct people the text names before the quotation with `role` and a complement of `de`
 * (`ministre de l'Intérieur Christophe Castaner`, `procureur de la République de Paris, Laure
 * Beccuau`): the shortest complement after which two to four capitalised words follow, a name
 * (where a ministry's name ends and a person's begins, only a second name word tells). Found once
 * per text and role.
 */
function complementedNames(ctx: QuoteContext, role: string): [string, Span][] {
  const key = `complement:${role}`;
  if (roleCache.text !== ctx.text) roleCache = { text: ctx.text, byPattern: new Map() };
  let all = roleCache.byPattern.get(key);
  if (!all) {
    const word = `[${role[0]!.toUpperCase()}${role[0]!}]${role.slice(1)}`;
    const pattern = new RegExp(`(?<![\\p{L}])${word}\\s+(?:${COMPLEMENTS.get(ctx.lang.slice(0, 2))})\\p{Lu}[^\\s,.;:«»"“”]*(?:\\s+[^\\s,.;:«»"“”]+){0,6}?(?:\\s*,)?\\s+(\\p{Lu}[\\p{L}’'-]+(?:\\s\\p{Lu}[\\p{L}’'-]+){1,3})(?![\\p{L}’'-])`, 'gu');
    all = [...ctx.text.matchAll(pattern)].map((m) => {
      const start = m.index + m[0].length - m[1]!.length;
      return { start: m.index, end: m.index + m[0].length, name: m[1]!, span: { start, end: start + m[1]!.length } };
    });
    roleCache.byPattern.set(key, all);
  }
  const names = new Map<string, Span>();
  for (const m of all) if (m.end <= ctx.open.start) names.set(m.name, m.span);
  return [...names];
}

/** The words opening a role's complement (`de l'`, `dell'`, `del`, `das`), per language, as a regular expression's alternatives. */
const COMPLEMENTS = new Map([
  ['fr', "de\\s+la\\s+|de\\s+l['’]|du\\s+|des\\s+|d['’]"],
  ['it', "d(?:i|el|ello|ella|ei|egli|elle)\\s+|dell['’]|d['’]"],
  ['es', "de\\s+la\\s+|de\\s+los\\s+|de\\s+las\\s+|del\\s+|de\\s+"],
  ['pt', "d[oa]s?\\s+|de\\s+"],
]);

/** The gender the French words right before `at` give a title (`la`, `une`, `du`, `premier`, `ancienne`), or null. */
function genderBefore(ctx: QuoteContext, at: number): 'm' | 'f' | null {
  const words = ctx.text.slice(Math.max(0, at - 40), at).split(/[\s’']+/u).filter((w) => w.length > 0).slice(-3).map((w) => fold(w).toLowerCase());
  for (const w of words.reverse()) {
    const gender = genderOfWordFr(ctx, w);
    if (gender) return gender;
  }
  return null;
}

/** Lower-case particles inside a name, before its next capitalised word (`de Villiers`, `de Graaf`, `van der Berg`, `da Silva`), as a pattern. */
const ROLE_NAME_PARTICLES = [...new Set([...PARTICLES, 'de', 'den', 'der', 'ter', 'ten', 'do', 'dos', 'da', 'das', 'del', 'van der', 'van den', 'von der'])].sort((a, b) => b.length - a.length).join('|');

/** Abbreviated titles written before a name (AP style), by the role noun a later mention uses. */
const TITLE_ABBREVIATIONS = new Map([
  ['governor', ['Gov.']], ['senator', ['Sen.']], ['congressman', ['Rep.', 'Representative']], ['congresswoman', ['Rep.', 'Representative']],
  ['representative', ['Rep.']], ['general', ['Gen.']], ['lieutenant', ['Lt.']], ['attorney', ['Atty.']],
]);

/**
 * The distinct names the text writes after `pattern`'s role before the quotation (each place
 * word of `places` among the three words before the role): `President Barack Obama` and
 * `President Obama` are one person, the longer name kept.
 */
function roleNames(ctx: QuoteContext, pattern: RegExp, places: readonly string[], forms: readonly (readonly RoleWord[])[]): [string, Span][] {
  const names = new Map<string, Span>();
  // The mentions before the quotation: a prefix of the text's, in text order (binary search; the
  // whole list was filtered for each quotation).
  const all = roleMentions(ctx.text, pattern, forms);
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (all[mid]!.start < ctx.open.start) lo = mid + 1;
    else hi = mid;
  }
  // A mention running past the quotation's mark would be cut there: read the text before it alone.
  // (Matches do not overlap: only the last one before can run past it.)
  const cut = lo > 0 && all[lo - 1]!.end > ctx.open.start;
  // (The capitals of the text before it are the text's before it: each is read with the units before it only.)
  const mentions = cut ? mentionsIn(ctx.text.slice(0, ctx.open.start), pattern, forms, ctx.text) : all;
  const count = cut ? mentions.length : lo;
  const key = places.join('\u0000');
  for (let i = 0; i < count; i++) {
    const m = mentions[i]!;
    let led = m.led?.get(key);
    if (led === undefined) {
      const lead = ctx.text.slice(Math.max(0, m.start - 40), m.start).split(/\s+/u).slice(-4);
      led = places.every((p) => lead.includes(p));
      (m.led ??= new Map()).set(key, led);
    }
    // (Without its possessive: `President Joe Biden's plan` names Joe Biden; without the office
    // `van`/`von` opens after a given name and a surname: `Femke de Graaf van Infrastructuur`.)
    const office = /\s(?:van|von)\s\p{Lu}/u.exec(m.name);
    const end = office && (m.name.slice(0, office.index).match(/\p{Lu}/gu)?.length ?? 0) >= 2 ? office.index : m.name.length - (/['’]s$/u.exec(m.name)?.[0].length ?? 0);
    if (led) names.set(m.name.slice(0, end), { start: m.span.start, end: m.span.start + end });
  }
  const bare = (n: string): string => n.replace(/\s[JS]r\.$/u, '');
  return [...names].filter(([n]) => ![...names.keys()].some((o) => o !== n && bare(o).endsWith(` ${bare(n)}`)));
}

/** A party's member as a description (`the Arizona Republican`), by the letter written before the state. */
const PARTY_LETTERS = new Map([['republican', 'R'], ['democrat', 'D'], ['independent', 'I']]);
/** Descriptions of a member of Congress of any party (`the Ohio senator`). */
const LEGISLATORS = new Set(['senator', 'lawmaker', 'congressman', 'congresswoman', 'representative']);
/** `Sen. John McCain, R-Ariz.`, `Rep. Ann Lowe (D-N.Y.)`, `Sen. John Cornyn, R-TX`: a name, then a party letter and a state. */
const PARTY_STATE = /(\p{Lu}[\p{L}'’-]*\.?(?:\s+\p{Lu}[\p{L}'’-]*\.?){0,3})(?:,\s*|\s*\()([RDI])-([A-Z][A-Za-z]*\.?(?:\s?[A-Z][a-z]*\.)?)/gu;

/**
 * `Sen. John McCain, R-Ariz., said… The Arizona Republican said`: a description of a member of
 * Congress by state and party (`the Texas Democrat`) or state and office (`the Ohio senator`)
 * names the person the article introduced before the quotation with that party letter and state
 * (lib/quotes/us-states.ts), when it introduced exactly one (coreference of a definite
 * description to its antecedent; the description stays the mention). Null otherwise, and the
 * description is kept as written.
 */
function resolveLegislator(ctx: QuoteContext, found: SpeakerFound): SpeakerFound | null {
  if (ctx.lang.startsWith('fr')) return null;
  const m = /^((?:\p{Lu}\p{L}+\s+){1,2})(\p{L}+)$/u.exec(found.speaker);
  if (!m || !/\b(?:the|The)\s+$/u.test(ctx.text.slice(Math.max(0, found.speakerSpan.start - 5), found.speakerSpan.start))) return null;
  const state = usState(m[1]!.trim());
  const word = m[2]!.toLowerCase();
  const party = PARTY_LETTERS.get(word);
  if (!state || (!party && !(LEGISLATORS.has(word) && m[2] === word))) return null;
  const names = new Map<string, Span>();
  for (const p of ctx.text.slice(0, ctx.open.start).matchAll(PARTY_STATE)) {
    if ((party && p[2] !== party) || usState(p[3]!) !== state) continue;
    // (A sentence's first word before the name is no part of it: `Also Sen. Ann Lowe, R-Ohio`.)
    let start = p.index;
    let name = p[1]!;
    const opener = /^(\p{Lu}\p{L}*)\s+/u.exec(name);
    if (opener && isStopword(opener[1]!.toLowerCase(), ctx.lang)) { start += opener[0].length; name = name.slice(opener[0].length); }
    names.set(name, { start, end: start + name.length });
  }
  // (`Sen. John McCain` and `McCain` are one person: the longer name is kept.)
  const distinct = [...names].filter(([n]) => ![...names.keys()].some((o) => o !== n && o.endsWith(` ${n}`)));
  if (distinct.length !== 1) return null;
  const [name, span] = distinct[0]!;
  return { ...found, speaker: name, speakerSpan: span, mention: found.mention ?? found.speakerSpan };
}

/**
 * `Obama campaign spokeswoman Lis Smith`, `chief inspector Jane Moss`, `the group’s lawyer, Dana
 * Reyes`: an English speaker phrase of lower-case descriptive words before a person's name of
 * two capitalised words or more names that person; the speaker is the name (one actor per
 * person, as the reader knows them), the phrase stays the mention. Phrases written in capitals
 * throughout (`White House Press Secretary Jay Carney`) and organisations are kept whole.
 */
function personName(ctx: QuoteContext, found: SpeakerFound): SpeakerFound {
  // `Parliament’s Joint Committee on Intelligence`, `the party’s National Committee`: the
  // organisation after a possessive speaks, not its owner.
  const possessor = /^(?:(?:\p{Lu}[\p{L}.-]*\s+){0,2}\p{Lu}[\p{L}-]*|\p{Ll}+)['’]s\s+(?=\p{Lu})/u.exec(found.speaker);
  if (possessor && isOrganisation(ctx, found.speaker.slice(possessor[0].length)) && !/[,;]/u.test(found.speaker)) {
    const span = { start: found.speakerSpan.start + possessor[0].length, end: found.speakerSpan.end };
    found = { ...found, speaker: ctx.text.slice(span.start, span.end), speakerSpan: span, mention: found.mention ?? found.speakerSpan };
  }
  const organisation = organisationName(ctx, found);
  if (organisation) return organisation;
  // `Obama’s comments, which called Trump “…”`, `the senator’s statement`: the owner of a noun of
  // saying or of a written source speaks (a name: capitalised words ending on the possessive).
  // (Lower-case words may qualify the noun, `Senator Ann Lowe’s written statement`, `Trump’s
  // first tweet`, and a name ending in s may take the apostrophe alone, `Sanders’ email`: the
  // possessive was shown as the speaker, `Senator Ann Lowe’s`.)
  const said = (noun: string): boolean => ctx.lex.speechNouns.has(noun) || ctx.lex.documents.has(noun);
  // (The lower-case words before the noun qualify it, `written`, `fundraising`: no function word.)
  const qualifier = (w: string): boolean => !isStopword(w, ctx.lang);
  const owner = (name: string): SpeakerFound => {
    const span = { start: found.speakerSpan.start, end: found.speakerSpan.start + name.length };
    return personName(ctx, { ...found, speaker: name, speakerSpan: span, mention: found.mention ?? found.speakerSpan });
  };
  const possessive = /^((?:[\p{L}.-]+\s+){0,4}\p{Lu}[\p{L}-]*?)(?:['’]s|(?<=s)['’])(?=\s|$)/u.exec(found.speaker);
  if (possessive && !ARTICLES.has(possessive[1]!.toLowerCase()) && !/[,;]/u.test(possessive[1]!)) {
    // The noun in the phrase after the possessive, or, when the phrase read stops at it, in the
    // words after it (`Senator Ann Lowe’s statement said` gave `Senator Ann Lowe’s`).
    const rest = found.speaker.slice(possessive[0].length);
    const words = (rest.trim() === '' ? ctx.text.slice(found.speakerSpan.end, found.speakerSpan.end + 60) : rest + ' ').match(/^(?:\s+\p{Ll}[\p{L}-]*(?=[\s,.;:]))*/u)![0].trim().split(/\s+/u).filter(Boolean);
    const k = words.findIndex((w) => said(w));
    if (k >= 0 && k <= 2 && words.slice(0, k).every(qualifier) && (rest.trim() === '' || k === words.length - 1)) return owner(possessive[1]!);
  }
  // `selon l’expression de François Hollande`, `selon la terminologie de la LFP`: in French, the
  // owner named after a noun of saying or a written source speaks, as `Obama’s comments` above.
  const ownerFr = ctx.lang.startsWith('fr') ? /^(\p{Ll}[\p{L}-]*)(?:\s+\p{Ll}[\p{L}-]*){0,2}\s+(?:de|du|des|d['’])\s*(?:(?:la|le|les|l['’])\s*)?(\p{Lu}[\p{L}'’.-]*(?:\s+(?:de\s+|du\s+)?\p{Lu}[\p{L}'’.-]*){0,3})$/u.exec(found.speaker) : null;
  if (ownerFr && (ctx.lex.speechNouns.has(fold(ownerFr[1]!)) || ctx.lex.documents.has(fold(ownerFr[1]!)))) {
    const start = found.speakerSpan.start + found.speaker.length - ownerFr[2]!.length;
    const span = { start, end: found.speakerSpan.end };
    return { ...found, speaker: ownerFr[2]!, speakerSpan: span, mention: found.mention ?? found.speakerSpan };
  }
  if (ctx.lang.startsWith('fr')) return found;
  const base = found.speakerSpan.start;
  let words = tokenize(found.speaker, ctx.lang).map((t) => ({ ...t, start: t.start + base, end: t.end + base }));
  // `Senator Ted Cruz of Texas`, `Representative Darrell Issa of California`: the state after a
  // person's name is a description, not the name (an organisation keeps its `of`: `Board of Elections`).
  const of = words.findIndex((t, k) => t.norm === 'of' && k >= 2 && words.length - k - 1 >= 1 && words.length - k - 1 <= 2);
  if (of > 0 && words.every((t, k) => k === of || CAPITALISED.test(t.text))) {
    const head = words.slice(0, of);
    const headText = ctx.text.slice(head[0]!.start, head[head.length - 1]!.end);
    if (head.filter((t) => !isHonorific(t.text, true) && !ctx.lex.titles.has(t.norm)).length >= 2 && !isOrganisation(ctx, headText) && !isOrganisation(ctx, ctx.text.slice(words[of + 1]!.start, found.speakerSpan.end))) {
      words = head;
      found = { ...found, speaker: headText, speakerSpan: { start: head[0]!.start, end: head[head.length - 1]!.end }, mention: found.mention ?? found.speakerSpan };
    }
  }
  let k = words.length;
  // (`of` between capitalised words is inside the name: `Secretary of Homeland Security Dana Kell`.)
  while (k > 0 && (CAPITALISED.test(words[k - 1]!.text) || (k < words.length && (PARTICLES.has(words[k - 1]!.norm) || (['of', 'for'].includes(words[k - 1]!.norm) && k > 1 && CAPITALISED.test(words[k - 2]!.text)) || organisationNameWord(ctx, words, k - 1)))) && !(k < words.length && gapBreaks(ctx.text, words[k - 1]!, words[k]!) && !/^\s*,\s*$/u.test(ctx.text.slice(words[k - 1]!.end, words[k]!.start)))) k--;
  // (The name starts after a comma when one stands inside the run: `lawyer, Dana Reyes`.)
  while (k < words.length - 1 && k > 0 && /,/u.test(ctx.text.slice(words[k - 1]!.end, words[k]!.start)) === false && words.slice(k).some((t, i) => i > 0 && /,/u.test(ctx.text.slice(words[k + i - 1]!.end, t.start)))) k++;
  const run = words.slice(k);
  // A run after a preposition (`ministro de Economía Carlos Cuerpo`, `ministro dell'Economia
  // Giancarlo Giorgetti`, `head of Homeland Security Dana Kell`) starts with what the title is of:
  // where that name ends and the person's begins, nothing tells. The whole description is kept,
  // never a cut of it (it gave `de Economía Carlos Cuerpo`, `Economia Giancarlo Giorgetti`).
  // (So Dutch `van` written in lower case opening the run: `minister van Financiën Eelco Heinen`
  // gave `van Financiën Eelco Heinen`; a name's own particle follows a first name, `Frans van Dijk`.)
  // (So the prepositions of belonging of the other languages: `Sønnen af Jens Hansen`, `Fiul lui
  // Ion Popescu` gave the father, `Jens Hansen`, `Ion Popescu`.)
  const belonging = (t: Token): boolean => OF_WORDS.has(t.norm) || GENITIVES_OF.get(ctx.lang.slice(0, 2))?.has(t.norm) === true;
  if (run.length > 0 && (OF_WORDS.has(run[0]!.norm) || run[0]!.text === 'van' || (k > 0 && belonging(words[k - 1]!)))) return found;
  const descriptive = words.slice(0, k).some((t) => !CAPITALISED.test(t.text) && !PARTICLES.has(t.norm) && !ARTICLES.has(t.norm) && /\p{L}/u.test(t.text));
  const name = ctx.text.slice(run[0]?.start ?? 0, run[run.length - 1]?.end ?? 0);
  if (k === 0 || !descriptive || run.filter((t) => !isHonorific(t.text, true) && !ctx.lex.titles.has(t.norm)).length < 2 || isOrganisation(ctx, name) || /[,;]/u.test(name) || POSSESSIVE_S.test(run[run.length - 1]!.norm)) return found;
  const span = { start: run[0]!.start, end: run[run.length - 1]!.end };
  return { ...found, speaker: name, speakerSpan: span, mention: found.mention ?? found.speakerSpan };
}

/**
 * A quotation with no cue of its own continues the previous quotation's speaker (Pareti's
 * "continuing quotations", `“…,” he said. “…”`) only when it opens its sentence and nothing but
 * that quotation's own attribution stands between them: narration may bring someone else in.
 */
function continues(ctx: QuoteContext, last: Quote): boolean {
  // The quotation opens its sentence: words before it are narration, perhaps about someone else.
  // (A connective alone may open it: `“…,” he said. Instead, “…”` goes on with him.)
  if ((ctx.before.length > 0 && !connectiveOpening(ctx)) || ctx.open.start - last.marks.close.end > CONTINUING_WINDOW) return false;
  const attributionEnd = Math.max(last.marks.close.end, last.cue?.end ?? 0, last.mention && last.mention.start >= last.marks.close.end ? last.mention.end : 0);
  // The rest of the attribution's sentence (`in an interview.`, `, who managed Mr. Bloomberg's
  // campaign.`), then nothing but space: no sentence boundary (titles and initials aside) in it.
  // (Up to the connective opening the quotation's sentence, if one does.)
  const opening = ctx.before[0]?.start ?? ctx.open.start;
  const rest = ctx.text.slice(attributionEnd, opening).replace(/[.!?…]["”’»)\]]*\s*$/u, '');
  // A quotation that ended its own sentence, with no attribution after it, leaves whatever words
  // follow to a new sentence (`“…, I assure you.” Tom Nides Thanked Clinton. “…”`): narration.
  const ended = /[.!?…]\s*$/u.test(ctx.text.slice(last.marks.open.end, last.marks.close.start));
  if (ended && attributionEnd === last.marks.close.end && /\p{L}/u.test(rest)) return false;
  // (A boundary is one the splitter of lib/text also sees: `Durbin (D-Ill.) in an interview.`
  // ends no sentence at `Ill.)`.)
  const starts = new Set(sentenceStarts(ctx, attributionEnd, opening));
  return ![...rest.matchAll(/(\p{L}*)[.!?…]["”’»)\]]*\s+/gu)].some((m) => !isHonorific(fold(m[1]!)) && !/^\p{Lu}$/u.test(m[1]!) && starts.has(attributionEnd + m.index + m[0].length));
}

/**
 * Connectives that may open a sentence whose words go on with the previous speaker's (`“…,” he
 * said. Indeed, “…”`, `Mais «…»`): they join the sentence to the one before, naming no one. Not
 * those that move the story to another time or actor (`Meanwhile`, `Later`, `Today`).
 */
const CONNECTIVES = new Map([
  ['en', new Set(['and', 'but', 'yet', 'so', 'indeed', 'instead', 'still', 'then', 'also', 'thus', 'however', 'moreover', 'furthermore', 'besides', 'again', 'finally', 'additionally', 'likewise', 'similarly', 'nevertheless', 'nonetheless', 'anyway', 'specifically'])],
  ['fr', new Set(['et', 'mais', 'pourtant', 'cependant', 'toutefois', 'neanmoins', 'ensuite', 'puis', 'enfin', 'ainsi', 'donc', 'or', 'bref', 'surtout', 'aussi', 'alors'])],
]);

/** Whether the quotation's sentence opens on a connective alone (and a comma), then the quotation (English and French). */
function connectiveOpening(ctx: QuoteContext): boolean {
  const first = ctx.before[0];
  return ctx.before.length === 1 && first !== undefined && CONNECTIVES.get(ctx.lang.slice(0, 2))?.has(first.norm) === true
    && first.start - ctx.sentence.start <= 2 && /^\s*,?\s*$/u.test(ctx.text.slice(first.end, ctx.open.start));
}

/**
 * `“…,” Harry Bond, 30, of Raleigh, N.C., said`: a full name set off after the quotation, then
 * its age and where the person is from, each set off by commas (news copy's way of introducing
 * a person met in the street), perhaps a relative clause about them (`, who was polled,`), then
 * the verb of saying: the name. (`appositionSubject` reads one
 * apposition only; `Name, 30, said` it reads already.) English only.
 */
function agedName(ctx: QuoteContext): SpeakerFound | null {
  const { lex, text } = ctx;
  const after = ctx.after;
  if (!ctx.lang.startsWith('en')) return null;
  const comma = (k: number): boolean => /^\.?\s*,\s*$/u.test(text.slice(after[k - 1]!.end, after[k]!.start));
  let k = 0;
  while (k < after.length && k < 4 && CAPITALISED.test(after[k]!.text) && !isStopword(after[k]!.norm, ctx.lang) && !isHonorific(after[k]!.norm) && (k === 0 || !gapBreaks(text, after[k - 1]!, after[k]!))) k++;
  if (k < 2 || k >= after.length || !comma(k)) return null;
  const name = after.slice(0, k);
  // The age, a number alone between commas, then `of` and a place, maybe its state.
  if (!/^\d{1,3}$/u.test(after[k]!.text) || k + 1 >= after.length || !comma(k + 1)) return null;
  let e = k + 1;
  if (after[e]!.norm !== 'of') return null;
  e++;
  while (e < after.length && e < k + 12 && CAPITALISED.test(after[e]!.text) && (!gapBreaks(text, after[e - 1]!, after[e]!) || comma(e))) e++;
  if (e >= after.length || e === k + 2 || !comma(e)) return null;
  // (Then perhaps a relative clause about the person, set off by commas: `, who was among those
  // polled,`.)
  if (after[e]!.norm === 'who') {
    let r = e + 1;
    while (r < after.length && r < e + 12 && !comma(r)) {
      if (gapBreaks(text, after[r - 1]!, after[r]!)) return null;
      r++;
    }
    if (r >= after.length || r >= e + 12) return null;
    e = r;
  }
  let v = e;
  while (v < after.length && v < e + 3 && lex.skip.has(after[v]!.norm)) v++;
  const verb = after[v];
  if (!verb || !lex.speechVerbs.has(verb.norm) || lex.according.has(verb.norm) || notACue(ctx, after, v)) return null;
  const span = { start: name[0]!.start, end: name[name.length - 1]!.end };
  return { speaker: text.slice(span.start, span.end), speakerSpan: span, mention: span, cue: { start: verb.start, end: verb.end } };
}

/**
 * `From the report: “…”`, `From Bush's Facebook post: "…"`: a sentence of `From` and a source
 * alone, then a colon and the quotation, quotes that source — a name, the name owning a
 * document, or a document (English).
 */
function fromHeading(ctx: QuoteContext): SpeakerFound | null {
  const { text, before } = ctx;
  const first = before[0];
  if (!ctx.lang.startsWith('en') || !first || first.text !== 'From' || first.start - ctx.sentence.start > 2 || before.length < 2 || before.length > 6) return null;
  const last = before[before.length - 1]!;
  if (!/^\s*:\s*$/u.test(text.slice(last.end, ctx.open.start)) || before.slice(1).some((t, k) => gapBreaks(text, before[k]!, t))) return null;
  const rest = before.slice(1);
  // (The owner of a document: `Bush's Facebook post` is Bush's words.)
  const owner = rest.findIndex((t) => POSSESSIVE_S.test(t.norm));
  const head = rest[rest.length - 1]!;
  const words = owner >= 0 && ctx.lex.documents.has(head.norm) && rest.slice(0, owner + 1).every((t) => CAPITALISED.test(t.text)) ? rest.slice(0, owner + 1)
    : rest.every((t) => CAPITALISED.test(t.text)) && rest.length >= 2 ? rest
    : rest.length <= 3 && ARTICLES.has(rest[0]!.norm) && ctx.lex.documents.has(head.norm) ? rest.slice(1)
    : null;
  if (!words) return null;
  const end = POSSESSIVE_S.test(words[words.length - 1]!.norm) ? words[words.length - 1]!.end - 2 : words[words.length - 1]!.end;
  const span = { start: words[0]!.start, end };
  return { speaker: text.slice(span.start, span.end), speakerSpan: span, mention: span, cue: null };
}

/**
 * An attribution set inside the marks, as French writes it (`«En France, on aurait eu mille
 * policiers, commente un manifestant. Cela fait monter la tension.»`, `«…, dit-il, …»`;
 * Grevisse, Le Bon Usage §378, the incise): after a comma inside the quotation, a verb of saying
 * then its inverted subject (a noun phrase, or a pronoun hyphenated to the verb), closed by a
 * comma or a full stop. Used only when nothing outside the marks attributes the quotation.
 */
function inciseInside(ctx: QuoteContext, previous: readonly Quote[]): SpeakerFound | typeof UNKNOWN | null {
  const { lex, text } = ctx;
  if (!mayHoldIncise(ctx)) return null;
  const inner = innerTokens(ctx) ?? tokenize(text.slice(ctx.open.end, ctx.close.start), ctx.lang).map((t) => ({ ...t, start: t.start + ctx.open.end, end: t.end + ctx.open.end }));
  for (let v = 1; v < inner.length - 1; v++) {
    const t = inner[v]!;
    if (!lex.speechVerbs.has(t.norm) || lex.according.has(t.norm) || !/^\s*,\s*$/u.test(text.slice(inner[v - 1]!.end, t.start))) continue;
    // (A present participle inverts no subject, as after the marks (`fromAfter`): `“They have
    // people calling people every day, calling more people.”` is the speaker's own clause; read
    // as an incise, `more people` left the quotation unknown.)
    if ((ctx.lang.startsWith('fr') ? /\p{L}{2}ant$/u : /\p{L}{2}ing$/u).test(t.norm)) continue;
    const p = invertedPronoun(ctx, inner, v);
    // (An adjective or a participle set off by commas may come between: `sourit, désabusée, Hélène,`.)
    let at = v + 1;
    const aside = (k: number): boolean => /^\s*,\s*$/u.test(text.slice(inner[k - 1]!.end, inner[k]!.start));
    if (!p && at < inner.length && aside(at) && /^\p{Ll}/u.test(inner[at]!.text)) {
      const close = [at + 1, at + 2].find((k) => k < inner.length && aside(k) && CAPITALISED.test(inner[k]!.text) && inner.slice(at, k).every((x, i) => i === 0 || !gapBreaks(text, inner[at + i - 1]!, x)));
      if (close !== undefined) at = close;
    }
    const np = p && p.start > t.start ? { span: { start: p.start, end: p.end }, tokens: [p] } : nounPhrase(ctx, inner, at);
    // The subject follows the verb at once (or that adjunct) and is closed by a comma or a full stop.
    if (!np || (at === v + 1 && gapBreaks(text, t, np.tokens[0]!)) || !/^\s*[,.]/u.test(text.slice(np.span.end, ctx.close.start))) continue;
    // (An incise that names no one it can resolve leaves the quotation unknown: it has its own
    // cue, so it does not go on with the previous speaker — `explique-t-elle` after a man's words.)
    return resolve(ctx, np, t, previous, inner.slice(v + 1)) ?? UNKNOWN;
  }
  return null;
}

/** The tokens inside the marks made from the text's token columns (as `tokenize` gives them), or null when the columns do not give them. */
function innerTokens(ctx: QuoteContext): Token[] | null {
  const range = ctx.columns?.range(ctx.open.end, ctx.close.start);
  if (!ctx.columns || !range) return null;
  const { starts, ends, words } = ctx.columns;
  const out: Token[] = [];
  for (let x = range[0]; x < range[1]; x++) out.push({ text: words[x]!.text, start: starts[x]!, end: ends[x]!, norm: words[x]!.norm });
  return out;
}

/**
 * False when no word inside the marks can open an incise (a verb of saying after a comma, neither
 * the first nor the last word), read from the text's token columns: then `inciseInside` finds
 * none, and makes no token of the quotation (a runaway quotation holds most of the text, and was
 * tokenised again for each quotation it reached). True when it may, or when the columns do not
 * give the quotation's words.
 */
function mayHoldIncise(ctx: QuoteContext): boolean {
  const range = ctx.columns?.range(ctx.open.end, ctx.close.start);
  if (!ctx.columns || !range) return true;
  const { starts, ends, words } = ctx.columns;
  const { lex, text } = ctx;
  for (let v = range[0] + 1; v < range[1] - 1; v++) {
    const norm = words[v]!.norm;
    if (lex.speechVerbs.has(norm) && !lex.according.has(norm) && /^\s*,\s*$/u.test(text.slice(ends[v - 1]!, starts[v]!))) return true;
  }
  return false;
}

/**
 * `«A», a poursuivi M. Le Maire, «B»`, `“A,” she said, “and B.”`: one attribution set between two
 * quotations of a sentence, after the first and closed by a comma before the second, attributes
 * both (Grevisse §378, the incise): the second takes the first's speaker.
 */
function sharedIncise(ctx: QuoteContext, previous: readonly Quote[]): SpeakerFound | null {
  const last = previous.findLast((q) => q.depth === 0 && q.end <= ctx.open.start);
  if (!last || last.start < ctx.sentence.start || !last.speaker || !last.speakerSpan || !last.cue || last.cue.start < last.marks.close.end) return null;
  // (Closed by a comma, a colon or a dash: `«A», a exhorté X, l'un des initiateurs : «B»`,
  // `“A,” Johnson told Fox News – “B.”`.)
  const between = ctx.text.slice(last.marks.close.end, ctx.open.start);
  const closer = /\s*(?:,|:|—|–|--?)\s*$/u.exec(between);
  if (!closer || /[.!?;:\n]/u.test(between.slice(0, closer.index).replace(/(?<=\p{Lu}\p{L}{0,3})\./gu, ''))) return null;
  return { speaker: last.speaker, speakerSpan: last.speakerSpan, mention: null, cue: last.cue };
}

/**
 * The speaker of the quotation whose context is `ctx`; `previous` are the article's earlier
 * quotes. Null when no cue names one, or when the name found is no speaker (`isSpeakerPhrase`).
 */
/**
 * `the think tank American Enterprise Institute`, `le cercle de réflexion Institut Delorme`:
 * lower-case words describing an organisation named after them (two capitalised words at least)
 * are no part of its name (issue 13: the name, not a phrase around it). Only a short description
 * of nouns — `the head of Heritage Foundation` is a person, and keeps its words; a French `de`
 * joins two lower-case nouns only (`cercle de réflexion`, not `président de l'Institut`).
 */
function organisationName(ctx: QuoteContext, found: SpeakerFound): SpeakerFound | null {
  const base = found.speakerSpan.start;
  const words = tokenize(found.speaker, ctx.lang).map((t) => ({ ...t, start: t.start + base, end: t.end + base }));
  const k = words.findIndex((t) => CAPITALISED.test(t.text));
  if (k <= 0 || k > 4 || words.length - k < 2 || words.slice(k).some((t) => !CAPITALISED.test(t.text) && !PARTICLES.has(t.norm) && !['of', 'for', 'de', 'du', 'des'].includes(t.norm))) return null;
  const run = words.slice(k);
  const span = { start: run[0]!.start, end: run[run.length - 1]!.end };
  const name = ctx.text.slice(span.start, span.end);
  if (!isOrganisation(ctx, name) || /[,;]/u.test(ctx.text.slice(words[0]!.start, span.start)) || /'s$/u.test(name)) return null;
  const description = words.slice(0, k);
  const noun = (t: Token): boolean => !CAPITALISED.test(t.text) && !isStopword(t.norm, ctx.lang) && !isAdverb(ctx, t) && /\p{L}{2}/u.test(t.text);
  const fits = description.some(noun) && description.every((t, i) => (i === 0 && ARTICLES.has(t.norm)) || noun(t)
    || (ctx.lang.startsWith('fr') && t.norm === 'de' && i > 0 && noun(description[i - 1]!) && i + 1 < k && noun(description[i + 1]!)));
  return fits ? { ...found, speaker: name, speakerSpan: span, mention: found.mention ?? found.speakerSpan } : null;
}

/** Nouns of what a crowd shouts, in every language (the lexicon's chantNouns): their `de` / `of` complement in quotation marks is a chant. */
const CHANTS = everyLanguage('chantNouns');

/**
 * Whether the quotation is the `de` / `of` complement of a noun of shouting, right before it
 * (also the next of several: `aux cris de «Macron démission» et de «Tous ensemble»`; the words
 * of the quotations between are not among the tokens read).
 */
function isChant(ctx: QuoteContext): boolean {
  const { before } = ctx;
  const last = before[before.length - 1];
  if (!last || !['de', "d'", 'of'].includes(last.norm) || !/^\s*$/u.test(ctx.text.slice(last.end, ctx.open.start))) return false;
  let c = before.length - 1;
  while (c >= 0 && before.length - c <= 4 && ['de', "d'", 'of', 'et', 'and', 'ou', 'or'].includes(before[c]!.norm)) c--;
  return c >= 0 && CHANTS.has(before[c]!.norm);
}

/** Whether the quotation closing at `end` is set off by a comma before `next`: after its mark or inside it (`», a dit`, `,” he said`). */
function commaAfter(text: string, end: number, next: number): boolean {
  return /,/u.test(text.slice(end, next)) || /,\s*["”»’]*$/u.test(text.slice(Math.max(0, end - 4), end));
}

const LETTER = /^\p{L}$/u;
const STOP_CHAR = /^[.!?…]$/u;
const SPACE = /^\s$/u;

/**
 * What `/(\p{L}+)[.!?…]\s+$/u` captures in `text[from, to)`, or null: the letters right before a
 * stop followed by spaces up to `to`, read backwards from `to` (the expression, anchored at the
 * end, was tried from every position of the words before each quotation: a tenth of the
 * speakers' time on 5 MB). The stop is the last character before the spaces, the word the letters
 * (code points) before it back to the first that is none.
 */
export function wordBeforeStop(text: string, from: number, to: number): string | null {
  let k = to;
  while (k > from && SPACE.test(text[k - 1]!)) k--;
  if (k === to || k <= from || !STOP_CHAR.test(text[k - 1]!)) return null;
  const end = k - 1;
  let p = end;
  for (;;) {
    // (A letter beyond the Basic Multilingual Plane is a surrogate pair, read whole as the `u` flag reads it.)
    const low = text.charCodeAt(p - 1);
    const high = text.charCodeAt(p - 2);
    const pair = p - 2 >= from && low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
    const point = pair ? text.slice(p - 2, p) : p > from ? text[p - 1]! : '';
    if (point === '' || !LETTER.test(point)) break;
    p -= point.length;
  }
  return p < end ? text.slice(p, end) : null;
}

/** A region after a place and a comma (`, N.H.`, `, France`). */
const DATELINE_REGION = /(?:,\s*\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*){0,2})?/u.source;
/**
 * Upper-case place words, maybe a region, then a dash (`WASHINGTON —`, `MANCHESTER, N.H. --`); or
 * capitalised place words and an agency in parentheses before the dash, a hyphen too (`Washington
 * (AFP) –`, `Paris (Reuters) -`: it gave `Washington`).
 */
const DATELINE = new RegExp(`^\\s*(?:\\p{Lu}{2,}(?:[\\s'’.-]+\\p{Lu}{2,})*\\.?${DATELINE_REGION}\\s*(?:—|–|--)`
  + `|\\p{Lu}[\\p{L}'’.-]*(?:\\s\\p{Lu}[\\p{L}'’.-]*){0,2}${DATELINE_REGION}\\s*\\(\\p{Lu}[\\p{L}.]*(?:[\\s/]\\p{Lu}[\\p{L}.]*){0,2}\\)\\s*(?:—|–|--|-))\\s*`, 'u');

export function findSpeaker(full: QuoteContext, previous: readonly Quote[]): SpeakerFound | null {
  let sentence = full.sentence;
  // A quotation opening right after a full stop opens its sentence, whatever its mark: the
  // splitter cannot tell a straight `"` that opens from one that closes (`…GOP primary. "You are
  // going to be so happy.”`: the words before the stop gave `news outlets`).
  const stop = wordBeforeStop(full.text, sentence.start, full.open.start);
  // (Not after one letter, an initial — `John F. "Jack" Kennedy` — but after a party and a dotted
  // state, which end the attribution they close: `…," said Sen. Ann Lowe, R-S.C. "I get that."`
  // read the words before as this quotation's and left it unknown.)
  const partyState = stop !== null && /^\p{L}$/u.test(stop) && /(?:^|[\s,(])[RDI]-(?:\p{Lu}\.){1,2}\p{Lu}?\.?\s*$/u.test(full.text.slice(Math.max(0, full.open.start - 12), full.open.start));
  if (stop !== null && !isHonorific(fold(stop)) && (!/^\p{L}$/u.test(stop) || partyState)) sentence = { start: full.open.start, end: sentence.end };
  // A dateline opening the sentence (`WASHINGTON — Sen. Chuck Grassley said…`, `PARIS, France --`)
  // says where the story was filed, not who spoke: the sentence starts after its dash.
  const dateline = DATELINE.exec(full.text.slice(sentence.start, full.open.start));
  if (dateline) sentence = { start: sentence.start + dateline[0].length, end: sentence.end };
  const ctx = { ...full, sentence, before: dropAsides(full.text, full.before.filter((t) => t.start >= sentence.start)), after: dropAsides(full.text, full.after) };
  // A transcript line quoted whole (`“MR. O'NEILL: By the way…”`, `“PARTICIPANT: Secretary…”`):
  // the label names the speaker, not the text around the marks; a title and a name are a person,
  // any other label (a role, a question) is unknown.
  const label = /^\s*((\p{Lu}[\p{Lu}.'’ -]{0,40}?))\s*:/u.exec(ctx.text.slice(ctx.open.end, ctx.close.start));
  // (One short capitalised word is an acronym opening the words: `“AIDS: a crisis,” she said`.)
  if (label && /\p{Lu}{2}/u.test(label[1]!) && (/\s/u.test(label[1]!.trim()) || label[1]!.length >= 6 || ctx.lex.qaLabels.has(fold(label[1]!)))) {
    const start = ctx.open.end + label.index + label[0].indexOf(label[1]!);
    const span = { start, end: start + label[1]!.length };
    const [title, name] = label[1]!.split(/\.?\s+/u);
    const titled = isHonorific(fold(title ?? '')) && CAPITALISED.test(name ?? '');
    return titled ? { speaker: label[1]!, speakerSpan: span, mention: span, cue: null } : null;
  }
  // `posted by “DCCameraGuy”`: words right after `by` are an agent's name, not someone's speech.
  const lastBefore = ctx.before[ctx.before.length - 1];
  if (lastBefore && lastBefore.norm === 'by' && /^\s*$/u.test(ctx.text.slice(lastBefore.end, ctx.open.start))) return null;
  // `aux cris de «Tous ensemble»`, `chants of “Lock her up”`: a crowd's chant, no one's words a
  // verb of saying after it could give (`…», a constaté un journaliste` saw it); only a subject
  // before it that voiced it (`Clinton supporters responded with chants of “…”`).
  const chant = isChant(ctx);
  // `Speaking on ABC’s “This Week,” Sen. John McCain said`: Title Case words right after a
  // preposition or a possessive name a show or a work (the comma inside the marks is American
  // punctuation, not the words' own), no one's speech: the attribution after them is the
  // sentence's, not theirs.
  // (Not in a headline, whose words are all in Title Case: `Issa: Hillary Clinton’s ‘Honesty Is
  // In Question.’` quotes Issa.)
  // (So in French after `à`, `au`, `dans`, `sur`, where a title may be one capitalised word:
  // `racontent-elles à «Sud-Ouest»`, `a confié au «Parisien»`.)
  // (The words inside read only after a preposition: a long quotation is not copied for nothing.)
  const inner = (): string => ctx.text.slice(ctx.open.end, ctx.close.start).trim().replace(/[,.]$/u, '');
  const frenchTitle = ctx.lang.startsWith('fr') && lastBefore !== undefined && FR_TITLE_PREPOSITIONS.has(lastBefore.norm) && ctx.close.start - ctx.open.end <= 80 && /^\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){0,2}$/u.test(inner());
  if (lastBefore && (PREPOSITIONS.has(lastBefore.norm) || POSSESSIVE_S.test(lastBefore.norm) || frenchTitle) && /^\s*$/u.test(ctx.text.slice(lastBefore.end, ctx.open.start))
    && (frenchTitle || isTitleCase(inner(), ctx.lang)) && !headline(ctx)) return null;
  // The attribution rules, in order (the order of frequency in news copy). Words after the
  // quotation whose phrase is no speaker (`“…,” giving states more power`: `states` read as a
  // verb; `Sidney Blumenthal: ‘No Idea’ If I Would Have Told…`: `If I Would`) are no
  // attribution: the next rules read the sentence again (`Miller said`, the heading's `Name:`).
  // (A rule's phrase that is no speaker gives the next rules their turn too: `Issa: Clinton’s
  // ‘…’` after a cue read in the heading.)
  const sentenceLevel = (): SpeakerFound | null => sentenceAttribution(ctx, previous);
  const before = (): SpeakerFound | typeof UNKNOWN | null => fromBefore(ctx, previous);
  const rules = chant ? [before] : [
    () => fromAfter(ctx, previous), () => dashByline(ctx), () => sharedIncise(ctx, previous), before, sentenceLevel,
    () => invertedColonSubject(ctx), () => colonHeading(ctx), () => fromHeading(ctx), () => digestSignature(ctx), () => colonClause(ctx), () => sayingOf(ctx), () => colonSubject(ctx, previous),
  ];
  let rejected = false;
  let misreadAfter = false;
  for (const rule of rules) {
    // (The sentence's `according to X` or closing `…, X said` is read in the words after the
    // quotation that `fromAfter` misread: not again.)
    if (rule === sentenceLevel && misreadAfter) continue;
    const direct = rule();
    if (direct === null) continue;
    if (direct === UNKNOWN) return null;
    const span = { ...direct.speakerSpan };
    // A heading glued before the sentence (`… de dégâts La maire de Paris Anne Hidalgo`): the
    // sentence starts at the capitalised article after a lower-case word.
    const heading = /(?:^|\s)\p{Ll}+\s+(?:La|Le|Les|The)\s+(?=\p{L})/u.exec(ctx.text.slice(span.start, span.end));
    if (heading) span.start += heading.index + heading[0].length;
    // A conjunction opening a clause before its subject (`Though Trump said…`): the name follows it.
    const conjunction = /^(\p{Lu}\p{Ll}+)\s+(?=\p{Lu})/u.exec(ctx.text.slice(span.start, span.end));
    // So does a sentence adverb (`Maybe Hanley is…`, `Meanwhile Ana Ruiz`), in English.
    if (conjunction && (ctx.lex.subordinators.has(fold(conjunction[1]!).toLowerCase()) || (!ctx.lang.startsWith('fr') && ctx.lex.sentenceAdverbs.has(conjunction[1]!.toLowerCase())))) span.start += conjunction[0].length;
    // In French, an adverb or a time word opening the phrase (`Ainsi le jeune Lucas`, `Lundi le
    // ministre`) qualifies the clause, whatever follows: the subject starts after it.
    const adverb0 = ctx.lang.startsWith('fr') ? /^(\p{Lu}\p{Ll}+)\s+(?=\p{L})/u.exec(ctx.text.slice(span.start, span.end)) : null;
    if (adverb0 && ctx.lex.skip.has(adverb0[1]!.toLowerCase()) && !AUXILIARIES.has(adverb0[1]!.toLowerCase())) {
      span.start += adverb0[0].length;
      // (A definite article then goes, as everywhere else: `jeune Lucas`, `ministre`.)
      span.start += /^(?:l['’]|(?:le|la|les)\s+)/u.exec(ctx.text.slice(span.start, span.end))?.[0].length ?? 0;
    }
    // An adverb after a name (`Clinton initially said`, `Carter however said`) qualifies the
    // verb: the name ends before it.
    const adverb = /\s+(?:however|\p{Ll}{3,}ly)$/u.exec(ctx.text.slice(span.start, span.end));
    if (adverb && !ctx.lang.startsWith('fr') && !NOUNS_IN_LY.has(adverb[0].trim()) && /\p{Lu}[\p{L}.'’-]*$/u.test(ctx.text.slice(span.start, span.end - adverb[0].length))) span.end -= adverb[0].length;
    // An emphatic reflexive after a name (`Cruz himself said`, `Sanders himself, who…, has
    // toned down…`) stresses who it is: the name ends before it (it was refused, ending on a
    // function word).
    const emphatic = /\s+(?:himself|herself|themselves|itself)$/u.exec(ctx.text.slice(span.start, span.end));
    if (emphatic && ctx.lang.startsWith('en') && /\p{Lu}[\p{L}.'’-]*$/u.test(ctx.text.slice(span.start, span.end - emphatic[0].length))) span.end -= emphatic[0].length;
    // A participle after the phrase's noun opens a clause of its own (`Another intelligence source
    // speaking to Fox News said`): the speaker ends before it.
    const participle = /\s+\p{Ll}{3,}ing$/u.exec(ctx.text.slice(span.start, span.end));
    if (participle && !ctx.lang.startsWith('fr') && /^\s+(?:to|with|on|at|for|from|about)\s/u.test(ctx.text.slice(span.end, span.end + 8))) span.end -= participle[0].length;
    // A capitalised article inside a sentence is part of a title (`souligne Le Parisien`, `selon
    // La Croix`): without it the name reads as another (`Parisien`, a Parisian).
    const from = Math.max(ctx.sentence.start, span.start - 40);
    // (So an English title's article in French copy: `le quotidien britannique The Times`.)
    const title = ctx.lang.startsWith('fr') ? /(?<=[\p{L}\p{N},»”)]\s+)(?:Le|La|Les|L['’]|The)\s*$/u.exec(ctx.text.slice(from, span.start)) : null;
    if (title && CAPITALISED.test(ctx.text[span.start] ?? '')) span.start = from + title.index;
    // A document before a name (`a exhorté dans une vidéo Eric Drouet`): the name is the speaker.
    const words = tokenize(ctx.text.slice(span.start, span.end), ctx.lang);
    const doc = words.findIndex((t) => ctx.lex.documents.has(t.norm));
    const name = words[doc + 1];
    if (doc >= 0 && name && CAPITALISED.test(name.text) && CAPITALISED.test(words[doc + 2]?.text ?? '') && !/,/u.test(ctx.text.slice(span.start + words[doc]!.end, span.start + name.start))) span.start += name.start;
    // Capitalised modifiers cut from their description (`Former Democratic` of `Former Democratic
    // candidate Bernie Sanders, who…, said`): the name the description leads to, when one follows.
    const modifiers = tokenize(ctx.text.slice(span.start, span.end), ctx.lang);
    if (modifiers.length > 0 && modifiers.every((t) => DESCRIPTIVE.test(t.norm) && CAPITALISED.test(t.text))) {
      const after = /^\s+((?:\p{Ll}[\p{L}-]*\s+){1,3})(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)+)/u.exec(ctx.text.slice(span.end, span.end + 160));
      const role = after ? tokenize(after[1]!, ctx.lang) : [];
      if (after && role.every((t) => !isStopword(t.norm, ctx.lang) && !ctx.lex.speechVerbs.has(t.norm) && !looksLikeVerb(ctx, t))) {
        const start = span.end + after[0].length - after[2]!.length;
        Object.assign(span, { start, end: start + after[2]!.replace(/['’]s$/u, '').length });
      }
    }
    if (span.start !== direct.speakerSpan.start || span.end !== direct.speakerSpan.end) {
      const same = direct.mention?.start === direct.speakerSpan.start && direct.mention.end === direct.speakerSpan.end;
      Object.assign(direct, { speaker: ctx.text.slice(span.start, span.end), speakerSpan: span, mention: same ? span : direct.mention });
    }
    // A share of people (`37 percent of Americans say`) is no one a reader can name: the poll
    // the sentence names before it is the source (`The Quinnipiac poll finds that, while 37
    // percent…`), else unknown.
    if (SHARE.test(direct.speaker.trim())) {
      const poll = namedPoll(ctx, direct.speakerSpan.start);
      return poll ? { speaker: ctx.text.slice(poll.start, poll.end), speakerSpan: poll, mention: poll, cue: direct.cue } : null;
    }
    if (isSpeakerPhrase(ctx, direct.speaker, direct.speakerSpan)) return named(ctx, personName(ctx, resolveRole(ctx, direct)));
    // A possessive description (`his childhood friend`, `her lawyers`) is refused as a phrase
    // found in the sentence's words, where it is mostly an object or a clause's; as the subject of
    // the quotation's own attribution after it (`“…,” his colleague wrote`) it is who spoke, named
    // as the article names them (English; French takes `sa sœur` as any determined phrase).
    if (rule === rules[0] && ownPossessiveDescription(ctx, direct)) return direct;
    rejected = true;
    misreadAfter ||= rule === rules[0];
  }
  if (rejected) return null;
  // (After it, only where an attribution stands — its first words — and not a capitalised verb:
  // a heading glued to the quotation, `…»Lire aussi: …`, and the run-on sentence after it.)
  const hasCue = [...ctx.before, ...ctx.after.slice(0, MAX_CUE_DISTANCE + MAX_NP_TOKENS).filter((t) => !CAPITALISED.test(t.text))].some((t) => ctx.lex.speechVerbs.has(t.norm) || ctx.lex.according.has(t.norm));
  if (hasCue) return null;
  const incise = inciseInside(ctx, previous);
  if (incise === UNKNOWN) return null;
  if (incise) return isSpeakerPhrase(ctx, incise.speaker, incise.speakerSpan) ? named(ctx, personName(ctx, resolveRole(ctx, incise))) : null;
  // (A show or a work named in the attribution before, `…," Perez said on NBC's "Meet the
  // Press." "…"`, is no quotation the words go on from: the title rule above gave it no speaker,
  // and taken as the last quotation it left the next one unknown.)
  const last = previous.findLast((q) => q.depth === 0 && q.kind === 'reported' && q.end <= ctx.open.start && !namesAWork(ctx, q));
  // A name and a verb the lexicon lacks after the quotation, closing its sentence (`“A.” “B?”
  // Hannity pressed.`): an attribution of its own, unread — not the earlier speaker's, nor the
  // subject of the sentence before.
  // (Read in the text: after `?”` the splitter starts a new sentence, out of `ctx.after`.)
  // (A particle may close a phrasal verb: `Trump went on, as if…`.)
  const own = /^[^\S\n]*(\p{Lu}[\p{L}'’.-]*(?:[^\S\n]+\p{Lu}[\p{L}'’.-]*){0,3})[^\S\n]+(\p{Ll}+)(?:[^\S\n]+(?:on|back|in|up))?[^\S\n]*[.,;]/u.exec(ctx.text.slice(ctx.close.end, ctx.close.end + 80));
  const ownAttribution = own !== null && !isStopword(own[2]!, ctx.lang) && !PERSONAL.has(own[1]!.toLowerCase()) && /[,?!]$/u.test(ctx.text.slice(ctx.open.end, ctx.close.start).trimEnd());
  // A finite verb there (`pressed`, `questions`) makes the name its subject, the speaker (Quirk
  // et al. 1985, §15.54: the comment clause after a quotation, whatever its verb).
  // (So any verb of saying of the lexicon, an irregular past among them: `went on`, `shot back`.)
  if (ownAttribution && (/(?:ed|s)$/u.test(own[2]!) || ctx.lex.speechVerbs.has(own[2]!))) {
    const start = ctx.close.end + own.index + own[0].indexOf(own[1]!);
    const span = { start, end: start + own[1]!.replace(/[.]$/u, '').length };
    const found = { speaker: ctx.text.slice(span.start, span.end), speakerSpan: span, mention: span, cue: null };
    return isSpeakerPhrase(ctx, found.speaker, span) ? named(ctx, personName(ctx, resolveRole(ctx, found))) : null;
  }
  if (ownAttribution) return null;
  if (last && continues(ctx, last)) return last.speaker ? inherit(ctx, [last]) : null;
  const indirect = afterIndirectSpeech(ctx, previous);
  if (indirect) return isSpeakerPhrase(ctx, indirect.speaker, indirect.speakerSpan) ? named(ctx, personName(ctx, resolveRole(ctx, indirect))) : null;
  return last && last.speaker && last.speakerSpan ? narratedSpeaker(ctx, last) : null;
}

/**
 * `“…,” Viguerie notes. Viguerie is upbeat about Cruz’s chances, in part because he sees him as
 * a uniter. “Not only can Cruz win…”`: a quotation with no cue of its own, opening its sentence
 * after narration whose every sentence opens on the last speaker's name (the name as the
 * attribution wrote it, or its last word), goes on with that speaker: the narration is about
 * them, and brings no one else in as its subject (Pareti 2015's continuing quotations, across
 * the speaker's own narration; Hobbs 1978's subject preference). At most two such sentences, no
 * quotation mark and no paragraph break among them; else null.
 */
function narratedSpeaker(ctx: QuoteContext, last: Quote): SpeakerFound | null {
  const { text } = ctx;
  if (ctx.before.length > 0 || ctx.open.start - last.marks.close.end > CONTINUING_WINDOW) return null;
  const speaker = last.speaker!.trim();
  const surname = speaker.split(/\s+/u).pop()!;
  if (!/^\p{Lu}\p{Ll}/u.test(surname) || isOrganisation(ctx, speaker)) return null;
  const attributionEnd = Math.max(last.marks.close.end, last.cue?.end ?? 0, last.mention && last.mention.start >= last.marks.close.end ? last.mention.end : 0);
  const gap = text.slice(attributionEnd, ctx.open.start);
  if (/["“”«»]|\n\s*\n/u.test(gap)) return null;
  const starts = sentenceStarts(ctx, attributionEnd, ctx.open.start).filter((at) => at < ctx.sentence.start || at < ctx.open.start - 1);
  if (starts.length === 0 || starts.length > 2) return null;
  const escaped = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  const opener = new RegExp(`^(?:${escaped(speaker)}|${escaped(surname)})(?![\\p{L}'’-])(?!\\s+\\p{Lu})`, 'u');
  if (!starts.every((at) => opener.test(text.slice(at, at + speaker.length + 4)))) return null;
  return { speaker: last.speaker!, speakerSpan: last.speakerSpan!, mention: null, cue: null };
}

/**
 * `“…,” said the woman, who did not want to be named. “…,” she said`: a personal pronoun (`he`,
 * `she`, `il`, `elle`) taken up from a description that names no one — no capitalised word, and
 * no name `resolveRole` could give it — leaves the speaker unknown. The pronoun's referent is
 * the least sure link of the chain, and a lower-case phrase shown for it is mostly no person or
 * another one (`he` → `the book`, `a welcome message`, `one user`, `source close`; `she` →
 * `man`): on PolNeAR's train split 33 of the 35 quotations given such a speaker were scored
 * wrong. An office ending the description (`the senator`, `le maire`: a title of the lexicon)
 * names the one person holding it, and is kept; so is a description the quotation's own
 * attribution writes (`the woman said`).
 */
function named(ctx: QuoteContext, found: SpeakerFound): SpeakerFound | null {
  const mention = found.mention;
  if (!mention || (mention.start === found.speakerSpan.start && mention.end === found.speakerSpan.end)) return found;
  // (A capital of its opening article names no one: `A welcome message`.)
  const words = tokenize(found.speaker, ctx.lang);
  if (words.some((t, k) => CAPITALISED.test(t.text) && !(k === 0 && (ARTICLES.has(t.norm) || ctx.lex.determiners.has(t.norm))))) return found;
  if (words.length > 0 && ctx.lex.titles.has(words[words.length - 1]!.norm)) return found;
  return PERSONAL.has(fold(ctx.text.slice(mention.start, mention.end)).toLowerCase()) && !impersonalIl(ctx, mention) ? null : found;
}

/**
 * Whether quotation `q` names a show or a work: its words in Title Case right after a preposition
 * or a possessive (`on NBC's "Meet the Press"`, `in "The Art of the Deal"`), as the title rule
 * of `findSpeaker` reads them (which gives them no speaker).
 */
function namesAWork(ctx: QuoteContext, q: Quote): boolean {
  const word = /([\p{L}'’]+)\s*$/u.exec(ctx.text.slice(Math.max(0, q.marks.open.start - 30), q.marks.open.start));
  if (!word) return false;
  const w = fold(word[1]!).toLowerCase();
  return (PREPOSITIONS.has(w) || POSSESSIVE_S.test(w.replace(/’/gu, "'"))) && isTitleCase(ctx.text.slice(q.marks.open.end, q.marks.close.start).trim().replace(/[,.]$/u, ''), ctx.lang);
}

/**
 * `his childhood friend`, `her lawyers`: a possessive determiner then at most three lower-case
 * words, the speaker phrase without it one `isSpeakerPhrase` takes (English).
 */
function ownPossessiveDescription(ctx: QuoteContext, found: SpeakerFound): boolean {
  if (!ctx.lang.startsWith('en')) return false;
  // (Written in the attribution right after the quotation, not a speaker taken up from before.)
  if (found.speakerSpan.start < ctx.close.end || /[.!?…]\s/u.test(ctx.text.slice(ctx.close.end, found.speakerSpan.start)) || found.speakerSpan.start - ctx.close.end > 40) return false;
  const words = tokenize(found.speaker, ctx.lang);
  const first = words[0];
  if (!first || words.length < 2 || words.length > 4 || !POSSESSIVES.has(first.norm) || words.slice(1).some((t) => CAPITALISED.test(t.text) || isStopword(t.norm, ctx.lang) || looksLikeVerb(ctx, t) && !/s$/u.test(t.norm))) return false;
  const rest = { start: found.speakerSpan.start + words[1]!.start, end: found.speakerSpan.end };
  return isSpeakerPhrase(ctx, ctx.text.slice(rest.start, rest.end), rest);
}

/**
 * Whether the quotation's sentence is a headline: its words outside the quotation (three letters
 * or more) all capitalised, three at least, on a line of its own.
 */
function headline(ctx: QuoteContext): boolean {
  const words = [...ctx.before, ...ctx.after].filter((t) => /\p{L}{3}/u.test(t.text));
  // (A line break further back than the sentence's start fails the test as none does.)
  const line = lastIn(ctx.text, '\n', ctx.sentence.start - 3, ctx.open.start) + 1;
  return words.length >= 3 && words.every((t) => CAPITALISED.test(t.text)) && ctx.sentence.start <= line + 2 && (ctx.before[0]?.start ?? ctx.open.start) >= line;
}

/**
 * `“Boeing and GE pay nothing.” - Bernie Sanders.`, `“Great speech.” —President Obama, tweeting…`:
 * a quoted sentence standing alone at the head of its line (closed by a stop) followed, on its line or the next one or after a blank line,
 * by a dash and a name alone — capitalised words
 * ending the sentence or set off by a comma, no verb — is signed by that name, as an epigraph or a
 * fact-check's claim is. A pronoun or a dash inside a sentence (`“fat cats” — bankers — …`) is no
 * signature.
 */
function dashByline(ctx: QuoteContext): SpeakerFound | null {
  const { text } = ctx;
  if (!/(?:^|\n)[ \t]*$/u.test(text.slice(Math.max(0, ctx.open.start - 200), ctx.open.start)) || !/[.!?…]$/u.test(text.slice(ctx.open.end, ctx.close.start).trimEnd().replace(/[’'"”»]+$/u, ''))) return null;
  const m = /^[ \t]*(?:\n[ \t]*){0,2}[-—–][ \t]*((?:\p{Lu}[\p{L}'’.-]*[ \t]+){0,4}\p{Lu}[\p{L}'’-]*)[ \t]*(?:[.,]|\n|$)/u.exec(text.slice(ctx.close.end, ctx.close.end + 120));
  if (!m) return null;
  const start = ctx.close.end + m[0].indexOf(m[1]!);
  const span = { start, end: start + m[1]!.length };
  if (PERSONAL.has(fold(m[1]!).toLowerCase())) return null;
  return { speaker: m[1]!, speakerSpan: span, mention: span, cue: null };
}

/** English prepositions that open an adjunct before the subject (`Like Corker, Menendez…`, `Amid the calls, …`). */
const OPENING_PREPOSITIONS = new Set(['like', 'unlike', 'amid', 'alongside', 'despite']);

/** French prepositions before the title of a newspaper or a show (`à «Sud-Ouest»`, `dans «Le Monde»`), folded. */
const FR_TITLE_PREPOSITIONS = new Set(['a', 'au', 'dans', 'sur']);

/** English nouns in -ly that may end a speaker phrase (`the Clinton family`, `the General Assembly`'s lower case). */
const NOUNS_IN_LY = new Set(['family', 'ally', 'assembly', 'rally', 'supply', 'daily', 'weekly', 'monthly', 'quarterly', 'bully']);

/**
 * `Moreau says she sees a deeper problem. “Nobody listens any more…”`: a quotation
 * with no cue of its own, opening its sentence right after a sentence of indirect speech (no
 * quotation in it; a paragraph break between allowed), gives the words to that sentence's
 * speaker: the quotation bears out the claim just reported (an attribution across sentences,
 * Pareti 2015). The speaker is the subject of the sentence's first verb of saying, found and
 * resolved as before a quotation; none when that verb governs another named subject
 * (`embeddedSubject`) or has no subject.
 */
function afterIndirectSpeech(ctx: QuoteContext, previous: readonly Quote[]): SpeakerFound | null {
  const { lex, text } = ctx;
  if (ctx.before.length > 0) return null;
  // A comma after the quotation, then a lower-case word that is no function word (`«…», rapporte
  // un officier`, a verb the lexicon lacks): an attribution of its own that was not read — not the
  // sentence before's.
  const next = ctx.after[0];
  if (next && /^\p{Ll}/u.test(next.text) && !isStopword(next.norm, ctx.lang) && commaAfter(text, ctx.close.end, next.start)) return null;
  const prev = ctx.sentences[firstSentenceAfter(ctx, ctx.sentence.start - 1) - 1];
  if (!prev || prev.end > ctx.sentence.start || !/^\s*$/u.test(text.slice(prev.end, ctx.sentence.start)) || (text.slice(prev.end, ctx.sentence.start).match(/\n/gu)?.length ?? 0) > 2) return null;
  // (A quotation in it, of any kind: its marks are in the text.)
  if (/["“”«»]/u.test(text.slice(prev.start, prev.end))) return null;
  const tokens = tokenize(text.slice(prev.start, prev.end), ctx.lang).map((t) => ({ ...t, start: t.start + prev.start, end: t.end + prev.start }));
  // `According to Ann Roux of the institute, the cost is $1 million. “The amount I get is…”`,
  // `Selon X, …. «…»`: a sentence opening on `according to X,` gives X's view, which the
  // quotation then bears out.
  const according = accordingCue(ctx, tokens, 0);
  if (according > 0) {
    const np = nounPhrase(ctx, tokens, according, true);
    // (The phrase may go on to the comma: `According to Peter Keel at City Weekly, …`.)
    const rest = /^([^,.;:]*),/u.exec(text.slice(np?.span.end ?? 0, prev.end))?.[1];
    if (np && np.tokens.some((t) => CAPITALISED.test(t.text)) && rest !== undefined && rest.split(/\s+/u).filter(Boolean).length <= 5) return resolve(ctx, np, tokens[0]!, previous, tokens.slice(according));
    return null;
  }
  const v = tokens.findIndex((t, k) => lex.speechVerbs.has(t.norm) && !lex.according.has(t.norm) && !notACue(ctx, tokens, k) && !reflexiveNotSaying(ctx, tokens, k)
    && !(k > 0 && (ARTICLES.has(tokens[k - 1]!.norm) || POSSESSIVE_S.test(tokens[k - 1]!.norm))));
  // (A verb written capitalised is a Title Case heading's, not narration's: `Aide Thanked Senator…`.)
  if (v <= 0 || CAPITALISED.test(tokens[v]!.text) || embeddedSubject(ctx, tokens, v)) return null;
  // `Hale was quick to add that …`, `Hale distanced himself by saying he …`: an English infinitive
  // or a gerund after a preposition has the main clause's subject, a name opening the sentence.
  if (!ctx.lang.startsWith('fr') && (tokens[v - 1]!.norm === 'to' || gerundAfterPreposition(ctx, tokens, v)) && !gapBreaks(text, tokens[v - 1]!, tokens[v]!)) {
    const subject = clauseSubject({ ...ctx, sentence: prev }, tokens.slice(0, v - 1), previous);
    return subject && CAPITALISED.test(subject.speaker) ? { ...subject, cue: { start: tokens[v]!.start, end: tokens[v]!.end } } : null;
  }
  if (/(ant|ing)$/u.test(tokens[v]!.norm)) return null;
  const np = subjectBefore(ctx, tokens, v);
  return np && np !== OBJECT ? resolve(ctx, np, tokens[v]!, previous, tokens.slice(v)) : null;
}
