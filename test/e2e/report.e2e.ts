/**
 * « Page non reconnue » and « Décrire cette page » in real browsers (issue 13): on a Medimail page
 * no module describes (test/fixtures/traps/unknown.html), served on Medimail's host at a
 * query-routed URL, a user who has typed in its fields — some of it their own profile's data —
 * opens the guide: it says the page is not recognised and offers to describe it; the description
 * it shows names every field and holds none of what was typed or chosen, nor any profile value;
 * « Copier » puts that same text on the clipboard, which a paste proves. The profile is stored,
 * so that the fill preview (profile data) is there while the description is built.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { renderMessage } from '../../lib/i18n/catalog';
import { fixtureHtml, fixtureOf } from '../fixtures/load';
import { fixtureEstablishment as establishment, fixtureMe as me, fixtureProfileTexts } from '../fixtures/profile';
import { forEachBrowser, launch, type ExtensionBrowser } from './harness';
import { seriousViolations } from './pages/axe';
import { overlay } from './pages/overlay';
import { seedProfile } from './seed';

const url = 'https://medimail.mipih.fr/?m=listes&id=4242';

/** What the user types or chooses, by selector: invented values and their own profile's. */
const typed: Record<string, string> = {
  '#nom-liste': 'Liste confidentielle Zq71',
  '#contact': me.email!,
  '#telephone': me.phone!,
  '#objet': `Diffusion interne ${establishment.finessEt} Zq72`,
};
const chosen = { selector: '#visibilite', value: 'restreinte', text: 'Réservée aux membres invités' };

forEachBrowser((name) => {
  let b: ExtensionBrowser;

  beforeAll(async () => {
    b = await launch(name);
    await seedProfile(b, [establishment], { currentId: establishment.id, me: { [establishment.id]: me.id } });
    await b.servePortals({ [url]: fixtureHtml({ file: 'traps/unknown.html' }) });
  }, 90_000);
  afterAll(async () => {
    await b?.close();
  });

  it('says « Page non reconnue », and describes the page without a value typed nor a profile value', async () => {
    const page = await b.newPage();
    try {
      await page.goto(url);
      for (const [selector, value] of Object.entries(typed)) await page.fill(selector, value);
      await page.select(chosen.selector, chosen.value);
      await page.click('#moderee');
      expect(await page.evaluate(() => (document.getElementById('moderee') as HTMLInputElement).checked)).toBe(true);

      const ui = overlay(page);
      await ui.open();
      expect(await ui.unknownPage()).toBe(renderMessage('overlayUnknownPage', [], 'fr'));

      const text = await ui.describePage();
      expect(text).toMatch(/^Description de page — Balise \d+\.\d+\.\d+\n/);
      expect(text).toContain('URL : https://medimail.mipih.fr/?m=…&id=…\n');
      expect(text).toContain('Page reconnue : aucune (page non reconnue)');
      expect(text).toContain('- h1 « Listes de diffusion »');
      expect(text).toContain('- legend « Nouvelle liste »');
      expect(text).toContain('Champs (6) :');
      for (const line of [
        '1. input type=text name="nomListe" id="nom-liste"',
        '   libellé : « Nom de la liste »',
        '2. input type=email name="contact" id="contact" autocomplete="email"',
        '3. input type=tel name="tel" id="telephone"',
        '4. select name="visibilite" id="visibilite" options: 3',
        '5. textarea name="objet" id="objet"',
        '6. input type=checkbox name="moderee" id="moderee"',
        '   libellé : « Liste modérée »',
        '- « Enregistrer la liste »',
      ])
        expect(text.split('\n')).toContain(line);
      expect(text).toMatch(/classement Balise : email, confiance \d+ %/);

      const lower = text.toLowerCase();
      const leaked = [...Object.values(typed), chosen.text, chosen.value, 'Zq71', 'Zq72', ...fixtureProfileTexts].filter((value) => lower.includes(value.toLowerCase()));
      expect(leaked).toEqual([]);
      expect(text).not.toMatch(/checked|coch/i);

      // « Copier »: the clipboard then holds that very text (pasted where the user may paste it).
      expect(await ui.copyReport()).toBe(renderMessage('overlayReportCopied', [], 'fr'));
      await page.fill('#objet', '');
      await page.press('Control+V');
      expect((await page.value('#objet')).replace(/\r\n/g, '\n')).toBe(text);

      expect(await seriousViolations(ui.guide)).toEqual([]);

      // Another route of the page: the description, of the route it was asked on, goes.
      await page.evaluate(() => history.pushState({}, '', '/?m=abonnes'));
      await ui.guide.waitFor(() => document.querySelector('.page-report') === null && document.querySelector('.describe-page') !== null);
      expect(page.consoleErrors()).toEqual([]);
      expect(b.strayRequests()).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('offers the description on a known page too, naming the page it recognised', async () => {
    const fixture = fixtureOf('medimail', 'login');
    await b.servePortals({ [fixture.url]: fixtureHtml(fixture) });
    const page = await b.newPage();
    try {
      await page.goto(fixture.url);
      await page.fill('#login-pwd', 'Zq73-mot-de-passe');
      const ui = overlay(page);
      await ui.open();
      expect(await ui.unknownPage()).toBeNull();
      const text = await ui.describePage();
      expect(text).toContain('Page reconnue : login');
      expect(text.split('\n')).toContain('2. input type=password name="password" id="login-pwd" autocomplete="current-password"');
      expect(text).not.toContain('Zq73');
      expect(await seriousViolations(ui.guide)).toEqual([]);
      expect(page.consoleErrors()).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
