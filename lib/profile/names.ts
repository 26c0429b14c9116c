/** How Balise names people and orders establishments, the same on every page and in every file. */
import type { Contact } from './schema';

/** First name, then last name. */
export const fullName = (contact: Pick<Contact, 'firstName' | 'lastName'>) => `${contact.firstName} ${contact.lastName}`;

const collator = new Intl.Collator('fr', { numeric: true, sensitivity: 'base' });
/**
 * The lists' order (the options, the popup, its first screen, the export): French, so that
 * « Établissement » sorts with the E's, and numbers as numbers — « Site 2 » before « Site 10 ».
 */
export const byLabel = (a: { label: string }, b: { label: string }) => collator.compare(a.label, b.label);
