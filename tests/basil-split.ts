/**
 * BASIL split into a tuning half and a reporting half, by event (the `triplet-uuid`), so that the
 * three reports of one event are always on the same side. Deterministic: events ordered by an
 * FNV-1a hash of their uuid, the first half (rounded down) tunes, the rest reports. Rules are
 * tuned on the tuning half only; the reporting half's figures are the ones to quote.
 */
import { fnv1a } from '../lib/match/features';

export type Half = 'tuning' | 'reporting';

/** The half of each event among `events` (uuids, any order, duplicates allowed). */
export function splitEvents(events: Iterable<string>): Map<string, Half> {
  const distinct = [...new Set(events)].sort((a, b) => fnv1a(a) - fnv1a(b) || (a < b ? -1 : 1));
  const cut = Math.floor(distinct.length / 2);
  return new Map(distinct.map((e, i) => [e, i < cut ? 'tuning' : 'reporting']));
}
