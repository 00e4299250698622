/**
 * Finding the panel's evidence in a live page: by content, across elements, whatever the
 * typography; a text the page does not have is reported as not found, never approximated.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JSDOM } from 'jsdom';
import { showInPageForTests as showInPage } from '../background/show-in-page';

const PAGE = `<!doctype html><html><body>
  <nav>Accueil · International</nav>
  <article>
    <p>«Les deux parties ont confirmé leur volonté d'intensifier <b>la coordination</b>
       entre les militaires russes et américains en Syrie», a-t-on précisé.</p>
    <script>var s = "Les deux parties ont confirmé";</script>
    <p>Le cessez-le-feu est entré en vigueur le 27&nbsp;février.</p>
  </article></body></html>`;

let window: JSDOM['window'];
const highlights = new Map<string, { ranges: Range[] }>();

beforeEach(() => {
  window = new JSDOM(PAGE).window;
  window.HTMLElement.prototype.scrollIntoView = vi.fn();
  vi.stubGlobal('document', window.document);
  vi.stubGlobal('NodeFilter', window.NodeFilter);
  vi.stubGlobal('getSelection', () => window.getSelection());
  vi.stubGlobal('CSS', { highlights });
  vi.stubGlobal('Highlight', class { ranges: Range[]; constructor(...ranges: Range[]) { this.ranges = ranges; } });
  vi.stubGlobal('CSSStyleSheet', class { replaceSync() {} });
  Object.defineProperty(window.document, 'adoptedStyleSheets', { value: [], writable: true });
  highlights.clear();
});
afterEach(() => vi.unstubAllGlobals());

describe('scrolling to a text', () => {
  it.each([
    ['typographic apostrophe and spacing differ, text spans two elements', 'Les deux parties ont confirmé leur volonté d’intensifier la coordination entre les militaires',
      "Les deux parties ont confirmé leur volonté d'intensifier la coordination\n       entre les militaires"],
    ['a non-breaking space in the page', 'le 27 février', 'le 27\u00a0février'],
    ['case differs', 'LE CESSEZ-LE-FEU', 'Le cessez-le-feu'],
  ])('finds it and selects exactly the page’s words: %s', (_name, exact, selected) => {
    expect(showInPage({ scrollTo: exact })).toEqual({ highlighted: 0, scrolled: true });
    expect(window.getSelection()!.toString()).toBe(selected);
  });

  it.each([
    ['words the page does not have', 'Les deux parties ont démenti'],
    ['text only inside a script', 'var s ='],
  ])('reports %s as not found and selects nothing', (_name, exact) => {
    expect(showInPage({ scrollTo: exact })).toEqual({ highlighted: 0, scrolled: false });
    expect(window.getSelection()!.rangeCount).toBe(0);
  });
});

describe('highlighting', () => {
  it('paints the texts it finds, without adding a node to the page, and clears them', () => {
    const before = window.document.body.innerHTML;
    expect(showInPage({ highlight: ['entre les militaires russes', 'le 27 février', 'absent du texte'] })).toEqual({ highlighted: 2, scrolled: false });
    expect(highlights.get('recoupe-evidence')!.ranges.map(String)).toEqual(['entre les militaires russes', 'le 27\u00a0février']);
    expect(window.document.body.innerHTML).toBe(before);
    showInPage({ highlight: [] });
    expect(highlights.has('recoupe-evidence')).toBe(false);
  });

  it('says when the browser cannot highlight', () => {
    vi.stubGlobal('CSS', {});
    expect(showInPage({ highlight: ['le 27 février'] }).highlighted).toBe(-1);
  });
});
