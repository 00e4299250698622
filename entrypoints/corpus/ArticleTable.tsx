/** The list of articles: a checkbox per row, the snippet where the search found the words, the columns. */
import { i18n } from '#i18n';
import type { ListedArticle } from '../../extension/storage/corpus';
import { localDate, localNumber } from '../../extension/ui/format';
import { languageLabel } from './format';

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
        {articles.map((a) => {
          const title = a.title ?? i18n.t('corpus.untitled');
          return (
            <tr key={a.id} data-testid="article-row" data-id={a.id} data-url={a.url} class={selected.has(a.id) ? 'selected' : undefined}>
              {/* The checkbox shares the title's cell: the title button stays the row's first. */}
              <td>
                <div class="with-check">
                  <input type="checkbox" checked={selected.has(a.id)} onChange={() => onToggle(a.id)} aria-label={i18n.t('corpus.selectArticle', [title])} data-testid="select-row" />
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
        })}
      </tbody>
    </table>
  );
}
