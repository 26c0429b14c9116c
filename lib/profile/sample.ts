/**
 * The sample establishment of the demo and the tests. Its identifiers and address are the
 * published ones of AP-HP's Pitié-Salpêtrière site (sources in identifiers.test.ts); its
 * people, phones, mail domain and software are invented.
 */
import type { Establishment } from './schema';

export function sampleEstablishment(): Establishment {
  return {
    id: '7d0f5d8e-3c1b-4a8e-9a57-2f4d1c6b9e01',
    label: 'Pitié-Salpêtrière (démo)',
    legalName: 'Assistance Publique – Hôpitaux de Paris',
    status: 'public',
    category: 'hopital',
    group: 'AP-HP',
    finessEj: '750712184',
    finessEt: '750100125',
    siren: '267500452',
    siret: '26750045200524',
    address: {
      street: '47-83 boulevard de l\'Hôpital',
      postalCode: '75013',
      city: 'Paris',
      departement: '75',
      region: 'Île-de-France',
    },
    phone: '0140275000',
    mailDomain: 'hopital-demo.fr',
    software: { vendor: 'Éditeur Démo', product: 'DUI Démo', version: '4.2' },
    orgMailbox: {
      email: 'pharmacie@hopital-demo.fr',
      description: 'Pharmacie à usage intérieur, Pitié-Salpêtrière, Paris, 75013',
      service: 'Pharmacie',
    },
    contacts: [
      {
        id: '0b8e4f7a-1d2c-4e3b-8a9f-5c6d7e8f9a01',
        civility: 'madame',
        lastName: 'Martin',
        firstName: 'Claire',
        email: 'claire.martin@hopital-demo.fr',
        phone: '0140275001',
        jobTitle: 'Directrice',
        card: 'CDE',
        roles: ['representantLegal'],
      },
      {
        id: '0b8e4f7a-1d2c-4e3b-8a9f-5c6d7e8f9a02',
        civility: 'monsieur',
        lastName: 'Bernard',
        firstName: 'Luc',
        email: 'luc.bernard@hopital-demo.fr',
        phone: '0140275002',
        jobTitle: 'Responsable informatique',
        card: 'CPE',
        roles: ['administrateurTechnique', 'dsi', 'apePlage'],
      },
      {
        id: '0b8e4f7a-1d2c-4e3b-8a9f-5c6d7e8f9a03',
        civility: 'madame',
        lastName: 'Petit',
        firstName: 'Sophie',
        email: 'sophie.petit@hopital-demo.fr',
        profession: 'Pharmacien',
        rpps: '10101010101',
        jobTitle: 'Pharmacienne gérante',
        card: 'CPS',
        roles: ['responsableBalOrg', 'responsableEpi', 'utilisateurMedAcces'],
      },
    ],
    certificates: [],
  };
}
