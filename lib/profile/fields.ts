/**
 * Where the profile keeps each kind (./kinds.ts), how to read it, its label and how a typed
 * value is made canonical: the fill plan, the checklist, form 413, the editor's labels and
 * the normaliser all read this one table. Person kinds are read from a contact (chosen by role).
 * Zod-free: the fill's content script bundles it.
 */
import type { MessageKey } from '../i18n/catalog';
import { splitStreet } from './address';
import { regionOfDepartement } from './departements';
import { normaliseDigits, normalisePhone, postalCodeDepartements } from './identifiers';
import type { EstablishmentKind, PersonKind } from './kinds';
import { fullName } from './names';
import type { Contact, Establishment } from './schema';

/**
 * What the table reads of an establishment. The fill sends a portal tab exactly this (and
 * the contacts' `personFacts`), so a kind reading a new part of the profile must name it here.
 */
export const establishmentFacts = [
  'legalName',
  'status',
  'finessEj',
  'finessEt',
  'siren',
  'siret',
  'address',
  'phone',
  'mailDomain',
  'mssDomain',
  'orgMailbox',
  'software',
] as const satisfies readonly (keyof Establishment)[];
export const personFacts = ['civility', 'lastName', 'firstName', 'email', 'phone', 'mobile', 'jobTitle', 'profession', 'rpps', 'adeli'] as const satisfies readonly (keyof Contact)[];

type EstablishmentFacts = Pick<Establishment, (typeof establishmentFacts)[number]>;
type PersonFacts = Pick<Contact, (typeof personFacts)[number]>;

/** The dotted paths of a record's text values ('address.city'); lists are left out. */
type TextPath<T> = {
  [K in keyof T & string]-?: NonNullable<T[K]> extends string
    ? K
    : NonNullable<T[K]> extends readonly unknown[]
      ? never
      : NonNullable<T[K]> extends object
        ? `${K}.${TextPath<NonNullable<T[K]>>}`
        : never;
}[keyof T & string];

type Normaliser = (value: string) => string;

/** A value kept in one place of the profile: the editor's control there bears its label. */
interface Kept<Source> {
  path: TextPath<Source>;
  label: MessageKey;
  /** How a typed or imported value is made canonical (./normalise.ts). */
  normalise?: Normaliser;
  /** What the rest of the profile says when the place is empty. */
  implied?: (source: Source) => string | undefined;
}

/** A kind that stands for another one, chosen from the profile: its value and its place are that kind's. */
interface Alias<Source, Kind> {
  label: MessageKey;
  means: (source: Source) => Kind;
}

/** A value made of several kept ones; `path` is where to fix it. */
interface Composed<Source> {
  path: TextPath<Source>;
  label: MessageKey;
  compose: (source: Source) => string | undefined;
}

type Field<Source, Kind> = Kept<Source> | Alias<Source, Kind> | Composed<Source>;
type Table<Source, Kind extends string> = { [K in Kind]: Field<Source, Kind> };

const lowerCase: Normaliser = (value) => value.toLowerCase();

/** Seed 000 (ETAPE 4): a public structure is known by its legal entity, a private one by its site. */
const finessByStatus = (establishment: Pick<EstablishmentFacts, 'status'>): 'finessEj' | 'finessEt' =>
  establishment.status === 'public' ? 'finessEj' : 'finessEt';

export type IdentifierKind = 'finessEt' | 'siret' | 'siren';

/** The identifier a form with a type choice gets (Medimail): the site's FINESS, SIRET or SIREN only without one. */
const identifierKind = (establishment: EstablishmentFacts): IdentifierKind =>
  establishment.finessEt ? 'finessEt' : establishment.siret ? 'siret' : establishment.siren ? 'siren' : 'finessEt';

/** Corsica's postal codes (20…) do not tell which of its two départements. */
function departementOfPostalCode(postalCode: string | undefined): string | undefined {
  const [only, ...others] = postalCode ? postalCodeDepartements(postalCode) : [];
  return others.length === 0 ? only : undefined;
}

const streetParts = ({ address }: EstablishmentFacts) => splitStreet(address.street ?? '');

/** The BAL ORG description the seed asks for: service, structure, city, postal code (002). */
function orgMailboxDescription(establishment: EstablishmentFacts): string | undefined {
  const { city, postalCode } = establishment.address;
  const parts = [establishment.orgMailbox?.service, establishment.legalName, city, postalCode].filter((part): part is string => !!part);
  return parts.length > 1 ? parts.join(', ') : undefined;
}

