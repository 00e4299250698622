/** One stored article, read in full (its text as text, never HTML). */
import { i18n } from '#i18n';
import type { StoredArticle } from '../../extension/storage/article-record';
import { isWebUrl, localDate } from '../../extension/ui/format';
import { languageLabel } from './format';
import { VersionsPanel } from './VersionsPanel';

export function Reader({ article, onClose, onCompare }: { article: StoredArticle; onClose: () => void; onCompare: () => void }) {
  return (
    <section class="reader card" aria-labelledby="reader-title" data-testid="reader">
      <div class="reader-head">
        <div>
          <p class="meta">{[article.site, languageLabel(article.language), localDate(article.publishedTime)].filter(Boolean).join(' · ')}</p>
          <h2 id="reader-title">{article.title ?? i18n.t('corpus.untitled')}</h2>
          {isWebUrl(article.url) && <a href={article.url} target="_blank" rel="noopener noreferrer" class="meta">{article.url}</a>}
        </div>
        <div class="buttons">
          <button onClick={onCompare} data-testid="reader-compare">{i18n.t('corpus.sideBySide')}</button>
          <button onClick={onClose} aria-label={i18n.t('corpus.closeArticle')}>{i18n.t('corpus.close')}</button>
        </div>
      </div>
      <VersionsPanel key={article.id} articleId={article.id} lang={article.language ?? undefined} />
      {article.paragraphs.map((p) => <p key={p.start}>{article.text.slice(p.start, p.end)}</p>)}
    </section>
  );
}
