/**
 * The alignment compares quotations that read the same once, as a group (`groupQuotations`).
 * Groups are found through a hash and checked in place (`sameReading`), where they were keyed by a
 * string of all that is compared (issue 16: 200 MB for two texts of 5 MB). The groups must be those
 * the string made — quotations with equal strings together, no others — with the hash, and with a
 * hash that says the same for every quotation (then only the check in place tells them apart).
 */
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '..';
import { readingGroups } from '../align';
import { readSeeds } from '../../text/__tests__/fixtures';
import { readGiletsJaunes } from '../../../tests/support/corpora';

const SAID = 'Nous ne céderons rien aux casseurs ni aux menaces';
/** [case, text, groups expected (member indices among the text's quotations)]. */
const CASES: [string, string, number[][]][] = [
  ['the same quotation three times', `Il a dit : « ${SAID}. » Puis : « ${SAID}. » Et encore : « ${SAID}. »`, [[0, 1, 2]]],
  ['the same words, spaced otherwise', `Il a dit : « ${SAID}. » Puis : « ${SAID.replace('rien aux', 'rien  aux')}. »`, [[0], [1]]],
  ['the same words, a bracket in one', `Il a dit : « ${SAID}. » Puis : « ${SAID.replace('ni aux', 'ni [aussi] aux')}. »`, [[0], [1]]],
  ['the same bracket twice', `Il a dit : « Il [le préfet] a menti au pays. » Puis : « Il [le préfet] a menti au pays. »`, [[0, 1]]],
  ['a word changed', `Il a dit : « ${SAID}. » Puis : « ${SAID.replace('menaces', 'menace')}. »`, [[0], [1]]],
  ['a case changed', `Il a dit : « ${SAID}. » Puis : « ${SAID.replace('Nous', 'NOUS')}. »`, [[0], [1]]],
];

/** Quotations grouped as their former string keys group them (equal strings, same group). */
function byKeys(keys: Map<number, string>): number[][] {
  const groups = new Map<string, number[]>();
  for (const [k, key] of keys) groups.set(key, [...(groups.get(key) ?? []), k]);
  return [...groups.values()];
}

describe('quotations that read the same, grouped through a hash and checked in place', () => {
  it.each(CASES)('%s', (_name, text, expected) => {
    const quotes = extractQuotes(text, 'fr');
    for (const hash of [undefined, () => 0]) {
      const { groups, keys } = readingGroups(text, quotes, 'fr', hash);
      expect(groups).toEqual(expected);
      expect(groups).toEqual(byKeys(keys));
    }
  });

  it('the groups of the former string keys, on the seeds and the gilets-jaunes articles (with the hash, and with one hash for all)', () => {
    let grouped = 0;
    for (const text of [...readSeeds().map((s) => s.text), ...readGiletsJaunes().map((d) => d.text)]) {
      const quotes = extractQuotes(text, 'fr');
      const { groups, keys } = readingGroups(text, quotes, 'fr');
      expect(groups).toEqual(byKeys(keys));
      expect(readingGroups(text, quotes, 'fr', () => 0).groups).toEqual(groups);
      grouped += groups.filter((g) => g.length > 1).length;
    }
    // Some quotations do read the same (a heading repeating a quotation of the body).
    expect(grouped).toBeGreaterThan(0);
  });
});
