/**
 * Medimail (MIPIH): creation of an organisational mailbox, BAL ORG (seed 002).
 * The seed names the host (as http://; the extension only acts over HTTPS) and shows the
 * screens; the paths are Balise's reading of the flow, to check on the live portal.
 */
import { definePortal, fromSeed } from './schema';

const section3 = 'Compléter le formulaire d’inscription du compte partagé';

export default definePortal({
  id: 'medimail',
  name: { fr: 'Medimail', en: 'Medimail' },
  hosts: ['medimail.mipih.fr'],
  hostRefs: [{ seed: '002', section: 'Se connecter sur le site de Medimail' }],
  pages: [
    {
      id: 'login',
      name: { fr: 'Connexion Medimail', en: 'Medimail login' },
      shows: [{ title: 'La Messagerie Sécurisée de Santé publique' }],
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
          '5. Accéder à la boite organisationnelle',
          'Une fois la BAL ORG validée : connectez-vous avec l’adresse mail de votre compte individuel et son mot de passe.',
          'Once the BAL ORG is validated: log in with your personal account’s e-mail address and password.',
        ),
      ],
      next: [
        { page: 'region', label: { fr: 'Créer un compte', en: 'Create an account' } },
        { page: 'loginCode', label: { fr: 'Code à usage unique', en: 'One-time code' } },
      ],
      clickNext: [{ match: { label: 'Créer un compte' } }, { match: { label: 'Connexion' } }],
      fields: [
        {
          match: { label: 'Adresse mail' },
          kind: 'email',
          role: 'me',
          hint: fromSeed(
            '002',
            '5. Accéder à la boite organisationnelle',
            'Identifiant : l’adresse mail de votre compte individuel nominatif.',
            'Identifier: the e-mail address of your personal nominative account.',
          ),
        },
        {
          match: { label: 'Mot de passe' },
          kind: 'password',
          hint: fromSeed('002', '5. Accéder à la boite organisationnelle', 'Le mot de passe de votre compte individuel.', 'Your personal account’s password.'),
        },
      ],
    },
    {
      id: 'loginCode',
      name: { fr: 'Code de connexion', en: 'Login code' },
      shows: [{ title: 'Vérification en deux étapes' }],
      path: '/connexion/code',
      samples: ['https://medimail.mipih.fr/connexion/code'],
      instructions: [
        fromSeed(
          '002',
          '5. Accéder à la boite organisationnelle',
          'Saisissez le code OTP (code à usage unique) envoyé sur votre adresse mail.',
          'Type the OTP (one-time code) sent to your e-mail address.',
        ),
      ],
      next: [{ page: 'switchAccount', label: { fr: 'Messagerie', en: 'Mailbox' } }],
      clickNext: [{ match: { label: 'Valider' } }],
      fields: [
        {
          match: { label: 'Code à usage unique' },
          kind: 'oneTimeCode',
          hint: fromSeed('002', '5. Accéder à la boite organisationnelle', 'Le code reçu par e-mail.', 'The code received by e-mail.'),
        },
      ],
    },
    {
      id: 'switchAccount',
      name: { fr: 'Changer de compte', en: 'Switch account' },
      shows: [{ title: 'Boîte de réception' }],
      path: '/messagerie',
      samples: ['https://medimail.mipih.fr/messagerie'],
      instructions: [
        fromSeed(
          '002',
          '5. Accéder à la boite organisationnelle',
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
      clickNext: [{ match: { label: 'Changer de compte' }, where: { fr: 'menu du compte, en haut à droite', en: 'account menu, top right' } }],
    },
    {
      id: 'region',
      name: { fr: 'Choix de la région', en: 'Region choice' },
      shows: [{ title: 'Création d’un compte Medimail' }],
      path: '/creation-compte',
      samples: ['https://medimail.mipih.fr/creation-compte'],
      instructions: [
        fromSeed(
          '002',
          '1. Choisir la région',
          'Choisissez la région où vous exercez. La création de compte n’est possible que dans les régions où Medimail a été choisi comme messagerie sécurisée de santé pour les libéraux.',
          'Choose the region where you work. Accounts can only be created in regions that chose Medimail as their secure health messaging for private practitioners.',
        ),
      ],
      next: [{ page: 'accountType', label: { fr: 'Type de compte', en: 'Account type' } }],
      clickNext: [{ match: { label: 'Continuer' } }],
      fields: [
        {
          match: { label: 'Région d’exercice' },
          kind: 'region',
          hint: fromSeed('002', '1. Choisir la région', 'La région dans laquelle vous exercez.', 'The region where you work.'),
        },
      ],
    },
    {
      id: 'accountType',
      name: { fr: 'Type de compte', en: 'Account type' },
      shows: [{ title: 'Création d’un compte Medimail' }],
      path: '/creation-compte/type',
      samples: ['https://medimail.mipih.fr/creation-compte/type'],
      instructions: [
        fromSeed(
          '002',
          '2. Création d’un compte Medimail',
          'Cliquez sur « Nous créons un compte partagé organisationnel ».',
          'Click “Nous créons un compte partagé organisationnel”.',
        ),
      ],
      next: [{ page: 'personalAccountQuestion', label: { fr: 'Compte individuel', en: 'Personal account' } }],
      clickNext: [{ match: { label: 'Nous créons un compte partagé organisationnel' } }],
    },
    {
      id: 'personalAccountQuestion',
      name: { fr: 'Disposez-vous d’un compte individuel ?', en: 'Do you have a personal account?' },
      shows: [{ title: 'Création d’un compte organisationnel' }],
      path: '/creation-compte/organisationnel',
      samples: ['https://medimail.mipih.fr/creation-compte/organisationnel'],
      instructions: [
        fromSeed(
          '002',
          '2. Création d’un compte Medimail',
          'Si vous avez déjà un compte individuel, cliquez sur « Oui » pour créer la boîte organisationnelle. Sinon, créez d’abord votre compte individuel nominatif.',
          'If you already have a personal account, click “Oui” to create the organisational mailbox. Otherwise create your personal nominative account first.',
        ),
      ],
      next: [{ page: 'personalAccountLogin', label: { fr: 'Compte nominatif', en: 'Nominative account' } }],
      clickNext: [{ match: { label: 'Continuer' } }],
      fields: [
        {
          match: { label: 'Oui' },
          expected: { checked: true },
          hint: fromSeed('002', '2. Création d’un compte Medimail', '« Oui » si vous disposez déjà d’un compte individuel.', '“Oui” if you already have a personal account.'),
        },
        {
          match: { label: 'Non' },
          expected: { checked: false },
          hint: fromSeed(
            '002',
            '2. Création d’un compte Medimail',
            '« Non » crée un compte non visible dans l’annuaire.',
            '“Non” creates an account that does not appear in the directory.',
          ),
        },
      ],
    },
    {
      id: 'personalAccountLogin',
      name: { fr: 'Compte nominatif associé', en: 'Linked nominative account' },
      shows: [{ title: 'Création d’un compte organisationnel' }],
      path: '/creation-compte/organisationnel/compte-nominatif',
      samples: ['https://medimail.mipih.fr/creation-compte/organisationnel/compte-nominatif'],
      instructions: [
        fromSeed(
          '002',
          '2. Création d’un compte Medimail',
          'Saisissez l’identifiant (adresse mail) et le mot de passe de votre compte individuel, puis validez : c’est par lui que vous accéderez à la boîte organisationnelle.',
          'Type your personal account’s identifier (e-mail) and password, then confirm: it is how you will reach the organisational mailbox.',
        ),
        fromSeed(
          '002',
          '2. Création d’un compte Medimail',
          'Mot de passe oublié : il se réinitialise depuis la page de connexion.',
          'Forgotten password: reset it from the login page.',
        ),
      ],
      next: [{ page: 'associationCode', label: { fr: 'Code à usage unique', en: 'One-time code' } }],
      clickNext: [{ match: { label: 'Valider' } }],
      fields: [
        {
          match: { label: 'Adresse mail' },
          kind: 'email',
          role: 'me',
          hint: fromSeed('002', '2. Création d’un compte Medimail', 'L’adresse mail de votre compte individuel nominatif.', 'Your personal nominative account’s e-mail.'),
        },
        {
          match: { label: 'Mot de passe' },
          kind: 'password',
          hint: fromSeed('002', '2. Création d’un compte Medimail', 'Le mot de passe de votre compte individuel.', 'Your personal account’s password.'),
        },
      ],
    },
    {
      id: 'associationCode',
      name: { fr: 'Code de validation', en: 'Validation code' },
      shows: [{ title: 'Création d’un compte organisationnel' }],
      path: '/creation-compte/organisationnel/code',
      samples: ['https://medimail.mipih.fr/creation-compte/organisationnel/code'],
      instructions: [
        fromSeed(
          '002',
          '2. Création d’un compte Medimail',
          'Renseignez le code à usage unique reçu sur votre adresse mail, puis validez : il associe votre compte nominatif au compte organisationnel en création.',
          'Type the one-time code received by e-mail, then confirm: it links your nominative account to the organisational account being created.',
        ),
      ],
      next: [{ page: 'balOrgForm', label: { fr: 'Formulaire', en: 'Form' } }],
      clickNext: [{ match: { label: 'Valider' } }],
      fields: [
        {
          match: { label: 'Code reçu' },
          kind: 'oneTimeCode',
          hint: fromSeed('002', '2. Création d’un compte Medimail', 'Le code reçu par e-mail ; « Renvoyer le code » en demande un autre.', 'The code received by e-mail; “Renvoyer le code” sends another.'),
        },
      ],
    },
    {
      id: 'balOrgForm',
      name: { fr: 'Formulaire du compte partagé', en: 'Shared account form' },
      shows: [{ title: 'Création d’un compte organisationnel' }],
      path: '/creation-compte/organisationnel/formulaire',
      samples: ['https://medimail.mipih.fr/creation-compte/organisationnel/formulaire'],
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
      clickNext: [{ match: { label: 'Valider' } }],
      fields: [
        {
          match: { label: 'Adresse mail' },
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
        { match: { label: 'Ville' }, kind: 'city', hint: fromSeed('002', section3, 'La ville de la structure.', 'The structure’s city.') },
        { match: { label: 'Code postal' }, kind: 'postalCode', hint: fromSeed('002', section3, 'Le code postal de la structure.', 'The structure’s postcode.') },
        { match: { label: 'Région' }, kind: 'region', hint: fromSeed('002', section3, 'La région d’exercice.', 'The region where you work.') },
        { match: { label: 'Département' }, kind: 'departement', hint: fromSeed('002', section3, 'Le département de la structure.', 'The structure’s département.') },
        {
          match: { label: 'Service de rattachement' },
          kind: 'service',
          hint: fromSeed('002', section3, 'Le service de rattachement, s’il y en a un.', 'The department the mailbox belongs to, if any.'),
        },
        {
          match: { label: 'Téléphone professionnel' },
          kind: 'establishmentPhone',
          hint: fromSeed('002', section3, 'Un numéro de téléphone ; un deuxième numéro peut être ajouté.', 'A phone number; a second one can be added.'),
        },
        {
          match: { label: 'Nom du responsable' },
          kind: 'lastName',
          role: 'responsableBalOrg',
          hint: fromSeed('002', section3, 'Le nom du professionnel de santé responsable de la boîte.', 'Surname of the health professional in charge of the mailbox.'),
        },
        {
          match: { label: 'Prénom du responsable' },
          kind: 'firstName',
          role: 'responsableBalOrg',
          hint: fromSeed('002', section3, 'Son prénom.', 'Their first name.'),
        },
        {
          match: { label: 'Profession' },
          kind: 'profession',
          role: 'responsableBalOrg',
          hint: fromSeed('002', section3, 'Sélectionnez sa profession.', 'Select their profession.'),
        },
        {
          match: { label: 'Identifiant RPPS' },
          kind: 'rpps',
          role: 'responsableBalOrg',
          hint: fromSeed('002', section3, 'Son identifiant RPPS.', 'Their RPPS number.'),
        },
        {
          match: { label: 'Je souhaite dématérialiser tous mes échanges et ne plus recevoir de papier.' },
          expected: { checked: true },
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
      shows: [{ title: 'Votre demande de compte organisationnel est enregistrée' }],
      path: '/creation-compte/organisationnel/confirmation',
      samples: ['https://medimail.mipih.fr/creation-compte/organisationnel/confirmation'],
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
  ],
});
