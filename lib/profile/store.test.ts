import { BaliseDb } from './db';
import { sampleEstablishment } from './sample';
import {
  ProfileValidationError,
  StaleRevisionError,
  copyOf,
  deleteEstablishment,
  nextRevision,
  readSettings,
  revisionOf,
  saveEstablishment,
  setMe,
  writeSetting,
} from './store';

let database: BaliseDb;
beforeEach(async () => {
  database = new BaliseDb(`store-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await database.delete();
});

describe('saveEstablishment', () => {
  it('stores a valid establishment with its update date', async () => {
    const saved = await saveEstablishment(sampleEstablishment(), database);
    expect(saved.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await database.establishments.get(saved.id)).toEqual(saved);
  });

  it('refuses an invalid one and leaves the database unchanged', async () => {
    const original = await saveEstablishment(sampleEstablishment(), database);
    const invalid = { ...original, siret: '2675004520001', legalName: 'Nouveau nom' };
    const error = await saveEstablishment(invalid, database).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProfileValidationError);
    expect((error as ProfileValidationError).problems[0]).toMatchObject({ path: ['siret'] });
    expect(await database.establishments.get(original.id)).toEqual(original);
  });

  it('refuses unknown keys, so no password can be stored', async () => {
    const withPassword = { ...sampleEstablishment(), motDePasse: 'secret123' };
    const error = (await saveEstablishment(withPassword, database).catch((e: unknown) => e)) as ProfileValidationError;
    expect(error.problems).toContainEqual({ path: [], message: { key: 'errUnknownKeys', subs: ['motDePasse'] } });
    expect(await database.establishments.count()).toBe(0);
  });
});

describe('saveEstablishment over another page\'s save (revisions)', () => {
  it('refuses a save based on an older revision, in French words for the editor, and keeps the newer row', async () => {
    const first = await saveEstablishment(sampleEstablishment(), database);
    const pageB = await saveEstablishment({ ...first, phone: '0140279999' }, database, { revision: revisionOf(first) });
    const error = await saveEstablishment({ ...first, label: 'CH Partagé (A)' }, database, { revision: revisionOf(first) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StaleRevisionError);
    expect((error as StaleRevisionError).current).toEqual(pageB);
    expect(await database.establishments.get(first.id)).toEqual(pageB);
  });

  it('never re-creates an establishment deleted elsewhere, unless asked to overwrite', async () => {
    const first = await saveEstablishment(sampleEstablishment(), database);
    await deleteEstablishment(first.id, database);
    const error = await saveEstablishment(first, database, { revision: revisionOf(first) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StaleRevisionError);
    expect((error as StaleRevisionError).current).toBeUndefined();
    expect(await database.establishments.count()).toBe(0);
    await saveEstablishment(first, database, 'overwrite');
    expect(await database.establishments.count()).toBe(1);
  });

  it('refuses a "new" establishment whose id exists, and gives each save a revision different from the previous one', async () => {
    const first = await saveEstablishment(sampleEstablishment(), database);
    await expect(saveEstablishment(first, database, 'new')).rejects.toBeInstanceOf(StaleRevisionError);
    const at = Date.parse(revisionOf(first)!);
    expect(nextRevision(revisionOf(first), at)).not.toBe(revisionOf(first));
    expect(nextRevision(revisionOf(first), at - 5000) > revisionOf(first)!).toBe(true);
    expect(nextRevision(undefined, at)).toBe(revisionOf(first));
  });
});

describe('copyOf', () => {
  it('gives new ids everywhere and remaps certificate holders', () => {
    const original = sampleEstablishment();
    original.certificates = [
      { id: crypto.randomUUID(), kind: 'PRO AUTH', holderContactId: original.contacts[1]!.id, obtainedOn: '2025-01-10', expiresOn: '2028-01-10' },
    ];
    const copy = copyOf(original, 'Copie');
    expect(copy.id).not.toBe(original.id);
    expect(copy.label).toBe('Copie');
    expect(copy.contacts.map((c) => c.id)).not.toContain(original.contacts[0]!.id);
    expect(copy.certificates[0]!.holderContactId).toBe(copy.contacts[1]!.id);
    expect(copy.contacts[1]!.lastName).toBe(original.contacts[1]!.lastName);
  });
});

describe('settings', () => {
  it('remembers who "me" is per establishment and forgets it with the establishment', async () => {
    const saved = await saveEstablishment(sampleEstablishment(), database);
    await writeSetting('currentEstablishmentId', saved.id, database);
    await setMe(saved.id, saved.contacts[2]!.id, database);
    expect(await readSettings(database)).toEqual({ currentEstablishmentId: saved.id, me: { [saved.id]: saved.contacts[2]!.id } });

    await deleteEstablishment(saved.id, database);
    expect(await readSettings(database)).toEqual({ me: {} });
    expect(await database.establishments.count()).toBe(0);
  });
});
