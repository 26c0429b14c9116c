import type { StoredEstablishment } from './pushed';
import { sampleEstablishment } from './sample';
import type { Establishment } from './schema';
import { clinic, fileText, plain, withoutUndefined } from './transfer.fixtures';
import {
  buildProfileFile,
  choicesFor,
  describePath,
  describeProblem,
  MAX_FILE_BYTES,
  openEncrypted,
  parseProfileText,
  previewImport,
  profileFileName,
  readProfileFile,
  type ParseResult,
} from './transfer';
import { bindFrenchSpaces } from '../i18n/typography';

function problemsOf(result: ParseResult): string[] {
  expect(result.kind).toBe('invalid');
  return result.kind === 'invalid' ? result.problems.map(describeProblem) : [];
}


describe('building a file', () => {
  it('does not export the "managed" mark, and refuses to write an establishment that no longer validates', () => {
    const managed: StoredEstablishment = { ...sampleEstablishment(), managed: true };
    expect(buildProfileFile([managed]).establishments[0]).not.toHaveProperty('managed');
    expect(() => buildProfileFile([{ ...sampleEstablishment(), siren: '123' }])).toThrow();
  });

  it('names the file after the label and the date', () => {
    expect(profileFileName([{ label: 'CH Démo – site Nord' }], new Date(2025, 5, 3))).toBe('balise-ch-demo-site-nord-2025-06-03.balise.json');
    expect(profileFileName([{ label: '***' }], new Date(2025, 5, 3))).toBe('balise-profil-2025-06-03.balise.json');
    expect(profileFileName([{ label: 'CH Démo' }], new Date(2025, 5, 3), true)).toBe('balise-ch-demo-2025-06-03-chiffre.balise.json');
  });
});

