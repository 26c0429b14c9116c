/**
 * The background's side of « Activer Balise sur ce site »: the always-loaded portal content
 * script, which the manifest declares for the built-in hosts only, is registered at run time
 * for the origins the user granted (lib/store/sites.ts), kept in step at start-up, when a
 * permission comes or goes (also from the browser's own UI), and when the popup or the options
 * page says the sites changed. The overlay itself is injected by executeScript
 * (./background.ts), which works on any granted origin.
 */
import { browser, type Browser } from 'wxt/browser';
import { updateFillMenu } from '../autofill/background';
import { portals } from '../portals';
import { isSiteOrigin, originPattern, type Sites } from '../portals/sites';
import { pruneSites, rememberSite } from '../store/sites';
import { pendingSite } from '../store/storage';
import { SenderRefused } from '../senders';
import { siteRequested, syncSites } from './messages';

/** The content script built from entrypoints/portal.content, the same file the manifest loads on the built-in hosts. */
export const portalScriptFile = '/content-scripts/portal.js';
export const siteScriptId = 'balise-sites';

/** Registers (or updates, or unregisters) the portal content script for exactly the granted sites; answers them. */
export async function syncSiteScripts(): Promise<Sites> {
  const sites = await pruneSites();
  const matches = Object.keys(sites).map(originPattern);
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [siteScriptId] });
  const script = { id: siteScriptId, js: [portalScriptFile], matches, runAt: 'document_end' as const };
  if (matches.length === 0) {
    if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: [siteScriptId] });
  } else if (registered.length > 0) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
  await updateFillMenu();
  return sites;
}

/**
 * Completes the choice made in the popup once the browser grants its origin: stores it,
 * registers the content script and reloads the tab, so that the guide appears. The popup may
 * have closed when the prompt opened (it does in Firefox): the background does it. Answers
 * whether a choice was completed; a choice whose origin is not granted waits.
 */
export async function completePendingSite(): Promise<boolean> {
  const pending = await pendingSite().getValue();
  if (!pending) return false;
  const { origin, portalId, tabId } = pending;
  if (!isSiteOrigin(origin) || !portals.some((portal) => portal.id === portalId)) {
    await pendingSite().removeValue();
    return false;
  }
  if (!(await browser.permissions.contains({ origins: [originPattern(origin)] }))) return false;
  await pendingSite().removeValue();
  await rememberSite(origin, portalId);
  await syncSiteScripts();
  await browser.tabs.reload(tabId).catch(() => undefined); // the tab may be gone
  return true;
}

/** Calls in turn, never two at once: registration calls racing each other would fail on the duplicate id. */
let queue: Promise<unknown> = Promise.resolve();
function serialised<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work, work);
  queue = next.catch(() => undefined);
  return next;
}
const logged = (work: Promise<unknown>) => void work.catch((error: unknown) => console.error('Balise: sites', error));

/** Only Balise's own pages (popup, options): the registration follows the browser's grants anyway. */
function fromExtensionPage(sender: Browser.runtime.MessageSender, message: string): void {
  if (sender.id !== browser.runtime.id || !sender.url?.startsWith(browser.runtime.getURL('/'))) throw new SenderRefused(message);
}

/** Call once from the background's main(). */
export function registerSiteHandlers(): void {
  syncSites.handle((_request, sender) => {
    fromExtensionPage(sender, syncSites.name);
    return serialised(syncSiteScripts);
  });
  siteRequested.handle((_request, sender) => {
    fromExtensionPage(sender, siteRequested.name);
    return serialised(completePendingSite);
  });
  browser.permissions.onAdded.addListener(() => logged(serialised(async () => (await completePendingSite()) || syncSiteScripts())));
  browser.permissions.onRemoved.addListener(() => logged(serialised(syncSiteScripts)));
  logged(serialised(syncSiteScripts));
}
