/** Profile files in and out of the database: the export, and the import applied through the store's write path. */
import { sampleEstablishment } from '../profile/sample';
import { openEncrypted, parseProfileText, previewImport } from '../profile/transfer';
import { clinic, fileText, plain, withoutUndefined } from '../profile/transfer.fixtures';
import { BaliseDb } from './db';
import { applyImport, exportProfile, forgetLesson, ImportConflictError, readSettings, saveEstablishment, setMe, teachLesson } from './profile';
import { bindFrenchSpaces } from '../i18n/typography';

let database: BaliseDb;
beforeEach(() => {
  database = new BaliseDb(`transfer-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await database.delete();
});

async function snapshot(db = database) {
  return { establishments: await db.establishments.toArray(), settings: await db.settings.toArray() };
}

describe('export then import', () => {
  it('gives back identical data in a fresh database, each with a revision of this workstation (round trip)', async () => {
    const source = new BaliseDb(`source-${crypto.randomUUID()}`);
    const originals = [sampleEstablishment(), clinic()].map(withoutUndefined);
    await source.establishments.bulkPut(originals);
    await setMe(originals[0]!.id, originals[0]!.contacts[0]!.id, source);
    const { name, text, count } = await exportProfile([originals[0]!.id, originals[1]!.id], undefined, source, new Date(2025, 0, 15));
    await source.delete();
    expect(name).toBe('balise-2-etablissements-2025-01-15.balise.json');
    expect(count).toBe(2);
    expect(text).not.toContain('"me"');

    const file = plain(parseProfileText(text));
    const items = previewImport(file, await database.establishments.toArray());
    expect(items.map((item) => item.match)).toEqual([undefined, undefined]);
    expect(await applyImport(items, ['add', 'add'], database)).toEqual({ added: 2, replaced: 0, kept: 0 });
    expect(await database.establishments.orderBy('label').toArray()).toEqual(
      [...originals].sort((a, b) => a.label.localeCompare(b.label)).map((original) => ({ ...original, updatedAt: expect.any(String) })),
    );
    expect(await database.settings.count()).toBe(0);
  });

  it('gives back identical data through an encrypted file, and lets the user retry a wrong passphrase', async () => {
    await database.establishments.put(withoutUndefined(clinic()));
    const { text } = await exportProfile([clinic().id], 'cheval agrafe pile correcte', database);
    expect(text).not.toContain('Clinique');
    const parsed = parseProfileText(text);
    if (parsed.kind !== 'encrypted') throw new Error('expected an encrypted file');
    expect(parsed.envelope.kdf.iterations).toBeGreaterThanOrEqual(600_000);

    expect(await openEncrypted(parsed.envelope, 'cheval agrafe pile correctE')).toEqual({ kind: 'wrongPassphrase' });
    const opened = await openEncrypted(parsed.envelope, 'cheval agrafe pile correcte');
    expect(opened.kind === 'plain' && opened.file.establishments).toEqual([withoutUndefined(clinic())]);
  });
});

describe('lessons (fields the user taught)', () => {
  const lesson = { origin: 'https://plage.atih.sante.fr', signature: 'text|code de la structure|||code struct||', label: 'Code de la structure', kind: 'finessEt' } as const;

  it('travel with the establishment: taught here, exported, imported in a fresh database, forgotten there', async () => {
    const source = new BaliseDb(`source-${crypto.randomUUID()}`);
    const original = await saveEstablishment(sampleEstablishment(), source);
    await teachLesson(original.id, lesson, source);
    await teachLesson(original.id, { ...lesson, signature: 'text|ville|||||', label: 'Ville\u202E', kind: 'never' }, source);
    const { text } = await exportProfile([original.id], undefined, source);
    await source.delete();
    expect(text).toContain('"lessons"');

    const file = plain(parseProfileText(text));
    await applyImport(previewImport(file, []), ['add'], database);
    const [imported] = await database.establishments.toArray();
    expect(imported!.lessons).toEqual([lesson, { ...lesson, signature: 'text|ville|||||', label: 'Ville[U+202E]', kind: 'never' }]);

    await forgetLesson(imported!.id, lesson, database);
    expect((await database.establishments.get(imported!.id))!.lessons!.map((l) => l.label)).toEqual(['Ville[U+202E]']);
  });

  it('are absent from older files, which still import; a lesson for a secret or another scheme is refused', async () => {
    const old = { ...withoutUndefined(clinic()) };
    expect('lessons' in old).toBe(false);
    const file = plain(parseProfileText(fileText([old])));
    await applyImport(previewImport(file, []), ['add'], database);
    const [stored] = await database.establishments.toArray();
    await expect(teachLesson(stored!.id, { ...lesson, kind: 'oneTimeCode' }, database)).rejects.toThrow();
    await expect(teachLesson(stored!.id, { ...lesson, origin: 'http://plage.atih.sante.fr' }, database)).rejects.toThrow();
    expect((await database.establishments.get(stored!.id))!.lessons).toBeUndefined();
  });
});

describe('applyImport', () => {
  it('replaces in place, keeping the local id, and forgets "me" when that contact is gone', async () => {
    const local = { ...withoutUndefined(clinic()), id: crypto.randomUUID() };
    await database.establishments.put(local);
    await setMe(local.id, local.contacts[0]!.id, database);
    const theirs = { ...clinic(), contacts: [{ ...clinic().contacts[0]!, id: crypto.randomUUID() }], certificates: [] };
    const items = previewImport(plain(parseProfileText(fileText([theirs]))), await database.establishments.toArray());
    expect(await applyImport(items, ['replace'], database)).toEqual({ added: 0, replaced: 1, kept: 0 });
    expect(await database.establishments.toArray()).toEqual([{ ...withoutUndefined(theirs), id: local.id, updatedAt: expect.any(String) }]);
    expect(await database.settings.get('me')).toEqual({ key: 'me', value: {} });
  });

  it.each([
    ['changed', (db: BaliseDb, id: string) => db.establishments.update(id, { phone: '0140279999', updatedAt: '2026-01-01T00:00:00.000Z' })],
    ['deleted', (db: BaliseDb, id: string) => db.establishments.delete(id)],
  ])('rolls back, naming it, when an establishment to replace was %s after the preview', async (_case, meanwhile) => {
    const local = await saveEstablishment({ ...withoutUndefined(clinic()), id: crypto.randomUUID(), label: 'Ma clinique' }, database);
    const other = await saveEstablishment(withoutUndefined(sampleEstablishment()), database);
    const file = plain(parseProfileText(fileText([{ ...sampleEstablishment(), legalName: 'Autre nom' }, { ...clinic(), legalName: 'Nouveau nom' }])));
    const items = previewImport(file, await database.establishments.toArray());
    expect(items.map((item) => item.match?.local.id)).toEqual([other.id, local.id]);
    await meanwhile(database, local.id);
    const before = await snapshot();
    const error = await applyImport(items, ['replace', 'replace'], database).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportConflictError);
    expect((error as Error).message).toContain(bindFrenchSpaces('« Ma clinique » a été modifié ou supprimé sur une autre page'));
    expect(await snapshot()).toEqual(before);
  });

  it('adds a copy with new ids when the id is already taken, and keeps when asked', async () => {
    await database.establishments.put(withoutUndefined(clinic()));
    const file = plain(parseProfileText(fileText([clinic()])));
    const items = previewImport(file, await database.establishments.toArray());
    expect(await applyImport(items, ['keep'], database)).toEqual({ added: 0, replaced: 0, kept: 1 });
    expect(await database.establishments.count()).toBe(1);
    await applyImport(items, ['add'], database);
    const rows = await database.establishments.toArray();
    expect(rows).toHaveLength(2);
    const copy = rows.find((row) => row.id !== clinic().id)!;
    expect(copy.contacts[0]!.id).not.toBe(clinic().contacts[0]!.id);
    expect(copy.certificates[0]!.holderContactId).toBe(copy.contacts[0]!.id);
  });

  it('changes nothing when any write fails', async () => {
    await database.establishments.put(withoutUndefined(sampleEstablishment()));
    const before = await snapshot();
    const file = plain(parseProfileText(fileText([{ ...clinic(), id: crypto.randomUUID(), finessEt: undefined, siret: undefined }, clinic()])));
    const items = previewImport(file, await database.establishments.toArray());
    const write = vi.spyOn(database.establishments, 'bulkPut').mockRejectedValueOnce(new Error('disk full'));
    await expect(applyImport(items, ['add', 'add'], database)).rejects.toThrow('disk full');
    expect(write).toHaveBeenCalledTimes(1);
    expect(await snapshot()).toEqual(before);
  });

  it("writes a group's file in one go, and only establishments as the file's check returned them", async () => {
    const many = Array.from({ length: 40 }, (_, index) => ({ ...withoutUndefined(clinic()), id: crypto.randomUUID(), label: `Clinique ${index + 1}`, finessEt: undefined, siret: undefined }));
    const items = previewImport(plain(parseProfileText(fileText(many))), []);
    expect(await applyImport(items, items.map(() => 'add'), database)).toEqual({ added: 40, replaced: 0, kept: 0 });
    expect(await database.establishments.count()).toBe(40);

    // Changed after the check (the brand survives a spread): refused, nothing written.
    const broken = [{ ...items[0]!, imported: { ...items[0]!.imported, id: crypto.randomUUID(), siren: '123' } }];
    await expect(applyImport(broken, ['add'], database)).rejects.toThrow(TypeError);
    expect(await database.establishments.count()).toBe(40);
  });

  it("writes a group's file in several requests, each in a task of its own, and still all or nothing", async () => {
    const many = Array.from({ length: 60 }, (_, index) => ({ ...withoutUndefined(clinic()), id: crypto.randomUUID(), label: `Clinique ${index + 1}`, finessEt: undefined, siret: undefined }));
    const items = previewImport(plain(parseProfileText(fileText(many))), []);
    const put = database.establishments.bulkPut.bind(database.establishments);
    let requests = 0;
    const write = vi.spyOn(database.establishments, 'bulkPut').mockImplementation((...args: Parameters<typeof put>) => {
      // The third request fails: the two already answered must be undone with it.
      if (++requests === 3) return Promise.reject(new Error('disk full')) as ReturnType<typeof put>;
      return put(...args);
    });
    await expect(applyImport(items, items.map(() => 'add'), database)).rejects.toThrow('disk full');
    expect(write).toHaveBeenCalledTimes(3);
    expect(await database.establishments.count()).toBe(0);
    write.mockRestore();
    expect(await applyImport(items, items.map(() => 'add'), database)).toEqual({ added: 60, replaced: 0, kept: 0 });
    expect(await database.establishments.count()).toBe(60);
  });

  it('makes the only establishment of a fresh workstation its current one, and chooses nothing among several (newcomer report P11)', async () => {
    const one = previewImport(plain(parseProfileText(fileText([clinic()]))), []);
    await applyImport(one, ['add'], database);
    expect(await readSettings(database)).toMatchObject({ currentEstablishmentId: clinic().id });

    // A second one: the choice made stays.
    const other = { ...withoutUndefined(clinic()), id: crypto.randomUUID(), label: 'Clinique Nord', finessEt: undefined, siret: undefined };
    await applyImport(previewImport(plain(parseProfileText(fileText([other]))), await database.establishments.toArray()), ['add'], database);
    expect((await readSettings(database)).currentEstablishmentId).toBe(clinic().id);

    // A group's file on a fresh workstation: the user says which one they work for (the popup asks).
    const fresh = new BaliseDb(`fresh-${crypto.randomUUID()}`);
    await applyImport(previewImport(plain(parseProfileText(fileText([clinic(), other]))), []), ['add', 'add'], fresh);
    expect((await readSettings(fresh)).currentEstablishmentId).toBeUndefined();
    await fresh.delete();
  });

  it('refuses a choice the preview did not offer, without writing', async () => {
    const items = previewImport(plain(parseProfileText(fileText([clinic()]))), []);
    await expect(applyImport(items, ['replace'], database)).rejects.toThrow();
    expect(await database.establishments.count()).toBe(0);
  });
});
