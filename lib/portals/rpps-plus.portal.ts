/**
 * The RPPS+ portal, where the « gestionnaire RPPS+ » registers the staff who get their RPPS
 * number from their employer (seed 004, « Quel MIE pour quel service socle ? »). Host, login
 * page and its « ProSanteConnect » button, home link « Modifier un enregistrement » and the
 * search by « Numéro RPPS » or identité civile: the ANS guides to RPPS+ (research report §1.9,
 * §3.F). Paths other than the login page's are not known: the home and search pages are only
 * placed somewhere under `/enreg/`.
 *
 * Instructions quote seed 004 only; Balise fills nothing here (the seed gives no value to type:
 * the professionals concerned have no RPPS number until they are registered).
 */
import { definePortal, fromSeed } from './schema';

const s5 = 'Quel MIE pour quel service socle ?';
const s7 = '7. Déploiement des services socles';

const manager = fromSeed(
  '004',
  s5,
  'Le gestionnaire RPPS+, désigné par le mandataire, enregistre le professionnel dans le portail ; le professionnel reçoit alors son numéro RPPS et peut activer sa e-CPS sur téléphone mobile.',
  'The RPPS+ manager, appointed by the mandataire, registers the professional in the portal; the professional then gets an RPPS number and can activate their e-CPS on a mobile phone.',
);
const who = fromSeed(
  '004',
  s5,
  'Sont concernés les personnels qui ne reçoivent pas de numéro d’un Ordre ou de l’ARS (aide-soignant, accompagnant éducatif et social, secrétaire médical, coordinateur…). L’enregistrement se fait quand c’est utile : il ne vise pas l’exhaustivité.',
  'This concerns the staff who get no number from an Ordre or the ARS (care assistant, social support worker, medical secretary, coordinator…). Register them where useful: it does not aim to be exhaustive.',
);
const why = fromSeed(
  '004',
  s7,
  'L’enregistrement au RPPS+ est nécessaire pour la consultation du DMP et pour créer une MSS nominative.',
  'RPPS+ registration is needed to consult the DMP and to create a nominative MSS mailbox.',
);

export default definePortal({
  id: 'rpps-plus',
  name: { fr: 'Portail RPPS+', en: 'RPPS+ portal' },
  hosts: ['validation-enreg.esante.gouv.fr'],
  hostRefs: [
    {
      url: 'https://esante.gouv.fr/guides/guides-rpps-plus/je-mets-a-jour-la-situation-exercice-d-un-professionnel',
      note: 'ANS guide: « Je me connecte au portail RPPS+ » at https://validation-enreg.esante.gouv.fr/enreg/login/page_accueil/authentification_AE.html, « ProSanteConnect » with a CPS card, then « Modifier un enregistrement » and a search by « Numéro RPPS » or identité civile',
    },
  ],
  pages: [
    {
      id: 'login',
      name: { fr: 'Connexion au portail RPPS+', en: 'RPPS+ portal login' },
      shows: [
        // « RPPS+ » in the page's title or heading: a guess (the ANS calls it « portail RPPS+ »).
        { title: 'RPPS+' },
      ],
      path: '/enreg/login/page_accueil/authentification_AE.html',
      samples: ['https://validation-enreg.esante.gouv.fr/enreg/login/page_accueil/authentification_AE.html'],
      instructions: [manager, who, why],
      // The login button: « ProSanteConnect » in one ANS guide, « PROSANTE CONNECT » in another. It
      // leads to the Pro Santé Connect login (./pro-sante-connect.portal.ts), reached only through it.
      clickNext: [{ match: { label: ['ProSanteConnect', 'PROSANTE CONNECT'] } }],
    },
    {
      id: 'home',
      name: { fr: 'Accueil du portail RPPS+', en: 'RPPS+ portal home' },
      shows: [
        { title: 'RPPS+' },
        // The home's link, from the ANS guide.
        { button: 'Modifier un enregistrement' },
      ],
      // Unknown path: somewhere in the application, under /enreg/.
      path: '/enreg/**',
      samples: ['https://validation-enreg.esante.gouv.fr/enreg/'],
      instructions: [manager, why],
    },
    {
      id: 'search',
      name: { fr: 'Recherche d’un professionnel', en: 'Finding a professional' },
      shows: [
        // The page « Modifier un enregistrement » opens: its heading is a guess.
        { title: 'Modifier un enregistrement' },
        // « l’identité civile », the search's other way in (ANS guide).
        { text: 'Identité civile' },
      ],
      // Unknown path: somewhere in the application, under /enreg/.
      path: '/enreg/**',
      samples: ['https://validation-enreg.esante.gouv.fr/enreg/'],
      instructions: [manager],
      fields: [
        {
          // « Numéro RPPS »: the ANS guide's name for the search field.
          match: { label: 'Numéro RPPS' },
          hint: fromSeed(
            '004',
            s7,
            'Pour les professionnels de santé, recueillez le numéro RPPS ou ADELI.',
            'For health professionals, collect the RPPS or ADELI number.',
          ),
        },
      ],
    },
  ],
});
