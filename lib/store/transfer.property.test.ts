/**
 * 10 000 damaged files, plain and encrypted: the parser answers every one without
 * throwing, and every import that is refused (by the parser or by the write) leaves the
 * database exactly as it was.
 */
import fc from 'fast-check';
import { encryptText } from '../profile/crypto';
import { BaliseDb } from './db';
import { sampleEstablishment } from '../profile/sample';
import { clinic } from '../profile/transfer.fixtures';
import { buildProfileFile, choicesFor, describeProblem, parseProfileText, previewImport } from '../profile/transfer';
import { applyImport } from './profile';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every place in a JSON tree where a value sits: [parent, key]. */
function places(root: Json): [Json[] | { [key: string]: Json }, string | number][] {
  const out: [Json[] | { [key: string]: Json }, string | number][] = [];
  const walk = (node: Json) => {
    if (Array.isArray(node)) node.forEach((child, index) => (out.push([node, index]), walk(child)));
    else if (node !== null && typeof node === 'object')
      for (const [key, child] of Object.entries(node)) (out.push([node, key]), walk(child));
  };
  walk(root);
  return out;
}

const dangerousKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'managed', 'motDePasse'];

/** A corruption of the text, or of the JSON tree behind it. */
const corruption = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.string({ maxLength: 8 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('replaceValue' as const), place: fc.nat(), value: fc.jsonValue({ maxDepth: 3 }) }),
  fc.record({ kind: fc.constant('removeKey' as const), place: fc.nat() }),
  fc.record({ kind: fc.constant('addKey' as const), place: fc.nat(), key: fc.constantFrom(...dangerousKeys), value: fc.jsonValue({ maxDepth: 2 }) }),
  fc.record({ kind: fc.constant('identifier' as const), place: fc.nat(), value: fc.stringMatching(/^[0-9 AB.-]{0,16}$/) }),
);

type Corruption = typeof corruption extends fc.Arbitrary<infer C> ? C : never;

function corrupt(text: string, damage: Corruption): string {
  const at = (fraction: number) => Math.floor(fraction * text.length);
  switch (damage.kind) {
    case 'truncate':
      return text.slice(0, at(damage.at));
    case 'insert':
      return text.slice(0, at(damage.at)) + damage.text + text.slice(at(damage.at));
    case 'delete':
      return text.slice(0, at(damage.at)) + text.slice(at(damage.at) + damage.length);
    default: {
      const tree = JSON.parse(text) as Json;
      const all = places(tree);
      const [parent, key] = all[damage.place % all.length]!;
      const target = parent as Record<string | number, Json>;
      if (damage.kind === 'removeKey') {
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete target[key];
      } else if (damage.kind === 'addKey') {
        const host = target[key];
        const object = host !== null && typeof host === 'object' && !Array.isArray(host) ? host : target;
        Object.defineProperty(object, damage.key, { value: damage.value, enumerable: true, writable: true, configurable: true });
      } else {
        target[key] = damage.value as Json;
      }
      return JSON.stringify(tree);
    }
  }
}

let database: BaliseDb;
let plainText: string;
let encryptedText: string;
const seeded = [{ ...sampleEstablishment(), label: 'CH Démo' }];

async function snapshot() {
  return JSON.stringify({ establishments: await database.establishments.toArray(), settings: await database.settings.toArray() });
}

async function reset() {
  await database.transaction('rw', database.establishments, database.settings, async () => {
    await database.establishments.clear();
    await database.settings.clear();
    await database.establishments.bulkPut(JSON.parse(JSON.stringify(seeded)));
    await database.settings.put({ key: 'me', value: { [seeded[0]!.id]: seeded[0]!.contacts[0]!.id } });
  });
}

beforeAll(async () => {
  database = new BaliseDb(`transfer-property-${crypto.randomUUID()}`);
  plainText = JSON.stringify(buildProfileFile([{ ...sampleEstablishment(), label: 'CH Démo' }, clinic()]));
  // The real iteration count: corrupted envelopes are only parsed here, never decrypted.
  encryptedText = JSON.stringify(await encryptText(plainText, 'phrase de passe de test'));
  await reset();
});
afterAll(async () => {
  await database.delete();
});

describe('a damaged file', () => {
  it('is answered without throwing, and a refused import leaves the database unchanged (10 000 files)', async () => {
    const before = await snapshot();
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.boolean(), corruption, async (encrypted, damage) => {
        const text = corrupt(encrypted ? encryptedText : plainText, damage);
        const result = parseProfileText(text);
        expect(['plain', 'encrypted', 'invalid']).toContain(result.kind);
        if (result.kind === 'invalid') {
          expect(result.problems.length).toBeGreaterThan(0);
          for (const problem of result.problems) expect(describeProblem(problem)).not.toBe('');
        }
        if (result.kind !== 'plain') {
          refused++;
          expect(await snapshot()).toBe(before);
          return;
        }
        // Accepted by the parser: write it with the first choice offered for each establishment.
        const items = previewImport(result.file, await database.establishments.toArray());
        try {
          await applyImport(items, items.map((item) => choicesFor(item)[0]!), database);
        } catch {
          refused++;
          expect(await snapshot()).toBe(before);
          return;
        }
        await reset();
      }),
      { numRuns: 10_000 },
    );
    expect(refused).toBeGreaterThan(5_000);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('managed');
  }, 240_000);
});
