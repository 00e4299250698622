/**
 * The tuning and reporting halves of a labelled fixture, fixed once for everyone: a key (a BASIL
 * triplet uuid, a PolNeAR or gilets-jaunes file name or URL) goes to the half given by the parity
 * of its 32-bit FNV-1a hash. Rules are tuned on the `tuning` half only; figures are reported on
 * the `reporting` half (and printed for both).
 */
export type Half = 'tuning' | 'reporting';

/** FNV-1a, 32 bits (Fowler, Noll & Vo): a small, stable hash of the key's UTF-16 code units. */
export function fnv1a(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function halfOf(key: string): Half {
  return fnv1a(key) % 2 === 0 ? 'tuning' : 'reporting';
}
