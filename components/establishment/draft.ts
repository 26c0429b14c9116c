/**
 * The form's working copy of an establishment: every field a string, exactly as typed, so
 * that an invalid value stays on screen until corrected. It becomes a profile only through
 * normaliseProfileValue + the schema, like any other input. A stored profile's numbers come
 * in as the messages show them (shownValue): saving never rewrites them another way.
 */
import { regionOfDepartement } from '../../lib/profile/departements';
import { normaliseDigits, shownValue, sirenOfSiret } from '../../lib/profile/identifiers';
import { normaliseProfileValue } from '../../lib/profile/normalise';
import {
  parseEstablishment,
  type Certificate,
  type Contact,
  type Establishment,
  type FieldProblem,
  type Role,
} from '../../lib/profile/schema';
import { certificateExpiry } from '../../lib/profile/certificates';

export interface ContactDraft {
  id: string;
  civility: string;
  lastName: string;
  firstName: string;
  email: string;
  phone: string;
  mobile: string;
  jobTitle: string;
  profession: string;
  rpps: string;
  adeli: string;
  card: string;
  roles: Role[];
}

export interface CertificateDraft {
  id: string;
  kind: string;
  holderContactId: string;
  obtainedOn: string;
  expiresOn: string;
}

export interface EstablishmentDraft {
  id: string;
  label: string;
  legalName: string;
  status: string;
  category: string;
  group: string;
  finessEj: string;
  finessEt: string;
  siren: string;
  siret: string;
  address: { street: string; complement: string; postalCode: string; city: string; departement: string; region: string };
  phone: string;
  mailDomain: string;
  mssDomain: string;
  software: { vendor: string; product: string; version: string };
  orgMailbox: { email: string; description: string; service: string };
  contacts: ContactDraft[];
  certificates: CertificateDraft[];
}

export function emptyDraft(id: string = crypto.randomUUID()): EstablishmentDraft {
  return toDraft({ id });
}

export function newContactDraft(): ContactDraft {
  return contactToDraft({ id: crypto.randomUUID() });
}

export function newCertificateDraft(): CertificateDraft {
  return certificateToDraft({ id: crypto.randomUUID() });
}

const s = (value: string | undefined) => value ?? '';

type WithId<T> = Partial<T> & { id: string };

function contactToDraft(c: WithId<Contact>): ContactDraft {
  return {
    id: c.id,
    civility: s(c.civility),
    lastName: s(c.lastName),
    firstName: s(c.firstName),
    email: s(c.email),
    phone: shownValue('phone', s(c.phone)),
    mobile: shownValue('mobile', s(c.mobile)),
    jobTitle: s(c.jobTitle),
    profession: s(c.profession),
    rpps: s(c.rpps),
    adeli: s(c.adeli),
    card: s(c.card),
    roles: [...(c.roles ?? [])],
  };
}

function certificateToDraft(c: WithId<Certificate>): CertificateDraft {
  return {
    id: c.id,
    kind: s(c.kind),
    holderContactId: s(c.holderContactId),
    obtainedOn: s(c.obtainedOn),
    expiresOn: s(c.expiresOn),
  };
}

export function toDraft(e: WithId<Establishment>): EstablishmentDraft {
  return {
    id: e.id,
    label: s(e.label),
    legalName: s(e.legalName),
    status: s(e.status),
    category: s(e.category),
    group: s(e.group),
    finessEj: s(e.finessEj),
    finessEt: s(e.finessEt),
    siren: shownValue('siren', s(e.siren)),
    siret: shownValue('siret', s(e.siret)),
    address: {
      street: s(e.address?.street),
      complement: s(e.address?.complement),
      postalCode: s(e.address?.postalCode),
      city: s(e.address?.city),
      departement: s(e.address?.departement),
      region: s(e.address?.region),
    },
    phone: shownValue('establishmentPhone', s(e.phone)),
    mailDomain: s(e.mailDomain),
    mssDomain: s(e.mssDomain),
    software: { vendor: s(e.software?.vendor), product: s(e.software?.product), version: s(e.software?.version) },
    orgMailbox: { email: s(e.orgMailbox?.email), description: s(e.orgMailbox?.description), service: s(e.orgMailbox?.service) },
    contacts: (e.contacts ?? []).map(contactToDraft),
    certificates: (e.certificates ?? []).map(certificateToDraft),
  };
}

