/**
 * Plain reads and watches of storage.local, for the always-loaded content script: WXT's storage
 * items (./storage.ts, which names every key) cost that script a third of its code, parsed and
 * compiled again on every portal page load (content scripts get no code cache). The values are
 * the items' own (WXT stores an item's value as is, under its key).
 */
import { browser } from 'wxt/browser';

/** The storage.local keys read here; ./storage.ts says what each holds. */
export const localKeys = { overlayStates: 'overlayStates', dataChanged: 'balise.dataChanged', sites: 'balise.sites' } as const;

/** The values under `keys`, in one round trip; a key never written is absent. */
export async function readLocal(keys: readonly string[]): Promise<Record<string, unknown>> {
  return browser.storage.local.get([...keys]);
}

export async function writeLocal(values: Record<string, unknown>): Promise<void> {
  await browser.storage.local.set(values);
}

/** Calls `listener` with the new value (undefined once removed) each time `key` changes; answers the unsubscribe. */
export function watchLocal(key: string, listener: (value: unknown) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>) => {
    if (key in changes) listener(changes[key]!.newValue);
  };
  browser.storage.local.onChanged.addListener(onChanged);
  return () => browser.storage.local.onChanged.removeListener(onChanged);
}
