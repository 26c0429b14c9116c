/**
 * The establishment profile: the single source of its types, of its validation and of the
 * file format's JSON Schema. Values are stored canonical (digits without spaces, phone as
 * 10 digits): the forms and the import normalise before parsing (./normalise.ts).
 * Objects are strict: an unknown key is refused, so nothing like a password can slip in.
 */
import { z } from 'zod';
import type { Message } from '../i18n/t';
import {
  checkAdeli,
  checkDepartement,
  checkDomain,
  checkEmail,
  checkFiness,
  checkPhone,
  checkPostalCode,
  checkRpps,
  checkSiren,
  checkSiret,
  checkSiretMatchesSiren,
  type Check,
} from './identifiers';
import { lessonKinds } from './kinds';

// No eval-based fast path: extension pages forbid it and web-ext lint flags it.
z.config({ jitless: true });

export const roles = [
  'representantLegal',
  'mandataire',
  'administrateurTechnique',
  'apePlage',
  'responsableEpi',
  'responsableBalOrg',
  'gestionnaireRppsPlus',
  'dsi',
  'editeur',
  'utilisateurMedAcces',
  'utilisateurDp',
] as const;
export const cards = ['CPS', 'CPE', 'CPA', 'CDE', 'e-CPS'] as const;
export const civilities = ['madame', 'monsieur'] as const;
export const statuses = ['public', 'private'] as const;
export const categories = ['hopital', 'clinique', 'ehpad', 'esms', 'pharmacie', 'autre'] as const;
export const certificateKinds = ['PRO AUTH', 'PRO SIGN', 'PRO CONF', 'ORG', 'SERV'] as const;

export type Role = (typeof roles)[number];
export type Card = (typeof cards)[number];

/** Adds one of our messages as a zod issue; issueMessage() gives it back. */
export function report(ctx: z.RefinementCtx, problem: Message | null, path: PropertyKey[] = []) {
  if (problem) ctx.addIssue({ code: 'custom', message: problem.key, params: { subs: problem.subs ?? [] }, path });
}

const checked = (check: Check) => z.string().superRefine((value, ctx) => report(ctx, check(value)));

/**
 * Invisible and control characters (Unicode Cc, Cf): U+202E turns "CH \u202Eeimedac" into
 * "CH cademie" wherever it is shown, U+200B hides inside a name. Refused, never stripped: the
 * user sees which character, where. A multi-line text keeps its line breaks and tabs.
 */
const controlCharacter = /[\p{Cc}\p{Cf}]/u;
const controlCharacterExceptLines = /[^\P{Cc}\n\r\t]|\p{Cf}/u;

export function checkNoControlCharacter(value: string, multiline = false): Message | null {
  const found = (multiline ? controlCharacterExceptLines : controlCharacter).exec(value)?.[0];
  return found === undefined ? null : { key: 'errControlCharacter', subs: [codePointName(found)] };
}

