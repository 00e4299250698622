/**
 * The sample news pages in corpus/pages (built from the seed captures, debris kept as page
 * elements): they are well-formed for the demo and the e2e tests, they load nothing from the
 * network, extraction finds each article without its debris, and scripts/serve-pages.ts serves
 * them from 127.0.0.1 only.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { JSDOM } from 'jsdom';
import { readFileSync, readdirSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { servePages, type PageServer } from '../../scripts/serve-pages';
import { extractFromDocument } from '../../lib/extract';
import { readSeedGold } from '../support/shared-fixtures';
import { normalizeForComparison } from '../../lib/text';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PAGES = path.join(ROOT, 'corpus', 'pages');
const IDS = [
  '000_492f0f67598950be',
  '001_efc4fda914ae2fdd',
  '002_b5629d95adcdafa8',
  '003_0bb6bc6989cf1c52',
  '004_60be76548461e545',
];

const pageHtml = (id: string) => readFileSync(path.join(PAGES, `${id}.html`), 'utf8');
const pageDoc = (id: string) => new JSDOM(pageHtml(id), { url: `http://127.0.0.1/${id}.html` }).window.document;

/** Typography-, case- and whitespace-insensitive form, as gold.json asks for matching. */
const fold = normalizeForComparison;

/** Allowed in src/href: same-site relative references, data: URLs, example.org. */
function isAllowedReference(value: string): boolean {
  const v = value.trim();
  if (v.startsWith('//')) return false; // protocol-relative = external
  if (/^data:/i.test(v)) return true;
  if (/^https?:\/\/example\.org(\/|$)/i.test(v)) return true;
  return !/^[a-z][a-z0-9+.-]*:/i.test(v); // no scheme at all: relative, #fragment, /path
}

const gold = readSeedGold();

