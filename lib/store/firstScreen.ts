/**
 * The first read of the options page and the popup, with IndexedDB's own API: a tiny module
 * (entrypoints/options/boot.ts, entrypoints/popup/boot.ts) starts it before React and Dexie are
 * even fetched, so the database's round trips overlap with loading them; the page then draws its
 * first screen from it, and Dexie's live queries take over. Imports nothing heavy on purpose.
 */
import { byLabel } from '../profile/names';
import type { StoredEstablishment } from '../profile/pushed';
import { settingsOf, type LabelledId, type Settings } from './rows';
import { databaseName, indexedDbVersion, latestDbVersion } from './schema';

export interface FirstScreen {
  /** Every establishment's label, in the lists' order (as readLabels gives them). */
  labels: LabelledId[];
  settings: Settings;
  /** The records `wanted` named that exist, by id. */
  records: Map<string, StoredEstablishment>;
}

/**
 * Reads, from the database `name` (tests give another), the labels (the label index alone), the settings, then the records `wanted` names, in
 * one read-only transaction. Resolves undefined, and never rejects, when the database cannot be
 * read so: not created yet, at another version (Dexie upgrades it), or any error; the page then
 * reads through Dexie, which reports what is wrong. The connection is closed at once, so that it
 * never holds up Dexie's opening.
 */
export function readFirstScreen(
  wanted: (labels: readonly LabelledId[], settings: Settings) => readonly string[],
  name = databaseName,
): Promise<FirstScreen | undefined> {
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
        const transaction = database.transaction(['establishments', 'settings'], 'readonly');
        const establishments = transaction.objectStore('establishments');
        const labels: LabelledId[] = [];
        const records = new Map<string, StoredEstablishment>();
        let settings: Settings | undefined;
        const settingsRequest = transaction.objectStore('settings').getAll();
        settingsRequest.onsuccess = () => {
          settings = settingsOf(settingsRequest.result as { key: string; value: unknown }[]);
          readRecords();
        };
        let labelsRead = false;
        const cursor = establishments.index('label').openKeyCursor();
        cursor.onsuccess = () => {
          const at = cursor.result;
          if (!at) {
            labelsRead = true;
            labels.sort(byLabel);
            return readRecords();
          }
          labels.push({ label: String(at.key), id: String(at.primaryKey) });
          at.continue();
        };
        // Once both the labels and the settings are in, in the same transaction.
        const readRecords = () => {
          if (!labelsRead || !settings) return;
          for (const id of wanted(labels, settings)) {
            const get = establishments.get(id);
            get.onsuccess = () => {
              if (get.result) records.set(id, get.result as StoredEstablishment);
            };
          }
        };
        transaction.oncomplete = () => resolve(settings && { labels, settings, records });
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

/** Rows the options list renders at first and adds by each « Afficher les suivants » (EstablishmentList). */
export const PAGE_SIZE = 50;

/** The options list's first page: the first labels in the lists' order. */
export const firstPageOf = (labels: readonly LabelledId[]) => labels.slice(0, PAGE_SIZE);

let started: Promise<FirstScreen | undefined> | undefined;

/** Starts the page's first read (boot.ts, once); `firstScreen` gives it to the page. */
export function startFirstScreen(wanted: Parameters<typeof readFirstScreen>[0]): void {
  started ??= readFirstScreen(wanted);
}

/** The read boot.ts started, or undefined when none was (unit tests render the pages without it). */
export const firstScreen = (): Promise<FirstScreen | undefined> => started ?? Promise.resolve(undefined);
