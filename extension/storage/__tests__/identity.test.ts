/**
 * Which stored article a page is (issue 20, item 1). Real seed pages, read at an address of our
 * choosing, declare an address of their own through `<link rel=canonical>`, `og:url` or a JSON-LD
 * `url`: believed on the page's own site (the same article, updated, its earlier text kept as a
 * version), never for another site's article (stored apart, linked as a declared copy). A reading
 * that lost most of the text changes nothing.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { JSDOM } from 'jsdom';
import { CorpusDb } from '../corpus-db';
import { articleVersions, getCorpusVersion, saveArticle } from '../corpus';
import { toNewArticle, type StoredArticle } from '../article-record';
import { declaredIdentity, sameSite } from '../identity';
import { extractFromDocument } from '../../../lib/extract';

const NAME = 'recoupe-identity-test';
const seed = (n: number) => readFileSync(new URL(`../../../corpus/pages/${['000_492f0f67598950be', '001_efc4fda914ae2fdd', '002_b5629d95adcdafa8', '003_0bb6bc6989cf1c52'][n]}.html`, import.meta.url), 'utf8');

type Declaration = 'canonical' | 'og:url' | 'json-ld';

/** A seed page whose only declared address is `declared`, by the way given. */
function declaring(html: string, how: Declaration, declared: string): string {
  const bare = html
    .replace(/<link[^>]*rel="canonical"[^>]*>/gi, '')
    .replace(/<meta[^>]*property="og:url"[^>]*>/gi, '')
    .replace(/<script[^>]*application\/ld\+json[^>]*>[\s\S]*?<\/script>/gi, '');
  const tag = {
    canonical: `<link rel="canonical" href="${declared}">`,
    'og:url': `<meta property="og:url" content="${declared}">`,
    'json-ld': `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', url: declared })}</script>`,
  }[how];
  return bare.replace(/<head>/i, `<head>${tag}`);
}

/** The record a person saving `html` read at `url` stores. */
function reading(html: string, url: string, when = '2026-03-01') {
  const dom = new JSDOM(html, { url });
  return toNewArticle(extractFromDocument(dom.window.document, { url }), url, 'page', new Date(when));
}

let db: CorpusDb;
beforeEach(() => {
  db = new CorpusDb(NAME);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(NAME);
});

describe('the site of an address', () => {
  it.each([
    ['https://www.lemonde.fr/a', 'https://lemonde.fr/b', true],
    ['https://amp.lemonde.fr/a', 'http://www.lemonde.fr/b', true],
    ['https://www.bbc.co.uk/news/1', 'https://www.bbc.com/news/1', false],
    ['https://a.bbc.co.uk/x', 'https://b.co.uk/x', false],
    // Private suffixes: two blogs on one host are two sites.
    ['https://alice.github.io/post', 'https://bob.github.io/post', false],
    ['http://127.0.0.1:8000/a', 'http://127.0.0.1:9000/b', true],
    ['sample:000', 'sample:000', false],
  ])('%s and %s: same site %s', (a, b, same) => {
    expect(sameSite(a, b)).toBe(same);
  });

  it('keeps a declared address on the same site as canonical, and another site’s as the article copied', () => {
    expect(declaredIdentity('https://www.msn.com/fr-fr/x', 'https://www.afp.com/fr/y')).toEqual({ canonicalUrl: null, declaredCopyOf: 'https://www.afp.com/fr/y' });
    expect(declaredIdentity('https://amp.lemonde.fr/x', 'https://www.lemonde.fr/x')).toEqual({ canonicalUrl: 'https://www.lemonde.fr/x', declaredCopyOf: null });
    expect(declaredIdentity('https://www.lemonde.fr/x', null)).toEqual({ canonicalUrl: null, declaredCopyOf: null });
  });
});

