/**
 * Establishments pushed by the IT department through the browser's managed storage
 * (Chrome: enterprise policy `3rdparty › extensions › <id>`; Firefox: policies.json
 * `3rdparty › Extensions › <gecko id>`). The policy `profile` holds the text of a plain
 * profile file (the same format as « Exporter »): a JSON string rather than nested policy
 * objects, because Chrome's policy schemas cannot express the profile's rules anyway, and
 * a string is one value in the Windows registry instead of a tree of numbered subkeys.
 * Firefox, which does not enforce the schema, may also receive the file as a JSON object.
 *
 * Pushed establishments are copied into db.establishments with `managed: true` under ids
 * of their own (managedIdOf, lib/profile/pushed.ts), beside the user's, so every page reads one table and
 * none is ever replaced or deleted by the policy; the copy is refreshed when the background starts and whenever the
 * policy changes (Chrome only: Firefox fires no change event for managed storage).
 */
import { browser } from 'wxt/browser';
import type { Establishment } from '../profile/schema';
import { checkProfileDocument, describeProblem, parseJson, type FileProblem } from '../profile/transfer';
import { db, type BaliseDb } from './db';
import { replaceManagedEstablishments } from './profile';
import { managedProfileKey } from './storage';

/** What the policy holds: nothing, something unusable as a whole, or establishments (and problems with the others). */
export type ManagedReading =
  | { status: 'none' }
  | { status: 'invalid'; problems: FileProblem[] }
  | { status: 'ok'; establishments: Establishment[]; problems: FileProblem[] };

interface ManagedArea {
  get(key: string): Promise<Record<string, unknown>>;
}

export async function readManagedEstablishments(area: ManagedArea = browser.storage.managed): Promise<ManagedReading> {
  let value: unknown;
  try {
    value = (await area.get(managedProfileKey))[managedProfileKey];
  } catch {
    // Firefox rejects when no policy exists for the add-on (Chrome answers {}).
    return { status: 'none' };
  }
  if (value === undefined || value === null || value === '') return { status: 'none' };
  let document: unknown = value;
  if (typeof value === 'string') {
    const json = parseJson(value);
    if (!json) return { status: 'invalid', problems: [{ path: [], message: { key: 'importNotJson' } }] };
    document = json.value;
  }
  // Judged one establishment at a time: a wrong one is reported, the others are still pushed.
  const checked = checkProfileDocument(document);
  if (!('kind' in checked)) return { status: 'ok', establishments: checked.establishments, problems: checked.problems };
  const problems: FileProblem[] =
    checked.kind === 'invalid' ? checked.problems : [{ path: [], message: { key: 'managedEncrypted' } }];
  return { status: 'invalid', problems };
}

/**
 * Replaces the managed rows by what the policy holds now, in one transaction; the user's
 * rows are never touched, even one with a pushed id. When the policy is unusable, the rows
 * pushed before stay: a typo by the administrator must not empty everyone's list.
 */
export async function syncManagedEstablishments(
  database: BaliseDb = db,
  area: ManagedArea = browser.storage.managed,
): Promise<ManagedReading> {
  const reading = await readManagedEstablishments(area);
  if (reading.status === 'invalid') return reading;
  await replaceManagedEstablishments(reading.status === 'ok' ? reading.establishments : [], database);
  return reading;
}

/**
 * For the background: syncs now and on every policy change; returns the unsubscribe.
 * `report` receives each reading (the background logs problems for the administrator).
 */
export function watchManagedEstablishments(report: (reading: ManagedReading) => void, database: BaliseDb = db): () => void {
  const sync = () => syncManagedEstablishments(database).then(report, (error: unknown) => console.error('Balise: managed sync failed', error));
  // Not a storage item (storage.ts): the policy is read through `area`, and Firefox rejects a read when no policy exists.
  const onChanged = (_changes: unknown, areaName: string) => {
    if (areaName === 'managed') void sync();
  };
  browser.storage.onChanged.addListener(onChanged);
  void sync();
  return () => browser.storage.onChanged.removeListener(onChanged);
}

/** The administrator reads problems of a pushed profile in the extension's console, in French. */
export function logManagedProblems(reading: ManagedReading) {
  if (reading.status !== 'none' && reading.problems.length)
    console.warn('Balise : profil poussé par la DSI', reading.problems.map(describeProblem));
}
