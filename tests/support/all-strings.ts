/** Every string of up to `length` characters over `alphabet`, the empty one first: an exhaustive check of a scanner against the expression it replaces. */
export function allStrings(alphabet: readonly string[], length: number): string[] {
  let strings = [''];
  const out = [''];
  for (let n = 0; n < length; n++) {
    strings = strings.flatMap((s) => alphabet.map((c) => s + c));
    out.push(...strings);
  }
  return out;
}
