/**
 * The IGC-Santé certificate platform (PFCNG), where the technical admin orders and retrieves
 * software certificates (seed 003, chapter 6). A JSF application: pages `.xhtml` under
 * `/pfcng-ihm/` on `pfc.eservices.esante.gouv.fr` (the address the ANS itself links), whose
 * « Demander » wizard changes step by AJAX without changing the URL. So every step is told
 * apart by what it shows (the step-1 lists, the « Demander un nouveau produit » button, the
 * usages and the « Informations de produit » block), never by its URL.
 *
 * Evidence: the research report (../shared/research/real-portals.md) §1.5 and §3.D (ANS guides « je souhaite demander /
 * retirer un certificat », ANS industriels FAQ, ansforge/DRIM-M_DRIMbox README). Paths other
 * than `/pfcng-ihm/authentication.xhtml` are guesses (no public source gives them): they are
 * only tie-breaking hints.
 */
import { definePortal, fromSeed } from './schema';

const chapter3 = '3. Quels certificats ?';
const chapter41 = '4.1 Prérequis relatifs au contrat de structure';
const chapter42 = '4.2 Cas des établissements publics : GHT, EHPAD';
const chapter5 = '5. Comment procéder pour remplir le formulaire 413';
const chapter6 = '6. Commande technique et installation des certificats logiciels';
const chapter7 = '7. Durée de validité';
const host = 'https://pfc.eservices.esante.gouv.fr';
// inventé : à vérifier — the wizard's, the withdrawal's and the follow-up's paths (only the authentication page's is public).
const demander = '/pfcng-ihm/pages/demander.xhtml';
const retirer = '/pfcng-ihm/pages/retirer.xhtml';
const suivi = '/pfcng-ihm/pages/suivi.xhtml';

/** Said here once; procedure 003 shows it on its certificate orders. */
export const cardReader = fromSeed(
  '003',
  chapter6,
  'Pour s’authentifier par carte CPx, il faut un poste équipé d’un lecteur de carte à puce.',
  'Logging in with a CPx card needs a workstation with a smart-card reader.',
);
const valid3Years = fromSeed('003', chapter7, 'Le certificat est valable 3 ans à compter de son obtention.', 'The certificate is valid for 3 years from issue.');
const lifeCycle = fromSeed(
  '003',
  chapter41,
  'L’administrateur technique gère, par délégation du représentant légal, le cycle de vie des certificats logiciels commandés : demande, retrait, révocation et suivi.',
  'The technical admin manages, on the legal representative’s behalf, the life cycle of the software certificates ordered: request, retrieval, revocation and follow-up.',
);
const csrAndKeys = fromSeed(
  '003',
  chapter6,
  'Une fois habilité, l’administrateur technique suit la documentation de l’Espace intégrateur CPS (rubrique « IGC Santé » puis « Portail Web ») pour générer et installer le CSR et la bi-clé.',
  'Once appointed, the technical admin follows the CPS integrators’ documentation (“IGC Santé”, then “Portail Web”) to generate and install the CSR and key pair.',
);
const proForDp = fromSeed(
  '003',
  chapter3,
  'Pour consulter le DP, chaque utilisateur (pharmacien, médecin, agent d’admission) a besoin d’un certificat PRO usage AUTH ; pour l’alimenter, chaque pharmacien d’un certificat PRO usage SIGN.',
  'To consult the DP, every user (pharmacist, physician, admission agent) needs a PRO AUTH certificate; to feed it, every pharmacist a PRO SIGN certificate.',
);
// Which line of screen 3's usage list to tick, in plain words (issue 18): the usages' names as the
// seed's screenshots of that screen show them, what each is for from its chapter 3.
const tickAuth = fromSeed(
  '003',
  chapter3,
  'Pour le DP, dans la liste des usages, cochez la ligne « AUTH — Authentification » : ce certificat sert à consulter le DP. Il en faut un par utilisateur (pharmacien, médecin, agent d’admission).',
  'For the DP, in the list of usages, tick the line “AUTH — Authentification”: this certificate is used to consult the DP. Every user (pharmacist, physician, admission agent) needs one.',
);
const tickSign = fromSeed(
  '003',
  chapter3,
  'Pour le DP, dans la liste des usages, cochez la ligne « SIGN — Signature » : ce certificat sert à alimenter le DP. Il en faut un par pharmacien.',
  'For the DP, in the list of usages, tick the line “SIGN — Signature”: this certificate is used to feed the DP. Every pharmacist needs one.',
);
const beneficiary = fromSeed(
  '003',
  chapter5,
  'La structure bénéficiaire est celle que la partie 1 du formulaire 413 identifie : sa dénomination (raison sociale), son N° SIRET et son FINESS géographique.',
  'The beneficiary structure is the one part 1 of form 413 identifies: its name (raison sociale), SIRET number and FINESS géographique.',
);
// Step 3 as seed 003's screenshots show it: the usages described (Authentification, Chiffrement,
// Signature) above the block « Informations de produit ». The usages tell a product step apart
// even where the block's title is no heading; its field (UPN or e-mail) tells which usage.
const productStep = [{ title: 'Informations de produit' }, { text: 'Authentification' }, { text: 'Chiffrement' }, { text: 'Signature' }];

