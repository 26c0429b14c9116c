/**
 * The first read of the options page and the popup, with IndexedDB's own API: a tiny module
 * (entrypoints/options/boot.ts, entrypoints/popup/boot.ts) starts it before React and Dexie are
 * even fetched, so the database's round trips overlap with loading them; the page then draws its
 * first screen from it, and Dexie's live queries take over. Imports nothing heavy on purpose.
 */
import { byLabel } from '../profile/names';
import type { StoredEstablishment } from '../profile/pushed';
import { settingsOf, type EstablishmentSummary, type Settings } from './rows';
import { databaseName, indexedDbVersion, latestDbVersion } from './schema';

export interface FirstScreen {
  /** Every establishment's summary, in the lists' order (as readSummaries gives them). */
  establishments: EstablishmentSummary[];
  settings: Settings;
  /** The records `wanted` named that exist, by id. */
  records: Map<string, StoredEstablishment>;
}

/** The records a page needs in full for its first screen, once it knows the settings. */
export type Wanted = (settings: Settings) => readonly string[];

/**
 * Reads, from the database `name` (tests give another), the summaries (one request: the table
 * kept beside the establishments, db.ts), the settings, then the records `wanted` names, in one
 * read-only transaction. Resolves undefined, and never rejects, when the database cannot be
 * read so: not created yet, at another version (Dexie upgrades it), or any error; the page then
 * reads through Dexie, which reports what is wrong. The connection is closed at once, so that it
 * never holds up Dexie's opening.
 */
export function readFirstScreen(wanted: Wanted = () => [], name = databaseName): Promise<FirstScreen | undefined> {
  return new Promise((resolve) => {
    const giveUp = () => resolve(undefined);
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(name);
    } catch {
      return giveUp();
    }
    // No database yet: creating it is Dexie's work, with the schema.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = giveUp;
    request.onblocked = giveUp;
    request.onsuccess = () => {
      const database = request.result;
      try {
        if (database.version !== indexedDbVersion(latestDbVersion)) return giveUp();
        const transaction = database.transaction(['summaries', 'establishments', 'settings'], 'readonly');
        const records = new Map<string, StoredEstablishment>();
        const summaries = transaction.objectStore('summaries').getAll();
        const settingsRequest = transaction.objectStore('settings').getAll();
        let settings: Settings | undefined;
        settingsRequest.onsuccess = () => {
          settings = settingsOf(settingsRequest.result as { key: string; value: unknown }[]);
          const establishments = transaction.objectStore('establishments');
          for (const id of wanted(settings)) {
            const get = establishments.get(id);
            get.onsuccess = () => {
              if (get.result) records.set(id, get.result as StoredEstablishment);
            };
          }
        };
        transaction.oncomplete = () =>
          resolve(settings && { establishments: (summaries.result as EstablishmentSummary[]).sort(byLabel), settings, records });
        transaction.onerror = giveUp;
        transaction.onabort = giveUp;
      } catch {
        giveUp();
      } finally {
        database.close();
      }
    };
  });
}

let started: Promise<FirstScreen | undefined> | undefined;

/** Starts the page's first read (boot.ts, once); `firstScreen` gives it to the page. */
export function startFirstScreen(wanted?: Wanted): void {
  started ??= readFirstScreen(wanted);
}

/** The read boot.ts started, or undefined when none was (unit tests render the pages without it). */
export const firstScreen = (): Promise<FirstScreen | undefined> => started ?? Promise.resolve(undefined);