describe.each<Declaration>(['canonical', 'og:url', 'json-ld'])('a page declaring its address by %s', (how) => {
  const original = 'https://www.lemonde.fr/international/article/2016/07/15/poutine-obama.html';

  it('on the same site: is the same article (an AMP copy updates the stored one, keeping its earlier text)', async () => {
    const first = await saveArticle(db, reading(seed(0), original, '2026-03-01'));
    const amp = reading(declaring(seed(1), how, original), 'https://amp.lemonde.fr/international/poutine-obama', '2026-03-02');
    expect(amp.canonicalUrl).toBe(original);
    expect(await saveArticle(db, amp)).toEqual({ id: first.id, created: false });
    expect(await db.articles.count()).toBe(1);
    const stored = (await db.articles.get(first.id))!;
    expect(stored.text).toBe(amp.text);
    expect(stored.savedAt).toBe('2026-03-01T00:00:00.000Z');
    // The text it replaced is kept, whole.
    const versions = await articleVersions(db, first.id);
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ articleId: first.id, url: original, text: reading(seed(0), original).text, storedAt: '2026-03-01T00:00:00.000Z', replacedAt: '2026-03-02T00:00:00.000Z' });
  });

  it('on another site: is stored as its own article, linked to the one it names', async () => {
    const first = await saveArticle(db, reading(seed(0), original));
    const copy = reading(declaring(seed(0), how, original), 'https://www.msn.com/fr-fr/actualite/poutine-obama');
    expect(copy).toMatchObject({ canonicalUrl: null, declaredCopyOf: original, site: expect.not.stringContaining('lemonde') });
    const saved = await saveArticle(db, copy);
    expect(saved.created).toBe(true);
    expect(saved.id).not.toBe(first.id);
    expect(await db.articles.get(first.id)).toMatchObject({ url: original, text: reading(seed(0), original).text });
    expect(await db.articles.get(saved.id)).toMatchObject({ url: 'https://www.msn.com/fr-fr/actualite/poutine-obama', declaredCopyOf: original });
    expect(await db.versions.count()).toBe(0);
  });
});

describe('a hostile page naming stored articles as its own', () => {
  it('leaves three stored articles intact, whichever way it declares them', async () => {
    const victims = ['https://www.lemonde.fr/a.html', 'https://www.liberation.fr/b.html', 'https://www.rts.ch/c.html'];
    const stored: StoredArticle[] = [];
    for (const [i, url] of victims.entries()) {
      const { id } = await saveArticle(db, reading(seed(i), url));
      stored.push((await db.articles.get(id))!);
    }
    const ways: Declaration[] = ['canonical', 'og:url', 'json-ld'];
    for (const [i, url] of victims.entries()) {
      const hostile = reading(declaring(seed(3), ways[i]!, url), `https://evil.example/fake-${i}`);
      expect(await saveArticle(db, hostile)).toMatchObject({ created: true });
    }
    for (const before of stored) expect(await db.articles.get(before.id)).toEqual(before);
    const copies = await db.articles.where('id').above(Math.max(...stored.map((a) => a.id))).toArray();
    expect(copies.map((a) => [a.url, a.declaredCopyOf, a.canonicalUrl])).toEqual(victims.map((v, i) => [`https://evil.example/fake-${i}`, v, null]));
    expect(await db.versions.count()).toBe(0);
  });
});

describe('saving the same address again', () => {
  const url = 'https://www.lemonde.fr/x.html';

  it('keeps the earlier text as a version when the text changed, and none when it did not', async () => {
    const { id } = await saveArticle(db, reading(seed(0), url, '2026-03-01'));
    await saveArticle(db, reading(seed(0), url, '2026-03-02'));
    expect(await db.versions.count()).toBe(0);
    await saveArticle(db, reading(seed(1), url, '2026-03-03'));
    await saveArticle(db, reading(seed(2), url, '2026-03-04'));
    expect((await articleVersions(db, id)).map((v) => [v.text, v.replacedAt])).toEqual([
      [reading(seed(0), url).text, '2026-03-03T00:00:00.000Z'],
      [reading(seed(1), url).text, '2026-03-04T00:00:00.000Z'],
    ]);
    expect((await db.articles.get(id))!.text).toBe(reading(seed(2), url).text);
  });

  it('changes nothing when the reading lost most of the text (under half the words)', async () => {
    const full = reading(seed(0), url, '2026-03-01');
    const { id } = await saveArticle(db, full);
    const before = (await db.articles.get(id))!;
    const version = await getCorpusVersion(db);
    const firstParagraph = full.text.slice(0, full.paragraphs[0]!.end);
    const cut = { ...full, text: firstParagraph, paragraphs: [full.paragraphs[0]!], wordCount: 12, updatedAt: '2026-03-05T00:00:00.000Z' };
    expect(await saveArticle(db, cut)).toEqual({ id, created: false, keptStored: true });
    expect(await db.articles.get(id)).toEqual(before);
    expect(await db.versions.count()).toBe(0);
    expect(await getCorpusVersion(db)).toBe(version);
  });
});
