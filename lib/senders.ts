/**
 * Who may ask the background what. The browser sets a message's sender (extension id, tab,
 * frame, URL); a page can forge a request's content but not these. Each check throws, so a
 * refused message rejects at the sender and the background does nothing for it.
 */
import { browser, type Browser } from 'wxt/browser';
import { findPortal } from './portals/index';
import { parseUrl } from './portals/lookup';
import type { Portal } from './portals/schema';

type Sender = Browser.runtime.MessageSender;

export class SenderRefused extends Error {
  constructor(message: string) {
    super(`${message}: sender not allowed`);
  }
}

export interface PortalFrame {
  tabId: number;
  portal: Portal;
  url: URL;
}

/**
 * Balise's content script in the top frame of a tab showing a portal page: the sender's URL
 * is on an allowlisted portal (HTTPS, exact host), and the tab's URL, when the browser gives
 * it, has the same origin — a document that outlived a navigation to elsewhere is refused.
 * `message` names the message in the error. Throws SenderRefused.
 */
export function portalTopFrame(sender: Sender, message: string): PortalFrame {
  const tabId = sender.tab?.id;
  const url = sender.url ? parseUrl(sender.url) : null;
  const portal = url && findPortal(url);
  const tabUrl = sender.tab?.url;
  if (sender.id !== browser.runtime.id || tabId === undefined || sender.frameId !== 0 || !url || !portal) throw new SenderRefused(message);
  if (tabUrl !== undefined && parseUrl(tabUrl)?.origin !== url.origin) throw new SenderRefused(message);
  return { tabId, portal, url };
}

/**
 * One of Balise's own pages shown inside a tab (the guide frame in a portal tab): answers
 * that tab's id. Content scripts, the popup (no tab) and other extensions are refused.
 * Throws SenderRefused.
 */
export function extensionPageInTab(sender: Sender, message: string): { tabId: number } {
  const tabId = sender.tab?.id;
  if (sender.id !== browser.runtime.id || tabId === undefined || !sender.url?.startsWith(browser.runtime.getURL('/'))) throw new SenderRefused(message);
  return { tabId };
}

/**
 * For a message about one portal: Balise's own pages (popup, side panel, guide frame) may ask
 * about any portal; a content script only about the portal its own page is on, from the tab's
 * top frame. Answers which of the two asks. Throws SenderRefused.
 */
export function aboutPortal(sender: Sender, portalId: string, message: string): 'extensionPage' | 'portalPage' {
  if (sender.id === browser.runtime.id && sender.url?.startsWith(browser.runtime.getURL('/'))) return 'extensionPage';
  if (portalTopFrame(sender, message).portal.id !== portalId) throw new SenderRefused(message);
  return 'portalPage';
}
