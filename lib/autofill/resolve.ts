/**
 * Resolve: which person, which FINESS, and how a profile value is
 * written into a given field (phone shapes, the BAL ORG description, select options).
 * Pure functions over the profile: no DOM beyond reading a field's declared constraints.
 */
import type { FillerRole } from '../portals/schema';
import { departementByCode, regionOfDepartement } from '../profile/departements';
import { fullName } from '../profile/names';
import type { Contact, Establishment } from '../profile/schema';
import type { CollectedField } from './collect';
import type { EstablishmentKind, PersonKind } from './kinds';
import { normalize } from './lexicon';

/**
 * What the plan reads of an establishment, and all of it that reaches a portal tab's content
 * script. An allowlist rather than an Omit: a field added to the profile stays inside the
 * extension until the plan needs it, and since the plan's functions take this type, the
 * compiler asks for the field here then. Left out: label, category, group, MSS domain,
 * certificates, revision date, the DSI mark, and each contact's card.
 * `id` stays so that a plan can say which establishment it was made from.
 */
const establishmentFields = [
  'id',
  'legalName',
  'status',
  'finessEj',
  'finessEt',
  'siren',
  'siret',
  'address',
  'phone',
  'mailDomain',
  'orgMailbox',
  'software',
] as const satisfies readonly (keyof Establishment)[];
const contactFields = ['id', 'civility', 'lastName', 'firstName', 'email', 'phone', 'mobile', 'jobTitle', 'profession', 'rpps', 'adeli', 'roles'] as const satisfies readonly (keyof Contact)[];

export type FillContact = Pick<Contact, (typeof contactFields)[number]>;
export type FillEstablishment = Pick<Establishment, (typeof establishmentFields)[number]> & { contacts: FillContact[] };

function pick<T extends object, K extends keyof T>(record: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.filter((key) => key in record).map((key) => [key, record[key]])) as Pick<T, K>;
}

/** The establishment cut down to FillEstablishment (a stored record carries more than its type says). */
export function forFill(establishment: Establishment): FillEstablishment {
  return { ...pick(establishment, establishmentFields), contacts: establishment.contacts.map((contact) => pick(contact, contactFields)) };
}

export type PersonChoice = { contact: FillContact } | { ask: FillContact[] } | { missing: true };

/**
 * The contact behind a person field. `me` is the person at the workstation (settings);
 * a role takes the contacts holding it. Several candidates: the user picks (`chosen`).
 */
export function whichPerson(establishment: FillEstablishment, role: FillerRole, meId: string | undefined, chosen: string | undefined): PersonChoice {
  const contacts = establishment.contacts;
  const byId = (id: string | undefined) => (id ? contacts.find((contact) => contact.id === id) : undefined);
  const picked = byId(chosen);
  if (role === 'me') {
    const me = picked ?? byId(meId);
    if (me) return { contact: me };
    if (contacts.length === 1) return { contact: contacts[0] as FillContact };
    return contacts.length === 0 ? { missing: true } : { ask: contacts };
  }
  const holders = contacts.filter((contact) => contact.roles.includes(role));
  if (picked && holders.includes(picked)) return { contact: picked };
  if (holders.length === 1) return { contact: holders[0] as FillContact };
  return holders.length === 0 ? { missing: true } : { ask: holders };
}

/** Words that say whose field it is, in a label or a legend ("Représentant légal", "Nom du responsable"). */
const roleWords: readonly [RegExp, FillerRole][] = [
  [/\brepresentant legal\b|\bdirect(?:eur|rice) d etablissement\b/, 'representantLegal'],
  [/\badministrateur technique\b|\badmin technique\b/, 'administrateurTechnique'],
  [/\bmandataire\b/, 'mandataire'],
  [/\badministrateur principal\b|\bape\b/, 'apePlage'],
  [/\bresponsable (?:de (?:la )?)?(?:commande|epi)\b/, 'responsableEpi'],
  [/\bresponsable (?:du compte|de la (?:bal|boite))\b|\bresponsable\b/, 'responsableBalOrg'],
  [/\bediteur\b/, 'editeur'],
  [/\bdsi\b|\bdirection des systemes d information\b/, 'dsi'],
];

