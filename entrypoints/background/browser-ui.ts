/**
 * The browser's own surfaces: toolbar badge, context menu, keyboard command, and opening the
 * panel (Chrome's side panel, Firefox's sidebar). Browser differences stay in this file.
 */
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';

export const SAVE_MENU_ID = 'recoupe-save-article';
export const SAVE_COMMAND = 'save-article';

/** Firefox's sidebar API, missing from Chrome's types. */
type SidebarAction = { toggle?: () => Promise<void>; open?: () => Promise<void> };
const sidebarAction = (): SidebarAction | undefined => (browser as unknown as { sidebarAction?: SidebarAction }).sidebarAction;

/** Makes the toolbar button open the panel, in whichever way this browser does it. */
export function openPanelOnActionClick(): void {
  const sidePanel = (browser as unknown as { sidePanel?: { setPanelBehavior: (b: { openPanelOnActionClick: boolean }) => Promise<void> } }).sidePanel;
  if (sidePanel) {
    sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
    return;
  }
  browser.action.onClicked.addListener(() => {
    // Must run synchronously inside the click's user gesture.
    void sidebarAction()?.toggle?.();
  });
}

export function createContextMenu(): void {
  browser.contextMenus.removeAll().then(() => {
    browser.contextMenus.create({ id: SAVE_MENU_ID, title: i18n.t('background.contextMenuSave'), contexts: ['page', 'selection'] });
  }).catch(() => {});
}

async function setBadge(tabId: number, text: string, color: string, title: string): Promise<void> {
  await Promise.all([
    browser.action.setBadgeText({ tabId, text }),
    text ? browser.action.setBadgeBackgroundColor({ tabId, color }) : Promise.resolve(),
    browser.action.setTitle({ tabId, title }),
  ]).catch(() => {}); // The tab may have closed meanwhile.
}

/** A dot on the toolbar button when the page looks like an article. */
export function showArticleSignals(tabId: number, isArticle: boolean): void {
  void setBadge(tabId, isArticle ? '•' : '', '#2f5d8a', isArticle ? 'Recoupe: article detected. Open the panel to compare.' : 'Recoupe');
}

/** Visible confirmation of a save made from the context menu or the keyboard. */
export function showSaveOutcome(tabId: number, outcome: { ok: true; title: string | null; created: boolean } | { ok: false; error: string }): void {
  if (outcome.ok) {
    const verb = outcome.created ? 'Saved' : 'Updated';
    void setBadge(tabId, '✓', '#2e7d32', `Recoupe: ${verb} “${outcome.title ?? 'untitled article'}”`);
  } else {
    void setBadge(tabId, '!', '#b3261e', `Recoupe: not saved. ${outcome.error}`);
  }
}
