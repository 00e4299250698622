/** What a page's URL says about it: article, front page, or nothing either way. */
import { describe, expect, it } from 'vitest';
import { articleLikePath } from '../is-article';

describe('articleLikePath', () => {
  it.each([
    ['a dated slug', 'https://www.lemonde.fr/pixels/article/2015/05/05/le-projet-de-loi_4628000_4408996.html', true],
    ['a numeric id', 'https://www.bbc.com/news/world-europe-36712345', true],
    ['a long hyphenated slug', 'https://example.org/kerry-a-moscou-pour-rencontrer-poutine', true],
    ['the home page', 'https://www.example.org/', false],
    ['a language front', 'https://www.nytimes.com/es/', false],
    ['a section front', 'https://www.theguardian.com/world', false],
    ['an index page', 'https://example.org/news/index.html', false],
    ['a search page', 'https://example.org/recherche?q=syrie', false],
    ['a wiki page', 'https://en.wikipedia.org/wiki/Hermitian_matrix', false],
    ['an opaque id', 'https://example.org/recoupe-samples/001_efc4fda914ae2fdd', null],
    ['a short slug', 'https://example.org/news/abc123', null],
    ['not a web URL', 'file:///home/me/page.html', null],
    ['no URL', null, null],
  ])('%s: %s → %s', (_name, url, expected) => {
    expect(articleLikePath(url)).toBe(expected);
  });
});