/** "U+202E": how a character nobody can see is named. */
const codePointName = (character: string) => `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Text not yet checked, made safe to show: "CH [U+202E]eimedac". */
export const showControlCharacters = (value: string) =>
  value.replace(new RegExp(controlCharacter.source, 'gu'), (character) => `[${codePointName(character)}]`);

const text = (max: number, multiline = false) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .superRefine((value, ctx) => report(ctx, checkNoControlCharacter(value, multiline)));

export const contactSchema = z.strictObject({
  id: z.uuid(),
  civility: z.enum(civilities).optional(),
  lastName: text(100),
  firstName: text(100),
  email: checked(checkEmail).optional(),
  phone: checked(checkPhone).optional(),
  mobile: checked(checkPhone).optional(),
  jobTitle: text(120).optional(),
  profession: text(120).optional(),
  rpps: checked(checkRpps).optional(),
  adeli: checked(checkAdeli).optional(),
  card: z.enum(cards).optional(),
  roles: z.array(z.enum(roles)).max(roles.length),
});

export const certificateSchema = z
  .strictObject({
    id: z.uuid(),
    kind: z.enum(certificateKinds),
    holderContactId: z.uuid().optional(),
    obtainedOn: z.iso.date(),
    expiresOn: z.iso.date(),
  })
  .superRefine((certificate, ctx) => {
    if (certificate.expiresOn <= certificate.obtainedOn) report(ctx, { key: 'errExpiryBeforeIssue' }, ['expiresOn']);
  });

export const addressSchema = z.strictObject({
  street: text(200).optional(),
  complement: text(200).optional(),
  postalCode: checked(checkPostalCode).optional(),
  city: text(100).optional(),
  departement: checked(checkDepartement).optional(),
  region: text(100).optional(),
});

/**
 * A field the user taught (« Ce champ est : … », issue 14): on that exact origin, the field with
 * that signature (lib/autofill/lessons.ts: its label, names and section, never its position)
 * is that kind, before the lexicon is asked. `label`: what the field was called, to list it.
 */
export const lessonSchema = z
  .strictObject({
    origin: z
      .string()
      .max(300)
      .regex(/^https:\/\/[a-z0-9.-]+(?::\d+)?$/)
      .meta({ description: 'Origine exacte du portail (https://hôte), où la leçon s’applique ; jamais ailleurs.' }),
    signature: text(1000).meta({ description: 'Signature du champ : libellé, nom, id, type et titre de section normalisés (pas sa position).' }),
    label: text(200).meta({ description: 'Libellé du champ tel que la page le montrait, pour la liste des options.' }),
    kind: z.enum(lessonKinds).meta({ description: 'Ce que le champ est (un champ du profil), ou « never » : ne jamais le remplir.' }),
  })
  .meta({ description: 'Un champ appris : sur cette origine, le champ de cette signature est ce champ du profil.' });

export const establishmentSchema = z
  .strictObject({
    id: z.uuid(),
    label: text(60),
    legalName: text(200),
    status: z.enum(statuses),
    category: z.enum(categories),
    group: text(200).optional(),
    finessEj: checked(checkFiness).optional(),
    finessEt: checked(checkFiness).optional(),
    siren: checked(checkSiren).optional(),
    siret: checked(checkSiret).optional(),
    address: addressSchema,
    phone: checked(checkPhone).optional(),
    mailDomain: checked(checkDomain).optional(),
    mssDomain: checked(checkDomain).optional(),
    software: z
      .strictObject({ vendor: text(120).optional(), product: text(120).optional(), version: text(60).optional() })
      .optional(),
    orgMailbox: z
      .strictObject({ email: checked(checkEmail).optional(), description: text(500, true).optional(), service: text(200).optional() })
      .optional(),
    contacts: z.array(contactSchema).max(500),
    certificates: z.array(certificateSchema).max(1000),
    lessons: z
      .array(lessonSchema)
      .max(2000)
      .optional()
      .meta({ description: 'Champs appris par l’utilisateur (« Ce champ est : … »), voyagent avec l’établissement. Absent des fichiers anciens.' }),
    finessReadOn: z.iso
      .date()
      .optional()
      .meta({ description: 'Jour où l’établissement a été créé ou comparé d’après sa fiche de l’annuaire FINESS (« d’après l’annuaire FINESS du … »).' }),
    updatedAt: z.iso.datetime().optional(),
  })
  .superRefine((establishment, ctx) => {
    if (establishment.siret && establishment.siren)
      report(ctx, checkSiretMatchesSiren(establishment.siret, establishment.siren), ['siret']);
    const contactIds = new Set(establishment.contacts.map((c) => c.id));
    if (contactIds.size !== establishment.contacts.length) report(ctx, { key: 'errDuplicateContactId' }, ['contacts']);
    establishment.certificates.forEach((certificate, index) => {
      if (certificate.holderContactId && !contactIds.has(certificate.holderContactId))
        report(ctx, { key: 'errUnknownHolder' }, ['certificates', index, 'holderContactId']);
    });
  });

export type Contact = z.infer<typeof contactSchema>;
export type Certificate = z.infer<typeof certificateSchema>;
export type Lesson = z.infer<typeof lessonSchema>;
export type { LessonKind } from './kinds';
export type Address = z.infer<typeof addressSchema>;
export type Establishment = z.infer<typeof establishmentSchema>;

/** A validation problem located in the profile, ready to be shown next to its field. */
export interface FieldProblem {
  path: PropertyKey[];
  message: Message;
}

declare const checkedBrand: unique symbol;
/** An establishment as parseEstablishment returned it: what the write path takes without checking it again. */
export type CheckedEstablishment = Establishment & { readonly [checkedBrand]: true };

/**
 * The objects parseEstablishment returned, so that a write can tell them at run time from a
 * copy changed since (the brand alone survives a spread).
 */
const checkedRows = new WeakSet<object>();
export const wasChecked = (row: Establishment): row is CheckedEstablishment => checkedRows.has(row);

export type EstablishmentParse = { success: true; data: CheckedEstablishment } | { success: false; problems: FieldProblem[] };

/**
 * One text value at its place in an establishment ('legalName', 'address.city'), checked by that
 * field's own rule (length, characters, identifier key): a value read elsewhere (the annuaire
 * FINESS) is refused before it is offered, rather than failing the whole save.
 */
export function checkEstablishmentValue(path: string, value: string): Message | null {
  const [head, tail] = path.split('.') as [string, string | undefined];
  const outer = (establishmentSchema.shape as Record<string, z.ZodType>)[head];
  const field = tail === undefined ? outer : (outer as z.ZodObject | undefined)?.shape[tail];
  if (!field) return null;
  const parsed = field.safeParse(value, { reportInput: true });
  return parsed.success ? null : issueMessage(parsed.error.issues[0]!);
}

/** The one way to validate an establishment: with the input kept on issues, so a missing value reads "obligatoire". */
export function parseEstablishment(candidate: unknown): EstablishmentParse {
  const parsed = establishmentSchema.safeParse(candidate, { reportInput: true });
  if (!parsed.success) return { success: false, problems: toFieldProblems(parsed.error) };
  checkedRows.add(parsed.data);
  return { success: true, data: parsed.data as CheckedEstablishment };
}

/** Turns zod's issues into our French messages; built-in checks are mapped by their code. */
export function toFieldProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({ path: issue.path, message: issueMessage(issue) }));
}

const isMissing = (input: unknown) => input === undefined || input === '';

function issueMessage(issue: z.core.$ZodIssue): Message {
  switch (issue.code) {
    case 'custom': {
      const subs = (issue.params as { subs?: (string | number)[] } | undefined)?.subs ?? [];
      return { key: issue.message as Message['key'], subs };
    }
    case 'too_small':
      // Text is trimmed and needs one character: too short means empty.
      if (issue.origin === 'string') return { key: 'errRequired' };
      return { key: issue.origin === 'array' ? 'errTooFew' : 'errTooSmall', subs: [Number(issue.minimum)] };
    case 'too_big':
      return { key: issue.origin === 'string' ? 'errTooLong' : issue.origin === 'array' ? 'errTooMany' : 'errTooLarge', subs: [Number(issue.maximum)] };
    case 'invalid_type':
      if (isMissing(issue.input)) return { key: 'errRequired' };
      return { key: issue.expected === 'int' && typeof issue.input === 'number' ? 'errNotInteger' : 'errInvalidType' };
    case 'invalid_value':
      return isMissing(issue.input) ? { key: 'errRequired' } : { key: 'errInvalidChoice', subs: [issue.values.map(String).join(', ')] };
    case 'unrecognized_keys':
      return { key: 'errUnknownKeys', subs: [issue.keys.join(', ')] };
    case 'invalid_format':
      return { key: issue.format === 'date' ? 'errInvalidDate' : issue.format === 'base64' ? 'errNotBase64' : 'errInvalidFormat' };
    default:
      return { key: 'errInvalid' };
  }
}
