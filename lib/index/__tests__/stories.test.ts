/**
 * Same-event links kept article by article (as the extension saves, imports and deletes) give
 * the stories computed whole; they survive a JSON round trip; the grouping needs each member to
 * be linked to at least half of its story, so one link does not chain two stories.
 */
import { describe, expect, it } from 'vitest';
import { CorpusIndex, pairKey, StoryLinks } from '..';
import { computeFeatures } from '../../match';
import { readBasil } from '../../../tests/unit/match-fixtures';

const basil = readBasil().slice(0, 30);
const articles = basil.map((a) => ({ id: a.id, features: computeFeatures({ title: a.title, text: a.text, publishedTime: a.date }) }));
const byId = new Map(articles.map((a) => [a.id, a.features]));

/** Links from the pairs given (score 1), for the grouping rule alone. */
function linked(ids: string[], pairs: [string, string, number?][]): StoryLinks {
  return StoryLinks.fromJSON({ ids, links: pairs.map(([a, b, s]) => [a, b, s ?? 1]) })!;
}

describe('same-event links kept article by article', () => {
  const whole = StoryLinks.build(articles);

  it('find the stories of the links built whole, articles added one at a time', () => {
    const index = new CorpusIndex();
    const grown = new StoryLinks();
    for (const a of articles) {
      index.add(a.id, a.features);
      grown.add(a.id, a.features, index, (id) => byId.get(id));
    }
    expect(grown.stories()).toEqual(whole.stories());
    expect(whole.stories().length).toBeGreaterThanOrEqual(8);
  });

  it('drop a deleted article from its story', () => {
    const links = StoryLinks.fromJSON(whole.toJSON())!;
    const story = links.stories().find((s) => s.length === 3)!;
    links.remove(story[0]!);
    expect(links.has(story[0]!)).toBe(false);
    expect(links.stories()).toContainEqual(story.slice(1));
    expect(links.stories().flat()).not.toContain(story[0]);
  });

  it('survive a JSON round trip, and refuse what is not theirs', () => {
    const back = StoryLinks.fromJSON(JSON.parse(JSON.stringify(whole)));
    expect(back?.stories()).toEqual(whole.stories());
    expect(StoryLinks.fromJSON({ ids: ['a'], links: [['a', 'b', 1]] })).toBeNull();
    expect(StoryLinks.fromJSON({ ids: 'a' })).toBeNull();
    expect(StoryLinks.fromJSON(null)).toBeNull();
  });
});

describe('group-average linkage', () => {
  it.each([
    ['a chain a–b–c–d: one link is not a story', ['a', 'b', 'c', 'd'], [['a', 'b', 0.9], ['b', 'c', 0.3], ['c', 'd', 0.9]], [['a', 'b'], ['c', 'd']]],
    ['a triangle', ['a', 'b', 'c'], [['a', 'b'], ['b', 'c'], ['a', 'c']], [['a', 'b', 'c']]],
    ['a bridge goes with the story it matches best', ['a', 'b', 'x', 'c', 'd'], [['a', 'b'], ['c', 'd'], ['x', 'a', 0.9], ['x', 'b', 0.9], ['x', 'c', 0.3]], [['a', 'b', 'x'], ['c', 'd']]],
    ['a fourth article linked to one of three stays out', ['a', 'b', 'c', 'd'], [['a', 'b'], ['b', 'c'], ['a', 'c'], ['c', 'd']], [['a', 'b', 'c']]],
    ['two reports dated apart are never one story', ['a', 'b', 'c'], [['a', 'b'], ['b', 'c'], ['a', 'c', -1]], [['a', 'b']]],
  ] as [string, string[], [string, string, number?][], string[][]][])('%s', (_name, ids, pairs, expected) => {
    expect(linked(ids, pairs).stories()).toEqual(expected);
  });

  it('keeps apart the pairs the reader marked', () => {
    const links = linked(['a', 'b', 'c'], [['a', 'b'], ['b', 'c'], ['a', 'c']]);
    expect(links.stories({ apart: new Set([pairKey('c', 'a')]) })).toEqual([['a', 'b']]);
  });
});
