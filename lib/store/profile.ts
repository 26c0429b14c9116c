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
import { lessonSchema, showControlCharacters, type Establishment, type Lesson } from '../profile/schema';
import { buildProfileFile, choicesFor, profileFileName, type ImportChoice, type PreviewItem } from '../profile/transfer';
import { validateEstablishment } from '../profile/validation';
import { db, type BaliseDb } from './db';
import { readEstablishments, readSettings, setMe, writeSetting } from './queries';

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
  const valid = validateEstablishment({ ...(candidate as object), updatedAt: nextRevision(undefined) });
  return database.transaction('rw', database.establishments, async () => {
    const current = await database.establishments.get(valid.id);
    const stale =
      basedOn === 'new' ? current !== undefined : basedOn !== 'overwrite' && (current === undefined || revisionOf(current) !== basedOn.revision);
    if (stale) throw new StaleRevisionError(current, valid.label);
    const establishment = { ...valid, updatedAt: nextRevision(current && revisionOf(current)) };
    await database.establishments.put(establishment);
    return establishment;
  });
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
  return { name: profileFileName(rows, now), text, count: rows.length };
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
 * Writes the chosen actions in one transaction, each through saveEstablishment; any error
 * rolls everything back. Throws ImportConflictError (naming it) when an establishment to
 * replace is no longer at the revision the preview showed, an Error with the catalog's text
 * for a choice the preview did not offer, ProfileValidationError for an establishment that
 * does not validate, or the database's own error. A replaced establishment keeps its local
 * id, and "me" on this workstation is forgotten if that contact is gone.
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
  return database.transaction('rw', database.establishments, database.settings, async () => {
    const summary: ImportSummary = { added: 0, replaced: 0, kept: 0 };
    for (const [index, item] of items.entries()) {
      const { imported } = item;
      const choice = choices[index];
      if (choice === 'keep') {
        summary.kept++;
      } else if (choice === 'add') {
        const taken = await database.establishments.get(imported.id);
        await saveEstablishment(taken ? copyOf(imported, imported.label) : imported, database, 'new');
        summary.added++;
      } else {
        // choicesFor offers no replace of a pushed establishment, and no pushed id passes validation.
        const previewed = item.match!.local;
        await saveEstablishment({ ...imported, id: previewed.id }, database, { revision: revisionOf(previewed) }).catch((error: unknown) => {
          throw error instanceof StaleRevisionError ? new ImportConflictError(previewed.label) : error;
        });
        const meId = (await readSettings(database)).me[previewed.id];
        if (typeof meId === 'string' && !imported.contacts.some((contact) => contact.id === meId)) await setMe(previewed.id, undefined, database);
        summary.replaced++;
      }
    }
    return summary;
  });
}
