/**
 * Injected into a tab by the background (entrypoints/background/show-in-page.ts) to show the
 * panel's evidence in the page. A script injected from a file takes no arguments, so this one
 * installs `showInPage` (and `paintedInPage`) in the extension's isolated world of the tab (never the page's own world:
 * page scripts cannot see or call it), and the background then calls it with the request.
 * Injected on demand only: it is not a content script and not a web-accessible resource.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { EVIDENCE_GLOBAL, PAINTED_GLOBAL, paintedInPage, showInPage } from '../extension/page-evidence';

export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[EVIDENCE_GLOBAL] = showInPage;
  (globalThis as Record<string, unknown>)[PAINTED_GLOBAL] = paintedInPage;
});
