/**
 * Medimail (MIPIH): creation of an organisational mailbox, BAL ORG (seed 002).
 *
 * Where things come from (evidence: ../../../shared/research/real-portals.md §1.4, §3.C):
 * - The host is the seed's, confirmed by a 2020 scraper of the real webmail
 *   (github.com/PhilRfr/medimail-downloader): everything lives on `/`, routed by a `m` query
 *   parameter (`/?m=liste&f=<folder>&o=date&p=<n>`, `/?m=open&idk=<id>`); login is a POST to
 *   `/` with the fields `login` (an e-mail) and `password`. No source shows the paths of the
 *   account creation, the one-time code or the mailbox switch: every page is on `path: '/'`,
 *   with a `query` hint only for the mailbox (`m=liste`), and is recognised by what it shows.
 * - The signs are seed 002's headings and texts (its screenshots' OCR). Those screenshots were
 *   taken on a pre-production Medimail (their identity providers read « PREPROD »,
 *   « INTEGRATION », « RECETTE »): labels are provisional and given with alternatives.
 *   What neither the seed nor the evidence gives is marked « guess » beside it.
 * - Login must never be taken for another page (issue 13: the BAL ORG form was taken for it):
 *   its signs are what only the login screen shows (the tagline, « PRO SANTE CONNECT »,
 *   « Mot de passe oublié ? », « Créer un compte »), not the « La Messagerie Sécurisée de Santé
 *   publique » title a site may put in every tab's title. See ./medimail.test.ts.
 *
 * The pages follow procedure 002's order (creation, then access to the BAL ORG): the test
 * server (test/demo/serve.ts) serves pages sharing a URL in module order, a POST giving the next.
 */
import { definePortal, fromSeed, type Sign } from './schema';

const section2 = '2. Création d’un compte Medimail';
const section3 = 'Compléter le formulaire d’inscription du compte partagé';
const section5 = '5. Accéder à la boite organisationnelle';
// The seed on the address, the service and the phone: « Renseigner ces champs permet d'être retrouvé facilement dans l'annuaire. »
const helpsTheDirectory = fromSeed('002', section3, 'Facultatif : renseigné, ce champ aide à vous retrouver dans l’annuaire.', 'Optional: filling it in helps the directory find you.');

/** Seed 002's NB under « Choisir la région »: said on both region fields when the portal's list lacks the establishment's. */
const regionNotOffered = fromSeed(
  '002',
  '1. Choisir la région',
  'La création de compte n’est disponible que dans les régions où Medimail a été choisi comme messagerie sécurisée de santé pour les libéraux.',
  'Accounts can only be created in regions that chose Medimail as their secure health messaging for private practitioners.',
);

/** The creation pages' heading on the seed's screenshots (OCR « Création d'un compte organisationnel »). */
const orgCreation: Sign = { title: 'Création d’un compte organisationnel' };

/**
 * The seed's sentence on a forgotten password stops at « …réinitialiser sur la page du » (l.69):
 * where to reset it is not said, so neither is it here.
 */
const forgottenPassword = fromSeed(
  '002',
  section2,
  'Mot de passe du compte nominatif oublié : il peut être réinitialisé.',
  'Forgotten the nominative account’s password: it can be reset.',
);

/** What only the login screen shows (seed 002, « Se connecter sur le site de Medimail », OCR of its screenshot). */
const loginSigns: Sign[] = [
  { text: 'La Messagerie Sécurisée de Santé publique' },
  { text: 'Sécurisez vos échanges entre professionnels de santé et avec vos patients' },
  // OCR « PRO SANTE CONNECT »; Pro Santé Connect's own pages write it « ProSanteConnect » (report §3.H).
  { button: ['PRO SANTE CONNECT', 'Pro Santé Connect'] },
  // OCR « Met de posse exbilé ? ».
  { button: 'Mot de passe oublié ?' },
];

