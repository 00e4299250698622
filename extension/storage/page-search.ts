/**
 * The corpus page's search, read by the page itself from the extension's database (issue 16:
 * every view instant, cold or warm). Through the background, a search made after Chrome stopped
 * the service worker (it does after ~30 s idle) waited for a new worker to start: its script
 * evaluated (57 ms with 5 articles, 244–340 ms at 100,000 under I/O contention), then the search
 * columns, the word index's runs and parts read again into an empty cache, 1.3–1.9 s in all at
 * 100,000. An extension page shares the extension's origin, hence its IndexedDB database: the page
 * runs the same `searchCorpus` on its own connection and keeps its own caches (`PartCache`, the
 * search columns, the runs), which stay warm as long as the page is open, whatever the worker does.
 * Measured in Chromium (scripts/probe/page-search.ts, one run, load 2–6): at 20,000 articles, one
 * word, three words, a phrase, 50 rows: through the background 58–78 ms warm and 136–210 ms with the
 * worker stopped, here 21–38 and 5–23 ms; at 100,000 with the worker stopped, 5–9 ms here against
 * 765–1179 ms; warm, while the background works off an import's backlog, 16–85 ms here against
 * 289–538 (the first search of a page just opened: 198–703 ms). Those figures were of a corpus
 * whose import left 422 runs in the word index, not yet merged (the background merges them, ~0.6
 * runs a second while its worker is awake, to 35): a search reads at least one part per run and
 * word (three words: ~1,300 parts, 450–700 ms of the page's first search, which no cache of a page
 * just opened can spare). Once merged (probe, two rounds, load 4–5): one word, three words, a
 * phrase, the first search of a page just opened 27–48 ms, warm 4–11, worker stopped 3–9.
 * Firefox (153 ESR) lists the database too (`recoupe-corpus`, version 140): its corpus page searches
 * itself, with the background's answers (5 samples, checked with firefox-esr and puppeteer-core).
 * The cost: the page loads the database's code (1.5 MB with the language model its writes need),
 * its first list after 94 ms against 70 with the 5 samples and the worker running.
 *
 * Only reads. The background keeps every write (saves, imports, deletes, merges, upgrades); the
 * caches are exact across connections by construction (the corpus version, the change list and
 * the run numbers, read in each search's transaction: corpus.ts `searchRuns`, search-columns.ts).
 * The one write a search may make, the search columns' snapshot, is checked against the change
 * list in its own transaction (search-columns.ts `writeSnapshot`), as from any connection.
 *
 * The page never opens the database to upgrade it: it opens it only when it is stored at this
 * build's version (`indexedDB.databases()`), else (no database yet, another version, a browser
 * without `databases()`) the background answers as before, and opens and upgrades it. A connection
 * another asks to close for an upgrade or a deletion (`versionchange`) is closed by Dexie and not
 * used again (Dexie would reopen it at the next read, as this build's version, making a deleted
 * database again): the next search opens another once the version checks again.
 * Articles whose words are still to index (an import's, words-later.ts) are searched as the
 * background searches them: the listing answers at once from the words indexed and says how many
 * articles it did not look in; the background indexes them from the import's end and tells the
 * page when they are all indexed, which lists again (entrypoints/corpus/use-corpus-search.ts).
 * Such a search used to go to the background, which waited up to 5 s for them: every search took
 * 5–6 s for minutes after a large import (~3.5 min at 100,000).
 */
import { CorpusDb } from './corpus-db';
import { prepareSearch, searchCorpus, type CorpusListing, type CorpusSearch } from './corpus';

/** Name and version of each database of the origin, as `indexedDB.databases()` gives them (null: not available). */
export type ListDatabases = () => Promise<{ name?: string; version?: number }[] | null>;

const listDatabases: ListDatabases = async () => (typeof indexedDB !== 'undefined' && typeof indexedDB.databases === 'function' ? indexedDB.databases() : null);

export class PageSearch {
  private db: CorpusDb | null = null;
  /** The connection being opened (one at a time). */
  private opening: Promise<CorpusDb | null> | null = null;
  /** The connection whose search reads were read ahead (`prepareSearch`), once per connection. */
  private prepared: CorpusDb | null = null;

  constructor(
    private readonly name = 'recoupe-corpus',
    private readonly databases: ListDatabases = listDatabases,
  ) {}

  /** The listing `searchCorpus` gives, read here; null when the background must answer (see the module's comment). */
  async search(search: CorpusSearch): Promise<CorpusListing | null> {
    const db = await this.connection();
    if (!db) return null;
    try {
      const listing = await searchCorpus(db, search);
      // Once a list is shown (the page's first, without words, reads no runs): what the first search of words would read first.
      if (this.prepared !== db) {
        this.prepared = db;
        setTimeout(() => void prepareSearch(db).catch(() => undefined), 0);
      }
      return listing;
    } catch {
      // A connection closed under the search (an upgrade, a deletion) or a failed read: the background answers, and says why if it cannot.
      return null;
    }
  }

  /** Closes the connection (the page is leaving; tests). */
  close(): void {
    this.db?.close();
    this.db = null;
  }

  private async connection(): Promise<CorpusDb | null> {
    // Closed: by Dexie on `versionchange` (see the module's comment), or by `close`.
    if (this.db?.isOpen()) return this.db;
    this.db = null;
    this.opening ??= this.open().finally(() => (this.opening = null));
    return this.opening;
  }

  private async open(): Promise<CorpusDb | null> {
    const db = new CorpusDb(this.name);
    let listed: { name?: string; version?: number }[] | null;
    try {
      listed = await this.databases();
    } catch {
      return null;
    }
    // Dexie stores version n as IndexedDB version 10n (dexie.mjs `nativeVerToOpen`).
    const stored = listed?.find((d) => d.name === this.name)?.version;
    if (stored !== Math.round(db.verno * 10)) return null;
    try {
      await db.open();
    } catch {
      return null;
    }
    this.db = db;
    return db;
  }
}
