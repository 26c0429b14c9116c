import { managedIdOf } from '../profile/pushed';
import { sampleEstablishment } from '../profile/sample';
import { clinic } from '../profile/transfer.fixtures';
import { watchDataChanges } from './changes';
import { BaliseDb, dbVersions, latestDbVersion } from './db';
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
