/**
 * Pasrel, ATIH's single sign-on (CAS) used by Plage, Distrilog-santé and the MED-ACCES
 * e-platforms. Host and login URL are quoted in seed 000 (habilitation section).
 */
import { definePortal, fromSeed } from './schema';

export default definePortal({
  id: 'pasrel',
  name: { fr: 'Pasrel (connexion ATIH)', en: 'Pasrel (ATIH sign-on)' },
  hosts: ['connect-pasrel.atih.sante.fr'],
  hostRefs: [{ seed: '000', section: 'Demande habilitation Distrilog' }],
  pages: [
    {
      id: 'login',
      name: { fr: 'Connexion Pasrel', en: 'Pasrel login' },
      shows: [{ title: 'Connexion Pasrel' }],
      path: '/cas/login',
      samples: [
        'https://connect-pasrel.atih.sante.fr/cas/login?service=https%3A%2F%2Fplage.atih.sante.fr%2Fplage-ws%2Flogin%2Fcas',
        'https://connect-pasrel.atih.sante.fr/cas/login',
      ],
      instructions: [
        fromSeed(
          '000',
          'Demande habilitation Distrilog',
          'Les demandes d’habilitation se font sur Plage : connectez-vous d’abord par Pasrel, puis ouvrez « gérer mes profils ».',
          'Rights are requested on Plage: first log in through Pasrel, then open “gérer mes profils”.',
        ),
        fromSeed(
          '001',
          'II. Harmonisation',
          'Le même compte Pasrel personnel donne accès, avec une seule identification, aux plateformes de recueil des laboratoires (MED-ACCES).',
          'The same personal Pasrel account opens the laboratories’ data-collection platforms (MED-ACCES) with a single sign-on.',
        ),
      ],
      next: [{ portal: 'plage', page: 'myProfiles', label: { fr: 'Gérer mes profils', en: 'Manage my profiles' } }],
      clickNext: [{ match: { label: 'Se connecter' } }],
      fields: [
        {
          match: { label: 'Identifiant' },
          hint: fromSeed(
            '001',
            'Annexe, action 1',
            'L’identifiant vous a été communiqué par e-mail à la création du compte.',
            'The identifier was sent to you by e-mail when the account was created.',
          ),
        },
        {
          match: { label: 'Mot de passe' },
          kind: 'password',
          hint: fromSeed(
            '000',
            'Création d’un profil',
            'Identifiant et mot de passe sont uniques : ils ouvrent tous les profils de votre compte.',
            'One identifier and one password: they open every profile of your account.',
          ),
        },
      ],
    },
  ],
});
