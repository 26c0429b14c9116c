/**
 * The background's side of « Activer Balise sur ce site »: the always-loaded portal content
 * script, which the manifest declares for the built-in hosts only, is registered at run time
 * for the origins the user granted (lib/store/sites.ts), kept in step at start-up, when a
 * permission comes or goes (also from the browser's own UI), and when the popup or the options
 * page says the sites changed. The overlay itself is injected by executeScript
 * (./background.ts), which works on any granted origin.
 */
import { browser } from 'wxt/browser';
import { originPattern, type Sites } from '../portals/sites';
import { pruneSites } from '../store/sites';
import { SenderRefused } from '../senders';
import { syncSites } from './messages';

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
  return sites;
}

/** Calls in turn, never two at once: registration calls racing each other would fail on the duplicate id. */
let queue: Promise<unknown> = Promise.resolve();
function serialised(): Promise<Sites> {
  const next = queue.then(syncSiteScripts, syncSiteScripts);
  queue = next.catch(() => undefined);
  return next;
}

/** Call once from the background's main(). */
export function registerSiteHandlers(): void {
  syncSites.handle((_request, sender) => {
    // Only Balise's own pages (popup, options): the registration follows the browser's grants anyway.
    if (sender.id !== browser.runtime.id || !sender.url?.startsWith(browser.runtime.getURL('/'))) throw new SenderRefused(syncSites.name);
    return serialised();
  });
  browser.permissions.onAdded.addListener(() => void serialised().catch((error: unknown) => console.error('Balise: sites', error)));
  browser.permissions.onRemoved.addListener(() => void serialised().catch((error: unknown) => console.error('Balise: sites', error)));
  void serialised().catch((error: unknown) => console.error('Balise: sites', error));
}
