/**
 * The background's same-story index: loaded from the corpus database (or rebuilt from the stored
 * articles when missing, damaged or out of step), updated as articles are saved and deleted, and
 * written back a moment after the last change.
 */
import { CorpusIndex, GRADE_ALL_BELOW, loadOrRebuild } from '../../lib/index';
import type { ArticleFeatures } from '../../lib/match';
import type { CorpusDb } from '../../extension/storage/corpus-db';
import { featuresOf } from '../../extension/storage/analysis';
import { getMeta, setMeta } from '../../extension/storage/corpus';

const INDEX_KEY = 'storyIndex';
const PERSIST_DELAY_MS = 2_000;

export class StoryIndex {
  private index: Promise<CorpusIndex> | null = null;
  /** Articles in the index when it was last built whole. */
  private builtSize = 0;
  private persistTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly db: CorpusDb) {}

  /** The index, loading or rebuilding it on first use. */
  get(): Promise<CorpusIndex> {
    this.index ??= this.load(false).catch((error: unknown) => {
      this.index = null; // Try again next time rather than keep a failure.
      throw error;
    });
    return this.index;
  }

  private async load(forceRebuild: boolean): Promise<CorpusIndex> {
    const [serialised, articles] = await Promise.all([
      getMeta<string>(this.db, INDEX_KEY),
      this.db.articles.toArray(),
    ]);
    const entries = articles.map((a) => ({ id: String(a.id), features: featuresOf(a) }));
    const { index, rebuilt, reason } = loadOrRebuild(forceRebuild ? null : serialised, () => entries, entries.map((e) => e.id));
    this.builtSize = index.size;
    if (rebuilt) {
      if (serialised) console.info(`Recoupe: story index rebuilt (${reason})`);
      this.schedulePersist();
    }
    return index;
  }

  async add(id: number, features: ArticleFeatures): Promise<void> {
    const index = await this.get();
    index.add(String(id), features);
    // The keys an article is found by are chosen with the word frequencies of its day; once the
    // corpus has doubled, choose them again for all (amortised, like a growing array).
    if (index.size >= GRADE_ALL_BELOW && index.size >= 2 * this.builtSize) this.index = this.load(true);
    this.schedulePersist();
  }

  async remove(ids: number[]): Promise<void> {
    const index = await this.get();
    for (const id of ids) index.remove(String(id));
    this.schedulePersist();
  }

  /** Features of stored articles by id, for re-ranking candidates. */
  async features(ids: string[]): Promise<(ArticleFeatures | undefined)[]> {
    const articles = await this.db.articles.bulkGet(ids.map(Number));
    return articles.map((a) => (a ? featuresOf(a) : undefined));
  }

  private schedulePersist(): void {
    if (this.persistTimer) clearTimeout(this.persistTimer);
    this.persistTimer = setTimeout(() => {
      this.persistTimer = null;
      void this.get()
        .then((index) => setMeta(this.db, INDEX_KEY, index.serialize()))
        .catch((error: unknown) => console.warn('Recoupe: could not store the story index; it will be rebuilt', error));
    }, PERSIST_DELAY_MS);
  }
}
