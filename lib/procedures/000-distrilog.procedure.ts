/**
 * Seed 000: access to Distrilog-santé through ATIH Plage / Pasrel. The seed's decision tree
 * asks whether the PPE order manager has a Plage account (the seed asks twice, Plage then
 * Pasrel: one account, so one question) and whether the establishment already has one (an
 * APE): the APE comes first, then the manager's account with the Distrilog right. A manager
 * who has an account asks for the right on his profile when it is attached to this
 * establishment, else for a new profile here (a profile has one entity: 000 ETAPE 4; 001
 * annex 2 bis draws the same line).
 */
import { baliseAdvice, fromSeed } from '../portals/schema';
import { defineProcedure, yesNo } from './schema';

const tree = 'Arbre de décision';
const profileSection = 'Création d’un profil';
const noAccount = { managerHasPlageAccount: ['no'] };
const hasAccount = (profileHere: string[]) => ({ managerHasPlageAccount: ['yes'], managerProfileHere: profileHere });

const accountCreation = [
  fromSeed('000', 'ETAPE 2', 'Sur plage.atih.sante.fr, cliquez sur « Créer un compte » en haut à droite.', 'On plage.atih.sante.fr, click “Créer un compte” at the top right.'),
  fromSeed(
    '000',
    'ETAPE 3',
    "Plage vérifie d’abord qu’aucun compte n’existe à votre nom : si un compte correspond, son identifiant est envoyé à son adresse courriel ; un homonyme peut quand même remplir la demande de création.",
    'Plage first checks that no account exists in your name: if one matches, its identifier is mailed to its address; a namesake can still fill in the request.',
  ),
  fromSeed('000', 'ETAPE 3', 'Mot de passe : au moins 6 caractères, commun à tous les profils du compte.', 'Password: at least 6 characters, shared by every profile of the account.'),
  baliseAdvice('000', 'ETAPE 3', 'Balise ne garde jamais ce mot de passe et ne le saisit pas.', 'Balise never keeps this password and does not type it.'),
  fromSeed('000', 'ETAPE 4', 'Applications : sélectionnez au minimum DISTRILOG.', 'Applications: select at least DISTRILOG.'),
  fromSeed(
    '000',
    'ETAPE 5',
    'Cliquez sur « envoyer la demande », puis validez votre demande sur l’écran de confirmation.',
    'Click “envoyer la demande”, then confirm your request on the confirmation screen.',
  ),
];
const accountPrepare = [
  fromSeed('000', 'ETAPE 3', 'Nom, prénom et une adresse courriel (saisie deux fois) : un e-mail y sera envoyé pour finaliser le compte.', 'Surname, first name and an e-mail address (typed twice): an e-mail is sent there to complete the account.'),
  fromSeed(
    '000',
    'ETAPE 4',
    "L’entité de rattachement : l’établissement juridique (EJ) pour une structure publique, l’établissement géographique (ET) pour une structure privée ; un libellé explicite (lettres et chiffres).",
    'The entity: the legal establishment (EJ) for a public structure, the geographic one (ET) for a private one; an explicit label (letters and digits).',
  ),
];
const accountPages = [
  { portal: 'plage', page: 'home' },
  { portal: 'plage', page: 'accountCheck' },
  { portal: 'plage', page: 'accountForm' },
  { portal: 'plage', page: 'firstProfile' },
];
const confirmation = { portal: 'plage', page: 'requestConfirmation' };
/** How a profile is requested on an existing account (000 « Création d’un profil »): for this establishment or another one. */
const profileRequest = [
  fromSeed(
    '000',
    profileSection,
    'Mon compte › Mes profils / habilitations, ou « gérer mes profils », puis « demander un profil ». Nom et prénom sont pré-renseignés et non modifiables ; le courriel est pré-renseigné mais modifiable, saisi deux fois.',
    'Mon compte › Mes profils / habilitations, or “gérer mes profils”, then “demander un profil”. Surname and first name are prefilled and locked; the e-mail is prefilled but editable, typed twice.',
  ),
  fromSeed(
    '000',
    profileSection,
    'Identifiant et mot de passe restent les mêmes : ils ouvrent tous les profils du compte.',
    'Identifier and password stay the same: they open every profile of the account.',
  ),
];
const profilePages = [
  { portal: 'pasrel', page: 'login' },
  { portal: 'plage', page: 'myProfiles' },
  { portal: 'plage', page: 'requestProfile' },
];

