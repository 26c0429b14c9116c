/** How Balise names people and orders establishments, the same on every page and in every file. */
import type { Contact } from './schema';

/** First name, then last name. */
export const fullName = (contact: Pick<Contact, 'firstName' | 'lastName'>) => `${contact.firstName} ${contact.lastName}`;

const collator = new Intl.Collator('fr');
/** The lists' order: French, so that « Établissement » sorts with the E's. */
export const byLabel = (a: { label: string }, b: { label: string }) => collator.compare(a.label, b.label);
