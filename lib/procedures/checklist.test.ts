import { sampleEstablishment } from '../profile/sample';
import type { Contact, Establishment } from '../profile/schema';
import { readEstablishment } from '../profile/fields';
import { answersComplete, buildChecklist, happensOn, missingRoles, pageLink, pruneAnswers, questionsToAsk } from './checklist';
import { findProcedure } from './index';
import type { Answers, Procedure } from './schema';

const procedure = (id: string): Procedure => findProcedure(id)!;
const distrilog = procedure('000-distrilog');
const medAcces = procedure('001-med-acces');
const balOrg = procedure('002-medimail-bal-org');
const certificats = procedure('003-certificats-dp');
const prerequis = procedure('004-prerequis');

const keys = (p: Procedure, answers: Answers, establishment: Establishment = sampleEstablishment()) =>
  buildChecklist(p, answers, establishment).map((item) => item.key);
const asked = (p: Procedure, answers: Answers, establishment: Establishment = sampleEstablishment()) =>
  questionsToAsk(p, answers, establishment).map((q) => q.key);

describe('000 Distrilog: every path of the seed’s decision tree', () => {
  const several = { severalEstablishments: 'no' };
  it.each([
    [
      'manager has a Plage account with a profile on this establishment → only the right',
      { managerHasPlageAccount: 'yes', managerProfileHere: 'yes' },
      ['requestRight', 'adminValidates', 'openDistrilog'],
    ],
    [
      'manager has a Plage account, his profile is on another entity → a new profile here',
      { managerHasPlageAccount: 'yes', managerProfileHere: 'no' },
      ['requestProfileHere', 'adminValidates', 'openDistrilog'],
    ],
    [
      'no account, the establishment has an APE → account with the right',
      { managerHasPlageAccount: 'no', establishmentHasPlageAccount: 'yes' },
      ['managerAccount', 'adminValidates', 'openDistrilog'],
    ],
    [
      'no account, no APE, the manager is not the APE → APE first, then the manager’s account',
      { managerHasPlageAccount: 'no', establishmentHasPlageAccount: 'no', managerIsApe: 'no' },
      ['designateApe', 'apeAccount', 'managerAccount', 'adminValidates', 'openDistrilog'],
    ],
    [
      'no account, no APE, the manager becomes the APE → APE steps only',
      { managerHasPlageAccount: 'no', establishmentHasPlageAccount: 'no', managerIsApe: 'yes' },
      ['designateApe', 'apeAccount', 'openDistrilog'],
    ],
  ] as const)('%s', (_name, answers, expected) => {
    const all = { ...answers, ...several };
    expect(keys(distrilog, all)).toEqual(expected);
    expect(answersComplete(distrilog, all, sampleEstablishment())).toBe(true);
    expect(keys(distrilog, { ...all, severalEstablishments: 'yes' })).toEqual([...expected.slice(0, -1), 'otherProfiles', 'openDistrilog']);
  });

  it('asks the questions in the tree’s order, each only when its branch is reached', () => {
    expect(asked(distrilog, {})).toEqual(['managerHasPlageAccount', 'severalEstablishments']);
    expect(asked(distrilog, { managerHasPlageAccount: 'yes' })).toEqual(['managerHasPlageAccount', 'managerProfileHere', 'severalEstablishments']);
    expect(asked(distrilog, { managerHasPlageAccount: 'no' })).toEqual(['managerHasPlageAccount', 'establishmentHasPlageAccount', 'severalEstablishments']);
    expect(asked(distrilog, { managerHasPlageAccount: 'no', establishmentHasPlageAccount: 'no' })).toContain('managerIsApe');
    expect(answersComplete(distrilog, { managerHasPlageAccount: 'no', severalEstablishments: 'no' }, sampleEstablishment())).toBe(false);
  });

  it('drops the answers of a branch left after a change of mind', () => {
    const answers = { managerHasPlageAccount: 'no', establishmentHasPlageAccount: 'no', managerIsApe: 'no' };
    expect(pruneAnswers(distrilog, { ...answers, managerHasPlageAccount: 'yes' }, sampleEstablishment())).toEqual({ managerHasPlageAccount: 'yes' });
  });

  it('suggests answers from the profile: an APE exists, the manager is the APE', () => {
    const establishment = sampleEstablishment();
    const questions = questionsToAsk(distrilog, { managerHasPlageAccount: 'no', establishmentHasPlageAccount: 'no' }, establishment);
    expect(questions.find((q) => q.key === 'establishmentHasPlageAccount')?.suggested).toBe('yes');
    // In the sample, the EPI manager (Sophie Petit) is not the APE (Luc Bernard).
    expect(questions.find((q) => q.key === 'managerIsApe')?.suggested).toBe('no');
  });

  it('says who does each step, with the portal pages and the proof page', () => {
    const establishment = sampleEstablishment();
    const items = buildChecklist(distrilog, { managerHasPlageAccount: 'no', establishmentHasPlageAccount: 'no', managerIsApe: 'no' }, establishment);
    const ape = items.find((i) => i.key === 'apeAccount')!;
    expect(ape.assignees.map((c) => c.lastName)).toEqual(['Bernard']);
    expect(ape.pages[0]!.portal.id).toBe('plage');
    expect(pageLink(ape.pages[0]!)).toBe('https://plage.atih.sante.fr/');
    expect(ape.proof?.page.id).toBe('requestConfirmation');
    expect(items.find((i) => i.key === 'managerAccount')!.assignees.map((c) => c.lastName)).toEqual(['Petit']);
    expect(items.filter((i) => happensOn(i, 'plage', 'apeNone')).map((i) => i.key)).toEqual(['apeAccount']);
    expect(items.filter((i) => happensOn(i, 'plage', 'requestConfirmation')).map((i) => i.key)).toEqual(['apeAccount', 'managerAccount']);
  });
});

