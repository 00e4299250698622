/**
 * Starts firefox-esr headless over WebDriver BiDi (puppeteer-core, which downloads no browser)
 * with a fresh profile, and installs the unpacked Firefox build as a temporary add-on, as
 * about:debugging's "Load Temporary Add-on" does. The add-on's moz-extension UUID is random per
 * profile; the pref `extensions.webextensions.uuids` fixes it so that its pages can be opened by
 * address. Mirrors tests/support/chromium-extension.ts (Chromium) so the tests read the same.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { buildOf } from '../../scripts/build-dir';
import type { Painted } from './painted';

export const FIREFOX_BUILD = buildOf('firefox-mv3');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The gecko id in wxt.config.ts. */
const ADDON_ID = 'recoupe@recoupe.org';
/** Any fixed UUID: the pref maps the add-on's id to it. */
export const EXTENSION_UUID = '6f1d3c52-9a7e-4b8e-8f51-2c0d6b7a9e10';

export interface FirefoxExtensionBrowser {
  browser: Browser;
  /** `moz-extension://<uuid>` */
  origin: string;
  /** Opens one of the extension's pages (`sidepanel.html?tab=…`, `corpus.html`) in a tab. */
  openExtensionPage(path: string): Promise<Page>;
  /** The browser's id of the tab showing `url`, as the extension sees it (`browser.tabs.query`). */
  tabIdOf(url: string): Promise<number>;
  /** Opens `url` in a tab, then the side panel's page pinned to that tab (`?tab=`). */
  openWithPanel(url: string): Promise<{ article: Page; panel: Page }>;
  /** What the extension painted in `page`'s tab (tests/e2e/painted.ts); null when nothing was ever shown there. */
  paintedIn(page: Page): Promise<Painted | null>;
  close(): Promise<void>;
}

/**
 * Navigates and waits until the document is loaded. Firefox sends no BiDi `load` event for a
 * moz-extension: page (navigationStarted and navigationCommitted only), so `page.goto` would wait
 * until its timeout; the navigate command itself, asked to wait for `complete`, does return.
 */
async function navigateAndWait(page: Page, url: string): Promise<void> {
  const frame = page.mainFrame() as unknown as { browsingContext: { navigate(url: string, wait: 'complete'): Promise<unknown> } };
  await frame.browsingContext.navigate(url, 'complete');
}

export async function launchFirefoxWithExtension(): Promise<FirefoxExtensionBrowser> {
  if (!existsSync(join(FIREFOX_BUILD, 'manifest.json'))) {
    throw new Error(`No built Firefox extension at ${FIREFOX_BUILD}: run \`npm run build\` first.`);
  }
  if (!existsSync(FIREFOX)) throw new Error(`No Firefox at ${FIREFOX}: apt-get install -y firefox-esr (or set FIREFOX_PATH).`);
  // puppeteer makes a fresh profile in a temporary folder and deletes it on close; its default
  // Firefox prefs already turn off updates, telemetry and background requests.
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    defaultViewport: { width: 420, height: 900 },
    // WebDriver BiDi navigates only to http(s), file, blob and about:blank unless system access
    // is allowed (Firefox's remote/shared/BrowsingContextUtils.sys.mjs, isWebdriverSafeNavigationURL);
    // the extension's own pages are moz-extension: addresses.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: EXTENSION_UUID }),
      // permissions.request is granted without its prompt: a headless browser cannot answer one.
      'extensions.webextOptionalPermissionPrompts': false,
    },
  });
  try {
    const id = await browser.installExtension(FIREFOX_BUILD);
    if (id !== ADDON_ID) throw new Error(`Installed add-on has id ${id}, expected ${ADDON_ID}`);
  } catch (e) {
    await browser.close();
    throw e;
  }
  const origin = `moz-extension://${EXTENSION_UUID}`;

  const openExtensionPage = async (path: string) => {
    const page = await browser.newPage();
    await navigateAndWait(page, `${origin}/${path}`);
    return page;
  };
  // One extension page kept open to ask the tabs API (Firefox's background is an event page that
  // the driver does not expose as a target).
  let helper: Page | null = null;
  const tabIdOf = async (url: string) => {
    helper ??= await openExtensionPage('corpus.html');
    const id = await helper.evaluate(async (target) => {
      const api = (globalThis as any).browser;
      const tabs: { id?: number; url?: string }[] = await api.tabs.query({});
      return tabs.find((t) => t.url === target)?.id ?? null;
    }, url);
    if (id === null) throw new Error(`No tab shows ${url}`);
    return id;
  };
  const paintedIn = async (page: Page) => {
    const tabId = await tabIdOf(page.url());
    return helper!.evaluate(async (tabId) => {
      const api = (globalThis as any).browser;
      const [injection] = await api.scripting.executeScript({ target: { tabId }, func: () => (globalThis as any).__recoupePaintedInPage?.() ?? null });
      return (injection?.result ?? null) as Painted | null;
    }, tabId);
  };
  return {
    browser,
    origin,
    openExtensionPage,
    tabIdOf,
    paintedIn,
    async openWithPanel(url: string) {
      const article = await browser.newPage();
      await article.goto(url);
      const panel = await openExtensionPage(`sidepanel.html?tab=${await tabIdOf(url)}`);
      return { article, panel };
    },
    close: () => browser.close(),
  };
}
