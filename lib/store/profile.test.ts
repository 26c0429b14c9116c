import { BaliseDb } from './db';
import { sampleEstablishment } from '../profile/sample';
import { ProfileValidationError } from '../profile/validation';
import {
  StaleRevisionError,
  copyOf,
  deleteEstablishment,
  nextRevision,
  readSummaries,
  readSettings,
  revisionOf,
  saveEstablishment,
  setMe,
  whichEstablishment,
  writeSetting,
} from './profile';

let database: BaliseDb;
beforeEach(async () => {
  database = new BaliseDb(`store-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await database.delete();
});

describe('whichEstablishment', () => {
  it('the chosen one, else the only one, else nobody (the overlay asks)', () => {
    expect(whichEstablishment(['a', 'b'], 'b')).toBe('b');
    expect(whichEstablishment(['a'], undefined)).toBe('a');
    expect(whichEstablishment(['a'], 'gone')).toBe('a');
    expect(whichEstablishment(['a', 'b'], undefined)).toBeNull();
    expect(whichEstablishment([], undefined)).toBeNull();
  });
});

describe('readSummaries', () => {
  it('reads every summary, in French order rather than the code-unit order', async () => {
    const sample = sampleEstablishment();
    const labels = ['Zénith', 'établissement Sud', 'EHPAD Nord', 'Fondation'];
    const stored = labels.map((label) => copyOf(sample, label));
    await database.establishments.bulkPut(stored);
    const read = await readSummaries(database);
    expect(read.map((e) => e.label)).toEqual(['EHPAD Nord', 'établissement Sud', 'Fondation', 'Zénith']);
    expect(read.map((e) => e.id)).toEqual(read.map((e) => stored.find((s) => s.label === e.label)!.id));
  });

  it('reads nothing from an empty workstation', async () => {
    expect(await readSummaries(database)).toEqual([]);
  });
});

describe('deleteEstablishment', () => {
  it('deletes what refers to it — progress, reminders, "me", the current choice — and nothing of another establishment', async () => {
    const gone = await saveEstablishment(sampleEstablishment(), database);
    const kept = await saveEstablishment({ ...sampleEstablishment(), id: crypto.randomUUID(), label: 'Autre' }, database);
    for (const { id } of [gone, kept]) {
      await database.progress.put({ establishmentId: id, procedureId: '000-distrilog', answers: {}, done: {}, startedAt: '', updatedAt: '' });
      await database.reminders.put({ id: `r-${id}`, establishmentId: id, kind: 'balOrgDirectory', dueAt: '2025-03-04T10:00:00.000Z' });
      await setMe(id, sampleEstablishment().contacts[0]!.id, database);
    }
    await writeSetting('currentEstablishmentId', gone.id, database);
    await deleteEstablishment(gone.id, database);
    expect((await database.establishments.toArray()).map((e) => e.id)).toEqual([kept.id]);
    expect((await database.progress.toArray()).map((p) => p.establishmentId)).toEqual([kept.id]);
    expect((await database.reminders.toArray()).map((r) => r.establishmentId)).toEqual([kept.id]);
    expect(await readSettings(database)).toEqual({ me: { [kept.id]: sampleEstablishment().contacts[0]!.id } });
  });
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
