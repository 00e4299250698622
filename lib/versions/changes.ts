/**
 * What changed between two versions of one article (the text stored earlier, the text read now):
 * the headline rewritten or not, sentences edited, added and removed, paragraphs added and
 * removed, each change with its word diff — what NewsDiffs and diffengine showed of an edited
 * article, made locally.
 *
 * Sentences (lib/text `sentences`) are aligned on their comparison form by jsdiff's `diffArrays`
 * (Myers' O(ND) difference algorithm, "An O(ND) Difference Algorithm and Its Variations",
 * Algorithmica 1986, as `diff` and git align lines); between two aligned sentences, a removed and
 * an added sentence sharing most of their words are one sentence edited, shown with jsdiff's word
 * diff (`diffWords`, words bounded by `Intl.Segmenter` for the article's language, so any
 * Latin-script language's words and apostrophes are cut as that language writes them). A
 * paragraph all of whose sentences are new is a paragraph added, not so many sentences.
 *
 * @module
 */
import { diffArrays, diffWords, type ChangeObject } from 'diff';
import type { Span } from '../extract/types';
import { fold, sentences, tokenize } from '../text';

/** One version: its headline and body. */
export interface VersionText {
  title: string | null;
  text: string;
}

/** A run of a word diff: in both versions, only in the earlier (`removed`), only in the later (`added`). */
export interface ChangeRun {
  op: 'same' | 'removed' | 'added';
  text: string;
}

/** One change, in the later version's order (a removed sentence where it stood). */
export interface VersionChange {
  kind: 'edited' | 'added' | 'removed';
  /** Whether the change is a whole paragraph (added or removed). */
  paragraph: boolean;
  runs: ChangeRun[];
}

export interface VersionChanges {
  /** The headline's word diff when it was rewritten; null when it is the same. */
  headline: ChangeRun[] | null;
  sentencesEdited: number;
  /** Sentences added or removed outside whole paragraphs added or removed. */
  sentencesAdded: number;
  sentencesRemoved: number;
  paragraphsAdded: number;
  paragraphsRemoved: number;
  changes: VersionChange[];
}

/** A removed and an added sentence sharing at least this share of the longer one's words are one sentence edited. */
export const EDITED_MIN_SHARE = 0.5;
/**
 * Between two aligned sentences, removed and added ones are paired only when there are at most
 * this many pairs to try (each a word diff): a text rewritten throughout reads as removed and
 * added sentences rather than costing a diff per pair.
 */
const MAX_PAIRS_TRIED = 400;

interface Sentence extends Span {
  key: string;
  /** Index of its paragraph (text between line breaks). */
  paragraph: number;
}

const comparable = (s: string) => fold(s).replace(/\s+/g, ' ').trim();

function sentencesOf(text: string, lang: string): Sentence[] {
  return sentences(text, lang).map((s) => ({
    ...s,
    key: comparable(text.slice(s.start, s.end)),
    paragraph: (text.slice(0, s.start).match(/\n+/g) ?? []).length,
  }));
}

const wordCount = (s: string, lang: string) => tokenize(s, lang).length;

const segmenters = new Map<string, Intl.Segmenter>();
function wordSegmenter(lang: string): Intl.Segmenter {
  let s = segmenters.get(lang);
  if (!s) segmenters.set(lang, (s = new Intl.Segmenter(lang, { granularity: 'word' })));
  return s;
}

const runsOf = (changes: readonly ChangeObject<string>[]): ChangeRun[] =>
  changes.map((c) => ({ op: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }));

/** The word diff of two texts; null when they differ by more than `maxEditLength` words and marks. */
function wordRuns(before: string, after: string, lang: string, maxEditLength = Infinity): ChangeRun[] | null {
  const changes = diffWords(before, after, { intlSegmenter: wordSegmenter(lang), maxEditLength });
  return changes ? runsOf(changes) : null;
}

/**
 * The word diff of two sentences and the share of the longer one's words they have in common.
 * Two sentences sharing half their words differ by about as many words and marks as the longer
 * has at most: a diff costing over twice that is given up (share 0), which bounds a long pair's cost.
 */
