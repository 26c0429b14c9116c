/**
 * The annuaire FINESS, where the establishment checks its record (seed 004, step 1).
 * Host quoted in seed 004. The public site is a Struts/JSP application under `/fininter/jsp/`
 * (research report §1.6 and §3.G, public code linking its pages): a home `index.jsp`, a simple
 * search `recherche.jsp?mode=simple` and a record `actionDetailEtablissement.do?noFiness=<9>`
 * (for an EJ or an ET). The old alias host `finess.sante.gouv.fr` is only seen in old links:
 * not added until it is known to be served. The ANS announces a « nouveau FiNESS »
 * (github.com/ansforge/finess): expect a redesign.
 *
 * Balise fills the search with the FINESS juridique (EJ): seed 004 asks to check the
 * structure's record, and advises contracting with the ANS with the FINESS juridique (step 2),
 * so the EJ record is the one the next steps rely on. The record page only guides.
 */
import { baliseAdvice, definePortal, fromSeed } from './schema';

const s1 = '1. Vérifier la base FINESS';
const s2 = '2. Contrat d’adhésion et déclaration du responsable légal';

const checkRecord = fromSeed(
  '004',
  s1,
  'Consultez la fiche de votre structure dans l’annuaire FINESS et vérifiez qu’elle est à jour.',
  'Look up your structure’s record in the FINESS directory and check it is up to date.',
);
/** Who corrects an out-of-date record: the guide says it on these pages and beside a comparison with the profile (issue 16). */
export const ifOutOfDate = fromSeed(
  '004',
  s1,
  'Si elle ne l’est pas : ESMS de compétence unique du Conseil départemental → le Conseil départemental concerné ; ESMS de compétence unique de l’ARS ou conjointe → la délégation départementale de l’ARS. La modification demande en général des justificatifs et un arrêté.',
  'If not: social-care services under the département council alone → that Conseil départemental; under the ARS alone or jointly → the ARS’s département office. A change usually needs supporting documents and an order (arrêté).',
);
/** The one page whose record the guide frame may ask the content script to read (./finess-record.ts). */
export const recordPage = { portalId: 'annuaire-finess', pageId: 'detail' } as const;

/** The directory's name, as the ANS writes it (industriels.esante.gouv.fr, gnius.esante.gouv.fr). */
const directoryName = 'Fichier national des établissements sanitaires et sociaux';

export default definePortal({
  id: 'annuaire-finess',
  name: { fr: 'Annuaire FINESS', en: 'FINESS directory' },
  hosts: ['finess.esante.gouv.fr'],
  hostRefs: [{ seed: '004', section: s1 }],
  pages: [
    {
      id: 'home',
      name: { fr: 'Annuaire FINESS', en: 'FINESS directory' },
      shows: [
        // The directory's name: on the site's title (assumed, as on every JSP page of the site).
        { title: directoryName },
        // « Recherche Simple »: the link an old public scraper of the site follows from its home.
        { button: 'Recherche simple' },
      ],
      path: '/fininter/jsp/index.jsp',
      samples: ['https://finess.esante.gouv.fr/fininter/jsp/index.jsp'],
      instructions: [checkRecord, ifOutOfDate],
      next: [{ page: 'search', label: { fr: 'Recherche simple', en: 'Simple search' } }],
    },
    {
      id: 'search',
      name: { fr: 'Recherche simple', en: 'Simple search' },
      shows: [
        // Deduced from `mode=simple` and the « Recherche Simple » link: the page's heading is a guess.
        { title: 'Recherche simple' },
        // The old form's button has id/name `chercher`; its text is a guess.
        { button: 'Rechercher' },
      ],
      path: '/fininter/jsp/recherche.jsp',
      query: { mode: 'simple' },
      samples: ['https://finess.esante.gouv.fr/fininter/jsp/recherche.jsp?mode=simple'],
      instructions: [checkRecord, ifOutOfDate],
      fields: [
        {
          // The old form's field has id `nofiness`; its label is a guess worded like the site's
          // exports (« Numéro FINESS » column).
          match: { label: 'Numéro FINESS' },
          // The field takes any FINESS (EJ or ET): the rule says which one Balise types.
          kind: 'finess',
          finess: 'ej',
          // What Balise types is Balise's word; the ANS's advice to contract with the legal FINESS is seed 004's (§2).
          hint: baliseAdvice(
            '004',
            s2,
            'Balise saisit le FINESS juridique de la structure : l’ANS conseille de contractualiser avec lui, vérifiez donc d’abord sa fiche.',
            'Balise types the structure’s legal FINESS (EJ): the ANS advises contracting with it, so check its record first.',
          ),
        },
      ],
    },
    {
      id: 'detail',
      name: { fr: 'Fiche de l’établissement', en: 'Establishment record' },
      // Labels of the record's label/value table, worded as the columns the site exports
      // (public notebook of an export from finess.sante.gouv.fr, 2013): Numéro FINESS,
      // Raison sociale, SIRET, statut (juridique), Libellé routage; all hold for an EJ and an ET.
      // Their exact wording on today's page is a guess. « Adresse » is left out: forms elsewhere
      // (Medimail's BAL ORG) show it with SIRET.
      shows: [{ text: 'Numéro FINESS' }, { text: 'Raison sociale' }, { text: 'SIRET' }, { text: 'Statut juridique' }, { text: 'Libellé routage' }],
      path: '/fininter/jsp/actionDetailEtablissement.do',
      query: { noFiness: '*' },
      samples: ['https://finess.esante.gouv.fr/fininter/jsp/actionDetailEtablissement.do?noFiness=750100125'],
      instructions: [
        checkRecord,
        ifOutOfDate,
        fromSeed(
          '004',
          s2,
          'Le contrat d’adhésion demandera le n° FINESS juridique et le SIRET de la structure : l’ANS conseille de contractualiser avec le FINESS juridique.',
          'The adhesion contract will ask for the structure’s legal FINESS number and SIRET: the ANS advises contracting with the legal FINESS.',
        ),
      ],
    },
  ],
});
