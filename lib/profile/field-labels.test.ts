import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { t } from '../i18n/t';
import { fieldLabelKeyOf, genericPath, itemLabelKeyOf, labelKeyOf } from './field-labels';
import { establishmentSchema } from './schema';

/** Every generic path of a schema: each key of each object, nested objects and list items included. */
function pathsOf(schema: z.core.$ZodType, prefix = ''): string[] {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault)
    return pathsOf(schema.unwrap(), prefix);
  if (schema instanceof z.ZodArray) return pathsOf(schema.element, prefix);
  if (!(schema instanceof z.ZodObject)) return [];
  return Object.entries(schema.shape).flatMap(([key, child]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return [path, ...pathsOf(child, path)];
  });
}

const unlabelled = (schema: z.ZodType) => pathsOf(schema).filter((path) => labelKeyOf(path) === undefined);

describe('field labels', () => {
  it('name every place of the establishment schema, in French', () => {
    const paths = pathsOf(establishmentSchema);
    expect(paths).toEqual(expect.arrayContaining(['address.postalCode', 'software.vendor', 'contacts.rpps', 'certificates.expiresOn']));
    expect(unlabelled(establishmentSchema)).toEqual([]);
    for (const path of paths) expect(t(labelKeyOf(path)!), path).not.toBe('');
  });

  it('would find a field added without a label, down in list items and optional objects', () => {
    const grown = z.strictObject({
      contacts: z.array(z.strictObject({ rpps: z.string(), fax: z.string() })),
      software: z.strictObject({ vendor: z.string(), licence: z.string() }).optional(),
    });
    expect(unlabelled(grown)).toEqual(['contacts.fax', 'software.licence']);
  });

  it('remove list positions and tell a key by the object it sits in', () => {
    expect(genericPath('contacts.12.rpps')).toBe('contacts.rpps');
    expect(t(labelKeyOf('contacts.3.rpps')!)).toBe('Numéro RPPS');
    expect(labelKeyOf('phone')).toBe('fieldEstablishmentPhone');
    expect(labelKeyOf('contacts.0.phone')).toBe('fieldPhone');
    expect(labelKeyOf('software.version')).toBe('fieldSoftwareVersion');
    expect(labelKeyOf('version')).toBeUndefined();
    expect(labelKeyOf('contacts.constructor')).toBeUndefined();
    expect(itemLabelKeyOf('contacts')).toBe('importFieldContact');
    expect(itemLabelKeyOf('contacts.roles')).toBeUndefined();
  });

  it('give form fields apart from sections and what Balise writes itself', () => {
    expect(fieldLabelKeyOf('certificates.2.holderContactId')).toBe('fieldCertificateHolder');
    expect(labelKeyOf('contacts')).toBe('optSectionContacts');
    expect(labelKeyOf('contacts.1.id')).toBe('importFieldId');
    for (const path of ['contacts', 'contacts.1.id', 'id', 'updatedAt', 'address']) expect(fieldLabelKeyOf(path), path).toBeUndefined();
  });
});
