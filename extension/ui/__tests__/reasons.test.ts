/** A match's reasons as the panel and the Stories view write them: one sentence per code, the values formatted for the reader. */
import { describe, expect, it } from 'vitest';
import type { MatchReason } from '../../../lib/match';
import { reasonsText, reasonText } from '../reasons';

describe('reasons in the UI language (English here)', () => {
  it.each([
    [{ code: 'same-date', date: '2018-12-17' }, 'both give the date Dec 17, 2018'],
    [{ code: 'same-date', date: '--12-17' }, 'both give the date Dec 17'],
    [{ code: 'same-quoted-words', count: 21 }, 'same quoted words (21 runs of three words)'],
    [{ code: 'shared-entities', values: ['Syrie', 'Front Al-Nosra', 'Poutine'] }, 'shared names: Syrie, Front Al-Nosra, Poutine'],
    [{ code: 'shared-figures', values: ['280000 mort', '800000 usd', '12.5 %'] }, 'shared figures: 280,000, $800,000, 12.5%'],
    [{ code: 'shared-terms', count: 34, similarity: 0.367 }, '34 words in common (term similarity 0.37)'],
    [{ code: 'dates-differ', dates: ['2018-12-16', '2018-12-17'] }, 'dates differ: Dec 16, 2018 and Dec 17, 2018'],
    [{ code: 'weekdays-differ', weekdays: [2, 3] }, 'days differ: Tuesday and Wednesday'],
    [{ code: 'published-apart', days: 84 }, 'published 84 days apart'],
    [{ code: 'people-differ', people: [['Jean-Marc Delorme', 'François Quérel'], ['Philippe Garnier', 'Claire Dumas']] }, 'other people: Jean-Marc Delorme, François Quérel in one, Philippe Garnier, Claire Dumas in the other'],
  ] as [MatchReason, string][])('%o → %s', (reason, text) => {
    expect(reasonText(reason)).toBe(text);
  });

  it('joins them in one line', () => {
    expect(reasonsText([{ code: 'same-quoted-words', count: 2 }, { code: 'published-apart', days: 1 }])).toBe('same quoted words (2 runs of three words); published 1 day apart');
  });
});
