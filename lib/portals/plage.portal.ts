/**
 * ATIH Plage: the account and profile manager behind Pasrel (seeds 000 and 001).
 *
 * Hosts: `plage.atih.sante.fr` (both seeds) and `pasrel.atih.sante.fr` with Plage under
 * `/plage/` (an ATIH help page, see hostRefs). The seed's CAS link sends the user back to
 * `plage.atih.sante.fr/plage-ws/login/cas`: the server side is a web service, and the 2018
 * documentation (https://sap.atih.sante.fr/plage2018/details.html) describes a redesigned app
 * with a navigation bar and breadcrumb, so the user-facing Plage is probably a single-page app
 * with client-side routes. No source shows any Plage path: every `path` below is a guess
 * (« inventé : à vérifier »), used only as a hash-route hint (`/compte/creation` also fits
 * `#/compte/creation`). Pages are recognised by what the seeds say a person sees: their
 * headings, buttons and field labels. Where a sign or label is not in seeds 000/001 nor in the
 * evidence (../../../shared/research/real-portals.md §1.1), a comment says « inventé ».
 */
import { baliseAdvice, definePortal, fromSeed, type FieldRule } from './schema';

const entityHint = fromSeed(
  '000',
  'ETAPE 4',
  "Entité indiquée dans le mail d’invitation : l’établissement juridique (EJ) pour une structure publique, l’établissement géographique (ET) pour une structure privée. Saisissez au moins trois caractères puis choisissez l’entité dans la liste proposée. Une seule entité par profil : un profil par établissement.",
  'The entity named in the invitation e-mail: the legal FINESS (EJ) for a public structure, the geographic one (ET) for a private one. Type at least three characters, then pick it from the list. One entity per profile: one profile per establishment.',
);
// Balise types the FINESS into the entity search (../autofill/plan.ts); the seeds only say it
// searches from three characters (000 ETAPE 4) or letters (001 action 2), so that is Balise's bet, said as such.
const entitySearchAdvice = baliseAdvice(
  '000',
  'ETAPE 4',
  'Balise saisit le numéro FINESS de l’entité dans la recherche : la fiche ne dit pas que ce numéro la trouve. Si la liste ne propose rien, tapez au moins trois lettres de son nom et choisissez-la vous-même.',
  'Balise types the entity’s FINESS number into the search: the sheet does not say that number finds it. If the list offers nothing, type at least three letters of its name and pick it yourself.',
);
const labelHint = fromSeed(
  '000',
  'ETAPE 4',
  'Libellé libre (lettres et chiffres), assez explicite pour distinguer ce profil de vos autres profils.',
  'Free label (letters and digits), explicit enough to tell this profile from your other ones.',
);
const distrilogHint = fromSeed('000', 'ETAPE 4', 'Applications : sélectionnez au minimum DISTRILOG.', 'Applications: select at least DISTRILOG.');
const medAccesHint = fromSeed(
  '001',
  'Annexe, action 2',
  'Applications : choisissez « autorisation d’accès précoce et compassionnel (MED-ACCES) ».',
  'Applications: choose “autorisation d’accès précoce et compassionnel (MED-ACCES)”.',
);
const roleCommentHint = fromSeed(
  '001',
  'Annexe, action 2',
  'Commentaire : précisez le rôle demandé (médecin, pharmacien ou personnel non médical).',
  'Comment: state the role requested (physician, pharmacist or non-medical staff).',
);
const emailTwiceHint = fromSeed(
  '000',
  'ETAPE 3',
  "Un double contrôle est fait sur l’adresse : son format, puis sa ressaisie dans un second champ pour éviter les erreurs.",
  'The address is checked twice: its format, then typing it again in a second field to catch mistakes.',
);

// Seed 001 quotes the profile switch the Plage 2018 documentation lists as a task (« Je veux
// changer de profil au sein de l’application »); the control that does it is not in any seed.
const switchProfileHint = fromSeed(
  '001',
  'II. Harmonisation, a)',
  'Un même compte, avec un identifiant unique, peut avoir plusieurs profils (un par site ou établissement d’exercice) : le changement de profil est possible au cours d’une même session de connexion.',
  'One account, with a single identifier, can hold several profiles (one per site or establishment where you work): you can switch profile within the same session.',
);
const pasrelPlage = 'https://pasrel.atih.sante.fr/plage/#';

