/**
 * The workstation's database (IndexedDB through Dexie), shared by every extension page; what
 * its tables hold is in rows.ts, and what else Balise keeps, in storage.ts.
 * Schema changes follow one rule: never edit a published version, append the next one
 * (schema.ts, with its upgrade function here), and add its case to db.test.ts, which writes data with
 * version N and checks it is intact once opened with N+1.
 */
import Dexie, { type DBCore, type DBCoreMutateRequest, type DBCoreMutateResponse, type EntityTable, type Middleware, type Table, type Transaction } from 'dexie';
import { announceDataChanged } from './changes';
import { managedIdOf, managedIdPrefix, type StoredEstablishment } from '../profile/pushed';
import { summaryOf, type EstablishmentSummary, type Progress, type Reminder, type Setting } from './rows';
import { databaseName, dbVersions, latestDbVersion } from './schema';

export { databaseName, dbVersions, latestDbVersion };

/** Applied when the database moves up to that version (schema.ts lists the versions). */
const upgrades: Partial<Record<number, (tx: Transaction) => Promise<void>>> = { 3: movePushedEstablishments, 4: summarizeEstablishments };

async function movePushedEstablishments(tx: Transaction) {
  const establishments = tx.table<StoredEstablishment, string>('establishments');
  const pushed = await establishments.filter((row) => row.managed === true && !row.id.startsWith(managedIdPrefix)).toArray();
  if (pushed.length === 0) return;
  const moved = new Map(pushed.map((row) => [row.id, managedIdOf(row.id)]));
  const newId = (id: string) => moved.get(id) ?? id;
  await establishments.bulkDelete([...moved.keys()]);
  await establishments.bulkAdd(pushed.map((row) => ({ ...row, id: newId(row.id) })));

  const progress = tx.table<Progress, [string, string]>('progress');
  const followed = await progress.where('establishmentId').anyOf([...moved.keys()]).toArray();
  await progress.bulkDelete(followed.map((row) => [row.establishmentId, row.procedureId]));
  await progress.bulkAdd(followed.map((row) => ({ ...row, establishmentId: newId(row.establishmentId) })));
  await tx
    .table<Reminder, string>('reminders')
    .where('establishmentId')
    .anyOf([...moved.keys()])
    .modify((reminder) => {
      reminder.establishmentId = newId(reminder.establishmentId);
    });

  const settings = tx.table<Setting, string>('settings');
  const current = await settings.get('currentEstablishmentId');
  if (typeof current?.value === 'string') await settings.put({ key: current.key, value: newId(current.value) });
  const me = await settings.get('me');
  if (me?.value && typeof me.value === 'object')
    await settings.put({ key: 'me', value: Object.fromEntries(Object.entries(me.value).map(([id, contactId]) => [newId(id), contactId])) });
}

async function summarizeEstablishments(tx: Transaction) {
  const rows = await tx.table<StoredEstablishment, string>('establishments').toArray();
  await tx.table<EstablishmentSummary, string>('summaries').bulkPut(rows.map(summaryOf));
}

/** The summaries' write for a write of establishments: what was written, what was deleted. */
function summariesWrite(request: DBCoreMutateRequest, response: DBCoreMutateResponse): DBCoreMutateRequest | undefined {
  const { trans } = request;
  if (request.type === 'delete') return { type: 'delete', trans, keys: request.keys };
  if (request.type === 'deleteRange') return { type: 'deleteRange', trans, range: request.range };
  // A row refused (an add whose id exists) keeps its summary.
  const written = request.values.filter((_value, index) => !(index in response.failures));
  return written.length ? { type: 'put', trans, values: written.map((row: StoredEstablishment) => summaryOf(row)) } : undefined;
}

/**
 * The summaries table follows the establishments: every transaction that may write them holds
 * it too, and each write is followed by its summaries' in that transaction, so that no page, the
 * popup's, the import's or the DSI's policy's included, can leave the lists' rows behind. Below
 * Dexie's API, where every write of a row arrives whole (update and modify included).
 */
const keepSummaries: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'keepSummaries',
  create(down) {
    // A database opened at an older version (the upgrade tests) has no summaries.
    if (!down.schema.tables.some((table) => table.name === 'summaries')) return down;
    const summaries = down.table('summaries');
    return {
      ...down,
      transaction: (stores, mode, options) =>
        down.transaction(mode === 'readwrite' && stores.includes('establishments') && !stores.includes('summaries') ? [...stores, 'summaries'] : stores, mode, options),
      table(name) {
        const table = down.table(name);
        if (name !== 'establishments') return table;
        return {
          ...table,
          async mutate(request) {
            const response = await table.mutate(request);
            // During an upgrade from before version 4, the table does not exist yet: its own upgrade fills it.
            const write = (request.trans as unknown as IDBTransaction).objectStoreNames.contains('summaries') && summariesWrite(request, response);
            if (write) await summaries.mutate(write);
            return response;
          },
        };
      },
    };
  },
};

/** The tables the overlay's summary depends on: their writes are announced to content scripts (changes.ts). */
const watchedTables = new Set(['establishments', 'settings', 'progress']);

const announceChanges: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'announceChanges',
  create(down) {
    // One announcement per transaction, once it has committed (never for a rolled-back one).
    const announced = new WeakSet<IDBTransaction>();
    return {
      ...down,
      table(name) {
        const table = down.table(name);
        if (!watchedTables.has(name)) return table;
        return {
          ...table,
          mutate(request) {
            // At the bottom of Dexie's stack the transaction is IndexedDB's own.
            const transaction = request.trans as unknown as IDBTransaction;
            if (!announced.has(transaction)) {
              announced.add(transaction);
              transaction.addEventListener('complete', announceDataChanged);
            }
            return table.mutate(request);
          },
        };
      },
    };
  },
};

export class BaliseDb extends Dexie {
  establishments!: EntityTable<StoredEstablishment, 'id'>;
  settings!: EntityTable<Setting, 'key'>;
  summaries!: EntityTable<EstablishmentSummary, 'id'>;
  progress!: Table<Progress, [string, string]>;
  reminders!: EntityTable<Reminder, 'id'>;

  /** `upTo` opens an older version: the upgrade tests need it, the extension never does. */
  constructor(name = databaseName, upTo = latestDbVersion) {
    super(name);
    for (const { version, stores } of dbVersions) {
      if (version > upTo) break;
      const declared = this.version(version).stores(stores);
      const upgrade = upgrades[version];
      if (upgrade) declared.upgrade(upgrade);
    }
    this.use(announceChanges);
    this.use(keepSummaries);
  }
}

export const db = new BaliseDb();
