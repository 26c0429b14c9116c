import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isManaged, managedIdOf, type StoredEstablishment } from '../profile/pushed';
import { sampleEstablishment } from '../profile/sample';
import { buildProfileFile, describeProblem } from '../profile/transfer';
import { clinic } from '../profile/transfer.fixtures';
import { BaliseDb } from './db';
import { readManagedEstablishments, syncManagedEstablishments, watchManagedEstablishments } from './managed';
import { managedProfileKey } from './storage';
import { patience } from '../../test/patience';
import { bindFrenchSpaces } from '../i18n/typography';

let database: BaliseDb;
beforeEach(() => {
  database = new BaliseDb(`managed-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await database.delete();
});

const policy = (establishments = [clinic()]) => JSON.stringify(buildProfileFile(establishments));
const push = (value: unknown) => fakeBrowser.storage.managed.set({ [managedProfileKey]: value });
const clean = <T,>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('readManagedEstablishments', () => {
  it('reads nothing when Chrome answers {} and when Firefox rejects for lack of a policy', async () => {
    expect(await readManagedEstablishments()).toEqual({ status: 'none' });
    const firefox = { get: () => Promise.reject(new Error('Managed storage manifest not found')) };
    expect(await readManagedEstablishments(firefox)).toEqual({ status: 'none' });
  });

  it('reads the file pushed as a JSON string (Chrome, Firefox) or as an object (Firefox)', async () => {
    await push(policy());
    expect(await readManagedEstablishments()).toEqual({ status: 'ok', establishments: [clean(clinic())], problems: [] });
    await push(JSON.parse(policy()));
    expect(await readManagedEstablishments()).toEqual({ status: 'ok', establishments: [clean(clinic())], problems: [] });
  });

  it('keeps the valid establishments and reports the others', async () => {
    const wrong = { ...sampleEstablishment(), label: 'CH Démo', siret: '123' };
    await push(JSON.stringify({ ...JSON.parse(policy()), establishments: [clinic(), wrong] }));
    const reading = await readManagedEstablishments();
    if (reading.status !== 'ok') throw new Error(JSON.stringify(reading));
    expect(reading.establishments.map((e) => e.label)).toEqual(['Clinique Démo']);
    expect(reading.problems.map(describeProblem)).toEqual([bindFrenchSpaces('Établissement 2 (« CH Démo ») — SIRET : Le SIRET doit compter 14 chiffres ; vous en avez saisi 3.')]);
  });

  it('reports a policy that is not a Balise file', async () => {
    await push('{"format": "balise.profile"');
    expect(await readManagedEstablishments()).toMatchObject({ status: 'invalid', problems: [{ message: { key: 'importNotJson' } }] });
    await push(JSON.stringify({ format: 'balise.profile.encrypted', version: 1 }));
    expect(await readManagedEstablishments()).toMatchObject({ status: 'invalid' });
  });
});

describe('syncManagedEstablishments', () => {
  it('inserts the pushed establishments as managed, beside the local ones, even one with the same id', async () => {
    const local = clean({ ...sampleEstablishment(), label: 'Local' });
    const mine = clean({ ...clinic(), label: 'Ma version' });
    await database.establishments.bulkPut([local, mine]);
    await push(policy());
    await syncManagedEstablishments(database);
    const rows: StoredEstablishment[] = await database.establishments.orderBy('label').toArray();
    expect(rows).toEqual([{ ...clean(clinic()), id: managedIdOf(clinic().id), managed: true }, local, mine]);
    expect(rows.map(isManaged)).toEqual([true, false, false]);

    // Dropped from the policy, the pushed copy goes; the user's own stays.
    await fakeBrowser.storage.managed.remove(managedProfileKey);
    await syncManagedEstablishments(database);
    expect(await database.establishments.orderBy('label').toArray()).toEqual([local, mine]);
  });

  it('exports a pushed establishment under the id the DSI gave it', async () => {
    await push(policy());
    await syncManagedEstablishments(database);
    const [row] = await database.establishments.toArray();
    expect(buildProfileFile([row!]).establishments).toEqual([clean(clinic())]);
  });

  it('removes establishments no longer pushed, and keeps them while the policy is unusable', async () => {
    await push(policy([clinic(), sampleEstablishment()]));
    await syncManagedEstablishments(database);
    expect(await database.establishments.count()).toBe(2);

    await push('pas du JSON');
    expect((await syncManagedEstablishments(database)).status).toBe('invalid');
    expect(await database.establishments.count()).toBe(2);

    await push(policy([clinic()]));
    await syncManagedEstablishments(database);
    expect((await database.establishments.toArray()).map((e) => e.id)).toEqual([managedIdOf(clinic().id)]);

    await fakeBrowser.storage.managed.remove(managedProfileKey);
    await syncManagedEstablishments(database);
    expect(await database.establishments.count()).toBe(0);
  });

  it('follows policy changes until unsubscribed', async () => {
    const readings: string[] = [];
    const stop = watchManagedEstablishments((reading) => readings.push(reading.status), database);
    await vi.waitFor(() => expect(readings).toEqual(['none']), patience);
    await push(policy());
    await vi.waitFor(async () => expect(await database.establishments.count()).toBe(1), patience);
    stop();
    await push(policy([clinic(), sampleEstablishment()]));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await database.establishments.count()).toBe(1);
  });
});
