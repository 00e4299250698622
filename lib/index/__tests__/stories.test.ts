/**
 * Stories and the pairs a reader kept apart ("not the same event"): seeds 000 (RT France) and 001
 * (the AFP wire) report the same call, and `000b` is a second copy of 000, so that the three form
 * one story by two routes. A pair kept apart is never in one story, not even through a third.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeFeatures } from '../../match';
import { groupStories, pairKey, type StoryArticle } from '..';

function seed(name: string, id: string): StoryArticle {
  const text = readFileSync(`corpus/${name}.txt`, 'utf8');
  const meta = JSON.parse(readFileSync(`corpus/${name}.meta.json`, 'utf8')) as { published: string };
  return { id, title: id, features: computeFeatures({ text, language: 'fr', publishedTime: meta.published }) };
}

const articles = [
  seed('000_492f0f67598950be', '000'),
  seed('001_efc4fda914ae2fdd', '001'),
  seed('000_492f0f67598950be', '000b'),
  seed('002_b5629d95adcdafa8', '002'),
];
const storyOf = (stories: { ids: string[] }[], id: string) => stories.find((s) => s.ids.includes(id))?.ids ?? [id];

describe('stories with pairs kept apart', () => {
  it.each<[string, [string, string][], string[][]]>([
    ['none: the three reports of the call in one story', [], [['000', '000b', '001']]],
    // Which of the two 000 joins is the grouping's choice: only the separation is specified.
    ['000b–001: 000b and 001 never together', [['000b', '001']], []],
    ['000–001 and 000–000b: 000 alone, the other two together', [['000', '001'], ['000', '000b']], [['000b', '001'], ['000']]],
    ['a pair of articles not in the corpus: nothing changes', [['000', 'gone']], [['000', '000b', '001']]],
  ])('%s', (_name, apart, expected) => {
    const stories = groupStories(articles, undefined, new Set(apart.map(([a, b]) => pairKey(a, b))));
    for (const group of expected) expect(storyOf(stories, group[0]!).sort()).toEqual([...group].sort());
    for (const [a, b] of apart) expect(storyOf(stories, a)).not.toContain(b);
    // 002 (a call three months earlier) is in none of them.
    expect(stories.some((s) => s.ids.includes('002'))).toBe(false);
  });

  it('keeps the links not judged: with 000b–001 apart, 000 still has a story with one of them', () => {
    const stories = groupStories(articles, undefined, new Set([pairKey('000b', '001')]));
    expect(storyOf(stories, '000')).toHaveLength(2);
  });

  it('spells a pair one way, whichever comes first', () => {
    expect(pairKey('b', 'a')).toBe(pairKey('a', 'b'));
    expect(pairKey('a', 'b')).not.toBe(pairKey('a', 'c'));
  });
});
