/**
 * eRPPS (registration of ARS-authority professions) and e-CPS activation (seed 004).
 * The seed links them without addresses and no public reference found gives the eRPPS
 * host; e-CPS is activated in a mobile application: both pages only guide.
 */
import { definePortal, fromSeed } from './schema';

const whichMie = 'Quel MIE pour quel professionnel ?';

export default definePortal({
  id: 'erpps',
  name: { fr: 'eRPPS et e-CPS', en: 'eRPPS and e-CPS' },
  hosts: [],
  hostRefs: [],
  pages: [
    {
      id: 'erpps',
      name: { fr: 'Portail eRPPS', en: 'eRPPS portal' },
      // Seed 004 and the ARS pages on the « portail d’enregistrement eRPPS » (research report §1.9).
      shows: [{ title: ['eRPPS', 'Portail d’enregistrement eRPPS'] }],
      samples: [],
      instructions: [
        fromSeed(
          '004',
          whichMie,
          'Professions à autorité ARS : le diplôme s’enregistre sur le portail eRPPS, avec une première connexion par FranceConnect ; les connexions suivantes (mises à jour de situation) se font par CPS ou e-CPS via Pro Santé Connect.',
          'ARS-authority professions: the diploma is registered on the eRPPS portal, first logging in with FranceConnect; later logins (updates) use a CPS or e-CPS through Pro Santé Connect.',
        ),
        fromSeed(
          '004',
          whichMie,
          'Professionnels sous compétence de l’ARS : si l’activation de la e-CPS échoue, vos coordonnées sont erronées ou absentes ; mettez-les à jour ici, connecté par FranceConnect.',
          'Professionals under the ARS: if e-CPS activation fails, your contact details are wrong or missing; update them here, logged in with FranceConnect.',
        ),
        fromSeed(
          '004',
          'Quel MIE pour quel service socle ?',
          'Numéros : les professions à Ordre reçoivent le RPPS de leur Ordre ; les professions à autorité ARS, le RPPS/ADELI de l’ARS ; les autres personnels, un RPPS par l’enrôlement de l’employeur dans le portail RPPS+.',
          'Numbers: professions with an Ordre get their RPPS from it; ARS-authority professions get RPPS/ADELI from the ARS; other staff get an RPPS when the employer enrols them in RPPS+.',
        ),
      ],
    },
    {
      id: 'ecps',
      name: { fr: 'Activation de la e-CPS', en: 'e-CPS activation' },
      // Seed 004 names the e-CPS and its activation; the page's wording is a guess.
      shows: [{ title: ['Activation de la e-CPS', 'Activer ma e-CPS', 'Activer votre e-CPS'] }],
      samples: [],
      instructions: [
        fromSeed(
          '004',
          whichMie,
          'Dans l’application e-CPS, faites précéder le numéro d’immatriculation d’un 8 pour un numéro RPPS, d’un 0 pour un numéro ADELI.',
          'In the e-CPS app, put 8 before an RPPS number and 0 before an ADELI number.',
        ),
        fromSeed(
          '004',
          whichMie,
          'Avec une carte CPS physique : activation avec la carte et un lecteur. Sans carte : activation avec le numéro RPPS ou ADELI et le téléphone et l’e-mail enregistrés dans l’annuaire santé.',
          'With a physical CPS: activate with the card and a reader. Without a card: with the RPPS or ADELI number and the phone and e-mail recorded in the health directory.',
        ),
      ],
    },
  ],
});
