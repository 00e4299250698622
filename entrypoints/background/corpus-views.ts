/**
 * The corpus page's views that need the whole corpus or the analysis: stories (same-event groups
 * over the story index) and two stored articles side by side with what they share. Computed here
 * from `lib/`, where the texts and the index are; the page only renders the result.
 */
import { i18n } from '#i18n';
import { firstWords, labelStories } from '../../lib/index';
import { gradePrepared, prepare, type PreparedFeatures } from '../../lib/match';
import { featuresOf } from '../../extension/storage/analysis';
import { comparePrepared, prepareArticle } from '../../lib/compare';
import type { SideBySide, SideBySideArticle, SharedMark, StoryGroup } from '../../extension/protocol';
import type { CorpusDb } from '../../extension/storage/corpus-db';
import type { StoredArticle } from '../../extension/storage/article-record';
import { MAX_DETAIL_CHARS } from './compare-page';
import type { StoryIndex } from './story-index';

/**
 * Same-event stories of the stored corpus, largest first: the background's same-event links
 * (kept up to date as articles are saved and deleted) grouped, never the whole corpus graded
 * again. Only the grouped articles are read, for their titles. `apart`: pairs the reader marked
 * "not the same event" (`pairKey`), never in one story.
 */
export async function corpusStories(db: CorpusDb, stories: StoryIndex, apart?: ReadonlySet<string>): Promise<StoryGroup[]> {
  const links = await stories.storyLinks();
  const groups = links.stories({ apart });
  const ids = [...new Set(groups.flat())].map(Number);
  const index = await stories.get();
  const about = new Map<number, StoryGroup['articles'][number]>();
  const labels = new Map<string, string>();
  const prepared = new Map<string, PreparedFeatures>();
  for (const a of await db.articles.bulkGet(ids)) {
    if (!a) continue;
    about.set(a.id, { id: a.id, title: a.title, site: a.site, publishedTime: a.publishedTime, reasons: [] });
    labels.set(String(a.id), a.title || firstWords(a.text));
    prepared.set(String(a.id), prepare(featuresOf(a), index));
  }
  const published = (x: StoryGroup['articles'][number]) => (x.publishedTime ? Date.parse(x.publishedTime) || Infinity : Infinity);
  return labelStories(groups, links, (id) => labels.get(id)).flatMap((s) => {
    const members = s.ids.flatMap((id) => about.get(Number(id)) ?? []).sort((x, y) => published(x) - published(y) || x.id - y.id);
    // Why each article is in the story: what it shares with the article the story is named after.
    const lead = prepared.get(s.lead);
    for (const m of members) {
      const p = prepared.get(String(m.id));
      m.reasons = lead && p && String(m.id) !== s.lead ? gradePrepared(p, lead).reasons : [];
    }
    return members.length > 1 ? [{ ids: members.map((m) => m.id), title: s.label, articles: members }] : [];
  });
}

const side = (a: StoredArticle, marks: SharedMark[]): SideBySideArticle => ({
  id: a.id, title: a.title, site: a.site, language: a.language, publishedTime: a.publishedTime, url: a.url,
  text: a.text, paragraphs: a.paragraphs, marks: marks.sort((x, y) => x.start - y.start || y.end - x.end),
});

/**
 * Two stored articles with the quotations and passages they share marked in both texts; each
 * shared item has one number (`pair`) on both sides, so the page can go from one to the other.
 */
export async function compareStored(db: CorpusDb, idA: number, idB: number): Promise<SideBySide> {
  const [a, b] = await db.articles.bulkGet([idA, idB]);
  if (!a || !b) throw new Error(i18n.t('corpus.articleGone'));
  if (a.text.length > MAX_DETAIL_CHARS || b.text.length > MAX_DETAIL_CHARS) {
    return { a: side(a, []), b: side(b, []), quotes: 0, passages: 0, coverage: { a: 0, b: 0 }, detailSkipped: Math.max(a.text.length, b.text.length) };
  }
  const pair = comparePrepared(prepareArticle(a), prepareArticle(b));
  const marksA: SharedMark[] = [];
  const marksB: SharedMark[] = [];
  let n = 0;
  for (const q of pair.sharedQuotes) {
    marksA.push({ start: q.a.start, end: q.a.end, kind: 'quote', relation: q.relation, pair: n });
    marksB.push({ start: q.b.start, end: q.b.end, kind: 'quote', relation: q.relation, pair: n });
    n++;
  }
  for (const p of pair.passages) {
    marksA.push({ start: p.a.start, end: p.a.end, kind: 'passage', relation: p.kind, pair: n });
    marksB.push({ start: p.b.start, end: p.b.end, kind: 'passage', relation: p.kind, pair: n });
    n++;
  }
  return { a: side(a, marksA), b: side(b, marksB), quotes: pair.sharedQuotes.length, passages: pair.passages.length, coverage: pair.coverage };
}
