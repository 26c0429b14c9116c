/**
 * eRPPS (registration of ARS-authority professions) and e-CPS activation (seed 004).
 * The seed links them without addresses and no public reference found gives the eRPPS
 * host; e-CPS is activated in a mobile application: both pages only guide.
 */
import { definePortal, fromSeed } from './schema';

const whichMie = 'Quel MIE pour quel professionnel ?';

/* The e-CPS activation, said here once: Pro Santé Connect's page and procedure 004 show these too. */
export const ecpsWithCard = fromSeed(
  '004',
  whichMie,
  'Avec une carte CPS physique, la e-CPS s’active avec la carte et un lecteur de carte.',
  'With a physical CPS card, the e-CPS is activated with the card and a card reader.',
);
export const ecpsWithoutCard = fromSeed(
  '004',
  whichMie,
  'Sans carte physique, la e-CPS s’active avec le numéro RPPS ou ADELI et le téléphone et l’e-mail indiqués dans l’annuaire santé. Dans l’application e-CPS, faites précéder le numéro d’un 8 pour un RPPS, d’un 0 pour un ADELI.',
  'Without a physical card, the e-CPS is activated with the RPPS or ADELI number and the phone and e-mail in the health directory. In the e-CPS app, put 8 before an RPPS number, 0 before an ADELI number.',
);
export const ecpsFails = fromSeed(
  '004',
  whichMie,
  'Professionnels sous compétence de l’ARS : si l’activation de la e-CPS échoue, leurs coordonnées dans l’annuaire santé sont erronées ou absentes ; ils les mettent à jour sur eRPPS, connectés par FranceConnect.',
  'Professionals under the ARS: if e-CPS activation fails, their contact details in the health directory are wrong or missing; they update them on eRPPS, logged in with FranceConnect.',
);

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
        ecpsFails,
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
        ecpsWithCard,
        ecpsWithoutCard,
      ],
    },
  ],
});
