/**
 * Distrilog-santé, the State's EPI ordering portal (seed 000). It signs in through Pasrel:
 * the page carries the seed's decision tree on which accounts must exist first.
 * Public evidence (2020 ministry announcement, real-portals.md §1.3) confirms the portal and
 * that orders open only when an EPI category is declared « en tension »; its host (seed 000
 * only), pages and wording are UNKNOWN, so the page stays a guide and fills nothing.
 */
import { baliseAdvice, definePortal, fromSeed } from './schema';

export default definePortal({
  id: 'distrilog',
  name: { fr: 'Distrilog-santé', en: 'Distrilog-santé' },
  hosts: ['www.distrilog-sante.fr'],
  hostRefs: [{ seed: '000', section: 'Introduction' }],
  pages: [
    {
      id: 'home',
      name: { fr: 'Accueil Distrilog-santé', en: 'Distrilog-santé home page' },
      // « Distrilog-santé » is the portal's name (seed 000, Introduction); « Portail de commande des EPI » is inventé after the seed's « portail de commande ».
      shows: [{ title: ['Distrilog-santé', 'Portail de commande des EPI'] }],
      path: '/',
      samples: ['https://www.distrilog-sante.fr/'],
      instructions: [
        fromSeed(
          '000',
          'Introduction',
          'Distrilog-santé utilise l’authentification Pasrel de l’ATIH : avant d’y accéder, le responsable de commande d’EPI doit demander l’habilitation au domaine Distrilog-santé sur Plage.',
          'Distrilog-santé signs in through ATIH’s Pasrel: before using it, the PPE order manager must request the Distrilog-santé right on Plage.',
        ),
        fromSeed(
          '000',
          'Arbre de décision',
          'L’établissement n’a pas encore de compte Plage : un administrateur principal d’établissement (APE) est d’abord désigné, puis crée son compte Pasrel « APE ».',
          'The establishment has no Plage account yet: a main administrator (APE) is appointed first, then creates an “APE” Pasrel account.',
        ),
        fromSeed(
          '000',
          'Arbre de décision',
          'Le responsable de commande d’EPI n’a pas de compte Plage (Pasrel) : s’il n’est pas APE, il crée ensuite un compte Pasrel en demandant l’habilitation Distrilog.',
          'The PPE order manager has no Plage (Pasrel) account: unless they are the APE, they then create one and request the Distrilog right.',
        ),
        fromSeed(
          '000',
          'Arbre de décision',
          'Le responsable de commande d’EPI a déjà un compte Plage (Pasrel) : il demande l’habilitation Distrilog.',
          'The PPE order manager already has a Plage (Pasrel) account: they request the Distrilog right.',
        ),
        baliseAdvice(
          '000',
          'Création d’un profil',
          'Si son profil n’est pas rattaché à cet établissement, il demande plutôt un nouveau profil sur celui-ci, en y sélectionnant DISTRILOG : un profil ne vaut que pour une entité.',
          'If their profile is not attached to this establishment, they request a new profile on it instead, selecting DISTRILOG: a profile is valid for one entity only.',
        ),
      ],
      next: [
        { portal: 'plage', page: 'home', label: { fr: 'Créer un compte Plage', en: 'Create a Plage account' } },
        { portal: 'plage', page: 'myProfiles', label: { fr: 'Demander l’habilitation Distrilog', en: 'Request the Distrilog right' } },
      ],
      // Inventé : à vérifier. Seed 000 only says the portal « utilise l’authentification Pasrel de l’ATIH ».
      clickNext: [{ match: { label: 'Se connecter avec Pasrel' } }],
    },
  ],
});
