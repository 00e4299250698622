/**
 * Who published first: the versions of a story in order of publication, and, for a passage
 * several versions carry, the earliest of them as its likely source (passim's inference of a
 * reused passage's source and date window; Smith, Cordell & Mullen, "Computational methods for
 * uncovering reprinted texts in antebellum newspapers", American Literary History 2015).
 *
 * A version's time is its publication time as the page declared it, else the time it was first
 * seen (saved). Each is read as the interval its publication lies in: a declared time is exact, a
 * declared day is that whole day (UTC, as published dates are read), and a first-seen time only
 * bounds it from above. A version is named a passage's likely source only when it was certainly
 * published before every other version carrying the passage (its interval ends before each
 * other's begins): same-day versions, or versions only first seen, name no source.
 *
 * @module
 */

export interface Dated<K> {
  key: K;
  publishedTime: string | null;
  /** When the reader's corpus first saw it (the page: now, or when it was saved). */
  firstSeen: string | null;
}

export interface TimelineEntry<K> {
  key: K;
  /** ISO 8601: the publication time, else the first-seen time; null when neither is known. */
  time: string | null;
  basis: 'published' | 'first-seen' | null;
}

const DAY_MS = 86_400_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** The interval [lo, hi] (ms) the version's publication lies in; null when nothing is known. */
function interval(d: Dated<unknown>): { lo: number; hi: number } | null {
  const published = d.publishedTime ? Date.parse(d.publishedTime) : NaN;
  if (!Number.isNaN(published)) return DATE_ONLY.test(d.publishedTime!.trim()) ? { lo: published, hi: published + DAY_MS - 1 } : { lo: published, hi: published };
  const seen = d.firstSeen ? Date.parse(d.firstSeen) : NaN;
  return Number.isNaN(seen) ? null : { lo: -Infinity, hi: seen };
}

function entry<K>(d: Dated<K>): TimelineEntry<K> & { at: number } {
  const published = d.publishedTime && !Number.isNaN(Date.parse(d.publishedTime));
  const seen = d.firstSeen && !Number.isNaN(Date.parse(d.firstSeen));
  if (published) return { key: d.key, time: d.publishedTime, basis: 'published', at: Date.parse(d.publishedTime!) };
  if (seen) return { key: d.key, time: d.firstSeen, basis: 'first-seen', at: Date.parse(d.firstSeen!) };
  return { key: d.key, time: null, basis: null, at: Infinity };
}

/** The versions by time, earliest first; those without any time last, in the order given. */
export function timeline<K>(versions: readonly Dated<K>[]): TimelineEntry<K>[] {
  return versions.map(entry).sort((x, y) => x.at - y.at).map(({ at: _at, ...e }) => e);
}

export interface LikelySource<K> {
  source: K;
  /** The date window: from the source's time to the time of the next version carrying the passage. */
  from: string;
  to: string;
  /** The next version carrying it. */
  next: K;
}

/**
 * The version certainly published before every other one carrying a passage, with the window
 * to the next one; null when no version is (ties, unknown times, versions only first seen).
 */
export function likelySource<K>(carriers: readonly Dated<K>[]): LikelySource<K> | null {
  if (carriers.length < 2) return null;
  const ordered = timeline(carriers);
  const first = carriers.find((c) => c.key === ordered[0]!.key)!;
  const span = interval(first);
  if (!span || ordered[0]!.time === null) return null;
  const certain = carriers.every((c) => {
    if (c === first) return true;
    const other = interval(c);
    return other !== null && span.hi < other.lo;
  });
  const next = ordered[1]!;
  return certain && next.time !== null ? { source: first.key, from: ordered[0]!.time, to: next.time, next: next.key } : null;
}
