/**
 * The panel's evidence in the live page, run inside the tab (bundled into the injected script
 * entrypoints/evidence-page.ts): shared quotations and passages are found by their TextQuote
 * selectors (lib/anchor: exact where the context agrees, approximately when that verifies, else
 * reported as not found) and painted as translucent boxes in a closed shadow root that the
 * extension's isolated world creates on demand, over the text's own boxes. A click scrolls to one
 * item and outlines it.
 *
 * Why not the CSS Custom Highlight API or the selection: `CSS.highlights`, `adoptedStyleSheets`
 * and `getSelection()` belong to the document, which the page's own scripts share — measured in
 * Chromium and Firefox, a page script read the `recoupe-*` ranges (the exact quotations and
 * passages the reader has in their corpus) and could replace or delete them. A closed shadow
 * root made from the isolated world is not reachable from the page's world (`shadowRoot` is null,
 * and the page's prototypes are not ours): the page sees an empty element while evidence is
 * shown, never its boxes, their places or their words. The element is put back if the page
 * removes it, and removed, with every listener, when the highlights are cleared.
 */
import { anchorParagraphs, prepareText, type AnchorStatus, type TextQuote } from '../lib/anchor';
import { BLOCK_SELECTOR, SKIPPED_ELEMENTS } from '../lib/extract/elements';
import type { Span } from '../lib/extract/types';

