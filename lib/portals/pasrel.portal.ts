/**
 * Pasrel, ATIH's single sign-on used by Plage, Distrilog-santé and the MED-ACCES e-platforms.
 * Host and login URL are quoted in seed 000 (habilitation section) and in public documentation;
 * it is an Apereo CAS (its `/cas/oidc/*` endpoints, an old automation of its 3.x page: see
 * ../../../shared/research/real-portals.md §1.2 and §3.A). The login page is the stock CAS form
 * (`#fm1`, `username`, `password`, hidden `execution` and `_eventId`) under ATIH's theme, whose
 * wording is UNKNOWN: the signs below are CAS's stock French texts (apereo/cas
 * messages_fr.properties), with other likely phrasings beside them.
 */
import { definePortal, fromSeed } from './schema';

export default definePortal({
  id: 'pasrel',
  name: { fr: 'Pasrel (connexion ATIH)', en: 'Pasrel (ATIH sign-on)' },
  hosts: ['connect-pasrel.atih.sante.fr'],
  hostRefs: [
    { seed: '000', section: 'Demande habilitation Distrilog' },
    {
      url: 'https://github.com/DNUM-SocialGouv/documentation',
      note: 'concevoir/authentification-plage-pasrel.md and concevoir/authentification.md link https://connect-pasrel.atih.sante.fr/cas/login; public OIDC clients use its /cas/oidc/* endpoints.',
    },
  ],
  pages: [
    {
      id: 'login',
      name: { fr: 'Connexion Pasrel', en: 'Pasrel login' },
      // « Entrez votre identifiant et votre mot de passe. » is CAS's stock French instruction, a
      // heading in both the 3.x and the 6.x layouts; « Connexion Pasrel » is inventé.
      shows: [{ title: ['Entrez votre identifiant et votre mot de passe', 'Connexion Pasrel'] }],
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
      // CAS's stock French button (« Se connecter », « SE CONNECTER » in 3.x); ATIH's is UNKNOWN.
      clickNext: [{ match: { label: ['Se connecter', 'Connexion'] } }],
      fields: [
        {
          // UNKNOWN on Pasrel (seed 001 action 2 only says « Saisir identifiant et mot de passe »): « Identifiant : » is CAS's stock French label; « Nom d’utilisateur » is CAS's own wording elsewhere and the usual translation of its English « Username ».
          match: { label: ['Identifiant', 'Nom d’utilisateur'] },
          hint: fromSeed(
            '001',
            'Annexe, action 1',
            'L’identifiant vous a été communiqué par e-mail à la création du compte.',
            'The identifier was sent to you by e-mail when the account was created.',
          ),
        },
        {
          // UNKNOWN on Pasrel: CAS's stock French label « Mot de passe : ».
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
