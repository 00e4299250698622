/**
 * The tuning / reporting split of every labelled fixture (common rule: tune rules on one half,
 * report figures on the other). A file belongs to a half by the FNV-1a hash of its name (the
 * base name, without folder or extension): deterministic, independent of the listing order, and
 * a file added later lands in a half without moving the others.
 */
export type Half = 'tuning' | 'reporting';

/** FNV-1a, 32 bits (Fowler, Noll & Vo): a stable, well-mixed hash of a short string. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The half of the fixture file named `name` (e.g. `breitbart_2016-10-12_washington-post-backs-hillary-cl`). */
export function fixtureHalf(name: string): Half {
  return fnv1a(name) % 2 === 0 ? 'tuning' : 'reporting';
}
