import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROFILE_SCHEMA_FILE, profileJsonSchemaText } from './json-schema';
import { sampleEstablishment } from './sample';

const file = path.resolve(import.meta.dirname, '../..', PROFILE_SCHEMA_FILE);

describe('the published JSON Schema of the profile file', () => {
  it('is the one generated from the zod schema', () => {
    const expected = profileJsonSchemaText();
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(file, expected);
    const committed = readFileSync(file, 'utf8');
    expect(
      committed === expected,
      `${PROFILE_SCHEMA_FILE} is out of date: run UPDATE_SCHEMA=1 npx vitest run lib/profile/json-schema.test.ts and commit it`,
    ).toBe(true);
  });

  it('describes the format: strict objects, the identifiers and the envelope', () => {
    const schema = JSON.parse(profileJsonSchemaText());
    expect(schema.properties.format.const).toBe('balise.profile');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['format', 'version', 'exportedAt', 'establishments']);
    const establishment = schema.properties.establishments.items;
    expect(establishment.additionalProperties).toBe(false);
    expect(Object.keys(establishment.properties)).toEqual(expect.arrayContaining(Object.keys(sampleEstablishment())));
    expect(establishment.properties.contacts.items.properties.rpps.type).toBe('string');
  });

  it('says that ids are optional: a file written by hand or by another tool has none, the import creates them', () => {
    const establishment = JSON.parse(profileJsonSchemaText()).properties.establishments.items;
    for (const object of [establishment, establishment.properties.contacts.items, establishment.properties.certificates.items]) {
      expect(object.properties.id.format).toBe('uuid');
      expect(object.properties.id.description).toMatch(/facultatif/);
      expect(object.required).not.toContain('id');
    }
    expect(establishment.required).toContain('label');
  });

  it('documents the fields the user taught: optional, one origin each, never a secret kind', () => {
    const establishment = JSON.parse(profileJsonSchemaText()).properties.establishments.items;
    expect(establishment.required).not.toContain('lessons');
    const lesson = establishment.properties.lessons.items;
    expect(lesson.required).toEqual(['origin', 'signature', 'label', 'kind']);
    expect(lesson.properties.kind.enum).toEqual(expect.arrayContaining(['finessEt', 'lastName', 'never']));
    expect(lesson.properties.kind.enum).not.toContain('password');
    expect(lesson.properties.kind.enum).not.toContain('oneTimeCode');
    expect(lesson.description).toMatch(/champ appris/i);
  });
});
