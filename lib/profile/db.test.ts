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
    const before = { establishments: await old.establishments.toArray(), settings: await old.settings.toArray() };
    old.close();

    const current = new BaliseDb(name, latestDbVersion);
    expect(await current.establishments.toArray()).toEqual(before.establishments);
    expect(await current.settings.toArray()).toEqual(before.settings);
    expect(current.verno).toBe(latestDbVersion);
    current.close();
    await current.delete();
  });
});
