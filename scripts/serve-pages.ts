/**
 * A tiny static file server for the sample news pages (corpus/pages), used by the demo and the
 * end-to-end tests. It binds to 127.0.0.1 only, serves the files of one folder (no subfolder
 * listing, no path outside it) and an index of the pages at `/`.
 *
 *   node --import tsx scripts/serve-pages.ts [dir] [port]
 */
import { createServer } from 'node:http';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const TEXT = 'text/plain; charset=utf-8';
const HTML = 'text/html; charset=utf-8';
const TYPES: Record<string, string> = {
  '.html': HTML,
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': TEXT,
  '.json': 'application/json; charset=utf-8',
};

export interface PageServer {
  /** Origin without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  close(): Promise<void>;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The file a request path names inside `root`, or null when it is not a plain name inside it. */
function resolveInside(root: string, rawUrl: string): string | null {
  const rawPath = rawUrl.split(/[?#]/, 1)[0] ?? '';
  // Refuse before any normalisation: dot segments (plain or percent-encoded), backslashes, `//`.
  if (!rawPath.startsWith('/') || /\.\.|%2e|%2f|%5c|\\|\/\//i.test(rawPath)) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(rawPath.slice(1));
  } catch {
    return null;
  }
  if (!rel || rel.includes('\0') || path.isAbsolute(rel) || rel.split('/').some((s) => s === '' || s.startsWith('.'))) {
    return null;
  }
  const file = path.resolve(root, rel);
  return file.startsWith(root + path.sep) ? file : null;
}

async function indexPage(root: string): Promise<string> {
  const names = (await readdir(root)).filter((n) => n.endsWith('.html')).sort();
  const items = await Promise.all(
    names.map(async (n) => {
      const html = await readFile(path.join(root, n), 'utf8');
      const title = /<title>([^<]*)<\/title>/i.exec(html)?.[1] ?? n;
      return `<li><a href="/${encodeURIComponent(n)}">${escapeHtml(n)}</a> — ${title}</li>`;
    }),
  );
  return `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Recoupe sample pages</title></head><body><h1>Recoupe sample pages</h1><ul>${items.join('')}</ul></body></html>`;
}

export function servePages(dir: string, port = 0): Promise<PageServer> {
  const root = path.resolve(dir);
  const server = createServer(async (req, res) => {
    const send = (status: number, type: string, body: string | Buffer) => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, TEXT, 'Method not allowed\n');
      const raw = req.url ?? '/';
      if (raw.split(/[?#]/, 1)[0] === '/') return send(200, HTML, await indexPage(root));
      const file = resolveInside(root, raw);
      const type = file && TYPES[path.extname(file).toLowerCase()];
      if (!file || !type || !(await stat(file).catch(() => null))?.isFile()) return send(404, TEXT, 'Not found\n');
      send(200, type, await readFile(file));
    } catch {
      send(500, TEXT, 'Server error\n');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address() as { port: number };
      resolve({
        url: `http://127.0.0.1:${bound}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((err) => (err ? fail(err) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dir = process.argv[2] ?? path.join(here, '..', 'corpus', 'pages');
  const port = Number(process.argv[3] ?? 0);
  const { url } = await servePages(dir, port);
  console.log(`Serving ${path.resolve(dir)} on ${url}/ (Ctrl-C to stop)`);
  for (const n of (await readdir(dir)).filter((n) => n.endsWith('.html')).sort()) console.log(`  ${url}/${n}`);
}
