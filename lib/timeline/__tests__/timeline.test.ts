/** Who published first: publication order, and a passage's likely source only when certain. */
import { describe, expect, it } from 'vitest';
import { likelySource, timeline, type Dated } from '..';

const v = (key: string, publishedTime: string | null, firstSeen: string | null = null): Dated<string> => ({ key, publishedTime, firstSeen });

describe('timeline', () => {
  it('orders by publication time, else first seen, unknown last', () => {
    const t = timeline([v('c', null), v('b', null, '2016-07-07T09:00:00Z'), v('a', '2016-07-06T10:00:00Z'), v('d', '2016-07-08')]);
    expect(t.map((e) => [e.key, e.basis])).toEqual([['a', 'published'], ['b', 'first-seen'], ['d', 'published'], ['c', null]]);
  });
});

describe('likely source of a shared passage', () => {
  it.each([
    { name: 'published hours before the others', carriers: [v('late', '2016-07-06T15:00:00Z'), v('early', '2016-07-06T09:30:00Z'), v('later', '2016-07-07')], source: 'early', window: ['2016-07-06T09:30:00Z', '2016-07-06T15:00:00Z'] },
    { name: 'a day before a same-day copy', carriers: [v('a', '2016-07-05'), v('b', '2016-07-06T08:00:00Z')], source: 'a', window: ['2016-07-05', '2016-07-06T08:00:00Z'] },
    { name: 'first seen before the other was published', carriers: [v('seen', null, '2016-07-05T20:00:00Z'), v('b', '2016-07-06T08:00:00Z')], source: 'seen', window: ['2016-07-05T20:00:00Z', '2016-07-06T08:00:00Z'] },
    { name: 'two on the same day, one without its hour: no source', carriers: [v('a', '2016-07-06'), v('b', '2016-07-06T08:00:00Z')], source: null },
    { name: 'the same minute: no source', carriers: [v('a', '2016-07-06T08:00:00Z'), v('b', '2016-07-06T08:00:00Z')], source: null },
    { name: 'the other only first seen (its publication could be earlier): no source', carriers: [v('a', '2016-07-01T08:00:00Z'), v('b', null, '2016-07-09T08:00:00Z')], source: null },
    { name: 'a carrier with no time: no source', carriers: [v('a', '2016-07-01T08:00:00Z'), v('b', null)], source: null },
    { name: 'one carrier: no source', carriers: [v('a', '2016-07-01T08:00:00Z')], source: null },
  ])('$name', ({ carriers, source, window }) => {
    const found = likelySource(carriers);
    expect(found?.source ?? null).toBe(source);
    if (window) expect([found?.from, found?.to]).toEqual(window);
  });
});
