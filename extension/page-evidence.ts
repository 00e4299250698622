/**
 * The panel's evidence in the live page, run inside the tab (bundled into the injected script
 * entrypoints/evidence-page.ts): shared quotations and passages are found by their TextQuote
 * selectors (lib/anchor: exact where the context agrees, approximately when that verifies, else
 * reported as not found) and painted with the CSS Custom Highlight API, which adds no node to the
 * page, so its layout and scripts are untouched and clearing leaves nothing behind. A click
 * scrolls to one item and selects it.
 */
import { anchorParagraphs, prepareText, type AnchorStatus, type TextQuote } from '../lib/anchor';
import { BLOCK_SELECTOR, SKIPPED_ELEMENTS } from '../lib/extract/elements';
import type { Span } from '../lib/extract/types';

export interface ShowInPage {
  /** Items to highlight, replacing the previous highlights; `[]` clears them; absent leaves them. */
  highlight?: { kind: 'quote' | 'passage'; quote: TextQuote }[];
  /** Item to scroll to and select. */
  scrollTo?: TextQuote;
}

export interface ShownInPage {
  /** How each item to highlight was found, in order; null when the browser cannot highlight. */
  highlighted: AnchorStatus[] | null;
  /** How the item to scroll to was found; null when none was asked. */
  scrolled: AnchorStatus | null;
}

/** Where the injected script installs `showInPage` in the tab's isolated world. */
export const EVIDENCE_GLOBAL = '__recoupeShowInPage';

/** One highlight per kind, so each has its own colour. */
export const HIGHLIGHT_NAMES = { quote: 'recoupe-quote', passage: 'recoupe-passage' } as const;

/**
 * Translucent backgrounds keep the page's own text colour, so both read on light and dark pages;
 * quotations are blue and underlined, passages amber, and a quotation inside a passage shows both.
 */
const HIGHLIGHT_CSS = `
::highlight(${HIGHLIGHT_NAMES.passage}) { background-color: rgba(255, 190, 0, 0.36); }
::highlight(${HIGHLIGHT_NAMES.quote}) { background-color: rgba(60, 150, 255, 0.34); text-decoration: underline 2px rgba(40, 120, 235, 0.9); }
`;

interface PageText {
  text: string;
  /** Each text node with the offset of its first character in `text`, in document order. */
  nodes: { node: Text; start: number }[];
}

/**
 * The page's visible text, in document order, with the text nodes it came from. Elements are
 * skipped and blocks broken as the extraction does (`lib/extract/elements.ts`).
 */
function pageText(root: HTMLElement): PageText {
  const nodes: PageText['nodes'] = [];
  let text = '';
  let lastBlock: Element | null = null;
  let pendingBreak = false;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (n) =>
      n.nodeType === 1 && (SKIPPED_ELEMENTS.has((n as Element).tagName.toUpperCase()) || (n as Element).hasAttribute('hidden')) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  while (walker.nextNode()) {
    const n = walker.currentNode;
    if (n.nodeType === 1) {
      if ((n as Element).tagName.toUpperCase() === 'BR') pendingBreak = true;
      continue;
    }
    const node = n as Text;
    const block = node.parentElement?.closest(BLOCK_SELECTOR) ?? null;
    if (text && (pendingBreak || block !== lastBlock)) text += '\n';
    pendingBreak = false;
    lastBlock = block;
    nodes.push({ node, start: text.length });
    text += node.data;
  }
  return { text, nodes };
}

/** The DOM range of `[start, end)` of the page text. */
function toRange({ nodes }: PageText, start: number, end: number): Range {
  // The last node starting at or before the offset (binary search: pages have thousands of nodes).
  const at = (offset: number, isEnd: boolean) => {
    let lo = 0;
    let hi = nodes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      // An end offset on a node boundary belongs to the node before (the range ends inside it).
      if (isEnd ? nodes[mid]!.start < offset : nodes[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    const { node, start: nodeStart } = nodes[lo]!;
    return { node, offset: Math.max(0, Math.min(offset - nodeStart, node.data.length)) };
  };
  const from = at(start, false);
  const to = at(end, true);
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

type Registry = Map<string, unknown>;
type HighlightCtor = new (...ranges: Range[]) => unknown;
type MarkedSheet = CSSStyleSheet & { recoupeEvidence?: true };

function setStyles(on: boolean): void {
  const sheets = document.adoptedStyleSheets as MarkedSheet[];
  const ours = sheets.some((s) => s.recoupeEvidence);
  if (on && !ours) {
    const sheet = new CSSStyleSheet() as MarkedSheet;
    sheet.replaceSync(HIGHLIGHT_CSS);
    sheet.recoupeEvidence = true;
    document.adoptedStyleSheets = [...sheets, sheet];
  } else if (!on && ours) {
    document.adoptedStyleSheets = sheets.filter((s) => !s.recoupeEvidence);
  }
}

export function showInPage(request: ShowInPage): ShownInPage {
  const items = request.highlight ?? [];
  const text = document.body ? pageText(document.body) : { text: '', nodes: [] };
  const prepared = prepareText(text.text);
  // A passage over several paragraphs is anchored paragraph by paragraph where the page holds
  // something else between them (an aside the extraction set aside): that is never painted.
  const anchors = items.map((h) => anchorParagraphs(text.text, h.quote, prepared));
  const ranges = (a: { spans: Span[] }) => a.spans.map((s) => toRange(text, s.start, s.end));

  let highlighted: AnchorStatus[] | null = [];
  if (request.highlight) {
    const registry = (globalThis as unknown as { CSS?: { highlights?: Registry } }).CSS?.highlights;
    const Highlight = (globalThis as unknown as { Highlight?: HighlightCtor }).Highlight;
    if (!registry || !Highlight) {
      highlighted = null;
    } else {
      highlighted = anchors.map((a) => a.status);
      for (const kind of ['quote', 'passage'] as const) {
        const painted = items.flatMap((h, i) => (h.kind === kind ? ranges(anchors[i]!) : []));
        if (painted.length > 0) registry.set(HIGHLIGHT_NAMES[kind], new Highlight(...painted));
        else registry.delete(HIGHLIGHT_NAMES[kind]);
      }
      setStyles(registry.has(HIGHLIGHT_NAMES.quote) || registry.has(HIGHLIGHT_NAMES.passage));
    }
  }

  let scrolled: AnchorStatus | null = null;
  if (request.scrollTo) {
    const anchor = anchorParagraphs(text.text, request.scrollTo, prepared);
    scrolled = anchor.status;
    const found = ranges(anchor);
    if (found.length > 0) {
      // Selected from the first paragraph found to the last.
      const r = found[0]!;
      r.setEnd(found[found.length - 1]!.endContainer, found[found.length - 1]!.endOffset);
      (r.startContainer.parentElement ?? document.body).scrollIntoView({ behavior: 'smooth', block: 'center' });
      const selection = getSelection();
      selection?.removeAllRanges();
      selection?.addRange(r);
    }
  }
  return { highlighted, scrolled };
}
