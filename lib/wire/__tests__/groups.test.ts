/** Wire groups: both a common credit and shared copied text make two versions one group. */
import { describe, expect, it } from 'vitest';
import { reportCounts, wireGroups } from '..';

/** Versions a–e; `copies` lists the pairs sharing copied text. */
const copies = new Set(['a-b', 'b-c', 'd-e', 'a-d']);
const sharesCopy = (x: string, y: string) => copies.has(`${x}-${y}`) || copies.has(`${y}-${x}`);

describe('wire groups', () => {
  it.each([
    { name: 'a chain of copies crediting AFP is one group', credits: { a: ['AFP'], b: ['AFP'], c: ['AFP'], d: [], e: [] }, groups: [{ agency: 'AFP', members: ['a', 'b', 'c'] }], independent: 3, reprints: [{ agency: 'AFP', count: 3 }] },
    { name: 'copies without a common credit are not grouped', credits: { a: ['AFP'], b: ['Reuters'], c: [], d: [], e: [] }, groups: [], independent: 5, reprints: [] },
    { name: 'a common credit without shared text is not a group', credits: { a: [], b: [], c: ['AFP'], d: ['AFP'], e: [] }, groups: [], independent: 5, reprints: [] },
    {
      name: 'a version in two agencies’ groups is counted once, in the larger',
      credits: { a: ['AFP', 'Reuters'], b: ['AFP'], c: ['AFP'], d: ['Reuters'], e: [] },
      groups: [{ agency: 'AFP', members: ['a', 'b', 'c'] }, { agency: 'Reuters', members: ['a', 'd'] }],
      independent: 3, reprints: [{ agency: 'AFP', count: 3 }, { agency: 'Reuters', count: 1 }],
    },
  ])('$name', ({ credits, groups, independent, reprints }) => {
    const members = Object.entries(credits).map(([key, agencies]) => ({ key, agencies }));
    const found = wireGroups(members, sharesCopy);
    expect(found).toEqual(groups);
    expect(reportCounts(Object.keys(credits), found)).toEqual({ independent, reprints });
  });
});
