/**
 * The extension's database as a test's starting point and as its outcome: written and read with
 * the plain IndexedDB API from the options page, once Dexie has created the database there.
 */
import type { Table } from 'dexie';
import type { BaliseDb } from '../../lib/store/db';
import type { Establishment } from '../../lib/profile/schema';
import { summaryOf } from '../../lib/store/rows';
import type { ExtensionBrowser } from './harness';

/** On the options page: once this is drawn, Dexie has opened the database with its stores. */
export const OPTIONS_READY = '.page__tools button';

type StoreName = 'establishments' | 'settings' | 'progress' | 'reminders';
/** Every row of each store, as Dexie's tables type them. */
export type StoredRows = { [S in StoreName]: BaliseDb[S] extends Table<infer Row> ? Row[] : never };

export interface ProfileSeed {
  /** Establishments as plain data (JSON): what crosses into the page. */
  records: unknown[];
  /** Their summaries, which Balise's database writes with every establishment (lib/store/db.ts). */
  summaries: unknown[];
  currentId?: string;
  /** « Moi », the user's contact id, per establishment id. */
  me?: Record<string, string>;
  /** Stores emptied before the seed is written. */
  replace?: readonly StoreName[];
  /** Procedures' progress and reminders, as stored. */
  progress?: StoredRows['progress'];
  reminders?: StoredRows['reminders'];
}
type Settings = Omit<ProfileSeed, 'records' | 'summaries'>;

/**
 * Runs in an extension page (both drivers send it as its source, so it carries all it uses):
 * writes the seed, if any, in one transaction, then reads every store back. The benchmark,
 * which drives Chromium itself, seeds through it too.
 */
export async function throughDatabase(seed?: ProfileSeed): Promise<StoredRows> {
  const stores: StoreName[] = ['establishments', 'settings', 'progress', 'reminders'];
  const database = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('balise');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const done = (transaction: IDBTransaction) =>
    new Promise((resolve, reject) => {
      transaction.oncomplete = resolve;
      transaction.onerror = () => reject(transaction.error);
    });
  if (seed) {
    // A build from before the summaries (the bench's baseline) has no such table.
    const summarized = database.objectStoreNames.contains('summaries');
    const transaction = database.transaction(summarized ? [...stores, 'summaries'] : stores, 'readwrite');
    const table = (store: StoreName | 'summaries') => transaction.objectStore(store);
    for (const store of seed.replace ?? []) {
      table(store).clear();
      if (store === 'establishments' && summarized) table('summaries').clear();
    }
    for (const record of seed.records) table('establishments').put(record);
    if (summarized) for (const summary of seed.summaries) table('summaries').put(summary);
    if (seed.currentId) table('settings').put({ key: 'currentEstablishmentId', value: seed.currentId });
    if (seed.me) table('settings').put({ key: 'me', value: seed.me });
    for (const row of seed.progress ?? []) table('progress').put(row);
    for (const row of seed.reminders ?? []) table('reminders').put(row);
    await done(transaction);
  }
  const transaction = database.transaction(stores);
  const rows = stores.map((store) => {
    const request = transaction.objectStore(store).getAll();
    return new Promise<[StoreName, unknown[]]>((resolve) => {
      request.onsuccess = () => resolve([store, request.result]);
    });
  });
  await done(transaction);
  database.close();
  return Object.fromEntries(await Promise.all(rows)) as StoredRows;
}

/** The seed of these establishments, as throughDatabase takes it. */
export function profileSeed(establishments: readonly Establishment[], settings: Settings = {}): ProfileSeed {
  const records = JSON.parse(JSON.stringify(establishments)) as Establishment[];
  return { records, summaries: records.map(summaryOf), ...settings };
}

/** Runs throughDatabase in an options page, once Dexie has created the database there. */
async function inOptionsPage(b: ExtensionBrowser, seed?: ProfileSeed): Promise<StoredRows> {
  const page = await b.newPage();
  try {
    await page.goto(b.extensionUrl('options.html'));
    await page.waitFor(OPTIONS_READY, { timeout: 30_000 });
    return await page.evaluate(throughDatabase, seed);
  } finally {
    await page.close();
  }
}

export async function seedProfile(b: ExtensionBrowser, establishments: readonly Establishment[], settings: Settings = {}): Promise<void> {
  await inOptionsPage(b, profileSeed(establishments, settings));
}

/** Every row of the database, store by store, as it is now. */
export const readDatabase = (b: ExtensionBrowser): Promise<StoredRows> => inOptionsPage(b);
