/**
 * The page compared with the corpus: the stored articles on the same event and on the same
 * storyline (from the story index), then, against those, the quotations and passages the page
 * shares with them. Everything is computed here, in the background, from `lib/`; the panel only
 * renders the result.
 */
import { computeFeatures } from '../../lib/match';
import { matchPageAsync } from '../../lib/index';
import { comparePrepared, coverageOfPage, markRuns, prepareArticle, type PairComparison, type PreparedArticle } from '../../lib/compare';
import type { ExtractedArticle } from '../../lib/extract/types';
import { compareFraming } from '../../lib/framing';
import type { FramingView, PageComparison, SharedQuoteView, StoryMatchView } from '../../extension/protocol';
import type { CorpusDb } from '../../extension/storage/corpus-db';
import type { StoredArticle } from '../../extension/storage/article-record';
import type { StoryIndex } from './story-index';

/** How many articles of each grade are listed and compared in detail. */
const MAX_PER_GRADE = 10;

/**
 * Quotes and passages are compared only for texts up to this length: quote extraction grows faster
 * than linearly on very long texts, and a news article is far shorter (a long one is 60,000
 * characters). Longer pages still get their same-story lists.
 */
export const MAX_DETAIL_CHARS = 200_000;

/** Quotations of the page, grouped by where they are in the page, with every stored version. */
function groupQuotes(page: PreparedArticle, compared: { article: StoredArticle; comparison: PairComparison }[]): SharedQuoteView[] {
  const byPageSpan = new Map<string, SharedQuoteView & { start: number }>();
  for (const { article, comparison } of compared) {
    for (const q of comparison.sharedQuotes) {
      const key = `${q.a.start}:${q.a.end}`;
      const view = byPageSpan.get(key) ?? { start: q.a.start, pageText: page.text.slice(q.a.start, q.a.end), speaker: q.speaker, versions: [] };
      view.speaker ??= q.speaker;
      view.versions.push({
        articleId: article.id,
        relation: q.relation,
        otherText: article.text.slice(q.b.start, q.b.end),
        diff: q.relation === 'exact' ? [] : q.diff.map((d) => ({ op: d.op, text: d.text })),
      });
      byPageSpan.set(key, view);
    }
  }
  return [...byPageSpan.values()].sort((x, y) => x.start - y.start).map(({ start: _start, ...view }) => view);
}

/** Items of each omission list, and actors, shown. */
const MAX_OMISSIONS = 5;
const MAX_ACTORS = 12;

/** The framing of the page beside one stored version, as the panel shows it. */
function framingView(page: PreparedArticle & { title: string | null }, other: StoredArticle, prepared: PreparedArticle): FramingView {
  const f = compareFraming({ ...page, quotes: page.quotes }, { title: other.title, text: other.text, language: other.language, quotes: prepared.quotes });
  type Label = (typeof f.actors)[number]['a'][number];
  // Each distinct label once per side (an article repeats a name many times).
  const labels = (list: Label[]) => {
    const seen = new Set<string>();
    return list
      .filter((l) => {
        const key = l.text.toLowerCase();
        return !seen.has(key) && seen.add(key);
      })
      .map((l) => ({ text: l.text, modifiers: l.modifiers.map((m) => m.text), note: l.note }));
  };
  const names = (list: { name: string; actor: string }[]) => list.map((x) => x.name);
  const actorsA = new Set(f.sources.a.map((x) => x.actor));
  const actorsB = new Set(f.sources.b.map((x) => x.actor));
  return {
    articleId: other.id,
    // Actors both versions name, and name differently: the rest says nothing about framing.
    actors: f.actors
      .filter((r) => r.a.length > 0 && r.b.length > 0 && r.differs)
      .slice(0, MAX_ACTORS)
      .map((r) => ({ actor: r.actor, differs: r.differs, page: labels(r.a), other: labels(r.b) })),
    hedges: { page: f.hedges.a.map(({ text, kind }) => ({ text, kind })), other: f.hedges.b.map(({ text, kind }) => ({ text, kind })) },
    sources: {
      onlyPage: names(f.sources.a.filter((x) => !actorsB.has(x.actor))),
      onlyOther: names(f.sources.b.filter((x) => !actorsA.has(x.actor))),
      both: names(f.sources.a.filter((x) => actorsB.has(x.actor))),
    },
    omissions: {
      onlyPage: f.omissions.onlyA.slice(0, MAX_OMISSIONS).map((x) => x.text),
      onlyOther: f.omissions.onlyB.slice(0, MAX_OMISSIONS).map((x) => x.text),
    },
    headlines: { page: f.headlines.a?.text ?? null, other: f.headlines.b?.text ?? null, note: f.headlines.note },
  };
}

