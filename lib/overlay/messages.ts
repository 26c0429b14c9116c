/**
 * Messages between the portal content scripts and the background about the guide itself
 * (the procedures' own are in ../procedures/messages.ts).
 */
import { defineMessage } from '../messaging';
import type { Sites } from '../portals/sites';
import type { OverlayState } from '../store/storage';

/** Content → background: inject the overlay UI into the sender's frame. Answers whether it did. */
export const injectOverlay = defineMessage<void, boolean>('injectOverlay');
export const getOverlayState = defineMessage<{ portalId: string }, OverlayState>('getOverlayState');
/** Merges `change` into the portal's state; answers the new state. */
export const setOverlayState = defineMessage<{ portalId: string; change: Partial<OverlayState> }, OverlayState>('setOverlayState');
/**
 * Balise's own pages (popup, options) → background: the sites switched on changed (granted,
 * removed); register the portal content script for those still granted. Answers them.
 */
export const syncSites = defineMessage<void, Sites>('syncSites');
/**
 * Popup → background: the choice waiting for the browser's grant is stored (pendingSite); complete it
 * if the origin is already granted. Answers whether the site is now on.
 */
export const siteRequested = defineMessage<void, boolean>('siteRequested');
