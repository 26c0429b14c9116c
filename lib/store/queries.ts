/**
 * The pages' reads, and the settings' writes, through Dexie alone: no schema (zod), so that the
 * options page and the popup draw before the profile's validation is loaded. profile.ts, where
 * every write of an establishment goes, re-exports them: callers may import from either.
 */
import { byLabel } from '../profile/names';
import type { StoredEstablishment } from '../profile/pushed';
import { db, type BaliseDb } from './db';
import { settingsOf, type EstablishmentSummary, type Settings } from './rows';

export type { EstablishmentSummary, Settings } from './rows';

export async function readSettings(database: BaliseDb = db): Promise<Settings> {
  return settingsOf(await database.settings.toArray());
}

/** The establishment Balise works for: the current one (chosen in the popup), else the only one; null when it must ask. */
export function whichEstablishment(ids: readonly string[], currentId: string | undefined): string | null {
  if (currentId && ids.includes(currentId)) return currentId;
  return ids.length === 1 ? (ids[0] ?? null) : null;
}

/** The establishment Balise works for (whichEstablishment) and who "me" is there. */
export interface WorkContext {
  establishment: StoredEstablishment;
  /** The contact the user is; undefined also when they said they are none. */
  meId: string | undefined;
}

export async function readWorkContext(database: BaliseDb = db): Promise<WorkContext | undefined> {
  const [settings, ids] = await Promise.all([readSettings(database), database.establishments.toCollection().primaryKeys()]);
  const id = whichEstablishment(ids, settings.currentEstablishmentId);
  const establishment = id === null ? undefined : await database.establishments.get(id);
  return establishment && { establishment, meId: settings.me[establishment.id] ?? undefined };
}

export async function writeSetting<K extends keyof Settings>(key: K, value: Settings[K], database: BaliseDb = db) {
  if (value === undefined) await database.settings.delete(key);
  else await database.settings.put({ key, value });
}

/** Who "me" is in an establishment; null: none of its contacts; `undefined` forgets it. */
export async function setMe(establishmentId: string, contactId: string | null | undefined, database: BaliseDb = db) {
  await database.transaction('rw', database.settings, async () => {
    const me = { ...(await readSettings(database)).me };
    if (contactId !== undefined) me[establishmentId] = contactId;
    else delete me[establishmentId];
    await writeSetting('me', me, database);
  });
}

// The pages' reads: they follow the database when called inside dexie-react-hooks' useLiveQuery.

/** Opens the database, so that a page can say at once when it cannot (ErrorBoundary). */
export const openDatabase = (database: BaliseDb = db) => database.open();

export const readEstablishment = (id: string, database: BaliseDb = db): Promise<StoredEstablishment | undefined> => database.establishments.get(id);

/** Every establishment, or those of `ids` that still exist, in that order. */
export async function readEstablishments(ids?: readonly string[], database: BaliseDb = db): Promise<StoredEstablishment[]> {
  if (!ids) return database.establishments.toArray();
  return (await database.establishments.bulkGet([...ids])).filter((row) => row !== undefined);
}

/**
 * The establishments as the lists draw them (their summaries), in the lists' order: the options
 * page and the popup draw with them without reading any record (contacts and all).
 */
export async function readSummaries(database: BaliseDb = db): Promise<EstablishmentSummary[]> {
  return (await database.summaries.toArray()).sort(byLabel);
}
