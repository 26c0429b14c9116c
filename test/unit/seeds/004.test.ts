import { expect } from 'vitest';
import { allEntries } from '../../../lib/i18n/catalog';
import { guidanceFor } from '../../../lib/overlay/guidance';
import { findPage } from '../../../lib/portals';
import { cdeRights, declareMandataire } from '../../../lib/portals/ans-meshabilitations.portal';
import { ecpsFails, ecpsWithCard } from '../../../lib/portals/erpps.portal';
import type { SeedText } from '../../../lib/portals/schema';
import { registrationAuthority } from '../../../lib/procedures/004-prerequis.procedure';
import { buildChecklist, pageLink, questionsToAsk } from '../../../lib/procedures/checklist';
import { findProcedure } from '../../../lib/procedures/index';
import type { Answers } from '../../../lib/procedures/schema';
import { readEstablishment } from '../../../lib/profile/fields';
import { sampleEstablishment } from '../../../lib/profile/sample';
import type { Contact, Establishment } from '../../../lib/profile/schema';
import { describeSeed } from './seed-items';
import { items } from './004.items';
import { bindFrenchSpaces } from '../../../lib/i18n/typography';

const prerequis = findProcedure('004-prerequis')!;
const sample = sampleEstablishment();

/** Every question answered « yes »: the widest checklist. */
const everything: Answers = {
  hasContract: 'no',
  legalRepOrders: 'no',
  vendorInsCertificate: 'yes',
  vendorDmpCertificate: 'yes',
  staffOrdreArs: 'yes',
  staffArs: 'yes',
  staffRppsPlus: 'yes',
  inAura: 'yes',
};
const keys = (answers: Answers, establishment: Establishment = sample) => buildChecklist(prerequis, answers, establishment).map((i) => i.key);
const shown = (id: string, answers: Answers) => keys(answers).includes(id);
const item = (id: string, answers: Answers = everything) => {
  const found = buildChecklist(prerequis, answers, sample).find((i) => i.key === id);
  if (!found) throw new Error(`step ${id} is not in the checklist for ${JSON.stringify(answers)}`);
  return found;
};
/** What the user reads for a step: its title, details and what to prepare. */
const texts = (id: string, answers: Answers = everything): SeedText[] => {
  const { step } = item(id, answers);
  return [step.title, ...step.details, ...step.prepare];
};
const read = (id: string, answers: Answers = everything) =>
  texts(id, answers)
    .map((t) => t.fr)
    .join('\n');
/** The seed's own words only, not Balise's advice. */
const seedSays = (id: string, answers: Answers = everything) =>
  texts(id, answers)
    .filter((t) => !t.ref.advice)
    .map((t) => t.fr)
    .join('\n');
const advice = (id: string, answers: Answers = everything) => texts(id, answers).filter((t) => t.ref.advice);
const question = (id: string, answers: Answers = {}, establishment: Establishment = sample) =>
  questionsToAsk(prerequis, answers, establishment).find((q) => q.key === id);
const onPage = (portal: string, page: string) =>
  guidanceFor(findPage(portal, page)!, '004-prerequis')
    .instructions.map((t) => t.fr)
    .join('\n');
const pagesOf = (id: string, answers: Answers = everything) => item(id, answers).pages.map((m) => `${m.portal.id}/${m.page.id}`);
const message = (key: string) => new Map(allEntries()).get(key)!.fr;
const withStaff = (...professions: Partial<Contact>[]): Establishment => ({
  ...sample,
  contacts: [
    sample.contacts[0]!,
    ...professions.map((p, i) => ({ id: `00000000-0000-4000-8000-00000000000${i}`, lastName: 'Durand', firstName: 'Alex', roles: [], ...p })),
  ],
});
const certificatesOnly: Answers = { ...everything, vendorInsCertificate: 'yes', vendorDmpCertificate: 'yes' };
const cardsOnly: Answers = { ...everything, vendorInsCertificate: 'no', vendorDmpCertificate: 'no' };
const noStaff: Answers = { ...everything, staffOrdreArs: 'no', staffRppsPlus: 'no' };

