/**
 * The overlay's per-portal memory (collapsed, dismissed, chosen procedure), kept in
 * storage.local (overlayStates, lib/store/storage.ts): the background reads and writes it for
 * the content scripts, which cannot reach the extension's IndexedDB.
 */
import { localKeys, readLocal, watchLocal, writeLocal } from '../store/local';
import type { OverlayState } from '../store/storage';

/** The guide starts folded on each portal: a tab with the step, opened by the user (lib/overlay/tab.ts). */
export const defaultOverlayState: OverlayState = { collapsed: true, dismissed: false };

/** A portal's state in the stored record of all portals' (`undefined`: never written). */
export function overlayStateIn(all: unknown, portalId: string): OverlayState {
  return { ...defaultOverlayState, ...(all as Record<string, OverlayState> | undefined)?.[portalId] };
}

/** Calls `listener` with a portal's state whenever it changes (in another tab, from the popup…); answers the unsubscribe. */
export function watchOverlayState(portalId: string, listener: (state: OverlayState) => void): () => void {
  return watchLocal(localKeys.overlayStates, (all) => listener(overlayStateIn(all, portalId)));
}

const readAll = async () => (await readLocal([localKeys.overlayStates]))[localKeys.overlayStates] as Record<string, OverlayState> | undefined;

export async function readOverlayState(portalId: string): Promise<OverlayState> {
  return overlayStateIn(await readAll(), portalId);
}

export async function writeOverlayState(portalId: string, change: Partial<OverlayState>): Promise<OverlayState> {
  const all = await readAll();
  const next: OverlayState = { ...overlayStateIn(all, portalId), ...change };
  await writeLocal({ [localKeys.overlayStates]: { ...all, [portalId]: next } });
  return next;
}