function sentenceDiff(before: string, after: string, lang: string): { runs: ChangeRun[]; share: number } {
  const longer = Math.max(wordCount(before, lang), wordCount(after, lang));
  const runs = wordRuns(before, after, lang, 2 * longer + 1);
  if (!runs || longer === 0) return { runs: runs ?? [], share: 0 };
  const same = runs.filter((r) => r.op === 'same').reduce((n, r) => n + wordCount(r.text, lang), 0);
  return { runs, share: same / longer };
}

/** Index pairs of the sentences the two versions have in common, in order. */
function commonSentences(a: string[], b: string[]): [number, number][] {
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  for (const c of diffArrays(a, b)) {
    if (c.added) j += c.count;
    else if (c.removed) i += c.count;
    else for (let k = 0; k < c.count; k++) pairs.push([i++, j++]);
  }
  return pairs;
}

/** What changed from `before` to `after` (two versions of one article, in `lang`). */
export function versionChanges(before: VersionText, after: VersionText, lang = 'en'): VersionChanges {
  const a = sentencesOf(before.text, lang);
  const b = sentencesOf(after.text, lang);
  const common = commonSentences(a.map((s) => s.key), b.map((s) => s.key));
  type Raw = { kind: VersionChange['kind']; a: Sentence | null; b: Sentence | null; runs: ChangeRun[] };
  const raw: Raw[] = [];
  const addedOne = (s: Sentence): Raw => ({ kind: 'added', a: null, b: s, runs: [{ op: 'added', text: after.text.slice(s.start, s.end) }] });
  const removedOne = (s: Sentence): Raw => ({ kind: 'removed', a: s, b: null, runs: [{ op: 'removed', text: before.text.slice(s.start, s.end) }] });
  let i = 0;
  let j = 0;
  for (const [ci, cj] of [...common, [a.length, b.length] as [number, number]]) {
    const removed = a.slice(i, ci);
    const added = b.slice(j, cj);
    // Pair, in order, a removed sentence with the first later added one sharing most of its words.
    const pairing = removed.length * added.length <= MAX_PAIRS_TRIED;
    let from = 0;
    for (const r of removed) {
      let paired = false;
      for (let k = from; pairing && !paired && k < added.length; k++) {
        const d = sentenceDiff(before.text.slice(r.start, r.end), after.text.slice(added[k]!.start, added[k]!.end), lang);
        if (d.share < EDITED_MIN_SHARE) continue;
        raw.push(...added.slice(from, k).map(addedOne), { kind: 'edited', a: r, b: added[k]!, runs: d.runs });
        from = k + 1;
        paired = true;
      }
      if (!paired) raw.push(removedOne(r));
    }
    raw.push(...added.slice(from).map(addedOne));
    i = ci + 1;
    j = cj + 1;
  }

  // A paragraph whose every sentence was added (removed) is a paragraph added (removed).
  const whole = (side: Sentence[], kind: 'added' | 'removed', pick: (r: Raw) => Sentence | null) => {
    const changed = new Set(raw.filter((r) => r.kind === kind).map(pick));
    const paragraphs = new Set(side.map((s) => s.paragraph));
    return new Set([...paragraphs].filter((p) => side.filter((s) => s.paragraph === p).every((s) => changed.has(s))));
  };
  const addedParagraphs = whole(b, 'added', (r) => r.b);
  const removedParagraphs = whole(a, 'removed', (r) => r.a);
  const inWhole = (r: Raw) => (r.kind === 'added' && addedParagraphs.has(r.b!.paragraph)) || (r.kind === 'removed' && removedParagraphs.has(r.a!.paragraph));

  const titleChanged = comparable(before.title ?? '') !== comparable(after.title ?? '');
  const headline = titleChanged ? wordRuns(before.title ?? '', after.title ?? '', lang)! : null;
  return {
    headline,
    sentencesEdited: raw.filter((r) => r.kind === 'edited').length,
    sentencesAdded: raw.filter((r) => r.kind === 'added' && !inWhole(r)).length,
    sentencesRemoved: raw.filter((r) => r.kind === 'removed' && !inWhole(r)).length,
    paragraphsAdded: addedParagraphs.size,
    paragraphsRemoved: removedParagraphs.size,
    changes: raw.map((r) => ({ kind: r.kind, paragraph: inWhole(r), runs: r.runs })),
  };
}
