import type { Command } from './command';
import { UsageError } from './command';
import { extractPage, readPage } from '../read-page';
import type { NotArticleReason } from '../../lib/extract/types';

/** The JSON that `recoupe extract` prints: stable field names for scripts. */
export interface ExtractOutput {
  title: string | null;
  language: string | null;
  isArticle: boolean;
  /** The body without the title; every offset below indexes into it. */
  text: string;
  paragraphs: { start: number; end: number }[];
  boilerplate: string[];
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  canonicalUrl: string | null;
  articleReasons: string[];
  /** When not an article: why, as codes (`lib/extract`'s `NotArticleReason`). */
  notArticle: NotArticleReason[];
}

export async function extractFile(path: string, url?: string): Promise<ExtractOutput> {
  const { content, isHtml } = await readPage(path);
  const a = extractPage(content, isHtml, url);
  return {
    title: a.title,
    language: a.language,
    isArticle: a.isArticle,
    text: a.text,
    paragraphs: a.paragraphs.map(({ start, end }) => ({ start, end })),
    boilerplate: a.boilerplate,
    byline: a.byline,
    siteName: a.siteName,
    publishedTime: a.publishedTime,
    canonicalUrl: a.canonicalUrl,
    articleReasons: a.articleReasons,
    notArticle: a.notArticle ?? [],
  };
}

export const extract: Command = {
  usage: ['recoupe extract <file.html|file.txt> [--url URL]   Extract the article of a page or text capture.'],
  options: { url: { type: 'string' } },
  async run(args, options) {
    if (args.length !== 1) throw new UsageError('extract takes one file');
    const url = options.url as string | undefined;
    if (url !== undefined && !URL.canParse(url)) throw new UsageError(`--url is not a URL: ${url}`);
    return extractFile(args[0]!, url);
  },
};
