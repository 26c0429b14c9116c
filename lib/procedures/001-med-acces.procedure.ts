/**
 * Seed 001 (note DGOS/PF2/2022/205 and its annex): the establishment organises the support of
 * the people collecting early / compassionate access data; each prescriber, pharmacist or
 * non-medical staff member gets a personal Pasrel account, a profile per establishment of
 * practice, and the MED-ACCES right in the role matching their qualification, then signs in
 * once for every laboratory's e-platform. Asked and listed once per person (contacts holding
 * the role `utilisateurMedAcces`).
 */
import { baliseAdvice, fromSeed } from '../portals/schema';
import { defineProcedure, yesNo } from './schema';

const annex = (action: string) => `Annexe, action ${action}`;
const person = 'utilisateurMedAcces' as const;

const roleComment = fromSeed(
  '001',
  annex('2'),
  'Applications : « autorisation d’accès précoce et compassionnel (MED-ACCES) » ; commentaire : le rôle demandé (médecin, pharmacien ou personnel non médical).',
  'Applications: “autorisation d’accès précoce et compassionnel (MED-ACCES)”; comment: the role requested (physician, pharmacist or non-medical staff).',
);
const habilitations = 'II. b) Attribution des habilitations';
// Both ways of asking for the right, and the ATIH tutorial the note points to (its footnote 3).
const orAskAdmin = fromSeed(
  '001',
  habilitations,
  'La demande d’habilitation se fait dans Plage, ou bien en contactant directement un administrateur Plage de l’établissement.',
  'The right is requested in Plage, or by contacting one of the establishment’s Plage administrators directly.',
);
const atihTutorial = fromSeed(
  '001',
  habilitations,
  'Tutoriel de l’ATIH, en ligne : https://atih.atlassian.net/wiki/spaces/PUBLIC/pages/2979692685/Plage',
  'ATIH’s online tutorial: https://atih.atlassian.net/wiki/spaces/PUBLIC/pages/2979692685/Plage',
);
const adminValidates = fromSeed(
  '001',
  annex('2'),
  'L’administrateur Plage de l’établissement doit valider la demande ; il vous contactera si nécessaire.',
  'The establishment’s Plage administrator must approve the request and will contact you if needed.',
);

