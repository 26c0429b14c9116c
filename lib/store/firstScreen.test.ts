import { sampleEstablishment } from '../profile/sample';
import { BaliseDb } from './db';
import { summaryOf } from './rows';
import { readFirstScreen } from './firstScreen';
import { readEstablishments, readSummaries, readSettings, setMe, writeSetting } from './profile';

/** Establishments whose labels sort differently by code unit and in French (« É » after « Z » by code). */
function seeded(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    ...sampleEstablishment(),
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    label: `${i % 3 === 0 ? 'Établissement' : i % 3 === 1 ? 'Zénith' : 'ehpad'} ${i}`,
  }));
}

describe('the first read without Dexie', () => {
  it('gives what Dexie reads: the summaries in the lists order, the settings, the records asked for', async () => {
    const name = `first-screen-${crypto.randomUUID()}`;
    const database = new BaliseDb(name);
    const rows = seeded(60);
    await database.establishments.bulkPut(rows);
    await writeSetting('currentEstablishmentId', rows[7]!.id, database);
    await setMe(rows[7]!.id, null, database);

    const first = await readFirstScreen((settings) => [settings.currentEstablishmentId!, rows[8]!.id, 'gone'], name);

    expect(first?.establishments).toEqual(await readSummaries(database));
    expect(first?.establishments.map((e) => e.label).slice(0, 3)).toEqual(['ehpad 2', 'ehpad 5', 'ehpad 8']);
    expect(first?.settings).toEqual(await readSettings(database));
    expect([...first!.records.values()].sort((a, b) => a.id.localeCompare(b.id))).toEqual(await readEstablishments([rows[7]!.id, rows[8]!.id], database));
    // The connection is closed: Dexie may still delete (or upgrade) the database.
    database.close();
    await database.delete();
  });

  it('leaves a database that does not exist to Dexie, which creates it', async () => {
    const name = `first-screen-none-${crypto.randomUUID()}`;
    expect(await readFirstScreen(() => [], name)).toBeUndefined();
    const database = new BaliseDb(name);
    await database.open();
    expect(database.tables.map((table) => table.name).sort()).toEqual(['establishments', 'progress', 'reminders', 'settings', 'summaries']);
    database.close();
    await database.delete();
  });

  it('leaves a database at an older version to Dexie, which upgrades it', async () => {
    const name = `first-screen-old-${crypto.randomUUID()}`;
    const old = new BaliseDb(name, 2);
    await old.establishments.put(sampleEstablishment());
    old.close();
    expect(await readFirstScreen(() => [], name)).toBeUndefined();
    const current = new BaliseDb(name);
    expect(await readSummaries(current)).toEqual([summaryOf(sampleEstablishment())]);
    current.close();
    await current.delete();
  });
});
