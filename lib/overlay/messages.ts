/**
 * Messages between the portal content scripts and the background about the guide itself
 * (the procedures' own are in ../procedures/messages.ts).
 */
import { defineMessage } from '../messaging';
import type { ProcedureId } from '../portals/schema';

/** What the overlay remembers for one portal. */
export interface OverlayState {
  collapsed: boolean;
  dismissed: boolean;
  /** The procedure last chosen on a page that serves several. */
  procedure?: ProcedureId;
}

/** Content → background: inject the overlay UI into the sender's frame. Answers whether it did. */
export const injectOverlay = defineMessage<void, boolean>('injectOverlay');
export const getOverlayState = defineMessage<{ portalId: string }, OverlayState>('getOverlayState');
/** Merges `change` into the portal's state; answers the new state. */
export const setOverlayState = defineMessage<{ portalId: string; change: Partial<OverlayState> }, OverlayState>('setOverlayState');
