/**
 * The data of the benchmark: 500 establishments × 20 contacts for the options page, written
 * straight into the extension's IndexedDB (with the e2e tests' writer, test/e2e/seed.ts) or
 * given to the import as a file.
 */
import type { Page } from 'playwright-core';
import type { Contact, Establishment } from '../../lib/profile/schema';
import { OPTIONS_READY, profileSeed, throughDatabase } from '../e2e/seed';

const uuid = (a: number, b: number) => `${a.toString(16).padStart(8, '0')}-0000-4000-8000-${b.toString(16).padStart(12, '0')}`;

/** Contacts as a group's file has them: civility, names, e-mail, phone, job title (500 × 20: 2.2 MB). */
export function manyEstablishments(count: number, contactsEach: number): Establishment[] {
  return Array.from({ length: count }, (_, e) => ({
    id: uuid(e + 1, 0),
    label: `Établissement ${e + 1}`,
    legalName: `Centre hospitalier n° ${e + 1}`,
    status: 'public',
    category: 'hopital',
    address: { street: `${e + 1} avenue de la République`, postalCode: '31300', city: 'Toulouse' },
    contacts: Array.from({ length: contactsEach }, (_, c): Contact => ({
      id: uuid(e + 1, c + 1),
      civility: c % 2 ? 'monsieur' : 'madame',
      lastName: `Nom${c}`,
      firstName: `Prénom${e}`,
      email: `contact${c}@etab${e + 1}.fr`,
      phone: `05610${String(c).padStart(5, '0')}`,
      jobTitle: 'Cadre administratif',
      roles: c === 0 ? ['representantLegal'] : [],
    })),
    certificates: [],
  }));
}

/**
 * On an extension page, once Dexie has created the database: replaces every establishment
 * with `establishments`, the first one current with `me` as the user (the e2e tests' writer).
 */
export async function seedDatabase(page: Page, establishments: readonly Establishment[], me?: string): Promise<void> {
  await page.waitForSelector(OPTIONS_READY);
  const first = establishments[0];
  await page.evaluate(throughDatabase, profileSeed(establishments, { replace: ['establishments'], ...(first ? { currentId: first.id } : {}), ...(first && me ? { me: { [first.id]: me } } : {}) }));
}