export interface ShowInPage {
  /** Items to highlight, replacing the previous highlights; `[]` clears them; absent leaves them. */
  highlight?: { kind: 'quote' | 'passage'; quote: TextQuote }[];
  /** Item to scroll to and outline. */
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

/** Where the injected script installs `paintedInPage` in the tab's isolated world (what is painted, for tests and debugging). */
export const PAINTED_GLOBAL = '__recoupePaintedInPage';

/**
 * Translucent boxes keep the page's own text readable on light and dark pages; quotations are
 * blue and underlined, passages amber, a quotation inside a passage shows both, and the item
 * scrolled to is outlined.
 */
const OVERLAY_CSS = `
div { position: absolute; pointer-events: none; }
.passage { background-color: rgba(255, 190, 0, 0.36); }
.quote { background-color: rgba(60, 150, 255, 0.34); border-bottom: 2px solid rgba(40, 120, 235, 0.9); }
.focus { outline: 3px solid rgba(230, 80, 0, 0.9); outline-offset: 1px; }
`;
/** The host's own style: out of the page's flow and hit testing, above it, and immune to the page's style sheets. */
const HOST_STYLE = 'all: initial !important; display: block !important; position: absolute !important; top: 0 !important; left: 0 !important; width: 0 !important; height: 0 !important; overflow: visible !important; pointer-events: none !important; z-index: 2147483647 !important;';

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

type PaintKind = 'quote' | 'passage' | 'focus';

/** What is painted in this tab, kept in the isolated world only. */
interface Painting {
  host: HTMLElement;
  root: ShadowRoot;
  items: { kind: PaintKind; range: Range }[];
  /** Redraws after the page's layout changes (resize, DOM changes, inner scrolling) and puts the host back if the page removes it. */
  stop: () => void;
}
let painting: Painting | null = null;

/** The line boxes of each painted range, in order, with the kind they are painted as. */
const lineBoxes = (p: Painting) =>
  p.items.flatMap(({ kind, range }) => [...(range.getClientRects?.() ?? [])].filter((r) => r.width > 0 && r.height > 0).map((r) => ({ kind, r })));

/** Draws a box over each line box of each painted range, placed relative to the host. */
function draw(p: Painting): void {
  const origin = p.host.getBoundingClientRect();
  const boxes = lineBoxes(p).map(({ kind, r }) => {
    const box = document.createElement('div');
    box.className = kind;
    box.style.cssText = `left: ${r.left - origin.left}px; top: ${r.top - origin.top}px; width: ${r.width}px; height: ${r.height}px;`;
    return box;
  });
  p.root.replaceChildren(...boxes);
}

function startPainting(): Painting | null {
  if (typeof document.documentElement.attachShadow !== 'function') return null;
  const host = document.createElement('recoupe-evidence');
  // Styles through the CSSOM and a constructed sheet: a page's CSP without 'unsafe-inline' blocks style attributes and <style> elements, not these.
  host.style.cssText = HOST_STYLE;
  const root = host.attachShadow({ mode: 'closed' });
  const sheet = new (document.defaultView!.CSSStyleSheet)();
  sheet.replaceSync(OVERLAY_CSS);
  root.adoptedStyleSheets = [sheet];
  document.documentElement.append(host);
  // The tab's window (what `window` is in the tab; named through the document so this module needs no DOM globals but it).
  const view = document.defaultView!;
  // Redrawn at most every 50 ms while the page changes.
  let timer = 0;
  const later = () => {
    if (timer || !painting) return;
    timer = view.setTimeout(() => {
      timer = 0;
      if (!painting) return;
      if (!host.isConnected) document.documentElement.append(host);
      draw(painting);
    }, 50);
  };
  const changes = new view.MutationObserver(later);
  changes.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  const resized = typeof view.ResizeObserver === 'function' ? new view.ResizeObserver(later) : null;
  resized?.observe(document.documentElement);
  view.addEventListener('resize', later);
  document.addEventListener('scroll', later, true);
  const stop = () => {
    changes.disconnect();
    resized?.disconnect();
    view.removeEventListener('resize', later);
    document.removeEventListener('scroll', later, true);
    view.clearTimeout(timer);
    host.remove();
  };
  return { host, root, items: [], stop };
}

/** Paints `items` (replacing what was painted); nothing to paint removes the overlay. Returns false when the browser cannot paint. */
function paint(items: Painting['items']): boolean {
  if (items.length === 0) {
    painting?.stop();
    painting = null;
    return true;
  }
  painting ??= startPainting();
  if (!painting) return false;
  // Passages under quotations (a quotation inside a passage shows both colours), the outline on top.
  const layer = { passage: 0, quote: 1, focus: 2 } as const;
  painting.items = [...items].sort((a, b) => layer[a.kind] - layer[b.kind]);
  draw(painting);
  return true;
}

/** The ranges painted in this tab, by kind (held in the isolated world only). */
export function paintedRanges(): Record<PaintKind, Range[]> {
  const of = (kind: PaintKind) => (painting?.items ?? []).filter((i) => i.kind === kind).map((i) => i.range);
  return { quote: of('quote'), passage: of('passage'), focus: of('focus') };
}

/**
 * The words painted in this tab, by kind, how many boxes show them and how far, at most, a box
 * lies from the words it covers, in CSS pixels (for tests and debugging, from the isolated world).
 */
export function paintedInPage(): Record<PaintKind, string[]> & { boxes: number; offsetPx: number } {
  const { quote, passage, focus } = paintedRanges();
  const words = (ranges: Range[]) => ranges.map(String);
  const drawn = [...(painting?.root.children ?? [])].map((b) => b.getBoundingClientRect());
  const wanted = painting ? lineBoxes(painting).map(({ r }) => r) : [];
  const offsetPx = drawn.length !== wanted.length ? Infinity
    : Math.max(0, ...drawn.map((d, i) => Math.max(Math.abs(d.left - wanted[i]!.left), Math.abs(d.top - wanted[i]!.top))));
  return { quote: words(quote), passage: words(passage), focus: words(focus), boxes: drawn.length, offsetPx };
}

export function showInPage(request: ShowInPage): ShownInPage {
  const items = request.highlight ?? [];
  const text = document.body ? pageText(document.body) : { text: '', nodes: [] };
  const prepared = prepareText(text.text);
  // A passage over several paragraphs is anchored paragraph by paragraph where the page holds
  // something else between them (an aside the extraction set aside): that is never painted.
  const anchors = items.map((h) => anchorParagraphs(text.text, h.quote, prepared));
  const ranges = (a: { spans: Span[] }) => a.spans.map((s) => toRange(text, s.start, s.end));

  // What was painted before stays unless this request replaces it.
  const kept = painting?.items ?? [];
  let evidence = kept.filter((i) => i.kind !== 'focus');
  let focus = kept.filter((i) => i.kind === 'focus');
  const highlighted: AnchorStatus[] = anchors.map((a) => a.status);
  if (request.highlight) {
    evidence = items.flatMap((h, i) => ranges(anchors[i]!).map((range) => ({ kind: h.kind, range })));
    focus = [];
  }

  let scrolled: AnchorStatus | null = null;
  if (request.scrollTo) {
    const anchor = anchorParagraphs(text.text, request.scrollTo, prepared);
    scrolled = anchor.status;
    const found = ranges(anchor);
    if (found.length > 0) {
      // Outlined (never selected: the page reads the selection) from the first paragraph found to the last.
      focus = found.map((range) => ({ kind: 'focus' as const, range }));
      (found[0]!.startContainer.parentElement ?? document.body).scrollIntoView({ behavior: 'smooth', block: 'center' });
    }
  }
  const painted = paint([...evidence, ...focus]);
  return { highlighted: request.highlight ? (painted ? highlighted : null) : [], scrolled };
}
