/**
 * The panel's evidence in a live page (extension/page-evidence.ts, run in jsdom): items are found
 * by their TextQuote selectors across elements, whatever the typography, chosen by context when
 * repeated, approximately when edited, and reported as orphans when gone; highlights add nothing
 * to the DOM and clear without a trace.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JSDOM } from 'jsdom';
import { HIGHLIGHT_NAMES, showInPage } from '../../extension/page-evidence';
import { quoteSelector, type TextQuote } from '../../lib/anchor';
import { extractFromDocument, extractFromText } from '../../lib/extract';
import { comparePrepared, prepareArticle } from '../../lib/compare';
import { normalizeForComparison } from '../../lib/text/normalize';
import { SEEDS_DIR } from '../../tests/support/shared-fixtures';

const PAGES = join(import.meta.dirname, '../../corpus/pages');
const page001 = readFileSync(join(PAGES, '001_efc4fda914ae2fdd.html'), 'utf8');

let window: JSDOM['window'];
const highlights = new Map<string, { ranges: Range[] }>();
const scrollIntoView = vi.fn();

/** Loads `html` as the live page, with the Highlight API stubbed as a registry the tests read. */
function load(html: string) {
  window = new JSDOM(html).window;
  window.HTMLElement.prototype.scrollIntoView = scrollIntoView;
  vi.stubGlobal('document', window.document);
  vi.stubGlobal('NodeFilter', window.NodeFilter);
  vi.stubGlobal('getSelection', () => window.getSelection());
  vi.stubGlobal('CSS', { highlights });
  vi.stubGlobal('Highlight', class { ranges: Range[]; constructor(...ranges: Range[]) { this.ranges = ranges; } });
  vi.stubGlobal('CSSStyleSheet', class { replaceSync() {} });
  Object.defineProperty(window.document, 'adoptedStyleSheets', { value: [], writable: true });
}

beforeEach(() => {
  highlights.clear();
  scrollIntoView.mockClear();
});
afterEach(() => vi.unstubAllGlobals());

const n = (s: string) => normalizeForComparison(s);
const q = (exact: string, prefix = '', suffix = ''): TextQuote => ({ exact, prefix, suffix });
const highlighted = (kind: 'quote' | 'passage') => highlights.get(HIGHLIGHT_NAMES[kind])?.ranges.map(String) ?? [];

const SMALL = `<!doctype html><html><body>
  <nav>Accueil · International</nav>
  <article>
    <p>«Les deux parties ont confirmé leur volonté d'intensifier <b>la coordination</b>
       entre les militaires russes et américains en Syrie», a-t-on précisé.</p>
    <script>var s = "Les deux parties ont confirmé";</script>
    <p>Le cessez-le-feu est entré en vigueur le 27&nbsp;février.</p>
    <p>Moscou a suspendu ses frappes<br>aériennes en mai. Washington a suspendu ses frappes en juin.</p>
    <p hidden>Le cessez-le-feu est entré en vigueur le 28 février.</p>
  </article></body></html>`;

describe('scrolling to an item', () => {
  beforeEach(() => load(SMALL));

  it.each([
    ['text split across elements and lines, with other typography', q('Les deux parties ont confirmé leur volonté d’intensifier la coordination entre les militaires'),
      "Les deux parties ont confirmé leur volonté d'intensifier la coordination\n       entre les militaires"],
    ['a non-breaking space in the page', q('le 27 février'), 'le 27\u00a0février'],
    ['case differs', q('LE CESSEZ-LE-FEU'), 'Le cessez-le-feu'],
    ['a line break is a space between words', q('ses frappes aériennes'), 'ses frappesaériennes'],
    ['repeated words, chosen by their context', q('a suspendu ses frappes', 'aériennes en mai. Washington', 'en juin.'), 'a suspendu ses frappes'],
  ])('finds it exactly and selects the page’s words: %s', (_name, quote, selected) => {
    expect(showInPage({ scrollTo: quote })).toEqual({ highlighted: [], scrolled: 'exact' });
    expect(window.getSelection()!.toString()).toBe(selected);
    expect(scrollIntoView).toHaveBeenCalledTimes(1);
  });

  it('takes the occurrence its context points to, not the first', () => {
    showInPage({ scrollTo: q('a suspendu ses frappes', 'Washington', 'en juin') });
    const range = window.getSelection()!.getRangeAt(0);
    expect(range.startContainer.textContent!.slice(0, range.startOffset)).toMatch(/Washington $/);
  });

  it.each([
    ['words the page does not have', q('Les deux parties ont démenti tout accord sur la Syrie')],
    ['text only inside a script', q('var s =')],
    ['text only in a hidden element', q('le 28 février')],
    ['an empty quote', q('  ')],
  ])('reports %s as an orphan and selects nothing', (_name, quote) => {
    expect(showInPage({ scrollTo: quote })).toEqual({ highlighted: [], scrolled: 'orphan' });
    expect(window.getSelection()!.rangeCount).toBe(0);
    expect(scrollIntoView).not.toHaveBeenCalled();
  });
});

