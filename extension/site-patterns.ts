/**
 * The match patterns (https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns)
 * of the sites of some addresses, for asking host access to an outlet (extension/ui/outlet-access.ts).
 * A site as extension/storage/identity.ts's `siteOf` reads it: the registrable domain (Public
 * Suffix List, private suffixes included), and its subdomains.
 */
import { parse } from 'tldts';

/** `*://*.<domain>/*` for each address's registrable domain (a feed on feeds.outlet.fr, pages on www.outlet.fr), or the host alone for an IP address or a name without a public suffix. */
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
