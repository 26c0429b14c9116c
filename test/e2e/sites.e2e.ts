/**
 * « Activer Balise sur ce site » in a real browser: a portal page served at an origin of the
 * e-health domains that Balise does not know (the TOM replica on tom-nouveau.esante.gouv.fr)
 * gets nothing; the user opens Balise's popup from the toolbar on that tab, says the site is TOM
 * and clicks « Activer Balise sur ce site »; the browser's own permission prompt decides.
 *
 * The toolbar click and the popup are the harness's (ExtensionBrowser.openActionPopup): the tab
 * gets activeTab as with a person's click, and the popup's click is a user gesture.
 *
 * Firefox: `extensions.webextOptionalPermissionPrompts` = false makes the browser accept the
 * optional permission request without showing its prompt; the grant is still the permissions API's
 * (permissions.contains says so). Then the guide appears on that page and names it; removed from the
 * options page, Balise is gone from it after a reload.
 *
 * Chromium: the prompt cannot be answered by automation in this Chromium (156): the switch
 * --apps-gallery-install-auto-confirm-for-tests is gone from the binary, the permissions API's
 * auto-confirm is a C++ test hook (PermissionsRequestFunction::SetAutoConfirmForTests), and no CDP
 * command answers an extension's permission dialog. The test stops at the prompt and checks that
 * nothing is granted nor switched on without the user's answer; the grant is not faked.
 */
import { expect, it } from 'vitest';
import { fixtureHtml, fixtureOf } from '../fixtures/load';
import { actionPopupArgs, forEachBrowser, withBrowser, type ExtensionBrowser, type TestPage } from './harness';
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

/** A built-in portal's page whose guide is up: once it shows, the other tab's would have shown too. */
async function builtInGuideShown(b: ExtensionBrowser): Promise<TestPage> {
  const plage = fixtureOf('plage', 'home');
  await b.servePortals({ [plage.url]: fixtureHtml(plage) });
  const page = await b.newPage();
  await page.goto(plage.url);
  await expect.poll(() => overlay(page).isShown(), { timeout: 20_000 }).toBe(true);
  return page;
}

forEachBrowser((name) => {
  const title =
    name === 'chromium'
      ? 'offered from the toolbar on an unknown e-health site; nothing granted nor switched on while the browser’s prompt waits for the user'
      : 'switched on from the toolbar on an unknown e-health site, with the browser’s grant only; removed from the options page';
  it(title, { timeout: 180_000 }, async () => {
    await withBrowser(
      name,
      async (b) => {
        await b.servePortals({ [url]: fixtureHtml(tom) });
        const page = await b.newPage();
        await page.goto(url);
        // Before: the TOM replica at an origin Balise does not know gets no Balise at all.
        const control = await builtInGuideShown(b);
        expect(await overlay(page).isShown()).toBe(false);
        await control.close();

        const popup = await b.openActionPopup(url);
        expect(await popup.text('.popup__site h2')).toBe('Balise n’est pas actif sur ce site');
        expect(await popup.text('.popup__site p')).toContain('tom-nouveau.esante.gouv.fr fait partie des domaines nationaux');
        await popup.select('select[name="sitePortal"]', 'ans-tom');
        await popup.clickButton('Activer Balise sur ce site');

        if (name === 'chromium') {
          // The browser's prompt is open: the choice waits for the grant; nothing is granted or switched on.
          await expect.poll(async () => (await readState(b)).pending, { timeout: 10_000 }).toMatchObject({ origin, portalId: 'ans-tom' });
          expect(await readState(b)).toMatchObject({ granted: false, sites: {}, scripts: [] });
          await page.reload();
          const again = await builtInGuideShown(b);
          expect(await overlay(page).isShown()).toBe(false);
          await again.close();
          expect(b.strayRequests()).toEqual([]);
          return;
        }

        // The browser granted this exact origin; the tab reloads with the guide, which names the page.
        const ui = overlay(page);
        await ui.open();
        expect(await ui.pageName()).toBe('TOM (téléservice ANS) · Téléservice TOM');
        expect(await readState(b)).toEqual({ granted: true, sites: { [origin]: 'ans-tom' }, pending: null, scripts: ['balise-sites'] });

        // Removed from the options page: the permission, the choice and the registration go.
        const options = await b.newPage();
        await options.goto(b.extensionUrl('options.html'));
        await options.clickByRole('button', 'Retirer tom-nouveau.esante.gouv.fr (TOM (téléservice ANS))');
        await options.waitFor(() => document.body.textContent?.includes('Aucun site activé'));
        expect(await readState(b)).toEqual({ granted: false, sites: {}, pending: null, scripts: [] });
        await options.close();
        await page.reload();
        const control2 = await builtInGuideShown(b);
        expect(await overlay(page).isShown()).toBe(false);
        await control2.close();
        expect(page.consoleErrors(), page.consoleErrors().join('\n')).toEqual([]);
        expect(b.strayRequests()).toEqual([]);
      },
      { chromiumArgs: [...actionPopupArgs], firefoxPrefs: { 'extensions.webextOptionalPermissionPrompts': false } },
    );
  });
});