describe('highlighting', () => {
  it('paints quotes and passages under their own names, adding no node, and clears without a trace', () => {
    load(SMALL);
    const before = window.document.documentElement.outerHTML;
    const reply = showInPage({
      highlight: [
        { kind: 'quote', quote: q('entre les militaires russes') },
        { kind: 'passage', quote: q('le 27 février') },
        { kind: 'passage', quote: q('absent du texte de cette page') },
      ],
    });
    expect(reply).toEqual({ highlighted: ['exact', 'exact', 'orphan'], scrolled: null });
    expect(highlighted('quote')).toEqual(['entre les militaires russes']);
    expect(highlighted('passage')).toEqual(['le 27\u00a0février']);
    expect(window.document.adoptedStyleSheets).toHaveLength(1);
    expect(window.document.documentElement.outerHTML).toBe(before);
    expect(showInPage({ highlight: [] })).toEqual({ highlighted: [], scrolled: null });
    expect(highlights.size).toBe(0);
    expect(window.document.adoptedStyleSheets).toHaveLength(0);
    expect(window.document.documentElement.outerHTML).toBe(before);
  });

  it('says when the browser cannot highlight, and still scrolls', () => {
    load(SMALL);
    vi.stubGlobal('CSS', {});
    expect(showInPage({ highlight: [{ kind: 'quote', quote: q('le 27 février') }], scrollTo: q('le 27 février') })).toEqual({ highlighted: null, scrolled: 'exact' });
  });
});

describe('the sample page 001 against the stored 000, as the panel shows it', () => {
  // What the background computes: the page's extraction, compared with the stored seed 000.
  const dom = new JSDOM(page001, { url: 'https://example.org/recoupe-samples/001_efc4fda914ae2fdd' });
  const article = prepareArticle(extractFromDocument(dom.window.document));
  const stored = prepareArticle(extractFromText(readFileSync(join(SEEDS_DIR, '000_492f0f67598950be.txt'), 'utf8')));
  const comparison = comparePrepared(article, stored);
  const quotes = comparison.sharedQuotes.map((x) => quoteSelector(article.text, x.a));
  const passages = comparison.passages.map((x) => quoteSelector(article.text, x.a));
  const items = [...quotes.map((quote) => ({ kind: 'quote' as const, quote })), ...passages.map((quote) => ({ kind: 'passage' as const, quote }))];

  it('finds every shared quotation and passage exactly, on their words', () => {
    expect(quotes).toHaveLength(2);
    expect(passages.length).toBeGreaterThan(0);
    load(page001);
    expect(showInPage({ highlight: items }).highlighted).toEqual(items.map(() => 'exact'));
    expect(highlighted('quote').map(n)).toEqual(quotes.map((x) => n(x.exact)));
    expect(highlighted('passage').map(n)).toEqual(passages.map((x) => n(x.exact)));
  });

  it('finds a quotation whose words were edited in the page, approximately, and selects the edited words', () => {
    const first = quotes[0]!;
    const words = first.exact.split(' ');
    const target = ` ${words[Math.floor(words.length / 2)]} `;
    // The word replaced in the page's quotation (found by its first words in the HTML).
    const at = page001.indexOf(words.slice(0, 3).join(' '));
    const edit = page001.indexOf(target, at);
    expect(at).toBeGreaterThan(-1);
    expect(edit).toBeGreaterThan(at);
    load(page001.slice(0, edit) + ' remplacé ' + page001.slice(edit + target.length));
    expect(showInPage({ scrollTo: first }).scrolled).toBe('fuzzy');
    expect(n(window.getSelection()!.toString())).toBe(n(first.exact.replace(target, ' remplacé ')));
  });

  it('reports the passages of a removed paragraph as orphans and still finds the rest', () => {
    load(page001);
    const body = window.document.querySelector('.article-body')!;
    const paragraph = [...body.querySelectorAll('p')].find((p) => passages.some((x) => n(p.textContent!).includes(n(x.exact))))!;
    expect(paragraph).toBeDefined();
    const gone = passages.map((x) => n(paragraph.textContent!).includes(n(x.exact)));
    paragraph.remove();
    const reply = showInPage({ highlight: passages.map((quote) => ({ kind: 'passage', quote })) });
    expect(reply.highlighted).toEqual(gone.map((g) => (g ? 'orphan' : 'exact')));
  });
});