/** Whose person field this is, read from its label and legend; account-creation fields are `me`. */
export function roleOfField(field: CollectedField): FillerRole {
  const text = normalize(field.nameParts.map((part) => part.text).join(' '));
  return roleWords.find(([pattern]) => pattern.test(text))?.[1] ?? 'me';
}

export type FinessChoice = 'ej' | 'et' | 'byStatus';

/** EJ or ET: the portal rule says (byStatus: EJ for public, ET for private on Plage); unsaid, the site's ET. */
export function finessFor(establishment: FillEstablishment, kind: 'finess' | 'finessEj' | 'finessEt', rule: FinessChoice | undefined): string | undefined {
  const which = rule === 'byStatus' ? (establishment.status === 'public' ? 'ej' : 'et') : (rule ?? (kind === 'finessEj' ? 'ej' : kind === 'finessEt' ? 'et' : undefined));
  if (which === 'ej') return establishment.finessEj;
  if (which === 'et') return establishment.finessEt;
  return establishment.finessEt ?? establishment.finessEj;
}

export type IdentifierType = 'finess' | 'siret' | 'siren';

/** Forms with an identifier-type choice (Medimail): the FINESS ET, SIRET/SIREN only without one. */
export function establishmentIdentifier(establishment: FillEstablishment): { type: IdentifierType; value: string } | null {
  if (establishment.finessEt) return { type: 'finess', value: establishment.finessEt };
  if (establishment.siret) return { type: 'siret', value: establishment.siret };
  if (establishment.siren) return { type: 'siren', value: establishment.siren };
  return null;
}

const identifierTypeTexts: Record<IdentifierType, string[]> = {
  finess: ['FINESS géographique', 'FINESS ET', 'FINESS'],
  siret: ['SIRET'],
  siren: ['SIREN'],
};

/** "01 40 27 50 00", or the ten digits when the field counts them, or +33 when it asks so. */
export function formatPhone(digits: string, field: Pick<CollectedField, 'maxLength' | 'inputMode' | 'type' | 'pattern' | 'placeholder'>): string {
  if (/^\s*\+\s*33/.test(field.placeholder) && digits.startsWith('0')) return `+33 ${digits.slice(1).replace(/(\d)(\d{2})(\d{2})(\d{2})(\d{2})/, '$1 $2 $3 $4 $5')}`;
  const compact = (field.maxLength !== null && field.maxLength < 14) || field.inputMode === 'numeric' || field.type === 'number' || /^\^?(?:\\d|\[0-9\])\{10\}\$?$/.test(field.pattern);
  return compact ? digits : digits.replace(/(\d{2})(?=\d)/g, '$1 ');
}

/** The BAL ORG description the seed asks for: service, structure, city, postal code (002). */
export function orgMailboxDescription(establishment: FillEstablishment): string | undefined {
  if (establishment.orgMailbox?.description) return establishment.orgMailbox.description;
  const { city, postalCode } = establishment.address;
  const parts = [establishment.orgMailbox?.service, establishment.legalName, city, postalCode].filter((part): part is string => !!part);
  return parts.length > 1 ? parts.join(', ') : undefined;
}

/** A value to write, and for choices the other spellings an option may use. */
export interface Resolved {
  value: string;
  alternatives: string[];
}

const one = (value: string | undefined): Resolved | undefined => (value ? { value, alternatives: [] } : undefined);

