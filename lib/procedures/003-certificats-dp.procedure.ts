/**
 * Seed 003: IGC-Santé PRO certificates to authenticate on the Dossier Pharmaceutique.
 * Prerequisites (ANS contract and CDE card, an optional mandataire, a technical admin holding a
 * valid CPx card), form 413, then, once the ANS has habilitated the admin, the CSR and key pair,
 * the orders and the retrieval on the IGC-Santé platform. GHT and private groups: one contract
 * per site, an inventory first, the vendor involved. Every DP user (role `utilisateurDp`) needs
 * their own CPx card and certificates: asked and listed per person.
 */
import { cardReader } from '../portals/igc-sante.portal';
import { baliseAdvice, fromSeed } from '../portals/schema';
import type { Card, Contact, Establishment } from '../profile/schema';
import { defineProcedure, yesNo } from './schema';

const c2 = '2. Pourquoi ma structure a-t-elle besoin de certificats ?';
const c3 = '3. Quels certificats ?';
const c4 = '4. Modalités d’obtention';
const c41 = '4.1 Prérequis relatifs au contrat de structure';
const c42 = '4.2 Cas des établissements publics : GHT, EHPAD';
const c43 = '4.3 Cas des établissements privés';
const c5 = '5. Comment procéder pour remplir le formulaire 413';
const c6 = '6. Commande technique et installation des certificats logiciels';
const c7 = '7. Durée de validité';
const serviceClient = 'monserviceclient.certificats@asipsante.fr';
const grouped = ['publicGht', 'privateGroup'];
const dpUser = 'utilisateurDp' as const;
// The « Demander » wizard of the platform: log-in, offre and structure, new product, product fields (by usage).
const igcRequest = [
  { portal: 'igc-sante', page: 'home' },
  { portal: 'igc-sante', page: 'requestStart' },
  { portal: 'igc-sante', page: 'newProduct' },
];
const igcAuth = [...igcRequest, { portal: 'igc-sante', page: 'productOrder' }];
const igcSign = [...igcRequest, { portal: 'igc-sante', page: 'productOrderSign' }];
const igcAccess = fromSeed(
  '003',
  c6,
  'Prérequis : l’accès à la plateforme IGC-Santé (https://pfc-auth.eservices.esante.gouv.fr).',
  'Prerequisite: access to the IGC-Santé platform (https://pfc-auth.eservices.esante.gouv.fr).',
);
const mandataireForms = fromSeed(
  '003',
  c41,
  'Les formulaires 301 et 502 se téléchargent sur le site de l’ANS, rubrique « cartes professionnels de santé / Vos démarches ».',
  'Forms 301 and 502 are downloaded from the ANS site, under “cartes professionnels de santé / Vos démarches”.',
);
const legalRepOrMandataire = fromSeed(
  '003',
  c41,
  'Le représentant légal ou le mandataire peut faire cette commande.',
  'The legal representative or the mandataire can place this order.',
);

/** What a DP user does in it, read from the profession the profile records (seed 003 §2). */
function dpFunctionOf(contact: Contact | undefined): 'pharmacien' | 'medecin' | 'agentAdmission' | undefined {
  const profession = contact?.profession?.toLowerCase() ?? '';
  if (profession.startsWith('pharmacien')) return 'pharmacien';
  if (profession.startsWith('médecin') || profession.startsWith('medecin')) return 'medecin';
  if (profession.includes('admission')) return 'agentAdmission';
  return undefined;
}

/** The card a DP user must hold: CPS for pharmacists and physicians, CPE for admission agents (seed 003 §3). */
const dpCardOf = (role: NonNullable<ReturnType<typeof dpFunctionOf>>): Card => (role === 'agentAdmission' ? 'CPE' : 'CPS');

/** A certificate of this kind held by the contact and not yet expired, as the profile records it. */
const holdsCertificate = (establishment: Establishment, contact: Contact | undefined, kind: 'PRO AUTH' | 'PRO SIGN') => {
  const today = new Date().toISOString().slice(0, 10);
  const held = establishment.certificates.filter((c) => c.kind === kind && c.holderContactId !== undefined && c.holderContactId === contact?.id);
  if (held.some((c) => c.expiresOn >= today)) return 'yes';
  return held.length > 0 ? 'no' : undefined;
};

