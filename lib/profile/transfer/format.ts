/**
 * The profile file, a public interface: documented in the README and published as
 * public/balise-profile.schema.json (from `profileFileSchema`). What Balise writes.
 */
import { z } from 'zod';
import { portableIdOf, type StoredEstablishment } from '../pushed';
import { certificateSchema, contactSchema, establishmentSchema, type CheckedEstablishment, type Establishment } from '../schema';
import { validateEstablishment } from '../validation';

export const PROFILE_FORMAT = 'balise.profile';
export const PROFILE_VERSION = 1;
/**
 * Checked on the file's size before reading it. A group's file of 500 establishments × 20
 * contacts weighs about 2.2 MB: 10 MB leaves room for a GHT, and stops what is not a profile.
 */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
const MAX_ESTABLISHMENTS = 1000;

const header = {
  format: z.literal(PROFILE_FORMAT).meta({ description: 'Toujours « balise.profile ».' }),
  version: z.literal(PROFILE_VERSION).meta({ description: 'Version du format ; une version plus récente de Balise pourra écrire un nombre plus grand.' }),
  exportedAt: z.iso.datetime({ offset: true }).meta({ description: 'Date et heure de l’export (ISO 8601).' }),
};

/** The whole file, as Balise writes it: the source of the published JSON Schema. */
export const profileFileSchema = z
  .strictObject({ ...header, establishments: z.array(establishmentSchema).min(1).max(MAX_ESTABLISHMENTS) })
  .meta({
    title: 'Fichier de profil Balise',
    description:
      'Établissements exportés par Balise (extension pour les portails e-santé). Les identifiants (FINESS, SIREN, SIRET, RPPS, ADELI) sont écrits sans espaces ; Balise vérifie aussi leurs clés de contrôle.',
  });
export type ProfileFile = z.infer<typeof profileFileSchema>;
/** A file whose establishments the schema accepted, one by one: what the preview shows and the import writes. */
export type CheckedProfileFile = ProfileFile & { establishments: CheckedEstablishment[] };

/** The same envelope with establishments left unchecked, so each is reported on its own. */
export const envelopeSchema = z.strictObject({ ...header, establishments: z.array(z.unknown()).max(MAX_ESTABLISHMENTS) });

/**
 * The objects whose `id` a file may leave out: a file written by hand or by another tool (a
 * DSI's) has none to give. The import creates them (withCreatedIds); Balise always writes them.
 */
export const idOptionalInFiles: readonly z.core.$ZodType[] = [establishmentSchema, contactSchema, certificateSchema];

/**
 * The candidate establishment with a new id (crypto.randomUUID) wherever idOptionalInFiles
 * allows one to be missing; anything else is left as it is, for the schema to judge.
 */
export function withCreatedIds(candidate: unknown): unknown {
  if (!isRecord(candidate)) return candidate;
  const withId = (item: unknown) => (isRecord(item) && item.id === undefined ? { ...item, id: crypto.randomUUID() } : item);
  const out = withId(candidate) as Record<string, unknown>;
  for (const key of ['contacts', 'certificates']) if (Array.isArray(out[key])) out[key] = out[key].map(withId);
  return out;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function buildProfileFile(establishments: readonly StoredEstablishment[], now = new Date()): CheckedProfileFile {
  return {
    format: PROFILE_FORMAT,
    version: PROFILE_VERSION,
    exportedAt: now.toISOString(),
    // Parsed again: a stored row that no longer passes the schema must not leave in a file.
    establishments: establishments.map((row) => {
      const { managed: _managed, ...establishment } = row;
      return validateEstablishment({ ...establishment, id: portableIdOf(row) });
    }),
  };
}

/**
 * `balise-<label>-<date>.balise.json`, the label reduced to letters, digits and dashes;
 * `…-<date>-chiffre.balise.json` when `encrypted`, so that the two exports are told apart in
 * a Downloads folder. The import reads the content, never the name.
 */
export function profileFileName(establishments: readonly Pick<Establishment, 'label'>[], now = new Date(), encrypted = false): string {
  const [only] = establishments;
  const label = establishments.length === 1 && only ? slug(only.label) || 'profil' : `${establishments.length}-etablissements`;
  const date = [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
  return `balise-${label}-${date}${encrypted ? '-chiffre' : ''}.balise.json`;
}

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

