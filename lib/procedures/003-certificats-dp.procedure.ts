/**
 * Seed 003: IGC-Santé PRO certificates to authenticate on the Dossier Pharmaceutique.
 * Prerequisites (ANS contract and CDE card, mandataire, a technical admin holding a CPx
 * card), form 413, then the order and installation on the IGC-Santé platform. GHT and
 * private groups: one contract per site, an inventory first, the vendor involved.
 */
import { fromSeed } from '../portals/schema';
import { defineProcedure, yesNo } from './schema';

const c4 = '4. Modalités d’obtention';
const c41 = '4.1 Prérequis relatifs au contrat de structure';
const c42 = '4.2 Cas des établissements publics : GHT, EHPAD';
const c43 = '4.3 Cas des établissements privés';
const c5 = '5. Comment procéder pour remplir le formulaire 413';
const c6 = '6. Commande technique et installation des certificats logiciels';
const serviceClient = 'monserviceclient.certificats@asipsante.fr';
const grouped = ['publicGht', 'privateGroup'];
// The « Demander » wizard of the platform: log-in, offre and structure, new product, product fields (by usage).
const igcRequest = [
  { portal: 'igc-sante', page: 'home' },
  { portal: 'igc-sante', page: 'requestStart' },
  { portal: 'igc-sante', page: 'newProduct' },
];
const igcAuth = [...igcRequest, { portal: 'igc-sante', page: 'productOrder' }];
const igcSign = [...igcRequest, { portal: 'igc-sante', page: 'productOrderSign' }];
const cardReader = fromSeed(
  '003',
  c6,
  'Prérequis : un poste équipé d’un lecteur de carte à puce pour s’authentifier par carte CPx, et l’accès à la plateforme IGC-Santé.',
  'Prerequisites: a workstation with a smart-card reader to log in with a CPx card, and access to the IGC-Santé platform.',
);

