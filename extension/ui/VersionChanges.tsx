/**
 * What changed between two versions of an article, as the side panel and the corpus page show
 * it: a summary ("headline rewritten, 3 sentences edited, 1 paragraph added") and each change with
 * its words marked (removed struck through, added underlined; said in words to screen readers).
 * lib/versions decides what changed; this only words it.
 */
import { Fragment } from 'preact';
import { i18n } from '#i18n';
import type { ChangeRun, VersionChanges } from '../../lib/versions';
import type { VersionSummary } from '../protocol';
import { counted, dateFormat, localNumber } from './format';

const DATE_TIME: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/** A date with its time (two versions are often stored the same day). */
export function localDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : dateFormat(DATE_TIME).format(date);
}

/** "headline rewritten, 3 sentences edited, 1 paragraph added", or "no change in the text". */
export function changesSummary(c: VersionChanges): string {
  const parts = [
    c.headline ? i18n.t('versions.headline') : '',
    c.sentencesEdited > 0 ? counted('versions.sentencesEdited', c.sentencesEdited) : '',
    c.sentencesAdded > 0 ? counted('versions.sentencesAdded', c.sentencesAdded) : '',
    c.sentencesRemoved > 0 ? counted('versions.sentencesRemoved', c.sentencesRemoved) : '',
    c.paragraphsAdded > 0 ? counted('versions.paragraphsAdded', c.paragraphsAdded) : '',
    c.paragraphsRemoved > 0 ? counted('versions.paragraphsRemoved', c.paragraphsRemoved) : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : i18n.t('versions.noChange');
}

/** A version as listed: its date and length, or "current text". */
export function versionLabel(v: VersionSummary): string {
  return i18n.t('versions.version', [v.id === null ? `${localDateTime(v.storedAt)} (${i18n.t('versions.current')})` : localDateTime(v.storedAt), localNumber(v.wordCount)]);
}

const SrOnly = ({ text }: { text: string }) => <span class="sr-only">{text} </span>;

export function ChangeRuns({ runs }: { runs: readonly ChangeRun[] }) {
  // A removed run ending on a word, then the added one: a space between, so they read as two.
  const spaced = (i: number) => (runs[i]?.op === 'removed' && runs[i + 1]?.op === 'added' && !/\s$/u.test(runs[i]!.text) ? ' ' : '');
  return (
    <>
      {runs.map((r, i) =>
        r.op === 'same' ? <span key={i}>{r.text}</span>
          : r.op === 'removed' ? <Fragment key={i}><del><SrOnly text={i18n.t('versions.removed')} />{r.text}</del>{spaced(i)}</Fragment>
          : <ins key={i}><SrOnly text={i18n.t('versions.added')} />{r.text}</ins>,
      )}
    </>
  );
}

/** Each change of the text (and the headline's), in the later version's order. */
export function ChangeList({ changes, lang }: { changes: VersionChanges; lang?: string }) {
  return (
    <ul class="plain version-changes" data-testid="version-changes" lang={lang}>
      {changes.headline && <li data-testid="version-change" data-kind="headline"><strong><ChangeRuns runs={changes.headline} /></strong></li>}
      {changes.changes.map((c, i) => (
        <li key={i} data-testid="version-change" data-kind={c.kind}>
          {c.paragraph && <span class="tag">{i18n.t('versions.paragraph')}</span>} <ChangeRuns runs={c.runs} />
        </li>
      ))}
    </ul>
  );
}
