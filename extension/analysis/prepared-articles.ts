/**
 * Stored articles prepared for comparison (their quotations, the words of their passages: lib/compare's
 * `prepareArticle`), kept by id and version (`updatedAt`) for every page they are compared with (in the analysis worker),
 * not prepared again for each page: a least-recently-used cache bounded by the length of the texts
 * it holds, forgotten when an article is saved again or deleted.
 */
import { prepareArticle, type PreparedArticle } from '../../lib/compare';
import { articleFraming, type ArticleFraming, type FramingDeadline } from '../../lib/framing';
import { framingInputOf } from '../../lib/framing/view';
import type { StoredArticle } from '../storage/article-record';

/** Characters of text whose preparations the background keeps (a prepared article holds a few times its text in tokens). */
export const PREPARED_CHARS = 4_000_000;

export class PreparedArticles {
  /** By article id, least recently used first (a Map keeps insertion order). */
  private cache = new Map<number, { version: string; length: number; prepared: PreparedArticle; framing?: ArticleFraming }>();
  private chars = 0;

  constructor(private readonly maxChars = PREPARED_CHARS) {}

  /** `article` prepared, from the cache when this version of it was prepared already. */
  get(article: StoredArticle): PreparedArticle {
    const known = this.cache.get(article.id);
    if (known && known.version === article.updatedAt && known.length === article.text.length) {
      this.cache.delete(article.id);
      this.cache.set(article.id, known);
      return known.prepared;
    }
    this.forget([article.id]);
    const prepared = prepareArticle(article);
    this.cache.set(article.id, { version: article.updatedAt, length: article.text.length, prepared });
    this.chars += article.text.length;
    for (const [id, entry] of this.cache) {
      if (this.chars <= this.maxChars || this.cache.size === 1) break;
      this.cache.delete(id);
      this.chars -= entry.length;
    }
    return prepared;
  }

  /**
   * `article`'s framing features (lib/framing `articleFraming`: actors, stance, sources, its
   * sentences stemmed), made once per version like its preparation and kept with it: per-article
   * work that every page's framing beside it made again (issue 20).
   */
  framing(article: StoredArticle, deadline?: FramingDeadline): ArticleFraming {
    const prepared = this.get(article);
    const entry = this.cache.get(article.id)!;
    return (entry.framing ??= articleFraming(framingInputOf(article, prepared), deadline));
  }

  /** Forget the preparations of articles saved again or deleted. */
  forget(ids: Iterable<number>): void {
    for (const id of ids) {
      const known = this.cache.get(id);
      if (!known) continue;
      this.cache.delete(id);
      this.chars -= known.length;
    }
  }

  /** Articles whose preparation is kept, and the characters of their texts. */
  size(): { articles: number; chars: number } {
    return { articles: this.cache.size, chars: this.chars };
  }
}

