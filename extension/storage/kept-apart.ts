/**
 * The reader's corrections of the matcher: pairs of articles they judged not to report the same
 * event. The panel hides such a match and the Stories view keeps the two apart.
 *
 * Kept in the `meta` table under one key, as pairs of URLs (a stored article's `url`; the page's
 * when it is not stored): a judgement made on a page before it is saved holds once it is, and a
 * pair does not depend on ids that an export and import renumber. Human judgements are few (one
 * click each), so the list is read and written whole.
 */
import type { CorpusDb } from './corpus-db';

const KEY = 'keptApart';

/** Two URLs, in code-unit order, so a pair has one spelling. */
export type ApartPair = readonly [string, string];

const ordered = (a: string, b: string): ApartPair => (a < b ? [a, b] : [b, a]);
const same = (x: ApartPair, y: ApartPair) => x[0] === y[0] && x[1] === y[1];
const keyOf = ([a, b]: ApartPair) => `${a}\u0000${b}`;

/** The stored pairs; anything unreadable in the stored value is dropped (a stored value is never trusted blindly). */
export async function keptApartPairs(db: CorpusDb): Promise<ApartPair[]> {
  const stored = (await db.meta.get(KEY))?.value;
  if (!Array.isArray(stored)) return [];
  return stored.filter((p): p is ApartPair => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && typeof p[1] === 'string' && p[0] < p[1]);
}

/** Records (`apart`) or takes back the judgement that `a` and `b` are not the same event. */
export function setKeptApart(db: CorpusDb, a: string, b: string, apart: boolean): Promise<void> {
  if (a === b) return Promise.resolve();
  const pair = ordered(a, b);
  return db.transaction('rw', db.meta, async () => {
    const others = (await keptApartPairs(db)).filter((p) => !same(p, pair));
    await db.meta.put({ key: KEY, value: apart ? [...others, pair] : others });
  });
}

/** Adds judgements (an import's), each pair once. Call it inside the importing transaction. */
export async function addKeptApart(db: CorpusDb, pairs: readonly (readonly [string, string])[]): Promise<void> {
  const all = await keptApartPairs(db);
  const known = new Set(all.map(keyOf));
  const before = all.length;
  for (const [a, b] of pairs) {
    const pair = ordered(a, b);
    const key = keyOf(pair);
    if (a !== b && !known.has(key)) {
      known.add(key);
      all.push(pair);
    }
  }
  if (all.length !== before) await db.meta.put({ key: KEY, value: all });
}

/** Forgets every judgement about these URLs (their articles were deleted). Call it inside the deleting transaction. */
export async function forgetKeptApart(db: CorpusDb, urls: readonly string[]): Promise<void> {
  const gone = new Set(urls);
  const pairs = await keptApartPairs(db);
  const kept = pairs.filter(([a, b]) => !gone.has(a) && !gone.has(b));
  if (kept.length !== pairs.length) await db.meta.put({ key: KEY, value: kept });
}

/** The URLs judged not the same event as `url`. */
export async function keptApartFrom(db: CorpusDb, url: string): Promise<Set<string>> {
  const others = new Set<string>();
  for (const [a, b] of await keptApartPairs(db)) {
    if (a === url) others.add(b);
    else if (b === url) others.add(a);
  }
  return others;
}
