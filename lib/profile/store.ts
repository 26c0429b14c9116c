/**
 * Every write to the profile goes through here: validated first, then written in one
 * transaction, so a refused write changes nothing.
 */
import { db, type BaliseDb, type StoredEstablishment } from './db';
import { parseEstablishment, type Establishment, type FieldProblem } from './schema';

export class ProfileValidationError extends Error {
  constructor(readonly problems: FieldProblem[]) {
    super(`Profil refusé : ${problems.length} problème(s)`);
    this.name = 'ProfileValidationError';
  }
}

export function validateEstablishment(candidate: unknown): Establishment {
  const parsed = parseEstablishment(candidate);
  if (!parsed.success) throw new ProfileValidationError(parsed.problems);
  return parsed.data;
}

/**
 * What a save starts from, checked in the same transaction as the write so that no page
 * overwrites what another page saved meanwhile:
 * - 'new': the establishment must not exist yet (a page does not re-create one deleted elsewhere);
 * - { revision }: the stored row must still be at this revision (revisionOf the row the edit began from);
 * - 'overwrite': the user chose, knowingly, to replace whatever is stored (or to re-create it).
 */
export type SaveBase = 'new' | { revision: Revision } | 'overwrite';

/** The revision of a stored establishment is its save date: every write through this module renews it. */
export type Revision = string | undefined;
export const revisionOf = (establishment: Pick<Establishment, 'updatedAt'>): Revision => establishment.updatedAt;

/** The date of a new revision, never equal to the one it replaces, even within the same millisecond. */
export function nextRevision(previous: Revision, now = Date.now()): string {
  const last = previous === undefined ? Number.NaN : Date.parse(previous);
  return new Date(Number.isNaN(last) || now > last ? now : last + 1).toISOString();
}

/** Thrown when the stored row is not the one the save was based on: `current` is the newer row, undefined if it was deleted. */
export class StaleRevisionError extends Error {
  constructor(readonly current: StoredEstablishment | undefined) {
    super(current ? 'Establishment changed since it was read' : 'Establishment deleted since it was read');
    this.name = 'StaleRevisionError';
  }
}

/**
 * Validates then writes, with a new revision. Throws ProfileValidationError (nothing written)
 * or StaleRevisionError when the stored row does not match `basedOn` (nothing written).
 */
export async function saveEstablishment(candidate: unknown, database: BaliseDb = db, basedOn: SaveBase = 'new'): Promise<Establishment> {
  const valid = validateEstablishment({ ...(candidate as object), updatedAt: nextRevision(undefined) });
  return database.transaction('rw', database.establishments, async () => {
    const current = await database.establishments.get(valid.id);
    const stale =
      basedOn === 'new' ? current !== undefined : basedOn !== 'overwrite' && (current === undefined || revisionOf(current) !== basedOn.revision);
    if (stale) throw new StaleRevisionError(current);
    const establishment = { ...valid, updatedAt: nextRevision(current && revisionOf(current)) };
    await database.establishments.put(establishment);
    return establishment;
  });
}

export async function deleteEstablishment(id: string, database: BaliseDb = db): Promise<void> {
  await database.transaction('rw', [database.establishments, database.settings, database.progress, database.reminders], async () => {
    await database.establishments.delete(id);
    // Its procedures' progress and reminders go with it (an alarm left behind finds no reminder and does nothing).
    await database.progress.where('establishmentId').equals(id).delete();
    await database.reminders.where('establishmentId').equals(id).delete();
    const settings = await readSettings(database);
    const me = { ...settings.me };
    delete me[id];
    await writeSetting('me', me, database);
    if (settings.currentEstablishmentId === id) await writeSetting('currentEstablishmentId', undefined, database);
  });
}

/** A copy is a new establishment: new ids everywhere, certificate holders remapped to the copied contacts. */
export function copyOf(establishment: Establishment, label: string): Establishment {
  const contactIds = new Map(establishment.contacts.map((c) => [c.id, crypto.randomUUID()]));
  return {
    ...structuredClone(establishment),
    id: crypto.randomUUID(),
    label,
    contacts: establishment.contacts.map((c) => ({ ...structuredClone(c), id: contactIds.get(c.id)! })),
    certificates: establishment.certificates.map((certificate) => ({
      ...structuredClone(certificate),
      id: crypto.randomUUID(),
      holderContactId: certificate.holderContactId && contactIds.get(certificate.holderContactId),
    })),
  };
}

/** Local to this workstation, never exported: who "me" is, which establishment is current. */
export interface Settings {
  currentEstablishmentId?: string;
  /** establishment id → id of the contact who uses this workstation */
  me: Record<string, string>;
}

const defaultSettings: Settings = { me: {} };

export async function readSettings(database: BaliseDb = db): Promise<Settings> {
  const rows = await database.settings.toArray();
  return { ...defaultSettings, ...Object.fromEntries(rows.map((row) => [row.key, row.value])) } as Settings;
}

/** The establishment Balise works for — the current one, else the only one — and who "me" is there. */
export interface WorkContext {
  establishment: StoredEstablishment;
  meId: string | undefined;
}

export async function readWorkContext(database: BaliseDb = db): Promise<WorkContext | undefined> {
  const [settings, establishments] = await Promise.all([readSettings(database), database.establishments.toArray()]);
  const establishment =
    establishments.find((e) => e.id === settings.currentEstablishmentId) ?? (establishments.length === 1 ? establishments[0] : undefined);
  return establishment && { establishment, meId: settings.me[establishment.id] };
}

export async function writeSetting<K extends keyof Settings>(key: K, value: Settings[K], database: BaliseDb = db) {
  if (value === undefined) await database.settings.delete(key);
  else await database.settings.put({ key, value });
}

export async function setMe(establishmentId: string, contactId: string | undefined, database: BaliseDb = db) {
  await database.transaction('rw', database.settings, async () => {
    const me = { ...(await readSettings(database)).me };
    if (contactId) me[establishmentId] = contactId;
    else delete me[establishmentId];
    await writeSetting('me', me, database);
  });
}
