/**
 * News outlets on 127.0.0.1 only, for the following tests. `serveOutlet`: `/feed.xml` (RSS 2.0)
 * lists the seed pages `listed` at `/articles/<seed>.html`; `/news.xml` is a second feed, which each
 * article page declares in its <head>; `extra` pages are served but listed by no feed.
 * `serveNewsOutlet`: an outlet of given articles with a feed in a given format (RSS 2.0, Atom,
 * JSON Feed). Every path asked is recorded.
 */
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

export interface Outlet {
  origin: string;
  requested: string[];
  close(): Promise<void>;
}

export async function serveOutlet(listed: string[], extra: string[] = []): Promise<Outlet> {
  const requested: string[] = [];
  let origin = '';
  const feed = () => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Outlet on 127.0.0.1</title><link>${origin}/</link>
${listed.map((s) => `<item><title>${s}</title><link>${origin}/articles/${s}.html</link><description>Summary of ${s}.</description></item>`).join('\n')}
</channel></rss>`;
  const server = createServer((req, res) => {
    requested.push(req.url ?? '');
    const page = /^\/articles\/(\w+)\.html$/.exec(req.url ?? '')?.[1];
    if (req.url === '/feed.xml' || req.url === '/news.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(feed());
    } else if (page && [...listed, ...extra].includes(page)) {
      const html = readFileSync(`corpus/pages/${page}.html`, 'utf8').replace(/<head>/i, '<head><link rel="alternate" type="application/rss+xml" title="News" href="/news.xml">');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return { origin, requested, close: () => new Promise((done) => server.close(() => done())) };
}

/** One article of a news outlet: served as a page at `/articles/<slug>.html`, listed by the outlet's feed. */
export interface NewsArticle { slug: string; title: string; date: string; lang: string; text: string }
export type FeedFormat = 'rss' | 'atom' | 'json';
export interface NewsOutlet extends Outlet {
  /** The outlet's feed, in its format. */
  feedUrl: string;
  pageUrl(slug: string): string;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const FEED_PATHS: Record<FeedFormat, { path: string; type: string }> = {
  rss: { path: '/feed.xml', type: 'application/rss+xml' },
  atom: { path: '/atom.xml', type: 'application/atom+xml' },
  json: { path: '/feed.json', type: 'application/feed+json' },
};

/** A news page as a site serves it: its outlet's name, date, headline and paragraphs, and the feed it declares. */
export function newsPage(site: string, article: NewsArticle, feed?: { href: string; type: string }): string {
  return `<!doctype html><html lang="${article.lang}"><head><meta charset="utf-8"><title>${escapeXml(article.title)}</title>
<meta property="og:type" content="article"><meta property="og:site_name" content="${escapeXml(site)}">
${feed ? `<link rel="alternate" type="${feed.type}" title="${escapeXml(site)}" href="${feed.href}">` : ''}
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":${JSON.stringify(article.title)},"datePublished":"${article.date}"}</script>
</head><body><article><h1>${escapeXml(article.title)}</h1>
${article.text.split(/\n\n+/).filter((p) => p.trim()).map((p) => `<p>${escapeXml(p)}</p>`).join('\n')}</article></body></html>`;
}

function feedDocument(format: FeedFormat, site: string, origin: string, articles: NewsArticle[]): string {
  const url = (a: NewsArticle) => `${origin}/articles/${a.slug}.html`;
  const summary = (a: NewsArticle) => a.text.split(/\n\n/)[0] ?? '';
  switch (format) {
    case 'rss':
      return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${escapeXml(site)}</title><link>${origin}/</link>
${articles.map((a) => `<item><title>${escapeXml(a.title)}</title><link>${url(a)}</link><description>${escapeXml(summary(a))}</description><pubDate>${new Date(a.date).toUTCString()}</pubDate></item>`).join('\n')}
</channel></rss>`;
    case 'atom':
      return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>${escapeXml(site)}</title><link href="${origin}/"/><id>${origin}/</id><updated>${articles[0]?.date ?? ''}T00:00:00Z</updated>
${articles.map((a) => `<entry><title>${escapeXml(a.title)}</title><link rel="alternate" type="text/html" href="${url(a)}"/><id>${url(a)}</id><updated>${a.date}T00:00:00Z</updated><summary>${escapeXml(summary(a))}</summary></entry>`).join('\n')}
</feed>`;
    case 'json':
      return JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1', title: site, home_page_url: `${origin}/`,
        items: articles.map((a) => ({ id: url(a), url: url(a), title: a.title, summary: summary(a), date_published: `${a.date}T00:00:00Z` })),
      });
  }
}

/** An outlet on its own 127.0.0.1 port: its feed in `format` listing `articles`, and their pages, each declaring the feed. Every path asked is recorded. */
export async function serveNewsOutlet(site: string, format: FeedFormat, articles: NewsArticle[]): Promise<NewsOutlet> {
  const requested: string[] = [];
  const feed = FEED_PATHS[format];
  let origin = '';
  const server = createServer((req, res) => {
    requested.push(req.url ?? '');
    const article = articles.find((a) => req.url === `/articles/${a.slug}.html`);
    if (req.url === feed.path) res.writeHead(200, { 'content-type': `${feed.type}; charset=utf-8` }).end(feedDocument(format, site, origin, articles));
    else if (article) res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(newsPage(site, article, { href: feed.path, type: feed.type }));
    else res.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    origin, requested, feedUrl: `${origin}${feed.path}`,
    pageUrl: (slug) => `${origin}/articles/${slug}.html`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
