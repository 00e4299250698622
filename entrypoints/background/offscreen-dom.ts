/**
 * Chrome: the service worker has no DOM, so feeds and pages are parsed in an offscreen document
 * (chrome.offscreen, reason DOM_PARSER), created when first needed and kept while it works. The
 * same document starts the analysis Worker (reason WORKERS, see analysis-host.ts).
 */
import { browser } from 'wxt/browser';
import type { DomWork, DomWorkReply, Result } from '../../extension/protocol';
import type { DomReader } from './dom-reader';

interface OffscreenApi {
  hasDocument(): Promise<boolean>;
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
}

let creating: Promise<void> | null = null;

/** The offscreen document, created when first needed (one per extension, for both its uses). */
export async function ensureOffscreen(): Promise<void> {
  const offscreen = (globalThis as unknown as { chrome: { offscreen: OffscreenApi } }).chrome.offscreen;
  if (await offscreen.hasDocument()) return;
  creating ??= offscreen
    .createDocument({
      url: 'offscreen.html',
      reasons: ['DOM_PARSER', 'WORKERS'],
      justification: 'Read the feeds and article pages of the outlets the reader follows; compare articles in a worker, off the background.',
    })
    .finally(() => (creating = null));
  await creating;
}

export function offscreenDomReader(): DomReader {
  const ask = async <T extends DomWork['type']>(type: T, text: string, url: string): Promise<DomWorkReply<T>> => {
    await ensureOffscreen();
    const reply = (await browser.runtime.sendMessage({ type, text, url } satisfies DomWork)) as Result<DomWorkReply<T>> | undefined;
    if (!reply) throw new Error('The offscreen document did not answer.');
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  };
  return {
    feed: (text, url) => ask('dom/feed', text, url),
    page: (html, url) => ask('dom/page', html, url),
    declared: (html, url) => ask('dom/declared', html, url),
  };
}
