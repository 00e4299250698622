import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { declaredFeeds, parseFeed, parseOpml, toOpml, MAX_FEED_ITEMS, STARTER_FEEDS, type ParseMarkup } from '..';

const { DOMParser } = new JSDOM('').window;
const parse: ParseMarkup = (text, type) => new DOMParser().parseFromString(text, type);
const BASE = 'https://outlet.example/feeds/main.xml';

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>Le Quotidien</title><link>https://outlet.example/</link>
    <item>
      <title>Grève &amp; manifestations</title>
      <link>https://outlet.example/2024/05/greve.html#top</link>
      <description>&lt;p&gt;Premier paragraphe.&lt;/p&gt;&lt;p&gt;Second paragraphe.&lt;/p&gt;</description>
      <pubDate>Tue, 14 May 2024 08:30:00 +0200</pubDate>
    </item>
    <item><title>Sans lien</title><guid isPermaLink="false">tag:outlet.example,2024:2</guid></item>
    <item><title>Par guid</title><guid>/2024/05/guid.html</guid></item>
  </channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>The Daily</title>
  <link rel="self" href="https://outlet.example/atom.xml"/>
  <link href="https://outlet.example/"/>
  <entry>
    <title type="html">Vote &lt;em&gt;passed&lt;/em&gt;</title>
    <link rel="alternate" type="text/html" href="/2024/vote"/>
    <id>urn:uuid:1</id>
    <published>2024-05-14T06:00:00Z</published>
    <summary>The vote passed.</summary>
  </entry>
</feed>`;

const RDF = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://outlet.example/"><title>Hebdo</title><link>https://outlet.example/</link></channel>
  <item rdf:about="https://outlet.example/a"><title>A</title><link>https://outlet.example/a</link><dc:date>2024-05-01T10:00:00+02:00</dc:date><description>Texte A.</description></item>
</rdf:RDF>`;

const JSON_FEED = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1', title: 'JSON Outlet', home_page_url: 'https://outlet.example/',
  items: [
    { id: '1', url: 'https://outlet.example/j1', title: 'One', content_text: 'Plain text.', date_published: '2024-05-02T00:00:00Z' },
    { id: '2', url: 'javascript:alert(1)', title: 'Hostile' },
    { id: '3', title: 'No link' },
  ],
});

describe('parseFeed reads each dialect into the same items', () => {
  it.each([
    ['RSS 2.0', RSS, { format: 'rss', title: 'Le Quotidien', siteUrl: 'https://outlet.example/', skipped: 1 }, [
      { url: 'https://outlet.example/2024/05/greve.html', title: 'Grève & manifestations', text: 'Premier paragraphe.\n\nSecond paragraphe.', publishedTime: '2024-05-14T06:30:00.000Z' },
      { url: 'https://outlet.example/2024/05/guid.html', title: 'Par guid', text: '', publishedTime: null },
    ]],
    ['Atom', ATOM, { format: 'atom', title: 'The Daily', siteUrl: 'https://outlet.example/', skipped: 0 }, [
      { url: 'https://outlet.example/2024/vote', title: 'Vote passed', text: 'The vote passed.', publishedTime: '2024-05-14T06:00:00.000Z' },
    ]],
    ['RSS 1.0 (RDF)', RDF, { format: 'rdf', title: 'Hebdo', siteUrl: 'https://outlet.example/', skipped: 0 }, [
      { url: 'https://outlet.example/a', title: 'A', text: 'Texte A.', publishedTime: '2024-05-01T08:00:00.000Z' },
    ]],
    ['JSON Feed', JSON_FEED, { format: 'json', title: 'JSON Outlet', siteUrl: 'https://outlet.example/', skipped: 2 }, [
      { url: 'https://outlet.example/j1', title: 'One', text: 'Plain text.', publishedTime: '2024-05-02T00:00:00.000Z' },
    ]],
  ])('%s', (_name, text, feed, items) => {
    const result = parseFeed(text, BASE, parse);
    expect(result).toEqual({ ok: true, feed: { ...feed, items } });
  });
});

