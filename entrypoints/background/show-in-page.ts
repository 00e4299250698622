/**
 * Shows the panel's evidence in a tab: highlights shared quotations and passages, and scrolls to
 * one and outlines it on a click. The work happens in the page (extension/page-evidence.ts,
 * bundled as the injected script /evidence-page.js): each item is found by its TextQuote selector,
 * exactly or approximately when that verifies, and an item the page no longer has is reported as
 * an orphan, never guessed.
 */
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { EVIDENCE_GLOBAL, type ShowInPage, type ShownInPage } from '../../extension/page-evidence';

/** Runs in the tab: self-contained, it calls what /evidence-page.js installed, or says it is not there (null). */
function callShowInPage(name: string, request: ShowInPage): ShownInPage | null {
  const show = (globalThis as unknown as Record<string, ((r: ShowInPage) => ShownInPage) | undefined>)[name];
  return show ? show(request) : null;
}

export async function showEvidence(tabId: number, request: ShowInPage): Promise<ShownInPage> {
  const call = async () => {
    const [injection] = await browser.scripting.executeScript({ target: { tabId }, func: callShowInPage, args: [EVIDENCE_GLOBAL, request] });
    return injection?.result as ShownInPage | null | undefined;
  };
  // The script stays installed in the tab until it navigates: inject it only when it is missing.
  let shown = await call();
  if (!shown) {
    await browser.scripting.executeScript({ target: { tabId }, files: ['/evidence-page.js'] });
    shown = await call();
  }
  if (!shown) throw new Error(i18n.t('background.evidenceUnreachable'));
  return shown;
}
