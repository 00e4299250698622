/** Page metadata read from small pages: each case is one way sites mark it up. */
import { describe, expect, it } from 'vitest';
import { extractFromDocument } from '..';
import { dom } from './helpers';

const body = '<p>' + 'Le Kremlin a annoncé mercredi que les deux présidents avaient parlé au téléphone de la Syrie. '.repeat(4) + '</p>';
const article = (head: string, top = '') =>
  `<!doctype html><html lang="fr"><head>${head}</head><body><article><h1>Titre de l'article</h1>${top}${body.repeat(5)}</article></body></html>`;

describe('metadata', () => {
  it.each([
    ['json-ld--news-article', article('<script type="application/ld+json">{"@type":"NewsArticle","headline":"Titre","datePublished":"2016-07-07T08:00:00+02:00","author":{"name":"Jeanne Martin"},"publisher":{"name":"Le Quotidien"}}</script>'),
      { byline: 'Jeanne Martin', siteName: 'Le Quotidien', publishedTime: '2016-07-07T08:00:00+02:00' }],
    ['meta--open-graph', article('<meta property="og:site_name" content="RT France"><meta property="article:published_time" content="2016-07-07T08:00:00Z"><link rel="canonical" href="https://example.org/a">'),
      { siteName: 'RT France', publishedTime: '2016-07-07T08:00:00Z', canonicalUrl: 'https://example.org/a' }],
    ['json-ld--malformed-is-ignored', article('<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script><meta name="author" content="Paul Durand">'),
      { byline: 'Paul Durand' }],
    ['byline--a-dateline-is-not-a-byline', article('', '<p class="byline">7 juil. 2016, 08:00</p>'), { byline: null }],
  ])('%s', (_name, html, expected) => {
    expect(extractFromDocument(dom(html))).toMatchObject(expected);
  });
});
