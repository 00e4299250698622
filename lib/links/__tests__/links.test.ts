import { describe, expect, it } from 'vitest';
import { parseCsv, parseLinkList } from '..';

describe('parseLinkList', () => {
  it.each([
    ['a text file of addresses', 'links.txt', '# to read\nhttps://a.example/1\n\nhttp://b.example/2#comments\n  https://a.example/1  \nftp://c.example/x\nnot an address\n',
      { format: 'text', urls: ['https://a.example/1', 'http://b.example/2'], skipped: [{ item: 'https://a.example/1', reason: 'duplicate' }, { item: 'ftp://c.example/x', reason: 'not-web' }, { item: 'not an address', reason: 'not-web' }] }],
    ['a Pocket CSV export', 'part_000000.csv', 'title,url,time_added,tags,status\n"Le budget, voté",https://a.example/1,1700000000,,unread\nSans lien,javascript:alert(1),1700000001,,archive\n',
      { format: 'csv', urls: ['https://a.example/1'], skipped: [{ item: 'javascript:alert(1)', reason: 'not-web' }] }],
    ['an Instapaper CSV export', 'instapaper-export.csv', 'URL,Title,Selection,Folder,Timestamp\r\nhttps://a.example/1,"A ""quoted"" title","line one\nline two",Unread,1700000000\r\n',
      { format: 'csv', urls: ['https://a.example/1'], skipped: [] }],
    ['a bookmarks export', 'bookmarks.html', '<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n<DT><H3>News</H3>\n<DL><p><DT><A HREF="https://a.example/1?x=1&amp;y=2" ADD_DATE="1">A</A>\n<DT><A HREF="data:text/html,x">D</A>\n<DT><A HREF=\'https://b.example/\'>B</A></DL>',
      { format: 'bookmarks', urls: ['https://a.example/1?x=1&y=2', 'https://b.example/'], skipped: [{ item: 'data:text/html,x', reason: 'not-web' }] }],
    ['a CSV without a url column', 'other.csv', 'name,address\nx,https://a.example/\n', { format: 'csv', urls: [], skipped: [] }],
  ])('%s', (_name, fileName, text, expected) => {
    expect(parseLinkList(text, fileName)).toEqual(expected);
  });

  it('keeps the first 5,000 addresses and says the rest were too many', () => {
    const list = parseLinkList(Array.from({ length: 5_002 }, (_, i) => `https://a.example/${i}`).join('\n'), 'x.txt');
    expect(list.urls).toHaveLength(5_000);
    expect(list.skipped).toEqual([{ item: 'https://a.example/5000', reason: 'too-many' }, { item: 'https://a.example/5001', reason: 'too-many' }]);
  });
});

describe('parseCsv (RFC 4180)', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('a,"b, c","d ""e""","f\ng"\n1,2,3,4')).toEqual([['a', 'b, c', 'd "e"', 'f\ng'], ['1', '2', '3', '4']]);
  });
});