export const establishmentFields = {
  legalName: { path: 'legalName', label: 'fieldLegalName' },
  finessEj: { path: 'finessEj', label: 'fieldFinessEj', normalise: normaliseDigits },
  finessEt: { path: 'finessEt', label: 'fieldFinessEt', normalise: normaliseDigits },
  finess: { label: 'procFinessByStatus', means: finessByStatus },
  siren: { path: 'siren', label: 'fieldSiren', normalise: normaliseDigits },
  siret: { path: 'siret', label: 'fieldSiret', normalise: normaliseDigits },
  street: { path: 'address.street', label: 'fieldStreet' },
  streetNumber: { path: 'address.street', label: 'fieldStreetNumber', compose: (e) => streetParts(e).number },
  streetRepetition: { path: 'address.street', label: 'fieldStreetRepetition', compose: (e) => streetParts(e).repetition?.word },
  streetType: { path: 'address.street', label: 'fieldStreetType', compose: (e) => streetParts(e).type?.word },
  addressComplement: { path: 'address.complement', label: 'fieldComplement' },
  postalCode: { path: 'address.postalCode', label: 'fieldPostalCode', normalise: normaliseDigits },
  city: { path: 'address.city', label: 'fieldCity' },
  departement: {
    path: 'address.departement',
    label: 'fieldDepartement',
    normalise: normaliseDigits,
    implied: (establishment) => departementOfPostalCode(establishment.address.postalCode),
  },
  region: {
    path: 'address.region',
    label: 'fieldRegion',
    implied: ({ address }) => (address.departement ? regionOfDepartement(address.departement)?.name : undefined),
  },
  establishmentPhone: { path: 'phone', label: 'fieldEstablishmentPhone', normalise: normalisePhone },
  mailDomain: { path: 'mailDomain', label: 'fieldMailDomain', normalise: lowerCase },
  mssDomain: { path: 'mssDomain', label: 'fieldMssDomain', normalise: lowerCase },
  orgMailboxEmail: { path: 'orgMailbox.email', label: 'fieldOrgMailboxEmail', normalise: lowerCase },
  orgMailboxDescription: { path: 'orgMailbox.description', label: 'fieldOrgMailboxDescription', implied: orgMailboxDescription },
  service: { path: 'orgMailbox.service', label: 'fieldOrgMailboxService' },
  establishmentIdentifierType: { label: 'procIdentifierType', means: identifierKind },
  softwareVendor: { path: 'software.vendor', label: 'fieldSoftwareVendor' },
  softwareProduct: { path: 'software.product', label: 'fieldSoftwareProduct' },
  softwareVersion: { path: 'software.version', label: 'fieldSoftwareVersion' },
} as const satisfies Table<EstablishmentFacts, EstablishmentKind>;

export const personFields = {
  civility: { path: 'civility', label: 'fieldCivility' },
  lastName: { path: 'lastName', label: 'fieldLastName' },
  firstName: { path: 'firstName', label: 'fieldFirstName' },
  fullName: { path: 'lastName', label: 'fieldFullName', compose: (contact) => fullName(contact) },
  email: { path: 'email', label: 'fieldEmail', normalise: lowerCase },
  emailConfirmation: { label: 'fieldEmailConfirmation', means: () => 'email' },
  phone: { path: 'phone', label: 'fieldPhone', normalise: normalisePhone },
  mobile: { path: 'mobile', label: 'fieldMobile', normalise: normalisePhone },
  jobTitle: { path: 'jobTitle', label: 'fieldJobTitle' },
  profession: { path: 'profession', label: 'fieldProfession' },
  rpps: { path: 'rpps', label: 'fieldRpps', normalise: normaliseDigits },
  adeli: { path: 'adeli', label: 'fieldAdeli', normalise: normaliseDigits },
} as const satisfies Table<PersonFacts, PersonKind>;

function valueIn<Source, Kind extends string>(table: Table<Source, Kind>, kind: Kind, source: Source): string | undefined {
  const field: Field<Source, Kind> = table[kind];
  if ('means' in field) return valueIn(table, field.means(source), source);
  if ('compose' in field) return field.compose(source);
  const kept = field.path.split('.').reduce<unknown>((record, key) => (record as Record<string, unknown> | undefined)?.[key], source);
  return (kept as string | undefined) ?? field.implied?.(source);
}

function pathIn<Source, Kind extends string>(table: Table<Source, Kind>, kind: Kind, source: Source): TextPath<Source> {
  const field: Field<Source, Kind> = table[kind];
  return 'means' in field ? pathIn(table, field.means(source), source) : field.path;
}

export const readEstablishment = (kind: EstablishmentKind, establishment: EstablishmentFacts) => valueIn<EstablishmentFacts, EstablishmentKind>(establishmentFields, kind, establishment);
export const readPerson = (kind: PersonKind, contact: PersonFacts) => valueIn<PersonFacts, PersonKind>(personFields, kind, contact);

/** Where the editor keeps a kind's value for this establishment: the link to fix a missing one opens it. */
export const establishmentPath = (kind: EstablishmentKind, establishment: EstablishmentFacts) =>
  pathIn<EstablishmentFacts, EstablishmentKind>(establishmentFields, kind, establishment);

/** A place of the profile where a kind is kept, by the editor's dotted key (contacts' under 'contacts'). */
interface KeptPlace {
  path: string;
  label: MessageKey;
  normalise?: Normaliser;
}

function placesIn<Source, Kind extends string>(table: Table<Source, Kind>, prefix: string): KeptPlace[] {
  return (Object.values(table) as Field<Source, Kind>[])
    .filter((field): field is Kept<Source> => !('means' in field) && !('compose' in field))
    .map(({ path, label, normalise }) => ({ path: `${prefix}${path}`, label, ...(normalise ? { normalise } : {}) }));
}

/** A function rather than a constant: the content script imports this module and must not build it. */
export const keptPlaces = (): KeptPlace[] => [...placesIn(establishmentFields, ''), ...placesIn(personFields, 'contacts.')];
