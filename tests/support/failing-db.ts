/**
 * A corpus database (fake-indexeddb) whose `n`th write of articles, counted from the time `arm(n)`
 * is called, fails as a full disk does: the import tests' interrupted writes.
 */
import type { DBCore, DBCoreMutateRequest } from 'dexie';
import { CorpusDb } from '../../extension/storage/corpus-db';

export function failingDb(name: string): { db: CorpusDb; arm: (n: number) => void } {
  let countdown = Infinity;
  const db = new CorpusDb(name);
  db.use({
    stack: 'dbcore',
    name: 'fail-midway',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (table) => {
        const t = down.table(table);
        return {
          ...t,
          mutate: (req: DBCoreMutateRequest) => (table === 'articles' && --countdown === 0
            ? Promise.reject(new DOMException('The disk is full', 'QuotaExceededError'))
            : t.mutate(req)),
        };
      },
    }),
  });
  return { db, arm: (n) => (countdown = n) };
}
