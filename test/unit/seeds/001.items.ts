/**
 * Seed 001 (note DGOS/PF2/2022/205 and its annex on Pasrel accounts in Plage): its 31
 * actionable items, numbered as in the audit's inventory (domain-audit.md §3, seed 001).
 */
import type { SeedItem } from './seed-items';

export const items: SeedItem[] = [
  { n: 1, lines: '51-57', says: 'Les outils de recueil de l’accès précoce ou compassionnel s’ouvrent avec Pasrel/Plage de l’ATIH' },
  { n: 2, lines: '63-65', says: 'La note vaut aussi outre-mer : DROM, Saint-Barthélemy, Saint-Martin' },
  { n: 3, lines: '103-108', says: 'L’établissement organise l’aide aux prescripteurs et pharmaciens ; les pharmaciens hospitaliers participent au recueil' },
  { n: 4, lines: '134-138', says: 'Une seule façon de se connecter à tous les outils MED-ACCES' },
  { n: 5, lines: '151-156', says: 'Chaque professionnel a son compte Pasrel, un profil sur son établissement et une habilitation MED-ACCES selon son rôle' },
  { n: 6, lines: '158-166', says: 'Compte, profil et habilitation faits : une connexion, puis on passe d’une e-plateforme de laboratoire à l’autre' },
  { n: 7, lines: '170-173', says: 'Sans compte Pasrel, le demander à l’administrateur Plage de l’établissement' },
  { n: 8, lines: '172-173', says: 'Le profil est lié à l’établissement d’exercice, repéré par son FINESS, et à l’adresse électronique' },
  { n: 9, lines: '175-177', says: 'Plusieurs sites : un compte, plusieurs profils, et on change de profil dans la même session' },
  { n: 10, lines: '181-183', says: 'L’habilitation MED-ACCES se donne dans le rôle de la qualification : médecin, pharmacien, personnel non médical' },
  { n: 11, lines: '185-186', says: 'Demander l’habilitation dans Plage ou s’adresser directement à un administrateur Plage' },
  { n: 12, lines: '186-188, 200', says: 'Un tutoriel de l’ATIH est en ligne (adresse en note 3)' },
  { n: 13, lines: '190-191', says: 'L’accueil de chaque e-plateforme dit ce que deviennent les anciens comptes et leurs données' },
  { n: 14, lines: '208-210', says: 'Création du compte : plage.atih.sante.fr, bouton « Créer un compte »' },
  { n: 15, lines: '212-217', says: 'On saisit prénom, nom, courriel deux fois et mot de passe deux fois' },
  { n: 16, lines: '219', says: 'Le mot de passe suit des règles de complexité' },
  { n: 17, lines: '221-222', says: 'Un e-mail achève la création et donne l’identifiant' },
  { n: 18, lines: '227-231', says: 'Demande de profil : « S’identifier » avec identifiant et mot de passe' },
  { n: 19, lines: '232-234', says: 'Puis « gérer mes profils » et « + Demander un profil »' },
  { n: 20, lines: '237', says: 'Chercher l’établissement en tapant trois lettres au moins' },
  { n: 21, lines: '238', says: 'Le libellé n’est pas obligatoire' },
  { n: 22, lines: '239', says: 'Courriel, téléphone et adresse sont les coordonnées professionnelles' },
  { n: 23, lines: '240-241', says: 'Cocher l’application MED-ACCES' },
  { n: 24, lines: '242-243', says: 'En commentaire, le rôle voulu : médecin, pharmacien ou personnel non médical' },
  { n: 25, lines: '245', says: 'Valider par « envoyer »' },
  { n: 26, lines: '247-248', says: 'Un profil par établissement d’exercice, mêmes identifiant et mot de passe' },
  { n: 27, lines: '250-251', says: 'L’administrateur Plage valide, et vous contacte au besoin' },
  { n: 28, lines: '257-259', says: 'Profil déjà rattaché ici : icône silhouette orange « demander une habilitation » en bas à droite' },
  { n: 29, lines: '261-269', says: 'Habilitation en plus : MED-ACCES, rôle en commentaire, « envoyer », validation par l’administrateur' },
  { n: 30, lines: '271-272', says: '« Mon compte » montre les profils, s’ils sont activés, et le rôle' },
  {
    n: 31,
    lines: '240-243',
    says: 'La première demande de profil, que Plage enchaîne après la création du compte (fiche 000 l.69), porte aussi MED-ACCES et le rôle',
  },
];
