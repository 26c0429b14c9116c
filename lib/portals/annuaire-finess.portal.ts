/**
 * The annuaire FINESS, where the establishment checks its record (seed 004, step 1).
 * Host quoted in seed 004. Its screens are not described: the page only guides.
 */
import { definePortal, fromSeed } from './schema';

export default definePortal({
  id: 'annuaire-finess',
  name: { fr: 'Annuaire FINESS', en: 'FINESS directory' },
  hosts: ['finess.esante.gouv.fr'],
  hostRefs: [{ seed: '004', section: '1. Vérifier la base FINESS' }],
  pages: [
    {
      id: 'home',
      name: { fr: 'Annuaire FINESS', en: 'FINESS directory' },
      shows: [{ title: 'Rechercher un établissement' }],
      path: '/**',
      samples: ['https://finess.esante.gouv.fr/'],
      instructions: [
        fromSeed(
          '004',
          '1. Vérifier la base FINESS',
          'Consultez la fiche de votre structure dans l’annuaire FINESS et vérifiez qu’elle est à jour.',
          'Look up your structure’s record in the FINESS directory and check it is up to date.',
        ),
        fromSeed(
          '004',
          '1. Vérifier la base FINESS',
          'Si elle ne l’est pas : ESMS de compétence unique du Conseil départemental → le Conseil départemental concerné ; ESMS de compétence unique de l’ARS ou conjointe → la délégation départementale de l’ARS. La modification demande en général des justificatifs et un arrêté.',
          'If not: social-care services under the département council alone → that Conseil départemental; under the ARS alone or jointly → the ARS’s département office. A change usually needs supporting documents and an order (arrêté).',
        ),
      ],
    },
  ],
});
