/**
 * Seed 002: a Medimail organisational mailbox (BAL ORG). A personal nominative account comes
 * first (the BAL ORG is only reached through it): one who has none gets it from the structure's
 * Medimail administrator, or creates it with the seed's guide, or, for a structure that wants
 * to deploy Medimail, asks for the connection. The online creation exists only in the regions
 * that chose Medimail; the mailbox shows in the annuaire santé within 72 h of its validation.
 */
import { baliseAdvice, fromSeed } from '../portals/schema';
import { defineProcedure, yesNo, type Condition } from './schema';

const intro = 'BAL ORG';
const types = '(*) Les différents types de Boites Aux Lettres';
const section2 = '2. Création d’un compte Medimail';
const section3 = 'Compléter le formulaire d’inscription du compte partagé';
const section4 = '4. Validation et visibilité';
const section5 = '5. Accéder à la boite organisationnelle';
const help = 'Une question ? Besoin d’aide ?';

/** The online creation: in a Medimail region, for one who has a personal account or gets one first (l.52-54). */
const online: Condition = [
  { hasPersonalAccount: ['yes'], regionOffersMedimail: ['yes'] },
  { structureHasMedimail: ['yes'], regionOffersMedimail: ['yes'] },
  { structureDeploysMedimail: ['no'], regionOffersMedimail: ['yes'] },
];

/** The personal mailboxes a BAL ORG user may hold (l.34): told where a personal account is to be made. */
const personalMailboxes = fromSeed(
  '002',
  types,
  'Comptes individuels : la BAL PER, pour un professionnel de santé qui a un identifiant RPPS, donne une adresse de l’annuaire MSSanté national, visible de tous les utilisateurs MSSanté ; la BAL INT, pour un professionnel de santé qui attend son RPPS (étranger ou en formation), peut aussi donner une adresse de cet annuaire.',
  'Personal accounts: a BAL PER, for a health professional with an RPPS number, gives an address in the national MSSanté directory, seen by every MSSanté user; a BAL INT, for a health professional still waiting for an RPPS (from abroad or in training), may also give an address in that directory.',
);

