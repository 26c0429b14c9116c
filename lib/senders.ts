/**
 * Who may ask the background what. The browser sets a message's sender (extension id, tab,
 * frame, URL); a page can forge a request's content but not these. Each check throws, so a
 * refused message rejects at the sender and the background does nothing for it.
 */
import { browser, type Browser } from 'wxt/browser';
import { findPortal } from './portals/index';
import { parseUrl } from './portals/lookup';
import type { Portal } from './portals/schema';
import { noSites, type Sites } from './portals/sites';
import { sitesForUrls } from './store/sites';

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
 * The sites switched on that a check of this sender needs: none when its URLs are on built-in
 * hosts or cannot be switched on at all (no storage nor permission read), else those the
 * browser still grants (lib/store/sites.ts). Pass the answer to the checks below.
 */
export async function sitesFor(sender: Sender): Promise<Sites> {
  return sitesForUrls([sender.url, sender.tab?.url]);
}

/**
 * Balise's content script in the top frame of a tab showing a portal page: the sender's URL
 * is on an allowlisted portal (HTTPS, exact host) or a site the user switched Balise on for
 * (`sites`, from sitesFor: that site's chosen portal only), and the tab's URL, when the browser
 * gives it, has the same origin — a document that outlived a navigation to elsewhere is
 * refused. `message` names the message in the error. Throws SenderRefused.
 */
export function portalTopFrame(sender: Sender, message: string, sites: Sites = noSites): PortalFrame {
  const tabId = sender.tab?.id;
  const url = sender.url ? parseUrl(sender.url) : null;
  const portal = url && findPortal(url, sites);
  const tabUrl = sender.tab?.url;
  if (sender.id !== browser.runtime.id || tabId === undefined || sender.frameId !== 0 || !url || !portal) throw new SenderRefused(message);
  if (tabUrl !== undefined && parseUrl(tabUrl)?.origin !== url.origin) throw new SenderRefused(message);
  return { tabId, portal, url };
}

/**
 * One of Balise's own pages shown inside a portal tab (the guide frame): answers that tab's id.
 * The tab must show a built-in portal host or a site switched on (`sites`, from sitesFor): the
 * guide frame may be framed on any page of the e-health domains (wxt.config.ts), and the browser
 * gives the tab's URL only where Balise has the host permission. Content scripts, the popup (no
 * tab), other extensions and a tab on any other site are refused. Throws SenderRefused.
 */
export function extensionPageInTab(sender: Sender, message: string, sites: Sites = noSites): { tabId: number } {
  const tabId = sender.tab?.id;
  const tabUrl = sender.tab?.url;
  if (sender.id !== browser.runtime.id || tabId === undefined || !sender.url?.startsWith(browser.runtime.getURL('/'))) throw new SenderRefused(message);
  if (tabUrl === undefined || !findPortal(tabUrl, sites)) throw new SenderRefused(message);
  return { tabId };
}

/**
 * For a message about one portal: Balise's own pages (popup, side panel, options) may ask about
 * any portal; the guide frame, shown in a web page's tab, only about that tab's portal (any page
 * of the e-health domains may frame it: wxt.config.ts); a content script only about the portal
 * its own page is on (on a site switched on, the portal the user chose for it), from the tab's
 * top frame. Answers which of the two asks. Throws SenderRefused.
 */
export function aboutPortal(sender: Sender, portalId: string, message: string, sites: Sites = noSites): 'extensionPage' | 'portalPage' {
  const own = browser.runtime.getURL('/');
  if (sender.id === browser.runtime.id && sender.url?.startsWith(own)) {
    const tabUrl = sender.tab?.url;
    const inWebPage = sender.tab !== undefined && !tabUrl?.startsWith(own);
    if (inWebPage && (tabUrl === undefined || findPortal(tabUrl, sites)?.id !== portalId)) throw new SenderRefused(message);
    return 'extensionPage';
  }
  if (portalTopFrame(sender, message, sites).portal.id !== portalId) throw new SenderRefused(message);
  return 'portalPage';
}
