/** The list of articles: a checkbox per row, the snippet where the search found the words, the columns. */
import { memo } from 'preact/compat';
import { i18n } from '#i18n';
import type { ListedArticle } from '../../extension/storage/corpus';
import { localDate, localNumber } from '../../extension/ui/format';
import { languageLabel } from './format';

interface RowProps {
  article: ListedArticle;
  selected: boolean;
  onToggle: (id: number) => void;
  onOpen: (id: number) => void;
  onCompare: (id: number) => void;
}

/** What a row shows of its article: two listings' rows that show the same are the same. */
const shownOf = (a: ListedArticle) => [a.id, a.title, a.url, a.origin, a.site, a.language, a.publishedTime, a.savedAt, a.wordCount, a.snippet?.before, a.snippet?.match, a.snippet?.after];
function sameShown(a: ListedArticle, b: ListedArticle): boolean {
  if (a === b) return true;
  const [was, now] = [shownOf(a), shownOf(b)];
  return was.every((v, i) => Object.is(v, now[i]));
}

function Row({ article: a, selected, onToggle, onOpen, onCompare }: RowProps) {
  const title = a.title ?? i18n.t('corpus.untitled');
  return (
    <tr data-testid="article-row" data-id={a.id} data-url={a.url} class={selected ? 'selected' : undefined}>
      {/* The checkbox shares the title's cell: the title button stays the row's first. */}
      <td>
        <div class="with-check">
          <input type="checkbox" checked={selected} onChange={() => onToggle(a.id)} aria-label={i18n.t('corpus.selectArticle', [title])} data-testid="select-row" />
          <div>
            <button class="link" onClick={() => onOpen(a.id)} data-testid="row-title">{title}</button>
            {a.origin === 'sample' && <span class="tag">{i18n.t('corpus.sampleTag')}</span>}
            {a.snippet && (
              <p class="snippet" data-testid="snippet">
                {a.snippet.before}<mark>{a.snippet.match}</mark>{a.snippet.after}
              </p>
            )}
          </div>
        </div>
      </td>
      <td data-testid="row-site">{a.site ?? ''}</td>
      <td data-testid="row-language" data-value={a.language ?? ''}>{a.language ? languageLabel(a.language) : ''}</td>
      <td class="date" data-testid="row-published" data-value={a.publishedTime ?? ''}>{localDate(a.publishedTime)}</td>
      <td class="date">{localDate(a.savedAt)}</td>
      <td class="num">{localNumber(a.wordCount)}</td>
      <td class="actions">
        <button onClick={() => onCompare(a.id)} aria-label={i18n.t('corpus.compareArticle', [title])} data-testid="row-compare">{i18n.t('corpus.compare')}</button>
      </td>
    </tr>
  );
}

/**
 * A row is drawn again only when what it shows, its tick or its actions change: the page renders
 * again for many reasons (a message, a tick, a listing read again after a save, a deletion, an
 * import's part or its words indexed), and each render drew the 200 rows again (their dates,
 * numbers and language names formatted), even when none had changed. The actions must be stable
 * functions (the page's are).
 */
const ArticleRow = memo(Row, (was, now) =>
  was.selected === now.selected && was.onToggle === now.onToggle && was.onOpen === now.onOpen && was.onCompare === now.onCompare && sameShown(was.article, now.article));

export function ArticleTable({ articles, selected, onToggle, onToggleAll, onOpen, onCompare }: {
  articles: ListedArticle[];
  selected: ReadonlySet<number>;
  onToggle: (id: number) => void;
  /** Selects every shown row, or unselects them when all are selected. */
  onToggleAll: () => void;
  onOpen: (id: number) => void;
  onCompare: (id: number) => void;
}) {
  const allShown = articles.length > 0 && articles.every((a) => selected.has(a.id));
  const someShown = articles.some((a) => selected.has(a.id));
  return (
    <table class="articles" data-testid="articles">
      <thead>
        <tr>
          <th>
            <span class="with-check">
              <input
                type="checkbox"
                checked={allShown}
                ref={(el) => { if (el) el.indeterminate = someShown && !allShown; }}
                onChange={onToggleAll}
                aria-label={i18n.t('corpus.selectShown')}
                data-testid="select-shown"
              />
              {i18n.t('corpus.columnTitle')}
            </span>
          </th>
          <th>{i18n.t('corpus.columnSite')}</th>
          <th>{i18n.t('corpus.columnLanguage')}</th>
          <th>{i18n.t('corpus.columnPublished')}</th>
          <th>{i18n.t('corpus.columnSaved')}</th>
          <th class="num">{i18n.t('corpus.columnWords')}</th>
          <th><span class="visually-hidden">{i18n.t('corpus.columnActions')}</span></th>
        </tr>
      </thead>
      <tbody>
        {articles.map((a) => (
          <ArticleRow key={a.id} article={a} selected={selected.has(a.id)} onToggle={onToggle} onOpen={onOpen} onCompare={onCompare} />
        ))}
      </tbody>
    </table>
  );
}
