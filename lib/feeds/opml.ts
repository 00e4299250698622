/**
 * OPML 2.0 subscription lists (http://opml.org/spec2.opml), the file feed readers import and
 * export: each `<outline type="rss" xmlUrl="…">`, at any depth (readers nest them in folders).
 */
import { webAddress, type ParseMarkup } from './parse';

export interface OpmlFeed {
  url: string;
  title: string | null;
}

export type OpmlParse = { ok: true; feeds: OpmlFeed[]; skipped: { item: string; reason: 'not-web' | 'duplicate' }[] } | { ok: false; problem: 'malformed' | 'not-opml' };

export function parseOpml(text: string, parse: ParseMarkup): OpmlParse {
  if (/<!ENTITY/i.test(text)) return { ok: false, problem: 'malformed' };
  let doc: Document;
  try {
    doc = parse(text.replace(/^\uFEFF/, '').trimStart(), 'text/xml');
  } catch {
    return { ok: false, problem: 'malformed' };
  }
  if (!doc.documentElement || doc.getElementsByTagName('parsererror').length > 0) return { ok: false, problem: 'malformed' };
  if (doc.documentElement.localName !== 'opml') return { ok: false, problem: 'not-opml' };
  const feeds: OpmlFeed[] = [];
  const skipped: { item: string; reason: 'not-web' | 'duplicate' }[] = [];
  for (const outline of Array.from(doc.getElementsByTagName('outline'))) {
    const href = outline.getAttribute('xmlUrl');
    if (href === null) continue; // A folder.
    const url = webAddress(href, 'http://invalid/');
    const item = href.slice(0, 300);
    if (!url || !/^https?:/i.test(href.trim())) skipped.push({ item, reason: 'not-web' });
    else if (feeds.some((f) => f.url === url)) skipped.push({ item, reason: 'duplicate' });
    else feeds.push({ url, title: (outline.getAttribute('title') ?? outline.getAttribute('text'))?.trim().slice(0, 300) || null });
  }
  return { ok: true, feeds, skipped };
}

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&${({ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' } as Record<string, string>)[c]};`);

export function toOpml(feeds: OpmlFeed[], title = 'Recoupe'): string {
  const lines = feeds.map((f) => `    <outline type="rss" text="${escapeXml(f.title ?? f.url)}" title="${escapeXml(f.title ?? f.url)}" xmlUrl="${escapeXml(f.url)}"/>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">\n  <head><title>${escapeXml(title)}</title></head>\n  <body>\n${lines.join('\n')}${lines.length ? '\n' : ''}  </body>\n</opml>\n`;
}
