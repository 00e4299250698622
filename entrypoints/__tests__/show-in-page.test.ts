/**
 * The panel's evidence in a live page (extension/page-evidence.ts, run in jsdom): items are found
 * by their TextQuote selectors across elements, whatever the typography, chosen by context when
 * repeated, approximately when edited, and reported as orphans when gone; highlights are painted in
 * a closed shadow root (the page sees one empty element, no selection and nothing in the
 * document's highlight registry) and clear without a trace.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JSDOM } from 'jsdom';
import { paintedRanges, showInPage } from '../../extension/page-evidence';
import { quoteSelector, type TextQuote } from '../../lib/anchor';
import { extractFromDocument, extractFromText } from '../../lib/extract';
import { comparePrepared, prepareArticle } from '../../lib/compare';
import { normalizeForComparison } from '../../lib/text/normalize';
import { SEEDS_DIR } from '../../tests/support/shared-fixtures';

const PAGES = join(import.meta.dirname, '../../corpus/pages');
const page001 = readFileSync(join(PAGES, '001_efc4fda914ae2fdd.html'), 'utf8');

let window: JSDOM['window'];
const scrollIntoView = vi.fn();

/** Loads `html` as the live page (jsdom has closed shadow roots; it lays nothing out, so no box is drawn). */
function load(html: string) {
  window = new JSDOM(html).window;
  window.HTMLElement.prototype.scrollIntoView = scrollIntoView;
  vi.stubGlobal('document', window.document);
  vi.stubGlobal('NodeFilter', window.NodeFilter);
  vi.stubGlobal('getSelection', () => window.getSelection());
  vi.stubGlobal('CSS', { highlights: new Map() });
}

beforeEach(() => scrollIntoView.mockClear());
afterEach(() => {
  showInPage({ highlight: [] }); // The overlay and its listeners go with the highlights.
  vi.unstubAllGlobals();
});

const n = (s: string) => normalizeForComparison(s);
const q = (exact: string, prefix = '', suffix = ''): TextQuote => ({ exact, prefix, suffix });
const painted = (kind: 'quote' | 'passage' | 'focus') => paintedRanges()[kind].map(String);
/** What a page script can see of the evidence: its selection, the document's highlight registry, the light DOM's text. */
const seenByPage = () => ({ selection: window.getSelection()!.toString(), registry: (globalThis as unknown as { CSS: { highlights: Map<string, unknown> } }).CSS.highlights.size, added: window.document.querySelector('recoupe-evidence')?.innerHTML ?? null });

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
  ])('finds it exactly and outlines the page’s words, selecting nothing: %s', (_name, quote, outlined) => {
    expect(showInPage({ scrollTo: quote })).toEqual({ highlighted: [], scrolled: 'exact' });
    expect(painted('focus').join('')).toBe(outlined);
    expect(seenByPage()).toEqual({ selection: '', registry: 0, added: '' });
    expect(scrollIntoView).toHaveBeenCalledTimes(1);
  });

  it('takes the occurrence its context points to, not the first', () => {
    showInPage({ scrollTo: q('a suspendu ses frappes', 'Washington', 'en juin') });
    const range = paintedRanges().focus[0]!;
    expect(range.startContainer.textContent!.slice(0, range.startOffset)).toMatch(/Washington $/);
  });

  it.each([
    ['words the page does not have', q('Les deux parties ont démenti tout accord sur la Syrie')],
    ['text only inside a script', q('var s =')],
    ['text only in a hidden element', q('le 28 février')],
    ['an empty quote', q('  ')],
  ])('reports %s as an orphan and outlines nothing', (_name, quote) => {
    expect(showInPage({ scrollTo: quote })).toEqual({ highlighted: [], scrolled: 'orphan' });
    expect(painted('focus')).toEqual([]);
    expect(window.getSelection()!.rangeCount).toBe(0);
    expect(scrollIntoView).not.toHaveBeenCalled();
  });
});

describe('highlighting', () => {
  it('paints quotes and passages as their own kinds in a closed shadow root the page cannot open, and clears without a trace', () => {
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
    expect(painted('quote')).toEqual(['entre les militaires russes']);
    expect(painted('passage')).toEqual(['le 27\u00a0février']);
    // The page sees one empty element, without an open shadow root, and nothing else.
    const host = window.document.querySelector('recoupe-evidence')!;
    expect(host.shadowRoot).toBeNull();
    expect(seenByPage()).toEqual({ selection: '', registry: 0, added: '' });
    expect(window.document.documentElement.outerHTML.replace(/<recoupe-evidence[^>]*><\/recoupe-evidence>/, '')).toBe(before);
    expect(showInPage({ highlight: [] })).toEqual({ highlighted: [], scrolled: null });
    expect(painted('quote')).toEqual([]);
    expect(window.document.documentElement.outerHTML).toBe(before);
  });

  it('keeps the highlights when a click scrolls to one item, and clears the outline with them', () => {
    load(SMALL);
    showInPage({ highlight: [{ kind: 'passage', quote: q('le 27 février') }] });
    showInPage({ scrollTo: q('le 27 février') });
    expect({ passage: painted('passage'), focus: painted('focus') }).toEqual({ passage: ['le 27\u00a0février'], focus: ['le 27\u00a0février'] });
    showInPage({ highlight: [] });
    expect(window.document.querySelector('recoupe-evidence')).toBeNull();
  });

  it('says when the browser cannot paint (no shadow root), and still scrolls', () => {
    load(SMALL);
    Object.defineProperty(window.HTMLElement.prototype, 'attachShadow', { value: undefined });
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
    expect(painted('quote').map(n)).toEqual(quotes.map((x) => n(x.exact)));
    expect(painted('passage').map(n)).toEqual(passages.map((x) => n(x.exact)));
  });

  it('finds a quotation whose words were edited in the page, approximately, and outlines the edited words', () => {
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
    expect(n(painted('focus').join(' '))).toBe(n(first.exact.replace(target, ' remplacé ')));
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
