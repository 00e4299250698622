/** Empty, tiny, huge, binary and hostile inputs: no crash, bounded work, a reason for the verdict. */
import { describe, it, expect } from 'vitest';
import { JSDOM } from 'jsdom';
import { extractFromText } from '..';
import { extractFromDocument } from '..';
import { articleSignals } from '../is-article';
import { extractMetadata } from '../metadata';
import { dom } from './helpers';

const SENTENCE = 'Le gouvernement a présenté mercredi un projet de loi sur la sécurité des transports publics et les syndicats ont réagi. ';

describe('bad input', () => {
  it('empty--text', () => {
    const r = extractFromText('');
    expect(r.isArticle).toBe(false);
    expect(r.text).toBe('');
    expect(r.articleReasons.join(' ')).toMatch(/empty/);
  });

  it('empty--document', () => {
    const r = extractFromDocument(dom(''));
    expect(r.isArticle).toBe(false);
    expect(r.text).toBe('');
    expect(r.articleReasons.length).toBeGreaterThan(0);
    expect(articleSignals(dom('')).isArticle).toBe(false);
  });

  it('nav-only--document', () => {
    const html = '<html><body><nav><ul><li><a href="/">Accueil</a></li><li><a href="/monde">Monde</a></li><li><a href="/sport">Sport</a></li></ul></nav></body></html>';
    const r = extractFromDocument(dom(html));
    expect(r.isArticle).toBe(false);
    expect(articleSignals(dom(html)).isArticle).toBe(false);
  });

  it('huge--5MB-text-completes', () => {
    // Distinct paragraphs (a counter in each) so the near-duplicate set fills up to its cap.
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < 5_000_000; i++) {
      const p = `${SENTENCE}Paragraphe numéro ${i} avec la mention ${i * 7919} pour qu'il soit unique.`;
      parts.push(p);
      size += p.length + 2;
    }
    const r = extractFromText(parts.join('\n\n'));
    expect(r.text.length).toBeGreaterThan(1_000_000);
    expect(r.isArticle).toBe(true);
  });

  it('huge--5MB-document-completes', () => {
    const p = `<p>${SENTENCE.repeat(3)}</p>`;
    const html = `<html lang="fr"><body><article>${p.repeat(Math.ceil(5_000_000 / p.length))}</article></body></html>`;
    const doc = dom(html);
    expect(articleSignals(doc).reasons.length).toBeGreaterThan(0);
    const r = extractFromDocument(doc);
    expect(typeof r.text).toBe('string');
  });

  it('binary--garbage-text', () => {
    let s = '';
    let x = 12345;
    for (let i = 0; i < 200_000; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      s += String.fromCharCode(x % 256);
    }
    const r = extractFromText(s);
    expect(r.isArticle).toBe(false);
  });

  it('binary--non-string-input-does-not-throw', () => {
    expect(extractFromText(undefined as unknown as string).isArticle).toBe(false);
  });

  it('hostile--scripts-and-handlers-are-read-as-text-never-run', () => {
    const g = globalThis as Record<string, unknown>;
    delete g.__pwned;
    const body = `<p>${SENTENCE.repeat(2)}</p>`.repeat(6);
    const html = `<html lang="fr"><head><script>globalThis.__pwned = 1</script></head><body><article>
      <img src="x" onerror="globalThis.__pwned = 2"><p>Texte &lt;script&gt;alert(1)&lt;/script&gt; affiché tel quel dans un paragraphe assez long pour compter comme du texte.</p>${body}
      <svg onload="globalThis.__pwned = 3"></svg></article></body></html>`;
    // jsdom's default (runScripts unset) never executes scripts or inline handlers.
    const doc = new JSDOM(html, { url: 'https://news.example.com/2016/07/14/securite-des-transports' }).window.document;
    const r = extractFromDocument(doc);
    expect(g.__pwned).toBeUndefined();
    expect(r.text).toContain('<script>alert(1)</script>');
    expect(r.text).not.toContain('__pwned');
  });

  it('metadata--malformed-json-ld-is-skipped', () => {
    const html = `<html><head>
      <script type="application/ld+json">{ "@type": "NewsArticle", "headline": "Broken", </script>
      <script type="application/ld+json"><![CDATA[{"@graph":[{"@type":"WebSite","name":"Le Site"},{"@type":["NewsArticle"],"headline":"Titre","datePublished":"2016-07-14T23:05:00+02:00","author":[{"@type":"Person","name":"Jean Dupont"}],}]}]]></script>
      <link rel="canonical" href="/2016/07/14/titre"><meta property="og:locale" content="fr_FR">
      </head><body></body></html>`;
    const m = extractMetadata(dom(html, 'https://www.example.fr/x'));
    expect(m.title).toBe('Titre');
    expect(m.byline).toBe('Jean Dupont');
    expect(m.publishedTime).toBe('2016-07-14T23:05:00+02:00');
    expect(m.siteName).toBe('Le Site');
    expect(m.language).toBe('fr');
    expect(m.canonicalUrl).toBe('https://www.example.fr/2016/07/14/titre');
    expect(m.jsonLdTypes).toContain('NewsArticle');
  });
});