export default defineProcedure({
  id: '002-medimail-bal-org',
  seed: '002',
  title: { fr: 'Boîte organisationnelle Medimail (BAL ORG)', en: 'Medimail organisational mailbox (BAL ORG)' },
  summary: fromSeed(
    '002',
    intro,
    'La BAL ORG est un compte partagé par plusieurs professionnels, qu’ils aient un identifiant RPPS ou non. Son adresse MSS, visible dans l’annuaire santé, échange des données de santé en sécurité avec tout utilisateur d’une MSS (Medimail, Lifen, Mailiz…) ; une pharmacie qui en a une peut être contactée par les citoyens via Mon Espace Santé. On n’y accède qu’après s’être connecté à son compte individuel nominatif : il faut donc en avoir un.',
    'A BAL ORG is an account shared by several professionals, with or without an RPPS number. Its MSS address, listed in the annuaire santé, exchanges health data securely with anyone using an MSS (Medimail, Lifen, Mailiz…); a pharmacy that has one can be reached by citizens through Mon Espace Santé. It is only reached after logging in to one’s personal nominative account: one is needed first.',
  ),
  questions: [
    {
      id: 'hasPersonalAccount',
      prompt: fromSeed('002', intro, 'Avez-vous déjà un compte Medimail individuel nominatif ?', 'Do you already have a personal nominative Medimail account?'),
      choices: yesNo,
    },
    {
      id: 'structureHasMedimail',
      prompt: fromSeed('002', intro, 'Votre structure dispose-t-elle déjà de Medimail ?', 'Does your structure already use Medimail?'),
      choices: yesNo,
      askIf: [{ hasPersonalAccount: ['no'] }],
    },
    {
      id: 'structureDeploysMedimail',
      prompt: fromSeed('002', intro, 'Votre structure souhaite-t-elle déployer Medimail ?', 'Does your structure want to deploy Medimail?'),
      help: baliseAdvice(
        '002',
        intro,
        'Répondez « Non » si vous voulez seulement une BAL ORG : vous créerez alors vous-même votre compte individuel, là où Medimail est proposé.',
        'Answer “No” if you only want a BAL ORG: you will then create your personal account yourself, where Medimail is offered.',
      ),
      choices: yesNo,
      askIf: [{ structureHasMedimail: ['no'] }],
    },
    {
      id: 'regionOffersMedimail',
      prompt: fromSeed(
        '002',
        '1. Choisir la région',
        'Medimail a-t-il été choisi comme messagerie sécurisée de santé des libéraux dans la région où vous exercez ?',
        'Was Medimail chosen as the secure health messaging for private practitioners in the region where you work?',
      ),
      help: fromSeed(
        '002',
        '1. Choisir la région',
        'La création de compte n’est disponible que dans ces régions : la liste des régions s’affiche sur Medimail après « Créer un compte ».',
        'Account creation is only available in those regions: Medimail lists them after “Créer un compte”.',
      ),
      choices: yesNo,
      // A structure asking for its connection does not go through the online creation.
      askIf: [{ hasPersonalAccount: ['yes'] }, { structureHasMedimail: ['yes'] }, { structureDeploysMedimail: ['no'] }],
    },
    {
      id: 'otherUsers',
      prompt: fromSeed('002', 'Actions possibles depuis la BAL ORG', 'D’autres personnes utiliseront-elles la BAL ORG ?', 'Will other people use the BAL ORG?'),
      choices: yesNo,
      askIf: online,
    },
  ],
  steps: [
    {
      id: 'personalAccountFromAdmin',
      who: 'me',
      title: fromSeed(
        '002',
        intro,
        'Se rapprocher de l’administrateur Medimail de la structure pour créer son compte individuel.',
        'Ask the structure’s Medimail administrator to create your personal account.',
      ),
      details: [
        fromSeed(
          '002',
          types,
          'Il est préférable de créer les comptes individuels nominatifs avant la BAL ORG.',
          'It is better to create the personal nominative accounts before the BAL ORG.',
        ),
        personalMailboxes,
      ],
      when: [{ hasPersonalAccount: ['no'], structureHasMedimail: ['yes'] }],
    },
    {
      id: 'connectionRequest',
      who: 'me',
      title: fromSeed(
        '002',
        intro,
        'Renseigner le formulaire de demande de raccordement à Medimail.',
        'Fill in the request form to join Medimail.',
      ),
      details: [
        fromSeed(
          '002',
          intro,
          'Pour un professionnel de santé d’une structure qui ne dispose pas encore de Medimail et souhaite le déployer.',
          'For a health professional whose structure does not use Medimail yet and wants to deploy it.',
        ),
      ],
      when: [{ structureDeploysMedimail: ['yes'] }],
    },
    {
      id: 'createPersonalAccount',
      who: 'me',
      title: fromSeed(
        '002',
        section2,
        'Créer d’abord son compte individuel nominatif, en suivant le mode opératoire « Création d’un compte individuel nominatif ».',
        'First create your personal nominative account, following the guide “Création d’un compte individuel nominatif”.',
      ),
      details: [
        fromSeed(
          '002',
          intro,
          'Sans compte individuel, pas de BAL ORG : on n’y accède qu’en s’y connectant.',
          'No personal account, no BAL ORG: it is only reached by logging in to one.',
        ),
        personalMailboxes,
      ],
      pages: [{ portal: 'medimail', page: 'login' }],
      when: [{ structureDeploysMedimail: ['no'], regionOffersMedimail: ['yes'] }],
    },
    {
      id: 'regionUnavailable',
      who: 'me',
      title: fromSeed(
        '002',
        '1. Choisir la région',
        'La création de compte en ligne n’est pas disponible : elle n’existe que dans les régions où Medimail a été choisi comme messagerie sécurisée de santé pour les libéraux.',
        'Online account creation is not available: it only exists in regions that chose Medimail as secure health messaging for private practitioners.',
      ),
      when: [{ regionOffersMedimail: ['no'] }],
    },
    {
      id: 'startCreation',
      who: 'me',
      title: fromSeed(
        '002',
        section2,
        'Lancer la création : « Créer un compte », la région, « Nous créons un compte partagé organisationnel », puis « Oui », puisque vous avez un compte individuel.',
        'Start the creation: “Créer un compte”, the region, “Nous créons un compte partagé organisationnel”, then “Oui”, as you have a personal account.',
      ),
      details: [
        fromSeed(
          '002',
          section2,
          '« Oui » si vous disposez déjà d’un compte individuel. « Non » crée un compte non visible dans l’annuaire.',
          '“Oui” if you already have a personal account. “Non” creates an account that is not listed in the directory.',
        ),
      ],
      uses: ['region'],
      pages: [
        { portal: 'medimail', page: 'login' },
        { portal: 'medimail', page: 'region' },
        { portal: 'medimail', page: 'accountType' },
        { portal: 'medimail', page: 'personalAccountQuestion' },
      ],
      proof: { portal: 'medimail', page: 'personalAccountLogin' },
      when: online,
    },
    {
      id: 'linkPersonalAccount',
      who: 'me',
      title: fromSeed(
        '002',
        section2,
        'Associer son compte individuel : son adresse mail et son mot de passe, puis le code à usage unique reçu par mail.',
        'Link your personal account: its e-mail and password, then the one-time code received by e-mail.',
      ),
      details: [
        baliseAdvice(
          '002',
          section2,
          'Tapez vous-même le mot de passe et le code : Balise ne les remplit ni ne les garde.',
          'Type the password and the code yourself: Balise neither fills nor keeps them.',
        ),
      ],
      prepare: [fromSeed('002', section2, 'L’accès à la boîte mail du compte individuel, pour lire le code.', 'Access to the personal account’s mailbox, to read the code.')],
      pages: [
        { portal: 'medimail', page: 'personalAccountLogin' },
        { portal: 'medimail', page: 'associationCode' },
      ],
      proof: { portal: 'medimail', page: 'balOrgForm' },
      when: online,
    },
    {
      id: 'fillForm',
      who: 'me',
      title: fromSeed('002', section3, 'Compléter et valider le formulaire du compte partagé.', 'Complete and submit the shared account form.'),
      details: [
        fromSeed(
          '002',
          section3,
          'Une adresse mail générique ; une description précise (service, structure, ville, code postal) : c’est par elle qu’on vous retrouve dans l’annuaire.',
          'A generic e-mail address; a precise description (department, structure, city, postcode): it is how the directory finds you.',
        ),
        fromSeed(
          '002',
          section3,
          'Identifiant établissement : le FINESS géographique ; le SIREN/SIRET seulement sans FINESS.',
          'Establishment identifier: the geographic FINESS; SIREN/SIRET only without a FINESS.',
        ),
        fromSeed(
          '002',
          section3,
          'La structure : son adresse postale, sa raison sociale, le service de rattachement s’il y en a un, un numéro de téléphone.',
          'The structure: its postal address, its registered name, the department it belongs to if any, a phone number.',
        ),
        fromSeed(
          '002',
          section3,
          'Laissez cochée l’option de dématérialisation ; par défaut, l’adresse mail est visible dans l’annuaire Medimail.',
          'Leave the dematerialisation option ticked; by default the e-mail address is listed in the Medimail directory.',
        ),
      ],
      prepare: [
        fromSeed(
          '002',
          section3,
          'Le professionnel de santé responsable de la boîte : nom, prénom, profession et identifiant RPPS.',
          'The health professional in charge of the mailbox: surname, first name, profession and RPPS number.',
        ),
      ],
      uses: ['orgMailboxEmail', 'orgMailboxDescription', 'finessEt', 'legalName', 'street', 'city', 'postalCode', 'region', 'departement', 'service', 'establishmentPhone'],
      pages: [{ portal: 'medimail', page: 'balOrgForm' }],
      proof: { portal: 'medimail', page: 'balOrgSubmitted' },
      when: online,
    },
    {
      id: 'validationMail',
      who: 'me',
      title: fromSeed(
        '002',
        section4,
        'Recevoir le mail envoyé une fois le compte validé.',
        'Receive the e-mail sent once the account is validated.',
      ),
      details: [
        baliseAdvice(
          '002',
          section4,
          'Cochez cette étape quand le mail arrive : les 72 h de l’annuaire santé partent de la validation, et Balise vous le rappellera à leur terme.',
          'Tick this step when the e-mail arrives: the directory’s 72 h run from the validation, and Balise will remind you when they are over.',
        ),
      ],
      pages: [{ portal: 'medimail', page: 'balOrgSubmitted' }],
      remindAfter: { kind: 'balOrgDirectory', hours: 72, until: 'directoryListing' },
      when: online,
    },
    {
      id: 'directoryListing',
      who: 'me',
      title: fromSeed(
        '002',
        section4,
        'Vérifier que la BAL ORG apparaît dans l’annuaire santé, dans les 72 h qui suivent sa validation.',
        'Check that the BAL ORG shows in the annuaire santé, within 72 h of its validation.',
      ),
      details: [
        fromSeed(
          '002',
          section4,
          'Le compte est visible dans l’annuaire santé sous 72 h, quand le Centre de Services du GRADeS a fini le paramétrage, dont l’adresse MSSanté (ex. pharmacie.du.centre.81000.albi@pharmacien.oc.mssante.fr).',
          'The account is listed within 72 h, once the GRADeS service centre has finished the setup, including the MSSanté address (e.g. pharmacie.du.centre.81000.albi@pharmacien.oc.mssante.fr).',
        ),
        fromSeed(
          '002',
          help,
          'Pour une question ou de l’aide : le centre de services du GRADeS Occitanie, « Assistance e-Santé Occitanie » (Jira Service Management).',
          'For a question or help: the GRADeS Occitanie service centre, “Assistance e-Santé Occitanie” (Jira Service Management).',
        ),
        baliseAdvice(
          '002',
          help,
          'Ce contact est celui de l’Occitanie, d’où vient la fiche : dans une autre région, le GRADeS de cette région est le plus proche de votre compte.',
          'That contact is Occitanie’s, where the guide comes from: in another region, that region’s GRADeS is the closest to your account.',
        ),
      ],
      pages: [{ portal: 'medimail', page: 'balOrgSubmitted' }],
      when: online,
    },
    {
      id: 'switchToBalOrg',
      who: 'me',
      title: fromSeed(
        '002',
        section5,
        'Ouvrir la BAL ORG : se connecter avec le compte individuel et le code OTP, puis « Changer de compte ».',
        'Open the BAL ORG: log in with the personal account and the OTP code, then “Changer de compte”.',
      ),
      details: [
        fromSeed(
          '002',
          section5,
          'On arrive sur le compte individuel : cliquez sur l’intitulé du compte en haut à droite, sur « Changer de compte », puis sur l’adresse mail du compte organisationnel.',
          'You land on the personal account: click the account title at the top right, “Changer de compte”, then the organisational account’s address.',
        ),
      ],
      pages: [
        { portal: 'medimail', page: 'login' },
        { portal: 'medimail', page: 'loginFailed' },
        { portal: 'medimail', page: 'loginCode' },
        { portal: 'medimail', page: 'switchAccount' },
      ],
      when: online,
    },
    {
      id: 'addUsers',
      who: 'me',
      title: fromSeed(
        '002',
        'Actions possibles depuis la BAL ORG',
        'Ajouter les autres utilisateurs à la BAL ORG, une fois le compte partagé validé.',
        'Add the other users to the BAL ORG, once the shared account is validated.',
      ),
      details: [
        fromSeed(
          '002',
          'Actions possibles depuis la BAL ORG',
          'Voir le mode opératoire « Ajout d’un compte utilisateur à une boite organisationnelle (BAL ORG) ».',
          'See the guide “Ajout d’un compte utilisateur à une boite organisationnelle (BAL ORG)”.',
        ),
      ],
      pages: [{ portal: 'medimail', page: 'switchAccount' }],
      when: online.map((path) => ({ ...path, otherUsers: ['yes'] })),
    },
  ],
});
