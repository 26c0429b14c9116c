import { BaliseDb, type StoredEstablishment } from './db';
import { sampleEstablishment } from './sample';
import type { Establishment } from './schema';
import { clinic } from './transfer.fixtures';
import { saveEstablishment, setMe } from './store';
import {
  applyImport,
  buildProfileFile,
  choicesFor,
  describePath,
  describeProblem,
  exportProfile,
  ImportConflictError,
  MAX_FILE_BYTES,
  openEncrypted,
  parseProfileText,
  previewImport,
  profileFileName,
  readProfileFile,
  type ParseResult,
  type ProfileFile,
} from './transfer';

function withoutUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function fileText(establishments: unknown[], extra: Record<string, unknown> = {}) {
  return JSON.stringify({ format: 'balise.profile', version: 1, exportedAt: '2025-01-15T10:00:00.000Z', establishments, ...extra });
}

function problemsOf(result: ParseResult): string[] {
  expect(result.kind).toBe('invalid');
  return result.kind === 'invalid' ? result.problems.map(describeProblem) : [];
}

function plain(result: ParseResult): ProfileFile {
  if (result.kind !== 'plain') throw new Error(`expected a plain file, got ${JSON.stringify(result)}`);
  return result.file;
}

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
  it('gives back identical data in a fresh database (round trip)', async () => {
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
      [...originals].sort((a, b) => a.label.localeCompare(b.label)),
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

  it('does not export the "managed" mark, and refuses to write an establishment that no longer validates', () => {
    const managed: StoredEstablishment = { ...sampleEstablishment(), managed: true };
    expect(buildProfileFile([managed]).establishments[0]).not.toHaveProperty('managed');
    expect(() => buildProfileFile([{ ...sampleEstablishment(), siren: '123' }])).toThrow();
  });

  it('names the file after the label and the date', () => {
    expect(profileFileName([{ label: 'CH Démo – site Nord' }], new Date(2025, 5, 3))).toBe('balise-ch-demo-site-nord-2025-06-03.balise.json');
    expect(profileFileName([{ label: '***' }], new Date(2025, 5, 3))).toBe('balise-profil-2025-06-03.balise.json');
  });
});