export async function comparePage(db: CorpusDb, stories: StoryIndex, article: ExtractedArticle, savedId: number | null): Promise<PageComparison> {
  const corpusSize = await db.articles.count();
  const index = await stories.get();
  const matches = await matchPageAsync(index, computeFeatures(article), (ids) => stories.features(ids), {
    exclude: savedId === null ? undefined : String(savedId),
  });
  const same = matches.filter((m) => m.relation === 'same').slice(0, MAX_PER_GRADE);
  const related = matches.filter((m) => m.relation === 'related').slice(0, MAX_PER_GRADE);
  const chosen = [...same, ...related];
  const stored = new Map((await db.articles.bulkGet(chosen.map((m) => Number(m.id)))).filter((a) => a !== undefined).map((a) => [a.id, a]));

  const view = (m: (typeof chosen)[number]): StoryMatchView[] => {
    const a = stored.get(Number(m.id));
    return a ? [{ id: a.id, title: a.title, site: a.site, publishedTime: a.publishedTime, relation: m.relation as 'same' | 'related', score: m.score, reasons: m.reasons }] : [];
  };

  const tooLong = article.text.length > MAX_DETAIL_CHARS;
  const page = prepareArticle(tooLong ? { ...article, text: '' } : article);
  const compared = tooLong
    ? []
    : [...stored.values()].filter((a) => a.text.length <= MAX_DETAIL_CHARS).map((a) => {
        const prepared = prepareArticle(a);
        return { article: a, prepared, comparison: comparePrepared(page, prepared) };
      });
  // Framing against the closest version: the best same-event article, else the best related one;
  // a copy of the page itself (nearly all its text shared) has no framing of its own to show.
  const closest = chosen
    .map((m) => compared.find((c) => String(c.article.id) === m.id))
    .find((c) => c !== undefined && c.comparison.coverage.a < 0.9);
  return {
    ...(tooLong ? { detailSkipped: `This page is too long (${article.text.length.toLocaleString('en')} characters) to compare quotations and passages; Recoupe does so up to ${MAX_DETAIL_CHARS.toLocaleString('en')}.` } : {}),
    corpusSize,
    same: same.flatMap(view),
    related: related.flatMap(view),
    quotes: groupQuotes(page, compared),
    framing: closest ? framingView({ ...page, title: article.title }, closest.article, closest.prepared) : null,
    passages: compared.flatMap(({ article: a, comparison }) =>
      comparison.passages.map((p) => ({
        articleId: a.id,
        kind: p.kind,
        similarity: p.similarity,
        pageText: page.text.slice(p.a.start, p.a.end),
        page: markRuns(page.text, p.a, p.edits.map((e) => e.a)),
        other: markRuns(a.text, p.b, p.edits.map((e) => e.b)),
      })),
    ),
    coverage: {
      overall: coverageOfPage(page, compared.map((c) => c.comparison)),
      byArticle: compared.map(({ article: a, comparison }) => ({ articleId: a.id, coverage: comparison.coverage.a })).filter((c) => c.coverage > 0),
    },
  };
}
