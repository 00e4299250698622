import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { request, type ArticleVersions } from '../../extension/protocol';
import type { VersionChanges } from '../../lib/versions';
import { counted } from '../../extension/ui/format';
import { ChangeList, changesSummary, versionLabel } from '../../extension/ui/VersionChanges';

/** A version's key in a `<select>`: its id, or `current` for the current text. */
const keyOf = (id: number | null) => (id === null ? 'current' : String(id));
const idOf = (key: string) => (key === 'current' ? null : Number(key));

/**
 * A stored article's versions (its earlier texts, kept when the page changed), and any two of
 * them compared: the oldest against the current text at first. Shown only for an article with
 * more than one text.
 */
export function VersionsPanel({ articleId, lang }: { articleId: number; lang?: string }) {
  const [versions, setVersions] = useState<ArticleVersions | null>(null);
  const [pair, setPair] = useState<{ from: string; to: string } | null>(null);
  const [changes, setChanges] = useState<VersionChanges | null>(null);
  useEffect(() => {
    let current = true;
    void request('corpus/versions', { id: articleId }).then((v) => {
      if (!current) return;
      setVersions(v);
      if (v && v.versions.length > 1) setPair({ from: keyOf(v.versions[v.versions.length - 2]!.id), to: 'current' });
    });
    return () => {
      current = false;
    };
  }, [articleId]);
  useEffect(() => {
    let current = true;
    setChanges(null);
    if (pair) void request('corpus/version-changes', { id: articleId, from: idOf(pair.from), to: idOf(pair.to) }).then((c) => current && setChanges(c));
    return () => {
      current = false;
    };
  }, [articleId, pair?.from, pair?.to]);
  if (!versions || versions.versions.length < 2 || !pair) return null;
  const choose = (side: 'from' | 'to', value: string) => setPair({ ...pair, [side]: value });
  const options = versions.versions.map((v) => <option key={keyOf(v.id)} value={keyOf(v.id)}>{versionLabel(v)}</option>);
  return (
    <section class="article-versions" aria-labelledby="versions-h" data-testid="versions">
      <h3 id="versions-h">{counted('versions.count', versions.versions.length)}</h3>
      <ol data-testid="version-list">{versions.versions.map((v) => <li key={keyOf(v.id)}>{versionLabel(v)}</li>)}</ol>
      <p class="buttons">
        <label>{i18n.t('versions.from')} <select value={pair.from} onChange={(e) => choose('from', e.currentTarget.value)} data-testid="version-from">{options}</select></label>{' '}
        <label>{i18n.t('versions.to')} <select value={pair.to} onChange={(e) => choose('to', e.currentTarget.value)} data-testid="version-to">{options}</select></label>
      </p>
      {changes && (
        <>
          <p role="status" data-testid="version-summary">{changesSummary(changes)}</p>
          <ChangeList changes={changes} lang={lang} />
        </>
      )}
    </section>
  );
}
