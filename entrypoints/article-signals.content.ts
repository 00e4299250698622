/**
 * Runs on every page, so it stays tiny: a cheap "is this an article?" test whose answer lights
 * the toolbar badge. Extraction itself is injected only when the panel asks (see `extract-page.ts`).
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { articleSignals } from '../lib/extract/is-article';
import type { RequestOf } from '../extension/protocol';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main() {
    const message: RequestOf<'page/signals'> = { type: 'page/signals', signals: articleSignals(document) };
    browser.runtime.sendMessage(message).catch(() => {}); // The background may be restarting: the badge is only a hint.
  },
});
