/**
 * Which portal page each tab shows, as its content script reported it (pageSeen): the side
 * panel follows the active tab's. Kept in storage.session (pagesByTab), gone with the session.
 */
import { pagesByTab, type TabPage } from '../store/storage';

export async function rememberTabPage(tabId: number, portalId: string, pageId: string, now = new Date()): Promise<void> {
  const pages = await pagesByTab().getValue();
  await pagesByTab().setValue({ ...pages, [tabId]: { portalId, pageId, at: now.toISOString() } });
}

export async function forgetTab(tabId: number): Promise<void> {
  const pages = await pagesByTab().getValue();
  if (!(tabId in pages)) return;
  delete pages[tabId];
  await pagesByTab().setValue(pages);
}

/** The portal page a tab shows, as its content script reported it. */
export async function tabPage(tabId: number): Promise<TabPage | undefined> {
  return (await pagesByTab().getValue())[tabId];
}

/** Calls `listener` whenever a tab reports a page or closes; answers the unsubscribe. */
export const watchTabPages = (listener: () => void): (() => void) => pagesByTab().watch(() => listener());
