/**
 * The tuning and reporting halves of every labelled fixture, fixed once for everyone: rules are
 * tuned on the `tuning` half only; figures are reported on the `reporting` half (and printed for
 * both). Both rules below hash keys with FNV-1a (lib/match's `fnv1a`), so a half never depends on
 * the order files are listed in.
 */
import { fnv1a } from '../../lib/match/features';

export { fnv1a };

export type Half = 'tuning' | 'reporting';

/**
 * The half of one key (a BASIL triplet uuid, a PolNeAR or gilets-jaunes file name or URL), by the
 * parity of its hash: a file added later lands in a half without moving the others.
 */
export function halfOf(key: string): Half {
  return fnv1a(key) % 2 === 0 ? 'tuning' : 'reporting';
}

/**
 * An even split of a known set of events (BASIL's `triplet-uuid`s, any order, duplicates allowed),
 * for measures that need as many events on each side: events ordered by hash, the first half
 * (rounded down) tunes, the rest reports. The three reports of one event are always on one side.
 */
export function splitEvents(events: Iterable<string>): Map<string, Half> {
  const distinct = [...new Set(events)].sort((a, b) => fnv1a(a) - fnv1a(b) || (a < b ? -1 : 1));
  const cut = Math.floor(distinct.length / 2);
  return new Map(distinct.map((e, i) => [e, i < cut ? 'tuning' : 'reporting']));
}

/**
 * The split of hand-labelled pairs: within each label, pairs ordered by the FNV-1a hash of `a b`
 * alternate, first tuning, then reporting. Deterministic, balanced by label, independent of the
 * file's order.
 */
export function pairHalves<P extends { a: string; b: string; label: string }>(pairs: readonly P[]): Map<P, Half> {
  const out = new Map<P, Half>();
  const key = (p: P) => fnv1a(`${p.a} ${p.b}`);
  for (const label of new Set(pairs.map((p) => p.label))) {
    const same = pairs.filter((p) => p.label === label).sort((x, y) => key(x) - key(y) || (x.a + x.b < y.a + y.b ? -1 : 1));
    same.forEach((p, i) => out.set(p, i % 2 === 0 ? 'tuning' : 'reporting'));
  }
  return out;
}
