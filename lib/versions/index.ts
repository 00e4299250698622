/**
 * Versions of one article: what changed between two of its texts (`changes.ts`).
 *
 * @module
 */
export { EDITED_MIN_SHARE, versionChanges, type ChangeRun, type VersionChange, type VersionChanges, type VersionText } from './changes';