export default defineProcedure({
  id: '001-med-acces',
  seed: '001',
  title: { fr: 'Accès précoce et compassionnel (MED-ACCES)', en: 'Early and compassionate access (MED-ACCES)' },
  summary: fromSeed(
    '001',
    'II. Harmonisation',
    'Chaque professionnel concerné par le recueil de données utilise un compte Pasrel personnel : son profil sur l’établissement de rattachement porte l’habilitation MED-ACCES dans son rôle (médecin, pharmacien, personnel non médical). Il se connecte ensuite une seule fois pour toutes les e-plateformes des laboratoires.',
    'Every professional involved in data collection uses a personal Pasrel account: their profile on the establishment carries the MED-ACCES right in their role (physician, pharmacist, non-medical staff). They then sign in once for all the laboratories’ e-platforms.',
  ),
  questions: [
    {
      id: 'medAccesRole',
      perContact: person,
      prompt: fromSeed('001', 'II. b) Attribution des habilitations', 'Quel rôle demander pour cette personne ?', 'Which role should this person request?'),
      choices: [
        { value: 'medecin', label: { fr: 'Médecin', en: 'Physician' } },
        { value: 'pharmacien', label: { fr: 'Pharmacien', en: 'Pharmacist' } },
        { value: 'personnelNonMedical', label: { fr: 'Personnel non médical', en: 'Non-medical staff' } },
      ],
      informs: ['createAccount', 'requestProfile', 'extraRight', 'checkActivation'],
      suggest: (_establishment, contact) => {
        const profession = contact?.profession?.toLowerCase() ?? '';
        if (profession.startsWith('médecin') || profession.startsWith('medecin')) return 'medecin';
        if (profession.startsWith('pharmacien')) return 'pharmacien';
        return undefined;
      },
    },
    {
      id: 'hasPasrelAccount',
      perContact: person,
      prompt: fromSeed('001', 'II. a) Création de comptes Pasrel', 'Cette personne a-t-elle déjà un compte Pasrel personnel ?', 'Does this person already have a personal Pasrel account?'),
      choices: yesNo,
    },
    {
      id: 'severalSites',
      perContact: person,
      prompt: fromSeed(
        '001',
        'II. a) Création de comptes Pasrel, NB',
        'Cette personne exerce-t-elle sur plusieurs sites ou établissements ?',
        'Does this person work on several sites or establishments?',
      ),
      choices: yesNo,
    },
    {
      id: 'hasProfileHere',
      perContact: person,
      prompt: fromSeed(
        '001',
        annex('2 bis'),
        'A-t-elle déjà un profil rattaché à cet établissement ?',
        'Do they already have a profile attached to this establishment?',
      ),
      choices: yesNo,
      askIf: [{ hasPasrelAccount: ['yes'] }],
    },
  ],
  steps: [
    {
      id: 'organiseSupport',
      who: 'representantLegal',
      title: fromSeed(
        '001',
        'I. Contexte',
        'Organiser dans l’établissement l’accompagnement des prescripteurs et des pharmaciens qui font le recueil de données.',
        'Organise, within the establishment, support for the prescribers and pharmacists who collect the data.',
      ),
      details: [
        fromSeed(
          '001',
          'I. Contexte',
          'L’établissement de santé, bénéficiaire du dédommagement, en a la charge. Les pharmaciens hospitaliers participent au recueil, en accès précoce comme en accès compassionnel.',
          'The health establishment, which receives the compensation, is in charge of it. Hospital pharmacists take part in the collection, for early as for compassionate access.',
        ),
        fromSeed(
          '001',
          'Mention Outre-mer',
          'Ces modalités valent aussi dans les départements et régions d’outre-mer, à Saint-Barthélemy et à Saint-Martin.',
          'These arrangements also apply in the overseas departments and regions, Saint-Barthélemy and Saint-Martin.',
        ),
      ],
    },
    {
      id: 'createAccount',
      perContact: person,
      who: 'person',
      title: fromSeed('001', annex('1'), 'Créer son compte sur Plage.', 'Create the account on Plage.'),
      details: [
        fromSeed(
          '001',
          'II. a) Création de comptes Pasrel',
          'Le compte Pasrel personnel se sollicite auprès de l’administrateur Plage de l’établissement ; il se crée sur plage.atih.sante.fr par « Créer un compte ».',
          'The personal Pasrel account is requested from the establishment’s Plage administrator; it is created on plage.atih.sante.fr with “Créer un compte”.',
        ),
        fromSeed(
          '001',
          annex('1'),
          'Le mot de passe doit respecter les critères de complexité. Un e-mail finalise la création et communique l’identifiant.',
          'The password must meet the complexity rules. An e-mail completes the creation and gives the identifier.',
        ),
        // Plage asks for the first profile right after the account (page firstProfile): annex 2's request, made there, once.
        baliseAdvice(
          '001',
          annex('2'),
          'Sur Plage, la création du compte se poursuit par la première demande de profil : demandez-y le profil sur cet établissement, comme le dit l’action 2 de l’annexe.',
          'On Plage, account creation goes on with the first profile request: request the profile on this establishment there, as action 2 of the annex says.',
        ),
        roleComment,
        orAskAdmin,
        atihTutorial,
        adminValidates,
      ],
      prepare: [
        fromSeed('001', annex('1'), 'Prénom, nom et courriel (saisi deux fois).', 'First name, surname and e-mail (typed twice).'),
        fromSeed('001', annex('2'), 'Courriel, téléphone et adresse professionnels.', 'Professional e-mail, phone and address.'),
      ],
      // The first profile's entity, as for requestProfile.
      uses: ['finess', 'street', 'postalCode', 'city'],
      pages: [
        { portal: 'plage', page: 'home' },
        { portal: 'plage', page: 'accountCheck' },
        { portal: 'plage', page: 'accountForm' },
        { portal: 'plage', page: 'firstProfile' },
        { portal: 'plage', page: 'requestConfirmation' },
      ],
      when: [{ hasPasrelAccount: ['no'] }],
    },
    {
      id: 'requestProfile',
      perContact: person,
      who: 'person',
      title: fromSeed('001', annex('2'), 'Demander un profil MED-ACCES sur l’établissement.', 'Request a MED-ACCES profile on the establishment.'),
      details: [
        fromSeed(
          '001',
          annex('2'),
          'Sur Plage : « S’identifier », « gérer mes profils », puis « + Demander un profil ». Recherchez l’établissement (au moins trois lettres) ; le libellé est facultatif.',
          'On Plage: “S’identifier”, “gérer mes profils”, then “+ Demander un profil”. Search the establishment (at least three letters); the label is optional.',
        ),
        roleComment,
        orAskAdmin,
        atihTutorial,
        adminValidates,
      ],
      prepare: [
        fromSeed('001', annex('2'), 'Courriel, téléphone et adresse professionnels.', 'Professional e-mail, phone and address.'),
      ],
      // The entity is Plage's: EJ for a public structure, ET for a private one (seed 000), as the fill types it.
      uses: ['finess', 'street', 'postalCode', 'city'],
      pages: [
        { portal: 'plage', page: 'home' },
        { portal: 'pasrel', page: 'login' },
        { portal: 'plage', page: 'myProfiles' },
        { portal: 'plage', page: 'requestProfile' },
      ],
      // Only with an account and no profile here (annex 2); a newcomer requests the first profile while creating the account.
      when: [{ hasPasrelAccount: ['yes'], hasProfileHere: ['no'] }],
    },
    {
      id: 'extraRight',
      perContact: person,
      who: 'person',
      title: fromSeed('001', annex('2 bis'), 'Demander l’habilitation MED-ACCES sur le profil existant.', 'Request the MED-ACCES right on the existing profile.'),
      details: [
        fromSeed(
          '001',
          annex('2 bis'),
          'Identifiez-vous sur Plage et cliquez en bas à droite sur l’icône silhouette orange « demander une habilitation ».',
          'Log in to Plage and click the orange silhouette icon “demander une habilitation” at the bottom right.',
        ),
        roleComment,
        orAskAdmin,
        atihTutorial,
        adminValidates,
      ],
      pages: [
        { portal: 'plage', page: 'home' },
        { portal: 'pasrel', page: 'login' },
        { portal: 'plage', page: 'myProfiles' },
        { portal: 'plage', page: 'extraHabilitation' },
      ],
      when: [{ hasPasrelAccount: ['yes'], hasProfileHere: ['yes'] }],
    },
    {
      id: 'otherProfiles',
      perContact: person,
      who: 'person',
      title: fromSeed(
        '001',
        annex('2'),
        'Demander un profil MED-ACCES pour chaque autre établissement d’exercice.',
        'Request a MED-ACCES profile for each other establishment of practice.',
      ),
      details: [
        fromSeed(
          '001',
          annex('2'),
          'Même compte, même identifiant et même mot de passe : « gérer mes profils », puis « + Demander un profil » pour chaque établissement.',
          'Same account, identifier and password: “gérer mes profils”, then “+ Demander un profil” for each establishment.',
        ),
        fromSeed(
          '001',
          'II. a) Création de comptes Pasrel, NB',
          'On change ensuite de profil au cours d’une même session de connexion.',
          'You then switch profile within the same session.',
        ),
      ],
      pages: [
        { portal: 'pasrel', page: 'login' },
        { portal: 'plage', page: 'myProfiles' },
        { portal: 'plage', page: 'requestProfile' },
      ],
      when: [{ severalSites: ['yes'] }],
    },
    {
      id: 'adminValidates',
      who: 'apePlage',
      title: fromSeed(
        '001',
        'II. b) Attribution des habilitations',
        'L’administrateur Plage valide chaque demande, avec l’habilitation MED-ACCES dans le rôle correspondant à la qualification.',
        'The Plage administrator approves each request, with the MED-ACCES right in the role matching the person’s qualification.',
      ),
      details: [adminValidates],
      pages: [{ portal: 'plage', page: 'myProfiles' }],
    },
    {
      id: 'checkActivation',
      perContact: person,
      who: 'person',
      title: fromSeed(
        '001',
        annex('3'),
        'Vérifier dans « Mon compte » que le profil est activé, avec le bon rôle.',
        'Check in “Mon compte” that the profile is active, with the right role.',
      ),
      details: [
        fromSeed(
          '001',
          annex('3'),
          '« Mon compte » affiche vos profils, leur état d’activation et votre rôle.',
          '“Mon compte” shows your profiles, whether they are active, and your role.',
        ),
      ],
      pages: [{ portal: 'plage', page: 'myAccount' }],
    },
    {
      id: 'openEPlatforms',
      perContact: person,
      who: 'person',
      title: fromSeed(
        '001',
        'II. Harmonisation',
        'Se connecter une fois par Pasrel, puis passer d’une e-plateforme de laboratoire à l’autre sans s’identifier de nouveau.',
        'Sign in once through Pasrel, then move from one laboratory e-platform to another without signing in again.',
      ),
      details: [
        fromSeed(
          '001',
          habilitations,
          'La page d’accueil de chaque e-plateforme indique, s’il y a lieu, ce que deviennent vos comptes antérieurs et les données saisies avec eux : lisez-la.',
          'Each e-platform’s home page says, where relevant, what becomes of your former accounts and the data entered with them: read it.',
        ),
      ],
      pages: [{ portal: 'pasrel', page: 'login' }],
    },
  ],
});