describe('001 MED-ACCES: one checklist per person', () => {
  const doctor: Contact = {
    id: '5a5a5a5a-1d2c-4e3b-8a9f-5c6d7e8f9a09',
    lastName: 'Durand',
    firstName: 'Paul',
    profession: 'Médecin',
    roles: ['utilisateurMedAcces'],
  };
  const establishment = { ...sampleEstablishment(), contacts: [...sampleEstablishment().contacts, doctor] };
  const pharmacist = establishment.contacts.find((c) => c.lastName === 'Petit')!;

  it('asks each person’s role and accounts, suggesting the role from the profession', () => {
    const questions = questionsToAsk(medAcces, {}, establishment);
    expect(questions.map((q) => q.key)).toEqual([
      `medAccesRole:${pharmacist.id}`,
      `medAccesRole:${doctor.id}`,
      `hasPasrelAccount:${pharmacist.id}`,
      `hasPasrelAccount:${doctor.id}`,
      `severalSites:${pharmacist.id}`,
      `severalSites:${doctor.id}`,
    ]);
    expect(questions.map((q) => q.suggested)).toEqual(['pharmacien', 'medecin', undefined, undefined, undefined, undefined]);
  });

  it('gives account + profile to a newcomer, the extra right to someone with a profile here, a profile to someone without', () => {
    const answers = {
      [`medAccesRole:${pharmacist.id}`]: 'pharmacien',
      [`hasPasrelAccount:${pharmacist.id}`]: 'yes',
      [`hasProfileHere:${pharmacist.id}`]: 'yes',
      [`medAccesRole:${doctor.id}`]: 'medecin',
      [`hasPasrelAccount:${doctor.id}`]: 'no',
      [`severalSites:${pharmacist.id}`]: 'no',
      [`severalSites:${doctor.id}`]: 'yes',
    };
    expect(answersComplete(medAcces, answers, establishment)).toBe(true);
    expect(keys(medAcces, answers, establishment)).toEqual([
      'organiseSupport',
      `createAccount:${doctor.id}`,
      `extraRight:${pharmacist.id}`,
      `otherProfiles:${doctor.id}`,
      'adminValidates',
      `checkActivation:${pharmacist.id}`,
      `checkActivation:${doctor.id}`,
      `openEPlatforms:${pharmacist.id}`,
      `openEPlatforms:${doctor.id}`,
    ]);
    const withProfileElsewhere = { ...answers, [`hasProfileHere:${pharmacist.id}`]: 'no' };
    expect(keys(medAcces, withProfileElsewhere, establishment)).toContain(`requestProfile:${pharmacist.id}`);
    const item = buildChecklist(medAcces, answers, establishment).find((i) => i.key === `extraRight:${pharmacist.id}`)!;
    expect(item.assignees).toEqual([pharmacist]);
    expect(item.pages.at(-1)!.page.id).toBe('extraHabilitation');
  });

  it('asks to add the people when nobody holds the role', () => {
    const nobody = { ...sampleEstablishment(), contacts: sampleEstablishment().contacts.map((c) => ({ ...c, roles: c.roles.filter((r) => r !== 'utilisateurMedAcces') })) };
    expect(questionsToAsk(medAcces, {}, nobody)).toEqual([]);
    expect(missing(medAcces, {}, nobody)).toEqual(['utilisateurMedAcces']);
    expect(missing(medAcces, {}, establishment)).toEqual([]);
  });
});

