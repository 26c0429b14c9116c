import { sampleEstablishment } from './sample';
import type { Establishment } from './schema';
import type { CheckedProfileFile, ParseResult } from './transfer';

/** A second, private establishment with a FINESS géographique and a SIRET (valid keys). */
export function clinic(): Establishment {
  return {
    ...sampleEstablishment(),
    id: '3f7c2a10-5b4e-4d21-8c3a-9e0f1a2b3c4d',
    label: 'Clinique Démo',
    status: 'private',
    category: 'clinique',
    finessEj: undefined,
    finessEt: '750100018',
    siret: '26750045200011',
    contacts: [
      {
        id: '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d',
        lastName: 'Durand',
        firstName: 'Paul',
        email: 'paul.durand@clinique-demo.fr',
        roles: ['mandataire'],
      },
    ],
    certificates: [
      { id: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', kind: 'PRO AUTH', holderContactId: '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d', obtainedOn: '2024-03-01', expiresOn: '2027-03-01' },
    ],
  };
}


/** The value as it comes back from JSON (or IndexedDB): without its undefined properties. */
export function withoutUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** A plain profile file holding `establishments` as given. */
export function fileText(establishments: unknown[], extra: Record<string, unknown> = {}) {
  return JSON.stringify({ format: 'balise.profile', version: 1, exportedAt: '2025-01-15T10:00:00.000Z', establishments, ...extra });
}

export function plain(result: ParseResult): CheckedProfileFile {
  if (result.kind !== 'plain') throw new Error(`expected a plain file, got ${JSON.stringify(result)}`);
  return result.file;
}
