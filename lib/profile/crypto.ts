/**
 * The encrypted envelope of a profile file: AES-GCM 256 with a key derived from a
 * passphrase by PBKDF2-SHA-256 (WebCrypto only). Every parameter travels in the envelope,
 * so a later version can raise the iteration count and still open today's files.
 * The passphrase is never stored: it lives in the caller's memory for one call.
 */
import { z } from 'zod';
import { report } from './schema';

export const ENCRYPTED_FORMAT = 'balise.profile.encrypted';
export const ENCRYPTED_VERSION = 1;
/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256; ≈ 0.2 s on an office computer. */
export const PBKDF2_ITERATIONS = 600_000;
/** A file asking for more would just freeze the page for minutes: refused. */
const MAX_ITERATIONS = 10_000_000;
const SALT_BYTES = 16;
const IV_BYTES = 12;

/** Base64 whose decoded size is checked; the message says the size expected and the size found. */
const base64Bytes = (min: number, max: number) =>
  // abort: a value that is not base64 has no size to speak of.
  z.base64({ abort: true }).superRefine((value, ctx) => {
    const length = decodedLength(value);
    if (length >= min && length <= max) return;
    if (min === max) report(ctx, { key: 'importBytesExact', subs: [min, length] });
    else if (max === Number.MAX_SAFE_INTEGER) report(ctx, { key: 'importBytesAtLeast', subs: [min, length] });
    else report(ctx, { key: 'importBytesBetween', subs: [min, max, length] });
  });

export const encryptedEnvelopeSchema = z.strictObject({
  format: z.literal(ENCRYPTED_FORMAT),
  version: z.literal(ENCRYPTED_VERSION),
  kdf: z.strictObject({
    name: z.literal('PBKDF2'),
    hash: z.literal('SHA-256'),
    iterations: z.int().min(PBKDF2_ITERATIONS).max(MAX_ITERATIONS),
    salt: base64Bytes(SALT_BYTES, 64),
  }),
  cipher: z.strictObject({
    name: z.literal('AES-GCM'),
    length: z.literal(256),
    iv: base64Bytes(IV_BYTES, IV_BYTES),
  }),
  // At least the 16-byte GCM tag.
  data: base64Bytes(16, Number.MAX_SAFE_INTEGER),
});

export type EncryptedEnvelope = z.infer<typeof encryptedEnvelopeSchema>;

/** Thrown when the passphrase does not open the file; GCM cannot tell it from a modified file. */
export class WrongPassphraseError extends Error {
  constructor() {
    super('Wrong passphrase or modified file');
    this.name = 'WrongPassphraseError';
  }
}

export async function encryptText(plaintext: string, passphrase: string): Promise<EncryptedEnvelope> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const kdf = { name: 'PBKDF2', hash: 'SHA-256', iterations: PBKDF2_ITERATIONS, salt: toBase64(salt) } as const;
  const key = await deriveKey(passphrase, salt, kdf.iterations);
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(plaintext));
  return {
    format: ENCRYPTED_FORMAT,
    version: ENCRYPTED_VERSION,
    kdf,
    cipher: { name: 'AES-GCM', length: 256, iv: toBase64(iv) },
    data: toBase64(new Uint8Array(data)),
  };
}

/** The envelope must have been validated by encryptedEnvelopeSchema. */
export async function decryptText(envelope: EncryptedEnvelope, passphrase: string): Promise<string> {
  const key = await deriveKey(passphrase, fromBase64(envelope.kdf.salt), envelope.kdf.iterations);
  let plaintext: ArrayBuffer;
  try {
    plaintext = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(envelope.cipher.iv) },
      key,
      fromBase64(envelope.data),
    );
  } catch {
    throw new WrongPassphraseError();
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(plaintext);
  } catch {
    // Authenticated yet not UTF-8: not something Balise wrote.
    throw new WrongPassphraseError();
  }
}

async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  // NFC: the same passphrase typed on a Mac and on Windows gives the same bytes.
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export type PassphraseStrength = 'weak' | 'fair' | 'good' | 'strong';

/**
 * An estimate of the guesses an attacker needs (bits), from the length and the kinds of
 * characters, discounted for repeats and for plain sequences. The export dialog shows it as the
 * user types and refuses to encrypt with a 'weak' one (« 1234 » was accepted, issue 18); the
 * other ratings only inform. Several words are long, hence rated well, which is the advice the
 * export dialog gives.
 */
export function passphraseStrength(passphrase: string): PassphraseStrength {
  const characters = Array.from(passphrase);
  const pool =
    (/[a-z]/.test(passphrase) ? 26 : 0) +
    (/[A-Z]/.test(passphrase) ? 26 : 0) +
    (/[0-9]/.test(passphrase) ? 10 : 0) +
    // Spaces between words add length, not a new kind of character.
    (/[^a-zA-Z0-9 ]/.test(passphrase) ? 33 : 0);
  let effective = 0;
  characters.forEach((character, index) => {
    const previous = characters[index - 1];
    const repeated = previous === character;
    const sequential = previous !== undefined && Math.abs(character.codePointAt(0)! - previous.codePointAt(0)!) === 1;
    effective += repeated || sequential ? 0.25 : 1;
  });
  const bits = effective * Math.log2(Math.max(pool, 1));
  if (bits < 50) return 'weak';
  if (bits < 75) return 'fair';
  if (bits < 110) return 'good';
  return 'strong';
}

function decodedLength(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return (base64.length / 4) * 3 - padding;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // Chunks keep String.fromCharCode's argument list short on a 1 MB file.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
