import type { Command } from './command';
import { UsageError } from './command';
import { extractPage, readPage } from '../read-page';
import type { NotArticleReason } from '../../lib/extract/types';
import { extractWithMeta } from '../corpus-folder';
import { RecordError } from '../stream/jsonl';
import { asObject, optionalString, recordId, type ArticleRecord } from '../stream/records';

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

/** What streaming `extract` writes per line: the article, and whether the page looked like one. */
export interface ExtractedRecord extends ArticleRecord {
  isArticle: boolean;
}

/**
 * One line of streaming `extract`: `{id, html}` (a page) or `{id, text}` (a text capture), with
 * optional `url`, `title`, `site`, `published` that win over the page's own, as a sidecar does.
 */
export function extractRecord(value: unknown): ExtractedRecord {
  const o = asObject(value);
  const id = recordId(o);
  const html = optionalString(o, 'html');
  const text = optionalString(o, 'text');
  if ((html === null) === (text === null)) throw new RecordError('give either "html" (a page) or "text" (a text capture)');
  const meta = { url: optionalString(o, 'url') ?? undefined, title: optionalString(o, 'title') ?? undefined, site: optionalString(o, 'site') ?? undefined, published: optionalString(o, 'published') ?? undefined };
  const a = extractWithMeta((html ?? text)!, html !== null, meta);
  return { id, title: a.title, text: a.text, language: a.language, site: a.siteName, published: a.publishedTime, url: a.url, isArticle: a.isArticle };
}

export const extract: Command = {
  usage: [
    'recoupe extract <file.html|file.txt> [--url URL]   Extract the article of a page or text capture.',
    'recoupe extract < pages.jsonl > articles.jsonl     Stream: {id, html|text, url?, title?, site?, published?} per line → articles.',
  ],
  options: { url: { type: 'string' } },
  async run(args, options) {
    if (args.length !== 1) throw new UsageError('extract takes one file');
    const url = options.url as string | undefined;
    if (url !== undefined && !URL.canParse(url)) throw new UsageError(`--url is not a URL: ${url}`);
    return extractFile(args[0]!, url);
  },
  async stream() {
    return extractRecord;
  },
};
