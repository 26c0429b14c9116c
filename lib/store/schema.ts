/**
 * The database's name and versions, without Dexie: db.ts opens it through Dexie with these, and
 * the pages' first read (firstScreen.ts) opens it with IndexedDB's own API before Dexie is loaded.
 */

/** The database's name, as the IT department sees it in the browser's storage. */
export const databaseName = 'balise';

export interface DbVersion {
  version: number;
  /** Dexie's notation: primary key first, then the indexes; null drops a table. */
  stores: Record<string, string | null>;
}

export const dbVersions: readonly DbVersion[] = [
  { version: 1, stores: { establishments: 'id, finessEt, siret, label', settings: 'key' } },
  // Procedures: progress per establishment and procedure, reminders (alarms) per establishment.
  { version: 2, stores: { progress: '[establishmentId+procedureId], establishmentId', reminders: 'id, establishmentId, dueAt' } },
  // Pushed establishments move to their own ids (managedIdOf), with what refers to them (db.ts).
  { version: 3, stores: {} },
  // The lists' rows (rows.ts, summaryOf), one per establishment, written by db.ts with each write of an establishment, in
  // its transaction: the pages' first read gets the whole list in one request rather than walking 500 labels (firstScreen.ts).
  { version: 4, stores: { summaries: 'id' } },
];

export const latestDbVersion = dbVersions.at(-1)!.version;

/** The version IndexedDB itself records: Dexie stores ten times its own (Dexie's `verno * 10`). */
export const indexedDbVersion = (version: number) => Math.round(version * 10);
