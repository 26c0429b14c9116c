/**
 * The file format's JSON Schema, generated from the zod schema so that the two never
 * disagree. The committed copy (public/balise-profile.schema.json) is checked by
 * json-schema.test.ts; regenerate it with
 *   UPDATE_SCHEMA=1 npx vitest run lib/profile/json-schema.test.ts
 * Check keys, SIRET/SIREN agreement and certificate holders are code (zod refinements):
 * JSON Schema cannot say them, the descriptions do.
 */
import { z } from 'zod';
import { idOptionalInFiles, profileFileSchema } from './transfer';

export const PROFILE_SCHEMA_FILE = 'public/balise-profile.schema.json';

export function profileJsonSchemaText(): string {
  const schema = z.toJSONSchema(profileFileSchema, {
    target: 'draft-2020-12',
    unrepresentable: 'any',
    // What a file may leave out, the import creates (format.ts): the published schema says so.
    override: ({ zodSchema, jsonSchema }) => {
      if (!idOptionalInFiles.includes(zodSchema) || !jsonSchema.properties?.id) return;
      jsonSchema.required = jsonSchema.required?.filter((key) => key !== 'id');
      jsonSchema.properties.id = { ...(jsonSchema.properties.id as object), description: 'Identifiant interne ; facultatif : Balise en crée un à l’import.' };
    },
  });
  return `${JSON.stringify(schema, null, 2)}\n`;
}