/** The candidate profile: normalised, with the optional groups left out when nothing was typed in them. */
export function toCandidate(draft: EstablishmentDraft): Record<string, unknown> {
  const candidate = normaliseProfileValue(draft) as Record<string, unknown>;
  for (const group of ['software', 'orgMailbox']) {
    const value = candidate[group];
    if (value && typeof value === 'object' && Object.keys(value).length === 0) delete candidate[group];
  }
  return candidate;
}

export type DraftCheck =
  | { ok: true; establishment: Establishment; problems: [] }
  | { ok: false; problems: FieldProblem[] };

export function checkDraft(draft: EstablishmentDraft): DraftCheck {
  const parsed = parseEstablishment(toCandidate(draft));
  return parsed.success ? { ok: true, establishment: parsed.data, problems: [] } : { ok: false, problems: parsed.problems };
}

/** 'contacts.0.rpps': the key shared by zod's paths and the form's fields. */
export const pathKey = (path: readonly PropertyKey[]) => path.map(String).join('.');

/**
 * The DOM id of a field. Contacts and certificates are named by their own id rather than
 * their position, so that an id stays attached to the same person when another is removed.
 */
export function fieldDomId(draft: EstablishmentDraft, key: string): string {
  const [head, index, ...rest] = key.split('.');
  if ((head === 'contacts' || head === 'certificates') && index !== undefined && /^\d+$/.test(index)) {
    const item = draft[head][Number(index)];
    if (item) return [head === 'contacts' ? 'contact' : 'certificate', item.id, ...rest].join('-');
  }
  return key.replaceAll('.', '-');
}

/** Reads a string at a dotted key ('address.postalCode', 'contacts.2.rpps'). */
export function getAt(draft: EstablishmentDraft, key: string): unknown {
  let value: unknown = draft;
  for (const part of key.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** Returns a new draft with `value` at the dotted key; untouched branches are shared. */
export function setAt(draft: EstablishmentDraft, key: string, value: unknown): EstablishmentDraft {
  const set = (node: unknown, parts: string[]): unknown => {
    const [part, ...rest] = parts;
    if (part === undefined) return value;
    if (Array.isArray(node)) {
      const copy = [...node];
      copy[Number(part)] = set(copy[Number(part)], rest);
      return copy;
    }
    const object = node as Record<string, unknown>;
    return { ...object, [part]: set(object[part], rest) };
  };
  return set(draft, key.split('.')) as EstablishmentDraft;
}

export const isSameDraft = (a: EstablishmentDraft, b: EstablishmentDraft) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A change as the user makes it, with the suggestions it carries: the région follows the
 * département, the SIREN the SIRET, the expiry the date obtained, unless the user chose them
 * already (a value that is not the previous suggestion is theirs and stays).
 */
export function applyChange(draft: EstablishmentDraft, key: string, value: string): EstablishmentDraft {
  let next = setAt(draft, key, value);
  if (key === 'siret' && (draft.siren === '' || isSirenOfSiret(draft)))
    next = setAt(next, 'siren', shownValue('siren', sirenOfSiret(value) ?? ''));
  if (key === 'address.departement') {
    const before = regionOfDepartement(draft.address.departement)?.name ?? '';
    const after = regionOfDepartement(value)?.name;
    if (after && draft.address.region === before) next = setAt(next, 'address.region', after);
  }
  // The expiry follows the date and the kind (only a PRO certificate's is proposed) until the user sets it.
  const certificate = /^certificates\.(\d+)\.(?:obtainedOn|kind)$/.exec(key);
  if (certificate) {
    const index = Number(certificate[1]);
    const [previous, updated] = [draft.certificates[index], next.certificates[index]];
    if (previous && updated && (previous.expiresOn === '' || previous.expiresOn === certificateExpiry(previous.obtainedOn, previous.kind)))
      next = setAt(next, `certificates.${index}.expiresOn`, certificateExpiry(updated.obtainedOn, updated.kind));
  }
  return next;
}

/** The SIREN field holds the one the SIRET begins with, however either is spaced. */
export const isSirenOfSiret = (draft: EstablishmentDraft) => draft.siren !== '' && normaliseDigits(draft.siren) === sirenOfSiret(draft.siret);

/** Removing a contact also clears it as a certificate holder, which would otherwise point nowhere. */
export function removeContact(draft: EstablishmentDraft, contactId: string): EstablishmentDraft {
  return {
    ...draft,
    contacts: draft.contacts.filter((c) => c.id !== contactId),
    certificates: draft.certificates.map((c) => (c.holderContactId === contactId ? { ...c, holderContactId: '' } : c)),
  };
}
