/**
 * A sentence as a careless copy edits it: one word replaced, one dropped, one misspelt, around
 * its middle. The anchoring tests and benchmark use it to make text a page no longer has exactly.
 */
export function editThreeWords(sentence: string): string {
  const w = sentence.split(' ');
  const m = Math.floor(w.length / 2);
  w[m] = `${w[m]!.slice(0, -1)}x`;
  w[m - 2] = 'ALTERED';
  w.splice(m + 2, 1);
  return w.join(' ');
}
