/**
 * Pure checks of the identifiers and contact data of an establishment's profile. Each check
 * takes a normalised value and returns null, or one message saying what is wrong and what
 * is expected. Only rules that public references document are enforced:
 * - SIREN and SIRET end with a Luhn key (INSEE); La Poste's establishments (SIREN
 *   356000000) are the documented exception: the sum of their 14 digits is a multiple of 5.
 * - FINESS: 9 characters, a département prefix and a Luhn key. Overseas numbers start with
 *   970 + 1 to 5 (Guadeloupe, Martinique, Guyane, La Réunion, Saint-Pierre-et-Miquelon) or
 *   980 + 5/6 (Mayotte, Wallis-et-Futuna) (SNDS documentation; FINESS extract). Corsican
 *   numbers start 2A/2B; their key is the Luhn key with A counted as 1 and B as 2, the only
 *   digit that fits the key of every published Corsican FINESS we checked.
 * - RPPS (11 digits) and ADELI (9 digits): no check key is publicly documented, so only
 *   their length and digits are checked.
 */
import type { Message } from '../i18n/t';
import { departementByCode } from './departements';
import type { FieldKind } from './kinds';
import { noBreakSpace } from '../i18n/typography';

/** null = valid; the value is already normalised. */
export type Check = (value: string) => Message | null;

const separators = /[\s.\-\u2010-\u2015]/gu;

/** Spaces (incl. no-break ones), dots and dashes out; letters upper-cased (2a → 2A). */
export function normaliseDigits(value: string): string {
  return value.replace(separators, '').toUpperCase();
}

