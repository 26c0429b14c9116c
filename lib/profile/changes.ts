/**
 * Content scripts cannot read or watch the extension's IndexedDB. After every committed write
 * to the tables what they show depends on (db.ts), this storage.local key takes a new value;
 * they watch it and ask the background again. Kept apart from db.ts so that watching costs
 * content scripts no Dexie.
 */
import { browser } from 'wxt/browser';

export const dataChangedKey = 'balise.dataChanged';

export function announceDataChanged(): void {
  browser.storage.local.set({ [dataChangedKey]: crypto.randomUUID() }).catch(() => {});
}

/** Calls `listener` after each change of the establishments, settings or progress; answers the unsubscribe. */
export function watchDataChanges(listener: () => void): () => void {
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && dataChangedKey in changes) listener();
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
