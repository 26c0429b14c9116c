import { sampleEstablishment } from '../profile/sample';
import { BaliseDb } from './db';
import { firstPageOf, readFirstScreen } from './firstScreen';
import { readEstablishments, readLabels, readSettings, setMe, writeSetting } from './profile';

/** Establishments whose labels sort differently by code unit and in French (« É » after « Z » by code). */
function seeded(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    ...sampleEstablishment(),
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    label: `${i % 3 === 0 ? 'Établissement' : i % 3 === 1 ? 'Zénith' : 'ehpad'} ${i}`,
  }));
}

describe('the first read without Dexie', () => {
  it('gives what Dexie reads: the labels in the lists order, the settings, the records asked for', async () => {
    const name = `first-screen-${crypto.randomUUID()}`;
    const database = new BaliseDb(name);
    const rows = seeded(60);
    await database.establishments.bulkPut(rows);
    await writeSetting('currentEstablishmentId', rows[7]!.id, database);
    await setMe(rows[7]!.id, null, database);

    const first = await readFirstScreen((labels, settings) => [...firstPageOf(labels).map((e) => e.id), settings.currentEstablishmentId!, 'gone'], name);

    const labels = await readLabels(database);
    expect(first?.labels).toEqual(labels);
    expect(first?.settings).toEqual(await readSettings(database));
    // The current establishment may be on the first page too: each record once.
    const asked = [...new Set([...firstPageOf(labels).map((e) => e.id), rows[7]!.id])];
    expect([...first!.records.values()].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      (await readEstablishments(asked, database)).sort((a, b) => a.id.localeCompare(b.id)),
    );
    // The connection is closed: Dexie may still delete (or upgrade) the database.
    database.close();
    await database.delete();
  });

  it('leaves a database that does not exist to Dexie, which creates it', async () => {
    const name = `first-screen-none-${crypto.randomUUID()}`;
    expect(await readFirstScreen(() => [], name)).toBeUndefined();
    const database = new BaliseDb(name);
    await database.open();
    expect(database.tables.map((table) => table.name).sort()).toEqual(['establishments', 'progress', 'reminders', 'settings']);
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
    expect(await readLabels(current)).toEqual([{ id: sampleEstablishment().id, label: sampleEstablishment().label }]);
    current.close();
    await current.delete();
  });
});
