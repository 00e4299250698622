/**
 * Lists of links to import: a text file of addresses (one a line), a Pocket or Instapaper CSV
 * export (the column named `url`), or a browser's bookmarks export (the Netscape bookmark file
 * format every browser writes: `<A HREF="…">`). Each address is checked (http or https), each
 * kept once; what is left out is said with its reason.
 */

export type LinkListFormat = 'text' | 'csv' | 'bookmarks';
export type SkippedLink = { item: string; reason: 'not-web' | 'duplicate' | 'too-many' };

export interface LinkList {
  format: LinkListFormat;
  urls: string[];
  skipped: SkippedLink[];
}

/** More pages than one import should fetch at once. */
export const MAX_LINKS = 5_000;

/** RFC 4180 CSV: quoted fields with doubled quotes and line breaks inside. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

const decodeEntities = (s: string) => s.replace(/&(amp|lt|gt|quot|#39|#x27);/gi, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" } as Record<string, string>)[e.toLowerCase()]!);

function candidates(text: string, fileName: string): { format: LinkListFormat; items: string[] } {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (/^<!DOCTYPE NETSCAPE-Bookmark-file/i.test(start) || /\.html?$/i.test(fileName)) {
    return { format: 'bookmarks', items: [...start.matchAll(/<a\s[^>]*?href\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)].map((m) => decodeEntities(m[1] ?? m[2] ?? '')) };
  }
  if (/\.csv$/i.test(fileName)) {
    const [header, ...rows] = parseCsv(start);
    const column = header?.findIndex((h) => h.trim().toLowerCase() === 'url') ?? -1;
    return { format: 'csv', items: column === -1 ? [] : rows.map((r) => r[column] ?? '') };
  }
  return { format: 'text', items: start.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#')) };
}

export function parseLinkList(text: string, fileName: string): LinkList {
  const { format, items } = candidates(text, fileName);
  const urls: string[] = [];
  const seen = new Set<string>();
  const skipped: SkippedLink[] = [];
  for (const raw of items) {
    const item = raw.trim().slice(0, 300);
    let url: URL | null = null;
    try {
      url = new URL(raw.trim());
    } catch {
      // Not an address.
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      skipped.push({ item, reason: 'not-web' });
      continue;
    }
    url.hash = '';
    if (seen.has(url.href)) skipped.push({ item, reason: 'duplicate' });
    else if (urls.length >= MAX_LINKS) skipped.push({ item, reason: 'too-many' });
    else {
      seen.add(url.href);
      urls.push(url.href);
    }
  }
  return { format, urls, skipped };
}