/** The technical admin's kind, from the card the profile records for the admins. */
function techAdminKindOf(establishment: Establishment): string | undefined {
  const cardsHeld = establishment.contacts.filter((c) => c.roles.includes('administrateurTechnique')).map((c) => c.card);
  if (cardsHeld.includes('CPA')) return 'vendor';
  if (cardsHeld.includes('CPS')) return 'professional';
  if (cardsHeld.includes('CPE')) return 'staff';
  return undefined;
}

export default defineProcedure({
  id: '003-certificats-dp',
  seed: '003',
  title: { fr: 'Certificats IGC-Santé pour le Dossier Pharmaceutique', en: 'IGC-Santé certificates for the Dossier Pharmaceutique' },
  summary: fromSeed(
    '003',
    c2,
    'Pour consulter le DP, chaque utilisateur (pharmacien, médecin, agent d’admission) a besoin d’un certificat PRO usage AUTH ; pour l’alimenter, chaque pharmacien d’un certificat PRO usage SIGN. Chacun doit aussi porter une carte CPx (CPS pour les pharmaciens et médecins, CPE pour les agents d’admission).',
    'To consult the DP, every user (pharmacist, physician, admission agent) needs a PRO AUTH certificate; to feed it, every pharmacist a PRO SIGN certificate. Each must also hold a CPx card (CPS for pharmacists and physicians, CPE for admission agents).',
  ),
  questions: [
    {
      id: 'organisation',
      prompt: fromSeed('003', c4, 'Comment votre structure est-elle organisée ?', 'How is your structure organised?'),
      choices: [
        { value: 'publicGht', label: { fr: 'Établissement public (GHT, EHPAD)', en: 'Public establishment (GHT, EHPAD)' } },
        { value: 'privateSingle', label: { fr: 'Structure privée mono-site', en: 'Private single-site structure' } },
        { value: 'privateGroup', label: { fr: 'Groupe privé (EHPAD, cliniques)', en: 'Private group (EHPAD, clinics)' } },
      ],
      suggest: (establishment) =>
        establishment.status === 'public' ? 'publicGht' : establishment.group ? 'privateGroup' : 'privateSingle',
    },
    {
      id: 'hasContract',
      prompt: fromSeed(
        '003',
        c41,
        'Le représentant légal a-t-il déjà un contrat avec l’ANS et une carte CDE active (ou une CPS responsable) ?',
        'Does the legal representative already have an ANS contract and an active CDE card (or a CPS responsable)?',
      ),
      help: fromSeed('003', c4, 'Si votre structure a déjà un contrat avec l’ANS, vous pouvez passer au formulaire 413.', 'If your structure already has an ANS contract, you can go straight to form 413.'),
      choices: yesNo,
      suggest: (establishment) => (establishment.contacts.some((c) => c.roles.includes('representantLegal') && c.card === 'CDE') ? 'yes' : undefined),
    },
    {
      id: 'mandataire',
      prompt: fromSeed('003', c41, 'Le représentant légal désigne-t-il un mandataire, et comment ?', 'Does the legal representative appoint a mandataire, and how?'),
      help: fromSeed(
        '003',
        c41,
        'Le mandataire conduit la commande pour l’établissement jusqu’à son terme, gère le cycle de vie des produits de certification et peut signer tout formulaire qui s’y rapporte ; selon sa profession, il a une carte CPS, CPE ou CPA.',
        'The mandataire carries the order through for the establishment, manages the certification products’ life cycle and may sign any form about them; by profession, they hold a CPS, CPE or CPA card.',
      ),
      choices: [
        { value: 'none', label: { fr: 'Pas de mandataire : le représentant légal agit lui-même avec sa carte CDE', en: 'No mandataire: the legal representative acts with their CDE card' } },
        { value: 'newCpe', label: { fr: 'Il n’a pas de carte : carte CPE par le formulaire 301 (case « mandat »)', en: 'No card yet: a CPE card through form 301 (“mandat” box)' } },
        { value: 'tom', label: { fr: 'Carte CPE et habilitation par le téléservice TOM', en: 'CPE card and appointment through the TOM teleservice' } },
        { value: 'hasCard', label: { fr: 'Il a déjà une carte CPE ou CPS : formulaire 502 ou MesHabilitations', en: 'Already holds a CPE or CPS card: form 502 or MesHabilitations' } },
        { value: 'needsCps', label: { fr: 'Professionnel de santé sans carte CPS : sa CPS d’abord, puis le formulaire 502', en: 'Health professional without a CPS: the CPS first, then form 502' } },
        { value: 'eCps', label: { fr: 'Il a une e-CPS : portail MesHabilitations', en: 'Holds an e-CPS: MesHabilitations portal' } },
      ],
      askIf: [{ hasContract: ['no'] }],
      suggest: (establishment) => {
        const mandataires = establishment.contacts.filter((c) => c.roles.includes('mandataire'));
        if (mandataires.length === 0) return 'none';
        if (mandataires.some((c) => c.card === 'CPE' || c.card === 'CPS')) return 'hasCard';
        return mandataires.some((c) => c.card === 'e-CPS') ? 'eCps' : undefined;
      },
    },
    {
      id: 'techAdmin',
      prompt: fromSeed('003', c4, 'Qui sera l’administrateur technique ?', 'Who will be the technical admin?'),
      choices: [
        { value: 'professional', label: { fr: 'Un employé professionnel de santé (carte CPS)', en: 'A staff member who is a health professional (CPS card)' } },
        { value: 'staff', label: { fr: 'Un employé non professionnel de santé (carte CPE)', en: 'A staff member who is not a health professional (CPE card)' } },
        { value: 'vendor', label: { fr: 'Un technicien de l’éditeur ou de l’intégrateur (carte CPA)', en: 'A vendor’s or integrator’s technician (CPA card)' } },
      ],
      suggest: techAdminKindOf,
    },
    {
      id: 'techAdminHasCard',
      prompt: fromSeed('003', c4, 'L’administrateur technique a-t-il sa carte CPx en cours de validité ?', 'Does the technical admin hold a valid CPx card?'),
      choices: yesNo,
      suggest: (establishment) => {
        const admins = establishment.contacts.filter((c) => c.roles.includes('administrateurTechnique'));
        return admins.some((c) => c.card === 'CPS' || c.card === 'CPE' || c.card === 'CPA') ? 'yes' : undefined;
      },
    },
    {
      id: 'feedDp',
      prompt: fromSeed('003', c3, 'Vos pharmaciens alimenteront-ils le DP ?', 'Will your pharmacists feed the DP?'),
      choices: yesNo,
    },
    {
      id: 'dpFunction',
      perContact: dpUser,
      prompt: fromSeed('003', c2, 'Que fera cette personne dans le DP ?', 'What will this person do in the DP?'),
      choices: [
        { value: 'pharmacien', label: { fr: 'Pharmacien : consulte et alimente le DP', en: 'Pharmacist: consults and feeds the DP' } },
        { value: 'medecin', label: { fr: 'Médecin : consulte le DP', en: 'Physician: consults the DP' } },
        {
          value: 'agentAdmission',
          label: { fr: 'Agent d’admission : ajoute ou retire l’identifiant des patients dans l’annuaire des patients du DP', en: 'Admission agent: adds or removes patient identifiers in the DP patient directory' },
        },
      ],
      suggest: (_establishment, contact) => dpFunctionOf(contact),
    },
    {
      id: 'dpCard',
      perContact: dpUser,
      prompt: fromSeed(
        '003',
        c3,
        'Porte-t-elle la carte CPx de sa fonction : CPS pour un pharmacien ou un médecin, CPE pour un agent d’admission ?',
        'Does this person hold the CPx card of their function: CPS for a pharmacist or physician, CPE for an admission agent?',
      ),
      choices: yesNo,
      suggest: (_establishment, contact) => {
        const role = dpFunctionOf(contact);
        return role && contact?.card === dpCardOf(role) ? 'yes' : undefined;
      },
    },
    {
      id: 'dpAuth',
      perContact: dpUser,
      prompt: fromSeed('003', c3, 'A-t-elle son propre certificat PRO usage AUTH en cours de validité ?', 'Does this person hold their own valid PRO AUTH certificate?'),
      choices: yesNo,
      suggest: (establishment, contact) => holdsCertificate(establishment, contact, 'PRO AUTH'),
    },
    {
      id: 'dpSign',
      perContact: dpUser,
      prompt: fromSeed('003', c3, 'A-t-elle son propre certificat PRO usage SIGN en cours de validité ?', 'Does this person hold their own valid PRO SIGN certificate?'),
      choices: yesNo,
      askIf: [{ dpFunction: ['pharmacien'], feedDp: ['yes'] }],
      suggest: (establishment, contact) => holdsCertificate(establishment, contact, 'PRO SIGN'),
    },
  ],
  steps: [
    {
      id: 'inventory',
      who: 'dsi',
      title: fromSeed(
        '003',
        c42,
        `Faire l’état des lieux des contrats souscrits avec l’ANS pour chaque établissement (service client : ${serviceClient}).`,
        `List the contracts each establishment already holds with the ANS (customer service: ${serviceClient}).`,
      ),
      details: [
        fromSeed(
          '003',
          c42,
          'Certains établissements ont déjà un contrat et d’autres pas : passez par la DSI du GHT ou du groupe pour mener les démarches de façon cohérente.',
          'Some establishments already have a contract and some do not: go through the GHT’s or group’s IT department to keep the steps consistent.',
        ),
      ],
      when: [{ organisation: grouped }],
    },
    {
      id: 'involveVendor',
      who: 'dsi',
      title: fromSeed(
        '003',
        c43,
        'Contacter l’éditeur de logiciel : il peut assister l’instruction du dossier de contractualisation avec l’ANS.',
        'Contact the software vendor: they can help with the contract file with the ANS.',
      ),
      uses: ['softwareVendor'],
      when: [{ organisation: ['publicGht', 'privateSingle', 'privateGroup'] }],
    },
    {
      id: 'contract',
      who: 'representantLegal',
      title: fromSeed(
        '003',
        c41,
        'Compléter le contrat de structure et la demande de carte de représentant légal (formulaire n°101).',
        'Fill in the structure contract and the legal representative card request (form 101).',
      ),
      details: [
        // The private single-site structures' own step (GHTs and groups have contractPerSite).
        fromSeed(
          '003',
          c43,
          'Une structure privée mono-site suit la procédure administrative de déploiement des certificats décrite ici.',
          'A private single-site structure follows the administrative procedure for deploying the certificates described here.',
        ),
        fromSeed(
          '003',
          c41,
          'Documents à télécharger sur le site de l’ANS, rubrique « cartes professionnels de santé / Vos Commandes ».',
          'Documents to download from the ANS site, under “cartes professionnels de santé / Vos Commandes”.',
        ),
      ],
      uses: ['legalName', 'finessEj', 'siret'],
      forms: ['contratStructure', 'f101'],
      cards: ['CDE'],
      pages: [{ portal: 'ans-contrat', page: 'contractRequest' }],
      when: [{ hasContract: ['no'], organisation: ['privateSingle'] }],
    },
    {
      id: 'contractPerSite',
      who: 'representantLegal',
      title: fromSeed(
        '003',
        c42,
        'Souscrire un contrat de structure pour chaque site qui n’en a pas, avec la demande de carte de représentant légal (formulaire n°101).',
        'Sign a structure contract for every site that has none, with the legal representative card request (form 101).',
      ),
      details: [
        fromSeed(
          '003',
          c42,
          'La commande de certificats pour chacun des sites du GHT ou du groupe nécessite que chaque site ait souscrit un contrat de structure avec l’ANS.',
          'Ordering certificates for each site of the GHT or group requires each site to hold a structure contract with the ANS.',
        ),
      ],
      uses: ['legalName', 'finessEj', 'siret'],
      forms: ['contratStructure', 'f101'],
      cards: ['CDE'],
      pages: [{ portal: 'ans-contrat', page: 'contractRequest' }],
      when: [{ hasContract: ['no'], organisation: grouped }],
    },
    {
      id: 'mandataireF301',
      who: 'representantLegal',
      title: fromSeed(
        '003',
        c41,
        'Commander la carte CPE du mandataire avec le formulaire n°301, en cochant la case « mandat ».',
        'Order the mandataire’s CPE card with form 301, ticking the “mandat” box.',
      ),
      details: [mandataireForms],
      forms: ['f301'],
      cards: ['CPE'],
      when: [{ hasContract: ['no'], mandataire: ['newCpe'] }],
    },
    {
      id: 'mandataireF502',
      who: 'representantLegal',
      title: fromSeed('003', c41, 'Habiliter le mandataire, qui a déjà une carte, avec le formulaire n°502.', 'Appoint the mandataire, who already holds a card, with form 502.'),
      details: [
        mandataireForms,
        // Seed 004 (« Obtenir les MIE ») states these; this procedure quotes its own seed only.
        baliseAdvice(
          '003',
          c41,
          'Avec une carte CPE ou CPS, le portail MesHabilitations le permet aussi ; un professionnel de santé sans CPS la demande d’abord (voir la démarche « Prérequis : contrat ANS, MIE et services socles »).',
          'With a CPE or CPS card, the MesHabilitations portal does it too; a health professional without a CPS requests it first (see the “Prerequisites: ANS contract, MIE and core services” procedure).',
        ),
      ],
      forms: ['f502'],
      pages: [{ portal: 'ans-meshabilitations', page: 'home' }],
      when: [{ hasContract: ['no'], mandataire: ['hasCard', 'needsCps'] }],
    },
    {
      id: 'mandataireTom',
      who: 'representantLegal',
      title: fromSeed('003', c41, 'Commander la carte CPE et habiliter le mandataire sur le téléservice TOM.', 'Order the CPE card and appoint the mandataire on the TOM teleservice.'),
      cards: ['CPE'],
      pages: [{ portal: 'ans-tom', page: 'home' }],
      when: [{ hasContract: ['no'], mandataire: ['tom'] }],
    },
    {
      id: 'mandataireECps',
      who: 'representantLegal',
      title: baliseAdvice(
        '003',
        c41,
        'Déclarer le mandataire, qui a une e-CPS, sur le portail MesHabilitations (voir la démarche « Prérequis : contrat ANS, MIE et services socles »).',
        'Declare the mandataire, who holds an e-CPS, on the MesHabilitations portal (see the “Prerequisites: ANS contract, MIE and core services” procedure).',
      ),
      cards: ['e-CPS'],
      pages: [{ portal: 'ans-meshabilitations', page: 'home' }],
      when: [{ hasContract: ['no'], mandataire: ['eCps'] }],
    },
    {
      id: 'techAdminCard',
      who: 'representantLegal',
      title: fromSeed(
        '003',
        c41,
        'Commander la carte CPE (personnel de structure) de l’administrateur technique : formulaire n°301 ou téléservice TOM.',
        'Order the technical admin’s CPE (structure staff) card: form 301 or the TOM teleservice.',
      ),
      details: [
        legalRepOrMandataire,
        fromSeed('003', c41, 'Le formulaire 301 se télécharge sur le site de l’ANS, rubrique « Vos Commandes ».', 'Form 301 is downloaded from the ANS site, under “Vos Commandes”.'),
      ],
      forms: ['f301'],
      cards: ['CPE'],
      pages: [{ portal: 'ans-tom', page: 'home' }],
      when: [{ techAdmin: ['staff'], techAdminHasCard: ['no'] }],
    },
    {
      id: 'techAdminCps',
      who: 'administrateurTechnique',
      title: fromSeed(
        '003',
        c4,
        'Obtenir une carte CPS en cours de validité : un administrateur technique professionnel de santé a une CPS, pas une CPE.',
        'Get a valid CPS card: a technical admin who is a health professional holds a CPS, not a CPE.',
      ),
      cards: ['CPS'],
      when: [{ techAdmin: ['professional'], techAdminHasCard: ['no'] }],
    },
    {
      id: 'techAdminCpa',
      who: 'editeur',
      title: baliseAdvice(
        '003',
        c4,
        'Vérifier avec l’éditeur ou l’intégrateur que son technicien a une carte CPA en cours de validité avant la commande : la fiche ne dit pas comment il l’obtient.',
        'Check with the vendor or integrator that their technician holds a valid CPA card before the order: the guide does not say how they get it.',
      ),
      cards: ['CPA'],
      when: [{ techAdmin: ['vendor'], techAdminHasCard: ['no'] }],
    },
    {
      id: 'dpUserCps',
      perContact: dpUser,
      who: 'person',
      title: fromSeed('003', c3, 'Obtenir sa carte CPS : sans elle, pas de certificat PRO.', 'Get the CPS card: without it, no PRO certificate.'),
      cards: ['CPS'],
      when: [{ dpFunction: ['pharmacien', 'medecin'], dpCard: ['no'] }],
    },
    {
      id: 'dpUserCpe',
      perContact: dpUser,
      who: 'person',
      title: fromSeed('003', c3, 'Obtenir sa carte CPE : sans elle, pas de certificat PRO.', 'Get the CPE card: without it, no PRO certificate.'),
      details: [
        baliseAdvice(
          '003',
          c41,
          'Comme celle de l’administrateur technique, une carte CPE de personnel de structure se commande par le représentant légal ou le mandataire : formulaire 301 ou téléservice TOM.',
          'Like the technical admin’s, a structure staff CPE card is ordered by the legal representative or the mandataire: form 301 or the TOM teleservice.',
        ),
      ],
      forms: ['f301'],
      cards: ['CPE'],
      pages: [{ portal: 'ans-tom', page: 'home' }],
      when: [{ dpFunction: ['agentAdmission'], dpCard: ['no'] }],
    },
    {
      id: 'form413',
      who: 'representantLegal',
      title: fromSeed(
        '003',
        c5,
        'Compléter et signer le formulaire n°413 (parties 1, 3 et 4), qui déclare le ou les administrateurs techniques.',
        'Fill in and sign form 413 (parts 1, 3 and 4), which declares the technical admin or admins.',
      ),
      details: [
        fromSeed(
          '003',
          c5,
          'Ses 2 pages sont signées par le représentant légal ou par le mandataire. Partie 3 (visa et cachet) : l’identité du signataire, titulaire d’une carte CPS ou CPx en cours de validité, et le cachet de la structure.',
          'Its 2 pages are signed by the legal representative or the mandataire. Part 3 (visa and stamp): the signer’s identity, holding a valid CPS or CPx card, and the structure’s stamp.',
        ),
        fromSeed(
          '003',
          c5,
          'La partie 4 peut être complétée par votre éditeur de logiciel DP ou de la passerelle proxy.',
          'Part 4 may be filled in by your DP software or proxy gateway vendor.',
        ),
      ],
      uses: ['legalName', 'siret', 'finessEt', 'postalCode', 'city', 'softwareVendor', 'softwareProduct', 'softwareVersion', 'mailDomain'],
      forms: ['f413'],
      sheet413: true,
    },
    {
      id: 'send413',
      who: 'administrateurTechnique',
      title: fromSeed(
        '003',
        c5,
        `Envoyer le formulaire 413 par mail à ${serviceClient}.`,
        `E-mail form 413 to ${serviceClient}.`,
      ),
      details: [fromSeed('003', c5, 'La structure ou l’administrateur technique le renvoie.', 'The structure or the technical admin sends it.')],
      forms: ['f413'],
      sheet413: true,
    },
    {
      // Seed 003 §6: once the ANS has habilitated the admin (form 413 processed), the CSR and key pair come before the orders.
      id: 'csr',
      who: 'administrateurTechnique',
      title: fromSeed(
        '003',
        c6,
        'Une fois habilité, générer et installer le CSR et la bi-clé d’après la documentation de l’Espace intégrateur CPS (http://integrateurs-cps.asipsante.fr/, rubrique « IGC Santé » puis « Portail Web »).',
        'Once habilitated, generate and install the CSR and key pair following the CPS integrators’ documentation (http://integrateurs-cps.asipsante.fr/, “IGC Santé”, then “Portail Web”).',
      ),
      details: [
        fromSeed(
          '003',
          c6,
          'Voir le guide d’utilisation des services IHM de la plateforme IGC-Santé (ASIP_IGC-Sante_Guide-IHM) : https://integrateurs-cps.asipsante.fr/sites/default/files/ASIP_IGC-Sante_Guide-IHM_160128_v1.0.0.pdf ; son chapitre 5 donne les prérequis.',
          'See the user guide of the IGC-Santé platform’s IHM services (ASIP_IGC-Sante_Guide-IHM): https://integrateurs-cps.asipsante.fr/sites/default/files/ASIP_IGC-Sante_Guide-IHM_160128_v1.0.0.pdf; its chapter 5 lists the prerequisites.',
        ),
        fromSeed(
          '003',
          c7,
          'Pour plus d’informations sur la procédure : https://esante.gouv.fr/securite/cartes-et-certificats. Service client : ' + serviceClient + '.',
          'More on the procedure: https://esante.gouv.fr/securite/cartes-et-certificats. Customer service: ' + serviceClient + '.',
        ),
      ],
    },
    {
      id: 'orderAuth',
      who: 'administrateurTechnique',
      title: fromSeed(
        '003',
        c6,
        'Commander un certificat PRO usage AUTH pour chaque utilisateur du DP (pharmacien, médecin, agent d’admission).',
        'Order a PRO AUTH certificate for every DP user (pharmacist, physician, admission agent).',
      ),
      details: [
        cardReader,
        igcAccess,
        fromSeed('003', c6, 'À l’étape 3 de la commande, laissez vide le champ UPN (non obligatoire).', 'At step 3 of the order, leave the UPN field empty (optional).'),
      ],
      cards: ['CPS', 'CPE', 'CPA'],
      pages: igcAuth,
    },
    {
      id: 'orderSign',
      who: 'administrateurTechnique',
      title: fromSeed('003', c6, 'Commander un certificat PRO usage SIGN pour chaque pharmacien.', 'Order a PRO SIGN certificate for every pharmacist.'),
      details: [
        cardReader,
        igcAccess,
        fromSeed(
          '003',
          c6,
          'À l’étape 3 de la commande, laissez vide l’adresse mail du bénéficiaire (non obligatoire).',
          'At step 3 of the order, leave the beneficiary e-mail empty (optional).',
        ),
      ],
      cards: ['CPS', 'CPE', 'CPA'],
      pages: igcSign,
      when: [{ feedDp: ['yes'] }],
    },
    {
      id: 'retrieve',
      who: 'administrateurTechnique',
      title: fromSeed(
        '003',
        c4,
        'Retirer et déployer les certificats commandés, puis en gérer le cycle de vie : retrait, révocation et suivi.',
        'Retrieve and deploy the certificates ordered, then manage their life cycle: retrieval, revocation and follow-up.',
      ),
      details: [
        fromSeed('003', c7, 'Le certificat PRO est valable 3 ans à compter de son obtention.', 'The PRO certificate is valid for 3 years from issue.'),
        baliseAdvice(
          '003',
          c7,
          'Enregistrez-le dans le profil de l’établissement : Balise vous préviendra avant son expiration.',
          'Record it in the establishment’s profile: Balise will remind you before it expires.',
        ),
      ],
      // « Retirer » (retrieval, revocation code, download) and the follow-up of the certificates' end dates.
      pages: [
        { portal: 'igc-sante', page: 'home' },
        { portal: 'igc-sante', page: 'withdrawSearch' },
        { portal: 'igc-sante', page: 'withdrawRevocation' },
        { portal: 'igc-sante', page: 'withdrawDownload' },
        { portal: 'igc-sante', page: 'certificateTracking' },
      ],
    },
    {
      id: 'dpUserAuth',
      perContact: dpUser,
      who: 'person',
      title: fromSeed('003', c3, 'Recevoir son propre certificat PRO usage AUTH, pour consulter le DP.', 'Receive one’s own PRO AUTH certificate, to consult the DP.'),
      when: [{ dpAuth: ['no'] }],
    },
    {
      id: 'dpUserSign',
      perContact: dpUser,
      who: 'person',
      title: fromSeed('003', c3, 'Recevoir son propre certificat PRO usage SIGN, pour alimenter le DP.', 'Receive one’s own PRO SIGN certificate, to feed the DP.'),
      when: [{ dpFunction: ['pharmacien'], feedDp: ['yes'], dpSign: ['no'] }],
    },
  ],
});
