/**
 * The person's settings: today, the sites where articles are saved automatically. They live in
 * the corpus database's `meta` table, beside the corpus they shape (one store, one quota, one
 * place that reports a full disk), and are read and written only by the background.
 *
 * Site names are checked against the Public Suffix List (through `tldts`), so that a name shared
 * by many unrelated sites (`co.uk`, `fr`, `github.io`) cannot be chosen by mistake: auto-save on
 * it would save articles from every site under it.
 */
import { parse } from 'tldts';
import type { CorpusDb } from './corpus-db';

/** More auto-save sites than anyone reads regularly; keeps the list and each page load's check small. */
export const MAX_AUTO_SAVE_SITES = 200;
/** Longer than any URL a person pastes for a site; beyond it the input is not a site name. */
export const MAX_SITE_INPUT_CHARS = 2_000;

export interface Settings {
  /** Host names (`lemonde.fr`, `127.0.0.1`) whose article pages, sub-domains included, are saved as they are read. Empty: auto-save is off. */
  autoSaveSites: string[];
}

export const DEFAULT_SETTINGS: Settings = { autoSaveSites: [] };


const SETTINGS_KEY = 'settings';

/** Why a text is not a site name, for the options page's message. */
export type SiteProblem =
  /** Nothing was typed. */
  | 'empty'
  /** Not a host name or URL at all (spaces, stray characters, too long). */
  | 'invalid'
  /** A URL of something other than a web page (`chrome://`, `file://`, `ftp://`). */
  | 'not-web'
  /** One word with no ending (`lemonde`): which site is meant is unknown. */
  | 'incomplete'
  /** A domain ending shared by many unrelated sites (`fr`, `co.uk`, `github.io`). */
  | 'public-suffix';

export type SiteCheck = { ok: true; site: string } | { ok: false; problem: SiteProblem };

/**
 * The host name a person means by `input`: a host name, or a URL pasted from the address bar.
 * Lower case, internationalised names in their ASCII form (as the browser reports page hosts),
 * without port, path, trailing dot or a leading `www.` (which never names a separate site).
 */
export function normaliseSite(input: string): SiteCheck {
  const text = input.trim();
  if (!text) return { ok: false, problem: 'empty' };
  if (text.length > MAX_SITE_INPUT_CHARS) return { ok: false, problem: 'invalid' };
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
  let url: URL;
  try {
    // The WHATWG URL parser lower-cases, converts internationalised names to ASCII and rejects bad hosts.
    url = new URL(hasScheme ? text : `http://${text}`);
  } catch {
    return { ok: false, problem: 'invalid' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, problem: 'not-web' };
  let host = url.hostname.replace(/\.$/, '');
  if (!host || host.length > 253) return { ok: false, problem: 'invalid' };
  const info = parse(host, { allowPrivateDomains: true });
  if (info.isIp || host === 'localhost') return { ok: true, site: host };
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(host) || host.split('.').some((label) => label.length > 63 || label.startsWith('-') || label.endsWith('-'))) {
    return { ok: false, problem: 'invalid' };
  }
  if (!info.domain && (info.isIcann || info.isPrivate)) return { ok: false, problem: 'public-suffix' };
  if (!info.domain) return { ok: false, problem: 'incomplete' };
  if (host.startsWith('www.') && host.slice(4) !== info.publicSuffix && host.slice(4).includes('.')) host = host.slice(4);
  return { ok: true, site: host };
}

export type SitesCheck = { ok: true; sites: string[] } | { ok: false; input: string; problem: SiteProblem | 'too-many' };

/** Every entry of a list normalised, duplicates dropped (first kept); the first bad entry refuses the list. */
export function normaliseSites(inputs: readonly string[]): SitesCheck {
  const sites: string[] = [];
  for (const input of inputs) {
    const check = normaliseSite(input);
    if (!check.ok) return { ok: false, input, problem: check.problem };
    if (!sites.includes(check.site)) sites.push(check.site);
  }
  if (sites.length > MAX_AUTO_SAVE_SITES) return { ok: false, input: sites[MAX_AUTO_SAVE_SITES]!, problem: 'too-many' };
  return { ok: true, sites };
}

/** Whether a page's host is one of `sites` or a sub-domain of one (`www.lemonde.fr` for `lemonde.fr`). */
export function siteMatches(host: string, sites: readonly string[]): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return sites.some((site) => h === site || h.endsWith(`.${site}`));
}

/**
 * The settings as last read or written by this worker, per database: they are read on every page
 * load (auto-save) and by the options page, and a read of `meta` waits behind any transaction that
 * writes it (each chunk of an import bumps the corpus version there: issue 20, item 5). They are
 * read and written only by the background, and Chrome runs one service worker of an extension at a
 * time, so the copy of the worker that writes them is never stale: every write goes through
 * `setSettings`. `generation` counts the writes begun, so that a read begun before a write does
 * not leave its older value behind.
 */
const held = new WeakMap<CorpusDb, { settings?: Settings; generation: number }>();
const heldOf = (db: CorpusDb) => {
  let h = held.get(db);
  if (!h) held.set(db, (h = { generation: 0 }));
  return h;
};
const copy = (settings: Settings): Settings => ({ ...settings, autoSaveSites: [...settings.autoSaveSites] });

/** The stored settings; defaults for anything missing or unreadable (a stored value is never trusted blindly). Read once per worker (see `held`). */
export async function getSettings(db: CorpusDb): Promise<Settings> {
  const h = heldOf(db);
  if (h.settings) return copy(h.settings);
  const generation = h.generation;
  // The meta table directly, not corpus.ts: the options page imports this file for its checks and
  // should not bundle the corpus operations.
  const stored = (await db.meta.get(SETTINGS_KEY))?.value as Partial<Settings> | undefined;
  const sites = new Set<string>();
  for (const entry of Array.isArray(stored?.autoSaveSites) ? stored.autoSaveSites : []) {
    const check = typeof entry === 'string' ? normaliseSite(entry) : null;
    if (check?.ok && sites.size < MAX_AUTO_SAVE_SITES) sites.add(check.site);
  }
  const settings = { ...DEFAULT_SETTINGS, autoSaveSites: [...sites] };
  // A write begun meanwhile may have committed after this read: its value is the one to keep.
  if (h.generation === generation) h.settings = copy(settings);
  return settings;
}

/** Stores settings already normalised by {@link normaliseSites}; throws the storage error unchanged. */
export async function setSettings(db: CorpusDb, settings: Settings): Promise<void> {
  const h = heldOf(db);
  const generation = ++h.generation;
  h.settings = undefined;
  await db.meta.put({ key: SETTINGS_KEY, value: { autoSaveSites: [...settings.autoSaveSites] } });
  // Only the last write begun is known to be what is stored; a failed write (above) leaves none held, read again.
  if (h.generation === generation) h.settings = copy(settings);
}
