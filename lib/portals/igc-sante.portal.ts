/**
 * The IGC-Santé certificate platform (PFCNG), where the technical admin orders software
 * certificates (seed 003, chapter 6). Host quoted in seed 003. The product step is told
 * apart by its "Informations de produit" block, whatever its URL.
 */
import { definePortal, fromSeed } from './schema';

const chapter6 = '6. Commande technique et installation des certificats logiciels';

export default definePortal({
  id: 'igc-sante',
  name: { fr: 'Plateforme IGC-Santé', en: 'IGC-Santé platform' },
  hosts: ['pfc-auth.eservices.esante.gouv.fr'],
  hostRefs: [{ seed: '003', section: chapter6 }],
  pages: [
    {
      id: 'home',
      name: { fr: 'Plateforme IGC-Santé', en: 'IGC-Santé platform' },
      shows: [{ title: 'Bienvenue sur la plateforme IGC-Santé' }],
      path: '/**',
      samples: ['https://pfc-auth.eservices.esante.gouv.fr/'],
      instructions: [
        fromSeed(
          '003',
          chapter6,
          'Une fois habilité, l’administrateur technique suit la documentation de l’Espace intégrateur CPS (rubrique « IGC Santé » puis « Portail Web ») pour générer et installer le CSR et la bi-clé.',
          'Once appointed, the technical admin follows the CPS integrators’ documentation (“IGC Santé”, then “Portail Web”) to generate and install the CSR and key pair.',
        ),
        fromSeed(
          '003',
          chapter6,
          'Pour s’authentifier par carte CPx, il faut un poste équipé d’un lecteur de carte à puce.',
          'Logging in with a CPx card needs a workstation with a smart-card reader.',
        ),
        fromSeed('003', '7. Durée de validité', 'Le certificat est valable 3 ans à compter de son obtention.', 'The certificate is valid for 3 years from issue.'),
      ],
    },
    {
      id: 'productOrder',
      name: { fr: 'Commande du produit (étape 3)', en: 'Product order (step 3)' },
      shows: [{ title: 'Informations de produit' }],
      path: '/**',
      samples: ['https://pfc-auth.eservices.esante.gouv.fr/'],
      instructions: [
        fromSeed(
          '003',
          chapter6,
          'Pour l’usage Dossier Pharmaceutique, il est conseillé de ne rien indiquer dans le champ UPN (demande PRO AUTH) ni dans l’adresse mail du bénéficiaire (demande PRO SIGN) : ils ne sont pas obligatoires.',
          'For the Dossier Pharmaceutique, leave the UPN (PRO AUTH request) and the beneficiary e-mail (PRO SIGN request) empty: they are optional.',
        ),
      ],
      fields: [
        {
          match: { label: 'Nom principal d’utilisateur (UPN)' },
          leaveEmpty: true,
          procedures: ['003-certificats-dp'],
          hint: fromSeed(
            '003',
            chapter6,
            'Demande PRO AUTH : le champ UPN n’est pas obligatoire ; pour le DP, laissez-le vide.',
            'PRO AUTH request: the UPN is optional; for the DP, leave it empty.',
          ),
        },
        {
          match: { label: 'Adresse email' },
          leaveEmpty: true,
          procedures: ['003-certificats-dp'],
          hint: fromSeed(
            '003',
            chapter6,
            'Demande PRO SIGN : l’adresse mail du bénéficiaire n’est pas obligatoire ; pour le DP, laissez-la vide.',
            'PRO SIGN request: the beneficiary e-mail is optional; for the DP, leave it empty.',
          ),
        },
      ],
    },
  ],
});
