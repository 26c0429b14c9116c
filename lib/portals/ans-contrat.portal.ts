/**
 * ANS structure contract (contrat d'adhésion) and the legal representative's CDE card
 * (seeds 003 and 004). The seeds say "site de l'ANS" without the form's address and no
 * public reference found names it: this module only guides until its host is verified.
 */
import { definePortal, fromSeed } from './schema';

export default definePortal({
  id: 'ans-contrat',
  name: { fr: 'Contrat de structure ANS', en: 'ANS structure contract' },
  hosts: [],
  hostRefs: [],
  pages: [
    {
      id: 'contractRequest',
      name: { fr: 'Demande de contrat d’adhésion', en: 'Adhesion contract request' },
      // Seed 004 (contract, steps 1–2) and esante.gouv.fr « vos démarches » (research report §1.10):
      // the online request for the contract and the legal representative's card. Recognised on a
      // site the user switches Balise on for (no host known).
      shows: [
        { title: ['Contrat d’adhésion', 'Demande de contrat d’adhésion'] },
        { text: ['Carte de responsable légal', 'carte CDE', 'représentant légal'] },
      ],
      samples: [],
      instructions: [
        fromSeed(
          '004',
          '2. Contrat d’adhésion, étape 1',
          'Réunissez : le n° FINESS juridique et le SIRET de la structure (contractualisez de préférence avec le FINESS juridique) ; votre carte d’identité ou passeport numérisé (sauf connexion par FranceConnect) ; l’acte de nomination numérisé vous désignant représentant légal, ou l’acte de délégation de signature (Kbis par exemple).',
          'Gather: the structure’s legal FINESS and SIRET (preferably contract with the legal FINESS); your scanned ID card or passport (unless you log in with FranceConnect); the scanned appointment act naming you legal representative, or the signature delegation (e.g. Kbis).',
        ),
        fromSeed(
          '004',
          '2. Contrat d’adhésion, étape 2',
          'Connectez-vous au site de l’ANS et remplissez la demande en ligne. L’étape est terminée quand vous recevez par courrier la carte CDE (carte de directeur d’établissement) et ses codes.',
          'Log in to the ANS site and fill in the online request. The step ends when the CDE card (director’s card) and its codes arrive by post.',
        ),
        fromSeed(
          '003',
          '4.1 Prérequis relatifs au contrat de structure',
          'Sans contrat ni carte CDE (ou CPS responsable), le représentant légal complète un contrat de structure et la demande de carte de représentant légal (formulaire n°101).',
          'Without a contract or CDE card (or responsible CPS), the legal representative fills in a structure contract and the legal-representative card request (form 101).',
        ),
        fromSeed(
          '003',
          '4.2 Cas des établissements publics : GHT, EHPAD',
          'GHT et groupes privés : chaque site doit avoir son contrat de structure. Que la DSI fasse d’abord l’état des lieux des contrats existants avec le service client de l’ANS, et contactez votre éditeur de logiciel pour l’instruction du dossier.',
          'GHTs and private groups: each site needs its own structure contract. Have the IT department first list existing contracts with the ANS customer service, and ask your software vendor to help with the file.',
        ),
      ],
    },
  ],
});