export default definePortal({
  id: 'igc-sante',
  name: { fr: 'Plateforme IGC-Santé', en: 'IGC-Santé platform' },
  hosts: ['pfc-auth.eservices.esante.gouv.fr', 'pfc.eservices.esante.gouv.fr'],
  hostRefs: [
    { seed: '003', section: chapter6 },
    {
      url: 'https://github.com/ansforge/DRIM-M_DRIMbox',
      note: 'README (ANS): certificates are obtained at https://pfc.eservices.esante.gouv.fr/pfcng-ihm/authentication.xhtml',
    },
    {
      url: 'https://industriels.esante.gouv.fr/faq/resultats?f%5B0%5D=couloir_dispositifs%3A378&f%5B1%5D=filtrez_par_offre%3A2626&page=9',
      note: 'ANS industriels FAQ: expiry alerts come from noreply@pfc.eservices.esante.gouv.fr; the « suivi des certificats » page lists the end dates',
    },
  ],
  pages: [
    {
      // The log-in page: the seed's platform address and the one the ANS links.
      id: 'home',
      name: { fr: 'Authentification par carte CPx', en: 'CPx card log-in' },
      shows: [
        // inventé : à vérifier — the page's title, read from its file name authentication.xhtml, with
        // the platform's name (seed 003): « Authentification » alone is every portal's login.
        { title: 'IGC Santé Authentification' },
        // Seed 003 ch. 6 and the ANS FAQ: log-in by CPx card in a smart-card reader (the page's wording: à vérifier).
        { text: 'carte CPx' },
        { text: 'lecteur de carte' },
      ],
      path: '/**',
      samples: [`${host}/pfcng-ihm/authentication.xhtml`, 'https://pfc-auth.eservices.esante.gouv.fr/'],
      instructions: [
        cardReader,
        fromSeed(
          '003',
          '4. Modalités d’obtention',
          'L’administrateur technique doit posséder une carte CPx (CPS, CPE ou CPA) en cours de validité.',
          'The technical admin must hold a valid CPx card (CPS, CPE or CPA).',
        ),
        csrAndKeys,
        valid3Years,
      ],
    },
    {
      // Tab « Demander », step 1: the offre and the structure together (ANS guide).
      id: 'requestStart',
      name: { fr: 'Demander : offre et structure (écran 1 du portail)', en: 'Request: offer and structure (portal screen 1)' },
      path: demander,
      samples: [`${host}${demander}`],
      instructions: [proForDp, beneficiary],
      clickNext: [{ match: { label: 'Suivant' } }],
      fields: [
        {
          // A SelectOneMenu: the label names its focus input (PrimeFaces' <id>_focus), the hidden select carries the
          // choice (ORG, SERV, PRO, PS). The autofill chooses in that select and checks the widget's label shows it
          // (lib/autofill/fill.ts), judged on the label a person sees.
          match: { selector: 'input', label: 'Offre' },
          expected: { option: 'PRO' },
          procedures: ['003-certificats-dp'],
          hint: fromSeed(
            '003',
            '1. Objectif du document',
            'Pour le Dossier Pharmaceutique, l’ANS délivre des certificats de personne physique : choisissez l’offre PRO.',
            'For the Dossier Pharmaceutique, the ANS issues personal (natural person) certificates: choose the PRO offer.',
          ),
        },
        {
          // A SelectOneMenu with a search box (raison sociale or identifiant national).
          match: { selector: 'input', label: 'Structure' },
          hint: fromSeed(
            '003',
            chapter42,
            'Choisissez le site pour lequel le formulaire 413 a été signé (dénomination, SIRET, FINESS géographique) : chaque site doit avoir souscrit son propre contrat de structure avec l’ANS.',
            'Choose the site form 413 was signed for (name, SIRET, FINESS géographique): each site must hold its own structure contract with the ANS.',
          ),
        },
      ],
    },
    {
      // Step 2, after « Suivant »: same URL, the form's content replaced.
      id: 'newProduct',
      name: { fr: 'Demander un nouveau produit (écran 2 du portail)', en: 'Request a new product (portal screen 2)' },
      shows: [{ text: 'Demander un nouveau produit' }],
      path: demander,
      samples: [`${host}${demander}`],
      instructions: [proForDp],
      clickNext: [{ match: { label: 'Demander un nouveau produit' } }],
    },
    {
      // Step 3, usage AUTH: the product fields under the legend « Informations de produit ».
      id: 'productOrder',
      name: { fr: 'Commande du produit, usage AUTH (écran 3 du portail)', en: 'Product order, AUTH usage (portal screen 3)' },
      shows: productStep,
      path: demander,
      samples: [`${host}${demander}`],
      instructions: [
        tickAuth,
        fromSeed(
          '003',
          chapter6,
          'Pour l’usage Dossier Pharmaceutique, il est conseillé de ne rien indiquer dans le champ UPN (demande PRO AUTH) ni dans l’adresse mail du bénéficiaire (demande PRO SIGN) : ils ne sont pas obligatoires.',
          'For the Dossier Pharmaceutique, leave the UPN (PRO AUTH request) and the beneficiary e-mail (PRO SIGN request) empty: they are optional.',
        ),
      ],
      fields: [
        {
          match: { label: 'Nom principal d’utilisateur (UPN)' },
          leaveEmpty: true,
          procedures: ['003-certificats-dp'],
          hint: fromSeed(
            '003',
            chapter6,
            'Demande PRO AUTH : le champ UPN n’est pas obligatoire ; pour le DP, laissez-le vide.',
            'PRO AUTH request: the UPN is optional; for the DP, leave it empty.',
          ),
        },
        // Seed 004's certificates (INS, DMP) are ordered here too: the field is only explained, so that the
        // classifier, reading « Nom » in its label, never types the user's surname in it (issue 13).
        {
          match: { label: 'Nom principal d’utilisateur (UPN)' },
          procedures: ['004-prerequis'],
          hint: fromSeed('003', chapter6, 'Demande PRO AUTH : le champ UPN n’est pas obligatoire.', 'PRO AUTH request: the UPN is optional.'),
        },
      ],
    },
    {
      // Step 3, usage SIGN: the same legend, the beneficiary's e-mail instead of the UPN.
      id: 'productOrderSign',
      name: { fr: 'Commande du produit, usage SIGN (écran 3 du portail)', en: 'Product order, SIGN usage (portal screen 3)' },
      shows: productStep,
      path: demander,
      samples: [`${host}${demander}`],
      instructions: [
        tickSign,
        fromSeed(
          '003',
          chapter6,
          'Pour l’usage Dossier Pharmaceutique, il est conseillé de ne rien indiquer dans l’adresse mail du bénéficiaire (demande PRO SIGN) : elle n’est pas obligatoire.',
          'For the Dossier Pharmaceutique, leave the beneficiary e-mail (PRO SIGN request) empty: it is optional.',
        ),
      ],
      fields: [
        // Left empty whichever procedure the user follows: the beneficiary is the certificate's holder, never
        // the person at the workstation the classifier would take the e-mail of.
        {
          match: { label: 'Adresse email' },
          leaveEmpty: true,
          hint: fromSeed(
            '003',
            chapter6,
            'Demande PRO SIGN : l’adresse mail du bénéficiaire n’est pas obligatoire ; pour l’usage Dossier Pharmaceutique, laissez-la vide.',
            'PRO SIGN request: the beneficiary e-mail is optional; for the Dossier Pharmaceutique, leave it empty.',
          ),
        },
      ],
    },
    {
      // Tab « Retirer »: search the request by offre, structure bénéficiaire and usage (ANS guide).
      id: 'withdrawSearch',
      name: { fr: 'Retirer : recherche de la demande', en: 'Retrieve: find the request' },
      shows: [{ button: 'Rechercher' }, { text: 'Structure bénéficiaire' }],
      path: retirer,
      samples: [`${host}${retirer}`],
      instructions: [lifeCycle, csrAndKeys],
      fields: [{ match: { selector: 'input', label: 'Structure bénéficiaire' }, hint: beneficiary }],
    },
    {
      // « code de révocation » + « confirmation », the CGU/PC box, « Finaliser » (ANS guide). Secrets: left alone.
      id: 'withdrawRevocation',
      name: { fr: 'Retirer : code de révocation', en: 'Retrieve: revocation code' },
      shows: [{ text: 'Code de révocation' }, { button: 'Finaliser' }],
      path: retirer,
      samples: [`${host}${retirer}`],
      instructions: [lifeCycle],
    },
    {
      // The private key's protection password, « Télécharger », « Terminer » (ANS guide). The password: left alone.
      id: 'withdrawDownload',
      name: { fr: 'Retirer : téléchargement', en: 'Retrieve: download' },
      shows: [
        { button: 'Télécharger' },
        { button: 'Terminer' },
        // inventé : à vérifier — the guide speaks of the private key's protection password; the label's wording is a guess.
        { text: 'clé privée' },
      ],
      path: retirer,
      samples: [`${host}${retirer}`],
      instructions: [csrAndKeys, valid3Years],
    },
    {
      // ANS FAQ: the certificates and their end dates; renewal from the product request.
      id: 'certificateTracking',
      name: { fr: 'Suivi des certificats', en: 'Certificate follow-up' },
      shows: [
        { title: 'Suivi des certificats' },
        // inventé : à vérifier — the FAQ says the page lists the end dates; the column's wording is a guess.
        { text: 'date de fin' },
      ],
      path: suivi,
      samples: [`${host}${suivi}`],
      instructions: [valid3Years, lifeCycle],
    },
  ],
});
