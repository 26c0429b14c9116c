/**
 * Seed 004 (GCS SARA's prerequisites webinar for ESMS): the seven steps, and the "which MIE
 * for which service socle" matrix (qualify INS, feed DMP, consult DMP, MSS exchange) filtered
 * by the answers: does the DUI vendor use certificates, which professionals get their
 * RPPS/ADELI from an Ordre or the ARS, who must be enrolled in RPPS+ by the employer.
 * The contacts' professions suggest those answers, through the seed's table of registration
 * authorities.
 */
import { ifOutOfDate } from '../portals/annuaire-finess.portal';
import { cdeRights, declareMandataire } from '../portals/ans-meshabilitations.portal';
import { ecpsFails, ecpsWithCard, ecpsWithoutCard } from '../portals/erpps.portal';
import { baliseAdvice, fromSeed } from '../portals/schema';
import { regionOfDepartement } from '../profile/departements';
import type { Contact, Establishment } from '../profile/schema';
import { defineProcedure, yesNo, type Condition } from './schema';

const s1 = '1. Vérifier la base FINESS';
const s2 = '2. Contrat d’adhésion et déclaration du responsable légal';
const s3 = '3. Les différents Moyens d’Identification Electronique';
const s4 = '4. Obtenir les MIE : deux profils';
const s5 = '5. Quel MIE pour quel service socle ?';
const s5bis = 'Quel MIE pour quel professionnel ?';
const s6 = '6. Commander les certificats (INS et DMP)';
const s7 = '7. Déploiement des services socles';
const focus = 'Les prérequis - FOCUS';
const support = 'Accompagnement aux établissements et services médico-sociaux (ESMS)';
const anyCertificate: Condition = [{ vendorInsCertificate: ['yes'] }, { vendorDmpCertificate: ['yes'] }];
const anyProfessional: Condition = [{ staffOrdreArs: ['yes'] }, { staffRppsPlus: ['yes'] }];

/**
 * Who gives a profession its number, from the seed's « autorités d'enregistrement » table
 * (l.226-269), matched on the start of the profession as the profile writes it (accents,
 * case, hyphens and feminine endings aside). The RPPS+ list is the seed's, which ends in « … ».
 */
const registrationAuthorities = {
  ordre: /^(?:medecin|masseu(?:r|se) kinesitherapeute|kine|pharmacien|chirurgien(?:ne)? dentiste|dentiste|sage femme|pedicure podologue|interne|etudiant|infirmi)/,
  ars: /^(?:psychologue|technicien(?:ne)? (?:de )?lab|assistante? (?:de service )?social|opticien|manipulat|osteopathe|assistante? dentaire|orthophoniste|psychotherapeute|psychomotricien|dieteticien|ergotherapeute|orthoptiste|audioprothesiste|orthopediste|chiropract|orthoprothesiste|podo orthesiste|physicien(?:ne)? medical|epithesiste|oculiste)/,
  rppsPlus: /^(?:accompagnante? educati|aide medico psychologique|aide soignante?|assistante? medical|coordinat|gestionnaire de cas|mandataire judiciaire|preparat(?:eur|rice) en pharmacie|secretaire medical)/,
} as const;
export type RegistrationAuthority = keyof typeof registrationAuthorities;

const plainWords = (text: string) =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]+/g, ' ').trim();

export function registrationAuthority(profession: string): RegistrationAuthority | undefined {
  const words = plainWords(profession);
  return (Object.keys(registrationAuthorities) as RegistrationAuthority[]).find((authority) => registrationAuthorities[authority].test(words));
}

/** A contact's authority: by profession, else an ADELI number (given by the ARS, l.168). */
function authorityOf(contact: Contact): RegistrationAuthority | undefined {
  return (contact.profession && registrationAuthority(contact.profession)) || (contact.adeli ? 'ars' : undefined);
}
const someoneUnder = (establishment: Establishment, ...authorities: RegistrationAuthority[]) =>
  establishment.contacts.some((contact) => {
    const authority = authorityOf(contact);
    return authority !== undefined && authorities.includes(authority);
  });

