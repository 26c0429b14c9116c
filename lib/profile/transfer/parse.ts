/**
 * Reading a profile file without ever trusting it: every way a file can be wrong ends as
 * problems (FileProblem), never as an exception, and nothing of it is looked up before it is checked.
 */
import type { MessageKey } from '../../i18n/catalog';
import type { Message } from '../../i18n/t';
import { decryptText, ENCRYPTED_FORMAT, ENCRYPTED_VERSION, encryptedEnvelopeSchema, WrongPassphraseError, type EncryptedEnvelope } from '../crypto';
import { normaliseProfileValue } from '../normalise';
import { parseEstablishment, showControlCharacters, toFieldProblems, type CheckedEstablishment } from '../schema';
import { envelopeSchema, isRecord, MAX_FILE_BYTES, PROFILE_FORMAT, PROFILE_VERSION, withCreatedIds, type CheckedProfileFile } from './format';
import { mapInSlices, yieldToPage, type Progress } from './slices';

/** The profile nests 6 levels; more is not a profile and would overflow recursive walkers. */
const MAX_DEPTH = 12;

/** Where a problem is: the file itself, or the n-th establishment (1-based) and a field in it. */
export interface FileProblem {
  establishment?: { position: number; label?: string };
  path: PropertyKey[];
  message: Message;
}

export type ParseResult =
  | { kind: 'plain'; file: CheckedProfileFile }
  | { kind: 'encrypted'; envelope: EncryptedEnvelope }
  | { kind: 'invalid'; problems: FileProblem[] };

/** Each establishment judged on its own: the file import refuses any problem, the managed sync keeps the valid ones. */
export interface CheckedDocument {
  exportedAt: string;
  establishments: CheckedEstablishment[];
  problems: FileProblem[];
}

const fileProblem = (key: MessageKey, ...subs: (string | number)[]): FileProblem => ({ path: [], message: { key, subs } });

/**
 * Size first, so that a wrong 2 GB file is never read into memory; then checked in slices
 * (`onProgress` after each), so that the page stays responsive on a group's file.
 */
export async function readProfileFile(file: Blob, onProgress?: Progress): Promise<ParseResult> {
  if (file.size > MAX_FILE_BYTES) return invalid(fileProblem('importTooLarge', Math.ceil(file.size / 1024), MAX_FILE_BYTES / 1024 / 1024));
  let text: string;
  try {
    text = await file.text();
  } catch {
    return invalid(fileProblem('importUnreadable'));
  }
  return parseProfileTextInSlices(text, onProgress);
}

/** A file's text, all at once: for small texts and tests (readProfileFile slices the work). */
export function parseProfileText(text: string): ParseResult {
  const json = parseJson(text);
  if (!json) return invalid(fileProblem('importNotJson'));
  const opened = openDocument(json.value);
  if (!('candidates' in opened)) return opened;
  return asParseResult(opened.exportedAt, opened.candidates.map(establishmentChecker(true)));
}

async function parseProfileTextInSlices(text: string, onProgress?: Progress): Promise<ParseResult> {
  const json = parseJson(text);
  if (!json) return invalid(fileProblem('importNotJson'));
  const opened = openDocument(json.value);
  if (!('candidates' in opened)) return opened;
  // JSON.parse of a group's file is a task of its own already: the first slice starts after it.
  await yieldToPage();
  return asParseResult(opened.exportedAt, await mapInSlices(opened.candidates, establishmentChecker(true), onProgress));
}

