/**
 * « Activer Balise sur ce site » in a real browser: a portal page served at an origin of the
 * e-health domains that Balise does not know (the TOM replica on tom-nouveau.esante.gouv.fr)
 * gets nothing; the user opens Balise's popup from the toolbar on that tab, says the site is TOM
 * and clicks « Activer Balise sur ce site »; the browser's own permission prompt decides.
 *
 * Chromium: the toolbar click is CDP's Extensions.triggerAction (which gives the tab activeTab,
 * as a person's click does) and the popup is driven over CDP with trusted clicks. The permission
 * prompt cannot be answered by automation in this Chromium: the switch
 * --apps-gallery-install-auto-confirm-for-tests is gone from the binary, and the permissions API's
 * auto-confirm is a C++ test hook (PermissionsRequestFunction::SetAutoConfirmForTests); no CDP
 * command answers an extension's permission dialog. The test stops there and checks that nothing
 * is granted nor switched on without the user's answer; the grant is not faked.
 */
import { expect, it } from 'vitest';
import { fixtureHtml, fixtureOf } from '../fixtures/load';
import { actionPopupArgs, forEachBrowser, withBrowser, type ExtensionBrowser } from './harness';
import { overlay } from './pages/overlay';

const origin = 'https://tom-nouveau.esante.gouv.fr';
const url = `${origin}/accueil`;
const tom = fixtureOf('ans-tom', 'home');

/** What Balise keeps and what the browser grants, read from one of Balise's own pages. */
async function readState(b: ExtensionBrowser) {
  const page = await b.newPage();
  try {
    await page.goto(b.extensionUrl('options.html'));
    return await page.evaluate(async (o) => {
      type Area = { get(key: string): Promise<Record<string, unknown>> };
      const api = (globalThis as unknown as { chrome: ExtensionApi }).chrome;
      interface ExtensionApi {
        permissions: { contains(p: { origins: string[] }): Promise<boolean> };
        storage: { local: Area; session: Area };
        scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]> };
      }
      return {
        granted: await api.permissions.contains({ origins: [`${o}/*`] }),
        sites: ((await api.storage.local.get('balise.sites')) as Record<string, unknown>)['balise.sites'] ?? {},
        pending: ((await api.storage.session.get('balise.pendingSite')) as Record<string, unknown>)['balise.pendingSite'] ?? null,
        scripts: (await api.scripting.getRegisteredContentScripts()).map((s) => s.id),
      };
    }, origin);
  } finally {
    await page.close();
  }
}

forEachBrowser((name) => {
  if (name !== 'chromium') return;
  it('offers to switch Balise on from the toolbar on an unknown e-health site, and nothing is granted before the browser’s prompt is answered', { timeout: 120_000 }, async () => {
    await withBrowser(
      name,
      async (b) => {
        await b.servePortals({ [url]: fixtureHtml(tom) });
        const page = await b.newPage();
        await page.goto(url);
        // The TOM replica at an origin Balise does not know: no Balise at all.
        expect(await overlay(page).isShown()).toBe(false);

        const popup = await b.openActionPopup!(url);
        await popup.waitForSelector('::-p-aria([name="Balise n’est pas actif sur ce site"][role="heading"])');
        expect(await popup.$eval('.popup__site', (s) => s.textContent)).toContain('tom-nouveau.esante.gouv.fr fait partie des domaines nationaux');
        const select = await popup.waitForSelector('::-p-aria([name="Ce site est :"][role="combobox"])');
        await select!.select('ans-tom');
        const button = await popup.waitForSelector('::-p-aria([name="Activer Balise sur ce site"][role="button"])');
        await button!.click();

        // The choice waits for the grant; the browser has granted nothing, Balise switched nothing on.
        await expect.poll(async () => (await readState(b)).pending, { timeout: 10_000 }).toMatchObject({ origin, portalId: 'ans-tom' });
        expect(await readState(b)).toMatchObject({ granted: false, sites: {}, scripts: [] });
        await page.reload();
        expect(await overlay(page).isShown()).toBe(false);
        expect(b.strayRequests()).toEqual([]);
      },
      { chromiumArgs: [...actionPopupArgs] },
    );
  });
});
