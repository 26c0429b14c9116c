import { decryptText, encryptedEnvelopeSchema, encryptText, PBKDF2_ITERATIONS, passphraseStrength, WrongPassphraseError, type EncryptedEnvelope } from './crypto';

const passphrase = 'lune verte sous le pont neuf';
const secret = JSON.stringify({ label: 'CH Démo — données à protéger' });

let envelope: EncryptedEnvelope;
beforeAll(async () => {
  envelope = await encryptText(secret, passphrase);
});

/** Flips one bit of the base64 field's bytes. */
function flipped(base64: string, byte = 0): string {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  bytes[byte]! ^= 1;
  return btoa(String.fromCharCode(...bytes));
}

describe('the encrypted envelope', () => {
  it('keeps its parameters: PBKDF2-SHA-256 ≥ 600 000 iterations, random 16-byte salt, AES-GCM 256 with a 12-byte IV', async () => {
    expect(encryptedEnvelopeSchema.parse(envelope)).toEqual(envelope);
    expect(envelope.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: PBKDF2_ITERATIONS });
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(atob(envelope.kdf.salt)).toHaveLength(16);
    expect(envelope.cipher).toMatchObject({ name: 'AES-GCM', length: 256 });
    expect(atob(envelope.cipher.iv)).toHaveLength(12);
    expect(JSON.stringify(envelope)).not.toContain('Démo');
    expect(JSON.stringify(envelope)).not.toContain(passphrase);
    const again = await encryptText(secret, passphrase);
    expect(again.kdf.salt).not.toBe(envelope.kdf.salt);
    expect(again.cipher.iv).not.toBe(envelope.cipher.iv);
  });

  it('opens with the passphrase, whatever its Unicode form', async () => {
    expect(await decryptText(envelope, passphrase)).toBe(secret);
    const accented = await encryptText(secret, 'caf\u00e9 crème');
    expect(await decryptText(accented, 'cafe\u0301 crème')).toBe(secret);
  });

  it('refuses a wrong passphrase', async () => {
    await expect(decryptText(envelope, 'lune verte sous le pont Neuf')).rejects.toBeInstanceOf(WrongPassphraseError);
  });

  it('refuses tampered ciphertext, tag, IV, salt or iteration count', async () => {
    const data = atob(envelope.data);
    const tampered: EncryptedEnvelope[] = [
      { ...envelope, data: flipped(envelope.data, 0) },
      { ...envelope, data: flipped(envelope.data, data.length - 1) },
      { ...envelope, data: btoa(data.slice(0, -1)) },
      { ...envelope, cipher: { ...envelope.cipher, iv: flipped(envelope.cipher.iv) } },
      { ...envelope, kdf: { ...envelope.kdf, salt: flipped(envelope.kdf.salt) } },
      { ...envelope, kdf: { ...envelope.kdf, iterations: PBKDF2_ITERATIONS + 1 } },
    ];
    for (const candidate of tampered) {
      await expect(decryptText(candidate, passphrase)).rejects.toBeInstanceOf(WrongPassphraseError);
    }
  });

  it('refuses envelopes Balise would not write: weak or absurd iteration counts, other algorithms, short IVs, extra keys', () => {
    const invalid = [
      { ...envelope, kdf: { ...envelope.kdf, iterations: 1000 } },
      { ...envelope, kdf: { ...envelope.kdf, iterations: 1e9 } },
      { ...envelope, kdf: { ...envelope.kdf, hash: 'SHA-1' } },
      { ...envelope, cipher: { ...envelope.cipher, name: 'AES-CBC' } },
      { ...envelope, cipher: { ...envelope.cipher, iv: btoa('short') } },
      { ...envelope, data: '' },
      { ...envelope, data: 'pas du base64 !' },
      { ...envelope, passphrase },
    ];
    for (const candidate of invalid) expect(encryptedEnvelopeSchema.safeParse(candidate).success).toBe(false);
  });
});

describe('passphraseStrength', () => {
  it.each([
    ['', 'weak'],
    ['azerty', 'weak'],
    ['aaaaaaaaaaaaaaaaaaaa', 'weak'],
    ['abcdefghijklmnopqrst', 'weak'],
    ['Tr0ub4dour!', 'fair'],
    ['lune verte sous le pont', 'good'],
    ['lune verte sous le pont neuf à minuit', 'strong'],
  ] as const)('rates %j as %s', (candidate, expected) => {
    expect(passphraseStrength(candidate)).toBe(expected);
  });
});
