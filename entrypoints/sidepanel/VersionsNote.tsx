import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { request, type PageVersions } from '../../extension/protocol';
import { counted, localNumber } from '../../extension/ui/format';
import { ChangeList, changesSummary, localDateTime, versionLabel } from '../../extension/ui/VersionChanges';

/**
 * The page against its stored copy: "changed since you saved it on …" with what changed and the
 * versions kept, or a failed read (the page lost most of the stored text). Asked whenever the
 * page is read again (`refreshKey`); nothing shows for a page not stored or unchanged.
 */
export function VersionsNote({ tabId, refreshKey, lang }: { tabId: number; refreshKey: unknown; lang?: string }) {
  const [versions, setVersions] = useState<PageVersions | null>(null);
  useEffect(() => {
    let current = true;
    request('page/versions', { tabId })
      .then((v) => current && setVersions(v))
      .catch(() => current && setVersions(null));
    return () => {
      current = false;
    };
  }, [tabId, refreshKey]);
  if (!versions || versions.kind === 'unchanged') return null;
  if (versions.kind === 'failed-read') {
    return (
      <p class="card notice" role="status" data-testid="failed-read">
        {i18n.t('versions.failedRead', [localNumber(versions.pageWords), localNumber(versions.storedWords), localDateTime(versions.savedAt)])}
      </p>
    );
  }
  return (
    <div class="card notice" data-testid="changed-since">
      <p role="status"><strong>{i18n.t('versions.changedSince', [localDateTime(versions.since), changesSummary(versions.changes)])}</strong></p>
      <details>
        <summary>{i18n.t('versions.details')}</summary>
        <ChangeList changes={versions.changes} lang={lang} />
      </details>
      <details>
        <summary>{counted('versions.count', versions.versions.length)}</summary>
        <ol data-testid="version-list">{versions.versions.map((v) => <li key={v.id ?? 'current'}>{versionLabel(v)}</li>)}</ol>
      </details>
    </div>
  );
}
