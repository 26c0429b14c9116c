/**
 * Resolve: which person, which FINESS, and how a profile value is
 * written into a given field (phone shapes, département spellings, identifier types, select
 * options); what each kind reads of the profile is ../profile/fields.ts.
 * Pure functions over the profile: no DOM beyond reading a field's declared constraints.
 */
import type { FillerRole } from '../portals/schema';
import { departementByCode } from '../profile/departements';
import { establishmentFacts, establishmentFields, personFacts, readEstablishment, readPerson, type IdentifierKind } from '../profile/fields';
import { splitStreet, streetLine, type SeparateParts } from '../profile/address';
import type { EstablishmentKind, FieldKind, PersonKind } from '../profile/kinds';
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

export type PersonChoice = { contact: FillContact } | { ask: FillContact[] } | { missing: true } | { notListed: true };

/**
 * The contact behind a person field. `me` is the contact the user said they are on this
 * workstation (`meId`); `null` is their « Je ne figure pas dans la liste »: no contact is them, and
 * unsaid, even a lone contact is only offered (an account opened in someone else's name is hard
 * to undo: newcomer report P1). A role takes the contacts holding it; when nobody holds it, any
 * contact may be picked, never one silently. `chosen`: the user's pick among the candidates.
 */
export function whichPerson(establishment: FillEstablishment, role: FillerRole, meId: string | null | undefined, chosen: string | undefined): PersonChoice {
  const contacts = establishment.contacts;
  const holders = role === 'me' ? contacts : contacts.filter((contact) => contact.roles.includes(role));
  const candidates = holders.length > 0 ? holders : contacts;
  const picked = candidates.find((contact) => contact.id === chosen);
  if (picked) return { contact: picked };
  if (role === 'me') {
    const me = contacts.find((contact) => contact.id === meId);
    if (me) return { contact: me };
    if (meId === null) return { notListed: true };
  } else if (holders.length === 1) return { contact: holders[0] as FillContact };
  return candidates.length === 0 ? { missing: true } : { ask: candidates };
}

/**
 * Words that say whose block or field it is, in a label or a section title ("Représentant légal",
 * "Contact technique", "Demandeur (vous)"). Tried in order on one text: the roles a profile holds,
 * then the bare « responsable » (on these portals, of the account: seed 002), then the user.
 */
const roleWords: readonly [RegExp, FillerRole][] = [
  [/\b(?:representant|responsable) (?:legal|juridique)\b|\bresponsable de la structure\b|\bdirect(?:eur|rice) d etablissement\b/, 'representantLegal'],
  [/\b(?:administrateur|admin|contact|referent|correspondant) technique\b/, 'administrateurTechnique'],
  [/\bmandataire\b/, 'mandataire'],
  [/\badministrateur principal\b|\bape\b/, 'apePlage'],
  [/\bresponsable (?:de (?:la )?)?(?:commande|epi)\b/, 'responsableEpi'],
  [/\bediteur\b/, 'editeur'],
  [/\bdsi\b|\bdirection des systemes d information\b/, 'dsi'],
  [/\bresponsable\b/, 'responsableBalOrg'],
];

/** The user's own block: « Demandeur », « (vous) », « Vos coordonnées », « Votre identité ». */
const meWords = /\bdemandeur\b|\bvous\b|\bvos coordonnees\b|\bvotre (?:identite|profil)\b|\bmes coordonnees\b/;

/**
 * Whose account a form or section is about. Seed 002: the BAL ORG is a « compte partagé
 * (organisationnel) » asking for « une adresse mail generique »; reaching it first takes the
 * « compte individuel nominatif », which is the user's own.
 */
const organisationAccountWords =
  /\bcompte (?:partage|organisationnel)\b|\bbal org\b|\bboite (?:aux lettres )?organisationnelle\b|\badresse (?:mail |electronique |de messagerie )?generique\b/;
const personalAccountWords = /\bcompte (?:individuel|nominatif|personnel)\b|\bbal per\b/;

/** Whose person field it is: a role's contact, or the organisation (a shared account's own values). */
export type FieldHolder = FillerRole | 'organisation';

function holderIn(text: string): FieldHolder | undefined {
  const said = normalize(text);
  const role = roleWords.find(([pattern]) => pattern.test(said))?.[1];
  if (role) return role;
  if (organisationAccountWords.test(said)) return 'organisation';
  if (personalAccountWords.test(said) || meWords.test(said)) return 'me';
  return undefined;
}

