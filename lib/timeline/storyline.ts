/**
 * A storyline timeline: the events of one storyline (each a same-event story, or an article alone)
 * in date order, each with its versions (the reports of the event) in publication order — the
 * "story timeline" of news aggregators, made from the reader's own corpus.
 *
 * An event's date is its earliest version's (lib/timeline `timeline`: the publication time, else
 * the first time seen); events without any known time come last, in the order given.
 *
 * @module
 */
import { timeline, type Dated, type TimelineEntry } from './order';

export interface StorylineEventInput<E, K> {
  key: E;
  versions: readonly Dated<K>[];
}

export interface StorylineEvent<E, K> extends TimelineEntry<E> {
  /** The event's versions, earliest first (its first one gives the event its time). */
  versions: TimelineEntry<K>[];
}

/** The events by the time of their earliest version, each with its versions in order. */
export function storylineTimeline<E, K>(events: readonly StorylineEventInput<E, K>[]): StorylineEvent<E, K>[] {
  const dated = events.map((e) => {
    const versions = timeline(e.versions);
    const first = versions[0];
    return { key: e.key, time: first?.time ?? null, basis: first?.basis ?? null, versions };
  });
  const at = (e: { time: string | null }) => (e.time === null ? Infinity : Date.parse(e.time));
  return dated.sort((x, y) => at(x) - at(y) || 0);
}
