/**
 * What the extension painted in a tab, read where it is kept: the extension's isolated world of the
 * tab (extension/page-evidence.ts `paintedInPage`, installed by /evidence-page.js). The page's own
 * world holds none of it (tests/e2e/highlights.test.ts checks that a page script sees nothing).
 */
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../support/chromium-extension';

export interface Painted {
  quote: string[];
  passage: string[];
  focus: string[];
  /** Boxes drawn, and how far (CSS px) the farthest lies from the words it covers. */
  boxes: number;
  offsetPx: number | null;
}

/** Null when the evidence script is not installed in the tab (nothing was ever shown there). */
export async function paintedIn(browser: ExtensionBrowser, page: Page): Promise<Painted | null> {
  const tabId = await browser.tabIdOf(page.url());
  return (await browser.serviceWorker()).evaluate(async (tabId) => {
    const [injection] = await (globalThis as any).chrome.scripting.executeScript({
      target: { tabId },
      func: () => (globalThis as any).__recoupePaintedInPage?.() ?? null,
    });
    return injection?.result ?? null;
  }, tabId);
}

/** How many quotations and passages are painted, and whether boxes show them in place (within a pixel). */
export async function paintedCounts(browser: ExtensionBrowser, page: Page): Promise<{ quote: number; passage: number; painted: boolean }> {
  const p = await paintedIn(browser, page);
  return { quote: p?.quote.length ?? 0, passage: p?.passage.length ?? 0, painted: (p?.boxes ?? 0) > 0 && p!.offsetPx !== null && p!.offsetPx < 1 };
}
