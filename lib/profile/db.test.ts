import { BaliseDb, dbVersions, latestDbVersion } from './db';
import { sampleEstablishment } from './sample';

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
