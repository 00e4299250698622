/**
 * Time in a story: who published first (`order.ts`: versions by publication time, a shared
 * passage's likely source) and a storyline's events in date order (`storyline.ts`).
 *
 * @module
 */
export { likelySource, timeline, type Dated, type LikelySource, type TimelineEntry } from './order';
export { storylineTimeline, type StorylineEvent, type StorylineEventInput } from './storyline';
