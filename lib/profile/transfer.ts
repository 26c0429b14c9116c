/**
 * Profile files passed between colleagues: the format (a public interface, documented in
 * the README and published as public/balise-profile.schema.json), building a file,
 * parsing one without ever trusting it, the preview of what an import would change, and
 * the import itself, written in one transaction.
 */
import { z } from 'zod';
import type { MessageKey } from '../i18n/catalog';
import { t, tm, type Message } from '../i18n/t';
import { decryptText, ENCRYPTED_FORMAT, ENCRYPTED_VERSION, encryptedEnvelopeSchema, encryptText, WrongPassphraseError, type EncryptedEnvelope } from './crypto';
import { db, portableIdOf, type BaliseDb, type StoredEstablishment } from './db';
import { itemLabelKeyOf, labelKeyOf } from './field-labels';
import { normaliseProfileValue } from './normalise';
import { establishmentSchema, parseEstablishment, showControlCharacters, toFieldProblems, type Establishment } from './schema';
import { copyOf, nextRevision, readSettings, revisionOf, writeSetting } from './store';

export const PROFILE_FORMAT = 'balise.profile';
export const PROFILE_VERSION = 1;
/** Checked on the file's size before reading it: a profile of hundreds of contacts stays far below. */
export const MAX_FILE_BYTES = 1024 * 1024;
const MAX_ESTABLISHMENTS = 1000;
/** The profile nests 6 levels; more is not a profile and would overflow recursive walkers. */
const MAX_DEPTH = 12;

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

/** The same envelope with establishments left unchecked, so each is reported on its own. */
const envelopeSchema = z.strictObject({ ...header, establishments: z.array(z.unknown()).max(MAX_ESTABLISHMENTS) });

// ---------------------------------------------------------------------------- build

export function buildProfileFile(establishments: readonly StoredEstablishment[], now = new Date()): ProfileFile {
  return {
    format: PROFILE_FORMAT,
    version: PROFILE_VERSION,
    exportedAt: now.toISOString(),
    // Parsed again: a stored row that no longer passes the schema must not leave in a file.
    establishments: establishments.map((row) => {
      const { managed: _managed, ...establishment } = row;
      return establishmentSchema.parse({ ...establishment, id: portableIdOf(row) });
    }),
  };
}

