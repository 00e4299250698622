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

const ARTICLE_DOT = '•';

/** A dot on the toolbar button when the page looks like an article. */
export function showArticleSignals(tabId: number, isArticle: boolean): void {
  void setBadge(tabId, isArticle ? ARTICLE_DOT : '', '#2f5d8a', isArticle ? i18n.t('background.articleDetected') : i18n.t('background.idleTitle'));
}

export type SaveOutcomeShown =
  | { ok: true; title: string | null; created: boolean; automatic?: boolean }
  | { ok: false; error: string };

/** Visible confirmation of a save made from the context menu, the keyboard or automatically. */
export function showSaveOutcome(tabId: number, outcome: SaveOutcomeShown): void {
  if (outcome.ok) {
    const title = outcome.title ?? i18n.t('background.untitled');
    const key = outcome.automatic
      ? outcome.created ? 'background.autoSavedTitle' : 'background.autoUpdatedTitle'
      : outcome.created ? 'background.savedTitle' : 'background.updatedTitle';
    void setBadge(tabId, '✓', '#2e7d32', i18n.t(key, [title]));
  } else {
    void setBadge(tabId, '!', '#b3261e', i18n.t('background.notSavedTitle', [outcome.error]));
  }
}

/**
 * An article on an auto-save site that was left unsaved on purpose (too large, empty): the
 * article dot stays, and the button's title says why, so the person can save it by hand.
 */
export function showAutoSaveSkipped(tabId: number, reason: string): void {
  void setBadge(tabId, ARTICLE_DOT, '#2f5d8a', i18n.t('background.autoSkippedTitle', [reason]));
}
