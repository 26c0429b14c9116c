/**
 * MesHabilitations, the ANS portal to declare mandataires and technical admins (seed 004).
 * The seed links it without an address and no public reference found gives its host:
 * this module only guides until the host is verified, or until the user switches Balise on for
 * the site (./sites.ts), where its page is recognised by the ANS guides' wording.
 */
import { definePortal, fromSeed } from './schema';

const twoProfiles = '4. Obtenir les MIE : deux profils';

/** How a mandataire is declared, by the card they hold: said here once, procedure 004 shows it too. */
export const declareMandataire = fromSeed(
  '004',
  twoProfiles,
  'Mandataire : le représentant légal déclare mandataire un professionnel qui a déjà une carte CPE ou CPS par le portail MesHabilitations (ou le F502), et celui qui a une e-CPS par le portail MesHabilitations.',
  'Mandataire: the legal representative declares as mandataire someone who already holds a CPE or CPS card through MesHabilitations (or form F502), and someone with an e-CPS through MesHabilitations.',
);

/** The legal representative's CDE card and the mandataire rights: said here once, procedure 004 shows it too. */
export const cdeRights = fromSeed(
  '004',
  twoProfiles,
  'La carte CDE a par défaut les droits du profil mandataire et permet les autres actions de la carte CPE.',
  'The CDE card has the mandataire rights by default and allows the other actions of a CPE card.',
);

export default definePortal({
  id: 'ans-meshabilitations',
  name: { fr: 'MesHabilitations (ANS)', en: 'MesHabilitations (ANS)' },
  hosts: [],
  hostRefs: [],
  pages: [
    {
      id: 'home',
      name: { fr: 'Portail MesHabilitations', en: 'MesHabilitations portal' },
      // What the ANS guides « guides-pmh » show of it (research report §1.8, §3.E): its name, its
      // tabs and buttons. Recognised on a site the user switches Balise on for (no host known).
      shows: [
        { title: ['Mes habilitations', 'Portail mes habilitations'] },
        { button: 'Ajouter une habilitation' },
        { button: ['Habilitation des Gestionnaires RPPS+', 'Habilitations de vos collaborateurs'] },
        { button: ['Gérer les délégués', 'Structures et contrats'] },
      ],
      samples: [],
      instructions: [
        declareMandataire,
        fromSeed(
          '004',
          twoProfiles,
          'Administrateur technique : une fois sa carte obtenue, il est déclaré par le F413 ou par le portail MesHabilitations.',
          'Technical admin: once they hold a card, declare them with form F413 or on MesHabilitations.',
        ),
        cdeRights,
        fromSeed(
          '004',
          'Quel MIE pour quel service socle ?',
          'Le mandataire peut désigner le gestionnaire RPPS+, qui enregistre ensuite les professionnels dans le portail RPPS+.',
          'The mandataire can appoint the RPPS+ manager, who then registers the staff in the RPPS+ portal.',
        ),
      ],
    },
  ],
});
