/**
 * A storyline timeline (issue 17, item 4): the events related to some stored articles (and to the
 * tab's page), each event a same-event story of the corpus or an article alone, in date order with
 * its reports — ordered by lib/timeline `storylineTimeline`, grouped by the background's
 * same-event links (the Stories view's stories), related by lib/corpus-index's matching.
 */
import { firstWords, labelStories } from '../../lib/corpus-index';
import { storylineTimeline, type Dated } from '../../lib/timeline';
import type { StorylineEventView, StorylinePage, StorylineVersion } from '../../extension/protocol';
import type { CorpusDb } from '../../extension/storage/corpus-db';
import { readableArticle, type ArticleSummary } from '../../extension/storage/article-record';
import { keptApartKeys } from './corpus-views';
import type { StoryIndex } from './story-index';

/** Articles of a story whose related articles are looked up (`expand`): a story's first reports say what its storyline is. */
const EXPANDED_MEMBERS = 5;

/** Stored articles on the same event or storyline as any of `ids` (matching each against the corpus). */
async function relatedTo(stories: StoryIndex, ids: number[]): Promise<number[]> {
  const found = new Set<number>();
  const members = ids.slice(0, EXPANDED_MEMBERS).map(String);
  const features = await stories.features(members);
  for (const [i, id] of members.entries()) {
    const f = features[i];
    if (!f) continue;
    for (const m of (await stories.match(f, { exclude: id })).matches) found.add(Number(m.id));
  }
  return [...found];
}

/**
 * The events of the storyline of stored articles `ids` (with those related to them when `expand`)
 * and of the page when given, in date order. The current event is the page's, else the one of `ids`.
 */
export async function storyline(db: CorpusDb, stories: StoryIndex, req: { ids: number[]; expand: boolean; page?: StorylinePage }): Promise<StorylineEventView[]> {
  const page = req.page;
  const ownIds = new Set(page ? [...page.sameAs, ...(page.id === null ? [] : [page.id])] : req.ids);
  const ids = new Set([...req.ids, ...ownIds, ...(req.expand ? await relatedTo(stories, req.ids) : [])]);
  // Each article's event: the same-event story it is in (all of that story's articles, from the
  // background's stories: nothing grouped again), else itself alone. These articles are linked
  // first when still queued; the rest of the queue is not waited for.
  const { links, groups } = await stories.storyGroupsOf([...ids].map(String), await keptApartKeys(db));
  const events: string[][] = [];
  const inEvent = new Set<string>();
  for (const id of ids) {
    const story = groups.of(String(id));
    if (!story || inEvent.has(story[0]!)) continue;
    events.push([...story]);
    for (const m of story) inEvent.add(m);
  }
  for (const id of ids) if (!inEvent.has(String(id))) events.push([String(id)]);

  // Their summaries (no text), and the first words of those without a title.
  const articles = new Map<string, ArticleSummary>();
  for (const a of await db.summaries.bulkGet(events.flat().map(Number))) if (a) articles.set(String(a.id), a);
  const firstWordsOf = new Map<string, string>();
  const untitled = [...articles.values()].filter((a) => !a.title).map((a) => a.id);
  for (const found of untitled.length ? await db.articles.bulkGet(untitled) : []) {
    const a = found ? readableArticle(found) : null;
    if (a) firstWordsOf.set(String(a.id), firstWords(a.text));
  }
  const label = (id: string) => {
    const a = articles.get(id);
    return a ? a.title || firstWordsOf.get(id) || null : null;
  };
  type Version = Omit<StorylineVersion, 'time' | 'basis'>;
  // The page stands for its stored copy, in the first event holding its copy or an article of its event.
  const pageVersion: Dated<Version> | null = page ? { key: { id: null, title: page.title, site: page.site }, publishedTime: page.publishedTime, firstSeen: page.firstSeen } : null;
  const pageEvent = events.find((e) => e.some((id) => ownIds.has(Number(id))));
  const inputs = labelStories(events, links, label).map((e) => {
    const withPage = pageVersion !== null && pageEvent !== undefined && e.ids.includes(pageEvent[0]!);
    // One current event: the page's, else those holding the articles asked about.
    const current = page ? withPage : e.ids.some((id) => ownIds.has(Number(id)));
    const versions: Dated<Version>[] = e.ids.flatMap((id) => {
      const a = articles.get(id);
      return a && a.id !== page?.id ? [{ key: { id: a.id, title: a.title, site: a.site }, publishedTime: a.publishedTime, firstSeen: a.savedAt }] : [];
    });
    return { key: { title: e.label, current }, versions: withPage ? [pageVersion, ...versions] : versions };
  }).filter((e) => e.versions.length > 0);
  if (pageVersion && !pageEvent) inputs.push({ key: { title: page!.title ?? '', current: true }, versions: [pageVersion] });
  return storylineTimeline(inputs).map((e) => ({
    title: e.key.title,
    current: e.key.current,
    time: e.time,
    basis: e.basis,
    versions: e.versions.map((v) => ({ ...v.key, time: v.time, basis: v.basis })),
  }));
}