describe('parsing a file', () => {
  it('accepts identifiers typed with spaces by someone editing the file by hand', () => {
    const file = plain(parseProfileText(fileText([{ ...clinic(), siret: '267 500 452 00011', finessEt: ' 75 010 001 8 ' }])));
    expect(file.establishments[0]).toMatchObject({ siret: '26750045200011', finessEt: '750100018' });
  });

  it('says in French which establishment and which field is wrong, and why', () => {
    const problems = problemsOf(parseProfileText(fileText([clinic(), { ...sampleEstablishment(), label: 'CH Démo', siret: '2675004520001' }])));
    expect(problems).toEqual(['Établissement 2 (« CH Démo ») — SIRET : Le SIRET doit compter 14 chiffres ; vous en avez saisi 13.']);
  });

  it('locates problems inside contacts and certificates', () => {
    const broken = clinic();
    broken.contacts[0]!.rpps = '123';
    const [problem] = problemsOf(parseProfileText(fileText([broken])));
    expect(problem).toMatch(/^Établissement 1 \(« Clinique Démo »\) — Contact 1 › Numéro RPPS : /);
  });

  it('refuses unknown keys, naming them', () => {
    expect(problemsOf(parseProfileText(fileText([{ ...clinic(), motDePasse: 'secret' }])))).toEqual([
      'Établissement 1 (« Clinique Démo ») : Champ(s) inconnu(s) refusé(s) : motDePasse.',
    ]);
    expect(problemsOf(parseProfileText(fileText([clinic()], { commentaire: 'x' })))).toEqual([
      'Champ(s) inconnu(s) refusé(s) : commentaire.',
    ]);
  });

  it('refuses prototype-pollution keys without polluting anything', () => {
    const establishment = JSON.stringify(clinic()).slice(0, -1);
    for (const [key, value] of [['__proto__', '{"polluted":true}'], ['constructor', '{"polluted":true}'], ['__proto__', '"x"'], ['hasOwnProperty', '"x"']]) {
      const text = fileText([]).replace('"establishments":[]', `"establishments":[${establishment},"${key}":${value}}]`);
      expect(problemsOf(parseProfileText(text))).toEqual([
        `Établissement 1 (« Clinique Démo ») : Champ(s) inconnu(s) refusé(s) : ${key}.`,
      ]);
      const topLevel = fileText([clinic()]).replace('{', `{"${key}":${value},`);
      expect(problemsOf(parseProfileText(topLevel))).toEqual([`Champ(s) inconnu(s) refusé(s) : ${key}.`]);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('says when a file comes from a newer version', () => {
    expect(problemsOf(parseProfileText(fileText([clinic()], { version: 2 })))).toEqual([
      "Ce fichier vient d'une version plus récente de Balise (format 2, celle-ci lit le format 1). Mettez Balise à jour pour l'importer.",
    ]);
    const envelope = { format: 'balise.profile.encrypted', version: 3 };
    expect(problemsOf(parseProfileText(JSON.stringify(envelope)))[0]).toContain('format 3');
  });

  it('reports a truncated file, a file that is not Balise\'s, an empty one and a deeply nested one', () => {
    const text = fileText([clinic()]);
    expect(problemsOf(parseProfileText(text.slice(0, text.length / 2)))).toEqual([
      "Ce fichier n'est pas un fichier JSON lisible : il est peut-être incomplet (tronqué) ou abîmé.",
    ]);
    expect(problemsOf(parseProfileText('{"format":"autre"}'))).toEqual(["Ce fichier n'est pas un fichier de profil Balise."]);
    expect(problemsOf(parseProfileText('[1,2]'))).toEqual(["Ce fichier n'est pas un fichier de profil Balise."]);
    expect(problemsOf(parseProfileText(fileText([])))).toEqual(['Ce fichier ne contient aucun établissement.']);
    expect(problemsOf(parseProfileText(`${'['.repeat(100_000)}${']'.repeat(100_000)}`))).toEqual([
      'Ce fichier est trop imbriqué pour être un profil Balise.',
    ]);
  });

  it('refuses two establishments with the same id', () => {
    expect(problemsOf(parseProfileText(fileText([clinic(), { ...sampleEstablishment(), label: 'CH Démo', id: clinic().id }])))).toEqual([
      'Établissement 2 (« CH Démo ») — Identifiant interne : Cet établissement porte le même identifiant interne qu\'un autre établissement du fichier.',
    ]);
  });

  it('refuses a 2 MB file before reading it', async () => {
    const big = new File(['x'.repeat(2 * 1024 * 1024)], 'big.balise.json', { type: 'application/json' });
    const read = vi.spyOn(big, 'text');
    expect(problemsOf(await readProfileFile(big))).toEqual([
      "Ce fichier pèse 2048 Ko : Balise n'importe que des fichiers de 1 Mo au plus. Ce n'est sans doute pas un fichier de profil.",
    ]);
    expect(read).not.toHaveBeenCalled();
    const text = fileText([clinic()]);
    const atLimit = new File([text.padEnd(MAX_FILE_BYTES - (new Blob([text]).size - text.length), ' ')], 'ok.balise.json');
    expect(atLimit.size).toBe(MAX_FILE_BYTES);
    expect((await readProfileFile(atLimit)).kind).toBe('plain');
  });
});

describe('describePath', () => {
  it('names fields in French by where they sit', () => {
    expect(describePath(['phone'])).toBe('Téléphone du standard');
    expect(describePath(['contacts', 1, 'phone'])).toBe('Contact 2 › Téléphone');
    expect(describePath(['orgMailbox', 'email'])).toBe('Boîte organisationnelle Medimail › Adresse de la boîte organisationnelle');
    expect(describePath(['contacts', 'Paul Durand', 'email'])).toBe('Contact « Paul Durand » › Adresse électronique');
    expect(describePath(['contacts', 'constructor'])).toBe('Contact « constructor »');
  });
});

describe('preview', () => {
  it('matches by FINESS géographique, else SIRET, else id, and lists the differences field by field', () => {
    const byFiness = { ...clinic(), id: crypto.randomUUID(), siret: undefined };
    const bySiret = { ...clinic(), id: crypto.randomUUID(), finessEt: undefined };
    const byId = { ...sampleEstablishment(), finessEt: undefined, siret: undefined };
    const theirs: Establishment = {
      ...clinic(),
      phone: '0140275099',
      contacts: [{ ...clinic().contacts[0]!, id: crypto.randomUUID(), email: 'p.durand@clinique-demo.fr' }],
      certificates: [],
    };
    const file = plain(parseProfileText(fileText([theirs])));
    expect(previewImport(file, [byFiness])[0]!.match).toMatchObject({ by: 'finessEt' });
    expect(previewImport(file, [bySiret])[0]!.match).toMatchObject({ by: 'siret' });
    expect(previewImport(plain(parseProfileText(fileText([byId]))), [byId])[0]!.match).toMatchObject({ by: 'id' });

    const [item] = previewImport(file, [clinic()]);
    expect(item!.differences).toEqual([
      { path: ['phone'], mine: '0140275000', theirs: '0140275099' },
      { path: ['contacts', 'Paul Durand', 'email'], mine: 'paul.durand@clinique-demo.fr', theirs: 'p.durand@clinique-demo.fr' },
      { path: ['certificates', 'PRO AUTH 2024-03-01'], mine: 'PRO AUTH 2024-03-01', theirs: undefined },
    ]);
    expect(describePath(item!.differences[2]!.path)).toBe('Certificat « PRO AUTH 2024-03-01 »');
    expect(choicesFor(item!)).toEqual(['replace', 'keep', 'add']);
  });

  it('matches a local establishment only once, and never offers to replace a managed one', () => {
    const file = plain(parseProfileText(fileText([clinic(), { ...clinic(), id: crypto.randomUUID() }])));
    const items = previewImport(file, [{ ...clinic(), managed: true }]);
    expect(items.map((item) => item.match?.by)).toEqual(['finessEt', undefined]);
    expect(choicesFor(items[0]!)).toEqual(['keep', 'add']);
  });
});

describe('a bad encrypted envelope', () => {
  const valid = {
    format: 'balise.profile.encrypted',
    version: 1,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 600000, salt: btoa('s'.repeat(16)) },
    cipher: { name: 'AES-GCM', length: 256, iv: btoa('i'.repeat(12)) },
    data: btoa('d'.repeat(32)),
  };
  const field = 'Fichier — ';
  it.each([
    ['iterations 10⁹', { kdf: { ...valid.kdf, iterations: 1e9 } }, `${field}Dérivation de la clé (kdf) › Nombre d'itérations (iterations) : Ce nombre est trop grand : 10000000 au plus.`],
    ['iterations 1000', { kdf: { ...valid.kdf, iterations: 1000 } }, `${field}Dérivation de la clé (kdf) › Nombre d'itérations (iterations) : Ce nombre est trop petit : 600000 au moins.`],
    ['iterations 600000.5', { kdf: { ...valid.kdf, iterations: 600000.5 } }, `${field}Dérivation de la clé (kdf) › Nombre d'itérations (iterations) : Ce nombre doit être entier.`],
    ['a 4-byte IV', { cipher: { ...valid.cipher, iv: btoa('iiii') } }, `${field}Chiffrement (cipher) › Vecteur d'initialisation (iv) : Cette valeur doit faire 12 octets une fois décodée ; elle en fait 4.`],
    ['a 4-byte salt', { kdf: { ...valid.kdf, salt: btoa('ssss') } }, `${field}Dérivation de la clé (kdf) › Sel (salt) : Cette valeur doit faire de 16 à 64 octets une fois décodée ; elle en fait 4.`],
    ['a 4096-byte salt', { kdf: { ...valid.kdf, salt: btoa('s'.repeat(4096)) } }, `${field}Dérivation de la clé (kdf) › Sel (salt) : Cette valeur doit faire de 16 à 64 octets une fois décodée ; elle en fait 4096.`],
    ['3 bytes of data', { data: btoa('ddd') }, `${field}Données chiffrées (data) : Cette valeur doit faire au moins 16 octets une fois décodée ; elle en fait 3.`],
    ['data not in base64', { data: 'pas du base64 !' }, `${field}Données chiffrées (data) : Cette valeur doit être écrite en base64.`],
    ['a 128-bit key', { cipher: { ...valid.cipher, length: 128 } }, `${field}Chiffrement (cipher) › Longueur de clé (length) : Valeur non reconnue ; valeurs possibles : 256.`],
    ['SHA-1', { kdf: { ...valid.kdf, hash: 'SHA-1' } }, `${field}Dérivation de la clé (kdf) › Fonction de hachage (hash) : Valeur non reconnue ; valeurs possibles : SHA-256.`],
    ['no data', { data: undefined }, `${field}Données chiffrées (data) : Ce champ est obligatoire.`],
  ])('names what is wrong: %s', (_case, change, expected) => {
    expect(problemsOf(parseProfileText(JSON.stringify({ ...valid, ...change })))).toEqual([expected]);
  });

  it('is accepted when nothing is wrong', () => {
    expect(parseProfileText(JSON.stringify(valid)).kind).toBe('encrypted');
  });
});

describe('invisible and control characters', () => {
  it('refuses them in an imported file, naming the field and the character, and shows the label safely', () => {
    const spoofed = { ...clinic(), label: 'CH \u202Eeimedac\u202C' };
    expect(problemsOf(parseProfileText(fileText([spoofed])))).toEqual([
      'Établissement 1 (« CH [U+202E]eimedac[U+202C] ») — Libellé court : Ce texte contient un caractère invisible ou de contrôle (U+202E), qui peut fausser son affichage : retirez-le.',
    ]);
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
    expect((error as Error).message).toContain('« Ma clinique » a été modifié ou supprimé sur une autre page');
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
    const add = database.establishments.add.bind(database.establishments);
    let calls = 0;
    vi.spyOn(database.establishments, 'add').mockImplementation((...args) => {
      calls++;
      if (calls === 2) throw new Error('disk full');
      return add(...args);
    });
    await expect(applyImport(items, ['add', 'add'], database)).rejects.toThrow('disk full');
    expect(calls).toBe(2);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a choice the preview did not offer, without writing', async () => {
    const items = previewImport(plain(parseProfileText(fileText([clinic()]))), []);
    await expect(applyImport(items, ['replace'], database)).rejects.toThrow();
    expect(await database.establishments.count()).toBe(0);
  });
});
