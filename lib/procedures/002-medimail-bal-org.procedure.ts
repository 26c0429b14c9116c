/**
 * Seed 002: a Medimail organisational mailbox (BAL ORG). A personal nominative account comes
 * first (the BAL ORG is only reached through it); the online creation exists only in the
 * regions that chose Medimail; the mailbox shows in the annuaire santé within 72 h.
 */
import { fromSeed } from '../portals/schema';
import { defineProcedure, yesNo } from './schema';

const intro = 'BAL ORG';
const section2 = '2. Création d’un compte Medimail';
const section3 = 'Compléter le formulaire d’inscription du compte partagé';
const section4 = '4. Validation et visibilité';
const section5 = '5. Accéder à la boite organisationnelle';
const online = { regionOffersMedimail: ['yes'] };

export default defineProcedure({
  id: '002-medimail-bal-org',
  seed: '002',
  title: { fr: 'Boîte organisationnelle Medimail (BAL ORG)', en: 'Medimail organisational mailbox (BAL ORG)' },
  summary: fromSeed(
    '002',
    intro,
    'La BAL ORG est un compte partagé par plusieurs professionnels, avec une adresse MSS visible dans l’annuaire santé. On n’y accède qu’après s’être connecté à son compte individuel nominatif : il faut donc en avoir un.',
    'A BAL ORG is an account shared by several professionals, with an MSS address listed in the annuaire santé. It is only reached after logging in to one’s personal nominative account: one is needed first.',
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
    },
    {
      id: 'otherUsers',
      prompt: fromSeed('002', 'Actions possibles depuis la BAL ORG', 'D’autres personnes utiliseront-elles la BAL ORG ?', 'Will other people use the BAL ORG?'),
      choices: yesNo,
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
          intro,
          'Il est préférable de créer les comptes individuels nominatifs avant la BAL ORG.',
          'It is better to create the personal nominative accounts before the BAL ORG.',
        ),
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
      when: [{ hasPersonalAccount: ['no'], structureHasMedimail: ['no'] }],
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
        'Lancer la création : « Créer un compte », la région, « Nous créons un compte partagé organisationnel », puis « Oui ».',
        'Start the creation: “Créer un compte”, the region, “Nous créons un compte partagé organisationnel”, then “Oui”.',
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
      when: [online],
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
        fromSeed(
          '002',
          section2,
          'Mot de passe oublié : il se réinitialise depuis la page de connexion. Balise ne garde ni le mot de passe ni le code.',
          'Forgotten password: reset it from the login page. Balise keeps neither the password nor the code.',
        ),
      ],
      prepare: [fromSeed('002', section2, 'L’accès à la boîte mail du compte individuel, pour lire le code.', 'Access to the personal account’s mailbox, to read the code.')],
      pages: [
        { portal: 'medimail', page: 'personalAccountLogin' },
        { portal: 'medimail', page: 'associationCode' },
      ],
      proof: { portal: 'medimail', page: 'balOrgForm' },
      when: [online],
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
      uses: ['orgMailboxEmail', 'orgMailboxDescription', 'finessEt', 'street', 'city', 'postalCode', 'region', 'departement', 'service', 'establishmentPhone'],
      pages: [{ portal: 'medimail', page: 'balOrgForm' }],
      proof: { portal: 'medimail', page: 'balOrgSubmitted' },
      remindAfter: { kind: 'balOrgDirectory', hours: 72, until: 'directoryListing' },
      when: [online],
    },
    {
      id: 'directoryListing',
      who: 'me',
      title: fromSeed(
        '002',
        section4,
        'Vérifier que la BAL ORG apparaît dans l’annuaire santé (sous 72 h).',
        'Check that the BAL ORG shows in the annuaire santé (within 72 h).',
      ),
      details: [
        fromSeed('002', section4, 'Un mail est envoyé une fois le compte validé.', 'An e-mail is sent once the account is validated.'),
        fromSeed(
          '002',
          section4,
          'Le compte est visible dans l’annuaire santé sous 72 h, quand le Centre de Services du GRADeS a fini le paramétrage, dont l’adresse MSSanté (ex. pharmacie.du.centre.81000.albi@pharmacien.oc.mssante.fr).',
          'The account is listed within 72 h, once the GRADeS service centre has finished the setup, including the MSSanté address (e.g. pharmacie.du.centre.81000.albi@pharmacien.oc.mssante.fr).',
        ),
      ],
      pages: [{ portal: 'medimail', page: 'balOrgSubmitted' }],
      when: [online],
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
      when: [online],
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
      when: [{ ...online, otherUsers: ['yes'] }],
    },
  ],
});
