/**
 * Pages made to break the analyses (issue 20, "Bounded analysis"): built, deterministic, in
 * plain French prose so that every rule that reads words has work to do. Shared by the unit tests
 * (bounded by counts) and `npm run bench` (timed beside a plain article).
 */

const WORDS = ['le', 'gouvernement', 'a', 'annoncé', 'mardi', 'une', 'réforme', 'des', 'retraites', 'que', 'les', 'syndicats', 'jugent', 'injuste', 'pour', 'salariés', 'du', 'secteur', 'public', 'et', 'privé'];

/** `n` words of prose, no punctuation (one sentence, one paragraph). */
export function prose(n: number, offset = 0): string {
  return Array.from({ length: n }, (_, i) => WORDS[(i * 5 + offset) % WORDS.length]!).join(' ');
}

/** 10,000 quotation marks: 5,000 short quotations with a verb of saying, in one paragraph without a full stop. */
export function manyMarks(pairs = 5_000): string {
  return Array.from({ length: pairs }, (_, i) => `${prose(3, i)} a déclaré « ${prose(2 + (i % 3), i + 1)} » et`).join(' ');
}

/**
 * `pairs` quotations set with their curly marks the wrong way round (`”…,“`), in one paragraph
 * without a full stop: the flanking rule of lib/quotes/marks.ts pairs each, once.
 */
export function misdirectedMarks(pairs = 5_000): string {
  return Array.from({ length: pairs }, (_, i) => `${prose(3, i)} a déclaré ”${prose(2 + (i % 3), i + 1)},“ et`).join(' ');
}

/**
 * One unclosed « at the start of a paragraph of `words` words, with a “…” quotation every 40
 * words (nested in the runaway), and no paragraph break: the sentence splitter keeps a quotation
 * together, so the whole text is one sentence.
 */
export function runawayMark(words = 20_000): string {
  const parts = ['Il a dit «'];
  for (let i = 0; i < words; i += 40) parts.push(`${prose(34, i)}, a affirmé le ministre, “${prose(6, i + 3)}” puis`);
  return parts.join(' ');
}

/** `count` reported quotations, one per sentence, with their speaker (`n` words each). */
export function manyQuotations(count = 5_000, n = 8): string {
  return Array.from({ length: count }, (_, i) => `« ${prose(n, i)} », a déclaré Jean Dupont${i % 10}.`).join(' ');
}

/**
 * `count` reported quotations, one per sentence, their verb of saying before them and no
 * parenthesis or line break in the text: the speaker rules that look back for one read to the
 * text's start (quadratic: 2 MB took 18.5 s to extract).
 */
export function quotationsCuedBefore(count = 5_000, n = 6): string {
  const names = ['Dupont', 'Martin', 'Bernard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefebvre'];
  return Array.from({ length: count }, (_, i) => `Jean ${names[i % names.length]} a déclaré que la réforme était « ${prose(n, i)} » pour les salariés.`).join(' ');
}

/** One word of `chars` letters. */
export function singleWord(chars = 1_000_000): string {
  return 'a'.repeat(chars);
}

const FIRST_NAMES = ['Jean', 'Marie', 'Paul', 'Claire', 'Louis', 'Anne', 'Pierre', 'Sophie', 'Marc', 'Julie'];
const SYLLABLES = ['ba', 'ko', 'ri', 'mu', 'sel', 'dan', 'tor', 'vi', 'lo', 'ne', 'gar', 'pi'];

/** The `i`-th of 12³ distinct surnames made of three syllables (`Bakori`): letters only, so the analyses take each for a name. */
function surname(i: number): string {
  const s = `${SYLLABLES[i % 12]}${SYLLABLES[Math.floor(i / 12) % 12]}${SYLLABLES[Math.floor(i / 144) % 12]}`;
  return s[0]!.toUpperCase() + s.slice(1);
}

/**
 * `count` sentences dense in distinct names and appositions, one paragraph: a title before a
 * name (`Le ministre de l'Intérieur, Jean Bakori,`), a noun phrase after one (`Marie Kori, la
 * porte-parole du mouvement,`), `selon X` and an inverted subject (`a affirmé X`): the actors'
 * name runs and appositions, the sources and the grouping of names have work on every sentence.
 */
export function manyNames(count = 2_000): string {
  return Array.from({ length: count }, (_, i) => {
    const [a, b, c] = [0, 1, 2].map((k) => `${FIRST_NAMES[(i + k) % 10]} ${surname((3 * i + k) % 1_728)}`);
    return `Le ministre de l'Intérieur, ${a}, a rencontré ${b}, la porte-parole du mouvement, selon ${c}, le dirigeant du parti, a affirmé ${a}.`;
  }).join(' ');
}
