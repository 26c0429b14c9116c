import { managedIdOf } from '../profile/pushed';
import { sampleEstablishment } from '../profile/sample';
import { clinic } from '../profile/transfer.fixtures';
import { watchDataChanges } from './changes';
import { BaliseDb, dbVersions, latestDbVersion } from './db';
import { summaryOf } from './rows';
import { liveQuery } from 'dexie';
import { localKeys } from './local';
import { patience } from '../../test/patience';

/**
 * The upgrade pattern every schema change follows: data written by version N must be intact
 * once the database is opened by version N+1. Add the data each new version must carry over
 * to `writtenBy` when you append a version in db.ts.
 */
const writtenBy: Record<number, (database: BaliseDb) => Promise<void>> = {
  1: async (database) => {
    await database.establishments.put(sampleEstablishment());
    await database.settings.put({ key: 'me', value: { [sampleEstablishment().id]: sampleEstablishment().contacts[0]!.id } });
  },
  2: async (database) => {
    await writtenBy[1]!(database);
    await database.progress.put({
      establishmentId: sampleEstablishment().id,
      procedureId: '000-distrilog',
      answers: { managerHasPlageAccount: 'yes' },
      done: { requestRight: { at: '2025-03-01T10:00:00.000Z', by: 'user' } },
      startedAt: '2025-03-01T09:00:00.000Z',
      updatedAt: '2025-03-01T10:00:00.000Z',
    });
    await database.reminders.put({ id: 'r', establishmentId: sampleEstablishment().id, kind: 'balOrgDirectory', dueAt: '2025-03-04T10:00:00.000Z' });
  },
  3: async (database) => {
    await writtenBy[2]!(database);
    await database.establishments.put({ ...clinic(), id: managedIdOf(clinic().id), managed: true });
  },
  4: async (database) => {
    await writtenBy[3]!(database);
  },
};

describe('database versions', () => {
  it('declares increasing versions, each with data to carry over', () => {
    const numbers = dbVersions.map((v) => v.version);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    for (const n of numbers) expect(writtenBy[n], `writtenBy[${n}] is missing`).toBeTypeOf('function');
  });

  it.each(dbVersions.map((v) => v.version))('keeps what version %i wrote when opened by the latest version', async (version) => {
    const name = `upgrade-from-${version}`;
    const old = new BaliseDb(name, version);
    await writtenBy[version]!(old);
    const tables = (database: BaliseDb) => database.tables.map((table) => table.name).sort();
    const before = Object.fromEntries(await Promise.all(tables(old).map(async (name) => [name, await old.table(name).toArray()])));
    old.close();

    const current = new BaliseDb(name, latestDbVersion);
    for (const [name, rows] of Object.entries(before)) expect(await current.table(name).toArray(), name).toEqual(rows);
    expect(current.verno).toBe(latestDbVersion);
    current.close();
    await current.delete();
  });
});

describe('version 3', () => {
  it('moves establishments pushed before it to their own ids, with their progress, reminders and settings', async () => {
    const name = `managed-ids-${crypto.randomUUID()}`;
    const old = new BaliseDb(name, 2);
    const pushedId = clinic().id;
    await writtenBy[2]!(old);
    await old.establishments.put({ ...clinic(), managed: true });
    await old.progress.put({ establishmentId: pushedId, procedureId: '000-distrilog', answers: {}, done: {}, startedAt: '', updatedAt: '' });
    await old.reminders.put({ id: 'pushed', establishmentId: pushedId, kind: 'balOrgDirectory', dueAt: '2025-03-04T10:00:00.000Z' });
    await old.settings.bulkPut([
      { key: 'currentEstablishmentId', value: pushedId },
      { key: 'me', value: { [sampleEstablishment().id]: 'a', [pushedId]: 'b' } },
    ]);
    old.close();

    const current = new BaliseDb(name, 3);
    const movedId = managedIdOf(pushedId);
    expect((await current.establishments.toArray()).map((row) => row.id).sort()).toEqual([sampleEstablishment().id, movedId].sort());
    expect(await current.progress.where('establishmentId').equals(movedId).count()).toBe(1);
    expect((await current.reminders.get('pushed'))?.establishmentId).toBe(movedId);
    expect(await current.settings.get('currentEstablishmentId')).toEqual({ key: 'currentEstablishmentId', value: movedId });
    expect(await current.settings.get('me')).toEqual({ key: 'me', value: { [sampleEstablishment().id]: 'a', [movedId]: 'b' } });
    current.close();
    await current.delete();
  });
});

