/**
 * Shows the panel's evidence in a tab: highlights shared quotations and passages, and scrolls to
 * one and selects it on a click. The work happens in the page (extension/page-evidence.ts,
 * bundled as the injected script /evidence-page.js): each item is found by its TextQuote selector,
 * exactly or approximately when that verifies, and an item the page no longer has is reported as
 * an orphan, never guessed.
 */
import { browser } from 'wxt/browser';
import { EVIDENCE_GLOBAL, type ShowInPage, type ShownInPage } from '../../extension/page-evidence';

/** Runs in the tab after /evidence-page.js: self-contained, it only calls what that script installed. */
function callShowInPage(name: string, request: ShowInPage): ShownInPage | null {
  const show = (globalThis as unknown as Record<string, ((r: ShowInPage) => ShownInPage) | undefined>)[name];
  return show ? show(request) : null;
}

export async function showEvidence(tabId: number, request: ShowInPage): Promise<ShownInPage> {
  await browser.scripting.executeScript({ target: { tabId }, files: ['/evidence-page.js'] });
  const [injection] = await browser.scripting.executeScript({ target: { tabId }, func: callShowInPage, args: [EVIDENCE_GLOBAL, request] });
  const shown = injection?.result as ShownInPage | null | undefined;
  if (!shown) throw new Error('The page could not be reached to show the evidence. Reload it and try again.');
  return shown;
}