/** A character as a person can read it in a message, invisible ones by their code. */
function visible(character: string): string {
  return /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(character)
    ? character
    : `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The first character that is not allowed, with its 1-based position. */
function firstBad(value: string, allowed: (character: string, index: number) => boolean) {
  const characters = Array.from(value);
  const index = characters.findIndex((character, i) => !allowed(character, i));
  return index < 0 ? null : { character: visible(characters[index]!), position: index + 1 };
}

const isDigit = (character: string) => character >= '0' && character <= '9';

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/**
 * The shown form of a profile value of kind `kind`, the same in the editor's form once saved,
 * the checklist, form 413 and the messages, so that it never changes under the user's eyes: as
 * French papers write it. SIREN and SIRET in threes (INSEE), a phone in pairs, with no-break
 * spaces (../i18n/typography.ts), so that a line never breaks inside a number; the FINESS in one
 * block (the annuaire FINESS and the portals print it so). A département's or région's name with
 * the apostrophe of Balise's French (« Côte-d’Or »), where the profile keeps INSEE's straight one,
 * as the portals' options write it and the fill compares. Other kinds as stored. The stored number
 * keeps its digits only (what the portals are given); one of another length is shown as stored.
 */
const phoneGroups = [2, 2, 2, 2, 2];
const shownGroups: Partial<Record<FieldKind, readonly number[]>> = {
  siren: [3, 3, 3],
  siret: [3, 3, 3, 5],
  establishmentPhone: phoneGroups,
  phone: phoneGroups,
  mobile: phoneGroups,
};

export function shownValue(kind: FieldKind, stored: string): string {
  if (kind === 'departement' || kind === 'region') return stored.replaceAll("'", '’');
  const sizes = shownGroups[kind];
  if (!sizes || !/^\d+$/.test(stored) || stored.length !== sizes.reduce((sum, size) => sum + size, 0)) return stored;
  const parts: string[] = [];
  let start = 0;
  for (const size of sizes) {
    parts.push(stored.slice(start, start + size));
    start += size;
  }
  return parts.join(noBreakSpace);
}

/** Digits-only identifiers are checked in one order: characters first, then length. */
function digitsCheck(
  keys: { character: Message['key']; length: Message['key'] },
  length: number,
  value: string,
): Message | null {
  const bad = firstBad(value, isDigit);
  if (bad) return { key: keys.character, subs: [bad.character, bad.position] };
  if (value.length !== length) return { key: keys.length, subs: [value.length] };
  return null;
}

// FINESS ---------------------------------------------------------------------------------

const overseasFiness: Record<string, string> = {
  '9701': '971',
  '9702': '972',
  '9703': '973',
  '9704': '974',
  '9705': '975', // Saint-Pierre-et-Miquelon (a collectivité, INSEE code 975)
  '9805': '976', // Mayotte, numbered under its former code 985
  '9806': '986', // Wallis-et-Futuna
};

/** The département (or overseas INSEE code) whose prefix a FINESS number carries. */
export function finessDepartement(finess: string): string | null {
  const value = finess.toUpperCase();
  if (/^2[AB]/.test(value)) return value.slice(0, 2);
  if (/^9[78]/.test(value)) return overseasFiness[value.slice(0, 4)] ?? null;
  const two = value.slice(0, 2);
  return departementByCode(two) ? two : null;
}

export const checkFiness: Check = (value) => {
  const bad = firstBad(value, (c, i) => isDigit(c) || (i === 1 && value[0] === '2' && (c === 'A' || c === 'B')));
  if (bad) return { key: 'finessCharacter', subs: [bad.character, bad.position] };
  if (value.length !== 9) return { key: 'finessLength', subs: [value.length] };
  if (finessDepartement(value) === null) return { key: 'finessPrefix', subs: [value.slice(0, /^9[78]/.test(value) ? 4 : 2)] };
  if (!luhnValid(value.replace(/^2A/, '21').replace(/^2B/, '22')))
    return { key: 'finessKey', subs: [value] };
  return null;
};

// SIREN, SIRET ---------------------------------------------------------------------------

const laPosteSiren = '356000000';

export const checkSiren: Check = (value) =>
  digitsCheck({ character: 'sirenCharacter', length: 'sirenLength' }, 9, value) ??
  (luhnValid(value) ? null : { key: 'sirenKey', subs: [shownValue('siren', value)] });

export const checkSiret: Check = (value) => {
  const shape = digitsCheck({ character: 'siretCharacter', length: 'siretLength' }, 14, value);
  if (shape) return shape;
  const laPosteValid = value.startsWith(laPosteSiren) && Array.from(value).reduce((sum, c) => sum + Number(c), 0) % 5 === 0;
  return luhnValid(value) || laPosteValid ? null : { key: 'siretKey', subs: [shownValue('siret', value)] };
};

/** The SIREN a SIRET begins with (its first 9 digits), spaces and dots left out; undefined unless the SIRET has 14 digits. */
export function sirenOfSiret(siret: string): string | undefined {
  const digits = normaliseDigits(siret);
  return /^\d{14}$/.test(digits) ? digits.slice(0, 9) : undefined;
}

export function checkSiretMatchesSiren(siret: string, siren: string): Message | null {
  const [t, n] = [normaliseDigits(siret), normaliseDigits(siren)];
  // A malformed number gets its own message from its own check.
  if (checkSiret(t) || checkSiren(n) || t.startsWith(n)) return null;
  return { key: 'siretNotOfSiren', subs: [shownValue('siret', t), shownValue('siren', n)] };
}

// RPPS, ADELI ----------------------------------------------------------------------------

export const checkRpps: Check = (value) => digitsCheck({ character: 'rppsCharacter', length: 'rppsLength' }, 11, value);

export const checkAdeli: Check = (value) => digitsCheck({ character: 'adeliCharacter', length: 'adeliLength' }, 9, value);

// Postal code, département ---------------------------------------------------------------

/** Overseas postal codes start with the 3-digit INSEE code of their territory. */
const overseasPostal = new Set(['971', '972', '973', '974', '975', '976', '986', '987', '988']);

/**
 * The département code(s) a postal code may belong to. Corsica's 20xxx are shared by 2A
 * and 2B. Saint-Barthélemy (97133) and Saint-Martin (97150) keep Guadeloupe's codes, as
 * their FINESS numbers do.
 */
export function postalCodeDepartements(postalCode: string): string[] {
  if (!/^\d{5}$/.test(postalCode)) return [];
  const two = postalCode.slice(0, 2);
  if (two === '20') return ['2A', '2B'];
  if (two === '97' || two === '98') {
    const three = postalCode.slice(0, 3);
    return overseasPostal.has(three) ? [three] : [];
  }
  return departementByCode(two) ? [two] : [];
}

export const checkPostalCode: Check = (value) =>
  digitsCheck({ character: 'postalCodeCharacter', length: 'postalCodeLength' }, 5, value) ??
  (postalCodeDepartements(value).length ? null : { key: 'postalCodePrefix', subs: [value] });

export const checkDepartement: Check = (value) =>
  departementByCode(value) ? null : { key: 'departementUnknown', subs: [value] };

// Phone ----------------------------------------------------------------------------------

/** Country codes whose numbers are dialled in France as 0 + the 9 digits after the code. */
const frenchCountryCodes = ['33', '262', '269', '590', '594', '596'];

type PhoneReading = { national: string } | { error: Message };

function readPhone(value: string): PhoneReading {
  const compact = value.trim().replace(/[\s.\-\u2010-\u2015()/]/gu, '');
  const bad = firstBad(compact, (c, i) => isDigit(c) || (c === '+' && i === 0));
  if (bad) return { error: { key: 'phoneCharacter', subs: [bad.character, bad.position] } };
  let national = compact;
  const international = /^(?:\+|00)(\d*)$/.exec(compact)?.[1];
  if (international !== undefined) {
    const code = frenchCountryCodes.find((c) => international.startsWith(c));
    if (!code) return { error: { key: 'phoneForeign', subs: [] } };
    // Overseas numbers keep their area in the 9 digits (+262 262… → 0262…); "+33 (0)1 …"
    // writes the national 0 after the country code, which is dropped.
    national = `0${international.slice(code.length).replace(/^0(?=\d{9}$)/, '')}`;
  }
  if (national.length !== 10) return { error: { key: 'phoneLength', subs: [national.length] } };
  if (!/^0[1-9]/.test(national)) return { error: { key: 'phonePrefix', subs: [] } };
  return { national };
}

/** "+33 1 23 45 67 89", "0033…", "01.23.45.67.89" → "0123456789"; anything else stays as typed. */
export function normalisePhone(value: string): string {
  const reading = readPhone(value);
  return 'national' in reading ? reading.national : value.trim();
}

export const checkPhone: Check = (value) => {
  const reading = readPhone(value);
  return 'error' in reading ? reading.error : null;
};

// Domain, e-mail -------------------------------------------------------------------------

export const checkDomain: Check = (value) => {
  if (value === '') return { key: 'domainEmpty', subs: [] };
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(value)?.[0];
  if (scheme) return { key: 'domainScheme', subs: [scheme] };
  const at = value.lastIndexOf('@');
  if (at >= 0) return { key: 'domainAt', subs: [value.slice(at + 1)] };
  const slash = value.indexOf('/');
  if (slash >= 0) return { key: 'domainPath', subs: [value.slice(0, slash)] };
  // Letters beyond ASCII are allowed: internationalised names (hôpital.fr) exist.
  const bad = firstBad(value, (c) => /^[\p{L}\p{N}.-]$/u.test(c));
  if (bad) return { key: 'domainCharacter', subs: [bad.character] };
  if (value.length > 253) return { key: 'domainTooLong', subs: [value.length] };
  const labels = value.split('.');
  if (labels.some((label) => label === '')) return { key: 'domainEmptyLabel', subs: [value] };
  const long = labels.find((label) => label.length > 63);
  if (long) return { key: 'domainLabelTooLong', subs: [long, long.length] };
  const hyphen = labels.find((label) => label.startsWith('-') || label.endsWith('-'));
  if (hyphen) return { key: 'domainHyphen', subs: [hyphen] };
  const tld = labels[labels.length - 1]!;
  if (labels.length < 2) return { key: 'domainNoTld', subs: [value] };
  if (!/^(\p{L}{2,}|xn--[a-z0-9-]+)$/iu.test(tld)) return { key: 'domainBadTld', subs: [tld] };
  return null;
};

export const checkEmail: Check = (value) => {
  const space = firstBad(value, (c) => !/\s/u.test(c));
  if (space) return { key: 'emailSpace', subs: [space.position] };
  const parts = value.split('@');
  if (parts.length === 1) return { key: 'emailMissingAt', subs: [] };
  if (parts.length > 2) return { key: 'emailSeveralAt', subs: [] };
  const [local, domain] = parts as [string, string];
  if (local === '') return { key: 'emailLocalEmpty', subs: [] };
  if (local.length > 64) return { key: 'emailLocalTooLong', subs: [local.length] };
  // RFC 5322 "atext" (plus letters beyond ASCII, RFC 6531); quoted local parts are not accepted by mail forms.
  const bad = firstBad(local, (c) => /^[\p{L}\p{N}.!#$%&'*+/=?^_`{|}~-]$/u.test(c));
  if (bad) return { key: 'emailCharacter', subs: [bad.character] };
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return { key: 'emailLocalDots', subs: [] };
  return checkDomain(domain);
};