export default defineProcedure({
  id: '000-distrilog',
  seed: '000',
  title: { fr: 'Accès à Distrilog-santé (Plage / Pasrel)', en: 'Access to Distrilog-santé (Plage / Pasrel)' },
  summary: fromSeed(
    '000',
    'Introduction',
    "Avant d’accéder à Distrilog-santé, le responsable de commande d’EPI doit demander une habilitation au domaine Distrilog-santé sur le site Plage de l’ATIH. La procédure dépend des comptes qui existent déjà dans l’établissement.",
    'Before using Distrilog-santé, the PPE order manager must request the Distrilog-santé right on ATIH’s Plage site. The procedure depends on which accounts already exist in the establishment.',
  ),
  questions: [
    {
      id: 'managerHasPlageAccount',
      prompt: fromSeed(
        '000',
        tree,
        'Le responsable de commande d’EPI a-t-il un compte Plage (Pasrel) de l’ATIH ?',
        'Does the PPE order manager have an ATIH Plage (Pasrel) account?',
      ),
      help: baliseAdvice(
        '000',
        'Introduction',
        'La fiche demande « compte Plage » puis « compte Pasrel » : c’est le même compte, créé sur Plage et ouvert par Pasrel, la connexion de l’ATIH (la même que pour ePMSI, Qualhas ou TDB-ESMS). Balise ne pose donc qu’une question.',
        'The sheet asks about a “Plage account” then a “Pasrel account”: it is one account, created on Plage and opened through Pasrel, ATIH’s sign-on (the same as for ePMSI, Qualhas or TDB-ESMS). So Balise asks once.',
      ),
      choices: yesNo,
    },
    {
      id: 'managerProfileHere',
      // Balise's question: seed 000 says a profile belongs to one entity (ETAPE 4); a new profile for an existing account is seed 001's (annexe 2 bis).
      prompt: baliseAdvice(
        '000',
        'ETAPE 4',
        'Le profil Plage du responsable de commande d’EPI est-il déjà rattaché à cet établissement ?',
        'Is the PPE order manager’s Plage profile already attached to this establishment?',
      ),
      help: fromSeed(
        '000',
        'ETAPE 4',
        'Un profil n’est rattaché qu’à une seule entité : sur un autre établissement, il faut un nouveau profil.',
        'A profile belongs to one entity only: another establishment needs a new profile.',
      ),
      choices: yesNo,
      askIf: [{ managerHasPlageAccount: ['yes'] }],
    },
    {
      id: 'establishmentHasPlageAccount',
      prompt: fromSeed('000', tree, 'L’établissement a-t-il déjà un compte Plage ?', 'Does the establishment already have a Plage account?'),
      help: baliseAdvice(
        '000',
        tree,
        'Sans compte Plage, la fiche fait d’abord désigner un administrateur principal d’établissement (APE) : si l’établissement a déjà son APE sur Plage, répondez oui.',
        'Without a Plage account, the sheet first has a main establishment administrator (APE) appointed: if the establishment already has its APE on Plage, answer yes.',
      ),
      choices: yesNo,
      askIf: [noAccount],
      suggest: (establishment) => (establishment.contacts.some((c) => c.roles.includes('apePlage')) ? 'yes' : undefined),
    },
    {
      id: 'managerIsApe',
      prompt: fromSeed('000', tree, 'Le responsable de commande d’EPI sera-t-il lui-même l’APE ?', 'Will the PPE order manager be the APE themself?'),
      help: fromSeed(
        '000',
        tree,
        'Le responsable de commande d’EPI, s’il n’est pas APE, crée son propre compte Pasrel en demandant l’habilitation Distrilog, après celui de l’APE.',
        'The PPE order manager, unless they are the APE, creates their own Pasrel account requesting the Distrilog right, after the APE’s.',
      ),
      choices: yesNo,
      askIf: [{ ...noAccount, establishmentHasPlageAccount: ['no'] }],
      suggest: (establishment) => {
        const managers = establishment.contacts.filter((c) => c.roles.includes('responsableEpi'));
        if (managers.length === 0) return undefined;
        return managers.some((c) => c.roles.includes('apePlage')) ? 'yes' : 'no';
      },
    },
    {
      id: 'severalEstablishments',
      prompt: fromSeed(
        '000',
        'ETAPE 4',
        'Le responsable de commande d’EPI gère-t-il plusieurs établissements ?',
        'Does the PPE order manager look after several establishments?',
      ),
      help: fromSeed(
        '000',
        'ETAPE 4',
        'Un profil n’est rattaché qu’à une seule entité : il faut créer autant de profils que d’établissements.',
        'A profile belongs to one entity only: create one profile per establishment.',
      ),
      choices: yesNo,
    },
  ],
  steps: [
    {
      id: 'designateApe',
      title: fromSeed('000', tree, 'Désigner un administrateur principal d’établissement (APE).', 'Appoint a main establishment administrator (APE).'),
      details: [
        fromSeed(
          '000',
          tree,
          'L’établissement n’a pas encore de compte Plage : l’APE gère ensuite les accès de ses utilisateurs habilités.',
          'The establishment has no Plage account yet: the APE then manages the access of its authorised users.',
        ),
        baliseAdvice(
          '000',
          tree,
          'La fiche ne dit pas qui désigne l’APE : c’est une décision de la direction de l’établissement, prise avant que l’APE ne crée son compte.',
          'The sheet does not say who appoints the APE: it is a decision of the establishment’s management, made before the APE creates the account.',
        ),
      ],
      // Not the APE: nobody appoints himself (« Un APE est désigné »); the seed names no one, the legal representative heads the establishment.
      who: 'representantLegal',
      when: [{ ...noAccount, establishmentHasPlageAccount: ['no'] }],
    },
    {
      id: 'apeAccount',
      title: fromSeed('000', tree, 'L’APE crée son compte Pasrel « APE ».', 'The APE creates their “APE” Pasrel account.'),
      details: [
        ...accountCreation,
        fromSeed(
          '000',
          'Création d’un compte APE, ETAPE 4',
          'Cochez « Administrateur principal de l’entité ». Un message indique alors si un APE est déjà identifié : si aucun, motivez et validez la demande ; s’il y en a un, vérifiez le bien-fondé de votre demande.',
          'Tick “Administrateur principal de l’entité”. A message then says whether an APE already exists: if none, explain and confirm the request; if one does, check that your request is justified.',
        ),
      ],
      prepare: accountPrepare,
      uses: ['finess', 'legalName'],
      who: 'apePlage',
      pages: [...accountPages, { portal: 'plage', page: 'apeNone' }, { portal: 'plage', page: 'apeExists' }, confirmation],
      proof: confirmation,
      when: [{ ...noAccount, establishmentHasPlageAccount: ['no'] }],
    },
    {
      id: 'managerAccount',
      title: fromSeed(
        '000',
        tree,
        'Le responsable de commande d’EPI crée un compte Pasrel en demandant l’habilitation Distrilog.',
        'The PPE order manager creates a Pasrel account requesting the Distrilog right.',
      ),
      details: accountCreation,
      prepare: accountPrepare,
      uses: ['finess', 'legalName'],
      who: 'responsableEpi',
      pages: [...accountPages, confirmation],
      proof: confirmation,
      when: [
        { ...noAccount, establishmentHasPlageAccount: ['yes'] },
        { ...noAccount, establishmentHasPlageAccount: ['no'], managerIsApe: ['no'] },
      ],
    },
    {
      id: 'requestProfileHere',
      title: baliseAdvice(
        '000',
        'ETAPE 4',
        'Le responsable de commande d’EPI demande un profil rattaché à cet établissement.',
        'The PPE order manager requests a profile attached to this establishment.',
      ),
      details: [
        fromSeed(
          '000',
          'ETAPE 4',
          'Un profil ne peut être rattaché qu’à une seule entité : avec plusieurs établissements, il faut autant de profils que d’établissements.',
          'A profile can be attached to one entity only: with several establishments, one profile per establishment is needed.',
        ),
        baliseAdvice(
          '000',
          'ETAPE 4',
          'La fiche renvoie à « la procédure de création d’un nouveau profil » sans la donner : la démarche « Accès précoce et compassionnel (MED-ACCES) » de Balise la décrit (sa fiche, annexe 2 bis).',
          'The sheet points to “the procedure for creating a new profile” without giving it: Balise’s “Early and compassionate access (MED-ACCES)” procedure describes it (its sheet, annex 2 bis).',
        ),
        ...profileRequest,
        baliseAdvice(
          '000',
          profileSection,
          'Dans « Applications », sélectionnez DISTRILOG : ce nouveau profil porte alors l’habilitation, sans demande à part.',
          'Under “Applications”, select DISTRILOG: the new profile then carries the right, with no separate request.',
        ),
      ],
      uses: ['finess', 'legalName'],
      who: 'responsableEpi',
      pages: profilePages,
      when: [hasAccount(['no'])],
    },
    {
      id: 'requestRight',
      title: fromSeed('000', tree, 'Le responsable de commande d’EPI demande une habilitation à Distrilog.', 'The PPE order manager requests the Distrilog right.'),
      details: [
        fromSeed(
          '000',
          'Demande habilitation Distrilog',
          'Connectez-vous par connect-pasrel.atih.sante.fr, ouvrez « gérer mes profils » (Mon compte › Mes profils / habilitations), puis cliquez sur le personnage en bas à droite.',
          'Log in through connect-pasrel.atih.sante.fr, open “gérer mes profils” (Mon compte › Mes profils / habilitations), then click the person icon at the bottom right.',
        ),
        fromSeed(
          '000',
          'Demande habilitation Distrilog',
          'Choisissez DISTRILOG et justifiez la demande. Elle est transmise à l’administrateur de votre entité ; un e-mail vous informera de son traitement.',
          'Choose DISTRILOG and justify the request. It goes to your entity’s administrator; an e-mail will tell you the outcome.',
        ),
      ],
      who: 'responsableEpi',
      pages: [
        { portal: 'pasrel', page: 'login' },
        { portal: 'plage', page: 'myProfiles' },
        { portal: 'plage', page: 'extraHabilitation' },
      ],
      when: [hasAccount(['yes'])],
    },
    {
      id: 'adminValidates',
      title: fromSeed(
        '000',
        profileSection,
        'L’administrateur de l’entité traite la demande du responsable de commande d’EPI.',
        'The entity’s administrator handles the PPE order manager’s request.',
      ),
      details: [
        fromSeed(
          '000',
          profileSection,
          'Un e-mail informe le demandeur du traitement de sa demande et, le cas échéant, de l’attribution du profil ou de l’habilitation.',
          'An e-mail tells the requester how the request was handled and, if granted, that the profile or right was given.',
        ),
      ],
      who: 'apePlage',
      pages: [{ portal: 'plage', page: 'myProfiles' }],
      when: [
        hasAccount(['yes', 'no']),
        { ...noAccount, establishmentHasPlageAccount: ['yes'] },
        { ...noAccount, establishmentHasPlageAccount: ['no'], managerIsApe: ['no'] },
      ],
    },
    {
      id: 'otherProfiles',
      title: fromSeed('000', profileSection, 'Demander un profil pour chaque autre établissement géré.', 'Request a profile for each other establishment managed.'),
      details: profileRequest,
      who: 'responsableEpi',
      pages: profilePages,
      when: [{ severalEstablishments: ['yes'] }],
    },
    {
      id: 'openDistrilog',
      title: fromSeed(
        '000',
        'Introduction',
        'Une fois l’habilitation accordée, se connecter à Distrilog-santé avec son compte Pasrel pour commander les EPI.',
        'Once the right is granted, log in to Distrilog-santé with the Pasrel account to order PPE.',
      ),
      who: 'responsableEpi',
      pages: [{ portal: 'distrilog', page: 'home' }],
    },
  ],
});