const medAccesBox: FieldRule = {
  match: { label: 'Autorisation d’accès précoce et compassionnel (MED-ACCES)' },
  expected: { checked: true },
  procedures: ['001-med-acces'],
  hint: medAccesHint,
};
/**
 * The fields seed 001 (annex, action 2) asks a MED-ACCES user to give on a profile request, on
 * « + Demander un profil » and on the first profile request that follows any account creation
 * (seed 000 ETAPE 4).
 */
const medAccesProfileFields: FieldRule[] = [
  medAccesBox,
  {
    match: { label: 'Téléphone' },
    kind: 'phone',
    role: 'me',
    procedures: ['001-med-acces'],
    hint: fromSeed('001', 'Annexe, action 2', 'Votre téléphone professionnel.', 'Your professional phone.'),
  },
  {
    match: { label: 'Adresse' },
    kind: 'street',
    procedures: ['001-med-acces'],
    hint: fromSeed('001', 'Annexe, action 2', 'Votre adresse professionnelle.', 'Your professional address.'),
  },
  { match: { label: 'Commentaire' }, procedures: ['001-med-acces'], hint: roleCommentHint },
];
// Seed 000 (ETAPE 4) calls the libellé mandatory on the first profile; seed 001 (action 2) calls it optional.
const labelFields: FieldRule[] = [
  { match: { label: 'Libellé' }, procedures: ['000-distrilog'], hint: labelHint },
  {
    match: { label: 'Libellé' },
    procedures: ['001-med-acces'],
    hint: fromSeed('001', 'Annexe, action 2', 'Libellé facultatif.', 'Label: optional.'),
  },
];

