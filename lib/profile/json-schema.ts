/**
 * The file format's JSON Schema, generated from the zod schema so that the two never
 * disagree. The committed copy (public/balise-profile.schema.json) is checked by
 * json-schema.test.ts; regenerate it with
 *   UPDATE_SCHEMA=1 npx vitest run lib/profile/json-schema.test.ts
 * Check keys, SIRET/SIREN agreement and certificate holders are code (zod refinements):
 * JSON Schema cannot say them, the descriptions do.
 */
import { z } from 'zod';
import { profileFileSchema } from './transfer';

export const PROFILE_SCHEMA_FILE = 'public/balise-profile.schema.json';

export function profileJsonSchemaText(): string {
  const schema = z.toJSONSchema(profileFileSchema, { target: 'draft-2020-12', unrepresentable: 'any' });
  return `${JSON.stringify(schema, null, 2)}\n`;
}
