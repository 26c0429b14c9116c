/**
 * Puts establishments in the extension's profile as a test's starting point: written with the
 * plain IndexedDB API from the options page, once Dexie has created the database.
 */
import type { Establishment } from '../../lib/profile/schema';
import type { ExtensionBrowser } from './harness';

export async function seedProfile(b: ExtensionBrowser, establishments: Establishment[], settings: { currentId?: string; me?: Record<string, string> } = {}): Promise<void> {
  const page = await b.newPage();
  await page.goto(b.extensionUrl('options.html'));
  await page.waitFor('.page__tools button', { timeout: 30_000 });
  await page.evaluate(
    async ({ records, currentId, me }) => {
      const database = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('balise');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const transaction = database.transaction(['establishments', 'settings'], 'readwrite');
      for (const record of records) transaction.objectStore('establishments').put(record);
      if (currentId) transaction.objectStore('settings').put({ key: 'currentEstablishmentId', value: currentId });
      if (me) transaction.objectStore('settings').put({ key: 'me', value: me });
      await new Promise((resolve, reject) => {
        transaction.oncomplete = resolve;
        transaction.onerror = () => reject(transaction.error);
      });
      database.close();
    },
    { records: JSON.parse(JSON.stringify(establishments)) as unknown[], ...(settings.currentId ? { currentId: settings.currentId } : {}), ...(settings.me ? { me: settings.me } : {}) },
  );
  await page.close();
}
