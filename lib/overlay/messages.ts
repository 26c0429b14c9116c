/**
 * Messages between the portal content scripts and the background. `pageSeen` keeps the raw
 * shape the procedures' background listener parses (lib/procedures/background.ts).
 */
import { browser } from 'wxt/browser';
import { defineMessage } from '../messaging';
import type { PageSeenMessage } from '../procedures/background';
import type { PageId, ProgressSummary } from '../procedures/summary';
import type { OverlayState } from '../store/storage';

/** Content → background: inject the overlay UI into the sender's frame. Answers whether it did. */
export const injectOverlay = defineMessage<void, boolean>('injectOverlay');
export const getOverlayState = defineMessage<{ portalId: string }, OverlayState>('getOverlayState');
/** Merges `change` into the portal's state; answers the new state. */
export const setOverlayState = defineMessage<{ portalId: string; change: Partial<OverlayState> }, OverlayState>('setOverlayState');

/** The current procedure as the popup shows it, seen from this page; null when there is none. */
export const getProcedureSummary = defineMessage<PageId, ProgressSummary | null>('getProcedureSummary');

export function sendPageSeen(portalId: string, pageId: string): Promise<unknown> {
  const message: PageSeenMessage = { type: 'pageSeen', portalId, pageId };
  return browser.runtime.sendMessage(message);
}
