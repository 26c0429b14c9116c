import { sampleEstablishment } from '../../lib/profile/sample';
import {
  applyChange,
  checkDraft,
  emptyDraft,
  fieldDomId,
  newCertificateDraft,
  newContactDraft,
  removeContact,
  setAt,
  toCandidate,
  toDraft,
} from './draft';
import { certificateExpiry } from '../../lib/profile/certificates';

describe('draft ↔ profile', () => {
  it('turns a saved profile into a draft and back without loss', () => {
    const sample = sampleEstablishment();
    const check = checkDraft(toDraft(sample));
    expect(check).toMatchObject({ ok: true, establishment: sample });
  });

  it('normalises what was typed and leaves untouched groups out', () => {
    let draft = emptyDraft();
    draft = setAt(draft, 'label', '  CH Nord ');
    draft = setAt(draft, 'siret', '267 500 452 00019');
    const candidate = toCandidate(draft);
    expect(candidate).toMatchObject({ label: 'CH Nord', siret: '26750045200019', address: {} });
    expect(candidate).not.toHaveProperty('software');
    expect(candidate).not.toHaveProperty('orgMailbox');
    expect(candidate).not.toHaveProperty('group');
  });

  it('reports an empty required select as required, not as an unknown value', () => {
    const check = checkDraft(emptyDraft());
    expect(check.ok).toBe(false);
    expect(check.problems).toContainEqual({ path: ['status'], message: { key: 'errRequired' } });
    expect(check.problems).toContainEqual({ path: ['label'], message: { key: 'errRequired' } });
  });

  it('reports a 13-digit SIRET with its own message', () => {
    const draft = setAt(toDraft(sampleEstablishment()), 'siret', '2675004520001');
    expect(checkDraft(draft).problems).toEqual([{ path: ['siret'], message: { key: 'siretLength', subs: [13] } }]);
  });
});

describe('applyChange', () => {
  it('suggests the région of the chosen département, and follows it while it is the suggestion', () => {
    let draft = applyChange(emptyDraft(), 'address.departement', '29');
    expect(draft.address.region).toBe('Bretagne');
    draft = applyChange(draft, 'address.departement', '2A');
    expect(draft.address.region).toBe('Corse');
  });

  it('keeps a région the user chose', () => {
    let draft = applyChange(emptyDraft(), 'address.region', 'Normandie');
    draft = applyChange(draft, 'address.departement', '29');
    expect(draft.address.region).toBe('Normandie');
  });

  it('proposes an expiry 3 years after the date obtained, for a PRO certificate only, until the user changes it', () => {
    let draft = { ...emptyDraft(), certificates: [newCertificateDraft()] };
    draft = applyChange(draft, 'certificates.0.kind', 'ORG');
    draft = applyChange(draft, 'certificates.0.obtainedOn', '2025-06-10');
    expect(draft.certificates[0]?.expiresOn).toBe('');
    draft = applyChange(draft, 'certificates.0.kind', 'PRO SIGN');
    expect(draft.certificates[0]?.expiresOn).toBe('2028-06-10');
    draft = applyChange(draft, 'certificates.0.obtainedOn', '2025-06-11');
    expect(draft.certificates[0]?.expiresOn).toBe('2028-06-11');
    draft = applyChange(draft, 'certificates.0.expiresOn', '2027-01-01');
    draft = applyChange(draft, 'certificates.0.obtainedOn', '2025-06-12');
    expect(draft.certificates[0]?.expiresOn).toBe('2027-01-01');
  });
});

describe('certificateExpiry', () => {
  it.each([
    ['2024-01-15', '2027-01-15'],
    ['2024-02-29', '2027-02-28'],
    ['2025-12-31', '2028-12-31'],
    ['', ''],
    ['15/01/2024', ''],
  ])('%s → %s', (obtained, expected) => expect(certificateExpiry(obtained, 'PRO AUTH')).toBe(expected));

  it('proposes the 3 years for PRO certificates only, the seed’s (seed 003 l.275)', () => {
    expect(['PRO AUTH', 'PRO SIGN', 'PRO CONF', 'ORG', 'SERV'].map((kind) => certificateExpiry('2024-01-15', kind))).toEqual(['2027-01-15', '2027-01-15', '2027-01-15', '', '']);
  });
});

describe('contacts', () => {
  it('clears a removed contact from the certificates it held', () => {
    const contact = newContactDraft();
    const certificate = { ...newCertificateDraft(), holderContactId: contact.id };
    const draft = removeContact({ ...emptyDraft(), contacts: [contact], certificates: [certificate] }, contact.id);
    expect(draft.contacts).toEqual([]);
    expect(draft.certificates[0]?.holderContactId).toBe('');
  });

  it('names fields of a contact by its id, so ids survive the removal of another contact', () => {
    const [first, second] = [newContactDraft(), newContactDraft()];
    const draft = { ...emptyDraft(), contacts: [first, second] };
    expect(fieldDomId(draft, 'contacts.1.rpps')).toBe(`contact-${second.id}-rpps`);
    expect(fieldDomId(removeContact(draft, first.id), 'contacts.0.rpps')).toBe(`contact-${second.id}-rpps`);
    expect(fieldDomId(draft, 'address.postalCode')).toBe('address-postalCode');
    expect(fieldDomId(draft, 'siret')).toBe('siret');
  });
});
