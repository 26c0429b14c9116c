/**
 * Establishments pushed by the IT department (policy, see lib/store/managed.ts): kept beside
 * the user's, marked, and shown read-only.
 */
import type { Establishment } from './schema';

/** An establishment as this workstation keeps it: the user's own, or pushed by the DSI (`managed`). */
export type StoredEstablishment = Establishment & { managed?: true };

/**
 * Pushed establishments are stored under ids of their own, `managed:<pushed id>`, which no
 * row of the user's can have (every user write checks the id is a UUID): a pushed one never
 * takes the place of the user's establishment with the same id — a DSI's file is often an
 * export of a user's — and dropping it from the policy never deletes the user's.
 */
export const managedIdPrefix = 'managed:';
export const managedIdOf = (pushedId: string) => `${managedIdPrefix}${pushedId}`;
/** The id the establishment has outside this workstation (in files, in the policy). */
export const portableIdOf = (row: StoredEstablishment) =>
  row.managed && row.id.startsWith(managedIdPrefix) ? row.id.slice(managedIdPrefix.length) : row.id;

export const isManaged = (establishment: StoredEstablishment): boolean => establishment.managed === true;
