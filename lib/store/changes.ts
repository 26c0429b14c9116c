/**
 * Content scripts cannot read or watch the extension's IndexedDB. After every committed write
 * to the tables what they show depends on (db.ts), `dataChanged` takes a new value; they watch
 * it and ask the background again. Kept apart from db.ts so that watching costs content
 * scripts no Dexie.
 */
import { localKeys, watchLocal, writeLocal } from './local';

export function announceDataChanged(): void {
  writeLocal({ [localKeys.dataChanged]: crypto.randomUUID() }).catch(() => {});
}

/** Calls `listener` after each change of the establishments, settings or progress; answers the unsubscribe. */
export function watchDataChanges(listener: () => void): () => void {
  return watchLocal(localKeys.dataChanged, () => listener());
}
