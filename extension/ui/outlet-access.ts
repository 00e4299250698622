/**
 * Host access for the outlets the reader follows, asked from the click that follows them.
 *
 * The manifest asks `<all_urls>` (the panel reads whatever page is open), so the browser normally
 * holds access already and `permissions.request` answers at once without asking. But the reader
 * can withdraw it (Firefox's add-on permissions; Chrome's site access "on click" or "on specific
 * sites"): then the browser asks for this outlet's site only, and without it nothing is followed.
 * Browsers honour the request only from a user gesture: call it before any other await of a click.
 * The patterns come from extension/site-patterns.ts (the panel gets them from the background, so
 * that it loads no Public Suffix List).
 */
import { browser } from 'wxt/browser';

/** Whether Recoupe may fetch from these match patterns, asking the reader when the browser does not grant them already. */
export async function askOutletAccess(origins: string[]): Promise<boolean> {
  if (origins.length === 0) return true;
  try {
    return await browser.permissions.request({ origins });
  } catch {
    return false;
  }
}
