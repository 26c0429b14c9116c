import { sampleEstablishment } from '../profile/sample';
import { form413Address, sheet413, usageText } from './sheet413';

const value = (sheet: ReturnType<typeof sheet413>, id: string) => sheet.fields.find((f) => f.id === id)?.value;

describe('form 413 sheet', () => {
  it('fills parts 1 and 4 with exactly the profile’s values and the seed’s fixed texts', () => {
    const sheet = sheet413(sampleEstablishment());
    expect(sheet.fields.filter((f) => f.part === 1).map((f) => [f.id, f.value])).toEqual([
      ['denomination', 'Assistance Publique – Hôpitaux de Paris'],
      ['siret', '26750045200524'],
      ['finessEt', '750100125'],
      ['postalCode', '75013'],
      ['commune', 'Paris'],
    ]);
    expect(sheet.fields.filter((f) => f.part === 4).map((f) => [f.id, f.value])).toEqual([
      ['usage', 'accès au DP en authentification avec un certificat de personne physique'],
      ['software', 'Éditeur Démo — DUI Démo — 4.2'],
      ['offer', 'Offre certificat logiciel PRO (personne physique) usage AUTH, SIGN, CONF'],
      ['mailDomain', 'hopital-demo.fr'],
    ]);
    expect(usageText).toBe('accès au DP en authentification avec un certificat de personne physique');
    expect(sheet.technicalAdmins.map((a) => [a.contact.lastName, a.missing])).toEqual([['Bernard', []]]);
    expect(sheet.problems).toBe(0);
    expect(sheet.sendTo).toBe(form413Address);
  });

  it('flags a missing mail domain, and nothing for a missing FINESS géographique (left blank)', () => {
    const sheet = sheet413({ ...sampleEstablishment(), mailDomain: undefined, finessEt: undefined });
    const mail = sheet.fields.find((f) => f.id === 'mailDomain')!;
    expect([mail.value, mail.required, mail.profilePath]).toEqual([undefined, true, 'mailDomain']);
    expect(value(sheet, 'finessEt')).toBeUndefined();
    expect(sheet.problems).toBe(1);
  });

  it('flags a missing technical admin and an admin without e-mail', () => {
    const noAdmin = { ...sampleEstablishment(), contacts: sampleEstablishment().contacts.filter((c) => !c.roles.includes('administrateurTechnique')) };
    expect(sheet413(noAdmin).technicalAdmins).toEqual([]);
    expect(sheet413(noAdmin).problems).toBe(1);
    const partial = {
      ...sampleEstablishment(),
      contacts: sampleEstablishment().contacts.map((c) => (c.roles.includes('administrateurTechnique') ? { ...c, email: undefined } : c)),
      software: undefined,
    };
    const sheet = sheet413(partial);
    expect(sheet.technicalAdmins[0]!.missing).toEqual(['email']);
    expect(value(sheet, 'software')).toBeUndefined();
    // The software line is asked for, not marked required (seed 003 l.199-200): only the admin's e-mail is a problem.
    expect(sheet.fields.find((f) => f.id === 'software')?.required).toBe(false);
    expect(sheet.problems).toBe(1);
  });
});
