import { describe, expect, it } from 'vitest';
import { outletPatterns } from '../site-patterns';

describe('outletPatterns: the host access asked when following an outlet', () => {
  it.each([
    ['a feed on a subdomain: the whole registrable domain, where its pages are', ['https://feeds.bbci.co.uk/news/rss.xml'], ['*://*.bbci.co.uk/*']],
    ['the feed and the page of one outlet: one pattern', ['https://www.lemonde.fr/rss/une.xml', 'https://www.lemonde.fr/politique/article/x.html'], ['*://*.lemonde.fr/*']],
    ['a site under a private suffix: that site only, never the whole suffix', ['https://someone.github.io/feed.xml'], ['*://*.someone.github.io/*']],
    ['an IP address (any port)', ['http://127.0.0.1:4000/feed.xml'], ['*://127.0.0.1/*']],
    ['an IPv6 address', ['http://[::1]:8080/feed.xml'], ['*://[::1]/*']],
    ['a host without a public suffix', ['http://localhost:3000/feed'], ['*://localhost/*']],
    ['nothing for what is not a web address', ['javascript:alert(1)', 'file:///etc/passwd', 'lemonde.fr'], []],
  ])('%s', (_name, addresses, patterns) => {
    expect(outletPatterns(addresses)).toEqual(patterns);
  });
});