describe('parseFeed refuses what is not a feed, with the reason', () => {
  it.each([
    ['malformed XML', '<rss><channel><item></channel></rss>', 'malformed'],
    ['HTML served as a feed', '<!DOCTYPE html><html><head><title>Accueil</title></head><body><p>x</p></body></html>', 'html'],
    ['XHTML', '<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>', 'html'],
    ['an XML bomb (entity declarations)', '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><rss><channel><title>&b;</title></channel></rss>', 'malformed'],
    ['billion laughs', `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><rss version="2.0"><channel><title>&lol9;</title></channel></rss>`, 'malformed'],
    ['an external entity (XXE)', '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><item><link>https://outlet.example/x</link><description>&x;</description></item></channel></rss>', 'malformed'],
    // feedsmith alone forgives these (a title "T</b>", the items before the cut): the strict gate refuses them.
    ['mismatched tags', '<rss version="2.0"><channel><title>T</b></title><item><link>https://outlet.example/x</link></item></channel></rss>', 'malformed'],
    ['a feed cut short', '<rss version="2.0"><channel><item><link>https://outlet.example/x</link></item><item><link>https://outlet.example/y', 'malformed'],
    ['an unescaped ampersand', '<rss version="2.0"><channel><item><link>https://outlet.example/x?a=1&b=2</link></item></channel></rss>', 'malformed'],
    ['another XML document', '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>', 'not-a-feed'],
    ['RSS without channel', '<rss version="2.0"/>', 'not-a-feed'],
    ['broken JSON', '{"version": "https://jsonfeed.org/version/1.1", "items": [', 'malformed'],
    ['JSON that is not a feed', '{"hello": "world"}', 'not-a-feed'],
    ['a 20 MB feed', `<rss><channel>${'<item><link>https://outlet.example/x</link></item>'.repeat(400_000)}</channel></rss>`, 'too-large'],
  ])('%s', (_name, text, problem) => {
    expect(parseFeed(text, BASE, parse)).toEqual({ ok: false, problem });
  });
});

