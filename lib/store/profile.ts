/**
 * The profile as this workstation keeps it. Every write goes through here — the editor's,
 * the import's, the DSI's policy (managed.ts) — validated and written in one transaction, so
 * a refused write changes nothing, and deleting an establishment deletes what refers to it.
 * The pages read through here rather than from the database. The errors a user can see
 * carry the catalog's text.
 */
import { t } from '../i18n/t';
import { encryptText } from '../profile/crypto';
import { isManaged, managedIdOf, type StoredEstablishment } from '../profile/pushed';
import { withLesson, withoutLesson } from '../profile/lessons';
import { lessonSchema, showControlCharacters, wasChecked, type CheckedEstablishment, type Establishment, type Lesson } from '../profile/schema';
import { buildProfileFile, choicesFor, profileFileName, type ImportChoice, type PreviewItem } from '../profile/transfer';
import { validateEstablishment } from '../profile/validation';
import { db, type BaliseDb } from './db';
import { readEstablishments, readSettings, setMe, whichEstablishment, writeSetting } from './queries';

export * from './queries';

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
  constructor(
    readonly current: StoredEstablishment | undefined,
    label: string,
  ) {
    super(t(current ? 'optSaveRefusedChanged' : 'optSaveRefusedDeleted', label));
    this.name = 'StaleRevisionError';
  }
}

/**
 * Validates then writes, with a new revision. Throws ProfileValidationError (nothing written)
 * or StaleRevisionError when the stored row does not match `basedOn` (nothing written).
 */
export async function saveEstablishment(candidate: unknown, database: BaliseDb = db, basedOn: SaveBase = 'new'): Promise<Establishment> {
  const valid = checkedForSave(candidate);
  return database.transaction('rw', database.establishments, async () => {
    const [saved] = await putChecked([{ valid, basedOn }], database);
    return saved!;
  });
}

/** What putChecked writes: a candidate that passed the schema, and nothing else. */
type Checked = CheckedEstablishment;

const checkedForSave = (candidate: unknown) => validateEstablishment({ ...(candidate as object), updatedAt: nextRevision(undefined) });

/**
 * Rows per put request. Serialising a group's import (500 rows, 2 MB) in one request is a task
 * of ~80 ms; each request is issued when the previous one answers, hence in a task of its own,
 * and the transaction keeps the write whole.
 */
const ROWS_PER_PUT = 25;

/**
 * The write itself, inside the caller's transaction: every row is checked against its base,
 * then all are put, ROWS_PER_PUT at a time. Throws `staleError` (by default StaleRevisionError)
 * for the first row that does not match.
 */
async function putChecked(
  saves: readonly { valid: Checked; basedOn: SaveBase }[],
  database: BaliseDb,
  staleError = (current: StoredEstablishment | undefined, valid: Checked, _index: number): Error => new StaleRevisionError(current, valid.label),
): Promise<Establishment[]> {
  const currents = await database.establishments.bulkGet(saves.map(({ valid }) => valid.id));
  const rows = saves.map(({ valid, basedOn }, index) => {
    const current = currents[index];
    const stale =
      basedOn === 'new' ? current !== undefined : basedOn !== 'overwrite' && (current === undefined || revisionOf(current) !== basedOn.revision);
    if (stale) throw staleError(current, valid, index);
    return { ...valid, updatedAt: nextRevision(current && revisionOf(current)) };
  });
  for (let start = 0; start < rows.length; start += ROWS_PER_PUT) await database.establishments.bulkPut(rows.slice(start, start + ROWS_PER_PUT));
  return rows;
}

/** Deletes an establishment and what refers to it: its procedures' progress, its reminders, its settings. */
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

/**
 * Records what the user taught a field to be (lib/profile/lessons.ts) in the establishment, which
 * exports it. `candidate`: the lesson as asked (validated here: a secret kind, a foreign origin
 * shape or a huge signature is refused, nothing written); the page's label is shown made safe.
 * Throws for an establishment that does not exist or is pushed by the DSI (read-only).
 */
export async function teachLesson(establishmentId: string, candidate: unknown, database: BaliseDb = db): Promise<Lesson> {
  const asked = candidate as Partial<Lesson> | null;
  const label = typeof asked?.label === 'string' ? showControlCharacters(asked.label).trim().slice(0, 200) : asked?.label;
  const lesson = lessonSchema.parse({ ...asked, label });
  await editLessons(establishmentId, (lessons) => withLesson(lessons, lesson), database);
  return lesson;
}

/** Forgets one lesson (the options page's « Supprimer »). */
export async function forgetLesson(establishmentId: string, lesson: Pick<Lesson, 'origin' | 'signature'>, database: BaliseDb = db): Promise<void> {
  await editLessons(establishmentId, (lessons) => withoutLesson(lessons, lesson), database);
}

async function editLessons(establishmentId: string, edit: (lessons: readonly Lesson[]) => Lesson[], database: BaliseDb): Promise<void> {
  await database.transaction('rw', database.establishments, async () => {
    const stored = await database.establishments.get(establishmentId);
    if (!stored || isManaged(stored)) throw new Error(t('teachRefusedEstablishment'));
    await saveEstablishment({ ...stored, lessons: edit(stored.lessons ?? []) }, database, { revision: revisionOf(stored) });
  });
}

