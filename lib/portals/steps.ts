/**
 * Where a portal page sits in each procedure. Numbered once here so that pages of
 * different portals (Plage and Pasrel, Medimail, the ANS sites) agree on totals.
 * The order follows the seeds: ETAPES 1–5 of seed 000, the annex table of seed 001,
 * sections 1–5 of seed 002, chapters 4–6 of seed 003, the seven steps of seed 004.
 */
import type { ProcedureId, Step } from './schema';

function numbered<const K extends string>(procedure: ProcedureId, titles: readonly (readonly [K, string, string])[]): Record<K, Step> {
  return Object.fromEntries(
    titles.map(([key, fr, en], i) => [key, { procedure, index: i + 1, total: titles.length, title: { fr, en } }]),
  ) as Record<K, Step>;
}

export const distrilogSteps = numbered('000-distrilog', [
  ['checkAccounts', 'Vérifier les comptes existants', 'Check the existing accounts'],
  ['openPlage', 'Ouvrir Plage', 'Open Plage'],
  ['createAccount', 'Créer le compte Plage', 'Create the Plage account'],
  ['firstProfile', 'Demander le premier profil', 'Request the first profile'],
  ['validate', 'Valider la demande', 'Confirm the request'],
  ['login', 'Se connecter par Pasrel', 'Log in through Pasrel'],
  ['newProfile', 'Demander un nouveau profil', 'Request a new profile'],
  ['habilitation', "Demander l'habilitation Distrilog", 'Request the Distrilog right'],
] as const);

export const medAccesSteps = numbered('001-med-acces', [
  ['createAccount', 'Créer le compte', 'Create the account'],
  ['login', "S'identifier sur Plage", 'Log in to Plage'],
  ['profile', 'Demander un profil MED-ACCES', 'Request a MED-ACCES profile'],
  ['extraHabilitation', "Demander une habilitation supplémentaire", 'Request an extra right'],
  ['account', 'Gérer son compte', 'Manage the account'],
] as const);

export const balOrgSteps = numbered('002-medimail-bal-org', [
  ['createAccount', 'Créer un compte', 'Create an account'],
  ['region', 'Choisir la région', 'Choose the region'],
  ['sharedAccount', 'Compte partagé organisationnel', 'Shared organisational account'],
  ['personalAccount', 'Compte individuel : Oui ou Non', 'Personal account: yes or no'],
  ['personalLogin', 'Identifiants du compte individuel', 'Personal account credentials'],
  ['code', 'Code à usage unique', 'One-time code'],
  ['form', 'Formulaire du compte partagé', 'Shared account form'],
  ['validation', "Validation et visibilité dans l'annuaire", 'Validation and directory listing'],
  ['access', 'Accéder à la BAL ORG', 'Open the organisational mailbox'],
] as const);

export const dpCertificateSteps = numbered('003-certificats-dp', [
  ['contract', 'Contrat de structure et carte CDE', 'Structure contract and CDE card'],
  ['cards', 'Cartes du mandataire et de l’administrateur technique', "Cards for the mandataire and the technical admin"],
  ['form413', 'Formulaire 413', 'Form 413'],
  ['order', 'Commande sur la plateforme IGC-Santé', 'Order on the IGC-Santé platform'],
] as const);

export const prerequisiteSteps = numbered('004-prerequis', [
  ['finess', 'Vérifier la base FINESS', 'Check the FINESS record'],
  ['contract', "Contrat d'adhésion et responsable légal", 'Adhesion contract and legal representative'],
  ['mie', "Moyens d'identification électronique", 'Electronic identification means'],
  ['profiles', 'Deux profils : mandataire et administrateur technique', 'Two profiles: mandataire and technical admin'],
  ['whichMie', 'Quel MIE pour quel service socle ?', 'Which means for which core service?'],
  ['certificates', 'Commander les certificats', 'Order the certificates'],
  ['deploy', 'Déployer les services socles', 'Deploy the core services'],
] as const);