/** Seed 004 names its GRADeS's region: the code of Auvergne-Rhône-Alpes. */
const aura = '84';

const cardOptions = fromSeed(
  '004',
  s5,
  'Cartes physiques CPE par le F301 ; un professionnel de santé peut demander sa CPS ; pour un parc de cartes important, le téléservice TOM (cartes CPE seulement).',
  'Physical CPE cards with F301; a health professional may request their CPS; for a large card fleet, the TOM teleservice (CPE cards only).',
);
const cdeOrders = baliseAdvice(
  '004',
  s4,
  'Sans mandataire désigné, c’est le représentant légal qui les commande, avec sa carte CDE.',
  'Without an appointed mandataire, the legal representative orders them, with the CDE card.',
);
const eligibility = fromSeed(
  '004',
  s5bis,
  'L’éligibilité de chaque profession à une carte CPS physique ou à une e-CPS est donnée par un document de l’ANS.',
  'Whether each profession may have a physical CPS card or an e-CPS is given in an ANS document.',
);
/** Seed 004: after the first FranceConnect login, eRPPS is entered « avec la CPS ou e-cps par ProSanteConnect ». */
const proSanteConnect = { portal: 'pro-sante-connect', page: 'login' };

export default defineProcedure({
  id: '004-prerequis',
  seed: '004',
  title: { fr: 'Prérequis : contrat ANS, MIE et services socles', en: 'Prerequisites: ANS contract, MIE and core services' },
  summary: fromSeed(
    '004',
    'Prérequis : les étapes principales',
    'Sept étapes : vérifier la base FINESS, le contrat d’adhésion et le représentant légal, les moyens d’identification électronique (MIE), les deux profils, quel MIE pour quel service socle, la commande des certificats, le déploiement des services socles.',
    'Seven steps: check the FINESS record, the adhesion contract and legal representative, the electronic identification means (MIE), the two profiles, which MIE for which core service, ordering certificates, deploying the core services.',
  ),
  questions: [
    {
      id: 'hasContract',
      prompt: fromSeed('004', s2, 'La structure a-t-elle déjà signé le contrat d’adhésion avec l’ANS (carte CDE reçue) ?', 'Has the structure already signed the ANS adhesion contract (CDE card received)?'),
      choices: yesNo,
      suggest: (establishment) => (establishment.contacts.some((c) => c.roles.includes('representantLegal') && c.card === 'CDE') ? 'yes' : undefined),
    },
    {
      id: 'legalRepOrders',
      prompt: fromSeed(
        '004',
        s6,
        'Le représentant légal se chargera-t-il lui-même de la commande des cartes et de l’enregistrement des professionnels sur RPPS+ ?',
        'Will the legal representative personally order the cards and register the staff in RPPS+?',
      ),
      help: fromSeed(
        '004',
        s4,
        `Sinon, il désigne un mandataire. ${cdeRights.fr}`,
        `If not, they appoint a mandataire. ${cdeRights.en}`,
      ),
      choices: yesNo,
    },
    {
      id: 'vendorInsCertificate',
      prompt: fromSeed('004', s5, 'L’éditeur de votre DUI propose-t-il de qualifier l’INS avec un certificat ?', 'Does your DUI vendor offer to qualify the INS with a certificate?'),
      help: fromSeed(
        '004',
        s6,
        'Vérifiez les modalités de connexion au téléservice INSi avec l’éditeur : certains n’ont pas développé la connexion par certificat.',
        'Check with the vendor how it connects to the INSi teleservice: some have not built certificate connections.',
      ),
      choices: yesNo,
    },
    {
      id: 'vendorDmpCertificate',
      prompt: fromSeed('004', s5, 'L’éditeur propose-t-il d’alimenter le DMP avec des certificats ?', 'Does the vendor offer to feed the DMP with certificates?'),
      choices: yesNo,
    },
    {
      id: 'staffOrdreArs',
      prompt: fromSeed(
        '004',
        s5,
        'Des professionnels de la structure reçoivent-ils leur numéro RPPS ou ADELI d’un Ordre ou de l’ARS (médecin, infirmier, pharmacien, psychologue, ergothérapeute, orthophoniste…) ?',
        'Do some of your staff get their RPPS or ADELI number from an Ordre or the ARS (physician, nurse, pharmacist, psychologist, occupational therapist, speech therapist…)?',
      ),
      help: fromSeed(
        '004',
        s5bis,
        'Professions à Ordre : médecin, masseur-kinésithérapeute, pharmacien, chirurgien-dentiste, sage-femme, pédicure-podologue, infirmier, interne ou étudiant remplaçant. L’enregistrement auprès de l’Ordre ou de l’ARS est obligatoire.',
        'Professions with an Ordre: physician, physiotherapist, pharmacist, dental surgeon, midwife, podiatrist, nurse, intern or replacing student. Registration with the Ordre or the ARS is mandatory.',
      ),
      choices: yesNo,
      // A contact whose profession is not in the seed's table still counts by an RPPS number.
      suggest: (establishment) =>
        someoneUnder(establishment, 'ordre', 'ars') || establishment.contacts.some((c) => c.rpps && !authorityOf(c)) ? 'yes' : undefined,
    },
    {
      id: 'staffArs',
      prompt: fromSeed(
        '004',
        s5bis,
        'Parmi eux, certains exercent-ils une profession à autorité ARS (psychologue, orthophoniste, ergothérapeute, diététicien…) ?',
        'Among them, do some practise an ARS-authority profession (psychologist, speech therapist, occupational therapist, dietitian…)?',
      ),
      help: fromSeed(
        '004',
        s5bis,
        'Professions à autorité ARS : psychologue, technicien de laboratoire médical, assistant de service social, opticien-lunetier, manipulateur d’ERM, ostéopathe, assistant dentaire, orthophoniste, psychothérapeute, psychomotricien, diététicien, ergothérapeute, orthoptiste, audioprothésiste, orthopédiste-orthésiste, chiropracteur, orthoprothésiste, podo-orthésiste, physicien médical, épithésiste, oculiste.',
        'ARS-authority professions: psychologist, medical lab technician, social worker, optician, radiographer, osteopath, dental assistant, speech therapist, psychotherapist, psychomotor therapist, dietitian, occupational therapist, orthoptist, hearing-aid specialist, orthotist, chiropractor, prosthetist, podo-orthotist, medical physicist, epithesist, ocularist.',
      ),
      choices: yesNo,
      askIf: [{ staffOrdreArs: ['yes'] }],
      suggest: (establishment) => (someoneUnder(establishment, 'ars') ? 'yes' : undefined),
    },
    {
      id: 'staffRppsPlus',
      prompt: fromSeed(
        '004',
        s5,
        'D’autres personnels (aide-soignant, accompagnant éducatif et social, secrétaire médical, coordinateur…) doivent-ils consulter le DMP ou échanger par MSS ?',
        'Must other staff (care assistant, social support worker, medical secretary, coordinator…) consult the DMP or exchange through MSS?',
      ),
      help: fromSeed(
        '004',
        s7,
        'L’enregistrement au RPPS+ par l’employeur est nécessaire pour consulter le DMP et pour créer une MSS nominative.',
        'Enrolment in RPPS+ by the employer is needed to consult the DMP and to create a nominative MSS.',
      ),
      choices: yesNo,
      suggest: (establishment) => (someoneUnder(establishment, 'rppsPlus') ? 'yes' : undefined),
    },
    {
      id: 'inAura',
      prompt: fromSeed(
        '004',
        support,
        'La structure est-elle en Auvergne-Rhône-Alpes, où le GCS SARA, GRADeS de la région, accompagne les ESMS ?',
        'Is the structure in Auvergne-Rhône-Alpes, where GCS SARA, the regional GRADeS, supports social-care services?',
      ),
      choices: yesNo,
      suggest: ({ address }) => {
        const region = address.departement ? regionOfDepartement(address.departement)?.code : undefined;
        return region === undefined ? undefined : region === aura ? 'yes' : 'no';
      },
    },
  ],
  steps: [
    {
      id: 'knowResources',
      who: 'me',
      title: fromSeed(
        '004',
        focus,
        'Garder sous la main les trois ressources de l’ANS : l’Index des formulaires ANS, la Démarche guidée de l’ANS et le Guide DUI interopérable.',
        'Keep the three ANS resources at hand: the ANS forms index, the ANS guided procedure and the interoperable DUI guide.',
      ),
    },
    {
      id: 'checkFiness',
      who: 'me',
      title: fromSeed('004', s1, 'Vérifier la fiche de la structure dans l’annuaire FINESS.', 'Check the structure’s record in the FINESS directory.'),
      // Said once, where the record is read: the guide on the record page says it too.
      details: [ifOutOfDate],
      uses: ['finessEj', 'finessEt', 'legalName'],
      pages: [
        { portal: 'annuaire-finess', page: 'home' },
        { portal: 'annuaire-finess', page: 'search' },
        { portal: 'annuaire-finess', page: 'detail' },
      ],
    },
    {
      id: 'contract',
      who: 'representantLegal',
      title: fromSeed('004', s2, 'Remplir en ligne la demande de contrat d’adhésion sur le site de l’ANS.', 'Fill in the adhesion contract request online on the ANS site.'),
      details: [
        fromSeed('004', s2, 'Contractualisez de préférence avec le FINESS juridique.', 'Preferably contract with the legal FINESS.'),
        fromSeed('004', s2, 'L’étape est terminée quand la carte CDE et ses codes arrivent par courrier.', 'The step ends when the CDE card and its codes arrive by post.'),
      ],
      prepare: [
        fromSeed(
          '004',
          s2,
          'Votre carte d’identité ou passeport numérisé (sauf avec FranceConnect) et l’acte de nomination numérisé vous désignant représentant légal, ou l’acte de délégation de signature (Kbis par exemple).',
          'Your scanned ID card or passport (unless using FranceConnect) and the scanned act naming you legal representative, or the signature delegation (e.g. Kbis).',
        ),
      ],
      uses: ['finessEj', 'siret'],
      cards: ['CDE'],
      pages: [{ portal: 'ans-contrat', page: 'contractRequest' }],
      when: [{ hasContract: ['no'] }],
    },
    {
      id: 'chooseMie',
      who: 'dsi',
      title: fromSeed(
        '004',
        s3,
        'Choisir les moyens d’identification électronique : cartes (du professionnel, physiques ou e-CPS, avec un lecteur) ou certificats (de la structure, intégrés au DUI).',
        'Choose the electronic identification means: cards (the professional’s, physical or e-CPS, with a reader) or certificates (the structure’s, built into the DUI).',
      ),
      details: [
        fromSeed(
          '004',
          s3,
          'Une fois le contrat signé avec l’ANS, ces MIE ouvrent l’accès aux référentiels et aux services socles ; avec les certificats, les professionnels de la structure qualifient l’INS et alimentent le DMP.',
          'Once the ANS contract is signed, these MIE give access to the referentials and core services; with the certificates, the structure’s professionals qualify the INS and feed the DMP.',
        ),
      ],
      uses: ['softwareVendor', 'softwareProduct'],
    },
    {
      id: 'checkVendorConnection',
      who: 'dsi',
      title: fromSeed(
        '004',
        s6,
        'Vérifier avec l’éditeur du DUI les modalités de connexion aux téléservices INSi et DMP.',
        'Check with the DUI vendor how it connects to the INSi and DMP teleservices.',
      ),
      details: [
        fromSeed(
          '004',
          s6,
          'La démarche d’obtention des certificats peut être réalisée par l’organisation ou déléguée à un éditeur.',
          'Obtaining the certificates can be done by the organisation or delegated to a vendor.',
        ),
      ],
      uses: ['softwareVendor', 'softwareProduct', 'softwareVersion'],
    },
    {
      id: 'designateMandataire',
      who: 'representantLegal',
      title: fromSeed('004', s4, 'Déclarer un mandataire auprès de l’ANS.', 'Declare a mandataire to the ANS.'),
      details: [
        fromSeed(
          '004',
          s4,
          'Sans carte CPE : commander une carte CPE et le déclarer par le F301. Professionnel de santé sans CPS : demander sa CPS puis le F502.',
          'No CPE card: order one and declare them with F301. Health professional without a CPS: request the CPS, then F502.',
        ),
        declareMandataire,
        fromSeed('004', s4, 'Avec une carte physique, prévoir un lecteur de carte pour le mandataire.', 'With a physical card, plan a card reader for the mandataire.'),
      ],
      forms: ['f301', 'f502'],
      cards: ['CDE'],
      pages: [
        { portal: 'ans-meshabilitations', page: 'home' },
        { portal: 'ans-tom', page: 'home' },
      ],
      when: [{ legalRepOrders: ['no'] }],
    },
    {
      id: 'declareTechAdmin',
      who: 'representantLegal',
      title: fromSeed(
        '004',
        s4,
        'Déclarer un administrateur technique, chargé de retirer les certificats : F413 ou portail MesHabilitations.',
        'Declare a technical admin, who retrieves the certificates: F413 or the MesHabilitations portal.',
      ),
      details: [
        fromSeed(
          '004',
          s4,
          'S’il n’a pas de carte : commander une carte CPE avec le F301, ou le professionnel de santé demande sa CPS. Prévoir un lecteur de carte.',
          'If they have no card: order a CPE card with F301, or the health professional requests their CPS. Plan a card reader.',
        ),
      ],
      forms: ['f413', 'f301'],
      sheet413: true,
      pages: [{ portal: 'ans-meshabilitations', page: 'home' }],
      when: anyCertificate,
    },
    {
      id: 'insCertificate',
      service: 'qualifyIns',
      who: 'administrateurTechnique',
      title: fromSeed('004', s5, 'Qualifier l’INS : l’administrateur technique commande le certificat (1 certificat pour l’INS).', 'Qualify the INS: the technical admin orders the certificate (1 certificate for the INS).'),
      pages: [{ portal: 'igc-sante', page: 'home' }],
      when: [{ vendorInsCertificate: ['yes'] }],
    },
    {
      id: 'insCards',
      // Without a mandataire, the legal representative does it (cdeOrders).
      whoIf: [{ when: [{ legalRepOrders: ['yes'] }], who: 'representantLegal' }],
      service: 'qualifyIns',
      who: 'mandataire',
      title: fromSeed(
        '004',
        s5,
        'Qualifier l’INS : le mandataire commande des cartes CPE pour les professionnels qui gèrent la qualification des identités.',
        'Qualify the INS: the mandataire orders CPE cards for the staff who qualify identities.',
      ),
      details: [cardOptions, cdeOrders, cdeRights],
      forms: ['f301'],
      cards: ['CPE'],
      pages: [{ portal: 'ans-tom', page: 'home' }],
      when: [{ vendorInsCertificate: ['no'] }],
    },
    {
      id: 'dmpCertificates',
      service: 'feedDmp',
      who: 'administrateurTechnique',
      title: fromSeed('004', s5, 'Alimenter le DMP : l’administrateur technique commande les certificats (2 certificats pour le DMP).', 'Feed the DMP: the technical admin orders the certificates (2 certificates for the DMP).'),
      pages: [{ portal: 'igc-sante', page: 'home' }],
      when: [{ vendorDmpCertificate: ['yes'] }],
    },
    {
      id: 'dmpCards',
      // Without a mandataire, the legal representative does it (cdeOrders).
      whoIf: [{ when: [{ legalRepOrders: ['yes'] }], who: 'representantLegal' }],
      service: 'feedDmp',
      who: 'mandataire',
      title: fromSeed('004', s5, 'Alimenter le DMP : le mandataire commande des cartes CPE.', 'Feed the DMP: the mandataire orders CPE cards.'),
      details: [cardOptions, cdeOrders, cdeRights],
      forms: ['f301'],
      cards: ['CPE'],
      pages: [{ portal: 'ans-tom', page: 'home' }],
      when: [{ vendorDmpCertificate: ['no'] }],
    },
    {
      id: 'checkDirectory',
      who: 'me',
      title: fromSeed(
        '004',
        s5,
        'Vérifier, au besoin, l’enregistrement des professionnels dans l’annuaire santé.',
        'Check, if needed, that the professionals are registered in the health directory.',
      ),
      details: [
        baliseAdvice(
          '004',
          s5bis,
          'Faites-le avant l’activation des e-CPS sans carte : elle utilise le téléphone et l’e-mail que l’annuaire santé indique pour chacun.',
          'Do it before activating e-CPS without a card: activation uses the phone and e-mail the health directory holds for each person.',
        ),
      ],
      when: anyProfessional,
    },
    {
      id: 'ordreArsCards',
      service: 'consultDmp',
      who: 'eachProfessional',
      title: fromSeed(
        '004',
        s5,
        'Consulter le DMP : chaque professionnel à Ordre ou à autorité ARS active sa e-CPS, et peut avoir ou demander une carte CPS.',
        'Consult the DMP: each professional under an Ordre or the ARS activates their e-CPS, and may hold or request a CPS card.',
      ),
      details: [
        ecpsWithCard,
        ecpsWithoutCard,
        eligibility,
        fromSeed(
          '004',
          s5bis,
          'Professions à Ordre : la carte CPS se demande à l’Ordre, ou par le professionnel lui-même sur la page MaCPS avec sa e-CPS ou son identifiant RPPS.',
          'Professions with an Ordre: the CPS card is requested from the Ordre, or by the professional on the MaCPS page with their e-CPS or RPPS identifier.',
        ),
      ],
      cards: ['e-CPS', 'CPS'],
      pages: [{ portal: 'erpps', page: 'ecps' }, proSanteConnect],
      when: [{ staffOrdreArs: ['yes'] }],
    },
    {
      id: 'arsProfessionals',
      service: 'consultDmp',
      who: 'eachProfessional',
      title: fromSeed(
        '004',
        s5bis,
        'Professions à autorité ARS : chaque professionnel enregistre son diplôme sur le portail eRPPS, en s’y connectant la première fois par FranceConnect, et reçoit son numéro.',
        'ARS-authority professions: each professional registers their diploma on the eRPPS portal, logging in the first time with FranceConnect, and gets their number.',
      ),
      details: [
        fromSeed(
          '004',
          s5bis,
          'Pour une carte CPS physique : vérifier d’abord dans le tableau de l’ANS que la profession y est éligible, puis, muni de son numéro RPPS, la demander sur la page MaCPS avec sa e-CPS ou son identifiant RPPS.',
          'For a physical CPS card: first check in the ANS table that the profession is eligible, then, with the RPPS number, request it on the MaCPS page with the e-CPS or RPPS identifier.',
        ),
        ecpsFails,
      ],
      cards: ['e-CPS', 'CPS'],
      pages: [{ portal: 'erpps', page: 'erpps' }, proSanteConnect],
      when: [{ staffArs: ['yes'] }],
    },
    {
      id: 'designateRppsPlusManager',
      // Without a mandataire, the legal representative does it (cdeOrders).
      whoIf: [{ when: [{ legalRepOrders: ['yes'] }], who: 'representantLegal' }],
      service: 'consultDmp',
      who: 'mandataire',
      title: fromSeed('004', s5, 'Désigner le gestionnaire RPPS+.', 'Appoint the RPPS+ manager.'),
      when: [{ staffRppsPlus: ['yes'] }],
    },
    {
      id: 'rppsPlusEnrolment',
      service: 'consultDmp',
      who: 'gestionnaireRppsPlus',
      title: fromSeed(
        '004',
        s5,
        'Enregistrer les professionnels dans le portail RPPS+ : chacun reçoit alors son numéro RPPS et peut activer sa e-CPS sur téléphone mobile.',
        'Register the staff in the RPPS+ portal: each then gets an RPPS number and can activate their e-CPS on a mobile phone.',
      ),
      details: [
        fromSeed(
          '004',
          s5,
          'Pas de carte physique pour cette catégorie de professionnels. L’enregistrement RPPS+ se fait quand c’est utile : il ne vise pas l’exhaustivité.',
          'No physical card for these staff. RPPS+ enrolment is done where useful: it does not aim to be exhaustive.',
        ),
        ecpsWithoutCard,
      ],
      cards: ['e-CPS'],
      // The portal the seed names, reached through Pro Santé Connect (ANS guides to RPPS+).
      pages: [
        { portal: 'rpps-plus', page: 'login' },
        { portal: 'pro-sante-connect', page: 'login' },
        { portal: 'rpps-plus', page: 'home' },
        { portal: 'rpps-plus', page: 'search' },
      ],
      when: [{ staffRppsPlus: ['yes'] }],
    },
    {
      id: 'mssMailboxes',
      service: 'exchangeMss',
      who: 'dsi',
      title: fromSeed(
        '004',
        s5,
        'Échanger par MSS : choisir un opérateur de messagerie et créer les boîtes aux lettres MSS, avec le RPPS des professionnels.',
        'Exchange through MSS: choose a messaging operator and create the MSS mailboxes, with the staff’s RPPS numbers.',
      ),
      details: [
        fromSeed('004', s7, 'Les adresses MSS se créent chez l’opérateur choisi, avec le numéro RPPS de chaque professionnel.', 'MSS addresses are created at the chosen operator, with each professional’s RPPS number.'),
        baliseAdvice(
          '004',
          s7,
          'L’adresse est sur le domaine MSSanté de l’opérateur (la démarche « Boîte organisationnelle Medimail » le dit pour Medimail).',
          'The address is on the operator’s MSSanté domain (the “Medimail organisational mailbox” procedure says so for Medimail).',
        ),
        baliseAdvice(
          '004',
          s7,
          'Une boîte organisationnelle Medimail (BAL ORG), là où la région la propose, est l’une des réponses MSS : Balise en a la démarche.',
          'A Medimail organisational mailbox (BAL ORG), where the region offers it, is one MSS answer: Balise has its procedure.',
        ),
      ],
      uses: ['mssDomain'],
      when: anyProfessional,
    },
    {
      id: 'collectNumbers',
      who: 'me',
      title: fromSeed(
        '004',
        s7,
        'Recueillir le numéro RPPS ou ADELI de chaque professionnel de santé de la structure.',
        'Collect the RPPS or ADELI number of each health professional of the structure.',
      ),
      when: [{ staffOrdreArs: ['yes'] }],
    },
    {
      id: 'orderCertificates',
      who: 'administrateurTechnique',
      title: fromSeed(
        '004',
        s6,
        'Commander les certificats sur la plateforme IGC-Santé et les transmettre à l’éditeur pour implémentation dans le DUI.',
        'Order the certificates on the IGC-Santé platform and pass them to the vendor to install in the DUI.',
      ),
      details: [
        fromSeed(
          '004',
          s6,
          'Il faut d’abord les prérequis et un administrateur technique habilité par le formulaire 413 : c’est lui qui installera le ou les certificats.',
          'First come the prerequisites and a technical admin appointed with form 413: they will install the certificate or certificates.',
        ),
        fromSeed('004', s6, 'L’ANS publie un guide pour cette démarche : le « Guide des certificats ».', 'The ANS publishes a guide to it: the “Guide des certificats”.'),
      ],
      pages: [
        { portal: 'igc-sante', page: 'home' },
        { portal: 'igc-sante', page: 'requestStart' },
        { portal: 'igc-sante', page: 'newProduct' },
        { portal: 'igc-sante', page: 'productOrder' },
      ],
      when: anyCertificate,
    },
    {
      id: 'deployIns',
      service: 'qualifyIns',
      who: 'me',
      title: fromSeed(
        '004',
        s7,
        'Déployer l’INS : charte d’identitovigilance, récupération des titres d’identité à haut niveau de confiance, qualification des identités des usagers.',
        'Deploy the INS: identity-vigilance charter, collecting high-trust identity documents, qualifying the users’ identities.',
      ),
    },
    {
      id: 'insSelfApproval',
      service: 'qualifyIns',
      who: 'me',
      title: fromSeed(
        '004',
        s7,
        'INS qualifiée avec un certificat : faire la démarche d’auto-homologation.',
        'INS qualified with a certificate: carry out the self-approval (auto-homologation).',
      ),
      when: [{ vendorInsCertificate: ['yes'] }],
    },
    {
      id: 'deployDmp',
      service: 'feedDmp',
      who: 'me',
      title: fromSeed(
        '004',
        s7,
        'Déployer le DMP : identifier les documents à pousser, informer les usagers et recueillir leur consentement pour la consultation, puis alimenter et consulter les DMP.',
        'Deploy the DMP: choose the documents to send, inform the users and collect their consent for consultation, then feed and consult the DMPs.',
      ),
    },
    {
      id: 'deployMss',
      service: 'exchangeMss',
      who: 'me',
      title: fromSeed(
        '004',
        s7,
        'Déployer la MSS : identifier les partenaires d’échange, envoyer les MSS associées à un usager, informer les usagers.',
        'Deploy MSS: identify the exchange partners, send MSS messages linked to a user, inform the users.',
      ),
      when: anyProfessional,
    },
    {
      id: 'regionalSupport',
      who: 'me',
      title: fromSeed(
        '004',
        support,
        'Pour être accompagné, écrire au GCS SARA, GRADeS d’Auvergne-Rhône-Alpes, qui accompagne les ESMS dans leurs démarches du numérique en santé : esms.numerique@sante-ara.fr.',
        'For support, write to GCS SARA, the Auvergne-Rhône-Alpes GRADeS, which helps social-care services with their e-health steps: esms.numerique@sante-ara.fr.',
      ),
      details: [
        fromSeed(
          '004',
          support,
          'Ses autres équipes : ViaTrajectoire (viatrajectoire-ara@sante-ara.fr), sécurité numérique (ssi@sante-ara.fr), ROR (ror@sante-ara.fr), animation territoriale (www.sante-ara.fr/accompagnement-projet). Il propose aussi une offre d’accompagnement des ESMS et une bibliothèque de cas d’usages.',
          'Its other teams: ViaTrajectoire (viatrajectoire-ara@sante-ara.fr), digital security (ssi@sante-ara.fr), ROR (ror@sante-ara.fr), local networking (www.sante-ara.fr/accompagnement-projet). It also offers support for social-care services and a library of use cases.',
        ),
      ],
      when: [{ inAura: ['yes'] }],
    },
  ],
});