describeSeed('004', 'Prérequis ANS, MIE et services socles', items, (check) => {
  check(1, '004 summary', () => {
    const { fr } = prerequis.summary;
    expect(fr).toMatch(/^Sept étapes/);
    for (const step of [/base FINESS/, /contrat d’adhésion/, /\(MIE\)/, /deux profils/, /quel MIE pour quel service socle/, /commande des certificats/, /déploiement des services socles/])
      expect(fr).toMatch(step);
  });

  check(2, '004 knowResources (always)', () => {
    expect(shown('knowResources', {})).toBe(true);
    const text = read('knowResources', {});
    for (const resource of ['Index des formulaires ANS', 'Démarche guidée de l’ANS', 'Guide DUI interopérable']) expect(text).toContain(resource);
    expect(item('knowResources', {}).step.title.ref.advice).toBeUndefined();
  });

  check(3, '004 checkFiness.pages → annuaire-finess/home', () => {
    expect(shown('checkFiness', {})).toBe(true);
    const [first] = item('checkFiness', {}).pages;
    expect(new URL(pageLink(first!)!).hostname).toBe('finess.esante.gouv.fr');
    expect(read('checkFiness', {})).toMatch(/annuaire FINESS/);
  });

  check(4, '004 checkFiness.details ; annuaire-finess/search instructions', () => {
    expect(read('checkFiness', {})).toMatch(/compétence unique du Conseil départemental → le Conseil départemental/);
    expect(onPage('annuaire-finess', 'search')).toMatch(/Conseil départemental → le Conseil départemental concerné/);
  });

  check(5, '004 checkFiness.details ; annuaire-finess/detail instructions', () => {
    expect(read('checkFiness', {})).toMatch(/ARS ou conjointe → la délégation départementale de l’ARS/);
    expect(onPage('annuaire-finess', 'detail')).toMatch(/ARS ou conjointe → la délégation départementale de l’ARS/);
  });

  check(6, '004 checkFiness.details', () => {
    expect(read('checkFiness', {})).toMatch(/justificatifs et un arrêté/);
  });

  check(7, '004 contract.uses (hasContract = no)', () => {
    expect(item('contract', { hasContract: 'no' }).step.uses).toEqual(['finessEj', 'siret']);
    expect(shown('contract', { hasContract: 'yes' })).toBe(false);
  });

  check(8, '004 contract.details ; annuaire-finess/search Numéro FINESS → EJ', () => {
    expect(read('contract', { hasContract: 'no' })).toMatch(/de préférence avec le FINESS juridique/);
    const rule = findPage('annuaire-finess', 'search')!.page.fields.find((f) => f.kind === 'finess')!;
    expect(rule.finess).toBe('ej');
  });

  check(9, '004 contract.prepare', () => {
    expect(item('contract', { hasContract: 'no' }).step.prepare[0]!.fr).toMatch(/carte d’identité ou passeport numérisé \(sauf avec FranceConnect\)/);
  });

  check(10, '004 contract.prepare', () => {
    expect(item('contract', { hasContract: 'no' }).step.prepare[0]!.fr).toMatch(/acte de nomination numérisé.*délégation de signature \(Kbis par exemple\)/);
  });

  check(11, '004 contract.pages → ans-contrat/contractRequest (guides only)', () => {
    expect(item('contract', { hasContract: 'no' }).step.who).toBe('representantLegal');
    expect(pagesOf('contract', { hasContract: 'no' })).toEqual(['ans-contrat/contractRequest']);
    expect(pageLink(item('contract', { hasContract: 'no' }).pages[0]!)).toBeUndefined();
    expect(onPage('ans-contrat', 'contractRequest')).toMatch(/site de l’ANS et remplissez la demande en ligne/);
  });

  check(12, '004 contract.details ; question hasContract suggested by a CDE', () => {
    expect(read('contract', { hasContract: 'no' })).toMatch(/carte CDE et ses codes arrivent par courrier/);
    expect(question('hasContract')?.suggested).toBe('yes');
    const noCde = { ...sample, contacts: sample.contacts.map((c) => ({ ...c, card: undefined })) };
    expect(question('hasContract', {}, noCde)?.suggested).toBeUndefined();
  });

  check(13, '004 chooseMie.details', () => {
    expect(read('chooseMie', {})).toMatch(/contrat signé avec l’ANS, ces MIE ouvrent l’accès aux référentiels et aux services socles/);
  });

  check(14, '004 chooseMie.title', () => {
    expect(read('chooseMie', {})).toMatch(/cartes \(du professionnel, physiques ou e-CPS, avec un lecteur\)/);
  });

  check(15, '004 chooseMie.title + details', () => {
    const text = read('chooseMie', {});
    expect(text).toMatch(/certificats \(de la structure, intégrés au DUI\)/);
    expect(text).toMatch(/qualifient l’INS et alimentent le DMP/);
  });

  check(16, '004 designateMandataire + declareTechAdmin (legalRepOrders, certificates)', () => {
    const both = buildChecklist(prerequis, { ...everything, legalRepOrders: 'no' }, sample).filter((i) => ['designateMandataire', 'declareTechAdmin'].includes(i.key));
    expect(both.map((i) => [i.key, i.doer])).toEqual([
      ['designateMandataire', 'representantLegal'],
      ['declareTechAdmin', 'representantLegal'],
    ]);
    const neither = keys({ ...cardsOnly, legalRepOrders: 'yes' });
    expect(neither).not.toContain('designateMandataire');
    expect(neither).not.toContain('declareTechAdmin');
  });

  check(60, '004 insCards, dmpCards, designateRppsPlusManager.whoIf (legalRepOrders = yes: the legal representative)', () => {
    const doers = (answers: Answers) =>
      buildChecklist(prerequis, answers, sample)
        .filter((i) => ['insCards', 'dmpCards', 'designateRppsPlusManager'].includes(i.key))
        .map((i) => [i.key, i.doer]);
    expect(doers({ ...cardsOnly, legalRepOrders: 'yes' })).toEqual([
      ['insCards', 'representantLegal'],
      ['dmpCards', 'representantLegal'],
      ['designateRppsPlusManager', 'representantLegal'],
    ]);
    expect(doers({ ...cardsOnly, legalRepOrders: 'no' })).toEqual([
      ['insCards', 'mandataire'],
      ['dmpCards', 'mandataire'],
      ['designateRppsPlusManager', 'mandataire'],
    ]);
  });

  check(17, '004 insCards.who = mandataire, cards CPE', () => {
    const { step } = item('insCards', cardsOnly);
    expect([step.who, step.cards]).toEqual(['mandataire', ['CPE']]);
  });

  check(18, '004 designateMandataire.details + forms', () => {
    expect(read('designateMandataire')).toMatch(/Sans carte CPE\u00a0: commander une carte CPE et le déclarer par le F301/);
    expect(item('designateMandataire').step.forms).toContain('f301');
  });

  check(19, '004 designateMandataire.details + forms', () => {
    expect(read('designateMandataire')).toMatch(/Professionnel de santé sans CPS\u00a0: demander sa CPS puis le F502/);
    expect(item('designateMandataire').step.forms).toContain('f502');
  });

  check(20, '004 designateMandataire.details ; ans-meshabilitations/home instructions', () => {
    // Said once, by the MesHabilitations module, and shown in the step.
    expect(item('designateMandataire').step.details).toContainEqual(declareMandataire);
    expect(read('designateMandataire')).toMatch(/déjà une carte CPE ou CPS par le portail MesHabilitations \(ou le F502\)/);
    expect(pagesOf('designateMandataire')).toContain('ans-meshabilitations/home');
    const page = onPage('ans-meshabilitations', 'home');
    expect(page).toMatch(/le représentant légal déclare mandataire un professionnel qui a déjà une carte CPE ou CPS/);
    expect(page).not.toMatch(/se déclare/);
  });

  check(21, '004 designateMandataire.details', () => {
    expect(read('designateMandataire')).toMatch(/lecteur de carte pour le mandataire/);
    expect(shown('designateMandataire', { legalRepOrders: 'yes' })).toBe(false);
  });

  check(22, '004 designateMandataire.details', () => {
    expect(read('designateMandataire')).toMatch(/celui qui a une e-CPS par le portail MesHabilitations/);
  });

  check(23, '004 declareTechAdmin.title', () => {
    expect(read('declareTechAdmin')).toMatch(/administrateur technique, chargé de retirer les certificats/);
  });

  check(24, '004 declareTechAdmin.details', () => {
    expect(read('declareTechAdmin')).toMatch(/commander une carte CPE avec le F301, ou le professionnel de santé demande sa CPS/);
  });

  check(25, '004 declareTechAdmin (forms f413, MesHabilitations, only with certificates)', () => {
    const { step } = item('declareTechAdmin', certificatesOnly);
    expect(step.forms).toContain('f413');
    expect(step.sheet413).toBe(true);
    expect(pagesOf('declareTechAdmin')).toEqual(['ans-meshabilitations/home']);
    expect(shown('declareTechAdmin', cardsOnly)).toBe(false);
  });

  check(26, '004 declareTechAdmin.details', () => {
    expect(read('declareTechAdmin')).toMatch(/Prévoir un lecteur de carte/);
  });

  check(27, '004 question legalRepOrders.help ; insCards advice', () => {
    expect(question('legalRepOrders')!.question.help!.fr).toContain(cdeRights.fr);
    expect(onPage('ans-meshabilitations', 'home')).toContain(cdeRights.fr);
    expect(item('insCards', cardsOnly).step.details).toContainEqual(cdeRights);
    const [cde] = advice('insCards', cardsOnly);
    expect(cde!.fr).toMatch(/représentant légal.*CDE/);
  });

  check(28, '004 insCertificate (vendorInsCertificate = yes)', () => {
    const { step } = item('insCertificate', certificatesOnly);
    expect(step.who).toBe('administrateurTechnique');
    expect(step.title.fr).toMatch(/1 certificat pour l’INS/);
    expect(shown('insCertificate', cardsOnly)).toBe(false);
  });

  check(29, '004 insCards (vendorInsCertificate = no) → ans-tom/home', () => {
    expect(read('insCards', cardsOnly)).toMatch(/le mandataire commande des cartes CPE/);
    expect(pagesOf('insCards', cardsOnly)).toEqual(['ans-tom/home']);
    expect(shown('insCards', certificatesOnly)).toBe(false);
  });

  check(30, '004 insCards.details', () => {
    expect(seedSays('insCards', cardsOnly)).toMatch(/CPE par le F301\u202f; un professionnel de santé peut demander sa CPS\u202f; pour un parc de cartes important, le téléservice TOM/);
  });

  check(31, '004 dmpCertificates (vendorDmpCertificate = yes)', () => {
    const { step } = item('dmpCertificates', certificatesOnly);
    expect([step.who, step.service]).toEqual(['administrateurTechnique', 'feedDmp']);
    expect(step.title.fr).toMatch(/2 certificats pour le DMP/);
    expect(shown('dmpCertificates', cardsOnly)).toBe(false);
  });

  check(32, '004 dmpCards.details (vendorDmpCertificate = no)', () => {
    const { step } = item('dmpCards', cardsOnly);
    expect([step.who, step.cards]).toEqual(['mandataire', ['CPE']]);
    expect(seedSays('dmpCards', cardsOnly)).toMatch(/F301.*demander sa CPS.*TOM/);
    expect(shown('dmpCards', certificatesOnly)).toBe(false);
  });

  check(33, '004 question staffOrdreArs ; mssMailboxes, ordreArsCards only with professionals', () => {
    expect(question('staffOrdreArs')!.question.prompt.fr).toMatch(/numéro RPPS ou ADELI/);
    expect(keys(noStaff)).not.toContain('ordreArsCards');
    expect(keys(noStaff)).not.toContain('mssMailboxes');
  });

  check(34, '004 registrationAuthority, question staffOrdreArs (help, suggestion)', () => {
    for (const profession of ['Médecin', 'Masseur-kinésithérapeute', 'Pharmacienne', 'Chirurgien-dentiste', 'Sage-femme', 'Pédicure-podologue', 'Infirmière', 'Interne'])
      expect(registrationAuthority(profession), profession).toBe('ordre');
    expect(question('staffOrdreArs')!.question.help!.fr).toMatch(/^Professions à Ordre\u00a0: médecin,/);
    expect(question('staffOrdreArs')?.suggested).toBe('yes');
    expect(question('staffOrdreArs', {}, withStaff({ profession: 'Aide-soignant' }))?.suggested).toBeUndefined();
  });

  check(35, '004 registrationAuthority, question staffArs (asked after staffOrdreArs = yes)', () => {
    for (const profession of ['Psychologue', 'Assistante sociale', 'Orthophoniste', 'Ergothérapeute', 'Psychomotricien'])
      expect(registrationAuthority(profession), profession).toBe('ars');
    expect(question('staffArs', { staffOrdreArs: 'no' })).toBeUndefined();
    expect(question('staffArs', { staffOrdreArs: 'yes' }, withStaff({ profession: 'Orthophoniste' }))?.suggested).toBe('yes');
    expect(question('staffArs', { staffOrdreArs: 'yes' }, withStaff({ adeli: '751234567' }))?.suggested).toBe('yes');
    expect(question('staffArs', { staffOrdreArs: 'yes' })?.suggested).toBeUndefined();
  });

  check(36, '004 registrationAuthority → rppsPlus ; options fieldRppsHint', () => {
    for (const profession of ['Aide-soignante', 'Secrétaire médicale', 'Accompagnant éducatif et social', 'Préparateur en pharmacie'])
      expect(registrationAuthority(profession), profession).toBe('rppsPlus');
    expect(question('staffRppsPlus', {}, withStaff({ profession: 'Secrétaire médicale' }))?.suggested).toBe('yes');
    expect(message('fieldRppsHint')).toMatch(/autres personnels.*RPPS\+/);
  });

  check(37, '004 ordreArsCards (each professional)', () => {
    const { step, assignees } = item('ordreArsCards');
    expect([step.who, assignees, step.cards]).toEqual(['eachProfessional', [], ['e-CPS', 'CPS']]);
    expect(step.title.fr).toMatch(/active sa e-CPS, et peut avoir ou demander une carte CPS/);
  });

  check(38, '004 mssMailboxes (staffOrdreArs = yes alone)', () => {
    expect(shown('mssMailboxes', { ...noStaff, staffOrdreArs: 'yes' })).toBe(true);
    expect(read('mssMailboxes')).toMatch(/créer les boîtes aux lettres MSS/);
  });

  check(39, '004 designateRppsPlusManager (staffRppsPlus = yes)', () => {
    expect(item('designateRppsPlusManager').step.who).toBe('mandataire');
    expect(shown('designateRppsPlusManager', noStaff)).toBe(false);
  });

  check(40, '004 rppsPlusEnrolment → rpps-plus/login', () => {
    const { step } = item('rppsPlusEnrolment');
    expect(step.who).toBe('gestionnaireRppsPlus');
    expect(step.title.fr).toMatch(/chacun reçoit alors son numéro RPPS/);
    expect(pagesOf('rppsPlusEnrolment')[0]).toBe('rpps-plus/login');
  });

  check(41, '004 rppsPlusEnrolment ; mssMailboxes (staffRppsPlus = yes alone)', () => {
    const text = read('rppsPlusEnrolment');
    expect(text).toMatch(/e-CPS sur téléphone mobile/);
    expect(text).toMatch(/Pas de carte physique pour cette catégorie/);
    expect(item('rppsPlusEnrolment').step.cards).toEqual(['e-CPS']);
    expect(shown('mssMailboxes', { ...noStaff, staffRppsPlus: 'yes' })).toBe(true);
  });

  check(42, '004 mssMailboxes.title', () => {
    expect(read('mssMailboxes')).toMatch(/choisir un opérateur de messagerie/);
  });

  check(43, 'ans-tom/home instructions ; 004 designateMandataire.pages', () => {
    expect(onPage('ans-tom', 'home')).toMatch(/TOM est accessible avec le profil mandataire/);
    expect(pagesOf('designateMandataire')).toEqual(['ans-meshabilitations/home', 'ans-tom/home']);
  });

  check(44, 'ans-tom/home instructions', () => {
    expect(onPage('ans-tom', 'home')).toMatch(/que des cartes CPE, pas de CPS/);
  });

  check(45, '004 checkDirectory (with professionals only)', () => {
    expect(read('checkDirectory')).toMatch(/enregistrement des professionnels dans l’annuaire santé/);
    expect(shown('checkDirectory', { ...noStaff, staffRppsPlus: 'yes' })).toBe(true);
    expect(shown('checkDirectory', noStaff)).toBe(false);
    const before = advice('checkDirectory');
    expect(before).toHaveLength(1);
    expect(before[0]!.fr).toMatch(/avant l’activation des e-CPS sans carte/);
    // … so it comes before the e-CPS activations in the checklist.
    const order = keys(everything);
    expect(order.indexOf('checkDirectory')).toBeLessThan(order.indexOf('ordreArsCards'));
    expect(order.indexOf('checkDirectory')).toBeLessThan(order.indexOf('arsProfessionals'));
  });

  check(46, '004 ordreArsCards.details', () => {
    expect(read('ordreArsCards')).toMatch(/éligibilité de chaque profession à une carte CPS physique ou à une e-CPS est donnée par un document de l’ANS/);
  });

  check(47, '004 arsProfessionals → erpps/erpps, pro-sante-connect/login ; erpps/erpps instructions', () => {
    expect(read('arsProfessionals')).toMatch(/enregistre son diplôme sur le portail eRPPS, en s’y connectant la première fois par FranceConnect/);
    expect(pagesOf('arsProfessionals')).toEqual(['erpps/erpps', 'pro-sante-connect/login']);
    expect(onPage('erpps', 'erpps')).toMatch(/connexions suivantes .* CPS ou e-CPS via Pro Santé Connect/);
  });

  check(48, '004 ordreArsCards.details', () => {
    expect(read('ordreArsCards')).toMatch(/Professions à Ordre\u00a0: la carte CPS se demande à l’Ordre, ou .* sur la page MaCPS avec sa e-CPS ou son identifiant RPPS/);
  });

  check(49, '004 arsProfessionals.details (staffArs = yes only)', () => {
    expect(read('arsProfessionals')).toMatch(/vérifier d’abord dans le tableau de l’ANS que la profession y est éligible, puis, muni de son numéro RPPS, la demander sur la page MaCPS/);
    expect(shown('arsProfessionals', { ...everything, staffArs: 'no' })).toBe(false);
  });

  check(50, '004 ordreArsCards.details ; erpps/ecps instructions', () => {
    expect(read('ordreArsCards')).toMatch(/Avec une carte CPS physique, la e-CPS s’active avec la carte et un lecteur de carte/);
    expect(onPage('erpps', 'ecps')).toContain(ecpsWithCard.fr);
    expect(onPage('pro-sante-connect', 'login')).toContain(ecpsWithCard.fr);
  });

  check(51, '004 ordreArsCards.details, rppsPlusEnrolment.details', () => {
    const withoutCard = /Sans carte physique, la e-CPS s’active avec le numéro RPPS ou ADELI et le téléphone et l’e-mail indiqués dans l’annuaire santé/;
    expect(read('ordreArsCards')).toMatch(withoutCard);
    expect(read('rppsPlusEnrolment')).toMatch(withoutCard);
  });

  check(52, '004 ordreArsCards.details ; erpps/ecps instructions', () => {
    for (const text of [read('ordreArsCards'), onPage('erpps', 'ecps')]) {
      expect(text).toMatch(/8 pour un (numéro )?RPPS/);
      expect(text).toMatch(/0 pour un (numéro )?ADELI/);
    }
  });

  check(53, '004 arsProfessionals.details (staffArs = yes only) ; erpps/erpps instructions', () => {
    expect(item('arsProfessionals').step.details).toContainEqual(ecpsFails);
    expect(read('arsProfessionals')).toMatch(/si l’activation de la e-CPS échoue.*erronées ou absentes.*eRPPS, connectés par FranceConnect/);
    // Ordre and RPPS+ staff only: nothing in their checklist sends them to eRPPS.
    const ordreOnly = buildChecklist(prerequis, { ...everything, staffArs: 'no' }, sample);
    expect(ordreOnly.filter((i) => [i.step.title, ...i.step.details].some((t) => /eRPPS/.test(t.fr))).map((i) => i.key)).toEqual([]);
    expect(ordreOnly.flatMap((i) => i.pages.map((m) => m.portal.id + '/' + m.page.id))).not.toContain('erpps/erpps');
    expect(onPage('erpps', 'erpps')).toMatch(/Professionnels sous compétence de l’ARS\u00a0: si l’activation de la e-CPS échoue/);
  });

  check(54, '004 registrationAuthority (the three lists) ; question staffArs.help', () => {
    expect(['Opticien-lunetier', 'Manipulateur d’ERM', 'Podo-orthésiste', 'Physicien médical', 'Oculiste'].map(registrationAuthority)).toEqual(['ars', 'ars', 'ars', 'ars', 'ars']);
    expect(['Pédicure-podologue', 'Assistant dentaire', 'Assistant médical', 'Coordinatrice', 'Directeur'].map(registrationAuthority)).toEqual([
      'ordre',
      'ars',
      'rppsPlus',
      'rppsPlus',
      undefined,
    ]);
    const help = question('staffArs', { staffOrdreArs: 'yes' })!.question.help!.fr;
    for (const profession of ['psychologue', 'technicien de laboratoire médical', 'chiropracteur', 'épithésiste']) expect(help).toContain(profession);
  });

  check(55, '004 question staffOrdreArs.help ; rppsPlusEnrolment.details', () => {
    expect(question('staffOrdreArs')!.question.help!.fr).toMatch(/enregistrement auprès de l’Ordre ou de l’ARS est obligatoire/);
    expect(read('rppsPlusEnrolment')).toMatch(/quand c’est utile\u00a0: il ne vise pas l’exhaustivité/);
  });

  check(56, '004 question vendorInsCertificate.help ; checkVendorConnection', () => {
    expect(question('vendorInsCertificate')!.question.help!.fr).toMatch(/certains n’ont pas développé la connexion par certificat/);
    expect(read('checkVendorConnection', {})).toMatch(/éditeur du DUI les modalités de connexion aux téléservices INSi et DMP/);
    // §6 step 1, before any mandataire, card or certificate order (step 2).
    const order = keys(everything);
    for (const later of ['designateMandataire', 'declareTechAdmin', 'insCertificate', 'dmpCertificates', 'orderCertificates'])
      expect(order.indexOf('checkVendorConnection')).toBeLessThan(order.indexOf(later));
  });

  check(57, '004 checkVendorConnection.details', () => {
    expect(read('checkVendorConnection', {})).toMatch(/réalisée par l’organisation ou déléguée à un éditeur/);
  });

  check(58, '004 orderCertificates.details (with certificates only)', () => {
    expect(read('orderCertificates')).toMatch(/administrateur technique habilité par le formulaire 413\u00a0: c’est lui qui installera/);
    expect(shown('orderCertificates', cardsOnly)).toBe(false);
  });

  check(59, '004 orderCertificates.details', () => {
    expect(seedSays('orderCertificates')).toContain(bindFrenchSpaces('« Guide des certificats »'));
  });

  check(60, '004 contract → designateMandataire (legalRepOrders = no)', () => {
    expect(question('legalRepOrders')!.question.prompt.fr).toMatch(/commande des cartes et de l’enregistrement des professionnels sur RPPS\+/);
    // The role's name, as in 003 and the profile's roles.
    expect(question('legalRepOrders')!.question.prompt.fr).toMatch(/^Le représentant légal/);
    expect(keys({ hasContract: 'no', legalRepOrders: 'no' })).toEqual(expect.arrayContaining(['contract', 'designateMandataire']));
    expect(keys({ hasContract: 'yes', legalRepOrders: 'yes' })).not.toContain('designateMandataire');
  });

  check(61, '004 insCards.title', () => {
    expect(read('insCards', cardsOnly)).toMatch(/pour les professionnels qui gèrent la qualification des identités/);
  });

  check(62, '004 orderCertificates → igc-sante', () => {
    const { step } = item('orderCertificates', { vendorInsCertificate: 'yes', vendorDmpCertificate: 'no' });
    expect(step.who).toBe('administrateurTechnique');
    expect(step.title.fr).toMatch(/transmettre à l’éditeur pour implémentation dans le DUI/);
    expect(pagesOf('orderCertificates')[0]).toBe('igc-sante/home');
  });

  check(63, '004 deployIns.title', () => {
    expect(read('deployIns', {})).toMatch(/charte d’identitovigilance/);
  });

  check(64, '004 insSelfApproval (vendorInsCertificate = yes only)', () => {
    expect(read('insSelfApproval', certificatesOnly)).toMatch(/auto-homologation/);
    expect(shown('insSelfApproval', cardsOnly)).toBe(false);
    expect(read('deployIns', cardsOnly)).not.toMatch(/auto-homologation/);
  });

  check(65, '004 deployIns.title', () => {
    expect(read('deployIns', {})).toMatch(/titres d’identité à haut niveau de confiance, qualification des identités des usagers/);
  });

  check(66, '004 question staffRppsPlus.help ; rpps-plus/login instructions', () => {
    expect(question('staffRppsPlus')!.question.help!.fr).toMatch(/nécessaire pour consulter le DMP et pour créer une MSS nominative/);
    expect(onPage('rpps-plus', 'login')).toMatch(/nécessaire pour la consultation du DMP et pour créer une MSS nominative/);
  });

  check(67, '004 collectNumbers (staffOrdreArs = yes only) ; rpps-plus/search Numéro RPPS hint', () => {
    expect(read('collectNumbers')).toMatch(/Recueillir le numéro RPPS ou ADELI de chaque professionnel de santé/);
    expect(shown('collectNumbers', { ...noStaff, staffRppsPlus: 'yes' })).toBe(false);
    expect(findPage('rpps-plus', 'search')!.page.fields[0]!.hint?.fr).toMatch(/recueillez le numéro RPPS ou ADELI/);
  });

  check(68, '004 deployDmp.title', () => {
    expect(read('deployDmp', {})).toMatch(/identifier les documents à pousser/);
  });

  check(69, '004 deployDmp.title', () => {
    expect(read('deployDmp', {})).toMatch(/informer les usagers et recueillir leur consentement pour la consultation/);
  });

  check(70, '004 deployDmp.title', () => {
    expect(read('deployDmp', {})).toMatch(/alimenter et consulter les DMP/);
  });

  check(71, '004 mssMailboxes.uses = mssDomain, details (+ BAL ORG advice)', () => {
    const { step } = item('mssMailboxes');
    expect(step.uses).toEqual(['mssDomain']);
    expect(readEstablishment('mssDomain', { ...sample, mssDomain: 'hopital-demo.mssante.fr' })).toBe('hopital-demo.mssante.fr');
    expect(readEstablishment('mssDomain', sample)).toBeUndefined();
    // Seed 004 l.342 says « chez opérateur avec RPPS »; the MSSanté domain is seed 002's (l.135): Balise's advice here.
    expect(seedSays('mssMailboxes')).toMatch(/chez l’opérateur choisi, avec le numéro RPPS/);
    expect(seedSays('mssMailboxes')).not.toMatch(/domaine/);
    expect(advice('mssMailboxes').map((t) => t.fr).join()).toMatch(/domaine MSSanté/);
    expect(advice('mssMailboxes').map((t) => t.fr).join()).toMatch(/BAL ORG/);
  });

  check(72, '004 deployMss.title (with professionals only)', () => {
    expect(read('deployMss')).toMatch(/identifier les partenaires d’échange, envoyer les MSS associées à un usager, informer les usagers/);
    expect(shown('deployMss', noStaff)).toBe(false);
  });

  check(73, '004 regionalSupport (inAura = yes) ; question inAura from the département', () => {
    expect(read('regionalSupport')).toMatch(/GCS SARA, GRADeS d’Auvergne-Rhône-Alpes.*esms\.numerique@sante-ara\.fr/);
    expect(read('regionalSupport')).toMatch(/ssi@sante-ara\.fr.*ror@sante-ara\.fr/);
    expect(shown('regionalSupport', { ...everything, inAura: 'no' })).toBe(false);
    expect(question('inAura')?.suggested).toBe('no');
    const lyon = { ...sample, address: { ...sample.address, postalCode: '69003', city: 'Lyon', departement: '69', region: 'Auvergne-Rhône-Alpes' } };
    expect(question('inAura', {}, lyon)?.suggested).toBe('yes');
  });
});