const missing = (p: Procedure, answers: Answers, establishment: Establishment) => missingRoles(p, answers, establishment, buildChecklist(p, answers, establishment));
/** Nobody in the profile holds any role. */
const noRoles = (): Establishment => ({ ...sampleEstablishment(), contacts: sampleEstablishment().contacts.map((c) => ({ ...c, roles: [] })) });

describe('missing roles', () => {
  it('asks only for the roles of the checklist of the current answers, not of branches it does not take', () => {
    // 000: a manager with a Plage account needs no APE appointed, so no legal representative.
    expect(missing(distrilog, { managerHasPlageAccount: 'yes', managerProfileHere: 'yes', severalEstablishments: 'no' }, noRoles())).not.toContain('representantLegal');
    expect(missing(distrilog, { managerHasPlageAccount: 'no', establishmentHasPlageAccount: 'no', managerIsApe: 'no', severalEstablishments: 'no' }, noRoles())).toContain('representantLegal');
    // 003: the vendor is not the technical admin: no editeur.
    expect(missing(certificats, { organisation: 'publicGht', hasContract: 'yes', techAdmin: 'staff', techAdminHasCard: 'yes', feedDp: 'no' }, noRoles())).not.toContain('editeur');
    expect(missing(certificats, { organisation: 'publicGht', hasContract: 'yes', techAdmin: 'vendor', techAdminHasCard: 'no', feedDp: 'no' }, noRoles())).toContain('editeur');
  });

  it('asks for a per-contact step’s people while nobody holds the role, since its questions are about them', () => {
    expect(missing(certificats, {}, noRoles())).toContain('utilisateurDp');
    const withDpUser = noRoles();
    withDpUser.contacts[0]!.roles = ['utilisateurDp'];
    expect(missing(certificats, {}, withDpUser)).not.toContain('utilisateurDp');
  });
});

