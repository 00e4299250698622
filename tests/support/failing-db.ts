/**
 * A corpus database (fake-indexeddb) whose `n`th write of articles, counted from the time `arm(n)`
 * is called, fails as a full disk does: the import tests' interrupted writes.
 */
import { expect, vi } from 'vitest';
import Dexie, { type DBCore, type DBCoreMutateRequest } from 'dexie';
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

/**
 * Makes the first write transaction on the articles table fail as a full disk does; `restore` ends
 * that and says whether it happened. Only that transaction fails: work the install left running
 * (the story index saving itself, a merge of the word index) may open another first.
 */
export function refuseFirstArticlesWrite(): { restore: () => boolean } {
  const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
  const original = CorpusDb.prototype.transaction;
  let refused = false;
  const transaction = vi.spyOn(CorpusDb.prototype, 'transaction').mockImplementation(function (this: CorpusDb, ...args: unknown[]) {
    const writesArticles = args.some((arg) => arg === this.articles || (Array.isArray(arg) && arg.includes(this.articles)));
    if (!refused && args[0] === 'rw' && writesArticles) {
      refused = true;
      return Promise.reject(quota) as never;
    }
    return (original as (...a: unknown[]) => unknown).apply(this, args) as never;
  });
  return { restore: () => (transaction.mockRestore(), refused) };
}

/**
 * A corpus database whose every write of `table` fails, as when the worker is stopped half way
 * through an upgrade that writes it: the upgrade tests' interrupted upgrades.
 */
export class InterruptedDb extends CorpusDb {
  constructor(name: string, table: string) {
    super(name);
    this.use({
      stack: 'dbcore', name: 'interrupt', create: (down) => ({
        ...down,
        table(tableName) {
          const t = down.table(tableName);
          return tableName !== table ? t : { ...t, mutate: () => Promise.reject(new Error('worker stopped half way')) };
        },
      }),
    });
  }
}

/**
 * Opens `name` with every write of `table` failing (an upgrade stopped half way: the open must be
 * refused), then the database as that left it, opened raw at whatever version it is.
 */
export async function afterInterruptedUpgrade(name: string, table: string): Promise<Dexie> {
  const interrupted = new InterruptedDb(name, table);
  await expect(interrupted.open()).rejects.toThrow(/worker stopped half way/);
  interrupted.close();
  const raw = new Dexie(name);
  await raw.open();
  return raw;
}
