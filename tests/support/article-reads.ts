/**
 * What a database reads of the articles table, where the texts are, by a DBCore middleware:
 * `reads`, the requests; `records`, the records they read (a cursor counts as a million: it reads
 * all). Tests of what may run without reading a single text (upgrades, the features refresh).
 */
import type Dexie from 'dexie';

export function countArticleReads(db: Dexie): { reads: number; records: number } {
  const counter = { reads: 0, records: 0 };
  db.use({
    stack: 'dbcore', name: 'count-article-reads', create: (down) => ({
      ...down,
      table(tableName) {
        const table = down.table(tableName);
        if (tableName !== 'articles') return table;
        return {
          ...table,
          get: (req) => { counter.reads++; counter.records++; return table.get(req); },
          getMany: (req) => { counter.reads++; counter.records += req.keys.length; return table.getMany(req); },
          query: (req) => { counter.reads++; return table.query(req).then((res) => { counter.records += res.result.length; return res; }); },
          openCursor: (req) => { counter.reads++; counter.records += 1_000_000; return table.openCursor(req); },
        };
      },
    }),
  });
  return counter;
}