describe('002 Medimail BAL ORG', () => {
  const online = ['startCreation', 'linkPersonalAccount', 'fillForm', 'validationMail', 'directoryListing', 'switchToBalOrg'];
  it('puts the personal account first, then the online creation, the validation, the 72 h wait, the switch and the users', () => {
    expect(keys(balOrg, { hasPersonalAccount: 'no', structureHasMedimail: 'yes', regionOffersMedimail: 'yes', otherUsers: 'yes' })).toEqual([
      'personalAccountFromAdmin',
      ...online,
      'addUsers',
    ]);
    expect(keys(balOrg, { hasPersonalAccount: 'no', structureHasMedimail: 'no', structureDeploysMedimail: 'no', regionOffersMedimail: 'yes', otherUsers: 'no' })).toEqual([
      'createPersonalAccount',
      ...online,
    ]);
    expect(keys(balOrg, { hasPersonalAccount: 'yes', regionOffersMedimail: 'yes', otherUsers: 'no' })).toEqual(online);
  });

  it('a structure deploying Medimail asks for its connection, and is not sent online', () => {
    const answers = { hasPersonalAccount: 'no', structureHasMedimail: 'no', structureDeploysMedimail: 'yes' };
    expect(asked(balOrg, answers)).toEqual(['hasPersonalAccount', 'structureHasMedimail', 'structureDeploysMedimail']);
    expect(keys(balOrg, answers)).toEqual(['connectionRequest']);
  });

  it('stops at the region when Medimail is not offered there', () => {
    expect(keys(balOrg, { hasPersonalAccount: 'yes', regionOffersMedimail: 'no', otherUsers: 'yes' })).toEqual(['regionUnavailable']);
    expect(keys(balOrg, { hasPersonalAccount: 'no', structureHasMedimail: 'no', structureDeploysMedimail: 'no', regionOffersMedimail: 'no' })).toEqual(['regionUnavailable']);
  });

  it('shows the profile values the form needs', () => {
    const form = buildChecklist(balOrg, { hasPersonalAccount: 'yes', regionOffersMedimail: 'yes' }, sampleEstablishment()).find((i) => i.key === 'fillForm')!;
    expect(form.step.uses.map((kind) => readEstablishment(kind, sampleEstablishment()))).toEqual([
      'pharmacie@hopital-demo.fr',
      'Pharmacie à usage intérieur, Pitié-Salpêtrière, Paris, 75013',
      '750100125',
      'Assistance Publique – Hôpitaux de Paris',
      '47-83 boulevard de l\'Hôpital',
      'Paris',
      '75013',
      'Île-de-France',
      '75',
      'Pharmacie',
      '0140275000',
    ]);
    expect(form.proof?.page.id).toBe('balOrgSubmitted');
  });
});

describe('003 DP certificates', () => {
  const base = { techAdmin: 'staff', techAdminHasCard: 'yes', feedDp: 'yes' };
  it('single site with a contract: vendor, form 413, CSR and key pair once habilitated, order AUTH and SIGN, retrieve', () => {
    expect(keys(certificats, { ...base, organisation: 'privateSingle', hasContract: 'yes' })).toEqual([
      'involveVendor',
      'form413',
      'send413',
      'csr',
      'orderAuth',
      'orderSign',
      'retrieve',
    ]);
  });

  it('GHT without contract: inventory first, one contract per site, the mandataire by form 301', () => {
    expect(keys(certificats, { ...base, organisation: 'publicGht', hasContract: 'no', mandataire: 'newCpe', feedDp: 'no' })).toEqual([
      'inventory',
      'involveVendor',
      'contractPerSite',
      'mandataireF301',
      'form413',
      'send413',
      'csr',
      'orderAuth',
      'retrieve',
    ]);
  });

  it.each([
    ['hasCard', ['mandataireF502']],
    ['needsCps', ['mandataireF502']],
    ['tom', ['mandataireTom']],
    ['eCps', ['mandataireECps']],
    ['none', []],
  ])('mandataire %s → %j; a staff technical admin without a card gets a CPE', (mandataire, steps) => {
    const list = keys(certificats, { ...base, techAdminHasCard: 'no', organisation: 'privateGroup', hasContract: 'no', mandataire });
    expect(list.filter((key) => key.startsWith('mandataire'))).toEqual(steps);
    expect(list).toContain('techAdminCard');
    expect(list).toContain('contractPerSite');
  });

  it('no mandataire role is required: the legal representative orders the technical admin’s card', () => {
    expect(missing(certificats, { ...base, techAdminHasCard: 'no', hasContract: 'no', mandataire: 'none' }, sampleEstablishment())).not.toContain('mandataire');
    const item = buildChecklist(certificats, { ...base, techAdminHasCard: 'no' }, sampleEstablishment()).find((i) => i.key === 'techAdminCard')!;
    expect(item.assignees.map((c) => c.lastName)).toEqual(['Martin']);
  });

  it('suggests the organisation and the contract from the profile', () => {
    const questions = questionsToAsk(certificats, {}, sampleEstablishment());
    expect(questions.find((q) => q.key === 'organisation')?.suggested).toBe('publicGht');
    expect(questions.find((q) => q.key === 'hasContract')?.suggested).toBe('yes');
    const privateOne = { ...sampleEstablishment(), status: 'private' as const, group: undefined };
    expect(questionsToAsk(certificats, {}, privateOne).find((q) => q.key === 'organisation')?.suggested).toBe('privateSingle');
  });
});

