/**
 * Shows the panel's evidence in the page: highlights shared passages and quotations, and scrolls
 * to one and selects it on a click. Text is found by content, ignoring typography and spacing (as
 * the analyses do); text that is not found is reported, never guessed. Highlights use the CSS
 * Custom Highlight API, which paints ranges without adding a single node to the page, so the
 * page's layout and scripts are untouched and clearing them leaves nothing behind.
 */
import { browser } from 'wxt/browser';

export interface ShowInPage {
  /** Texts to highlight, replacing the previous highlights; `[]` clears them; absent leaves them. */
  highlight?: string[];
  /** Text to scroll to and select. */
  scrollTo?: string;
}

export interface ShownInPage {
  /** How many of the texts to highlight were found; -1 when the browser cannot highlight. */
  highlighted: number;
  /** Whether the text to scroll to was found. */
  scrolled: boolean;
}

/** Runs in the page: must be self-contained (no imports, no closures). */
function showInPage(request: ShowInPage): ShownInPage {
  const NAME = 'recoupe-evidence';
  const fold = (c: string) => (/[’‘‛′`´]/.test(c) ? "'" : /[«»“”„‟″"]/.test(c) ? '"' : /[‐‑‒–—―−]/.test(c) ? '-' : c.toLowerCase());
  /** Whitespace-collapsed, typography-folded text, with each character's offset in the input. */
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
  const nodes: { node: Text; start: number }[] = [];
  let text = '';
  if (document.body) {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.parentElement?.closest('script,style,noscript,template') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    while (walker.nextNode()) {
      nodes.push({ node: walker.currentNode as Text, start: text.length });
      text += `${(walker.currentNode as Text).data} `;
    }
  }
  const page = normalise(text);
  const locate = (offset: number) => {
    let i = nodes.length - 1;
    while (i > 0 && nodes[i]!.start > offset) i--;
    const { node, start } = nodes[i]!;
    return { node, offset: Math.min(offset - start, node.data.length) };
  };
  const find = (exact: string): Range | null => {
    const target = normalise(exact).out.trim();
    const at = target ? page.out.indexOf(target) : -1;
    if (at === -1 || nodes.length === 0) return null;
    const from = locate(page.map[at]!);
    const to = locate(page.map[at + target.length - 1]! + 1);
    const range = document.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    return range;
  };

  let highlighted = 0;
  if (request.highlight) {
    const registry = (CSS as unknown as { highlights?: Map<string, unknown> }).highlights;
    const HighlightClass = (globalThis as unknown as { Highlight?: new (...r: Range[]) => unknown }).Highlight;
    if (!registry || !HighlightClass) {
      highlighted = -1;
    } else {
      const ranges = request.highlight.map(find).filter((r): r is Range => r !== null);
      highlighted = ranges.length;
      if (ranges.length > 0) {
        registry.set(NAME, new HighlightClass(...ranges));
        if (!document.adoptedStyleSheets.some((s) => (s as CSSStyleSheet & { recoupe?: boolean }).recoupe)) {
          const sheet = new CSSStyleSheet() as CSSStyleSheet & { recoupe?: boolean };
          sheet.replaceSync(`::highlight(${NAME}) { background-color: rgba(255, 196, 0, 0.38); }`);
          sheet.recoupe = true;
          document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
        }
      } else {
        registry.delete(NAME);
      }
    }
  }

  let scrolled = false;
  if (request.scrollTo) {
    const range = find(request.scrollTo);
    if (range) {
      (range.startContainer.parentElement ?? document.body).scrollIntoView({ behavior: 'smooth', block: 'center' });
      const selection = getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      scrolled = true;
    }
  }
  return { highlighted, scrolled };
}

export async function showEvidence(tabId: number, request: ShowInPage): Promise<ShownInPage> {
  const [injection] = await browser.scripting.executeScript({ target: { tabId }, func: showInPage, args: [request] });
  return (injection?.result as ShownInPage | undefined) ?? { highlighted: 0, scrolled: false };
}

export { showInPage as showInPageForTests };
