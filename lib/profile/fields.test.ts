import { describe, expect, it } from 'vitest';
import { allEntries } from '../i18n/catalog';
import { establishmentFields, establishmentPath, keptPlaces, personFields, readEstablishment, readPerson } from './fields';
import { establishmentKinds, personKinds } from './kinds';
import { sampleEstablishment } from './sample';
import type { Establishment } from './schema';

/** The sample with every place filled: each kind must read something from it. */
const sample = sampleEstablishment();
const full: Establishment = { ...sample, mssDomain: 'hopital-demo.mssante.fr', address: { ...sample.address, street: "47 bis boulevard de l'Hôpital", complement: 'Bâtiment Nord' } };
const fullContact = { ...sample.contacts[2]!, phone: '0140275003', mobile: '0612345678', adeli: '751234567' };

const valueAt = (record: object, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], record);

describe('the kinds table', () => {
  const catalog = new Map(allEntries());

  it.each([...establishmentKinds.map((kind) => establishmentFields[kind].label), ...personKinds.map((kind) => personFields[kind].label)])(
    'label %s has its French and English text',
    (label) => {
      expect(catalog.get(label)?.fr).toBeTruthy();
      expect(catalog.get(label)?.en).toBeTruthy();
    },
  );

  it.each(establishmentKinds)('%s reads a value from a full profile, kept where its path says', (kind) => {
    expect(readEstablishment(kind, full)).toBeTruthy();
    expect(valueAt(full, establishmentPath(kind, full))).toBeTruthy();
  });

  it.each(personKinds)('%s reads a value from a full contact', (kind) => {
    expect(readPerson(kind, fullContact)).toBeTruthy();
  });

  it('gives each place of the profile one kind, so one label and one normaliser', () => {
    const paths = keptPlaces().map((place) => place.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const path of paths.filter((p) => p.startsWith('contacts.'))) expect(valueAt(fullContact, path.slice('contacts.'.length))).toBeTruthy();
  });
});

describe('values the profile implies', () => {
  it('the FINESS by status: the legal entity for a public structure, the site for a private one (seed 000)', () => {
    expect(readEstablishment('finess', sample)).toBe('750712184');
    expect(readEstablishment('finess', { ...sample, status: 'private' })).toBe('750100125');
    expect(establishmentPath('finess', { ...sample, status: 'private', finessEt: undefined })).toBe('finessEt');
  });

  it('the BAL ORG description: the profile’s own, else service, structure, city, postal code (seed 002)', () => {
    expect(readEstablishment('orgMailboxDescription', sample)).toBe(sample.orgMailbox!.description);
    const composed = { ...sample, orgMailbox: { service: 'Service de psychiatrie' } };
    expect(readEstablishment('orgMailboxDescription', composed)).toBe('Service de psychiatrie, Assistance Publique – Hôpitaux de Paris, Paris, 75013');
  });

  it('the département from the postal code, except in Corsica; the région from the département', () => {
    const withoutDepartement = { ...sample, address: { postalCode: '69003' } };
    expect(readEstablishment('departement', withoutDepartement)).toBe('69');
    expect(readEstablishment('departement', { ...sample, address: { postalCode: '20000' } })).toBeUndefined();
    expect(readEstablishment('region', { ...sample, address: { departement: '2A' } })).toBe('Corse');
    expect(establishmentPath('departement', withoutDepartement)).toBe('address.departement');
  });

  it('the identifier a type choice names: the site’s FINESS, else the SIRET, else the SIREN', () => {
    expect(readEstablishment('establishmentIdentifierType', sample)).toBe('750100125');
    expect(readEstablishment('establishmentIdentifierType', { ...sample, finessEt: undefined })).toBe('26750045200524');
    expect(establishmentPath('establishmentIdentifierType', { ...sample, finessEt: undefined, siret: undefined })).toBe('siren');
  });
});
