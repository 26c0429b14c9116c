/**
 * The annuaire FINESS record → profile (issue 16), on the JSP-style record pages of
 * test/fixtures/annuaire-finess/records/ (an ET's and an EJ's): read by labels, checked by the
 * profile's rules, made into an establishment, compared with the profile.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { labelValuePairs } from '../dom/label-values';
import { renderMessage } from '../i18n/catalog';
import { sampleEstablishment } from '../profile/sample';
import { parseEstablishment, type Establishment } from '../profile/schema';
import { findPage } from '.';
import { recordPage } from './annuaire-finess.portal';
import { compareRecord, establishmentFromRecord, readFinessRecord, withValue, type FinessRecord } from './finess-record';
import { finessRecordUrl } from './finess-links';
import { bindFrenchSpaces } from '../i18n/typography';

const records = path.resolve(import.meta.dirname, '../../test/fixtures/annuaire-finess/records');
const pairsOf = (file: string) => labelValuePairs(new JSDOM(readFileSync(path.join(records, file), 'utf8')).window.document);
const read = (file: string): FinessRecord => {
  const record = readFinessRecord(pairsOf(file));
  if (!record) throw new Error(`${file}: no record read`);
  return record;
};
const values = (record: FinessRecord) => Object.fromEntries(record.values.map((v) => [v.kind, v.value]));
const differing = (record: FinessRecord, establishment: Establishment) =>
  Object.fromEntries(compareRecord(record, establishment).filter((line) => !line.same).map((line) => [line.value.kind, [line.value.value, line.mine]]));

describe('the record of an establishment (ET), JSP style', () => {
  const record = read('et-750100125.html');

  it('reads each value by its label, whatever the nbsp, the colons and the case', () => {
    expect(record.type).toBe('et');
    expect(record.number).toBe('750100125');
    expect(values(record)).toEqual({
      finessEt: '750100125',
      finessEj: '750712184',
      legalName: 'GROUPE HOSPITALIER PITIE-SALPETRIERE',
      siret: '26750045200524',
      siren: '267500452',
      street: '47 Boulevard DE L\'HOPITAL',
      postalCode: '75013',
      city: 'PARIS',
      departement: '75',
      establishmentPhone: '0142160000',
    });
    expect(record.values.every((v) => !v.problem && !v.warning)).toBe(true);
    expect(record.shortName).toBe('GH PITIE SALPETRIERE');
    // The fax shares the phone's row; it is read and checked, and said not kept.
    expect(record.fax).toEqual({ value: '0142160001', source: 'Télécopie', read: '01 42 16 00 01' });
  });

  it('says under which label each value was read: the street from its parts', () => {
    const sources = Object.fromEntries(record.values.map((v) => [v.kind, v.source]));
    expect(sources.street).toBe('Numéro de voie + Type de voie + Libellé de voie');
    expect(sources.siret).toBe('N° SIRET');
    expect(sources.city).toBe('Ligne d\'acheminement');
  });

  it('suggests the status and category from the legal status and category rows', () => {
    expect(record.status).toMatchObject({ value: 'public', source: 'Statut juridique' });
    expect(record.category).toMatchObject({ value: 'hopital', source: 'Catégorie' });
  });

  it('makes a valid establishment, marked with its day, without any person', () => {
    const made = establishmentFromRecord(record, { id: '3f1d2c3b-1a2b-4c3d-8e9f-0a1b2c3d4e5f', status: 'public', category: 'hopital', readOn: '2026-11-30' });
    const parsed = parseEstablishment(made);
    expect(parsed.success).toBe(true);
    expect(made).toMatchObject({ label: 'GH PITIE SALPETRIERE', finessReadOn: '2026-11-30', contacts: [], certificates: [] });
    expect(made.address).toEqual({ street: '47 Boulevard DE L\'HOPITAL', postalCode: '75013', city: 'PARIS', departement: '75' });
    expect(made).not.toHaveProperty('mailDomain');
  });

  it('compares with the profile: same street whatever the abbreviation, different name and phone', () => {
    expect(differing(record, sampleEstablishment())).toEqual({
      legalName: ['GROUPE HOSPITALIER PITIE-SALPETRIERE', 'Assistance Publique – Hôpitaux de Paris'],
      establishmentPhone: ['0142160000', '0140275000'],
    });
    const taken = withValue(sampleEstablishment(), 'establishmentPhone', '0142160000');
    expect(taken.phone).toBe('0142160000');
    expect(differing(record, taken)).not.toHaveProperty('establishmentPhone');
  });

  it('a street with another number differs', () => {
    const moved = withValue(sampleEstablishment(), 'street', '12 boulevard de l’Hôpital');
    expect(differing(record, moved)).toHaveProperty('street');
  });
});

describe('the record of a legal entity (EJ)', () => {
  const record = readFinessRecord(pairsOf('ej-750712184.html'), 'ej')!;

  it('has no « FINESS juridique » row: Balise does not guess, the number waits for the user to say ET or EJ', () => {
    const unsaid = read('ej-750712184.html');
    expect(unsaid.type).toBeNull();
    expect(unsaid.number).toBe('750712184');
    expect(values(unsaid)).not.toHaveProperty('finessEj');
    expect(values(unsaid)).not.toHaveProperty('finessEt');
    // Said a site: its number is the site's.
    expect(values(readFinessRecord(pairsOf('ej-750712184.html'), 'et')!)).toMatchObject({ finessEt: '750712184' });
  });

  it('said an EJ record: its number is the FINESS juridique, no site number', () => {
    expect(record.type).toBe('ej');
    expect(values(record)).toMatchObject({ finessEj: '750712184', street: '3 Avenue VICTORIA', postalCode: '75184', city: 'PARIS CEDEX 04', establishmentPhone: '0140273000' });
    expect(values(record)).not.toHaveProperty('finessEt');
    expect(values(record)).not.toHaveProperty('siret');
    expect(record.category).toBeUndefined();
  });

  it('refuses a value that fails the profile’s rule, saying why in French', () => {
    expect(record.fax?.problem).toEqual({ key: 'phoneLength', subs: [8] });
    expect(renderMessage(record.fax!.problem!.key, record.fax!.problem!.subs!.map(String))).toMatch(/8/);
  });

  it('finds a value the profile does not have', () => {
    // The legal entity's own establishment (no site number), its phone never typed.
    const entity = withValue(withValue(sampleEstablishment(), 'finessEt', undefined), 'establishmentPhone', undefined);
    const lines = compareRecord(record, entity);
    expect(lines.find((line) => line.value.kind === 'establishmentPhone')).toMatchObject({ mine: undefined, same: false });
    expect(lines.find((line) => line.value.kind === 'finessEj')?.same).toBe(true);
  });
});

describe('reading any label/value page', () => {
  it('gives nothing on a page without a FINESS number', () => {
    expect(readFinessRecord([{ label: 'Raison sociale', value: 'X' }])).toBeNull();
  });

  it('refuses a FINESS with a wrong key and a SIRET failing Luhn, and warns when the postal code and département disagree', () => {
    const record = readFinessRecord([
      { label: 'N° FINESS ET', value: '750100126' },
      { label: 'FINESS EJ', value: '750712184' },
      { label: 'SIRET', value: '26750045200525' },
      { label: 'Code postal', value: '75013' },
      { label: 'Département', value: '92 - HAUTS-DE-SEINE' },
    ])!;
    const byKind = Object.fromEntries(record.values.map((v) => [v.kind, v]));
    expect(byKind.finessEt?.problem?.key).toBeDefined();
    expect(byKind.siret?.problem?.key).toBeDefined();
    expect(byKind).not.toHaveProperty('siren');
    expect(byKind.departement?.warning?.key).toBe('coherencePostalDepartement');
  });

  it('refuses a value longer than its profile field allows, in French, instead of failing the save', () => {
    const long = 'A'.repeat(201);
    const record = readFinessRecord([
      { label: 'N° FINESS ET', value: '750100125' },
      { label: 'FINESS EJ', value: '750712184' },
      { label: 'Raison sociale', value: long },
      { label: 'Adresse', value: `47 boulevard ${long}` },
      { label: 'Complément de voie', value: long },
      { label: 'Ligne d’acheminement', value: `75013 ${'B'.repeat(101)}` },
    ])!;
    const byKind = Object.fromEntries(record.values.map((v) => [v.kind, v]));
    for (const [kind, max] of [['legalName', 200], ['street', 200], ['addressComplement', 200], ['city', 100]] as const) {
      expect(byKind[kind]?.problem, kind).toEqual({ key: 'errTooLong', subs: [max] });
    }
    expect(renderMessage('errTooLong', ['200'], 'fr')).toBe(bindFrenchSpaces('Ce texte est trop long : 200 caractères au plus.'));
    // What is left still makes a valid establishment.
    const made = establishmentFromRecord(record, { id: crypto.randomUUID(), status: 'public', category: 'hopital', readOn: '2026-11-30' });
    expect(parseEstablishment(made).success).toBe(true);
  });

  it('reads a definition list as well (a redesigned page)', () => {
    const doc = new JSDOM('<dl><dt>Numéro FINESS :</dt><dd>750712184</dd><dt>Statut juridique</dt><dd>61 - Association Loi 1901 Reconnue d’Utilité Publique</dd></dl>').window.document;
    const record = readFinessRecord(labelValuePairs(doc))!;
    expect(record.number).toBe('750712184');
    // « d’utilité publique » does not make an association public.
    expect(record.status?.value).toBe('private');
  });
});

describe('links and marks', () => {
  it('links a FINESS to its record on the page the portal module describes', () => {
    expect(finessRecordUrl('2A0000170')).toBe('https://finess.esante.gouv.fr/fininter/jsp/actionDetailEtablissement.do?noFiness=2A0000170');
    const detail = findPage(recordPage.portalId, recordPage.pageId);
    expect(detail?.page.samples).toContain(finessRecordUrl('750100125'));
  });
});