/**
 * Replaces the DSI's establishments by those its policy pushes now, under their own ids
 * (managedIdOf), in one transaction; the user's rows are never touched, even one with a
 * pushed id. Not validated again: the policy's file was parsed as an import is.
 */
export async function replaceManagedEstablishments(pushed: readonly Establishment[], database: BaliseDb = db): Promise<void> {
  const rows: StoredEstablishment[] = pushed.map((establishment) => ({ ...establishment, id: managedIdOf(establishment.id), managed: true }));
  await database.transaction('rw', database.establishments, async () => {
    await database.establishments.filter(isManaged).delete();
    await database.establishments.bulkPut(rows);
  });
}

// Profile files: what leaves (export) and what comes in (import), the stages in lib/profile/transfer.

/**
 * The file to save: plain JSON, or its encrypted envelope when a passphrase is given. Throws
 * an Error with the catalog's text when none of `ids` exists any more, and
 * ProfileValidationError for a stored row that no longer passes the schema (buildProfileFile).
 */
export async function exportProfile(
  ids: readonly string[],
  passphrase?: string,
  database: BaliseDb = db,
  now = new Date(),
): Promise<{ name: string; text: string; count: number }> {
  const rows = await readEstablishments(ids, database);
  if (rows.length === 0) throw new Error(t('exportNothing'));
  const plain = JSON.stringify(buildProfileFile(rows, now), null, 2);
  const text = passphrase ? JSON.stringify(await encryptText(plain, passphrase), null, 2) : plain;
  return { name: profileFileName(rows, now, Boolean(passphrase)), text, count: rows.length };
}

export interface ImportSummary {
  added: number;
  replaced: number;
  kept: number;
}

/** The import was rolled back: an establishment to replace changed or vanished after the preview. */
export class ImportConflictError extends Error {
  constructor(readonly label: string) {
    super(t('importChangedMeanwhile', label));
    this.name = 'ImportConflictError';
  }
}

/**
 * Writes the chosen actions in one transaction, through the write path's revision checks
 * (putChecked); any error rolls everything back. The establishments are written as the file's
 * check returned them (PreviewItem.imported), not checked again: the user cannot change them
 * between the preview and the confirmation. Throws ImportConflictError (naming it) when an
 * establishment to replace is no longer at the revision the preview showed, an Error with the
 * catalog's text for a choice the preview did not offer, a TypeError for an establishment the
 * check did not return, or the database's own error. A replaced establishment keeps its local
 * id, an added one whose id is taken gets new ids (copyOf), and "me" on this workstation is
 * forgotten if that contact is gone.
 */
export async function applyImport(
  items: readonly PreviewItem[],
  choices: readonly ImportChoice[],
  database: BaliseDb = db,
): Promise<ImportSummary> {
  const refused = items.findIndex((item, index) => {
    const choice = choices[index];
    return choice === undefined || !choicesFor(item).includes(choice);
  });
  if (refused >= 0 || choices.length !== items.length) throw new Error(t('importChoiceRefused', items[refused]?.imported.label ?? ''));
  const unchecked = items.find((item) => !wasChecked(item.imported));
  if (unchecked) throw new TypeError(`applyImport: « ${unchecked.imported.label} » was not returned by the file's check`);
  const written = items.flatMap((item, index) => (choices[index] === 'keep' ? [] : [{ item, choice: choices[index] as 'add' | 'replace' }]));
  return database.transaction('rw', database.establishments, database.settings, async () => {
    const taken = await database.establishments.bulkGet(written.flatMap(({ item, choice }) => (choice === 'add' ? [item.imported.id] : [])));
    let added = 0;
    const saves = written.map(({ item, choice }) => {
      const { imported } = item;
      // The local id passed the schema when it was stored, and choicesFor offers no replace of a pushed one.
      if (choice === 'replace') return { valid: { ...imported, id: item.match!.local.id } as Checked, basedOn: { revision: revisionOf(item.match!.local) } };
      // A copy of a valid establishment, with fresh uuids, is valid.
      return { valid: taken[added++] ? (copyOf(imported, imported.label) as Checked) : imported, basedOn: 'new' as const };
    });
    await putChecked(saves, database, (_current, valid, index) => new ImportConflictError(written[index]!.item.match?.local.label ?? valid.label));
    const { me, currentEstablishmentId } = await readSettings(database);
    // A fresh workstation importing its one establishment works for it, as one created by hand does (the popup shows it).
    const only = whichEstablishment(await database.establishments.toCollection().primaryKeys(), currentEstablishmentId);
    if (only !== null && only !== currentEstablishmentId) await writeSetting('currentEstablishmentId', only, database);
    for (const { item, choice } of written) {
      if (choice !== 'replace') continue;
      // choicesFor offers no replace of a pushed establishment, and no pushed id passes validation.
      const localId = item.match!.local.id;
      const meId = me[localId];
      if (typeof meId === 'string' && !item.imported.contacts.some((contact) => contact.id === meId)) await setMe(localId, undefined, database);
    }
    const replaced = written.filter(({ choice }) => choice === 'replace').length;
    return { added: written.length - replaced, replaced, kept: items.length - written.length };
  });
}