describe('parseFeed on hostile content', () => {
  it('keeps item text as text: scripts and handlers are dropped, never run', () => {
    (globalThis as { pwned?: boolean }).pwned = false;
    const rss = `<rss><channel><title>T</title><item><link>https://outlet.example/h</link>
      <title>&lt;img src=x onerror="globalThis.pwned=true"&gt;Titre</title>
      <description><![CDATA[<script>globalThis.pwned=true</script><p onclick="x()">Texte <b>sûr</b>.</p><style>p{}</style>]]></description></item></channel></rss>`;
    const result = parseFeed(rss, BASE, parse);
    expect(result.ok && result.feed.items).toEqual([{ url: 'https://outlet.example/h', title: 'Titre', text: 'Texte sûr.', publishedTime: null }]);
    expect((globalThis as { pwned?: boolean }).pwned).toBe(false);
  });

  it('leaves out javascript:, data: and other non-web links, and duplicates', () => {
    const links = ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/passwd', 'ftp://outlet.example/x', 'https://outlet.example/ok', 'https://outlet.example/ok#again'];
    const rss = `<rss><channel>${links.map((l) => `<item><link>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</link></item>`).join('')}</channel></rss>`;
    const result = parseFeed(rss, BASE, parse);
    expect(result.ok && result.feed.items.map((i) => i.url)).toEqual(['https://outlet.example/ok']);
    expect(result.ok && result.feed.skipped).toBe(5);
  });

  it('reads the namespaced fields feeds use instead of the core ones (content:encoded, dc:date, Atom content)', () => {
    const rss = `<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
      <item><link>https://outlet.example/n</link><description>Court.</description><content:encoded><![CDATA[<p>Texte entier.</p>]]></content:encoded><dc:date>2024-05-01T10:00:00Z</dc:date></item></channel></rss>`;
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><entry><link rel="enclosure" href="/x.mp3"/><link href="/e"/>
      <content type="html">&lt;p&gt;Full.&lt;/p&gt;</content><summary>Short.</summary><updated>2024-05-02T00:00:00Z</updated></entry></feed>`;
    const items = (text: string) => { const r = parseFeed(text, BASE, parse); return r.ok ? r.feed.items : r.problem; };
    expect(items(rss)).toEqual([{ url: 'https://outlet.example/n', title: null, text: 'Texte entier.', publishedTime: '2024-05-01T10:00:00.000Z' }]);
    expect(items(atom)).toEqual([{ url: 'https://outlet.example/e', title: null, text: 'Full.', publishedTime: '2024-05-02T00:00:00.000Z' }]);
  });

  it('keeps the first (newest) items of a feed of 10,000', () => {
    const rss = `<rss><channel>${Array.from({ length: 10_000 }, (_, i) => `<item><link>https://outlet.example/${i}</link></item>`).join('')}</channel></rss>`;
    const result = parseFeed(rss, BASE, parse);
    expect(result.ok && result.feed.items).toHaveLength(MAX_FEED_ITEMS);
    expect(result.ok && result.feed.items[0]!.url).toBe('https://outlet.example/0');
    expect(result.ok && result.feed.skipped).toBe(10_000 - MAX_FEED_ITEMS);
  });
});

describe('declaredFeeds', () => {
  it('finds the feeds a page declares, resolved, http(s) only, each once', () => {
    const doc = new JSDOM(`<!doctype html><head>
      <link rel="alternate" type="application/rss+xml" title="À la une" href="/rss/une.xml">
      <link rel="alternate" type="application/atom+xml" href="https://outlet.example/atom.xml">
      <link rel="alternate" type="application/feed+json" href="feed.json">
      <link rel="alternate" type="application/rss+xml" href="/rss/une.xml">
      <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
      <link rel="alternate" hreflang="en" type="text/html" href="/en/">
      <link rel="stylesheet" type="application/rss+xml" href="/not-a-feed.xml">
    </head>`).window.document;
    expect(declaredFeeds(doc, 'https://outlet.example/2024/05/article.html')).toEqual([
      { url: 'https://outlet.example/rss/une.xml', title: 'À la une' },
      { url: 'https://outlet.example/atom.xml', title: null },
      { url: 'https://outlet.example/2024/05/feed.json', title: null },
    ]);
  });
});

describe('OPML', () => {
  it('round-trips a subscription list, titles with markup characters included', () => {
    const feeds = [{ url: 'https://outlet.example/rss?a=1&b=2', title: 'Le "Quotidien" <fr> & co' }, { url: 'https://other.example/atom.xml', title: null }];
    expect(parseOpml(toOpml(feeds), parse)).toEqual({ ok: true, feeds: [feeds[0], { url: 'https://other.example/atom.xml', title: 'https://other.example/atom.xml' }], skipped: [] });
  });

  it('reads nested folders of a feed reader export, and says what it left out', () => {
    const opml = `<?xml version="1.0"?><opml version="1.0"><head/><body>
      <outline text="News"><outline type="rss" text="A" xmlUrl="https://a.example/rss"/><outline type="rss" text="A again" xmlUrl="https://a.example/rss"/></outline>
      <outline type="rss" text="Bad" xmlUrl="javascript:alert(1)"/></body></opml>`;
    expect(parseOpml(opml, parse)).toEqual({
      ok: true,
      feeds: [{ url: 'https://a.example/rss', title: 'A' }],
      skipped: [{ item: 'https://a.example/rss', reason: 'duplicate' }, { item: 'javascript:alert(1)', reason: 'not-web' }],
    });
  });

  it.each([['<opml><body>', 'malformed'], ['<rss/>', 'not-opml']])('refuses %s', (text, problem) => {
    expect(parseOpml(text, parse)).toEqual({ ok: false, problem });
  });
});

describe('the starter list', () => {
  it('offers French and English outlets, each an https feed address, each once', () => {
    expect(new Set(STARTER_FEEDS.map((f) => f.language))).toEqual(new Set(['fr', 'en']));
    for (const feed of STARTER_FEEDS) expect(new URL(feed.url).protocol).toBe('https:');
    expect(new Set(STARTER_FEEDS.map((f) => f.url)).size).toBe(STARTER_FEEDS.length);
  });
});
