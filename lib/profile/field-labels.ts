/**
 * The name of every place in the establishment profile, keyed by its generic path: the
 * dotted path with list positions removed ('contacts.rpps' for contacts[1].rpps). The form,
 * the import's problems and the preview's differences all name fields from here.
 */
import type { MessageKey } from '../i18n/catalog';
import { keptPlaces } from './fields';

/** What a person fills in on the form: the places where kinds are kept, and those no portal asks for. */
const fieldLabels: Record<string, MessageKey> = {
  ...Object.fromEntries(keptPlaces().map((place) => [place.path, place.label])),
  label: 'fieldLabel',
  status: 'fieldStatus',
  category: 'fieldCategory',
  group: 'fieldGroup',
  'contacts.card': 'fieldCard',
  'contacts.roles': 'fieldRoles',
  'certificates.kind': 'fieldCertificateKind',
  'certificates.holderContactId': 'fieldCertificateHolder',
  'certificates.obtainedOn': 'fieldObtainedOn',
  'certificates.expiresOn': 'fieldExpiresOn',
};

/** The groups of fields, and what Balise writes itself: no control on the form shows them. */
const otherLabels: Record<string, MessageKey> = {
  id: 'importFieldId',
  updatedAt: 'importFieldUpdatedAt',
  finessReadOn: 'finessReadOnField',
  address: 'optSectionAddress',
  software: 'optSectionSoftware',
  orgMailbox: 'optSectionOrgMailbox',
  contacts: 'optSectionContacts',
  'contacts.id': 'importFieldId',
  certificates: 'optSectionCertificates',
  'certificates.id': 'importFieldId',
  lessons: 'lessonsTitle',
  'lessons.origin': 'lessonsFieldOrigin',
  'lessons.signature': 'lessonsFieldSignature',
  'lessons.label': 'lessonsFieldLabel',
  'lessons.kind': 'lessonsFieldKind',
};

/** What one item of a list is called ("Contact 2"), by the list's generic path. */
const itemLabels: Record<string, MessageKey> = { contacts: 'importFieldContact', certificates: 'importFieldCertificate' };

/** 'contacts.1.rpps' → 'contacts.rpps'. */
export const genericPath = (path: string) => path.replace(/\.\d+(?=\.|$)/g, '');

/** The label of any place in the profile: a field, a group of fields, an id or a date. */
export function labelKeyOf(path: string): MessageKey | undefined {
  const key = genericPath(path);
  return own(fieldLabels, key) ?? own(otherLabels, key);
}

/** Only the fields of the form: a problem elsewhere (a whole list, an id) has no control to point to. */
export function fieldLabelKeyOf(path: string): MessageKey | undefined {
  return own(fieldLabels, genericPath(path));
}

export function itemLabelKeyOf(listPath: string): MessageKey | undefined {
  return own(itemLabels, genericPath(listPath));
}

/** Paths come from files and pages: a key such as "constructor" must not reach the tables' prototype. */
function own(table: Record<string, MessageKey>, key: string): MessageKey | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
