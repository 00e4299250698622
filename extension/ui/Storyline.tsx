/**
 * A storyline timeline as the side panel and the Stories view show it: the events in date order,
 * each with its date, its title and its reports (outlet and date, earliest first); the page's or
 * the story's own event marked. The background decides the events and their order
 * (entrypoints/background/storyline.ts, lib/timeline); this only words them.
 */
import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { request, type StorylineEventView, type StorylinePage, type StorylineVersion } from '../protocol';
import { counted, localDate } from './format';
import { localDateTime } from './VersionChanges';

/** A time as published: with its hour when it has one, else the day; "first seen …" when only that is known. */
function when(time: string | null, basis: StorylineVersion['basis']): string {
  if (!time) return i18n.t('panel.timeline.unknown');
  const text = /T\d/.test(time) ? localDateTime(time) : localDate(time);
  return basis === 'first-seen' ? i18n.t('panel.timeline.firstSeen', [text]) : text;
}

const versionName = (v: StorylineVersion) => (v.id === null ? i18n.t('panel.timeline.thisPage') : v.site ?? v.title ?? i18n.t('panel.aStoredArticle'));

export type StorylineLoad = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'done'; events: StorylineEventView[] };

/** The storyline of stored articles `ids` (and of the page), asked again when `key` (what the request is about) changes. */
export function useStoryline(req: { ids: number[]; expand: boolean; page?: StorylinePage } | null, key: string): StorylineLoad {
  const [load, setLoad] = useState<StorylineLoad>({ kind: 'loading' });
  useEffect(() => {
    if (!req) return;
    let current = true;
    setLoad({ kind: 'loading' });
    request('corpus/storyline', req)
      .then((events) => current && setLoad({ kind: 'done', events }))
      .catch((error: Error) => current && setLoad({ kind: 'failed', message: error.message }));
    return () => {
      current = false;
    };
  }, [key]);
  return load;
}

export function StorylineEvents({ load, onOpen }: { load: StorylineLoad; onOpen?: (id: number) => void }) {
  if (load.kind === 'loading') return <p class="muted" role="status">{i18n.t('storyline.loading')}</p>;
  if (load.kind === 'failed') return <p class="status-error" role="alert">{i18n.t('storyline.failed', [load.message])}</p>;
  if (load.events.length < 2) return <p class="muted" data-testid="storyline-none">{i18n.t('storyline.none')}</p>;
  return (
    <ol class="storyline" data-testid="storyline-events">
      {load.events.map((e, i) => (
        <li key={i} class={e.current ? 'current' : ''} data-testid="storyline-event" data-current={String(e.current)}>
          <div>
            <span class="meta">{when(e.time, e.basis)}</span> — <strong>{e.title}</strong>
            {e.current && <span class="tag">{i18n.t('storyline.current')}</span>}
          </div>
          <ul class="plain meta" aria-label={counted('storyline.reports', e.versions.length)}>
            {e.versions.map((v) => (
              <li key={v.id ?? 'page'} data-testid="storyline-version">
                {v.id !== null && onOpen ? <button class="link" onClick={() => onOpen(v.id!)}>{versionName(v)}</button> : v.id === null ? <strong>{versionName(v)}</strong> : versionName(v)}
                {' · '}{when(v.time, v.basis)}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