describe('004 prerequisites: the MIE matrix filtered by the answers', () => {
  const matrix = (answers: Answers) =>
    buildChecklist(prerequis, answers, sampleEstablishment())
      .filter((i) => i.step.service)
      .map((i) => `${i.step.service}:${i.step.id}`);

  it('vendor with certificates, staff under Ordre/ARS only', () => {
    expect(matrix({ vendorInsCertificate: 'yes', vendorDmpCertificate: 'yes', staffOrdreArs: 'yes', staffRppsPlus: 'no' })).toEqual([
      'qualifyIns:insCertificate',
      'feedDmp:dmpCertificates',
      'consultDmp:ordreArsCards',
      'exchangeMss:mssMailboxes',
      'qualifyIns:deployIns',
      'qualifyIns:insSelfApproval',
      'feedDmp:deployDmp',
      'exchangeMss:deployMss',
    ]);
  });

  it('vendor without certificates, staff to enrol in RPPS+', () => {
    expect(matrix({ vendorInsCertificate: 'no', vendorDmpCertificate: 'no', staffOrdreArs: 'no', staffRppsPlus: 'yes' })).toEqual([
      'qualifyIns:insCards',
      'feedDmp:dmpCards',
      'consultDmp:designateRppsPlusManager',
      'consultDmp:rppsPlusEnrolment',
      'exchangeMss:mssMailboxes',
      'qualifyIns:deployIns',
      'feedDmp:deployDmp',
      'exchangeMss:deployMss',
    ]);
  });

  it('the seven steps: technical admin and certificates only with certificates, mandataire only when needed', () => {
    const withCertificates = keys(prerequis, { hasContract: 'no', legalRepOrders: 'no', vendorInsCertificate: 'yes', vendorDmpCertificate: 'no', staffOrdreArs: 'no', staffRppsPlus: 'no' });
    expect(withCertificates).toEqual(expect.arrayContaining(['checkFiness', 'contract', 'chooseMie', 'designateMandataire', 'declareTechAdmin', 'checkVendorConnection', 'orderCertificates']));
    const cardsOnly = keys(prerequis, { hasContract: 'yes', legalRepOrders: 'yes', vendorInsCertificate: 'no', vendorDmpCertificate: 'no', staffOrdreArs: 'no', staffRppsPlus: 'no' });
    expect(cardsOnly).not.toContain('contract');
    expect(cardsOnly).not.toContain('designateMandataire');
    expect(cardsOnly).not.toContain('declareTechAdmin');
    expect(cardsOnly).not.toContain('orderCertificates');
    expect(cardsOnly).not.toContain('mssMailboxes');
  });

  it('each professional is the doer of the e-CPS step, nobody of the profile', () => {
    const item = buildChecklist(prerequis, { staffOrdreArs: 'yes' }, sampleEstablishment()).find((i) => i.key === 'ordreArsCards')!;
    expect(item.doer).toBe('eachProfessional');
    expect(item.assignees).toEqual([]);
    expect(item.pages.map((m) => `${m.portal.id}/${m.page.id}`)).toEqual(['erpps/ecps', 'pro-sante-connect/login']);
    expect(pageLink(item.pages[0]!)).toBeUndefined();
  });

  it('links « Vérifier la base FINESS » to the establishment’s own record: its ET’s, else its EJ’s (issue 16)', () => {
    const establishment = sampleEstablishment();
    const detail = buildChecklist(prerequis, {}, establishment).find((i) => i.key === 'checkFiness')!.pages.find((m) => m.page.id === 'detail')!;
    const record = 'https://finess.esante.gouv.fr/fininter/jsp/actionDetailEtablissement.do?noFiness=';
    expect(pageLink(detail, establishment)).toBe(`${record}${establishment.finessEt}`);
    expect(pageLink(detail, { ...establishment, finessEt: undefined })).toBe(`${record}${establishment.finessEj}`);
    expect(pageLink(detail)).toBe(detail.page.samples[0]);
  });
});
