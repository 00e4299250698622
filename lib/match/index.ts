/**
 * Same story: per-article features, computed once and stored with the article, and the pair
 * grade (`same` | `related` | `unrelated`) with a score and reasons. Pure: no browser API, no
 * storage, no file system. The corpus index that finds candidates fast is in `lib/corpus-index/`.
 */
export { computeFeatures, hasFeatureShape, isFeatures, type FeatureInput } from './features';
export { gradePair, gradePrepared, prepare, relatePrepared, RELATED_TERMS_FLOOR, THRESHOLDS, type PreparedFeatures } from './score';
export { findEntities, entityKey } from './entities';
export { findDates, eventDate, isCalendarWord } from './dates';
export { describeReason, formatDay } from './reasons';
export * from './types';
export { corpusStats, statKeys } from './stats';
