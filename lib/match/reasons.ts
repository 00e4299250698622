/** A grade's reasons as English sentences (the CLI's; the extension writes them in the reader's language from the codes). */
import type { MatchReason } from './types';

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2016-07-06` → `6 Jul 2016`; `--07-06` → `6 Jul`. */
export function formatDay(d: string): string {
  const day = Number(d.slice(-2));
  const month = MONTHS_EN[Number(d.slice(-5, -3)) - 1] ?? '?';
  return d.startsWith('--') ? `${day} ${month}` : `${day} ${month} ${d.slice(0, 4)}`;
}

const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function describeReason(r: MatchReason): string {
  switch (r.code) {
    case 'same-date': return `both give the date ${formatDay(r.date)}`;
    case 'same-quoted-words': return `same quoted words (${r.count} ${r.count === 1 ? 'run' : 'runs'} of three words)`;
    case 'shared-entities': return `shared names: ${r.values.join(', ')}`;
    case 'shared-figures': return `shared figures: ${r.values.join(', ')}`;
    case 'shared-terms': return `${plural(r.count, 'word')} in common (term similarity ${r.similarity.toFixed(2)})`;
    case 'dates-differ': return `dates differ: ${formatDay(r.dates[0])} vs ${formatDay(r.dates[1])}`;
    case 'weekdays-differ': return `days differ: ${WEEKDAYS_EN[r.weekdays[0]]} vs ${WEEKDAYS_EN[r.weekdays[1]]}`;
    case 'published-apart': return `published ${r.days} days apart`;
    case 'people-differ': return `other people: ${r.people[0].join(', ')} vs ${r.people[1].join(', ')}`;
  }
}