describe('parsing a file', () => {
  it('accepts identifiers typed with spaces by someone editing the file by hand', () => {
    const file = plain(parseProfileText(fileText([{ ...clinic(), siret: '267 500 452 00011', finessEt: ' 75 010 001 8 ' }])));
    expect(file.establishments[0]).toMatchObject({ siret: '26750045200011', finessEt: '750100018' });
  });

  it('says in French which establishment and which field is wrong, and why', () => {
    const problems = problemsOf(parseProfileText(fileText([clinic(), { ...sampleEstablishment(), label: 'CH Démo', siret: '2675004520001' }])));
    expect(problems).toEqual([bindFrenchSpaces('Établissement 2 (« CH Démo ») — SIRET : Le SIRET doit compter 14 chiffres ; vous en avez saisi 13.')]);
  });

  it('locates problems inside contacts and certificates', () => {
    const broken = clinic();
    broken.contacts[0]!.rpps = '123';
    const [problem] = problemsOf(parseProfileText(fileText([broken])));
    expect(problem).toMatch(/^Établissement 1 \(«\u202fClinique Démo\u202f»\) — Contact 1 › Numéro RPPS\u00a0: /);
  });

  it('refuses unknown keys, naming them', () => {
    expect(problemsOf(parseProfileText(fileText([{ ...clinic(), motDePasse: 'secret' }])))).toEqual([
      bindFrenchSpaces('Établissement 1 (« Clinique Démo ») : Balise refuse les noms de champ qu’elle ne connaît pas : motDePasse.'),
    ]);
    expect(problemsOf(parseProfileText(fileText([clinic()], { commentaire: 'x' })))).toEqual([
      bindFrenchSpaces('Balise refuse les noms de champ qu’elle ne connaît pas : commentaire.'),
    ]);
  });

  it('refuses prototype-pollution keys without polluting anything', () => {
    const establishment = JSON.stringify(clinic()).slice(0, -1);
    for (const [key, value] of [['__proto__', '{"polluted":true}'], ['constructor', '{"polluted":true}'], ['__proto__', '"x"'], ['hasOwnProperty', '"x"']]) {
      const text = fileText([]).replace('"establishments":[]', `"establishments":[${establishment},"${key}":${value}}]`);
      expect(problemsOf(parseProfileText(text))).toEqual([
        bindFrenchSpaces(`Établissement 1 (« Clinique Démo ») : Balise refuse les noms de champ qu’elle ne connaît pas : ${key}.`),
      ]);
      const topLevel = fileText([clinic()]).replace('{', `{"${key}":${value},`);
      expect(problemsOf(parseProfileText(topLevel))).toEqual([bindFrenchSpaces(`Balise refuse les noms de champ qu’elle ne connaît pas : ${key}.`)]);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('says when a file comes from a newer version', () => {
    expect(problemsOf(parseProfileText(fileText([clinic()], { version: 2 })))).toEqual([
      "Ce fichier vient d’une version plus récente de Balise (format 2, celle-ci lit le format 1). Mettez Balise à jour pour l’importer.",
    ]);
    const envelope = { format: 'balise.profile.encrypted', version: 3 };
    expect(problemsOf(parseProfileText(JSON.stringify(envelope)))[0]).toContain('format 3');
  });

  it('reports a truncated file, a file that is not Balise\'s, an empty one and a deeply nested one', () => {
    const text = fileText([clinic()]);
    expect(problemsOf(parseProfileText(text.slice(0, text.length / 2)))).toEqual([
      bindFrenchSpaces("Ce fichier n’est pas un fichier JSON lisible : il est peut-être incomplet (tronqué) ou abîmé."),
    ]);
    expect(problemsOf(parseProfileText('{"format":"autre"}'))).toEqual(["Ce fichier n’est pas un fichier de profil Balise."]);
    expect(problemsOf(parseProfileText('[1,2]'))).toEqual(["Ce fichier n’est pas un fichier de profil Balise."]);
    expect(problemsOf(parseProfileText(fileText([])))).toEqual(['Ce fichier ne contient aucun établissement.']);
    expect(problemsOf(parseProfileText(`${'['.repeat(100_000)}${']'.repeat(100_000)}`))).toEqual([
      'Ce fichier est trop imbriqué pour être un profil Balise.',
    ]);
    // Deep inside the second establishment, which is checked on its own: the whole file is still refused, as one problem.
    const deep = JSON.parse(`${'{"a":'.repeat(20)}1${'}'.repeat(20)}`) as unknown;
    expect(problemsOf(parseProfileText(fileText([clinic(), { ...sampleEstablishment(), phone: deep }])))).toEqual([
      'Ce fichier est trop imbriqué pour être un profil Balise.',
    ]);
  });

  it('refuses two establishments with the same id', () => {
    expect(problemsOf(parseProfileText(fileText([clinic(), { ...sampleEstablishment(), label: 'CH Démo', id: clinic().id }])))).toEqual([
      bindFrenchSpaces('Établissement 2 (« CH Démo ») — Identifiant interne : Cet établissement porte le même identifiant interne qu’un autre établissement du fichier.'),
    ]);
  });

  it('refuses a file over 10 MB before reading it', async () => {
    const big = new File(['x'.repeat(MAX_FILE_BYTES + 1)], 'big.balise.json', { type: 'application/json' });
    const read = vi.spyOn(big, 'text');
    expect(problemsOf(await readProfileFile(big))).toEqual([
      bindFrenchSpaces("Ce fichier pèse 10241 Ko : Balise n’importe que des fichiers de 10 Mo au plus. Ce n’est sans doute pas un fichier de profil."),
    ]);
    expect(read).not.toHaveBeenCalled();
    const text = fileText([clinic()]);
    const atLimit = new File([text.padEnd(MAX_FILE_BYTES - (new Blob([text]).size - text.length), ' ')], 'ok.balise.json');
    expect(atLimit.size).toBe(MAX_FILE_BYTES);
    expect((await readProfileFile(atLimit)).kind).toBe('plain');
  });
});

describe('a file written by hand or by another tool, without internal ids', () => {
  const handWritten = () => {
    const { id: _id, contacts, certificates: _certificates, ...rest } = clinic();
    return { ...rest, certificates: [], contacts: contacts.map(({ id: _contactId, ...contact }) => contact) };
  };

  it('is accepted, each establishment and contact given a new id of its own', async () => {
    const second = { ...handWritten(), label: 'Clinique Sud', finessEt: undefined, siret: undefined };
    const result = await readProfileFile(new File([fileText([handWritten(), second])], 'dsi.json'));
    const [first, other] = plain(result).establishments;
    const ids = [first!.id, first!.contacts[0]!.id, other!.id, other!.contacts[0]!.id];
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(4);
  });

  it('matches the profile by FINESS géographique, then by SIRET', () => {
    const file = plain(parseProfileText(fileText([handWritten(), { ...handWritten(), finessEt: undefined, label: 'Par SIRET' }])));
    const byFiness = { ...clinic(), id: crypto.randomUUID(), siret: undefined };
    const bySiret = { ...clinic(), id: crypto.randomUUID(), finessEt: undefined };
    const items = previewImport(file, [bySiret, byFiness]);
    expect(items.map((item) => [item.match?.by, item.match?.local.id])).toEqual([
      ['finessEt', byFiness.id],
      ['siret', bySiret.id],
    ]);
  });

  it('still refuses an id that is there but wrong, naming it', () => {
    expect(problemsOf(parseProfileText(fileText([{ ...handWritten(), id: 'CH-01' }])))).toEqual([
      bindFrenchSpaces("Établissement 1 (« Clinique Démo ») — Identifiant interne : Le format de cette valeur n’est pas valide."),
    ]);
  });
});

describe('describePath', () => {
  it('names fields in French by where they sit', () => {
    expect(describePath(['phone'])).toBe('Téléphone du standard');
    expect(describePath(['contacts', 1, 'phone'])).toBe('Contact 2 › Téléphone');
    expect(describePath(['orgMailbox', 'email'])).toBe('Boîte organisationnelle Medimail › Adresse de la boîte organisationnelle');
    expect(describePath(['contacts', 'Paul Durand', 'email'])).toBe(bindFrenchSpaces('Contact « Paul Durand » › Adresse électronique'));
    expect(describePath(['contacts', 'constructor'])).toBe(bindFrenchSpaces('Contact « constructor »'));
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
    expect(describePath(item!.differences[2]!.path)).toBe(bindFrenchSpaces('Certificat « PRO AUTH 2024-03-01 »'));
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
    ['iterations 10⁹', { kdf: { ...valid.kdf, iterations: 1e9 } }, bindFrenchSpaces(`${field}Dérivation de la clé (kdf) › Nombre d’itérations (iterations) : Ce nombre est trop grand : 10000000 au plus.`)],
    ['iterations 1000', { kdf: { ...valid.kdf, iterations: 1000 } }, bindFrenchSpaces(`${field}Dérivation de la clé (kdf) › Nombre d’itérations (iterations) : Ce nombre est trop petit : 600000 au moins.`)],
    ['iterations 600000.5', { kdf: { ...valid.kdf, iterations: 600000.5 } }, bindFrenchSpaces(`${field}Dérivation de la clé (kdf) › Nombre d’itérations (iterations) : Ce nombre doit être entier.`)],
    ['a 4-byte IV', { cipher: { ...valid.cipher, iv: btoa('iiii') } }, bindFrenchSpaces(`${field}Chiffrement (cipher) › Vecteur d’initialisation (iv) : Cette valeur doit faire 12 octets une fois décodée ; elle en fait 4.`)],
    ['a 4-byte salt', { kdf: { ...valid.kdf, salt: btoa('ssss') } }, bindFrenchSpaces(`${field}Dérivation de la clé (kdf) › Sel (salt) : Cette valeur doit faire de 16 à 64 octets une fois décodée ; elle en fait 4.`)],
    ['a 4096-byte salt', { kdf: { ...valid.kdf, salt: btoa('s'.repeat(4096)) } }, bindFrenchSpaces(`${field}Dérivation de la clé (kdf) › Sel (salt) : Cette valeur doit faire de 16 à 64 octets une fois décodée ; elle en fait 4096.`)],
    ['3 bytes of data', { data: btoa('ddd') }, bindFrenchSpaces(`${field}Données chiffrées (data) : Cette valeur doit faire au moins 16 octets une fois décodée ; elle en fait 3.`)],
    ['data not in base64', { data: 'pas du base64 !' }, bindFrenchSpaces(`${field}Données chiffrées (data) : Cette valeur doit être écrite en base64.`)],
    ['a 128-bit key', { cipher: { ...valid.cipher, length: 128 } }, bindFrenchSpaces(`${field}Chiffrement (cipher) › Longueur de clé (length) : Valeur non reconnue ; valeurs possibles : 256.`)],
    ['SHA-1', { kdf: { ...valid.kdf, hash: 'SHA-1' } }, bindFrenchSpaces(`${field}Dérivation de la clé (kdf) › Fonction de hachage (hash) : Valeur non reconnue ; valeurs possibles : SHA-256.`)],
    ['no data', { data: undefined }, bindFrenchSpaces(`${field}Données chiffrées (data) : Ce champ est obligatoire.`)],
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
      bindFrenchSpaces('Établissement 1 (« CH [U+202E]eimedac[U+202C] ») — Libellé court : Ce texte contient un caractère invisible ou de contrôle (U+202E), qui peut fausser son affichage : retirez-le.'),
    ]);
  });
});

