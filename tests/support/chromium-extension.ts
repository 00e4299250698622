/**
 * Starts Debian's Chromium with the built extension loaded (headless, fresh profile, no
 * background networking) and finds the extension's id. See DEVELOPERS.md for why each flag.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildOf } from '../../scripts/build-dir';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const CHROME_BUILD = buildOf('chrome-mv3');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** Opens one of the extension's pages (`sidepanel.html?tab=…`, `corpus.html`) in a tab. */
  openExtensionPage(path: string): Promise<Page>;
  /** The browser's id of the tab showing `url`, as the extension sees it. */
  tabIdOf(url: string): Promise<number>;
  /** The extension's service worker (asked each time: Chromium may have restarted it). */
  serviceWorker(): Promise<Worker>;
  /** Opens `url` in a tab, then the side panel's page pinned to that tab (`?tab=`). */
  openWithPanel(url: string): Promise<{ article: Page; panel: Page }>;
  /**
   * Loads the extension's folder again, the browser running, as an update installs a new version
   * (same id, its pages closed, the old service worker replaced by the new files'): DevTools'
   * `Extensions.loadUnpacked`, launched with `updatable`.
   */
  loadAgain(): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /**
   * The browser's UI language (`fr`), which chooses the extension's messages. Chromium on Linux
   * takes it from the LANGUAGE environment variable (`--lang` is for Windows and macOS) and only
   * when it has that language's resources (Debian: the chromium-l10n package).
   */
  locale?: string;
  /**
   * A profile directory to use and keep (a benchmark's filled corpus, reused between runs);
   * by default a fresh one, removed on close.
   */
  profileDir?: string;
  /** The unpacked extension to load (default: the build, `CHROME_BUILD`): a copy a test may change. */
  extensionDir?: string;
  /** Lets `loadAgain` load the extension over itself (Chromium's `--enable-unsafe-extension-debugging`). */
  updatable?: boolean;
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const extension = options.extensionDir ?? CHROME_BUILD;
  if (!existsSync(join(extension, 'manifest.json'))) {
    throw new Error(`No built extension at ${extension}: run \`npm run build\` first.`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  const profile = options.profileDir ?? mkdtempSync(join(tmpdir(), 'recoupe-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    headless: true,
    executablePath: CHROMIUM,
    viewport: { width: 420, height: 900 },
    ...(options.locale ? { locale: options.locale, env: { ...process.env, LANGUAGE: options.locale, LANG: `${options.locale}.UTF-8` } } : {}),
    args: [
      ...(options.locale ? [`--lang=${options.locale}`] : []),
      '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
      `--disable-extensions-except=${extension}`, `--load-extension=${extension}`,
      ...(options.updatable ? ['--enable-unsafe-extension-debugging'] : []),
    ],
  });
  const serviceWorker = async () => context.serviceWorkers()[0] ?? context.waitForEvent('serviceworker');
  const extensionId = new URL((await serviceWorker()).url()).host;

  const openExtensionPage = async (path: string) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/${path}`);
    return page;
  };
  const tabIdOf = async (url: string) => {
    const id = await (await serviceWorker()).evaluate(async (target) => {
      const tabs: { id?: number; url?: string }[] = await (globalThis as any).chrome.tabs.query({});
      return tabs.find((t) => t.url === target)?.id ?? null;
    }, url);
    if (id === null) throw new Error(`No tab shows ${url}`);
    return id;
  };
  return {
    context,
    extensionId,
    openExtensionPage,
    tabIdOf,
    serviceWorker,
    async openWithPanel(url: string) {
      const article = await context.newPage();
      await article.goto(url);
      const panel = await openExtensionPage(`sidepanel.html?tab=${await tabIdOf(url)}`);
      return { article, panel };
    },
    async loadAgain() {
      const browser = context.browser();
      if (!browser || !options.updatable) throw new Error('loadAgain needs a browser launched with `updatable`');
      const session = await browser.newBrowserCDPSession();
      try {
        // Not in playwright-core's protocol types yet (Chromium 126 and later).
        await session.send('Extensions.loadUnpacked' as never, { path: extension } as never);
      } finally {
        await session.detach();
      }
    },
    async close() {
      await context.close();
      if (!options.profileDir) rmSync(profile, { recursive: true, force: true });
    },
  };
}