// Coherence ------------------------------------------------------------------------------

type CoherenceField = 'finessEj' | 'finessEt' | 'postalCode' | 'departement';

/**
 * Postal code, département and FINESS prefixes should agree, but rules have exceptions
 * (communes served by a neighbouring département's post office, groups whose legal entity
 * sits elsewhere), so disagreements are warnings, never errors.
 */
export function coherenceWarnings(input: {
  finessEj?: string;
  finessEt?: string;
  postalCode?: string;
  departement?: string;
}): { field: CoherenceField; message: Message }[] {
  const warnings: { field: CoherenceField; message: Message }[] = [];
  const postalCode = input.postalCode && !checkPostalCode(input.postalCode) ? input.postalCode : undefined;
  const departement = input.departement && !checkDepartement(input.departement) ? input.departement : undefined;
  const postalDepartements = postalCode ? postalCodeDepartements(postalCode) : [];

  if (postalCode && departement && !postalDepartements.includes(departement))
    warnings.push({
      field: 'departement',
      message: { key: 'coherencePostalDepartement', subs: [postalCode, postalDepartements.join(' / '), departement] },
    });

  // Where the establishment is: its département when given, else what its postal code says.
  const location = departement ? [departement] : postalDepartements;
  if (location.length === 0) return warnings;
  const finessWarning = (field: 'finessEj' | 'finessEt', finess: string | undefined) => {
    if (!finess || checkFiness(finess)) return;
    const prefix = finessDepartement(finess)!;
    if (!location.includes(prefix))
      warnings.push({
        field,
        // Which field says where: the Département field, or else the postal code.
        message: departement
          ? { key: field === 'finessEt' ? 'coherenceFinessEt' : 'coherenceFinessEj', subs: [finess, prefix, departement] }
          : { key: field === 'finessEt' ? 'coherenceFinessEtPostal' : 'coherenceFinessEjPostal', subs: [finess, prefix, postalCode!, location.join(' / ')] },
      });
  };
  finessWarning('finessEt', input.finessEt);
  // A legal entity often sits in another département than its sites (groups, associations):
  // its number is compared with the address only when no site number is there to compare.
  if (!input.finessEt) finessWarning('finessEj', input.finessEj);
  return warnings;
}
