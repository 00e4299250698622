/** The search box, the filters (site, language, how articles came in, published dates) and the order of the list. */
import { i18n } from '#i18n';
import type { CorpusSort, Facet } from '../../extension/storage/corpus';
import { localNumber } from '../../extension/ui/format';
import { languageLabel } from './format';

export interface ListParams {
  query: string;
  site: string | null;
  language: string | null;
  /** How the articles came in (`ArticleOrigin`). */
  origin: string | null;
  from: string;
  to: string;
  sort: CorpusSort;
  direction: 'asc' | 'desc';
}

export const DEFAULT_PARAMS: ListParams = { query: '', site: null, language: null, origin: null, from: '', to: '', sort: 'relevance', direction: 'desc' };

/** Whether any filter narrows the list (the search words aside). */
export const filtered = (p: ListParams) => p.site !== null || p.language !== null || p.origin !== null || !!p.from || !!p.to;

const SORTS: CorpusSort[] = ['relevance', 'saved', 'published', 'title', 'site', 'words'];
const sortLabel = (s: CorpusSort) => ({
  relevance: i18n.t('corpus.sortRelevance'),
  saved: i18n.t('corpus.sortSaved'),
  published: i18n.t('corpus.sortPublished'),
  title: i18n.t('corpus.sortTitle'),
  site: i18n.t('corpus.sortSite'),
  words: i18n.t('corpus.sortWords'),
})[s];

/** A facet's option: its value (`''` for none) and how many articles it has. */
function FacetSelect({ label, all, facets, value, name, onChange, testId }: {
  label: string; all: string; facets: Facet[]; value: string | null; name: (v: string) => string; onChange: (v: string | null) => void; testId: string;
}) {
  // The chosen value stays listed even when the other filters leave it no article.
  const options = value !== null && !facets.some((f) => f.value === value) ? [...facets, { value, count: 0 }] : facets;
  return (
    <label class="filter">
      <span>{label}</span>
      <select value={value ?? '\u0000all'} onChange={(e) => { const v = e.currentTarget.value; onChange(v === '\u0000all' ? null : v); }} data-testid={testId}>
        <option value={'\u0000all'}>{all}</option>
        {options.map((f) => <option key={f.value} value={f.value}>{`${name(f.value)} (${localNumber(f.count)})`}</option>)}
      </select>
    </label>
  );
}

const ORIGIN_LABELS = { page: 'corpus.origin.page', sample: 'corpus.origin.sample', import: 'corpus.origin.import', followed: 'corpus.origin.followed' } as const;
const originLabel = (v: string) => (v in ORIGIN_LABELS ? i18n.t(ORIGIN_LABELS[v as keyof typeof ORIGIN_LABELS]) : v);

export function Filters({ params, sites, languages, origins, onChange }: {
  params: ListParams; sites: Facet[]; languages: Facet[]; origins: Facet[]; onChange: (p: Partial<ListParams>) => void;
}) {
  return (
    <div class="filters" role="group" aria-label={i18n.t('corpus.filtersLabel')}>
      <input
        type="search"
        class="search"
        placeholder={i18n.t('corpus.searchPlaceholder')}
        aria-label={i18n.t('corpus.searchLabel')}
        value={params.query}
        onInput={(e) => onChange({ query: e.currentTarget.value })}
        data-testid="search"
      />
      <FacetSelect label={i18n.t('corpus.filterSite')} all={i18n.t('corpus.allSites')} facets={sites} value={params.site} name={(v) => v || i18n.t('corpus.noSite')} onChange={(site) => onChange({ site })} testId="filter-site" />
      <FacetSelect label={i18n.t('corpus.filterLanguage')} all={i18n.t('corpus.allLanguages')} facets={languages} value={params.language} name={(v) => languageLabel(v || null)} onChange={(language) => onChange({ language })} testId="filter-language" />
      <FacetSelect label={i18n.t('corpus.filterOrigin')} all={i18n.t('corpus.allOrigins')} facets={origins} value={params.origin} name={originLabel} onChange={(origin) => onChange({ origin })} testId="filter-origin" />
      <label class="filter">
        <span>{i18n.t('corpus.publishedFrom')}</span>
        <input type="date" value={params.from} max={params.to || undefined} onChange={(e) => onChange({ from: e.currentTarget.value })} data-testid="filter-from" />
      </label>
      <label class="filter">
        <span>{i18n.t('corpus.publishedTo')}</span>
        <input type="date" value={params.to} min={params.from || undefined} onChange={(e) => onChange({ to: e.currentTarget.value })} data-testid="filter-to" />
      </label>
      <label class="filter">
        <span>{i18n.t('corpus.sortBy')}</span>
        <select value={params.sort} onChange={(e) => onChange({ sort: e.currentTarget.value as CorpusSort })} data-testid="sort">
          {SORTS.map((s) => <option key={s} value={s}>{sortLabel(s)}</option>)}
        </select>
      </label>
      <button
        class="direction"
        onClick={() => onChange({ direction: params.direction === 'asc' ? 'desc' : 'asc' })}
        aria-label={params.direction === 'asc' ? i18n.t('corpus.ascending') : i18n.t('corpus.descending')}
        title={params.direction === 'asc' ? i18n.t('corpus.ascending') : i18n.t('corpus.descending')}
        data-testid="sort-direction"
        data-direction={params.direction}
      >
        {params.direction === 'asc' ? '↑' : '↓'}
      </button>
      {(filtered(params) || params.query) && (
        <button class="link" onClick={() => onChange({ ...DEFAULT_PARAMS, sort: params.sort, direction: params.direction })} data-testid="clear-filters">
          {i18n.t('corpus.clearFilters')}
        </button>
      )}
    </div>
  );
}
