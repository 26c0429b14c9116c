/**
 * Puts establishments in the extension's profile as a test's starting point: written with the
 * plain IndexedDB API from the options page, once Dexie has created the database.
 */
import type { Establishment } from '../../lib/profile/schema';
import type { ExtensionBrowser } from './harness';

export interface ProfileSeed {
  /** Establishments as plain data (JSON): what crosses into the page. */
  records: unknown[];
  currentId?: string;
  /** « Moi », the user's contact id, per establishment id. */
  me?: Record<string, string>;
  /** Every stored establishment is removed first. */
  replace?: boolean;
}

/**
 * Runs in an extension page (both drivers send it as its source): writes the seed in one
 * transaction. Also used by the benchmark, which drives Chromium itself.
 */
export async function writeProfile({ records, currentId, me, replace }: ProfileSeed): Promise<void> {
  const database = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('balise');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const transaction = database.transaction(['establishments', 'settings'], 'readwrite');
  const establishments = transaction.objectStore('establishments');
  if (replace) establishments.clear();
  for (const record of records) establishments.put(record);
  if (currentId) transaction.objectStore('settings').put({ key: 'currentEstablishmentId', value: currentId });
  if (me) transaction.objectStore('settings').put({ key: 'me', value: me });
  await new Promise((resolve, reject) => {
    transaction.oncomplete = resolve;
    transaction.onerror = () => reject(transaction.error);
  });
  database.close();
}

/** The seed of these establishments, as writeProfile takes it. */
export function profileSeed(establishments: readonly Establishment[], settings: Omit<ProfileSeed, 'records'> = {}): ProfileSeed {
  return { records: JSON.parse(JSON.stringify(establishments)) as unknown[], ...settings };
}

export async function seedProfile(b: ExtensionBrowser, establishments: Establishment[], settings: Omit<ProfileSeed, 'records'> = {}): Promise<void> {
  const page = await b.newPage();
  await page.goto(b.extensionUrl('options.html'));
  await page.waitFor('.page__tools button', { timeout: 30_000 });
  await page.evaluate(writeProfile, profileSeed(establishments, settings));
  await page.close();
}
