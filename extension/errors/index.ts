/**
 * Failures in the reader's words. Every error that reaches the panel, the corpus page or the
 * options page is one of these sentences, in the browser's language, and each says whether the
 * corpus was changed: a request that never reached the background changed nothing; a request that
 * changes the corpus and got no answer may or may not have been done, but IndexedDB stores each
 * change whole or not at all, so nothing stored was lost.
 */
import { i18n } from '#i18n';
import type { RequestType } from '../protocol';

/** The requests that may change the corpus (or the settings stored with it); every other one only reads. */
const CHANGES_CORPUS: ReadonlySet<RequestType> = new Set<RequestType>([
  'page/signals', 'page/keep-apart', 'page/versions', 'corpus/save-tab', 'corpus/delete', 'corpus/load-samples',
  'corpus/import', 'corpus/import-part', 'settings/set', 'links/import', 'feeds/follow', 'feeds/follow-list',
  'feeds/unfollow', 'feeds/poll', 'feeds/set-settings',
]);

export const changesCorpus = (type: RequestType): boolean => CHANGES_CORPUS.has(type);

/**
 * What the browser says when a message is over its size limit: Chrome "Message exceeded maximum
 * allowed size of 64MiB" (older: "Message length exceeded maximum allowed length"), inside
 * "Error in invocation of runtime.sendMessage(…)".
 */
const TOO_LARGE = /exceeded maximum allowed|maximum allowed (size|length)|message (is )?too (large|long)/i;
/**
 * What the browser says when the background is not there to answer, or went away before it did:
 * Chrome's stopped service worker ("Could not establish connection. Receiving end does not exist.",
 * "A listener indicated an asynchronous response by returning true, but the message channel closed
 * before a response was received", "The message port closed before a response was received",
 * "Extension context invalidated"), Firefox's ("Message manager disconnected", "Actor 'Conduits'
 * destroyed before query … was able to resolve").
 */
const STOPPED = /receiving end does not exist|could not establish connection|message channel closed|message port closed|context invalidated|message manager disconnected|destroyed before query|conduits/i;

const messageOf = (error: unknown): string => String((error as { message?: unknown })?.message ?? error ?? '').split('\n')[0]!.slice(0, 300);

/**
 * A failed `runtime.sendMessage` from an extension page (`undefined`: it resolved with no reply),
 * in the reader's words: too large, background stopped, or the request could not be passed on.
 */
export function describeMessagingFailure(error: unknown, type: RequestType): string {
  const message = messageOf(error);
  if (TOO_LARGE.test(message)) return i18n.t('errors.messageTooLarge');
  const changes = changesCorpus(type);
  if (error === undefined || STOPPED.test(message)) return i18n.t(changes ? 'errors.stoppedWrite' : 'errors.stoppedRead');
  return i18n.t(changes ? 'errors.notPassedWrite' : 'errors.notPassedRead', [message]);
}

/** The names IndexedDB (and Dexie, wrapping it) gives its failures. */
const STORAGE_ERRORS = new Set([
  'QuotaExceededError', 'AbortError', 'UnknownError', 'ConstraintError', 'DataError', 'DataCloneError', 'InvalidStateError',
  'TransactionInactiveError', 'ReadOnlyError', 'VersionError', 'NotFoundError', 'InvalidAccessError', 'TimeoutError',
  'DatabaseClosedError', 'OpenFailedError', 'MissingAPIError', 'PrematureCommitError', 'BulkError', 'ModifyError',
]);

/** The error and the ones it wraps (Dexie's `inner`, an `AbortError`'s transaction error, a `cause`). */
function chain(error: unknown): { name?: string; message?: string }[] {
  const seen: { name?: string; message?: string }[] = [];
  let e = error as { name?: string; message?: string; inner?: unknown; cause?: unknown } | null | undefined;
  while (e && typeof e === 'object' && seen.length < 5 && !seen.includes(e)) {
    seen.push(e);
    e = (e.inner ?? e.cause) as typeof e;
  }
  return seen;
}

const QUOTA = /quota|no space|disk (is )?full|not enough (disk )?space/i;

/** A failure of the corpus database (IndexedDB, through Dexie), not one of Recoupe's worded errors. */
export const isStorageFault = (error: unknown): boolean => chain(error).some((e) => STORAGE_ERRORS.has(e.name ?? ''));

/**
 * Storage errors in the reader's words. A full disk is named as the browser reports it: Chromium
 * on a really full disk aborts the transaction with a `QuotaExceededError` whose message is empty,
 * which Dexie hands on as an `AbortError` ("QuotaExceededError ") with that error inside
 * (measured on a 30 MB tmpfs profile; the browser's storage estimate still showed 1 GB free, so
 * it cannot tell a full disk).
 */
export function describeStorageError(error: unknown, changes = true): string {
  const links = chain(error);
  if (links.some((e) => e.name === 'QuotaExceededError' || QUOTA.test(e.message ?? ''))) return i18n.t('background.storageFull');
  // Dexie wraps the browser's error; the innermost first line says what happened.
  const detail = messageOf(links.at(-1));
  return changes ? i18n.t('background.storageFailed', [detail]) : i18n.t('background.storageReadFailed', [detail]);
}

/**
 * Any failure of a request in the background as the reader reads it: Recoupe's own worded errors
 * (plain `Error`s made from the locale's sentences) pass as they are; a storage fault is described;
 * anything else (a `TypeError` of a damaged record, a browser API's exception) is an error of
 * Recoupe's, said so with whether the corpus may have changed.
 */
export function describeRequestFailure(error: unknown, type: RequestType): string {
  const changes = changesCorpus(type);
  if (isStorageFault(error)) return describeStorageError(error, changes);
  if (error instanceof Error && error.name === 'Error' && error.message) return error.message;
  return i18n.t(changes ? 'errors.internalWrite' : 'errors.internalRead', [messageOf(error)]);
}