describe('version 4', () => {
  it('summarizes the establishments written before it, pushed ones included', async () => {
    const name = `summaries-${crypto.randomUUID()}`;
    const old = new BaliseDb(name, 3);
    await writtenBy[3]!(old);
    old.close();

    const current = new BaliseDb(name);
    const rows = await current.establishments.toArray();
    expect(rows).toHaveLength(2);
    expect(await current.summaries.toArray()).toEqual(rows.map(summaryOf));
    current.close();
    await current.delete();
  });
});

describe('the summaries table', () => {
  const summarized = async (database: BaliseDb) => {
    const [rows, summaries] = await Promise.all([database.establishments.toArray(), database.summaries.toArray()]);
    expect(summaries).toEqual(rows.map(summaryOf));
    return summaries;
  };

  it('follows every kind of write of the establishments, in their transaction', async () => {
    const database = new BaliseDb(`summaries-${crypto.randomUUID()}`);
    const sample = sampleEstablishment();
    const pushed = { ...clinic(), id: managedIdOf(clinic().id), managed: true as const };
    await database.establishments.add(sample);
    await database.establishments.bulkPut([pushed, { ...sample, id: crypto.randomUUID(), label: 'Autre' }]);
    expect(await summarized(database)).toHaveLength(3);

    await database.establishments.update(sample.id, { label: 'Renommé', finessReadOn: '2025-03-01' });
    await database.establishments.where('label').equals('Autre').modify({ status: 'private' });
    expect((await summarized(database)).find((e) => e.id === sample.id)).toMatchObject({ label: 'Renommé', finessReadOn: '2025-03-01' });

    // A refused add leaves the stored row's summary as it was.
    await expect(database.establishments.add({ ...sample, label: 'Doublon' })).rejects.toThrow();
    await database.transaction('rw', database.establishments, async () => {
      await database.establishments.filter((row) => row.managed === true).delete();
      await database.establishments.delete(sample.id);
    });
    expect((await summarized(database)).map((e) => e.label)).toEqual(['Autre']);

    // A rolled-back transaction writes neither.
    await expect(
      database.transaction('rw', database.establishments, async () => {
        await database.establishments.put(sample);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await database.establishments.clear();
    expect(await summarized(database)).toEqual([]);
    database.close();
    await database.delete();
  });

  it('wakes the live queries that read it', async () => {
    const database = new BaliseDb(`summaries-live-${crypto.randomUUID()}`);
    const seen: string[][] = [];
    const subscription = liveQuery(() => database.summaries.toArray()).subscribe((rows) => seen.push(rows.map((e) => e.label)));
    await vi.waitFor(() => expect(seen).toEqual([[]]), patience);
    await database.establishments.put(sampleEstablishment());
    await vi.waitFor(() => expect(seen.at(-1)).toEqual([sampleEstablishment().label]), patience);
    subscription.unsubscribe();
    database.close();
    await database.delete();
  });
});

describe('changes announced to content scripts', () => {
  it('once per committed write to the watched tables, never for reminders nor for a rolled-back write', async () => {
    const database = new BaliseDb(`announce-${crypto.randomUUID()}`);
    const seen: number[] = [];
    const unwatch = watchDataChanges(() => seen.push(seen.length));
    const value = async () => (await fakeBrowser.storage.local.get(localKeys.dataChanged))[localKeys.dataChanged];

    await database.establishments.put(sampleEstablishment());
    const afterPut = await vi.waitFor(async () => {
      const current = await value();
      expect(current).toEqual(expect.any(String));
      return current;
    }, patience);
    await database.transaction('rw', database.settings, database.progress, async () => {
      await database.settings.put({ key: 'currentEstablishmentId', value: sampleEstablishment().id });
      await database.settings.put({ key: 'me', value: {} });
    });
    await vi.waitFor(async () => expect(await value()).not.toBe(afterPut), patience);
    expect(seen).toHaveLength(2);

    await database.reminders.put({ id: 'r', establishmentId: sampleEstablishment().id, kind: 'balOrgDirectory', dueAt: '2025-03-04T10:00:00.000Z' });
    await expect(
      database.transaction('rw', database.progress, async () => {
        await database.progress.put({ establishmentId: 'e', procedureId: '000-distrilog', answers: {}, done: {}, startedAt: '', updatedAt: '' });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).toHaveLength(2);
    unwatch();
    database.close();
  });
});
