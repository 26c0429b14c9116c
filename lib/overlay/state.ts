/**
 * The overlay's per-portal memory (collapsed, dismissed, chosen procedure), kept in
 * storage.local (overlayStates, lib/store/storage.ts): the background reads and writes it for
 * the content scripts, which cannot reach the extension's IndexedDB.
 */
import { overlayStates, type OverlayState } from '../store/storage';

/** The guide starts folded on each portal: a tab with the step, opened by the user (lib/overlay/tab.ts). */
export const defaultOverlayState: OverlayState = { collapsed: true, dismissed: false };

/** Calls `listener` with a portal's state whenever it changes (in another tab, from the popup…); answers the unsubscribe. */
export function watchOverlayState(portalId: string, listener: (state: OverlayState) => void): () => void {
  return overlayStates().watch((all) => listener({ ...defaultOverlayState, ...all[portalId] }));
}

export async function readOverlayState(portalId: string): Promise<OverlayState> {
  return { ...defaultOverlayState, ...(await overlayStates().getValue())[portalId] };
}

export async function writeOverlayState(portalId: string, change: Partial<OverlayState>): Promise<OverlayState> {
  const all = await overlayStates().getValue();
  const next: OverlayState = { ...defaultOverlayState, ...all[portalId], ...change };
  await overlayStates().setValue({ ...all, [portalId]: next });
  return next;
}