describe('corpus/pages sample pages', () => {
  it('has exactly the five seed pages', () => {
    expect(readdirSync(PAGES).filter((n) => n.endsWith('.html')).sort()).toEqual(IDS.map((id) => `${id}.html`));
  });

  describe.each(IDS)('%s', (id) => {
    it('starts with the provenance comment and a doctype (no quirks mode)', () => {
      const html = pageHtml(id);
      expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
      expect(html).toContain(
        `<!-- Sample page built for Recoupe's demo and end-to-end tests from the plain-text capture corpus/${id}.txt; the debris is kept as page elements. -->`,
      );
      expect(pageDoc(id).compatMode).toBe('CSS1Compat');
    });

    it('declares French, an article, a date and a publisher', () => {
      const doc = pageDoc(id);
      const meta = (p: string) => doc.querySelector(`meta[property="${p}"]`)?.getAttribute('content') ?? null;
      expect(doc.documentElement.getAttribute('lang')).toBe('fr');
      expect(meta('og:type')).toBe('article');
      expect(meta('og:site_name')).toBeTruthy();
      expect(Number.isNaN(Date.parse(meta('article:published_time') ?? ''))).toBe(false);
      expect(doc.querySelectorAll('article')).toHaveLength(1);
      expect(doc.title).toBeTruthy();
      const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')?.textContent ?? 'null');
      expect(ld['@type']).toBe('NewsArticle');
      expect(ld.datePublished).toBe(meta('article:published_time'));
      expect(ld.publisher.name).toBe(meta('og:site_name'));
      expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`https://example.org/recoupe-samples/${id}`);
    });

    it('has a headline except for the headline-less wire copy', () => {
      const doc = pageDoc(id);
      if (id.startsWith('001_')) {
        expect(doc.querySelectorAll('h1')).toHaveLength(0);
        expect(doc.title).toBe('Dépêche AFP');
      } else {
        expect(doc.querySelectorAll('h1')).toHaveLength(1);
        expect(doc.querySelector('article h1')).not.toBeNull();
      }
    });

    it('loads nothing from the network', () => {
      const doc = pageDoc(id);
      const refs: string[] = [];
      for (const el of doc.querySelectorAll('[src], [href], [srcset], [action], [poster], [data]')) {
        for (const a of ['src', 'href', 'action', 'poster', 'data']) {
          const v = el.getAttribute(a);
          if (v !== null) refs.push(`${el.tagName.toLowerCase()} ${a}=${v}`);
        }
        for (const part of (el.getAttribute('srcset') ?? '').split(',').filter((s) => s.trim())) {
          refs.push(`${el.tagName.toLowerCase()} srcset=${part.trim().split(/\s+/)[0]}`);
        }
      }
      expect(refs.length).toBeGreaterThan(0);
      expect(refs.filter((r) => !isAllowedReference(r.slice(r.indexOf('=') + 1)))).toEqual([]);
      // No external CSS either: no @import and no absolute url() in inline styles.
      for (const s of doc.querySelectorAll('style')) {
        expect(s.textContent).not.toMatch(/@import|url\(\s*['"]?(https?:)?\/\//i);
      }
      expect(doc.querySelectorAll('iframe, link[rel="stylesheet"], link[rel="preload"], script[src]')).toHaveLength(0);
    });

    it('carries every line of the capture as page text', () => {
      const body = fold(pageDoc(id).body.textContent ?? '');
      const lines = readFileSync(path.join(ROOT, 'corpus', `${id}.txt`), 'utf8')
        .split('\n')
        .map((l) => fold(l.replace(/^\s*\u2022 /, '')))
        .filter(Boolean);
      expect(lines.filter((l) => !body.includes(l))).toEqual([]);
    });
  });
});

describe('extraction of the sample pages (lib/extract)', () => {
  const extract = async (id: string) => {
    const url = `http://127.0.0.1/${id}.html`;
    return extractFromDocument(new JSDOM(pageHtml(id), { url }).window.document, { url });
  };

  describe.each(IDS)('%s', (id) => {
    it('is an article in French', async () => {
      const r = await extract(id);
      expect(r.isArticle, `articleReasons: ${JSON.stringify(r.articleReasons)}`).toBe(true);
      expect(r.language).toBe('fr');
    });

    it('finds the gold title', async () => {
      const r = await extract(id);
      const want = gold.articles[id]!.title;
      if (want === null) {
        // The capture has no headline; the page only has <title>Dépêche AFP</title>.
        expect([null, fold(pageDoc(id).title)]).toContain(r.title === null ? null : fold(r.title));
      } else {
        expect(r.title === null ? null : fold(r.title)).toBe(fold(want));
      }
    });

    it('leaves out every gold boilerplate line', async () => {
      const text = fold((await extract(id)).text);
      const leaked = gold.articles[id]!.boilerplate.filter((b) => text.includes(fold(b)));
      expect(leaked).toEqual([]);
    });

    it('keeps every paragraph of the hand-labelled body', async () => {
      const file = path.join(ROOT, 'tests', 'expected', 'seeds', `${id}.body.txt`);
      const text = fold((await extract(id)).text);
      const paragraphs = readFileSync(file, 'utf8')
        .split(/\n\s*\n/)
        .map(fold)
        .filter(Boolean);
      expect(paragraphs.length).toBeGreaterThan(0);
      expect(paragraphs.filter((p) => !text.includes(p))).toEqual([]);
    });
  });
});

describe('scripts/serve-pages.ts', () => {
  let server: PageServer;
  beforeAll(async () => {
    server = await servePages(PAGES);
  });
  afterAll(async () => {
    await server?.close();
  });

  /** GET with the path sent exactly as written (fetch() would normalise `..` away). */
  function get(rawPath: string): Promise<{ status: number; type: string; body: string }> {
    const { hostname, port } = new URL(server.url);
    return new Promise((resolve, reject) => {
      const req = http.request({ host: hostname, port, path: rawPath, method: 'GET', agent: false }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
      });
      req.on('error', reject);
      req.end();
    });
  }

  const refused = (host: string, port: number) =>
    new Promise<boolean>((resolve) => {
      const s = net.connect({ host, port });
      s.setTimeout(2000);
      s.once('connect', () => (s.destroy(), resolve(false)));
      s.once('timeout', () => (s.destroy(), resolve(true)));
      s.once('error', () => resolve(true));
    });

  it('serves a page as UTF-8 HTML, byte for byte', async () => {
    const r = await get(`/${IDS[0]}.html`);
    expect(r.status).toBe(200);
    expect(r.type).toBe('text/html; charset=utf-8');
    expect(r.body).toBe(pageHtml(IDS[0]!));
  });

  it('lists the pages at /', async () => {
    const r = await get('/');
    expect(r.status).toBe(200);
    expect(r.type).toMatch(/^text\/html/);
    for (const id of IDS) expect(r.body).toContain(`href="/${id}.html"`);
  });

  it.each(['/../package.json', '/%2e%2e/package.json', '/%2E%2E%2Fpackage.json', '/..%2fpackage.json', '/.%2e/package.json', '//etc/passwd', '/%2fetc%2fpasswd', '/..\\package.json', '/missing.html'])(
    '404 for %s',
    async (p) => {
      const r = await get(p);
      expect(r.status).toBe(404);
      expect(r.body).not.toContain('"name"');
    },
  );

  it('binds to 127.0.0.1 only', async () => {
    const { hostname, port } = new URL(server.url);
    expect(hostname).toBe('127.0.0.1');
    expect(await refused('::1', Number(port))).toBe(true);
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (external) expect(await refused(external.address, Number(port))).toBe(true);
  });
});
