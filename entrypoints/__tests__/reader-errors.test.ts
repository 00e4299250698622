/**
 * Every failure reaches the reader as a sentence in their language that says whether the corpus
 * was changed, never as the browser's or JavaScript's own words: the browser refusing a message as
 * too large, the background stopped before it answered, a full disk as IndexedDB and Dexie report
 * it, an unexpected exception in a handler. The browser's messages are the ones Chrome and Firefox
 * give (quoted in extension/errors).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import Dexie from 'dexie';
import { request, type AnyRequest, type RequestType } from '../../extension/protocol';
import { handle, type createHandlers } from '../background/handlers';
import { installMessages } from '../../tests/support/browser-messages';
import { importFiles } from '../corpus/import-files';

afterEach(() => vi.restoreAllMocks());

/** `request(type)` while the browser's `sendMessage` fails with `error` (or resolves with nothing). */
async function failedRequest(type: RequestType, error: Error | undefined): Promise<string> {
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async () => {
    if (error) throw error;
    return undefined as never;
  });
  return request(type as 'page/compare', { tabId: 1 }).then(() => 'no error', (e: Error) => e.message);
}

const RAW = /invocation|listener|receiving end|message channel|transaction was aborted|TypeError|undefined|Cannot read/i;

describe('a request the browser does not pass on or the background does not answer', () => {
  it.each([
    ['en', 'corpus/import-part', new Error('Error in invocation of runtime.sendMessage(optional string extensionId, any message, optional object options, optional function callback): Message exceeded maximum allowed size of 64MiB.'), /too large for the browser.*your corpus was not changed/],
    ['fr', 'corpus/import-part', new Error('Message length exceeded maximum allowed length.'), /trop grande.*votre corpus n'a pas changé/],
    ['en', 'page/compare', new Error('A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received'), /background stopped before answering.*Your corpus was not changed/],
    ['en', 'corpus/save-tab', new Error('Could not establish connection. Receiving end does not exist.'), /background stopped before answering.*may or may not have been made.*nothing stored was lost/],
    ['fr', 'corpus/save-tab', new Error('The message port closed before a response was received.'), /arrière-plan de Recoupe s'est arrêté.*rien de ce qui était stocké n'a été perdu/],
    ['fr', 'corpus/search', new Error("Actor 'Conduits' destroyed before query 'RuntimeMessage' was able to resolve"), /arrière-plan de Recoupe s'est arrêté.*Votre corpus n'a pas changé/],
    ['fr', 'corpus/stories', undefined, /arrière-plan de Recoupe s'est arrêté.*Votre corpus n'a pas changé/],
  ] as const)('%s, %s: %s', async (lang, type, error, expected) => {
    installMessages(lang);
    const message = await failedRequest(type, error);
    expect(message).toMatch(expected);
    expect(message).not.toMatch(RAW);
  });
});

type Handlers = ReturnType<typeof createHandlers>;
/** The background's reply to `type` when its handler throws `error`. */
async function replyWhenThrowing(type: RequestType, error: unknown): Promise<string> {
  const reply = await handle({ [type]: async () => { throw error; } } as unknown as Handlers, { type } as AnyRequest, undefined);
  return reply.ok ? 'no error' : reply.error;
}

/**
 * What Chromium gives for a write on a really full disk (a 30 MB tmpfs profile, measured): the
 * transaction aborts with a QuotaExceededError whose message is empty, and Dexie rejects with its
 * AbortError made from it.
 */
const abortedOnFullDisk = () => new (Dexie.AbortError as unknown as new (inner: DOMException) => Error)(new DOMException('', 'QuotaExceededError'));

describe('a failure in the background', () => {
  it.each([
    ['en', 'a QuotaExceededError inside Dexie’s AbortError (the browser’s quota)', () => new Dexie.AbortError('Transaction aborted', new DOMException('The quota has been exceeded.', 'QuotaExceededError')), /no room left for the corpus.*this change was not stored.*nothing stored was lost/],
    ['fr', 'a bare QuotaExceededError', () => new DOMException('The quota has been exceeded.', 'QuotaExceededError'), /n'a plus de place pour le corpus.*n'a pas été enregistré/],
  ] as const)('%s: %s is a full disk', async (lang, _name, error, expected) => {
    installMessages(lang);
    const message = await replyWhenThrowing('corpus/save-tab', error());
    expect(message).toMatch(expected);
    expect(message).not.toMatch(RAW);
  });

  it('a full disk as Chromium reports it, through Dexie, in any request that writes', async () => {
    const error = abortedOnFullDisk();
    expect(error).toMatchObject({ name: 'AbortError', message: 'QuotaExceededError ' });
    for (const type of ['corpus/save-tab', 'corpus/import-part', 'page/versions', 'feeds/poll'] as const) {
      const message = await replyWhenThrowing(type, error);
      expect(message).toMatch(/no room left for the corpus.*this change was not stored, and nothing stored was lost/);
      expect(message).not.toMatch(/AbortError|QuotaExceededError/);
    }
  });

  it('another storage failure says what failed and that nothing stored was lost (a write) or that nothing changed (a read)', async () => {
    const closed = new Dexie.DatabaseClosedError('Database has been closed');
    expect(await replyWhenThrowing('corpus/delete', closed)).toMatch(/could not be updated \(Database has been closed\): this change was not stored/);
    expect(await replyWhenThrowing('corpus/search', closed)).toMatch(/could not read the corpus.*Your corpus was not changed/);
  });

  it.each([
    ['en', 'corpus/stories', /error in Recoupe.*Your corpus was not changed/],
    ['fr', 'corpus/delete', /erreur de Recoupe.*a pu être fait ou non/],
  ] as const)('%s: a TypeError in %s (a damaged record) is an error of Recoupe’s, saying whether the corpus changed', async (lang, type, expected) => {
    installMessages(lang);
    let error: unknown;
    try {
      (null as unknown as { text: string }).text.trim();
    } catch (e) {
      error = e;
    }
    expect(await replyWhenThrowing(type, error)).toMatch(expected);
  });

  it('a worded failure of Recoupe’s passes as it is', async () => {
    expect(await replyWhenThrowing('corpus/save-tab', new Error('This page has no article text to save.'))).toBe('This page has no article text to save.');
  });
});

describe('a file the import cannot read', () => {
  it.each([
    ['en', 'corpus.jsonl', /^“corpus\.jsonl” could not be read \(The requested file could not be read\)\. Nothing was imported from it: your corpus was not changed by it\.$/],
    ['fr', 'page.html', /^« 1 fichier texte ou HTML » n'a pas pu être lu \(The requested file could not be read\)\. Rien n'en a été importé : votre corpus n'a pas changé à cause de lui\.$/],
  ] as const)('%s: %s is said so, with the corpus unchanged', async (lang, name, expected) => {
    installMessages(lang);
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    // As the browser does for a file moved or changed since it was chosen.
    const unreadable = new DOMException('The requested file could not be read', 'NotReadableError');
    class UnreadableBlob extends Blob {
      override arrayBuffer(): Promise<ArrayBuffer> { return Promise.reject(unreadable); }
    }
    class Unreadable extends File {
      override stream(): ReadableStream<Uint8Array<ArrayBuffer>> { throw unreadable; }
      override text(): Promise<string> { return Promise.reject(unreadable); }
      override arrayBuffer(): Promise<ArrayBuffer> { return Promise.reject(unreadable); }
      override slice(): Blob { return new UnreadableBlob(['x']); }
    }
    vi.stubGlobal('DOMParser', class {}); // Node has none; the page's is not reached anyway.
    const summary = await importFiles([new Unreadable(['x'], name)]);
    vi.unstubAllGlobals();
    expect(summary.lines).toEqual([{ text: expect.stringMatching(expected), error: true }]);
    expect(send).not.toHaveBeenCalled();
  });
});
