/**
 * The overlay's background side: injects the overlay UI into a portal frame on request of
 * the always-loaded content script, and keeps the per-portal overlay state.
 */
import { browser } from 'wxt/browser';
import { findPortal, portals } from '../portals';
import { aboutPortal, sitesFor } from '../senders';
import { getOverlayState, injectOverlay, setOverlayState } from './messages';
import { readOverlayState, writeOverlayState } from './state';

/** The runtime-registered content script built from entrypoints/overlay.content. */
export const overlayScriptFile = '/content-scripts/overlay.js';

const knownPortal = (portalId: string) => {
  if (!portals.some((portal) => portal.id === portalId)) throw new Error(`unknown portal ${portalId}`);
};

/** Call once from the background's main(). */
export function registerOverlayHandlers(): void {
  injectOverlay.handle(async (_request, sender) => {
    const tabId = sender.tab?.id;
    // Only a frame of a known portal host or of a site still granted, as the browser reports it, gets the overlay.
    const portal = sender.url ? findPortal(sender.url, await sitesFor(sender)) : null;
    if (tabId === undefined || !portal) return false;
    if ((await readOverlayState(portal.id)).dismissed) return false;
    await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [overlayScriptFile] });
    return true;
  });
  getOverlayState.handle(async ({ portalId }, sender) => {
    knownPortal(portalId);
    aboutPortal(sender, portalId, 'getOverlayState', await sitesFor(sender));
    return readOverlayState(portalId);
  });
  setOverlayState.handle(async ({ portalId, change }, sender) => {
    knownPortal(portalId);
    aboutPortal(sender, portalId, 'setOverlayState', await sitesFor(sender));
    return writeOverlayState(portalId, change);
  });
}