export default defineProcedure({
  id: '003-certificats-dp',
  seed: '003',
  title: { fr: 'Certificats IGC-Santé pour le Dossier Pharmaceutique', en: 'IGC-Santé certificates for the Dossier Pharmaceutique' },
  summary: fromSeed(
    '003',
    '2. Pourquoi ma structure a-t-elle besoin de certificats ?',
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
        'Le représentant légal a-t-il déjà un contrat avec l’ANS et une carte CDE active ?',
        'Does the legal representative already have an ANS contract and an active CDE card?',
      ),
      help: fromSeed('003', c4, 'Si votre structure a déjà un contrat avec l’ANS, vous pouvez passer au formulaire 413.', 'If your structure already has an ANS contract, you can go straight to form 413.'),
      choices: yesNo,
      suggest: (establishment) => (establishment.contacts.some((c) => c.roles.includes('representantLegal') && c.card === 'CDE') ? 'yes' : undefined),
    },
    {
      id: 'mandataire',
      prompt: fromSeed('003', c41, 'Comment le mandataire sera-t-il habilité ?', 'How will the mandataire be appointed?'),
      help: fromSeed(
        '003',
        c41,
        'Le mandataire conduit la commande pour l’établissement jusqu’à son terme et gère le cycle de vie des produits de certification.',
        'The mandataire carries the order through for the establishment and manages the certification products’ life cycle.',
      ),
      choices: [
        { value: 'newCpe', label: { fr: 'Il n’a pas de carte CPE : formulaire 301', en: 'No CPE card yet: form 301' } },
        { value: 'hasCpe', label: { fr: 'Il a déjà une carte CPE : formulaire 502', en: 'Already holds a CPE card: form 502' } },
        { value: 'tom', label: { fr: 'Par le téléservice TOM', en: 'Through the TOM teleservice' } },
      ],
      askIf: [{ hasContract: ['no'] }],
    },
    {
      id: 'techAdmin',
      prompt: fromSeed('003', c4, 'Qui sera l’administrateur technique ?', 'Who will be the technical admin?'),
      choices: [
        { value: 'employee', label: { fr: 'Un employé de la structure (carte CPS ou CPE)', en: 'A staff member (CPS or CPE card)' } },
        { value: 'vendor', label: { fr: 'Un technicien de l’éditeur ou de l’intégrateur (carte CPA)', en: 'A vendor’s or integrator’s technician (CPA card)' } },
      ],
    },
    {
      id: 'techAdminHasCard',
      prompt: fromSeed('003', c41, 'L’administrateur technique a-t-il une carte CPx en cours de validité ?', 'Does the technical admin hold a valid CPx card?'),
      choices: yesNo,
      askIf: [{ techAdmin: ['employee'] }],
      suggest: (establishment) => {
        const admins = establishment.contacts.filter((c) => c.roles.includes('administrateurTechnique'));
        return admins.some((c) => c.card === 'CPS' || c.card === 'CPE' || c.card === 'CPA') ? 'yes' : undefined;
      },
    },
    {
      id: 'feedDp',
      prompt: fromSeed('003', '3. Quels certificats ?', 'Vos pharmaciens alimenteront-ils le DP ?', 'Will your pharmacists feed the DP?'),
      choices: yesNo,
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
      forms: ['f301'],
      cards: ['CPE'],
      when: [{ hasContract: ['no'], mandataire: ['newCpe'] }],
    },
    {
      id: 'mandataireF502',
      who: 'representantLegal',
      title: fromSeed('003', c41, 'Habiliter le mandataire, qui a déjà une carte CPE, avec le formulaire n°502.', 'Appoint the mandataire, who already holds a CPE card, with form 502.'),
      forms: ['f502'],
      when: [{ hasContract: ['no'], mandataire: ['hasCpe'] }],
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
      id: 'techAdminCard',
      who: 'mandataire',
      title: fromSeed(
        '003',
        c41,
        'Commander la carte CPE de l’administrateur technique : formulaire n°301 ou téléservice TOM.',
        'Order the technical admin’s CPE card: form 301 or the TOM teleservice.',
      ),
      details: [
        fromSeed(
          '003',
          c41,
          'Le représentant légal ou le mandataire peut faire cette commande. L’administrateur technique doit posséder une carte CPx en cours de validité.',
          'The legal representative or the mandataire can place this order. The technical admin must hold a valid CPx card.',
        ),
      ],
      forms: ['f301'],
      cards: ['CPE'],
      pages: [{ portal: 'ans-tom', page: 'home' }],
      when: [{ techAdmin: ['employee'], techAdminHasCard: ['no'] }],
    },
    {
      id: 'form413',
      who: 'representantLegal',
      title: fromSeed(
        '003',
        c5,
        'Compléter et signer le formulaire n°413 (parties 1, 3 et 4), qui déclare l’administrateur technique.',
        'Fill in and sign form 413 (parts 1, 3 and 4), which declares the technical admin.',
      ),
      details: [
        fromSeed(
          '003',
          c5,
          'Partie 3 (visa et cachet) : l’identité du représentant légal ou de son mandataire, titulaire d’une carte CPS ou CPx en cours de validité, et le cachet de la structure.',
          'Part 3 (visa and stamp): the identity of the legal representative or their mandataire, holding a valid CPS or CPx card, and the structure’s stamp.',
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
      id: 'install',
      who: 'administrateurTechnique',
      title: fromSeed(
        '003',
        c6,
        'Générer et installer le CSR et la bi-clé, d’après la documentation de l’Espace intégrateur CPS (« IGC Santé », puis « Portail Web »).',
        'Generate and install the CSR and key pair, following the CPS integrators’ documentation (“IGC Santé”, then “Portail Web”).',
      ),
      details: [
        fromSeed(
          '003',
          '7. Durée de validité',
          'Le certificat est valable 3 ans à compter de son obtention : enregistrez-le dans le profil de l’établissement, Balise vous préviendra avant son expiration.',
          'The certificate is valid for 3 years from issue: record it in the establishment’s profile and Balise will remind you before it expires.',
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
  ],
});
