/**
 * The IGC-Santé « Demander » wizard in real browsers: a JSF page whose steps an AJAX partial
 * response swaps in place, the URL never changing. A person chooses in the list widgets and
 * clicks « Suivant », « Demander un nouveau produit », then a usage; the guide follows each
 * step by what it shows, without a reload, and its hints move to the new fields.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { findPage } from '../../lib/portals';
import { fixtureOf } from '../fixtures/load';
import { serveFixtures, type FixtureServer } from '../demo/serve';
import { forEachBrowser, launch, type ExtensionBrowser } from './harness';
import { overlay } from './pages/overlay';

const pageName = (id: string) => {
  const { portal, page } = findPage('igc-sante', id)!;
  return `${portal.name.fr} · ${page.name.fr}`;
};

forEachBrowser((name) => {
  let b: ExtensionBrowser;
  let served: FixtureServer;

  beforeAll(async () => {
    b = await launch(name);
    served = await serveFixtures(b);
  }, 90_000);
  afterAll(async () => {
    await b?.close();
  });

  it('igc-sante/requestStart: the wizard goes forward in place, the guide follows each step and its hints', async () => {
    const fixture = fixtureOf('igc-sante', 'requestStart');
    served.show(fixture);
    const page = await b.newPage();
    try {
      await page.goto(fixture.url);
      const ui = overlay(page);
      await ui.open();
      const shownName = () => ui.pageName().catch(() => '');
      const poll = { timeout: 20_000 };
      await expect.poll(shownName, poll).toBe(pageName('requestStart'));
      await page.evaluate(() => {
        (window as unknown as { notReloaded: boolean }).notReloaded = true;
      });

      // As a person: open the list, pick PRO; open the structures, pick one.
      await page.click('[id="j_idt42:offre_label"]');
      await page.click('[id="j_idt42:offre_3"]');
      await page.click('[id="j_idt42:structure_label"]');
      await page.click('[id="j_idt42:structure_1"]');
      expect(await page.text('[id="j_idt42:offre_label"]')).toBe('PRO');

      await page.clickByText('Suivant');
      await expect.poll(shownName, poll).toBe(pageName('newProduct'));
      expect(await page.text('[id="j_idt42:j_idt67"]')).toContain('Offre : PRO');

      await page.clickByText('Demander un nouveau produit');
      await expect.poll(shownName, poll).toBe(pageName('productOrder'));
      await expect.poll(() => ui.badges(), poll).toEqual(['Nom principal d’utilisateur (UPN)']);

      await page.click('input[value="SIGN"]');
      await expect.poll(shownName, poll).toBe(pageName('productOrderSign'));
      await expect.poll(() => ui.badges(), poll).toEqual(['Adresse email']);

      expect(await page.url()).toBe(fixture.url);
      expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
      expect(page.consoleErrors()).toEqual([]);
      expect(b.strayRequests()).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
