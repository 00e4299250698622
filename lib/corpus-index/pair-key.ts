/**
 * The key of an unordered pair of article ids: the same whichever comes first. Sets of these keys
 * say which pairs the reader marked "not the same event" (`apart` of the page matching and of the
 * stories). The separator (U+0000) cannot occur in an id.
 */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}