export function establishmentValue(
  establishment: FillEstablishment,
  kind: EstablishmentKind,
  field: CollectedField,
  finess: FinessChoice | undefined,
  identifierChoice: boolean,
): Resolved | undefined {
  const { address } = establishment;
  switch (kind) {
    case 'legalName':
      return one(establishment.legalName);
    case 'finess':
    case 'finessEj':
    case 'finessEt': {
      const value = finessFor(establishment, kind, finess);
      // A form that lets the user say which identifier it gets takes SIRET/SIREN without a FINESS.
      return one(value ?? (identifierChoice ? establishmentIdentifier(establishment)?.value : undefined));
    }
    case 'siren':
      return one(establishment.siren);
    case 'siret':
      return one(establishment.siret);
    case 'street':
      return one(address.street);
    case 'addressComplement':
      return one(address.complement);
    case 'postalCode':
      return one(address.postalCode);
    case 'city':
      return one(address.city);
    case 'departement': {
      const code = address.departement ?? (address.postalCode ? departementOfPostalCode(address.postalCode) : undefined);
      const departement = code ? departementByCode(code) : undefined;
      if (!code) return undefined;
      if (!departement) return { value: code, alternatives: [] };
      const textual = field.control !== 'input' || (field.maxLength ?? 99) > 3;
      return { value: textual ? departement.name : code, alternatives: [code, departement.name, `${code} - ${departement.name}`] };
    }
    case 'region': {
      const region = address.region ?? (address.departement ? regionOfDepartement(address.departement)?.name : undefined);
      return one(region);
    }
    case 'establishmentPhone':
      return one(establishment.phone && formatPhone(establishment.phone, field));
    case 'mailDomain':
      return one(establishment.mailDomain);
    case 'orgMailboxEmail':
      return one(establishment.orgMailbox?.email);
    case 'orgMailboxDescription':
      return one(orgMailboxDescription(establishment));
    case 'service':
      return one(establishment.orgMailbox?.service);
    case 'establishmentIdentifierType': {
      const identifier = establishmentIdentifier(establishment);
      if (!identifier) return undefined;
      const [value, ...alternatives] = identifierTypeTexts[identifier.type];
      return { value: value as string, alternatives };
    }
    case 'softwareVendor':
      return one(establishment.software?.vendor);
    case 'softwareProduct':
      return one(establishment.software?.product);
    case 'softwareVersion':
      return one(establishment.software?.version);
  }
}

/** Corsica's postal codes start with 20: the département cannot be told from them alone. */
function departementOfPostalCode(postalCode: string): string | undefined {
  if (postalCode.startsWith('20')) return undefined;
  return postalCode.startsWith('97') ? postalCode.slice(0, 3) : postalCode.slice(0, 2);
}

const civilityTexts: Record<NonNullable<Contact['civility']>, string[]> = {
  madame: ['Madame', 'Mme', 'Mme.', 'Mrs', 'Ms'],
  monsieur: ['Monsieur', 'M.', 'M', 'Mr'],
};

export function personValue(contact: FillContact, kind: PersonKind, field: CollectedField): Resolved | undefined {
  switch (kind) {
    case 'civility': {
      if (!contact.civility) return undefined;
      const [value, ...alternatives] = civilityTexts[contact.civility];
      return { value: value as string, alternatives };
    }
    case 'lastName':
      return one(contact.lastName);
    case 'firstName':
      return one(contact.firstName);
    case 'fullName':
      return one(fullName(contact));
    case 'email':
    case 'emailConfirmation':
      return one(contact.email);
    case 'phone':
      return one(contact.phone && formatPhone(contact.phone, field));
    case 'mobile':
      return one(contact.mobile && formatPhone(contact.mobile, field));
    case 'jobTitle':
      return one(contact.jobTitle);
    case 'profession':
      return one(contact.profession);
    case 'rpps':
      return one(contact.rpps);
    case 'adeli':
      return one(contact.adeli);
  }
}

export interface OptionLike {
  text: string;
  value: string;
}

/** "75 - Paris" → "paris", "(75) Paris" → "paris": the name without a leading code. */
const withoutCode = (text: string) => text.replace(/^\(?[0-9][0-9ab]{1,2}\)?\s*(?:[-–:]\s*)?/i, '');

/**
 * Which option means the wanted value: equal text or value first, then the text without
 * a leading code ("75 - Paris"), then one option alone containing the words. -1 = none.
 */
export function matchOption(options: readonly OptionLike[], wanted: readonly string[]): number {
  const texts = options.map((option) => normalize(option.text));
  const values = options.map((option) => normalize(option.value));
  const names = options.map((option) => normalize(withoutCode(option.text)));
  // An option without a value is the "Sélectionner…" placeholder.
  const usable = (index: number) => options[index]?.value !== '';
  for (const raw of wanted) {
    const want = normalize(raw);
    if (!want) continue;
    const found = texts.findIndex((text, i) => usable(i) && (text === want || values[i] === want || names[i] === want));
    if (found >= 0) return found;
  }
  for (const raw of wanted) {
    const want = normalize(raw);
    if (want.length < 3) continue;
    const pattern = new RegExp(`\\b${want.replace(/ /g, '\\b.*\\b')}\\b`);
    const containing = texts.map((text, i) => (usable(i) && pattern.test(text) ? i : -1)).filter((i) => i >= 0);
    if (containing.length === 1) return containing[0] as number;
  }
  return -1;
}
