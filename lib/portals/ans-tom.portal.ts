/**
 * TOM, the ANS teleservice to order CPE cards and appoint the mandataire (seeds 003, 004).
 * Host quoted in seed 003. Its screens are not described: the page only guides.
 */
import { definePortal, fromSeed } from './schema';

export default definePortal({
  id: 'ans-tom',
  name: { fr: 'TOM (téléservice ANS)', en: 'TOM (ANS teleservice)' },
  hosts: ['tom.eservices.esante.gouv.fr'],
  hostRefs: [{ seed: '003', section: '4.1 Prérequis relatifs au contrat de structure' }],
  pages: [
    {
      id: 'home',
      name: { fr: 'Téléservice TOM', en: 'TOM teleservice' },
      shows: [{ title: 'Gestion des cartes de votre structure' }],
      path: '/**',
      samples: ['https://tom.eservices.esante.gouv.fr/'],
      instructions: [
        fromSeed(
          '003',
          '4.1 Prérequis relatifs au contrat de structure',
          'Le représentant légal peut y commander la carte CPE du mandataire et l’habiliter ; le représentant légal ou le mandataire peut y commander la carte CPE de l’administrateur technique.',
          'The legal representative can order the mandataire’s CPE card and appoint them here; the legal representative or the mandataire can order the technical admin’s CPE card.',
        ),
        fromSeed(
          '004',
          'Quel MIE pour quel service socle ?',
          'TOM est accessible avec le profil mandataire et convient aux parcs de cartes importants. Il ne permet de commander que des cartes CPE, pas de CPS.',
          'TOM is open to the mandataire profile and suits large card fleets. It orders CPE cards only, not CPS.',
        ),
      ],
    },
  ],
});
