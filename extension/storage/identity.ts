/**
 * Which stored article a page is. An article is the address it was read at; the address a page
 * declares for itself (`<link rel=canonical>`, `og:url`, JSON-LD `url`) is believed only when it
 * is on the same site as the page, since any page can name any address. A page that names
 * another site's article is a declared copy of it (syndication, or a forgery): stored as its own
 * article, linked to the one it names, never in its place.
 *
 * "Same site" is the registrable domain of the Public Suffix List (through `tldts`, private
 * suffixes included, so that two `github.io` blogs are two sites), as browsers define a site
 * (https://html.spec.whatwg.org/multipage/browsers.html#sites).
 */
import { parse } from 'tldts';

/** The site of an address: its registrable domain, or its host when it has none (an IP address, `localhost`); null for an address that is not http(s). */
export function siteOf(url: string): string | null {
  if (!/^https?:\/\//i.test(url)) return null;
  const { domain, hostname } = parse(url, { allowPrivateDomains: true });
  return domain ?? hostname ?? null;
}

export function sameSite(a: string, b: string): boolean {
  const site = siteOf(a);
  return site !== null && site === siteOf(b);
}

/** What a page's declared address is to it: its own canonical address (same site), or the article it declares itself a copy of. */
export function declaredIdentity(url: string, declared: string | null | undefined): { canonicalUrl: string | null; declaredCopyOf: string | null } {
  if (!declared || declared === url) return { canonicalUrl: declared ?? null, declaredCopyOf: null };
  return sameSite(url, declared) ? { canonicalUrl: declared, declaredCopyOf: null } : { canonicalUrl: null, declaredCopyOf: declared };
}
