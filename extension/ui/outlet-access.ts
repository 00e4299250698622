/**
 * Host access for the outlets the reader follows, asked from the click that follows them.
 *
 * The manifest asks `<all_urls>` (the panel reads whatever page is open), so the browser normally
 * holds access already and `permissions.request` answers at once without asking. But the reader
 * can withdraw it (Firefox's add-on permissions; Chrome's site access "on click" or "on specific
 * sites"): then the browser asks for this outlet's site only, and without it nothing is followed.
 * Browsers honour the request only from a user gesture: call it before any other await of a click.
 */
import { browser } from 'wxt/browser';
import { parse } from 'tldts';

/** Match patterns for the sites of these addresses: the registrable domain and its subdomains (a feed on feeds.outlet.fr, pages on www.outlet.fr), or the host alone for an IP address. */
export function outletPatterns(addresses: string[]): string[] {
  const patterns = new Set<string>();
  for (const address of addresses) {
    if (!/^https?:\/\//i.test(address.trim())) continue;
    const { domain, hostname, isIp } = parse(address.trim(), { allowPrivateDomains: true });
    if (!hostname) continue;
    patterns.add(isIp || !domain ? `*://${hostname.includes(':') ? `[${hostname}]` : hostname}/*` : `*://*.${domain}/*`);
  }
  return [...patterns];
}

/** Whether Recoupe may fetch from these addresses' sites, asking the reader when the browser does not grant it already. */
export async function askOutletAccess(addresses: string[]): Promise<boolean> {
  const origins = outletPatterns(addresses);
  if (origins.length === 0) return true;
  try {
    return await browser.permissions.request({ origins });
  } catch {
    return false;
  }
}