export default definePortal({
  id: 'plage',
  name: { fr: 'Plage (ATIH)', en: 'Plage (ATIH)' },
  hosts: ['plage.atih.sante.fr', 'pasrel.atih.sante.fr'],
  hostRefs: [
    { seed: '000', section: 'Création d’un compte Plage, ETAPE 1' },
    { seed: '001', section: 'Annexe, action 1' },
    {
      url: 'https://sap.atih.sante.fr/tdbesms/gestion_ape_par_ars.html',
      note: 'ATIH help for TDB-ESMS (undated, probably before the 2018 redesign): « Pour créer un APE il faut se connecter à https://pasrel.atih.sante.fr/plage/ (PLAGE) ».',
    },
  ],
  pages: [
    {
      id: 'home',
      name: { fr: 'Accueil de Plage', en: 'Plage home page' },
      // The seeds show the home page as a screenshot only: its heading is unknown (the fixture's
      // « Bienvenue sur Plage » is inventé). It is recognised by the two buttons the seeds name
      // (clickNext below: 000 ETAPE 2, 001 actions 1 and 2).
      path: '/',
      samples: ['https://plage.atih.sante.fr/', `${pasrelPlage}/`],
      instructions: [
        fromSeed('000', 'ETAPE 2', 'Cliquez sur « Créer un compte » en haut à droite de l’écran.', 'Click “Créer un compte” at the top right of the screen.'),
        fromSeed(
          '001',
          'Annexe, action 2',
          'Si vous avez déjà un compte : cliquez sur « S’identifier » et saisissez votre identifiant et votre mot de passe.',
          'If you already have an account: click “S’identifier” and type your identifier and password.',
        ),
      ],
      next: [
        { page: 'accountCheck', label: { fr: 'Créer un compte', en: 'Create an account' } },
        { portal: 'pasrel', page: 'login', label: { fr: 'S’identifier', en: 'Log in' } },
      ],
      clickNext: [
        { match: { label: 'Créer un compte' }, where: { fr: 'en haut à droite', en: 'top right' } },
        // 001 action 2 names « S’identifier » but not where it sits.
        { match: { label: 'S’identifier' }, procedures: ['001-med-acces'] },
      ],
    },
    {
      id: 'accountCheck',
      name: { fr: 'Vérification de votre identité', en: 'Identity check' },
      // Heading inventé: seed 000 ETAPE 3 only says the screen lets you « vérifier qu’aucun compte à
      // votre nom n’est référencé ». (The seed's step name « La création du compte » is no sign:
      // Medimail's account pages show the same words.)
      shows: [{ title: 'Existe-t-il déjà un compte à votre nom ?' }],
      path: '/compte/creation',
      samples: ['https://plage.atih.sante.fr/compte/creation', `${pasrelPlage}/compte/creation`],
      instructions: [
        fromSeed(
          '000',
          'ETAPE 3',
          "Cet écran vérifie qu’aucun compte n’existe déjà à votre nom. Si un compte correspond à votre identité (nom et prénoms), son identifiant est envoyé automatiquement à l’adresse courriel associée.",
          'This screen checks that no account exists in your name yet. If one matches your identity (surname and first names), its identifier is mailed to its e-mail address.',
        ),
        fromSeed(
          '000',
          'ETAPE 3',
          "Si ce compte n’est pas le vôtre (homonyme) ou si le courriel n’aboutit pas, vous pourrez remplir le formulaire de demande de création de compte.",
          'If that account is not yours (a namesake) or the e-mail does not arrive, you can fill in the account request form.',
        ),
      ],
      next: [{ page: 'accountForm', label: { fr: 'Demande de création de compte', en: 'Account request form' } }],
      // No click target: the button that runs the check is named by no seed (« Vérifier » was inventé).
      fields: [
        // No tips: what the seed says of « nom et prénoms » here is the page's first instruction.
        { match: { label: 'Nom' }, kind: 'lastName', role: 'me' },
        { match: { label: 'Prénom(s)' }, kind: 'firstName', role: 'me' },
      ],
    },
    {
      id: 'accountForm',
      name: { fr: 'Demande de création de compte', en: 'Account request form' },
      // Seed 000 ETAPE 3: « un formulaire de demande de création de compte ».
      shows: [{ title: 'Demande de création de compte' }],
      path: '/compte/creation',
      samples: ['https://plage.atih.sante.fr/compte/creation', `${pasrelPlage}/compte/creation`],
      instructions: [
        fromSeed(
          '000',
          'ETAPE 3',
          'Champs obligatoires : nom et prénom, courriel (saisi deux fois) et mot de passe.',
          'Mandatory fields: surname and first name, e-mail (typed twice) and password.',
        ),
        fromSeed(
          '000',
          'ETAPE 3',
          'Attention : un e-mail est envoyé à cette adresse pour finaliser la création du compte.',
          'Beware: an e-mail is sent to this address to complete the account creation.',
        ),
        fromSeed(
          '001',
          'Annexe, action 1',
          'Cet e-mail vous communique aussi votre identifiant. Le mot de passe doit respecter les critères de complexité demandés.',
          'That e-mail also gives your identifier. The password must meet the required complexity rules.',
        ),
      ],
      next: [{ page: 'firstProfile', label: { fr: 'Première demande de profil', en: 'First profile request' } }],
      // No click target: the submit button is named by no seed (« Créer mon compte » was inventé).
      fields: [
        { match: { label: 'Nom' }, kind: 'lastName', role: 'me', hint: fromSeed('000', 'ETAPE 3', 'Nom et prénom : votre identité.', 'Surname and first name: your identity.') },
        { match: { label: 'Prénom' }, kind: 'firstName', role: 'me', hint: fromSeed('000', 'ETAPE 3', 'Nom et prénom : votre identité.', 'Surname and first name: your identity.') },
        {
          match: { label: 'Courriel' },
          kind: 'email',
          role: 'me',
          hint: fromSeed(
            '000',
            'ETAPE 3',
            'Votre adresse e-mail : un message y sera envoyé pour finaliser la création du compte.',
            'Your e-mail address: a message will be sent there to complete the account.',
          ),
        },
        // The seeds say the address is typed again « dans un second champ » (000) / « + ressaisie » (001); the label is inventé.
        { match: { label: ['Confirmation du courriel', 'Ressaisie du courriel'] }, kind: 'emailConfirmation', role: 'me', hint: emailTwiceHint },
        {
          match: { label: 'Mot de passe' },
          kind: 'password',
          hint: fromSeed(
            '000',
            'ETAPE 3',
            'Au moins 6 caractères. Ce mot de passe servira pour tous les profils associés à votre compte.',
            'At least 6 characters. This password will be used by every profile of your account.',
          ),
        },
        // Seed 001: « Mot de passe* (+ ressaisie) »; the label is inventé, and says all the seed does (no tip).
        { match: { label: ['Confirmation du mot de passe', 'Ressaisie du mot de passe'] }, kind: 'passwordConfirmation' },
      ],
    },
    {
      id: 'firstProfile',
      name: { fr: 'Identification du profil utilisateur', en: 'User profile request' },
      // Seed 000 ETAPE 4 « Identification du profil utilisateur »; the fields and « envoyer la demande » (ETAPE 5) too.
      shows: [{ title: 'Identification du profil utilisateur' }],
      path: '/compte/premier-profil',
      samples: ['https://plage.atih.sante.fr/compte/premier-profil', `${pasrelPlage}/compte/premier-profil`],
      instructions: [
        fromSeed(
          '000',
          'ETAPE 4',
          'Après la création du compte, envoyez votre première demande de profil à l’entité choisie. Entité de rattachement, libellé et applications sont obligatoires.',
          'Once the account exists, send your first profile request to the chosen entity. Entity, label and applications are mandatory.',
        ),
        fromSeed(
          '000',
          'ETAPE 4',
          'Si vous gérez plusieurs établissements, créez autant de profils que d’établissements.',
          'If you manage several establishments, create one profile per establishment.',
        ),
        entitySearchAdvice,
        // Seed 001 describes the profile request only from « + Demander un profil »; that this screen is the same request is Balise's reading of seed 000.
        baliseAdvice(
          '001',
          'Annexe, action 2',
          'Cet écran est votre première demande de profil : faites-la comme l’annexe MED-ACCES le décrit pour « + Demander un profil ».',
          'This screen is your first profile request: make it as the MED-ACCES annex describes for “+ Demander un profil”.',
        ),
        fromSeed(
          '001',
          'Annexe, action 2',
          'Recherchez votre établissement ou entité (au moins trois lettres) ; le libellé est facultatif ; saisissez vos courriel, téléphone et adresse professionnels.',
          'Search your establishment or entity (at least three letters); the label is optional; give your professional e-mail, phone and address.',
        ),
      ],
      next: [{ page: 'requestConfirmation', label: { fr: 'Écran de confirmation', en: 'Confirmation screen' } }],
      clickNext: [{ match: { label: 'Envoyer la demande' } }],
      fields: [
        { match: { label: 'Entité de rattachement' }, kind: 'finess', finess: 'byStatus', hint: entityHint },
        {
          match: { label: 'Administrateur principal de l’entité' },
          hint: fromSeed(
            '000',
            'Création d’un compte APE, ETAPE 4',
            'Cochez cette case pour demander à être nommé administrateur principal (APE) de l’entité : un message indique ensuite si un APE existe déjà.',
            'Tick this box to ask to be the entity’s main administrator (APE): a message then says whether an APE already exists.',
          ),
        },
        ...labelFields,
        { match: { label: 'DISTRILOG' }, expected: { checked: true }, procedures: ['000-distrilog'], hint: distrilogHint },
        {
          match: { label: 'Courriel' },
          kind: 'email',
          role: 'me',
          procedures: ['001-med-acces'],
          hint: fromSeed('001', 'Annexe, action 2', 'Votre courriel professionnel.', 'Your professional e-mail.'),
        },
        ...medAccesProfileFields,
      ],
    },
    {
      id: 'apeNone',
      name: { fr: 'Aucun APE identifié', en: 'No APE yet' },
      // Seed 000 (APE, ETAPE 4): « La boîte de dialogue suivante vous indique si, oui ou non, un APE est
      // déjà identifié », « Message indiquant qu’aucun APE n’est identifié » (the second text phrasing;
      // the first, spelt out, is inventé). The dialog's title is inventé (the seed's name for the box).
      shows: [{ title: 'Administrateur principal de l’entité' }, { text: ['Aucun administrateur principal n’est identifié', 'aucun APE n’est identifié'] }],
      path: '/compte/premier-profil',
      samples: ['https://plage.atih.sante.fr/compte/premier-profil', `${pasrelPlage}/compte/premier-profil`],
      instructions: [
        fromSeed(
          '000',
          'Création d’un compte APE, ETAPE 4',
          'Aucun APE n’est identifié sur cette structure : vous pouvez motiver puis valider votre demande.',
          'No APE is known for this structure: you can explain and confirm your request.',
        ),
      ],
      // From the seed's « vous pouvez alors motivée et validée votre demande »: the button's and the field's exact names are unknown.
      clickNext: [{ match: { label: 'Valider' } }],
      fields: [
        {
          match: { label: ['Motivation de la demande', 'Motivation'] },
          hint: fromSeed('000', 'Création d’un compte APE, ETAPE 4', 'Motivez votre demande d’être APE.', 'Explain why you ask to be APE.'),
        },
      ],
    },
    {
      id: 'apeExists',
      name: { fr: 'Un APE est déjà identifié', en: 'An APE already exists' },
      // Seed 000: « Message indiquant qu’un APE est déjà identifié »; the dialog's title is inventé, as for apeNone.
      shows: [{ title: 'Administrateur principal de l’entité' }, { text: 'déjà identifié' }],
      path: '/compte/premier-profil',
      samples: ['https://plage.atih.sante.fr/compte/premier-profil', `${pasrelPlage}/compte/premier-profil`],
      instructions: [
        fromSeed(
          '000',
          'Création d’un compte APE, ETAPE 4',
          'Un APE est déjà identifié sur cette structure : vérifiez le bien-fondé de votre demande avant de la maintenir.',
          'An APE already exists for this structure: check that your request is justified before keeping it.',
        ),
      ],
    },
    {
      id: 'requestConfirmation',
      name: { fr: 'Confirmation de la demande', en: 'Request confirmation' },
      // Seed 000 ETAPE 5: « valider votre demande à l’aide de l’écran de confirmation »; the heading is inventé.
      shows: [{ title: 'Confirmation de votre demande' }],
      path: '/compte/premier-profil/confirmation',
      samples: ['https://plage.atih.sante.fr/compte/premier-profil/confirmation', `${pasrelPlage}/compte/premier-profil/confirmation`],
      instructions: [
        fromSeed(
          '000',
          'ETAPE 5',
          'Après « envoyer la demande », validez votre demande sur cet écran de confirmation.',
          'After “envoyer la demande”, confirm your request on this screen.',
        ),
      ],
      // No click target: the seed says « valider » but names no button (« Valider ma demande » was inventé).
    },
    {
      id: 'myProfiles',
      name: { fr: 'Mes profils / habilitations', en: 'My profiles and rights' },
      // Seed 000 « Mes profil / habilitations »; buttons « + Demander un profil » and « demander une habilitation » (001).
      shows: [{ title: 'Mes profils / habilitations' }],
      path: '/mon-compte/profils',
      samples: ['https://plage.atih.sante.fr/mon-compte/profils', `${pasrelPlage}/mon-compte/profils`],
      instructions: [
        fromSeed(
          '000',
          'Création d’un profil',
          'Un nouveau profil se demande dans Mon compte › Mes profils / habilitations, ou directement par « gérer mes profils », puis le bouton « demander un profil ».',
          'A new profile is requested under Mon compte › Mes profils / habilitations, or straight from “gérer mes profils”, then the “demander un profil” button.',
        ),
        fromSeed(
          '000',
          'Demande habilitation Distrilog',
          'Pour ajouter une habilitation à un profil existant, cliquez sur le personnage en bas à droite.',
          'To add a right to an existing profile, click the person icon at the bottom right.',
        ),
        fromSeed(
          '001',
          'Annexe, action 2 bis',
          'Si vous avez déjà un profil rattaché à cet établissement, cliquez en bas à droite sur l’icône silhouette orange « demander une habilitation ».',
          'If you already have a profile for this establishment, click the orange silhouette icon “demander une habilitation” at the bottom right.',
        ),
        switchProfileHint,
      ],
      next: [
        { page: 'requestProfile', label: { fr: 'Demander un profil', en: 'Request a profile' } },
        { page: 'extraHabilitation', label: { fr: 'Demander une habilitation', en: 'Request a right' } },
      ],
      clickNext: [
        { match: { label: '+ Demander un profil' } },
        { match: { label: 'Demander une habilitation' }, where: { fr: 'en bas à droite', en: 'bottom right' } },
      ],
    },
    {
      id: 'extraHabilitation',
      name: { fr: 'Demande d’habilitation', en: 'Right request' },
      // Seed 000: « Une boite de dialogue apparait pour choisir les nouvelles habilitations et de justifier
      // cette demande »; its title is inventé, the second phrasing is the icon's name (001 « demander une habilitation »).
      shows: [{ title: ['Demande d’habilitation', 'Demander une habilitation'] }],
      path: '/mon-compte/profils',
      samples: ['https://plage.atih.sante.fr/mon-compte/profils', `${pasrelPlage}/mon-compte/profils`],
      instructions: [
        fromSeed(
          '000',
          'Demande habilitation Distrilog',
          'Choisissez les nouvelles habilitations et justifiez la demande. Elle est transmise à l’administrateur de votre entité ; un e-mail vous informera de son traitement.',
          'Choose the new rights and justify the request. It goes to your entity’s administrator; an e-mail will tell you the outcome.',
        ),
        fromSeed(
          '001',
          'Annexe, action 2 bis',
          'L’administrateur Plage de votre établissement doit valider la demande ; il vous contactera si nécessaire.',
          'Your establishment’s Plage administrator must approve the request and will contact you if needed.',
        ),
      ],
      clickNext: [{ match: { label: 'Envoyer' } }],
      fields: [
        { match: { label: 'DISTRILOG' }, expected: { checked: true }, procedures: ['000-distrilog'], hint: distrilogHint },
        medAccesBox,
        {
          match: { label: 'Commentaire' },
          procedures: ['000-distrilog'],
          hint: fromSeed('000', 'Demande habilitation Distrilog', 'Justifiez la demande.', 'Justify the request.'),
        },
        { match: { label: 'Commentaire' }, procedures: ['001-med-acces'], hint: roleCommentHint },
      ],
    },
    {
      id: 'requestProfile',
      name: { fr: 'Demander un profil', en: 'Request a profile' },
      // The form's heading is inventé after the button that opens it (000 « demander un profil »); its fields are the seeds'.
      shows: [{ title: 'Demander un profil' }],
      path: '/mon-compte/profils/demande',
      samples: ['https://plage.atih.sante.fr/mon-compte/profils/demande', `${pasrelPlage}/mon-compte/profils/demande`],
      instructions: [
        fromSeed(
          '000',
          'Création d’un profil',
          'La demande est transmise à l’administrateur de l’entité choisie ; un e-mail vous informera de son traitement. Votre identifiant et votre mot de passe restent les mêmes pour tous vos profils.',
          'The request goes to the chosen entity’s administrator; an e-mail will tell you the outcome. Your identifier and password stay the same for all your profiles.',
        ),
        entitySearchAdvice,
        fromSeed(
          '001',
          'Annexe, action 2',
          'Vous pouvez demander un profil pour chaque établissement d’exercice, avec le même identifiant et mot de passe. L’administrateur Plage de l’établissement valide la demande.',
          'You can request one profile per establishment where you work, with the same identifier and password. The establishment’s Plage administrator approves it.',
        ),
      ],
      clickNext: [{ match: { label: 'Envoyer' } }],
      fields: [
        {
          match: { label: 'Nom' },
          kind: 'lastName',
          role: 'me',
          readOnly: true,
          hint: fromSeed('000', 'Création d’un profil', 'Pré-renseigné depuis votre compte, non modifiable.', 'Prefilled from your account, locked.'),
        },
        {
          match: { label: 'Prénom' },
          kind: 'firstName',
          role: 'me',
          readOnly: true,
          hint: fromSeed('000', 'Création d’un profil', 'Pré-renseigné depuis votre compte, non modifiable.', 'Prefilled from your account, locked.'),
        },
        { match: { label: 'Entité de rattachement' }, kind: 'finess', finess: 'byStatus', hint: entityHint },
        ...labelFields,
        { match: { label: 'DISTRILOG' }, expected: { checked: true }, procedures: ['000-distrilog'], hint: distrilogHint },
        {
          match: { label: 'Courriel' },
          kind: 'email',
          role: 'me',
          hint: fromSeed(
            '000',
            'Création d’un profil',
            'L’adresse de votre compte est pré-renseignée mais modifiable ; saisissez votre adresse professionnelle.',
            'Your account’s address is prefilled but can be changed; use your professional address.',
          ),
        },
        // Seed 000: typed again « dans un second champ »; the label is inventé.
        { match: { label: ['Confirmation du courriel', 'Ressaisie du courriel'] }, kind: 'emailConfirmation', role: 'me', hint: emailTwiceHint },
        ...medAccesProfileFields,
      ],
    },
    {
      id: 'myAccount',
      name: { fr: 'Mon compte', en: 'My account' },
      // Seed 001 action 3 « Mon compte »; « gérer mes profils » (000, 001).
      shows: [{ title: 'Mon compte' }],
      path: '/mon-compte',
      samples: ['https://plage.atih.sante.fr/mon-compte', `${pasrelPlage}/mon-compte`],
      instructions: [
        fromSeed(
          '001',
          'Annexe, action 3',
          '« Mon compte » affiche vos profils, leur état d’activation et votre rôle.',
          '“Mon compte” shows your profiles, whether they are active, and your role.',
        ),
        switchProfileHint,
      ],
      next: [{ page: 'myProfiles', label: { fr: 'Gérer mes profils', en: 'Manage my profiles' } }],
      clickNext: [{ match: { label: 'Gérer mes profils' } }],
    },
  ],
});