const loginFields = [
  {
    // The real field is named `login` and must be an e-mail (« Le login doit être une adresse mail valide. »);
    // its label is not known (guess: the seed's own « Adresse mail », then other usual wordings).
    match: { label: ['Adresse mail', 'Identifiant', 'Login', 'Adresse e-mail'] },
    kind: 'email' as const,
    role: 'me' as const,
    hint: fromSeed('002', section5, 'Identifiant : l’adresse mail de votre compte individuel nominatif.', 'Identifier: the e-mail address of your personal nominative account.'),
  },
  {
    // Real field `password`; OCR « Matt de posse ».
    match: { label: 'Mot de passe' },
    kind: 'password' as const,
    hint: fromSeed('002', section5, 'Le mot de passe de votre compte individuel.', 'Your personal account’s password.'),
  },
];

export default definePortal({
  id: 'medimail',
  name: { fr: 'Medimail', en: 'Medimail' },
  hosts: ['medimail.mipih.fr'],
  hostRefs: [
    { seed: '002', section: 'Se connecter sur le site de Medimail' },
    {
      url: 'https://github.com/PhilRfr/medimail-downloader',
      note: 'A 2020 scraper of the real webmail: login POST to https://medimail.mipih.fr/ (fields login, password), folders at /?m=liste&f=…&o=date&p=…, messages at /?m=open&idk=….',
    },
  ],
  pages: [
    {
      id: 'login',
      name: { fr: 'Connexion Medimail', en: 'Medimail login' },
      shows: loginSigns,
      path: '/',
      samples: ['https://medimail.mipih.fr/'],
      instructions: [
        fromSeed(
          '002',
          'BAL ORG',
          'Un compte partagé (BAL ORG) ne s’ouvre qu’après connexion à un compte individuel nominatif : créez d’abord les comptes individuels.',
          'A shared mailbox (BAL ORG) is only reached after logging in to a personal nominative account: create the personal accounts first.',
        ),
        fromSeed('002', 'Se connecter sur le site de Medimail', 'Cliquez sur « Créer un compte ».', 'Click “Créer un compte”.'),
        fromSeed(
          '002',
          section5,
          'Une fois la BAL ORG validée : connectez-vous avec l’adresse mail de votre compte individuel et son mot de passe.',
          'Once the BAL ORG is validated: log in with your personal account’s e-mail address and password.',
        ),
      ],
      next: [
        { page: 'region', label: { fr: 'Créer un compte', en: 'Create an account' } },
        { page: 'loginCode', label: { fr: 'Code à usage unique', en: 'One-time code' } },
      ],
      // Both in the seed's OCR (« Créer un compte », « Connecton »).
      clickNext: [{ match: { label: 'Créer un compte' } }, { match: { label: 'Connexion' } }],
      fields: loginFields,
    },
    {
      id: 'region',
      name: { fr: 'Choix de la région', en: 'Region choice' },
      shows: [
        // Guess: the seed's screenshot of this screen has no OCR; its section title is « Création d'un compte Medimail ».
        { title: 'Création d’un compte Medimail' },
        // The seed's words (« Choisir la région dans laquelle vous exercez ») and its NB; whether the screen shows them is a guess.
        { text: ['Choisir la région dans laquelle vous exercez', 'la création de compte est disponible seulement dans les régions où Medimail'] },
      ],
      path: '/',
      samples: ['https://medimail.mipih.fr/'],
      instructions: [
        fromSeed(
          '002',
          '1. Choisir la région',
          'Choisissez la région où vous exercez. La création de compte n’est possible que dans les régions où Medimail a été choisi comme messagerie sécurisée de santé pour les libéraux.',
          'Choose the region where you work. Accounts can only be created in regions that chose Medimail as their secure health messaging for private practitioners.',
        ),
      ],
      next: [{ page: 'accountType', label: { fr: 'Type de compte', en: 'Account type' } }],
      // No click target: the seed names no button here (« Continuer » was invented and is gone).
      fields: [
        {
          // Guess: the label is not in the seed; these follow its wording (not « Région » alone: that is the BAL ORG form's field).
          match: { label: ['Région d’exercice', 'Région dans laquelle vous exercez', 'Choisir la région dans laquelle vous exercez'] },
          kind: 'region',
          // No tip: the seed says nothing of the field beyond its label, and the page's instruction holds its NB.
          notOffered: regionNotOffered,
        },
      ],
    },
    {
      id: 'accountType',
      name: { fr: 'Type de compte', en: 'Account type' },
      // Guess: heading as the seed's section title. The choice's words are the seed's.
      shows: [{ title: 'Création d’un compte Medimail' }],
      path: '/',
      samples: ['https://medimail.mipih.fr/'],
      instructions: [
        fromSeed(
          '002',
          section2,
          'Cliquez sur « Nous créons un compte partagé organisationnel ».',
          'Click “Nous créons un compte partagé organisationnel”.',
        ),
      ],
      next: [{ page: 'personalAccountQuestion', label: { fr: 'Compte individuel', en: 'Personal account' } }],
      // The seed: « Cliquer sur Nous créons un compte partagé organisationnelle ».
      clickNext: [{ match: { label: ['Nous créons un compte partagé organisationnel', 'Nous créons un compte partagé organisationnelle'] } }],
    },
    {
      id: 'personalAccountQuestion',
      name: { fr: 'Disposez-vous d’un compte individuel ?', en: 'Do you have a personal account?' },
      shows: [
        orgCreation,
        // Guess: the question's wording; the seed says « Si vous disposez déjà d'un compte individuel : Cliquez sur « Oui » ».
        { text: ['Disposez-vous déjà d’un compte individuel', 'Avez-vous déjà un compte individuel'] },
        // The seed: « Si vous cliquez sur « Non », cela va créer un compte non visible dans l'annuaire ».
        { button: 'Non' },
      ],
      path: '/',
      samples: ['https://medimail.mipih.fr/'],
      instructions: [
        fromSeed(
          '002',
          section2,
          'Si vous avez déjà un compte individuel, cliquez sur « Oui » pour créer la boîte organisationnelle. Sinon, créez d’abord votre compte individuel nominatif.',
          'If you already have a personal account, click “Oui” to create the organisational mailbox. Otherwise create your personal nominative account first.',
        ),
        fromSeed('002', section2, '« Non » crée un compte non visible dans l’annuaire.', '“Non” creates an account that does not appear in the directory.'),
      ],
      next: [{ page: 'personalAccountLogin', label: { fr: 'Compte nominatif', en: 'Nominative account' } }],
      // « Oui » and « Non » are clicked (the seed), not ticked then confirmed: the invented « Continuer » is gone.
      clickNext: [{ match: { label: 'Oui' } }],
    },
    {
      id: 'personalAccountLogin',
      name: { fr: 'Compte nominatif associé', en: 'Linked nominative account' },
      shows: [
        orgCreation,
        // Seed OCR: « Je renseigne l'adresse mail et le mot de passe du compte nominatif qui me permettra d'accéder à ma future boîte aux lettres organisationnelle ».
        { text: 'compte nominatif qui me permettra d’accéder à ma future boîte aux lettres organisationnelle' },
      ],
      path: '/',
      samples: ['https://medimail.mipih.fr/'],
      instructions: [
        fromSeed(
          '002',
          section2,
          'Saisissez l’identifiant (adresse mail) et le mot de passe de votre compte individuel, puis validez : c’est par lui que vous accéderez à la boîte organisationnelle.',
          'Type your personal account’s identifier (e-mail) and password, then confirm: it is how you will reach the organisational mailbox.',
        ),
        forgottenPassword,
      ],
      next: [{ page: 'associationCode', label: { fr: 'Code à usage unique', en: 'One-time code' } }],
      // The seed: « Saisir l'identifiant et le mot de passe de votre compte individuel puis valider ».
      clickNext: [{ match: { label: 'Valider' } }],
      fields: [
        {
          // Seed OCR « Adresse mail * », « Aot de passe * ».
          match: { label: 'Adresse mail' },
          kind: 'email',
          role: 'me',
          hint: fromSeed('002', section2, 'L’adresse mail de votre compte individuel nominatif.', 'Your personal nominative account’s e-mail.'),
        },
        {
          match: { label: 'Mot de passe' },
          kind: 'password',
          hint: fromSeed('002', section2, 'Le mot de passe de votre compte individuel.', 'Your personal account’s password.'),
        },
      ],
    },
    {
      id: 'associationCode',
      name: { fr: 'Code de validation', en: 'Validation code' },
      shows: [
        orgCreation,
        // Seed OCR: « Je renseigne le code reçu afin de valider l'association de mon compte nominatif au compte organisationnel en cours de création ».
        { text: 'Je renseigne le code reçu afin de valider l’association de mon compte nominatif au compte organisationnel' },
        // Seed OCR « Renvoyer le code ».
        { button: 'Renvoyer le code' },
      ],
      path: '/',
      samples: ['https://medimail.mipih.fr/'],
      instructions: [
        fromSeed(
          '002',
          section2,
          'Renseignez le code à usage unique reçu sur votre adresse mail, puis validez : il associe votre compte nominatif au compte organisationnel en création.',
          'Type the one-time code received by e-mail, then confirm: it links your nominative account to the organisational account being created.',
        ),
      ],
      next: [{ page: 'balOrgForm', label: { fr: 'Formulaire', en: 'Form' } }],
      // Seed OCR « Valider ».
      clickNext: [{ match: { label: 'Valider' } }],
      fields: [
        {
          // Guess: the screenshot shows the code box with no readable label.
          match: { label: ['Code reçu', 'Code', 'Code à usage unique'] },
          kind: 'oneTimeCode',
          hint: fromSeed('002', section2, 'Le code reçu par e-mail ; « Renvoyer le code » en demande un autre.', 'The code received by e-mail; “Renvoyer le code” sends another.'),
        },
      ],
    },
    {
      id: 'balOrgForm',
      name: { fr: 'Formulaire du compte partagé', en: 'Shared account form' },
      shows: [
        orgCreation,
        // The form's four section headings (seed OCR).
        { title: 'Je renseigne l’adresse mail du compte organisationnel' },
        { title: 'Je renseigne les informations de la structure d’exercice' },
        { title: 'Je renseigne les informations relatives au responsable du compte' },
        { title: 'Je renseigne mes préférences d’utilisation' },
      ],
      path: '/',
      samples: ['https://medimail.mipih.fr/'],
      instructions: [
        fromSeed(
          '002',
          section3,
          'Vérifiez les informations déjà saisies et complétez le formulaire : seuls les champs marqués (*) sont obligatoires.',
          'Check what was already filled in and complete the form: only fields marked (*) are mandatory.',
        ),
        fromSeed(
          '002',
          section3,
          'Une boîte organisationnelle doit être sous la responsabilité d’un professionnel de santé.',
          'An organisational mailbox must be under a health professional’s responsibility.',
        ),
      ],
      next: [{ page: 'balOrgSubmitted', label: { fr: 'Validation', en: 'Validation' } }],
      // The seed: « Cliquer sur le valider ».
      clickNext: [{ match: { label: 'Valider' } }],
      fields: [
        {
          // Seed OCR « dissa noi * » under « Je renseigne l’adresse mail du compte organisationnel »: the label is a reading.
          match: { label: ['Adresse mail', 'Adresse mail du compte organisationnel'] },
          kind: 'orgMailboxEmail',
          hint: fromSeed(
            '002',
            section3,
            'Une adresse mail générique, par ex. pharmacie-du-centre-albi@… ou secretariat.equipe@…',
            'A generic e-mail address, e.g. pharmacie-du-centre-albi@… or secretariat.equipe@…',
          ),
        },
        {
          match: { label: 'Description du compte' },
          kind: 'orgMailboxDescription',
          hint: fromSeed(
            '002',
            section3,
            'Une description précise : service, structure, ville, code postal (ex. : service psychiatrique clinique du château 31400 Toulouse). C’est par elle qu’on vous retrouve dans l’annuaire.',
            'A precise description: department, structure, city, postcode (e.g. psychiatric department, clinique du château, 31400 Toulouse). It is how the directory finds you.',
          ),
        },
        {
          match: { label: 'Type d’identifiant établissement' },
          kind: 'establishmentIdentifierType',
          hint: fromSeed(
            '002',
            section3,
            'FINESS géographique ; SIREN ou SIRET seulement si la structure n’a pas de FINESS.',
            'Geographic FINESS; SIREN or SIRET only when the structure has no FINESS.',
          ),
        },
        {
          match: { label: 'Identifiant établissement' },
          kind: 'finessEt',
          finess: 'et',
          hint: fromSeed(
            '002',
            section3,
            'Le numéro FINESS géographique (vérifiez son exactitude) ; le SIREN/SIRET uniquement si vous n’avez pas de FINESS.',
            'The geographic FINESS number (check it is right); SIREN/SIRET only if you have no FINESS.',
          ),
        },
        {
          match: { label: 'Adresse' },
          kind: 'street',
          hint: fromSeed('002', section3, 'L’adresse postale de la structure : elle aide à vous retrouver dans l’annuaire.', 'The structure’s postal address: it helps the directory find you.'),
        },
        { match: { label: 'Ville' }, kind: 'city', hint: helpsTheDirectory },
        { match: { label: 'Code postal' }, kind: 'postalCode', hint: helpsTheDirectory },
        {
          match: { label: 'Région' },
          kind: 'region',
          // The seed: « Vérifier les informations préalablement saisies » (the region chosen on the first screen, shown « Occitanie × » on its capture).
          hint: fromSeed('002', section3, 'Déjà remplie avec la région choisie au début de l’inscription : vérifiez-la.', 'Already filled in with the region chosen at the start of the sign-up: check it.'),
          notOffered: regionNotOffered,
        },
        { match: { label: 'Département' }, kind: 'departement', hint: helpsTheDirectory },
        {
          // Seed OCR « Service in Human Service »; the seed's advice names « le service de rattachement ».
          match: { label: ['Service de rattachement', 'Service'] },
          kind: 'service',
          hint: fromSeed('002', section3, 'Facultatif, s’il y en a un : renseigné, il aide à vous retrouver dans l’annuaire.', 'Optional, if there is one: filling it in helps the directory find you.'),
        },
        {
          match: { label: 'Téléphone professionnel' },
          kind: 'establishmentPhone',
          hint: fromSeed('002', section3, 'Un numéro de téléphone ; un deuxième numéro peut être ajouté.', 'A phone number; a second one can be added.'),
        },
        // No tips: « Indiquer son nom, son prénom, sélectionner sa profession et noter son identifiant RPPS » says nothing the labels
        // do not, and « sous la responsabilité d’un professionnel de santé » is the page's instruction already.
        { match: { label: 'Nom du responsable' }, kind: 'lastName', role: 'responsableBalOrg' },
        { match: { label: 'Prénom du responsable' }, kind: 'firstName', role: 'responsableBalOrg' },
        { match: { label: 'Profession' }, kind: 'profession', role: 'responsableBalOrg' },
        // Seed OCR « Sandifard »; the seed's advice says « noter son identifiant RPPS ».
        { match: { label: ['Identifiant RPPS', 'RPPS', 'N° RPPS'] }, kind: 'rpps', role: 'responsableBalOrg' },
        {
          match: { label: 'Je souhaite dématérialiser tous mes échanges et ne plus recevoir de papier.' },
          // The seed says to leave it ticked (« Laisser cette option cochée »): following 002, Balise ticks it back.
          expected: { checked: true },
          procedures: ['002-medimail-bal-org'],
          hint: fromSeed('002', section3, 'Cochée par défaut : laissez cette option cochée.', 'Ticked by default: leave it ticked.'),
        },
        {
          match: { label: 'Je souhaite que mon adresse mail apparaisse dans l’annuaire Medimail.' },
          hint: fromSeed('002', section3, 'Par défaut, votre adresse mail est visible dans l’annuaire Medimail.', 'By default your address is listed in the Medimail directory.'),
        },
      ],
    },
    {
      id: 'balOrgSubmitted',
      name: { fr: 'Demande enregistrée', en: 'Request recorded' },
      shows: [
        // Guess: no source shows the screen after « Valider »; the seed only says a mail follows once the account is validated.
        { title: ['Votre demande de compte organisationnel est enregistrée', 'Demande enregistrée'] },
        { text: 'Un mail vous sera envoyé une fois le compte validé' },
      ],
      path: '/',
      samples: ['https://medimail.mipih.fr/'],
      instructions: [
        fromSeed('002', '4. Validation et visibilité', 'Un mail est envoyé une fois le compte validé.', 'An e-mail is sent once the account is validated.'),
        fromSeed(
          '002',
          '4. Validation et visibilité',
          'Le compte apparaît dans l’annuaire santé sous 72 h, quand le Centre de Services du GRADeS a fini son paramétrage, dont la création de l’adresse MSSanté.',
          'The account shows in the health directory within 72 h, once the GRADeS service centre has finished setting it up, including the MSSanté address.',
        ),
        fromSeed(
          '002',
          '4. Validation et visibilité',
          'Forme de l’adresse MSSanté d’une pharmacie : nom, code postal, commune + domaine pharmacien (ex. pharmacie.du.centre.81000.albi@pharmacien.oc.mssante.fr).',
          'Shape of a pharmacy’s MSSanté address: name, postcode, town + pharmacist domain (e.g. pharmacie.du.centre.81000.albi@pharmacien.oc.mssante.fr).',
        ),
      ],
      next: [{ page: 'login', label: { fr: 'Se connecter', en: 'Log in' } }],
    },
    {
      id: 'loginFailed',
      name: { fr: 'Connexion Medimail refusée', en: 'Medimail login refused' },
      // The login screen again, with one of the real error strings (2020 scraper, report §1.4).
      shows: [...loginSigns, { text: ['Echec de l’authentification', 'Le login doit être une adresse mail valide', 'Session invalide'] }],
      path: '/',
      samples: ['https://medimail.mipih.fr/'],
      instructions: [
        fromSeed(
          '002',
          section5,
          'Identifiant : l’adresse mail de votre compte individuel nominatif, avec son mot de passe.',
          'Identifier: your personal nominative account’s e-mail address, with its password.',
        ),
        forgottenPassword,
      ],
      next: [{ page: 'loginCode', label: { fr: 'Code à usage unique', en: 'One-time code' } }],
      clickNext: [{ match: { label: 'Connexion' } }],
      fields: loginFields,
    },
    {
      id: 'loginCode',
      name: { fr: 'Code de connexion', en: 'Login code' },
      shows: [
        // Guess: the seed says « Saisir le code OTP (code à usage unique), envoyé sur votre adresse mail » and shows no screen.
        { title: ['Vérification en deux étapes', 'Code à usage unique', 'Code OTP'] },
      ],
      path: '/',
      samples: ['https://medimail.mipih.fr/'],
      instructions: [
        fromSeed(
          '002',
          section5,
          'Saisissez le code OTP (code à usage unique) envoyé sur votre adresse mail.',
          'Type the OTP (one-time code) sent to your e-mail address.',
        ),
      ],
      next: [{ page: 'switchAccount', label: { fr: 'Messagerie', en: 'Mailbox' } }],
      // Guess, as on the creation's code screen (seed OCR « Valider »).
      clickNext: [{ match: { label: 'Valider' } }],
      fields: [
        {
          match: { label: ['Code à usage unique', 'Code OTP', 'Code'] },
          kind: 'oneTimeCode',
          hint: fromSeed('002', section5, 'Le code reçu par e-mail.', 'The code received by e-mail.'),
        },
      ],
    },
    {
      id: 'switchAccount',
      name: { fr: 'Changer de compte', en: 'Switch account' },
      shows: [
        // Guess: the folder's name. The list and its « Page 1 sur 3 » pager are the 2020 webmail's (report §3.C).
        { title: ['Boîte de réception', 'Réception'] },
      ],
      path: '/',
      query: { m: 'liste' },
      samples: ['https://medimail.mipih.fr/?m=liste&f=1&o=date&p=1'],
      instructions: [
        fromSeed(
          '002',
          section5,
          'Vous arrivez sur le compte individuel. Pour passer sur la BAL ORG : cliquez sur l’intitulé du compte en haut à droite, puis sur « Changer de compte », puis sur l’adresse mail du compte organisationnel.',
          'You land on the personal account. To reach the BAL ORG: click the account title at the top right, then “Changer de compte”, then the organisational account’s address.',
        ),
        fromSeed(
          '002',
          'Actions possibles depuis la BAL ORG',
          'Une fois le compte partagé validé, vous pouvez y ajouter d’autres utilisateurs.',
          'Once the shared account is validated, you can add other users to it.',
        ),
      ],
      // The seed: « Cliquer sur l'intitulé du compte en haut à droite, puis sur « Changer de compte » ».
      clickNext: [{ match: { label: 'Changer de compte' }, where: { fr: 'menu du compte, en haut à droite', en: 'account menu, top right' } }],
    },
  ],
});