/**
 * Whose person field this is: read from its own label, then from the titles of the sections
 * around it, innermost first (section.ts), so that three blocks of « Nom, Prénom » under three
 * legends go to three people. Nothing said: the user (`me`), as on account-creation forms.
 */
export function holderOfField(field: CollectedField, sectionTitles: readonly string[] = []): FieldHolder {
  const label = field.nameParts
    .filter((part) => part.source !== 'legend')
    .map((part) => part.text)
    .join(' ');
  for (const text of [label, ...sectionTitles]) {
    const holder = holderIn(text);
    if (holder) return holder;
  }
  return 'me';
}

/**
 * What a person field asks on a shared account's form, and the kind that answers it. Seed 002:
 * « Renseigner une adresse mail generique », and of the structure « un numéro de téléphone ».
 * The account's other person fields are its responsible's (« Indiquer son nom, son prénom »…).
 */
export const organisationKinds: Partial<Record<PersonKind, EstablishmentKind>> = {
  email: 'orgMailboxEmail',
  emailConfirmation: 'orgMailboxEmail',
  phone: 'establishmentPhone',
};

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

/** A spelling of a value; a `shortened` one says less than the profile (a clause left out). */
interface Spelling {
  text: string;
  shortened?: boolean;
}

/** What resolve reads of a field: its control and the constraints it declares. */
type FieldShape = Pick<CollectedField, 'control' | 'maxLength' | 'inputMode' | 'type' | 'pattern' | 'placeholder'>;

/** A value to write, and for choices the other spellings an option may use. */
export interface Resolved {
  value: string;
  alternatives: string[];
  /**
   * 'shortened': only a shorter form the profile gives fits the field's maxlength (the preview
   * says so); 'tooLong': none fits, and nothing is written rather than a value the page cuts.
   */
  fit?: 'shortened' | 'tooLong';
}

/** The field's pattern as the browser applies it: the whole value, with the 'v' flag (HTML). Unreadable: none. */
function patternOf(field: FieldShape): RegExp | undefined {
  if (!field.pattern) return undefined;
  for (const flags of ['v', 'u']) {
    try {
      return new RegExp(`^(?:${field.pattern})$`, flags);
    } catch {
      // An engine without 'v', or a pattern only the other flag reads.
    }
  }
  return undefined;
}

/**
 * The first spelling within the field's maxlength (UTF-16 units, as the browser counts) that its
 * pattern accepts; within maxlength but refused by every pattern: the first, the page then says
 * why. A select takes the first spelling, its options being matched on all of them.
 */
function fitted(spellings: readonly Spelling[], field: FieldShape, alternatives: string[] = []): Resolved | undefined {
  const first = spellings[0];
  if (!first?.text) return undefined;
  if (field.control === 'select') return { value: first.text, alternatives };
  const fits = spellings.filter((spelling) => field.maxLength === null || spelling.text.length <= field.maxLength);
  const pattern = patternOf(field);
  const chosen = fits.find((spelling) => !pattern || pattern.test(spelling.text)) ?? fits[0];
  if (!chosen) return { value: first.text, alternatives, fit: 'tooLong' };
  return { value: chosen.text, alternatives, ...(chosen.shortened ? { fit: 'shortened' as const } : {}) };
}

const exactly = (...texts: (string | undefined)[]): Spelling[] => texts.flatMap((text) => (text ? [{ text }] : []));

/**
 * A French number's spellings, the one the field asks for first: "01 40 27 50 00" by default,
 * the ten digits where only digits go (inputmode=numeric, type=number), +33 where the placeholder
 * or the pattern starts with it. `fitted` then keeps the first within maxlength and pattern.
 */
function phoneSpellings(digits: string, field: FieldShape): string[] {
  const spaced = digits.replace(/(\d{2})(?=\d)/g, '$1 ');
  const national = field.inputMode === 'numeric' || field.type === 'number' ? [digits, spaced] : [spaced, digits];
  if (!/^0\d{9}$/.test(digits)) return national;
  const subscriber = digits.slice(1);
  const international = [`+33 ${subscriber.replace(/(\d)(\d{2})(\d{2})(\d{2})(\d{2})/, '$1 $2 $3 $4 $5')}`, `+33${subscriber}`];
  const asksInternational = /^\s*\+\s*33/.test(field.placeholder) || /^\^?(?:\\\+|\[\+\])33/.test(field.pattern);
  return asksInternational ? [...international, ...national] : [...national, ...international];
}