/** `balise-<label>-<date>.balise.json`, the label reduced to letters, digits and dashes. */
export function profileFileName(establishments: readonly Pick<Establishment, 'label'>[], now = new Date()): string {
  const [only] = establishments;
  const label = establishments.length === 1 && only ? slug(only.label) || 'profil' : `${establishments.length}-etablissements`;
  const date = [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
  return `balise-${label}-${date}.balise.json`;
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

/** The file to save: plain JSON, or its encrypted envelope when a passphrase is given. */
export async function exportProfile(
  ids: readonly string[],
  passphrase?: string,
  database: BaliseDb = db,
  now = new Date(),
): Promise<{ name: string; text: string; count: number }> {
  const rows = (await database.establishments.bulkGet([...ids])).filter((row) => row !== undefined);
  if (rows.length === 0) throw new Error('Nothing to export');
  const plain = JSON.stringify(buildProfileFile(rows, now), null, 2);
  const text = passphrase ? JSON.stringify(await encryptText(plain, passphrase), null, 2) : plain;
  return { name: profileFileName(rows, now), text, count: rows.length };
}

// ---------------------------------------------------------------------------- parse

/** Where a problem is: the file itself, or the n-th establishment (1-based) and a field in it. */
export interface FileProblem {
  establishment?: { position: number; label?: string };
  path: PropertyKey[];
  message: Message;
}

export type ParseResult =
  | { kind: 'plain'; file: ProfileFile }
  | { kind: 'encrypted'; envelope: EncryptedEnvelope }
  | { kind: 'invalid'; problems: FileProblem[] };

/** Each establishment judged on its own: the file import refuses any problem, the managed sync keeps the valid ones. */
export interface CheckedDocument {
  exportedAt: string;
  establishments: Establishment[];
  problems: FileProblem[];
}

const fileProblem = (key: MessageKey, ...subs: (string | number)[]): FileProblem => ({ path: [], message: { key, subs } });

/** Size first, so that a wrong 2 GB file is never read into memory. */
export async function readProfileFile(file: Blob): Promise<ParseResult> {
  if (file.size > MAX_FILE_BYTES) return invalid(fileProblem('importTooLarge', Math.ceil(file.size / 1024)));
  let text: string;
  try {
    text = await file.text();
  } catch {
    return invalid(fileProblem('importUnreadable'));
  }
  return parseProfileText(text);
}

export function parseProfileText(text: string): ParseResult {
  const json = parseJson(text);
  return json ? parseProfileValue(json.value) : invalid(fileProblem('importNotJson'));
}

/** null when the text is not JSON. A byte-order mark is what Windows' Notepad leaves in a hand-edited file. */
export function parseJson(text: string): { value: unknown } | null {
  try {
    return { value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch {
    return null;
  }
}

/** Never throws: every way a value can be wrong ends as problems. */
export function parseProfileValue(raw: unknown): ParseResult {
  const checked = checkProfileDocument(raw);
  if ('kind' in checked) return checked;
  if (checked.problems.length) return invalid(...checked.problems);
  return {
    kind: 'plain',
    file: { format: PROFILE_FORMAT, version: PROFILE_VERSION, exportedAt: checked.exportedAt, establishments: checked.establishments },
  };
}

export function checkProfileDocument(raw: unknown): CheckedDocument | Exclude<ParseResult, { kind: 'plain' }> {
  if (tooDeep(raw)) return invalid(fileProblem('importTooDeep'));
  if (!isRecord(raw)) return invalid(fileProblem('importNotBalise'));
  if (raw.format === ENCRYPTED_FORMAT) {
    const versionProblem = checkVersion(raw.version, ENCRYPTED_VERSION);
    if (versionProblem) return invalid(versionProblem);
    // The input is kept on issues, so that a wrong value is not taken for a missing one.
    const envelope = encryptedEnvelopeSchema.safeParse(raw, { reportInput: true });
    return envelope.success ? { kind: 'encrypted', envelope: envelope.data } : invalid(...toFieldProblems(envelope.error));
  }
  if (raw.format !== PROFILE_FORMAT) return invalid(fileProblem('importNotBalise'));
  const versionProblem = checkVersion(raw.version, PROFILE_VERSION);
  if (versionProblem) return invalid(versionProblem);
  const envelope = envelopeSchema.safeParse(raw, { reportInput: true });
  if (!envelope.success) return invalid(...toFieldProblems(envelope.error));
  if (envelope.data.establishments.length === 0) return invalid(fileProblem('importNoEstablishment'));

  const establishments: Establishment[] = [];
  const problems: FileProblem[] = [];
  const seenIds = new Set<string>();
  envelope.data.establishments.forEach((candidate, index) => {
    const where = { position: index + 1, label: labelOf(candidate) };
    const inherited = inheritedKey(candidate);
    if (inherited) {
      problems.push({ establishment: where, path: inherited.path, message: { key: 'errUnknownKeys', subs: [inherited.key] } });
      return;
    }
    const parsed = parseEstablishment(normaliseProfileValue(candidate));
    if (!parsed.success) {
      problems.push(...parsed.problems.map((problem) => ({ ...problem, establishment: where })));
    } else if (seenIds.has(parsed.data.id)) {
      problems.push({ establishment: where, path: ['id'], message: { key: 'importDuplicateId' } });
    } else {
      seenIds.add(parsed.data.id);
      establishments.push(parsed.data);
    }
  });
  return { exportedAt: envelope.data.exportedAt, establishments, problems };
}

export type DecryptResult = Exclude<ParseResult, { kind: 'encrypted' }> | { kind: 'wrongPassphrase' };

/** Opens an encrypted file; a wrong passphrase is an answer, not an error, so the user can try again. */
export async function openEncrypted(envelope: EncryptedEnvelope, passphrase: string): Promise<DecryptResult> {
  let text: string;
  try {
    text = await decryptText(envelope, passphrase);
  } catch (error) {
    if (error instanceof WrongPassphraseError) return { kind: 'wrongPassphrase' };
    throw error;
  }
  const result = parseProfileText(text);
  return result.kind === 'encrypted' ? invalid(fileProblem('importNestedEncryption')) : result;
}

function invalid(...problems: FileProblem[]): { kind: 'invalid'; problems: FileProblem[] } {
  return { kind: 'invalid', problems };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function checkVersion(version: unknown, supported: number): FileProblem | null {
  if (version === supported) return null;
  if (typeof version === 'number' && Number.isInteger(version) && version > supported)
    return fileProblem('importNewerVersion', version, supported);
  return { path: ['version'], message: { key: 'importBadVersion' } };
}

function labelOf(candidate: unknown): string | undefined {
  if (!isRecord(candidate) || typeof candidate.label !== 'string') return undefined;
  const label = candidate.label.trim();
  // Named in a message before it is checked: a U+202E in it must not reverse the message.
  return label ? showControlCharacters(Array.from(label).slice(0, 60).join('')) : undefined;
}

/**
 * A key that plain objects inherit ("__proto__", "constructor", "hasOwnProperty"…) is never
 * a profile field: refused before any code looks it up in a table of its own.
 */
function inheritedKey(value: unknown): { path: PropertyKey[]; key: string } | null {
  const pending: [unknown, PropertyKey[]][] = [[value, []]];
  while (pending.length) {
    const [item, path] = pending.pop()!;
    if (item === null || typeof item !== 'object') continue;
    for (const [key, child] of Object.entries(item)) {
      if (!Array.isArray(item) && key in Object.prototype) return { path, key };
      pending.push([child, [...path, Array.isArray(item) ? Number(key) : key]]);
    }
  }
  return null;
}

/** Iterative, so that a file of nested brackets cannot overflow the stack. */
function tooDeep(value: unknown): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length) {
    const [item, depth] = pending.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (depth >= MAX_DEPTH) return true;
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return false;
}

// ---------------------------------------------------------------------------- describe

/** The file's own keys, around the establishments, and those of the encrypted envelope. */
const fileLabels: Record<string, MessageKey> = {
  format: 'importFieldFormat',
  version: 'importFieldVersion',
  exportedAt: 'importFieldExportedAt',
  establishments: 'importFieldEstablishments',
  kdf: 'importFieldKdf',
  'kdf.name': 'importFieldAlgorithm',
  'kdf.hash': 'importFieldHash',
  'kdf.iterations': 'importFieldIterations',
  'kdf.salt': 'importFieldSalt',
  cipher: 'importFieldCipher',
  'cipher.name': 'importFieldAlgorithm',
  'cipher.length': 'importFieldKeyLength',
  'cipher.iv': 'importFieldIv',
  data: 'importFieldData',
};

/**
 * "Contacts › Contact 2 › Numéro RPPS". A number is an item's position; a string after
 * contacts/certificates that is not a field names the item (diffs match items by name).
 */
export function describePath(path: readonly PropertyKey[], inEstablishment = true): string {
  const labelKey = inEstablishment ? labelKeyOf : (key: string) => (Object.hasOwn(fileLabels, key) ? fileLabels[key] : undefined);
  const parts: string[] = [];
  /** The path walked so far, without positions nor item names: 'contacts.phone'. */
  let generic = '';
  for (const segment of path) {
    const itemKey = inEstablishment ? itemLabelKeyOf(generic) : undefined;
    if (typeof segment === 'number') {
      const previous = parts.pop();
      parts.push(itemKey ? t('importItem', t(itemKey), segment + 1) : `${previous ?? ''} ${segment + 1}`.trim());
      continue;
    }
    const name = String(segment);
    const child = generic ? `${generic}.${name}` : name;
    const key = labelKey(child);
    if (itemKey && !key) {
      parts.pop();
      parts.push(t('importItemNamed', t(itemKey), name));
      continue;
    }
    parts.push(key ? t(key) : name);
    generic = child;
  }
  return parts.join(t('importPathSeparator'));
}

/** "Établissement 2 (« CH Démo ») — SIRET : Le SIRET doit compter 14 chiffres ; vous en avez saisi 13." */
export function describeProblem(problem: FileProblem): string {
  const message = tm(problem.message);
  const { establishment } = problem;
  if (!establishment && problem.path.length === 0) return message;
  const where = !establishment
    ? t('importWhereFile')
    : establishment.label
      ? t('importWhereEstablishmentLabelled', establishment.position, establishment.label)
      : t('importWhereEstablishment', establishment.position);
  const field = describePath(problem.path, establishment !== undefined);
  return field ? t('importProblemField', where, field, message) : t('importProblemNoField', where, message);
}

// ---------------------------------------------------------------------------- preview

export type MatchBy = 'finessEt' | 'siret' | 'id';

export interface FieldDifference {
  path: PropertyKey[];
  mine?: string;
  theirs?: string;
}

export interface PreviewItem {
  imported: Establishment;
  match?: { local: StoredEstablishment; by: MatchBy };
  differences: FieldDifference[];
}

/** add: a new establishment (fresh ids if its id is taken); replace: overwrite the matched one; keep: leave it. */
export type ImportChoice = 'add' | 'replace' | 'keep';

/**
 * Matches each imported establishment with a local one: same FINESS géographique, else same
 * SIRET, else same internal id (a file that went back and forth). A local one is matched once.
 */
export function previewImport(file: ProfileFile, locals: readonly StoredEstablishment[]): PreviewItem[] {
  const claimed = new Set<string>();
  return file.establishments.map((imported) => {
    const match = findMatch(imported, locals.filter((local) => !claimed.has(local.id)));
    if (!match) return { imported, differences: [] };
    claimed.add(match.local.id);
    return { imported, match, differences: differences(match.local, imported) };
  });
}

function findMatch(imported: Establishment, locals: readonly StoredEstablishment[]): PreviewItem['match'] {
  for (const by of ['finessEt', 'siret', 'id'] as const) {
    const value = imported[by];
    const local = value === undefined ? undefined : locals.find((candidate) => candidate[by] === value);
    if (local) return { local, by };
  }
  return undefined;
}

export function choicesFor(item: PreviewItem): ImportChoice[] {
  if (!item.match) return ['add', 'keep'];
  if (item.match.local.managed) return ['keep', 'add'];
  return ['replace', 'keep', 'add'];
}

/** Nothing of the user's is overwritten unless they choose it. */
export function defaultChoice(item: PreviewItem): ImportChoice {
  return item.match ? 'keep' : 'add';
}

/**
 * Field-by-field differences; ids and update dates are bookkeeping and left out. A contact
 * or certificate on one side only is one difference, named, not one per field.
 */
export function differences(mine: Establishment, theirs: Establishment): FieldDifference[] {
  const left = flatten(mine);
  const right = flatten(theirs);
  const onBothSides = (path: PropertyKey[]) => {
    const item = JSON.stringify(path.slice(0, 2));
    return path.length < 3 || (left.has(item) && right.has(item));
  };
  const out: FieldDifference[] = [];
  for (const [key, { path }] of new Map([...left, ...right])) {
    const a = left.get(key)?.value;
    const b = right.get(key)?.value;
    if (a !== b && onBothSides(path)) out.push({ path, mine: a, theirs: b });
  }
  return out;
}

type Flat = Map<string, { path: PropertyKey[]; value: string }>;

function flatten(establishment: Establishment): Flat {
  const out: Flat = new Map();
  const put = (path: PropertyKey[], value: unknown) => {
    if (value === undefined) return;
    out.set(JSON.stringify(path), { path, value: Array.isArray(value) ? value.join(', ') : String(value) });
  };
  const { id: _id, updatedAt: _updatedAt, contacts, certificates, ...fields } = establishment;
  for (const [key, value] of Object.entries(fields)) {
    if (value !== null && typeof value === 'object') for (const [sub, v] of Object.entries(value)) put([key, sub], v);
    else put([key], value);
  }
  const contactNames = new Map<string, string>();
  for (const [name, { id: contactId, ...contact }] of named(contacts, (c) => `${c.firstName} ${c.lastName}`)) {
    contactNames.set(contactId, name);
    put(['contacts', name], name);
    for (const [key, value] of Object.entries(contact)) put(['contacts', name, key], value);
  }
  for (const [name, { id: _certificateId, holderContactId, ...certificate }] of named(
    certificates,
    (c) => `${c.kind} ${c.obtainedOn}`,
  )) {
    put(['certificates', name], name);
    for (const [key, value] of Object.entries(certificate)) put(['certificates', name, key], value);
    put(['certificates', name, 'holderContactId'], holderContactId && contactNames.get(holderContactId));
  }
  return out;
}

/** Items keyed by a readable name, numbered when two share it. */
function named<T>(items: readonly T[], nameOf: (item: T) => string): [string, T][] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const base = nameOf(item);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return [count === 1 ? base : `${base} (${count})`, item];
  });
}

// ---------------------------------------------------------------------------- apply

export interface ImportSummary {
  added: number;
  replaced: number;
  kept: number;
}

/** The import was rolled back: an establishment to replace changed or vanished after the preview. */
export class ImportConflictError extends Error {
  constructor(readonly label: string) {
    super(t('importChangedMeanwhile', label));
    this.name = 'ImportConflictError';
  }
}

/**
 * Writes the chosen actions in one transaction: any error rolls everything back — an
 * establishment to replace that is no longer at the revision the preview showed
 * (ImportConflictError, naming it), or a failing write. A replaced establishment keeps its
 * local id and gets a new revision, and "me" on this workstation is forgotten if that
 * contact is gone.
 */
export async function applyImport(
  items: readonly PreviewItem[],
  choices: readonly ImportChoice[],
  database: BaliseDb = db,
): Promise<ImportSummary> {
  if (choices.length !== items.length) throw new Error('One choice per establishment');
  return database.transaction('rw', database.establishments, database.settings, async () => {
    const summary: ImportSummary = { added: 0, replaced: 0, kept: 0 };
    for (const [index, item] of items.entries()) {
      const choice = choices[index]!;
      if (!choicesFor(item).includes(choice)) throw new Error(`Choice ${choice} not allowed here`);
      const imported = establishmentSchema.parse(item.imported);
      if (choice === 'keep') {
        summary.kept++;
      } else if (choice === 'add') {
        const taken = await database.establishments.get(imported.id);
        await database.establishments.add(taken ? copyOf(imported, imported.label) : imported);
        summary.added++;
      } else {
        const previewed = item.match!.local;
        const target = await database.establishments.get(previewed.id);
        if (!target || target.managed || revisionOf(target) !== revisionOf(previewed)) throw new ImportConflictError(previewed.label);
        await database.establishments.put({ ...imported, id: target.id, updatedAt: nextRevision(revisionOf(target)) });
        await forgetMissingMe(target.id, imported, database);
        summary.replaced++;
      }
    }
    return summary;
  });
}

async function forgetMissingMe(establishmentId: string, establishment: Establishment, database: BaliseDb) {
  const { me } = await readSettings(database);
  const contactId = me[establishmentId];
  if (contactId === undefined || establishment.contacts.some((contact) => contact.id === contactId)) return;
  const rest = { ...me };
  delete rest[establishmentId];
  await writeSetting('me', rest, database);
}
