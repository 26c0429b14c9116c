/**
 * What a form field means, in the profile's words. The classifier maps a field to one of
 * these; portal modules name them in their field rules; ./fields.ts says where the profile
 * keeps each one. Person kinds are read from a contact (chosen by role). Apart from the
 * table, because the always-loaded content script needs the names only.
 */
export const establishmentKinds = [
  'legalName',
  'finessEj',
  'finessEt',
  /** "FINESS" without saying which: the portal rule or the status decides (EJ public / ET private on Plage). */
  'finess',
  'siren',
  'siret',
  'street',
  /** The street line's parts, for forms that split it (N° de voie, indice de répétition, type de voie): ./address.ts. */
  'streetNumber',
  'streetRepetition',
  'streetType',
  'addressComplement',
  'postalCode',
  'city',
  'departement',
  'region',
  'establishmentPhone',
  'mailDomain',
  /** The operator's MSSanté domain, where the MSS addresses live (seed 004, seed 002's « …@pharmacien.oc.mssante.fr »). */
  'mssDomain',
  'orgMailboxEmail',
  'orgMailboxDescription',
  'service',
  'establishmentIdentifierType',
  'softwareVendor',
  'softwareProduct',
  'softwareVersion',
] as const;

export const personKinds = [
  'civility',
  'lastName',
  'firstName',
  'fullName',
  'email',
  'emailConfirmation',
  'phone',
  'mobile',
  'jobTitle',
  'profession',
  'rpps',
  'adeli',
] as const;

/** Fields Balise must never fill nor remember: secrets typed by the user only. */
export const secretKinds = ['password', 'passwordConfirmation', 'oneTimeCode', 'cardPin'] as const;

export type EstablishmentKind = (typeof establishmentKinds)[number];
export type PersonKind = (typeof personKinds)[number];
export type SecretKind = (typeof secretKinds)[number];
export type FieldKind = EstablishmentKind | PersonKind | SecretKind;

export const fieldKinds: readonly FieldKind[] = [...establishmentKinds, ...personKinds, ...secretKinds];

export const isPersonKind = (kind: FieldKind): kind is PersonKind => (personKinds as readonly string[]).includes(kind);
export const isSecretKind = (kind: FieldKind): kind is SecretKind => (secretKinds as readonly string[]).includes(kind);

/** What a user may teach a field to be (./lessons.ts): a kind of the profile — never a secret, Balise fills none — or « never fill ». */
export const lessonKinds = [...establishmentKinds, ...personKinds, 'never'] as const;
export type LessonKind = (typeof lessonKinds)[number];
