/**
 * Which listed articles the side panel shows and compares, given the reader's judgements ("not
 * the same event", here or earlier) and choice. The evidence shown for a choice is specified in
 * report.test.ts (shownEvidence) on a real report.
 */
import { describe, expect, it } from 'vitest';
import type { StoryMatchView } from '../report-types';
import { comparedLists, listedWithMarked, stillChosen } from '../shown';

const view = (id: number, relation: StoryMatchView['relation'], score: number): StoryMatchView => ({
  id, title: `article ${id}`, site: null, publishedTime: null, relation, score, reasons: [],
});
const [s1, s2, s3] = [view(1, 'same', 0.9), view(2, 'same', 0.7), view(3, 'same', 0.5)] as const;
const [r11, r12] = [view(11, 'related', 0.4), view(12, 'related', 0.3)] as const;
const same = [s1, s2, s3];
const related = [r11, r12];
const ids = (list: StoryMatchView[]) => list.map((a) => a.id);
const markedOf = (...list: StoryMatchView[]) => new Map(list.map((a) => [a.id, a]));

describe('listedWithMarked: an article marked in this view stays in its list, in score order', () => {
  it.each([
    { name: 'nothing marked: the list as given', list: same, marked: markedOf(), relation: 'same' as const, expected: [1, 2, 3] },
    // The comparison after the change no longer lists 2: it comes back in its place.
    { name: 'marked and no longer listed', list: [s1, s3], marked: markedOf(s2), relation: 'same' as const, expected: [1, 2, 3] },
    { name: 'marked and still listed (the comparison not yet redone): once', list: same, marked: markedOf(s2), relation: 'same' as const, expected: [1, 2, 3] },
    { name: 'a marked article of the other list is not put in this one', list: related, marked: markedOf(s2), relation: 'related' as const, expected: [11, 12] },
    { name: 'marked related articles go back into the storyline list', list: [r11], marked: markedOf(r12, s1), relation: 'related' as const, expected: [11, 12] },
  ])('$name', ({ list, marked, relation, expected }) => {
    expect(ids(listedWithMarked(list, marked, relation))).toEqual(expected);
  });
});

describe('comparedLists: the articles kept apart are neither compared nor offered', () => {
  it.each([
    { name: 'none apart', apart: [] as number[], same: [1, 2, 3], related: [11, 12] },
    { name: 'one of each list apart', apart: [2, 12], same: [1, 3], related: [11] },
    { name: 'every same-event article apart: the storyline remains', apart: [1, 2, 3], same: [], related: [11, 12] },
    { name: 'an id not listed changes nothing', apart: [99], same: [1, 2, 3], related: [11, 12] },
  ])('$name', ({ apart, same: sameIds, related: relatedIds }) => {
    const report = { corpusSize: 40, same, related };
    const shown = comparedLists(report, (id) => apart.includes(id));
    expect({ same: ids(shown.same), related: ids(shown.related), corpusSize: shown.corpusSize }).toEqual({ same: sameIds, related: relatedIds, corpusSize: 40 });
    expect(report.same).toHaveLength(3); // the report itself is left as it was
  });
});

describe('stillChosen: the reader’s choice kept only while it can be compared', () => {
  const lists = { same, related };
  it.each([
    { name: 'the default stays the default', chosen: null, lists, marked: [] as number[], expected: null },
    { name: 'a same-event article still listed', chosen: 2, lists, marked: [], expected: 2 },
    { name: 'a storyline article still listed', chosen: 12, lists, marked: [], expected: 12 },
    { name: 'no longer listed (navigation, corpus change)', chosen: 2, lists: { same: [s1], related }, marked: [], expected: null },
    { name: 'marked not the same event', chosen: 2, lists, marked: [2], expected: null },
    { name: 'another article marked', chosen: 2, lists, marked: [3], expected: 2 },
    { name: 'a comparison under way (no lists): kept', chosen: 2, lists: null, marked: [], expected: 2 },
    { name: 'a comparison under way, the choice marked', chosen: 2, lists: null, marked: [2], expected: null },
  ])('$name', ({ chosen, lists: l, marked, expected }) => {
    expect(stillChosen(chosen, l, new Set(marked))).toBe(expected);
  });
});
