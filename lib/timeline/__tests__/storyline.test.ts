/** A storyline's events in date order, each with its versions in publication order. */
import { describe, expect, it } from 'vitest';
import { storylineTimeline, type Dated } from '..';

const v = (key: string, publishedTime: string | null, firstSeen: string | null = null): Dated<string> => ({ key, publishedTime, firstSeen });

describe('storyline timeline', () => {
  it.each([
    {
      name: 'events by their earliest version, versions in order within each',
      events: [
        { key: 'second', versions: [v('s2', '2016-07-07T08:00:00Z'), v('s1', '2016-07-06T20:15:00Z')] },
        { key: 'first', versions: [v('f1', '2016-04-18T18:30:00Z')] },
      ],
      expected: [['first', '2016-04-18T18:30:00Z', ['f1']], ['second', '2016-07-06T20:15:00Z', ['s1', 's2']]],
    },
    {
      name: 'an event known only by when it was first seen takes that time',
      events: [{ key: 'late', versions: [v('l', '2016-07-14T11:30:00Z')] }, { key: 'seen', versions: [v('x', null, '2016-07-10T09:00:00Z')] }],
      expected: [['seen', '2016-07-10T09:00:00Z', ['x']], ['late', '2016-07-14T11:30:00Z', ['l']]],
    },
    {
      name: 'an event with no time at all comes last, in the order given',
      events: [{ key: 'unknown', versions: [v('u', null)] }, { key: 'empty', versions: [] }, { key: 'dated', versions: [v('d', '2016-06-30')] }],
      expected: [['dated', '2016-06-30', ['d']], ['unknown', null, ['u']], ['empty', null, []]],
    },
  ])('$name', ({ events, expected }) => {
    expect(storylineTimeline(events).map((e) => [e.key, e.time, e.versions.map((x) => x.key)])).toEqual(expected);
  });
});
