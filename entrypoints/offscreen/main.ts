/**
 * Chrome's offscreen document: the DOM the background's service worker lacks. It parses what the
 * background fetched (feeds, article pages) and answers; it fetches nothing and stores nothing.
 * It also owns the analysis Worker the service worker cannot start, and relays between the two
 * over the background's port (the background decides when to restart it).
 */
import { browser, type Browser } from 'wxt/browser';
import { parseDomWork, type Result } from '../../extension/protocol';
import { domReader } from '../background/dom-reader';
import { dedicatedWorker } from '../../extension/analysis/host';
import { ANALYSIS_PORT, type HostMessage } from '../../extension/analysis/messages';
import { startAnalysisWorker } from '../background/analysis-host';

const reader = domReader((text, type) => new DOMParser().parseFromString(text, type));

browser.runtime.onMessage.addListener((message: unknown, sender): Promise<Result<unknown>> | undefined => {
  const work = sender.id === browser.runtime.id && !sender.tab ? parseDomWork(message) : null;
  if (!work) return undefined;
  const run = work.type === 'dom/feed' ? reader.feed(work.text, work.url) : work.type === 'dom/page' ? reader.page(work.text, work.url) : reader.declared(work.text, work.url);
  return run.then((value) => ({ ok: true as const, value }), (error: Error) => ({ ok: false as const, error: error?.message ?? String(error) }));
});

/** Kept while the background comes and goes (its preparations with it); answers go to the background's latest port. */
const analysis = dedicatedWorker(startAnalysisWorker);
let background: Browser.runtime.Port | null = null;
analysis.listen((message) => background?.postMessage(message));
browser.runtime.onConnect.addListener((port) => {
  if (port.name !== ANALYSIS_PORT || port.sender?.id !== browser.runtime.id || port.sender.tab) return;
  background = port;
  port.onMessage.addListener((message) => analysis.post(message as HostMessage));
  port.onDisconnect.addListener(() => {
    if (background === port) background = null;
  });
});
