/**
 * The overlay's per-portal memory (collapsed, dismissed, chosen procedure) in
 * storage.local: the background reads and writes it for the content scripts, which cannot
 * reach the extension's IndexedDB.
 */
import { browser } from 'wxt/browser';
import type { OverlayState } from './messages';

const storageKey = 'overlayStates';
/** The guide starts folded on each portal: a tab with the step, opened by the user (lib/overlay/tab.ts). */
export const defaultOverlayState: OverlayState = { collapsed: true, dismissed: false };

async function readAll(): Promise<Record<string, OverlayState>> {
  const stored = (await browser.storage.local.get(storageKey))[storageKey];
  return stored && typeof stored === 'object' ? (stored as Record<string, OverlayState>) : {};
}

/** Calls `listener` with a portal's state whenever it changes (in another tab, from the popup…); answers the unsubscribe. */
export function watchOverlayState(portalId: string, listener: (state: OverlayState) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const all = changes[storageKey]?.newValue as Record<string, OverlayState> | undefined;
    if (area === 'local' && all) listener({ ...defaultOverlayState, ...all[portalId] });
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}

export async function readOverlayState(portalId: string): Promise<OverlayState> {
  return { ...defaultOverlayState, ...(await readAll())[portalId] };
}

export async function writeOverlayState(portalId: string, change: Partial<OverlayState>): Promise<OverlayState> {
  const all = await readAll();
  const next: OverlayState = { ...defaultOverlayState, ...all[portalId], ...change };
  await browser.storage.local.set({ [storageKey]: { ...all, [portalId]: next } });
  return next;
}
