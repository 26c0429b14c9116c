/**
 * The autofill's messages: the content script asks the background for the profile it
 * fills from (IndexedDB lives in the extension's origin, not in the portal's), and the
 * background tells a tab to start (keyboard shortcut, context menu).
 */
import { defineMessage } from '../messaging';
import type { Establishment } from '../profile/schema';
import type { EstablishmentSummary } from './resolve';

export interface FillContextRequest {
  /** An establishment the user picked in the overlay; default: the current one, else the only one. */
  establishmentId?: string;
}

export interface FillContext {
  establishments: EstablishmentSummary[];
  /** In full: the one to fill from, or null when several exist and none is chosen (the overlay asks). */
  establishment: Establishment | null;
  /** The contact who uses this workstation in that establishment. */
  meContactId?: string;
}

export const getFillContext = defineMessage<FillContextRequest, FillContext>('autofill.getFillContext');

export type FillTrigger = 'command' | 'contextMenu';

export const startFill = defineMessage<{ trigger: FillTrigger }, void>('autofill.startFill');

const startListeners = new Set<(trigger: FillTrigger) => void>();
let handlerRegistered = false;

/**
 * Subscribes to start requests in this tab. One message handler for the whole content
 * script, however often the panel mounts.
 */
export function onStartFill(listener: (trigger: FillTrigger) => void): () => void {
  if (!handlerRegistered) {
    handlerRegistered = true;
    startFill.handle(({ trigger }) => {
      for (const notify of startListeners) notify(trigger);
    });
  }
  startListeners.add(listener);
  return () => startListeners.delete(listener);
}