/** null when the text is not JSON. A byte-order mark is what Windows' Notepad leaves in a hand-edited file. */
export function parseJson(text: string): { value: unknown } | null {
  try {
    return { value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch {
    return null;
  }
}

/**
 * Never throws: every way a value can be wrong ends as problems. Ids are required: the DSI's
 * policy keeps each pushed establishment under its own id from one reading to the next.
 */
export function checkProfileDocument(raw: unknown): CheckedDocument | Exclude<ParseResult, { kind: 'plain' }> {
  const opened = openDocument(raw);
  if (!('candidates' in opened)) return opened;
  return collect(opened.exportedAt, opened.candidates.map(establishmentChecker(false)));
}

/**
 * The envelope checked (depth, format, version, encryption); its establishments left to
 * establishmentChecker, depth included: walking a group's whole file at once is a long task.
 */
function openDocument(raw: unknown): { exportedAt: string; candidates: unknown[] } | Exclude<ParseResult, { kind: 'plain' }> {
  if (isRecord(raw) && Array.isArray(raw.establishments) ? tooDeep({ ...raw, establishments: [] }, 0) : tooDeep(raw, 0))
    return invalid(fileProblem('importTooDeep'));
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
  return { exportedAt: envelope.data.exportedAt, candidates: envelope.data.establishments };
}

type Checked = { establishment: CheckedEstablishment } | { problems: FileProblem[] } | { tooDeep: true };

/** Where establishments sit in a file: the envelope, then its array. */
const ESTABLISHMENT_DEPTH = 2;

/**
 * Judges the n-th establishment of one file on its own, refusing an id seen before in that
 * file. `createIds`: a missing id is created (withCreatedIds) rather than refused.
 */
function establishmentChecker(createIds: boolean): (candidate: unknown, index: number) => Checked {
  const seenIds = new Set<string>();
  return (candidate, index) => {
    if (tooDeep(candidate, ESTABLISHMENT_DEPTH)) return { tooDeep: true };
    const where = { position: index + 1, label: labelOf(candidate) };
    const inherited = inheritedKey(candidate);
    if (inherited) return { problems: [{ establishment: where, path: inherited.path, message: { key: 'errUnknownKeys', subs: [inherited.key] } }] };
    const normalised = normaliseProfileValue(candidate);
    const parsed = parseEstablishment(createIds ? withCreatedIds(normalised) : normalised);
    if (!parsed.success) return { problems: parsed.problems.map((problem) => ({ ...problem, establishment: where })) };
    if (seenIds.has(parsed.data.id)) return { problems: [{ establishment: where, path: ['id'], message: { key: 'importDuplicateId' } }] };
    seenIds.add(parsed.data.id);
    return { establishment: parsed.data };
  };
}

/** A file too deep anywhere is refused as a whole, as its envelope would be. */
function collect(exportedAt: string, checked: readonly Checked[]): CheckedDocument | { kind: 'invalid'; problems: FileProblem[] } {
  const establishments: CheckedEstablishment[] = [];
  const problems: FileProblem[] = [];
  for (const item of checked) {
    if ('tooDeep' in item) return invalid(fileProblem('importTooDeep'));
    if ('establishment' in item) establishments.push(item.establishment);
    else problems.push(...item.problems);
  }
  return { exportedAt, establishments, problems };
}

/** A file is imported whole or not at all: any problem refuses it. */
function asParseResult(exportedAt: string, checked: readonly Checked[]): ParseResult {
  const collected = collect(exportedAt, checked);
  if ('kind' in collected) return collected;
  const { establishments, problems } = collected;
  if (problems.length) return invalid(...problems);
  return { kind: 'plain', file: { format: PROFILE_FORMAT, version: PROFILE_VERSION, exportedAt, establishments } };
}

export type DecryptResult = Exclude<ParseResult, { kind: 'encrypted' }> | { kind: 'wrongPassphrase' };

/**
 * Opens an encrypted file, its content checked in slices as readProfileFile does; a wrong
 * passphrase is an answer, not an error, so the user can try again.
 */
export async function openEncrypted(envelope: EncryptedEnvelope, passphrase: string, onProgress?: Progress): Promise<DecryptResult> {
  let text: string;
  try {
    text = await decryptText(envelope, passphrase);
  } catch (error) {
    if (error instanceof WrongPassphraseError) return { kind: 'wrongPassphrase' };
    throw error;
  }
  const result = await parseProfileTextInSlices(text, onProgress);
  return result.kind === 'encrypted' ? invalid(fileProblem('importNestedEncryption')) : result;
}

function invalid(...problems: FileProblem[]): { kind: 'invalid'; problems: FileProblem[] } {
  return { kind: 'invalid', problems };
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

/** Iterative, so that a file of nested brackets cannot overflow the stack. `depth`: where `value` sits in the file. */
function tooDeep(value: unknown, depth: number): boolean {
  const pending: [unknown, number][] = [[value, depth]];
  while (pending.length) {
    const [item, depth] = pending.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (depth >= MAX_DEPTH) return true;
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return false;
}

