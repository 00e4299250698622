/** Edited copies of a manyQuotations page (tests/support/adversarial-pages.ts) for the alignment probes. */

/** The page with one word added in the middle of each quotation: the same word, or one of its own. */
export function editedCopies(a: string): Record<string, string> {
  let k = 0;
  const add = (word: (i: number) => string) => a.replace(/« ([^»]*) »/gu, (_m, inner: string) => {
    const ws = inner.split(' ');
    ws.splice(ws.length >> 1, 0, word(k++));
    return `« ${ws.join(' ')} »`;
  });
  const same = add(() => 'vraiment');
  k = 0;
  const own = add((i) => `mot${i}`);
  k = 0;
  const marked = a.replace(/« ([^»]*) »/gu, (m, inner: string) => (k++ % 7 === 0 ? `« ${inner.replace(' ', ' [donc] ')} »` : k % 7 === 3 ? `« ${inner.replace(/ \S+ /u, ' … ')} »` : m));
  return { same, own, marked };
}
