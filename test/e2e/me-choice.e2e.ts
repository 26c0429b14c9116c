/**
 * « Sur ce poste, je suis… » chosen in the popup while a portal form is open (issue 18, N1): the
 * open guide's preview follows the choice at once, both ways, with no reload of the portal page —
 * the person it would fill with is always the one the popup shows. The popup is opened as a tab.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixtureHtml, fixtureOf } from '../fixtures/load';
import { fixtureEstablishment as establishment, fixtureMe as luc } from '../fixtures/profile';
import { renderMessage } from '../../lib/i18n/catalog';
import { forEachBrowser, launch, type ExtensionBrowser, type TestPage } from './harness';
import { overlay } from './pages/overlay';
import { seedProfile } from './seed';

const claire = establishment.contacts.find((contact) => contact.lastName === 'Martin')!;
const ME = 'select[name="me"]';

forEachBrowser((name) => {
  let b: ExtensionBrowser;

  beforeAll(async () => {
    b = await launch(name);
    await seedProfile(b, [establishment], { currentId: establishment.id, me: { [establishment.id]: luc.id } });
  }, 90_000);
  afterAll(async () => {
    await b?.close();
  });

  it('plage account form: the preview follows « Sur ce poste, je suis… » changed in the popup, and fills the person chosen', { timeout: 120_000 }, async () => {
    const fixture = fixtureOf('plage', 'accountForm');
    await b.servePortals({ [fixture.url]: fixtureHtml(fixture) });
    const page = await b.newPage();
    let popup: TestPage | undefined;
    try {
      await page.goto(fixture.url);
      const ui = overlay(page);
      await ui.open();
      await expect.poll(async () => (await ui.previewLines()).join('\n'), { timeout: 20_000 }).toContain(luc.email!);

      // Opened once the guide is up: in Firefox a tab opened before the portal's would hide it while it loads.
      popup = await b.newPage();
      await popup.goto(b.extensionUrl('popup.html'));
      await popup.waitFor(ME, { timeout: 20_000 });
      // « Je ne figure pas dans la liste »: nobody's name nor address is left to fill, and the greyed button says why.
      await popup.select(ME, 'notListed');
      await expect.poll(async () => (await ui.previewLines()).join('\n'), { timeout: 20_000 }).not.toContain(luc.lastName);
      expect(await ui.guide.count('.balise-fill-go[disabled]')).toBe(1);
      expect(await ui.guide.text('#balise-fill-none-ticked')).toBe(renderMessage('fillNoneTicked', [], 'fr'));

      await popup.select(ME, claire.id);
      await expect.poll(async () => (await ui.previewLines()).join('\n'), { timeout: 20_000 }).toContain(claire.email!);
      await popup.close();
      popup = undefined;
      // Typed by the user (real keys): kept, and named in the outcome (issue 18, N9).
      await page.fill('input[name="firstname"]', 'Claire-Anne');
      const outcome = await ui.fill();
      expect(outcome).toContain(`Prénom${renderMessage('fillSkipTypedByUser', [], 'fr')}`);
      const values = await page.evaluate(() => ['lastname', 'firstname', 'mail'].map((name) => document.querySelector<HTMLInputElement>(`input[name="${name}"]`)!.value));
      expect(values).toEqual([claire.lastName, 'Claire-Anne', claire.email]);
      expect(page.consoleErrors()).toEqual([]);
      expect(b.strayRequests()).toEqual([]);
    } finally {
      await Promise.all([page.close(), popup?.close()]);
    }
  });
});
