/**
 * Chrome's offscreen document: the DOM the background's service worker lacks. It parses what the
 * background fetched (feeds, article pages) and answers; it fetches nothing and stores nothing.
 */
import { browser } from 'wxt/browser';
import { parseDomWork, type Result } from '../../extension/protocol';
import { domReader } from '../background/dom-reader';

const reader = domReader((text, type) => new DOMParser().parseFromString(text, type));

browser.runtime.onMessage.addListener((message: unknown, sender): Promise<Result<unknown>> | undefined => {
  const work = sender.id === browser.runtime.id && !sender.tab ? parseDomWork(message) : null;
  if (!work) return undefined;
  const run = work.type === 'dom/feed' ? reader.feed(work.text, work.url) : work.type === 'dom/page' ? reader.page(work.text, work.url) : reader.declared(work.text, work.url);
  return run.then((value) => ({ ok: true as const, value }), (error: Error) => ({ ok: false as const, error: error?.message ?? String(error) }));
});
