/**
 * Pro Santé Connect (PSC), the ANS sign-on that portals send professionals to: the RPPS+ portal's
 * « ProSanteConnect » button, Medimail's « PRO SANTE CONNECT » (seed 002's screenshot), eRPPS
 * after the first login (seed 004). Its login page is served by `wallet.esw.esante.gouv.fr`
 * under `/auth` (a Keycloak realm `esante-wallet`: public OIDC client code; research report
 * §1.9, §3.H): the professional chooses a CPS card or the e-CPS app.
 *
 * A recognised step where Balise only explains: no field rule, nothing filled (a card's PIN,
 * an e-CPS password or code are the user's alone). Instructions quote seed 004. The seeds say
 * nothing of the code shown on the page that the e-CPS app asks to pick (public evidence only:
 * dsih.fr, June 2022), so Balise does not state it.
 */
import { ecpsWithCard, ecpsWithoutCard } from './erpps.portal';
import { definePortal, fromSeed } from './schema';

const s3 = '3. Les différents Moyens d’Identification Electronique';
const whichMie = 'Quel MIE pour quel professionnel ?';

export default definePortal({
  id: 'pro-sante-connect',
  name: { fr: 'Pro Santé Connect', en: 'Pro Santé Connect' },
  hosts: ['wallet.esw.esante.gouv.fr'],
  hostRefs: [
    {
      url: 'https://izyfact.com/tout-ce-que-vous-devez-savoir-sur-la-carte-e-cps-et-lacces-au-si-dep',
      note: 'e-CPS activation with a card: « rendez-vous sur https://wallet.esw.esante.gouv.fr »; public OIDC client code authorizes at https://wallet.esw.esante.gouv.fr/auth (Keycloak realm esante-wallet)',
    },
  ],
  pages: [
    {
      id: 'login',
      name: { fr: 'Connexion Pro Santé Connect', en: 'Pro Santé Connect login' },
      // The issue: a recognised step where Balise explains and fills nothing (the e-CPS identifier and codes are the person's own).
      fillsNothing: true,
      shows: [
        // The service's name, as the ANS writes it (« mire de connexion de Pro Santé Connect », dsih.fr);
        // where it stands on the page is a guess.
        { title: ['Pro Santé Connect', 'ProSanteConnect'] },
        // The two ways in (CPS card, e-CPS app: ANS industriels page); their exact wording is a guess
        // (seed 004 writes « e-cps », an ANS guide « eCPS »).
        { text: ['e-CPS', 'eCPS'] },
        { text: 'carte CPS' },
      ],
      path: '/auth/**',
      samples: ['https://wallet.esw.esante.gouv.fr/auth?response_type=code&scope=openid%20scope_all'],
      instructions: [
        fromSeed(
          '004',
          s3,
          'Connexion avec le moyen d’identification électronique du professionnel : sa carte physique, avec un lecteur de carte, ou sa carte dématérialisée, la e-CPS.',
          'Log in with the professional’s electronic identification means: their physical card, with a card reader, or its dematerialised form, the e-CPS.',
        ),
        ecpsWithCard,
        ecpsWithoutCard,
        fromSeed(
          '004',
          whichMie,
          'Sur eRPPS, après la première connexion par FranceConnect, les connexions suivantes se font avec la CPS ou la e-CPS par ProSanteConnect.',
          'On eRPPS, after the first login through FranceConnect, later logins use the CPS or the e-CPS through ProSanteConnect.',
        ),
      ],
    },
  ],
});
