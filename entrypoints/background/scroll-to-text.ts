/**
 * Scrolls a tab to a piece of text and selects it, so that a click in the panel shows the
 * evidence in the page. Matching ignores typography and spacing (as the analyses do); the first
 * exact occurrence wins, and text that is not found is reported, never guessed.
 */
import { browser } from 'wxt/browser';

/** Runs in the page: must be self-contained (no imports, no closures). */
function findAndSelect(exact: string): boolean {
  const fold = (c: string) => (/[’‘‛′`´]/.test(c) ? "'" : /[«»“”„‟″"]/.test(c) ? '"' : /[‐‑‒–—―−]/.test(c) ? '-' : c.toLowerCase());
  const normalise = (s: string) => {
    let out = '';
    const map: number[] = [];
    let space = true;
    for (let i = 0; i < s.length; i++) {
      const c = s[i]!;
      if (/\s/.test(c)) {
        if (!space) {
          out += ' ';
          map.push(i);
        }
        space = true;
        continue;
      }
      out += fold(c);
      map.push(i);
      space = false;
    }
    return { out, map };
  };
  const target = normalise(exact).out.trim();
  if (!target || !document.body) return false;
  const nodes: { node: Text; start: number }[] = [];
  let text = '';
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement?.closest('script,style,noscript,template') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  while (walker.nextNode()) {
    nodes.push({ node: walker.currentNode as Text, start: text.length });
    text += (walker.currentNode as Text).data + ' ';
  }
  const { out, map } = normalise(text);
  const at = out.indexOf(target);
  if (at === -1) return false;
  const locate = (offset: number) => {
    let i = nodes.length - 1;
    while (i > 0 && nodes[i]!.start > offset) i--;
    const { node, start } = nodes[i]!;
    return { node, offset: Math.min(offset - start, node.data.length) };
  };
  const from = locate(map[at]!);
  const to = locate(map[at + target.length - 1]! + 1);
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  (from.node.parentElement ?? document.body).scrollIntoView({ behavior: 'smooth', block: 'center' });
  const selection = getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  return true;
}

export async function scrollToText(tabId: number, exact: string): Promise<boolean> {
  const [injection] = await browser.scripting.executeScript({ target: { tabId }, func: findAndSelect, args: [exact] });
  return injection?.result === true;
}
