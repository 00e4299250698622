/**
 * The corpus index for same-story matching: candidate generation over rare stems and entities,
 * incremental add and remove, compact serialisation validated on load, and matching a page
 * (candidates re-ranked with the full pair grade of lib/match). Pure: the caller stores the
 * serialised index and the per-article features.
 */
export { CorpusIndex, IndexCorruptError, bucketOf, bucketsFor, KEYS_PER_BUCKET, storedRowKeys, type StoredIndexHead, type StoredIndexRow, DEFAULT_CANDIDATES, ENTITY_BOOST, MAX_DF_SHARE, MIN_CANDIDATE_SHARE, MIN_MAX_DF, POSTED_KEYS, indexKeys, type StoredCorpusIndex } from './corpus-index';
export { GRADE_ALL_BELOW, gradeCandidates, matchPage, matchPageAsync, type Match, type MatchOptions } from './match-page';
export { pairKey } from './pair-key';
export { bestConnected, groupStories, firstWords, labelStories, storyCandidates, StoryGroups, StoryLinks, MIN_LINKED_SHARE, DATED_APART, STORY_CANDIDATES, type Story, type StoryArticle, type StoryOptions } from './stories';
