import { browser } from 'wxt/browser';

interface SidebarAction {
  open(): Promise<void>;
}
interface ChromeSidePanel {
  open(options: { windowId: number }): Promise<void>;
}

/**
 * Opens the side panel (Chrome, in window `windowId`) or the sidebar (Firefox). Must be called
 * straight from a user gesture's handler in an extension page (the popup's button), before any
 * await: both browsers refuse otherwise. The popup reads its window id when it opens.
 */
export function openSidePanel(windowId: number): Promise<void> {
  const firefox = (browser as unknown as { sidebarAction?: SidebarAction }).sidebarAction;
  if (firefox) return firefox.open();
  const chrome = (browser as unknown as { sidePanel?: ChromeSidePanel }).sidePanel;
  return chrome ? chrome.open({ windowId }) : Promise.resolve();
}