/** "A, B — C" → itself, then "A, B", then "A": shorter by whole clauses, never mid-word. */
function byClauses(text: string): Spelling[] {
  const cuts = [...text.matchAll(/\s*[,;(]|\s+[-–—]\s/g)].map((match) => match.index).filter((index) => index > 0);
  return [{ text }, ...cuts.reverse().map((index) => ({ text: text.slice(0, index).trim(), shortened: true }))];
}

const one = (value: string | undefined, field: FieldShape): Resolved | undefined => fitted(exactly(value), field);

/** The parts of the street the form asks for in fields of their own (../profile/address.ts). */
const separateParts = (form: ReadonlySet<FieldKind>): SeparateParts => ({
  number: form.has('streetNumber'),
  repetition: form.has('streetRepetition'),
  type: form.has('streetType'),
});

/** A street kind's value: the line's part, and in the street field what no other field of the form takes. */
function streetValue(street: string | undefined, kind: 'street' | 'streetNumber' | 'streetRepetition' | 'streetType', field: FieldShape, form: ReadonlySet<FieldKind>): Resolved | undefined {
  if (!street) return undefined;
  const parts = splitStreet(street);
  const separate = separateParts(form);
  switch (kind) {
    case 'street':
      // A street cut at maxlength loses its name's end: the norm's abbreviated type first, else nothing.
      return fitted(exactly(...streetLine(parts, separate)), field);
    case 'streetNumber': {
      const repetition = separate.repetition ? undefined : parts.repetition;
      return parts.number ? fitted(exactly(...[repetition ? `${parts.number} ${repetition.word}` : parts.number, repetition && `${parts.number}${repetition.letter}`]), field) : undefined;
    }
    case 'streetRepetition':
      return parts.repetition && fitted(exactly(parts.repetition.word, parts.repetition.letter), field, [parts.repetition.letter]);
    case 'streetType':
      return parts.type && fitted(exactly(parts.type.word, parts.type.abbreviation), field, [parts.type.abbreviation]);
  }
}

/**
 * The establishment's value for a kind, in the spelling the field takes; `form`: the kinds the
 * form asks for (a form with a type-of-identifier choice, or a street split in parts).
 */
export function establishmentValue(
  establishment: FillEstablishment,
  kind: EstablishmentKind,
  field: CollectedField,
  finess: FinessChoice | undefined,
  form: ReadonlySet<FieldKind>,
): Resolved | undefined {
  switch (kind) {
    case 'finess':
    case 'finessEj':
    case 'finessEt': {
      const value = finessFor(establishment, kind, finess);
      // A form that lets the user say which identifier it gets takes SIRET/SIREN without a FINESS.
      const identifierChoice = form.has('establishmentIdentifierType');
      return one(value ?? (identifierChoice ? readEstablishment('establishmentIdentifierType', establishment) : undefined), field);
    }
    case 'departement': {
      const code = readEstablishment('departement', establishment);
      const departement = code ? departementByCode(code) : undefined;
      if (!code) return undefined;
      if (!departement) return one(code, field);
      const textual = field.control !== 'input' || (field.maxLength ?? 99) > 3;
      return fitted(exactly(textual ? departement.name : code, code), field, [code, departement.name, `${code} - ${departement.name}`]);
    }
    case 'street':
    case 'streetNumber':
    case 'streetRepetition':
    case 'streetType':
      return streetValue(establishment.address.street, kind, field, form);
    case 'orgMailboxDescription': {
      const description = readEstablishment(kind, establishment);
      return description ? fitted(byClauses(description), field) : undefined;
    }
    case 'establishmentPhone': {
      const digits = readEstablishment(kind, establishment);
      return digits ? fitted(exactly(...phoneSpellings(digits, field)), field) : undefined;
    }
    case 'establishmentIdentifierType': {
      if (!readEstablishment(kind, establishment)) return undefined;
      const [value, ...alternatives] = identifierTypeTexts[establishmentFields.establishmentIdentifierType.means(establishment)];
      return fitted(exactly(value, ...alternatives), field, alternatives);
    }
    default:
      return one(readEstablishment(kind, establishment), field);
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
      return fitted(exactly(value, ...alternatives), field, alternatives);
    }
    case 'phone':
    case 'mobile': {
      const digits = readPerson(kind, contact);
      return digits ? fitted(exactly(...phoneSpellings(digits, field)), field) : undefined;
    }
    default:
      return one(readPerson(kind, contact), field);
  }
}

export interface OptionLike {
  text: string;
  value: string;
}

/** Whether a list offers anything yet: an option without a value is the « Sélectionner… » placeholder, and a list of only that one is still to come (filled after a parent choice). */
export const hasChoices = (options: readonly OptionLike[]): boolean => options.some((option) => option.value !== '');

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
