/**
 * A news outlet on 127.0.0.1 only, for the following tests: `/feed.xml` (RSS 2.0) lists the seed
 * pages `listed` at `/articles/<seed>.html`; `/news.xml` is a second feed, which each article page
 * declares in its <head>; `extra` pages are served but listed by no feed. Every path asked is recorded.
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
