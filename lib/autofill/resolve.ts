/**
 * Resolve: which establishment, which person, which FINESS, and how a profile value is
 * written into a given field (phone shapes, département spellings, identifier types, select
 * options); what each kind reads of the profile is ../profile/fields.ts.
 * Pure functions over the profile: no DOM beyond reading a field's declared constraints.
 */
import type { FillerRole } from '../portals/schema';
import { departementByCode } from '../profile/departements';
import { establishmentFacts, establishmentFields, personFacts, readEstablishment, readPerson, type IdentifierKind } from '../profile/fields';
import type { EstablishmentKind, PersonKind } from '../profile/kinds';
import type { Contact, Establishment } from '../profile/schema';
import type { CollectedField } from './collect';
import { normalize } from './lexicon';

/**
 * What the plan reads of an establishment, and all of it that reaches a portal tab's content
 * script: what the kinds table reads (../profile/fields.ts). An allowlist rather than an Omit:
 * a field added to the profile stays inside the extension until a kind reads it. Left out:
 * label, category, group, MSS domain, certificates, revision date, the DSI mark, and each
 * contact's card. `id` stays so that a plan can say which establishment it was made from;
 * the contacts' roles choose the person.
 */
const sentFields = ['id', ...establishmentFacts] as const;
const contactFields = ['id', 'roles', ...personFacts] as const;

export type FillContact = Pick<Contact, (typeof contactFields)[number]>;
export type FillEstablishment = Pick<Establishment, (typeof sentFields)[number]> & { contacts: FillContact[] };

function pick<T extends object, K extends keyof T>(record: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.filter((key) => key in record).map((key) => [key, record[key]])) as Pick<T, K>;
}

/** The establishment cut down to FillEstablishment (a stored record carries more than its type says). */
export function forFill(establishment: Establishment): FillEstablishment {
  return { ...pick(establishment, sentFields), contacts: establishment.contacts.map((contact) => pick(contact, contactFields)) };
}

/** The establishment to fill from: the one chosen in the popup, else the only one; null = ask. */
export function whichEstablishment(ids: readonly string[], currentId: string | undefined): string | null {
  if (currentId && ids.includes(currentId)) return currentId;
  return ids.length === 1 ? (ids[0] ?? null) : null;
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

const finessKindOf = { ej: 'finessEj', et: 'finessEt', byStatus: 'finess' } as const satisfies Record<FinessChoice, EstablishmentKind>;

/** EJ or ET: the portal rule says (byStatus: the profile's rule); unsaid, the kind does, and a bare "FINESS" takes the site's. */
export function finessFor(establishment: FillEstablishment, kind: 'finess' | 'finessEj' | 'finessEt', rule: FinessChoice | undefined): string | undefined {
  // A bare "FINESS" that no portal rule qualifies: the site's, else the legal entity's.
  if (!rule && kind === 'finess') return establishment.finessEt ?? establishment.finessEj;
  return readEstablishment(rule ? finessKindOf[rule] : kind, establishment);
}

/** How an identifier-type choice spells each identifier, first the one to pick (Medimail). */
const identifierTypeTexts: Record<IdentifierKind, string[]> = {
  finessEt: ['FINESS géographique', 'FINESS ET', 'FINESS'],
  siret: ['SIRET'],
  siren: ['SIREN'],
};

/** "01 40 27 50 00", or the ten digits when the field counts them, or +33 when it asks so. */
export function formatPhone(digits: string, field: Pick<CollectedField, 'maxLength' | 'inputMode' | 'type' | 'pattern' | 'placeholder'>): string {
  if (/^\s*\+\s*33/.test(field.placeholder) && digits.startsWith('0')) return `+33 ${digits.slice(1).replace(/(\d)(\d{2})(\d{2})(\d{2})(\d{2})/, '$1 $2 $3 $4 $5')}`;
  const compact = (field.maxLength !== null && field.maxLength < 14) || field.inputMode === 'numeric' || field.type === 'number' || /^\^?(?:\\d|\[0-9\])\{10\}\$?$/.test(field.pattern);
  return compact ? digits : digits.replace(/(\d{2})(?=\d)/g, '$1 ');
}

/** A value to write, and for choices the other spellings an option may use. */
export interface Resolved {
  value: string;
  alternatives: string[];
}

const one = (value: string | undefined): Resolved | undefined => (value ? { value, alternatives: [] } : undefined);

/** The establishment's value for a kind, in the spelling the field takes. */
export function establishmentValue(
  establishment: FillEstablishment,
  kind: EstablishmentKind,
  field: CollectedField,
  finess: FinessChoice | undefined,
  identifierChoice: boolean,
): Resolved | undefined {
  switch (kind) {
    case 'finess':
    case 'finessEj':
    case 'finessEt': {
      const value = finessFor(establishment, kind, finess);
      // A form that lets the user say which identifier it gets takes SIRET/SIREN without a FINESS.
      return one(value ?? (identifierChoice ? readEstablishment('establishmentIdentifierType', establishment) : undefined));
    }
    case 'departement': {
      const code = readEstablishment('departement', establishment);
      const departement = code ? departementByCode(code) : undefined;
      if (!code) return undefined;
      if (!departement) return { value: code, alternatives: [] };
      const textual = field.control !== 'input' || (field.maxLength ?? 99) > 3;
      return { value: textual ? departement.name : code, alternatives: [code, departement.name, `${code} - ${departement.name}`] };
    }
    case 'establishmentPhone': {
      const digits = readEstablishment(kind, establishment);
      return one(digits && formatPhone(digits, field));
    }
    case 'establishmentIdentifierType': {
      if (!readEstablishment(kind, establishment)) return undefined;
      const [value, ...alternatives] = identifierTypeTexts[establishmentFields.establishmentIdentifierType.means(establishment)];
      return { value: value as string, alternatives };
    }
    default:
      return one(readEstablishment(kind, establishment));
  }
}

const civilityTexts: Record<NonNullable<Contact['civility']>, string[]> = {
  madame: ['Madame', 'Mme', 'Mme.', 'Mrs', 'Ms'],
  monsieur: ['Monsieur', 'M.', 'M', 'Mr'],
};

/** The contact's value for a person kind, in the spelling the field takes. */
export function personValue(contact: FillContact, kind: PersonKind, field: CollectedField): Resolved | undefined {
  switch (kind) {
    case 'civility': {
      if (!contact.civility) return undefined;
      const [value, ...alternatives] = civilityTexts[contact.civility];
      return { value: value as string, alternatives };
    }
    case 'phone':
    case 'mobile': {
      const digits = readPerson(kind, contact);
      return one(digits && formatPhone(digits, field));
    }
    default:
      return one(readPerson(kind, contact));
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
