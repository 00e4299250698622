/** What the corpus page asks the background for its list's words, filters and order. */
import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../extension/protocol';
import { DEFAULT_PARAMS } from '../Filters';
import { PAGE_ROWS, searchRequest } from '../use-corpus-search';

describe('searchRequest: only the filters set are sent, with the words as last sent', () => {
  it.each([
    { name: 'no filter', params: {}, query: '', expected: { query: '', sort: 'relevance', direction: 'desc', limit: PAGE_ROWS } },
    // The box's words wait for a pause in typing: the request has those last sent.
    { name: 'words typed, not yet sent', params: { query: 'grève' }, query: '', expected: { query: '', sort: 'relevance', direction: 'desc', limit: PAGE_ROWS } },
    { name: 'a site and a language', params: { site: 'lemonde.fr', language: 'fr' }, query: 'grève', expected: { query: 'grève', sites: ['lemonde.fr'], languages: ['fr'], sort: 'relevance', direction: 'desc', limit: PAGE_ROWS } },
    // '' stands for articles without a site (or language): a filter, not its absence.
    { name: 'articles without a site', params: { site: '' }, query: '', expected: { query: '', sites: [''], sort: 'relevance', direction: 'desc', limit: PAGE_ROWS } },
    { name: 'from followed outlets', params: { origin: 'followed' }, query: '', expected: { query: '', origins: ['followed'], sort: 'relevance', direction: 'desc', limit: PAGE_ROWS } },
    { name: 'published between two days, oldest first', params: { from: '2024-01-01', to: '2024-03-31', sort: 'published' as const, direction: 'asc' as const }, query: '', expected: { query: '', from: '2024-01-01', to: '2024-03-31', sort: 'published', direction: 'asc', limit: PAGE_ROWS } },
  ])('$name', ({ params, query, expected }) => {
    const sent = searchRequest({ ...DEFAULT_PARAMS, ...params }, query, PAGE_ROWS);
    expect(sent).toEqual(expected);
    // The background takes it as sent (a refused request has no answer: the list stays empty).
    expect(parseRequest({ ...sent, type: 'corpus/search' }, 'extension')).not.toBeNull();
  });

  it.each(['relevance', 'saved', 'published', 'title', 'site', 'words'] as const)('every order the list offers is one the background takes: %s', (sort) => {
    expect(parseRequest({ ...searchRequest({ ...DEFAULT_PARAMS, sort }, '', PAGE_ROWS), type: 'corpus/search' }, 'extension')).not.toBeNull();
  });

  it('asks for the rows shown so far', () => {
    expect(searchRequest(DEFAULT_PARAMS, '', 3 * PAGE_ROWS).limit).toBe(600);
  });
});
